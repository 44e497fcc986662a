"""Tables whose rows are the arms, read through the layout finder: outcome categories as columns (the arm's name
in the first or the last column), a time column with the arm's name only on its block's first row, n, mean and SD
in columns of their own under the arms' rows, spacer columns between the value columns, a table printed right to
left. Negatives: a stub of categories that only resembles an arm name, a column of a quantity measured in a time
unit, a grid without blank columns. Grids written here as pipe tables (names, numbers and fields invented for the
tests)."""
from __future__ import annotations

import pytest

from table_grids import pipe_table, read_pipe_table
from evidence_review.extract.study import header_rows
from evidence_review.extract.table_layout import right_to_left, without_spacer_columns
from evidence_review.extract.table_rows import with_two_line_labels

METHODS = "Fifty-two adults were randomly assigned to tramadol (n = 27) or lidocaine (n = 25).\n"


def _text(caption: str, *lines: str) -> str:
    return METHODS + caption + "\n" + "\n".join(lines) + "\n"


def _proportions(rows) -> list[tuple]:
    return sorted((str(r["intervention"]), str(r["outcome"]).lower(), r["events"], r["total"])
                  for r in rows or [] if r["measure"] == "PROPORTION")


def _means(rows) -> list[tuple]:
    return sorted((str(r["intervention"]), str(r["outcome"]).lower(), str(r["timepoint"]), r["value"], r["sd"])
                  for r in rows or [] if r["measure"] == "MEAN")


# --- arms as rows, outcome categories as columns --------------------------------------------------------------------

CATEGORIES = [("tramadol", "cleared", 9, 27), ("tramadol", "persisting", 18, 27),
              ("lidocaine", "cleared", 14, 25), ("lidocaine", "persisting", 11, 25)]


def test_arms_as_rows_with_categories_as_columns_and_no_space_before_the_bracket():
    caption = "Table 2. Symptom status at discharge"
    header = "| Regimen | Cleared | Persisting |"
    text = _text(caption, header, "| Tramadol | 9(33.3%) | 18(66.7%) |", "| Lidocaine | 14(56.0%) | 11(44.0%) |")
    _, rows = read_pipe_table(text, header, caption=caption)
    assert _proportions(rows) == sorted(CATEGORIES)


def test_the_arm_named_in_the_last_column_is_read_like_the_first():
    # each label the first word of its arm's name
    methods = "Fifty-eight adults were randomly assigned to oral dosing (n = 30) or intravenous dosing (n = 28).\n"
    caption = "Table 2. Symptom status at discharge"
    header = "| Positive | Negative | Route |"
    text = f"{methods}{caption}\n{header}\n| 12(40.0%) | 18(60.0%) | Oral |\n| 17(60.7%) | 11(39.3%) | Intravenous |\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    assert _proportions(rows) == [("intravenous dosing", "negative", 11, 28), ("intravenous dosing", "positive", 17, 28),
                                  ("oral dosing", "negative", 18, 30), ("oral dosing", "positive", 12, 30)]


def test_a_stub_of_categories_only_resembling_an_arm_gives_no_arm_row():
    # "Tramadol" here is a prior medicine among others: one label resolves, the others are categories
    caption = "Table 1. Medicines taken before admission"
    header = "| n(%) | Medicine |"
    text = _text(caption, header, "| 4(7.7%) | Tramadol |", "| 20(38.5%) | Paracetamol |", "| 28(53.8%) | None |")
    _, rows = read_pipe_table(text, header, caption=caption)
    assert not [r for r in rows or [] if str(r["intervention"]) in ("tramadol", "lidocaine")]


# --- arms as rows, a time column, the arm's name once per block --------------------------------------------------------

def test_a_time_column_of_bare_numbers_under_its_unit_carries_the_arm_down_its_block():
    caption = "Table 3. Serum markers over time"
    header = "| Group | Hour | Marker P (U/l) | Marker Q (U/l) |"
    text = _text(caption, header, "| Tramadol | 2 | 410 ± 65 | 88 ± 12 |", "| | 12 | 530 ± 90 | 97 ± 15 |",
                 "| Lidocaine | 2 | 405 ± 70 | 86 ± 11 |", "| | 12 | 460 ± 80 | 90 ± 14 |")
    _, rows = read_pipe_table(text, header, caption=caption)
    got = _means(rows)
    assert len(got) == 8
    assert ("tramadol", "marker p (u/l)", "12 hours", 530.0, 90.0) in got
    assert ("lidocaine", "marker q (u/l)", "12 hours", 90.0, 14.0) in got
    assert ("lidocaine", "marker p (u/l)", "2 hours", 405.0, 70.0) in got


