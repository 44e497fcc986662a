"""Two arms' values printed without a spread in a bracket after a clause comparing the arms (rule
`bare-pair-after-compared-arms`, rules/arm_data.py): "reduced with A versus B in TRIAL (-0.7 vs -0.3, respectively;
p<0.01)", "A reduced X (-0.36 vs 0.1 for B; p<0.001)". Sentences shaped like the tuning abstracts' (names and numbers
changed), and the brackets that are no two arms' means."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 60) or placebo (n = 58). "


def _means(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return sorted((r["intervention"], r["value"], r["total"]) for r in rows if r["measure"] == "MEAN")


@pytest.mark.parametrize("text, expected", [
    ("Domain scores were significantly reduced with rituximab versus placebo in the first trial (\u22120.9 vs "
     "\u22120.4, respectively; p<0.01).", [("placebo", -0.4, 58), ("rituximab", -0.9, 60)]),
    ("In the second trial, rituximab reduced night-time cough severity (\u22120.27 vs \u22120.1 for placebo; p<0.05).",
     [("placebo", -0.1, 58), ("rituximab", -0.27, 60)]),
    ("Scores were lower with placebo than with rituximab (2.4 vs. 3.1, p = 0.03).",
     [("placebo", 2.4, 58), ("rituximab", 3.1, 60)]),
])
def test_a_bare_pair_takes_the_compared_arms_in_their_order(text, expected):
    assert _means(text) == expected


@pytest.mark.parametrize("text", [
    "The difference was larger with rituximab than with placebo (0.9 vs 0.4; p = 0.02).",     # a difference
    "The hazard was lower with rituximab than with placebo (0.61 vs 0.83; p = 0.02).",         # a ratio's words
    "Survival was longer with rituximab than with placebo (median 14 vs 9 months).",           # a median
    "Scores fell in both trials (\u22120.9 vs \u22120.4, respectively; p<0.01).",              # no arm said
])
def test_brackets_that_are_no_two_arms_means(text):
    assert _means(text) == []


@pytest.mark.parametrize("text", [
    "Rescue doses were needed more often with placebo than with rituximab (11 vs. 4, p = 0.02).",   # counts
    "Rituximab gave longer remission than placebo (9.4 vs. 8.1 months with placebo, P = 0.41).",   # a time to event
])
def test_counts_and_times_to_an_event_are_left_to_their_rules(text):
    assert _means(text) == []
