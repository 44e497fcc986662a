"""A mean declared with its confidence interval or with its range (declared_formats.py): "Mean (CI)" over the arms'
columns, "averages (95% confidence interval)" in a footnote, "Minimum and maximum values are indicated in parenthesis"
under a caption naming the mean. Its "x (a-b)" cells are MEANs with that interval or range; a bare "x (a-b)" stays a
median only when nothing declares otherwise. Texts written for these tests (shapes of trial tables; numbers, names
and fields of no document)."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table

from evidence_review.extract.declared_formats import (centred_formats, declared_formats, label_format,
                                                      table_declared_formats, table_format)


# ------------------------------------------------------------------------------------------- what words declare
@pytest.mark.parametrize("label, expected", [
    ("Mean (CI)", "mean_ci"),                   # the interval without its level: the usual 95 %
    ("Median (CI)", "median_ci"),
    ("Average (95% CI)", "mean_ci"),
    ("Change (CI)", "mean_ci"),
    ("Age, years (min-max)", "median_range"),   # the spread alone: a median's unless the table names the mean
    ("Score, mean (min–max)", "mean_range"),
    ("Mean (circumference)", "mean"),           # ("ci" opening a word is no interval)
    ("Average number of visits", ""),             # a bare "average" names no format, only one joined to its spread
])
def test_a_label_declaring_a_centre_with_its_interval_or_range(label, expected):
    assert label_format(label) == expected


@pytest.mark.parametrize("words, expected", [
    ("Durations are presented in minutes as averages (95% confidence interval). Successes are presented as "
     "proportions of attempts (percentages).", ("mean_ci", "pct")),
    ("Minimum and maximum values are indicated in parenthesis.", ("median_range",)),
    ("Ranges are given in brackets.", ("median_range",)),
    ("Values in parentheses are the minimum and maximum.", ("median_range",)),
    ("Normal ranges are given in parentheses.", ()),        # a reference range is no spread of the cells
])
def test_a_footnote_declaring_an_interval_or_a_range(words, expected):
    assert declared_formats(words) == expected


def test_a_range_declared_alone_takes_the_centre_the_table_names():
    footnote = "Minimum and maximum values are indicated in parenthesis."
    assert table_format("Table 2. Mean pain scores after surgery.", footnote) == "mean_range"
    assert table_format("Table 2. Pain scores after surgery.", footnote) == "median_range"
    assert table_format("Table 2. Median pain scores after surgery.", footnote) == "median_range"
    # (a median named with its range stays a median's, whatever else the words name)
    assert centred_formats(("median_range",), "Values are median (range); mean ± SD elsewhere") == ("median_range",)
    assert table_declared_formats("Table 3. Mean recovery scores", "Ranges are given in brackets.", "", "") == \
        ("mean_range",)


# ------------------------------------------------------------------------------------------- read in a table
def _rows(rows, word, arm):
    return [r for r in rows if word in r["outcome"].lower() and r["intervention"] == arm]


AVERAGES = """Methods: Trainees were randomly assigned to device A or device B.

Table 1. Performance at the first evaluation
| Outcome | Device A (n = 36) | Device B (n = 38) |
| Pause duration | 41.0 (36.0-46.0) | 12.5 (8.9-16.1)* |
| Attempts | 1.9 (1.6-2.2) | 1.2 (1.0-1.4) |
| Success | 13/36 (36%) | 35/38 (92%) |
Durations are presented in seconds as averages (95% confidence interval). Attempts are presented as absolute numbers (95% confidence interval). Successes are presented as proportions of sessions (percentages)."""
AVERAGES_HEADER = "| Outcome | Device A (n = 36) | Device B (n = 38) |"
AVERAGES_NOTE = AVERAGES.splitlines()[-1]


def test_a_footnote_declaring_averages_with_their_ci_reads_means():
    _, rows = read_pipe_table(AVERAGES, AVERAGES_HEADER, caption="Table 1. Performance at the first evaluation",
                              footnote=AVERAGES_NOTE)
    [pause] = _rows(rows, "pause", "device b")
    assert (pause["measure"], pause["value"], pause["ci_low"], pause["ci_high"]) == ("MEAN", 12.5, 8.9, 16.1)
    assert pause["q1"] is None and "sd_from_ci" in pause["flags"]     # the SD derived from the CI, flagged
    [attempts] = _rows(rows, "attempts", "device a")
    assert (attempts["measure"], attempts["ci_low"], attempts["ci_high"]) == ("MEAN", 1.6, 2.2)
    [success] = _rows(rows, "success", "device a")
    assert (success["measure"], success["events"], success["total"]) == ("PROPORTION", 13, 36)
    assert not [r for r in rows if r["measure"] == "MEDIAN"]


def test_without_a_declaration_the_bracketed_pair_stays_a_median():
    text = AVERAGES.replace(AVERAGES_NOTE, "")
    _, rows = read_pipe_table(text, AVERAGES_HEADER, caption="Table 1. Performance at the first evaluation")
    [pause] = _rows(rows, "pause", "device b")
    assert (pause["measure"], pause["q1"], pause["q3"]) == ("MEDIAN", 8.9, 16.1)


MEAN_CI_HEADER = """Methods: Adults were randomly assigned to exercise classes or a control group.

