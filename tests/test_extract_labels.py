"""The labels of each extracted row besides its arms: timepoint (one grammar of written times, timepoints.py, used
by the sentence readers, table headers, row headings and captions), role (a characteristics table's outcome rows,
"After" / "At the end of study" sub-rows, before/end columns), subgroup and adjusted. Sentences and tables are
written for these tests in the shapes reports use, with other names and numbers."""
from __future__ import annotations

from evidence_review.tables import ARM_LEVEL_MEASURES

import pandas as pd
import pytest
from table_grids import pipe_table, read_pipe_table

from evidence_review.extract import extract_estimates, extract_study_tables
from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.timepoints import first_timepoint, is_timepoint, timepoint_spans


def extract(text: str, design: str = "RCT", condition: str = "asthma") -> pd.DataFrame:
    documents = pd.DataFrame([{"doc_id": "d1", "source_file": "d1.txt", "status": "ok", "duplicate_of": "",
                               "condition": condition, "design": design}])
    return extract_estimates(documents, {"d1": text})


def one(table: pd.DataFrame, measure: str, value: float) -> pd.Series:
    rows = table[(table["measure"] == measure) & ((table["value"] - value).abs() < 1e-6)]
    assert len(rows) == 1, table[["measure", "value", "timepoint", "role", "subgroup", "adjusted"]].to_string()
    return rows.iloc[0]


