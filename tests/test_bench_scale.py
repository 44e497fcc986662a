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
