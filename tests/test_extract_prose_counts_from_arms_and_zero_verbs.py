"""Counts of named arms in words and zeros said by a verb (session 16, tuning classes of batches 30-32).

- counts set arm against arm whose people come "from" an arm ("One volunteer from the A group and four volunteers from
  the B group ..."), whose verb is what the people did or could not do ("received", "were not able to", "performed",
  "passed"), and a second arm's count after a first that another rule read over the whole clause ("One patient in the
  A group and one patient in the B group suffered from X");
- everyone of one named arm ("All participants in the A group had X");
- zeros whose verb is the event itself, of the arms the people are said to be in ("No patients in either the A or B
  groups fainted", "no participants in either group were hospitalised") and "There were no <adverse events>" with
  nothing after the event but its examples.

All texts are written for these tests (names, numbers and fields differ from any document)."""
from __future__ import annotations

from evidence_review.extract import extract_document

TWO_ARMS = "Adults were randomly assigned to tocilizumab (n=40) or placebo (n=38). "
THREE_ARMS = "Adults were randomly assigned to tocilizumab (n=40), azathioprine (n=42) or placebo (n=38). "


def _rows(text: str) -> list[tuple]:
    return sorted((r["intervention"], r["events"], r["total"]) for r in extract_document("d", text, "d.txt", "")
                  if r["measure"] == "PROPORTION")


# ------------------------------------------------------------------ counts of named arms

def test_people_from_each_arm_who_could_not_do_something():
    text = TWO_ARMS + ("Two patients from the tocilizumab group and seven patients from the placebo group were not able "
                       "to finish the walking test.")
    assert _rows(text) == sorted([("tocilizumab", 2, 40), ("placebo", 7, 38)])


def test_people_from_each_arm_who_did_something():
    text = TWO_ARMS + ("Three participants from tocilizumab group and eleven participants from placebo group performed all "
                       "four tasks correctly.")
    assert _rows(text) == sorted([("tocilizumab", 3, 40), ("placebo", 11, 38)])


def test_people_in_each_arm_who_received_something():
    text = TWO_ARMS + "Four patients in tocilizumab group and nine patients in placebo group received a rescue opioid."
    assert _rows(text) == sorted([("tocilizumab", 4, 40), ("placebo", 9, 38)])


def test_second_arm_count_after_a_first_read_over_the_whole_clause():
    text = TWO_ARMS + "One patient in the tocilizumab group and one patient in the placebo group suffered from dizziness."
    assert _rows(text) == sorted([("tocilizumab", 1, 40), ("placebo", 1, 38)])
    text = TWO_ARMS + "Five patients in the tocilizumab group and two in the placebo group reported a headache."
    assert _rows(text) == sorted([("tocilizumab", 5, 40), ("placebo", 2, 38)])


def test_bare_counts_from_an_arm_are_where_people_came_from():
    # no people named between the count and "from": a flow of people, not counts of an event
    text = TWO_ARMS + "Of the dropouts, 5 from the tocilizumab group and 3 from the placebo group had moved to another city."
    assert _rows(text) == []


def test_people_from_each_arm_who_left_the_trial_are_no_event():
    text = TWO_ARMS + "Two patients from the tocilizumab group and three patients from the placebo group withdrew consent."
    assert _rows(text) == []


# ------------------------------------------------------------------ zeros said by a verb

def test_nobody_in_either_named_arm_had_the_event_the_verb_names():
    text = TWO_ARMS + "No patients in either the tocilizumab or placebo groups fainted during any of the infusions."
    assert _rows(text) == sorted([("tocilizumab", 0, 40), ("placebo", 0, 38)])


def test_either_of_two_named_arms_of_three_is_those_two():
    text = THREE_ARMS + "No patients in either the tocilizumab or placebo groups fainted during any of the infusions."
    assert _rows(text) == sorted([("tocilizumab", 0, 40), ("placebo", 0, 38)])


def test_nobody_in_either_arm_was_hospitalised():
    text = TWO_ARMS + "Over the twelve weeks, no participants in either group were hospitalised."
    assert _rows(text) == sorted([("tocilizumab", 0, 40), ("placebo", 0, 38)])


def test_a_verb_is_the_event_only_of_the_arms_said():
    # with no arm said, "no participants were hospitalised" may be of a subset the sentences before define (left out
    # after the validation sets showed as many wrong rows as right ones)
    text = TWO_ARMS + "Over the twelve weeks, no participants were hospitalised."
    assert _rows(text) == []


def test_one_arm_named_with_the_event_verb():
    text = TWO_ARMS + "No patient in the placebo group fainted."
    assert _rows(text) == sorted([("placebo", 0, 38)])


def test_there_were_no_adverse_events_with_examples():
    text = TWO_ARMS + "There were no serious adverse events, such as arrhythmia or seizures."
    assert _rows(text) == sorted([("tocilizumab", 0, 40), ("placebo", 0, 38)])


def test_verbs_of_the_trial_flow_and_non_events_give_no_zero():
    for sentence in ("No patients were randomized after the first interim analysis.",
                     "No patient crossed over to the other arm.",
                     "No participants were lost to follow-up.",
                     "No patient died.",                       # a bare death: the labelling rule leaves it out
                     "There were no deaths.",
                     "There were no secondary outcomes.",      # no event noun
                     "There were no differences between the groups in pain scores."):
        assert _rows(TWO_ARMS + sentence) == [], sentence


# ------------------------------------------------------------------ everyone of one arm

def test_everyone_of_one_named_arm_had_it():
    text = TWO_ARMS + "All participants in the placebo group had a home visit within a week."
    assert _rows(text) == [("placebo", 38, 38)]


def test_everyone_of_an_arm_who_was_or_received_or_left_is_no_outcome():
    for sentence in ("All patients in the tocilizumab group were women.",
                     "All patients in the tocilizumab group received the full dose.",
                     "All participants in the tocilizumab group completed the study.",
                     "All patients in the tocilizumab and placebo groups had pain."):   # both arms: no one arm's count
        assert _rows(TWO_ARMS + sentence) == [], sentence
