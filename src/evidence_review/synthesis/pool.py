"""Pool each comparable cell with the engine (evidence_review.meta), run the sensitivity analyses, rate certainty.

Few studies (Cochrane Handbook ch. 10.10.4; IntHout et al., BMC Med Res Methodol 2014;14:25; Röver et al.,
BMC Med Res Methodol 2015;15:99):
- one study: a single-study row, its own estimate and CI (method "single study");
- two studies: shown side by side and not pooled (method "not pooled: 2 studies"), because with two studies the
  between-study variance is barely estimable and a Hartung-Knapp interval is uninformatively wide
  (`pool_two=True` pools them anyway);
- from three: `rma(yi, vi, method, test)`, by default REML (Veroniki et al., Res Synth Methods 2016;7:55-79) with
  the Hartung-Knapp-Sidik-Jonkman interval and the ad hoc correction (metafor's test="adhoc": the variance factor
  is floored at 1, so the interval is never narrower than the Wald interval; Röver 2015); the Q-profile CI of tau²
  and the I² interval mapped from it (Viechtbauer 2007; Veroniki et al. 2019); the prediction interval
  (IntHout et al., BMJ Open 2016;6:e010247) from k >= pi_min_k, metafor's (`pi_method="metafor"`: the model's
  quantile, t with k - 1 df under Hartung-Knapp) or always t with k - 1 df (`pi_method="k-1"`).
Sensitivity analyses refit with the other estimators (default DL and PM, same test), leave-one-out from k >=
leave1out_min_k, Egger's regression test (metafor's regtest) and trim-and-fill from k >= bias_min_k. The common-
effect model is not a default sensitivity analysis any more: next to a random-effects result it invites picking
the narrower interval.
Estimates, CIs and PIs in pooled.csv are on the natural scale (ratios exponentiated, logits back to proportions,
log rates back to rates); tau² stays on the analysis scale, I² in percent. Certainty: certainty.py, once per cell.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from ..meta import leave1out, regtest, rma, subgroups, trimfill
from ..tables import POOLED_COLUMNS, POOLED_EXTRA_COLUMNS, SENSITIVITY_COLUMNS, null_value
from .arm_counts import ArmCounts
from .certainty import CellEvidence, Grade, grade
from .effects import from_analysis, natural_interval

TWO_STUDIES = "not pooled: 2 studies"


@dataclass
class GradeContext:
    """What the certainty rating needs beyond the cell's numbers (all keyed by ids; empty means unknown)."""
    randomized: dict[str, bool] = field(default_factory=dict)  # doc_id -> randomized evidence
    risk_of_bias: dict[str, str] = field(default_factory=dict)  # doc_id -> overall judgement
    overrides: dict = field(default_factory=dict)  # cell_id -> domain -> Judgement
    arms: dict[str, ArmCounts] = field(default_factory=dict)  # estimate_id -> counts per arm
    labels: dict[str, str] = field(default_factory=dict)  # doc_id -> "Surname Year"
    roles: dict[str, str] = field(default_factory=dict)  # estimate_id -> role (empty: an effect)
    subgroups: dict[str, str] = field(default_factory=dict)  # estimate_id -> subgroup label (empty: none)



@dataclass
class CellFit:
    """What the forest plot and the metafor export need about one cell."""
    cell_id: str
    measure: str
    intervention: str
    comparator: str
    outcome: str
    studies: pd.DataFrame  # included members: study, yi, vi, value, ci_low, ci_high, weight, events/totals
    result: object | None  # RMAResult when pooled
    show_pi: bool
    row: dict = field(default_factory=dict)
    grade: Grade | None = None
    egger_p: float | None = None
    subgroups: dict | None = None  # levels, fits per level (natural scale), q, df, p of the subgroup test


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


