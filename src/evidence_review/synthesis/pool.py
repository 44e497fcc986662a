"""Pool each comparable cell with the engine (evidence_review.meta) and run the sensitivity analyses.

Per cell with k >= 2: `rma(yi, vi, method, test)` (default REML with Knapp-Hartung); the prediction interval is
reported from k >= pi_min_k; sensitivity refits with the other estimators (default DL, PM with the same test, and
the common-effect model EE with a z-test), leave-one-out from k >= leave1out_min_k, Egger's regression test (metafor's regtest) and
trim-and-fill from k >= bias_min_k. A cell with one study is a single-study row: its own estimate and CI
(method "single study"). Estimates, CIs and PIs in pooled.csv are on the natural scale (ratios exponentiated,
logits back to proportions, log rates back to rates); tau² stays on the analysis scale, I² in percent.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from ..meta import leave1out, regtest, rma, trimfill
from ..tables import POOLED_COLUMNS
from .certainty import certainty
from .effects import from_analysis, natural_interval, null_value

SENSITIVITY_COLUMNS = ["cell_id", "analysis", "k", "estimate", "ci_low", "ci_high", "tau2", "i2", "p", "notes"]


@dataclass
class CellFit:
    """What the forest plot and the metafor export need about one cell."""
    cell_id: str
    measure: str
    intervention: str
    comparator: str
    outcome: str
    studies: pd.DataFrame  # included members: study, yi, vi, value, ci_low, ci_high, weight
    result: object | None  # RMAResult for k >= 2
    show_pi: bool
    row: dict = field(default_factory=dict)


def _finite(x) -> bool:
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def _nan_if_none(x) -> float:
    return float(x) if _finite(x) else math.nan


def _unique_labels(labels: list[str]) -> list[str]:
    """Study labels made unique with " [2]", " [3]" suffixes (two cohorts from one author-year)."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} [{seen[label]}]")
    return out


def _join(values) -> str:
    return ";".join(sorted({str(v) for v in values if str(v)}))


def _cell_notes(cell: pd.DataFrame, included: pd.DataFrame) -> list[str]:
    notes = []
    for rec in included.sort_values("estimate_id").to_dict("records"):
        if rec["note"]:
            notes.append(f"{rec['estimate_id']} ({rec['study']}): {rec['note']}")
    for rec in cell[~cell["included"]].sort_values("estimate_id").to_dict("records"):
        notes.append(f"excluded {rec['estimate_id']} ({rec['study']}): {rec['reason']}")
    stated = included[included["timepoint_as_written"].astype(str) != ""]
    if len(stated) and (included["timepoint"].astype(str) == "").all():
        times = ", ".join(f"{s} {t}" for s, t in zip(stated["study"], stated["timepoint_as_written"]))
        notes.append(f"follow-up times pooled together: {times}")
    return notes


