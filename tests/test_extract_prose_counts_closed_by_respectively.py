"""Two arms' counts with no noun between them and the arms, closed by "respectively" or "resp."
(rules/proportions.counts_before_their_arms): "(19 and 20 in the A and B groups resp.)". Sentences written for these
tests, numbers and names changed; negatives of the same look that must give no count."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _counts(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["events"], r["total"], r["intervention"]) for r in rows if r["measure"] == "PROPORTION"]


@pytest.mark.parametrize("text", [
    "Patients had grade 1 disease (11 and 14 in the rituximab and placebo groups resp.).",
    "Patients belonged to stage 3 (11 and 14 in the rituximab and placebo groups, respectively).",
    "As per the eGFR (ml/min per 1.73 m2), patients were in stage 2 (11 and 14 in the rituximab and placebo arms "
    "respectively).",
])
def test_bare_counts_closed_by_their_arms_and_respectively(text):
    assert _counts(text) == [(11, 40, "rituximab"), (14, 38, "placebo")]


@pytest.mark.parametrize("text", [
    # no "respectively": a bare pair before the arms may be anything
    "Patients were followed for 11 and 14 in the rituximab and placebo groups.",
    # a level named before the pair: amounts, not counts
    "The mean stay was 11 and 14 in the rituximab and placebo groups, respectively.",
    "The median score was 11 and 14 in the rituximab and placebo groups resp.",
    # more than an arm holds
    "Patients had grade 1 disease (41 and 14 in the rituximab and placebo groups resp.).",
])
def test_pairs_that_are_no_counts_of_the_arms(text):
    assert [c for c in _counts(text) if c[0] in (11, 14, 41)] == []
