"""Subgroup and timepoint labels of a table's figures: the part of the population a column block names
(subgroups.py), the time a caption names with its reference and the document's own statement of a bare time
(timepoints.py), and the scorer's reading of a label. Tables and sentences are written for these tests in the shapes
reports use, with other names and numbers."""
from __future__ import annotations

import pandas as pd
import pytest
from table_grids import pipe_table

from evidence_review.extract import extract_study_tables
from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.label_causes import cause_of, label_causes
from evidence_review.extract.subgroups import column_subgroups, population_label
from evidence_review.extract.timepoints import (caption_time, referenced_times, time_key, timepoint_spans,
                                                with_document_times)


def rows_of(text: str, header_line: str, caption: str, header_rows: int) -> list[dict]:
    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    return estimates.astype(object).where(estimates.notna(), None).to_dict("records")


# ---------------------------------------------------------------- which header cells name part of the population

@pytest.mark.parametrize("cell, context, expected", [
    ("7 to 14 years old", "", "age 7 to 14 years old"),
    ("Under 2 years", "Age group", "age under 2 years"),
    ("18–49 y", "Age (years)", "age 18–49 y"),
    ("Age >= 70", "", "age >= 70"),
    ("Aged 70 or older", "", "aged 70 or older"),
    ("70 years and over", "Age", "age 70 years and over"),
    ("Women (n = 52)", "", "women"),
    ("Boys", "", "boys"),
    ("Diabetics", "", "diabetics"),
    ("Epileptics", "", "epileptics"),
    ("Non-responders (n = 12)", "", "non-responders"),
    ("Snorers", "", "snorers"),
    ("Non-smokers", "", "non-smokers"),
    ("Healthy volunteers", "", "healthy volunteers"),
    ("Patients with heart failure", "", "patients with heart failure"),
    ("Without prior stroke", "", "without prior stroke"),
    ("KRAS-negative", "", "kras-negative"),
    ("Per protocol", "", "per protocol"),
    ("mITT", "", "mitt"),
    ("Hypertensive patients (n = 41)", "", "hypertensive patients"),
    ("Pregnant women, n = 30", "", "pregnant women"),
    ("< 50 years", "", "age < 50 years"),
    (">= 50 yrs", "Drug X | Placebo", "age >= 50 yrs"),
])
def test_a_header_naming_part_of_the_population_is_a_subgroup(cell, context, expected):
    assert population_label(cell, context) == expected


@pytest.mark.parametrize("cell, context", [
    ("Drug X", ""), ("Placebo (n = 40)", ""), ("Controls", ""), ("Week 12", ""), ("Baseline", ""),
    ("0-6 months", "Follow-up"),          # a band of follow-up, not of age
    ("<3 months", "Duration of symptoms"),
    ("< 10 years", "Duration of diabetes"),      # years of disease, not of age
    ("Treated patients", ""), ("Ketamine patients", ""),
    ("Characteristics", ""), ("Statistics", ""), ("Parameters", ""), ("Others", ""), ("Beta blockers", ""),
    ("ACE inhibitors", ""),
    ("Total", ""), ("Mean ± SD", ""), ("p value", ""), ("Group B", ""),
])
def test_arms_times_and_statistics_are_no_subgroup(cell, context):
    assert population_label(cell, context) == ""


def test_a_header_level_of_age_bands_over_the_whole_population_gives_each_column_its_band():
    text = """Table 3. Complications by age band
| Complication | Age, n/N (%) | Age, n/N (%) | Age, n/N (%) | P |
| Complication | 1 to 4 years | 5 to 9 years | 10 to 15 years | P |
| Wound infection | 3/120 (2.5) | 5/210 (2.4) | 2/90 (2.2) | 0.9 |
| Relapse | 1/120 (0.8) | 6/210 (2.9) | 4/90 (4.4) | 0.2 |
"""
    table = pipe_table(text, text.split("\n")[1], caption="Table 3. Complications by age band", header_rows=2)
    assert column_subgroups(table) == {1: "age 1 to 4 years", 2: "age 5 to 9 years", 3: "age 10 to 15 years"}
    # an arm among the cells makes the level no level of subgroups
    assert column_subgroups(table, is_arm=lambda t: t.startswith("5 to")) == {}