def table_rows(text: str, caption: str, line: int = 2, header_rows: int = 1) -> list[dict]:
    """The rows the whole flow (table reader, then the meaning layer) keeps from the pipe table starting at line
    `line` of `text`."""
    table = pipe_table(text, text.split("\n")[line], caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    rows = estimates[estimates["finder"] == "table"]
    return rows.astype(object).where(rows.notna(), None).to_dict("records")


# ---------------------------------------------------------------- the grammar of times

@pytest.mark.parametrize("text, expected", [
    ("the score at 12 mo was lower", "12 months"),
    ("at 6 mos, fewer patients", "6 months"),
    ("at 26 wk the rate", "26 weeks"),
    ("at 3 wks the rate", "3 weeks"),
    ("measured at 2 yrs", "2 years"),
    ("EPDS scores 6–10 weeks postpartum", "6–10 weeks postpartum"),
    ("EPDS scores 6-10 weeks post-partum", "6-10 weeks post-partum"),
    ("between groups at the third visit", "third visit"),
    ("at second visit", "second visit"),
    ("in the 2nd session", "2nd session"),
    ("costs in the first two years of life", "first two years of life"),
    ("during the first 6 months", "first 6 months"),
    ("after 10 weeks of treatment", "10 weeks"),
    ("at eighteen months", "eighteen months"),
    ("at twenty-four weeks", "twenty-four weeks"),
    ("at week 36", "week 36"),
    ("Weeks 2–16 (open-label phase)", "weeks 2–16"),
    ("at month five", "month five"),
    ("at month 3 postpartum", "month 3 postpartum"),
    ("the 16-week visit", "16-week"),
    ("at 48h the count", "48 hours"),
    ("at 12 h after surgery", "12 hours after surgery"),
    ("within 30 days", "30 days"),
    ("30-day mortality was", "30-day"),
    ("through follow-up (day 45)", "day 45"),
    ("at 9 to 15 months", "9 to 15 months"),
])
def test_every_wording_of_a_time_is_read(text, expected):
    assert [tp for _, _, tp in timepoint_spans(text)] == [expected]


@pytest.mark.parametrize("text", [
    "injections every 4 weeks",
    "one dose each 3 months",
    "infants aged 9 months were enrolled",
    "children 6 months of age",
    "pain for at least 3 years old",
    "given twice daily for 3 days",
    "a median follow-up of 4.7 years",
    "a mean difference of 2.1 days 95% CI",
    "randomised within 5 days of symptom onset",
    "a phase 3 trial",
    "patients < 2 years",
])
def test_what_is_no_time_is_not_read_as_one(text):
    assert timepoint_spans(text) == []


def test_a_list_of_short_periods_keeps_each_after_the_first_said_as_a_time():
    text = "lower after 14 d (9% versus 21%) and 28 d (30% versus 41%) of follow-up"
    assert [tp for _, _, tp in timepoint_spans(text)] == ["14 days", "28 days"]
    assert [tp for _, _, tp in timepoint_spans("at 2 h, 6 h and 24 h")] == ["2 hours", "6 hours", "24 hours"]
    # durations of a treatment joined the same way are still not times
    assert timepoint_spans("given for 5 days and 3 days") == []


def test_header_cells_that_only_say_when():
    for cell in ("Week 8", "At 6 months", "24 h", "Day 14", "2nd visit", "After 3 months"):
        assert is_timepoint(cell), cell
    for cell in ("Placebo (n = 40)", "Age, years", "Week 8 change, mean (SD)"):
        assert not is_timepoint(cell), cell
    assert first_timepoint("Table 3. Outcomes at 12 mo") == "12 months"


def test_the_scorer_reads_abbreviated_and_written_units_alike():
    assert normalize_label("10 min") == normalize_label("ten minutes") == normalize_label("10 minutes")
    assert normalize_label("24 hrs") == normalize_label("24 hours")
    assert normalize_label("12 mo") == normalize_label("12 months")


# ---------------------------------------------------------------- timepoints in sentences

@pytest.mark.parametrize("sentence, expected", [
    ("At 9 mo, the difference in disability score was -1.6 (95% CI -3.0 to -0.2) between the groups.", "9 months"),
    ("The odds of remission were higher with drug X (OR 1.9; 95% CI 1.1 to 3.2) at the third visit.", "third visit"),
    ("Anxiety at 6-10 weeks postpartum was lower with support (MD -0.62 (95% CI -1.10 to -0.14)).",
     "6-10 weeks postpartum"),
    ("Costs in the first two years of life did not differ (mean difference 1.21, 95% CI -0.80 to 1.90).",
     "first two years of life"),
])
def test_a_sentence_gives_its_estimate_the_time_it_names_in_any_wording(sentence, expected):
    text = "Methods: Patients were randomly assigned to drug X or placebo. Results: " + sentence
    table = extract(text)
    effects = table[~table["measure"].isin(["PROPORTION", "MEAN", "MEDIAN"])]
    assert len(effects) == 1, table.to_string()
    assert normalize_label(effects.iloc[0]["timepoint"]) == normalize_label(expected)


# ---------------------------------------------------------------- timepoints and roles of table rows

def test_stacked_before_after_and_end_of_study_sub_rows_give_time_and_role():
    text = """Patients were randomly assigned to ketoconazole or placebo.
Table 1. Characteristics of patients at baseline and at the end of study
| | Ketoconazole | Placebo |
| Patients enrolled | n=40 | n=38 |
| Age (years), mean ±SD | 31.2±6.1 | 30.4±7.0 |
| Itch score, mean ±SD | | |
| Before | 5.10±1.20 | 4.90±1.40 |
| After | 1.30±0.90 | 3.20±1.10 |
| Redness score, mean ±SD | | |
| Baseline | 7.70±2.10 | 7.90±2.30 |
| At the end of study | 2.20±1.00 | 4.60±1.70 |
| Side effects, n (%) | 4 (10.0%) | 6 (15.8%) |
"""
    rows = table_rows(text, "Table 1. Characteristics of patients at baseline and at the end of study")
    got = {(r["intervention"], round(r["value"], 4)): (r["timepoint"], r["role"]) for r in rows}
    # (a bare "Before" / "After" is named as printed: which treatment it is counted from is not said)
    assert got[("ketoconazole", 5.1)] == ("before", "baseline")
    assert got[("ketoconazole", 1.3)] == ("after", "effect")
    assert got[("placebo", 7.9)][1] == "baseline"
    assert got[("placebo", 4.6)] == ("end of study", "effect")
    assert got[("ketoconazole", 31.2)][1] == "baseline"
    # an adverse-effect row at the end of a characteristics table is an outcome of the trial
    assert [r["role"] for r in rows if r["measure"] == "PROPORTION" and r["events"] == 6] == ["effect"]


def test_outcome_rows_at_the_end_of_a_characteristics_table_are_outcomes():
    text = """Women were randomly assigned to cefazolin or clindamycin.
Table 1. Demographics and other characteristics
| Variable | Cefazolin n = 60 | Clindamycin n = 62 |
| Age, median (IQR) | 29 (25-33) | 30 (26-34) |
| General anesthesia, n (%) | 20 (33.3) | 22 (35.5) |
| Blood loss >500 ml, n (%) | 15 (25.0) | 17 (27.4) |
| Post-operative wound infection, n (%) | 3 (5.0) | 6 (9.7) |
| Postpartum endometritis, n (%) | 1 (1.7) | 3 (4.8) |
| Readmission, n (%) | 2 (3.3) | 1 (1.6) |
"""
    rows = table_rows(text, "Table 1. Demographics and other characteristics")
    role = {(r["intervention"], r["events"]): r["role"] for r in rows if r["measure"] == "PROPORTION"}
    # characteristics of the operation are baseline, what followed it is an outcome
    assert role[("cefazolin", 20)] == role[("cefazolin", 15)] == "baseline"
    assert role[("cefazolin", 3)] == role[("clindamycin", 6)] == "effect"
    assert role[("clindamycin", 3)] == "effect"
    assert role[("cefazolin", 2)] == "effect"


@pytest.mark.parametrize("before, after, expected_after", [
    ("Baseline test value", "End test value", "end of treatment"),
    ("Initial score", "Final score", "end of treatment"),
    ("Pre-test values", "Post-test values", "after treatment"),
    ("Baseline value", "Follow-up value", "follow-up"),
])
def test_columns_of_values_before_and_at_the_end_are_baseline_and_outcome(before, after, expected_after):
    text = f"""Patients were randomly assigned to massage or control.
Table 3. Pain scores
| Test | Group | {before} | {after} | Difference value |
| Pain | Massage | 61.2 [17.1] | 40.3 [19.9] | 20.9 |
| Pain | Control | 58.4 [16.0] | 49.9 [18.2] | 8.5 |
"""
    rows = table_rows(text, "Table 3. Pain scores")
    got = {(r["intervention"], r["value"]): (r["timepoint"], r["role"]) for r in rows if r["measure"] == "MEAN"}
    assert got[("massage", 61.2)][1] == "baseline"
    assert got[("massage", 40.3)] == (expected_after, "effect")
    assert got[("control", 49.9)] == (expected_after, "effect")


@pytest.mark.parametrize("caption, expected", [
    ("Table 2. Adverse events through safety follow-up (day 45)", "day 45"),
    ("Table 2. Adverse events up to the final visit (week 16)", "week 16"),
    ("Table 2. Adverse events at the 12-month visit", "12-month"),
])
def test_a_caption_gives_its_rows_the_time_it_names(caption, expected):
    text = f"""Patients were randomly assigned to drug A or placebo.
{caption}
| Event | Drug A (n = 70) | Placebo (n = 72) |
| Headache | 9 (12.9) | 4 (5.6) |
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], caption)
    assert rows and {r["timepoint"] for r in rows} == {expected}


def test_a_caption_naming_the_patients_history_gives_no_time():
    caption = "Table 1. Events in the last 12 months before enrolment"
    text = f"""Patients were randomly assigned to drug A or placebo.
{caption}
| Event | Drug A (n = 70) | Placebo (n = 72) |
| Hospital admission | 9 (12.9) | 4 (5.6) |
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], caption)
    assert rows and {r["timepoint"] for r in rows} == {""}


