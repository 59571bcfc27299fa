"""The Prefect flow `process_documents`: files in, validated and routed results out."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from prefect import flow, task, unmapped
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE
from prefect.concurrency.sync import concurrency
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.outbox import Outbox
from flows.stages import (
    DocumentState,
    PipelineOptions,
    classify_stage,
    extract_stage,
    infer_stage,
    ingest_stage,
    load_predictor,
    model_routing,
    partner_predictor,
    quarantine_state,
    read_stage,
    route_stage,
)
from models.partner_options import AUDIT_FILE

log = logging.getLogger("docflow")
GROUND_TRUTH_SUFFIX = ".truth.json"
# A global concurrency limit (created by `docflow serve` with one slot): one model pass at a time
# across every flow run on this machine, not only within one process.
INFERENCE_LIMIT = "model-inference"
MANIFEST_NAMES = {"corpus.json", "results.jsonl"}
# Called with each results.jsonl record as it is written (the CLI's progress bar listens here).
progress_listeners: list[Callable[[dict[str, Any]], None]] = []


def collect_inputs(paths: list[Path]) -> list[Path]:
    """Files as given, and the files inside folders (not ground truth, manifests or hidden files)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                skip = child.name.endswith(GROUND_TRUTH_SUFFIX) or child.name in MANIFEST_NAMES
                if child.is_file() and not hidden and not skip:
                    files.append(child)
        else:
            files.append(path)
    return files


def wait_until_recorded(flow_run_id: Any, expected_task_runs: int, timeout_seconds: float = 60.0) -> int:
    """Wait until the server has recorded every task run of a flow run in a final state.

    Task run states reach the server as events that it writes in batches. Prefect's temporary
    server stops when this process exits; stopping it with batches still queued makes it print
    tracebacks. Draining first is the clean way. Returns how many were recorded."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    deadline = time.monotonic() + timeout_seconds
    recorded = 0
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            runs = client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
            )
            recorded = sum(1 for run in runs if run.state is not None and run.state.is_final())
            if recorded >= expected_task_runs:
                break
            time.sleep(0.5)
    return recorded


def ensure_inference_limit() -> None:
    """The global concurrency limit with one slot: one model pass at a time on this machine."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

    with get_client(sync_client=True) as client:
        try:
            client.read_global_concurrency_limit_by_name(INFERENCE_LIMIT)
            return  # asking first: a refused insert makes the server log a traceback
        except ObjectNotFound:
            pass
        with contextlib.suppress(ObjectAlreadyExists):  # another process was quicker
            client.create_global_concurrency_limit(
                GlobalConcurrencyLimitCreate(name=INFERENCE_LIMIT, limit=1)
            )


def _settled(future: PrefectFuture[DocumentState], path: Path) -> DocumentState:
    try:
        return future.result()
    except Exception as error:  # a stage failed even after its retries: keep the file, say why
        return quarantine_state(DocumentState(path=path), f"processing failed: {type(error).__name__}")


def _with_model(
    read: list[PrefectFuture[DocumentState]], files: list[Path], options: PipelineOptions
) -> list[PrefectFuture[DocumentState]]:
    """Batches of read documents through the model as they come, then each to its route task."""
    routed: list[PrefectFuture[DocumentState]] = []
    for first in range(0, len(read), options.batch_size):
        chunk = range(first, min(first + options.batch_size, len(read)))
        states = [_settled(read[i], files[i]) for i in chunk]
        inferred = infer_task.submit(states, chunk[0], chunk[-1], options).result()
        routed += [route_task.submit(state, i, options) for state, i in zip(inferred, chunk, strict=True)]
    return routed


@task(name="ingest", task_run_name="ingest-{index}", cache_policy=NONE)
def ingest_task(path: Path, index: int, options: PipelineOptions) -> DocumentState:
    return ingest_stage(path, options)


@task(name="read", task_run_name="read-{index}", retries=2, retry_delay_seconds=2, cache_policy=NONE)
def read_task(state: DocumentState, index: int, options: PipelineOptions) -> DocumentState:
    return read_stage(state, options)


@task(name="classify", task_run_name="classify-{index}", cache_policy=NONE)
def classify_task(state: DocumentState, index: int, options: PipelineOptions) -> DocumentState:
    return classify_stage(state, options)


@task(name="extract", task_run_name="extract-{index}", cache_policy=NONE)
def extract_task(state: DocumentState, index: int, options: PipelineOptions) -> DocumentState:
    return extract_stage(state, options)


