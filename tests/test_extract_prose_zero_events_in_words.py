"""Zero events said in words, in any frame (rules/zero_events.py): one arm when the clause names it,
every arm of known size when it says either / both / neither or names no other place; never a difference, a change
or another study's events. Sentences written for these tests, names and wordings varied."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _zeros(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return sorted((r["intervention"], r["total"]) for r in rows if r["measure"] == "PROPORTION" and r["events"] == 0)


BOTH = [("placebo", 38), ("rituximab", 40)]


@pytest.mark.parametrize("text", [
    "No adverse events were attributed to the study medication in either treatment arm.",
    "Neither group demonstrated any allergic reaction.",
    "Neither of the groups experienced serious side effects.",
    "Wound infection was not apparent in either the rituximab or the placebo group.",
    "Local reactions were not observed in any group.",
    "None of the participants complained about other side effects.",
    "No serious adverse events occurred in any of the three groups.",
    "The infusions were well tolerated, with no adverse events reported.",
    "There were no drug-related complications during the follow-up period.",
])
def test_zero_events_of_every_arm(text):
    assert _zeros(text) == BOTH


@pytest.mark.parametrize("text, expected", [
    ("None of the patients of the rituximab group received rescue analgesia.", [("rituximab", 40)]),
    ("None of the subjects in the placebo arm required oxygen therapy.", [("placebo", 38)]),
    # (convention since session 14: 0 of each arm named, also one arm; this sentence was a negative before)
    ("There were no complications in the placebo group.", [("placebo", 38)]),
])
def test_zero_events_of_the_one_arm_named(text, expected):
    assert _zeros(text) == expected


@pytest.mark.parametrize("text", [
    "There was no significant difference in complications between groups.",
    "No increase in adverse events was seen.",
    "No patient had serious adverse events in previous studies.",
    "There were no complications associated with the intervention.",     # the arms are not said
    "No difference in the rate of infections was found.",
])
def test_no_zero_count_where_the_sentence_does_not_say_nobody_had_the_event(text):
    assert _zeros(text) == []


def test_none_among_a_counted_few_is_no_zero_of_the_arms():
    assert _zeros("We observed one resistant infection out of 11 (9.1%) and no fungal infections.") == []


def test_no_events_in_any_of_the_patients_randomly_assigned_is_every_arms_zero():
    assert _zeros("There were no serious adverse reactions in any of the 78 patients randomly assigned.") == BOTH


def test_everyone_completing_without_any_side_effects_is_every_arms_zero_never_everyones_event():
    text = "All 78 patients completed the 8 weeks of treatment without any drug related side effects."
    assert _zeros(text) == BOTH
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    assert not [r for r in rows if r["measure"] == "PROPORTION" and r["events"] == 78]
