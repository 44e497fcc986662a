"""Table grids read cell by cell into arm-level rows (PROPORTION, MEAN, MEDIAN), effect columns, baseline tables;
the document-level flow (tables replace the sentence reader's rows of the same lines, arms table, failures
recorded per document)."""
from __future__ import annotations

import pandas as pd
import pytest
from table_grids import pipe_table

import evidence_review.extract.pipeline as extract_pipeline
from evidence_review.extract import extract_study_tables
from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table
from evidence_review.extract.arm_cells import parse_arm_cell
from evidence_review.tables import ARM_COLUMNS, ESTIMATE_COLUMNS, write_csv_atomic

RESULTS = """Methods: Patients were randomly assigned 1:1:2 to drug A, drug B or placebo.
Results
Table 2. Efficacy and safety
| | Drug A (N=91) | Drug B (N=90) | Placebo (N=144) | P value |
|---|---|---|---|---|
| Remission at week 52, n (%) | 31 (34.1) | 22 (24.4) | 58 (40.3) | 0.04 |
| Weight change, kg, mean (SD) | -2.1 (3.4) | -1.0 (3.0) | 0.2 (2.9) | |
| LDL cholesterol, mg/dL, mean ± SE | 98.4 ± 2.0 | 101.3 ± 2.1 | 110.2 ± 1.9 | |
| Time to relapse, median (IQR), days | 120 (60-200) | 110 (55-180) | 90 (40-150) | |
| Length of stay, median [range], days | 4 [1, 12] | 5 [2, 15] | 5 [1, 20] | |
| Adverse events | | | | |
| Headache | 10/91 (11.0) | 8/90 (8.9) | 12/144 (8.3) | |
| Nausea, % | 6.6% | 4.4% | 2.1% | |
"""
HEADER = "| | Drug A (N=91) | Drug B (N=90) | Placebo (N=144) | P value |"


def results_rows():
    table = pipe_table(RESULTS, HEADER, caption="Table 2. Efficacy and safety")
    study = build_study("d1", RESULTS, {"tables": [table]})
    rows = read_table("d1", RESULTS, table, study, condition="obesity")
    return study, rows


def by(rows, outcome, arm):
    found = [r for r in rows if r["outcome"] == outcome and r["intervention"] == arm and not r["comparator"]]
    assert len(found) == 1, (outcome, arm, found)
    return found[0]


def test_the_issue_example_row_gives_three_arms_events_and_totals():
    study, rows = results_rows()
    assert [(a.canonical, a.n, a.role) for a in study.arms] == [
        ("drug a", 91, "experimental"), ("drug b", 90, "experimental"), ("placebo", 144, "control")]
    remission = [r for r in rows if r["outcome"] == "Remission"]
    assert [(r["intervention"], r["events"], r["total"], r["measure"]) for r in remission] == [
        ("drug a", 31, 91, "PROPORTION"), ("drug b", 22, 90, "PROPORTION"), ("placebo", 58, 144, "PROPORTION")]
    assert remission[0]["value"] == pytest.approx(31 / 91)
    assert {r["timepoint"] for r in remission} == {"week 52"}
    assert {r["comparator"] for r in remission} == {""}
    line = "| Remission at week 52, n (%) | 31 (34.1) | 22 (24.4) | 58 (40.3) | 0.04 |"
    for r in rows:     # provenance: the evidence is the row's own text
        assert RESULTS[r["start"]:r["end"]] == r["evidence"]
    assert remission[0]["evidence"] == line
    assert all(r["finder"] == "table" and r["condition"] == "obesity" for r in rows)
    assert len({r["estimate_id"] for r in rows}) == len(rows)


def test_means_with_sd_and_with_se():
    _, rows = results_rows()
    weight = by(rows, "Weight change", "drug b")
    assert (weight["measure"], weight["value"], weight["sd"], weight["total"]) == ("MEAN", -1.0, 3.0, 90)
    assert weight["flags"] == ""
    ldl = by(rows, "LDL cholesterol", "placebo")
    assert (ldl["measure"], ldl["value"], ldl["se"]) == ("MEAN", 110.2, 1.9)
    # an SD derived from an SE says so
    assert ldl["sd"] == pytest.approx(1.9 * 144 ** 0.5) and ldl["flags"] == "sd_from_se"


