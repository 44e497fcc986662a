"""Effect sizes and their sampling variances in metafor's `escalc()` vocabulary, plus the conversions a review
needs when a paper reports something else (a ratio with its CI, a p-value, a median with IQR or range).

Every function returns plain float arrays. `CONVERSIONS` records, for each measure and conversion, the formula,
the inputs and the assumptions, so an extraction row can carry where its yi/vi came from.

metafor conventions reproduced here (metafor 3.8, defaults):
- 2x2 tables (OR, RR, RD): a study with a zero in any cell gets +1/2 in all four cells (add=1/2, to="only0");
  studies without events in either arm are kept (drop00=FALSE).
- PLO and PR: +1/2 to xi and ni - xi when xi is 0 or ni; PFT adds nothing.
- IRR: +1/2 to both event counts when either is 0. IRLN (log incidence rate): +1/2 when xi = 0.
- SMD: Hedges' g with the exact small-sample correction J = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from scipy import stats
from scipy.special import gammaln

from .inputs import MetaInputError

MEASURES = ("OR", "RR", "RD", "IRR", "IRLN", "MD", "SMD", "PLO", "PR", "PFT", "ZCOR", "GEN")
RATIO_MEASURES = ("OR", "RR", "IRR", "HR")  # analysed on the log scale; "exp" back-transform

CONVERSIONS = {
    "OR": dict(formula="yi = log(ai di / (bi ci)); vi = 1/ai + 1/bi + 1/ci + 1/di",
               inputs=("ai", "bi", "ci", "di"),
               assumptions="+1/2 to all four cells of a table with a zero cell (metafor add=1/2, to='only0')"),
    "RR": dict(formula="yi = log((ai/n1i) / (ci/n2i)); vi = 1/ai - 1/n1i + 1/ci - 1/n2i",
               inputs=("ai", "bi", "ci", "di"), assumptions="zero cells as OR; n1i = ai + bi, n2i = ci + di"),
    "RD": dict(formula="yi = ai/n1i - ci/n2i; vi = p1 (1-p1)/n1i + p2 (1-p2)/n2i",
               inputs=("ai", "bi", "ci", "di"), assumptions="zero cells as OR (metafor corrects RD too)"),
    "IRR": dict(formula="yi = log((x1i/t1i) / (x2i/t2i)); vi = 1/x1i + 1/x2i",
                inputs=("x1i", "t1i", "x2i", "t2i"), assumptions="+1/2 to both counts when either is 0"),
    "IRLN": dict(formula="yi = log(xi/ti); vi = 1/xi", inputs=("xi", "ti"), assumptions="+1/2 when xi = 0"),
    "MD": dict(formula="yi = m1i - m2i; vi = sd1i²/n1i + sd2i²/n2i",
               inputs=("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"), assumptions="unequal variances"),
    "SMD": dict(formula="yi = J (m1i - m2i)/sp, sp² = ((n1i-1) sd1i² + (n2i-1) sd2i²)/(n1i+n2i-2), "
                        "J = exp(lgamma(m/2) - log(sqrt(m/2)) - lgamma((m-1)/2)), m = n1i+n2i-2; "
                        "vi = 1/n1i + 1/n2i + yi²/(2 (n1i+n2i))",
                inputs=("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"),
                assumptions="Hedges' g, exact bias correction, large-sample variance"),
    "PLO": dict(formula="yi = log(xi/(ni-xi)); vi = 1/xi + 1/(ni-xi)", inputs=("xi", "ni"),
                assumptions="+1/2 to xi and ni-xi when xi is 0 or ni"),
    "PR": dict(formula="yi = xi/ni; vi = yi (1-yi)/ni", inputs=("xi", "ni"),
               assumptions="+1/2 to xi and ni-xi when xi is 0 or ni"),
    "PFT": dict(formula="yi = (asin(sqrt(xi/(ni+1))) + asin(sqrt((xi+1)/(ni+1))))/2; vi = 1/(4 ni + 2)",
                inputs=("xi", "ni"), assumptions="no correction; back-transform at the harmonic mean of ni"),
    "ZCOR": dict(formula="yi = atanh(ri); vi = 1/(ni-3)", inputs=("ri", "ni"), assumptions="Fisher's z"),
    "GEN": dict(formula="yi, vi as given", inputs=("yi", "vi"), assumptions="already on the analysis scale"),
    "ratio_from_ci": dict(formula="yi = log(estimate); vi = ((log(ci_high) - log(ci_low)) / (2 z_{(1+level)/2}))²",
                          inputs=("estimate", "ci_low", "ci_high", "level"),
                          assumptions="Wald CI symmetric on the log scale"),
    "se_from_p": dict(formula="se = |yi| / z_{1-p/2} (or t_{1-p/2, df})", inputs=("yi", "p", "df"),
                      assumptions="two-sided Wald test of yi = 0; p reported exactly (not as a bound)"),
    "mean_sd_from_median": dict(
        formula="mean: Luo et al. 2018 (weights of (min+max)/2, (q1+q3)/2 and the median); "
                "SD: Wan et al. 2014 (range / 2 Phi^-1((n-0.375)/(n+0.25)), IQR / 2 Phi^-1((0.75n-0.125)/(n+0.25)))",
        inputs=("median", "n", "q1", "q3", "minimum", "maximum"),
        assumptions="approximately normal data; n is the group's sample size"),
}


def _arr(x) -> np.ndarray:
    return np.atleast_1d(np.asarray(x, dtype=float))


def _need(measure: str, columns: dict, names: tuple[str, ...]) -> list[np.ndarray]:
    missing = [n for n in names if columns.get(n) is None]
    if missing:
        raise MetaInputError(f"measure {measure} needs columns {', '.join(names)}; missing {', '.join(missing)}")
    return [_arr(columns[n]) for n in names]


def _two_by_two(measure, columns):
    if columns.get("bi") is None and columns.get("n1i") is not None and columns.get("ai") is not None:
        columns = dict(columns, bi=_arr(columns["n1i"]) - _arr(columns["ai"]))
    if columns.get("di") is None and columns.get("n2i") is not None and columns.get("ci") is not None:
        columns = dict(columns, di=_arr(columns["n2i"]) - _arr(columns["ci"]))
    a, b, c, d = _need(measure, columns, ("ai", "bi", "ci", "di"))
    zero = (a == 0) | (b == 0) | (c == 0) | (d == 0)
    add = np.where(zero, 0.5, 0.0)
    return a + add, b + add, c + add, d + add


def escalc(measure: str, **columns) -> tuple[np.ndarray, np.ndarray]:
    """(yi, vi) for `measure` from metafor-named columns, e.g. escalc("OR", ai=..., bi=..., ci=..., di=...).

    2x2 data may give n1i/n2i instead of bi/di. Ratio measures may instead give yi from a CI: use
    `ratio_from_ci`. "GEN" (or HR) passes yi and vi through. `CONVERSIONS` holds each formula.

    References
    ----------
    Hedges LV. Distribution theory for Glass's estimator of effect size and related estimators. J Educ Stat
    1981;6:107-128 (SMD, bias correction). Freeman MF, Tukey JW. Transformations related to the angular and the
    square root. Ann Math Stat 1950;21:607-611 (PFT). Viechtbauer W. Conducting meta-analyses in R with the metafor
    package. J Stat Softw 2010;36(3):1-48 (the conventions reproduced here).
    """
    measure = str(measure).upper()
    if measure in ("OR", "RR", "RD"):
        a, b, c, d = _two_by_two(measure, columns)
        n1, n2 = a + b, c + d
        if measure == "OR":
            return np.log(a * d / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d
        if measure == "RR":
            return np.log((a / n1) / (c / n2)), 1 / a - 1 / n1 + 1 / c - 1 / n2
        p1, p2 = a / n1, c / n2
        return p1 - p2, p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2
    if measure == "IRR":
        x1, t1, x2, t2 = _need(measure, columns, ("x1i", "t1i", "x2i", "t2i"))
        add = np.where((x1 == 0) | (x2 == 0), 0.5, 0.0)
        x1, x2 = x1 + add, x2 + add
        return np.log((x1 / t1) / (x2 / t2)), 1 / x1 + 1 / x2
    if measure == "IRLN":
        x, t = _need(measure, columns, ("xi", "ti"))
        x = x + np.where(x == 0, 0.5, 0.0)
        return np.log(x / t), 1 / x
    if measure in ("MD", "SMD"):
        m1, sd1, n1, m2, sd2, n2 = _need(measure, columns, ("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"))
        if measure == "MD":
            return m1 - m2, sd1**2 / n1 + sd2**2 / n2
        m = n1 + n2 - 2
        j = np.exp(gammaln(m / 2) - np.log(np.sqrt(m / 2)) - gammaln((m - 1) / 2))
        sp = np.sqrt(((n1 - 1) * sd1**2 + (n2 - 1) * sd2**2) / m)
        g = j * (m1 - m2) / sp
        return g, 1 / n1 + 1 / n2 + g**2 / (2 * (n1 + n2))
    if measure in ("PLO", "PR", "PFT"):
        x, n = _need(measure, columns, ("xi", "ni"))
        if measure == "PFT":
            yi = (np.arcsin(np.sqrt(x / (n + 1))) + np.arcsin(np.sqrt((x + 1) / (n + 1)))) / 2
            return yi, 1 / (4 * n + 2)
        add = np.where((x == 0) | (x == n), 0.5, 0.0)
        x, n = x + add, n + 2 * add
        if measure == "PLO":
            return np.log(x / (n - x)), 1 / x + 1 / (n - x)
        pr = x / n
        return pr, pr * (1 - pr) / n
    if measure == "ZCOR":
        r, n = _need(measure, columns, ("ri", "ni"))
        return np.arctanh(r), 1 / (n - 3)
    if measure in ("GEN", "HR"):
        yi, vi = _need(measure, columns, ("yi", "vi"))
        return yi, vi
    raise MetaInputError(f"unknown measure {measure!r}; use one of {', '.join(MEASURES)} (or HR with yi/vi)")


def escalc_with_record(measure: str, **columns) -> tuple[np.ndarray, np.ndarray, dict]:
    """`escalc` plus the record of what it did: {"conversion", "formula", "inputs" (column names), "assumptions"}."""
    yi, vi = escalc(measure, **columns)
    name = "GEN" if str(measure).upper() == "HR" else str(measure).upper()
    record = conversion_record(name)
    record["inputs"] = [c for c in CONVERSIONS[name]["inputs"] if columns.get(c) is not None] or sorted(columns)
    return yi, vi, record


def ratio_from_ci(estimate, ci_low, ci_high, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Log ratio and its variance from a ratio with its Wald CI: vi = ((log hi - log lo) / (2 z))².

    Raises MetaInputError when a value is not positive or the CI does not contain its estimate.
    """
    est, lo, hi = _arr(estimate), _arr(ci_low), _arr(ci_high)
    if not 0 < level < 1:
        raise MetaInputError(f"CI level must be between 0 and 1 (got {level}); give 0.95, not 95")
    bad = ~((est > 0) & (lo > 0) & (hi > 0))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise MetaInputError(f"ratio, CI low and CI high must be positive (row {i + 1}: {est[i]:g} [{lo[i]:g}, {hi[i]:g}])")
    outside = (lo > est) | (est > hi)
    if outside.any():
        i = int(np.flatnonzero(outside)[0])
        raise MetaInputError(f"the CI does not contain its estimate (row {i + 1}: {est[i]:g} [{lo[i]:g}, {hi[i]:g}])")
    z = _two_sided_quantile(float(level))
    return np.log(est), ((np.log(hi) - np.log(lo)) / (2 * z)) ** 2