def pool_cells(members: pd.DataFrame, *, method: str = "REML", test: str = "adhoc", level: float = 0.95,
               pi_min_k: int = 3, pi_method: str = "metafor", pool_two: bool = False,
               sensitivity_methods: tuple[str, ...] = ("DL", "PM"), leave1out_min_k: int = 3, bias_min_k: int = 10,
               context: GradeContext | None = None) -> tuple[pd.DataFrame, pd.DataFrame, list[CellFit]]:
    """(pooled table: POOLED_COLUMNS then POOLED_EXTRA_COLUMNS, sensitivity table, per-cell fits)."""
    context = context or GradeContext()
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
        studies_named = [context.labels.get(str(d)) or s for d, s in zip(included["doc_id"], included["study"])]
        # a stated follow-up time joins the label, so a pooled-across-times cell shows which time each study gave
        labels = _unique_labels([f"{s}, {t}" if t else s for s, t in
                                 zip(studies_named, included["timepoint_as_written"].fillna("").astype(str))])
        row = {c: first[c] for c in ("condition", "outcome", "measure", "intervention", "comparator", "timepoint")}
        spellings = included["condition_as_written"].astype(str).value_counts()
        if len(spellings):  # the most frequent spelling ("NMOSD", not "nmosd"); ties broken alphabetically
            row["condition"] = sorted(spellings.index, key=lambda t: (-spellings[t], t))[0]
        row["cell_id"] = cell_id
        row["k"] = k
        arms = [context.arms.get(str(e)) for e in included["estimate_id"]]
        ns = included["n"].astype(float).to_numpy()
        # patients per study: the study's own n, else the sum of its arms' totals
        n_study = [n if _finite(n) else (a.participants if a else math.nan) for n, a in zip(ns, arms)]
        known = _dedupe_docs(n_study, list(included["doc_id"]))
        row["n_total"] = int(sum(known)) if known else pd.NA
        row["events"] = sum(a.events for a in arms) if arms and all(arms) else math.nan
        row["estimate_ids"] = _join(included["estimate_id"])
        row["doc_ids"] = _join(included["doc_id"])
        randomized = [bool(context.randomized.get(str(d), str(g) == "rct"))
                      for d, g in zip(included["doc_id"], included["design"])]
        row["n_randomized_studies"] = sum(randomized)
        notes = _cell_notes(cell, included)
        studies = pd.DataFrame({
            "study": labels, "estimate_id": list(included["estimate_id"]), "doc_id": list(included["doc_id"]),
            "yi": included["yi"].astype(float).to_numpy(), "vi": included["vi"].astype(float).to_numpy(),
            "value": included["value"].astype(float).to_numpy(), "ci_low": included["ci_low"].astype(float).to_numpy(),
            "ci_high": included["ci_high"].astype(float).to_numpy(),
            "events_intervention": [a.events_intervention if a else math.nan for a in arms],
            "total_intervention": [a.total_intervention if a else math.nan for a in arms],
            "events_comparator": [a.events_comparator if a else math.nan for a in arms],
            "total_comparator": [a.total_comparator if a else math.nan for a in arms],
            "subgroup": [context.subgroups.get(str(e), "") for e in included["estimate_id"]],
        })
        _fill_study_intervals(studies, measure, z)
        result, egger_p, subgroup_test = None, None, None
        row.update(pi_method="", tau2_ci_low=math.nan, tau2_ci_high=math.nan, i2_ci_low=math.nan,
                   i2_ci_high=math.nan)
        if k == 1:
            value, lo, hi = studies.loc[0, ["value", "ci_low", "ci_high"]]
            yi, vi = studies.loc[0, ["yi", "vi"]]
            ci_method = "as reported"
            events, total = first["events"], first["total"]
            if (not (_finite(first["ci_low"]) and _finite(first["ci_high"])) and measure == "PROPORTION"
                    and _finite(events) and _finite(total) and 0 <= events <= total and total > 0):
                # one proportion: the exact interval, which (unlike a Wald logit one) holds 0/n and n/n
                lo, hi = stats.binomtest(int(round(events)), int(round(total))).proportion_ci(level, "exact")
                ci_method = "Clopper-Pearson exact, from events/total"
            elif not (_finite(first["ci_low"]) and _finite(first["ci_high"])) and _finite(yi) and _finite(vi):
                lo, hi = studies.loc[0, ["ci_low_shown", "ci_high_shown"]]
                ci_method = f"Wald, SE from {first['variance_source']}"
            elif not (_finite(lo) and _finite(hi)):
                ci_method = "none"
            row.update(estimate=_nan_if_none(value), ci_low=_nan_if_none(lo), ci_high=_nan_if_none(hi),
                       pi_low=math.nan, pi_high=math.nan, tau2=math.nan, i2=math.nan, q=math.nan, q_p=math.nan,
                       method="single study", ci_method=ci_method)
            studies["weight"] = 100.0
        elif k == 2 and not pool_two:
            row.update(estimate=math.nan, ci_low=math.nan, ci_high=math.nan, pi_low=math.nan, pi_high=math.nan,
                       tau2=math.nan, i2=math.nan, q=math.nan, q_p=math.nan, method=TWO_STUDIES, ci_method="")
            notes.append("two studies are shown side by side, not pooled: with two studies the between-study "
                         "variance cannot be estimated usefully (pool_two_studies turns pooling on)")
            studies["weight"] = math.nan  # not pooled: no study carries a weight in a pooled estimate
        else:
            try:
                result = rma(studies["yi"], studies["vi"], method=method, test=test, level=level, study=labels)
            except _ENGINE_ERRORS as exc:  # the engine refuses these yi/vi: report it in the row, never crash
                row.update(estimate=math.nan, ci_low=math.nan, ci_high=math.nan, pi_low=math.nan, pi_high=math.nan,
                           tau2=math.nan, i2=math.nan, q=math.nan, q_p=math.nan, method="not pooled",
                           ci_method="none")
                notes.append(f"not pooled: {exc}")
                studies["weight"] = math.nan
                result = None
            if result is not None:
                lo, hi = natural_interval(measure, result.ci_low, result.ci_high)
                show_pi = k >= pi_min_k and _finite(result.pi_low)
                pi_lo, pi_hi = (natural_interval(measure, *_prediction_interval(result, pi_method))
                                if show_pi else (math.nan, math.nan))
                row.update(estimate=from_analysis(measure, result.estimate), ci_low=lo, ci_high=hi, pi_low=pi_lo,
                           pi_high=pi_hi, tau2=result.tau2, i2=result.i2, q=result.q, q_p=result.q_p,
                           method=result.method, ci_method=result.test,
                           pi_method=(_PI_METHOD_WORDS[pi_method] if show_pi else ""),
                           tau2_ci_low=result.tau2_ci_low, tau2_ci_high=result.tau2_ci_high,
                           i2_ci_low=result.i2_ci_low, i2_ci_high=result.i2_ci_high)
                studies["weight"] = np.asarray(result.weights, dtype=float)
                notes.extend(f"engine: {n}" for n in result.notes)
                cell_sens = _sensitivity(cell_id, measure, studies, result, method, test, level,
                                         sensitivity_methods, leave1out_min_k, bias_min_k)
                sens_rows.extend(cell_sens)
                egger_p = next((r["p"] for r in cell_sens if r["analysis"].startswith("Egger")), None)
                subgroup_test = _subgroup_test(studies, measure, method, test, level)
                if subgroup_test is not None:
                    notes.append(f"test for subgroup differences ({', '.join(subgroup_test['levels'])}): "
                                 f"Q = {subgroup_test['q']:.3g}, df = {subgroup_test['df']}, "
                                 f"p = {subgroup_test['p']:.3g}")
        approximate = included["variance_source"].isin(["p-value", "one-sided ci"])
        if approximate.any():
            notes.append(f"{int(approximate.sum())} stud{'y' if approximate.sum() == 1 else 'ies'}' variance "
                         "approximated from a p-value or one CI limit")
        evidence = CellEvidence(
            measure=measure, null=null, k=k, pooled=result is not None or k == 1,
            estimate=_nan_if_none(row["estimate"]), ci_low=_nan_if_none(row["ci_low"]),
            ci_high=_nan_if_none(row["ci_high"]), pi_low=_nan_if_none(row["pi_low"]),
            pi_high=_nan_if_none(row["pi_high"]), i2=_nan_if_none(row["i2"]),
            studies=list(zip(studies["value"], studies["ci_low_shown"], studies["ci_high_shown"])),
            weights=[float(w) for w in studies["weight"]], randomized=randomized,
            roles=[context.roles.get(str(e), "") for e in included["estimate_id"]],
            comparator=str(row["comparator"] or ""),
            events=row["events"] if _finite(row["events"]) else None,
            participants=float(row["n_total"]) if row["n_total"] is not pd.NA else None,
            risk_of_bias=[context.risk_of_bias.get(str(d)) for d in included["doc_id"]],
            egger_p=egger_p if _finite(egger_p) else None, bias_min_k=bias_min_k)
        rating = grade(evidence, context.overrides.get(cell_id))
        row["certainty"] = rating.label
        row["certainty_reasons"] = rating.reasons
        row["notes"] = " | ".join(notes)
        rows.append(row)
        fits.append(CellFit(cell_id, measure, row["intervention"], row["comparator"], row["outcome"], studies,
                            result, bool(result is not None and k >= pi_min_k and _finite(row["pi_low"])), row,
                            rating, egger_p if _finite(egger_p) else None,
                            subgroup_test if result is not None else None))
    pooled = pd.DataFrame(rows, columns=POOLED_COLUMNS + POOLED_EXTRA_COLUMNS)
    if len(pooled):
        pooled = pooled.sort_values(["condition", "outcome", "measure", "intervention", "comparator", "timepoint",
                                     "cell_id"], kind="stable").reset_index(drop=True)
    sensitivity = pd.DataFrame(sens_rows, columns=SENSITIVITY_COLUMNS)
    return pooled, sensitivity, fits