def test_an_adjusted_ratio_named_after_two_rates_leaves_the_rates_unadjusted():
    from evidence_review.extract import extract_one
    text = ("Results: Falls occurred at similar rates in the exercise and control groups (3.41 vs. 3.62%/year, "
            "p = 0.71, adjusted HR 0.94 [95%CI 0.70 to 1.26]).")
    rows, _, errors = extract_one("d1", text)
    assert errors == []
    by_value = {round(float(r["value"]), 2): r for r in rows}
    assert by_value[0.94]["adjusted"] == "yes"
    assert by_value[3.41]["adjusted"] != "yes" and by_value[3.62]["adjusted"] != "yes"


# ---------------------------------------------------------------- subgroups

@pytest.mark.parametrize("sentence, value, label", [
    ("In the powered subgroup of women with three or more risk factors, mean anxiety score (MD -0.84 (95% CI -1.50 "
     "to -0.18)) was lower.", -0.84, "women with three or more risk factors"),
    ("In the prespecified subgroup of patients aged 70 years or older, the hazard ratio was 0.71 (95% CI 0.55 to "
     "0.92).", 0.71, "aged 70 years or older"),
    ("Among infants of mothers who smoked during pregnancy (38% of the cohort), the fortified formula reduced "
     "wheeze (adjusted odds ratio 0.41; 95% CI 0.20, 0.85; P = 0.02).", 0.41,
     "infants of mothers who smoked during pregnancy"),
    ("Among children with severe anaemia at enrolment, supplementation reduced hospital admission (odds ratio "
     "0.52; 95% CI 0.31 to 0.88).", 0.52, "children with severe anaemia"),
])
def test_a_sentence_opening_with_a_group_gives_its_estimate_that_subgroup(sentence, value, label):
    text = "Methods: Participants were randomly assigned to the intervention or to control. Results: " + sentence
    table = extract(text)
    row = table[(table["value"] - value).abs() < 1e-6]
    assert len(row) == 1, table.to_string()
    assert row.iloc[0]["role"] == "subgroup"
    assert normalize_label(row.iloc[0]["subgroup"]) == normalize_label(label)


def test_a_sentence_turning_back_to_everyone_ends_the_opening_subgroup():
    text = ("Methods: Participants were randomly assigned to the intervention or to control. Results: In the "
            "prespecified subgroup of women with two or more risk factors, mean score (MD -0.91 (95% CI -1.62 to "
            "-0.20)) was better, although for all women recruited, no difference was seen (MD -0.44 (95% CI -1.02 "
            "to 0.14)).")
    table = extract(text)
    first, second = one(table, "MD", -0.91), one(table, "MD", -0.44)
    assert first["role"] == "subgroup" and second["role"] == "effect" and not second["subgroup"]


