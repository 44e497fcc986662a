"""Arms' means and medians in sentences, read by the aligned-values reader (rules/aligned.py) and the arm summaries'
rules (rules/arm_data.py) with the study model's arms: a pair of decimals set against each other after a clause
naming the arms ("rose in the B group but less in the A group (x vs. y, p = z)"), the spread named in words or
followed by a comma ("7.1 (standard deviation (SD) = 1.3)", "2.4 (SD, 1.1; 95% CI = 2.0-2.8)"), a bracket that
lists its arms before its values ("(A vs B vs C; x vs. y vs. z)"), every value of a list of falls signed negative
("decreased by x, y and z, respectively"), and an arm's size printed beside its median is no median. Sentences
written for these tests (drugs, fields and numbers of no document), negatives too."""
from __future__ import annotations

import pytest

from evidence_review.extract.pipeline import extract_one

TWO = "Methods: Adults were randomly assigned to esmolol (n = 36) or a saline infusion (n = 38).\n"
THREE = "Methods: Adults were randomly assigned to esmolol (n = 36), labetalol (n = 35) or saline (n = 38).\n"


def _rows(text: str, measure: str = "MEAN", allocation: str = TWO) -> list[tuple]:
    rows, _, _ = extract_one("doc", allocation + "Results: " + text, "doc.txt", "", None, "RCT")
    return [(r["value"], r["intervention"], r["sd"]) for r in rows if r["measure"] == measure]


@pytest.mark.parametrize("text", [
    # whole numbers without a unit may be counts of patients
    "Rescue doses were needed more often in the saline group than in the esmolol group (14 vs. 6, p = 0.02).",
    # a clause about rates, risks or ratios: no arm's mean level
    "The event rate was higher in the saline group than in the esmolol group (2.4 vs. 1.1 per 100 patient-days).",
    "The odds were higher in the saline group than in the esmolol group (1.8 vs. 1.2, p = 0.04).",
    # two groups of patients that are no arms of the study
    "Among responders, the score was higher in the older group than in the younger group (12.4 vs. 7.9, p = 0.02).",
])
def test_pairs_that_are_no_arms_mean_levels(text):
    assert _rows(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Time to extubation was 6.9 (standard deviation (SD) = 0.8) min with esmolol and 8.4 (standard deviation (SD) "
     "= 1.2) min with saline.", [(6.9, "esmolol", 0.8), (8.4, "saline", 1.2)]),
    ("Time to extubation was 5.3 (SD, 1.4; 95% CI = 4.8\u20135.8) min in the esmolol group and 7.0 (SD, 1.9; 95% CI "
     "= 6.4\u20137.6) min in the saline group.", [(5.3, "esmolol", 1.4), (7.0, "saline", 1.9)]),
    ("Time to extubation was 5.3 (SD 1.4) min in the esmolol group.", [(5.3, "esmolol", 1.4)]),
])
def test_a_spread_named_in_words_or_followed_by_a_comma(text, expected):
    assert _rows(text) == expected


def test_an_interval_in_the_spreads_bracket_does_not_replace_the_printed_sd():
    rows, _, _ = extract_one("doc", TWO + "Results: Blood loss was 310.5 (SD, 42.0; 95% CI = 296.6\u2013324.4) ml in "
                             "the esmolol group.", "doc.txt", "", None, "RCT")
    means = [r for r in rows if r["measure"] == "MEAN"]
    assert [(r["value"], r["sd"], r["flags"] or "") for r in means] == [(310.5, 42.0, "")]
    assert [r for r in rows if r["measure"] not in ("MEAN",)] == []


@pytest.mark.parametrize("text, expected", [
    ("The index changed in all arms (esmolol vs labetalol vs saline; -0.44 \u00b1 0.30% vs. 1.25 \u00b1 0.47% vs. "
     "-2.10 \u00b1 0.66%).", [(-0.44, "esmolol", 0.3), (1.25, "labetalol", 0.47), (-2.1, "saline", 0.66)]),
])
def test_a_bracket_listing_its_arms_before_its_values(text, expected):
    assert _rows(text, allocation=THREE) == expected


