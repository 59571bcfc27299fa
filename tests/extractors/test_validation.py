"""The catalogue's rules catch what a clerk would send back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from extractors.catalogue import load_catalogue
from extractors.validation import Issue, iban_is_valid, leitweg_id_is_valid, validate_fields

TODAY = dt.date(2026, 11, 24)


def _codes(type_id: str, fields: dict[str, Any]) -> set[tuple[str, str, str]]:
    issues: list[Issue] = validate_fields(load_catalogue().type(type_id), fields, today=TODAY)
    return {(issue.field, issue.code, issue.severity) for issue in issues}


def test_iban_checksum() -> None:
    assert iban_is_valid("DE89370400440532013000")
    assert not iban_is_valid("DE89370400440532013001")  # one digit off
    assert not iban_is_valid("DE8937040044053201300")  # one digit short
    assert not iban_is_valid("de89370400440532013000")  # not normalised


def test_leitweg_id_check_digits() -> None:
    assert leitweg_id_is_valid("991-33333TEST-33")  # the KoSIT test Leitweg-ID
    assert leitweg_id_is_valid("04011000-1234512345-06")
    assert not leitweg_id_is_valid("04011000-1234512345-07")
    assert not leitweg_id_is_valid("04011000 1234512345 06")


DOG = {
    "family_name": "Huber",
    "given_names": "Anna",
    "address": "Lindwurmstraße 12, 80337 München",
    "dog_breed": "Dackel",
    "kept_since": "2026-10-01",
    "iban": "DE89370400440532013000",
    "microchip_number": "276098100123456",
    "signature_date": "2026-10-03",
}


def test_a_complete_valid_dog_registration_has_no_findings() -> None:
    assert _codes("hundesteuer", DOG) == set()


def test_dog_registration_findings_name_field_and_rule() -> None:
    broken = DOG | {
        "iban": "DE89370400440532013001",
        "microchip_number": "27609810012345",
        "address": "Hauptstraße 1, 10115 Berlin",
    }
    del broken["kept_since"]
    assert _codes("hundesteuer", broken) == {
        ("iban", "iban", "error"),
        ("microchip_number", "microchip", "error"),
        ("address", "not_munich", "warning"),
        ("kept_since", "missing", "error"),
    }


def test_a_dog_kept_since_decades_before_the_signature_is_flagged_and_one_kept_since_last_year_is_not() -> (
    None
):
    """'Gehalten seit' with the owner's birth date in it is no date the form can mean."""
    assert _codes("hundesteuer", DOG | {"kept_since": "1971-04-02"}) == {
        ("kept_since", "far_from_signature", "error")
    }
    assert _codes("hundesteuer", DOG | {"kept_since": "2025-11-20"}) == set()
    unsigned = {key: value for key, value in DOG.items() if key != "signature_date"}
    assert _codes("hundesteuer", unsigned | {"kept_since": "1971-04-02"}) == {
        ("signature_date", "missing", "error")
    }


def test_findings_never_quote_the_value() -> None:
    issues = validate_fields(load_catalogue().type("hundesteuer"), DOG | {"iban": "DE00123"}, today=TODAY)
    assert issues and all("DE00123" not in issue.message for issue in issues)


INVOICE = {
    "invoice_number": "RE-2026-00017",
    "issue_date": "2026-10-01",
    "seller_name": "Muster Büro GmbH",
    "seller_vat_id": "DE123456789",
    "net_amount": "100.00",
    "tax_amount": "19.00",
    "gross_amount": "119.00",
}


def test_invoice_arithmetic_and_tax_ids() -> None:
    assert _codes("eingangsrechnung", INVOICE) == set()
    assert ("gross_amount", "arithmetic", "error") in _codes(
        "eingangsrechnung", INVOICE | {"gross_amount": "119.02"}
    )
    assert _codes("eingangsrechnung", INVOICE | {"gross_amount": "119.01"}) == set()  # rounding cent
    no_ids = {key: value for key, value in INVOICE.items() if key != "seller_vat_id"}
    assert ("seller_vat_id", "missing", "error") in _codes("eingangsrechnung", no_ids)
    assert ("seller_vat_id", "vat_id", "error") in _codes(
        "eingangsrechnung", INVOICE | {"seller_vat_id": "DE12345"}
    )
    late = INVOICE | {"due_date": "2026-09-01"}
    assert ("due_date", "due_before_issue", "error") in _codes("eingangsrechnung", late)


@pytest.mark.parametrize(
    ("birth_date", "expected"),
    [
        ("1899-12-31", "birth_date"),
        ("2027-01-01", "birth_date"),
        ("1990-02-30", "date"),
        ("1990-02-28", None),
    ],
)
def test_birth_dates_must_be_real_past_and_after_1900(birth_date: str, expected: str | None) -> None:
    person = {"family_name": "Huber", "given_names": "Anna", "birth_date": birth_date}
    fields = {
        "move_in_date": "2026-10-01",
        "new_address": "Lindwurmstraße 12, 80337 München",
        "dwelling_status": "alleinige",
        "persons": [person],
        "signature_date": "2026-10-02",
    }
    codes = {code for field, code, _ in _codes("meldeschein", fields) if field == "persons.0.birth_date"}
    assert codes == ({expected} if expected else set())


def test_plates_postcodes_choices_and_unknown_fields() -> None:
    fields = {
        "family_name": "Huber",
        "given_names": "Anna",
        "address": "Lindwurmstraße 12, München",
        "license_plate": "M-AB 01234",
        "vehicle_holder": "nachbar",
        "signature_date": "2026-10-02",
        "colour": "blau",
    }
    assert _codes("bewohnerparkausweis", fields) == {
        ("address", "postcode", "error"),
        ("license_plate", "license_plate", "error"),
        ("vehicle_holder", "choice", "error"),
        ("colour", "unknown_field", "error"),
    }
