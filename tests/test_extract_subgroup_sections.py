"""Section rows of a table's body that each head the same measures again (subgroups.repeated_block_sections): the
sections split the population (or its days, its sites), not the measures, so each block's figures carry the section
as their subgroup and the measure alone as their outcome. Sections heading their own measures ("Vital signs",
"Laboratory"), sections over times ("Systolic pressure" over "Week 0 | Week 8"), over groups of people ("Weight"
over "Men | Women") or naming a time or an arm are no subgroups. Tables written for these tests in the shapes
reports use, with other names, numbers and fields."""
from __future__ import annotations

from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.subgroups import repeated_block_sections

REPEATED = """Sixty office workers were randomised to a standing desk (n = 30) or a usual desk (n = 30).
Table 2. Sitting time by kind of day
| Variable | Standing desk (n = 30) | Usual desk (n = 30) | p |
| Workdays | Workdays | Workdays | Workdays |
| Sitting time, min | 402.5 ± 61.2 | 455.1 ± 58.7 | 0.01 |
| Standing time, min | 151.3 ± 40.8 | 98.6 ± 37.4 | 0.02 |
| Step count | 7012 ± 1504 | 6895 ± 1622 | 0.71 |
| Holidays | Holidays | Holidays | Holidays |
| Sitting time, min | 388.0 ± 70.3 | 391.9 ± 66.0 | 0.83 |
| Standing time, min | 120.4 ± 45.1 | 117.7 ± 44.9 | 0.80 |
| Step count | 8120 ± 2011 | 8044 ± 1987 | 0.88 |
| Sick days | Sick days | Sick days | Sick days |
| Sitting time, min | 501.0 ± 80.2 | 498.3 ± 77.1 | 0.90 |
| Standing time, min | 60.2 ± 30.3 | 58.8 ± 29.5 | 0.85 |
| Step count | 2101 ± 990 | 2230 ± 1015 | 0.61 |
"""
REPEATED_HEADER = "| Variable | Standing desk (n = 30) | Usual desk (n = 30) | p |"


def test_sections_heading_the_same_measures_are_the_subgroups_of_their_blocks():
    table = pipe_table(REPEATED, REPEATED_HEADER)
    assert repeated_block_sections(table) == {1: "workdays", 5: "holidays", 9: "sick days"}


def test_each_figure_of_a_repeated_block_carries_its_section_and_the_measure_alone_as_outcome():
    _, rows = read_pipe_table(REPEATED, REPEATED_HEADER, caption="Table 2. Sitting time by kind of day")
    sitting = {(round(float(r["value"]), 1), r["subgroup"], r["outcome"]) for r in rows
               if r["measure"] == "MEAN" and str(r["outcome"]).lower().startswith("sitting")}
    assert {v: normalize_label(s) for v, s, _ in sitting} == {402.5: ("workday",), 455.1: ("workday",),
                                                              388.0: ("holiday",), 391.9: ("holiday",),
                                                              501.0: ("day", "sick"), 498.3: ("day", "sick")}
    assert all(":" not in o and "day" not in o.lower() for _, _, o in sitting)


WHOLE_FIRST = """Forty runners were randomised to insoles (n = 20) or flat soles (n = 20).
Table 3. Gait measures
| Measure | Insoles | Flat soles |
| Overall | Overall | Overall |
| Cadence, steps/min | 171 ± 8 | 169 ± 9 |
| Stride length, m | 1.21 ± 0.10 | 1.19 ± 0.11 |
| Downhill running | Downhill running | Downhill running |
| Cadence, steps/min | 175 ± 7 | 172 ± 9 |
| Stride length, m | 1.26 ± 0.12 | 1.22 ± 0.10 |
| Uphill running | Uphill running | Uphill running |
| Cadence, steps/min | 166 ± 8 | 165 ± 9 |
| Stride length, m | 1.10 ± 0.09 | 1.09 ± 0.10 |
"""


def test_a_section_naming_the_whole_is_no_subgroup_but_still_no_part_of_the_outcome():
    table = pipe_table(WHOLE_FIRST, "| Measure | Insoles | Flat soles |")
    assert repeated_block_sections(table) == {1: "", 4: "downhill running", 7: "uphill running"}