def pool_cells(members: pd.DataFrame, *, method: str = "REML", test: str = "knha", level: float = 0.95,
               pi_min_k: int = 3, sensitivity_methods: tuple[str, ...] = ("DL", "PM", "EE"),
               leave1out_min_k: int = 3, bias_min_k: int = 10) -> tuple[pd.DataFrame, pd.DataFrame, list[CellFit]]:
    """(pooled table in POOLED_COLUMNS order, sensitivity table, per-cell fits) from the member table."""
    rows, sens_rows, fits = [], [], []
    z = float(stats.norm.isf((1 - level) / 2))
    for cell_id, cell in members.groupby("cell_id", sort=True):
        included = cell[cell["included"]].sort_values(["study", "estimate_id"])
        if included.empty:
            continue
        first = included.iloc[0]
        measure = first["measure"]
        null = null_value(measure)
        k = len(included)
        # a stated follow-up time joins the label, so a pooled-across-times cell shows which time each study gave
        labels = _unique_labels([f"{s}, {t}" if t else s for s, t in
                                 zip(included["study"], included["timepoint_as_written"].fillna("").astype(str))])
        row = {c: first[c] for c in ("condition", "outcome", "measure", "intervention", "comparator", "timepoint")}
        spellings = included["condition_as_written"].astype(str).value_counts()
        if len(spellings):  # the most frequent spelling ("NMOSD", not "nmosd"); ties broken alphabetically
            row["condition"] = sorted(spellings.index, key=lambda t: (-spellings[t], t))[0]
        row["cell_id"] = cell_id
        row["k"] = k
        ns = included.drop_duplicates("doc_id")["n"]
        row["n_total"] = int(ns.dropna().sum()) if ns.notna().any() else pd.NA
        row["estimate_ids"] = _join(included["estimate_id"])
        row["doc_ids"] = _join(included["doc_id"])
        notes = _cell_notes(cell, included)
        studies = pd.DataFrame({
            "study": labels, "estimate_id": list(included["estimate_id"]),
            "yi": included["yi"].astype(float).to_numpy(), "vi": included["vi"].astype(float).to_numpy(),
            "value": included["value"].astype(float).to_numpy(), "ci_low": included["ci_low"].astype(float).to_numpy(),
            "ci_high": included["ci_high"].astype(float).to_numpy(),
        })
        result = None
        if k == 1:
            value, lo, hi = studies.loc[0, ["value", "ci_low", "ci_high"]]
            yi, vi = studies.loc[0, ["yi", "vi"]]
            ci_method = "as reported"
            events, total = first["events"], first["total"]
            if (not (_finite(lo) and _finite(hi)) and measure == "PROPORTION" and _finite(events) and _finite(total)
                    and 0 <= events <= total and total > 0):
                # one proportion: the exact interval, which (unlike a Wald logit one) holds 0/n and n/n
                lo, hi = stats.binomtest(int(round(events)), int(round(total))).proportion_ci(level, "exact")
                ci_method = "Clopper-Pearson exact, from events/total"
            elif not (_finite(lo) and _finite(hi)) and _finite(yi) and _finite(vi):
                lo, hi = natural_interval(measure, yi - z * math.sqrt(vi), yi + z * math.sqrt(vi))
                ci_method = f"Wald, SE from {first['variance_source']}"
            elif not (_finite(lo) and _finite(hi)):
                ci_method = "none"
            row.update(estimate=_nan_if_none(value), ci_low=_nan_if_none(lo), ci_high=_nan_if_none(hi),
                       pi_low=math.nan, pi_high=math.nan, tau2=math.nan, i2=math.nan, q=math.nan, q_p=math.nan,
                       method="single study", ci_method=ci_method)
            studies["weight"] = 100.0
        else:
            try:
                result = rma(studies["yi"], studies["vi"], method=method, test=test, level=level, study=labels)
            except _ENGINE_ERRORS as exc:  # the engine refuses these yi/vi: report it in the row, never crash
                row.update(estimate=math.nan, ci_low=math.nan, ci_high=math.nan, pi_low=math.nan, pi_high=math.nan,
                           tau2=math.nan, i2=math.nan, q=math.nan, q_p=math.nan, method="not pooled",
                           ci_method="none", certainty="low")
                notes.append(f"not pooled: {exc}")
                row["notes"] = " | ".join(notes)
                rows.append(row)
                continue
            lo, hi = natural_interval(measure, result.ci_low, result.ci_high)
            show_pi = k >= pi_min_k and _finite(result.pi_low)
            pi_lo, pi_hi = natural_interval(measure, result.pi_low, result.pi_high) if show_pi else (math.nan, math.nan)
            row.update(estimate=from_analysis(measure, result.estimate), ci_low=lo, ci_high=hi, pi_low=pi_lo,
                       pi_high=pi_hi, tau2=result.tau2, i2=result.i2, q=result.q, q_p=result.q_p,
                       method=result.method, ci_method=result.test)
            studies["weight"] = np.asarray(result.weights, dtype=float)
            notes.extend(f"engine: {n}" for n in result.notes)
            sens_rows.extend(_sensitivity(cell_id, measure, studies, result, method, test, level,
                                          sensitivity_methods, leave1out_min_k, bias_min_k))
        approximate = included["variance_source"].isin(["p-value", "one-sided ci"]).any()
        label, why = certainty(k, row["n_total"] if row["n_total"] is not pd.NA else None, row["i2"],
                               row["ci_low"], row["ci_high"], row["pi_low"], row["pi_high"], null,
                               list(included["design"]), bool(approximate))
        row["certainty"] = label
        notes.append(f"certainty {label}: {why}")
        row["notes"] = " | ".join(notes)
        rows.append(row)
        fits.append(CellFit(cell_id, measure, row["intervention"], row["comparator"], row["outcome"], studies,
                            result, bool(result is not None and k >= pi_min_k), row))
    pooled = pd.DataFrame(rows, columns=POOLED_COLUMNS)
    if len(pooled):
        pooled = pooled.sort_values(["condition", "outcome", "measure", "intervention", "comparator", "timepoint",
                                     "cell_id"], kind="stable").reset_index(drop=True)
    sensitivity = pd.DataFrame(sens_rows, columns=SENSITIVITY_COLUMNS)
    return pooled, sensitivity, fits


