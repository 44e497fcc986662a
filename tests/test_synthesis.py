"""Stage 3 on real-shaped inputs: NMOSD cohort hazard ratios (rituximab, azathioprine, mycophenolate, tacrolimus),
MOGAD and lupus nephritis estimates, modelled on sentences of the seed and development corpora."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from evidence_review.errors import ConfigError
from evidence_review.meta import escalc, ratio_from_ci, rma
from evidence_review.synthesis.cells import parse_duration_months, timepoint_key
from evidence_review.synthesis.forest import favours_labels, row_labels
from evidence_review.synthesis.pipeline import SynthesisOptions, synthesize, write_outputs
from evidence_review.tables import ESTIMATE_COLUMNS, POOLED_COLUMNS


def est(estimate_id, doc_id, measure, value, ci_low=None, ci_high=None, *, intervention, comparator="",
        outcome="time to first relapse", condition="nmosd", timepoint="", p_value=None, p_text="", events=None,
        total=None, start=0, flags="") -> dict:
    row = {c: None for c in ESTIMATE_COLUMNS}
    row.update(estimate_id=estimate_id, doc_id=doc_id, source_file=f"{doc_id}.txt", measure=measure, value=value,
               ci_low=ci_low, ci_high=ci_high, ci_level=0.95, p_value=p_value, p_text=p_text,
               intervention=intervention, comparator=comparator, outcome=outcome, timepoint=timepoint,
               condition=condition, events=events, total=total, start=start, flags=flags, decision="")
    return row


def docs(*rows) -> pd.DataFrame:
    base = {"doc_id": "", "design": "cohort", "duplicate_of": "", "condition": "nmosd", "n_total": 100,
            "authors": "", "year": None, "source_file": ""}
    return pd.DataFrame([{**base, **r} for r in rows])


# Three NMOSD cohorts comparing azathioprine with rituximab (time to first relapse); the third reports it the
# other way round ("patients on RTX had a lower risk than those on AZA, HR 0.45").
AZA_RTX = [
    est("e-jeong", "jeong2016", "HR", 1.82, 1.1, 3.1, intervention="azathioprine", comparator="rituximab",
        p_value=0.03),
    est("e-seed000", "seed000", "HR", 3.51, 1.202, 10.25, intervention="azathioprine", comparator="rituximab",
        timepoint="second year"),
    est("e-cohort3", "cohort3", "HR", 0.45, 0.22, 0.92, intervention="rituximab", comparator="azathioprine"),
]
AZA_RTX_DOCS = docs({"doc_id": "jeong2016", "n_total": 198, "authors": "Jeong IH; Park B", "year": 2016},
                    {"doc_id": "seed000", "n_total": 61}, {"doc_id": "cohort3", "n_total": 120})


def cell_of(result, estimate_id) -> pd.Series:
    cell_id = result.members.set_index("estimate_id").at[estimate_id, "cell_id"]
    return result.pooled.set_index("cell_id").loc[cell_id]


def test_pooled_cell_equals_engine_on_the_same_yi_vi():
    result = synthesize(pd.DataFrame(AZA_RTX), AZA_RTX_DOCS)
    row = cell_of(result, "e-jeong")
    assert row["k"] == 3 and row["intervention"] == "azathioprine" and row["comparator"] == "rituximab"
    # the engine on yi/vi computed independently (the third study inverted: AZA relative to RTX = 1/0.45)
    yi, vi = ratio_from_ci([1.82, 3.51, 1 / 0.45], [1.1, 1.202, 1 / 0.92], [3.1, 10.25, 1 / 0.22])
    ref = rma(yi, vi, method="REML", test="adhoc")
    assert row["estimate"] == pytest.approx(math.exp(ref.estimate), rel=1e-12)
    assert row["ci_low"] == pytest.approx(math.exp(ref.ci_low), rel=1e-12)
    assert row["ci_high"] == pytest.approx(math.exp(ref.ci_high), rel=1e-12)
    assert row["pi_low"] == pytest.approx(math.exp(ref.pi_low), rel=1e-12)
    assert row["tau2"] == pytest.approx(ref.tau2, rel=1e-9, abs=1e-12)
    assert row["i2"] == pytest.approx(ref.i2, rel=1e-9, abs=1e-9)
    assert row["q"] == pytest.approx(ref.q, rel=1e-12)
    assert row["method"] == "REML" and row["ci_method"] == "adhoc"
    # the Q-profile interval of tau² and the I² interval mapped from it
    assert (row["tau2_ci_low"], row["tau2_ci_high"]) == pytest.approx((ref.tau2_ci_low, ref.tau2_ci_high), rel=1e-9)
    assert (row["i2_ci_low"], row["i2_ci_high"]) == pytest.approx((ref.i2_ci_low, ref.i2_ci_high), rel=1e-9)
    assert row["n_total"] == 198 + 61 + 120
    assert row["estimate_ids"] == "e-cohort3;e-jeong;e-seed000"
    # the contract's columns in order, then extras such as the meaning of the cell (README: stages may add columns)
    assert list(result.pooled.columns[:len(POOLED_COLUMNS)]) == POOLED_COLUMNS
    assert {"subgroup", "adjusted", "from_arms", "tau2_ci_low", "i2_ci_high"} <= set(result.pooled.columns)


def test_orientation_flip_inverts_ratio_and_swaps_limits():
    # seed 000: "RTX (HR = 18.41, 95% CI 4.039-83.87) ... lower risk than TAC" -> TAC relative to RTX
    rows = [
        est("e-tac", "seed000", "HR", 18.41, 4.039, 83.87, intervention="tacrolimus", comparator="rituximab",
            timepoint="first year"),
        est("e-rtx", "cohortB", "HR", 0.2, 0.08, 0.5, intervention="rituximab", comparator="tacrolimus"),
    ]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "seed000"}, {"doc_id": "cohortB"}))
    member = result.members.set_index("estimate_id").loc["e-tac"]
    assert member["flipped"] and member["intervention"] == "rituximab" and member["comparator"] == "tacrolimus"
    assert member["value"] == pytest.approx(1 / 18.41)
    assert member["ci_low"] == pytest.approx(1 / 83.87) and member["ci_high"] == pytest.approx(1 / 4.039)
    assert "inverted to rituximab vs tacrolimus" in member["note"]
    assert not result.members.set_index("estimate_id").at["e-rtx", "flipped"]
    row = cell_of(result, "e-tac")
    assert row["k"] == 2 and "inverted" in row["notes"]
    assert result.members["cell_id"].nunique() == 1


def test_difference_flip_negates():
    rows = [est("e-md", "d1", "MD", -1.56, -1.82, -1.29, intervention="placebo", comparator="rituximab",
                outcome="annualized relapse rate")]
    member = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"})).members.iloc[0]
    assert member["flipped"] and member["intervention"] == "rituximab" and member["comparator"] == "placebo"
    assert (member["value"], member["ci_low"], member["ci_high"]) == pytest.approx((1.56, 1.29, 1.82))


def test_never_pooled_across_conditions_outcomes_or_measures():
    rows = [
        est("a", "d1", "HR", 0.14, 0.05, 0.45, intervention="mycophenolate mofetil", comparator="rituximab",
            condition="mogad", outcome="time to relapse"),
        est("b", "d2", "HR", 0.5, 0.2, 0.9, intervention="mycophenolate mofetil", comparator="rituximab",
            condition="nmosd", outcome="time to relapse"),
        est("c", "d3", "HR", 0.6, 0.3, 1.2, intervention="mycophenolate mofetil", comparator="rituximab",
            condition="nmosd", outcome="time to first severe relapse"),
        est("d", "d4", "RR", 0.6, 0.3, 1.2, intervention="mycophenolate mofetil", comparator="rituximab",
            condition="nmosd", outcome="time to relapse"),
    ]
    result = synthesize(pd.DataFrame(rows), docs(*({"doc_id": f"d{i}"} for i in range(1, 5))))
    assert len(result.pooled) == 4
    assert (result.pooled["k"] == 1).all() and (result.pooled["method"] == "single study").all()
    # the same four studies with one condition, outcome and measure do pool
    same = [dict(r, condition="nmosd", outcome="time to relapse", measure="HR") for r in rows]
    assert synthesize(pd.DataFrame(same), docs(*({"doc_id": f"d{i}"} for i in range(1, 5)))).pooled["k"].tolist() == [4]


def test_single_arm_proportions_pool_on_the_logit_scale():
    rows = [
        est("p1", "d1", "PROPORTION", 117 / 141, intervention="rituximab", outcome="relapse-free", events=117,
            total=141),
        est("p2", "d2", "PROPORTION", 0.6, intervention="rituximab", outcome="relapse-free", events=60, total=100),
        est("p3", "d3", "PROPORTION", 0.35, intervention="rituximab", outcome="relapse-free", events=7, total=20),
    ]
    result = synthesize(pd.DataFrame(rows), docs(*({"doc_id": f"d{i}"} for i in range(1, 4))))
    yi, vi = escalc("PLO", xi=np.array([117, 60, 7.0]), ni=np.array([141, 100, 20.0]))
    ref = rma(yi, vi, method="REML", test="adhoc")
    row = result.pooled.iloc[0]
    assert row["k"] == 3 and (pd.isna(row["comparator"]) or row["comparator"] == "")
    assert row["estimate"] == pytest.approx(1 / (1 + math.exp(-ref.estimate)), rel=1e-12)
    assert row["ci_high"] == pytest.approx(1 / (1 + math.exp(-ref.ci_high)), rel=1e-12)
    assert 0 < row["ci_low"] < row["estimate"] < row["ci_high"] < 1


def test_rate_without_variance_stays_a_single_study_row_with_the_reason():
    rows = [
        est("r1", "d1", "ARR", 0.12, 0.03, 0.21, intervention="rituximab", outcome="annualized relapse rate",
            timepoint="on treatment"),
        est("r2", "d2", "ARR", 0.25, intervention="rituximab", outcome="annualized relapse rate",
            timepoint="on treatment"),
        est("r3", "d3", "ARR", 0.2, 0.1, 0.35, intervention="rituximab", outcome="annualized relapse rate",
            timepoint="during treatment"),
        est("r0", "d2", "ARR", 1.17, intervention="rituximab", outcome="annualized relapse rate",
            timepoint="before treatment"),
    ]
    result = synthesize(pd.DataFrame(rows), docs(*({"doc_id": f"d{i}"} for i in range(1, 4))))
    pooled = result.pooled.set_index("estimate_ids")
    assert pooled.at["r1;r3", "k"] == 2  # the two rates with a CI share a cell (log-rate scale)
    assert pooled.at["r2", "method"] == "single study" and "no variance" in pooled.at["r2", "notes"]
    assert pooled.at["r0", "timepoint"] == "before treatment"  # pre-treatment rates never join on-treatment ones
    # two studies are shown side by side unless pooling two is asked for
    assert pooled.at["r1;r3", "method"] == "not pooled: 2 studies" and math.isnan(pooled.at["r1;r3", "estimate"])
    asked = synthesize(pd.DataFrame(rows), docs(*({"doc_id": f"d{i}"} for i in range(1, 4))),
                       options=SynthesisOptions(pool_two_studies=True)).pooled.set_index("estimate_ids")
    yi, vi = ratio_from_ci([0.12, 0.2], [0.03, 0.1], [0.21, 0.35])
    assert asked.at["r1;r3", "estimate"] == pytest.approx(math.exp(rma(yi, vi, test="adhoc").estimate), rel=1e-12)


def test_variance_from_p_value_when_no_ci_is_noted():
    rows = [
        est("x1", "d1", "HR", 0.7217, intervention="mycophenolate mofetil", comparator="rituximab", p_value=0.4),
        est("x2", "d2", "HR", 0.9, 0.5, 1.6, intervention="mycophenolate mofetil", comparator="rituximab"),
    ]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"}, {"doc_id": "d2"}))
    member = result.members.set_index("estimate_id").loc["x1"]
    assert member["variance_source"] == "p-value" and "p-value" in member["note"]
    z = 0.8416212335729143  # qnorm(1 - 0.4 / 2)
    assert member["vi"] == pytest.approx((math.log(0.7217) / z) ** 2, rel=1e-9)
    row = result.pooled.iloc[0]
    assert "variance approximated from a p-value" in row["notes"]
    # two cohorts, both CIs include 1: low start, imprecise -> very low; no "k < 3" reason
    assert row["certainty"] == "very low" and "Imprecision: rated down one level" in row["certainty_reasons"]
    assert "k = 2" not in row["certainty_reasons"] and "patients" not in row["certainty_reasons"]


def test_duplicate_document_and_secondary_report_are_kept_out():
    rows = AZA_RTX + [
        # the same cohort ingested twice (duplicate_of), and a news piece quoting the Jeong cohort
        est("e-jeong-copy", "jeong2016-copy", "HR", 1.82, 1.1, 3.1, intervention="azathioprine",
            comparator="rituximab"),
        est("e-news", "news1", "HR", 1.8, 1.1, 3.1, intervention="azathioprine", comparator="rituximab"),
    ]
    documents = pd.concat([AZA_RTX_DOCS, docs({"doc_id": "jeong2016-copy", "duplicate_of": "jeong2016"},
                                              {"doc_id": "news1", "design": "news"})])
    result = synthesize(pd.DataFrame(rows), documents)
    row = cell_of(result, "e-jeong")
    assert row["k"] == 3 and "e-news" not in row["estimate_ids"] and "e-jeong-copy" not in row["estimate_ids"]
    members = result.members.set_index("estimate_id")
    assert "duplicate of jeong2016" in members.at["e-jeong-copy", "reason"]
    assert "secondary report (news)" in members.at["e-news", "reason"]
    assert "excluded e-news" in row["notes"] and "excluded e-jeong-copy" in row["notes"]


def test_secondary_reports_alone_keep_one():
    rows = [est("n1", "news-a", "OR", 2.31, 1.07, 5.01, intervention="belimumab", comparator="placebo",
                outcome="primary efficacy renal response", condition="lupus nephritis"),
            est("n2", "news-b", "OR", 2.3, 1.1, 5.0, intervention="belimumab", comparator="placebo",
                outcome="primary efficacy renal response", condition="lupus nephritis")]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "news-a", "design": "news"},
                                                 {"doc_id": "news-b", "design": "review"}))
    assert result.pooled["k"].tolist() == [1] and result.pooled.iloc[0]["estimate_ids"] == "n1"


def test_meta_analysis_is_kept_apart_from_primary_studies():
    rows = AZA_RTX + [est("e-ma", "ma1", "HR", 2.0, 1.4, 2.9, intervention="azathioprine", comparator="rituximab")]
    result = synthesize(pd.DataFrame(rows), pd.concat([AZA_RTX_DOCS, docs({"doc_id": "ma1",
                                                                           "design": "meta-analysis"})]))
    primary, ma = cell_of(result, "e-jeong"), cell_of(result, "e-ma")
    assert primary["k"] == 3 and ma["k"] == 1 and primary.name != ma.name
    assert "meta-analysis" in ma["notes"]


def test_one_timepoint_per_study_the_longest():
    rows = [
        est("t1", "seed000", "HR", 2.786, 0.4771, 16.27, intervention="azathioprine", comparator="rituximab",
            timepoint="first year", start=100),
        est("t2", "seed000", "HR", 3.51, 1.202, 10.25, intervention="azathioprine", comparator="rituximab",
            timepoint="second year", start=400),
        AZA_RTX[0],
    ]
    result = synthesize(pd.DataFrame(rows), AZA_RTX_DOCS)
    members = result.members.set_index("estimate_id")
    assert members.at["t2", "included"] and not members.at["t1", "included"]
    assert "another timepoint" in members.at["t1", "reason"] and "kept t2" in members.at["t1", "reason"]
    # with exact timepoints the two years are separate cells and nothing is dropped
    exact = synthesize(pd.DataFrame(rows), AZA_RTX_DOCS, options=SynthesisOptions(timepoint_policy="exact"))
    assert exact.members["included"].all() and exact.members["cell_id"].nunique() == 3


def test_several_estimates_of_one_document_reduce_to_one():
    # MOGAD cohort: unadjusted and adjusted HR of MMF vs no MMF in one abstract
    rows = [est("m1", "d9", "HR", 0.14, 0.05, 0.45, intervention="mycophenolate mofetil",
                comparator="no mycophenolate mofetil", condition="mogad", outcome="time to relapse", start=50),
            est("m2", "d9", "HR", 0.08, 0.02, 0.28, intervention="mycophenolate mofetil",
                comparator="no mycophenolate mofetil", condition="mogad", outcome="time to relapse", start=300)]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "d9", "condition": "mogad"}))
    assert result.pooled["k"].tolist() == [1] and result.pooled.iloc[0]["estimate_ids"] == "m1"
    assert "same document" in result.members.set_index("estimate_id").at["m2", "reason"]


def test_flagged_estimates_stay_out():
    rows = AZA_RTX + [est("bad", "d5", "HR", 0.49, 0.9, 1.26, intervention="azathioprine", comparator="rituximab",
                          flags="ci_excludes_value")]
    result = synthesize(pd.DataFrame(rows), pd.concat([AZA_RTX_DOCS, docs({"doc_id": "d5"})]))
    assert "bad" not in cell_of(result, "e-jeong")["estimate_ids"]
    assert "flagged" in result.members.set_index("estimate_id").at["bad", "reason"]


def test_class_level_pooling():
    rows = [
        est("c1", "d1", "HR", 1.82, 1.1, 3.1, intervention="azathioprine", comparator="rituximab"),
        est("c2", "d2", "HR", 5.2, 1.6, 16.86, intervention="mycophenolate mofetil", comparator="rituximab"),
        est("c3", "d3", "HR", 0.3, 0.1, 0.9, intervention="ocrelizumab", comparator="mycophenolate mofetil"),
        # one cohort comparing both antimetabolites with rituximab: shared rituximab patients -> one estimate
        est("c4", "d4", "HR", 2.0, 1.0, 4.0, intervention="azathioprine", comparator="rituximab", start=10),
        est("c5", "d4", "HR", 2.5, 1.1, 5.7, intervention="mycophenolate mofetil", comparator="rituximab", start=90),
        # within-class comparison: meaningless at class level
        est("c6", "d5", "HR", 1.3, 0.6, 2.8, intervention="azathioprine", comparator="mycophenolate mofetil"),
    ]
    documents = docs(*({"doc_id": f"d{i}"} for i in range(1, 6)))
    by_drug = synthesize(pd.DataFrame(rows), documents)
    assert by_drug.pooled["k"].max() == 2  # only c1 + c4 share drugs
    by_class = synthesize(pd.DataFrame(rows), documents, options=SynthesisOptions(pooling_level="class"))
    row = cell_of(by_class, "c1")
    # four of the five reports give antimetabolite vs anti-CD20: the direction the studies reported wins over
    # alphabetical order (which decides only a tie)
    assert (row["intervention"], row["comparator"]) == ("antimetabolite", "anti-CD20")
    assert row["estimate_ids"] == "c1;c2;c3;c4" and row["k"] == 4
    members = by_class.members.set_index("estimate_id")
    assert not members.at["c1", "flipped"] and members.at["c3", "flipped"]
    assert "same document" in members.at["c5", "reason"]
    assert "same class" in members.at["c6", "reason"] or "both arms" in members.at["c6", "reason"]
    yi, vi = ratio_from_ci([1.82, 5.2, 1 / 0.3, 2.0], [1.1, 1.6, 1 / 0.9, 1.0], [3.1, 16.86, 1 / 0.1, 4.0])
    assert row["estimate"] == pytest.approx(math.exp(rma(yi, vi, test="adhoc").estimate), rel=1e-9)


def test_class_map_is_user_extensible(tmp_path):
    extra = tmp_path / "classes.csv"
    extra.write_text("drug,class\nsatralizumab,anti-IL6R (user)\ntocilizumab,anti-IL6R (user)\n", encoding="utf-8")
    rows = [est("s1", "d1", "RR", 0.4, 0.2, 0.8, intervention="satralizumab", comparator="placebo"),
            est("s2", "d2", "RR", 0.5, 0.3, 0.9, intervention="tocilizumab", comparator="placebo")]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"}, {"doc_id": "d2"}),
                        options=SynthesisOptions(pooling_level="class", class_map_path=str(extra)))
    assert result.pooled["intervention"].tolist() == ["anti-IL6R (user)"] and result.pooled["k"].tolist() == [2]


def test_sensitivity_analyses_follow_the_k_thresholds():
    result = synthesize(pd.DataFrame(AZA_RTX), AZA_RTX_DOCS)
    analyses = result.sensitivity["analysis"].tolist()
    assert analyses[0] == "primary: REML, adhoc"
    assert {"DL, adhoc", "PM, adhoc"} <= set(analyses)
    assert not any("EE" in a for a in analyses)  # no common-effect row by default: it invites cherry-picking
    assert sum(a.startswith("leave out") for a in analyses) == 3
    assert not any("Egger" in a or "trim" in a for a in analyses)
    yi, vi = ratio_from_ci([1.82, 3.51, 1 / 0.45], [1.1, 1.202, 1 / 0.92], [3.1, 10.25, 1 / 0.22])
    by_name = result.sensitivity.set_index("analysis")
    for name, ref in [("DL, adhoc", rma(yi, vi, method="DL", test="adhoc")),
                      ("PM, adhoc", rma(yi, vi, method="PM", test="adhoc"))]:
        assert by_name.at[name, "estimate"] == pytest.approx(math.exp(ref.estimate), rel=1e-12)
        assert by_name.at[name, "ci_high"] == pytest.approx(math.exp(ref.ci_high), rel=1e-12)
    # ten cohorts: Egger and trim-and-fill appear
    rng = np.random.default_rng(7)
    hrs = np.exp(rng.normal(0.6, 0.3, 10))
    rows = [est(f"k{i}", f"doc{i}", "HR", float(h), float(h / 2.2), float(h * 2.2), intervention="azathioprine",
                comparator="rituximab") for i, h in enumerate(hrs)]
    many = synthesize(pd.DataFrame(rows), docs(*({"doc_id": f"doc{i}"} for i in range(10))))
    assert any("Egger" in a for a in many.sensitivity["analysis"]) and any(
        a.startswith("trim-and-fill") for a in many.sensitivity["analysis"])


def test_outputs_written_and_byte_identical_across_runs(tmp_path):
    rows = AZA_RTX + [est("o1", "dx", "PROPORTION", 0.629, intervention="rituximab", outcome="relapse-free",
                          events=22, total=35)]
    documents = pd.concat([AZA_RTX_DOCS, docs({"doc_id": "dx"})])
    hashes = []
    for run in ("a", "b"):
        result = synthesize(pd.DataFrame(rows), documents)
        write_outputs(result, tmp_path / run / "processed", tmp_path / run / "reports", figure_formats="png,svg")
        files = sorted(p for p in (tmp_path / run).rglob("*") if p.is_file())
        hashes.append({p.relative_to(tmp_path / run).as_posix(): p.read_bytes() for p in files})
    assert hashes[0] == hashes[1]
    cell_id = cell_of(result, "e-jeong").name
    names = set(hashes[0])
    assert {f"reports/figures/{cell_id}.png", f"reports/figures/{cell_id}.svg",
            f"reports/metafor/{cell_id}.csv", "processed/pooled.csv", "processed/sensitivity.csv",
            "processed/estimates_curated.csv", "processed/orphan_decisions.csv"} <= names
    assert hashes[0][f"reports/figures/{cell_id}.png"].startswith(b"\x89PNG")
    assert hashes[0][f"reports/figures/{cell_id}.svg"].lstrip().startswith(b"<?xml")
    assert b"<svg" in hashes[0][f"reports/figures/{cell_id}.svg"]
    # single-study cells get no figure
    assert sum(n.startswith("reports/figures/") for n in names) == 2
    metafor = pd.read_csv(tmp_path / "a" / "reports" / "metafor" / f"{cell_id}.csv")
    assert list(metafor.columns) == ["study", "yi", "vi"] and len(metafor) == 3
    ref = rma(metafor["yi"], metafor["vi"], test="adhoc")
    assert math.exp(ref.estimate) == pytest.approx(cell_of(result, "e-jeong")["estimate"], rel=1e-12)


def test_timepoint_parsing():
    assert parse_duration_months("first year") == 12 and parse_duration_months("second year") == 24
    assert parse_duration_months("week 104") == pytest.approx(23.92, abs=0.05)
    assert parse_duration_months("median follow-up 6.2 years") == pytest.approx(74.4)
    assert timepoint_key("before treatment") == ("before treatment", None)
    assert timepoint_key("on maintenance therapy")[0] == "on treatment"
    assert timepoint_key("six months", "exact") == ("6 months", 6.0)
    assert timepoint_key("CS periods")[0] == "cs periods"


def test_favours_labels_follow_outcome_direction():
    assert favours_labels("HR", "time to first relapse", "azathioprine", "rituximab") == (
        "favours azathioprine", "favours rituximab")
    assert favours_labels("OR", "complete renal response", "belimumab", "placebo") == (
        "favours placebo", "favours belimumab")
    assert favours_labels("PROPORTION", "relapse-free", "rituximab", "") is None


def test_impossible_numbers_never_crash_and_never_pool(tmp_path):
    # unflagged hostile numbers (the extractor should flag them; this stage must survive if it does not)
    rows = AZA_RTX + [
        est("h0", "h1", "HR", 0.0, 0.0, 1.2, intervention="azathioprine", comparator="rituximab"),
        est("hrev", "h2", "HR", 1.5, 3.0, 0.8, intervention="azathioprine", comparator="rituximab"),
        est("hneg", "h3", "OR", -2.0, -3.0, 1.0, intervention="azathioprine", comparator="rituximab"),
        est("hp", "h4", "HR", 1.4, p_value=1.7, intervention="azathioprine", comparator="rituximab"),
        est("hnan", "h5", "HR", float("nan"), intervention="azathioprine", comparator="rituximab"),
        est("hout", "h6", "HR", 0.49, 0.9, 1.26, intervention="azathioprine", comparator="rituximab"),
        est("hunk", "h6", "HAZARD", 0.5, 0.2, 0.9, intervention="azathioprine", comparator="rituximab"),
    ]
    documents = pd.concat([AZA_RTX_DOCS, docs(*({"doc_id": f"h{i}"} for i in range(1, 7)))])
    result = synthesize(pd.DataFrame(rows), documents)
    write_outputs(result, tmp_path / "p", tmp_path / "r")
    assert cell_of(result, "e-jeong")["estimate_ids"] == "e-cohort3;e-jeong;e-seed000"
    members = result.members.set_index("estimate_id")
    for eid in ("h0", "hrev", "hneg", "hp", "hnan", "hout"):
        assert not (members.at[eid, "included"] and members.at[eid, "cell_id"] == members.at["e-jeong", "cell_id"])
    assert "does not contain" in members.at["hout", "note"]
    assert members.at["hunk", "reason"] == "unknown measure 'HAZARD'"


def test_forest_plot_survives_a_runaway_interval(tmp_path):
    # two small cohorts with opposite results: Knapp-Hartung on k = 2 gives an enormous interval
    rows = [est("w1", "d1", "HR", 8.0, 2.0, 32.0, intervention="azathioprine", comparator="rituximab"),
            est("w2", "d2", "HR", 0.1, 0.02, 0.5, intervention="azathioprine", comparator="rituximab")]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"}, {"doc_id": "d2"}),
                        options=SynthesisOptions(pool_two_studies=True))
    assert result.pooled.iloc[0]["ci_high"] > 1e6
    write_outputs(result, tmp_path / "p", tmp_path / "r")
    from evidence_review.synthesis.forest import _fmt, draw_forest
    texts = [t.get_text() for t in draw_forest(result.fits[0]).axes[0].texts]
    row = result.pooled.iloc[0]
    # the diamond is clipped to the axis, the printed interval is not
    assert f"{_fmt(row['estimate'])} [{_fmt(row['ci_low'])}, {_fmt(row['ci_high'])}]" in texts
    svg = (tmp_path / "r" / "figures" / f"{result.pooled.iloc[0]['cell_id']}.svg").read_text(encoding="utf-8")
    assert f">{_fmt(row['estimate'])} [{_fmt(row['ci_low'])}, {_fmt(row['ci_high'])}]</text>" in svg


def test_single_proportion_row_uses_an_exact_interval():
    # "all 7 patients on MS disease-modifying agents relapsed": 7/7
    rows = [est("a7", "d1", "PROPORTION", 1.0, intervention="interferon beta", outcome="relapse", events=7, total=7,
                condition="mogad")]
    row = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"})).pooled.iloc[0]
    assert row["method"] == "single study" and row["estimate"] == 1.0
    assert row["ci_high"] == pytest.approx(1.0) and row["ci_low"] == pytest.approx(0.025 ** (1 / 7), rel=1e-9)
    assert row["ci_method"].startswith("Clopper-Pearson")


def test_rates_in_different_units_never_pool():
    # CHAMPION MG: clinical-deterioration events per 100 patient-years next to a rate per patient-year
    rows = [dict(est("u1", "d1", "ARR", 44.4, 30.0, 65.0, intervention="ravulizumab", outcome="annualized relapse rate",
                     condition="myasthenia gravis"), unit="per 100 patient-years"),
            dict(est("u2", "d2", "ARR", 0.5, 0.3, 0.8, intervention="ravulizumab", outcome="annualized relapse rate",
                     condition="myasthenia gravis"), unit="")]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"}, {"doc_id": "d2"}))
    assert result.pooled["k"].tolist() == [1, 1]
    assert "per 100 patient-years" in result.pooled.set_index("estimate_ids").at["u1", "notes"]


def test_rrr_flip_goes_through_the_risk_ratio():
    # "placebo vs ravulizumab: 50% relative reduction (95% CI 20-70%)" stored with placebo as intervention
    rows = [est("q1", "d1", "RRR", 0.5, 0.2, 0.7, intervention="placebo", comparator="ravulizumab",
                outcome="clinical deterioration", condition="myasthenia gravis")]
    member = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"})).members.iloc[0]
    assert member["flipped"] and member["intervention"] == "ravulizumab"
    # RR 0.5 (0.3-0.8) inverted is RR 2 (1.25-3.33): an RRR of -1 (-2.33 to -0.25)
    assert member["value"] == pytest.approx(-1.0)
    assert (member["ci_low"], member["ci_high"]) == pytest.approx((1 - 1 / 0.3, 1 - 1 / 0.8))


def test_options_from_notebook_parameters():
    options = SynthesisOptions.from_parameters(method="dl", test="z", sensitivity_methods=["reml", "EE"],
                                               pi_min_k="4")
    assert (options.method, options.sensitivity_methods, options.pi_min_k) == ("DL", ("REML", "EE"), 4)
    from evidence_review.errors import ConfigError
    with pytest.raises(ConfigError):
        SynthesisOptions.from_parameters(method="BAYES")
    with pytest.raises(ConfigError):
        SynthesisOptions.from_parameters(pooling_level="molecule")


def test_certainty_is_decided_once_with_its_reasons():
    # an estimate printed bare ("odds ratio: 8.75"): no interval at all
    bare = synthesize(pd.DataFrame([est("b1", "d1", "OR", 8.75, intervention="corticosteroid", comparator="placebo",
                                        outcome="relapse")]), docs({"doc_id": "d1"})).pooled.iloc[0]
    assert bare["certainty"] == "very low"
    assert "Imprecision: rated down two levels — no confidence interval" in bare["certainty_reasons"]
    assert "Risk of bias: not assessed" in bare["certainty_reasons"]
    assert list(synthesize(pd.DataFrame(AZA_RTX), AZA_RTX_DOCS).pooled.columns[:len(POOLED_COLUMNS)]) == POOLED_COLUMNS


def test_condition_case_does_not_split_cells_and_keeps_its_spelling():
    rows = [dict(r, condition=c) for r, c in zip(AZA_RTX, ["NMOSD", "NMOSD", "nmosd"])]
    row = synthesize(pd.DataFrame(rows), AZA_RTX_DOCS).pooled.iloc[0]
    assert row["k"] == 3 and row["condition"] == "NMOSD"


def test_before_after_comparisons_share_one_comparator():
    # a meta-analysis-free pair of pre/post studies: "ARR fell by 1.56 vs before rituximab", "vs baseline"
    rows = [est("ba1", "d1", "MD", -1.56, -1.82, -1.29, intervention="rituximab", comparator="before rituximab",
                outcome="annualized relapse rate"),
            est("ba2", "d2", "MD", -1.2, -1.6, -0.8, intervention="rituximab", comparator="baseline (pre-treatment)",
                outcome="annualized relapse rate")]
    row = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"}, {"doc_id": "d2"}),
                     options=SynthesisOptions(pool_two_studies=True)).pooled.iloc[0]
    assert row["k"] == 2 and row["comparator"] == "before treatment" and row["estimate"] < 0
    assert "Indirectness: rated down one level — a before-after comparison" in row["certainty_reasons"]


def test_forest_plot_layout():
    from evidence_review.synthesis.forest import draw_forest
    result = synthesize(pd.DataFrame(AZA_RTX), AZA_RTX_DOCS)
    fit = next(f for f in result.fits if len(f.studies) == 3)
    ax = draw_forest(fit).axes[0]
    labels = [t for _, t in row_labels(ax)]
    assert labels[:3] == list(fit.studies["study"]) and labels[3].startswith("Total (REML, HK ad hoc")
    assert "Jeong 2016" in labels  # "Surname Year" from the first author "Jeong IH"
    assert labels[4] == "Prediction interval"
    assert ax.get_xscale() == "log"
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("← favours azathioprine") for t in texts)
    assert any(t == f"{fit.studies['weight'].iloc[0]:.1f}%" for t in texts)
    md = synthesize(pd.DataFrame([
        est("d1", "x1", "MD", -1.56, -1.82, -1.29, intervention="rituximab", comparator="before rituximab",
            outcome="annualized relapse rate"),
        est("d2", "x2", "MD", -1.2, -1.6, -0.8, intervention="rituximab", comparator="baseline",
            outcome="annualized relapse rate")]), docs({"doc_id": "x1"}, {"doc_id": "x2"}))
    md_ax = draw_forest(md.fits[0]).axes[0]
    md_labels = [t for _, t in row_labels(md_ax)]
    assert md_ax.get_xscale() == "linear" and "Prediction interval" not in md_labels
    assert md_labels[-1] == "Not pooled (2 studies)" and not md_ax.patches  # no diamond


def test_egger_on_identical_variances_is_reported_not_fatal():
    # ten cohorts whose intervals all span a factor of 4 (same SE): the SE cannot be a moderator
    hrs = [1.2, 1.5, 0.9, 2.0, 1.1, 1.7, 1.3, 0.8, 1.9, 1.4]
    rows = [est(f"i{i}", f"doc{i}", "HR", h, h / 2, h * 2, intervention="azathioprine", comparator="rituximab")
            for i, h in enumerate(hrs)]
    with np.errstate(all="ignore"):
        result = synthesize(pd.DataFrame(rows), docs(*({"doc_id": f"doc{i}"} for i in range(10))))
    sens = result.sensitivity.set_index("analysis")
    assert result.pooled.iloc[0]["k"] == 10 and math.isfinite(result.pooled.iloc[0]["estimate"])
    egger = [a for a in sens.index if a.startswith("Egger")]
    assert len(egger) == 1
    row = sens.loc[egger[0]]
    assert math.isfinite(row["p"]) or str(row["notes"]).startswith("not computed")


def test_default_rate_unit_does_not_split_cells():
    rows = [dict(est("v1", "d1", "ARR", 0.12, 0.03, 0.21, intervention="rituximab", outcome="annualized relapse rate"),
                 unit="per patient-year"),
            dict(est("v2", "d2", "ARR", 0.2, 0.1, 0.35, intervention="rituximab", outcome="annualized relapse rate"),
                 unit="")]
    assert synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"}, {"doc_id": "d2"})).pooled["k"].tolist() == [2]


def test_forest_plot_of_2000_studies_keeps_a_readable_height_and_a_funnel_plot_from_ten(tmp_path):
    from evidence_review.synthesis.forest import COMPACT_ROWS_HEIGHT, draw_forest, draw_funnel, write_funnel
    rng = np.random.default_rng(11)
    hrs = np.exp(rng.normal(-0.3, 0.4, 2000))
    rows = [est(f"m{i}", f"doc{i}", "HR", float(h), float(h / 2), float(h * 2), intervention="azathioprine",
                comparator="rituximab") for i, h in enumerate(hrs)]
    documents = docs(*({"doc_id": f"doc{i}"} for i in range(2000)))
    result = synthesize(pd.DataFrame(rows), documents,
                        options=SynthesisOptions(leave1out_min_k=10 ** 6, bias_min_k=10 ** 6))
    fig = draw_forest(result.fits[0])
    width, height = fig.get_size_inches()
    assert height <= COMPACT_ROWS_HEIGHT + 3 and width < 14
    labels = [t for _, t in row_labels(fig.axes[0])]
    assert labels[0].startswith("Total (REML") and len(labels) <= 2  # no per-study labels at this size
    assert "2000 studies drawn as lines" in " ".join(t.get_text() for t in fig.texts)
    # the 2000 rows are two artists (CI lines, squares), not 4000
    lines = fig.axes[0].get_lines()
    assert len(lines) < 10 and max(len(line.get_xdata()) for line in lines) == 3 * 2000
    # a funnel plot needs ten studies of a comparison
    ten = synthesize(pd.DataFrame(rows[:12]), docs(*({"doc_id": f"doc{i}"} for i in range(12))))
    assert draw_funnel(ten.fits[0]) is not None
    assert [p.name for p in write_funnel(ten.fits[0], tmp_path)] == [f"{ten.fits[0].cell_id}-funnel.svg"]
    assert [p.name for p in write_funnel(ten.fits[0], tmp_path, ("png", "svg"))] == [
        f"{ten.fits[0].cell_id}-funnel.png", f"{ten.fits[0].cell_id}-funnel.svg"]
    few = synthesize(pd.DataFrame(AZA_RTX), AZA_RTX_DOCS)
    assert draw_funnel(next(f for f in few.fits if len(f.studies) == 3)) is None


def test_forest_plot_shows_subgroup_subtotals_and_the_test_for_subgroup_differences():
    from evidence_review.meta import subgroup_test
    from evidence_review.synthesis.forest import draw_forest
    from evidence_review.synthesis.pool import GradeContext, pool_cells
    # six cohorts reporting AZA vs RTX separately for AQP4-IgG-positive and -negative patients
    values = [(1.8, 1.1, 3.1, "AQP4-IgG positive"), (2.4, 1.2, 4.8, "AQP4-IgG positive"),
              (2.0, 1.0, 4.0, "AQP4-IgG positive"), (0.9, 0.5, 1.6, "AQP4-IgG negative"),
              (1.1, 0.6, 2.0, "AQP4-IgG negative"), (0.8, 0.4, 1.6, "AQP4-IgG negative")]
    rows = [dict(est(f"g{i}", f"doc{i}", "HR", v, lo, hi, intervention="azathioprine", comparator="rituximab"),
                 role="subgroup", subgroup=g) for i, (v, lo, hi, g) in enumerate(values)]
    result = synthesize(pd.DataFrame(rows), docs(*({"doc_id": f"doc{i}"} for i in range(6))))
    # the pipeline pools a subgroup only with the same subgroup: one cell per subgroup, never the trial's result
    assert sorted(zip(result.pooled["subgroup"], result.pooled["k"])) == [("AQP4-IgG negative", 3),
                                                                          ("AQP4-IgG positive", 3)]
    # the subgroup analysis across both: one cell holding both subgroups gets subtotals and the test
    members = result.members.assign(cell_id="aza-vs-rtx-by-aqp4")
    labels_of = {r["estimate_id"]: r["subgroup"] for r in rows}
    _, _, fits = pool_cells(members, context=GradeContext(subgroups=labels_of))
    fit = fits[0]
    assert fit.subgroups["levels"] == ["AQP4-IgG negative", "AQP4-IgG positive"]
    ref = subgroup_test(rma(fit.studies["yi"], fit.studies["vi"], test="adhoc"), list(fit.studies["subgroup"]))
    assert fit.subgroups["q"] == pytest.approx(ref.q, rel=1e-12) and fit.subgroups["df"] == 1
    fig = draw_forest(fit)
    labels = [t for _, t in row_labels(fig.axes[0])]
    # six study rows, then each subgroup's heading and subtotal, then the overall total
    assert labels[6:10] == ["AQP4-IgG negative", "Subtotal (k = 3)", "AQP4-IgG positive", "Subtotal (k = 3)"]
    assert labels[10].startswith("Total (REML")
    ticks = [y for y, _ in row_labels(fig.axes[0])]
    negative = set(fit.studies.loc[fit.studies["subgroup"] == "AQP4-IgG negative", "study"])
    rows_between_the_headings = [name for name, y in zip(labels[:6], ticks[:6]) if ticks[8] < y < ticks[6]]
    assert set(rows_between_the_headings) == negative
    bold = {t.get_text() for t in fig.axes[0].texts if t.get_gid() == "row-label" and t.get_fontweight() == "bold"}
    assert bold == {"AQP4-IgG negative", "AQP4-IgG positive"}  # the headings, not their studies
    assert len(fig.axes[0].get_yticks()) == 0  # rows are named by texts, not by one y tick each
    assert "test for subgroup differences: Q = " in " ".join(t.get_text() for t in fig.texts)


def test_conversion_flags_are_notes_and_problem_flags_still_exclude():
    # "lnHR 1.28 (95% CI 0.18 to 2.38)" stored back-transformed as HR 3.6 (1.2, 10.8); a conversion, not a problem
    rows = AZA_RTX + [
        est("log", "d6", "HR", 3.596, 1.197, 10.805, intervention="azathioprine", comparator="rituximab",
            flags="log_scale_back_transformed"),
        est("bad", "d7", "HR", 0.49, 0.9, 1.26, intervention="azathioprine", comparator="rituximab",
            flags="log_scale_back_transformed;ci_excludes_value"),
    ]
    result = synthesize(pd.DataFrame(rows), pd.concat([AZA_RTX_DOCS, docs({"doc_id": "d6"}, {"doc_id": "d7"})]))
    members = result.members.set_index("estimate_id")
    assert members.at["log", "included"] and members.at["log", "reason"] == ""
    assert "log scale" in members.at["log", "note"]
    assert "log" in cell_of(result, "e-jeong")["estimate_ids"].split(";")
    assert not members.at["bad", "included"]
    assert members.at["bad", "reason"] == "flagged by extraction (ci_excludes_value)"


def test_an_sd_derived_from_the_se_is_a_note_of_the_mean_difference():
    # "The mean (SE) MG-ADL score was 4.70 (0.33) with nipocalimab (n = 77) and 6.25 (0.34) with placebo (n = 76)"
    arms = []
    for estimate_id, arm, mean, se, sd, n in (("a1", "nipocalimab", 4.7, 0.33, 2.895738, 77),
                                                 ("a2", "placebo", 6.25, 0.34, 2.964051, 76)):
        row = est(estimate_id, "vivacity", "MEAN", mean, intervention=arm, outcome="mg-adl score",
                  condition="myasthenia gravis", timepoint="week 24", total=n, start=120, flags="sd_from_se")
        row.update(sd=sd, se=se, role="effect")
        arms.append(row)
    result = synthesize(pd.DataFrame(arms), docs({"doc_id": "vivacity", "design": "rct",
                                                   "condition": "myasthenia gravis", "n_total": 153}))
    derived = result.members[result.members["measure"] == "MD"]
    assert len(derived) == 1 and bool(derived.iloc[0]["included"])
    assert derived.iloc[0]["flags"] == "sd_from_se"
    assert "derived from the printed SE" in derived.iloc[0]["note"]
    assert derived.iloc[0]["value"] == pytest.approx(4.7 - 6.25)


@pytest.mark.parametrize("authors", ["Jing Zhou; Xiaolin Yang", "Zhou J; Yang X", "Jing Zhou, Xiaolin Yang"])
def test_cell_estimates_name_studies_by_family_name_and_year(tmp_path, authors):
    documents = docs({"doc_id": "jeong2016", "n_total": 198, "authors": "Jeong IH; Park B", "year": 2016},
                     {"doc_id": "seed000", "n_total": 61, "authors": authors, "year": 2025.0},
                     {"doc_id": "cohort3", "n_total": 120})
    write_outputs(synthesize(pd.DataFrame(AZA_RTX), documents), tmp_path / "processed", tmp_path / "reports")
    cell_estimates = pd.read_csv(tmp_path / "processed" / "cell_estimates.csv").set_index("estimate_id")
    assert cell_estimates.at["e-seed000", "study"] == "Zhou 2025"
    assert cell_estimates.at["e-jeong", "study"] == "Jeong 2016"
    assert cell_estimates.at["e-cohort3", "study"] == "cohort3"  # no author: the source file's stem


@pytest.mark.parametrize("method,test", [("REML", "adhoc"), ("PM", "knha"), ("DL", "z"), ("SJ", "adhoc")])
def test_every_cell_pooled_in_one_pass_equals_the_engine_one_cell_at_a_time(method, test):
    """The synthesis pools all cells in one vectorized pass (meta.rma_many); each row equals rma() on the cell."""
    rng = np.random.default_rng(3)
    rows, documents = [], []
    for c, k in enumerate([3, 4, 7, 12, 25]):
        for i in range(k):
            hr = float(np.exp(rng.normal(0.3 * c - 0.5, 0.35)))
            width = float(np.exp(rng.uniform(0.2, 1.0)))
            rows.append(est(f"c{c}s{i}", f"c{c}d{i}", "HR", round(hr, 3), round(hr / width, 3), round(hr * width, 3),
                            intervention=f"drug{c}", comparator="placebo"))
            documents.append({"doc_id": f"c{c}d{i}"})
    result = synthesize(pd.DataFrame(rows), docs(*documents),
                        options=SynthesisOptions(method=method, test=test, leave1out_min_k=10 ** 6,
                                                 bias_min_k=10 ** 6))
    assert len(result.pooled) == 5
    for fit in result.fits:
        one = rma(fit.studies["yi"], fit.studies["vi"], method=method, test=test, study=list(fit.studies["study"]))
        row = fit.row
        assert row["estimate"] == pytest.approx(math.exp(one.estimate), rel=1e-12)
        assert [row["ci_low"], row["ci_high"]] == pytest.approx([math.exp(one.ci_low), math.exp(one.ci_high)],
                                                                rel=1e-12)
        assert [row["tau2"], row["i2"], row["q"]] == pytest.approx([one.tau2, one.i2, one.q], rel=1e-10, abs=1e-13)
        assert [row["tau2_ci_low"], row["tau2_ci_high"]] == pytest.approx([one.tau2_ci_low, one.tau2_ci_high],
                                                                          rel=1e-10, abs=1e-13)
        assert list(fit.studies["weight"]) == pytest.approx(list(one.weights), rel=1e-12)
        assert fit.result.notes == one.notes and row["method"] == one.method and row["ci_method"] == one.test


def test_figures_drawn_on_worker_processes_are_the_same_bytes(tmp_path):
    """The forest plots are independent of each other: drawn on a pool of processes (parallel.map_partitions)
    they are byte for byte those drawn in this process, and single-study cells still get none."""
    rows = [est(f"p{c}{i}", f"d{c}{i}", "HR", 0.7 + 0.1 * i + 0.05 * c, 0.4 + 0.05 * i, 1.3 + 0.1 * i,
                intervention=f"drug{c}", comparator="placebo") for c in range(3) for i in range(3)]
    rows.append(est("single", "dsingle", "HR", 0.8, 0.5, 1.2, intervention="drug9", comparator="placebo"))
    result = synthesize(pd.DataFrame(rows), docs(*({"doc_id": r["doc_id"]} for r in rows)))
    files = {}
    for scheduler in ("synchronous", "processes"):
        write_outputs(result, tmp_path / scheduler / "processed", tmp_path / scheduler / "reports",
                      scheduler=scheduler)
        folder = tmp_path / scheduler / "reports" / "figures"
        files[scheduler] = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    assert files["processes"] == files["synchronous"]
    assert len(files["synchronous"]) == 3  # the PNG of each of the three cells of three studies
    single = cell_of(result, "single").name
    assert not any(name.startswith(single) for name in files["synchronous"])


def test_automatic_figures_are_drawn_on_forked_workers_with_the_same_bytes(tmp_path, monkeypatch):
    """From FIGURE_POOL_MIN_ITEMS figures the automatic scheduler draws them on processes forked from this one
    (they start with matplotlib and the fits in memory, unlike spawned workers); the files are those drawn in
    this process, byte for byte, and threads or a single process never fork."""
    from evidence_review.synthesis import pipeline

    sizes = [3] * pipeline.FIGURE_POOL_MIN_ITEMS
    estimates, documents = _cells_of_sizes(sizes)
    result = synthesize(estimates, documents)
    monkeypatch.setattr(pipeline.parallel, "cpu_count", lambda: 2)
    assert pipeline._figure_workers("", len(sizes)) == 2
    assert pipeline._figure_workers("", pipeline.FIGURE_POOL_MIN_ITEMS - 1) == 0
    assert pipeline._figure_workers("threads", 100) == pipeline._figure_workers("synchronous", 100) == 0
    forked, events = [], []
    real, real_table = pipeline._write_figures_forked, pipeline.write_table
    monkeypatch.setattr(pipeline, "_write_figures_forked",
                        lambda items, workers: forked.append(workers) or events.append("draw") or real(items, workers))
    monkeypatch.setattr(pipeline, "write_table",
                        lambda kind, df, path: events.append(kind) or real_table(kind, df, path))
    files, tables = {}, {}
    for scheduler in ("", "synchronous"):
        folder = tmp_path / (scheduler or "automatic")
        write_outputs(result, folder / "processed", folder / "reports", scheduler=scheduler)
        files[scheduler] = {p.name: p.read_bytes() for p in sorted((folder / "reports" / "figures").iterdir())}
        tables[scheduler] = {p.name: p.read_bytes() for p in sorted((folder / "processed").iterdir())}
    assert forked == [2]  # the automatic run forked two workers; the synchronous one drew here
    assert len(files[""]) == len(sizes) and files[""] == files["synchronous"]
    # the forked workers draw while this process writes the tables
    assert events[0] == "draw" and events[1:events.index("summary_of_findings") + 1] == [
        "pooled", "sensitivity", "cell_estimates", "orphan_decisions", "appraisal_issues", "summary_of_findings"]
    assert tables[""] == tables["synchronous"] and "pooled.csv" in tables[""]


def test_a_cells_studies_table_is_built_only_when_read():
    """pool_cells keeps each cell's studies as columns of lists; the DataFrame is built when the plots or the
    metafor export read it, so the thousands of single-study cells of a large corpus never build one. Both forms
    give the same table."""
    from evidence_review.synthesis.pool import CellFit

    estimates, documents = _cells_of_sizes([3, 1, 1])
    result = synthesize(estimates, documents)
    single = [f for f in result.fits if f.k == 1]
    assert len(single) == 2 and all(isinstance(f._studies, dict) for f in single)  # the SoF did not build one
    fit = next(f for f in result.fits if f.k == 3)
    columns = fit.study_columns
    table = fit.studies
    assert isinstance(table, pd.DataFrame) and len(table) == 3 and list(table.columns) == list(columns)
    again = CellFit(fit.cell_id, fit.measure, fit.intervention, fit.comparator, fit.outcome, table.copy(),
                    fit.result, fit.show_pi)
    assert again.k == 3 and list(again.study_columns) == list(table.columns)
    pd.testing.assert_frame_equal(pd.DataFrame(again.study_columns), table)
    pd.testing.assert_frame_equal(pd.DataFrame(columns), table)
    assert list(table["weight"]) == pytest.approx(list(fit.result.weights))


def test_metafor_csv_is_the_bytes_pandas_writes_for_the_table():
    """The metafor export is written without a DataFrame per cell, the same text `write_csv_atomic` gives for
    `metafor_table`, also for labels that need quoting (a comma, a quote, a line break)."""
    from evidence_review.synthesis.export import metafor_csv, metafor_table
    from evidence_review.synthesis.pool import CellFit

    studies = {"study": ['Smith, "A" 2020', "Lee\n2019", "Ørsted 2021"], "yi": [-0.1, 0.2, float("nan")],
               "vi": [0.01, 1e-20, 0.3]}
    fit = CellFit("cell-x", "HR", "drug", "placebo", "relapse", studies, None, False)
    assert metafor_csv(fit) == metafor_table(fit).to_csv(index=False, lineterminator="\n")
    estimates, documents = _cells_of_sizes([3])
    pooled = next(f for f in synthesize(estimates, documents).fits if f.k == 3)
    assert metafor_csv(pooled) == metafor_table(pooled).to_csv(index=False, lineterminator="\n")


def test_metafor_csvs_written_together_are_each_cell_s_text(tmp_path):
    from evidence_review.synthesis.export import metafor_csv, write_metafor_csv, write_metafor_csvs

    estimates, documents = _cells_of_sizes([3, 4, 2])
    fits = [f for f in synthesize(estimates, documents).fits if f.k >= 2]
    assert len(fits) == 3
    paths = write_metafor_csvs(fits, tmp_path / "together")
    assert [p.name for p in paths] == [f"{f.cell_id}.csv" for f in fits]
    for fit, path in zip(fits, paths):
        assert path.read_text(encoding="utf-8") == metafor_csv(fit)
        assert path.read_bytes() == write_metafor_csv(fit, tmp_path / "one_by_one").read_bytes()


def _cells_of_sizes(sizes: list[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One HR cell per entry of `sizes`, with that many studies (drug<c> vs placebo), and their documents."""
    rows = [est(f"s{c}-{i}", f"d{c}-{i}", "HR", 0.6 + 0.03 * i + 0.02 * c, 0.3 + 0.02 * i, 1.2 + 0.03 * i,
                intervention=f"drug{c}", comparator="placebo") for c, k in enumerate(sizes) for i in range(k)]
    return pd.DataFrame(rows), docs(*({"doc_id": r["doc_id"]} for r in rows))


