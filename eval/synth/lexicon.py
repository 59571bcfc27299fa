"""Curated German word lists from which the synthetic document generator samples."""

from typing import Final, NamedTuple


class MunichStreet(NamedTuple):
    """A real Munich street with a plausible postcode and its city district (Stadtbezirk)."""

    name: str
    postcode: str
    district: str


class Trade(NamedTuple):
    """A business activity as written on a Gewerbeanmeldung, with words for a business name."""

    activity: str
    name_words: tuple[str, ...]


class LineItem(NamedTuple):
    """One invoice position with a net unit price range (decimal strings) and the VAT rate."""

    description: str
    unit: str
    min_price: str
    max_price: str
    vat_rate: int


class Supplier(NamedTuple):
    """A kind of supplier that invoices the city administration."""

    trade: str
    name_words: tuple[str, ...]
    items: tuple[LineItem, ...]


class Office(NamedTuple):
    """A receiving unit of the Landeshauptstadt München (invoice recipient, letter addressee)."""

    name: str
    unit: str
    street: str
    postcode: str


class Decision(NamedTuple):
    """A kind of Bescheid a citizen may object to, its issuing office and file-reference prefix."""

    subject: str
    office: str
    reference_prefix: str


class Flyer(NamedTuple):
    """A leaflet or notice (distractor for the class sonstiges)."""

    title: str
    lines: tuple[str, ...]


class OtherLetter(NamedTuple):
    """A letter that reaches the city but is none of the catalogue document types."""

    subject: str
    paragraphs: tuple[str, ...]


class OtherForm(NamedTuple):
    """An administrative form that is not in the catalogue (distractor for sonstiges)."""

    title: str
    issuer: str
    fields: tuple[str, ...]
    checkboxes: tuple[str, ...]


# ---------------------------------------------------------------------------
# Addresses
# ---------------------------------------------------------------------------

_ALT = "Altstadt-Lehel"
_LUI = "Ludwigsvorstadt-Isarvorstadt"
_MAX = "Maxvorstadt"
_SWW = "Schwabing-West"
_AUH = "Au-Haidhausen"
_SEN = "Sendling"
_SWP = "Sendling-Westpark"
_SHH = "Schwanthalerhöhe"
_NNY = "Neuhausen-Nymphenburg"
_MOO = "Moosach"
_MIL = "Milbertshofen-Am Hart"
_SWF = "Schwabing-Freimann"
_BOG = "Bogenhausen"
_BAL = "Berg am Laim"
_TRR = "Trudering-Riem"
_RAP = "Ramersdorf-Perlach"
_OGF = "Obergiesing-Fasangarten"
_UGH = "Untergiesing-Harlaching"
_THA = "Thalkirchen-Obersendling-Forstenried-Fürstenried-Solln"
_HAD = "Hadern"
_PAO = "Pasing-Obermenzing"
_AUB = "Aubing-Lochhausen-Langwied"
_ALU = "Allach-Untermenzing"
_FEH = "Feldmoching-Hasenbergl"
_LAI = "Laim"

MUNICH_STREETS: Final[tuple[MunichStreet, ...]] = (
    # 1 Altstadt-Lehel
    MunichStreet("Marienplatz", "80331", _ALT),
    MunichStreet("Kaufingerstraße", "80331", _ALT),
    MunichStreet("Sendlinger Straße", "80331", _ALT),
    MunichStreet("Tal", "80331", _ALT),
    MunichStreet("Rosenstraße", "80331", _ALT),
    MunichStreet("Am Platzl", "80331", _ALT),
    MunichStreet("Sankt-Jakobs-Platz", "80331", _ALT),
    MunichStreet("Herzog-Wilhelm-Straße", "80331", _ALT),
    MunichStreet("An der Hauptfeuerwache", "80331", _ALT),
    MunichStreet("Residenzstraße", "80333", _ALT),
    MunichStreet("Theatinerstraße", "80333", _ALT),
    MunichStreet("Promenadeplatz", "80333", _ALT),
    MunichStreet("Maximilianstraße", "80539", _ALT),
    MunichStreet("Am Hofgraben", "80539", _ALT),
    MunichStreet("Thierschstraße", "80538", _ALT),
    MunichStreet("St.-Anna-Straße", "80538", _ALT),
    MunichStreet("Liebigstraße", "80538", _ALT),
    MunichStreet("Oettingenstraße", "80538", _ALT),
    # 2 Ludwigsvorstadt-Isarvorstadt
    MunichStreet("Goethestraße", "80336", _LUI),
    MunichStreet("Schillerstraße", "80336", _LUI),
    MunichStreet("Landwehrstraße", "80336", _LUI),
    MunichStreet("Pettenkoferstraße", "80336", _LUI),
    MunichStreet("Nußbaumstraße", "80336", _LUI),
    MunichStreet("Bayerstraße", "80335", _LUI),
    MunichStreet("Lindwurmstraße", "80337", _LUI),
    MunichStreet("Kapuzinerplatz", "80337", _LUI),
    MunichStreet("Thalkirchner Straße", "80337", _LUI),
    MunichStreet("Zenettistraße", "80337", _LUI),
    MunichStreet("Gärtnerplatz", "80469", _LUI),
    MunichStreet("Reichenbachstraße", "80469", _LUI),
    MunichStreet("Fraunhoferstraße", "80469", _LUI),
    MunichStreet("Müllerstraße", "80469", _LUI),
    MunichStreet("Baaderstraße", "80469", _LUI),
    MunichStreet("Klenzestraße", "80469", _LUI),
    MunichStreet("Holzstraße", "80469", _LUI),
    MunichStreet("Corneliusstraße", "80469", _LUI),
    MunichStreet("Dreimühlenstraße", "80469", _LUI),
    # 3 Maxvorstadt
    MunichStreet("Augustenstraße", "80333", _MAX),
    MunichStreet("Theresienstraße", "80333", _MAX),
    MunichStreet("Gabelsbergerstraße", "80333", _MAX),
    MunichStreet("Karlstraße", "80333", _MAX),
    MunichStreet("Arcisstraße", "80333", _MAX),
    MunichStreet("Luisenstraße", "80333", _MAX),
    MunichStreet("Barer Straße", "80333", _MAX),
    MunichStreet("Königsplatz", "80333", _MAX),
    MunichStreet("Dachauer Straße", "80335", _MAX),
    MunichStreet("Amalienstraße", "80799", _MAX),
    MunichStreet("Türkenstraße", "80799", _MAX),
    MunichStreet("Schellingstraße", "80799", _MAX),
    MunichStreet("Adalbertstraße", "80799", _MAX),
    MunichStreet("Heßstraße", "80799", _MAX),
    MunichStreet("Ludwigstraße", "80539", _MAX),
    MunichStreet("Josephsplatz", "80798", _MAX),
    # 4 Schwabing-West
    MunichStreet("Hohenzollernstraße", "80801", _SWW),
    MunichStreet("Elisabethstraße", "80796", _SWW),
    MunichStreet("Elisabethplatz", "80796", _SWW),
    MunichStreet("Kurfürstenplatz", "80796", _SWW),
    MunichStreet("Belgradstraße", "80796", _SWW),
    MunichStreet("Hiltenspergerstraße", "80798", _SWW),
    MunichStreet("Agnesstraße", "80798", _SWW),
    MunichStreet("Ackermannstraße", "80797", _SWW),
    MunichStreet("Winzererstraße", "80797", _SWW),
    MunichStreet("Schleißheimer Straße", "80797", _SWW),
    MunichStreet("Clemensstraße", "80803", _SWW),
    MunichStreet("Karl-Theodor-Straße", "80803", _SWW),
    # 5 Au-Haidhausen
    MunichStreet("Rosenheimer Straße", "81669", _AUH),
    MunichStreet("Lilienstraße", "81669", _AUH),
    MunichStreet("Hochstraße", "81669", _AUH),
    MunichStreet("Weißenburger Straße", "81667", _AUH),
    MunichStreet("Wörthstraße", "81667", _AUH),
    MunichStreet("Preysingstraße", "81667", _AUH),
    MunichStreet("Pariser Platz", "81667", _AUH),
    MunichStreet("Orleansplatz", "81667", _AUH),
    MunichStreet("Wiener Platz", "81667", _AUH),
    MunichStreet("Steinstraße", "81667", _AUH),
    MunichStreet("Kirchenstraße", "81675", _AUH),
    MunichStreet("Einsteinstraße", "81675", _AUH),
    MunichStreet("Ohlmüllerstraße", "81541", _AUH),
    MunichStreet("Mariahilfplatz", "81541", _AUH),
    MunichStreet("Am Neudeck", "81541", _AUH),
    # 6 Sendling
    MunichStreet("Plinganserstraße", "81369", _SEN),
    MunichStreet("Daiserstraße", "81371", _SEN),
    MunichStreet("Implerstraße", "81371", _SEN),
    MunichStreet("Oberländerstraße", "81371", _SEN),
    MunichStreet("Valleystraße", "81371", _SEN),
    MunichStreet("Brudermühlstraße", "81371", _SEN),
    MunichStreet("Alramstraße", "81371", _SEN),
    MunichStreet("Kidlerstraße", "81371", _SEN),
    MunichStreet("Schäftlarnstraße", "81371", _SEN),
    MunichStreet("Am Harras", "81373", _SEN),
    MunichStreet("Margaretenplatz", "81373", _SEN),
    # 7 Sendling-Westpark
    MunichStreet("Albert-Roßhaupter-Straße", "81369", _SWP),
    MunichStreet("Passauerstraße", "81369", _SWP),
    MunichStreet("Hansastraße", "81373", _SWP),
    MunichStreet("Am Westpark", "81373", _SWP),
    MunichStreet("Radlkoferstraße", "81373", _SWP),
    MunichStreet("Heiterwanger Straße", "81373", _SWP),
    MunichStreet("Garmischer Straße", "81373", _SWP),
    MunichStreet("Landaubogen", "81373", _SWP),
    MunichStreet("Ehrwalder Straße", "81377", _SWP),
    # 8 Schwanthalerhöhe (Westend)
    MunichStreet("Westendstraße", "80339", _SHH),
    MunichStreet("Ganghoferstraße", "80339", _SHH),
    MunichStreet("Gollierstraße", "80339", _SHH),
    MunichStreet("Ligsalzstraße", "80339", _SHH),
    MunichStreet("Kazmairstraße", "80339", _SHH),
    MunichStreet("Bergmannstraße", "80339", _SHH),
    MunichStreet("Tulbeckstraße", "80339", _SHH),
    MunichStreet("Theresienhöhe", "80339", _SHH),
    MunichStreet("Georg-Freundorfer-Platz", "80339", _SHH),
    MunichStreet("Heimeranstraße", "80339", _SHH),
    # 9 Neuhausen-Nymphenburg
    MunichStreet("Rotkreuzplatz", "80634", _NNY),
    MunichStreet("Leonrodstraße", "80634", _NNY),
    MunichStreet("Donnersbergerstraße", "80634", _NNY),
    MunichStreet("Schulstraße", "80634", _NNY),
    MunichStreet("Wendl-Dietrich-Straße", "80634", _NNY),
    MunichStreet("Arnulfstraße", "80634", _NNY),
    MunichStreet("Volkartstraße", "80636", _NNY),
    MunichStreet("Elvirastraße", "80636", _NNY),
    MunichStreet("Blutenburgstraße", "80636", _NNY),
    MunichStreet("Nymphenburger Straße", "80636", _NNY),
    MunichStreet("Landshuter Allee", "80637", _NNY),
    MunichStreet("Dom-Pedro-Platz", "80637", _NNY),
    MunichStreet("Waisenhausstraße", "80637", _NNY),
    MunichStreet("Menzinger Straße", "80638", _NNY),
    MunichStreet("Nördliche Auffahrtsallee", "80638", _NNY),
    MunichStreet("Romanstraße", "80639", _NNY),
    MunichStreet("Hirschgartenallee", "80639", _NNY),
    MunichStreet("Südliche Auffahrtsallee", "80639", _NNY),
    MunichStreet("Wotanstraße", "80639", _NNY),
    # 10 Moosach
    MunichStreet("Pelkovenstraße", "80992", _MOO),
    MunichStreet("Baubergerstraße", "80992", _MOO),
    MunichStreet("Riesstraße", "80992", _MOO),
    MunichStreet("Hardenbergstraße", "80992", _MOO),
    MunichStreet("Gärtnerstraße", "80992", _MOO),
    MunichStreet("Georg-Brauchle-Ring", "80992", _MOO),
    MunichStreet("Agnes-Pockels-Bogen", "80992", _MOO),
    MunichStreet("Wintrichring", "80992", _MOO),
    MunichStreet("Hanauer Straße", "80993", _MOO),
    MunichStreet("Ehrenbreitsteiner Straße", "80993", _MOO),
    # 11 Milbertshofen-Am Hart
    MunichStreet("Knorrstraße", "80807", _MIL),
    MunichStreet("Keferloherstraße", "80807", _MIL),
    MunichStreet("Milbertshofener Straße", "80807", _MIL),
    MunichStreet("Frankfurter Ring", "80807", _MIL),
    MunichStreet("Petuelring", "80807", _MIL),
    MunichStreet("Riesenfeldstraße", "80809", _MIL),
    MunichStreet("Lerchenauer Straße", "80809", _MIL),
    MunichStreet("Helene-Mayer-Ring", "80809", _MIL),
    MunichStreet("Spiridon-Louis-Ring", "80809", _MIL),
    MunichStreet("Rudolf-Harbig-Weg", "80809", _MIL),
    MunichStreet("Neuherbergstraße", "80937", _MIL),
    MunichStreet("Rose-Pichler-Weg", "80937", _MIL),
    MunichStreet("Felsennelkenanger", "80937", _MIL),
    # 12 Schwabing-Freimann
    MunichStreet("Leopoldstraße", "80802", _SWF),
    MunichStreet("Feilitzschstraße", "80802", _SWF),
    MunichStreet("Münchner Freiheit", "80802", _SWF),
    MunichStreet("Occamstraße", "80802", _SWF),
    MunichStreet("Ungererstraße", "80805", _SWF),
    MunichStreet("Isarring", "80805", _SWF),
    MunichStreet("Werner-Heisenberg-Allee", "80939", _SWF),
    MunichStreet("Lilienthalallee", "80939", _SWF),
    MunichStreet("Karl-Köglsperger-Straße", "80939", _SWF),
    MunichStreet("Situlistraße", "80939", _SWF),
    MunichStreet("Heidemannstraße", "80939", _SWF),
    MunichStreet("Ingolstädter Straße", "80939", _SWF),
    # 13 Bogenhausen
    MunichStreet("Prinzregentenplatz", "81675", _BOG),
    MunichStreet("Ismaninger Straße", "81675", _BOG),
    MunichStreet("Possartstraße", "81679", _BOG),
    MunichStreet("Montgelasstraße", "81679", _BOG),
    MunichStreet("Bülowstraße", "81679", _BOG),
    MunichStreet("Mühlbaurstraße", "81677", _BOG),
    MunichStreet("Richard-Strauss-Straße", "81677", _BOG),
    MunichStreet("Vogelweideplatz", "81677", _BOG),
    MunichStreet("Leuchtenbergring", "81677", _BOG),
    MunichStreet("Effnerstraße", "81925", _BOG),
    MunichStreet("Arabellastraße", "81925", _BOG),
    MunichStreet("Oberföhringer Straße", "81925", _BOG),
    MunichStreet("Englschalkinger Straße", "81925", _BOG),
    MunichStreet("Cosimastraße", "81927", _BOG),
    MunichStreet("Johanneskirchner Straße", "81929", _BOG),
    # 14 Berg am Laim
    MunichStreet("Baumkirchner Straße", "81673", _BAL),
    MunichStreet("Kreillerstraße", "81673", _BAL),
    MunichStreet("St.-Michael-Straße", "81673", _BAL),
    MunichStreet("Berg-am-Laim-Straße", "81673", _BAL),
    MunichStreet("Schlüsselbergstraße", "81673", _BAL),
    MunichStreet("Josephsburgstraße", "81673", _BAL),
    MunichStreet("Neumarkter Straße", "81673", _BAL),
    # 15 Trudering-Riem
    MunichStreet("Truderinger Straße", "81825", _TRR),
    MunichStreet("Bajuwarenstraße", "81825", _TRR),
    MunichStreet("Zehntfeldstraße", "81825", _TRR),
    MunichStreet("Dachsteinstraße", "81825", _TRR),
    MunichStreet("Hochalmstraße", "81825", _TRR),
    MunichStreet("Wasserburger Landstraße", "81827", _TRR),
    MunichStreet("Friedenspromenade", "81827", _TRR),
    MunichStreet("Heilwigstraße", "81827", _TRR),
    MunichStreet("Edeltraudstraße", "81827", _TRR),
    MunichStreet("Am Mitterfeld", "81829", _TRR),
    MunichStreet("Willy-Brandt-Allee", "81829", _TRR),
    MunichStreet("Paul-Wassermann-Straße", "81829", _TRR),
    MunichStreet("Am Messesee", "81829", _TRR),
    MunichStreet("Konrad-Zuse-Platz", "81829", _TRR),
    MunichStreet("Schatzbogen", "81829", _TRR),
    MunichStreet("Kirchtruderinger Straße", "81829", _TRR),
    # 16 Ramersdorf-Perlach
    MunichStreet("Karl-Marx-Ring", "81735", _RAP),
    MunichStreet("Quiddestraße", "81735", _RAP),
    MunichStreet("Albert-Schweitzer-Straße", "81735", _RAP),
    MunichStreet("Feichtstraße", "81735", _RAP),
    MunichStreet("Zeitblomstraße", "81735", _RAP),
    MunichStreet("Kurt-Eisner-Straße", "81735", _RAP),
    MunichStreet("Fritz-Erler-Straße", "81737", _RAP),
    MunichStreet("Thomas-Dehler-Straße", "81737", _RAP),
    MunichStreet("Hanns-Seidel-Platz", "81737", _RAP),
    MunichStreet("Putzbrunner Straße", "81739", _RAP),
    MunichStreet("Ständlerstraße", "81549", _RAP),
    MunichStreet("Melusinenstraße", "81671", _RAP),
    MunichStreet("Führichstraße", "81671", _RAP),
    # 17 Obergiesing-Fasangarten
    MunichStreet("Tegernseer Landstraße", "81541", _OGF),
    MunichStreet("Silberhornstraße", "81541", _OGF),
    MunichStreet("Werinherstraße", "81541", _OGF),
    MunichStreet("Ichostraße", "81541", _OGF),
    MunichStreet("St.-Martin-Straße", "81541", _OGF),
    MunichStreet("Martin-Luther-Straße", "81539", _OGF),
    MunichStreet("Deisenhofener Straße", "81539", _OGF),
    MunichStreet("Giesinger Bahnhofplatz", "81539", _OGF),
    MunichStreet("Chiemgaustraße", "81549", _OGF),
    MunichStreet("Stadelheimer Straße", "81549", _OGF),
    MunichStreet("Fasangartenstraße", "81549", _OGF),
    # 18 Untergiesing-Harlaching
    MunichStreet("Humboldtstraße", "81543", _UGH),
    MunichStreet("Pilgersheimer Straße", "81543", _UGH),
    MunichStreet("Claude-Lorrain-Straße", "81543", _UGH),
    MunichStreet("Candidplatz", "81543", _UGH),
    MunichStreet("Agilolfingerplatz", "81543", _UGH),
    MunichStreet("Sachsenstraße", "81543", _UGH),
    MunichStreet("Tierparkstraße", "81543", _UGH),
    MunichStreet("Harthauser Straße", "81545", _UGH),
    MunichStreet("Naupliastraße", "81545", _UGH),
    MunichStreet("Menterschwaigstraße", "81545", _UGH),
    MunichStreet("Sanatoriumsplatz", "81545", _UGH),
    MunichStreet("Säbener Straße", "81547", _UGH),
    MunichStreet("Grünwalder Straße", "81547", _UGH),
    MunichStreet("Wettersteinplatz", "81547", _UGH),
    # 19 Thalkirchen-Obersendling-Forstenried-Fürstenried-Solln
    MunichStreet("Boschetsrieder Straße", "81379", _THA),
    MunichStreet("Zielstattstraße", "81379", _THA),
    MunichStreet("Zentralländstraße", "81379", _THA),
    MunichStreet("Hofmannstraße", "81379", _THA),
    MunichStreet("Hans-Preißinger-Straße", "81379", _THA),
    MunichStreet("Appenzeller Straße", "81475", _THA),
    MunichStreet("Forstenrieder Allee", "81476", _THA),
    MunichStreet("Züricher Straße", "81476", _THA),
    MunichStreet("Drygalski-Allee", "81477", _THA),
    MunichStreet("Herterichstraße", "81479", _THA),
    MunichStreet("Sollner Straße", "81479", _THA),
    MunichStreet("Wolfratshauser Straße", "81479", _THA),
    # 20 Hadern
    MunichStreet("Würmtalstraße", "81375", _HAD),
    MunichStreet("Guardinistraße", "81375", _HAD),
    MunichStreet("Stiftsbogen", "81375", _HAD),
    MunichStreet("Gräfelfinger Straße", "81375", _HAD),
    MunichStreet("Großhaderner Straße", "81375", _HAD),
    MunichStreet("Heiglhofstraße", "81377", _HAD),
    MunichStreet("Marchioninistraße", "81377", _HAD),
    MunichStreet("Seefelder Straße", "81377", _HAD),
    MunichStreet("Innerkoflerstraße", "81377", _HAD),
    # 21 Pasing-Obermenzing
    MunichStreet("Landsberger Straße", "81241", _PAO),
    MunichStreet("Bodenseestraße", "81241", _PAO),
    MunichStreet("Gleichmannstraße", "81241", _PAO),
    MunichStreet("Bäckerstraße", "81241", _PAO),
    MunichStreet("Planegger Straße", "81241", _PAO),
    MunichStreet("Gräfstraße", "81241", _PAO),
    MunichStreet("Otto-Engl-Platz", "81241", _PAO),
    MunichStreet("Pasinger Marienplatz", "81241", _PAO),
    MunichStreet("Am Knie", "81241", _PAO),
    MunichStreet("Rubensstraße", "81245", _PAO),
    MunichStreet("Pippinger Straße", "81245", _PAO),
    MunichStreet("Verdistraße", "81247", _PAO),
    MunichStreet("Thuillestraße", "81247", _PAO),
    MunichStreet("Dorfstraße", "81247", _PAO),
    MunichStreet("Freseniusstraße", "81247", _PAO),
    MunichStreet("Zehentstadelweg", "81247", _PAO),
    # 22 Aubing-Lochhausen-Langwied
    MunichStreet("Limesstraße", "81243", _AUB),
    MunichStreet("Ubostraße", "81245", _AUB),
    MunichStreet("Altostraße", "81245", _AUB),
    MunichStreet("Grafrather Straße", "81245", _AUB),
    MunichStreet("Josephine-Lang-Weg", "81245", _AUB),
    MunichStreet("Lisbergstraße", "81249", _AUB),
    MunichStreet("Ranertstraße", "81249", _AUB),
    MunichStreet("Leinweberweg", "81249", _AUB),
    MunichStreet("Hans-Stützle-Straße", "81249", _AUB),
    MunichStreet("Lochhausener Straße", "81249", _AUB),
    MunichStreet("Clarita-Bernhard-Straße", "81249", _AUB),
    MunichStreet("Wiesentfelser Straße", "81249", _AUB),
    # 23 Allach-Untermenzing
    MunichStreet("Eversbuschstraße", "80999", _ALU),
    MunichStreet("Enterstraße", "80999", _ALU),
    MunichStreet("Löfflerstraße", "80999", _ALU),
    MunichStreet("Krautheimstraße", "80997", _ALU),
    MunichStreet("Gröbenzeller Straße", "80997", _ALU),
    MunichStreet("Lauinger Straße", "80997", _ALU),
    MunichStreet("Am Neubruch", "80997", _ALU),
    # 24 Feldmoching-Hasenbergl
    MunichStreet("Dülferstraße", "80933", _FEH),
    MunichStreet("Blodigstraße", "80933", _FEH),
    MunichStreet("Stanigplatz", "80933", _FEH),
    MunichStreet("Wintersteinstraße", "80933", _FEH),
    MunichStreet("Linkstraße", "80933", _FEH),
    MunichStreet("Kienestraße", "80933", _FEH),
    MunichStreet("Stässerstraße", "80933", _FEH),
    MunichStreet("Weitlstraße", "80935", _FEH),
    MunichStreet("Ebereschenstraße", "80935", _FEH),
    MunichStreet("Waldmeisterstraße", "80935", _FEH),
    MunichStreet("Josef-Frankl-Straße", "80995", _FEH),
    MunichStreet("Am Blütenanger", "80995", _FEH),
    # 25 Laim
    MunichStreet("Fürstenrieder Straße", "80687", _LAI),
    MunichStreet("Agnes-Bernauer-Straße", "80687", _LAI),
    MunichStreet("Elsenheimerstraße", "80687", _LAI),
    MunichStreet("Perhamerstraße", "80687", _LAI),
    MunichStreet("Gotthardstraße", "80686", _LAI),
    MunichStreet("Zschokkestraße", "80686", _LAI),
    MunichStreet("Friedenheimer Straße", "80686", _LAI),
    MunichStreet("Willibaldstraße", "80689", _LAI),
    MunichStreet("Camerloherstraße", "80689", _LAI),
    MunichStreet("Senftenauerstraße", "80689", _LAI),
)

