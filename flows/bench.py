"""The Prefect flow `run_benchmark`: accuracy, speed, and minutes and euros saved, in one report."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import platform
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from prefect import flow
from prefect.artifacts import create_markdown_artifact

from eval import bench
from eval.compare import baseline_thresholds
from eval.costs import hand_calculation, load_parameters, summarise
from eval.economics import economics
from eval.peers import NAME as PEER_NAME
from eval.peers import BagOfWordsClassifier
from eval.report import render_html
from extractors.truth import read_truth
from flows.process import process_documents
from flows.stages import PipelineOptions
from flows.train import read_corpus, thread_pool

log = logging.getLogger("docflow")
# Called with (phase, done, total); the CLI's progress bar listens.
progress_listeners: list[Callable[[str, int, int], None]] = []
# Documents per type the peer classifier learns from (the corpus's train split).
PEER_TRAIN_PER_TYPE = {True: 3, False: 30}
# Documents run through the whole Prefect flow to measure orchestration overhead end to end.
FLOW_SAMPLE = {True: 4, False: 20}


def _tell(phase: str, done: int, total: int) -> None:
    for listener in progress_listeners:
        listener(phase, done, total)


def _peer(corpus: Path, items: list[bench.Timed], quick: bool) -> dict[str, Any] | None:
    """The bag-of-words MLP, trained on the corpus's train split (or skipped without one)."""
    train_folder = corpus / "train"
    if not train_folder.is_dir() or train_folder == items[0].path.parent:
        return None
    limit = PEER_TRAIN_PER_TYPE[quick]
    chosen: dict[str, list[Path]] = {}
    for path in bench.labelled_documents(train_folder):
        group = chosen.setdefault(read_truth(path).document_type, [])
        if len(group) < limit:
            group.append(path)
    training = read_corpus([p for group in chosen.values() for p in group])
    if len({item.truth.document_type for item in training}) < 2:
        return None
    classifier = BagOfWordsClassifier().fit(
        [item.document for item in training], [item.truth.document_type for item in training]
    )
    started = time.perf_counter()
    predictions = classifier.predict([item.document for item in items])
    report = bench.peer_report(items, predictions, len(training))
    report["ms_per_page"] = round(
        1000 * (time.perf_counter() - started) / max(1, sum(i.pages for i in items)), 1
    )
    return report


def _model_pipelines(items: list[bench.Timed], model_dir: str | None) -> dict[str, Any]:
    from eval.compare import checked_thresholds, model_thresholds
    from models.combine import cross_checked
    from models.inference import Predictor
    from models.store import ModelMissing, default_model_dir

    folder = Path(model_dir) if model_dir else default_model_dir()
    try:
        predictor = Predictor.load(folder)
    except ModelMissing as error:
        log.warning("no trained model: benchmarking the baseline only (%s)", error)
        return {}
    documents = [item.document for item in items]
    started = time.perf_counter()
    predictions = predictor.predict(documents)
    model_seconds = time.perf_counter() - started
    reliability = predictor.manifest.calibration.checked_reliability
    checked = [cross_checked(d, p, reliability) for d, p in zip(documents, predictions, strict=True)]
    checked_seconds = time.perf_counter() - started
    pages = max(1, sum(item.pages for item in items))
    finetuned = bench.pipeline_report(items, predictions, model_thresholds(predictor))
    finetuned["ms_per_page"] = round(1000 * model_seconds / pages, 1)
    both = bench.pipeline_report(items, checked, checked_thresholds(predictor))
    both["ms_per_page"] = round(1000 * checked_seconds / pages, 1)
    return {
        "finetuned": (finetuned, predictions, model_thresholds(predictor)),
        "finetuned+rules": (both, checked, checked_thresholds(predictor)),
        "device": str(predictor.device),
        "precision": predictor.precision,
    }


def _end_to_end(items: list[bench.Timed], quick: bool, out: Path, model_dir: str | None) -> dict[str, Any]:
    """A sample through the real Prefect flow: wall time against the sum of its stages."""
    sample = items[: FLOW_SAMPLE[quick]]
    options = PipelineOptions(model_dir=model_dir)
    target = out / "flow-sample"
    shutil.rmtree(target, ignore_errors=True)  # results of an earlier run would count twice
    started = time.perf_counter()
    summary = process_documents([str(i.path) for i in sample], str(target), options)
    wall = time.perf_counter() - started
    lines = (target / "results.jsonl").read_text("utf-8").splitlines()
    stage_ms = sum(json.loads(line)["timings_ms"]["total"] for line in lines)
    return {
        "documents": summary["documents"],
        "pages": sum(i.pages for i in sample),
        "wall_seconds": round(wall, 2),
        "stages_seconds": round(stage_ms / 1000, 2),
        "orchestration_overhead_ms_per_document": round(max(0.0, wall * 1000 - stage_ms) / len(sample), 1),
    }


