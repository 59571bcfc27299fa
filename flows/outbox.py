"""Write results where people and systems pick them up: department folders, review, quarantine."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path
from typing import Any

from extractors.document import Result
from extractors.ingest import safe_name

RESULTS_FILE = "results.jsonl"
REVIEW, QUARANTINE = "review", "quarantine"


def _atomic_write(path: Path, text: str) -> None:
    """Write the whole file or nothing: a reader never sees half a result."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_text(text, "utf-8")
    partial.replace(path)


class Outbox:
    """A run's output folder: one JSON per input in its folder, one line per input in results.jsonl."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.Lock()
        root.mkdir(parents=True, exist_ok=True)

    def folder_for(self, result: Result) -> Path:
        if result.status == "routed" and result.department:
            return self.root / result.department
        return self.root / (QUARANTINE if result.status == "quarantined" else REVIEW)

    def deliver(self, result: Result, original: Path, input_id: str | None = None) -> dict[str, Any]:
        """Write the result (and keep a copy of a quarantined original); returns the results.jsonl record."""
        stem = safe_name(Path(result.source.filename).stem, limit=60) or "document"
        digest = (result.source.sha256 or "0" * 12)[:12]
        target = self.folder_for(result) / f"{stem}-{digest}.json"
        _atomic_write(target, result.model_dump_json(indent=2) + "\n")
        if result.status == "quarantined" and original.is_file():
            kept = self.root / QUARANTINE / "files" / f"{digest}-{safe_name(result.source.filename)}"
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(original, kept)
        record: dict[str, Any] = json.loads(result.model_dump_json())
        record["output_path"] = str(target.relative_to(self.root))
        if input_id:
            record["input_id"] = input_id
        self.append(record)
        return record

    def append(self, record: dict[str, Any]) -> None:
        """One line in results.jsonl, written with a single call and flushed to disk."""
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock, (self.root / RESULTS_FILE).open("ab") as stream:
            stream.write(line)
            stream.flush()
            os.fsync(stream.fileno())
