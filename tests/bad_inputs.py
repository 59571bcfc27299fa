"""Files a clerk might drop that must end in quarantine, each with the reason a person reads."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from tests.einvoices import ubl_xml

SAMPLE_PDF = Path(__file__).resolve().parents[1] / "sample_docs" / "train" / "eingangsrechnung-0001.pdf"


def _png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims a huge size: decoding it would allocate gigabytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def _pdf(path: Path, pages: int, password: str | None = None) -> None:
    canvas = Canvas(str(path), encrypt=password)
    for page in range(pages):
        canvas.drawString(72, 720, f"Seite {page + 1}")
        canvas.showPage()
    canvas.save()


def write_bad_inputs(folder: Path) -> dict[str, str]:
    """Write every kind of bad input into folder; returns file name -> words its reason must contain."""
    folder.mkdir(parents=True, exist_ok=True)
    pdf = SAMPLE_PDF.read_bytes()
    (folder / "leer.pdf").write_bytes(b"")
    (folder / "kein pdf.pdf").write_bytes(b"Dies ist eine Textdatei, kein PDF.\n" * 20)
    (folder / "abgeschnitten.pdf").write_bytes(pdf[: len(pdf) // 2])
    _pdf(folder / "verschlüsselt.pdf", 1, password="geheim")
    (folder / "brief.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    (folder / "programm.exe").write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    (folder / "archiv.zip").write_bytes(b"PK\x03\x04" + b"\x01" * 200)
    (folder / "riesig.png").write_bytes(_png_header_only(40_000, 40_000))
    _pdf(folder / "zu viele seiten.pdf", 60)
    (folder / "xrechnung.xml").write_bytes(b"\xef\xbb\xbf" + ubl_xml())
    return {
        "leer.pdf": "empty file",
        "kein pdf.pdf": "not a PDF",
        "abgeschnitten.pdf": "damaged PDF",
        "verschlüsselt.pdf": "encrypted PDF",
        "brief.docx": "unsupported file type",
        "programm.exe": "Windows program",
        "archiv.zip": "ZIP",
        "riesig.png": "decompression bomb",
        "zu viele seiten.pdf": "too many pages",
        "xrechnung.xml": "bare XML (XRechnung)",
    }
