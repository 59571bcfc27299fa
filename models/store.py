"""A trained model on disk: the encoder and tokenizer in Hugging Face format, the heads next to
them, and a manifest with the labels, hyper-parameters, calibration and model card facts."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import torch
from pydantic import BaseModel, Field
from safetensors.torch import load_file, save_file

from models.network import DocumentModel, load_encoder
from models.reliability import Reliability
from models.training import Labels, TrainConfig, load_tokenizer

MODEL_FORMAT = 1
MANIFEST_NAME = "docflow-model.json"
ENCODER_FOLDER = "encoder"
HEADS_NAME = "heads.safetensors"
CARD_NAME = "README.md"


def default_model_dir() -> Path:
    """Where `docflow train` puts the model and the pipeline looks for it: $DOCFLOW_MODEL_DIR,
    else the user's data folder."""
    if configured := os.environ.get("DOCFLOW_MODEL_DIR"):
        return Path(configured)
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "docflow" / "model"


class ModelMissing(RuntimeError):
    """No usable trained model where one was looked for; the message says how to make one."""


class Calibration(BaseModel):
    type_temperature: float = 1.0
    tag_temperature: float = 1.0
    type_threshold: float = Field(default=0.6, description="below: the document type goes to review")
    field_threshold: float = Field(default=0.7, description="below: the field goes to review")
    # The same for the model cross-checked by the rules (models/combine.py); models saved before
    # these existed get thresholds that send everything to review until retrained.
    checked_type_threshold: float = Field(default=0.99, description="cross-checked: type threshold")
    checked_field_threshold: float = Field(default=1.0, description="cross-checked: field threshold")
    # How often a cross-checked value is right, by its evidence (models/reliability.py); models
    # calibrated before it existed keep the cross-check's own confidences.
    checked_reliability: Reliability | None = None


class Manifest(BaseModel):
    format: int = MODEL_FORMAT
    created: str = Field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    types: list[str]
    tags: list[str]
    config: TrainConfig
    calibration: Calibration = Field(default_factory=Calibration)
    card: dict[str, Any] = Field(default_factory=dict, description="corpus, metrics, time, hardware")

    @property
    def labels(self) -> Labels:
        return Labels(self.types, self.tags)


def _how_to_train(directory: Path) -> str:
    return (
        f"train one with `docflow train --corpus CORPUS --out {directory}` "
        "(`docflow generate --out CORPUS` makes a corpus), or run `docflow demo`, which trains one"
    )


def save_model(directory: Path, model: DocumentModel, tokenizer: Any, manifest: Manifest) -> Path:
    """Write the model; the manifest is written last, so a half-written folder is never loaded."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / MANIFEST_NAME).unlink(missing_ok=True)
    model.encoder.save_pretrained(directory / ENCODER_FOLDER)
    tokenizer.save_pretrained(directory / ENCODER_FOLDER)
    save_file(model.head_state(), str(directory / HEADS_NAME))
    (directory / CARD_NAME).write_text(model_card(manifest), "utf-8")
    (directory / MANIFEST_NAME).write_text(manifest.model_dump_json(indent=2) + "\n", "utf-8")
    return directory


def save_manifest(directory: Path, manifest: Manifest) -> None:
    """A trained model's card and manifest written again (new calibration), its weights untouched."""
    (directory / CARD_NAME).write_text(model_card(manifest), "utf-8")
    (directory / MANIFEST_NAME).write_text(manifest.model_dump_json(indent=2) + "\n", "utf-8")


def read_manifest(directory: Path) -> Manifest:
    path = directory / MANIFEST_NAME
    if not path.is_file():
        raise ModelMissing(f"no trained model in {directory}: {_how_to_train(directory)}")
    raw = json.loads(path.read_text("utf-8"))
    if raw.get("format") != MODEL_FORMAT:
        raise ModelMissing(
            f"the model in {directory} has format {raw.get('format')!r}, this docflow reads format "
            f"{MODEL_FORMAT}: {_how_to_train(directory)}"
        )
    manifest = Manifest.model_validate(raw)
    if manifest.labels != Labels.from_catalogue():
        raise ModelMissing(
            f"the model in {directory} was trained for another catalogue of types and fields: "
            + _how_to_train(directory)
        )
    return manifest


def load_model(directory: Path, device: torch.device) -> tuple[DocumentModel, Any, Manifest]:
    manifest = read_manifest(directory)
    encoder = load_encoder(directory / ENCODER_FOLDER)
    labels = manifest.labels
    model = DocumentModel(encoder, len(labels.types), len(labels.tags), manifest.config.layout)
    missing, unexpected = model.load_state_dict(load_file(str(directory / HEADS_NAME)), strict=False)
    if unexpected or any(not name.startswith("encoder.") for name in missing):
        raise ModelMissing(f"the heads in {directory / HEADS_NAME} do not fit: {_how_to_train(directory)}")
    model.to(device).eval()
    return model, load_tokenizer(directory / ENCODER_FOLDER), manifest


def _table(rows: dict[str, Any]) -> str:
    lines = ["| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in rows.items()]
    return "\n".join(lines)


def _reliability(manifest: Manifest) -> dict[str, str]:
    fitted = manifest.calibration.checked_reliability
    if fitted is None:
        return {"checked_reliability": "none (the cross-check's own confidences)"}
    return {"checked_reliability": f"logistic, fitted on {fitted.fields} val fields ({fitted.wrong} wrong)"}


def model_card(manifest: Manifest) -> str:
    """The model card: what the model is, what it was trained on, and how well it does."""
    card = manifest.card
    metrics = card.get("metrics", {})
    sections = [
        "# docflow document model",
        "Document type classifier and field extractor for the forms of the Landeshauptstadt München, "
        "one fine-tuned encoder with two heads (sequence classification over the mean of each "
        "window's tokens, BIO token classification over the words). Trained by `docflow train`.",
        "## Model",
        _table(
            {
                "base model": manifest.config.base_model,
                "word positions as input": manifest.config.layout,
                "format": manifest.format,
                "created": manifest.created,
                "document types": len(manifest.types),
                "tags": len(manifest.tags),
            }
        ),
        "## Training data",
        _table(card.get("corpus", {})),
        "## Hyper-parameters",
        _table(manifest.config.model_dump(exclude={"base_model", "layout"})),
        "## Calibration (fitted on the validation split)",
        _table(manifest.calibration.model_dump(exclude={"checked_reliability"}) | _reliability(manifest)),
    ]
    if "calibrated on" in card:
        sections += ["Calibrated again by `docflow calibrate` on:", _table(card["calibrated on"])]
    for split, values in metrics.items():
        sections += [f"## Metrics: {split}", _table(values)]
    sections += ["## Training run", _table(card.get("run", {}))]
    sections += [
        "## Limits",
        "Trained on synthetic documents made by `docflow generate`; check it on the city's own "
        "documents with `docflow evaluate` before trusting its thresholds there.",
    ]
    return "\n\n".join(sections) + "\n"
