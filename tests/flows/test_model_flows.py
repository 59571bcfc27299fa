"""The flows with a trained model: processing uses it (or says why not), evaluation compares it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flows.evaluate import evaluate_models
from flows.process import process_documents
from flows.stages import PipelineOptions
from flows.train import calibrate_model
from models.store import HEADS_NAME, Calibration, ModelMissing, read_manifest, save_manifest


def _records(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text("utf-8").splitlines()]


def test_documents_are_typed_and_read_by_the_trained_model_in_batches(
    tiny_model: Path, born_digital_corpus: Path, tmp_path: Path
) -> None:
    inbox = born_digital_corpus / "val"
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 not really")
    options = PipelineOptions(model_dir=str(tiny_model), batch_size=4, device="cpu")
    summary = process_documents([str(inbox), str(broken)], str(tmp_path / "out"), options)
    records = _records(tmp_path / "out")
    documents = [p for p in inbox.iterdir() if not p.name.endswith(".truth.json")]
    assert summary["documents"] == len(records) == len(documents) + 1
    read = [r for r in records if r["status"] != "quarantined"]
    assert len(read) == len(documents)
    assert all(str(r["engine"]["classifier"]).startswith("finetuned:") for r in read)  # type: ignore[index]
    assert [r["source"]["filename"] for r in records if r["status"] == "quarantined"] == ["broken.pdf"]  # type: ignore[index]


def test_without_a_model_the_baseline_runs_unless_the_model_was_demanded(
    prefect_server: None, born_digital_corpus: Path, tmp_path: Path
) -> None:
    one = next(p for p in (born_digital_corpus / "val").iterdir() if p.suffix == ".pdf")
    nowhere = str(tmp_path / "no-model")
    process_documents([str(one)], str(tmp_path / "out"), PipelineOptions(model_dir=nowhere))
    assert _records(tmp_path / "out")[0]["engine"]["classifier"] == "baseline-keywords"  # type: ignore[index]
    with pytest.raises(ModelMissing, match="docflow train"):
        process_documents(
            [str(one)], str(tmp_path / "out2"), PipelineOptions(model_dir=nowhere, engine="model")
        )


def test_evaluation_reports_both_pipelines_per_type_and_variant(
    tiny_model: Path, born_digital_corpus: Path, tmp_path: Path
) -> None:
    report_file = tmp_path / "report.json"
    evaluate_models(str(born_digital_corpus), "val", str(tiny_model), "cpu", str(report_file))
    report = json.loads(report_file.read_text("utf-8"))
    assert set(report["pipelines"]) == {"baseline", "finetuned", "finetuned+rules"}
    for result in report["pipelines"].values():
        assert 0.0 <= result["document_type_accuracy"] <= 1.0
        assert 0.0 <= result["field_f1"] <= 1.0
        assert set(result["per_variant"]) <= {"digital", "acroform"}
        # handwriting appears on scans only, and this corpus is born digital
        assert set(result["per_writing"]) == {"printed"}
        assert sum(part["documents"] for part in result["per_type"].values()) == report["documents"]
    # the rules were written for the training layouts: on them they are near perfect
    assert report["pipelines"]["baseline"]["field_f1"] >= 0.9
    # values the rules read and the model missed are kept (to be confirmed by a person)
    pipelines = report["pipelines"]
    assert pipelines["finetuned+rules"]["field_f1"] >= pipelines["finetuned"]["field_f1"]


def test_calibrating_again_on_the_same_val_split_gives_the_thresholds_training_chose(
    tiny_model: Path, born_digital_corpus: Path, tmp_path: Path
) -> None:
    """`docflow calibrate` fits the confidences anew and leaves the weights alone: from a model whose
    calibration was lost it recovers exactly what training fitted on the same documents."""
    model = tmp_path / "model"
    shutil.copytree(tiny_model, model)
    trained = read_manifest(model)
    weights = (model / HEADS_NAME).read_bytes()
    save_manifest(model, trained.model_copy(update={"calibration": Calibration()}))
    assert read_manifest(model).calibration != trained.calibration

    summary = calibrate_model(str(born_digital_corpus), str(model), "cpu")

    again = read_manifest(model)
    assert again.calibration == trained.calibration
    assert summary["calibration"] == trained.calibration.model_dump()
    assert (model / HEADS_NAME).read_bytes() == weights
    assert set(again.card["metrics"]) == set(trained.card["metrics"])
    assert "Calibrated again by `docflow calibrate`" in (model / "README.md").read_text("utf-8")


def test_calibrating_without_a_model_says_how_to_train_one(
    prefect_server: None, born_digital_corpus: Path, tmp_path: Path
) -> None:
    with pytest.raises(ModelMissing, match="docflow train"):
        calibrate_model(str(born_digital_corpus), str(tmp_path / "none"), "cpu")
