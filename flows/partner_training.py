"""Training on a partner's GPU: the flow `train_on_partner`, deployed to a Prefect work pool whose
worker runs on the partner's machine.

Nothing of the city's goes there but parameters: the worker generates the synthetic training
corpus itself from a seed (`docflow generate` is deterministic) and trains on it. Reviewed
corrections hold citizens' data and are refused unless `allow_real_data` is set explicitly.
The trained model stays on the partner's machine, where `docflow serve-model` serves it; the
city copies the model folder (weights, no documents) for its local fallback.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any, cast

from prefect import Flow, flow

from flows.train import train_models
from models.training import TrainConfig

PARTNER_POOL = "partner-gpu"
DEPLOYMENT_NAME = "partner"


class RealDataRefused(ValueError):
    """Real documents were about to leave the city without explicit permission."""


@flow(name="train_on_partner", validate_parameters=False)
def train_on_partner(
    out: str,
    seed: int = 1,
    per_type: int = 60,
    device: str = "auto",
    epochs: int | None = None,
    max_length: int | None = None,
    extra_train: list[str] | None = None,
    allow_real_data: bool = False,
) -> dict[str, Any]:
    """Generate the synthetic corpus from `seed` on this machine, train on it, and report the
    model's folder and version (which serve-model and the city's copy must share)."""
    if extra_train and not allow_real_data:
        raise RealDataRefused(
            "extra training folders (reviewed corrections) hold citizens' data and stay in the city; "
            "set allow_real_data=true only where a data-processing agreement covers the partner"
        )
    from eval.synth.generate import CorpusOptions, generate_corpus
    from models.remote import model_version
    from models.store import read_manifest

    corpus = Path(out) / "corpus"
    if not (corpus / "corpus.json").is_file():
        generate_corpus(CorpusOptions(out=corpus, per_type=per_type, seed=seed, workers=os.cpu_count() or 1))
    settings: dict[str, Any] = {}
    if epochs:
        settings["epochs"] = epochs
    if max_length:
        settings |= {"max_length": max_length, "stride": max_length * 3 // 4}
    model = Path(out) / "model"
    train_models(str(corpus), str(model), device, TrainConfig(**settings), extra_train=extra_train)
    manifest = read_manifest(model)
    return {
        "model": str(model),
        "version": model_version(model, manifest),
        "card": manifest.card.get("run", {}),
    }


def deploy_training(source: str, pool: str = PARTNER_POOL) -> str:
    """Create the work pool (type process) if needed and deploy `train_on_partner` to it from
    `source`, a folder or git URL holding this repository as the partner's worker sees it."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists

    with get_client(sync_client=True) as client, contextlib.suppress(ObjectAlreadyExists):
        client.create_work_pool(WorkPoolCreate(name=pool, type="process"))  # else made before
    deployable = cast(
        "Flow[..., Any]",
        train_on_partner.from_source(source=source, entrypoint="flows/partner_training.py:train_on_partner"),
    )  # the synchronous form: from_source returns a coroutine only inside an event loop
    deployment_id = deployable.deploy(name=DEPLOYMENT_NAME, work_pool_name=pool, print_next_steps=False)
    return str(deployment_id)
