"""The benchmark report: one offline HTML page with the numbers and plots embedded as PNG."""

from __future__ import annotations

import base64
import html
import io
from typing import Any

RESIDUAL_TARGET = 0.0029  # the human single-entry error rate per field


def _png(figure: Any) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _plots(results: dict[str, Any]) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plots: dict[str, str] = {}
    pipelines = {k: v for k, v in results["pipelines"].items() if "review_curve" in v}
    figure, axes = plt.subplots(figsize=(6, 4))
    for name, result in pipelines.items():
        curve = result["review_curve"]
        axes.plot(
            [100 * p["residual_field_error_rate"] for p in curve],
            [100 * p["straight_through_rate"] for p in curve],
            marker=".",
            label=name,
        )
        axes.scatter(
            [100 * result["residual_field_error_rate"]],
            [100 * result["straight_through_rate"]],
            s=90,
            marker="*",
        )
    axes.axvline(100 * RESIDUAL_TARGET, color="grey", linestyle="--", label="human single entry 0.29 %")
    axes.set_xlabel("accepted-but-wrong fields (%)")
    axes.set_ylabel("documents straight through (%)")
    axes.set_xscale("symlog", linthresh=0.1)
    axes.legend(fontsize=8)
    axes.set_title("Straight-through against residual error (star: operating point)")
    plots["curve"] = _png(figure)

    figure, axes = plt.subplots(figsize=(5, 4))
    axes.plot([0, 1], [0, 1], color="grey", linestyle="--")
    for name, result in pipelines.items():
        bins = [b for b in result["reliability"] if b["documents"]]
        axes.plot([b["mean_confidence"] for b in bins], [b["accuracy"] for b in bins], marker="o", label=name)
    axes.set_xlabel("document-type confidence")
    axes.set_ylabel("share right")
    axes.legend(fontsize=8)
    axes.set_title("Reliability of the document-type confidence")
    plots["reliability"] = _png(figure)

    product = results["pipelines"][results["product_pipeline"]]
    matrix = product["confusion"]
    figure, axes = plt.subplots(figsize=(6, 5))
    axes.imshow(matrix["rows"], cmap="Blues")
    axes.set_xticks(range(len(matrix["types"])), matrix["types"], rotation=60, ha="right", fontsize=7)
    axes.set_yticks(range(len(matrix["types"])), matrix["types"], fontsize=7)
    for row, values in enumerate(matrix["rows"]):
        for column, value in enumerate(values):
            if value:
                axes.text(column, row, str(value), ha="center", va="center", fontsize=7)
    axes.set_xlabel("predicted")
    axes.set_ylabel("true")
    axes.set_title(f"Confusion matrix: {results['product_pipeline']}")
    plots["confusion"] = _png(figure)

    per_type = {k: v for k, v in results["time"]["per_type"].items()}
    figure, axes = plt.subplots(figsize=(7, 4))
    names = list(per_type)
    positions = range(len(names))
    axes.barh(
        [p + 0.2 for p in positions],
        [per_type[n]["manual_minutes_per_doc"] for n in names],
        0.4,
        label="manual",
    )
    axes.barh(
        [p - 0.2 for p in positions],
        [per_type[n]["assisted_minutes_per_doc"] for n in names],
        0.4,
        label="assisted",
    )
    axes.set_yticks(list(positions), names, fontsize=8)
    axes.set_xlabel("minutes per document")
    axes.legend()
    axes.set_title("Clerk time per document")
    plots["time"] = _png(figure)
    return plots


def _table(rows: list[dict[str, Any]], columns: list[str] | None = None) -> str:
    if not rows:
        return "<p>none</p>"
    columns = columns or list(rows[0])
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(row.get(c)))}</td>" for c in columns) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _pipeline_rows(results: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for name, result in results["pipelines"].items():
        rows.append(
            {
                "pipeline": name,
                "documents": result["documents"],
                "type accuracy": result["document_type_accuracy"],
                "field F1": result.get("field_f1"),
                "straight-through": result.get("straight_through_rate"),
                "residual field error": result.get("residual_field_error_rate"),
                "ms/page after reading": result.get("ms_per_page"),
            }
        )
    return rows


