"""Invoices that carry their own data: the EN 16931 XML inside a ZUGFeRD, Factur-X or XRechnung PDF.

A supplier's e-invoice PDF holds the invoice twice: as the page a person reads and as an XML file
attached to the PDF, which is the legally leading one. Its values are read from the XML, not
from the page, whatever the page looks like. Both syntaxes EN 16931 allows are read: UN/CEFACT
Cross Industry Invoice (ZUGFeRD 2, Factur-X, XRechnung CII) and OASIS UBL 2.1 (XRechnung UBL).
ZUGFeRD 1.0 (2014) is not read; such a PDF is read from its page like any other.
"""

from __future__ import annotations

import datetime as dt
import logging
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

from extractors.catalogue import load_catalogue
from extractors.document import EInvoice, ExtractedField, ReadDocument, Syntax, TypePrediction
from extractors.normalise import NormalisationError, normalise_value

log = logging.getLogger("docflow")

INVOICE_TYPE = "eingangsrechnung"
# The names the standards give the attached file, tried first; any other attached XML whose root
# is an invoice counts too.
KNOWN_NAMES = ("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml")
# An invoice's XML is a few hundred kilobytes at most, even with thousands of lines.
MAX_XML_BYTES = 20 * 1024 * 1024
EXTRACTOR_NAME = "e-invoice XML (EN 16931)"


class EInvoiceError(ValueError):
    """An attached XML file that is no invoice this module can read."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ElementTree.Element | None, name: str) -> Iterator[ElementTree.Element]:
    return (child for child in (element if element is not None else ()) if _local(child.tag) == name)


def _find(element: ElementTree.Element | None, path: str) -> ElementTree.Element | None:
    """The first element along `path` (local names joined by '/'), namespaces ignored."""
    for name in path.split("/"):
        if element is None:
            return None
        element = next(_children(element, name), None)
    return element


def _text(element: ElementTree.Element | None, path: str = "") -> str | None:
    found = _find(element, path) if path else element
    text = (found.text or "").strip() if found is not None else ""
    return text or None


def _amount(text: str | None) -> str | None:
    """XML amounts are plain decimals ('1234.5', '1234.567'): read as such before the catalogue's
    normaliser, which would take a third decimal for a German thousands separator."""
    if text is None:
        return None
    try:
        return str(Decimal(text).quantize(Decimal("0.01")))
    except InvalidOperation:
        return None


def _cii_date(element: ElementTree.Element | None) -> str | None:
    """UN/CEFACT dates are 'CCYYMMDD' (format 102)."""
    text = _text(element, "DateTimeString")
    if text is None:
        return None
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date().isoformat()
    except ValueError:
        return None


def _in_currency(amounts: list[ElementTree.Element], currency: str | None) -> str | None:
    """BT-110 is the tax total in the invoice's currency (BT-111, in the accounting currency, may
    stand beside it)."""
    chosen = next((a for a in amounts if currency and a.get("currencyID") == currency), None)
    return _amount(_text(chosen if chosen is not None else (amounts[0] if amounts else None)))


def _address(lines: list[str | None], postcode: str | None, city: str | None) -> str | None:
    street = " ".join(line for line in lines if line)
    town = " ".join(part for part in (postcode, city) if part)
    return "\n".join(part for part in (street, town) if part) or None


def _cii_values(root: ElementTree.Element) -> dict[str, str | None]:
    document = _find(root, "ExchangedDocument")
    trade = _find(root, "SupplyChainTradeTransaction")
    agreement = _find(trade, "ApplicableHeaderTradeAgreement")
    seller = _find(agreement, "SellerTradeParty")
    settlement = _find(trade, "ApplicableHeaderTradeSettlement")
    sums = _find(settlement, "SpecifiedTradeSettlementHeaderMonetarySummation")
    currency = _text(settlement, "InvoiceCurrencyCode")
    # BT-31 (VAT id, scheme 'VA') and BT-32 (tax number, scheme 'FC')
    registrations = {
        (number.get("schemeID") or "").upper(): _text(number)
        for entry in _children(seller, "SpecifiedTaxRegistration")
        for number in _children(entry, "ID")
    }
    address = _find(seller, "PostalTradeAddress")
    return {
        "invoice_number": _text(document, "ID"),
        "issue_date": _cii_date(_find(document, "IssueDateTime")),
        "due_date": _cii_date(_find(settlement, "SpecifiedTradePaymentTerms/DueDateDateTime")),
        "buyer_reference": _text(agreement, "BuyerReference"),
        "seller_name": _text(seller, "Name"),
        "seller_vat_id": registrations.get("VA"),
        "seller_tax_number": registrations.get("FC"),
        "seller_address": _address(
            [_text(address, f"Line{n}") for n in ("One", "Two", "Three")],
            _text(address, "PostcodeCode"),
            _text(address, "CityName"),
        ),
        "currency": currency,
        "net_amount": _amount(_text(sums, "TaxBasisTotalAmount")),
        "tax_amount": _in_currency(list(_children(sums, "TaxTotalAmount")), currency),
        "gross_amount": _amount(_text(sums, "GrandTotalAmount")),
        "amount_due": _amount(_text(sums, "DuePayableAmount")),
        "iban": _text(
            settlement, "SpecifiedTradeSettlementPaymentMeans/PayeePartyCreditorFinancialAccount/IBANID"
        ),
    }


def _ubl_values(root: ElementTree.Element) -> dict[str, str | None]:
    party = _find(root, "AccountingSupplierParty/Party")
    schemes = {
        (_text(scheme, "TaxScheme/ID") or "").upper(): _text(scheme, "CompanyID")
        for scheme in _children(party, "PartyTaxScheme")
    }
    address = _find(party, "PostalAddress")
    currency = _text(root, "DocumentCurrencyCode")
    totals = _find(root, "LegalMonetaryTotal")
    taxes = [amount for total in _children(root, "TaxTotal") for amount in _children(total, "TaxAmount")]
    return {
        "invoice_number": _text(root, "ID"),
        "issue_date": _text(root, "IssueDate"),
        "due_date": _text(root, "DueDate") or _text(root, "PaymentMeans/PaymentDueDate"),
        "buyer_reference": _text(root, "BuyerReference"),
        "seller_name": _text(party, "PartyLegalEntity/RegistrationName") or _text(party, "PartyName/Name"),
        "seller_vat_id": schemes.get("VAT"),
        # XRechnung puts the German tax number (BT-32) in a tax scheme other than 'VAT' ('FC')
        "seller_tax_number": next((number for key, number in schemes.items() if key != "VAT"), None),
        "seller_address": _address(
            [_text(address, "StreetName"), _text(address, "AdditionalStreetName")],
            _text(address, "PostalZone"),
            _text(address, "CityName"),
        ),
        "currency": currency,
        "net_amount": _amount(_text(totals, "TaxExclusiveAmount")),
        "tax_amount": _in_currency(taxes, currency),
        "gross_amount": _amount(_text(totals, "TaxInclusiveAmount")),
        "amount_due": _amount(_text(totals, "PayableAmount")),
        "iban": _text(root, "PaymentMeans/PayeeFinancialAccount/ID"),
    }


def parse_invoice_xml(data: bytes) -> tuple[Syntax, dict[str, str]]:
    """The syntax and the catalogue's `eingangsrechnung` values an EN 16931 XML states; a value
    the catalogue's normaliser refuses is left out (the page may still show it)."""
    if len(data) > MAX_XML_BYTES:
        raise EInvoiceError(f"XML of {len(data)} bytes is larger than any invoice")
    if b"<!DOCTYPE" in data:
        # no invoice schema uses a DTD; the entities XML bombs are built from are declared in one
        raise EInvoiceError("XML with a document type declaration is refused")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise EInvoiceError(f"not well-formed XML: {error}") from None
    syntax: Syntax
    if _local(root.tag) == "CrossIndustryInvoice":
        syntax, raw = "CII", _cii_values(root)
    elif _local(root.tag) in ("Invoice", "CreditNote") and "ubl" in root.tag.lower():
        syntax, raw = "UBL", _ubl_values(root)
    else:
        raise EInvoiceError(f"root element {_local(root.tag)!r} is no EN 16931 invoice")
    specs = {spec.key: spec for spec in load_catalogue().type(INVOICE_TYPE).fields}
    values = {}
    for key, text in raw.items():
        if text is None:
            continue
        try:
            values[key] = normalise_value(specs[key], text)
        except NormalisationError:
            continue
    return syntax, values


