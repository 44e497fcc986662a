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
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from ..meta import RMAResult, rma_many
from ..meta.diagnostics import egger_test, leave_one_out_many, subgroup_test, trim_and_fill
from ..tables import records as row_records
from ..tables import LEAVE_ONE_OUT, POOLED_COLUMNS, POOLED_EXTRA_COLUMNS, SENSITIVITY_COLUMNS, null_value
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
    # included members: study, yi, vi, value, ci_low, ci_high, weight, events/totals; given as a DataFrame or as
    # {column: list} (see `_studies_property`)
    studies: pd.DataFrame
    result: object | None  # RMAResult when pooled
    show_pi: bool
    row: dict = field(default_factory=dict)
    grade: Grade | None = None
    egger_p: float | None = None
    subgroups: dict | None = None  # levels, fits per level (natural scale), q, df, p of the subgroup test

    @property
    def study_columns(self) -> dict[str, list]:
        """The studies as {column: list of values}, without building a DataFrame."""
        given = self._studies
        if isinstance(given, dict):
            return given
        return {c: given[c].tolist() for c in given.columns}

    @property
    def k(self) -> int:
        """The number of studies in the cell."""
        given = self._studies
        return len(next(iter(given.values()), ())) if isinstance(given, dict) else len(given)


def _get_studies(fit: CellFit) -> pd.DataFrame:
    # built on first use: a cell's table is read for the plots and exports of pooled cells only, and a DataFrame
    # per cell for the thousands of single-study cells of a large corpus was a fifth of the pooling's CPU
    if isinstance(fit._studies, dict):
        fit._studies = pd.DataFrame(fit._studies)
    return fit._studies


def _set_studies(fit: CellFit, studies) -> None:
    fit._studies = studies


CellFit.studies = property(_get_studies, _set_studies)  # after the dataclass: its __init__ assigns through it


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


def _cell_notes(cell: list[dict], included: list[dict]) -> list[str]:
    notes = []
    for rec in sorted(included, key=lambda r: r["estimate_id"]):
        if rec["note"]:
            notes.append(f"{rec['estimate_id']} ({rec['study']}): {rec['note']}")
    for rec in sorted((r for r in cell if not r["included"]), key=lambda r: r["estimate_id"]):
        notes.append(f"excluded {rec['estimate_id']} ({rec['study']}): {rec['reason']}")
    stated = [r for r in included if str(r["timepoint_as_written"]) != ""]
    if stated and all(str(r["timepoint"]) == "" for r in included):
        times = ", ".join(f"{r['study']} {r['timepoint_as_written']}" for r in stated)
        notes.append(f"follow-up times pooled together: {times}")
    return notes


def _cells(members: pd.DataFrame):
    """(cell_id, member records in table order) per cell, cells in cell_id order: one pass over the table instead
    of a DataFrame per cell."""
    by_cell: dict[str, list[dict]] = {}
    for rec in row_records(members):
        by_cell.setdefault(rec["cell_id"], []).append(rec)
    return sorted(by_cell.items(), key=lambda item: item[0])


@dataclass
class _Cell:
    """One cell's pieces before the engine runs: its row of pooled.csv so far, its studies and notes."""
    cell_id: str
    measure: str
    k: int
    included: list[dict]
    labels: list[str]
    row: dict
    studies: dict[str, list]
    randomized: list[bool]
    notes: list[str]