def test_bare_numbers_under_a_quantity_measured_in_a_time_unit_carry_no_arm():
    # "Stay (days)" is a quantity, not when: its numbers are no times, the unlabelled rows no arm's
    caption = "Table 3. Serum markers by length of stay"
    header = "| Group | Stay (days) | Marker P (U/l) |"
    text = _text(caption, header, "| Tramadol | 2 | 410 ± 65 |", "| | 12 | 530 ± 90 |",
                 "| Lidocaine | 2 | 405 ± 70 |", "| | 12 | 460 ± 80 |")
    _, rows = read_pipe_table(text, header, caption=caption)
    assert not [m for m in _means(rows) if m[3] in (530.0, 460.0)]


# --- n, mean and SD in columns of their own -------------------------------------------------------------------------

def test_n_mean_and_sd_columns_under_outcome_blocks_of_arm_rows_give_one_mean_per_arm():
    caption = "Table 4. Comparison of recovery scores"
    header = "| Outcome | Group | N | Mean | SD | t | p |"
    text = _text(caption, header, "| Recovery score day 1 | Tramadol | 27 | 6.40 | 1.52 | 2.3 | 0.03 |",
                 "| | Lidocaine | 25 | 7.30 | 1.18 | | |",
                 "| Recovery score day 3 | Tramadol | 26 | 8.10 | 0.95 | 1.1 | 0.27 |",
                 "| | Lidocaine | 25 | 8.40 | 0.88 | | |")
    _, rows = read_pipe_table(text, header, caption=caption)
    means = [r for r in rows or [] if r["measure"] == "MEAN"]
    got = sorted((str(r["intervention"]), r["value"], r["sd"], r["total"]) for r in means)
    assert got == [("lidocaine", 7.3, 1.18, 25), ("lidocaine", 8.4, 0.88, 25),
                   ("tramadol", 6.4, 1.52, 27), ("tramadol", 8.1, 0.95, 26)]


def test_a_standard_error_column_of_a_statistics_printout_is_the_means_se():
    caption = "Table 4. Group statistics"
    header = "| | Group | Mean | N | Std. Deviation | Std. Error Mean |"
    text = _text(caption, header, "| Block 1 | Tramadol | 6.40 | 27 | 1.52 | 0.29 |",
                 "| | Lidocaine | 7.30 | 25 | 1.18 | 0.24 |")
    _, rows = read_pipe_table(text, header, caption=caption)
    got = sorted((str(r["intervention"]), r["value"], r["sd"], r["total"]) for r in rows or [] if r["measure"] == "MEAN")
    assert got == [("lidocaine", 7.3, 1.18, 25), ("tramadol", 6.4, 1.52, 27)]


# --- spacer columns ----------------------------------------------------------------------------------------------------

def test_spacer_columns_are_dropped_and_a_header_over_one_moves_to_its_figures():
    header = "| Score | Visit A | | | Visit B |"
    text = f"{header}\n| Mild | | 7 | | 5 |\n| Severe | | 2 | | 1 |\n"
    table = pipe_table(text, header)
    out = without_spacer_columns(table, header_rows(table))
    grid = {(c["row"], c["col"]): c["text"] for c in out["cells"]}
    assert grid == {(0, 0): "Score", (0, 1): "Visit A", (0, 2): "Visit B",
                    (1, 0): "Mild", (1, 1): "7", (1, 2): "5", (2, 0): "Severe", (2, 1): "2", (2, 2): "1"}


def test_a_grid_without_blank_columns_is_unchanged():
    header = "| Score | Visit A | Visit B |"
    table = pipe_table(f"{header}\n| Mild | 7 | 5 |\n| Severe | | 1 |\n", header)
    assert without_spacer_columns(table, header_rows(table)) is table


