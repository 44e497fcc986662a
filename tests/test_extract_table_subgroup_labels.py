"""Labels of matched rows: the subgroup of a table that describes part of the population (a caption whose closing
bracket names that part, subgroups.caption_subgroup; a stub of characteristics and their categories under a caption
"<outcome> according to <characteristics>", subgroups.stub_strata), the role of a document's own grid whatever the
design classifier said of its prose and of an arm's value at the trial's first measurement (meaning), and times read
as the document writes them (ordinal windows, times of day, pre- and post-procedure headings: timepoints). Tables and captions are written for these tests, in the shapes
reports use, with other names and numbers; each shape has a negative of the same look."""
from __future__ import annotations

import pandas as pd
import pytest
from table_grids import pipe_table

from evidence_review.extract import extract_study_tables
from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.meaning import is_baseline_caption, is_first_measurement, with_first_measurement_roles
from evidence_review.extract.subgroups import caption_subgroup, stratum_label, stub_strata
from evidence_review.extract.timepoints import label_moment, timepoint_spans, with_first_windows


def estimates(text: str, tables: list[dict], design: str = "RCT") -> list[dict]:
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.xml", status="ok", duplicate_of="", condition="",
                                   design=design)])
    out = extract_study_tables(documents, {"d": text}, {"d": {"tables": tables}}).estimates
    return out.astype(object).where(out.notna(), None).to_dict("records")


# ---------------------------------------------------------------- a caption's bracket naming part of the population

WHOLE = "Table 2. Surgical outcomes (all patients)."
PART = "Table 4. Surgical outcomes (lower-pole access patients)."


@pytest.mark.parametrize("caption, others, expected", [
    (PART, [WHOLE, PART], "lower-pole access patients"),
    ("Table 3. Operative findings (obese participants)", ["Table 2. Operative findings (whole sample)"],
     "obese participants"),
    ("Table 5. Pain scores (women)", [], "women"),
    ("Table 5. Pain scores (aged 70 years or older)", [], "aged 70 years or older"),
])
def test_a_caption_bracket_naming_part_of_the_population_is_the_subgroup(caption, others, expected):
    assert caption_subgroup(caption, others) == expected


@pytest.mark.parametrize("caption, others", [
    (WHOLE, [WHOLE, PART]),                                             # the whole trial
    (PART, [PART]),                                                     # no table of the whole or another part
    ("Table 2. Outcomes (obese patients)", []),                         # may be the whole trial's patients
    ("Table 2. Outcomes (ITT population)", ["Table 3. Outcomes (per-protocol population)"]),   # analysis sets
    ("Table 2. Pain scores (mean ± SD)", []),
    ("Table 2. Pain scores (n = 40 patients)", ["Table 1. Pain scores (all patients)"]),
    ("Table 2. Pain scores (ketorolac patients)", ["Table 1. Pain scores (all patients)"]),   # an arm
])
def test_a_caption_bracket_naming_the_whole_trial_a_format_or_an_arm_is_no_subgroup(caption, others):
    is_arm = (lambda text: "ketorolac" in text.lower())
    assert caption_subgroup(caption, others, is_arm) == ""


def test_rows_of_a_table_printed_again_for_part_of_the_population_carry_that_part():
    text = ("Methods: 90 patients were randomised to local infiltration (n = 45) or no infiltration (n = 45).\n"
            f"{WHOLE}\n"
            "| | Infiltration group (n = 45) | Control group (n = 45) | P |\n"
            "| Stone clearance | 38 (84.4) | 36 (80.0) | 0.6 |\n"
            "| Analgesic dose (mg) | 5.12 ± 2.41 | 8.33 ± 3.90 | 0.01 |\n"
            "\n"
            f"{PART}\n"
            "| | Infiltration group (n = 20) | Control group (n = 18) | P |\n"
            "| Stone clearance | 16 (80.0) | 13 (72.2) | 0.7 |\n"
            "| Analgesic dose (mg) | 4.71 ± 2.02 | 9.06 ± 4.17 | 0.02 |\n")
    whole = pipe_table(text, "| | Infiltration group (n = 45) | Control group (n = 45) | P |", "T2", WHOLE)
    part = pipe_table(text, "| | Infiltration group (n = 20) | Control group (n = 18) | P |", "T4", PART)
    rows = estimates(text, [whole, part])
    by_value = {round(float(r["value"]), 4): r for r in rows if r["measure"] in ("MEAN", "PROPORTION")}
    assert by_value[4.71]["subgroup"] == "lower-pole access patients"
    assert by_value[round(13 / 18, 4)]["subgroup"] == "lower-pole access patients"
    assert not by_value[5.12]["subgroup"] and not by_value[round(38 / 45, 4)]["subgroup"]


