"""Cells printing a share and a mean of two outcomes ("60% (28.9 ± 7)": the share of the arm that responded, and the
responders' mean titre; tests/fixtures/extract_heldout13/BLIND_SCORES.md), read as two rows, each its own measure
with the outcome the header names for it; in either order, in brackets or beside each other; a table of plain
cells is read as before."""
from __future__ import annotations

from table_grids import pipe_table
from table_grids import read_pipe_table as _read

from evidence_review.extract.table_reader import share_and_mean_variants

_TRIAL = "Adults on dialysis were randomly assigned to vaccine X or vaccine Y.\n"


def test_a_share_with_the_mean_in_brackets_gives_both_each_with_its_header_outcome():
    text = _TRIAL + """Table 2. Response by vaccine
| Group | Response after 2 months (antibody level, IU/L) |
| Vaccine X (n = 20) | 65% (31.4 ± 8) |
| Vaccine Y (n = 20) | 40% [12.2 ± 5.5] |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Response by vaccine")
    shares = [(r["intervention"], r["value"], r["outcome"]) for r in rows if r["measure"] == "PROPORTION"]
    means = [(r["intervention"], r["value"], r["sd"], r["outcome"]) for r in rows if r["measure"] == "MEAN"]
    assert [(arm, round(v, 2)) for arm, v, _ in shares] == [("vaccine x", 0.65), ("vaccine y", 0.4)]
    assert means == [("vaccine x", 31.4, 8.0, "antibody level, IU/L"), ("vaccine y", 12.2, 5.5, "antibody level, IU/L")]
    assert {o for _, _, o in shares} == {"Response"}
    assert {r["timepoint"] for r in rows} == {"2 months"}


def test_a_count_and_share_beside_a_mean_in_arm_columns_either_order():
    text = _TRIAL + """Table 3. Outcomes
| | Vaccine X (n = 40) | Vaccine Y (n = 40) |
| Fever; duration (h) | 12 (30%); 4.1 ± 1.2 | 20 (50%); 5.0 ± 1.9 |
| Rash; area (cm2) | 3.5 ± 1.0 / 8 (20%) | 2.2 ± 0.7 / 6 (15%) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Outcomes")
    counts = sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    means = sorted((r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    assert counts == [("vaccine x", 8, 40), ("vaccine x", 12, 40), ("vaccine y", 6, 40), ("vaccine y", 20, 40)]
    assert means == [("vaccine x", 3.5, 1.0), ("vaccine x", 4.1, 1.2), ("vaccine y", 2.2, 0.7), ("vaccine y", 5.0, 1.9)]


def test_tables_of_one_figure_per_cell_are_not_split():
    text = _TRIAL + """Table 1. Characteristics
| | Vaccine X (n = 40) | Vaccine Y (n = 40) |
| Age (years), mean ± SD | 51.2 ± 9.0 | 49.8 ± 8.1 |
| Men, n (%) | 22 (55%) | 20 (50%) |
| Titre, mean ± SD (change %) | 4.1 ± 1.2 (12%) | 3.0 ± 1.0 (8%) |
"""
    # a mean with its percent change in brackets is no share of the arm; one such cell is no table of two figures
    assert share_and_mean_variants(pipe_table(text, text.split("\n")[2])) is None
    one = text.replace("| 3.0 ± 1.0 (8%) |", "| 3.0 ± 1.0 |").replace("| 4.1 ± 1.2 (12%) |", "| 60% (4.1 ± 1.2) |")
    assert share_and_mean_variants(pipe_table(one, one.split("\n")[2])) is None
    _, rows = _read(text, text.split("\n")[2], "Table 1. Characteristics")
    assert [(r["measure"], r["value"]) for r in rows][:4] == [("MEAN", 51.2), ("MEAN", 49.8), ("PROPORTION", 0.55),
                                                              ("PROPORTION", 0.5)]


def test_arms_as_rows_with_categories_packed_in_one_cell_count_each_category_of_the_arm():
    text = """Patients were randomly assigned to zinc (n = 12) or placebo (n = 10).
Table 1. Characteristics
| Group | Age (years) | Cause of disease (cases) |
| Zinc (n = 12) | 47 ± 9.6 | DM:(3), GN:(2), HTN:(4) |
| Placebo (n = 10) | 45 ± 9.1 | DM: 2, GN: 5, HTN: 1 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Characteristics")
    counted = [(r["intervention"], r["events"], r["total"], r["outcome"].rsplit(": ", 1)[-1]) for r in rows
               if r["measure"] == "PROPORTION"]
    assert counted == [("zinc", 3, 12, "dm"), ("zinc", 2, 12, "gn"), ("zinc", 4, 12, "htn"),
                       ("placebo", 2, 10, "dm"), ("placebo", 5, 10, "gn"), ("placebo", 1, 10, "htn")]
    # counts adding up to more than the arm are no categories of it
    over = text.replace("DM: 2, GN: 5, HTN: 1", "DM: 6, GN: 5, HTN: 1")
    _, rows = _read(over, over.split("\n")[2], "Table 1. Characteristics")
    assert not [r for r in rows if r["intervention"] == "placebo" and r["measure"] == "PROPORTION"]
