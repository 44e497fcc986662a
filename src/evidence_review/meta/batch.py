"""Many intercept-only meta-analyses at once: every tau² estimator of `rma()`, z or Knapp-Hartung (knha, adhoc)
inference, Q, I², H², the standard error of tau² and the Q-profile CIs, vectorized across meta-analyses with NumPy.

`rma_batch(Y, V, ...)`: rows are meta-analyses, columns studies, shorter meta-analyses padded with NaN; one
`BatchResult` of arrays. `rma_many(yis, vis, ...)`: the same from ragged lists, one `RMAResult` per meta-analysis,
equal to what `rma(yi, vi, method=, test=, level=)` returns for it (the synthesis stage pools every cell this way).

The numbers are those of `rma()` (the same formulas, the same exact optimum, to rounding: sums are taken in a
different order, so results agree to ~1e-15 relative rather than bit for bit); `threshold` copies metafor's
Fisher-scoring stop rule instead. Rows the vectorized path does not cover are fitted by `rma()` one at a time, so
the result never differs in kind: fewer than two studies, a missing or invalid yi/vi (rma's notes or its
MetaInputError), Fisher scoring not converged within `maxiter`, an ML/REML likelihood higher at tau² = 0 than at
the stationary point (rma's documented fallbacks and their notes), or numbers that overflowed.

References
----------
DerSimonian R, Laird N. Meta-analysis in clinical trials. Control Clin Trials 1986;7:177-188 (DL).
Hedges LV. A random effects model for effect sizes. Psychol Bull 1983;93:388-395 (HE).
Hunter JE, Schmidt FL. Methods of Meta-Analysis. 2nd ed. Sage, 2004 (HS).
Sidik K, Jonkman JN. Simple heterogeneity variance estimation for meta-analysis. J R Stat Soc C 2005;54:367-384 (SJ).
Paule RC, Mandel J. Consensus values and weighting factors. J Res Natl Bur Stand 1982;87:377-385 (PM).
Morris CN. Parametric empirical Bayes inference. J Am Stat Assoc 1983;78:47-55 (EB).
Viechtbauer W. Bias and efficiency of meta-analytic variance estimators in the random-effects model. J Educ Behav
Stat 2005;30:261-293 (ML, REML by Fisher scoring).
Hartung J, Knapp G. On tests of the overall treatment effect in meta-analysis with normally distributed responses.
Stat Med 2001;20:1771-1782; Knapp G, Hartung J. Improved tests for a random effects meta-regression with a single
covariate. Stat Med 2003;22:2693-2710 (knha, adhoc).
Viechtbauer W. Confidence intervals for the amount of heterogeneity in meta-analysis. Stat Med 2007;26:37-52
(Q-profile). Higgins JPT, Thompson SG. Quantifying heterogeneity in a meta-analysis. Stat Med 2002;21:1539-1558 (I²).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._dist import chi2_quantile, chi2_sf, chi2_upper_quantile, norm_quantile, norm_two_sided_p, t_quantile, \
    t_two_sided_p
from .inputs import MetaInputError
from .rma import RMAResult, _check_options, prediction_interval, rma
from .tau2 import EXACT_MAXITER, EXACT_TOL, METAFOR_CONTROL, normalize_method, se_tau2

BATCH_METHODS = ("EE", "DL", "HE", "HS", "SJ", "REML", "ML", "EB", "PM")
NAN = float("nan")


@dataclass(frozen=True)
class BatchResult:
    """One entry per meta-analysis (row). `ddf` and `s2w` are NaN under the z-test; `fallback` marks rows that
    need `rma()` one at a time (see the module docstring): their other entries are not to be used."""

    k: np.ndarray
    test: str
    estimate: np.ndarray
    se: np.ndarray
    stat: np.ndarray
    p: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    pi_low: np.ndarray
    pi_high: np.ndarray
    ddf: np.ndarray
    s2w: np.ndarray
    tau2: np.ndarray
    se_tau2: np.ndarray
    tau2_ci_low: np.ndarray
    tau2_ci_high: np.ndarray
    tau2_ci_low_sign: np.ndarray
    tau2_ci_high_sign: np.ndarray
    tau2_ci_null: np.ndarray
    i2: np.ndarray
    i2_ci_low: np.ndarray
    i2_ci_high: np.ndarray
    h2: np.ndarray
    h2_ci_low: np.ndarray
    h2_ci_high: np.ndarray
    q: np.ndarray
    q_p: np.ndarray
    vt: np.ndarray
    weights: np.ndarray  # percent, padded columns 0
    iterations: np.ndarray
    converged: np.ndarray
    fallback: np.ndarray


def _sums(y, v, mask, tau2):
    """Weighted-mean pieces for weights 1/(v + tau2) (tau2 broadcast per row); padded cells weigh 0."""
    w = np.where(mask, 1.0 / (v + tau2[:, None]), 0.0)
    sw = w.sum(axis=1)
    # the mean taken around the first study's value: studies of one value (a duplicated report) average to
    # exactly that value, as rma()'s weighted least squares gives it, and sums of differences lose less
    y0 = y[:, :1]
    mu = y0[:, 0] + (w * np.where(mask, y - y0, 0.0)).sum(axis=1) / sw
    r = np.where(mask, y - mu[:, None], 0.0)
    return w, sw, mu, r


def _q(y, v, mask, tau2):
    w, _, _, r = _sums(y, v, mask, tau2)
    return (w * r * r).sum(axis=1)


def _he(y, mask, sv, k):
    """max(0, HE): (sum (y - ybar)² - (k-1)/k sum v) / (k - 1); also metafor's Fisher-scoring start."""
    ybar = np.where(mask, y, 0.0).sum(axis=1) / k
    rss = (np.where(mask, y - ybar[:, None], 0.0) ** 2).sum(axis=1)
    return np.maximum(0.0, (rss - (k - 1) / k * sv) / (k - 1))