# ---------------------------------------------------------------- strata of a table's stub

@pytest.mark.parametrize("heading, category, expected", [
    ("Gender", "Female", "female"),
    ("Age (years)", "<50", "age < 50 years"),
    ("Age (Year)", "50-64", "age 50-64 years"),
    ("Alcohol use (drinks/week)", "> 14", "alcohol use > 14 drinks per week"),
    ("Smoking (cigarettes/day)", "> 10", "smoking > 10 cigarettes per day"),
    ("Cigarettes smoked (cigarettes/day)", "> 10", "cigarettes smoked > 10 per day"),   # (the unit repeats a word)
    ("Alcohol use (drinks/week)", "None", "no alcohol use"),
    ("Residence", "Rural", "residence: rural"),
])
def test_a_stratum_of_the_stub_is_written_as_the_labels_write_it(heading, category, expected):
    assert normalize_label(stratum_label(heading, category)) == normalize_label(expected)


STRATA_CAPTION = "Table 3. Mean peak flow according to sex and age group, before and after treatment"
STRATA_TEXT = (
    "Methods: Eighty adults with asthma were randomly assigned to drug X (n = 40) or placebo (n = 40).\n"
    f"{STRATA_CAPTION}\n"
    "| | | Drug X | Drug X | Placebo | Placebo |\n"
    "| | | Before | After | Before | After |\n"
    "| Sex | Men | 310±40 | 362±45 | 305±38 | 312±41 |\n"
    "| Sex | Women | 281±35 | 331±30 | 286±36 | 291±33 |\n"
    "| Sex | p value | 0.21 | 0.08 | 0.33 | 0.41 |\n"
    "| Age (years) | <40 | 322±31 | 371±29 | 318±30 | 320±35 |\n"
    "| Age (years) | ≥40 | 276±38 | 327±41 | 279±37 | 283±39 |\n")
STRATA_HEADER = "| | | Drug X | Drug X | Placebo | Placebo |"


def test_a_stub_of_characteristics_the_caption_lists_gives_each_row_its_stratum():
    table = pipe_table(STRATA_TEXT, STRATA_HEADER, caption=STRATA_CAPTION, header_rows=2)
    outcome, strata = stub_strata(table)
    assert outcome == "peak flow"
    assert sorted(set(strata.values())) == ["age <40 years", "age ≥40 years", "men", "women"]


def test_rows_of_a_table_of_one_outcome_per_stratum_carry_the_stratum_and_the_role_of_their_time():
    table = pipe_table(STRATA_TEXT, STRATA_HEADER, caption=STRATA_CAPTION, header_rows=2)
    rows = {r["value"]: r for r in estimates(STRATA_TEXT, [table]) if r["measure"] == "MEAN"}
    assert rows[362.0]["subgroup"] == "men" and rows[362.0]["outcome"] == "peak flow"
    assert rows[362.0]["role"] == "effect" and rows[310.0]["role"] == "baseline"
    assert normalize_label(rows[327.0]["subgroup"]) == normalize_label("age >= 40 years")


