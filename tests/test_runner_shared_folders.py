"""Issue 15: one lock per output folder, notebooks from the package's repository, nothing written into a raw folder.

Real processes throughout: `evidence-review` console scripts, and a second python process holding a lock.
The slow story: run A starts from inside another project (its own pyproject.toml and notebooks/), and while it runs,
run C shares A's reports folder with another processed folder. C must stop at once with one line and status 2;
A must finish with a report that names only its own folders.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import REPO_ROOT, SEED_RAW, console_script, tree_hashes
from evidence_review import paths
from evidence_review.cli import main

RUN_TIMEOUT = 900
STAGING = ".staging-run"


def _other_project(base: Path) -> Path:
    """A cookiecutter-style project of the user's own: pyproject.toml, notebooks/ (nothing of ours), data/raw."""
    project = base / "my-analysis"
    (project / "notebooks").mkdir(parents=True)
    (project / "notebooks" / "exploration.ipynb").write_text("{}", encoding="utf-8")
    (project / "pyproject.toml").write_text('[project]\nname = "my-analysis"\nversion = "0.1.0"\n', encoding="utf-8")
    return project


# ---------------------------------------------------------------- fast checks

def test_another_projects_folder_is_not_taken_for_the_repository(tmp_path, monkeypatch):
    monkeypatch.delenv("EVIDENCE_REVIEW_ROOT", raising=False)
    project = _other_project(tmp_path)
    assert not paths.is_repository(project)
    assert paths.repo_root(project / "notebooks") == paths.package_root() == REPO_ROOT
    assert paths.is_repository(REPO_ROOT)


