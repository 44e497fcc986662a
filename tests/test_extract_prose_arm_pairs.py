"""Arm pairs in prose whose arms the sentence gives only in part (rules/aligned.py): a bracketed pair right after one
named arm of a two-arm study (that arm first, unless a comparing word puts it second), a pair in square brackets
(no citation), and two values each printed beside its own arm with words between them. Sentences written for these
tests, numbers and names changed, several wordings of each shape, negatives too."""
from __future__ import annotations

import pytest

from evidence_review.extract.pipeline import extract_one

ALLOCATION = "Methods: Patients were randomly assigned to rituximab (RTX, n = 60) or placebo (PBO, n = 58).\n"


def _rows(text: str, measure: str = "PROPORTION") -> list[tuple]:
    rows, _, _ = extract_one("doc", ALLOCATION + text, "doc.txt", "", None, "RCT")
    return [(r["value"], r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == measure]


@pytest.mark.parametrize("text, first", [
    ("Remission was more frequent with rituximab (60% vs. 35%, p = 0.02).", "rituximab"),
    ("Remission was more frequent in the rituximab arm [60% vs 35%].", "rituximab"),
    ("Remission was less frequent with placebo (60% versus 35%; P = 0.02).", "placebo"),
    ("Remission was less frequent than with placebo (60% vs. 35%, p = 0.02).", "rituximab"),
    ("Remission was more frequent compared with the placebo group (60% vs. 35%, p = 0.02).", "rituximab"),
])
def test_a_pair_right_after_one_named_arm(text, first):
    got = _rows(text)
    other = "placebo" if first == "rituximab" else "rituximab"
    assert [(v, arm) for v, arm, _, _ in got] == [(0.6, first), (0.35, other)]
    sizes = {"rituximab": 60, "placebo": 58}
    assert [n for *_, n in got] == [sizes[first], sizes[other]]


def test_a_citation_in_square_brackets_still_sets_the_sentence_aside():
    assert _rows("As reported before [12], remission was more frequent with rituximab (60% vs. 35%).") == []


@pytest.mark.parametrize("text, expected", [
    ("In the RTX group 45% of the patients needed analgesia versus 62% in the PBO group (p = 0.04).",
     [(0.45, "rituximab", 27, 60), (0.62, "placebo", 36, 58)]),
    ("Analgesia was needed by 45% in the rituximab group, whereas 62% in the placebo group needed it.",
     [(0.45, "rituximab", 27, 60), (0.62, "placebo", 36, 58)]),
    ("The infection rate in the placebo group (17.2%) was significantly higher (P = 0.02) than in the rituximab "
     "group (5.0%).", [(0.172, "placebo", 10, 58), (0.05, "rituximab", 3, 60)]),
])
def test_two_shares_each_beside_its_own_arm(text, expected):
    assert _rows(text) == expected


def test_two_means_each_beside_its_own_arm():
    got = _rows("The hospital stay was 6.1 ± 1.2 days with rituximab, whereas it was 7.4 ± 1.5 days with placebo.",
                "MEAN")
    assert [(v, arm, n) for v, arm, _, n in got] == [(6.1, "rituximab", 60), (7.4, "placebo", 58)]


@pytest.mark.parametrize("text", [
    "In the RTX group 45% of the patients were male versus 62% in the PBO group.",
    "Among patients in the rituximab group 30% had been treated before versus 20% in the placebo group.",
])
def test_traits_of_the_patients_beside_their_arms_are_no_outcome(text):
    rows, _, _ = extract_one("doc", ALLOCATION + text, "doc.txt", "", None, "RCT")
    assert [r for r in rows if r["measure"] == "PROPORTION" and r["role"] == "effect"] == []


def test_shares_with_their_interval_beside_their_arms_are_estimates_not_counts():
    assert _rows("At day 56 there were more relapses in the placebo arm (8.9%, 95% CI 6.0-13.1%) than in the "
                 "rituximab arm (2.8%, 95% CI 1.4-5.5%).") == []


@pytest.mark.parametrize("text, expected", [
    ("There were 40 deaths (15 in the rituximab group and 25 in the placebo group).",
     [(15, "rituximab", 60), (25, "placebo", 58)]),
    ("Death occurred in 3 patients in the rituximab group and eight in the placebo group.",
     [(3, "rituximab", 60), (8, "placebo", 58)]),
    ("Infusion reactions were reported in 11 patients in the placebo group compared with 4 in the rituximab group.",
     [(11, "placebo", 58), (4, "rituximab", 60)]),
    ("Hypoglycaemia developed in 6 participants receiving rituximab, while 2 participants receiving placebo had it.",
     [(6, "rituximab", 60)]),
])
def test_counts_each_before_its_own_arm(text, expected):
    got = [(e, arm, n) for _, arm, e, n in _rows(text)]
    assert got[:len(expected)] == expected


@pytest.mark.parametrize("text", [
    "The median score was 12 in the rituximab group and 15 in the placebo group.",
    "Of these, 50 patients in the rituximab group and 48 in the placebo group were analysed.",
    "The mean number of infusions was 4 in the rituximab group and 5 in the placebo group.",
    "There were 40 relapses (15 in the rituximab group and 25 in the placebo group).",
])
def test_counts_beside_arms_that_are_no_events(text):
    assert [r for r in _rows(text) if r[2] is not None] == []


@pytest.mark.parametrize("text, expected", [
    ("Fever was reported by 30.0% and 12.1% of patients in the rituximab and placebo groups.",
     [(0.3, "rituximab", 18, 60), (0.121, "placebo", 7, 58)]),
    ("Somnolence occurred in 25% and 10% of participants in the placebo and rituximab groups, respectively.",
     [(0.25, "placebo", 14, 58), (0.1, "rituximab", 6, 60)]),
])
def test_shares_listed_before_of_patients_in_the_listed_arms(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "In the rituximab group, 10 patients (16.7%) developed a rash, as opposed to 2 patients (3.4%) in the placebo group.",
    "A rash developed in 10 patients (16.7%) in the rituximab group, in contrast to 2 patients (3.4%) in the placebo "
    "group.",
])
def test_counts_with_their_share_set_against_each_other(text):
    assert [(e, arm, n) for _, arm, e, n in _rows(text)] == [(10, "rituximab", 60), (2, "placebo", 58)]


