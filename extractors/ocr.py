"""Tesseract OCR of one page image: orientation, deskew, words with boxes, cached by image hash."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from extractors.document import Page, Word
from extractors.geometry import upright_to_scan

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

# Skew is searched in this range (degrees) and step; scanners rarely exceed a few degrees.
MAX_SKEW_DEGREES = 5.0
SKEW_STEP_DEGREES = 0.2
SKEW_SEARCH_WIDTH = 900  # pixels; the search runs on a reduced copy of the page

# A ruling line (a table's border, a frame, a line to write on) is a straight run of ink at
# least this share of the page's width or height; no letter is that long. Pixels darker than
# INK_LEVEL count as ink.
RULE_WIDTH_SHARE = 1 / 25
RULE_HEIGHT_SHARE = 1 / 35
INK_LEVEL = 160


class OcrError(RuntimeError):
    """Tesseract failed on a page (missing, crashed or timed out): transient or an install problem."""


class OcrOptions(BaseModel):
    language: str = Field(default="deu", description="Tesseract language(s), e.g. 'deu' or 'deu+eng'")
    page_segmentation: int = Field(
        default=3,
        description=(
            "Tesseract --psm; 3 (automatic layout) reads 86 % of printed value boxes on the scans of "
            "a test split word for word, 11 (sparse text) only 77 %"
        ),
    )
    orientation: bool = Field(default=True, description="detect pages scanned upside down or sideways")
    deskew: bool = Field(default=True, description="straighten pages scanned at a slant before OCR")
    remove_rules: bool = Field(
        default=True,
        description=(
            "paint ruling lines out before Tesseract reads a straightened page: table borders "
            "make it skip or garble the text in the cells (on the printed scans of two test splits "
            "51 of 1,056 value boxes read as nothing, 7 with the lines painted out)"
        ),
    )
    timeout_seconds: int = Field(default=120, description="give up on a page after this long")
    tesseract_threads: int = Field(
        default=1,
        description="OpenMP threads per Tesseract call (OMP_THREAD_LIMIT); pages run in parallel instead. "
        "Measured on 2 cores: 1 thread with 2 parallel pages reads 0.60 pages/s, Tesseract's default 0.28",
    )
    cache_dir: Path | None = Field(
        default=None, description="where OCR results are kept by image hash (default ~/.cache/docflow/ocr)"
    )


def default_cache_dir() -> Path:
    configured = os.environ.get("DOCFLOW_CACHE_DIR")
    base = Path(configured) if configured else Path.home() / ".cache" / "docflow"
    return base / "ocr"


@cache
def tesseract_version() -> str:
    import pytesseract

    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError) as error:
        raise OcrError(
            "Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-deu"
        ) from error


def _cache_key(image: Image.Image, options: OcrOptions) -> str:
    digest = hashlib.sha256()
    digest.update(f"{image.mode}:{image.size}:{tesseract_version()}:{options.language}:".encode())
    digest.update(f"{options.page_segmentation}:{options.orientation}:{options.deskew}:".encode())
    digest.update(
        f"rules:{options.remove_rules}:{INK_LEVEL}:{RULE_WIDTH_SHARE}:{RULE_HEIGHT_SHARE}:".encode()
    )
    # pages read before the upside-down check (2026-11-25) are read again once
    digest.update(b"turn-check:")
    digest.update(image.tobytes())
    return digest.hexdigest()


def estimate_skew(image: Image.Image) -> float:
    """The turn (degrees, Pillow's sense) that makes text lines horizontal: the angle at which
    the row profile of ink is sharpest."""
    import numpy as np
    from PIL import Image as PILImage

    scale = min(1.0, SKEW_SEARCH_WIDTH / image.width)
    small = image.convert("L").resize(
        (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    )
    ink = small.point(lambda value: 255 if value < 140 else 0)
    best_angle, best_score = 0.0, -1.0
    steps = round(2 * MAX_SKEW_DEGREES / SKEW_STEP_DEGREES) + 1
    for step in range(steps):
        angle = -MAX_SKEW_DEGREES + step * SKEW_STEP_DEGREES
        turned = np.asarray(ink.rotate(angle, PILImage.Resampling.NEAREST, fillcolor=0), dtype=np.float32)
        rows = turned.sum(axis=1)
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score:
            best_angle, best_score = angle, score
    return round(best_angle, 2)


def _runs(ink: np.ndarray, length: int) -> np.ndarray:
    """The pixels of `ink` (rows by columns) that lie on a run of at least `length` inked pixels
    along a row."""
    import numpy as np

    height, width = ink.shape
    if width < length:
        return np.zeros_like(ink)
    sums = np.zeros((height, width + 1), dtype=np.int32)
    np.cumsum(ink, axis=1, out=sums[:, 1:])
    starts = (sums[:, length:] - sums[:, :-length]) == length  # a full run starts here
    # A pixel is on a run that starts at most length - 1 pixels before it: count the starts in
    # that window, with the starts padded so that every window is a plain slice.
    padded = np.pad(starts, ((0, 0), (length - 1, length - 1)))
    counts = np.zeros((height, width + length), dtype=np.int32)
    np.cumsum(padded, axis=1, out=counts[:, 1:])
    on_run: np.ndarray = counts[:, length:] > counts[:, :width]
    return on_run


def without_rules(gray: Image.Image) -> Image.Image:
    """The page (grey, straightened) with its horizontal and vertical ruling lines, and a pixel's
    fringe each side, painted in the paper's shade. Text keeps its place, so word boxes still fit
    the page."""
    import numpy as np
    from PIL import Image as PILImage

    pixels = np.asarray(gray)
    ink = pixels < INK_LEVEL
    height, width = ink.shape
    lines = _runs(ink, max(2, round(width * RULE_WIDTH_SHARE)))
    lines |= _runs(np.ascontiguousarray(ink.T), max(2, round(height * RULE_HEIGHT_SHARE))).T
    fringe = lines.copy()
    fringe[1:] |= lines[:-1]
    fringe[:-1] |= lines[1:]
    fringe[:, 1:] |= lines[:, :-1]
    fringe[:, :-1] |= lines[:, 1:]
    cleaned = pixels.copy()
    # Most of a page is paper. White stripes on grey paper are edges too: on one page of seed
    # 8383 they left Tesseract finding no text at all.
    cleaned[fringe] = np.median(pixels)
    return PILImage.fromarray(cleaned)


def detect_rotation(image: Image.Image, options: OcrOptions) -> int:
    """Clockwise degrees (0, 90, 180, 270) that make the page upright, from Tesseract's OSD."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(
            image, config="--psm 0", output_type=pytesseract.Output.DICT, timeout=options.timeout_seconds
        )
    except pytesseract.TesseractError:
        return 0  # too little text to tell: leave the page as it is
    except RuntimeError as error:  # pytesseract's timeout
        raise OcrError(f"orientation detection timed out: {error}") from error
    rotation = int(osd.get("rotate", 0)) % 360
    confidence = float(osd.get("orientation_conf", 0.0))
    return rotation if confidence >= 1.0 else 0


