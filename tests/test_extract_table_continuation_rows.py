"""A figure's bracket printed on the line below it (table_rows.with_continuation_rows): an arm's count over its share,
a mean over its SD, a median over its quartiles, an effect over its interval, joined into one cell; rows with a label
of their own, or whose line above holds more than a bare figure, stay rows."""
from __future__ import annotations

from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.table_rows import with_continuation_rows

_METHODS = "Participants were randomly assigned to melatonin (n = 30) or placebo (n = 32).\n"


def _grid(table: str) -> dict:
    return pipe_table("x\n" + table, table.split("\n")[0])


def _texts(table: dict) -> dict[tuple[int, int], str]:
    return {(c["row"], c["col"]): c["text"] for c in table["cells"]}


def test_brackets_below_bare_figures_join_them_and_the_rows_below_move_up():
    grid = _grid("""| Outcome | Melatonin | Placebo | Risk ratio (95% CI) |
| Delirium | 6 | 12 | 0.53 |
| | (20.0) | [37.5] | (0.23\u20131.24) |
| Falls | 1 (3.3) | 2 (6.3) | |
""")
    joined = with_continuation_rows(grid)
    texts = _texts(joined)
    assert texts[(1, 1)] == "6 (20.0)" and texts[(1, 2)] == "12 [37.5]" and texts[(1, 3)] == "0.53 (0.23\u20131.24)"
    assert texts[(2, 0)] == "Falls" and max(r for r, _ in texts) == 2
    by_cell = {(c["row"], c["col"]): c for c in joined["cells"]}
    original = {(c["row"], c["col"]): c for c in grid["cells"]}
    assert by_cell[(1, 3)]["start"] == original[(1, 3)]["start"] and by_cell[(1, 3)]["end"] == original[(2, 3)]["end"]


def test_rows_that_are_rows_of_their_own_stay():
    labelled = _grid("""| Outcome | Melatonin | Placebo |
| Delirium, n | 6 | 12 |
| (%) | (20.0) | (37.5) |
""")
    assert with_continuation_rows(labelled) is labelled
    bracketed_above = _grid("""| Outcome | Melatonin | Placebo |
| Sleep time, h | 6.1 (1.0) | 5.8 (1.2) |
| | (4.0-8.0) | (3.5-8.5) |
""")
    assert with_continuation_rows(bracketed_above) is bracketed_above
    words_below = _grid("""| Outcome | Melatonin | Placebo |
| Delirium | 6 | 12 |
| | see text | (37.5) |
""")
    assert with_continuation_rows(words_below) is words_below


def test_the_reader_reads_the_joined_cells_with_the_rows_format():
    table = """| Outcome | Melatonin (n = 30) | Placebo (n = 32) | Odds ratio (95% CI) |
| Delirium, n (%) | 6 | 12 | 0.42 |
| | (20.0) | (37.5) | (0.13\u20131.32) |
| Sleep duration, h, mean (SD) | 6.4 | 5.9 | |
| | (1.1) | (1.3) | |
| Time to sleep onset, min, median (IQR) | 22 | 31 | |
| | (15\u201330) | (20\u201345) | |
"""
    text = _METHODS + "Table 2. Outcomes\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 2. Outcomes")
    props = sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert props == [("melatonin", 6, 30), ("placebo", 12, 32)]
    ratio = next(r for r in rows if r["measure"] == "OR")
    assert (ratio["value"], ratio["ci_low"], ratio["ci_high"]) == (0.42, 0.13, 1.32)
    means = {r["intervention"]: (r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"}
    assert means == {"melatonin": (6.4, 1.1), "placebo": (5.9, 1.3)}
    medians = {r["intervention"]: (r["value"], r["q1"], r["q3"]) for r in rows if r["measure"] == "MEDIAN"}
    assert medians == {"melatonin": (22, 15, 30), "placebo": (31, 20, 45)}


def test_a_no_row_beside_a_yes_row_is_an_answer_not_the_arm_sizes():
    table = """| Characteristic | Melatonin | Placebo |
| Number of patients | 30 | 32 |
| Prior delirium | | |
| Yes | 4 | 6 |
| No | 26 | 26 |
| Night shift work | | |
| No | 21 | 25 |
| Yes | 9 | 7 |
| Sleep duration, h, mean (SD) | 6.4 (1.1) | 5.9 (1.3) |
"""
    text = _METHODS + "Table 1. Characteristics\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 1. Characteristics")
    counts = sorted((r["outcome"].split(": ")[-1], r["intervention"], r["events"], r["total"])
                    for r in rows if r["measure"] == "PROPORTION")
    assert counts == [("No", "melatonin", 21, 30), ("No", "melatonin", 26, 30), ("No", "placebo", 25, 32),
                      ("No", "placebo", 26, 32), ("Yes", "melatonin", 4, 30), ("Yes", "melatonin", 9, 30),
                      ("Yes", "placebo", 6, 32), ("Yes", "placebo", 7, 32)]
    assert {r["total"] for r in rows if r["measure"] == "MEAN"} == {30, 32}


def test_a_no_row_alone_still_gives_the_arm_sizes():
    table = """| Outcome | Melatonin | Placebo |
| No | 30 | 32 |
| Delirium | 6 | 12 |
"""
    text = _METHODS + "Table 2. Outcomes, n\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 2. Outcomes, n")
    assert not [r for r in rows if r["outcome"] == "No"]


