"""Arm sizes and denominators: bare counts in a table whose arm columns give their sizes, arm percentages whose
arm sizes are printed elsewhere in the document, and arms named by their role ("the intervention group", "group
B") resolved to the study model's arm. Every table and sentence is written here, shaped like the ones met in
trial reports (numbers, names and outcomes invented)."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table


def _read(text: str, header_line: str, caption: str = ""):
    table = pipe_table(text, header_line, caption=caption)
    study = build_study("d", text, {"tables": [table]})
    return read_table("d", text, table, study) or []


def _cells(rows):
    return [(r["outcome"], r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"]


def test_bare_counts_under_sized_arm_headers_of_a_complications_table_are_proportions():
    text = """Patients were randomly allocated to a bupivacaine group or a lidocaine group.
Table 3. Postoperative complications in the two groups.
|  | Bupivacaine group (n = 80) | Lidocaine group (n = 78) |
| Wound infection | 9* | 2 |
| Haematoma | 0 | 1 |
| Urinary retention | 0 | 0 |
"""
    rows = _read(text, text.split("\n")[2], "Table 3. Postoperative complications in the two groups.")
    assert _cells(rows) == [
        ("Wound infection", "bupivacaine", 9, 80), ("Wound infection", "lidocaine", 2, 78),
        ("Haematoma", "bupivacaine", 0, 80), ("Haematoma", "lidocaine", 1, 78),
        ("Urinary retention", "bupivacaine", 0, 80), ("Urinary retention", "lidocaine", 0, 78)]
    assert all(abs(r["value"] - r["events"] / r["total"]) < 1e-4 for r in rows)


def test_a_label_column_headed_n_makes_bare_cells_counts_of_the_column_size():
    text = """Table 2. Events reported by the patients.
| Symptom (n) | Arm X (n = 51) | Arm Y (n = 49) | Arm Z (n = 50) |
| Dizziness | 5 | 3 | 0 |
| Dry mouth | 2 | 0 | 4 |
| Total, n (%) | 7 (13.7) | 3 (6.1) | 4 (8.0) |
"""
    rows = _read(text, text.split("\n")[1], "Table 2. Events reported by the patients.")
    got = _cells(rows)
    assert ("Dizziness", "group x", 5, 51) in got and ("Dizziness", "group z", 0, 50) in got
    assert ("Dry mouth", "group y", 0, 49) in got and ("Dry mouth", "group z", 4, 50) in got
    assert len([g for g in got if g[0] == "Total"]) == 3


def test_bare_numbers_of_a_measured_quantity_are_not_counts():
    # a complications table may also print a length of stay or a volume: a unit, or a number above the
    # column's size, says the cells are no counts of its patients
    text = """Table 4. Postoperative complications.
|  | Group A (n = 40) | Group B (n = 40) |
| Hospital stay (days) | 6 | 8 |
| Blood loss, ml | 250 | 310 |
| Fever | 3 | 5 |
"""
    rows = _read(text, text.split("\n")[1], "Table 4. Postoperative complications.")
    assert _cells(rows) == [("Fever", "group a", 3, 40), ("Fever", "group b", 5, 40)]


def test_bare_numbers_without_arm_sizes_or_a_count_caption_stay_unread():
    text = """Table 2. Laboratory values after treatment.
|  | Drug A (n = 30) | Placebo (n = 30) |
| Platelets | 12 | 14 |
"""
    assert _cells(_read(text, text.split("\n")[1], "Table 2. Laboratory values after treatment.")) == []
    text = """Table 3. Adverse events.
|  | Drug A | Placebo |
| Nausea | 4 | 2 |
"""
    assert _cells(_read(text, text.split("\n")[1], "Table 3. Adverse events.")) == []
