"""The rule-based baseline is honest and decent on born-digital and filled forms of the sample set."""

from __future__ import annotations

import re
from pathlib import Path

from extractors.baseline.classify import classify_document
from extractors.baseline.extract import extract_fields, named_form_fields
from extractors.document import ReadDocument
from extractors.ingest import ingest
from extractors.reading import read_document
from extractors.truth import GroundTruth, read_truth
from tests.conftest import Corpus

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def _digital_samples() -> list[tuple[Path, ReadDocument]]:
    documents = []
    for path in sorted(SAMPLES.rglob("*.pdf")):
        if read_truth(path).variant in ("digital", "acroform"):
            documents.append((path, read_document(ingest(path))))
    return documents


def _field_counts(document: ReadDocument, truth: GroundTruth) -> tuple[int, int, int]:
    """Fields expected, fields predicted, and predicted fields exactly right."""
    fields = extract_fields(document, truth.document_type)
    correct = sum(1 for key, field in fields.items() if truth.fields.get(key) == field.value)
    return len(truth.fields), len(fields), correct


def test_types_of_digital_documents_are_recognised() -> None:
    documents = _digital_samples()
    correct = sum(classify_document(doc).id == read_truth(path).document_type for path, doc in documents)
    assert correct / len(documents) >= 0.9


def test_fields_of_digital_documents_are_found_and_right() -> None:
    counts: list[tuple[int, int, int]] = []
    for path, document in _digital_samples():
        truth = read_truth(path)
        if truth.document_type == "sonstiges":
            continue
        counts.append(_field_counts(document, truth))
    expected, predicted, correct = (sum(column) for column in zip(*counts, strict=True))
    assert correct / predicted >= 0.95  # precision: what it says is right
    assert correct / expected >= 0.9  # recall: it finds nearly all of what is there


def test_born_digital_and_filled_forms_of_known_layouts_are_read_nearly_perfectly(corpus: Corpus) -> None:
    """On a corpus generated for this test run (not the one the rules were written against), every
    born-digital or filled PDF of a layout the baseline knows is typed right and its fields are
    almost all exact."""
    counts: list[tuple[int, int, int]] = []
    typed = documents = 0
    for path, truth in corpus.documents():
        if truth.variant not in ("digital", "acroform") or truth.split == "test":
            continue
        document = read_document(ingest(path))
        documents += 1
        typed += classify_document(document).id == truth.document_type
        if truth.document_type == "sonstiges":
            continue
        counts.append(_field_counts(document, truth))
    expected, predicted, correct = (sum(column) for column in zip(*counts, strict=True))
    assert documents >= 20
    assert typed / documents >= 0.95
    assert 2 * correct / (expected + predicted) >= 0.95


def test_filled_form_fields_named_after_the_catalogue_give_every_value_lists_and_persons_too() -> None:
    """A fillable form whose fields carry catalogue names ('persons_1_given_names') is read from
    its fields alone, every value exactly, the persons of a registration included, each in order;
    a form with fields named 'Text1', 'Text2' gives nothing that way."""
    named = lists = 0
    for path, document in _digital_samples():
        truth = read_truth(path)
        if truth.variant != "acroform" or truth.document_type == "sonstiges":
            continue
        fields = named_form_fields(document, truth.document_type)
        names = {word.form_field or "" for page in document.pages for word in page.words}
        if all(re.fullmatch(r"(Text|Check)\d+|", name) for name in names):
            assert fields == {}, path.name
            continue
        named += 1
        assert {key: field.value for key, field in fields.items()} == truth.fields, path.name
        lists += sum(isinstance(value, list) for value in truth.fields.values())
    assert named >= 3
    assert lists >= 2, "the sample set should hold filled forms with a list and with persons"
