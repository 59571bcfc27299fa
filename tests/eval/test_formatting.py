"""Whatever way a value is written on paper, normalising it gives the value back."""

from __future__ import annotations

import datetime as dt
import random
import typing
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from eval.synth.formatting import (
    DateStyle,
    MoneyStyle,
    PlateStyle,
    write_date,
    write_iban,
    write_money,
    write_plate,
)
from eval.synth.values import make_iban, make_leitweg_id, make_vat_id
from extractors.normalise import (
    normalise_compact_code,
    normalise_date,
    normalise_license_plate,
    normalise_money,
)
from extractors.validation import iban_is_valid, leitweg_id_is_valid, vat_id_is_valid

TODAY = dt.date(2026, 11, 24)


@given(st.dates(dt.date(1940, 1, 1), dt.date(2035, 12, 31)), st.sampled_from(typing.get_args(DateStyle)))
def test_written_dates_read_back(date: dt.date, style: DateStyle) -> None:
    if style == "dd.mm.yy" and not dt.date(1937, 1, 1) <= date <= dt.date(2036, 12, 31):
        return  # two-digit years are only unambiguous within a century around today
    assert normalise_date(write_date(date.isoformat(), style), today=TODAY) == date.isoformat()


@given(
    st.decimals(Decimal("-99999.99"), Decimal("9999999.99"), places=2),
    st.sampled_from(typing.get_args(MoneyStyle)),
)
def test_written_amounts_read_back(amount: Decimal, style: MoneyStyle) -> None:
    assert normalise_money(write_money(str(amount), style)) == str(amount)


@given(
    st.text("ABCDEFGHIJKLMNOPRSTUVWZ", min_size=1, max_size=3),
    st.text("ABCDEFGHIJKLMNOPRSTUVWXYZ", min_size=1, max_size=2),
    st.integers(1, 9999),
    st.sampled_from(["", "E", "H"]),
    st.sampled_from(typing.get_args(PlateStyle)),
)
def test_written_plates_read_back(
    district: str, letters: str, number: int, suffix: str, style: PlateStyle
) -> None:
    plate = f"{district}-{letters} {number}{suffix}"
    if style == "M-AB1234" and suffix:
        style = "M-AB 1234"
    assert normalise_license_plate(write_plate(plate, style)) == plate


@given(st.text("0123456789", min_size=18, max_size=18), st.booleans())
def test_made_ibans_pass_mod97_grouped_or_not(bban: str, grouped: bool) -> None:
    iban = make_iban("DE", bban)
    assert iban_is_valid(iban)
    assert normalise_compact_code(write_iban(iban, grouped)) == iban


@given(st.integers(0, 2**32))
def test_made_leitweg_and_vat_ids_are_valid(seed: int) -> None:
    rng = random.Random(seed)
    fine = "".join(rng.choice("0123456789ABCDEFXYZ") for _ in range(rng.randint(1, 12)))
    assert leitweg_id_is_valid(make_leitweg_id("09162000", fine))
    assert vat_id_is_valid(make_vat_id(rng))
