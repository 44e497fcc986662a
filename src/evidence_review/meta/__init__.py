"""Meta-analysis engine that agrees with R's metafor (escalc, rma, MH, Peto, Egger, trim-and-fill, ...).

Public API (all numbers on the analysis scale, log for ratio measures):
    rma(yi, vi, method="REML", test="z"|"knha"|"adhoc", level=0.95, study=None, iteration="exact", confint=True,
        pi_type="default"|"t"|"riley") -> RMAResult          # RMAResult.prediction_interval(pi_type) -> (low, high)
    prediction_interval(estimate, se, tau2, k, method, ddf, level, pi_type) -> (low, high, df)
    leave1out(yi, vi, method="REML", test="z", ...) -> list[dict]
    cumulative(yi, vi, method="REML", test="z", order=None, ...) -> list[dict]
    regtest(yi, vi, method="REML", test="z") -> dict(stat, p, slope, est, ...)   # metafor regtest(fit)
    egger_lm(yi, vi) -> dict(stat, p, ...)                                        # classic Egger
    trimfill(yi, vi, method="REML") -> dict(k0, side, estimate, ci_low, ci_high, ...)
    escalc(measure, **columns) -> (yi, vi); ratio_from_ci(estimate, ci_low, ci_high, level) -> (yi, vi)
    se_from_p(yi, p, df=None); mean_sd_from_median(median, n, q1=, q3=, minimum=, maximum=) -> (mean, sd)
    rma_mh(measure, ai=, bi=, ci=, di= | x1i=, t1i=, x2i=, t2i=) -> dict; rma_peto(ai, bi, ci, di) -> dict
    metareg(yi, vi, mods, method, test) -> MetaRegResult; subgroups(yi, vi, groups, method, test) -> dict
    rma_batch(Y, V, method="REML") -> BatchResult   # many meta-analyses at once (rows), vectorized
Typed diagnostics of a fitted model (dataclasses with to_frame()), module `diagnostics`:
    egger_test(fit, model="rma"|"lm") -> RegTest; trim_and_fill(fit) -> TrimFill;
    leave_one_out(fit) -> RefitTable; cumulative_meta(fit, order=None) -> RefitTable
See each module's docstring for the conventions (all follow metafor 3.8).
"""
from .bias import egger_lm, regtest, trimfill
from .diagnostics import RefitTable, RegTest, TrimFill, cumulative_meta, egger_test, leave_one_out, trim_and_fill
from .escalc import (CONVERSIONS, MEASURES, RATIO_MEASURES, back_transform, conversion_record, escalc,
                     escalc_with_record, mean_sd_from_median, ratio_from_ci, se_from_p)
from .inputs import MetaInputError
from .rma import PI_TYPES, TESTS, RMAResult, prediction_interval, rma
from .sensitivity import cumulative, leave1out
from .subgroup import MetaRegResult, metareg, subgroups
from .batch import BatchResult, rma_batch, rma_many
from .mh import rma_mh, rma_peto
from .tau2 import ESTIMATORS

__all__ = ["rma", "RMAResult", "prediction_interval", "PI_TYPES", "TESTS", "leave1out", "cumulative", "regtest",
           "egger_lm", "trimfill", "escalc",
           "escalc_with_record",
           "ratio_from_ci", "se_from_p", "mean_sd_from_median", "conversion_record", "back_transform",
           "CONVERSIONS", "MEASURES", "RATIO_MEASURES", "ESTIMATORS", "MetaInputError", "metareg", "MetaRegResult",
           "subgroups", "rma_batch", "rma_many", "BatchResult", "rma_mh", "rma_peto", "egger_test", "trim_and_fill",
           "leave_one_out", "cumulative_meta", "RegTest", "TrimFill", "RefitTable"]
