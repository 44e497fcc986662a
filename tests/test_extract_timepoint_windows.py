"""Windows of a phase of the care printed as heading rows or headers: "Postoperative 0-24 h" over the outcome rows,
then "Postoperative 24-72 h" over the same outcomes (tests/fixtures/extract_heldout31/BLIND_SCORES.md, "Timepoint": a
time printed in a table's section rows was not carried to the rows under it). A range of times is a window when a
phase word or the event it counts from is printed with it; a bare range ("2-5 days") stays a category."""
from __future__ import annotations

from table_grids import read_pipe_table as _read

from evidence_review.extract.timepoints import phase_window

_TRIAL = "Adults having knee surgery were randomly assigned to dexmedetomidine or saline.\n"


def test_phase_window_reads_a_phase_word_then_a_time_or_a_range():
    assert phase_window("Postoperative 0-24 h") == ("postoperative 0-24 h", False)
    assert phase_window("Post-op 6–12 h") == ("post-operative 6–12 h", False)
    assert phase_window("Post-dose 1 to 4 hours") == ("post-dose 1 to 4 hours", False)
    assert phase_window("Pre-infusion 15 min") == ("pre-infusion 15 min", True)
    assert phase_window("Intraoperative 45 min") == ("intraoperative 45 min", False)
    assert phase_window("During the postpartum 3–6 weeks") == ("postpartum 3–6 weeks", False)


def test_phase_window_reads_a_range_counted_from_an_event():
    assert phase_window("12-36 h after surgery") == ("12-36 h after surgery", False)
    assert phase_window("6 to 18 hours postoperatively") == ("6 to 18 hours postoperative", False)


def test_phase_window_leaves_categories_bounds_doses_and_outcomes():
    for text in ("3-7 days", "6 to 12 months", "Postoperative complications", "Postoperative > 72 h",
                 "Pre-treatment less than 6 months", "Post-dose 20 mg", "Postoperative pain 0-24 h", "Preoperative",
                 "Age 40-60 years", "Duration of symptoms 2-4 weeks", ""):
        assert phase_window(text) is None, text


def test_heading_rows_naming_windows_time_the_outcome_rows_under_them():
    text = _TRIAL + """Table 2. Shivering and sedation
| | Dexmedetomidine (n = 30) | Saline (n = 32) | P |
| Postoperative 0-6 h | | | |
| Shivering | 3 (10) | 11 (34) | 0.02 |
| Sedation | 9 (30) | 4 (13) | 0.10 |
| Postoperative 6-24 h | | | |
| Shivering | 1 (3) | 6 (19) | 0.05 |
| Sedation | 2 (7) | 2 (6) | 0.99 |
| Complications | | | |
| Hypotension | 4 (13) | 2 (6) | 0.42 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Shivering and sedation")
    assert [(r["events"], r["timepoint"]) for r in rows] == [
        (3, "postoperative 0-6 h"), (11, "postoperative 0-6 h"), (9, "postoperative 0-6 h"), (4, "postoperative 0-6 h"),
        (1, "postoperative 6-24 h"), (6, "postoperative 6-24 h"), (2, "postoperative 6-24 h"),
        (2, "postoperative 6-24 h"), (4, ""), (2, "")]
    assert not any(r["role"] == "baseline" for r in rows)       # (after the intervention)


def test_heading_rows_of_bare_ranges_stay_categories():
    text = _TRIAL + """Table 1. Characteristics
| | Dexmedetomidine (n = 30) | Saline (n = 32) |
| Duration of pain | | |
| 1-3 months | 12 (40) | 14 (44) |
| 3-12 months | 18 (60) | 18 (56) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 1. Characteristics")
    assert [r["events"] for r in rows] == [12, 14, 18, 18]
    assert not any(r["timepoint"] for r in rows)


def test_a_moment_word_with_a_gloss_or_a_count_is_a_time():
    from evidence_review.extract.timepoints import numbered_moment
    assert phase_window("Postoperative 6 h (recovery room) assessment") == ("postoperative 6 h (recovery room)", False)
    # a bare "Post 4 weeks" is none (batches write it "4 weeks" as often as "post 4 weeks"; the grammar reads the time)
    assert phase_window("Post 4 weeks") is None and phase_window("Pre 1 week") is None
    assert numbered_moment("Post-test 2") == ("post-test 2", False)
    assert numbered_moment("Pretest 1") == ("pretest 1", True)
    assert numbered_moment("Posttest III") == ("posttest iii", False)
    for text in ("Post-test", "Session 2 score", "Test 2", "Post 10 mg", "Group 3", "3", "Follow-up 2"):
        assert numbered_moment(text) is None and phase_window(text) is None, text


def test_rows_told_by_a_numbered_moment_take_it_and_the_first_stays_baseline():
    text = _TRIAL + """Table 3. Pain over time
| | Dexmedetomidine (n = 30) | Saline (n = 32) | P |
| Pain (VAS) | | | |
| Baseline | 61.2 ± 10.1 | 60.4 ± 9.8 | 0.70 |
| Posttest 1 | 44.3 ± 9.5 | 50.2 ± 10.3 | 0.03 |
| Posttest 2 | 30.1 ± 8.8 | 39.7 ± 9.1 | 0.001 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Pain over time")
    assert [(r["value"], r["timepoint"]) for r in rows] == [
        (61.2, "baseline"), (60.4, "baseline"), (44.3, "posttest 1"), (50.2, "posttest 1"), (30.1, "posttest 2"),
        (39.7, "posttest 2")]
    assert [r["role"] == "baseline" for r in rows] == [True, True, False, False, False, False]


def test_a_recall_window_in_a_label_is_no_time():
    from evidence_review.extract.timepoints import timepoint_spans
    assert timepoint_spans("Days of sick leave past 3 months", bare_short=True) == []
    assert timepoint_spans("GP visits in the previous 12 weeks", bare_short=True) == []
    assert timepoint_spans("Pain at 3 months", bare_short=True) == [(8, 16, "3 months")]
