"""`evidence-review run`: execute the four notebooks with papermill, then render the HTML report.

A run never leaves a half-written result behind. Every notebook writes into staging folders
(`<processed>/.staging-run/` and `<reports>/.staging-run/`, on the same filesystems as the final
places); only when all four notebooks and the report succeeded is each output file moved into
place with `os.replace`. A failing cell, an interrupt or a kill therefore leaves the previous
complete outputs as they were; a leftover staging folder is discarded by the next run.
"""
from __future__ import annotations

import argparse
import ast
import fcntl
import json
import os
import shutil
import signal
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import paths
from .errors import ConfigError

NOTEBOOKS = ["01_ingest.ipynb", "02_extract.ipynb", "03_pool.ipynb", "04_report.ipynb"]
REPORT_NOTEBOOK = "04_report.ipynb"
REPORT_HTML = "evidence_report.html"
EXECUTED_SUBDIR = "executed"
STAGING_NAME = ".staging-run"
LOCK_NAME = ".evidence-review-run.lock"
KERNEL_NAME = "python3"
INJECTED_CELL_ID = "injected-parameters"

# Parameters the runner sets from its own flags; `-p` may not override them because the
# runner must redirect them to the staging folders.
RUNNER_PARAMETERS = {"raw_dirs": "--raw", "processed_dir": "--processed", "reports_dir": "--reports"}


# ---------------------------------------------------------------- command line

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--raw", action="append", metavar="DIR", default=None,
                        help=f"folder (or file) of raw documents; repeatable (default: {paths.DEFAULT_RAW})")
    parser.add_argument("--processed", metavar="DIR", default=None,
                        help=f"where the tables are written (default: {paths.DEFAULT_PROCESSED})")
    parser.add_argument("--reports", metavar="DIR", default=None,
                        help=f"where the report, figures and executed notebooks go (default: {paths.DEFAULT_REPORTS})")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                        help="set a notebook parameter in every notebook that declares it; "
                             "VALUE is read as a Python/JSON literal when it is one, else as text")
    parser.add_argument("--notebooks", metavar="DIR", default=None,
                        help="folder holding 01_ingest.ipynb ... 04_report.ipynb (default: the notebooks/ folder "
                             "of the evidence-review repository the package is installed from)")
    parser.add_argument("--cell-timeout", type=float, default=3600, metavar="SECONDS",
                        help="stop the run when one cell runs longer than this (default: 3600)")
    parser.add_argument("--no-progress", action="store_true", help="hide papermill's progress bars")


def main(args: argparse.Namespace) -> int:
    root = paths.repo_root()
    config = RunConfig.from_args(args, root)
    return run_pipeline(config)


# ---------------------------------------------------------------- configuration

@dataclass
class RunConfig:
    root: Path
    raw: list[Path]
    processed: Path
    reports: Path
    overrides: dict = field(default_factory=dict)
    cell_timeout: float | None = 3600
    progress: bool = True
    notebooks: Path | None = None  # None: <root>/notebooks

    @property
    def notebooks_dir(self) -> Path:
        return self.notebooks or self.root / paths.NOTEBOOKS_SUBDIR

    @classmethod
    def from_args(cls, args: argparse.Namespace, root: Path) -> "RunConfig":
        # Paths given on the command line are taken from the working directory, as any
        # command-line tool does; the defaults live in the repository.
        raw = [_from_cwd(p) for p in args.raw] if args.raw else [paths.resolve(paths.DEFAULT_RAW, root)]
        processed = _from_cwd(args.processed) if args.processed else paths.resolve(paths.DEFAULT_PROCESSED, root)
        reports = _from_cwd(args.reports) if args.reports else paths.resolve(paths.DEFAULT_REPORTS, root)
        overrides = {}
        for name, value in args.parameter:
            if name in RUNNER_PARAMETERS:
                raise ConfigError(f"set {name} with {RUNNER_PARAMETERS[name]}, not with -p")
            overrides[name] = parse_value(value)
        timeout = args.cell_timeout if args.cell_timeout and args.cell_timeout > 0 else None
        notebooks = _from_cwd(args.notebooks) if getattr(args, "notebooks", None) else None
        return cls(root=root, raw=raw, processed=processed, reports=reports, overrides=overrides,
                   cell_timeout=timeout, progress=not args.no_progress, notebooks=notebooks)


