"""Timepoints in the form the labels write them and the times a reader used to miss or give the wrong value:
an operation's moment in the document's own spelling with its abbreviation written out ("Postoperative" stays one
word, "Pre-op" is "pre-operative", "POD 3" "postoperative day 3"), a unit header that names the moment its numbers
count from ("Postoperative day" over "1 | 2"), a heading row naming a phase of the care ("During intervention"), a
caption listing several times (none of them every row's), and a list of numbers each with its own estimate in
brackets whose unit is printed once ("at six (OR ...) or 12 weeks (OR ...)"). Text written for these tests in the
shapes reports use, with other names and numbers."""
from __future__ import annotations

import pandas as pd
import pytest
from table_grids import pipe_table

from evidence_review.extract import extract_study_tables
from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.pipeline import extract_one
from evidence_review.extract.table_reader import _caption_timepoint, _named_and_when, _when
from evidence_review.extract.timepoints import bracketed_list_times, column_time, lists_times, operative_spelled_out


def rows_of(text: str, caption: str, header_rows: int = 1) -> list[dict]:
    table = pipe_table(text, text.split("\n")[2], caption=caption, header_rows=header_rows)
    documents = pd.DataFrame([dict(doc_id="d", source_file="d.txt", status="ok", duplicate_of="", condition="")])
    estimates = extract_study_tables(documents, {"d": text}, {"d": {"tables": [table]}}).estimates
    return estimates.astype(object).where(estimates.notna(), None).to_dict("records")


# ---------------------------------------------------------------- an operation's moment, as the document spells it

@pytest.mark.parametrize("header, expected", [
    ("Postoperative", ("postoperative", False)),
    ("Post-operative", ("post-operative", False)),
    ("Preoperative", ("preoperative", True)),
    ("Pre-op", ("pre-operative", True)),
    ("Post-op", ("post-operative", False)),
    ("Postoperatively", ("postoperative", False)),
    ("Postoperative day 2", ("postoperative day 2", False)),
    ("Post-operative day 4", ("post-operative day 4", False)),
    ("POD 5", ("postoperative day 5", False)),
    ("Postop day 1", ("postoperative day 1", False)),
    ("Preoperative day", ("preoperative day", True)),
    ("Post-treatment visit", ("post-treatment visit", False)),
])
def test_an_operations_moment_keeps_the_documents_spelling(header, expected):
    assert _when(header) == expected
    # the two spellings are two labels to the scorer: writing the other one would be a wrong label
    if "-" in expected[0] and not header.lower().startswith(("pre-op", "post-op", "pod")):
        assert normalize_label(expected[0]) != normalize_label(expected[0].replace("-", ""))


def test_spelling_out_an_operation_leaves_other_words_alone():
    assert operative_spelled_out("pre-op") == "pre-operative"
    assert operative_spelled_out("postop day 3") == "postoperative day 3"
    assert operative_spelled_out("operation time") == "operation time"
    assert operative_spelled_out("preoperation") == "preoperative"
    assert operative_spelled_out("opioid use postoperatively") == "opioid use postoperative"


@pytest.mark.parametrize("header", ["Preoperative days", "Postoperative complications", "Days"])
def test_a_phase_with_a_plural_or_an_outcome_is_no_moment(header):
    when = _when(header)
    assert when is None or when[0] != header.lower()


# ---------------------------------------------------------------- a unit header naming where its numbers count from

@pytest.mark.parametrize("path, expected", [
    (["Postoperative day", "1"], "postoperative day 1"),
    (["Post-op days", "3"], "post-operative day 3"),
    (["Days after the operation", "2"], "day 2 after the operation"),
    (["Hours following injection", "6"], "hour 6 following injection"),
    (["Week", "8"], "week 8"),
    (["Number of postoperative days", "2"], ""),        # a count of days, not a day
    (["Postoperative day", "Drug Q"], ""),              # no number under it
])
def test_a_unit_header_keeps_the_moment_its_numbers_count_from(path, expected):
    assert column_time(path) == expected