def test_a_notebooks_folder_without_the_notebooks_is_named_in_one_line(tmp_path, capsys):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("Title\n\nHR 0.5 (95% CI 0.2-0.9).", encoding="utf-8")
    code = main(["run", "--notebooks", str(tmp_path), "--raw", str(tmp_path / "raw"),
                 "--processed", str(tmp_path / "p"), "--reports", str(tmp_path / "r")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert f"notebook not found: {tmp_path / '01_ingest.ipynb'}" in err and "--notebooks" in err
    assert not (tmp_path / "p").exists() and not (tmp_path / "r").exists()


def test_extract_out_into_the_raw_folder_is_refused_and_the_raw_folder_is_unchanged(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "trial.txt").write_text("Rituximab in NMOSD\n\nRituximab reduced relapse (HR 0.5, 95% CI 0.2-0.8).\n",
                                   encoding="utf-8")
    before = tree_hashes(raw)
    elsewhere = tmp_path / "note.txt"
    elsewhere.write_text("Another trial\n\nHR 0.7 (95% CI 0.5-0.9).\n", encoding="utf-8")
    for inputs, out in (([raw], raw / "out.csv"), ([raw], raw / "sub" / "out.jsonl"),
                        ([elsewhere, raw], raw / "out.csv")):
        result = subprocess.run([console_script("evidence-review"), "extract", *map(str, inputs), "--out", str(out)],
                                cwd=tmp_path, capture_output=True, text=True, timeout=300)
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 2 and len(lines) == 1, result.stderr
        assert "inside the raw input" in lines[0] and "never written" in lines[0]
    assert tree_hashes(raw) == before and not (raw / "sub").exists()
    ok = subprocess.run([console_script("evidence-review"), "extract", str(raw), "--out", str(tmp_path / "out.csv")],
                        cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0 and "1 estimates from 1 documents" in ok.stdout, ok.stderr


def test_a_locked_reports_folder_refuses_a_run_with_other_processed_folder(tmp_path):
    """A lock held by another process on the reports folder alone is enough to refuse."""
    reports = tmp_path / "reports"
    reports.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, sys, time
        fh = open({str(reports / '.evidence-review-run.lock')!r}, "a")
        fcntl.flock(fh, fcntl.LOCK_EX)
        print("locked", flush=True)
        time.sleep(120)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = subprocess.run([console_script("evidence-review"), "run", "--raw", str(SEED_RAW),
                                 "--processed", str(tmp_path / "p2"), "--reports", str(reports), "--no-progress"],
                                cwd=tmp_path, capture_output=True, text=True, timeout=300)
    finally:
        holder.kill()
        holder.wait()
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert f"another evidence-review run is writing to the reports folder {reports}" in lines[0]
    assert not (tmp_path / "p2" / STAGING).exists() and not (reports / STAGING).exists()
    assert sorted(p.name for p in reports.iterdir()) == [".evidence-review-run.lock"]


# ---------------------------------------------------------------- the slow story, real runs

@pytest.fixture(scope="module")
def overlap(tmp_path_factory):
    base = tmp_path_factory.mktemp("shared-reports")
    project = _other_project(base)
    reports, processed_a, processed_c = base / "r", base / "pA", base / "pC"
    env = {k: v for k, v in __import__("os").environ.items() if k != "EVIDENCE_REVIEW_ROOT"}
    run_a = subprocess.Popen([console_script("evidence-review"), "run", "--raw", str(SEED_RAW), "--processed",
                              str(processed_a), "--reports", str(reports), "--no-progress"], cwd=project, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + RUN_TIMEOUT
    staging = reports / STAGING
    while run_a.poll() is None and time.monotonic() < deadline and not any(staging.rglob("01_ingest.ipynb")):
        time.sleep(0.05)
    a_was_running = run_a.poll() is None
    run_c = subprocess.run([console_script("evidence-review"), "run", "--raw", str(SEED_RAW), "--processed",
                            str(processed_c), "--reports", str(reports), "--no-progress"], cwd=project, env=env,
                           capture_output=True, text=True, timeout=RUN_TIMEOUT)
    a_was_running = a_was_running and run_a.poll() is None
    a_out, a_err = run_a.communicate(timeout=RUN_TIMEOUT)
    return dict(base=base, reports=reports, pA=processed_a, pC=processed_c, a_was_running=a_was_running,
                a=(run_a.returncode, a_out, a_err), c=run_c)


@pytest.mark.slow
def test_the_second_run_sharing_a_reports_folder_is_refused_in_one_line(overlap):
    assert overlap["a_was_running"], "run A ended before run C started (the test would prove nothing)"
    c = overlap["c"]
    lines = c.stderr.strip().splitlines()
    assert c.returncode == 2 and len(lines) == 1, c.stderr[-2000:]
    assert "another evidence-review run is writing to the reports folder" in lines[0]
    assert not (overlap["pC"] / "documents.csv").exists() and not (overlap["pC"] / STAGING).exists()


@pytest.mark.slow
def test_the_first_run_finishes_from_inside_another_project_with_only_its_own_folders(overlap):
    code, out, err = overlap["a"]
    assert code == 0, err[-3000:]
    reports = overlap["reports"]
    assert (reports / "evidence_report.html").is_file() and (overlap["pA"] / "documents.csv").is_file()
    assert not (reports / STAGING).exists()
    names_c = str(overlap["pC"])
    for path in [reports / "evidence_report.html", *sorted((reports / "executed").glob("*.ipynb"))]:
        assert names_c not in path.read_text(encoding="utf-8"), path
    # The package's notebooks ran, not the other project's (it has none of ours).
    import json

    executed = json.loads((reports / "executed" / "01_ingest.ipynb").read_text(encoding="utf-8"))
    assert executed["metadata"]["papermill"]["input_path"] == "notebooks/01_ingest.ipynb"


@pytest.mark.parametrize("flag", ["--processed", "--reports"])
def test_run_outputs_inside_a_raw_folder_are_refused_before_anything_is_written(tmp_path, capsys, flag):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Title\n\nHR 0.5 (95% CI 0.2-0.9).", encoding="utf-8")
    before = tree_hashes(raw)
    other = "--reports" if flag == "--processed" else "--processed"
    code = main(["run", "--raw", str(raw), flag, str(raw / "out"), other, str(tmp_path / "elsewhere")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "inside the raw folder" in err, err
    assert tree_hashes(raw) == before and not (raw / "out").exists() and not (tmp_path / "elsewhere").exists()
