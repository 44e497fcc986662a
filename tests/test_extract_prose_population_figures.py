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


@pytest.mark.parametrize("text, expected", [
    ("Methods: A randomized trial of rituximab versus placebo. Results: 118 patients (60 placebo, 58 rituximab) "
     "participated; 37% had diabetes.", ("PROPORTION", 44, 118, "diabetes")),
    ("Methods: A randomized trial of rituximab versus placebo. Results: The study accrued 34 subjects: 21 male and 13 "
     "female, with a median age of 62; 18 were treated with rituximab and 16 were treated with placebo.",
     ("PROPORTION", 21, 34, "male sex")),
])
def test_figures_of_everyone_beside_a_clause_splitting_the_population_between_the_arms(text, expected):
    got = _population_rows(text)
    assert expected in got
    assert not [r for r in got if r[1] in (18, 16, 60, 58)]      # the arms' sizes are no figure of everyone


def test_a_clause_with_an_arms_own_figure_still_names_an_arm():
    text = ("Methods: We randomly assigned 52 patients to rituximab or placebo. Results: 30 patients were male; 12 "
            "patients in the rituximab group had a relapse.")
    assert [r for r in _population_rows(text) if r[3] == "relapse"] == []


@pytest.mark.parametrize("sentence, expected", [
    ("Septic shock was present in 49/61 (80%).", ("PROPORTION", 49, 61, "septic shock")),
    ("Chronic kidney disease was present at admission in 12/61 (19.7%).", ("PROPORTION", 12, 61, "chronic kidney disease")),
])
def test_a_state_present_in_a_count_of_everyone(sentence, expected):
    text = "Methods: We randomly assigned 61 patients to rituximab or placebo. Results: " + sentence
    assert expected in _population_rows(text)


def test_a_state_present_in_one_arm_is_no_figure_of_everyone():
    text = ("Methods: We randomly assigned 61 patients to rituximab (n = 30) or placebo (n = 31). Results: Septic shock "
            "was present in 25/30 patients of the rituximab group.")
    assert _population_rows(text) == []


@pytest.mark.parametrize("sentence, events", [
    ("Thirty percent of subjects had an exacerbation during the study.", 6),
    ("Forty five per cent of the patients experienced a relapse over the follow-up.", 9),
])
def test_a_spelled_share_of_everyone_having_an_event_during_the_trial(sentence, events):
    text = "Results: 20 patients were randomized to rituximab or placebo and 18 completed the study. " + sentence
    rows = extract_document("doc", text, "doc.txt", "", design="RCT")
    got = [(r["events"], r["total"], r["role"]) for r in rows if r["intervention"] == "all patients"]
    assert got == [(events, 20, "effect")]