def _from_cwd(path: str) -> Path:
    return (Path.cwd() / Path(path).expanduser()).resolve()


def parse_value(text: str):
    """A `-p` value: a Python or JSON literal when it reads as one (3, 0.5, true, None, [..]), else the text."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        pass
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return text


def notebook_parameters(notebook: Path) -> dict:
    """Parameter name -> papermill's description, read from the cell tagged `parameters`."""
    import papermill

    return papermill.inspect_notebook(str(notebook))


def _is_within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def check_config(config: RunConfig, declared: dict[str, dict]) -> None:
    """Raise ConfigError for anything the user can fix before a notebook starts."""
    for raw in config.raw:
        if not raw.exists():
            raise ConfigError(f"raw folder not found: {raw}")
    for label, out in (("processed", config.processed), ("reports", config.reports)):
        for raw in config.raw:
            if raw.is_dir() and _is_within(out, raw):
                raise ConfigError(f"--{label} {out} is inside the raw folder {raw}; raw inputs are never written")
    known = set().union(*declared.values()) if declared else set()
    unknown = sorted(set(config.overrides) - known)
    if unknown:
        settable = sorted(known - set(RUNNER_PARAMETERS))
        raise ConfigError(f"unknown parameter {', '.join(unknown)}; -p can set: {', '.join(settable)}")


def _lock_folders(config: RunConfig) -> list[tuple[str, Path]]:
    """(label, folder) of every output folder, each once (processed and reports may be one folder)."""
    seen, out = set(), []
    for label, folder in (("processed", config.processed), ("reports", config.reports)):
        key = folder.resolve()
        if key not in seen:
            seen.add(key)
            out.append((label, folder))
    return out


@contextmanager
def _output_locks(config: RunConfig):
    """One run at a time per output folder: the processed and the reports folder each get a lock, taken before
    anything else is written there (only the folder and its lock file are created first). A second run sharing
    either folder stops with a one-line message instead of promoting into the first run's outputs.

    The lock is `flock` on `<folder>/.evidence-review-run.lock`: the kernel releases it when the process ends,
    however it ends, so a killed run never leaves a stale lock behind.
    """
    from contextlib import ExitStack

    with ExitStack() as stack:
        for label, folder in _lock_folders(config):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                fh = stack.enter_context(open(folder / LOCK_NAME, "a"))
            except OSError as exc:
                raise ConfigError(f"cannot write to the {label} folder {folder}: {exc.strerror or exc}") from None
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise ConfigError(f"another evidence-review run is writing to the {label} folder {folder}; "
                                  "wait for it to finish or choose another folder") from None
            stack.callback(fcntl.flock, fh, fcntl.LOCK_UN)
            _prove_writable(folder, label)
        yield


def _prove_writable(folder: Path, label: str) -> None:
    """An existing lock file opens even in a folder that became read-only: try a new file for real (root ignores
    permission bits, so checking them would not tell)."""
    probe = folder / f".write-probe-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ConfigError(f"cannot write to the {label} folder {folder}: {exc.strerror or exc}") from None


# ---------------------------------------------------------------- executed-notebook normalization

def _replace_in(value, replacements: list[tuple[str, str]]):
    if isinstance(value, str):
        for old, new in replacements:
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_replace_in(v, replacements) for v in value]
    if isinstance(value, dict):
        return type(value)({k: _replace_in(v, replacements) for k, v in value.items()})
    return value