def test_plots_are_drawn_for_the_cells_with_the_most_studies_only(tmp_path):
    """`plot_cells` bounds the plots a run draws: the cells with the most studies first (the report's order, ties
    in table order); every pooled cell keeps its metafor CSV, and a later run with a smaller limit removes the
    plots of the cells it no longer draws."""
    from evidence_review.synthesis.pipeline import plotted_fits
    estimates, documents = _cells_of_sizes([2, 4, 3, 4, 1])
    result = synthesize(estimates, documents)
    pooled = result.pooled.set_index("cell_id")
    ranked = [f.cell_id for f in plotted_fits(result.fits, result.pooled, plot_cells=0)]
    assert [int(pooled.loc[c, "k"]) for c in ranked] == [4, 4, 3, 2]  # the single-study cell has no plot
    ties = [c for c in ranked if pooled.loc[c, "k"] == 4]
    assert ties == [c for c in result.pooled["cell_id"] if c in ties]  # table order on ties
    write_outputs(result, tmp_path / "p", tmp_path / "r", plot_cells=0)
    assert sorted(p.stem for p in (tmp_path / "r" / "figures").iterdir()) == sorted(ranked)
    write_outputs(result, tmp_path / "p", tmp_path / "r", plot_cells=2)
    assert sorted(p.name for p in (tmp_path / "r" / "figures").iterdir()) == sorted(f"{c}.svg" for c in ranked[:2])
    assert sorted(p.stem for p in (tmp_path / "r" / "metafor").iterdir()) == sorted(ranked)
    with pytest.raises(ConfigError, match="figure format"):
        write_outputs(result, tmp_path / "p", tmp_path / "r", figure_formats="png,pdf")


