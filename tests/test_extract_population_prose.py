"""Whole-population figures in prose written with more words (extract/rules/population.py): medians with their
quartiles or range, means with qualifiers, SDs printed '(±x)', shares 'of the study participants', populations named
with adjectives, the arms named only in a clause without figures. Sentences written for these tests."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document


def _everyone(text: str) -> list[dict]:
    return [r for r in extract_document("doc", text, "doc.txt", "") if r["intervention"] == "all patients"]


def test_median_age_with_range_inside_the_populations_bracket():
    rows = _everyone("Nine hundred and twelve previously treated adults with chronic gout (median age, 61 years; range "
                     "38-88) were randomised to febuxostat or allopurinol.")
    median = next(r for r in rows if r["measure"] == "MEDIAN")
    assert (median["value"], median["total"], median["range_low"], median["range_high"]) == (61.0, 912, 38.0, 88.0)
    assert median["role"] == "baseline" and median["outcome"] == "age"


def test_counts_of_both_sexes_in_a_bracket_give_one_row_and_the_age_its_sd():
    rows = _everyone("In this randomised, placebo-controlled study, 240 young amateur football players (131 male, 109 female, age "
                     "23.1 \u00b1 2.8 years) received either creatine or placebo for 8 weeks.")
    sexes = [r for r in rows if r["measure"] == "PROPORTION"]
    assert [(r["events"], r["total"], r["outcome"]) for r in sexes] == [(131, 240, "male sex")]
    age = next(r for r in rows if r["measure"] == "MEAN")
    assert (age["value"], age["sd"]) == (23.1, pytest.approx(2.8))


@pytest.mark.parametrize("sentence, measure, value, extra", [
    ("The mean body weight of the randomised participants at the time of screening was 88.2 kg.", "MEAN", 88.2, {}),
    ("Mean estimated GFR according to the CKD-EPI equation was 51 ml/min/1.73 m2.", "MEAN", 51.0, {}),
    ("Median Body Mass Index was 31 (IQR 27-35).", "MEDIAN", 31.0, {"q1": 27.0, "q3": 35.0}),
    ("The mean age of the participants was 64.2 \u00b1 6.1 years old (range 50-79 years).", "MEAN", 64.2,
     {"sd": 6.1, "range_low": 50.0, "range_high": 79.0}),
    ("The mean age was 45.3 years (range; 22-71).", "MEAN", 45.3, {"range_low": 22.0, "range_high": 71.0}),
    ("The average weight was 74 kg (\u00b112.5 kg).", "MEAN", 74.0, {"sd": 12.5}),
])
def test_means_and_medians_of_everyone(sentence, measure, value, extra):
    rows = _everyone("A total of 300 patients were randomly assigned to febuxostat or allopurinol. " + sentence)
    row = next(r for r in rows if r["measure"] == measure)
    assert row["value"] == value and row["total"] == 300 and row["role"] == "baseline"
    for k, v in extra.items():
        assert row[k] == pytest.approx(v), k


def test_shares_of_the_study_participants_and_a_clause_saying_the_arms_were_alike():
    rows = _everyone("A total of 500 participants were randomly assigned to the app or a leaflet. Only 8.4% of the study "
                     "participants were 30 years or older. The cohort comprised 57.2% female and 42.8% male "
                     "participants; the sex distribution was similar in the app and leaflet groups.")
    got = {(r["outcome"], r["events"]) for r in rows if r["measure"] == "PROPORTION"}
    assert ("30 years or older", 42) in got and ("female sex", 286) in got and ("male sex", 214) in got


def test_a_clause_with_figures_that_names_an_arm_is_no_population_figure():
    rows = _everyone("A total of 500 students were randomly assigned to the app or a leaflet. In the app group 61.0% were "
                     "female; 38.0% were male in the leaflet group.")
    assert not [r for r in rows if r["measure"] == "PROPORTION"]


def test_a_trial_whose_population_is_its_two_arms():
    text = ("Participants were randomized to rituximab (n = 402) or placebo (n = 398). "
            "Participants were mostly female (70%), with a median age of 39 years.")
    rows = _everyone(text)
    share = next(r for r in rows if r["measure"] == "PROPORTION")
    assert share["total"] == 800 and share["events"] == 560


def test_an_improvement_in_the_discussion_is_no_baseline_mean():
    rows = _everyone("A total of 300 patients were randomly assigned to salbutamol or placebo. Despite a mean improvement "
                     "in FEV1 of only 5.6% after salbutamol, the patients were included.")
    assert not [r for r in rows if r["measure"] == "MEAN"]


def test_a_total_of_n_people_with_their_traits_in_a_bracket():
    rows = _everyone("A total of 212 adults (58% women, mean age 61.5) with heart failure were randomised to rituximab or "
                     "placebo.")
    got = {(r["measure"], r["value"], r["total"]) for r in rows}
    assert ("PROPORTION", 0.58, 212) in got and ("MEAN", 61.5, 212) in got
