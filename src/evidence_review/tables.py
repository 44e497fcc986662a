"""The data contracts between stages (../shared/DESIGN.md) and safe ways to write them.

Every table is written to a temporary file in the target folder and renamed into place,
so a run killed at any moment leaves the previous complete file readable.
"""
from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path

import pandas as pd

DOCUMENT_COLUMNS = [
    "doc_id", "source_file", "record", "sha256", "format", "title", "authors", "journal", "year",
    "doi", "pmid", "language", "design", "condition", "n_total", "text_chars", "duplicate_of",
    "status", "reason", "n_tables", "extract_error",
]

ESTIMATE_COLUMNS = [
    "estimate_id", "doc_id", "source_file", "measure", "value", "ci_low", "ci_high", "ci_level",
    "p_value", "p_text", "intervention", "comparator", "outcome", "timepoint", "condition",
    "events", "total", "n_intervention", "n_comparator", "evidence", "start", "end", "flags",
    "decision",
    # arm-level data of MEAN and MEDIAN rows (an SD derived from an SE, CI or IQR is flagged in `flags`)
    "sd", "se", "q1", "q3", "range_low", "range_high",
    # what the number means (DESIGN.md, "Meaning columns")
    "role", "subgroup", "adjusted", "needs_review", "from_arms",
]

#: arms.csv: one row per arm of a study, from the document's study model.
ARM_COLUMNS = ["doc_id", "arm_id", "name", "canonical", "n", "role", "start", "end"]

#: what an estimate's number means (`role` column); only "effect" (and "subgroup" within a subgroup
#: analysis) may enter an intervention cell.
ROLES = ["effect", "subgroup", "prognostic", "dose", "before_after", "secondary", "baseline"]

#: document designs that report other studies' results (role "secondary"; dedup.py's same-patient rules)
SECONDARY_DESIGNS = {"news", "review", "patient information"}

POOLED_COLUMNS = [
    "cell_id", "condition", "outcome", "measure", "intervention", "comparator", "timepoint", "k",
    "n_total", "estimate", "ci_low", "ci_high", "pi_low", "pi_high", "tau2", "i2", "q", "q_p",
    "method", "ci_method", "estimate_ids", "doc_ids", "certainty", "notes", "certainty_reasons",
]

MEASURES = ["HR", "RR", "OR", "IRR", "RD", "MD", "SMD", "ARR", "RRR", "PROPORTION", "MEAN", "MEDIAN"]
#: measures that describe one arm (the arm is in `intervention`, comparator empty)
ARM_LEVEL_MEASURES = {"PROPORTION", "MEAN", "MEDIAN"}
RATIO_MEASURES = {"HR", "RR", "OR", "IRR"}


def conform(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The contract's columns in the contract's order; missing ones are added empty, extra ones kept after."""
    out = df.copy()
    for col in columns:
        if col not in out.columns:
            out[col] = pd.NA
    extra = [c for c in out.columns if c not in columns]
    return out[columns + extra]


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


def write_csv_atomic(df: pd.DataFrame, path: str | os.PathLike) -> None:
    """CSV, UTF-8, '\\n' line endings, no index: byte-identical for identical frames."""
    text = df.to_csv(index=False, lineterminator="\n")
    write_text_atomic(path, text)


def write_jsonl_atomic(records: list[dict], path: str | os.PathLike) -> None:
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    write_text_atomic(path, "\n".join(lines) + ("\n" if lines else ""))


# Identifiers look numeric (PMIDs, years) but must round-trip as written, never as floats.
TEXT_COLUMNS = {"doc_id", "source_file", "sha256", "doi", "pmid", "pmcid", "estimate_id", "cell_id",
                "estimate_ids", "doc_ids", "duplicate_of", "p_text", "flags", "decision",
                "arm_id", "subgroup", "needs_review", "from_arms", "extract_error"}


def read_csv(path: str | os.PathLike) -> pd.DataFrame:
    """Read a contract table back: identifiers as text, empty cells as missing values."""
    header = pd.read_csv(path, nrows=0).columns
    return pd.read_csv(path, dtype={c: str for c in header if c in TEXT_COLUMNS})


def finite_float(x) -> float | None:
    """A table cell as a finite float, or None (missing, text, NaN, infinite)."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None

def read_texts(path: str | os.PathLike) -> dict[str, str]:
    """doc_id -> normalized text from a texts.jsonl, for the later stages: empty when the file is absent, a line
    that is not a JSON object with a text skipped (a later stage reports what it lacks, it does not crash)."""
    path = Path(path)
    texts: dict[str, str] = {}
    if not path.is_file():
        return texts
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            texts[str(record.get("doc_id", ""))] = record["text"]
    return texts
