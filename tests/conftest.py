"""Shared fixtures: one small generated corpus per test session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eval.synth.generate import CorpusOptions, Made, generate_corpus
from extractors.truth import GroundTruth, read_truth

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
