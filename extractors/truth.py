"""Ground truth next to a document: `<stem>.truth.json`, the format corpora and benchmarks share."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

TRUTH_SUFFIX = ".truth.json"
TRUTH_SCHEMA_VERSION = 1

Variant = Literal["digital", "acroform", "scan"]
Split = Literal["train", "val", "test"]
ScanFormat = Literal["png", "jpeg", "tiff", "pdf"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TruthBox(_Model):
    """Where one written value (or one part of it) stands on a page."""

    field: str = Field(description="field key; list items and record fields as 'persons.0.given_names'")
    page: int = Field(ge=1, description="page number, 1-based")
    bbox: tuple[float, float, float, float] = Field(
        description="x0, top, x1, bottom from the page's top-left corner, in the page's unit"
    )
    text: str = Field(description="the text as written there, before normalisation")
    occurrence: int = Field(
        default=0,
        description="0 for the first mention; a value printed again (a seller's name in the "
        "letterhead and the footer) gets 1, 2, ... Parts of one mention share the number.",
    )


class PageSize(_Model):
    width: float
    height: float
    unit: Literal["pt", "px"] = Field(description="PDF points (1/72 in) or image pixels")


class ScanDetails(_Model):
    """How the scan variant was made, for slicing results by scan quality."""

    format: ScanFormat
    dpi: int
    colour: Literal["rgb", "gray", "bitonal"]
    skew_degrees: float
    upside_down: bool = False
    blur_radius: float = 0.0
    noise_sigma: float = 0.0
    jpeg_quality: int | None = None


class GroundTruth(_Model):
    """The exact answer for one generated (or hand-labelled) document."""

    schema_version: int = TRUTH_SCHEMA_VERSION
    file: str = Field(description="the document's file name, in the same folder")
    document_type: str
    fields: dict[str, Any] = Field(description="normalised values; absent fields are absent")
    boxes: list[TruthBox] = Field(default_factory=list)
    pages: list[PageSize] = Field(default_factory=list)
    template: str = Field(description="layout template id, e.g. 'hundesteuer/t2-table'")
    variant: Variant
    split: Split
    media_type: str
    scan: ScanDetails | None = None
    defects: list[str] = Field(
        default_factory=list, description="real-world defects, e.g. 'empty:phone', 'stamp'"
    )
    seed: int | None = Field(default=None, description="generator seed of this document")


def truth_path(document: Path) -> Path:
    """`forms/a.pdf` -> `forms/a.truth.json`."""
    return document.with_name(document.stem + TRUTH_SUFFIX)


def read_truth(document: Path) -> GroundTruth:
    """The truth next to `document`. Hand-labelled files may hold only `file`, `document_type`
    and `fields`: the rest is filled in from the document (see `own_document_defaults`)."""
    raw = json.loads(truth_path(document).read_text("utf-8"))
    if isinstance(raw, dict) and not {"variant", "media_type", "template", "split"} <= raw.keys():
        raw = own_document_defaults(document) | raw
    return GroundTruth.model_validate(raw)


def own_document_defaults(document: Path) -> dict[str, Any]:
    """What a hand-labelled real document leaves out: `split` test, `template` "own", the media
    type sniffed from the file, and the variant from what the file holds (an image is a scan; a
    PDF with filled form fields is `acroform`, with a text layer `digital`, else a scan)."""
    from extractors.ingest import PDF, sniff_media_type
    from extractors.reading import acroform_words, text_layer_holds_page, text_words

    with document.open("rb") as stream:
        media_type = sniff_media_type(stream.read(1024)) or "application/octet-stream"
    variant: Variant = "scan"
    if media_type == PDF:
        import pdfplumber

        with pdfplumber.open(document) as pdf:
            if any(acroform_words(page) for page in pdf.pages):
                variant = "acroform"
            elif any(text_layer_holds_page(page, text_words(page)) for page in pdf.pages):
                variant = "digital"
    return {"split": "test", "template": "own", "media_type": media_type, "variant": variant}


def write_truth(document: Path, truth: GroundTruth) -> Path:
    path = truth_path(document)
    path.write_text(truth.model_dump_json(indent=2, exclude_none=True) + "\n", "utf-8")
    return path
