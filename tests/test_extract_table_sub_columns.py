"""Two-level headers over the arms (tests/fixtures/extract_heldout9/BLIND_SCORES.md, "Missed labels in tables" and
"False positives"): an arm's name over "Number | Percent" (or "n | %", "No. | %", "Count | Percentage") sub-columns,
in the header rows or printed again in the body; a cell spanning an arm's two columns that the grid repeats in each
("52.6 ± 7.4" under an arm printed over two columns) is one figure, read once. Tables written for the test."""
from __future__ import annotations

import pytest
from table_grids import pipe_table
from table_grids import read_pipe_table as _read

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table

METHODS = "Adults were randomly assigned to naproxen or placebo.\n"


def _rows(header: str, body: str, header_rows: int = 2, caption: str = "Table 2. Characteristics of the groups",
          spanned: frozenset = frozenset()):
    """The table reader's rows of the table; `spanned`: the (row, col) cells that repeat the cell on their left
    because one markup cell spans both columns (ingestion marks them `spans_left`)."""
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    table = pipe_table(text, header, caption=caption, header_rows=header_rows)
    for cell in table["cells"]:
        if (cell["row"], cell["col"]) in spanned:
            cell["spans_left"] = True
    study = build_study("d", text, {"tables": [table]})
    return read_table("d", text, table, study)


@pytest.mark.parametrize("count, share", [("Number", "Percent"), ("n", "%"), ("No.", "%"), ("Count", "Percentage"),
                                          ("N", "(%)"), ("Numbers", "Percentages"), ("Frequency", "%")])
@pytest.mark.parametrize("header_rows", [1, 2])
def test_count_and_percent_sub_columns_under_each_arm_give_one_count_per_arm(count, share, header_rows):
    header = "| | Naproxen (n = 30) | Naproxen (n = 30) | Placebo (n = 25) | Placebo (n = 25) | P |"
    body = f"""| | {count} | {share} | {count} | {share} | |
| Sciatica | 6 | 20 | 5 | 20 | NS |
| Stenosis | 0 | 0 | 1 | 4 | NS |
| Chronic pain | 30 | 100 | 25 | 100 | NS |"""
    # header_rows=1: the format row is a body row right under the header (the grid marks one header row)
    rows = _rows(header, body, header_rows=header_rows)
    assert sorted((r["outcome"], r["intervention"], r["events"], r["total"]) for r in rows) == [
        ("Chronic pain", "naproxen", 30, 30), ("Chronic pain", "placebo", 25, 25),
        ("Sciatica", "naproxen", 6, 30), ("Sciatica", "placebo", 5, 25),
        ("Stenosis", "naproxen", 0, 30), ("Stenosis", "placebo", 1, 25)]
    assert all(r["measure"] == "PROPORTION" for r in rows)


