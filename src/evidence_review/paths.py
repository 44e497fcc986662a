"""Where things live: the repository root and the default folders of the design card.

Notebooks call `repo_root()` so they resolve paths from the repository, not from the
kernel's working directory (JupyterLab starts kernels in the notebook's folder).
"""
from __future__ import annotations

import os
from pathlib import Path

_MARKERS = ("pyproject.toml", "notebooks")


def repo_root(start: str | os.PathLike | None = None) -> Path:
    """The nearest ancestor of `start` (default: cwd) holding pyproject.toml and notebooks/.

    `EVIDENCE_REVIEW_ROOT` overrides the search (used by tests that run copies elsewhere).
    """
    env = os.environ.get("EVIDENCE_REVIEW_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(start or os.getcwd()).resolve()
    for candidate in (here, *here.parents):
        if all((candidate / m).exists() for m in _MARKERS):
            return candidate
    # Installed package used outside a checkout: fall back to the source tree it came from.
    pkg_root = Path(__file__).resolve().parents[2]
    if all((pkg_root / m).exists() for m in _MARKERS):
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