def _prepare_cell(cell_id: str, cell: list[dict], context: GradeContext, z: float) -> _Cell | None:
    included = sorted((r for r in cell if r["included"]), key=lambda r: (r["study"], r["estimate_id"]))
    if not included:
        return None
    first = included[0]
    measure = first["measure"]
    k = len(included)
    studies_named = [context.labels.get(str(r["doc_id"])) or r["study"] for r in included]
    # a stated follow-up time joins the label, so a pooled-across-times cell shows which time each study gave
    labels = _unique_labels([f"{s}, {t}" if t else s for s, t in
                             zip(studies_named, (_text(r["timepoint_as_written"]) for r in included))])
    row = {c: first[c] for c in ("condition", "outcome", "measure", "intervention", "comparator", "timepoint")}
    spellings = Counter(str(r["condition_as_written"]) for r in included)
    if spellings:  # the most frequent spelling ("NMOSD", not "nmosd"); ties broken alphabetically
        row["condition"] = sorted(spellings, key=lambda t: (-spellings[t], t))[0]
    row["cell_id"] = cell_id
    row["k"] = k
    estimate_ids = [r["estimate_id"] for r in included]
    arms = [context.arms.get(str(e)) for e in estimate_ids]
    # patients per study: the study's own n, else the sum of its arms' totals
    n_study = [_float(r["n"]) if _finite(r["n"]) else (a.participants if a else math.nan)
               for r, a in zip(included, arms)]
    known = _dedupe_docs(n_study, [r["doc_id"] for r in included])
    row["n_total"] = int(sum(known)) if known else pd.NA
    row["events"] = sum(a.events for a in arms) if arms and all(arms) else math.nan
    row["estimate_ids"] = _join(estimate_ids)
    row["doc_ids"] = _join(r["doc_id"] for r in included)
    randomized = [bool(context.randomized.get(str(r["doc_id"]), str(r["design"]) == "rct")) for r in included]
    row["n_randomized_studies"] = sum(randomized)
    studies = {
        "study": labels, "estimate_id": estimate_ids, "doc_id": [r["doc_id"] for r in included],
        "yi": [_float(r["yi"]) for r in included], "vi": [_float(r["vi"]) for r in included],
        "value": [_float(r["value"]) for r in included], "ci_low": [_float(r["ci_low"]) for r in included],
        "ci_high": [_float(r["ci_high"]) for r in included],
        "events_intervention": [a.events_intervention if a else math.nan for a in arms],
        "total_intervention": [a.total_intervention if a else math.nan for a in arms],
        "events_comparator": [a.events_comparator if a else math.nan for a in arms],
        "total_comparator": [a.total_comparator if a else math.nan for a in arms],
        "subgroup": [context.subgroups.get(str(e), "") for e in estimate_ids],
    }
    studies["ci_low_shown"], studies["ci_high_shown"] = _study_intervals(studies, measure, z)
    row.update(pi_method="", tau2_ci_low=math.nan, tau2_ci_high=math.nan, i2_ci_low=math.nan, i2_ci_high=math.nan)
    return _Cell(cell_id, measure, k, included, labels, row, studies, randomized, _cell_notes(cell, included))


def _float(x) -> float:
    """A member's number as a float, NaN when missing (None, pd.NA), as `Series.astype(float)` reads it."""
    return math.nan if x is None or x is pd.NA else float(x)


def _text(x) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else str(x)


_NOT_POOLED = dict(estimate=math.nan, ci_low=math.nan, ci_high=math.nan, pi_low=math.nan, pi_high=math.nan,
                   tau2=math.nan, i2=math.nan, q=math.nan, q_p=math.nan)


@lru_cache(maxsize=4096)
def _exact_proportion_ci(events: int, total: int, level: float) -> tuple[float, float]:
    """The Clopper-Pearson interval of events/total, computed once per (events, total): scipy finds each limit by
    root finding (milliseconds), and a large corpus has hundreds of single-proportion cells with the same few
    counts."""
    ci = stats.binomtest(events, total).proportion_ci(level, "exact")
    return float(ci.low), float(ci.high)


#: The columns pooled.csv is sorted by (`pool_cells`), in order.
POOLED_ORDER = ["condition", "outcome", "measure", "intervention", "comparator", "timepoint", "cell_id"]


