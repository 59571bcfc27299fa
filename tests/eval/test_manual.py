"""`docflow bench record-manual`: an evaluator's typing, timed on a local page, becomes parameters
of the time model."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from eval.costs import DocumentCase, FieldCase, load_parameters, manual_minutes
from eval.manual import (
    COSTS_FILE,
    MEASUREMENTS_FILE,
    Session,
    choose,
    derive_parameters,
    entries,
    is_correct,
    start_server,
)
from extractors.truth import read_truth

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
KEY_PAUSE = 0.04  # the simulated typist: one key every 40 ms at least


def field(operator: str, chars: int, think: float, typing: float, reach: float = 0.0) -> dict[str, Any]:
    return {
        "field": "f",
        "kind": "text",
        "operator": operator,
        "chars": chars,
        "keys": chars,
        "think_ms": think,
        "typing_ms": typing,
        "reach_ms": reach,
        "skipped": False,
        "correct": True,
    }


def test_measured_operators_come_from_the_timings() -> None:
    typed = [field("keystroke_average", 10, 1000 + 100 * n, 3000) for n in range(5)]
    codes = [field("keystroke_code", 20, 1200, 12000) for _ in range(5)]
    boxes = [field("checkbox", 0, 0, 0, reach=3000) for _ in range(3)]
    document = {"fields": typed + codes + boxes, "typing_ms": 0, "document_ms": 60000}
    overrides, summary = derive_parameters([document])
    klm = overrides["klm"]
    assert klm["mental"] == 1.2  # median of the pauses before the first key (1.0 ... 1.4, 1.2 x5)
    assert klm["keystroke_average"] == 0.3  # 3 s over 10 characters
    assert klm["keystroke_code"] == 0.6  # 12 s over 20 characters
    assert klm["point"] == pytest.approx(3.0 - 1.2 - 0.20)  # reach less mental less the click
    assert summary["kept_published"] == []
    assert "13 fields" in klm["source"]


def test_too_few_fields_keep_the_published_values_and_say_so() -> None:
    document = {"fields": [field("keystroke_code", 8, 900, 4000)] * 2, "typing_ms": 0, "document_ms": 1}
    overrides, summary = derive_parameters([document])
    assert overrides == {}
    assert set(summary["kept_published"]) == {"mental", "keystroke_average", "keystroke_code", "point"}


def test_entries_split_records_into_boxes_and_hide_the_truth() -> None:
    truth = read_truth(SAMPLES / "test" / "meldeschein-0001.pdf")
    boxes = entries(truth)
    ids = [box.id for box in boxes]
    assert "persons.0.given_names" in ids and "persons" not in ids
    sex = next(box for box in boxes if box.id == "persons.0.sex")
    assert sex.choice and {o["id"] for o in sex.public()["options"]} >= {"maennlich", "weiblich"}
    shown = json.dumps([box.public() for box in boxes], ensure_ascii=False)
    assert truth.fields["id_document_number"] not in shown


def test_typed_values_are_compared_as_the_pipeline_normalises_them() -> None:
    truth = read_truth(SAMPLES / "test" / "meldeschein-0001.pdf")
    boxes = {box.id: box for box in entries(truth)}
    assert is_correct(boxes["move_in_date"], "5.9.2026")  # truth 2026-09-05
    assert not is_correct(boxes["move_in_date"], "6.9.2026")
    assert not is_correct(boxes["move_in_date"], "not a date")


def test_documents_alternate_between_types() -> None:
    paths = sorted(p for p in (SAMPLES / "test").iterdir() if p.suffix != ".json")
    chosen = choose(paths, 3)
    assert len({read_truth(p).document_type for p in chosen}) == 3


@pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="headless Chromium is missing: apt-get install chromium chromium-driver (scripts/test does it)",
)
def test_an_evaluator_types_two_documents_in_a_browser(tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service as DriverService
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    documents = [SAMPLES / "test" / "meldeschein-0001.pdf", SAMPLES / "test" / "bewohnerparkausweis-0001.pdf"]
    out = tmp_path / "timing"
    session = Session(documents, out)
    server = start_server(session)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=DriverService(executable_path=str(DRIVER)), options=options)
    mistyped = "persons.0.given_names"
    try:
        wait = WebDriverWait(browser, 60)
        browser.get(f"http://127.0.0.1:{server.server_address[1]}/")
        for number, document in enumerate(documents, start=1):
            wait.until(ready.text_to_be_present_in_element((By.ID, "where"), f"Document {number} of 2"))
            wait.until(
                lambda b: b.execute_script(
                    "const pages = document.querySelectorAll('#pages img');"
                    "return pages.length > 0 && [...pages].every(image => image.complete);"
                )
            )
            truth = read_truth(document)
            page = browser.page_source
            for box in entries(truth):
                if not box.choice:
                    assert box.truth not in page, "the page must not give the answer away"
                    text = box.truth[::-1] if box.id == mistyped else box.truth
                    element = browser.find_element(By.ID, f"f-{box.id}")
                    element.click()
                    typist = ActionChains(browser)
                    for character in text:
                        typist.send_keys(character).pause(KEY_PAUSE)
                    typist.perform()
                else:
                    radio = f"input[name='{box.id}'][value='{box.truth}']"
                    browser.find_element(By.CSS_SELECTOR, radio).click()
            browser.find_element(By.ID, "save").click()
        wait.until(ready.text_to_be_present_in_element((By.ID, "where"), "Finished"))
        assert "2 documents, 20 fields timed" in browser.find_element(By.ID, "summary").text
    finally:
        browser.quit()
        server.shutdown()

    lines = [json.loads(line) for line in (out / MEASUREMENTS_FILE).read_text("utf-8").splitlines()]
    assert [line["document"] for line in lines] == [d.name for d in documents]
    measured = {f["field"]: f for f in lines[0]["fields"]}
    assert measured["move_in_date"]["correct"] and not measured[mistyped]["correct"]
    assert measured["persons.0.sex"]["operator"] == "checkbox" and measured["persons.0.sex"]["correct"]
    assert all(f["keys"] == f["chars"] for f in measured.values() if f["operator"] != "checkbox")
    assert all(f["document_ms"] > 1000 * KEY_PAUSE * 50 for f in lines)
    text = (out / MEASUREMENTS_FILE).read_text("utf-8")
    assert read_truth(documents[0]).fields["id_document_number"] not in text, "no typed value is stored"

    # the file the time model takes: keys no faster than the simulated typist, and used
    written = tomllib.loads((out / COSTS_FILE).read_text("utf-8"))["klm"]
    assert KEY_PAUSE <= written["keystroke_average"] < 10 * KEY_PAUSE
    assert KEY_PAUSE <= written["keystroke_code"] < 10 * KEY_PAUSE
    measured_parameters = load_parameters(out / COSTS_FILE)
    case = DocumentCase("meldeschein", (FieldCase("given_names", "name", 12, "accepted", True),), False)
    assert manual_minutes(case, measured_parameters) < manual_minutes(case, load_parameters())

    # a new session on the same folder resumes: nothing is left to time
    assert Session(documents, out).current() is None
