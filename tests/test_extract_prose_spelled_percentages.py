"""A percentage spelled out (grammar.SPELLED_PERCENT: "Ninety-one per cent", "Twenty-six percent", one number token
like "91 per cent"), so a share that opens a sentence is read as any share of an arm or of everyone. Sentences shaped
like those of the tuning reports (numbers and arms changed); negatives."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.grammar import tokenize

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _counts(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["events"], r["total"], r["intervention"]) for r in rows if r["measure"] == "PROPORTION"]


@pytest.mark.parametrize("text, value, end", [
    ("Fifty-six percent of the A group", 56.0, 17),
    ("Ninety-one per cent of patients", 91.0, 19),
    ("Forty one percent of subjects", 41.0, 17),
])
def test_a_spelled_percentage_is_one_percent_token(text, value, end):
    (num,) = tokenize(text)
    assert (num.start, num.value, num.percent, num.full_end) == (0, value, True, end)


@pytest.mark.parametrize("text", ["twenty percentage points", "one of the forty patients", "Ten patients"])
def test_no_percentage_without_its_word(text):
    assert all(not n.percent for n in tokenize(text))


@pytest.mark.parametrize("text, expected", [
    ("Ninety per cent of patients in the rituximab group had excellent to good results as compared to 66% in the "
     "placebo group.", [(36, 40, "rituximab"), (25, 38, "placebo")]),
    ("Twenty-five percent of rituximab-treated participants reached remission and less than half of that (10%) in "
     "the placebo group did so.", [(10, 40, "rituximab"), (4, 38, "placebo")]),
])
def test_spelled_share_of_an_arm(text, expected):
    assert _counts(text) == expected


def test_spelled_share_of_everyone_read_once():
    rows = extract_document("doc", ALLOCATION + "Fifty-one per cent of the patients had a Tegner score of 1.",
                            "doc.txt", "")
    shares = [r for r in rows if r["measure"] == "PROPORTION"]
    assert [(r["events"], r["total"]) for r in shares] == [(40, 78)]
