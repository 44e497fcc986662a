"""Timepoints of table columns and stub cells written short or named only beside other times
(timepoints.py: the letter units, `timed_visit`, `times_of_a_header_row`).
Tables and sentences written for these tests in the shapes reports print, other names, numbers and times; negatives
of the same look that must give no time."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table

from evidence_review.extract.evaluate import normalize_label
from evidence_review.extract.table_reader import _when
from evidence_review.extract.timepoints import coded_times, timed_visit, timepoint_spans, times_of_a_header_row


def rows_of(text: str, header_rows: int = 1) -> list[dict]:
    lines = text.split("\n")
    return read_pipe_table(text, lines[2], lines[1], header_rows=header_rows)[1]


def times(rows: list[dict]) -> dict:
    return {(r["intervention"], r["value"]): normalize_label(r["timepoint"]) for r in rows}


# ---------------------------------------------------------------- a unit cut to its letter(s)

@pytest.mark.parametrize("cell, expected", [
    ("6 w", "6 weeks"), ("18 m", "18 months"), ("3 w, mean (SD)", "3 weeks"), ("At 6 m", "6 months"),
])
def test_a_header_with_its_unit_cut_to_a_letter_is_that_time_written_out(cell, expected):
    found = timepoint_spans(cell, bare_short=True)
    assert found and normalize_label(found[0][2]) == normalize_label(expected)


@pytest.mark.parametrize("text", ["D2 receptor occupancy", "6 m walk test", "M1", "12 m²", "T2", "5 mm", "W/D ratio",
                                  "D1-like receptors", "Vitamin D3", "25(OH)D3, ng/mL", "Serum vitamin D2", "Distance 6 m",
                                  "Stage W2", "D1", "Wk 12"])
def test_letters_that_name_no_time_stay_unread(text):
    assert timepoint_spans(text, bare_short=True) == []


@pytest.mark.parametrize("sentence", ["The D1 dose was given at noon.", "They walked 6 m unaided.",
                                      "Wk 4 of the schedule was skipped."])
def test_a_sentence_reads_no_letter_unit(sentence):
    assert all("day" not in tp and "week" not in tp and "month" not in tp
               for _, _, tp in timepoint_spans(sentence))


@pytest.mark.parametrize("cells, expected", [
    ({1: "D1", 2: "D2", 3: "D3"}, {1: "day 1", 2: "day 2", 3: "day 3"}),
    ({1: "Wk 0", 2: "Wk 12", 3: "Wk 0", 4: "Wk 12"}, {1: "week 0", 2: "week 12", 3: "week 0", 4: "week 12"}),
    ({1: "Mo 6", 2: "Mo 12", 3: "P"}, {1: "month 6", 2: "month 12"}),
])
def test_a_run_of_unit_codes_in_a_header_row_are_times(cells, expected):
    assert {col: tp for col, (tp, _) in coded_times(cells).items()} == expected


@pytest.mark.parametrize("cells", [
    {1: "D2", 2: "Placebo"},                    # one code: a receptor, a dose level, a vitamin
    {1: "D2", 2: "D2"},                         # one number
    {1: "D1", 2: "W4"},                         # two units
    {1: "Vitamin D2", 2: "Vitamin D3"},         # not a cell of a code alone
])
def test_a_lone_or_mixed_code_is_no_time(cells):
    assert coded_times(cells) == {}


def test_day_columns_written_short_under_each_arm_are_days():
    text = """Patients were randomly assigned to drug Q or placebo.
Table 2. Sleep latency
| | Drug Q (n = 31) | | | Placebo (n = 29) | | |
| Measure | D1 | D2 | D4 | D1 | D2 | D4 |
| Sleep latency, min | 38.2 (12.1) | 30.4 (10.2) | 25.1 (9.3) | 37.5 (11.0) | 35.2 (12.4) | 34.6 (10.1) |
"""
    got = times(rows_of(text, header_rows=2))
    assert got[("drug q", 38.2)] == got[("placebo", 37.5)] == normalize_label("day 1")
    assert got[("drug q", 25.1)] == got[("placebo", 34.6)] == normalize_label("day 4")


def test_a_second_stub_column_of_times_cut_to_letters_times_every_row():
    text = """Patients were randomly assigned to splint or physiotherapy.
Table 3. Outcomes
| Outcome | Time | Splint (n = 44) | Physiotherapy (n = 46) |
| Grip strength, kg | 6 w | 21.4 (5.1) | 19.8 (5.6) |
| | 6 m | 25.2 (4.9) | 24.1 (5.3) |
| Pain, VAS | 6 w | 3.3 (1.2) | 3.9 (1.4) |
| | 6 m | 2.1 (1.0) | 2.6 (1.1) |
"""
    got = times(rows_of(text))
    assert got[("splint", 21.4)] == got[("physiotherapy", 3.9)] == normalize_label("6 weeks")
    assert got[("splint", 25.2)] == got[("physiotherapy", 2.6)] == normalize_label("6 months")


# ---------------------------------------------------------------- a follow-up named with its time

@pytest.mark.parametrize("cell, expected", [
    ("1-year follow-up", "1-year follow-up"), ("Follow-up at 6 months", "follow-up at 6 months"),
    ("Six-month follow up", "six-month follow up"), ("At the 2-year follow-up", "2-year follow-up"),
])
def test_a_follow_up_named_with_its_time_is_that_visit_as_printed(cell, expected):
    assert timed_visit(cell) == (expected, False)
    assert _when(cell) == (expected, False)


@pytest.mark.parametrize("cell", ["Follow-up", "Length of follow-up, months", "Follow-up (months)",
                                  "Lost to follow-up", "Follow-up, 2-5 years", "12 follow-up", "FU",
                                  "Follow-up (n = 30)", "Follow-up 2", "2nd follow-up"])
def test_a_follow_up_without_one_time_is_no_timed_visit(cell):
    assert timed_visit(cell) is None


# ---------------------------------------------------------------- a header row of times names its other moments

def test_moments_named_in_a_row_of_times_are_times_as_printed():
    text = """Participants were randomly assigned to mental practice or rest.
