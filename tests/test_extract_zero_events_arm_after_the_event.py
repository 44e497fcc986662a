"""Nobody of an arm had an event, the arm said in the place right after the event's verb ("no patient vomited in
group 1", "No one vomited in either group": rules/zero_events._read_nobody, `_ARM_AFTER_THE_EVENT`). Sentences shaped
like those of the tuning reports (arms and events changed); negatives."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _zeros(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["events"], r["total"], r["intervention"]) for r in rows if r["measure"] == "PROPORTION"]


@pytest.mark.parametrize("text, expected", [
    ("In the postoperative period, no patient vomited in the rituximab group.", [(0, 40, "rituximab")]),
    ("No patients fainted in the placebo group.", [(0, 38, "placebo")]),
    ("No one vomited in either group.", [(0, 40, "rituximab"), (0, 38, "placebo")]),
])
def test_zero_of_the_arm_named_after_the_event(text, expected):
    assert _zeros(text) == expected


@pytest.mark.parametrize("text", [
    "No patient vomited.",                                       # no arm said, a bare verb
    "No patient was randomized in the placebo group.",           # how the trial ran, no event
    "No patient vomited in the placebo group at the second visit after the first infusion of the study drug.",
])
def test_no_zero_without_the_arm_right_after_the_event(text):
    assert _zeros(text) == []
