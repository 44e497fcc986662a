"""Whole-population figures in prose (rules/population.py, grammar.population_size): a sex ratio of counts read as
the first sex's share of everyone, and populations stated as the people who "participated" or were "accrued".
Sentences written for these tests, numbers and wordings varied."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.grammar import population_size


def _population_rows(text: str) -> list[tuple]:
    rows = extract_document("doc", text, "doc.txt", "", design="RCT")
    return [(r["measure"], r["events"], r["total"], r["outcome"]) for r in rows if r["intervention"] == "all patients"]


@pytest.mark.parametrize("sentence, expected", [
    ("The male to female ratio was 31 to 21 with a mean age of 47 years.", ("PROPORTION", 31, 52, "male sex")),
    ("Patients (M/F 22/30) had a mean age of 48 years.", ("PROPORTION", 22, 52, "male sex")),
    ("The female to male ratio was 30 to 22 at entry.", ("PROPORTION", 30, 52, "female sex")),
])
def test_a_sex_ratio_of_counts_is_the_first_sexs_share(sentence, expected):
    text = "Methods: We randomly assigned 52 patients to rituximab or placebo. Results: " + sentence
    assert expected in _population_rows(text)


def test_a_ratio_to_one_is_no_count():
    text = "Methods: We randomly assigned 52 patients to rituximab or placebo. Results: The male to female ratio was 1.4:1."
    assert [r for r in _population_rows(text) if r[3] == "male sex"] == []


@pytest.mark.parametrize("text, n", [
    ("Results: 118 patients (60 usual care, 58 intervention) participated; 40% were smokers.", 118),
    ("From 2010 to 2012 the study accrued 34 subjects: 20 male and 14 female.", 34),
    ("In all, 96 adults took part.", 96),
])
def test_population_stated_as_who_took_part(text, n):
    assert population_size(text) == n