OWN_MEASURES = """Table 1. Baseline
| Characteristic | Drug K | Placebo |
| Vital signs | Vital signs | Vital signs |
| Heart rate, bpm | 72 ± 9 | 74 ± 8 |
| Systolic pressure, mmHg | 128 ± 14 | 131 ± 12 |
| Laboratory | Laboratory | Laboratory |
| Creatinine, mg/dL | 0.9 ± 0.2 | 1.0 ± 0.3 |
| Glucose, mg/dL | 101 ± 17 | 99 ± 15 |
| Lung function | Lung function | Lung function |
| FEV1, L | 2.9 ± 0.6 | 3.0 ± 0.7 |
| FVC, L | 3.8 ± 0.8 | 3.9 ± 0.8 |
"""

TIMES = """Table 2. Pressures
| Measure | Drug K | Placebo |
| Systolic pressure | Systolic pressure | Systolic pressure |
| Week 0 | 141 ± 12 | 140 ± 13 |
| Week 8 | 128 ± 11 | 138 ± 12 |
| Diastolic pressure | Diastolic pressure | Diastolic pressure |
| Week 0 | 88 ± 7 | 87 ± 8 |
| Week 8 | 81 ± 6 | 86 ± 7 |
| Pulse pressure | Pulse pressure | Pulse pressure |
| Week 0 | 53 ± 9 | 53 ± 10 |
| Week 8 | 47 ± 8 | 52 ± 9 |
"""

PEOPLE = """Table 2. Body size
| Measure | Drug K | Placebo |
| Weight, kg | Weight, kg | Weight, kg |
| Men | 84 ± 9 | 83 ± 10 |
| Women | 68 ± 8 | 70 ± 9 |
| Waist, cm | Waist, cm | Waist, cm |
| Men | 98 ± 8 | 97 ± 9 |
| Women | 86 ± 7 | 88 ± 8 |
| Hip, cm | Hip, cm | Hip, cm |
| Men | 102 ± 7 | 101 ± 8 |
| Women | 105 ± 9 | 106 ± 8 |
"""

TIMED_SECTIONS = """Table 2. Pain
| Measure | Drug K | Placebo |
| Week 4 | Week 4 | Week 4 |
| Pain at rest | 3.1 ± 1.2 | 4.0 ± 1.4 |
| Pain on walking | 4.2 ± 1.5 | 5.1 ± 1.6 |
| Week 12 | Week 12 | Week 12 |
| Pain at rest | 2.5 ± 1.1 | 3.9 ± 1.3 |
| Pain on walking | 3.3 ± 1.2 | 4.8 ± 1.5 |
| Week 24 | Week 24 | Week 24 |
| Pain at rest | 2.2 ± 1.0 | 3.6 ± 1.2 |
| Pain on walking | 3.0 ± 1.1 | 4.5 ± 1.4 |
"""

STATISTICS = """Table 2. Scores
| Score | Drug K | Placebo |
| Anxiety | Anxiety | Anxiety |
| Mean | 11.2 | 12.5 |
| SD | 3.1 | 3.3 |
| Depression | Depression | Depression |
| Mean | 9.8 | 10.6 |
| SD | 2.9 | 3.0 |
| Stress | Stress | Stress |
| Mean | 15.1 | 16.0 |
| SD | 4.2 | 4.4 |
"""


def test_sections_over_their_own_measures_times_people_or_statistics_are_no_subgroups():
    for text in (OWN_MEASURES, TIMES, PEOPLE, STATISTICS):
        header = text.split("\n")[1]
        assert repeated_block_sections(pipe_table(text, header)) == {}, text.split("\n")[0]


def test_sections_naming_a_time_or_an_arm_are_no_subgroups():
    assert repeated_block_sections(pipe_table(TIMED_SECTIONS, TIMED_SECTIONS.split("\n")[1])) == {}
    arms = REPEATED.replace("Workdays", "Drug K group").replace("Holidays", "Placebo group") \
        .replace("Sick days", "Usual care group")
    table = pipe_table(arms, REPEATED_HEADER)
    assert repeated_block_sections(table) != {}
    assert repeated_block_sections(table, lambda t: t.endswith("group")) == {}


def test_two_sections_only_or_blocks_sharing_one_measure_are_no_subgroups():
    # (two sections over the same measures split as often what is measured as who: three or more are parts)
    one = "\n".join(REPEATED.split("\n")[:11]) + "\n"
    assert repeated_block_sections(pipe_table(one, REPEATED_HEADER)) == {}
    mixed = REPEATED.replace("| Standing time, min | 120.4", "| Lying time, min | 120.4") \
        .replace("| Step count | 8120", "| Stair flights | 8120").replace("| Standing time, min | 60.2", "| Naps, min | 60.2") \
        .replace("| Step count | 2101", "| Screen time, min | 2101")
    assert repeated_block_sections(pipe_table(mixed, REPEATED_HEADER)) == {}


