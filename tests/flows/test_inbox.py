"""The watched folder's bookkeeping without Prefect: settled files, claims, restarts, the ledger."""

from __future__ import annotations

import json
import time
from pathlib import Path

from flows.inbox import Ledger, StableFiles, archive, batch_files, claim, finish_batch, pending_batches


def _wait_ready(stable: StableFiles, folder: Path, seconds: float = 3.0) -> list[Path]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready := stable.poll(folder):
            return ready
        time.sleep(0.05)
    return []


def test_a_file_still_being_written_is_not_taken(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stable = StableFiles(settle_seconds=0.3)
    growing = inbox / "scan.pdf"
    growing.write_bytes(b"%PDF-1.7 first half")
    (inbox / "upload.pdf.part").write_bytes(b"%PDF-1.7 still uploading")
    (inbox / ".hidden.pdf").write_bytes(b"%PDF")
    for _ in range(6):  # keeps growing: never settles
        assert stable.poll(inbox) == []
        time.sleep(0.1)
        with growing.open("ab") as stream:
            stream.write(b" more")
    assert _wait_ready(stable, inbox) == [growing]
    growing.unlink()  # taken by the service
    (inbox / "upload.pdf.part").rename(inbox / "upload.pdf")
    assert stable.poll(inbox) == [], "a renamed file also settles first"
    assert _wait_ready(stable, inbox) == [inbox / "upload.pdf"]


def test_a_claim_is_whole_and_survives_a_crash_while_claiming(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    files = []
    for name in ("a.pdf", "b.png"):
        (inbox / name).write_bytes(name.encode())
        files.append(inbox / name)
    batch = claim(files, out)
    assert [p.name for p in batch_files(batch)] == ["a.pdf", "b.png"]
    assert not any(inbox.iterdir())
    # a crash half-way through a claim leaves the staging folder: it is recovered, not lost
    staging = out / "processing" / ".20990101T000000-abcdef"
    staging.mkdir()
    (staging / "c.pdf").write_bytes(b"c")
    pending = pending_batches(out)
    assert [p.name for p in pending] == [batch.name, "20990101T000000-abcdef"]
    assert (pending[1] / "c.pdf").read_bytes() == b"c"


def test_archiving_never_overwrites_and_empties_the_batch(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = claim([_file(tmp_path / "x" / "same.pdf", b"1")], out)
    second = claim([_file(tmp_path / "y" / "same.pdf", b"1")], out)
    kept = [archive(batch_files(b)[0], out, "ab" * 32) for b in (first, second)]
    assert kept[0] != kept[1] and all(p.read_bytes() == b"1" for p in kept)
    for batch in (first, second):
        finish_batch(batch)
        assert not batch.exists()


def test_the_ledger_drops_a_half_written_last_line(tmp_path: Path) -> None:
    lines = [
        {"input_id": "b1/a.pdf", "status": "routed", "source": {"sha256": "aa"}, "output_path": "x/a.json"},
        {"input_id": "b1/c.pdf", "status": "duplicate", "source": {"sha256": "aa"}},
    ]
    text = "".join(json.dumps(line) + "\n" for line in lines) + '{"input_id": "b2/half'
    (tmp_path / "results.jsonl").write_text(text)
    ledger = Ledger(tmp_path)
    assert set(ledger.done) == {"b1/a.pdf", "b1/c.pdf"}
    assert ledger.by_content["aa"]["input_id"] == "b1/a.pdf"  # a duplicate never becomes the original
    assert (tmp_path / "results.jsonl").read_text().endswith("}\n")


def _file(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
