"""Table shapes of full trial reports that carry more than arms x outcomes: strata over the arm columns or above
the rows, a whole-population column and percentages of another denominator, heading rows with a p-value, labels
broken over two lines, M/F count pairs, formats named only in a footnote, yearly event rates beside an adjusted
hazard ratio whose interval has its own column, and JATS sub-header rows written without their empty cells.
Every table is written here, shaped like the ones met in reports (numbers and names invented)."""
from __future__ import annotations

import pandas as pd
import pytest
from lxml import etree
from table_grids import pipe_table
from table_grids import read_pipe_table as _read

from evidence_review.extract import extract_estimates, extract_study_tables
from evidence_review.extract.meaning import tidy_subgroup
from evidence_review.extract.study import Arm, Study, build_study
from evidence_review.extract.table_reader import read_table, without_repeats
from evidence_review.ingest.markuptables import grid_from_table



def test_strata_spanning_the_arm_columns_are_each_cells_subgroup():
    text = """Patients were randomly assigned to rituximab (n = 58) or placebo (n = 55).
Table 2. Remission by sex
| | Men | | Women | |
| Outcome | Rituximab (n = 30) | Placebo (n = 28) | Rituximab (n = 28) | Placebo (n = 27) |
| Remission, n (%) | 12 (40.0) | 6 (21.4) | 10 (35.7) | 5 (18.5) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Remission by sex", header_rows=2)
    assert [(r["intervention"], r["events"], r["total"], r["subgroup"], r["role"]) for r in rows] == [
        ("rituximab", 12, 30, "Men", "subgroup"), ("placebo", 6, 28, "Men", "subgroup"),
        ("rituximab", 10, 28, "Women", "subgroup"), ("placebo", 5, 27, "Women", "subgroup")]


def test_a_lone_header_over_empty_cells_is_no_stratum():
    # "Treatment" printed once over both arms spans nothing: the arms are the trial's, not a stratum's
    text = """Patients were randomly assigned to rituximab (n = 60) or placebo (n = 58).
| | Treatment | | |
| Outcome | Rituximab (n = 60) | Placebo (n = 58) | P value |
| Remission, n (%) | 20 (33.3) | 10 (17.2) | 0.04 |
"""
    _, rows = _read(text, text.split("\n")[1], header_rows=2)
    assert [(r["intervention"], r["events"], r["total"], r["subgroup"]) for r in rows] == [
        ("rituximab", 20, 60, ""), ("placebo", 10, 58, "")]


def test_a_heading_row_naming_patients_is_the_stratum_of_the_rows_under_it():
    text = """Patients were randomly assigned to drug A (n = 200) or placebo (n = 198).
Table 3. Primary outcome by analysis set
| Outcome | Drug A (n = 200) | Placebo (n = 198) | P value |
| Intention-to-treat population | | | |
| Stroke, n (%) | 20 (10.0) | 32 (16.2) | 0.06 |
| Per-protocol population | | | |
| Stroke, n (%) | 15 (8.3) | 29 (15.8) | 0.03 |
| Age >= 65 years | | | |
| Stroke, n (%) | 9 (12.0) | 14 (18.7) | 0.25 |
| Study population | | | |
| Death, n (%) | 4 (2.0) | 6 (3.0) | 0.5 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Primary outcome by analysis set")
    assert [(r["intervention"], r["events"], r["subgroup"], r["role"], r["outcome"]) for r in rows] == [
        ("drug a", 20, "", "", "Stroke"), ("placebo", 32, "", "", "Stroke"),
        ("drug a", 15, "Per-protocol population", "subgroup", "Stroke"),
        ("placebo", 29, "Per-protocol population", "subgroup", "Stroke"),
        ("drug a", 9, "Age >= 65 years", "subgroup", "Stroke"),
        ("placebo", 14, "Age >= 65 years", "subgroup", "Stroke"),
        # the whole trial again: no stratum
        ("drug a", 4, "", "", "Death"), ("placebo", 6, "", "", "Death")]