# ---------------------------------------------------------------- a period's code beside an arm's name

def _crossover(first: str, second: str) -> list[dict]:
    from table_grids import read_pipe_table
    header = f"| Measure | Drug K {first} | Drug K {second} | Placebo {first} | Placebo {second} |"
    text = f"""Twenty-four volunteers received drug K and placebo in random order in a crossover trial.
Table 2. Measures of each session
{header}
| Reaction time, ms | 312 ± 41 | 305 ± 38 | 318 ± 44 | 320 ± 40 |
| Errors, n | 4.1 ± 1.2 | 3.8 ± 1.1 | 4.4 ± 1.5 | 4.5 ± 1.3 |
"""
    return read_pipe_table(text, header)[1]


def test_a_period_code_beside_each_arm_s_name_is_no_subgroup():
    for first, second in (("T1", "T2"), ("P1", "P2"), ("Session 1", "Session 2")):
        rows = _crossover(first, second)
        assert {float(r["value"]) for r in rows if r["measure"] == "MEAN"} >= {312.0, 305.0, 318.0, 320.0}
        assert all(not r["subgroup"] for r in rows), (first, [r["subgroup"] for r in rows])


def test_a_part_of_the_patients_beside_each_arm_s_name_stays_a_subgroup():
    rows = _crossover("urban", "rural")
    assert {(float(r["value"]), r["subgroup"]) for r in rows if r["measure"] == "MEAN"} >= {
        (312.0, "urban"), (305.0, "rural"), (318.0, "urban"), (320.0, "rural")}


def test_names_a_period_reads_codes_and_ordinals_of_moments_only():
    from evidence_review.extract.subgroups import names_a_period
    for said in ("T1", "t 2", "P2", "V3", "Period 2", "Phase II", "Session 3", "Time 1", "2nd visit", "first period"):
        assert names_a_period(said), said
    for said in ("Site A", "Men", "Type 2 diabetes", "Stage IV cancer", "Stage II", "T2DM", "Premenopausal", "Cohort 1", "G1"):
        assert not names_a_period(said), said


# ---------------------------------------------------------------- a caption restricting its table with "only"

def test_a_caption_restricting_its_table_to_some_patients_with_only_names_their_subgroup():
    from evidence_review.extract.subgroups import only_clause_subgroup
    assert only_clause_subgroup("Table 4. Pain scores for bilateral hernia repair patients only") == \
        "bilateral hernia repair"
    assert only_clause_subgroup("Table 2. Outcomes in patients with a prior stroke only.") == "with a prior stroke"
    assert only_clause_subgroup("Table 5. Lipids among those who were fasting only") == "with fasting"
    assert only_clause_subgroup("Table 3. Adverse events among completers only") == "completers"


def test_a_caption_without_only_or_naming_the_whole_trial_or_an_arm_names_no_subgroup():
    from evidence_review.extract.subgroups import only_clause_subgroup
    assert only_clause_subgroup("Table 4. Pain scores for bilateral hernia repair patients") == ""
    assert only_clause_subgroup("Table 2. Outcomes in all randomised patients only") == ""
    assert only_clause_subgroup("Table 3. Values measured once only") == ""
    assert only_clause_subgroup("Table 3. Adverse events in drug K patients only", lambda t: t == "drug K") == ""


def test_the_rows_of_a_table_restricted_with_only_carry_the_subgroup():
    text = """Fifty adults were randomised to drug K (n = 25) or placebo (n = 25).
Table 3. Change in grip strength for dominant hand surgery patients only
| Variable | Drug K | Placebo | P |
| Grip change, kg | 4.2 ± 1.1 | 1.9 ± 1.3 | 0.01 |
| Pinch change, kg | 1.1 ± 0.4 | 0.6 ± 0.5 | 0.03 |
"""
    from table_grids import pipe_table

    import pandas as pd
    from evidence_review.extract import extract_study_tables
    table = pipe_table(text, "| Variable | Drug K | Placebo | P |",
                       caption="Table 3. Change in grip strength for dominant hand surgery patients only")
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    means = estimates[estimates["measure"] == "MEAN"]
    assert {round(float(v), 1) for v in means["value"]} >= {4.2, 1.9, 1.1, 0.6}
    assert set(means["subgroup"]) == {"dominant hand surgery"}


# ---------------------------------------------------------------- a caption "<outcome> by <characteristic>" over groups

