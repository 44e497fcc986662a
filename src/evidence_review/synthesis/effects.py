"""One estimate -> its effect size on the analysis scale (yi) and sampling variance (vi), and back.

Analysis scales (metafor's): log for HR, RR, OR, IRR and for annualized rates (ARR, a single-arm rate);
log(1 - RRR) = log RR for relative risk reductions; logit for single-arm proportions; the natural scale for
RD, MD and SMD. Variances come, in this order of preference, from
1. the confidence interval at its stated level (ratios through the engine's `ratio_from_ci`);
2. for proportions, events and total (the engine's escalc "PLO", metafor's 0.5 correction at 0 or n events);
   for rates, events and person-time (escalc "IRLN");
3. the p-value (the engine's conversion; "p < x" is taken at x, which overstates the variance: conservative).
When none applies the estimate has no variance and stays out of pooling; `variance_note` says why.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import stats

from ..meta import escalc, ratio_from_ci, se_from_p
from ..tables import DIFFERENCE_MEASURES, MEASURE_TABLE, RATIO_MEASURES, finite_float


def _scale(measure: str) -> str:
    info = MEASURE_TABLE.get(measure)
    return info.scale if info else "identity"


def is_ratio_scale(measure: str) -> bool:
    """Shown on a log axis and exponentiated (RRR is shown as a fraction, not on a log axis)."""
    return _scale(measure) == "log"


def to_analysis(measure: str, x: float) -> float:
    """Natural -> analysis scale; NaN where the transform is undefined (a ratio <= 0, a proportion at 0 or 1)."""
    scale = _scale(measure)
    with np.errstate(divide="ignore", invalid="ignore"):
        if scale == "log":
            return float(np.log(x)) if x > 0 else math.nan
        if scale == "log1m":
            return float(np.log1p(-x)) if x < 1 else math.nan
        if scale == "logit":
            return float(np.log(x / (1 - x))) if 0 < x < 1 else math.nan
    return float(x)


def from_analysis(measure: str, y: float) -> float:
    """Analysis -> natural scale."""
    if y is None or not math.isfinite(y):
        return math.nan
    scale = _scale(measure)
    with np.errstate(over="ignore"):  # a huge analysis-scale bound is an infinite ratio, not an error
        if scale == "log":
            return float(np.exp(y))
        if scale == "log1m":
            return float(-np.expm1(y))
        if scale == "logit":
            return float(1 / (1 + np.exp(-y)))
    return float(y)


def natural_interval(measure: str, y_low: float, y_high: float) -> tuple[float, float]:
    """Back-transform an analysis-scale interval; RRR reverses order (a larger log RR is a smaller RRR)."""
    a, b = from_analysis(measure, y_low), from_analysis(measure, y_high)
    if math.isnan(a) or math.isnan(b):
        return a, b
    return (min(a, b), max(a, b))



@lru_cache(maxsize=64)
def z_for_level(level: float) -> float:
    """The normal quantile of a two-sided `level` interval (1.959964 at 0.95). Cached: a call of scipy's isf costs
    ~0.1 ms and at 10,000 documents every one of ~30,000 estimates asks for one of a handful of levels."""
    return float(stats.norm.isf((1 - level) / 2))


def ci_level_fraction(level) -> float:
    """0.95 from 0.95 or 95; missing -> 0.95."""
    v = finite_float(level)
    if v is None or v <= 0:
        return 0.95
    return v / 100 if v > 1 else v


@dataclass
class EffectSize:
    yi: float
    vi: float
    source: str  # "ci", "one-sided ci", "counts", "p-value" or "" when no variance
    note: str


def _ratio_yi_vi(estimate: float, low: float, high: float, level: float) -> tuple[float, float]:
    """Log ratio and its variance from a ratio's CI, through the engine."""
    yi, vi = ratio_from_ci(estimate, low, high, level)
    return _scalar(yi), _scalar(vi)


def _scalar(x) -> float:
    return float(np.asarray(x, dtype=float).ravel()[0])


def _vi_from_p(yi: float, p: float) -> float:
    """Variance from a two-sided p-value of a z-test: se = |yi| / z(1 - p/2) (the engine's se_from_p)."""
    return _scalar(se_from_p(yi, p)) ** 2


def _escalc_single(measure: str, **cols) -> tuple[float, float]:
    yi, vi = escalc(measure, **{k: np.asarray([v], dtype=float) for k, v in cols.items()})
    return _scalar(yi), _scalar(vi)


def _p_from_text(p_text) -> tuple[float | None, bool]:
    """(p, is_bound) from text as written: "<0.001" -> (0.001, True), "P=<0,000001" -> (1e-06, True)."""
    if p_text is None or (isinstance(p_text, float) and math.isnan(p_text)):
        return None, False
    text = str(p_text).replace(",", ".").replace("\u00b7", ".")
    match = re.search(r"\d*\.?\d+(?:[eE]-?\d+)?", text)
    if not match:
        return None, False
    return finite_float(match.group(0)), "<" in text