def test_an_outcome_named_for_age_is_no_patient_factor():
    text = ("Methods: Infants were randomly assigned to a fortified or a basal porridge. Results: The fortified "
            "porridge increased length-for-age (odds ratio 0.61; 95% CI 0.40 to 0.93).")
    assert one(extract(text), "OR", 0.61)["role"] == "effect"


@pytest.mark.parametrize("first, second", [
    ("Drug X + oral drug Y(n = 70)1", "Placebo + oral drug Y(n = 72)1"),
    ("Drug X plus drug Y (n = 70)", "Drug X alone (n = 72)"),
])
def test_the_rest_of_a_wrapped_arm_header_is_never_a_subgroup(first, second):
    text = f"""Patients were randomly assigned to drug X plus drug Y or to placebo plus drug Y.
Table 2. Adverse events
| | Number (%) of patients | Number (%) of patients |
| Adverse event | {first} | {second} |
| Headache | 6 (8.6) | 4 (5.6) |
| Any adverse event | 21 (30.0) | 18 (25.0) |
"""
    rows = table_rows(text, "Table 2. Adverse events", header_rows=2)
    assert rows
    assert all(not r["subgroup"] for r in rows), [(r["intervention"], r["subgroup"]) for r in rows]
    assert {r["role"] for r in rows} == {"effect"}


def test_strata_spanning_the_arm_columns_stay_subgroups():
    text = """Patients were randomly assigned to drug X or placebo.
Table 2. Response by sex
| | Men | | Women | |
| Outcome | Drug X (n = 30) | Placebo (n = 31) | Drug X (n = 25) | Placebo (n = 24) |
| Response, n (%) | 12 (40.0) | 6 (19.4) | 11 (44.0) | 5 (20.8) |
"""
    rows = table_rows(text, "Table 2. Response by sex", header_rows=2)
    assert sorted({r["subgroup"] for r in rows}) == ["Men", "Women"]


# ---------------------------------------------------------------- adjusted, and factor lists over two sentences

@pytest.mark.parametrize("sentence, crude, adjusted", [
    ("No difference in costs between the groups (mean difference 2.04, 95%CI -1.10, 3.30; adjusted 2.31, 95%CI "
     "-1.02, 3.70).", 2.04, 2.31),
    ("Length of stay was similar (MD 0.84, 95% CI -0.20 to 1.90, and after adjustment for age, MD 0.77, 95% CI "
     "-0.25 to 1.80).", 0.84, 0.77),
    ("Relapse was less frequent (OR 0.61, 95% CI 0.40-0.93; multivariable OR 0.66, 95% CI 0.42-1.03).", 0.61, 0.66),
])
def test_an_estimate_printed_before_its_adjusted_restatement_is_the_crude_one(sentence, crude, adjusted):
    text = "Methods: Patients were randomly assigned to drug X or placebo. Results: " + sentence
    table = extract(text)
    effects = table[~table["measure"].isin(["PROPORTION", "MEAN", "MEDIAN"])].set_index("value")
    assert effects.loc[adjusted, "adjusted"] == "yes"
    assert effects.loc[crude, "adjusted"] == "no"


def test_arm_values_before_an_adjusted_ratio_are_not_called_crude():
    text = ("Methods: Patients were randomly assigned to drug X or placebo. Results: Stroke was as frequent in both "
            "groups (3.10 vs. 3.24%/year, p = 0.80, adjusted HR 0.96 [95%CI 0.70 to 1.31]).")
    table = extract(text)
    assert one(table, "HR", 0.96)["adjusted"] == "yes"
    assert "no" not in set(table.loc[table["measure"] != "HR", "adjusted"])


def test_a_sentence_continuing_a_list_of_risk_factors_keeps_their_role_and_adjustment():
    text = ("Methods: Women were randomly assigned to cefazolin or clindamycin. Results: In univariate analysis the "
            "risk factors for wound infection were obesity (OR 3.2, 95% CI: 1.1-9.4, p = 0.03) and a long operation "
            "(OR 4.1, 95% CI: 1.3-12.9, p = 0.02). Antenatal care (OR 0.21, 95% CI: 0.05-0.88, p = 0.03) appeared "
            "to be protective.")
    table = extract(text)
    for value in (3.2, 4.1, 0.21):
        row = one(table, "OR", value)
        assert (row["role"], row["adjusted"]) == ("prognostic", "no"), value