@pytest.mark.parametrize("caption", [
    "Table 1. Frequency distribution of the study population by age and sex",     # the strata are counted
    "Table 1. Baseline characteristics according to sex and age group",            # no outcome of its own
    "Table 3. Mean peak flow before and after treatment",                          # no characteristics listed
    "Table 3. Mean peak flow according to study site",                             # not the stub's characteristics
])
def test_a_stub_of_categories_under_another_caption_gives_no_strata(caption):
    table = pipe_table(STRATA_TEXT, STRATA_HEADER, caption=caption, header_rows=2)
    assert stub_strata(table) == ("", {})


# ---------------------------------------------------------------- roles

@pytest.mark.parametrize("caption", [
    "Table 1. Profiles of patients (all patients)",
    "Table 1. Demographic features of the participants",
    "Table 1. Characteristics of the study population",
])
def test_more_captions_of_patients_at_entry(caption):
    assert is_baseline_caption(caption)


@pytest.mark.parametrize("caption", [
    "Table 3. Profiles of pain scores after surgery",
    "Table 2. Features of the procedure",
])
def test_profiles_and_features_of_no_patients_are_no_baseline_caption(caption):
    assert not is_baseline_caption(caption)


OWN_TABLE = ("Methods: Sixty women were randomised to music (n = 30) or silence (n = 30).\n"
             "Table 2. Anxiety during the procedure\n"
             "| | Music (n = 30) | Silence (n = 30) | P |\n"
             "| Anxiety score | 3.1 ± 1.2 | 4.6 ± 1.5 | 0.01 |\n")


@pytest.mark.parametrize("design, expected", [
    ("RCT", "effect"),
    ("patient information", "effect"),     # a grid of the document's own arms: the trial's report
    ("news", "effect"),
    ("review", "secondary"),               # a review's tables are other trials'
])
def test_a_documents_own_arm_table_is_no_secondary_report_unless_a_review(design, expected):
    table = pipe_table(OWN_TABLE, "| | Music (n = 30) | Silence (n = 30) | P |", caption="Table 2. Anxiety during the procedure")
    rows = [r for r in estimates(OWN_TABLE, [table], design) if r["measure"] == "MEAN"]
    assert rows and {r["role"] for r in rows} == {expected}


@pytest.mark.parametrize("caption", [
    "Table 1. Patient’s characterization and treatment profile",
    "Table 1. Frequency distribution of patients according to marital status and schooling",
])
def test_captions_of_who_the_patients_were_in_other_words(caption):
    assert is_baseline_caption(caption)


def test_a_distribution_of_patients_after_treatment_is_no_baseline_caption():
    assert not is_baseline_caption("Table 3. Distribution of patients according to pain category after surgery")


# ---------------------------------------------------------------- the trial's first measurement is a baseline row

@pytest.mark.parametrize("timepoint", [
    "baseline", "Before", "pre", "before treatment", "before the intervention", "pre-op", "preoperative",
    "preprocedure", "pre-supplement", "Initial", "screening", "at enrollment", "on admission", "T0",
    "day 0 (before surgery)",
])
def test_the_first_measurement_however_named(timepoint):
    assert is_first_measurement(timepoint)


@pytest.mark.parametrize("timepoint", [
    "after", "post-op", "week 12", "before extubation", "before discharge", "pre-/posttreatment",
    "pretreatment to 16:00", "24-week visit, before the dose", "PACU admission", "visit 1 (day 7)", "",
])
def test_later_times_and_changes_are_no_first_measurement(timepoint):
    assert not is_first_measurement(timepoint)


@pytest.mark.parametrize("timepoint", ["day 0", "visit 1", "week 0"])
def test_a_time_counted_from_zero_is_the_first_measurement_in_a_table_only(timepoint):
    assert is_first_measurement(timepoint) and not is_first_measurement(timepoint, counted=False)


