"""The scale benchmark's plumbing (the benchmark itself runs the whole pipeline for minutes: `make bench SCALE=N`)."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

import pytest

from conftest import REPO_ROOT

bench_scale = pytest.importorskip("benchmarks.bench_scale")


def test_sizes_come_from_docs_or_from_scale(monkeypatch):
    monkeypatch.delenv("SCALE", raising=False)
    assert bench_scale.sizes_from(argparse.Namespace(docs=None)) == []
    monkeypatch.setenv("SCALE", "10000")
    assert bench_scale.sizes_from(argparse.Namespace(docs=None)) == [1000, 10000]
    assert bench_scale.sizes_from(argparse.Namespace(docs=[500, 50, 500])) == [50, 500]


def test_without_the_shared_folder_it_says_so_and_runs_nothing(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(bench_scale, "repo_root", lambda: tmp_path / "repo")
    assert bench_scale.main(["--docs", "10"]) == 0
    assert "scale benchmark skipped" in capsys.readouterr().out


def test_peak_memory_sums_a_process_and_its_children():
    pytest.importorskip("psutil")
    # A parent holding ~60 MB whose child holds ~60 MB: the sum is above either alone.
    child = "import time; b = bytearray(60 * 2**20); time.sleep(3)"
    parent = (f"import subprocess, sys, time; b = bytearray(60 * 2**20); "
              f"p = subprocess.Popen([sys.executable, '-c', {child!r}]); p.wait()")
    process = subprocess.Popen([sys.executable, "-c", parent], env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
    with bench_scale.PeakMemory(process.pid) as peak:
        started = time.monotonic()
        process.wait(timeout=60)
    assert time.monotonic() - started < 60
    assert peak.peak > 120 * 2**20


def test_stages_run_from_one_progress_line_of_the_runner_to_the_next():
    lines = [(12.0, "[1/4] running 01_ingest.ipynb"), (30.0, "some warning"), (40.0, "[2/4] running 02_extract.ipynb"),
             (90.0, "rendering evidence_report.html"), (95.0, "done in 95 s; tables in x")]
    assert bench_scale.stage_marks(lines, 10.0, 100.0) == [
        ("start-up", 10.0, 12.0), ("01_ingest", 12.0, 40.0), ("02_extract", 40.0, 90.0),
        ("render + promote", 90.0, 100.0)]


def test_a_stage_gets_the_cpu_used_between_its_marks_by_kind_of_process():
    mb = bench_scale.MB
    samples = [bench_scale.Sample(0.0, {"runner": 1.0}, {"runner": 100 * mb}),
               bench_scale.Sample(5.0, {"runner": 1.5, "kernel": 4.0}, {"runner": 100 * mb, "kernel": 200 * mb}),
               bench_scale.Sample(10.0, {"runner": 2.0, "kernel": 6.0, "pool worker": 10.0},
                                  {"runner": 100 * mb, "kernel": 200 * mb, "pool worker": 500 * mb})]
    first, second = bench_scale.stage_breakdown(samples, [("a", 0.0, 5.0), ("b", 5.0, 10.0)])
    assert first.cpu == {"runner": 0.5, "kernel": 4.0} and first.peak_mb == 300
    assert second.cpu == {"runner": 0.5, "kernel": 2.0, "pool worker": 10.0}
    assert second.cpu_total == 12.5 and second.cores_busy == 2.5 and second.peak_mb == 800


def test_processes_are_told_apart_by_command_line_and_parent():
    kind = bench_scale.process_kind
    assert kind(["python", "-m", "evidence_review.cli", "run"], "other", True) == "runner"
    kernel = ["python", "-m", "ipykernel_launcher", "-f", "k.json"]
    assert kind(kernel, "runner", False) == "kernel"
    assert kind(kernel, "kernel", False) == "kernel fork"
    server = ["python", "-c", "from multiprocessing.forkserver import main; main(1, 2)"]
    assert kind(server, "kernel", False) == "forkserver"
    assert kind(server, "forkserver", False) == "pool worker"
    assert kind(["python", "-c", "from multiprocessing.resource_tracker import main;main(5)"], "kernel", False) == "other"


def test_a_process_seen_before_its_exec_is_classified_again_once_its_command_line_changes():
    """A kernel starting its forkserver: sampled between the fork and the exec, the server has the kernel's command
    line ("kernel fork"); once it shows its own it is the forkserver, and the workers it forks are pool workers."""
    pytest.importorskip("psutil")

    class _Process:
        def __init__(self, pid, cmdline, parent=None):
            self.pid, self._cmdline, self._parent = pid, cmdline, parent

        def create_time(self):
            return 1.0

        def parent(self):
            return self._parent

        def cmdline(self):
            return self._cmdline

    peak = bench_scale.PeakMemory(os.getpid())
    root = _Process(os.getpid(), ["python", "-m", "evidence_review.cli", "run"])
    kernel_line = ["python", "-m", "ipykernel_launcher", "-f", "k.json"]
    kernel = _Process(10, kernel_line, root)
    server = _Process(11, kernel_line, kernel)
    for process in (root, kernel, server):
        peak._kind(process, (process.pid, 1.0))
    assert peak._kinds[(11, 1.0)] == "kernel fork"
    server._cmdline = ["python", "-c", "from multiprocessing.forkserver import main; main(1, 2)"]
    assert peak._kind(server, (11, 1.0)) == "forkserver"
    worker = _Process(12, server._cmdline, server)
    assert peak._kind(worker, (12, 1.0)) == "pool worker"
    server._cmdline = kernel_line       # settled: its kind no longer changes
    assert peak._kind(server, (11, 1.0)) == "forkserver"


def test_forked_children_share_pages_that_the_resident_sum_counts_twice():
    pytest.importorskip("psutil")
    if bench_scale.proportional_size(os.getpid()) is None:
        pytest.skip("no /proc/PID/smaps_rollup here")
    # a parent touching ~150 MB forks two children that only sleep: the resident sum counts the pages three times,
    # the proportional sum about once
    code = ("import os, time\n"
            "b = bytearray(150 * 2**20)\n"
            "b[::4096] = b'x' * len(b[::4096])\n"
            "kids = []\n"
            "for _ in range(2):\n"
            "    pid = os.fork()\n"
            "    if pid == 0:\n"
            "        time.sleep(4)\n"
            "        os._exit(0)\n"
            "    kids.append(pid)\n"
            "for pid in kids:\n"
            "    os.waitpid(pid, 0)\n")
    process = subprocess.Popen([sys.executable, "-c", code])
    with bench_scale.PeakMemory(process.pid) as peak:
        process.wait(timeout=60)
    assert peak.peak > 400 * 2**20
    assert 100 * 2**20 < peak.peak_pss < 300 * 2**20


def test_cpu_run_alone_and_the_least_wall_on_idle_cores_come_from_each_process():
    mb = bench_scale.MB
    sample = lambda at, by: bench_scale.Sample(at, {}, {"runner": mb}, by)  # noqa: E731
    samples = [sample(0.0, {}),
               sample(1.0, {"k": 0.9}),                       # one process alone: 0.9 s on one core
               sample(2.0, {"k": 1.0, "w1": 0.8, "w2": 0.8}),  # three at once on two cores: 1.7 s of CPU, 0.85 s
               sample(3.0, {"k": 1.0, "w1": 1.6, "w2": 0.8})]  # one worker alone again
    alone, bound = bench_scale.interval_cpu(samples, 0.0, 3.0, cores=2)
    assert alone == pytest.approx(0.9 + 0.8)
    assert bound == pytest.approx(0.9 + 0.85 + 0.8)
    stage, = bench_scale.stage_breakdown(samples, [("s", 1.0, 3.0)], cores=2)
    assert stage.alone == pytest.approx(0.8) and stage.bound == pytest.approx(0.85 + 0.8)


def test_stretches_of_one_process_alone_are_found_with_their_kind_and_the_waits_counted():
    mb = bench_scale.MB
    sample = lambda at, by: bench_scale.Sample(at, {}, {"runner": mb}, by)  # noqa: E731
    samples = [sample(0.0, {}),
               sample(1.0, {"k": 0.9}),                        # the kernel alone
               sample(2.0, {"k": 1.8}),                        # still alone: one stretch of 2 s
               sample(3.0, {"k": 1.8, "w1": 0.9, "w2": 0.9}),  # two workers: not alone
               sample(4.0, {"k": 1.8, "w1": 0.9, "w2": 0.9}),  # nothing ran: a wait
               sample(5.0, {"k": 1.8, "w1": 1.8, "w2": 0.9})]  # one worker alone, 1 s
    kinds = {"k": "kernel", "w1": "pool worker", "w2": "pool worker"}
    stretches, waits = bench_scale.serial_stretches(samples, kinds, 0.0, 5.0, min_seconds=0.5)
    assert [(s.offset, s.seconds, s.kind) for s in stretches] == [(0.0, 2.0, "kernel"), (4.0, 1.0, "pool worker")]
    assert stretches[0].cpu == pytest.approx(1.8)
    assert waits == pytest.approx(1.0)
    # a stage starting later sees offsets from its own start, and short stretches are left out
    stretches, _ = bench_scale.serial_stretches(samples, kinds, 3.0, 5.0, min_seconds=1.5)
    assert stretches == []
