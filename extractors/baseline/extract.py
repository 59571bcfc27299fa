"""Find field values next to their labels, and shaped values by pattern: the baseline extractor."""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel, Field

from extractors.baseline.layout import (
    LabelHit,
    Line,
    StopLabels,
    find_label,
    group_lines,
    span_box,
    straightened,
    token_key,
    words_near,
    words_right_of,
)
from extractors.baseline.patterns import PATTERNS, find_patterns
from extractors.catalogue import DocumentType, FieldSpec, load_catalogue
from extractors.document import ExtractedField, Page, ReadDocument, Word
from extractors.geometry import overlaps, upright_to_scan
from extractors.normalise import (
    MONTHS,
    NormalisationError,
    edit_distance,
    fold,
    misreading_limit,
    normalise_choice,
    normalise_value,
)
from extractors.reading import CHECK_MARK
from extractors.validation import INVOICE_AMOUNTS, adds_up, invoice_amounts, money_value, validate_value

EXTRACTOR_NAME = "baseline-labels"
# Marks people and OCR leave in a ticked box.
TICKS = {CHECK_MARK, "x", "X", "×", "✕", "✗", "☒", "[x]", "[X]", "(x)"}
# '1.', '2)', '3'; on scans a '1.' is often read as 'l.', 'I.' or with a dotless i
_NUMBERING = re.compile(r"^(\d{1,2}[.)]?|[ıIil][.)])$")
_SECTION_HEADING = re.compile(r"^\d{1,2}\. [A-ZÄÖÜ][\w/()-]*$")
_BLOCK_HEADING = re.compile(r"^(\d{1,2}\.? [A-ZÄÖÜ][\w/()-]+|[A-ZÄÖÜ][\w/()-]+ \d{1,2}\.?)$")


class LabelExtractorOptions(BaseModel):
    """How much the baseline trusts each way of finding a value (before OCR confidence)."""

    right_of_label: float = Field(default=0.85, description="confidence of a value right of its label")
    below_label: float = Field(default=0.8, description="confidence of a value under its label")
    above_label: float = Field(
        default=0.7, description="confidence of a value over its label (label under the line)"
    )
    pattern_only: float = Field(default=0.55, description="confidence of a value found by its shape alone")
    first_gap_ratio: float = Field(
        default=0.45, description="widest gap between label and value, share of page width"
    )


class _Page:
    def __init__(self, number: int, lines: list[Line], width: float) -> None:
        self.number, self.lines, self.width = number, lines, width


def _confidence(words: list[Word], base: float) -> float:
    return round(base * statistics.mean(word.confidence for word in words), 4)


# Kinds forms print one character per cell for.
CELL_KINDS = frozenset(
    ("date", "integer", "code", "id_document", "iban", "microchip", "tax_number", "vat_id", "license_plate")
)
# Kinds whose values have a shape a wrong reading rarely meets by chance.
SHAPED_KINDS = frozenset((*PATTERNS, "integer", "phone"))
# Kinds whose values look like any words: only the layout tells them from a label's rest.
FREE_TEXT_KINDS = ("text", "name", "address")


def _continues_label(lines: list[Line], hit: LabelHit, word: Word) -> bool:
    """A word right after a label, one space away, continues the label ('Name des Wohnungsgebers
    bzw. der beauftragten Person'); values stand apart or after a colon."""
    label_end = lines[hit.line].words[hit.end - 1]
    if label_end.text.endswith((":", ".")) or word.text.startswith("("):
        return False  # a bracketed rest of the label is trimmed off the value
    return word.bbox[0] - label_end.bbox[2] < 0.6 * (label_end.bbox[3] - label_end.bbox[1])


def _without_numbering(spec: FieldSpec, words: list[Word]) -> list[Word]:
    """Words without the number printed in front of a numbered field ('7 Müller')."""
    if words and _NUMBERING.match(words[0].text) and spec.kind not in ("integer", "code"):
        return words[1:]
    return words


def _shaped(spec: FieldSpec, words: list[Word]) -> list[Word]:
    """For kinds with a shape (dates, amounts, IBANs ...), just the words of that shape, if any."""
    if spec.kind in PATTERNS:
        matches = [match for match in find_patterns(words) if match.kind == spec.kind]
        if matches:
            # Amounts stand right-aligned at a line's end; a base amount ('19 % auf 1.234,56') before.
            chosen = max(matches, key=lambda m: m.words[0].bbox[0]) if spec.kind == "money" else matches[0]
            return list(chosen.words)
    return words


