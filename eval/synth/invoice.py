"""Invoices to the city from many invented issuers: letterheads, item tables, VAT and totals."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from eval.synth import lexicon
from eval.synth.formatting import DateStyle, WritingStyle, write_amount, write_date, write_iban
from eval.synth.sheet import Rgb, Sheet, bold_of, fit_font_size, text_width, tint
from eval.synth.values import Address, InvoiceLine, SampledValues

RIGHT = 547.0
ISSUER_FONTS = ("Helvetica", "Vera", "Times-Roman")
ISSUER_COLOURS: tuple[Rgb, ...] = (
    (0.0, 0.3, 0.6),
    (0.7, 0.2, 0.1),
    (0.1, 0.45, 0.3),
    (0.35, 0.2, 0.5),
    (0.2, 0.2, 0.2),
    (0.0, 0.45, 0.5),
    (0.8, 0.45, 0.0),
)
DATE_STYLES: tuple[DateStyle, ...] = ("dd.mm.yyyy", "dd.mm.yyyy", "d.m.yyyy", "dd.mm.yy", "d. month yyyy")


@dataclass(frozen=True)
class InvoiceTemplate:
    """One invoice layout family; issuer, colours and fonts vary per document."""

    id: str
    header: Literal["logo_right", "band", "centred", "sidebar", "mono"]
    info: Literal["block_right", "row", "box"] = "block_right"
    table: Literal["rules", "zebra", "grid"] = "rules"
    totals: Literal["right", "box"] = "right"
    footer: Literal["columns", "line", "sidebar"] = "columns"
    title: str = "Rechnung"
    holdout: bool = False
    long: bool = False
    quote: bool = False
    doc_type: str = "eingangsrechnung"
    fillable: bool = False


INVOICE_TEMPLATES: tuple[InvoiceTemplate, ...] = (
    InvoiceTemplate("eingangsrechnung/t1-din-klassisch", header="logo_right"),
    InvoiceTemplate("eingangsrechnung/t2-farbband", header="band", info="row", table="zebra", totals="box"),
    InvoiceTemplate(
        "eingangsrechnung/t3-zentriert-raster", header="centred", info="box", table="grid", footer="line"
    ),
    InvoiceTemplate(
        "eingangsrechnung/t4-seitenleiste",
        header="sidebar",
        info="block_right",
        footer="sidebar",
        title="RECHNUNG",
    ),
    InvoiceTemplate(
        "eingangsrechnung/t5-mehrseitig", header="logo_right", info="box", table="zebra", long=True
    ),
    InvoiceTemplate("eingangsrechnung/t6-erp-monospace", header="mono", holdout=True),
    InvoiceTemplate(
        "eingangsrechnung/t7-band-raster",
        header="band",
        info="box",
        table="grid",
        totals="box",
        footer="line",
        title="Rechnung / Invoice",
        holdout=True,
    ),
)


class InvoiceRenderer:
    def __init__(
        self, template: InvoiceTemplate, sampled: SampledValues, sheet: Sheet, rng: random.Random
    ) -> None:
        self.t, self.sheet, self.rng = template, sheet, rng
        self.f: dict[str, Any] = sampled.fields
        self.extras = sampled.extras
        self.font = "Courier" if template.header == "mono" else rng.choice(ISSUER_FONTS)
        self.bold = bold_of(self.font)
        self.accent = rng.choice(ISSUER_COLOURS)
        self.writing = WritingStyle(date=rng.choice(DATE_STYLES), group_iban=rng.random() < 0.85)
        self.occurrences: Counter[str] = Counter()
        self.left = 170.0 if template.header == "sidebar" else 56.0
        self.phone = f"+49 {rng.randint(30, 99)} {rng.randint(100000, 9999999)}"
        self.register_number = rng.randint(10000, 250000)  # the same on every page

    # values -------------------------------------------------------------------------------
    def written(self, key: str) -> str | None:
        value = self.f.get(key)
        if value is None:
            return None
        if key in ("issue_date", "due_date"):
            return write_date(value, self.writing.date)
        if key == "iban":
            return write_iban(value, self.writing.group_iban)
        if key in ("net_amount", "tax_amount", "gross_amount", "amount_due"):
            return write_amount(value)
        if key == "currency":
            return self.rng.choice(("EUR", "EUR", "€"))
        if isinstance(value, Address):
            return value.value
        return str(value)

    def put(
        self,
        key: str,
        x: float,
        baseline: float,
        size: float,
        *,
        font: str | None = None,
        align: str = "left",
        text: str | None = None,
        colour: Rgb = (0, 0, 0),
    ) -> float:
        """Write a field value (x is the right edge when align='right'); returns its right end."""
        text = text if text is not None else self.written(key)
        if not text:
            return x
        font = font or self.font
        width = text_width(text, font, size)
        start = x - width if align == "right" else x
        occurrence = self.occurrences[key]
        self.occurrences[key] += 1
        self.sheet.write_value(key, text, start, baseline, font, size, colour=colour, occurrence=occurrence)
        return start + width

    def put_address(
        self, key: str, x: float, baseline: float, size: float, leading: float, font: str | None = None
    ) -> float:
        """Street and town on two lines, one mention; returns the baseline after it."""
        address = self.f.get(key)
        if not isinstance(address, Address):
            return baseline
        occurrence = self.occurrences[key]
        self.occurrences[key] += 1
        for index, part in enumerate((address.street, address.town)):
            self.sheet.write_value(
                key, part, x, baseline + index * leading, font or self.font, size, occurrence=occurrence
            )
        return baseline + 2 * leading

    def label(
        self,
        text: str,
        x: float,
        baseline: float,
        size: float = 8.5,
        *,
        bold: bool = False,
        align: str = "left",
        colour: Rgb = (0, 0, 0),
    ) -> None:
        self.sheet.text(x, baseline, text, self.bold if bold else self.font, size, colour, align)

    # the page -----------------------------------------------------------------------------
    def render(self) -> None:
        self._letterhead()
        self._sender_and_recipient()
        y = self._info()
        y = self._title(y)
        y = self._items(y)
        y = self._totals(y)
        self._payment(y)
        self._footer()

    def _letterhead(self) -> None:
        s, name = self.sheet, self.written("seller_name") or ""
        trade = self.extras["supplier"].trade
        if self.t.header == "band":
            s.rect(0, 0, s.width, 78, stroke=None, fill=self.accent)
            size = fit_font_size(name, self.bold, 19, 420)
            self.put("seller_name", 56, 45, size, font=self.bold, colour=(1, 1, 1))
            self.label(trade, 56, 62, 8.5, colour=(1, 1, 1))
        elif self.t.header == "centred":
            size = fit_font_size(name, self.bold, 18, 440)
            self.put(
                "seller_name",
                s.width / 2 - text_width(name, self.bold, size) / 2,
                55,
                size,
                font=self.bold,
                colour=self.accent,
            )
            self.label(trade, s.width / 2, 70, 8.5, align="centre")
            s.line(56, 80, RIGHT, 80, 1.0, self.accent)
        elif self.t.header == "sidebar":
            s.rect(0, 0, 150, s.height, stroke=None, fill=tint(self.accent, 0.88))
            s.rect(0, 0, 150, 6, stroke=None, fill=self.accent)
            size = fit_font_size(name, self.bold, 13, 125, 7)
            self.put("seller_name", 14, 48, size, font=self.bold, colour=self.accent)
            self.label(trade[:28], 14, 62, 7)
        else:
            size = fit_font_size(name, self.bold, 17, 300)
            self.put("seller_name", RIGHT, 58, size, font=self.bold, align="right", colour=self.accent)
            self.label(trade, RIGHT, 72, 8, align="right", colour=(0.35, 0.35, 0.35))
            shape_x = RIGHT - text_width(name, self.bold, size) - 30
            s.rect(shape_x, 40, 20, 20, stroke=None, fill=self.accent, radius=self.rng.choice((0, 4, 10)))

    def _sender_and_recipient(self) -> None:
        s, x = self.sheet, self.left
        address = self.f.get("seller_address")
        y = 132
        end = self.put("seller_name", x, y, 6.5)
        if isinstance(address, Address):
            occurrence = self.occurrences["seller_address"]
            self.occurrences["seller_address"] += 1
            for part in (address.street, address.town):
                end = s.text(end, y, "  ·  ", self.font, 6.5)[2]
                end = s.write_value("seller_address", part, end, y, self.font, 6.5, occurrence=occurrence)[2]
        s.line(x, y + 2, end, y + 2, 0.3)
        buyer: lexicon.Office = self.extras["buyer"]
        for index, line in enumerate(
            ("Landeshauptstadt München", buyer.unit, buyer.street, f"{buyer.postcode} München")
        ):
            self.label(line[:60], x, 150 + index * 12, 9.5)

    def _info_rows(self) -> list[tuple[str, str | None, str]]:
        issue = dt.date.fromisoformat(self.f["issue_date"])
        delivered = write_date(
            (issue - dt.timedelta(days=self.rng.randint(1, 20))).isoformat(), self.writing.date
        )
        number_label = "Rechnungsnummer" if self.rng.random() < 0.6 else "Rechnungs-Nr."
        rows = [
            ("Angebotsnummer" if self.t.quote else number_label, "invoice_number", ""),
            ("Rechnungsdatum" if self.rng.random() < 0.6 else "Datum", "issue_date", ""),
            ("Lieferdatum" if self.rng.random() < 0.5 else "Leistungsdatum", None, delivered),
            ("Kundennummer", None, self.extras["customer_number"]),
        ]
        if "buyer_reference" in self.f:
            rows.append(
                ("Leitweg-ID" if self.rng.random() < 0.7 else "Ihre Leitweg-ID", "buyer_reference", "")
            )
        return rows

    def _info(self) -> float:
        rows = self._info_rows()
        if self.t.info == "row" or (self.t.header == "sidebar" and self.t.info != "block_right"):
            y, width = 222.0, (RIGHT - self.left) / len(rows)
            for index, (label, key, text) in enumerate(rows):
                x = self.left + index * width
                self.label(label, x, y, 7, colour=(0.4, 0.4, 0.4))
                self._info_value(key, text, x, y + 12, 9, "left")
            return y + 26
        x_label, y = (370.0, 146.0) if self.t.header != "sidebar" else (380.0, 146.0)
        if self.t.info == "box":
            self.sheet.rect(
                x_label - 8,
                y - 12,
                RIGHT - x_label + 14,
                14 * len(rows) + 8,
                stroke=self.accent,
                line_width=0.6,
            )
        for index, (label, key, text) in enumerate(rows):
            self.label(label + ":", x_label, y + index * 14, 8.5)
            self._info_value(key, text, RIGHT, y + index * 14, 8.5, "right")
        return max(228.0, y + 14 * len(rows) + 10)

    def _info_value(
        self, key: str | None, text: str, x: float, baseline: float, size: float, align: str
    ) -> None:
        if key is not None:
            self.put(key, x, baseline, size, align=align)
        else:
            self.label(text, x, baseline, size, align=align)

    def _title(self, y: float) -> float:
        y += 22
        self.label(self.t.title, self.left, y, 15, bold=True, colour=self.accent)
        if self.rng.random() < 0.4:
            end = self.left + text_width(self.t.title + " Nr. ", self.bold, 15)
            self.label(
                " Nr. ", end - text_width(" Nr. ", self.bold, 15), y, 15, bold=True, colour=self.accent
            )
            self.put("invoice_number", end, y, 15, font=self.bold, colour=self.accent)
        self.label("Sehr geehrte Damen und Herren,", self.left, y + 20, 9)
        intro = (
            "gerne bieten wir Ihnen die folgenden Leistungen an:"
            if self.t.quote
            else "für unsere Lieferungen und Leistungen berechnen wir Ihnen:"
        )
        self.label(intro, self.left, y + 32, 9)
        return y + 46

    def _columns(self) -> list[tuple[str, float, str]]:
        width = RIGHT - self.left
        fixed = [
            ("Pos.", 26.0, "left"),
            ("Menge", 40.0, "right"),
            ("Einheit", 42.0, "left"),
            ("Einzelpreis", 62.0, "right"),
            ("USt", 32.0, "right"),
            ("Gesamt", 66.0, "right"),
        ]
        description = width - sum(w for _, w, _ in fixed)
        return [fixed[0], ("Bezeichnung", description, "left"), *fixed[1:]]

    def _table_header(self, y: float) -> float:
        columns, x = self._columns(), self.left
        if self.t.table == "grid":
            self.sheet.rect(self.left, y, RIGHT - self.left, 15, fill=(0.9, 0.9, 0.9), line_width=0.5)
        elif self.t.table == "zebra":
            self.sheet.rect(self.left, y, RIGHT - self.left, 15, stroke=None, fill=self.accent)
        for title, width, align in columns:
            colour: Rgb = (1, 1, 1) if self.t.table == "zebra" else (0, 0, 0)
            anchor = x + width - 3 if align == "right" else x + 3
            self.label(title, anchor, y + 10.5, 8, bold=True, align=align, colour=colour)
            x += width
        if self.t.table == "rules":
            self.sheet.line(self.left, y + 15, RIGHT, y + 15, 0.8)
        return y + 15

    def _items(self, y: float) -> float:
        lines: list[InvoiceLine] = self.extras["lines"]
        y = self._table_header(y)
        carried = Decimal(0)
        for number, line in enumerate(lines, start=1):
            if y > 700:
                self.label("Übertrag", RIGHT - 80, y + 14, 8.5, bold=True, align="right")
                self.label(write_amount(str(carried)), RIGHT - 3, y + 14, 8.5, align="right")
                self._footer()
                self.sheet.new_page()
                self.label(f"{self.t.title} – Seite {self.sheet.page}", self.left, 50, 9, bold=True)
                self.put("invoice_number", RIGHT, 50, 9, align="right")
                self.label("Übertrag", RIGHT - 80, 74, 8.5, bold=True, align="right")
                self.label(write_amount(str(carried)), RIGHT - 3, 74, 8.5, align="right")
                y = self._table_header(84)
            self._item_row(number, line, y)
            carried += line.net
            y += 16
        if self.t.table == "rules":
            self.sheet.line(self.left, y + 2, RIGHT, y + 2, 0.8)
        return y + 8

    def _item_row(self, number: int, line: InvoiceLine, y: float) -> None:
        quantity = f"{line.quantity:f}".rstrip("0").rstrip(".").replace(".", ",")
        cells = [
            str(number),
            line.description,
            quantity,
            line.unit,
            write_amount(str(line.unit_price)),
            f"{line.vat_rate} %",
            write_amount(str(line.net)),
        ]
        if self.t.table == "zebra" and number % 2 == 0:
            self.sheet.rect(self.left, y, RIGHT - self.left, 16, stroke=None, fill=(0.94, 0.94, 0.94))
        x = self.left
        for (_, width, align), text in zip(self._columns(), cells, strict=True):
            if self.t.table == "grid":
                self.sheet.rect(x, y, width, 16, line_width=0.4)
            size = fit_font_size(text, self.font, 8.5, width - 6, 5.5)
            self.label(text, x + width - 3 if align == "right" else x + 3, y + 11.5, size, align=align)
            x += width

    def _totals(self, y: float) -> float:
        tax_by_rate: dict[int, Decimal] = self.extras["tax_by_rate"]
        net_by_rate: dict[int, Decimal] = self.extras["net_by_rate"]
        rows: list[tuple[str, str | None, str, bool]] = [
            ("Nettobetrag" if self.rng.random() < 0.5 else "Summe netto", "net_amount", "", False)
        ]
        if len(tax_by_rate) == 1:
            rate = next(iter(tax_by_rate))
            rows.append(
                (
                    f"zzgl. {rate} % USt" if self.rng.random() < 0.5 else f"Umsatzsteuer {rate} %",
                    "tax_amount",
                    "",
                    False,
                )
            )
        else:
            for rate in sorted(tax_by_rate):
                rows.append(
                    (
                        f"USt {rate} % auf {write_amount(str(net_by_rate[rate]))}",
                        None,
                        write_amount(str(tax_by_rate[rate])),
                        False,
                    )
                )
            rows.append(("Umsatzsteuer gesamt", "tax_amount", "", False))
        rows.append(
            ("Gesamtbetrag" if self.rng.random() < 0.6 else "Rechnungsbetrag", "gross_amount", "", True)
        )
        prepaid: Decimal = self.extras["prepaid"]
        if prepaid:
            rows.append(("abzgl. Abschlagszahlung", None, "-" + write_amount(str(prepaid)), False))
        if "amount_due" in self.f:
            rows.append(
                (self.rng.choice(("Zahlbetrag", "Offener Betrag", "Zu zahlen")), "amount_due", "", True)
            )
        if y + 14 * len(rows) > 700:
            self._footer()
            self.sheet.new_page()
            y = 60
        x_label = 330.0
        if self.t.totals == "box":
            self.sheet.rect(
                x_label - 8, y, RIGHT - x_label + 12, 14 * len(rows) + 8, stroke=None, fill=(0.93, 0.93, 0.93)
            )
        y += 12
        currency = self.written("currency") or ""
        for label, key, text, strong in rows:
            self.label(label, x_label, y, 9, bold=strong)
            value_end = RIGHT - 3
            if key == "gross_amount":
                value_end -= text_width(currency, self.bold, 9) + 4
            if key is None:
                self.label(text, value_end, y, 9, align="right")
            else:
                self.put(key, value_end, y, 9, font=self.bold if strong else self.font, align="right")
            if key == "gross_amount":
                self.put("currency", RIGHT - 3, y, 9, font=self.bold, align="right", text=currency)
            y += 14
        return y + 6

    def _payment(self, y: float) -> None:
        y += 10
        if self.t.quote:
            self.label(
                "Dieses Angebot ist 30 Tage gültig. Wir freuen uns auf Ihren Auftrag.", self.left, y, 9
            )
            return
        if "due_date" in self.f:
            before = self.rng.choice(("Bitte überweisen Sie den Betrag bis zum ", "Zahlbar ohne Abzug bis "))
            end = self.sheet.text(self.left, y, before, self.font, 9)[2]
            end = self.put("due_date", end, y, 9)
            self.sheet.text(end, y, ".", self.font, 9)
        else:
            terms = self.rng.choice(lexicon.PAYMENT_TERMS).format(days=self.extras["payment_days"])
            self.label(terms, self.left, y, 9)
        self.label(self.rng.choice(lexicon.THANK_YOU_LINES), self.left, y + 16, 9)

    def _footer_blocks(self) -> list[list[tuple[str, str | None]]]:
        address = self.f.get("seller_address")
        company: list[tuple[str, str | None]] = [("", "seller_name")]
        if isinstance(address, Address):
            company += [("", "seller_address.street"), ("", "seller_address.town")]
        contact: list[tuple[str, str | None]] = [(f"Tel. {self.phone}", None), ("info@firma.example", None)]
        bank: list[tuple[str, str | None]] = []
        if "iban" in self.f:
            bank = [("Bankverbindung", None), ("IBAN ", "iban")]
        tax: list[tuple[str, str | None]] = []
        if "seller_vat_id" in self.f:
            tax.append(("USt-IdNr. ", "seller_vat_id"))
        if "seller_tax_number" in self.f:
            tax.append(("St.-Nr. ", "seller_tax_number"))
        tax.append((f"HRB {self.register_number}", None))
        return [company, contact, bank, tax]

    def _footer(self) -> None:
        blocks = [block for block in self._footer_blocks() if block]
        size = 6.8
        if self.t.footer == "sidebar":
            y = 600.0
            for block in blocks:
                for prefix, key in block:
                    self._footer_entry(prefix, key, 14, y, size, 125)
                    y += 9
                y += 6
            return
        if self.t.footer == "line":
            self.sheet.line(56, 792, RIGHT, 792, 0.5, self.accent)
            x, y = 56.0, 802.0
            for block in blocks:
                for prefix, key in block:
                    x = self._footer_entry(prefix, key, x, y, 6.2, 400) + 8
                    if x > 470:
                        x, y = 56.0, y + 9
            return
        self.sheet.line(self.left, 770, RIGHT, 770, 0.5, (0.6, 0.6, 0.6))
        width = (RIGHT - self.left) / len(blocks)
        for column, block in enumerate(blocks):
            for row, (prefix, key) in enumerate(block):
                self._footer_entry(prefix, key, self.left + column * width, 782 + row * 9, size, width - 6)

    def _footer_entry(
        self, prefix: str, key: str | None, x: float, y: float, size: float, width: float
    ) -> float:
        end = self.sheet.text(x, y, prefix, self.font, size, (0.3, 0.3, 0.3))[2] if prefix else x
        if key is None:
            return end
        if key.startswith("seller_address."):
            # Street and town on two footer lines are one mention: the street line opens it.
            address = self.f["seller_address"]
            part = address.street if key.endswith("street") else address.town
            occurrence = (
                self.occurrences["seller_address"]
                if key.endswith("street")
                else self.occurrences["seller_address"] - 1
            )
            if key.endswith("street"):
                self.occurrences["seller_address"] += 1
            return self.sheet.write_value(
                "seller_address", part, end, y, self.font, size, occurrence=occurrence
            )[2]
        text = self.written(key) or ""
        return self.put(key, end, y, fit_font_size(text, self.font, size, max(width - (end - x), 20), 5))