@pytest.mark.parametrize("methods", [
    "The primary analysis used analysis of covariance.",
    "Differences were estimated by ANCOVA.",
    "The primary analysis used a mixed model for repeated measures with baseline score as a covariate.",
    "Scores were compared with linear regression adjusting for the baseline value.",
])
def test_a_document_saying_its_mean_differences_come_from_an_adjusting_model(methods):
    text = (f"Methods: Patients were randomly assigned to drug X or placebo. {methods} Results: The least-squares mean "
            "difference in pain score was -0.52 (95% CI -0.90 to -0.14). Response occurred in 40% and 30% (risk "
            "difference 0.10, 95% CI 0.01 to 0.19).")
    table = extract(text)
    assert one(table, "MD", -0.52)["adjusted"] == "yes"
    assert one(table, "RD", 0.10)["adjusted"] == "unknown"     # a difference of shares is not that model's


def test_a_least_squares_difference_says_nothing_of_adjustment_on_its_own():
    text = ("Methods: Patients were randomly assigned to drug X or placebo. Results: Pain fell more with drug X "
            "(least-squares mean difference [95% CI], -0.61 [-1.20, -0.02]; p = 0.04).")
    assert one(extract(text), "MD", -0.61)["adjusted"] == "unknown"


def test_the_methods_saying_a_kind_of_ratio_was_adjusted_adjusts_those_ratios():
    text = ("Methods: Patients were randomly assigned to drug X or placebo. Hazard ratios were estimated with Cox "
            "models stratified by region and adjusted for the baseline creatinine. Results: Death occurred less often "
            "with drug X (hazard ratio, 0.74; 95% CI, 0.60 to 0.91).")
    assert one(extract(text), "HR", 0.74)["adjusted"] == "yes"


def test_quality_adjusted_life_years_are_no_adjustment():
    text = ("Methods: Patients were randomly assigned to drug X or usual care. Results: The gain in quality-adjusted "
            "life years was small (mean difference 0.021, 95% CI -0.010 to 0.052).")
    assert one(extract(text), "MD", 0.021)["adjusted"] == "unknown"


# ---------------------------------------------------------------- roles of sentences

@pytest.mark.parametrize("subject", ["The intervention was", "The active treatment was", "The intervention group had"])
def test_the_trials_arm_named_by_its_role_is_no_patient_factor(subject):
    text = ("Methods: Women were randomly assigned to a compression garment or to standard care. Results: "
            f"{subject} associated with a non-significant 38% reduced odds of death (OR 0.62, 95% CI 0.20–1.91, "
            "p = 0.41).")
    assert one(extract(text), "OR", 0.62)["role"] == "effect"


def test_an_arm_named_with_prior_to_is_no_baseline_period():
    text = ("Methods: Women were randomly assigned to usual protocols or to the same protocols plus a garment prior to "
            "transfer. Results: Women with the garment recovered from shock faster (HR 1.31, 95% CI 1.05–1.63, "
            "p = 0.02).")
    assert one(extract(text), "HR", 1.31)["role"] == "effect"


def test_a_least_squares_mean_difference_is_between_the_arms():
    text = ("Methods: Patients were randomly assigned to drug X plus drug Y or to drug Y alone. Results: The mean "
            "reduction in pain with drug X plus drug Y, 1.62 points, was not greater than the mean reduction with drug "
            "Y alone, which was 1.48 points (least squares mean difference -0.14, 95% CI -0.41, 0.13, P = 0.31).")
    assert one(extract(text), "MD", -0.14)["role"] == "effect"


@pytest.mark.parametrize("sentence", [
    "The disability index decreased from 31.4 ± 15.2 to 22.8 ± 12.9 in the massage group.",
    "The mean (SD) disability index fell from 31.4 (15.2) to 22.8 (12.9) points with massage.",
])
def test_decreased_from_a_to_b_gives_a_baseline_and_b_an_outcome(sentence):
    text = "Methods: Patients were randomly assigned to massage or to usual care. Results: " + sentence
    table = extract(text)
    means = table[table["measure"] == "MEAN"].set_index("value")
    assert means.loc[31.4, "role"] == "baseline"
    assert means.loc[22.8, "role"] == "effect"


# ---------------------------------------------------------------- the trial's one time of assessment

def test_results_without_a_time_take_the_one_time_the_outcomes_are_assessed_at():
    text = ("Methods: Patients were randomly assigned to drug X or placebo. The primary outcome was the change from "
            "baseline to week 8 in the depression score; secondary outcomes included remission at week 8. Results: "
            "Remission occurred in 21 of 40 patients (52.5%) with drug X and 12 of 41 (29.3%) with placebo (risk "
            "difference 0.23, 95% CI 0.02 to 0.44). Nausea occurred in 9 of 40 patients (22.5%) with drug X and 3 of 41 "
            "(7.3%) with placebo.")
    table = extract(text)
    assert normalize_label(one(table, "RD", 0.23)["timepoint"]) == normalize_label("week 8")
    remission = table[(table["measure"] == "PROPORTION") & (table["events"].isin([21, 12]))]
    assert {normalize_label(t) for t in remission["timepoint"]} == {normalize_label("week 8")}
    # an adverse event is counted over the whole trial, not at its visit
    assert one(table, "PROPORTION", 0.225)["timepoint"] == ""


