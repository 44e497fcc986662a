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
import bisect
import importlib.util
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
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
    cpu: float = 0.0  # CPU seconds of the run's processes (all of them, from the system's accounting)
    load: tuple[float, float] = (0.0, 0.0)  # the machine's 1-minute load average at the start and at the end
    stages: list = field(default_factory=list)  # Stage per stretch of the run (with psutil)
    peak_by_kind: dict = field(default_factory=dict)  # the peak's bytes by kind of process (with psutil)
    peak_pss_mb: float = 0.0  # the largest sum of proportional set sizes (shared pages divided), 0 when unknown


def shared_folder() -> Path | None:
    folder = repo_root().parent / "shared"
    return folder if (folder / GENERATOR).is_file() else None


def make_corpus(shared: Path, out: Path, docs: int, fmt: str) -> Path:
    subprocess.run([sys.executable, str(shared / GENERATOR), str(out), "-n", str(docs), "--format", fmt],
                   check=True, stdout=subprocess.DEVNULL)
    return out / "txt" if fmt == "txt" else out


#: What each process of a run is, from its command line and its parent's kind (for the stage breakdown).
PROCESS_KINDS = ("runner", "kernel", "kernel fork", "forkserver", "pool worker", "other")


def process_kind(cmdline: list[str], parent_kind: str, is_root: bool) -> str:
    """"runner", "kernel" (a notebook's ipykernel), "kernel fork" (a process a kernel forked: same command line),
    "forkserver", "pool worker" (forked by a forkserver), or "other" (resource tracker, nbconvert helpers ...)."""
    line = " ".join(cmdline)
    if is_root:
        return "runner"
    if "multiprocessing.forkserver" in line:
        return "pool worker" if parent_kind == "forkserver" else "forkserver"
    if "ipykernel_launcher" in line:
        return "kernel fork" if parent_kind in ("kernel", "kernel fork") else "kernel"
    return "other"


@dataclass
class Sample:
    """The process tree at one moment: when, the CPU seconds used so far by every process ever seen (a process
    that ended keeps its last sampled figure), and the resident sizes by kind of process."""

    at: float
    cpu: dict[str, float]
    rss: dict[str, int]
    by_process: dict = field(default_factory=dict)  # CPU seconds so far of each process (pid, start time) alive


    @property
    def total_rss(self) -> int:
        return sum(self.rss.values())


#: The proportional set size (PSS: each shared page divided among the processes sharing it) is read at most this
#: often, and only while the resident sum is near its peak: reading it costs the system 25-100 ms per process.
PSS_SECONDS = 1.0
PSS_NEAR_PEAK = 0.9


