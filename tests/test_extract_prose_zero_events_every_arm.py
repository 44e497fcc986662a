"""Zero events denied of every arm (rules/zero_events.py, grammar `no_events`): the arms counted ("in the 3
groups"), abbreviations of adverse events ("No serious AE were observed", "No SAEs occurred"), trials of three arms.
Sentences written for these tests, names and numbers changed; negatives of the same look."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

TWO_ARMS = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "
THREE_ARMS = "Ninety patients were randomly assigned to rituximab (n = 31), azathioprine (n = 29) or placebo (n = 30). "


def _zeros(allocation: str, text: str) -> list[tuple]:
    rows = extract_document("doc", allocation + text, "doc.txt", "")
    return sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")


@pytest.mark.parametrize("text", [
    "There were no postoperative complications in the three groups.",
    "There were no wound complications in all 3 groups.",
    "No serious AE were observed.",
    "No SAEs occurred during the study.",
    "There were no postoperative complications, such as dehiscence (D), seroma, and infection, in the three groups.",
])
def test_zero_in_each_of_three_arms(text):
    assert _zeros(THREE_ARMS, text) == [("azathioprine", 0, 29), ("placebo", 0, 30), ("rituximab", 0, 31)]


@pytest.mark.parametrize("text", [
    "No serious AEs were reported.",
    "There were no drug-related complications in the 2 groups.",
])
def test_zero_in_each_of_two_arms(text):
    assert _zeros(TWO_ARMS, text) == [("placebo", 0, 38), ("rituximab", 0, 40)]


@pytest.mark.parametrize("allocation, text", [
    # the arms counted are not the study's arms
    (TWO_ARMS, "There were no postoperative complications in the 3 groups."),
    (THREE_ARMS, "There were no postoperative complications in the two groups."),
    # one arm named: not every arm's zero
    (TWO_ARMS, "No SAEs were reported in the rituximab group."),
    # "AE" as a word of another sentence shape, no denial
    (TWO_ARMS, "AEs were mild in most patients."),
])
def test_denials_that_are_not_every_arms_zero(allocation, text):
    assert [z for z in _zeros(allocation, text) if z[1] == 0 and z[0] != "rituximab"] == []


def test_both_arms_named_together_as_well_tolerated_with_no_events():
    assert _zeros(TWO_ARMS, "Both rituximab and placebo were well tolerated, with no adverse events reported.") == [
        ("placebo", 0, 38), ("rituximab", 0, 40)]


@pytest.mark.parametrize("text", [
    # one arm named: left to the count rules
    "Rituximab was well tolerated, with no adverse events reported.",
    # the events tied to the treatment
    "Both rituximab and placebo were well tolerated, with no adverse events related to the study drug reported.",
])
def test_well_tolerated_without_both_arms_or_tied_to_treatment(text):
    assert [z for z in _zeros(TWO_ARMS, text) if z[0] == "placebo"] == []


def test_examples_set_apart_then_one_arm_is_that_arms_zero():
    # (convention since session 14: zero events stated in words are 0 of each arm named; this was a negative before)
    assert _zeros(TWO_ARMS, "There were no wound complications, such as dehiscence or infection, in the placebo "
                            "group.") == [("placebo", 0, 38)]