def test_two_times_of_assessment_leave_each_result_its_own():
    text = ("Methods: Patients were randomly assigned to drug X or placebo. The primary outcome was disability at 12 "
            "mo; secondary outcomes included disability at 6 mo. Results: Disability did not differ (difference "
            "-1.1, 95% CI -4.8 to 2.6).")
    assert one(extract(text), "MD", -1.1)["timepoint"] == ""


def test_a_hazard_ratio_takes_no_time_of_assessment():
    text = ("Methods: Patients were randomly assigned to drug X or placebo. The primary outcome was death or "
            "readmission at 12 months. Results: Death or readmission was less frequent with drug X (hazard ratio, "
            "0.78; 95% CI, 0.64 to 0.95).")
    assert one(extract(text), "HR", 0.78)["timepoint"] == ""


@pytest.mark.parametrize("when", ["at admittance", "at admission", "on arrival", "at presentation", "at randomisation"])
def test_a_list_of_shares_at_admission_is_baseline_every_item(when):
    text = ("Methods: 80 children were randomly assigned to zinc (n = 40) or placebo (n = 40). Results: In the zinc "
            f"group, cough, fever, wheeze and vomiting {when} were reported in 95, 40, 12.5 and 5%, respectively.")
    table = extract(text)
    shares = table[table["measure"] == "PROPORTION"]
    assert len(shares) == 4, table.to_string()
    assert set(shares["role"]) == {"baseline"}


def test_a_share_after_another_arms_count_keeps_its_own_clause():
    text = ("Methods: Women were randomly assigned to progesterone (n = 300) or placebo (n = 296). Results: In 8.0% "
            "(24/300) of the women in the progesterone group and 6.1% (18/296) of the women in the placebo group, "
            "treatment was stopped because of side effects (adjusted RR 1.31, 95% CI 0.73-2.36).")
    table = extract(text)
    assert set(table.loc[table["measure"] == "PROPORTION", "role"]) == {"effect"}


@pytest.mark.parametrize("first, second, expected", [
    ("1st visit", "2nd visit", ("1st visit", "2nd visit")),
    ("Visit 2", "Visit 3", ("visit 2", "visit 3")),
    ("At 6 mo", "At 12 mo", ("6 months", "12 months")),
    ("24 h after", "72 h after", ("24 hours after", "72 hours after")),
])
def test_a_header_naming_when_in_any_wording_gives_each_column_its_time(first, second, expected):
    text = f"""Patients were randomly assigned to drug X or placebo.
Table 2. Pain
| | {first} | | {second} | |
| Outcome | Drug X (n = 30) | Placebo (n = 30) | Drug X (n = 30) | Placebo (n = 30) |
| Pain, n (%) | 10 (33.3) | 15 (50.0) | 6 (20.0) | 14 (46.7) |
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], "Table 2. Pain", header_rows=2)
    got = [(r["intervention"], r["events"], r["timepoint"]) for r in rows]
    assert got == [("drug x", 10, expected[0]), ("placebo", 15, expected[0]),
                   ("drug x", 6, expected[1]), ("placebo", 14, expected[1])], got


def test_two_levels_of_when_over_the_arms_join_into_one_timepoint():
    text = """Patients were randomly assigned to drug X or placebo.
Table 2. Sensitivity
| | 1st session | | | |
| | During | | 24 h after | |
| Outcome | Drug X (n = 30) | Placebo (n = 30) | Drug X (n = 30) | Placebo (n = 30) |
| Sensitivity, n (%) | 10 (33.3) | 15 (50.0) | 6 (20.0) | 14 (46.7) |
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], "Table 2. Sensitivity", header_rows=3)
    assert [r["timepoint"] for r in rows] == ["1st session, during", "1st session, during",
                                              "1st session, 24 hours after", "1st session, 24 hours after"]


def test_a_range_in_a_header_is_a_category_not_a_time():
    from evidence_review.extract.table_reader import _when
    for cell in ("2-5 days", "5–14 years", "<6 hours", "6 to 12 months"):
        assert _when(cell) is None, cell