def pool_cells(members: pd.DataFrame, *, method: str = "REML", test: str = "adhoc", level: float = 0.95,
               pi_min_k: int = 3, pi_method: str = "metafor", pool_two: bool = False,
               sensitivity_methods: tuple[str, ...] = ("DL", "PM"), leave1out_min_k: int = 3, bias_min_k: int = 10,
               context: GradeContext | None = None, on_drawable=None,
               ) -> tuple[pd.DataFrame, pd.DataFrame, list[CellFit]]:
    """(pooled table: POOLED_COLUMNS then POOLED_EXTRA_COLUMNS, sensitivity table, per-cell fits).

    Every cell the engine pools is fitted in one vectorized pass (`meta.rma_many`), and so is each sensitivity
    estimator and every leave-one-out refit of every cell; Egger's test and trim-and-fill are diagnostics of each
    cell's fit.

    Two passes over the cells: the first gives each cell all that its forest and funnel plots read (its row's
    estimate, intervals and heterogeneity, the studies' weights, the subgroup fits, Egger's p), the second the
    sensitivity analyses and the certainty. Between them `on_drawable(fits, order)` (optional) is called with the
    fits of the cells with k >= 2 and a table of those cells' `cell_id`, `k` and sort columns in pooled.csv's
    order (the single-study cells are prepared after it), so that the plots can be drawn elsewhere while the rest
    runs; what it is given does not change afterwards but for each fit's `grade` and its row's certainty and
    notes."""
    context = context or GradeContext()
    sens_rows = []
    z = float(stats.norm.isf((1 - level) / 2))

    def primary(c: _Cell) -> CellFit:
        result, egger_p, subgroup_test = _primary_fit(c, engine, level, pi_min_k, pi_method, pool_two, bias_min_k,
                                                      eggers)
        return CellFit(c.cell_id, c.measure, c.row["intervention"], c.row["comparator"], c.row["outcome"],
                       c.studies, result, bool(result is not None and c.k >= pi_min_k and _finite(c.row["pi_low"])),
                       c.row, None, egger_p, subgroup_test if result is not None else None)

    # The cells of two or more studies (those that get plots) first, the single-study cells after `on_drawable`:
    # at 10,000 documents four cells in five hold one study, and the plots need none of them. Each cell is
    # prepared and fitted on its own (the engine's batch holds the same cells, in the same order, either way).
    grouped = _cells(members)
    several = [sum(1 for r in recs if r["included"]) >= 2 for _, recs in grouped]
    multi = {cell_id: c for (cell_id, recs), many in zip(grouped, several) if many
             and (c := _prepare_cell(cell_id, recs, context, z))}
    to_pool = [c for c in multi.values() if c.k >= 3 or (c.k == 2 and pool_two)]
    engine = dict(zip((c.cell_id for c in to_pool),
                      rma_many([c.studies["yi"] for c in to_pool], [c.studies["vi"] for c in to_pool],
                               method=method, test=test, level=level, studies=[c.labels for c in to_pool])))
    eggers = {}  # cell_id -> Egger's test of the cell's fit, or the error the engine raised
    multi_fits = {cell_id: primary(c) for cell_id, c in multi.items()}
    if on_drawable is not None:
        on_drawable(list(multi_fits.values()), _in_pooled_order(pd.DataFrame(
            [{col: c.row[col] for col in ("cell_id", "k", *POOLED_ORDER)} for c in multi.values()],
            columns=list(dict.fromkeys(["cell_id", "k", *POOLED_ORDER])))))
    cells, fits = [], []
    for (cell_id, recs), many in zip(grouped, several):
        c = multi.get(cell_id) if many else _prepare_cell(cell_id, recs, context, z)
        if c is None:
            continue
        cells.append(c)
        fits.append(multi_fits[cell_id] if many else primary(c))
    rows = [c.row for c in cells]
    pooled_ok = [c for c in to_pool if isinstance(engine[c.cell_id], RMAResult)]
    alternatives = {}  # (estimator, cell_id) -> fit or exception: each sensitivity estimator in one pass
    for alt in sensitivity_methods:
        if alt == method:
            continue
        # the common-effect model is read with its usual z-test (Knapp-Hartung is meant for random effects)
        alt_fits = rma_many([c.studies["yi"] for c in pooled_ok], [c.studies["vi"] for c in pooled_ok], method=alt,
                            test="z" if alt == "EE" else test, level=level, studies=[c.labels for c in pooled_ok],
                            confint=False)
        alternatives.update({(alt, c.cell_id): f for c, f in zip(pooled_ok, alt_fits)})
    # leave-one-out: every refit of every cell in one pass
    influence = [c for c in pooled_ok if c.k >= leave1out_min_k]
    left_out = dict(zip((c.cell_id for c in influence), leave_one_out_many([engine[c.cell_id] for c in influence])))
    for c, fit in zip(cells, fits):
        cell_id, k, row, studies = c.cell_id, c.k, c.row, c.studies
        if fit.result is not None:
            sens_rows.extend(_sensitivity(cell_id, c.measure, fit.result, alternatives, left_out.get(cell_id),
                                          sensitivity_methods, bias_min_k, eggers.get(cell_id)))
        evidence = CellEvidence(
            measure=c.measure, null=null_value(c.measure), k=k, pooled=fit.result is not None or k == 1,
            estimate=_nan_if_none(row["estimate"]), ci_low=_nan_if_none(row["ci_low"]),
            ci_high=_nan_if_none(row["ci_high"]), pi_low=_nan_if_none(row["pi_low"]),
            pi_high=_nan_if_none(row["pi_high"]), i2=_nan_if_none(row["i2"]),
            studies=list(zip(studies["value"], studies["ci_low_shown"], studies["ci_high_shown"])),
            weights=[float(w) for w in studies["weight"]], randomized=c.randomized,
            roles=[context.roles.get(str(e), "") for e in studies["estimate_id"]],
            comparator=str(row["comparator"] or ""),
            events=row["events"] if _finite(row["events"]) else None,
            participants=float(row["n_total"]) if row["n_total"] is not pd.NA else None,
            risk_of_bias=[context.risk_of_bias.get(str(d)) for d in studies["doc_id"]],
            egger_p=fit.egger_p, bias_min_k=bias_min_k)
        rating = grade(evidence, context.overrides.get(cell_id))
        row["certainty"] = rating.label
        row["certainty_reasons"] = rating.reasons
        row["notes"] = " | ".join(c.notes)
        fit.grade = rating
    pooled = _in_pooled_order(pd.DataFrame(rows, columns=POOLED_COLUMNS + POOLED_EXTRA_COLUMNS))
    sensitivity = pd.DataFrame(sens_rows, columns=SENSITIVITY_COLUMNS)
    return pooled, sensitivity, fits


