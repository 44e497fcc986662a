"""How the table reader aligns a table's columns with arm headers that span more columns than the arm's figures:
an arm header over its timepoint columns and a last column of p-values (its sub-header a test's name, or none), and
an arm's own name shared with a longer arm name of the study model (tests/fixtures/extract_heldout10/BLIND_SCORES.md,
"Missed labels in tables"). Every table here is written for the test, numbers and names changed."""
from __future__ import annotations

import pytest

from table_grids import pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table


def _read(text: str, header_line: str, caption: str, header_rows: int):
    """(study model, rows of the second table) where the study model has read both tables, as ingestion gives them."""
    first = pipe_table(text, "| | Placebo group (N = 18) | Sertraline group (N = 22) |", "T1", "Table 1. Characteristics")
    second = pipe_table(text, header_line, "T2", caption, header_rows=header_rows)
    study = build_study("d", text, {"tables": [first, second]})
    return study, read_table("d", text, second, study)

METHODS = """Participants were randomly assigned to either placebo or sertraline (tablet, slow release) conditions.
Table 1. Characteristics
| | Placebo group (N = 18) | Sertraline group (N = 22) |
| Age | 51 (8) | 49 (12) |
"""


def _table(p_head: str, p_cells: list[str]) -> tuple[str, str]:
    head = f"| Measure | Placebo (N = 18) | Placebo (N = 18) | Sertraline (N = 22) | Sertraline (N = 22) | Sertraline (N = 22) |"
    text = METHODS + "\nTable 2. Sleep measures\n" + head + "\n" + \
        f"| | Baseline | Day 2-4 | Baseline | Day 2-4 | {p_head} |\n" + \
        f"| Sleep time (min) | 312 ± 41 | 330 ± 52 | 318 ± 60 | 371 ± 47 | {p_cells[0]} |\n" + \
        f"| Awakenings | 21 ± 9 | 19 ± 8 | 24 ± 11 | 15 ± 6.5 | {p_cells[1]} |\n"
    return text, head


