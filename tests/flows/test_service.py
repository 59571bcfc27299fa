"""`docflow serve` as an operator runs it: a real Prefect server on 127.0.0.1, a real folder, real
processes killed with SIGKILL, and a review answered through Prefect's resume API."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from extractors.truth import read_truth

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
DIGITAL = ["train/gewerbeanmeldung-0001.pdf", "val/hundesteuer-0001.pdf", "train/widerspruch-0000.pdf"]
SCANS = [
    "test/eingangsrechnung-0000.tif",
    "test/gewerbeanmeldung-0000.jpg",
    "val/meldeschein-0000.tif",
    "train/hundesteuer-0000.png",
    "test/widerspruch-0001.tif",
    "val/eingangsrechnung-0002.tif",
]
# The baseline sends this scan to review (a required field is not found): the review test's input.
TO_REVIEW = "val/bewohnerparkausweis-0000.jpg"


@pytest.fixture(scope="module")
def api_url(prefect_server: None) -> str:
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url and url.startswith("http://127.0.0.1")
    return str(url)


class Service:
    """One `docflow serve` process; its console output is kept for the assertions."""

    def __init__(self, inbox: Path, out: Path, api_url: str) -> None:
        self.inbox, self.out = inbox, out
        self.log = out.parent / f"serve-{time.monotonic_ns()}.log"
        docflow = Path(sys.executable).with_name("docflow")
        command = [str(docflow), "serve", "--inbox", str(inbox), "--out", str(out), "--engine", "baseline"]
        env = dict(os.environ, PREFECT_API_URL=api_url)
        with self.log.open("wb") as stream:
            self.process = subprocess.Popen(command, stdout=stream, stderr=subprocess.STDOUT, env=env)

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(60)


@pytest.fixture
def start(tmp_path: Path, api_url: str) -> Iterator[Callable[[], Service]]:
    started: list[Service] = []

    def run() -> Service:
        service = Service(tmp_path / "inbox", tmp_path / "out", api_url)
        started.append(service)
        return service

    yield run
    for service in started:
        if service.process.poll() is None:
            service.process.kill()
            service.process.wait()


def wait_for(check: Callable[[], Any], what: str, seconds: float = 240.0) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def results(out: Path) -> list[dict[str, Any]]:
    path = out / "results.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.endswith("}")]


def drop(inbox: Path, names: list[str], rename: dict[str, str] | None = None) -> list[str]:
    """Copy samples in as a scanner would: written under `*.part`, renamed when complete."""
    inbox.mkdir(parents=True, exist_ok=True)
    dropped = []
    for name in names:
        target = (rename or {}).get(name, Path(name).name)
        shutil.copy2(SAMPLES / name, inbox / f"{target}.part")
        (inbox / f"{target}.part").rename(inbox / target)
        dropped.append(target)
    return dropped


def archived(out: Path) -> list[Path]:
    return sorted((out / "archive").glob("*/*"))


def test_dropped_files_are_processed_archived_and_a_duplicate_is_linked(
    start: Callable[[], Service], tmp_path: Path, api_url: str
) -> None:
    service = start()
    out = service.out
    names = drop(service.inbox, DIGITAL)
    wait_for(lambda: len(results(out)) == 3, "three results")
    again = drop(service.inbox, [DIGITAL[0]], rename={DIGITAL[0]: "copy of the first.pdf"})
    wait_for(lambda: len(results(out)) == 4, "the duplicate's line")
    assert service.stop() == 0
    assert "[docflow] stopped" in service.output()

    records = {r["source"]["filename"]: r for r in results(out)}
    assert set(records) == {*names, *again}
    duplicate, first = records["copy of the first.pdf"], records[Path(DIGITAL[0]).name]
    assert duplicate["status"] == "duplicate"
    assert duplicate["duplicate_of"] == first["input_id"]
    assert duplicate["output_path"] == first["output_path"]
    assert all(r["status"] in ("routed", "review") for n, r in records.items() if n in names)
    assert len(archived(out)) == 4, "every original is kept once processed"
    assert not any(service.inbox.iterdir())
    assert not any((out / "processing").iterdir())

    # The operator's table shows each file, but no field value appears in any artifact.
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts()
    tables = [a for a in artifacts if a.key == "inbox-batch"]
    shown = json.dumps([a.data for a in tables], ensure_ascii=False) + "".join(
        str(a.data) for a in artifacts if a.key == "inbox-summary"
    )
    assert Path(DIGITAL[1]).name in shown
    for name in DIGITAL:
        for value in read_truth(SAMPLES / name).fields.values():
            if isinstance(value, str) and len(value) > 4:
                assert value not in shown


def test_kill_9_mid_batch_then_restart_processes_every_file_exactly_once(
    start: Callable[[], Service],
) -> None:
    service = start()
    out = service.out
    names = drop(service.inbox, SCANS)

    def mid_batch() -> bool:
        done = len(results(out))
        return 1 <= done < len(names) - 1

    wait_for(mid_batch, "the batch to be half done")
    service.process.send_signal(signal.SIGKILL)
    service.process.wait()
    assert len(results(out)) < len(names), "killed before the batch finished"

    restarted = start()
    wait_for(lambda: len(results(out)) >= len(names) and not any((out / "processing").iterdir()), "all")
    time.sleep(2)  # would a second pass add lines? give it the chance
    assert restarted.stop() == 0
    counts = Counter(r["source"]["filename"] for r in results(out))
    assert counts == Counter(names), "every file has exactly one result line"
    assert len(archived(out)) == len(names)
    assert "left from an earlier run" in restarted.output()


def test_a_review_is_corrected_in_the_form_validated_and_routed(
    start: Callable[[], Service], api_url: str
) -> None:
    from prefect.client.orchestration import get_client
    from prefect.flow_runs import resume_flow_run

    service = start()
    out = service.out
    drop(service.inbox, [TO_REVIEW])
    record = wait_for(lambda: results(out)[0] if results(out) else None, "the result")
    assert record["status"] == "review", "precondition: the baseline leaves this scan to a person"

    def suspended(round_key: str) -> Any:
        """The review run once it waits for the answer of round `round_key`."""
        with get_client(sync_client=True) as client:
            for run in client.read_flow_runs():
                state = run.state
                if run.parameters.get("out") == str(out) and state and state.name == "Suspended":
                    return run if state.state_details.pause_key == round_key else None
        return None

    truth = read_truth(SAMPLES / TO_REVIEW)
    answer = {
        key: value if isinstance(value, str) else json.dumps(value) for key, value in truth.fields.items()
    }
    answer |= {"decision": "accept", "document_type": truth.document_type}

    first = wait_for(lambda: suspended("review-0"), "the review to wait for a person")
    resume_flow_run(first.id, run_input=answer | {"signature_date": "31.02.2026"})
    # An impossible date is not accepted: the same run asks again.
    again = wait_for(lambda: suspended("review-1"), "the review to ask again")
    assert again.id == first.id
    resume_flow_run(again.id, run_input=answer)

    reviewed = wait_for(lambda: (out / "reviewed.jsonl").is_file() and (out / "reviewed.jsonl"), "review")
    entry = json.loads(reviewed.read_text("utf-8").splitlines()[0])
    assert service.stop() == 0
    assert entry["decision"] == "routed"
    routed = json.loads((out / entry["output_path"]).read_text("utf-8"))
    assert routed["status"] == "routed" and routed["department"] == entry["department"]
    assert {key: field["value"] for key, field in routed["fields"].items()} == truth.fields
    correction = json.loads((out / entry["ground_truth"]).read_text("utf-8"))
    assert correction["fields"] == truth.fields
    assert not list((out / "review").glob("*.json")), "nothing is left waiting"


def test_a_batch_finishes_even_when_the_review_deployment_is_not_served_yet(
    api_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The service's deployments process may come up after the first batch: results and archive
    must not wait for it (the watcher starts the review runs later)."""
    from flows import batch as batch_module
    from flows.batch import process_inbox_batch

    # other tests' services registered the real one on this server: ask for one nobody serves
    monkeypatch.setattr(batch_module, "REVIEW_DEPLOYMENT", "review_document/not-served")
    from flows.inbox import claim
    from flows.stages import PipelineOptions

    out = tmp_path / "out"
    inbox = tmp_path / "inbox"
    batch = claim([tmp_path / "inbox" / name for name in drop(inbox, [TO_REVIEW])], out)
    summary = process_inbox_batch(batch.name, str(out), PipelineOptions(engine="baseline"), reviews=True)
    assert summary["statuses"] == {"review": 1} and summary["reviews_started"] == 0
    assert len(archived(out)) == 1 and not batch.exists()
