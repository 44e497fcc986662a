"""Many intercept-only meta-analyses at once: REML, ML, EB/PM, DL, HE or EE tau², z-test, prediction interval,
Q, I², H² and Q-profile CIs, vectorized across meta-analyses with NumPy.

Rows are meta-analyses, columns studies; pad shorter meta-analyses with NaN. The numbers are those of
`rma(yi, vi, method=...)` for each row (the same conventions, the same exact optimum; `threshold` copies
metafor's Fisher-scoring stop rule instead). DL and HE come from PyMARE, which already fits many datasets in one
call and agrees with metafor to ~1e-15; REML/ML/EB use Fisher scoring written here, because PyMARE's likelihood
estimator (a generic optimizer) agrees only to ~1e-6.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

BATCH_METHODS = ("EE", "DL", "HE", "REML", "ML", "EB", "PM")


@dataclass(frozen=True)
class BatchResult:
    """One entry per meta-analysis (row)."""

    k: np.ndarray
    estimate: np.ndarray
    se: np.ndarray
    stat: np.ndarray
    p: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    pi_low: np.ndarray
    pi_high: np.ndarray
    tau2: np.ndarray
    tau2_ci_low: np.ndarray
    tau2_ci_high: np.ndarray
    i2: np.ndarray
    i2_ci_low: np.ndarray
    i2_ci_high: np.ndarray
    h2: np.ndarray
    q: np.ndarray
    q_p: np.ndarray
    vt: np.ndarray
    iterations: int
    converged: np.ndarray


def _sums(y, v, mask, tau2):
    """Weighted-mean pieces for weights 1/(v + tau2) (tau2 broadcast per row); padded cells weigh 0."""
    w = np.where(mask, 1.0 / (v + tau2[:, None]), 0.0)
    sw = w.sum(axis=1)
    mu = (w * y).sum(axis=1) / sw
    r = np.where(mask, y - mu[:, None], 0.0)
    return w, sw, mu, r


def _q(y, v, mask, tau2):
    w, _, _, r = _sums(y, v, mask, tau2)
    return (w * r * r).sum(axis=1)


def _pymare_tau2(name, y, v, mask):
    """PyMARE fits every column of (k, n) arrays at once; rows with padding are done one by one."""
    from pymare import estimators

    cls = getattr(estimators, name)
    out = np.empty(len(y))
    full = mask.all(axis=1)
    opts = dict(weight_scheme="individual", rho=None, small_sample_correction="wald")
    if full.any():
        est = cls(**opts).fit(y[full].T, v[full].T, np.ones((y.shape[1], 1)))
        out[full] = np.ravel(est.params_["tau2"])
    for i in np.flatnonzero(~full):
        m = mask[i]
        est = cls(**opts).fit(y[i, m][:, None], v[i, m][:, None], np.ones((m.sum(), 1)))
        out[i] = float(np.ravel(est.params_["tau2"])[0])
    return out


def _he_start(y, v, mask, k):
    """max(0, HE), metafor's Fisher-scoring start: (sum (y - ybar)² - (k-1)/k sum v) / (k - 1)."""
    ybar = np.where(mask, y, 0.0).sum(axis=1) / k
    rss = (np.where(mask, y - ybar[:, None], 0.0) ** 2).sum(axis=1)
    sv = np.where(mask, v, 0.0).sum(axis=1)
    return np.maximum(0.0, (rss - (k - 1) / k * sv) / (k - 1))


def _fisher(method, y, v, mask, k, start, threshold, maxiter):
    if threshold is None:  # exact: as rma(), an absolute change of 1e-14 times the row's mean sampling variance
        threshold = 1e-14 * (np.where(mask, v, 0.0).sum(axis=1) / k)
    threshold = np.broadcast_to(np.asarray(threshold, float), (len(y),)).copy()
    tau2 = start.copy()
    active = np.ones(len(y), bool)
    iterations = 0
    while active.any() and iterations < maxiter:
        iterations += 1
        w, sw, _, r = _sums(y[active], v[active], mask[active], tau2[active])
        pr = w * r
        ypy2 = (pr * pr).sum(axis=1)
        sw2 = (w * w).sum(axis=1)
        if method == "REML":
            tr_p = sw - sw2 / sw
            tr_pp = sw2 - 2 * (w**3).sum(axis=1) / sw + (sw2 / sw) ** 2
            adj = (ypy2 - tr_p) / tr_pp
        elif method == "ML":
            adj = (ypy2 - sw) / sw2
        else:  # EB
            kk = k[active]
            adj = ((w * r * r).sum(axis=1) * kk / (kk - 1) - kk) / sw
        old = tau2[active]
        new = old + adj
        while (neg := new < 0).any():  # halve steps that would leave the parameter space
            adj = np.where(neg, adj / 2, adj)
            new = old + adj
        tau2[active] = new
        change = np.abs(new - old)
        idx = np.flatnonzero(active)
        stop = change <= threshold[idx]
        active[idx[stop]] = False
    return tau2, ~active, iterations


def _solve_q(y, v, mask, target, lo, hi, iters=200):
    """tau² with Q(tau²) = target per row on [lo, hi] (Q decreasing): safeguarded Newton, full precision."""
    x = lo.copy()
    lo, hi = lo.copy(), hi.copy()
    for _ in range(iters):
        w, _, _, r = _sums(y, v, mask, x)
        f = (w * r * r).sum(axis=1) - target
        lo = np.where(f > 0, x, lo)
        hi = np.where(f < 0, x, hi)
        dq = -(w * w * r * r).sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            step = x - f / dq
        bad = ~np.isfinite(step) | (step <= lo) | (step >= hi)
        new = np.where(bad, (lo + hi) / 2, step)
        if np.all(np.abs(new - x) <= 4e-16 * np.abs(new) + 1e-300):
            return new
        x = new
    return x


