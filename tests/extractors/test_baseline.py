"""The rule-based baseline is honest and decent on born-digital and filled forms of the sample set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors.baseline.classify import classify_document
from extractors.baseline.extract import (
    extract_fields,
    named_form_fields,
    names_apart,
    reads_as_form_text,
    words_value,
)
from extractors.catalogue import load_catalogue
from extractors.document import ExtractedField, Page, ReadDocument, SourceFile, Word
from extractors.ingest import ingest
from extractors.reading import read_document
from extractors.truth import GroundTruth, read_truth
from tests.conftest import Corpus

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def _digital_samples() -> list[tuple[Path, ReadDocument]]:
    documents = []
    for path in sorted(SAMPLES.rglob("*.pdf")):
        if read_truth(path).variant in ("digital", "acroform"):
            documents.append((path, read_document(ingest(path))))
    return documents


def _field_counts(document: ReadDocument, truth: GroundTruth) -> tuple[int, int, int]:
    """Fields expected, fields predicted, and predicted fields exactly right."""
    fields = extract_fields(document, truth.document_type)
    correct = sum(1 for key, field in fields.items() if truth.fields.get(key) == field.value)
    return len(truth.fields), len(fields), correct


def test_types_of_digital_documents_are_recognised() -> None:
    documents = _digital_samples()
    correct = sum(classify_document(doc).id == read_truth(path).document_type for path, doc in documents)
    assert correct / len(documents) >= 0.9


def test_fields_of_digital_documents_are_found_and_right() -> None:
    counts: list[tuple[int, int, int]] = []
    for path, document in _digital_samples():
        truth = read_truth(path)
        if truth.document_type == "sonstiges":
            continue
        counts.append(_field_counts(document, truth))
    expected, predicted, correct = (sum(column) for column in zip(*counts, strict=True))
    assert correct / predicted >= 0.95  # precision: what it says is right
    assert correct / expected >= 0.9  # recall: it finds nearly all of what is there


def test_born_digital_and_filled_forms_of_known_layouts_are_read_nearly_perfectly(corpus: Corpus) -> None:
    """On a corpus generated for this test run (not the one the rules were written against), every
    born-digital or filled PDF of a layout the baseline knows is typed right and its fields are
    almost all exact."""
    counts: list[tuple[int, int, int]] = []
    typed = documents = 0
    for path, truth in corpus.documents():
        if truth.variant not in ("digital", "acroform") or truth.split == "test":
            continue
        document = read_document(ingest(path))
        documents += 1
        typed += classify_document(document).id == truth.document_type
        if truth.document_type == "sonstiges":
            continue
        counts.append(_field_counts(document, truth))
    expected, predicted, correct = (sum(column) for column in zip(*counts, strict=True))
    assert documents >= 20
    assert typed / documents >= 0.95
    assert 2 * correct / (expected + predicted) >= 0.95


def test_filled_form_fields_named_after_the_catalogue_give_every_value_lists_and_persons_too() -> None:
    """A fillable form whose fields carry catalogue names ('persons_1_given_names') is read from
    its fields alone, every value exactly, the persons of a registration included, each in order;
    a form with fields named 'Text1', 'Text2' gives nothing that way."""
    named = lists = 0
    for path, document in _digital_samples():
        truth = read_truth(path)
        if truth.variant != "acroform" or truth.document_type == "sonstiges":
            continue
        fields = named_form_fields(document, truth.document_type)
        names = {word.form_field or "" for page in document.pages for word in page.words}
        if all(re.fullmatch(r"(Text|Check)\d+|", name) for name in names):
            assert fields == {}, path.name
            continue
        named += 1
        assert {key: field.value for key, field in fields.items()} == truth.fields, path.name
        lists += sum(isinstance(value, list) for value in truth.fields.values())
    assert named >= 3
    assert lists >= 2, "the sample set should hold filled forms with a list and with persons"


def _word(text: str, x: float, y: float) -> Word:
    return Word(text=text, bbox=(x, y, x + 6 * len(text), y + 10), source="text_layer")


def _one_page(filename: str, words: list[Word]) -> ReadDocument:
    """A born-digital A4 page (points) of these words."""
    page = Page(number=1, width=595, height=842, unit="pt", words=tuple(words), source="text_layer")
    return ReadDocument(source=SourceFile(filename=filename, sha256="0" * 64), pages=(page,), reader="test")


def test_another_fields_label_where_a_value_is_looked_for_is_passed_over_for_the_value() -> None:
    """An edition the rules never saw prints its labels in a row over the values; right of
    'Vornamen' stands the next label, worded 'Staatsangehörigkeit(en)', and the name is under it.
    That label is the catalogue's 'Staatsangehörigkeit' with its plural in brackets."""
    labels = [("Familienname", 50), ("Vornamen", 200), ("Staatsangehörigkeit(en)", 330)]
    values = [("Huber", 50), ("Ingbert", 200), ("deutsch", 330)]
    words = [_word("Gewerbe-Abmeldung", 50, 40)]
    words += [_word(text, x, 100) for text, x in labels] + [_word(text, x, 114) for text, x in values]
    fields = extract_fields(_one_page("abmeldung.pdf", words), "gewerbeabmeldung")
    assert fields["given_names"].value == "Ingbert"
    assert fields["family_name"].value == "Huber"
    assert fields["nationality"].value == "deutsch"


