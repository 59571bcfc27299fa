"""Plan and write a synthetic corpus: documents, ground truth and a manifest, deterministic by seed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from eval.synth.documents import SAMPLERS, TEMPLATES, Template, render_document
from eval.synth.form_model import FormTemplate
from eval.synth.form_templates import FORM_TEMPLATES
from eval.synth.scan import FORMAT_MEDIA_TYPES, FORMAT_SUFFIXES, draw_scan_settings, save_scan, scan_document
from eval.synth.sheet import Sheet
from eval.synth.values import SampledValues, ValueSource
from eval.synth.variation import vary_edition
from extractors.catalogue import load_catalogue
from extractors.truth import GroundTruth, ScanFormat, Split, TruthBox, Variant, write_truth

GENERATOR_VERSION = "3"
MANIFEST_NAME = "corpus.json"
# Documents are dated relative to this day, not to the clock, so a seed gives the same
# corpus next year. Validators judge dates against the real day, and this one is past.
DEFAULT_REFERENCE_DATE = dt.date(2026, 10, 15)
# Half of what reaches a mailroom is paper: scans dominate, then PDFs and filled PDF forms.
FORM_VARIANTS: tuple[Variant, ...] = (
    "scan",
    "digital",
    "acroform",
    "scan",
    "digital",
    "scan",
    "acroform",
    "scan",
    "digital",
    "scan",
)
PRINT_VARIANTS: tuple[Variant, ...] = ("scan", "digital", "scan", "digital", "scan")
# Keeps the variation's random draws apart from the document's own.
VARIATION_SALT = 0x7A51
SCAN_FORMATS: tuple[ScanFormat, ...] = ("png", "jpeg", "tiff", "pdf")


@dataclass(frozen=True)
class CorpusOptions:
    """What `docflow generate` makes."""

    out: Path
    per_type: int
    seed: int
    types: tuple[str, ...] = ()
    fractions: tuple[float, float, float] = (0.7, 0.15, 0.15)
    reference_date: dt.date = DEFAULT_REFERENCE_DATE
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    # Share of train and val form documents drawn on a varied edition (eval.synth.variation).
    varied_share: float = 0.75


@dataclass(frozen=True)
class DocumentPlan:
    """One document to make: everything decided before rendering, so workers agree."""

    doc_type: str
    index: int
    split: Split
    template_id: str
    variant: Variant
    scan_format: ScanFormat
    seed: int
    reference_date: str
    varied: bool = False

    @property
    def stem(self) -> str:
        return f"{self.doc_type}-{self.index:04d}"


@dataclass(frozen=True)
class Made:
    """What one written document amounts to, for the manifest and the summary table."""

    file: str
    document_type: str
    split: str
    template: str
    variant: str
    media_type: str
    pages: int
    defects: list[str]


def document_seed(seed: int, doc_type: str, index: int) -> int:
    digest = hashlib.sha256(f"{seed}:{doc_type}:{index}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def split_counts(total: int, fractions: tuple[float, float, float]) -> dict[Split, int]:
    """Documents per split; with three or more documents every split gets at least one."""
    if total < 3:
        return {"train": total, "val": 0, "test": 0}
    val = max(1, round(total * fractions[1]))
    test = max(1, round(total * fractions[2]))
    return {"train": max(1, total - val - test), "val": val, "test": test}


def templates_for(doc_type: str, split: Split) -> tuple[Template, ...]:
    """Test documents use only held-out templates, train and val only the others."""
    wanted_holdout = split == "test"
    return tuple(t for t in TEMPLATES[doc_type] if t.holdout == wanted_holdout)


def plan_corpus(options: CorpusOptions) -> list[DocumentPlan]:
    catalogue = load_catalogue()
    plans = []
    for doc_type in options.types or catalogue.type_ids:
        catalogue.type(doc_type)  # unknown types fail here, before any work
        rng = random.Random(document_seed(options.seed, doc_type, -1))
        counts = split_counts(options.per_type, options.fractions)
        splits: list[Split] = [split for split, count in counts.items() for _ in range(count)]
        rng.shuffle(splits)
        variants = FORM_VARIANTS if any(t.fillable for t in TEMPLATES[doc_type]) else PRINT_VARIANTS
        seen: Counter[Split] = Counter()
        offset = rng.randrange(len(variants))
        # Each split starts its round of templates somewhere else, so even tiny corpora vary.
        template_start = {split: rng.randrange(len(TEMPLATES[doc_type])) for split in counts}
        for index, split in enumerate(splits):
            position = seen[split]
            seen[split] += 1
            pool = templates_for(doc_type, split)
            variant = variants[(index + offset) % len(variants)]
            template = pool[(position + template_start[split]) % len(pool)]
            if variant == "acroform" and not template.fillable:
                variant = "digital"
            seed = document_seed(options.seed, doc_type, index)
            # A share drawn from the seed, not from rng, so the rest of the plan stays as it was.
            varied = (
                split != "test"
                and isinstance(template, FormTemplate)
                and (seed % 1000) / 1000 < options.varied_share
            )
            plans.append(
                DocumentPlan(
                    doc_type=doc_type,
                    index=index,
                    split=split,
                    template_id=template.id,
                    variant=variant,
                    scan_format=SCAN_FORMATS[(index + offset) % len(SCAN_FORMATS)],
                    seed=seed,
                    reference_date=options.reference_date.isoformat(),
                    varied=varied,
                )
            )
    return plans


@cache
def _faker() -> Any:
    from faker import Faker

    return Faker("de_DE")


def _template(template_id: str) -> Template:
    doc_type = template_id.split("/")[0]
    return next(t for t in TEMPLATES[doc_type] if t.id == template_id)


def _trim_to_written(values: dict[str, Any], boxes: list[TruthBox]) -> dict[str, Any]:
    """Keep exactly what was written: absent fields absent, list items that fitted the form."""
    written = {box.field for box in boxes}
    kept: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, list):
            items = []
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    record = {sub: v for sub, v in item.items() if f"{key}.{index}.{sub}" in written}
                    if record:
                        items.append(record)
                elif f"{key}.{index}" in written:
                    items.append(item)
            if items:
                kept[key] = items
        elif key in written:
            kept[key] = value
    return kept


def make_document(plan: DocumentPlan, folder: Path) -> Made:
    """Render, degrade and write one document with its ground truth."""
    rng = random.Random(plan.seed)
    fake = _faker()
    fake.seed_instance(plan.seed)
    template = _template(plan.template_id)
    if plan.varied:
        assert isinstance(template, FormTemplate)
        template = vary_edition(template, FORM_TEMPLATES, random.Random(plan.seed ^ VARIATION_SALT))
    source = ValueSource(
        rng, fake, dt.date.fromisoformat(plan.reference_date), long_document=getattr(template, "long", False)
    )
    sampled: SampledValues = SAMPLERS[plan.doc_type](source)
    scan = plan.variant == "scan"
    sheet = Sheet(
        acroform=plan.variant == "acroform", handwriting=scan and template.fillable and rng.random() < 0.35
    )
    defects = render_document(template, sampled, sheet, rng, scan=scan)
    if sheet.handwriting:
        defects.append("handwriting")
    pdf = sheet.finish()
    fields = _trim_to_written(sampled.truth_fields(), sheet.boxes)
    truth_args: dict[str, Any] = {}
    if scan:
        settings = draw_scan_settings(rng, plan.scan_format, sheet.page)
        scanned = scan_document(pdf, sheet.boxes, sheet.height, settings, plan.seed)
        path = folder / (plan.stem + FORMAT_SUFFIXES[settings.format])
        save_scan(scanned, settings, path)
        boxes, pages = scanned.boxes, scanned.pages
        media_type = FORMAT_MEDIA_TYPES[settings.format]
        truth_args["scan"] = settings.details()
        if settings.upside_down:
            defects.append("upside_down")
    else:
        path = folder / (plan.stem + ".pdf")
        path.write_bytes(pdf)
        boxes, pages, media_type = sheet.boxes, sheet.page_sizes(), "application/pdf"
    truth = GroundTruth(
        file=path.name,
        document_type=plan.doc_type,
        fields=fields,
        boxes=boxes,
        pages=pages,
        template=template.id,
        variant=plan.variant,
        split=plan.split,
        media_type=media_type,
        defects=defects,
        seed=plan.seed,
        **truth_args,
    )
    write_truth(path, truth)
    return Made(
        path.name, plan.doc_type, plan.split, template.id, plan.variant, media_type, len(pages), defects
    )


def _make_into(args: tuple[DocumentPlan, Path]) -> Made:
    plan, out = args
    folder = out / plan.split
    return make_document(plan, folder)


def generate_corpus(options: CorpusOptions, on_progress: Callable[[Made], None] | None = None) -> list[Made]:
    """Write the whole corpus under options.out/<split>/ and a manifest; returns what was made."""
    plans = plan_corpus(options)
    for split in ("train", "val", "test"):
        (options.out / split).mkdir(parents=True, exist_ok=True)
    made: list[Made] = []
    for result in _run(plans, options):
        made.append(result)
        if on_progress:
            on_progress(result)
    made.sort(key=lambda m: (m.split, m.file))
    write_manifest(options, made)
    return made


def _run(plans: list[DocumentPlan], options: CorpusOptions) -> Iterator[Made]:
    jobs = [(plan, options.out) for plan in plans]
    if options.workers <= 1 or len(plans) < 4:
        yield from map(_make_into, jobs)
        return
    with ProcessPoolExecutor(max_workers=options.workers) as pool:
        yield from pool.map(_make_into, jobs, chunksize=2)


def remove_corpus(folder: Path) -> None:
    """Delete a corpus made earlier (its split folders, manifest and previews), nothing else."""
    if not (folder / MANIFEST_NAME).is_file():
        raise ValueError(f"{folder} holds no corpus ({MANIFEST_NAME} is missing); not deleting anything")
    for name in ("train", "val", "test", "previews"):
        if (folder / name).is_dir():
            shutil.rmtree(folder / name)
    (folder / MANIFEST_NAME).unlink()


def write_manifest(options: CorpusOptions, made: list[Made]) -> Path:
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": options.seed,
        "per_type": options.per_type,
        "reference_date": options.reference_date.isoformat(),
        "fractions": dict(zip(("train", "val", "test"), options.fractions, strict=True)),
        "templates": {
            "train_val": sorted({m.template for m in made if m.split != "test"}),
            "test": sorted({m.template for m in made if m.split == "test"}),
        },
        "documents": [asdict(m) | {"path": f"{m.split}/{m.file}"} for m in made],
    }
    path = options.out / MANIFEST_NAME
    path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return path
