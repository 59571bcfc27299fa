"""The committed sample set covers every type and agrees with the catalogue."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from extractors.catalogue import load_catalogue
from extractors.truth import read_truth
from extractors.validation import validate_fields

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def test_about_three_documents_per_type_in_mixed_variants_with_ground_truth() -> None:
    documents = json.loads((SAMPLES / "corpus.json").read_text())["documents"]
    per_type = Counter(document["document_type"] for document in documents)
    assert set(per_type) == set(load_catalogue().type_ids)
    assert all(count >= 3 for count in per_type.values())
    assert {document["variant"] for document in documents} == {"digital", "acroform", "scan"}
    for document in documents:
        truth = read_truth(SAMPLES / document["path"])
        errors = [
            i
            for i in validate_fields(load_catalogue().type(truth.document_type), truth.fields)
            if i.severity == "error" and f"empty:{i.field}" not in truth.defects
        ]
        assert errors == [], document["path"]
