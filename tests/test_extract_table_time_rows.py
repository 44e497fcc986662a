"""Row labels that are bare numbers counting a unit of time a header names: "Time (minute)" over "Baseline", "5",
"15", "30"; a heading row "Post-operative, h, mean ± SD" over "0", "1", "2" (tests/fixtures/extract_heldout12 and 13
BLIND_SCORES.md, "Timepoint": such rows were given no time). Bare numbers under a header naming a quantity measured
in that unit ("Hospital stay (days)") or under no unit ("Parity") are categories, given none."""
from __future__ import annotations

from table_grids import read_pipe_table as _read

from evidence_review.extract.table_reader import unit_time

_TRIAL = "Adults were randomly assigned to nasal ketamine or saline.\n"


def test_bare_numbers_under_a_label_header_naming_minutes_are_times():
    text = _TRIAL + """Table 2. Pain score of the two groups
| Time (min) | Ketamine | Saline | P |
| Baseline | 7.1 ± 1.2 | 6.9 ± 1.1 | 0.40 |
| 10 | 5.2 ± 1.4 | 6.1 ± 1.3 | 0.01 |
| 20 | 4.0 ± 1.6 | 5.5 ± 1.2 | 0.001 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Pain score of the two groups")
    assert [(r["intervention"], r["value"], r["timepoint"]) for r in rows] == [
        ("nasal ketamine", 7.1, "baseline"), ("saline", 6.9, "baseline"), ("nasal ketamine", 5.2, "10 minutes"),
        ("saline", 6.1, "10 minutes"), ("nasal ketamine", 4.0, "20 minutes"), ("saline", 5.5, "20 minutes")]
    assert {r["outcome"] for r in rows[2:]} == {"Pain score of the two groups"}


def test_bare_numbers_under_a_heading_row_naming_hours_after_an_event_are_times_after_it():
    text = _TRIAL + """Table 3. Nausea score
| | Ketamine | Saline |
| Postoperative, hours, mean ± SD | | |
| 0 | 2.2 ± 0.4 | 2.9 ± 0.6 |
| 6 | 1.1 ± 0.3 | 2.4 ± 0.5 |
| 24 | 0.5 ± 0.2 | 1.0 ± 0.4 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Nausea score")
    assert [r["timepoint"] for r in rows] == ["0 hours postoperative"] * 2 + ["6 hours postoperative"] * 2 + \
        ["24 hours postoperative"] * 2
    assert [r["value"] for r in rows] == [2.2, 2.9, 1.1, 2.4, 0.5, 1.0]


def test_bare_numbers_under_a_quantity_or_no_unit_are_categories_without_a_time():
    text = _TRIAL + """Table 1. Characteristics
| | Ketamine (n = 40) | Saline (n = 40) |
| Parity, n (%) | | |
| 0 | 12 (30.0) | 14 (35.0) |
| 1 | 28 (70.0) | 26 (65.0) |
| Hospital stay (days), n (%) | | |
| 2 | 30 (75.0) | 25 (62.5) |
| 3 | 10 (25.0) | 15 (37.5) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Characteristics")
    assert [(r["events"], r["total"]) for r in rows] == [(12, 40), (14, 40), (28, 40), (26, 40), (30, 40), (25, 40),
                                                         (10, 40), (15, 40)]
    assert not any(r["timepoint"] for r in rows)


def test_unit_time_reads_the_header_forms_of_a_unit_and_its_origin():
    assert unit_time("5", "Time (minute)") == ("5 minutes", False)
    assert unit_time("1", "Post-operative, h, mean ± SD") == ("1 hours post-operative", False)
    assert unit_time("3", "Days after the operation") == ("3 days after the operation", False)
    assert unit_time("2", "Hours before surgery") == ("2 hours before surgery", True)
    assert unit_time("0.5", "Time point (hr)") == ("0.5 hours", False)
    assert unit_time("12", "Weeks of follow-up") == ("12 weeks", False)
    # a quantity measured in a unit of time, two units, a statistic, no header: no time
    for header in ("Hospital stay (days)", "Age (years)", "Duration of surgery (min)", "Cohen's d", "Parity",
                   "Time (h) and dose (days)", ""):
        assert unit_time("4", header) is None, header
    assert unit_time("4a", "Time (min)") is None and unit_time("1200", "Time (min)") is None


def test_heading_rows_naming_an_event_of_care_or_a_day_after_operation_time_the_rows_under_them():
    for first, second, said in (("At discharge", "At 6 months, n (%)", ("at discharge", "6 months")),
                                ("Post-operative day 1", "POD 3", ("post-operative day 1", "postoperative day 3")),
                                ("At hospital discharge", "Week 12", ("at hospital discharge", "week 12"))):
        text = _TRIAL + f"""Table 2. Outcomes
| | Ketamine (n = 30) | Saline (n = 32) |
| {first} | | |
| Vomiting, n (%) | 3 (10.0) | 9 (28.1) |
| Pain score, mean ± SD | 2.1 ± 0.4 | 3.0 ± 0.6 |
| {second} | | |
| Vomiting, n (%) | 1 (3.3) | 5 (15.6) |
"""
        _, rows = _read(text, text.split("\n")[2], "Table 2. Outcomes")
        assert [(r["outcome"], r["timepoint"]) for r in rows][::2] == [
            ("Vomiting", said[0]), ("Pain score", said[0]), ("Vomiting", said[1])], first
    # a bare "Discharge" is an outcome's name, not a time
    text = _TRIAL + """Table 3. Course
| | Ketamine (n = 30) | Saline (n = 32) |
| Discharge | | |
| Home, n (%) | 25 (83.3) | 20 (62.5) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Course")
    assert [r["timepoint"] for r in rows] == ["", ""] and rows[0]["outcome"].startswith("Discharge")
