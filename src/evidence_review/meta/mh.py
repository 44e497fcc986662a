"""Mantel-Haenszel (OR, RR, RD, IRR) and Peto (OR) pooling of 2x2 tables / person-time, as metafor's `rma.mh()`
and `rma.peto()`.

- The pooled estimate uses the raw counts (no continuity correction). Variances: Robins-Breslow-Greenland (OR),
  Greenland-Robins (RR, IRR), Sato-Greenland-Robins (RD). Peto: sum(O - E) / sum(V).
- Heterogeneity (MH): Q of the escalc effect sizes (+1/2 to tables with a zero cell) around the MH estimate, with
  tables without events in either arm dropped (`k_yi`, df = k_yi - 1). Peto: sum((O-E)²/V) - (sum(O-E))²/sum(V)
  over tables with V > 0. Both: I² = max(0, 100 (Q - df)/Q), H² = Q/df.
- Tests (OR): Cochran-Mantel-Haenszel with continuity correction (`mh`; `co` without the N-1 factor), Breslow-Day
  (`bd`) and Tarone's correction of it (`ta`); IRR: the Mantel-Haenszel test for rates.

Results are `MHResult`s (log scale for ratios; `exp` holds the back-transformed estimate and CI); NaN where metafor
gives NA (e.g. no events in any table); a test the measure does not have is None.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import pandas as pd
from scipy import stats

from .escalc import escalc
from .inputs import MetaInputError

NAN = float("nan")


@dataclass(frozen=True)
class MHResult:
    """A Mantel-Haenszel or Peto pooled estimate (metafor's `rma.mh()`, `rma.peto()`).

    Attributes
    ----------
    method : {"MH", "PETO"}
    measure : str
    k : int
        Tables given; `k_yi` those with an effect size (no double-zero tables), `k_pos` (OR) those entering the
        Breslow-Day test.
    estimate, se, stat, p, ci_low, ci_high : float
        On the analysis scale (log for ratios).
    q, q_df, q_p, i2, h2 : float
        Heterogeneity of the tables' effect sizes around the pooled estimate.
    mh, mh_p, co, co_p, bd, bd_p, ta, ta_p : float or None
        Cochran-Mantel-Haenszel (with and without the N - 1 factor), Breslow-Day and Tarone tests, where the
        measure has them (None otherwise).
    exp : dict or None
        estimate, ci_low, ci_high back-transformed (ratio measures).
    """

    method: str
    measure: str
    k: int
    estimate: float
    se: float
    stat: float
    p: float
    ci_low: float
    ci_high: float
    q: float
    q_df: int
    q_p: float
    i2: float
    h2: float
    k_yi: int
    k_pos: int | None = None
    mh: float | None = None
    mh_p: float | None = None
    co: float | None = None
    co_p: float | None = None
    bd: float | None = None
    bd_p: float | None = None
    ta: float | None = None
    ta_p: float | None = None
    exp: dict | None = None

    def to_dict(self) -> dict:
        """The fields that apply (None left out)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}

    def to_frame(self) -> pd.DataFrame:
        """One row, one column per field (exp flattened to exp_estimate, exp_ci_low, exp_ci_high)."""
        row = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "exp"}
        for key, value in (self.exp or {}).items():
            row[f"exp_{key}"] = value
        return pd.DataFrame([row])


def _arr(x) -> np.ndarray:
    return np.atleast_1d(np.asarray(x, dtype=float))


def _tables(ai, bi, ci, di):
    a, b, c, d = (_arr(x) for x in (ai, bi, ci, di))
    if not (len(a) == len(b) == len(c) == len(d)) or len(a) == 0:
        raise MetaInputError("ai, bi, ci, di must be non-empty and of equal length")
    if any(((x < 0) | ~np.isfinite(x)).any() for x in (a, b, c, d)):
        raise MetaInputError("2x2 cell counts must be finite and non-negative")
    return a, b, c, d


def _heterogeneity(yi, vi, beta) -> dict:
    k_yi = len(yi)
    if k_yi > 1:
        q = max(0.0, float(np.sum((yi - beta) ** 2 / vi)))
        df = k_yi - 1
        return dict(q=q, q_df=df, q_p=float(stats.chi2.sf(q, df)), i2=max(0.0, 100 * (q - df) / q) if q > 0 else 0.0,
                    h2=q / df, k_yi=k_yi)
    return dict(q=0.0, q_df=0, q_p=1.0, i2=0.0, h2=1.0, k_yi=k_yi)


def _inference(beta, se, level) -> dict:
    crit = stats.norm.ppf(1 - (1 - level) / 2)
    z = beta / se if se == se else NAN
    return dict(estimate=beta, se=se, stat=z, p=float(2 * stats.norm.sf(abs(z))) if z == z else NAN,
                ci_low=beta - crit * se, ci_high=beta + crit * se)


