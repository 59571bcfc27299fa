"""`docflow serve`: a local Prefect server with its UI, the deployments, and the watched inbox."""

from __future__ import annotations

import ctypes
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flows.inbox import PROCESSING, StableFiles, claim, pending_batches
from flows.outbox import QUARANTINE, RESULTS_FILE, REVIEW
from flows.stages import PipelineOptions

log = logging.getLogger("docflow")
DEFAULT_PORT = 4200
SERVER_START_SECONDS = 180.0  # the first start migrates a new database
SERVICE_FOLDER = ".service"


class ServiceError(RuntimeError):
    """The service cannot start; the message says what to do."""


def _die_with_parent() -> None:
    """Children (server, runner) get SIGTERM when the service dies, even by kill -9 (Linux)."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    pr_set_pdeathsig = 1
    libc.prctl(pr_set_pdeathsig, signal.SIGTERM)


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError, ValueError):
        return False


@dataclass
class Child:
    """A subprocess the service started and stops again."""

    name: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, grace_seconds: float = 20.0) -> None:
        if not self.alive():
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(grace_seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _spawn(name: str, command: list[str], folder: Path, env: dict[str, str]) -> Child:
    folder.mkdir(parents=True, exist_ok=True)
    log_path = folder / f"{name}.log"
    with log_path.open("ab") as stream:
        process = subprocess.Popen(
            command, stdout=stream, stderr=subprocess.STDOUT, env=env, preexec_fn=_die_with_parent
        )
    return Child(name, process, log_path)


def start_server(port: int, folder: Path) -> tuple[str, Child | None]:
    """The API URL of a Prefect server on 127.0.0.1: the one `PREFECT_API_URL` names, one already
    listening on `port`, or a new one started here (UI and API on 127.0.0.1:`port`)."""
    if configured := os.environ.get("PREFECT_API_URL"):
        if not healthy(configured, timeout=10):
            raise ServiceError(f"PREFECT_API_URL is set to {configured} but no Prefect server answers there")
        return configured, None
    api_url = f"http://127.0.0.1:{port}/api"
    if healthy(api_url):
        return api_url, None
    prefect = Path(sys.executable).with_name("prefect")
    command = [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    # The UI asks the browser to call this URL: without it, it would call the default port.
    env = dict(os.environ, PREFECT_UI_API_URL=api_url, PREFECT_SERVER_API_PORT=str(port))
    server = _spawn("prefect-server", command, folder, env)
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if healthy(api_url):
            return api_url, server
        if not server.alive():
            raise ServiceError(f"the Prefect server did not start; see {server.log_path}")
        time.sleep(0.5)
    server.stop()
    raise ServiceError(f"the Prefect server did not answer within {SERVER_START_SECONDS:.0f} s")


def start_runner(api_url: str, folder: Path, limit: int) -> Child:
    """A process serving the deployments (process, train, evaluate, review) to the UI."""
    env = dict(os.environ, PREFECT_API_URL=api_url)
    return _spawn("deployments", [sys.executable, "-m", "flows.runner", str(limit)], folder, env)


@dataclass
class Counts:
    batches: int = 0
    files: int = 0
    failures: int = 0
    started: float = field(default_factory=time.monotonic)


def folder_counts(inbox: Path, out: Path) -> dict[str, int]:
    def files(folder: Path, pattern: str = "*") -> int:
        return sum(1 for p in folder.glob(pattern) if p.is_file()) if folder.is_dir() else 0

    results = out / RESULTS_FILE
    return {
        "inbox": files(inbox),
        "processing": files(out / PROCESSING, "*/*"),
        "archived": files(out / "archive", "*/*"),
        "results": sum(1 for _ in results.open("rb")) if results.is_file() else 0,
        "review": files(out / REVIEW, "*.json"),
        "quarantined": files(out / QUARANTINE, "*.json"),
    }


class Watcher:
    """Takes settled files from the inbox in batches and runs one flow run per batch."""

    def __init__(
        self,
        inbox: Path,
        out: Path,
        options: PipelineOptions,
        *,
        reviews: bool = True,
        settle_seconds: float = 1.0,
        poll_seconds: float = 0.5,
        max_batch: int = 64,
        health_seconds: float = 30.0,
        say: Callable[[str], None] = print,
    ) -> None:
        self.inbox, self.out, self.options = inbox, out, options
        self.reviews, self.poll_seconds, self.max_batch = reviews, poll_seconds, max_batch
        self.health_seconds, self.say = health_seconds, say
        self.stable = StableFiles(settle_seconds)
        self.stop = threading.Event()
        self.counts = Counts()
        self.checks: list[Callable[[], str | None]] = []
        self.reviews_started: set[str] = set()

    def run_batch(self, batch: Path) -> None:
        from flows.batch import process_inbox_batch

        try:
            summary = process_inbox_batch(batch.name, str(self.out), self.options, self.reviews)
            self.counts.files += summary["files"]
        except Exception as error:  # the batch stays in processing/ and is run again on restart
            self.counts.failures += 1
            log.error("batch %s failed (%s); its files stay in %s", batch.name, type(error).__name__, batch)
        self.counts.batches += 1

    def start_missing_reviews(self) -> None:
        """A review run for every document in review/ that has none yet (idempotent: the
        server knows each run by its input), e.g. after the deployments came up late."""
        from flows.batch import start_reviews
        from flows.inbox import Ledger

        waiting = [
            record
            for key, record in Ledger(self.out).done.items()
            if record.get("status") == "review" and key not in self.reviews_started
        ]
        if waiting:
            started = start_reviews(waiting, self.out)
            if len(started) == len([r for r in waiting if (self.out / r["output_path"]).is_file()]):
                self.reviews_started |= {record["input_id"] for record in waiting}

    def health(self) -> str:
        counts = folder_counts(self.inbox, self.out)
        problems = [problem for check in self.checks if (problem := check())]
        state = "ok" if not problems else "DEGRADED: " + "; ".join(problems)
        up = time.monotonic() - self.counts.started
        return (
            f"[docflow] {state} | up {up // 60:.0f} min | batches {self.counts.batches} "
            f"(failed {self.counts.failures}) | " + " ".join(f"{k} {v}" for k, v in counts.items())
        )

    def run(self) -> None:
        """Until `stop` is set: finish batches left from before, then watch."""
        self.inbox.mkdir(parents=True, exist_ok=True)
        self.out.mkdir(parents=True, exist_ok=True)
        for batch in pending_batches(self.out):
            self.say(f"[docflow] finishing batch {batch.name} left from an earlier run")
            self.run_batch(batch)
        next_health = time.monotonic()
        while not self.stop.is_set():
            ready = self.stable.poll(self.inbox)[: self.max_batch]
            if ready:
                self.stable.forget(ready)
                self.run_batch(claim(ready, self.out))
                continue  # more may be waiting: look again at once
            if time.monotonic() >= next_health:
                if self.reviews:
                    self.start_missing_reviews()
                self.say(self.health())
                next_health = time.monotonic() + self.health_seconds
            self.stop.wait(self.poll_seconds)


def wait_for_deployment(name: str, seconds: float, alive: Callable[[], bool]) -> bool:
    """Wait until the deployments process has registered `name` (or has died)."""
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + seconds
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline and alive():
            try:
                client.read_deployment_by_name(name)
                return True
            except ObjectNotFound:
                time.sleep(0.5)
    return False


def write_state(folder: Path, state: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "service.json").write_text(json.dumps(state, indent=2) + "\n", "utf-8")


def install_stop_handlers(stop: threading.Event, say: Callable[[str], None]) -> None:
    """SIGTERM and the first Ctrl-C finish the current batch and stop; a second Ctrl-C stops at once."""

    def request_stop(signum: int, _frame: Any) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        say("[docflow] stopping after the current batch (Ctrl-C again to stop at once)")

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
