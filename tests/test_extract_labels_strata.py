"""Labels a table's figures take from the document around them: the moment a bare "After" column names, read from the
methods' declaration of when the after-treatment measurement was taken (timepoints.declared_end_time), and the
subgroup of a category row under a heading row of the stub (subgroups.heading_strata). Tables and sentences are
written for these tests in the shapes reports use, with other names, numbers and fields."""
from __future__ import annotations

import pandas as pd
import pytest
from table_grids import pipe_table

from evidence_review.extract import extract_study_tables
from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.subgroups import heading_strata
from evidence_review.extract.timepoints import declared_end_time, with_declared_end_time


def rows_of(text: str, header_line: str, caption: str, header_rows: int) -> list[dict]:
    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    return estimates.astype(object).where(estimates.notna(), None).to_dict("records")


# ---------------------------------------------------------------- the declared moment of a bare "After"

@pytest.mark.parametrize("text, expected", [
    ("Serum ferritin was measured before and after 12 weeks of iron supplementation.", ("after 12 weeks", "12 weeks")),
    ("Following eight weeks of yoga training, grip strength was tested again.", ("after eight weeks", "eight weeks")),
    ("Scores were recorded at baseline and two months after the counselling program.",
     ("two months after the program", "two months")),
    ("Blood was drawn at the end of 10 weeks. Adherence was high.", ("after 10 weeks", "10 weeks")),
    ("After 3 months of therapy the dose was kept; after 3 months of therapy all were seen.", ("after 3 months", "3 months")),
])
def test_the_document_declares_when_its_after_treatment_measurement_was_taken(text, expected):
    assert declared_end_time(text) == expected


@pytest.mark.parametrize("text", [
    "Glucose rose in untreated animals after 40 days.",       # a time of nothing the trial gave
    "Lipids were measured after 4 weeks of diet and after 8 weeks of diet.",      # two lengths: which one is "after"?
    "No time is said here.",
    "Weight fell in the first 6 weeks of follow-up.",
])
def test_no_or_two_declared_lengths_declare_nothing(text):
    assert declared_end_time(text) == ("", "")


def test_a_discussion_of_other_studies_declares_nothing():
    text = "Methods. Plasma zinc was measured after 6 months of treatment. Discussion. Others saw it after 1 year of follow-up."
    cut = text.index("Discussion")
    def section_of(row):
        return "discussion" if row["start"] >= cut else "methods"
    assert declared_end_time(text, section_of=section_of) == ("after 6 months", "6 months")
    assert declared_end_time(text) == ("", "")


def test_an_end_of_study_column_takes_only_a_length_declared_as_an_end():
    text = "Drug W was given for one week, then twice weekly (the second phase began one month after initial treatment). " \
           "a: end of study = at the end of 20 weeks."
    rows = with_declared_end_time([{"timepoint": "End of study", "role": "effect"},
                                   {"timepoint": "After", "role": "effect"}], text)
    assert normalize_label(rows[0]["timepoint"]) == normalize_label("end of study (20 weeks)")
    # a bare "After" reads every declaration: one month and 20 weeks are two lengths, so it stays
    assert rows[1]["timepoint"] == "After"


def test_a_before_after_table_takes_the_declared_moment_for_its_after_column():
    text = """Adults with knee pain were randomised to drug K or placebo. Pain was scored before and after 10 weeks of treatment.
Table 2. Pain before and after the study
| | Drug K | Drug K | Placebo | Placebo |
| | Before | After | Before | After |
| Pain score (VAS) | 6.1 ± 1.2 | 3.4 ± 1.1 | 6.0 ± 1.3 | 5.2 ± 1.4 |
"""
    rows = [r for r in rows_of(text, text.split("\n")[2], "Table 2. Pain before and after the study", 2)
            if r["measure"] == "MEAN"]
    by_value = {r["value"]: r for r in rows}
    assert normalize_label(by_value[3.4]["timepoint"]) == normalize_label("after 10 weeks"), rows
    assert normalize_label(by_value[5.2]["timepoint"]) == normalize_label("10 weeks"), rows
    # the "Before" column stays the baseline
    assert normalize_label(by_value[6.1].get("timepoint")) != normalize_label("after 10 weeks"), rows


def test_a_bare_after_stays_when_the_document_declares_no_length():
    text = """Adults with knee pain were randomised to drug K or placebo.
Table 2. Pain before and after the study
| | Drug K | Drug K | Placebo | Placebo |
| | Before | After | Before | After |
| Pain score (VAS) | 6.1 ± 1.2 | 3.4 ± 1.1 | 6.0 ± 1.3 | 5.2 ± 1.4 |
"""
    rows = [r for r in rows_of(text, text.split("\n")[2], "Table 2. Pain before and after the study", 2)
            if r["measure"] == "MEAN"]
    assert {normalize_label(r["timepoint"]) for r in rows if r["value"] in (3.4, 5.2)} == {("after", "intervention")}, rows


