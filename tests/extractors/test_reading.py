"""Readers take the cheapest faithful source and give words with boxes where the values are."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PIL import Image

from extractors.document import ReadDocument
from extractors.ingest import ingest
from extractors.ocr import OcrOptions
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


@pytest.mark.parametrize("name", ["train/sonstiges-0001.pdf", "val/widerspruch-0002.pdf"])
def test_letters_and_flyers_have_a_text_layer(tmp_path: Path, name: str) -> None:
    document = _read(SAMPLES / name, tmp_path)
    assert document.reader == "text_layer" and len(document.pages[0].words) > 30