@pytest.mark.parametrize("text, expected", [
    ("Anxiety scores decreased by 48.1 \u00b1 20.5%, 39.7 \u00b1 31.0% and 12.2 \u00b1 17.4% respectively.",
     [(-48.1, "esmolol", 20.5), (-39.7, "labetalol", 31.0), (-12.2, "saline", 17.4)]),
    ("Anxiety scores decreased by 48.1 \u00b1 20.5%, 39.7 \u00b1 31.0% and 12.2 \u00b1 17.4% in the esmolol, "
     "labetalol and saline groups, respectively.",
     [(-48.1, "esmolol", 20.5), (-39.7, "labetalol", 31.0), (-12.2, "saline", 17.4)]),
    # a rise keeps its sign
    ("Anxiety scores increased by 8.1 \u00b1 2.5, 9.7 \u00b1 3.0 and 2.2 \u00b1 1.4 in the esmolol, labetalol and "
     "saline groups, respectively.", [(8.1, "esmolol", 2.5), (9.7, "labetalol", 3.0), (2.2, "saline", 1.4)]),
])
def test_every_value_of_a_list_of_falls_is_signed_negative(text, expected):
    assert _rows(text, allocation=THREE) == expected


@pytest.mark.parametrize("text, expected", [
    ("The median score was 3.6 for 36 adults allocated to esmolol and 4.4 for 38 adults allocated to saline.",
     [(3.6, "esmolol"), (4.4, "saline")]),
    ("The median score was 3.6 for the 36 adults in the esmolol group and 4.4 for the 38 adults in the saline group.",
     [(3.6, "esmolol"), (4.4, "saline")]),
    # a share per arm with its size: the sizes are no medians
    ("The median relative fall was 2.6% in 36 adults on esmolol and 3.9% in 38 adults on saline.", []),
])
def test_an_arms_size_beside_its_median_is_no_median(text, expected):
    got = [(v, arm) for v, arm, _ in _rows(text, "MEDIAN")]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # the mean abbreviated with its spread's name before the first arm's values, the other arm's in a bracket after
    ("Satisfaction in the esmolol group (M \u00b1 SE = 64.3 \u00b1 1.5) was higher than in the saline group "
     "(58.1 \u00b1 1.2).", [(64.3, "esmolol", 1.5), (58.1, "saline", 1.2)]),
])
def test_a_mean_labelled_m_plus_minus_se_keeps_its_standard_error(text, expected):
    rows, _, _ = extract_one("doc", TWO + "Results: " + text, "doc.txt", "", None, "RCT")
    got = [(r["value"], r["intervention"], r["se"]) for r in rows if r["measure"] == "MEAN"]
    assert got == expected
    assert all("sd_from_se" in r["flags"] for r in rows if r["measure"] == "MEAN")


@pytest.mark.parametrize("text, expected", [
    ("The mean score was 3.4 \u00b1 1.6 in both groups.", [(3.4, "esmolol", 1.6), (3.4, "saline", 1.6)]),
    ("The score was 3.4 (SD 1.6) in each group.", [(3.4, "esmolol", 1.6), (3.4, "saline", 1.6)]),
])
def test_one_summary_said_to_be_both_arms(text, expected):
    assert _rows(text) == expected


def test_a_median_said_to_be_both_arms():
    rows, _, _ = extract_one("doc", TWO + "Results: Median stay was 5 (IQR 3\u20138) days in both groups.", "doc.txt",
                             "", None, "RCT")
    assert [(r["value"], r["intervention"], r["q1"], r["q3"]) for r in rows if r["measure"] == "MEDIAN"] == [
        (5.0, "esmolol", 3.0, 8.0), (5.0, "saline", 3.0, 8.0)]


@pytest.mark.parametrize("text", [
    "The mean score was 3.4 \u00b1 1.6 in the whole sample.",
    "The mean score was 3.4 \u00b1 1.6 in both sexes.",
])
def test_a_summary_of_no_arm_or_of_other_groups_is_not_copied_to_both_arms(text):
    assert _rows(text) == []


