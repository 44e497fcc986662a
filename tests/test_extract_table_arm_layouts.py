"""Table layouts that place the arms somewhere other than one column each, read through the real ingestion of a
JATS full report (so spanning cells, rowspans and table footnotes are what ingestion makes of them):
- multi-arm cells: one cell holds every arm's value ("121.4/119.8/122.6") under a header naming the arms the same
  way ("Pre-op Lid/Ket/Sal"), the abbreviations spelled out in a footnote or matching the arms' names;
- arm x time tables: an arm label spanning rows with the time in the second column ("Control | Before treatment"),
  or an arm spanning two columns over "Before treatment | After treatment";
- a first column that says when, spanning rows, with the outcome in the second column;
- a header over the arm columns that says what the cells are ("Mean % change from baseline"), not an arm.
Before / pre-treatment figures are role baseline with that timepoint; after ones are results at their timepoint."""
from __future__ import annotations

from pathlib import Path

import pytest

from evidence_review.extract import extract_study_tables
from evidence_review.ingest import ingest_with_structures


def _table(label: str, caption: str, head: list[str], rows: list[str], foot: str = "") -> str:
    """A JATS table-wrap: `head` and `rows` are raw <tr> contents (so a test can write colspan and rowspan)."""
    thead = "".join(f"<tr>{r}</tr>" for r in head)
    tbody = "".join(f"<tr>{r}</tr>" for r in rows)
    footer = f"<table-wrap-foot><fn><p>{foot}</p></fn></table-wrap-foot>" if foot else ""
    return (f"<table-wrap><label>{label}</label><caption><title>{caption}</title></caption>"
            f"<table><thead>{thead}</thead><tbody>{tbody}</tbody></table>{footer}</table-wrap>")


def _cells(*texts: str, tag: str = "td") -> str:
    return "".join(f"<{tag}>{t}</{tag}>" for t in texts)