@pytest.mark.parametrize("sentence, value, words", [
    ("The benefit was larger in women aged 50 years or older (HR 0.61, 95% CI 0.45 to 0.83).", 0.61,
     "aged 50 years or older"),
    ("In women aged 50 years or older, the hazard ratio was 0.61 (95% CI 0.45 to 0.83).", 0.61,
     "women aged 50 years or older"),
    ("Among those older than 65 years, mortality was lower with drug X (RR 0.72, 95% CI 0.58 to 0.90).", 0.72,
     "older than 65 years"),
    ("In a post hoc analysis of patients with renal impairment, the HR was 0.66 (95% CI 0.49 to 0.89).", 0.66,
     "renal impairment"),
])
def test_more_wordings_of_a_subgroup(sentence, value, words):
    text = "Methods: Patients were randomly assigned to drug X or placebo. Results: " + sentence
    row = one(extract(text), "HR" if "HR" in sentence or "hazard" in sentence else "RR", value)
    assert row["role"] == "subgroup" and normalize_label(row["subgroup"]) == normalize_label(words)


def test_an_overall_effect_before_a_subgroups_bracket_is_no_subgroup():
    text = ("Methods: Patients were randomly assigned to drug X or placebo. Results: The effect of drug X on relapse "
            "(HR 0.55, 95% CI 0.40 to 0.76) was consistent in the subgroup of men (HR 0.58, 95% CI 0.38 to 0.88).")
    table = extract(text)
    assert (one(table, "HR", 0.55)["role"], one(table, "HR", 0.55)["subgroup"]) == ("effect", "")
    assert (one(table, "HR", 0.58)["role"], one(table, "HR", 0.58)["subgroup"]) == ("subgroup", "men")


def test_a_disease_opening_a_sentence_names_the_population_not_a_subgroup():
    text = ("Methods: Patients with heart failure were randomly assigned to drug X or placebo. Results: In patients "
            "with heart failure, the hazard ratio for death was 0.80 (95% CI 0.70 to 0.92).")
    assert one(extract(text), "HR", 0.80)["role"] == "effect"


@pytest.mark.parametrize("label", ["Odds ratio (95% CI)", "RR (95% CI)", "Risk difference", "aOR [95% CI]"])
def test_a_row_naming_a_comparison_under_arm_columns_holds_no_arms_data(label):
    text = f"""Patients were randomly assigned to drug X or placebo.
Table 2. Pain at each visit
| | First visit | | Last visit | |
| Measure | Drug X (n = 20) | Placebo (n = 20) | Drug X (n = 20) | Placebo (n = 20) |
| Pain, n (%) | 8 (40.0) | 9 (45.0) | 2 (10.0) | 3 (15.0) |
| {label} | 0.63 (0.21-1.88) | | 0.70 (0.14-3.40) | |
| Creatinine, md/dL | 0.9 (0.2) | 1.0 (0.3) | 0.9 (0.2) | 1.1 (0.3) |
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], "Table 2. Pain at each visit", header_rows=2)
    # (the row's cells are the comparison's own estimates, never an arm's figures: drug X against placebo, per visit)
    assert not [r for r in rows if r["value"] in (0.63, 0.7) and r["measure"] in ARM_LEVEL_MEASURES], rows
    assert all(not r["intervention"] or r["comparator"] for r in rows if r["value"] in (0.63, 0.7))
    effects = sorted((r["value"], r["comparator"]) for r in rows if r["value"] in (0.63, 0.7))
    assert effects == [(0.63, "placebo"), (0.7, "placebo")]
    # an abbreviation's letters inside a unit do not make a comparison
    assert len([r for r in rows if r["measure"] == "MEAN"]) == 4


@pytest.mark.parametrize("sentence, value, expected", [
    ("Sensitivity was less frequent with drug X (RR 0.71, 95% CI 0.45 to 1.12; P = 0.21, Fisher's exact test).",
     0.71, "no"),
    ("Over both sessions, the Mantel-Haenszel common odds ratio was 0.92 (95% CI 0.55 to 1.54).", 0.92, "yes"),
    ("In multivariate logistic regression, obesity remained a risk factor (OR 3.1, 95% CI 1.2-8.0).", 3.1, "yes"),
    ("In univariate analysis, obesity was a risk factor (OR 3.4, 95% CI 1.3-8.9).", 3.4, "no"),
])
def test_adjusted_from_the_analysis_a_sentence_names(sentence, value, expected):
    text = "Methods: Patients were randomly assigned to drug X or placebo. Results: " + sentence
    table = extract(text)
    row = table[(table["value"] - value).abs() < 1e-6]
    assert len(row) == 1 and row.iloc[0]["adjusted"] == expected, table.to_string()


@pytest.mark.parametrize("header, footnote, expected", [
    ("Univariate OR (95% CI)", "", "no"),
    ("Crude OR (95% CI)", "", "no"),
    ("Multivariable OR (95% CI)", "", "yes"),
    ("OR (95% CI)", "Mantel-Haenszel common odds ratio estimate, stratified by centre.", "yes"),
])
def test_adjusted_from_a_tables_header_or_footnote(header, footnote, expected):
    text = f"""Patients were randomly assigned to drug X or placebo.