# ---------------------------------------------------------------------------
# Dog tax (Hundesteuer)
# ---------------------------------------------------------------------------

DOG_BREEDS: Final[tuple[str, ...]] = (
    "Mischling",
    "Labrador Retriever",
    "Golden Retriever",
    "Dackel",
    "Rauhaardackel",
    "Französische Bulldogge",
    "Deutscher Schäferhund",
    "Australian Shepherd",
    "Border Collie",
    "Beagle",
    "Jack Russell Terrier",
    "Parson Russell Terrier",
    "Chihuahua",
    "Malteser",
    "Yorkshire Terrier",
    "Havaneser",
    "Cavalier King Charles Spaniel",
    "Cocker Spaniel",
    "Mops",
    "Zwergpudel",
    "Großpudel",
    "Zwergschnauzer",
    "Riesenschnauzer",
    "Boxer",
    "Berner Sennenhund",
    "Bernhardiner",
    "Dalmatiner",
    "Dobermann",
    "Rottweiler",
    "Rhodesian Ridgeback",
    "Weimaraner",
    "Magyar Vizsla",
    "Deutsch Drahthaar",
    "Deutsch Kurzhaar",
    "Kleiner Münsterländer",
    "Bayerischer Gebirgsschweißhund",
    "Shih Tzu",
    "Lhasa Apso",
    "West Highland White Terrier",
    "Zwergspitz",
    "Bichon Frisé",
    "Siberian Husky",
    "Shiba Inu",
    "Englische Bulldogge",
    "Whippet",
    "Galgo Español",
    "Podenco",
    "Leonberger",
    "Neufundländer",
    "Hovawart",
    "Eurasier",
    "Labradoodle",
    "Goldendoodle",
    "Labrador-Mischling",
    "Schäferhund-Mischling",
    "Terrier-Mischling",
)

# ---------------------------------------------------------------------------
# Trade registration (Gewerbeanmeldung / Gewerbeabmeldung)
# ---------------------------------------------------------------------------