def test_svg_by_default_png_only_when_asked_and_both_formats_are_the_same_bytes_on_rerun(tmp_path):
    estimates, documents = _cells_of_sizes([3, 12])
    result = synthesize(estimates, documents)
    runs = {}
    for run, formats in (("default", None), ("png", "png"), ("both", "png,svg"), ("again", ["svg", "PNG"])):
        write_outputs(result, tmp_path / run / "p", tmp_path / run / "r",
                      **({} if formats is None else {"figure_formats": formats}))
        runs[run] = {p.name: p.read_bytes() for p in sorted((tmp_path / run / "r" / "figures").iterdir())}
    assert {n.rsplit(".", 1)[1] for n in runs["default"]} == {"svg"} and len(runs["default"]) == 3
    assert {n.rsplit(".", 1)[1] for n in runs["png"]} == {"png"} and len(runs["png"]) == 3  # 2 forests, 1 funnel
    # the SVG keeps its text as text (no glyph outlines), laid out with DejaVu Sans and naming fallbacks for a
    # browser without it
    svg = next(b for n, b in runs["default"].items() if not n.endswith("-funnel.svg")).decode("utf-8")
    assert "<text" in svg and "DejaVuSans-" not in svg
    fonts = "font-family: 'DejaVu Sans', 'Liberation Sans', 'Arial', 'Helvetica', sans-serif"
    # said once, in the SVG's stylesheet, not on each text; no rotations by 0 degrees
    assert svg.count("font-family") == 1 and "text{" + fonts + "}" in svg and "rotate(-0 " not in svg
    assert svg.count("<text") >= 10
    # an SVG whose texts name another font is left as it is
    from evidence_review.synthesis.forest import compact_svg
    other = svg.replace("text{" + fonts + "}", "").replace('<text style="', '<text style="font-size: 9px; font-family: serif; ')
    assert compact_svg(other.encode("utf-8")) == other.encode("utf-8")
    assert all(runs["default"][n] == runs["both"][n] for n in runs["default"])
    assert {n for n in runs["both"] if n.endswith(".svg")} == {n[:-4] + ".svg" for n in runs["png"]}
    assert runs["both"] == runs["again"]
    assert all(runs["both"][n] == b for n, b in runs["png"].items())  # the PNG does not depend on the SVG


