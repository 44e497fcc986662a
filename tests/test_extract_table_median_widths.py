"""Median tables whose interquartile range is printed as one width ("13 (69)"), footnote marks glued to the
figure before its bracket, a statistic named in a header row spanning the arms ("Group and visit, median (IQR)"),
and a table's columns that restate another table's cells (tests/fixtures/extract_heldout10/BLIND_SCORES.md, "Missed
labels in tables", "False positives"). Every table here is written for the test, numbers and names changed."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table, read_tables
from evidence_review.extract.arm_cells import parse_arm_cell


def test_a_median_whose_iqr_is_one_width_is_a_median_without_quartiles():
    for cell, value in [("13 (69)", 13), ("6b (77)", 6), ("4b,c (18)", 4), ("6^ (77)", 6), ("17^a (64)", 17),
                        ("9* (12)", 9)]:
        found = parse_arm_cell(cell, "median_iqr", 40)
        assert found is not None and found["measure"] == "MEDIAN", cell
        assert (found["value"], found["q1"], found["q3"]) == (value, None, None), cell
        assert "width" in found["needs_review"]
    # the quartiles when printed stay read; a mean (SD) stays a mean; a share is no width
    assert (lambda f: (f["measure"], f["q1"], f["q3"]))(parse_arm_cell("13 (5-20)", "median_iqr", 40)) == ("MEDIAN", 5, 20)
    assert parse_arm_cell("13 (6.9)", "mean_sd", 40)["measure"] == "MEAN"
    assert parse_arm_cell("12b (3.1)", "mean_sd", 40)["sd"] == 3.1
    assert parse_arm_cell("13 (69)", "median_range", 40) is None


def test_a_statistic_named_in_a_header_row_spanning_arms_and_visits():
    text = """Ninety patients were randomized to usual care, a diary, or a diary with calls.
Table 1. Patient-reported items for the three visits
| Items | Arm and visit, median (IQR) | Arm and visit, median (IQR) | Arm and visit, median (IQR) | Arm and visit, median (IQR) |
| | Usual care (n = 30) | Usual care (n = 30) | Diary (n = 31) | Diary (n = 31) |
| | 1 | 2 | 1 | 2 |
| Fatigue | 21 (48) | 7b (60) | 12 (33) | 3b,c (9) |
| Satisfaction | 90 (12) | 93 (20) | 91 (14) | 97 (8) |
"""
    head = "| Items | Arm and visit, median (IQR) | Arm and visit, median (IQR) | Arm and visit, median (IQR) | Arm and visit, median (IQR) |"
    table = pipe_table(text, head, "T1", "Table 1. Patient-reported items for the three visits", header_rows=3)
    rows = read_table("d", text, table, build_study("d", text, {"tables": [table]}))
    assert {r["measure"] for r in rows} == {"MEDIAN"}
    by_arm: dict[str, set] = {}
    for r in rows:
        if r["outcome"] == "Fatigue":
            by_arm.setdefault(r["intervention"], set()).add(r["value"])
    assert sorted(by_arm.values(), key=min) == [{3, 12}, {7, 21}]
    assert all(r["q1"] is None and r["sd"] is None for r in rows)


RESTATING = """Sixty patients were randomized to drug A (n = 30) or drug B (n = 30).
Table 1. Baseline characteristics
| | Drug A (n = 30) | Drug B (n = 30) |
| Age, median (IQR) | 61 (52-70) | 63 (55-71) |
| Haemoglobin, median (IQR) | 104.5 (98-113) | 102 (96-110) |
| Ferritin, median (IQR) | 66 (38-120) | 71 (30-98) |

Table 2. Change from baseline to 6 months
| Parameter | Drug A (n = 30) | Drug A (n = 30) | Drug B (n = 30) | Drug B (n = 30) |
| | Baseline | 6 months | Baseline | 6 months |
| Haemoglobin | 104.5 (98-113) | 112 (105-121) | 102 (96-110) | 108 (101-115) |
| Ferritin | 66 (38-120) | 80 (41-99) | 71 (30-98) | 210 (66-280) |

