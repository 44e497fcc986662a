"""Meta-analysis engine that agrees with R's metafor (escalc, rma, MH, Peto, Egger, trim-and-fill, ...).

Public API (all numbers on the analysis scale, log for ratio measures):
    rma(yi, vi, method="REML", test="z"|"knha"|"adhoc", level=0.95, study=None, iteration="exact", confint=True,
        pi_type="default"|"t"|"riley") -> RMAResult          # RMAResult.prediction_interval(pi_type) -> (low, high)
    rma_many(yis, vis, method, test, level, studies) -> [RMAResult]   # many meta-analyses in one vectorized pass
    rma_batch(Y, V, method, test, level) -> BatchResult               # the same on NaN-padded arrays
    prediction_interval(estimate, se, tau2, k, method, ddf, level, pi_type) -> (low, high, df)
    escalc(measure, **columns) -> (yi, vi); ratio_from_ci(estimate, ci_low, ci_high, level) -> (yi, vi)
    se_from_p(yi, p, df=None); mean_sd_from_median(median, n, q1=, q3=, minimum=, maximum=) -> (mean, sd)
    rma_mh(measure, ai=, bi=, ci=, di= | x1i=, t1i=, x2i=, t2i=) -> MHResult; rma_peto(ai, bi, ci, di) -> MHResult
Diagnostics of a fitted model (module `diagnostics`): they take the RMAResult and return dataclasses with to_frame():
    egger_test(fit, model="rma"|"lm") -> RegTest; trim_and_fill(fit) -> TrimFill; leave_one_out(fit) -> RefitTable;
    leave_one_out_many(fits) -> [RefitTable] (every refit of many fits in one vectorized pass);
    subgroup_test(fit, groups) -> SubgroupTest
The array-taking functions underneath (regtest, egger_lm, trimfill, leave1out; dicts) are kept for metafor's
conformance tests, which call them with metafor's own stopping rules.
See each module's docstring for the conventions (all follow metafor 3.8) and the papers.
"""
from .batch import BatchResult, rma_batch, rma_many
from .bias import egger_lm, regtest, trimfill
from .diagnostics import (RefitTable, RegTest, SubgroupTest, TrimFill, egger_test, leave_one_out, leave_one_out_many,
                          subgroup_test, trim_and_fill)
from .escalc import (CONVERSIONS, MEASURES, RATIO_MEASURES, back_transform, conversion_record, escalc,
                     escalc_with_record, mean_sd_from_median, ratio_from_ci, se_from_p)
from .inputs import MetaInputError
from .mh import MHResult, rma_mh, rma_peto
from .rma import PI_TYPES, TESTS, RMAResult, prediction_interval, rma
from .sensitivity import leave1out
from .tau2 import ESTIMATORS

__all__ = ["rma", "RMAResult", "prediction_interval", "PI_TYPES", "TESTS", "rma_many", "rma_batch", "BatchResult",
           "leave1out", "regtest", "egger_lm", "trimfill", "escalc", "escalc_with_record", "ratio_from_ci",
           "se_from_p", "mean_sd_from_median", "conversion_record", "back_transform", "CONVERSIONS", "MEASURES",
           "RATIO_MEASURES", "ESTIMATORS", "MetaInputError", "rma_mh", "rma_peto", "MHResult", "egger_test", "trim_and_fill",
           "leave_one_out", "leave_one_out_many", "subgroup_test", "RegTest", "TrimFill", "RefitTable", "SubgroupTest"]
