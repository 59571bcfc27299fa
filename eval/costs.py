"""Clerk time and money per document, by hand and with the pipeline.

The model is shared/spec/manual_processing_model.md: the federal Standard Cost Model
(Erfüllungsaufwand = cases x time x wage) with the typing time refined per field by the
Keystroke-Level Model. Every figure comes from eval/costs.toml, where each section names its
source, so an evaluator can replace any of them with the city's own measurements.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from extractors.catalogue import FieldSpec, load_catalogue

Operator = Literal["keystroke_average", "keystroke_skilled", "keystroke_code", "point", "home", "mental"]
KeyOperator = Literal["keystroke_average", "keystroke_skilled", "keystroke_code", "checkbox"]
FieldStatus = Literal["accepted", "flagged", "missing"]
WageGroup = Literal["einfacher_mittlerer", "gehobener", "hoeherer", "average"]

SECONDS_PER_MINUTE = 60.0
MINUTES_PER_HOUR = 60.0


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Wages(_Section):
    """Wage per hour by Laufbahn, and which of them the clerks are paid at."""

    source: str
    clerk_group: WageGroup
    overhead_factor: float = Field(gt=0)
    eur_per_hour: dict[WageGroup, float]

    @model_validator(mode="after")
    def _group_has_wage(self) -> Wages:
        if self.clerk_group not in self.eur_per_hour:
            raise ValueError(f"wages.clerk_group: no wage given for {self.clerk_group!r}")
        return self


class Zeitwerte(_Section):
    """Minutes per case of each administrative activity (Zeitwerttabelle, simple level)."""

    source: str
    minutes: dict[str, float]


class HandlingOverride(_Section):
    """One document type's handling, where it differs from the default."""

    activities: tuple[str, ...] | None = None
    assisted_activities: tuple[str, ...] | None = None
    minutes: float | None = Field(default=None, ge=0, description="measured T_handle, wins over activities")
    assisted_minutes: float | None = Field(
        default=None, ge=0, description="measured T_handle_assisted, wins over assisted_activities"
    )


class Handling(_Section):
    """The activities besides typing that make up T_handle and T_handle_assisted."""

    source: str
    activities: tuple[str, ...]
    assisted_activities: tuple[str, ...]
    types: dict[str, HandlingOverride] = Field(default_factory=dict)

    @field_validator("types")
    @classmethod
    def _known_types(cls, types: dict[str, HandlingOverride]) -> dict[str, HandlingOverride]:
        _check_document_types(types, "handling.types")
        return types


class Errors(_Section):
    """How often a clerk mistypes a field, and what finding and fixing one costs later."""

    source: str
    p_err_single_entry: float = Field(ge=0, le=1)
    p_err_double_entry: float = Field(ge=0, le=1)
    t_fix_minutes: float = Field(ge=0)


class Klm(_Section):
    """Keystroke-Level Model operator times in seconds."""

    source: str
    keystroke_average: float = Field(ge=0)
    keystroke_skilled: float = Field(ge=0)
    keystroke_code: float = Field(ge=0)
    point: float = Field(ge=0)
    home: float = Field(ge=0)
    mental: float = Field(ge=0)


class Keying(_Section):
    """How each catalogue kind is entered by hand: which keystroke operator, or a checkbox."""

    source: str
    kinds: dict[str, KeyOperator]

    @field_validator("kinds")
    @classmethod
    def _every_catalogue_kind(cls, kinds: dict[str, KeyOperator]) -> dict[str, KeyOperator]:
        known = set(load_catalogue().kinds)
        for kind in kinds:
            if kind not in known:
                listed = ", ".join(sorted(known))
                raise ValueError(f"keying.kinds: unknown kind {kind!r} (catalogue kinds: {listed})")
        lacking = sorted(known - set(kinds))
        if lacking:
            raise ValueError(f"keying.kinds: no operator for the catalogue kinds {', '.join(lacking)}")
        return kinds


class Review(_Section):
    """What a reviewer spends on each field shown to them, before any correction."""

    source: str
    look_operators: tuple[Operator, ...]


