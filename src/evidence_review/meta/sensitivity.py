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
