"""The arm axis of a table found from the paths of its cells (table_axes.py): arms as row labels filled once per
block, as heading rows over blocks, as sub-columns under time spans, in the caption only; a path naming two arms, a
stub of categories that only resemble an arm and a whole-population table give nothing. Grids written here as
strings (names, numbers and fields invented for the tests)."""
from __future__ import annotations

import pytest

from table_grids import read_pipe_table
from evidence_review.extract.table_axes import cell_paths, headless

ARMS = {"verapamil": "V", "verapamil group": "V", "group v": "V", "placebo": "P", "placebo group": "P", "group p": "P"}


def _resolve(text: str):
    return ARMS.get(text.strip().lower())


def _grid(*lines: str) -> dict[int, dict[int, str]]:
    return {r: {c: x.strip() for c, x in enumerate(line.split("|"))} for r, line in enumerate(lines)}


def _read(paths):
    return sorted((p.row, p.col, p.arm, p.axis, tuple(p.row_words), tuple(p.column_words)) for p in paths)


def test_arms_in_the_first_stub_column_filled_once_per_block():
    grid = _grid("Outcome | Event | n (%)",
                 "Group V | Headache | 4 (10.0)", " | Rash | 1 (2.5)",
                 "Group P | Headache | 6 (15.0)", " | Rash | 0 (0)")
    got = _read(cell_paths(grid, {0}, _resolve))
    assert got == [(1, 2, "V", "row", ("Headache",), ("n (%)",)), (2, 2, "V", "row", ("Rash",), ("n (%)",)),
                   (3, 2, "P", "row", ("Headache",), ("n (%)",)), (4, 2, "P", "row", ("Rash",), ("n (%)",))]


def test_arms_as_heading_rows_over_their_blocks():
    grid = _grid(" | Week 4 | Week 8",
                 "Verapamil | | ", "Pain score | 3.1 ± 1.0 | 2.2 ± 0.9", "Sleep hours | 6.1 ± 1.2 | 6.8 ± 1.1",
                 "Placebo | | ", "Pain score | 3.9 ± 1.1 | 3.7 ± 1.2", "Sleep hours | 5.9 ± 1.3 | 6.0 ± 1.0")
    got = _read(cell_paths(grid, {0}, _resolve))
    assert len(got) == 8
    assert {(a, axis) for _, _, a, axis, _, _ in got} == {("V", "heading"), ("P", "heading")}
    assert (5, 2, "P", "heading", ("Pain score",), ("Week 8",)) in got


def test_arms_as_sub_columns_under_time_spans_with_p_columns_skipped():
    grid = _grid(" | Day 1 | Day 1 | Day 1 | Day 7 | Day 7 | Day 7",
                 " | Verapamil | Placebo | p | Verapamil | Placebo | p",
                 "Heart rate | 72 ± 8 | 75 ± 9 | 0.21 | 68 ± 7 | 74 ± 8 | 0.04")
    got = _read(cell_paths(grid, {0, 1}, _resolve, skip=lambda t: t.strip().lower() == "p"))
    assert got == [(2, 1, "V", "column", ("Heart rate",), ("Day 1",)), (2, 2, "P", "column", ("Heart rate",), ("Day 1",)),
                   (2, 4, "V", "column", ("Heart rate",), ("Day 7",)), (2, 5, "P", "column", ("Heart rate",), ("Day 7",))]


def test_a_path_naming_two_arms_gives_no_cell_of_either():
    grid = _grid(" | Verapamil | Placebo", "Verapamil | 12 (30%) | 3 (8%)", "Sleep | 10 (25%) | 11 (28%)")
    got = _read(cell_paths(grid, {0}, _resolve))
    assert [(r, c) for r, c, *_ in got] == [(2, 1), (2, 2)]


def test_a_whole_population_table_gives_nothing():
    grid = _grid("Characteristic | All patients (n = 80)", "Age, years | 51 ± 9", "Women | 38 (47.5)")
    assert cell_paths(grid, {0}, _resolve) == []


def test_a_stub_of_categories_that_only_resemble_an_arm_gives_nothing():
    # one label resolves ("Placebo" as a prior treatment), the others are categories: no axis of two arms
    grid = _grid("Prior treatment | n (%)", "Placebo | 12 (15.0)", "Analgesic | 30 (37.5)", "None | 38 (47.5)")
    assert cell_paths(grid, {0}, _resolve) == []


def test_the_caption_arm_holds_every_cell_only_when_no_path_names_an_arm():
    grid = _grid(" | Before mean ± SD | After mean ± SD", "Systolic pressure | 131 ± 12 | 124 ± 10")
    assert cell_paths(grid, {0}, _resolve) == []
    got = _read(cell_paths(grid, {0}, _resolve, caption_arm="V"))
    assert got == [(1, 1, "V", "caption", ("Systolic pressure",), ("Before mean ± SD",)),
                   (1, 2, "V", "caption", ("Systolic pressure",), ("After mean ± SD",))]
    named = _grid(" | Verapamil | Placebo", "Systolic pressure | 131 ± 12 | 124 ± 10")
    assert {p.arm for p in cell_paths(named, {0}, _resolve, caption_arm="V")} == {"V", "P"}


