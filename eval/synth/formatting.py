"""Write normalised values the way people and programs put them on paper."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

DateStyle = Literal["dd.mm.yyyy", "d.m.yyyy", "dd.mm.yy", "d. month yyyy", "iso"]
MoneyStyle = Literal["1.234,50 €", "1.234,50", "1234,50 EUR", "EUR 1.234,50", "€ 1.234,50"]
PlateStyle = Literal["M-AB 1234", "M AB 1234", "M-AB1234"]

MONTH_NAMES = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


@dataclass(frozen=True)
class WritingStyle:
    """How one document writes its values; a template or a filler picks one."""

    date: DateStyle = "dd.mm.yyyy"
    money: MoneyStyle = "1.234,50 €"
    plate: PlateStyle = "M-AB 1234"
    group_iban: bool = True
    group_microchip: bool = False


def write_date(iso: str, style: DateStyle) -> str:
    date = dt.date.fromisoformat(iso)
    if style == "dd.mm.yyyy":
        return f"{date.day:02d}.{date.month:02d}.{date.year}"
    if style == "d.m.yyyy":
        return f"{date.day}.{date.month}.{date.year}"
    if style == "dd.mm.yy":
        return f"{date.day:02d}.{date.month:02d}.{date.year % 100:02d}"
    if style == "d. month yyyy":
        return f"{date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"
    return date.isoformat()


def group_thousands(amount: Decimal) -> str:
    """German digit grouping: 1234.5 -> '1.234,50'."""
    text = f"{amount:,.2f}"  # 1,234.50
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def write_money(value: str, style: MoneyStyle) -> str:
    amount = Decimal(value)
    grouped = group_thousands(amount)
    plain = f"{amount:.2f}".replace(".", ",")
    return {
        "1.234,50 €": f"{grouped} €",
        "1.234,50": grouped,
        "1234,50 EUR": f"{plain} EUR",
        "EUR 1.234,50": f"EUR {grouped}",
        "€ 1.234,50": f"€ {grouped}",
    }[style]


def write_amount(value: str) -> str:
    """An amount without currency, as in invoice tables: '1.234,50'."""
    return group_thousands(Decimal(value))


def write_iban(iban: str, grouped: bool) -> str:
    if not grouped:
        return iban
    return " ".join(iban[start : start + 4] for start in range(0, len(iban), 4))


def write_plate(plate: str, style: PlateStyle) -> str:
    district, rest = plate.split("-", 1)
    letters, digits = rest.split(" ", 1)
    if style == "M AB 1234":
        return f"{district} {letters} {digits}"
    if style == "M-AB1234":
        return f"{district}-{letters}{digits}"
    return plate


def write_microchip(number: str, grouped: bool) -> str:
    if not grouped:
        return number
    return f"{number[:3]} {number[3:7]} {number[7:11]} {number[11:]}"
