"""The Prefect flow `evaluate_models`: baseline rules and the trained model on one split."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from prefect import flow
from prefect.artifacts import create_markdown_artifact

from eval.compare import (
    baseline_pipeline,
    baseline_thresholds,
    checked_pipeline,
    checked_thresholds,
    model_pipeline,
    model_thresholds,
    report_pipeline,
)
from flows.train import labelled_files, read_corpus, thread_pool
from models.inference import Predictor

log = logging.getLogger("docflow")


def summary_markdown(report: dict[str, Any]) -> str:
    """The headline numbers per pipeline, without any document content."""
    rows = [
        "| pipeline | documents | type accuracy | field F1 | straight-through | residual field error "
        "| ms/page |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, result in report["pipelines"].items():
        rows.append(
            f"| {name} | {result['documents']} | {result['document_type_accuracy']:.2%} | "
            f"{result['field_f1']:.3f} | {result['straight_through_rate']:.1%} | "
            f"{result['residual_field_error_rate']:.2%} | {result['ms_per_page']} |"
        )
    where = f"Model passes on {report['device']} in {report['precision']}."
    return f"# Evaluation on {report['corpus']} ({report['split']})\n\n" + "\n".join(rows) + f"\n\n{where}\n"


@flow(name="evaluate_models", task_runner=thread_pool(), validate_parameters=False)
def evaluate_models(
    corpus: str,
    split: str = "test",
    model_dir: str | None = None,
    device: str = "auto",
    json_file: str | None = None,
) -> dict[str, Any]:
    """Type accuracy, field micro-F1 (exact normalised values), straight-through and residual
    error rate of the baseline and the trained model, overall, per type and per variant."""
    from models.store import default_model_dir

    files = labelled_files(Path(corpus), [split])
    if not files:
        raise ValueError(f"no documents with ground truth in {corpus}/{split}")
    items = read_corpus(files)
    folder = Path(model_dir) if model_dir else default_model_dir()
    predictor = Predictor.load(folder, device)
    report: dict[str, Any] = {
        "corpus": corpus,
        "split": split,
        "documents": len(items),
        "pages": sum(len(item.document.pages) for item in items),
        "model": str(folder),
        "device": str(predictor.device),
        "precision": predictor.precision,
        "pipelines": {
            "baseline": report_pipeline(items, baseline_pipeline, baseline_thresholds()),
            "finetuned": report_pipeline(items, model_pipeline(predictor), model_thresholds(predictor)),
            "finetuned+rules": report_pipeline(
                items, checked_pipeline(predictor), checked_thresholds(predictor)
            ),
        },
    }
    if json_file:
        Path(json_file).parent.mkdir(parents=True, exist_ok=True)
        Path(json_file).write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    create_markdown_artifact(summary_markdown(report), key="evaluation", description="Baseline vs model")
    return report