def _fisher(method, y, v, mask, k, start, threshold, maxiter, rel_tol=0.0):
    """Fisher scoring from `start`, step halving below 0, stop at an absolute change <= max(threshold,
    rel_tol * tau²) (per row)."""
    tau2 = start.copy()
    active = np.ones(len(y), bool)
    iterations = np.zeros(len(y), int)
    while (running := active & (iterations < maxiter)).any():
        iterations[running] += 1
        w, sw, _, r = _sums(y[running], v[running], mask[running], tau2[running])
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
            kk = k[running]
            adj = ((w * r * r).sum(axis=1) * kk / (kk - 1) - kk) / sw
        old = tau2[running]
        new = old + adj
        while (neg := new < 0).any():  # halve steps that would leave the parameter space
            adj = np.where(neg, adj / 2, adj)
            new = old + adj
        tau2[running] = new
        idx = np.flatnonzero(running)
        active[idx[np.abs(new - old) <= np.maximum(threshold[idx], rel_tol * new)]] = False
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


def _loglik(method, y, v, mask, k, tau2):
    """metafor's ML or REML log-likelihood of an intercept-only model (REML with its +1/2 log|X'X| term)."""
    w, sw, _, r = _sums(y, v, mask, tau2)
    logdet = np.where(mask, np.log(v + tau2[:, None]), 0.0).sum(axis=1)
    rss = (w * r * r).sum(axis=1)
    if method == "ML":
        return -0.5 * (k * np.log(2 * np.pi) + logdet + rss)
    return -0.5 * ((k - 1) * np.log(2 * np.pi) + logdet + rss) + 0.5 * np.log(k) - 0.5 * np.log(sw)


