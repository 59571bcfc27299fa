"""An invoice as old ERP systems print it: one monospace font, dashed rules, no graphics."""

from __future__ import annotations

from eval.synth import lexicon
from eval.synth.formatting import write_amount
from eval.synth.invoice import RIGHT, InvoiceRenderer


class ErpPrintout(InvoiceRenderer):
    """Same values and bookkeeping as every invoice; only the page looks like a line printer's."""

    def render(self) -> None:
        s, size, x = self.sheet, 8.6, 56.0
        rule = "-" * 86
        y = 60.0
        self.put("seller_name", x, y, 11, font="Courier-Bold")
        y = self.put_address("seller_address", x, y + 13, size, 11, "Courier")
        self.label(rule, x, y, size)
        y += 16
        self.label("RECHNUNG", x, y, 12, bold=True)
        self.label("Nr.:", 330, y, size)
        self.put("invoice_number", 400, y, size)
        self.label("Datum:", 330, y + 12, size)
        self.put("issue_date", 400, y + 12, size)
        if "buyer_reference" in self.f:
            self.label("Leitweg-ID:", 330, y + 24, size)
            self.put("buyer_reference", 400, y + 24, size)
        buyer: lexicon.Office = self.extras["buyer"]
        for index, line in enumerate(
            (
                "AN: Landeshauptstadt München",
                "    " + buyer.unit[:44],
                f"    {buyer.street}",
                f"    {buyer.postcode} München",
            )
        ):
            self.label(line, x, y + 44 + index * 11, size)
        y += 100
        self.label(rule, x, y, size)
        self.label(
            "POS BEZEICHNUNG                         MENGE EH        E-PREIS         BETRAG",
            x,
            y + 11,
            size,
            bold=True,
        )
        self.label(rule, x, y + 22, size)
        y += 34
        for number, line in enumerate(self.extras["lines"], start=1):
            quantity = f"{line.quantity:f}".rstrip("0").rstrip(".").replace(".", ",")
            text = (
                f"{number:>3} {line.description[:34]:<34} {quantity:>6} {line.unit[:5]:<5} "
                f"{write_amount(str(line.unit_price)):>12} {write_amount(str(line.net)):>14}"
            )
            self.label(text, x, y, size)
            y += 11
        self.label(rule, x, y, size)
        y += 14
        total_x = RIGHT - 40
        self.label("NETTO", 300, y, size)
        self.put("net_amount", total_x, y, size, align="right")
        for rate, tax in sorted(self.extras["tax_by_rate"].items()):
            y += 12
            self.label(f"MWST {rate}%", 300, y, size)
            if len(self.extras["tax_by_rate"]) == 1:
                self.put("tax_amount", total_x, y, size, align="right")
            else:
                self.label(write_amount(str(tax)), total_x, y, size, align="right")
        if len(self.extras["tax_by_rate"]) > 1:
            y += 12
            self.label("MWST GESAMT", 300, y, size)
            self.put("tax_amount", total_x, y, size, align="right")
        y += 14
        self.label("BRUTTO", 300, y, size, bold=True)
        self.put("currency", 360, y, size, font="Courier-Bold", text="EUR")
        self.put("gross_amount", total_x, y, size, font="Courier-Bold", align="right")
        if self.extras["prepaid"]:
            y += 12
            self.label("ABSCHLAG", 300, y, size)
            self.label("-" + write_amount(str(self.extras["prepaid"])), total_x, y, size, align="right")
        if "amount_due" in self.f:
            y += 12
            self.label("ZAHLBETRAG", 300, y, size, bold=True)
            self.put("amount_due", total_x, y, size, font="Courier-Bold", align="right")
        y += 24
        if "due_date" in self.f:
            self.label("ZAHLUNGSZIEL:", x, y, size)
            self.put("due_date", x + 90, y, size)
            y += 12
        if "iban" in self.f:
            self.label("BANKVERBINDUNG: IBAN", x, y, size)
            self.put("iban", x + 125, y, size)
            y += 12
        if "seller_vat_id" in self.f:
            self.label("UST-IDNR.:", x, y, size)
            self.put("seller_vat_id", x + 70, y, size)
            y += 12
        if "seller_tax_number" in self.f:
            self.label("STEUERNR.:", x, y, size)
            self.put("seller_tax_number", x + 70, y, size)
        s.text(x, 815, "Dieser Beleg wurde maschinell erstellt.", "Courier", 7)
