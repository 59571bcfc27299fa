"""The model cross-checked by the rules: agreement is trusted, everything else is a person's case."""

from __future__ import annotations

from pathlib import Path

from extractors.baseline.classify import classify_document
from extractors.document import ExtractedField, ReadDocument, TypePrediction
from extractors.ingest import ingest
from extractors.reading import read_document
from extractors.truth import GroundTruth, read_truth
from extractors.validation import INVOICE_AMOUNTS
from models.combine import checked_fields, checked_type, cross_checked, separator_restored, weighed
from models.inference import ModelPrediction
from models.reliability import Evidence, fit_reliability

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def _sample(variant: str, doc_type: str) -> tuple[GroundTruth, ReadDocument]:
    """The first committed sample PDF of this variant and type, with its truth, as read."""
    path = next(
        p
        for p in sorted(SAMPLES.rglob("*.pdf"))
        if read_truth(p).variant == variant and read_truth(p).document_type == doc_type
    )
    return read_truth(path), read_document(ingest(path))


def _field(value: str, confidence: float) -> ExtractedField:
    return ExtractedField(value=value, confidence=confidence)


def test_a_value_both_read_alike_is_surer_than_either_reading() -> None:
    fields = checked_fields({"iban": _field("DE02", 0.8)}, {"iban": _field("DE02", 0.7)})
    assert fields["iban"].value == "DE02"
    assert fields["iban"].confidence > 0.9


def test_on_disagreement_the_rules_reading_is_kept_and_doubted_however_sure_the_model_is() -> None:
    fields = checked_fields({"city": _field("Münche", 0.99)}, {"city": _field("München", 0.6)})
    assert fields["city"].value == "München"
    assert fields["city"].confidence <= 0.3


def test_a_reading_cut_short_by_the_model_is_the_rules_value_as_sure_as_the_rules() -> None:
    """The model's doubt about where a name ends says nothing about the rules' reading of it;
    a reading that shares no word with the rules' is doubted as before."""
    rules = {"seller_name": _field("Kaul Bühnenservice GmbH", 0.8), "city": _field("München", 0.8)}
    model = {"seller_name": _field("Kaul", 0.2), "city": _field("Dachau", 0.2)}
    fields = checked_fields(model, rules)
    assert fields["seller_name"].value == "Kaul Bühnenservice GmbH"
    assert fields["seller_name"].confidence == 0.4
    assert fields["city"].value == "München" and fields["city"].confidence == 0.1


def test_a_value_only_one_reader_found_keeps_at_most_half_its_confidence() -> None:
    fields = checked_fields({"phone": _field("089 1", 0.96)}, {"email": _field("a@b.example", 0.9)})
    assert fields["phone"].value == "089 1" and fields["phone"].confidence <= 0.48
    assert fields["email"].value == "a@b.example" and fields["email"].confidence <= 0.45


def test_types_read_differently_keep_the_surer_one_much_less_sure() -> None:
    model = TypePrediction(id="hundesteuer", confidence=0.9)
    rules = TypePrediction(id="meldeschein", confidence=0.5)
    assert checked_type(model, rules).id == "hundesteuer"
    assert checked_type(model, rules).confidence < 0.5
    assert checked_type(model, model.model_copy(update={"confidence": 0.6})).confidence > 0.9


def test_a_type_the_rules_would_route_on_their_own_stands_against_a_surer_model() -> None:
    """Keywords in a title mean the same on any layout; the model's certainty was learnt on the
    layouts it was trained on. The document still goes to a person."""
    model = TypePrediction(id="meldeschein", confidence=0.99)
    rules = TypePrediction(id="wohnungsgeberbestaetigung", confidence=0.82)
    checked = checked_type(model, rules)
    assert checked.id == "wohnungsgeberbestaetigung"
    assert checked.confidence < 0.1