def _tau2(method, y, v, mask, k, threshold, maxiter, ll0_tol=None):
    """(tau², converged, iterations, fallback) per row; fallback rows need rma()'s scalar path."""
    n = len(y)
    sv = np.where(mask, v, 0.0).sum(axis=1)
    converged, iterations, fallback = np.ones(n, bool), np.zeros(n, int), np.zeros(n, bool)
    if method == "EE":
        return np.zeros(n), converged, iterations, fallback
    w0, sw0, _, r0 = _sums(y, v, mask, np.zeros(n))
    q0 = (w0 * r0 * r0).sum(axis=1)
    if method == "DL":
        tr_p = sw0 - (w0 * w0).sum(axis=1) / sw0
        return np.maximum(0.0, (q0 - (k - 1)) / tr_p), converged, iterations, fallback
    if method == "HE":
        return _he(y, mask, sv, k), converged, iterations, fallback
    if method == "HS":
        return np.maximum(0.0, (q0 - k) / sw0), converged, iterations, fallback
    if method == "SJ":
        ybar = np.where(mask, y, 0.0).sum(axis=1) / k
        t0 = (np.where(mask, y - ybar[:, None], 0.0) ** 2).sum(axis=1) / k
        return np.maximum(0.0, t0 * _q(y, v, mask, t0) / (k - 1)), converged, iterations, fallback
    if method in ("EB", "PM") and threshold is None:  # rma(): the root of Q(tau²) = k - 1, solved exactly
        hi = np.maximum(100.0, 10 * np.nanvar(np.where(mask, y, np.nan), axis=1) * 10)
        while (grow := _q(y, v, mask, hi) > k - 1).any():
            hi = np.where(grow, hi * 10, hi)
        solved = _solve_q(y, v, mask, (k - 1).astype(float), np.zeros(n), hi)
        return np.where(q0 <= k - 1, 0.0, solved), converged, iterations, fallback
    exact = threshold is None
    if exact:  # as rma(): a change of EXACT_TOL times the larger of the mean sampling variance and tau²
        threshold = EXACT_TOL * (sv / k)
    threshold = np.broadcast_to(np.asarray(threshold, float), (n,)).copy()
    tau2, converged, iterations = _fisher(method, y, v, mask, k, _he(y, mask, sv, k), threshold, maxiter,
                                         EXACT_TOL if exact else 0.0)
    fallback |= ~converged  # rma() switches to a root search (exact) or to DL (metafor's rules), with a note
    if not exact and ll0_tol is not None and method in ("ML", "REML"):
        # metafor resets tau² to 0 when the likelihood there is higher by more than tol: rma() notes it
        gain = _loglik(method, y, v, mask, k, np.zeros(n)) - _loglik(method, y, v, mask, k, tau2)
        fallback |= (gain > ll0_tol) & (tau2 > threshold)
    if exact:
        # creeping towards the boundary by halving: the optimum is 0 when the score there is <= 0
        tiny = (tau2 > 0) & (tau2 <= 1e-8 * (sv / k))
        pr0 = w0 * r0
        score0 = (pr0 * pr0).sum(axis=1) - (sw0 - (w0 * w0).sum(axis=1) / sw0 if method == "REML" else sw0)
        at_zero = tiny & (score0 <= 0)
        tau2 = np.where(at_zero, 0.0, tau2)
        if method in ("ML", "REML"):  # rma() notes and resets a likelihood higher at 0: leave those rows to it
            higher_at_zero = (tau2 > 0) & (_loglik(method, y, v, mask, k, np.zeros(n))
                                           > _loglik(method, y, v, mask, k, tau2))
            fallback |= higher_at_zero
    return tau2, converged, iterations, fallback


def _se_tau2(method, y, v, mask, k, tau2):
    """metafor's standard error of tau² for each estimator (tau2.se_tau2, intercept-only closed forms)."""
    t = np.maximum(tau2, 0.0)
    if method == "EE":
        return np.full(len(y), NAN)
    if method in ("DL", "HS"):
        w = np.where(mask, 1.0 / v, 0.0)
        sw, sw2, sw3 = w.sum(axis=1), (w * w).sum(axis=1), (w**3).sum(axis=1)
        tr_p, pp = sw - sw2 / sw, sw2 - 2 * sw3 / sw + (sw2 / sw) ** 2
        denom = sw if method == "HS" else tr_p
        return np.sqrt((2 * (k - 1) + 4 * t * tr_p + 2 * t**2 * pp) / denom**2)
    if method == "HE":  # P = I - 11'/k: sum P_ij² v_i v_j and tr(P V) in closed form
        vm = np.where(mask, v, 0.0)
        sv, sv2 = vm.sum(axis=1), (vm * vm).sum(axis=1)
        pvpv = sv2 * (1 - 2 / k) + sv**2 / k**2
        return np.sqrt((2 * pvpv + 4 * t * (1 - 1 / k) * sv + 2 * t**2 * (k - 1)) / (k - 1) ** 2)
    if method == "SJ":  # k x k projections: one row at a time (SJ is rarely the primary estimator)
        return np.array([se_tau2("SJ", y[i, mask[i]], v[i, mask[i]], np.ones((k[i], 1)), tau2[i])
                         for i in range(len(y))])
    w = np.where(mask, 1.0 / (v + t[:, None]), 0.0)
    sw, sw2 = w.sum(axis=1), (w * w).sum(axis=1)
    if method == "ML":
        return np.sqrt(2 / sw2)
    if method == "REML":
        return np.sqrt(2 / (sw2 - 2 * (w**3).sum(axis=1) / sw + (sw2 / sw) ** 2))
    return np.sqrt(2 * k**2 / (k - 1) / sw**2)  # EB, PM


