"""Zero events said in words, shapes of the full reports' safety paragraphs (rules/zero_events.py): long lists of
events denied together (each its own zero, the lexicon need not know every item), two events denied "in two groups",
the study's drugs together as the events' source, an event whose threshold is printed in brackets, "in any of the
procedures", events of a kind ("thrombotic event") and two denials joined by "and no". Sentences written for these
tests, shaped like the tuning reports' (names, events and numbers changed)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38). "
BOTH = [("placebo", 38), ("rituximab", 40)]


def _zeros(text: str) -> list[tuple]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return sorted((r["intervention"], r["total"], r["outcome"]) for r in rows
                  if r["measure"] == "PROPORTION" and r["events"] == 0)


def _arms(text: str) -> list[tuple]:
    return sorted({(arm, total) for arm, total, _ in _zeros(text)})


def test_a_long_list_of_events_denied_together_gives_each_event_its_zero():
    zeros = _zeros("No perioperative death, low cardiac output, acute lung injury, renal failure, neurological "
                   "complications, wound healing problems or bleeding problems occurred.")
    outcomes = sorted({o for _, _, o in zeros})
    assert outcomes == sorted(["perioperative death", "low cardiac output", "acute lung injury", "renal failure",
                               "neurological complications", "wound healing problems", "bleeding problems"])
    assert len(zeros) == 14
    # said of "the patients involved in the study": every arm's
    assert len(_zeros("No perioperative death, low cardiac output, acute lung injury or wound healing problems occurred "
                      "among the patients involved in the study.")) == 8


def test_two_events_denied_in_two_groups():
    zeros = _zeros("There was no severe ovarian hyperstimulation and multiple pregnancy in two groups.")
    assert sorted({o for _, _, o in zeros}) == ["multiple pregnancy", "severe ovarian hyperstimulation"]
    assert sorted({(a, n) for a, n, _ in zeros}) == BOTH


@pytest.mark.parametrize("text", [
    "There was no difference in age, weight and height in two groups.",      # a comparison, no events
    "No change, improvement or worsening of symptoms was observed.",          # items that are no events
    "No nausea, headache or rash was reported in previous studies.",          # another place
])
def test_lists_that_are_no_zero_events(text):
    assert _zeros(text) == []


def test_side_effects_of_the_study_drugs_together_are_every_arms_zero():
    assert _arms("No side effects of the drugs were observed.") == BOTH
    assert _arms("No side effects of the drugs were observed in previous studies.") == []


def test_a_threshold_in_brackets_is_no_count_of_the_sentence():
    assert _arms("None of the patients had hypokalemia (K < 3.2 mmol/L) during the follow-up period.") == BOTH
    # a bracket without a comparison sign may be a count: the sentence is left to the counting rules
    assert _arms("None of the patients had hypokalemia (3 of 40) during the follow-up period.") == []


def test_no_event_in_any_of_the_procedures():
    assert _arms("No complications were observed in any of the procedures performed in the trial.") == BOTH


def test_events_of_a_kind_denied():
    assert _arms("Moreover, no thromboembolic event was recorded.") == BOTH
    assert _arms("No significant events were recorded.") == []


def test_two_denials_joined_by_and_no():
    zeros = _zeros("No systemic adverse reactions were observed and no wound infection occurred.")
    assert sorted({o for _, _, o in zeros}) == ["systemic adverse reactions", "wound infection"]
    # after a count, "and no" is none among the counted few
    assert _zeros("We observed one wound infection out of 12 and no deep infections.") == []


def test_a_short_list_with_an_item_the_lexicon_does_not_know_stays_unread():
    assert _zeros("No nausea, dizziness or unusual fatigue was observed.") == []


def test_a_p_value_in_brackets_is_no_threshold():
    assert _zeros("No meaningful differences were found for any of the appetite measures (all p > 0.05).") == []


def test_events_listed_after_the_people_negated_each_with_its_threshold():
    # a laboratory safety paragraph: the thresholds printed right after each event, no bracket, no conjunction
    zeros = _zeros("No patients experienced fasting glucose \u2265126 mg/dL, non-fasting glucose \u2265180 mg/dL, "
                   "fasting cholesterol \u2265240 mg/dL, non-fasting triglyceride \u2265400 mg/dL.")
    assert sorted({o for _, _, o in zeros}) == sorted(["fasting glucose \u2265126 mg/dl", "non-fasting glucose \u2265180 mg/dl",
                                                       "fasting cholesterol \u2265240 mg/dl",
                                                       "non-fasting triglyceride \u2265400 mg/dl"])
    assert sorted({(a, n) for a, n, _ in zeros}) == BOTH
    assert len(zeros) == 8


def test_events_listed_after_the_people_negated_without_thresholds():
    zeros = _zeros("No patients experienced hypokalemia, hyponatremia, hypoglycemia.")
    assert sorted({o for _, _, o in zeros}) == ["hypoglycemia", "hypokalemia", "hyponatremia"]
    assert len(zeros) == 6


@pytest.mark.parametrize("text", [
    "No patient had a weight gain with p < 0.05 during the trial.",     # a p-value is no threshold
    "No patients experienced nausea, which was expected.",              # a clause after the event, no list
])
def test_no_list_or_threshold_read_where_there_is_none(text):
    outcomes = {o for _, _, o in _zeros(text)}
    assert not any("," in o or "which" in o or "p <" in o for o in outcomes)


def test_two_items_set_apart_by_a_comma_are_no_list():
    zeros = _zeros("None of the patients required pectoral, latissimus flaps for wound breakdown.")
    assert not any("latissimus" in o for _, _, o in zeros)
