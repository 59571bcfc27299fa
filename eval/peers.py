"""A peer baseline for document types: a bag-of-words MLP, the approach paperless-ngx uses for its
automatic matching (word counts of the text into a small neural network), trained on the same
training split as the fine-tuned model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from extractors.document import ReadDocument, TypePrediction

NAME = "bag-of-words MLP"


def document_text(document: ReadDocument) -> str:
    return " ".join(word.text for page in document.pages for word in page.words)


@dataclass
class BagOfWordsClassifier:
    """Word counts (lower-cased, words and word pairs) -> one hidden layer -> document type."""

    hidden: int = 100
    seed: int = 0
    _vectorizer: Any = field(default=None, repr=False)
    _network: Any = field(default=None, repr=False)

    def fit(self, documents: Sequence[ReadDocument], types: Sequence[str]) -> BagOfWordsClassifier:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.neural_network import MLPClassifier

        if len(set(types)) < 2:
            raise ValueError("the peer classifier needs documents of at least two types to learn from")
        self._vectorizer = CountVectorizer(lowercase=True, ngram_range=(1, 2), min_df=1, binary=True)
        features = self._vectorizer.fit_transform([document_text(d) for d in documents])
        self._network = MLPClassifier(hidden_layer_sizes=(self.hidden,), max_iter=300, random_state=self.seed)
        self._network.fit(features, list(types))
        return self

    def predict(self, documents: Sequence[ReadDocument]) -> list[TypePrediction]:
        if self._network is None:
            raise RuntimeError("fit the classifier before predicting")
        features = self._vectorizer.transform([document_text(d) for d in documents])
        probabilities = np.asarray(self._network.predict_proba(features))
        classes = [str(c) for c in self._network.classes_]
        predictions = []
        for row in probabilities:
            best = int(row.argmax())
            scores = {type_id: round(float(p), 4) for type_id, p in zip(classes, row, strict=True)}
            predictions.append(
                TypePrediction(id=classes[best], confidence=round(float(row[best]), 4), scores=scores)
            )
        return predictions
