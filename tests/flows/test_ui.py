"""The operator's view: `docflow serve` with its own Prefect server and UI, opened in headless Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.flows.test_service import drop, results, wait_for

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="headless Chromium is missing: apt-get install chromium chromium-driver (scripts/test does it)",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_operator_finds_the_batch_and_its_artifacts_in_the_ui(tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service as DriverService
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    port = free_port()
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")  # its own server and database
    docflow = Path(sys.executable).with_name("docflow")
    command = [str(docflow), "serve", "--inbox", str(inbox), "--out", str(out), "--port", str(port)]
    log = tmp_path / "serve.log"
    with log.open("wb") as stream:
        service = subprocess.Popen(
            [*command, "--engine", "baseline"], stdout=stream, stderr=subprocess.STDOUT, env=env
        )
    try:
        wait_for(lambda: "Prefect UI" in log.read_text(errors="replace"), "the service", seconds=300)
        drop(inbox, ["train/gewerbeanmeldung-0001.pdf"])
        wait_for(lambda: results(out), "the result")
        time.sleep(2)  # the batch's artifacts are written after the result line

        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for argument in (
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--window-size=1400,1000",
        ):
            options.add_argument(argument)
        browser = webdriver.Chrome(service=DriverService(executable_path=str(DRIVER)), options=options)
        try:
            wait = WebDriverWait(browser, 90)
            browser.get(f"http://127.0.0.1:{port}/runs")
            run_link = wait.until(ready.element_to_be_clickable((By.PARTIAL_LINK_TEXT, "batch-")))
            run_link.click()
            wait.until(ready.url_contains("/runs/flow-run/"))
            tab = wait.until(ready.element_to_be_clickable((By.XPATH, "//*[normalize-space()='Artifacts']")))
            tab.click()
            wait.until(ready.presence_of_element_located((By.XPATH, "//*[contains(., 'inbox-batch')]")))
            screenshot = tmp_path / "operator-ui.png"
            browser.save_screenshot(str(screenshot))
        finally:
            browser.quit()
        assert screenshot.stat().st_size > 20_000, "a real page, not a blank one"
        assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        if target := os.environ.get("DOCFLOW_SCREENSHOT"):  # how docs/operator-ui.png is made
            shutil.copy2(screenshot, target)
    finally:
        service.send_signal(signal.SIGTERM)
        assert service.wait(60) == 0
