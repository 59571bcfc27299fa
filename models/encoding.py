"""Documents as a transformer sees them: words in reading order with their places on the page,
tags from the ground truth, and windows of tokens short enough for the encoder."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from extractors.baseline.layout import group_lines, straightened
from extractors.catalogue import Catalogue, DocumentType, FieldSpec
from extractors.document import BBox, Page, ReadDocument, Word
from extractors.geometry import scan_to_upright
from extractors.truth import GroundTruth

# Word places are given to the model on a 0..1000 grid, the convention of layout-aware models.
GRID = 1000
OUTSIDE = "O"
Box = tuple[int, int, int, int]
# The place given to the special tokens that open and close a window.
OPENING_BOX: Box = (0, 0, 0, 0)
CLOSING_BOX: Box = (GRID, GRID, GRID, GRID)


@dataclass(frozen=True)
class PageWord:
    """A word in reading order: its text, page, upright place on the grid, and the word as read."""

    text: str
    page: int
    box: Box
    word: Word
    upright: BBox


def _grid(bbox: tuple[float, float, float, float], width: float, height: float) -> Box:
    def scale(value: float, size: float) -> int:
        return max(0, min(GRID, round(value / size * GRID))) if size > 0 else 0

    x0, top, x1, bottom = bbox
    return (scale(x0, width), scale(top, height), scale(x1, width), scale(bottom, height))


def page_words(page: Page) -> list[PageWord]:
    """The page's words line by line, top to bottom, as read upright and straight."""
    upright = straightened(page)
    original = {id(straight): word for straight, word in zip(upright.words, page.words, strict=True)}
    return [
        PageWord(
            word.text,
            page.number,
            _grid(word.bbox, upright.width, upright.height),
            original[id(word)],
            word.bbox,
        )
        for line in group_lines(upright)
        for word in line.words
        if word.text.strip()
    ]


def document_words(document: ReadDocument) -> list[PageWord]:
    return [word for page in document.pages for word in page_words(page)]


def tag_label(field_path: str) -> str:
    """The tag a value's words carry: list positions dropped ('persons.0.given_names' ->
    'persons.given_names', 'persons.1' -> 'persons')."""
    return ".".join(part for part in field_path.split(".") if not part.isdigit())


def field_labels(catalogue: Catalogue) -> list[str]:
    """Every tag label the catalogue's fields give, records expanded to their own fields."""
    labels: set[str] = set()
    for doc_type in catalogue.types.values():
        for spec in doc_type.fields:
            if spec.kind == "records":
                labels.update(f"{spec.key}.{sub.key}" for sub in spec.fields)
            else:
                labels.add(spec.key)
    return sorted(labels)


def bio_tags(labels: Sequence[str]) -> list[str]:
    """'O' first, then 'B-' (a value begins) and 'I-' (it goes on) for every label."""
    return [OUTSIDE, *(f"{prefix}-{label}" for label in labels for prefix in ("B", "I"))]


def _inside(word: BBox, bbox: BBox) -> bool:
    """Most of the word lies in the box (a label printed just under a line does not), or the box
    lies in a word not much bigger (a scan's word box is looser than the value's)."""
    x0, top, x1, bottom = bbox
    width = min(word[2], x1) - max(word[0], x0)
    height = min(word[3], bottom) - max(word[1], top)
    if width <= 0 or height <= 0:
        return False
    overlap = width * height
    word_area = (word[2] - word[0]) * (word[3] - word[1])
    box_area = (x1 - x0) * (bottom - top)
    return overlap >= 0.5 * word_area or (overlap >= 0.5 * box_area and word_area <= 3 * box_area)


