"""The catalogue carries the contract of shared/spec/document_types.md."""

from __future__ import annotations

import pytest

from extractors.catalogue import load_catalogue
from extractors.normalise import normalise_choice

# The public contract: ids and field keys as the spec lists them (never renamed).
SPEC_FIELDS = {
    "gewerbeanmeldung": "family_name given_names birth_date birth_place nationality home_address phone email "
    "business_name legal_form business_address activity start_date employees_fulltime employees_parttime "
    "reason signature_date",
    "gewerbeabmeldung": "family_name given_names birth_date birth_place nationality home_address phone email "
    "business_name legal_form business_address activity end_date employees_fulltime employees_parttime "
    "reason signature_date",
    "wohnungsgeberbestaetigung": "landlord_name landlord_address owner_name event event_date "
    "dwelling_address persons signature_date",
    "meldeschein": "move_in_date new_address previous_address dwelling_status persons id_document_number "
    "signature_date",
    "bewohnerparkausweis": "family_name given_names address license_plate vehicle_holder parking_zone "
    "valid_from email signature_date",
    "hundesteuer": "family_name given_names address dog_breed dog_birth_date kept_since microchip_number "
    "iban account_holder signature_date",
    "eingangsrechnung": "invoice_number issue_date due_date buyer_reference seller_name seller_vat_id "
    "seller_tax_number seller_address currency net_amount tax_amount gross_amount amount_due iban",
    "widerspruch": "sender_name sender_address file_reference decision_date letter_date subject",
    "sonstiges": "",
}
SPEC_DEPARTMENTS = {
    "gewerbeanmeldung": "KVR, Gewerbemeldestelle",
    "gewerbeabmeldung": "KVR, Gewerbemeldestelle",
    "wohnungsgeberbestaetigung": "KVR, Bürgerbüro",
    "meldeschein": "KVR, Bürgerbüro",
    "bewohnerparkausweis": "Mobilitätsreferat",
    "hundesteuer": "Stadtkämmerei, Steueramt",
    "eingangsrechnung": "Stadtkämmerei, Kreditorenbuchhaltung",
    "widerspruch": "Rechtsabteilung",
    "sonstiges": "Poststelle (review)",
}


def test_every_type_and_field_of_the_spec_is_in_the_catalogue() -> None:
    catalogue = load_catalogue()
    assert set(catalogue.type_ids) == set(SPEC_FIELDS)
    for type_id, keys in SPEC_FIELDS.items():
        assert catalogue.type(type_id).field_keys == tuple(keys.split())


@pytest.mark.parametrize("type_id", sorted(SPEC_DEPARTMENTS))
def test_each_type_is_routed_to_the_department_the_spec_names(type_id: str) -> None:
    catalogue = load_catalogue()
    doc_type = catalogue.type(type_id)
    assert catalogue.department_name(doc_type.department) == SPEC_DEPARTMENTS[type_id]


def test_meldeschein_persons_are_records_with_the_spec_fields() -> None:
    persons = load_catalogue().type("meldeschein").field("persons")
    assert persons.kind == "records"
    assert [sub.key for sub in persons.fields] == [
        "family_name",
        "given_names",
        "birth_date",
        "birth_place",
        "sex",
        "nationality",
    ]


def test_choice_options_read_back_from_each_of_their_printed_words() -> None:
    for doc_type in load_catalogue().types.values():
        specs = [*doc_type.fields, *(sub for spec in doc_type.fields for sub in spec.fields)]
        for spec in (s for s in specs if s.kind == "choice"):
            for option in spec.options:
                for words in option.words:
                    assert normalise_choice(words, spec) == option.id, (doc_type.id, spec.key, words)


def test_sonstiges_always_goes_to_review() -> None:
    assert load_catalogue().type("sonstiges").always_review


def test_unknown_type_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="gewerbeanmeldung"):
        load_catalogue().type("gewerbeanmeldnug")