def rma_batch(yi, vi, method: str = "REML", level: float = 0.95, confint: bool = True,
              threshold: float | None = None, maxiter: int = 10_000) -> BatchResult:
    """Fit `rma(yi[i], vi[i], method)` for every row i (z-test). `threshold=1e-5, maxiter=100` copies metafor's
    default Fisher scoring; the default converges to the exact optimum."""
    y = np.atleast_2d(np.asarray(yi, float))
    v = np.atleast_2d(np.asarray(vi, float))
    if method not in BATCH_METHODS:
        raise ValueError(f"rma_batch supports {', '.join(BATCH_METHODS)}")
    mask = ~(np.isnan(y) | np.isnan(v))
    if (v[mask] <= 0).any():
        raise ValueError("sampling variances must be positive")
    y, v = np.where(mask, y, 0.0), np.where(mask, v, 1.0)
    k = mask.sum(axis=1)
    if (k < 2).any():
        raise ValueError("rma_batch needs k >= 2 in every meta-analysis; use rma() for k < 2")
    iterations = 0
    converged = np.ones(len(y), bool)
    if method == "EE":
        tau2 = np.zeros(len(y))
    elif method == "DL":
        tau2 = _pymare_tau2("DerSimonianLaird", y, v, mask)
    elif method == "HE":
        tau2 = _pymare_tau2("Hedges", y, v, mask)
    elif method in ("EB", "PM") and threshold is None:
        q0 = _q(y, v, mask, np.zeros(len(y)))
        hi = np.maximum(100.0, 10 * np.nanvar(np.where(mask, y, np.nan), axis=1) * 10)
        while (grow := _q(y, v, mask, hi) > k - 1).any():
            hi = np.where(grow, hi * 10, hi)
        tau2 = np.where(q0 <= k - 1, 0.0, _solve_q(y, v, mask, k - 1.0, np.zeros(len(y)), hi))
    else:
        start = _he_start(y, v, mask, k)
        tau2, converged, iterations = _fisher(method, y, v, mask, k, start, threshold, maxiter)
        if threshold is None:  # creeping towards the boundary by halving: the optimum is 0 when the score there is < 0
            tiny = tau2 <= 1e-8 * (np.where(mask, v, 0.0).sum(axis=1) / k)
            w0, sw0, _, r0 = _sums(y, v, mask, np.zeros(len(y)))
            pr0 = w0 * r0
            if method == "REML":
                score0 = (pr0 * pr0).sum(axis=1) - (sw0 - (w0 * w0).sum(axis=1) / sw0)
            else:
                score0 = (pr0 * pr0).sum(axis=1) - sw0
            tau2 = np.where(tiny & (score0 <= 0), 0.0, tau2)
    w, sw, mu, r = _sums(y, v, mask, tau2)
    se = np.sqrt(1 / sw)
    crit = stats.norm.ppf(1 - (1 - level) / 2)
    z = mu / se
    w0, sw0, _, r0 = _sums(y, v, mask, np.zeros(len(y)))
    q = (w0 * r0 * r0).sum(axis=1)
    vt = (k - 1) / (sw0 - (w0 * w0).sum(axis=1) / sw0)
    if method == "EE":
        i2 = np.where(q > 0, np.maximum(0, 100 * (q - (k - 1)) / np.where(q > 0, q, 1)), 0.0)
        h2 = q / (k - 1)
        half = np.full(len(y), np.nan)
    else:
        i2 = 100 * tau2 / (vt + tau2)
        h2 = 1 + tau2 / vt
        half = crit * np.sqrt(se**2 + tau2)
    lo_ci = hi_ci = np.full(len(y), np.nan)
    if confint and method != "EE":
        lo_ci, hi_ci = _qprofile(y, v, mask, k, tau2, level)
    return BatchResult(k=k, estimate=mu, se=se, stat=z, p=2 * stats.norm.sf(np.abs(z)), ci_low=mu - crit * se,
                       ci_high=mu + crit * se, pi_low=mu - half, pi_high=mu + half, tau2=tau2, tau2_ci_low=lo_ci,
                       tau2_ci_high=hi_ci, i2=i2, i2_ci_low=100 * lo_ci / (vt + lo_ci),
                       i2_ci_high=100 * hi_ci / (vt + hi_ci), h2=h2, q=q, q_p=stats.chi2.sf(q, k - 1), vt=vt,
                       iterations=iterations, converged=converged)


def _qprofile(y, v, mask, k, tau2, level):
    """Vectorized Q-profile bounds with metafor's conventions (0 below, search limit max(100, 10 tau²))."""
    alpha = 1 - level
    t_low = stats.chi2.ppf(1 - alpha / 2, k - 1)
    t_high = stats.chi2.ppf(alpha / 2, k - 1)
    limit = np.maximum(100.0, 10 * tau2)
    zeros = np.zeros(len(y))
    q0, qmax = _q(y, v, mask, zeros), _q(y, v, mask, limit)
    high = np.where(qmax > t_high, limit, _solve_q(y, v, mask, t_high, zeros, limit))
    low = np.where(q0 < t_low, 0.0, np.where(qmax > t_low, limit, _solve_q(y, v, mask, t_low, zeros, limit)))
    null = q0 < t_high
    return np.where(null, 0.0, low), np.where(null, 0.0, high)
