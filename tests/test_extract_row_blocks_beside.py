"""Blocks of rows labelled in the second stub column only, the block's label on its first row (tests/fixtures/
extract_heldout45 BLIND_SCORES.md, "Sub-rows under a row-spanning label, the time in the second column" and
"Category sub-rows of an outcome block"): one block over the whole table ("Potassium (mmol/L) | Preoperative" then
"| Intraoperative", "| 1*" with the footnote "*Postoperative days"), and blocks heading their own figures with
category sub-rows beside them ("Conduction disorder | | 9 (15.0%)" then "| Bundle branch block | 6 (10.0%)"). Before,
only each block's first row was read."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.table_reader import _group_labels_beside, _numbers_a_footnote_times, _when


_ONE_BLOCK = """Sixty patients received drug X (group 1, n = 60) and sixty received saline (group 2, n = 60).
Table 3. Potassium values of patients
| | | Group 1 (n = 60) | Group 2 (n = 60) | P value |
| Potassium (mmol/L) | Preoperative | 4.1 ± 0.4 | 4.2 ± 0.3 | NS |
| | Intraoperative | 4.6 ± 0.5 | 4.0 ± 0.4 | NS |
| | 1* | 4.8 ± 0.6 | 3.9 ± 0.5 | 0.01** |
| | 2* | 4.5 ± 0.3 | 4.0 ± 0.2 | 0.03** |
*Postoperative days; ** Significant. NS, not significant.
"""


def test_sub_rows_under_one_block_label_are_read_with_their_times():
    study, rows = read_pipe_table(_ONE_BLOCK, _ONE_BLOCK.split("\n")[2], caption="Table 3. Potassium values of patients",
                                  footnote="*Postoperative days; ** Significant. NS, not significant.")
    means = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert {4.1, 4.2, 4.6, 4.0, 4.8, 3.9, 4.5} <= set(means)
    assert means[4.6]["timepoint"] == "intraoperative" and means[4.6]["sd"] == 0.5
    assert means[4.8]["timepoint"] == "postoperative day 1"
    assert means[4.5]["timepoint"] == "postoperative day 2"
    assert {means[v]["outcome"] for v in (4.1, 4.6, 4.8)} == {"Potassium (mmol/L)"}


_CATEGORIES = """Sixty patients received drug X (group 1, n = 60) and sixty received saline (group 2, n = 60).
Table 5. Postoperative rhythm disorders
| | | Group 1 (n = 60) | Group 2 (n = 60) | P value |
| Any rhythm disorder | | 15 (25.0%) | 24 (40.0%) | 0.04* |
| Conduction disorder | | 9 (15.0%) | 12 (20.0%) | NS |
| | First-degree block | 3 (5.0%) | 4 (6.7%) | NS |
| | Bundle branch block | 6 (10.0%) | 8 (13.3%) | NS |
| Ventricular arrhythmia | | 6 (10.0%) | 12 (20.0%) | 0.02* |
| | Ventricular extrasystole | 5 (8.3%) | 11 (18.3%) | 0.03* |
"""


def test_category_sub_rows_of_outcome_blocks_are_read():
    study, rows = read_pipe_table(_CATEGORIES, _CATEGORIES.split("\n")[2], caption="Table 5. Postoperative rhythm disorders")
    counted = {(r["outcome"], r["events"]) for r in rows if r["measure"] == "PROPORTION"}
    assert ("Conduction disorder", 9) in counted
    assert ("First-degree block", 3) in counted and ("Bundle branch block", 8) in counted
    assert ("Ventricular extrasystole", 11) in counted
    assert all(r["total"] == 60 for r in rows if r["measure"] == "PROPORTION")


def _stub(pairs):
    return {i: {0: {"text": a}, 1: {"text": b}} for i, (a, b) in enumerate(pairs)}


def test_block_shapes_that_are_no_blocks_stay_one_label_column():
    # a table opening with a sub-row has no block to inherit from
    assert not _group_labels_beside(_stub([("", "Preoperative"), ("", "Day 1"), ("Sodium", "Day 2")]))
    # one block of one sub-row only: too little to tell a block from a stray cell
    assert not _group_labels_beside(_stub([("Sodium", "Preoperative"), ("", "Day 1"), ("Potassium", "")]))
    assert _group_labels_beside(_stub([("Sodium", "Preoperative"), ("", "Day 1"), ("", "Day 2")]))



def _figured_stub(rows):
    return {i: {c: {"text": t} for c, t in enumerate(row)} for i, row in enumerate(rows)}


def test_category_sub_rows_count_part_of_their_blocks_row():
    # the categories of an outcome's row: each counts no more than the row above it in each arm
    assert _group_labels_beside(_figured_stub([
        ("Any arrhythmia", "", "18 (28.1%)", "7 (10.9%)", "0.015"),
        ("Supraventricular arrhythmia", "", "10 (16.7%)", "7 (10.9%)", "NS"),
        ("", "Atrial extrasystole", "2 (3.3%)", "0", "NS"), ("", "Atrial fibrillation", "10 (16.7%)", "7 (10.9%)", "0.04"),
        ("Ventricular arrhythmia", "", "8 (12.5%)", "0", "0.001"), ("", "Ventricular extrasystole", "8 (12.5%)", "0", "0.001")]))
    # rows beside a heading that count more than it are rows of their own, no categories of it
    assert not _group_labels_beside(_figured_stub([
        ("Any arrhythmia", "", "18 (28.1%)", "7 (10.9%)", "0.015"),
        ("Supraventricular arrhythmia", "", "3 (5.0%)", "2 (3.1%)", "NS"),
        ("", "Atrial extrasystole", "12 (20.0%)", "9 (14.1%)", "NS"), ("", "Atrial fibrillation", "10 (16.7%)", "7 (10.9%)", "NS"),
        ("Ventricular arrhythmia", "", "8 (12.5%)", "0", "0.001"), ("", "Ventricular extrasystole", "8 (12.5%)", "0", "0.001")]))


def test_numbered_labels_a_footnote_calls_days_are_times():
    codes = _numbers_a_footnote_times(["Preoperative", "1*", "2*", "3*"], "\n*Postoperative days; ** Significant")
    assert codes == {"1": ("postoperative day 1", False), "2": ("postoperative day 2", False),
                     "3": ("postoperative day 3", False)}
    # a footnote whose mark says something else, or one marked number alone, defines no time
    assert _numbers_a_footnote_times(["1*", "2*"], "*P < 0.05 versus baseline") == {}
    assert _numbers_a_footnote_times(["1*", "Day 2"], "*Postoperative days") == {}
    # the labels' single mark, not a longer mark of another footnote
    assert _numbers_a_footnote_times(["1*", "2*"], "**Postoperative days; *P < 0.05") == {}


def test_intra_and_perioperative_are_moments():
    assert _when("Intraoperative") == ("intraoperative", False)
    assert _when("Perioperative") == ("perioperative", False)


# ---------------------------------------------------------------- an arm's change in a row of its own under its row
# (tests/fixtures/extract_heldout47 BLIND_SCORES.md, "Bracketed Δ rows under each arm": not read before)

_CHANGES = """Thirty adults took fibre X (n = 30) and thirty took placebo (n = 30) for three weeks.
Table 3. Stool frequency for each group during the intervention
| | Baseline | Week 1 | Week 2 | p value |
| Stool frequency (per week) | Stool frequency (per week) | Stool frequency (per week) | Stool frequency (per week) | Stool frequency (per week) |
| Fibre X | 6.1 ± 2.2 | 7.4 ± 2.5* | 8.0 ± 2.7* | 0.02 |
| (Δ) | | (1.3 ± 2.0) | (1.9 ± 2.4) | 0.02 |
| Placebo | 6.3 ± 2.0 | 6.5 ± 2.1 | 6.6 ± 2.3 | 0.02 |
| (Δ) | | (0.2 ± 1.7) | (0.3 ± 1.9)# | 0.02 |
"""


def test_a_bracketed_change_row_under_each_arm_is_that_arms_change():
    study, rows = read_pipe_table(_CHANGES, _CHANGES.split("\n")[2],
                                  caption="Table 3. Stool frequency for each group during the intervention")
    means = {(r["value"], r["sd"]): r for r in rows if r["measure"] == "MEAN"}
    assert (1.3, 2.0) in means and (1.9, 2.4) in means and (0.2, 1.7) in means and (0.3, 1.9) in means
    assert means[(1.3, 2.0)]["outcome"].startswith("change in Stool frequency")
    assert means[(1.9, 2.4)]["timepoint"] == "week 2"
    assert means[(0.2, 1.7)]["intervention"] == means[(6.3, 2.0)]["intervention"] != means[(1.3, 2.0)]["intervention"]
    # the arms' own figures keep their outcome
    assert means[(7.4, 2.5)]["outcome"] == "Stool frequency (per week)"


# ---------------------------------------------------------------- grade rows under the row counting them
# (tests/fixtures/extract_heldout47 BLIND_SCORES.md, "Grade rows under a count row": the grades not read, the count
# row read as a share of the arm instead)

_GRADES = """Sixty women received drug A (n = 60) and sixty drug B (n = 60).
Table 2. Outcomes of the cycles
| Variable | Variable | Drug A (n = 60) | Drug B (n = 60) | P value |
| Total number of oocytes, mean (SD) | Total number of oocytes, mean (SD) | 8.12 (3.40) | 7.05 (3.91) | 0.10 |
| Quality of transferred embryo (n, %) | Quality of transferred embryo (n, %) | 57 | 49 | 0.21 |
| | A | 36 (60.0) | 27 (45.0) | |
| | A-B | 15 (25.0) | 17 (28.3) | |
| | B | 6 (10.0) | 5 (8.3) | 0.37 |
| Clinical pregnancy, n (%) | Clinical pregnancy, n (%) | 21 (35.0) | 11 (18.3) | 0.04 |
"""


def test_grade_sub_rows_are_read_and_the_row_totalling_them_is_no_share():
    study, rows = read_pipe_table(_GRADES, _GRADES.split("\n")[2], caption="Table 2. Outcomes of the cycles")
    counted = {(r["outcome"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert ("Quality of transferred embryo (n, %): A", 36, 60) in counted
    assert ("Quality of transferred embryo (n, %): A-B", 17, 60) in counted
    assert ("Quality of transferred embryo (n, %): B", 5, 60) in counted
    assert not any(events in (57, 49) for _, events, _ in counted)
    assert ("Clinical pregnancy", 21, 60) in counted


def test_a_count_row_is_a_total_only_when_its_sub_rows_add_up_to_it():
    from evidence_review.extract.table_rows import counts_its_sub_rows
    subs = [{2: "36 (60.0)", 3: "27 (45.0)"}, {2: "15 (25.0)", 3: "17 (28.3)"}, {2: "6 (10.0)", 3: "5 (8.3)"}]
    assert counts_its_sub_rows({2: "57", 3: "49"}, subs, [2, 3])
    assert not counts_its_sub_rows({2: "60", 3: "49"}, subs, [2, 3])     # a count of its own beside them
    assert not counts_its_sub_rows({2: "57 (95.0)", 3: "49 (81.7)"}, subs, [2, 3])     # a share of the arm
    assert not counts_its_sub_rows({2: "57", 3: "49"}, subs[:1], [2, 3])