@flow(name="run_benchmark", task_runner=thread_pool(), validate_parameters=False)
def run_benchmark(
    corpus: str,
    report: str,
    quick: bool = False,
    split: str = "test",
    model_dir: str | None = None,
    costs_file: str | None = None,
    cost_overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Benchmark the pipelines on a corpus (or any folder of documents with `*.truth.json`)."""
    corpus_dir, report_dir = Path(corpus), Path(report)
    parameters = load_parameters(Path(costs_file) if costs_file else None, cost_overrides)
    paths = bench.bench_documents(corpus_dir, split, quick)
    if not paths:
        raise ValueError(f"no documents with ground truth in {corpus_dir / split} or {corpus_dir}")
    items = bench.read_timed(paths, lambda done, total: _tell("read", done, total))
    pages = sum(item.pages for item in items)
    baseline = bench.run_baseline(items)
    pipelines: dict[str, Any] = {"baseline": bench.pipeline_report(items, baseline, baseline_thresholds())}
    per_doc_ms = sum(i.ms["classify"] + i.ms["extract"] + i.ms["validate"] for i in items)
    pipelines["baseline"]["ms_per_page"] = round(per_doc_ms / max(1, pages), 1)
    product = ("baseline", baseline, baseline_thresholds())
    models = _model_pipelines(items, model_dir)
    for name in ("finetuned", "finetuned+rules"):
        if name in models:
            pipelines[name] = models[name][0]
    if "finetuned+rules" in models:
        product = ("finetuned+rules", models["finetuned+rules"][1], models["finetuned+rules"][2])
    _tell("pipelines", 1, 1)
    if peer := _peer(corpus_dir, items, quick):
        pipelines[PEER_NAME] = peer

    speed = bench.stage_timings(items)
    speed |= bench.ocr_peers(items, quick)
    speed["end_to_end"] = _end_to_end(items, quick, report_dir, model_dir)
    read_ms = sum(i.ms["read"] for i in items)
    model_ms = pipelines[product[0]]["ms_per_page"] * pages
    overhead_ms = speed["end_to_end"]["orchestration_overhead_ms_per_document"] * len(items)
    seconds = (read_ms + model_ms + overhead_ms) / 1000
    speed["pages_per_second"] = round(pages / seconds, 3)
    speed["documents_per_minute"] = round(60 * len(items) / seconds, 2)
    speed["measured_on"] = (
        f"{os.cpu_count()} CPU cores, {models.get('device', 'cpu')} "
        f"({models.get('precision', 'float32')}), one document at a time"
    )
    _tell("speed", 1, 1)

    cases = [bench.document_case(i.truth, p, product[2]) for i, p in zip(items, product[1], strict=True)]
    compute = {"cpu": seconds / len(items)}
    costs = summarise(cases, parameters, compute)
    machines = economics(
        (read_ms + overhead_ms) / 1000 / len(items), model_ms / 1000 / len(items), parameters
    )
    example = max(costs["per_type"], key=lambda name: costs["per_type"][name]["documents"])
    example_truth = next(i.truth for i in items if i.truth.document_type == example)
    typed = [(key, bench.shown_length(value)) for key, value in example_truth.fields.items()]
    by_hand = hand_calculation(example, typed, parameters)
    results: dict[str, Any] = {
        "corpus": str(corpus_dir),
        "split": split if (corpus_dir / split).is_dir() else "(all documents in the folder)",
        "quick": quick,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "documents": len(items),
        "pages": pages,
        "product_pipeline": product[0],
        "pipelines": pipelines,
        "time": costs | {"hand_calculation": by_hand, "parameters": parameters.model_dump()},
        "money": {
            "saved_eur_per_doc": costs["overall"]["saved_eur_per_doc"],
            "manual_eur_per_doc": costs["overall"]["manual_eur_per_doc"],
            "assisted_eur_per_doc": costs["overall"]["assisted_eur_per_doc"],
            "compute_eur_per_doc": costs["overall"].get("compute_eur_per_doc", {}),
            "machines": machines,
        },
        "speed": speed,
    }
    results["time"]["manual_minutes_per_doc"] = costs["overall"]["manual_minutes_per_doc"]
    results["time"]["assisted_minutes_per_doc"] = costs["overall"]["assisted_minutes_per_doc"]
    results["time"]["saved_percent"] = costs["overall"]["saved_percent"]
    bench.write_json(report_dir / "results.json", results)
    (report_dir / "index.html").write_text(render_html(results), "utf-8")
    create_markdown_artifact(summary_markdown(results), key="benchmark", description="Benchmark summary")
    return {"report": str(report_dir / "index.html"), "documents": len(items)}


def summary_markdown(results: dict[str, Any]) -> str:
    """The headline numbers, no document content."""
    lines = [
        f"# Benchmark: {results['corpus']} ({results['documents']} documents)",
        "",
        "| pipeline | type accuracy | field F1 | straight-through | residual field error |",
        "|---|---|---|---|---|",
    ]
    for name, result in results["pipelines"].items():
        f1 = result.get("field_f1")
        st = result.get("straight_through_rate")
        residual = result.get("residual_field_error_rate")
        lines.append(
            f"| {name} | {result['document_type_accuracy']:.1%} | {'–' if f1 is None else f'{f1:.3f}'} | "
            f"{'–' if st is None else f'{st:.1%}'} | {'–' if residual is None else f'{residual:.2%}'} |"
        )
    time_ = results["time"]
    lines += [
        "",
        f"Clerk time per document: {time_['manual_minutes_per_doc']:.1f} min by hand, "
        f"{time_['assisted_minutes_per_doc']:.1f} min with docflow ({time_['saved_percent']:.0f} % saved, "
        f"{results['money']['saved_eur_per_doc']:.2f} € per document).",
        f"Speed: {results['speed']['pages_per_second']} pages/s end to end.",
    ]
    machines = results["money"].get("machines")
    if machines:
        per = machines["eur_per_1000_documents"]
        even = machines["partner_break_even_documents_per_month"]
        lines.append(
            f"Machines per 1,000 documents: CPU {per['cpu']:.2f} €, own GPU {per['local_gpu']:.2f} €, "
            f"partner GPU {per['partner_gpu']:.2f} € (+{machines['partner_monthly_fee_eur']:.0f} € a month); "
            + (
                f"the partner pays off from {even:,} documents a month."
                if even
                else "the partner does not pay off on machine cost."
            )
        )
    return "\n".join(lines) + "\n"
