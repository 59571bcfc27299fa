"""Words to model input and back: tags from the truth, windows, values in their original spelling."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from extractors.catalogue import DocumentType, load_catalogue
from extractors.document import ReadDocument
from extractors.ingest import ingest
from extractors.reading import read_document
from extractors.truth import GroundTruth, read_truth
from extractors.validation import validate_fields
from models.decode import extract_from_tags
from models.encoding import Encoded, PageWord, document_words, encode_words, matched_tags, truth_tags, windows
from models.training import Labels, TrainConfig, base_model_path, load_tokenizer

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


@cache
def tokenizer() -> Any:
    return load_tokenizer(base_model_path(TrainConfig().base_model))


def _digital_samples() -> list[tuple[ReadDocument, GroundTruth]]:
    found = []
    for path in sorted(SAMPLES.rglob("*.pdf")):
        truth = read_truth(path)
        if truth.variant in ("digital", "acroform") and truth.document_type != "sonstiges":
            found.append((read_document(ingest(path)), truth))
    return found


def _tagged_samples() -> Iterator[tuple[list[PageWord], list[str], DocumentType, GroundTruth]]:
    """The digital samples' words with the tags their truth boxes give them, and their type."""
    for document, truth in _digital_samples():
        words = document_words(document)
        tags = truth_tags(words, truth, document.pages)
        yield words, tags, load_catalogue().type(truth.document_type), truth


def _one_hot(tags: list[str], labels: Labels) -> np.ndarray:
    index = {tag: i for i, tag in enumerate(labels.tags)}
    probabilities = np.zeros((len(tags), len(labels.tags)))
    probabilities[np.arange(len(tags)), [index[tag] for tag in tags]] = 1.0
    return probabilities


def test_values_come_back_from_their_tags_exactly_as_written() -> None:
    """Tags made from the truth boxes, decoded again, give the truth's values: the words of each
    value are found, and their original text (umlauts, 'ß') survives the uncased tokenizer."""
    labels = Labels.from_catalogue()
    expected = right = 0
    spelled: list[str] = []
    for document, truth in _digital_samples():
        words = document_words(document)
        tags = truth_tags(words, truth, document.pages)
        doc_type = load_catalogue().type(truth.document_type)
        fields = extract_from_tags(doc_type, words, _one_hot(tags, labels), labels.tags)
        expected += len(truth.fields)
        right += sum(1 for key, value in truth.fields.items() if key in fields and fields[key].value == value)
        spelled += [str(f.value) for f in fields.values() if any(c in str(f.value) for c in "äöüßÄÖÜ")]
    assert right / expected >= 0.97
    assert spelled, "no value with an umlaut or ß came back"


def test_ground_truth_without_boxes_is_found_by_its_values() -> None:
    """Reviewed corrections and hand-labelled documents have values but no boxes: the words that
    spell each value are tagged, and decode to the same values."""
    labels = Labels.from_catalogue()
    expected = right = 0
    for document, truth in _digital_samples():
        words = document_words(document)
        doc_type = load_catalogue().type(truth.document_type)
        tags = matched_tags(words, truth.model_copy(update={"boxes": []}), doc_type)
        fields = extract_from_tags(doc_type, words, _one_hot(tags, labels), labels.tags)
        expected += len(truth.fields)
        right += sum(1 for key, value in truth.fields.items() if key in fields and fields[key].value == value)
    assert right / expected >= 0.9


def test_labels_printed_under_a_line_are_not_part_of_the_value() -> None:
    for document, truth in _digital_samples():
        words = document_words(document)
        tags = truth_tags(words, truth, document.pages)
        tagged = {word.text for word, tag in zip(words, tags, strict=True) if tag != "O"}
        value_text = " ".join(box.text for box in truth.boxes)
        strays = {t for t in tagged if t.strip(",.;:") not in value_text and t not in "☒✓xX"}
        assert not strays, f"{truth.file}: words outside any value tagged: {strays}"


@given(
    word_lengths=st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=300),
    length=st.integers(min_value=8, max_value=64),
    stride_share=st.floats(min_value=0.3, max_value=1.0),
)
def test_windows_cover_every_word_whole_and_stay_short(
    word_lengths: list[int], length: int, stride_share: float
) -> None:
    first: list[bool] = []
    word_of: list[int] = []
    for word, pieces in enumerate(word_lengths):
        first += [True] + [False] * (pieces - 1)
        word_of += [word] * pieces
    encoded = Encoded([0] * len(first), [(0, 0, 0, 0)] * len(first), word_of, first, len(word_lengths))
    stride = max(1, int(stride_share * (length - 2)))
    spans = list(windows(encoded, length, stride))
    assert spans[0].start == 0 and spans[-1].end == len(first)
    whole: set[int] = set()
    for span in spans:
        assert span.end - span.start <= length - 2
        inside = word_of[span.start : span.end]
        whole |= {w for w in set(inside) if inside.count(w) == word_lengths[w]}
    fits = {w for w, pieces in enumerate(word_lengths) if pieces <= length - 2}
    assert fits <= whole


def test_long_words_keep_only_their_first_pieces() -> None:
    document, _ = _digital_samples()[0]
    words = document_words(document)
    encoded = encode_words(words, tokenizer(), max_word_tokens=2)
    assert max(encoded.word_of_token.count(w) for w in set(encoded.word_of_token)) <= 2
    assert sum(encoded.first_token) == len({w for w in encoded.word_of_token})