def _sens_row(cell_id, analysis, measure, k, est, lo, hi, tau2, i2, p=math.nan, notes="") -> dict:
    nat_lo, nat_hi = natural_interval(measure, lo, hi)
    return {"cell_id": cell_id, "analysis": analysis, "k": k, "estimate": from_analysis(measure, est),
            "ci_low": nat_lo, "ci_high": nat_hi, "tau2": _nan_if_none(tau2), "i2": _nan_if_none(i2),
            "p": _nan_if_none(p), "notes": notes}


_ENGINE_ERRORS = (ValueError, ArithmeticError, np.linalg.LinAlgError)


def _failed_row(cell_id, analysis, k, exc) -> dict:
    """A sensitivity analysis the engine could not run: listed with the reason, never a crash."""
    return {"cell_id": cell_id, "analysis": analysis, "k": k, "estimate": math.nan, "ci_low": math.nan,
            "ci_high": math.nan, "tau2": math.nan, "i2": math.nan, "p": math.nan,
            "notes": f"not computed: {type(exc).__name__}: {exc}"}


def _sensitivity(cell_id, measure, studies, primary, method, test, level, methods, leave1out_min_k,
                 bias_min_k) -> list[dict]:
    yi, vi, labels = studies["yi"].to_numpy(), studies["vi"].to_numpy(), list(studies["study"])
    k = len(yi)
    out = [_sens_row(cell_id, f"primary: {primary.method}, {primary.test}", measure, k, primary.estimate,
                     primary.ci_low, primary.ci_high, primary.tau2, primary.i2, primary.p)]
    for alt in methods:
        if alt == method:
            continue
        name = "common effect (EE)" if alt == "EE" else alt
        # the common-effect model is read with its usual z-test (Knapp-Hartung is meant for random effects)
        alt_test = "z" if alt == "EE" else test
        try:
            res = rma(yi, vi, method=alt, test=alt_test, level=level, study=labels, confint=False)
        except _ENGINE_ERRORS as exc:
            out.append(_failed_row(cell_id, f"{name}, {alt_test}", k, exc))
            continue
        out.append(_sens_row(cell_id, f"{name}, {res.test}", measure, k, res.estimate, res.ci_low, res.ci_high,
                             math.nan if alt == "EE" else res.tau2, res.i2, res.p, "; ".join(res.notes)))
    if k >= leave1out_min_k:
        try:
            for rec in leave1out(yi, vi, method=method, test=test, level=level, study=labels):
                out.append(_sens_row(cell_id, f"leave out {rec['study']}", measure, rec["k"], rec["estimate"],
                                     rec["ci_low"], rec["ci_high"], rec["tau2"], rec["i2"], rec["p"]))
        except _ENGINE_ERRORS as exc:
            out.append(_failed_row(cell_id, "leave-one-out", k, exc))
    if k >= bias_min_k:
        try:
            egger = regtest(yi, vi, method=method, test=test, level=level)
            out.append(_sens_row(cell_id, "Egger regression test (limit estimate)", measure, k, egger["est"],
                                 egger["ci_low"], egger["ci_high"], egger["tau2"], math.nan, egger["p"],
                                 f"slope {egger['slope']:.4g}, stat {egger['stat']:.4g}; {egger['note']}".strip("; ")))
        except _ENGINE_ERRORS as exc:  # e.g. identical variances: the standard error is no moderator
            out.append(_failed_row(cell_id, "Egger regression test", k, exc))
        try:
            tf = trimfill(yi, vi, method=method, level=level)
            out.append(_sens_row(cell_id, f"trim-and-fill (k0 = {tf['k0']}, side {tf['side']})", measure, tf["k"],
                                 tf["estimate"], tf["ci_low"], tf["ci_high"], tf["tau2"], tf["i2"], tf["p"],
                                 tf["note"]))
        except _ENGINE_ERRORS as exc:
            out.append(_failed_row(cell_id, "trim-and-fill", k, exc))
    return out