def _attachments(path: Path) -> list[tuple[str, bytes]]:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        found = []
        for index in range(document.count_attachments()):
            attachment = document.get_attachment(index)
            name = attachment.get_name()
            if name.lower().endswith(".xml"):
                found.append((name, bytes(attachment.get_data())))
        return found
    finally:
        document.close()


def embedded_invoice(path: Path) -> EInvoice | None:
    """The e-invoice attached to a PDF, or None where there is none that can be read. A broken
    attachment is logged (by name, never by content) and the PDF is read from its pages."""
    import pypdfium2

    try:
        found = _attachments(path)
    except pypdfium2.PdfiumError as error:  # a damaged attachment must not cost the pages
        log.warning("the PDF's attachments cannot be read: %s", error)
        return None
    attachments = sorted(found, key=lambda item: item[0].lower() not in KNOWN_NAMES)
    for name, data in attachments:
        try:
            syntax, values = parse_invoice_xml(data)
        except EInvoiceError as error:
            log.warning("attached %s is not read as an e-invoice: %s", name, error)
            continue
        return EInvoice(syntax=syntax, attachment=name, values=values)
    return None


def with_e_invoice(
    document: ReadDocument, prediction: TypePrediction, fields: dict[str, ExtractedField]
) -> tuple[TypePrediction, dict[str, ExtractedField]]:
    """The type and fields read from a document's pages, with what its attached XML states put
    first: an e-invoice is an invoice, and its XML's values are certain. A value only the page
    gave keeps its reading's confidence (read again as an invoice where the page was taken for
    another type)."""
    # the rules read pages through the reader, which reads e-invoices: imported when needed
    from extractors.baseline.extract import extract_fields

    invoice = document.e_invoice
    if invoice is None:
        return prediction, fields
    typed = TypePrediction(id=INVOICE_TYPE, confidence=1.0, scores={INVOICE_TYPE: 1.0})
    page_fields = fields if prediction.id == INVOICE_TYPE else extract_fields(document, INVOICE_TYPE)
    stated = {key: ExtractedField(value=value, confidence=1.0) for key, value in invoice.values.items()}
    merged = page_fields | stated
    return typed, {key: merged[key] for key in sorted(merged)}
