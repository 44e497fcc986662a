"""Diagnostics of a fitted meta-analysis, as typed results: they take the `RMAResult` of `rma()` (its data,
estimator, test and level) and return dataclasses with `to_frame()`.

    fit = rma(yi, vi, method="REML")
    egger_test(fit).p                      # metafor: regtest(fit)
    trim_and_fill(fit).to_frame()          # metafor: trimfill(fit)
    leave_one_out(fit).to_frame()          # metafor: leave1out(fit)
    subgroup_test(fit, groups).to_frame()  # metafor: rma(..., subset=) per group, then the Q-test between them

The refits repeat metafor's own iteration by default (`iteration="metafor"`), because metafor refits its
diagnostics with `rma.uni()`'s default stopping rules; see `bias` and `sensitivity` for the details. The
array-taking functions `regtest`, `egger_lm`, `trimfill`, `leave1out` (dicts) compute the numbers.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from scipy import stats

from .bias import egger_lm, regtest, trimfill
from .inputs import MetaInputError
from .rma import RMAResult, rma
from .sensitivity import leave1out, leave1out_many

NAN = float("nan")


@dataclass(frozen=True)
class RegTest:
    """Egger-type regression test for funnel-plot asymmetry (small-study effects).

    Attributes
    ----------
    model : {"rma", "lm"}
        "rma": metafor's default, the model refitted with the standard error as a moderator (same estimator and
        test); "lm": the classic weighted regression with a t-test on k - 2 df.
    k : int
        Number of studies.
    stat, p, ddf : float
        Test statistic of the slope (z, or t on `ddf` df), its two-sided p-value; `ddf` NaN for a z-test.
    slope, slope_se : float
        Coefficient of the standard error and its standard error.
    tau2 : float
        Residual heterogeneity of the refitted model (NaN for "lm").
    est, ci_low, ci_high : float
        Intercept: the limit estimate as the standard error goes to 0, with its CI.
    note : str
        Why the test could not run, or what the refit noted.
    """

    model: str
    k: int
    stat: float
    p: float
    ddf: float
    slope: float
    slope_se: float
    tau2: float
    est: float
    ci_low: float
    ci_high: float
    note: str = ""

    def to_frame(self) -> pd.DataFrame:
        """One row, one column per attribute."""
        return pd.DataFrame([asdict(self)])


@dataclass(frozen=True)
class TrimFill:
    """Trim-and-fill (Duval & Tweedie's L0 estimator) with the model refitted on the filled data.

    Attributes
    ----------
    k0, se_k0 : float
        Estimated number of missing studies and its standard error (NaN when the method could not run).
    side : str or None
        Side of the funnel plot on which studies were filled ("left" or "right").
    fit : RMAResult or None
        The model fitted to the observed plus filled studies (z-test, as metafor); the original fit when k0 = 0.
    filled_yi, filled_vi : numpy.ndarray
        The imputed effect sizes and their sampling variances.
    note : str
        Why the method could not run, or what the refit noted.
    """

    k0: float
    se_k0: float
    side: str | None
    fit: RMAResult | None
    filled_yi: np.ndarray = field(default_factory=lambda: np.empty(0))
    filled_vi: np.ndarray = field(default_factory=lambda: np.empty(0))
    note: str = ""

    def to_frame(self) -> pd.DataFrame:
        """One row: k0, side, and the filled model's k, estimate, se, stat, p, CI, prediction interval, tau², I²."""
        f = self.fit
        values = {key: (getattr(f, key) if f is not None else NAN)
                  for key in ("k", "estimate", "se", "stat", "p", "ci_low", "ci_high", "pi_low", "pi_high", "tau2",
                              "i2")}
        return pd.DataFrame([{"k0": self.k0, "se_k0": self.se_k0, "side": self.side, **values, "note": self.note}])

    def filled_frame(self) -> pd.DataFrame:
        """The imputed studies: yi, vi."""
        return pd.DataFrame({"yi": self.filled_yi, "vi": self.filled_vi})


@dataclass(frozen=True)
class RefitTable:
    """One refit per row: leave-one-out (the study left out).

    Attributes
    ----------
    kind : {"leave1out"}
    rows : tuple of dict
        Per refit: study, k, estimate, se, stat, p, ci_low, ci_high, pi_low, pi_high, q, q_p, tau2, i2, h2, notes.
    """

    kind: str
    rows: tuple[dict, ...]

    def to_frame(self) -> pd.DataFrame:
        """One row per refit (the `notes` joined with "; ")."""
        frame = pd.DataFrame([{**r, "notes": "; ".join(r.get("notes", []))} for r in self.rows])
        return frame

    def __len__(self) -> int:
        return len(self.rows)


def egger_test(fit: RMAResult, model: str = "rma", iteration: str = "metafor",
               control: dict | None = None) -> RegTest:
    """Regression test for funnel-plot asymmetry of a fitted model, as metafor's `regtest(fit, model=)`.

    Parameters
    ----------
    fit : RMAResult
        The fitted model (its studies, estimator, test and level are used).
    model : {"rma", "lm"}
        "rma" refits the meta-regression on the standard error (metafor's default); "lm" is Egger's original
        weighted least-squares regression.
    iteration, control
        How the refit is solved: metafor's default stopping rules (default) or "exact".

    Returns
    -------
    RegTest

    References
    ----------
    Egger M, Davey Smith G, Schneider M, Minder C. Bias in meta-analysis detected by a simple, graphical test.
    BMJ 1997;315:629-634. Sterne JAC, Egger M. Regression methods to detect publication and other bias in
    meta-analysis. In: Rothstein HR et al. (eds), Publication Bias in Meta-Analysis. Wiley, 2005:99-110.
    """
    if model == "lm":
        d = egger_lm(fit.yi, fit.vi, level=fit.level)
        d["tau2"] = NAN
    elif model == "rma":
        d = regtest(fit.yi, fit.vi, method=fit.method, test=fit.test, level=fit.level, iteration=iteration,
                    control=control)
    else:
        raise ValueError(f"model must be 'rma' or 'lm', not {model!r}")
    return RegTest(model=model, k=d["k"], stat=d["stat"], p=d["p"], ddf=d["ddf"], slope=d["slope"],
                   slope_se=d["slope_se"], tau2=d["tau2"], est=d["est"], ci_low=d["ci_low"], ci_high=d["ci_high"],
                   note=d["note"])


def trim_and_fill(fit: RMAResult, side: str | None = None, iteration: str = "metafor",
                  control: dict | None = None) -> TrimFill:
    """Trim-and-fill of a fitted model with the L0 estimator, as metafor's `trimfill(fit)`.

    The side is estimated from the sign of the slope of a meta-regression on sqrt(vi) unless given; the k0 most
    extreme studies are trimmed, the model refitted (same estimator), k0 re-estimated until it no longer changes,
    and their mirror images around the trimmed estimate filled in.

    Parameters
    ----------
    fit : RMAResult
    side : {"left", "right"}, optional
    iteration, control
        How the refits are solved: metafor's default stopping rules (default) or "exact".

    Returns
    -------
    TrimFill

    References
    ----------
    Duval S, Tweedie R. Trim and fill: a simple funnel-plot-based method of testing and adjusting for publication
    bias in meta-analysis. Biometrics 2000;56:455-463. Duval S, Tweedie R. A nonparametric "trim and fill" method
    of accounting for publication bias in meta-analysis. J Am Stat Assoc 2000;95:89-98.
    """
    d = trimfill(fit.yi, fit.vi, method=fit.method, level=fit.level, side=side, iteration=iteration,
                 control=control, test=fit.test, study=fit.study)
    if not (d["k0"] == d["k0"]):  # could not run
        return TrimFill(k0=NAN, se_k0=NAN, side=d["side"], fit=None, note=d["note"])
    return TrimFill(k0=d["k0"], se_k0=d["se_k0"], side=d["side"], fit=d["fit"],
                    filled_yi=np.asarray(d["filled_yi"], float), filled_vi=np.asarray(d["filled_vi"], float),
                    note=d["note"])


def leave_one_out(fit: RMAResult, iteration: str = "metafor", control: dict | None = None) -> RefitTable:
    """Each study left out in turn and the model refitted (same estimator, test, level), as metafor's
    `leave1out(fit)`.

    Returns
    -------
    RefitTable
        kind "leave1out"; `study` names the study left out. A refit metafor cannot finish is a row of NaN.

    References
    ----------
    Viechtbauer W, Cheung MW-L. Outlier and influence diagnostics for meta-analysis. Res Synth Methods
    2010;1:112-125.
    """
    rows = leave1out(fit.yi, fit.vi, method=fit.method, test=fit.test, level=fit.level, study=fit.study,
                     iteration=iteration, control=control)
    return RefitTable("leave1out", tuple(rows))


def leave_one_out_many(fits, iteration: str = "metafor", control: dict | None = None
                       ) -> list[RefitTable | Exception]:
    """`leave_one_out(fit)` for many fitted models, every refit of all of them in one vectorized pass (the same
    numbers, to rounding; see `batch.rma_many`); a model one of whose refits the engine refuses gets the error in
    its place.

    References
    ----------
    Viechtbauer W, Cheung MW-L. Outlier and influence diagnostics for meta-analysis. Res Synth Methods
    2010;1:112-125.
    """
    return [rows if isinstance(rows, Exception) else RefitTable("leave1out", tuple(rows))
            for rows in leave1out_many(list(fits), iteration, control)]


@dataclass(frozen=True)
class SubgroupTest:
    """Each subgroup pooled on its own, and the test for subgroup differences.

    Attributes
    ----------
    levels : tuple of str
        The subgroups, sorted by their text.
    fits : dict of str to RMAResult
        Each subgroup's own fit (same estimator, test and level as the cell's fit; its own tau²).
    q, df, p : float, int, float
        Cochran's Q of the subgroup estimates with weights 1/se² on groups - 1 df (metafor: `rma(estimates,
        sei=ses, method="FE")`, its QE), and its chi² p-value. NaN when fewer than two subgroups have an estimate.
    notes : tuple of str
    """

    levels: tuple[str, ...]
    fits: dict
    q: float
    df: int
    p: float
    notes: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """One row per subgroup: level, k, estimate, se, ci_low, ci_high, tau2, i2 (analysis scale)."""
        return pd.DataFrame([{"level": lev, **{key: getattr(self.fits[lev], key) for key in
                                               ("k", "estimate", "se", "ci_low", "ci_high", "tau2", "i2")}}
                             for lev in self.levels],
                            columns=["level", "k", "estimate", "se", "ci_low", "ci_high", "tau2", "i2"])


def subgroup_test(fit: RMAResult, groups) -> SubgroupTest:
    """Pool each subgroup of a fitted model's studies separately and test whether the subgroups differ.

    Parameters
    ----------
    fit : RMAResult
        The fitted model; its studies, estimator, test and level are used for every subgroup.
    groups : sequence of str
        One subgroup label per study of `fit` (in the order of `fit.study`); a missing label (None, NaN) leaves
        the study out, named in the notes.

    Returns
    -------
    SubgroupTest

    Raises
    ------
    MetaInputError
        When `groups` does not have one label per study.

    References
    ----------
    Borenstein M, Hedges LV, Higgins JPT, Rothstein HR. Introduction to Meta-Analysis. Wiley, 2009, ch. 19
    (separate estimates of tau² per subgroup, Q-test between). Deeks JJ, Higgins JPT, Altman DG. Analysing data
    and undertaking meta-analyses. Cochrane Handbook, ch. 10.11.3.
    """
    g = [None if x is None or (isinstance(x, float) and np.isnan(x)) else str(x) for x in groups]
    if len(g) != fit.k:
        raise MetaInputError(f"groups must give one label per study of the fit ({fit.k}), not {len(g)}")
    notes = []
    if (missing := sum(x is None for x in g)):
        notes.append(f"left out {missing} stud{'y' if missing == 1 else 'ies'} without a subgroup")
    labels = np.asarray(fit.study if fit.study else [str(i + 1) for i in range(fit.k)], dtype=object)
    levels = sorted({x for x in g if x is not None})
    fits: dict[str, RMAResult] = {}
    for lev in levels:
        sel = np.array([x == lev for x in g])
        fits[lev] = rma(fit.yi[sel], fit.vi[sel], method=fit.method, test=fit.test, level=fit.level,
                        study=list(labels[sel]), iteration=fit.iteration, confint=False)
    usable = [lev for lev in levels if fits[lev].k >= 1 and np.isfinite(fits[lev].se)]
    q = p = NAN
    df = max(0, len(usable) - 1)
    if len(usable) >= 2:
        b = np.array([fits[lev].estimate for lev in usable])
        w = 1 / np.array([fits[lev].se for lev in usable]) ** 2
        q = float(np.sum(w * (b - np.sum(w * b) / np.sum(w)) ** 2))
        p = float(stats.chi2.sf(q, df))
    return SubgroupTest(levels=tuple(levels), fits=fits, q=q, df=df, p=p, notes=tuple(notes))