@pytest.mark.parametrize("first, is_data", [
    ("Group V | Headache | 4 (10.0)", True),
    (" | n = 40 | n = 40", False),
    ("Outcome | Verapamil | Placebo", False),
    (" | | n (%)", False),                    # a header naming the cells' format
    (" | | 6 (15.0)", False),                 # figures under no label: nothing says the row is data
])
def test_a_first_row_printing_figures_like_the_body_is_no_header(first, is_data):
    grid = _grid(first, "Group P | Headache | 6 (15.0)", " | Rash | 0 (0)")
    assert headless(grid, {0}) is is_data


# --- read through the table reader --------------------------------------------------------------------------------

METHODS = "Eighty patients were randomly assigned to verapamil (group V, n = 40) or placebo (group P, n = 40).\n"


def test_a_headerless_table_of_arm_blocks_is_read_per_arm_and_event():
    caption = "Table 3. Patients reporting adverse events"
    body = ("| Group V | Headache | 4 (10.0%) |\n| | Constipation | 7 (17.5%) |\n"
            "| Group P | Headache | 6 (15.0%) |\n| | Dizziness | 2 (5.0%) |")
    text = f"{METHODS}{caption}\n{body}\n"
    _, rows = read_pipe_table(text, body.split("\n")[0], caption=caption, header_rows=0)
    got = sorted((str(r["intervention"]), r["outcome"].lower(), r["events"], r["total"]) for r in rows or []
                 if r["measure"] == "PROPORTION")
    assert got == [("placebo", "dizziness", 2, 40), ("placebo", "headache", 6, 40),
                   ("verapamil", "constipation", 7, 40), ("verapamil", "headache", 4, 40)]


def test_a_table_of_one_arm_named_by_its_caption_is_read_as_that_arms_before_and_after():
    caption = "Table 4. Vital signs before and after the procedure for group V."
    header = "| | Before mean ± SD | After mean ± SD | P value |"
    body = "| Systolic pressure, mm Hg | 131.2 ± 12.4 | 124.8 ± 10.9 | 0.02 |\n| Pulse, beats/min | 81.5 ± 6.2 | 78.0 ± 5.9 | 0.10 |"
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    got = sorted((str(r["intervention"]), r["outcome"].split(",")[0].lower(), r["value"], r["sd"], r["role"])
                 for r in rows or [] if r["measure"] == "MEAN")
    assert got == [("verapamil", "pulse", 78.0, 5.9, ""), ("verapamil", "pulse", 81.5, 6.2, "baseline"),
                   ("verapamil", "systolic pressure", 124.8, 10.9, ""),
                   ("verapamil", "systolic pressure", 131.2, 12.4, "baseline")]


def test_a_caption_naming_the_groups_in_the_plural_gives_no_one_arm_table():
    caption = "Table 4. Vital signs before and after the procedure in both groups."
    header = "| | Before mean ± SD | After mean ± SD | P value |"
    body = "| Systolic pressure, mm Hg | 131.2 ± 12.4 | 124.8 ± 10.9 | 0.02 |"
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    assert not [r for r in rows or [] if r["measure"] == "MEAN"]


def test_a_whole_population_table_is_read_as_no_arm():
    caption = "Table 1. Characteristics of the patients"
    header = "| Characteristic | Value |"
    body = "| Age, years | 51.3 ± 9.2 |\n| Women | 38 (47.5%) |"
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    assert not [r for r in rows or [] if r["intervention"] in ("verapamil", "placebo")]


def test_a_header_of_times_as_bare_numbers_stays_a_header():
    grid = _grid("Time (min) | 0 | 5 | 10", "Verapamil | 72 ± 8 | 70 ± 7 | 69 ± 7", "Placebo | 73 ± 9 | 74 ± 8 | 74 ± 9")
    assert not headless(grid, {0})


def test_outcome_by_arm_rows_with_a_change_column_and_a_heart_rate_row():
    # the outcome printed once per block in the first column, the arm in the second, times and the arm's own change
    # as columns; "HR" a heart rate here, no hazard ratio
    caption = "Table 2. Outcomes in the two groups"
    header = "| Variable | Group | Before | After 8 weeks | Difference value |"
    body = ("| HR (beats/min) | Verapamil | 78.2 ± 6.1 | 71.4 ± 5.8 | 6.8 |\n| | Placebo | 77.9 ± 6.4 | 76.8 ± 6.0 | 1.1 |\n"
            "| Pain score | Verapamil | 5.1 ± 1.2 | 3.0 ± 1.1 | 2.1 |\n| | Placebo | 5.3 ± 1.3 | 4.6 ± 1.2 | 0.7 |")
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    got = sorted((str(r["intervention"]), str(r["outcome"]).lower().replace(" (beats/min)", ""), r["value"],
                  r["timepoint"], r["role"]) for r in rows or [] if r["measure"] == "MEAN")
    assert ("verapamil", "hr", 78.2, "before", "baseline") in got
    assert ("placebo", "hr", 76.8, "8 weeks", "") in got
    assert ("verapamil", "change in hr", 6.8, "", "") in got
    assert ("placebo", "change in pain score", 0.7, "", "") in got
    assert len(got) == 12


def test_header_words_the_time_grammar_does_not_know_keep_two_cells_of_a_row_apart():
    caption = "Table 4. Vital signs for group V."
    header = "| | Preinfusion mean ± SD | Postinfusion mean ± SD |"
    body = "| Pulse, beats/min | 81.5 ± 6.2 | 78.0 ± 5.9 |"
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    outcomes = sorted(str(r["outcome"]).lower() for r in rows or [] if r["measure"] == "MEAN")
    assert len(outcomes) == 2 and len(set(outcomes)) == 2, outcomes
    assert all(o.startswith("pulse") for o in outcomes)