def normalize_executed(nb, replacements: list[tuple[str, str]] = ()):
    """Make an executed notebook byte-stable across runs (returns a new notebook node).

    Drops the times papermill and nbclient record (notebook and cell start/end/duration,
    `execution` timings), gives papermill's injected-parameters cell a fixed id instead of a
    random one, clears the environment papermill records, and rewrites every occurrence of
    the staging paths (`replacements`: old -> new strings) to the final ones, in sources,
    outputs and metadata.
    """
    import nbformat

    nb = nbformat.from_dict(json.loads(json.dumps(nb)))  # deep copy as NotebookNode
    replacements = [(old, new) for old, new in replacements if old]
    pm = nb.metadata.get("papermill")
    if pm is not None:
        for key in ("start_time", "end_time", "duration"):
            pm.pop(key, None)
        if "environment_variables" in pm:
            pm["environment_variables"] = {}
    for cell in nb.cells:
        cell_pm = cell.metadata.get("papermill")
        if cell_pm is not None:
            for key in ("start_time", "end_time", "duration"):
                cell_pm.pop(key, None)
        cell.metadata.pop("execution", None)
        if INJECTED_CELL_ID in cell.metadata.get("tags", []):
            cell["id"] = INJECTED_CELL_ID
    if replacements:
        nb = nbformat.from_dict(_replace_in(nb, replacements))
    return nb


# ---------------------------------------------------------------- the run

@dataclass
class Staging:
    """`<processed>/.staging-run/<processed name>/` and the same under reports.

    The innermost folders carry the final folders' names, so whatever a notebook shows about
    its folders (a name, a relative path) reads the same as it will after promotion.
    """

    processed: Path
    reports: Path

    @classmethod
    def beside(cls, processed: Path, reports: Path) -> "Staging":
        return cls(processed / STAGING_NAME / processed.name, reports / STAGING_NAME / reports.name)

    @property
    def executed(self) -> Path:
        return self.reports / EXECUTED_SUBDIR

    def discard(self) -> None:
        for folder in (self.processed.parent, self.reports.parent):
            shutil.rmtree(folder, ignore_errors=True)

    def create(self) -> None:
        self.discard()  # a previous run may have been killed mid-way
        self.processed.mkdir(parents=True)
        self.executed.mkdir(parents=True)


