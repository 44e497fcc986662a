"""Arm counts "x of n" in prose with the total spelled out or after "out of the", and the arm the counted people are
in, named right after them (grammar production `spelled_count_of`, rules/proportions.count_of). Sentences written for
these tests in the shapes unseen abstracts use (numbers and names changed; words and digits on either side, other
people nouns, other links to the arm)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.grammar import Parse

ALLOCATION = "Adults were randomly assigned to rituximab (n = 11) or placebo (n = 10). "


def _counts(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return sorted((r["events"], r["total"], r["intervention"]) for r in rows if r["measure"] == "PROPORTION")


@pytest.mark.parametrize("text, expected", [
    ("Six of eleven subjects in the rituximab group compared with 3 of ten subjects in the placebo group had a relapse.",
     [(3, 10, "placebo"), (6, 11, "rituximab")]),
    ("Relapse occurred in seven of eleven participants receiving rituximab and in two of ten participants receiving "
     "placebo.", [(2, 10, "placebo"), (7, 11, "rituximab")]),
    ("A relapse was seen in 4 out of the 11 patients in the rituximab group versus 6 out of the 10 patients in the "
     "placebo group.", [(4, 11, "rituximab"), (6, 10, "placebo")]),
    ("Nine of ten volunteers given placebo relapsed, against five of eleven volunteers given rituximab.",
     [(5, 11, "rituximab"), (9, 10, "placebo")]),
])
def test_counts_spelled_out_take_the_arm_named_after_their_people(text, expected):
    assert _counts(text) == expected


def test_the_production_reads_words_and_digits_on_either_side():
    found = Parse("Five of nine subjects, 2 of eight patients, (two of two), 3 of four (75%) and 8 out of the 10 "
                  "cases").__call__("spelled_count_of")
    assert [(c.events, c.total) for c in found] == [(5, 9), (2, 8), (2, 2), (3, 4), (8, 10)]


@pytest.mark.parametrize("text", [
    "One of two groups received the drug first.",
    "Two of the three centres enrolled children.",
    "The first of four visits was at week 2.",
])
def test_a_spelled_total_of_no_people_is_no_count(text):
    assert Parse(text)("spelled_count_of") == []


def test_a_count_not_followed_by_its_arm_keeps_the_sentence_arm_rules():
    # the arm is named before the counts: no arm is taken from the words after them
    got = _counts("In the rituximab group, relapse occurred in three of eleven patients.")
    assert got == [(3, 11, "rituximab")]