def test_rows_naming_groups_of_people_under_a_caption_of_an_outcome_by_a_characteristic_are_its_subgroups():
    from table_grids import pipe_table

    from evidence_review.extract.subgroups import people_stub_strata
    text = """Table 4. Postoperative nausea by sex a
| | Drug K (n = 40) | Placebo (n = 40) |
| Women | 6 (27.3) | 12 (52.2) |
| Men | 3 (16.7) | 5 (29.4) |
| P value | 0.44 | 0.21 |
"""
    table = pipe_table(text, "| | Drug K (n = 40) | Placebo (n = 40) |", caption=text.split("\n")[0])
    assert people_stub_strata(table) == ("Postoperative nausea", {1: "women", 2: "men"})


def test_a_caption_counting_the_patients_by_a_characteristic_or_rows_of_other_kinds_give_no_strata():
    from table_grids import pipe_table

    from evidence_review.extract.subgroups import people_stub_strata
    body = """| | Drug K (n = 40) | Placebo (n = 40) |
| Women | 22 (55.0) | 23 (57.5) |
| Men | 18 (45.0) | 17 (42.5) |
"""
    header = "| | Drug K (n = 40) | Placebo (n = 40) |"
    assert people_stub_strata(pipe_table(body, header, caption="Table 1. Distribution of patients by sex")) == ("", {})
    assert people_stub_strata(pipe_table(body, header, caption="Table 2. Postoperative nausea")) == ("", {})
    mixed = body + "| Weight, kg | 71 ± 9 | 73 ± 10 |\n"
    assert people_stub_strata(pipe_table(mixed, header, caption="Table 2. Nausea by sex and weight")) == ("", {})


# ---------------------------------------------------------------- a label column whose header declares a split

SPLIT_COLUMN = """| Outcome | Condition | Time | Drug K | Placebo |
| Recall (words) | Quiet | Before | 12.1 ± 2.0 | 11.8 ± 2.2 |
| Recall (words) | | After | 14.0 ± 2.1 | 12.0 ± 2.4 |
| Recall (words) | Noisy | Before | 10.2 ± 2.5 | 10.4 ± 2.3 |
| Recall (words) | | After | 12.9 ± 2.2 | 10.6 ± 2.6 |
"""


def test_a_label_column_headed_condition_gives_each_row_its_carried_value_as_subgroup():
    from table_grids import pipe_table

    from evidence_review.extract.subgroups import label_column_strata
    table = pipe_table(SPLIT_COLUMN, SPLIT_COLUMN.split("\n")[0])
    assert label_column_strata(table) == {1: "quiet condition", 2: "quiet condition", 3: "noisy condition",
                                          4: "noisy condition"}
    by_sex = SPLIT_COLUMN.replace("Condition", "Sex").replace("Quiet", "Female").replace("Noisy", "Male")
    assert set(label_column_strata(pipe_table(by_sex, by_sex.split("\n")[0])).values()) == {"female", "male"}


def test_a_label_column_of_another_header_or_of_figures_gives_no_subgroup():
    from table_grids import pipe_table

    from evidence_review.extract.subgroups import label_column_strata
    other = SPLIT_COLUMN.replace("Condition", "Task")
    assert label_column_strata(pipe_table(other, other.split("\n")[0])) == {}
    figures = SPLIT_COLUMN.replace("| Quiet |", "| 20 |").replace("| Noisy |", "| 40 |")
    assert label_column_strata(pipe_table(figures, figures.split("\n")[0])) == {}
    one = SPLIT_COLUMN.replace("Noisy", "Quiet")
    assert label_column_strata(pipe_table(one, one.split("\n")[0])) == {}


# ---------------------------------------------------------------- a group of people inside a measure's row label

def test_a_row_label_naming_one_group_of_people_after_its_measure_gives_that_subgroup():
    from evidence_review.extract.subgroups import label_people
    assert label_people("Hip circumference, women (cm)") == ("Hip circumference (cm)", "women")
    assert label_people("Hemoglobin, males (g/dL)") == ("Hemoglobin (g/dL)", "males")
    assert label_people("Standing height - girls") == ("Standing height", "girls")


def test_a_row_label_with_a_pair_a_format_or_no_group_after_its_comma_gives_no_subgroup():
    from evidence_review.extract.subgroups import label_people
    for label in ("Sex, male/female", "Age, years", "Weight, kg", "Pain, n (%)", "Women, n (%)", "Men, age (years)",
                  "Hip circumference (cm)"):
        assert label_people(label) == ("", ""), label


