"""Table layouts seen in full trial reports, each read cell by cell with the grammar: timepoints spanning the arm
columns, arms as rows, arm columns named by a dose only, a safety population's own N in the header, total and
p-value columns, effect tables whose rows name the comparison, and what the document-level flow keeps of them
(baseline role, unadjusted arm rows, one row for an estimate printed in the text and in a table)."""
from __future__ import annotations

import pandas as pd
import pytest
from table_grids import pipe_table
from table_grids import read_pipe_table as _read

from evidence_review.extract import extract_study_tables
from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import parse_effect_cell, parse_p_cell, read_table
from evidence_review.extract.arm_cells import parse_arm_cell



def test_a_timepoint_spanning_the_arm_columns_is_each_columns_timepoint():
    text = """Patients were randomly assigned to rituximab or placebo.
Table 2. Remission over time
| | Week 24 | | Week 52 | |
| Outcome | Rituximab (n = 60) | Placebo (n = 58) | Rituximab (n = 60) | Placebo (n = 58) |
| Remission, n (%) | 20 (33.3) | 10 (17.2) | 25 (41.7) | 12 (20.7) |
"""
    study, rows = _read(text, text.split("\n")[2], "Table 2. Remission over time", header_rows=2)
    # the arm sizes under the spanning header feed the study model
    assert [(a.canonical, a.n) for a in study.arms] == [("rituximab", 60), ("placebo", 58)]
    assert [(r["intervention"], r["events"], r["total"], r["timepoint"], r["outcome"]) for r in rows] == [
        ("rituximab", 20, 60, "week 24", "Remission"), ("placebo", 10, 58, "week 24", "Remission"),
        ("rituximab", 25, 60, "week 52", "Remission"), ("placebo", 12, 58, "week 52", "Remission")]


def test_a_spanning_header_repeated_in_each_column_and_a_baseline_span():
    # HTML grids repeat a spanned cell's text in every column it covers
    text = """Patients were randomly assigned to rituximab (n = 60) or placebo (n = 58).
| | Baseline | Baseline | At 12 months | At 12 months |
| | Rituximab (n = 60) | Placebo (n = 58) | Rituximab (n = 60) | Placebo (n = 58) |
| EDSS, mean (SD) | 3.1 (1.2) | 3.0 (1.1) | 2.6 (1.3) | 3.2 (1.4) |
"""
    _, rows = _read(text, text.split("\n")[1], header_rows=2)
    assert [(r["intervention"], r["value"], r["sd"], r["timepoint"], r["role"]) for r in rows] == [
        ("rituximab", 3.1, 1.2, "baseline", "baseline"), ("placebo", 3.0, 1.1, "baseline", "baseline"),
        ("rituximab", 2.6, 1.3, "12 months", ""), ("placebo", 3.2, 1.4, "12 months", "")]


def test_arms_as_rows_and_outcomes_as_columns():
    text = """Patients were randomly assigned to rituximab (n = 40) or azathioprine (n = 38).
Table 2. Outcomes by group
| Group | Relapse, n (%) | EDSS change, mean (SD) | Time to relapse, median (IQR), months | P value |
| Rituximab (n = 40) | 8 (20.0) | -0.3 (1.1) | 14 (8-20) | 0.04 |
| Azathioprine (n = 38) | 15 (39.5) | 0.2 (1.3) | 9 (5-15) | |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Outcomes by group")
    assert [(r["measure"], r["intervention"], r["outcome"], r["value"], r["events"], r["total"], r["sd"], r["q1"])
            for r in rows] == [
        ("PROPORTION", "rituximab", "Relapse", 0.2, 8, 40, None, None),
        ("MEAN", "rituximab", "EDSS change", -0.3, None, 40, 1.1, None),
        ("MEDIAN", "rituximab", "Time to relapse", 14.0, None, 40, None, 8.0),
        ("PROPORTION", "azathioprine", "Relapse", pytest.approx(15 / 38), 15, 38, None, None),
        ("MEAN", "azathioprine", "EDSS change", 0.2, None, 38, 1.3, None),
        ("MEDIAN", "azathioprine", "Time to relapse", 9.0, None, 38, None, 5.0)]
    for r in rows:
        assert text[r["start"]:r["end"]] == r["evidence"]


def test_dose_columns_are_arms_of_the_trials_drug_and_effect_headers_name_them():
    text = """Patients with relapsing NMOSD were randomly assigned to inebilizumab at one of two doses or to placebo.
