"""Take a file in: hash it, tell its type from its bytes, refuse what is unsafe or unreadable."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field

from extractors.document import SourceFile

PDF, PNG, JPEG, TIFF = "application/pdf", "image/png", "image/jpeg", "image/tiff"
# What people drop that we do not read, by the bytes it starts with, to say so clearly.
_KNOWN_UNSUPPORTED = (
    (b"PK\x03\x04", "a ZIP container (Word .docx, Excel .xlsx or a .zip archive)"),
    (b"MZ", "a Windows program (.exe)"),
    (b"\x7fELF", "a Linux program"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc, .xls)"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF text file"),
)

# The root of an EN 16931 invoice in either syntax, found in a bare XML file's first bytes.
_XML_INVOICE_MARKS = (b"CrossIndustryInvoice", b"urn:oasis:names:specification:ubl:schema:xsd:")


class IngestLimits(BaseModel):
    """What a single document may be. Beyond this, it goes to quarantine, not to the readers."""

    max_bytes: int = Field(default=200 * 2**20, description="largest file accepted, bytes")
    max_pages: int = Field(default=50, description="most pages per document (PDF pages, TIFF frames)")
    max_pixels: int = Field(
        default=80_000_000, description="most pixels per page image (A4 at 600 dpi is 35 million)"
    )


class Rejected(Exception):
    """A file that cannot be processed; the message is the reason a clerk reads in quarantine."""


@dataclass(frozen=True)
class Ingested:
    path: Path
    source: SourceFile


def sniff_media_type(head: bytes) -> str | None:
    """The media type from a file's first bytes, or None when it is none we read."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    return None


def describe_unsupported(head: bytes, filename: str) -> str:
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        if any(mark in head for mark in _XML_INVOICE_MARKS):
            return (
                "an e-invoice as bare XML (XRechnung): docflow reads the XML attached to a ZUGFeRD "
                "or Factur-X PDF, not on its own yet"
            )
        return "unsupported file type: an XML file; docflow reads PDF, PNG, JPEG and TIFF"
    for magic, description in _KNOWN_UNSUPPORTED:
        if head.startswith(magic):
            return f"unsupported file type: {description}; docflow reads PDF, PNG, JPEG and TIFF"
    suffix = Path(filename).suffix.lower()
    if suffix in (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"):
        return f"named {suffix} but the content is not a {suffix.lstrip('.').upper()} file"
    return "unknown file type; docflow reads PDF, PNG, JPEG and TIFF"


def safe_name(filename: str, limit: int = 80) -> str:
    """A file name safe to write anywhere: no folders, no leading dots, no control characters."""
    name = unicodedata.normalize("NFC", filename).replace("/", "_").replace("\\", "_")
    name = "".join(char if char.isprintable() else "_" for char in name).strip().lstrip(".")
    name = name.replace("..", "_")
    return name[-limit:] or "unnamed"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _count_pdf_pages(path: Path) -> int:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        if "password" in str(error).lower():
            raise Rejected("encrypted PDF: it needs a password, ask the sender for an open copy") from None
        raise Rejected("damaged PDF: it cannot be opened (truncated or corrupt)") from None
    try:
        return len(document)
    finally:
        document.close()


def _count_image_pages(path: Path, limits: IngestLimits) -> int:
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, limits.max_pixels)
    try:
        with Image.open(path) as image:  # reads the header only
            frames = getattr(image, "n_frames", 1)
            if frames > limits.max_pages:
                raise Rejected(f"too many pages: {frames} (limit {limits.max_pages})")
            for index in range(frames):
                image.seek(index)
                width, height = image.size
                if width * height > limits.max_pixels:
                    raise Rejected(
                        f"image too large: {width} x {height} pixels on page {index + 1} "
                        f"(limit {limits.max_pixels:,}); possibly a decompression bomb"
                    )
            image.seek(0)
            image.verify()
            return int(frames)
    except Image.DecompressionBombError:
        raise Rejected(
            f"image too large to decode safely (over {limits.max_pixels:,} pixels): "
            "possibly a decompression bomb"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise Rejected(f"damaged image: it cannot be decoded ({type(error).__name__})") from None


def ingest(path: Path, limits: IngestLimits | None = None) -> Ingested:
    """Check a file and describe it; raises Rejected with a clear reason when it must be quarantined."""
    limits = limits or IngestLimits()
    filename = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(2048)
    except OSError as error:
        raise Rejected(f"cannot read the file: {error.strerror}") from None
    if size == 0:
        raise Rejected("empty file (0 bytes)")
    if size > limits.max_bytes:
        raise Rejected(f"file too large: {size:,} bytes (limit {limits.max_bytes:,})")
    media_type = sniff_media_type(head)
    if media_type is None:
        raise Rejected(describe_unsupported(head, filename))
    pages = _count_pdf_pages(path) if media_type == PDF else _count_image_pages(path, limits)
    if pages == 0:
        raise Rejected("the document has no pages")
    if pages > limits.max_pages:
        raise Rejected(f"too many pages: {pages} (limit {limits.max_pages})")
    source = SourceFile(
        filename=filename, sha256=sha256_of(path), pages=pages, media_type=media_type, size_bytes=size
    )
    return Ingested(path, source)


def unread_source(path: Path) -> SourceFile:
    """What can be said of a file that was refused: its name, hash and size, whatever else failed."""
    try:
        return SourceFile(filename=path.name, sha256=sha256_of(path), size_bytes=path.stat().st_size)
    except OSError:
        return SourceFile(filename=path.name, sha256="")