def test_a_heading_row_with_a_p_value_gives_its_n_pct_format_to_the_categories_under_it():
    # without the heading's "n (%)", "41 (48.2)" in an arm of 88 reads as a mean and its SD; the categories add up
    # to fewer patients than the arm (missing data): their percentages are of that sum
    text = """Patients were randomly assigned to surgery alone (n = 89) or surgery plus drug B (n = 88).
Table 1. Baseline characteristics.
| | Surgery alone (n = 89) | Drug B (n = 88) | P value |
| Lymph-node metastasis, n (%) | | | 0.041 |
| n0 | 29 (33.0) | 41 (48.2) | |
| n+ | 59 (67.0) | 44 (51.8) | |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Baseline characteristics.")
    assert [(r["measure"], r["intervention"], r["events"], r["total"], r["role"], r["outcome"]) for r in rows] == [
        ("PROPORTION", "surgery", 29, 88, "baseline", "Lymph-node metastasis: n0"),
        ("PROPORTION", "drug b", 41, 85, "baseline", "Lymph-node metastasis: n0"),
        ("PROPORTION", "surgery", 59, 88, "baseline", "Lymph-node metastasis: n+"),
        ("PROPORTION", "drug b", 44, 85, "baseline", "Lymph-node metastasis: n+")]
    assert all(r["flags"] == "total_from_percentage" and r["needs_review"] for r in rows)


def test_a_standalone_row_keeps_its_arm_total_when_the_percentage_is_only_rounded_loosely():
    text = """Patients were randomly assigned to drug C (n = 268) or drug D (n = 268).
Table 1. Baseline characteristics of enrolled patients.
| Characteristic | Drug C (n = 268) | Drug D (n = 268) | P |
| Anaemia | 49 (18.4) | 44 (16.5) | 0.35 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Baseline characteristics of enrolled patients.")
    assert [(r["events"], r["total"]) for r in rows] == [(49, 268), (44, 268)]


def test_a_label_broken_over_two_lines_and_a_median_min_max_with_a_comma():
    text = """Patients were randomly assigned to surgery alone (n = 89) or drug B (n = 88).
Table 1. Baseline characteristics.
| | Surgery alone (n = 89) | Drug B (n = 88) | P value |
| Time from operation to | 27.0 (14, 77) | 28.5 (14, 55) | 0.794 |
| randomisation (days), median (min, max) | | | |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Baseline characteristics.")
    assert [(r["measure"], r["value"], r["range_low"], r["range_high"], r["q1"], r["outcome"]) for r in rows] == [
        ("MEDIAN", 27.0, 14.0, 77.0, None, "Time from operation to randomisation (days)"),
        ("MEDIAN", 28.5, 14.0, 55.0, None, "Time from operation to randomisation (days)")]


def test_sex_count_pairs_are_the_first_sex_over_both():
    text = """Patients were randomly assigned to drug C (n = 268) or drug D (n = 268).
Table 1. Baseline characteristics
| Characteristic | Drug C (n = 268) | Drug D (n = 268) | P |
| Gender: Male/Female (ratio) | 126/142 (0.89) | 132/136 (0.97) | 0.60 |
| Sex (F/M) | 150/118 | 140/128 | 0.50 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Baseline characteristics")
    assert [(r["outcome"], r["events"], r["total"], r["role"]) for r in rows] == [
        ("male sex", 126, 268, "baseline"), ("male sex", 132, 268, "baseline"),
        ("female sex", 150, 268, "baseline"), ("female sex", 140, 268, "baseline")]


