"""Arm-level data in sentences whose arms are named by role or printed once for several arms: lists of role words
closed by one "groups", one figure for both arms, an arm's percentage with its own interval. Sentences written for
the purpose (names and numbers are not any document's)."""
from __future__ import annotations

from evidence_review.extract import extract_one


def _proportions(text: str) -> list[tuple]:
    rows, _, errors = extract_one("d", text)
    assert not errors
    return sorted((r["intervention"], r["events"], r["total"], round(r["value"], 4), r["ci_low"], r["ci_high"])
                  for r in rows if r["measure"] == "PROPORTION")


ROLES = "Patients were randomly assigned to a text message reminder (n = 300) or standard care (n = 290). "


def test_a_respectively_list_of_role_words_after_of_takes_the_arms_of_those_roles():
    text = ROLES + "Hospital admission occurred in 21.0% and 30.0% of the intervention and control groups, respectively."
    assert _proportions(text) == [("standard care", 87, 290, 0.3, None, None),
                                  ("text message reminder", 63, 300, 0.21, None, None)]


def test_a_respectively_list_of_role_words_after_in_takes_the_arms_of_those_roles():
    text = ROLES + "Relapse occurred in 12.0% and 20.0% in the intervention and control arms, respectively."
    assert _proportions(text) == [("standard care", 58, 290, 0.2, None, None),
                                  ("text message reminder", 36, 300, 0.12, None, None)]


def test_combination_and_monotherapy_list_takes_each_arms_size():
    text = ("Patients were randomly assigned to etanercept plus methotrexate (n = 120) or etanercept alone (n = 118). "
            "Relapse occurred in 12.0% and 20.0% of combination therapy and monotherapy groups, respectively.")
    # each row its own arm: the monotherapy's is not the combination's (the lexicon knows one of the two drugs)
    assert [(a, e, t, v) for a, e, t, v, _, _ in _proportions(text)] == [
        ("etanercept", 24, 118, 0.2), ("etanercept + methotrexate", 14, 120, 0.12)]


def test_role_words_of_a_study_without_those_roles_give_no_row():
    text = ("Patients were randomly assigned to rituximab (n = 60), azathioprine (n = 61) or mycophenolate (n = 59). "
            "Relapse occurred in 12.0% and 20.0% of the combination and monotherapy groups, respectively.")
    assert _proportions(text) == []


TWO_ARMS = "Patients were randomly assigned to rituximab (n = 60) or azathioprine (n = 50). "
EQUAL_ARMS = "Patients were randomly assigned to rituximab (n = 40) or azathioprine (n = 40). "


def test_one_percentage_for_both_arms_is_a_row_per_arm_even_when_the_arms_are_the_same_size():
    assert _proportions(EQUAL_ARMS + "The remission rate was 85.0% in both groups.") == [
        ("azathioprine", 34, 40, 0.85, None, None), ("rituximab", 34, 40, 0.85, None, None)]


def test_one_percentage_for_a_lettered_list_before_a_colon_keeps_its_interval_for_each_arm():
    text = ("Forty patients were enrolled (group A: 12, group B: 12, group C: 16). The healing rate was in group A and "
            "B: 91.6%; 95% CI 61.5-99.8%. The healing rate was in group C: 75.0%; 95% CI 47.6-92.7%.")
    assert _proportions(text) == [("group a", 11, 12, 0.916, 0.615, 0.998), ("group b", 11, 12, 0.916, 0.615, 0.998),
                                  ("group c", 12, 16, 0.75, 0.476, 0.927)]


def test_an_arms_percentage_with_its_own_interval_takes_the_arm_named_after_it():
    text = TWO_ARMS + ("Relapse occurred in 30.0% (95% CI 18.9-43.2) in the rituximab group and 40.0% (95% CI "
                       "26.4-54.8) in the azathioprine group.")
    rows, _, _ = extract_one("d", text)
    flags = {r["intervention"]: r["flags"] for r in rows if r["measure"] == "PROPORTION"}
    assert _proportions(text) == [("azathioprine", 20, 50, 0.4, 0.264, 0.548), ("rituximab", 18, 60, 0.3, 0.189, 0.432)]
    assert all("events_from_percentage" in f for f in flags.values())


def test_a_difference_in_percentage_points_with_its_interval_is_no_arms_share():
    text = TWO_ARMS + ("The remission rate with rituximab exceeded that with azathioprine by 12.5 percentage points "
                       "(95% CI 3.1-21.9) in the rituximab group.")
    assert _proportions(text) == []


def test_a_share_with_an_interval_after_the_arm_is_not_read_as_that_arms_count():
    # "in the A arm (8.9%, 95% CI ...)": often a Kaplan-Meier estimate; only an arm named after the interval counts
    text = TWO_ARMS + "There were more relapses in the rituximab arm (8.9%, 95% CI 6.0-13.1%) than expected."
    assert all(r[4] is None for r in _proportions(text))


def test_a_rate_at_a_time_of_follow_up_printed_for_both_arms_is_not_a_count():
    assert _proportions(TWO_ARMS + "The day 28 cure rate was 100% in both arms.") == []


def test_both_groups_needs_two_arms_of_known_size():
    text = ("Patients were randomly assigned to rituximab, azathioprine or mycophenolate. The remission rate was 85.0% "
            "in both groups.")
    assert _proportions(text) == []


def test_a_lettered_list_keeps_its_arms_once_they_are_named_by_what_they_received():
    text = ("Forty patients were randomly divided into three groups (group A: cold snare resection, group B: hot snare "
            "resection and group C: band ligation). Forty patients were enrolled (group A: 12, group B: 12, group C: "
            "16). The healing rate was in group A and B: 91.6%; 95% CI 61.5-99.8%. The healing rate was in group C: "
            "75.0%; 95% CI 47.6-92.7%.")
    assert _proportions(text) == [("band ligation", 12, 16, 0.75, 0.476, 0.927),
                                  ("cold snare resection", 11, 12, 0.916, 0.615, 0.998),
                                  ("hot snare resection", 11, 12, 0.916, 0.615, 0.998)]
