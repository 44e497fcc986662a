"""A sex ratio printed as two counts of the whole population, wherever it stands in its sentence (the full stop
after the last count is no decimal point), and reduced ratios that are no counts."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study

TRIAL = "A total of 52 patients were randomized to ketamine or placebo. "


def _sex_rows(text: str) -> list[tuple]:
    text = TRIAL + text
    rows = extract_document("doc", text, "doc.txt", "", study=build_study("doc", text))
    return sorted((r["outcome"], r["events"], r["total"]) for r in rows
                  if r["measure"] == "PROPORTION" and "sex" in str(r["outcome"]))


@pytest.mark.parametrize("sentence, expected", [
    ("The male to female ratio was 31 to 21.", ("male sex", 31, 52)),
    ("The male to female ratio was 31 to 21", ("male sex", 31, 52)),
    ("The male to female ratio was 31 to 21 and the mean age was 45 years.", ("male sex", 31, 52)),
    ("The female/male ratio was 21/31.", ("female sex", 21, 52)),
    ("The male to female ratio was 31:21.", ("male sex", 31, 52)),
    ("Male:female, 31:21.", ("male sex", 31, 52)),
    ("The ratio of men to women was 31 to 21.", ("male sex", 31, 52)),
])
def test_a_sex_ratio_of_counts_ends_its_sentence_or_not(sentence, expected):
    assert _sex_rows(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "The male to female ratio was 1:1.",
    "The male to female ratio was 3 to 2.",
    "The male to female ratio was 1.5:1.",
    "The male to female ratio was 12 to 9.",     # 21 of the 52: some subset, not the population's counts
])
def test_a_reduced_ratio_is_no_count_of_the_population(sentence):
    assert _sex_rows(sentence) == []
