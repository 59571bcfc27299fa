"""Confidences are calibrated on val, and the threshold keeps residual errors within the target."""

from __future__ import annotations

import numpy as np

from extractors.document import ExtractedField
from models.calibration import Outcome, choose_thresholds, fit_temperature, operating_point, softmax
from models.inference import cross_check_invoice


def test_temperature_scaling_finds_the_temperature_that_made_overconfident_logits() -> None:
    rng = np.random.default_rng(3)
    true_logits = rng.normal(0, 2, size=(4000, 5))
    targets = np.array([rng.choice(5, p=row) for row in softmax(true_logits)])
    overconfident = true_logits * 2.5
    assert abs(fit_temperature(overconfident, targets) - 2.5) < 0.3


def test_the_chosen_threshold_meets_the_residual_target_and_routes_the_sure_documents() -> None:
    outcomes = []
    for n in range(200):
        unsure_and_wrong = n % 10 == 0
        fields = [(0.99, True, True)] * 8 + [(0.6 if unsure_and_wrong else 0.97, True, not unsure_and_wrong)]
        outcomes.append(Outcome(True, 0.99, False, False, fields))
    point = choose_thresholds(outcomes, target=0.0029)
    assert point.residual_error_rate <= 0.0029
    assert 0.6 < point.field_threshold <= 0.97
    assert point.straight_through == 180
    everything = operating_point(outcomes, 0.0, 0.5)
    assert everything.straight_through == 200 and everything.residual_error_rate > 0.01


def test_a_wrongly_typed_document_sets_the_type_threshold_above_its_confidence() -> None:
    outcomes = [Outcome(True, 0.95, False, False, [(0.99, True, True)]) for _ in range(50)]
    outcomes.append(Outcome(False, 0.8, False, False, [(0.99, True, False)]))
    point = choose_thresholds(outcomes, target=0.0029)
    assert point.type_threshold > 0.8
    assert point.accepted_wrong == 0


def _amounts(net: str, tax: str, gross: str) -> dict[str, ExtractedField]:
    return {
        key: ExtractedField(value=value, confidence=0.6)
        for key, value in (("net_amount", net), ("tax_amount", tax), ("gross_amount", gross))
    }


def test_invoice_amounts_that_add_up_confirm_each_other() -> None:
    checked = cross_check_invoice(_amounts("100.00", "19.00", "119.00"))
    assert all(field.confidence >= 0.99 for field in checked.values())
    unchecked = cross_check_invoice(_amounts("100.00", "19.00", "191.00"))
    assert all(field.confidence == 0.6 for field in unchecked.values())