def test_an_arms_value_at_the_first_visit_of_a_table_is_baseline_and_a_later_one_is_not():
    rows = [dict(measure="MEAN", role="effect", timepoint="visit 1", finder="table"),
            dict(measure="MEAN", role="effect", timepoint="visit 2", finder="table"),
            dict(measure="MEAN", role="effect", timepoint="day 0", finder="sentence"),
            dict(measure="RR", role="effect", timepoint="baseline", finder="table"),
            dict(measure="PROPORTION", role="secondary", timepoint="baseline", finder="table")]
    assert [r["role"] for r in with_first_measurement_roles(rows)] == \
        ["baseline", "effect", "effect", "effect", "secondary"]


PHASE_TEXT = ("Methods: 70 patients were randomised to video distraction (group V, n = 35) or usual care (group U, n = 35).\n"
              "Table 2. Vital signs of the two groups\n"
              "| | Group V | Group U | P |\n"
              "| Preprocedure, mean ± SD: | | | |\n"
              "| Heart rate, beats/min | 84.10 ± 6.20 | 83.40 ± 7.10 | 0.6 |\n"
              "| Postprocedure, mean ± SD: | | | |\n"
              "| Heart rate, beats/min | 86.30 ± 5.90 | 91.20 ± 6.80 | 0.01 |\n")


def test_rows_under_a_pre_and_post_procedure_heading_carry_that_moment_and_the_first_is_baseline():
    table = pipe_table(PHASE_TEXT, "| | Group V | Group U | P |", caption="Table 2. Vital signs of the two groups")
    rows = {r["value"]: r for r in estimates(PHASE_TEXT, [table]) if r["measure"] == "MEAN"}
    assert rows[84.1]["timepoint"] == "preprocedure" and rows[84.1]["role"] == "baseline"
    assert rows[91.2]["timepoint"] == "postprocedure" and rows[91.2]["role"] == "effect"


# ---------------------------------------------------------------- windows and times of day

WINDOW_TEXT = ("Methods: 60 patients were randomised to a gelatin sponge (group S, n = 30) or none (group N, n = 30).\n"
               "Table 2. Wound drainage\n"
               "| Variable | Group S | Group N |\n"
               "| Drainage in 24 h (ml) | 151.2 ± 40.1 | 210.4 ± 55.3 |\n"
               "| Drainage in the second 24 h (ml) | 41.6 ± 9.2 | 58.8 ± 12.7 |\n")


def test_a_period_beside_the_second_window_of_its_length_is_the_first_window():
    table = pipe_table(WINDOW_TEXT, "| Variable | Group S | Group N |", caption="Table 2. Wound drainage")
    rows = {r["value"]: r for r in estimates(WINDOW_TEXT, [table]) if r["measure"] == "MEAN"}
    assert normalize_label(rows[151.2]["timepoint"]) == normalize_label("first 24 h")
    assert normalize_label(rows[58.8]["timepoint"]) == normalize_label("second 24 h")
    assert rows[58.8]["outcome"].startswith("Drainage") and "the" not in rows[58.8]["outcome"].split()


def test_a_bare_period_without_a_later_window_stays_as_printed():
    rows = [dict(timepoint="24 hours"), dict(timepoint="48 hours")]
    assert [r["timepoint"] for r in with_first_windows(rows)] == ["24 hours", "48 hours"]


@pytest.mark.parametrize("text, expected", [
    ("Pain score at 18:00 (SD)", "18:00"),
    ("Pain score at 07:30 next morning", "07:30 next morning"),
    ("Bleeding in the second 12 h", "second 12 hours"),
    ("during the first 48 hours", "first 48 hours"),
])
def test_times_of_day_and_ordinal_windows_are_times(text, expected):
    assert [tp for _, _, tp in timepoint_spans(text, bare_short=True)] == [expected]


@pytest.mark.parametrize("text", ["Sex ratio (M:F) 21:14", "Dilution 10:30", "Score 12:00"])
def test_a_pair_with_a_colon_not_said_at_a_time_is_no_time(text):
    assert timepoint_spans(text, bare_short=True) == []


