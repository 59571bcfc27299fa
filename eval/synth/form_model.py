"""How a form edition is described: cells, checkbox groups, tables, sections, styles, and its filling."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from eval.synth.formatting import (
    WritingStyle,
    write_date,
    write_iban,
    write_microchip,
    write_money,
    write_plate,
)
from eval.synth.sheet import Rgb
from eval.synth.values import Address
from extractors.catalogue import FieldSpec

Layout = Literal["boxed", "lines", "table", "underlabel"]
Part = Literal["all", "street", "town", "postcode", "city"]
Header = Literal["city", "federal", "banner", "minimal"]
SectionStyle = Literal["bar", "rule", "plain", "box"]


# -- the template description ---------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One value cell: a field (or a part of an address) under a printed label."""

    key: str
    label: str
    width: float = 1.0
    part: Part = "all"
    comb: int = 0


@dataclass(frozen=True)
class Choice:
    """A checkbox group; `options` pairs option ids with the words this edition prints."""

    key: str
    label: str
    options: tuple[tuple[str, str], ...]
    columns: int = 2
    width: float = 1.0


@dataclass(frozen=True)
class NameList:
    """Numbered lines for a list of names."""

    key: str
    label: str
    rows: int = 4


@dataclass(frozen=True)
class RecordTable:
    """A table with one record per row: (record field, column header, relative width)."""

    key: str
    columns: tuple[tuple[str, str, float], ...]
    rows: int = 3


@dataclass(frozen=True)
class RecordBlocks:
    """One block of rows per record ('Person 1', 'Person 2', ...); slot keys are record fields."""

    key: str
    title: str
    rows: tuple[tuple[Slot | Choice, ...], ...]
    count: int = 2


@dataclass(frozen=True)
class Note:
    """Printed instructions; None picks sentences from the lexicon."""

    text: str | None = None


@dataclass(frozen=True)
class Signature:
    key: str = "signature_date"
    place_label: str = "Ort, Datum"
    sign_label: str = "Unterschrift"


@dataclass(frozen=True)
class PageBreak:
    pass


Row = tuple[Slot | Choice, ...]
Item = Row | NameList | RecordTable | RecordBlocks | Note | Signature | PageBreak


@dataclass(frozen=True)
class Section:
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class FormStyle:
    layout: Layout
    header: Header
    label_font: str = "Helvetica"
    label_size: float = 6.5
    value_font: str = "Courier"
    value_size: float = 10.0
    heading_font: str = "Helvetica-Bold"
    title_size: float = 15.0
    accent: Rgb = (0.0, 0.25, 0.55)
    numbered: bool = False
    sections: SectionStyle = "bar"
    row_height: float = 26.0
    checkbox_size: float = 8.0
    writing: WritingStyle = field(default_factory=WritingStyle)
    generic_acro_names: bool = False


@dataclass(frozen=True)
class FormTemplate:
    id: str
    doc_type: str
    title: str
    subtitle: str
    form_code: str
    office: tuple[str, ...]
    style: FormStyle
    sections: tuple[Section, ...]
    holdout: bool = False
    edition: str = "01/2025"
    fillable: bool = True


# -- filling it in --------------------------------------------------------------------------


@dataclass
class FormFill:
    """What to write into a template: values plus the defects this copy shows."""

    values: dict[str, Any]
    specs: dict[str, FieldSpec]
    rng: random.Random
    left_empty: frozenset[str] = frozenset()
    written_beside: frozenset[str] = frozenset()
    stamp: bool = False

    def lookup(self, path: str) -> Any:
        if path.startswith("~"):
            return None  # printed on the form but no catalogue field: left blank
        value: Any = self.values
        for part in path.split("."):
            if isinstance(value, list):
                index = int(part)
                value = value[index] if index < len(value) else None
            elif isinstance(value, dict):
                value = value.get(part)
            else:
                return None
            if value is None:
                return None
        return value

    def spec(self, path: str) -> FieldSpec:
        parts = path.split(".")
        spec = self.specs[parts[0]]
        if spec.kind == "records" and len(parts) == 3:
            return next(sub for sub in spec.fields if sub.key == parts[2])
        return spec

    def is_left_empty(self, path: str) -> bool:
        return path.split(".")[0] in self.left_empty


def written_value(spec: FieldSpec, value: Any, part: Part, writing: WritingStyle) -> str:
    """The text a filler puts on the form for a normalised value."""
    if isinstance(value, Address):
        return {
            "all": value.value,
            "street": value.street,
            "town": value.town,
            "postcode": value.postcode,
            "city": value.city,
        }[part]
    kind = spec.item if spec.kind == "list" and spec.item else spec.kind
    text = str(value)
    writers: dict[str, Callable[[str], str]] = {
        "date": lambda v: write_date(v, writing.date),
        "money": lambda v: write_money(v, writing.money),
        "iban": lambda v: write_iban(v, writing.group_iban),
        "license_plate": lambda v: write_plate(v, writing.plate),
        "microchip": lambda v: write_microchip(v, writing.group_microchip),
    }
    return writers[kind](text) if kind in writers else text
