"""Stray form words in training documents: between labels and values, never part of a value."""

from __future__ import annotations

import random

import pytest

from models.augment import with_stray_words
from models.encoding import OUTSIDE
from models.training import Labels, Prepared, TrainConfig, prepare
from tests.models.test_encoding import _digital_samples, tokenizer

VOCABULARY = ["sämtliche", "angaben", "bitte", "mischling", "eingestellt"]


def _prepared() -> list[Prepared]:
    config = TrainConfig()
    return [prepare(document, tokenizer(), config, truth) for document, truth in _digital_samples()]


def _tags(prepared: Prepared, labels: Labels) -> list[str]:
    return [labels.tags[i] for i in prepared.tag_ids(labels)]


@pytest.mark.parametrize("share", [0.5, 1.0])
def test_stray_words_stand_before_values_and_leave_every_value_as_it_was(share: float) -> None:
    labels = Labels.from_catalogue()
    rng = random.Random(7)
    strays = 0
    for prepared in _prepared():
        shown = with_stray_words(prepared, labels, VOCABULARY, tokenizer(), 8, share, rng)
        before, after = _tags(prepared, labels), _tags(shown, labels)
        # the values, word by word and tag by tag, are the same: only 'O' words were added
        assert [(w.text, t) for w, t in zip(shown.words, after, strict=True) if t != OUTSIDE] == [
            (w.text, t) for w, t in zip(prepared.words, before, strict=True) if t != OUTSIDE
        ]
        originals = {id(word) for word in prepared.words}
        added = [i for i, word in enumerate(shown.words) if id(word) not in originals]
        assert len(shown.words) == len(prepared.words) + len(added)
        for index in added:
            assert shown.words[index].text.casefold() in VOCABULARY
            assert after[index] == OUTSIDE and after[index + 1].startswith("B-")
        assert shown.encoded.words == len(shown.words)  # the model is shown them
        strays += len(added)
    assert strays > 0


def test_no_share_or_no_vocabulary_leaves_the_document_alone() -> None:
    labels = Labels.from_catalogue()
    prepared = _prepared()[0]
    assert with_stray_words(prepared, labels, VOCABULARY, tokenizer(), 8, 0.0, random.Random(1)) is prepared
    assert with_stray_words(prepared, labels, [], tokenizer(), 8, 1.0, random.Random(1)) is prepared
