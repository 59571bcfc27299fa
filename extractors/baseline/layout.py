"""Lines and labels on a page: the layout reasoning the rule-based baseline is built on."""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from extractors.document import BBox, Page, Word
from extractors.geometry import scan_to_upright
from extractors.normalise import SURROUNDING_PUNCTUATION, fold

_POSTCODE = re.compile(r"\d{5}")
# Forms print the plural or the feminine in brackets at a word's end: 'Vorname(n)',
# 'Staatsangehörigkeit(en)', 'Inhaber(in)'. The label is the same word.
_INFLECTION = re.compile(r"(?<=\w)\((?:e?n|e|er|s|in|innen)\)\W*$")


def token_key(text: str) -> str:
    """A word as compared with label words: folded, without surrounding punctuation or a
    bracketed ending ('Staatsangehörigkeit(en)' is 'staatsangehoerigkeit')."""
    return SURROUNDING_PUNCTUATION.sub("", _INFLECTION.sub("", fold(text)))


@dataclass(frozen=True)
class Line:
    page: int
    words: tuple[Word, ...]

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """`token_key` of each word, worked out once: every label of a type is looked for on
        every line."""
        return tuple(token_key(word.text) for word in self.words)

    @cached_property
    def keyed(self) -> tuple[tuple[int, str], ...]:
        """(index, key) of the words that have a key: punctuation standing alone has none."""
        return tuple((i, key) for i, key in enumerate(self.keys) if key)

    @cached_property
    def slashed(self) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """The words with slashes in them, as the keys of their parts: 'Ort/Datum'."""
        return tuple(
            (i, tuple(token_key(part) for part in key.split("/"))) for i, key in self.keyed if "/" in key
        )

    @cached_property
    def places(self) -> dict[str, tuple[int, ...]]:
        """Where in `keyed` each key stands, so that a label is looked up, not searched for."""
        places: dict[str, list[int]] = {}
        for at, (_, key) in enumerate(self.keyed):
            places.setdefault(key, []).append(at)
            if len(key) > LONG_LABEL:  # also under its start: long labels continue into compounds
                places.setdefault(key[:LONG_LABEL], []).append(at)
        return {key: tuple(found) for key, found in places.items()}

    @property
    def top(self) -> float:
        return min(word.bbox[1] for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word.bbox[3] for word in self.words)

    @property
    def height(self) -> float:
        return statistics.median(word.bbox[3] - word.bbox[1] for word in self.words)

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def straightened(page: Page) -> Page:
    """The page's words where they stand when the page is read upright and straight: a scan's
    lines run across, and the layout rules can follow them."""
    if not page.rotation and not page.skew_degrees:
        return page
    size = (page.width, page.height)
    words = tuple(
        word.model_copy(update={"bbox": scan_to_upright(word.bbox, size, page.rotation, page.skew_degrees)})
        for word in page.words
    )
    width, height = (page.height, page.width) if page.rotation in (90, 270) else size
    return page.model_copy(update={"words": words, "width": width, "height": height})


def group_lines(page: Page) -> list[Line]:
    """Words sorted into lines by vertical overlap, each line left to right, lines top to bottom."""
    words = sorted(page.words, key=lambda w: ((w.bbox[1] + w.bbox[3]) / 2, w.bbox[0]))
    lines: list[list[Word]] = []
    for word in words:
        centre = (word.bbox[1] + word.bbox[3]) / 2
        height = word.bbox[3] - word.bbox[1]
        for line in reversed(lines[-3:]):
            line_top = statistics.median(w.bbox[1] for w in line)
            line_bottom = statistics.median(w.bbox[3] for w in line)
            if line_top - 0.2 * height <= centre <= line_bottom + 0.2 * height:
                line.append(word)
                break
        else:
            lines.append([word])
    result = [Line(page.number, tuple(sorted(line, key=lambda w: w.bbox[0]))) for line in lines]
    return sorted(result, key=lambda line: (line.top, line.words[0].bbox[0]))