Table 3. Relapse
| Outcome | Drug X (n = 50) | Placebo (n = 50) | {header} |
| Relapse, n (%) | 10 (20.0) | 18 (36.0) | 0.44 (0.18-1.09) |
{footnote}
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], "Table 3. Relapse", footnote=footnote)
    ratio = [r for r in rows if r["measure"] == "OR"]
    assert len(ratio) == 1 and ratio[0]["adjusted"] == expected, rows


@pytest.mark.parametrize("label", ["HR (beats/min)", "HR, bpm", "RR (breaths per minute)", "Mean HR"])
def test_a_vital_sign_abbreviated_like_an_effect_is_every_arms_figure(label):
    text = f"""Patients were randomly assigned to drug X or placebo.
Table 3. Vital signs after induction, mean (SD)
| Variable | Drug X (n = 30) | Placebo (n = 30) |
| {label} | 72.4 (8.1) | 78.9 (9.3) |
| MAP (mmHg) | 84.2 (7.7) | 88.0 (8.4) |
"""
    _, rows = read_pipe_table(text, text.split("\n")[2], "Table 3. Vital signs after induction, mean (SD)")
    means = sorted((r["intervention"], r["value"]) for r in rows if r["measure"] == "MEAN")
    assert ("drug x", 72.4) in means and ("placebo", 78.9) in means and len(means) == 4


def test_an_outcome_sentence_naming_its_kind_in_words_gives_the_time_of_assessment():
    text = ("Methods: Women were randomly assigned to vitamin D or no supplement. Primary health economic outcome was "
            "the cost of unscheduled care in the first two years of life. Results: Costs did not differ (mean "
            "difference in costs 1.12, 95%CI -1.50, 1.70).")
    row = one(extract(text), "MD", 1.12)
    assert normalize_label(row["timepoint"]) == normalize_label("first two years of life")


def test_a_childs_age_said_as_when_is_the_time_of_assessment():
    assert [tp for _, _, tp in timepoint_spans("stunting at age 18 months")] == ["18 months"]
    assert [tp for _, _, tp in timepoint_spans("wheeze at the age of 6 weeks")] == ["6 weeks"]
    assert timepoint_spans("falls at age 65 years") == []        # an adult's age is who, not when
    text = ("Methods: Infants were randomly assigned to a fortified or a basal porridge. The primary outcome was "
            "stunting at age 24 months. Results: Among infants of mothers who smoked, the fortified porridge reduced "
            "stunting (adjusted odds ratio 0.31; 95% CI 0.11, 0.86).")
    row = one(extract(text), "OR", 0.31)
    assert normalize_label(row["timepoint"]) == normalize_label("24 months") and row["role"] == "subgroup"


def test_mortality_at_the_time_of_assessment_takes_it():
    text = ("Methods: Patients were randomly assigned to drug X or usual care. The primary outcome was 28-day "
            "mortality. Results: Death occurred in 120 of 1000 patients with drug X and 150 of 1000 with usual care "
            "(rate ratio 0.80; 95% CI, 0.64 to 1.00).")
    assert normalize_label(one(extract(text), "IRR", 0.80)["timepoint"]) == normalize_label("28 days")


@pytest.mark.parametrize("mark, note, expected", [
    ("**", "**Mantel-Haenszel common odds ratio estimate;", "yes"),
    ("\u2020", "\u2020 Mantel-Haenszel odds ratio stratified by session.", "yes"),
    ("*", "*Crude odds ratio.", "no"),
])
def test_a_ratio_rows_footnote_mark_and_the_counts_above_it_say_whether_it_is_adjusted(mark, note, expected):
    header = "| Session | Moment of evaluation | During | | 24 h after | |"
    text = f"""Adults were randomly assigned to ketorolac or placebo in a crossover design.
Table 2. Risk of pain observed for each treatment
{header}
| | Group | Ketorolac | Placebo | Ketorolac | Placebo |
| 1st session | Presence of pain (yes/no) | (12/13) | (9/16) | (2/23) | (4/21) |
| | Odds ratio (95% CI) | 1.48 (0.49 -4.50) | | 0.46 (0.08 -2.78) | |
| Average | Odds ratio (95% CI) {mark} | 1.21 (0.52 -2.80) | | 0.61 (0.16 -2.33) | |
{note}
"""
    _, rows = read_pipe_table(text, header, "Table 2. Risk of pain observed for each treatment", footnote=note)
    adjusted = {r["value"]: r["adjusted"] for r in rows if r["measure"] == "OR"}
    # the unmarked ratio beside its arms' counts is their crude ratio; the marked one is what its footnote says
    assert adjusted == {1.48: "no", 0.46: "no", 1.21: expected, 0.61: expected}, rows
