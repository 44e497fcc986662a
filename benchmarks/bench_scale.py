"""Scale: the whole run (`evidence-review run`: four notebooks and the report) on N generated documents, with its
wall time and peak memory, at two sizes ten times apart, and the ratio of each (10.0 is linear growth).

The corpus is made first by ../shared/tools/make_scale_corpus.py (N distinct abstracts from the shared corpora's
sentences) in a temporary folder; making it is not timed. Peak memory is that of all the run's processes together
(the runner, its kernels, their workers): the largest sum of their resident sizes, sampled every 0.1 s with psutil;
without psutil, the largest single process (`getrusage(RUSAGE_CHILDREN)`), which says less.

Opt-in, a run at 10,000 documents takes minutes: `make bench SCALE=10000` runs 1,000 and 10,000 documents
(SCALE=N runs N/10 and N); directly: `python -m benchmarks.bench_scale --docs 1000 10000 [--format txt|nbib]
[--scheduler tcp://HOST:PORT]`. Without SCALE or --docs it prints how to run it and stops. Without ../shared it
says so and stops.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from evidence_review.paths import repo_root

GENERATOR = Path("tools") / "make_scale_corpus.py"
SAMPLE_SECONDS = 0.1
MB = 1024 * 1024


@dataclass
class Measure:
    docs: int
    wall: float
    peak_mb: float
    peak_kind: str
    report_mb: float
    returncode: int


def shared_folder() -> Path | None:
    folder = repo_root().parent / "shared"
    return folder if (folder / GENERATOR).is_file() else None


def make_corpus(shared: Path, out: Path, docs: int, fmt: str) -> Path:
    subprocess.run([sys.executable, str(shared / GENERATOR), str(out), "-n", str(docs), "--format", fmt],
                   check=True, stdout=subprocess.DEVNULL)
    return out / "txt" if fmt == "txt" else out


class PeakMemory:
    """The largest sum of resident sizes of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int):
        import psutil

        self.root = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = 0
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            for process in processes:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(SAMPLE_SECONDS)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def evidence_review_command() -> list[str]:
    script = Path(sys.executable).parent / "evidence-review"
    return [str(script)] if script.exists() else [sys.executable, "-m", "evidence_review.cli"]


def run_once(raw: Path, work: Path, docs: int, scheduler: str) -> Measure:
    command = [*evidence_review_command(), "run", "--raw", str(raw), "--processed", str(work / "processed"),
               "--reports", str(work / "reports"), "--no-progress"]
    if scheduler:
        command += ["--scheduler", scheduler]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if importlib.util.find_spec("psutil"):  # optional: the sum over all processes
        with PeakMemory(process.pid) as peak:
            _, stderr = process.communicate()
        peak_bytes, kind = peak.peak, "all processes"
    else:
        _, stderr = process.communicate()
        # ru_maxrss is in kB on Linux: the largest single descendant, not the sum.
        peak_bytes, kind = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, "largest process"
    wall = time.monotonic() - started
    if process.returncode:
        print(f"  run on {docs} documents failed (status {process.returncode}):\n{stderr[-2000:]}", file=sys.stderr)
    report = work / "reports" / "evidence_report.html"
    return Measure(docs, wall, peak_bytes / MB, kind, report.stat().st_size / MB if report.exists() else 0.0,
                   process.returncode)


def sizes_from(args) -> list[int]:
    if args.docs:
        return sorted(set(args.docs))
    scale = os.environ.get("SCALE", "").strip()
    if not scale:
        return []
    largest = int(scale)
    return sorted({max(1, largest // 10), largest})


def print_table(measures: list[Measure]) -> None:
    print(f"{'documents':>10} {'wall s':>8} {'docs/s':>8} {'peak MB':>9} {'report MB':>10}  peak of")
    for m in measures:
        print(f"{m.docs:>10,} {m.wall:>8.1f} {m.docs / m.wall:>8.1f} {m.peak_mb:>9.0f} {m.report_mb:>10.1f}  "
              f"{m.peak_kind}{'' if m.returncode == 0 else '  (FAILED)'}")
    if len(measures) >= 2:
        small, large = measures[0], measures[-1]
        print(f"{'ratio':>10} {large.wall / small.wall:>8.2f} {'':>8} {large.peak_mb / small.peak_mb:>9.2f} "
              f"{large.report_mb / max(small.report_mb, 1e-9):>10.2f}  ({large.docs / small.docs:.1f} is linear)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", help="corpus sizes (default: from SCALE)")
    parser.add_argument("--format", choices=["txt", "nbib"], default="txt",
                        help="one text file per document (default) or one PubMed export")
    parser.add_argument("--scheduler", default="", help="passed to evidence-review run --scheduler")
    args = parser.parse_args(argv)
    sizes = sizes_from(args)
    if not sizes:
        print("scale benchmark not run (minutes): make bench SCALE=10000 runs it at 1,000 and 10,000 documents")
        return 0
    shared = shared_folder()
    if shared is None:
        print(f"scale benchmark skipped: {repo_root().parent / 'shared' / GENERATOR} not found "
              "(the corpus is generated from the shared corpora)")
        return 0
    measures = []
    for docs in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"bench-scale-{docs}-"))
        try:
            made = time.monotonic()
            raw = make_corpus(shared, work / "corpus", docs, args.format)
            print(f"{docs:,} documents ({args.format}) generated in {time.monotonic() - made:.1f} s (not timed); "
                  "running ...", flush=True)
            measures.append(run_once(raw, work, docs, args.scheduler))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print_table(measures)
    return 0 if all(m.returncode == 0 for m in measures) else 1


if __name__ == "__main__":
    sys.exit(main())
