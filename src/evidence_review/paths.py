"""Where things live: the repository root and the default folders of the design card.

Notebooks call `repo_root()` so they resolve paths from the repository, not from the
kernel's working directory (JupyterLab starts kernels in the notebook's folder).
"""
from __future__ import annotations

import os
from pathlib import Path

_MARKERS = ("pyproject.toml", "notebooks")
PROJECT_NAME = "evidence-review"
NOTEBOOKS_SUBDIR = "notebooks"


def is_repository(folder: Path) -> bool:
    """True for a checkout of this project: pyproject.toml naming `evidence-review` and a notebooks/ folder.
    Another project's pyproject.toml and notebooks/ (a cookiecutter layout) is not one."""
    pyproject = folder / "pyproject.toml"
    if not (pyproject.is_file() and (folder / NOTEBOOKS_SUBDIR).is_dir()):
        return False
    import tomllib

    try:
        with open(pyproject, "rb") as fh:
            name = tomllib.load(fh).get("project", {}).get("name", "")
    except (OSError, tomllib.TOMLDecodeError, AttributeError):
        return False
    return str(name).replace("_", "-").lower() == PROJECT_NAME


def package_root() -> Path | None:
    """The repository this package was installed from (an editable or in-tree install), or None."""
    candidate = Path(__file__).resolve().parents[2]
    return candidate if is_repository(candidate) else None


def repo_root(start: str | os.PathLike | None = None) -> Path:
    """The nearest ancestor of `start` (default: cwd) that is an evidence-review checkout, else the repository the
    package was installed from. Another project's folder never counts, even with its own pyproject.toml and
    notebooks/.

    `EVIDENCE_REVIEW_ROOT` overrides the search (used by tests that run copies elsewhere).
    """
    env = os.environ.get("EVIDENCE_REVIEW_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(start or os.getcwd()).resolve()
    for candidate in (here, *here.parents):
        if is_repository(candidate):
            return candidate
    # Installed package used outside a checkout: fall back to the source tree it came from.
    pkg_root = package_root()
    if pkg_root is not None:
        return pkg_root
    raise FileNotFoundError(
        f"Could not find the evidence-review repository root above {here}; "
        "set EVIDENCE_REVIEW_ROOT to the folder holding pyproject.toml and notebooks/."
    )


def resolve(path: str | os.PathLike, root: Path | None = None) -> Path:
    """An absolute path: relative paths are taken from the repository root."""
    p = Path(path)
    return p if p.is_absolute() else (root or repo_root()) / p


DEFAULT_RAW = "data/raw"
DEFAULT_PROCESSED = "data/processed"
DEFAULT_CURATION = "data/curation"
DEFAULT_REPORTS = "reports"


def raw_folder_holding(path: str | os.PathLike, raw_paths) -> Path | None:
    """The raw input (a folder given as input, or the input file itself) that `path` would write into, or None.
    Raw inputs are never written: an output there would also be read back as a document by the next run."""
    target = Path(path).expanduser().resolve()
    for raw in raw_paths:
        raw = Path(raw).expanduser().resolve()
        if target == raw or (raw.is_dir() and raw in target.parents):
            return raw
    return None