def test_a_unit_header_after_a_moment_is_no_name_beside_a_time():
    # "Postoperative day" is one time, not "day" named at the time "postoperative"
    assert _named_and_when("Postoperative day") is None
    assert _named_and_when("Preoperative hours") is None
    assert _named_and_when("Drug Q 12 months") is not None


def test_columns_numbered_under_a_moment_and_its_unit_take_both():
    text = """Adults were randomly assigned to nerve block or sham block.
Table 2. Pain scores
| | Postoperative day | Postoperative day | Postoperative day | Postoperative day |
| | Nerve block | Nerve block | Sham block | Sham block |
| | 1 | 2 | 1 | 2 |
| Pain score, mean ± SD | 3.4 ± 1.0 | 2.6 ± 0.8 | 4.9 ± 1.2 | 3.8 ± 1.1 |
"""
    rows = rows_of(text, "Table 2. Pain scores", 3)
    assert sorted((r["value"], normalize_label(r["timepoint"])) for r in rows if r["measure"] == "MEAN") == sorted([
        (3.4, normalize_label("postoperative day 1")), (2.6, normalize_label("postoperative day 2")),
        (4.9, normalize_label("postoperative day 1")), (3.8, normalize_label("postoperative day 2"))])


# ---------------------------------------------------------------- a heading row naming a phase of the care

def test_rows_under_a_heading_naming_a_phase_take_it():
    text = """Adults were randomly assigned to lidocaine or saline.
Table 3. Adverse events
| | Lidocaine (n = 40) | Saline (n = 41) |
| During infusion | | |
| Dizziness, n (%) | 6 (15.0) | 2 (4.9) |
| After infusion | | |
| Dizziness, n (%) | 1 (2.5) | 1 (2.4) |
"""
    rows = rows_of(text, "Table 3. Adverse events")
    assert [(round(r["value"], 3), r["timepoint"]) for r in rows] == [
        (0.15, "during infusion"), (0.049, "during infusion"), (0.025, "after infusion"), (0.024, "after infusion")]


@pytest.mark.parametrize("heading, expected", [
    ("During intervention", ("during intervention", False)),
    ("During the washout period", ("during the washout period", False)),
    ("During the last year", None),          # the patients' history
    ("During previous pregnancy", None),
])
def test_a_phase_heading_is_a_time_but_the_history_is_not(heading, expected):
    assert _when(heading) == expected


# ---------------------------------------------------------------- a caption listing times names none

@pytest.mark.parametrize("caption, expected", [
    ("Table 2. Primary outcome at 4 weeks and 10 weeks", ""),
    ("Table 2. Scores at 1 month, 3 months or 9 months", ""),
    ("Table 2. Haemoglobin at week 0 and week 6", ""),
    ("Table 2. Counts at day 2, day 5 or day 9", ""),
    ("Table 2. Change from week 0 to week 10", "week 10"),      # a change's end, not a list
    ("Table 2. Primary outcome at 10 weeks", "10 weeks"),
    ("Table 4. Remission at week 16 by arm", "week 16"),
])
def test_a_caption_listing_several_times_gives_none(caption, expected):
    assert _caption_timepoint(caption) == expected
    assert lists_times(caption) == (expected == "")


# ---------------------------------------------------------------- numbers sharing a unit printed after the last one

@pytest.mark.parametrize("text, expected", [
    ("improved at four (OR 1.31, 95% CI 1.02-1.70) or 10 weeks (OR 1.90, 95% CI 1.2-3.0)", ["four weeks"]),
    ("at 2 (RR 0.9 [0.7-1.1]), 4 (RR 0.8 [0.6-1.0]) and 8 months (RR 0.7 [0.5-0.9])", ["2 months", "4 months"]),
    ("in 14 (35%) and 11 (27%) patients", []),                       # counts, no unit of time
    ("scores of 5 (IQR 3-7) and 9 weeks later", []),                 # not said as when
    ("at 6 mo (OR 1.2) and 12 months (OR 1.4)", []),                 # each printed with its unit already
])
def test_numbers_with_their_own_estimates_share_the_unit_printed_last(text, expected):
    assert [tp for _, tp in bracketed_list_times(text)] == expected