@lru_cache(maxsize=16)
def _two_sided_quantile(level: float):
    """The normal quantile of a two-sided CI at `level`, computed once per level: the pooling stage converts tens
    of thousands of intervals one at a time, and scipy's ppf costs more than the conversion itself."""
    return stats.norm.ppf(1 - (1 - level) / 2)


def se_from_p(yi, p, df=None) -> np.ndarray:
    """Standard error of `yi` (analysis scale, e.g. a log ratio) from its two-sided p-value (z, or t with df)."""
    y, pv = _arr(yi), _arr(p)
    if ((pv <= 0) | (pv >= 1)).any():
        raise MetaInputError("p-values must lie strictly between 0 and 1 to give a standard error")
    q = stats.norm.isf(pv / 2) if df is None else stats.t.isf(pv / 2, _arr(df))
    return np.abs(y) / q


def mean_sd_from_median(median, n, q1=None, q3=None, minimum=None, maximum=None) -> tuple[np.ndarray, np.ndarray]:
    """Mean (Luo et al. 2018) and SD (Wan et al. 2014) from a median with its IQR, its range, or both."""
    m, n = _arr(median), _arr(n)
    has_iqr = q1 is not None and q3 is not None
    has_range = minimum is not None and maximum is not None
    if not (has_iqr or has_range):
        raise MetaInputError("give q1 and q3, or minimum and maximum, with the median")
    xi_range = stats.norm.ppf((n - 0.375) / (n + 0.25))
    xi_iqr = stats.norm.ppf((0.75 * n - 0.125) / (n + 0.25))
    if has_iqr and has_range:
        a, b, lo, hi = _arr(minimum), _arr(maximum), _arr(q1), _arr(q3)
        w1 = 2.2 / (2.2 + n**0.75)
        w2 = 0.7 - 0.72 / n**0.55
        mean = w1 * (a + b) / 2 + w2 * (lo + hi) / 2 + (1 - w1 - w2) * m
        sd = (b - a) / (4 * xi_range) + (hi - lo) / (4 * xi_iqr)
    elif has_iqr:
        lo, hi = _arr(q1), _arr(q3)
        w = 0.7 + 0.39 / n
        mean = w * (lo + hi) / 2 + (1 - w) * m
        sd = (hi - lo) / (2 * xi_iqr)
    else:
        a, b = _arr(minimum), _arr(maximum)
        w = 4 / (4 + n**0.75)
        mean = w * (a + b) / 2 + (1 - w) * m
        sd = (b - a) / (2 * xi_range)
    return mean, sd