TRADES: Final[tuple[Trade, ...]] = (
    Trade("Einzelhandel mit Bekleidung und Accessoires", ("Mode", "Boutique", "Kleiderei")),
    Trade("Softwareentwicklung und IT-Beratung", ("Software", "Digital", "Code", "Systems")),
    Trade("Betrieb einer Gaststätte (Café)", ("Café", "Kaffeehaus", "Kaffeebohne")),
    Trade(
        "Hausmeisterservice und Gebäudereinigung",
        ("Hausservice", "Objektpflege", "Glanz", "Facility"),
    ),
    Trade("Online-Handel mit Kinderspielzeug", ("Spielwaren", "Kinderwelt", "Bauklotz")),
    Trade("Betrieb eines Friseursalons", ("Haarwerk", "Friseur", "Salon", "Schnittpunkt")),
    Trade("Kosmetikstudio und kosmetische Fußpflege", ("Kosmetik", "Beauty", "Wohlfühlzeit")),
    Trade("Einzelhandel mit Lebensmitteln und Feinkost", ("Feinkost", "Delikatessen", "Genuss")),
    Trade("Betrieb eines Imbisses mit Straßenverkauf", ("Imbiss", "Grill", "Snackbar")),
    Trade("Handel mit Gebrauchtwagen", ("Automobile", "Autohandel", "Fahrzeuge")),
    Trade("Kfz-Reparaturwerkstatt", ("Kfz-Technik", "Autoservice", "Werkstatt")),
    Trade("Verkauf und Reparatur von Fahrrädern und E-Bikes", ("Radl", "Bikes", "Zweirad")),
    Trade("Umzugs- und Transportdienstleistungen", ("Umzüge", "Transporte", "Logistik")),
    Trade("Kurierdienst mit Lastenrädern", ("Kurier", "Express", "Radbote")),
    Trade(
        "Veranstaltungsmanagement und Eventplanung",
        ("Events", "Veranstaltungen", "Eventservice"),
    ),
    Trade("Fotografie und Bildbearbeitung", ("Foto", "Bildwerk", "Lichtblick")),
    Trade("Werbeagentur und Mediengestaltung", ("Werbeagentur", "Kommunikation", "Media")),
    Trade(
        "Online-Marketing und Betreuung von Social-Media-Auftritten",
        ("Online-Marketing", "Social Media", "Reichweite"),
    ),
    Trade("Handel mit Elektronikartikeln und Zubehör", ("Elektronik", "Technik", "Gadgets")),
    Trade("Reparatur von Mobiltelefonen und Tablets", ("Handyservice", "Smartphone", "Display")),
    Trade("Maler- und Lackierarbeiten", ("Malerbetrieb", "Farbe", "Raumgestaltung")),
    Trade("Elektroinstallation", ("Elektrotechnik", "Elektro", "Stromwerk")),
    Trade("Sanitär- und Heizungsinstallation", ("Haustechnik", "Sanitär", "Heizung")),
    Trade("Garten- und Landschaftspflege", ("Gartenpflege", "Grün", "Landschaftsbau")),
    Trade("Trockenbau und Innenausbau", ("Innenausbau", "Trockenbau", "Ausbau")),
    Trade("Fliesen-, Platten- und Mosaiklegerarbeiten", ("Fliesen", "Keramik", "Mosaik")),
    Trade("Bäckerei mit Verkaufsstelle", ("Bäckerei", "Backstube", "Brotzeit")),
    Trade("Metzgerei mit Partyservice", ("Metzgerei", "Fleischwaren", "Schmankerl")),
    Trade("Einzelhandel mit Schnittblumen und Pflanzen", ("Blumen", "Floristik", "Blütenzauber")),
    Trade("Getränkeeinzelhandel mit Lieferservice", ("Getränke", "Getränkemarkt", "Durstlöscher")),
    Trade(
        "Kiosk mit Verkauf von Zeitschriften, Tabakwaren und Getränken",
        ("Kiosk", "Standl", "Eck"),
    ),
    Trade(
        "Versicherungsvermittlung nach § 34d GewO",
        ("Versicherungsmakler", "Finanz", "Vorsorge"),
    ),
    Trade("Immobilienvermittlung nach § 34c GewO", ("Immobilien", "Wohnen", "Makler")),
    Trade("Hausverwaltung und Mietverwaltung", ("Hausverwaltung", "Verwaltung", "Immobilien")),
    Trade("Änderungsschneiderei und Textilreinigung", ("Schneiderei", "Nadel & Faden", "Änderungen")),
    Trade("Lieferdienst für Speisen und Getränke", ("Lieferservice", "Pizza", "Küche")),
    Trade("Catering und Partyservice", ("Catering", "Partyservice", "Tafel")),
    Trade("Betrieb einer Bar", ("Bar", "Lounge", "Tresen")),
    Trade("Handel mit gebrauchten Waren (Second Hand)", ("Second Hand", "Vintage", "Fundstück")),
    Trade("Online-Handel mit Naturkosmetik und Pflegeprodukten", ("Naturkosmetik", "Pflege", "Beauty")),
    Trade("Einzelhandel mit Möbeln und Wohnaccessoires", ("Wohnen", "Interior", "Einrichtung")),
    Trade("Bewachungsgewerbe nach § 34a GewO", ("Sicherheit", "Security", "Objektschutz")),
    Trade("Personal Training und Fitnesskurse", ("Fitness", "Training", "Bewegung")),
    Trade("Betrieb eines Yogastudios", ("Yoga", "Studio", "Balance")),
    Trade("Betrieb eines Tattoo- und Piercingstudios", ("Tattoo", "Ink", "Studio")),
    Trade("Handel mit Kfz-Ersatzteilen und Zubehör", ("Autoteile", "Ersatzteile", "Teile")),
    Trade("Schlüsseldienst und Schließtechnik", ("Schlüsseldienst", "Schließtechnik", "Schloss")),
    Trade("Computerreparatur und IT-Service vor Ort", ("PC-Service", "IT-Hilfe", "Computer")),
    Trade("Einzelhandel mit Schreibwaren und Bürobedarf", ("Schreibwaren", "Papeterie", "Büro")),
    Trade("Buchhandel", ("Buchhandlung", "Bücherstube", "Lesezeichen")),
    Trade("Einzelhandel mit Tierbedarf und Hundesalon", ("Tierbedarf", "Hundesalon", "Pfote")),
    Trade("Hundebetreuung und Gassi-Service", ("Hundebetreuung", "Gassi-Service", "Vierbeiner")),
    Trade("Fahrzeugaufbereitung und Autopflege", ("Autopflege", "Aufbereitung", "Glanz")),
    Trade("Betrieb einer Pension (Beherbergungsbetrieb)", ("Pension", "Gästehaus", "Herberge")),
    Trade("Import und Großhandel mit Lebensmitteln", ("Import", "Großhandel", "Handel")),
    Trade("Online-Handel mit handgefertigtem Schmuck", ("Schmuck", "Manufaktur", "Goldstück")),
    Trade("Webdesign und Erstellung von Internetseiten", ("Webdesign", "Pixel", "Web")),
    Trade("Haushaltshilfe und Alltagsbegleitung", ("Haushaltshilfe", "Alltagshilfe", "Helfende Hände")),
    Trade("Vermietung von Veranstaltungstechnik", ("Veranstaltungstechnik", "Licht & Ton", "Bühne")),
    Trade("Herstellung und Vertrieb von Bier (Kleinbrauerei)", ("Brauerei", "Bräu", "Sudhaus")),
    Trade("Betrieb einer Fahrschule", ("Fahrschule", "Fahrtraining", "Führerschein")),
    Trade("Eisdiele mit Straßenverkauf", ("Eiscafé", "Gelato", "Eisdiele")),
)

LEGAL_FORMS: Final[tuple[str, ...]] = (
    "Einzelunternehmen",
    "GbR",
    "GmbH",
    "UG (haftungsbeschränkt)",
    "e. K.",
    "OHG",
    "KG",
    "GmbH & Co. KG",
    "AG",
)

# ---------------------------------------------------------------------------
# Registration forms (Meldeschein, Gewerbeanmeldung)
# ---------------------------------------------------------------------------

NATIONALITIES: Final[tuple[str, ...]] = (
    "deutsch",
    "kroatisch",
    "türkisch",
    "italienisch",
    "griechisch",
    "ukrainisch",
    "österreichisch",
    "rumänisch",
    "polnisch",
    "indisch",
    "bosnisch-herzegowinisch",
    "bulgarisch",
    "serbisch",
    "irakisch",
    "syrisch",
    "ungarisch",
    "afghanisch",
    "russisch",
    "kosovarisch",
    "französisch",
    "spanisch",
    "US-amerikanisch",
    "chinesisch",
    "iranisch",
    "britisch",
    "vietnamesisch",
    "nordmazedonisch",
    "albanisch",
    "portugiesisch",
    "brasilianisch",
    "pakistanisch",
    "slowakisch",
    "tschechisch",
    "eritreisch",
    "nigerianisch",
    "ägyptisch",
    "niederländisch",
    "japanisch",
)

# Relative weights, roughly following the composition of Munich's resident population.
NATIONALITY_WEIGHTS: Final[tuple[int, ...]] = (
    720,  # deutsch
    27,  # kroatisch
    25,  # türkisch
    19,  # italienisch
    17,  # griechisch
    17,  # ukrainisch
    15,  # österreichisch
    14,  # rumänisch
    13,  # polnisch
    10,  # indisch
    10,  # bosnisch-herzegowinisch
    8,  # bulgarisch
    8,  # serbisch
    7,  # irakisch
    7,  # syrisch
    7,  # ungarisch
    6,  # afghanisch
    6,  # russisch
    6,  # kosovarisch
    6,  # französisch
    6,  # spanisch
    5,  # US-amerikanisch
    5,  # chinesisch
    4,  # iranisch
    4,  # britisch
    3,  # vietnamesisch
    3,  # nordmazedonisch
    3,  # albanisch
    3,  # portugiesisch
    3,  # brasilianisch
    3,  # pakistanisch
    3,  # slowakisch
    2,  # tschechisch
    3,  # eritreisch
    2,  # nigerianisch
    2,  # ägyptisch
    2,  # niederländisch
    2,  # japanisch
)

# German places dominate by being listed more often than foreign ones.
BIRTH_PLACES: Final[tuple[str, ...]] = (
    "München",
    "Augsburg",
    "Nürnberg",
    "Regensburg",
    "Ingolstadt",
    "Würzburg",
    "Rosenheim",
    "Landshut",
    "Passau",
    "Freising",
    "Dachau",
    "Erding",
    "Starnberg",
    "Fürstenfeldbruck",
    "Bamberg",
    "Bayreuth",
    "Kempten (Allgäu)",
    "Traunstein",
    "Garmisch-Partenkirchen",
    "Erlangen",
    "Fürth",
    "Aschaffenburg",
    "Schweinfurt",
    "Neu-Ulm",
    "Memmingen",
    "Kaufbeuren",
    "Weilheim in Oberbayern",
    "Bad Tölz",
    "Ebersberg",
    "Mühldorf am Inn",
    "Altötting",
    "Deggendorf",
    "Straubing",
    "Amberg",
    "Weiden in der Oberpfalz",
    "Coburg",
    "Hof",
    "Lindau (Bodensee)",
    "Pfaffenhofen an der Ilm",
    "Berlin",
    "Hamburg",
    "Köln",
    "Frankfurt am Main",
    "Stuttgart",
    "Düsseldorf",
    "Dresden",
    "Leipzig",
    "Hannover",
    "Bremen",
    "Essen",
    "Dortmund",
    "Mannheim",
    "Karlsruhe",
    "Freiburg im Breisgau",
    "Ulm",
    "Heidelberg",
    "Mainz",
    "Kassel",
    "Erfurt",
    "Magdeburg",
    "Rostock",
    "Kiel",
    "Saarbrücken",
    "Münster",
    "Bonn",
    "Chemnitz",
    "Halle (Saale)",
    "Potsdam",
    "Wiesbaden",
    "Wien",
    "Salzburg",
    "Graz",
    "Innsbruck",
    "Zürich",
    "Bozen",
    "Istanbul",
    "Ankara",
    "Izmir",
    "Zagreb",
    "Split",
    "Sarajevo",
    "Belgrad",
    "Athen",
    "Thessaloniki",
    "Rom",
    "Mailand",
    "Neapel",
    "Krakau",
    "Warschau",
    "Breslau",
    "Bukarest",
    "Temeswar",
    "Kiew",
    "Charkiw",
    "Odessa",
    "Budapest",
    "Sofia",
    "Prag",
    "Pristina",
    "Skopje",
    "Damaskus",
    "Aleppo",
    "Bagdad",
    "Kabul",
    "Teheran",
    "Neu-Delhi",
    "Mumbai",
    "Peking",
    "Kairo",
    "Paris",
    "Madrid",
    "Lissabon",
    "London",
    "New York",
)

# ---------------------------------------------------------------------------
# Incoming invoices (Eingangsrechnungen)
# ---------------------------------------------------------------------------

