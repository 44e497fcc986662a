"""Cells packing several categories' counts, and rows of zeros, decided in share_cells / denominators: a sex pair
gives its first count of the arm's n ("Sex (M/F) | 20/27" of 50), a packed "F 13 (62%) M 8 (38%)" the men; a label
listing three categories or more ("ASA 1/2/3 | 105/145/0") one count per category; "Death | 0 | 0" in a table of
counts no patient of either arm. On tables written here, with negatives of the same look."""
import pytest
from table_grids import read_pipe_table

from evidence_review.extract.denominators import sex_pair_count
from evidence_review.extract.share_cells import (counts_patients, listed_category_counts, no_patients_cell,
                                                 share_and_category)


def _rows(text, header, caption):
    _, rows = read_pipe_table(text, header, caption=caption)
    return {(r["outcome"], r["intervention"]): (r["measure"], r.get("events"), r.get("total")) for r in rows}


# ------------------------------------------------------------------------------------------ sex pairs
@pytest.mark.parametrize("cell, n, expected", [
    ("27/23", 50, (27, 50)),
    ("27 / 20", 50, (27, 50)),       # adding up to fewer than the arm: of the arm
    ("27/30", 50, (27, 57)),         # more than the arm: of their sum
    ("(12/8)", None, (12, 20)),
])
def test_the_first_count_of_a_sex_pair_of_the_arm(cell, n, expected):
    first = {"measure": "PROPORTION", "events": 0, "total": 1, "value_text": cell}
    found = sex_pair_count(cell, first, n)
    assert (found["events"], found["total"]) == expected


def test_a_cell_that_is_no_pair_keeps_its_reading():
    reading = {"measure": "PROPORTION", "events": 12, "total": 40, "value_text": "12 (30)"}
    assert sex_pair_count("12 (30)", reading, 40) is reading
    assert sex_pair_count("27/23", None, 50) is None


_CHARACTERISTICS = """Patients were randomly assigned to drug A or placebo.
Table 1. Characteristics
| Characteristic | Drug A (n = 50) | Placebo (n = 48) |
| {label} | {a} | {b} |
| Diabetes, n (%) | 10 (20.0) | 9 (18.8) |
"""


@pytest.mark.parametrize("label, a, b, expected", [
    ("Sex (M/F)", "23/27", "18/30", {"drug a": ("PROPORTION", 23, 50), "placebo": ("PROPORTION", 18, 48)}),
    ("Gender (w/m)", "27/23", "30/18", {"drug a": ("PROPORTION", 27, 50), "placebo": ("PROPORTION", 30, 48)}),
    # two counts adding up to fewer than the arm (sex not recorded for all): of the arm's n
    ("Sex (M/F)", "20/27", "18/28", {"drug a": ("PROPORTION", 20, 50), "placebo": ("PROPORTION", 18, 48)}),
])
def test_a_sex_pair_in_a_table(label, a, b, expected):
    text = _CHARACTERISTICS.format(label=label, a=a, b=b)
    rows = _rows(text, "| Characteristic | Drug A (n = 50) | Placebo (n = 48) |", "Table 1. Characteristics")
    assert {arm: v for (outcome, arm), v in rows.items() if outcome.endswith(" sex")} == expected


@pytest.mark.parametrize("a, b", [("F 27 (54%) M 23 (46%)", "F 30 (62.5%) M 18 (37.5%)"),
                                  ("Female -27 Male -23", "Female -30 Male -18")])
def test_a_packed_sex_pair_gives_the_men(a, b):
    text = _CHARACTERISTICS.format(label="Sex", a=a, b=b)
    rows = _rows(text, "| Characteristic | Drug A (n = 50) | Placebo (n = 48) |", "Table 1. Characteristics")
    found = {arm: v for (outcome, arm), v in rows.items() if outcome.startswith("Sex")}
    assert found == {"drug a": ("PROPORTION", 23, 50), "placebo": ("PROPORTION", 18, 48)}


# ------------------------------------------------------------------------------------------ listed categories
def test_one_count_per_listed_category():
    assert listed_category_counts("ASA 1/2/3", "105/145/0", 250) == [("ASA 1", 105, 0), ("ASA 2", 145, 4),
                                                                      ("ASA 3", 0, 8)]
    assert listed_category_counts("NYHA class II/III/IV", "10 / 20 / 5", 40)[1] == ("NYHA class III", 20, 5)
    assert listed_category_counts("Grade I/II", "30/20", 60) == [("Grade I", 30, 0), ("Grade II", 20, 3)]


