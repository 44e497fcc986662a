"""A table of one column of figures stacked in blocks, one per group (tests/fixtures/extract_heldout9/BLIND_SCORES.md,
"A crossover trial's baseline table by treatment sequence"): a row naming the group ("Total", a crossover sequence
"Placebo/Drug", an arm) with its figure or over its categories, under the characteristic a header or a row names.
Each figure is its group's arm-level row; a group's size is the sum of a block of categories adding up to 100 %.
Tables written for the test, numbers and names changed."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table as _read

CROSSOVER = "In this randomized crossover trial, forty adults received naproxen and placebo in random order.\n"


def _table(seq_a: str, seq_b: str, total: str = "Total", gender_head: str = "Sex Total") -> tuple[str, str]:
    header = "| Age (years) | | Mean (SD) | p-value |"
    text = f"""{CROSSOVER}Table 1. Profile of the patients allocated to each sequence
{header}
| {total} | | 31.2 (6.1) | |
| {seq_a} | | 30.4 (5.8) | p = 0.21 |
| {seq_b} | | 32.0 (6.3) | |
| {gender_head} | | n (%) | |
| | Male | 16 (40.0%) | |
| | Female | 24 (60.0%) | |
| {seq_a} | | | p = 0.33 |
| | Male | 9 (45.0%) | |
| | Female | 11 (55.0%) | |
| {seq_b} | | | |
| | Male | 7 (35.0%) | |
| | Female | 13 (65.0%) | |
"""
    return text, header


@pytest.mark.parametrize("seq_a, seq_b, name_a, name_b", [
    ("Placebo/Naproxen", "Naproxen/Placebo", "placebo then naproxen", "naproxen then placebo"),
    ("Placebo \u2192 Naproxen", "Naproxen \u2192 Placebo", "placebo then naproxen", "naproxen then placebo"),
    ("Placebo then naproxen", "Naproxen then placebo", "placebo then naproxen", "naproxen then placebo"),
    ("Placebo followed by naproxen", "Naproxen followed by placebo", "placebo then naproxen", "naproxen then placebo"),
])
@pytest.mark.parametrize("total, gender_head", [("Total", "Sex Total"), ("All patients", "Sex, all patients"),
                                                ("Overall", "Sex overall")])
def test_a_crossover_table_stacked_by_sequence(seq_a, seq_b, name_a, name_b, total, gender_head):
    text, header = _table(seq_a, seq_b, total, gender_head)
    _, rows = _read(text, header, "Table 1. Profile of the patients allocated to each sequence")
    means = sorted((r["intervention"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    assert means == sorted([("all patients", 31.2, 6.1), (name_a, 30.4, 5.8), (name_b, 32.0, 6.3)])
    counts = sorted((r["intervention"], r["outcome"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert counts == sorted([("all patients", "Sex: Male", 16, 40), ("all patients", "Sex: Female", 24, 40),
                             (name_a, "Sex: Male", 9, 20), (name_a, "Sex: Female", 11, 20),
                             (name_b, "Sex: Male", 7, 20), (name_b, "Sex: Female", 13, 20)])
    assert all(r["role"] == "baseline" for r in rows)


def test_blocks_named_by_the_arms_of_a_parallel_trial():
    header = "| Weight (kg) | | Mean (SD) |"
    text = f"""Adults were randomly assigned to naproxen or placebo.
Table 1. Characteristics of the patients
{header}
| Naproxen | | 71.5 (9.9) |
| Placebo | | 69.8 (10.4) |
"""
    _, rows = _read(text, header, "Table 1. Characteristics of the patients")
    assert sorted((r["intervention"], r["value"], r["sd"]) for r in rows) == [("naproxen", 71.5, 9.9), ("placebo", 69.8, 10.4)]


def test_a_slash_name_outside_a_crossover_is_no_sequence():
    # "Midazolam/fentanyl" in a parallel trial is one arm given both, not "midazolam then fentanyl"
    header = "| Weight (kg) | | Mean (SD) |"
    text = f"""Adults were randomly assigned to midazolam/fentanyl or propofol.
Table 1. Characteristics of the patients
{header}
| Midazolam/fentanyl | | 71.5 (9.9) |
| Propofol | | 69.8 (10.4) |
"""
    _, rows = _read(text, header, "Table 1. Characteristics of the patients")
    assert not any("then" in r["intervention"] for r in rows)


def test_one_group_only_is_no_table_of_blocks():
    header = "| Age (years) | | Mean (SD) |"
    text = f"""{CROSSOVER}Table 1. Profile of the patients
{header}
| Total | | 31.2 (6.1) |
| Weight | | 70.1 (9.0) |
"""
    _, rows = _read(text, header, "Table 1. Profile of the patients")
    assert not rows


@pytest.mark.parametrize("a, b", [("Placebo/Naproxen (n = 20)", "Naproxen/Placebo (n = 20)"),
                                  ("Placebo \u2192 naproxen (n = 20)", "Naproxen \u2192 placebo (n = 20)"),
                                  ("Placebo then naproxen, n = 20", "Naproxen then placebo, n = 20")])
def test_sequence_columns_of_a_crossover_are_its_groups(a, b):
    header = f"| Characteristic | {a} | {b} | p |"
    text = f"""{CROSSOVER}Table 1. Characteristics by sequence
{header}
| Age, mean (SD) | 30.4 (5.8) | 32.0 (6.3) | 0.4 |
| Male, n (%) | 9 (45.0) | 7 (35.0) | 0.5 |
"""
    _, rows = _read(text, header, "Table 1. Characteristics by sequence")
    assert sorted((r["intervention"], r["measure"], r["value"], r["total"]) for r in rows) == [
        ("naproxen then placebo", "MEAN", 32.0, 20), ("naproxen then placebo", "PROPORTION", 0.35, 20),
        ("placebo then naproxen", "MEAN", 30.4, 20), ("placebo then naproxen", "PROPORTION", 0.45, 20)]


def test_a_slash_header_outside_a_crossover_stays_one_arm():
    header = "| Characteristic | Midazolam/fentanyl (n = 20) | Propofol (n = 20) |"
    text = f"""Adults were randomly assigned to midazolam/fentanyl or propofol.
Table 1. Characteristics
{header}
| Male, n (%) | 9 (45.0) | 7 (35.0) |
"""
    _, rows = _read(text, header, "Table 1. Characteristics")
    assert not any("then" in r["intervention"] for r in rows)
    assert len(rows) == 2
