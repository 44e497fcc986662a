"""`evidence-review run`'s options: the command line, the run's configuration and the checks made before any
notebook starts (every problem the user can fix is a ConfigError: one line, exit status 2)."""
from __future__ import annotations

import argparse
import ast
import json
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..errors import ConfigError
from ..notebooks import declared_defaults, declared_parameters as notebook_parameters
from ..parallel import check_scheduler

NOTEBOOKS = ["01_ingest.ipynb", "02_extract.ipynb", "03_pool.ipynb", "04_report.ipynb"]

# Parameters the runner sets from its own flags; `-p` may not set them: the runner redirects the folders to
# staging, and the scheduler has its own option.
RUNNER_PARAMETERS = {"raw_dirs": "--raw", "processed_dir": "--processed", "reports_dir": "--reports",
                     "scheduler": "--scheduler"}
# A dask.distributed address: tcp://HOST:PORT (or another of its protocols, tls:// ...).
SCHEDULER_ADDRESS = re.compile(r"^(?P<protocol>[a-z][a-z0-9+.-]*)://(?P<host>\[[^\]]+\]|[^:/\s]+)(?::(?P<port>\d+))?$")
SCHEDULER_CONNECT_SECONDS = 5


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
    parser.add_argument("--scheduler", metavar="SCHEDULER", default="",
                        help="where ingestion and extraction run: an existing dask.distributed cluster, e.g. "
                             "tcp://10.0.0.5:8786, or 'processes', 'threads', 'synchronous' "
                             "(default: automatic, every core of this machine for large corpora)")
    parser.add_argument("--notebooks", metavar="DIR", default=None,
                        help="folder holding 01_ingest.ipynb ... 04_report.ipynb (default: the notebooks/ folder "
                             "of the evidence-review repository the package is installed from)")
    parser.add_argument("--cell-timeout", type=float, default=3600, metavar="SECONDS",
                        help="stop the run when one cell runs longer than this (default: 3600)")
    parser.add_argument("--no-progress", action="store_true", help="hide papermill's progress bars")


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
    scheduler: str = ""  # "": local, every core; else a dask.distributed scheduler address

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
        scheduler = check_scheduler(getattr(args, "scheduler", "") or "")
        return cls(root=root, raw=raw, processed=processed, reports=reports, overrides=overrides,
                   cell_timeout=timeout, progress=not args.no_progress, notebooks=notebooks, scheduler=scheduler)


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


def check_scheduler_reachable(address: str) -> None:
    """A tcp:// scheduler that does not accept a connection stops the run before any notebook starts."""
    match = SCHEDULER_ADDRESS.match(address) if address else None
    if not match or match["protocol"] != "tcp":
        return
    host, port = match["host"].strip("[]"), int(match["port"] or 8786)
    try:
        socket.create_connection((host, port), timeout=SCHEDULER_CONNECT_SECONDS).close()
    except OSError as exc:
        raise ConfigError(f"no dask scheduler answers at {address}: {exc.strerror or exc}") from None


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
    if config.scheduler and "scheduler" not in known:
        raise ConfigError("--scheduler: none of the notebooks takes a scheduler")
    check_scheduler_reachable(config.scheduler)


def display_path(path: Path, root: Path) -> str:
    """Repository-relative when inside the repository (stable across checkouts), else absolute."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def parameters_for(declared: dict, config: RunConfig, processed: Path, reports: Path) -> dict:
    """What the runner passes to one notebook: the folders (as given, `processed` and `reports` may be the staging
    ones), the scheduler and the `-p` values, each only where the notebook declares it."""
    offered = {
        "raw_dirs": [display_path(p, config.root) for p in config.raw],
        "processed_dir": display_path(processed, config.root),
        "reports_dir": display_path(reports, config.root),
        "scheduler": config.scheduler,
        **config.overrides,
    }
    return {name: value for name, value in offered.items() if name in declared}
