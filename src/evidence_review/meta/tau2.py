"""Between-study variance (tau²) estimators, as metafor's `rma.uni(method=...)` defines them.

Closed form: EE (tau² = 0), DL, HE, HS, SJ (one-step Sidik-Jonkman). Iterative: REML, ML, EB (Fisher scoring)
and PM (root of the generalized Q). All accept a design matrix `X` (intercept-only meta-analysis: a column of
ones) because Egger's test and trim-and-fill refit meta-regressions with the same estimator.

Two iteration modes:
- ``"exact"`` (default): converge to the true optimum / root (relative precision ~1e-12). This is what metafor
  returns with `control=list(threshold=1e-10, tol=1e-10)` up to its own remaining error.
- ``"metafor"``: copy metafor 3.8's loops step by step (Fisher scoring started at max(0, HE), step halving
  below 0, stop at an absolute change of `threshold` (1e-5), at most `maxiter` (100) steps, then metafor's check
  that the likelihood is not higher at tau² = 0; PM by R's uniroot at `tol` (~1.2e-4) on [0, max(100, 10 mad(y)²)]),
  to reproduce metafor's printed defaults. `control` overrides threshold / tol / maxiter as metafor's
  `control=list(...)` does (e.g. the reference's `tight` refits: threshold=1e-10, tol=1e-10, maxiter=1000).

Fallback (documented contract): when an iterative estimator does not converge, the score equation is solved by
bracketing root search instead; when that fails too, DL is used. Either way the returned `notes` say so.

References
----------
- DL: DerSimonian R, Laird N. Meta-analysis in clinical trials. Control Clin Trials 1986;7:177-188.
- HE: Hedges LV. A random effects model for effect sizes. Psychol Bull 1983;93:388-395.
- HS: Hunter JE, Schmidt FL. Methods of Meta-Analysis. 2nd ed. Sage, 2004.
- SJ: Sidik K, Jonkman JN. Simple heterogeneity variance estimation for meta-analysis. J R Stat Soc C
  2005;54:367-384.
- PM: Paule RC, Mandel J. Consensus values and weighting factors. J Res Natl Bur Stand 1982;87:377-385.
- ML, REML (Fisher scoring): Viechtbauer W. Bias and efficiency of meta-analytic variance estimators in the
  random-effects model. J Educ Behav Stat 2005;30:261-293.
- EB: Morris CN. Parametric empirical Bayes inference: theory and applications. J Am Stat Assoc 1983;78:47-55;
  Berkey CS et al. A random-effects regression model for meta-analysis. Stat Med 1995;14:395-411.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize

from ._wls import projection, q_stat, trace_p, wls
from ._zeroin import uniroot

ESTIMATORS = ("EE", "DL", "REML", "ML", "PM", "SJ", "HE", "HS", "EB")
METHOD_SYNONYMS = {"FE": "EE", "CE": "EE"}  # metafor's other names for the equal- (common-, fixed-) effects model
ITERATION_MODES = ("exact", "metafor")

METAFOR_CONTROL = {"threshold": 1e-5, "tol": float(np.finfo(float).eps) ** 0.25, "maxiter": 100}
EXACT_MAXITER = 10_000
EXACT_TOL = 1e-14  # exact mode's Fisher-scoring stop: change <= EXACT_TOL * max(mean(vi), tau²)


@dataclass(frozen=True)
class Tau2Estimate:
    tau2: float
    method: str  # the estimator that produced tau2 (differs from the requested one after a fallback)
    converged: bool
    iterations: int
    notes: tuple[str, ...] = ()


def _pymare_tau2(name: str, y, v, X) -> float:
    """tau² from a PyMARE estimator, every option explicit (PyMARE's default is Knapp-Hartung, which does not
    change tau² but would change its other outputs): one dataset, independent rows, Wald inference.
    Imported on first use: PyMARE pulls in sympy (~0.7 s), which REML/ML/EB/PM fits do not need."""
    from pymare import estimators

    est = getattr(estimators, name)(weight_scheme="individual", rho=None, small_sample_correction="wald")
    est.fit(y[:, None], v[:, None], X)
    return float(np.ravel(est.params_["tau2"])[0])


def tau2_dl(y, v, X) -> float:
    """DerSimonian-Laird: max(0, (Q - (k - p)) / tr(P)), P with weights 1/v. Computed by PyMARE, which agrees
    with metafor to ~1e-15 (checked by the conformance tests, including the meta-regressions of regtest).

    References
    ----------
    DerSimonian R, Laird N. Meta-analysis in clinical trials. Control Clin Trials 1986;7:177-188.
    """
    return _pymare_tau2("DerSimonianLaird", y, v, X)


def tau2_he(y, v, X) -> float:
    """Hedges' (Cochran's ANOVA) estimator, max(0, (RSS_OLS - tr(P_OLS V)) / (k - p)). Computed by PyMARE's
    `Hedges`, which agrees with metafor to ~1e-15.

    References
    ----------
    Hedges LV. A random effects model for effect sizes. Psychol Bull 1983;93:388-395.
    """
    return _pymare_tau2("Hedges", y, v, X)


def _he_start(y, v, X) -> float:
    """max(0, HE): metafor's starting value for Fisher scoring (the same formula as tau2_he, without PyMARE)."""
    k, p = X.shape
    ols = wls(y, np.ones(k), X)
    P = projection(np.ones(k), X)
    return max(0.0, (ols.rss - float(np.sum(np.diag(P) * v))) / (k - p))


