"""One arm's mean and spread printed in shapes the cell readers missed: a range whose bounds a division sign
separates ("[48 ÷ 86]", Central European print) and a unit printed after the SD and again in the range's bracket."""
from evidence_review.extract.arm_cells import parse_arm_cell
from evidence_review.extract.textscan import scan_view


def _read(cell: str, hint: str = "", n: int | None = 40) -> dict | None:
    # the table reader hands every cell over in its scan view
    return parse_arm_cell(scan_view(cell), hint, n)


def test_division_sign_between_range_bounds_is_a_range():
    row = _read("6.3 ± 2.1 [0 \u00f7 12]")
    assert row["measure"] == "MEAN" and (row["value"], row["sd"]) == (6.3, 2.1)
    assert (row["range_low"], row["range_high"]) == (0.0, 12.0)


def test_division_sign_range_under_a_mean_sd_header():
    row = _read("27.2 ± 4.4 [15 \u00f7 38]", "mean_sd")
    assert (row["value"], row["sd"], row["range_low"], row["range_high"]) == (27.2, 4.4, 15.0, 38.0)


def test_unit_after_mean_sd_and_again_in_the_range():
    row = _read("66.5 ± 8.1 years [45 \u00f7 84 years]")
    assert row["measure"] == "MEAN" and (row["value"], row["sd"]) == (66.5, 8.1)
    assert (row["range_low"], row["range_high"]) == (45.0, 84.0)


def test_unit_after_one_figure_before_its_bracket_still_read():
    row = _read("24.8 years (\u00b10.5)")
    assert (row["value"], row["sd"]) == (24.8, 0.5)


def test_scan_view_keeps_length_with_division_sign():
    text = "range 0 \u00f7 15 points"
    assert len(scan_view(text)) == len(text) and scan_view(text) == "range 0 - 15 points"


# ------------------------------------------------------------------ a cell printing its own n before its figure
from table_grids import read_pipe_table  # noqa: E402

from evidence_review.extract.cells import prints_size_first  # noqa: E402

METHODS = "Sixty patients were randomly assigned to verapamil (group V, n = 30) or placebo (group P, n = 30).\n"


def test_size_printed_before_the_figure_is_a_figure_cell():
    assert prints_size_first("n = 17: 3.85 (2.41)")
    assert prints_size_first("n = 11*: 6.02 (1.64)")        # a footnote's mark after the number
    assert prints_size_first("(n = 38) 45.2 ± 10.1")
    assert not prints_size_first("n = 40")                   # a size alone is no figure
    assert not prints_size_first("4.09 (2.32)")


def test_rows_of_outcome_by_arm_whose_cells_print_their_own_n_first():
    # the outcome printed once per block, the arm in the second column, baseline and follow-up as columns, each cell
    # with the patients it is of before its mean (SD); a footnote's mark after some of those numbers
    caption = "Table 3. Pain scores. Values are mean (standard deviation)"
    header = "| Endpoint | Group | Baseline | Follow-up | p value for within group change |"
    body = ("| End of treatment | Verapamil | n = 17: 3.85 (2.41) | n = 17: 3.12 (2.05) | 0.004 |\n"
            "| | Placebo | n = 13: 3.50 (2.66) | n = 13: 2.61 (2.48) | 0.02 |\n"
            "| Weekly diary | Verapamil | n = 11*: 6.02 (1.64) | n = 15*: 5.21 (2.07) | 0.3 |\n"
            "| | Placebo | n = 9*: 5.74 (1.80) | n = 12*: 3.95 (2.33) | 0.06 |")
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    got = sorted((str(r["intervention"]), r["value"], r["sd"], r["total"]) for r in rows or [] if r["measure"] == "MEAN")
    assert got == sorted([("verapamil", 3.85, 2.41, 17), ("verapamil", 3.12, 2.05, 17), ("placebo", 3.5, 2.66, 13),
                          ("placebo", 2.61, 2.48, 13), ("verapamil", 6.02, 1.64, 11), ("verapamil", 5.21, 2.07, 15),
                          ("placebo", 5.74, 1.8, 9), ("placebo", 3.95, 2.33, 12)])


def test_bare_size_then_semicolon_is_the_cells_own_size():
    # "n; mean (SD)": the bare number before the semicolon is the patients the mean is of, written where the reader
    # takes a cell's own size; a comma ("29.13, 9.87" is mean, SD), a share after the semicolon or a size of 1 is not
    from evidence_review.extract.cells import cell_figure
    assert cell_figure("118; 31.42 (10.07)").body.strip() == "31.42 (10.07)n=118"
    assert cell_figure("118; 31.42 \u00b1 10.07").body.strip() == "31.42 \u00b1 10.07 n=118"
    assert cell_figure("29.13, 9.87").body == "29.13, 9.87"
    assert cell_figure("14; 6 (42.9%)").body == "14; 6 (42.9%)"


