"""Write every raw folder's extraction (estimates and arms, all columns) to one CSV, to compare a speed change's
output before and after byte for byte.

Usage: PYTHONPATH=src .venv/bin/python -m benchmarks.snapshot_extract OUT.csv [RAW_DIR ...]
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from evidence_review.extract import extract_study_tables
from evidence_review.ingest import ingest_with_structures
from evidence_review.paths import repo_root


def _folders() -> list[Path]:
    root = repo_root()
    shared = root.parent / "shared"
    if not shared.exists():
        shared = Path("/work/shared")
    folders = [root / "data" / "raw", shared / "seeds" / "raw", shared / "dev_corpus" / "raw"]
    folders += sorted(p for p in (root / "tests" / "fixtures").glob("*/raw") if p.is_dir())
    return [f for f in folders if f.exists()]


def main() -> None:
    out = Path(sys.argv[1])
    folders = [Path(a) for a in sys.argv[2:]] or _folders()
    parts = []
    for folder in folders:
        documents, texts, structures = ingest_with_structures([folder])
        ex = extract_study_tables(documents, texts, structures)
        for kind, table in (("estimate", ex.estimates), ("arm", ex.arms)):
            t = table.astype(object).where(table.notna(), "")
            t.insert(0, "kind", kind)
            t.insert(0, "folder", str(folder))
            parts.append(t)
        errs = ex.documents[["doc_id", "extract_error"]].astype(object)
        errs.insert(0, "kind", "error")
        errs.insert(0, "folder", str(folder))
        parts.append(errs)
    pd.concat(parts, ignore_index=True).to_csv(out, index=False)
    print(f"{out}: {sum(len(p) for p in parts)} rows from {len(folders)} folders")


if __name__ == "__main__":
    main()