def tau2_hs(y, v, X) -> float:
    """Hunter-Schmidt: (Q - k) / sum(w) (k, not k - p, as metafor).

    References
    ----------
    Hunter JE, Schmidt FL. Methods of Meta-Analysis: Correcting Error and Bias in Research Findings. 2nd ed. Sage,
    2004.
    """
    k = len(y)
    w = 1.0 / v
    return max(0.0, (wls(y, w, X).rss - k) / float(np.sum(w)))


def tau2_sj(y, v, X) -> float:
    """Sidik-Jonkman one-step: t0 = mean((y - ybar)^2), then t0 * Q(t0) / (k - p).

    References
    ----------
    Sidik K, Jonkman JN. Simple heterogeneity variance estimation for meta-analysis. J R Stat Soc C
    2005;54:367-384.
    """
    k, p = X.shape
    t0 = float(np.mean((y - np.mean(y)) ** 2))
    return max(0.0, t0 * wls(y, 1.0 / (v + t0), X).rss / (k - p))


def _fisher_step(method: str, y, v, X, tau2: float) -> float:
    k, p = X.shape
    w = 1.0 / (v + tau2)
    fit = wls(y, w, X)
    py = w * fit.resid  # P y
    if method == "REML":
        if p == 1:  # P = W - w x x' w / S, S = sum(w x²): traces in closed form
            x = X[:, 0]
            s = float(np.sum(w * x * x))
            w2x2 = float(np.sum(w * w * x * x))
            tr_p = float(np.sum(w)) - w2x2 / s
            tr_pp = float(np.sum(w * w)) - 2 * float(np.sum(w**3 * x * x)) / s + (w2x2 / s) ** 2
            return (float(py @ py) - tr_p) / tr_pp
        P = projection(w, X)
        return (float(py @ py) - float(np.trace(P))) / float(np.sum(P * P))
    if method == "ML":
        return (float(py @ py) - float(np.sum(w))) / float(np.sum(w * w))
    if method == "EB":
        return (fit.rss * k / (k - p) - k) / float(np.sum(w))
    raise ValueError(method)


def _fisher_scoring(method, y, v, X, threshold: float, maxiter: int, rel_tol: float = 0.0) -> tuple[float, bool, int]:
    """Fisher scoring from max(0, HE); stops at an absolute change <= max(threshold, rel_tol * tau²)."""
    tau2 = _he_start(y, v, X)
    change, iterations = np.inf, 0
    while change > max(threshold, rel_tol * tau2):
        iterations += 1
        if iterations > maxiter:
            return tau2, False, iterations - 1
        old = tau2
        adj = _fisher_step(method, y, v, X, tau2)
        while tau2 + adj < 0:
            adj /= 2
        tau2 = tau2 + adj
        change = abs(old - tau2)
    return tau2, True, iterations


def loglik(method: str, y, v, X, tau2: float) -> float:
    """metafor's log-likelihood: ML, or REML including its +1/2 log|X'X| term."""
    k, p = X.shape
    w = 1.0 / (v + tau2)
    fit = wls(y, w, X)
    ll = -0.5 * (k * np.log(2 * np.pi) + np.sum(np.log(v + tau2)) + fit.rss)
    if method == "REML":
        ll = (-0.5 * ((k - p) * np.log(2 * np.pi) + np.sum(np.log(v + tau2)) + fit.rss)
              + 0.5 * np.linalg.slogdet(X.T @ X)[1] - 0.5 * np.linalg.slogdet(X.T @ (w[:, None] * X))[1])
    return float(ll)