def test_a_whole_population_column_and_percentages_of_all_patients():
    # every percentage is of all 93 patients, not of the arm: the count stays over its arm, flagged; the
    # "All patients" column gives the whole population's baseline figures; an outcome table's total is not read
    text = """Methods: 46 patients were randomly assigned to drug E (n = 46) and 47 to placebo (n = 47).
Table 1. Patients characteristics at baseline
| Characteristic | All patients (%) | Drug E (%) | Placebo (%) | P value |
| Age (years) | 45.0 ± 1.2 | 44.2 ± 3.4 | 45.8 ± 2.8 | 0.47 |
| Males | 48 (51.6) | 24 (25.8) | 24 (25.8) | 0.91 |
| Diabetes mellitus | 25 (26.9) | 14 (15.1) | 11 (11.8) | 0.44 |
Table 3. Complications
| Complication | All patients (%) | Drug E (%) | Placebo (%) | P value |
| GI bleeding | 5 (5.3) | 2 (2.1) | 3 (3.2) | 0.31 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Patients characteristics at baseline")
    assert [(r["measure"], r["intervention"], r["value"], r["events"], r["total"], r["role"]) for r in rows] == [
        ("MEAN", "drug e", 44.2, None, 46, "baseline"), ("MEAN", "placebo", 45.8, None, 47, "baseline"),
        ("MEAN", "all patients", 45.0, None, 93, "baseline"),
        ("PROPORTION", "drug e", pytest.approx(24 / 46), 24, 46, "baseline"),
        ("PROPORTION", "placebo", pytest.approx(24 / 47), 24, 47, "baseline"),
        ("PROPORTION", "all patients", pytest.approx(48 / 93), 48, 93, "baseline"),
        ("PROPORTION", "drug e", pytest.approx(14 / 46), 14, 46, "baseline"),
        ("PROPORTION", "placebo", pytest.approx(11 / 47), 11, 47, "baseline"),
        ("PROPORTION", "all patients", pytest.approx(25 / 93), 25, 93, "baseline")]
    arm_rows = [r for r in rows if r["measure"] == "PROPORTION" and r["intervention"] != "all patients"]
    assert all("of 93 (all patients)" in r["needs_review"] for r in arm_rows)
    _, outcome_rows = _read(text, text.split("\n")[7], "Table 3. Complications")
    assert [(r["intervention"], r["events"], r["total"]) for r in outcome_rows] == [("drug e", 2, 46), ("placebo", 3, 47)]


def test_a_format_named_only_in_a_footnote():
    text = """Patients were randomly assigned to drug F (n = 25) or placebo (n = 25).
Table 1. Demographic profile
| Variables | Drug F (n = 25) | Placebo (n = 25) |
| Weight (kg) | 64.2 (9.7) | 69.2 (11.2) |
| Diabetes | 12 (48.0) | 10 (40.0) |
Data are mean (standard deviation) or n (%)."""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Demographic profile", footnote="or n (%).")
    # two formats named: the cells decide ("12 (48.0)" is 48.0% of 25)
    assert [(r["measure"], r["value"], r["sd"], r["events"]) for r in rows] == [
        ("MEAN", 64.2, 9.7, None), ("MEAN", 69.2, 11.2, None),
        ("PROPORTION", pytest.approx(0.48), None, 12), ("PROPORTION", pytest.approx(0.4), None, 10)]
    text = """Patients were randomly assigned to drug F (n = 25) or placebo (n = 25).
Table 1. Demographic profile
| Variables | Drug F (n = 25) | Placebo (n = 25) |
| Duration of surgery (min) | 15 (4.3) | 14 (2.5) |
Data Mean (standard deviation), # p < 0.05"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Demographic profile", footnote="# p < 0.05")
    # "15 (4.3)" in an arm of 25 could be 15 patients (60%?) — the footnote says it is a mean and its SD
    assert [(r["measure"], r["value"], r["sd"]) for r in rows] == [("MEAN", 15.0, 4.3), ("MEAN", 14.0, 2.5)]


def test_yearly_event_rates_beside_an_adjusted_hazard_ratio_and_its_interval_column():
    text = """Patients were randomly assigned to pravastatin (n = 793) or to a control group (n = 785).
Table 2. Incidence of vascular events
| | Event rate, %/year | Event rate, %/year | Adjusted hazard ratio | 95% confidence interval | p value |
| | Pravastatin | Control | | | |
| Myocardial infarction | 0.10 | 0.18 | 0.55 | 0.16 to 1.89 | 0.34 |
"""
    # (an HTML colspan is repeated in each column it covers, as ingestion writes it)
    _, rows = _read(text, text.split("\n")[2], "Table 2. Incidence of vascular events", header_rows=2)
    assert [(r["measure"], r["intervention"], r["comparator"], r["value"], r["ci_low"], r["ci_high"], r["p_value"],
             r["unit"], r["adjusted"]) for r in rows] == [
        ("ARR", "pravastatin", "", 0.10, None, None, None, "per 100 patient-years", "no"),
        ("ARR", "control", "", 0.18, None, None, None, "per 100 patient-years", "no"),
        ("HR", "pravastatin", "control", 0.55, 0.16, 1.89, 0.34, "", "yes")]