def test_a_funnel_plot_title_stays_inside_the_figure_with_a_long_comparison():
    """The funnel plot's title holds the comparison and outcome on one line (shortened when long) and the numbers
    (k, Egger's p) on a second, so that neither runs past the figure's right edge."""
    from evidence_review.synthesis.forest import draw_funnel
    hrs = [1.2, 1.5, 0.9, 2.0, 1.1, 1.7, 1.3, 0.8, 1.9, 1.4, 1.0]
    rows = [est(f"w{i}", f"doc{i}", "HR", h, h / (1.5 + i / 10), h * (1.5 + i / 10),
                intervention="mycophenolate mofetil with low-dose prednisolone",
                comparator="Wide-Margin Maximum Tolerated Methotrexate", outcome="worsening of disability on EDSS")
            for i, h in enumerate(hrs)]
    with np.errstate(all="ignore"):
        result = synthesize(pd.DataFrame(rows), docs(*({"doc_id": f"doc{i}"} for i in range(len(hrs)))))
    fig = draw_funnel(next(f for f in result.fits if f.k == len(hrs)))
    fig.canvas.draw()
    title = fig._suptitle
    first, second = title.get_text().split("\n")
    assert first.startswith("Funnel plot: ") and first.endswith("…") and second.startswith(f"k = {len(hrs)}; Egger")
    assert title.get_window_extent(fig.canvas.get_renderer()).x1 <= fig.bbox.x1


