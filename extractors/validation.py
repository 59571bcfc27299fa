"""Check normalised field values against the catalogue's rules; say what is wrong, never drop."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from extractors.catalogue import DocumentType, FieldSpec

Severity = Literal["error", "warning"]

# Munich's postcodes (Deutsche Post) run from 80331 to 81929.
MUNICH_POSTCODES = range(80331, 81929 + 1)
EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)
EVENT_YEARS = 2  # how far from the signature an event a form reports may lie
# Invoices are checked to the cent: rounding per line may leave one cent either way.
INVOICE_TOLERANCE = Decimal("0.01")
# net + tax = gross
INVOICE_AMOUNTS = ("net_amount", "tax_amount", "gross_amount")
IBAN_LENGTHS = {"DE": 22, "AT": 20, "CH": 21, "NL": 18, "FR": 27, "IT": 27, "ES": 24, "LU": 20}
ID_DOCUMENT_ALPHABET = "CFGHJKLMNPRTVWXYZ0123456789"


@dataclass(frozen=True)
class Issue:
    """One finding on one field. Messages never quote the value (it may be personal data)."""

    field: str
    code: str
    message: str
    severity: Severity = "error"


def _mod97(alphanumeric: str) -> int:
    digits = "".join(str(int(char, 36)) for char in alphanumeric)
    return int(digits) % 97


def iban_is_valid(iban: str) -> bool:
    """ISO 13616: move the first four characters to the end; the number mod 97 must be 1."""
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", iban):
        return False
    expected_length = IBAN_LENGTHS.get(iban[:2])
    if expected_length is not None and len(iban) != expected_length:
        return False
    return _mod97(iban[4:] + iban[:4]) == 1


def leitweg_id_is_valid(leitweg_id: str) -> bool:
    """KoSIT Leitweg-ID: coarse part, optional fine part, two check digits (ISO 7064 MOD 97-10)."""
    match = re.fullmatch(r"(\d{2,12})(?:-([A-Z0-9]{1,30}))?-(\d{2})", leitweg_id)
    if not match:
        return False
    coarse, fine, check = match.groups()
    return _mod97(coarse + (fine or "") + check) == 1


def vat_id_is_valid(vat_id: str) -> bool:
    return re.fullmatch(r"DE\d{9}", vat_id) is not None


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def money_value(value: str) -> Decimal | None:
    """A normalised money value ('1234.50') as a Decimal; None for anything else."""
    if not re.fullmatch(r"-?\d+\.\d{2}", value):
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _postcode(address: str) -> str | None:
    match = re.search(r"(?:^|[\s,])(\d{5})\s+\S", address)
    return match.group(1) if match else None


def _check_address(spec: FieldSpec, value: str) -> list[Issue]:
    postcode = _postcode(value)
    if postcode is None:
        return [Issue(spec.key, "postcode", "no five-digit postcode followed by a town")]
    if "munich" in spec.rules and int(postcode) not in MUNICH_POSTCODES:
        message = "postcode outside Munich (80331-81929) for a Munich procedure"
        return [Issue(spec.key, "not_munich", message, "warning")]
    return []


def _check_date(spec: FieldSpec, value: str, today: dt.date) -> list[Issue]:
    date = _date(value)
    if date is None:
        return [Issue(spec.key, "date", "not a calendar date in ISO form")]
    if "birth" in spec.rules and not EARLIEST_BIRTH_DATE <= date < today:
        return [Issue(spec.key, "birth_date", "birth date must be after 1900 and in the past")]
    if "past" in spec.rules and date > today:
        return [Issue(spec.key, "future_date", "date lies in the future")]
    return []


_PATTERNS: dict[str, tuple[Callable[[str], bool], str]] = {
    "iban": (iban_is_valid, "IBAN fails the ISO 13616 mod-97 check"),
    "vat_id": (vat_id_is_valid, "VAT id must be DE followed by 9 digits"),
    "leitweg_id": (leitweg_id_is_valid, "Leitweg-ID pattern or check digits are wrong"),
    "microchip": (lambda v: re.fullmatch(r"\d{15}", v) is not None, "microchip needs 15 digits"),
    "money": (lambda v: money_value(v) is not None, "amount must look like 1234.50"),
    "currency": (lambda v: re.fullmatch(r"[A-Z]{3}", v) is not None, "currency must be ISO 4217"),
    "integer": (lambda v: re.fullmatch(r"0|[1-9]\d*", v) is not None, "not a whole number"),
    "email": (
        lambda v: re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", v) is not None,
        "not an e-mail address",
    ),
    "license_plate": (
        lambda v: re.fullmatch(r"[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} [1-9]\d{0,3}[EH]?", v) is not None,
        "licence plate must look like M-AB 1234",
    ),
    "id_document": (
        lambda v: re.fullmatch(f"[{ID_DOCUMENT_ALPHABET}]{{9,10}}", v) is not None,
        "identity document number must be 9 or 10 characters of the ICAO alphabet",
    ),
    "tax_number": (
        lambda v: re.fullmatch(r"\d{2,3}/?\d{3}/?\d{4,5}", v.replace(" ", "")) is not None,
        "tax number must look like 143/123/45678",
    ),
}


def validate_value(spec: FieldSpec, value: Any, today: dt.date | None = None) -> list[Issue]:
    """All findings for one normalised value of a field."""
    today = today or dt.date.today()
    if spec.kind == "list":
        if not isinstance(value, list) or not value:
            return [Issue(spec.key, "list", "expected a non-empty list")]
        item_spec = spec.model_copy(update={"kind": spec.item, "item": None})
        return [issue for item in value for issue in validate_value(item_spec, item, today)]
    if spec.kind == "records":
        if not isinstance(value, list) or not value:
            return [Issue(spec.key, "records", "expected a non-empty list of records")]
        issues = []
        for index, record in enumerate(value):
            for sub_issue in validate_fields_of(spec.fields, record, today):
                sub_field = f"{spec.key}.{index}.{sub_issue.field}"
                issues.append(Issue(sub_field, sub_issue.code, sub_issue.message, sub_issue.severity))
        return issues
    if not isinstance(value, str) or not value:
        return [Issue(spec.key, "empty", "value is empty")]
    if spec.kind == "choice":
        if value not in {option.id for option in spec.options}:
            return [Issue(spec.key, "choice", "not one of the field's options")]
        return []
    if spec.kind == "address":
        return _check_address(spec, value)
    if spec.kind == "date":
        return _check_date(spec, value, today)
    if spec.kind in _PATTERNS:
        is_valid, message = _PATTERNS[spec.kind]
        return [] if is_valid(value) else [Issue(spec.key, spec.kind, message)]
    return []


def validate_fields_of(
    specs: tuple[FieldSpec, ...], fields: Mapping[str, Any], today: dt.date | None = None
) -> list[Issue]:
    """Per-field findings, plus one 'missing' finding per absent required field."""
    issues: list[Issue] = []
    known = {spec.key for spec in specs}
    for key in fields:
        if key not in known:
            issues.append(Issue(key, "unknown_field", "field is not in the catalogue"))
    for spec in specs:
        if spec.key in fields:
            issues.extend(validate_value(spec, fields[spec.key], today))
        elif spec.required:
            issues.append(Issue(spec.key, "missing", "required field is missing"))
    return issues


Amounts = tuple[Decimal | None, Decimal | None, Decimal | None]


def invoice_amounts(values: Mapping[str, Any]) -> Amounts:
    """Net, tax and gross of an invoice's values, each None where missing or no money value."""
    net, tax, gross = (money_value(str(values.get(key, ""))) for key in INVOICE_AMOUNTS)
    return net, tax, gross