def proportional_size(pid: int) -> int | None:
    """The process's proportional set size in bytes (Linux `/proc/PID/smaps_rollup`), or None where unknown."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


class PeakMemory:
    """Samples a process and all its descendants in a thread every SAMPLE_SECONDS: the largest sum of their
    resident sizes (`peak`, with its make-up by kind of process in `peak_by_kind`), and the CPU time each kind of
    process used (`samples`, for the stage breakdown). A process's CPU after its last sample is not seen (at most
    SAMPLE_SECONDS of it per process).

    The resident sum counts a page shared by several processes once per process: the forked workers of a kernel share
    most of its heap (copy-on-write), so the sum overstates the memory the machine gives the run. `peak_pss` is the
    largest sum of proportional sizes (a shared page divided among its sharers: the sum is the memory in use),
    sampled near the resident peaks (PSS_SECONDS, PSS_NEAR_PEAK); 0 where the system does not tell it."""

    def __init__(self, pid: int):
        import psutil

        self.root = psutil.Process(pid)
        self.peak = 0
        self.peak_pss = 0
        self._pss_at = 0.0
        self.peak_by_kind: dict[str, int] = {}
        self.samples: list[Sample] = []
        self._kinds: dict[tuple[int, float], str] = {}
        self._cmdlines: dict[tuple[int, float], list] = {}  # the command line a process was first seen with
        self._settled: set[tuple[int, float]] = set()        # processes whose command line changed since (an exec)
        self._cpu: dict[tuple[int, float], float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _kind(self, process, key) -> str:
        import psutil

        # a process seen between its fork and its exec (a kernel starting its forkserver) has its parent's command
        # line: a "kernel fork" or "other" is looked at again until its command line changes, then kept
        if key not in self._kinds or (self._kinds[key] in ("kernel fork", "other") and key not in self._settled):
            try:
                parent = process.parent()
                parent_key = (parent.pid, parent.create_time()) if parent is not None else None
                cmdline = process.cmdline()
            except psutil.Error:
                parent_key, cmdline = None, []
            seen = self._cmdlines.setdefault(key, cmdline)
            if seen != cmdline:
                self._settled.add(key)
            self._kinds[key] = process_kind(cmdline, self._kinds.get(parent_key, "other"), process.pid == self.root.pid)
        return self._kinds[key]

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]  # parents before their children
            except psutil.Error:
                break
            rss: dict[str, int] = {}
            for process in processes:
                try:
                    key = (process.pid, process.create_time())
                    kind = self._kind(process, key)
                    with process.oneshot():
                        rss[kind] = rss.get(kind, 0) + process.memory_info().rss
                        times = process.cpu_times()
                    self._cpu[key] = times.user + times.system
                except psutil.Error:
                    pass
            cpu: dict[str, float] = {}
            for key, seconds in self._cpu.items():
                kind = self._kinds.get(key, "other")
                cpu[kind] = cpu.get(kind, 0.0) + seconds
            self.samples.append(Sample(time.monotonic(), cpu, rss, dict(self._cpu)))
            if sum(rss.values()) > self.peak:
                self.peak, self.peak_by_kind = sum(rss.values()), rss
            if sum(rss.values()) >= PSS_NEAR_PEAK * self.peak and time.monotonic() - self._pss_at >= PSS_SECONDS:
                self._pss_at = time.monotonic()
                sizes = [proportional_size(process.pid) for process in processes]
                if all(size is not None for size in sizes):
                    self.peak_pss = max(self.peak_pss, sum(sizes))
            self._stop.wait(SAMPLE_SECONDS)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


#: A process counts as running in a sampling interval when it used more CPU than this in it.
RUNNING_CPU_SECONDS = 0.005


@dataclass
class Stage:
    """One stretch of a run between two of the runner's progress lines: wall seconds, CPU seconds of all processes
    (by kind of process), the cores kept busy on average (CPU / wall) and the largest memory sampled in it.

    `alone` is the CPU spent in sampling intervals where only one of the run's processes ran (work that leaves every
    other core idle: the lever for parallel efficiency); `bound` is the wall the stage's CPU needs at the least on
    `cores` idle cores, interval by interval the larger of the busiest process's CPU and the CPU over the cores (it
    leaves out waits, and reads the same on a loaded machine as on an idle one, where the wall does not)."""

    name: str
    wall: float
    cpu: dict[str, float]
    peak_mb: float
    alone: float = 0.0
    bound: float = 0.0
    waits: float = 0.0  # wall of the sampling intervals where none of the run's processes ran
    stretches: list = field(default_factory=list)  # Stretch of one process running alone, longest first

    @property
    def cpu_total(self) -> float:
        return sum(self.cpu.values())

    @property
    def cores_busy(self) -> float:
        return self.cpu_total / self.wall if self.wall > 0 else 0.0


#: The runner's stderr lines that start a stage ("[1/4] running 01_ingest.ipynb", "rendering evidence_report.html").
STAGE_LINE = re.compile(r"^\[\d+/\d+\] running (?P<notebook>\S+?)(?:\.ipynb)?$|^(?P<render>rendering) ")


def stage_marks(lines: list[tuple[float, str]], started: float, ended: float) -> list[tuple[str, float, float]]:
    """(stage name, start, end) from the runner's timestamped stderr lines: "start-up" until the first notebook
    runs, one stage per notebook, "render + promote" from rendering to the end."""
    marks = [("start-up", started)]
    for at, line in lines:
        found = STAGE_LINE.match(line.strip())
        if found:
            marks.append((found.group("notebook") or "render + promote", at))
    return [(name, start, (marks[i + 1][1] if i + 1 < len(marks) else ended)) for i, (name, start) in enumerate(marks)]


def _cpu_at(samples: list[Sample], at: float) -> dict[str, float]:
    """The CPU seconds by kind used up to the last sample at or before `at` (nothing before the first sample)."""
    index = bisect.bisect_right([s.at for s in samples], at) - 1
    return samples[index].cpu if index >= 0 else {}


def interval_cpu(samples: list[Sample], start: float, end: float, cores: int) -> tuple[float, float]:
    """(CPU used while only one process ran, the least wall on `cores` idle cores) over the sampling intervals that
    end in (start, end] (see `Stage`)."""
    alone = bound = 0.0
    for previous, sample in zip(samples, samples[1:]):
        if not start < sample.at <= end:
            continue
        used = [seconds - previous.by_process.get(key, 0.0) for key, seconds in sample.by_process.items()]
        used = [u for u in used if u > RUNNING_CPU_SECONDS]
        if len(used) == 1:
            alone += used[0]
        if used:
            bound += max(max(used), sum(used) / cores)
    return alone, bound


@dataclass
class Stretch:
    """Consecutive sampling intervals of a stage in which one process ran alone (each other core idle): where it
    started (seconds into the stage), how long it lasted, the kind of process and the CPU it used."""

    offset: float
    seconds: float
    kind: str
    cpu: float


#: Stretches of one process alone shorter than this are not listed (they are still in `alone`).
STRETCH_MIN_SECONDS = 0.3


def serial_stretches(samples: list[Sample], kinds: dict, start: float, end: float,
                     min_seconds: float = STRETCH_MIN_SECONDS) -> tuple[list[Stretch], float]:
    """(the stretches of one process running alone in (start, end], longest first, those of at least
    `min_seconds`; the wall of the intervals where no process ran). `kinds`: each process's kind by its key."""
    stretches: list[Stretch] = []
    current: Stretch | None = None
    waits = 0.0
    for previous, sample in zip(samples, samples[1:]):
        if not start < sample.at <= end:
            continue
        used = {key: seconds - previous.by_process.get(key, 0.0) for key, seconds in sample.by_process.items()}
        running = [key for key, u in used.items() if u > RUNNING_CPU_SECONDS]
        kind = kinds.get(running[0], "other") if len(running) == 1 else None
        if not running:
            waits += sample.at - previous.at
        if kind is not None and current is not None and current.kind == kind \
                and abs(current.offset + current.seconds - (previous.at - start)) < 1e-9:
            current.seconds += sample.at - previous.at
            current.cpu += used[running[0]]
            continue
        if current is not None:
            stretches.append(current)
            current = None
        if kind is not None:
            current = Stretch(previous.at - start, sample.at - previous.at, kind, used[running[0]])
    if current is not None:
        stretches.append(current)
    kept = sorted((s for s in stretches if s.seconds >= min_seconds), key=lambda s: -s.seconds)
    return kept, waits