SUPPLIERS: Final[tuple[Supplier, ...]] = (
    Supplier(
        "Bürobedarf und Papierwaren",
        ("Bürobedarf", "Office", "Papierhaus"),
        (
            LineItem("Kopierpapier DIN A4, 80 g/m², 500 Blatt", "Pkt.", "3.90", "6.50", 19),
            LineItem("Ordner DIN A4, Rückenbreite 8 cm", "Stk.", "1.80", "4.20", 19),
            LineItem("Kugelschreiber mit Druckmechanik, blau", "Stk.", "0.45", "1.95", 19),
            LineItem("Haftnotizen 76 x 76 mm, gelb, 12 Blöcke", "Pkt.", "4.90", "11.50", 19),
            LineItem("Tonerkartusche schwarz, kompatibel", "Stk.", "38.00", "129.00", 19),
            LineItem("Briefumschläge DIN lang mit Fenster, 1.000 Stück", "Pkt.", "14.90", "34.00", 19),
            LineItem("Textmarker, 4er-Set", "Pkt.", "2.90", "6.80", 19),
            LineItem("Heftgerät für bis zu 30 Blatt", "Stk.", "6.50", "24.90", 19),
            LineItem("Hängemappen für Registraturschränke, 25 Stück", "Pkt.", "12.50", "27.90", 19),
            LineItem("Versandkostenpauschale", "Pauschal", "4.90", "9.90", 19),
        ),
    ),
    Supplier(
        "IT-Hardware und Netzwerktechnik",
        ("IT-Systeme", "Computer", "Netzwerktechnik", "Digitaltechnik"),
        (
            LineItem("Notebook 14 Zoll, 16 GB RAM, 512 GB SSD", "Stk.", "749.00", "1390.00", 19),
            LineItem("Monitor 27 Zoll, höhenverstellbar", "Stk.", "189.00", "429.00", 19),
            LineItem("USB-C-Dockingstation", "Stk.", "119.00", "289.00", 19),
            LineItem("Tastatur-Maus-Set, kabellos", "Stk.", "29.90", "79.00", 19),
            LineItem("Headset mit Geräuschunterdrückung", "Stk.", "49.00", "179.00", 19),
            LineItem("Patchkabel Cat. 6, 3 m", "Stk.", "2.10", "6.90", 19),
            LineItem("Netzwerk-Switch, 24 Ports, verwaltet", "Stk.", "189.00", "649.00", 19),
            LineItem("Einrichtung und Inbetriebnahme vor Ort", "Std.", "75.00", "125.00", 19),
            LineItem("Datenübernahme vom Altgerät", "Pauschal", "49.00", "149.00", 19),
            LineItem("Lieferung und Altgeräteentsorgung", "Pauschal", "25.00", "95.00", 19),
        ),
    ),
    Supplier(
        "Gebäudereinigung",
        ("Gebäudereinigung", "Reinigungsdienst", "Glanz", "Objektservice"),
        (
            LineItem(
                "Unterhaltsreinigung Büroflächen laut Leistungsverzeichnis",
                "Monat",
                "850.00",
                "4200.00",
                19,
            ),
            LineItem("Glasreinigung innen und außen", "m²", "1.60", "4.20", 19),
            LineItem("Grundreinigung PVC-Bodenbelag mit Neueinpflege", "m²", "3.20", "8.90", 19),
            LineItem("Teppichreinigung im Sprühextraktionsverfahren", "m²", "2.40", "6.50", 19),
            LineItem("Sonderreinigung nach Veranstaltung", "Std.", "29.50", "46.00", 19),
            LineItem(
                "Nachfüllen Sanitärverbrauchsmaterial (Seife, Papierhandtücher)",
                "Pauschal",
                "45.00",
                "180.00",
                19,
            ),
            LineItem("Treppenhausreinigung", "Monat", "180.00", "520.00", 19),
            LineItem("Anfahrtspauschale", "Pauschal", "15.00", "45.00", 19),
        ),
    ),
    Supplier(
        "Catering und Partyservice",
        ("Catering", "Partyservice", "Küche", "Genuss"),
        (
            LineItem("Belegte Brötchen, gemischt (Lieferung ohne Service)", "Stk.", "2.80", "5.40", 7),
            LineItem("Butterbrezen", "Stk.", "1.20", "2.40", 7),
            LineItem("Obstplatte für etwa zehn Personen", "Stk.", "24.00", "49.00", 7),
            LineItem("Vegetarisches Fingerfood, Auswahl", "Stk.", "1.90", "3.80", 7),
            LineItem("Blechkuchen, je Stück", "Stk.", "1.80", "3.50", 7),
            LineItem("Kaffee in Pumpkannen", "l", "9.50", "16.00", 19),
            LineItem("Mineralwasser, 0,75-l-Flasche", "Fl.", "1.40", "2.90", 19),
            LineItem("Servicepersonal für Auf- und Abbau", "Std.", "32.00", "48.00", 19),
            LineItem("Geschirr- und Besteckverleih", "Pauschal", "35.00", "120.00", 19),
            LineItem("Lieferpauschale Speisen", "Pauschal", "25.00", "60.00", 7),
        ),
    ),
    Supplier(
        "Fachbuchhandlung",
        ("Fachbuchhandlung", "Bücherdienst", "Fachmedien"),
        (
            LineItem("Kommentar zum Baugesetzbuch, aktuelle Auflage", "Stk.", "89.00", "249.00", 7),
            LineItem(
                "Ergänzungslieferung zum Loseblattwerk Kommunalrecht in Bayern",
                "Stk.",
                "34.00",
                "118.00",
                7,
            ),
            LineItem("Handbuch Verwaltungsverfahrensrecht", "Stk.", "39.00", "98.00", 7),
            LineItem("Textausgabe Bayerische Verwaltungsgesetze", "Stk.", "24.00", "49.00", 7),
            LineItem("Lehrbuch Haushaltsrecht der Gemeinden", "Stk.", "29.00", "69.00", 7),
            LineItem("E-Book Vergaberecht kompakt, Einzelplatzlizenz", "Stk.", "29.00", "79.00", 7),
            LineItem("Wörterbuch Verwaltungsenglisch", "Stk.", "19.90", "39.90", 7),
            LineItem("Buchschutzfolie, selbstklebend, Rolle", "Stk.", "8.90", "19.90", 19),
            LineItem("Versandkosten", "Pauschal", "3.50", "6.90", 7),
        ),
    ),
    Supplier(
        "Druckerei",
        ("Druckerei", "Druckhaus", "Print", "Medienservice"),
        (
            LineItem(
                "Informationsbroschüre DIN A5, 24 Seiten, vierfarbig, 100 Stück",
                "Pkt.",
                "95.00",
                "380.00",
                7,
            ),
            LineItem("Werbeflyer DIN lang, vierfarbig, 1.000 Stück", "Pkt.", "49.00", "189.00", 19),
            LineItem("Plakat DIN A1, einseitig vierfarbig", "Stk.", "3.50", "14.00", 19),
            LineItem("Visitenkarten, 250 Stück", "Pkt.", "19.00", "45.00", 19),
            LineItem("Briefbogen DIN A4 mit Stadtwappen, 1.000 Blatt", "Pkt.", "65.00", "140.00", 19),
            LineItem("Roll-up-Display 85 x 200 cm inklusive Druck", "Stk.", "79.00", "189.00", 19),
            LineItem("Satz und Layout", "Std.", "55.00", "95.00", 19),
            LineItem("Druckdatenprüfung und Korrekturabzug", "Pauschal", "25.00", "75.00", 19),
        ),
    ),
    Supplier(
        "Garten- und Landschaftsbau, Baumpflege",
        ("Garten- und Landschaftsbau", "Baumpflege", "Grünpflege", "Landschaftsbau"),
        (
            LineItem(
                "Baumpflegearbeiten mit Hubarbeitsbühne inklusive Bediener",
                "Std.",
                "95.00",
                "165.00",
                19,
            ),
            LineItem("Baumkontrolle nach FLL-Richtlinie, je Baum", "Stk.", "8.50", "24.00", 19),
            LineItem(
                "Fällung eines Straßenbaums inklusive Abtransport",
                "Pauschal",
                "450.00",
                "1850.00",
                19,
            ),
            LineItem("Rasenmähen einschließlich Schnittgutentsorgung", "m²", "0.12", "0.45", 19),
            LineItem("Heckenschnitt beidseitig", "lfm", "2.20", "6.80", 19),
            LineItem("Lieferung Staudenpflanzen im Topf (ohne Pflanzarbeiten)", "Stk.", "2.40", "6.90", 7),
            LineItem("Lieferung Rindenmulch, lose", "m³", "38.00", "69.00", 19),
            LineItem(
                "Pflanzung Hochstamm inklusive Pflanzgrube und Verankerung",
                "Stk.",
                "380.00",
                "950.00",
                19,
            ),
            LineItem("Gärtnerstunde", "Std.", "42.00", "62.00", 19),
            LineItem("Entsorgung Grünschnitt", "t", "45.00", "110.00", 19),
        ),
    ),
    Supplier(
        "Elektroinstallation",
        ("Elektrotechnik", "Elektro", "Elektroinstallation"),
        (
            LineItem("Elektrikerstunde (Geselle)", "Std.", "58.00", "82.00", 19),
            LineItem("Meisterstunde", "Std.", "72.00", "98.00", 19),
            LineItem(
                "Schutzkontakt-Steckdose unter Putz, inklusive Montage",
                "Stk.",
                "18.00",
                "39.00",
                19,
            ),
            LineItem("LED-Einbaupanel 62,5 x 62,5 cm", "Stk.", "39.00", "119.00", 19),
            LineItem("FI/LS-Schutzschalter", "Stk.", "45.00", "115.00", 19),
            LineItem("Mantelleitung NYM-J 3 x 1,5 mm²", "lfm", "0.85", "2.40", 19),
            LineItem(
                "Prüfung ortsveränderlicher Geräte nach DGUV Vorschrift 3",
                "Stk.",
                "3.20",
                "7.90",
                19,
            ),
            LineItem("Anfahrtspauschale", "Pauschal", "29.00", "59.00", 19),
            LineItem("Kleinmaterial", "Pauschal", "15.00", "65.00", 19),
        ),
    ),
    Supplier(
        "Übersetzungs- und Dolmetscherdienste",
        ("Übersetzungsbüro", "Sprachendienst", "Translation", "Dolmetscherdienst"),
        (
            LineItem("Fachübersetzung Deutsch-Englisch, je Normzeile", "Zeile", "1.40", "2.30", 19),
            LineItem("Übersetzung Deutsch-Arabisch, je Normzeile", "Zeile", "1.60", "2.80", 19),
            LineItem("Beglaubigte Übersetzung einer Urkunde", "Stk.", "45.00", "95.00", 19),
            LineItem("Konsekutivdolmetschen Türkisch", "Std.", "65.00", "95.00", 19),
            LineItem("Dolmetschereinsatz Ukrainisch bei Behördentermin", "Std.", "60.00", "90.00", 19),
            LineItem("Korrekturlesen durch zweite Fachübersetzerin", "Std.", "45.00", "70.00", 19),
            LineItem("Eilzuschlag", "Pauschal", "25.00", "120.00", 19),
            LineItem("Fahrtkostenpauschale", "Pauschal", "20.00", "60.00", 19),
        ),
    ),
    Supplier(
        "Büromöbel und Objekteinrichtung",
        ("Büromöbel", "Objekteinrichtung", "Einrichtung"),
        (
            LineItem(
                "Schreibtisch, elektrisch höhenverstellbar, 160 x 80 cm",
                "Stk.",
                "489.00",
                "1190.00",
                19,
            ),
            LineItem("Bürodrehstuhl nach DIN EN 1335", "Stk.", "219.00", "690.00", 19),
            LineItem("Rollcontainer mit drei Schubladen", "Stk.", "149.00", "329.00", 19),
            LineItem("Aktenschrank, abschließbar, fünf Ordnerhöhen", "Stk.", "299.00", "749.00", 19),
            LineItem("Besprechungstisch", "Stk.", "329.00", "990.00", 19),
            LineItem("Stapelstuhl", "Stk.", "49.00", "129.00", 19),
            LineItem("Akustik-Stellwand", "Stk.", "189.00", "459.00", 19),
            LineItem("Montage", "Std.", "45.00", "68.00", 19),
            LineItem("Lieferung frei Verwendungsstelle", "Pauschal", "60.00", "240.00", 19),
        ),
    ),
    Supplier(
        "Kfz-Werkstatt",
        ("Kfz-Technik", "Autoservice", "Fahrzeugservice"),
        (
            LineItem("Inspektion nach Herstellervorgabe", "Pauschal", "149.00", "389.00", 19),
            LineItem("Mechanikerstunde", "Std.", "89.00", "135.00", 19),
            LineItem("Bremsbeläge Vorderachse", "Satz", "45.00", "139.00", 19),
            LineItem("Motoröl 5W-30", "l", "12.50", "21.90", 19),
            LineItem("Ölfilter", "Stk.", "9.90", "24.90", 19),
            LineItem("Ganzjahresreifen 205/55 R16", "Stk.", "79.00", "159.00", 19),
            LineItem("Reifenwechsel und Auswuchten", "Pauschal", "39.00", "79.00", 19),
            LineItem("Scheibenwischerblätter, Paar", "Stk.", "14.90", "39.90", 19),
            LineItem("Vorführung zur Hauptuntersuchung", "Pauschal", "29.00", "59.00", 19),
            LineItem("Altöl- und Altteileentsorgung", "Pauschal", "4.90", "14.90", 19),
        ),
    ),
    Supplier(
        "Veranstaltungstechnik",
        ("Veranstaltungstechnik", "Eventtechnik", "Licht & Ton", "Bühnenservice"),
        (
            LineItem("Beschallungsanlage für bis zu 200 Personen", "Tag", "180.00", "450.00", 19),
            LineItem("Funkmikrofon (Handsender)", "Tag", "25.00", "55.00", 19),
            LineItem("Beamer mit Leinwand", "Tag", "150.00", "390.00", 19),
            LineItem("LED-Scheinwerfer", "Tag", "12.00", "35.00", 19),
            LineItem("Bühnenpodest 2 x 1 m", "Stk.", "18.00", "45.00", 19),
            LineItem("Veranstaltungstechniker", "Std.", "45.00", "75.00", 19),
            LineItem("Auf- und Abbau", "Pauschal", "150.00", "600.00", 19),
            LineItem("Transport mit Kleintransporter", "Pauschal", "80.00", "250.00", 19),
        ),
    ),
    Supplier(
        "Sicherheitsdienst",
        ("Sicherheitsdienst", "Objektschutz", "Security", "Wachdienst"),
        (
            LineItem("Sicherheitsmitarbeiter nach § 34a GewO", "Std.", "24.00", "38.00", 19),
            LineItem("Objektschutz, Nachtstunden", "Std.", "28.00", "44.00", 19),
            LineItem("Einsatzleitung", "Std.", "34.00", "52.00", 19),
            LineItem("Revierkontrollfahrt", "Stk.", "12.00", "35.00", 19),
            LineItem("Alarmverfolgung mit Intervention", "Pauschal", "45.00", "120.00", 19),
            LineItem("Schlüsselverwaltung", "Monat", "25.00", "80.00", 19),
            LineItem("Zuschlag Sonn- und Feiertage", "Std.", "6.00", "14.00", 19),
        ),
    ),
    Supplier(
        "Fachverlag (Zeitschriften und Abonnements)",
        ("Fachverlag", "Verlag", "Verlagsgesellschaft"),
        (
            LineItem(
                "Jahresabonnement Fachzeitschrift für Kommunalrecht, Printausgabe",
                "Pauschal",
                "149.00",
                "389.00",
                7,
            ),
            LineItem(
                "Jahresabonnement Zeitschrift für öffentliches Vergaberecht, E-Paper",
                "Pauschal",
                "119.00",
                "299.00",
                7,
            ),
            LineItem("Zusatzlizenz E-Paper für weitere Nutzer", "Stk.", "19.00", "59.00", 7),
            LineItem("Einzelheft Sonderausgabe", "Stk.", "14.00", "32.00", 7),
            LineItem(
                "Online-Seminar zur aktuellen Rechtsprechung, je Teilnehmer",
                "Stk.",
                "89.00",
                "249.00",
                19,
            ),
            LineItem("Versandkostenanteil", "Pauschal", "6.00", "24.00", 7),
            LineItem("Sammelordner für Zeitschriftenjahrgang", "Stk.", "9.90", "18.90", 19),
        ),
    ),
    Supplier(
        "Schulbedarf und Lernmittel",
        ("Schulbedarf", "Lernmittel", "Schulausstattung"),
        (
            LineItem("Schulhefte DIN A4, liniert, 10er-Pack", "Pkt.", "3.20", "6.90", 19),
            LineItem("Buntstifte, 24 Farben", "Pkt.", "4.50", "14.90", 19),
            LineItem("Deckfarbkasten mit zwölf Farben", "Stk.", "5.90", "14.90", 19),
            LineItem("Kinderschere für Linkshänder", "Stk.", "2.40", "6.90", 19),
            LineItem("Whiteboard-Marker, 4er-Set", "Pkt.", "4.90", "11.90", 19),
            LineItem("Tafelkreide weiß, 100 Stück", "Pkt.", "3.50", "8.90", 19),
            LineItem("Arbeitsheft Mathematik, Jahrgangsstufe 3", "Stk.", "8.50", "14.95", 7),
            LineItem("Bastelkarton, farbig sortiert, 50 Bogen", "Pkt.", "6.90", "16.90", 19),
            LineItem("Klebestifte, 10 Stück", "Pkt.", "7.50", "15.90", 19),
            LineItem("Schülerwörterbuch Deutsch", "Stk.", "11.95", "19.95", 7),
        ),
    ),
    Supplier(
        "Spielplatzgeräte",
        ("Spielgeräte", "Spielraum", "Spielplatzbau"),
        (
            LineItem("Doppelschaukel mit Flachsitzen, Robinienholz", "Stk.", "2400.00", "5800.00", 19),
            LineItem("Anbaurutsche aus Edelstahl", "Stk.", "1800.00", "4900.00", 19),
            LineItem("Federwippe", "Stk.", "490.00", "1350.00", 19),
            LineItem("Sandkasteneinfassung aus Robinie", "lfm", "85.00", "190.00", 19),
            LineItem("Spielsand, gewaschen", "m³", "38.00", "75.00", 19),
            LineItem("Fallschutzbelag EPDM", "m²", "85.00", "160.00", 19),
            LineItem("Montage durch Fachpersonal", "Std.", "48.00", "72.00", 19),
            LineItem("Abnahmeprüfung nach DIN EN 1176", "Stk.", "120.00", "390.00", 19),
            LineItem("Jährliche Hauptinspektion Spielplatz", "Stk.", "90.00", "260.00", 19),
        ),
    ),
    Supplier(
        "Winterdienst",
        ("Winterdienst", "Räumdienst", "Schneeräumung"),
        (
            LineItem("Winterdienstbereitschaft", "Monat", "250.00", "900.00", 19),
            LineItem("Maschinelle Räumung und Streuung Gehwege", "Std.", "65.00", "120.00", 19),
            LineItem("Handräumung Treppen und Zugänge", "Std.", "38.00", "55.00", 19),
            LineItem("Streusalz", "kg", "0.18", "0.45", 19),
            LineItem("Streusplitt 2/5 mm", "t", "55.00", "120.00", 19),
            LineItem("Abtransport von Schneemassen mit Lkw", "Std.", "95.00", "180.00", 19),
            LineItem("Dokumentation der Einsätze (Räumbuch)", "Pauschal", "25.00", "90.00", 19),
            LineItem("Aufnahme des Streuguts im Frühjahr", "m²", "0.15", "0.60", 19),
        ),
    ),
    Supplier(
        "Aktenvernichtung",
        ("Aktenvernichtung", "Datenschutzservice", "Entsorgung"),
        (
            LineItem(
                "Datenschutzgerechte Aktenvernichtung, Sicherheitsstufe P-4",
                "kg",
                "0.12",
                "0.45",
                19,
            ),
            LineItem("Datenschutzbehälter 240 l, Miete", "Monat", "4.50", "14.00", 19),
            LineItem("Leerung Datenschutzbehälter", "Stk.", "12.00", "29.00", 19),
            LineItem("Vernichtung von Festplatten, Sicherheitsstufe H-5", "Stk.", "6.00", "19.00", 19),
            LineItem("Vernichtung von Datenträgern (USB-Sticks, CDs)", "kg", "2.50", "8.00", 19),
            LineItem("Abholung vor Ort", "Pauschal", "35.00", "95.00", 19),
            LineItem("Vernichtungsprotokoll", "Pauschal", "5.00", "15.00", 19),
        ),
    ),
    Supplier(
        "Malerbetrieb",
        ("Malerbetrieb", "Malerwerkstatt", "Farbe & Raum", "Raumgestaltung"),
        (
            LineItem("Wandflächen zweimal streichen, Dispersionsfarbe weiß", "m²", "6.50", "14.00", 19),
            LineItem("Deckenflächen streichen", "m²", "7.50", "16.00", 19),
            LineItem("Spachtelarbeiten Qualitätsstufe Q3", "m²", "8.00", "19.00", 19),
            LineItem("Lackierung Türblatt mit Zarge", "Stk.", "120.00", "260.00", 19),
            LineItem("Heizkörper lackieren", "Stk.", "55.00", "140.00", 19),
            LineItem("Abdeck- und Schutzarbeiten", "Pauschal", "80.00", "350.00", 19),
            LineItem("Malerstunde", "Std.", "48.00", "68.00", 19),
            LineItem("Materialpauschale", "Pauschal", "40.00", "300.00", 19),
        ),
    ),
    Supplier(
        "Software und IT-Dienstleistungen",
        ("IT-Service", "Softwarehaus", "Datentechnik", "Systemhaus"),
        (
            LineItem("Softwarewartung Fachverfahren", "Monat", "350.00", "2400.00", 19),
            LineItem("Benutzerlizenz im Abonnement, je Nutzer", "Stk.", "8.00", "45.00", 19),
            LineItem("Beratungsleistung Senior Consultant", "Std.", "110.00", "165.00", 19),
            LineItem("Anwenderschulung, Tagessatz", "Tag", "890.00", "1450.00", 19),
            LineItem("Anpassungsprogrammierung", "Std.", "95.00", "145.00", 19),
            LineItem("Hotline-Support", "Monat", "150.00", "600.00", 19),
            LineItem("Einrichtung Testsystem", "Pauschal", "400.00", "1800.00", 19),
        ),
    ),
    Supplier(
        "Schlüsseldienst und Schließtechnik",
        ("Schlüsseldienst", "Schließtechnik", "Sicherheitstechnik"),
        (
            LineItem("Profilzylinder 30/30 mit drei Schlüsseln", "Stk.", "35.00", "95.00", 19),
            LineItem("Nachschlüssel für Sicherheitsschließanlage", "Stk.", "18.00", "45.00", 19),
            LineItem("Türöffnung ohne Beschädigung", "Pauschal", "69.00", "149.00", 19),
            LineItem("Montage Schließzylinder", "Std.", "45.00", "75.00", 19),
            LineItem("Obentürschließer mit Gleitschiene", "Stk.", "89.00", "229.00", 19),
            LineItem("Anfahrt", "Pauschal", "25.00", "55.00", 19),
            LineItem("Pflege des Schließplans", "Pauschal", "45.00", "150.00", 19),
        ),
    ),
    Supplier(
        "Brandschutz und Arbeitssicherheit",
        ("Brandschutz", "Arbeitsschutz", "Sicherheitsservice"),
        (
            LineItem("Wartung Feuerlöscher nach DIN 14406-4", "Stk.", "6.50", "14.90", 19),
            LineItem("Schaumfeuerlöscher 6 l", "Stk.", "49.00", "119.00", 19),
            LineItem("Verbandkasten nach DIN 13157", "Stk.", "19.90", "39.90", 19),
            LineItem("Nachfüllset für Verbandkasten", "Stk.", "9.90", "24.90", 19),
            LineItem("Brandschutzhelfer-Schulung, je Teilnehmer", "Stk.", "49.00", "99.00", 19),
            LineItem("Rettungszeichen, langnachleuchtend", "Stk.", "4.90", "14.90", 19),
            LineItem("Anfahrtspauschale", "Pauschal", "19.00", "49.00", 19),
        ),
    ),
    Supplier(
        "Umzugs- und Transportservice",
        ("Umzüge", "Umzugsservice", "Möbeltransporte", "Logistik"),
        (
            LineItem("Umzugshelfer", "Std.", "32.00", "45.00", 19),
            LineItem("Lkw 7,5 t mit Fahrer", "Std.", "65.00", "110.00", 19),
            LineItem("Umzugskarton, zweiwellig", "Stk.", "1.90", "3.80", 19),
            LineItem("Archivkarton", "Stk.", "1.20", "2.90", 19),
            LineItem("Ab- und Aufbau von Büromöbeln", "Std.", "42.00", "62.00", 19),
            LineItem("Entsorgung von Altmobiliar", "m³", "45.00", "110.00", 19),
            LineItem("Einrichtung einer Halteverbotszone", "Pauschal", "89.00", "190.00", 19),
        ),
    ),
    Supplier(
        "Obst- und Lebensmittellieferung für Kindertageseinrichtungen",
        ("Frischdienst", "Obstkiste", "Frischelieferant"),
        (
            LineItem("Äpfel aus der Region", "kg", "2.20", "3.90", 7),
            LineItem("Bananen", "kg", "1.60", "2.80", 7),
            LineItem("Karotten", "kg", "1.20", "2.40", 7),
            LineItem("Vollmilch, 3,5 % Fett", "l", "1.05", "1.60", 7),
            LineItem("Naturjoghurt, 500-g-Becher", "Stk.", "0.89", "1.90", 7),
            LineItem("Vollkornbrot, 1 kg", "Stk.", "3.20", "5.50", 7),
            LineItem("Mineralwasser, Kiste mit 12 Flaschen", "Kiste", "5.90", "9.90", 19),
            LineItem("Lieferpauschale", "Pauschal", "8.00", "25.00", 7),
        ),
    ),
    Supplier(
        "Sanitär- und Heizungstechnik",
        ("Haustechnik", "Sanitär", "Heizungsbau"),
        (
            LineItem("Monteurstunde", "Std.", "62.00", "89.00", 19),
            LineItem("Wartung Gasbrennwertkessel", "Pauschal", "140.00", "290.00", 19),
            LineItem("Austausch Waschtischarmatur", "Stk.", "89.00", "249.00", 19),
            LineItem("Reparaturset für Spülkasten", "Stk.", "19.00", "49.00", 19),
            LineItem("Thermostatkopf", "Stk.", "14.00", "39.00", 19),
            LineItem("Rohrreinigung mit Spirale", "Pauschal", "89.00", "189.00", 19),
            LineItem("Kleinmaterial", "Pauschal", "10.00", "60.00", 19),
        ),
    ),
)