def test_medians_with_iqr_and_range():
    _, rows = results_rows()
    relapse = by(rows, "Time to relapse", "drug a")
    assert (relapse["measure"], relapse["value"], relapse["q1"], relapse["q3"]) == ("MEDIAN", 120.0, 60.0, 200.0)
    assert relapse["range_low"] is None and relapse["ci_low"] is None
    stay = by(rows, "Length of stay", "placebo")
    assert (stay["measure"], stay["value"], stay["range_low"], stay["range_high"], stay["q1"]) == (
        "MEDIAN", 5.0, 1.0, 20.0, None)


def test_rows_under_a_section_carry_it_and_percent_only_cells_take_the_header_n():
    _, rows = results_rows()
    headache = by(rows, "Adverse events: Headache", "placebo")
    assert (headache["events"], headache["total"], headache["value"]) == (12, 144, pytest.approx(12 / 144))
    nausea = by(rows, "Adverse events: Nausea", "drug a")
    # "6.6%" of the column's 91 is 6 patients (6.59%), the one count it rounds from: derived, and flagged as such
    assert (nausea["events"], nausea["total"], nausea["value"]) == (6, 91, pytest.approx(6 / 91))
    assert nausea["flags"] == "events_from_percentage" and headache["flags"] == ""
    assert not [r for r in rows if r["outcome"] == "Adverse events"]     # the section row itself gives nothing
    # a p-value without an effect column is no estimate
    assert {r["measure"] for r in rows} == {"PROPORTION", "MEAN", "MEDIAN"}


def test_effect_columns_with_the_tables_experimental_and_control_arms():
    text = """Patients were randomly assigned to ticagrelor (n = 60) or clopidogrel (n = 58).
| Outcome | Ticagrelor (n = 60) | Clopidogrel (n = 58) | HR (95% CI) | P value | Difference (95% CI) |
| Stent thrombosis at 12 months, n (%) | 2 (3.3) | 6 (10.3) | 0.31 (0.06-1.55) | 0.15 | -7.0 (-16.0 to 2.0) |
| Bleeding score, mean (SD) | 1.2 (0.8) | 1.0 (0.7) | | 0.21 | 0.2 (-0.1 to 0.5) |
"""
    table = pipe_table(text, text.split("\n")[1])
    study = build_study("d2", text, {"tables": [table]})
    rows = read_table("d2", text, table, study)
    hr = [r for r in rows if r["measure"] == "HR"]
    assert len(hr) == 1
    assert (hr[0]["value"], hr[0]["ci_low"], hr[0]["ci_high"], hr[0]["p_value"]) == (0.31, 0.06, 1.55, 0.15)
    assert (hr[0]["intervention"], hr[0]["comparator"], hr[0]["n_intervention"], hr[0]["n_comparator"]) == (
        "ticagrelor", "clopidogrel", 60, 58)
    assert (hr[0]["outcome"], hr[0]["timepoint"], hr[0]["role"]) == ("Stent thrombosis", "12 months", "effect")
    # "Difference" is a risk difference (percentage points -> fraction) for counts, a mean difference for means
    rd = [r for r in rows if r["measure"] == "RD"]
    assert (rd[0]["value"], rd[0]["ci_low"], rd[0]["ci_high"]) == (-0.07, -0.16, 0.02)
    md = [r for r in rows if r["measure"] == "MD"]
    assert (md[0]["value"], md[0]["ci_low"], md[0]["ci_high"], md[0]["p_value"]) == (0.2, -0.1, 0.5, 0.21)


def test_a_baseline_table_gives_rows_with_role_baseline():
    text = """Table 1. Baseline characteristics of the patients
| Characteristic | Rituximab (n = 40) | Azathioprine (n = 38) |
| Age, years, mean (SD) | 42.1 (11.3) | 44.0 (12.5) |
| Women, n (%) | 36 (90.0) | 33 (86.8) |
| Disease duration, median (IQR), years | 3.1 (1.2-6.0) | 2.8 (1.0-5.5) |
"""
    table = pipe_table(text, text.split("\n")[1], caption="Table 1. Baseline characteristics of the patients")
    study = build_study("d3", text, {"tables": [table]})
    rows = read_table("d3", text, table, study)
    assert len(rows) == 6
    assert {r["role"] for r in rows} == {"baseline"}
    women = by(rows, "Women", "azathioprine")
    assert (women["events"], women["total"]) == (33, 38)
    age = by(rows, "Age", "rituximab")
    assert (age["measure"], age["value"], age["sd"]) == ("MEAN", 42.1, 11.3)