def _in_pooled_order(table: pd.DataFrame) -> pd.DataFrame:
    if not len(table):
        return table
    return table.sort_values(POOLED_ORDER, kind="stable").reset_index(drop=True)


def _primary_fit(c: _Cell, engine: dict, level: float, pi_min_k: int, pi_method: str, pool_two: bool,
                 bias_min_k: int, eggers: dict):
    """The cell's row of pooled.csv but its certainty, its studies' weights and its notes from its primary fit (its
    own estimate for one study, side by side for two, the engine's fit from three); (the engine's result or None,
    Egger's p or None, the subgroup test or None). Egger's test of a fit of k >= bias_min_k goes to `eggers`."""
    cell_id, measure, k, row, notes, first = c.cell_id, c.measure, c.k, c.row, c.notes, c.included[0]
    studies = c.studies  # {column: list}; CellFit makes the DataFrame when one is read
    result, egger_p, subgroup_test = None, None, None
    if k == 1:
        value, lo, hi = studies["value"][0], studies["ci_low"][0], studies["ci_high"][0]
        yi, vi = studies["yi"][0], studies["vi"][0]
        ci_method = "as reported"
        events, total = first["events"], first["total"]
        if (not (_finite(first["ci_low"]) and _finite(first["ci_high"])) and measure == "PROPORTION"
                and _finite(events) and _finite(total) and 0 <= events <= total and total > 0):
            # one proportion: the exact interval, which (unlike a Wald logit one) holds 0/n and n/n
            lo, hi = _exact_proportion_ci(int(round(events)), int(round(total)), level)
            ci_method = "Clopper-Pearson exact, from events/total"
        elif not (_finite(first["ci_low"]) and _finite(first["ci_high"])) and _finite(yi) and _finite(vi):
            lo, hi = studies["ci_low_shown"][0], studies["ci_high_shown"][0]
            ci_method = f"Wald, SE from {first['variance_source']}"
        elif not (_finite(lo) and _finite(hi)):
            ci_method = "none"
        row.update(estimate=_nan_if_none(value), ci_low=_nan_if_none(lo), ci_high=_nan_if_none(hi),
                   pi_low=math.nan, pi_high=math.nan, tau2=math.nan, i2=math.nan, q=math.nan, q_p=math.nan,
                   method="single study", ci_method=ci_method)
        studies["weight"] = [100.0]
    elif k == 2 and not pool_two:
        row.update(_NOT_POOLED, method=TWO_STUDIES, ci_method="")
        notes.append("two studies are shown side by side, not pooled: with two studies the between-study "
                     "variance cannot be estimated usefully (pool_two_studies turns pooling on)")
        studies["weight"] = [math.nan] * k  # not pooled: no study carries a weight in a pooled estimate
    else:
        result = engine[cell_id]
        if not isinstance(result, RMAResult):  # the engine refuses these yi/vi: report it in the row
            row.update(_NOT_POOLED, method="not pooled", ci_method="none")
            notes.append(f"not pooled: {result}")
            studies["weight"] = [math.nan] * k
            result = None
        else:
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
            if k >= bias_min_k:
                eggers[cell_id] = egger = _egger(result)
                egger_p = float(egger.p) if not isinstance(egger, Exception) and _finite(egger.p) else None
            subgroup_test = _subgroup_test(studies, measure, result)
            if subgroup_test is not None:
                notes.append(f"test for subgroup differences ({', '.join(subgroup_test['levels'])}): "
                             f"Q = {subgroup_test['q']:.3g}, df = {subgroup_test['df']}, "
                             f"p = {subgroup_test['p']:.3g}")
    approximate = sum(r["variance_source"] in ("p-value", "one-sided ci") for r in c.included)
    if approximate:
        notes.append(f"{approximate} stud{'y' if approximate == 1 else 'ies'}' variance "
                     "approximated from a p-value or one CI limit")
    return result, egger_p, subgroup_test


