"""Written values become the catalogue's normalised form, or a clear error."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.catalogue import load_catalogue
from extractors.normalise import (
    NormalisationError,
    normalise_address,
    normalise_code,
    normalise_compact_code,
    normalise_currency,
    normalise_date,
    normalise_email,
    normalise_iban,
    normalise_license_plate,
    normalise_money,
    normalise_name,
    normalise_phone,
    normalise_text,
    normalise_value,
)

TODAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("03.05.2024", "2024-05-03"),
        ("3.5.2024", "2024-05-03"),
        ("3. Mai 2024", "2024-05-03"),
        ("03. März 2025", "2025-03-03"),
        ("1. Dez. 2025", "2025-12-01"),
        ("2024-05-03", "2024-05-03"),
        ("12.05.64", "1964-05-12"),
        ("01.02.31", "2031-02-01"),
        (" 29.02.2024 ", "2024-02-29"),
        ("14. Oktober 2026.", "2026-10-14"),  # the date ends a sentence
        ("10.10.26.", "2026-10-10"),
        ("4.'Oktober 2026", "2026-10-04"),  # a scan's speck read as a quote mark
    ],
)
def test_dates_in_german_spellings_become_iso(written: str, iso: str) -> None:
    assert normalise_date(written, today=TODAY) == iso


@pytest.mark.parametrize("written", ["31.02.2024", "3. Maiz 2024", "gestern", "2024/13/01"])
def test_impossible_or_unreadable_dates_are_errors(written: str) -> None:
    with pytest.raises(NormalisationError):
        normalise_date(written, today=TODAY)


@pytest.mark.parametrize("written", ["089 1234567", "+49 89 4139695", "0160/22849142", "(089) 233-96000"])
def test_telephone_numbers_are_kept_as_written(written: str) -> None:
    assert normalise_phone(written) == written


@pytest.mark.parametrize("written", ["089", "Das Formular kann am Bildschirm ausgefüllt werden", "E-Mail"])
def test_what_is_no_telephone_number_is_an_error(written: str) -> None:
    with pytest.raises(NormalisationError):
        normalise_phone(written)


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1.234,50 €", "1234.50"),
        ("EUR 1.234,50", "1234.50"),
        ("1234,5", "1234.50"),
        ("1 234,50 EUR", "1234.50"),
        ("€ 12", "12.00"),
        ("1.234", "1234.00"),
        ("-11.202,84", "-11202.84"),
        ("1,234.50", "1234.50"),
    ],
)
def test_money_becomes_a_decimal_string_with_two_places(written: str, amount: str) -> None:
    assert normalise_money(written) == amount


def test_text_is_not_money() -> None:
    with pytest.raises(NormalisationError):
        normalise_money("zwölf Euro")


@pytest.mark.parametrize(
    ("written", "plate"),
    [
        ("M-AB 1234", "M-AB 1234"),
        ("M AB 1234", "M-AB 1234"),
        ("m-ab1234", "M-AB 1234"),
        ("TÖL - X 7E", "TÖL-X 7E"),
        ("M_KS 8429", "M-KS 8429"),  # a scan's dash read as an underscore
        ("ME 5833", "M-E 5833"),  # or lost: two letters split only one way
    ],
)
def test_licence_plates_get_the_dash_and_space_form(written: str, plate: str) -> None:
    assert normalise_license_plate(written) == plate


def test_a_plate_without_separators_cannot_be_split_and_says_so() -> None:
    with pytest.raises(NormalisationError, match="M-AB 1234"):
        normalise_license_plate("MAB1234")


@pytest.mark.parametrize(
    "written",
    [
        "Lindwurmstraße 12, 80337 München",
        "Lindwurmstraße 12\n80337 München",
        "Lindwurmstraße 12 80337 München",
        "  Lindwurmstraße   12,\n 80337  München ",
    ],
)
def test_addresses_join_street_and_town_with_a_comma(written: str) -> None:
    assert normalise_address(written) == "Lindwurmstraße 12, 80337 München"


def test_scanned_names_and_addresses_lose_specks_and_small_initials() -> None:
    assert normalise_address("willy-Brandt-Allee 95\n81829 münchen") == "Willy-Brandt-Allee 95, 81829 München"
    assert normalise_address("c/o Huber, Lindwurmstraße 12, 80337 München").startswith("c/o Huber")
    assert normalise_text("‚Gehringer Print GmbH:") == "Gehringer Print GmbH"
    assert normalise_text("|Kairo") == "Kairo"
    assert normalise_text("Glanz Partner e. K.") == "Glanz Partner e. K."
    assert normalise_text("Handel mit gebrauchten Waren (Second Hand)").endswith("(Second Hand)")
    with pytest.raises(NormalisationError):
        normalise_text("|")


def test_a_name_read_without_capitals_gets_them_and_particles_stay_small() -> None:
    assert normalise_name("christin müller") == "Christin Müller"
    assert normalise_name("karl-otto von der tann") == "Karl-Otto von der Tann"
    assert normalise_name("Anna von der Tann") == "Anna von der Tann"


def test_a_names_bullet_or_rule_read_with_it_is_dropped_but_its_initials_stay() -> None:
    assert normalise_name("-Kristine Lange") == "Kristine Lange"
    assert normalise_name(".Karla Heß") == "Karla Heß"
    assert normalise_name("• Ronald Lange -") == "Ronald Lange"
    assert normalise_name("H.-Dieter Heß") == "H.-Dieter Heß"
    assert normalise_name("Grundbesitz Kraus e. K.") == "Grundbesitz Kraus e. K."
    assert normalise_name("Schulz Schließtechnik e.K.") == "Schulz Schließtechnik e. K."
    assert normalise_name("Sportfreunde Au e.V.") == "Sportfreunde Au e. V."
    with pytest.raises(NormalisationError):
        normalise_name(".-")


def test_an_address_names_a_street_or_post_box_before_its_postcode() -> None:
    """A town line alone, or a post box's number without its word, is the next column's text."""
    assert normalise_address("Postfach 80 48 71, 80313 München") == "Postfach 80 48 71, 80313 München"
    assert (
        normalise_address("c/o Huber, Am Platzl 1, 80331 München") == "c/o Huber, Am Platzl 1, 80331 München"
    )
    for town_only in ("80798 München", "80 48 71, 80313 München"):
        with pytest.raises(NormalisationError):
            normalise_address(town_only)


def test_specks_inside_addresses_and_names_are_dropped_and_what_belongs_there_stays() -> None:
    assert normalise_address("Schäftlarnstr. 11, 81371 | München") == "Schäftlarnstr. 11, 81371 München"
    assert (
        normalise_address("Martin-Luther-Straße_ 5, 81539 München") == "Martin-Luther-Straße 5, 81539 München"
    )
    assert normalise_address("Eberhardt-Weg\u201993, 35946 Koblenz") == "Eberhardt-Weg 93, 35946 Koblenz"
    assert (
        normalise_address("Hettner-Ring. 2b, 77158 Eisenhüttenstadt")
        == "Hettner-Ring 2b, 77158 Eisenhüttenstadt"
    )
    assert normalise_address("Lindwurmstr. 12\n80337 München") == "Lindwurmstr. 12, 80337 München"
    assert normalise_name("Meike \u201aSölzer") == "Meike Sölzer"
    assert normalise_name("Rogner.") == "Rogner"
    assert normalise_name("Müller & Co.") == "Müller & Co."
    assert normalise_name("O'Brien") == "O'Brien"
    assert normalise_email("babett..dussen@post.example") == "babett.dussen@post.example"
    assert normalise_text("\\ RE-2026-27022") == "RE-2026-27022"


def test_an_address_ends_with_its_town_not_with_the_next_columns_numbers() -> None:
    assert (
        normalise_address("Radlkoferstr. 18\n81373 München KVR-1/231/46587/2026")
        == "Radlkoferstr. 18, 81373 München"
    )
    assert normalise_address("Postfach 63 94 54, 80313 München") == "Postfach 63 94 54, 80313 München"
    assert normalise_address("Lindwurmstraße 12, 80337 München, 2. OG").endswith("München, 2. OG")


def test_specks_a_scan_adds_at_the_end_of_names_and_towns_are_dropped() -> None:
    assert normalise_name("Hesse w") == "Hesse"
    assert normalise_name("Liesel Kabus m") == "Liesel Kabus"
    assert normalise_name("Mara Wladimir Schmidtke nenn") == "Mara Wladimir Schmidtke"
    assert normalise_name("wilfriede Wulff") == "Wilfriede Wulff"
    assert normalise_name("Heinz-willi Lieselotte Meyer") == "Heinz-Willi Lieselotte Meyer"
    assert normalise_name("Anna und Bernd Meier") == "Anna und Bernd Meier"
    # small words that belong in names stay
    assert normalise_name("von Bülow") == "von Bülow"
    assert normalise_name("Dussen van") == "Dussen van"
    assert normalise_name("Anna von der Tann") == "Anna von der Tann"
    assert normalise_name("Grundbesitz Kraus e. K.") == "Grundbesitz Kraus e. K."
    assert normalise_name("Schulz Schließtechnik e.K.") == "Schulz Schließtechnik e. K."
    assert normalise_name("Sportfreunde Au e.V.") == "Sportfreunde Au e. V."
    assert normalise_address("Limesstraße 99, 81243 München h") == "Limesstraße 99, 81243 München"
    assert normalise_address("- Müllerstraße 134, 80469 München") == "Müllerstraße 134, 80469 München"
    assert normalise_address("Baubergerstraße 120\n80992 München .") == "Baubergerstraße 120, 80992 München"
    assert (
        normalise_address("Hauptstr. 2, 88131 Lindau (Bodensee) x") == "Hauptstr. 2, 88131 Lindau (Bodensee)"
    )
    assert normalise_address("Am Hof 3, 60311 Frankfurt a. M.") == "Am Hof 3, 60311 Frankfurt a. M."
    assert normalise_address("Weg 11 b, 80331 München") == "Weg 11 b, 80331 München"


def test_misread_street_words_and_colons_before_house_numbers_are_read_back() -> None:
    assert normalise_address("Wieksir. 143, 09181 Ludwigslust") == "Wiekstr. 143, 09181 Ludwigslust"
    assert (
        normalise_address("Prinzregentenplatz: 20\n81675 München") == "Prinzregentenplatz 20, 81675 München"
    )


def test_codes_lose_specks_before_them_and_keep_what_was_written() -> None:
    assert normalise_code(".: KVR-I/231/22649/2026") == "KVR-I/231/22649/2026"
    assert normalise_code("\u201d SKA-HA II/32/59494/2026") == "SKA-HA II/32/59494/2026"
    assert normalise_code("RE-2026-27022") == "RE-2026-27022"
    assert normalise_code("438") == "438"
    # the date of the next column, read into the reference's word
    assert normalise_code("SOZ-S-III-WG/11667/202612.08.2026") == "SOZ-S-III-WG/11667/2026"
    assert normalise_code("SKA-HA II/32/46490/2026.09.09.2026") == "SKA-HA II/32/46490/2026"
    assert normalise_code("RE-2026.09.0001") == "RE-2026.09.0001"
    with pytest.raises(NormalisationError):
        normalise_code(".:")


def test_codes_lose_spaces_and_gain_capitals() -> None:
    assert normalise_compact_code("de89 3704 0044 0532 0130 00") == "DE89370400440532013000"
    assert normalise_currency("€") == "EUR"


def test_iban_digits_misread_as_letters_are_read_back_only_where_the_check_digits_confirm() -> None:
    assert normalise_iban("DES2 4984 4763 9673 3017 94") == "DE52498447639673301794"
    assert normalise_iban("DE89 37O4 0044 O532 Ol30 00") == "DE89370400440532013000"
    # specks OCR read between the digits
    assert normalise_iban("DE15 5036 4200 0352 3147.30:") == "DE15503642000352314730"
    assert normalise_iban("DE89 3704' 0044 0532 :0130 00") == "DE89370400440532013000"
    # the check digits fail after the reading-back too (one digit is wrong, not misread): as written
    assert normalise_iban("DES2 4984 4763 9673 3017 95") == "DES2498447639673301795"
    # other countries' IBANs hold letters of their own
    assert normalise_iban("GB29 NWBK 6016 1331 9268 19") == "GB29NWBK60161331926819"


def test_choices_and_list_items_are_normalised_by_their_field() -> None:
    wohnung = load_catalogue().type("wohnungsgeberbestaetigung")
    assert normalise_value(wohnung.field("event"), "Auszug aus der Wohnung") == "auszug"
    assert normalise_value(wohnung.field("persons"), "  Anna   Huber ") == "Anna Huber"
    with pytest.raises(NormalisationError):
        normalise_value(wohnung.field("event"), "Umzug")


def test_a_checkbox_option_misread_by_a_letter_or_two_is_still_that_option() -> None:
    """OCR read the ticked 'eingezogen' as 'eirigezogen'; a word as near two options, or a short
    word a letter off, says nothing."""
    catalogue = load_catalogue()
    event = catalogue.type("wohnungsgeberbestaetigung").field("event")
    reason = catalogue.type("gewerbeabmeldung").field("reason")
    assert normalise_value(event, "eirigezogen") == "einzug"
    assert normalise_value(event, "ausgezagen") == "auszug"
    assert normalise_value(reason, "Betriebsaufqabe") == "aufgabe"
    for misread in ("Einzag", "eusgezogen"):  # too short; a letter from one, two from the other
        with pytest.raises(NormalisationError):
            normalise_value(event, misread)