def adds_up(net: Decimal | None, tax: Decimal | None, gross: Decimal | None) -> bool:
    """Net + tax = gross to the cent, all three read."""
    return (
        net is not None
        and tax is not None
        and gross is not None
        and abs(net + tax - gross) <= INVOICE_TOLERANCE
    )


def _check_invoice_arithmetic(fields: Mapping[str, Any]) -> list[Issue]:
    net, tax, gross = invoice_amounts(fields)
    if net is None or tax is None or gross is None:
        return []
    issues = []
    if not adds_up(net, tax, gross):
        message = "net amount plus tax does not equal the gross amount"
        issues.append(Issue("gross_amount", "arithmetic", message))
    due = money_value(str(fields.get("amount_due", "")))
    if due is not None and due > gross + INVOICE_TOLERANCE:
        issues.append(Issue("amount_due", "arithmetic", "amount due exceeds the gross amount"))
    return issues


def _check_vat_id_or_tax_number(fields: Mapping[str, Any]) -> list[Issue]:
    if "seller_vat_id" in fields or "seller_tax_number" in fields:
        return []
    message = "an invoice needs the seller's VAT id or tax number (§ 14 UStG)"
    return [Issue("seller_vat_id", "missing", message)]


def _check_due_after_issue(fields: Mapping[str, Any]) -> list[Issue]:
    issued, due = _date(str(fields.get("issue_date", ""))), _date(str(fields.get("due_date", "")))
    if issued is not None and due is not None and due < issued:
        return [Issue("due_date", "due_before_issue", "due date lies before the issue date")]
    return []


_DOCUMENT_RULES: dict[str, Callable[[Mapping[str, Any]], list[Issue]]] = {
    "invoice_arithmetic": _check_invoice_arithmetic,
    "vat_id_or_tax_number": _check_vat_id_or_tax_number,
    "due_after_issue": _check_due_after_issue,
}


def near_signature(value: Any, signed: Any) -> bool:
    """Whether the date of an event a form reports (moving in, a business's start, a dog kept
    since) lies within `EVENT_YEARS` of the date the form was signed; true where either is no
    date. Registrations are due within weeks of the event (§ 17 BMG: two weeks), so a date
    decades away is another date of the form, most often a birth date."""
    event, signature = _date(str(value)), _date(str(signed))
    if event is None or signature is None:
        return True
    return abs((event - signature).days) <= EVENT_YEARS * 365


def _check_events(doc_type: DocumentType, fields: Mapping[str, Any]) -> list[Issue]:
    message = f"date lies more than {EVENT_YEARS} years from the date of signature"
    return [
        Issue(spec.key, "far_from_signature", message)
        for spec in doc_type.fields
        if "event" in spec.rules
        and spec.key in fields
        and not near_signature(fields[spec.key], fields.get("signature_date"))
    ]


def validate_fields(
    doc_type: DocumentType, fields: Mapping[str, Any], today: dt.date | None = None
) -> list[Issue]:
    """Every finding for a document's normalised fields: per field, then the type's rules."""
    issues = validate_fields_of(doc_type.fields, fields, today) + _check_events(doc_type, fields)
    for rule in doc_type.rules:
        issues.extend(_DOCUMENT_RULES[rule](fields))
    return issues
