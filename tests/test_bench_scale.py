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
