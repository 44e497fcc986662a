"""Summary of Findings, one row per outcome and comparison, in the GRADE / Cochrane layout (Cochrane Handbook
ch. 14; GRADE Handbook 5.2): number of participants (studies), relative effect (95 % CI), anticipated absolute
effects per 1,000 (assumed risk with the comparator, risk with the intervention, difference), certainty with
footnotes naming the GRADE domains that moved it (and every reviewer override, with its reason), and GRADE's
plain-language statement.

Assumed risk: the median risk in the comparator arms of the cell's studies, when their counts are stated (arm
counts, arm_counts.py); without arm counts the absolute columns stay empty and `assumed_risk_source` says why.
Risk with the intervention from the relative effect and its CI limits (Cochrane Handbook 14.1.5.1):
RR (and IRR, RRR as 1 - RRR): p0 x RR; OR: OR p0 / (1 - p0 + OR p0); HR: 1 - (1 - p0)^HR; RD: p0 + RD.
Continuous and single-arm measures have no absolute columns. Written to reports/summary_of_findings.csv.
"""
from __future__ import annotations

import math
import statistics

import pandas as pd

from ..tables import records as row_records
from ..tables import COMPARATIVE_MEASURES, CONTINUOUS_MEASURES, SUMMARY_COLUMNS, null_value
from .certainty import LABELS, RISK_OF_BIAS, START, plain_language

#: comparisons with an absolute effect per 1,000 (binary, time-to-event and count outcomes; not MD or SMD)
ABSOLUTE_MEASURES = COMPARATIVE_MEASURES - CONTINUOUS_MEASURES


def _finite(x) -> bool:
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def risk_with_intervention(measure: str, p0: float, effect: float) -> float:
    """The intervention group's risk from the comparator risk p0 and a relative effect (see module docstring)."""
    if not (_finite(p0) and _finite(effect)):
        return math.nan
    if measure in ("RR", "IRR"):
        p1 = p0 * effect
    elif measure == "RRR":
        p1 = p0 * (1 - effect)
    elif measure == "OR":
        p1 = effect * p0 / (1 - p0 + effect * p0)
    elif measure == "HR":
        p1 = 1 - (1 - p0) ** effect
    elif measure == "RD":
        p1 = p0 + effect
    else:
        return math.nan
    return min(1.0, max(0.0, p1))


def _fmt(x) -> str:
    x = float(x)
    return f"{x:.2f}" if abs(x) >= 0.1 or x == 0 else f"{x:.2g}"


def _per_1000(p) -> float:
    return float(round(1000 * p)) if _finite(p) else math.nan


def summary_row(row: dict, fit) -> dict:
    measure = str(row["measure"])
    k = int(row["k"])
    n = row["n_total"]
    participants = float(n) if n is not pd.NA and _finite(n) else math.nan
    n_rand = int(row.get("n_randomized_studies") or 0)
    design = ("randomized" if n_rand == k else "non-randomized" if n_rand == 0 else f"{n_rand} randomized")
    studies_text = f"{k} stud{'y' if k == 1 else 'ies'}, {design}"
    shown_n = f"{participants:,.0f}" if _finite(participants) else "not reported"
    out = {c: math.nan for c in SUMMARY_COLUMNS}
    out.update(cell_id=row["cell_id"], condition=row["condition"], outcome=row["outcome"],
               intervention=row["intervention"], comparator=row["comparator"], measure=measure,
               participants=participants, studies=k, participants_studies=f"{shown_n} ({studies_text})",
               estimate=row["estimate"], ci_low=row["ci_low"], ci_high=row["ci_high"], certainty=row["certainty"])
    studies = fit.study_columns if fit is not None else {}
    if _finite(row["estimate"]):
        ci = (f" ({_fmt(row['ci_low'])} to {_fmt(row['ci_high'])})"
              if _finite(row["ci_low"]) and _finite(row["ci_high"]) else " (no CI)")
        out["relative_effect"] = f"{measure} {_fmt(row['estimate'])}{ci}"
    elif studies.get("study"):
        each = "; ".join(f"{s}: {measure} {_fmt(v)} ({_fmt(lo)} to {_fmt(hi)})" for s, v, lo, hi in
                         zip(studies["study"], studies["value"], studies["ci_low_shown"], studies["ci_high_shown"])
                         if _finite(v) and _finite(lo) and _finite(hi))
        out["relative_effect"] = f"not pooled ({k} studies side by side): {each}"
    else:
        out["relative_effect"] = "no estimate"
    p0, source = _assumed_risk(measure, studies)
    out["assumed_risk_source"] = source
    if _finite(p0) and _finite(row["estimate"]):
        p1 = risk_with_intervention(measure, p0, float(row["estimate"]))
        limits = sorted(risk_with_intervention(measure, p0, float(row[c])) for c in ("ci_low", "ci_high"))
        out.update(assumed_risk_per_1000=_per_1000(p0), risk_with_intervention_per_1000=_per_1000(p1),
                   risk_with_intervention_low=_per_1000(limits[0]), risk_with_intervention_high=_per_1000(limits[1]),
                   difference_per_1000=_per_1000(p1 - p0), difference_low=_per_1000(limits[0] - p0),
                   difference_high=_per_1000(limits[1] - p0))
    rating = fit.grade if fit is not None else None
    notes = []
    if rating is not None:
        notes = [j.describe() for j in rating.judgements if (j.domain != START and j.change != 0) or j.source]
        rob = next((j for j in rating.judgements if j.domain == RISK_OF_BIAS), None)
        if rob is not None and not rob.assessed:
            notes.insert(0, rob.describe())
    out["footnotes"] = " | ".join(notes)
    if _finite(row["estimate"]):
        out["plain_language"] = plain_language(str(row["certainty"]), str(row["intervention"]), str(row["outcome"]),
                                               str(row["comparator"]), measure, row["estimate"], row["ci_low"],
                                               row["ci_high"], null_value(measure))
    elif str(row["certainty"]) in LABELS.values() and k == 2:
        out["plain_language"] = (f"Two studies of {row['intervention']} compared with {row['comparator']}, shown side "
                                 f"by side and not pooled; certainty {row['certainty']}.")
    else:
        out["plain_language"] = f"No estimate of the effect of {row['intervention']} on {row['outcome']}."
    return out


