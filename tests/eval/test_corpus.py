"""A generated corpus is complete, consistent with its pages, and fair to evaluate on."""

from __future__ import annotations

import hashlib
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text
from PIL import Image

from eval.synth.documents import TEMPLATES
from eval.synth.form_model import Choice, FormTemplate, RecordBlocks, Slot
from eval.synth.form_templates import FORM_TEMPLATES
from eval.synth.generate import CorpusOptions, generate_corpus
from eval.synth.values import EXAMPLE_MAIL_DOMAINS
from eval.synth.variation import vary_edition
from extractors.catalogue import FieldSpec, load_catalogue
from extractors.normalise import normalise_value
from extractors.truth import GroundTruth, TruthBox
from extractors.validation import iban_is_valid, validate_fields
from tests.conftest import Corpus

FORM_TYPES = (
    "gewerbeanmeldung",
    "gewerbeabmeldung",
    "wohnungsgeberbestaetigung",
    "meldeschein",
    "bewohnerparkausweis",
    "hundesteuer",
)


def _compact(text: str) -> str:
    return "".join(text.split())


def _lookup(values: dict[str, Any], path: str) -> Any:
    value: Any = values
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def _spec(doc_type: str, path: str) -> FieldSpec:
    parts = path.split(".")
    spec = load_catalogue().type(doc_type).field(parts[0])
    return next(sub for sub in spec.fields if sub.key == parts[2]) if len(parts) == 3 else spec


def _mentions(truth: GroundTruth) -> dict[tuple[str, int], list[TruthBox]]:
    grouped: dict[tuple[str, int], list[TruthBox]] = defaultdict(list)
    for box in truth.boxes:
        grouped[(box.field, box.occurrence)].append(box)
    return grouped


def test_every_type_split_and_variant_is_there(corpus: Corpus) -> None:
    seen = Counter((m.document_type, m.variant) for m in corpus.made)
    for doc_type in load_catalogue().type_ids:
        variants = ("digital", "acroform", "scan") if doc_type in FORM_TYPES else ("digital", "scan")
        for variant in variants:
            assert seen[(doc_type, variant)] > 0, (doc_type, variant)
        splits = {m.split for m in corpus.made if m.document_type == doc_type}
        assert splits == {"train", "val", "test"}


def test_scans_come_in_every_format_at_150_to_300_dpi(corpus: Corpus) -> None:
    scans = [truth for _, truth in corpus.documents() if truth.variant == "scan"]
    assert {truth.scan.format for truth in scans if truth.scan} == {"png", "jpeg", "tiff", "pdf"}
    for path, truth in corpus.documents():
        if truth.variant != "scan" or truth.scan is None:
            continue
        assert 150 <= truth.scan.dpi <= 300 and abs(truth.scan.skew_degrees) <= 3
        if truth.scan.format != "pdf":
            with Image.open(path) as image:
                assert getattr(image, "n_frames", 1) == len(truth.pages)
                assert round(image.info["dpi"][0]) == truth.scan.dpi


def test_truth_is_valid_for_the_catalogue_except_for_deliberate_defects(corpus: Corpus) -> None:
    catalogue = load_catalogue()
    for path, truth in corpus.documents():
        assert path.exists() and truth.file == path.name
        doc_type = catalogue.type(truth.document_type)
        left_empty = {defect.split(":")[1] for defect in truth.defects if defect.startswith("empty:")}
        errors = [issue for issue in validate_fields(doc_type, truth.fields) if issue.severity == "error"]
        assert all(issue.code == "missing" and issue.field in left_empty for issue in errors), (
            path.name,
            errors,
        )
        for defect_field in left_empty:
            assert defect_field not in truth.fields
        if doc_type.id == "sonstiges":
            assert truth.fields == {} and truth.boxes == []


def test_every_normalised_value_is_what_the_page_shows(corpus: Corpus) -> None:
    """Each mention of a field, normalised from its written text, equals the ground truth."""
    checked = 0
    for path, truth in corpus.documents():
        for (field, _), boxes in _mentions(truth).items():
            spec = _spec(truth.document_type, field)
            written = " ".join(box.text for box in boxes)  # boxes are stored in writing order
            assert normalise_value(spec, written) == _lookup(truth.fields, field), (path.name, field, written)
            checked += 1
        mentioned = {box.field.split(".")[0] for box in truth.boxes}
        assert mentioned == set(truth.fields), path.name  # nothing in the truth that is not on the page
    assert checked > 500