class Volumes(_Section):
    """Cases per year and document type, for the yearly projection."""

    source: str
    placeholder: bool
    cases_per_year: dict[str, int]

    @field_validator("cases_per_year")
    @classmethod
    def _known_types(cls, volumes: dict[str, int]) -> dict[str, int]:
        _check_document_types(volumes, "volumes.cases_per_year")
        if any(volume < 0 for volume in volumes.values()):
            raise ValueError("volumes.cases_per_year: volumes are >= 0")
        return volumes


class Compute(_Section):
    """What an hour of each machine that can run the pipeline costs."""

    source: str
    placeholder: bool
    eur_per_hour: dict[str, float]
    partner_monthly_fee_eur: float = Field(default=0.0, ge=0)
    gpu_seconds_per_doc: float = Field(default=0.01, gt=0)


class CostParameters(_Section):
    """Every parameter of the model, as in eval/costs.toml."""

    wages: Wages
    zeitwerte: Zeitwerte
    handling: Handling
    errors: Errors
    klm: Klm
    keying: Keying
    review: Review
    volumes: Volumes
    compute: Compute

    @model_validator(mode="after")
    def _activities_exist(self) -> CostParameters:
        named = [("handling.activities", self.handling.activities)]
        named.append(("handling.assisted_activities", self.handling.assisted_activities))
        for type_id, override in self.handling.types.items():
            named.append((f"handling.types.{type_id}.activities", override.activities or ()))
            named.append(
                (f"handling.types.{type_id}.assisted_activities", override.assisted_activities or ())
            )
        for where, activities in named:
            for activity in activities:
                if activity not in self.zeitwerte.minutes:
                    raise ValueError(f"{where}: {activity!r} is not an activity of zeitwerte.minutes")
        return self


def _check_document_types(keys: Mapping[str, object], where: str) -> None:
    """A misspelt type id would silently project nothing: refuse ids the catalogue lacks."""
    known = load_catalogue().type_ids
    for key in keys:
        if key not in known:
            raise ValueError(f"{where}: unknown document type {key!r} (known: {', '.join(known)})")


# Loading


def _packaged() -> dict[str, Any]:
    text = resources.files("eval").joinpath("costs.toml").read_text("utf-8")
    return tomllib.loads(text)


