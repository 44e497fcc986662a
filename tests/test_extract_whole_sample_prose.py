"""Whole-sample figures in prose (extract/rules/whole_sample_prose.py and the population's bracket in
rules/population.py): a range then its mean, traits with their counts, shares listed "X in 41%", a subset "of them",
a mean "on average", a spelled-out population with its traits, means listed with "±". Sentences written for these
tests, with negatives: figures of other studies, of one arm, of the patients' flow, a subset of a few."""
from __future__ import annotations

from evidence_review.extract import extract_document

TRIAL = "We randomly assigned 96 adults with chronic sinusitis to budesonide (n = 48) or saline (n = 48). "


def _rows(text: str, trial: str = TRIAL) -> list[tuple]:
    return [(r["measure"], round(float(r["value"]), 4), r["events"], r["total"], r.get("sd"), r["intervention"],
             r["role"], r["outcome"]) for r in extract_document("d", trial + text, "d.txt", "", design="RCT")]


def _everyone(text: str, trial: str = TRIAL) -> list[tuple]:
    return [r for r in _rows(text, trial) if r[5] == "all patients"]


def test_a_range_then_its_mean_in_the_bracket():
    rows = _everyone("Ages ranged from 23 to 71 years (mean = 44.6 ± 9.3 SD).")
    assert [(r[0], r[1], r[3], r[4], r[6]) for r in rows] == [("MEAN", 44.6, 96, 9.3, "baseline")]
    rows = _everyone("Body weight ranged from 51 to 112 kg (average, 78.5 ± 12.0 kg).")
    assert [(r[0], r[1], r[4]) for r in rows] == [("MEAN", 78.5, 12.0)]
    # a mean outside its range is no mean of it; an arm's range is the arm's
    assert _everyone("Ages ranged from 23 to 71 years (mean = 84.6).") == []
    assert _everyone("In the budesonide group, ages ranged from 23 to 71 years (mean = 44.6 ± 9.3 SD).") == []


def test_traits_with_their_counts_in_a_bracket():
    rows = _everyone("Most of the participants were women (55 people, 57.3%).")
    assert [(r[0], r[2], r[3], r[7]) for r in rows] == [("PROPORTION", 55, 96, "female sex")]
    rows = _everyone("The majority had nasal polyps (61/96, 64%).")
    assert [(r[2], r[3], r[7]) for r in rows] == [(61, 96, "nasal polyps")]
    rows = _everyone("Other diagnoses included allergic rhinitis (n = 9) and aspirin intolerance (n = 4).")
    assert sorted((r[2], r[3], r[7]) for r in rows) == [(4, 96, "aspirin intolerance"), (9, 96, "allergic rhinitis")]


def test_counts_in_a_bracket_that_are_no_traits_of_everyone():
    # a share that is no count of the population; one subgroup's size alone; the flow; a list with other figures
    assert _everyone("Most of the participants were women (55 people, 41.0%).") == []
    assert _everyone("Patients with nasal polyps (n = 30) had worse scores.") == []
    assert _everyone("Reasons for exclusion included refusal (n = 9) and pregnancy (n = 4).") == []
    assert _everyone("The majority had nasal polyps (61/80, 76%).") == []
    # a list of counts said without a verb that breaks everyone down
    assert _everyone("Scores improved in the mild (n = 30) and severe (n = 20) strata.") == []


def test_shares_listed_each_after_its_trait():
    rows = _everyone("The cause of the obstruction was polyps in 37.5%, septal deviation in 25.0% and a cyst in 6.3%.")
    assert sorted((r[1], r[2], r[7]) for r in rows) == [(0.063, 6, "cyst"), (0.25, 24, "septal deviation"),
                                                        (0.375, 36, "polyps")]
    # shares adding up to more than the whole are no breakdown of everyone; one arm's shares are the arm's
    assert _everyone("Symptoms were present in 75.0%, headache in 62.5% and fever in 12.5%.") == []
    assert _everyone("In the saline group, polyps were found in 37.5% and cysts in 6.3%.") == []


def test_a_subset_of_them():
    rows = _everyone("At baseline, 40 (41.7%) had a positive skin test and 11 (27.5%) of them had asthma.")
    assert sorted((r[2], r[3]) for r in rows) == [(11, 40), (40, 96)]
    # a share that is no count of the subset is left to the other rules
    rows = _everyone("At baseline, 40 (41.7%) had a positive skin test and 11 (45.0%) of them had asthma.")
    assert sorted((r[2], r[3]) for r in rows) == [(40, 96)]


