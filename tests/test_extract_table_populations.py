"""Which columns of a table are the study's arms, which one is the whole population, and which tables have no arms at
all (tests/fixtures/extract_heldout9/BLIND_SCORES.md, "Missed labels in tables" and "False positives"):
- a header with the arm's size and its share of all patients, or a footnote mark, glued on ("Drug An = 85 (48.3%)",
  "Drug A (n = 73)1"): the arm's name carries neither;
- a "Total group" / "All patients" / "Overall" / "Whole sample" column before or after the arms: the whole population;
- a table whose columns are patients with and without an outcome or a trait ("Infection (n = 13) | No infection
  (n = 163) | P", "Responders | Non-responders", "Yes | No"): risk factors, not arms, so no arm-level row is read from
  it by the table reader nor by the sentence reader, while "Drug | No drug" stays a table of arms.
Every table here is written for the test, numbers and names changed."""
from __future__ import annotations

import pytest
from table_grids import pipe_table
from table_grids import read_pipe_table as _read

from evidence_review.extract.study import build_study, split_size
from evidence_review.extract.table_reader import read_tables, split_by_outcome


@pytest.mark.parametrize("header, name, n", [
    ("Cefalexinn = 85 (48.3%)", "Cefalexin", 85),
    ("Cefalexin n = 85 (48.3 %)", "Cefalexin", 85),
    ("Cefalexin (n = 85; 48.3%)", "Cefalexin", 85),
    ("Cefalexin [n=85, 48%]", "Cefalexin", 85),
    ("Cefalexin, N = 1,085 (51.2%)", "Cefalexin", 1085),
    ("Cefalexin (n = 85) (48.3)", "Cefalexin", 85),
    ("Oral cefalexin + topical gel(n = 73)1", "Oral cefalexin + topical gel", 73),
    ("Cefalexin (n = 73)a", "Cefalexin", 73),
    ("Cefalexin (n = 73) b", "Cefalexin", 73),
    ("Cefalexin (n = 73)*", "Cefalexin", 73),
    ("Cefalexin (n = 73)\u2020", "Cefalexin", 73),
    ("Cefalexin (n = 73)^c", "Cefalexin", 73),
    # what is not a share nor a mark stays ("n (%)" is the column's format, left out as before)
    ("Cefalexin (n = 73) n (%)", "Cefalexin", 73),
    ("Cefalexin 500 mg\nn=40", "Cefalexin 500 mg", 40),
])
def test_a_header_size_with_its_share_or_a_footnote_mark_leaves_the_arm_name_clean(header, name, n):
    assert split_size(header) == (name, n)


BASELINE = """Patients were randomly assigned to cefalexin or amoxicillin before surgery.
Table 1. Baseline characteristics of the patients
{header}
| Age, median (IQR) | 31 (25-36) | 30 (24-35) | 32 (26-37) | 0.6 |
| Smokers, n (%) | 40 (25.0) | 18 (22.5) | 22 (27.5) | 0.5 |
"""


@pytest.mark.parametrize("header, order", [
    ("| Variable | Total groupn = 160 | Cefalexinn = 80 (50.0%) | Amoxicillinn = 80 (50.0%) | P |", "first"),
    ("| Variable | All patients (N = 160) | Cefalexin (n = 80) | Amoxicillin (n = 80) | P |", "first"),
    ("| Variable | Overall (n=160) | Cefalexin (n=80)a | Amoxicillin (n=80)b | P |", "first"),
    ("| Variable | Whole sample, n = 160 | Cefalexin, n = 80 | Amoxicillin, n = 80 | P |", "first"),
    ("| Variable | Both groups (n = 160) | Cefalexin (n = 80) | Amoxicillin (n = 80) | P |", "first"),
    ("| Variable | Total study population (n = 160) | Cefalexin (n = 80) | Amoxicillin (n = 80) | P |", "first"),
])
def test_a_total_column_before_the_arms_is_the_whole_population(header, order):
    text = BASELINE.format(header=header)
    study, rows = _read(text, header, "Table 1. Baseline characteristics of the patients")
    names = sorted({a.name for a in study.arms})
    assert not any("%" in a.name or a.name[-1:].isdigit() for a in study.arms), names
    smokers = {(r["intervention"], r["events"], r["total"]) for r in rows if r["outcome"].startswith("Smokers")}
    assert smokers == {("all patients", 40, 160), ("cefalexin", 18, 80), ("amoxicillin", 22, 80)}, smokers
    ages = {(r["intervention"], r["value"], r["q1"], r["q3"]) for r in rows if r["outcome"].startswith("Age")}
    assert ages == {("all patients", 31, 25, 36), ("cefalexin", 30, 24, 35), ("amoxicillin", 32, 26, 37)}
    assert all(r["role"] == "baseline" for r in rows)