def _chars_in(page: Any, bbox: tuple[float, float, float, float]) -> str:
    x0, top, x1, bottom = bbox
    inside = [
        c
        for c in page.chars
        if x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= x1 + 1
        and top - 1 <= (c["top"] + c["bottom"]) / 2 <= bottom + 1
    ]
    return "".join(c["text"] for c in inside)


def test_text_layer_of_digital_pdfs_holds_every_value_inside_its_box(corpus: Corpus) -> None:
    documents = [(path, truth) for path, truth in corpus.documents() if truth.variant == "digital"]
    assert documents
    for path, truth in documents:
        with pdfplumber.open(path) as pdf:
            assert len(pdf.pages) == len(truth.pages)
            for box in truth.boxes:
                found = _compact(_chars_in(pdf.pages[box.page - 1], box.bbox))
                assert _compact(box.text) in found, (path.name, box.field, box.text, found)


def _acroform_fields(pdf: Any) -> list[list[dict[str, Any]]]:
    """Per page: each form widget's value and box (top-left origin)."""
    pages = []
    for page in pdf.pages:
        fields = []
        for annotation in page.annots:
            value = resolve1(annotation["data"].get("V"))
            text = decode_text(value) if isinstance(value, bytes) else getattr(value, "name", value)
            fields.append(
                {
                    "value": text,
                    "box": (annotation["x0"], annotation["top"], annotation["x1"], annotation["bottom"]),
                }
            )
        pages.append(fields)
    return pages


def test_filled_pdf_forms_hold_the_values_in_acroform_fields_not_in_the_text_layer(corpus: Corpus) -> None:
    documents = [(path, truth) for path, truth in corpus.documents() if truth.variant == "acroform"]
    assert documents
    for path, truth in documents:
        pdf = pdfplumber.open(path)
        pages = _acroform_fields(pdf)
        for box in truth.boxes:
            fields = pages[box.page - 1]
            spec = _spec(truth.document_type, box.field)
            inside = [
                f
                for f in fields
                if box.bbox[0] - 1 <= (f["box"][0] + f["box"][2]) / 2 <= box.bbox[2] + 1
                and box.bbox[1] - 1 <= (f["box"][1] + f["box"][3]) / 2 <= box.bbox[3] + 1
            ]
            values = [f["value"] for f in inside]
            if spec.kind == "choice" and values != [box.text]:  # ticked box next to its printed words
                assert "Yes" in values, (path.name, box.field)
            else:
                assert [f["value"] for f in inside] == [box.text], (path.name, box.field)
                assert _chars_in(pdf.pages[box.page - 1], box.bbox) == "", (path.name, box.field)
        pdf.close()


def test_scan_boxes_sit_on_ink_inside_the_image(corpus: Corpus) -> None:
    documents = [(path, truth) for path, truth in corpus.documents() if truth.variant == "scan"]
    inks = []
    for path, truth in documents:
        if truth.scan is None or truth.scan.format == "pdf" or "stamp" in truth.defects:
            continue
        with Image.open(path) as image:
            pages = []
            for index in range(len(truth.pages)):
                image.seek(index)
                pages.append(np.asarray(image.convert("L"), dtype=np.uint8))
        for box in truth.boxes:
            page = pages[box.page - 1]
            x0, top, x1, bottom = (round(v) for v in box.bbox)
            assert 0 <= x0 < x1 <= page.shape[1] and 0 <= top < bottom <= page.shape[0]
            if len(box.text) >= 4:
                ink = float((page[top:bottom, x0:x1] < 120).mean())
                assert ink > 0.005, (path.name, box.field, ink)  # a misplaced box finds paper
                inks.append(ink)
    assert len(inks) > 100
    assert float(np.median(inks)) > 0.1


