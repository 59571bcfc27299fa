"""The benchmark's measurements: accuracy of every pipeline on the same documents, what each
stage costs in time, OCR against its floor (the raw `tesseract` CLI) and a peer (OCRmyPDF), and
the cases the time-and-money model prices. No Prefect here: `flows/bench.py` runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval.compare import accuracy_report
from eval.costs import DocumentCase, FieldCase
from extractors.baseline.classify import classify_document
from extractors.baseline.extract import extract_fields
from extractors.catalogue import load_catalogue
from extractors.document import ExtractedField, ReadDocument, TypePrediction
from extractors.ingest import ingest
from extractors.ocr import OcrOptions
from extractors.reading import ReadOptions, read_document
from extractors.routing import missing_required, validate_extraction
from extractors.truth import TRUTH_SUFFIX, GroundTruth, read_truth, truth_path
from models.calibration import operating_point
from models.inference import ModelPrediction
from models.trainer import Labelled, outcome

# --quick: this many documents per (type, variant), and this many scan pages for the OCR peers.
QUICK_PER_GROUP = 1
QUICK_OCR_PAGES = 3
FULL_OCR_PAGES = 20
CURVE_POINTS = 40
RELIABILITY_BINS = 10


@dataclass
class Timed:
    """A read document with its truth and how long each stage took for it (milliseconds)."""

    path: Path
    truth: GroundTruth
    document: ReadDocument
    ms: dict[str, float] = field(default_factory=dict)

    @property
    def labelled(self) -> Labelled:
        return Labelled(self.document, self.truth)

    @property
    def pages(self) -> int:
        return len(self.document.pages)


def labelled_documents(folder: Path) -> list[Path]:
    """Every document under `folder` with a `<name>.truth.json` next to it (the project's format)."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and not path.name.endswith(TRUTH_SUFFIX)
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and truth_path(path).is_file()
    )


def bench_documents(corpus: Path, split: str, quick: bool) -> list[Path]:
    """The split of a generated corpus, or, for a folder of one's own documents, all of them;
    with `quick`, one document per (type, variant)."""
    folder = corpus / split if (corpus / split).is_dir() else corpus
    files = labelled_documents(folder)
    if not quick:
        return files
    chosen: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for path in files:
        truth = read_truth(path)
        group = chosen[(truth.document_type, truth.variant)]
        if len(group) < QUICK_PER_GROUP:
            group.append(path)
    return sorted(path for group in chosen.values() for path in group)


def read_timed(paths: Sequence[Path], progress: Callable[[int, int], None] | None = None) -> list[Timed]:
    """Read every document one after the other with a cold OCR cache, timing each."""
    items = []
    with tempfile.TemporaryDirectory(prefix="docflow-bench-ocr-") as cache:
        options = ReadOptions(ocr=OcrOptions(cache_dir=Path(cache)))
        for number, path in enumerate(paths, start=1):
            started = time.perf_counter()
            document = read_document(ingest(path), options)
            ms = (time.perf_counter() - started) * 1000
            items.append(Timed(path, read_truth(path), document, {"read": ms}))
            if progress:
                progress(number, len(paths))
    return items


def page_source(document: ReadDocument) -> str:
    sources = {page.source for page in document.pages}
    return sources.pop() if len(sources) == 1 else "mixed"


def run_baseline(items: Sequence[Timed]) -> list[ModelPrediction]:
    """The rules, timed per stage on each document."""
    predictions = []
    for item in items:
        started = time.perf_counter()
        prediction = classify_document(item.document)
        classified = time.perf_counter()
        fields = extract_fields(item.document, prediction.id) if prediction.id != "sonstiges" else {}
        extracted = time.perf_counter()
        if fields:
            validate_extraction(prediction.id, fields)
        validated = time.perf_counter()
        item.ms |= {
            "classify": (classified - started) * 1000,
            "extract": (extracted - classified) * 1000,
            "validate": (validated - extracted) * 1000,
        }
        predictions.append(ModelPrediction(prediction, fields))
    return predictions


def confusion(
    items: Sequence[Timed], predictions: Sequence[ModelPrediction | TypePrediction]
) -> dict[str, Any]:
    types = sorted({i.truth.document_type for i in items} | {_type(p).id for p in predictions})
    counts: dict[str, Counter[str]] = {t: Counter() for t in types}
    for item, prediction in zip(items, predictions, strict=True):
        counts[item.truth.document_type][_type(prediction).id] += 1
    return {"types": types, "rows": [[counts[t][u] for u in types] for t in types]}


def _type(prediction: ModelPrediction | TypePrediction) -> TypePrediction:
    return prediction.document_type if isinstance(prediction, ModelPrediction) else prediction


