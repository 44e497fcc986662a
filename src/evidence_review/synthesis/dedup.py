"""The same patients are never counted twice in a cell.

Rules, applied in this order to the estimates still included after build_members (which already removed
reviewer rejections, flagged numbers, duplicate documents and protocols, each with its reason):

1. Secondary reports (document design "news", "review" or "patient information") quote trials reported
   elsewhere. In a cell that holds any primary report they are excluded; in a cell with secondary reports only,
   the one from the first document (by doc_id) is kept and the others are excluded, since two news pieces may
   well quote the same trial.
   Meta-analyses never meet primary studies: build_members puts each meta-analysis in a group of its own.
2. One document, one estimate per cell. A document reporting several estimates in one cell (several follow-up
   times, adjusted and unadjusted models, two drugs of one class at class level) keeps one, ranked by:
   has a variance; then, when follow-up times differ, the longest (an estimate without a stated time counts as
   the whole follow-up, i.e. longest); then the first in the text (abstracts state the primary result first);
   then estimate_id. The others are excluded with the kept estimate's id in the reason.
3. An estimate without a variance cannot be weighted. When its cell has more than one included estimate it
   moves to a cell of its own (group "no variance <estimate_id>", a single-study row) with the reason in its note.
"""
from __future__ import annotations

import math

import pandas as pd

from .cells import KEY_COLUMNS, cell_id_for

SECONDARY_DESIGNS = {"news", "review", "patient information"}


def _has_variance(vi) -> bool:
    try:
        return math.isfinite(float(vi)) and float(vi) > 0
    except (TypeError, ValueError):
        return False


def apply_same_patient_rules(members: pd.DataFrame) -> pd.DataFrame:
    """Members with `included`/`reason` updated and no-variance estimates moved out (see module docstring).

    The rules read the columns as plain lists and write `included`, `reason`, `note`, `group` and `cell_id` back
    once (a .loc per cell or document was most of this step's time at 10,000 documents)."""
    out = members.copy()
    n = len(out)
    included = [bool(x) for x in out["included"]]
    reason = list(out["reason"].astype("object"))
    note = list(out["note"].astype("object"))
    cell_ids = list(out["cell_id"])
    design = list(out["design"])
    doc_id = list(out["doc_id"])

    # 1. secondary reports, in the cells that hold one
    secondary = [d in SECONDARY_DESIGNS for d in design]
    by_cell: dict[object, list[int]] = {}
    for i in range(n):
        if included[i]:
            by_cell.setdefault(cell_ids[i], []).append(i)
    for rows in by_cell.values():
        if not any(secondary[i] for i in rows):
            continue
        if not all(secondary[i] for i in rows):
            for i in rows:
                if secondary[i]:
                    included[i] = False
                    reason[i] = (f"secondary report ({design[i]}): primary reports of this "
                                 "comparison are in the cell, so its patients would count twice")
        else:
            first_doc = sorted(str(doc_id[i]) for i in rows)[0]
            for i in rows:
                if str(doc_id[i]) != first_doc:
                    included[i] = False
                    reason[i] = (f"secondary report ({design[i]}); another secondary report "
                                 f"({first_doc}) already represents this cell and may quote the same trial")

    # 2. one estimate per document per cell
    followup, vi, start = list(out["followup_months"]), list(out["vi"]), list(out["start"])
    estimate_id, written = list(out["estimate_id"]), list(out["timepoint_as_written"])
    by_doc: dict[tuple, list[int]] = {}
    for i in range(n):
        if included[i]:
            by_doc.setdefault((cell_ids[i], doc_id[i]), []).append(i)
    for rows in by_doc.values():
        if len(rows) < 2:
            continue
        months = {i: math.inf if followup[i] is None or pd.isna(followup[i]) else float(followup[i]) for i in rows}
        timepoints_differ = len(set(months.values())) > 1
        ranked = sorted(rows, key=lambda i: (
            0 if _has_variance(vi[i]) else 1,
            -months[i] if timepoints_differ else 0,
            start[i] if pd.notna(start[i]) else math.inf,
            str(estimate_id[i]),
        ))
        keep = ranked[0]
        for i in ranked[1:]:
            included[i] = False
            if timepoints_differ and months[i] != months[keep]:
                kept_time = written[keep] or "the whole follow-up"
                reason[i] = (f"same study at another timepoint ({written[i] or 'unstated'}); "
                             f"kept {estimate_id[keep]} ({kept_time}, the longest)")
            else:
                reason[i] = (f"another estimate from the same document in this cell (same patients); "
                             f"kept {estimate_id[keep]}")

    out["included"] = included
    out["reason"] = pd.Series(reason, index=out.index, dtype="object")
    out["note"] = pd.Series(note, index=out.index, dtype="object")

    # 3. no variance -> a single-study cell of its own
    count: dict[object, int] = {}
    for i in range(n):
        if included[i]:
            count[cell_ids[i]] = count.get(cell_ids[i], 0) + 1
    moved = [i for i in range(n) if included[i] and count[cell_ids[i]] >= 2 and not _has_variance(vi[i])]
    if moved:  # the key columns read once as lists and written back once (a .loc per row cost ~1 ms)
        group = list(out["group"].astype("object"))
        keys = {column: group if column == "group" else list(out[column].astype("object"))
                for column in KEY_COLUMNS}
        extra = "not pooled: no variance could be derived, shown as a single-study row"
        for i in moved:
            group[i] = f"no variance {estimate_id[i]}"
            cell_ids[i] = cell_id_for(tuple(keys[column][i] for column in KEY_COLUMNS))
            note[i] = f"{note[i]}; {extra}" if note[i] else extra
        out["group"] = pd.Series(group, index=out.index, dtype=out["group"].dtype)
        out["cell_id"] = pd.Series(cell_ids, index=out.index, dtype=out["cell_id"].dtype)
        out["note"] = pd.Series(note, index=out.index, dtype="object")
    return out