def _qprofile(y, v, mask, k, tau2, level):
    """Vectorized Q-profile bounds with metafor's conventions (qprofile in confint.py): 0 below, the search limit
    max(100, 10 tau²) above with sign ">", both 0 when Q(0) is below even the upper target."""
    alpha = 1 - level
    t_low = chi2_upper_quantile(alpha / 2, k - 1)
    t_high = chi2_quantile(alpha / 2, k - 1)
    limit = np.maximum(100.0, 10 * tau2)
    zeros = np.zeros(len(y))
    q0, qmax = _q(y, v, mask, zeros), _q(y, v, mask, limit)
    null = q0 < t_high
    high_at_limit = qmax > t_high
    low_at_zero = q0 < t_low
    low_at_limit = ~low_at_zero & (qmax > t_low)
    need_high = ~null & ~high_at_limit
    need_low = ~null & ~low_at_zero & ~low_at_limit
    high, low = limit.copy(), np.zeros(len(y))
    if need_high.any():
        s = need_high
        high[s] = _solve_q(y[s], v[s], mask[s], t_high[s], zeros[s], limit[s])
    if need_low.any():
        s = need_low
        low[s] = _solve_q(y[s], v[s], mask[s], t_low[s], zeros[s], limit[s])
    low = np.where(low_at_limit, limit, low)
    high_sign = np.where(null, "<", np.where(high_at_limit, ">", ""))
    low_sign = np.where(null, "<", np.where(low_at_limit, ">", ""))
    return np.where(null, 0.0, low), np.where(null, 0.0, high), low_sign, high_sign, null


def rma_batch(yi, vi, method: str = "REML", test: str = "z", level: float = 0.95, confint: bool = True,
              threshold: float | None = None, maxiter: int = EXACT_MAXITER, ll0_tol: float | None = None
              ) -> BatchResult:
    """Fit `rma(yi[i], vi[i], method=, test=, level=)` for every row i of the (padded) arrays.

    Parameters
    ----------
    yi, vi : array_like, shape (n_meta_analyses, max_k)
        Effect sizes and sampling variances, NaN-padded. Every row needs k >= 2 and positive variances.
    method : {"EE", "DL", "HE", "HS", "SJ", "REML", "ML", "EB", "PM"}
    test : {"z", "knha", "adhoc"}
        Wald z-test, or the Hartung-Knapp(-Sidik-Jonkman) t-test on k - 1 df ("adhoc": its variance factor
        floored at 1, metafor's test="adhoc").
    confint : bool
        Q-profile CIs for tau², I², H² (NaN when False or for EE).
    threshold, maxiter
        None (default): the exact optimum, as `rma()`. `threshold=1e-5, maxiter=100` copies metafor's default
        Fisher scoring for REML, ML and EB.
    ll0_tol : float, optional
        With a threshold: flag (`fallback`) the ML/REML rows whose likelihood at tau² = 0 is higher by more than
        this, which metafor resets to 0 (rma(iteration="metafor") does, with a note).

    Returns
    -------
    BatchResult
    """
    method = normalize_method(method)
    _check_options(method, test, level)
    y = np.atleast_2d(np.asarray(yi, float))
    v = np.atleast_2d(np.asarray(vi, float))
    if y.shape != v.shape:
        raise MetaInputError(f"yi and vi must have the same shape (got {y.shape} and {v.shape})")
    mask = ~(np.isnan(y) | np.isnan(v))
    if (~np.isfinite(y[mask])).any() or (~np.isfinite(v[mask])).any() or (v[mask] <= 0).any():
        raise MetaInputError("sampling variances must be positive and finite, and effect sizes finite")
    y, v = np.where(mask, y, 0.0), np.where(mask, v, 1.0)
    k = mask.sum(axis=1)
    if (k < 2).any():
        raise MetaInputError("rma_batch needs k >= 2 in every meta-analysis; use rma() for k < 2")
    n = len(y)
    tau2, converged, iterations, fallback = _tau2(method, y, v, mask, k, threshold, maxiter, ll0_tol)
    w, sw, mu, r = _sums(y, v, mask, tau2)
    vb = 1 / sw
    if test == "z":
        s2w = ddf = np.full(n, NAN)
        crit = np.full(n, float(norm_quantile(1 - (1 - level) / 2)))
    else:
        s2w = (w * r * r).sum(axis=1) / (k - 1)
        if test == "adhoc":
            s2w = np.maximum(1.0, s2w)
        vb = vb * s2w
        ddf = (k - 1).astype(float)
        crit = t_quantile(1 - (1 - level) / 2, ddf)
    se = np.sqrt(vb)
    stat = mu / se
    p = norm_two_sided_p(stat) if test == "z" else t_two_sided_p(stat, ddf)
    w0, sw0, _, r0 = _sums(y, v, mask, np.zeros(n))
    q = (w0 * r0 * r0).sum(axis=1)
    vt = (k - 1) / (sw0 - (w0 * w0).sum(axis=1) / sw0)
    if method == "EE":
        i2 = np.where(q > 0, np.maximum(0.0, 100 * (q - (k - 1)) / np.where(q > 0, q, 1.0)), 0.0)
        h2 = q / (k - 1)
        half = np.full(n, NAN)
    else:
        i2 = 100 * tau2 / (vt + tau2)
        h2 = 1 + tau2 / vt
        half = crit * np.sqrt(se**2 + tau2)
    nan = np.full(n, NAN)
    lo_ci, hi_ci, lo_sign, hi_sign, null = nan, nan, np.full(n, ""), np.full(n, ""), np.zeros(n, bool)
    if confint and method != "EE":
        lo_ci, hi_ci, lo_sign, hi_sign, null = _qprofile(y, v, mask, k, tau2, level)
    return BatchResult(k=k, test=test, estimate=mu, se=se, stat=stat, p=p, ci_low=mu - crit * se,
                       ci_high=mu + crit * se, pi_low=mu - half, pi_high=mu + half, ddf=ddf, s2w=s2w, tau2=tau2,
                       se_tau2=_se_tau2(method, y, v, mask, k, tau2), tau2_ci_low=lo_ci, tau2_ci_high=hi_ci,
                       tau2_ci_low_sign=lo_sign, tau2_ci_high_sign=hi_sign, tau2_ci_null=null,
                       i2=i2, i2_ci_low=100 * lo_ci / (vt + lo_ci), i2_ci_high=100 * hi_ci / (vt + hi_ci), h2=h2,
                       h2_ci_low=1 + lo_ci / vt, h2_ci_high=1 + hi_ci / vt, q=q, q_p=chi2_sf(q, k - 1), vt=vt,
                       weights=100 * w / sw[:, None], iterations=iterations, converged=converged, fallback=fallback)


