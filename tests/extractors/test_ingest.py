"""Ingest refuses every kind of bad input with a reason a clerk understands, and takes good files."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.ingest import PDF, Rejected, ingest, safe_name
from tests.bad_inputs import SAMPLE_PDF, write_bad_inputs


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("bad")
    return folder, write_bad_inputs(folder)


@pytest.mark.parametrize(
    "name",
    [
        "leer.pdf",
        "kein pdf.pdf",
        "abgeschnitten.pdf",
        "verschlüsselt.pdf",
        "brief.docx",
        "programm.exe",
        "archiv.zip",
        "riesig.png",
        "zu viele seiten.pdf",
    ],
)
def test_bad_input_is_rejected_with_a_clear_reason(
    bad_inputs: tuple[Path, dict[str, str]], name: str
) -> None:
    folder, reasons = bad_inputs
    with pytest.raises(Rejected, match=reasons[name]):
        ingest(folder / name)


def test_a_good_pdf_is_described_by_its_content(tmp_path: Path) -> None:
    renamed = tmp_path / "Antrag Müller ..final.png"  # a PDF with a misleading name
    renamed.write_bytes(SAMPLE_PDF.read_bytes())
    source = ingest(renamed).source
    assert source.media_type == PDF and source.pages == 1 and len(source.sha256) == 64
    assert source.filename == renamed.name


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "___etc_passwd"),
        ("Anmeldung Müller.pdf", "Anmeldung Müller.pdf"),
        ("..versteckt", "versteckt"),
        ("a\x00b.pdf", "a_b.pdf"),
    ],
)
def test_safe_names_never_leave_the_folder(name: str, safe: str) -> None:
    assert safe_name(name) == safe