UNSIZED = ("Background: We compared rituximab with placebo. Methods: Patients were randomly assigned to rituximab or "
           "placebo.\n")


def test_shares_of_arms_whose_size_no_sentence_gives_keep_their_printed_share():
    rows, _, _ = extract_one("doc", UNSIZED + "Results: The remission rate (41.5 % vs. 30.2 %; p = 0.04) and the relapse "
                             "rate (12.0 % vs. 20.5 %; p = 0.03) differed between the groups.", "doc.txt", "", None, "RCT")
    got = [(r["value"], r["intervention"], r["events"]) for r in rows if r["measure"] == "PROPORTION"]
    assert got == [(0.415, "rituximab", None), (0.302, "placebo", None), (0.12, "rituximab", None),
                   (0.205, "placebo", None)]


def test_a_modelled_risk_of_arms_of_unknown_size_is_no_arm_share():
    rows, _, _ = extract_one("doc", UNSIZED + "The adjusted risk of relapse was lower with rituximab (11% vs. 29%).",
                             "doc.txt", "", None, "RCT")
    assert [r for r in rows if r["measure"] == "PROPORTION"] == []


def test_a_pair_after_a_rate_named_by_what_it_counts():
    rows, _, _ = extract_one("doc", UNSIZED + "In addition, subjective cure rates were found higher in the rituximab group "
                             "(75% versus 55%, p = 0.19).", "doc.txt", "", None, "RCT")
    assert [(r["value"], r["intervention"]) for r in rows if r["measure"] == "PROPORTION"] == [
        (0.75, "rituximab"), (0.55, "placebo")]


