"""Stage 2: normalized document texts -> one row per effect estimate (ESTIMATE_COLUMNS).

Public interface:
    extract_estimates(documents: DataFrame, texts: dict[doc_id, str]) -> DataFrame[ESTIMATE_COLUMNS + extras]
Documents with status != "ok" or a non-empty duplicate_of are not extracted.

Modules, one job each: textscan (scan view, sentences), numbers (printed numbers), patterns (how estimates
are printed), model (the records finders share), candidates (finders for ratios, differences, rates),
proportions (finders for proportions), lexicon (drugs, outcomes, conditions from data files), orientation
(arms and direction), validation (flags), ids (stable ids), core (one document), evaluate (scores against
the shared gold files), cli (`evidence-review extract`).
Extra columns after the contract's: value_text (as printed), unit (for rates), finder (which rule found it).
"""
from __future__ import annotations

import pandas as pd

from ..tables import ESTIMATE_COLUMNS, conform
from .core import extract_document
from .lexicon import load_drug_lexicon
from .meaning import NOTE_COLUMN, assign_meaning

EXTRA_COLUMNS = ["value_text", "unit", "finder", NOTE_COLUMN]

__all__ = ["extract_estimates", "extract_document", "load_drug_lexicon", "EXTRA_COLUMNS"]


def _blank(x) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and x != x) or str(x).strip() == ""


def extract_estimates(documents: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    rows: list[dict] = []
    for doc in documents.to_dict("records"):
        status = "" if _blank(doc.get("status")) else str(doc["status"]).strip().lower()
        if status not in ("", "ok") or not _blank(doc.get("duplicate_of")):
            continue
        doc_id = str(doc["doc_id"])
        text = texts.get(doc_id)
        if not text:
            continue
        condition = "" if _blank(doc.get("condition")) else str(doc["condition"])
        source = "" if _blank(doc.get("source_file")) else str(doc["source_file"])
        design = "" if _blank(doc.get("design")) else str(doc["design"])
        rows.extend(assign_meaning(extract_document(doc_id, text, source, condition), text, design=design))
    columns = ESTIMATE_COLUMNS + EXTRA_COLUMNS
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows)
    for col in ("events", "total", "n_intervention", "n_comparator", "start", "end"):
        table[col] = table[col].astype("Int64")
    return conform(table, ESTIMATE_COLUMNS)[columns]
