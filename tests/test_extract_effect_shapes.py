"""Shapes of effects on real-shaped sentences written for the tests: risk differences and relative reductions
(and what only looks like one), mean differences, rates before and after treatment."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document


def rows_of(text: str, measure: str | None = None) -> list[dict]:
    rows = extract_document("doc", text, "doc.txt")
    return [r for r in rows if measure is None or r["measure"] == measure]


def values(rows: list[dict]) -> list[tuple]:
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows]


# ---------------------------------------------------------------- absolute and relative reductions
def test_absolute_risk_reduction_is_a_risk_difference_not_a_rate():
    text = ("Relapse or withdrawal occurred in 36 (63%) of 57 patients on placebo and 22 (39%) of 57 on SCIG. "
            "The absolute risk reduction versus placebo was 25% (95% CI 5–42; p=0·007) with SCIG.")
    [rd] = rows_of(text, "RD")
    assert (rd["value"], rd["ci_low"], rd["ci_high"], rd["p_value"]) == (0.25, 0.05, 0.42, 0.007)
    assert not rows_of(text, "RRR") and not rows_of(text, "ARR")
    assert (rd["intervention"], rd["comparator"]) == ("subcutaneous immunoglobulin", "placebo")


def test_threshold_percentage_is_not_a_reduction():
    text = ("6 of 8 patients (75%) receiving IVIG and 2 of 9 (22%) receiving placebo were responders (≥50% reduction "
            "in seizure frequency) (odds ratio 10.5, 95% CI 1.1–98.9; p = 0.044).")
    assert not rows_of(text, "RRR")
    [odds] = rows_of(text, "OR")
    assert (odds["intervention"], odds["comparator"]) == ("intravenous immunoglobulin", "placebo")


def test_reduction_restating_a_ratio_elsewhere_in_the_document_is_dropped():
    text = ("Findings  In this cohort study, rituximab use was associated with a 28% lower relapse risk.\n\n"
            "Results  Relapse was less frequent with rituximab than with other therapies (RR, 0.72; 95% CI, 0.58 to 0.90).")
    assert values(rows_of(text)) == [("RR", 0.72, 0.58, 0.90)]


def test_long_risk_reduction_statement_without_a_ratio():
    text = ("Inebilizumab reduced the risk of clinical deterioration requiring rescue therapy by 65% compared "
            "with placebo (p=0.002).")
    rrr = rows_of(text, "RRR")
    assert [(r["value"], r["p_value"]) for r in rrr] == [(pytest.approx(0.65), pytest.approx(0.002))]


def test_level_falling_within_an_arm_is_not_a_relative_reduction():
    text = "The primary endpoint was not met: UPCR fell by 69% with the combined anifrolumab arms and 70% with placebo."
    assert rows_of(text) == []


def test_two_arms_signed_changes_are_no_relative_reduction():
    text = ("Among 300 patients with rituximab or placebo, brain-volume loss was −0.74% versus −0.98% (P=0.03) and "
            "the T2 lesion volume decreased by 2.1% with rituximab.")
    assert rows_of(text, "RRR") == []


# ---------------------------------------------------------------- mean differences
def test_mean_difference_in_points_keeps_its_interval():
    text = ("The MG-ADL score improved more with efgartigimod than placebo (mean difference −2.1 points "
            "(95% CI −3.0 to −1.2); P<0.001).")
    [md] = rows_of(text, "MD")
    assert (md["value"], md["ci_low"], md["ci_high"], md["p_text"]) == (-2.1, -3.0, -1.2, "<0.001")


def test_reduction_of_the_rate_by_a_value_is_a_difference():
    text = "Rituximab reduced ARR by 0.52 (95% CI 0.31 to 0.73) compared with azathioprine."
    assert values(rows_of(text)) == [("MD", 0.52, 0.31, 0.73)]


def test_second_difference_continued_with_and_of():
    text = ("Inebilizumab produced a placebo-adjusted difference of −2.2 points in MG-ADL score at week 26 (p<0.001) "
            "and of −3.4 points in QMG score (p=0.002).")
    md = rows_of(text, "MD")
    assert [(r["value"], r["outcome"]) for r in md] == [(-2.2, "MG-ADL change"), (-3.4, "QMG change")]
    assert md[1]["p_value"] == pytest.approx(0.002)


# ---------------------------------------------------------------- rates before and after treatment
def test_rate_from_to_per_100_patient_years_and_its_reduction():
    text = ("In the open-label extension, the rate of myasthenia gravis exacerbations fell by 75% with eculizumab "
            "compared with the year before the study (from 102.3 to 25.6 per 100 patient-years; p<0.0001).")
    got = values(rows_of(text))
    assert ("ARR", 102.3, None, None) in got and ("ARR", 25.6, None, None) in got
    assert ("RRR", 0.75, None, None) in got


def test_rate_falls_to_a_whole_number_after_an_iqr():
    text = ("The median annualized relapse rate fell from 1.8 (IQR 1.0–3.0) before IVIG to 0 (IQR 0–0.4) on IVIG "
            "(p < 0.001).")
    arr = rows_of(text, "ARR")
    assert [(r["value"], r["timepoint"]) for r in arr] == [(1.8, "before treatment"), (0.0, "on treatment")]


@pytest.mark.parametrize("name", ["Hedges' g", "Hedge's g", "Hedges\u2019 g", "Hedge\u2019s g", "Hedges g",
                                  "Cohen\u2019s d", "Cohen's d"])
def test_standardized_differences_named_with_any_apostrophe(name):
    text = ("Patients were randomized to rituximab (n = 30) or placebo (n = 31). The effect on fatigue was moderate "
            f"({name} = 0.47, 95% Confidence Interval: 0.08 to 0.86).")
    rows = [r for r in extract_document("doc", text, "doc.txt", "") if r["measure"] == "SMD"]
    assert [(r["value"], r["ci_low"], r["ci_high"]) for r in rows] == [(0.47, 0.08, 0.86)]


def test_a_capitalised_confidence_interval_label_is_an_interval():
    text = ("Patients were randomized to rituximab (n = 30) or placebo (n = 31). The hazard ratio was 0.74 "
            "(95% Confidence Limits 0.58-0.95).")
    rows = [r for r in extract_document("doc", text, "doc.txt", "") if r["measure"] == "HR"]
    assert [(r["value"], r["ci_low"], r["ci_high"]) for r in rows] == [(0.74, 0.58, 0.95)]


@pytest.mark.parametrize("tail, p_text", [
    ("(P<0.001; 95% confidence interval, -4.9 to -2.1)", "<0.001"),
    ("(p = 0.003, 95% CI -4.9 to -2.1)", None),
    ("[P < 0.001, and 95% CI: -4.9 to -2.1]", "<0.001"),
])
def test_an_interval_printed_after_the_p_value_is_the_estimates(tail, p_text):
    text = ("Patients were randomized to rituximab (n = 130) or placebo (n = 131). The mean difference in systolic "
            f"pressure was -3.5 mm Hg {tail}.")
    rows = [r for r in extract_document("doc", text, "doc.txt", "") if r["measure"] == "MD"]
    assert [(r["value"], r["ci_low"], r["ci_high"]) for r in rows] == [(-3.5, -4.9, -2.1)]
    assert rows[0]["p_text"] == p_text or rows[0]["p_value"] == 0.003


def test_an_interval_after_a_p_value_and_another_estimate_is_not_the_first_estimates():
    text = ("Patients were randomized to rituximab (n = 130) or placebo (n = 131). The hazard ratio was 0.68 (p = 0.02), "
            "and the odds ratio was 1.6 (95% CI 1.1-2.3).")
    rows = {r["measure"]: (r["ci_low"], r["ci_high"]) for r in extract_document("doc", text, "doc.txt", "")}
    assert rows["HR"] == (None, None) and rows["OR"] == (1.1, 2.3)


@pytest.mark.parametrize("bracket", [
    "(between-group difference, -2.7\u00b10.4 mm Hg; P<0.001; 95% confidence interval, -3.5 to -1.9 mm Hg)",
    "(mean difference -2.7 \u00b1 0.4 mm Hg, 95% CI -3.5 to -1.9)",
])
def test_a_difference_printed_with_its_spread_before_the_interval(bracket):
    text = f"Patients were randomized to rituximab (n = 130) or placebo (n = 131). Pressure was lower with rituximab {bracket}."
    rows = [r for r in extract_document("doc", text, "doc.txt", "") if r["measure"] == "MD"]
    assert [(r["value"], r["ci_low"], r["ci_high"]) for r in rows] == [(-2.7, -3.5, -1.9)]
