"""`sonstiges`: flyers, other letters, other forms and quotes that must never be forced into a type."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Literal, cast

from eval.synth import lexicon
from eval.synth.form_model import (
    Choice,
    FormFill,
    FormStyle,
    FormTemplate,
    Layout,
    Note,
    Section,
    Signature,
    Slot,
)
from eval.synth.formatting import write_date
from eval.synth.forms import FormRenderer
from eval.synth.invoice import InvoiceRenderer, InvoiceTemplate
from eval.synth.letters import LetterContent, LetterStyle, LetterTemplate, render_letter
from eval.synth.samplers import sample_eingangsrechnung
from eval.synth.sheet import Rgb, Sheet, fit_font_size, tint
from eval.synth.values import SampledValues, ValueSource
from extractors.catalogue import FieldSpec, Option

FLYER_COLOURS: tuple[Rgb, ...] = ((0.9, 0.35, 0.1), (0.15, 0.5, 0.75), (0.55, 0.2, 0.6), (0.2, 0.6, 0.3))


@dataclass(frozen=True)
class DistractorTemplate:
    id: str
    kind: Literal["flyer", "letter", "form", "quote"]
    layout: str
    holdout: bool = False
    doc_type: str = "sonstiges"

    @property
    def fillable(self) -> bool:
        return self.kind == "form"


DISTRACTOR_TEMPLATES: tuple[DistractorTemplate, ...] = (
    DistractorTemplate("sonstiges/t1-flyer-plakat", "flyer", "poster"),
    DistractorTemplate("sonstiges/t2-brief-din", "letter", "din_b"),
    DistractorTemplate("sonstiges/t3-formular-boxen", "form", "boxed"),
    DistractorTemplate("sonstiges/t4-formular-linien", "form", "lines"),
    DistractorTemplate("sonstiges/t5-angebot", "quote", "logo_right"),
    DistractorTemplate("sonstiges/t6-brief-email", "letter", "email"),
    DistractorTemplate("sonstiges/t7-flyer-abreisszettel", "flyer", "tear_off", holdout=True),
    DistractorTemplate("sonstiges/t8-formular-tabelle", "form", "table", holdout=True),
    DistractorTemplate("sonstiges/t9-brief-privat", "letter", "informal", holdout=True),
)


def sample_distractor_material(source: ValueSource) -> dict[str, Any]:
    """Everything any distractor might need; no field of it is ground truth."""
    rng = source.rng
    return {
        "flyer": rng.choice(lexicon.FLYER_TEXTS),
        "letter": rng.choice(lexicon.OTHER_LETTERS),
        "form": rng.choice(lexicon.OTHER_FORMS),
        "sender": source.person_name(),
        "address": source.munich_address(),
        "date": source.date_between(60, 0),
        "quote": sample_eingangsrechnung(source),
        "source": source,
    }


def _plausible_value(source: ValueSource, label: str) -> str:
    """Something a person would write next to a label of an unknown form."""
    lowered = label.lower()
    if "datum" in lowered or "geboren" in lowered or "tag" in lowered:
        return write_date(source.date_between(300, 30), source.rng.choice(("dd.mm.yyyy", "d.m.yyyy")))
    if "name" in lowered:
        return source.person_name()
    if "anschrift" in lowered or "adresse" in lowered or "straße" in lowered or "ort" in lowered:
        return source.munich_address().value
    if "telefon" in lowered:
        return source.phone()
    if "mail" in lowered:
        return source.email(source.given_names(), source.family_name())
    if "anzahl" in lowered or "zahl" in lowered:
        return str(source.rng.randint(1, 12))
    return " ".join(source.fake.words(nb=source.rng.randint(1, 4))).capitalize()


def _render_flyer(
    template: DistractorTemplate, material: dict[str, Any], sheet: Sheet, rng: random.Random
) -> None:
    flyer: lexicon.Flyer = material["flyer"]
    colour = rng.choice(FLYER_COLOURS)
    font = rng.choice(("Helvetica-Bold", "Vera-Bold", "Times-Bold"))
    if template.layout == "poster":
        sheet.rect(0, 0, sheet.width, 230, stroke=None, fill=colour)
        for _ in range(6):
            sheet.rect(
                rng.uniform(0, 520),
                rng.uniform(240, 700),
                60,
                60,
                stroke=None,
                fill=tint(colour, 0.55),
                radius=30,
            )
        size = fit_font_size(flyer.title, font, 34, 500, 14)
        sheet.text(sheet.width / 2, 130, flyer.title, font, size, (1, 1, 1), "centre")
        y = 290.0
        for line in flyer.lines:
            sheet.text(
                sheet.width / 2,
                y,
                line,
                "Helvetica",
                fit_font_size(line, "Helvetica", 15, 480),
                align="centre",
            )
            y += 30
        return
    size = fit_font_size(flyer.title, font, 28, 480, 12)
    sheet.text(sheet.width / 2, 90, flyer.title, font, size, colour, "centre")
    y = 150.0
    for line in flyer.lines:
        sheet.text(60, y, "• " + line, "Helvetica", fit_font_size(line, "Helvetica", 13, 470))
        y += 26
    strip = (sheet.width - 40) / 8
    for index in range(8):
        x = 20 + index * strip
        sheet.line(x, 700, x, 830, 0.5, dash=(3, 3))
        sheet.text(x + strip / 2, 765, flyer.title[:18], "Helvetica", 6.5, align="centre")
        sheet.text(
            x + strip / 2, 778, f"Tel. 089 {rng.randint(100000, 999999)}", "Helvetica", 6.5, align="centre"
        )
    sheet.line(20, 700, sheet.width - 20, 700, 0.5, dash=(3, 3))


def _render_letter(
    template: DistractorTemplate, material: dict[str, Any], sheet: Sheet, rng: random.Random
) -> None:
    letter: lexicon.OtherLetter = material["letter"]
    office = rng.choice(lexicon.MUNICH_OFFICES)
    content = LetterContent(
        sender_name=material["sender"],
        sender_address=material["address"],
        recipient=["Landeshauptstadt München", office.unit, office.street, f"{office.postcode} München"],
        letter_date=material["date"],
        subject=[[(letter.subject, None)]],
        paragraphs=[[(paragraph, None)] for paragraph in letter.paragraphs],
        record=False,
    )
    style = LetterTemplate(
        template.id,
        cast(LetterStyle, template.layout),
        rng.choice(("Helvetica", "Times-Roman", "Vera")),
        10.5,
        "d. month yyyy",
        doc_type="sonstiges",
    )
    render_letter(style, content, sheet, rng)


def _render_form(
    template: DistractorTemplate, material: dict[str, Any], sheet: Sheet, rng: random.Random
) -> None:
    other: lexicon.OtherForm = material["form"]
    source: ValueSource = material["source"]
    keys = [f"f{index}" for index in range(len(other.fields))]
    specs = {
        key: FieldSpec(key=key, kind="text", label=label)
        for key, label in zip(keys, other.fields, strict=True)
    }
    values: dict[str, Any] = {
        key: _plausible_value(source, label) for key, label in zip(keys, other.fields, strict=True)
    }
    rows: list[tuple[Slot | Choice, ...]] = []
    pending = list(zip(keys, other.fields, strict=True))
    while pending:
        take = 1 if len(pending[0][1]) > 28 else min(2, len(pending))
        rows.append(tuple(Slot(key, label) for key, label in pending[:take]))
        pending = pending[take:]
    items: list[Any] = [Note(), *rows]
    if other.checkboxes:
        options = tuple((f"o{index}", words) for index, words in enumerate(other.checkboxes))
        specs["choice"] = FieldSpec(
            key="choice",
            kind="choice",
            label="Auswahl",
            options=tuple(Option(id=o, words=(w,)) for o, w in options),
        )
        values["choice"] = rng.choice(options)[0]
        items.append((Choice("choice", "Zutreffendes bitte ankreuzen", options, columns=2),))
    items.append(Signature())
    style = FormStyle(
        layout=cast(Layout, template.layout),
        header=rng.choice(("city", "minimal", "banner")),
        accent=rng.choice(FLYER_COLOURS),
        value_font=rng.choice(("Courier", "Helvetica")),
    )
    form = FormTemplate(
        id=template.id,
        doc_type="sonstiges",
        title=other.title,
        subtitle=other.issuer,
        form_code="Vordruck",
        office=(other.issuer,),
        style=style,
        sections=(Section("Angaben", tuple(items)),),
    )
    values["signature_date"] = material["date"]
    specs["signature_date"] = FieldSpec(key="signature_date", kind="date", label="Datum")
    FormRenderer(form, sheet, FormFill(values, specs, rng)).render()


def _render_quote(
    template: DistractorTemplate, material: dict[str, Any], sheet: Sheet, rng: random.Random
) -> None:
    quote: SampledValues = material["quote"]
    layout = InvoiceTemplate(
        template.id, header="logo_right", title="Angebot", doc_type="sonstiges", quote=True
    )
    InvoiceRenderer(layout, quote, sheet, rng).render()


def render_distractor(
    template: DistractorTemplate, sampled: SampledValues, sheet: Sheet, rng: random.Random
) -> None:
    renderers = {
        "flyer": _render_flyer,
        "letter": _render_letter,
        "form": _render_form,
        "quote": _render_quote,
    }
    renderers[template.kind](template, sampled.extras, sheet, rng)
    sheet.boxes.clear()  # whatever a distractor shows, none of it is a catalogue field