COMPANY_SUFFIXES: Final[tuple[str, ...]] = (
    "GmbH",
    "GmbH & Co. KG",
    "AG",
    "e. K.",
    "KG",
    "OHG",
    "UG (haftungsbeschränkt)",
    "GbR",
)

_LHM = "Landeshauptstadt München"

MUNICH_OFFICES: Final[tuple[Office, ...]] = (
    Office(f"{_LHM}, Baureferat", "Hauptabteilung Gartenbau", "Friedenstraße 40", "81671"),
    Office(f"{_LHM}, Baureferat", "Hauptabteilung Tiefbau", "Friedenstraße 40", "81671"),
    Office(f"{_LHM}, Baureferat", "Münchner Stadtentwässerung", "Friedenstraße 40", "81671"),
    Office(
        f"{_LHM}, Kreisverwaltungsreferat",
        "Hauptabteilung I, Gewerbeangelegenheiten",
        "Ruppertstraße 19",
        "80337",
    ),
    Office(
        f"{_LHM}, Kreisverwaltungsreferat",
        "Hauptabteilung II, Bürgerbüro",
        "Ruppertstraße 19",
        "80337",
    ),
    Office(f"{_LHM}, Mobilitätsreferat", "Geschäftsbereich Straßenverkehr", "Implerstraße 9", "81371"),
    Office(f"{_LHM}, Mobilitätsreferat", "Sachgebiet Parkraummanagement", "Implerstraße 9", "81371"),
    Office(
        f"{_LHM}, Referat für Bildung und Sport",
        "Geschäftsbereich KITA",
        "Bayerstraße 28",
        "80335",
    ),
    Office(f"{_LHM}, Referat für Bildung und Sport", "Sportamt", "Bayerstraße 28", "80335"),
    Office(
        f"{_LHM}, Stadtkämmerei",
        "Zentrale Rechnungsbearbeitung",
        "Herzog-Wilhelm-Straße 11",
        "80331",
    ),
    Office(
        f"{_LHM}, Stadtkämmerei",
        "Steueramt, Sachgebiet Hundesteuer",
        "Herzog-Wilhelm-Straße 11",
        "80331",
    ),
    Office(f"{_LHM}, Sozialreferat", "Amt für Wohnen und Migration", "Franziskanerstraße 8", "81669"),
    Office(f"{_LHM}, Sozialreferat", "Stadtjugendamt", "Prielmayerstraße 1", "80335"),
    Office(
        f"{_LHM}, IT-Referat",
        "Beschaffung und Vertragsmanagement",
        "Agnes-Pockels-Bogen 21",
        "80992",
    ),
    Office(f"{_LHM}, Kommunalreferat", "Immobilienservice", "Roßmarkt 3", "80331"),
    Office(
        f"{_LHM}, Kommunalreferat",
        "Abfallwirtschaftsbetrieb München",
        "Georg-Brauchle-Ring 29",
        "80992",
    ),
    Office(
        f"{_LHM}, Referat für Klima- und Umweltschutz",
        "Geschäftsbereich Umweltschutz",
        "Bayerstraße 28a",
        "80335",
    ),
    Office(f"{_LHM}, Gesundheitsreferat", "Städtische Friedhöfe München", "Damenstiftstraße 8", "80331"),
    Office(f"{_LHM}, Gesundheitsreferat", "Gesundheitsvorsorge", "Bayerstraße 28a", "80335"),
    Office(
        f"{_LHM}, Referat für Stadtplanung und Bauordnung",
        "Lokalbaukommission",
        "Blumenstraße 19",
        "80331",
    ),
    Office(f"{_LHM}, Kulturreferat", "Abteilung Kulturförderung", "Burgstraße 4", "80331"),
    Office(
        f"{_LHM}, Branddirektion",
        "Verwaltung und Beschaffung",
        "An der Hauptfeuerwache 8",
        "80331",
    ),
    Office(
        f"{_LHM}, Referat für Arbeit und Wirtschaft",
        "Wirtschaftsförderung",
        "Herzog-Wilhelm-Straße 15",
        "80331",
    ),
    Office(f"{_LHM}, Direktorium", "Geschäftsstelle der Bezirksausschüsse", "Marienplatz 8", "80331"),
)

# ---------------------------------------------------------------------------
# Objections (Widerspruch)
# ---------------------------------------------------------------------------

CONTESTED_DECISIONS: Final[tuple[Decision, ...]] = (
    Decision(
        "Gebührenbescheid für die Ausstellung eines Bewohnerparkausweises",
        "Mobilitätsreferat",
        "MOR-GB2.1",
    ),
    Decision(
        "Ablehnung meines Antrags auf Ausstellung eines Bewohnerparkausweises",
        "Mobilitätsreferat",
        "MOR-GB2.1",
    ),
    Decision("Hundesteuerbescheid 2025", "Stadtkämmerei", "SKA-HA II/32"),
    Decision("Ablehnung der Ermäßigung der Hundesteuer", "Stadtkämmerei", "SKA-HA II/32"),
    Decision("Bescheid über die Festsetzung der Zweitwohnungsteuer", "Stadtkämmerei", "SKA-HA II/34"),
    Decision("Grundsteuerbescheid", "Stadtkämmerei", "SKA-HA II/21"),
    Decision(
        "Ablehnung meines Antrags auf Erteilung einer Sondernutzungserlaubnis",
        "Mobilitätsreferat",
        "MOR-GB2.3",
    ),
    Decision(
        "Gebührenbescheid für die Sondernutzung öffentlichen Verkehrsgrundes (Freischankfläche)",
        "Mobilitätsreferat",
        "MOR-GB2.3",
    ),
    Decision(
        "Gebührenbescheid für die Bearbeitung meiner Gewerbeanmeldung",
        "Kreisverwaltungsreferat",
        "KVR-I/231",
    ),
    Decision(
        "Anordnung eines Leinen- und Maulkorbzwangs für meinen Hund",
        "Kreisverwaltungsreferat",
        "KVR-I/124",
    ),
    Decision("Ablehnung meines Antrags auf Gaststättenerlaubnis", "Kreisverwaltungsreferat", "KVR-I/221"),
    Decision(
        "Kostenbescheid für das Abschleppen meines Fahrzeugs",
        "Kreisverwaltungsreferat",
        "KVR-I/312",
    ),
    Decision(
        "Bescheid über die Festsetzung der Abfallgebühren",
        "Abfallwirtschaftsbetrieb München",
        "AWM-KS-2",
    ),
    Decision(
        "Bescheid über die Festsetzung der Entwässerungsgebühren",
        "Baureferat, Münchner Stadtentwässerung",
        "BAU-MSE-G",
    ),
    Decision("Ablehnung meines Antrags auf Wohngeld", "Sozialreferat", "SOZ-S-III-WG"),
    Decision("Bescheid über die Rückforderung von Wohngeld", "Sozialreferat", "SOZ-S-III-WG"),
    Decision(
        "Bescheid über die Ablehnung von Leistungen der Grundsicherung im Alter",
        "Sozialreferat",
        "SOZ-S-II-GS",
    ),
    Decision(
        "Bescheid über die Festsetzung eines Kostenbeitrags für die Hilfe zur Erziehung",
        "Sozialreferat, Stadtjugendamt",
        "SOZ-S-II-KJF",
    ),
    Decision(
        "Bescheid über die Festsetzung der Besuchsgebühr für die Kindertageseinrichtung",
        "Referat für Bildung und Sport",
        "RBS-KITA-GS",
    ),
    Decision(
        "Ablehnung der Übernahme der Schülerbeförderungskosten",
        "Referat für Bildung und Sport",
        "RBS-A-4",
    ),
    Decision(
        "Gebührenbescheid für die Nutzung einer städtischen Sportanlage",
        "Referat für Bildung und Sport",
        "RBS-SPA-2",
    ),
    Decision(
        "Ablehnung meines Antrags auf Fällung eines Baumes",
        "Referat für Stadtplanung und Bauordnung",
        "PLAN-HA IV/32",
    ),
    Decision(
        "Gebührenbescheid für die Erteilung einer Baugenehmigung",
        "Referat für Stadtplanung und Bauordnung",
        "PLAN-HA IV/11",
    ),
    Decision(
        "Ablehnung meines Antrags auf Förderung aus dem Förderprogramm Klimaneutrale Gebäude",
        "Referat für Klima- und Umweltschutz",
        "RKU-KS-3",
    ),
    Decision(
        "Gebührenbescheid über die Grabnutzungsgebühr",
        "Gesundheitsreferat, Städtische Friedhöfe München",
        "GSR-SFM",
    ),
)