def test_a_level_of_arms_or_times_is_no_level_of_subgroups():
    text = """Table 2. Scores
| | Drug Y | Placebo |
| | Week 0 | Week 8 |
| Score | 4.1 ± 1.0 | 3.2 ± 1.1 |
"""
    table = pipe_table(text, text.split("\n")[1], caption="Table 2. Scores", header_rows=2)
    assert column_subgroups(table) == {}


def test_rows_under_a_block_of_patients_spanning_arms_and_times_keep_their_block():
    text = """Patients were randomly assigned to drug Q or placebo in a crossover design.
Table 1. Lung function in healthy and asthmatic subjects
| | Healthy volunteers | Healthy volunteers | Healthy volunteers | Healthy volunteers | Asthmatics | Asthmatics | Asthmatics | Asthmatics |
| | Placebo | Placebo | Drug Q | Drug Q | Placebo | Placebo | Drug Q | Drug Q |
| | Baseline | Post | Baseline | Post | Baseline | Post | Baseline | Post |
| FEV1, L | 3.41 ± 0.52 | 3.39 ± 0.50 | 3.44 ± 0.48 | 3.47 ± 0.51 | 2.51 ± 0.70 | 2.48 ± 0.72 | 2.55 ± 0.69 | 2.31 ± 0.74 |
"""
    rows = [r for r in rows_of(text, text.split("\n")[2], "Table 1. Lung function in healthy and asthmatic subjects", 3)
            if r["measure"] == "MEAN"]
    by_value = {r["value"]: r["subgroup"] for r in rows}
    assert by_value.get(3.47) == "healthy volunteers", rows
    assert by_value.get(2.31) == "asthmatics", rows


def test_counts_sharing_one_denominator_across_bands_are_a_distribution_not_subgroups():
    text = """Table 1. Patients by age band
| Variable | Age | Age | Age |
| Variable | 1 to 4 years | 5 to 9 years | 10 to 15 years |
| Open repair | 61/300 (20.3) | 150/300 (50.0) | 89/300 (29.7) |
| Relapse | 1/120 (0.8) | 6/210 (2.9) | 4/90 (4.4) |
"""
    rows = [r for r in rows_of(text, text.split("\n")[1], "Table 1. Patients by age band", 2)
            if r["measure"] == "PROPORTION"]
    by_events = {(r["events"], r["total"]): r.get("subgroup") for r in rows}
    assert not by_events.get((150, 300)), rows
    assert by_events.get((6, 210)) == "age 5 to 9 years", rows


# ---------------------------------------------------------------- times with their reference

@pytest.mark.parametrize("text, expected", [
    ("titres 2 months after the last dose were", "2 months after the last dose"),
    ("at three weeks after the second vaccination,", "three weeks after the second vaccination"),
    ("antibodies 6 weeks following the first injection", "6 weeks following the first injection"),
    ("at 4 months from the final booster", "4 months from the final booster"),
    ("measured at 12 weeks after the 3rd cycle", "12 weeks after the 3rd cycle"),
    ("measured 15 minutes after treatment", "15 minutes after treatment"),
    ("at 4 weeks after injection", "4 weeks after injection"),
    ("pain 3 hours after the operation was", "3 hours after the operation"),
    # the usual origin is no part of the label
    ("at 8 weeks after randomisation", "8 weeks"),
])
def test_a_time_keeps_the_event_it_counts_from(text, expected):
    assert [tp for _, _, tp in timepoint_spans(text)] == [expected]


@pytest.mark.parametrize("text, key", [
    ("2 months", (2, "month")), ("two months", (2, "month")), ("month 2", (2, "month")), ("Week 16", (16, "week")),
    ("16-week", (16, "week")), ("day 0", (0, "day")), ("6 months after surgery", None), ("weeks 1-12", None),
])
def test_the_key_of_a_bare_time(text, key):
    assert time_key(text) == key


def test_a_bare_time_takes_the_documents_one_statement_of_its_reference():
    text = ("Antibody titres were measured two and nine months from the last dose. At 9 months after the last dose "
            "titres had declined. Blood pressure was read at 3 months.")
    assert referenced_times(text) == {(2, "month"): " after the last dose", (9, "month"): " after the last dose"}
    rows = with_document_times([{"timepoint": "2 months"}, {"timepoint": "month 9"}, {"timepoint": "3 months"},
                                {"timepoint": ""}], text)
    assert [r["timepoint"] for r in rows] == ["2 months after the last dose", "month 9 after the last dose",
                                               "3 months", ""]


