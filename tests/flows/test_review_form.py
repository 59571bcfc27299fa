"""The review form a person fills in: pre-filled, explained, and strict about what it accepts."""

from __future__ import annotations

import json

from extractors.catalogue import load_catalogue
from extractors.document import ExtractedField
from flows.review import parse_answer, review_form


def test_the_form_is_prefilled_and_says_why_each_field_was_flagged() -> None:
    doc_type = load_catalogue().type("hundesteuer")
    found = {"family_name": ExtractedField(value="Weiß", confidence=0.42, issues=("low confidence",))}
    form = review_form(doc_type, found, problems={"signature_date": "not a date"})
    schema = form.model_json_schema()
    properties = schema["properties"]
    assert set(doc_type.field_keys) <= set(properties)
    assert {"decision", "document_type", "reject_reason"} <= set(properties)
    assert "confidence 0.42" in properties["family_name"]["description"]
    assert "NOT ACCEPTED: not a date" in properties["signature_date"]["description"]
    required = [spec.key for spec in doc_type.fields if spec.required and spec.key not in found]
    assert all("not found" in properties[key]["description"] for key in required)
    prefilled = form.with_initial_data(family_name="Weiß", document_type="hundesteuer")
    assert prefilled.model_json_schema()["properties"]["family_name"]["default"] == "Weiß"


def test_answers_are_normalised_and_impossible_values_are_refused() -> None:
    doc_type = load_catalogue().type("hundesteuer")
    form = review_form(doc_type, {}, {})
    answer = form.model_validate(
        {"document_type": "hundesteuer", "family_name": "  Weiß ", "signature_date": "31.02.2026"}
    )
    values, problems = parse_answer(doc_type, answer)
    assert values["family_name"] == "Weiß"
    assert set(problems) == {"signature_date"}
    good = form.model_validate({"document_type": "hundesteuer", "signature_date": "3.2.2026"})
    assert parse_answer(doc_type, good) == ({"signature_date": "2026-02-03"}, {})


def test_person_lists_are_edited_as_json() -> None:
    catalogue = load_catalogue()
    doc_type = catalogue.type("meldeschein")
    records = next(spec for spec in doc_type.fields if spec.kind == "records")
    sub = records.fields[0]
    form = review_form(doc_type, {}, {})
    answer = form.model_validate(
        {"document_type": "meldeschein", records.key: json.dumps([{sub.key: "Müller"}])}
    )
    values, problems = parse_answer(doc_type, answer)
    assert not problems
    assert values[records.key][0][sub.key]
    broken = form.model_validate({"document_type": "meldeschein", records.key: "not json"})
    assert set(parse_answer(doc_type, broken)[1]) == {records.key}
