"""Arm columns headed by what they received or lacked ("With X" / "Without X") or by a generic name ("Study group"
beside "Control group"), resolved to the study model's arms (issue #13: such columns were dropped)."""
from __future__ import annotations

from table_grids import read_pipe_table as _read

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import _column_arm

_ROWS = "| Vomiting, n (%) | 3 (10.0) | 9 (28.1) |\n| Pain score, mean ± SD | 2.1 ± 0.4 | 3.0 ± 0.6 |\n"


def _arms_read(allocation: str, header: str) -> list[tuple]:
    text = allocation + "\nTable 2. Outcomes\n" + header + "\n" + _ROWS
    _, rows = _read(text, header, "Table 2. Outcomes")
    return [(r["intervention"], r["value"]) for r in rows or []]


def test_with_and_without_columns_are_the_arm_of_the_treatment_and_of_its_absence():
    read = _arms_read("Patients were randomly assigned to receive dexamethasone or no dexamethasone.",
                      "| | With dexamethasone (n = 30) | Without dexamethasone (n = 32) |")
    # (the study model may take the header's own words for the arm of the absence: "without" and "no" are one arm)
    assert [arm.replace("without ", "no ") for arm, _ in read] == ["dexamethasone", "no dexamethasone"] * 2
    assert [v for _, v in read][2:] == [2.1, 3.0]


def test_a_study_group_column_beside_the_control_group_is_the_trial_s_treatment():
    read = _arms_read("Patients were randomly assigned to ondansetron or placebo.",
                      "| | Study group (n = 30) | Control group (n = 32) |")
    assert [arm for arm, _ in read] == ["ondansetron", "placebo"] * 2


def test_with_a_condition_or_without_an_arm_of_its_absence_names_no_arm():
    study = build_study("d", "Patients were randomly assigned to receive dexamethasone or no dexamethasone.", None)
    assert _column_arm("With diabetes (n = 12)", study, {}) is None
    assert _column_arm("No dexamethasone", study, {}).canonical == "no dexamethasone"
    other = build_study("d", "Patients were randomly assigned to ondansetron or placebo.", None)
    # a trial of ondansetron against placebo has no arm of "no ondansetron": "With ondansetron" is left to the others
    assert _column_arm("With ondansetron", other, {}) is None
    assert _column_arm("Without ondansetron", other, {}) is None
