"""Paired and listed arm values in prose (rules/aligned.py): a time named before the pair ("on day 1, x versus y"),
values in a unit listed with "and" and closed by their arms and "respectively", an arm order given in a bracket
"(A versus B, respectively)" for the pairs that follow, and a spread spelled out in the heading ("mean changes
(standard error)"). Sentences written for these tests, numbers and names changed, several wordings of each shape."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _means(text: str, measure: str = "MEAN") -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["value"], r["intervention"], r["sd"], r["total"]) for r in rows if r["measure"] == measure]


@pytest.mark.parametrize("text", [
    "Mean drainage volume was lower in the rituximab group on day 1, 12.6 versus 19.3 ml (P = 0.01), and on day 3, "
    "8.1 versus 11.7 ml (P = 0.03).",
    "Rituximab patients had a lower mean pain score at week 2, 3.4 vs 4.6 points, and at week 6, 2.2 vs 3.9 points.",
])
def test_a_time_named_before_each_pair_is_no_value(text):
    got = _means(text)
    assert len(got) == 4
    assert [arm for _, arm, _, _ in got] == ["rituximab", "placebo", "rituximab", "placebo"]
    assert all(not float(v).is_integer() for v, _, _, _ in got)       # never the day's or week's number


@pytest.mark.parametrize("text, expected", [
    ("The length of stay differed between groups (11.2 and 14.9 days for the rituximab and placebo groups "
     "respectively, p < 0.001).", [(11.2, "rituximab"), (14.9, "placebo")]),
    ("Recovery took 21.5 and 27.0 minutes with placebo and rituximab, respectively.",
     [(21.5, "placebo"), (27.0, "rituximab")]),
])
def test_values_in_a_unit_listed_with_their_arms_respectively(text, expected):
    assert [(v, arm) for v, arm, _, _ in _means(text)] == expected


def test_values_listed_without_arms_are_no_means():
    assert _means("Follow-up visits took place at 12.5 and 24.0 weeks, respectively.") == []


def test_the_arm_order_in_a_bracket_carries_to_every_pair_of_the_list():
    got = _means("The mean scores (rituximab versus placebo, respectively) were 88.1 ± 10.4 versus 90.3 ± 9.9 "
                 "(MD -2.2, 95% CI -6.1 to 1.7), 75.6 ± 11.0 versus 74.2 ± 12.3 (MD 1.4, 95% CI -3.0 to 5.8) and "
                 "61.0 ± 8.8 versus 63.5 ± 7.1 (MD -2.5, 95% CI -5.9 to 0.9), respectively.")
    assert [(v, arm, sd) for v, arm, sd, _ in got] == [
        (88.1, "rituximab", 10.4), (90.3, "placebo", 9.9), (75.6, "rituximab", 11.0), (74.2, "placebo", 12.3),
        (61.0, "rituximab", 8.8), (63.5, "placebo", 7.1)]


@pytest.mark.parametrize("heading", ["mean changes (standard error)", "mean change (SE)", "means (standard error)"])
def test_a_spread_spelled_out_in_the_heading_is_the_brackets_spread(heading):
    got = _means(f"The adjusted {heading} of the score at week 12 were -9.42 (0.710) and -6.15 (0.690) for "
                 "rituximab and placebo, respectively.")
    assert [(v, arm, n) for v, arm, _, n in got] == [(-9.42, "rituximab", 40), (-6.15, "placebo", 38)]
    # the SD comes from the SE and the arm's size
    assert got[0][2] == pytest.approx(0.710 * 40 ** 0.5) and got[1][2] == pytest.approx(0.690 * 38 ** 0.5)


THREE_ARMS = "Patients were randomly assigned to rituximab (n = 30), azathioprine (n = 31) or placebo (n = 29). "


def _rows3(text: str) -> list[dict]:
    return extract_document("doc", THREE_ARMS + text, "doc.txt", "")


@pytest.mark.parametrize("text", [
    "The dyspnoea score rose to 2.84, 3.12 and 3.47 before treatment with rituximab, azathioprine and placebo, "
    "respectively.",
    "Scores were 2.84, 3.12 and 3.47 in the rituximab, azathioprine and placebo groups, respectively.",
    "The dyspnoea score was 2.84, 3.12 and 3.47 with rituximab, azathioprine and placebo, respectively.",
])
def test_decimal_levels_listed_with_their_arms_respectively_are_each_arms_mean(text):
    got = [(r["value"], r["intervention"], r["total"]) for r in _rows3(text) if r["measure"] == "MEAN"]
    assert got == [(2.84, "rituximab", 30), (3.12, "azathioprine", 31), (3.47, "placebo", 29)]


def test_levels_before_the_arms_treatment_are_baseline():
    rows = _rows3("The dyspnoea score rose to 2.84, 3.12 and 3.47 before treatment with rituximab, azathioprine and "
                  "placebo, respectively.")
    assert {r["role"] for r in rows if r["measure"] == "MEAN"} == {"baseline"}


def test_whole_numbers_listed_with_arms_are_no_means():
    rows = _rows3("Visits were at 4, 8 and 12 weeks with rituximab, azathioprine and placebo, respectively.")
    assert [r for r in rows if r["measure"] == "MEAN"] == []


@pytest.mark.parametrize("text, expected", [
    ("The mean drainage time was 7 (2–35) days in the placebo group against 5 (1–12) days for the rituximab group "
     "(p = 0.02).", [(7.0, "placebo", 2.0, 35.0), (5.0, "rituximab", 1.0, 12.0)]),
    ("Mean hospital stay was 9.5 (range 4-21) days with rituximab versus 12.0 (range 5-30) days with placebo.",
     [(9.5, "rituximab", 4.0, 21.0), (12.0, "placebo", 5.0, 30.0)]),
])
def test_a_mean_printed_with_its_range_in_brackets(text, expected):
    got = [(r["value"], r["intervention"], r["range_low"], r["range_high"]) for r in _rows3(text) if r["measure"] == "MEAN"]
    assert got == expected
    assert all(r["sd"] is None for r in _rows3(text) if r["measure"] == "MEAN")
