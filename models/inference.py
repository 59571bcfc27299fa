"""The trained model at work: documents in, a calibrated type and fields with confidences out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch

from extractors.catalogue import load_catalogue
from extractors.document import ExtractedField, ReadDocument, TypePrediction
from extractors.truth import GroundTruth
from extractors.validation import INVOICE_AMOUNTS, adds_up, invoice_amounts
from models.calibration import softmax
from models.decode import extract_from_tags
from models.encoding import Encoded
from models.network import (
    DocumentModel,
    Precision,
    best_device,
    inference_dtype,
    inference_precision,
    quantized,
)
from models.store import Manifest, load_model
from models.training import Prepared, predict_logits, prepare

# Three amounts read apart that satisfy net + tax = gross are very unlikely to be misread: each
# is then at least this sure.
ARITHMETIC_AGREEMENT = 0.99


@dataclass(frozen=True)
class ModelPrediction:
    document_type: TypePrediction
    fields: dict[str, ExtractedField]
    # The fields the model reads on the page for another type: the tags are shared by all
    # types, so when a cross-check settles on a type the model did not name, its words still count.
    fields_as: Callable[[str], dict[str, ExtractedField]] | None = field(
        default=None, repr=False, compare=False
    )


def cross_check_invoice(fields: dict[str, ExtractedField]) -> dict[str, ExtractedField]:
    """Net, tax and gross that add up confirm each other; ones that do not are left to the
    validator, which sends the invoice to review."""
    if not adds_up(*invoice_amounts({key: field.value for key, field in fields.items()})):
        return fields
    checked = dict(fields)
    for key in INVOICE_AMOUNTS:
        field = fields[key]
        checked[key] = field.model_copy(update={"confidence": max(field.confidence, ARITHMETIC_AGREEMENT)})
    return checked


class Predictor:
    """A model with its tokenizer and manifest, ready to read documents in batches."""

    def __init__(
        self, model: DocumentModel, tokenizer: Any, manifest: Manifest, device: torch.device
    ) -> None:
        self.model, self.tokenizer, self.manifest, self.device = model, tokenizer, manifest, device
        self.precision: Precision = inference_precision(device)
        self.catalogue = load_catalogue()
        self._int8: DocumentModel | None = None

    @classmethod
    def load(cls, directory: Path, device: str = "auto") -> Predictor:
        chosen = best_device(device)
        model, tokenizer, manifest = load_model(directory, chosen)
        return cls(model, tokenizer, manifest, chosen)

    @property
    def name(self) -> str:
        return f"finetuned:{Path(self.manifest.config.base_model).name}"

    def passes(self) -> DocumentModel:
        """The model that runs the passes: `model` itself, or in int8 its quantised copy, made at
        the first pass (so the trainer, which calibrates after training, gets the final weights)."""
        if self.precision != "int8":
            return self.model
        if self._int8 is None:
            self._int8 = quantized(self.model)
        return self._int8

    def prepare(
        self, documents: Sequence[ReadDocument], truths: Sequence[GroundTruth | None] | None = None
    ) -> list[Prepared]:
        truths = truths or [None] * len(documents)
        return [
            prepare(document, self.tokenizer, self.manifest.config, truth)
            for document, truth in zip(documents, truths, strict=True)
        ]

    def raw(self, prepared: Sequence[Prepared], batch_size: int = 32) -> list[tuple[np.ndarray, np.ndarray]]:
        """Uncalibrated type logits and per-word tag logits."""
        return self.logits([p.encoded for p in prepared], batch_size)

    def logits(self, encoded: Sequence[Encoded], batch_size: int = 32) -> list[tuple[np.ndarray, np.ndarray]]:
        """`raw` for documents already tokenised (what a partner's server receives)."""
        return predict_logits(
            self.passes(),
            self.tokenizer,
            encoded,
            self.manifest.config,
            self.manifest.labels,
            self.device,
            batch_size,
            inference_dtype(self.precision),
        )

    def decide(self, prepared: Prepared, type_logits: np.ndarray, tag_logits: np.ndarray) -> ModelPrediction:
        calibration = self.manifest.calibration
        types = self.manifest.types
        type_probabilities = softmax(type_logits, calibration.type_temperature)
        best = int(type_probabilities.argmax())
        prediction = TypePrediction(
            id=types[best],
            confidence=round(float(type_probabilities[best]), 4),
            scores={
                type_id: round(float(p), 4) for type_id, p in zip(types, type_probabilities, strict=True)
            },
        )
        tag_probabilities = softmax(tag_logits, calibration.tag_temperature)

        def fields_as(type_id: str) -> dict[str, ExtractedField]:
            doc_type = self.catalogue.types.get(type_id)
            if doc_type is None or not doc_type.fields or not prepared.words:
                return {}
            fields = extract_from_tags(doc_type, prepared.words, tag_probabilities, self.manifest.tags)
            return cross_check_invoice(fields) if "invoice_arithmetic" in doc_type.rules else fields

        return ModelPrediction(prediction, fields_as(prediction.id), fields_as)

    def predict(self, documents: Sequence[ReadDocument], batch_size: int = 32) -> list[ModelPrediction]:
        prepared = self.prepare(documents)
        return [
            self.decide(p, type_logits, tag_logits)
            for p, (type_logits, tag_logits) in zip(prepared, self.raw(prepared, batch_size), strict=True)
        ]