OBJECTION_SENTENCES: Final[tuple[str, ...]] = (
    "Hiermit lege ich gegen den oben genannten Bescheid fristgerecht Widerspruch ein.",
    "Ich beantrage, den Bescheid aufzuheben.",
    "Eine ausführliche Begründung reiche ich nach.",
    "Der Bescheid ist aus meiner Sicht rechtswidrig und verletzt mich in meinen Rechten.",
    "Die festgesetzte Gebühr halte ich für deutlich zu hoch.",
    "Bei der Berechnung wurden offenbar unzutreffende Angaben zugrunde gelegt.",
    "Meine im Antrag gemachten Angaben wurden nicht vollständig berücksichtigt.",
    "Ich bitte um eine nochmalige Überprüfung Ihrer Entscheidung.",
    "Ich beantrage Einsicht in die vollständige Verwaltungsakte.",
    "Bis zur Entscheidung über meinen Widerspruch beantrage ich, die Vollziehung des Bescheids auszusetzen.",
    "Vor Erlass des Bescheids bin ich nicht angehört worden.",
    "Die Begründung des Bescheids ist für mich nicht nachvollziehbar.",
    "Die von Ihnen angeführten Tatsachen treffen so nicht zu.",
    "Zum maßgeblichen Zeitpunkt war ich nicht mehr unter der genannten Anschrift gemeldet.",
    "Ich bitte Sie, meine persönliche und wirtschaftliche Situation bei Ihrer Entscheidung zu "
    "berücksichtigen.",
    "Entsprechende Nachweise füge ich diesem Schreiben in Kopie bei.",
    "Sollten Sie weitere Unterlagen benötigen, reiche ich diese selbstverständlich gerne nach.",
    "Für Rückfragen stehe ich Ihnen gerne telefonisch oder per E-Mail zur Verfügung.",
    "Ich bitte um eine schriftliche Bestätigung des Eingangs dieses Widerspruchs.",
    "Die mir gesetzte Frist war zu kurz bemessen, um die geforderten Unterlagen rechtzeitig beizubringen.",
    "Der Bescheid hat mich erst verspätet erreicht, da ich mich längere Zeit im Ausland aufgehalten habe.",
    "Ich gehe davon aus, dass es sich um ein Versehen handelt, und bitte um Korrektur.",
    "Aus dem Bescheid geht nicht hervor, dass meine Belange bei der Ermessensentscheidung abgewogen wurden.",
    "Ein vergleichbarer Antrag in meiner Nachbarschaft wurde genehmigt; eine unterschiedliche "
    "Behandlung ist für mich nicht nachvollziehbar.",
    "Die Höhe der Forderung kann ich nicht nachvollziehen, da dem Bescheid keine Aufschlüsselung beiliegt.",
    "Ich bitte Sie, mir die Berechnungsgrundlage im Einzelnen darzulegen.",
    "Hilfsweise beantrage ich, die Gebühr angemessen herabzusetzen.",
    "Sollte dem Widerspruch nicht abgeholfen werden, bitte ich hilfsweise um die Möglichkeit einer "
    "Ratenzahlung.",
    "Ich habe alle erforderlichen Unterlagen rechtzeitig eingereicht, wie die beigefügte "
    "Eingangsbestätigung belegt.",
    "Die im Bescheid genannte Rechtsgrundlage ist auf meinen Fall nicht anwendbar.",
    "Der Sachverhalt wurde aus meiner Sicht nicht ausreichend ermittelt.",
    "Ich bitte darum, vor einer Entscheidung persönlich angehört zu werden.",
    "Gerne erläutere ich Ihnen die Umstände auch in einem persönlichen Gespräch.",
    "Der Widerspruch richtet sich gegen den Bescheid in vollem Umfang.",
    "Der Widerspruch richtet sich ausschließlich gegen die Höhe der festgesetzten Gebühr.",
    "Ich bedauere, diesen Schritt gehen zu müssen, und hoffe auf eine einvernehmliche Lösung.",
    "Den geforderten Betrag zahle ich bis zur Klärung nur unter Vorbehalt.",
    "Bitte teilen Sie mir mit, ob bis zur Entscheidung über den Widerspruch Säumniszuschläge anfallen.",
    "Meine Lebensumstände haben sich seit der Antragstellung wesentlich verändert.",
    "Beim Durchsehen des Bescheids sind mir mehrere Unstimmigkeiten aufgefallen.",
    "Mir ist bewusst, dass die Verwaltung an gesetzliche Vorgaben gebunden ist; in meinem Fall "
    "liegt jedoch eine besondere Härte vor.",
    "Die Entscheidung ist unverhältnismäßig, da mildere Mittel zur Verfügung gestanden hätten.",
    "Ich erhebe den Widerspruch zugleich im Namen der weiteren Mitglieder meines Haushalts, an "
    "die der Bescheid ebenfalls gerichtet ist.",
    "Die telefonische Auskunft Ihrer Dienststelle stand im Widerspruch zum Inhalt des Bescheids.",
    "Ich vertraue darauf, dass Sie den Vorgang noch einmal unvoreingenommen prüfen.",
    "Vielen Dank im Voraus für Ihre Bemühungen.",
    "Für den Fall, dass Sie meinem Widerspruch nicht abhelfen, bitte ich um einen begründeten "
    "Widerspruchsbescheid.",
    "Bitte richten Sie künftige Schreiben in dieser Angelegenheit an die oben angegebene Anschrift.",
    "Ich bitte um Bestätigung, dass bis zur Entscheidung keine Vollstreckungsmaßnahmen eingeleitet werden.",
    "Die Zustellung des Bescheids an meine frühere Anschrift war fehlerhaft.",
    "Der Bescheid ist nicht hinreichend bestimmt, da nicht erkennbar ist, auf welchen Zeitraum er "
    "sich bezieht.",
    "Ich bin gerne bereit, fehlende Angaben kurzfristig zu ergänzen.",
    "Ich bitte höflich um eine zeitnahe Bearbeitung.",
)

# ---------------------------------------------------------------------------
# Distractors for the class "sonstiges"
# ---------------------------------------------------------------------------

FLYER_TEXTS: Final[tuple[Flyer, ...]] = (
    Flyer(
        "Großer Hofflohmarkt im Westend",
        (
            "Samstag von 9 bis 16 Uhr in den Höfen rund um die Gollierstraße",
            "Über 60 Höfe machen mit: Kleidung, Bücher, Geschirr, Spielsachen und Raritäten",
            "Kein Standgeld, keine Händler, nur Nachbarinnen und Nachbarn",
            "Der Lageplan hängt ab Freitag in den teilnehmenden Hauseingängen aus",
            "Bei Regen findet der Flohmarkt trotzdem statt",
        ),
    ),
    Flyer(
        "Yoga für Einsteigerinnen und Einsteiger",
        (
            "Sanftes Hatha-Yoga in kleinen Gruppen im Yogaraum Lindenblatt",
            "Zehn Abende, jeweils donnerstags von 18:30 bis 20:00 Uhr",
            "Matten und Decken sind vorhanden, bitte bequeme Kleidung mitbringen",
            "Keine Vorkenntnisse nötig, die erste Stunde ist kostenlos",
            "Anmeldung unter Tel. 089 1234567",
        ),
    ),
    Flyer(
        "Nachbarschaftsfest im Innenhof",
        (
            "Liebe Nachbarinnen und Nachbarn, wir laden herzlich zu unserem Hoffest ein!",
            "Ab 15 Uhr Kaffee und Kuchen, ab 18 Uhr Grillen",
            "Wer mag, bringt einen Salat oder eine Nachspeise für das Buffet mit",
            "Für die Kinder gibt es Kinderschminken und eine Hüpfburg",
            "Bitte tragt euch bis Mittwoch in die Liste am Schwarzen Brett ein",
        ),
    ),
    Flyer(
        "Isarpfeil Lieferküche - Jetzt neu in Ihrem Viertel",
        (
            "Frische Pasta, Bowls und Salate, schnell zu Ihnen nach Hause geliefert",
            "Mindestbestellwert 15 Euro, Lieferung im Umkreis von drei Kilometern kostenlos",
            "Täglich von 11 bis 22 Uhr, auch an Sonn- und Feiertagen",
            "Mit diesem Flyer erhalten Sie bei Ihrer ersten Bestellung ein Getränk gratis",
            "Bestellhotline 089 1234567",
        ),
    ),
    Flyer(
        "Sommerfest des Trachtenvereins D'Isartaler Edelweiß",
        (
            "Festzelt auf der Wiese hinter dem Vereinsheim",
            "Blasmusik, Schuhplattler-Vorführungen und Kinderprogramm",
            "Brotzeit, Steckerlfisch und Getränke zu fairen Preisen",
            "Der Erlös kommt der Jugendarbeit des Vereins zugute",
            "Eintritt frei, Tracht erwünscht, aber kein Muss",
        ),
    ),
    Flyer(
        "Chorkonzert: Lieder der Romantik",
        (
            "Es singt der Kammerchor Lerchenfeld unter Leitung seines Chorleiters",
            "Werke von Brahms, Mendelssohn Bartholdy und Schubert",
            "In der Pfarrkirche, Beginn 19:30 Uhr, Einlass ab 19 Uhr",
            "Eintritt frei, um Spenden für die Orgelsanierung wird gebeten",
        ),
    ),
    Flyer(
        "Deutsch im Alltag - Sprachkurs für Erwachsene",
        (
            "Sprachwerkstatt Brückenschlag: Kurse auf den Niveaus A1 bis B2",
            "Vormittags- und Abendkurse, Kinderbetreuung während der Vormittagskurse",
            "Kleine Gruppen mit höchstens zwölf Teilnehmenden",
            "Einstufungstest und Beratung kostenlos",
            "Anmeldung im Büro, Montag bis Donnerstag von 9 bis 13 Uhr",
        ),
    ),
    Flyer(
        "Umzugsservice Lastenträger - Ihr Umzug in guten Händen",
        (
            "Privatumzüge, Büroumzüge und Kleintransporte in München und Umgebung",
            "Möbelmontage, Verpackungsservice und Entrümpelung aus einer Hand",
            "Kostenlose Besichtigung und Festpreisangebot",
            "Halteverbotszonen beantragen wir für Sie",
            "Rufen Sie uns an: 089 1234567",
        ),
    ),
    Flyer(
        "Repair-Café im Nachbarschaftstreff",
        (
            "Kaputt? Nicht gleich wegwerfen!",
            "Ehrenamtliche helfen beim Reparieren von Toastern, Lampen, Fahrrädern und Kleidung",
            "Jeden ersten Samstag im Monat von 14 bis 17 Uhr",
            "Ersatzteile bitte selbst mitbringen, Kaffee und Kuchen gibt es bei uns",
        ),
    ),
    Flyer(
        "Kinderkleider- und Spielzeugbasar",
        (
            "Gut erhaltene Kinderkleidung in den Größen 50 bis 176",
            "Spielsachen, Bücher, Kinderwagen und Autositze",
            "Schwangere dürfen mit Begleitperson eine halbe Stunde früher einkaufen",
            "Ein Teil des Erlöses geht an den Förderverein der Grundschule",
            "Verkaufsnummern gibt es ab Montag im Elternbeirat",
        ),
    ),
    Flyer(
        "Lauftreff am Westpark",
        (
            "Gemeinsam laufen statt allein: Treffpunkt am Haupteingang",
            "Dienstags und freitags um 18 Uhr, sonntags um 9 Uhr",
            "Drei Tempogruppen, niemand wird zurückgelassen",
            "Kostenlos und ohne Vereinsmitgliedschaft",
        ),
    ),
    Flyer(
        "Gartenhilfe Grünschnabel",
        (
            "Hecke zu hoch, Rasen zu lang, keine Zeit?",
            "Wir übernehmen Rasenmähen, Heckenschnitt, Laubentfernung und Winterdienst",
            "Zuverlässig, pünktlich und zu fairen Stundensätzen",
            "Unverbindliches Angebot unter Tel. 089 1234567",
        ),
    ),
    Flyer(
        "Nachhilfe in Mathematik und Physik",
        (
            "Lehramtsstudentin gibt Nachhilfe für die Klassen 5 bis 10",
            "Gezielte Vorbereitung auf Schulaufgaben und Probezeit",
            "Bei Ihnen zu Hause oder online",
            "Erste Probestunde kostenlos",
        ),
    ),
    Flyer(
        "Computerkurs für Seniorinnen und Senioren",
        (
            "Smartphone, Tablet und Internet in Ruhe kennenlernen",
            "E-Mails schreiben, Fotos verschicken, Fahrpläne abrufen",
            "Kleine Gruppen, viel Geduld und verständliche Erklärungen",
            "Im Alten- und Service-Zentrum, Kursgebühr nach Selbsteinschätzung",
        ),
    ),
    Flyer(
        "Lesung in der Stadtteilbibliothek",
        (
            "Eine Münchner Krimiautorin liest aus ihrem neuen Roman",
            "Anschließend Gespräch und Signierstunde",
            "Beginn 19 Uhr, Eintritt frei",
            "Platzzahl begrenzt, bitte an der Ausleihtheke reservieren",
        ),
    ),
    Flyer(
        "Hundeschule Pfotenglück - Welpenkurse und Alltagstraining",
        (
            "Welpenspielstunde, Junghundekurs und Einzeltraining",
            "Leinenführigkeit, Rückruf und entspanntes Begegnen anderer Hunde",
            "Vorbereitung auf den Hundeführerschein",
            "Trainiert wird auf unserem eingezäunten Übungsplatz im Münchner Norden",
            "Kostenloses Kennenlerngespräch unter Tel. 089 1234567",
        ),
    ),
    Flyer(
        "Gewerbefläche zu vermieten",
        (
            "Helle Ladenfläche im Erdgeschoss mit großer Schaufensterfront",
            "Rund 85 m² Verkaufsfläche plus Lager und Personal-WC",
            "Geeignet für Einzelhandel, Dienstleistung oder Praxis, keine Gastronomie",
            "Provisionsfrei direkt vom Eigentümer",
            "Besichtigung nach Vereinbarung",
        ),
    ),
    Flyer(
        "Tag der offenen Tür in der Kinderkrippe Sonnenblume",
        (
            "Wir öffnen unsere Türen für interessierte Familien",
            "Führungen durch die Räume und den Garten zu jeder vollen Stunde",
            "Das pädagogische Team beantwortet gerne Ihre Fragen",
            "Für Kaffee, Saft und Kuchen ist gesorgt",
        ),
    ),
    Flyer(
        "Fahrrad-Check-Tag",
        (
            "Kostenloser Sicherheitscheck für Ihr Fahrrad: Bremsen, Licht und Reifen",
            "Kleine Reparaturen direkt vor Ort gegen Materialkosten",
            "Mit Infostand zum sicheren Radfahren im Stadtverkehr",
            "Auf dem Platz vor dem Bürgerhaus, bei jedem Wetter",
        ),
    ),
)

