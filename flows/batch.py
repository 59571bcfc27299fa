"""The flow one batch of the watched folder runs: dedupe, process, archive, report to the operator."""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

from prefect import flow, get_run_logger
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.context import FlowRunContext

from extractors.document import RESULT_SCHEMA_VERSION
from extractors.ingest import sha256_of
from flows import process as process_module
from flows.inbox import Ledger, archive, batch_files, finish_batch, input_id
from flows.outbox import Outbox
from flows.settings import listening
from flows.stages import PipelineOptions

if TYPE_CHECKING:
    from prefect.client.schemas.objects import FlowRun

log = logging.getLogger("docflow")
REVIEW_DEPLOYMENT = "review_document/review"


def duplicate_record(path: Path, digest: str, key: str, original: dict[str, Any]) -> dict[str, Any]:
    """The results.jsonl line for content seen before: linked to the first result, not redone."""
    return {
        "schema_version": RESULT_SCHEMA_VERSION,
        "source": {"filename": path.name, "sha256": digest, "size_bytes": path.stat().st_size},
        "status": "duplicate",
        "department": original.get("department"),
        "document_type": original.get("document_type"),
        "reason": f"same content as {original.get('input_id') or original.get('output_path')}",
        "duplicate_of": original.get("input_id"),
        "output_path": original.get("output_path"),
        "input_id": key,
    }


def table_row(path: Path, record: dict[str, Any]) -> dict[str, Any]:
    """What the operator sees per file: never a field value."""
    doc_type = record.get("document_type") or {}
    return {
        "file": path.name,
        "type": doc_type.get("id", "-"),
        "status": record.get("status", "-"),
        "department": record.get("department") or "-",
        "confidence": round(doc_type["confidence"], 3) if "confidence" in doc_type else None,
        "time_ms": (record.get("timings_ms") or {}).get("total"),
    }


def summary_markdown(batch: str, rows: list[dict[str, Any]], out: Path) -> str:
    statuses = Counter(row["status"] for row in rows)
    types = Counter(row["type"] for row in rows)
    lines = [
        f"# Batch {batch}",
        "",
        f"{len(rows)} file(s): " + ", ".join(f"{n} {status}" for status, n in sorted(statuses.items())),
        "",
        "| document type | files |",
        "|---|---|",
        *[f"| {name} | {n} |" for name, n in sorted(types.items())],
        "",
        "Where the results are:",
        "",
        f"- one line per file: `{out / 'results.jsonl'}`",
        f"- routed results: `{out}/<department>/`",
        f"- waiting for a person: `{out / 'review'}` (each has a `review_document` flow run to resume)",
        f"- refused files with the reason: `{out / 'quarantine'}`",
        f"- originals: `{out / 'archive'}`",
    ]
    return "\n".join(lines) + "\n"


def _tag_flow_run(tags: set[str]) -> None:
    """Tags per document type on the batch's flow run, so the UI can filter by type."""
    from prefect.client.orchestration import get_client

    context = FlowRunContext.get()
    if context is None or context.flow_run is None:
        return
    with get_client(sync_client=True) as client:
        client.update_flow_run(context.flow_run.id, tags=sorted({*context.flow_run.tags, *tags}))


def start_reviews(records: list[dict[str, Any]], out: Path) -> list[UUID]:
    """One suspended `review_document` flow run per document waiting for a person.

    Without the review deployment (the service's deployments process is not up yet) nothing is
    started and nothing fails: the watcher starts the missing reviews once it is."""
    from prefect.deployments import run_deployment
    from prefect.exceptions import ObjectNotFound

    started = []
    for record in records:
        if not (out / record["output_path"]).is_file():
            continue  # reviewed already
        doc_type = (record.get("document_type") or {}).get("id", "unknown")
        try:
            run = run_deployment(  # synchronous here: we are not in an event loop
                REVIEW_DEPLOYMENT,
                parameters={"out": str(out), "result_path": record["output_path"]},
                timeout=0,
                idempotency_key=f"review-{record['input_id']}",
                as_subflow=False,  # a review waits on its own: only top-level runs can be suspended
                tags=["review", doc_type],
            )
        except ObjectNotFound:
            log.warning("the review deployment is not served yet: %d review run(s) wait", len(records))
            break
        started.append(cast("FlowRun", run).id)
    return started


@flow(name="process_inbox_batch", flow_run_name="batch-{batch_name}", validate_parameters=False)
def process_inbox_batch(
    batch_name: str, out: str, options: PipelineOptions | None = None, reviews: bool = False
) -> dict[str, Any]:
    """Process the files of `OUT/processing/<batch_name>` once each, then archive them."""
    logger = get_run_logger()
    out_dir = Path(out)
    batch = out_dir / "processing" / batch_name
    files = batch_files(batch)
    ledger, outbox = Ledger(out_dir), Outbox(out_dir)
    digests = {path: sha256_of(path) for path in files}
    keys = {path: input_id(batch, path) for path in files}
    fresh: list[Path] = []
    first_of: dict[str, Path] = {}
    again: list[Path] = []  # the same content twice in this batch: linked once the first is done
    for path in files:
        if keys[path] in ledger.done:
            continue  # written before a restart: only the archiving is left
        if original := ledger.by_content.get(digests[path]):
            record = duplicate_record(path, digests[path], keys[path], original)
            outbox.append(record)
            ledger.add(record)
        elif digests[path] in first_of:
            again.append(path)
        else:
            first_of[digests[path]] = path
            fresh.append(path)

    progress = cast("UUID", create_progress_artifact(0.0, description=f"batch {batch_name}: files done"))
    done = 0

    def advance(record: dict[str, Any]) -> None:
        nonlocal done
        done += 1
        update_progress_artifact(progress, 100.0 * done / max(len(fresh), 1))

    with listening(process_module.progress_listeners, advance):
        if fresh:
            process_module.process_documents(
                [str(p) for p in fresh], out, options, input_ids={str(p): keys[p] for p in fresh}
            )
    update_progress_artifact(progress, 100.0)

    ledger = Ledger(out_dir)
    for path in again:
        if keys[path] not in ledger.done and (original := ledger.by_content.get(digests[path])):
            record = duplicate_record(path, digests[path], keys[path], original)
            outbox.append(record)
            ledger.add(record)
    unfinished = [path for path in files if keys[path] not in ledger.done]
    if unfinished:
        # Never archive what has no result line: the batch stays and is run again.
        raise RuntimeError(f"{len(unfinished)} file(s) of batch {batch_name} got no result")

    records = {path: ledger.done[keys[path]] for path in files}
    rows = [table_row(path, records[path]) for path in files]
    for path in files:
        archive(path, out_dir, digests[path])
    finish_batch(batch)

    create_table_artifact(rows, key="inbox-batch", description=f"batch {batch_name}: one row per file")
    create_markdown_artifact(
        summary_markdown(batch_name, rows, out_dir),
        key="inbox-summary",
        description=f"batch {batch_name}: counts and where the results are",
    )
    _tag_flow_run({row["type"] for row in rows if row["type"] != "-"})
    # Also for files done before a restart: the idempotency key starts each review only once.
    waiting = [record for record in records.values() if record.get("status") == "review"]
    review_runs = start_reviews(waiting, out_dir) if reviews and waiting else []
    statuses = Counter(row["status"] for row in rows)
    logger.info("batch %s: %s", batch_name, dict(statuses))
    return {"files": len(files), "statuses": dict(statuses), "reviews_started": len(review_runs)}
