"""Zero events said of every arm, read by the one digit-free family reader (rules/zero_events.py) since the
separate not-in-any-arm rule went: the arms counted in digits or words ("within the 2 groups", "in the three arms")
as the study model holds them, an event the lexicon need not know where a verb of seeing or occurring denies it of
every arm, and the event a "None of the patients in either group required X" zero count names. Sentences written for
these tests, names, sizes and fields varied; negatives of the same look give no zero."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

TWO_ARMS = "Children were randomly assigned to dexamethasone (n = 44) or placebo (n = 46). "
THREE_ARMS = ("Ninety adults were randomly assigned to tocilizumab (n = 31), azathioprine (n = 30) or placebo (n = 29). ")


def _zeros(allocation: str, text: str) -> list[tuple]:
    rows = extract_document("doc", allocation + text, "doc.txt", "")
    return sorted({(r["intervention"], r["total"], r["outcome"]) for r in rows
                   if r["measure"] == "PROPORTION" and r["events"] == 0})


@pytest.mark.parametrize("text, outcome", [
    ("No emergence agitation episodes were noted within the 2 groups.", "emergence agitation episodes"),
    ("No secondary effects were recorded within the two groups during the recovery period.", "secondary effects"),
    ("Laryngospasm was not observed in either group.", "laryngospasm"),
    ("Desaturation did not occur in any of the groups.", "desaturation"),
])
def test_a_zero_denied_of_every_arm_gives_each_arm_its_zero(text, outcome):
    zeros = _zeros(TWO_ARMS, text)
    assert [(arm, n) for arm, n, _ in zeros] == [("dexamethasone", 44), ("placebo", 46)]
    assert all(o == outcome for _, _, o in zeros)


def test_three_arms_counted_as_the_study_holds_them():
    zeros = _zeros(THREE_ARMS, "No ovarian hyperstimulation was observed in the three arms.")
    assert sorted((arm, n) for arm, n, _ in zeros) == [("azathioprine", 30), ("placebo", 29), ("tocilizumab", 31)]


@pytest.mark.parametrize("allocation, text", [
    # arms counted otherwise than the study model holds them: no zero of every arm
    (TWO_ARMS, "No emergence agitation episodes were noted within the 3 groups."),
    (THREE_ARMS, "No wound dehiscence was observed within the 2 groups."),
    # a difference, a change, a rate: no event
    (TWO_ARMS, "No difference was observed within the 2 groups."),
    (TWO_ARMS, "Changes in heart rate were not observed in either group."),
    # another number in the sentence: a count, not every arm's zero
    (TWO_ARMS, "No secondary effects were noted within the 2 groups after 3 doses."),
    # one arm named: the other arm's count is not said
    (TWO_ARMS, "Laryngospasm was not observed in the placebo group."),
])
def test_no_zero_of_every_arm(allocation, text):
    assert _zeros(allocation, text) == []


def test_a_zero_count_of_every_arm_is_of_the_event_it_names_not_of_the_next_clause():
    zeros = _zeros(TWO_ARMS, "None of the patients in either group required reintubation and there was no "
                             "readmission in either group.")
    assert [(arm, n) for arm, n, _ in zeros] == [("dexamethasone", 44), ("placebo", 46)]
    assert {o for _, _, o in zeros} == {"reintubation"}