def test_svg_text_measurements_are_remembered_across_figures_with_the_same_bytes(monkeypatch):
    """The SVG renderer's text measurements come from a per-process memo during the forest module's saves: a
    second plot measures only the strings the first did not have, a save outside the memo's context or under
    other rc parameters measures anew, and the bytes are those of saves that measure every string."""
    import io

    import matplotlib

    from evidence_review.synthesis import forest, svgtext
    estimates, documents = _cells_of_sizes([3, 12])
    fits = [f for f in synthesize(estimates, documents).fits if f.k >= 2]
    measured = []
    original = svgtext._measure

    def counting(self, s, prop, ismath):
        measured.append(s)
        return original(self, s, prop, ismath)

    monkeypatch.setattr(svgtext, "_measure", counting)
    monkeypatch.setattr(svgtext, "_memo", {})
    first = forest.format_bytes(forest.draw_forest(fits[0]), "svg")
    assert "Weight" in measured
    measured.clear()
    assert forest.format_bytes(forest.draw_forest(fits[0]), "svg") == first and measured == []
    forest.format_bytes(forest.draw_forest(fits[1]), "svg")
    assert "Weight" not in measured and len(set(measured)) == len(measured)  # only strings new to the process

    def save_unremembered(fig) -> bytes:
        out = io.BytesIO()
        with matplotlib.rc_context(forest._theme()):
            fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
        return forest.compact_svg(out.getvalue())

    measured.clear()
    assert save_unremembered(forest.draw_forest(fits[0])) == first and "Weight" in measured
    # other rc parameters (another theme's fonts) are measured anew, never read from this theme's memo
    measured.clear()
    fig = forest.draw_forest(fits[0])
    with matplotlib.rc_context({"font.sans-serif": ["DejaVu Sans"]}), svgtext.remembered_text_metrics():
        fig.savefig(io.BytesIO(), format="svg")
    assert "Weight" in measured


