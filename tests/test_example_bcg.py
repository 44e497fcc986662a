"""The shipped example set data/raw/example_bcg: 13 BCG vaccine trials (Colditz et al., JAMA 1994; metafor's
dat.bcg), read by the real ingestion and extraction and pooled by the real synthesis stage.

Reference values from R (metafor 4.x):
    dat <- escalc(measure="RR", ai=tpos, bi=tneg, ci=cpos, di=cneg, data=dat.bcg)
    res <- rma(yi, vi, data=dat)                 # REML, z-test
    predict(res, transf=exp)  # 0.4894 [0.3441, 0.6962]; tau^2 = 0.3132, I^2 = 92.22%
The texts print each trial's RR and CI rounded to two decimals, as articles do, so the pooled result from the
texts agrees with metafor's to that rounding; pooled from the counts it agrees to the digits metafor prints.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from evidence_review.extract import extract_estimates
from evidence_review.ingest import ingest_paths
from evidence_review.meta import escalc, rma
from evidence_review.synthesis.pipeline import SynthesisOptions, synthesize

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw" / "example_bcg"

# metafor's dat.bcg: author, year, tpos, tneg, cpos, cneg, alloc
DAT_BCG = [
    ("Aronson", 1948, 4, 119, 11, 128, "random"),
    ("Ferguson", 1949, 6, 300, 29, 274, "random"),
    ("Rosenthal", 1960, 3, 228, 11, 209, "random"),
    ("Hart", 1977, 62, 13536, 248, 12619, "random"),
    ("Frimodt-Møller", 1973, 33, 5036, 47, 5761, "alternate"),
    ("Stein", 1953, 180, 1361, 372, 1079, "alternate"),
    ("Vandiviere", 1973, 8, 2537, 10, 619, "random"),
    ("Tuberculosis Prevention Trial", 1980, 505, 87886, 499, 87892, "random"),
    ("Coetzee", 1968, 29, 7470, 45, 7232, "random"),
    ("Rosenthal", 1961, 17, 1699, 65, 1600, "systematic"),
    ("Comstock", 1974, 186, 50448, 141, 27197, "systematic"),
    ("Comstock", 1969, 5, 2493, 3, 2338, "systematic"),
    ("Comstock", 1976, 27, 16886, 29, 17825, "systematic"),
]
METAFOR_RR, METAFOR_LOW, METAFOR_HIGH = 0.4894, 0.3441, 0.6962
METAFOR_TAU2, METAFOR_I2 = 0.3132, 92.22


@pytest.fixture(scope="module")
def example():
    documents, texts = ingest_paths([EXAMPLE])
    estimates = extract_estimates(documents, texts)
    return documents, texts, estimates


def _rr_cell(result) -> pd.Series:
    rr = result.pooled[(result.pooled["measure"] == "RR") & (result.pooled["k"] > 1)]
    assert len(rr) == 1
    return rr.iloc[0]


def test_each_text_states_the_trial_counts_and_its_relative_risk():
    files = sorted(p for p in EXAMPLE.glob("*.txt"))
    assert len(files) == 13
    for path, (author, year, a, b, c, d, alloc) in zip(files, DAT_BCG):
        text = path.read_text(encoding="utf-8")
        assert author in text and str(year) in text
        assert f"{a} of {a + b} participants" in text and f"{c} of {c + d} participants" in text
        rr = (a / (a + b)) / (c / (c + d))
        se = math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
        printed = re.search(r"relative risk of tuberculosis [^.]*? was (\d+\.\d\d) \(95% CI (\d+\.\d\d) to (\d+\.\d\d)\)",
                            text)
        assert printed, path.name
        assert [float(x) for x in printed.groups()] == pytest.approx(
            [rr, math.exp(math.log(rr) - 1.959964 * se), math.exp(math.log(rr) + 1.959964 * se)], abs=0.005)
        assert ("randomly assigned" in text) == (alloc == "random")
    readme = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    assert "Colditz" in readme and "dat.bcg" in readme


def test_the_extractor_reads_every_trials_rr_and_both_arms(example):
    _documents, _texts, estimates = example
    rr = estimates[estimates["measure"] == "RR"]
    assert len(rr) == 13 and set(rr["intervention"]) == {"BCG vaccine"} and set(rr["outcome"]) == {"tuberculosis"}
    arms = estimates[estimates["measure"] == "PROPORTION"]
    assert len(arms) == 26
    assert sorted(arms["total"].astype(int)) == sorted([a + b for *_, a, b, _c, _d, _al in DAT_BCG]
                                                       + [c + d for *_, _a, _b, c, d, _al in DAT_BCG])


def test_pooled_rr_from_the_texts_matches_metafor_to_the_printed_rounding(example):
    documents, texts, estimates = example
    result = synthesize(estimates, documents, options=SynthesisOptions(test="z"), texts=texts)
    row = _rr_cell(result)
    assert row["k"] == 13 and row["method"] == "REML"
    assert row["estimate"] == pytest.approx(METAFOR_RR, abs=0.005)
    assert row["ci_low"] == pytest.approx(METAFOR_LOW, abs=0.01) and row["ci_high"] == pytest.approx(METAFOR_HIGH,
                                                                                                      abs=0.01)
    assert row["tau2"] == pytest.approx(METAFOR_TAU2, abs=0.01) and row["i2"] == pytest.approx(METAFOR_I2, abs=0.5)
    # the default interval (Hartung-Knapp, ad hoc) is never narrower than the z interval
    default = _rr_cell(synthesize(estimates, documents, texts=texts))
    assert default["estimate"] == pytest.approx(row["estimate"], rel=1e-12)
    assert default["ci_low"] <= row["ci_low"] and default["ci_high"] >= row["ci_high"]


def test_the_engine_on_the_counts_reproduces_metafor():
    counts = np.array([r[2:6] for r in DAT_BCG], dtype=float)
    yi, vi = escalc("RR", ai=counts[:, 0], bi=counts[:, 1], ci=counts[:, 2], di=counts[:, 3])
    fit = rma(yi, vi, method="REML", test="z")
    assert (math.exp(fit.estimate), math.exp(fit.ci_low), math.exp(fit.ci_high)) == pytest.approx(
        (METAFOR_RR, METAFOR_LOW, METAFOR_HIGH), abs=5e-5)


def test_the_example_gives_a_graded_summary_of_findings_row_with_absolute_effects(example):
    documents, texts, estimates = example
    result = synthesize(estimates, documents, texts=texts)
    row = _rr_cell(result)
    # 7 randomized trials carry most of the weight: start high; I² 92 % with a PI crossing 1: inconsistent
    assert row["n_randomized_studies"] == 7 and "Study design: start at high" in row["certainty_reasons"]
    assert "Inconsistency: rated down one level" in row["certainty_reasons"]
    assert row["events"] == sum(a + c for *_, a, _b, c, _d, _al in DAT_BCG)
    assert row["n_total"] == sum(a + b + c + d for *_, a, b, c, d, _al in DAT_BCG)
    sof = result.summary.set_index("cell_id").loc[row["cell_id"]]
    control_risks = [c / (c + d) for *_, c, d, _al in DAT_BCG]
    assert sof["assumed_risk_per_1000"] == round(1000 * float(np.median(control_risks)))
    assert sof["risk_with_intervention_per_1000"] == round(1000 * float(np.median(control_risks)) * row["estimate"])
    assert sof["certainty"] == row["certainty"] and "Inconsistency" in sof["footnotes"]
    assert sof["plain_language"].startswith("BCG vaccine probably reduces the risk of tuberculosis")
    fit = next(f for f in result.fits if f.cell_id == row["cell_id"])
    assert "Frimodt-Møller 1973" in set(fit.studies["study"]) and "Tuberculosis Prevention Trial 1980" in set(
        fit.studies["study"])
