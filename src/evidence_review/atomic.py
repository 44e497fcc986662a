"""Atomic file writes: a file is replaced whole or left as it was (a temporary file beside it, fsync, rename).

Its own module, without pandas, so that the run command's own process can write its small files without paying
for pandas' import (about a second of CPU) at the start of every run; `evidence_review.tables` re-exports these.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600 files; outputs are shared build products, so give them the usual mode.
        os.chmod(tmp, 0o666 & ~_current_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> None:
    _atomic_write_bytes(Path(path), data)


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    _atomic_write_bytes(Path(path), text.encode("utf-8"))


#: Threads that write `write_many_atomic`'s files: the fsync of each file waits on the disk with the GIL released,
#: so a few of them overlap (hundreds of small per-cell files at 10,000 documents: ~4 ms of waiting each, one after
#: another, in the pooling stage's main process).
WRITE_THREADS = 8


def write_many_atomic(files: Iterable[tuple[str | os.PathLike, bytes]], threads: int = WRITE_THREADS) -> None:
    """Each (path, data) written as `write_bytes_atomic` writes it (each file replaced whole or left as it was), their
    fsyncs overlapping on `threads` threads; the first failure is raised after the other writes have ended."""
    files = [(Path(path), data) for path, data in files]
    if len(files) < 2 or threads < 2:
        for path, data in files:
            _atomic_write_bytes(path, data)
        return
    with ThreadPoolExecutor(max_workers=min(threads, len(files))) as pool:
        futures = [pool.submit(_atomic_write_bytes, path, data) for path, data in files]
    for future in futures:
        future.result()