def test_a_jats_sub_header_row_written_without_its_empty_cells_sits_under_the_spanning_cell():
    table = etree.fromstring(
        "<table><thead><tr><th/><th colspan='2'>Event rate, %/year</th><th>Adjusted hazard ratio</th><th>p value</th>"
        "</tr><tr><th>Drug A</th><th>Control</th></tr></thead><tbody>"
        "<tr><td>Death</td><td>1.11</td><td>0.90</td><td>1.23</td><td>0.36</td></tr></tbody></table>")
    grid = grid_from_table(table)
    assert grid.header_rows == 2
    assert grid.rows == [["", "Event rate, %/year", "Event rate, %/year", "Adjusted hazard ratio", "p value"],
                         ["", "Drug A", "Control", "", ""],
                         ["Death", "1.11", "0.90", "1.23", "0.36"]]
    # a sub-header row that fills every column is read as written
    table = etree.fromstring(
        "<table><thead><tr><th rowspan='2'>Outcome</th><th colspan='2'>Week 24</th></tr>"
        "<tr><th>Drug A</th><th>Control</th></tr></thead><tbody>"
        "<tr><td>Death</td><td>1</td><td>2</td></tr></tbody></table>")
    assert grid_from_table(table).rows[1] == ["Outcome", "Drug A", "Control"]


def test_the_flow_keeps_a_baseline_tables_stratum_and_the_tables_review_reason():
    text = """Methods: Patients were randomly assigned to drug A (n = 60) or placebo (n = 60).
Results
Table 1. Baseline characteristics
| | Men | | Women | |
| Characteristic | Drug A (n = 30) | Placebo (n = 30) | Drug A (n = 30) | Placebo (n = 30) |
| Age, years, mean (SD) | 42.1 (11.3) | 44.0 (12.5) | 40.2 (10.1) | 41.9 (9.8) |
| Diabetes, n (%) | 9 (45.0) | 8 (26.7) | 7 (23.3) | 6 (20.0) |
"""
    table = pipe_table(text, text.split("\n")[3], caption="Table 1. Baseline characteristics", header_rows=2)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    table_rows = estimates[estimates["finder"] == "table"]
    assert list(zip(table_rows["intervention"], table_rows["role"], table_rows["subgroup"])) == [
        ("drug a", "baseline", "Men"), ("placebo", "baseline", "Men"),
        ("drug a", "baseline", "Women"), ("placebo", "baseline", "Women")] * 2
    # "9 (45.0)" is not 9 of 30 (45.0% of 20): the reader's reason reaches the estimates table
    flagged = table_rows[table_rows["value_text"] == "9 (45.0)"]
    assert "is of 20, not of the arm's 30" in flagged["needs_review"].iloc[0]


def test_a_column_matched_to_an_arm_by_its_size_only_gives_no_stratum():
    # a study model that knows one coded group, "CB" (n = 13): "TB(13)" resolves to it by its size alone; no
    # stratum is made up from the code
    text = """Patients were randomly allocated into four groups.
Table 1. Demographic profile
| | Groups | Groups | |
| Variables | CB(13) | TB(13) | P |
| Age (yrs), mean (SD) | 67.1 (6.9) | 63.1 (16.8) | 0.4 |
"""
    table = pipe_table(text, text.split("\n")[2], caption="Table 1. Demographic profile", header_rows=2)
    study = Study("d", [Arm(arm_id="arm1", name="CB", canonical="cb", n=13, role="experimental", start=0, end=0,
                            source="table", aliases={"cb"})])
    rows = read_table("d", text, table, study)
    assert [(r["intervention"], r["value"], r["subgroup"]) for r in rows] == [("cb", 67.1, ""), ("cb", 63.1, "")]


