"""Functions of the top-level API that are not simply another module's function (see `evidence_review.__doc__`)."""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping


def run(raw: str | os.PathLike | Iterable[str | os.PathLike] | None = None, *,
        processed: str | os.PathLike | None = None, reports: str | os.PathLike | None = None,
        parameters: Mapping[str, object] | None = None, notebooks: str | os.PathLike | None = None,
        cell_timeout: float = 3600, progress: bool = False, scheduler: str = "") -> int:
    """`evidence-review run` from Python: the four notebooks on `raw`, then the HTML report.

    Parameters
    ----------
    raw : folder(s) or file(s) of raw documents (default: the repository's data/raw).
    processed, reports : output folders (default: data/processed and reports of the repository).
    parameters : notebook parameters, e.g. ``{"method": "DL", "pi_min_k": 3}`` (the command's ``-p``).
    notebooks : folder holding the four notebooks (default: the repository's notebooks/).
    cell_timeout : seconds one cell may run; progress : show papermill's progress bars.
    scheduler : a dask.distributed scheduler address (``tcp://host:8786``) for ingestion and extraction; "" runs
        them on this machine's cores (the command's ``--scheduler``).

    Returns
    -------
    int
        0 when the run succeeded, 1 when a notebook failed (the message is on stderr; earlier outputs are kept).
        A configuration error (a missing raw folder, an unknown parameter) raises `errors.ConfigError`.
    """
    from .cli import build_parser

    argv = ["run"]
    if raw is not None:
        folders = [raw] if isinstance(raw, (str, os.PathLike)) else list(raw)
        for folder in folders:
            argv += ["--raw", os.fspath(folder)]
    if processed is not None:
        argv += ["--processed", os.fspath(processed)]
    if reports is not None:
        argv += ["--reports", os.fspath(reports)]
    if notebooks is not None:
        argv += ["--notebooks", os.fspath(notebooks)]
    for name, value in (parameters or {}).items():
        value = os.fspath(value) if isinstance(value, os.PathLike) else value
        argv += ["-p", str(name), repr(value)]  # repr: the runner reads the value back as the same literal
    argv += ["--cell-timeout", str(cell_timeout)]
    if not progress:
        argv.append("--no-progress")
    if scheduler:
        argv += ["--scheduler", scheduler]
    parser, modules = build_parser(argv)  # imports only the run command
    args = parser.parse_args(argv)
    return int(modules["run"].main(args) or 0)
