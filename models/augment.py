"""Training documents with stray form words between labels and their values.

On layouts it never saw, the model took a form word standing right after a label for the value:
'Sämtliche' of a 'Sämtliche Vornamen' label printed after 'Familienname' as the family name,
'Mischling' of 'Rasse / Mischling' as the breed. Training forms put a value right after its
label, so the word after a label is the value to a model that learnt from them. Here a share of
the values gets a word of printed form text (`models.pseudonym.form_vocabulary`) put between
them and the word before them, tagged 'O' like any form word: what follows a label is a value
only if it reads like one."""

from __future__ import annotations

import random
from collections.abc import Sequence

from extractors.document import BBox
from extractors.geometry import overlaps
from models.encoding import GRID, Box, PageWord, Tokenizer, encode_words
from models.training import Labels, Prepared


def _after(word: PageWord, text: str) -> tuple[Box, BBox]:
    """A place just right of the word on its line, as wide as the text would print there."""
    x0, top, x1, bottom = word.box
    height = max(1, bottom - top)
    width = max(height, round((x1 - x0) * len(text) / max(1, len(word.text))))
    gap = max(1, height // 3)
    start = min(GRID - 1, x1 + gap)
    box = (start, top, min(GRID, start + width), bottom)
    ux0, utop, ux1, ubottom = word.upright
    per_unit = (ux1 - ux0) / max(1, x1 - x0)
    upright = (ux1 + gap * per_unit, utop, ux1 + (gap + width) * per_unit, ubottom)
    return box, upright


def with_stray_words(
    prepared: Prepared,
    labels: Labels,
    vocabulary: Sequence[str],
    tokenizer: Tokenizer,
    max_word_tokens: int,
    share: float,
    rng: random.Random,
) -> Prepared:
    """A copy of a training document where, before a share of the values' first words, a form
    word follows the word that led into the value. The stray word stands right of that word
    where the value is not (a value on the line below, as in boxed editions), on that word's own
    place otherwise, so that the truth's boxes never take it in."""
    if not vocabulary or share <= 0 or prepared.truth is None:
        return prepared
    tags = prepared.tag_ids(labels)
    values = {
        page: [w.box for w, tag in zip(prepared.words, tags, strict=True) if tag and w.page == page]
        for page in {w.page for w in prepared.words}
    }
    words: list[PageWord] = []
    strays: dict[int, PageWord] = {}  # index in `words` -> the word it follows
    for index, word in enumerate(prepared.words):
        words.append(word)
        follows = index + 1 < len(tags) and labels.tags[tags[index + 1]].startswith("B-")
        if tags[index] or not follows or rng.random() >= share:
            continue
        text = rng.choice(vocabulary)
        text = text.capitalize() if rng.random() < 0.5 else text
        box, upright = _after(word, text)
        if any(overlaps(box, value) for value in values[word.page]):
            box, upright = word.box, word.upright
        strays[len(words)] = word
        words.append(PageWord(text, word.page, box, word.word.model_copy(update={"text": text}), upright))
    if not strays:
        return prepared
    # a stray word inside a value's box (an empty stretch of a wide form box) would be tagged as
    # part of the value: it goes back onto the place of the word it follows
    tagged = Prepared(words, prepared.encoded, prepared.pages, prepared.truth).tag_ids(labels)
    for index, before in strays.items():
        if tagged[index]:
            stray = words[index]
            words[index] = PageWord(stray.text, stray.page, before.box, stray.word, before.upright)
    return Prepared(words, encode_words(words, tokenizer, max_word_tokens), prepared.pages, prepared.truth)