#: A pass holds at most this many padded study entries (rows x the longest row): memory stays bounded (~10
#: arrays of this size live at once) even for leave-one-out of a cell of thousands of studies.
MAX_BATCH_ENTRIES = 2_000_000


def _chunks(rows: list[int], lengths: list[int]) -> list[list[int]]:
    """The rows cut into passes of similar length (sorted by k, so little padding), each within
    MAX_BATCH_ENTRIES."""
    chunks: list[list[int]] = []
    current: list[int] = []
    for i in sorted(rows, key=lambda r: (lengths[r], r)):
        if current and (len(current) + 1) * lengths[i] > MAX_BATCH_ENTRIES:
            chunks.append(current)
            current = []
        current.append(i)
    return chunks + ([current] if current else [])


def _vectorizable(y: np.ndarray, v: np.ndarray) -> bool:
    """A meta-analysis the batch path fits as rma() would: k >= 2, nothing missing, positive finite variances."""
    return len(y) >= 2 and len(y) == len(v) and bool(np.isfinite(y).all() and np.isfinite(v).all() and (v > 0).all())


def rma_many(yis, vis, method: str = "REML", test: str = "z", level: float = 0.95, studies=None,
             confint: bool = True, pi_type: str = "default", iteration: str = "exact") -> list[RMAResult | Exception]:
    """`rma(yis[i], vis[i], method=, test=, level=, study=studies[i], confint=, pi_type=, iteration=)` for every
    meta-analysis i, fitted in one vectorized pass (`rma_batch`); rows it does not cover go through `rma()` itself.

    `iteration="metafor"` repeats metafor's default stopping rules (as the refits of leave-one-out do): Fisher
    scoring to an absolute change of 1e-5 in at most 100 steps, then metafor's check of the likelihood at 0; PM
    (R's uniroot) and the rows those rules flag go through `rma()`.

    Parameters
    ----------
    yis, vis : sequence of array_like
        One array of effect sizes and one of sampling variances per meta-analysis (any lengths).
    studies : sequence of sequence of str, optional
        Study labels per meta-analysis.

    Returns
    -------
    list of RMAResult or Exception
        In input order. A meta-analysis `rma()` refuses (MetaInputError, or an arithmetic failure) gives the
        exception in its place, so that one unusable meta-analysis does not stop the others.
    """
    method = normalize_method(method)
    _check_options(method, test, level, pi_type)
    ys = [np.atleast_1d(np.asarray(y, float)) for y in yis]
    vs = [np.atleast_1d(np.asarray(v, float)) for v in vis]
    labels = [None] * len(ys) if studies is None else list(studies)
    out: list[RMAResult | Exception | None] = [None] * len(ys)
    if iteration not in ("exact", "metafor"):
        raise MetaInputError(f"iteration must be 'exact' or 'metafor', not {iteration!r}")
    # metafor's own rules are vectorized for the refits diagnostics make (no Q-profile CI, whose uniroot search
    # is metafor's too); PM's uniroot is not
    rows = [] if (iteration == "metafor" and (method == "PM" or confint)) else [
        i for i in range(len(ys)) if _vectorizable(ys[i], vs[i])]
    rules = {} if iteration == "exact" else dict(threshold=METAFOR_CONTROL["threshold"],
                                                 maxiter=METAFOR_CONTROL["maxiter"], ll0_tol=METAFOR_CONTROL["tol"])
    for chunk in _chunks(rows, [len(y) for y in ys]):
        width = max(len(ys[i]) for i in chunk)
        Y = np.full((len(chunk), width), np.nan)
        V = np.full((len(chunk), width), np.nan)
        for j, i in enumerate(chunk):
            Y[j, : len(ys[i])], V[j, : len(vs[i])] = ys[i], vs[i]
        with np.errstate(all="ignore"):
            batch = rma_batch(Y, V, method=method, test=test, level=level, confint=confint, **rules)
        for j, i in enumerate(chunk):
            # a row whose numbers overflowed (variances many orders of magnitude apart) is left to rma(), which
            # raises or falls back with a note
            finite = np.isfinite(batch.estimate[j]) and np.isfinite(batch.se[j]) and np.isfinite(batch.tau2[j])
            if finite and not batch.fallback[j]:
                out[i] = _result(batch, j, method, level, pi_type, ys[i], vs[i], labels[i], iteration)
    for i in range(len(ys)):
        if out[i] is None:
            try:
                out[i] = rma(ys[i], vs[i], method=method, test=test, level=level, study=labels[i], confint=confint,
                             pi_type=pi_type, iteration=iteration)
            except (ValueError, ArithmeticError, np.linalg.LinAlgError) as exc:  # MetaInputError is a ValueError
                out[i] = exc
    return out


