"""The form editions: five visibly different layouts per form type, the last one held out for test."""

from __future__ import annotations

from eval.synth.form_model import (
    Choice,
    FormStyle,
    FormTemplate,
    NameList,
    Note,
    PageBreak,
    RecordBlocks,
    RecordTable,
    Row,
    Section,
    Signature,
    Slot,
)
from eval.synth.formatting import WritingStyle

KVR_GEWERBE = (
    "Kreisverwaltungsreferat",
    "Hauptabteilung III – Gewerbeangelegenheiten",
    "Ruppertstraße 19",
    "80466 München",
)
KVR_BUERGERBUERO = (
    "Kreisverwaltungsreferat",
    "Bürgerbüro – Meldeangelegenheiten",
    "Ruppertstraße 19",
    "80466 München",
)
MOBILITY = (
    "Mobilitätsreferat",
    "Geschäftsbereich Straßenverkehr – Bewohnerparken",
    "Implerstraße 9",
    "81371 München",
)
DOG_TAX = ("Stadtkämmerei", "Steueramt – Hundesteuerstelle", "Herzog-Wilhelm-Straße 11", "80331 München")

BLUE, RED, GREEN, GREY, PETROL = (
    (0.0, 0.25, 0.55),
    (0.62, 0.1, 0.12),
    (0.1, 0.4, 0.25),
    (0.3, 0.3, 0.3),
    (0.0, 0.4, 0.45),
)


def _address(key: str, street: str = "Straße, Hausnummer", postcode: str = "PLZ", city: str = "Ort") -> Row:
    return (
        Slot(key, street, 2.4, "street"),
        Slot(key, postcode, 0.7, "postcode"),
        Slot(key, city, 1.3, "city"),
    )


# -- Gewerbe-Anmeldung and -Abmeldung: deliberately alike, as GewA 1 and GewA 3 are --------