def test_a_time_with_two_references_keeps_its_bare_form():
    text = "Titres were read 1 month after the first dose and again 1 month after the last dose."
    assert referenced_times(text) == {}
    assert with_document_times([{"timepoint": "1 month"}], text)[0]["timepoint"] == "1 month"


@pytest.mark.parametrize("caption, expected", [
    ("Table 2. Rates of wound complications two years after surgery by technique", "two years after surgery"),
    ("Table 4. Adverse events recorded at least once during the follow-up", "follow-up"),
    ("Table 3. Serious events over the whole follow up period", "follow-up"),
    ("Table 1. Characteristics at enrolment", ""),
    ("Table 3. Outcomes at 3 and 9 months after surgery", ""),      # a list: the columns say which
    ("Table 5. Recovery 24 hours after surgery and 24 hours after discharge", ""),
    ("Table 2. Clinical outcomes at hospital discharge", "hospital discharge"),
    ("Table 3. Scores at the end of the treatment", "the end of the treatment"),
    ("Table 4. Neonatal outcomes at birth and at discharge", ""),      # two events: the rows say which
    ("Table 1. Scores at baseline and at the end of the study", ""),
    ("Table 1. Characteristics of the patients", ""),
])
def test_a_caption_gives_its_time_with_a_reference(caption, expected):
    assert caption_time(caption) == expected


# ---------------------------------------------------------------- the scorer and the diagnostic

@pytest.mark.parametrize("a, b", [
    ("ninth week", "week 9"), ("3rd month", "3 months"), ("diabetic subjects", "diabetics"),
    ("smokers", "smoker"), ("during follow-up", "follow-up"), ("healthy individuals", "healthy"),
    ("Baseline", "before therapy"), ("Pre", "before treatment"), ("post", "after treatment"), ("After", "Post-intervention"),
    ("participants aged 70 years or older", "age >= 70 years"), ("age at least 70 years", "aged ≥ 70 years"),
    ("under 5 years", "< 5 years"), ("below the median", "< median"), ("women", "female participants"),
    ("weeks 2 to 8", "weeks 2-8"),
])
def test_the_scorer_reads_ordinals_plurals_and_who_words_alike(a, b):
    assert normalize_label(a) == normalize_label(b)


@pytest.mark.parametrize("a, b", [
    ("week 9", "week 10"), ("smokers", "non-smokers"), ("diabetics", "non-diabetics"), ("3 months", "3 weeks"),
    ("before", "after"), ("pre-supplement", "pre"), ("before weaning", "baseline"), ("12 weeks after treatment", "after"),
    ("age < 70", "age >= 70"), ("above the median", "below the median"), ("men", "women"), ("age <= 5", "age < 5"),
])
def test_the_scorer_still_tells_different_labels_apart(a, b):
    assert normalize_label(a) != normalize_label(b)


def test_the_diagnostic_sorts_wrong_labels_by_cause():
    assert cause_of("week 12", None) == "missing"
    assert cause_of("", "week 12") == "spurious"
    assert cause_of("9 months after the last dose", "9 months") == "wrong form"
    assert cause_of("before", "before treatment") == "wrong form"
    assert cause_of("week 12", "week 24") == "wrong value"
    causes = label_causes([{"gold": "week 12", "predicted": ""}, {"gold": "week 12", "predicted": ""},
                           {"gold": "", "predicted": "day 3"}])
    assert causes["missing"][("week 12", "")] == 2 and sum(causes["spurious"].values()) == 1


# ---------------------------------------------------------------- bare numbers under a unit of time