def test_a_section_row_marks_baseline_rows_in_a_results_table():
    text = """| | Placebo (N = 47) | Drug 10 mg (n=52) |
| Baseline characteristics | | |
| Age, mean (SD) | 51 (9) | 50 (10) |
| Outcomes | | |
| Response, n (%) | 10 (21.3) | 25 (48.1) |
"""
    table = pipe_table(text, text.split("\n")[0])
    study = build_study("d4", text, {"tables": [table]})
    rows = read_table("d4", text, table, study)
    assert [(r["outcome"], r["intervention"], r["role"]) for r in rows] == [
        ("Age", "placebo", "baseline"), ("Age", "drug", "baseline"),
        ("Outcomes: Response", "placebo", ""), ("Outcomes: Response", "drug", "")]


def test_a_table_without_arm_columns_is_not_read():
    text = "| Study | Year | HR (95% CI) |\n| Smith | 2019 | 0.8 (0.6-1.1) |"
    table = pipe_table(text, text.split("\n")[0])
    assert read_table("d5", text, table, build_study("d5", text, {"tables": [table]})) is None


@pytest.mark.parametrize("cell,hint,n,expected", [
    ("31 (34.1)", "", 91, ("PROPORTION", 31, 91)),
    ("31/91 (34.1%)", "", None, ("PROPORTION", 31, 91)),
    ("45.2 (12.3)", "", 91, ("MEAN", None, 91)),          # not an n (%): 45.2 is no count
    ("45 (12.3)", "", 91, ("MEAN", None, 91)),            # 45/91 is 49%, not 12.3%
    ("45 (12.3)", "mean_sd", None, ("MEAN", None, None)),
    ("3.0 (1.0-5.0)", "median_iqr", 20, ("MEDIAN", None, 20)),
    ("n/a", "", 20, None),
    ("—", "n_pct", 20, None),
])
def test_cells_read_by_format_and_header_size(cell, hint, n, expected):
    parsed = parse_arm_cell(cell, hint, n)
    if expected is None:
        assert parsed is None
    else:
        assert (parsed["measure"], parsed.get("events"), parsed.get("total")) == expected


# --------------------------------------------------------------------------------- the document-level flow
def documents(*ids):
    return pd.DataFrame([dict(doc_id=d, source_file=f"{d}.txt", status="ok", duplicate_of="", condition="")
                         for d in ids])


def test_table_rows_replace_the_sentence_readers_rows_of_the_same_lines():
    table = pipe_table(RESULTS, HEADER, caption="Table 2. Efficacy and safety")
    with_grid = extract_study_tables(documents("d1"), {"d1": RESULTS}, {"d1": {"sections": [], "tables": [table]}})
    estimates = with_grid.estimates
    assert list(estimates.columns[:len(ESTIMATE_COLUMNS)]) == ESTIMATE_COLUMNS
    inside = estimates[(estimates["start"] >= table["start"]) & (estimates["end"] <= table["end"])]
    assert set(inside["finder"]) == {"table"}
    assert len(inside) == 21      # seven rows of three arms
    assert set(estimates["measure"]) == {"PROPORTION", "MEAN", "MEDIAN"}
    for row in estimates.to_dict("records"):
        assert RESULTS[row["start"]:row["end"]] == row["evidence"]
    # without the grid there is no table reading at all
    without = extract_study_tables(documents("d1"), {"d1": RESULTS})
    assert "table" not in set(without.estimates["finder"])


