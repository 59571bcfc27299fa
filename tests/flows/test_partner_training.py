"""Training deployed to a work pool and run by a process worker, as a partner's machine would."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from flows.partner_training import DEPLOYMENT_NAME, RealDataRefused, deploy_training, train_on_partner
from models.pseudonym import VOCABULARY_FILE

REPO = Path(__file__).resolve().parents[2]


def test_corrections_do_not_leave_without_explicit_permission(tmp_path: Path) -> None:
    with pytest.raises(RealDataRefused, match="stay in the city"):
        train_on_partner.fn(str(tmp_path), extra_train=[str(tmp_path / "corrections")])
    assert not (tmp_path / "corpus").exists(), "refused before anything was made"


def test_a_process_worker_trains_from_a_seed_alone(prefect_server: None, tmp_path: Path) -> None:
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    pool = f"partner-gpu-{uuid.uuid4().hex[:6]}"
    deploy_training(str(REPO), pool)
    parameters = {"out": str(tmp_path / "partner"), "seed": 5, "per_type": 2, "epochs": 1, "max_length": 64}
    run: FlowRun = run_deployment(  # type: ignore[assignment]
        f"train_on_partner/{DEPLOYMENT_NAME}", parameters=parameters | {"device": "cpu"}, timeout=0
    )
    env = os.environ | {"PREFECT_API_URL": str(PREFECT_API_URL.value())}
    worker = subprocess.run(
        [
            sys.executable,
            "-m",
            "prefect",
            "worker",
            "start",
            "--pool",
            pool,
            "--type",
            "process",
            "--run-once",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    from prefect import get_client

    with get_client(sync_client=True) as client:
        state = client.read_flow_run(run.id).state
    assert state is not None and state.is_completed(), worker.stdout[-3000:] + worker.stderr[-3000:]
    model = tmp_path / "partner" / "model"
    assert (model / "docflow-model.json").is_file() and (model / VOCABULARY_FILE).is_file()
    assert (tmp_path / "partner" / "corpus" / "corpus.json").is_file(), "the corpus was made on the worker"