def _assumed_risk(measure: str, studies: dict[str, list]) -> tuple[float, str]:
    """The comparator arms' median risk, from the cell's studies ({column: list}, `CellFit.study_columns`)."""
    if measure not in ABSOLUTE_MEASURES:
        return math.nan, "no absolute effect for this measure"
    if not studies.get("events_comparator"):
        return math.nan, "comparator-arm counts not stated"
    risks = [e / n for e, n in zip(studies["events_comparator"], studies["total_comparator"])
             if _finite(e) and _finite(n) and n > 0]
    if not risks:
        return math.nan, "comparator-arm counts not stated"
    return (float(statistics.median(risks)),
            f"median risk in the comparator arms of {len(risks)} stud{'y' if len(risks) == 1 else 'ies'}")


#: the relative effect a Summary of Findings shows when one outcome and comparison was pooled on several
#: measures (a binary outcome's RR, OR and RD computed from the same arms): the risk ratio first, as the
#: Cochrane Handbook (ch. 14) recommends for SoF tables; the other cells stay in pooled.csv
SOF_MEASURE_ORDER = ["RR", "HR", "IRR", "OR", "RD", "RRR", "MD", "SMD"]


def _sof_choice(row: dict) -> tuple:
    """Sort key of the cells of one outcome and comparison: most studies, printed before computed from arms,
    then SOF_MEASURE_ORDER."""
    measure = str(row["measure"])
    derived = str(row.get("from_arms") or "").strip().lower() in ("yes", "true", "1")
    order = SOF_MEASURE_ORDER.index(measure) if measure in SOF_MEASURE_ORDER else len(SOF_MEASURE_ORDER)
    return (-int(row.get("k") or 0), derived, order, str(row["cell_id"]))


def summary_of_findings(pooled: pd.DataFrame, fits: list) -> pd.DataFrame:
    """One row per outcome and comparison (its cell chosen by `_sof_choice` when several measures were
    pooled); cells of two or more studies first."""
    by_cell = {f.cell_id: f for f in fits}
    chosen: dict[tuple, dict] = {}
    for row in row_records(pooled):
        if null_value(str(row["measure"])) is None or not str(row["comparator"] or ""):
            continue
        key = tuple(str(row.get(c) or "") for c in ("condition", "outcome", "intervention", "comparator",
                                                    "timepoint", "subgroup"))
        if key not in chosen or _sof_choice(row) < _sof_choice(chosen[key]):
            chosen[key] = row
    rows = [summary_row(row, by_cell.get(row["cell_id"])) for row in chosen.values()]
    table = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    if len(table):
        # pooled comparisons first (the findings a reader looks for), then the single studies
        table = table.assign(_single=table["studies"] < 2).sort_values(
            ["_single", "condition", "outcome", "intervention", "comparator", "measure", "cell_id"],
            kind="stable").drop(columns="_single").reset_index(drop=True)
    return table
