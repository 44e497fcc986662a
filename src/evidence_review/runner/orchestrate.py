"""`evidence-review run`: the four notebooks in order, each on a fresh kernel, then the HTML report, as one
transaction (see `transaction`): the outputs change only when everything succeeded."""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

from .. import paths
from ..errors import ConfigError
from .config import (NOTEBOOKS, RunConfig, check_config, declared_defaults, display_path, notebook_parameters,
                     parameters_for)
from .execute import Kernel, NotebookFailed, check_kernel, describe_failure, execute, finalize_executed, \
    kernel_log_tail, notebook_imports
from .transaction import (EXECUTED_SUBDIR, Staging, output_locks, promote, sigterm_unwinds, staging_replacements,
                          terminate_as_interrupt)

REPORT_NOTEBOOK = "04_report.ipynb"
REPORT_HTML = "evidence_report.html"
RUN_PARAMETERS = "run_parameters.json"
# Kernels started ahead of the notebook that runs: one hides the next kernel's start and imports behind the current
# notebook (warm run on the shipped corpus ~40% shorter); more would cost an idle kernel (~190 MB) each beside
# ingestion, the stage that needs the most memory on a large corpus, where each notebook runs long enough to hide
# the next kernel's boot anyway.
KERNELS_AHEAD = 1
# On a small corpus every notebook takes a second or less, shorter than a kernel's boot and imports (the pooling and
# report kernels import for 2-3 s of CPU): there all four kernels start at once, and the memory does not matter.
SMALL_CORPUS_BYTES = 1_000_000
# The tag of a notebook's cell after which the notebook writes nothing the next one reads (its later cells only show
# what it wrote): the next notebook starts as soon as that cell has run, while these display cells run beside it
# (`NotebookRun`). At 10,000 documents the display cells of 01-03 took 0.4-1.4 s each, on one core while the other
# idled (the next kernel had booted and waited).
OUTPUTS_WRITTEN_TAG = "outputs-written"
# How often the runner, waiting for a notebook, looks whether another one failed (seconds).
POLL_SECONDS = 0.2
# How long a notebook still running is given to stop once the run is given up (its kernel was shut down).
STOP_SECONDS = 10.0
# The notebooks that read the documents on a pool of local workers (`parallel.map_partitions`): their kernels start
# the pool's forkserver while they boot ahead (`forkserver_ahead`).
POOLED_NOTEBOOKS = ("01_ingest.ipynb", "02_extract.ipynb")


def main(args: argparse.Namespace) -> int:
    config = RunConfig.from_args(args, paths.repo_root())
    return run_pipeline(config)


def run_parameters(declared: dict[str, dict], config: RunConfig) -> dict[str, dict]:
    """{notebook file name: {parameter: value}} as the run used them: each notebook's defaults overridden by what
    the runner passed, with the final folders (repository-relative when inside the repository), never staging."""
    return {name: {**declared_defaults(params), **parameters_for(params, config, config.processed, config.reports)}
            for name, params in sorted(declared.items())}