def _deep_merge(base: dict[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """Tables merge key by key, so a file or override names only what it changes; any other
    value (numbers, strings, lists) replaces the one below it."""
    merged = copy.deepcopy(base)
    for key, value in changes.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _expand_dotted(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """{"wages.overhead_factor": 1.3} -> {"wages": {"overhead_factor": 1.3}}."""
    nested: dict[str, Any] = {}
    for dotted, value in overrides.items():
        *parents, last = dotted.split(".")
        table: dict[str, Any] = {last: value}
        for parent in reversed(parents):
            table = {parent: table}
        nested = _deep_merge(nested, table)
    return nested


def _problem(error: Mapping[str, Any]) -> str:
    where = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        return f"unknown key {where!r}"
    if error["type"] == "value_error":
        return str(error["ctx"]["error"])
    return f"{where}: {error['msg']}"


def _validated(raw: dict[str, Any], origin: str) -> CostParameters:
    try:
        return CostParameters.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(_problem(e) for e in error.errors())
        raise ValueError(f"cost parameters from {origin}: {problems}") from None


def load_parameters(path: Path | None = None, overrides: dict[str, Any] | None = None) -> CostParameters:
    """The packaged defaults, then the TOML file at `path` merged over them, then `overrides`
    (dotted keys such as {"wages.overhead_factor": 1.3}, or nested tables). Each layer is
    checked on its own, so the error says which one holds an unknown key or a bad value."""
    raw = _packaged()
    parameters = _validated(raw, "eval/costs.toml")
    if path is not None:
        with path.open("rb") as handle:
            raw = _deep_merge(raw, tomllib.load(handle))
        parameters = _validated(raw, str(path))
    if overrides:
        raw = _deep_merge(raw, _expand_dotted(overrides))
        parameters = _validated(raw, "overrides")
    return parameters


# Cases


@dataclass(frozen=True)
class FieldCase:
    """One field of one document as the benchmark saw it.

    `chars` is the length of the true value as a clerk would type it. `status`: accepted (passed
    without review), flagged (shown to a reviewer), missing (the pipeline did not find it).
    `correct` says whether the pipeline's value equals the truth; a missing field is never
    correct, whatever `correct` says. A record field may be passed whole (its kind's operator)
    or as one FieldCase per sub-field, each with its own kind."""

    key: str
    kind: str
    chars: int
    status: FieldStatus
    correct: bool

    def __post_init__(self) -> None:
        if self.chars < 0:
            raise ValueError(f"{self.key}: chars is >= 0, not {self.chars}")
        if self.status not in get_args(FieldStatus):
            raise ValueError(f"{self.key}: status is one of {get_args(FieldStatus)}, not {self.status!r}")

    @property
    def wrong(self) -> bool:
        return self.status == "missing" or not self.correct


@dataclass(frozen=True)
class DocumentCase:
    """One document: its true type, the fields its truth holds, and whether the pipeline sent
    it straight to its department (then nobody looked at any field, so none can be flagged).
    `pages` is kept for reports; the SKM time values are per case, not per page."""

    document_type: str
    fields: tuple[FieldCase, ...]
    straight_through: bool
    pages: int = 1

    def __post_init__(self) -> None:
        if self.pages < 1:
            raise ValueError(f"a document has at least one page, not {self.pages}")
        if self.straight_through and any(f.status == "flagged" for f in self.fields):
            raise ValueError("a document that went straight through has no flagged fields: nobody saw them")


# Per-document model


def _activity_minutes(activities: Sequence[str], p: CostParameters) -> float:
    return sum(p.zeitwerte.minutes[activity] for activity in activities)


def handle_activities(document_type: str, p: CostParameters, *, assisted: bool) -> tuple[str, ...]:
    """The activities T_handle (or T_handle_assisted) sums for this type."""
    override = p.handling.types.get(document_type)
    if assisted:
        chosen = override.assisted_activities if override else None
        return chosen if chosen is not None else p.handling.assisted_activities
    chosen = override.activities if override else None
    return chosen if chosen is not None else p.handling.activities


def handle_minutes(document_type: str, p: CostParameters) -> float:
    """T_handle: the minutes a clerk spends on a case besides typing."""
    override = p.handling.types.get(document_type)
    if override is not None and override.minutes is not None:
        return override.minutes
    return _activity_minutes(handle_activities(document_type, p, assisted=False), p)


def handle_assisted_minutes(document_type: str, p: CostParameters) -> float:
    """T_handle_assisted: what is left of handling once the pipeline has done its part."""
    override = p.handling.types.get(document_type)
    if override is not None and override.assisted_minutes is not None:
        return override.assisted_minutes
    return _activity_minutes(handle_activities(document_type, p, assisted=True), p)


def key_operator(kind: str, p: CostParameters) -> KeyOperator:
    try:
        return p.keying.kinds[kind]
    except KeyError:
        raise ValueError(f"no keying for field kind {kind!r} in keying.kinds") from None


def checkbox_seconds(p: CostParameters) -> float:
    """Ticking a box: think, point, click (the spec's (1.35 + 1.10 + 0.20) s)."""
    return p.klm.mental + p.klm.point + p.klm.keystroke_skilled


def seconds_per_key(kind: str, p: CostParameters) -> float:
    """t_key of a typed kind; a checkbox kind is clicked once, at the skilled keystroke time."""
    operator = key_operator(kind, p)
    return p.klm.keystroke_skilled if operator == "checkbox" else float(getattr(p.klm, operator))


def typing_seconds(field: FieldCase, p: CostParameters) -> float:
    """Entering a value once by hand: M + (chars + 1) keystrokes (the +1 leaves the field), or
    the checkbox cost."""
    if key_operator(field.kind, p) == "checkbox":
        return checkbox_seconds(p)
    return p.klm.mental + (field.chars + 1) * seconds_per_key(field.kind, p)


def correction_seconds(field: FieldCase, p: CostParameters) -> float:
    """Putting the right value into a field a reviewer is already looking at: the keystrokes
    only (the look pays for M and P), or one click for a checkbox."""
    if key_operator(field.kind, p) == "checkbox":
        return p.klm.keystroke_skilled
    return (field.chars + 1) * seconds_per_key(field.kind, p)


def look_seconds(p: CostParameters) -> float:
    return sum(float(getattr(p.klm, operator)) for operator in p.review.look_operators)


def review_seconds(field: FieldCase, p: CostParameters) -> float:
    """t_review of one field shown to a reviewer: the look, plus the correction when the
    pipeline's value was wrong or absent."""
    return look_seconds(p) + (correction_seconds(field, p) if field.wrong else 0.0)


def manual_minutes(case: DocumentCase, p: CostParameters) -> float:
    """T_manual = T_handle + Σ_fields (1.35 + (chars + 1)·t_key) / 60 + p_err · n_fields · T_fix."""
    typing = sum(typing_seconds(field, p) for field in case.fields) / SECONDS_PER_MINUTE
    errors = p.errors.p_err_single_entry * len(case.fields) * p.errors.t_fix_minutes
    return handle_minutes(case.document_type, p) + typing + errors


def undetected_errors(case: DocumentCase) -> int:
    """Wrong values nobody will look at: accepted-but-wrong fields, and in a document that went
    straight through also the fields the pipeline missed (nobody will add them)."""
    return sum(
        1
        for f in case.fields
        if (f.status == "accepted" and not f.correct) or (f.status == "missing" and case.straight_through)
    )


def assisted_minutes(case: DocumentCase, p: CostParameters) -> float:
    """T_assisted = T_handle_assisted + Σ_reviewed_fields t_review + Σ_undetected_errors T_fix.
    Fields shown to a reviewer cost seconds; an error that slips through costs the full T_fix,
    so a wrong auto-accepted field is far dearer than a flagged one."""
    fixes = undetected_errors(case) * p.errors.t_fix_minutes
    reviewed = 0.0
    if not case.straight_through:
        shown = (f for f in case.fields if f.status in ("flagged", "missing"))
        reviewed = sum(review_seconds(field, p) for field in shown) / SECONDS_PER_MINUTE
    return handle_assisted_minutes(case.document_type, p) + reviewed + fixes


def wage_per_hour(p: CostParameters) -> float:
    """Full cost of a clerk hour: the Lohnkosten of the clerks' group times the overhead."""
    return p.wages.eur_per_hour[p.wages.clerk_group] * p.wages.overhead_factor


def eur(minutes: float, p: CostParameters) -> float:
    """Clerk minutes in euros at full cost."""
    return minutes / MINUTES_PER_HOUR * wage_per_hour(p)


# Summary


def _minutes(value: float) -> float:
    return round(value, 2)


def _money(value: float) -> float:
    return round(value, 2)


def _rate(value: float) -> float:
    return round(value, 4)


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class _Totals:
    documents: int
    manual: float
    assisted: float
    straight_through: int
    accepted: int
    residual: int


def _totals(cases: Sequence[DocumentCase], p: CostParameters) -> _Totals:
    """Sums over cases; the accepted count includes the missed fields of straight-through
    documents, as the residual count does (the same definition as models.calibration)."""
    return _Totals(
        documents=len(cases),
        manual=sum(manual_minutes(case, p) for case in cases),
        assisted=sum(assisted_minutes(case, p) for case in cases),
        straight_through=sum(case.straight_through for case in cases),
        accepted=sum(
            1
            for case in cases
            for f in case.fields
            if f.status == "accepted" or (f.status == "missing" and case.straight_through)
        ),
        residual=sum(undetected_errors(case) for case in cases),
    )


def _yearly(volume: int, totals: _Totals, p: CostParameters) -> dict[str, float]:
    """The benchmark's mean minutes per document scaled to the year's cases."""
    manual_hours = volume * totals.manual / totals.documents / MINUTES_PER_HOUR
    assisted_hours = volume * totals.assisted / totals.documents / MINUTES_PER_HOUR
    saved_hours = manual_hours - assisted_hours
    return {
        "cases_per_year": volume,
        "manual_hours": round(manual_hours, 2),
        "assisted_hours": round(assisted_hours, 2),
        "hours_saved": round(saved_hours, 2),
        "eur_saved": _money(eur(saved_hours * MINUTES_PER_HOUR, p)),
    }


def _metrics(totals: _Totals, p: CostParameters) -> dict[str, Any]:
    manual = _ratio(totals.manual, totals.documents)
    assisted = _ratio(totals.assisted, totals.documents)
    saved = manual - assisted
    return {
        "documents": totals.documents,
        "manual_minutes_per_doc": _minutes(manual),
        "manual_eur_per_doc": _money(eur(manual, p)),
        "assisted_minutes_per_doc": _minutes(assisted),
        "assisted_eur_per_doc": _money(eur(assisted, p)),
        "saved_minutes_per_doc": _minutes(saved),
        "saved_percent": round(100 * _ratio(saved, manual), 2),
        "saved_eur_per_doc": _money(eur(saved, p)),
        "straight_through_rate": _rate(_ratio(totals.straight_through, totals.documents)),
        "accepted_fields": totals.accepted,
        "residual_errors": totals.residual,
        "residual_field_error_rate": _rate(_ratio(totals.residual, totals.accepted)),
        "human_single_entry_error_rate": p.errors.p_err_single_entry,
        "human_double_entry_error_rate": p.errors.p_err_double_entry,
    }


def _type_order(cases: Sequence[DocumentCase]) -> list[str]:
    """Catalogue order, then any type the catalogue lacks, by name."""
    present = {case.document_type for case in cases}
    known = [type_id for type_id in load_catalogue().type_ids if type_id in present]
    return known + sorted(present - set(known))


def _summed_yearly(per_type: Mapping[str, Mapping[str, Any]]) -> dict[str, float] | None:
    rows = [metrics["yearly"] for metrics in per_type.values() if metrics["yearly"] is not None]
    if not rows:
        return None
    return {name: round(sum(row[name] for row in rows), 2) for name in rows[0]}


def _compute(
    seconds: Mapping[str, float], yearly_cases: int, p: CostParameters
) -> dict[str, dict[str, float]]:
    """Machine cost per document: seconds per document at the backend's price per hour. Kept
    to 6 decimals, since a document costs fractions of a cent."""
    costs = {}
    for backend, per_doc in seconds.items():
        if backend not in p.compute.eur_per_hour:
            known = ", ".join(p.compute.eur_per_hour)
            raise ValueError(f"compute backend {backend!r} has no compute.eur_per_hour (known: {known})")
        eur_per_doc = per_doc / 3600 * p.compute.eur_per_hour[backend]
        costs[backend] = {
            "seconds_per_doc": per_doc,
            "eur_per_hour": p.compute.eur_per_hour[backend],
            "eur_per_doc": round(eur_per_doc, 6),
            "eur_per_year": _money(eur_per_doc * yearly_cases),
        }
    return costs


def summarise(
    cases: Sequence[DocumentCase],
    p: CostParameters,
    compute_seconds_per_doc: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Manual vs assisted per document type and overall, with the yearly projection from the
    configured volumes. Overall per-document figures are means over all cases, i.e. the
    case-weighted mean of the types; the overall yearly figures are the sum of the types'
    (types without a configured volume have no projection)."""
    per_type: dict[str, dict[str, Any]] = {}
    for type_id in _type_order(cases):
        totals = _totals([case for case in cases if case.document_type == type_id], p)
        volume = p.volumes.cases_per_year.get(type_id)
        metrics = _metrics(totals, p)
        metrics["yearly"] = None if volume is None else _yearly(volume, totals, p)
        per_type[type_id] = metrics
    overall = _metrics(_totals(cases, p), p)
    overall["yearly"] = _summed_yearly(per_type)
    yearly_cases = int(overall["yearly"]["cases_per_year"]) if overall["yearly"] else 0
    placeholders = [
        name for name, flagged in (("volumes", p.volumes), ("compute", p.compute)) if flagged.placeholder
    ]
    return {
        "per_type": per_type,
        "overall": overall,
        "compute": _compute(compute_seconds_per_doc or {}, yearly_cases, p),
        "clerk_group": p.wages.clerk_group,
        "wage_eur_per_hour": _money(wage_per_hour(p)),
        "placeholders": placeholders,
        "sources": {name: getattr(p, name).source for name in CostParameters.model_fields},
    }


# Hand calculation


def _catalogue_kind(document_type: str, key: str) -> str:
    """A field's kind from the catalogue; `persons.birth_date` names a record's sub-field."""
    doc_type = load_catalogue().type(document_type)
    parent, _, child = key.partition(".")
    spec: FieldSpec = doc_type.field(parent)
    if child:
        matches = [sub for sub in spec.fields if sub.key == child]
        if not matches:
            raise KeyError(f"{document_type}.{parent} has no sub-field {child!r}")
        spec = matches[0]
    return spec.kind


def _field_line(field: FieldCase, p: CostParameters) -> str:
    operator = key_operator(field.kind, p)
    minutes = typing_seconds(field, p) / SECONDS_PER_MINUTE
    if operator == "checkbox":
        terms = f"({p.klm.mental:.2f} + {p.klm.point:.2f} + {p.klm.keystroke_skilled:.2f}) / 60"
        return f"{field.key} ({field.kind}, checkbox): {terms} = {minutes:.4f} min"
    t_key = seconds_per_key(field.kind, p)
    terms = f"({p.klm.mental:.2f} + ({field.chars} + 1) × {t_key:.2f}) / 60"
    named = f"{field.key} ({field.kind}, {operator} {t_key:.2f} s, {field.chars} chars)"
    return f"{named}: {terms} = {minutes:.4f} min"


def _handle_line(document_type: str, p: CostParameters) -> str:
    total = handle_minutes(document_type, p)
    override = p.handling.types.get(document_type)
    if override is not None and override.minutes is not None:
        return f"T_handle = {total:.2f} min (handling.types.{document_type}.minutes)"
    activities = handle_activities(document_type, p, assisted=False)
    terms = " + ".join(f"{name} {p.zeitwerte.minutes[name]:g}" for name in activities) or "0"
    return f"T_handle = {terms} = {total:.2f} min"


def hand_calculation(document_type: str, fields: Sequence[tuple[str, int]], p: CostParameters) -> list[str]:
    """T_manual for one document written out with the numbers put in, so a reader can redo it
    with a pencil. `fields` are (catalogue field key, characters typed) pairs; a record's
    sub-field is named `persons.birth_date`."""
    case = DocumentCase(
        document_type,
        tuple(
            FieldCase(key, _catalogue_kind(document_type, key), chars, "accepted", True)
            for key, chars in fields
        ),
        straight_through=False,
    )
    typing = sum(typing_seconds(field, p) for field in case.fields) / SECONDS_PER_MINUTE
    errors = p.errors.p_err_single_entry * len(case.fields) * p.errors.t_fix_minutes
    total = manual_minutes(case, p)
    wage = p.wages.eur_per_hour[p.wages.clerk_group]
    return [
        f"{document_type}: T_manual = T_handle + Σ_fields (M + (chars + 1)·t_key) / 60 + p_err·n·T_fix",
        _handle_line(document_type, p),
        *(_field_line(field, p) for field in case.fields),
        f"Σ_fields = {typing:.4f} min",
        (
            f"p_err·n·T_fix = {p.errors.p_err_single_entry:g} × {len(case.fields)} × "
            f"{p.errors.t_fix_minutes:g} = {errors:.4f} min"
        ),
        f"T_manual = {handle_minutes(document_type, p):.2f} + {typing:.4f} + {errors:.4f} = {total:.2f} min",
        (
            f"cost = {total:.2f} / 60 × {wage:.2f} €/h ({p.wages.clerk_group}) × {p.wages.overhead_factor:g} "
            f"= {eur(total, p):.2f} €"
        ),
    ]
