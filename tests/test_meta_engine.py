"""Engine behaviour beyond the metafor reference values: edge cases, fallbacks, conversions, the batch fit."""
from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from evidence_review.meta import (MetaInputError, conversion_record, escalc, escalc_with_record, leave1out,
                                  mean_sd_from_median,
                                  ratio_from_ci, regtest, rma, rma_batch, rma_many, se_from_p, trimfill)
from evidence_review.meta.tau2 import _fisher_scoring, _score, estimate_tau2, loglik
from metafor_reference import BENCHMARK, PINNED_CASES

CASES_DIR = PINNED_CASES


def case(name):
    df = pd.read_csv(CASES_DIR / f"{name}.csv")
    return df, json.loads((CASES_DIR / f"{name}.json").read_text())


# ----- the exact optimum -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["REML", "ML"])
def test_exact_optimum_beats_metafors_tight_refit(method):
    """nielweise2007_RD: metafor's tight refit stops at an absolute change of 1e-10 while tau² is ~1e-4; the
    engine's tau² solves the score equation far better and has the higher likelihood."""
    df, ref = case("nielweise2007_RD")
    y, v = df["yi"].to_numpy(), df["vi"].to_numpy()
    X = np.ones((len(y), 1))
    ours = rma(y, v, method=method).tau2
    theirs = ref["models"][method]["tight"]["fit"]["tau2"]
    assert abs(_score(method, y, v, X, ours)) < 1e-6 < abs(_score(method, y, v, X, theirs))
    assert loglik(method, y, v, X, ours) >= loglik(method, y, v, X, theirs)
    # and repeating metafor's loop with the tight control values gives metafor's number
    replica = rma(y, v, method=method, iteration="metafor",
                  control={"threshold": 1e-10, "tol": 1e-10, "maxiter": 1000}).tau2
    assert replica == pytest.approx(theirs, rel=1e-12)


def test_non_converging_fisher_scoring_falls_back_with_a_note():
    """Fisher scoring cycles for the pre-2000 studies of nielweise2007 (metafor stops with an error). The exact
    engine solves the score equation by root search instead; metafor's mode falls back to DL; both say so."""
    df, _ = case("nielweise2007_OR")
    early = df["study"].str.extract(r"(\d{4})")[0].astype(int) < 2000
    y, v = df.loc[early, "yi"].to_numpy(), df.loc[early, "vi"].to_numpy()
    X = np.ones((len(y), 1))
    assert not _fisher_scoring("REML", y, v, X, 1e-10, 1000)[1]
    exact = rma(y, v, method="REML")
    assert exact.converged and exact.tau2_method == "REML"
    assert any("root search" in n for n in exact.notes)
    assert abs(_score("REML", y, v, X, exact.tau2)) < 1e-8
    grid = np.linspace(0, 0.2, 201)
    assert loglik("REML", y, v, X, exact.tau2) >= max(loglik("REML", y, v, X, t) for t in grid)
    replica = rma(y, v, method="REML", iteration="metafor", control={"threshold": 1e-10, "maxiter": 1000})
    assert not replica.converged and replica.tau2_method == "DL"
    assert replica.tau2 == pytest.approx(estimate_tau2(y, v, X, "DL").tau2)
    assert any("fell back to the DerSimonian-Laird" in n for n in replica.notes)


# ----- edge cases --------------------------------------------------------------------------------------------------

def test_k0_gives_nans_and_a_note():
    res = rma([], [])
    assert res.k == 0 and math.isnan(res.estimate) and math.isnan(res.tau2)
    assert "no studies to pool" in res.notes
    d = res.to_dict()
    assert d["estimate"] is None and d["k"] == 0
    json.dumps(d, allow_nan=False)


