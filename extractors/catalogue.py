"""The catalogue of document types and fields, loaded from catalogue.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Keying = Literal["text", "code", "checkbox"]
Rule = Literal["birth", "past", "munich", "event"]
DocumentRule = Literal["invoice_arithmetic", "vat_id_or_tax_number", "due_after_issue"]

KindName = Literal[
    "text",
    "name",
    "address",
    "date",
    "money",
    "currency",
    "iban",
    "vat_id",
    "tax_number",
    "leitweg_id",
    "license_plate",
    "microchip",
    "id_document",
    "code",
    "email",
    "phone",
    "integer",
    "choice",
    "list",
    "records",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Kind(_Frozen):
    """How values of one kind are typed by hand and what they look like."""

    keying: Keying
    description: str


class Option(_Frozen):
    """One box of a checkbox group: the stored id and the words forms print next to it."""

    id: str
    words: tuple[str, ...]


class FieldSpec(_Frozen):
    """One field of a document type."""

    key: str
    kind: KindName
    label: str
    required: bool = False
    rules: tuple[Rule, ...] = ()
    options: tuple[Option, ...] = ()
    item: KindName | None = None
    fields: tuple[FieldSpec, ...] = ()

    @model_validator(mode="after")
    def _check_kind_details(self) -> FieldSpec:
        if (self.kind == "choice") != bool(self.options):
            raise ValueError(f"{self.key}: options are given exactly for kind 'choice'")
        if (self.kind == "list") != (self.item is not None):
            raise ValueError(f"{self.key}: item is given exactly for kind 'list'")
        if (self.kind == "records") != bool(self.fields):
            raise ValueError(f"{self.key}: fields are given exactly for kind 'records'")
        return self

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(f"{self.key} has no option {option_id!r}")


class DocumentType(_Frozen):
    """A document type: its fields, its rules and the department that receives it."""

    id: str
    name: str
    department: str
    fields: tuple[FieldSpec, ...]
    rules: tuple[DocumentRule, ...] = ()
    always_review: bool = False
    keywords: tuple[tuple[str, float], ...] = Field(
        default=(), description="words the type is recognised by, with weights (negative: against it)"
    )
    idioms: tuple[str, ...] = Field(
        default=(),
        description="phrases in which a keyword means something else ('im Widerspruch zu': at odds "
        "with, no objection); the keyword counts only outside them",
    )

    def field(self, key: str) -> FieldSpec:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(f"{self.id} has no field {key!r}")

    @property
    def field_keys(self) -> tuple[str, ...]:
        return tuple(spec.key for spec in self.fields)


class Catalogue(_Frozen):
    """Every document type the pipeline knows, with the departments they go to."""

    schema_version: int
    kinds: dict[str, Kind]
    labels: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="other label words per field"
    )
    departments: dict[str, str]
    types: dict[str, DocumentType] = Field(description="document types by id, in catalogue order")

    @model_validator(mode="after")
    def _check_references(self) -> Catalogue:
        for type_id, doc_type in self.types.items():
            if doc_type.id != type_id:
                raise ValueError(f"type {type_id!r} carries id {doc_type.id!r}")
            if doc_type.department not in self.departments:
                raise ValueError(f"{type_id}: unknown department {doc_type.department!r}")
        return self

    def type(self, type_id: str) -> DocumentType:
        try:
            return self.types[type_id]
        except KeyError:
            known = ", ".join(self.types)
            raise KeyError(f"unknown document type {type_id!r} (known: {known})") from None

    @property
    def type_ids(self) -> tuple[str, ...]:
        return tuple(self.types)

    def department_name(self, department_id: str) -> str:
        return self.departments[department_id]

    def label_words(self, spec: FieldSpec) -> tuple[str, ...]:
        """Every label a form may print for the field: its own and the shared synonyms."""
        return (spec.label, *(word for word in self.labels.get(spec.key, ()) if word != spec.label))


@cache
def load_catalogue() -> Catalogue:
    """The catalogue shipped with the package (extractors/catalogue.toml)."""
    text = resources.files("extractors").joinpath("catalogue.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    for type_id, doc_type in raw["types"].items():
        doc_type["id"] = type_id
    return Catalogue.model_validate(raw)