def _egger(primary: RMAResult):
    """Egger's regression test of the fit, or the engine's error (identical variances: the standard error is no
    moderator)."""
    try:
        return egger_test(primary)
    except _ENGINE_ERRORS as exc:
        return exc


def _subgroup_test(studies: pd.DataFrame, measure: str, result: RMAResult) -> dict | None:
    """Each subgroup pooled on its own and the test for subgroup differences (metafor's separate-fits Q between,
    the engine's `subgroup_test` of the cell's fit), when every study of the cell names one of at least two
    subgroups."""
    labels = [str(s) for s in studies["subgroup"]]
    if len(set(labels)) < 2 or "" in labels:
        return None
    try:
        out = subgroup_test(result, labels)
    except _ENGINE_ERRORS:
        return None
    fits = {}
    for name, fit in out.fits.items():
        lo, hi = natural_interval(measure, fit.ci_low, fit.ci_high)
        fits[name] = {"k": fit.k, "estimate": from_analysis(measure, fit.estimate), "ci_low": lo, "ci_high": hi}
    return {"levels": list(out.levels), "fits": fits, "q": out.q, "df": out.df, "p": out.p}


_PI_METHOD_WORDS = {"metafor": "metafor (model quantile)", "k-1": "t with k-1 df", "riley": "t with k-2 df (Riley)"}
#: pooling's names for the engine's prediction-interval types (meta.rma.prediction_interval)
PI_TYPES = {"metafor": "default", "k-1": "t", "riley": "riley"}


def _prediction_interval(result, pi_method: str) -> tuple[float, float]:
    """The engine's prediction interval of the fit: metafor's ("metafor"), t on k - 1 df ("k-1", meta 8's
    default) or t on k - 2 df ("riley")."""
    return result.prediction_interval(PI_TYPES[pi_method])