def conversion_record(name: str, **inputs) -> dict:
    """What a conversion did: {"conversion", "formula", "inputs", "assumptions"} (JSON-safe)."""
    spec = CONVERSIONS[name]
    return {"conversion": name, "formula": spec["formula"],
            "inputs": {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in inputs.items()},
            "assumptions": spec["assumptions"]}


# Back-transformations for reporting (metafor's transf= functions).
def transf_pft_hm(yi, ni_all) -> np.ndarray:
    """Inverse Freeman-Tukey double arcsine at the harmonic mean of all studies' ni (metafor transf.ipft.hm)."""
    n = 1 / np.mean(1 / _arr(ni_all))
    x = _arr(yi)
    s = np.sin(2 * x)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = 0.5 * (1 - np.sign(np.cos(2 * x)) * np.sqrt(1 - (s + (s - 1 / s) / n) ** 2))
    top = 0.5 * (np.arcsin(np.sqrt(n / (n + 1))) + np.arcsin(1.0))
    bottom = 0.5 * (np.arcsin(0.0) + np.arcsin(np.sqrt(1 / (n + 1))))
    z = np.where(x > top, 1.0, np.where(x < bottom, 0.0, z))
    return z


def back_transform(measure: str, values, ni_all=None) -> np.ndarray:
    """The metafor back-transformation used for reporting `measure` (identity for RD, MD, SMD, PR, GEN)."""
    measure = str(measure).upper()
    x = _arr(values)
    if measure in RATIO_MEASURES or measure == "IRLN":
        return np.exp(x)
    if measure == "PLO":
        return 1 / (1 + np.exp(-x))
    if measure == "ZCOR":
        return np.tanh(x)
    if measure == "PFT":
        if ni_all is None:
            raise MetaInputError("the PFT back-transform needs every study's ni")
        return transf_pft_hm(x, ni_all)
    return x


def has_back_transform(measure: str) -> bool:
    return str(measure).upper() in (*RATIO_MEASURES, "IRLN", "PLO", "ZCOR", "PFT")


