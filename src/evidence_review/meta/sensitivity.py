"""Influence of single studies: leave-one-out (metafor's `leave1out()`), each row a refit with the same estimator
and test.

Each refit repeats metafor's own iteration (`iteration="metafor"`, the default here): metafor's `leave1out()` calls `rma.uni()` with the original fit's `control` (by default threshold 1e-5 absolute for Fisher
scoring started at max(0, HE), `uniroot()` at tol ~1.2e-4 for PM), so their refits stop early, and on scales where
tau² is small (risk differences, mean differences in small units) the early stop moves the refitted estimates by
up to ~1e-2 relative from the exact optimum. `iteration="exact"` gives the exact optimum of every refit instead. A
refit metafor cannot finish (Fisher scoring not converged within `maxiter`) is a row of NaN, as metafor's NA.
"""
from __future__ import annotations

import numpy as np

from .inputs import clean_inputs
from .rma import rma

_KEYS = ("estimate", "se", "stat", "p", "ci_low", "ci_high", "pi_low", "pi_high", "q", "q_p", "tau2", "i2", "h2")


def _row(study: str, res, iteration: str) -> dict:
    row = {"study": study, "k": res.k}
    row.update({key: getattr(res, key) for key in _KEYS})
    if iteration == "metafor" and not res.converged:  # metafor's rma.uni() stops with an error: the row is NA
        row.update({key: float("nan") for key in _KEYS})
    if res.method == "EE":
        row["tau2"] = float("nan")  # metafor reports no tau² for common-effect refits
    row["notes"] = list(res.notes)
    return row


def leave1out_many(fits, iteration: str = "metafor", control: dict | None = None) -> list[list[dict] | Exception]:
    """`leave1out` of many fitted models (RMAResult) at once: every refit of every model in one vectorized pass
    (`batch.rma_many`), the same rows as `leave1out(fit.yi, fit.vi, method=fit.method, test=fit.test, ...)`.
    Models of one estimator and test share a pass; `control` (metafor's) sends every refit through `rma()`. A model
    one of whose refits the engine refuses gets that error in place of its rows."""
    from .batch import rma_many

    out: list[list[dict] | None] = [None] * len(fits)
    groups: dict[tuple, list[int]] = {}
    for n, fit in enumerate(fits):
        groups.setdefault((fit.method, fit.test, fit.level), []).append(n)
    for (method, test, level), members in groups.items():
        yis, vis, owners = [], [], []
        for n in members:
            y, v = np.asarray(fits[n].yi, float), np.asarray(fits[n].vi, float)
            for i in range(len(y)):
                keep = np.arange(len(y)) != i
                yis.append(y[keep])
                vis.append(v[keep])
                owners.append((n, i))
        if control is None:
            refits = rma_many(yis, vis, method=method, test=test, level=level, confint=False, iteration=iteration)
        else:
            refits = [rma(y, v, method=method, test=test, level=level, iteration=iteration, confint=False,
                          control=control) for y, v in zip(yis, vis)]
        for n in members:
            out[n] = []
        for (n, i), res in zip(owners, refits):
            if isinstance(out[n], Exception):
                continue
            if isinstance(res, Exception):  # as leave1out() would raise for this model: its error in its place
                out[n] = res
                continue
            names = fits[n].study or tuple(str(j + 1) for j in range(fits[n].k))
            out[n].append(_row(names[i], res, iteration))
    return out


def leave1out(yi, vi, method: str = "REML", test: str = "z", level: float = 0.95, study=None,
              iteration: str = "metafor", control: dict | None = None) -> list[dict]:
    """One dict per omitted study: study, k, estimate, se, stat, p, ci_low, ci_high, pi_low, pi_high, q, q_p, tau2,
    i2, h2, notes. The typed form of a fitted model is `diagnostics.leave_one_out(fit)`.

    References
    ----------
    Viechtbauer W, Cheung MW-L. Outlier and influence diagnostics for meta-analysis. Res Synth Methods
    2010;1:112-125.
    """
    y, v, names, _ = clean_inputs(yi, vi, study)
    rows = []
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        res = rma(y[keep], v[keep], method=method, test=test, level=level, iteration=iteration, confint=False,
                  control=control)
        rows.append(_row(names[i], res, iteration))
    return rows