| Event | 300 mg (N = 50) | 600 mg (N = 52) | Placebo (N = 51) | 600 mg vs. placebo, difference (95% CI) |
| Infusion reaction, no. (%) | 5 (10.0) | 6 (11.5) | 4 (7.8) | 3.7 (-7.5 to 14.9) |
"""
    study, rows = _read(text, text.split("\n")[1])
    # the dose columns feed the study model (arms.csv): the trial's drug at each dose, with the column's size
    assert sorted((a.canonical, a.n) for a in study.arms) == [
        ("inebilizumab 300 mg", 50), ("inebilizumab 600 mg", 52), ("placebo", 51)]
    assert [(r["measure"], r["intervention"], r["comparator"], r["events"], r["total"]) for r in rows] == [
        ("PROPORTION", "inebilizumab 300 mg", "", 5, 50), ("PROPORTION", "inebilizumab 600 mg", "", 6, 52),
        ("PROPORTION", "placebo", "", 4, 51), ("RD", "inebilizumab 600 mg", "placebo", None, None)]
    rd = rows[-1]
    assert (rd["value"], rd["ci_low"], rd["ci_high"], rd["needs_review"]) == (0.037, -0.075, 0.149, "")


def test_dose_columns_without_a_known_drug_keep_the_dose_as_the_arm():
    text = """Adults with depression were randomly assigned to a single dose of the study drug.
| End point | 30 mg (N = 80) | 5 mg (N = 78) | 30 mg vs. 5 mg, difference (95% CI) |
| Change in HAM-D score at week 4, least-squares mean (SE) | -10.5 (1.1) | -5.9 (1.1) | -4.6 (-7.7 to -1.5) |
"""
    _, rows = _read(text, text.split("\n")[1])
    assert [(r["measure"], r["intervention"], r["comparator"], r["value"], r["se"], r["outcome"], r["timepoint"])
            for r in rows] == [
        ("MEAN", "30 mg", "", -10.5, 1.1, "Change in HAM-D score", "week 4"),
        ("MEAN", "5 mg", "", -5.9, 1.1, "Change in HAM-D score", "week 4"),
        ("MD", "30 mg", "5 mg", -4.6, None, "Change in HAM-D score", "week 4")]
    assert rows[0]["sd"] == pytest.approx(1.1 * 80 ** 0.5) and rows[0]["flags"] == "sd_from_se"


def test_a_safety_tables_own_n_is_the_total_and_total_and_p_columns_are_not_arms():
    text = """Patients were randomly assigned to rituximab or placebo.
Table 1. Baseline characteristics
| Characteristic | Rituximab (N = 100) | Placebo (N = 101) |
| Age, years, mean (SD) | 42.1 (11.3) | 44.0 (12.5) |
Table 3. Adverse events in the safety population
| Event | Rituximab (N = 98) | Placebo (N = 100) | Total (N = 198) | P value |
| Any adverse event, n (%) | 60 (61.2) | 55 (55.0) | 115 (58.1) | 0.38 |
| Infection, % | 12.2% | 9.0% | 10.6% | |
"""
    lines = text.split("\n")
    first = pipe_table(text, lines[2], table_id="T1", caption=lines[1])
    safety = pipe_table(text, lines[5], table_id="T3", caption=lines[4])
    study = build_study("d", text, {"tables": [first, safety]})
    rows = read_table("d", text, safety, study)
    assert [(a.canonical, a.n) for a in study.arms] == [("rituximab", 100), ("placebo", 101)]
    assert [(r["intervention"], r["events"], r["total"], r["n_intervention"]) for r in rows] == [
        ("rituximab", 60, 98, 100), ("placebo", 55, 100, 101), ("rituximab", 12, 98, 100), ("placebo", 9, 100, 101)]
    # "12.2%" of 98 and "9.0%" of 100: the counts are derived from the printed share, flagged
    assert [r["flags"] for r in rows] == ["", "", "events_from_percentage", "events_from_percentage"]
    assert {r["measure"] for r in rows} == {"PROPORTION"}


def test_an_effect_table_whose_rows_name_the_comparison():
    text = """Patients were randomly assigned to upadacitinib, adalimumab or placebo.