# ---------------------------------------------------------------- strata in blocks of the stub

SUBGROUP_TABLE = """Patients with a wrist fracture were randomised to cast or splint.
Table 3. Mean recovery time of the two arms by characteristics
| Characteristic | Mean recovery time, days | Mean recovery time, days | Mean difference | 95% CI | P |
| | Cast | Splint | | | |
| Age (years) | Age (years) | Age (years) | Age (years) | Age (years) | Age (years) |
| < 50 | 41.2 | 44.5 | -3.3 | -7.1 to 0.5 | 0.09 |
| ≥ 50 | 52.8 | 49.1 | 3.7 | -0.9 to 8.3 | 0.12 |
| Diabetes | Diabetes | Diabetes | Diabetes | Diabetes | Diabetes |
| Yes | 58.3 | 55.0 | 3.3 | -4.2 to 10.8 | 0.39 |
| No | 44.6 | 46.2 | -1.6 | -5.0 to 1.8 | 0.36 |
| Dominant side | Dominant side | Dominant side | Dominant side | Dominant side | Dominant side |
| Right | 45.9 | 47.3 | -1.4 | -5.2 to 2.4 | 0.47 |
| Left | 47.7 | 44.8 | 2.9 | -3.3 to 9.1 | 0.36 |
"""


def test_category_rows_under_heading_rows_of_characteristics_are_subgroups():
    table = pipe_table(SUBGROUP_TABLE, SUBGROUP_TABLE.split("\n")[2], caption="Table 3.", header_rows=2)
    strata = heading_strata(table)
    assert normalize_label(strata[3]) == normalize_label("age < 50 years")
    assert normalize_label(strata[4]) == normalize_label("age ≥ 50 years")
    assert strata[6] == "diabetes" and strata[7] == "no diabetes"
    assert strata[9] == "dominant side: right"
    assert 2 not in strata and 5 not in strata      # the heading rows hold no figure


def test_the_figures_of_a_subgroup_table_carry_their_stratum_and_the_spanning_outcome():
    rows = rows_of(SUBGROUP_TABLE, SUBGROUP_TABLE.split("\n")[2], "Table 3. Mean recovery time of the two arms by "
                   "characteristics", 2)
    by_value = {r["value"]: r for r in rows}
    assert normalize_label(by_value[41.2]["subgroup"]) == normalize_label("age < 50 years"), rows
    assert by_value[55.0]["subgroup"] == "diabetes", rows
    assert by_value[44.6]["outcome"] == "Mean recovery time, days", rows
    if -1.6 in by_value:        # the difference of the arms in a stratum is that stratum's
        assert by_value[-1.6]["subgroup"] == "no diabetes", rows


@pytest.mark.parametrize("blocks", [
    # an outcome's times in blocks: no part of the patients
    """| Systolic BP | Systolic BP | Systolic BP |
| Baseline | 141.2 | 140.8 |
| Week 12 | 131.5 | 138.9 |
| Diastolic BP | Diastolic BP | Diastolic BP |
| Baseline | 88.1 | 87.9 |
| Week 12 | 82.4 | 86.5 |""",
    # conditions of a measurement, no stratum shape in any block
    """| Pain | Pain | Pain |
| At rest | 3.1 | 4.2 |
| On movement | 5.5 | 6.3 |
| Stiffness | Stiffness | Stiffness |
| Morning | 2.2 | 2.9 |
| Evening | 1.8 | 2.0 |""",
    # a single stratum-shaped block among others that are not
    """| Pain | Pain | Pain |
| At rest | 3.1 | 4.2 |
| On movement | 5.5 | 6.3 |
| Smoker | Smoker | Smoker |
| Yes | 2.2 | 2.9 |
| No | 1.8 | 2.0 |
| Stiffness | Stiffness | Stiffness |
| Morning | 2.2 | 2.9 |
| Evening | 1.8 | 2.0 |""",
])
def test_blocks_of_times_or_of_an_outcomes_conditions_are_no_strata(blocks):
    text = "Table 2. Results\n| | Drug M | Placebo |\n" + blocks + "\n"
    table = pipe_table(text, "| | Drug M | Placebo |", caption="Table 2. Results", header_rows=1)
    assert heading_strata(table) == {}


def test_counts_in_category_rows_stay_a_distribution():
    text = """Table 1. Characteristics and outcomes
| Variable | Drug M | Placebo |
| Age (years) | Age (years) | Age (years) |
| < 40 | 12 (30.0) | 10 (25.0) |
| ≥ 40 | 28 (70.0) | 30 (75.0) |
| Smoker | Smoker | Smoker |
| Yes | 9 (22.5) | 11 (27.5) |
| No | 31 (77.5) | 29 (72.5) |
"""
    rows = [r for r in rows_of(text, text.split("\n")[1], "Table 1. Characteristics and outcomes", 1)
            if r["measure"] == "PROPORTION"]
    assert rows and all(not r.get("subgroup") for r in rows), rows


