"""The one document model every stage passes on: file -> pages -> words -> type -> fields -> result."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

RESULT_SCHEMA_VERSION = 1

BBox = tuple[float, float, float, float]
WordSource = Literal["acroform", "text_layer", "ocr"]
Status = Literal["routed", "review", "quarantined"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceFile(_Frozen):
    """What arrived: the file as the clerk dropped it."""

    filename: str
    sha256: str
    pages: int = 0
    media_type: str = "application/octet-stream"
    size_bytes: int = 0


class Word(_Frozen):
    """A word on a page with its box (x0, top, x1, bottom from the top-left, in the page's unit)."""

    text: str
    bbox: BBox
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    source: WordSource
    form_field: str | None = Field(default=None, description="AcroForm field name the word came from")


class Page(_Frozen):
    number: int = Field(ge=1)
    width: float
    height: float
    unit: Literal["pt", "px"]
    words: tuple[Word, ...]
    source: WordSource
    rotation: int = Field(default=0, description="degrees the page was turned to be read upright")
    skew_degrees: float = 0.0


Syntax = Literal["CII", "UBL"]


class EInvoice(_Frozen):
    """The values the XML attached to an e-invoice PDF states, normalised as the catalogue's are."""

    syntax: Syntax = Field(description="'CII' (ZUGFeRD 2, Factur-X, XRechnung CII) or 'UBL' (XRechnung UBL)")
    attachment: str = Field(description="the attached file's name, e.g. 'factur-x.xml'")
    values: dict[str, str] = Field(default_factory=dict, description="catalogue key -> normalised value")


class ReadDocument(_Frozen):
    """A file read into pages of words, and which reader did it."""

    source: SourceFile
    pages: tuple[Page, ...]
    reader: str
    e_invoice: EInvoice | None = Field(default=None, description="what an attached e-invoice XML states")


class TypePrediction(_Frozen):
    id: str
    confidence: float = Field(ge=0.0, le=1.0)
    scores: dict[str, float] = Field(default_factory=dict, description="per type, for review and debugging")


class ExtractedField(_Frozen):
    """One field value as the extractor found it, before and after validation."""

    value: Any
    confidence: float = Field(ge=0.0, le=1.0)
    page: int | None = None
    bbox: BBox | None = None
    valid: bool = True
    issues: tuple[str, ...] = ()


class Engine(_Frozen):
    reader: str = ""
    classifier: str = ""
    extractor: str = ""
    backend: str = Field(
        default="local", description="where the model ran: 'local', 'partner', or 'local-fallback'"
    )
    fallback: str = Field(default="", description="why the partner was not used (local-fallback only)")


class Timings(_Frozen):
    read: float = 0.0
    classify: float = 0.0
    extract: float = 0.0
    total: float = 0.0


class Result(_Frozen):
    """The result contract downstream systems, the benchmark and later issues read."""

    schema_version: int = RESULT_SCHEMA_VERSION
    source: SourceFile
    document_type: TypePrediction | None = None
    fields: dict[str, ExtractedField] = Field(default_factory=dict)
    status: Status
    department: str | None = None
    reason: str = ""
    engine: Engine = Field(default_factory=Engine)
    timings_ms: Timings = Field(default_factory=Timings)
