"""Draw coherent, entirely fictitious field values for each document type."""

from __future__ import annotations

import datetime as dt
import random
import string
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from eval.synth import lexicon
from eval.synth.values import (
    CENT,
    MUNICH_MUNICIPALITY_KEY,
    OTHER_PLATE_DISTRICTS,
    InvoiceLine,
    SampledValues,
    ValueSource,
    make_leitweg_id,
    make_vat_id,
)
from extractors.validation import ID_DOCUMENT_ALPHABET


def _applicant(source: ValueSource) -> dict[str, Any]:
    sex = source.rng.choice(("weiblich", "maennlich"))
    return {"family_name": source.family_name(), "given_names": source.given_names(sex)}


def _nationality(source: ValueSource) -> str:
    return source.rng.choices(lexicon.NATIONALITIES, weights=lexicon.NATIONALITY_WEIGHTS)[0]


def sample_gewerbe(source: ValueSource, registering: bool) -> SampledValues:
    rng = source.rng
    values = _applicant(source)
    trade = rng.choice(lexicon.TRADES)
    legal_form = rng.choices(lexicon.LEGAL_FORMS, weights=[8] + [2] * (len(lexicon.LEGAL_FORMS) - 1))[0]
    values |= {
        "birth_date": source.birth_date(19, 72),
        "birth_place": rng.choice(lexicon.BIRTH_PLACES),
        "nationality": _nationality(source),
        "home_address": source.munich_address() if source.chance(0.85) else source.german_address(),
        "phone": source.phone(),
        "email": source.email(values["given_names"], values["family_name"]),
        "legal_form": legal_form,
        "business_address": source.munich_address(),
        "activity": trade.activity,
        "employees_fulltime": str(rng.choices((0, 1, 2, 3, 5, 8, 12), (10, 5, 4, 3, 2, 1, 1))[0]),
        "employees_parttime": str(rng.choices((0, 1, 2, 3, 4, 6), (10, 5, 4, 2, 1, 1))[0]),
    }
    if legal_form != "Einzelunternehmen" or source.chance(0.5):
        words = rng.sample(trade.name_words, k=min(2, len(trade.name_words)))
        owner = (
            values["family_name"]
            if source.chance(0.5)
            else rng.choice(("Isar", "Bavaria", "Alpen", "Südstadt", "Westend", "Auer"))
        )
        suffix = "" if legal_form in ("Einzelunternehmen", "GbR") else f" {legal_form}"
        values["business_name"] = f"{owner} {' '.join(words)}{suffix}"
    if not source.chance(0.85):
        del values["phone"]
    if not source.chance(0.75):
        del values["email"]
    event_date = source.date_between(120, 45)
    if registering:
        values["start_date"] = event_date
        values["reason"] = rng.choices(
            ("neuerrichtung", "uebernahme", "umwandlung", "verlegung"), (7, 2, 1, 1)
        )[0]
    else:
        values["end_date"] = event_date
        values["reason"] = rng.choices(("aufgabe", "verlegung", "uebergabe", "umwandlung"), (7, 2, 2, 1))[0]
    values["signature_date"] = source.days_after(event_date, -20, 5)
    return SampledValues(values, {"trade": trade})


def sample_wohnungsgeberbestaetigung(source: ValueSource) -> SampledValues:
    rng = source.rng
    company_landlord = source.chance(0.4)
    if company_landlord:
        kind = rng.choice(("Wohnbau", "Hausverwaltung", "Immobilien", "Grundbesitz"))
        landlord = f"{kind} {source.family_name()} {rng.choice(lexicon.COMPANY_SUFFIXES)}"
    else:
        landlord = source.person_name()
    family = source.family_name()
    household = rng.choices((1, 2, 3, 4), (5, 4, 2, 1))[0]
    persons = [
        f"{source.given_names()} {family if index == 0 or source.chance(0.7) else source.family_name()}"
        for index in range(household)
    ]
    event = "einzug" if source.chance(0.8) else "auszug"
    event_date = source.date_between(60, 20)
    values: dict[str, Any] = {
        "landlord_name": landlord,
        "landlord_address": source.munich_address() if source.chance(0.6) else source.german_address(),
        "event": event,
        "event_date": event_date,
        "dwelling_address": source.munich_address(),
        "persons": persons,
        "signature_date": source.days_after(event_date, -10, 10),
    }
    if company_landlord and source.chance(0.5):
        values["owner_name"] = source.person_name()
    return SampledValues(values)


