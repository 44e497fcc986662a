"""How the table reader finds the arms of a table's columns (and rows) when the headers do not name a known drug:
lettered groups whose sizes only the methods give, bare counts whose table shape says they count patients, a
statistic and its spread printed on two rows, headings repeated across a row (tests/fixtures/extract_heldout8/
BLIND_SCORES.md, "Missed labels in tables"). Every table here is written for the test, numbers and names changed."""
from __future__ import annotations

from table_grids import pipe_table
from table_grids import read_pipe_table as _read

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table


LETTERED_METHODS = """Sixty adults with a fractured wrist were randomized into two arms, with 30 patients in each arm.
Arm 1 received a plaster cast. Arm 2 received a splint.
"""


def test_sizes_given_once_for_every_arm_in_the_methods():
    for sentence, n in [("They were enrolled with 30 patients in each arm.", 30),
                        ("Enrolment stopped at 50 (n = 25 per group).", 25), ("Each group consisted of 44 participants.", 44),
                        ("There were 18 children per arm; all were followed.", 18)]:
        text = f"Adults were randomized into two groups: group A and group B. {sentence}\n"
        arms = build_study("d", text, None).arms
        assert [a.n for a in arms] == [n, n], sentence
    # a count of patients in each group followed by what happened to them is an event, not the arms' size
    text = "Adults were randomized into two groups: group A and group B. 5 patients in each group withdrew.\n"
    assert [a.n for a in build_study("d", text, None).arms] == [None, None]
    # nor is a score printed "in each group"
    text = "Adults were randomized into two groups: group A and group B. The mean score was 32 or 33 in each group.\n"
    assert [a.n for a in build_study("d", text, None).arms] == [None, None]


def test_lettered_arm_columns_without_sizes_take_the_size_the_methods_give():
    text = """Eighty adults were randomized into two arms, with 40 patients in each arm.
Arm A received drug one weekly. Arm B received drug two weekly.
Table 3. Toxicity
| Toxicity | Arm A (RT+D1) | Arm B (RT+D2) |
| Rash | 12 | 05 |
| Vomiting | 00 | 03 |
"""
    study, rows = _read(text, "| Toxicity | Arm A (RT+D1) | Arm B (RT+D2) |", "Table 3. Toxicity")
    assert [a.n for a in study.arms] == [40, 40]
    assert [(r["events"], r["total"]) for r in rows] == [(12, 40), (5, 40), (0, 40), (3, 40)]
    assert len({r["intervention"] for r in rows}) == 2