def test_labels_options_and_months_read_as_form_text_and_values_with_form_words_do_not() -> None:
    catalogue = load_catalogue()
    business = catalogue.type("gewerbeanmeldung")
    breed = catalogue.type("hundesteuer").field("dog_breed")
    printed = [
        (business.field("given_names"), "Staatsangehörigkeit(en)"),
        (business.field("legal_form"), "Zuzug aus anderem Meldebezirk"),
        (business.field("activity"), "Neuerrichtung"),
        (breed, "Juli 2026"),
        (catalogue.type("widerspruch").field("subject"), "ein."),  # a sentence's end
        (business.field("given_names"), "EINGEGANGEN"),  # the mail room's stamp over the box
        (catalogue.type("wohnungsgeberbestaetigung").field("landlord_name"), "Angaben zur"),  # a heading
        (business.field("business_name"), "B Angaben"),
    ]
    values = [
        (business.field("legal_form"), "GmbH"),
        (business.field("legal_form"), "AG"),
        (business.field("activity"), "Computerreparatur und IT-Service vor Ort"),
        (business.field("birth_place"), "München"),
        (business.field("family_name"), "Mai"),
        (business.field("family_name"), "Hansen"),
        (catalogue.type("widerspruch").field("subject"), "Bescheid über die Festsetzung der Abfallgebühren"),
        (catalogue.type("widerspruch").field("subject"), "Ablehnung meines Antrags wegen fehlender Angaben"),
    ]
    assert all(reads_as_form_text(spec, text) for spec, text in printed)
    assert not any(reads_as_form_text(spec, text) for spec, text in values)


def test_a_label_misread_by_ocr_is_no_value_but_only_on_a_scan() -> None:
    """OCR read the label 'Eigentümer' as 'Figentümer' and 'Eingezogen' as 'Eirigezogen' where the
    landlord's name was looked for. On a text layer the same letters are what is printed there;
    and a form word with another ending is a word of the value, not a misreading."""
    catalogue = load_catalogue()
    landlord = catalogue.type("wohnungsgeberbestaetigung").field("landlord_name")
    activity = catalogue.type("gewerbeabmeldung").field("activity")

    def scanned(*texts: str) -> list[Word]:
        return [
            _word(text, 50 + 80 * i, 100).model_copy(update={"source": "ocr"}) for i, text in enumerate(texts)
        ]

    assert words_value(landlord, scanned("Figentümer")) is None
    assert words_value(landlord, scanned("Eirigezogen")) is None
    assert words_value(landlord, [_word("Figentümer", 50, 100)]) == "Figentümer"
    assert words_value(landlord, scanned("Hildburg", "Wulf")) == "Hildburg Wulf"
    assert (
        words_value(activity, scanned("Betrieb", "eines", "Friseursalons")) == "Betrieb eines Friseursalons"
    )


def test_prepositions_and_possessives_alone_are_no_place_or_breed_but_short_names_stay() -> None:
    """'geboren am … in …': the words left of a birth place; 'mit meinem Hund': no dog breed."""
    catalogue = load_catalogue()
    business = catalogue.type("gewerbeanmeldung")
    place, breed = business.field("birth_place"), catalogue.type("hundesteuer").field("dog_breed")
    assert reads_as_form_text(place, "am in")
    assert reads_as_form_text(place, "in")
    assert reads_as_form_text(breed, "meinem")
    assert not reads_as_form_text(business.field("family_name"), "An")
    assert not reads_as_form_text(place, "Lindau (Bodensee)")