def _chi2_1(value):
    return float(stats.chi2.sf(value, 1)) if value == value else NAN


def rma_mh(measure: str, ai=None, bi=None, ci=None, di=None, x1i=None, t1i=None, x2i=None, t2i=None,
           level: float = 0.95, correct: bool = True) -> MHResult:
    """Mantel-Haenszel pooled OR, RR, RD (from ai, bi, ci, di) or IRR (from x1i, t1i, x2i, t2i), as metafor's
    `rma.mh()`.

    Returns
    -------
    MHResult

    References
    ----------
    Mantel N, Haenszel W. Statistical aspects of the analysis of data from retrospective studies of disease. J Natl
    Cancer Inst 1959;22:719-748. Robins J, Breslow N, Greenland S. Estimators of the Mantel-Haenszel variance
    consistent in both sparse data and large-strata limiting models. Biometrics 1986;42:311-323 (OR variance).
    Greenland S, Robins JM. Estimation of a common effect parameter from sparse follow-up data. Biometrics
    1985;41:55-68 (RR, IRR). Sato T, Greenland S, Robins JM. On the variance estimator for the Mantel-Haenszel risk
    difference. Biometrics 1989;45:1323-1324 (RD). Breslow NE, Day NE. Statistical Methods in Cancer Research I.
    IARC, 1980; Tarone RE. On heterogeneity tests based on efficient scores. Biometrika 1985;72:91-95.
    """
    measure = str(measure).upper()
    out: dict = dict(method="MH", measure=measure)
    if measure == "IRR":
        x1, t1, x2, t2 = (_arr(x) for x in (x1i, t1i, x2i, t2i))
        tt = t1 + t2
        r, s = float(np.sum(x1 * (t2 / tt))), float(np.sum(x2 * (t1 / tt)))
        if x1.sum() == 0 or x2.sum() == 0:
            beta = se = NAN
        else:
            beta = float(np.log(r / s))
            se = float(np.sqrt(np.sum((t1 / tt) * (t2 / tt) * (x1 + x2)) / (r * s)))
        keep = ~((x1 == 0) & (x2 == 0))
        yi, vi = escalc("IRR", x1i=x1[keep], t1i=t1[keep], x2i=x2[keep], t2i=t2[keep])
        xt = x1 + x2
        mh = ((abs(np.sum(x1 - xt * (t1 / tt))) - (0.5 if correct else 0.0)) ** 2
              / np.sum(xt * (t1 / tt) * (t2 / tt))) if xt.sum() > 0 else NAN
        out.update(k=len(x1), **_inference(beta, se, level), **_heterogeneity(yi, vi, beta), mh=float(mh),
                   mh_p=_chi2_1(mh))
    elif measure in ("OR", "RR", "RD"):
        a, b, c, d = _tables(ai, bi, ci, di)
        n1, n2 = a + b, c + d
        n = n1 + n2
        if measure == "OR":
            p_, q_ = a / n + d / n, b / n + c / n
            ri, si = (a / n) * d, (b / n) * c
            r, s = float(ri.sum()), float(si.sum())
            if r == 0 or s == 0:
                beta = se = NAN
            else:
                beta = float(np.log(r / s))
                se = float(np.sqrt(0.5 * (np.sum(p_ * ri) / r**2 + np.sum(p_ * si + q_ * ri) / (r * s)
                                          + np.sum(q_ * si) / s**2)))
            out.update(_or_tests(a, b, c, d, beta, correct))
        elif measure == "RR":
            r, s = float(np.sum(a * (n2 / n))), float(np.sum(c * (n1 / n)))
            if a.sum() == 0 or c.sum() == 0:
                beta = se = NAN
            else:
                beta = float(np.log(r / s))
                se = float(np.sqrt(np.sum((n1 / n) * (n2 / n) * (a + c) - (a / n) * c) / (r * s)))
        else:
            denom = float(np.sum(n1 * (n2 / n)))
            beta = float(np.sum(a * (n2 / n) - c * (n1 / n)) / denom)
            se = float(np.sqrt((beta * np.sum(c * (n1 / n) ** 2 - a * (n2 / n) ** 2 + (n1 / n) * (n2 / n) * (n2 - n1) / 2)
                                + np.sum(a * (n2 - c) / n + c * (n1 - a) / n) / 2) / denom**2))
        keep = ~((a == 0) & (c == 0)) & ~((b == 0) & (d == 0))  # drop00: no events, or only events, in both arms
        yi, vi = escalc(measure, ai=a[keep], bi=b[keep], ci=c[keep], di=d[keep])
        out.update(k=len(a), **_inference(beta, se, level), **_heterogeneity(yi, vi, beta))
    else:
        raise MetaInputError(f"Mantel-Haenszel pooling is for OR, RR, RD or IRR, not {measure}")
    if measure != "RD":
        out["exp"] = dict(estimate=float(np.exp(out["estimate"])), ci_low=float(np.exp(out["ci_low"])),
                          ci_high=float(np.exp(out["ci_high"])))
    return MHResult(**out)


