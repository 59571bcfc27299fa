"""Baseline rules and fine-tuned model on the same documents: accuracy, operating point, speed."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from extractors.baseline.classify import classify_document
from extractors.baseline.extract import extract_fields
from extractors.document import ReadDocument
from extractors.einvoice import with_e_invoice
from extractors.routing import RoutingOptions
from extractors.truth import GroundTruth
from models.calibration import operating_point
from models.combine import cross_checked
from models.inference import ModelPrediction, Predictor
from models.trainer import Labelled, metrics, outcome

Pipeline = Callable[[Sequence[ReadDocument]], list[ModelPrediction]]


def baseline_pipeline(documents: Sequence[ReadDocument]) -> list[ModelPrediction]:
    predictions = []
    for document in documents:
        prediction = classify_document(document)
        fields = extract_fields(document, prediction.id) if prediction.id != "sonstiges" else {}
        predictions.append(ModelPrediction(prediction, fields))
    return predictions


def model_pipeline(predictor: Predictor) -> Pipeline:
    return lambda documents: predictor.predict(documents)


def checked_pipeline(predictor: Predictor) -> Pipeline:
    """The model, cross-checked by the rules (what `docflow process` runs when a model is present)."""

    def run(documents: Sequence[ReadDocument]) -> list[ModelPrediction]:
        predictions = predictor.predict(documents)
        reliability = predictor.manifest.calibration.checked_reliability
        return [cross_checked(d, p, reliability) for d, p in zip(documents, predictions, strict=True)]

    return run


def _block(
    items: Sequence[Labelled], predictions: Sequence[ModelPrediction], thresholds: tuple[float, float]
) -> dict[str, Any]:
    type_threshold, field_threshold = thresholds
    outcomes = [outcome(item.truth, p) for item, p in zip(items, predictions, strict=True)]
    return metrics(items, predictions, operating_point(outcomes, field_threshold, type_threshold))


def report_pipeline(
    items: Sequence[Labelled], pipeline: Pipeline, thresholds: tuple[float, float]
) -> dict[str, Any]:
    """Overall, per document type and per variant; `thresholds` is (type, field) confidence."""
    started = time.perf_counter()
    predictions = [
        ModelPrediction(*with_e_invoice(item.document, p.document_type, p.fields))
        for item, p in zip(items, pipeline([item.document for item in items]), strict=True)
    ]
    seconds = time.perf_counter() - started
    pages = sum(len(item.document.pages) for item in items)
    report = accuracy_report(items, predictions, thresholds)
    report["ms_per_page"] = round(1000 * seconds / max(1, pages), 1)
    return report


def writing(truth: GroundTruth) -> str:
    """Whether the values were typed or printed, or written by hand (which Tesseract cannot read)."""
    return "handwritten" if "handwriting" in truth.defects else "printed"


def accuracy_report(
    items: Sequence[Labelled], predictions: Sequence[ModelPrediction], thresholds: tuple[float, float]
) -> dict[str, Any]:
    """Type accuracy, field F1 and the operating point, overall, per type and per variant."""
    report = _block(items, predictions, thresholds)
    report["type_threshold"], report["field_threshold"] = thresholds
    slicers: tuple[tuple[str, Callable[[GroundTruth], str]], ...] = (
        ("per_type", lambda truth: truth.document_type),
        ("per_variant", lambda truth: truth.variant),
        ("per_writing", writing),
    )
    for key, slicer in slicers:
        groups: dict[str, list[int]] = {}
        for index, item in enumerate(items):
            groups.setdefault(slicer(item.truth), []).append(index)
        report[key] = {
            name: _block([items[i] for i in chosen], [predictions[i] for i in chosen], thresholds)
            for name, chosen in sorted(groups.items())
        }
    return report


def baseline_thresholds() -> tuple[float, float]:
    routing = RoutingOptions()
    return routing.min_type_confidence, routing.min_field_confidence


def model_thresholds(predictor: Predictor) -> tuple[float, float]:
    calibration = predictor.manifest.calibration
    return calibration.type_threshold, calibration.field_threshold


def checked_thresholds(predictor: Predictor) -> tuple[float, float]:
    calibration = predictor.manifest.calibration
    return calibration.checked_type_threshold, calibration.checked_field_threshold
