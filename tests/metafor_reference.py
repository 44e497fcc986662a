"""Where the metafor reference cases live: pinned in the repository (tests/data/metafor/, written by
tests/data/metafor/make_reference.R), plus any other case of ../shared/reference/meta_analysis when that folder is
next to the repository. The suite runs the same without ../shared: every pinned case is always tested.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from evidence_review.paths import repo_root

PINNED = Path(__file__).parent / "data" / "metafor"
PINNED_CASES = PINNED / "cases"
BENCHMARK = PINNED / "benchmark"
SHARED_CASES = repo_root().parent / "shared" / "reference" / "meta_analysis" / "cases"


def case_files() -> dict[str, Path]:
    """case name -> its JSON file; a pinned case wins over a ../shared case of the same name."""
    found: dict[str, Path] = {}
    for folder in (SHARED_CASES, PINNED_CASES):
        if folder.is_dir():
            found.update({p.stem: p for p in sorted(folder.glob("*.json"))})
    return dict(sorted(found.items()))


def case_dir(name: str) -> Path:
    return case_files()[name].parent


def load(name: str) -> tuple[pd.DataFrame, dict]:
    """(data, metafor's results) of one case."""
    path = case_files()[name]
    ref = json.loads(path.read_text())
    return pd.read_csv(path.parent / ref["data_file"]), ref