# ---------------------------------------------------------------- a time glossed in brackets

@pytest.mark.parametrize("label, expected", [
    ("Day 0 (before chemotherapy)", ("day 0 (before chemotherapy)", True)),
    ("Visit 3(Day 21)", ("visit 3 (day 21)", False)),
    ("Post-op (2 weeks)", ("post-op (2 weeks)", False)),
    ("T2 (after the 6-week course)", ("t2 (after the 6-week course)", False)),
    ("T0 (before dosing)", ("t0 (before dosing)", True)),
    ("Exit (24 weeks)", ("exit (24 weeks)", False)),
])
def test_a_time_glossed_in_brackets_is_read_whole(label, expected):
    from evidence_review.extract.table_reader import _when
    assert _when(label) == expected


@pytest.mark.parametrize("label", [
    "Week 8 (n = 35)", "Week 8 (%)", "Week 8 (mean ± SD)", "Day 3 (days)",
    "Ferritin (after 12 weeks)",        # an outcome's label with its time
    "Baseline (day 0)",                 # the baseline as the labels name it
    "Group A (drug X)",
])
def test_a_bracket_of_format_size_or_an_outcomes_label_is_no_glossed_time(label):
    from evidence_review.extract.table_reader import _when
    from evidence_review.extract.timepoints import glossed_time
    assert glossed_time(label, _when) is None


def test_rows_saying_when_twice_take_the_whole_label_as_their_time():
    text = """Children with otitis were randomised to drug R or drug S.
Table 1. Cure rates per group
| Time | Drug R | Drug S | Odds ratio | 95% CI | P |
| Visit 1 (Day 5) | 4% (2) | 8.0% (4) | 0.48 | 0.08-2.75 | 0.41 |
| Visit 2 (Day 12) | 40% (20) | 30.0% (15) | 1.56 | 0.68-3.56 | 0.29 |
"""
    rows = rows_of(text, text.split("\n")[2], "Table 1. Cure rates per group", 1)
    times = {r["value"]: r["timepoint"] for r in rows}
    assert times.get(0.48) == "visit 1 (day 5)", rows
    assert times.get(1.56) == "visit 2 (day 12)", rows


# ---------------------------------------------------------------- a caption's clause naming part of the patients

@pytest.mark.parametrize("caption, expected", [
    ("Table 2. Serum zinc among participants with an initial ferritin below 15 ng/mL before and after supplementation.",
     "with an initial ferritin below 15 ng/mL"),
    ("Table 4. Remission in patients with a baseline score of 25 or more", "with a baseline score of 25 or more"),
    ("Table 3. Fatigue among women who had a BMI above 28 kg/m2.", "with a BMI above 28 kg/m2"),
])
def test_a_captions_clause_with_a_threshold_names_a_subgroup(caption, expected):
    from evidence_review.extract.subgroups import clause_subgroup
    assert clause_subgroup(caption) == expected


@pytest.mark.parametrize("caption", [
    "Table 2. Outcomes in patients with psoriasis",        # the trial's condition: the whole trial as often as a part
    "Table 5. HbA1c in children with diabetes treated with drug N",
    "Table 1. Baseline characteristics of the 120 patients",
])
def test_a_clause_without_a_threshold_names_no_subgroup(caption):
    from evidence_review.extract.subgroups import clause_subgroup
    assert clause_subgroup(caption) == ""


def test_the_rows_of_a_table_whose_caption_names_a_threshold_group_take_it():
    caption = "Table 2. Serum zinc among participants with an initial ferritin below 15 ng/mL before and after supplementation"
    text = f"""Adults were randomised to drug Z or placebo.
{caption}
| Group | n | Before | After |
| Drug Z | 21 | 10.2 (1.1) | 12.9 (1.4) |
| Placebo | 20 | 10.4 (1.2) | 10.6 (1.3) |
"""
    rows = [r for r in rows_of(text, text.split("\n")[2], caption, 1) if r["measure"] == "MEAN"]
    assert rows and {r["subgroup"] for r in rows} == {"with an initial ferritin below 15 ng/mL"}, rows


# ---------------------------------------------------------------- a caption measured before the intervention

@pytest.mark.parametrize("caption, baseline", [
    ("Table 2. Lung volumes and muscle strength before extubation start in the two arms", True),
    ("Table 3. Laboratory values prior to randomisation", True),
    ("Table 2. Pain scores before treatment", True),
    ("Table 3. Pain before and after treatment", False),          # a later moment beside it
    ("Table 4. Lung volumes at the extubation start and end", False),
    ("Table 5. Change in HbA1c from before treatment to week 12", False),
    ("Table 2. Complications after surgery", False),
])
def test_a_caption_measured_only_before_the_intervention_is_a_baseline_table(caption, baseline):
    from evidence_review.extract.table_reader import _baseline_caption
    assert _baseline_caption(caption) is baseline
