"""Human review inside the Prefect UI: one suspended flow run per uncertain document.

The run suspends with a form pre-filled with what was extracted, how sure the model was and why
the document was flagged. The reviewer corrects and submits (or rejects with a reason); the
corrected values are validated and routed, and kept as new ground truth for training."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from prefect import flow, get_run_logger
from prefect.flow_runs import suspend_flow_run
from prefect.input import RunInput
from pydantic import Field, create_model

from extractors.catalogue import DocumentType, FieldSpec, load_catalogue
from extractors.document import ExtractedField, Result, TypePrediction
from extractors.ingest import safe_name
from extractors.normalise import NormalisationError, normalise_value
from extractors.routing import missing_required, validate_extraction
from flows.outbox import Outbox

REVIEWED_FILE = "reviewed.jsonl"
MAX_ROUNDS = 5  # a reviewer who keeps submitting invalid values is asked again, this often


class ReviewInput(RunInput):
    """What every review form has; the document type's fields are added per document."""

    decision: Literal["accept", "reject"] = Field(
        default="accept", description="'accept' routes the corrected values; 'reject' stops the case"
    )
    document_type: str = Field(description="change it if the document is of another type")
    reject_reason: str = Field(default="", description="why the document is rejected (required to reject)")


def _shown(value: Any) -> str:
    """A value as the reviewer edits it: text for scalars, JSON for lists and records."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _hint(spec: FieldSpec, found: ExtractedField | None, problems: dict[str, str]) -> str:
    parts = [spec.label, "required" if spec.required else "optional"]
    if spec.kind in ("list", "records"):
        parts.append("JSON list")
    if found is not None:
        parts.append(f"confidence {found.confidence:.2f}")
        parts += list(found.issues)
    elif spec.required:
        parts.append("not found")
    if key_problem := problems.get(spec.key):
        parts.append(f"NOT ACCEPTED: {key_problem}")
    return "; ".join(parts)


def review_form(
    doc_type: DocumentType, found: dict[str, ExtractedField], problems: dict[str, str]
) -> type[ReviewInput]:
    """A form for one document: its type's fields, each with a hint why it was flagged."""
    fields: dict[str, Any] = {
        spec.key: (str, Field(default="", description=_hint(spec, found.get(spec.key), problems)))
        for spec in doc_type.fields
    }
    form: type[ReviewInput] = create_model(f"Review_{doc_type.id}", __base__=ReviewInput, **fields)
    return form


def parse_answer(doc_type: DocumentType, answer: ReviewInput) -> tuple[dict[str, Any], dict[str, str]]:
    """The reviewer's text normalised per field, and what could not be accepted."""
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for spec in doc_type.fields:
        text = str(getattr(answer, spec.key, "") or "").strip()
        if not text:
            continue
        try:
            values[spec.key] = _parse(spec, text)
        except (NormalisationError, ValueError) as error:
            problems[spec.key] = str(error) or "not a valid value"
    return values, problems


def _parse(spec: FieldSpec, text: str) -> Any:
    if spec.kind == "records":
        items = json.loads(text)
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise ValueError("expected a JSON list of objects")
        by_key = {sub.key: sub for sub in spec.fields}
        return [
            {key: normalise_value(by_key[key], str(value)) for key, value in item.items() if key in by_key}
            for item in items
        ]
    if spec.kind == "list":
        items = json.loads(text) if text.startswith("[") else [text]
        return [normalise_value(spec, str(item)) for item in items]
    return normalise_value(spec, text)


def _checked(
    doc_type: DocumentType, values: dict[str, Any]
) -> tuple[dict[str, ExtractedField], dict[str, str]]:
    fields = {key: ExtractedField(value=value, confidence=1.0) for key, value in values.items()}
    fields = validate_extraction(doc_type.id, fields) if fields else {}
    problems = {key: "; ".join(field.issues) for key, field in fields.items() if not field.valid}
    problems |= {key: "required" for key in missing_required(doc_type.id, fields)}
    return fields, problems


def save_correction(out: Path, result: Result, doc_type: DocumentType, values: dict[str, Any]) -> Path:
    """The reviewed values as ground truth (`corrections/`), next to a copy of the original if found."""
    from extractors.truth import GroundTruth, write_truth

    folder = out / "corrections"
    folder.mkdir(parents=True, exist_ok=True)
    digest = result.source.sha256[:12]
    originals = sorted((out / "archive").glob(f"*/{digest}-*"))
    document = folder / f"{digest}-{safe_name(result.source.filename)}"
    if originals and not document.exists():
        document.write_bytes(originals[0].read_bytes())
    truth = GroundTruth(
        file=document.name,
        document_type=doc_type.id,
        fields=values,
        template=f"review/{doc_type.id}",
        variant="scan" if result.source.media_type.startswith("image/") else "digital",
        split="train",
        media_type=result.source.media_type,
        defects=["reviewed"],
    )
    return write_truth(document, truth)