def _display_path(path: Path, root: Path) -> str:
    """Repository-relative when inside the repository (stable across checkouts), else absolute."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def _parameters_for(declared: dict, config: RunConfig, staging: Staging) -> dict:
    offered = {
        "raw_dirs": [_display_path(p, config.root) for p in config.raw],
        "processed_dir": _display_path(staging.processed, config.root),
        "reports_dir": _display_path(staging.reports, config.root),
        **config.overrides,
    }
    return {name: value for name, value in offered.items() if name in declared}


def _staging_replacements(config: RunConfig, staging: Staging) -> list[tuple[str, str]]:
    """Staging path strings -> final path strings, longest first (absolute before relative)."""
    pairs = []
    for stage_dir, final_dir in ((staging.processed, config.processed), (staging.reports, config.reports)):
        pairs.append((str(stage_dir.resolve()), str(final_dir.resolve())))
        pairs.append((_display_path(stage_dir, config.root), _display_path(final_dir, config.root)))
    return sorted(set(pairs), key=lambda p: -len(p[0]))


class NotebookFailed(Exception):
    """A notebook stopped with an error; the message names the notebook, the cell and the error."""


def _first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _describe_failure(name: str, exc, executed_nb_path: Path, shown_path: str) -> str:
    """One readable paragraph for a failing cell: notebook, cell number in the source notebook, error."""
    import nbformat

    cell_number, first_line = None, _first_line(getattr(exc, "source", "") or "")
    try:
        nb = nbformat.read(str(executed_nb_path), as_version=4)
        # Count cells as the source notebook has them, 1-based as a reader counts: without
        # papermill's error banners and its injected-parameters cell.
        added = {"injected-parameters", "papermill-error-cell-tag"}
        source_cells = [c for c in nb.cells if not added & set(c.metadata.get("tags", []))]
        for number, cell in enumerate(source_cells, 1):
            errored = any(o.get("output_type") == "error" for o in cell.get("outputs", []))
            if errored or cell.metadata.get("papermill", {}).get("exception") is True:
                cell_number, first_line = number, _first_line(cell.source)
                break
    except Exception:  # the description must never hide the real error
        pass
    where = f"cell {cell_number}" if cell_number else "a cell"
    return (f"notebook {name} failed in {where} ({first_line!r}): {exc.ename}: {exc.evalue}\n"
            f"  the partly executed notebook with the full traceback: {shown_path}\n"
            f"  previous outputs were left unchanged")


def _kernel_manager_class(kernel_log):
    """Kernels talk to the runner over loopback TCP; encrypt it when pyzmq can (CurveZMQ).

    Besides being safer, this keeps ipykernel's "running over TCP without encryption"
    warning out of the terminal. The kernel's own stderr goes to `kernel_log` (an open file):
    ipykernel can log a harmless ZMQ traceback while it shuts down, which must not reach the
    reviewer's terminal; the log is shown when a notebook fails, where it can help.
    """
    import zmq
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class CurveKernelManager(AsyncKernelManager):
        @default("transport_encryption")
        def _transport_encryption_default(self):
            return "auto" if zmq.has("curve") else "disabled"

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            kw["stderr"] = kernel_log
            return await super()._async_launch_kernel(kernel_cmd, **kw)

    return CurveKernelManager


KERNEL_LOG_TAIL_LINES = 20


def _kernel_log_tail(kernel_log) -> str:
    kernel_log.flush()
    kernel_log.seek(0)
    lines = kernel_log.read().decode("utf-8", errors="replace").splitlines()
    if not lines:
        return ""
    tail = "\n".join("    " + line for line in lines[-KERNEL_LOG_TAIL_LINES:])
    return f"\n  the kernel's last messages:\n{tail}"


def _execute(name: str, source: Path, target: Path, parameters: dict, config: RunConfig,
             replacements: list[tuple[str, str]]) -> None:
    import tempfile

    with tempfile.TemporaryFile() as kernel_log:
        _execute_logged(name, source, target, parameters, config, replacements, kernel_log)


def _execute_logged(name: str, source: Path, target: Path, parameters: dict, config: RunConfig,
                    replacements: list[tuple[str, str]], kernel_log) -> None:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(
            str(source), str(target), parameters=parameters, kernel_name=KERNEL_NAME,
            progress_bar=config.progress, cwd=str(config.root), execution_timeout=config.cell_timeout,
            record_timing=False, kernel_manager_class=_kernel_manager_class(kernel_log),
        )
    except PapermillExecutionError as exc:
        failed = config.reports / EXECUTED_SUBDIR / target.name.replace(".ipynb", ".failed.ipynb")
        failed.parent.mkdir(parents=True, exist_ok=True)
        message = _describe_failure(name, exc, target, _display_path(failed, config.root))
        if target.exists():
            try:
                _finalize_executed(target, replacements, _display_path(source, config.root))
            except Exception:  # keep the notebook as papermill left it
                pass
            os.replace(target, failed)
        raise NotebookFailed(message) from None
    except Exception as exc:  # dead kernel, cell timeout, kernel that cannot start ...
        raise NotebookFailed(f"notebook {name} stopped: {type(exc).__name__}: {exc}\n"
                             f"  previous outputs were left unchanged{_kernel_log_tail(kernel_log)}") from None


def _finalize_executed(path: Path, replacements: list[tuple[str, str]], input_path: str | None = None) -> None:
    import nbformat

    from .tables import write_text_atomic

    nb = normalize_executed(nbformat.read(str(path), as_version=4), replacements)
    if input_path and "papermill" in nb.metadata:
        nb.metadata.papermill["input_path"] = input_path
    write_text_atomic(path, nbformat.writes(nb) + "\n")


def _promote(stage_dir: Path, final_dir: Path, owned_subdirs: tuple[str, ...] = (),
             last: str | None = None) -> list[Path]:
    """Move every file of `stage_dir` into `final_dir` (same filesystem, each move atomic).

    `last` (a path relative to `stage_dir`) moves after all others. Folders the pipeline owns
    entirely (`owned_subdirs`, e.g. figures/ and executed/, and any subfolder this run wrote)
    lose the files this run did not produce, so no stale figure or notebook outlives its source.
    """
    owned = set(owned_subdirs) | {p.name for p in stage_dir.iterdir() if p.is_dir()}
    moved = []
    produced = sorted((p for p in stage_dir.rglob("*") if p.is_file()),
                      key=lambda p: (p.relative_to(stage_dir).as_posix() == last, p))
    for src in produced:
        dst = final_dir / src.relative_to(stage_dir)
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dst)
        moved.append(dst)
    keep = set(moved)
    for sub in sorted(owned):
        for old in sorted((final_dir / sub).rglob("*")) if (final_dir / sub).is_dir() else []:
            if old.is_file() and old not in keep:
                old.unlink()
    return moved


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _sigterm_unwinds() -> None:
    """SIGTERM (a CI timeout, `kill`) unwinds like Ctrl-C so staging is discarded.

    Called before each step: while a notebook runs nbclient takes SIGTERM over (it shuts the
    kernel down) and, when done, resets it to the default, which would kill us on the spot.
    """
    try:
        signal.signal(signal.SIGTERM, _raise_interrupt)
    except ValueError:  # not the main thread: leave signals alone
        pass


@contextmanager
def _terminate_as_interrupt():
    previous = signal.getsignal(signal.SIGTERM)
    _sigterm_unwinds()
    try:
        yield
    finally:
        try:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
        except ValueError:
            pass


def _check_kernel() -> None:
    """Warn when the `python3` kernel would not run this environment's python (wrong packages)."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager

        argv0 = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    except Exception as exc:
        raise ConfigError(f"no '{KERNEL_NAME}' Jupyter kernel available: {exc}") from None
    # jupyter_client swaps a bare "python" for the running interpreter.
    if argv0 not in {"python", "python3", f"python3.{sys.version_info[1]}"} and \
            Path(argv0).resolve() != Path(sys.executable).resolve():
        print(f"evidence-review run: warning: kernel '{KERNEL_NAME}' runs {argv0}, not {sys.executable}",
              file=sys.stderr)