def sample_meldeschein(source: ValueSource) -> SampledValues:
    rng = source.rng
    family = source.family_name()
    household = rng.choices((1, 2, 3, 4), (6, 4, 2, 1))[0]
    persons: list[dict[str, str]] = []
    for index in range(household):
        sex = rng.choices(("weiblich", "maennlich", "divers", "ohne_angabe"), (48, 48, 1, 1))[0]
        child = index >= 2
        person = {
            "family_name": family if index == 0 or source.chance(0.75) else source.family_name(),
            "given_names": source.given_names(sex),
            "birth_date": source.birth_date(1, 16) if child else source.birth_date(18, 85),
            "birth_place": rng.choice(lexicon.BIRTH_PLACES),
            "sex": sex,
            "nationality": _nationality(source),
        }
        persons.append(person)
    move_in = source.date_between(40, 0)
    values: dict[str, Any] = {
        "move_in_date": move_in,
        "new_address": source.munich_address(),
        "dwelling_status": rng.choices(("alleinige", "haupt", "neben"), (8, 2, 1))[0],
        "persons": persons,
        "id_document_number": _id_document_number(rng),
        "signature_date": source.days_after(move_in, 0, 14),
    }
    if source.chance(0.85):
        values["previous_address"] = (
            source.german_address() if source.chance(0.7) else source.munich_address()
        )
    return SampledValues(values)


def _id_document_number(rng: random.Random) -> str:
    """Identity card serial: a letter of the ICAO alphabet, then eight letters or digits."""
    letters = ID_DOCUMENT_ALPHABET.rstrip("0123456789")
    return rng.choice(letters) + "".join(rng.choice(ID_DOCUMENT_ALPHABET) for _ in range(8))


def sample_bewohnerparkausweis(source: ValueSource) -> SampledValues:
    rng = source.rng
    values = _applicant(source)
    holder = rng.choices(("selbst", "arbeitgeber", "leasing", "sonstige"), (14, 3, 3, 1))[0]
    district = "M" if holder == "selbst" or source.chance(0.6) else rng.choice(OTHER_PLATE_DISTRICTS)
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(1, 2)))
    number = str(rng.randint(1, 9999))
    suffix = "E" if source.chance(0.06) else ""
    signature = source.date_between(30, 0)
    values |= {
        "address": source.munich_address(),
        "license_plate": f"{district}-{letters} {number}{suffix}",
        "vehicle_holder": holder,
        "parking_zone": str(rng.randint(101, 999)),
        "valid_from": source.days_after(signature, 1, 30),
        "email": source.email(values["given_names"], values["family_name"]),
        "signature_date": signature,
    }
    if not source.chance(0.6):
        del values["email"]
    if not source.chance(0.8):
        del values["valid_from"]
    return SampledValues(values)


def sample_hundesteuer(source: ValueSource) -> SampledValues:
    rng = source.rng
    values = _applicant(source)
    dog_birth = (source.today - dt.timedelta(days=rng.randint(60, 12 * 365))).isoformat()
    # A puppy comes home at eight weeks at the earliest; older dogs are often adopted or move in.
    earliest = (dt.date.fromisoformat(dog_birth) + dt.timedelta(days=56)).isoformat()
    kept_since = max(earliest, source.date_between(120, -5))
    values |= {
        "address": source.munich_address(),
        "dog_breed": rng.choice(lexicon.DOG_BREEDS),
        "dog_birth_date": dog_birth,
        "kept_since": kept_since,
        "microchip_number": "276" + "".join(rng.choice(string.digits) for _ in range(12)),
        "signature_date": source.days_after(kept_since, 0, 30),
    }
    if source.chance(0.8):
        values["iban"] = source.iban()
        if source.chance(0.85):
            values["account_holder"] = f"{values['given_names']} {values['family_name']}"
        else:
            values["account_holder"] = source.person_name()
    if not source.chance(0.85):
        del values["microchip_number"]
    if not source.chance(0.8):
        del values["dog_birth_date"]
    return SampledValues(values)


def _invoice_number(rng: random.Random, year: int) -> str:
    number = rng.randint(10, 99999)
    patterns = (
        f"RE-{year}-{number:05d}",
        f"{year}/{number}",
        f"R{rng.randint(100000, 999999)}",
        f"INV-{year}{rng.randint(1000, 9999)}",
        f"{rng.randint(1, 9)}{number:05d}",
        f"RG{year % 100:02d}-{number:04d}",
    )
    return rng.choice(patterns)


def sample_invoice_lines(rng: random.Random, supplier: lexicon.Supplier, count: int) -> list[InvoiceLine]:
    lines = []
    for item in rng.sample(supplier.items, k=min(count, len(supplier.items))) + [
        rng.choice(supplier.items) for _ in range(max(0, count - len(supplier.items)))
    ]:
        low, high = Decimal(item.min_price), Decimal(item.max_price)
        price = (low + (high - low) * Decimal(rng.random())).quantize(CENT, ROUND_HALF_UP)
        if item.unit in ("Pauschal", "Monat", "Pkt.", "Tag", "Satz", "Zeile"):
            quantity = Decimal(rng.randint(1, 4))
        elif item.unit in ("Std.", "m²", "m³", "kg", "lfm", "l", "t"):
            quantity = Decimal(rng.randint(2, 80)) / (2 if rng.random() < 0.3 else 1)
        else:
            quantity = Decimal(rng.choice((1, 2, 3, 4, 5, 6, 10, 12, 20, 24, 50, 100)))
        lines.append(InvoiceLine(item.description, quantity, item.unit, price, item.vat_rate))
    return lines


