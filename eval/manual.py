"""Measuring the manual baseline: an evaluator types the fields of sample documents on a local
web page, and each document and field is timed.

The measurements replace the published Keystroke-Level Model operators of the time model
(eval/costs.toml) with the evaluator's own: mental preparation (the pause before the first key
of a field), seconds per key for free text and for codes, and pointing (ticking a box). They
are written as a TOML file of the same shape as eval/costs.toml, so `docflow bench --costs`
takes it as it is.

What is stored per field is its length, the keys pressed, the times and whether the typed
value was right, never the value itself: a city may measure on its own real forms.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import statistics
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from eval.costs import KeyOperator, load_parameters
from extractors.catalogue import FieldSpec, load_catalogue
from extractors.normalise import NormalisationError, normalise_value
from extractors.truth import GroundTruth, read_truth

MEASUREMENTS_FILE = "measurements.jsonl"
COSTS_FILE = "manual-costs.toml"
SUMMARY_FILE = "summary.json"
PAGE_DPI = 110
MAX_REQUEST_BYTES = 1_000_000
# Fewer timed fields than this for an operator and its published value is kept: a median of
# two pauses is not a measurement.
MIN_FIELDS_PER_OPERATOR = 5
MIN_CHECKBOXES = 3
KEY_OPERATORS = ("keystroke_average", "keystroke_code")


@dataclass(frozen=True)
class Entry:
    """One box the evaluator fills: a field, a list item or one field of a record."""

    id: str  # "persons.0.given_names"
    label: str
    spec: FieldSpec
    truth: str

    @property
    def choice(self) -> bool:
        return self.spec.kind == "choice"

    def public(self) -> dict[str, Any]:
        """What the page may show: never the true value."""
        options = [{"id": o.id, "label": o.words[0] if o.words else o.id} for o in self.spec.options]
        return {"id": self.id, "label": self.label, "kind": self.spec.kind, "options": options}


def entries(truth: GroundTruth) -> list[Entry]:
    """The boxes for one document: every value its truth holds, in catalogue order, with lists and
    records split into one box per item and sub-field (as a clerk types them)."""
    doc_type = load_catalogue().types[truth.document_type]
    boxes: list[Entry] = []
    for spec in doc_type.fields:
        value = truth.fields.get(spec.key)
        if value is None:
            continue
        if spec.kind == "records":
            by_key = {sub.key: sub for sub in spec.fields}
            for number, record in enumerate(value, start=1):
                for key, item in record.items():
                    sub = by_key[key]
                    label = f"{spec.label} {number}: {sub.label}"
                    boxes.append(Entry(f"{spec.key}.{number - 1}.{key}", label, sub, str(item)))
        elif spec.kind == "list":
            item_spec = spec.model_copy(update={"kind": spec.item or "text"})
            for number, item in enumerate(value, start=1):
                label = f"{spec.label} {number}"
                boxes.append(Entry(f"{spec.key}.{number - 1}", label, item_spec, str(item)))
        else:
            boxes.append(Entry(spec.key, spec.label, spec, str(value)))
    return boxes


def is_correct(entry: Entry, typed: str) -> bool:
    """The typed text, normalised like the pipeline's values, equals the truth."""
    if entry.choice:
        return typed == entry.truth
    try:
        return normalise_value(entry.spec, typed.strip()) == entry.truth
    except (NormalisationError, ValueError):
        return False


def page_images(path: Path, dpi: int = PAGE_DPI) -> list[bytes]:
    """Every page of a PDF or image file as PNG, for the browser (which shows no TIFF)."""
    from PIL import Image, ImageSequence

    pictures = []
    if path.suffix.lower() == ".pdf":
        import pypdfium2

        document = pypdfium2.PdfDocument(path)
        try:
            pictures = [page.render(scale=dpi / 72).to_pil() for page in document]
        finally:
            document.close()
    else:
        with Image.open(path) as image:
            pictures = [frame.convert("RGB") for frame in ImageSequence.Iterator(image)]
    encoded = []
    for picture in pictures:
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG")
        encoded.append(buffer.getvalue())
    return encoded


def choose(paths: Sequence[Path], limit: int | None) -> list[Path]:
    """Documents taken one type after the other, so that a short session still sees each type."""
    by_type: dict[str, list[Path]] = {}
    for path in sorted(paths):
        by_type.setdefault(read_truth(path).document_type, []).append(path)
    ordered: list[Path] = []
    queues = [list(group) for _, group in sorted(by_type.items())]
    while any(queues):
        for queue in queues:
            if queue:
                ordered.append(queue.pop(0))
    return ordered[:limit] if limit else ordered


# Turning timings into parameters


def operator_of(entry_kind: str, operators: dict[str, KeyOperator]) -> KeyOperator:
    return operators.get(entry_kind, "keystroke_average")


def _median_seconds(values: Sequence[float]) -> float:
    return round(statistics.median(values) / 1000, 3)


