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
    "| Variable | Died (n = 15) | Survived (n = 145) | P |",
    "| Variable | Completers (n = 145) | Dropouts (n = 15) | P |",
    "| Variable | Non-survivors (n = 15) | Survivors (n = 145) | P value |",
    "| Variable | Group with infection (n = 15) | Group without infection (n = 145) | P |",
    "| Variable | Successful healing (n = 145) | Failed healing (n = 15) | P |",
    "| Variable | Healing success (n = 145) | Healing failure (n = 15) | P |",
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
    ("randomly assigned to early or late surgery", "| Variable | Early surgery (n = 80) | Late surgery (n = 80) | P |"),
    ("randomly assigned to a low or a high dose", "| Variable | Low dose (n = 80) | High dose (n = 80) | P |"),
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


@pytest.mark.parametrize("header", ["| | Mild | Severe |", "| | Site A | Site B |", "| | Study 1 | Study 2 |",
                                    "| | Stage I | Stage II |", "| | Cohort 1 | Cohort 2 |"])
def test_sizes_over_categories_of_patients_or_data_make_no_arms(header):
    text = f"""Patients were followed for a year.
Table 1. Characteristics
{header}
| n | 40 | 38 |
| Age, mean (SD) | 50 (9) | 51 (8) |
"""
    study, _ = _read(text, header, "Table 1. Characteristics")
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


@pytest.mark.parametrize("label_header, row", [
    ("Variable, %", "| Vomiting | 62 | 0.8 | -21 |"),      # more than the arm's 40, and signed or decimal cells beside
    ("Variable, %", "| Nausea | 35 | 12 | -3 |"),          # within the arms' sizes, but a signed cell beside
    ("Reduction (%)", "| Total score | 55 | 14.5 | 9 |"),  # a decimal cell beside
    ("Variable, n", "| Vomiting | 52 | 21 | 18 |"),        # more than the arm's 40
])
def test_bare_numbers_that_cannot_be_counts_of_the_arms_are_not_read_as_counts(label_header, row):
    header = f"| {label_header} | Ginger, n = 40 | Placebo, n = 36 | Control, n = 34 |"
    text = f"""Women were randomly assigned to ginger, placebo or no treatment (control).
Table 3. Change of symptom scores in the groups
{header}
{row}
"""
    _, rows = _read(text, header, "Table 3. Change of symptom scores in the groups")
    assert not [r for r in rows if r["measure"] == "PROPORTION"]


def test_bare_counts_within_every_arm_are_still_counts():
    header = "| Adverse event, n | Ginger, n = 40 | Placebo, n = 36 | Control, n = 34 |"
    text = f"""Women were randomly assigned to ginger, placebo or no treatment (control).
Table 4. Adverse events
{header}
| Heartburn | 6 | 2 | 0 |
"""
    _, rows = _read(text, header, "Table 4. Adverse events")
    assert sorted((r["events"], r["total"]) for r in rows) == [(0, 34), (2, 36), (6, 40)]


@pytest.mark.parametrize("stage", ["Patients who completed the study", "Participants followed up", "Completers",
                                   "Evaluable patients", "Per-protocol population", "Patients analysed (n)",
                                   "Subjects who finished treatment"])
def test_a_size_row_for_a_later_stage_gives_the_rows_under_it_their_denominators(stage):
    header = "| | Drug K | Placebo | P value |"
    text = f"""Adults were randomly assigned to drug K or placebo.
Table 1. Patients at baseline and at the end of the study
{header}
| Patients enrolled | n=40 | n=38 | |
| Male, n (%) | 22 (55.0%) | 20 (52.6%) | 0.8 |
| {stage} | n=32 | n=30 | |
| Side effects, n (%) | 4 (12.5%) | 6 (20.0%) | 0.4 |
"""
    study, rows = _read(text, header, "Table 1. Patients at baseline and at the end of the study")
    assert sorted((r["outcome"], r["events"], r["total"]) for r in rows) == [
        ("Male", 20, 38), ("Male", 22, 40), ("Side effects", 4, 32), ("Side effects", 6, 30)]
    assert sorted(a.n for a in study.arms) == [38, 40]      # the arms are the enrolled


@pytest.mark.parametrize("stage", ["Patients assessed (n, %)", "Patients analysed, n (%)", "Participants followed up (n)",
                                   "Evaluable patients (n, %)"])