def test_the_means_of_such_rows_carry_the_group_and_the_measure_alone():
    from table_grids import read_pipe_table
    text = """Forty adults were randomised to drug K (n = 20) or placebo (n = 20).
Table 1. Baseline characteristics
| Characteristic | Drug K | Placebo |
| Age (years) | 41 ± 9 | 43 ± 8 |
| Hip circumference, women (cm) | 101 ± 8 | 99 ± 9 |
| Hip circumference, men (cm) | 97 ± 7 | 98 ± 6 |
"""
    from evidence_review.extract.subgroups import with_label_people
    from table_grids import pipe_table
    _, rows = read_pipe_table(text, "| Characteristic | Drug K | Placebo |")
    with_label_people(rows, pipe_table(text, "| Characteristic | Drug K | Placebo |"))
    said = {float(r["value"]): (r["subgroup"], r["outcome"]) for r in rows if r["measure"] == "MEAN"}
    assert said[101.0] == ("women", "Hip circumference (cm)") and said[97.0] == ("men", "Hip circumference (cm)")
    assert not said[41.0][0]


def test_a_table_naming_its_header_rows_by_list_is_read_alike():
    table = pipe_table(REPEATED, REPEATED_HEADER)
    table["header_rows"] = [0]
    assert repeated_block_sections(table) == {1: "workdays", 5: "holidays", 9: "sick days"}


def test_sections_over_the_arms_as_rows_are_no_subgroups():
    text = """Table 2. Haemodynamics
| Group | Heart rate | Mean pressure |
| North site | North site | North site |
| Drug K group | 81 ± 9 | 92 ± 8 |
| Placebo group | 83 ± 10 | 95 ± 9 |
| South site | South site | South site |
| Drug K group | 76 ± 8 | 88 ± 7 |
| Placebo group | 79 ± 9 | 91 ± 8 |
| East site | East site | East site |
| Drug K group | 77 ± 8 | 89 ± 7 |
| Placebo group | 80 ± 9 | 90 ± 8 |
"""
    table = pipe_table(text, "| Group | Heart rate | Mean pressure |")
    assert repeated_block_sections(table) != {}
    assert repeated_block_sections(table, lambda t: t.lower().endswith("group")) == {}


def test_sections_over_the_counted_categories_of_an_outcome_are_no_subgroups():
    text = """Table 3. Recovery
| Outcome | Drug K | Placebo | p |
| Return to school | Return to school | Return to school | Return to school |
| Not returned | 4 (10.0) | 9 (22.5) | 0.2 |
| Partly | 10 (25.0) | 12 (30.0) | |
| Fully | 26 (65.0) | 19 (47.5) | |
| Return to play | Return to play | Return to play | Return to play |
| Not returned | 18 % (6/33) | 27 % (9/33) | 0.4 |
| Partly | 30 % (10/33) | 33 % (11/33) | |
| Fully | 52 % (17/33) | 40 % (13/33) | |
| Return to work | Return to work | Return to work | Return to work |
| Not returned | 3 (12.0) | 5 (20.0) | 0.5 |
| Partly | 7 (28.0) | 8 (32.0) | |
| Fully | 15 (60.0) | 12 (48.0) | |
"""
    assert repeated_block_sections(pipe_table(text, "| Outcome | Drug K | Placebo | p |")) == {}


def test_sections_naming_a_moment_or_a_phase_in_words_are_no_subgroups():
    for first, second in (("During surgery", "In the recovery room"), ("Washout period", "Active period"),
                          ("Postoperative", "Intraoperative"), ("At rest", "On exercise")):
        text = REPEATED.replace("Workdays", first).replace("Holidays", second)
        assert repeated_block_sections(pipe_table(text, REPEATED_HEADER)) == {}, first


def test_sections_over_rows_of_statistics_are_no_subgroups():
    text = """Table 2. Changes
| Measure | Drug K | Placebo |
| Body weight | Body weight | Body weight |
| Mean change | -2.1 | -0.4 |
| 95% CI | -2.9 to -1.3 | -1.1 to 0.3 |
| Difference | -1.7 | |
| Waist | Waist | Waist |
| Mean change | -3.0 | -0.9 |
| 95% CI | -4.1 to -1.9 | -1.8 to 0.0 |
| Difference | -2.1 | |
| Hip | Hip | Hip |
| Mean change | -1.2 | -0.3 |
| 95% CI | -1.9 to -0.5 | -0.9 to 0.3 |
| Difference | -0.9 | |
"""
    assert repeated_block_sections(pipe_table(text, "| Measure | Drug K | Placebo |")) == {}