def write_run_parameters(path: Path, parameters: dict) -> None:
    from ..atomic import write_text_atomic

    write_text_atomic(path, json.dumps(parameters, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def progress_to_terminal(config: RunConfig) -> None:
    """A kernel's stderr goes to its log, not to the person who started the run: when that person watches a
    terminal, the per-document progress bars of the kernels are sent to it (see `evidence_review.progress`)."""
    from ..progress import ENV_VAR

    if not config.progress or os.environ.get(ENV_VAR):
        return
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            os.environ[ENV_VAR] = os.ttyname(sys.stderr.fileno())
    except (OSError, ValueError, AttributeError):  # no terminal behind stderr after all: no bars
        pass


def corpus_is_small(raw: list[Path], limit: int = SMALL_CORPUS_BYTES) -> bool:
    """True when the raw folders (or files) hold at most `limit` bytes of files (the walk stops past the limit;
    an unreadable entry counts as nothing: the run itself reports it)."""
    total = 0
    pending = [Path(p) for p in raw]
    while pending:
        path = pending.pop()
        try:
            if path.is_file():
                total += path.stat().st_size
            elif path.is_dir():
                pending.extend(Path(entry.path) for entry in os.scandir(path))
        except OSError:
            continue
        if total > limit:
            return False
    return True


def raw_files_at_least(raw: list[Path], count: int) -> bool:
    """True when the raw folders (or files) hold at least `count` files (the walk stops there)."""
    found = 0
    pending = [Path(p) for p in raw]
    while pending and found < count:
        path = pending.pop()
        try:
            if path.is_file():
                found += 1
            elif path.is_dir():
                pending.extend(Path(entry.path) for entry in os.scandir(path))
        except OSError:
            continue
    return found >= count


def forkserver_ahead(source: Path, config: RunConfig) -> bool:
    """Whether the kernel of `source` starts its pool's forkserver while it boots (`parallel.start_forkserver`):
    for the notebooks that read documents on local workers, when they surely will, that is with the "processes"
    scheduler or, with the automatic one, from twice the pool's threshold of raw files (duplicates and unreadable
    files are not extracted; an export of many records in one file is read by its own pools). The server's imports
    then run while the previous notebook runs (for extraction ~0.8 s of CPU, before which no worker could start)."""
    from ..parallel import POOL_MIN_ITEMS

    if source.name not in POOLED_NOTEBOOKS:
        return False
    if config.scheduler == "processes":
        return True
    return config.scheduler == "" and raw_files_at_least(config.raw, 2 * POOL_MIN_ITEMS)


def kernels_ahead(config: RunConfig) -> int:
    """How many kernels boot ahead of the notebook that runs (see KERNELS_AHEAD and SMALL_CORPUS_BYTES)."""
    return len(NOTEBOOKS) - 1 if corpus_is_small(config.raw) else KERNELS_AHEAD


def _import_renderer() -> None:
    """Import the report renderer (nbconvert, about a second of CPU), in a thread while the notebooks run: the
    runner only waits for its kernels then, and rendering is the last step, which nothing else overlaps. A failure
    is left for the import at rendering time to report."""
    try:
        import evidence_review.report.render  # noqa: F401, PLC0415
    except Exception:  # noqa: BLE001
        pass


def _start_kernel(source: Path, config: RunConfig) -> Kernel:
    try:
        return Kernel.start(config.root, notebook_imports(source), forkserver_ahead(source, config))
    except Exception as exc:
        raise NotebookFailed(f"notebook {source.name} stopped: its kernel did not start: {type(exc).__name__}: "
                             f"{exc}\n  previous outputs were left unchanged") from None


def ready_kernel(kernel: Kernel, source: Path, config: RunConfig) -> Kernel:
    """`kernel` once it answers, or a second one started in its place when it died while starting: a kernel can
    lose the race for the ports it was given to another process on the machine ('Address already in use')."""
    try:
        kernel.wait_until_ready()
        return kernel
    except Exception:
        kernel.shutdown()
    replacement = _start_kernel(source, config)
    try:
        replacement.wait_until_ready()
    except Exception as exc:
        message = (f"notebook {source.name} stopped: its kernel did not start: {type(exc).__name__}: {exc}\n"
                   f"  previous outputs were left unchanged{kernel_log_tail(replacement.log)}")
        replacement.shutdown()
        raise NotebookFailed(message) from None
    return replacement


def _run_one(number: int, source: Path, kernel: Kernel, params: dict, config: RunConfig, staging: Staging,
             replacements: list[tuple[str, str]], on_cell_complete=None) -> None:
    from papermill.exceptions import PapermillExecutionError

    name, target = source.name, staging.executed / source.name
    print(f"[{number}/{len(NOTEBOOKS)}] running {name}", file=sys.stderr, flush=True)
    sigterm_unwinds()
    try:
        execute(kernel, source, target, params, cwd=config.root, progress=config.progress,
                cell_timeout=config.cell_timeout, on_cell_complete=on_cell_complete)
    except PapermillExecutionError as exc:
        failed = config.reports / EXECUTED_SUBDIR / name.replace(".ipynb", ".failed.ipynb")
        failed.parent.mkdir(parents=True, exist_ok=True)
        message = describe_failure(name, exc, target, display_path(failed, config.root))
        if target.exists():
            try:
                finalize_executed(target, replacements, display_path(source, config.root))
            except Exception:  # keep the notebook as papermill left it
                pass
            os.replace(target, failed)
        raise NotebookFailed(message) from None
    except Exception as exc:  # dead kernel, cell timeout, kernel that cannot start ...
        raise NotebookFailed(f"notebook {name} stopped: {type(exc).__name__}: {exc}\n"
                             f"  previous outputs were left unchanged{kernel_log_tail(kernel.log)}") from None


def outputs_written(cell) -> bool:
    """Whether `cell` (as papermill hands it over once it has run) is a notebook's last writing cell and ran
    without an error."""
    metadata = cell.get("metadata", {})
    return OUTPUTS_WRITTEN_TAG in metadata.get("tags", []) and not metadata.get("papermill", {}).get("exception")


class NotebookRun(threading.Thread):
    """One notebook executed in a thread of its own (`_run_one`): `outputs_ready` is set once the notebook has
    written all it writes (its OUTPUTS_WRITTEN_TAG cell ran without an error) or it ended, so that the next
    notebook can start while this one's display cells run. A failure is appended to `failures` (shared by the
    run's notebooks, in the order they failed)."""

    def __init__(self, number: int, source: Path, kernel: Kernel, params: dict, config: RunConfig, staging: Staging,
                 replacements: list[tuple[str, str]], failures: list):
        super().__init__(name=f"notebook-{source.stem}", daemon=True)
        self.args = (number, source, kernel, params, config, staging, replacements)
        self.failures = failures
        self.outputs_ready = threading.Event()

    def _cell_done(self, cell) -> None:
        if outputs_written(cell):
            self.outputs_ready.set()

    def run(self) -> None:
        try:
            _run_one(*self.args, on_cell_complete=self._cell_done)
        except BaseException as exc:  # noqa: BLE001 - handed to the runner's thread, which raises it
            self.failures.append(exc)
        finally:
            self.outputs_ready.set()


def _raise_first_failure(failures: list) -> None:
    if failures:
        raise failures[0]


def _wait(done, failures: list) -> None:
    """Until `done()`; a notebook's failure (any of the run's) is raised at once. Waits in short steps, so that
    Ctrl-C and SIGTERM reach this thread."""
    while not done():
        _raise_first_failure(failures)
        time.sleep(POLL_SECONDS)
    _raise_first_failure(failures)


def _shut_down_finished(runs: list[NotebookRun], kernels: dict) -> None:
    """Release the kernels of the notebooks that ended (papermill stopped them; their logs are closed here)."""
    for index, run in enumerate(runs):
        if not run.is_alive() and index in kernels:
            kernels.pop(index).shutdown()


def run_pipeline(config: RunConfig) -> int:
    sources = [config.notebooks_dir / name for name in NOTEBOOKS]
    missing = [str(s) for s in sources if not s.exists()]
    if missing:
        where = "--notebooks" if config.notebooks else "the evidence-review repository (or give --notebooks DIR)"
        raise ConfigError(f"notebook not found: {missing[0]}; the four notebooks are read from {where}")
    started = time.monotonic()
    # The first kernel boots (and imports) while the runner reads the notebooks' parameters (papermill's import
    # alone takes ~1.4 s): its start is off the critical path. When it cannot start here, the loop below starts it
    # again and reports the failure there.
    kernels: dict[int, Kernel] = {}
    try:
        kernels[0] = Kernel.start(config.root, notebook_imports(sources[0]), forkserver_ahead(sources[0], config))
    except Exception:
        pass
    try:
        return _run_notebooks(config, sources, kernels, started)
    finally:
        while kernels:  # the early kernel when the configuration was refused
            kernels.popitem()[1].shutdown()


def _run_notebooks(config: RunConfig, sources: list[Path], kernels: dict[int, "Kernel"], started: float) -> int:
    declared = {s.name: notebook_parameters(s) for s in sources}
    check_config(config, declared)
    check_kernel()
    progress_to_terminal(config)

    staging = Staging.beside(config.processed, config.reports)
    replacements = staging_replacements(config, staging)
    runs: list[NotebookRun] = []
    with output_locks(config), terminate_as_interrupt():
        staging.create()
        try:
            # Written first: the report notebook reads it (known before any notebook runs).
            write_run_parameters(staging.executed / RUN_PARAMETERS, run_parameters(declared, config))
            ahead_count = kernels_ahead(config)
            threading.Thread(target=_import_renderer, name="import-renderer", daemon=True).start()
            failures: list = []
            for index, source in enumerate(sources):
                # The next notebook's kernel boots (and imports) while this one runs.
                for ahead in range(index, index + 1 + ahead_count):
                    if ahead < len(sources) and ahead not in kernels:
                        kernels[ahead] = _start_kernel(sources[ahead], config)
                params = parameters_for(declared[source.name], config, staging.processed, staging.reports)
                kernels[index] = ready_kernel(kernels[index], source, config)
                sigterm_unwinds()   # a notebook ended in another thread may have reset SIGTERM (see sigterm_unwinds)
                run = NotebookRun(index + 1, source, kernels[index], params, config, staging, replacements,
                                  failures)
                runs.append(run)
                run.start()
                # the next notebook starts once this one has written its outputs (its display cells run meanwhile)
                _wait(run.outputs_ready.is_set, failures)
                _shut_down_finished(runs, kernels)
            _wait(lambda: not any(r.is_alive() for r in runs), failures)
            _shut_down_finished(runs, kernels)
            sigterm_unwinds()
            for source in sources:
                finalize_executed(staging.executed / source.name, replacements, display_path(source, config.root))

            from ..report.pages import stale_pages
            from ..report.render import render_report

            print(f"rendering {REPORT_HTML}", file=sys.stderr, flush=True)
            try:
                render_report(staging.executed / REPORT_NOTEBOOK, staging.reports / REPORT_HTML)
            except Exception as exc:
                raise NotebookFailed(f"rendering {REPORT_NOTEBOOK} to HTML failed: {type(exc).__name__}: {exc}\n"
                                     f"  previous outputs were left unchanged") from None

            # Everything succeeded: tables first, then figures and notebooks, the report itself last.
            report_pages = [p.name for p in staging.reports.iterdir() if p.is_file()]
            promote(staging.processed, config.processed)
            promote(staging.reports, config.reports, owned_subdirs=(EXECUTED_SUBDIR, "figures"), last=REPORT_HTML)
            for old in stale_pages(config.reports, report_pages):  # an earlier, larger report's appendix pages
                old.unlink(missing_ok=True)
        except NotebookFailed as exc:
            print(f"evidence-review run: error: {exc}", file=sys.stderr)
            return 1
        finally:
            while kernels:
                kernels.popitem()[1].shutdown()
            for run in runs:    # a notebook whose kernel was just shut down stops writing into staging
                run.join(STOP_SECONDS)
            staging.discard()

    elapsed = time.monotonic() - started
    print(f"done in {elapsed:.0f} s; tables in {config.processed}", file=sys.stderr)
    print(f"report: {config.reports / REPORT_HTML}")
    return 0
