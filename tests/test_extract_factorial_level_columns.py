"""A factorial trial's two-level header (whole_sample.factor_level_columns): each factor over its levels, every column
one level of one factor; and a row label declaring a share whose cells print the percentage first ("% Female |
61.3 (95)"), the column sized by the shares (table_reader).

Every table here is written for the test (other factors, names and numbers than any document of the corpora)."""
from __future__ import annotations

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table
from evidence_review.extract.whole_sample import factor_level_columns

_TEXT = ("Methods. This was a 2 x 2 x 2 factorial randomised trial of a smartphone programme for physical activity. "
         "Each of three components (Goal Setting, Peer Comparison, Reminder Messages) was given in a full or a brief "
         "version, and 620 adults were randomised.")


def _names(text: str) -> bool:
    return text.strip().rstrip(".").lower() not in ("", "f", "p", "n", "min", "max", "mean", "sd")


def _tests(text: str) -> bool:
    return text.strip().lower() in ("p", "p value", "bayes factor")


def test_factor_levels_under_two_factors_or_more_are_arms():
    paths = {1: ("All",), 2: ("Goal Setting", "Full"), 3: ("Goal Setting", "Brief"),
             4: ("Peer Comparison", "Full."), 5: ("Peer Comparison", "Brief"),
             6: ("Reminder Messages", "Full"), 7: ("Reminder Messages", "Brief")}
    found = factor_level_columns(paths, {1}, _TEXT, _names, _tests)
    assert found == {2: ("Full Goal Setting", "experimental"), 3: ("Brief Goal Setting", "experimental"),
                     4: ("Full Peer Comparison", "experimental"), 5: ("Brief Peer Comparison", "experimental"),
                     6: ("Full Reminder Messages", "experimental"), 7: ("Brief Reminder Messages", "experimental")}
    # "Min" (the minimal version) beside a name is a level; "Min | Max" alone are statistics
    assert set(factor_level_columns({1: ("Goal Setting", "Full"), 2: ("Goal Setting", "Min"),
                                     3: ("Peer Comparison", "Full"), 4: ("Peer Comparison", "Min")},
                                    set(), _TEXT, _names, _tests)) == {1, 2, 3, 4}
    assert factor_level_columns({1: ("Steps", "Min"), 2: ("Steps", "Max"), 3: ("Minutes", "Min"),
                                 4: ("Minutes", "Max")}, set(), _TEXT, _names, _tests) == {}


def test_factor_levels_need_a_factorial_design_and_no_test_columns():
    paths = {1: ("Goal Setting", "Full"), 2: ("Goal Setting", "Brief"),
             3: ("Peer Comparison", "Full"), 4: ("Peer Comparison", "Brief")}
    assert factor_level_columns(paths, set(), "A randomised trial of two programmes.", _names, _tests) == {}
    # one factor alone is no factorial header
    assert factor_level_columns({1: ("Goal Setting", "Full"), 2: ("Goal Setting", "Brief")}, set(), _TEXT,
                                _names, _tests) == {}
    # an outcome over "Full | Brief | F | P": the levels' figures and their test, the rows naming the factors: each
    # column the arm of its level alone, never "Full Steps"; the test's letter and its p no level
    outcome = {1: ("Steps", "Full"), 2: ("Steps", "Brief"), 3: ("Steps", "F"), 4: ("Steps", "P"),
               5: ("Minutes", "Full."), 6: ("Minutes", "Brief"), 7: ("Minutes", "F"), 8: ("Minutes", "P")}
    assert factor_level_columns(outcome, {4, 8}, _TEXT, _names, _tests) == {
        1: ("Full", "experimental"), 2: ("Brief", "experimental"), 5: ("Full", "experimental"),
        6: ("Brief", "experimental")}
    # one header row "Full | Brief | F | P | Bayes factor"
    flat = {1: ("Full",), 2: ("Brief",), 3: ("F",), 4: ("P",), 5: ("Bayes factor",)}
    assert set(factor_level_columns(flat, set(), _TEXT, _names, _tests)) == {1, 2}
    assert factor_level_columns(flat, set(), "A randomised trial.", _names, _tests) == {}


def _grid(rows: list[list[str]], heads: int) -> dict:
    cells = [{"row": r, "col": c, "text": text, "start": 0, "end": 0, "header": r < heads}
             for r, row in enumerate(rows) for c, text in enumerate(row)]
    return {"table_id": "T1", "caption": "Table 1. Baseline characteristics: Mean (n), unless stated.",
            "header_rows": list(range(heads)), "cells": cells}


