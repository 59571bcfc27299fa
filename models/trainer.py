"""A whole training run: fine-tune on the train split, calibrate on val, measure on val and on
the unseen-template test split, save the model with its card."""

from __future__ import annotations

import os
import platform
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from extractors.catalogue import load_catalogue
from extractors.document import ReadDocument
from extractors.routing import missing_required, validate_extraction
from extractors.truth import GroundTruth
from models.augment import with_stray_words
from models.calibration import (
    OperatingPoint,
    Outcome,
    choose_thresholds,
    expected_calibration_error,
    fit_temperature,
    operating_point,
)
from models.combine import cross_checked, reweighed, weighed
from models.inference import ModelPrediction, Predictor
from models.pseudonym import form_vocabulary, write_vocabulary
from models.reliability import Evidence, Reliability, fit_reliability
from models.store import Calibration, Manifest, save_model
from models.training import Labels, Prepared, Progress, TrainConfig, new_model, train_model


@dataclass(frozen=True)
class Labelled:
    document: ReadDocument
    truth: GroundTruth


def field_counts(truth: GroundTruth, type_id: str, fields: dict[str, Any]) -> tuple[int, int, int]:
    """Fields expected, predicted and right (exact normalised value); a wrongly typed document's
    fields are all wrong."""
    predicted = fields if type_id == truth.document_type else {}
    right = sum(1 for key, value in predicted.items() if truth.fields.get(key) == value)
    return len(truth.fields), len(predicted), right


def outcome(truth: GroundTruth, prediction: ModelPrediction) -> Outcome:
    """How the router would treat the prediction, judged against the truth."""
    type_id = prediction.document_type.id
    doc_type = load_catalogue().types.get(type_id)
    always_review = doc_type is None or doc_type.always_review
    fields = (
        validate_extraction(type_id, prediction.fields) if prediction.fields and not always_review else {}
    )
    type_correct = type_id == truth.document_type
    blocked = bool(missing_required(type_id, fields)) if not always_review else True
    judged = [
        (field.confidence, field.valid, type_correct and truth.fields.get(key) == field.value)
        for key, field in fields.items()
    ]
    blocked = blocked or any(not valid for _, valid, _ in judged)
    missed = sum(1 for key in truth.fields if key not in fields) if type_correct else len(truth.fields)
    return Outcome(type_correct, prediction.document_type.confidence, always_review, blocked, judged, missed)


def accuracy(labelled: Sequence[Labelled], predictions: Sequence[ModelPrediction]) -> dict[str, float]:
    """Document-type accuracy and field precision, recall and F1 (exact normalised values)."""
    expected = predicted = right = types_right = 0
    for item, prediction in zip(labelled, predictions, strict=True):
        values = {key: field.value for key, field in prediction.fields.items()}
        e, p, r = field_counts(item.truth, prediction.document_type.id, values)
        expected, predicted, right = expected + e, predicted + p, right + r
        types_right += prediction.document_type.id == item.truth.document_type
    return {
        "document_type_accuracy": round(types_right / max(1, len(labelled)), 4),
        "field_precision": round(right / max(1, predicted), 4),
        "field_recall": round(right / max(1, expected), 4),
        "field_f1": round(2 * right / max(1, expected + predicted), 4),
    }


def metrics(
    labelled: Sequence[Labelled], predictions: Sequence[ModelPrediction], point: OperatingPoint
) -> dict[str, Any]:
    confidences = [p.document_type.confidence for p in predictions]
    hits = [p.document_type.id == i.truth.document_type for p, i in zip(predictions, labelled, strict=True)]
    return {
        "documents": len(labelled),
        **accuracy(labelled, predictions),
        "type_calibration_error": round(expected_calibration_error(confidences, hits), 4),
        "straight_through_rate": round(point.straight_through_rate, 4),
        "residual_field_error_rate": round(point.residual_error_rate, 5),
    }


def fit_checked_reliability(
    val: Sequence[Labelled], weighings: Sequence[tuple[ModelPrediction, dict[str, Evidence]]]
) -> Reliability:
    """How often each kind of cross-checked evidence was right on val, over the documents whose
    type was read right (a wrong type is the type threshold's to catch) and the fields the router
    would see (validated, of a type not always reviewed)."""
    evidence: list[Evidence] = []
    right: list[bool] = []
    for item, (checked, weights) in zip(val, weighings, strict=True):
        type_id = checked.document_type.id
        doc_type = load_catalogue().types.get(type_id)
        if type_id != item.truth.document_type or doc_type is None or doc_type.always_review:
            continue
        for key, field in validate_extraction(type_id, checked.fields).items():
            evidence.append(weights[key])
            right.append(item.truth.fields.get(key) == field.value)
    return fit_reliability(evidence, right)


