"""Load test of `docflow serve`: drop many files at once, count what comes out, measure the rate.

    python -m eval.load_test --files 500

Starts the service with its own Prefect server (or the one PREFECT_API_URL names), drops the
files in one go, waits until every one has its result line and its archived original, and prints
throughput, peak memory of the service's processes and the counts (dropped = archived = results).
Not a test with a time limit: a measurement that writes `load-test.json` into the output folder."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs"


def sample_pdfs() -> list[Path]:
    return sorted(p for p in SAMPLES.glob("*/*.pdf"))


def unique_copy(source: Path, target: Path, number: int) -> None:
    """The sample with a PDF comment appended: the same document, but content never seen before
    (otherwise the service would rightly link it as a duplicate)."""
    target.write_bytes(source.read_bytes() + f"\n% load test copy {number}\n".encode())


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
        todo += [int(child) for child in children]
    return total


def count_lines(path: Path) -> int:
    return sum(1 for _ in path.open("rb")) if path.is_file() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--work", type=Path, help="folder for inbox/ and out/ (default: a temporary one)")
    parser.add_argument("--engine", default="baseline", choices=["auto", "model", "baseline"])
    parser.add_argument("--port", type=int, default=4310)
    parser.add_argument("--timeout", type=float, default=3600.0, help="give up after this many seconds")
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="docflow-load-"))
    inbox, out, staging = work / "inbox", work / "out", work / "staging"
    for folder in (inbox, staging):
        folder.mkdir(parents=True, exist_ok=True)
    samples = sample_pdfs()
    for number in range(args.files):
        source = samples[number % len(samples)]
        unique_copy(source, staging / f"{number:05d}-{source.name}", number)

    env = dict(os.environ)
    env.setdefault("PREFECT_HOME", str(work / "prefect-home"))
    docflow = Path(sys.executable).with_name("docflow")
    command = [str(docflow), "serve", "--inbox", str(inbox), "--out", str(out), "--port", str(args.port)]
    command += ["--engine", args.engine]
    log = (work / "serve.log").open("wb")
    service = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    print(f"[load] service starting (log: {work / 'serve.log'})", flush=True)
    while "Prefect UI" not in (work / "serve.log").read_text(errors="replace"):
        if service.poll() is not None:
            sys.exit(f"[load] the service stopped; see {work / 'serve.log'}")
        time.sleep(0.5)

    started = time.monotonic()
    for path in sorted(staging.iterdir()):  # all at once, each appearing whole
        path.replace(inbox / path.name)
    print(f"[load] dropped {args.files} files", flush=True)
    peak, last_report = 0, 0.0
    results = out / "results.jsonl"
    while True:
        peak = max(peak, tree_rss_bytes(service.pid))
        done = count_lines(results)
        archived = sum(1 for p in (out / "archive").glob("*/*")) if (out / "archive").is_dir() else 0
        now = time.monotonic() - started
        if now - last_report >= 10:
            print(f"[load] {now:5.0f} s: {done} results, {archived} archived", flush=True)
            last_report = now
        if done >= args.files and archived >= args.files:
            break
        if now > args.timeout or service.poll() is not None:
            print("[load] gave up: timeout or the service stopped", flush=True)
            break
        time.sleep(0.5)
    seconds = time.monotonic() - started
    service.send_signal(signal.SIGTERM)
    service.wait(120)

    records = (
        [json.loads(line) for line in results.read_text("utf-8").splitlines()] if results.is_file() else []
    )
    archived = sum(1 for p in (out / "archive").glob("*/*"))
    report = {
        "dropped": args.files,
        "results": len(records),
        "archived": archived,
        "distinct_inputs": len({r.get("input_id") for r in records}),
        "statuses": dict(Counter(r["status"] for r in records)),
        "seconds": round(seconds, 1),
        "files_per_second": round(len(records) / seconds, 2) if seconds else None,
        "peak_rss_mb": round(peak / 2**20),
        "engine": args.engine,
        "cpu_count": os.cpu_count(),
    }
    (out / "load-test.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    ok = report["dropped"] == report["results"] == report["archived"] == report["distinct_inputs"]
    print("[load] counts agree: dropped = results = archived" if ok else "[load] COUNTS DIFFER", flush=True)
    if args.work is None:
        shutil.rmtree(work / "staging", ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