def test_category_counts_adding_up_to_each_arm_are_counts_and_a_repeated_heading_is_a_heading():
    text = """Fifty patients were randomized into two arms, 25 per arm.
Table 1. Patient characteristics
| | Arm A | Arm B |
| Sex | Sex | Sex |
| Male | 14 | 11 |
| Female | 11 | 14 |
| Grade | Grade | Grade |
| 1 | 03 | 06 |
| 2 | 22 | 19 |
| Age | Age | Age |
| Median | 61.5 | 58.0 |
| Range | 40-77 | 35-80 |
"""
    _, rows = _read(text, "| | Arm A | Arm B |", "Table 1. Patient characteristics")
    counts = [(r["outcome"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"]
    assert counts == [("Sex: Male", 14, 25), ("Sex: Male", 11, 25), ("Sex: Female", 11, 25), ("Sex: Female", 14, 25),
                      ("Grade: 1", 3, 25), ("Grade: 1", 6, 25), ("Grade: 2", 22, 25), ("Grade: 2", 19, 25)]
    medians = [(r["outcome"], r["value"], r["range_low"], r["range_high"], r["role"]) for r in rows if r["measure"] == "MEDIAN"]
    assert medians == [("Age", 61.5, 40.0, 77.0, "baseline"), ("Age", 58.0, 35.0, 80.0, "baseline")]


def test_responses_adding_up_to_the_arm_are_counts_but_scores_are_not():
    text = """Forty-four patients were randomized into two arms, with 22 patients in each arm.
Arm A received drug one. Arm B received drug two.
Table 2. Response
| Response | Arm A | Arm B |
| Complete | 10 | 15 |
| Partial | 08 | 05 |
| None | 4 | 2 |
"""
    _, rows = _read(text, "| Response | Arm A | Arm B |", "Table 2. Response")
    assert [(r["events"], r["total"]) for r in rows] == [(10, 22), (15, 22), (8, 22), (5, 22), (4, 22), (2, 22)]
    # a table of values that neither add up to the arm nor count patients by their label: nothing read as counts
    text = text.replace("| Complete | 10 | 15 |", "| Pain score | 10 | 15 |").replace("| None | 4 | 2 |", "| Hospital stay (days) | 4 | 2 |")
    _, rows = _read(text, "| Response | Arm A | Arm B |", "Table 2. Response")
    assert all(r["measure"] != "PROPORTION" for r in rows)


def test_groups_named_by_codes_of_their_own_in_the_headers_are_the_arms():
    text = """Forty adults having knee surgery were divided into two equal groups.
Ropivacaine or ropivacaine plus clonidine was injected around the joint (groups R and R+C, respectively).
Table 2. Pain scores
| Pain | Group R+C (n=20) | Group R (n = 20) | P |
| 2 h after surgery | 2.1±0.8 | 3.9±1.1 | 0.01 |
| Sex (M/F) | (12/8) | (9/11) | 0.3 |
"""
    study, rows = _read(text, "| Pain | Group R+C (n=20) | Group R (n = 20) | P |", "Table 2. Pain scores")
    names = sorted(a.canonical for a in study.arms)
    assert names[0] == "ropivacaine" and "clonidine" in names[1] and [a.n for a in study.arms] == [20, 20]
    means = [(r["intervention"], r["value"], r["sd"], r["total"]) for r in rows if r["measure"] == "MEAN"]
    assert [m[1:] for m in means] == [(2.1, 0.8, 20), (3.9, 1.1, 20)]
    assert means[0][0] != means[1][0] and "clonidine" in means[0][0]
    # "(12/8)" under "Sex (M/F)": 12 of the 20 are men
    assert [(r["events"], r["total"], r["outcome"]) for r in rows if r["measure"] == "PROPORTION"] == [
        (12, 20, "male sex"), (9, 20, "male sex")]


def test_coded_groups_the_text_does_not_name_keep_their_code():
    text = """Fifty children were studied.
Table 1. Results
| | Group KX (n=25) | Group II (n=25) |
| Vomiting, n (%) | 3 (12) | 8 (32) |
"""
    study, rows = _read(text, "| | Group KX (n=25) | Group II (n=25) |", "Table 1. Results")
    assert sorted(a.canonical for a in study.arms) == ["group ii", "group kx"]
    assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [("group kx", 3, 25), ("group ii", 8, 25)]


def test_a_column_of_the_group_without_the_treatment_is_the_control_arm():
    text = """Two hundred adults were randomized to premedication with a sedative or no premedication.
Table 1. Baseline characteristics
| Variable | Premedication (n = 90) | No Premedication (N =110) | P-value |
| Male sex | 50 (56%) | 61 (55%) | 0.9 |
| Age (years) | 61.2 ± 9 | 60.4 ± 10 | 0.5 |
| Diabetes | Yes | No | |
"""
    study, rows = _read(text, text.split("\n")[2], "Table 1. Baseline characteristics")
    assert [(a.canonical, a.n, a.role) for a in study.arms if a.canonical.endswith("premedication")] == [
        ("premedication", 90, "experimental"), ("no premedication", 110, "control")]
    assert [(r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"] == [
        ("premedication", 50, 90), ("no premedication", 61, 110)]
    # a Yes / No column pair of patients is no arm
    from evidence_review.extract.study import is_arm_header
    assert not is_arm_header("No") and not is_arm_header("No diabetes (n = 40)") and is_arm_header("Without prophylaxis")


HERB_METHODS = """Sixty adults with hypertension were randomized to a garlic extract or placebo tablets for 10 weeks.
"""


def test_rows_of_outcome_by_arm_under_columns_of_times():
    text = HERB_METHODS + """Table 2. Blood pressure in the groups at different times
| Index | Index | At entry | 5 week | 10 week |
| Index | Index | Mean±SD | Mean±SD | Mean±SD |
| SBP (mmHg) | drug | 151.2±12.4 | 144.0±11.8 | 139.5±10.1 |
| SBP (mmHg) | Placebo | 150.8±13.0 | 149.9±12.2 | 148.7±12.6 |
| DBP (mmHg) | Drug | 92.4±7.7 | 88.1±6.9 | 85.0±6.0 |
| | Placebo | 91.9±8.1 | 91.5±7.5 | 90.8±7.2 |
| p>0.05 between 2 groups at entry | p>0.05 between 2 groups at entry | p>0.05 between 2 groups at entry | p>0.05 between 2 groups at entry | p>0.05 between 2 groups at entry |
"""
    _, rows = _read(text, "| Index | Index | At entry | 5 week | 10 week |", "Table 2. Blood pressure", header_rows=2)
    got = [(r["outcome"], r["intervention"], r["value"], r["sd"], r["timepoint"], r["role"]) for r in rows]
    assert len(got) == 12
    # "drug" in a trial of one treatment against placebo is that treatment's arm
    assert got[:3] == [("SBP (mmHg)", "garlic extract", 151.2, 12.4, "at entry", "baseline"),
                       ("SBP (mmHg)", "garlic extract", 144.0, 11.8, "week 5", ""),
                       ("SBP (mmHg)", "garlic extract", 139.5, 10.1, "week 10", "")]
    assert got[3][1] == "placebo" and got[3][5] == "baseline"
    # the outcome printed once, on its first arm's row, holds for the next arm's row
    assert [g[:2] for g in got[9:]] == [("DBP (mmHg)", "placebo")] * 3


def test_arm_by_time_column_pairs_under_generic_drug_headers():
    text = HERB_METHODS + """Table 3. The groups before and after intervention
| Factor | Drug | Drug | Placebo | Placebo |
| Factor | Before intervention | After intervention | Before intervention | After intervention |
| Heart rate | 81.2±9.9 | 76.0±8.8 | 80.9±10.1 | 80.2±9.7 |
| Weight (kg) | 78.4±11.0 | 77.9±10.6 | 79.0±12.1 | 79.2±11.8 |
| * p<0.05 compared with placebo | * p<0.05 compared with placebo | * p<0.05 compared with placebo | * p<0.05 compared with placebo | * p<0.05 compared with placebo |
"""
    _, rows = _read(text, "| Factor | Drug | Drug | Placebo | Placebo |", "Table 3. The groups", header_rows=2)
    got = [(r["outcome"], r["intervention"], r["value"], r["timepoint"], r["role"]) for r in rows]
    assert got[:4] == [("Heart rate", "garlic extract", 81.2, "before intervention", "baseline"),
                       ("Heart rate", "garlic extract", 76.0, "after intervention", ""),
                       ("Heart rate", "placebo", 80.9, "before intervention", "baseline"),
                       ("Heart rate", "placebo", 80.2, "after intervention", "")]
    assert len(got) == 8 and got[-1][0] == "Weight (kg)"     # the note across the table is no row and joins none


def test_a_drug_column_in_a_trial_whose_treatment_the_study_model_does_not_name():
    # (the study model names no treatment here; when the methods name it, "Drug" is that arm: test_extract_named_arms)
    text = """Adults were given the study tablets three times a day; a control group took placebo.
Table 1. Characteristics
| Variable | Drug | Placebo |
| Age (years) | 52.1±9.0 | 50.3±8.7 |
"""
    study, rows = _read(text, "| Variable | Drug | Placebo |", "Table 1. Characteristics")
    assert [(r["intervention"], r["value"], r["role"]) for r in rows] == [("drug", 52.1, "baseline"), ("placebo", 50.3, "baseline")]


def test_a_characteristic_spanning_its_categories_rows_and_cells_printing_their_own_n():
    text = """Adults were randomized to active vibration or sham vibration.
Table 1. Baseline characteristics
| Characteristic | Characteristic | Active vibration (n = 30) | Sham vibration (n = 28) | p-value |
| Smoking status, n (%) | Current | 12 (40) | 10 (36) | 0.8 |
| | Former | 9 (30) | 11 (39) | |
| | Never | 9 (30) | 7 (25) | |
| FEV1, % predicted | FEV1, % predicted | 52 [41, 60]n = 27 | 49 [40, 58] | 0.5 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Baseline characteristics")
    counts = [(r["outcome"].split(": ")[-1], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"]
    assert counts == [("Current", 12, 30), ("Current", 10, 28), ("Former", 9, 30), ("Former", 11, 28),
                      ("Never", 9, 30), ("Never", 7, 28)]
    assert all(r["outcome"].startswith("Smoking status") for r in rows if r["measure"] == "PROPORTION")
    # "52 [41, 60]n = 23": the figure is of the 27 the cell names, not of the column's 30
    medians = [(r["value"], r["total"]) for r in rows if r["measure"] == "MEDIAN"]
    assert medians == [(52.0, 27), (49.0, 28)]


def test_section_rows_saying_when_give_the_rows_under_them_their_timepoint():
    text = """Adults were randomized to active vibration or sham vibration.
Table 3. Secondary outcomes
| | Active vibration (n = 30) | Sham vibration (n = 28) | p-value |
| After three sessions | | | |
| Change in dyspnoea score | -1.0 [-2.5, 0]n = 29 | 0 [-1, 0] | 0.04 |
| Readmission at 60 days | | | |
| Any readmission, n (%) | 5 (17) | 6 (21) | 0.7 |
| Satisfied | 80%n = 25 | 75% | 0.6 |
"""
    _, rows = _read(text, "| | Active vibration (n = 30) | Sham vibration (n = 28) | p-value |", "Table 3. Secondary outcomes")
    got = [(r["outcome"], r["timepoint"], r["value"], r["total"]) for r in rows]
    assert got[:2] == [("Change in dyspnoea score", "after three sessions", -1.0, 29),
                       ("Change in dyspnoea score", "after three sessions", 0.0, 28)]
    assert [g[1] for g in got[2:]] == ["60 days"] * 4
    assert [(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"][:2] == [(5, 30), (6, 28)]
    assert (rows[4]["value"], rows[4]["total"]) == (0.8, 25)


def test_an_arm_split_into_category_sub_columns():
    text = """Children were randomized to iron syrup or placebo.
Table 2. Duration of symptoms in the groups
| | Treatment group | Treatment group | Control group | Control group | P value |
| | <3 days | >=3 days | <3 days | >=3 days | P value |
| Cough, n (%) | 20 (40) | 30 (60) | 18 (36) | 32 (64) | 0.5 |
"""
    table = pipe_table(text, text.split("\n")[2], caption="Table 2. Duration", header_rows=2)
    study = build_study("d", text.replace("placebo.", "placebo (n = 50 each)."), {"tables": [table]})
    rows = read_table("d", text, table, study)
    got = [(r["intervention"], r["events"], r["outcome"], r["subgroup"]) for r in rows]
    # "Treatment group" is the treated arm, its sub-columns categories of the row's characteristic (no strata)
    assert [g[0] for g in got][:2] == ["iron syrup", "iron syrup"] and got[2][0] == got[3][0] != "iron syrup"
    assert [g[2] for g in got] == ["Cough <3 days", "Cough >=3 days"] * 2
    assert [g[1] for g in got] == [20, 30, 18, 32] and not any(g[3] for g in got)


def test_numbered_groups_of_a_randomized_trial_are_its_arms_named_by_what_they_received():
    text = """Sixty patients were randomly assigned to two groups.
Saline or magnesium sulfate was infused before induction (groups 1 and 2, respectively).
Table 2. Shivering
| | Group 1 (n = 30) | Group 2 (n = 30) |
| Shivering, n (%) | 12 (40) | 4 (13.3) |
"""
    study, rows = _read(text, "| | Group 1 (n = 30) | Group 2 (n = 30) |", "Table 2. Shivering")
    assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [("saline", 12, 30), ("magnesium sulfate", 4, 30)]
    # outside a randomized trial "Group 1" is a group of patients, no arm
    cohort = text.replace("Sixty patients were randomly assigned to two groups.", "Sixty patients were studied.")
    assert not any(a.canonical in ("saline", "group 1") for a in build_study("d", cohort, {"tables": [pipe_table(
        cohort, "| | Group 1 (n = 30) | Group 2 (n = 30) |")]}).arms)


def test_lettered_arms_named_by_what_each_received_with_its_partner():
    text = """Fifty patients were randomized into two arms, with 25 patients in each arm.
Arm A: Whole brain radiotherapy (WBRT) along with daily temozolomide 75 mg/m2.
Arm B: WBRT along with weekly gefitinib 250 mg.
Table 2. Response
| Response | Arm A | Arm B |
| Complete | 05 | 09 |
| Partial | 10 | 11 |
| None | 10 | 05 |
"""
    study, rows = _read(text, "| Response | Arm A | Arm B |", "Table 2. Response")
    assert [(a.canonical, a.n) for a in study.arms] == [("whole brain radiotherapy + temozolomide", 25),
                                                      ("whole brain radiotherapy + gefitinib", 25)]
    assert [r["intervention"] for r in rows[:2]] == ["whole brain radiotherapy + temozolomide",
                                                     "whole brain radiotherapy + gefitinib"]


def test_groups_numbered_in_roman_numerals_without_sizes():
    text = """Seventy patients were randomly divided into two groups, with 35 patients in each group.
Group I received ketamine. Group II received saline.
Table 1. Outcomes
| Outcome | Group I | Group II |
| Nausea | 3 | 9 |
| Vomiting | 1 | 4 |
| Pruritus | 0 | 2 |
Table 2. Adverse events
| Event | Group I | Group II |
| Headache | 2 | 5 |
"""
    study, rows = _read(text, "| Event | Group I | Group II |", "Table 2. Adverse events")
    assert [(a.canonical, a.n) for a in study.arms] == [("ketamine", 35), ("saline", 35)]
    assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [("ketamine", 2, 35), ("saline", 5, 35)]


def test_whole_number_scores_are_no_counts_but_a_table_counting_patients_is():
    scores = """Sixty newborns were randomized into two arms, with 30 patients in each arm.
Arm A received drug one. Arm B received drug two.
Table 2. Newborn scores
| Score | Arm A | Arm B |
| Apgar at 1 min | 8 | 9 |
| Apgar at 5 min | 9 | 9 |
| Parity | 2 | 2 |
"""
    _, rows = _read(scores, "| Score | Arm A | Arm B |", "Table 2. Newborn scores")
    assert not any(r["measure"] == "PROPORTION" for r in rows)
    counted = scores.replace("Table 2. Newborn scores", "Table 2. Need for resuscitation in 60 newborn patients").replace(
        "| Score | Arm A | Arm B |", "| Support | Arm A | Arm B |").replace("Apgar at 1 min", "Oxygen by mask").replace(
        "Apgar at 5 min", "Bag and mask ventilation").replace("Parity", "Intubation")
    _, rows = _read(counted, "| Support | Arm A | Arm B |", "Table 2. Need for resuscitation in 60 newborn patients")
    assert [(r["events"], r["total"]) for r in rows] == [(8, 30), (9, 30), (9, 30), (9, 30), (2, 30), (2, 30)]


def test_a_group_code_the_allocation_defines_names_its_arm_with_or_without_a_description():
    for header in ("| | Group K (n=28) | Group S (n=29) |", "| | Group K (ketamine) (n=28) | Group S (saline) (n=29) |"):
        text = f"""Fifty-seven patients were randomized to ketamine (group K) or saline (group S).
Table 2. Outcomes
{header}
| Emergence agitation, n (%) | 4 (14.3) | 11 (37.9) |
"""
        _, rows = _read(text, header, "Table 2. Outcomes")
        assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [("ketamine", 4, 28), ("saline", 11, 29)], header


def test_a_role_named_count_sizes_the_named_arm_and_a_control_column_is_the_placebo_arm():
    text = """Children were randomly assigned 1 : 1 to receive iron or placebo.
A total of 90 children were enrolled from March 2019 to May 2020; 45 were randomized to treatment and 45 to placebo.
The control group had no history of anaemia treatment.
Table 1. Characteristics
| | Treatment group | Control group |
| Girls, n (%) | 20 (44.4) | 22 (48.9) |
"""
    study, rows = _read(text, "| | Treatment group | Control group |", "Table 1. Characteristics")
    assert [(a.canonical, a.n, a.role) for a in study.arms] == [("iron", 45, "experimental"), ("placebo", 45, "control")]
    assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [("iron", 20, 45), ("placebo", 22, 45)]


def test_arms_a_table_names_short_by_abbreviation_by_partner_or_by_the_last_word():
    # an abbreviation its footnote spells out
    text = """Sixty patients were randomized to clonidine or saline.
Table 2. Outcomes
| | CLO (n=30) | SAL (n=30) |
| Shivering, n (%) | 3 (10) | 12 (40) |
CLO, clonidine; SAL, saline.
"""
    study, rows = _read(text, "| | CLO (n=30) | SAL (n=30) |", "Table 2. Outcomes", footnote="CLO, clonidine; SAL, saline.")
    assert [(a.canonical, a.n) for a in study.arms] == [("clonidine", 30), ("saline", 30)]
    assert [r["intervention"] for r in rows] == ["clonidine", "saline"]
    # "Morphine (n=25) | No morphine (n=25)" after "intrathecal morphine or no morphine"
    text = """Fifty patients were randomized to receive intrathecal morphine or no morphine.
Table 2. Outcomes
| | Morphine (n=25) | No morphine (n=25) |
| Pruritus, n (%) | 5 (20) | 1 (4) |
"""
    study, rows = _read(text, "| | Morphine (n=25) | No morphine (n=25) |", "Table 2. Outcomes")
    assert [(a.canonical, a.n, a.role) for a in study.arms] == [("intrathecal morphine", 25, "experimental"),
                                                              ("no morphine", 25, "control")]
    assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [("intrathecal morphine", 5, 25),
                                                                           ("no morphine", 1, 25)]


def test_arm_rows_under_outcome_headings_with_columns_of_times():
    text = """Sixty adults were randomized to a ginger extract or placebo for 8 weeks.
Table 2. Glycaemia in the groups over time
| | Baseline | Week 4 | Week 8 |
| FBS (mg/dl) | | | |
| Ginger | 144.1±43.2 | 140.5±30.1 | 133.3±38.6 |
| Placebo | 142.9±34.7 | 138.6±29.8 | 140.0±31.5 |
| Weight (kg) | | | |
| Ginger | 80.1±9.2 | 79.5±9.0 | 78.8±8.7 |
| Placebo | 81.0±9.9 | 80.9±9.6 | 81.2±9.8 |
"""
    _, rows = _read(text, "| | Baseline | Week 4 | Week 8 |", "Table 2. Glycaemia in the groups over time")
    got = [(r["intervention"], r["value"], r["outcome"], r["timepoint"], r["role"]) for r in rows]
    assert len(got) == 12
    # "Ginger" is the arm "ginger extract"; each heading names its rows' outcome; a weight at week 8 is no baseline
    assert got[:3] == [("ginger extract", 144.1, "FBS (mg/dl)", "baseline", "baseline"),
                       ("ginger extract", 140.5, "FBS (mg/dl)", "week 4", ""),
                       ("ginger extract", 133.3, "FBS (mg/dl)", "week 8", "")]
    assert got[-1] == ("placebo", 81.2, "Weight (kg)", "week 8", "") and got[-3][4] == "baseline"


def test_a_count_with_its_share_under_a_footnote_naming_another_format():
    text = """Adults were randomized to active vibration or sham vibration.
Table 3. Secondary outcomes
| | Active vibration (n = 30) | Sham vibration (n = 28) |
| Length of stay, days | 3 [2, 5] | 4 [2, 6] |
| Readmission at 30 days | | |
| Any | 6 (20) | 7 (25) |
Data are median [IQR] unless stated otherwise.
"""
    _, rows = _read(text, "| | Active vibration (n = 30) | Sham vibration (n = 28) |", "Table 3. Secondary outcomes",
                    footnote="Data are median [IQR] unless stated otherwise.")
    assert [(r["measure"], r["value"]) for r in rows[:2]] == [("MEDIAN", 3.0), ("MEDIAN", 4.0)]
    assert [(r["measure"], r["events"], r["total"], r["timepoint"]) for r in rows[2:]] == [
        ("PROPORTION", 6, 30, "30 days"), ("PROPORTION", 7, 28, "30 days")]


def test_pre_and_post_sub_columns_say_when_not_what():
    text = """Children were randomized to iron syrup or placebo (n = 50 each).
Table 2. Haemoglobin
| | Iron syrup | Iron syrup | Placebo | Placebo |
| | Pre | Post | Pre | Post |
| Haemoglobin, mean (SD) | 10.1 (1.2) | 11.4 (1.1) | 10.2 (1.3) | 10.4 (1.2) |
"""
    _, rows = _read(text, "| | Iron syrup | Iron syrup | Placebo | Placebo |", "Table 2. Haemoglobin", header_rows=2)
    assert [(r["intervention"], r["value"], r["timepoint"], r["role"]) for r in rows] == [
        ("iron syrup", 10.1, "pre", "baseline"), ("iron syrup", 11.4, "post", ""),
        ("placebo", 10.2, "pre", "baseline"), ("placebo", 10.4, "post", "")]
    assert {r["outcome"] for r in rows} == {"Haemoglobin"}


def test_an_event_named_loss_of_something_is_counted_but_blood_loss_is_measured():
    text = """Adults were randomized to drug X (n = 30) or placebo (n = 28).
Table 4. Adverse events
| | Drug X | Placebo |
| Loss of appetite | 5 | 1 |
| Blood loss | 3 | 2 |
"""
    _, rows = _read(text, "| | Drug X | Placebo |", "Table 4. Adverse events")
    assert [(r["outcome"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"] == [
        ("Loss of appetite", 5, 30), ("Loss of appetite", 1, 28)]


def test_coded_groups_as_the_rows_of_a_transposed_table():
    text = """Forty adults having knee surgery were divided into two equal groups.
Ropivacaine or ropivacaine plus clonidine was injected around the joint (groups R and R+C, respectively).
Table 2. Pain scores
| Group | Pain at 2 h | Pain at 6 h |
| Group R+C (n = 20) | 2.1±0.8 | 1.9±0.7 |
| Group R (n = 20) | 3.9±1.1 | 3.0±0.9 |
"""
    study, rows = _read(text, "| Group | Pain at 2 h | Pain at 6 h |", "Table 2. Pain scores")
    assert len(study.arms) == 2 and [a.n for a in study.arms] == [20, 20]
    got = [(r["intervention"], r["value"], r["sd"]) for r in rows]
    assert [g[1:] for g in got] == [(2.1, 0.8), (1.9, 0.7), (3.9, 1.1), (3.0, 0.9)]
    assert "clonidine" in got[0][0] and got[2][0] == "ropivacaine"


def test_arms_numbered_from_one_in_a_randomized_report_without_sizes_in_the_headers():
    text = """Forty-two patients were randomized into two arms, with 21 patients in each arm.
Arm 1 received oral melatonin. Arm 2 received placebo.
Table 3. Adverse events
| Event | Arm 1 | Arm 2 |
| Drowsiness | 6 | 2 |
| Headache | 3 | 3 |
"""
    study, rows = _read(text, "| Event | Arm 1 | Arm 2 |", "Table 3. Adverse events")
    assert [(a.canonical, a.n) for a in study.arms] == [("melatonin", 21), ("placebo", 21)]
    assert [(r["intervention"], r["events"], r["total"]) for r in rows[:2]] == [("melatonin", 6, 21), ("placebo", 2, 21)]
    # a report that randomizes nobody keeps "Group 1" a group of patients
    cohort = text.replace("were randomized into two arms, with 21 patients in each arm", "were studied")
    assert not any(a.canonical in ("melatonin", "group 1") for a in _read(cohort, "| Event | Arm 1 | Arm 2 |")[0].arms)


def test_rows_that_only_say_when_take_the_label_header_as_their_outcome():
    text = """Sixty patients were randomized to ropivacaine (n = 30) or saline (n = 30).
Table 2. Pain scores after surgery
| NRS pain score | Ropivacaine (n = 30) | Saline (n = 30) | P |
| 2 h post surgery | 2.1±0.8 | 4.4±1.0 | <0.001 |
| 12 hours after surgery | 1.5±0.6 | 2.9±0.9 | 0.01 |
"""
    _, rows = _read(text, "| NRS pain score | Ropivacaine (n = 30) | Saline (n = 30) | P |", "Table 2. Pain scores after surgery")
    assert [(r["outcome"], r["timepoint"], r["value"]) for r in rows] == [
        ("NRS pain score", "2 h", 2.1), ("NRS pain score", "2 h", 4.4),
        ("NRS pain score", "12 hours", 1.5), ("NRS pain score", "12 hours", 2.9)]


def test_the_duration_of_the_disease_is_a_baseline_figure_wherever_its_table():
    text = """Adults were randomized to a herbal tablet or placebo.
Table 1. Mean and standard deviation of variables in the groups
| Variable | Drug | Placebo |
| Duration of the disease (months) | 70.1±60.2 | 72.4±55.7 |
"""
    _, rows = _read(text, "| Variable | Drug | Placebo |", "Table 1. Mean and standard deviation of variables in the groups")
    assert [(r["value"], r["role"]) for r in rows] == [(70.1, "baseline"), (72.4, "baseline")]


def test_equal_groups_of_a_stated_population_less_those_excluded_from_each():
    text = ("A double-blind trial was carried out on 60 adult asthmatic patients. Patients were randomly divided into "
            "two equal groups. They were randomized to receive ginger tablets or placebo. Four patients of each group were excluded for "
            "poor adherence.\n")
    assert [(a.canonical, a.n) for a in build_study("d", text, None).arms] == [("ginger", 26), ("placebo", 26)]
    # without the exclusion, each group is half the population; groups said to be equal of no stated population: no size
    assert [a.n for a in build_study("d", text.replace(" Four patients of each group were excluded for poor adherence.",
                                                        ""), None).arms] == [30, 30]
    assert [a.n for a in build_study("d", text.replace("on 60 adult asthmatic patients", "on adult asthmatic patients"),
                                     None).arms] == [None, None]