def _study_intervals(studies: dict[str, list], measure: str, z: float) -> tuple[list[float], list[float]]:
    """(ci_low_shown, ci_high_shown): the reported CI, else the Wald interval from yi and vi (for plots and
    GRADE)."""
    lows, highs = [], []
    for lo, hi, yi, vi in zip(studies["ci_low"], studies["ci_high"], studies["yi"], studies["vi"]):
        if not (_finite(lo) and _finite(hi)) and _finite(yi) and _finite(vi):
            half = z * math.sqrt(vi)
            lo, hi = natural_interval(measure, yi - half, yi + half)
        lows.append(_nan_if_none(lo))
        highs.append(_nan_if_none(hi))
    return lows, highs


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




def _sensitivity(cell_id: str, measure: str, primary: RMAResult, alternatives: dict, left_out, methods: tuple[str, ...],
                 bias_min_k: int, egger=None) -> list[dict]:
    """The cell's sensitivity rows: the primary fit, the other estimators (fitted for all cells at once, in
    `alternatives`), leave-one-out (`left_out`: the cell's RefitTable from the pass over all cells, its error, or
    None below leave1out_min_k), then Egger's test (`egger`, when already run) and trim-and-fill as diagnostics of
    the primary fit."""
    k = primary.k
    out = [_sens_row(cell_id, f"primary: {primary.method}, {primary.test}", measure, k, primary.estimate,
                     primary.ci_low, primary.ci_high, primary.tau2, primary.i2, primary.p)]
    for alt in methods:
        if alt == primary.method or (alt, cell_id) not in alternatives:
            continue
        name = "common effect (EE)" if alt == "EE" else alt
        res = alternatives[(alt, cell_id)]
        if not isinstance(res, RMAResult):
            out.append(_failed_row(cell_id, f"{name}, {'z' if alt == 'EE' else primary.test}", k, res))
            continue
        out.append(_sens_row(cell_id, f"{name}, {res.test}", measure, k, res.estimate, res.ci_low, res.ci_high,
                             math.nan if alt == "EE" else res.tau2, res.i2, res.p, "; ".join(res.notes)))
    if isinstance(left_out, Exception):
        out.append(_failed_row(cell_id, "leave-one-out", k, left_out))
    elif left_out is not None:
        for rec in left_out.rows:
            out.append(_sens_row(cell_id, f"{LEAVE_ONE_OUT}{rec['study']}", measure, rec["k"], rec["estimate"],
                                 rec["ci_low"], rec["ci_high"], rec["tau2"], rec["i2"], rec["p"]))
    if k >= bias_min_k:
        egger = _egger(primary) if egger is None else egger  # (the first pass ran it: `_primary_fit`)
        if isinstance(egger, Exception):
            out.append(_failed_row(cell_id, "Egger regression test", k, egger))
        else:
            out.append(_sens_row(cell_id, "Egger regression test (limit estimate)", measure, k, egger.est,
                                 egger.ci_low, egger.ci_high, egger.tau2, math.nan, egger.p,
                                 f"slope {egger.slope:.4g}, stat {egger.stat:.4g}; {egger.note}".strip("; ")))
        try:
            tf = trim_and_fill(primary)
            filled = tf.fit
            values = ((filled.k, filled.estimate, filled.ci_low, filled.ci_high, filled.tau2, filled.i2, filled.p)
                      if filled is not None else (k, *[math.nan] * 6))
            out.append(_sens_row(cell_id, f"trim-and-fill (k0 = {_k0_text(tf.k0)}, side {tf.side})", measure,
                                 *values, tf.note))
        except _ENGINE_ERRORS as exc:
            out.append(_failed_row(cell_id, "trim-and-fill", k, exc))
    return out


def _k0_text(k0) -> str:
    """k0 as the sensitivity table names it: an integer, or nan when trim-and-fill could not run."""
    return str(int(k0)) if _finite(k0) else "nan"