# ---------------------------------------------------------------- subgroup labels written in sentences
def _sentence_rows(text: str) -> pd.DataFrame:
    documents = pd.DataFrame([{"doc_id": "d1", "source_file": "d1.txt", "status": "ok", "duplicate_of": "",
                               "condition": "", "design": "RCT"}])
    return extract_estimates(documents, {"d1": text})


def test_subgroup_labels_name_the_group_not_the_words_around_it():
    assert tidy_subgroup("patients who were receiving no respiratory support at randomization") == "no respiratory support"
    assert tidy_subgroup("patients with diabetes at baseline and 0.73") == "diabetes at baseline"
    assert tidy_subgroup("those without diabetes") == "no diabetes"
    assert tidy_subgroup("patients aged 65 years or older") == "aged 65 years or older"
    assert tidy_subgroup("patients") == "patients"       # nothing else to name them by
    text = ("Methods: In this randomized trial, patients were assigned to drug A or usual care; subgroups were "
            "prespecified. Results: Drug A reduced mortality among patients receiving invasive mechanical "
            "ventilation (rate ratio, 0.64; 95% CI, 0.51 to 0.81) and among patients who were receiving no "
            "respiratory support at randomization (rate ratio, 1.19; 95% CI, 0.92 to 1.55).")
    rows = _sentence_rows(text)
    labels = {round(v, 2): s for v, s in zip(rows["value"], rows["subgroup"])}
    assert labels[0.64] == "invasive mechanical ventilation" and labels[1.19] == "no respiratory support"


def test_the_share_of_patients_with_an_event_in_an_arm_is_no_subgroup():
    text = ("Methods: Patients were randomized to chloroquine or artesunate; subgroup analyses were planned. "
            "Results: There was an increase in the proportion of patients with pruritus in the chloroquine arm "
            "compared to artesunate (risk ratio 7.4, 95% CI 1.7 to 32).")
    row = _sentence_rows(text).iloc[0]
    assert (row["measure"], row["subgroup"], row["role"]) == ("RR", "", "effect")


def test_groups_contrasted_each_before_its_own_effect_are_subgroups():
    text = ("Methods: Patients with COPD were randomized to azithromycin or placebo. Results: The benefit was "
            "smaller among current smokers (hazard ratio, 0.99; 95% CI, 0.71 to 1.38) than among former smokers "
            "(hazard ratio, 0.65; 95% CI, 0.55 to 0.77).")
    rows = _sentence_rows(text)
    got = {round(v, 2): (role, s) for v, role, s in zip(rows["value"], rows["role"], rows["subgroup"])}
    assert got[0.99] == ("subgroup", "current smokers") and got[0.65] == ("subgroup", "former smokers")
    # a level word is completed by the words the list ends with
    text = ("Methods: Patients were randomized to atorvastatin or placebo. Results: There was no significant "
            "difference in the reduction in events by atorvastatin, with above median (HR 0.57) or below median "
            "(HR 0.52) change in CRP.")
    rows = _sentence_rows(text)
    got = {round(v, 2): s for v, s in zip(rows["value"], rows["subgroup"])}
    assert got == {0.57: "above median change in CRP", 0.52: "below median change in CRP"}


def test_one_group_before_an_effect_is_no_contrast():
    # "in patients with X (HR ...)" once, in a document without subgroup analyses, is the trial's population
    text = ("Methods: Patients were randomized to drug A or placebo. Results: Drug A reduced relapses in adults with "
            "myasthenia (HR 0.45; 95% CI 0.22 to 0.92).")
    row = _sentence_rows(text).iloc[0]
    assert (row["role"], row["subgroup"]) == ("effect", "")