@pytest.mark.parametrize("label, expected", [
    ("Pain score pretreatment", ("Pain score", "pretreatment")),
    ("SBP post-op", ("SBP", "post-op")),
    ("Heart rate, pre-procedure", ("Heart rate", "pre-procedure")),
    ("Pain reduction % pretreatment-18:00", ("Pain reduction %", "pretreatment to 18:00")),
    ("Pain reduction % pretreatment\u2014next day", ("Pain reduction %", "pretreatment to next day")),
    ("Pain reduction % pre-/posttreatment", ("Pain reduction %", "pre-/posttreatment")),
])
def test_a_row_label_ending_in_a_moment_of_the_treatment_says_when(label, expected):
    assert label_moment(label) == expected


@pytest.mark.parametrize("label", ["Time to pre-op", "Blood loss", "Pre-operative", "prednisolone dose",
                                   "Posttreatment"])
def test_a_label_without_a_moment_after_what_it_measures_says_no_time(label):
    assert label_moment(label) == (label, "")


MOMENT_TEXT = ("Methods: 40 patients were randomised to infusion A (n = 20) or saline (n = 20).\n"
               "Table 2. Pain\n"
               "| | Infusion A | Saline | P |\n"
               "| Pain score pretreatment (SD) | 7.10 (1.20) | 6.90 (1.40) | 0.5 |\n"
               "| Pain score posttreatment (SD) | 2.20 (1.10) | 4.60 (1.80) | 0.001 |\n"
               "| Pain reduction % pretreatment-18:00 (SD) | 61.5 (20.2) | 24.4 (30.1) | 0.001 |\n")


def test_rows_whose_label_ends_in_a_moment_carry_it_the_first_as_baseline_and_a_change_over_a_span_as_an_effect():
    table = pipe_table(MOMENT_TEXT, "| | Infusion A | Saline | P |", caption="Table 2. Pain")
    rows = {r["value"]: r for r in estimates(MOMENT_TEXT, [table]) if r["measure"] == "MEAN"}
    assert rows[7.1]["timepoint"] == "pretreatment" and rows[7.1]["role"] == "baseline"
    assert rows[4.6]["timepoint"] == "posttreatment" and rows[4.6]["role"] == "effect"
    assert rows[61.5]["timepoint"] == "pretreatment to 18:00" and rows[61.5]["role"] == "effect"


def test_arm_rows_under_columns_splitting_the_patients_at_a_median_are_subgroups_of_the_caption_outcome():
    # "IL-6 > median value | IL-6 < median value" over the arms' rows of deaths n/N: each column a half of the
    # patients, the outcome the caption's; a lone "> median" column stays the outcome of its own cells
    from table_grids import read_pipe_table
    methods = "Patients were randomly assigned to active treatment (n = 200) or placebo (n = 205).\n"
    caption = "Table 4. Cardiac deaths in placebo and active treatment groups above and below median value of IL-6."
    header = "| | IL-6 > median value | IL-6 < median value |"
    text = (methods + caption + "\n" + header + "\n"
            "| Active treatment | 7/98 | 4/102 |\n"
            "| Placebo | 14/101 | 12/104 |\n")
    _, rows = read_pipe_table(text, header, caption)
    got = [(r["measure"], r["events"], r["total"], r["intervention"], r["subgroup"]) for r in rows or []]
    assert got == [("PROPORTION", 7, 98, "active treatment", "IL-6 > median value"),
                   ("PROPORTION", 4, 102, "active treatment", "IL-6 < median value"),
                   ("PROPORTION", 14, 101, "placebo", "IL-6 > median value"),
                   ("PROPORTION", 12, 104, "placebo", "IL-6 < median value")]
    assert all(r["outcome"].startswith("Cardiac deaths") for r in rows)


def test_centre_split_stratum_needs_the_other_side_of_the_same_measure():
    from evidence_review.extract.subgroups import centre_split_stratum
    assert centre_split_stratum("IL-6 > median value", ["IL-6 < median value"]) == "IL-6 > median value"
    assert centre_split_stratum("Age > median", ["BMI < median"]) == ""
    assert centre_split_stratum("Age > 65 years", ["Age < 65 years"]) == ""
