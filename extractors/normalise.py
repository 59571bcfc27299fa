"""Turn values as written on paper into the catalogue's normalised form."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from extractors.catalogue import FieldSpec, KindName
from extractors.validation import iban_is_valid


class NormalisationError(ValueError):
    """A written value that cannot be read as its kind; the message says why."""


MONTHS = {
    "januar": 1,
    "jan": 1,
    "jänner": 1,
    "februar": 2,
    "feb": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "mrz": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}

# Two-digit years up to this offset past the current year's last two digits are read as
# 20xx, older ones as 19xx: "01.02.31" on a 2026 form is 2031 (a due date), "12.05.64" is 1964.
TWO_DIGIT_YEAR_FUTURE_WINDOW = 10

_NUMERIC_DATE = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WORD_DATE = re.compile(r"^(\d{1,2})\.?\s*([A-Za-zÄÖÜäöü]+)\.?\s*(\d{4})$")
_QUOTES = re.compile("['\"‘’‚„“”`´]")
_POSTCODE_CITY = re.compile(r"(?<!,)\s+(\d{5}\s+\S)")
_SMALL_TOWN = re.compile(r"(\b\d{5}\s+)([a-zäöü])")
_TOWN_TAIL = re.compile(r"(,\s*\d{5}\s+[^\d,]+?)\s+\S*\d.*$")
# A lone small letter or stroke after a town's name is a speck a scan read ('80331 München h'):
# no town ends with one ('Frankfurt a. M.' ends with a capital).
_TOWN_SPECK = re.compile(r"(,\s*\d{5}\s+[^\d,]*[^\W\d_]{2}\)?)\s+(?:[a-zäöüß]|[.\-–—])$")
# 'str.' read as 'sir.' ('Wieksir. 143'); no German word ends in 'sir.'.
_STREET_SIR = re.compile(r"(?<=[a-zäöüß])sir\.(?=\s*\d)")
# a colon between a street's name and its number ('Prinzregentenplatz: 20'), which no address has
_COLON_BEFORE_NUMBER = re.compile(r"(?<=[^\W\d_]):(?=\s*\d)")
_PLATE = re.compile(r"^([A-ZÄÖÜ]{1,3})\s*[-\s]\s*([A-Z]{1,2})\s*[-\s]?\s*(\d{1,4})\s*([EH]?)$")


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


# Specks a scan leaves at a word's edge inside a name or an address (a low quote before
# 'Sölzer', '81371 | München', 'Martin-Luther-Straße_ 5').
_WORD_SPECKS = "|‚‘’'`´_~\\"
# At a value's edges, which no name or text starts or ends with, punctuation too ('|Kairo',
# 'GmbH:', a backslash before an invoice number); inside, commas part street from town.
_SPECKS = _WORD_SPECKS + ",;:"
_WORD_EDGE_SPECKS = re.compile(rf"(?<!\S)[{re.escape(_WORD_SPECKS)}]+|[{re.escape(_WORD_SPECKS)}]+(?!\S)")
# a speck between a street's name and its number (a quote mark in 'Korinna-Eberhardt-Weg 93')
_SPECK_BEFORE_NUMBER = re.compile(rf"(?<=[^\W\d_])[{re.escape(_WORD_SPECKS)}]+(?=\d)")
# A full street word ends with no full stop ('Joachim-Hettner-Ring. 2b'); abbreviations do ('Str.').
_STREET_WORD_STOP = re.compile(
    r"((?:straße|strasse|weg|ring|platz|allee|gasse|damm|ufer|bogen|steig|pfad|anger|markt))\.(?=\s*\d)",
    re.IGNORECASE,
)


def _without_word_specks(text: str) -> str:
    text = _SPECK_BEFORE_NUMBER.sub(" ", text)
    return collapse_whitespace(_WORD_EDGE_SPECKS.sub("", text))


def normalise_text(text: str) -> str:
    value = collapse_whitespace(text).strip(_SPECKS).strip()
    if not value:
        raise NormalisationError("empty value")
    return value


_PHONE = re.compile(r"\+?[\d(][\d\s/()\-]{4,}")


def normalise_phone(text: str) -> str:
    """A telephone number as written ('089 1234567', '+49 89 1234567', '0160/1234567')."""
    value = collapse_whitespace(text)
    if not _PHONE.fullmatch(value) or sum(char.isdigit() for char in value) < 5:
        raise NormalisationError("not a telephone number (expected e.g. 089 1234567)")
    return value


# No name starts with these, nor ends with a dash: on scans they are specks of a list's bullets,
# rules and cell borders ('-Kristine Lange', '.Karla Heß'). A final '.' stays ('Kraus e. K.').
_NAME_LEADING_SPECKS = ".-–—•·*"


def normalise_address(text: str) -> str:
    """Street line and town line joined by ', ': 'Lindwurmstraße 12, 80337 München'."""
    lines = [_without_word_specks(line).strip(" ,") for line in text.splitlines()]
    # a bullet or rule read before the street ('- Müllerstraße 134'); no street starts with one
    lines = [
        line.lstrip(_NAME_LEADING_SPECKS + " ") if index == 0 else line for index, line in enumerate(lines)
    ]
    value = ", ".join(line for line in lines if line)
    value = _STREET_SIR.sub("str.", _COLON_BEFORE_NUMBER.sub("", value))
    value = _STREET_WORD_STOP.sub(r"\1", _POSTCODE_CITY.sub(r", \1", value))
    # Street and town names are capitalised; a scan's 'w' or 'z' read small is not ('zschokkestraße').
    # Short words stay as written: 'c/o', 'am', 'an der'.
    value = _SMALL_TOWN.sub(lambda match: match.group(1) + match.group(2).upper(), normalise_text(value))
    # a town's name holds no digits: what follows it with some is the next column of the line
    value = _TOWN_SPECK.sub(r"\1", _TOWN_TAIL.sub(r"\1", value))
    postcode = re.search(r"\b\d{5}\b", value)
    if postcode and not any(char.isalpha() for char in value[: postcode.start()]):
        # '80313 München' alone, or a post box's number without its word: the next column's town
        raise NormalisationError("an address names a street or post box before its postcode")
    return value[0].upper() + value[1:] if len(value.split()[0]) > 3 else value


# Words that stay small inside a name ('Anna von der Tann').
_NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "du", "zu", "zur", "vom", "di", "da", "ten", "ter", "und"}
)


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _without_small_last_word(name: str) -> str:
    """A small word after the name's last capitalised one is what a scan read in the cell's rest
    ('Mara Schmidtke nenn', 'Hesse w'), unless it is a particle ('Dussen van', as some forms ask)."""
    words = name.split()
    last = words[-1]
    if (
        len(words) > 1
        and last.isalpha()
        and last.islower()
        and last not in _NAME_PARTICLES
        and words[-2][:1].isupper()
    ):
        return " ".join(words[:-1])
    return name


def _small_parts_capitalised(name: str) -> str:
    """Parts of a name read small among capitalised ones get their capital back ('wilfriede Wulff',
    'Heinz-willi Meyer'); particles stay small ('von Bülow'), and so do words of one or two letters."""

    def part(word: str) -> str:
        small = word.isalpha() and word.islower() and len(word) > 2 and word not in _NAME_PARTICLES
        return _capitalised(word) if small else word

    return " ".join("-".join(part(piece) for piece in word.split("-")) for word in name.split())


# 'e.K.', 'e.V.' as OCR reads the narrow space: written with it, as the Duden has them
_ABBREVIATED_LEGAL_FORM = re.compile(r"\be\.\s*([KV])\.(?=\s|$)")


def normalise_name(text: str) -> str:
    """As written, without specks where no name has them; a name without a single capital letter,
    which is how OCR reads some printed names ('christin müller'), gets its capitals back."""
    value = _without_word_specks(normalise_text(text)).lstrip(_NAME_LEADING_SPECKS).rstrip("-–—").strip()
    # a full stop after a whole word is a speck ('Rogner.'); after an initial it is not ('e. K.')
    if value.endswith(".") and sum(char.isalpha() for char in value.split()[-1]) >= 4:
        value = value[:-1]
    if not value:
        raise NormalisationError("empty value")
    value = _ABBREVIATED_LEGAL_FORM.sub(r"e. \1.", value)
    if value != value.lower():
        return _small_parts_capitalised(_without_small_last_word(value))
    return " ".join(
        word if word in _NAME_PARTICLES else "-".join(_capitalised(part) for part in word.split("-"))
        for word in value.split()
    )


def _two_digit_year(year: int, today: dt.date) -> int:
    pivot = (today.year % 100) + TWO_DIGIT_YEAR_FUTURE_WINDOW
    return 2000 + year if year <= pivot else 1900 + year


def normalise_date(text: str, today: dt.date | None = None) -> str:
    """'3.5.2024', '03.05.24', '3. Mai 2024' and '2024-05-03' all become '2024-05-03'."""
    # the sentence's full stop; quote marks are specks a scan adds ("4.'Oktober")
    value = collapse_whitespace(_QUOTES.sub("", text)).rstrip(",").removesuffix(".")
    today = today or dt.date.today()
    if match := _ISO_DATE.match(value):
        year, month, day = (int(group) for group in match.groups())
    elif match := _NUMERIC_DATE.match(value):
        day, month, year = (int(group) for group in match.groups())
        if len(match.group(3)) == 2:
            year = _two_digit_year(year, today)
    elif match := _WORD_DATE.match(value):
        month_word = match.group(2).lower()
        if month_word not in MONTHS:
            raise NormalisationError(f"unknown month name {match.group(2)!r}")
        day, month, year = int(match.group(1)), MONTHS[month_word], int(match.group(3))
    else:
        raise NormalisationError("not a date (expected e.g. 03.05.2024 or 3. Mai 2024)")
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError as error:
        raise NormalisationError(f"not a calendar date: {error}") from None


def normalise_money(text: str) -> str:
    """'1.234,50 €', 'EUR 1234,50' and '1 234,50' all become '1234.50'."""
    value = re.sub(r"(?i)eur(o)?|€|\s|'", "", text)
    negative = value.startswith("-") or value.endswith("-")
    value = value.strip("+-")
    if not re.fullmatch(r"[\d.,]+", value or "x"):
        raise NormalisationError("not an amount of money")
    last_separator = max(value.rfind(","), value.rfind("."))
    digits_after = len(value) - last_separator - 1
    if last_separator >= 0 and digits_after in (1, 2):
        whole, cents = value[:last_separator], value[last_separator + 1 :]
    else:
        whole, cents = value, "0"
    whole = re.sub(r"[.,]", "", whole) or "0"
    try:
        amount = Decimal(f"{whole}.{cents}").quantize(Decimal("0.01"))
    except InvalidOperation:
        raise NormalisationError("not an amount of money") from None
    return str(-amount if negative else amount)


# Specks a scan leaves before a reference or number ('.: KVR-I/231', a quote mark): none starts so.
_CODE_LEADING_SPECKS = ".:;,'\"‘’‚„“”`´|•·*_~ "


# A letter's reference and the date in the next column, read as one word by OCR:
# 'SOZ-S-III-WG/11667/202612.08.2026' is '…/2026' and '12.08.2026'.
_DATE_GLUED_TO_REFERENCE = re.compile(r"(/\d{4})\.?\d{1,2}\.\d{1,2}\.\d{4}$")


def normalise_code(text: str) -> str:
    """A reference, zone or invoice number as written, without specks before it or a date OCR
    joined to it. (A department's Roman numeral read with ones in it, 'KVR-I1/231', stays as read:
    it may be 'I' or 'II'.)"""
    value = _DATE_GLUED_TO_REFERENCE.sub(r"\1", normalise_text(text).lstrip(_CODE_LEADING_SPECKS))
    if not value:
        raise NormalisationError("empty value")
    return value


def normalise_compact_code(text: str) -> str:
    """IBANs, VAT ids, Leitweg-IDs, microchips: upper case without spaces or dots."""
    value = re.sub(r"[\s.]", "", text).upper()
    if not value:
        raise NormalisationError("empty value")
    return value


# Characters Tesseract reads for digits on poor scans ('DES2' for 'DE52', 'l' for '1').
_DIGIT_LOOKALIKES = str.maketrans("OoDQIilL|SsZzBbG", "0000111115522866")
# Countries whose IBANs hold nothing but digits after the country code.
_NUMERIC_IBANS = ("DE", "AT")


def normalise_iban(text: str) -> str:
    """Upper case without spaces; where the check digits fail, digits misread as letters are read
    back and specks between them (':', "'") dropped, and the reading is kept only if the mod-97
    check then passes (one in 97 would pass by chance)."""
    value = normalise_compact_code(text)
    if iban_is_valid(value) or value[:2] not in _NUMERIC_IBANS:
        return value
    repaired = value[:2] + re.sub(r"[^0-9A-Z|]", "", value[2:]).translate(_DIGIT_LOOKALIKES)
    return repaired if iban_is_valid(repaired) else value


def normalise_currency(text: str) -> str:
    value = collapse_whitespace(text).upper()
    if value in {"€", "EUR", "EURO"}:
        return "EUR"
    if re.fullmatch(r"[A-Z]{3}", value):
        return value
    raise NormalisationError("not a currency code")


def normalise_license_plate(text: str) -> str:
    """'M AB 1234', 'M-AB1234' and 'm - ab 1234' all become 'M-AB 1234'. A scan may lose the
    dash ('M_KS 8429', 'ME 5833'): two letters without one can only be split one way."""
    value = collapse_whitespace(text).upper().replace("_", "-")
    value = re.sub(r"^([A-ZÄÖÜ])([A-Z])(?=\s*\d)", r"\1-\2 ", value)
    match = _PLATE.match(value)
    if not match:
        raise NormalisationError("not a German licence plate (expected e.g. M-AB 1234)")
    district, letters, digits, suffix = match.groups()
    return f"{district}-{letters} {digits}{suffix}"


def normalise_integer(text: str) -> str:
    value = collapse_whitespace(text)
    if not re.fullmatch(r"\d+", value):
        raise NormalisationError("not a whole number")
    return str(int(value))


def normalise_email(text: str) -> str:
    """Without spaces; two dots in a row, which no address has, are a speck read as a dot."""
    return re.sub(r"\.{2,}", ".", normalise_text(text).replace(" ", ""))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case and accent-insensitive key, with German umlaut spellings: 'Übernahme' ~ 'uebernahme'."""
    text = collapse_whitespace(text).lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def edit_distance(first: str, second: str, limit: int) -> int:
    """Single-character insertions, deletions and changes that turn one text into the other
    (Levenshtein); `limit + 1` as soon as it is certain to be more than `limit`."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for i, char in enumerate(first, start=1):
        current = [i]
        for j, other in enumerate(second, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def misreading_limit(text: str) -> int:
    """Letters OCR may get wrong in a word before it is taken for another word: two in nine
    letters or more, one in seven or eight, none in shorter ones ('Walter' is not 'Halter')."""
    return 2 if len(text) >= 9 else 1 if len(text) >= 7 else 0


# what surrounds a word and is no part of it: quotes, colons, full stops, brackets
SURROUNDING_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


def normalise_choice(text: str, spec: FieldSpec) -> str:
    """The option id whose words match the written label, e.g. 'Übernahme' -> 'uebernahme'; also
    one OCR misread by a letter or two ('eirigezogen'), where no other option is as near."""
    written = fold(text)
    if not written:
        raise NormalisationError("empty value")
    for option in spec.options:
        if written in {fold(option.id), *(fold(word) for word in option.words)}:
            return option.id
    bare = SURROUNDING_PUNCTUATION.sub("", written)  # 'm:', 'w.' in a table cell
    for option in spec.options:
        if bare and bare in {SURROUNDING_PUNCTUATION.sub("", fold(word)) for word in option.words}:
            return option.id
    for option in spec.options:
        if any(
            fold(word).startswith(written) or written.startswith(fold(word))
            for word in option.words
            if len(word) > 3
        ):
            return option.id
    limit = misreading_limit(written)
    near = {
        option.id
        for option in spec.options
        for word in option.words
        if edit_distance(written, fold(word), limit) <= limit
    }
    if limit and len(near) == 1:
        return near.pop()
    raise NormalisationError(f"not one of the options of {spec.key}")


_BY_KIND: dict[str, Callable[[str], str]] = {
    "text": normalise_text,
    "name": normalise_name,
    "address": normalise_address,
    "date": normalise_date,
    "money": normalise_money,
    "currency": normalise_currency,
    "iban": normalise_iban,
    "vat_id": normalise_compact_code,
    "tax_number": normalise_text,
    "leitweg_id": normalise_compact_code,
    "license_plate": normalise_license_plate,
    "microchip": normalise_compact_code,
    "id_document": normalise_compact_code,
    "code": normalise_code,
    "email": normalise_email,
    "phone": normalise_phone,
    "integer": normalise_integer,
}


def normalise_scalar(kind: KindName, text: str) -> str:
    """Normalise one written value of a scalar kind (not choice, list or records)."""
    try:
        return _BY_KIND[kind](text)
    except KeyError:
        raise ValueError(f"kind {kind!r} is not a scalar kind") from None


def normalise_value(spec: FieldSpec, text: str) -> str:
    """Normalise what was written for a field; list and record items go item by item."""
    if spec.kind == "choice":
        return normalise_choice(text, spec)
    if spec.kind == "list":
        assert spec.item is not None  # the catalogue guarantees it
        return normalise_scalar(spec.item, text)
    if spec.kind == "records":
        raise ValueError(f"{spec.key}: normalise each field of a record on its own")
    return normalise_scalar(spec.kind, text)