def test_a_failing_document_is_recorded_and_the_run_goes_on(monkeypatch):
    real = extract_pipeline.extract_document

    def _arms(doc_id, *args, **kwargs):
        if doc_id == "bad":
            next(iter([]))            # raises StopIteration, as the crash seen in unseen reports did
        return real(doc_id, *args, **kwargs)

    monkeypatch.setattr(extract_pipeline, "extract_document", _arms)
    text = ("Methods: Patients were randomly assigned to rituximab (n = 40) or azathioprine (n = 38).\n"
            "Results: Relapse occurred in 8 of 40 patients (20.0%) on rituximab (HR 0.38, 95% CI 0.19-0.76).")
    result = extract_study_tables(documents("bad", "good"), {"bad": text, "good": text})
    docs = result.documents.set_index("doc_id")
    assert docs.loc["bad", "extract_error"] == "extraction failed: StopIteration in _arms"
    assert docs.loc["good", "extract_error"] == ""
    assert set(docs["status"]) == {"ok"}
    assert set(result.estimates["doc_id"]) == {"good"}
    # the failed document's study model still stands: its arms are known
    assert set(result.arms["doc_id"]) == {"bad", "good"}


def test_a_malformed_grid_costs_its_own_rows_only():
    text = ("Methods: Patients were randomly assigned to rituximab (n = 40) or azathioprine (n = 38).\n"
            "Results: Infusion reactions occurred in 3 of 40 patients (7.5%) on rituximab.\n"
            "| | Rituximab (n = 40) | Azathioprine (n = 38) |\n| Relapse, n (%) | 8 (20.0) | 15 (39.5) |")
    table = pipe_table(text, text.split("\n")[2])
    del table["cells"][-1]["start"]      # a cell without offsets
    good = pipe_table(text, text.split("\n")[2], table_id="T2")
    result = extract_study_tables(documents("x"), {"x": text}, {"x": {"tables": [table, good]}})
    error = result.documents.loc[0, "extract_error"]
    assert error == "extraction failed: table T1: KeyError ('start')"
    # the sentence reader's rows and the other table's rows are kept
    assert {"table"} < set(result.estimates["finder"])
    assert len(result.estimates[result.estimates["finder"] == "table"]) == 2


def test_arms_table_columns_order_and_bytes(tmp_path):
    texts = {"b": "Patients were randomly assigned to rituximab (n = 40) or azathioprine (n = 38). HR 0.5.",
             "a": ("Participants were randomised to semaglutide 1.0 mg (n = 10), semaglutide 2.0 mg (n = 11), "
                   "semaglutide 0.5 mg (n = 9), tirzepatide 5 mg (n = 12), tirzepatide 10 mg (n = 13), "
                   "tirzepatide 15 mg (n = 14), liraglutide 1.8 mg (n = 8), exenatide 2 mg (n = 7), "
                   "dulaglutide 1.5 mg (n = 6), or placebo (n = 15).")}
    first = extract_study_tables(documents("b", "a"), texts).arms
    assert list(first.columns) == ARM_COLUMNS
    assert first["doc_id"].tolist() == ["a"] * 10 + ["b"] * 2
    assert first["arm_id"].tolist()[:10] == [f"arm{i}" for i in range(1, 11)]     # arm2 before arm10
    assert first.loc[first["doc_id"] == "b", ["canonical", "n", "role"]].values.tolist() == [
        ["rituximab", 40, "experimental"], ["azathioprine", 38, "control"]]
    assert first.loc[9, ["canonical", "role"]].tolist() == ["placebo", "control"]
    write_csv_atomic(first, tmp_path / "arms1.csv")
    write_csv_atomic(extract_study_tables(documents("a", "b"), texts).arms, tmp_path / "arms2.csv")
    assert (tmp_path / "arms1.csv").read_bytes() == (tmp_path / "arms2.csv").read_bytes()
    assert (tmp_path / "arms1.csv").read_text().splitlines()[0] == ",".join(ARM_COLUMNS)


def test_arm_means_medians_and_baseline_rows_are_never_pooled():
    from evidence_review.synthesis.cells import build_members

    table = pipe_table(RESULTS, HEADER, caption="Table 2. Efficacy and safety")
    docs = documents("d1").assign(design="RCT", condition="obesity")
    estimates = extract_study_tables(docs, {"d1": RESULTS}, {"d1": {"tables": [table]}}).estimates
    estimates.loc[estimates["outcome"] == "Adverse events: Headache", "role"] = "baseline"
    members = build_members(estimates, docs).set_index("estimate_id")
    for row in estimates.to_dict("records"):
        member = members.loc[row["estimate_id"]]
        # the wording of the reason is synthesis's; that these rows stay out, with a reason, is the contract
        if row["measure"] in ("MEAN", "MEDIAN") or row["role"] == "baseline":
            assert not member["included"] and member["reason"], row
    # the experimental arms' proportions stay poolable (a control arm's alone is synthesis's call)
    experimental = estimates[(estimates["measure"] == "PROPORTION") & (estimates["role"].fillna("") != "baseline")
                             & estimates["intervention"].isin(["drug a", "drug b"])]
    assert len(experimental) == 4 and members.loc[experimental["estimate_id"], "included"].all()