def test_a_control_group_is_named_by_what_its_patients_went_without():
    text = ("Methods: Patients were randomly assigned to the pravastatin group or the control group. The pravastatin "
            "group patients received 10 mg of pravastatin/day; the control group patients received no statins.\n"
            "Table 1. Baseline characteristics.\n"
            "| | Pravastatin group (n = 793) | Control group (n = 785) |\n"
            "| Age, years | 66.1 ± 8.4 | 66.4 ± 8.6 |\n")
    table = pipe_table(text, text.split("\n")[2], caption="Table 1. Baseline characteristics.")
    study = build_study("d", text, {"tables": [table]})
    control = next(a for a in study.arms if a.role == "control")
    assert control.canonical == "no statin" and "control" in control.aliases
    # the column headed "Control group" is still that arm
    rows = read_table("d", text, table, study)
    assert [(r["intervention"], r["value"]) for r in rows] == [("pravastatin", 66.1), ("no statin", 66.4)]
    # a control that gets no treatment at all keeps its control word
    study = build_study("d", "Patients were assigned to drug A or a control group; the control group received no "
                             "treatment.", None)
    assert [a.canonical for a in study.arms if a.role == "control"] in ([], ["control"], ["no treatment"])


def test_coded_groups_of_a_stratified_design_are_arms_within_strata():
    # four groups crossing an operation type with the treatment, defined once in the methods by code; the
    # treatment no arm names ("NS") is the study's other arm, whose size the groups add up to
    text = """Methods: Patients received either placebo (n = 30) or the study drug, ondansetron (ODN), before surgery.
Patients with hip (H/P) or knee (K/N) replacement were randomly allocated, into four groups as follows:
Group OH (n = 14): H/P replacement patients received ODN
Group OK (n = 16): K/N replacement patients received ODN
Group SH (n = 15): H/P replacement patients received NS
Group SK (n = 15): K/N replacement patients received NS
Table 1. Demographic profile
| Variables | SH(15) | OH(14) | SK(15) | OK(16) |
| Age (yrs), mean (SD) | 61.2 (7.1) | 60.8 (6.5) | 66.0 (5.2) | 64.9 (6.1) |
| Sex (M/F) | 6/9 | 5/9 | 7/8 | 6/10 |
"""
    _, rows = _read(text, text.split("\n")[7], "Table 1. Demographic profile")
    assert [(r["intervention"], r["subgroup"], r["role"], r["value"], r["events"], r["total"]) for r in rows] == [
        ("placebo", "hip", "baseline", 61.2, None, 15), ("ondansetron", "hip", "baseline", 60.8, None, 14),
        ("placebo", "knee", "baseline", 66.0, None, 15), ("ondansetron", "knee", "baseline", 64.9, None, 16),
        ("placebo", "hip", "baseline", 0.4, 6, 15), ("ondansetron", "hip", "baseline", pytest.approx(5 / 14), 5, 14),
        ("placebo", "knee", "baseline", pytest.approx(7 / 15), 7, 15),
        ("ondansetron", "knee", "baseline", pytest.approx(6 / 16), 6, 16)]


def test_arm_sizes_from_counts_of_patients_who_received_each_arm_feed_the_table():
    # the methods give each arm's size as a count of the patients who received it; the table's headers give none,
    # and its percentages are of all 93 patients: the counts stay over their arms' sizes
    text = """Methods: Participants were randomized to receive either rituximab or matching placebo. 46 patients received
rituximab and 47 patients received control placebo (47 patients in placebo group and 46 patients in rituximab group).
Table 3. Complications and mortality
| Complication | All patients (%) | Rituximab (%) | Placebo (%) | P value |
| GI bleeding | 5 (5.3) | 2 (2.1) | 3 (3.2) | 0.31 |
"""
    study, rows = _read(text, text.split("\n")[3], "Table 3. Complications and mortality")
    assert sorted((a.canonical, a.n) for a in study.arms) == [("placebo", 47), ("rituximab", 46)]
    assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [("rituximab", 2, 46), ("placebo", 3, 47)]
    assert all("of 93 (all patients)" in r["needs_review"] for r in rows)
    # counts that disagree give no size
    study = build_study("d", "Methods: Participants were randomized to receive either rituximab or matching placebo. 46 "
                             "patients received rituximab and 47 patients received placebo. Later, 40 patients received "
                             "rituximab.", None)
    sizes = dict((a.canonical, a.n) for a in study.arms)
    assert sizes["rituximab"] is None and sizes["placebo"] == 47


