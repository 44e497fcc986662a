"""Roles and adjustment a table's figures take from what the table says of its moments and its means: a caption
naming the baseline beside a later measurement is no baseline table (meaning.names_a_later_moment); a column of a
later moment ("Post", "Week 12") under a characteristics caption holds no baseline (meaning.is_later_measurement);
arms' means a note says were adjusted for something are adjusted (meaning.means_adjusted_by_note). Tables and notes
are written for these tests in the shapes reports use, with other names, numbers and fields."""
from __future__ import annotations

import pandas as pd
import pytest
from table_grids import pipe_table

from evidence_review.extract import extract_study_tables
from evidence_review.extract.meaning import is_later_measurement, means_adjusted_by_note, names_a_later_moment


def rows_of(text: str, header_line: str, caption: str, header_rows: int) -> list[dict]:
    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    return estimates.astype(object).where(estimates.notna(), None).to_dict("records")


# ---------------------------------------------------------------- captions naming a later moment

@pytest.mark.parametrize("caption", [
    "Table 2. Blood markers at baseline and after 8 weeks of cycling",
    "Table 3. Scores before and after the program",
    "Table 1. Baseline and 24-week values in both arms",
    "Table 2. Baseline to month 6 changes",
])
def test_a_caption_naming_the_baseline_and_a_later_moment_names_both(caption):
    assert names_a_later_moment(caption)


@pytest.mark.parametrize("caption", [
    "Table 1. Baseline characteristics of the participants",
    "Table 1. Baseline characteristics of the women who completed 24 weeks",
    "Table 1. Preoperative data",
    "Table 1. Demographic and clinical characteristics at baseline",
])
def test_a_baseline_caption_names_no_later_moment(caption):
    assert not names_a_later_moment(caption)


# ---------------------------------------------------------------- columns of a later moment

@pytest.mark.parametrize("when", ["Post", "after", "Week 8", "8 weeks", "Month 3", "Follow-up", "End of treatment",
                                  "Discharge", "Post-training"])
def test_a_later_moment(when):
    assert is_later_measurement(when)


@pytest.mark.parametrize("when", ["Pre", "Baseline", "Day 0", "Week 0", "Before", "", "T1", "Males"])
def test_the_first_measurement_or_no_time_is_no_later_moment(when):
    assert not is_later_measurement(when)


PRE_POST = """Older women were randomised to resistance training or a control group for twelve weeks.
Table 1. Comparison of characteristics in the control and training groups
| | Control | Control | Training | Training | P |
| | Pre | Post | Pre | Post | |
| Body weight, kg | 61.2±2.4 | 61.0±2.5 | 63.8±2.9 | 62.9±2.7 | 0.71 |
| Grip strength, kg | 22.4±1.1 | 22.1±1.3 | 21.9±1.2 | 25.6±1.4 | 0.01 |
"""


def test_post_columns_of_a_characteristics_table_are_no_baseline_and_its_pre_columns_are():
    rows = [r for r in rows_of(PRE_POST, PRE_POST.split("\n")[2], "Table 1. Comparison of characteristics in the "
                               "control and training groups", 2) if r["measure"] == "MEAN"]
    by_value = {r["value"]: r for r in rows}
    assert by_value[61.2]["role"] == "baseline", rows
    assert by_value[21.9]["role"] == "baseline", rows
    assert by_value[61.0]["role"] != "baseline", rows
    assert by_value[25.6]["role"] != "baseline", rows


# ---------------------------------------------------------------- means a note says were adjusted

@pytest.mark.parametrize("note", [
    "Means and 95% confidence intervals were estimated from linear mixed models adjusting for age and site.",
    "Values are means (SE) adjusted for baseline score.",
    "Group means were adjusted by the baseline value in an analysis of covariance.",
])
def test_a_note_saying_the_means_were_adjusted(note):
    assert means_adjusted_by_note(note)


@pytest.mark.parametrize("note", [
    "Data are means ± SD; P values adjusted for multiple comparisons.",
    "Means at week 12 are estimated marginal means.",
    "Values are mean (SD). The mean difference was adjusted for centre.",
    "",
])
def test_a_note_adjusting_a_p_value_or_a_difference_or_naming_a_model_alone_adjusts_no_mean(note):
    assert not means_adjusted_by_note(note)


def test_arm_means_under_a_note_saying_they_were_adjusted_are_adjusted():
    text = """Office workers were randomised to coaching or usual care.
Table 2. Outcomes at the 6-month follow-up
| | Coaching (n = 60) | Usual care (n = 58) | P |
| Stress score | 12.4 (10.9 to 13.9) | 15.1 (13.6 to 16.6) | 0.01 |
| Sleep hours | 6.9 (6.6 to 7.2) | 6.5 (6.2 to 6.8) | 0.07 |
The means and their 95% confidence intervals were estimated from mixed effects models adjusting for sex and age.
"""
    table = pipe_table(text, text.split("\n")[2], caption="Table 2. Outcomes at the 6-month follow-up", header_rows=1)
    table["end"] = len(text)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    rows = [r for r in estimates.astype(object).where(estimates.notna(), None).to_dict("records") if r["measure"] == "MEAN"]
    assert rows and all(r["adjusted"] == "yes" for r in rows), rows
