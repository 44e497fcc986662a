"""Reliability of interrupted and overlapping runs, beyond the SIGKILL case of test_pipeline_e2e.py:

- Ctrl-C (SIGINT) and `kill` (SIGTERM) sent to the runner alone, mid-run: a non-zero exit without a traceback,
  the previous outputs byte-identical, no staging folder left, and no orphaned kernel process;
- a second run on the same output folders while one is running: refused at once with a one-line message,
  and the first run still completes with the same bytes as before.

One module fixture tells the whole story in order; the tests assert on what each step left behind.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import REPO_ROOT, SEED_RAW, console_script, tree_hashes

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process tree read from /proc")]

RUN_TIMEOUT = 900
STAGING = ".staging-run"


def outputs(processed: Path, reports: Path) -> dict[str, str]:
    snap = {f"processed/{k}": v for k, v in tree_hashes(processed).items() if not k.startswith(".")}
    snap.update({f"reports/{k}": v for k, v in tree_hashes(reports).items() if not k.startswith(".")})
    return snap


def descendants(pid: int) -> set[int]:
    """Every live process below `pid` (read from /proc, so no extra dependency)."""
    parents: dict[int, int] = {}
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat_file.read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...; comm may hold spaces and parentheses, so split after the last ')'
        parents[int(text.split(" ", 1)[0])] = int(text.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@dataclass
class Interrupted:
    returncode: int | None = None
    stderr: str = ""
    reached_stage: bool = False
    children_seen: set = field(default_factory=set)
    children_left: set = field(default_factory=set)
    outputs_after: dict = field(default_factory=dict)
    staging_left: list = field(default_factory=list)


@dataclass
class Story:
    first: subprocess.CompletedProcess
    first_outputs: dict
    interrupted: dict
    overlapping: subprocess.CompletedProcess | None = None
    overlap_was_running: bool = False
    finished_after_overlap: tuple | None = None
    outputs_after_overlap: dict = field(default_factory=dict)


def _start(common: list[str], base: Path) -> subprocess.Popen:
    return subprocess.Popen([console_script("evidence-review"), *common, "--no-progress"], cwd=base,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait_for(predicate, proc: subprocess.Popen, timeout: float = RUN_TIMEOUT) -> bool:
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Story:
    base = tmp_path_factory.mktemp("interrupts")
    raw, processed, reports = base / "raw", base / "processed", base / "reports"
    shutil.copytree(SEED_RAW, raw)
    common = ["run", "--raw", str(raw), "--processed", str(processed), "--reports", str(reports)]
    first = subprocess.run([console_script("evidence-review"), *common, "--no-progress"], cwd=base,
                           capture_output=True, text=True, timeout=RUN_TIMEOUT)
    s = Story(first=first, first_outputs=outputs(processed, reports), interrupted={})
    staging = reports / STAGING

    for sig in (signal.SIGINT, signal.SIGTERM):
        result = Interrupted()
        proc = _start(common, base)
        # Wait until a kernel runs the first notebook, then signal the runner only (not its process group).
        result.reached_stage = _wait_for(lambda: staging.is_dir() and any(staging.rglob("01_ingest.ipynb"))
                                         and bool(descendants(proc.pid)), proc)
        result.children_seen = descendants(proc.pid)
        if result.reached_stage:
            os.kill(proc.pid, sig)
        try:
            _, result.stderr = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            _, result.stderr = proc.communicate(timeout=60)
        result.returncode = proc.returncode
        deadline = time.monotonic() + 30  # a kernel gets a moment to notice its parent is gone
        while time.monotonic() < deadline and any(alive(p) for p in result.children_seen):
            time.sleep(0.2)
        result.children_left = {p for p in result.children_seen if alive(p)}
        for pid in result.children_left:  # do not leave them running for the rest of the suite
            os.kill(pid, signal.SIGKILL)
        result.outputs_after = outputs(processed, reports)
        result.staging_left = [str(p) for p in (processed / STAGING, staging) if p.exists()]
        s.interrupted[sig.name] = result

    # A second run while one is running.
    proc = _start(common, base)
    s.overlap_was_running = _wait_for(lambda: staging.is_dir() and any(staging.rglob("*.ipynb")), proc)
    s.overlapping = subprocess.run([console_script("evidence-review"), *common, "--no-progress"], cwd=base,
                                   capture_output=True, text=True, timeout=RUN_TIMEOUT)
    s.overlap_was_running = s.overlap_was_running and proc.poll() is None
    stdout, stderr = proc.communicate(timeout=RUN_TIMEOUT)
    s.finished_after_overlap = (proc.returncode, stderr)
    s.outputs_after_overlap = outputs(processed, reports)
    return s


def test_first_run_completes(story):
    assert story.first.returncode == 0, story.first.stderr[-3000:]
    assert story.first_outputs


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_interrupt_stops_cleanly_and_leaves_previous_outputs(story, signal_name):
    result = story.interrupted[signal_name]
    assert result.reached_stage, "the run finished before it could be interrupted"
    assert result.returncode not in (0, None), result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.outputs_after == story.first_outputs
    assert result.staging_left == []


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_interrupt_leaves_no_kernel_running(story, signal_name):
    result = story.interrupted[signal_name]
    assert result.children_seen, "no kernel was seen (the test would prove nothing)"
    assert result.children_left == set(), f"processes still running after the runner exited: {result.children_left}"


def test_second_run_on_the_same_outputs_is_refused_with_one_line(story):
    assert story.overlap_was_running, "the first run ended before the second started"
    result = story.overlapping
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "another evidence-review run" in lines[0], result.stderr


def test_the_running_run_is_not_disturbed_by_the_refused_one(story):
    returncode, stderr = story.finished_after_overlap
    assert returncode == 0, stderr[-3000:]
    assert story.outputs_after_overlap == story.first_outputs
