"""The Prefect flow on its embedded default: every input ends somewhere, with a reason; no values in logs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from extractors.truth import read_truth
from tests.bad_inputs import write_bad_inputs
from tests.einvoices import STATED, cii_xml, write_e_invoice

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
GOOD = [
    "train/eingangsrechnung-0001.pdf",
    "train/gewerbeanmeldung-0001.pdf",
    "val/hundesteuer-0001.pdf",
    "train/hundesteuer-0000.png",
    "train/sonstiges-0001.pdf",
]
E_INVOICE = "Rechnung RE-2026-0815.pdf"
# the print of an e-invoice, which its attached XML states again
E_INVOICE_PAGE = [
    "Gartenbau Sonnleitner GmbH, Lindwurmstraße 12, 80337 München",
    "Rechnung Nr. RE-2026-0815 vom 01.10.2026",
    "Pflege der Grünanlagen, September 2026: 1.000,00 EUR netto",
    "Umsatzsteuer 19 %: 190,00 EUR   Gesamtbetrag: 1.190,00 EUR",
    "Zahlbar bis 31.10.2026 auf IBAN DE47 7015 0000 1234 5678 90",
]


class Run(NamedTuple):
    inbox: Path
    out: Path
    reasons: dict[str, str]
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    inbox = tmp_path_factory.mktemp("inbox")
    reasons = write_bad_inputs(inbox)
    for index, name in enumerate(GOOD):
        source = SAMPLES / name
        target = inbox / f"Scan {index} Müller ..{source.suffix}" if index == 3 else inbox / source.name
        shutil.copy(source, target)
        shutil.copy(
            source.with_name(source.stem + ".truth.json"), target.with_name(target.stem + ".truth.json")
        )
    write_e_invoice(inbox / E_INVOICE, {"factur-x.xml": cii_xml()}, E_INVOICE_PAGE)
    out = tmp_path_factory.mktemp("out")
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(out.parent),
        "COLUMNS": "120",
        "DOCFLOW_CACHE_DIR": str(out.parent / "cache"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", "process", str(inbox), "--out", str(out), "--verbose"],
        capture_output=True,
        text=True,
        timeout=600,
        env=environment,
    )
    return Run(inbox, out, reasons, result)


def _records(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]


def test_the_run_is_clean_and_every_input_is_accounted_for_once(
    run: Run,
) -> None:
    inbox, out, _, result = run
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stdout + result.stderr
    names = sorted(r["source"]["filename"] for r in _records(out))  # type: ignore[index]
    inputs = sorted(p.name for p in inbox.iterdir() if not p.name.endswith(".truth.json"))
    assert names == inputs
    for record in _records(out):
        assert (out / str(record["output_path"])).is_file()


def test_bad_inputs_are_quarantined_with_reasons_and_kept(
    run: Run,
) -> None:
    inbox, out, reasons, _ = run
    by_name = {r["source"]["filename"]: r for r in _records(out)}  # type: ignore[index]
    for name, reason in reasons.items():
        record = by_name[name]
        assert record["status"] == "quarantined" and reason in str(record["reason"]), name
        assert str(record["output_path"]).startswith("quarantine/")
        assert (inbox / name).exists()  # the original stays where it was dropped
    kept = list((out / "quarantine" / "files").iterdir())
    assert len(kept) == len(reasons)  # a copy of every quarantined original beside its reason


def test_good_documents_are_typed_and_routed_or_reviewed_with_a_reason(
    run: Run,
) -> None:
    inbox, out, _, _ = run
    for record in _records(out):
        path = inbox / str(record["source"]["filename"])  # type: ignore[index]
        if not path.with_name(path.stem + ".truth.json").exists():
            continue
        truth = read_truth(path)
        assert record["document_type"]["id"] == truth.document_type  # type: ignore[index]
        assert record["status"] in ("routed", "review") and record["reason"]
        if truth.document_type == "sonstiges":
            assert record["status"] == "review"
        if record["status"] == "routed":
            assert str(record["output_path"]).startswith(str(record["department"]) + "/")


def test_an_e_invoice_is_routed_with_the_values_its_xml_states(
    run: Run,
) -> None:
    _, out, _, _ = run
    record = next(r for r in _records(out) if r["source"]["filename"] == E_INVOICE)  # type: ignore[index]
    assert record["document_type"]["id"] == "eingangsrechnung"  # type: ignore[index]
    assert (record["status"], record["department"]) == ("routed", "stadtkaemmerei-kreditorenbuchhaltung")
    fields = record["fields"]
    assert isinstance(fields, dict)
    assert {key: field["value"] for key, field in fields.items()} == STATED
    assert "factur-x.xml" in str(record["engine"])


def test_logs_hold_no_personal_data(
    run: Run,
) -> None:
    inbox, _, _, result = run
    logs = result.stdout + result.stderr
    assert "route-0" in logs or "Finished" in logs  # the verbose run did log
    for truth_file in inbox.glob("*.truth.json"):
        truth = read_truth(truth_file.with_name(truth_file.name.replace(".truth.json", ".pdf")))
        for key in ("family_name", "given_names", "seller_name", "iban"):
            if key in truth.fields:
                assert str(truth.fields[key]) not in logs, key
    assert "Müller" not in logs  # file names can carry names too
    assert STATED["seller_name"] not in logs and STATED["iban"] not in logs
