"""Every template of every document type, and how one document is drawn from its template."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Protocol

from eval.synth.distractors import (
    DISTRACTOR_TEMPLATES,
    DistractorTemplate,
    render_distractor,
    sample_distractor_material,
)
from eval.synth.form_model import FormFill, FormTemplate
from eval.synth.form_templates import FORM_TEMPLATES
from eval.synth.formatting import DateStyle, write_date
from eval.synth.forms import FormRenderer, specs_by_key
from eval.synth.invoice import INVOICE_TEMPLATES, InvoiceRenderer, InvoiceTemplate
from eval.synth.invoice_printout import ErpPrintout
from eval.synth.letters import LETTER_TEMPLATES, LetterContent, LetterTemplate, Segment, render_letter
from eval.synth.samplers import SAMPLERS as FIELD_SAMPLERS
from eval.synth.sheet import Sheet
from eval.synth.values import Address, SampledValues, ValueSource
from extractors.catalogue import load_catalogue

# How often paper shows the defects of real life (per document of the kinds they apply to).
EMPTY_FIELD_RATE = 0.12
REQUIRED_FIELD_SHARE_OF_EMPTY = 0.25
WRITTEN_BESIDE_RATE = 0.08
STAMP_RATE = 0.3


class Template(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def doc_type(self) -> str: ...
    @property
    def holdout(self) -> bool: ...
    @property
    def fillable(self) -> bool: ...


def _by_type(templates: tuple[Template, ...]) -> dict[str, tuple[Template, ...]]:
    grouped: dict[str, list[Template]] = {}
    for template in templates:
        grouped.setdefault(template.doc_type, []).append(template)
    return {doc_type: tuple(group) for doc_type, group in grouped.items()}


TEMPLATES: dict[str, tuple[Template, ...]] = _by_type(
    (*FORM_TEMPLATES, *INVOICE_TEMPLATES, *LETTER_TEMPLATES, *DISTRACTOR_TEMPLATES)
)

SAMPLERS: dict[str, Callable[[ValueSource], SampledValues]] = {
    **FIELD_SAMPLERS,
    "sonstiges": lambda source: SampledValues({}, sample_distractor_material(source)),
}


def _scalar_keys(sampled: SampledValues) -> list[str]:
    return [key for key, value in sampled.fields.items() if not isinstance(value, list)]


def _render_form(
    template: FormTemplate, sampled: SampledValues, sheet: Sheet, rng: random.Random, scan: bool
) -> list[str]:
    doc_type = load_catalogue().type(template.doc_type)
    defects: list[str] = []
    left_empty: set[str] = set()
    beside: set[str] = set()
    scalars = _scalar_keys(sampled)
    if scalars and rng.random() < EMPTY_FIELD_RATE:
        required = [key for key in scalars if doc_type.field(key).required]
        optional = [key for key in scalars if key not in required]
        pool = required if (rng.random() < REQUIRED_FIELD_SHARE_OF_EMPTY or not optional) else optional
        key = rng.choice(pool)
        left_empty.add(key)
        defects.append(f"empty:{key}")
    if not sheet.acroform and rng.random() < WRITTEN_BESIDE_RATE:
        candidates = [
            key for key in scalars if key not in left_empty and doc_type.field(key).kind != "choice"
        ]
        if candidates:
            key = rng.choice(candidates)
            beside.add(key)
            defects.append(f"beside:{key}")
    stamp = scan and rng.random() < STAMP_RATE
    if stamp:
        defects.append("stamp")
    fill = FormFill(
        sampled.fields, specs_by_key(template.doc_type), rng, frozenset(left_empty), frozenset(beside), stamp
    )
    FormRenderer(template, sheet, fill).render()
    return defects


def _objection(sampled: SampledValues, rng: random.Random, date_style: DateStyle) -> LetterContent:
    """The words of a Widerspruch, with its fields placed the way people write them."""
    values = sampled.fields
    decision = sampled.extras["decision"]
    decision_date = write_date(values["decision_date"], date_style) if "decision_date" in values else ""
    reference: list[Segment] = []
    if decision_date:
        reference += [("Bescheid vom", None), (decision_date, "decision_date")]
    if "file_reference" in values:
        reference += [
            (",", None) if reference else ("", None),
            ("Az.", None),
            (values["file_reference"], "file_reference"),
        ]
    subject: list[list[Segment]] = [[("Widerspruch:", None), (values["subject"], "subject")]]
    if rng.random() < 0.5:
        subject = [[("Widerspruch", None)], [(values["subject"], "subject")]]
    if reference:
        subject.append(reference)
    opening: list[Segment] = [
        ("hiermit lege ich gegen den oben genannten Bescheid fristgerecht Widerspruch ein.", None)
    ]
    if rng.random() < 0.4 and decision_date:
        opening = [
            ("hiermit lege ich gegen Ihren Bescheid vom", None),
            (decision_date, "decision_date"),
            ("fristgerecht Widerspruch ein.", None),
        ]
    sentences: list[str] = sampled.extras["sentences"]
    paragraphs: list[list[Segment]] = [opening]
    paragraphs += [[(sentence, None)] for sentence in sentences]
    office_lines = [
        "Landeshauptstadt München",
        decision.office,
        f"Postfach {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "80313 München",
    ]
    sender_address = values["sender_address"]
    assert isinstance(sender_address, Address)
    return LetterContent(
        sender_name=values["sender_name"],
        sender_address=sender_address,
        recipient=office_lines,
        letter_date=values["letter_date"],
        subject=subject,
        paragraphs=paragraphs,
        values=dict(values),
    )


def _render_objection(
    template: LetterTemplate, sampled: SampledValues, sheet: Sheet, rng: random.Random
) -> None:
    render_letter(template, _objection(sampled, rng, template.date), sheet, rng)


def render_document(
    template: Template, sampled: SampledValues, sheet: Sheet, rng: random.Random, *, scan: bool
) -> list[str]:
    """Draw the document onto the sheet; returns the real-world defects it shows."""
    defects: list[str] = []
    if isinstance(template, FormTemplate):
        return _render_form(template, sampled, sheet, rng, scan)
    if isinstance(template, InvoiceTemplate):
        renderer = ErpPrintout if template.header == "mono" else InvoiceRenderer
        renderer(template, sampled, sheet, rng).render()
    elif isinstance(template, LetterTemplate):
        _render_objection(template, sampled, sheet, rng)
    elif isinstance(template, DistractorTemplate):
        render_distractor(template, sampled, sheet, rng)
    else:
        raise TypeError(f"no renderer for template {template.id}")
    if scan and rng.random() < STAMP_RATE:
        sheet.stamp(
            rng.uniform(300, 420),
            rng.uniform(60, 200),
            ["EINGEGANGEN", "Poststelle", "Landeshauptstadt München"],
            rng.choice(((0.75, 0.1, 0.1), (0.1, 0.2, 0.7))),
            rng.uniform(-12, 12),
        )
        defects.append("stamp")
    return defects
