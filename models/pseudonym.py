"""Pseudonymising the words sent to a partner: digits and the words that are not printed form
text are replaced by random ones of the same shape, chosen afresh for every request.

The form's own words (labels, headings, legal text) stay, so the model still sees what kind of
document it reads and where the values stand. Which words are form text is learnt from the
training corpus: words that stood outside every value in at least two training documents
(`form-words.txt` in the model folder, written by `docflow train`). Because the partner answers
with numbers per word position, the city decodes its values from the original words.
"""

from __future__ import annotations

import random
import string
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from models.remote import WireWord

VOCABULARY_FILE = "form-words.txt"
MIN_DOCUMENTS = 2
_PUNCTUATION = string.punctuation + "„“‚‘»«–—§"


def key(text: str) -> str:
    return text.strip(_PUNCTUATION).casefold()


def form_vocabulary(documents: Iterable[Sequence[str]]) -> list[str]:
    """Words standing outside every value in at least MIN_DOCUMENTS documents (each document
    given as its words outside values)."""
    seen: Counter[str] = Counter()
    for words in documents:
        seen.update({key(word) for word in words if key(word) and not any(c.isdigit() for c in word)})
    return sorted(word for word, count in seen.items() if count >= MIN_DOCUMENTS)


def write_vocabulary(directory: Path, words: Sequence[str]) -> None:
    (directory / VOCABULARY_FILE).write_text("\n".join(words) + "\n", "utf-8")


def read_vocabulary(directory: Path) -> frozenset[str]:
    path = directory / VOCABULARY_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"the model in {directory} has no {VOCABULARY_FILE}, which pseudonymisation needs: "
            "models trained by this docflow version have it, so retrain with `docflow train`"
        )
    return frozenset(line for line in path.read_text("utf-8").splitlines() if line)


def _replace(text: str, rng: random.Random) -> str:
    out = []
    for char in text:
        if char.isdigit():
            out.append(rng.choice(string.digits))
        elif char.isalpha():
            letters = string.ascii_uppercase if char.isupper() else string.ascii_lowercase
            out.append(rng.choice(letters))
        else:
            out.append(char)
    return "".join(out)


def pseudonymise(
    words: Sequence[WireWord], vocabulary: frozenset[str], rng: random.Random | None = None
) -> list[WireWord]:
    """Form words kept; every other word's letters and digits replaced at random (case, length,
    punctuation and place kept)."""
    rng = rng or random.SystemRandom()
    return [
        word
        if key(word.text) in vocabulary and not any(c.isdigit() for c in word.text)
        else WireWord(_replace(word.text, rng), word.box)
        for word in words
    ]