def test_invoices_add_up_and_every_iban_passes_mod97(corpus: Corpus) -> None:
    invoices = 0
    for _, truth in corpus.documents():
        if "iban" in truth.fields:
            assert iban_is_valid(truth.fields["iban"])
        if truth.document_type == "eingangsrechnung":
            invoices += 1
            net, tax, gross = (float(truth.fields[k]) for k in ("net_amount", "tax_amount", "gross_amount"))
            assert abs(net + tax - gross) < 0.005
            assert truth.fields["currency"] == "EUR"
    assert invoices > 0


def test_invoices_come_from_many_issuers(corpus: Corpus) -> None:
    sellers = [
        t.fields.get("seller_name") for _, t in corpus.documents() if t.document_type == "eingangsrechnung"
    ]
    assert len(set(sellers)) >= len(sellers) - 1


def test_test_split_uses_only_templates_never_seen_in_train_or_val(corpus: Corpus) -> None:
    seen = {m.template for m in corpus.made if m.split != "test"}
    test_only = {m.template for m in corpus.made if m.split == "test"}
    assert test_only and not seen & test_only
    assert set(corpus.manifest["templates"]["test"]) == test_only
    holdout = {t.id for templates in TEMPLATES.values() for t in templates if t.holdout}
    assert test_only <= holdout and not seen & holdout


def test_each_form_type_has_at_least_four_training_layouts_and_one_unseen() -> None:
    for doc_type in (*FORM_TYPES, "eingangsrechnung", "widerspruch", "sonstiges"):
        templates = TEMPLATES[doc_type]
        assert sum(not t.holdout for t in templates) >= 4, doc_type
        assert sum(t.holdout for t in templates) >= 1, doc_type


def _printed_labels(template: FormTemplate) -> set[str]:
    labels: set[str] = set()
    for section in template.sections:
        for item in section.items:
            cells = [cell for row in item.rows for cell in row] if isinstance(item, RecordBlocks) else item
            if isinstance(cells, tuple | list):
                labels.update(cell.label for cell in cells if isinstance(cell, Slot | Choice))
    return labels


def test_varied_training_editions_differ_but_borrow_only_training_wordings() -> None:
    training = tuple(t for t in FORM_TEMPLATES if not t.holdout)
    training_wordings = set().union(*(_printed_labels(t) for t in training))
    held_out_only = (
        set().union(*(_printed_labels(t) for t in FORM_TEMPLATES if t.holdout)) - training_wordings
    )
    assert held_out_only, "the held-out editions should have wordings of their own"
    rng = random.Random(5)
    for template in training:
        editions = [vary_edition(template, FORM_TEMPLATES, rng) for _ in range(12)]
        assert len({e.style.layout for e in editions}) >= 2, template.id
        assert any(_printed_labels(e) != _printed_labels(template) for e in editions), template.id
        for edition in editions:
            assert _printed_labels(edition) <= training_wordings
            assert not _printed_labels(edition) & held_out_only
    with pytest.raises(ValueError, match="held out"):
        vary_edition(next(t for t in FORM_TEMPLATES if t.holdout), FORM_TEMPLATES, rng)


def test_training_forms_are_drawn_on_varied_editions_and_test_forms_never(corpus: Corpus) -> None:
    forms = [m for m in corpus.made if m.document_type in FORM_TYPES]
    varied = [m for m in forms if m.template.endswith("~varied")]
    assert varied and all(m.split != "test" for m in varied)
    assert any(m.split != "test" and not m.template.endswith("~varied") for m in forms)


def test_people_are_fictitious_and_mail_goes_to_reserved_domains(corpus: Corpus) -> None:
    for _, truth in corpus.documents():
        if "email" in truth.fields:
            assert truth.fields["email"].split("@")[1] in EXAMPLE_MAIL_DOMAINS


def _digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("workers", [1, 2])
def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path: Path, workers: int) -> None:
    def make(name: str, seed: int) -> dict[str, str]:
        options = CorpusOptions(
            out=tmp_path / name,
            per_type=3,
            seed=seed,
            types=("hundesteuer", "eingangsrechnung"),
            workers=workers,
        )
        generate_corpus(options)
        return _digests(tmp_path / name)

    first, again, other = make("a", 5), make("b", 5), make("c", 6)
    assert first == again
    assert len(first) == 2 * 3 * 2 + 1  # documents, truth files and the manifest
    assert not set(first.values()) & set(other.values())
