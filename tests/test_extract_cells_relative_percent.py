"""A mean printed with a percentage of itself in its bracket ("0.69 (49.4%) (N = 193)" under "Mean Score (% Improvement
from Baseline) (N)"): the mean alone, of the cell's own N, never a count nor a mean with that percentage as its SD
(arm_cells._MEAN_THEN_RELATIVE_PERCENT); where the column's block declares the bracket the change from baseline in
percent, that change is a figure of its own (arm_cells.percent_change_of_mean)."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.arm_cells import parse_arm_cell, percent_change_of_mean

_METHODS = "Patients were randomly assigned to Drug A plus MTX (n = 150) or Placebo plus MTX (n = 80).\n"


def test_a_decimal_mean_with_a_bracketed_percentage_is_the_mean_alone():
    for hint in ("", "mean", "mean_sd"):
        found = parse_arm_cell("0.72 (41.3%) (N = 148)", hint, 150)
        assert found["measure"] == "MEAN" and found["value"] == 0.72 and found["sd"] is None
        assert found["total"] == 148
    baseline = parse_arm_cell("1.28 (0%) (N = 150)", "", 150)
    assert baseline["measure"] == "MEAN" and baseline["value"] == 1.28 and baseline["sd"] is None


def test_a_count_with_its_share_or_a_mean_with_its_sd_stay_as_they_were():
    assert parse_arm_cell("12 (30.0%)", "", 40)["measure"] == "PROPORTION"
    assert parse_arm_cell("12.4 (3.1)", "mean_sd", 40)["sd"] == 3.1
    # (both figures in percent: a mean of a percentage with its SD)
    assert parse_arm_cell("91.2% (8.1%)", "mean_sd", 40)["sd"] == 8.1


def test_the_change_is_read_only_where_it_is_declared():
    assert percent_change_of_mean("0.72 (41.3%) (N = 148)", "Mean Score (% Improvement from Baseline) (N)") == (41.3, 6)
    assert percent_change_of_mean("0.72 (41.3%) (N = 148)", "Geometric mean (CV%)") is None
    assert percent_change_of_mean("0.72 (3.1) (N = 148)", "Mean (% change from baseline)") is None


def test_a_block_declaring_mean_and_percent_improvement_gives_both_figures():
    table = """| Instrument/ | Drug A + MTX | Placebo + MTX | P value |
| Pain Score | Mean Score (% Improvement from Baseline) (N) | Mean Score (% Improvement from Baseline) (N) | |
| Baseline | 1.28 (0%) (N = 150) | 1.33 (0%) (N = 80) | |
| Week 24 | 0.72 (41.3%) (N = 148) | 0.95 (26.0%) (N = 77) | 0.012 |
| Fatigue Score | Mean Score (% Improvement from Baseline) (N) | Mean Score (% Improvement from Baseline) (N) | |
| Baseline | 24.2 (0%) (N = 149) | 25.0 (0%) (N = 80) | |
| Week 24 | 31.8 (27.4%) (N = 146) | 28.1 (11.9%) (N = 76) | 0.040 |
"""
    text = _METHODS + "Table 2. Patient-reported outcomes\n" + table
    _, rows = read_pipe_table(text, table.split("\n")[0], caption="Table 2. Patient-reported outcomes")
    means = sorted((r["value"], r["total"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    assert means == sorted([(1.28, 150, None), (1.33, 80, None), (0.72, 148, None), (0.95, 77, None),
                            (41.3, 148, None), (26.0, 77, None), (24.2, 149, None), (25.0, 80, None),
                            (31.8, 146, None), (28.1, 76, None), (27.4, 146, None), (11.9, 76, None)])
    changes = [r for r in rows if r["value"] in (41.3, 27.4)]
    assert all("% change from baseline" in r["outcome"] and r["timepoint"] for r in changes)
    assert not any(r["measure"] == "PROPORTION" for r in rows)