def test_a_category_grid_by_visit_with_spacer_columns_is_read_like_one_without():
    caption = "Table 5. Nausea grade by visit"
    lines = ["| Nausea grade | Visit 1 | Visit 2 |", "| Tramadol | | |", "| None | 20 | 24 |", "| Mild | 7 | 3 |",
             "| Lidocaine | | |", "| None | 19 | 22 |", "| Mild | 6 | 3 |"]
    spaced = [line.replace(" | ", " | | ") for line in lines]
    _, plain = read_pipe_table(_text(caption, *lines), lines[0], caption=caption)
    _, rows = read_pipe_table(_text(caption, *spaced), spaced[0], caption=caption)
    got = sorted((str(r["intervention"]), str(r["outcome"]).lower(), r["timepoint"], r["events"], r["total"])
                 for r in rows or [] if r["measure"] == "PROPORTION")
    assert got == sorted((str(r["intervention"]), str(r["outcome"]).lower(), r["timepoint"], r["events"], r["total"])
                         for r in plain or [] if r["measure"] == "PROPORTION")
    assert ("tramadol", "mild", "visit 2", 3, 27) in got and ("lidocaine", "none", "visit 1", 19, 25) in got


def test_arm_rows_with_spacer_columns_between_the_outcomes():
    caption = "Table 6. Outcomes"
    header = "| Group | | Pain at 2 h | | Vomiting |"
    text = _text(caption, header, "| Tramadol | | 3.4 ± 1.1 | | 5 (18.5) |", "| Lidocaine | | 4.6 ± 1.3 | | 2 (8.0) |")
    _, rows = read_pipe_table(text, header, caption=caption)
    assert _proportions(rows) == [("lidocaine", "vomiting", 2, 25), ("tramadol", "vomiting", 5, 27)]
    assert sorted((m[0], m[3], m[4]) for m in _means(rows)) == [("lidocaine", 4.6, 1.3), ("tramadol", 3.4, 1.1)]


# --- printed right to left -----------------------------------------------------------------------------------------

def test_a_table_printed_right_to_left_reads_each_arm_under_its_own_span():
    # the stub last, the arms' spans in reverse, the statistics' words printed left to right over cells that are
    # in reading order ("SD | mean" under "Mean | SD")
    caption = "Table 6. Vital signs"
    top, leaves = "| P | Lidocaine | | Tramadol | | Measure |", "| | Mean | SD | Mean | SD | |"
    text = _text(caption, top, leaves, "| 0.02 | 9 | 84 | 8 | 79 | Pulse (beats/min) |",
                 "| 0.40 | 11 | 122 | 12 | 125 | Systolic pressure (mm Hg) |")
    _, rows = read_pipe_table(text, top, caption=caption, header_rows=2)
    got = sorted((m[0], m[1].split(" (")[0], m[3], m[4]) for m in _means(rows))
    assert got == [("lidocaine", "pulse", 84.0, 9.0), ("lidocaine", "systolic pressure", 122.0, 11.0),
                   ("tramadol", "pulse", 79.0, 8.0), ("tramadol", "systolic pressure", 125.0, 12.0)]


def test_a_grid_whose_first_column_of_figures_sits_beside_another_label_column_is_not_mirrored():
    header = "| Count | Site | Outcome |"
    table = pipe_table(f"{header}\n| 12 | Knee | Healed |\n| 7 | Hip | Healed |\n", header)
    assert right_to_left(table, header_rows(table)) is table


# --- arms as two-line row labels -------------------------------------------------------------------------------------



def _two_line(*body: str) -> list[tuple]:
    caption = "Table 7. Fatigue scores"
    header = "| Group | | Week 0 | | Week 6 | | p |"
    text = f"{METHODS}{caption}\n{header}\n" + "\n".join(body) + "\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    return sorted((str(r["intervention"]).split()[0], str(r["outcome"]).lower(), r["value"], r["sd"])
                  for r in rows or [] if r["measure"] == "MEAN")


TWO_LINE = [("lidocaine", "fatigue scores", 34.6, 4.4), ("lidocaine", "fatigue scores", 35.0, 3.9),
            ("tramadol", "fatigue scores", 31.5, 4.2), ("tramadol", "fatigue scores", 35.1, 4.0)]


