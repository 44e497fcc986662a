"""A run as a transaction: the outputs change all at once, or not at all.

Every notebook writes into staging folders (`<processed>/.staging-run/` and `<reports>/.staging-run/`, on the same
filesystems as the final places); only when all four notebooks and the report succeeded is each output file moved
into place with `os.replace` (`promote`). A failing cell, an interrupt or a kill therefore leaves the previous
complete outputs as they were; a leftover staging folder is discarded by the next run. One run at a time per
output folder (`output_locks`), and SIGTERM unwinds like Ctrl-C so that staging is discarded
(`terminate_as_interrupt`).
"""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from .config import RunConfig, display_path

EXECUTED_SUBDIR = "executed"
STAGING_NAME = ".staging-run"
LOCK_NAME = ".evidence-review-run.lock"


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


def staging_replacements(config: RunConfig, staging: Staging) -> list[tuple[str, str]]:
    """Staging path strings -> final path strings, longest first (absolute before relative)."""
    pairs = []
    for stage_dir, final_dir in ((staging.processed, config.processed), (staging.reports, config.reports)):
        pairs.append((str(stage_dir.resolve()), str(final_dir.resolve())))
        pairs.append((display_path(stage_dir, config.root), display_path(final_dir, config.root)))
    return sorted(set(pairs), key=lambda p: -len(p[0]))


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
def output_locks(config: RunConfig):
    """One run at a time per output folder: the processed and the reports folder each get a lock, taken before
    anything else is written there (only the folder and its lock file are created first). A second run sharing
    either folder stops with a one-line message instead of promoting into the first run's outputs.

    The lock is `flock` on `<folder>/.evidence-review-run.lock`: the kernel releases it when the process ends,
    however it ends, so a killed run never leaves a stale lock behind.
    """
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


def promote(stage_dir: Path, final_dir: Path, owned_subdirs: tuple[str, ...] = (),
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


def sigterm_unwinds() -> None:
    """SIGTERM (a CI timeout, `kill`) unwinds like Ctrl-C so staging is discarded.

    Called before each step: while a notebook runs nbclient takes SIGTERM over (it shuts the
    kernel down) and, when done, resets it to the default, which would kill us on the spot.
    """
    try:
        signal.signal(signal.SIGTERM, _raise_interrupt)
    except ValueError:  # not the main thread: leave signals alone
        pass


@contextmanager
def terminate_as_interrupt():
    previous = signal.getsignal(signal.SIGTERM)
    sigterm_unwinds()
    try:
        yield
    finally:
        try:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
        except ValueError:
            pass
