"""The other arm's value printed beside its own arm and set against a value already read with its arm
(rules/aligned.second_beside_its_arm): "The score of the A group decreased (7.5 ± 0.9), with a significant difference
compared with the B group (9.7 ± 1.1)". Sentences written for these tests, numbers and names changed; negatives."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _means(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["value"], r["sd"], r["intervention"]) for r in rows if r["measure"] == "MEAN"]


@pytest.mark.parametrize("text", [
    "The fatigue score of the rituximab group decreased (4.2 \u00b1 1.3), with a significant difference compared with "
    "the placebo group (6.8 \u00b1 1.9).",
    "After treatment the rituximab group had a lower fatigue score (4.2 \u00b1 1.3) than the placebo group "
    "(6.8 \u00b1 1.9).",
])
def test_the_second_arms_value_beside_its_arm(text):
    got = _means(text)
    assert (4.2, 1.3, "rituximab") in got and (6.8, 1.9, "placebo") in got


@pytest.mark.parametrize("text", [
    # set against the baseline, not the other arm
    "The fatigue score of the rituximab group decreased (4.2 \u00b1 1.3), compared with the baseline (6.8 \u00b1 1.9).",
    # the second value is the same arm's, at its baseline
    "The fatigue score of the rituximab group decreased (4.2 \u00b1 1.3) compared with its value at entry "
    "(6.8 \u00b1 1.9).",
])
def test_no_second_arm_value_without_the_other_arm_set_against_it(text):
    assert (6.8, 1.9, "placebo") not in _means(text)


def test_a_four_digit_mean_with_its_spread_is_no_year():
    got = _means("The glucose area under the curve was attenuated by rituximab (1986 \u00b1 152 mmol/l min) vs placebo "
                 "(2431 \u00b1 197 mmol/l min).")
    assert (1986.0, 152.0, "rituximab") in got and (2431.0, 197.0, "placebo") in got


def test_a_year_stays_a_year():
    assert _means("Patients were enrolled between 2012 and 2016 in the rituximab and placebo groups.") == []


@pytest.mark.parametrize("text, first, second", [
    ("Scar coverage was higher in the rituximab group, 61 \u00b1 9% in comparison to 48 \u00b1 14% (P = 0.01).",
     (61.0, 9.0, "rituximab"), (48.0, 14.0, "placebo")),
    ("Scar coverage was higher in the placebo group, 61.5 \u00b1 9.2% compared with 48.1 \u00b1 14.3% (P = 0.01).",
     (61.5, 9.2, "placebo"), (48.1, 14.3, "rituximab")),
])
def test_the_value_set_right_against_one_arms_is_the_other_arms(text, first, second):
    got = _means(text)
    assert first in got and second in got


def test_the_same_arms_value_at_baseline_is_not_the_other_arms():
    got = _means("Scar coverage was higher in the rituximab group, 61 \u00b1 9% compared with 48 \u00b1 14% at baseline.")
    assert (48.0, 14.0, "placebo") not in got
