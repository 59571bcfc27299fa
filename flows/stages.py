"""The pipeline's stages as plain functions over one document's state (no Prefect here)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from extractors.baseline.classify import CLASSIFIER_NAME, KeywordClassifierOptions, classify_document
from extractors.baseline.extract import EXTRACTOR_NAME, LabelExtractorOptions, extract_fields
from extractors.document import Engine, ExtractedField, ReadDocument, Result, Timings, TypePrediction
from extractors.einvoice import EXTRACTOR_NAME as E_INVOICE
from extractors.einvoice import with_e_invoice
from extractors.ingest import Ingested, IngestLimits, Rejected, ingest, unread_source
from extractors.ocr import OcrError
from extractors.reading import ReadOptions, read_document
from extractors.routing import RoutingOptions, route_document, validate_extraction
from models.partner_options import PartnerOptions

if TYPE_CHECKING:
    from models.inference import Predictor
    from models.partner import PartnerPredictor

log = logging.getLogger("docflow")
Engine_ = Literal["auto", "model", "baseline"]


class PipelineOptions(BaseModel):
    """Every knob of the pipeline, per stage, with its default."""

    limits: IngestLimits = Field(default_factory=IngestLimits)
    reading: ReadOptions = Field(default_factory=ReadOptions)
    classifier: KeywordClassifierOptions = Field(default_factory=KeywordClassifierOptions)
    extractor: LabelExtractorOptions = Field(default_factory=LabelExtractorOptions)
    routing: RoutingOptions = Field(default_factory=RoutingOptions)
    engine: Engine_ = Field(
        default="auto",
        description="'auto': the trained model when there is one, else the baseline rules; "
        "'model': the trained model or an error; 'baseline': the rules",
    )
    model_dir: str | None = Field(default=None, description="trained model folder (default: docflow's own)")
    device: str = Field(default="auto", description="'auto', 'cpu' or 'cuda' for the model")
    batch_size: int = Field(default=16, ge=1, description="documents the model reads at once")
    partner: PartnerOptions | None = Field(
        default=None, description="run the model pass on a partner's server, the local model as fallback"
    )
    cross_check: bool = Field(
        default=True,
        description="check the model's type and values against the rules' reading; values both "
        "read alike may pass, the rest go to review (thresholds chosen on val for this pipeline)",
    )


@dataclass(frozen=True)
class DocumentState:
    """One document on its way through the stages; `result` is set once its fate is decided."""

    path: Path
    ingested: Ingested | None = None
    read: ReadDocument | None = None
    prediction: TypePrediction | None = None
    fields: dict[str, ExtractedField] = field(default_factory=dict)
    timings_ms: dict[str, float] = field(default_factory=dict)
    engine: Engine = field(default_factory=Engine)
    result: Result | None = None

    @property
    def done(self) -> bool:
        return self.result is not None


def quarantine_state(state: DocumentState, reason: str) -> DocumentState:
    source = state.ingested.source if state.ingested else unread_source(state.path)
    total = sum(state.timings_ms.values())
    timings = Timings(**{k: round(v, 1) for k, v in state.timings_ms.items()}, total=round(total, 1))
    result = Result(source=source, status="quarantined", reason=reason, timings_ms=timings)
    return replace(state, result=result)


def _timed(state: DocumentState, stage: str, started: float) -> dict[str, float]:
    return {**state.timings_ms, stage: (time.perf_counter() - started) * 1000}


def ingest_stage(path: Path, options: PipelineOptions) -> DocumentState:
    state = DocumentState(path=path)
    try:
        return replace(state, ingested=ingest(path, options.limits))
    except Rejected as error:
        return quarantine_state(state, str(error))


def read_stage(state: DocumentState, options: PipelineOptions) -> DocumentState:
    """Read words; an OCR failure propagates (the flow retries it), a broken file is quarantined."""
    if state.done or state.ingested is None:
        return state
    started = time.perf_counter()
    try:
        document = read_document(state.ingested, options.reading)
    except OcrError:
        raise
    except Exception as error:  # a file that passed the checks but breaks a reader
        return quarantine_state(state, f"unreadable: {type(error).__name__} while reading the content")
    return replace(state, read=document, timings_ms=_timed(state, "read", started))


def classify_stage(state: DocumentState, options: PipelineOptions) -> DocumentState:
    if state.done or state.read is None:
        return state
    started = time.perf_counter()
    prediction = classify_document(state.read, options.classifier)
    engine = Engine(reader=state.read.reader, classifier=CLASSIFIER_NAME, extractor=EXTRACTOR_NAME)
    return replace(state, prediction=prediction, engine=engine, timings_ms=_timed(state, "classify", started))


def extract_stage(state: DocumentState, options: PipelineOptions) -> DocumentState:
    if state.done or state.read is None or state.prediction is None:
        return state
    started = time.perf_counter()
    catalogue_types = state.prediction.id != "sonstiges"
    fields = extract_fields(state.read, state.prediction.id, options.extractor) if catalogue_types else {}
    return replace(state, fields=fields, timings_ms=_timed(state, "extract", started))


def route_stage(state: DocumentState, options: PipelineOptions) -> DocumentState:
    """Validate the fields and decide where the document goes; the result is final afterwards."""
    if state.done or state.ingested is None or state.read is None or state.prediction is None:
        return state
    prediction, fields, engine = state.prediction, state.fields, state.engine
    if state.read.e_invoice is not None:
        prediction, fields = with_e_invoice(state.read, prediction, fields)
        read_as = f"{E_INVOICE} ({state.read.e_invoice.attachment})"
        engine = engine.model_copy(
            update={"classifier": read_as, "extractor": f"{read_as}, then {engine.extractor}"}
        )
    fields = validate_extraction(prediction.id, fields) if fields else {}
    status, department, reason = route_document(prediction, fields, options.routing)
    timings = {k: round(v, 1) for k, v in state.timings_ms.items()}
    result = Result(
        source=state.ingested.source,
        document_type=prediction,
        fields=fields,
        status=status,
        department=department,
        reason=reason,
        engine=engine,
        timings_ms=Timings(**timings, total=round(sum(timings.values()), 1)),
    )
    return replace(state, result=result)


_predictors: dict[tuple[str, str], Predictor] = {}
_predictor_lock = threading.Lock()
# One model pass at a time: on a CPU two at once only slow each other down, on a GPU they
# would compete for its memory.
_inference_lock = threading.Lock()


def model_folder(options: PipelineOptions) -> Path:
    from models.store import default_model_dir

    return Path(options.model_dir) if options.model_dir else default_model_dir()


def load_predictor(options: PipelineOptions) -> tuple[Predictor | None, str]:
    """The trained model the options ask for (loaded once per process), or None and the reason
    the baseline rules are used instead."""
    if options.engine == "baseline":
        return None, "baseline rules, as asked"
    from models.inference import Predictor
    from models.store import ModelMissing

    folder = model_folder(options)
    key = (str(folder.resolve()), options.device)
    with _predictor_lock:
        if key not in _predictors:
            try:
                _predictors[key] = Predictor.load(folder, options.device)
            except ModelMissing as error:
                if options.engine == "model":
                    raise
                return None, f"baseline rules: {error}"
        return _predictors[key], f"trained model from {folder}"


_partners: dict[tuple[str, str], PartnerPredictor] = {}


def partner_predictor(options: PipelineOptions, local: Predictor) -> PartnerPredictor | None:
    """The partner backend the options name, made once per process (its circuit breaker and
    connections live across batches)."""
    if options.partner is None:
        return None
    from models.partner import PartnerPredictor
    from models.partner_options import AUDIT_FILE

    audit = Path(options.partner.audit_log or AUDIT_FILE)
    key = (options.partner.model_dump_json(), str(model_folder(options).resolve()))
    with _predictor_lock:
        if key not in _partners:
            _partners[key] = PartnerPredictor(local, model_folder(options), options.partner, audit)
        return _partners[key]


def model_routing(options: PipelineOptions, predictor: Predictor) -> PipelineOptions:
    """The model's own thresholds, chosen on its validation split, replace the baseline's."""
    calibration = predictor.manifest.calibration
    if options.cross_check:
        thresholds = (calibration.checked_type_threshold, calibration.checked_field_threshold)
    else:
        thresholds = (calibration.type_threshold, calibration.field_threshold)
    routing = options.routing.model_copy(
        update={"min_type_confidence": thresholds[0], "min_field_confidence": thresholds[1]}
    )
    return options.model_copy(update={"routing": routing})


def infer_stage(
    states: Sequence[DocumentState],
    predictor: Predictor,
    cross_check: bool = True,
    partner: PartnerPredictor | None = None,
) -> list[DocumentState]:
    """Type and fields of several read documents in one batched pass of the model (on the
    partner's server when one is given, locally for what it does not answer), each checked
    against the rules' reading when `cross_check`."""
    from models.combine import cross_checked
    from models.partner import local_inferred

    todo = [i for i, state in enumerate(states) if not state.done and state.read is not None]
    if not todo:
        return list(states)
    documents = [d for d in (states[i].read for i in todo) if d is not None]
    started = time.perf_counter()
    if partner is not None:
        ingested = [states[i].ingested for i in todo]
        inferred = partner.infer(documents, [i.source.sha256 if i else "" for i in ingested])
    else:
        with _inference_lock:
            inferred = local_inferred(predictor, documents)
    share = (time.perf_counter() - started) * 1000 / len(todo)
    done = list(states)
    name = f"{predictor.name}+rules" if cross_check else predictor.name
    for i, item in zip(todo, inferred, strict=True):
        state = states[i]
        assert state.read is not None
        reliability = predictor.manifest.calibration.checked_reliability
        prediction = item.prediction
        if cross_check:
            prediction = cross_checked(state.read, prediction, reliability)
        engine = Engine(
            reader=state.read.reader,
            classifier=name,
            extractor=name,
            backend=item.backend,
            fallback=item.fallback,
        )
        done[i] = replace(
            state,
            prediction=prediction.document_type,
            fields=prediction.fields,
            engine=engine,
            timings_ms={**state.timings_ms, "classify": share},
        )
    return done