def test_a_total_column_after_the_arms_is_the_whole_population_too():
    header = "| Characteristic | Cefalexin (n = 80) | Amoxicillin (n = 80) | Total (n = 160) |"
    text = f"""Patients were randomly assigned to cefalexin or amoxicillin.
Table 1. Characteristics at baseline
{header}
| Women, n (%) | 30 (37.5) | 34 (42.5) | 64 (40.0) |
"""
    _, rows = _read(text, header, "Table 1. Characteristics at baseline")
    assert {(r["intervention"], r["events"], r["total"]) for r in rows} == \
        {("cefalexin", 30, 80), ("amoxicillin", 34, 80), ("all patients", 64, 160)}


RISK_TEXT = """Women were randomly assigned to cefalexin or amoxicillin before caesarean section.
Table 2. Factors associated with wound infection
{header}
| Age, median (IQR) | 29 (24-33) | 30 (25-34) | 0.4 |
| Obesity, n (%) | 9 (60.0) | 51 (35.2) | 0.05 |
| Emergency surgery, n (%) | 11 (73.3) | 60 (41.4) | 0.02 |
Wound infection was more frequent after emergency surgery.
"""


@pytest.mark.parametrize("header", [
    "| Variable | Wound infectionn = 15 (9.4) | No infectionn = 145 (90.6) | P |",
    "| Variable | Wound infection (n = 15) | No wound infection (n = 145) | P |",
    "| Variable | Patients with wound infection (n = 15) | Patients without wound infection (n = 145) | P |",
    "| Variable | With infection, n = 15 | Without infection, n = 145 | p-value |",
    "| Variable | Infection present (n = 15) | Infection absent (n = 145) | P |",
    "| Variable | Non-infected (n = 145) | Infected (n = 15) | P |",
    "| Variable | Responders (n = 15) | Non-responders (n = 145) | P |",
    "| Variable | Cases (n = 15) | Controls (n = 145) | P |",
    "| Variable | Yes (n = 15) | No (n = 145) | P |",
    "| Variable | Infection (+) n = 15 | Infection (-) n = 145 | P |",
])
def test_a_table_of_patients_with_and_without_an_outcome_has_no_arms(header):
    text = RISK_TEXT.format(header=header)
    table = pipe_table(text, header, caption="Table 2. Factors associated with wound infection")
    study = build_study("d", text, {"tables": [table]})
    assert split_by_outcome(table, study), header
    rows, spans = read_tables("d", text, {"tables": [table]}, study)
    # the table is nobody's arms: nothing read from it, and its span is taken from the sentence reader too
    assert rows == []
    assert spans == [(table["start"], table["end"])]


@pytest.mark.parametrize("allocation, header", [
    ("randomly assigned to morphine or no morphine", "| Variable | Morphine (n = 15) | No morphine (n = 145) | P |"),
    ("randomized to a walking programme or no walking programme",
     "| Variable | Walking programme (n = 15) | No walking programme (n = 145) | P |"),
    ("randomly assigned to cefalexin or amoxicillin", "| Variable | Cefalexin (n = 80) | Amoxicillin (n = 80) | P |"),
    ("randomly assigned to cefalexin or amoxicillin", "| Variable | Unilateral (n = 15) | Bilateral (n = 145) | P |"),
])
def test_a_treatment_against_its_absence_or_two_other_groups_is_no_outcome_split(allocation, header):
    text = RISK_TEXT.format(header=header).replace("randomly assigned to cefalexin or amoxicillin", allocation)
    table = pipe_table(text, header, caption="Table 2. Factors associated with wound infection")
    study = build_study("d", text, {"tables": [table]})
    assert not split_by_outcome(table, study), header


def test_a_treatment_against_its_absence_still_gives_each_arms_counts():
    header = "| Outcome | Morphine (n = 40) | No morphine (n = 38) | P |"
    text = f"""Patients were randomly assigned to receive morphine or no morphine after surgery.
Table 2. Outcomes
{header}
| Nausea, n (%) | 12 (30.0) | 5 (13.2) | 0.07 |
"""
    _, rows = _read(text, header, "Table 2. Outcomes")
    assert sorted((r["events"], r["total"]) for r in rows) == [(5, 38), (12, 40)]