def test_a_total_row_opening_the_table_gives_the_arm_sizes():
    methods = "Participants were randomly assigned to melatonin or placebo.\n"
    for label in ("Total", "Total, n", "All patients", "Overall (n)"):
        table = f"""| Outcome | Melatonin | Placebo |
| {label} | 30 | 32 |
| Delirium, n (%) | 6 (20.0) | 12 (37.5) |
"""
        text = methods + "Table 2. Outcomes\n" + table
        _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 2. Outcomes")
        assert sorted((r["intervention"], r["events"], r["total"]) for r in rows) == \
            [("melatonin", 6, 30), ("placebo", 12, 32)], label


def test_row_roles():
    from evidence_review.extract.table_rows import row_role
    assert row_role("No", "Yes", "") == "answer" and row_role("no", "", "YES") == "answer"
    assert row_role("No", "Male", "Female") == "" and row_role("No.", "Yes", "") == ""
    assert row_role("Total", "", "Vomiting", first=True) == "sizes"
    assert row_role("Total", "Severe", "", first=False) == ""
    assert row_role("Total complications", "", "", first=True) == ""


def test_a_row_naming_the_spread_of_the_figures_above_it():
    table = """| Outcome | Melatonin (n = 30) | Placebo (n = 32) | Odds ratio |
| Sleep duration, h | 6.4 | 5.9 | |
| SD | 1.1 | 1.3 | |
| Body weight, kg | 71.5 | 69.0 | |
| (SE) | (1.5) | (1.6) | |
| Time to sleep onset, min | 22 | 31 | |
| IQR | 15\u201330 | 20\u201345 | |
| Delirium, n (%) | 6 (20.0) | 12 (37.5) | 0.42 |
| 95% CI | | | 0.13\u20131.32 |
"""
    text = _METHODS + "Table 2. Outcomes\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 2. Outcomes")
    means = {(r["outcome"], r["intervention"]): r for r in rows if r["measure"] == "MEAN"}
    assert (means[("Sleep duration", "melatonin")]["value"], means[("Sleep duration", "melatonin")]["sd"]) == (6.4, 1.1)
    assert means[("Body weight", "placebo")]["se"] == 1.6
    medians = {r["intervention"]: (r["value"], r["q1"], r["q3"]) for r in rows if r["measure"] == "MEDIAN"}
    assert medians == {"melatonin": (22, 15, 30), "placebo": (31, 20, 45)}
    ratio = next(r for r in rows if r["measure"] == "OR")
    assert (ratio["value"], ratio["ci_low"], ratio["ci_high"]) == (0.42, 0.13, 1.32)


def test_a_spread_row_under_a_row_of_words_or_brackets_stays():
    grid = _grid("""| Outcome | Melatonin | Placebo |
| Sleep duration, h | 6.4 (1.1) | 5.9 (1.3) |
| SD | 1.1 | 1.3 |
| Mean | 5.1 | 5.5 |
| SD | 1.1 | 1.2 |
""")
    assert with_continuation_rows(grid) is grid


def test_a_range_row_under_a_figure_with_its_own_spread():
    table = """| Characteristic | Melatonin (n = 30) | Placebo (n = 32) |
| Age, years | | |
| Mean \u00b1 SD | 61.2 \u00b1 8.4 | 59.8 \u00b1 9.1 |
| Median (IQR) | 62 (55\u201367) | 60 (53\u201366) |
| Range | 44\u201379 | 41\u201380 |
| BMI, kg/m2 | 26.1 (3.2) | 25.4 (3.9) |
| Min\u2013max | 19.5\u201334.0 | 18.9\u201336.2 |
"""
    text = _METHODS + "Table 1. Characteristics\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 1. Characteristics")
    medians = {r["intervention"]: (r["value"], r["q1"], r["q3"], r["range_low"], r["range_high"])
               for r in rows if r["measure"] == "MEDIAN"}
    assert medians == {"melatonin": (62, 55, 67, 44, 79), "placebo": (60, 53, 66, 41, 80)}
    age = {r["intervention"]: (r["value"], r["sd"], r["range_low"]) for r in rows
           if r["measure"] == "MEAN" and r["outcome"] == "Age"}
    assert age == {"melatonin": (61.2, 8.4, None), "placebo": (59.8, 9.1, None)}
    bmi = {r["intervention"]: (r["value"], r["sd"], r["range_low"], r["range_high"]) for r in rows
           if r["measure"] == "MEAN" and "BMI" in r["outcome"]}
    assert bmi == {"melatonin": (26.1, 3.2, 19.5, 34.0), "placebo": (25.4, 3.9, 18.9, 36.2)}


def test_an_sd_row_of_a_table_of_responses_is_stable_disease():
    for table in ("""| Response | Melatonin | Placebo |
| CR | 3 | 1 |
| PR | 4.0 | 2.0 |
| SD | 2.0 | 0.0 |
""", """| Response | Melatonin | Placebo |
| Partial response | 04 | 02 |
| SD | 02 | 00 |
"""):
        grid = _grid(table)
        assert with_continuation_rows(grid) is grid


def test_an_sd_after_its_plus_minus_on_the_line_below():
    grid = _grid("""| Outcome | Melatonin | Placebo |
| Sleep duration, h | 6.4 | 5.9 |
| | \u00b1 1.1 | \u00b11.3 |
""")
    texts = _texts(with_continuation_rows(grid))
    assert (texts[(1, 1)], texts[(1, 2)]) == ("6.4 \u00b1 1.1", "5.9 \u00b11.3") and max(r for r, _ in texts) == 1