def _gewerbe(doc_type: str) -> tuple[FormTemplate, ...]:
    registering = doc_type == "gewerbeanmeldung"
    title = "Gewerbe-Anmeldung" if registering else "Gewerbe-Abmeldung"
    code = "GewA 1" if registering else "GewA 3"
    law = "nach § 14 GewO oder § 55c GewO" if registering else "nach § 14 GewO oder § 55c GewO – Abmeldung"
    date_key = "start_date" if registering else "end_date"
    date_labels = (
        (
            "Datum des Beginns der Tätigkeit",
            "Beginn am",
            "Tätigkeit ab",
            "Beginn der Tätigkeit (Datum)",
            "Aufnahme der Tätigkeit am",
        )
        if registering
        else (
            "Datum der Betriebsaufgabe",
            "Aufgabe zum",
            "Abmeldung zum",
            "Ende der Tätigkeit (Datum)",
            "Betrieb eingestellt am",
        )
    )
    activity = "Angemeldete Tätigkeit" if registering else "Abgemeldete Tätigkeit"
    reasons = (
        (
            ("neuerrichtung", "Neuerrichtung"),
            ("uebernahme", "Übernahme (Kauf, Pacht, Erbfolge)"),
            ("umwandlung", "Änderung der Rechtsform"),
            ("verlegung", "Zuzug aus anderem Meldebezirk"),
        )
        if registering
        else (
            ("aufgabe", "Vollständige Aufgabe"),
            ("verlegung", "Verlegung in einen anderen Meldebezirk"),
            ("uebergabe", "Übergabe an Nachfolger"),
            ("umwandlung", "Änderung der Rechtsform"),
        )
    )
    short_reasons = tuple(
        (option, words.split(" (")[0].split(" an ")[0].split(" in ")[0]) for option, words in reasons
    )
    reason_label = "Grund der Anmeldung" if registering else "Grund der Abmeldung"
    prefix = doc_type

    official = FormTemplate(
        id=f"{prefix}/t1-amtlich",
        doc_type=doc_type,
        title=title,
        subtitle=law,
        form_code=code,
        office=KVR_GEWERBE,
        style=FormStyle(
            layout="boxed",
            header="federal",
            numbered=True,
            sections="box",
            value_font="Courier",
            label_font="Helvetica",
        ),
        sections=(
            Section(
                "Angaben zum Betriebsinhaber",
                (
                    (Slot("family_name", "Name"), Slot("given_names", "Vornamen")),
                    (
                        Slot("birth_date", "Geburtsdatum", 0.8),
                        Slot("birth_place", "Geburtsort", 1.2),
                        Slot("nationality", "Staatsangehörigkeit"),
                    ),
                    _address("home_address", "Anschrift der Wohnung (Straße, Haus-Nr.)"),
                    (Slot("phone", "Telefon-Nr."), Slot("email", "E-Mail-Adresse", 1.4)),
                ),
            ),
            Section(
                "Angaben zum Betrieb",
                (
                    (
                        Slot("business_name", "Name des Geschäfts (falls vorhanden)", 1.6),
                        Slot("legal_form", "Rechtsform"),
                    ),
                    _address("business_address", "Betriebsstätte (Straße, Haus-Nr.)"),
                    (Slot("activity", activity + " (genaue Angabe)"),),
                    (
                        Slot(date_key, date_labels[0]),
                        Slot("employees_fulltime", "Vollzeit-Beschäftigte", 0.7),
                        Slot("employees_parttime", "Teilzeit-Beschäftigte", 0.7),
                    ),
                    (Choice("reason", reason_label, reasons, columns=2),),
                    Signature(),
                ),
            ),
        ),
    )
    city = FormTemplate(
        id=f"{prefix}/t2-stadt-tabelle",
        doc_type=doc_type,
        title=title,
        subtitle=f"({code}) {law}",
        form_code=f"KVR-III/{'12' if registering else '13'}",
        office=KVR_GEWERBE,
        style=FormStyle(
            layout="table",
            header="city",
            sections="bar",
            accent=BLUE,
            label_font="Vera",
            value_font="Helvetica",
            value_size=9.5,
            row_height=20,
            writing=WritingStyle(date="d.m.yyyy"),
            generic_acro_names=True,
        ),
        sections=(
            Section(
                "1. Betrieb",
                (
                    (Slot("business_name", "Geschäftsbezeichnung"),),
                    (Slot("legal_form", "Rechtsform"),),
                    (Slot("business_address", "Anschrift der Betriebsstätte"),),
                    (Slot("activity", "Tätigkeit"),),
                    (Slot(date_key, date_labels[1]),),
                    (Slot("employees_fulltime", "Vollzeit"), Slot("employees_parttime", "Teilzeit")),
                    (Choice("reason", reason_label, short_reasons, columns=4),),
                ),
            ),
            Section(
                "2. Inhaber/in",
                (
                    (Slot("family_name", "Familienname"),),
                    (Slot("given_names", "Vorname(n)"),),
                    (Slot("birth_date", "Geburtsdatum"), Slot("birth_place", "Geburtsort")),
                    (Slot("nationality", "Staatsangehörigkeit"),),
                    (Slot("home_address", "Wohnanschrift"),),
                    (Slot("phone", "Telefon"), Slot("email", "E-Mail")),
                    Note(),
                    Signature(place_label="Ort, Datum", sign_label="Unterschrift der/des Gewerbetreibenden"),
                ),
            ),
        ),
    )
    plain = FormTemplate(
        id=f"{prefix}/t3-linien",
        doc_type=doc_type,
        title=f"{title} ({code})",
        subtitle=law,
        form_code=code,
        office=KVR_GEWERBE,
        style=FormStyle(
            layout="lines",
            header="minimal",
            sections="rule",
            accent=GREY,
            label_font="Times-Roman",
            heading_font="Times-Bold",
            value_font="Helvetica",
            value_size=10,
            row_height=22,
        ),
        sections=(
            Section(
                "Person",
                (
                    (Slot("given_names", "Vorname"), Slot("family_name", "Nachname")),
                    (Slot("birth_date", "Geb.-Datum", 0.9), Slot("birth_place", "Geb.-Ort")),
                    (Slot("nationality", "Staatsangeh."),),
                    (Slot("home_address", "Wohnanschrift (Str., Nr., PLZ, Ort)"),),
                    (Slot("phone", "Tel."), Slot("email", "E-Mail")),
                ),
            ),
            Section(
                "Gewerbebetrieb",
                (
                    (Slot("business_name", "Firmenname"), Slot("legal_form", "Rechtsform", 0.8)),
                    (Slot("business_address", "Betriebsanschrift"),),
                    (Slot("activity", "Tätigkeit"),),
                    (
                        Slot(date_key, date_labels[2]),
                        Slot("employees_fulltime", "Beschäftigte Vollzeit"),
                        Slot("employees_parttime", "Teilzeit", 0.6),
                    ),
                    (Choice("reason", "Anlass", short_reasons, columns=4),),
                    Note(),
                    Signature(sign_label="Unterschrift"),
                ),
            ),
        ),
    )
    modern = FormTemplate(
        id=f"{prefix}/t4-banner-zweiseitig",
        doc_type=doc_type,
        title=title,
        subtitle=f"Gewerbeanzeige {law}",
        form_code=f"{code}-B",
        office=KVR_GEWERBE,
        style=FormStyle(
            layout="underlabel",
            header="banner",
            sections="plain",
            accent=PETROL,
            label_font="Vera",
            heading_font="Vera-Bold",
            value_font="Courier",
            value_size=10.5,
            row_height=28,
            writing=WritingStyle(date="dd.mm.yyyy"),
        ),
        sections=(
            Section("", (Note(), Note())),
            Section(
                "A  Angaben zur Person",
                (
                    (Slot("family_name", "Familienname"), Slot("given_names", "Vornamen")),
                    (
                        Slot("birth_date", "Geburtsdatum (TT.MM.JJJJ)", comb=10),
                        Slot("birth_place", "Geburtsort"),
                    ),
                    (Slot("nationality", "Staatsangehörigkeit"), Slot("phone", "Telefon")),
                    (Slot("email", "E-Mail"),),
                    _address("home_address", "Wohnung: Straße und Hausnummer", "Postleitzahl", "Ort"),
                    PageBreak(),
                ),
            ),
            Section(
                "B  Angaben zum Gewerbe",
                (
                    (Slot("business_name", "Name des Betriebs"), Slot("legal_form", "Rechtsform")),
                    _address(
                        "business_address", "Betriebsstätte: Straße und Hausnummer", "Postleitzahl", "Ort"
                    ),
                    (Slot("activity", activity),),
                    (
                        Slot(date_key, date_labels[3]),
                        Slot("employees_fulltime", "Anzahl Vollzeit"),
                        Slot("employees_parttime", "Anzahl Teilzeit"),
                    ),
                    (Choice("reason", reason_label, reasons, columns=1),),
                    Signature(),
                ),
            ),
        ),
    )
    held_out = FormTemplate(
        id=f"{prefix}/t5-kompakt-rot",
        doc_type=doc_type,
        title=f"{code} – {title}",
        subtitle="Bitte in Druckbuchstaben ausfüllen",
        form_code=code,
        office=KVR_GEWERBE,
        holdout=True,
        style=FormStyle(
            layout="boxed",
            header="city",
            sections="rule",
            accent=RED,
            numbered=False,
            label_font="Times-Italic",
            heading_font="Times-Bold",
            value_font="Vera",
            value_size=9,
            label_size=7,
            row_height=24,
            writing=WritingStyle(date="d. month yyyy"),
        ),
        sections=(
            Section(
                "Betriebsinhaber/in",
                (
                    (
                        Slot("family_name", "Familienname (ggf. Geburtsname)", 1.3),
                        Slot("given_names", "Sämtliche Vornamen"),
                    ),
                    (
                        Slot("birth_date", "geboren am"),
                        Slot("birth_place", "in"),
                        Slot("nationality", "Staatsangehörigkeit(en)"),
                    ),
                    (Slot("home_address", "Anschrift der Hauptwohnung", 2), Slot("phone", "Rückrufnummer")),
                    (Slot("email", "E-Mail (für Rückfragen)"),),
                ),
            ),
            Section(
                "Betrieb",
                (
                    (Choice("reason", reason_label, short_reasons, columns=4),),
                    (Slot("activity", f"{activity} (bitte genau angeben)"),),
                    (Slot("business_name", "Geschäftsbezeichnung"), Slot("legal_form", "Rechtsform")),
                    (Slot("business_address", "Betriebsstätte"), Slot(date_key, date_labels[4], 0.6)),
                    (
                        Slot("employees_fulltime", "Vollzeitkräfte"),
                        Slot("employees_parttime", "Teilzeitkräfte"),
                    ),
                    Signature(place_label="Ort und Datum", sign_label="Eigenhändige Unterschrift"),
                ),
            ),
        ),
    )
    return (official, city, plain, modern, held_out)


