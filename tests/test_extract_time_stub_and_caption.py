"""A row's time from the nearest statement of it: a stub column of its own, the table's caption before the methods,
and a change's reference that is no time of its column (tests/fixtures/extract_heldout33 and 34 BLIND_SCORES.md,
"Timepoint" and "Role": "Before"/"After" in a "Time" stub column beside two label columns were read as no time, their
"Before" rows and differences as effects; a caption's "before and after 12 weeks of training" lost to the methods'
"one week after the intervention"; columns under "Improvements relative to week 0" read as baseline). The role
follows the time: an arm's figure and a table's difference between the arms on a row measured before the
intervention are baseline rows."""
from __future__ import annotations

import pandas as pd

from table_grids import pipe_table

from evidence_review.extract import extract_study_tables
from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.table_reader import _when
from evidence_review.extract.timepoints import change_reference, code_gloss, dotted_ordinal, time_stub_column, with_declared_end_time


def _rows(text: str, header_line: str, caption: str, header_rows: int = 1) -> list[dict]:
    table = pipe_table(text, header_line, caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    return estimates.astype(object).where(estimates.notna(), None).to_dict("records")


# ---------------------------------------------------------------- a stub column of times

_STUB = """Older adults were randomly assigned to a balance class (n = 12) or a waiting list (n = 11).
The class met twice a week over a period of ten weeks.
Table 2. Gait measures
| Domain | Task | Moment | Waiting list (n = 11) | Balance class (n = 12) | Difference |
| Speed | Walk (m/s) | Pre | 1.02 ± 0.21 | 1.05 ± 0.18 | -0.03 |
| Speed | Walk (m/s) | Post | 1.01 ± 0.20 | 1.19 ± 0.17 | -0.18 |
| Sway | Stance (mm) | Pre | 31.4 ± 6.2 | 30.8 ± 5.9 | 0.6 |
| Sway | Stance (mm) | Post | 31.9 ± 6.5 | 24.7 ± 5.1 | 7.2 |
"""


def test_a_stub_column_of_moments_beside_two_label_columns_times_each_row():
    rows = _rows(_STUB, _STUB.split("\n")[3], "Table 2. Gait measures")
    means = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert {means[v]["timepoint"] for v in (1.02, 1.05, 31.4, 30.8)} == {"pre"}
    assert {means[v]["role"] for v in (1.02, 1.05, 31.4, 30.8)} == {"baseline"}
    assert {means[v]["timepoint"] for v in (1.01, 1.19, 31.9, 24.7)} == {"post"}
    assert {means[v]["role"] for v in (1.01, 1.19, 31.9, 24.7)} == {"effect"}


def test_a_tables_difference_between_the_arms_at_the_first_measurement_is_a_baseline_row():
    rows = _rows(_STUB, _STUB.split("\n")[3], "Table 2. Gait measures")
    differences = {r["value"]: r["role"] for r in rows if r["measure"] == "MD"}
    assert differences[0.6] == "baseline" and differences[7.2] == "effect"


def test_time_stub_column_needs_a_time_header_or_none_and_two_times():
    stub = {1: ("Task", ["Walk", "Walk", "Stance"]), 2: ("Time", ["Before", "After", "Before"])}
    assert time_stub_column(stub, _when) == 2
    assert time_stub_column({2: ("", ["Week 0", "Week 12"])}, _when) == 2
    assert time_stub_column({2: ("Visit", ["Visit 1", "Visit 3"])}, _when) == 2


def test_a_time_in_minutes_column_of_figures_or_a_column_of_one_time_is_no_stub_of_times():
    # "Time (min)" heads an outcome measured in minutes: its cells are figures, no moments
    assert time_stub_column({2: ("Time (min)", ["12.5 ± 3.1", "14.0 ± 2.2"])}, _when) is None
    # a column of categories under a quantity's header is no column of times
    assert time_stub_column({2: ("Site", ["Before", "After"])}, _when) is None
    # one moment only (every row "After") tells no row apart
    assert time_stub_column({2: ("Time", ["After", "After"])}, _when) is None
    # two columns of times: which one times the rows is not told
    assert time_stub_column({1: ("", ["Pre", "Post"]), 2: ("", ["Week 0", "Week 8"])}, _when) is None


# ---------------------------------------------------------------- the nearest statement: the caption before the methods

def test_an_after_column_takes_its_captions_declared_time_over_the_methods():
    text = ("Adults were randomly assigned to yoga or usual care. Balance was assessed one week after the intervention.\n"
            "Table 2. Balance scores before and after 10 weeks of yoga training\n"
            "| Score | Group | Before | After |\n"
            "| Berg | Yoga | 41.2 ± 5.1 | 47.9 ± 4.4 |\n"
            "| Berg | Usual care | 40.8 ± 5.6 | 41.5 ± 5.0 |\n")
    rows = _rows(text, text.split("\n")[2], "Table 2. Balance scores before and after 10 weeks of yoga training")
    means = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert normalize_label(means[47.9]["timepoint"]) == normalize_label("after 10 weeks")
    assert normalize_label(means[41.5]["timepoint"]) == normalize_label("after 10 weeks")
    assert means[41.2]["role"] == "baseline" and means[47.9]["role"] == "effect"


def test_without_a_caption_time_an_after_column_takes_the_methods_moment():
    rows = with_declared_end_time([{"timepoint": "After", "role": "effect", "start": 0, "end": 5}],
                                  "Balance was assessed one week after the intervention.",
                                  structure={"tables": [{"caption": "Table 2. Balance scores", "start": 0, "end": 10}]})
    assert rows[0]["timepoint"] == "one week after the intervention"


# ---------------------------------------------------------------- a change's reference is no time of its column

_CHANGES = """Adults after a stroke were randomly assigned to robot therapy (n = 8) or usual therapy (n = 8).
Table 2. Arm function by group
| Outcome | Group | Baseline | Gains relative to week 0 | Gains relative to week 0 |
| | | Week 0 | Week 4 | Week 8 |
| Grip | Robot therapy | 14.1 ± 3.2 | 2.2 ± 1.1 | 3.9 ± 1.4 |
| | Usual therapy | 13.8 ± 3.6 | 1.0 ± 0.9 | 1.7 ± 1.2 |
"""


def test_columns_of_changes_relative_to_the_first_week_are_outcomes_at_their_own_week():
    rows = _rows(_CHANGES, _CHANGES.split("\n")[2], "Table 2. Arm function by group", header_rows=2)
    means = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert means[14.1]["role"] == "baseline" and means[13.8]["role"] == "baseline"
    assert [means[v]["role"] for v in (2.2, 3.9, 1.0, 1.7)] == ["effect"] * 4
    assert [means[v]["timepoint"] for v in (2.2, 3.9)] == ["week 4", "week 8"]


def test_change_reference_names_the_moment_a_change_counts_from():
    assert change_reference("to week 0") and change_reference("from baseline") and change_reference("vs. baseline")
    assert change_reference("relative to week 0") and change_reference("compared with baseline")
    assert not change_reference("week 0") and not change_reference("at week 12") and not change_reference("Baseline")


# ---------------------------------------------------------------- ordinals printed with a full stop or in digits

def test_an_ordinal_printed_with_a_full_stop_is_a_time_as_printed():
    assert dotted_ordinal("1. year") == ("1. year", False)
    assert dotted_ordinal("3. Visit") == ("3. visit", False)
    assert _when("2. month") == ("2. month", False)


def test_a_decimal_a_numbered_item_or_a_unit_first_is_no_dotted_ordinal():
    assert dotted_ordinal("1.5 years") is None
    assert dotted_ordinal("1. Pain") is None
    assert dotted_ordinal("Year 1.") is None


def test_rows_of_dotted_ordinals_under_an_outcome_heading_are_its_times():
    text = """Children were randomly assigned to allergen immunotherapy (n = 30) or usual care (n = 30).
Table 2. Drug costs by year after onset
| Year | Immunotherapy | Usual care | p |
| Total drug costs in euro [mean (95% CI)] | | | |
| 1. year | 301 (240 to 362) | 352 (270 to 434) | 0.31 |
| 2. year | 244 (180 to 308) | 377 (290 to 464) | 0.02 |
"""
    rows = _rows(text, text.split("\n")[2], "Table 2. Drug costs by year after onset")
    means = {r["value"]: r["timepoint"] for r in rows if r["measure"] == "MEAN"}
    assert means[301] == means[352] == "1. year" and means[244] == means[377] == "2. year"
    assert normalize_label(means[301]) == normalize_label("1st year")


def test_an_ordinal_window_in_digits_keeps_its_ordinal():
    assert _when("2nd 15 min") == ("2nd 15 minutes", False)
    assert normalize_label(_when("1st 15 min")[0]) == normalize_label("first 15 minutes")
    # a bare period stays a period
    assert _when("15 min") == ("15 min", False)


# ---------------------------------------------------------------- a time code with the moment the methods define

def test_code_gloss_reads_the_phrase_the_methods_print_before_each_code():
    text = ("Saliva was collected before the first dose (S1), 30 min after the dose (S2) and at discharge (S3).")
    assert code_gloss(text, text.index("(S1)")) == "before the first dose"
    assert code_gloss(text, text.index("(S2)")) == "30 min after the dose"
    assert code_gloss(text, text.index("(S3)")) == "at discharge"


def test_code_gloss_is_empty_for_a_code_after_a_name_or_a_long_clause():
    text = "The Hospital Anxiety and Depression Scale (S1) was used."
    assert code_gloss(text, text.index("(S1)")) == ""
    text = "Values were taken when the children who had been admitted for more than two nights left (S2)."
    assert code_gloss(text, text.index("(S2)")) == ""