def _words(
    image: Image.Image, options: OcrOptions
) -> list[tuple[str, tuple[float, float, float, float], float]]:
    import pytesseract

    try:
        data: dict[str, list[Any]] = pytesseract.image_to_data(
            image,
            lang=options.language,
            config=f"--psm {options.page_segmentation}",
            output_type=pytesseract.Output.DICT,
            timeout=options.timeout_seconds,
        )
    except pytesseract.TesseractError as error:
        raise OcrError(f"Tesseract failed: {error.message}") from error
    except RuntimeError as error:
        raise OcrError(f"Tesseract timed out after {options.timeout_seconds} s") from error
    words = []
    for text, left, top, width, height, confidence in zip(
        data["text"], data["left"], data["top"], data["width"], data["height"], data["conf"], strict=True
    ):
        text = str(text).strip()
        if text and float(confidence) >= 0:
            bbox = (float(left), float(top), float(left + width), float(top + height))
            words.append((text, bbox, min(1.0, float(confidence) / 100)))
    return words


# A page read upside down gives word confidences averaging 0.22 to 0.33 (8 pages of two test
# splits); every page read the right way up, handwritten ones included, averaged 0.5 or more.
UNREADABLE_MEAN_CONFIDENCE = 0.42


def _mean_confidence(words: Sequence[Word]) -> float:
    return sum(word.confidence for word in words) / len(words) if words else 0.0