def _score(method, y, v, X, tau2: float) -> float:
    """The estimating equation whose root is the estimate (sign: positive means tau² should grow)."""
    k, p = X.shape
    w = 1.0 / (v + tau2)
    fit = wls(y, w, X)
    py = w * fit.resid
    if method == "REML":
        return float(py @ py) - trace_p(w, X)
    if method == "ML":
        return float(py @ py) - float(np.sum(w))
    # EB and PM share the root Q(tau²) = k - p
    return fit.rss - (k - p)


def _upper_bracket(method, y, v, X, start: float) -> float:
    hi = max(start, float(np.mean(v)), 1e-8)
    for _ in range(200):
        if _score(method, y, v, X, hi) < 0:
            return hi
        hi *= 2
    raise FloatingPointError("no upper bracket")


def _root_of_score(method, y, v, X, start: float) -> float:
    if _score(method, y, v, X, 0.0) <= 0:
        return 0.0
    hi = _upper_bracket(method, y, v, X, start)
    return optimize.brentq(lambda t: _score(method, y, v, X, t), 0.0, hi, xtol=1e-300, rtol=4 * np.finfo(float).eps,
                           maxiter=1000)


def _mad(y) -> float:
    """R's mad(): 1.4826 * median(|y - median(y)|)."""
    return 1.482602218505602 * float(np.median(np.abs(y - np.median(y))))


def _pm_metafor(y, v, X, tol: float, maxiter: int) -> tuple[float, bool]:
    k, p = X.shape

    def f(t):
        return q_stat(y, v, X, t) - (k - p)

    if f(0.0) < 0:
        return 0.0, True
    upper = max(100.0, 10 * _mad(y) ** 2)
    if f(upper) > 0:
        return float("nan"), False
    root, ok = uniroot(f, 0.0, upper, tol=tol, maxiter=maxiter)
    return root, ok


def metafor_control(control: dict | None) -> dict:
    con = dict(METAFOR_CONTROL)
    con.update(control or {})
    return con


def _ll0_check(method, y, v, X, tau2, con) -> tuple[float, tuple[str, ...]]:
    """metafor: after ML/REML Fisher scoring, reset tau² to 0 if the likelihood there is higher by more than tol."""
    if method not in ("ML", "REML"):
        return tau2, ()
    if loglik(method, y, v, X, 0.0) - loglik(method, y, v, X, tau2) > con["tol"] and tau2 > con["threshold"]:
        return 0.0, ("Fisher scoring may have got stuck at a local maximum; tau² set to 0 (as metafor)",)
    return tau2, ()


def normalize_method(method) -> str:
    """The estimator's canonical name: upper case, metafor's synonyms FE and CE read as EE."""
    name = str(method).strip().upper()
    return METHOD_SYNONYMS.get(name, name)


def estimate_tau2(y, v, X=None, method: str = "REML", iteration: str = "exact",
                  control: dict | None = None) -> Tau2Estimate:
    """tau² of `method` for effect sizes `y` with sampling variances `v` (all > 0) and design `X`.

    Parameters
    ----------
    y, v : array_like
    X : array_like, optional
        Design matrix (default: a column of ones, the intercept-only model).
    method : {"EE", "DL", "REML", "ML", "PM", "SJ", "HE", "HS", "EB"}
    iteration : {"exact", "metafor"}
        See the module docstring.
    control : dict, optional
        metafor's control values for iteration="metafor".

    Returns
    -------
    Tau2Estimate
        The estimate, the estimator that produced it (another one after a documented fallback), whether it
        converged, the iterations and notes.

    References
    ----------
    REML, ML: Viechtbauer W. J Educ Behav Stat 2005;30:261-293 (Fisher scoring). PM: Paule RC, Mandel J. J Res Natl
    Bur Stand 1982;87:377-385. EB: Morris CN. J Am Stat Assoc 1983;78:47-55. DL, HE, HS, SJ: see `tau2_dl`,
    `tau2_he`, `tau2_hs`, `tau2_sj`.
    """
    method = normalize_method(method)
    y = np.asarray(y, float)
    v = np.asarray(v, float)
    X = np.ones((len(y), 1)) if X is None else np.asarray(X, float)
    if method not in ESTIMATORS:
        raise ValueError(f"unknown tau² estimator {method!r}; use one of {', '.join(ESTIMATORS)}")
    if iteration not in ITERATION_MODES:
        raise ValueError(f"iteration must be one of {ITERATION_MODES}")
    closed = {"EE": lambda *a: 0.0, "DL": tau2_dl, "HE": tau2_he, "HS": tau2_hs, "SJ": tau2_sj}
    if method in closed:
        return Tau2Estimate(float(closed[method](y, v, X)), method, True, 0)
    if iteration == "metafor":
        con = metafor_control(control)
        notes: tuple[str, ...] = ()
        if method == "PM":
            tau2, ok = _pm_metafor(y, v, X, con["tol"], con["maxiter"])
            iters = 0
        else:
            tau2, ok, iters = _fisher_scoring(method, y, v, X, con["threshold"], con["maxiter"])
            if ok:
                tau2, notes = _ll0_check(method, y, v, X, tau2, con)
        if ok:
            return Tau2Estimate(float(tau2), method, True, iters, notes)
        return _fallback(method, y, v, X, f"{method} did not converge within metafor's default limits")
    return _exact(method, y, v, X)


