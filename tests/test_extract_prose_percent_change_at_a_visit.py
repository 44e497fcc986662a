"""One arm's change from baseline in percent at a visit said beside it, its direction in words (rules/within_arm.py,
registry `percent-change-at-a-visit`): a MEAN per value, a decrease negative, of the arm named right after it, or
after the visit in its own clause, else of the sentence's one arm ("contrary to the A group": the other arm); never a
relative effect. Sentences written for these tests, shaped like a tuning report's results (names and numbers changed)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 16) or placebo (n = 15). "


def _means(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return sorted((r["intervention"] or "", r["value"]) for r in rows if r["measure"] == "MEAN")


def test_changes_each_followed_by_its_arm():
    text = ("Activity rose at week 24 in both arms (31% increase in the rituximab arm versus 12% increase in the placebo "
            "arm) and fell at week 48 (9% decrease in the rituximab arm versus 6% decrease in the placebo arm) compared "
            "to baseline.")
    assert _means(text) == [("placebo", -6.0), ("placebo", 12.0), ("rituximab", -9.0), ("rituximab", 31.0)]


def test_changes_of_the_one_arm_named():
    text = ("In the rituximab arm, binding rose significantly at week 24 (38% signal increase; p = 0.03) and less at "
            "week 48 (22% signal increase; p = 0.21).")
    assert _means(text) == [("rituximab", 22.0), ("rituximab", 38.0)]


def test_contrary_to_one_arm_is_the_other_arms_change():
    text = "However, contrary to the rituximab group, signals dropped by 17% at week 24 compared to baseline signals."
    assert _means(text) == [("placebo", -17.0)]


def test_the_arm_said_after_the_visit():
    text = ("Killing of coated cells significantly declined (27%) at week 48 (p = 0.01; paired test) in the placebo arm, "
            "whereas we observed a slight increase (11%) in activity at week 24 in the rituximab arm.")
    assert _means(text) == [("placebo", -27.0), ("rituximab", 11.0)]


@pytest.mark.parametrize("text", [
    "Rituximab reduced the risk of relapse by 35% at week 48 (hazard ratio 0.65, 95% CI 0.5-0.9).",
    "At week 24, 40% of patients in the rituximab arm had a 50% decrease in pain.",
    "The difference at week 24 was a 12% increase in favour of rituximab.",
])
def test_relative_effects_and_shares_are_no_arms_change(text):
    assert not [m for m in _means(text) if abs(m[1]) in (35.0, 50.0, 12.0)]


# one arm's levels at its visits, each a value with its unit in the bracket after the visit (registry `levels-at-visits`)
def test_levels_at_visits_of_the_one_arm_named():
    text = ("We found slightly higher titres at week 24 (31.5 ng/mL) and week 48 (33.0 ng/mL), compared to baseline "
            "(28.2 ng/mL) against the reference strain in the placebo arm (Fig 2A).")
    assert _means(text) == [("placebo", 28.2), ("placebo", 31.5), ("placebo", 33.0)]


@pytest.mark.parametrize("text", [
    # two arms named: whose level each is the sentence does not say
    "Titres were 31.5 at week 24 (31.5 ng/mL) and week 48 (33.0 ng/mL) in the placebo and rituximab arms.",
    # one visit only, or counts in the brackets
    "In the placebo arm, titres were higher at week 24 (31.5 ng/mL).",
    "In the placebo arm, visits were missed at week 24 (n = 3) and week 48 (n = 5).",
])
def test_no_levels_at_visits_where_the_shape_is_not_whole(text):
    assert not [m for m in _means(text) if m[1] in (31.5, 33.0, 3.0, 5.0)]


def test_a_responders_threshold_is_no_change():
    text = ("Secondary end points included response at week 3 (\u226550% decrease from baseline in the total score) and "
            "remission at week 3.")
    assert _means(text) == []
