"""End to end: the real `evidence-review run` (papermill, real kernel, nbconvert) on a copy of the seed corpus.

The full pipeline is slow, so one module-scoped fixture runs the whole story once, in order:
a good run, a run with a failing cell, runs stopped mid-way (SIGTERM, SIGKILL), and a rerun; the tests
then assert on what each step left behind.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest

from conftest import NOTEBOOKS_DIR, REPO_ROOT, SEED_RAW, console_script, tree_hashes

pytestmark = pytest.mark.slow

RUN_TIMEOUT = 900
NOTEBOOK_NAMES = ["01_ingest.ipynb", "02_extract.ipynb", "03_pool.ipynb", "04_report.ipynb"]
# The Frontiers 2025 cohort (000_*.txt) carries a Chinese title and, further in, its English one.
FRONTIERS_FILE = "000_8708c65266cc0a10.txt"
FRONTIERS_ENGLISH_TITLE = (
    "Immunotherapy for neuromyelitis optica spectrum disorder: a comparative analysis of efficacy and safety"
)


def run_cli(*args: str, timeout: float = RUN_TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run([console_script("evidence-review"), *args], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=timeout)


def outputs_snapshot(processed: Path, reports: Path) -> dict[str, str]:
    """Hashes of the outputs a reader relies on (tables, report, figures, executed notebooks)."""
    snap = {f"processed/{k}": v for k, v in tree_hashes(processed).items()
            if not k.startswith(".")}
    snap.update({f"reports/{k}": v for k, v in tree_hashes(reports).items()
                 if not k.startswith(".") and not k.endswith(".failed.ipynb")})
    return snap


def first_notebook_declaring(parameter: str) -> str:
    for name in NOTEBOOK_NAMES:
        if parameter in papermill.inspect_notebook(str(NOTEBOOKS_DIR / name)):
            return name
    pytest.fail(f"no notebook declares {parameter}")


@dataclass
class Story:
    raw: Path
    processed: Path
    reports: Path
    raw_before: dict
    seed_raw_before: dict
    curation: Path
    curation_before: dict
    runs: dict = field(default_factory=dict)
    snapshots: dict = field(default_factory=dict)
    failing_notebook: str = ""
    stopped: dict = field(default_factory=dict)  # signal name -> exit status, None when the run ended first
    leftover_staging: dict = field(default_factory=dict)
    failed_copy_kept: bool = False


def _stop_mid_way(args: list[str], reports: Path, sig: signal.Signals) -> int | None:
    """Start a run, send `sig` once the second notebook is staged; the run's exit status, None if it ended first."""
    staging = reports / ".staging-run"
    proc = subprocess.Popen([console_script("evidence-review"), *args, "--no-progress"], cwd=REPO_ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline, sent = time.monotonic() + RUN_TIMEOUT, False
    while proc.poll() is None and time.monotonic() < deadline:
        if staging.is_dir() and any(staging.rglob(NOTEBOOK_NAMES[1])):
            proc.send_signal(sig)
            sent = True
            break
        time.sleep(0.02)
    status = proc.wait(timeout=120)
    return status if sent else None


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Story:
    base = tmp_path_factory.mktemp("pipeline")
    raw = base / "raw"
    shutil.copytree(SEED_RAW, raw)
    curation = base / "curation"
    shutil.copytree(REPO_ROOT / "data" / "curation", curation)
    s = Story(raw=raw, processed=base / "processed", reports=base / "reports",
              raw_before=tree_hashes(raw), seed_raw_before=tree_hashes(SEED_RAW),
              curation=curation, curation_before=tree_hashes(curation))
    common = ["run", "--raw", str(raw), "--processed", str(s.processed), "--reports", str(s.reports)]
    s.failing_notebook = first_notebook_declaring("curation_dir")
    with_curation = [*common, "-p", "curation_dir", json.dumps(str(curation))]

    # 1. A complete run.
    s.runs["first"] = run_cli(*with_curation)
    s.snapshots["first"] = outputs_snapshot(s.processed, s.reports)

    # 2. A cell that raises: a path parameter given a number makes the notebook's path handling fail.
    s.runs["failing"] = run_cli(*common, "--no-progress", "-p", "curation_dir", "5")
    s.snapshots["after_failing"] = outputs_snapshot(s.processed, s.reports)
    failed_copy = s.reports / "executed" / s.failing_notebook.replace(".ipynb", ".failed.ipynb")
    s.failed_copy_kept = failed_copy.exists() and "TypeError" in failed_copy.read_text(encoding="utf-8")

    # 3. Runs stopped once the second notebook has started: SIGTERM (may clean up), SIGKILL (may not).
    for sig in (signal.SIGTERM, signal.SIGKILL):
        s.stopped[sig.name] = _stop_mid_way(with_curation, s.reports, sig)
        s.snapshots[f"after_{sig.name}"] = outputs_snapshot(s.processed, s.reports)
        s.leftover_staging[sig.name] = [str(p) for p in (s.processed / ".staging-run", s.reports / ".staging-run")
                                        if p.exists()]

    # 4. The rerun to completion on the same input.
    s.runs["rerun"] = run_cli(*with_curation)
    s.snapshots["rerun"] = outputs_snapshot(s.processed, s.reports)
    return s


def _normalized_html_text(path: Path) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
    return re.sub(r"\s+", " ", text)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


def test_run_succeeds_and_prints_the_report_path(story):
    first = story.runs["first"]
    assert first.returncode == 0, first.stderr[-3000:]
    last_line = first.stdout.strip().splitlines()[-1]
    assert last_line == f"report: {story.reports / 'evidence_report.html'}"
    for name in NOTEBOOK_NAMES:  # the terminal says which notebook runs
        assert name in first.stderr


def test_documents_table_lists_every_raw_file_with_a_title(story):
    documents = pd.read_csv(story.processed / "documents.csv", dtype=str, keep_default_na=False)
    raw_files = sorted(story.raw_before)
    assert sorted(set(documents["source_file"])) == raw_files
    for source_file, rows in documents.groupby("source_file"):
        assert (rows["title"].str.strip() != "").all(), f"{source_file} has no title"


def test_report_shows_every_seed_title_and_file(story):
    report = story.reports / "evidence_report.html"
    assert report.stat().st_size > 0
    # the main page and its appendix page (every document with its sentences)
    text = _normalized_html_text(report) + " " + _normalized_html_text(story.reports / "evidence_report_appendix.html")
    documents = pd.read_csv(story.processed / "documents.csv", dtype=str, keep_default_na=False)
    for row in documents.itertuples():
        assert row.source_file in text
        assert _squash(row.title) in text, f"title of {row.source_file} missing from the report: {row.title!r}"


def test_report_shows_the_english_title_of_the_frontiers_cohort(story):
    documents = pd.read_csv(story.processed / "documents.csv", dtype=str, keep_default_na=False)
    frontiers = documents[documents["source_file"] == FRONTIERS_FILE]
    assert len(frontiers) == 1
    assert FRONTIERS_ENGLISH_TITLE.lower() in frontiers["title"].iloc[0].lower()
    assert FRONTIERS_ENGLISH_TITLE.lower() in _normalized_html_text(story.reports / "evidence_report.html").lower()


def test_executed_notebooks_are_kept_clean_and_separate_from_the_sources(story):
    executed = story.reports / "executed"
    assert sorted(p.name for p in executed.glob("*.ipynb")) == NOTEBOOK_NAMES
    for name in NOTEBOOK_NAMES:
        text = (executed / name).read_text(encoding="utf-8")
        assert ".staging-run" not in text
        nb = nbformat.reads(text, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(c.execution_count for c in code), f"{name}: a code cell did not run"
        assert not [o for c in code for o in c.outputs if o.output_type == "error"]
        assert not any(k in nb.metadata.papermill for k in ("start_time", "end_time", "duration"))
        # The source notebooks stay without outputs.
        source = nbformat.read(str(NOTEBOOKS_DIR / name), as_version=4)
        assert all(not c.get("outputs") for c in source.cells if c.cell_type == "code")


def test_raw_inputs_are_never_written(story):
    assert tree_hashes(story.raw) == story.raw_before
    assert tree_hashes(SEED_RAW) == story.seed_raw_before


def test_reviewer_decisions_are_never_written(story):
    assert story.curation_before, "the shipped data/curation folder is empty"
    assert tree_hashes(story.curation) == story.curation_before


def test_failing_cell_stops_with_a_message_naming_notebook_and_cell(story):
    failing = story.runs["failing"]
    assert failing.returncode not in (0, 2), failing.stderr[-3000:]
    message = failing.stderr
    assert story.failing_notebook in message
    assert re.search(r"failed in cell \d+", message), message
    assert "TypeError" in message
    assert story.failed_copy_kept, "the partly executed notebook was not kept for debugging"
    # Notebooks after the failing one never started.
    later = NOTEBOOK_NAMES[NOTEBOOK_NAMES.index(story.failing_notebook) + 1:]
    for name in later:
        assert f"running {name}" not in message


def test_failing_cell_leaves_previous_outputs_byte_identical(story):
    assert story.snapshots["first"], "the first run wrote nothing"
    assert story.snapshots["after_failing"] == story.snapshots["first"]
    assert not (story.processed / ".staging-run").exists()


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGKILL"])
def test_stopped_run_leaves_previous_outputs_readable_and_unchanged(story, signame):
    assert story.stopped[signame] is not None, "the run finished before it could be stopped"
    assert story.snapshots[f"after_{signame}"] == story.snapshots["first"]
    for table in ("documents.csv", "estimates.csv", "pooled.csv"):
        if (story.processed / table).exists():
            pd.read_csv(story.processed / table)


def test_sigterm_unwinds_like_ctrl_c(story):
    assert story.stopped["SIGTERM"] == 130  # the CLI's "interrupted" status, not a death by signal
    assert story.leftover_staging["SIGTERM"] == []


def test_rerun_after_kill_completes_and_is_byte_identical(story):
    rerun = story.runs["rerun"]
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert story.snapshots["rerun"] == story.snapshots["first"]
    assert not (story.processed / ".staging-run").exists()
    assert not (story.reports / ".staging-run").exists()
    # A successful run clears the copy a failed run left for debugging.
    assert not list((story.reports / "executed").glob("*.failed.ipynb"))


# ---------------------------------------------------------------- configuration errors (fast: no notebook runs)

def _assert_one_line_config_error(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_missing_raw_folder_is_a_config_error(tmp_path):
    missing = tmp_path / "no-such-folder"
    result = run_cli("run", "--raw", str(missing), "--processed", str(tmp_path / "p"),
                     "--reports", str(tmp_path / "r"), timeout=120)
    _assert_one_line_config_error(result, str(missing))
    assert not (tmp_path / "p").exists()


def test_unknown_parameter_is_a_config_error(tmp_path):
    result = run_cli("run", "--raw", str(SEED_RAW), "--processed", str(tmp_path / "p"),
                     "--reports", str(tmp_path / "r"), "-p", "no_such_parameter", "1", timeout=120)
    _assert_one_line_config_error(result, "no_such_parameter")
    assert not (tmp_path / "p").exists()


def test_unwritable_output_folder_is_a_config_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_cli("run", "--raw", str(SEED_RAW), "--processed", str(blocker / "processed"),
                     "--reports", str(tmp_path / "r"), timeout=120)
    _assert_one_line_config_error(result, "processed")


def test_output_inside_the_raw_folder_is_a_config_error(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SEED_RAW, raw)
    before = tree_hashes(raw)
    result = run_cli("run", "--raw", str(raw), "--processed", str(raw / "processed"),
                     "--reports", str(tmp_path / "r"), timeout=120)
    _assert_one_line_config_error(result, "raw")
    assert tree_hashes(raw) == before and not (raw / "processed").exists()


def test_runner_parameters_cannot_be_set_with_p(tmp_path):
    result = run_cli("run", "--processed", str(tmp_path / "p"), "-p", "processed_dir", json.dumps("x"),
                     timeout=120)
    _assert_one_line_config_error(result, "--processed")
