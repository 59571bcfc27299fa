"""Settings of the docflow service, and Prefect's, with the city's defaults (no telemetry)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# A city must not phone home: Prefect's analytics and any 'do not track'-aware library stay off
# unless an operator turns them on explicitly.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ALLOW_EPHEMERAL_MODE": "true",
    # Prefect waits 20 s for its temporary server; on two cores busy with OCR or training it
    # took longer, and `docflow process` failed before reading a file (seen in CI).
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def configure_prefect(logging_level: str | None = None) -> None:
    """Set Prefect's environment before it is imported; values already set by the operator win."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
    if logging_level:
        os.environ["PREFECT_LOGGING_LEVEL"] = logging_level


@contextmanager
def listening(listeners: list[Any], listener: Callable[..., None]) -> Iterator[None]:
    """Add a progress listener to a flow module's list for the duration of a block."""
    listeners.append(listener)
    try:
        yield
    finally:
        listeners.remove(listener)
