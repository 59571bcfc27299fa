"""Shared fixtures: one small generated corpus per test session."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eval.synth.generate import CorpusOptions, Made, generate_corpus
from extractors.truth import GroundTruth, read_truth, write_truth

# Tests never pick up a model trained on this machine by hand: the default model folder is empty,
# and gone again when the tests end.
_NO_MODEL = tempfile.mkdtemp(prefix="docflow-no-model-")
atexit.register(shutil.rmtree, _NO_MODEL, ignore_errors=True)
os.environ["DOCFLOW_MODEL_DIR"] = str(Path(_NO_MODEL) / "model")

# Small but complete: every type, split and variant shows up at least once.
CORPUS_PER_TYPE = 10
CORPUS_SEED = 20261124


class Corpus:
    """A generated corpus on disk, with its documents and ground truth at hand."""

    def __init__(self, root: Path, made: list[Made]) -> None:
        self.root = root
        self.made = made
        self.manifest: dict[str, Any] = json.loads((root / "corpus.json").read_text("utf-8"))

    def path(self, made: Made) -> Path:
        return self.root / made.split / made.file

    def documents(self) -> list[tuple[Path, GroundTruth]]:
        return [(self.path(m), read_truth(self.path(m))) for m in self.made]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("corpus")
    made = generate_corpus(CorpusOptions(out=root, per_type=CORPUS_PER_TYPE, seed=CORPUS_SEED, workers=2))
    return Corpus(root, made)


# A model trained in a minute on two cores: short windows, few documents, four passes. Enough to
# show that it learns, not to be good.
TINY_TRAINING: dict[str, Any] = {
    "max_length": 128,
    "stride": 96,
    "epochs": 4,
    "batch_size": 16,
}


@pytest.fixture(scope="session")
def born_digital_corpus(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session corpus without its scans (no OCR needed to read it)."""
    root = tmp_path_factory.mktemp("digital-corpus")
    for path, truth in corpus.documents():
        if truth.variant != "scan":
            (root / truth.split).mkdir(exist_ok=True)
            shutil.copy2(path, root / truth.split / path.name)
            shutil.copy2(path.with_name(path.stem + ".truth.json"), root / truth.split)
    shutil.copy2(corpus.root / "corpus.json", root)
    return root


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """A real Prefect server with a temporary database for flows run inside the test process;
    it is stopped by the fixture, not at interpreter exit (when logging is already shut down)."""
    from flows.settings import configure_prefect

    configure_prefect()
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def tiny_model(
    prefect_server: None, born_digital_corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A model trained by the real Prefect flow `train_models` on the born-digital corpus."""
    from flows.train import train_models
    from models.training import TrainConfig

    out = tmp_path_factory.mktemp("tiny-model")
    corrections = reviewed_corrections(born_digital_corpus, tmp_path_factory.mktemp("corrections"))
    train_models(
        str(born_digital_corpus),
        str(out),
        "cpu",
        TrainConfig(**TINY_TRAINING),
        extra_train=[str(corrections)],
    )
    return out


EXTRA_TRAINING_DOCUMENTS = 2


def reviewed_corrections(corpus: Path, folder: Path) -> Path:
    """Documents as the review step keeps them: values a person confirmed, no boxes."""
    for path in sorted((corpus / "train").glob("*.pdf"))[:EXTRA_TRAINING_DOCUMENTS]:
        copy = folder / f"reviewed-{path.name}"
        shutil.copy2(path, copy)
        truth = read_truth(path).model_copy(update={"boxes": [], "file": copy.name})
        write_truth(copy, truth)
    return folder