def test_a_name_that_ran_into_the_next_box_gives_the_other_field_its_words_back() -> None:
    def read(family: str, given: str) -> tuple[str, str]:
        fields = {
            "family_name": ExtractedField(value=family, confidence=0.9),
            "given_names": ExtractedField(value=given, confidence=0.9),
        }
        apart = names_apart(fields)
        return apart["family_name"].value, apart["given_names"].value

    assert read("Killer Sigfried", "Sigfried") == ("Killer", "Sigfried")
    assert read("Wiek", "Ferdi Wiek") == ("Wiek", "Ferdi")
    assert read("Meyer-Hansen", "Hans") == ("Meyer-Hansen", "Hans")  # a part of a word is no word
    assert read("von der Tann", "Anna Maria") == ("von der Tann", "Anna Maria")
    # what would be left is no name: the reading stays for a person to look at
    assert read("Claude-Lorrain-Straße #", "Claude-Lorrain-Straße") == (
        "Claude-Lorrain-Straße #",
        "Claude-Lorrain-Straße",
    )


def test_a_reference_holds_a_digit_and_a_name_letters() -> None:
    """On layouts the rules were not written for, a checkbox's words stand where the parking
    zone was looked for, and a scan's speck where a tenant's name was."""
    catalogue = load_catalogue()
    zone = catalogue.type("bewohnerparkausweis").field("parking_zone")
    tenant = catalogue.type("wohnungsgeberbestaetigung").field("persons").model_copy(update={"kind": "name"})
    assert (
        words_value(
            zone, [_word("Neuantrag", 50, 100), _word("/", 110, 100), _word("Verlängerung", 120, 100)]
        )
        is None
    )
    assert words_value(zone, [_word("125", 50, 100)]) == "125"
    assert words_value(tenant, [_word(".", 50, 100)]) is None
    assert words_value(tenant, [_word("Mareike", 50, 100), _word("Scheibe", 100, 100)]) == "Mareike Scheibe"


def test_a_label_standing_on_its_own_beats_the_same_word_in_a_heading() -> None:
    """'Gebiet' ends the section heading 'Fahrzeug und Gebiet' over the plate; the parking zone
    stands over its own label 'Zone', under the line."""
    words = [_word("Parkausweis", 50, 40), _word("für", 120, 40), _word("Bewohner", 142, 40)]
    words += [_word("Fahrzeug", 52, 145), _word("und", 103, 145), _word("Gebiet", 124, 145)]
    words += [_word("M", 52, 163), _word("PN", 64, 163), _word("7130", 82, 163), _word("125", 218, 163)]
    words += [_word("Kfz-Zeichen", 50, 176), _word("Zone", 216, 176)]
    fields = extract_fields(_one_page("parkausweis.pdf", words), "bewohnerparkausweis")
    assert fields["parking_zone"].value == "125"


def test_one_name_under_a_heading_of_two_roles_is_the_required_fields() -> None:
    """'Wohnungsgeber / Eigentümer' over one name: the landlord, whom the form requires; the
    owner is asked for only where someone else owns the flat."""
    words = [_word("Wohnungsgeberbestätigung", 50, 40)]
    words += [_word("Wohnungsgeber", 50, 100), _word("/", 132, 100), _word("Eigentümer", 142, 100)]
    words += [_word("Hausverwaltung", 50, 116), _word("Gotthard-Kobelt", 140, 116), _word("AG", 236, 116)]
    fields = extract_fields(_one_page("bestaetigung.pdf", words), "wohnungsgeberbestaetigung")
    assert fields["landlord_name"].value == "Hausverwaltung Gotthard-Kobelt AG"
    assert "owner_name" not in fields


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Bescheid über die Festsetzung der Besuchsgebühr für die", "Kindertageseinrichtung"),
        ("Bescheid über die Ablehnung der Grundsicherung im", "Alter"),
    ],
)
def test_an_objections_subject_that_breaks_off_at_an_article_goes_on_in_the_next_line(
    first: str, second: str
) -> None:
    sender = ["Erika Huber", "Lindwurmstraße 12, 80337 München", ""]
    page = _lines("widerspruch.pdf", [*sender, "Widerspruch", first, second, "", "Bescheid vom"])
    fields = extract_fields(page, "widerspruch")
    assert fields["subject"].value == f"{first} {second}"