def per_field(items: Sequence[Timed], predictions: Sequence[ModelPrediction]) -> list[dict[str, Any]]:
    """Precision, recall and F1 of every field of every type (normalised exact match)."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # expected, predicted, right
    for item, prediction in zip(items, predictions, strict=True):
        truth, type_id = item.truth, prediction.document_type.id
        for key, value in truth.fields.items():
            counts[(truth.document_type, key)][0] += 1
            found = prediction.fields.get(key) if type_id == truth.document_type else None
            counts[(truth.document_type, key)][2] += bool(found is not None and found.value == value)
        for key in prediction.fields:
            counts[(type_id, key)][1] += 1
    rows = []
    for (type_id, key), (expected, predicted, right) in sorted(counts.items()):
        rows.append(
            {
                "type": type_id,
                "field": key,
                "expected": expected,
                "predicted": predicted,
                "precision": round(right / predicted, 4) if predicted else None,
                "recall": round(right / expected, 4) if expected else None,
                "f1": round(2 * right / (expected + predicted), 4) if expected + predicted else None,
            }
        )
    return rows


def reliability(items: Sequence[Timed], predictions: Sequence[ModelPrediction]) -> list[dict[str, Any]]:
    """Document-type confidence against how often the type was right, in equal-width bins."""
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(RELIABILITY_BINS)]
    for item, prediction in zip(items, predictions, strict=True):
        confidence = prediction.document_type.confidence
        index = min(int(confidence * RELIABILITY_BINS), RELIABILITY_BINS - 1)
        bins[index].append((confidence, prediction.document_type.id == item.truth.document_type))
    return [
        {
            "from": i / RELIABILITY_BINS,
            "to": (i + 1) / RELIABILITY_BINS,
            "documents": len(entries),
            "mean_confidence": round(sum(c for c, _ in entries) / len(entries), 4) if entries else None,
            "accuracy": round(sum(h for _, h in entries) / len(entries), 4) if entries else None,
        }
        for i, entries in enumerate(bins)
    ]


def review_curve(
    items: Sequence[Timed], predictions: Sequence[ModelPrediction], type_threshold: float
) -> list[dict[str, float]]:
    """Straight-through rate against residual field error as the field threshold moves."""
    outcomes = [outcome(i.truth, p) for i, p in zip(items, predictions, strict=True)]
    confidences = sorted({round(c, 4) for o in outcomes for c, _, _ in o.fields} | {0.0, 1.0})
    step = max(1, len(confidences) // CURVE_POINTS)
    points = []
    for threshold in [*confidences[::step], 1.0]:
        point = operating_point(outcomes, threshold, type_threshold)
        points.append(
            {
                "field_threshold": threshold,
                "straight_through_rate": round(point.straight_through_rate, 4),
                "residual_field_error_rate": round(point.residual_error_rate, 5),
            }
        )
    return points


def pipeline_report(
    items: Sequence[Timed], predictions: Sequence[ModelPrediction], thresholds: tuple[float, float]
) -> dict[str, Any]:
    report = accuracy_report([i.labelled for i in items], predictions, thresholds)
    report["confusion"] = confusion(items, predictions)
    report["per_field"] = per_field(items, predictions)
    report["reliability"] = reliability(items, predictions)
    report["review_curve"] = review_curve(items, predictions, thresholds[0])
    return report


def peer_report(
    items: Sequence[Timed], predictions: Sequence[TypePrediction], trained_on: int
) -> dict[str, Any]:
    """A classification-only peer: type accuracy overall, per type and per variant."""

    def accuracy(chosen: Sequence[int]) -> dict[str, Any]:
        right = sum(predictions[i].id == items[i].truth.document_type for i in chosen)
        return {"documents": len(chosen), "document_type_accuracy": round(right / max(1, len(chosen)), 4)}

    everything = range(len(items))
    report = accuracy(everything) | {"trained_on_documents": trained_on}
    for key, attribute in (("per_type", "document_type"), ("per_variant", "variant")):
        groups: dict[str, list[int]] = defaultdict(list)
        for index in everything:
            groups[getattr(items[index].truth, attribute)].append(index)
        report[key] = {name: accuracy(chosen) for name, chosen in sorted(groups.items())}
    report["confusion"] = confusion(items, predictions)
    return report


def shown_length(value: Any) -> int:
    """How many characters a clerk types for a value (lists and records: every item)."""
    if isinstance(value, list):
        return sum(shown_length(item) for item in value)
    if isinstance(value, dict):
        return sum(shown_length(item) for item in value.values())
    return len(str(value))


def document_case(
    truth: GroundTruth, prediction: ModelPrediction, thresholds: tuple[float, float]
) -> DocumentCase:
    """One document as the cost model sees it: which truth fields passed, were shown, or missed."""
    type_threshold, field_threshold = thresholds
    catalogue = load_catalogue()
    doc_type = catalogue.types.get(truth.document_type)
    kinds = {spec.key: spec.kind for spec in doc_type.fields} if doc_type else {}
    found = prediction.fields
    type_id = prediction.document_type.id
    always_review = catalogue.types[type_id].always_review if type_id in catalogue.types else True
    type_accepted = prediction.document_type.confidence >= type_threshold and not always_review
    checked: dict[str, ExtractedField] = (
        validate_extraction(type_id, found) if found and type_accepted else {}
    )
    right_type = type_id == truth.document_type
    cases = []
    for key, value in truth.fields.items():
        mine = checked.get(key) if type_accepted else None
        correct = bool(right_type and key in found and found[key].value == value)
        if not type_accepted:
            status = "flagged"  # the whole document is looked at
        elif mine is None:
            status = "missing"
        elif mine.valid and mine.confidence >= field_threshold:
            status = "accepted"
        else:
            status = "flagged"
        cases.append(FieldCase(key, kinds.get(key, "text"), shown_length(value), status, correct))  # type: ignore[arg-type]
    # as the router decides: every field it found valid and sure, no required field missing
    straight = (
        type_accepted
        and bool(checked)
        and all(f.valid and f.confidence >= field_threshold for f in checked.values())
        and not missing_required(type_id, checked)
        and all(c.status != "flagged" for c in cases)
    )
    return DocumentCase(truth.document_type, tuple(cases), straight, pages=len(truth.pages) or 1)


def stage_timings(items: Sequence[Timed]) -> dict[str, Any]:
    """Milliseconds per page for reading by source, per document for the rule stages."""
    by_source: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for item in items:
        by_source[page_source(item.document)].append((item.ms["read"], item.pages))
    read = {
        source: {
            "documents": len(entries),
            "pages": sum(p for _, p in entries),
            "ms_per_page": round(sum(ms for ms, _ in entries) / max(1, sum(p for _, p in entries)), 1),
        }
        for source, entries in sorted(by_source.items())
    }
    per_doc = {
        stage: round(sum(i.ms.get(stage, 0.0) for i in items) / max(1, len(items)), 2)
        for stage in ("classify", "extract", "validate")
    }
    return {"read": read, "baseline_ms_per_document": per_doc}


def scan_pages(items: Sequence[Timed], limit: int, folder: Path) -> list[tuple[Path, float]]:
    """Page images of the scanned documents (PDF scans rendered at 300 dpi), with the time our
    reader took per page of that document."""
    import pypdfium2

    pages: list[tuple[Path, float]] = []
    for item in items:
        if item.truth.variant != "scan" or len(pages) >= limit:
            continue
        ours = item.ms["read"] / item.pages
        if item.path.suffix.lower() == ".pdf":
            pdf = pypdfium2.PdfDocument(str(item.path))
            for number in range(len(pdf)):
                image = folder / f"{item.path.stem}-{number}.png"
                pdf[number].render(scale=300 / 72).to_pil().save(image)
                pages.append((image, ours))
            pdf.close()
        elif item.pages == 1:
            pages.append((item.path, ours))
    return pages[:limit]


def _timed_run(command: list[str]) -> float | None:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    return (time.perf_counter() - started) * 1000 if done.returncode == 0 else None


def ocr_peers(items: Sequence[Timed], quick: bool) -> dict[str, Any]:
    """Our reading of scans against the raw tesseract CLI (the floor) and OCRmyPDF (the peer)."""
    limit = QUICK_OCR_PAGES if quick else FULL_OCR_PAGES
    result: dict[str, Any] = {"pages": 0}
    with tempfile.TemporaryDirectory(prefix="docflow-bench-peers-") as temp:
        folder = Path(temp)
        pages = scan_pages(items, limit, folder)
        if not pages:
            return result | {"note": "no scanned documents in the benchmark set"}
        ours = sum(ms for _, ms in pages) / len(pages)
        result |= {"pages": len(pages), "ours_ms_per_page": round(ours, 1)}
        tesseract = shutil.which("tesseract")
        if tesseract:
            runs = [_timed_run([tesseract, str(image), "stdout", "-l", "deu"]) for image, _ in pages]
            done = [ms for ms in runs if ms is not None]
            if done:
                cli = sum(done) / len(done)
                result |= {
                    "tesseract_cli_ms_per_page": round(cli, 1),
                    "ratio_to_tesseract_cli": round(ours / cli, 2),
                }
        ocrmypdf = shutil.which("ocrmypdf")
        if not ocrmypdf:
            return result | {"ocrmypdf_note": "not measured: install OCRmyPDF (apt-get install ocrmypdf)"}
        runs = []
        for number, (image, _) in enumerate(pages):
            target = folder / f"ocrmypdf-{number}.pdf"
            command = [ocrmypdf, "-l", "deu", "--jobs", "1", "--optimize", "0", "--output-type", "pdf"]
            if image.suffix.lower() != ".pdf":
                command += ["--image-dpi", "300"]
            runs.append(_timed_run([*command, str(image), str(target)]))
        done = [ms for ms in runs if ms is not None]
        if done:
            peer = sum(done) / len(done)
            result |= {"ocrmypdf_ms_per_page": round(peer, 1), "ratio_to_ocrmypdf": round(ours / peer, 2)}
        else:
            result["ocrmypdf_note"] = "OCRmyPDF failed on every page; see its output by running it by hand"
    return result


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
