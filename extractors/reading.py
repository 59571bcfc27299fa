"""Read a file into pages of words, from the cheapest faithful source: AcroForm, text layer, or OCR."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from extractors.document import Page, ReadDocument, Word, WordSource
from extractors.einvoice import embedded_invoice
from extractors.ingest import PDF, Ingested
from extractors.ocr import OcrOptions, ocr_image

CHECK_MARK = "☒"
# A page whose text layer holds fewer characters than this is treated as a scan.
MIN_TEXT_LAYER_CHARACTERS = 20
# A page covered this much by one image, with fewer text-layer words than a form prints, is a
# scan with a few words stamped on it (a mail-room receipt stamp, a file number, a page count):
# read whole by OCR, the stamp included, not from the stamp's words alone.
SCAN_IMAGE_COVER = 0.6
STAMP_WORDS = 40
# Words of a font without a Unicode map come out as glyph numbers ('(cid:36)'); a page with this
# share of them has no text layer worth reading.
GLYPH_NUMBER_SHARE = 0.3


class ReadOptions(BaseModel):
    ocr: OcrOptions = Field(default_factory=OcrOptions)
    scan_render_dpi: int = Field(
        default=300, description="dpi to render image-only PDF pages at when their image dpi is unknown"
    )


def _decode(value: Any) -> str:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value)
    return str(getattr(value, "name", value or ""))


def _split_into_words(text: str, bbox: tuple[float, float, float, float], field: str) -> list[Word]:
    """A filled field's value as words, with boxes shared out along the widget by length."""
    parts = text.split()
    total = sum(len(part) for part in parts) + max(0, len(parts) - 1)
    x0, top, x1, bottom = bbox
    width = (x1 - x0) * min(1.0, 0.9 * total / max(total, 1))
    words, cursor = [], 0
    for part in parts:
        start = x0 + width * cursor / max(total, 1)
        end = x0 + width * (cursor + len(part)) / max(total, 1)
        words.append(Word(text=part, bbox=(start, top, end, bottom), source="acroform", form_field=field))
        cursor += len(part) + 1
    return words


def acroform_words(page: Any) -> list[Word]:
    words: list[Word] = []
    for annotation in page.annots:
        data = annotation.get("data") or {}
        kind = _decode(data.get("FT"))
        value = _decode(data.get("V"))
        name = _decode(data.get("T"))
        bbox = (annotation["x0"], annotation["top"], annotation["x1"], annotation["bottom"])
        if kind == "Tx" and value.strip():
            words.extend(_split_into_words(value, bbox, name))
        elif kind == "Btn" and value not in ("", "Off", "None"):
            words.append(Word(text=CHECK_MARK, bbox=bbox, source="acroform", form_field=name))
    return words


def _check_marks(page: Any) -> list[Word]:
    """Crosses drawn as two diagonal strokes in a small square: a ticked box in a digital PDF."""
    strokes: dict[tuple[int, int, int, int], int] = {}
    for line in page.lines:
        width, height = abs(line["x1"] - line["x0"]), abs(line["bottom"] - line["top"])
        if 2 < width < 20 and 2 < height < 20 and 0.6 < width / height < 1.6:
            key = (round(line["x0"]), round(line["top"]), round(line["x1"]), round(line["bottom"]))
            strokes[key] = strokes.get(key, 0) + 1
    return [
        Word(text=CHECK_MARK, bbox=(float(k[0]), float(k[1]), float(k[2]), float(k[3])), source="text_layer")
        for k, count in strokes.items()
        if count >= 2
    ]


def text_words(page: Any) -> list[Word]:
    return [
        Word(text=w["text"], bbox=(w["x0"], w["top"], w["x1"], w["bottom"]), source="text_layer")
        for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)
    ]


def _image_only_page(pdf_path: Path, index: int, page: Any, options: ReadOptions) -> Page:
    """OCR a scanned PDF page at the resolution of its image, so boxes are in that image's pixels."""
    import pypdfium2

    scale = options.scan_render_dpi / 72
    if page.images:
        largest = max(page.images, key=lambda image: image["srcsize"][0] * image["srcsize"][1])
        scale = largest["srcsize"][0] / page.width
    document = pypdfium2.PdfDocument(pdf_path)
    try:
        image = document[index].render(scale=scale).to_pil()
    finally:
        document.close()
    return ocr_image(image, index + 1, options.ocr)


def text_layer_holds_page(page: Any, words: list[Word]) -> bool:
    """Whether the words of a PDF page's text layer are its content, rather than nothing, glyph
    numbers, or a stamp on a scanned image."""
    readable = [word for word in words if "(cid:" not in word.text]
    if sum(len(word.text) for word in readable) < MIN_TEXT_LAYER_CHARACTERS:
        return False
    if len(readable) < (1 - GLYPH_NUMBER_SHARE) * len(words):
        return False
    page_area = float(page.width * page.height)
    covers = [
        (min(image["x1"], page.width) - max(image["x0"], 0))
        * (min(image["bottom"], page.height) - max(image["top"], 0))
        for image in page.images
    ]
    scanned = page_area > 0 and max(covers, default=0.0) >= SCAN_IMAGE_COVER * page_area
    return not (scanned and len(readable) < STAMP_WORDS)


def _read_pdf(path: Path, options: ReadOptions) -> tuple[list[Page], set[str]]:
    import pdfplumber

    pages: list[Page] = []
    sources: set[str] = set()
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            layer_words = text_words(page)
            form_words = acroform_words(page)
            if form_words or text_layer_holds_page(page, layer_words):
                source: WordSource = "acroform" if form_words else "text_layer"
                words = tuple(layer_words + _check_marks(page) + form_words)
                pages.append(
                    Page(
                        number=index + 1,
                        width=float(page.width),
                        height=float(page.height),
                        unit="pt",
                        words=words,
                        source=source,
                    )
                )
            else:
                pages.append(_image_only_page(path, index, page, options))
            sources.add(pages[-1].source)
    return pages, sources


def _read_image(path: Path, options: ReadOptions) -> list[Page]:
    from PIL import Image

    pages = []
    with Image.open(path) as image:
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            pages.append(ocr_image(image.copy(), index + 1, options.ocr))
    return pages


def read_document(ingested: Ingested, options: ReadOptions | None = None) -> ReadDocument:
    """Words with boxes for every page; the reader names what was used (e.g. 'text_layer+ocr')."""
    options = options or ReadOptions()
    if ingested.source.media_type == PDF:
        pages, sources = _read_pdf(ingested.path, options)
    else:
        pages, sources = _read_image(ingested.path, options), {"ocr"}
    reader = "+".join(sorted(sources))
    invoice = embedded_invoice(ingested.path) if ingested.source.media_type == PDF else None
    return ReadDocument(source=ingested.source, pages=tuple(pages), reader=reader, e_invoice=invoice)
