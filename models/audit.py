"""The partner audit log: one JSON line per request to a partner, each holding the hash of the
line before, so that a changed, removed or inserted line shows.

A line records when, which document (the SHA-256 of the original file, nothing else of it),
which endpoint, the answer's status, bytes out and in, and the time taken. `docflow audit`
summarises and verifies it.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GENESIS = "0" * 64


def _digest(previous: str, entry: dict[str, Any]) -> str:
    canonical = json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((previous + canonical).encode("utf-8")).hexdigest()


def _last_hash(stream: Any) -> str:
    """The hash of the file's last line (read backwards from the end), or the genesis value."""
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    if size == 0:
        return GENESIS
    tail = b""
    position = size
    while position > 0 and tail.rstrip(b"\n").count(b"\n") < 1:
        step = min(4096, position)
        position -= step
        stream.seek(position)
        tail = stream.read(step) + tail
    last = tail.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    return str(json.loads(last)["hash"])


class AuditLog:
    """Appends chained lines; safe across threads and processes (an exclusive file lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def append(self, **entry: Any) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        record = {"time": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"), **entry}
        with self._lock, self.path.open("a+b") as stream:
            fcntl.flock(stream, fcntl.LOCK_EX)
            try:
                previous = _last_hash(stream)
                record["prev"] = previous
                record["hash"] = _digest(previous, record)
                stream.seek(0, os.SEEK_END)
                stream.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
                stream.flush()
                os.fsync(stream.fileno())
            finally:
                fcntl.flock(stream, fcntl.LOCK_UN)


@dataclass(frozen=True)
class Verification:
    lines: int
    problem: str | None = None  # None: the chain holds
    line: int | None = None  # 1-based line of the first problem

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify(path: Path) -> Verification:
    """Walk the chain: every line's `prev` is the hash before it and its `hash` fits its content."""
    previous = GENESIS
    count = 0
    with path.open("rb") as stream:
        for count, raw in enumerate(stream, start=1):
            try:
                record = json.loads(raw)
                claimed, linked = record.pop("hash"), record["prev"]
            except (ValueError, KeyError, TypeError):
                return Verification(count, "not a log line (malformed JSON or no hash)", count)
            if linked != previous:
                return Verification(
                    count, "does not follow the line before (removed or inserted lines)", count
                )
            if _digest(previous, record) != claimed:
                return Verification(count, "its content does not match its hash (changed)", count)
            previous = claimed
    return Verification(count)


def summary(path: Path) -> dict[str, Any]:
    """Requests, statuses, bytes and time span of the log, per endpoint."""
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    by_endpoint: dict[str, dict[str, Any]] = {}
    for record in records:
        item = by_endpoint.setdefault(
            record.get("endpoint", "?"),
            {"requests": 0, "documents": set(), "bytes_out": 0, "bytes_in": 0, "status": Counter()},
        )
        item["requests"] += 1
        item["documents"].add(record.get("document"))
        item["bytes_out"] += int(record.get("bytes_out", 0))
        item["bytes_in"] += int(record.get("bytes_in", 0))
        item["status"][str(record.get("status"))] += 1
    return {
        "requests": len(records),
        "first": records[0]["time"] if records else None,
        "last": records[-1]["time"] if records else None,
        "endpoints": {
            endpoint: {**item, "documents": len(item["documents"]), "status": dict(item["status"])}
            for endpoint, item in by_endpoint.items()
        },
    }
