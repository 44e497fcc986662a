"""A table printed twice at two precisions (tests/fixtures/extract_heldout49/BLIND_SCORES.md, "Error classes of the
blind run": a visit table "3.14 ± 1.32" by arm and visit printed again per arm block as "3.141 | 1.3248", 20 false
positives): two prints of one arm's figure that agree at the coarser print's precision are one figure, read once from
the finer print (`table_reader._without_restated_columns`). Every table here is written for the test, numbers and
names changed."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import _agree_as_printed, read_tables

# ------------------------------------------------------------------------------------ a table printed twice
REPRINTED = """Methods
Four hundred pupils were randomly assigned to text-message reminders (n = 200) or to no messages (n = 200).
Table 2. Comparison of mean plaque score at different intervals between intervention and control group
| Mean plaque score | Intervention | Control | p value |
| At baseline | 2.81 ± 1.42 | 2.77 ± 1.36 | 0.41 |
| After 1 month | 2.36 ± 1.21 | 2.64 ± 1.29 | 0.03 |
| After 3 months | 1.95 ± 1.07 | 2.70 ± 1.33 | <0.01 |
Table 4. Within group comparison of mean plaque scores at each interval
| Groups | Interval | Mean | Standard deviation | F value |
| Intervention | At baseline | 2.81 | 1.420 | 88.2 |
|  | After 1 month | 2.364 | 1.2137 |  |
|  | After 3 months | 1.948 | 1.0772 |  |
| Control | At baseline | 2.77 | 1.362 | 12.4 |
|  | After 1 month | 2.641 | 1.2883 |  |
|  | After 3 months | 2.703 | 1.3349 |  |
"""


def _both_tables(text):
    lines = text.split("\n")
    tables = [pipe_table(text, lines[3], "T2", lines[2]), pipe_table(text, lines[8], "T4", lines[7])]
    structure = {"tables": tables}
    return read_tables("d", text, structure, build_study("d", text, structure))[0]


def test_a_visit_table_printed_again_more_precisely_is_read_once_from_the_finer_print():
    rows = [r for r in _both_tables(REPRINTED) if r["measure"] == "MEAN"]
    values = sorted((r["value"], r["sd"]) for r in rows)
    # six figures, once each, as the finer table prints them ("2.36 ± 1.21" is "2.364 | 1.2137"; "1.95 ± 1.07"
    # is "1.948 | 1.0772" rounded or cut)
    assert values == sorted([(2.81, 1.42), (2.364, 1.2137), (1.948, 1.0772), (2.77, 1.362), (2.641, 1.2883),
                             (2.703, 1.3349)]), values


def test_two_tables_whose_figures_differ_beyond_the_coarser_print_stay_both():
    # negative: "2.36 ± 1.21" against "2.384 | 1.2137" is another figure, so the columns are no reprint
    text = REPRINTED.replace("| 2.364 | 1.2137 |", "| 2.384 | 1.2537 |").replace("| 1.948 | 1.0772 |",
                                                                              "| 1.918 | 1.1772 |")
    text = text.replace("| 2.641 | 1.2883 |", "| 2.681 | 1.2183 |").replace("| 2.703 | 1.3349 |",
                                                                            "| 2.753 | 1.3949 |")
    rows = [r for r in _both_tables(text) if r["measure"] == "MEAN"]
    assert (2.36, 1.21) in {(r["value"], r["sd"]) for r in rows}
    assert (2.384, 1.2537) in {(r["value"], r["sd"]) for r in rows}


def test_one_figure_of_another_table_restates_one_cell_not_a_column_of_near_figures():
    # negative: "1.78 ± 0.3" of a baseline table agrees with "1.8 ± 0.3" and "1.7 ± 0.3" at one decimal, but one
    # figure restates one cell: the column of a laboratory value over five times stays
    text = """Methods
Ninety patients were randomly assigned to drug A (n = 45) or drug B (n = 45).
Table 1. Baseline characteristics
| Characteristic | Drug A (n = 45) | Drug B (n = 45) |
| Body surface area | 1.79 ± 0.2 | 1.78 ± 0.3 |
| Age (years) | 58 ± 8 | 61 ± 6 |
Table 2. Serum magnesium (mg/dL)
| Time | Drug A (n = 45) | Drug B (n = 45) |
| Before | 1.9 ± 0.3 | 2.1 ± 0.3 |
| Day 0 | 3.6 ± 0.4 | 1.8 ± 0.3 |
| Day 1 | 3.1 ± 0.7 | 1.7 ± 0.3 |
| Day 2 | 3.0 ± 0.6 | 1.7 ± 0.3 |
| Day 3 | 2.9 ± 0.6 | 1.8 ± 0.3 |
"""
    lines = text.split("\n")
    tables = [pipe_table(text, lines[3], "T1", lines[2]), pipe_table(text, lines[7], "T2", lines[6])]
    structure = {"tables": tables}
    rows, _ = read_tables("d", text, structure, build_study("d", text, structure))
    drug_b = sorted(r["value"] for r in rows if r["measure"] == "MEAN" and r["intervention"] == "drug b")
    assert drug_b == [1.7, 1.7, 1.78, 1.8, 1.8, 2.1, 61], drug_b


def test_two_prints_agree_when_the_finer_rounds_or_cuts_to_the_coarser():
    assert _agree_as_printed(3.14, 3.141) and _agree_as_printed(1.32, 1.3248) and _agree_as_printed(1.07, 1.0768)
    assert _agree_as_printed(2.81, 2.81)
    assert not _agree_as_printed(3.14, 3.152) and not _agree_as_printed(45.66, 45.67)
    # a whole number agrees only with itself: "3 ± 1" is not "3.4 ± 1.2"
    assert not _agree_as_printed(3, 3.4) and _agree_as_printed(3, 3.0)


def test_the_kept_finer_print_keeps_the_place_the_dropped_print_gave_the_figure():
    # the baseline table prints the figures coarser, the outcome table finer but without saying they are the
    # baseline: read once from the finer print, they stay baseline figures
    text = """Methods
Sixty patients were randomly assigned to exercise (n = 30) or usual care (n = 30).
Table 1. Baseline characteristics of the participants
| Characteristic | Exercise (n = 30) | Usual care (n = 30) |
| Grip strength (kg) | 28.4 ± 6.1 | 27.9 ± 5.8 |
| Gait speed (m/s) | 1.12 ± 0.21 | 1.09 ± 0.24 |
| Balance score | 41.3 ± 7.7 | 40.8 ± 8.2 |
Table 3. Measures of the participants by group
| Measure | Exercise (n = 30) | Usual care (n = 30) |
| Grip strength (kg) | 28.41 ± 6.12 | 27.93 ± 5.84 |
| Gait speed (m/s) | 1.121 ± 0.213 | 1.094 ± 0.238 |
| Balance score | 41.32 ± 7.71 | 40.77 ± 8.19 |
"""
    lines = text.split("\n")
    tables = [pipe_table(text, lines[3], "T1", lines[2]), pipe_table(text, lines[8], "T3", lines[7])]
    structure = {"tables": tables}
    rows, _ = read_tables("d", text, structure, build_study("d", text, structure))
    means = [r for r in rows if r["measure"] == "MEAN"]
    assert sorted(r["value"] for r in means) == [1.094, 1.121, 27.93, 28.41, 40.77, 41.32], means
    assert {r.get("role") for r in means} == {"baseline"}, [(r["value"], r.get("role")) for r in means]
