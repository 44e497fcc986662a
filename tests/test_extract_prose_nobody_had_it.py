"""Zero events in a sentence without a digit, the whole family (rules/zero_events.py, behind core's no-digit
gate): the people negated, the event negated, the event denied, the arms negated; one arm where the clause names it,
every arm of known size where it says either / any / all / neither or names no arm. Never a difference, a plan, a
withdrawal or an exclusion - but a withdrawal for an event is an outcome (the batches label "withdrawal for adverse
events", "discontinuation because of adverse events"), so nobody stopping for one is its zero. Sentences written for these tests, names and wordings varied."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.lexicon import find_outcome

ALLOCATION = "Adults were randomly assigned to dexamethasone (n = 52) or placebo (n = 50). "
EVERY = [("dexamethasone", 52), ("placebo", 50)]


def _zeros(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return sorted({(r["intervention"], r["total"]) for r in rows if r["measure"] == "PROPORTION" and r["events"] == 0})


@pytest.mark.parametrize("text", [
    # the people negated
    "Nobody in either arm developed a rash.",
    "No one in any group experienced vomiting.",
    "None of the participants developed respiratory depression.",
    "Not a single patient in either group complained of pruritus.",
    "No participant in any arm suffered from dizziness.",
    # the event negated
    "Headache did not occur in any patient.",
    "Pruritus was not observed in any of the participants.",
    "Dizziness was not reported by any patient.",
    "Nausea was absent in both groups.",
    "Fever was not seen among any of the children.",
    # the event denied
    "There was no mortality in either arm.",
    "No episodes of vomiting were recorded in any group.",
    # the arms negated
    "Neither group reported dizziness.",
    "Neither arm developed fever.",
])
def test_zero_of_every_arm(text):
    assert _zeros(text) == EVERY


@pytest.mark.parametrize("text, expected", [
    ("No placebo patient developed nausea.", [("placebo", 50)]),
    ("Nobody in the placebo group had a headache.", [("placebo", 50)]),
])
def test_zero_of_the_one_arm_named(text, expected):
    assert _zeros(text) == expected


@pytest.mark.parametrize("text", [
    "No significant difference in nausea was found between groups.",
    "There were no significant differences in headache between the groups.",
    "Nausea was not different between the groups.",
    "No patient was excluded.",
    "No patient was lost to follow-up in either group.",
    "No patient will receive rescue medication.",
    "No patient had a history of migraine at baseline.",
    "No patient deteriorated or developed signs of severity.",
    "There were no deaths attributable to bleeding in either group.",
    "No change in vomiting was seen in any group.",
    "Nausea was not observed in both groups.",      # says no more than that one group had none
    # no arm said, and a death: left out by the labelling rule ("No deaths occurred.")
    "There were no deaths.",
    "No patients died.",
])
def test_no_zero_where_the_sentence_counts_no_event_of_an_arm(text):
    assert _zeros(text) == []


def test_zero_events_need_the_arms_sizes():
    rows = extract_document("doc", "Adults received dexamethasone or placebo. Neither group reported dizziness.",
                            "doc.txt", "")
    assert [r for r in rows if r["measure"] == "PROPORTION"] == []


def test_the_event_is_the_outcome_named():
    rows = extract_document("doc", ALLOCATION + "Neither group reported dizziness.", "doc.txt", "")
    assert {r["outcome"] for r in rows if r["events"] == 0} == {"dizziness"}


@pytest.mark.parametrize("word", ["nausea", "vomiting", "headache", "rash", "fever", "pruritus", "dizziness"])
def test_symptom_words_alone_are_adverse_event_outcomes(word):
    found = find_outcome(f"Postoperative {word} was recorded.")
    assert found is not None and found[1] is True


def test_a_need_the_sentence_opens_with_is_every_arms():
    assert _zeros("No patient required rescue antiemetics.") == EVERY
    assert _zeros("Overall, no participant needed reintubation.") == EVERY


def test_a_need_appended_to_a_denied_serious_event_is_its_detail():
    rows = extract_document("doc", ALLOCATION + "There were no serious adverse events recorded and no patient required "
                            "admission to hospital.", "doc.txt", "")
    assert not any("admission" in str(r["outcome"]) for r in rows if r["events"] == 0)


@pytest.mark.parametrize("text", [
    "No adverse events related to dexamethasone or placebo were reported in all patients during the study.",
    "There were no adverse effects of the supplement reported during the trial.",
])
def test_a_qualified_event_reported_is_no_zero_of_a_place_or_a_time(text):
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    assert not any(str(r["outcome"]).startswith(("in ", "during ")) for r in rows if r["events"] == 0)


def test_an_event_tied_to_the_treatments_names_no_arm():
    assert _zeros("No adverse effect was reported from either of the medications.") == []
    assert _zeros("No rash was attributed to either drug in any group.") == []


# (convention since session 14, as the labelling rules of batches 12, 13 and 17 state it: zero events stated in words are
# 0 of each arm named, also where the clause names one arm; these sentences were negatives before)
@pytest.mark.parametrize("text, expected", [
    ("No cases of pruritus were recorded in the placebo arm.", [("placebo", 50)]),
    ("Vomiting did not occur in the dexamethasone group.", [("dexamethasone", 52)]),
])
def test_a_denial_naming_one_arm_is_that_arms_zero(text, expected):
    assert _zeros(text) == expected


def test_nobody_withdrawing_for_an_event_is_a_zero_of_the_arm_named():
    # (session 15: moved from the negatives above; the tuning batches label withdrawals and discontinuations for
    # adverse events as outcomes, and nobody doing so in an arm as its zero)
    assert _zeros("No one in the placebo group withdrew because of adverse events.") == [("placebo", 50)]


@pytest.mark.parametrize("text", [
    "No one in the placebo group withdrew from the study.",
    "No one in the placebo group withdrew for personal reasons.",
])
def test_nobody_withdrawing_for_no_event_is_no_zero(text):
    assert _zeros(text) == []