def _subgroup_test(studies: pd.DataFrame, measure: str, method: str, test: str, level: float) -> dict | None:
    """Each subgroup pooled on its own and the test for subgroup differences (metafor's separate-fits Q between,
    the engine's `subgroups`), when every study of the cell names one of at least two subgroups."""
    labels = [str(s) for s in studies["subgroup"]]
    if len(set(labels)) < 2 or "" in labels:
        return None
    try:
        out = subgroups(studies["yi"].to_numpy(float), studies["vi"].to_numpy(float), labels, method=method,
                        test=test, level=level, study=list(studies["study"]))
    except _ENGINE_ERRORS:
        return None
    fits = {}
    for name, fit in out["fits"].items():
        lo, hi = natural_interval(measure, fit.ci_low, fit.ci_high)
        fits[name] = {"k": fit.k, "estimate": from_analysis(measure, fit.estimate), "ci_low": lo, "ci_high": hi}
    return {"levels": list(out["levels"]), "fits": fits, "q": out["q_between"], "df": out["q_between_df"],
            "p": out["q_between_p"]}


_PI_METHOD_WORDS = {"metafor": "metafor (model quantile)", "k-1": "t with k-1 df", "riley": "t with k-2 df (Riley)"}
#: pooling's names for the engine's prediction-interval types (meta.rma.prediction_interval)
PI_TYPES = {"metafor": "default", "k-1": "t", "riley": "riley"}


