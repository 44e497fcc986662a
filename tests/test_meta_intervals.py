"""Knapp-Hartung variants and prediction-interval types against metafor (tests/data/metafor/intervals.json, written
by tests/data/metafor/make_intervals.R): rma(test="z"|"knha"|"adhoc") x predict(pi.type="default"|"t"|"riley")."""
from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from evidence_review.meta import MetaInputError, prediction_interval, rma
from metafor_reference import PINNED, PINNED_CASES

REF = json.loads((PINNED / "intervals.json").read_text())
ROWS = [(case, row) for case, rows in REF["cases"].items() for row in rows]


def data(case):
    df = pd.read_csv(PINNED_CASES / f"{case}.csv")
    return df["yi"].to_numpy(float), df["vi"].to_numpy(float)


def same(got, want, rtol=1e-9):
    if want is None:
        return got is None or math.isnan(got)
    return abs(got - want) <= rtol * abs(want) + 1e-12


@pytest.mark.parametrize("case,row", ROWS, ids=[f"{c}-{r['method']}-{r['test']}-{r['pi_type']}" for c, r in ROWS])
def test_interval_matches_metafor(case, row):
    y, v = data(case)
    fit = rma(y, v, method=row["method"], test=row["test"], pi_type=row["pi_type"], iteration="metafor",
              confint=False)
    got = {"estimate": fit.estimate, "se": fit.se, "ci.lb": fit.ci_low, "ci.ub": fit.ci_high, "pval": fit.p,
           "s2w": fit.s2w, "pi.lb": fit.pi_low, "pi.ub": fit.pi_high,
           "pi.ddf": None if math.isnan(fit.pi_ddf) else fit.pi_ddf}
    bad = {k: (got[k], row[k]) for k in got
           if not (got[k] is None and row[k] is None) and not same(got[k] if got[k] is not None else math.nan, row[k])}
    assert not bad, bad
    # the same interval from a fit made with the default pi_type
    default_fit = rma(y, v, method=row["method"], test=row["test"], iteration="metafor", confint=False)
    low, high = default_fit.prediction_interval(row["pi_type"])
    assert same(low, row["pi.lb"]) and same(high, row["pi.ub"])


@pytest.mark.parametrize("case", sorted(REF["cases"]))
@pytest.mark.parametrize("method", ["DL", "REML", "PM"])
def test_adhoc_is_never_narrower_than_wald_or_knapp_hartung(case, method):
    y, v = data(case)
    widths = {test: (lambda f: f.ci_high - f.ci_low)(rma(y, v, method=method, test=test, confint=False))
              for test in ("z", "knha", "adhoc")}
    assert widths["adhoc"] >= widths["z"] and widths["adhoc"] >= widths["knha"] - 1e-12 * widths["knha"]


def test_k_minus_1_interval_is_wider_than_the_normal_one_and_narrower_than_riley():
    """k = 3 (Orpington): t on 2 df lies between z and t on 1 df; EE has no prediction interval."""
    y, v = data("normand1999_orpington_SMD")
    fit = rma(y, v, method="REML")
    width = {t: (lambda lo_hi: lo_hi[1] - lo_hi[0])(fit.prediction_interval(t)) for t in ("default", "t", "riley")}
    assert width["default"] < width["t"] < width["riley"]
    assert all(math.isnan(x) for x in rma(y, v, method="EE", pi_type="t").prediction_interval("t"))
    low, high, df = prediction_interval(fit.estimate, fit.se, fit.tau2, fit.k, "REML", np.nan, 0.95, "t")
    assert df == 2 and (low, high) == fit.prediction_interval("t")


def test_unknown_pi_type_is_a_clear_error():
    with pytest.raises(MetaInputError, match="pi_type"):
        rma([0.1, 0.2, 0.3], [0.01, 0.02, 0.03], pi_type="k-1")