def _result(b: BatchResult, j: int, method: str, level: float, pi_type: str, y, v, labels,
            iteration: str = "exact") -> RMAResult:
    """Row j of a batch as the RMAResult rma() returns."""
    k = int(b.k[j])
    f = {name: float(getattr(b, name)[j]) for name in (
        "estimate", "se", "stat", "p", "ci_low", "ci_high", "ddf", "s2w", "tau2", "se_tau2", "tau2_ci_low",
        "tau2_ci_high", "i2", "i2_ci_low", "i2_ci_high", "h2", "h2_ci_low", "h2_ci_high", "q", "q_p", "vt")}
    pi_low, pi_high, pi_ddf = prediction_interval(f["estimate"], f["se"], f["tau2"], k, method, f["ddf"], level,
                                                  pi_type)
    notes = ("Knapp-Hartung method is not meant to be used with an EE model",) if (
        method == "EE" and b.test != "z") else ()
    names = tuple(str(s) for s in labels) if labels is not None else tuple(str(i + 1) for i in range(k))
    return RMAResult(k=k, method=method, test=b.test, level=level, pi_low=pi_low, pi_high=pi_high,
                     tau2_ci_low_sign=str(b.tau2_ci_low_sign[j]), tau2_ci_high_sign=str(b.tau2_ci_high_sign[j]),
                     tau2_ci_null=bool(b.tau2_ci_null[j]), q_df=k - 1, weights=b.weights[j, :k].copy(),
                     converged=bool(b.converged[j]), notes=notes, tau2_method=method,
                     iterations=int(b.iterations[j]), iteration=iteration, study=names, yi=y, vi=v, pi_type=pi_type,
                     pi_ddf=pi_ddf, **f)


__all__ = ["BATCH_METHODS", "BatchResult", "rma_batch", "rma_many"]
