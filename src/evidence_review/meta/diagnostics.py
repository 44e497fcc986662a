"""Diagnostics of a fitted meta-analysis, as typed results: they take the `RMAResult` of `rma()` (its data,
estimator, test and level) and return dataclasses with `to_frame()`.

    fit = rma(yi, vi, method="REML")
    egger_test(fit).p                      # metafor: regtest(fit)
    trim_and_fill(fit).to_frame()          # metafor: trimfill(fit)
    leave_one_out(fit).to_frame()          # metafor: leave1out(fit)
    cumulative_meta(fit, order=year)       # metafor: cumul(fit, order=year)

The refits repeat metafor's own iteration by default (`iteration="metafor"`), because metafor refits its
diagnostics with `rma.uni()`'s default stopping rules; see `bias` and `sensitivity` for the details. The
array-taking functions `regtest`, `egger_lm`, `trimfill`, `leave1out`, `cumulative` (dicts) compute the numbers.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from .bias import egger_lm, regtest, trimfill
from .rma import RMAResult
from .sensitivity import cumulative, leave1out

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
    """One refit per row: leave-one-out (the study left out) or cumulative (the study added at that step).

    Attributes
    ----------
    kind : {"leave1out", "cumulative"}
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
    from .rma import rma

    d = trimfill(fit.yi, fit.vi, method=fit.method, level=fit.level, side=side, iteration=iteration,
                 control=control, test=fit.test)
    if not (d["k0"] == d["k0"]):  # could not run
        return TrimFill(k0=NAN, se_k0=NAN, side=d["side"], fit=None, note=d["note"])
    filled_yi = np.asarray(d["filled_yi"], float)
    filled_vi = np.asarray(d["filled_vi"], float)
    k0 = d["k0"]
    if k0 > 0:
        refit = rma(np.concatenate([fit.yi, filled_yi]), np.concatenate([fit.vi, filled_vi]), method=fit.method,
                    level=fit.level, iteration=iteration, control=control, confint=False,
                    study=(*fit.study, *(f"Filled {i + 1}" for i in range(k0))))
    else:
        refit = rma(fit.yi, fit.vi, method=fit.method, test=fit.test, level=fit.level, iteration=iteration,
                    control=control, confint=False, study=fit.study)
    return TrimFill(k0=k0, se_k0=d["se_k0"], side=d["side"], fit=refit, filled_yi=filled_yi, filled_vi=filled_vi,
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


def cumulative_meta(fit: RMAResult, order=None, iteration: str = "metafor", control: dict | None = None) -> RefitTable:
    """Cumulative meta-analysis: the studies added one at a time (in `order`, e.g. publication year, else as
    given), the model refitted at each step, as metafor's `cumul(fit, order=)`.

    Returns
    -------
    RefitTable
        kind "cumulative"; `study` names the study added at that step.

    References
    ----------
    Lau J, Antman EM, Jimenez-Silva J, Kupelnick B, Mosteller F, Chalmers TC. Cumulative meta-analysis of
    therapeutic trials for myocardial infarction. N Engl J Med 1992;327:248-254.
    """
    rows = cumulative(fit.yi, fit.vi, method=fit.method, test=fit.test, level=fit.level, study=fit.study,
                      order=order, iteration=iteration, control=control)
    return RefitTable("cumulative", tuple(rows))