class StopLabels:
    """A type's labels, to tell where a value ends and the next field's label begins. A one-word
    label inside a value ('Am Mitterfeld' against the label 'am') is not a stop: a label is a
    stop when it has several words, ends with a colon, or stands apart from what follows."""

    def __init__(self, labels: Iterable[str]) -> None:
        self._by_first: dict[str, list[list[str]]] = {}
        for label in labels:
            keys = [key for key in (token_key(part) for part in label.split()) if key]
            if keys:
                self._by_first.setdefault(keys[0], []).append(keys)

    def starts_at(self, words: Sequence[Word], index: int) -> bool:
        word = words[index]
        if index > 0 and _POSTCODE.fullmatch(words[index - 1].text):
            return False  # the town after a postcode ('80997 München'), though a label names it too
        for keys in self._by_first.get(token_key(word.text), []):
            following_keys = [key for key in (token_key(w.text) for w in words[index:]) if key]
            if following_keys[: len(keys)] != keys:
                continue
            if len(keys) > 1 or word.text.endswith(":"):
                return True
            following = words[index + 1] if index + 1 < len(words) else None
            if following is None or following.bbox[0] - word.bbox[2] > 1.5 * (word.bbox[3] - word.bbox[1]):
                return True
        return False


def _leads_into(before: Word, word: Word) -> bool:
    if before.text.endswith((":", ")")) or not before.text[:1].isalpha():
        return False
    return word.bbox[0] - before.bbox[2] < 0.6 * (word.bbox[3] - word.bbox[1])


@dataclass(frozen=True)
class LabelHit:
    """A label found on a page: which line, which words, and the text it matched."""

    line: int
    start: int
    end: int  # exclusive
    label: str

    def led_into(self, lines: list[Line]) -> bool:
        """Whether words printed right before the label run into it: a heading ('Fahrzeug und
        Gebiet') or a wording the catalogue does not know ('Sämtliche Vornamen')."""
        line = lines[self.line].words
        return self.start > 0 and _leads_into(line[self.start - 1], line[self.start])

    def box(self, lines: list[Line]) -> BBox:
        """The label's box, with the words printed right before it, one space away, that lead
        into it on editions the catalogue does not know ('Sämtliche' of 'Sämtliche Vornamen')."""
        line = lines[self.line].words
        start = self.start
        while start > 0 and _leads_into(line[start - 1], line[start]):
            start -= 1
        words = line[start : self.end]
        return (
            words[0].bbox[0],
            min(w.bbox[1] for w in words),
            words[-1].bbox[2],
            max(w.bbox[3] for w in words),
        )


# A one-word label this long, with letters after it, is the same word inflected ('Kontoinhabers'
# for 'Kontoinhaber') or a compound of the same meaning ('Vollzeitkräfte' for 'Vollzeit').
# Shorter ones are general words that lead anything: 'Gewerbe' leads the letterhead's
# 'Gewerbeangelegenheiten', 'Wohnung' the title 'Wohnungsgeberbestätigung'; on the unseen layouts
# of six test splits they put a wrong value in 18 fields, 4 of them right before.
LONG_LABEL = 8


def _continues(key: str, label: str) -> bool:
    """Whether a word (as `token_key`) is the one-word label inflected or a compound it leads."""
    return len(label) >= LONG_LABEL and key.startswith(label) and key[len(label) :].isalpha()


@lru_cache(maxsize=4096)
def _label_keys(label: str) -> tuple[str, ...]:
    return tuple(key for key in (token_key(part) for part in label.split()) if key)