def test_run_synthesis_draws_the_plots_while_the_sensitivity_analyses_run(tmp_path, monkeypatch):
    """run_synthesis starts drawing on forked workers from the end of the pooling's first pass (EarlyFigures), before
    the leave-one-out refits, the other sensitivity analyses and the certainty; the tables and plots are byte for
    byte those of a run drawing in this process after the pooling, and the plotted cells those of plotted_fits on
    the final pooled table. Egger's test (run in the first pass for the funnel plot) is in sensitivity.csv once."""
    from evidence_review.synthesis import pipeline, pool
    from evidence_review.synthesis.pipeline import plotted_fits, run_synthesis
    from evidence_review.tables import write_csv_atomic

    monkeypatch.setattr(pipeline.parallel, "cpu_count", lambda: 2)
    sizes = [3, 12, 4, 2, 1, 5, 3, 10, 6, 3, 4]   # two cells of ten or more: funnel plots and Egger's test
    estimates, documents = _cells_of_sizes(sizes)
    events = []
    real_forked, real_loo = pipeline._write_figures_forked, pool.leave_one_out_many
    monkeypatch.setattr(pipeline, "_write_figures_forked",
                        lambda items, workers: events.append(("draw", len(items))) or real_forked(items, workers))
    monkeypatch.setattr(pool, "leave_one_out_many", lambda fits: events.append(("leave-one-out",)) or real_loo(fits))
    real_prepare = pool._prepare_cell

    def prepare(cell_id, recs, context, z):
        if sum(1 for r in recs if r["included"]) == 1:
            events.append(("single-study cell",))
        return real_prepare(cell_id, recs, context, z)

    monkeypatch.setattr(pool, "_prepare_cell", prepare)
    outputs, results = {}, {}
    for scheduler in ("", "synchronous"):
        folder = tmp_path / (scheduler or "automatic")
        write_csv_atomic(estimates, folder / "processed" / "estimates.csv")
        write_csv_atomic(documents, folder / "processed" / "documents.csv")
        results[scheduler] = run_synthesis(folder / "processed", None, folder / "reports", scheduler=scheduler,
                                           plot_cells=8)
        outputs[scheduler] = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
                              if p.is_file()}
    plotted = plotted_fits(results[""].fits, results[""].pooled, 8)
    # the automatic run drew from the first pass on, before even the single-study cells were prepared
    assert events[:3] == [("draw", 8), ("single-study cell",), ("leave-one-out",)]
    assert ("draw", 8) not in events[2:]                      # ... and only then; the synchronous one drew here
    assert outputs[""] == outputs["synchronous"]
    figures = sorted(name for name in outputs[""] if name.startswith("reports/figures/"))
    assert figures == sorted([f"reports/figures/{f.cell_id}.svg" for f in plotted]
                             + [f"reports/figures/{f.cell_id}-funnel.svg" for f in plotted if f.k >= 10])
    sensitivity = results[""].sensitivity
    assert (sensitivity["analysis"].str.startswith("Egger")).sum() == 2
    assert sorted(f.egger_p is not None for f in results[""].fits if f.k >= 10) == [True, True]
    assert all(f.grade is not None for f in results[""].fits)