def _extract(tmp_path: Path, methods: str, tables: list[str], every_finder: bool = False):
    xml = ('<?xml version="1.0"?>\n<article><front><article-meta><title-group><article-title>A randomized trial'
           '</article-title></title-group></article-meta></front><body>'
           f'<sec sec-type="methods"><title>Methods</title><p>{methods}</p></sec>'
           f'<sec sec-type="results"><title>Results</title><p>The results are shown in the tables.</p>{"".join(tables)}'
           '</sec></body></article>')
    (tmp_path / "trial.nxml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    assert (documents["status"] == "ok").all()
    extraction = extract_study_tables(documents, texts, structures)
    assert not any(extraction.documents["extract_error"].fillna("")), extraction.documents["extract_error"].tolist()
    rows = extraction.estimates
    text = next(iter(texts.values()))
    table_rows = rows[rows["finder"] == "table"].to_dict("records")
    for r in table_rows:
        assert text[int(r["start"]):int(r["end"])] == r["evidence"]
    return rows.to_dict("records") if every_finder else table_rows


def _none(x):
    return None if x is None or x != x else x


def _means(rows, outcome_word: str):
    return [(r["intervention"], r["value"], _none(r["sd"]), r["total"], r["timepoint"], r["role"])
            for r in rows if r["measure"] == "MEAN" and outcome_word.lower() in str(r["outcome"]).lower()]


THREE_ARMS = ("Patients were randomly assigned to lidocaine, ketamine or saline infusion during surgery.")
SIZES = _table("Table 1", "Patient characteristics (Means &#x000b1; SD)",
               [_cells("", "Lidocaine group (n = 50)", "Ketamine group (n = 48)", "Saline group (n = 52)", tag="th")],
               [_cells("Age (years)", "55.2 &#x000b1; 6.1", "54.8 &#x000b1; 5.9", "56.0 &#x000b1; 6.3")])


def test_multi_arm_cells_under_a_header_of_abbreviated_arms_spelled_out_in_a_footnote(tmp_path):
    vitals = _table(
        "Table 2", "Vital signs in the three groups (Means)",
        [_cells("", "Pre-op Lid/Ket/Sal", "15 min Lid/Ket/Sal", "post-op Lid/Ket/Sal", tag="th")],
        [_cells("SBP", "121.4/119.8/122.6", "110.2*/108.9*/118.1", "115.0/114.2/119.9"),
         _cells("RR", "14/15/14", "12*/12*/15", "13/14/15")],
        foot="Lid/Ket/Sal: Lidocaine/Ketamine/Saline groups, SBP: systolic blood pressure. *p &lt; 0.05.")
    rows = _extract(tmp_path, THREE_ARMS, [SIZES, vitals])
    assert _means(rows, "SBP") == [
        ("lidocaine", 121.4, None, 50, "pre-operative", "baseline"),
        ("ketamine", 119.8, None, 48, "pre-operative", "baseline"),
        ("saline", 122.6, None, 52, "pre-operative", "baseline"),
        ("lidocaine", 110.2, None, 50, "15 min", "effect"),
        ("ketamine", 108.9, None, 48, "15 min", "effect"),
        ("saline", 118.1, None, 52, "15 min", "effect"),
        ("lidocaine", 115.0, None, 50, "post-operative", "effect"),
        ("ketamine", 114.2, None, 48, "post-operative", "effect"),
        ("saline", 119.9, None, 52, "post-operative", "effect")]
    # each row's value is the part of the cell that belongs to its arm
    assert [r["value_text"] for r in rows if r["outcome"] == "RR"][:3] == ["14", "15", "14"]


def test_multi_arm_cells_with_spreads_and_arms_named_by_their_first_letters(tmp_path):
    # no footnote: "Lid/Ket/Sal" are the starts of the arms' names
    table = _table(
        "Table 2", "Outcomes after surgery",
        [_cells("Outcome, mean &#x000b1; SD", "Lid/Ket/Sal", tag="th")],
        [_cells("Pain score", "3.1 &#x000b1; 1.2 / 4.0 &#x000b1; 1.5 / 5.2 &#x000b1; 1.8")])
    rows = _extract(tmp_path, THREE_ARMS, [SIZES, table])
    assert _means(rows, "Pain score") == [
        ("lidocaine", 3.1, 1.2, 50, "", "effect"), ("ketamine", 4.0, 1.5, 48, "", "effect"),
        ("saline", 5.2, 1.8, 52, "", "effect")]


def test_multi_arm_count_cells_are_each_arms_events_over_its_size(tmp_path):
    table = _table(
        "Table 3", "Complications, n",
        [_cells("Complication", "Lid/Ket/Sal", tag="th")],
        [_cells("Nausea", "7/12/9"), _cells("Arrhythmia", "0/2*/1")])
    rows = _extract(tmp_path, THREE_ARMS, [SIZES, table])
    got = [(r["intervention"], r["events"], r["total"], r["outcome"]) for r in rows if r["measure"] == "PROPORTION"]
    assert got == [("lidocaine", 7, 50, "Nausea"), ("ketamine", 12, 48, "Nausea"), ("saline", 9, 52, "Nausea"),
                   ("lidocaine", 0, 50, "Arrhythmia"), ("ketamine", 2, 48, "Arrhythmia"), ("saline", 1, 52, "Arrhythmia")]


def test_a_slash_header_that_is_not_a_list_of_arms_is_no_multi_arm_column(tmp_path):
    # "Male/female" names two sexes, not arms: its cells "20/30" stay one arm column's reading
    table = _table(
        "Table 4", "Baseline characteristics",
        [_cells("", "Lidocaine group (n = 50)", "Ketamine group (n = 48)", "Saline group (n = 52)", tag="th")],
        [_cells("Male/female", "20/30", "22/26", "25/27")])
    rows = _extract(tmp_path, THREE_ARMS, [SIZES, table])
    got = [(r["intervention"], r["events"], r["total"]) for r in rows if "sex" in str(r["outcome"]).lower()]
    assert got == [("lidocaine", 20, 50), ("ketamine", 22, 48), ("saline", 25, 52)]


# the tables below name the arms "Control" and "Experimental": the study's one control arm and its one other arm (a
# column header "Control" also names the study model's control arm, before the allocation sentence calls it usual care)
TWO_ARMS = "Patients were randomly assigned to nebulized magnesium (n = 48) or usual care (n = 46)."


def test_arm_rows_with_the_time_in_the_second_column(tmp_path):
    table = _table(
        "Table 2", "Blood gases before and after treatment",
        [_cells("Group", "Time", "PaO2 (mmHg)", "SpO2 (%)", tag="th")],
        ['<td rowspan="2">Control</td>' + _cells("Before treatment", "58.31&#x000b1;10.12", "88.2&#x000b1;3.1"),
         _cells("After treatment", "62.44&#x000b1;9.87", "90.1&#x000b1;2.8"),
         '<td rowspan="2">Experimental</td>' + _cells("Before treatment", "57.92&#x000b1;8.45", "87.9&#x000b1;3.3"),
         _cells("After treatment", "71.03&#x000b1;6.21*#", "94.6&#x000b1;2.2*#")],
        foot="Compared with the same group before treatment, *P&lt;0.05; compared with the control group, #P&lt;0.05.")
    rows = _extract(tmp_path, TWO_ARMS, [table])
    assert _means(rows, "PaO2") == [
        ("standard care", 58.31, 10.12, 46, "before treatment", "baseline"),
        ("standard care", 62.44, 9.87, 46, "after treatment", "effect"),
        ("nebulized magnesium", 57.92, 8.45, 48, "before treatment", "baseline"),
        ("nebulized magnesium", 71.03, 6.21, 48, "after treatment", "effect")]


def test_an_arm_spanning_two_columns_over_before_and_after(tmp_path):
    table = _table(
        "Table 3", "Questionnaire scores before and after treatment",
        ['<th rowspan="2">Item</th><th colspan="2">Control</th><th colspan="2">Experimental</th>',
         _cells("Before treatment", "After treatment", "Before treatment", "After treatment", tag="th")],
        # marks after a value or between it and its spread ("36*±9△") are footnote marks
        [_cells("Symptom score", "48&#x000b1;9", "45&#x000b1;10", "49&#x000b1;8", "36*&#x000b1;9&#x025b3;"),
         _cells("Total score", "52&#x000b1;11", "50&#x000b1;12", "51&#x000b1;10", "41&#x000b1;9*#")])
    rows = _extract(tmp_path, TWO_ARMS, [table])
    # the "Control" column is the arm the methods name "usual care"
    assert _means(rows, "Symptom") == [
        ("standard care", 48.0, 9.0, 46, "before treatment", "baseline"),
        ("standard care", 45.0, 10.0, 46, "after treatment", "effect"),
        ("nebulized magnesium", 49.0, 8.0, 48, "before treatment", "baseline"),
        ("nebulized magnesium", 36.0, 9.0, 48, "after treatment", "effect")]


def test_a_first_column_that_says_when_spanning_rows(tmp_path):
    table = _table(
        "Table 2", "Growth at follow-up in the two groups",
        [_cells("", "Measure", "Experimental group", "Control group", "P", tag="th")],
        ['<td rowspan="2">3 months</td>' + _cells("Weight (kg)", "6.12&#x000b1;0.58", "6.08&#x000b1;0.61", "&gt;0.05"),
         _cells("Length (cm)", "61.4&#x000b1;1.9", "61.2&#x000b1;1.7", "&gt;0.05"),
         '<td rowspan="2">6 months</td>' + _cells("Weight (kg)", "7.91&#x000b1;0.66", "7.85&#x000b1;0.59", "&gt;0.05"),
         _cells("Length (cm)", "67.9&#x000b1;2.2", "67.5&#x000b1;2.0", "&gt;0.05")])
    rows = _extract(tmp_path, TWO_ARMS, [table])
    assert _means(rows, "Weight") == [
        ("nebulized magnesium", 6.12, 0.58, 48, "3 months", "effect"), ("standard care", 6.08, 0.61, 46, "3 months", "effect"),
        ("nebulized magnesium", 7.91, 0.66, 48, "6 months", "effect"), ("standard care", 7.85, 0.59, 46, "6 months", "effect")]
    assert {r["outcome"] for r in rows} == {"Weight (kg)", "Length (cm)"}


def test_a_header_saying_what_the_cells_are_over_the_arm_columns(tmp_path):
    methods = "Patients were randomized to salbutamol (n = 40) or ipratropium (n = 41)."
    table = _table(
        "Table 2", "Lung function outcomes",
        ['<th></th><th colspan="2">Mean % change from baseline</th><th></th>',
         _cells("Variable", "Salbutamol (n = 40)", "Ipratropium (n = 41)", "p value", tag="th")],
        [_cells("FEV1", "14.2", "11.8", "0.21"), _cells("PEF", "18.5", "15.1", "0.09")])
    rows = _extract(tmp_path, methods, [table])
    assert _means(rows, "FEV1") == [("salbutamol", 14.2, None, 40, "", "effect"),
                                    ("ipratropium", 11.8, None, 41, "", "effect")]


def test_groups_named_generically_are_named_by_what_they_received():
    from evidence_review.extract.study import build_study
    # "observation group" beside a control group is the treated group, not an untreated control
    text = ("Sixty infants with bronchiolitis were included as an observation group and sixty others as a control "
            "group. Infants in the observation group were given inhaled hypertonic saline in addition to the "
            "conventional treatment.\n| | Observation group | Control group |\n")
    table = {"table_id": "T1", "caption": "", "start": text.index("| |"), "end": len(text), "header_rows": 1,
             "cells": [{"row": 0, "col": c, "text": t, "start": text.index(t) if t else 0,
                        "end": (text.index(t) + len(t)) if t else 0, "header": True}
                       for c, t in enumerate(["", "Observation group", "Control group"])]}
    study = build_study("d", text, {"tables": [table]})
    # the control group is named by the control treatment the text says it received (what both groups got)
    assert sorted((a.canonical, a.role) for a in study.arms) == [
        ("conventional treatment", "control"), ("inhaled hypertonic saline", "experimental")]
    assert study.resolve("Observation group").canonical == "inhaled hypertonic saline"
    assert study.resolve("Control group").canonical == "conventional treatment"
    # a report naming only "a control group and a treatment group": the treatment group is what it was treated with
    text = ("Eighty patients were randomly divided into two groups. The control group (n=40) was given oxygen. The "
            "treatment group (n=40) was treated with ivabradine in addition to the same care.")
    arms = build_study("d", text, None).arms
    assert [(a.canonical, a.role, a.n) for a in arms][-1] == ("ivabradine", "experimental", 40)
    assert build_study("d", text, None).resolve("Treatment").canonical == "ivabradine"


def test_a_demographic_row_with_its_unit_is_baseline_and_a_caption_period_is_the_timepoint(tmp_path):
    # "Patients characteristic" tables also hold outcomes (operative time): only who the patients were is baseline
    table = _table("Table 1", "Patients characteristic of the studied groups (Means &#x000b1; SD)",
                   [_cells("", "Lidocaine group (n = 50)", "Ketamine group (n = 48)", "Saline group (n = 52)", tag="th")],
                   [_cells("Age (years)", "60.2 &#x000b1; 5.0", "61.0 &#x000b1; 4.8", "59.9 &#x000b1; 6.1"),
                    _cells("Operative time (min)", "57.1 &#x000b1; 8.2", "58.3 &#x000b1; 10.8", "62.5 &#x000b1; 11.2")])
    labs = _table("Table 3", "Laboratory values of the studied groups in the immediate postoperative period",
                  [_cells("", "Lidocaine group (n = 50)", "Ketamine group (n = 48)", "Saline group (n = 52)", tag="th")],
                  [_cells("Sodium (mmol/l)", "138.1 &#x000b1; 3.0", "137.5 &#x000b1; 2.9", "139.0 &#x000b1; 3.2")])
    rows = _extract(tmp_path, THREE_ARMS, [table, labs])
    assert [(r["outcome"], r["role"], r["timepoint"]) for r in rows if r["intervention"] == "lidocaine"] == [
        ("Age (years)", "baseline", ""), ("Operative time (min)", "effect", ""),
        ("Sodium (mmol/l)", "effect", "immediate postoperative")]


def test_coded_group_columns_with_their_sizes_are_arms(tmp_path):
    # "Group A (n = 41)": the methods describe the groups in prose the study model does not read as an allocation
    methods = "Patients were divided into three groups receiving different eradication regimens."
    table = _table("Table 2", "Eradication rates",
                   [_cells("Analysis", "Group A (n = 41)", "Group B (n = 43)", "Group C (n = 40)", tag="th")],
                   [_cells("Per protocol (%)", "35/41 (85.4%)", "33/43 (76.7%)", "27/40 (67.5%)")])
    rows = _extract(tmp_path, methods, [table])
    assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [
        ("group a", 35, 41), ("group b", 33, 43), ("group c", 27, 40)]


def test_a_group_under_a_groups_header_is_an_arm_even_when_the_methods_name_it_otherwise(tmp_path):
    # the methods name one arm only; "Groups" over the columns says both columns are arms
    methods = "Patients received either ketorolac or a comparator for sedation during the procedure."
    table = _table("Table 2", "Outcomes in the two groups",
                   ['<th rowspan="2">Variable</th><th colspan="2">Groups</th><th rowspan="2">P</th>',
                    _cells("Remifentanil", "Ketorolac", tag="th")],
                   [_cells("Procedure time (min)", "14.2 &#x000b1; 2.1", "15.0 &#x000b1; 2.4", "0.31")])
    rows = _extract(tmp_path, methods, [table])
    assert [(r["intervention"], r["value"], _none(r["sd"])) for r in rows] == [
        ("remifentanil", 14.2, 2.1), ("ketorolac", 15.0, 2.4)]


def test_a_bare_table_mean_the_text_gives_with_its_spread_is_one_estimate_the_texts(tmp_path):
    vitals = _table(
        "Table 2", "Vital signs in the three groups (Means)",
        [_cells("", "Pre-op Lid/Ket/Sal", "15 min Lid/Ket/Sal", tag="th")],
        [_cells("SBP", "121.4/119.8/122.6", "110.2*/108.9*/118.1")],
        foot="Lid/Ket/Sal: Lidocaine/Ketamine/Saline groups. *p &lt; 0.05.")
    methods = THREE_ARMS + (" At 15 minutes the mean systolic pressure was 110.2 &#x000b1; 9.1 mmHg in the lidocaine "
                            "group.")
    every = _extract(tmp_path, methods, [SIZES, vitals], every_finder=True)
    rows = [r for r in every if r["finder"] == "table"]
    # the table's bare 110.2 of the lidocaine arm is the text's 110.2 ± 9.1: only the text's row is kept
    assert [(r["intervention"], r["sd"]) for r in every if r["measure"] == "MEAN" and r["value"] == 110.2] == [
        ("lidocaine", 9.1)]
    assert [r["value"] for r in rows if r["measure"] == "MEAN" and r["intervention"] == "lidocaine"
            and r["outcome"] == "SBP"] == [121.4]
    assert [(r["intervention"], r["value"]) for r in rows if r["outcome"] == "SBP" and r["timepoint"] == "15 min"] == [
        ("ketamine", 108.9), ("saline", 118.1)]


def test_a_column_of_ratios_or_p_values_reads_only_what_is_a_ratio_and_age_bands_stay_categories(tmp_path):
    methods = "Women were randomly assigned to misoprostol (n = 30) or placebo (n = 31)."
    table = _table("Table 3", "Side effects",
                   [_cells("", "Misoprostol (n = 30)", "Placebo (n = 31)", "RR [95% CI] or p-value", tag="th")],
                   [_cells("Shivering %(n)", "", "", ""),
                    _cells("mild", "40.0 (12)", "6.5 (2)", "6.20 [1.5, 25.4]"),
                    _cells("none", "100 (30)", "100 (31)", "1.0"),
                    _cells("Age", "", "", ""),
                    _cells("&lt;20 years", "6.7 (2)", "9.7 (3)", "0.69")])
    rows = _extract(tmp_path, methods, [table])
    # "1.0" and "0.69" beside no interval, under a header naming both, may be p-values: no RR read from them
    assert [(r["measure"], r["value"], r["ci_low"]) for r in rows if r["measure"] == "RR"] == [("RR", 6.2, 1.5)]
    # "<20 years" under "Age" is an age band, not a timepoint
    assert {(r["outcome"], r["timepoint"]) for r in rows if r["events"] == 2 and r["total"] == 30} == {("Age: <20 years", "")}


def test_a_control_group_said_to_receive_a_kind_of_control_is_named_by_it():
    from evidence_review.extract.study import build_study
    text = ("To compare ivabradine added to usual treatment with a control group treated with conventional therapy "
            "only. Eighty patients were randomly divided into two groups. The control group (n=40) was given oxygen. "
            "The treatment group (n=40) was treated with ivabradine in addition to the same care.")
    study = build_study("d", text, None)
    control = [a for a in study.arms if a.role == "control"]
    # named as the document names the control treatment (a kind of standard care)
    assert [(a.canonical, a.n) for a in control] == [("conventional therapy", 40)]
    assert study.resolve("Control") is control[0]
