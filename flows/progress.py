"""Progress of long commands: a live bar in a terminal; where the output goes to a log (a pipe,
a file, a CI job, a cron mail), a plain line now and then, since a bar is only drawn at the end
there and an hour of training would print nothing until it was over."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import Progress, ProgressColumn, TaskID

# How often a task prints its line where no bar can be drawn.
PLAIN_EVERY_SECONDS = 30.0
# Time left is guessed from the pace so far, once there has been time to have one.
ESTIMATE_AFTER_SECONDS = 10.0


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min {seconds:02d} s"


@dataclass
class _Task:
    description: str
    total: float | None
    fields: dict[str, Any]
    started: float = field(default_factory=time.monotonic)
    completed: float = 0.0
    printed: float | None = None

    def line(self, now: float, estimate_after: float) -> str:
        elapsed = now - self.started
        parts = [f"{self.description}: {self.completed:g}"]
        if self.total:
            parts[0] += f"/{self.total:g} ({100 * self.completed / self.total:.0f} %)"
        parts += [str(value) for value in self.fields.values() if value]
        parts.append(f"{_duration(elapsed)} elapsed")
        if self.total and 0 < self.completed < self.total and elapsed >= estimate_after:
            parts.append(f"about {_duration(elapsed * (self.total - self.completed) / self.completed)} left")
        return ", ".join(parts)


class PlainProgress:
    """The part of rich's `Progress` the commands use, printing lines instead of drawing bars."""

    def __init__(
        self,
        console: Console,
        every: float = PLAIN_EVERY_SECONDS,
        estimate_after: float = ESTIMATE_AFTER_SECONDS,
    ) -> None:
        self.console, self.every, self.estimate_after = console, every, estimate_after
        self.tasks: list[_Task] = []

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        now = time.monotonic()
        for task in self.tasks:
            if task.printed is None or task.completed != task.total:
                self._print(task, now)

    def add_task(self, description: str, total: float | None = None, **fields: Any) -> TaskID:
        self.tasks.append(_Task(description, total, dict(fields)))
        return TaskID(len(self.tasks) - 1)

    def update(
        self,
        task_id: TaskID,
        *,
        total: float | None = None,
        completed: float | None = None,
        advance: float | None = None,
        **fields: Any,
    ) -> None:
        task = self.tasks[task_id]
        task.total = total if total is not None else task.total
        task.completed = completed if completed is not None else task.completed + (advance or 0)
        task.fields.update(fields)
        now = time.monotonic()
        finished = task.total is not None and task.completed >= task.total
        if finished or task.printed is None or now - task.printed >= self.every:
            self._print(task, now)

    def _print(self, task: _Task, now: float) -> None:
        task.printed = now
        self.console.print(task.line(now, self.estimate_after), markup=False, highlight=False, soft_wrap=True)


def progress_display(columns: tuple[str | ProgressColumn, ...], console: Console) -> Progress | PlainProgress:
    """Bars where the console is a terminal, plain lines elsewhere."""
    if console.is_terminal:
        return Progress(*columns, console=console)
    return PlainProgress(console)