def test_factorial_table_reads_each_level_column_and_shares_printed_first():
    table = _grid([
        ["", "All", "Goal Setting", "", "Peer Comparison", ""],
        ["", "", "Full", "Brief", "Full.", "Brief"],
        ["Age (SD)", "44.1 (9.80)", "43.6* (9.52)", "44.6* (10.07)", "44.0 (9.91)", "44.2 (9.70)"],
        ["% Female", "61.3 (380)", "61.0 (189)", "61.6 (191)", "62.3 (193)", "60.3 (187)"],
        ["% Employed", "80.6 (500)", "80.3 (249)", "81.0 (251)", "79.7 (247)", "81.6 (253)"],
    ], heads=2)
    table["cells"] = [c for c in table["cells"] if not (c["row"] == 0 and c["text"] == "")] + \
        [{"row": 0, "col": 0, "text": "", "start": 0, "end": 0, "header": True}]
    study = build_study("d1", _TEXT, {"tables": [table]})
    rows = read_table("d1", _TEXT, table, study, source_file="d1.xml") or []
    by = {(str(r.get("intervention")).lower(), r["measure"], r.get("outcome")): r for r in rows}
    age = by[("full goal setting", "MEAN", "Age")]
    assert (age["value"], age["sd"]) == (43.6, 9.52)
    assert by[("brief peer comparison", "MEAN", "Age")]["sd"] == 9.70
    female = by[("full goal setting", "PROPORTION", "Female")]
    # 189 of 310: the total every share of the column agrees on (61.0 % of 310 is 189)
    assert (female["events"], female["total"]) == (189, 310)
    assert by[("brief peer comparison", "PROPORTION", "Employed")]["events"] == 253


def test_levels_before_their_test_under_outcomes_read_with_the_outcome_above():
    table = _grid([
        ["", "Enjoyment", "", "", "", "Effort", "", "", ""],
        ["", "Full", "Brief", "F", "P", "Full", "Brief", "F", "P"],
        ["Goal SettingMean, (SD)", "3.41(0.72)n = 88", "3.26(0.95)n = 74", "1.12", "0.29",
         "2.87(1.10)n = 86", "2.95(1.04)n = 73", "0.23", "0.63"],
        ["Peer ComparisonMean, (SD)", "3.30(0.81)n = 79", "3.38(0.88)n = 83", "0.40", "0.53",
         "2.99(1.06)n = 77", "2.83(1.07)n = 82", "0.90", "0.34"],
    ], heads=2)
    table["caption"] = "Table 4. Main effects of the components on ratings of the programme."
    study = build_study("d1", _TEXT, {"tables": [table]})
    rows = read_table("d1", _TEXT, table, study, source_file="d1.xml") or []
    got = {(str(r.get("intervention")).lower(), r.get("outcome"), r["value"], r.get("sd"), r.get("total")) for r in rows}
    assert ("full", "Enjoyment", 3.41, 0.72, 88) in got
    assert ("brief", "Effort", 2.83, 1.07, 82) in got
    # the F statistics and p values are no arm's figures, and no row is a subgroup of the outcome above
    assert len(rows) == 8 and not any(r.get("subgroup") for r in rows)


def test_bayes_factors_over_the_effects_they_assume_are_no_arms():
    table = _grid([
        ["", "Mean change in steps per day (SD)", "", "", "", "Bayes factors", ""],
        ["", "Full", "Brief", "F", "P", "500 Steps", "250 Steps"],
        ["Goal Setting", "612 (1480)", "540 (1391)", "0.41", "0.52", "0.21", "0.40"],
        ["Peer Comparison", "655 (1502)", "497 (1377)", "1.20", "0.27", "0.33", "0.61"],
    ], heads=2)
    table["caption"] = "Table 2. Main effects of the components on change in steps per day."
    study = build_study("d1", _TEXT, {"tables": [table]})
    rows = read_table("d1", _TEXT, table, study, source_file="d1.xml") or []
    assert {str(r.get("intervention")).lower() for r in rows} == {"full", "brief"}
    assert {(r["value"], r.get("sd")) for r in rows} == {(612, 1480), (540, 1391), (655, 1502), (497, 1377)}
