"""Score a run's results.jsonl against the ground truth next to the documents it processed."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.truth import GroundTruth, truth_path
from models.trainer import field_counts


@dataclass
class TypeScore:
    documents: int = 0
    type_correct: int = 0
    fields_expected: int = 0
    fields_predicted: int = 0
    fields_correct: int = 0
    routed: int = 0

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.documents if self.documents else 0.0

    @property
    def field_precision(self) -> float:
        return self.fields_correct / self.fields_predicted if self.fields_predicted else 0.0

    @property
    def field_recall(self) -> float:
        return self.fields_correct / self.fields_expected if self.fields_expected else 0.0

    @property
    def field_f1(self) -> float:
        total = self.fields_expected + self.fields_predicted
        return 2 * self.fields_correct / total if total else 0.0


@dataclass
class Score:
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    per_variant: dict[str, TypeScore] = field(default_factory=dict)
    without_truth: int = 0
    statuses: Counter[str] = field(default_factory=Counter)

    @property
    def overall(self) -> TypeScore:
        total = TypeScore()
        for score in self.per_type.values():
            for name in vars(total):
                setattr(total, name, getattr(total, name) + getattr(score, name))
        return total


def _add(score: TypeScore, truth: GroundTruth, record: dict[str, Any]) -> None:
    score.documents += 1
    predicted_type = (record.get("document_type") or {}).get("id")
    score.type_correct += predicted_type == truth.document_type
    score.routed += record.get("status") == "routed"
    predicted = {key: value["value"] for key, value in (record.get("fields") or {}).items()}
    expected, given, right = field_counts(truth, predicted_type or "", predicted)
    score.fields_expected += expected
    score.fields_predicted += given
    score.fields_correct += right


def score_results(results_file: Path, inputs: dict[str, Path]) -> Score:
    """`inputs` maps each processed file's sha256 to its path (to find `<name>.truth.json`)."""
    score = Score()
    for line in results_file.read_text("utf-8").splitlines():
        record = json.loads(line)
        score.statuses[record["status"]] += 1
        path = inputs.get(record["source"]["sha256"])
        if path is None or not truth_path(path).is_file():
            score.without_truth += 1
            continue
        truth = GroundTruth.model_validate_json(truth_path(path).read_text("utf-8"))
        _add(score.per_type.setdefault(truth.document_type, TypeScore()), truth, record)
        _add(score.per_variant.setdefault(truth.variant, TypeScore()), truth, record)
    return score