def _prediction_interval(result, pi_method: str) -> tuple[float, float]:
    """The engine's prediction interval of the fit: metafor's ("metafor"), t on k - 1 df ("k-1", meta 8's
    default) or t on k - 2 df ("riley")."""
    return result.prediction_interval(PI_TYPES[pi_method])


def _fill_study_intervals(studies: pd.DataFrame, measure: str, z: float) -> None:
    """ci_low_shown/ci_high_shown: the reported CI, else the Wald interval from yi and vi (for plots and GRADE)."""
    lows, highs = [], []
    for rec in studies.to_dict("records"):
        lo, hi = rec["ci_low"], rec["ci_high"]
        if not (_finite(lo) and _finite(hi)) and _finite(rec["yi"]) and _finite(rec["vi"]):
            half = z * math.sqrt(rec["vi"])
            lo, hi = natural_interval(measure, rec["yi"] - half, rec["yi"] + half)
        lows.append(_nan_if_none(lo))
        highs.append(_nan_if_none(hi))
    studies["ci_low_shown"] = lows
    studies["ci_high_shown"] = highs


def _dedupe_docs(values: list[float], docs: list[str]) -> list[float]:
    """One count per document (two estimates of one document in a cell are the same patients)."""
    seen, out = set(), []
    for v, d in zip(values, docs):
        if d in seen or not _finite(v):
            continue
        seen.add(d)
        out.append(float(v))
    return out


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
