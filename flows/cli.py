"""The `docflow` command line: one entry point for clerks' operators, trainers and evaluators."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from eval.synth.generate import Made

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
) -> None:
    """Generate synthetic Munich forms, invoices and letters with exact ground truth."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

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
    )
    total = len(plan_corpus(options))
    columns = (
        TextColumn("[bold]Generating"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[last]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("generate", total=total, last="")
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


if __name__ == "__main__":
    app()