OTHER_LETTERS: Final[tuple[OtherLetter, ...]] = (
    OtherLetter(
        "Dank für die Neugestaltung unseres Spielplatzes",
        (
            "Sehr geehrte Damen und Herren,",
            "im Namen vieler Familien aus unserer Straße möchte ich mich herzlich für die "
            "Neugestaltung des Spielplatzes bedanken. Die neuen Geräte werden von den Kindern "
            "begeistert angenommen, und die zusätzlichen Bänke im Schatten freuen besonders die "
            "Großeltern.",
            "Bitte richten Sie unseren Dank auch an die Mitarbeiterinnen und Mitarbeiter aus, die "
            "während der Bauarbeiten stets freundlich und hilfsbereit waren.",
            "Mit freundlichen Grüßen",
        ),
    ),
    OtherLetter(
        "Beschwerde über nächtlichen Baustellenlärm",
        (
            "Sehr geehrte Damen und Herren,",
            "seit einigen Wochen wird auf der Baustelle gegenüber unserem Wohnhaus regelmäßig bis "
            "spät in die Nacht gearbeitet. Schwere Maschinen und das Abladen von Material sind "
            "dabei weit über die übliche Ruhezeit hinaus zu hören.",
            "Ich bitte Sie zu prüfen, ob für diese Arbeiten eine Ausnahmegenehmigung besteht, und "
            "gegebenenfalls für die Einhaltung der Nachtruhe zu sorgen.",
            "Für eine kurze Rückmeldung wäre ich Ihnen dankbar.",
        ),
    ),
    OtherLetter(
        "Meldung eines Schlaglochs in der Fahrbahn",
        (
            "Sehr geehrte Damen und Herren,",
            "ich möchte Sie auf ein tiefes Schlagloch in der Fahrbahn unserer Straße aufmerksam "
            "machen. Es befindet sich direkt vor der Einfahrt zur Tiefgarage und ist besonders für "
            "Radfahrende bei Dunkelheit kaum zu erkennen.",
            "Nach dem letzten Starkregen hat es sich deutlich vergrößert. Ich bitte darum, die "
            "Stelle möglichst bald abzusichern und auszubessern.",
            "Vielen Dank für Ihre Mühe.",
        ),
    ),
    OtherLetter(
        "Anfrage zu den Öffnungszeiten der Wertstoffhöfe",
        (
            "Sehr geehrte Damen und Herren,",
            "ich plane, in den kommenden Wochen meinen Keller zu entrümpeln, und möchte Altholz, "
            "Elektrokleingeräte und einige Farbreste abgeben.",
            "Können Sie mir bitte mitteilen, welcher Wertstoffhof diese Abfälle annimmt, ob dort "
            "Mengenbegrenzungen gelten und ob ich vorab einen Termin vereinbaren muss?",
            "Herzlichen Dank für Ihre Auskunft.",
        ),
    ),
    OtherLetter(
        "Rundbrief des Sportvereins zum Saisonstart",
        (
            "Liebe Mitglieder, liebe Freundinnen und Freunde unseres Vereins,",
            "die neue Saison steht vor der Tür, und wir freuen uns, dass die Sanierung unserer "
            "Turnhalle rechtzeitig abgeschlossen werden konnte.",
            "Die Anmeldung zu den Kursen ist ab sofort über unsere Geschäftsstelle möglich. Neu im "
            "Programm sind ein Rückenkurs am Vormittag und eine Klettergruppe für Jugendliche.",
            "Wir danken allen Ehrenamtlichen, ohne die der Vereinsbetrieb nicht möglich wäre, und "
            "wünschen eine verletzungsfreie Saison.",
        ),
    ),
    OtherLetter(
        "Anpassung Ihres Vertrags zur Hundehalterhaftpflichtversicherung",
        (
            "Sehr geehrte Kundin, sehr geehrter Kunde,",
            "vielen Dank für Ihr Vertrauen in unsere Versicherung. Zum nächsten "
            "Hauptfälligkeitstag passen wir die Versicherungsbedingungen Ihrer "
            "Hundehalterhaftpflicht an.",
            "Künftig sind auch Mietsachschäden an geliehenen Gegenständen mitversichert. Ihr "
            "Beitrag bleibt unverändert. Einer Handlung Ihrerseits bedarf es nicht.",
            "Die aktualisierten Bedingungen finden Sie in der Anlage. Bei Fragen hilft Ihnen Ihre "
            "Kundenbetreuung gerne weiter.",
        ),
    ),
    OtherLetter(
        "Mitteilung über die Änderung unserer Bankverbindung",
        (
            "Sehr geehrte Damen und Herren,",
            "aufgrund der Zusammenlegung unserer Geschäftskonten hat sich unsere Bankverbindung "
            "geändert. Bitte überweisen Sie künftige Rechnungsbeträge ausschließlich auf das in "
            "der Fußzeile genannte neue Konto.",
            "Bereits erteilte Zahlungsaufträge auf das bisherige Konto werden noch bis zum "
            "Quartalsende weitergeleitet. Bitte passen Sie Ihre Stammdaten entsprechend an.",
            "Wir danken für die gute Zusammenarbeit und bitten um eine kurze Bestätigung.",
        ),
    ),
    OtherLetter(
        "Nachfrage zum Stand auf der Warteliste für einen Krippenplatz",
        (
            "Sehr geehrte Damen und Herren,",
            "vor einigen Monaten haben wir unsere Tochter über den Kita-Finder für einen "
            "Krippenplatz vorgemerkt. Bislang haben wir leider noch keine Rückmeldung erhalten.",
            "Da meine Elternzeit bald endet, möchte ich höflich nachfragen, wie unsere Chancen "
            "stehen und ob es sinnvoll ist, weitere Einrichtungen in unsere Vormerkung "
            "aufzunehmen.",
            "Über eine kurze Antwort würden wir uns sehr freuen.",
        ),
    ),
    OtherLetter(
        "Einladung zur öffentlichen Sitzung des Bezirksausschusses",
        (
            "Sehr geehrte Damen und Herren,",
            "zur nächsten öffentlichen Sitzung des Bezirksausschusses laden wir Sie herzlich ein. "
            "Die Sitzung findet im Saal des Bürgerhauses statt.",
            "Auf der Tagesordnung stehen unter anderem die Umgestaltung des Quartiersplatzes, neue "
            "Fahrradabstellanlagen sowie Anträge auf Zuschüsse für Stadtteilprojekte.",
            "Zu Beginn der Sitzung haben Bürgerinnen und Bürger Gelegenheit, Fragen und Anliegen "
            "vorzubringen.",
        ),
    ),
    OtherLetter(
        "Bitte um Ausstellung einer Geburtsurkunde",
        (
            "Sehr geehrte Damen und Herren,",
            "für die Beantragung meiner Rente benötige ich eine beglaubigte Abschrift aus dem "
            "Geburtenregister. Ich bin in München geboren.",
            "Bitte senden Sie mir die Urkunde an meine oben genannte Anschrift. Eine Kopie meines "
            "Personalausweises liegt bei. Die anfallende Gebühr überweise ich gerne nach Erhalt "
            "Ihrer Zahlungsaufforderung.",
            "Mit bestem Dank im Voraus",
        ),
    ),
    OtherLetter(
        "Hinweis auf widersprüchliche Angaben zu den Öffnungszeiten",
        (
            "Sehr geehrte Damen und Herren,",
            "die auf Ihrer Internetseite veröffentlichten Öffnungszeiten des Bürgerbüros stehen im "
            "Widerspruch zu dem Aushang an der Eingangstür. Ich stand deshalb gestern vor "
            "verschlossenen Türen.",
            "Ich möchte Sie bitten, die Angaben zu vereinheitlichen, damit anderen Bürgerinnen und "
            "Bürgern dieser vergebliche Weg erspart bleibt.",
            "Mit freundlichen Grüßen",
        ),
    ),
    OtherLetter(
        "Anfrage zur Beratung für Existenzgründerinnen",
        (
            "Sehr geehrte Damen und Herren,",
            "ich plane, mich im nächsten Jahr mit einem kleinen Keramikatelier selbstständig zu "
            "machen, und möchte mich vorab gründlich informieren.",
            "Bieten Sie Beratungsgespräche für Gründerinnen an? Mich interessiert vor allem, wann "
            "ich ein Gewerbe anmelden muss, welche Genehmigungen für Brennöfen nötig sind und ob "
            "es Förderprogramme der Stadt gibt.",
            "Für Ihre Unterstützung bedanke ich mich im Voraus.",
        ),
    ),
    OtherLetter(
        "Anmeldung unseres Chores zum Stadtteilfest",
        (
            "Liebes Organisationsteam,",
            "der Nachbarschaftschor unseres Viertels würde sich sehr freuen, beim diesjährigen "
            "Stadtteilfest auftreten zu dürfen.",
            "Wir sind etwa zwanzig Sängerinnen und Sänger und benötigen für einen halbstündigen "
            "Auftritt lediglich eine Steckdose für das E-Piano. Gerne richten wir uns nach Ihrem "
            "Zeitplan.",
            "Wir freuen uns auf Ihre Rückmeldung.",
        ),
    ),
    OtherLetter(
        "Bestätigung des Zahlungseingangs",
        (
            "Sehr geehrte Damen und Herren,",
            "hiermit bestätigen wir den Eingang Ihrer Zahlung zu unserer Rechnung für die "
            "Lieferung von Büromaterial. Der Vorgang ist damit vollständig ausgeglichen.",
            "Wir bedanken uns für die pünktliche Begleichung und freuen uns auf weitere Aufträge.",
            "Dieses Schreiben wurde maschinell erstellt und ist ohne Unterschrift gültig.",
        ),
    ),
    OtherLetter(
        "Bitte um zusätzliche Hundekotbeutelspender im Park",
        (
            "Sehr geehrte Damen und Herren,",
            "als Hundebesitzerin gehe ich täglich mehrmals durch die Grünanlage in unserem "
            "Viertel. Leider gibt es dort nur einen einzigen Spender für Hundekotbeutel, der "
            "zudem häufig leer ist.",
            "Ich rege an, an den Eingängen weitere Spender und Abfallbehälter aufzustellen. Das "
            "würde sicher dazu beitragen, dass die Wiesen sauberer bleiben.",
            "Vielen Dank, dass Sie sich dieses Anliegens annehmen.",
        ),
    ),
    OtherLetter(
        "Anregung zur Ausweitung des Parklizenzgebiets",
        (
            "Sehr geehrte Damen und Herren,",
            "in unserer Straße ist die Parkplatzsituation seit der Eröffnung des neuen "
            "Einkaufszentrums sehr angespannt. Viele Besucherinnen und Besucher parken tagsüber in "
            "den Wohnstraßen.",
            "Ich rege an zu prüfen, ob unser Quartier in das benachbarte Parklizenzgebiet "
            "einbezogen werden kann. Ein Antrag auf einen Parkausweis ist damit ausdrücklich nicht "
            "verbunden.",
            "Über eine Information zum weiteren Vorgehen würde ich mich freuen.",
        ),
    ),
    OtherLetter(
        "Überhängende Äste eines Straßenbaums",
        (
            "Sehr geehrte Damen und Herren,",
            "die Äste des städtischen Baumes vor unserem Haus reichen inzwischen bis an die "
            "Fenster im zweiten Stock und beschatten die Wohnungen stark.",
            "Wir bitten darum, bei der nächsten Baumpflege einen Rückschnitt vorzunehmen. Selbst "
            "möchten wir selbstverständlich nicht eingreifen.",
            "Mit freundlichen Grüßen aus der Nachbarschaft",
        ),
    ),
    OtherLetter(
        "Preisanpassung Ihres Zeitschriftenabonnements",
        (
            "Sehr geehrte Abonnentin, sehr geehrter Abonnent,",
            "gestiegene Papier- und Zustellkosten machen eine moderate Anpassung des Bezugspreises "
            "notwendig. Der neue Preis gilt ab dem nächsten Bezugsjahr und wird mit der "
            "kommenden Jahresrechnung berechnet.",
            "Sie müssen nichts weiter tun. Selbstverständlich können Sie Ihr Abonnement zum Ende "
            "des laufenden Bezugszeitraums kündigen.",
            "Wir danken Ihnen für Ihre Treue.",
        ),
    ),
    OtherLetter(
        "Einladung zur Jahreshauptversammlung des Mietervereins",
        (
            "Liebe Mitglieder,",
            "hiermit laden wir satzungsgemäß zur ordentlichen Jahreshauptversammlung ein.",
            "Tagesordnung: Bericht des Vorstands, Kassenbericht, Entlastung des Vorstands, "
            "Nachwahlen zum Beirat und Verschiedenes. Anträge zur Tagesordnung reichen Sie bitte "
            "bis eine Woche vor der Versammlung schriftlich ein.",
            "Wir freuen uns auf zahlreiches Erscheinen.",
        ),
    ),
    OtherLetter(
        "Dank für die schnelle Hilfe beim Umzug unseres Seniorenclubs",
        (
            "Sehr geehrte Damen und Herren,",
            "unser Seniorenclub konnte dank Ihrer Unterstützung schnell und reibungslos in die "
            "neuen Räume im Nachbarschaftstreff umziehen.",
            "Die Mitglieder fühlen sich dort sehr wohl und nutzen die barrierefreie Küche bereits "
            "fleißig. Herzlichen Dank an alle Beteiligten!",
        ),
    ),
)