def test_a_mean_said_on_average():
    trial = "We randomly assigned 64 infants with colic to lactase or placebo. "
    rows = _everyone("The infants were, on average, 41 days old.", trial)
    assert [(r[0], r[1], r[3]) for r in rows] == [("MEAN", 41.0, 64)]
    assert _everyone("Infants in the lactase group were, on average, 41 days old.", trial) == []


def test_a_spelled_out_population_with_its_traits_in_its_bracket():
    trial = "Volunteers were randomly assigned to the order of two hand rubs. "
    rows = _everyone("Twenty-four volunteers (nine men and 15 women; age: 29 \u00b1 4 years, height: 171 \u00b1 8 cm) "
                     "took part.", trial)
    assert ("PROPORTION", 0.375, 9, 24, None, "all patients", "baseline", "male sex") in rows
    assert [(r[1], r[4]) for r in rows if r[0] == "MEAN"] == [(29.0, 4.0), (171.0, 8.0)]
    rows = _everyone("Eighteen subjects took part (Mean age \u00b1 sd: 37.5 \u00b1 8.0 years; five females).", trial)
    assert sorted((r[0], r[1]) for r in rows) == [("MEAN", 37.5), ("PROPORTION", round(5 / 18, 4))]
    # a few people are no population
    assert _everyone("Two volunteers (one man, age: 41 \u00b1 0 years) withdrew.", trial) == []


def test_means_listed_with_plus_minus_after_the_first():
    rows = _everyone("Participants had a mean\u00b1s.d. age of 51.2\u00b18.4 years, body weight of 91.0\u00b115.2 kg and "
                     "HbA1c of 7.9\u00b11.1%.")
    assert [(r[1], r[4], r[7]) for r in rows] == [(51.2, 8.4, "age"), (91.0, 15.2, "body weight"), (7.9, 1.1, "hba1c")]
    rows = _everyone("The mean age of the patients \u00b1 standard deviation was 48.3 \u00b1 10.1 years.")
    assert [(r[1], r[4], r[7]) for r in rows] == [(48.3, 10.1, "age")]


def test_figures_of_other_studies_are_not_the_samples():
    assert _everyone("In a previous study, ages ranged from 23 to 71 years (mean = 44.6 \u00b1 9.3 SD).") == []
    assert _everyone("Smith et al. found the cause was polyps in 37.5% and septal deviation in 25.0%.") == []


def test_the_people_who_completed_with_their_traits_in_a_bracket():
    rows = _everyone("Ninety completed the study (52 men, 38 women).")
    assert [(r[0], r[2], r[3], r[7]) for r in rows] == [("PROPORTION", 52, 90, "male sex")]
    rows = _everyone("In total, 90 participants completed the trial (mean age 44.1 \u00b1 6.0 years; 52 men).")
    assert sorted((r[0], r[1], r[3]) for r in rows) == [("MEAN", 44.1, 90), ("PROPORTION", round(52 / 90, 4), 90)]
    # the completers split by arm in the bracket are the arms' counts, none of everyone
    assert _everyone("Ninety completed the study (52 in the budesonide group and 38 in the saline group).") == []


def test_a_change_of_a_mean_is_no_mean_of_everyone_at_entry():
    assert _everyone("At the end of the first year, an absolute decrease in mean HbA1c values of 0.52 was found.") == []
    assert [(r[0], r[1]) for r in _everyone("At baseline, the mean HbA1c was 8.1%.")] == [("MEAN", 8.1)]


def test_a_sex_pair_with_a_count_spelled_out():
    rows = _everyone("Participants were fifty-one women and 45 men.")
    assert [(r[2], r[3], r[7]) for r in rows] == [(51, 96, "female sex")]
    # one arm's pair is the arm's
    assert _everyone("In the saline group, twenty women and 28 men took part.") == []


def test_most_of_them_with_the_traits_listed_after():
    rows = _everyone("The mean age was 44.2, most of them were smokers (62.5%), obese (37.5%) with nasal polyps (75.0%).")
    assert sorted((r[0], r[1], r[7]) for r in rows) == [("MEAN", 44.2, "age"), ("PROPORTION", 0.375, "obese"),
                                                        ("PROPORTION", 0.625, "smokers"),
                                                        ("PROPORTION", 0.75, "nasal polyps")]
    # an outcome is no trait at entry
    assert _everyone("Most of them had a relapse (58.3%).") == []
