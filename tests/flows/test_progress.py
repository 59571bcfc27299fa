"""Long commands whose output goes to a log say how far they are, not only at the end."""

from __future__ import annotations

import io

from rich.console import Console

from flows.progress import PlainProgress, progress_display


def test_a_log_gets_a_line_now_and_then_with_the_count_and_the_time_left() -> None:
    log = io.StringIO()
    console = Console(file=log, width=40)
    assert isinstance(progress_display(("{task.description}",), console), PlainProgress)
    with PlainProgress(console, every=0, estimate_after=0) as progress:
        task = progress.add_task("Fine-tuning", total=400, loss="")
        for step in range(1, 401):
            progress.update(task, completed=step, loss=f"loss {4 / step:.3f}")
    lines = log.getvalue().splitlines()
    assert len(lines) == 400  # every update, at `every=0`; nothing wrapped at 40 columns
    assert lines[99].startswith("Fine-tuning: 100/400 (25 %), loss 0.040,") and "left" in lines[99]
    assert lines[-1].startswith("Fine-tuning: 400/400 (100 %), loss 0.010,") and "left" not in lines[-1]


def test_a_task_that_did_not_finish_says_where_it_stopped() -> None:
    log = io.StringIO()
    with PlainProgress(Console(file=log), every=3600) as progress:
        task = progress.add_task("Reading corpus", total=900)
        for _ in range(120):
            progress.update(task, advance=1)
    lines = log.getvalue().splitlines()
    assert lines[0].startswith("Reading corpus: 1/900")  # the first step, then not for an hour
    assert "left" not in lines[0]  # no guess at the pace of one instant
    assert lines[-1].startswith("Reading corpus: 120/900 (13 %)") and len(lines) == 2
