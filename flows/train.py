"""The Prefect flow `train_models`: read a labelled corpus, fine-tune, calibrate, save the model."""

from __future__ import annotations

import logging
import os
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast
from uuid import UUID

from prefect import flow, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_progress_artifact, update_progress_artifact
from prefect.cache_policies import NONE
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from extractors.ingest import IngestLimits, Rejected, ingest
from extractors.reading import ReadOptions, read_document
from extractors.truth import read_truth, truth_path
from flows.process import collect_inputs
from models.trainer import Labelled
from models.training import TrainConfig

log = logging.getLogger("docflow")
# Called with (phase, done, total, loss): phase 'read' or 'train'; the CLI's progress bars listen.
progress_listeners: list[Callable[[str, int, int, float | None], None]] = []


def _tell(phase: str, done: int, total: int, loss: float | None = None) -> None:
    for listener in progress_listeners:
        listener(phase, done, total, loss)


def labelled_files(corpus: Path, splits: Sequence[str] = ("train", "val", "test")) -> list[Path]:
    """The documents of a corpus that have ground truth next to them, in the given splits."""
    return labelled_in([corpus / split for split in splits if (corpus / split).is_dir()])


def labelled_in(folders: Sequence[Path]) -> list[Path]:
    """The documents in these folders that have ground truth next to them."""
    return [path for path in collect_inputs(list(folders)) if truth_path(path).is_file()]


@task(
    name="read-labelled",
    task_run_name="read-{path.name}",
    retries=2,
    retry_delay_seconds=2,
    cache_policy=NONE,
)
def read_labelled(path: Path, options: ReadOptions) -> Labelled | None:
    """A document read as the pipeline reads it, with its truth; None (and a warning) if unreadable."""
    try:
        document = read_document(ingest(path, IngestLimits()), options)
    except Rejected as error:
        log.warning("skipped %s: %s", path.name, error)
        return None
    return Labelled(document, read_truth(path))


def read_corpus(files: Sequence[Path], options: ReadOptions | None = None) -> list[Labelled]:
    """Read every file in parallel tasks (OCR'd pages come from the cache when seen before)."""
    futures = read_labelled.map(list(files), unmapped(options or ReadOptions()))
    done: list[Labelled] = []
    for count, future in enumerate(as_completed(list(futures)), start=1):
        if (item := future.result()) is not None:
            done.append(item)
        _tell("read", count, len(files))
    return sorted(done, key=lambda item: item.document.source.filename)


def limit_documents(items: Sequence[Labelled], limit: int | None, seed: int) -> list[Labelled]:
    """At most `limit` documents, drawn alike from every document type."""
    if limit is None or len(items) <= limit:
        return list(items)
    by_type: dict[str, list[Labelled]] = {}
    for item in items:
        by_type.setdefault(item.truth.document_type, []).append(item)
    rng = random.Random(seed)
    for group in by_type.values():
        rng.shuffle(group)
    chosen: list[Labelled] = []
    while len(chosen) < limit:
        for group in by_type.values():
            if group and len(chosen) < limit:
                chosen.append(group.pop())
    return chosen


def thread_pool() -> TaskRunner[PrefectFuture[Any]]:
    """A task runner of its own for each flow: one thread per CPU core."""
    return cast("TaskRunner[PrefectFuture[Any]]", ThreadPoolTaskRunner(max_workers=os.cpu_count() or 2))


@flow(name="train_models", task_runner=thread_pool(), validate_parameters=False)
def train_models(
    corpus: str,
    out: str,
    device: str = "auto",
    config: TrainConfig | None = None,
    max_train_docs: int | None = None,
    extra_train: list[str] | None = None,
) -> dict[str, Any]:
    """Fine-tune the document classifier and field extractor on a corpus made by `docflow generate`
    (or any folder with train/val/test sub-folders of documents with `*.truth.json`).

    `extra_train`: folders of further labelled documents used for training only, whatever
    split their truth names, e.g. the reviewers' corrections (`OUT/corrections` of the service)."""
    import torch

    from models.network import best_device
    from models.trainer import run_training

    config = config or TrainConfig()
    chosen = best_device(device)
    files = labelled_files(Path(corpus))
    if not files:
        raise ValueError(f"no documents with ground truth under {corpus}/train, /val or /test")
    extra = [
        p for folder in extra_train or [] for p in collect_inputs([Path(folder)]) if truth_path(p).is_file()
    ]
    items = read_corpus([*files, *extra])
    extra_names = {p.name for p in extra}
    in_extra = [i for i in items if i.document.source.filename in extra_names]
    items = [i for i in items if i.document.source.filename not in extra_names]
    splits = {split: [i for i in items if i.truth.split == split] for split in ("train", "val", "test")}
    train = limit_documents(splits["train"], max_train_docs, config.seed) + in_extra
    if not train:
        raise ValueError(f"no training documents in {corpus}/train")
    log.info("training on %d documents (%s), calibrating on %d", len(train), chosen, len(splits["val"]))
    artifact = cast("UUID", create_progress_artifact(0.0, key="training-progress", description="Fine-tuning"))

    def progress(step: int, steps: int, loss: float) -> None:
        _tell("train", step, steps, loss)
        if step % 10 == 0 or step == steps:
            update_progress_artifact(artifact, 100.0 * step / steps)

    corpus_facts = _corpus_facts(Path(corpus))
    torch.manual_seed(config.seed)
    manifest = run_training(
        train, splits["val"], splits["test"], config, Path(out), chosen, corpus_facts, progress
    )
    card = (Path(out) / "README.md").read_text("utf-8")
    create_markdown_artifact(card, key="model-card", description="The trained model's card")
    return {
        "task_runs": len(files) + len(extra),
        "out": out,
        "metrics": manifest.card.get("metrics", {}),
        "calibration": manifest.calibration.model_dump(),
    }


@flow(name="calibrate_model", task_runner=thread_pool(), validate_parameters=False)
def calibrate_model(corpus: str, model_dir: str, device: str = "auto") -> dict[str, Any]:
    """Fit a trained model's temperatures and review thresholds again on the corpus's val split and
    measure it on val and test; the weights are not touched."""
    from models.inference import Predictor
    from models.store import save_manifest
    from models.trainer import recalibrate

    predictor = Predictor.load(Path(model_dir), device)
    files = labelled_files(Path(corpus), ["val", "test"])
    items = read_corpus(files)
    val = [item for item in items if item.truth.split == "val"]
    if not val:
        raise ValueError(f"no documents with ground truth in {corpus}/val to calibrate on")
    manifest = recalibrate(
        predictor, val, [item for item in items if item.truth.split == "test"], _corpus_facts(Path(corpus))
    )
    save_manifest(Path(model_dir), manifest)
    card = (Path(model_dir) / "README.md").read_text("utf-8")
    create_markdown_artifact(card, key="model-card", description="The recalibrated model's card")
    return {
        "task_runs": len(files),
        "out": model_dir,
        "metrics": manifest.card.get("metrics", {}),
        "calibration": manifest.calibration.model_dump(),
    }


def _corpus_facts(corpus: Path) -> dict[str, Any]:
    import json

    facts: dict[str, Any] = {"folder": str(corpus)}
    manifest = corpus / "corpus.json"
    if manifest.is_file():
        raw = json.loads(manifest.read_text("utf-8"))
        facts |= {key: raw[key] for key in ("generator_version", "seed", "per_type") if key in raw}
    return facts