def find_label(lines: list[Line], label: str) -> list[LabelHit]:
    """Every place the label's words stand in a row on one line."""
    wanted = _label_keys(label)
    if not wanted:
        return []
    hits = []
    for line_index, line in enumerate(lines):
        # Punctuation standing alone ('Name / Firma') is no word of the label.
        keyed = line.keyed
        if len(wanted) == 1 and len(wanted[0]) >= LONG_LABEL:
            starts: Iterable[int] = (
                at
                for at in line.places.get(wanted[0][:LONG_LABEL], ())
                if keyed[at][1] == wanted[0] or _continues(keyed[at][1], wanted[0])
            )
        else:
            starts = line.places.get(wanted[0], ())
        for start in starts:
            if start + len(wanted) > len(keyed):
                break
            if len(wanted) > 1 and any(keyed[start + n][1] != key for n, key in enumerate(wanted)):
                continue  # (a key is also found under its first letters, see `Line.places`)
            first, last = keyed[start][0], keyed[start + len(wanted) - 1][0]
            if line.words[first].text.startswith("("):
                continue  # a bracketed explanation of the label before it
            if label.endswith(":") and not line.words[last].text.endswith(":"):
                continue  # a short label ('in:') only counts with its colon
            hits.append(LabelHit(line_index, first, last + 1, label))
        if len(wanted) > 1:  # the label's words joined by slashes, one printed word ('Ort/Datum')
            hits += [LabelHit(line_index, i, i + 1, label) for i, parts in line.slashed if parts == wanted]
    return hits


def words_right_of(
    lines: list[Line], hit: LabelHit, stops: StopLabels, first_gap: float, wide: bool = False
) -> list[Word]:
    """The words after a label on its line, up to a wide gap or the next label. `wide` lets later
    words stand as far apart as the first (a rate between a label and its right-aligned amount)."""
    line = lines[hit.line]
    taken: list[Word] = []
    previous_end = line.words[hit.end - 1].bbox[2]
    words = line.words[hit.end :]
    for index, word in enumerate(words):
        gap = word.bbox[0] - previous_end
        following = words[index + 1] if index + 1 < len(words) else None
        if (
            following is not None
            and len(word.text) <= 2
            and word.text.isdigit()
            and following.bbox[0] - word.bbox[2] < 1.5 * line.height
            and stops.starts_at(words, index + 1)
        ):
            break  # the number of the next numbered field, not a value
        allowed = first_gap if not taken or wide else 2.5 * line.height
        if gap > allowed or stops.starts_at(words, index):
            break
        taken.append(word)
        previous_end = word.bbox[2]
    return taken


def cell_end(lines: list[Line], hit: LabelHit) -> float:
    """Where the next cell of the label's line begins: a table header's next column heading."""
    line = lines[hit.line]
    previous = line.words[hit.end - 1]
    for word in line.words[hit.end :]:
        if word.bbox[0] - previous.bbox[2] > 1.5 * line.height:
            return word.bbox[0]
        previous = word
    return float("inf")


def words_near(lines: list[Line], hit: LabelHit, direction: int, stops: StopLabels) -> list[Word]:
    """The words on the line just below (direction=1) or above (-1) a label, starting near its left
    edge and ending before the next cell of the label's line begins."""
    label_box = hit.box(lines)
    height = label_box[3] - label_box[1]
    limit = cell_end(lines, hit) - 0.5 * height
    index = hit.line + direction
    while 0 <= index < len(lines):
        line = lines[index]
        distance = line.top - label_box[3] if direction > 0 else label_box[1] - line.bottom
        if distance > 3.0 * height:
            return []
        candidates = [w for w in line.words if label_box[0] - 3 * height <= w.bbox[0]]
        if candidates and candidates[0].bbox[0] <= label_box[0] + 12 * height:
            # A value that begins left of its label: take the rest of its phrase too.
            position = line.words.index(candidates[0])
            while position > 0 and candidates[0].bbox[0] - line.words[position - 1].bbox[2] < height:
                position -= 1
                candidates.insert(0, line.words[position])
            taken = [candidates[0]]
            for index, word in enumerate(candidates[1:], start=1):
                gap = word.bbox[0] - taken[-1].bbox[2]
                if gap > 2.5 * line.height or word.bbox[0] >= limit or stops.starts_at(candidates, index):
                    break
                taken.append(word)
            return taken
        index += direction
    return []


def span_box(words: list[Word]) -> BBox:
    return (
        min(w.bbox[0] for w in words),
        min(w.bbox[1] for w in words),
        max(w.bbox[2] for w in words),
        max(w.bbox[3] for w in words),
    )