# -- Wohnungsgeberbestätigung -------------------------------------------------------------------

EVENT = (("einzug", "Einzug"), ("auszug", "Auszug"))


def _wohnungsgeber() -> tuple[FormTemplate, ...]:
    t = "wohnungsgeberbestaetigung"
    title, law = "Wohnungsgeberbestätigung", "nach § 19 Bundesmeldegesetz (BMG)"
    return (
        FormTemplate(
            id=f"{t}/t1-amtlich",
            doc_type=t,
            title=title,
            subtitle=law,
            form_code="WGB",
            office=KVR_BUERGERBUERO,
            style=FormStyle(layout="boxed", header="federal", sections="box", numbered=True),
            sections=(
                Section(
                    "Angaben zum Wohnungsgeber",
                    (
                        (Slot("landlord_name", "Name des Wohnungsgebers bzw. der beauftragten Person"),),
                        _address("landlord_address", "Anschrift (Straße, Hausnummer)"),
                        (Slot("owner_name", "Name des Eigentümers (nur wenn nicht Wohnungsgeber)"),),
                    ),
                ),
                Section(
                    "Angaben zur Wohnung",
                    (
                        (
                            Choice("event", "Es handelt sich um einen", EVENT, columns=2, width=1.0),
                            Slot("event_date", "Datum des Ein-/Auszugs"),
                        ),
                        _address("dwelling_address", "Anschrift der Wohnung (Straße, Hausnummer)"),
                        NameList(
                            "persons",
                            "Folgende Person(en) ist/sind in die Wohnung ein- bzw. ausgezogen"
                            " (Vor- und Familienname):",
                            rows=4,
                        ),
                        Note("Ich bestätige mit meiner Unterschrift, dass die Angaben richtig sind."),
                        Signature(sign_label="Unterschrift des Wohnungsgebers"),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t2-stadt-tabelle",
            doc_type=t,
            title="Bestätigung des Wohnungsgebers",
            subtitle=f"über den Ein- oder Auszug {law}",
            form_code="KVR-II/211",
            office=KVR_BUERGERBUERO,
            style=FormStyle(
                layout="table",
                header="city",
                sections="bar",
                accent=BLUE,
                label_font="Vera",
                value_font="Helvetica",
                row_height=20,
                generic_acro_names=True,
            ),
            sections=(
                Section(
                    "Wohnung",
                    (
                        (
                            Choice(
                                "event",
                                "Vorgang",
                                (("einzug", "Einzug in die Wohnung"), ("auszug", "Auszug aus der Wohnung")),
                                columns=2,
                            ),
                        ),
                        (Slot("event_date", "am"),),
                        (Slot("dwelling_address", "Anschrift der Wohnung"),),
                    ),
                ),
                Section("Meldepflichtige Personen", (NameList("persons", "Vor- und Familienname", rows=5),)),
                Section(
                    "Wohnungsgeber",
                    (
                        (Slot("landlord_name", "Name / Firma"),),
                        (Slot("landlord_address", "Anschrift"),),
                        (Slot("owner_name", "Eigentümer (falls abweichend)"),),
                        Note(),
                        Signature(),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t3-linien",
            doc_type=t,
            title="Wohnungsgeberbestätigung",
            subtitle=law,
            form_code="WGB-M",
            office=KVR_BUERGERBUERO,
            style=FormStyle(
                layout="lines",
                header="minimal",
                sections="rule",
                accent=GREY,
                label_font="Times-Roman",
                heading_font="Times-Bold",
                value_font="Courier",
                row_height=22,
                writing=WritingStyle(date="d.m.yyyy"),
            ),
            sections=(
                Section(
                    "",
                    (
                        Note("Hiermit bestätige ich als Wohnungsgeber den"),
                        (
                            Choice(
                                "event",
                                "Vorgang",
                                (("einzug", "Einzug"), ("auszug", "Auszug")),
                                columns=2,
                                width=0.8,
                            ),
                            Slot("event_date", "am"),
                        ),
                        (Slot("dwelling_address", "in die / aus der Wohnung"),),
                        NameList("persons", "der folgenden Personen", rows=4),
                    ),
                ),
                Section(
                    "Wohnungsgeber",
                    (
                        (Slot("landlord_name", "Name"),),
                        (Slot("landlord_address", "Anschrift"),),
                        (Slot("owner_name", "Eigentümer/in"),),
                        Signature(),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t4-hausverwaltung",
            doc_type=t,
            title="Wohnungsgeberbestätigung",
            subtitle="Bescheinigung für die Meldebehörde (§ 19 BMG)",
            form_code="HV-07",
            office=("Vordruck der Hausverwaltung",),
            style=FormStyle(
                layout="underlabel",
                header="banner",
                sections="plain",
                accent=GREEN,
                label_font="Helvetica",
                value_font="Vera",
                value_size=10,
                row_height=28,
            ),
            sections=(
                Section(
                    "Vermieter / Wohnungsgeber",
                    (
                        (Slot("landlord_name", "Name, Vorname bzw. Firma"),),
                        _address("landlord_address", "Straße, Hausnummer", "PLZ", "Wohnort"),
                        (Slot("owner_name", "Name des Eigentümers, falls nicht identisch"),),
                    ),
                ),
                Section(
                    "Mietobjekt",
                    (
                        _address("dwelling_address", "Straße, Hausnummer, Stockwerk", "PLZ", "Ort"),
                        (
                            Choice("event", "Art", (("einzug", "Einzug"), ("auszug", "Auszug")), columns=2),
                            Slot("event_date", "Datum"),
                        ),
                    ),
                ),
                Section(
                    "Mieter",
                    (
                        NameList("persons", "Name der einziehenden / ausziehenden Personen", rows=4),
                        Signature(place_label="Ort, Datum", sign_label="Unterschrift Vermieter"),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t5-querformat-raster",
            doc_type=t,
            title="Bestätigung Wohnungsgeber",
            subtitle="Einzug/Auszug – vorzulegen bei der Meldebehörde",
            form_code="WG-1",
            holdout=True,
            office=KVR_BUERGERBUERO,
            style=FormStyle(
                layout="boxed",
                header="minimal",
                sections="bar",
                accent=RED,
                label_font="Courier",
                heading_font="Courier-Bold",
                value_font="Helvetica-Oblique",
                label_size=6.5,
                row_height=25,
                writing=WritingStyle(date="d. month yyyy"),
            ),
            sections=(
                Section("Bewohner", (NameList("persons", "Eingezogene bzw. ausgezogene Personen", rows=3),)),
                Section(
                    "Wohnung und Vorgang",
                    (
                        (Slot("dwelling_address", "Wohnung", 2), Slot("event_date", "Stichtag")),
                        (
                            Choice(
                                "event",
                                "Einzug oder Auszug?",
                                (("einzug", "eingezogen"), ("auszug", "ausgezogen")),
                                columns=2,
                            ),
                        ),
                    ),
                ),
                Section(
                    "Wohnungsgeber / Eigentümer",
                    (
                        (Slot("landlord_name", "Wohnungsgeber"), Slot("owner_name", "Eigentümer")),
                        (Slot("landlord_address", "Anschrift Wohnungsgeber"),),
                        Signature(place_label="Ort/Datum"),
                    ),
                ),
            ),
        ),
    )


# -- Anmeldung bei der Meldebehörde -------------------------------------------------------------

STATUS = (("alleinige", "alleinige Wohnung"), ("haupt", "Hauptwohnung"), ("neben", "Nebenwohnung"))
SEX = (
    ("maennlich", "männlich"),
    ("weiblich", "weiblich"),
    ("divers", "divers"),
    ("ohne_angabe", "ohne Angabe"),
)
PERSON_COLUMNS = (
    ("family_name", "Familienname", 1.3),
    ("given_names", "Vornamen", 1.3),
    ("birth_date", "Geburtsdatum", 0.9),
    ("birth_place", "Geburtsort", 1.0),
    ("sex", "Geschl.", 0.45),
    ("nationality", "Staatsangeh.", 0.9),
)


def _meldeschein() -> tuple[FormTemplate, ...]:
    t = "meldeschein"
    title, law = "Anmeldung bei der Meldebehörde", "nach § 17 Abs. 1 Bundesmeldegesetz"
    return (
        FormTemplate(
            id=f"{t}/t1-amtlich-tabelle",
            doc_type=t,
            title=title,
            subtitle=law,
            form_code="Meldeschein",
            office=KVR_BUERGERBUERO,
            style=FormStyle(layout="boxed", header="federal", sections="box", numbered=True, row_height=26),
            sections=(
                Section(
                    "Wohnung",
                    (
                        (
                            Slot("move_in_date", "Tag des Einzugs", 0.6),
                            Slot("new_address", "Neue Wohnung (Straße, Nr., PLZ, Ort)", 2),
                        ),
                        (Choice("dwelling_status", "Die neue Wohnung ist", STATUS, columns=3),),
                        (Slot("previous_address", "Bisherige Wohnung (Straße, Nr., PLZ, Ort)"),),
                    ),
                ),
                Section("Angemeldete Personen", (RecordTable("persons", PERSON_COLUMNS, rows=4),)),
                Section(
                    "Ausweis",
                    (
                        (
                            Slot("id_document_number", "Personalausweis- / Pass-Nr."),
                            Slot("~authority", "Ausstellungsbehörde"),
                        ),
                        Signature(sign_label="Unterschrift der meldepflichtigen Person"),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t2-stadt-personenbloecke",
            doc_type=t,
            title="Anmeldung",
            subtitle=f"einer Wohnung {law}",
            form_code="KVR-II/200",
            office=KVR_BUERGERBUERO,
            style=FormStyle(
                layout="table",
                header="city",
                sections="bar",
                accent=BLUE,
                label_font="Vera",
                value_font="Helvetica",
                row_height=19,
                generic_acro_names=True,
            ),
            sections=(
                Section(
                    "Neue Wohnung",
                    (
                        (Slot("new_address", "Straße, Hausnummer, PLZ, Ort"),),
                        (Slot("move_in_date", "Einzugsdatum"),),
                        (Choice("dwelling_status", "Art der Wohnung", STATUS, columns=3),),
                        (Slot("previous_address", "Letzte Wohnung"),),
                    ),
                ),
                Section(
                    "Personen",
                    (
                        RecordBlocks(
                            "persons",
                            "Person {n}",
                            (
                                (Slot("family_name", "Familienname"), Slot("given_names", "Vornamen")),
                                (Slot("birth_date", "Geburtsdatum"), Slot("birth_place", "Geburtsort")),
                                (
                                    Choice("sex", "Geschlecht", SEX, columns=4),
                                    Slot("nationality", "Staatsangehörigkeit"),
                                ),
                            ),
                            count=3,
                        ),
                    ),
                ),
                Section("Dokument", ((Slot("id_document_number", "Ausweisnummer"),), Signature())),
            ),
        ),
        FormTemplate(
            id=f"{t}/t3-linien-zweiseitig",
            doc_type=t,
            title="Meldeschein – Anmeldung",
            subtitle=law,
            form_code="MS-A",
            office=KVR_BUERGERBUERO,
            style=FormStyle(
                layout="lines",
                header="minimal",
                sections="rule",
                accent=GREY,
                label_font="Times-Roman",
                heading_font="Times-Bold",
                value_font="Courier",
                row_height=21,
                writing=WritingStyle(date="d.m.yyyy"),
            ),
            sections=(
                Section(
                    "Wohnung",
                    (
                        (Slot("move_in_date", "Einzug am", 0.7), Slot("new_address", "Anschrift", 2)),
                        (
                            Choice(
                                "dwelling_status",
                                "Status",
                                (("alleinige", "alleinige"), ("haupt", "Haupt"), ("neben", "Neben")),
                                columns=3,
                            ),
                        ),
                        (Slot("previous_address", "Bisherige Anschrift"),),
                        Note(),
                    ),
                ),
                Section(
                    "Personen",
                    (
                        RecordBlocks(
                            "persons",
                            "{n}. Person",
                            (
                                (Slot("given_names", "Vorname(n)"), Slot("family_name", "Name")),
                                (
                                    Slot("birth_date", "geb. am", 0.7),
                                    Slot("birth_place", "in"),
                                    Slot("nationality", "Staatsang."),
                                ),
                                (
                                    Choice(
                                        "sex",
                                        "Geschlecht",
                                        (
                                            ("maennlich", "m"),
                                            ("weiblich", "w"),
                                            ("divers", "d"),
                                            ("ohne_angabe", "o. A."),
                                        ),
                                        columns=4,
                                    ),
                                ),
                            ),
                            count=2,
                        ),
                        PageBreak(),
                        Note("Weitere Personen bitte auf einem zusätzlichen Vordruck anmelden."),
                        (Slot("id_document_number", "Ausweis-Nr."), Slot("~authority", "ausgestellt von")),
                        Signature(),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t4-banner",
            doc_type=t,
            title="Anmeldung Wohnsitz",
            subtitle="Meldeschein für Haushalte",
            form_code="MS-H",
            office=KVR_BUERGERBUERO,
            style=FormStyle(
                layout="underlabel",
                header="banner",
                sections="plain",
                accent=PETROL,
                label_font="Vera",
                heading_font="Vera-Bold",
                value_font="Helvetica",
                row_height=27,
            ),
            sections=(
                Section(
                    "Neue Wohnung",
                    (
                        _address("new_address", "Straße und Hausnummer", "PLZ", "Gemeinde"),
                        (
                            Slot("move_in_date", "Einzugstag"),
                            Choice("dwelling_status", "Nutzung", STATUS, columns=3, width=2),
                        ),
                        (Slot("previous_address", "Vorherige Anschrift"),),
                    ),
                ),
                Section(
                    "Haushalt",
                    (
                        RecordTable("persons", PERSON_COLUMNS, rows=4),
                        (Slot("id_document_number", "Ausweisnummer (Person 1)"),),
                        Signature(),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t5-kompakt",
            doc_type=t,
            title="Anmeldung",
            subtitle="Meldebehörde Landeshauptstadt München",
            form_code="AN-5",
            office=KVR_BUERGERBUERO,
            holdout=True,
            style=FormStyle(
                layout="boxed",
                header="city",
                sections="rule",
                accent=RED,
                label_font="Times-Italic",
                heading_font="Times-Bold",
                value_font="Vera",
                value_size=9,
                row_height=23,
                writing=WritingStyle(date="d. month yyyy"),
            ),
            sections=(
                Section(
                    "Personen, die einziehen",
                    (
                        RecordTable(
                            "persons",
                            (
                                ("given_names", "Vorname(n)", 1.2),
                                ("family_name", "Familienname", 1.2),
                                ("sex", "m/w/d", 0.4),
                                ("birth_date", "Geburtstag", 1.1),
                                ("birth_place", "Geburtsort", 1.0),
                                ("nationality", "Nationalität", 0.9),
                            ),
                            rows=4,
                        ),
                    ),
                ),
                Section(
                    "Wohnungen",
                    (
                        (Slot("new_address", "Neue Anschrift", 2), Slot("move_in_date", "bezogen am")),
                        (Slot("previous_address", "Alte Anschrift"),),
                        (Choice("dwelling_status", "Wohnungsstatus", STATUS, columns=3),),
                        (Slot("id_document_number", "Nr. des Ausweisdokuments"),),
                        Signature(),
                    ),
                ),
            ),
        ),
    )


# -- Bewohnerparkausweis ------------------------------------------------------------------------

HOLDER = (
    ("selbst", "Antragsteller/in selbst"),
    ("arbeitgeber", "Arbeitgeber"),
    ("leasing", "Leasinggeber"),
    ("sonstige", "Sonstige"),
)


def _parking() -> tuple[FormTemplate, ...]:
    t = "bewohnerparkausweis"
    title = "Antrag auf Ausstellung eines Bewohnerparkausweises"
    return (
        FormTemplate(
            id=f"{t}/t1-stadt-boxen",
            doc_type=t,
            title="Bewohnerparkausweis",
            subtitle=title,
            form_code="MOR-BP1",
            office=MOBILITY,
            style=FormStyle(layout="boxed", header="city", sections="bar", accent=BLUE, value_font="Courier"),
            sections=(
                Section(
                    "Antragsteller/in",
                    (
                        (Slot("family_name", "Familienname"), Slot("given_names", "Vorname(n)")),
                        _address("address", "Hauptwohnsitz in München (Straße, Hausnummer)"),
                        (Slot("email", "E-Mail (für den Bescheid)"),),
                    ),
                ),
                Section(
                    "Fahrzeug",
                    (
                        (
                            Slot("license_plate", "Amtliches Kennzeichen"),
                            Slot("parking_zone", "Parklizenzgebiet-Nr.", 0.7),
                            Slot("valid_from", "gewünscht ab", 0.8),
                        ),
                        (Choice("vehicle_holder", "Halter des Fahrzeugs ist", HOLDER, columns=4),),
                        Note(),
                        Signature(),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t2-amtlich-nummeriert",
            doc_type=t,
            title=title,
            subtitle="gemäß § 45 Abs. 1b Nr. 2a StVO",
            form_code="BPA",
            office=MOBILITY,
            style=FormStyle(
                layout="boxed",
                header="federal",
                sections="box",
                numbered=True,
                writing=WritingStyle(plate="M AB 1234"),
                generic_acro_names=True,
            ),
            sections=(
                Section(
                    "Persönliche Angaben",
                    (
                        (Slot("given_names", "Vorname"), Slot("family_name", "Name")),
                        (Slot("address", "Anschrift (Straße, Nr., PLZ, Ort)"),),
                        (Slot("email", "E-Mail"),),
                    ),
                ),
                Section(
                    "Angaben zum Kraftfahrzeug",
                    (
                        (
                            Slot("license_plate", "Kennzeichen", comb=11),
                            Slot("parking_zone", "Lizenzgebiet", 0.6),
                        ),
                        (
                            Choice(
                                "vehicle_holder",
                                "Fahrzeughalter",
                                (
                                    ("selbst", "ich selbst"),
                                    ("arbeitgeber", "Arbeitgeber"),
                                    ("leasing", "Leasing"),
                                    ("sonstige", "andere Person"),
                                ),
                                columns=4,
                            ),
                        ),
                        (Slot("valid_from", "Beginn der Gültigkeit"),),
                        Signature(),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t3-linien",
            doc_type=t,
            title="Antrag Bewohnerparken",
            subtitle="Mobilitätsreferat – Parkraummanagement",
            form_code="PRM-3",
            office=MOBILITY,
            style=FormStyle(
                layout="lines",
                header="minimal",
                sections="rule",
                accent=GREEN,
                label_font="Times-Roman",
                heading_font="Times-Bold",
                value_font="Helvetica",
                row_height=22,
                writing=WritingStyle(date="dd.mm.yy", plate="M-AB1234"),
            ),
            sections=(
                Section(
                    "",
                    (
                        (Slot("family_name", "Name"), Slot("given_names", "Vorname")),
                        (Slot("address", "Wohnanschrift"),),
                        (Slot("license_plate", "Kfz-Kennzeichen"), Slot("parking_zone", "Gebiet")),
                        (
                            Choice(
                                "vehicle_holder",
                                "Halter",
                                (
                                    ("selbst", "selbst"),
                                    ("arbeitgeber", "Arbeitgeber"),
                                    ("leasing", "Leasing"),
                                    ("sonstige", "Sonstige"),
                                ),
                                columns=4,
                            ),
                        ),
                        (Slot("valid_from", "Ausweis gültig ab"), Slot("email", "E-Mail")),
                        Note(),
                        Signature(),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t4-banner-tabelle",
            doc_type=t,
            title="Bewohnerparkausweis beantragen",
            subtitle="Bitte vollständig ausfüllen und mit Fahrzeugschein einreichen",
            form_code="BP-online",
            office=MOBILITY,
            style=FormStyle(
                layout="table",
                header="banner",
                sections="plain",
                accent=PETROL,
                label_font="Vera",
                heading_font="Vera-Bold",
                value_font="Vera",
                row_height=20,
                writing=WritingStyle(date="d.m.yyyy"),
            ),
            sections=(
                Section(
                    "Fahrzeug",
                    (
                        (Slot("license_plate", "Kennzeichen"),),
                        (Choice("vehicle_holder", "Zugelassen auf", HOLDER, columns=2),),
                        (Slot("parking_zone", "Parklizenzgebiet"),),
                        (Slot("valid_from", "Gültig ab"),),
                    ),
                ),
                Section(
                    "Antragsteller/in",
                    (
                        (Slot("family_name", "Familienname"),),
                        (Slot("given_names", "Vorname(n)"),),
                        (Slot("address", "Anschrift"),),
                        (Slot("email", "E-Mail"),),
                        Signature(),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t5-unterlinien-rot",
            doc_type=t,
            title="Parkausweis für Bewohner",
            subtitle="Neuantrag / Verlängerung",
            form_code="BW-5",
            office=MOBILITY,
            holdout=True,
            style=FormStyle(
                layout="underlabel",
                header="city",
                sections="box",
                accent=RED,
                label_font="Times-Italic",
                heading_font="Times-Bold",
                value_font="Courier-Bold",
                value_size=10,
                row_height=28,
                writing=WritingStyle(plate="M AB 1234", date="d. month yyyy"),
            ),
            sections=(
                Section(
                    "Fahrzeug und Gebiet",
                    (
                        (
                            Slot("license_plate", "Kfz-Zeichen"),
                            Slot("parking_zone", "Zone"),
                            Slot("valid_from", "ab"),
                        ),
                        (Choice("vehicle_holder", "Haltereigenschaft", HOLDER, columns=4),),
                    ),
                ),
                Section(
                    "Bewohner/in",
                    (
                        (Slot("given_names", "Vorname"), Slot("family_name", "Familienname")),
                        _address("address", "Straße / Nr.", "PLZ", "Ort"),
                        (Slot("email", "Kontakt (E-Mail)"),),
                        Signature(place_label="Datum"),
                    ),
                ),
            ),
        ),
    )


# -- Hundesteuer --------------------------------------------------------------------------------


def _dog_tax() -> tuple[FormTemplate, ...]:
    t = "hundesteuer"
    title = "Anmeldung zur Hundesteuer"
    return (
        FormTemplate(
            id=f"{t}/t1-stadt-boxen",
            doc_type=t,
            title=title,
            subtitle="Hundesteuersatzung der Landeshauptstadt München",
            form_code="HSt-1",
            office=DOG_TAX,
            style=FormStyle(layout="boxed", header="city", sections="bar", accent=BLUE, value_font="Courier"),
            sections=(
                Section(
                    "Halter/in",
                    (
                        (Slot("family_name", "Familienname"), Slot("given_names", "Vorname(n)")),
                        _address("address"),
                    ),
                ),
                Section(
                    "Hund",
                    (
                        (
                            Slot("dog_breed", "Rasse / Kreuzung", 1.4),
                            Slot("dog_birth_date", "Wurfdatum"),
                            Slot("kept_since", "gehalten seit"),
                        ),
                        (Slot("microchip_number", "Transpondernummer (Chip)"),),
                    ),
                ),
                Section(
                    "SEPA-Lastschriftmandat",
                    (
                        (Slot("iban", "IBAN", 1.6), Slot("account_holder", "Kontoinhaber/in")),
                        Note(),
                        Signature(),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t2-amtlich-kamm",
            doc_type=t,
            title=title,
            subtitle="und Erteilung eines SEPA-Lastschriftmandats",
            form_code="StK-H",
            office=DOG_TAX,
            style=FormStyle(
                layout="boxed",
                header="federal",
                sections="box",
                numbered=True,
                writing=WritingStyle(group_iban=False),
                generic_acro_names=True,
            ),
            sections=(
                Section(
                    "Steuerpflichtige Person",
                    (
                        (Slot("family_name", "Name"), Slot("given_names", "Vorname")),
                        (Slot("address", "Anschrift"),),
                    ),
                ),
                Section(
                    "Angaben zum Hund",
                    (
                        (Slot("dog_breed", "Rasse"), Slot("kept_since", "Hund gehalten ab")),
                        (Slot("microchip_number", "Chip-Nr. (15-stellig)", comb=15),),
                        (Slot("dog_birth_date", "geboren am"),),
                    ),
                ),
                Section(
                    "Bankverbindung",
                    (
                        (Slot("iban", "IBAN", comb=22),),
                        (Slot("account_holder", "Kontoinhaber"),),
                        Signature(),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t3-linien",
            doc_type=t,
            title="Hundeanmeldung",
            subtitle="Steueramt – Hundesteuer",
            form_code="HA-3",
            office=DOG_TAX,
            style=FormStyle(
                layout="lines",
                header="minimal",
                sections="rule",
                accent=GREY,
                label_font="Times-Roman",
                heading_font="Times-Bold",
                value_font="Helvetica",
                row_height=22,
                writing=WritingStyle(date="d.m.yyyy", group_microchip=True),
            ),
            sections=(
                Section(
                    "",
                    (
                        (Slot("given_names", "Vorname"), Slot("family_name", "Zuname")),
                        (Slot("address", "wohnhaft in"),),
                        (Slot("dog_breed", "Hunderasse"), Slot("dog_birth_date", "Wurftag")),
                        (
                            Slot("kept_since", "Beginn der Hundehaltung"),
                            Slot("microchip_number", "Mikrochip"),
                        ),
                        (Slot("iban", "IBAN für Abbuchung", 1.5), Slot("account_holder", "Inhaber")),
                        Note(),
                        Signature(),
                    ),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t4-banner-tabelle",
            doc_type=t,
            title="Hundesteuer – Anmeldung",
            subtitle="Bitte innerhalb von zwei Wochen nach Beginn der Haltung einreichen",
            form_code="HS-web",
            office=DOG_TAX,
            style=FormStyle(
                layout="table",
                header="banner",
                sections="plain",
                accent=GREEN,
                label_font="Vera",
                heading_font="Vera-Bold",
                value_font="Vera",
                row_height=20,
            ),
            sections=(
                Section(
                    "Hund",
                    (
                        (Slot("dog_breed", "Rasse"),),
                        (Slot("dog_birth_date", "Wurfdatum"),),
                        (Slot("kept_since", "Halter seit"),),
                        (Slot("microchip_number", "Chipnummer"),),
                    ),
                ),
                Section(
                    "Halter",
                    (
                        (Slot("family_name", "Name"),),
                        (Slot("given_names", "Vorname"),),
                        (Slot("address", "Adresse"),),
                    ),
                ),
                Section(
                    "Zahlung",
                    ((Slot("iban", "IBAN"),), (Slot("account_holder", "Kontoinhaber"),), Signature()),
                ),
            ),
        ),
        FormTemplate(
            id=f"{t}/t5-unterlinien",
            doc_type=t,
            title="Anmeldung eines Hundes",
            subtitle="zur Hundesteuer",
            form_code="HUND-5",
            office=DOG_TAX,
            holdout=True,
            style=FormStyle(
                layout="underlabel",
                header="federal",
                sections="rule",
                accent=RED,
                label_font="Times-Italic",
                heading_font="Times-Bold",
                value_font="Courier-Bold",
                row_height=28,
                writing=WritingStyle(date="d. month yyyy"),
            ),
            sections=(
                Section(
                    "Der Hund",
                    (
                        (
                            Slot("microchip_number", "Transponder-Code"),
                            Slot("dog_breed", "Rasse / Mischling"),
                        ),
                        (
                            Slot("dog_birth_date", "Geburtsdatum des Hundes"),
                            Slot("kept_since", "in meinem Haushalt seit"),
                        ),
                    ),
                ),
                Section(
                    "Die Halterin / der Halter",
                    (
                        (Slot("family_name", "Nachname"), Slot("given_names", "Vornamen")),
                        _address("address", "Straße, Hausnummer", "Postleitzahl", "Ort"),
                    ),
                ),
                Section(
                    "Lastschrift",
                    (
                        (Slot("account_holder", "Name des Kontoinhabers"), Slot("iban", "IBAN", 1.5)),
                        Signature(place_label="Datum"),
                    ),
                ),
            ),
        ),
    )


FORM_TEMPLATES: tuple[FormTemplate, ...] = (
    *_gewerbe("gewerbeanmeldung"),
    *_gewerbe("gewerbeabmeldung"),
    *_wohnungsgeber(),
    *_meldeschein(),
    *_parking(),
    *_dog_tax(),
)