def test_two_ratios_of_a_list_of_times_keep_their_own_time():
    text = ("Adults with depression were randomly assigned to group exercise or usual care.\n\nResults\n"
            "Compared with usual care, group exercise raised the odds of response at four (OR 1.35, 95% CI 1.05 to "
            "1.74) or 10 weeks (OR 1.88, 95% CI 1.31 to 2.70).\n")
    rows, _, _ = extract_one("d", text)
    times = {r["value"]: normalize_label(r.get("timepoint")) for r in rows if r.get("measure") == "OR"}
    assert times == {1.35: normalize_label("4 weeks"), 1.88: normalize_label("10 weeks")}


def test_the_later_columns_of_a_table_captioned_with_two_times_are_no_baseline():
    text = """Adults were randomly assigned to iron or placebo.
Table 2. Laboratory values at week 0 and week 6
| | Iron week 0 | Iron week 6 | Placebo week 0 | Placebo week 6 |
| Ferritin, ng/mL | 21.0 ± 6.0 | 48.5 ± 9.1 | 20.2 ± 5.5 | 23.9 ± 6.4 |
"""
    rows = rows_of(text, "Table 2. Laboratory values at week 0 and week 6")
    assert [(r["value"], normalize_label(r["timepoint"]), r["role"]) for r in rows] == [
        (21.0, normalize_label("week 0"), "baseline"), (48.5, normalize_label("week 6"), "effect"),
        (20.2, normalize_label("week 0"), "baseline"), (23.9, normalize_label("week 6"), "effect")]


def test_rows_under_a_heading_naming_the_first_measurement_are_baseline_rows_of_that_time():
    text = """Adults were randomly assigned to iron or placebo.
Table 2. Laboratory values
| | Iron (n = 30) | Placebo (n = 31) |
| Week 0 | | |
| Ferritin, ng/mL | 21.0 ± 6.0 | 20.2 ± 5.5 |
| Week 6 | | |
| Ferritin, ng/mL | 48.5 ± 9.1 | 23.9 ± 6.4 |
"""
    rows = rows_of(text, "Table 2. Laboratory values")
    assert [(r["value"], r["outcome"], r["timepoint"], r["role"]) for r in rows] == [
        (21.0, "Ferritin", "week 0", "baseline"), (20.2, "Ferritin", "week 0", "baseline"),
        (48.5, "Ferritin", "week 6", "effect"), (23.9, "Ferritin", "week 6", "effect")]


# ---------------------------------------------------------------- a group by its state when the trial began

@pytest.mark.parametrize("sentence, expected", [
    ("In patients with severe nausea at baseline (score ≥ 6), the mean difference was -1.4 (95% CI -2.1 to -0.7).",
     "severe nausea at baseline"),
    ("For participants with poor sleep at study entry, the odds ratio was 1.85 (95% CI 1.12 to 3.05).",
     "poor sleep"),      # (tidy_subgroup drops "at study entry")
    # no state at entry: the sentence's patients are the trial's own
    ("In patients with nausea, the mean difference was -1.4 (95% CI -2.1 to -0.7).", ""),
])
def test_a_sentence_opening_with_patients_by_their_state_at_entry_names_a_subgroup(sentence, expected):
    text = "Adults were randomly assigned to ginger or placebo.\n\nResults\n" + sentence + "\n"
    rows, _, _ = extract_one("d", text)
    estimates = [r for r in rows if r.get("measure") in ("MD", "OR")]
    assert len(estimates) == 1
    assert normalize_label(estimates[0].get("subgroup")) == normalize_label(expected), estimates
    assert estimates[0].get("role") == ("subgroup" if expected else "effect")