@pytest.mark.parametrize("path, expected", [
    (["Arm and visit number, mean (SD)", "Drug Z", "3"], "visit 3"),
    (["Week", "16"], "week 16"),
    (["Time (h)", "6"], "hour 6"),
    (["Cycle of chemotherapy", "Placebo", "2"], "cycle 2"),
    (["Number of days", "3"], ""),
    (["Length of stay (days)", "2"], ""),
    (["Dose (mg)", "10"], ""),
    (["Drug Z", "2"], ""),
    (["Week", "Day", "4"], ""),          # two units: which one is unclear
    (["Visit", "Baseline"], ""),
])
def test_a_bare_number_under_a_unit_of_time_is_that_time(path, expected):
    from evidence_review.extract.timepoints import column_time
    assert column_time(path) == expected


def test_rows_under_numbered_visit_columns_take_their_visit():
    text = """Patients were randomly assigned to coaching or usual care.
Table 2. Scores at the three visits
| Item | Arm and visit number, median (IQR) | Arm and visit number, median (IQR) | Arm and visit number, median (IQR) | Arm and visit number, median (IQR) |
| | Usual care | Usual care | Coaching | Coaching |
| | 1 | 2 | 1 | 2 |
| Fatigue score | 41 (22) | 37 (25) | 40 (19) | 28 (17) |
"""
    rows = [r for r in rows_of(text, text.split("\n")[2], "Table 2. Scores at the three visits", 3)
            if r["measure"] == "MEDIAN"]
    assert {r["value"]: normalize_label(r["timepoint"]) for r in rows} == {
        41: normalize_label("visit 1"), 37: normalize_label("visit 2"), 40: normalize_label("visit 1"),
        28: normalize_label("visit 2")}, rows


@pytest.mark.parametrize("path", [
    ["10 minutes after the injection", "10 minutes after the injection", "2"],
    ["At 6 weeks", "3"],
])
def test_a_number_under_a_header_that_is_itself_a_time_is_no_count_of_its_unit(path):
    from evidence_review.extract.timepoints import column_time
    assert column_time(path) == ""


@pytest.mark.parametrize("corner, path, expected", [
    (["Time point", "Group"], ["Start of infusion", "Drug Q"], "start of infusion"),
    (["Timepoints", ""], ["30 minutes after induction", "1"], "30 minutes after induction"),
    (["", "Time of assessment"], ["Score", "End of surgery"], "end of surgery"),
    (["Follow-up:", "Arm"], ["Discharge", "Control"], "discharge"),
    (["Outcome", "Group"], ["Start of infusion", "Drug Q"], ""),       # the stub names no row of times
    (["Time point"], ["Time point"], ""),                                # the corner's own cell
    (["Time point", ""], ["3", "Drug Q"], ""),                           # a bare number is no time by itself
    (["Duration of stay", ""], ["Ward", "Drug Q"], ""),
])
def test_a_header_row_the_stub_declares_times_gives_each_column_its_time(corner, path, expected):
    from evidence_review.extract.timepoints import corner_time
    assert corner_time(corner, path) == expected


def test_score_columns_under_times_the_stub_declares_take_those_times():
    text = """Children were randomly assigned to clonidine or dexmedetomidine; sixteen children were studied.
Table 2. Calmness scores with each drug at different time points
| Time point | Start of infusion | Start of infusion | 10 minutes after infusion | 10 minutes after infusion |
| Drug | 1 | 2 | 1 | 2 |
| Clonidine | 12.5% | 87.5% | 25.0% | 75.0% |
| Dexmedetomidine | 62.5% | 37.5% | 6.3% | 93.7% |
"""
    rows = [r for r in rows_of(text, text.split("\n")[2], "Table 2. Calmness scores with each drug at different "
                               "time points", 2) if r["measure"] == "PROPORTION"]
    times = {round(r["value"], 3): normalize_label(r["timepoint"]) for r in rows}
    assert times.get(0.125) == normalize_label("start of infusion"), rows
    assert times.get(0.75) == normalize_label("10 minutes after infusion"), rows
    # (the row's shares are all counts of 16, the sixteen children: 93.7% is read as 15 of 16, 0.9375)
    assert times.get(0.938) == normalize_label("10 minutes after infusion"), rows
    assert not any("minute 1" == str(r["timepoint"]) or "minute 2" == str(r["timepoint"]) for r in rows)


def test_the_diagnostic_refuses_the_validation_batches(capsys):
    from evidence_review.extract.label_causes import main
    assert main(["--set", "heldout14"]) == 2
    assert "validation" in capsys.readouterr().err