| Comparison at week 12 | Odds ratio (95% CI) | P value |
| ACR50, upadacitinib vs adalimumab | 2.10 (1.55-2.80) | <0.001 |
| ACR50, upadacitinib vs placebo | 4.60 (3.50-6.10) | <0.001 |
| Remission, placebo vs adalimumab | 0.40 (0.25-0.64) | 0.002 |
"""
    _, rows = _read(text, text.split("\n")[1])
    assert [(r["measure"], r["intervention"], r["comparator"], r["value"], r["ci_low"], r["ci_high"], r["p_value"],
             r["p_text"], r["outcome"]) for r in rows] == [
        ("OR", "upadacitinib", "adalimumab", 2.1, 1.55, 2.8, None, "<0.001", "ACR50"),
        ("OR", "upadacitinib", "placebo", 4.6, 3.5, 6.1, None, "<0.001", "ACR50"),
        ("OR", "placebo", "adalimumab", 0.4, 0.25, 0.64, 0.002, None, "Remission")]


def test_a_column_naming_two_ratios_reads_counts_as_a_risk_ratio_and_says_so():
    text = """Patients were randomly assigned to tocilizumab (n = 200) or usual care (n = 210).
| Outcome | Tocilizumab (n = 200) | Usual care (n = 210) | Rate ratio or risk ratio (95% CI) |
| Renal replacement therapy | 10/190 (5%) | 12/200 (6%) | 0.88 (0.39-1.98) |
| Days alive out of hospital, mean (SD) | 14.2 (8.1) | 12.9 (8.4) | 1.10 (1.01-1.20) |
"""
    _, rows = _read(text, text.split("\n")[1])
    ratios = [r for r in rows if r["comparator"]]
    assert [(r["measure"], r["value"], r["needs_review"]) for r in ratios] == [
        ("RR", 0.88, "the column names two measures: read as RR"),
        ("IRR", 1.1, "the column names two measures: read as IRR")]


@pytest.mark.parametrize("cell,expected", [
    ("0.31 (0.06-1.55)", (None, 0.31, 0.06, 1.55, None, None)),
    ("HR 0.57 (0.33-0.98)", ("HR", 0.57, 0.33, 0.98, None, None)),
    ("-5.62 (-7.21 to -4.03)", (None, -5.62, -7.21, -4.03, None, None)),
    ("0.62 (95% CI, 0.45-0.85); P = 0.01", (None, 0.62, 0.45, 0.85, 0.01, None)),
    ("aOR 1.9 [1.1, 3.2] p<0.001", ("OR", 1.9, 1.1, 3.2, None, "<0.001")),
    ("1.48", (None, 1.48, None, None, None, None)),
    ("0.8 (0.6-1.1) favours placebo", None),
    ("—", None),
    ("NR", None),
])
def test_effect_cells_are_read_as_the_grammars_expressions(cell, expected):
    parsed = parse_effect_cell(cell)
    if expected is None:
        assert parsed is None
    else:
        assert (parsed["measure"] or None, parsed["value"], parsed["ci_low"], parsed["ci_high"], parsed["p_value"],
                parsed["p_text"]) == expected


@pytest.mark.parametrize("cell,expected", [
    ("0.04", (0.04, None)), ("<0.001", (None, "<0.001")), ("P = 0.03", (0.03, None)), ("p<0.05", (None, "<0.05")),
    ("1.00", (1.0, None)), ("12.5", None), ("-0.2", None), ("NS", None),
])
def test_p_value_cells(cell, expected):
    assert parse_p_cell(cell) == expected


@pytest.mark.parametrize("cell,hint,n,expected", [
    ("8/1039 (0.77)", "", None, ("PROPORTION", 8, 1039, None)),
    ("5 of 91 (5.5%)", "", None, ("PROPORTION", 5, 91, None)),
    ("Nine (15%)", "n_pct", 60, ("PROPORTION", 9, 60, None)),
    ("13 (IQR 7-30)", "", 40, ("MEDIAN", None, 40, None)),
    ("4 [range 1-12]", "", 40, ("MEDIAN", None, 40, None)),
    ("12.1 (SE 0.9)", "", 40, ("MEAN", None, 40, None)),
    ("5.0 (95% CI 3.0-7.0)", "", 40, ("MEAN", None, 40, None)),
    # "<1%" is no printed percentage but a bound: the count over the arm when it fits the bound, else not read
    ("7 (<1%)", "n_pct", 900, ("PROPORTION", 7, 900, None)),
    ("20 (<1%)", "n_pct", 900, None),
])
def test_more_arm_cells_through_the_grammar(cell, hint, n, expected):
    parsed = parse_arm_cell(cell, hint, n)
    if expected is None:
        assert parsed is None
    else:
        assert (parsed["measure"], parsed.get("events"), parsed.get("total"), parsed.get("needs_review") or None) == expected


def test_labelled_spreads_say_which_spread_they_are():
    assert (parse_arm_cell("13 (IQR 7-30)", "", 40)["q1"], parse_arm_cell("13 (IQR 7-30)", "", 40)["q3"]) == (7.0, 30.0)
    ranged = parse_arm_cell("4 [range 1-12]", "", 40)
    assert (ranged["range_low"], ranged["range_high"], ranged["q1"]) == (1.0, 12.0, None)
    se = parse_arm_cell("12.1 (SE 0.9)", "mean_sd", 40)    # the cell's own label wins over the row's format
    assert (se["se"], se["flags"]) == (0.9, ["sd_from_se"])


# --------------------------------------------------------------------------------- the document-level flow
def _documents(*ids):
    return pd.DataFrame([dict(doc_id=d, source_file=f"{d}.txt", status="ok", duplicate_of="", condition="")
                         for d in ids])


def test_the_flow_keeps_the_grids_baseline_role_and_unadjusted_arm_rows():
    text = """Methods: Patients were randomly assigned to rituximab (n = 40) or azathioprine (n = 38).
