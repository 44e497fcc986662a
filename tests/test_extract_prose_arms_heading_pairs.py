"""Bracketed runs of shares whose arms the clause lists before its verb (rules/aligned.py, `_arms_heading_the_runs`):
"The causes of X in the A and B groups were Y (45.1% and 43.8%), Z (18.3% and 19.2%)". Sentences written for these
tests, numbers and names changed; negatives of the same look."""
from __future__ import annotations

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _shares(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["events"], r["total"], r["intervention"]) for r in rows if r["measure"] == "PROPORTION"]


def test_each_bracket_takes_the_arms_listed_before_the_verb():
    got = _shares("The reasons for surgery in the rituximab and placebo groups were stenosis (40.00% and 36.84%), "
                  "fistula (20.00% and 23.68%) and abscess (10.00% and 13.16%).")
    assert got == [(16, 40, "rituximab"), (14, 38, "placebo"), (8, 40, "rituximab"), (9, 38, "placebo"),
                   (4, 40, "rituximab"), (5, 38, "placebo")]


def test_the_order_of_the_heading_is_kept():
    got = _shares("The reasons for surgery in the placebo and rituximab groups were stenosis (36.84% and 40.00%) and "
                  "fistula (23.68% and 20.00%).")
    assert got == [(14, 38, "placebo"), (16, 40, "rituximab"), (9, 38, "placebo"), (8, 40, "rituximab")]


def test_a_heading_naming_one_arm_gives_no_order():
    got = _shares("The reasons for surgery in the rituximab group were stenosis (40.00% and 36.84%) and fistula "
                  "(20.00% and 23.68%).")
    assert (14, 38, "placebo") not in got and (9, 38, "placebo") not in got