def test_filled_form_fields_named_after_the_catalogue_stand_whatever_the_model_read() -> None:
    """A fillable form's own field holds the value: a model that read something else, or nothing,
    does not make it doubtful."""
    truth, document = _sample("acroform", "hundesteuer")
    wrong = {key: _field("Falsch", 0.99) for key in truth.fields}
    model = ModelPrediction(TypePrediction(id=truth.document_type, confidence=0.99), wrong)
    checked = cross_checked(document, model)
    assert {key: field.value for key, field in checked.fields.items()} == truth.fields
    assert min(field.confidence for field in checked.fields.values()) >= 0.95


def test_invoice_amounts_that_add_up_pass_even_where_only_one_reader_found_one() -> None:
    """The rules find net, tax and gross of a digital invoice; the model found only the gross.
    Net + tax = gross makes each of them sure, whoever read it."""
    truth, document = _sample("digital", "eingangsrechnung")
    model = ModelPrediction(
        TypePrediction(id="eingangsrechnung", confidence=0.99),
        {"gross_amount": _field(truth.fields["gross_amount"], 0.9)},
    )
    checked = cross_checked(document, model).fields
    for key in ("net_amount", "tax_amount", "gross_amount"):
        assert checked[key].value == truth.fields[key]
        assert checked[key].confidence >= 0.99


def _amounts(values: dict[str, str]) -> dict[str, ExtractedField]:
    """Amounts read on the document's first page."""
    return {key: ExtractedField(value=value, confidence=0.9, page=1) for key, value in values.items()}


def test_an_amount_whose_decimal_comma_the_scan_lost_is_read_back_where_the_sums_then_add_up() -> None:
    """'2,39' read off a scan as '239': the invoice adds up with the tax a hundred times smaller.
    The same reading on a text layer is the issuer's error and stays for a person to see."""
    scan = read_document(ingest(SAMPLES / "val" / "eingangsrechnung-0002.tif"))
    digital = _sample("digital", "eingangsrechnung")[1]
    read = {"net_amount": "12.58", "tax_amount": "239.00", "gross_amount": "14.97"}

    restored = separator_restored(scan, _amounts(read))
    assert {key: field.value for key, field in restored.items()} == read | {"tax_amount": "2.39"}
    assert separator_restored(digital, _amounts(read)) == _amounts(read)
    # a reading with cents is no lost comma, and neither is one that adds up no better divided
    for other in ({"tax_amount": "239.10"}, {"gross_amount": "99.00"}):
        assert separator_restored(scan, _amounts(read | other)) == _amounts(read | other)


def test_a_document_without_any_forms_title_words_is_no_form_however_sure_the_model_is() -> None:
    """A flyer the model takes for a trade registration at 0.99 goes to review as 'sonstiges'
    when the rules find none of any type's keywords on it, without the fields the model read."""
    path = next(p for p in sorted(SAMPLES.rglob("*.pdf")) if read_truth(p).document_type == "sonstiges")
    document = read_document(ingest(path))
    rules = classify_document(document)
    assert rules.id == "sonstiges"
    model = ModelPrediction(
        TypePrediction(id="gewerbeanmeldung", confidence=0.99), {"family_name": _field("Huber", 0.99)}
    )
    checked = cross_checked(document, model)
    assert checked.document_type.id == "sonstiges"
    assert checked.document_type.confidence < 0.1
    assert checked.fields == {}


def test_when_the_rules_type_stands_the_models_words_are_read_as_that_type() -> None:
    """The model took a tenancy confirmation for a registration form; the rules' title
    words name it rightly. What the model's tags read on the page as a tenancy confirmation
    still counts: a value both read alike is surer than the rules' reading alone."""
    truth, document = _sample("digital", "wohnungsgeberbestaetigung")
    as_tenancy = {key: _field(value, 0.9) for key, value in truth.fields.items() if isinstance(value, str)}
    named = TypePrediction(id="meldeschein", confidence=0.6)
    wrong_type = ModelPrediction(named, {"family_name": _field("Huber", 0.9)})
    read_again = ModelPrediction(
        named, wrong_type.fields, lambda type_id: as_tenancy if type_id == truth.document_type else {}
    )
    alone, both = cross_checked(document, wrong_type), cross_checked(document, read_again)
    assert alone.document_type.id == both.document_type.id == truth.document_type
    agreed = [
        key for key in as_tenancy if key in alone.fields and alone.fields[key].value == truth.fields[key]
    ]
    assert agreed
    for key in agreed:
        assert both.fields[key].confidence > alone.fields[key].confidence
    assert "family_name" not in both.fields  # the other type's reading is not carried over


