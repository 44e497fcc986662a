"""Typed diagnostics of a fitted model (evidence_review.meta.diagnostics) against metafor's regtest(fit),
trimfill(fit), leave1out(fit) blocks of the pinned reference cases, and their frames."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from evidence_review.meta import (RefitTable, RegTest, SubgroupTest, TrimFill, egger_test, leave_one_out, rma,
                                  subgroup_test, trim_and_fill)
from metafor_reference import PINNED_CASES

CASES = [("diag_bcg_RR", "REML"), ("diag_bcg_flipped_RR", "EE"), ("diag_gibson2002_MD", "ML"),
         ("diag_bcg_RD", "PM"), ("normand1999_orpington_SMD", "DL")]


def load(case):
    ref = json.loads((PINNED_CASES / f"{case}.json").read_text())
    df = pd.read_csv(PINNED_CASES / ref["data_file"])
    return df, ref


def close(got, want, rtol=1e-9, atol=1e-12):
    got = np.asarray(got, float)
    want = np.asarray([np.nan if w is None else w for w in np.atleast_1d(want)], float)
    return got.shape == want.shape and bool(np.all((np.isnan(got) & np.isnan(want))
                                                   | (np.abs(got - want) <= rtol * np.abs(want) + atol)))


@pytest.mark.parametrize("case,method", CASES)
def test_typed_diagnostics_of_a_fit_match_metafor(case, method):
    df, ref = load(case)
    m = ref["models"][method]
    fit = rma(df["yi"], df["vi"], method=method, study=df["study"])

    eg = egger_test(fit)
    assert isinstance(eg, RegTest) and eg.model == "rma" and eg.k == len(df)
    assert close([eg.stat, eg.p, eg.slope, eg.est, eg.ci_low, eg.ci_high],
                 [m["regtest"][k] for k in ("zval", "pval", "slope", "est", "ci.lb", "ci.ub")])
    lm = egger_test(fit, model="lm")
    assert close([lm.stat, lm.p], [ref["egger_lm"]["zval"], ref["egger_lm"]["pval"]]) and np.isnan(lm.tau2)

    tf = trim_and_fill(fit)
    assert isinstance(tf, TrimFill)
    assert (tf.k0, tf.side) == (m["trimfill"]["k0"], m["trimfill"]["side"])
    assert close([tf.fit.estimate, tf.fit.se, tf.fit.ci_low, tf.fit.ci_high, tf.fit.q],
                 [m["trimfill"][k] for k in ("estimate", "se", "ci.lb", "ci.ub", "QE")])
    assert close(tf.filled_yi, m["trimfill"]["filled_yi"] or np.empty(0))
    frame = tf.to_frame()
    assert list(frame["k"]) == [m["trimfill"]["k"]] and len(tf.filled_frame()) == tf.k0

    l1o = leave_one_out(fit)
    assert isinstance(l1o, RefitTable) and len(l1o) == len(df)
    table = l1o.to_frame()
    assert list(table["study"]) == m["leave1out"]["study"]
    for ours, theirs in (("estimate", "estimate"), ("se", "se"), ("p", "pval"), ("ci_low", "ci.lb"), ("q", "Q")):
        assert close(table[ours], m["leave1out"][theirs]), ours
    assert close(table["i2"], m["leave1out"]["I2"], atol=1e-10)


def test_trim_and_fill_that_cannot_run_says_why():
    tf = trim_and_fill(rma([0.1, 0.4], [0.02, 0.03]))
    assert tf.fit is None and np.isnan(tf.k0) and "at least 3" in tf.note
    assert tf.to_frame()["note"].iloc[0] == tf.note


def test_trim_and_fill_of_a_fit_keeps_the_fits_test_when_nothing_is_filled():
    """metafor's trimfill(fit) with k0 = 0 is the fit itself: a Knapp-Hartung fit keeps its t interval; with
    filled studies the model is refitted with a z-test."""
    symmetric = rma([-0.4, -0.2, 0.0, 0.2, 0.4], [0.05, 0.03, 0.02, 0.03, 0.05], method="REML", test="knha")
    tf = trim_and_fill(symmetric)
    assert tf.k0 == 0 and tf.fit.test == "knha" and tf.fit.ci_low == pytest.approx(symmetric.ci_low, rel=1e-5)  # metafor-style refit
    df, _ = load("diag_bcg_RR")
    fit = rma(df["yi"], df["vi"], method="REML", test="knha", study=df["study"])
    tf = trim_and_fill(fit)
    assert tf.k0 > 0 and tf.fit.test == "z" and tf.fit.k == fit.k + tf.k0
    assert list(tf.fit.study[-tf.k0:]) == [f"Filled {i + 1}" for i in range(tf.k0)]


def test_subgroup_test_of_a_fit_pools_each_subgroup_with_the_fits_settings():
    df, _ = load("normand1999_SMD")
    fit = rma(df["yi"], df["vi"], method="DL", test="knha", study=df["study"])
    groups = ["a" if i % 2 else "b" for i in range(len(df))]
    out = subgroup_test(fit, groups)
    assert isinstance(out, SubgroupTest) and out.levels == ("a", "b") and out.df == 1
    for lev in out.levels:
        sel = np.array(groups) == lev
        one = rma(df["yi"][sel], df["vi"][sel], method="DL", test="knha")
        assert out.fits[lev].test == "knha" and out.fits[lev].estimate == pytest.approx(one.estimate, rel=1e-12)
    b = np.array([out.fits[lev].estimate for lev in out.levels])
    w = 1 / np.array([out.fits[lev].se for lev in out.levels]) ** 2
    q = float(np.sum(w * (b - np.sum(w * b) / np.sum(w)) ** 2))
    assert out.q == pytest.approx(q, rel=1e-12) and 0 < out.p < 1
    frame = out.to_frame()
    assert list(frame["level"]) == ["a", "b"] and frame["k"].sum() == len(df)
    with pytest.raises(ValueError, match="one label per study"):
        subgroup_test(fit, groups[:-1])


def test_mantel_haenszel_and_peto_are_typed_with_frames():
    from evidence_review.meta import MHResult, rma_mh, rma_peto
    # dat.bcg's first four trials: tpos, tneg, cpos, cneg
    a, b, c, d = [4, 6, 3, 62], [119, 300, 228, 13536], [11, 29, 11, 248], [128, 274, 209, 12619]
    mh = rma_mh("OR", ai=a, bi=b, ci=c, di=d)
    assert isinstance(mh, MHResult) and mh.method == "MH" and mh.k == 4 and mh.bd is not None
    assert mh.exp["estimate"] == pytest.approx(np.exp(mh.estimate)) and mh.exp["estimate"] < 1
    frame = mh.to_frame()
    assert len(frame) == 1 and frame["exp_estimate"].iloc[0] == mh.exp["estimate"] and frame["k"].iloc[0] == 4
    rd = rma_mh("RD", ai=a, bi=b, ci=c, di=d)
    assert rd.exp is None and rd.bd is None and "bd" not in rd.to_dict() and rd.estimate < 0
    peto = rma_peto(a, b, c, d)
    assert peto.method == "PETO" and peto.k_pos == 4 and peto.to_dict()["measure"] == "OR"


@pytest.mark.parametrize("test", ["z", "knha"])
def test_leave_one_out_of_many_fits_in_one_pass_equals_one_fit_at_a_time(test):
    """Every refit of every model in one vectorized pass, with metafor's stopping rules: the same rows as
    leave_one_out(fit) of each model (metafor's own numbers are checked above)."""
    from evidence_review.meta import leave_one_out_many
    fits = []
    for case, method in CASES:
        df, _ = load(case)
        fits.append(rma(df["yi"], df["vi"], method=method, test=test, study=df["study"]))
    many = leave_one_out_many(fits)
    assert len(many) == len(fits)
    for fit, table in zip(fits, many):
        one = leave_one_out(fit).to_frame()
        got = table.to_frame()
        assert list(got["study"]) == list(one["study"]) and list(got["k"]) == list(one["k"])
        for col in ("estimate", "se", "p", "ci_low", "ci_high", "pi_low", "pi_high", "q", "tau2"):
            assert close(got[col], one[col], rtol=1e-9, atol=1e-13), (fit.method, col)
        # I² in percent of a tau² of ~1e-12 that metafor's early stop reaches by step halving (a cancellation):
        # rounding differences of 1e-16 in tau² show as ~1e-12 here
        assert close(got["i2"], one["i2"], rtol=1e-9, atol=1e-10), fit.method
        assert list(got["notes"]) == list(one["notes"])