def _trim(spec: FieldSpec, words: list[Word]) -> list[Word]:
    """Drop what surrounds a value in a cell: tick marks, field numbers, a label's bracketed rest."""
    # Tick marks, and the address in 'Name <name@example.org>', are no part of a value.
    words = [word for word in words if word.text not in TICKS and not word.text.startswith("<")]
    if _character_cells(spec, words):
        return words
    if spec.kind in PATTERNS and (shaped := _shaped(spec, words)) is not words:
        return shaped  # '3. Mai 2024' starts like a field number but is all value
    words = _without_numbering(spec, words)
    if words and words[0].text.startswith("("):
        closing = next((i for i, w in enumerate(words) if w.text.rstrip(":").endswith(")")), len(words) - 1)
        words = words[closing + 1 :]
    elif words and words[0].text == "/":
        words = words[2:]
    return _shaped(spec, words)


def _accept(spec: FieldSpec, words: list[Word], stops: StopLabels | None = None) -> Any:
    """The normalised value of the words if they are a valid value for the field, else None."""
    words = [word for word in words if word.text not in TICKS]
    if spec.kind not in PATTERNS:
        words = _without_numbering(spec, words)
    if not words or (stops is not None and stops.starts_at(words, 0)):
        return None
    return words_value(spec, words)


def _printed_texts(spec: FieldSpec) -> Iterator[str]:
    catalogue = load_catalogue()
    yield from catalogue.label_words(spec)
    for option in spec.options:
        yield from option.words
    for sub in spec.fields:
        yield from _printed_texts(sub)


# Words of labels and options that values use as much (articles, prepositions, the city's name):
# they count neither way. Alone, the function words name nothing.
_FUNCTION_WORDS = frozenset(
    {
        *("aus", "auf", "bei", "bis", "das", "dem", "den", "der", "des", "die", "ein", "einem"),
        *("einen", "eines", "fuer", "ich", "ihr", "ihre", "ihrem", "ist", "mein", "meine", "meinem"),
        *("meinen", "meiner", "mit", "nach", "neue", "nicht", "nur", "oder", "ohne", "seit", "ueber"),
        *("und", "vom", "von", "vor", "wenn", "zum", "zur"),
    }
)
_VALUE_WORDS = _FUNCTION_WORDS | {"muenchen"}
# Two-letter prepositions: a place or a text of nothing else ('am in', left of a birth place) is
# the form's own sentence. Names are left alone: 'An' and 'Im' are family names.
_SHORT_FUNCTION_WORDS = frozenset({"am", "an", "im", "in", "um", "zu"})


# What the city's mail room stamps on what it receives, often over a form's boxes.
_STAMP_WORDS = ("Eingegangen", "Eingang", "Posteingang", "Poststelle", "Landeshauptstadt")
# What German forms head their sections with ('B Angaben zum Betrieb', 'Angaben zur Person'):
# on an edition that puts the heading where a value stood, the heading is no landlord's name.
_HEADING_WORDS = ("Angaben", "Antragsteller", "Antragstellerin", "Hinweise", "Erklärung", "Anlagen")


@cache
def form_words() -> frozenset[str]:
    """Words forms print themselves, of every type: labels and checkbox options, and the mail
    room's receipt stamp. Short ones ('am', 'in', 'm') also occur in values and are left out; so
    are the words a type is known by, which name places and subjects too ('München',
    'Hundesteuerbescheid 2025'). Section headings' words count too ('Angaben zur')."""
    texts: list[str] = [*_STAMP_WORDS, *_HEADING_WORDS]
    for doc_type in load_catalogue().types.values():
        for spec in doc_type.fields:
            texts += _printed_texts(spec)
    keys = {token_key(part) for text in texts for part in re.split(r"[\s/()]+", text)}
    # a label OCR read without its spaces ('Geborenam') is still the label
    keys |= {token_key(re.sub(r"\s+", "", text)) for text in texts if " " in text}
    return frozenset(key for key in keys if len(key) > 2 and key not in _VALUE_WORDS)


@cache
def _form_words_as_misread() -> frozenset[str]:
    """Form words with 'rn' as OCR reads it most often, 'm' ('Vomamen')."""
    return frozenset(word.replace("rn", "m") for word in form_words() if "rn" in word)


def reads_as_form_text(spec: FieldSpec, value: str, scanned: bool = False) -> bool:
    """Whether a free-text value is rather the form's own printing: a label
    ('Staatsangehörigkeit(en)'), a checkbox option ('Zuzug aus anderem Meldebezirk'), a heading,
    or for plain text a month and year ('Juli 2026' is no dog breed); or nothing but articles and
    prepositions, the end of a sentence. On layouts the rules were not written for, these stand
    where a value was looked for. On a `scanned` page, a form word OCR misread counts too."""
    parts = (token_key(part) for part in re.split(r"[\s/()–]+", value))
    keys = [key for key in parts if len(key) > 2 and key not in _VALUE_WORDS]
    known = form_words() | (MONTHS.keys() if spec.kind == "text" else frozenset())
    printed = sum(key in known or (scanned and misread_form_word(key)) for key in keys)
    if not keys:  # articles and prepositions alone ('ein.' that ends a sentence) name nothing
        small = _FUNCTION_WORDS if spec.kind == "name" else _FUNCTION_WORDS | _SHORT_FUNCTION_WORDS
        return any(token_key(part) in small for part in value.split())
    return 2 * printed >= len(keys)