@task(name="classify-and-extract", task_run_name="model-{first}-{last}", cache_policy=NONE)
def infer_task(
    states: list[DocumentState], first: int, last: int, options: PipelineOptions
) -> list[DocumentState]:
    """One batched pass of the trained model over documents first..last."""
    predictor, _ = load_predictor(options)
    assert predictor is not None  # the flow only calls this task when the model loaded
    partner = partner_predictor(options, predictor)
    if partner is not None:  # the partner's server batches; the local slot is for the fallback
        return infer_stage(states, predictor, options.cross_check, partner)
    with concurrency(INFERENCE_LIMIT, occupy=1):
        return infer_stage(states, predictor, options.cross_check)


@task(name="validate-and-route", task_run_name="route-{index}", cache_policy=NONE)
def route_task(state: DocumentState, index: int, options: PipelineOptions) -> DocumentState:
    return route_stage(state, options)


TASK_RUNNER: TaskRunner[PrefectFuture[Any]] = cast(
    "TaskRunner[PrefectFuture[Any]]", ThreadPoolTaskRunner(max_workers=os.cpu_count() or 2)
)


def with_audit_log(options: PipelineOptions, out: Path) -> PipelineOptions:
    """A partner's requests are logged next to the results unless a log is named."""
    if options.partner is None or options.partner.audit_log:
        return options
    audit = str(out.resolve() / AUDIT_FILE)
    return options.model_copy(update={"partner": options.partner.model_copy(update={"audit_log": audit})})


def fallback_reasons(records: Sequence[dict[str, Any]]) -> Counter[str]:
    """Why documents meant for the partner were read locally, counted per reason."""
    return Counter(r["engine"]["fallback"] for r in records if r["engine"].get("backend") == "local-fallback")


def partner_artifact(records: Sequence[dict[str, Any]], endpoint: str) -> None:
    """How many documents the partner read, and which fell back to the local model and why."""
    backends = Counter(r["engine"].get("backend", "local") for r in records if r["engine"].get("classifier"))
    reasons = fallback_reasons(records)
    lines = [
        f"# Partner inference: {endpoint}",
        "",
        f"- read on the partner's server: **{backends.get('partner', 0)}**",
        f"- read locally because the partner did not answer: **{backends.get('local-fallback', 0)}**",
    ]
    lines += [f"  - {count} x {reason}" for reason, count in reasons.most_common()]
    lines.append("\nEvery request is in the audit log; check it with `docflow audit --verify`.")
    create_markdown_artifact("\n".join(lines), key="partner-inference", description="partner backend")


@flow(name="process_documents", task_runner=TASK_RUNNER, persist_result=True, validate_parameters=False)
def process_documents(
    paths: list[str],
    out: str,
    options: PipelineOptions | None = None,
    input_ids: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Read, classify, extract, validate and route every file; write results under `out`.

    `input_ids` (file path -> id) are written into each result line, so the watched folder
    service can tell which inputs are done after a restart."""
    options = with_audit_log(options or PipelineOptions(), Path(out))
    files = collect_inputs([Path(p) for p in paths])
    outbox = Outbox(Path(out))
    indices = list(range(len(files)))
    predictor, engine_note = load_predictor(options)
    if predictor is None and options.engine == "auto":
        log.warning("no trained model, using the %s", engine_note)
    ingested = ingest_task.map(files, indices, unmapped(options))
    read = read_task.map(ingested, indices, unmapped(options))
    if predictor is None:
        classified = classify_task.map(read, indices, unmapped(options))
        extracted = list(extract_task.map(classified, indices, unmapped(options)))
        model_batches = 0
        routed = list(route_task.map(extracted, indices, unmapped(options)))
    else:
        ensure_inference_limit()
        options = model_routing(options, predictor)
        routed = _with_model(list(read), files, options)
        extracted, model_batches = [], -(-len(files) // options.batch_size)
    index_of = {future.task_run_id: index for index, future in enumerate(routed)}
    statuses: Counter[str] = Counter()
    records: list[dict[str, Any]] = []
    for future in as_completed(routed):
        index = index_of[future.task_run_id]
        state = _settled(future, files[index])
        assert state.result is not None
        record = outbox.deliver(state.result, files[index], (input_ids or {}).get(str(files[index])))
        statuses[state.result.status] += 1
        type_id = state.result.document_type.id if state.result.document_type else "-"
        log.info("document %s: %s -> %s", state.result.source.sha256[:12], type_id, state.result.status)
        records.append(record)
        for listener in progress_listeners:
            listener(record)
    if options.partner is not None:
        partner_artifact(records, options.partner.endpoint)
    task_runs = 2 * len(files) + len(routed) + (len(extracted) * 2 if predictor is None else model_batches)
    return {"documents": len(files), "statuses": dict(statuses), "out": out, "task_runs": task_runs}