def _means(rows):
    return sorted((r["intervention"], r["outcome"].lower(), r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")


def test_an_arm_header_over_its_timepoints_and_a_test_column_gives_every_figure_to_the_arm():
    for p_head, p_cells in [("ANOVA", ["p = .031", "p = .442"]), ("Repeated-measures ANOVA", ["0.031", "0.442"]),
                            ("P value", ["<0.001", "0.44"]), ("t-test", ["P = 0.03", "P = 0.44"]),
                            ("", ["p = .031", "p = .442"]), ("", ["<.001", "0.442"])]:
        text, head = _table(p_head, p_cells)
        _, rows = _read(text, head, "Table 2. Sleep measures", header_rows=2)
        means = _means(rows)
        assert len(means) == 8, (p_head, p_cells, means)
        sertraline = [m for m in means if m[0] == "sertraline"]
        assert sorted(m[2] for m in sertraline) == [15.0, 24.0, 318.0, 371.0], p_head
        # the p column is never read as a figure of the arm
        assert all(r["value"] not in (0.031, 0.442, 0.44, 0.03) for r in rows), p_head


def test_a_last_column_of_figures_under_the_arm_header_stays_the_arms():
    # negative: the third column under the arm holds means (a later visit), not p-values
    text, head = _table("Day 28-31", ["360 ± 50", "16 ± 7.0"])
    _, rows = _read(text, head, "Table 2. Sleep measures", header_rows=2)
    sertraline = [m for m in _means(rows) if m[0] == "sertraline"]
    assert sorted(m[2] for m in sertraline) == [15.0, 16.0, 24.0, 318.0, 360.0, 371.0]


def test_the_methods_name_of_the_drug_and_the_column_header_are_one_arm():
    # (the study model used to keep "sertraline conditions" of the methods and the header's "Sertraline group" as two
    # arms; it merges a name followed by a word for any treatment into the sized arm since wt-study, and the
    # columns still resolve to it)
    text, head = _table("ANOVA", ["p = .031", "p = .442"])
    study, _ = _read(text, head, "Table 2. Sleep measures", header_rows=2)
    sertraline = [a for a in study.arms if "sertraline" in a.name.lower()]
    assert len(sertraline) == 1 and sertraline[0].n == 22 and "sertraline conditions" in sertraline[0].aliases
    assert study.resolve_column("Sertraline (N = 22)") is sertraline[0]


PHASE_TEXT = """Seventy adults on ventilators were randomized to two weaning modes.
Table 1. Characteristics
| | Weaning mode | Weaning mode |
| | Weaning mode Nurse-led protocol (n = 36) | Weaning mode AutoWean™ (n = 34) |
| Age | 61 (11) | 63 (12) |

Table 4. Parameters at the start and end of weaning
| | Start of weaning | Start of weaning | Start of weaning | End of weaning | End of weaning | End of weaning |
| | Nurse-led weaning | AutoWean™ weaning | | Nurse-led weaning | AutoWean™ weaning | |
| | Median (IQR) | Median (IQR) | P value | Median (IQR) | Median (IQR) | P value |
| Tidal volume (ml) | 480 (340-600) | 505 (410-615) | 0.41 | 495 (415-590) | 510 (440-620) | 0.52 |
| Rate (breaths/min) | 21 (17-25) | 19 (16-23) | 0.33 | 16 (14-19) | 17 (15-21) | 0.28 |
"""


def test_arm_columns_under_a_phase_header_whose_arm_names_share_a_word_every_arm_has():
    first = pipe_table(PHASE_TEXT, "| | Weaning mode | Weaning mode |", "T1", "Table 1. Characteristics", header_rows=2)
    head = "| | Start of weaning | Start of weaning | Start of weaning | End of weaning | End of weaning | End of weaning |"
    second = pipe_table(PHASE_TEXT, head, "T4", "Table 4. Parameters at the start and end of weaning", header_rows=3)
    study = build_study("d", PHASE_TEXT, {"tables": [first, second]})
    rows = read_table("d", PHASE_TEXT, second, study)
    medians = sorted((r["value"], r["q1"], r["q3"]) for r in rows if r["measure"] == "MEDIAN")
    assert medians == sorted([(480, 340, 600), (505, 410, 615), (495, 415, 590), (510, 440, 620),
                              (21, 17, 25), (19, 16, 23), (16, 14, 19), (17, 15, 21)])
    by_arm = {}
    for r in rows:
        by_arm.setdefault(r["intervention"], set()).add(r["value"])
    assert len(by_arm) == 2
    assert any({480, 495, 21, 16} == v for v in by_arm.values()), by_arm


def test_a_word_every_arm_shares_does_not_name_an_arm_but_a_word_of_one_does():
    study = build_study("d", PHASE_TEXT, {"tables": [pipe_table(PHASE_TEXT, "| | Weaning mode | Weaning mode |", "T1",
                                                                "Table 1. Characteristics", header_rows=2)]})
    assert study.resolve_column("AutoWean™ weaning") is not None
    assert study.resolve_column("AutoWean™ weaning") is not study.resolve_column("Nurse-led weaning")
    assert study.resolve_column("Weaning at day 3") is None      # negative: only the shared word


def test_a_median_whose_interval_is_printed_in_the_next_cell_of_its_arm():
    for low, interval in [("3.5", "(2.0-7.3)"), ("3.5", "[2.0–7.3]"), ("3.5", "(2.0, 7.3)")]:
        text = f"""Seventy adults were randomized to drug A or drug B.
Table 5. Durations
| | Drug A (n = 35) | Drug A (n = 35) | Drug B (n = 35) | Drug B (n = 35) | P value |
| Ventilation time (days), median (IQR) | {low} | {interval} | 4.1 | (2.7-7.1) | 0.47 |
| Weaning duration (min), median (IQR) | 60 | (50-80) | 110 | (80-130) | <0.001 |
"""
        head = "| | Drug A (n = 35) | Drug A (n = 35) | Drug B (n = 35) | Drug B (n = 35) | P value |"
        table = pipe_table(text, head, "T5", "Table 5. Durations")
        study = build_study("d", text, {"tables": [table]})
        rows = read_table("d", text, table, study)
        medians = sorted((r["value"], r["q1"], r["q3"]) for r in rows if r["measure"] == "MEDIAN")
        assert medians == [(3.5, 2.0, 7.3), (4.1, 2.7, 7.1), (60, 50, 80), (110, 80, 130)], interval
    # negative: two figures of one arm side by side (two visits) stay two figures
    text = """Seventy adults were randomized to drug A or drug B.
Table 5. Scores
| | Drug A (n = 35) | Drug A (n = 35) | Drug B (n = 35) | Drug B (n = 35) |
| Score, mean (SD) | 12.1 (3.0) | 10.4 (2.9) | 12.5 (3.1) | 11.9 (3.3) |
"""
    head = "| | Drug A (n = 35) | Drug A (n = 35) | Drug B (n = 35) | Drug B (n = 35) |"
    table = pipe_table(text, head, "T5", "Table 5. Scores")
    rows = read_table("d", text, table, build_study("d", text, {"tables": [table]}))
    assert sorted(r["value"] for r in rows if r["measure"] == "MEAN") == [10.4, 11.9, 12.1, 12.5]


@pytest.mark.parametrize("statistic", ["Min", "Minimum", "Med", "Median", "Max", "Std", "SD", "Mean", "95% CI", "Range"])
def test_an_arm_header_over_one_summary_statistic_per_column_gives_that_column_no_arm(statistic):
    # "Drug" over "N | Mean | 95% CI | Std | Min | Med | Max": one statistic of the arm per column, no cell holds the
    # arm's figure with its spread; a time under the arm's name ("Day 2-4") still gives the column to the arm
    from evidence_review.extract.table_reader import _Column, _under_an_arm
    study = build_study("d", METHODS, None)
    under_statistic = _Column(2, f"Sertraline group {statistic}", "", False, ("Sertraline group", statistic))
    under_time = _Column(3, "Sertraline group Day 2-4", "", False, ("Sertraline group", "Day 2-4"))
    assert _under_an_arm(under_statistic, [], set(), study, {}) is None
    arm = _under_an_arm(under_time, [], set(), study, {})
    assert arm is not None and "sertraline" in arm.canonical
