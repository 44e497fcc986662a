"""Arms crossed with times in two-level column headers: a 2 × 2 factorial's four arms ("Placebo | X | Y | X + Y"),
each over "Pretreatment | Posttreatment", where a header names one treatment that the combination's name holds too
("Y" for the arm given Y alone) or the combination by other words ("X + Y", "Pro + Y"); and "Control | Case" under a
spanning "Groups", each over three visits (the case group is the trial's treated arm, no outcome split). Texts
written for these tests (invented names, numbers changed)."""
from __future__ import annotations

from evidence_review.extract.study import build_study

from table_grids import read_pipe_table


_FACTORIAL = ("Sixty adults were randomly assigned to receive either placebo (n = 15), Lactoplex capsules (n = 15), "
              "fish oil fatty acid capsules (n = 15), or fish oil capsule + Lactoplex capsule (n = 15), for 6 weeks. "
              "The probiotic (Lactoplex) was given once daily.")


def _arms_read(rows: list[dict]) -> dict[tuple[str, str], float]:
    return {(r["intervention"], r["timepoint"]): r["value"] for r in rows if r["outcome"].startswith("Glucose")}


def test_a_factorial_trials_four_arms_each_over_pre_and_post():
    lines = ["| | Placebo | Placebo | Probiotic | Probiotic | Fish oil | Fish oil | Probiotic + fish oil | Probiotic + fish oil |",
             "| | Pretreatment | Posttreatment | Pretreatment | Posttreatment | Pretreatment | Posttreatment | Pretreatment | Posttreatment |",
             "| Glucose (mg/dL) | 88.10 ± 3.2 | 90.42 ± 3.08*a | 87 ± 1.11 | 78.28 ± 1.15*b | 86.50 ± 1.3 | 82.83 ± 1.33*c | 85.60 ± 2.05 | 73.36 ± 1.198*cd |",
             "| HDL (mg/dL) | 34.80 ± 2.75 | 34.36 ± 2.75 | 28.50 ± 1.02 | 33.83 ± 1.18*a | 37.10 ± 1.55 | 39.56 ± 1.52*b | 33.70 ± 2.13 | 41.03 ± 1.79*b |"]
    text = "Methods. " + _FACTORIAL + "\n\nResults.\n" + "\n".join(lines) + "\n"
    study, rows = read_pipe_table(text, lines[0], caption="Table 1. Lipids after treatment.", header_rows=2)
    read = _arms_read(rows or [])
    fish_oil = study.resolve_column("Fish oil")
    combined = study.resolve_column("Probiotic + fish oil")
    assert fish_oil is not None and combined is not None and fish_oil is not combined
    assert "+" in combined.name and "+" not in fish_oil.name
    # the last two arms are read as the first two are: each arm's figures at both times
    assert read[(fish_oil.canonical, "pretreatment")] == 86.50
    assert read[(fish_oil.canonical, "posttreatment")] == 82.83
    assert read[(combined.canonical, "pretreatment")] == 85.60
    assert read[(combined.canonical, "posttreatment")] == 73.36
    assert len(rows) == 16


def test_a_combination_header_by_a_part_the_text_calls_otherwise():
    study = build_study("d", "Methods. " + _FACTORIAL, {})
    combined = study.resolve_column("Pro + Fish oil")
    assert combined is not None and "+" in combined.name
    # one treatment's word names the arm given it alone, never the combination holding it
    assert "+" not in study.resolve_column("Fish oil").name


def test_a_combination_header_naming_an_arm_of_its_own_is_no_combination_arm():
    # "Fish oil + Statin" where statin is an arm of its own and no part of the trial's combination: not that arm
    study = build_study("d", "Methods. Ninety adults were randomly assigned to receive either statin tablets (n = 30), "
                             "fish oil capsules (n = 30), or fish oil capsule + Lactoplex capsule (n = 30).", {})
    assert study.resolve_column("Fish oil + Statin") is None
    assert study.resolve_column("Fish oil + Lactoplex") is not None