def run_pipeline(config: RunConfig) -> int:
    notebooks_dir = config.notebooks_dir
    sources = [notebooks_dir / name for name in NOTEBOOKS]
    missing = [str(s) for s in sources if not s.exists()]
    if missing:
        where = "--notebooks" if config.notebooks else "the evidence-review repository (or give --notebooks DIR)"
        raise ConfigError(f"notebook not found: {missing[0]}; the four notebooks are read from {where}")
    declared = {s.name: notebook_parameters(s) for s in sources}
    check_config(config, declared)
    _check_kernel()

    staging = Staging.beside(config.processed, config.reports)
    replacements = _staging_replacements(config, staging)
    started = time.monotonic()
    with _output_locks(config), _terminate_as_interrupt():
        staging.create()
        try:
            for number, source in enumerate(sources, 1):
                print(f"[{number}/{len(sources)}] running {source.name}", file=sys.stderr, flush=True)
                params = _parameters_for(declared[source.name], config, staging)
                _sigterm_unwinds()
                _execute(source.name, source, staging.executed / source.name, params, config, replacements)
            _sigterm_unwinds()
            for source in sources:
                _finalize_executed(staging.executed / source.name, replacements,
                                   _display_path(source, config.root))

            from .report.render import render_report

            print(f"rendering {REPORT_HTML}", file=sys.stderr, flush=True)
            try:
                render_report(staging.executed / REPORT_NOTEBOOK, staging.reports / REPORT_HTML)
            except Exception as exc:
                raise NotebookFailed(f"rendering {REPORT_NOTEBOOK} to HTML failed: {type(exc).__name__}: {exc}\n"
                                     f"  previous outputs were left unchanged") from None

            # Everything succeeded: tables first, then figures and notebooks, the report itself last.
            _promote(staging.processed, config.processed)
            _promote(staging.reports, config.reports, owned_subdirs=(EXECUTED_SUBDIR, "figures"),
                     last=REPORT_HTML)
        except NotebookFailed as exc:
            print(f"evidence-review run: error: {exc}", file=sys.stderr)
            return 1
        finally:
            staging.discard()

    elapsed = time.monotonic() - started
    print(f"done in {elapsed:.0f} s; tables in {config.processed}", file=sys.stderr)
    print(f"report: {config.reports / REPORT_HTML}")
    return 0
