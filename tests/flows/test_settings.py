"""Prefect's settings as docflow starts it: no telemetry, patience with a busy machine, and
whatever the operator set wins."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_READ = (
    "import json, flows; from prefect.settings import get_current_settings as s; c = s(); "
    "print(json.dumps([c.server.analytics_enabled, c.server.ephemeral.startup_timeout_seconds]))"
)


def _settings(**env: str) -> list[object]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_SERVER_")} | env
    command = [sys.executable, "-c", _READ]
    done = subprocess.run(command, env=clean, capture_output=True, text=True, check=True)
    result: list[object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_telemetry_is_off_and_the_temporary_server_gets_time_to_start() -> None:
    analytics, timeout = _settings()
    assert analytics is False
    assert isinstance(timeout, int) and timeout >= 60


def test_the_operators_own_settings_win() -> None:
    assert _settings(
        PREFECT_SERVER_ANALYTICS_ENABLED="true", PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="7"
    ) == [True, 7]
