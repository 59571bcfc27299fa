"""The cross-check's confidences fitted to how often each kind of evidence was right."""

from __future__ import annotations

import pytest

from models.reliability import Case, Evidence, Reliability, fit_reliability


def _seen(case: Case, ocr: bool, confidence: float, right: int, wrong: int) -> list[tuple[Evidence, bool]]:
    evidence = Evidence(case, ocr, confidence)
    return [(evidence, True)] * right + [(evidence, False)] * wrong


def _fit(*groups: list[tuple[Evidence, bool]]) -> Reliability:
    pairs = [pair for group in groups for pair in group]
    return fit_reliability([e for e, _ in pairs], [r for _, r in pairs])


def test_a_kind_of_evidence_that_was_always_right_outranks_one_as_sure_that_often_erred() -> None:
    """The cross-check halves a value only the model found and one the two read apart alike;
    on val the first were right 60 times of 60, the second 30 of 60. Afterwards the first is
    nearly sure and the second about a coin toss."""
    reliability = _fit(
        _seen("agree", False, 0.99, 500, 1),
        _seen("model_only", False, 0.45, 60, 0),
        _seen("disagree", False, 0.45, 30, 30),
    )
    model_only = reliability.probability(Evidence("model_only", False, 0.45))
    disagree = reliability.probability(Evidence("disagree", False, 0.45))
    assert model_only > 0.9
    assert 0.3 < disagree < 0.7
    assert reliability.probability(Evidence("agree", False, 0.99)) > 0.99
    assert (reliability.fields, reliability.wrong) == (621, 31)


def test_the_same_evidence_on_a_scan_is_worth_what_scans_showed() -> None:
    reliability = _fit(
        _seen("agree", False, 0.95, 300, 0),
        _seen("agree", True, 0.95, 200, 40),
    )
    on_text = reliability.probability(Evidence("agree", False, 0.95))
    on_scan = reliability.probability(Evidence("agree", True, 0.95))
    assert on_text > 0.98
    assert on_scan == pytest.approx(200 / 240, abs=0.05)


def test_within_a_kind_a_surer_value_stays_surer() -> None:
    reliability = _fit(
        _seen("agree", True, 0.95, 200, 5),
        _seen("agree", True, 0.6, 100, 30),
        _seen("rules_only", True, 0.4, 20, 10),
    )
    low, high = (reliability.probability(Evidence("rules_only", True, c)) for c in (0.2, 0.45))
    assert low < high


def test_a_kind_never_seen_on_val_is_judged_by_its_confidence_alone() -> None:
    """No filled form field in val: a form field's value is as sure as its confidence says, as
    the other kinds showed, neither trusted blindly nor dismissed."""
    reliability = _fit(
        _seen("agree", False, 0.99, 400, 2),
        _seen("agree", False, 0.5, 40, 40),
    )
    form = reliability.probability(Evidence("form", False, 0.99))
    assert form == pytest.approx(reliability.probability(Evidence("agree", False, 0.99)), abs=0.02)


def test_no_evidence_to_fit_on_is_a_coin_toss_not_a_crash() -> None:
    reliability = fit_reliability([], [])
    assert reliability.probability(Evidence("agree", False, 0.99)) == 0.5
    with pytest.raises(ValueError, match="one truth"):
        fit_reliability([Evidence("agree", False, 0.9)], [])


def test_a_reading_one_reader_cut_short_is_weighed_apart_from_readings_of_different_things() -> None:
    """On val the rules' value was right wherever the model's words were all among the rules',
    and half the time where they read different words: the two kinds part, though the cross-check
    gave them the same confidence."""
    reliability = _fit(
        _seen("agree", False, 0.95, 300, 1),
        _seen("widened", False, 0.4, 80, 0),
        _seen("disagree", False, 0.4, 40, 40),
    )
    widened = reliability.probability(Evidence("widened", False, 0.4))
    assert widened > 0.95
    assert widened - reliability.probability(Evidence("disagree", False, 0.4)) > 0.3


def test_a_reliability_fitted_before_widened_readings_were_told_apart_weighs_them_as_disagreements() -> None:
    """A model calibrated by an earlier release stored six kinds of evidence; it keeps working,
    a reading cut short counting as the disagreement it then was."""
    earlier = _fit(_seen("agree", False, 0.95, 300, 1), _seen("disagree", False, 0.4, 40, 40))
    stored = earlier.model_dump()
    first_six = [*range(4, 10), *range(11, 17)]  # without the offsets for 'widened'
    stored["weights"] = [stored["weights"][i] for i in [0, 1, 2, 3, *first_six]]
    del stored["cases"]
    restored = Reliability.model_validate(stored)
    assert "widened" not in restored.cases
    assert restored.probability(Evidence("widened", False, 0.4)) == restored.probability(
        Evidence("disagree", False, 0.4)
    )