def test_a_centre_with_its_interquartile_range_is_a_median_unnamed():
    rows, _, _ = extract_one("doc", ALLOCATION + "The time to recovery was 21 (IQR 14-30) vs 28 (IQR 20-41) days in "
                             "the rituximab and placebo groups.", "doc.txt", "", None, "RCT")
    got = [(r["value"], r["intervention"], r["q1"], r["q3"]) for r in rows if r["measure"] == "MEDIAN"]
    assert got == [(21.0, "rituximab", 14.0, 30.0), (28.0, "placebo", 20.0, 41.0)]


@pytest.mark.parametrize("text", [
    "The mean (SD) heart rate decreased from 88.1 (7.2) to 76.4 (6.9) in the rituximab group.",
    "In the rituximab group, heart rate fell from 88.1 (SD 7.2) to 76.4 (SD 6.9).",
])
def test_a_within_arm_change_with_bracketed_spreads(text):
    got = [(v, arm, sd) for v, arm, sd in ((r["value"], r["intervention"], r["sd"]) for r in
           extract_one("doc", ALLOCATION + text, "doc.txt", "", None, "RCT")[0] if r["measure"] == "MEAN")]
    assert got == [(88.1, "rituximab", 7.2), (76.4, "rituximab", 6.9)]


@pytest.mark.parametrize("text, expected", [
    ("Five of 60 rituximab patients and 9 of 58 placebo patients were hospitalised.",
     [(5, "rituximab", 60), (9, "placebo", 58)]),
    ("None of the 58 placebo patients developed neutropenia.", [(0, "placebo", 58)]),
    ("None of the patients receiving placebo had a skin reaction.", [(0, "placebo", 58)]),
    ("None of the 60 patients in the rituximab group had seizures.", [(0, "rituximab", 60)]),
])
def test_counts_and_zeros_whose_people_carry_their_arm(text, expected):
    assert [(e, arm, n) for _, arm, e, n in _rows(text)] == expected


def test_nobody_of_an_arm_needs_its_people_and_an_event():
    assert _rows("No rituximab was given after week 4 in 12 patients.") == []


@pytest.mark.parametrize("text, expected", [
    ("The hospital stay (rituximab group 6.1 ± 1.2 days vs placebo group 7.4 ± 1.5 days) was shorter.",
     [(6.1, "rituximab", 60), (7.4, "placebo", 58)]),
    ("Vomiting (placebo 5/58 vs rituximab 12/60) was rare.", [(5 / 58, "placebo", 58), (0.2, "rituximab", 60)]),
])
def test_each_value_right_after_its_arm_name_with_a_space(text, expected):
    rows, _, _ = extract_one("doc", ALLOCATION + text, "doc.txt", "", None, "RCT")
    got = [(r["value"], r["intervention"], r["total"]) for r in rows if r["measure"] in ("MEAN", "PROPORTION")]
    assert [(round(v, 4), a, n) for v, a, n in got] == [(round(v, 4), a, n) for v, a, n in expected]


@pytest.mark.parametrize("text, expected", [
    ("Nausea (placebo 19% vs rituximab 30%) was common.", [(0.19, "placebo"), (0.3, "rituximab")]),
    ("Serious infections [rituximab: 12%, placebo: 5%] were rare.", [(0.12, "rituximab"), (0.05, "placebo")]),
    ("Women (placebo 45% vs rituximab 50%) were many.", []),
])
def test_a_name_then_the_bracket_of_the_arms_labelled_shares(text, expected):
    assert [(v, arm) for v, arm, _, _ in _rows(text)] == expected


@pytest.mark.parametrize("text", [
    "Headache was reported in n = 12 (20%) vs n = 6 (10%) patients.",
    "Headache was reported in 12 (20%) versus 6 (10%) patients.",
])
def test_counts_set_against_each_other_in_a_sentence_naming_no_arm_take_the_documents_order(text):
    assert [(e, arm, n) for _, arm, e, n in _rows(text)] == [(12, "rituximab", 60), (6, "placebo", 58)]


def test_a_bracket_splitting_a_number_of_the_participants_by_arm_is_no_event_count():
    assert _rows("Ten (5 in the rituximab group and 5 in the placebo group) of the 43 participants who started "
                 "treatment had a mild episode.") == []
