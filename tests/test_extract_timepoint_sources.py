"""A row's time from the document's other sources: a column of codes the methods define as times ("Arm | T0", "| T1"
with "blood was sampled before the incision (T0), at skin closure (T1)"), a bare "Post" given the length the methods
declare ("after 6 weeks"), a caption naming a window at an edge of the trial's phase ("during the last 5 days of each
period"), and a column after the intervention in a table of characteristics (tests/fixtures/extract_heldout31 and
32 BLIND_SCORES.md, "Timepoint" and "Role")."""
from __future__ import annotations

import pandas as pd

from table_grids import pipe_table
from table_grids import read_pipe_table as _read

from evidence_review.extract import extract_study_tables
from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.timepoints import caption_time, with_declared_end_time


def _rows(text: str, header_line: str, caption: str, header_rows: int = 1) -> list[dict]:
    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    return estimates.astype(object).where(estimates.notna(), None).to_dict("records")


# ---------------------------------------------------------------- codes the methods define as times

_CODED = """Adults having hip replacement were randomly assigned to warmed fluids (WF) or room-temperature fluids (RF).
Core temperature was recorded before the incision (T0), at skin closure (T1) and 6 h after surgery (T2).
Table 2. Core temperature
| | | Temperature (°C) | Shivering score |
| WF | T0 | 36.6 ± 0.3 | 0.2 ± 0.1 |
| | T1 | 36.2 ± 0.4 | 0.5 ± 0.3 |
| | T2 | 36.8 ± 0.2 | 0.3 ± 0.2 |
| RF | T0 | 36.5 ± 0.3 | 0.3 ± 0.2 |
| | T1 | 35.6 ± 0.5 | 1.4 ± 0.6 |
| | T2 | 36.3 ± 0.3 | 0.9 ± 0.4 |
"""


def test_a_column_of_codes_the_methods_define_times_the_arm_rows_beside_it():
    _, rows = _read(_CODED, _CODED.split("\n")[2], "Table 2. Core temperature")
    by_value = {r["value"]: r for r in rows}
    # (each code with the moment the methods define for it, as batches 17, 31, 33 and 35 label such codes)
    assert by_value[36.6]["timepoint"] == "T0 (before the incision)" and by_value[35.6]["timepoint"] == "T1 (at skin closure)"
    assert by_value[0.9]["timepoint"] == "T2 (6 h after surgery)" \
        and by_value[0.3]["timepoint"] in ("T0 (before the incision)", "T2 (6 h after surgery)")
    # the code defined "before the incision" is the arms' baseline; the later ones are not
    assert by_value[36.6]["role"] == "baseline" and by_value[36.2]["role"] != "baseline"


def test_codes_the_methods_do_not_define_are_no_times():
    text = _CODED.replace("Core temperature was recorded before the incision (T0), at skin closure (T1) and 6 h after "
                          "surgery (T2).", "Core temperature was recorded three times.")
    _, rows = _read(text, text.split("\n")[2], "Table 2. Core temperature")
    assert not any(r["timepoint"] for r in rows)


def test_lower_case_codes_in_a_second_label_column_under_each_measure_are_times():
    text = """Nurses were randomised to e-learning or lectures. Skills were tested at enrolment (s0), after the course (s1)
and after the simulation day (s2).
Table 1. Scores
| Measure | | E-learning | Lectures | P |
| Knowledge score, mean (SD) | | | | |
| | s0 | 41.2 (9.1) | 40.8 (8.7) | .80 |
| | s1 | 78.5 (6.2) | 66.1 (7.9) | <.001 |
| Checklist score, mean (SD) | | | | |
| | s1 | 60.3 (11.0) | 52.2 (12.4) | .01 |
| | s2 | 85.1 (7.3) | 80.6 (8.8) | .04 |
"""
    _, rows = _read(text, text.split("\n")[3], "Table 1. Scores")
    times = {r["value"]: r["timepoint"] for r in rows}
    assert times[41.2] == "s0 (at enrolment)" and times[66.1] == "s1 (after the course)" \
        and times[60.3] == "s1 (after the course)" and times[80.6] == "s2 (after the simulation day)"


# ---------------------------------------------------------------- the length the methods give a bare "Post"

def test_a_bare_post_takes_the_declared_length():
    text = "Adults did 6 weeks of balance training or none. Sway was measured before and after 6 weeks of training."
    rows = with_declared_end_time([{"timepoint": "Post", "role": "effect"}, {"timepoint": "After", "role": "effect"},
                                   {"timepoint": "pre", "role": "baseline"}], text)
    # (batch 10 labels such a column "6 weeks", batch 32 "post (8 weeks)": the length is what both keep)
    assert normalize_label(rows[0]["timepoint"]) == normalize_label("after 6 weeks")
    assert normalize_label(rows[1]["timepoint"]) == normalize_label("after 6 weeks")
    assert rows[2]["timepoint"] == "pre"


def test_a_post_column_of_a_characteristics_table_is_no_baseline_and_takes_the_declared_length():
    text = """Older adults were randomised to 10 weeks of resistance training or usual activity. Grip strength was
measured before and after 10 weeks of training.
Table 1. Characteristics of the training and control groups
| | Control | Control | Training | Training |
| | Pre | Post | Pre | Post |
| Grip strength, kg | 24.1 ± 1.2 | 24.0 ± 1.3 | 23.8 ± 1.1 | 27.9 ± 1.4 |
"""
    rows = [r for r in _rows(text, text.split("\n")[3], "Table 1. Characteristics of the training and control groups", 2)
            if r["measure"] == "MEAN"]
    by_value = {r["value"]: r for r in rows}
    assert by_value[24.1]["role"] == "baseline" and by_value[23.8]["role"] == "baseline"
    assert by_value[24.0]["role"] != "baseline" and by_value[27.9]["role"] != "baseline"
    assert normalize_label(by_value[27.9]["timepoint"]) == normalize_label("10 weeks")


# ---------------------------------------------------------------- a caption's window at an edge of a phase

def test_a_caption_naming_a_window_at_the_edge_of_a_phase_times_its_rows():
    assert caption_time("Table 2. Blood pressure during the last 5 days of each treatment period") == \
        "last 5 days of the period"
    assert caption_time("Table 3. Sleep over the first 2 weeks of the intervention") == "first 2 weeks of the intervention"
    assert caption_time("Table 2. Diary outcomes in the final week of the washout") == "final week of the washout"


def test_a_recall_window_or_an_age_in_a_caption_is_no_time():
    for caption in ("Table 2. Symptoms in the last 7 days", "Table 1. Hospital visits during the past 4 weeks",
                    "Table 1. Growth in the first 12 months", "Table 2. Sleep in the last 2 weeks of pregnancy"):
        assert not caption_time(caption).startswith(("last", "final")), caption

