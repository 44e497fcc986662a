"""Executing one notebook: papermill on a `python3` kernel, the kernel's own log, a readable failure.

Kernels talk to the runner over loopback TCP, encrypted when pyzmq can (CurveZMQ). A kernel's own stderr goes to
a log file of its own: ipykernel can log a harmless ZMQ traceback while it shuts down, which must not reach the
reviewer's terminal; the log's tail is shown when a notebook fails, where it can help.

Speed (the run starts four kernels one after the other): `Kernel.start` launches a kernel that, while it boots,
imports what its notebook imports (`notebook_imports`), so the runner starts the next notebook's kernel while the
current notebook runs and the boot and imports are off the critical path. Only `sys.modules` is touched: the
warm-up runs before the notebook, binds no name and is not counted as an execution, and each notebook still runs
in a fresh kernel of its own. Papermill saves the executed notebook at every cell's start and end; here at most every
`SAVE_EVERY_SECONDS` (and always at the notebook's start and end), which is all a reader of a running notebook needs.
"""
from __future__ import annotations

import ast
import json
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError

KERNEL_NAME = "python3"
ENGINE_NAME = "evidence-review"
KERNEL_LOG_TAIL_LINES = 20
SAVE_EVERY_SECONDS = 5.0
KERNEL_START_TIMEOUT = 120
# What a warm-up runs in the new kernel (IPython `exec_lines`: not stored in the history, so the notebook's first
# cell is still execution 1). A failing import is left for the notebook's own import to report. A name that is no
# module ("evidence_review.extract.extract_study_tables") is read from its parent: a package that imports its
# public names on first use (evidence_review.extract: the whole extractor, ~0.5 s of CPU) imports it then.
# Then it imports what the package's loaded modules name in their `WARM_IMPORTS`: libraries imported on first use in
# the middle of a stage, where the import would run while a core idles (pymare, with sympy, ~0.8 s of CPU, in the
# pooling's serial first pass).
# With `forkserver` it then starts the kernel's forkserver (`parallel.start_forkserver`), preloading every module of
# the package the warm-up imported: the notebook's pool of workers forks from it at once.
# It also lets a `print` wait longer for the kernel's output thread before a `display` goes out: ipykernel waits
# 10 s, then sends the display anyway, and under heavy load the printed line would land after the table it heads.
FLUSH_TIMEOUT_SECONDS = 600
WARM_UP = """\
def _evidence_review_warm_up(names):
    import importlib
    try:
        from ipykernel.iostream import OutStream
        OutStream.flush_timeout = {flush_timeout}
    except Exception:
        pass
    for name in names:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError:
            parent, _, attribute = name.rpartition(".")
            try:
                getattr(importlib.import_module(parent), attribute)
            except Exception:
                pass
        except Exception:
            pass
    import sys
    for module in [m for n, m in list(sys.modules.items()) if n.startswith("evidence_review.")]:
        for name in getattr(module, "WARM_IMPORTS", ()):
            try:
                importlib.import_module(name)
            except Exception:
                pass
    if {forkserver!r}:
        try:
            import sys
            from evidence_review.parallel import start_forkserver
            start_forkserver(sorted(m for m in sys.modules if m.startswith("evidence_review.")))
        except Exception:
            pass
_evidence_review_warm_up({names!r})
del _evidence_review_warm_up"""


class NotebookFailed(Exception):
    """A notebook stopped with an error; the message names the notebook, the cell and the error."""