def test_rows_without_outer_bars_effect_cells_naming_their_measure_and_demographic_rows():
    text = """Tocilizumab versus rituximab in relapsing NMOSD: a two-centre cohort
Methods: 96 patients were followed (tocilizumab n = 50, rituximab n = 46).
Table 2. Results by treatment
Characteristic | Tocilizumab (n = 50) | Rituximab (n = 46) | Estimate (95% CI) | p
Female, n (%) | 44 (88.0) | 41 (89.1) | | 0.86
Age, years, mean (SD) | 40.2 (11.0) | 42.5 (12.9) | | 0.35
Relapse-free at 24 months, n/N | 39/50 | 28/46 | aHR 0.41 (0.19–0.88) | 0.02
EDSS change, mean (SD) | −0.3 (1.1) | 0.2 (1.3) | MD −0.5 (−1.0 to 0.0) | 0.05
"""
    table = pipe_table(text, text.split("\n")[3], caption="Table 2. Results by treatment")
    study = build_study("d6", text, {"tables": [table]})
    assert [(a.canonical, a.n, a.role) for a in study.arms] == [
        ("tocilizumab", 50, "experimental"), ("rituximab", 46, "control")]
    rows = read_table("d6", text, table, study)
    assert {(r["outcome"], r["role"]) for r in rows if r["role"] == "baseline"} == {("Female", "baseline"),
                                                                                    ("Age", "baseline")}
    free = by(rows, "Relapse-free", "tocilizumab")
    assert (free["events"], free["total"], free["timepoint"], free["role"]) == (39, 50, "24 months", "")
    hr = [r for r in rows if r["measure"] == "HR"]
    assert [(r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["adjusted"], r["intervention"], r["comparator"])
            for r in hr] == [(0.41, 0.19, 0.88, 0.02, "yes", "tocilizumab", "rituximab")]
    md = [r for r in rows if r["measure"] == "MD"]
    assert [(r["value"], r["ci_low"], r["ci_high"]) for r in md] == [(-0.5, -1.0, 0.0)]
    assert by(rows, "EDSS change", "tocilizumab")["value"] == -0.3
    for r in rows:
        assert text[r["start"]:r["end"]] == r["evidence"]


def test_an_interval_cell_without_a_stated_format_is_read_as_median_iqr_and_marked():
    parsed = parse_arm_cell("5.0 (3.0-7.0)", "", 20)
    assert (parsed["measure"], parsed["q1"], parsed["q3"]) == ("MEDIAN", 3.0, 7.0)
    assert parsed["needs_review"] == "format not stated: read as median (IQR)"
    assert "needs_review" not in parse_arm_cell("5.0 (3.0-7.0)", "median_iqr", 20)
    mean_ci = parse_arm_cell("5.0 (3.0-7.0)", "mean_ci", 20)
    assert (mean_ci["measure"], mean_ci["ci_low"], mean_ci["ci_high"]) == ("MEAN", 3.0, 7.0)
    # the SD behind a 95% CI of a mean of 20 patients uses t with 19 degrees of freedom
    assert mean_ci["sd"] == pytest.approx(20 ** 0.5 * 4.0 / (2 * 2.093024), rel=1e-5)
    assert mean_ci["flags"] == ["sd_from_ci"]


