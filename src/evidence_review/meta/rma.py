"""Random-effects (and common-effect) meta-analysis as metafor's `rma.uni()` computes it (papers: see `rma`).

`rma(yi, vi, method, test, level)` returns an `RMAResult`: pooled estimate with z or Knapp-Hartung inference,
prediction interval (normal quantile for z, t_{k-1} for Knapp-Hartung; none for EE), Cochran's Q with df and p,
I² and H² from tau² and the "typical" within-study variance, and Q-profile CIs for tau², I² and H².

Edge cases (a defined result, never an exception, except for unusable inputs):
- k = 0: every number NaN, k = 0, a note.
- k = 1: the study itself (estimate yi, se sqrt(vi), z-test); tau², I², H², their CIs and the prediction interval
  are NaN (not estimable), Q = 0 with 0 df.
- Knapp-Hartung with k = 1 falls back to the z-test (a note says so).
- Rows with a missing yi/vi are omitted with a note; vi <= 0 or infinite values raise `MetaInputError`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

import numpy as np
from scipy import stats

from ._wls import trace_p, wls
from ._dist import chi2_sf, norm_quantile, norm_two_sided_p, t_quantile, t_two_sided_p
from .confint import qprofile
from .inputs import clean_inputs
from .tau2 import ESTIMATORS, estimate_tau2, metafor_control, normalize_method, se_tau2

TESTS = ("z", "knha", "adhoc")
PI_TYPES = ("default", "t", "riley")
NAN = float("nan")


def prediction_interval(estimate: float, se: float, tau2: float, k: int, method: str, ddf: float, level: float,
                        pi_type: str = "default") -> tuple[float, float, float]:
    """(low, high, df) of the prediction interval estimate ± q·sqrt(se² + tau²), as metafor's `predict(fit,
    pi.type=...)` for an intercept-only model (df NaN when q is the normal quantile; no interval for EE).

    - "default": the model's own quantile: normal for the z-test, t on `ddf` = k - 1 for Knapp-Hartung / adhoc
      (metafor's default).
    - "t": t on k - 1 df whatever the test (metafor's `pi.type="t"`; the default of R's meta 8, after IntHout et
      al., BMJ Open 2016;6:e010247 and Veroniki et al., Res Synth Methods 2019;10:23-43).
    - "riley": t on k - 2 df, at least 1 (Higgins, Thompson & Spiegelhalter, JRSS A 2009;172:137-159; Riley et al.,
      BMJ 2011;342:d549; metafor's `pi.type="riley"`).
    `se` is the model's (Knapp-Hartung scaled under test "knha"/"adhoc"), as in metafor. An EE model gets no
    interval (NaN) but its df, as metafor's `pi.ddf`.

    Returns
    -------
    low, high, df : float
        NaN for k < 2.

    References
    ----------
    Higgins JPT, Thompson SG, Spiegelhalter DJ. A re-evaluation of random-effects meta-analysis. J R Stat Soc A
    2009;172:137-159. Riley RD, Higgins JPT, Deeks JJ. Interpretation of random effects meta-analyses. BMJ
    2011;342:d549. IntHout J, Ioannidis JPA, Rovers MM, Goeman JJ. Plea for routinely presenting prediction
    intervals in meta-analysis. BMJ Open 2016;6:e010247.
    """
    if pi_type not in PI_TYPES:
        raise ValueError(f"pi_type must be one of {', '.join(PI_TYPES)} (got {pi_type!r})")
    if k < 2 or not (se == se and tau2 == tau2):
        return NAN, NAN, NAN
    model_df = ddf if ddf == ddf else float(k - 1)  # metafor: the test's df, or k - p for a z-test
    if pi_type == "default":
        df = ddf
    elif pi_type == "t":
        df = max(1.0, model_df)
    else:  # riley: one df less per variance parameter (parms - p: 1, or 0 for EE)
        df = max(1.0, model_df - (0 if method == "EE" else 1))
    if method == "EE":  # no between-study distribution to predict from; metafor still reports the df
        return NAN, NAN, df
    q = float(norm_quantile(1 - (1 - level) / 2)) if df != df else float(t_quantile(1 - (1 - level) / 2, df))
    half = q * math.sqrt(se**2 + tau2)
    return estimate - half, estimate + half, df


@dataclass(frozen=True)
class ModelFit:
    """The pieces of a (meta-regression) fit that `rma`, `regtest` and `trimfill` share."""

    beta: np.ndarray
    se: np.ndarray
    stat: np.ndarray
    p: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    vb: np.ndarray  # covariance of beta (Knapp-Hartung scaled when test != "z")
    crit: float
    ddf: float  # NaN for z
    s2w: float  # Knapp-Hartung scale factor (NaN for z)
    tau2: float
    se_tau2: float
    tau2_method: str
    converged: bool
    iterations: int
    q: float
    q_df: int
    q_p: float
    vt: float
    i2: float
    h2: float
    weights: np.ndarray
    notes: tuple[str, ...]


def fit_model(y, v, X, method="REML", test="z", level=0.95, iteration="exact", control=None) -> ModelFit:
    """Fit the model y = X beta + u + e, u ~ N(0, tau²), e ~ N(0, v) with metafor's conventions."""
    method = normalize_method(method)
    k, p = X.shape
    est = estimate_tau2(y, v, X, method, iteration, control)
    notes = list(est.notes)
    tau2 = est.tau2
    w = 1.0 / (v + tau2)
    fit = wls(y, w, X)
    vb = fit.vb
    df_resid = k - p
    if test in ("knha", "adhoc") and df_resid < 1:
        notes.append("Knapp-Hartung needs k > number of coefficients; used the z-test")
        test = "z"
    if test == "z":
        s2w, ddf = NAN, NAN
        crit = float(norm_quantile(1 - (1 - level) / 2))
    else:
        s2w = fit.rss / df_resid
        if test == "adhoc":
            s2w = max(1.0, s2w)
        if method == "EE":
            notes.append("Knapp-Hartung method is not meant to be used with an EE model")
        vb = vb * s2w
        ddf = float(df_resid)
        crit = float(t_quantile(1 - (1 - level) / 2, ddf))
    se = np.sqrt(np.diag(vb))
    stat = fit.beta / se
    pval = norm_two_sided_p(stat) if test == "z" else t_two_sided_p(stat, ddf)
    fe_w = 1.0 / v
    q = wls(y, fe_w, X).rss if df_resid > 0 else 0.0
    q_p = float(chi2_sf(q, df_resid)) if df_resid > 0 else 1.0
    vt = df_resid / trace_p(fe_w, X) if df_resid > 0 else NAN
    if method == "EE":
        i2 = max(0.0, 100 * (q - df_resid) / q) if df_resid > 0 and q > 0 else 0.0
        h2 = q / df_resid if df_resid > 0 else NAN
    else:
        i2 = 100 * tau2 / (vt + tau2)
        h2 = 1 + tau2 / vt
    return ModelFit(beta=fit.beta, se=se, stat=stat, p=pval, ci_low=fit.beta - crit * se,
                    ci_high=fit.beta + crit * se, vb=vb, crit=crit, ddf=ddf, s2w=s2w, tau2=tau2,
                    se_tau2=se_tau2(est.method, y, v, X, tau2) if df_resid > 0 else NAN,
                    tau2_method=est.method, converged=est.converged, iterations=est.iterations, q=float(q),
                    q_df=df_resid, q_p=q_p, vt=float(vt), i2=float(i2), h2=float(h2), weights=100 * w / np.sum(w),
                    notes=tuple(notes))


@dataclass(frozen=True, eq=False)
class RMAResult:
    """One pooled meta-analysis. Numbers are on the analysis scale (log for ratio measures); NaN = not applicable.

    `weights` are percentages in the order of `study`. `tau2_method` is the estimator actually used (it differs
    from `method` only after a documented fallback, see `notes`).
    """

    k: int
    method: str
    test: str
    level: float
    estimate: float
    se: float
    stat: float
    p: float
    ci_low: float
    ci_high: float
    pi_low: float
    pi_high: float
    ddf: float
    s2w: float
    tau2: float
    se_tau2: float
    tau2_ci_low: float
    tau2_ci_high: float
    tau2_ci_low_sign: str
    tau2_ci_high_sign: str
    tau2_ci_null: bool
    i2: float
    i2_ci_low: float
    i2_ci_high: float
    h2: float
    h2_ci_low: float
    h2_ci_high: float
    q: float
    q_df: int
    q_p: float
    vt: float
    weights: np.ndarray
    converged: bool
    notes: tuple[str, ...]
    tau2_method: str
    iterations: int
    iteration: str
    study: tuple[str, ...] = ()
    yi: np.ndarray = field(default_factory=lambda: np.empty(0))
    vi: np.ndarray = field(default_factory=lambda: np.empty(0))
    pi_type: str = "default"
    pi_ddf: float = NAN  # df of the prediction interval's t quantile (NaN: normal quantile)

    def prediction_interval(self, pi_type: str = "default") -> tuple[float, float]:
        """The prediction interval of this fit under another `pi_type` ("default", "t" = t on k - 1 df, "riley"
        = t on k - 2 df); see `prediction_interval()`."""
        low, high, _ = prediction_interval(self.estimate, self.se, self.tau2, self.k, self.method, self.ddf,
                                           self.level, pi_type)
        return low, high

    @property
    def tau(self) -> float:
        return math.sqrt(self.tau2) if self.tau2 >= 0 else NAN

    def to_dict(self) -> dict:
        """JSON-safe dict: NaN -> None, arrays -> lists (yi/vi left out)."""
        out = {}
        for f in fields(self):
            if f.name in ("yi", "vi"):
                continue
            out[f.name] = _json_safe(getattr(self, f.name))
        return out


def _json_safe(value):
    if isinstance(value, np.ndarray):
        return [_json_safe(x) for x in value.tolist()]
    if isinstance(value, (tuple, list)):
        return [_json_safe(x) for x in value]
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def _check_options(method: str, test: str, level: float, pi_type: str = "default") -> None:
    from .inputs import MetaInputError

    if pi_type not in PI_TYPES:
        raise MetaInputError(f"unknown pi_type {pi_type!r}; use one of {', '.join(PI_TYPES)}")
    if method not in ESTIMATORS:
        raise MetaInputError(f"unknown method {method!r}; use one of {', '.join(ESTIMATORS)}")
    if test not in TESTS:
        raise MetaInputError(f"unknown test {test!r}; use one of {', '.join(TESTS)}")
    if not 0 < level < 1:
        raise MetaInputError(f"level must be between 0 and 1 (got {level})")


def _empty(k, method, test, level, notes, iteration, study=(), yi=None, vi=None, **values) -> RMAResult:
    base = {f.name: NAN for f in fields(RMAResult)}
    base.update(k=k, method=method, test=test, level=level, tau2_ci_low_sign="", tau2_ci_high_sign="",
                tau2_ci_null=False, q_df=0, weights=np.full(k, 100.0 / k) if k else np.empty(0), converged=True,
                notes=tuple(notes), tau2_method=method, iterations=0, iteration=iteration, study=tuple(study),
                yi=np.empty(0) if yi is None else yi, vi=np.empty(0) if vi is None else vi, pi_type="default")
    base.update(values)
    return RMAResult(**base)


def rma(yi, vi, method: str = "REML", test: str = "z", level: float = 0.95, study=None,
        iteration: str = "exact", confint: bool = True, control: dict | None = None,
        pi_type: str = "default") -> RMAResult:
    """Pool effect sizes `yi` with sampling variances `vi` (metafor: `rma(yi, vi, method=, test=, level=)`).

    Parameters
    ----------
    yi, vi : array_like
        Effect sizes (analysis scale) and their sampling variances; rows with a missing value are omitted (noted).
    method : {"REML", "ML", "DL", "PM", "SJ", "HE", "HS", "EB", "EE"}
        The tau² estimator (FE and CE are read as EE); see `tau2` for each one's paper.
    test : {"z", "knha", "adhoc"}
        "z": Wald test. "knha": Knapp-Hartung / Hartung-Knapp-Sidik-Jonkman, t on k - 1 df. "adhoc": metafor's ad
        hoc correction, the Knapp-Hartung variance factor floored at 1, so the interval is never narrower than the
        Wald interval.
    level : float
        Confidence level of the CIs and the prediction interval.
    study : sequence of str, optional
        Study labels (weights and diagnostics are reported under them).
    iteration : {"exact", "metafor"}
        "exact": the true optimum; "metafor": metafor's default stopping rules.
    confint : bool
        Compute the Q-profile CIs for tau², I², H² (NaN when False or for EE).
    control : dict, optional
        With iteration="metafor", metafor's control values (threshold, tol, maxiter); `tol` also sets the Q-profile
        search tolerance unless `qprofile_tol` is given (metafor's `confint(fit, control=list(tol=...))`).
    pi_type : {"default", "t", "riley"}
        The prediction interval's quantile: metafor's (normal for z, t on k - 1 df for knha/adhoc), t on k - 1 df
        whatever the test (meta 8's default), or t on k - 2 df; see `prediction_interval`.

    Returns
    -------
    RMAResult

    Raises
    ------
    MetaInputError
        Unknown options, unequal lengths, or a non-positive or infinite sampling variance.

    References
    ----------
    DerSimonian R, Laird N. Meta-analysis in clinical trials. Control Clin Trials 1986;7:177-188.
    Viechtbauer W. Bias and efficiency of meta-analytic variance estimators in the random-effects model. J Educ
    Behav Stat 2005;30:261-293 (REML, ML).
    Hartung J, Knapp G. On tests of the overall treatment effect in meta-analysis with normally distributed
    responses. Stat Med 2001;20:1771-1782. Sidik K, Jonkman JN. A simple confidence interval for meta-analysis.
    Stat Med 2002;21:3153-3159. Knapp G, Hartung J. Improved tests for a random effects meta-regression with a
    single covariate. Stat Med 2003;22:2693-2710. Röver C, Knapp G, Friede T. Hartung-Knapp-Sidik-Jonkman approach
    and its modification for random-effects meta-analysis with few studies. BMC Med Res Methodol 2015;15:99.
    Higgins JPT, Thompson SG. Quantifying heterogeneity in a meta-analysis. Stat Med 2002;21:1539-1558 (I², H²).
    Viechtbauer W. Confidence intervals for the amount of heterogeneity in meta-analysis. Stat Med 2007;26:37-52
    (Q-profile CIs).
    Riley RD, Higgins JPT, Deeks JJ. Interpretation of random effects meta-analyses. BMJ 2011;342:d549
    (prediction interval).
    """
    method = normalize_method(method)
    _check_options(method, test, level, pi_type)
    y, v, names, notes = clean_inputs(yi, vi, study)
    k = len(y)
    if k == 0:
        return _empty(0, method, test, level, (*notes, "no studies to pool"), iteration, pi_type=pi_type)
    if k == 1:
        se = math.sqrt(v[0])
        crit = float(stats.norm.ppf(1 - (1 - level) / 2))
        z = y[0] / se
        single_notes = (*notes, "k = 1: the single study's own estimate; tau², I², H² and the prediction interval"
                        " are not estimable")
        if test != "z":
            single_notes += ("Knapp-Hartung needs k >= 2; used the z-test",)
        return _empty(1, method, "z", level, single_notes, iteration, names, y, v, pi_type=pi_type,
                      estimate=float(y[0]), se=se, stat=float(z), p=float(2 * stats.norm.sf(abs(z))),
                      ci_low=float(y[0] - crit * se), ci_high=float(y[0] + crit * se), q=0.0, q_df=0,
                      weights=np.array([100.0]))
    X = np.ones((k, 1))
    m = fit_model(y, v, X, method, test, level, iteration, control)
    est, se = float(m.beta[0]), float(m.se[0])
    pi_low, pi_high, pi_ddf = prediction_interval(est, se, m.tau2, k, method, m.ddf, level, pi_type)
    ci_vals = dict(tau2_ci_low=NAN, tau2_ci_high=NAN, i2_ci_low=NAN, i2_ci_high=NAN, h2_ci_low=NAN,
                   h2_ci_high=NAN, tau2_ci_low_sign="", tau2_ci_high_sign="", tau2_ci_null=False)
    if confint and method != "EE":
        con = metafor_control(control)
        tol = con.get("qprofile_tol", con["tol"]) if iteration == "metafor" else None
        ci = qprofile(y, v, X, m.tau2, level, tol)
        i2l, i2h = ci.i2(m.vt)
        h2l, h2h = ci.h2(m.vt)
        ci_vals = dict(tau2_ci_low=ci.tau2_low, tau2_ci_high=ci.tau2_high, i2_ci_low=i2l, i2_ci_high=i2h,
                       h2_ci_low=h2l, h2_ci_high=h2h, tau2_ci_low_sign=ci.low_sign, tau2_ci_high_sign=ci.high_sign,
                       tau2_ci_null=ci.ci_null)
    return RMAResult(k=k, method=method, test=test if m.ddf == m.ddf else "z", level=level, estimate=est, se=se,
                     stat=float(m.stat[0]), p=float(m.p[0]), ci_low=float(m.ci_low[0]), ci_high=float(m.ci_high[0]),
                     pi_low=pi_low, pi_high=pi_high, ddf=m.ddf, s2w=m.s2w, tau2=m.tau2, se_tau2=m.se_tau2, i2=m.i2, h2=m.h2, q=m.q,
                     q_df=m.q_df, q_p=m.q_p, vt=m.vt, weights=m.weights, converged=m.converged,
                     notes=(*notes, *m.notes), tau2_method=m.tau2_method, iterations=m.iterations,
                     iteration=iteration, study=tuple(names), yi=y, vi=v, pi_type=pi_type, pi_ddf=pi_ddf, **ci_vals)
