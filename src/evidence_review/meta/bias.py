"""Small-study effects: Egger-type regression tests and trim-and-fill, as metafor's `regtest()` and `trimfill()`.

- `regtest(yi, vi, method, test)`: metafor's default. The model is refitted with the standard error as a
  moderator (same estimator and test); the slope's test is the test for funnel-plot asymmetry and the
  intercept is the limit estimate as se -> 0. Needs k >= 3.
- `egger_lm(yi, vi)`: the classic Egger test (metafor `regtest(model="lm")`): weighted least squares with
  weights 1/vi and the residual variance estimated, t-test on k - 2 df.
- `trimfill(yi, vi, method)`: Duval & Tweedie's L0 estimator with metafor's defaults (side from the sign of the
  slope of yi on sqrt(vi); the final model refits the filled data with the same estimator and a z-test).

Results are dicts; when the test cannot run (k too small) the dict holds NaNs and a "note" instead of raising.

Refits repeat metafor's own iteration by default (`iteration="metafor"`): metafor fits these models with
`rma.uni()`'s default stopping rules (Fisher scoring from max(0, HE) to an absolute tau² change of 1e-5; PM by
`uniroot()` at tol ~1.2e-4), and on scales where tau² is small (risk or mean differences) the early stop moves
the test statistic, the limit estimate and the filled estimate by up to ~1e-2 relative from the exact optimum.
`iteration="exact"` solves every refit exactly instead. In metafor 3.8, `regtest(fit)` refits with the fit's
`control` and `test`; `trimfill(fit)` estimates the side, trims and refits the filled data with the default
`control` and a z-test (the data without filled studies are the original fit itself). A refit metafor cannot
finish (Fisher scoring not converged) gives NaNs and a note, where metafor stops with an error. One deliberate
difference: the filled model keeps the caller's `level` (metafor 3.8 refits it at its default 95 %).

References
----------
Egger M, Davey Smith G, Schneider M, Minder C. Bias in meta-analysis detected by a simple, graphical test. BMJ
1997;315:629-634. Duval S, Tweedie R. Trim and fill: a simple funnel-plot-based method of testing and adjusting for
publication bias in meta-analysis. Biometrics 2000;56:455-463.
"""
from __future__ import annotations

import numpy as np
from scipy import stats

from ._wls import wls
from .inputs import clean_inputs
from .rma import fit_model, rma

NAN = float("nan")


def regtest(yi, vi, method: str = "REML", test: str = "z", level: float = 0.95, iteration: str = "metafor",
            control: dict | None = None) -> dict:
    """Egger-type test as `regtest(rma(yi, vi, method=, test=))`: keys stat, p, ddf, slope, slope_se, tau2,
    est, ci_low, ci_high, k, note. The typed form of a fitted model is `diagnostics.egger_test(fit)`.

    References
    ----------
    Egger M, Davey Smith G, Schneider M, Minder C. Bias in meta-analysis detected by a simple, graphical test. BMJ
    1997;315:629-634. Sterne JAC, Egger M. Regression methods to detect publication and other bias in
    meta-analysis. In: Rothstein HR et al. (eds), Publication Bias in Meta-Analysis. Wiley, 2005:99-110.
    """
    y, v, _, _ = clean_inputs(yi, vi)
    k = len(y)
    out = dict(k=k, stat=NAN, p=NAN, ddf=NAN, slope=NAN, slope_se=NAN, tau2=NAN, est=NAN, ci_low=NAN, ci_high=NAN,
               note="")
    if k < 3:
        out["note"] = "Egger's regression test needs at least 3 studies"
        return out
    X = np.column_stack([np.ones(k), np.sqrt(v)])
    m = fit_model(y, v, X, method, test, level, iteration, control)
    if iteration == "metafor" and not m.converged:
        out["note"] = "; ".join((*m.notes, "metafor stops here (the refit did not converge)"))
        return out
    out.update(stat=float(m.stat[1]), p=float(m.p[1]), ddf=m.ddf, slope=float(m.beta[1]), slope_se=float(m.se[1]),
               tau2=m.tau2, est=float(m.beta[0]), ci_low=float(m.ci_low[0]), ci_high=float(m.ci_high[0]),
               note="; ".join(m.notes))
    return out


def egger_lm(yi, vi, level: float = 0.95) -> dict:
    """Classic Egger test: WLS of yi on sqrt(vi) with weights 1/vi, residual variance scaled, t on k-2 df.

    References
    ----------
    Egger M, Davey Smith G, Schneider M, Minder C. Bias in meta-analysis detected by a simple, graphical test. BMJ
    1997;315:629-634.
    """
    y, v, _, _ = clean_inputs(yi, vi)
    k = len(y)
    out = dict(k=k, stat=NAN, p=NAN, ddf=NAN, slope=NAN, slope_se=NAN, est=NAN, ci_low=NAN, ci_high=NAN, note="")
    if k < 3:
        out["note"] = "Egger's regression test needs at least 3 studies"
        return out
    X = np.column_stack([np.ones(k), np.sqrt(v)])
    fit = wls(y, 1.0 / v, X)
    df = k - 2
    vb = fit.vb * fit.rss / df
    se = np.sqrt(np.diag(vb))
    t = fit.beta / se
    crit = stats.t.ppf(1 - (1 - level) / 2, df)
    out.update(stat=float(t[1]), p=float(2 * stats.t.sf(abs(t[1]), df)), ddf=float(df), slope=float(fit.beta[1]),
               slope_se=float(se[1]), est=float(fit.beta[0]), ci_low=float(fit.beta[0] - crit * se[0]),
               ci_high=float(fit.beta[0] + crit * se[0]))
    return out


