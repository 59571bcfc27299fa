"""New form editions drawn at random from the training editions, so a model meets many layouts.

A form type has four training editions; a model that sees only those learns where each value
sits and fails on the fifth. Each training or validation document may instead be drawn on a
varied edition: another layout, header, fonts and colours, rows and cells in another order,
and labels reworded with wordings that other training editions use for the same field. Held-out
editions are never varied and never lend their wordings, so the test split stays unseen.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import get_args

from eval.synth.form_model import (
    Choice,
    FormStyle,
    FormTemplate,
    Header,
    Item,
    Layout,
    NameList,
    RecordBlocks,
    RecordTable,
    Section,
    SectionStyle,
    Signature,
    Slot,
)
from eval.synth.formatting import DateStyle, MoneyStyle, PlateStyle, WritingStyle
from eval.synth.forms import LEFT, RIGHT
from eval.synth.sheet import text_width

# How often each kind of change is made to one varied edition.
RELABEL_RATE = 0.5
SWAP_CELLS_RATE = 0.3
SHUFFLE_ROWS_RATE = 0.35
SPLIT_ROW_RATE = 0.2

LABEL_FONTS = ("Helvetica", "Helvetica-Oblique", "Times-Roman", "Times-Italic", "Vera", "Courier")
VALUE_FONTS = ("Courier", "Courier-Bold", "Helvetica", "Times-Roman", "Vera")
HEADING_FONTS = ("Helvetica-Bold", "Times-Bold", "Vera-Bold")
ACCENTS = ((0.0, 0.25, 0.55), (0.62, 0.1, 0.12), (0.1, 0.4, 0.25), (0.3, 0.3, 0.3), (0.0, 0.4, 0.45))


def _slots(items: Iterable[Item]) -> Iterable[Slot | Choice | NameList | RecordTable]:
    for item in items:
        if isinstance(item, tuple):
            yield from item
        elif isinstance(item, RecordBlocks):
            for row in item.rows:
                yield from row
        elif isinstance(item, NameList | RecordTable):
            yield item


@cache
def _wordings(templates: tuple[FormTemplate, ...]) -> dict[tuple[str, str], tuple[str, ...]]:
    """Every label the given editions print for a field (and address part), across form types."""
    found: dict[tuple[str, str], set[str]] = {}
    for template in templates:
        for section in template.sections:
            for cell in _slots(section.items):
                if isinstance(cell, Slot):
                    found.setdefault((cell.key, cell.part), set()).add(cell.label)
                elif isinstance(cell, Choice | NameList):
                    found.setdefault((cell.key, "label"), set()).add(cell.label)
                else:
                    for key, header, _ in cell.columns:
                        found.setdefault((key, "column"), set()).add(header)
    return {key: tuple(sorted(labels)) for key, labels in found.items()}


def _reword(
    label: str, key: tuple[str, str], wordings: dict[tuple[str, str], tuple[str, ...]], rng: random.Random
) -> str:
    choices = wordings.get(key, ())
    return rng.choice(choices) if choices and rng.random() < RELABEL_RATE else label


def _vary_cell(
    cell: Slot | Choice, wordings: dict[tuple[str, str], tuple[str, ...]], rng: random.Random
) -> Slot | Choice:
    if isinstance(cell, Slot):
        return replace(cell, label=_reword(cell.label, (cell.key, cell.part), wordings, rng))
    return replace(cell, label=_reword(cell.label, (cell.key, "label"), wordings, rng))


def _vary_row(
    row: tuple[Slot | Choice, ...], wordings: dict[tuple[str, str], tuple[str, ...]], rng: random.Random
) -> list[tuple[Slot | Choice, ...]]:
    cells = [_vary_cell(cell, wordings, rng) for cell in row]
    is_address = any(isinstance(cell, Slot) and cell.part != "all" for cell in cells)
    if len(cells) > 1 and not is_address and rng.random() < SWAP_CELLS_RATE:
        rng.shuffle(cells)
    if len(cells) > 1 and not is_address and rng.random() < SPLIT_ROW_RATE:
        return [(cell,) for cell in cells]
    return [tuple(cells)]


def _vary_items(
    items: tuple[Item, ...], wordings: dict[tuple[str, str], tuple[str, ...]], rng: random.Random
) -> tuple[Item, ...]:
    varied: list[Item] = []
    for item in items:
        if isinstance(item, tuple):
            varied.extend(_vary_row(item, wordings, rng))
        elif isinstance(item, NameList):
            varied.append(replace(item, label=_reword(item.label, (item.key, "label"), wordings, rng)))
        elif isinstance(item, RecordTable):
            columns = tuple(
                (key, _reword(header, (key, "column"), wordings, rng), width)
                for key, header, width in item.columns
            )
            varied.append(replace(item, columns=columns))
        elif isinstance(item, RecordBlocks):
            blocks = tuple(tuple(_vary_cell(cell, wordings, rng) for cell in row) for row in item.rows)
            varied.append(replace(item, rows=blocks))
        else:
            varied.append(item)
    # Rows move about among themselves; notes, lists, tables and the signature stay in place.
    rows = [index for index, item in enumerate(varied) if isinstance(item, tuple)]
    if len(rows) > 1 and rng.random() < SHUFFLE_ROWS_RATE:
        moved = [varied[index] for index in rows]
        rng.shuffle(moved)
        for index, item in zip(rows, moved, strict=True):
            varied[index] = item
    return tuple(varied)


def _laid_out(
    style: FormStyle, layout: Layout, editions: tuple[FormTemplate, ...], rng: random.Random
) -> FormStyle:
    """The style in another layout, with the row height and type sizes of a training edition in
    that layout: sizes known to keep labels and values apart on the page."""
    model = rng.choice([edition.style for edition in editions if edition.style.layout == layout])
    return replace(
        style,
        layout=layout,
        row_height=model.row_height,
        label_size=model.label_size,
        value_size=model.value_size,
        checkbox_size=model.checkbox_size,
    )


def _vary_style(style: FormStyle, editions: tuple[FormTemplate, ...], rng: random.Random) -> FormStyle:
    writing = WritingStyle(
        date=rng.choice(get_args(DateStyle)),
        money=rng.choice(get_args(MoneyStyle)),
        plate=rng.choice(get_args(PlateStyle)),
        group_iban=rng.random() < 0.7,
        group_microchip=rng.random() < 0.3,
    )
    varied = replace(
        style,
        header=rng.choice(get_args(Header)),
        label_font=rng.choice(LABEL_FONTS),
        value_font=rng.choice(VALUE_FONTS),
        heading_font=rng.choice(HEADING_FONTS),
        title_size=round(rng.uniform(13.0, 17.0), 1),
        accent=rng.choice(ACCENTS),
        numbered=rng.random() < 0.3,
        sections=rng.choice(get_args(SectionStyle)),
        writing=writing,
    )
    layouts: tuple[Layout, ...] = get_args(Layout)
    return _laid_out(varied, rng.choice(layouts), editions, rng)


def _label_room(style: FormStyle, width: float) -> tuple[float, float]:
    """The font size a label is set in and the width it must keep to in a cell of each layout,
    as `FormRenderer` draws them (the table layout shrinks labels down to 5.5 points)."""
    if style.layout == "table":
        return 5.5, width * 0.38 - 6
    if style.layout == "lines":  # a longer label would go above its value, where rows are too low
        return style.label_size + 1.5, width / 2
    if style.layout == "underlabel":
        return style.label_size - 0.5, width - 4
    return style.label_size, width - 5


def _labels_fit(sections: Sequence[Section], style: FormStyle) -> bool:
    """Whether every label keeps out of the values' places in this layout."""
    for section in sections:
        for item in section.items:
            rows = item.rows if isinstance(item, RecordBlocks) else (item,) if isinstance(item, tuple) else ()
            for row in rows:
                total = sum(cell.width for cell in row)
                for cell in row:
                    if isinstance(cell, Slot):
                        size, room = _label_room(style, (RIGHT - LEFT) * cell.width / total)
                        # with room for a number ("12  ") and a colon, as the renderer may add them
                        if text_width(f"12  {cell.label}:", style.label_font, size) > room:
                            return False
    return True