OTHER_FORMS: Final[tuple[OtherForm, ...]] = (
    OtherForm(
        "Antrag auf Sondernutzung öffentlichen Straßengrundes",
        f"{_LHM}, Mobilitätsreferat",
        (
            "Name, Vorname bzw. Firma",
            "Anschrift",
            "Telefon",
            "E-Mail",
            "Ort der Sondernutzung (Straße, Hausnummer)",
            "Art der Nutzung",
            "Beginn der Nutzung",
            "Ende der Nutzung",
            "Größe der beanspruchten Fläche in m²",
            "Ort, Datum",
            "Unterschrift",
        ),
        (
            "Baustelleneinrichtung",
            "Container",
            "Gerüst",
            "Freischankfläche",
            "Warenauslage",
            "Werbeaufsteller",
            "Lageplan liegt bei",
        ),
    ),
    OtherForm(
        "Fundsachenanzeige",
        f"{_LHM}, Kreisverwaltungsreferat, Fundbüro",
        (
            "Name der Finderin / des Finders",
            "Anschrift",
            "Telefon",
            "Fundort",
            "Funddatum",
            "Fundzeit",
            "Beschreibung des Gegenstands",
            "Farbe, Marke, besondere Merkmale",
            "Geschätzter Wert",
            "Unterschrift",
        ),
        (
            "Geldbörse",
            "Mobiltelefon",
            "Schlüssel",
            "Ausweisdokument",
            "Fahrrad",
            "Finderlohn wird beansprucht",
            "Verzicht auf Finderlohn",
            "Verzicht auf den Eigentumserwerb",
        ),
    ),
    OtherForm(
        "Antrag auf Erteilung eines Führungszeugnisses",
        f"{_LHM}, Kreisverwaltungsreferat, Bürgerbüro",
        (
            "Familienname",
            "Geburtsname",
            "Vorname(n)",
            "Geburtsdatum",
            "Geburtsort",
            "Staatsangehörigkeit",
            "Anschrift",
            "Verwendungszweck",
            "Empfangsbehörde (bei Vorlage bei einer Behörde)",
            "Datum",
            "Unterschrift",
        ),
        (
            "Führungszeugnis für private Zwecke",
            "Führungszeugnis zur Vorlage bei einer Behörde",
            "Erweitertes Führungszeugnis",
            "Europäisches Führungszeugnis",
            "Gebührenbefreiung wird beantragt",
        ),
    ),
    OtherForm(
        "Anmeldung zur Sperrmüllabholung",
        f"{_LHM}, Abfallwirtschaftsbetrieb München",
        (
            "Name, Vorname",
            "Anschrift der Abholstelle",
            "Stockwerk",
            "Telefon für Rückfragen",
            "E-Mail",
            "Gewünschter Abholzeitraum",
            "Aufstellung der Gegenstände",
            "Geschätztes Volumen in m³",
            "Hinweise zum Zugang",
            "Unterschrift",
        ),
        (
            "Möbel",
            "Elektrogroßgeräte",
            "Matratzen",
            "Teppiche",
            "Altholz",
            "Abholung aus der Wohnung (kostenpflichtig)",
            "Bereitstellung am Straßenrand",
        ),
    ),
    OtherForm(
        "Vormerkung für einen Betreuungsplatz in einer Kindertageseinrichtung",
        f"{_LHM}, Referat für Bildung und Sport",
        (
            "Name des Kindes",
            "Geburtsdatum des Kindes",
            "Name der Sorgeberechtigten",
            "Anschrift",
            "Telefon",
            "E-Mail",
            "Gewünschter Betreuungsbeginn",
            "Wunscheinrichtung 1",
            "Wunscheinrichtung 2",
            "Wunscheinrichtung 3",
            "Tägliche Buchungszeit in Stunden",
            "Geschwisterkinder in der Einrichtung",
        ),
        (
            "Kinderkrippe",
            "Kindergarten",
            "Hort",
            "Kindertagespflege",
            "Integrationsplatz erforderlich",
            "Alleinerziehend",
            "Beide Elternteile berufstätig",
        ),
    ),
    OtherForm(
        "Anzeige einer Veranstaltung im Freien",
        f"{_LHM}, Kreisverwaltungsreferat",
        (
            "Veranstalterin / Veranstalter",
            "Ansprechperson",
            "Anschrift",
            "Telefon",
            "Veranstaltungsort",
            "Datum der Veranstaltung",
            "Uhrzeit von / bis",
            "Erwartete Zahl der Besucherinnen und Besucher",
            "Art der Veranstaltung",
            "Verantwortliche Person vor Ort",
            "Sanitätsdienst",
            "Unterschrift",
        ),
        (
            "Musikdarbietung",
            "Lautsprecheranlage",
            "Ausschank alkoholischer Getränke",
            "Verkauf von Speisen",
            "Bühnenaufbau",
            "Verkehrsrechtliche Anordnung erforderlich",
        ),
    ),
    OtherForm(
        "Antrag auf Befreiung von der Rundfunkbeitragspflicht",
        "ARD ZDF Deutschlandradio Beitragsservice",
        (
            "Beitragsnummer",
            "Name",
            "Vorname",
            "Anschrift",
            "Geburtsdatum",
            "Befreiung gewünscht ab",
            "Bescheid ausgestellt von",
            "Bescheid gültig bis",
            "Datum",
            "Unterschrift",
        ),
        (
            "Befreiung",
            "Ermäßigung",
            "Bürgergeld",
            "Grundsicherung im Alter",
            "BAföG (nicht bei den Eltern wohnend)",
            "Merkzeichen RF",
            "Nachweis liegt bei",
        ),
    ),
    OtherForm(
        "Antrag auf Wohngeld (Mietzuschuss)",
        f"{_LHM}, Sozialreferat, Amt für Wohnen und Migration",
        (
            "Name, Vorname",
            "Geburtsdatum",
            "Anschrift",
            "Familienstand",
            "Zahl der Haushaltsmitglieder",
            "Monatliche Gesamtmiete",
            "Wohnfläche in m²",
            "Bruttoeinkommen aller Haushaltsmitglieder",
            "Vermieterin / Vermieter",
            "IBAN",
            "Datum",
            "Unterschrift",
        ),
        (
            "Erstantrag",
            "Weiterleistungsantrag",
            "Mietzuschuss",
            "Lastenzuschuss",
            "Heizkosten in der Miete enthalten",
            "Untermietverhältnis",
        ),
    ),
    OtherForm(
        "Antrag auf Fällung oder Rückschnitt geschützter Bäume",
        f"{_LHM}, Referat für Stadtplanung und Bauordnung, Untere Naturschutzbehörde",
        (
            "Antragstellerin / Antragsteller",
            "Anschrift",
            "Grundstück (Straße, Hausnummer)",
            "Flurstücksnummer",
            "Baumart",
            "Stammumfang in 1 m Höhe (cm)",
            "Anzahl der Bäume",
            "Begründung",
            "Eigentümerin / Eigentümer des Grundstücks",
            "Datum",
            "Unterschrift",
        ),
        (
            "Fällung",
            "Rückschnitt",
            "Baum ist krank oder abgestorben",
            "Gefahr für Personen oder Sachen",
            "Bauvorhaben",
            "Lageplan liegt bei",
            "Fotos liegen bei",
        ),
    ),
    OtherForm(
        "Antrag auf einfache Melderegisterauskunft",
        f"{_LHM}, Kreisverwaltungsreferat, Bürgerbüro",
        (
            "Antragstellerin / Antragsteller",
            "Anschrift",
            "Gesuchte Person: Familienname",
            "Gesuchte Person: Vorname",
            "Gesuchte Person: Geburtsdatum (falls bekannt)",
            "Letzte bekannte Anschrift",
            "Zweck der Auskunft",
            "Datum",
            "Unterschrift",
        ),
        (
            "Auskunft für gewerbliche Zwecke",
            "Auskunft für private Zwecke",
            "Daten werden nicht für Werbung oder Adresshandel verwendet",
            "Gebühr wurde überwiesen",
        ),
    ),
    OtherForm(
        "Antrag auf Ausstellung einer Personenstandsurkunde",
        f"{_LHM}, Kreisverwaltungsreferat, Standesamt",
        (
            "Name, Vorname",
            "Anschrift",
            "Telefon",
            "Name im Register",
            "Datum des Ereignisses",
            "Ort des Ereignisses",
            "Verwendungszweck",
            "Anzahl der Ausfertigungen",
            "Unterschrift",
        ),
        (
            "Geburtsurkunde",
            "Eheurkunde",
            "Sterbeurkunde",
            "Beglaubigter Registerausdruck",
            "Mehrsprachige Urkunde",
            "Versand per Post",
        ),
    ),
    OtherForm(
        "Anmeldung zum Ferienprogramm",
        f"{_LHM}, Sozialreferat, Stadtjugendamt",
        (
            "Name des Kindes",
            "Geburtsdatum",
            "Name der Erziehungsberechtigten",
            "Anschrift",
            "Telefon im Notfall",
            "Gewünschte Ferienwoche",
            "Allergien und Unverträglichkeiten",
            "Hinweise zur Gesundheit",
            "Unterschrift",
        ),
        (
            "Ganztags",
            "Vormittags",
            "Mittagessen gewünscht",
            "Vegetarisches Essen",
            "Kind darf allein nach Hause gehen",
            "Fotos dürfen veröffentlicht werden",
        ),
    ),
    OtherForm(
        "Antrag auf Nutzung einer städtischen Sporthalle",
        f"{_LHM}, Referat für Bildung und Sport, Sportamt",
        (
            "Verein / Gruppe",
            "Ansprechperson",
            "Anschrift",
            "Telefon",
            "Gewünschte Halle",
            "Wochentag",
            "Uhrzeit von / bis",
            "Zahl der Teilnehmenden",
            "Sportart",
            "Unterschrift",
        ),
        (
            "Regelmäßige Nutzung",
            "Einmalige Nutzung",
            "Wettkampfbetrieb",
            "Kinder- und Jugendsport",
            "Umkleiden erforderlich",
        ),
    ),
    OtherForm(
        "Antrag auf Förderung eines Lastenfahrrads",
        f"{_LHM}, Referat für Klima- und Umweltschutz",
        (
            "Name, Vorname bzw. Organisation",
            "Anschrift",
            "E-Mail",
            "Hersteller und Modell",
            "Kaufpreis brutto",
            "Kaufdatum",
            "Händler",
            "IBAN",
            "Kontoinhaberin / Kontoinhaber",
            "Unterschrift",
        ),
        (
            "Privatperson",
            "Gewerbetreibende",
            "Gemeinnützige Organisation",
            "Mit elektrischer Tretunterstützung",
            "Rechnung liegt bei",
        ),
    ),
)

# ---------------------------------------------------------------------------
# Form and invoice phrases
# ---------------------------------------------------------------------------

FORM_INSTRUCTIONS: Final[tuple[str, ...]] = (
    "Bitte in Druckbuchstaben ausfüllen.",
    "Zutreffendes bitte ankreuzen.",
    "Die Angaben werden nach Art. 6 Abs. 1 lit. e DSGVO verarbeitet.",
    "Hinweis: Unvollständige Anträge verzögern die Bearbeitung.",
    "Bitte füllen Sie alle grau hinterlegten Felder aus.",
    "Pflichtfelder sind mit einem Stern (*) gekennzeichnet.",
    "Bitte fügen Sie eine Kopie Ihres Personalausweises oder Reisepasses bei.",
    "Nicht von der Antragstellerin oder dem Antragsteller auszufüllen.",
    "Nicht zutreffende Felder bitte durchstreichen.",
    "Mit Ihrer Unterschrift bestätigen Sie die Richtigkeit und Vollständigkeit Ihrer Angaben.",
    "Falsche oder unvollständige Angaben können als Ordnungswidrigkeit geahndet werden.",
    "Die Bearbeitung ist gebührenpflichtig; die Höhe der Gebühr richtet sich nach der Kostensatzung.",
    "Bitte reichen Sie den Antrag spätestens vier Wochen vor dem gewünschten Termin ein.",
    "Das Formular kann auch am Bildschirm ausgefüllt und anschließend ausgedruckt werden.",
    "Bitte verwenden Sie einen dokumentenechten Stift und keinen Bleistift.",
    "Änderungen sind der zuständigen Stelle unverzüglich mitzuteilen.",
    "Bei Fragen wenden Sie sich bitte an die auf der ersten Seite genannte Dienststelle.",
    "Mehrfachnennungen sind möglich.",
    "Reicht der Platz nicht aus, verwenden Sie bitte ein gesondertes Blatt.",
    "Die erhobenen Daten werden ausschließlich zur Bearbeitung dieses Verfahrens verwendet.",
    "Sie haben das Recht auf Auskunft, Berichtigung und Löschung Ihrer personenbezogenen Daten.",
    "Verantwortlich für die Datenverarbeitung ist die Landeshauptstadt München.",
    "Bitte beachten Sie die Erläuterungen auf der Rückseite.",
    "Ohne Unterschrift kann der Antrag nicht bearbeitet werden.",
    "Bitte füllen Sie das Formular vollständig und gut lesbar aus.",
    "Datumsangaben bitte im Format TT.MM.JJJJ eintragen.",
    "Der Antrag gilt erst mit Eingang aller erforderlichen Unterlagen als vollständig.",
    "Die Rechtsgrundlage für die Erhebung Ihrer Daten ergibt sich aus dem jeweiligen Fachgesetz.",
    "Senden Sie das ausgefüllte Formular bitte per Post oder geben Sie es persönlich ab.",
    "Eine Eingangsbestätigung wird nicht versandt.",
    "Bitte leisten Sie Zahlungen erst nach Erhalt des Bescheids.",
    "Felder für Vermerke der Behörde bitte freilassen.",
    "Die Angaben zu Ihrer Person sind freiwillig, soweit sie nicht als Pflichtangabe gekennzeichnet sind.",
    "Bitte geben Sie bei Rückfragen stets das Aktenzeichen an.",
)

PAYMENT_TERMS: Final[tuple[str, ...]] = (
    "Zahlbar innerhalb von {days} Tagen ohne Abzug.",
    "Bitte überweisen Sie den Rechnungsbetrag innerhalb von {days} Tagen auf das unten angegebene Konto.",
    "Zahlungsziel: {days} Tage netto ab Rechnungsdatum.",
    "Der Rechnungsbetrag ist innerhalb von {days} Tagen nach Erhalt der Rechnung fällig.",
    "Bitte begleichen Sie den Betrag spätestens {days} Tage nach Rechnungsdatum unter Angabe der "
    "Rechnungsnummer.",
    "Zahlungsbedingungen: {days} Tage rein netto.",
    "Fällig innerhalb von {days} Tagen ab Zugang der Rechnung ohne Abzug.",
    "Bitte zahlen Sie innerhalb von {days} Tagen unter Angabe der Rechnungs- und Bestellnummer.",
    "Wir bitten um Ausgleich dieser Rechnung innerhalb von {days} Tagen.",
    "Der Gesamtbetrag ist ohne Abzug binnen {days} Tagen zur Zahlung fällig.",
)

THANK_YOU_LINES: Final[tuple[str, ...]] = (
    "Vielen Dank für Ihren Auftrag.",
    "Wir bedanken uns für die gute Zusammenarbeit.",
    "Herzlichen Dank für Ihr Vertrauen.",
    "Vielen Dank für Ihre Bestellung.",
    "Wir danken Ihnen für den Auftrag und freuen uns auf die weitere Zusammenarbeit.",
    "Für Rückfragen zu dieser Rechnung stehen wir Ihnen gerne zur Verfügung.",
    "Wir bedanken uns für Ihren Auftrag und wünschen Ihnen einen guten Tag.",
    "Es war uns eine Freude, für Sie tätig zu sein.",
)
