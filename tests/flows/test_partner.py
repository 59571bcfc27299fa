"""The partner backend against a real `docflow serve-model` on 127.0.0.1: same answers as the
local model, refusals and outages fall back to it, nothing is lost, and the audit log tells."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import httpx
import numpy as np
import pytest

from extractors.ingest import IngestLimits, ingest
from extractors.reading import read_document
from flows.process import process_documents
from flows.stages import PipelineOptions
from models import audit
from models.inference import Predictor
from models.partner import PartnerPredictor
from models.partner_options import PartnerOptions
from models.pseudonym import VOCABULARY_FILE
from models.remote import WireWord

TOKEN = "test-token-0123456789abcdef"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Partner:
    url: str
    token_file: Path
    process: subprocess.Popen[bytes]
    log: Path


def start_partner(model: Path, folder: Path, *extra: str) -> Partner:
    token_file = folder / "token"
    token_file.write_text(TOKEN + "\n")
    port = free_port()
    docflow = Path(sys.executable).with_name("docflow")
    command = [str(docflow), "serve-model", "--model", str(model), "--port", str(port), "--device", "cpu"]
    log = folder / "serve-model.log"
    with log.open("wb") as stream:
        process = subprocess.Popen(
            [*command, "--token-file", str(token_file), *extra], stdout=stream, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/v2/health/ready", timeout=1).status_code == 200:
                return Partner(url, token_file, process, log)
        except httpx.TransportError:
            time.sleep(0.3)
        assert process.poll() is None, log.read_text()
    raise AssertionError("serve-model did not come up: " + log.read_text())


@pytest.fixture(scope="module")
def partner(tiny_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Partner]:
    server = start_partner(tiny_model, tmp_path_factory.mktemp("partner"))
    yield server
    server.process.send_signal(signal.SIGINT)
    server.process.wait(30)


def records(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text("utf-8").splitlines()]


def documents(corpus: Path, count: int) -> list[str]:
    return [str(p) for p in sorted((corpus / "val").glob("*.pdf"))[:count]]


def options(model: Path, partner_options: PartnerOptions, batch_size: int = 16) -> PipelineOptions:
    return PipelineOptions(
        engine="model", model_dir=str(model), device="cpu", partner=partner_options, batch_size=batch_size
    )


def test_the_partner_reads_like_the_local_model_and_every_request_is_audited(
    partner: Partner, tiny_model: Path, born_digital_corpus: Path, tmp_path: Path
) -> None:
    files = documents(born_digital_corpus, 6)
    local_out, remote_out = tmp_path / "local", tmp_path / "remote"
    process_documents(files, str(local_out), PipelineOptions(model_dir=str(tiny_model), device="cpu"))
    remote = PartnerOptions(endpoint=partner.url, token_file=str(partner.token_file))
    process_documents(files, str(remote_out), options(tiny_model, remote))

    def answers(out: Path) -> dict[str, tuple[Any, ...]]:
        return {
            r["source"]["filename"]: (
                r["document_type"]["id"],
                {key: field["value"] for key, field in r["fields"].items()},
                r["status"],
            )
            for r in records(out)
        }

    assert answers(remote_out) == answers(local_out)
    assert {r["engine"]["backend"] for r in records(remote_out)} == {"partner"}
    assert {r["engine"]["backend"] for r in records(local_out)} == {"local"}

    log = remote_out / "partner-audit.jsonl"
    lines = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert len(lines) == len(files) and {line["status"] for line in lines} == {200}
    assert {line["document"] for line in lines} == {r["source"]["sha256"] for r in records(remote_out)}
    assert all(line["bytes_out"] > 0 and line["bytes_in"] > 0 for line in lines)
    verified = subprocess.run(
        [str(Path(sys.executable).with_name("docflow")), "audit", str(log), "--verify", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(verified.stdout)["verified"]["ok"] is True
    # no file name or value reaches the partner's log
    served = partner.log.read_text()
    assert "infer 200" in served
    for record in records(remote_out):
        assert record["source"]["filename"] not in served
        assert not any(
            str(f["value"]) in served for f in record["fields"].values() if len(str(f["value"])) > 4
        )

    # a changed line breaks the chain, and the command says where
    text = log.read_text("utf-8").splitlines()
    text[2] = text[2].replace('"status": 200', '"status": 201')
    log.write_text("\n".join(text) + "\n", "utf-8")
    tampered = audit.verify(log)
    assert not tampered.ok and tampered.line == 3
    broken = subprocess.run(
        [str(Path(sys.executable).with_name("docflow")), "audit", str(log), "--verify"],
        capture_output=True,
        text=True,
    )
    assert broken.returncode == 1 and "line 3" in broken.stdout
    # so does a removed one
    log.write_text("\n".join(text[:1] + text[2:]) + "\n", "utf-8")
    assert audit.verify(log).line == 2


def test_the_partners_logits_are_the_local_models_to_the_last_float32_digit(
    partner: Partner, tiny_model: Path, born_digital_corpus: Path, tmp_path: Path
) -> None:
    local = Predictor.load(tiny_model, "cpu")
    remote = PartnerPredictor(
        local,
        tiny_model,
        PartnerOptions(endpoint=partner.url, token_file=str(partner.token_file)),
        tmp_path / "audit.jsonl",
    )
    try:
        for path in documents(born_digital_corpus, 2):
            [prepared] = local.prepare([read_document(ingest(Path(path), IngestLimits()))])
            [(type_logits, tag_logits)] = local.raw([prepared])
            words = [WireWord(word.text, word.box) for word in prepared.words]
            answer = remote.client.logits(words, "doc", local.manifest)
            # one document per batch on both sides, so only the wire could differ: rounding there
            # once flipped near-tied tags
            np.testing.assert_allclose(answer[0], type_logits, rtol=0, atol=1e-6)
            np.testing.assert_allclose(answer[1], tag_logits, rtol=0, atol=1e-6)
    finally:
        remote.client.close()


def test_missing_or_wrong_token_gets_401_and_documents_are_read_locally(
    partner: Partner, tiny_model: Path, born_digital_corpus: Path, tmp_path: Path
) -> None:
    infer = f"{partner.url}/v2/models/docflow/infer"
    assert httpx.post(infer, json={"inputs": []}).status_code == 401
    wrong = httpx.post(infer, json={"inputs": []}, headers={"Authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert httpx.get(f"{partner.url}/v2/models/docflow").status_code == 401
    right = httpx.get(f"{partner.url}/v2/models/docflow", headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.json()["inputs"][0]["name"] == "word_text"

    bad_token = tmp_path / "bad-token"
    bad_token.write_text("x" * 32)
    files = documents(born_digital_corpus, 4)
    out = tmp_path / "out"
    process_documents(
        files, str(out), options(tiny_model, PartnerOptions(endpoint=partner.url, token_file=str(bad_token)))
    )
    results = records(out)
    assert len(results) == len(files)
    assert {r["engine"]["backend"] for r in results} == {"local-fallback"}
    assert all("401" in r["engine"]["fallback"] or "circuit open" in r["engine"]["fallback"] for r in results)
    statuses = [json.loads(line)["status"] for line in (out / "partner-audit.jsonl").read_text().splitlines()]
    assert statuses and set(statuses) == {401}, "a refusal is not retried, and it is logged"


def test_an_oversized_request_gets_413(partner: Partner) -> None:
    words = ["Wort"] * 1_000_000
    body = {"inputs": [{"name": "word_text", "datatype": "BYTES", "shape": [len(words)], "data": words}]}
    answer = httpx.post(
        f"{partner.url}/v2/models/docflow/infer",
        json=body,
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    assert answer.status_code == 413
    assert partner.process.poll() is None, "the server lives on"


def test_a_partner_killed_mid_batch_loses_nothing(
    tiny_model: Path, born_digital_corpus: Path, tmp_path: Path
) -> None:
    doomed = start_partner(tiny_model, tmp_path)
    files = documents(born_digital_corpus, 8)
    out = tmp_path / "out"
    log = out / "partner-audit.jsonl"

    def kill_after_first_answers() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if log.exists() and len(log.read_text().splitlines()) >= 2:
                doomed.process.send_signal(signal.SIGKILL)
                return
            time.sleep(0.01)

    killer = threading.Thread(target=kill_after_first_answers)
    killer.start()
    settings = PartnerOptions(
        endpoint=doomed.url,
        token_file=str(doomed.token_file),
        retries=1,
        backoff_seconds=0.1,
        concurrency=1,
        breaker_failures=2,
    )
    process_documents(files, str(out), options(tiny_model, settings, batch_size=2))
    killer.join()
    doomed.process.wait(10)
    results = records(out)
    assert sorted(r["source"]["filename"] for r in results) == sorted(Path(f).name for f in files)
    backends = [r["engine"]["backend"] for r in results]
    assert "partner" in backends and "local-fallback" in backends
    assert all(r["status"] in ("routed", "review") for r in results), "no document lost to the outage"
    assert audit.verify(log).ok


class _Spy(BaseHTTPRequestHandler):
    """A partner that keeps what it is sent and answers 503."""

    bodies: ClassVar[list[bytes]] = []

    def do_POST(self) -> None:
        self.bodies.append(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_pseudonymised_words_leave_without_digits_or_names(
    tiny_model: Path, born_digital_corpus: Path, tmp_path: Path
) -> None:
    assert (tiny_model / VOCABULARY_FILE).is_file(), "training writes the form vocabulary"
    spy = ThreadingHTTPServer(("127.0.0.1", 0), _Spy)
    threading.Thread(target=spy.serve_forever, daemon=True).start()
    token = tmp_path / "token"
    token.write_text(TOKEN)
    one = next(p for p in sorted((born_digital_corpus / "val").glob("*.pdf")) if "hundesteuer" in p.name)
    settings = PartnerOptions(
        endpoint=f"http://127.0.0.1:{spy.server_address[1]}",
        token_file=str(token),
        pseudonymise=True,
        retries=0,
    )
    try:
        process_documents([str(one)], str(tmp_path / "out"), options(tiny_model, settings))
    finally:
        spy.shutdown()
    sent = json.loads(_Spy.bodies[-1])
    words = next(i for i in sent["inputs"] if i["name"] == "word_text")["data"]
    text = " ".join(words)
    truth = json.loads(one.with_name(one.stem + ".truth.json").read_text("utf-8"))["fields"]
    personal = [
        truth[key] for key in ("family_name", "given_names", "microchip_number", "iban") if key in truth
    ]
    assert len(personal) >= 2
    for value in personal:
        assert value not in text
    assert "Hundesteuer" in text or "hundesteuer" in text.lower(), "form words stay"
    assert one.name not in _Spy.bodies[-1].decode()
    result = records(tmp_path / "out")[0]
    assert result["engine"]["backend"] == "local-fallback" and "503" in result["engine"]["fallback"]