def test_control_and_case_under_groups_each_over_three_visits():
    lines = ["| Variable | Groups | Groups | Groups | Groups | Groups | Groups |",
             "| Variable | Control | Control | Control | Case | Case | Case |",
             "| Variable | Before intervention | 2 weeks later | 1 month later | Before intervention | 2 weeks later | 1 month later |",
             "| Cholesterol | 236.67±45.28 | 166.16±42.61 | 161.70±32.10 | 237.10±46.99 | 167.30±56.02 | 170.23±44.29 |",
             "| LDL-C | 128.86±41.08 | 79.49±40.75 | 73.51±34.63 | 128.28±43.20 | 64.44±50.53 | 78.60±39.71 |"]
    # (the text calls the groups "intervention" and "control"; only the table calls the treated one "Case")
    methods = ("Patients were randomly assigned into two intervention and control groups ordered by their arrival. "
               "Among all the patients, 30 were placed in the intervention group, and 31 in the control group. "
               "Patients of the intervention group received atorvastatin (20 mg/day) along with packages of a herbal "
               "extract, and the control group received atorvastatin (20 mg/day) alone.")
    text = "Methods. " + methods + "\n\nResults.\n" + "\n".join(lines) + "\n"
    study, rows = read_pipe_table(text, lines[0], caption="Table 1. The changes of lipids.", header_rows=3)
    rows = rows or []
    assert len(rows) == 12
    by_arm: dict[str, set[float]] = {}
    for r in rows:
        by_arm.setdefault(r["intervention"], set()).add(r["value"])
    assert len(by_arm) == 2
    assert {236.67, 166.16, 161.70, 128.86, 79.49, 73.51} in by_arm.values()
    assert {237.10, 167.30, 170.23, 128.28, 64.44, 78.60} in by_arm.values()
    assert {r["timepoint"] for r in rows if r["value"] == 167.30} == {"2 weeks later"}


def test_a_spread_declared_after_a_unit_as_plus_minus_se():
    from evidence_review.extract.declared_formats import declared_formats
    # "± standard error mean" after the unit in a table's footnote: the cells' spreads are SEs ("± SD" alone is an SD)
    assert declared_formats("Bacterial count (log10 CFU/g fecal dry weight ± standard error mean).") == ("mean_se",)
    assert declared_formats("Colony count (log10 CFU/g ± SEM)") == ("mean_se",)
    assert declared_formats("Age (years ± SD)") == ("mean_sd",)


def test_a_factorial_tables_footnote_declaring_standard_errors():
    lines = ["| | Placebo | Placebo | Fish oil | Fish oil | Probiotic + fish oil | Probiotic + fish oil |",
             "| | Pretreatment | Posttreatment | Pretreatment | Posttreatment | Pretreatment | Posttreatment |",
             "| Lactobacillus | 6.77 ± 0.12 | 6.76 ± 0.14^ | 6.66 ± 0.26 | 6.7 ± 0.12^ | 6.66 ± 0.12 | 7.86 ± 0.12^**b |",
             "| Bifidobacteria | 8.79 ± 0.17 | 8.78 ± 0.14^ | 8.61 ± 0.08 | 8.65 ± 0.17^ | 8.61 ± 0.08 | 9.8 ± 0.03^**b |",
             "Bacterial count (log10 CFU/g fecal dry weight ± standard error mean)."]
    text = "Methods. " + _FACTORIAL + "\n\nResults.\n" + "\n".join(lines) + "\n"
    study, rows = read_pipe_table(text, lines[0], caption="Table 2. Fecal bacterial count before and after treatment.",
                                  header_rows=2, footnote=lines[-1])
    by_value = {r["value"]: r for r in rows or []}
    assert by_value[9.8]["se"] == 0.03 and by_value[6.7]["se"] == 0.12
    assert len(rows) == 12 and all(r["se"] is not None for r in rows)


def test_a_zero_dose_control_is_no_arm_of_the_drug():
    # "0 g X (control; n = 7)": the control is X's absence; its role label never joins the arm given X
    text = ("Methods. Using a randomized-controlled, parallel-arm design, 18 adults consumed either muffins enriched "
            "with 30 g Fibrex (n = 11) or 0 g Fibrex (control; n = 7) daily for 6 weeks. Participants were randomized "
            "to either the Fibrex group or control group using a random numbers generator.")
    study = build_study("d", text, {})
    fibrex, control = study.resolve_column("Fibrex"), study.resolve_column("Control")
    assert fibrex is not None and control is not None and fibrex is not control
    assert fibrex.role == "experimental" and control.role == "control"


