"""Typed diagnostics of a fitted model (evidence_review.meta.diagnostics) against metafor's regtest(fit),
trimfill(fit), leave1out(fit) blocks of the pinned reference cases, and their frames."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from evidence_review.meta import (RefitTable, RegTest, TrimFill, cumulative, cumulative_meta, egger_test, leave_one_out,
                                  rma, trim_and_fill)
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


def test_cumulative_meta_follows_the_order_and_equals_the_array_function():
    df, _ = load("normand1999_SMD")
    fit = rma(df["yi"], df["vi"], method="DL", study=df["study"])
    order = np.arange(len(df))[::-1]
    table = cumulative_meta(fit, order=order).to_frame()
    rows = cumulative(df["yi"], df["vi"], method="DL", study=df["study"], order=order)
    assert list(table["study"]) == [r["study"] for r in rows] == list(df["study"][::-1])
    assert table["k"].tolist() == list(range(1, len(df) + 1))
    assert table["estimate"].iloc[-1] == pytest.approx(fit.estimate, rel=1e-12)
