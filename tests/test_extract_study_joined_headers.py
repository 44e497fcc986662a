"""A dose-finding table whose arm headers are split over two header rows ("Placebo, n (%) N = 52 | Drug, n (%)" over
"20 mg N = 50 | 40 mg N = 49 | 80 mg N = 51"): the joined header "Drug, n (%) 20 mg N = 50" is the arm "Drug 20 mg"
with its size - the format printed at the end of the upper row is no part of the name, so each dose column is its own
dose's arm. Negatives: a format after the size, or a name that only holds a per cent sign, keeps its old reading.
Texts and tables written for these tests."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study, split_size
from evidence_review.extract.table_reader import read_table


def test_a_format_inside_a_joined_header_is_no_part_of_the_name():
    assert split_size("Velorant, n (%) 20 mg N = 50") == ("Velorant 20 mg", 50)
    assert split_size("Velorant, mean ± SD 40 mg (n = 49)") == ("Velorant 40 mg", 49)
    assert split_size("Placebo, n (%) N = 52") == ("Placebo", 52)


def test_a_format_after_the_size_or_a_per_cent_word_reads_as_before():
    assert split_size("Placebo (n = 56) n (%)") == ("Placebo", 56)
    assert split_size("% change (n = 20)") == ("% change", 20)
    assert split_size("Early care (n = 20) (%)") == ("Early care", 20)


CAPTION = "Table 2. Adverse events by dose"
TEXT = ("Methods: In this randomized dose-finding trial, adults with chronic cough received placebo or velorant 20 mg, "
        "40 mg or 80 mg once daily for 4 weeks.\n"
        f"{CAPTION}\n"
        "| Event | Placebo, n (%) N = 52 | Velorant, n (%) | Velorant, n (%) | Velorant, n (%) |\n"
        "| Event | Placebo, n (%) N = 52 | 20 mg N = 50 | 40 mg N = 49 | 80 mg N = 51 |\n"
        "| Headache | 4 (7.7) | 6 (12.0) | 9 (18.4) | 14 (27.5) |\n"
        "| Nausea | 2 (3.8) | 3 (6.0) | 5 (10.2) | 8 (15.7) |\n")


def test_each_dose_column_is_its_own_dose_s_arm():
    grid = pipe_table(TEXT, "| Event | Placebo, n (%) N = 52 | Velorant, n (%) | Velorant, n (%) | Velorant, n (%) |",
                      "T2", CAPTION, header_rows=2)
    study = build_study("d", TEXT, {"tables": [grid]})
    rows = read_table("d", TEXT, grid, study)
    headache = {(r["intervention"], r["events"], r["total"]) for r in rows
                if r["measure"] == "PROPORTION" and r["outcome"].lower().startswith("headache")}
    assert headache == {("placebo", 4, 52), ("velorant 20 mg", 6, 50), ("velorant 40 mg", 9, 49),
                        ("velorant 80 mg", 14, 51)}, rows


def test_a_first_row_of_sizes_with_a_dash_under_the_p_value_gives_the_arms_sizes():
    from evidence_review.extract.study import first_row_sizes
    header = "| Variable | Whole sample | CT | LS | P-value |"
    text = ("Table 1. Demographics\n" + header + "\n| Number | 64 | 32 | 32 | – |\n| Age | 61.2 | 60.8 | 61.6 | 0.61 |\n")
    grid = pipe_table(text, header, "T1", "Table 1. Demographics", header_rows=1)
    assert first_row_sizes(grid) == {1: 64, 2: 32, 3: 32}
    # a figure under the p-value's column is no dash: the row is a variable's, not the sizes'
    text2 = text.replace("| – |", "| 0.04 |")
    grid2 = pipe_table(text2, header, "T1", "Table 1. Demographics", header_rows=1)
    assert first_row_sizes(grid2) == {}