def test_intake_columns_of_two_arms_each_over_three_weeks():
    lines = ["| Nutrient | Fibrex | Fibrex | Fibrex | Control | Control | Control | P value |",
             "| Nutrient | Baseline | Week 3 | Week 6 | Baseline | Week 3 | Week 6 | P value |",
             "| Calories | 2180 ± 554 | 2183 ± 387 | 2113 ± 414 | 2081.1 ± 445.3 | 2036 ± 1327 | 1900.5 ± 638.7 | 0.574 |",
             "| Fiber (g) | 16.2 ± 2.8 | 31.6 ± 2.2^a | 32.4 ± 2.7^b | 15.9 ± 3.0 | 17.9 ± 2.6^a | 13.1 ± 2.3^b | 0.001 |"]
    text = ("Methods. Using a randomized-controlled, parallel-arm design, 18 adults consumed either muffins enriched "
            "with 30 g Fibrex (n = 11) or 0 g Fibrex (control; n = 7) daily for 6 weeks.\n\nResults.\n"
            + "\n".join(lines) + "\n")
    study, rows = read_pipe_table(text, lines[0], caption="Table 3. Changes in mean macronutrient intake.", header_rows=2)
    arms = {r["value"]: r["intervention"] for r in rows or []}
    assert arms[2081.1] == arms[13.1] != arms[2180.0] == arms[32.4]


_SCHEDULES = ("Methods. This study aims to compare the effect of twice weekly versus daily supplementation with "
              "micronutrient powder (MNP). A randomized trial was conducted: children were randomly assigned to a daily "
              "sachet of MNP (n = 111) or no supplement. We randomly allocated them to three groups: a control group "
              "(n = 111), a group given twice weekly micronutrient supplementation (n = 115), and a group given daily "
              "micronutrient supplementation (n = 110).")


def test_the_middle_of_three_arm_columns_headed_over_a_size_row():
    # "Twice weekly" over "(n = 111)": the column's name is the level above its size, a schedule the text gives
    lines = ["|  | Control | Twice weekly | Daily | P1 |",
             "|  | (n = 110) | (n = 111) | (n = 110) |  |",
             "| Age, months | 30.1 ± 13.6 | 31.4 ± 13.6 | 31.7 ± 13.4 | 0.57 |",
             "| Haemoglobin, g/L | 104.2 ± 11.3 | 103.9 ± 10.8 | 105.1 ± 12.0 | 0.71 |"]
    text = _SCHEDULES + "\n\nResults.\n" + "\n".join(lines) + "\n"
    study, rows = read_pipe_table(text, lines[0], caption="Table 1. Baseline characteristics", header_rows=2)
    arms = {r["value"]: r["intervention"] for r in rows or []}
    assert len({arms[30.1], arms[31.4], arms[31.7]}) == 3
    assert {r["total"] for r in rows if r["value"] == 31.4} == {111}


def test_a_hyphenated_schedule_header_for_the_words_the_text_writes_apart():
    lines = ["|  |  | Control | Twice-weekly | Daily | P |",
             "|  |  | (n = 110) | (n = 111) | (n = 110) |  |",
             "| Haemoglobin, g/L | Week 12 | 106.2 ± 11.3 | 109.9 ± 10.8 | 111.1 ± 12.0 | 0.01 |",
             "|  | Week 24 | 107.5 ± 10.9 | 112.0 ± 10.1 | 113.6 ± 11.2 | 0.001 |"]
    text = _SCHEDULES + "\n\nResults.\n" + "\n".join(lines) + "\n"
    study, rows = read_pipe_table(text, lines[0], caption="Table 3. Haemoglobin by group", header_rows=2)
    arms = {r["value"]: r["intervention"] for r in rows or []}
    assert 109.9 in arms and 112.0 in arms and arms[109.9] == arms[112.0] != arms[111.1]