def kernel_manager_class(kernel_log):
    """A kernel manager whose kernels encrypt their channels when pyzmq can and write stderr to `kernel_log`.

    Besides being safer, the encryption keeps ipykernel's "running over TCP without encryption" warning out of the
    terminal.
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


def kernel_log_tail(kernel_log) -> str:
    kernel_log.flush()
    kernel_log.seek(0)
    lines = kernel_log.read().decode("utf-8", errors="replace").splitlines()
    if not lines:
        return ""
    tail = "\n".join("    " + line for line in lines[-KERNEL_LOG_TAIL_LINES:])
    return f"\n  the kernel's last messages:\n{tail}"


def notebook_imports(notebook: Path) -> list[str]:
    """The modules a notebook's code cells import at their top level (`from a.b import c` gives a.b and a.b.c, in
    case c is a module), in order, each once. Cells that do not parse are skipped.

    Read as plain JSON, not with nbformat: this runs before the first kernel starts, and nbformat's import (with its
    schema validator, ~0.5 s of CPU) would hold that start back; papermill validates the notebook anyway."""
    names: list[str] = []
    for cell in json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        try:
            tree = ast.parse("".join(source) if isinstance(source, list) else str(source))
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*"]
    return list(dict.fromkeys(names))


@dataclass
class Kernel:
    """A started kernel for one notebook, with its log; `start` returns at once, the kernel boots on its own (and,
    with `forkserver`, starts the forkserver its notebook's pool of workers will fork from: see WARM_UP)."""

    manager: object
    log: object

    @classmethod
    def start(cls, cwd: Path, warm_imports: list[str] = (), forkserver: bool = False) -> "Kernel":
        from jupyter_core.utils import run_sync

        log = tempfile.TemporaryFile()
        kernel = cls(kernel_manager_class(log)(kernel_name=KERNEL_NAME), log)
        warm_up = WARM_UP.format(names=list(warm_imports), flush_timeout=FLUSH_TIMEOUT_SECONDS,
                                 forkserver=bool(forkserver))
        extra = [f"--IPKernelApp.exec_lines={warm_up}"]
        try:
            run_sync(kernel.manager.start_kernel)(cwd=str(cwd), extra_arguments=extra)
        except BaseException:
            kernel.shutdown()
            raise
        return kernel

    def wait_until_ready(self, timeout: float = KERNEL_START_TIMEOUT) -> None:
        """Return when the kernel answers (its warm-up done); raise RuntimeError when it died or stays silent."""
        from jupyter_core.utils import run_sync

        client = self.manager.client()
        client.start_channels()
        try:
            run_sync(client.wait_for_ready)(timeout=timeout)
        finally:
            client.stop_channels()

    def shutdown(self) -> None:
        """Stop the kernel if it still runs (a finished notebook's kernel is already stopped) and close the log."""
        from jupyter_core.utils import run_sync

        try:
            if run_sync(self.manager.is_alive)():
                run_sync(self.manager.shutdown_kernel)(now=True)
            run_sync(self.manager.cleanup_resources)()
        except Exception:  # already gone: nothing left to stop
            pass
        finally:
            self.log.close()


def _engine():
    """papermill's nbclient engine, on a kernel the runner started, saving at most every SAVE_EVERY_SECONDS."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, NotebookExecutionManager
    from papermill.utils import merge_kwargs, remove_args

    class ThrottledSaves(NotebookExecutionManager):
        _throttled = False
        on_cell_complete = None  # called with each cell once it ran (the runner's `execute(on_cell_complete=)`)

        @contextmanager
        def _throttle(self):
            self._throttled = True
            try:
                yield
            finally:
                self._throttled = False

        def save(self, **kwargs):
            if self._throttled and (self.now() - self.last_save_time).total_seconds() < SAVE_EVERY_SECONDS:
                return
            super().save(**kwargs)

        def cell_start(self, cell, cell_index=None, **kwargs):
            with self._throttle():
                super().cell_start(cell, cell_index, **kwargs)

        def cell_complete(self, cell, cell_index=None, **kwargs):
            with self._throttle():
                super().cell_complete(cell, cell_index, **kwargs)
            if self.on_cell_complete is not None:
                self.on_cell_complete(cell)

    class Engine(NBClientEngine):
        @classmethod
        def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=True, log_output=False,
                             autosave_cell_every=30, on_cell_complete=None, **kwargs):
            nb_man = ThrottledSaves(nb, output_path=output_path, progress_bar=progress_bar, log_output=log_output,
                                    autosave_cell_every=autosave_cell_every)
            nb_man.on_cell_complete = on_cell_complete
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()
            return nb_man.nb

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None, **kwargs):
            kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(kwargs, timeout=execution_timeout, startup_timeout=start_timeout,
                                        kernel_name=kernel_name, log_output=log_output, stdout_file=stdout_file,
                                        stderr_file=stderr_file)
            # The kernel manager is the runner's (km=...): cleanup_kc stops the kernel and its channels here,
            # as nbclient does for a kernel it started itself.
            return PapermillNotebookClient(nb_man, **final_kwargs).execute(cleanup_kc=True)

    return Engine


@lru_cache(maxsize=1)
def _register_engine() -> None:
    from papermill.engines import papermill_engines

    papermill_engines.register(ENGINE_NAME, _engine())


def execute(kernel: Kernel, source: Path, target: Path, parameters: dict, *, cwd: Path, progress: bool,
            cell_timeout: float | None, on_cell_complete=None) -> None:
    """Run `source` on `kernel` into `target` (papermill: parameters injected, outputs saved as it goes).
    `on_cell_complete(cell)`: called, in the thread running this, as each cell has run (a failed one too: its
    `metadata.papermill.exception` is then true).

    Raises papermill's PapermillExecutionError for a failing cell, other exceptions for a kernel that dies or
    does not start."""
    import papermill

    _register_engine()
    papermill.execute_notebook(
        str(source), str(target), parameters=parameters, kernel_name=KERNEL_NAME, engine_name=ENGINE_NAME,
        progress_bar=progress, cwd=str(cwd), execution_timeout=cell_timeout, start_timeout=KERNEL_START_TIMEOUT,
        record_timing=False, km=kernel.manager, on_cell_complete=on_cell_complete,
    )


def _first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()
    return ""


def describe_failure(name: str, exc, executed_nb_path: Path, shown_path: str) -> str:
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


def finalize_executed(path: Path, replacements: list[tuple[str, str]], input_path: str | None = None) -> None:
    """Rewrite an executed notebook in its byte-stable form (`evidence_review.notebooks.normalize_executed`)."""
    import nbformat

    from ..notebooks import normalize_executed
    from ..atomic import write_text_atomic

    nb = normalize_executed(nbformat.read(str(path), as_version=4), replacements)
    if input_path and "papermill" in nb.metadata:
        nb.metadata.papermill["input_path"] = input_path
    write_text_atomic(path, nbformat.writes(nb) + "\n")


def check_kernel() -> None:
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
