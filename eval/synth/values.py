"""Random sources and value types for generated documents: addresses, people, codes, invoice lines."""

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from faker import Faker

from eval.synth import lexicon

CENT = Decimal("0.01")
# Munich's official municipality key (Amtlicher Gemeindeschlüssel): the coarse part of
# the Leitweg-IDs on invoices to the city. The fine parts drawn here are invented.
MUNICH_MUNICIPALITY_KEY = "09162000"
# E-mail domains reserved for examples (RFC 2606/6761): no real mailbox is ever addressed.
EXAMPLE_MAIL_DOMAINS = ("example.com", "example.org", "example.net", "post.example", "mail.test")
OTHER_PLATE_DISTRICTS = ("FS", "DAH", "EBE", "STA", "FFB", "ED", "RO", "A", "IN", "LL", "TÖL")


@dataclass(frozen=True)
class Address:
    """An address in parts, so a form can spread it over several boxes."""

    street: str
    postcode: str
    city: str

    @property
    def town(self) -> str:
        return f"{self.postcode} {self.city}"

    @property
    def value(self) -> str:
        return f"{self.street}, {self.town}"


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    vat_rate: int

    @property
    def net(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(CENT, ROUND_HALF_UP)


@dataclass
class SampledValues:
    """Normalised field values (Address objects until written) plus what the layout needs."""

    fields: dict[str, Any]
    extras: dict[str, Any] = field(default_factory=dict)

    def truth_fields(self) -> dict[str, Any]:
        """The normalised values the ground truth stores, addresses as strings."""
        return {key: _plain(value) for key, value in self.fields.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, Address):
        return value.value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


@dataclass
class ValueSource:
    """Random sources for one document: its own RNG and a Faker seeded from it."""

    rng: random.Random
    fake: Faker
    today: dt.date
    long_document: bool = False

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def date_between(self, days_before: int, days_after: int = 0) -> str:
        offset = self.rng.randint(-days_before, days_after)
        return (self.today + dt.timedelta(days=offset)).isoformat()

    def days_after(self, iso: str, low: int, high: int) -> str:
        return (dt.date.fromisoformat(iso) + dt.timedelta(days=self.rng.randint(low, high))).isoformat()

    def birth_date(self, youngest: int = 18, oldest: int = 80) -> str:
        age_days = self.rng.randint(youngest * 365 + 10, oldest * 365)
        return (self.today - dt.timedelta(days=age_days)).isoformat()

    def given_names(self, sex: str | None = None) -> str:
        def one() -> str:
            if sex == "weiblich":
                return _latin(self.fake.first_name_female())
            if sex == "maennlich":
                return _latin(self.fake.first_name_male())
            return _latin(self.fake.first_name())

        return f"{one()} {one()}" if self.chance(0.2) else one()

    def family_name(self) -> str:
        name = _latin(self.fake.last_name())
        if self.chance(0.06):
            name = f"{name}-{_latin(self.fake.last_name())}"
        return name

    def munich_address(self) -> Address:
        street = self.rng.choice(lexicon.MUNICH_STREETS)
        name = street.name
        if name.endswith("straße") and self.chance(0.3):
            name = name.removesuffix("aße") + "."
        return Address(f"{name} {self.house_number()}", street.postcode, "München")

    def german_address(self) -> Address:
        street = _latin(self.fake.street_name())
        return Address(f"{street} {self.house_number()}", self.fake.postcode(), _latin(self.fake.city()))

    def house_number(self) -> str:
        number = str(self.rng.choice((self.rng.randint(1, 30), self.rng.randint(1, 160))))
        return number + self.rng.choice("ab") if self.chance(0.08) else number

    def email(self, given: str, family: str) -> str:
        local = _ascii(f"{given.split()[0]}.{family}".lower())
        if self.chance(0.3):
            local += str(self.rng.randint(1, 99))
        return f"{local}@{self.rng.choice(EXAMPLE_MAIL_DOMAINS)}"

    def phone(self) -> str:
        digits = "".join(self.rng.choice(string.digits) for _ in range(self.rng.randint(6, 8)))
        if self.chance(0.5):
            prefix = self.rng.choice(("0151", "0160", "0171", "0176", "0152"))
            return self.rng.choice((f"{prefix} {digits}", f"{prefix}/{digits}", f"+49 {prefix[1:]} {digits}"))
        return self.rng.choice((f"089 {digits}", f"089/{digits}", f"+49 89 {digits}"))

    def iban(self) -> str:
        bank_code = "".join(self.rng.choice(string.digits) for _ in range(8))
        account = "".join(self.rng.choice(string.digits) for _ in range(10))
        return make_iban("DE", bank_code + account)

    def person_name(self) -> str:
        return f"{self.given_names()} {self.family_name()}"


def _latin(text: str) -> str:
    """Keep to characters the standard PDF fonts can show (cp1252), as German forms do."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return _ascii(text)
    return text


def _ascii(text: str) -> str:
    for umlaut, spelled in (
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("ß", "ss"),
        ("Ä", "Ae"),
        ("Ö", "Oe"),
        ("Ü", "Ue"),
    ):
        text = text.replace(umlaut, spelled)
    return "".join(char for char in text if char.isascii() and (char.isalnum() or char in ".-_"))


def _check_digits(body: str) -> str:
    """ISO 7064 MOD 97-10 check digits for an alphanumeric body."""
    number = int("".join(str(int(char, 36)) for char in body + "00"))
    return f"{98 - number % 97:02d}"


def make_iban(country: str, bban: str) -> str:
    return country + _check_digits(bban + country) + bban


def make_leitweg_id(coarse: str, fine: str) -> str:
    return f"{coarse}-{fine}-{_check_digits(coarse + fine)}"


def make_vat_id(rng: random.Random) -> str:
    """DE + 8 digits + the Bundeszentralamt's ISO 7064 MOD 11,10 check digit."""
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
    product = 10
    for digit in digits:
        total = (digit + product) % 10 or 10
        product = (2 * total) % 11
    check = (11 - product) % 10
    return "DE" + "".join(map(str, digits)) + str(check)