def effect_size(measure: str, value, ci_low=None, ci_high=None, ci_level=None, p_value=None,
                events=None, total=None, p_text=None) -> EffectSize:
    """yi, vi of one estimate in its own orientation (see the module docstring for the order of sources).

    Never raises: numbers the engine refuses (a CI not containing its estimate, a non-positive ratio) give an
    EffectSize without variance whose note carries the engine's message.
    """
    try:
        return _effect_size(measure, value, ci_low, ci_high, ci_level, p_value, events, total, p_text)
    except (ValueError, ZeroDivisionError) as exc:  # MetaInputError is a ValueError
        v = finite_float(value)
        yi = to_analysis(str(measure or "").upper(), v) if v is not None else math.nan
        return EffectSize(yi, math.nan, "", f"no variance: {exc}")


def _effect_size(measure, value, ci_low, ci_high, ci_level, p_value, events, total, p_text) -> EffectSize:
    measure = str(measure or "").upper()
    v, lo, hi, p = finite_float(value), finite_float(ci_low), finite_float(ci_high), finite_float(p_value)
    p_from_text, p_is_bound = _p_from_text(p_text)
    if p is None:
        p = p_from_text
    level = ci_level_fraction(ci_level)
    z = z_for_level(level)
    if v is None:
        return EffectSize(math.nan, math.nan, "", "no value")
    yi = to_analysis(measure, v)

    # 1. confidence interval (both limits), on the analysis scale
    if lo is not None and hi is not None and lo < hi and not lo <= v <= hi:
        return EffectSize(to_analysis(measure, v), math.nan, "",
                          f"the CI [{lo:g}, {hi:g}] does not contain the estimate {v:g}: no variance")
    if lo is not None and hi is not None and lo < hi:
        if measure in RATIO_MEASURES and lo > 0 and v > 0:
            yi_ci, vi_ci = _ratio_yi_vi(v, lo, hi, level)
            return EffectSize(yi_ci, vi_ci, "ci", f"SE from the {level:.0%} CI on the log scale")
        if measure == "ARR" and lo > 0 and v > 0:
            yi_ci, vi_ci = _ratio_yi_vi(v, lo, hi, level)
            return EffectSize(yi_ci, vi_ci, "ci", f"SE from the {level:.0%} CI on the log-rate scale")
        if measure == "RRR" and hi < 1 and v < 1:
            # RRR = 1 - RR: the RR interval is (1 - hi, 1 - lo)
            yi_ci, vi_ci = _ratio_yi_vi(1 - v, 1 - hi, 1 - lo, level)
            return EffectSize(yi_ci, vi_ci, "ci", f"SE from the {level:.0%} CI as log RR = log(1 - RRR)")
        if measure == "PROPORTION" and 0 < lo and hi < 1 and 0 < v < 1:
            se = (to_analysis(measure, hi) - to_analysis(measure, lo)) / (2 * z)
            return EffectSize(yi, se ** 2, "ci", f"SE from the {level:.0%} CI on the logit scale")
        if measure in DIFFERENCE_MEASURES:
            se = (hi - lo) / (2 * z)
            return EffectSize(yi, se ** 2, "ci", f"SE from the {level:.0%} CI on the natural scale")

    # 2. counts
    x, n = finite_float(events), finite_float(total)
    if measure == "PROPORTION":
        if x is None and n is not None and n > 0 and 0 <= v <= 1:
            x = round(v * n)
            count_note = f"events {x:.0f} derived from {v:g} x {n:g}; "
        else:
            count_note = ""
        if x is not None and n is not None and n > 0 and 0 <= x <= n:
            yi_c, vi_c = _escalc_single("PLO", xi=x, ni=n)
            return EffectSize(yi_c, vi_c, "counts",
                              f"{count_note}logit proportion and variance from {x:.0f}/{n:.0f} events")
        return EffectSize(yi, math.nan, "", "proportion without CI or events/total: no variance")
    if measure == "ARR":
        if x is not None and n is not None and x > 0 and n > 0 and abs(x / n - v) <= 0.05 * max(v, 1e-9):
            yi_c, vi_c = _escalc_single("IRLN", xi=x, ti=n)
            return EffectSize(yi_c, vi_c, "counts", f"log rate and variance from {x:.0f} events / {n:g} person-years")
        if v <= 0:
            return EffectSize(math.nan, math.nan, "", "rate of 0 without CI or counts: no variance on the log scale")
        return EffectSize(yi, math.nan, "", "rate without CI or events/person-time: no variance")

    # 3. one-sided CI, then p-value (comparative measures)
    if not math.isfinite(yi):
        return EffectSize(math.nan, math.nan, "", f"{measure} {v:g} has no analysis-scale value")
    one_sided = [c for c in (lo, hi) if c is not None]
    if len(one_sided) == 1 and (lo is None or hi is None):
        y_lim = to_analysis(measure, one_sided[0])
        half = abs(y_lim - yi)
        if math.isfinite(half) and half > 0:
            return EffectSize(yi, (half / z) ** 2, "one-sided ci",
                              "SE from the one printed CI limit (half-width assumed symmetric)")
    if p is not None and 0 < p < 1 and yi != 0:
        vi_p = _vi_from_p(yi, p)
        bound = f" (p < {p:g} taken as p = {p:g}: SE overstated, conservative)" if p_is_bound else ""
        return EffectSize(yi, vi_p, "p-value", "SE from the p-value, no CI printed" + bound)
    if p is not None and 0 < p < 1:
        return EffectSize(yi, math.nan, "", "estimate at the null value: the p-value gives no SE")
    return EffectSize(yi, math.nan, "", "no CI and no p-value: no variance")