# bounded: a service meets new words with every scan
@lru_cache(maxsize=65536)
def misread_form_word(key: str) -> bool:
    """A long form word as OCR may misread it, a letter or two wrong as `misreading_limit` allows
    ('Figentümer', 'Eirigezogen'). A form word with another ending is no misreading but a word of
    the value ('Betrieb eines Friseursalons')."""
    if key in _form_words_as_misread():
        return True
    limit = misreading_limit(key)
    if limit == 0 or key in form_words():
        return False
    return any(
        len(word) >= 6
        and not (word.startswith(key) or key.startswith(word))
        and edit_distance(key, word, limit) <= limit
        for word in form_words()
    )


def words_value(spec: FieldSpec, words: Sequence[Word]) -> Any:
    """The normalised value the words spell for a field (written plainly or one character per
    cell), or None when they are no valid value of it."""
    try:
        value = normalise_value(spec, " ".join(word.text for word in words))
    except (NormalisationError, ValueError):
        if not _character_cells(spec, words):
            return None
        try:  # one character per printed cell: '1 1 . 0 6 . 1 9 9 8'
            value = normalise_value(spec, _join_cells(spec, words))
        except (NormalisationError, ValueError):
            return None
    if any(issue.severity == "error" for issue in validate_value(spec, value)):
        return None
    if spec.kind == "name" and not _looks_like_name(value):
        return None
    if spec.kind == "code" and not any(char.isdigit() for char in value):
        return None  # a reference or number: 'Neuantrag / Verlängerung' is the form's own printing
    if spec.kind in ("text", "name") and isinstance(value, str):
        scanned = any(word.source == "ocr" for word in words)
        if reads_as_form_text(spec, value, scanned):
            return None
    return value


def _character_cells(spec: FieldSpec, words: Sequence[Word]) -> bool:
    return spec.kind in CELL_KINDS and len(words) >= 3 and all(len(word.text) <= 2 for word in words)


def _join_cells(spec: FieldSpec, words: Sequence[Word]) -> str:
    """The characters of a value written one per cell; a licence plate keeps its parts, which
    stand a free cell apart ('M  N O  1 4 5 1' is 'M-NO 1451')."""
    if spec.kind != "license_plate":
        return "".join(word.text for word in words)
    gaps = [after.bbox[0] - before.bbox[2] for before, after in itertools.pairwise(words)]
    wide = 1.5 * statistics.median(gaps)
    parts = [[words[0].text]]
    for gap, word in zip(gaps, words[1:], strict=True):
        if gap > wide:
            parts.append([])
        parts[-1].append(word.text)
    text = ["".join(part) for part in parts]
    return f"{text[0]}-{text[1]} {''.join(text[2:])}" if len(text) >= 3 else "".join(text)


def _looks_like_name(value: str) -> bool:
    """A person's or a firm's name: a few words, no sentence, no house number, and letters (a
    speck read as '.' is none)."""
    words = value.split()
    letters = sum(char.isalpha() for char in value)
    return (
        letters >= 2 and len(words) <= 7 and not any(char.isdigit() or char in ":;!?[]{}|" for char in value)
    )