Table 3. Outcomes at 6 months
| | Drug A (n = 30) | Drug B (n = 30) |
| Haemoglobin, median (IQR) | 112 (105-121) | 108 (101-115) |
| Ferritin, median (IQR) | 80 (41-99) | 210 (66-280) |
| Dose, median (IQR) | 55 (50-70) | 75 (60-90) |
"""


def _tables(text, heads):
    return [pipe_table(text, h, f"T{i + 1}", c, header_rows=2 if i == 1 else 1) for i, (h, c) in enumerate(heads)]


def test_columns_restating_other_tables_cells_are_read_once():
    tables = _tables(RESTATING, [("| | Drug A (n = 30) | Drug B (n = 30) |", "Table 1. Baseline characteristics"),
                                 ("| Parameter | Drug A (n = 30) | Drug A (n = 30) | Drug B (n = 30) | Drug B (n = 30) |",
                                  "Table 2. Change from baseline to 6 months")])
    tables.append(_third(RESTATING))
    structure = {"tables": tables}
    rows, _ = read_tables("d", RESTATING, structure, build_study("d", RESTATING, structure))
    values = sorted(r["value"] for r in rows if r["measure"] == "MEDIAN")
    # each figure once: Table 1's six, Table 3's six; Table 2 restates them
    assert values == sorted([61, 63, 104.5, 102, 66, 71, 112, 108, 80, 210, 55, 75]), values


def _third(text):
    lines = text.split("\n")
    at = max(i for i, line in enumerate(lines) if line == "| | Drug A (n = 30) | Drug B (n = 30) |")
    offset = sum(len(line) + 1 for line in lines[:at])
    table = pipe_table(text[offset:], lines[at], "T3", "Table 3. Outcomes at 6 months")
    for c in table["cells"]:
        c["start"] += offset
        c["end"] += offset
    table["start"] += offset
    table["end"] += offset
    return table


def test_a_column_sharing_one_figure_with_another_table_stays():
    # negative: one equal median in a column of three is a coincidence, not a restatement
    text = RESTATING.replace("| Ferritin | 66 (38-120) | 80 (41-99) | 71 (30-98) | 210 (66-280) |",
                             "| Ferritin | 64 (37-118) | 80 (41-99) | 72 (31-97) | 210 (66-280) |\n"
                             "| Albumin | 38 (35-40) | 39 (36-41) | 37 (34-40) | 38 (35-41) |")
    text = text.replace("| Haemoglobin | 104.5 (98-113) | 112 (105-121) | 102 (96-110) | 108 (101-115) |",
                        "| Haemoglobin | 104.5 (98-113) | 113 (104-122) | 101 (95-111) | 107 (100-114) |")
    tables = _tables(text, [("| | Drug A (n = 30) | Drug B (n = 30) |", "Table 1. Baseline characteristics"),
                            ("| Parameter | Drug A (n = 30) | Drug A (n = 30) | Drug B (n = 30) | Drug B (n = 30) |",
                             "Table 2. Change from baseline to 6 months")])
    structure = {"tables": tables}
    rows, _ = read_tables("d", text, structure, build_study("d", text, structure))
    values = [r["value"] for r in rows if r["measure"] == "MEDIAN"]
    assert values.count(104.5) == 2 and 113 in values and 38 in values, values


def test_a_spread_then_a_range_in_one_cell():
    cases = [("21 (6; 6-43)", "median_iqr", ("MEDIAN", 21, None, None, None, 6, 43)),
             ("21 (6; 6-43)", "", ("MEDIAN", 21, None, None, None, 6, 43)),
             ("18 [12–25; range 3–60]", "median", ("MEDIAN", 18, 12, 25, None, 3, 60)),
             ("66 ± 18 (20–93)", "", ("MEAN", 66, None, None, 18, 20, 93)),
             ("62.5 (10.2; 40-79)", "mean_sd", ("MEAN", 62.5, None, None, 10.2, 40, 79))]
    for cell, hint, expected in cases:
        f = parse_arm_cell(cell, hint, 30)
        assert (f["measure"], f["value"], f.get("q1"), f.get("q3"), f.get("sd"), f["range_low"], f["range_high"]) == expected, cell
    # negative: a centre outside its range is no such cell; a count with its share stays a count
    assert parse_arm_cell("80 (6; 6-43)", "median", 30) is None
    assert parse_arm_cell("5 (20%)", "", 25)["measure"] == "PROPORTION"


def test_rows_of_an_interval_heading_name_what_the_interval_spans_not_when():
    text = """Ninety patients were randomized to usual care or a diary.
Table 2. Summary of baseline characteristics of participants
| | | Usual care (n = 45) | Diary (n = 45) |
| Interval (days), median (IQR; range) | Interval (days), median (IQR; range) | Interval (days), median (IQR; range) | Interval (days), median (IQR; range) |
| | Visits 1-2 | 14 (5; 7-30) | 15 (4; 6-28) |
| | Visits 2-3 | 21 (8; 6-42) | 20 (7; 6-40) |
"""
    _, rows = _read_one(text, "| | | Usual care (n = 45) | Diary (n = 45) |", "Table 2. Summary of baseline characteristics of participants")
    medians = [r for r in rows if r["measure"] == "MEDIAN"]
    assert sorted(r["value"] for r in medians) == [14, 15, 20, 21]
    assert all(r["timepoint"] == "" and "visits" in r["outcome"].lower() for r in medians), \
        [(r["outcome"], r["timepoint"]) for r in medians]
    assert all((r["range_low"], r["range_high"]) in ((7, 30), (6, 28), (6, 42), (6, 40)) for r in medians)


def _read_one(text, head, caption):
    from table_grids import read_pipe_table
    return read_pipe_table(text, head, caption)
