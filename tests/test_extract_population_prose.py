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


def test_an_outcome_of_everyone_and_its_breakdown():
    rows = _everyone("Six hundred and forty adults with myeloma (median age, 66 years; range 45-83) were randomised to "
                     "rituximab or azathioprine. The overall response rate was 72% (very good partial response (VGPR) 41% "
                     "PR 31%), with no difference between rituximab (74%) and azathioprine (70%).")
    got = {(r["value"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert (0.72, 461, 640) in got and (0.41, 262, 640) in got and (0.31, 198, 640) in got


@pytest.mark.parametrize("sentence", [
    "Overall remission was 54% vs 31% (difference 23%, 95% CI 7 to 39).",
    "The overall response rate in the rituximab group was 61%.",
    "The overall retention rate was 92%.",
])
def test_what_is_no_outcome_of_everyone(sentence):
    rows = _everyone("A total of 300 patients were randomly assigned to rituximab or azathioprine. " + sentence)
    assert not [r for r in rows if r["measure"] == "PROPORTION"]


def test_a_spelled_count_of_the_population_and_the_next_item_of_its_list():
    rows = _everyone("A total of 120 patients were randomly assigned to rituximab or placebo. At inclusion, seventy-two "
                     "(60%) of the 120 patients had an eGFR below 60 and 18 (15%) had an eGFR below 30.")
    got = {(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert got == {(72, 120), (18, 120)}


def test_traits_each_with_its_figure_in_a_bracket_over_the_people_the_sentence_opens_with():
    rows = _everyone("A total of 64 participants were randomly assigned to rituximab or placebo. Among the 52 participants "
                     "who completed 12 months, baseline gender (54% female), body mass index (27.9 kg/m2), use of insulin "
                     "(31%) and HbA1c (8.4) did not differ among treatment groups.")
    got = {(r["measure"], r["value"], r["total"], r["outcome"]) for r in rows}
    assert ("PROPORTION", 0.54, 52, "female sex") in got and ("MEAN", 27.9, 52, "body mass index") in got
    assert ("PROPORTION", 0.31, 52, "use of insulin") in got and ("MEAN", 8.4, 52, "hba1c") in got


def test_bracketed_figures_of_one_arm_are_no_population_figures():
    rows = _everyone("A total of 64 participants were randomly assigned to rituximab or placebo. At baseline, in the "
                     "rituximab group, gender (54% female), body mass index (27.9 kg/m2) and HbA1c (8.4) were recorded.")
    assert rows == []


def test_the_population_split_in_two_by_a_trait():
    rows = _everyone("A total of 90 patients were randomly assigned to rituximab or placebo. At baseline, 51 patients were "
                     "naive cases without earlier therapy and 39 patients were previously failed therapy.")
    got = {(r["events"], r["total"], r["outcome"]) for r in rows}
    assert got == {(51, 90, "naive cases without earlier therapy"), (39, 90, "previously failed therapy")}


def test_two_counts_that_do_not_add_up_to_the_population_are_not_a_split():
    rows = _everyone("A total of 90 patients were randomly assigned to rituximab or placebo. At baseline, 31 patients were "
                     "smokers and 12 patients had diabetes.")
    assert [r for r in rows if r["events"] in (31, 12)] == []


def test_a_quantity_of_everyone_printed_as_mean_sd_in_brackets_without_the_word_mean():
    rows = _everyone("A total of 150 patients with angina were randomly assigned to rituximab or placebo. The resting heart "
                     "rate was (61 \u00b1 9) bpm, and the diastolic pressure was (82 \u00b1 11) mmHg.")
    got = {(r["value"], r["sd"], r["total"], r["outcome"]) for r in rows if r["measure"] == "MEAN"}
    assert got == {(61.0, 9.0, 150, "resting heart rate"), (82.0, 11.0, 150, "diastolic pressure")}


def test_a_change_or_an_outcome_in_brackets_is_no_baseline_mean():
    rows = _everyone("A total of 150 patients with angina were randomly assigned to rituximab or placebo. The reduction in "
                     "pain was (2.1 \u00b1 0.9) points and the relapse rate was (12 \u00b1 3) per year.")
    assert [r for r in rows if r["measure"] == "MEAN"] == []