def test_header_rows_from_the_grid_or_the_first_row():
    text = "| | Placebo (N = 47) | Drug 10 mg (n=52) |\n| Response, n (%) | 10 (21.3) | 25 (48.1) |"
    table = pipe_table(text, text.split("\n")[0])
    for c in table["cells"]:
        c["header"] = False
    del table["header_rows"]          # no header information at all: the first row is the header
    rows = read_table("d7", text, table, build_study("d7", text, {"tables": [table]}))
    assert [(r["intervention"], r["events"], r["total"]) for r in rows] == [("placebo", 10, 47), ("drug", 25, 52)]
    # two header rows: the arm's name above its size
    text2 = "| | Placebo | Drug 10 mg |\n| | (N = 47) | (n=52) |\n| Response, n (%) | 10 (21.3) | 25 (48.1) |"
    table2 = pipe_table(text2, text2.split("\n")[0], header_rows=2)
    study2 = build_study("d8", text2, {"tables": [table2]})
    assert [(a.canonical, a.n) for a in study2.arms] == [("placebo", 47), ("drug", 52)]
    assert [r["total"] for r in read_table("d8", text2, table2, study2)] == [47, 52]


def test_annualized_rate_rows_are_arr_rows_with_their_phase_even_in_table_1():
    text = """Table 1. Baseline characteristics
| Characteristic | Rituximab (n = 40) | Azathioprine (n = 38) |
| Age at onset, years, median (IQR) | 38 (29–47) | 41 (32–50) |
| ARR before treatment, mean (SD) | 1.21 (0.84) | 1.09 (0.77) |
"""
    table = pipe_table(text, text.split("\n")[1], caption="Table 1. Baseline characteristics")
    rows = read_table("d9", text, table, build_study("d9", text, {"tables": [table]}))
    rate = [r for r in rows if r["measure"] == "ARR"]
    assert [(r["intervention"], r["value"], r["sd"], r["outcome"], r["timepoint"], r["role"], r["unit"]) for r in rate] == [
        ("rituximab", 1.21, 0.84, "annualized relapse rate", "before treatment", "", "per patient-year"),
        ("azathioprine", 1.09, 0.77, "annualized relapse rate", "before treatment", "", "per patient-year")]
    assert {r["role"] for r in rows if r["measure"] == "MEDIAN"} == {"baseline"}


def test_columns_of_patient_groups_are_not_arms():
    text = ("Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38).\n"
            "| | Women (n = 50) | Men (n = 28) | Responders (n = 30) | AQP4-IgG positive (n = 60) |\n"
            "| Relapse, n (%) | 10 (20.0) | 6 (21.4) | 2 (6.7) | 14 (23.3) |")
    table = pipe_table(text, text.split("\n")[1])
    study = build_study("d10", text, {"tables": [table]})
    assert [a.canonical for a in study.arms] == ["rituximab", "placebo"]
    assert read_table("d10", text, table, study) is None


def test_effect_columns_naming_their_comparison_in_a_three_arm_table():
    text = """Patients were randomly assigned to drug A, drug B or placebo.
| | Drug A (N=91) | Drug B (N=90) | Placebo (N=144) | Drug A vs placebo, HR (95% CI) | Drug B vs placebo, HR (95% CI) |
| Death — no. (%) | 5 of 91 (5.5)* | 7 of 90 (7.8) | 16 of 144 (11.1) | 0.48 (0.18–1.31)† | 0.70 (0.29–1.70) |
"""
    table = pipe_table(text, text.split("\n")[1])
    study = build_study("d11", text, {"tables": [table]})
    rows = read_table("d11", text, table, study)
    assert [(r["intervention"], r["comparator"], r["value"], r["ci_low"], r["ci_high"]) for r in rows if r["measure"] == "HR"] == [
        ("drug a", "placebo", 0.48, 0.18, 1.31), ("drug b", "placebo", 0.7, 0.29, 1.7)]
    assert [(r["events"], r["total"], r["outcome"]) for r in rows if r["measure"] == "PROPORTION"] == [
        (5, 91, "Death"), (7, 90, "Death"), (16, 144, "Death")]
    assert not [r for r in rows if r["needs_review"]]