def _upright_truth_box(bbox: BBox, page: Page, skew: float) -> BBox:
    """A truth box of a scan, drawn around the value's turned rectangle, as the value's own
    rectangle on the page read upright (where the reader put the words)."""
    if not page.rotation and not page.skew_degrees and not skew:
        return bbox
    x0, top, x1, bottom = bbox
    cos, sin = math.cos(math.radians(abs(skew))), math.sin(math.radians(abs(skew)))
    around_width, around_height = x1 - x0, bottom - top
    denominator = cos * cos - sin * sin
    width = max(1.0, (around_width * cos - around_height * sin) / denominator)
    height = max(1.0, (around_height * cos - around_width * sin) / denominator)
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    own = (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
    return scan_to_upright(own, (page.width, page.height), page.rotation, page.skew_degrees)


def truth_tags(words: Sequence[PageWord], truth: GroundTruth, pages: Sequence[Page]) -> list[str]:
    """A BIO tag per word from the ground truth's boxes: the first word of each written value
    gets 'B-', the value's other words (even across several boxes) 'I-', everything else 'O'."""
    tags = [OUTSIDE] * len(words)
    page_of = {page.number: page for page in pages}
    skew = truth.scan.skew_degrees if truth.scan else 0.0
    mentions: dict[tuple[str, int], list[int]] = {}
    for box in truth.boxes:
        if box.page not in page_of:
            continue
        bbox = _upright_truth_box(box.bbox, page_of[box.page], skew)
        indices = mentions.setdefault((box.field, box.occurrence), [])
        indices.extend(
            i
            for i, word in enumerate(words)
            if word.page == box.page
            and tags[i] == OUTSIDE
            and i not in indices
            and _inside(word.upright, bbox)
        )
    for (field_path, _), indices in mentions.items():
        label, prefix = tag_label(field_path), "B"
        for i in sorted(indices):
            if tags[i] == OUTSIDE:
                tags[i], prefix = f"{prefix}-{label}", "I"
    return tags


# Longest run of words a value is searched in, when ground truth has values but no boxes.
MAX_VALUE_WORDS = 12


def _values(spec: FieldSpec, path: str, value: Any) -> Iterator[tuple[FieldSpec, str, Any]]:
    """(spec, field path, scalar value) for a field's value, lists and records taken apart."""
    if spec.kind == "records" and isinstance(value, list):
        by_key = {sub.key: sub for sub in spec.fields}
        for number, record in enumerate(value):
            for key, item in (record if isinstance(record, dict) else {}).items():
                if key in by_key:
                    yield by_key[key], f"{path}.{number}.{key}", item
    elif spec.kind == "list" and isinstance(value, list):
        for number, item in enumerate(value):
            yield spec, f"{path}.{number}", item
    else:
        yield spec, path, value


def matched_tags(words: Sequence[PageWord], truth: GroundTruth, doc_type: DocumentType) -> list[str]:
    """BIO tags for ground truth that has values but no boxes (a reviewer's corrections, real
    documents labelled by hand): every run of words on one page that normalises to the value."""
    from extractors.baseline.extract import words_value

    tags = [OUTSIDE] * len(words)
    for key, value in truth.fields.items():
        if key not in doc_type.field_keys:
            continue
        for spec, path, item in _values(doc_type.field(key), key, value):
            label = tag_label(path)
            for start in range(len(words)):
                if tags[start] != OUTSIDE:
                    continue
                for end in range(start + 1, min(start + MAX_VALUE_WORDS, len(words)) + 1):
                    span = words[start:end]
                    if span[-1].page != span[0].page or tags[end - 1] != OUTSIDE:
                        break
                    if words_value(spec, [word.word for word in span]) == item:
                        tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
                        break
    return tags


class Tokenizer(Protocol):
    cls_token_id: int | None
    sep_token_id: int | None
    pad_token_id: int | None

    def __call__(self, text: list[str], **kwargs: Any) -> Any: ...


@dataclass(frozen=True)
class Encoded:
    """A document's words as sub-word tokens: for every token its id, place and word."""

    token_ids: list[int]
    boxes: list[Box]
    word_of_token: list[int]
    first_token: list[bool]
    words: int


class TextAndBox(Protocol):
    """What tokenising needs of a word: a PageWord here, a word received by a partner's server."""

    @property
    def text(self) -> str: ...

    @property
    def box(self) -> Box: ...


def encode_words(words: Sequence[TextAndBox], tokenizer: Tokenizer, max_word_tokens: int) -> Encoded:
    """Tokenise the words; a word's tokens past `max_word_tokens` are dropped (a long IBAN's
    first pieces carry what the model needs to tag it)."""
    if not words:
        return Encoded([], [], [], [], 0)
    encoding = tokenizer([word.text for word in words], is_split_into_words=True, add_special_tokens=False)
    token_ids: list[int] = []
    boxes: list[Box] = []
    word_of_token: list[int] = []
    first_token: list[bool] = []
    seen: dict[int, int] = {}
    for token_id, word_index in zip(encoding["input_ids"], encoding.word_ids(), strict=True):
        if word_index is None:
            continue
        count = seen.get(word_index, 0)
        if count >= max_word_tokens:
            continue
        seen[word_index] = count + 1
        token_ids.append(token_id)
        boxes.append(words[word_index].box)
        word_of_token.append(word_index)
        first_token.append(count == 0)
    return Encoded(token_ids, boxes, word_of_token, first_token, len(words))


@dataclass(frozen=True)
class Window:
    """Tokens [start, end) of a document, framed by the opening and closing special tokens."""

    start: int
    end: int


def windows(encoded: Encoded, length: int, stride: int) -> Iterator[Window]:
    """Windows of at most `length` tokens (specials included), each starting `stride` tokens after
    the one before, at a word's first token, so that every word is seen whole at least once."""
    size = length - 2
    total = len(encoded.token_ids)
    start = 0
    while True:
        end = min(start + size, total)
        while end < total and not encoded.first_token[end]:
            end -= 1  # end before a word's first token, so no word is cut
        if end <= start:  # a single word longer than the window: cut it
            end = min(start + size, total)
        yield Window(start, end)
        if end >= total:
            return
        following = max(start + 1, min(start + stride, end))
        while following < end and not encoded.first_token[following]:
            following += 1
        start = following


def window_inputs(
    encoded: Encoded, window: Window, tokenizer: Tokenizer
) -> tuple[list[int], list[Box], list[int]]:
    """Token ids, places and, per position, the word it is the first token of (-1 otherwise)."""
    assert tokenizer.cls_token_id is not None and tokenizer.sep_token_id is not None
    span = slice(window.start, window.end)
    ids = [tokenizer.cls_token_id, *encoded.token_ids[span], tokenizer.sep_token_id]
    boxes = [OPENING_BOX, *encoded.boxes[span], CLOSING_BOX]
    firsts = [
        word if first else -1
        for word, first in zip(encoded.word_of_token[span], encoded.first_token[span], strict=True)
    ]
    return ids, boxes, [-1, *firsts, -1]
