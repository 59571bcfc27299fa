"""Benchmark of the partner backend: `docflow serve-model` throughput and latency at several
server batch sizes and client concurrencies, and what pseudonymising the words costs in accuracy.

    python -m eval.partner_bench --model MODEL --corpus CORPUS [--split test] [--limit 40]
        [--batch-sizes 1,8,32] [--concurrency 1,4,16] [--device auto] [--out reports/partner]

It starts its own server on 127.0.0.1 for every batch size (with the given --device: run it on
the GPU machine to measure the GPU), reads the documents once, then sends every document at
each concurrency level. Prints a table and writes partner-bench.json.
"""

from __future__ import annotations

import argparse
import json
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from eval.bench import bench_documents
from extractors.ingest import ingest
from extractors.reading import read_document
from extractors.truth import read_truth
from models.audit import AuditLog
from models.combine import cross_checked
from models.inference import ModelPrediction, Predictor
from models.partner import PartnerClient, PartnerPredictor
from models.partner_options import PartnerOptions
from models.remote import WireWord, model_version
from models.trainer import Labelled
from models.trainer import accuracy as type_and_field_accuracy


def start_server(
    model: Path, device: str, batch: int, token_file: Path, log: Path
) -> tuple[subprocess.Popen[bytes], str]:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    docflow = Path(sys.executable).with_name("docflow")
    command = [str(docflow), "serve-model", "--model", str(model), "--port", str(port), "--device", device]
    command += ["--token-file", str(token_file), "--max-batch", str(batch)]
    with log.open("ab") as stream:
        process = subprocess.Popen(command, stdout=stream, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{url}/v2/health/ready", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
        if process.poll() is not None:
            raise SystemExit(f"serve-model stopped; see {log}")
    raise SystemExit(f"serve-model did not come up; see {log}")


def scores(items: Sequence[Labelled], predictions: Sequence[ModelPrediction]) -> dict[str, float]:
    measured = type_and_field_accuracy(items, predictions)
    return {key: measured[key] for key in ("document_type_accuracy", "field_f1")}


def accuracy(
    items: Sequence[Labelled], local: Predictor, model: Path, url: str, token_file: Path, audit: Path
) -> dict[str, dict[str, float]]:
    documents = [item.document for item in items]
    hashes = [str(i) for i in range(len(items))]
    reliability = local.manifest.calibration.checked_reliability
    rows: dict[str, list[ModelPrediction]] = {"local": local.predict(documents)}
    for name, pseudonymise in (("partner", False), ("partner, pseudonymised", True)):
        options = PartnerOptions(endpoint=url, token_file=str(token_file), pseudonymise=pseudonymise)
        inferred = PartnerPredictor(local, model, options, audit).infer(documents, hashes)
        if any(i.backend != "partner" for i in inferred):
            raise SystemExit(f"the partner did not answer every document ({name})")
        rows[name] = [i.prediction for i in inferred]
    result = {}
    for name, predictions in rows.items():
        result[name] = scores(items, predictions)
        checked = [cross_checked(d, p, reliability) for d, p in zip(documents, predictions, strict=True)]
        result[f"{name} + rules"] = scores(items, checked)
    return result


def throughput(
    words: Sequence[list[WireWord]], client: PartnerClient, manifest: Any, concurrency: int
) -> dict[str, float]:
    latencies: list[float] = []

    def one(index: int) -> None:
        started = time.perf_counter()
        client.logits(words[index], str(index), manifest)
        latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(len(words))))
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "documents_per_second": round(len(words) / wall, 2),
        "latency_p50_ms": round(1000 * statistics.median(latencies), 1),
        "latency_p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--split", default="test")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--batch-sizes", default="1,8,32")
    parser.add_argument("--concurrency", default="1,4,16")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--out", type=Path, default=Path("reports/partner"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    files = bench_documents(args.corpus, args.split, quick=False)[: args.limit]
    print(f"Reading {len(files)} documents ...", flush=True)
    items = [Labelled(read_document(ingest(path)), read_truth(path)) for path in files]
    local = Predictor.load(args.model, "cpu")
    prepared = local.prepare([item.document for item in items])
    words = [[WireWord(w.text, w.box) for w in p.words] for p in prepared]
    work = Path(tempfile.mkdtemp(prefix="docflow-partner-bench-"))
    token_file = work / "token"
    token_file.write_text(secrets.token_urlsafe(32))
    token_file.chmod(0o600)
    log, audit = args.out / "serve-model.log", work / "audit.jsonl"
    results: dict[str, Any] = {"documents": len(items), "device": args.device, "runs": []}
    version = model_version(args.model, local.manifest)
    for batch in [int(b) for b in args.batch_sizes.split(",")]:
        process, url = start_server(args.model, args.device, batch, token_file, log)
        try:
            if "accuracy" not in results:
                results["accuracy"] = accuracy(items, local, args.model, url, token_file, audit)
            options = PartnerOptions(endpoint=url, token_file=str(token_file), timeout_seconds=120)
            client = PartnerClient(options, version, AuditLog(audit), token_file.read_text())
            throughput(words[:4], client, local.manifest, 1)  # warm-up
            for concurrency in [int(c) for c in args.concurrency.split(",")]:
                run: dict[str, float] = {"max_batch": batch, "concurrency": concurrency}
                run |= throughput(words, client, local.manifest, concurrency)
                results["runs"].append(run)
                print(run, flush=True)
            client.close()
        finally:
            process.terminate()
            process.wait(30)
    print(json.dumps(results["accuracy"], indent=2))
    (args.out / "partner-bench.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(f"Written: {args.out / 'partner-bench.json'}")


if __name__ == "__main__":
    main()
