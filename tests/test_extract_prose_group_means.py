"""Arm means in sentences that name their arms as groups the lexicon does not know (abstracts often have no
allocation sentence the study model can read), and a mean's bracketed range kept with it."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study


def _means(text: str) -> list[tuple]:
    rows = extract_document("doc", text, "doc.txt", "", study=build_study("doc", text))
    return sorted((r["intervention"], r["value"], r["sd"], r["range_low"], r["range_high"], r["total"])
                  for r in rows if r["measure"] == "MEAN")


@pytest.mark.parametrize("text, expected", [
    ("The mean pain score was 12.1 \u00b1 3.0 in the ketamine group and 10.2 \u00b1 2.9 in the propofol group.",
     [("ketamine", 12.1, 3.0, None, None, None), ("propofol", 10.2, 2.9, None, None, None)]),
    ("Mean systolic pressure was 128.4 (SD 11.2) mmHg in group B and 135.0 (SD 12.5) mmHg in group C.",
     [("group B", 128.4, 11.2, None, None, None), ("group C", 135.0, 12.5, None, None, None)]),
    ("Average fatigue scores were 41.7 \u00b1 6.6 among the yoga arm versus 47.9 \u00b1 7.0 among the waitlist arm.",
     [("waitlist", 47.9, 7.0, None, None, None), ("yoga", 41.7, 6.6, None, None, None)]),
])
def test_means_with_a_spread_take_the_groups_the_sentence_names(text, expected):
    assert _means(text) == expected


@pytest.mark.parametrize("text", [
    "The mean age was 54.2 \u00b1 8.1 years in the whole group.",
    "Mean age was 61 \u00b1 9 years in the elderly group and 45 \u00b1 8 years in the younger group.",
    "The mean BMI was 27.3 \u00b1 4.2 kg/m2 in the study population.",
])
def test_a_cohort_or_its_age_groups_are_no_arms(text):
    assert _means(text) == []


@pytest.mark.parametrize("text, expected", [
    # the bracketed pair is off the mean's centre: a range (an interval of a mean is centred on it)
    ("The mean drainage time was 6 (1\u201342) days in the control group against 4 (2\u201315) days for the "
     "nutrition group (p = 0.019).",
     [("control", 6.0, None, 1.0, 42.0, None), ("nutrition", 4.0, None, 2.0, 15.0, None)]),
    ("The mean hospital stay was 9 (range 3-20) days in group A and 5 (range 2-14) days in group B.",
     [("group A", 9.0, None, 3.0, 20.0, None), ("group B", 5.0, None, 2.0, 14.0, None)]),
    ("Mean length of stay was 5.2 days (range 1-12) in the intervention group compared to 7.9 days (range 2-30) "
     "in the usual care group.",
     [("intervention", 5.2, None, 1.0, 12.0, None), ("usual care", 7.9, None, 2.0, 30.0, None)]),
    ("Mean time to extubation was 14 (9 to 31) min in the sevoflurane group whereas 19 (11 to 45) min in the "
     "desflurane group.",
     [("desflurane", 19.0, None, 11.0, 45.0, None), ("sevoflurane", 14.0, None, 9.0, 31.0, None)]),
])
def test_bare_means_keep_their_range_and_take_the_groups_named(text, expected):
    assert _means(text) == expected


def test_a_pair_centred_on_the_mean_is_no_range():
    text = ("Mean length of stay was 5.2 days (4.1-6.3) in the intervention group compared to 7.9 days (6.8-9.0) "
            "in the usual care group.")
    assert all(r[3] is None and r[4] is None for r in _means(text))


def test_the_study_models_arm_sizes_reach_the_groups_named():
    text = ("Patients were randomized to a nutrition program (n = 31) or a normal diet (n = 27). The mean drainage "
            "time was 6 (1\u201342) days in the normal diet group versus 4 (2\u201315) days in the nutrition program group.")
    assert _means(text) == [("normal diet", 6.0, None, 1.0, 42.0, 27), ("nutrition program", 4.0, None, 2.0, 15.0, 31)]


SIZED = "Patients were randomly assigned to ketamine (n = 40) or propofol (n = 42). "


@pytest.mark.parametrize("sentence", [
    "Mean pain score (SD), ketamine: 12.1 (3.0); propofol: 10.2 (2.9).",
    "Mean pain score (SD): ketamine, 12.1 (3.0); propofol, 10.2 (2.9).",
    "Mean pain score, ketamine: 12.1 \u00b1 3.0; propofol: 10.2 \u00b1 2.9.",
])
def test_a_list_labelled_by_its_arms_after_semicolons_keeps_its_heading(sentence):
    assert _means(SIZED + sentence) == [("ketamine", 12.1, 3.0, None, None, 40), ("propofol", 10.2, 2.9, None, None, 42)]


def test_a_later_clause_naming_no_arm_is_not_an_item_of_the_list():
    assert _means(SIZED + "Mean pain score was 12.1 \u00b1 3.0 with ketamine; age: 10.2 \u00b1 2.9.") == [
        ("ketamine", 12.1, 3.0, None, None, 40)]
