"""How often a cross-checked value is right, learnt on the validation split.

The cross-check's confidences order values within one kind of evidence, but not across kinds: a
value only the model found kept half its confidence whether or not the model is usually right
where the rules find nothing. A logistic regression fitted on val maps the kind of evidence
(both readers alike, one of them alone, the two apart, a filled form field, amounts that add
up), the page's source (OCR or a text layer) and the cross-check's confidence to the share of
such values that were right (Platt scaling with a few more inputs). One review threshold then
means the same for every kind of evidence.

Two readings apart are not all alike. Where one reader's words are all among the other's
('Kaul' and 'Kaul Bühnenservice GmbH'), both found the same value and one cut it short or ran
on into a neighbour; where they are not, one of them read something else. On the text layers
of seed 8383's val split the rules' reading of the first kind was right 49 times of 49, of the
second 56 of 58 (persons' records aside); on its scans 43 of 55 and 56 of 76. The first is a
kind of its own, `widened`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np
from pydantic import BaseModel

Case = Literal["agree", "model_only", "rules_only", "disagree", "form", "sums", "widened"]
CASES: tuple[Case, ...] = get_args(Case)
# The kinds known to a reliability fitted before `widened` existed: to it, a widened reading is
# the disagreement it then was.
_FIRST_CASES: tuple[Case, ...] = CASES[:6]
_FALLBACK: dict[Case, Case] = {"widened": "disagree"}
# Inputs: bias, logit of the confidence, OCR, OCR times logit, then one offset per kind of evidence
# and one per kind on OCR. Only the offsets are penalised, so a kind seen a few times on val
# stays near what its confidence alone says.
_SHARED = 4
_FEATURES = _SHARED + 2 * len(CASES)
_EDGE = 1e-4


@dataclass(frozen=True)
class Evidence:
    case: Case
    ocr: bool
    confidence: float  # the cross-check's own, before this calibration


def _row(evidence: Evidence, cases: Sequence[Case] = CASES) -> np.ndarray:
    p = min(max(evidence.confidence, _EDGE), 1.0 - _EDGE)
    x, ocr = float(np.log(p / (1.0 - p))), float(evidence.ocr)
    case = evidence.case if evidence.case in cases else _FALLBACK.get(evidence.case, evidence.case)
    kind = [float(known == case) for known in cases]
    return np.array([1.0, x, ocr, ocr * x, *kind, *(ocr * k for k in kind)])


def _sigmoid(z: np.ndarray) -> np.ndarray:
    result: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
    return result


class Reliability(BaseModel):
    """The fitted weights, stored with the model's calibration."""

    weights: list[float]
    fields: int = 0  # how many val fields it was fitted on
    wrong: int = 0  # of which wrong
    cases: tuple[Case, ...] = _FIRST_CASES  # the kinds of evidence the weights are for, in order

    def probability(self, evidence: Evidence) -> float:
        return round(float(_sigmoid(_row(evidence, self.cases) @ np.asarray(self.weights))), 4)


def fit_reliability(
    evidence: Sequence[Evidence], right: Sequence[bool], ridge: float = 1.0, steps: int = 50
) -> Reliability:
    """Penalised maximum likelihood by Newton's method (a few steps suffice: the loss is convex)."""
    if len(evidence) != len(right):
        raise ValueError("one truth per piece of evidence")
    if not evidence:
        return Reliability(weights=[0.0] * _FEATURES, cases=CASES)
    rows, hits = np.stack([_row(e) for e in evidence]), np.asarray(right, dtype=float)
    penalty = np.zeros(_FEATURES)
    penalty[_SHARED:] = ridge
    penalty[:_SHARED] = 1e-3  # keeps the shared weights finite when val holds no wrong value at all
    weights = np.zeros(_FEATURES)
    for _ in range(steps):
        p = _sigmoid(rows @ weights)
        gradient = rows.T @ (p - hits) + penalty * weights
        hessian = (rows * (p * (1.0 - p))[:, None]).T @ rows + np.diag(penalty) + 1e-9 * np.eye(_FEATURES)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return Reliability(
        weights=[round(float(w), 6) for w in weights],
        fields=len(hits),
        wrong=int(len(hits) - hits.sum()),
        cases=CASES,
    )