@pytest.mark.parametrize("label, cell, n", [
    ("Sex (M/F)", "3/10", 13),              # two words: the pair reading's
    ("Dose (mg/kg)", "1/2", 10),            # a unit
    ("ASA 1/2/3", "105/145", 250),          # fewer counts than categories
    ("ASA I/II/III", "200/45/20", 250),     # more than the arm
    ("Blood pressure (mmHg)", "120/80", 50),
    ("ASA 1/2/3", "105/145/0", None),       # no arm size
])
def test_no_listed_categories(label, cell, n):
    assert listed_category_counts(label, cell, n) == []


def test_listed_categories_in_a_table():
    text = _CHARACTERISTICS.format(label="ASA 1/2/3", a="20/25/5", b="18/26/4")
    rows = _rows(text, "| Characteristic | Drug A (n = 50) | Placebo (n = 48) |", "Table 1. Characteristics")
    found = sorted((outcome.split(": ")[-1], arm, v[1], v[2]) for (outcome, arm), v in rows.items() if "ASA" in outcome)
    assert found == [("ASA 1", "drug a", 20, 50), ("ASA 1", "placebo", 18, 48), ("ASA 2", "drug a", 25, 50),
                     ("ASA 2", "placebo", 26, 48), ("ASA 3", "drug a", 5, 50), ("ASA 3", "placebo", 4, 48)]


# ------------------------------------------------------------------------------------------ rows of zeros
def test_a_row_of_zeros_in_a_table_of_counts():
    assert no_patients_cell("0", ["0", "0"], counting_table=True, label="Death")
    assert not no_patients_cell("0", ["0", "0"], label="Death")                              # nothing counts patients
    assert not no_patients_cell("0", ["0", "0"], counting_table=True, label="Pain score")   # a measured quantity
    assert not no_patients_cell("0", ["0", "1.5"], counting_table=True, label="Death")
    assert counts_patients([["5 (12.5)", "3 (7.1)"], ["2 (5.0)", "0"]])
    assert not counts_patients([["5 (12.5)", "3 (7.1)"], ["3.1 (1.2)", "4.0 (1.1)"]])


def test_zero_event_rows_of_an_outcome_table():
    text = """Patients were randomly assigned to drug A or placebo.
Table 3. Results at week 12
| Outcome | Drug A (n = 40) | Placebo (n = 42) |
| Nausea | 5 (12.5) | 3 (7.1) |
| Death | 0 | 0 |
| Rash | 2 (5.0) | 0 |
| Pain score | 0 | 0 |
"""
    rows = _rows(text, "| Outcome | Drug A (n = 40) | Placebo (n = 42) |", "Table 3. Results at week 12")
    assert rows[("Death", "drug a")] == ("PROPORTION", 0, 40)
    assert rows[("Death", "placebo")] == ("PROPORTION", 0, 42)
    assert ("Pain score", "drug a") not in rows or rows[("Pain score", "drug a")][0] != "PROPORTION"


# ------------------------------------------------------------------------------------------ pairs split by a colon
def test_a_pair_of_categories_split_by_a_colon():
    text = _CHARACTERISTICS.format(label="Operated side, right:left", a="30:20", b="25:23")
    rows = _rows(text, "| Characteristic | Drug A (n = 50) | Placebo (n = 48) |", "Table 1. Characteristics")
    found = {arm: v for (outcome, arm), v in rows.items() if "side" in outcome.lower()}
    assert found == {"drug a": ("PROPORTION", 30, 50), "placebo": ("PROPORTION", 25, 48)}


def test_a_colon_pair_that_is_no_split_of_the_arm_is_no_count():
    # "3:1" of 50 patients: a ratio, not the arm's two categories
    text = _CHARACTERISTICS.format(label="Operated side, right:left", a="3:1", b="2:1")
    rows = _rows(text, "| Characteristic | Drug A (n = 50) | Placebo (n = 48) |", "Table 1. Characteristics")
    assert not any("side" in outcome.lower() for outcome, _ in rows)


# ------------------------------------------------------------------------------------------ a share and its word
@pytest.mark.parametrize("cell, label, expected", [
    ("79.2% female", "Sex", ("79.2%", "female")),
    ("45 % women", "Gender", ("45 %", "women")),
    ("31% current", "Smoking (current/former/never)", ("31%", "current")),
    ("52% reduction", "Pain", None),             # a word that names no category of the row
    ("79.2 female", "Sex", None),                # no percent sign
])
def test_a_share_printed_with_its_category(cell, label, expected):
    assert share_and_category(cell, label) == expected


def test_shares_with_their_category_in_a_table():
    text = _CHARACTERISTICS.format(label="Sex", a="54% female", b="62.5% female")
    rows = _rows(text, "| Characteristic | Drug A (n = 50) | Placebo (n = 48) |", "Table 1. Characteristics")
    found = {arm: v for (outcome, arm), v in rows.items() if outcome.endswith("female")}
    assert found == {"drug a": ("PROPORTION", 27, 50), "placebo": ("PROPORTION", 30, 48)}