def invoice_totals(lines: list[InvoiceLine]) -> tuple[Decimal, dict[int, Decimal], dict[int, Decimal]]:
    """Net total, net per VAT rate and tax per VAT rate (tax rounded per rate, as §14 UStG invoices do)."""
    net_by_rate: dict[int, Decimal] = {}
    for line in lines:
        net_by_rate[line.vat_rate] = net_by_rate.get(line.vat_rate, Decimal(0)) + line.net
    tax_by_rate = {
        rate: (net * rate / 100).quantize(CENT, ROUND_HALF_UP) for rate, net in net_by_rate.items()
    }
    return sum(net_by_rate.values(), Decimal(0)), net_by_rate, tax_by_rate


def sample_eingangsrechnung(source: ValueSource) -> SampledValues:
    rng = source.rng
    supplier = rng.choice(lexicon.SUPPLIERS)
    founder = source.family_name()
    seller = f"{founder} {rng.choice(supplier.name_words)} {rng.choice(lexicon.COMPANY_SUFFIXES)}"
    if source.chance(0.3):
        region = rng.choice(("Süd", "Bayern", "Service", "Partner", "Direkt"))
        seller = f"{rng.choice(supplier.name_words)} {region} {rng.choice(lexicon.COMPANY_SUFFIXES)}"
    count = rng.randint(24, 42) if source.long_document else rng.randint(1, 8)
    lines = sample_invoice_lines(rng, supplier, count)
    net, net_by_rate, tax_by_rate = invoice_totals(lines)
    tax = sum(tax_by_rate.values(), Decimal(0))
    gross = net + tax
    issue = source.date_between(90, 0)
    year = dt.date.fromisoformat(issue).year
    payment_days = rng.choice((10, 14, 14, 30, 30))
    values: dict[str, Any] = {
        "invoice_number": _invoice_number(rng, year),
        "issue_date": issue,
        "seller_name": seller,
        "seller_address": source.munich_address() if source.chance(0.35) else source.german_address(),
        "currency": "EUR",
        "net_amount": str(net),
        "tax_amount": str(tax),
        "gross_amount": str(gross),
    }
    if source.chance(0.7):
        values["due_date"] = source.days_after(issue, payment_days, payment_days)
    if source.chance(0.75):
        fine = "".join(rng.choice(string.digits) for _ in range(rng.randint(3, 6)))
        values["buyer_reference"] = make_leitweg_id(MUNICH_MUNICIPALITY_KEY, fine)
    has_vat_id = source.chance(0.8)
    if has_vat_id:
        values["seller_vat_id"] = make_vat_id(rng)
    if not has_vat_id or source.chance(0.4):
        values["seller_tax_number"] = (
            f"{rng.randint(100, 199)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"
        )
    prepaid = Decimal(0)
    if source.chance(0.55):
        if source.chance(0.2):
            prepaid = (gross * Decimal(rng.choice((20, 30, 50))) / 100).quantize(CENT, ROUND_HALF_UP)
        values["amount_due"] = str(gross - prepaid)
    if source.chance(0.9):
        values["iban"] = source.iban()
    extras = {
        "supplier": supplier,
        "lines": lines,
        "net_by_rate": net_by_rate,
        "tax_by_rate": tax_by_rate,
        "prepaid": prepaid,
        "payment_days": payment_days,
        "buyer": rng.choice(lexicon.MUNICH_OFFICES),
        "customer_number": str(rng.randint(10000, 999999)),
    }
    return SampledValues(values, extras)


def sample_widerspruch(source: ValueSource) -> SampledValues:
    rng = source.rng
    decision = rng.choice(lexicon.CONTESTED_DECISIONS)
    letter_date = source.date_between(60, 0)
    decision_date = source.days_after(letter_date, -28, -3)
    values: dict[str, Any] = {
        "sender_name": source.person_name(),
        "sender_address": source.munich_address() if source.chance(0.9) else source.german_address(),
        "decision_date": decision_date,
        "letter_date": letter_date,
        "subject": decision.subject,
    }
    if source.chance(0.85):
        year = dt.date.fromisoformat(decision_date).year
        values["file_reference"] = f"{decision.reference_prefix}/{rng.randint(100, 99999)}/{year}"
    sentences = rng.sample(lexicon.OBJECTION_SENTENCES, k=rng.randint(3, 6))
    return SampledValues(values, {"decision": decision, "sentences": sentences})


SAMPLERS: dict[str, Callable[[ValueSource], SampledValues]] = {
    "gewerbeanmeldung": lambda source: sample_gewerbe(source, registering=True),
    "gewerbeabmeldung": lambda source: sample_gewerbe(source, registering=False),
    "wohnungsgeberbestaetigung": sample_wohnungsgeberbestaetigung,
    "meldeschein": sample_meldeschein,
    "bewohnerparkausweis": sample_bewohnerparkausweis,
    "hundesteuer": sample_hundesteuer,
    "eingangsrechnung": sample_eingangsrechnung,
    "widerspruch": sample_widerspruch,
}