Table 2. Change from baseline
| Outcome | Exercise (n = 30) | Control (n = 29) |
|  | Mean (CI) | Mean (CI) |
| Cholesterol (mmol/L) change from baseline | 0.4 (0.2–0.6)* | -0.1 (-0.4–0.2) |
| Weight (kg) change from baseline | -1.2 (-2.0–-0.4) | 0.3 (-0.5–1.1) |"""
MEAN_CI_FIRST = "| Outcome | Exercise (n = 30) | Control (n = 29) |"


def test_a_header_declaring_mean_ci_without_the_level_reads_means():
    _, rows = read_pipe_table(MEAN_CI_HEADER, MEAN_CI_FIRST, caption="Table 2. Change from baseline", header_rows=2)
    [cholesterol] = _rows(rows, "cholesterol", "exercise")
    assert (cholesterol["measure"], cholesterol["value"], cholesterol["ci_low"], cholesterol["ci_high"]) == \
        ("MEAN", 0.4, 0.2, 0.6)
    [weight] = _rows(rows, "weight", "control")
    assert (weight["measure"], weight["value"], weight["ci_low"], weight["ci_high"]) == ("MEAN", 0.3, -0.5, 1.1)
    assert not [r for r in rows if r["measure"] == "MEDIAN"]


MIN_MAX = """Methods: Patients were randomly assigned to block A or block B.

Table 2. Mean postoperative pain scores.
| Time after surgery | Block A (n = 24) | Block B (n = 24) |
| 1 hour | 5.1 (2-8) | 3.4 (0-7) |
| 6 hours | 3.3 (1-6) | 2.2 (0-5) |
Minimum and maximum values are indicated in parenthesis."""
MIN_MAX_HEADER = "| Time after surgery | Block A (n = 24) | Block B (n = 24) |"


def test_a_footnote_declaring_min_and_max_under_a_caption_naming_the_mean_reads_means_with_their_range():
    _, rows = read_pipe_table(MIN_MAX, MIN_MAX_HEADER, caption="Table 2. Mean postoperative pain scores.",
                              footnote="Minimum and maximum values are indicated in parenthesis.")
    found = [r for r in rows if r["intervention"] == "block b" and r["value"] == 3.4]
    assert len(found) == 1, rows
    assert (found[0]["measure"], found[0]["range_low"], found[0]["range_high"]) == ("MEAN", 0.0, 7.0)
    assert found[0]["sd"] is None and found[0]["q1"] is None
    assert not [r for r in rows if r["measure"] == "MEDIAN"]


def test_the_same_footnote_under_a_caption_naming_no_centre_reads_medians_with_their_range():
    text = MIN_MAX.replace("Mean postoperative", "Postoperative")
    _, rows = read_pipe_table(text, MIN_MAX_HEADER, caption="Table 2. Postoperative pain scores.",
                              footnote="Minimum and maximum values are indicated in parenthesis.")
    found = [r for r in rows if r["intervention"] == "block b" and r["value"] == 3.4]
    assert len(found) == 1, rows
    assert (found[0]["measure"], found[0]["range_low"], found[0]["range_high"], found[0]["q1"]) == \
        ("MEDIAN", 0.0, 7.0, None)