def test_a_header_naming_stratum_and_arm_together():
    text = """Patients were randomly assigned to rituximab (n = 58) or placebo (n = 55).
| Outcome | Men / Rituximab (n = 30) | Men / Placebo (n = 28) | Women / Rituximab (n = 28) | Women / Placebo (n = 27) |
| Remission, n (%) | 12 (40.0) | 6 (21.4) | 10 (35.7) | 5 (18.5) |
"""
    _, rows = _read(text, text.split("\n")[1])
    assert [(r["intervention"], r["events"], r["total"], r["subgroup"]) for r in rows] == [
        ("rituximab", 12, 30, "Men"), ("placebo", 6, 28, "Men"), ("rituximab", 10, 28, "Women"),
        ("placebo", 5, 27, "Women")]


def test_a_two_ratio_column_reads_a_time_to_event_outcome_as_a_rate_ratio():
    text = """Patients were randomly assigned to tocilizumab (n = 200) or usual care (n = 210).
| Outcome | Tocilizumab (n = 200) | Usual care (n = 210) | Rate ratio or risk ratio (95% CI) |
| Mortality within 28 days | 62/200 (31%) | 73/210 (35%) | 0.85 (0.76-0.94) |
| Discharged from hospital within 28 days | 115/200 (57%) | 105/210 (50%) | 1.22 (1.12-1.33) |
| Invasive mechanical ventilation or death | 61/175 (35%) | 76/180 (42%) | 0.84 (0.77-0.92) |
"""
    _, rows = _read(text, text.split("\n")[1])
    assert [(r["measure"], r["value"]) for r in rows if r["comparator"]] == [("IRR", 0.85), ("IRR", 1.22), ("RR", 0.84)]


def test_a_sentence_repeating_a_table_cell_without_naming_the_arm_is_one_row():
    # the sentence reader's rows of "Death from any cause occurred in 101 participants (4.7%) and 146 participants
    # (6.8%), respectively." when it could not tell the arms: counts and percentages of the table's cells
    sentence = [dict(measure="PROPORTION", events=101, total=None, value=0.047, intervention="", outcome="death",
                     value_text="101 participants (4.7%)", finder="n-percent", evidence="..."),
                dict(measure="PROPORTION", events=146, total=None, value=0.068, intervention="", outcome="death",
                     value_text="146 participants (6.8%)", finder="n-percent", evidence="..."),
                # the same count and share for another outcome is not the table's
                dict(measure="PROPORTION", events=101, total=None, value=0.047, intervention="", outcome="stroke",
                     value_text="101 (4.7%)", finder="n-percent", evidence="...")]
    table = [dict(measure="PROPORTION", events=101, total=2152, value=101 / 2152, intervention="dapagliflozin",
                  outcome="Death from any cause", value_text="101 (4.7)", finder="table",
                  evidence="| Death from any cause — no. (%) | 101 (4.7) | 146 (6.8) |"),
             dict(measure="PROPORTION", events=146, total=2152, value=146 / 2152, intervention="placebo",
                  outcome="Death from any cause", value_text="146 (6.8)", finder="table",
                  evidence="| Death from any cause — no. (%) | 101 (4.7) | 146 (6.8) |")]
    assert [r["outcome"] for r in without_repeats(sentence, table)] == ["stroke"]


def test_an_arm_percentage_repeating_a_table_cell_is_dropped_when_its_sentence_names_the_row():
    # "Nausea (7.4% vs. 1.2%) and rash (2.0% vs. 1.8%) occurred more often with X than with placebo.": the sentence
    # reader took the outcome in force from the sentence before ("discontinuation"); its words still name the row
    sentence = [dict(measure="PROPORTION", events=36, total=487, value=0.074, intervention="apixaban",
                     outcome="drug discontinuation", value_text="7.4%", finder="arm-percent",
                     evidence="Nausea (7.4% vs. 1.2%) and rash (2.0% vs. 1.8%) occurred more often with apixaban."),
                # the same share of an outcome the sentence does not name is kept
                dict(measure="PROPORTION", events=36, total=487, value=0.074, intervention="apixaban",
                     outcome="", value_text="7.4%", finder="arm-percent",
                     evidence="Headache was reported by 7.4% of the patients receiving apixaban.")]
    table = [dict(measure="PROPORTION", events=38, total=512, value=38 / 512, intervention="apixaban",
                  outcome="Nausea", value_text="38 (7.4)", finder="table",
                  evidence="| Nausea, n (%) | 38 (7.4) | 6 (1.2) |")]
    assert [r["evidence"][:8] for r in without_repeats(sentence, table)] == ["Headache"]


