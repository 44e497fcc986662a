"""Moderators: meta-regression (metafor `rma(yi, vi, mods=...)`) and subgroup analysis with the test for subgroup
differences.

`subgroups()` gives both usual tests: the separate-fits test (each subgroup pooled with its own tau², then
Cochran's Q of the subgroup estimates with weights 1/se², df = groups - 1, as `rma(estimates, sei=ses,
method="FE")`), and the mixed-effects meta-regression on the subgroup indicator with one common tau² (its QM).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from .inputs import MetaInputError, clean_inputs
from .rma import RMAResult, _json_safe, fit_model, rma
from .tau2 import estimate_tau2

NAN = float("nan")


@dataclass(frozen=True, eq=False)
class MetaRegResult:
    """A mixed-effects meta-regression. Coefficient arrays are in the order of `names` (intercept first)."""

    k: int
    method: str
    test: str
    names: tuple[str, ...]
    beta: np.ndarray
    se: np.ndarray
    stat: np.ndarray
    p: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    ddf: float
    tau2: float
    se_tau2: float
    i2: float
    h2: float
    r2: float  # % of tau² accounted for: max(0, 100 (tau²_RE - tau²_ME) / tau²_RE); 0 if tau²_RE = 0; NaN for EE
    q: float  # residual heterogeneity QE
    q_df: int
    q_p: float
    qm: float  # omnibus test of the moderators (chi² with qm_df, or F with (qm_df, ddf) under Knapp-Hartung)
    qm_df: int
    qm_p: float
    converged: bool
    notes: tuple[str, ...]

    def to_dict(self) -> dict:
        return {name: _json_safe(getattr(self, name)) for name in self.__dataclass_fields__}


def metareg(yi, vi, mods, method: str = "REML", test: str = "z", level: float = 0.95, names=None,
            intercept: bool = True, iteration: str = "exact", control: dict | None = None) -> MetaRegResult:
    """Regress yi on the moderator column(s) `mods` (k values, or k x m) with random effects (metafor's rma)."""
    y, v, _, notes = clean_inputs(yi, vi)
    m = np.asarray(mods, dtype=float)
    m = m.reshape(len(np.atleast_1d(yi)), -1) if m.ndim <= 1 else m
    if len(m) != len(np.atleast_1d(yi)):
        raise MetaInputError("mods must have one row per study")
    keep = ~(np.isnan(np.asarray(yi, float)) | np.isnan(np.asarray(vi, float)))
    m = m[keep]
    if np.isnan(m).any():
        raise MetaInputError("moderators must not be missing for studies with yi and vi")
    X = np.column_stack([np.ones(len(y)), m]) if intercept else m
    k, p = X.shape
    if np.linalg.matrix_rank(X) < p:
        raise MetaInputError("the moderators are collinear (design matrix not of full rank)")
    if k <= p:
        raise MetaInputError(f"meta-regression with {p} coefficients needs more than {p} studies (k = {k})")
    fit = fit_model(y, v, X, method, test, level, iteration, control)
    labels = tuple(names) if names is not None else tuple(
        (["intrcpt"] if intercept else []) + [f"mod{i + 1}" for i in range(m.shape[1])])
    start = 1 if intercept else 0
    b, vb = fit.beta[start:], fit.vb[start:, start:]
    qm = float(b @ np.linalg.solve(vb, b)) if len(b) else NAN
    qm_df = len(b)
    if test == "z" or fit.ddf != fit.ddf:
        qm_p = float(stats.chi2.sf(qm, qm_df)) if qm_df else NAN
    else:
        qm = qm / qm_df
        qm_p = float(stats.f.sf(qm, qm_df, fit.ddf))
    r2 = NAN
    if method != "EE" and intercept:
        tau2_re = estimate_tau2(y, v, None, method, iteration, control).tau2
        r2 = max(0.0, 100 * (tau2_re - fit.tau2) / tau2_re) if tau2_re > 0 else 0.0  # metafor: 0 when tau²_RE = 0
    return MetaRegResult(k=k, method=method, test=test if fit.ddf == fit.ddf else "z", names=labels, beta=fit.beta,
                         se=fit.se, stat=fit.stat, p=fit.p, ci_low=fit.ci_low, ci_high=fit.ci_high, ddf=fit.ddf,
                         tau2=fit.tau2, se_tau2=fit.se_tau2, i2=fit.i2, h2=fit.h2, r2=r2, q=fit.q, q_df=fit.q_df,
                         q_p=fit.q_p, qm=qm, qm_df=qm_df, qm_p=qm_p, converged=fit.converged,
                         notes=(*notes, *fit.notes))


def subgroups(yi, vi, groups, method: str = "REML", test: str = "z", level: float = 0.95, study=None,
              iteration: str = "exact", control: dict | None = None) -> dict:
    """Pool each subgroup separately and test whether the subgroups differ.

    Returns {"levels": [...], "fits": {level: RMAResult}, "q_between", "q_between_df", "q_between_p",
    "common_tau2": MetaRegResult or None (the moderator model's QM is its test), "notes"}.
    Levels are sorted by their text; rows with a missing group are left out (and named in the notes).
    """
    y = np.asarray(yi, float)
    v = np.asarray(vi, float)
    g = np.asarray([None if x is None or (isinstance(x, float) and np.isnan(x)) else str(x) for x in groups],
                   dtype=object)
    if not (len(y) == len(v) == len(g)):
        raise MetaInputError("yi, vi and groups must have equal lengths")
    notes = []
    if (missing := np.array([x is None for x in g])).any():
        notes.append(f"left out {int(missing.sum())} stud{'y' if missing.sum() == 1 else 'ies'} without a subgroup")
    labels = np.asarray(study if study is not None else [str(i + 1) for i in range(len(y))], dtype=object)
    levels = sorted({x for x in g if x is not None})
    fits: dict[str, RMAResult] = {}
    for lev in levels:
        sel = g == lev
        fits[lev] = rma(y[sel], v[sel], method=method, test=test, level=level, study=list(labels[sel]),
                        iteration=iteration, control=control, confint=False)
    usable = [lev for lev in levels if fits[lev].k >= 1 and np.isfinite(fits[lev].se)]
    qb = qb_p = NAN
    qb_df = max(0, len(usable) - 1)
    if len(usable) >= 2:
        b = np.array([fits[lev].estimate for lev in usable])
        w = 1 / np.array([fits[lev].se for lev in usable]) ** 2
        qb = float(np.sum(w * (b - np.sum(w * b) / np.sum(w)) ** 2))
        qb_p = float(stats.chi2.sf(qb, qb_df))
    common = None
    keep = np.array([x is not None for x in g])
    if len(levels) >= 2:
        dummies = np.column_stack([(g[keep] == lev).astype(float) for lev in levels[1:]])
        try:
            common = metareg(y[keep], v[keep], dummies, method=method, test=test, level=level,
                             names=["intrcpt", *[f"group {lev}" for lev in levels[1:]]], iteration=iteration,
                             control=control)
        except MetaInputError as exc:
            notes.append(f"no common-tau² moderator test: {exc}")
    return {"levels": levels, "fits": fits, "q_between": qb, "q_between_df": qb_df, "q_between_p": qb_p,
            "common_tau2": common, "notes": notes}