def test_a_value_with_its_interval_followed_by_its_own_arm_is_that_arms_mean():
    got = _rows("Satisfaction was 71.5 (95% CI 68.2\u201374.8) for the esmolol group and 66.0 (95% CI 62.9\u201369.1) "
                "for the saline group.")
    assert [(v, arm) for v, arm, _ in got] == [(71.5, "esmolol"), (66.0, "saline")]
    assert all(sd is not None for _, _, sd in got)      # derived from the interval (flagged sd_from_ci)


@pytest.mark.parametrize("text", [
    # a contrast or a ratio named: the values with an interval are estimates between arms, not arms' levels
    "The difference in satisfaction was 5.5 (95% CI 2.2\u20138.8) for the esmolol group.",
    "The odds of satisfaction were 1.8 (95% CI 1.2\u20132.6) for the esmolol group.",
    "Satisfaction was 1.8 (95% CI 1.2\u20132.6) for the esmolol group relative to the saline group.",
])
def test_values_with_an_interval_in_a_sentence_naming_a_contrast_are_no_arms_levels(text):
    assert _rows(text) == []


@pytest.mark.parametrize("text", [
    # one arm's values at two times, not the two arms' values
    "In the esmolol group the recovery time was 6.2 vs. 3.4 min at baseline and 12 weeks.",
    "In the esmolol group, the recovery time was longer at 6 hours than at 24 hours (6.2 vs. 3.4 min, p = 0.02).",
    "The recovery time in the esmolol group was shorter after surgery than before surgery (3.4 vs. 6.2 min, p = 0.02).",
])
def test_one_arms_values_at_two_times_are_no_pair_of_arms(text):
    assert _rows(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The recovery time was shorter with esmolol at 6 hours (6.2 vs. 8.4 min, p = 0.02).",
     [(6.2, "esmolol", None), (8.4, "saline", None)]),
    ("Recovery times were shorter than with saline at 3 months (12.4 vs. 15.1 min, p < 0.001).",
     [(12.4, "esmolol", None), (15.1, "saline", None)]),
])
def test_the_time_of_a_pair_between_its_one_named_arm_and_its_bracket(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The esmolol group had shorter stays than the saline group (median, 3 vs. 5 days).",
     [(3.0, "esmolol"), (5.0, "saline")]),
    ("Troponin was lower with esmolol (median 0.21 and 0.47 ng/ml, respectively).", [(0.21, "esmolol"), (0.47, "saline")]),
])
def test_medians_named_right_before_their_pair(text, expected):
    assert [(v, arm) for v, arm, _ in _rows(text, "MEDIAN")] == expected
    assert _rows(text, "MEAN") == []


def test_a_list_of_one_arms_values_at_listed_times_is_no_pair_of_arms():
    assert _rows("Troponin was lower with esmolol (median 0.21 and 0.47 ng/ml at 6 and 12 hours, respectively).",
                 "MEDIAN") == []


DOSES = ("Methods: Adults were randomly assigned to esmolol 5 mg (n = 30), esmolol 15 mg (n = 31), esmolol 45 mg "
         "(n = 29) or placebo (n = 32).\n")


@pytest.mark.parametrize("text", [
    "Compared with placebo, the mean change in the score ranged from -1.4 (95% CI -2.2 to -0.6) to -2.9 (95% CI -3.7 "
    "to -2.1) for esmolol 5 mg to 45 mg, respectively.",
    "Mean changes were -1.4 (95% CI -2.2 to -0.6) and -2.9 (95% CI -3.7 to -2.1) for the 5 mg and 45 mg groups, "
    "respectively, versus placebo.",
    "Placebo-corrected mean changes were -1.4 (95% CI -2.2 to -0.6) and -2.9 (95% CI -3.7 to -2.1) for the 5 mg and "
    "45 mg groups, respectively.",
])
def test_values_with_intervals_set_against_an_arm_are_differences_not_arms_means(text):
    assert _rows(text, allocation=DOSES) == []


def test_each_arms_own_mean_with_its_interval_compared_with_the_others():
    got = _rows("The mean change was -1.4 (95% CI -2.2 to -0.6) with esmolol 5 mg compared with -0.3 (95% CI -1.0 "
                "to 0.4) with placebo.", allocation=DOSES)
    assert [(v, arm) for v, arm, _ in got] == [(-1.4, "esmolol 5 mg"), (-0.3, "placebo")]
