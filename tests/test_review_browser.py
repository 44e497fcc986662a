"""The review notebook in a real JupyterLab, driven by a real browser: JupyterLab from .venv on a free port with a
token, notebooks/05_review.ipynb opened in Debian chromium (playwright), run, one estimate accepted and another
corrected with the mouse; the decision file must hold both and a pipeline rerun (the synthesis stage) must apply
them. The server is stopped at the end, whatever happened."""
from __future__ import annotations

import csv
import io
import os
import secrets
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from conftest import CHROMIUM, CHROMIUM_ARGS, REPO_ROOT, console_script
from evidence_review.extract import extract_estimates
from evidence_review.ingest import ingest_paths
from evidence_review.ingest.store import save_ingest
from evidence_review.synthesis.pipeline import run_synthesis
from evidence_review.tables import write_csv_atomic

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium "
                                                     "(make setup installs it when run as root)"),
]
ARTIFACTS = REPO_ROOT / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO_ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy2(REPO_ROOT / "pyproject.toml", root / "pyproject.toml")
    notebook = root / "notebooks" / "05_review.ipynb"
    source = notebook.read_text(encoding="utf-8")
    signed = source.replace('reviewer: str = \\"\\"', 'reviewer: str = \\"BT\\"')
    assert signed != source, "the review notebook's parameters cell no longer declares `reviewer: str = \"\"`"
    notebook.write_text(signed, encoding="utf-8")
    processed = root / "data" / "processed"
    documents, texts = ingest_paths([REPO_ROOT / "data" / "raw"])
    save_ingest(documents, texts, processed)
    write_csv_atomic(extract_estimates(documents, texts), processed / "estimates.csv")
    (root / "data" / "curation").mkdir(parents=True)
    return root


@pytest.fixture
def lab(project, tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if k != "EVIDENCE_REVIEW_ROOT"}
    env.update(JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "lab-settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "lab-workspaces"))
    log = open(tmp_path / "lab.log", "w")
    proc = subprocess.Popen(
        [console_script("jupyter"), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1", "--ServerApp.allow_root=True",
         f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={project}", "--LabApp.news_url=", "--LabApp.check_for_updates_class="
         "jupyterlab.NeverCheckForUpdate"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, (tmp_path / "lab.log").read_text()
            try:
                if requests.get(f"{base}/api/status", params={"token": token}, timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "JupyterLab did not start"
            time.sleep(0.3)
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


def _decisions(project: Path) -> list[dict]:
    path = project / "data" / "curation" / "decisions.csv"
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))) if path.exists() else []


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    pytest.fail(f"timed out waiting for {what}")


def test_accept_and_correct_in_jupyterlab_then_rerun_applies_them(project, lab):
    from playwright.sync_api import sync_playwright

    base, token = lab
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(120_000)
            page.goto(f"{base}/lab/tree/notebooks/05_review.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
            # a fresh JupyterLab asks which kernel to start for a notebook it has not opened before
            select = page.get_by_role("button", name="Select", exact=True)
            try:
                select.wait_for(state="visible", timeout=20_000)
                select.click()
            except Exception:  # no dialog: the kernel started on its own
                pass
            page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=120_000)
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_text("Run All Cells", exact=True).click()
            accept = page.get_by_role("button", name="Accept", exact=True)
            accept.wait_for(state="visible", timeout=90_000)
            first = page.locator(".er-fields").inner_text()
            accept.click()
            rows = _wait(lambda: _decisions(project), 30, "the accept decision in decisions.csv")
            assert [(r["decision"], r["reviewer"]) for r in rows] == [("accept", "BT")]
            assert rows[0]["estimate_id"] in first

            _wait(lambda: page.locator(".er-fields").inner_text() != first, 30, "the next estimate")
            second = page.locator(".er-fields").inner_text()
            page.locator(".widget-text", has_text="outcome").locator("input:visible").fill("relapse-free survival")
            page.locator(".widget-text", has_text="Reason").locator("input").fill("outcome as the methods define it")
            page.get_by_role("button", name="Save correction").click()
            rows = _wait(lambda: len(_decisions(project)) == 2 and _decisions(project), 30, "the correction")
            assert rows[1]["decision"] == "correct" and rows[1]["estimate_id"] in second
            assert rows[1]["corrected_fields"] == "outcome=relapse-free survival"
            assert "3 of" not in page.locator(".widget-label").all_inner_texts()  # exactly two checked
            assert any(t.startswith("2 of ") for t in page.locator(".widget-label").all_inner_texts())
            page.screenshot(path=str(ARTIFACTS / "review_notebook.png"), full_page=False)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "review_notebook_failure.png"), full_page=True)
            raise
        finally:
            browser.close()

    result = run_synthesis(project / "data" / "processed", project / "data" / "curation",
                           project / "reports", figures=False)
    curated = result.curated.set_index("estimate_id")
    assert curated.loc[rows[0]["estimate_id"], "decision"] == "accepted"
    assert curated.loc[rows[1]["estimate_id"], "decision"] == "corrected"
    assert curated.loc[rows[1]["estimate_id"], "outcome"] == "relapse-free survival"