def test_a_value_the_model_half_sees_is_kept_as_unsure_and_a_faint_one_is_not_invented() -> None:
    """A field none of whose words wins its tag is still read from the words the model gives a
    fair chance, with that low confidence (so it goes to review); a faint trace reads as nothing."""
    labels = Labels.from_catalogue()
    column = {tag: i for i, tag in enumerate(labels.tags)}
    document, truth = next(
        (document, truth) for document, truth in _digital_samples() if "family_name" in truth.fields
    )
    words = document_words(document)
    tags = truth_tags(words, truth, document.pages)
    doc_type = load_catalogue().type(truth.document_type)
    for share, found in ((0.3, True), (0.05, False)):
        probabilities = _one_hot(tags, labels)
        for row, tag in enumerate(tags):
            if tag.endswith("-family_name"):
                probabilities[row] = 0.0
                probabilities[row, column[tag]] = share
                probabilities[row, column["O"]] = 1.0 - share
        fields = extract_from_tags(doc_type, words, probabilities, labels.tags)
        assert ("family_name" in fields) is found
        if found:
            assert fields["family_name"].value == truth.fields["family_name"]
            assert fields["family_name"].confidence == share
        assert fields["given_names"].value == truth.fields["given_names"]


def test_a_date_whose_day_the_model_gave_to_its_neighbour_is_completed_from_its_line() -> None:
    """'Oktober 2026' alone is no date: the day printed just before it on the same line completes
    it, at half the confidence; a date missing more than its line can give stays missing."""
    labels = Labels.from_catalogue()
    found = 0
    for words, tags, doc_type, truth in _tagged_samples():
        for key in ("signature_date", "event_date", "move_in_date", "end_date"):
            tagged = [i for i, tag in enumerate(tags) if tag[2:] == key]
            if key not in truth.fields or len(tagged) != 3:
                continue
            cut = list(tags)
            cut[tagged[0]] = "O"
            cut[tagged[1]] = f"B-{key}"
            fields = extract_from_tags(doc_type, words, _one_hot(cut, labels), labels.tags)
            assert fields[key].value == truth.fields[key]
            assert fields[key].confidence == 0.5
            cut[tagged[1]] = "O"
            cut[tagged[2]] = f"B-{key}"
            # '2026' alone: growing by two words could still make it whole, so the value is
            # either the right date or none at all, never a wrong one
            fields = extract_from_tags(doc_type, words, _one_hot(cut, labels), labels.tags)
            assert key not in fields or fields[key].value == truth.fields[key]
            found += 1
    assert found >= 3


def test_a_value_the_model_sees_going_on_but_not_starting_takes_in_the_word_before_it() -> None:
    """'Donata Steuer' as account holder, where the model gave 'Donata' to the address printed next
    and saw the account holder only from 'Steuer' on: the value is the whole name, at half the
    confidence."""
    labels = Labels.from_catalogue()
    found = 0
    for words, tags, doc_type, truth in _tagged_samples():
        for spec in doc_type.fields:
            tagged = [i for i, tag in enumerate(tags) if tag[2:] == spec.key]
            if (
                spec.kind not in ("name", "text")
                or len(tagged) != 2
                or not isinstance(truth.fields.get(spec.key), str)
            ):
                continue
            other = next((s.key for s in doc_type.fields if s.kind == "address"), None)
            if other is None:
                continue
            cut = list(tags)
            cut[tagged[0]] = f"B-{other}"
            cut[tagged[1]] = f"I-{spec.key}"
            fields = extract_from_tags(doc_type, words, _one_hot(cut, labels), labels.tags)
            assert fields[spec.key].value == truth.fields[spec.key]
            assert fields[spec.key].confidence == 0.5
            found += 1
    assert found >= 3


def test_an_event_date_the_model_took_from_a_birth_date_gives_way_to_one_near_the_signature() -> None:
    """The model tags the applicant's birth date as the day the business starts, surer than the
    start date itself: the start date near the signature is the value. Where the model gave the
    start date no chance at all, the birth date stays, and the validator flags it."""
    labels = Labels.from_catalogue()
    column = {tag: i for i, tag in enumerate(labels.tags)}
    found = 0
    for words, tags, doc_type, truth in _tagged_samples():
        event = next((s.key for s in doc_type.fields if "event" in s.rules and s.key in truth.fields), None)
        if event is None or "birth_date" not in truth.fields or "signature_date" not in truth.fields:
            continue
        swapped = [tag.replace("-birth_date", f"-{event}") for tag in tags]
        probabilities = _one_hot(swapped, labels)
        for row, tag in enumerate(tags):
            if tag.endswith(f"-{event}"):
                probabilities[row] = 0.0
                probabilities[row, column[tag]] = 0.7
                probabilities[row, column["O"]] = 0.3
        fields = extract_from_tags(doc_type, words, probabilities, labels.tags)
        assert fields[event].value == truth.fields[event]
        assert fields[event].confidence == 0.7
        instead = [
            "O" if tag.endswith(f"-{event}") else tag.replace("-birth_date", f"-{event}") for tag in tags
        ]
        unseen = _one_hot(instead, labels)
        fields = extract_from_tags(doc_type, words, unseen, labels.tags)
        assert fields[event].value == truth.fields["birth_date"]
        findings = validate_fields(doc_type, {key: field.value for key, field in fields.items()})
        assert "far_from_signature" in {issue.code for issue in findings if issue.field == event}
        found += 1
    assert found >= 1
