"""The watched folder's bookkeeping: which files are ready, claimed, done or seen before.

All state lives in folders and in `results.jsonl`, so a service killed at any moment picks up
where it stopped:

    inbox/                       clerks drop files here (`*.part` is ignored until renamed)
    OUT/processing/<batch>/      files claimed for a batch, moved in with one rename each
    OUT/archive/<day>/           originals once their result line is written
    OUT/results.jsonl            one line per input, with `input_id` = "<batch>/<file name>"

A file is processed exactly once: a batch left in `processing/` is run again after a restart,
and a file whose `input_id` already has a line in `results.jsonl` is only archived.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flows.outbox import RESULTS_FILE

PROCESSING, ARCHIVE = "processing", "archive"
PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload")


def is_candidate(path: Path) -> bool:
    """A file a clerk dropped, not one still being written under a temporary name."""
    name = path.name
    return path.is_file() and not name.startswith(".") and not name.lower().endswith(PARTIAL_SUFFIXES)


@dataclass
class StableFiles:
    """Files whose size and modification time stayed the same for `settle_seconds`.

    A copy in progress keeps growing; a file is only taken once it has stopped changing."""

    settle_seconds: float = 1.0
    _seen: dict[Path, tuple[int, int, float]] = field(default_factory=dict)

    def poll(self, folder: Path) -> list[Path]:
        now = time.monotonic()
        ready: list[Path] = []
        present: set[Path] = set()
        for path in sorted(folder.iterdir()):
            if not is_candidate(path):
                continue
            try:
                stat = path.stat()
            except FileNotFoundError:  # renamed or taken away between listing and looking
                continue
            present.add(path)
            signature = (stat.st_size, stat.st_mtime_ns)
            previous = self._seen.get(path)
            if previous is None or previous[:2] != signature:
                self._seen[path] = (*signature, now)
            elif now - previous[2] >= self.settle_seconds:
                ready.append(path)
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return ready

    def forget(self, paths: list[Path]) -> None:
        for path in paths:
            self._seen.pop(path, None)


def _move(source: Path, target: Path) -> None:
    """Move with one atomic rename; across file systems copy, flush, rename, then delete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        source.replace(target)
        return
    except OSError:
        if source.stat().st_dev == target.parent.stat().st_dev:
            raise
    partial = target.with_name(f".{target.name}.part")
    shutil.copy2(source, partial)
    with partial.open("rb") as stream:
        os.fsync(stream.fileno())
    partial.replace(target)
    source.unlink()


def new_batch_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def claim(files: list[Path], out: Path) -> Path:
    """Move the files into a new batch folder under `processing/`; returns the folder."""
    batch = out / PROCESSING / new_batch_id()
    staging = batch.with_name(f".{batch.name}")
    staging.mkdir(parents=True)
    for path in files:
        _move(path, staging / path.name)
    staging.replace(batch)  # the batch appears whole or not at all
    return batch


def pending_batches(out: Path) -> list[Path]:
    """Batch folders a previous run claimed but did not finish, oldest first.

    A staging folder (`.<batch>`) means the service died while claiming: its files are put back
    into a proper batch so they are processed, not forgotten."""
    root = out / PROCESSING
    if not root.is_dir():
        return []
    for staging in sorted(root.glob(".*")):
        if staging.is_dir():
            staging.replace(staging.with_name(staging.name.lstrip(".")))
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def batch_files(batch: Path) -> list[Path]:
    return sorted(p for p in batch.iterdir() if p.is_file() and not p.name.startswith("."))


def archive(path: Path, out: Path, sha256: str) -> Path:
    """Move a processed original into the archive; two files never overwrite each other."""
    day = datetime.now(UTC).strftime("%Y-%m-%d")
    target = out / ARCHIVE / day / f"{sha256[:12]}-{path.name}"
    if target.exists():
        target = target.with_name(f"{sha256[:12]}-{path.parent.name}-{path.name}")
    _move(path, target)
    return target


def finish_batch(batch: Path) -> None:
    """Remove an emptied batch folder (and only one holding nothing but leftover partial copies)."""
    if not batch.is_dir():
        return
    for leftover in batch.glob(".*.part"):
        leftover.unlink()
    if not any(batch.iterdir()):
        batch.rmdir()


def input_id(batch: Path, path: Path) -> str:
    return f"{batch.name}/{path.name}"


class Ledger:
    """What `results.jsonl` already says: inputs done, and the first result for each content."""

    def __init__(self, out: Path) -> None:
        self.path = out / RESULTS_FILE
        self.done: dict[str, dict[str, Any]] = {}
        self.by_content: dict[str, dict[str, Any]] = {}
        self._load()

    def _load(self) -> None:
        if not self.path.is_file():
            return
        data = self.path.read_bytes()
        if data and not data.endswith(b"\n"):
            # The service died while appending: the last line is incomplete and its input was not
            # archived, so it will be processed again. Drop the fragment.
            data = data[: data.rfind(b"\n") + 1]
            with self.path.open("r+b") as stream:
                stream.truncate(len(data))
        for line in data.decode("utf-8").splitlines():
            if line.strip():
                self.add(json.loads(line))

    def add(self, record: dict[str, Any]) -> None:
        if key := record.get("input_id"):
            self.done[key] = record
        digest = (record.get("source") or {}).get("sha256")
        if digest and record.get("status") != "duplicate":
            self.by_content.setdefault(digest, record)
