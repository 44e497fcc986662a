"""Pooling like with like (issue 14): comparative effects from two arms' data, roles and subgroups in cells,
adjusted vs unadjusted, control arms never an intervention cell, the trials' own direction. Rows are shaped like
the extraction of the seed and development corpora (TAC vs IVCY, BLISS-LN, RIN-1, CHAMPION-MG, TANGO)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from evidence_review.meta import escalc
from evidence_review.synthesis.from_arms import add_effects_from_arms, effects_from_arms
from evidence_review.synthesis.pipeline import synthesize
from evidence_review.tables import ESTIMATE_COLUMNS


def est(estimate_id, doc_id, measure, value, ci_low=None, ci_high=None, *, intervention, comparator="",
        outcome="relapse", condition="nmosd", timepoint="", events=None, total=None, start=0, evidence="",
        role="effect", subgroup="", adjusted="unknown", needs_review="", sd=None) -> dict:
    row = {c: None for c in ESTIMATE_COLUMNS}
    row.update(estimate_id=estimate_id, doc_id=doc_id, source_file=f"{doc_id}.txt", measure=measure, value=value,
               ci_low=ci_low, ci_high=ci_high, ci_level=0.95, intervention=intervention, comparator=comparator,
               outcome=outcome, timepoint=timepoint, condition=condition, events=events, total=total, start=start,
               end=start + 100, evidence=evidence, flags="", decision="", role=role, subgroup=subgroup,
               adjusted=adjusted, needs_review=needs_review, from_arms="", sd=sd)
    return row


def docs(*rows) -> pd.DataFrame:
    base = {"doc_id": "", "design": "RCT", "duplicate_of": "", "condition": "nmosd", "n_total": 100,
            "authors": "", "year": None, "source_file": ""}
    return pd.DataFrame([{**base, **r} for r in rows])


TAC_IVCY = "The complete or partial response rate was 83.0% (117/141) in the tacrolimus group and 75.0% (93/124) in the IVCY group."


def tac_ivcy_rows():
    return [est("tac", "ln1", "PROPORTION", 0.83, intervention="tacrolimus", events=117, total=141, start=500,
                outcome="complete or partial renal response", condition="lupus nephritis", evidence=TAC_IVCY),
            est("ivcy", "ln1", "PROPORTION", 0.75, intervention="cyclophosphamide", events=93, total=124, start=500,
                outcome="complete or partial renal response", condition="lupus nephritis", evidence=TAC_IVCY)]


def test_two_arms_counts_give_a_risk_ratio_through_the_engine():
    derived = effects_from_arms(pd.DataFrame(tac_ivcy_rows())).set_index("measure")
    rr = derived.loc["RR"]
    assert (rr["intervention"], rr["comparator"]) == ("tacrolimus", "cyclophosphamide")
    assert (round(rr["value"], 2), round(rr["ci_low"], 2), round(rr["ci_high"], 2)) == (1.11, 0.98, 1.26)
    yi, vi = escalc("RR", ai=np.array([117.0]), n1i=np.array([141.0]), ci=np.array([93.0]), n2i=np.array([124.0]))
    assert math.log(rr["value"]) == pytest.approx(float(yi[0]), rel=1e-9)
    assert rr["from_arms"] == "tac;ivcy" and (rr["n_intervention"], rr["n_comparator"]) == (141, 124)
    assert set(derived.index) == {"RR", "OR", "RD"}
    assert derived.loc["RD", "value"] == pytest.approx(117 / 141 - 93 / 124)


def test_derived_comparison_is_pooled_and_its_arms_are_not():
    result = synthesize(pd.DataFrame(tac_ivcy_rows()), docs({"doc_id": "ln1", "condition": "lupus nephritis"}))
    pooled = result.pooled.set_index("measure")
    assert pooled.at["RR", "intervention"] == "tacrolimus" and pooled.at["RR", "comparator"] == "cyclophosphamide"
    assert "PROPORTION" not in pooled.index
    members = result.members.set_index("estimate_id")
    assert "enter the comparison computed from the arms" in members.at["tac", "reason"]


def test_two_arm_means_give_md_and_smd():
    rows = [est("m1", "mg1", "MEAN", -3.1, intervention="efgartigimod", total=40, sd=2.5, outcome="mg-adl change",
                start=10, evidence="-3.1 (SD 2.5) with efgartigimod and -1.2 (SD 2.2) with placebo"),
            est("m2", "mg1", "MEAN", -1.2, intervention="placebo", total=42, sd=2.2, outcome="mg-adl change",
                start=10, evidence="-3.1 (SD 2.5) with efgartigimod and -1.2 (SD 2.2) with placebo")]
    derived = effects_from_arms(pd.DataFrame(rows)).set_index("measure")
    assert derived.at["MD", "value"] == pytest.approx(-1.9)
    yi, _ = escalc("SMD", m1i=np.array([-3.1]), sd1i=np.array([2.5]), n1i=np.array([40.0]), m2i=np.array([-1.2]),
                   sd2i=np.array([2.2]), n2i=np.array([42.0]))
    assert derived.at["SMD", "value"] == pytest.approx(float(yi[0]))
    assert (derived.at["MD", "intervention"], derived.at["MD", "comparator"]) == ("efgartigimod", "placebo")


def test_a_printed_effect_is_used_and_the_derived_one_kept_as_a_check():
    rows = [est("bel", "bliss", "PROPORTION", 0.36, intervention="belimumab", events=27, total=75, start=9,
                role="subgroup", subgroup="relapsed", outcome="primary efficacy renal response"),
            est("pbo", "bliss", "PROPORTION", 0.227, intervention="placebo", events=17, total=75, start=9,
                role="subgroup", subgroup="relapsed", outcome="primary efficacy renal response"),
            est("or", "bliss", "OR", 2.31, 1.07, 5.01, intervention="belimumab", comparator="placebo", start=9,
                role="subgroup", subgroup="relapsed", outcome="primary efficacy renal response")]
    table = add_effects_from_arms(pd.DataFrame(rows))
    derived_or = table[(table["measure"] == "OR") & (table["from_arms"] != "")].iloc[0]
    assert derived_or["check_of"] == "or"
    assert table.set_index("estimate_id").at["or", "needs_review"] == ""   # 2.31 agrees with 27/75 vs 17/75
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "bliss", "condition": "lupus nephritis", "n_total": 448}))
    cell = result.pooled[result.pooled["measure"] == "OR"]
    assert cell["estimate_ids"].tolist() == ["or"]
    # the subgroup's size, not the whole trial's 448, and the subgroup named in the cell's notes
    assert cell["n_total"].tolist() == [150]
    assert "subgroup: relapsed" in cell["notes"].iloc[0]


def test_a_printed_difference_its_arms_contradict_goes_to_review():
    # RIN-1 as first extracted: "group difference 36.8%" (placebo minus rituximab) stored as rituximab vs placebo
    rows = [est("rtx", "rin1", "PROPORTION", 0.0, intervention="rituximab", events=0, total=19, start=5),
            est("pbo", "rin1", "PROPORTION", 0.37, intervention="placebo", events=7, total=19, start=5),
            est("rd", "rin1", "RD", 0.368, 0.123, 0.655, intervention="rituximab", comparator="placebo", start=5)]
    table = add_effects_from_arms(pd.DataFrame(rows)).set_index("estimate_id")
    assert "disagrees with its arms' counts" in table.at["rd", "needs_review"]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "rin1"}))
    assert "needs review" in result.members.set_index("estimate_id").at["rd", "reason"]
    # the meaning layer's reading (-0.368) agrees with the arms and is pooled
    rows[2].update(value=-0.368, ci_low=-0.655, ci_high=-0.123)
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "rin1"}))
    rd_cell = result.pooled[(result.pooled["measure"] == "RD")]
    assert rd_cell["estimate_ids"].tolist() == ["rd"] and rd_cell["estimate"].iloc[0] == pytest.approx(-0.368)


def test_placebo_arms_of_different_trials_are_never_pooled():
    rows = [est(f"p{i}", f"trial{i}", "PROPORTION", 0.4 + i / 100, intervention="placebo", events=20 + i, total=50)
            for i in range(5)]
    result = synthesize(pd.DataFrame(rows), docs(*({"doc_id": f"trial{i}"} for i in range(5))))
    assert result.pooled.empty or not (result.pooled["intervention"] == "placebo").any()
    assert result.members["reason"].str.contains("control arm on its own").all()


@pytest.mark.parametrize("role, words", [("prognostic", "prognostic factor"), ("dose", "two doses"),
                                         ("before_after", "before-after"), ("baseline", "arm characteristic"),
                                         ("secondary", "quoted from another study")])
def test_only_effects_enter_intervention_cells(role, words):
    rows = [est("x", "d1", "HR", 5.665, 1.012, 31.705, intervention="tacrolimus", comparator="azathioprine",
                role=role)]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1", "design": "cohort"}))
    reason = result.members.set_index("estimate_id").at["x", "reason"]
    assert f"role {role}" in reason and words in reason and result.pooled.empty


def test_a_news_item_quoting_a_trial_is_left_to_the_same_patient_rules():
    rows = [est("n", "news1", "HR", 0.3, 0.15, 0.6, intervention="rituximab", comparator="azathioprine",
                role="secondary")]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "news1", "design": "news"}))
    assert result.pooled["estimate_ids"].tolist() == ["n"]


def test_subgroups_pool_only_with_the_same_subgroup():
    rows = [est("all", "t1", "OR", 1.5, 1.0, 2.2, intervention="belimumab", comparator="placebo"),
            est("new", "t1", "OR", 1.36, 0.85, 2.2, intervention="belimumab", comparator="placebo",
                role="subgroup", subgroup="newly diagnosed", start=50),
            est("rel", "t1", "OR", 2.31, 1.07, 5.01, intervention="belimumab", comparator="placebo",
                role="subgroup", subgroup="relapsed", start=90)]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "t1"}))
    assert sorted(result.pooled["estimate_ids"]) == ["all", "new", "rel"]   # three cells, none dropped by tie order
    assert result.members["included"].all()
    labels = dict(zip(result.pooled["estimate_ids"], result.pooled["subgroup"]))
    assert labels == {"all": "", "new": "newly diagnosed", "rel": "relapsed"}


def test_adjusted_estimate_preferred_in_a_cohort_and_kept_apart():
    rows = [est("crude", "c1", "HR", 0.14, 0.05, 0.45, intervention="mycophenolate mofetil",
                comparator="no mycophenolate mofetil", start=10),
            est("adj", "c1", "HR", 0.08, 0.02, 0.28, intervention="mycophenolate mofetil",
                comparator="no mycophenolate mofetil", adjusted="yes", start=10)]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "c1", "design": "cohort"}))
    members = result.members.set_index("estimate_id")
    assert members.at["adj", "included"] and not members.at["crude", "included"]
    assert "adjusted preferred" in members.at["crude", "reason"] and "adj" in members.at["crude", "reason"]
    # another cohort's unadjusted HR does not join the adjusted cell
    rows.append(est("other", "c2", "HR", 0.3, 0.1, 0.9, intervention="mycophenolate mofetil",
                    comparator="no mycophenolate mofetil"))
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "c1", "design": "cohort"}, {"doc_id": "c2", "design": "cohort"}))
    assert sorted(result.pooled["estimate_ids"]) == ["adj", "other"]


def test_the_trials_direction_is_kept_not_alphabetical():
    rows = [est("tango", "tango", "HR", 0.236, 0.107, 0.518, intervention="tocilizumab", comparator="azathioprine")]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "tango"}))
    row = result.pooled.iloc[0]
    assert (row["intervention"], row["comparator"], row["estimate"]) == ("tocilizumab", "azathioprine", 0.236)


def test_an_estimate_in_the_review_queue_stays_out():
    rows = [est("q", "d1", "HR", 0.62, 0.4, 0.95, intervention="rituximab", comparator="",
                needs_review="arms not settled: no comparator")]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"}))
    assert "needs review: arms not settled" in result.members.set_index("estimate_id").at["q", "reason"]


def test_a_timepoint_written_for_one_arm_of_a_sentence_holds_for_both():
    rows = [est("rtx", "rin1", "PROPORTION", 0.0, intervention="rituximab", events=0, total=19, start=5),
            est("pbo", "rin1", "PROPORTION", 0.37, intervention="placebo", events=7, total=19, start=5,
                timepoint="72-week")]
    derived = effects_from_arms(pd.DataFrame(rows)).set_index("measure")
    assert (derived.at["RR", "intervention"], derived.at["RR", "comparator"]) == ("rituximab", "placebo")
    assert derived.at["RR", "timepoint"] == "72-week"
    # a zero cell: metafor's +1/2 in every cell of the table
    assert derived.at["RD", "value"] == pytest.approx(0.5 / 20 - 7.5 / 20)


def test_a_reviewer_decision_takes_an_estimate_out_of_the_queue():
    rows = [est("q", "d1", "HR", 0.62, 0.4, 0.95, intervention="rituximab", comparator="",
                needs_review="arms not settled: no comparator")]
    decisions = pd.DataFrame([{"estimate_id": "q", "decision": "correct", "corrected_fields": "comparator=azathioprine",
                               "reviewer": "AB", "note": "", "line": 2}])
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"}), decisions)
    assert result.members.set_index("estimate_id").at["q", "included"]
    assert result.pooled["comparator"].tolist() == ["azathioprine"]


def test_accepting_a_prognostic_estimate_does_not_make_it_a_treatment_effect():
    rows = [est("p", "d1", "HR", 5.665, 1.012, 31.705, intervention="tacrolimus", comparator="azathioprine",
                role="prognostic")]
    accept = pd.DataFrame([{"estimate_id": "p", "decision": "accept", "corrected_fields": "", "reviewer": "AB",
                            "note": "", "line": 2}])
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"}), accept)
    assert "role prognostic" in result.members.set_index("estimate_id").at["p", "reason"]
    correct = accept.assign(decision="correct", corrected_fields="role=effect")
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "d1"}), correct)
    assert result.members.set_index("estimate_id").at["p", "included"]


def test_each_active_arm_of_a_multi_arm_sentence_is_compared_with_the_control():
    text = "Relapses: 5/50 with 10 mg, 3/50 with 20 mg and 12/50 with placebo."
    rows = [est("low", "t3", "PROPORTION", 0.1, intervention="drugx 10 mg", events=5, total=50, start=1, evidence=text),
            est("high", "t3", "PROPORTION", 0.06, intervention="drugx 20 mg", events=3, total=50, start=1,
                evidence=text),
            est("pbo", "t3", "PROPORTION", 0.24, intervention="placebo", events=12, total=50, start=1, evidence=text)]
    derived = effects_from_arms(pd.DataFrame(rows))
    rr = derived[derived["measure"] == "RR"].set_index("intervention")
    assert set(rr.index) == {"drugx 10 mg", "drugx 20 mg"} and set(rr["comparator"]) == {"placebo"}
    assert rr.at["drugx 20 mg", "value"] == pytest.approx(3 / 12)
