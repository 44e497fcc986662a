"""Arm sizes that hold for one section of a table: a row "| | (n = 44) | (n = 50) |" under a group heading gives
the arms' sizes for that group only (fewer patients measured), and the column headers' sizes hold again from the
next group on. The size row may carry a footnote mark ("(n = 44) *")."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table


def _rows(text: str, header_line: str, caption: str):
    table = pipe_table(text, header_line, caption=caption, header_rows=2)
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study)
    return [(r["outcome"], r["intervention"], r.get("events"), r.get("total"), r["value"])
            for r in rows if r["measure"] in ("PROPORTION", "MEAN")]


def test_a_size_row_under_a_group_heading_holds_until_the_next_group():
    text = """Patients were randomly assigned to tranexamic acid or saline.
Table 2. Outcomes after surgery
| | Tranexamic acid | Saline |
| | n = 48 | n = 50 |
| Drain output after surgery | | |
| | (n = 44) * | (n = 50) |
| Total drain output (ml) | | |
| mean ± sd | 310 ± 120 | 420 ± 150 |
| Drain output ≥ 600 ml %(n) | 9.1 (4) | 24.0 (12) |
| Haemoglobin measures | | |
| Haemoglobin on day 2 | | |
| mean ± sd | 10.2 ± 1.3 | 9.6 ± 1.5 |
| Transfusion %(n) | 4.2 (2) | 16.0 (8) |
"""
    rows = _rows(text, "| | Tranexamic acid | Saline |", "Table 2. Outcomes after surgery")
    by = {(o.split(": ")[-1], arm): (events, total, value) for o, arm, events, total, value in rows}
    drain = next(k for k in by if k[0].startswith("Drain output ≥ 600 ml") and k[1] == "tranexamic acid")
    assert by[drain][:2] == (4, 44)
    assert abs(by[drain][2] - 4 / 44) < 1e-9
    # "mean ± sd" under a heading names the statistic only: the heading is the outcome
    means = {value: total for o, arm, events, total, value in rows if arm == "tranexamic acid" and events is None
             and o in ("Total drain output (ml)", "Haemoglobin on")}      # ("day 2" is the row's timepoint)
    assert means == {310: 44, 10.2: 48}
    transfusion = next(k for k in by if k[0].startswith("Transfusion") and k[1] == "tranexamic acid")
    assert by[transfusion][:2] == (2, 48)
    saline = next(k for k in by if k[0].startswith("Transfusion") and k[1] == "saline")
    assert by[saline][:2] == (8, 50)


def test_a_size_row_under_a_flat_heading_holds_until_the_next_heading():
    text = """Patients were randomly assigned to ondansetron or placebo.
Table 3. Postoperative events
| | Ondansetron | Placebo |
| | n = 60 | n = 62 |
| Patients followed to day 30 | | |
| | (n = 55) | (n = 58) |
| Readmission, n (%) | 5 (9.1) | 12 (20.7) |
| Events in hospital | | |
| Vomiting, n (%) | 6 (10.0) | 19 (30.6) |
"""
    rows = _rows(text, "| | Ondansetron | Placebo |", "Table 3. Postoperative events")
    found = {(o.split(": ")[-1].split(",")[0], arm): (events, total) for o, arm, events, total, _ in rows}
    assert found[("Readmission", "ondansetron")] == (5, 55)
    assert found[("Readmission", "placebo")] == (12, 58)
    assert found[("Vomiting", "ondansetron")] == (6, 60)
    assert found[("Vomiting", "placebo")] == (19, 62)


def test_a_size_row_of_one_table_sizes_the_arms_of_the_next_tables():
    # "| (No.) | 40 | 42 |" in the demographic table is the only place the arms' sizes are printed: the outcome
    # table's "8 (20)" is 8 of 40
    from evidence_review.extract.table_reader import read_tables
    text = """Children were randomly assigned to oral ondansetron or placebo.
Table 1. Demographic data
| | Ondansetron | Placebo |
| (No.) | 40 | 42 |
| Age (year) | 4.1 ± 1.0 | 4.3 ± 1.2 |

Table 2. Events after surgery
| | Ondansetron (%) | Placebo (%) |
| Vomiting | 8 (20) | 21 (50) |
| Time to discharge (min.) | 190.2 ± 20.5 | 205.3 ± 25.1 |
"""
    lines = text.split("\n")
    tables = [pipe_table(text, lines[2], "T1", caption=lines[1]), pipe_table(text, lines[7], "T2", caption=lines[6])]
    study = build_study("d", text, {"tables": tables})
    rows, _ = read_tables("d", text, {"tables": tables}, study)
    found = {(r["outcome"], r["intervention"]): (r.get("events"), r.get("total")) for r in rows}
    assert found[("Vomiting", "ondansetron")] == (8, 40)
    assert found[("Vomiting", "placebo")] == (21, 42)
    assert found[("Time to discharge (min.)", "placebo")][1] == 42


def test_a_group_size_row_does_not_size_the_arms_of_other_tables():
    from evidence_review.extract.table_reader import read_tables
    text = """Children were randomly assigned to oral ondansetron or placebo.