def vary_edition(
    template: FormTemplate, editions: tuple[FormTemplate, ...], rng: random.Random
) -> FormTemplate:
    """A new edition of a training form; `editions` lend their wordings (held-out ones never do)."""
    if template.holdout:
        raise ValueError(f"{template.id} is held out for test and is never varied")
    training = tuple(edition for edition in editions if not edition.holdout)
    wordings = _wordings(training)
    style = _vary_style(template.style, training, rng)
    sections = [
        Section(section.title, _vary_items(section.items, wordings, rng)) for section in template.sections
    ]
    # Signature blocks close the form wherever they were; sections without one may swap places.
    movable = [
        index
        for index, section in enumerate(sections)
        if not any(isinstance(item, Signature) for item in section.items)
    ]
    if len(movable) > 1 and rng.random() < SHUFFLE_ROWS_RATE:
        moved = [sections[index] for index in movable]
        rng.shuffle(moved)
        for index, section in zip(movable, moved, strict=True):
            sections[index] = section
    layouts: list[Layout] = list(get_args(Layout))
    rng.shuffle(layouts)
    for layout in layouts:
        if _labels_fit(sections, style):
            break
        style = _laid_out(style, layout, training, rng)
    if not _labels_fit(sections, style):
        # labels too long for every layout in this font: the edition's own cells, fonts and sizes
        sections = list(template.sections)
        style = replace(
            template.style,
            header=style.header,
            accent=style.accent,
            heading_font=style.heading_font,
            writing=style.writing,
        )
    return replace(template, id=f"{template.id}~varied", style=style, sections=tuple(sections))
