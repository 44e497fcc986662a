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


def test_where_the_events_fell_is_not_each_arms_proportion():
    text = ALLOCATION + ("Out of the 11 patients who experienced treatment failure, 9 (81.8%) patients were in ketamine "
                         "group and 2 (18.2%) was in the propofol group (p = 0.029).")
    assert _arm_rows(text, "PROPORTION") == []


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