def test_early_figures_are_dropped_when_the_final_ranking_differs(tmp_path, monkeypatch):
    """write_outputs takes the early drawing only when it drew exactly the cells the final pooled table ranks
    first, in order; otherwise it stops it and draws them itself, and the plots of other cells are removed."""
    from evidence_review.synthesis import pipeline

    monkeypatch.setattr(pipeline.parallel, "cpu_count", lambda: 2)
    estimates, documents = _cells_of_sizes([3] * 10)
    result = synthesize(estimates, documents)
    pooled_fits = [f for f in result.fits if f.k >= 2]
    figures = tmp_path / "r" / "figures"
    early = pipeline.EarlyFigures(figures, ("svg",), 8, "")
    early.start(pooled_fits, result.pooled.iloc[::-1].reset_index(drop=True))   # another order: other cells
    assert early.drawing is not None and len(early.cell_ids) == 8
    write_outputs(result, tmp_path / "p", tmp_path / "r", plot_cells=8, early=early)
    assert early.drawing is None
    expected = [f.cell_id for f in pipeline.plotted_fits(pooled_fits, result.pooled, 8)]
    assert expected != early.cell_ids
    assert sorted(p.stem for p in figures.iterdir()) == sorted(expected)


def test_cell_ids_and_canonical_arms_remembered_per_text_are_those_computed():
    """cell_id_for and canonical_arm remember their answer per text (the pooling stage asks tens of thousands of
    times for a few thousand keys): the same ids and names as computed afresh, and a key holding a number is not
    taken for one holding an equal number of another type (1, 1.0 and True are equal, but not as JSON)."""
    import hashlib
    import json

    from evidence_review.synthesis.cells import cell_id_for
    from evidence_review.synthesis.classes import canonical_arm

    def fresh(key):
        return "cell-" + hashlib.sha1(json.dumps(list(key), ensure_ascii=False).encode("utf-8")).hexdigest()[:12]

    key = ("nmosd", "relapse", "HR", "rituximab", "azathioprine", "", "")
    assert cell_id_for(key) == cell_id_for(list(key)) == fresh(key)
    assert cell_id_for(key) == fresh(key)       # remembered: the same again
    ids = {cell_id_for(("a", 1)), cell_id_for(("a", 1.0)), cell_id_for(("a", True))}
    assert ids == {fresh(("a", 1)), fresh(("a", 1.0)), fresh(("a", True))} and len(ids) == 3
    for arm, expected in (("  Rituximab ", "rituximab"), ("B + a", "a + b"), ("a  +  B", "a + b"), ("", ""),
                          (None, ""), (float("nan"), "")):
        assert canonical_arm(arm) == canonical_arm(arm) == expected
