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
    """Members with `included`/`reason` updated and no-variance estimates moved out (see module docstring)."""
    out = members.copy()
    out["included"] = out["included"].astype(bool)
    out["reason"] = out["reason"].astype("object")
    out["note"] = out["note"].astype("object")

    # 1. secondary reports (only cells holding one are looked at: one DataFrame per cell is the costly part)
    included = out[out["included"]]
    with_secondary = set(included.loc[included["design"].isin(SECONDARY_DESIGNS), "cell_id"])
    for _cell, idx in included[included["cell_id"].isin(with_secondary)].groupby("cell_id", sort=True).groups.items():
        cell = out.loc[idx, ["design", "doc_id"]]  # the columns the rule reads: a narrow copy is cheap
        secondary = cell["design"].isin(SECONDARY_DESIGNS)
        if (~secondary).any():
            for i in cell.index[secondary]:
                out.at[i, "included"] = False
                out.at[i, "reason"] = (f"secondary report ({cell.at[i, 'design']}): primary reports of this "
                                       "comparison are in the cell, so its patients would count twice")
        else:
            first_doc = sorted(cell["doc_id"].astype(str))[0]
            for i in cell.index:
                if str(cell.at[i, "doc_id"]) != first_doc:
                    out.at[i, "included"] = False
                    out.at[i, "reason"] = (f"secondary report ({cell.at[i, 'design']}); another secondary report "
                                           f"({first_doc}) already represents this cell and may quote the same trial")

    # 2. one estimate per document per cell
    included = out[out["included"]]
    included = included[included.duplicated(["cell_id", "doc_id"], keep=False)]
    for (_cell, _doc), idx in included.groupby(["cell_id", "doc_id"], sort=True).groups.items():
        group = out.loc[idx, ["followup_months", "vi", "start", "estimate_id", "timepoint_as_written"]]
        months = group["followup_months"].map(lambda m: math.inf if m is None or pd.isna(m) else float(m))
        timepoints_differ = months.nunique() > 1
        ranked = sorted(
            group.index,
            key=lambda i: (
                0 if _has_variance(group.at[i, "vi"]) else 1,
                -months[i] if timepoints_differ else 0,
                group.at[i, "start"] if pd.notna(group.at[i, "start"]) else math.inf,
                str(group.at[i, "estimate_id"]),
            ),
        )
        keep = ranked[0]
        for i in ranked[1:]:
            out.at[i, "included"] = False
            if timepoints_differ and months[i] != months[keep]:
                kept_time = group.at[keep, "timepoint_as_written"] or "the whole follow-up"
                out.at[i, "reason"] = (f"same study at another timepoint ({group.at[i, 'timepoint_as_written'] or 'unstated'}); "
                                       f"kept {group.at[keep, 'estimate_id']} ({kept_time}, the longest)")
            else:
                out.at[i, "reason"] = (f"another estimate from the same document in this cell (same patients); "
                                       f"kept {group.at[keep, 'estimate_id']}")

    # 3. no variance -> a single-study cell of its own
    included = out[out["included"]]
    included = included[included.duplicated("cell_id", keep=False)]
    for _cell, idx in included.groupby("cell_id", sort=True).groups.items():
        for i in idx:
            if _has_variance(out.at[i, "vi"]):
                continue
            out.at[i, "group"] = f"no variance {out.at[i, 'estimate_id']}"
            out.at[i, "cell_id"] = cell_id_for(tuple(out.loc[i, KEY_COLUMNS]))
            extra = "not pooled: no variance could be derived, shown as a single-study row"
            out.at[i, "note"] = f"{out.at[i, 'note']}; {extra}" if out.at[i, "note"] else extra
    return out
