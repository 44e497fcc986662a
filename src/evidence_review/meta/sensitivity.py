"""Influence of single studies and of study order: leave-one-out and cumulative meta-analysis (metafor's
`leave1out()` and `cumul()`), each row a refit with the same estimator and test."""
from __future__ import annotations

import numpy as np

from .inputs import clean_inputs
from .rma import rma

_KEYS = ("estimate", "se", "stat", "p", "ci_low", "ci_high", "pi_low", "pi_high", "q", "q_p", "tau2", "i2", "h2")


def _row(study: str, res) -> dict:
    row = {"study": study, "k": res.k}
    row.update({key: getattr(res, key) for key in _KEYS})
    if res.method == "EE":
        row["tau2"] = float("nan")  # metafor reports no tau² for common-effect refits
    row["notes"] = list(res.notes)
    return row


def leave1out(yi, vi, method: str = "REML", test: str = "z", level: float = 0.95, study=None,
              iteration: str = "exact", control: dict | None = None) -> list[dict]:
    """One dict per omitted study: study, k, estimate, se, stat, p, ci_low, ci_high, pi_low, pi_high, q, q_p, tau2,
    i2, h2, notes."""
    y, v, names, _ = clean_inputs(yi, vi, study)
    rows = []
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        res = rma(y[keep], v[keep], method=method, test=test, level=level, iteration=iteration, confint=False,
                  control=control)
        rows.append(_row(names[i], res))
    return rows


def cumulative(yi, vi, method: str = "REML", test: str = "z", level: float = 0.95, study=None, order=None,
               iteration: str = "exact", control: dict | None = None) -> list[dict]:
    """One dict per step: the meta-analysis of the first 1, 2, ..., k studies (in `order` if given, e.g. by year);
    "study" names the study added at that step."""
    y, v, names, _ = clean_inputs(yi, vi, study)
    idx = np.arange(len(y)) if order is None else np.argsort(np.asarray(order), kind="stable")
    rows = []
    for j in range(1, len(idx) + 1):
        take = idx[:j]
        res = rma(y[take], v[take], method=method, test=test, level=level, iteration=iteration, confint=False,
                  control=control)
        rows.append(_row(names[idx[j - 1]], res))
    return rows