def stage_breakdown(samples: list[Sample], marks: list[tuple[str, float, float]], cores: int = 0,
                    kinds: dict | None = None) -> list[Stage]:
    cores = cores or os.cpu_count() or 1
    stages = []
    for name, start, end in marks:
        before, after = _cpu_at(samples, start), _cpu_at(samples, end)
        cpu = {kind: after.get(kind, 0.0) - before.get(kind, 0.0) for kind in PROCESS_KINDS
               if after.get(kind, 0.0) - before.get(kind, 0.0) > 0.005}
        inside = [s.total_rss for s in samples if start <= s.at <= end]
        alone, bound = interval_cpu(samples, start, end, cores)
        stretches, waits = serial_stretches(samples, kinds or {}, start, end)
        stages.append(Stage(name, end - start, cpu, max(inside, default=0) / MB, alone, bound, waits, stretches))
    return stages


def evidence_review_command() -> list[str]:
    script = Path(sys.executable).parent / "evidence-review"
    return [str(script)] if script.exists() else [sys.executable, "-m", "evidence_review.cli"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _read_lines(stream, into: list) -> None:
    for line in stream:
        into.append((time.monotonic(), line.rstrip("\n")))


def run_once(raw: Path, work: Path, docs: int, scheduler: str) -> Measure:
    command = [*evidence_review_command(), "run", "--raw", str(raw), "--processed", str(work / "processed"),
               "--reports", str(work / "reports"), "--no-progress"]
    if scheduler:
        command += ["--scheduler", scheduler]
    load_before, cpu_before = os.getloadavg()[0], _children_cpu()
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: list[tuple[float, str]] = []  # the runner's stderr, each line with when it came
    reader = threading.Thread(target=_read_lines, args=(process.stderr, lines), daemon=True)
    reader.start()
    stages, by_kind = [], {}
    if importlib.util.find_spec("psutil"):  # optional: the sum over all processes, and the stages
        with PeakMemory(process.pid) as peak:
            process.wait()
            ended = time.monotonic()
        reader.join()
        peak_bytes, kind = peak.peak, "all processes"
        stages = stage_breakdown(peak.samples, stage_marks(lines, started, ended), kinds=peak._kinds)
        by_kind = peak.peak_by_kind
        pss_mb = peak.peak_pss / MB
    else:
        process.wait()
        ended = time.monotonic()
        reader.join()
        pss_mb = 0.0
        # ru_maxrss is in kB on Linux: the largest single descendant, not the sum.
        peak_bytes, kind = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, "largest process"
    wall = ended - started
    if process.returncode:
        stderr = "\n".join(line for _, line in lines)
        print(f"  run on {docs} documents failed (status {process.returncode}):\n{stderr[-2000:]}", file=sys.stderr)
    report = work / "reports" / "evidence_report.html"
    return Measure(docs, wall, peak_bytes / MB, kind, report.stat().st_size / MB if report.exists() else 0.0,
                   process.returncode, cpu=_children_cpu() - cpu_before, load=(load_before, os.getloadavg()[0]),
                   stages=stages, peak_by_kind=by_kind, peak_pss_mb=pss_mb)


def sizes_from(args) -> list[int]:
    if args.docs:
        return sorted(set(args.docs))
    scale = os.environ.get("SCALE", "").strip()
    if not scale:
        return []
    largest = int(scale)
    return sorted({max(1, largest // 10), largest})


def print_table(measures: list[Measure]) -> None:
    print(f"{'documents':>10} {'wall s':>8} {'CPU s':>8} {'docs/s':>8} {'peak MB':>9} {'report MB':>10}  load  peak of")
    for m in measures:
        print(f"{m.docs:>10,} {m.wall:>8.1f} {m.cpu:>8.1f} {m.docs / m.wall:>8.1f} {m.peak_mb:>9.0f} "
              f"{m.report_mb:>10.1f}  {m.load[0]:.1f}-{m.load[1]:.1f}  "
              f"{m.peak_kind}{'' if m.returncode == 0 else '  (FAILED)'}")
    if len(measures) >= 2:
        small, large = measures[0], measures[-1]
        print(f"{'ratio':>10} {large.wall / small.wall:>8.2f} {large.cpu / max(small.cpu, 1e-9):>8.2f} {'':>8} "
              f"{large.peak_mb / small.peak_mb:>9.2f} {large.report_mb / max(small.report_mb, 1e-9):>10.2f}  "
              f"({large.docs / small.docs:.1f} is linear)")
    for m in measures:
        print_stages(m)


def print_stages(m: Measure) -> None:
    """Where the wall time of one run went: per stage its wall, CPU (by kind of process), cores kept busy, peak."""
    if not m.stages:
        return
    print(f"\n{m.docs:,} documents by stage (CPU sampled every {SAMPLE_SECONDS} s; load average "
          f"{m.load[0]:.1f} at the start, {m.load[1]:.1f} at the end):")
    print(f"  {'stage':<18} {'wall s':>7} {'CPU s':>7} {'cores':>6} {'alone s':>8} {'bound s':>8} {'waits s':>8} "
          f"{'peak MB':>8}  CPU s by process")
    for stage in m.stages:
        kinds = ", ".join(f"{kind} {seconds:.1f}" for kind, seconds in stage.cpu.items())
        print(f"  {stage.name:<18} {stage.wall:>7.1f} {stage.cpu_total:>7.1f} {stage.cores_busy:>6.2f} "
              f"{stage.alone:>8.1f} {stage.bound:>8.1f} {stage.waits:>8.1f} {stage.peak_mb:>8.0f}  {kinds}")
    print(f"  {'whole run':<18} {m.wall:>7.1f} {sum(s.cpu_total for s in m.stages):>7.1f} {'':>6} "
          f"{sum(s.alone for s in m.stages):>8.1f} {sum(s.bound for s in m.stages):>8.1f} "
          f"{sum(s.waits for s in m.stages):>8.1f}")
    print("  (alone: CPU while only one of the run's processes ran; bound: the least wall this CPU needs on idle "
          "cores, waits left out; waits: wall while none ran)")
    print(f"  one process alone for {STRETCH_MIN_SECONDS} s or more (seconds into the stage + how long, kind, CPU):")
    for stage in m.stages:
        if stage.stretches:
            listed = "; ".join(f"+{s.offset:.1f} {s.seconds:.1f} s {s.kind} ({s.cpu:.1f})" for s in stage.stretches[:6])
            print(f"    {stage.name:<16} {listed}")
    if m.peak_by_kind:
        parts = ", ".join(f"{kind} {size / MB:.0f}" for kind, size in sorted(m.peak_by_kind.items()))
        print(f"  peak {m.peak_mb:.0f} MB made of (MB): {parts}")
    if m.peak_pss_mb:
        print(f"  peak of the proportional sizes (shared pages counted once): {m.peak_pss_mb:.0f} MB")


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