def _calibrate(
    predictor: Predictor, val: Sequence[Labelled], target: float
) -> tuple[Calibration, OperatingPoint]:
    labels = predictor.manifest.labels
    prepared = predictor.prepare([item.document for item in val], [item.truth for item in val])
    raw = predictor.raw(prepared)
    type_index = {type_id: i for i, type_id in enumerate(labels.types)}
    type_temperature = fit_temperature(
        np.stack([type_logits for type_logits, _ in raw]),
        np.array([type_index[item.truth.document_type] for item in val]),
    )
    word_logits = [tag_logits for _, tag_logits in raw if len(tag_logits)]
    word_targets = [np.array(p.tag_ids(labels)) for p in prepared if p.words]
    tag_temperature = fit_temperature(np.concatenate(word_logits), np.concatenate(word_targets))
    predictor.manifest.calibration = Calibration(
        type_temperature=type_temperature, tag_temperature=tag_temperature
    )
    predictions = [predictor.decide(p, t, w) for p, (t, w) in zip(prepared, raw, strict=True)]
    point = choose_thresholds([outcome(i.truth, p) for i, p in zip(val, predictions, strict=True)], target)
    weighings = [weighed(i.document, p) for i, p in zip(val, predictions, strict=True)]
    reliability = fit_checked_reliability(val, weighings)
    checked = [reweighed(c, evidence, reliability) for c, evidence in weighings]
    checked_point = choose_thresholds(
        [outcome(i.truth, p) for i, p in zip(val, checked, strict=True)], target
    )
    calibration = predictor.manifest.calibration.model_copy(
        update={
            "field_threshold": point.field_threshold,
            "type_threshold": point.type_threshold,
            "checked_field_threshold": checked_point.field_threshold,
            "checked_type_threshold": checked_point.type_threshold,
            "checked_reliability": reliability,
        }
    )
    return calibration, point


def evaluate_split(
    predictor: Predictor, labelled: Sequence[Labelled]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Metrics of the model on a split, and of the model cross-checked by the rules, each at its
    own thresholds."""
    predictions = predictor.predict([item.document for item in labelled])
    calibration = predictor.manifest.calibration
    outcomes = [outcome(item.truth, p) for item, p in zip(labelled, predictions, strict=True)]
    point = operating_point(outcomes, calibration.field_threshold, calibration.type_threshold)
    checked = [
        cross_checked(item.document, p, calibration.checked_reliability)
        for item, p in zip(labelled, predictions, strict=True)
    ]
    checked_outcomes = [outcome(item.truth, p) for item, p in zip(labelled, checked, strict=True)]
    checked_point = operating_point(
        checked_outcomes, calibration.checked_field_threshold, calibration.checked_type_threshold
    )
    return metrics(labelled, predictions, point), metrics(labelled, checked, checked_point)


def measure(predictor: Predictor, val: Sequence[Labelled], test: Sequence[Labelled]) -> dict[str, Any]:
    """The model card's metrics: val and the unseen-template test split, alone and cross-checked."""
    results: dict[str, Any] = {}
    for name, split in (("val", val), ("test (unseen templates)", test)):
        if split:
            results[name], results[f"{name}, cross-checked by the rules"] = evaluate_split(predictor, split)
    return results


def recalibrate(
    predictor: Predictor, val: Sequence[Labelled], test: Sequence[Labelled], corpus: dict[str, Any]
) -> Manifest:
    """Temperatures and review thresholds fitted again on `val`, and the card's metrics measured
    again, for a trained model whose weights stay as they are: after a change in how values are
    decoded or cross-checked, or on a site's own reviewed documents."""
    manifest = predictor.manifest
    manifest.calibration, _ = _calibrate(predictor, val, manifest.config.target_residual_error)
    manifest.card = manifest.card | {
        "metrics": measure(predictor, val, test),
        "calibrated on": corpus
        | {"val documents": len(val), "test documents": len(test), "precision": predictor.precision},
    }
    return manifest


def run_training(
    train: Sequence[Labelled],
    val: Sequence[Labelled],
    test: Sequence[Labelled],
    config: TrainConfig,
    out: Path,
    device: torch.device,
    corpus: dict[str, Any],
    progress: Progress | None = None,
) -> Manifest:
    """Train, calibrate, measure and save; returns the saved manifest."""
    labels = Labels.from_catalogue()
    started = time.perf_counter()
    model, tokenizer = new_model(config, labels)
    manifest = Manifest(types=labels.types, tags=labels.tags, config=config)
    predictor = Predictor(model, tokenizer, manifest, device)
    prepared = predictor.prepare([item.document for item in train], [item.truth for item in train])
    vocabulary = form_vocabulary(outside_values(p, labels) for p in prepared)
    rng = random.Random(config.seed)
    shown = [
        with_stray_words(p, labels, vocabulary, tokenizer, config.max_word_tokens, config.stray_words, rng)
        for p in prepared
    ]
    losses = train_model(model, tokenizer, shown, labels, config, device, progress)
    train_seconds = time.perf_counter() - started
    calibration, _ = (
        _calibrate(predictor, val, config.target_residual_error) if val else (Calibration(), None)
    )
    manifest.calibration = calibration
    results = measure(predictor, val, test)
    manifest.card = {
        "corpus": corpus
        | {"train documents": len(train), "val documents": len(val), "test documents": len(test)},
        "metrics": results,
        "run": {
            "training seconds": round(train_seconds, 1),
            "epoch_losses": [round(loss, 4) for loss in losses],
            "device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu",
            "cpu threads": torch.get_num_threads(),
            "cpu cores": os.cpu_count(),
            "machine": platform.machine(),
            "torch": torch.__version__,
            "inference precision": predictor.precision,  # of calibration and metrics
        },
    }
    save_model(out, model, tokenizer, manifest)
    write_vocabulary(out, vocabulary)
    return manifest


def outside_values(prepared: Prepared, labels: Labels) -> list[str]:
    """The words of a training document that are no part of any value (tag O)."""
    return [word.text for word, tag in zip(prepared.words, prepared.tag_ids(labels), strict=True) if tag == 0]
