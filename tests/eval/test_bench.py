"""The benchmark's parts: what it measures on, how it judges a document, its peers and its report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eval.bench import (
    Timed,
    bench_documents,
    document_case,
    labelled_documents,
    ocr_peers,
    peer_report,
    pipeline_report,
    read_timed,
    run_baseline,
)
from eval.peers import BagOfWordsClassifier
from extractors.document import ExtractedField, TypePrediction
from extractors.truth import read_truth
from models.inference import ModelPrediction

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def _perfect(truth_path: Path, confidence: float = 0.99) -> tuple[Timed, ModelPrediction]:
    truth = read_truth(truth_path)
    fields = {key: ExtractedField(value=value, confidence=confidence) for key, value in truth.fields.items()}
    prediction = ModelPrediction(TypePrediction(id=truth.document_type, confidence=confidence), fields)
    return truth, prediction  # type: ignore[return-value]


def test_quick_takes_one_document_per_type_and_variant_and_own_folders_work(tmp_path: Path) -> None:
    everything = bench_documents(SAMPLES, "test", quick=False)
    quick = bench_documents(SAMPLES, "test", quick=True)
    groups = {(read_truth(p).document_type, read_truth(p).variant) for p in everything}
    assert len(quick) == len(groups) <= len(everything)
    # a folder of one's own documents, without train/val/test: every labelled file in it
    own = tmp_path / "city-forms" / "2026"
    own.mkdir(parents=True)
    for path in everything[:3]:
        shutil.copy2(path, own / path.name)
        shutil.copy2(path.with_name(path.stem + ".truth.json"), own)
    (own / "no-truth.pdf").write_bytes(b"%PDF-1.7")
    assert [p.name for p in bench_documents(tmp_path / "city-forms", "test", quick=False)] == sorted(
        p.name for p in everything[:3]
    )
    assert labelled_documents(tmp_path) == bench_documents(tmp_path / "city-forms", "test", quick=False)


def test_a_document_is_judged_as_the_router_would_treat_it() -> None:
    path = SAMPLES / "train" / "hundesteuer-0000.png"
    truth, sure = _perfect(path)
    case = document_case(truth, sure, (0.6, 0.7))  # type: ignore[arg-type]
    assert case.straight_through and all(f.status == "accepted" and f.correct for f in case.fields)

    wrong_key = next(iter(truth.fields))  # type: ignore[attr-defined]
    fields = dict(sure.fields)
    fields[wrong_key] = ExtractedField(value="Falsch", confidence=0.99)
    case = document_case(truth, ModelPrediction(sure.document_type, fields), (0.6, 0.7))  # type: ignore[arg-type]
    judged = {f.key: f for f in case.fields}
    assert not judged[wrong_key].correct

    unsure = ModelPrediction(sure.document_type.model_copy(update={"confidence": 0.3}), sure.fields)
    case = document_case(truth, unsure, (0.6, 0.7))  # type: ignore[arg-type]
    assert not case.straight_through and all(f.status == "flagged" for f in case.fields)


def test_reports_per_pipeline_have_confusion_fields_reliability_and_a_review_curve() -> None:
    digital = [p for p in labelled_documents(SAMPLES) if p.suffix == ".pdf"][:8]
    items = read_timed(digital)
    predictions = run_baseline(items)
    assert all({"read", "classify", "extract", "validate"} <= set(item.ms) for item in items)
    report = pipeline_report(items, predictions, (0.6, 0.7))
    matrix = report["confusion"]
    assert sum(map(sum, matrix["rows"])) == len(items)
    assert sum(row["documents"] for row in report["reliability"]) == len(items)
    curve = report["review_curve"]
    assert curve[-1]["field_threshold"] == 1.0
    rates = [point["straight_through_rate"] for point in curve]
    assert rates == sorted(rates, reverse=True), "a higher threshold never lets more documents through"
    fields = {(row["type"], row["field"]) for row in report["per_field"]}
    assert all((read_truth(p).document_type, key) in fields for p in digital for key in read_truth(p).fields)


def test_the_bag_of_words_peer_learns_document_types(born_digital_corpus: Path) -> None:
    train = read_timed(labelled_documents(born_digital_corpus / "train"))
    val = read_timed(labelled_documents(born_digital_corpus / "val"))
    classifier = BagOfWordsClassifier().fit(
        [i.document for i in train], [i.truth.document_type for i in train]
    )
    predictions = classifier.predict([i.document for i in val])
    report = peer_report(val, predictions, len(train))
    assert report["document_type_accuracy"] >= 0.8
    assert sum(part["documents"] for part in report["per_type"].values()) == len(val)
    with pytest.raises(ValueError, match="at least two types"):
        BagOfWordsClassifier().fit([train[0].document], [train[0].truth.document_type])


def test_ocr_is_compared_with_the_tesseract_cli_on_the_same_pages() -> None:
    scans = [SAMPLES / "train" / "hundesteuer-0000.png"]
    items = read_timed(scans)
    peers = ocr_peers(items, quick=True)
    assert peers["pages"] == 1
    assert peers["ours_ms_per_page"] > 0 and peers["tesseract_cli_ms_per_page"] > 0
    assert peers["ratio_to_tesseract_cli"] == pytest.approx(
        peers["ours_ms_per_page"] / peers["tesseract_cli_ms_per_page"], rel=0.02
    )
    assert "ratio_to_ocrmypdf" in peers or "install OCRmyPDF" in peers["ocrmypdf_note"]


def test_the_benchmark_writes_an_offline_report_with_every_promised_number(
    prefect_server: None, tmp_path: Path
) -> None:
    """A folder of one's own documents (here three born-digital samples), labelled by hand with
    only `file`, `document_type` and `fields`, no model trained."""
    import json

    from flows.bench import run_benchmark

    own = tmp_path / "forms"
    own.mkdir()
    for path in [p for p in labelled_documents(SAMPLES) if p.suffix == ".pdf"][:3]:
        shutil.copy2(path, own / path.name)
        truth = read_truth(path)
        minimal = {"file": path.name, "document_type": truth.document_type, "fields": truth.fields}
        (own / f"{path.stem}.truth.json").write_text(json.dumps(minimal, ensure_ascii=False), "utf-8")
        assert read_truth(own / path.name).variant == truth.variant  # told from the file itself
    report = tmp_path / "report"
    run_benchmark(str(own), str(report), quick=True, cost_overrides={"wages.overhead_factor": 1.0})
    results = json.loads((report / "results.json").read_text("utf-8"))
    baseline = results["pipelines"]["baseline"]
    for key in (
        "document_type_accuracy",
        "field_f1",
        "straight_through_rate",
        "residual_field_error_rate",
    ):
        assert 0.0 <= baseline[key] <= 1.0
    time_ = results["time"]
    assert time_["manual_minutes_per_doc"] > time_["assisted_minutes_per_doc"] > 0
    assert time_["saved_percent"] == pytest.approx(
        100 * (1 - time_["assisted_minutes_per_doc"] / time_["manual_minutes_per_doc"]), abs=0.5
    )
    assert results["money"]["saved_eur_per_doc"] > 0
    assert time_["parameters"]["wages"]["overhead_factor"] == 1.0, "overrides reach the report"
    assert results["speed"]["pages_per_second"] > 0
    assert results["documents"] == 3 and results["split"].startswith("(all documents")
    page = (report / "index.html").read_text("utf-8")
    assert page.count("data:image/png;base64,") == 4, "plots are embedded, nothing to fetch"
    assert "http://" not in page and "https://" not in page