def test_k1_is_the_study_itself():
    res = rma([0.4], [0.09], method="REML", test="knha")
    assert res.k == 1 and res.estimate == 0.4 and res.se == pytest.approx(0.3)
    assert res.ci_low == pytest.approx(0.4 - stats.norm.ppf(0.975) * 0.3)
    assert math.isnan(res.tau2) and math.isnan(res.pi_low) and res.test == "z"
    assert any("k = 1" in n for n in res.notes) and any("Knapp-Hartung" in n for n in res.notes)
    assert list(res.weights) == [100.0]


def test_identical_studies_have_no_heterogeneity():
    for method in ("REML", "DL", "PM", "SJ", "EB", "HS"):
        res = rma([0.25] * 4, [0.01, 0.02, 0.03, 0.04], method=method)
        assert res.tau2 == 0 and res.q == 0 and res.i2 == 0 and res.estimate == pytest.approx(0.25)
        assert res.tau2_ci_null and res.tau2_ci_high == 0


@pytest.mark.parametrize("vi", [[0.1, 0.0], [0.1, -0.2], [0.1, np.inf]])
def test_unusable_variances_raise_a_clear_error(vi):
    with pytest.raises(MetaInputError, match="sampling variances must be positive"):
        rma([0.1, 0.2], vi)


def test_missing_values_are_omitted_with_a_note():
    res = rma([0.1, np.nan, 0.3, 0.5], [0.01, 0.02, np.nan, 0.03], study=["a", "b", "c", "d"], method="DL")
    assert res.k == 2 and res.study == ("a", "d")
    assert any("omitted 2 studies" in n and "b, c" in n for n in res.notes)


def test_unknown_options_raise():
    with pytest.raises(MetaInputError, match="unknown method"):
        rma([0.1, 0.2], [0.01, 0.02], method="XX")
    with pytest.raises(MetaInputError, match="unknown test"):
        rma([0.1, 0.2], [0.01, 0.02], test="t")


def test_small_k_sensitivity_analyses_do_not_raise():
    assert math.isnan(regtest([0.1, 0.2], [0.01, 0.02])["p"])
    assert "at least 3" in trimfill([0.1, 0.2], [0.01, 0.02])["note"]
    rows = leave1out([0.1, 0.2], [0.01, 0.02])
    assert [r["k"] for r in rows] == [1, 1] and rows[0]["estimate"] == 0.2


def test_knapp_hartung_is_not_floored_but_adhoc_is():
    y, v = [0.10, 0.11, 0.12, 0.13], [0.04, 0.05, 0.06, 0.07]  # far less spread than the variances imply
    z, kh, adhoc = (rma(y, v, method="DL", test=t) for t in ("z", "knha", "adhoc"))
    assert kh.s2w < 1 and kh.se < z.se and adhoc.s2w == 1 and adhoc.se == pytest.approx(z.se)
    assert kh.ddf == 3 and kh.pi_high - kh.pi_low == pytest.approx(
        2 * stats.t.ppf(0.975, 3) * math.sqrt(kh.se**2 + kh.tau2))


# ----- conversions -------------------------------------------------------------------------------------------------