def test_one_printed_amount_is_the_gross_amount_not_also_the_amount_due() -> None:
    """The model gave the invoice's total to the gross amount and, read a second time, to the
    optional amount due; the rules read it as the gross amount only. One printed value is one
    field's: the required one keeps it."""
    truth, document = _sample("digital", "eingangsrechnung")
    rules_gross = cross_checked(
        document, ModelPrediction(TypePrediction(id="eingangsrechnung", confidence=0.99), {})
    ).fields["gross_amount"]
    twice = rules_gross.model_copy(update={"confidence": 0.9})
    model = ModelPrediction(
        TypePrediction(id="eingangsrechnung", confidence=0.99), {"gross_amount": twice, "amount_due": twice}
    )
    checked = cross_checked(document, model).fields
    assert checked["gross_amount"].value == truth.fields["gross_amount"]
    assert "amount_due" not in checked or checked["amount_due"].bbox != checked["gross_amount"].bbox


def test_each_value_carries_the_evidence_behind_it() -> None:
    """Which readers found a value and on what kind of page: what the fitted reliability weighs."""
    truth, document = _sample("digital", "eingangsrechnung")
    rules = cross_checked(
        document, ModelPrediction(TypePrediction(id="eingangsrechnung", confidence=0.99), {})
    )
    agreed, doubted, widened = [
        key
        for key in sorted(rules.fields)
        if key not in INVOICE_AMOUNTS and isinstance(rules.fields[key].value, str)
    ][:3]
    model = ModelPrediction(
        TypePrediction(id="eingangsrechnung", confidence=0.99),
        {
            agreed: rules.fields[agreed].model_copy(update={"confidence": 0.9}),
            doubted: _field("Anders", 0.9),
            widened: _field(f"{rules.fields[widened].value} Anders", 0.3),
            "seller_tax_number": _field("143/815/08150", 0.9),
        },
    )
    checked, evidence = weighed(document, model)
    assert "seller_tax_number" not in rules.fields
    assert evidence[agreed].case == "agree" and evidence[doubted].case == "disagree"
    assert evidence[widened].case == "widened"  # the model ran on past the rules' value
    assert evidence["seller_tax_number"].case == "model_only"
    assert {evidence[key].case for key in INVOICE_AMOUNTS} == {"sums"}
    assert not any(e.ocr for e in evidence.values())
    assert evidence[agreed].confidence == checked.fields[agreed].confidence
    assert truth.document_type == checked.document_type.id


def test_a_fitted_reliability_lets_a_kind_of_value_val_showed_right_pass_on_its_own() -> None:
    """Without a reliability a value only the model found keeps half its confidence and can
    never pass a threshold of 0.9; where val showed such values right, it passes."""
    _, document = _sample("digital", "eingangsrechnung")
    model = ModelPrediction(
        TypePrediction(id="eingangsrechnung", confidence=0.99),
        {"seller_tax_number": _field("143/815/08150", 0.96)},
    )
    seen = [Evidence("model_only", False, 0.48)] * 80 + [Evidence("rules_only", False, 0.45)] * 80
    right = [True] * 80 + [True] * 40 + [False] * 40
    reliability = fit_reliability(seen, right)
    before = cross_checked(document, model).fields
    after = cross_checked(document, model, reliability).fields
    assert before["seller_tax_number"].confidence < 0.5 < 0.9 < after["seller_tax_number"].confidence
    assert after["seller_tax_number"].value == "143/815/08150"
    rules_alone = [
        key for key, field in after.items() if key not in INVOICE_AMOUNTS and key != "seller_tax_number"
    ]
    assert rules_alone and all(after[key].confidence < 0.9 for key in rules_alone)