class _Extractor:
    """Finds the values of some fields (a type's, or a record's) on some pages."""

    def __init__(
        self, pages: list[_Page], fields: Sequence[FieldSpec], options: LabelExtractorOptions
    ) -> None:
        self.catalogue = load_catalogue()
        self.pages, self.fields, self.options = pages, fields, options
        # Forms print labels over their boxes or under their lines; each reading is tried.
        self.labels_under = False
        self.stops = StopLabels(label for spec in fields for label in self.catalogue.label_words(spec))
        self.claims = self._claims()

    def _claims(self) -> dict[tuple[int, int, int], int]:
        """Word positions covered by labels, with the longest label covering each: a short label
        ('Name') must not be read inside a longer one ('Name des Geschäfts')."""
        claims: dict[tuple[int, int, int], int] = {}
        for spec in self.fields:
            for label in self.catalogue.label_words(spec):
                size = len(label.split())
                for page in self.pages:
                    for hit in find_label(page.lines, label):
                        for position in range(hit.start, hit.end):
                            key = (page.number, hit.line, position)
                            claims[key] = max(claims.get(key, 0), size)
        return claims

    def _hits(self, spec: FieldSpec) -> list[tuple[_Page, LabelHit]]:
        labels = sorted(
            self.catalogue.label_words(spec), key=lambda label: (-len(label.split()), -len(label))
        )
        hits = []
        for label in labels:
            size = len(label.split())
            for page in self.pages:
                for hit in find_label(page.lines, label):
                    positions = range(hit.start, hit.end)
                    if all(self.claims.get((page.number, hit.line, p), 0) <= size for p in positions):
                        hits.append((page, hit))
        # a label standing on its own is tried before one that words run into ('Zone' before the
        # heading 'Fahrzeug und Gebiet'); sorting is stable, so longer labels still come first
        return sorted(hits, key=lambda found: found[1].led_into(found[0].lines))

    def _found(self, spec: FieldSpec, page: _Page, words: list[Word], base: float) -> ExtractedField | None:
        words = _trim(spec, words)
        value = _accept(spec, words, self.stops)
        if value is None and spec.kind == "address" and words:
            words = self._with_rest_of_line(page, words)
            value = _accept(spec, words, self.stops)
        if value is None:
            return None
        return ExtractedField(
            value=value, confidence=_confidence(words, base), page=page.number, bbox=span_box(words)
        )

    @staticmethod
    def _with_rest_of_line(page: _Page, words: list[Word]) -> list[Word]:
        """A street alone: postcode and town often stand in the next cells of the same line."""
        if not any(char.isdigit() for char in words[-1].text):
            return words  # no house number: no street
        for line in page.lines:
            if words[-1] in line.words:
                rest = list(line.words[line.words.index(words[-1]) + 1 :])
                postcode = next((i for i, w in enumerate(rest) if re.fullmatch(r"\d{5}", w.text)), None)
                if postcode is not None and postcode <= 4:
                    town = [w for w in rest[postcode + 1 : postcode + 4] if not _NUMBERING.match(w.text)]
                    return [*words, rest[postcode], *town[:2]]
        return words

    def scalar(self, spec: FieldSpec) -> ExtractedField | None:
        options = self.options
        for page, hit in self._hits(spec):
            first_gap = options.first_gap_ratio * page.width
            right = words_right_of(page.lines, hit, self.stops, first_gap, wide=spec.kind in PATTERNS)
            if right and spec.kind in FREE_TEXT_KINDS and _continues_label(page.lines, hit, right[0]):
                right = []
            below = words_near(page.lines, hit, 1, self.stops)
            # On a form with labels over their values, 'Firmenname:' points right or down; what
            # stands over it is a heading or another field's value.
            colon = page.lines[hit.line].words[hit.end - 1].text.endswith(":")
            above = [] if colon and not self.labels_under else words_near(page.lines, hit, -1, self.stops)
            attempts: list[tuple[list[Word], float]] = [(right, options.right_of_label)]
            if self.labels_under:
                attempts += [(above, options.below_label), (below, options.above_label)]
            else:
                attempts += [(below, options.below_label), (above, options.above_label)]
            for words, base in attempts:
                if _SECTION_HEADING.match(" ".join(word.text for word in words)):
                    continue  # '1. Betrieb' heads the next section: the field itself is empty
                if words and (found := self._found(spec, page, words, base)):
                    return found
        return self._by_pattern(spec)

    def _by_pattern(self, spec: FieldSpec) -> ExtractedField | None:
        """A value of a distinctive shape that occurs exactly once in the document."""
        if spec.kind not in (
            "iban",
            "vat_id",
            "leitweg_id",
            "tax_number",
            "microchip",
            "email",
            "license_plate",
        ):
            return None
        values: dict[Any, ExtractedField] = {}
        for page in self.pages:
            for match in find_patterns([w for line in page.lines for w in line.words]):
                if match.kind == spec.kind and (found := self._found(spec, page, list(match.words), 1.0)):
                    values.setdefault(
                        found.value,
                        found.model_copy(
                            update={"confidence": round(found.confidence * self.options.pattern_only, 4)}
                        ),
                    )
        return next(iter(values.values())) if len(values) == 1 else None

    def choice(self, spec: FieldSpec) -> ExtractedField | None:
        """The option whose words follow a ticked box."""
        for page in self.pages:
            for line in page.lines:
                for index, word in enumerate(line.words):
                    if word.text not in TICKS:
                        continue
                    following = list(line.words[index + 1 : index + 6])
                    for length in range(len(following), 0, -1):
                        words = following[:length]
                        try:
                            value = normalise_choice(" ".join(w.text for w in words), spec)
                        except NormalisationError:
                            continue
                        box = span_box([word, *words])
                        return ExtractedField(
                            value=value,
                            confidence=_confidence([word, *words], 0.8),
                            page=page.number,
                            bbox=box,
                        )
        return None

    def names(self, spec: FieldSpec) -> ExtractedField | None:
        """A list of names: the numbered lines under the list's label."""
        item_spec = spec.model_copy(update={"kind": spec.item, "item": None})
        for page, hit in self._hits(spec):
            names: list[Any] = []
            boxes: list[tuple[float, float, float, float]] = []
            confidences: list[float] = []
            for line in page.lines[hit.line + 1 : hit.line + 8]:
                words = list(line.words)
                if not words or not _NUMBERING.match(words[0].text):
                    if names:
                        break
                    continue
                value = _accept(item_spec, _trim(item_spec, words[1:]), self.stops)
                if value is not None:
                    names.append(value)
                    boxes.append(span_box(words[1:]))
                    confidences.append(_confidence(words[1:], self.options.right_of_label))
            if names:
                return ExtractedField(
                    value=names, confidence=min(confidences), page=page.number, bbox=span_box_of(boxes)
                )
        return None

    def records(self, spec: FieldSpec) -> ExtractedField | None:
        return self._table(spec) or self._blocks(spec)

    def _blocks(self, spec: FieldSpec) -> ExtractedField | None:
        """Records as numbered blocks ('Person 1', '2. Person'), each with its own labelled fields."""
        records: list[dict[str, Any]] = []
        first: ExtractedField | None = None
        for page in self.pages:
            starts = [i for i, line in enumerate(page.lines) if _BLOCK_HEADING.match(line.text)]
            for start, end in zip(starts, [*starts[1:], len(page.lines)], strict=False):
                block = _Page(page.number, page.lines[start + 1 : min(end, start + 9)], page.width)
                inner = _Extractor([block], spec.fields, self.options)
                inner.labels_under = self.labels_under
                found = {
                    sub.key: value
                    for sub in spec.fields
                    if (value := inner.choice(sub) if sub.kind == "choice" else inner.scalar(sub))
                }
                if len(found) >= 3:
                    records.append({key: value.value for key, value in found.items()})
                    first = first or next(iter(found.values()))
        if first is None:
            return None
        return first.model_copy(update={"value": records, "confidence": self.options.below_label})

    def _table(self, spec: FieldSpec) -> ExtractedField | None:
        """Records in a table: a header line with the record fields' labels, one record per row."""
        for page in self.pages:
            for index, line in enumerate(page.lines):
                columns = self._columns(spec, line)
                if len(columns) < 3:
                    continue
                records = []
                # A scan's cell may start a little left of its column's label.
                slack = 2 * line.height if line.words[0].source == "ocr" else 2
                for row in page.lines[index + 1 : index + 8]:
                    record = {}
                    for sub, (left, right) in columns.items():
                        words = [w for w in row.words if left - slack <= w.bbox[0] < right - slack]
                        value = _accept(sub, _trim(sub, words), self.stops) if words else None
                        if value is not None:
                            record[sub.key] = value
                    if len(record) < 3:
                        break  # the table has ended
                    records.append(record)
                if records:
                    box = span_box(list(line.words))
                    confidence = self.options.below_label
                    return ExtractedField(value=records, confidence=confidence, page=page.number, bbox=box)
        return None

    def _columns(self, spec: FieldSpec, line: Line) -> dict[FieldSpec, tuple[float, float]]:
        starts: list[tuple[float, FieldSpec]] = []
        for sub in spec.fields:
            for label in self.catalogue.label_words(sub):
                first = token_key(label.split()[0])
                heads = (w for w, key in zip(line.words, line.keys, strict=True) if heads_column(key, first))
                if word := next(heads, None):
                    starts.append((word.bbox[0], sub))
                    break
        starts.sort(key=lambda item: item[0])
        edges = [x for x, _ in starts] + [float("inf")]
        return {sub: (edges[i], edges[i + 1]) for i, (_, sub) in enumerate(starts)}


