"""Zero events said in words, whatever the event's name: denied by a verb of seeing or occurring with no arm named (every
arm of known size), in a clause naming one arm ("In the B group, however, no X occurred": that arm's zero, as the
labelling rules count 0 of each arm named), and two events denied together ("No serious adverse events or deaths"),
each its own outcome. Sentences written for these tests (names and wordings varied); negatives of the same look."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study

ALLOCATION = "Children were randomly assigned to ondansetron (n = 44) or metoclopramide (n = 46). "
EVERY = [("metoclopramide", 0, 46), ("ondansetron", 0, 44)]



def _read(text: str) -> list[dict]:
    # (treatments the lexicon does not know: their arms come from the study model, as in a document's run)
    return extract_document("doc", text, "doc.txt", "", study=build_study("doc", text))

def _zeros(text: str) -> list[tuple]:
    rows = _read(ALLOCATION + text)
    return sorted((r["intervention"], r["events"], r["total"]) for r in rows
                  if r["measure"] == "PROPORTION" and r["events"] == 0)


@pytest.mark.parametrize("text", [
    "No wound infection was recorded.",
    "No extrapyramidal reaction was observed during the study.",
    "No bleeding was documented.",
])
def test_an_event_denied_by_a_verb_of_seeing_is_every_arms_zero(text):
    assert _zeros(text) == EVERY


@pytest.mark.parametrize("text, expected", [
    ("In the metoclopramide group, however, no wound infection occurred.", [("metoclopramide", 0, 46)]),
    ("No extrapyramidal reaction was observed in the ondansetron group.", [("ondansetron", 0, 44)]),
])
def test_a_denial_in_a_clause_naming_one_arm_is_that_arms_zero(text, expected):
    assert _zeros(text) == expected


def test_two_events_denied_together_are_two_outcomes():
    rows = _read(ALLOCATION + "No serious adverse events or deaths occurred.")
    got = sorted((r["intervention"], r["outcome"], r["events"]) for r in rows if r["measure"] == "PROPORTION")
    assert got == [("metoclopramide", "death", 0), ("metoclopramide", "serious adverse events", 0),
                   ("ondansetron", "death", 0), ("ondansetron", "serious adverse events", 0)]


def test_one_event_named_twice_stays_one_outcome():
    rows = _read(ALLOCATION + "No adverse events or reactions were reported.")
    assert len([r for r in rows if r["measure"] == "PROPORTION"]) == 2


@pytest.mark.parametrize("text", [
    "No change in wound healing was observed.",
    "No correlation was found between nausea and age.",
    "No statistically significant differences were observed.",
    "No further improvement was observed after the first day.",
    "No deaths occurred.",                                      # the labelling rule counts a death where it is printed
    "No patient was lost to follow-up.",
    "In the metoclopramide group, however, no difference in nausea was observed.",
])
def test_no_zero_where_nothing_is_counted(text):
    assert _zeros(text) == []