def test_a_population_column_makes_subgroup_rows_of_the_captions_outcome():
    text = """Adults were randomised 1:1 to the FcRn blocker or placebo.
Table 2. MG-ADL responders in cycle 1
| Population | FcRn blocker, n/N (%) | Placebo, n/N (%) | OR (95% CI) |
|---|---|---|---|
| AChR-Ab+ | 44/65 (67.7) | 19/64 (29.7) | 4.95 (2.21-11.53) |
| All randomised | 57/84 (67.9) | 31/83 (37.3) | 3.70 (1.85-7.58) |
"""
    table = pipe_table(text, text.split("\n")[2], caption="Table 2. MG-ADL responders in cycle 1")
    study = build_study("d12", text, {"tables": [table]})
    rows = read_table("d12", text, table, study)
    assert [(r["measure"], r["intervention"], r["comparator"], r["events"], r["total"], r["subgroup"], r["role"])
            for r in rows] == [
        ("PROPORTION", "fcrn blocker", "", 44, 65, "AChR-Ab+", "subgroup"),
        ("PROPORTION", "placebo", "", 19, 64, "AChR-Ab+", "subgroup"),
        ("OR", "fcrn blocker", "placebo", None, None, "AChR-Ab+", "subgroup"),
        ("PROPORTION", "fcrn blocker", "", 57, 84, "", ""),
        ("PROPORTION", "placebo", "", 31, 83, "", ""),
        ("OR", "fcrn blocker", "placebo", None, None, "", "effect")]
    assert {(r["outcome"], r["timepoint"]) for r in rows} == {("MG-ADL responders", "cycle 1")}


def test_an_arm_over_a_count_and_a_percentage_column_gives_one_row():
    text = """| Characteristic | Drug X (n = 60) | Drug X (n = 60) | Placebo (n = 60) | Placebo (n = 60) |
| Characteristic | n | % | n | % |
| Responders | 41 | 68.3 | 23 | 38.3 |
| Headache, mean (SD) | 1.2 (0.4) | | 1.0 (0.5) | |
"""
    table = pipe_table(text, text.split("\n")[0], header_rows=2, caption="Table 3. Outcomes")
    study = build_study("d13", text, {"tables": [table]})
    assert [(a.canonical, a.n) for a in study.arms] == [("drug x", 60), ("placebo", 60)]
    rows = read_table("d13", text, table, study)
    assert [(r["measure"], r["intervention"], r["events"], r["total"], r["needs_review"]) for r in rows] == [
        ("PROPORTION", "drug x", 41, 60, ""), ("PROPORTION", "placebo", 23, 60, ""),
        ("MEAN", "drug x", None, 60, ""), ("MEAN", "placebo", None, 60, "")]


def test_column_formats_in_headers_resolve_to_the_arm_and_read_the_cells():
    text = """| Outcome | Anti-CD19 (n = 174) | Anti-CD19 (n = 174) | Placebo (n = 56) | Placebo (n = 56) |
| Outcome | n (%) | mean ± SD | n (%) | mean ± SD |
| Adjudicated attack | 21 (12.1) | — | 22 (39.3) | — |
| Change in visual acuity | — | -0.6 ± 4.1 | — | -0.4 ± 3.9 |
"""
    table = pipe_table(text, text.split("\n")[0], header_rows=2)
    study = build_study("d14", text, {"tables": [table]})
    assert [(a.canonical, a.n) for a in study.arms] == [("anti-cd19", 174), ("placebo", 56)]
    rows = read_table("d14", text, table, study)
    assert [(r["measure"], r["intervention"], r["value"], r["sd"]) for r in rows] == [
        ("PROPORTION", "anti-cd19", pytest.approx(21 / 174), None), ("PROPORTION", "placebo", pytest.approx(22 / 56), None),
        ("MEAN", "anti-cd19", -0.6, 4.1), ("MEAN", "placebo", -0.4, 3.9)]


def test_the_captions_timepoint_is_the_rows_when_they_name_none():
    text = """Patients were randomly assigned to rituximab (n = 40) or placebo (n = 38).
| | Rituximab (n = 40) | Placebo (n = 38) |
| Death, n (%) | 2 (5.0) | 6 (15.8) |
| Relapse at week 12, n (%) | 4 (10.0) | 9 (23.7) |
"""
    table = pipe_table(text, text.split("\n")[1], caption="Table 2. Outcomes at 28 days")
    rows = read_table("d15", text, table, build_study("d15", text, {"tables": [table]}))
    assert [(r["outcome"], r["timepoint"]) for r in rows] == [
        ("Death", "28 days"), ("Death", "28 days"), ("Relapse", "week 12"), ("Relapse", "week 12")]
