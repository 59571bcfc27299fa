"""E-invoices: the EN 16931 XML attached to a PDF is read in place of the page's print."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from extractors.baseline.classify import classify_document
from extractors.document import ExtractedField, TypePrediction
from extractors.einvoice import EInvoiceError, parse_invoice_xml, with_e_invoice
from extractors.ingest import IngestLimits, ingest
from extractors.reading import read_document
from extractors.routing import validate_extraction
from tests.einvoices import STATED, cii_xml, ubl_xml, write_e_invoice


def test_cii_invoice_values_are_read_as_the_catalogue_normalises_them() -> None:
    syntax, values = parse_invoice_xml(cii_xml())
    assert syntax == "CII"
    # dates 'CCYYMMDD' to ISO, the tax total in the invoice's currency (not the CHF one)
    assert values == STATED


def test_ubl_invoice_values_match_the_same_invoice_in_cii() -> None:
    syntax, values = parse_invoice_xml(ubl_xml())
    assert syntax == "UBL"
    # the legal name, not the trading name; amounts to the cent; the IBAN without spaces
    assert values == STATED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<Invoice><ID>1</ID>", "not well-formed"),
        (b"<Order xmlns='urn:example'><ID>1</ID></Order>", "no EN 16931 invoice"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;">]><x>&b;</x>',
            "document type declaration",
        ),
    ],
)
def test_xml_that_is_no_readable_invoice_is_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(EInvoiceError, match=message):
        parse_invoice_xml(data)


def test_a_value_the_normaliser_refuses_is_left_out() -> None:
    _, values = parse_invoice_xml(cii_xml(net="tausend"))
    assert "net_amount" not in values
    assert values["gross_amount"] == "1190.00"


def test_the_xml_attached_to_a_pdf_is_read_with_its_pages(tmp_path: Path) -> None:
    path = write_e_invoice(tmp_path / "rechnung.pdf", {"factur-x.xml": cii_xml()})
    document = read_document(ingest(path, IngestLimits()))
    assert document.e_invoice is not None
    assert (document.e_invoice.syntax, document.e_invoice.attachment) == ("CII", "factur-x.xml")
    assert document.e_invoice.values == STATED
    assert document.pages[0].source == "text_layer"  # the page is read as before
    assert "Sonnleitner" in {word.text for word in document.pages[0].words}


def test_a_broken_attachment_leaves_the_pdf_read_from_its_pages(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    attachments = {"factur-x.xml": b"<rsm:CrossIndustryInvoice", "notes.xml": b"<Notiz>Sonnleitner</Notiz>"}
    path = write_e_invoice(tmp_path / "rechnung.pdf", attachments)
    with caplog.at_level(logging.WARNING, logger="docflow"):
        document = read_document(ingest(path, IngestLimits()))
    assert document.e_invoice is None
    assert document.pages[0].words
    assert "factur-x.xml" in caplog.text and "notes.xml" in caplog.text
    assert "Sonnleitner" not in caplog.text  # the attachment's content is never logged


def test_an_attachment_without_its_file_leaves_the_pdf_read_from_its_pages(tmp_path: Path) -> None:
    path = write_e_invoice(tmp_path / "rechnung.pdf", {"factur-x.xml": cii_xml()})
    # the file specification loses its embedded file; blanks keep every offset of the PDF valid
    damaged, count = re.subn(rb"/EF\s*<<[^>]*>>", lambda match: b" " * len(match.group()), path.read_bytes())
    assert count == 1
    path.write_bytes(damaged)
    document = read_document(ingest(path, IngestLimits()))
    assert document.e_invoice is None
    assert "Sonnleitner" in {word.text for word in document.pages[0].words}


def test_other_attachments_do_not_hide_the_invoice(tmp_path: Path) -> None:
    attachments = {"lieferschein.xml": b"<Lieferschein/>", "xrechnung.xml": ubl_xml()}
    path = write_e_invoice(tmp_path / "rechnung.pdf", attachments)
    document = read_document(ingest(path, IngestLimits()))
    assert document.e_invoice is not None and document.e_invoice.attachment == "xrechnung.xml"


def test_an_e_invoice_is_an_invoice_with_its_xml_values_certain(tmp_path: Path) -> None:
    # a page that names none of an invoice's keywords: the rules take it for something else
    lines = ["Sehr geehrte Damen und Herren,", "anbei wie besprochen.", "Kundennummer 4711"]
    stated = {key: value for key, value in STATED.items() if key != "amount_due"}
    attachments = {
        "factur-x.xml": cii_xml().replace(b"<ram:DuePayableAmount>1190.00</ram:DuePayableAmount>", b"")
    }
    path = write_e_invoice(tmp_path / "anschreiben.pdf", attachments, lines)
    document = read_document(ingest(path, IngestLimits()))
    page_type = classify_document(document)
    assert page_type.id != "eingangsrechnung"

    typed, fields = with_e_invoice(document, page_type, {})
    assert (typed.id, typed.confidence) == ("eingangsrechnung", 1.0)
    assert {key: field.value for key, field in fields.items() if field.confidence == 1.0} == stated


def test_values_only_the_page_gave_keep_their_confidence(tmp_path: Path) -> None:
    path = write_e_invoice(tmp_path / "rechnung.pdf", {"factur-x.xml": cii_xml()})
    document = read_document(ingest(path, IngestLimits()))
    page_type = TypePrediction(id="eingangsrechnung", confidence=0.7)
    read = {
        "invoice_number": ExtractedField(value="RE-2026-O815", confidence=0.6),  # a misreading
        "iban": ExtractedField(value="DE47701500001234567890", confidence=0.8),
    }
    assert document.e_invoice is not None
    stated = document.e_invoice.model_copy(update={"values": {"invoice_number": "RE-2026-0815"}})
    without_iban = document.model_copy(update={"e_invoice": stated})
    _, fields = with_e_invoice(without_iban, page_type, read)
    assert fields["invoice_number"].value == "RE-2026-0815" and fields["invoice_number"].confidence == 1.0
    assert fields["iban"] == read["iban"]


def test_invoice_arithmetic_still_judges_the_xml(tmp_path: Path) -> None:
    path = write_e_invoice(tmp_path / "rechnung.pdf", {"factur-x.xml": cii_xml(gross="1200.00")})
    document = read_document(ingest(path, IngestLimits()))
    typed, fields = with_e_invoice(document, classify_document(document), {})
    checked = validate_extraction(typed.id, fields)
    assert not checked["gross_amount"].valid
    assert any(issue.startswith("arithmetic") for issue in checked["gross_amount"].issues)
