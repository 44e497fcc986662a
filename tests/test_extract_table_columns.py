"""Table column structure (`extract/table_columns.py`, the count | share pairs of `table_layout.py` and the printed
marks of `cells.py`), on grids written here in the general shapes, each with a negative of the same look:
- a header spanning the arms that only says they are the arms ("Product", "Study groups") over arm names the study
  model does not know, each over its statistic sub-columns ("n | %", "N | Mean | SD");
- n and % in separate columns with rows that are no pair (a test's result across the row, a "Missing" count with no
  share) and denominators that differ by block (answers missing);
- "Mean | SD" columns under one header path (a time) joined into one "mean ± SD" column; arms as rows in a stub
  column headed "Group";
- a header cell into which the next column's "P-value" was run;
- decimals printed with a space after the point, a "+" printed for "±" in one cell of a row."""
from __future__ import annotations

from table_grids import bare_grid, cell_texts, read_pipe_table

from evidence_review.extract.cells import spaced_decimal_table, with_plus_spreads_in_rows, with_spaced_decimals
from evidence_review.extract.table_columns import (arm_column_rows, arm_part, arms_span, header_paths,
                                                   joined_statistic_columns, p_merged_header, spanned_centre_and_spread,
                                                   statistic_role,
                                                   without_run_in_p)
from evidence_review.extract.table_layout import count_share_pairs, paired_cell, row_totals

METHODS = "Volunteers applied each of two hand creams in turn (crossover).\n"


def _read(header: str, body: str, header_rows: int, caption: str = "Table 2. Ratings by product",
          methods: str = METHODS):
    text = f"{methods}{caption}\n{header}\n{body}\n"
    return read_pipe_table(text, header, caption=caption, header_rows=header_rows)[1] or []


def _arm(row: dict) -> str:
    """The arm of a row without the dosage form the study model leaves out of its key ("Cream K" -> "k")."""
    return str(row.get("intervention") or "").lower().replace("cream ", "")


# --- leaf roles and the arm part of a header path -------------------------------------------------------------------

def test_statistic_role_of_leaf_headers():
    assert statistic_role("n") == "n"
    assert statistic_role("No.") == "n"
    assert statistic_role("(%)") == "pct"
    assert statistic_role("Percent") == "pct"
    assert statistic_role("Standard deviation") == "sd"
    assert statistic_role("Mean") == "mean"
    assert statistic_role("P-value") == "p"
    assert statistic_role("Placebo") is None
    assert statistic_role("Mean ± SD") is None        # a format of two statistics, not one role
    assert statistic_role("") is None


def test_arm_part_leaves_out_statistics_and_formats():
    assert arm_part(("Cream B", "n")) == "Cream B"
    assert arm_part(("Cream B", "%")) == "Cream B"
    assert arm_part(("Laser group (n = 18)", "Mean ± SD")) == "Laser group (n = 18)"
    assert arm_part(("Mean", "SD")) == ""


def test_arms_span_words():
    for text in ("Product", "Agents", "Study groups", "Treatments", "Groups", "Interventions"):
        assert arms_span(text), text
    for text in ("Treatment", "Treatment group", "Drug", "Week 4", "Cream B", "Characteristics"):
        assert not arms_span(text), text


# --- n and % under each arm, arms under a spanning "Product" --------------------------------------------------------

