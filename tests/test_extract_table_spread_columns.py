"""Means and their SDs printed in separate columns: each arm's header spans "Mean | SD" (or "Mean | SE")
sub-headers, and a row's two cells under one arm are one MEAN row with its SD."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table


def _means(text: str, header_line: str, caption: str, header_rows: int = 2):
    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    study = build_study("d", text, {"tables": [table]})
    assert len(study.arms) == 2      # the SD column is no arm of its own
    return [r for r in read_table("d", text, table, study) or [] if r["measure"] == "MEAN"]


def test_mean_and_sd_columns_under_each_arm_are_one_mean_row_with_its_sd():
    text = """Patients were randomly assigned to lidocaine (n = 35) or saline (n = 36).
Table 2. Recovery outcomes
| Outcome | Lidocaine (n = 35) | | Saline (n = 36) | | P |
| | Mean | SD | Mean | SD | |
| Pain score at 2 h | 2.8 | 1.1 | 4.2 | 1.6 | <0.001 |
| Morphine use (mg) | 9.5 | 4.0 | 15.1 | 6.2 | 0.01 |
"""
    rows = _means(text, text.split("\n")[2], text.split("\n")[1])
    found = {(r["outcome"], r["intervention"]): (r["value"], r.get("sd"), r.get("total")) for r in rows}
    assert found == {("Pain score", "lidocaine"): (2.8, 1.1, 35), ("Pain score", "saline"): (4.2, 1.6, 36),
                     ("Morphine use (mg)", "lidocaine"): (9.5, 4.0, 35), ("Morphine use (mg)", "saline"): (15.1, 6.2, 36)}


def test_a_repeated_arm_header_over_mean_and_se_columns_gives_the_se():
    # HTML repeats a spanning cell in every column it covers; "SE" gives the standard error (SD derived, flagged)
    text = """Patients were randomly assigned to lidocaine (n = 25) or saline (n = 25).
Table 3. Recovery outcomes
| Outcome | Lidocaine (n = 25) | Lidocaine (n = 25) | Saline (n = 25) | Saline (n = 25) |
| | Mean | SE | Mean | SE |
| Pain score at 2 h | 2.8 | 0.2 | 4.2 | 0.3 |
"""
    rows = _means(text, text.split("\n")[2], text.split("\n")[1])
    found = {r["intervention"]: (r["value"], r.get("se"), round(r.get("sd"), 6)) for r in rows}
    assert found == {"lidocaine": (2.8, 0.2, 1.0), "saline": (4.2, 0.3, 1.5)}


def test_a_bare_decimal_beside_means_in_an_arm_by_time_table_is_a_mean():
    # arms as rows with a "When" column: "71.35" under "FVC %" among "mean ± SD" cells is that arm's mean (no SD);
    # a bare whole number is not read that way
    text = """Patients were randomly assigned to roflumilast (n = 50) or usual care (n = 50).
Table 1. Lung function before and after treatment
| Group | Time | PaO2 (mmHg) | FEV1 (L) | FVC % | Exacerbations |
| Usual care | Before treatment | 58.21±9.12 | 1.31±0.08 | 71.35 | 3 |
| Usual care | After treatment | 60.44±8.75 | 1.36±0.19 | 72.08 | 2 |
| Roflumilast | Before treatment | 57.62±8.31 | 1.29±0.12 | 70.96 | 3 |
| Roflumilast | After treatment | 70.15±4.02 | 1.45±0.17 | 74.52 | 1 |
"""
    table = pipe_table(text, text.split("\n")[2], caption=text.split("\n")[1])
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study)
    fvc = {(r["intervention"], r["timepoint"]): (r["measure"], r["value"], r.get("sd"))
           for r in rows if r["outcome"].startswith("FVC")}
    assert fvc[("roflumilast", "before treatment")] == ("MEAN", 70.96, None)
    assert fvc[("standard care", "after treatment")] == ("MEAN", 72.08, None)
    assert len(fvc) == 4
    assert not [r for r in rows if r["outcome"].startswith("Exacerbations") and r["measure"] == "MEAN"]
