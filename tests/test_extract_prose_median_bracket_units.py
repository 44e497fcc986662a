"""A median whose bracket prints the unit again after its upper bound (grammar `median_spread`): "78 days (32-146
days)", "6 days (range 2-14 days)". Sentences written for these tests; negatives."""
from __future__ import annotations

from evidence_review.extract import extract_document
from evidence_review.extract.grammar import Parse

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "


def _medians(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [(r["value"], r["q1"], r["q3"], r["range_low"], r["range_high"], r["intervention"])
            for r in rows if r["measure"] == "MEDIAN"]


def test_quartiles_with_the_unit_repeated():
    got = _medians("Median time to remission was 41 days (19\u201388 days) for the rituximab group and 63 days "
                   "(35\u2013120 days) in the placebo group.")
    assert got == [(41.0, 19.0, 88.0, None, None, "rituximab"), (63.0, 35.0, 120.0, None, None, "placebo")]


def test_a_range_with_the_unit_repeated():
    assert _medians("The median hospital stay was 5 days (range 3-12 days) with rituximab.") == [
        (5.0, None, None, 3.0, 12.0, "rituximab")]


def test_a_word_that_is_no_unit_ends_no_spread():
    assert Parse("78 days (32-146 patients)")("median_spread") == []
