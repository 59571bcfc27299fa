"""The manual-vs-assisted time and money model gives the spec's numbers and takes the city's own."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from eval.costs import (
    CostParameters,
    DocumentCase,
    FieldCase,
    assisted_minutes,
    eur,
    hand_calculation,
    load_parameters,
    manual_minutes,
    summarise,
)
from extractors.catalogue import KindName, load_catalogue


@pytest.fixture(scope="module")
def p() -> CostParameters:
    return load_parameters()


def parking_permit(
    *, straight_through: bool = False, holder: typing.Literal["accepted", "flagged", "missing"] = "accepted"
) -> DocumentCase:
    """A Bewohnerparkausweis as a clerk would type it: names, an address, a plate, a tick, a date."""
    return DocumentCase(
        "bewohnerparkausweis",
        (
            FieldCase("family_name", "name", 5, "accepted", True),  # Huber
            FieldCase("given_names", "name", 4, "accepted", True),  # Anna
            FieldCase("address", "address", 32, "accepted", True),  # Lindwurmstraße 12, 80337 München
            FieldCase("license_plate", "license_plate", 9, "accepted", True),  # M-AB 1234
            FieldCase("vehicle_holder", "choice", 0, holder, True),
            FieldCase("signature_date", "date", 10, "accepted", True),  # 15.10.2026
        ),
        straight_through=straight_through,
    )


PARKING_KEYS = (
    ("family_name", 5),
    ("given_names", 4),
    ("address", 32),
    ("license_plate", 9),
    ("vehicle_holder", 0),
    ("signature_date", 10),
)


def test_manual_minutes_follow_the_spec_formula_by_hand(p: CostParameters) -> None:
    # T_handle: sichten 5 + Eingang bestätigen 5 + übermitteln 1 + archivieren 2 = 13 min
    handle = 5 + 5 + 1 + 2
    # per field (M + (chars + 1) · t_key) seconds; names and addresses 0.28 s, codes 0.75 s per key
    family_name = 1.35 + (5 + 1) * 0.28  # 3.03
    given_names = 1.35 + (4 + 1) * 0.28  # 2.75
    address = 1.35 + (32 + 1) * 0.28  # 10.59
    license_plate = 1.35 + (9 + 1) * 0.75  # 8.85
    vehicle_holder = 1.35 + 1.10 + 0.20  # checkbox: 2.65
    signature_date = 1.35 + (10 + 1) * 0.75  # 9.60
    typing_minutes = (
        family_name + given_names + address + license_plate + vehicle_holder + signature_date
    ) / 60  # 37.47 s = 0.6245 min
    errors = 0.0029 * 6 * 30  # p_err · n_fields · T_fix = 0.522 min
    expected = handle + typing_minutes + errors  # 14.1465 min

    assert expected == pytest.approx(14.1465)
    assert manual_minutes(parking_permit(), p) == pytest.approx(expected)
    # 14.1465 min / 60 * 40.70 €/h * 1.28 = 12.28 €
    assert eur(manual_minutes(parking_permit(), p), p) == pytest.approx(14.1465 / 60 * 40.70 * 1.28)


def test_hand_calculation_shows_the_same_numbers(p: CostParameters) -> None:
    lines = hand_calculation("bewohnerparkausweis", PARKING_KEYS, p)
    text = "\n".join(lines)
    assert "T_handle = sichten 5 + eingang_bestaetigen 5 + uebermitteln 1 + archivieren 2 = 13.00 min" in text
    assert "(1.35 + (9 + 1) × 0.75) / 60" in text  # the plate typed as a code
    assert "(1.35 + 1.10 + 0.20) / 60" in text  # the holder ticked
    assert "0.0029 × 6 × 30 = 0.5220 min" in text
    assert lines[-2].endswith(f"= {manual_minutes(parking_permit(), p):.2f} min")
    assert lines[-1].endswith("= 12.28 €")


def test_hand_calculation_reads_record_sub_fields_from_the_catalogue(p: CostParameters) -> None:
    lines = hand_calculation("meldeschein", [("persons.birth_date", 10), ("persons.sex", 0)], p)
    assert any(line.startswith("persons.birth_date (date, keystroke_code 0.75 s") for line in lines)
    assert any(line.startswith("persons.sex (choice, checkbox)") for line in lines)


def test_a_perfect_straight_through_document_costs_only_what_is_left_of_handling(p: CostParameters) -> None:
    # the pipeline leaves Eingang bestätigen 5 + übermitteln 1 = 6 min
    assert assisted_minutes(parking_permit(straight_through=True), p) == pytest.approx(6.0)


def test_invoices_and_other_letters_have_their_own_handling(p: CostParameters) -> None:
    invoice = DocumentCase("eingangsrechnung", (), straight_through=True)
    other = DocumentCase("sonstiges", (), straight_through=False)
    assert manual_minutes(invoice, p) == pytest.approx(5 + 1 + 2)  # no acknowledgement to suppliers
    assert assisted_minutes(invoice, p) == pytest.approx(1)
    assert assisted_minutes(other, p) == pytest.approx(manual_minutes(other, p)) == pytest.approx(13)


def test_a_wrong_accepted_field_costs_more_than_the_same_field_flagged(p: CostParameters) -> None:
    def with_plate(status: typing.Literal["accepted", "flagged"], straight: bool) -> DocumentCase:
        plate = FieldCase("license_plate", "license_plate", 9, status, correct=False)
        return DocumentCase("bewohnerparkausweis", (plate,), straight_through=straight)

    flagged = assisted_minutes(with_plate("flagged", straight=False), p)
    assert flagged == pytest.approx(6 + (1.35 + 1.10 + (9 + 1) * 0.75) / 60)  # look and retype
    assert assisted_minutes(with_plate("accepted", straight=False), p) == pytest.approx(6 + 30)
    assert assisted_minutes(with_plate("accepted", straight=True), p) == pytest.approx(6 + 30)
    assert assisted_minutes(with_plate("accepted", straight=False), p) > flagged


def test_a_missed_field_is_typed_in_review_but_an_error_when_nobody_looks(p: CostParameters) -> None:
    reviewed = assisted_minutes(parking_permit(holder="missing"), p)
    assert reviewed == pytest.approx(6 + (1.35 + 1.10 + 0.20) / 60)  # look, then tick the box
    assert assisted_minutes(parking_permit(straight_through=True, holder="missing"), p) == pytest.approx(36)


def test_a_flagged_right_value_costs_only_the_look(p: CostParameters) -> None:
    assert assisted_minutes(parking_permit(holder="flagged"), p) == pytest.approx(6 + (1.35 + 1.10) / 60)


def test_straight_through_documents_have_no_flagged_fields() -> None:
    with pytest.raises(ValueError, match="straight through"):
        parking_permit(straight_through=True, holder="flagged")


def test_a_toml_file_replaces_only_the_values_it_names(p: CostParameters, tmp_path: Path) -> None:
    city = tmp_path / "muenchen.toml"
    city.write_text(
        '[wages]\nclerk_group = "einfacher_mittlerer"\n\n[errors]\nt_fix_minutes = 45.0\n', "utf-8"
    )
    mine = load_parameters(city)
    assert mine.wages.overhead_factor == 1.28  # kept from the defaults
    # only the error term changes: 0.0029 * 6 * (45 - 30) more minutes
    difference = manual_minutes(parking_permit(), mine) - manual_minutes(parking_permit(), p)
    assert difference == pytest.approx(0.0029 * 6 * 15)
    assert eur(60, mine) == pytest.approx(25.50 * 1.28)


def test_dotted_overrides_apply_over_the_file(tmp_path: Path) -> None:
    city = tmp_path / "muenchen.toml"
    city.write_text("[wages]\noverhead_factor = 1.5\n", "utf-8")
    mine = load_parameters(
        city, {"wages.overhead_factor": 1.0, "handling.activities": ["sichten"], "klm.keystroke_code": 0.5}
    )
    assert eur(60, mine) == pytest.approx(40.70)
    plate = FieldCase("license_plate", "license_plate", 9, "accepted", True)
    # sichten 5 + (1.35 + 10 * 0.5) / 60 + 0.0029 * 1 * 30
    expected = 5 + (1.35 + 10 * 0.5) / 60 + 0.0029 * 30
    assert manual_minutes(DocumentCase("hundesteuer", (plate,), False), mine) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"wages.overhead_facter": 1.3}, "wages.overhead_facter"),
        ({"speed": 2}, "speed"),
        ({"volumes.cases_per_year.meldescheine": 10}, "meldescheine"),
        ({"keying.kinds.barcode": "keystroke_code"}, "barcode"),
        ({"handling.assisted_activities": ["kaffee"]}, "kaffee"),
    ],
)
def test_unknown_keys_are_refused_by_name(overrides: dict[str, typing.Any], named: str) -> None:
    with pytest.raises(ValueError, match=named):
        load_parameters(overrides=overrides)


def test_an_unknown_key_in_a_file_is_refused_by_name(tmp_path: Path) -> None:
    city = tmp_path / "muenchen.toml"
    city.write_text("[klm]\nkeystrok_average = 0.3\n", "utf-8")
    with pytest.raises(ValueError, match=r"klm\.keystrok_average"):
        load_parameters(city)


def test_every_catalogue_kind_is_keyed_as_the_catalogue_says(p: CostParameters) -> None:
    expected = {"text": "keystroke_average", "code": "keystroke_code", "checkbox": "checkbox"}
    kinds = load_catalogue().kinds
    assert set(typing.get_args(KindName)) <= set(p.keying.kinds)
    assert {kind: p.keying.kinds[kind] for kind in kinds} == {
        kind: expected[spec.keying] for kind, spec in kinds.items()
    }


def benchmark() -> list[DocumentCase]:
    """Three parking permits (one straight through, one with a wrong accepted field) and two dog
    tax forms (one with a missed field that went straight through)."""
    holder_wrong = FieldCase("vehicle_holder", "choice", 0, "accepted", False)
    chip = FieldCase("microchip_number", "microchip", 15, "missing", False)
    breed = FieldCase("dog_breed", "text", 7, "accepted", True)
    return [
        parking_permit(straight_through=True),
        parking_permit(holder="flagged"),
        DocumentCase("bewohnerparkausweis", (*parking_permit().fields[:4], holder_wrong), False, pages=2),
        DocumentCase("hundesteuer", (breed, chip), straight_through=True),
        DocumentCase("hundesteuer", (breed,), straight_through=False),
    ]


def test_overall_is_the_case_weighted_mean_of_the_types(p: CostParameters) -> None:
    summary = summarise(benchmark(), p)
    parking, dogs = summary["per_type"]["bewohnerparkausweis"], summary["per_type"]["hundesteuer"]
    overall = summary["overall"]
    assert (parking["documents"], dogs["documents"], overall["documents"]) == (3, 2, 5)
    for name in (
        "manual_minutes_per_doc",
        "assisted_minutes_per_doc",
        "saved_minutes_per_doc",
        "manual_eur_per_doc",
        "saved_eur_per_doc",
        "straight_through_rate",
    ):
        weighted = (3 * parking[name] + 2 * dogs[name]) / 5
        assert overall[name] == pytest.approx(weighted, abs=0.01), name
    assert overall["straight_through_rate"] == 2 / 5


def test_residual_error_rate_counts_what_nobody_will_correct(p: CostParameters) -> None:
    summary = summarise(benchmark(), p)
    # parking: 6 + 5 + 5 accepted (the flagged holder is not), the accepted wrong holder;
    # dogs: breed and the chip missed in a straight-through document, then breed: the chip is wrong
    assert summary["per_type"]["bewohnerparkausweis"]["residual_field_error_rate"] == round(1 / 16, 4)
    assert summary["per_type"]["hundesteuer"]["residual_field_error_rate"] == round(1 / 3, 4)
    assert summary["overall"]["residual_field_error_rate"] == round(2 / 19, 4)
    assert summary["overall"]["accepted_fields"] == 19
    assert summary["overall"]["human_single_entry_error_rate"] == 0.0029


def test_yearly_projection_is_volume_times_the_saving_per_document() -> None:
    p = load_parameters(overrides={"volumes.cases_per_year.hundesteuer": 12000})
    cases = benchmark()
    dogs = [case for case in cases if case.document_type == "hundesteuer"]
    saved_per_doc = sum(manual_minutes(c, p) - assisted_minutes(c, p) for c in dogs) / len(dogs)
    yearly = summarise(cases, p)["per_type"]["hundesteuer"]["yearly"]
    assert yearly["cases_per_year"] == 12000
    assert yearly["hours_saved"] == pytest.approx(12000 * saved_per_doc / 60, abs=0.01)
    assert yearly["eur_saved"] == pytest.approx(eur(12000 * saved_per_doc, p), abs=0.01)
    assert yearly["manual_hours"] - yearly["assisted_hours"] == pytest.approx(yearly["hours_saved"], abs=0.02)


def test_overall_yearly_is_the_sum_of_the_types(p: CostParameters) -> None:
    summary = summarise(benchmark(), p)
    parking, dogs = (summary["per_type"][t]["yearly"] for t in ("bewohnerparkausweis", "hundesteuer"))
    overall = summary["overall"]["yearly"]
    assert overall["cases_per_year"] == 60000 + 10000
    assert overall["hours_saved"] == pytest.approx(parking["hours_saved"] + dogs["hours_saved"], abs=0.01)
    assert overall["eur_saved"] == pytest.approx(parking["eur_saved"] + dogs["eur_saved"], abs=0.01)
    assert summary["placeholders"] == ["volumes", "compute"]


def test_compute_cost_per_document_from_seconds_and_price(p: CostParameters) -> None:
    summary = summarise(benchmark(), p, {"cpu": 1.8, "partner_gpu": 0.3})
    # 1.8 s at 0.40 €/h = 0.0002 €; 0.3 s at 3.00 €/h = 0.00025 €
    assert summary["compute"]["cpu"]["eur_per_doc"] == pytest.approx(1.8 / 3600 * 0.40)
    assert summary["compute"]["partner_gpu"]["eur_per_doc"] == pytest.approx(0.3 / 3600 * 3.00)
    assert summary["compute"]["partner_gpu"]["eur_per_year"] == pytest.approx(
        70000 * 0.3 / 3600 * 3, abs=0.01
    )
    with pytest.raises(ValueError, match="quantum"):
        summarise(benchmark(), p, {"quantum": 1.0})


def test_machine_costs_and_the_partners_break_even_volume() -> None:
    from eval.economics import economics

    p = load_parameters(
        overrides={
            "compute.eur_per_hour": {"cpu": 0.36, "local_gpu": 1.8, "partner_gpu": 3.6},
            "compute.gpu_seconds_per_doc": 0.01,
            "compute.partner_monthly_fee_eur": 100.0,
        }
    )
    result = economics(read_seconds=2.0, model_cpu_seconds=10.0, p=p)
    per_1000 = result["eur_per_1000_documents"]
    assert per_1000["cpu"] == pytest.approx(1000 * 12 * 0.36 / 3600)  # 1.2 EUR
    assert per_1000["partner_gpu"] == pytest.approx(1000 * (2 * 0.36 + 0.01 * 3.6) / 3600)  # 0.21 EUR
    # the partner saves 0.00099 EUR a document: 100 EUR a month is earned back from 101,011 documents
    assert result["partner_break_even_documents_per_month"] == 101_011
    cheap_cpu = economics(read_seconds=2.0, model_cpu_seconds=0.05, p=p)
    assert cheap_cpu["partner_break_even_documents_per_month"] is None
    assert "never pays off" in cheap_cpu["note"]
