"""spaCy matchers for values with a recognisable shape: dates, amounts, IBANs, plates, ids."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractors.document import Word

# Token patterns (spaCy Matcher syntax) per catalogue kind. Numbers and codes stay single
# tokens in spacy.blank("de") when written without spaces; grouped forms are sequences.
_DATE = r"^(\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})|\d{4}-\d{2}-\d{2})$"
_MONTHS = r"^(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)$"
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "date": [
        [{"TEXT": {"REGEX": _DATE}}],
        [{"TEXT": {"REGEX": r"^\d{1,2}\.$"}}, {"LOWER": {"REGEX": _MONTHS}}, {"TEXT": {"REGEX": r"^\d{4}$"}}],
    ],
    "money": [[{"TEXT": {"REGEX": r"^-?\d{1,3}(\.\d{3})*,\d{2}$|^-?\d+,\d{2}$"}}]],
    "iban": [
        [{"TEXT": {"REGEX": r"^[A-Z]{2}\d{20}$"}}],
        [
            {"TEXT": {"REGEX": r"^[A-Z]{2}\d{2}$"}},
            {"TEXT": {"REGEX": r"^\d{4}$"}, "OP": "{4}"},
            {"TEXT": {"REGEX": r"^\d{1,4}$"}},
        ],
    ],
    "vat_id": [[{"TEXT": {"REGEX": r"^DE\d{9}$"}}]],
    "leitweg_id": [[{"TEXT": {"REGEX": r"^\d{2,12}(-[A-Z0-9]{1,30})?-\d{2}$"}}]],
    "tax_number": [[{"TEXT": {"REGEX": r"^\d{2,3}/\d{3}/\d{4,5}$"}}]],
    "microchip": [
        [{"TEXT": {"REGEX": r"^\d{15}$"}}],
        [{"TEXT": {"REGEX": r"^\d{3}$"}}, {"TEXT": {"REGEX": r"^\d{4}$"}, "OP": "{3}"}],
    ],
    "email": [[{"LIKE_EMAIL": True}]],
    "license_plate": [
        [{"TEXT": {"REGEX": r"^[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}$"}}, {"TEXT": {"REGEX": r"^\d{1,4}[EH]?$"}}],
        [
            {"TEXT": {"REGEX": r"^[A-ZÄÖÜ]{1,3}$"}},
            {"TEXT": {"REGEX": r"^[A-Z]{1,2}$"}},
            {"TEXT": {"REGEX": r"^\d{1,4}[EH]?$"}},
        ],
    ],
}


_TRAILING = re.compile(r"[,;:)]+$|(?<=\d{4})\.$|(?<=\d\.\d{2})\.$")


@dataclass(frozen=True)
class Match:
    kind: str
    words: tuple[Word, ...]


@cache
def _matcher() -> tuple[Any, Any]:
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("de")
    matcher = Matcher(nlp.vocab)
    for kind, patterns in PATTERNS.items():
        matcher.add(kind, patterns)
    return nlp, matcher


def find_patterns(words: list[Word]) -> list[Match]:
    """Every shaped value among the words (one word per spaCy token), longest matches first."""
    from spacy.tokens import Doc

    nlp, matcher = _matcher()
    if not words:
        return []
    # Punctuation of the sentence around a value ("vom 12.03.2025, Az. ...") is not part of it.
    doc = Doc(nlp.vocab, words=[_TRAILING.sub("", word.text) or word.text for word in words])
    found = []
    for match_id, start, end in matcher(doc):
        found.append(Match(nlp.vocab.strings[match_id], tuple(words[start:end])))
    return sorted(found, key=lambda match: -len(match.words))