def test_a_stage_row_of_counts_with_shares_gives_the_sizes_of_the_rows_under_it(stage):
    header = "| | Splint (n = 60) | Cast (n = 50) | p value |"
    text = f"""Adults were randomly assigned to a splint or a cast.
Table 3. Outcome at 6 months (mean with SD)
{header}
| {stage} | 48 (80 %) | 45 (90 %) | 0.2 |
| Pain score | 22 (9) | 25 (10) | 0.1 |
"""
    _, rows = _read(text, header, "Table 3. Outcome at 6 months (mean with SD)")
    # the stage is no outcome of the arms; the means under it count the patients it left
    assert sorted((r["measure"], r["value"], r["total"]) for r in rows) == [("MEAN", 22, 48), ("MEAN", 25, 45)]


def test_a_total_column_of_a_characteristics_table_is_read_in_its_rows_of_what_happened_in_hospital():
    header = "| Variable | Total (n = 160) | Cefalexin (n = 80) | Amoxicillin (n = 80) | P |"
    text = f"""Patients were randomly assigned to cefalexin or amoxicillin before surgery.
Table 1. Characteristics of the patients
{header}
| Smokers, n (%) | 40 (25.0) | 18 (22.5) | 22 (27.5) | 0.5 |
| Post-operative complications, n (%) | 12 (7.5) | 5 (6.3) | 7 (8.8) | 0.6 |
| Duration of hospitalization in days, median (IQR) | 4 (3-5) | 4 (3-5) | 4 (4-6) | 0.2 |
"""
    _, rows = _read(text, header, "Table 1. Characteristics of the patients")
    whole = sorted((r["outcome"], r["value"]) for r in rows if r["intervention"] == "all patients")
    assert whole == [("Duration of hospitalization in days", 4), ("Post-operative complications", 0.075),
                     ("Smokers", 0.25)]
    # an outcome table's total column still pools the arms and is not read
    text2 = text.replace("Table 1. Characteristics of the patients", "Table 2. Outcomes")
    _, rows = _read(text2, header, "Table 2. Outcomes")
    assert not [r for r in rows if r["intervention"] == "all patients" and r["outcome"] != "Smokers"]


@pytest.mark.parametrize("label", ["Women, n (%)", "Patients with diabetes, n (%)", "Children (n, %)"])
def test_a_row_counting_a_kind_of_patient_is_no_stage_row(label):
    header = "| | Splint (n = 60) | Cast (n = 50) |"
    text = f"""Adults were randomly assigned to a splint or a cast.
Table 1. Characteristics
{header}
| {label} | 30 (50.0) | 20 (40.0) |
"""
    _, rows = _read(text, header, "Table 1. Characteristics")
    assert sorted((r["events"], r["total"]) for r in rows) == [(20, 50), (30, 60)]


@pytest.mark.parametrize("caption, effect_header, adjusted", [
    ("Table 2. Univariate analysis of factors associated with wound infection", "OR (95% CI)", "no"),
    ("Table 2. Factors associated with wound infection", "Adjusted OR (95% CI)", "yes"),
    ("Table 2. Multivariable analysis of wound infection", "Odds ratio (95% CI)", "yes"),
    ("Table 2. Factors associated with wound infection", "OR (95% CI)", "unknown"),
])
def test_the_ratios_of_a_table_split_by_an_outcome_are_each_factors_against_its_absence(caption, effect_header, adjusted):
    from evidence_review.extract import extract_one
    header = f"| Variable | Wound infection (n = 15) | No infection (n = 145) | {effect_header} | P |"
    text = f"""Methods: Women were randomly assigned to cefalexin or amoxicillin before caesarean section.
{caption}
{header}
| Obesity, n (%) | 9 (60.0) | 51 (35.2) | 2.76 (0.94-8.11) | 0.05 |
| Emergency surgery, n (%) | 11 (73.3) | 60 (41.4) | 3.90 (1.19-12.78) | 0.02 |
"""
    table = pipe_table(text, header, caption=caption)
    rows, _, errors = extract_one("d", text, structure={"tables": [table]})
    assert errors == []
    # no count of the split is any arm's; each ratio is a factor against its absence, prognostic, of the outcome
    assert not [r for r in rows if r["measure"] == "PROPORTION"]
    assert sorted((r["measure"], r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["intervention"], r["comparator"],
                   r["role"], r["adjusted"]) for r in rows) == [
        ("OR", 2.76, 0.94, 8.11, 0.05, "obesity", "no obesity", "prognostic", adjusted),
        ("OR", 3.9, 1.19, 12.78, 0.02, "emergency surgery", "no emergency surgery", "prognostic", adjusted)]