def test_a_numbered_list_read_off_a_scan_keeps_its_first_name() -> None:
    """Tesseract reads the '1.' of a ruled list with a dotless i, and the cell's border as '|'."""
    words = [
        _word("Wohnungsgeberbestätigung", 50, 40),
        _word("Eingezogene", 50, 100),
        _word("Personen", 130, 100),
    ]
    for row, (number, given, family) in enumerate([("ı.", "Alexa", "Spieß"), ("2.", "Dana", "Spieß")]):
        y = 120 + 16 * row
        words += [_word(number, 50, y), _word("|", 66, y), _word(given, 76, y), _word(family, 120, y)]
    fields = extract_fields(_one_page("bestaetigung.pdf", words), "wohnungsgeberbestaetigung")
    assert fields["persons"].value == ["Alexa Spieß", "Dana Spieß"]


def test_a_scanned_persons_table_keeps_columns_ocr_cut_short_and_cells_left_of_their_label() -> None:
    """A registration scanned at 150 dpi: OCR read the header 'm/w/d' as 'mw', the sex cell as
    'm:', and the birthplace starts a little left of its label; every column is still found."""
    header = [("Vorname(n)", 91), ("Familienname", 308), ("mw", 523), ("Geburtstag", 591)]
    header += [("Geburtsort", 801), ("Nationalität", 972)]
    row = [("Reza", 97), ("Schenk", 312), ("m:", 510), ("8.", 599), ("November", 623), ("1984", 734)]
    row += [("Nürnberg", 786), ("deutsch", 975)]
    words = [Word(text="Anmeldung", bbox=(88, 230, 200, 250), source="ocr")]
    words += [
        Word(text=text, bbox=(x, y, x + 11 * len(text), y + 14), source="ocr")
        for line, y in ((header, 351), (row, 392))
        for text, x in line
    ]
    page = Page(number=1, width=1240, height=1754, unit="px", words=tuple(words), source="ocr")
    source = SourceFile(filename="anmeldung.png", sha256="0" * 64)
    document = ReadDocument(source=source, pages=(page,), reader="test")
    person = {"given_names": "Reza", "family_name": "Schenk", "sex": "maennlich", "birth_date": "1984-11-08"}
    person |= {"birth_place": "Nürnberg", "nationality": "deutsch"}
    assert extract_fields(document, "meldeschein")["persons"].value == [person]


def _lines(filename: str, lines: list[str], heading: tuple[Word, ...] = ()) -> ReadDocument:
    """A born-digital page of these lines of words, under the heading's words."""
    words = list(heading)
    for row, line in enumerate(lines):
        x = 50.0
        for text in line.split():
            words.append(_word(text, x, 100 + 16 * row))
            x += 6 * len(text) + 8
    return _one_page(filename, words)


def _invoice(lines: list[str]) -> ReadDocument:
    return _lines("rechnung.pdf", lines, (_word("RECHNUNG", 50, 40),))


def test_the_tax_total_that_balances_net_and_gross_is_taken_over_the_first_rates_tax() -> None:
    """Two VAT rates: the tax next to the first 'MWST' is 7 %'s share, the invoice's tax is the total."""
    lines = ["NETTO 252,98", "MWST 7% 12,49", "MWST 19% 14,16", "MWST GESAMT 26,65", "BRUTTO EUR 279,63"]
    fields = extract_fields(_invoice(lines), "eingangsrechnung")
    amounts = {key: fields[key].value for key in ("net_amount", "tax_amount", "gross_amount")}
    assert amounts == {"net_amount": "252.98", "tax_amount": "26.65", "gross_amount": "279.63"}
    # where no amount on the page balances the others, they stay as read, for review to settle
    unbalanced = extract_fields(
        _invoice(["NETTO 252,98", "MWST 7% 12,49", "BRUTTO EUR 279,63"]), "eingangsrechnung"
    )
    assert unbalanced["tax_amount"].value == "12.49"


def test_a_value_under_a_label_with_an_unknown_leading_word_is_found_under_the_whole_label() -> None:
    """'Sämtliche Vornamen' is a wording the catalogue does not know: the label found is 'Vornamen',
    and the name written under 'Sämtliche' belongs to it all the same."""
    words = [_word("Gewerbe-Abmeldung", 50, 40), _word("Familienname", 50, 100)]
    words += [_word("(ggf.", 126, 100), _word("Geburtsname)", 160, 100)]
    words += [_word("Sämtliche", 333, 100), _word("Vornamen", 390, 100)]
    words += [_word("Margraf", 52, 114), _word("Cetin", 334, 114)]
    fields = extract_fields(_one_page("abmeldung.pdf", words), "gewerbeabmeldung")
    assert fields["given_names"].value == "Cetin"
    assert fields["family_name"].value == "Margraf"


