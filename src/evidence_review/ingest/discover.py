"""Find the files to ingest under the given folders, read-only, without following links anywhere unsafe.

- folders are walked in sorted order, at most `MAX_DIR_DEPTH` deep; a folder named like a file (`x.txt/`)
  is just a folder;
- symbolic links to folders are never followed (no loops); links to files are followed only when the target
  is inside the same raw folder; broken links and loops are reported;
- hidden files and folders (`.DS_Store`, `.gitkeep`) are listed as skipped, never read; sockets, FIFOs and devices are reported, never opened;
- files over `MAX_EXPORT_BYTES` are reported from their size, without being read; files over `MAX_FILE_BYTES`
  are kept for the pipeline to look at their first bytes: only a multi-record export may be that large.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from .limits import MAX_DIR_DEPTH, MAX_EXPORT_BYTES, MAX_FILE_BYTES, MAX_FILES


@dataclass
class Entry:
    base: Path
    path: Path
    rel: str
    size: int = 0
    skip_reason: str = ""


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _check_file(base: Path, path: Path, rel: str, listed: os.DirEntry | None = None) -> Entry:
    """The entry of one file; `listed` is its folder listing's entry when it came from one (its type is known from
    the listing, so telling a link costs no system call)."""
    is_link = path.is_symlink if listed is None else listed.is_symlink
    try:
        st = os.stat(path)  # follows a file symlink; ELOOP for loops
    except OSError as exc:
        if is_link():
            why = "symbolic link loop" if exc.errno == 40 else "broken symbolic link"
            return Entry(base, path, rel, skip_reason=f"{why}: not followed")
        return Entry(base, path, rel, skip_reason=f"cannot read file ({exc.strerror or exc})")
    if is_link():
        target = path.resolve()
        try:
            target.relative_to(base.resolve())
        except ValueError:
            return Entry(base, path, rel, skip_reason="symbolic link pointing outside the raw folder: not followed")
    if stat.S_ISDIR(st.st_mode):
        return Entry(base, path, rel, skip_reason="symbolic link to a folder: not followed")
    if not stat.S_ISREG(st.st_mode):
        return Entry(base, path, rel, skip_reason="not a regular file (socket, pipe or device): not opened")
    if st.st_size > MAX_EXPORT_BYTES:
        return Entry(base, path, rel, size=st.st_size, skip_reason=too_large(st.st_size))
    return Entry(base, path, rel, size=st.st_size)


def too_large(size: int, export: bool = True) -> str:
    """The reason for a file over the size limit: that of exports, or (`export=False`) of single documents."""
    if export:
        return f"file is {_megabytes(size)}, over the {_megabytes(MAX_EXPORT_BYTES)} limit for an export: not read"
    return (f"file is {_megabytes(size)}, over the {_megabytes(MAX_FILE_BYTES)} limit: not read (only a multi-record "
            "export (MEDLINE, RIS, PubMed XML, CSV/TSV, JSON Lines, a JSON array) may be larger)")


def as_path_list(paths) -> list[Path]:
    """A folder or file, or a list of them (a lone string is one path, never a sequence of characters)."""
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def resolve_raw_dirs(raw_dirs, root: Path) -> list[Path]:
    """Notebook parameter `raw_dirs` (a path or a list of paths, relative to the repository root) as paths."""
    return [p if p.is_absolute() else root / p for p in as_path_list(raw_dirs)]


def discover(paths) -> list[Entry]:
    """Entries for every file under `paths`, in a deterministic order (input order, then relative path).

    A path that does not exist is a configuration error (ConfigError: one line, no traceback), not bad input."""
    entries: list[Entry] = []
    for raw in as_path_list(paths):
        p = Path(raw)
        if p.is_dir() and not p.is_symlink():
            entries.extend(_walk(p))
        elif p.is_dir():  # the raw folder itself given as a link: walk where it points
            entries.extend(_walk(p.resolve()))
        elif p.exists() or p.is_symlink():
            entries.append(_check_file(p.parent, p, p.name))
        else:
            raise ConfigError(f"raw folder or file not found: {p}")
    return entries


def _walk(base: Path) -> list[Entry]:
    found: list[Entry] = []
    stack = [(base, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            children = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            rel = folder.relative_to(base).as_posix()
            found.append(Entry(base, folder, rel, skip_reason=f"cannot list folder ({exc.strerror or exc})"))
            continue
        subfolders = []
        # a child's path relative to the raw folder, as Path.relative_to(base).as_posix() gives it (string work:
        # parsing two paths per file cost a tenth of a second per thousand files)
        prefix = "" if folder == base else folder.relative_to(base).as_posix() + "/"
        for child in children:
            if child.name.startswith("."):
                # .DS_Store, .gitkeep, editor swap files, .ipynb_checkpoints: listed, never read
                rel = prefix + child.name
                found.append(Entry(base, Path(child.path), rel, skip_reason="hidden file or folder (name starts with '.'): ignored"))
                continue
            if len(found) >= MAX_FILES:
                found.append(Entry(base, folder, folder.relative_to(base).as_posix() or ".",
                                   skip_reason=f"more than {MAX_FILES:,} files under the raw folder: the rest were not read"))
                return sorted(found, key=lambda e: e.rel)
            path = Path(child.path)
            rel = prefix + child.name
            try:
                if child.is_dir(follow_symlinks=False):
                    if depth + 1 > MAX_DIR_DEPTH:
                        found.append(Entry(base, path, rel, skip_reason=f"folder nested more than {MAX_DIR_DEPTH} deep: not read"))
                    else:
                        subfolders.append((path, depth + 1))
                else:
                    found.append(_check_file(base, path, rel, child))
            except OSError as exc:  # vanished while listing, permission denied, /proc-like entries
                found.append(Entry(base, path, rel, skip_reason=f"cannot read file ({exc.strerror or exc})"))
        stack.extend(reversed(subfolders))
    return sorted(found, key=lambda e: e.rel)
