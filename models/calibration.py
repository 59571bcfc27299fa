"""Confidences that mean what they say, and the review threshold that keeps residual errors low.

Temperatures are fitted on the validation split (temperature scaling: one number that softens
or sharpens every softmax, chosen to minimise the negative log-likelihood). The field threshold
is the lowest one at which the fields a clerk would no longer look at are wrong no more often
than a person typing them (0.29 % per field, single entry)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

# Temperatures tried, from sharpening (0.25) to strong softening (10).
_TEMPERATURES = np.exp(np.linspace(np.log(0.25), np.log(10.0), 80))


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    scaled = logits / temperature
    scaled = scaled - scaled.max(axis=-1, keepdims=True)
    exp = np.exp(scaled)
    result: np.ndarray = exp / exp.sum(axis=-1, keepdims=True)
    return result


def fit_temperature(logits: np.ndarray, targets: np.ndarray) -> float:
    """The temperature that minimises the negative log-likelihood of the targets."""
    if len(targets) == 0:
        return 1.0
    rows = np.arange(len(targets))
    losses = [-np.log(np.clip(softmax(logits, t)[rows, targets], 1e-12, None)).mean() for t in _TEMPERATURES]
    return float(_TEMPERATURES[int(np.argmin(losses))])


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> float:
    """Mean gap between confidence and accuracy over equal-width confidence bins, weighted by size."""
    if not confidences:
        return 0.0
    conf, hits = np.asarray(confidences), np.asarray(correct, dtype=float)
    edges = np.linspace(0, 1, bins + 1)
    error = 0.0
    for low, high in itertools.pairwise(edges):
        inside = (conf > low) & (conf <= high) if low > 0 else (conf >= low) & (conf <= high)
        if inside.any():
            error += inside.mean() * abs(conf[inside].mean() - hits[inside].mean())
    return float(error)


@dataclass
class Outcome:
    """One document as the router would see it at some threshold, with the truth to judge it."""

    type_correct: bool
    type_confidence: float
    always_review: bool
    blocked: bool  # a required field missing or a field invalid: review whatever the threshold
    fields: list[tuple[float, bool, bool]] = field(default_factory=list)  # confidence, valid, correct
    missed: int = 0  # fields in the truth the extractor did not give


@dataclass(frozen=True)
class OperatingPoint:
    field_threshold: float
    type_threshold: float
    documents: int
    straight_through: int
    accepted_fields: int
    accepted_wrong: int

    @property
    def straight_through_rate(self) -> float:
        return self.straight_through / self.documents if self.documents else 0.0

    @property
    def residual_error_rate(self) -> float:
        return self.accepted_wrong / self.accepted_fields if self.accepted_fields else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "field_threshold": self.field_threshold,
            "type_threshold": self.type_threshold,
            "documents": self.documents,
            "straight_through": self.straight_through,
            "straight_through_rate": round(self.straight_through_rate, 4),
            "accepted_fields": self.accepted_fields,
            "accepted_wrong": self.accepted_wrong,
            "residual_error_rate": round(self.residual_error_rate, 5),
        }


def operating_point(
    outcomes: Sequence[Outcome], field_threshold: float, type_threshold: float
) -> OperatingPoint:
    """What the router does at these thresholds. A field is accepted unread when its document's
    type is accepted and the field is valid and sure enough; it counts as wrong when its value is
    not the truth's. A document goes straight through when every field is accepted; a field its
    truth has but the extractor missed then counts as accepted and wrong (nobody will add it)."""
    straight = accepted = wrong = 0
    for outcome in outcomes:
        if outcome.always_review or outcome.type_confidence < type_threshold:
            continue
        sure = [
            (valid, correct) for conf, valid, correct in outcome.fields if valid and conf >= field_threshold
        ]
        accepted += len(sure)
        wrong += sum(1 for _, correct in sure if not correct)
        if not outcome.blocked and len(sure) == len(outcome.fields):
            straight += 1
            accepted += outcome.missed
            wrong += outcome.missed
    return OperatingPoint(field_threshold, type_threshold, len(outcomes), straight, accepted, wrong)


def choose_thresholds(outcomes: Sequence[Outcome], target: float) -> OperatingPoint:
    """The type threshold: just above the surest wrongly typed document (at least 0.5, at most
    0.99). The field threshold: the lowest that keeps the residual error rate within the target,
    which sends the fewest documents to review."""
    wrong_types = [o.type_confidence for o in outcomes if not o.type_correct and not o.always_review]
    type_threshold = float(min(0.99, max([0.5, *(c + 1e-4 for c in wrong_types)])))
    confidences = sorted({round(c, 4) for o in outcomes for c, _, _ in o.fields} | {1.0})
    for threshold in confidences:
        point = operating_point(outcomes, threshold, type_threshold)
        if point.residual_error_rate <= target:
            return point
    return operating_point(outcomes, 1.0, type_threshold)
