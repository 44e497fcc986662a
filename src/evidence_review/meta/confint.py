"""Q-profile confidence intervals for tau², and the I² and H² intervals mapped from them (metafor's `confint`).

The bounds solve Q(tau²) = chi²_{1-a/2, k-p} (lower) and chi²_{a/2, k-p} (upper), Q with weights 1/(v + tau²),
which decreases in tau². As metafor: a bound below 0 is reported as 0 ("the CI includes 0"); when even the upper
target lies above Q(0) both bounds are 0 (`ci_null`); the search stops at max(100, 10 tau²_hat), and a bound
beyond that limit is reported as the limit with sign ">". Roots are found to full double precision (metafor's
default `uniroot` tolerance is ~1e-4; its `control=list(tol=1e-10)` refit is what this matches).

References
----------
Viechtbauer W. Confidence intervals for the amount of heterogeneity in meta-analysis. Stat Med 2007;26:37-52
(Q-profile). Higgins JPT, Thompson SG. Quantifying heterogeneity in a meta-analysis. Stat Med 2002;21:1539-1558
(I², H²).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize

from ._dist import chi2_quantile, chi2_upper_quantile
from ._wls import q_stat
from ._zeroin import uniroot


@dataclass(frozen=True)
class Tau2Interval:
    tau2_low: float
    tau2_high: float
    low_sign: str  # "" (solved), "<" (at 0 because Q(0) is below the target) or ">" (search limit)
    high_sign: str
    ci_null: bool  # both bounds 0: Q(0) is below even the upper target

    def i2(self, vt: float) -> tuple[float, float]:
        return 100 * self.tau2_low / (vt + self.tau2_low), 100 * self.tau2_high / (vt + self.tau2_high)

    def h2(self, vt: float) -> tuple[float, float]:
        return 1 + self.tau2_low / vt, 1 + self.tau2_high / vt


def _solve(y, v, X, target: float, lo: float, hi: float, tol: float | None = None) -> float:
    if tol is not None:  # metafor's own search: R's uniroot at tolerance `tol`
        return uniroot(lambda t: q_stat(y, v, X, t) - target, lo, hi, tol=tol, maxiter=1000)[0]
    return optimize.brentq(lambda t: q_stat(y, v, X, t) - target, lo, hi, xtol=1e-300,
                           rtol=4 * np.finfo(float).eps, maxiter=1000)


def qprofile(y, v, X, tau2_hat: float, level: float = 0.95, tol: float | None = None) -> Tau2Interval:
    """Q-profile interval; `tol=None` solves to full precision, a number copies metafor's uniroot search."""
    k, p = X.shape
    df = k - p
    alpha = 1 - level
    target_low = chi2_upper_quantile(alpha / 2, df)  # the lower bound of tau² is where Q falls to this
    target_high = chi2_quantile(alpha / 2, df)
    limit = max(100.0, 10 * tau2_hat)
    q0 = q_stat(y, v, X, 0.0)
    qmax = q_stat(y, v, X, limit)
    if q0 < target_high:
        return Tau2Interval(0.0, 0.0, "<", "<", True)
    if qmax > target_high:
        high, high_sign = limit, ">"
    else:
        high, high_sign = _solve(y, v, X, target_high, 0.0, limit, tol), ""
    if q0 < target_low:
        low, low_sign = 0.0, ""
    elif qmax > target_low:
        low, low_sign = limit, ">"
    else:
        low, low_sign = _solve(y, v, X, target_low, 0.0, limit, tol), ""
    return Tau2Interval(float(low), float(high), low_sign, high_sign, False)
