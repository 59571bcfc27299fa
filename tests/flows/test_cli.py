"""The docflow command line as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def docflow(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={"COLUMNS": "120", "PATH": "/usr/bin:/bin"},
    )


def test_generate_writes_documents_truth_and_a_manifest_and_prints_a_summary(tmp_path: Path) -> None:
    result = docflow(
        "generate",
        "--out",
        str(tmp_path),
        "--per-type",
        "3",
        "--seed",
        "99",
        "--types",
        "widerspruch,bewohnerparkausweis",
        "--workers",
        "1",
    )
    assert result.returncode == 0, result.stderr
    assert "bewohnerparkausweis" in result.stdout and "1/1/1" in result.stdout
    # no terminal: the bar, drawn only at the end there, gives way to plain lines
    assert "Generating: 6/6 (100 %)" in result.stdout
    assert "shared with train/val: none" in result.stdout
    manifest = json.loads((tmp_path / "corpus.json").read_text())
    assert manifest["seed"] == 99 and len(manifest["documents"]) == 6
    for document in manifest["documents"]:
        path = tmp_path / document["path"]
        assert path.is_file() and path.with_name(path.stem + ".truth.json").is_file()


def test_unknown_types_and_bad_dates_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    result = docflow("generate", "--out", str(tmp_path), "--types", "hundesteuer,katzensteuer")
    assert result.returncode == 2
    assert "katzensteuer" in result.stderr and "hundesteuer" in result.stderr
    result = docflow("generate", "--out", str(tmp_path), "--reference-date", "15.10.2026")
    assert result.returncode == 2 and "2026-10-15" in result.stderr
    assert not any(tmp_path.iterdir())  # nothing half-written


def test_preview_draws_page_one_with_its_boxes(tmp_path: Path) -> None:
    document = next(SAMPLES.rglob("eingangsrechnung-*.pdf"))
    result = docflow(
        "preview",
        str(document),
        str(tmp_path / "missing.pdf"),
        "--out",
        str(tmp_path),
        "--sheet",
        str(tmp_path / "sheet.png"),
    )
    assert result.returncode == 1 and "missing.pdf" in result.stdout
    with Image.open(tmp_path / f"{document.stem}.preview.png") as image:
        pixels = np.asarray(image.convert("RGB"))
        red = int(np.all(pixels == (220, 30, 30), axis=-1).sum())
        assert image.width == 1000 and red > 500  # the boxes are drawn
    assert (tmp_path / "sheet.png").is_file()


def test_help_lists_the_commands() -> None:
    result = docflow("--help")
    assert result.returncode == 0 and "generate" in result.stdout and "preview" in result.stdout


def test_an_earlier_corpus_is_replaced_only_when_asked_and_other_files_are_never_deleted(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    arguments = (
        "generate",
        "--out",
        str(corpus),
        "--per-type",
        "3",
        "--types",
        "widerspruch",
        "--workers",
        "1",
    )
    assert docflow(*arguments, "--seed", "1").returncode == 0
    stale = corpus / "train" / "stale.pdf"
    stale.write_bytes(b"%PDF-1.4")
    refused = docflow(*arguments, "--seed", "2")
    assert refused.returncode == 2 and "--overwrite" in refused.stderr and stale.exists()
    assert docflow(*arguments, "--seed", "2", "--overwrite").returncode == 0
    assert not stale.exists() and json.loads((corpus / "corpus.json").read_text())["seed"] == 2

    other = tmp_path / "photos"
    other.mkdir()
    (other / "holiday.jpg").write_bytes(b"\xff\xd8")
    result = docflow("generate", "--out", str(other), "--overwrite", "--types", "widerspruch")
    assert result.returncode == 2 and (other / "holiday.jpg").exists()