def _read_turned(gray: Image.Image, rotation: int, options: OcrOptions) -> tuple[tuple[Word, ...], float]:
    """The words of the page turned by `rotation` and straightened, with boxes in `gray`'s pixels;
    and the skew that was straightened."""
    from PIL import Image as PILImage

    upright = gray.rotate(-rotation, expand=True) if rotation else gray
    skew = estimate_skew(upright) if options.deskew else 0.0
    if abs(skew) >= SKEW_STEP_DEGREES:
        upright = upright.rotate(skew, PILImage.Resampling.BICUBIC, expand=False, fillcolor=255)
    else:
        skew = 0.0
    legible = without_rules(upright) if options.remove_rules else upright
    words = tuple(
        Word(
            text=text,
            bbox=upright_to_scan(bbox, gray.size, rotation, skew),
            confidence=confidence,
            source="ocr",
        )
        for text, bbox, confidence in _words(legible, options)
    )
    return words, skew


def _second_readings(rotation: int, options: OcrOptions) -> list[tuple[int, OcrOptions]]:
    """Other ways to read a page whose first reading makes no sense.

    Tesseract's orientation guess fails on some 150 dpi pages (it even takes them for Arabic
    script): the page read the other way up may be the one that makes sense. And on a rare page
    the ruling lines painted out leave Tesseract finding no text at all (1 of 135 test documents
    of seed 8383 while the lines were painted white): it is read as scanned."""
    readings = []
    if options.orientation:
        readings.append(((rotation + 180) % 360, options))
    if options.remove_rules:
        readings.append((rotation, options.model_copy(update={"remove_rules": False})))
    return readings


def ocr_image(image: Image.Image, page_number: int, options: OcrOptions) -> Page:
    """Words with boxes in the pixels of `image` as given, however it had to be turned to be read."""
    # Tesseract inherits the environment; an operator's explicit OMP_THREAD_LIMIT wins.
    os.environ.setdefault("OMP_THREAD_LIMIT", str(options.tesseract_threads))
    gray = image.convert("L")
    cache_dir = options.cache_dir or default_cache_dir()
    key = _cache_key(gray, options)
    cached = cache_dir / key[:2] / f"{key}.json"
    if cached.is_file():
        page = Page.model_validate_json(cached.read_text("utf-8"))
        return page.model_copy(update={"number": page_number})
    rotation = detect_rotation(gray, options) if options.orientation else 0
    words, skew = _read_turned(gray, rotation, options)
    if _mean_confidence(words) < UNREADABLE_MEAN_CONFIDENCE:
        for turn, how in _second_readings(rotation, options):
            other_words, other_skew = _read_turned(gray, turn, how)
            if _mean_confidence(other_words) > _mean_confidence(words):
                rotation, words, skew = turn, other_words, other_skew
    page = Page(
        number=page_number,
        width=gray.width,
        height=gray.height,
        unit="px",
        words=words,
        source="ocr",
        rotation=rotation,
        skew_degrees=skew,
    )
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_text(page.model_dump_json(), "utf-8")
    partial.replace(cached)  # atomic: a reader never sees half a file
    return page