def wilson_interval(errors: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """95 % interval of an error rate; with few fields it is wide, which is the point."""
    if total == 0:
        return (0.0, 1.0)
    rate = errors / total
    centre = (rate + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(rate * (1 - rate) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (max(0.0, centre - half), min(1.0, centre + half))


def derive_parameters(documents: Sequence[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The KLM operators the measurements support, as a costs.toml override, and a summary.

    - mental: the median pause between entering a typed field and its first key;
    - keystroke_average / keystroke_code: typing time after that pause over the characters of the
      true values, per operator the catalogue kinds are keyed with;
    - point: the median time from leaving one field to ticking a box, less mental and the click.
    Operators with too few measured fields keep their published values, and the summary says so.
    """
    published = load_parameters()
    fields = [f for d in documents for f in d["fields"] if not f["skipped"]]
    typed = [f for f in fields if f["operator"] != "checkbox" and f["keys"] > 0 and f["think_ms"] is not None]
    boxes = [f for f in fields if f["operator"] == "checkbox" and f["reach_ms"] is not None]
    klm: dict[str, float] = {}
    kept: list[str] = []
    if len(typed) >= MIN_FIELDS_PER_OPERATOR:
        klm["mental"] = _median_seconds([f["think_ms"] for f in typed])
    else:
        kept.append("mental")
    for operator in KEY_OPERATORS:
        group = [f for f in typed if f["operator"] == operator and f["chars"] > 0]
        if len(group) >= MIN_FIELDS_PER_OPERATOR:
            seconds = sum(f["typing_ms"] for f in group) / sum(f["chars"] for f in group) / 1000
            klm[operator] = round(seconds, 3)
        else:
            kept.append(operator)
    if len(boxes) >= MIN_CHECKBOXES:
        mental = klm.get("mental", published.klm.mental)
        reach = _median_seconds([f["reach_ms"] for f in boxes])
        klm["point"] = round(max(0.0, reach - mental - published.klm.keystroke_skilled), 3)
    else:
        kept.append("point")
    wrong = sum(1 for f in fields if not f["correct"])
    low, high = wilson_interval(wrong, len(fields))
    day = dt.date.today().isoformat()
    source = (
        f"measured with docflow bench record-manual on {day}: {len(documents)} documents, "
        f"{len(fields)} fields; published values kept for {', '.join(kept) or 'none'}"
    )
    overrides: dict[str, Any] = {"klm": {"source": source, **klm}} if klm else {}
    summary = {
        "documents": len(documents),
        "fields": len(fields),
        "skipped_fields": sum(1 for d in documents for f in d["fields"] if f["skipped"]),
        "measured_klm_seconds": klm,
        "published_klm_seconds": {k: getattr(published.klm, k) for k in ("mental", "point", *KEY_OPERATORS)},
        "kept_published": kept,
        "field_error_rate": round(wrong / len(fields), 4) if fields else None,
        "field_error_rate_95": [round(low, 4), round(high, 4)],
        "typing_minutes_measured": round(sum(d["typing_ms"] for d in documents) / 60000, 2),
        "document_minutes_measured": round(sum(d["document_ms"] for d in documents) / 60000, 2),
    }
    return overrides, summary


def toml_text(overrides: dict[str, Any], summary: dict[str, Any]) -> str:
    """The override file, with what it rests on in comments."""
    low, high = summary["field_error_rate_95"]
    rate = summary["field_error_rate"]
    lines = [
        "# Manual-processing parameters measured with `docflow bench record-manual`.",
        "# Use: docflow bench --corpus DIR --report DIR --costs THIS_FILE",
        f"# {summary['documents']} documents, {summary['fields']} fields typed by hand.",
        f"# Field error rate measured: {rate:.2%} (95 % interval {low:.2%} to {high:.2%})."
        if rate is not None
        else "# Field error rate: no fields measured yet.",
        "# It does not replace the published 0.29 %: that takes thousands of fields. Set",
        "# errors.p_err_single_entry here yourself once enough have been measured.",
        "",
    ]
    for section, values in overrides.items():
        lines.append(f"[{section}]")
        for key, value in values.items():
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        lines.append("")
    if not overrides:
        lines.append("# Too few fields measured: nothing replaces the published values yet.")
    return "\n".join(lines)


# The session: documents, submissions and files


class Session:
    """The documents to time, in order, and what has been measured so far (kept on disk line by
    line, so a browser or server that dies loses at most the document on screen)."""

    def __init__(self, documents: Sequence[Path], out: Path) -> None:
        self.documents = list(documents)
        self.out = out
        self.out.mkdir(parents=True, exist_ok=True)
        self.lock = threading.Lock()
        self.finished = threading.Event()
        self.measured: list[dict[str, Any]] = []
        self.skipped: set[str] = set()
        path = out / MEASUREMENTS_FILE
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                try:
                    self.measured.append(json.loads(line))
                except json.JSONDecodeError:
                    continue  # a torn last line: that document is asked again
        self._operators = dict(load_parameters().keying.kinds)
        self._images: dict[int, list[bytes]] = {}

    def _done(self) -> set[str]:
        return {m["document"] for m in self.measured} | self.skipped

    def current(self) -> int | None:
        done = self._done()
        for index, path in enumerate(self.documents):
            if path.name not in done:
                return index
        return None

    def task(self) -> dict[str, Any]:
        """The page's next document, or `done` with the summary."""
        with self.lock:
            index = self.current()
            if index is None or self.finished.is_set():
                self.finished.set()
                return {"done": True, "summary": self._write()}
            path = self.documents[index]
            truth = read_truth(path)
            doc_type = load_catalogue().types[truth.document_type]
            pages = len(self.images(index))
            return {
                "done": False,
                "index": index,
                "position": len(self._done()) + 1,
                "total": len(self.documents),
                "document": path.name,
                "type": doc_type.name,
                "pages": [f"/page/{index}/{n}.png" for n in range(pages)],
                "fields": [entry.public() for entry in entries(truth)],
            }

    def images(self, index: int) -> list[bytes]:
        if index not in self._images:
            self._images = {index: page_images(self.documents[index])}  # one document in memory
        return self._images[index]

    def submit(self, payload: dict[str, Any]) -> None:
        """One document's timings from the page: checked against the truth, then appended."""
        with self.lock:
            index = int(payload["index"])
            if index != self.current():
                raise ValueError("that document is not the one on screen (already saved?)")
            path = self.documents[index]
            if payload.get("skip"):
                self.skipped.add(path.name)
                return
            truth = read_truth(path)
            timings = payload.get("fields", {})
            fields = [self._field(entry, timings.get(entry.id, {})) for entry in entries(truth)]
            record = {
                "document": path.name,
                "document_type": truth.document_type,
                "variant": truth.variant,
                "pages": len(truth.pages) or 1,
                "document_ms": _number(payload.get("document_ms")),
                "typing_ms": sum(f["think_ms"] or 0 for f in fields) + sum(f["typing_ms"] for f in fields),
                "fields": fields,
            }
            with (self.out / MEASUREMENTS_FILE).open("a", encoding="utf-8") as stream:
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.measured.append(record)
            self._write()

    def _field(self, entry: Entry, timing: dict[str, Any]) -> dict[str, Any]:
        typed = str(timing.get("value", ""))
        think = timing.get("think_ms")
        reach = timing.get("reach_ms")
        return {
            "field": entry.id,
            "kind": entry.spec.kind,
            "operator": "checkbox" if entry.choice else operator_of(entry.spec.kind, self._operators),
            "chars": len(entry.truth),
            "keys": int(_number(timing.get("keys"))),
            "think_ms": None if think is None else _number(think),
            "typing_ms": _number(timing.get("typing_ms")),
            "reach_ms": None if reach is None else _number(reach),
            "skipped": not typed,
            "correct": bool(typed) and is_correct(entry, typed),
        }

    def _write(self) -> dict[str, Any]:
        overrides, summary = derive_parameters(self.measured)
        (self.out / COSTS_FILE).write_text(toml_text(overrides, summary), "utf-8")
        (self.out / SUMMARY_FILE).write_text(json.dumps(summary, indent=2) + "\n", "utf-8")
        return summary

    def finish(self) -> dict[str, Any]:
        with self.lock:
            self.finished.set()
            return self._write()


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) and number >= 0 else 0.0


# The web page


def _page() -> bytes:
    return resources.files("eval").joinpath("manual_page.html").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    session: Session
    server_version = "docflow-record-manual"

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: a request line names nothing personal, but the console is the evaluator's."""

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, value: Any) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json")

    def do_GET(self) -> None:
        if self.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, _page(), "text/html; charset=utf-8")
        elif self.path == "/api/task":
            self._json(HTTPStatus.OK, self.session.task())
        elif self.path.startswith("/page/"):
            self._page_image()
        else:
            self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def _page_image(self) -> None:
        try:
            index, name = self.path.removeprefix("/page/").split("/")
            images = self.session.images(int(index))
            self._send(HTTPStatus.OK, images[int(name.removesuffix(".png"))], "image/png")
        except (ValueError, IndexError):
            self._json(HTTPStatus.NOT_FOUND, {"error": "no such page"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "request too large"})
            return
        try:
            payload = json.loads(self.rfile.read(length) or b"{}")
            if self.path == "/api/submit":
                self.session.submit(payload)
                self._json(HTTPStatus.OK, self.session.task())
            elif self.path == "/api/finish":
                self._json(HTTPStatus.OK, {"done": True, "summary": self.session.finish()})
            else:
                self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})
        except (ValueError, KeyError, TypeError) as error:
            self._json(HTTPStatus.BAD_REQUEST, {"error": str(error)})


def start_server(session: Session, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """Serve the page in a background thread; `server.server_address` has the port taken."""
    handler = type("Handler", (_Handler,), {"session": session})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="record-manual", daemon=True).start()
    return server