def test_a_baseline_tables_patients_with_heading_heads_its_categories():
    text = """Patients were randomly assigned to drug A (n = 50) or placebo (n = 50).
Table 1. Baseline characteristics
| Characteristic | Drug A (n = 50) | Placebo (n = 50) |
| Patients with prior immunotherapy, n (%) | | |
| Yes | 20 (40.0) | 22 (44.0) |
| No | 30 (60.0) | 28 (56.0) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Baseline characteristics")
    assert [(r["events"], r["subgroup"], r["role"], r["outcome"]) for r in rows] == [
        (20, "", "baseline", "Patients with prior immunotherapy: Yes"), (22, "", "baseline", "Patients with prior immunotherapy: Yes"),
        (30, "", "baseline", "Patients with prior immunotherapy: No"), (28, "", "baseline", "Patients with prior immunotherapy: No")]


def test_a_whole_percentage_rounding_a_table_cell_of_its_arm_is_that_cell():
    # "Tinnitus was more common in the X group than in the placebo group (25% vs. 20%)": the table prints 24.9 and
    # 19.9; the sentence rounds them, and names the row
    sentence = [dict(measure="PROPORTION", events=142, total=570, value=0.25, intervention="apixaban",
                     outcome="tinnitus", value_text="25%", finder="arm-percent", flags="events_from_percentage",
                     evidence="Tinnitus was more common in the apixaban group than in the placebo group (25% vs. 20%)."),
                # a whole percentage that rounds another row's share, for an outcome the sentence does not name
                dict(measure="PROPORTION", events=142, total=570, value=0.25, intervention="apixaban",
                     outcome="vertigo", value_text="25%", finder="arm-percent", flags="",
                     evidence="Vertigo was reported by 25% of the patients receiving apixaban.")]
    table = [dict(measure="PROPORTION", events=142, total=570, value=142 / 570, intervention="apixaban",
                  outcome="Tinnitus", value_text="142 (24.9)", finder="table",
                  evidence="| Tinnitus — no. (%) | 142 (24.9) | 114 (19.9) |")]
    assert [r["outcome"] for r in without_repeats(sentence, table)] == ["vertigo"]


def test_a_markup_cell_spanning_two_columns_is_read_once_and_two_equal_cells_twice(tmp_path):
    from evidence_review.ingest import ingest_with_structures
    table = etree.fromstring(
        "<table><tr><th>Outcome</th><th colspan='2'>Drug K (n = 50)</th><th>Placebo (n = 50)</th></tr>"
        "<tr><td>Rash</td><td colspan='2'>7 (14)</td><td>2 (4)</td></tr>"
        "<tr><td>Headache</td><td>3 (6)</td><td>3 (6)</td><td>5 (10)</td></tr></table>")
    grid = grid_from_table(table)
    assert grid.spanned == frozenset({(0, 2), (1, 2)})
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "trial.html").write_text(
        "<html><body><h1>Drug K versus placebo in chronic itch: a randomised trial</h1><h2>Methods</h2>"
        "<p>Patients were randomly assigned to drug K (n = 50) or placebo (n = 50).</p><h2>Results</h2>"
        "<table><caption>Table 2. Adverse events, n (%)</caption>" + etree.tostring(table, encoding="unicode")[7:-8]
        + "</table></body></html>", encoding="utf-8")
    documents, texts, structures = ingest_with_structures(sorted((tmp_path / "raw").iterdir()))
    rows = extract_study_tables(documents, texts, structures).estimates
    rows = rows[rows["measure"] == "PROPORTION"]
    assert sorted(zip(rows["outcome"], rows["intervention"], rows["events"])) == [
        ("Headache", "drug k", 3), ("Headache", "drug k", 3), ("Headache", "placebo", 5),
        ("Rash", "drug k", 7), ("Rash", "placebo", 2)]