@pytest.mark.parametrize("body", [
    ("| Tramadol | | 35.1 ± 4.0 | | 31.5 ± 4.2 | | 0.01 |", "| group | | | | | | |",
     "| Lidocaine | | 35.0 ± 3.9 | | 34.6 ± 4.4 | | 0.62 |", "| group | | | | | | |"),
    ("| Tramadol | | | | | | |", "| group | | 35.1 ± 4.0 | | 31.5 ± 4.2 | | 0.01 |",
     "| Lidocaine | | | | | | |", "| group | | 35.0 ± 3.9 | | 34.6 ± 4.4 | | 0.62 |"),
    ("| Tramadol group | | 35.1 ± 4.0 | | 31.5 ± 4.2 | | 0.01 |", "| (n = 27) | | | | | | |",
     "| Lidocaine group | | 35.0 ± 3.9 | | 34.6 ± 4.4 | | 0.62 |", "| (n = 25) | | | | | | |"),
])
def test_an_arm_label_printed_over_two_lines_is_one_label_and_no_outcome(body):
    assert _two_line(*body) == TWO_LINE


def test_a_label_only_row_that_is_no_name_ending_stays_a_heading():
    header = "| Outcome | Tramadol | Lidocaine |"
    text = f"{header}\n| Fatigue | | |\n| Week 6 | 31.5 ± 4.2 | 34.6 ± 4.4 |\n"
    table = pipe_table(text, header)
    assert with_two_line_labels(table, header_rows(table)) is table


# --- compared conditions as rows of a pair ------------------------------------------------------------------------------

def test_pairs_of_conditions_with_n_mean_and_sd_columns_give_each_arms_mean_at_each_time():
    caption = "Table 8. Paired samples statistics"
    header = "| | | Mean | N | Std. Deviation | Std. Error Mean |"
    text = _text(caption, header, "| Pair 1 | Tramadol before | 5.60 | 27 | 1.30 | 0.25 |",
                 "| | Tramadol after | 3.90 | 27 | 1.10 | 0.21 |", "| Pair 2 | Lidocaine before | 5.50 | 25 | 1.20 | 0.24 |",
                 "| | Lidocaine after | 4.80 | 25 | 1.00 | 0.20 |")
    _, rows = read_pipe_table(text, header, caption=caption)
    got = sorted((str(r["intervention"]), str(r["timepoint"]), r["value"], r["sd"], r["total"])
                 for r in rows or [] if r["measure"] == "MEAN")
    assert got == [("lidocaine", "after", 4.8, 1.0, 25), ("lidocaine", "before", 5.5, 1.2, 25),
                   ("tramadol", "after", 3.9, 1.1, 27), ("tramadol", "before", 5.6, 1.3, 27)]
    assert {str(r["outcome"]) for r in rows or []} == {"Paired samples statistics"}      # no "Pair 1" outcome


def test_what_a_label_says_besides_its_arm():
    from evidence_review.extract.study import Arm
    from evidence_review.extract.table_axes import beside_the_arm
    arm = Arm(arm_id="a1", name="tramadol", canonical="tramadol", n=27, role="experimental", start=0, end=8)
    assert beside_the_arm("Tramadol pre-test", arm) == "pre-test"
    assert beside_the_arm("Tramadol, week 4", arm) == "week 4"
    assert beside_the_arm("Tramadol group", arm) == ""
    assert beside_the_arm("Control group", arm) == ""       # a role word standing for the arm, nothing besides it
    assert beside_the_arm("Group 1", arm) == ""


# --- categories under spanning outcomes ----------------------------------------------------------------------------

def test_categories_under_spanning_outcomes_keep_their_outcome():
    caption = "Table 9. Complications"
    top, leaves = "| Group | Wound status | | Fever | |", "| | Healed | Delayed | Yes | Absent |"
    text = _text(caption, top, leaves, "| Tramadol | 20(74.1%) | 7(25.9%) | 3(11.1%) | 24(88.9%) |",
                 "| Lidocaine | 15(60.0%) | 10(40.0%) | 2(8.0%) | 23(92.0%) |")
    _, rows = read_pipe_table(text, top, caption=caption, header_rows=2)
    got = _proportions(rows)
    assert ("tramadol", "wound status: delayed", 7, 27) in got
    assert ("lidocaine", "fever: absent", 23, 25) in got
    assert len(got) == 8