def test_the_format_row_printed_again_in_the_body_holds_for_the_rows_under_it():
    header = "| | Naproxen (n = 30) | Naproxen (n = 30) | Placebo (n = 25) | Placebo (n = 25) |"
    body = """| Age (years) | 48.1 ± 6.9 | 48.1 ± 6.9 | 47.5 ± 7.7 | 47.5 ± 7.7 |
| Classification | Classification | Classification | Classification | Classification |
| | Naproxen (n = 30) | Naproxen (n = 30) | Placebo (n = 25) | Placebo (n = 25) |
| | Number | Percent | Number | Percent |
| Class 1 | 9 | 30 | 5 | 20 |
| Class 2 | 0 | 0 | 0 | 0 |"""
    rows = _rows(header, body, header_rows=1, spanned=frozenset({(0, 2), (0, 4), (1, 2), (1, 4), (3, 2), (3, 4)}))
    means = [(r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"]
    assert sorted(means) == [("naproxen", 48.1, 6.9), ("placebo", 47.5, 7.7)]       # each read once
    counts = sorted((r["outcome"].split(": ")[-1], r["intervention"], r["events"], r["total"])
                    for r in rows if r["measure"] == "PROPORTION")
    assert counts == [("Class 1", "naproxen", 9, 30), ("Class 1", "placebo", 5, 25),
                      ("Class 2", "naproxen", 0, 30), ("Class 2", "placebo", 0, 25)]


@pytest.mark.parametrize("cell_a, cell_b", [("52.6 ± 7.4", "50.8 ± 8.2"), ("15 (50.0%)", "13 (52.0%)"),
                                            ("12 (40.0)", "10 (40.0)")])
def test_a_cell_spanning_an_arms_two_columns_is_read_once(cell_a, cell_b):
    header = "| | Naproxen (n = 30) | Naproxen (n = 30) | Placebo (n = 25) | Placebo (n = 25) |"
    body = f"| Characteristic, n (%) or mean ± SD | {cell_a} | {cell_a} | {cell_b} | {cell_b} |"
    spans = frozenset({(0, 2), (0, 4), (1, 2), (1, 4)})
    rows = _rows(header, body, header_rows=1, spanned=spans)
    assert sorted(r["intervention"] for r in rows) == ["naproxen", "placebo"]
    # under "Number | Percent" sub-columns of each arm too, a figure printed across both is one figure
    rows = _rows(header, "| | Number | Percent | Number | Percent |\n" + body, header_rows=2,
                 spanned=spans | {(2, 2), (2, 4)})
    assert sorted(r["intervention"] for r in rows) == ["naproxen", "placebo"]
    # two cells that only print the same value (no spanning markup) are two values
    assert len(_rows(header, body, header_rows=1)) == 4


def test_equal_figures_of_one_arm_at_two_timepoints_are_both_read():
    header = "| | Naproxen (n = 30) | Naproxen (n = 30) | Placebo (n = 25) | Placebo (n = 25) |"
    text = f"""{METHODS}Table 3. Pain over time
| | Week 4 | Week 4 | Week 4 | Week 4 |
{header}
| | Baseline | Week 12 | Baseline | Week 12 |
| Pain score, mean ± SD | 5.1 ± 1.2 | 5.1 ± 1.2 | 5.0 ± 1.1 | 3.9 ± 1.0 |
"""
    header_line = "| | Baseline | Week 12 | Baseline | Week 12 |"
    text = f"""{METHODS}Table 3. Pain over time
| | Naproxen (n = 30) | Naproxen (n = 30) | Placebo (n = 25) | Placebo (n = 25) |
{header_line}
| Pain score, mean ± SD | 5.1 ± 1.2 | 5.1 ± 1.2 | 5.0 ± 1.1 | 3.9 ± 1.0 |
"""
    _, rows = _read(text, "| | Naproxen (n = 30) | Naproxen (n = 30) | Placebo (n = 25) | Placebo (n = 25) |",
                    "Table 3. Pain over time", header_rows=2)
    assert sorted((r["intervention"], r["value"], r["timepoint"]) for r in rows) == [
        ("naproxen", 5.1, "baseline"), ("naproxen", 5.1, "week 12"), ("placebo", 3.9, "week 12"), ("placebo", 5.0, "baseline")]


@pytest.mark.parametrize("span", ["Number (%) of patients", "No. of patients (%)", "Patients, n (%)", "n (%) of participants",
                                  "% of patients", "Number of patients"])
def test_a_header_over_the_arms_saying_they_count_patients_is_no_part_of_an_arm_name(span):
    text = f"""Adults were randomly assigned to SC drug Q + oral naproxen, SC placebo + oral naproxen or SC drug Q + oral placebo.
Table 2. Adverse events
| | {span} | {span} | {span} |
| Adverse event | SC placebo + oral naproxen(n = 40)1 | SC drug Q + oral naproxen(n = 38)1 | SC drug Q + oral placebo(n = 39) |
| Headache | 6 (15.0) | 4 (10.5) | 7 (17.9) |
"""
    _, rows = _read(text, f"| | {span} | {span} | {span} |", "Table 2. Adverse events", header_rows=2)
    assert sorted((r["events"], r["total"]) for r in rows) == [(4, 38), (6, 40), (7, 39)]
    assert len({r["intervention"] for r in rows}) == 3
    assert not any("1" in r["intervention"] or "patients" in r["intervention"] for r in rows)
