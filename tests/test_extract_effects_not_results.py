"""Numbers that are no trial result (extract/rules/effects.py `not_a_result`): an aim, a hypothesis or a sample size
printed without an interval, worked arithmetic, a definition's threshold. Sentences written for these tests."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 80) or placebo (n = 80). "


def _effects(text: str) -> list[dict]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [r for r in rows if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


@pytest.mark.parametrize("text", [
    "The aim of the present study is to evaluate differences in pain scores if the needle tip is placed 3 cm distance "
    "from the joint line (JL) compared to the midpoint of the tendon.",
    "We expected a hazard ratio of 0.70 for relapse with rituximab.",
    "In designing an equivalence trial with a difference of 3 g/L in mean haemoglobin, 420 patients would be required.",
    "We hypothesized that rituximab would lower the relapse rate by 30% compared with placebo.",
    "The sample size gave 80% power to detect a mean difference of 4 points in the disability score.",
    "The study was designed to detect a 25% reduction in relapses.",
    "The difference in reported symptoms was larger with the app (difference 412=1188-776).",
    "Hypopnea was defined as a partial airway obstruction leading to a 40% reduction in airflow for 10 seconds.",
    # a test's significance level and a scale's thresholds are no differences
    "* The mean difference is significant at the 0.01 level.",
    "b The mean difference is significant at 0.01 level.",
    "The difference between groups was significant at α = 0.05 level.",
    "The smallest detectable difference for the balance score is 4 points.",
    "The minimally important clinical difference (MICD) for the disability index has been established as 8.5.",
])
def test_no_effect_is_read(text):
    assert _effects(text) == []


def test_an_aim_sentence_with_an_interval_is_still_read():
    rows = _effects("The primary objective was to compare relapse rates: the hazard ratio was 0.62 (95% CI 0.44-0.87).")
    assert [(r["measure"], r["value"]) for r in rows] == [("HR", 0.62)]


def test_a_result_sentence_is_read():
    rows = _effects("Rituximab reduced the risk of relapse by 38% compared with placebo.")
    assert [(r["measure"], r["value"]) for r in rows] == [("RRR", pytest.approx(0.38))]


def test_a_difference_named_far_before_its_value_and_a_percentage_change_with_its_interval():
    rows = _effects("The absolute difference in the gain of grip strength between the placebo and the rituximab group of "
                    "+1.7 kg was significant (p < 0.04). Alcohol intake did not change (4.1% increase associated with the "
                    "intervention (95% CI -2.2% to 10.9%; p = .19)).")
    got = {(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows}
    assert ("MD", 1.7, None, None) in got and ("MD", 4.1, -2.2, 10.9) in got
    first = next(r for r in rows if r["value"] == 1.7)
    assert first["p_text"] == "<0.04"


@pytest.mark.parametrize("text", [
    "There was no difference in the gain of grip strength between the groups of any size.",
    "The maximum difference between the two devices was of 2.3 mmHg.",
    "The difference between the groups was 4 patients.",
])
def test_differences_that_are_no_estimate(text):
    assert [r for r in _effects(text) if r["measure"] == "MD"] == []


def test_a_measure_heading_a_list_closed_by_respectively():
    rows = _effects("The risk of relapse and of hospital admission was lower with rituximab (HR 0.64, 0.81 respectively).")
    assert sorted(r["value"] for r in rows if r["measure"] == "HR") == [0.64, 0.81]


def test_an_amount_by_which_one_arm_exceeds_the_control_named_against_it():
    rows = _effects("Daily rituximab improved the six-minute walk by +21 m (+5.3%) versus placebo, and lowered LDL "
                    "cholesterol by 0.4 mmol/L compared with placebo.")
    got = {(r["value"], r["unit"] == "%") for r in rows if r["measure"] == "MD"}
    assert got == {(21.0, False), (5.3, True), (0.4, False)}


def test_a_time_by_which_one_arm_is_earlier_is_no_amount():
    assert [r for r in _effects("Rituximab delayed relapse by 14 weeks versus placebo.") if r["measure"] == "MD"] == []


def test_a_difference_beside_its_significance_is_still_read():
    rows = _effects("The mean difference in pain was 1.9 points (95% CI 0.4 to 3.4), significant at the 0.05 level.")
    assert [(r["measure"], r["value"]) for r in rows] == [("MD", 1.9)]
