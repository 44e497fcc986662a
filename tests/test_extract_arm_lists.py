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
    assert [(e, t, v) for _, e, t, v, _, _ in _proportions(text)] == [(14, 120, 0.12), (24, 118, 0.2)]


def test_role_words_of_a_study_without_those_roles_give_no_row():
    text = ("Patients were randomly assigned to rituximab (n = 60), azathioprine (n = 61) or mycophenolate (n = 59). "
            "Relapse occurred in 12.0% and 20.0% of the combination and monotherapy groups, respectively.")
    assert _proportions(text) == []