def _record(out: Path, entry: dict[str, Any]) -> None:
    with (out / REVIEWED_FILE).open("a", encoding="utf-8") as stream:
        stream.write(json.dumps(entry, ensure_ascii=False) + "\n")


def _run_name() -> str:
    """'review-<result file name>' for the UI's list of runs."""
    from prefect.runtime import flow_run

    return "review-" + Path(str(flow_run.parameters.get("result_path", "document"))).stem


@flow(name="review_document", flow_run_name=_run_name, persist_result=True)
def review_document(out: str, result_path: str) -> dict[str, Any]:
    """Wait for a person to check one document, then route the corrected result or reject it."""
    logger = get_run_logger()
    out_dir = Path(out)
    review_file = out_dir / result_path
    result = Result.model_validate_json(review_file.read_text("utf-8"))
    catalogue = load_catalogue()
    type_id = result.document_type.id if result.document_type else "sonstiges"
    found = result.fields
    problems: dict[str, str] = {}
    answer: ReviewInput | None = None
    for round_number in range(MAX_ROUNDS):
        doc_type = catalogue.type(type_id)
        form = review_form(doc_type, found, problems)
        initial = {spec.key: _shown(found[spec.key].value) for spec in doc_type.fields if spec.key in found}
        initial |= {"document_type": type_id}
        # Each round has its own key: when the run resumes it replays from the start, and the
        # answers of earlier rounds come back from the server instead of suspending again.
        answer = suspend_flow_run(
            wait_for_input=form.with_initial_data(**initial), key=f"review-{round_number}"
        )
        if answer.decision == "reject" and answer.reject_reason.strip():
            break
        if answer.document_type != type_id:
            if answer.document_type not in catalogue.types:
                problems = {"document_type": f"unknown type {answer.document_type!r}"}
                continue
            type_id, found, problems = answer.document_type, {}, {}
            continue  # ask again with the new type's fields
        values, problems = parse_answer(doc_type, answer)
        if not problems:
            fields, problems = _checked(doc_type, values)
            if not problems:
                break
        found = {
            key: ExtractedField(value=value, confidence=1.0)
            for key, value in (values | {k: getattr(answer, k, "") for k in problems}).items()
        }
    assert answer is not None
    reviewed_at = datetime.now(UTC).isoformat(timespec="seconds")
    done_folder = out_dir / "review" / "done"
    done_folder.mkdir(parents=True, exist_ok=True)
    if answer.decision == "reject" or problems:
        reason = answer.reject_reason.strip() or "values still invalid after review: " + ", ".join(problems)
        rejected = result.model_copy(update={"reason": f"rejected by a reviewer: {reason}"})
        target = out_dir / "rejected" / review_file.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(rejected.model_dump_json(indent=2) + "\n", "utf-8")
        review_file.replace(done_folder / review_file.name)
        _record(
            out_dir,
            {
                "result": result_path,
                "decision": "rejected",
                "at": reviewed_at,
                "output_path": str(target.relative_to(out_dir)),
            },
        )
        logger.info("document %s rejected by a reviewer", result.source.sha256[:12])
        return {"decision": "rejected"}
    doc_type = catalogue.type(type_id)
    routed = result.model_copy(
        update={
            "document_type": TypePrediction(id=type_id, confidence=1.0),
            "fields": fields,
            "status": "routed",
            "department": doc_type.department,
            "reason": "checked and corrected by a person",
        }
    )
    outbox = Outbox(out_dir)
    target = outbox.folder_for(routed) / review_file.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(routed.model_dump_json(indent=2) + "\n", "utf-8")
    review_file.replace(done_folder / review_file.name)
    truth = save_correction(out_dir, result, doc_type, values)
    _record(
        out_dir,
        {
            "result": result_path,
            "decision": "routed",
            "department": doc_type.department,
            "at": reviewed_at,
            "output_path": str(target.relative_to(out_dir)),
            "ground_truth": str(truth.relative_to(out_dir)),
        },
    )
    logger.info("document %s reviewed and routed to %s", result.source.sha256[:12], doc_type.department)
    return {"decision": "routed", "department": doc_type.department}