def _exact(method, y, v, X) -> Tau2Estimate:
    notes: list[str] = []
    try:
        if method in ("PM", "EB"):
            # For EB and PM the estimating equation is Q(tau²) = k - p, monotone in tau²: solve it directly.
            return Tau2Estimate(float(_root_of_score("PM", y, v, X, tau2_dl(y, v, X))), method, True, 0)
        scale = max(float(np.mean(v)), 1e-300)
        # the change is measured against the larger of the variances' scale and tau² itself: a tau² far above the
        # sampling variances cannot change by less than its own rounding error
        tau2, ok, iters = _fisher_scoring(method, y, v, X, threshold=EXACT_TOL * scale, maxiter=EXACT_MAXITER,
                                          rel_tol=EXACT_TOL)
        if not ok:
            notes.append(f"{method} Fisher scoring did not converge; solved the score equation by root search")
            tau2, iters = _root_of_score(method, y, v, X, max(tau2, 0.0)), iters
        # the likelihood can be higher at the boundary than at the point found: the optimum is then tau² = 0
        # (Fisher scoring only creeps towards 0 by step halving, leaving e.g. 1e-17)
        if 0 < tau2 <= 1e-8 * scale and _score(method, y, v, X, 0.0) <= 0:
            tau2 = 0.0
        elif tau2 > 0 and loglik(method, y, v, X, 0.0) > loglik(method, y, v, X, tau2):
            notes.append(f"{method}: log-likelihood higher at tau² = 0 than at the stationary point; tau² set to 0")
            tau2 = 0.0
        return Tau2Estimate(float(tau2), method, True, iters, tuple(notes))
    except (FloatingPointError, ValueError, np.linalg.LinAlgError, RuntimeError) as exc:
        return _fallback(method, y, v, X, f"{method} failed ({exc})")


def _fallback(method, y, v, X, why: str) -> Tau2Estimate:
    tau2 = tau2_dl(y, v, X)
    return Tau2Estimate(tau2, "DL", False, 0, (f"{why}; fell back to the DerSimonian-Laird estimate",))


def se_tau2(method: str, y, v, X, tau2: float) -> float:
    """metafor's standard error of tau² for each estimator (NaN for EE)."""
    k, p = X.shape
    t = max(tau2, 0.0)
    if method in ("HS", "DL"):
        w = 1.0 / v
        P = projection(w, X)
        tr_p, pp = float(np.trace(P)), float(np.sum(P * P))
        denom = float(np.sum(w)) if method == "HS" else tr_p
        return float(np.sqrt((2 * (k - p) + 4 * t * tr_p + 2 * t**2 * pp) / denom**2))
    if method == "HE":
        P = projection(np.ones(k), X)
        pv = P * v[None, :]
        return float(np.sqrt((2 * np.sum(pv * pv.T) + 4 * t * np.trace(pv) + 2 * t**2 * (k - p)) / (k - p) ** 2))
    if method == "SJ":
        t0 = float(np.mean((y - np.mean(y)) ** 2))
        P = projection(1.0 / (v + t0), X)
        pv = P * v[None, :]
        return float(np.sqrt(t0**2 / (k - p) ** 2 * (2 * np.sum(pv * pv.T) + 4 * t * np.sum(pv * P)
                                                      + 2 * t**2 * np.sum(P * P))))
    w = 1.0 / (v + t)
    if method == "ML":
        return float(np.sqrt(2 / np.sum(w * w)))
    if method == "REML":
        P = projection(w, X)
        return float(np.sqrt(2 / np.sum(P * P)))
    if method in ("EB", "PM"):
        return float(np.sqrt(2 * k**2 / (k - p) / np.sum(w) ** 2))
    return float("nan")