SIZE_ROW_TEXT = """Adults with a sprained wrist were treated in a trial of three supports.
Table 2. Baseline characteristics of included patients (mean with SD)
| | Elastic bandage | Rigid splint | Soft cast | p value |
| {label} | {a} | {b} | {c} | |
| Age (years) | 41 (12) | 38 (14) | 40 (13) | n.s. |
| Swelling | 30 (60 %) | 22 (50 %) | 25 (52 %) | |
| Pain score | 55 (21) | 58 (19) | 52 (22) | n.s. |
"""


@pytest.mark.parametrize("label, a, b, c", [
    ("Patients included", "50", "44", "48"),
    ("Number of patients", "50", "44", "48"),
    ("n", "50", "44", "48"),
    ("No.", "50", "44", "48"),
    ("Randomized", "50", "44", "48"),
    ("Randomised (n)", "50", "44", "48"),
    ("No. of subjects", "50", "44", "48"),
    ("Participants, n", "50", "44", "48"),
    ("", "n = 50", "n = 44", "n = 48"),
    ("", "(n=50)", "(n=44)", "(n=48)"),
])
def test_arm_columns_without_sizes_take_them_from_a_first_row_of_sizes(label, a, b, c):
    text = SIZE_ROW_TEXT.format(label=label, a=a, b=b, c=c)
    header = "| | Elastic bandage | Rigid splint | Soft cast | p value |"
    study, rows = _read(text, header, "Table 2. Baseline characteristics of included patients (mean with SD)")
    assert sorted((a.name, a.n) for a in study.arms) == [("Elastic bandage", 50), ("Rigid splint", 44), ("Soft cast", 48)]
    # the size row is no outcome; "(mean with SD)" in the caption makes "41 (12)" a mean and its SD, while "30 (60 %)"
    # of 50 stays a count with its share
    assert not any(r["value"] in (50, 44, 48) and r["measure"] == "MEAN" for r in rows)
    ages = sorted((r["intervention"], r["value"], r["sd"], r["total"]) for r in rows if r["outcome"].startswith("Age"))
    assert ages == [("elastic bandage", 41, 12, 50), ("rigid splint", 38, 14, 44), ("soft cast", 40, 13, 48)]
    swelling = sorted((r["measure"], r["events"], r["total"]) for r in rows if r["outcome"] == "Swelling")
    assert swelling == [("PROPORTION", 22, 44), ("PROPORTION", 25, 48), ("PROPORTION", 30, 50)]
    assert all(r["role"] == "baseline" for r in rows)


@pytest.mark.parametrize("label", ["Mean age (years)", "Visits", "Week 12", "Total"])
def test_a_first_row_that_is_no_size_row_gives_no_arms(label):
    text = SIZE_ROW_TEXT.format(label=label, a="50", b="44", c="48")
    header = "| | Elastic bandage | Rigid splint | Soft cast | p value |"
    study, _ = _read(text, header, "Table 2. Baseline characteristics of included patients (mean with SD)")
    assert study.arms == []


def test_sizes_over_timepoint_columns_make_no_arms():
    text = """Adults were followed after surgery.
Table 3. Scores over time
| | Baseline | Week 12 | Week 24 |
| n | 60 | 55 | 51 |
| Pain score | 55 (21) | 40 (18) | 35 (17) |
"""
    study, _ = _read(text, "| | Baseline | Week 12 | Week 24 |", "Table 3. Scores over time")
    assert study.arms == []


@pytest.mark.parametrize("caption", ["Table 3. Change from baseline at 6 months (mean with 95 % CI)",
                                     "Table 3. Change from baseline at 6 months, means and 95% confidence intervals",
                                     "Table 3. Change from baseline at 6 months (mean and 95% CI)"])
def test_a_caption_naming_means_with_their_intervals_makes_bracketed_ranges_means(caption):
    header = "| | Elastic bandage (n = 50) | Rigid splint (n = 44) | p value |"
    text = f"""Adults with a sprained wrist were treated with an elastic bandage or a rigid splint.
{caption}
{header}
| Pain score | 24 (16-31) | -20 (-27 to -13) | 0.33 |
"""
    _, rows = _read(text, header, caption)
    assert sorted((r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows) == \
        [("MEAN", -20, -27, -13), ("MEAN", 24, 16, 31)]