Results
Table 1. Baseline characteristics
| Characteristic | Rituximab (n = 40) | Azathioprine (n = 38) |
| Age, years, mean (SD) | 42.1 (11.3) | 44.0 (12.5) |
| Relapse in the previous year, n (%) | 30 (75.0) | 27 (71.1) |
"""
    table = pipe_table(text, text.split("\n")[3], caption="Table 1. Baseline characteristics")
    estimates = extract_study_tables(_documents("d"), {"d": text}, {"d": {"tables": [table]}}).estimates
    from_table = estimates[estimates["finder"] == "table"]
    assert len(from_table) == 4
    assert set(from_table["role"]) == {"baseline"}
    assert set(from_table["adjusted"]) == {"no"}


def test_an_estimate_in_the_text_and_in_a_table_is_one_row_the_tables():
    text = """Methods: Patients were randomly assigned to dapagliflozin (n = 200) or placebo (n = 200).
Results: The primary outcome occurred in 20 of 200 patients in the dapagliflozin group and 35 of 200 in the placebo \
group (hazard ratio, 0.55; 95% CI, 0.32 to 0.95). Headache occurred in 9 of 200 patients on dapagliflozin.
Table 2. Outcomes
| Outcome | Dapagliflozin (N = 200) | Placebo (N = 200) | Hazard ratio (95% CI) |
| Primary outcome, n/N (%) | 20/200 (10.0) | 35/200 (17.5) | 0.55 (0.32-0.95) |
"""
    table = pipe_table(text, text.split("\n")[3], caption="Table 2. Outcomes")
    estimates = extract_study_tables(_documents("d"), {"d": text}, {"d": {"tables": [table]}}).estimates
    hr = estimates[estimates["measure"] == "HR"]
    assert len(hr) == 1 and hr.iloc[0]["finder"] == "table"
    primary = estimates[(estimates["measure"] == "PROPORTION") & (estimates["events"].isin([20, 35]))]
    assert sorted(primary["events"].tolist()) == [20, 35] and set(primary["finder"]) == {"table"}
    # what only the text reports stays
    headache = estimates[(estimates["measure"] == "PROPORTION") & (estimates["events"] == 9)]
    assert len(headache) == 1 and headache.iloc[0]["finder"] != "table"


def test_a_percentage_in_the_text_repeating_a_table_cell_is_dropped_but_another_outcomes_is_kept():
    text = """Methods: Patients were randomly assigned to nirmatrelvir (n = 1039) or placebo (n = 1046).