def test_ratio_from_ci_gives_back_metafors_inputs():
    df, _ = case("riley2003_HR")
    yi, vi = ratio_from_ci(df["hr"], df["hr_ci_low"], df["hr_ci_high"], level=0.95)
    np.testing.assert_allclose(yi, df["yi"], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(vi, df["vi"], rtol=1e-9)


def test_ratio_from_ci_rejects_bad_intervals():
    with pytest.raises(MetaInputError, match="does not contain its estimate"):
        ratio_from_ci(0.5, 0.6, 0.9)
    with pytest.raises(MetaInputError, match="positive"):
        ratio_from_ci(0.5, 0.0, 0.9)
    with pytest.raises(MetaInputError, match="0.95, not 95"):
        ratio_from_ci(0.5, 0.4, 0.9, level=95)
    y90, v90 = ratio_from_ci(0.8, 0.6, 1.1, level=0.90)
    y95, v95 = ratio_from_ci(0.8, 0.6, 1.1, level=0.95)
    assert y90 == y95 and v90 > v95


def test_se_from_p_inverts_the_wald_test():
    se = se_from_p(np.log(0.7), 0.03)
    z = abs(np.log(0.7)) / se
    assert 2 * stats.norm.sf(z) == pytest.approx(0.03, rel=1e-12)
    with pytest.raises(MetaInputError):
        se_from_p(0.2, 0.0)


@pytest.mark.parametrize("n", [15, 40, 300])
def test_median_conversions_recover_normal_parameters(n):
    """Wan et al. 2014 divide by the expected normal order statistics (Blom), so feeding those back returns
    the SD exactly; Luo et al. 2018's weighted means return the mean of symmetric inputs."""
    mu, sigma = 12.0, 3.0
    top = stats.norm.ppf((n - 0.375) / (n + 0.25))
    upper_q = stats.norm.ppf((0.75 * n - 0.125) / (n + 0.25))
    lo, hi = mu - sigma * top, mu + sigma * top
    q1, q3 = mu - sigma * upper_q, mu + sigma * upper_q
    for kwargs in (dict(q1=q1, q3=q3), dict(minimum=lo, maximum=hi), dict(q1=q1, q3=q3, minimum=lo, maximum=hi)):
        mean, sd = mean_sd_from_median(mu, n, **kwargs)
        assert mean[0] == pytest.approx(mu, rel=1e-12) and sd[0] == pytest.approx(sigma, rel=1e-12)
    # skewed data: Luo's IQR weight w = 0.7 + 0.39/n on the quartile midpoint
    mean, _ = mean_sd_from_median(10, n, q1=8, q3=16)
    w = 0.7 + 0.39 / n
    assert mean[0] == pytest.approx(w * 12 + (1 - w) * 10)
    with pytest.raises(MetaInputError):
        mean_sd_from_median(10, n)


def test_conversion_records_name_formula_inputs_and_assumptions():
    rec = conversion_record("ratio_from_ci", estimate=0.8, ci_low=0.6, ci_high=1.1, level=0.95)
    assert "log(ci_high)" in rec["formula"] and rec["inputs"]["ci_low"] == 0.6 and rec["assumptions"]
    json.dumps(rec)
    yi, vi, rec = escalc_with_record("SMD", m1i=[5.0], sd1i=[2.0], n1i=[20], m2i=[4.0], sd2i=[2.0], n2i=[20])
    assert rec["conversion"] == "SMD" and "Hedges" in rec["assumptions"] and rec["inputs"][0] == "m1i"
    m = 38
    j = math.exp(math.lgamma(m / 2) - math.log(math.sqrt(m / 2)) - math.lgamma((m - 1) / 2))
    assert yi[0] == pytest.approx(j * 0.5) and vi[0] == pytest.approx(0.1 + yi[0] ** 2 / 80)


def test_escalc_zero_cells_and_unknown_measure():
    yi, vi = escalc("OR", ai=[0], bi=[10], ci=[3], di=[7])
    assert yi[0] == pytest.approx(np.log(0.5 * 7.5 / (10.5 * 3.5)))
    assert vi[0] == pytest.approx(1 / 0.5 + 1 / 10.5 + 1 / 3.5 + 1 / 7.5)
    yi, vi = escalc("PR", xi=[10], ni=[10])
    assert yi[0] == pytest.approx(10.5 / 11)
    with pytest.raises(MetaInputError, match="unknown measure"):
        escalc("XYZ", yi=[1], vi=[1])
    with pytest.raises(MetaInputError, match="missing"):
        escalc("MD", m1i=[1])


# ----- the vectorized batch fit ------------------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["REML", "ML", "EB", "PM", "DL", "HE", "EE"])
def test_batch_equals_one_at_a_time(method):
    """Rows of different k (NaN padding) give exactly what rma() gives for each meta-analysis."""
    names = ["normand1999_SMD", "pritz1997_PLO", "molloy2014_ZCOR", "nielweise2007_RR", "normand1999_orpington_MD"]
    frames = [case(n)[0] for n in names]
    kmax = max(len(f) for f in frames)
    Y = np.full((len(frames), kmax), np.nan)
    V = np.full((len(frames), kmax), np.nan)
    for i, f in enumerate(frames):
        Y[i, : len(f)], V[i, : len(f)] = f["yi"], f["vi"]
    batch = rma_batch(Y, V, method=method)
    for i, f in enumerate(frames):
        one = rma(f["yi"], f["vi"], method=method)
        for field in ("estimate", "se", "ci_low", "ci_high", "pi_low", "pi_high", "tau2", "tau2_ci_low",
                      "tau2_ci_high", "i2", "h2", "q", "q_p"):
            a, b = getattr(batch, field)[i], getattr(one, field)
            assert (np.isnan(a) and np.isnan(b)) or a == pytest.approx(b, rel=1e-9, abs=1e-12), (names[i], field)


def test_batch_reproduces_metafors_benchmark_answers():
    data = pd.read_csv(BENCHMARK / "sim_reml_k20_n200.csv")
    ref = pd.read_csv(BENCHMARK / "sim_reml_k20_n200_metafor.csv").sort_values("ma_id")
    Y = data.pivot(index="ma_id", columns="study", values="yi").sort_index().to_numpy()
    V = data.pivot(index="ma_id", columns="study", values="vi").sort_index().to_numpy()
    replica = rma_batch(Y, V, method="REML", threshold=1e-5, maxiter=100, confint=False)
    for ours, theirs in [("estimate", "estimate"), ("se", "se"), ("ci_low", "ci_lb"), ("tau2", "tau2"),
                         ("i2", "I2"), ("q", "QE")]:
        np.testing.assert_allclose(getattr(replica, ours), ref[theirs], rtol=1e-9, atol=1e-13)
    exact = rma_batch(Y, V, method="REML", confint=False)
    assert np.max(np.abs(exact.tau2 - ref["tau2"])) < 1e-4  # metafor's early stop, not a different answer


@pytest.mark.parametrize("method", ["REML", "ML", "EB", "PM", "DL", "HE", "HS", "SJ", "EE"])
@pytest.mark.parametrize("test", ["z", "knha", "adhoc"])
def test_rma_many_gives_what_rma_gives_for_each_meta_analysis(method, test):
    """One vectorized pass over meta-analyses of different k equals rma() on each (every field, to rounding);
    what rma() cannot fit (k = 1, a missing yi, a zero variance) goes through rma() itself, its error in place."""
    names = ["normand1999_SMD", "pritz1997_PLO", "molloy2014_ZCOR", "nielweise2007_RR", "normand1999_orpington_MD"]
    frames = [case(n)[0] for n in names]
    yis = [f["yi"].to_numpy() for f in frames] + [[0.3], [0.1, np.nan, 0.4, 0.2], [0.1, 0.2, 0.3]]
    vis = [f["vi"].to_numpy() for f in frames] + [[0.02], [0.01, 0.02, 0.03, 0.02], [0.01, 0.0, 0.02]]
    many = rma_many(yis, vis, method=method, test=test, pi_type="riley")
    assert isinstance(many[-1], MetaInputError)
    for y, v, got in zip(yis[:-1], vis[:-1], many[:-1]):
        want = rma(y, v, method=method, test=test, pi_type="riley")
        assert (got.k, got.test, got.notes, got.study, got.tau2_ci_low_sign, got.tau2_ci_high_sign) == (
            want.k, want.test, want.notes, want.study, want.tau2_ci_low_sign, want.tau2_ci_high_sign)
        for field in ("estimate", "se", "stat", "ci_low", "ci_high", "pi_low", "pi_high", "pi_ddf", "ddf", "s2w",
                      "tau2", "se_tau2", "tau2_ci_low", "tau2_ci_high", "i2", "i2_ci_low", "i2_ci_high", "h2", "q",
                      "q_p", "vt"):
            a, b = getattr(got, field), getattr(want, field)
            assert (np.isnan(a) and np.isnan(b)) or a == pytest.approx(b, rel=1e-10, abs=1e-14), (field, a, b)
        assert got.weights == pytest.approx(want.weights, rel=1e-10)


def test_exact_fisher_scoring_converges_when_tau2_dwarfs_the_variances():
    """A stop rule on the variances' scale alone cannot be met by a tau² 500 times larger (its rounding error is
    bigger than the threshold): the fit stops relative to tau² too, without a 'did not converge' note."""
    rng = np.random.default_rng(1)  # a seed where the old rule ran 10,000 steps and fell back to root search
    v = rng.uniform(1e-4, 5e-4, 12)
    y = rng.normal(0, 0.7, 12)
    fit = rma(y, v, method="REML")
    assert fit.tau2 > 500 * v.mean() and fit.iterations < 100 and not fit.notes


def test_the_engine_imports_no_stage():
    """meta/ is a library the stages use: it never imports ingest, extract, synthesis or report."""
    import ast
    from pathlib import Path

    import evidence_review.meta as meta

    stages = {"ingest", "extract", "synthesis", "report"}
    found = []
    for path in sorted(Path(meta.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                parts = (node.module or "").split(".")
                named = parts[1] if node.level == 0 and parts[0] == "evidence_review" and len(parts) > 1 else (
                    parts[0] if node.level == 2 else "")
                if named in stages:
                    found.append(f"{path.name}: from {'.' * node.level}{node.module} import ...")
            elif isinstance(node, ast.Import):
                found += [f"{path.name}: import {a.name}" for a in node.names
                          if a.name.split(".")[:2][-1] in stages and a.name.startswith("evidence_review")]
    assert found == []
    assert len(list(Path(meta.__file__).parent.glob("*.py"))) > 10  # the scan saw the engine's modules


def test_rma_many_leaves_overflowing_rows_to_rma():
    """Effect sizes whose squares overflow: the vectorized pass does not return its inf/NaN numbers as a fit; the
    row goes through rma(), whose error stands in its place, and the other rows are fitted."""
    ys, vs = [[1e200, -1e200, 3e200], [0.1, 0.3, 0.2]], [[0.1, 0.2, 0.3], [0.01, 0.02, 0.03]]
    with pytest.raises(ValueError) as raised:
        rma(ys[0], vs[0])
    bad, good = rma_many(ys, vs)
    assert type(bad) is type(raised.value) and str(bad) == str(raised.value)
    assert good.estimate == pytest.approx(rma(ys[1], vs[1]).estimate, rel=1e-12)


def test_rma_many_cuts_large_work_into_bounded_passes(monkeypatch):
    """Passes hold at most MAX_BATCH_ENTRIES padded entries (memory stays bounded for leave-one-out of a very
    large cell); cutting the work changes no result."""
    from evidence_review.meta import batch

    rng = np.random.default_rng(9)
    yis = [rng.normal(0.2, 0.3, k) for k in (3, 40, 5, 17, 3, 60)]
    vis = [rng.uniform(0.01, 0.1, len(y)) for y in yis]
    whole = rma_many(yis, vis, test="knha")
    monkeypatch.setattr(batch, "MAX_BATCH_ENTRIES", 70)
    chunks = batch._chunks(list(range(6)), [len(y) for y in yis])
    assert len(chunks) > 1 and sorted(i for c in chunks for i in c) == list(range(6))
    assert all(len(c) * max(len(yis[i]) for i in c) <= 70 for c in chunks)
    cut = rma_many(yis, vis, test="knha")
    for a, b, y, v in zip(whole, cut, yis, vis):
        one = rma(y, v, test="knha")
        assert a.estimate == pytest.approx(one.estimate, rel=1e-12) and b.estimate == pytest.approx(one.estimate,
                                                                                                     rel=1e-12)
        assert b.tau2 == pytest.approx(one.tau2, rel=1e-10, abs=1e-14) and b.k == len(y)