Table 2. Events after surgery
| | Ondansetron | Placebo |
| Followed to day 30 | | |
| | (n = 35) | (n = 37) |
| Readmission, n (%) | 5 (14.3) | 9 (24.3) |

Table 3. Events in hospital
| Event | Ondansetron | Placebo |
| Vomiting, n (%) | 8 (20.0) | 21 (50.0) |
"""
    lines = text.split("\n")
    tables = [pipe_table(text, lines[2], "T2", caption=lines[1]), pipe_table(text, lines[8], "T3", caption=lines[7])]
    study = build_study("d", text, {"tables": tables})
    rows, _ = read_tables("d", text, {"tables": tables}, study)
    vomiting = [r for r in rows if r["outcome"].startswith("Vomiting") and r["measure"] == "PROPORTION"]
    assert {r["intervention"]: r.get("total") for r in vomiting} == {"ondansetron": None, "placebo": None}


def test_a_column_of_unknown_size_takes_the_total_its_percentages_agree_on():
    # the first arm's size is printed nowhere; "24 (80.0)" and "6 (20.0)" are both of 30 ("1 (3.3)" alone could be of
    # 29 or 30): the column's counts are of 30
    text = """Patients were randomly assigned to ketorolac or to the control group of 31 patients (control).
Table 2. Results in the two groups
| Variable | Ketorolac | Control (n = 31) |
| Response, n (%) | 24 (80.0) | 20 (64.5) |
| Failure, n (%) | 6 (20.0) | 11 (35.5) |
| Rash, n (%) | 1 (3.3) | 0 (0.0) |
"""
    table = pipe_table(text, text.split("\n")[2], caption=text.split("\n")[1])
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study)
    found = {(r["outcome"].split(",")[0], r["intervention"]): (r.get("events"), r.get("total"))
             for r in rows if r["measure"] == "PROPORTION"}
    assert found[("Response", "ketorolac")] == (24, 30)
    assert found[("Failure", "ketorolac")] == (6, 30)
    assert found[("Rash", "ketorolac")] == (1, 30)
    assert found[("Response", "control")] == (20, 31)


def test_a_column_whose_percentages_disagree_keeps_no_size():
    text = """Patients were randomly assigned to ketorolac or to the control group of 31 patients (control).
Table 2. Results in the two groups
| Variable | Ketorolac | Control (n = 31) |
| Response, n (%) | 24 (80.0) | 20 (64.5) |
| Failure, n (%) | 6 (24.0) | 11 (35.5) |
"""
    table = pipe_table(text, text.split("\n")[2], caption=text.split("\n")[1])
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study)
    totals = {r["outcome"].split(",")[0]: r.get("total") for r in rows
              if r["measure"] == "PROPORTION" and r["intervention"] == "ketorolac"}
    assert totals == {"Response": None, "Failure": None}


def test_a_cell_disagreeing_with_the_size_its_column_implies_keeps_its_printed_share():
    text = """Patients were randomly assigned to ketorolac or to the control group of 31 patients (control).
Table 2. Results in the two groups
| Variable | Ketorolac | Control (n = 31) |
| Response, n (%) | 24 (80.0) | 20 (64.5) |
| Failure, n (%) | 6 (20.0) | 11 (35.5) |
| Men, n (%) | 17 (60.0) | 15 (48.4) |
"""
    table = pipe_table(text, text.split("\n")[2], caption=text.split("\n")[1])
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study)
    men = next(r for r in rows if r["outcome"].startswith("Men") and r["intervention"] == "ketorolac")
    assert men["total"] is None and abs(men["value"] - 0.60) < 1e-9
    response = next(r for r in rows if r["outcome"].startswith("Response") and r["intervention"] == "ketorolac")
    assert response["total"] == 30


def test_a_row_before_a_later_event_is_an_outcome_not_the_before_of_a_before_after():
    # "Before weaning" is measured after treatment began (weaning ends it); "Before treatment" is the baseline
    import pandas as pd

    from evidence_review.extract import extract_study_tables
    text = """Methods: Infants were randomly assigned to surfactant (n = 30) or air (n = 30).
Results
Table 2. Observation indicators in the two groups
| Indicator | When | Surfactant (n = 30) | Air (n = 30) | P |
| Oxygenation index | Before treatment | 131.5±14.2 | 129.8±16.0 | >0.05 |
| | Before weaning | 301.4±28.7 | 268.9±21.3 | <0.05 |
"""
    table = pipe_table(text, text.split("\n")[3], caption=text.split("\n")[2])
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    roles = {float(v): r for v, r in zip(estimates["value"], estimates["role"]) if v in (131.5, 301.4, 268.9)}
    assert roles == {131.5: "baseline", 301.4: "effect", 268.9: "effect"}
