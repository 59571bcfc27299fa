"""Readers take the cheapest faithful source and give words with boxes where the values are."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from extractors import ocr
from extractors.document import ReadDocument
from extractors.ingest import ingest
from extractors.ocr import OcrOptions, without_rules
from extractors.reading import CHECK_MARK, ReadOptions, read_document
from extractors.truth import GroundTruth, read_truth

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def _read(path: Path, cache: Path) -> ReadDocument:
    return read_document(ingest(path), ReadOptions(ocr=OcrOptions(cache_dir=cache)))


def _found_share(document: ReadDocument, truth: GroundTruth, tolerance: float) -> float:
    """Share of truth values whose words are read inside (or near) their box."""
    hits = 0
    for box in truth.boxes:
        page = document.pages[box.page - 1]
        x0, top, x1, bottom = box.bbox
        pad = tolerance * (bottom - top)
        near = " ".join(
            w.text
            for w in page.words
            if x0 - pad <= (w.bbox[0] + w.bbox[2]) / 2 <= x1 + pad
            and top - pad <= (w.bbox[1] + w.bbox[3]) / 2 <= bottom + pad
        )
        hits += all(part in near for part in box.text.split()[:1])
    return hits / len(truth.boxes)


def test_filled_pdf_forms_are_read_from_their_fields_exactly(tmp_path: Path) -> None:
    path = next(p for p in SAMPLES.rglob("*.pdf") if read_truth(p).variant == "acroform")
    document = _read(path, tmp_path)
    assert document.reader == "acroform"
    values = {w.text for w in document.pages[0].words if w.source == "acroform"}
    for box in read_truth(path).boxes:
        assert set(box.text.split()) <= values | {CHECK_MARK}
    assert _found_share(document, read_truth(path), 0.5) == 1.0


def test_digital_pdfs_are_read_from_the_text_layer_with_ticks(tmp_path: Path) -> None:
    path = SAMPLES / "val" / "gewerbeabmeldung-0002.pdf"
    document = _read(path, tmp_path)
    assert document.reader == "text_layer"
    assert any(word.text == CHECK_MARK for word in document.pages[0].words)
    assert _found_share(document, read_truth(path), 0.5) > 0.9


def test_scans_are_read_by_ocr_deskewed_with_boxes_on_the_scan(tmp_path: Path) -> None:
    path = SAMPLES / "test" / "gewerbeanmeldung-0000.jpg"
    truth = read_truth(path)
    started = time.perf_counter()
    document = _read(path, tmp_path)
    first = time.perf_counter() - started
    page = document.pages[0]
    assert (
        document.reader == "ocr"
        and page.unit == "px"
        and (page.width, page.height) == (truth.pages[0].width, truth.pages[0].height)
    )
    assert truth.scan is not None and abs(page.skew_degrees + truth.scan.skew_degrees) < 0.5
    assert _found_share(document, truth, 1.0) > 0.7
    started = time.perf_counter()
    again = _read(path, tmp_path)
    assert again.pages == document.pages and time.perf_counter() - started < first / 5  # from the cache


def test_an_upside_down_scan_is_turned_and_boxes_stay_on_the_original(tmp_path: Path) -> None:
    path = SAMPLES / "train" / "hundesteuer-0000.png"
    truth = read_truth(path)
    turned = tmp_path / "kopfueber.png"
    with Image.open(path) as image:
        image.rotate(180).save(turned)
    width, height = truth.pages[0].width, truth.pages[0].height
    boxes = [
        box.model_copy(
            update={
                "bbox": (width - box.bbox[2], height - box.bbox[3], width - box.bbox[0], height - box.bbox[1])
            }
        )
        for box in truth.boxes
    ]
    document = _read(turned, tmp_path / "cache")
    assert document.pages[0].rotation == 180
    assert _found_share(document, truth.model_copy(update={"boxes": boxes}), 1.0) > 0.7


def test_a_page_tesseracts_orientation_check_takes_for_upright_is_still_read_the_right_way_up(
    tmp_path: Path,
) -> None:
    """A generated 150 dpi scan of a dog-tax form lying upside down, which Tesseract's orientation
    detection calls upright (and Arabic script). Read as it lies it is gibberish."""
    path = Path(__file__).parent / "data" / "kopfueber-osd-sagt-aufrecht.jpg"
    document = _read(path, tmp_path)
    page = document.pages[0]
    assert page.rotation == 180
    text = " ".join(word.text for word in page.words)
    assert "Anmeldung eines Hundes zur Hundesteuer" in text


def test_ruling_lines_are_painted_out_and_letters_kept() -> None:
    """A table's frame goes, in the paper's shade; strokes as long as letters stay as they were."""
    page = np.full((1754, 1240), 230, dtype=np.uint8)  # grey paper: A4 at 150 dpi
    page[100:103, 20:480] = 20  # a row's border, 3 px thick
    page[100:600, 250:252] = 20  # a column's border
    page[120:145, 60:63] = 30  # an 'l'
    page[130:133, 70:90] = 30  # a dash
    page[300:340, 300:304] = 30  # a 24 pt capital's stem
    cleaned = np.asarray(without_rules(Image.fromarray(page)))
    assert (cleaned[99:104, 20:480] == 230).all() and (cleaned[100:600, 249:253] == 230).all()
    for top, bottom, left, right in ((120, 145, 60, 63), (130, 133, 70, 90), (300, 340, 300, 304)):
        letter = page[top:bottom, left:right]
        assert (cleaned[top:bottom, left:right] == letter).all()


def test_values_in_ruled_boxes_are_read_off_a_scan(tmp_path: Path) -> None:
    """A 300 dpi scan of a form whose values sit in drawn boxes. With the boxes' borders on the
    page Tesseract read the applicant's name, address and parking zone as 'TE' or as nothing."""
    path = SAMPLES / "val" / "bewohnerparkausweis-0000.jpg"
    document = _read(path, tmp_path)
    words = {word.text for word in document.pages[0].words}
    assert {"Melissa", "Hering", "Pilgersheimer", "81543", "914"} <= words
    assert _found_share(document, read_truth(path), 0.5) > 0.7