def test_an_arm_row_no_text_sizes_takes_the_total_its_shares_agree_on():
    methods = "Adults were randomly assigned to oral or intravenous dosing.\n"
    caption = "Table 2. Symptom status at discharge"
    header = "| Route | Positive | Negative |"
    text = f"{methods}{caption}\n{header}\n| Oral | 12(40.0%) | 18(60.0%) |\n| Intravenous | 17(60.7%) | 11(39.3%) |\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    got = {(str(r["intervention"]).split()[0], r["events"], r["total"]) for r in rows or [] if r["measure"] == "PROPORTION"}
    assert got == {("oral", 12, 30), ("oral", 18, 30), ("intravenous", 17, 28), ("intravenous", 11, 28)}


def test_shares_implying_two_totals_size_no_arm():
    methods = "Adults were randomly assigned to oral or intravenous dosing.\n"
    caption = "Table 2. Symptom status at discharge"
    header = "| Route | Positive | Negative |"
    text = f"{methods}{caption}\n{header}\n| Oral | 12(40.0%) | 18(64.3%) |\n| Intravenous | 17(60.7%) | 11(39.3%) |\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    assert not [r for r in rows or [] if r["measure"] == "PROPORTION" and str(r["intervention"]).startswith("oral")]


def test_the_path_reading_takes_a_size_column_as_each_rows_patients_never_as_a_count():
    from evidence_review.extract.study import build_study
    from evidence_review.extract.table_axes import read_by_paths
    methods = "Adults were randomly assigned to oral or intravenous dosing.\n"
    caption = "Table 2. Symptom status at discharge"
    header = "| Route | Cases | Positive | Negative |"
    text = f"{methods}{caption}\n{header}\n| Oral | 31 | 12 (38.7) | 19 (61.3) |\n| Intravenous | 28 | 17 (60.7) | 11 (39.3) |\n"
    table = pipe_table(text, header, caption=caption)
    rows = read_by_paths("d", text, table, build_study("d", text, {"tables": [table]}))
    got = {(str(r["intervention"]).split()[0], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert got == {("oral", 12, 31), ("oral", 19, 31), ("intravenous", 17, 28), ("intravenous", 11, 28)}


# --- an effect's abbreviation as an outcome of the arms' rows ---------------------------------------------------------

def test_a_heart_rate_column_over_the_arms_rows_is_an_outcome_not_a_hazard_ratio():
    caption = "Table 10. Vital signs"
    header = "| Group | HR (beats/min) | RR (breaths/min) | SpO2 (%) |"
    text = _text(caption, header, "| Tramadol | 78 ± 9 | 16 ± 2 | 97 ± 1 |", "| Lidocaine | 82 ± 8 | 17 ± 3 | 96 ± 2 |")
    _, rows = read_pipe_table(text, header, caption=caption)
    got = sorted((m[0], m[1].split(" (")[0], m[3]) for m in _means(rows))
    assert ("tramadol", "hr", 78.0) in got and ("lidocaine", "rr", 17.0) in got
    assert len(got) == 6


def test_a_hazard_ratio_column_over_the_arms_rows_gives_no_arm_figure():
    caption = "Table 10. Relapse"
    header = "| Group | Relapse, n (%) | HR (95% CI) |"
    text = _text(caption, header, "| Tramadol | 6 (22.2) | 0.61 (0.30-1.22) |", "| Lidocaine | 9 (36.0) | 1.00 |")
    _, rows = read_pipe_table(text, header, caption=caption)
    assert not [r for r in rows or [] if r["measure"] == "MEAN"]
    assert _proportions(rows) == [("lidocaine", "relapse", 9, 25), ("tramadol", "relapse", 6, 27)]


def test_a_blank_p_column_is_dropped_without_heading_the_statistics_beside_it():
    top, leaves = "| Measure | Tramadol | | P |", "| | Mean | SD | |"
    text = f"{top}\n{leaves}\n| Pain | 3.1 | 1.2 | |\n| Sleep | 6.0 | 1.1 | |\n"
    table = pipe_table(text, top, header_rows=2)
    out = without_spacer_columns(table, header_rows(table))
    grid = {(c["row"], c["col"]): c["text"] for c in out["cells"] if c["row"] < 2}
    assert grid == {(0, 0): "Measure", (0, 1): "Tramadol", (0, 2): "", (1, 0): "", (1, 1): "Mean", (1, 2): "SD"}