def _slices(results: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for name, result in results["pipelines"].items():
        for part, values in result.get(key, {}).items():
            row = rows.setdefault(part, {"slice": part})
            row[f"{name} type acc"] = values["document_type_accuracy"]
            if "field_f1" in values:
                row[f"{name} field F1"] = values["field_f1"]
    return list(rows.values())


def render_html(results: dict[str, Any]) -> str:
    """The whole report as one self-contained page (no network needed to open it)."""
    plots = _plots(results)
    time_rows = [{"type": name} | values for name, values in results["time"]["per_type"].items()]
    time_rows.append({"type": "overall"} | results["time"]["overall"])
    columns = [
        "type",
        "documents",
        "manual_minutes_per_doc",
        "assisted_minutes_per_doc",
        "saved_percent",
        "manual_eur_per_doc",
        "assisted_eur_per_doc",
        "saved_eur_per_doc",
        "straight_through_rate",
        "residual_field_error_rate",
    ]
    speed = results["speed"]
    product = results["pipelines"][results["product_pipeline"]]
    sections = [
        f"<h1>docflow benchmark: {html.escape(results['corpus'])}</h1>",
        f"<p>{results['documents']} documents, {results['pages']} pages; "
        f"{'quick run' if results['quick'] else 'full run'}; created {html.escape(results['created'])}; "
        f"machine: {html.escape(results['machine'])}.</p>",
        "<h2>Accuracy</h2>",
        _table(_pipeline_rows(results)),
        "<h3>Per document type</h3>",
        _table(_slices(results, "per_type")),
        "<h3>Per variant</h3>",
        _table(_slices(results, "per_variant")),
        "<h3>Printed or handwritten values</h3>",
        _table(_slices(results, "per_writing")),
        f'<img src="{plots["confusion"]}" alt="confusion matrix">',
        f'<img src="{plots["reliability"]}" alt="reliability diagram">',
        f'<img src="{plots["curve"]}" alt="straight-through against residual error">',
        f"<h3>Per field ({html.escape(results['product_pipeline'])})</h3>",
        _table(product["per_field"]),
        "<h2>Time and money against manual processing</h2>",
        "<p>Standard Cost Model (Statistisches Bundesamt) with Keystroke-Level Model per field; every "
        "parameter and its source is in <code>results.json</code> under <code>time.parameters</code>.</p>",
        _table(time_rows, columns),
        f'<img src="{plots["time"]}" alt="minutes per document">',
        "<h3>One document type by hand</h3>",
        "<pre>" + html.escape("\n".join(results["time"].get("hand_calculation", []))) + "</pre>",
        "<h3>Per year</h3>",
        "<pre>" + html.escape(_dump(results["time"].get("yearly", {}))) + "</pre>",
        "<h2>Speed</h2>",
        f"<p>{speed['pages_per_second']} pages/s, {speed['documents_per_minute']} documents/min end to end "
        f"({html.escape(speed['measured_on'])}).</p>",
        "<pre>" + html.escape(_dump(speed)) + "</pre>",
        "<h2>Machines: local CPU, own GPU, partner GPU</h2>",
        "<p>Reading stays on the city's CPUs; only the model pass moves. Prices and GPU seconds are "
        "in <code>compute</code> of the parameters (placeholders unless replaced).</p>",
        "<pre>" + html.escape(_dump(results["money"].get("machines", {}))) + "</pre>",
    ]
    style = (
        "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;margin:1em 0;font-size:13px}"
        "td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}th{background:#eef}"
        "img{max-width:100%;margin:1em 0;display:block}"
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>docflow benchmark</title>'
        f"<style>{style}</style></head><body>" + "\n".join(sections) + "</body></html>\n"
    )


def _dump(value: Any) -> str:
    import json

    return json.dumps(value, indent=2, ensure_ascii=False)