Results: Adverse events were similar (any adverse event, 22.6% with nirmatrelvir and 23.9% with placebo). \
Hospitalization was rarer (hospitalization, 22.6% with nirmatrelvir and 30.3% with placebo).
Table 3. Adverse events in the safety population
| Event | Nirmatrelvir (N = 1109) | Placebo (N = 1115) |
| Any adverse event, n (%) | 251 (22.6) | 266 (23.9) |
"""
    table = pipe_table(text, text.split("\n")[3], caption="Table 3. Adverse events in the safety population")
    estimates = extract_study_tables(_documents("d"), {"d": text}, {"d": {"tables": [table]}}).estimates
    shares = estimates[estimates["measure"] == "PROPORTION"]
    any_event = shares[shares["value"].round(3).isin([0.226, 0.239]) & (shares["finder"] != "table")
                       & ~shares["outcome"].str.contains("ospitali", na=False)]
    assert any_event.empty, any_event[["value", "outcome", "finder"]]
    table_rows = shares[shares["finder"] == "table"]
    assert sorted(zip(table_rows["events"], table_rows["total"])) == [(251, 1109), (266, 1115)]
    # the same percentage for another outcome is another estimate
    assert len(shares[(shares["finder"] != "table") & shares["outcome"].str.contains("ospitali", na=False)]) >= 1


def test_on_full_reports_every_arm_cell_takes_its_own_columns_n_and_baseline_tables_are_baseline():
    """The fourth held-out batch's reports (JATS, HTML, markdown, text) through ingestion: every arm-level row
    read from a table whose column header prints an N has that N as its total (or the count's own N/N), and every
    row of a table captioned as baseline characteristics has role baseline after the meaning layer."""
    from pathlib import Path

    from evidence_review.extract.study import header_rows, split_size
    from evidence_review.ingest import ingest_with_structures

    raw = Path(__file__).parent / "fixtures" / "extract_heldout4" / "raw"
    documents, texts, structures = ingest_with_structures([raw])
    estimates = extract_study_tables(documents, texts, structures).estimates
    from_tables = estimates[estimates["finder"] == "table"]
    checked = 0
    for doc_id, structure in structures.items():
        for table in (structure or {}).get("tables") or []:
            heads = header_rows(table)
            sizes = {int(c["col"]): split_size(str(c["text"]))[1] for c in table["cells"] if int(c["row"]) in heads}
            baseline = "baseline" in str(table.get("caption") or "").lower()
            same_text: dict[tuple, int] = {}
            for cell in table["cells"]:
                key = (int(cell["row"]), cell["text"])
                same_text[key] = same_text.get(key, 0) + 1
            for cell in table["cells"]:
                if int(cell["row"]) in heads or not sizes.get(int(cell["col"])):
                    continue
                if same_text[(int(cell["row"]), cell["text"])] > 1:
                    continue      # "1.6 ± 0.6" in every arm: which row is whose cannot be told by its text
                rows = from_tables[(from_tables["doc_id"] == doc_id) & (from_tables["start"] <= cell["start"])
                                   & (from_tables["end"] >= cell["end"]) & (from_tables["comparator"].fillna("") == "")
                                   & (from_tables["value_text"] == cell["text"].replace("\u2013", "-"))]
                for row in rows.to_dict("records"):
                    if "/" not in str(row["value_text"]) and row["measure"] in ("PROPORTION", "MEAN", "MEDIAN"):
                        assert row["total"] == sizes[int(cell["col"])], (doc_id, cell["text"], row["total"])
                        checked += 1
                    if baseline:
                        assert row["role"] == "baseline", (doc_id, row["outcome"], row["role"])
    assert checked >= 150


def test_arms_as_rows_with_timepoint_columns_take_the_captions_outcome_and_drug_mentions_are_no_arm_rows():
    text = """Patients were randomly assigned to rituximab (n = 40) or azathioprine (n = 38).
Table 3. EDSS score, mean (SD)
| Group | Baseline | Week 48 |
| Rituximab (n = 40) | 3.5 (1.2) | 3.1 (1.4) |
| Azathioprine (n = 38) | 3.4 (1.1) | 3.6 (1.3) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. EDSS score, mean (SD)")
    assert [(r["intervention"], r["outcome"], r["value"], r["sd"], r["timepoint"], r["role"]) for r in rows] == [
        ("rituximab", "EDSS score", 3.5, 1.2, "baseline", "baseline"), ("rituximab", "EDSS score", 3.1, 1.4, "week 48", ""),
        ("azathioprine", "EDSS score", 3.4, 1.1, "baseline", "baseline"), ("azathioprine", "EDSS score", 3.6, 1.3, "week 48", "")]
    # rows that mention the arms' drugs are not arms: this table is not read as arms-as-rows
    text2 = """Patients were randomly assigned to rituximab (n = 40) or azathioprine (n = 38).
| Prior treatment | Before | After |
| Previous azathioprine, n (%) | 10 (25.0) | 2 (5.0) |
| Previous rituximab, n (%) | 8 (20.0) | 1 (2.5) |
"""
    assert _read(text2, text2.split("\n")[1])[1] is None


def test_dose_columns_join_the_study_models_dose_arms():
    text = """Patients were randomly assigned to satralizumab 120 mg (n = 41), satralizumab 240 mg (n = 42) or placebo (n = 40).
| Event | 120 mg (n = 41) | 240 mg (n = 42) | Placebo (n = 40) |
| Relapse, n (%) | 8 (19.5) | 6 (14.3) | 17 (42.5) |
"""
    study, rows = _read(text, text.split("\n")[1])
    arms = {a.canonical: a for a in study.arms}
    assert set(arms) == {"satralizumab 120 mg", "satralizumab 240 mg", "placebo"}
    assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [
        ("satralizumab 120 mg", 8, 41), ("satralizumab 240 mg", 6, 42), ("placebo", 17, 40)]


def test_an_arm_printed_once_over_its_n_and_percent_columns_spans_them_but_not_the_p_column():
    text = """Patients were randomly assigned to drug X or placebo.
| | Drug X (n = 60) | | Placebo (n = 60) | | |
| Outcome | % | n | % | n | P |
| Responders | 68.3 | 41 | 38.3 | 23 | 0.001 |
"""
    study, rows = _read(text, text.split("\n")[1], "Table 2. Outcomes", header_rows=2)
    assert [(a.canonical, a.n) for a in study.arms] == [("drug x", 60), ("placebo", 60)]
    assert [(r["measure"], r["intervention"], r["events"], r["total"], r["needs_review"]) for r in rows] == [
        ("PROPORTION", "drug x", 41, 60, ""), ("PROPORTION", "placebo", 23, 60, "")]


def test_row_labels_lose_footnote_marks_and_give_within_timepoints():
    text = """Patients were randomly assigned to tocilizumab (n = 200) or usual care (n = 210).
| Outcome | Tocilizumab (n = 200) | Usual care (n = 210) |
| Mortality within 28 days | 62/200 (31%) | 74/210 (35%) |
| Invasive ventilation or death* | 70/190 (37%) | 84/200 (42%) |
"""
    _, rows = _read(text, text.split("\n")[1])
    assert [(r["outcome"], r["timepoint"]) for r in rows] == [
        ("Mortality", "28 days"), ("Mortality", "28 days"),
        ("Invasive ventilation or death", ""), ("Invasive ventilation or death", "")]


@pytest.mark.parametrize("cell,expected", [
    ("1,039/2,085 (49.8)", (1039, 2085, 1039 / 2085)),
    ("2,906 (67.5)", (2906, 4304, 2906 / 4304)),
    ("4 [1, 12]", None),            # a range's comma is no thousands separator
])
def test_thousands_separators_in_arm_cells(cell, expected):
    parsed = parse_arm_cell(cell, "", 4304)
    assert parsed["value_text"] == cell
    if expected is None:
        assert (parsed["measure"], parsed["range_low"], parsed["range_high"]) == ("MEDIAN", 1.0, 12.0) or \
            (parsed["measure"], parsed["q1"], parsed["q3"]) == ("MEDIAN", 1.0, 12.0)
    else:
        assert (parsed["events"], parsed["total"], parsed["value"]) == (expected[0], expected[1], pytest.approx(expected[2]))


@pytest.mark.parametrize("lines", [
    ["| Placebo (N = 47) |", "| 10 (21.3) |"],                                     # one column, no label column
    ["| | Placebo (N = 47) | Drug (n = 52) |"],                                    # header only
    ["| | Placebo (N = 47) | Drug (n = 52) |", "| | | |", "| x | NaN | inf |"],      # empty and non-numbers
    ["| | Week 24 | | |", "| | | | |", "| a | 1 | 2 | 3 |"],                         # spanning header over nothing
    ["| Group | Response, n (%) |", "| Placebo (N = 0) | 0 (0) |", "| Drug (n = 52) | 99999999999999999999 (12) |"],
    ["| | Placebo (N = 47) | Drug (n = 52) | HR (95% CI) | P |",
     "| Death | 1/0 (5) | 2 (200.0) | 0.5 (0.9-0.1) | 1.5 |"],                       # impossible numbers
])
def test_odd_grids_give_rows_or_none_and_never_raise(lines):
    text = "Patients were randomly assigned to drug (n = 52) or placebo (n = 47).\n" + "\n".join(lines) + "\n"
    table = pipe_table(text, lines[0], header_rows=2 if "Week" in lines[0] else 1)
    rows = read_table("d", text, table, build_study("d", text, {"tables": [table]}))
    for row in rows or []:
        assert text[row["start"]:row["end"]] == row["evidence"]
        assert row["measure"] in {"PROPORTION", "MEAN", "MEDIAN", "HR", "RD", "MD", "OR", "RR", "IRR", "ARR"}


def test_a_table_of_arms_with_no_readable_cell_stays_the_sentence_readers():
    # arms are resolved from a second header row, but the cells (words; effects written out in a comment row) are
    # none the table reader reads: the effects printed in the rows are still read
    from evidence_review.extract import extract_one
    from evidence_review.extract.table_reader import read_table
    from table_grids import pipe_table

    caption = "Table 2. Risk of pain at each visit"
    text = ("Methods: Forty patients were randomly assigned to verumex or placebo.\n" + caption + "\n"
            "| Visit | Measure | First visit | | Last visit | |\n"
            "| | Group | Verumex | Placebo | Verumex | Placebo |\n"
            "| Visit 1 | Pain | mild | mild | none | moderate |\n"
            "| | Comment | less pain with verumex, OR 0.63 (95% CI 0.21 -1.88) | | "
            "less pain with verumex, OR 0.70 (95% CI 0.14 -3.40) | |\n")
    table = pipe_table(text, "| Visit | Measure | First visit | | Last visit | |", caption=caption)
    rows, study, errors = extract_one("d", text, structure={"tables": [table]})
    assert errors == [] and read_table("d", text, table, study) == []
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows] == [
        ("OR", 0.63, 0.21, 1.88), ("OR", 0.7, 0.14, 3.4)]