def trimfill(yi, vi, method: str = "REML", level: float = 0.95, side: str | None = None,
             iteration: str = "metafor", maxiter: int = 100, control: dict | None = None, test: str = "z",
             study=None) -> dict:
    """Trim-and-fill (L0) as metafor's `trimfill(rma(yi, vi, method=, test=))`.

    As metafor: with k0 > 0 the filled data are refitted with a z-test; with k0 = 0 the original fit (and its
    `test`) is returned.

    Keys: k0, se_k0, side, k (with the filled studies), the filled model's estimate, se, stat, p, ci_low, ci_high,
    pi_low, pi_high, tau2, i2, h2, q, q_p, filled_yi, filled_vi, note, and `fit`, the filled model's RMAResult
    (None when the method could not run). The typed form of a fitted model is `diagnostics.trim_and_fill(fit)`.

    References
    ----------
    Duval S, Tweedie R. Trim and fill: a simple funnel-plot-based method of testing and adjusting for publication
    bias in meta-analysis. Biometrics 2000;56:455-463.
    """
    y, v, labels, _ = clean_inputs(yi, vi, study)
    k = len(y)
    out = dict(k0=NAN, se_k0=NAN, side=None, k=k, estimate=NAN, se=NAN, stat=NAN, p=NAN, ci_low=NAN, ci_high=NAN,
               pi_low=NAN, pi_high=NAN, tau2=NAN, i2=NAN, h2=NAN, q=NAN, q_p=NAN, filled_yi=[], filled_vi=[], note="",
               fit=None)
    if k < 3:
        out["note"] = "trim-and-fill needs at least 3 studies"
        return out
    if side is None:
        X = np.column_stack([np.ones(k), np.sqrt(v)])
        side_fit = fit_model(y, v, X, method, "z", level, iteration, control)
        if iteration == "metafor" and not side_fit.converged:
            out["note"] = "the side could not be estimated: the meta-regression on sqrt(vi) did not converge"
            return out
        side = "right" if side_fit.beta[1] < 0 else "left"
    flip = -1.0 if side == "right" else 1.0
    yf = flip * y
    order = np.argsort(yf, kind="stable")
    yf, vf = yf[order], v[order]
    k0, k0_prev, se_k0, iterations = 0, -1, NAN, 0
    b = NAN
    while k0 != k0_prev:
        k0_prev = k0
        iterations += 1
        if iterations > maxiter:
            out["note"] = "trim-and-fill did not converge"
            return out
        trimmed = rma(yf[: k - k0], vf[: k - k0], method=method, iteration=iteration, confint=False, control=control)
        if iteration == "metafor" and not trimmed.converged:
            out["note"] = f"the fit of the {k - k0} least extreme studies did not converge"
            return out
        b = trimmed.estimate
        # a residual within rounding of zero is zero, and distances equal to rounding are ties (broken by order, as
        # R's rank(ties.method = "first")): otherwise the last bits of the estimate, which vary with the numerical
        # library's summation order, decide the sign of a study at the estimate and the order of a symmetric pair
        scale = max(1.0, float(np.max(np.abs(yf))))
        centred = np.where(np.abs(yf - b) <= 1e-10 * scale, 0.0, yf - b)
        ranks = np.empty(k)
        ranks[np.argsort(np.round(np.abs(centred) / scale, 10), kind="stable")] = np.arange(1, k + 1)
        signed = np.sign(centred) * ranks
        sr = float(np.sum(signed[signed > 0]))
        k0_raw = (4 * sr - k * (k + 1)) / (2 * k - 1)
        var_sr = (k * (k + 1) * (2 * k + 1) + 10 * k0_raw**3 + 27 * k0_raw**2 + 17 * k0_raw - 18 * k * k0_raw**2
                  - 18 * k * k0_raw + 6 * k**2 * k0_raw) / 24
        se_k0 = max(0.0, 4 * np.sqrt(var_sr) / (2 * k - 1)) if var_sr >= 0 else NAN
        k0 = int(max(0, np.round(k0_raw)))
    filled_yi = flip * (2 * b - yf[k - k0:]) if k0 > 0 else np.empty(0)
    filled_vi = vf[k - k0:] if k0 > 0 else np.empty(0)
    full = rma(np.concatenate([y, filled_yi]), np.concatenate([v, filled_vi]), method=method,
               test="z" if k0 > 0 else test, level=level, iteration=iteration, confint=False, control=control,
               study=[*labels, *(f"Filled {i + 1}" for i in range(k0))])
    out.update(k0=k0, se_k0=float(se_k0), side=side, k=full.k, estimate=full.estimate, se=full.se, stat=full.stat,
               p=full.p, ci_low=full.ci_low, ci_high=full.ci_high, pi_low=full.pi_low, pi_high=full.pi_high,
               tau2=full.tau2, i2=full.i2, h2=full.h2, q=full.q, q_p=full.q_p, filled_yi=filled_yi.tolist(),
               filled_vi=filled_vi.tolist(), note="; ".join(full.notes), fit=full)
    return out