def test_a_page_left_blank_by_painting_its_lines_out_is_read_as_scanned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should painting the lines out ever leave Tesseract nothing to read, the page is read as it
    was scanned rather than coming out empty."""
    monkeypatch.setattr(ocr, "without_rules", lambda gray: Image.new("L", gray.size, 255))
    path = SAMPLES / "test" / "gewerbeanmeldung-0000.jpg"
    document = _read(path, tmp_path)
    assert _found_share(document, read_truth(path), 1.0) > 0.7


@pytest.mark.parametrize("name", ["train/sonstiges-0001.pdf", "val/widerspruch-0002.pdf"])
def test_letters_and_flyers_have_a_text_layer(tmp_path: Path, name: str) -> None:
    document = _read(SAMPLES / name, tmp_path)
    assert document.reader == "text_layer" and len(document.pages[0].words) > 30


def _scan_with_stamp(scan: Path, out: Path) -> Path:
    """The scan as a PDF page it fills, with a mail room's receipt stamp in its text layer."""
    from reportlab.pdfgen import canvas

    with Image.open(scan) as image:
        width, height = image.size
    page = canvas.Canvas(str(out), pagesize=(width * 72 / 150, height * 72 / 150))
    page.drawImage(str(scan), 0, 0, width * 72 / 150, height * 72 / 150)
    page.setFont("Helvetica", 11)
    page.drawString(width * 72 / 150 - 230, 14, "Eingegangen 25.11.2026 Poststelle KVR")
    page.save()
    return out


def test_a_scan_with_a_stamp_in_its_text_layer_is_read_whole_by_ocr(tmp_path: Path) -> None:
    """A receipt stamp gives the page a text layer of five words; the form under it is an image."""
    scan = SAMPLES / "test" / "gewerbeanmeldung-0000.jpg"
    stamped = _scan_with_stamp(scan, tmp_path / "gestempelt.pdf")
    document = _read(stamped, tmp_path)
    page = document.pages[0]
    text = " ".join(word.text for word in page.words)
    assert document.reader == "ocr" and page.unit == "px"
    assert "Poststelle" in text  # the stamp, read with the rest
    assert _found_share(document, read_truth(scan), 1.0) > 0.7  # boxes on the scan's pixels
    # labelled by hand with the three keys a person writes, it counts as a scan in evaluations
    minimal = {"file": stamped.name, "document_type": "gewerbeanmeldung", "fields": read_truth(scan).fields}
    (tmp_path / "gestempelt.truth.json").write_text(json.dumps(minimal, ensure_ascii=False), "utf-8")
    assert read_truth(stamped).variant == "scan"


def _pdf_without_unicode_map(out: Path) -> Path:
    """A page whose words are set in a font with no map from glyphs to letters."""
    content = b"BT /F1 28 Tf 60 700 Td <002b0048004f004f0052> Tj 0 -60 Td <002a00480045005800550057> Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Ohne /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Ohne /FontDescriptor 7 0 R"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        b"<< /Type /FontDescriptor /FontName /Ohne /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0"
        b" /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)
    out.write_bytes(bytes(data))
    return out


def test_a_text_layer_of_glyph_numbers_is_not_read_as_words(tmp_path: Path) -> None:
    """Without a Unicode map pdfplumber gives '(cid:43)' for each letter: no words for a clerk or
    a model. The page is rendered and read by OCR instead."""
    import pdfplumber

    path = _pdf_without_unicode_map(tmp_path / "ohne-unicode.pdf")
    with pdfplumber.open(path) as pdf:
        assert "(cid:" in (pdf.pages[0].extract_text() or "")
    document = _read(path, tmp_path)
    assert document.reader == "ocr"
    assert not any("(cid:" in word.text for page in document.pages for word in page.words)