def _or_tests(a, b, c, d, beta, correct) -> dict:
    n1, n2 = a + b, c + d
    n = n1 + n2
    xt, yt = a + c, b + d
    if xt.sum() == 0 or yt.sum() == 0:
        co = mh = NAN
    else:
        dev = (abs(np.sum(a - (n1 / n) * xt)) - (0.5 if correct else 0.0)) ** 2
        co = float(dev / np.sum((n1 / n) * (n2 / n) * (xt * (yt / n))))
        mh = float(dev / np.sum((n1 / n) * (n2 / n) * (xt * (yt / (n - 1)))))
    out = dict(mh=mh, mh_p=_chi2_1(mh), co=co, co_p=_chi2_1(co), bd=NAN, bd_p=NAN, ta=NAN, ta_p=NAN, k_pos=0)
    if beta != beta:
        return out
    psi = float(np.exp(beta))
    if psi == 1:
        n11 = (n1 / n) * xt
    else:
        big_a = psi * (n1 + xt) + (n2 - xt)
        big_b = np.sqrt(big_a**2 - 4 * n1 * xt * psi * (psi - 1))
        n11 = (big_a - big_b) / (2 * (psi - 1))
    pos = (n11 > 0) & (xt > 0) & (yt > 0)
    k_pos = int(pos.sum())
    e11 = n11[pos]
    e12, e21 = n1[pos] - e11, xt[pos] - e11
    e22 = e11 - n1[pos] - xt[pos] + n[pos]
    inv_var = 1 / (1 / e11 + 1 / e12 + 1 / e21 + 1 / e22)
    resid = a[pos] - e11
    bd = max(0.0, float(np.sum(resid**2 / inv_var)))
    ta = max(0.0, bd - float(np.sum(resid)) ** 2 / float(np.sum(inv_var)))
    out.update(bd=bd, ta=ta, k_pos=k_pos)
    if k_pos > 1:
        out.update(bd_p=float(stats.chi2.sf(bd, k_pos - 1)), ta_p=float(stats.chi2.sf(ta, k_pos - 1)))
    return out


def rma_peto(ai, bi, ci, di, level: float = 0.95) -> MHResult:
    """Peto's one-step log odds ratio: sum(O - E) / sum(V), se = 1/sqrt(sum(V)) (metafor's `rma.peto()`).

    References
    ----------
    Yusuf S, Peto R, Lewis J, Collins R, Sleight P. Beta blockade during and after myocardial infarction: an
    overview of the randomized trials. Prog Cardiovasc Dis 1985;27:335-371.
    """
    a, b, c, d = _tables(ai, bi, ci, di)
    n1, n2 = a + b, c + d
    n = n1 + n2
    xt, yt = a + c, b + d
    e = xt * n1 / n
    with np.errstate(invalid="ignore", divide="ignore"):
        v = xt * yt * (n1 / n) * (n2 / n) / (n - 1)
    v = np.where(n > 1, v, 0.0)
    if v.sum() == 0:
        raise MetaInputError("one of the two outcomes never occurred in any table: Peto's method cannot be used")
    beta = float(np.sum(a - e) / v.sum())
    se = float(np.sqrt(1 / v.sum()))
    pos = v > 0
    q = max(0.0, float(np.sum((a[pos] - e[pos]) ** 2 / v[pos]) - np.sum(a - e) ** 2 / v[pos].sum()))
    k_yi = int(np.sum(~((a == 0) & (c == 0)) & ~((b == 0) & (d == 0))))
    df = k_yi - 1
    if pos.sum() > 1:
        het = dict(q=q, q_df=df, q_p=float(stats.chi2.sf(q, df)), i2=max(0.0, 100 * (q - df) / q) if q > 0 else 0.0,
                   h2=q / df)
    else:
        het = dict(q=q, q_df=df, q_p=1.0, i2=0.0, h2=1.0)
    out = dict(method="PETO", measure="OR", k=len(a), k_yi=k_yi, k_pos=int(pos.sum()), **_inference(beta, se, level),
               **het)
    out["exp"] = dict(estimate=float(np.exp(beta)), ci_low=float(np.exp(out["ci_low"])),
                      ci_high=float(np.exp(out["ci_high"])))
    return MHResult(**out)
