"""Counts of categories within one arm (rules/arm_categories.py): tumour response classes and an event's grades,
each its own outcome, on sentences written for the purpose (counts, names and word order varied)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study

TWO_ARMS = "Patients were randomly assigned to gemcitabine or gemcitabine plus erlotinib. "
SIZED = "Patients were randomly assigned to ketamine (n = 40) or propofol (n = 42). "


def _rows(text: str) -> list[tuple]:
    rows = extract_document("doc", text, "doc.txt", "", study=build_study("doc", text))
    return sorted((r["intervention"], r["outcome"], r["events"], r["total"], "total_from_categories" in str(r["flags"]))
                  for r in rows if r["measure"] == "PROPORTION")


@pytest.mark.parametrize("sentence, arm", [
    ("We observed two partial responses (PR), seven stable disease (SD), three progressive disease (PD), and two "
     "not evaluable (NE) in the gemcitabine arm.", "gemcitabine"),
    ("For the gemcitabine plus erlotinib arm, there were two PR, seven SD, three PD, and two NE.",
     "gemcitabine plus erlotinib"),
    ("In the gemcitabine arm, 2 partial responses, 7 stable diseases, 3 progressive diseases and 2 not evaluable "
     "were recorded.", "gemcitabine"),
])
def test_a_list_of_every_response_class_partitions_its_arm(sentence, arm):
    assert _rows(TWO_ARMS + sentence) == [
        (arm, "not evaluable", 2, 14, True), (arm, "partial response", 2, 14, True),
        (arm, "progressive disease", 3, 14, True), (arm, "stable disease", 7, 14, True)]


def test_the_arms_size_from_the_study_model_is_the_denominator():
    text = SIZED + "In the ketamine arm there were two partial responses, seven stable disease and three progressive disease."
    assert _rows(text) == [("ketamine", "partial response", 2, 40, False), ("ketamine", "progressive disease", 3, 40, False),
                           ("ketamine", "stable disease", 7, 40, False)]


@pytest.mark.parametrize("sentence, expected", [
    ("In the ketamine group, neutropenia was grade 3 in four patients and grade 4 in one.",
     [("ketamine", "neutropenia grade 3", 4, 40, False), ("ketamine", "neutropenia grade 4", 1, 40, False)]),
    ("Thrombocytopenia in the propofol group was grade 2 in 6 patients, grade 3 in 3 and grade 4 in 1.",
     [("propofol", "thrombocytopenia grade 2", 6, 42, False), ("propofol", "thrombocytopenia grade 3", 3, 42, False),
      ("propofol", "thrombocytopenia grade 4", 1, 42, False)]),
])
def test_an_events_grades_in_one_arm(sentence, expected):
    assert _rows(SIZED + sentence) == expected


@pytest.mark.parametrize("text", [
    # only some classes and no arm size: the sum is no arm's size
    TWO_ARMS + "Responses were 2 CR and 5 PR in the gemcitabine arm.",
    # no arm named
    "We observed two partial responses, seven stable disease and three progressive disease.",
    # grades with no event named before them
    SIZED + "In the ketamine group, it was grade 3 in four patients and grade 4 in one.",
])
def test_lists_without_an_arm_or_a_denominator_give_no_rows(text):
    assert _rows(text) == []