def test_product_span_over_count_and_share_columns_with_missing_rows():
    header = "| | | Product | Product | Product | Product |"
    body = ("| | | Cream K | Cream K | Cream M | Cream M |\n"
            "| Item | Answer | n | % | n | % |\n"
            "| Odour | Agreeable | 6 | 31.6 | 2 | 11.8 |\n"
            "| Odour | Indifferent | 9 | 47.4 | 8 | 47.1 |\n"
            "| Odour | Disagreeable | 4 | 21.1 | 7 | 41.2 |\n"
            "| Odour | Missing | 1 | | 3 | |\n"
            "| Stickiness | Low | 12 | 60.0 | 5 | 31.3 |\n"
            "| Stickiness | High | 8 | 40.0 | 11 | 68.8 |\n"
            "| Stickiness | Missing | 0 | | 4 | |")
    rows = _read(header, body, header_rows=3)
    props = sorted((_arm(r), r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert ("k", 6, 19) in props
    assert ("m", 2, 17) in props
    assert ("k", 12, 20) in props
    assert ("m", 11, 16) in props
    assert len(props) == 10         # the "Missing" counts give no row
    assert not [r for r in rows if r["measure"] in ("MEAN", "MEDIAN")]


def test_statistic_columns_under_a_product_span_are_each_arms_mean():
    header = "| Product | Product | Product | Product | Product | Product | Product |"
    body = ("| | Cream K | Cream K | Cream K | Cream M | Cream M | Cream M |\n"
            "| Period | n | Mean | SD | n | Mean | SD |\n"
            "| 1 | 7 | 14.20 | 3.10 | 6 | 17.45 | 4.02 |\n"
            "| 2 | 6 | 15.85 | 2.75 | 7 | 16.30 | 3.66 |")
    rows = _read(header, body, header_rows=3)
    means = sorted((_arm(r), r["value"], r["sd"], r["total"]) for r in rows if r["measure"] == "MEAN")
    assert means == [("k", 14.2, 3.1, 7), ("k", 15.85, 2.75, 6), ("m", 16.3, 3.66, 7), ("m", 17.45, 4.02, 6)]


def test_without_a_span_saying_they_are_the_arms_unknown_names_stay_unread():
    # "Item" over unknown names is no statement that they are arms: the reader keeps to what it knows
    header = "| Item | Item | Item | Item |"
    body = ("| | Cream K | Cream K | P |\n| Answer | n | % | P |\n"
            "| Agreeable | 6 | 31.6 | 0.2 |\n| Indifferent | 9 | 47.4 | 0.5 |")
    rows = _read(header, body, header_rows=3)
    assert not [r for r in rows if _arm(r) == "k"]


# --- count | share pairs: rows that are no pair, denominators by row ---------------------------------------------

def test_count_share_pairs_leave_aside_rows_that_are_no_pair():
    rows = [{1: "40", 2: "80"}, {1: "10", 2: "20"}, {1: "P=0.41", 2: "P=0.41"}, {1: "7", 2: "14"}, {1: "2", 2: ""}]
    assert count_share_pairs(rows, [(1, 2, None)]) == {1: (2, 50)}
    # a row whose two cells are no count and share, and not the same text across both, still refutes the pair
    rows_bad = [{1: "40", 2: "80"}, {1: "10", 2: "20"}, {1: "12.5", 2: "3.1"}]
    assert count_share_pairs(rows_bad, [(1, 2, None)]) == {}


def test_count_share_pairs_with_a_denominator_per_row():
    # answers missing in some blocks: 6 of 19, 9 of 19, 12 of 20, 8 of 20, each share exact to its decimal
    rows = [{1: "6", 2: "31.6"}, {1: "9", 2: "47.4"}, {1: "12", 2: "60.0"}, {1: "8", 2: "40.0"}]
    assert count_share_pairs(rows, [(1, 2, None)]) == {1: (2, None)}
    # whole-number shares prove no denominator per row
    rows_int = [{1: "6", 2: "32"}, {1: "9", 2: "47"}, {1: "12", 2: "61"}, {1: "8", 2: "39"}]
    assert count_share_pairs(rows_int, [(1, 2, None)]) == {}
    # a share that is no count of a whole number of patients (5 of 17.2?) refutes it
    rows_off = [{1: "6", 2: "31.6"}, {1: "9", 2: "47.4"}, {1: "5", 2: "29.0"}]
    assert count_share_pairs(rows_off, [(1, 2, None)]) == {}


def test_paired_cell():
    assert paired_cell("6", "31.6") == "6 (31.6%)"
    assert paired_cell("6", "31.6", 19) == "6/19 (31.6%)"
    assert paired_cell("3", "") == ""                   # a count without its share: no figure of the arm
    assert paired_cell("P=0.41", "P=0.41") is None      # no pair: left as printed


def test_row_totals_by_share_and_block():
    rows = [("Odour", "6", "31.6"), ("Odour", "0", "0.0"), ("Odour", "13", "68.4"), ("Feel", "0", "0"),
            ("Feel", "10", "50.0"), ("Feel", "9", "47.4"), ("Test", "P=0.2", "P=0.2")]
    # a zero takes its block's one total; a block whose rows disagree (20 and 19) gives a zero none
    assert row_totals(rows) == [19, 19, 19, None, 20, 19, None]


# --- mean | SD columns joined ---------------------------------------------------------------------------------------

def test_header_paths_carry_a_span_printed_once_over_statistics():
    grid = bare_grid(["| Item | Day 1 | | Day 9 | |", "| | Mean | SD | Mean | SD |", "| Score | 3.5 | 1.2 | 2.5 | 0.9 |"], 2)
    paths = header_paths(grid, {0, 1})
    assert paths[2] == ["Day 1", "SD"]
    assert paths[4] == ["Day 9", "SD"]


def test_joined_statistic_columns_join_mean_and_sd_under_one_path():
    grid = bare_grid(["| Item | Day 1 | Day 1 | Day 9 | Day 9 | P |",
                  "| | Mean | Standard deviation | Mean | Standard deviation | P |",
                  "| Score | 3.5 | 1.2 | 2.5% | 0.9% | 0.03 |",
                  "| Test | P=0.2 | P=0.2 | P<0.01 | P<0.01 | |"], 2)
    joined = cell_texts(joined_statistic_columns(grid, {0, 1}))
    assert joined[(1, 1)] == "Mean ± SD" and joined[(1, 2)] == "Mean ± SD"
    assert joined[(2, 1)] == "3.5 ± 1.2" and joined[(2, 2)] == "2.5 ± 0.9"
    assert joined[(2, 3)] == "0.03"                  # the columns right of a dropped one move left
    assert joined[(3, 1)] == "P=0.2"                 # no two bare figures: the first cell as printed
    assert (2, 4) not in joined


def test_joined_statistic_columns_leave_other_groups_alone():
    # n, mean and SD together are the reader's statistic group; mean beside median is no mean and spread
    for lines in (["| | X | X | X |", "| | N | Mean | SD |", "| Score | 8 | 3.5 | 1.2 |"],
                  ["| | X | X |", "| | Mean | Median |", "| Score | 3.5 | 3.0 |"],
                  ["| | Mean | SD |", "| Score | 3.5 | 1.2 |"]):           # no header path above: left as printed
        grid = bare_grid(lines, len(lines) - 1)
        assert joined_statistic_columns(grid, set(range(len(lines) - 1))) is grid


def test_arms_as_rows_in_a_group_column_with_mean_and_sd_columns():
    header = "| Measure | Group | Before training | Before training | After training | After training |"
    body = ("| | | Mean | Standard deviation | Mean | Standard deviation |\n"
            "| Knowledge | coached | 41.2 | 11.5 | 66.0 | 7.3 |\n"
            "| Knowledge | usual care | 42.8 | 10.9 | 45.1 | 8.8 |\n"
            "| Knowledge | Independent t-test | P=0.61 | P=0.61 | P<0.001 | P<0.001 |\n"
            "| Self-efficacy | coached | 30.5 | 6.6 | 38.9 | 5.2 |\n"
            "| Self-efficacy | usual care | 31.1 | 7.0 | 31.8 | 6.1 |")
    rows = _read(header, body, header_rows=2, caption="Table 3. Scores before and after training",
                 methods="Adults were randomised to coaching or usual care.\n")
    means = sorted((str(r["intervention"]).lower(), r["outcome"], r["value"], r["sd"], r["timepoint"])
                   for r in rows if r["measure"] == "MEAN")
    assert ("coached", "Knowledge", 41.2, 11.5, "before training") in means
    assert ("coached", "Knowledge", 66.0, 7.3, "after training") in means
    assert len(means) == 8
    assert not [m for m in means if m[0].startswith("independent")]


def test_arm_column_rows_need_a_group_header_and_repeated_names():
    labels = {2: "coached", 3: "usual care", 4: "Independent t-test", 5: "coached", 6: "usual care"}
    assert arm_column_rows("Group", labels) == {2: "coached", 3: "usual care", 5: "coached", 6: "usual care"}
    assert arm_column_rows("Subscale", labels) == {}
    assert arm_column_rows("Group", {2: "coached", 3: "usual care"}) == {}      # each name once: no arm column


# --- "P-value" run into an arm's header ------------------------------------------------------------------------------

def test_p_merged_header():
    row = ["", "Arm 1 (Laser group)", "Arm 2 P-value (Sham group)", "P-value"]
    assert p_merged_header(row[2], row).split() == ["Arm", "2", "(Sham", "group)"]
    assert len(p_merged_header(row[2], row)) == len(row[2])
    # no p-value column of its own in the row: the header as printed
    assert p_merged_header("Arm 2 P-value (Sham group)", ["", "Arm 1", "Arm 2 P-value (Sham group)"]) == \
        "Arm 2 P-value (Sham group)"
    assert p_merged_header("P-value", row) == "P-value"


def test_run_in_p_header_column_is_read_as_the_arm():
    header = "| | Group A (Laser) | Group B P-value (Sham) | P-value |"
    body = "| Age (years) | 51.2±9.8 | 49.7±10.4 | 0.41 |\n| BMI | 26.1±3.3 | 27.0±3.9 | 0.22 |"
    text = f"Patients were randomised to laser (group A, n = 30) or sham (group B, n = 31).\nTable 1. Baseline\n{header}\n{body}\n"
    study, rows = read_pipe_table(text, header, caption="Table 1. Baseline", header_rows=1)
    values = sorted(r["value"] for r in rows or [] if r["measure"] == "MEAN")
    assert values == [26.1, 27.0, 49.7, 51.2]
    grid = bare_grid([header, "| Age | 1.0 | 2.0 | 0.4 |"], 1)
    assert cell_texts(without_run_in_p(grid, {0}))[(0, 2)].split() == ["Group", "B", "(Sham)"]


# --- printed marks -------------------------------------------------------------------------------------------------

def test_spaced_decimals_read_where_the_table_prints_them_so():
    grid = bare_grid(["| | A | B | P |", "| Age | 41. 5 ± 7. 2 | 44 ± 8. 1 | 0. 213 |", "| Weight | 71. 4 ± 9. 9 | 70 ± 8 | 0. 8 |"], 1)
    assert spaced_decimal_table([c["text"] for c in grid["cells"] if not c["header"]])
    texts = cell_texts(with_spaced_decimals(grid))
    assert texts[(1, 1)] == "41.5  ± 7.2 " and texts[(1, 3)] == "0.213 "
    # a table that prints tight decimals too: the spaced ones are left alone (a full stop, a list)
    mixed = bare_grid(["| | A | B |", "| Age | 41. 5 | 44.2 |", "| Weight | 71. 4 | 70.3 |"], 1)
    assert with_spaced_decimals(mixed) is mixed


def test_plus_for_pm_in_one_cell_of_a_row_printing_pm():
    grid = bare_grid(["| | A | B |", "| Age | 61.25+9.40 | 58.10±8.75 |", "| Dose | 2.5+1.5 | 3 |"], 1)
    texts = cell_texts(with_plus_spreads_in_rows(grid))
    assert texts[(1, 1)] == "61.25±9.40"
    assert texts[(2, 1)] == "2.5+1.5"             # no "±" in its row: left as printed


# --- several measures side by side across the top --------------------------------------------------------------------

def test_measures_across_the_top_over_the_arms_with_rows_of_times():
    header = "| | Pain score | Pain score | Pain score | Swelling (mm) | Swelling (mm) | Swelling (mm) |"
    body = ("| | Ketorolac | Saline | P | Ketorolac | Saline | P |\n"
            "| Day 1 | 3.1 ± 1.0 | 4.2 ± 1.1 | 0.01 | 12.0 ± 2.0 | 13.1 ± 2.2 | 0.2 |\n"
            "| Day 3 | 2.1 ± 0.8 | 3.0 ± 1.0 | 0.03 | 10.0 ± 1.5 | 11.2 ± 1.9 | 0.3 |")
    rows = _read(header, body, header_rows=2, caption="Table 2. Outcomes",
                 methods="Patients were randomised to ketorolac (n = 30) or saline (n = 30).\n")
    means = sorted((str(r["intervention"]).lower(), r["outcome"], r["timepoint"], r["value"]) for r in rows
                   if r["measure"] == "MEAN")
    assert ("ketorolac", "Pain score", "day 1", 3.1) in means
    assert ("saline", "Swelling (mm)", "day 3", 11.2) in means
    assert len(means) == 8
    assert not [r for r in rows if r.get("subgroup")]


def test_patient_groups_across_the_top_stay_strata():
    header = "| | Men | Men | Women | Women |"
    body = ("| | Ketorolac | Saline | Ketorolac | Saline |\n"
            "| Day 1 | 3.1 ± 1.0 | 4.2 ± 1.1 | 2.9 ± 1.2 | 4.0 ± 1.3 |")
    rows = _read(header, body, header_rows=2, caption="Table 2. Pain score",
                 methods="Patients were randomised to ketorolac (n = 30) or saline (n = 30).\n")
    means = [r for r in rows if r["measure"] == "MEAN"]
    assert len(means) == 4
    assert {r["subgroup"] for r in means} == {"Men", "Women"}
    assert not [r for r in means if r["outcome"] in ("Men", "Women")]


def test_measure_over_times():
    from evidence_review.extract.table_columns import measure_over_times
    assert measure_over_times("Pain score", "Day 1", "day 1")
    assert not measure_over_times("Pain score", "Pain at rest", "day 1")      # the row names its own outcome
    assert not measure_over_times("Age < 65 years", "Day 1", "day 1")
    assert not measure_over_times("Women", "Day 1", "day 1")


# --- a row of shares only: the number of patients the shares are of (table_sizes.size_from_shares) --------------------

def test_arms_as_rows_of_shares_only_give_counts_of_the_size_the_shares_imply():
    header = "| Drug | Calm | Calm | Calm | Agitated | Agitated | Agitated |"
    body = ("| | 1 | 2 | 3 | 1 | 2 | 3 |\n"
            "| Clonidine | 0 | 84.6% | 15.4% | 7.7% | 61.5% | 30.8% |\n"
            "| Diazepam | 61.5% | 30.8% | 7.7% | 15.4% | 84.6% | 0 |")
    rows = _read(header, body, header_rows=2, caption="Table 2. Sedation scores",
                 methods="Children received clonidine or diazepam before surgery.\n")
    props = sorted((str(r["intervention"]).lower(), r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert ("clonidine", 11, 13) in props
    assert ("clonidine", 0, 13) in props
    assert ("diazepam", 8, 13) in props
    assert len(props) == 12
    derived = [r for r in rows if r["measure"] == "PROPORTION" and r["events"]]
    assert all("events_from_percentage" in str(r.get("flags")) for r in derived)


def test_bare_shares_under_an_arm_header_with_a_percent_sign():
    # (the cells' decision: table_sizes.shares_column, tested in test_extract_table_sizes.py)
    header = "| Sedation | Clonidine (%) | Diazepam (%) |"
    body = "| Calm | 84.6 | 61.5 |\n| Drowsy | 15.4 | 30.8 |\n| Asleep | 0 | 7.7 |"
    rows = _read(header, body, header_rows=1, caption="Table 2. Sedation scores",
                 methods="Children received clonidine or diazepam before surgery.\n")
    props = sorted((str(r["intervention"]).lower(), r["outcome"], round(r["value"], 3), r["events"], r["total"])
                   for r in rows if r["measure"] == "PROPORTION")
    assert ("clonidine", "Calm", 0.846, None, None) in props      # two shares size nothing: the share alone
    assert ("diazepam", "Calm", 0.615, 8, 13) in props            # three shares of 13
    assert not [r for r in rows if r["measure"] == "MEAN"]
    # "n (%)" cells under the same headers stay counts with their shares
    counted = _read(header, "| Calm | 11 (84.6) | 8 (61.5) |\n| Drowsy | 2 (15.4) | 4 (30.8) |", header_rows=1,
                    caption="Table 2. Sedation scores", methods="Children received clonidine or diazepam before surgery.\n")
    assert sorted((r["events"], r["total"]) for r in counted if r["measure"] == "PROPORTION")[:2] == [(2, 13), (4, 13)]


def test_joined_statistic_columns_with_bracketed_spreads_and_medians():
    assert statistic_role("(SD)") == "sd" and statistic_role("[IQR]") == "iqr" and statistic_role("(%)") == "pct"
    grid = bare_grid(["| Item | Week 2 | Week 2 | Week 6 | Week 6 |",
                  "| | Mean | (SD) | Median | (IQR) |",
                  "| Score | 4.1 | (1.3) | 3.5 | (2.0-7.3) |",
                  "| Steps | 5.2 | 0.9 | 12 | 8 to 20 |"], 2)
    joined = cell_texts(joined_statistic_columns(grid, {0, 1}))
    assert joined[(1, 1)] == "Mean ± SD" and joined[(1, 2)] == "Median (IQR)"
    assert joined[(2, 1)] == "4.1 ± 1.3" and joined[(2, 2)] == "3.5 (2.0-7.3)"
    assert joined[(3, 2)] == "12 (8-20)"
    # a median beside a single figure is no median and interval: the median cell as printed
    odd = bare_grid(["| Item | Week 2 | Week 2 |", "| | Median | (IQR) |", "| Score | 3.5 | (2.0) |"], 2)
    assert cell_texts(joined_statistic_columns(odd, {0, 1}))[(2, 1)] == "3.5"


def test_bare_shares_under_sized_arms_with_a_score_heading_are_shares_not_means():
    header = "| | Ropivacaine (%) | Bupivacaine (%) | P value |"
    body = ("| Sensory block score | | | 0.31 |\n| 1 | 70 | 60 | |\n| 2 | 25 | 30 | |\n| 3 | 5 | 10 | |\n"
            "| Motor block score | | | 0.02 |\n| 1 | 40 | 65 | |\n| 2 | 60 | 35 | |")
    rows = _read(header, body, header_rows=1, caption="Table 3. Block scores",
                 methods="Patients were randomised to ropivacaine (n = 40) or bupivacaine (n = 40).\n")
    assert not [r for r in rows if r["measure"] == "MEAN"]
    props = sorted((str(r["intervention"]).lower(), r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert ("ropivacaine", 28, 40) in props and ("bupivacaine", 26, 40) in props
    assert len(props) == 10


def _spanning(grid: dict, row: int, cols: set[int]) -> dict:
    """The grid with the header cells of `row` at `cols` marked as the right part of a cell spanning from the left."""
    for c in grid["cells"]:
        if c["row"] == row and c["col"] in cols:
            c["spans_left"] = True
    return grid


def test_header_spanning_a_figure_and_its_spread_joins_the_two_cells():
    # "Drug X (N = 40) Mean or median and SD or IQR" printed once over two columns: the figure, then its SD (one
    # figure) or its IQR (two); a share with a dash in the spread's cell keeps its own cell
    grid = _spanning(bare_grid(["| | Drug X (N = 40) Mean or median and SD or IQR | Drug X (N = 40) Mean or median and SD or IQR |"
                                " Placebo (N = 41) Mean or median and SD or IQR | Placebo (N = 41) Mean or median and SD or IQR | p |",
                                "| Age, years | 58 | 7 | 61 | 4 | 0.21 |",
                                "| Women, % | 55 | \u2013 | 60 | \u2013 | 0.60 |",
                                "| CRP, mg/L | 3.1 | 2.0-4.4 | 2.8 | 1.9-5.2 | 0.33 |"], 1), 0, {2, 4})
    joined = cell_texts(joined_statistic_columns(grid, {0}))
    assert joined[(0, 1)] == "Drug X (N = 40)" and joined[(0, 2)] == "Placebo (N = 41)" and joined[(0, 3)] == "p"
    assert joined[(1, 1)] == "58 \u00b1 7" and joined[(1, 2)] == "61 \u00b1 4" and joined[(1, 3)] == "0.21"
    assert joined[(2, 1)] == "55"
    assert joined[(3, 1)] == "3.1 (2.0-4.4)" and joined[(3, 2)] == "2.8 (1.9-5.2)"
    # the same text over two columns that are no span (two cells printed alike) is left as printed
    unspanned = bare_grid(["| | Drug X Mean (SD) | Drug X Mean (SD) |", "| Age | 58 | 7 |"], 1)
    assert joined_statistic_columns(unspanned, {0}) is unspanned


def test_spanned_centre_and_spread_of_a_header():
    assert spanned_centre_and_spread("NC (N = 50) Mean or median and SD or IQR") == ("NC (N = 50)", {"mean", "median"},
                                                                                      {"sd", "iqr"})
    assert spanned_centre_and_spread("Before Mean (SEM)") == ("Before", {"mean"}, {"se"})
    assert spanned_centre_and_spread("Mean") is None and spanned_centre_and_spread("Age and sex") is None


def test_mean_letter_and_sd_under_time_under_arm_are_joined():
    # a three-level header arm > time > "M | SD", a test's column beside each arm
    grid = bare_grid(["| | Usual care | Usual care | Usual care | Usual care | t | Program | Program | Program | Program | t |",
                      "| | Pre | Pre | Post | Post | t | Pre | Pre | Post | Post | t |",
                      "| | M | SD | M | SD | t | M | SD | M | SD | t |",
                      "| Weight | 81.2 | 9.4 | 80.9 | 9.1 | .41 | 83.0 | 10.2 | 79.5 | 9.8 | 3.12* |"], 3)
    joined = cell_texts(joined_statistic_columns(grid, {0, 1, 2}))
    assert [joined[(3, c)] for c in range(1, 7)] == ["81.2 \u00b1 9.4", "80.9 \u00b1 9.1", ".41", "83.0 \u00b1 10.2",
                                                     "79.5 \u00b1 9.8", "3.12*"]
    assert joined[(2, 1)] == "Mean \u00b1 SD"
    # "M" alone, beside no spread, is no mean
    lone = bare_grid(["| | Arm A | Arm A |", "| | M | F |", "| Sex | 12 | 10 |"], 2)
    assert joined_statistic_columns(lone, {0, 1}) is lone


def test_median_and_its_quartile_columns_with_arm_rows():
    grid = bare_grid(["| Group | Median | 25% | 75% |",
                      "| Drug | 1.31 | 0.95 | 1.62 |",
                      "| Placebo | 1.18 | -0.80 | 1.44 |"], 1)
    joined = cell_texts(joined_statistic_columns(grid, {0}))
    assert joined[(0, 1)] == "Median (IQR)" and joined[(1, 1)] == "1.31 (0.95-1.62)"
    assert joined[(2, 1)] == "1.18 (-0.80-1.44)" and (1, 2) not in joined