Table 2. Movement time (s)
| | Mental practice (n = 18) | | | | Rest (n = 17) | | | |
| Task | Pre | Post | Retention | Delayed retention | Pre | Post | Retention | Delayed retention |
| Movement time | 12.4 (2.1) | 9.8 (1.7) | 10.1 (1.9) | 10.6 (2.0) | 12.6 (2.3) | 11.9 (2.2) | 12.0 (2.1) | 12.3 (2.4) |
"""
    got = times(rows_of(text, header_rows=2))
    assert got[("mental practice", 10.1)] == got[("rest", 12.0)] == normalize_label("retention")
    assert got[("mental practice", 10.6)] == got[("rest", 12.3)] == normalize_label("delayed retention")
    assert got[("mental practice", 9.8)] == normalize_label("post")


def when_of(text: str):
    return _when(text)


@pytest.mark.parametrize("cells", [
    {1: "Baseline", 2: "Week 12", 3: "Change", 4: "P value"},          # a statistic and a test beside the times
    {1: "Baseline", 2: "Week 12", 3: "Placebo", 4: "Drug K"},          # the arms beside the times
    {1: "Baseline", 2: "Acute"},                                       # one time only
    {1: "Week 4", 2: "Week 8", 3: "Difference (95% CI)"},
    {1: "Week 4", 2: "Week 8", 3: "Total"},
])
def test_a_row_without_two_times_or_with_statistics_names_no_other_moment(cells):
    assert times_of_a_header_row(cells, when_of) == {}


def test_a_row_of_times_gives_its_unknown_word_cells_as_printed():
    cells = {1: "Baseline", 2: "Post", 3: "Retention", 4: "Baseline", 5: "Post", 6: "Retention"}
    assert times_of_a_header_row(cells, when_of) == {3: ("retention", False), 6: ("retention", False)}



# ---------------------------------------------------------------- a follow-up told by its count, through a full report

def _jats_rows(tmp_path, methods: str, table: str) -> list[dict]:
    from evidence_review.extract import extract_study_tables
    from evidence_review.ingest import ingest_with_structures
    xml = ('<?xml version="1.0"?>\n<article><front><article-meta><title-group><article-title>A randomized trial'
           '</article-title></title-group></article-meta></front><body>'
           f'<sec sec-type="methods"><title>Methods</title><p>{methods}</p></sec>'
           f'<sec sec-type="results"><title>Results</title><p>The results are shown in the table.</p>{table}'
           '</sec></body></article>')
    (tmp_path / "trial.nxml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    rows = extract_study_tables(documents, texts, structures).estimates
    return rows[rows["finder"] == "table"].to_dict("records")


def _tr(*cells: str, tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"


@pytest.mark.parametrize("first, second", [("Follow-up 1", "Follow-up 2"), ("FU1", "FU2")])
def test_numbered_follow_up_columns_keep_their_own_visit_over_the_captions_time(tmp_path, first, second):
    table = ("<table-wrap><label>Table 2</label><caption><title>Function scores at 2 years</title></caption><table>"
             "<thead>" + _tr("", "Brace (n = 40)", "Brace (n = 40)", "Brace (n = 40)", "Tape (n = 41)", "Tape (n = 41)",
                             "Tape (n = 41)", tag="th")
             + _tr("Score", "Baseline", first, second, "Baseline", first, second, tag="th") + "</thead><tbody>"
             + _tr("Function", "52.1 (8.0)", "61.4 (7.2)", "66.0 (6.9)", "51.7 (8.3)", "58.2 (7.7)", "62.5 (7.1)")
             + "</tbody></table></table-wrap>")
    rows = _jats_rows(tmp_path, "Patients were randomly assigned to a brace (n = 40) or tape (n = 41).", table)
    got = {r["value"]: normalize_label(r["timepoint"]) for r in rows if r["measure"] == "MEAN"}
    assert got[61.4] == got[58.2] == normalize_label(first)
    assert got[66.0] == got[62.5] == normalize_label(second)
    assert got[52.1] == normalize_label("baseline")


def test_follow_up_columns_without_a_count_keep_the_captions_time(tmp_path):
    table = ("<table-wrap><label>Table 2</label><caption><title>Function scores at 2 years</title></caption><table>"
             "<thead>" + _tr("", "Brace (n = 40)", "Brace (n = 40)", "Tape (n = 41)", "Tape (n = 41)", tag="th")
             + _tr("Score", "Baseline", "Follow-up", "Baseline", "Follow-up", tag="th") + "</thead><tbody>"
             + _tr("Function", "52.1 (8.0)", "61.4 (7.2)", "51.7 (8.3)", "58.2 (7.7)")
             + "</tbody></table></table-wrap>")
    rows = _jats_rows(tmp_path, "Patients were randomly assigned to a brace (n = 40) or tape (n = 41).", table)
    got = {r["value"]: r["timepoint"] for r in rows if r["measure"] == "MEAN"}
    assert got[61.4] == got[58.2] and "1" not in got[61.4]