def test_rows_of_arms_under_an_analysis_population_whose_cells_print_n_semicolon_mean():
    # an analysis population heading its block, the arm in the second column, time points as columns
    caption = "Table 2. Depression scores by program, n; mean (SD)"
    header = "| Program | Group | Pretest, n; mean (SD) | Posttest, n; mean (SD) |"
    body = ("| Completers of posttest (n=250) | | | |\n"
            "| | Verapamil | 130; 31.42 (10.07) | 130; 24.10 (11.55) |\n"
            "| | Placebo | 120; 30.88 (9.64) | 120; 28.73 (10.90) |")
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    _, rows = read_pipe_table(text, header, caption=caption)
    got = sorted((str(r["intervention"]), r["value"], r["sd"], r["total"]) for r in rows or [] if r["measure"] == "MEAN")
    assert got == sorted([("verapamil", 31.42, 10.07, 130), ("verapamil", 24.1, 11.55, 130),
                          ("placebo", 30.88, 9.64, 120), ("placebo", 28.73, 10.9, 120)])


# ------------------------------------------------------------------ an arm's "Mean | sem" columns
from table_grids import bare_grid, cell_texts  # noqa: E402

from evidence_review.extract.table_columns import joined_statistic_columns  # noqa: E402


def test_a_mean_with_a_superscript_mark_joins_its_sem():
    # "63·0<sup>a</sup>": ingestion prints the superscript letter as "^" (the letter kept in the cell's marks)
    grid = bare_grid(["| | Drug A | Drug A | Placebo | Placebo |",
                      "| | Mean | sem | Mean | sem |",
                      "| Age (years) | 61.0^ | 0.6 | 68.2^ | 0.71 |"], 2)
    joined = cell_texts(joined_statistic_columns(grid, {0, 1}))
    assert joined[(2, 1)] == "61.0 \u00b1 0.6" and joined[(2, 2)] == "68.2 \u00b1 0.71"


def test_a_count_spanning_the_mean_and_sem_columns_is_not_joined():
    # "Male | 4 | 3": each count printed once across its arm's "Mean | sem" pair (ingestion repeats a spanning cell,
    # marking the repeat `spans_left`), never "4 ± 4"
    grid = bare_grid(["| | Drug A | Drug A | Placebo | Placebo |",
                      "| | Mean | sem | Mean | sem |",
                      "| Male | 4 | 4 | 6 | 6 |",
                      "| Weight (kg) | 77.1 | 4.2 | 73.9 | 3.6 |"], 2)
    for c in grid["cells"]:
        if c["row"] == 2 and c["col"] in (2, 4):
            c["spans_left"] = True
    joined = cell_texts(joined_statistic_columns(grid, {0, 1}))
    assert joined[(2, 1)] == "4" and joined[(2, 2)] == "6"
    assert joined[(3, 1)] == "77.1 \u00b1 4.2" and joined[(3, 2)] == "73.9 \u00b1 3.6"


def test_a_count_heading_does_not_make_the_means_under_a_sem_column_sds():
    # a "Sex (n)" heading over its categories, then rows of means: the "±" of the joined "Mean | sem" cells is no
    # count's, so the column's SE holds
    caption = "Table 1. Baseline characteristics (Mean values with their standard errors, or number of subjects)"
    header = "| | Verapamil (n = 30) | Verapamil (n = 30) | Placebo (n = 30) | Placebo (n = 30) | |"
    body = ("| | Mean | sem | Mean | sem | P |\n"
            "| Sex (n) | | | | | |\n"
            "| Weight (kg) | 77.1 | 4.2 | 73.9 | 3.6 | 0.61 |\n"
            "| BMI (kg/m2) | 26.3 | 1.2 | 27.5 | 1.0 | 0.33 |")
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    _, rows = read_pipe_table(text, header, caption=caption, header_rows=2)
    got = sorted((str(r["intervention"]), r["value"], r["se"]) for r in rows or [] if r["measure"] == "MEAN")
    assert got == [("placebo", 27.5, 1.0), ("placebo", 73.9, 3.6), ("verapamil", 26.3, 1.2), ("verapamil", 77.1, 4.2)]
