"""Subgroup analysis (the separate-fits test of `subgroup_test`) and small inputs against metafor.

Meta-regression (`metareg`) and cumulative meta-analysis (`cumulative`) were removed (issue 19: no pipeline path
and no public API offered them); their metafor blocks stay in the reference file, unused.

Reference values: tests/data/metafor/meta_extra.json, written by tests/data/metafor/make_meta_extra.R (metafor 3.8-1)
from the pinned reference CSVs (tests/data/metafor/cases); REML refits there use control=list(threshold=1e-10, tol=1e-10), so REML is
compared at 1e-7 and DL at 1e-9 (the README's tolerances).
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from evidence_review.meta import rma, subgroup_test
from metafor_reference import PINNED_CASES

EXTRA = PINNED_CASES.parent / "meta_extra.json"
CASES_DIR = PINNED_CASES
REF = json.loads(EXTRA.read_text())
KEYS = [(c, m, t) for c in REF["cases"] for m in ("DL", "REML") for t in ("z", "knha")]


def rtol_for(method):
    return 1e-7 if method == "REML" else 1e-9


def data(case):
    df = pd.read_csv(CASES_DIR / f"{case}.csv")
    spec = REF["cases"][case]
    return df["yi"].to_numpy(float), df["vi"].to_numpy(float), np.asarray(spec["x"], float), spec["g"]


def close(got, want, rtol):
    got, want = np.atleast_1d(np.asarray(got, float)), np.atleast_1d(np.asarray(want, float))
    return got.shape == want.shape and np.all(np.abs(got - want) <= rtol * np.abs(want) + 1e-12)


@pytest.mark.parametrize("case,method,test", KEYS)
def test_subgroups_match_metafor(case, method, test):
    y, v, _, g = data(case)
    sep = REF["cases"][case]["subgroup_separate"][f"{method}_{test}"]
    res = subgroup_test(rma(y, v, method=method, test=test), g)
    rtol = rtol_for(method)
    assert list(res.levels) == sep["levels"]
    fits = [res.fits[lev] for lev in res.levels]
    assert [f.k for f in fits] == sep["k"]
    assert close([f.estimate for f in fits], sep["estimate"], rtol)
    assert close([f.se for f in fits], sep["se"], rtol)
    assert close([f.tau2 for f in fits], sep["tau2"], 1e-6 if method == "REML" else 1e-9)
    assert close(res.q, sep["Qbetween"], rtol) and close(res.p, sep["Qbetween.p"], rtol)
    assert res.df == sep["Qbetween.df"]


def test_small_and_degenerate_inputs_match_metafor():
    edge = REF["edge"]
    two = rma([0.2, 0.5], [0.04, 0.09], method="REML")
    ref = edge["k2_reml"]
    assert close(two.estimate, ref["beta"], 1e-9) and close(two.se, ref["se"], 1e-9) and two.tau2 == ref["tau2"]
    assert close([two.pi_low, two.pi_high], ref["pi"], 1e-9)
    same = rma([0.3, 0.3, 0.3], [0.01, 0.02, 0.04], method="REML")
    ref = edge["identical_reml"]
    assert close(same.estimate, ref["beta"], 1e-12) and close(same.se, ref["se"], 1e-12)
    assert same.tau2 == 0 and same.q == 0 and same.q_p == 1 and same.i2 == 0 and same.h2 == 1
    assert [same.tau2, same.tau2_ci_low, same.tau2_ci_high] == edge["identical_reml_confint"]
    assert same.tau2_ci_null
    one = rma([0.3], [0.02], method="REML")
    ref = edge["k1"]
    assert close(one.estimate, ref["beta"], 1e-12) and close(one.se, ref["se"], 1e-12)
    # documented difference: metafor reports tau² = 0 for k = 1; the engine says "not estimable" (NaN)
    assert np.isnan(one.tau2) and np.isnan(one.pi_low) and one.q == ref["QE"] and one.notes
