"""Each arm's statistics in column blocks of their own, named in the plural ("Mean | Standard deviations" over "Pre |
Post" under each arm): every mean read with its SD at its time (grammar.statistic_name, table_reader's statistic
groups).

Every table here is written for the test (other fields, names and numbers than any document of the corpora)."""
from __future__ import annotations

import pytest

from evidence_review.extract.grammar import statistic_name
from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table

_TEXT = ("Methods. Twenty-four adults were randomly assigned to an experimental group (relaxation training) or a control "
         "group (usual care), twelve in each.")


@pytest.mark.parametrize("text, name", [("Standard deviations", "sd"), ("SDs", "sd"), ("Means", "mean"),
                                        ("Medians", "median"), ("Standard errors", "se"), ("Standard deviation", "sd")])
def test_statistic_names_read_in_the_plural(text, name):
    assert statistic_name(text) == name


@pytest.mark.parametrize("text", ["Meds", "Means (SD)", "Mean (SD)", "Age"])
def test_plural_names_leave_other_words_and_pairs(text):
    assert statistic_name(text) is None


def test_mean_and_sd_blocks_under_each_arm_and_time():
    rows = [["Variables", "Experimental", "", "", "", "Control", "", "", ""],
            ["", "Mean", "", "Standard deviations", "", "Mean", "", "Standard deviations", ""],
            ["", "Pre", "Post", "Pre", "Post", "Pre", "Post", "Pre", "Post"],
            ["Sleep quality", "9.4", "4", "2.7", "1.95", "9.5", "8.2", "2.9", "3.31"],
            ["Fatigue", "12.2", "7.6", "4.06", "3.12", "11.3", "10.5", "4.4", "5.2"]]
    spans = {(0, 1): 4, (0, 5): 4, (1, 1): 2, (1, 3): 2, (1, 5): 2, (1, 7): 2}
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == "" and r < 2 and c > 0:
                # a spanning cell is printed once; the grid repeats it over its columns as HTML does
                start = max(s for (rr, s), w in spans.items() if rr == r and s <= c < s + w)
                text = rows[r][start]
            cells.append({"row": r, "col": c, "text": text, "start": 0, "end": 0, "header": r < 3})
    table = {"table_id": "T2", "caption": "Table 2. Descriptive indexes prior to and following treatment",
             "header_rows": [0, 1, 2], "cells": cells}
    study = build_study("d1", _TEXT, {"tables": [table]})
    got = read_table("d1", _TEXT, table, study, source_file="d1.xml") or []
    means = {(r.get("outcome"), r["value"], r.get("sd")) for r in got if r["measure"] == "MEAN"}
    assert ("Sleep quality", 9.4, 2.7) in means and ("Sleep quality", 4.0, 1.95) in means
    assert ("Fatigue", 10.5, 5.2) in means and ("Sleep quality", 8.2, 3.31) in means
    # no mean without its SD, no SD read as a mean
    assert all(r.get("sd") is not None for r in got if r["measure"] == "MEAN") and len(means) == 8
