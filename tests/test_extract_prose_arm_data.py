"""Arm-level data printed in sentences: what must NOT become an arm's row, and shapes that need the study model.

The positive shapes live in extract/registry.py with their examples (run by tests/test_extract_registry.py); these
tests hold the counter-examples each of those rules must leave alone, on sentences written for the purpose."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study


def _rows(text: str) -> list[dict]:
    return extract_document("doc", text, "doc.txt", "", study=build_study("doc", text))


def _arm_rows(text: str, measure: str) -> list[tuple]:
    return sorted((r["intervention"], r["value"], r["events"], r["total"], r["sd"]) for r in _rows(text)
                  if r["measure"] == measure)


ALLOCATION = "Patients were randomly assigned to ketamine (n = 40) or propofol (n = 42). "


def test_arms_the_lexicon_does_not_know_take_a_bracketed_ampersand_list():
    text = ("Patients were randomly assigned to labetalol (n = 50), esmolol (n = 51) or placebo (n = 49). After "
            "intubation, the mean value of SBP (141.2 \u00b1 10.4 mmHg & 138.6 \u00b1 11.2 mmHg & 152.3 \u00b1 12.8 mmHg) "
            "rose in the labetalol, esmolol and placebo groups respectively.")
    assert _arm_rows(text, "MEAN") == [("esmolol", 138.6, None, 51, 11.2), ("labetalol", 141.2, None, 50, 10.4),
                                       ("placebo", 152.3, None, 49, 12.8)]
    assert {r["outcome"] for r in _rows(text)} == {"SBP"}


def test_a_bare_list_closed_by_its_arms_gives_each_arm_its_own_value():
    text = ALLOCATION + ("The mean values of serum sodium after surgery were 138.2 and 139.6 mmol/L for the ketamine "
                         "and propofol groups, respectively.")
    assert _arm_rows(text, "MEAN") == [("ketamine", 138.2, None, 40, None), ("propofol", 139.6, None, 42, None)]


def test_a_bare_list_without_respectively_is_not_read_as_arm_means():
    text = ALLOCATION + "The mean values of serum sodium were 138.2 and 139.6 mmol/L at the two visits."
    assert _arm_rows(text, "MEAN") == []


@pytest.mark.parametrize("sentence", [
    "There were no significant differences in adverse events between the groups.",
    "No adverse events related to the study drug were considered serious by the investigators.",
    "No deaths occurred.",
])
def test_sentences_that_are_not_a_zero_count_of_each_arm(sentence):
    assert _arm_rows(ALLOCATION + sentence, "PROPORTION") == []


def test_no_adverse_events_needs_two_arms_of_known_size():
    assert _arm_rows("Patients received ketamine. There were no adverse events.", "PROPORTION") == []
    assert _arm_rows(ALLOCATION + "There were no adverse events.", "PROPORTION") == [
        ("ketamine", 0.0, 0, 40, None), ("propofol", 0.0, 0, 42, None)]


def test_zero_counts_of_a_listed_outcome_each_get_their_outcome():
    text = ALLOCATION + ("None of the patients in either group experienced any special side effects including apnea, "
                         "nausea and vomiting, or hypotension.")
    rows = [r for r in _rows(text) if r["measure"] == "PROPORTION"]
    assert sorted((r["intervention"], r["outcome"]) for r in rows) == [
        ("ketamine", "apnea"), ("ketamine", "hypotension"), ("ketamine", "nausea and vomiting"),
        ("propofol", "apnea"), ("propofol", "hypotension"), ("propofol", "nausea and vomiting")]
    assert {(r["events"], r["total"]) for r in rows if r["intervention"] == "propofol"} == {(0, 42)}


def test_where_the_events_fell_gives_each_arms_count_never_the_share_of_the_events():
    text = ALLOCATION + ("Out of the 11 patients who experienced treatment failure, 9 (81.8%) patients were in ketamine "
                         "group and 2 (18.2%) was in the propofol group (p = 0.029).")
    # (session 15: the 11 shared out by arm are each arm's failures over its size, 9 of 40 and 2 of 42, as the
    # batches label "13 were in the A arm and 10 were in the B arm"; the shares of the 11 are never an arm's proportion)
    rows = _arm_rows(text, "PROPORTION")
    assert [(r[0], r[2], r[3]) for r in rows] == [("ketamine", 9, 40), ("propofol", 2, 42)]
    assert all(abs(r[1] - 0.818) > 0.01 and abs(r[1] - 0.182) > 0.01 for r in rows)


def test_a_population_count_of_the_total_is_not_an_arms_count():
    text = ALLOCATION + ("In the interim analysis (modified intention-to-treat population, comprising 774 of the 1361 "
                         "patients in the full analysis population), the incidence of hospitalization was lower.")
    assert _arm_rows(text, "PROPORTION") == []


def test_a_share_among_a_subgroup_does_not_take_the_arms_size():
    text = ("Patients were randomly assigned to ketamine (n = 120) or propofol (n = 118). Among 55 seropositive "
            "patients, relapse occurred in 11% of the patients in the ketamine group and in 43% of those in the "
            "propofol group.")
    assert all(r["total"] not in (120, 118) for r in _rows(text) if r["measure"] == "PROPORTION")


def test_an_arms_characteristics_need_the_arm_to_open_the_sentence():
    text = ("Patients were randomly assigned to ketamine (n = 60) or propofol (n = 60). Of the 32 males and 28 females "
            "enrolled, the ketamine group was the larger one.")
    assert [r for r in _rows(text) if r["role"] == "baseline" and r["intervention"] == "ketamine"] == []


def test_an_arms_characteristics_keep_the_first_sex_count_and_skip_a_count_printed_for_two_traits():
    text = ("Patients were randomly assigned to ketamine (n = 60) or propofol (n = 60). The propofol group (n=60) had "
            "36 males and 24 females aged between 41 and 83 years old, with a mean age of 65.7, which included 30 cases "
            "of grade III and grade II respectively.")
    rows = [(r["measure"], r["events"], r["value"], r["outcome"], r["role"]) for r in _rows(text)
            if r["intervention"] == "propofol"]
    assert sorted(rows, key=str) == sorted([("PROPORTION", 36, 0.6, "male sex", "baseline"),
                                            ("MEAN", None, 65.7, "age", "baseline")], key=str)


def test_a_change_without_its_own_words_is_not_negated():
    text = ALLOCATION + ("Body weight was 1.21 kg (95% CI 0.35 to 2.07) above baseline in the ketamine group and 0.62 kg "
                         "(95% CI 0.11 to 1.13) in the propofol group.")
    assert all(r["value"] > 0 for r in _rows(text) if r["measure"] == "MEAN")


def test_an_event_said_to_happen_counts_only_over_an_arm_of_known_size():
    text = ("Patients were randomly assigned to ketamine (n = 29) or propofol (n = 32). Transient shivering was "
            "experienced by 51.7% of women receiving ketamine compared with 6.2% in the propofol group. A history of "
            "smoking was reported in 30% of patients.")
    assert _arm_rows(text, "PROPORTION") == [("ketamine", 0.517, 15, 29, None), ("propofol", 0.062, 2, 32, None)]


def test_each_arm_in_its_own_clause_keeps_its_own_counts():
    text = ("A total of 200 patients were randomized into ketamine (n = 100) or propofol (n = 100). Details were as "
            "follows: ketamine group, 100 patients, 58 patients male, 42 patients female, 3 patients lost; propofol "
            "group, 100 patients, 61 patients male, 39 patients female, 2 patients lost.")
    assert _arm_rows(text, "PROPORTION") == [("ketamine", 0.58, 58, 100, None), ("propofol", 0.61, 61, 100, None)]


# ---------------------------------------------------------------- women or men as the people an outcome counts

def test_women_counted_in_each_arm_with_an_outcome_verb_are_the_outcomes_counts():
    text = ("Mothers were randomly assigned to oxytocin (n = 40) or carbetocin (n = 42). Nine women (22.5%) in the "
            "oxytocin group developed postpartum fever compared with only four women (9.5%) in the carbetocin group.")
    assert _arm_rows(text, "PROPORTION") == [("carbetocin", 0.095, 4, 42, None), ("oxytocin", 0.225, 9, 40, None)]


def test_men_counted_in_two_arms_joined_by_and_are_the_outcomes_counts():
    text = ("Patients were randomly assigned to tamsulosin (n = 50) or silodosin (n = 48). Seven men (14.0%) in the "
            "tamsulosin group and 12 men (25.0%) in the silodosin group reported retrograde ejaculation.")
    assert _arm_rows(text, "PROPORTION") == [("silodosin", 0.25, 12, 48, None), ("tamsulosin", 0.14, 7, 50, None)]


@pytest.mark.parametrize("sentence", [
    # characteristics at entry: the women are a trait of the arm, not an outcome
    "Nine women (22.5%) in the oxytocin group and 15 women (35.7%) in the carbetocin group were aged over 35 years.",
    "Nine women (22.5%) in the oxytocin group had a history of caesarean section compared with 15 women (35.7%) "
    "in the carbetocin group.",
    "Nine women (22.5%) were randomized to oxytocin and 15 women (35.7%) to carbetocin.",
    "At baseline, nine women (22.5%) in the oxytocin group had anaemia compared with 15 women (35.7%) in the "
    "carbetocin group.",
])
def test_women_counted_as_a_characteristic_stay_vetoed(sentence):
    text = "Mothers were randomly assigned to oxytocin (n = 40) or carbetocin (n = 42). " + sentence
    assert _arm_rows(text, "PROPORTION") == []


# ---------------------------------------------------------------- the arm a paragraph is about

def _arm_outcome_rows(text: str) -> list[tuple]:
    return sorted((r["intervention"], r["value"], r["events"], r["total"], r["outcome"]) for r in _rows(text)
                  if r["measure"] == "PROPORTION")


def test_the_arm_a_paragraph_opens_with_is_the_arm_of_its_next_sentences():
    text = ("Patients were randomly assigned to letrozole (n = 60) or anastrozole (n = 64). In the letrozole group, "
            "the median follow-up was 14 months. Fifteen patients (25.0%) had a relapse. In the anastrozole group, "
            "24 patients (37.5%) had a relapse.")
    assert _arm_outcome_rows(text) == [("anastrozole", 0.375, 24, 64, "relapse"), ("letrozole", 0.25, 15, 60, "relapse")]


def test_the_arm_in_force_ends_when_a_sentence_names_another_arm_or_a_new_paragraph_starts():
    opening = ("Patients were randomly assigned to letrozole (n = 60) or anastrozole (n = 64). In the letrozole group, "
               "the median follow-up was 14 months. ")
    # the sentence naming both arms ends the first arm's paragraph
    text = opening + ("Both letrozole and anastrozole were well tolerated. Fifteen patients (25.0%) had a relapse.")
    assert [r[0] for r in _arm_outcome_rows(text)] == [""]
    text = opening.rstrip() + "\n\nFifteen patients (25.0%) had a relapse."
    assert [r[0] for r in _arm_outcome_rows(text)] == [""]


def test_a_count_over_the_other_arms_size_does_not_take_the_arm_in_force():
    text = ("Patients were randomly assigned to letrozole (n = 60) or anastrozole (n = 64). In the letrozole group, "
            "the median follow-up was 14 months. Relapse occurred in 16 of 64 patients (25.0%).")
    assert [r[0] for r in _arm_outcome_rows(text)] == [""]


# ---------------------------------------------------------------- a pair after a sentence whose subject is one arm

def test_a_pair_after_a_sentence_about_one_of_two_arms_is_that_arm_then_the_other():
    text = ("Women were randomly assigned to dinoprostone (n = 50) or misoprostol (n = 51). The dinoprostone group "
            "slept longer (poor sleep 20% vs 51%, p = .002).")
    assert _arm_outcome_rows(text) == [("dinoprostone", 0.2, 10, 50, "poor sleep"),
                                       ("misoprostol", 0.51, 26, 51, "poor sleep")]


def test_a_pair_after_an_arm_that_is_not_the_subject_keeps_no_arm_order():
    text = ("Women were randomly assigned to dinoprostone (n = 50) or misoprostol (n = 51). Sleep was poorer than "
            "expected with dinoprostone (poor sleep 20% vs 51%, p = .002).")
    # the bracket right after the arm's name is that arm's share; the other value is left without an arm
    assert _arm_outcome_rows(text) == [("dinoprostone", 0.2, 10, 50, "poor sleep")]


# ---------------------------------------------------------------- each arm's change printed "by" an amount

def _mean_rows(text: str) -> list[tuple]:
    return sorted((r["intervention"], r["value"], r["total"], r["sd"], r["outcome"]) for r in _rows(text)
                  if r["measure"] == "MEAN")


def test_a_fall_by_an_amount_in_each_arm_is_each_arms_negative_change():
    text = ALLOCATION + ("The mean anxiety score decreased by 3.6 points in the ketamine group and by 1.9 points in "
                         "the propofol group.")
    assert _mean_rows(text) == [("ketamine", -3.6, 40, None, "change in anxiety score"),
                                ("propofol", -1.9, 42, None, "change in anxiety score")]


def test_a_rise_by_an_amount_in_each_arm_is_each_arms_positive_change():
    text = ALLOCATION + "The mean serum sodium rose by 2.2 mmol/L in the ketamine group and by 0.8 mmol/L in the propofol group."
    assert _mean_rows(text) == [("ketamine", 2.2, 40, None, "change in serum sodium"),
                                ("propofol", 0.8, 42, None, "change in serum sodium")]


def test_amounts_by_which_a_difference_changed_are_no_arm_means():
    text = ALLOCATION + ("The mean difference in anxiety score between the groups decreased by 3.6 points in the "
                         "ketamine group and by 1.9 points in the propofol group.")
    assert _mean_rows(text) == []


@pytest.mark.parametrize("sentence", ["Overall, 15 patients (25.0%) had a relapse.",
                                      "Across both groups, 15 patients (25.0%) had a relapse.",
                                      "In all, 15 patients (25.0%) had a relapse."])
def test_a_sentence_about_every_patient_ends_the_arm_in_force(sentence):
    text = ("Patients were randomly assigned to letrozole (n = 60) or anastrozole (n = 64). In the letrozole group, "
            "the drug was taken at night. " + sentence)
    assert all(r[0] == "" for r in _arm_outcome_rows(text))
