"""Rows labelled by codes a table's footnote defines ("I: Control; II: Drug X"), one row per outcome and arm, the
outcome printed once over its rows; headers whose time runs into the statistic of its next line."""
from __future__ import annotations

from evidence_review.extract.study import build_study
from evidence_review.extract.table_arms import footnote_coded_rows
from evidence_review.extract.table_reader import unglued_header

from table_grids import read_pipe_table

METHODS = "Eighty patients were randomized to velmorant (n = 40) or placebo (n = 40).\n"


def _study():
    return build_study("d", METHODS, {})


def test_footnote_codes_name_the_arms_of_repeated_codes():
    study = _study()
    found = footnote_coded_rows({1: "I", 2: "II", 3: "I", 4: "II"}, "Values are mean ± SD. I: Placebo; II: Velmorant.",
                                study)
    assert [found[r].name.lower() for r in (1, 2, 3, 4)] == ["placebo", "velmorant", "placebo", "velmorant"]


def test_footnote_codes_negatives():
    study = _study()
    foot = "I: Placebo; II: Velmorant; SBP: systolic blood pressure."
    # a code the footnote does not define
    assert footnote_coded_rows({1: "I", 2: "III", 3: "I", 4: "III"}, foot, study) == {}
    # each code once: no outcome x arm rows
    assert footnote_coded_rows({1: "I", 2: "II"}, foot, study) == {}
    # codes defined as no arm (abbreviations of outcomes)
    assert footnote_coded_rows({1: "SBP", 2: "SBP"}, foot, study) == {}
    # two codes for one arm
    assert footnote_coded_rows({1: "A", 2: "B", 3: "A", 4: "B"}, "A: Placebo; B: placebo", study) == {}
    assert footnote_coded_rows({1: "I", 2: "II", 3: "I", 4: "II"}, "", study) == {}


def test_serial_numbered_table_of_coded_group_rows_under_times():
    # (ingestion joins the two lines of "0 week<break/>mean ± SD" with nothing between them)
    header = "| Serial number | Parameter | Group | 0 weekmean ± SD | 8 weeksmean ± SD |"
    body = ("| 1 | HR (beats/min) | I | 81.20 ± 9.10 | 78.40 ± 8.30 |\n"
            "| 1 | HR (beats/min) | II | 82.70 ± 9.90 | 71.10 ± 7.60 |\n"
            "| 2 | Weight (kg) | I | 70.30 ± 11.20 | 69.80 ± 10.90 |\n"
            "| 2 | Weight (kg) | II | 71.60 ± 12.40 | 67.20 ± 11.50 |")
    foot = "Values are mean ± SD. I: Placebo; II: Velmorant; HR: heart rate."
    text = f"{METHODS}Table 2. Heart rate and weight\n{header}\n{body}\n{foot}\n"
    rows = read_pipe_table(text, header, caption="Table 2. Heart rate and weight", footnote=foot)[1] or []
    got = sorted((str(r["intervention"]).lower(), str(r["outcome"]), r["timepoint"], r["value"], r["sd"]) for r in rows
                 if r["measure"] == "MEAN")
    assert ("placebo", "HR (beats/min)", "week 0", 81.2, 9.1) in got
    assert ("velmorant", "Weight (kg)", "8 weeks", 67.2, 11.5) in got
    assert len(got) == 8


def test_serial_numbered_table_without_a_footnote_gives_no_arm_rows():
    header = "| Serial number | Parameter | Group | 0 weekmean ± SD | 8 weeksmean ± SD |"
    body = ("| 1 | HR (beats/min) | I | 81.20 ± 9.10 | 78.40 ± 8.30 |\n"
            "| 1 | HR (beats/min) | II | 82.70 ± 9.90 | 71.10 ± 7.60 |")
    text = f"{METHODS}Table 2. Heart rate\n{header}\n{body}\n"
    rows = read_pipe_table(text, header, caption="Table 2. Heart rate")[1] or []
    assert not any(str(r["intervention"]).lower() in ("placebo", "velmorant") for r in rows)


def test_unglued_header():
    assert unglued_header("0 weekmean ± SD") == "0 week, mean ± SD"
    assert unglued_header("24 hoursmedian (IQR)") == "24 hours, median (IQR)"
    assert unglued_header("Weekly mean") == "Weekly mean"       # no number before the unit
    assert unglued_header("12 months") == "12 months"
    assert unglued_header("3 daysmean") == "3 days, mean"


def test_superscript_letter_and_number_after_a_figure_is_a_mark():
    from evidence_review.extract.arm_cells import parse_arm_cell
    parsed = parse_arm_cell("71.10 ± 7.60^b1", "", 40)
    assert parsed is not None and (parsed["value"], parsed["sd"]) == (71.1, 7.6)
    assert parse_arm_cell("4.5 × 10^9", "", 40) is None      # a power of ten is no mark
