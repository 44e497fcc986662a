"""Tables whose columns split a trial's patients by an outcome or a measure of the patients, not by arm (the pooled
blind classes of stage 1, "spurious arms": tests/fixtures/extract_heldout47/BLIND_SCORES.md "A table split by AKI
status", extract_heldout46 "split by baseline IMAT", extract_heldout42's staining table):
- "No AKI | AKI" stays a split when the text says "at randomization ... regardless of AKI" (nobody was allocated to
  AKI: the allocation check wants the verb then "to", "into" or "between" before the groups);
- "High IMAT | Low IMAT", "Weak staining | Strong staining": two levels of one measure of the patients (a level of a
  treatment, "High dose | Low dose", "High protein diet | Low protein diet", stays arms);
- a column of the people outside the randomised arms ("Refusal (N = 52)", extract_heldout46) is no arm.
The study model takes no arm from such a table and the table reader reads no arm-level row from it.
Every table here is written for the test, numbers and names changed."""
from __future__ import annotations

import pytest

from table_grids import pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_tables, split_by_outcome

TEXT = """Patients were randomly assigned to cefalexin or amoxicillin before surgery.
Serum markers at randomization were similar in all patients regardless of {what}.
Table 3. Characteristics of the patients by {what}
{header}
| Age, mean (SD) | 61.2 (8.1) | 63.0 (7.7) | 0.4 |
| Diabetes, n (%) | 12 (19.4) | 7 (38.9) | 0.09 |
| Creatinine, mg/dL, mean (SD) | 1.1 (0.3) | 1.4 (0.5) | 0.02 |
"""


@pytest.mark.parametrize("what, header", [
    ("AKI", "| Variable | No AKI (n = 62) | AKI (n = 18) | P |"),
    ("IMAT", "| Variable | High IMAT (n = 35) | Low IMAT (n = 42) | P |"),
    ("COX-2 staining", "| Variable | Weak staining (n = 34) | Strong staining (n = 24) | P |"),
])
def test_a_table_split_by_an_outcome_or_a_measure_of_the_patients_gives_no_arms(what, header):
    text = TEXT.format(what=what, header=header)
    table = pipe_table(text, header, caption=f"Table 3. Characteristics of the patients by {what}")
    study = build_study("d", text, {"tables": [table]})
    assert sorted(a.canonical for a in study.arms) == ["amoxicillin", "cefalexin"], [a.name for a in study.arms]
    assert split_by_outcome(table, study), header
    rows, _ = read_tables("d", text, {"tables": [table]}, study)
    assert rows == []


@pytest.mark.parametrize("allocation, header", [
    ("randomly assigned to a high or a low dose of cefalexin", "| Variable | High dose (n = 62) | Low dose (n = 18) | P |"),
    ("randomly assigned to a high protein diet or a low protein diet",
     "| Variable | High protein diet (n = 62) | Low protein diet (n = 18) | P |"),
    ("randomly assigned to high-intensity or low-intensity training",
     "| Variable | High intensity (n = 62) | Low intensity (n = 18) | P |"),
    # the allocation said with "to" still keeps a treatment against its absence as arms
    ("randomized at the clinic to exercise or no exercise", "| Variable | Exercise (n = 62) | No exercise (n = 18) | P |"),
])
def test_levels_of_a_treatment_and_a_treatment_against_its_absence_stay_arms(allocation, header):
    text = TEXT.format(what="group", header=header).replace("randomly assigned to cefalexin or amoxicillin", allocation)
    table = pipe_table(text, header, caption="Table 3. Characteristics of the patients by group")
    study = build_study("d", text, {"tables": [table]})
    assert not split_by_outcome(table, study), header
    rows, _ = read_tables("d", text, {"tables": [table]}, study)
    assert {r["total"] for r in rows if r.get("events") is not None} == {62, 18}


REFUSAL_TEXT = """Pregnant smokers were randomly assigned to midwife counselling (intervention) or routine information
(control); women who refused randomization were followed as a further group.
Table 2. Smoking status at delivery
{header}
| Quit smoking, n (%) | 31 (20.4) | 15 (10.3) | 11 (21.2) |
| Cigarettes per day, mean (SD) | 6.3 (3.1) | 7.2 (3.8) | 5.7 (2.9) |
"""


@pytest.mark.parametrize("third", ["Refusal (N = 52)", "Refused (n = 52)", "Declined (n = 52)",
                                   "Non-participants (n = 52)", "Dropouts (n = 52)"])
def test_a_column_of_people_outside_the_randomised_arms_is_no_arm(third):
    header = f"| Variable | Intervention (n = 152) | Control (n = 145) | {third} |"
    text = REFUSAL_TEXT.format(header=header)
    table = pipe_table(text, header, caption="Table 2. Smoking status at delivery")
    study = build_study("d", text, {"tables": [table]})
    assert len(study.arms) == 2, [a.name for a in study.arms]
    rows, _ = read_tables("d", text, {"tables": [table]}, study)
    assert sorted(r["total"] for r in rows if r.get("events") is not None) == [145, 152]
    assert sorted(r["value"] for r in rows if r.get("events") is None) == [6.3, 7.2]