def test_a_compound_led_by_a_long_label_is_that_label_but_not_one_led_by_a_short_general_word() -> None:
    """'Vollzeitkräfte' is a compound of the catalogue's 'Vollzeit'; 'Gewerbeangelegenheiten' in
    the letterhead leads with 'Gewerbe', a word too general to be the label of the activity."""
    words = [_word("Gewerbe-Abmeldung", 50, 40), _word("Gewerbeangelegenheiten", 300, 60)]
    words += [_word("Ruppertstraße", 300, 74), _word("19", 380, 74)]
    words += [_word("Vollzeitkräfte", 50, 200), _word("Teilzeitkräfte", 250, 200)]
    words += [_word("2", 52, 214), _word("0", 252, 214)]
    fields = extract_fields(_one_page("abmeldung.pdf", words), "gewerbeabmeldung")
    assert fields["employees_fulltime"].value == "2"
    assert fields["employees_parttime"].value == "0"
    assert "activity" not in fields


def test_the_town_after_a_postcode_stays_in_the_address_though_a_label_names_it() -> None:
    """'München' is also a label of the letter's date ('München, 26.08.2026'); after a postcode it
    is the town that ends the sender's address."""
    words = [_word("Absender", 74, 62), _word("Falk", 184, 62), _word("Gehringer", 214, 62)]
    address = ["Am", "Neubruch", "5,", "80997", "München"]
    x = 184.0
    words.append(_word("Anschrift", 74, 78))
    for text in address:
        words.append(_word(text, x, 78))
        x += 6 * len(text) + 5
    words += [_word("Widerspruch:", 70, 266), _word("Hundesteuerbescheid", 150, 266)]
    fields = extract_fields(_one_page("widerspruch.pdf", words), "widerspruch")
    assert fields["sender_address"].value == "Am Neubruch 5, 80997 München"


def test_a_long_label_inflected_is_that_label() -> None:
    """'Name des Kontoinhabers' is the catalogue's 'Kontoinhaber' in the genitive."""
    words = [_word("Anmeldung", 50, 40), _word("zur", 110, 40), _word("Hundesteuer", 135, 40)]
    words += [_word("Name", 50, 100), _word("des", 80, 100), _word("Kontoinhabers", 102, 100)]
    words += [_word("IBAN", 330, 100), _word("Karl-Peter", 52, 114), _word("Walter", 118, 114)]
    fields = extract_fields(_one_page("hund.pdf", words), "hundesteuer")
    assert fields["account_holder"].value == "Karl-Peter Walter"


def test_a_label_of_words_joined_by_a_slash_is_that_label() -> None:
    """'Ort/Datum' under the date is the catalogue's 'Ort, Datum', printed as one word."""
    words = [_word("Bestätigung", 48, 39), _word("Wohnungsgeber", 120, 39)]
    words += [_word("München,", 50, 342), _word("11.", 104, 342), _word("September", 126, 342)]
    words += [_word("2026", 190, 342), _word("Ort/Datum", 48, 356), _word("Unterschrift", 300, 356)]
    fields = extract_fields(_one_page("wohnungsgeber.pdf", words), "wohnungsgeberbestaetigung")
    assert fields["signature_date"].value == "2026-09-11"


def test_a_letter_saying_two_things_are_at_odds_is_no_objection_but_one_lodging_it_is() -> None:
    """'stehen im Widerspruch zu' objects to no decision: the letter is none of the city's types.
    A letter that lodges an objection is one, whatever else it finds at odds."""
    complaint = [
        "Nico Beispiel, Holzstr. 28, 80469 München",
        "Hinweis auf widersprüchliche Angaben zu den Öffnungszeiten",
        "die Öffnungszeiten auf Ihrer Internetseite stehen im Widerspruch",
        "zu dem Aushang an der Eingangstür.",
        "Mit freundlichen Grüßen",
    ]
    assert classify_document(_lines("brief.pdf", complaint)).id == "sonstiges"
    objection = [
        *complaint[:1],
        "gegen Ihren Bescheid vom 2. August 2026 lege ich hiermit Widerspruch ein.",
        "Er steht im Widerspruch zu meinem Antrag.",
        *complaint[-1:],
    ]
    assert classify_document(_lines("brief.pdf", objection)).id == "widerspruch"
