"""Tell the document type from the words a clerk recognises it by, as listed in the catalogue."""

from __future__ import annotations

import math

from pydantic import BaseModel, Field

from extractors.catalogue import Catalogue, load_catalogue
from extractors.document import ReadDocument, TypePrediction
from extractors.normalise import fold

CLASSIFIER_NAME = "baseline-keywords"


class KeywordClassifierOptions(BaseModel):
    min_score: float = Field(default=4.0, description="below this best score a document is 'sonstiges'")
    label_weight: float = Field(
        default=0.5, description="score per field label of the type found on the page"
    )
    temperature: float = Field(default=2.0, description="softens scores into confidences")


def _score(text: str, catalogue: Catalogue, type_id: str, options: KeywordClassifierOptions) -> float:
    doc_type = catalogue.type(type_id)
    for idiom in doc_type.idioms:
        text = text.replace(f" {fold(idiom)} ", " ")
    score = sum(weight for word, weight in doc_type.keywords if fold(word) in text)
    labels = {
        fold(label) for spec in doc_type.fields for label in catalogue.label_words(spec) if len(label) > 5
    }
    return score + options.label_weight * sum(1 for label in labels if label in text)


def classify_document(
    document: ReadDocument, options: KeywordClassifierOptions | None = None
) -> TypePrediction:
    """The most likely type with a confidence; 'sonstiges' when nothing scores high enough."""
    options = options or KeywordClassifierOptions()
    catalogue = load_catalogue()
    text = " " + " ".join(fold(word.text) for page in document.pages for word in page.words) + " "
    scores = {type_id: _score(text, catalogue, type_id, options) for type_id in catalogue.type_ids}
    scores["sonstiges"] = options.min_score
    best = max(scores, key=lambda type_id: scores[type_id])
    exponentials = {
        type_id: math.exp((score - scores[best]) / options.temperature) for type_id, score in scores.items()
    }
    confidence = exponentials[best] / sum(exponentials.values())
    rounded = {type_id: round(score, 2) for type_id, score in scores.items()}
    return TypePrediction(id=best, confidence=round(confidence, 4), scores=rounded)