# bounded: every line of a page is tried as a table's header
@lru_cache(maxsize=65536)
def heads_column(key: str, label: str) -> bool:
    """Whether a word of a table's header line (as `token_key`) is a column's label as printed
    or as OCR read it: a letter or two wrong in a long label ('Geburtsdalum'), or an abbreviation of
    letters and slashes cut short ('mw' for 'm/w/d')."""
    if key == label:
        return True
    if limit := misreading_limit(label):
        return edit_distance(key, label, limit) <= limit
    letters = re.sub(r"\W", "", key)
    return "/" in label and len(letters) >= 2 and re.sub(r"\W", "", label).startswith(letters)


def span_box_of(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class _LetterRules:
    """Where letters and invoices put what forms put next to labels."""

    def __init__(self, extractor: _Extractor, doc_type: DocumentType) -> None:
        self.x, self.doc_type = extractor, doc_type

    def sender_line(self) -> tuple[_Page, list[list[Word]]] | None:
        """The one-line return address above the recipient's window, split into its parts."""
        for page in self.x.pages:
            for index, line in enumerate(page.lines):
                if "landeshauptstadt" not in fold(line.text) or index == 0:
                    continue
                above = page.lines[index - 1]
                if line.top - above.bottom > 3 * line.height:
                    continue
                parts: list[list[Word]] = [[]]
                for word in above.words:
                    if word.text in ("·", "|", "-"):
                        parts.append([])
                    elif word.text.endswith(",") and len(parts) < 3:
                        parts[-1].append(word.model_copy(update={"text": word.text.rstrip(",")}))
                        parts.append([])
                    else:
                        parts[-1].append(word)
                parts = [part for part in parts if part]
                if len(parts) >= 3:
                    return page, parts
            break
        return None

    def top_block(self) -> tuple[_Page, list[list[Word]]] | None:
        """A sender block at the top of a letter: a name line, a street line, a postcode-and-town line."""
        page = self.x.pages[0]
        for index in range(min(4, len(page.lines) - 2)):
            lines = page.lines[index : index + 3]
            if re.match(r"\d{5}$", lines[2].words[0].text) and len(lines[0].words) <= 5:
                return page, [list(line.words) for line in lines]
        return None

    def signature_address(self) -> tuple[_Page, list[list[Word]]] | None:
        """A street line over a postcode-and-town line below the greeting ('Mit freundlichen
        Grüßen'): where an e-mail or a private letter puts the sender's address."""
        for page in self.x.pages:
            keys = [fold(line.text) for line in page.lines]
            greeting = next((i for i, text in enumerate(keys) if re.search(r"\bgrue?ss", text)), None)
            if greeting is None:
                continue
            for index in range(greeting + 1, len(page.lines) - 1):
                street, town = page.lines[index], page.lines[index + 1]
                house_number = any(char.isdigit() for char in street.words[-1].text)
                if house_number and re.match(r"\d{5}$", town.words[0].text):
                    return page, [[], list(street.words), list(town.words)]
        return None

    def party(self, name_key: str, address_key: str) -> dict[str, ExtractedField]:
        found: dict[str, ExtractedField] = {}
        sender = self.sender_line() or self.top_block() or self.signature_address()
        if sender is None:
            return found
        page, parts = sender
        catalogue_type = self.doc_type
        base = self.x.options.below_label
        for key, words in ((name_key, parts[0]), (address_key, [w for part in parts[1:3] for w in part])):
            spec = catalogue_type.field(key)
            value = _accept(spec, words) if words else None
            if value is not None:
                found[key] = ExtractedField(
                    value=value, confidence=_confidence(words, base), page=page.number, bbox=span_box(words)
                )
        return found

    def currency(self) -> ExtractedField | None:
        for page in self.x.pages:
            for line in page.lines:
                for word in line.words:
                    if word.text.strip(".,:") in ("EUR", "€", "Euro"):
                        return ExtractedField(value="EUR", confidence=0.9, page=page.number, bbox=word.bbox)
        return None

    def subject(self) -> ExtractedField | None:
        for page in self.x.pages:
            for index, line in enumerate(page.lines):
                keys = [token_key(word.text) for word in line.words]
                if "widerspruch" not in keys:
                    continue
                start = keys.index("widerspruch") + 1
                words, last = list(line.words[start:]), index
                if not words and index + 1 < len(page.lines):
                    words, last = list(page.lines[index + 1].words), index + 1
                # a subject that breaks off at an article or preposition ('… für die', '… im') goes on
                # in the next line
                ending = words[-1].text if words else ""
                if (
                    ending[-1:].isalpha()
                    and token_key(ending) in _FUNCTION_WORDS | _SHORT_FUNCTION_WORDS
                    and last + 1 < len(page.lines)
                ):
                    words += page.lines[last + 1].words
                words = [w for w in words if w.text not in (":", "–", "-")]
                if words and not words[0].text[:1].isdigit():
                    text_words = words[
                        : next(
                            (
                                i
                                for i, w in enumerate(words)
                                if token_key(w.text) == "bescheid"
                                and i > 0
                                and i + 1 < len(words)
                                and token_key(words[i + 1].text) == "vom"
                            ),
                            len(words),
                        )
                    ]
                    spec = self.doc_type.field("subject")
                    value = _accept(spec, text_words)
                    if value is not None:
                        return ExtractedField(
                            value=value,
                            confidence=_confidence(text_words, 0.7),
                            page=page.number,
                            bbox=span_box(text_words),
                        )
        return None


def _named_parts(extractor: _Extractor, doc_type: DocumentType) -> dict[str, tuple[int, list[Word]]]:
    """Filled form-field words by the path they are named with ('iban', 'persons.0',
    'persons.1.given_names'), each with its first page. Parts of one value ('address',
    'address_2') share its path; a ticked box 'reason_uebernahme' reads as the option."""
    kinds = {spec.key: spec.kind for spec in doc_type.fields}
    subs = {spec.key: {sub.key for sub in spec.fields} for spec in doc_type.fields}
    parts: dict[str, tuple[int, list[Word]]] = {}

    def add(path: str, page: int, word: Word) -> None:
        parts.setdefault(path, (page, []))[1].append(word)

    for page in extractor.pages:
        for line in page.lines:
            for word in line.words:
                name = word.form_field or ""
                ticked = word.text == CHECK_MARK and "_" in name
                key, option = name.rsplit("_", 1) if ticked else (name, "")
                shown = word.model_copy(update={"text": option}) if ticked else word
                if (found := re.fullmatch(r"(\w+?)_(\d+)_(\w+?)(?:_\d+)?", key)) and found[3] in subs.get(
                    found[1], ()
                ):
                    if kinds[found[1]] == "records":
                        add(f"{found[1]}.{found[2]}.{found[3]}", page.number, shown)
                elif (found := re.fullmatch(r"(\w+?)_(\d+)", key)) and kinds.get(found[1]) == "list":
                    add(f"{found[1]}.{found[2]}", page.number, shown)
                elif (base := re.sub(r"_\d+$", "", key)) in kinds and kinds[base] not in ("list", "records"):
                    add(base, page.number, shown)
    return parts


def _from_named_form_fields(extractor: _Extractor, doc_type: DocumentType) -> dict[str, ExtractedField]:
    """Filled fields named after catalogue keys (as the city's own fillable forms can be) need no
    layout reasoning: 'iban' holds the IBAN; 'address', 'address_2', 'address_3' its parts in order;
    a ticked 'reason_uebernahme' is the option; 'persons_1' the second name of a list and
    'persons_1_given_names' the given names of the second person."""
    values: dict[str, tuple[Any, int, list[Word]]] = {}
    for path, (page, words) in _named_parts(extractor, doc_type).items():
        key, *rest = path.split(".")
        spec = doc_type.field(key)
        if rest and spec.kind == "records":
            spec = next(sub for sub in spec.fields if sub.key == rest[1])
        elif rest:
            assert spec.item is not None  # the catalogue guarantees it for lists
            spec = FieldSpec(key=spec.key, kind=spec.item, label=spec.label)
        ordered = sorted(words, key=lambda w: (w.form_field or "", w.bbox[0]))
        value = _accept(spec, ordered)
        if value is not None:
            values[path] = (value, page, ordered)
    found: dict[str, ExtractedField] = {}
    for key in doc_type.field_keys:
        kind = doc_type.field(key).kind
        if kind not in ("list", "records"):
            if key in values:
                value, page, words = values[key]
                found[key] = ExtractedField(value=value, confidence=0.98, page=page, bbox=span_box(words))
            continue
        items: dict[int, Any] = {}
        placed: list[tuple[int, list[Word]]] = []
        for path, (value, page, words) in values.items():
            owner, index, *sub = path.split(".") if "." in path else (path, "")
            if owner != key:
                continue
            if kind == "records":
                items.setdefault(int(index), {})[sub[0]] = value
            else:
                items[int(index)] = value
            placed.append((page, words))
        if items:
            first = min(page for page, _ in placed)
            on_first = [word for page, words in placed if page == first for word in words]
            found[key] = ExtractedField(
                value=[items[index] for index in sorted(items)],
                confidence=0.98,
                page=first,
                bbox=span_box(on_first),
            )
    return found


def _extractor(
    document: ReadDocument, doc_type: DocumentType, options: LabelExtractorOptions | None
) -> _Extractor:
    upright = [straightened(page) for page in document.pages]
    pages = [_Page(page.number, group_lines(page), page.width) for page in upright]
    return _Extractor(pages, doc_type.fields, options or LabelExtractorOptions())


def named_form_fields(document: ReadDocument, doc_type_id: str) -> dict[str, ExtractedField]:
    """The values the document's own filled form fields hold under catalogue names: read, not
    inferred, so no other reader can improve on them."""
    if not any(word.form_field for page in document.pages for word in page.words):
        return {}  # scans and plain PDFs: nothing to lay out
    doc_type = load_catalogue().type(doc_type_id)
    return _from_named_form_fields(_extractor(document, doc_type, None), doc_type)


def extract_fields(
    document: ReadDocument, doc_type_id: str, options: LabelExtractorOptions | None = None
) -> dict[str, ExtractedField]:
    """Every field of the type the baseline can find; fields it cannot find are absent."""
    doc_type = load_catalogue().type(doc_type_id)
    extractor = _extractor(document, doc_type, options)
    by_kind: dict[str, Callable[[FieldSpec], ExtractedField | None]] = {
        "choice": extractor.choice,
        "list": extractor.names,
        "records": extractor.records,
    }
    fields: dict[str, ExtractedField] = _from_named_form_fields(extractor, doc_type)
    letters = _LetterRules(extractor, doc_type)
    if doc_type.id == "eingangsrechnung":
        fields |= letters.party("seller_name", "seller_address")
        if currency := letters.currency():
            fields["currency"] = currency
    elif doc_type.id == "widerspruch":
        fields |= letters.party("sender_name", "sender_address")
        if subject := letters.subject():
            fields["subject"] = subject

    def by_labels() -> dict[str, ExtractedField]:
        found = {}
        for spec in doc_type.fields:
            if spec.key not in fields and (value := by_kind.get(spec.kind, extractor.scalar)(spec)):
                found[spec.key] = value
        return found

    def fit(found: dict[str, ExtractedField]) -> int:
        """How well a reading fits: values of a checkable shape count double, as any words pass
        for a name, few for a date; words read as the value of two fields count against it."""
        score = sum(2 if doc_type.field(key).kind in SHAPED_KINDS else 1 for key in found)
        boxes = [(field.page, field.bbox) for field in found.values() if field.bbox is not None]
        shared = sum(
            1
            for i, (page, box) in enumerate(boxes)
            if any(page == other_page and overlaps(box, other) for other_page, other in boxes[:i])
        )
        return score - 2 * shared

    labels_over = by_labels()
    extractor.labels_under = True
    labels_under = by_labels()
    fields |= labels_under if fit(labels_under) > fit(labels_over) else labels_over
    fields = names_apart(required_keeps_shared_words(doc_type, fields))
    if "invoice_arithmetic" in doc_type.rules:
        fields = balanced_amounts(extractor, doc_type, fields)
    return {key: _on_scan(field, document.pages) for key, field in fields.items()}


def required_keeps_shared_words(
    doc_type: DocumentType, fields: dict[str, ExtractedField]
) -> dict[str, ExtractedField]:
    """Words read as the value of a required field and of an optional one are the required
    field's: under a heading that names two roles ('Wohnungsgeber / Eigentümer') one name was
    written, and the optional field is for a second one."""
    required = {spec.key for spec in doc_type.fields if spec.required}
    dropped = {
        key
        for key, field in fields.items()
        if key not in required
        and field.bbox is not None
        and any(
            other.page == field.page and other.bbox is not None and overlaps(field.bbox, other.bbox)
            for other_key, other in fields.items()
            if other_key in required
        )
    }
    return {key: field for key, field in fields.items() if key not in dropped}


def names_apart(fields: dict[str, ExtractedField]) -> dict[str, ExtractedField]:
    """A family name read with the given names beside it ('Killer Sigfried' next to 'Sigfried'),
    or given names with the family name ('Ferdi Wiek' next to 'Wiek'), ran over into the other
    field's box: the words the other field holds at its start or end are the other field's."""
    family, given = fields.get("family_name"), fields.get("given_names")
    if (
        family is None
        or given is None
        or not isinstance(family.value, str)
        or not isinstance(given.value, str)
    ):
        return fields
    apart = dict(fields)
    for key, longer, shorter in (("family_name", family, given), ("given_names", given, family)):
        words, other = longer.value.split(), shorter.value.split()
        if len(words) <= len(other):
            continue
        rest = words[len(other) :] if words[: len(other)] == other else None
        rest = words[: -len(other)] if rest is None and words[-len(other) :] == other else rest
        if rest is not None and _looks_like_name(" ".join(rest)):
            apart[key] = longer.model_copy(update={"value": " ".join(rest)})
    return apart


def balanced_amounts(
    extractor: _Extractor, doc_type: DocumentType, fields: dict[str, ExtractedField]
) -> dict[str, ExtractedField]:
    """Net + tax = gross, where one of the three was read wrong or not at all and the page prints
    the one amount that balances the other two: an invoice with two VAT rates lists each rate's
    tax before the total, and the first is what stands next to 'MwSt'. Only one repair that an
    amount on the page confirms is made; otherwise the validator sends the invoice to review."""
    net, tax, gross = invoice_amounts({key: field.value for key, field in fields.items()})
    if adds_up(net, tax, gross):
        return fields
    money = doc_type.field("gross_amount")
    printed: dict[Decimal, tuple[int, list[Word]]] = {}
    for page in extractor.pages:
        for line in page.lines:
            for match in find_patterns(list(line.words)):
                value = words_value(money, match.words) if match.kind == "money" else None
                if (amount := money_value(str(value))) is not None:
                    printed.setdefault(amount, (page.number, list(match.words)))
    repairs = []
    for key, read, expected in (
        ("tax_amount", tax, None if gross is None or net is None else gross - net),
        ("net_amount", net, None if gross is None or tax is None else gross - tax),
        ("gross_amount", gross, None if net is None or tax is None else net + tax),
    ):
        if expected is not None and expected > 0 and expected != read and expected in printed:
            repairs.append((key, expected))
    if len(repairs) != 1:
        return fields
    key, value = repairs[0]
    page_number, words = printed[value]
    others = [fields[other].confidence for other in INVOICE_AMOUNTS if other != key]
    repaired = ExtractedField(
        value=f"{value:.2f}", confidence=min(others), page=page_number, bbox=span_box(words)
    )
    return fields | {key: repaired}


def _on_scan(field: ExtractedField, pages: Sequence[Page]) -> ExtractedField:
    """The field with its box back on the page as scanned, where a reviewer sees it."""
    page = next((page for page in pages if page.number == field.page), None)
    if page is None or field.bbox is None or not (page.rotation or page.skew_degrees):
        return field
    size = (page.width, page.height)
    return field.model_copy(
        update={"bbox": upright_to_scan(field.bbox, size, page.rotation, page.skew_degrees)}
    )
