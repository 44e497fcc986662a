"""A PRISMA 2020-style flow, counted from the pipeline's own tables (never typed in by hand).

files found → records → records skipped (with reasons) → duplicates → documents included →
documents with estimates → estimates found → estimates excluded (flagged / rejected) → estimates in pooled cells.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .inputs import split_ids
from .numbers import fmt_count


@dataclass(frozen=True)
class Flow:
    files: int
    records: int
    skipped: int
    skipped_reasons: list[tuple[str, int]]
    duplicates: int
    included: int
    with_estimates: int
    estimates: int
    flagged: int
    rejected: int
    in_cells: int
    pooled_cells: int  # k >= 2
    single_cells: int  # k == 1
    not_pooled_reasons: list[tuple[str, int]] = field(default_factory=list)


def compute_flow(documents: pd.DataFrame, estimates: pd.DataFrame, pooled: pd.DataFrame) -> Flow:
    skipped_mask = documents["status"].str.strip().str.lower() == "skipped"
    duplicate_mask = ~skipped_mask & (documents["duplicate_of"].str.strip() != "")
    included_ids = set(documents.loc[~skipped_mask & ~duplicate_mask, "doc_id"])
    reasons = Counter((r.strip() or "no reason given") for r in documents.loc[skipped_mask, "reason"])
    in_cells = sorted({i for ids in pooled["estimate_ids"] for i in split_ids(ids)})
    known = set(estimates["estimate_id"])
    flagged = estimates["flags"].str.strip() != ""
    rejected = estimates["decision"].str.strip().str.lower() == "rejected"
    not_pooled = Counter()
    outside = estimates.loc[~estimates["estimate_id"].isin(in_cells)]
    for decision, flags in zip(outside["decision"].astype(str), outside["flags"].astype(str)):
        if decision.strip().lower() == "rejected":
            not_pooled["rejected by the reviewer"] += 1
        elif flags.strip():
            not_pooled["flagged: " + flags.strip()] += 1
        else:
            not_pooled["no comparable cell"] += 1
    k = pd.to_numeric(pooled["k"], errors="coerce")
    return Flow(
        files=int(documents["source_file"].nunique()),
        records=len(documents),
        skipped=int(skipped_mask.sum()),
        skipped_reasons=sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])),
        duplicates=int(duplicate_mask.sum()),
        included=len(included_ids),
        with_estimates=int(estimates.loc[estimates["doc_id"].isin(included_ids), "doc_id"].nunique()),
        estimates=len(estimates),
        flagged=int(flagged.sum()),
        rejected=int(rejected.sum()),
        in_cells=len([i for i in in_cells if i in known]) if known else len(in_cells),
        pooled_cells=int((k >= 2).sum()),
        single_cells=int((k == 1).sum()),
        not_pooled_reasons=sorted(not_pooled.items(), key=lambda kv: (-kv[1], kv[0])),
    )


def boxes(flow: Flow) -> list[dict]:
    """The diagram's rows: a main box down the left, an exclusion to the right (PRISMA 2020 layout)."""
    def box(label, count, reasons=(), detail=""):
        return {"label": label, "count": count, "shown": fmt_count(count), "detail": detail,
                "reasons": [f"{reason}: {fmt_count(n)}" for reason, n in reasons]}
    return [
        {"main": box("files found in the raw folder", flow.files), "side": None},
        {"main": box("records read (a file may hold several records)", flow.records),
         "side": box("records skipped", flow.skipped, flow.skipped_reasons)},
        {"main": box("records after skipping", flow.records - flow.skipped),
         "side": box("duplicates removed", flow.duplicates)},
        {"main": box("documents included", flow.included),
         "side": box("documents without any effect estimate", flow.included - flow.with_estimates)},
        {"main": box("documents with estimates", flow.with_estimates), "side": None},
        {"main": box("effect estimates extracted", flow.estimates),
         "side": box("estimates not in any cell", flow.estimates - flow.in_cells, flow.not_pooled_reasons)},
        {"main": box("estimates in comparable cells", flow.in_cells,
                     detail=f"{fmt_count(flow.pooled_cells)} pooled cells (k ≥ 2), "
                            f"{fmt_count(flow.single_cells)} single-study cells"), "side": None},
    ]


def counts(flow: Flow) -> list[tuple[str, str]]:
    """The same counts as a plain table (for screen readers and copy-paste)."""
    rows = [
        ("Files found", flow.files), ("Records read", flow.records), ("Records skipped", flow.skipped),
        ("Duplicates", flow.duplicates), ("Documents included", flow.included),
        ("Documents with estimates", flow.with_estimates), ("Estimates extracted", flow.estimates),
        ("Estimates flagged", flow.flagged), ("Estimates rejected by the reviewer", flow.rejected),
        ("Estimates in comparable cells", flow.in_cells), ("Pooled cells (k ≥ 2)", flow.pooled_cells),
        ("Single-study cells", flow.single_cells),
    ]
    return [(label, fmt_count(n)) for label, n in rows]
