"""A column headed only "Baseline" beside two arms' columns after treatment ("| Baseline | Post X | Post placebo |" of
a crossover, "| Baseline | Drug A | Drug B |"): the whole population before treatment, read as all patients at
baseline (tests/fixtures/extract_heldout13/BLIND_SCORES.md: such columns were dropped or given to an arm)."""
from __future__ import annotations

from table_grids import read_pipe_table as _read

_ROWS = "| Fatigue score | 41.1 ± 4.0 | 32.0 ± 5.0 | 40.6 ± 4.5 |\n| Pain score | 4.1 ± 1.0 | 3.0 ± 0.5 | 4.6 ± 1.5 |\n"


def _read_scores(allocation: str, header: str) -> list[tuple]:
    text = allocation + "\nTable 2. Scores\n" + header + "\n" + _ROWS
    _, rows = _read(text, header, "Table 2. Scores")
    return [(r["intervention"], r["value"], r["timepoint"], r["role"]) for r in rows or []]


def test_a_crossover_baseline_column_beside_the_periods_is_all_patients_at_baseline():
    read = _read_scores("In this crossover trial, patients were randomly assigned to L-carnitine or placebo for four "
                        "weeks, then crossed over.", "| | Baseline | Post L-carnitine | Post placebo |")
    assert read[:3] == [("l-carnitine", 32.0, "", ""), ("placebo", 40.6, "", ""),
                        ("all patients", 41.1, "baseline", "baseline")]
    assert ("all patients", 4.1, "baseline", "baseline") in read


def test_a_baseline_column_beside_two_arm_columns_is_all_patients_and_no_arm():
    read = _read_scores("Patients were randomly assigned to melatonin or placebo.",
                        "| | Baseline (all) | Melatonin (n = 20) | Placebo (n = 20) |".replace(" (all)", ""))
    assert [r[0] for r in read] == ["melatonin", "placebo", "all patients"] * 2
    assert [r[1] for r in read if r[0] == "all patients"] == [41.1, 4.1]


def test_a_baseline_column_is_not_all_patients_when_the_arms_have_their_own_baselines():
    text = """Patients were randomly assigned to melatonin or placebo.
Table 2. Scores
| | Melatonin | Melatonin | Placebo | Placebo |
| | Baseline | Week 8 | Baseline | Week 8 |
| Fatigue score | 41.1 ± 4.0 | 32.0 ± 5.0 | 40.6 ± 4.5 | 39.0 ± 4.1 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Scores", header_rows=2)
    assert "all patients" not in {r["intervention"] for r in rows}
    assert sorted((r["intervention"], r["value"]) for r in rows) == [
        ("melatonin", 32.0), ("melatonin", 41.1), ("placebo", 39.0), ("placebo", 40.6)]


def test_after_columns_name_each_period_s_arm_and_after_an_event_names_none():
    allocation = "In this crossover trial, patients were randomly assigned to zinc or placebo for six weeks, then crossed over."
    read = _read_scores(allocation, "| | Baseline | After zinc | After placebo |")
    assert [(arm, value) for arm, value, _, _ in read[:3]] == [("zinc", 32.0), ("placebo", 40.6), ("all patients", 41.1)]
    # "After surgery" is a time of no arm: the table names no arm and gives no arm's figure
    read = _read_scores(allocation, "| | Baseline | After surgery | After discharge |")
    assert not {"zinc", "placebo"} & {arm for arm, _, _, _ in read}
