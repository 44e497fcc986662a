"""A statistic declared by a cell's header path, or by a footnote whose mark the cell, its row label or its column
header carries, applies to every cell under it (declared_formats.header_path_format, marked_declarations; ingestion
keeps a markup cell's footnote marks apart from its text, in the cell's "marks"). Precedence: the row label, then the
nearest header level, an outer header level, the caption, the footnotes, the methods paragraph. Every table is written
here, in general shapes, with negatives: a header naming another column's statistic, a row label overriding the
header, a footnote mark that is not on this row or column."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from table_grids import read_pipe_table as _read

from evidence_review.extract import extract_study_tables
from evidence_review.extract.declared_formats import (header_path_format, label_format, marked_declarations,
                                                      marked_format, refined_format, table_wide_notes)
from evidence_review.ingest import ingest_with_structures

ALLOCATION = "Adults with gout were randomly assigned to febuxostat (n = 60) or allopurinol (n = 58).\n"


def _arm_rows(rows, measure=None):
    return [(r["measure"], r["intervention"], r["outcome"], r["value"], r["sd"], r["se"], r["q1"], r["q3"],
             r["range_low"], r["range_high"]) for r in rows if measure is None or r["measure"] == measure]


# ------------------------------------------------------------------------------------------ the header path
@pytest.mark.parametrize("levels, spanning, expected", [
    # the nearest level naming a format wins over an outer one
    (("Mean (SD)", "Febuxostat", "Median (range)"), "", "median_range"),
    (("Median (IQR)", "Allopurinol (n = 58)"), "", "median_iqr"),
    # a level's format words wherever they stand
    (("Febuxostat (n = 60), median (IQR)",), "", "median_iqr"),
    (("Change from baseline to week 24, LS mean (SE)", "Febuxostat"), "", "mean_se"),
    (("Allopurinol", "% (n)"), "", "pct_n"),
    # the statistic a spanning header states, when no level of the path names one
    (("Serum urate", "Febuxostat"), "mean_se", "mean_se"),
    # a level naming only the centre gives it when nothing names the spread; the spanning spread outranks it
    (("Mean % change", "Febuxostat"), "", "mean"),
    (("Mean % change", "Febuxostat"), "mean_sd", "mean_sd"),
    # nothing declared
    (("Febuxostat (n = 60)", "Week 24"), "", ""),
])
def test_the_header_path_declares_the_nearest_format(levels, spanning, expected):
    assert header_path_format(levels, spanning) == expected


@pytest.mark.parametrize("own, outer, expected", [
    # a row naming only the centre takes the spread the nearest outer level declares for it
    ("mean", ("mean_se", "mean_sd"), "mean_se"), ("median", ("", "median_range"), "median_range"),
    ("", ("", "mean_ci"), "mean_ci"),
    # a full format of the row stands; an outer format of the other centre or of counts leaves the centre alone
    ("mean_sd", ("mean_se",), "mean_sd"), ("median", ("mean_sd",), "median"), ("mean", ("n_pct",), "mean"),
    ("mean", (), "mean"),
])
def test_a_declaration_naming_the_centre_takes_the_outer_spread(own, outer, expected):
    assert refined_format(own, *outer) == expected


@pytest.mark.parametrize("label, expected", [
    ("Median (Q1–Q3)", "median_iqr"), ("Median [Q1; Q3]", "median_iqr"), ("median (25%-75%)", "median_iqr"),
    ("Median (25%, 75%)", "median_iqr"), ("Median (P25 to P75)", "median_iqr"), ("LSM (95% CI)", "mean_ci"),
    # the people counted, when nothing else is declared
    ("Patients with any adverse event", "count"), ("No. of participants requiring rescue", "count"),
    ("Patients with diabetes (%)", "n_pct"), ("Patients with gout flares, mean (SD)", "mean_sd"),
    ("Patients", ""), ("Patients with flares per year", ""),
    # (a range that is no pair of quartiles)
    ("Median (5th–95th percentile)", "median"),
])
def test_spellings_of_a_declared_format(label, expected):
    assert label_format(label) == expected


# ------------------------------------------------------------------------------------------ footnote marks
def test_bare_letter_and_number_marks_open_notes_only_when_a_cell_carries_them():
    notes = "a Median (interquartile range).\nb Mean (SE).\nValues are mean (SD) unless stated otherwise."
    assert marked_declarations(notes, ["a", "b"]) == {"a": "median_iqr", "b": "mean_se"}
    # no cell carries them: no note is marked (a letter opening a line may be a word)
    assert marked_declarations(notes) == {}
    # several notes on one line, each after the end of the one before it
    assert marked_declarations("All values are means. a Median (IQR). b Mean ± SEM", ["a", "b"]) == \
        {"a": "median_iqr", "b": "mean_se"}
    # a number marks a note only when a cell carries it; "2 patients" opens no note
    assert marked_declarations("1 Mean (SE)\n2 patients had median (IQR) values missing", ["1"]) == {"1": "mean_se"}
    # a carried letter glued to a word is the word's first letter
    assert marked_declarations("alpha blockers were given; values are median (IQR)", ["a"]) == {}


def test_a_mark_carried_apart_from_the_text_finds_its_note():
    declarations = marked_declarations("† Median (range)\nc Mean (SEM)", ["c"])
    assert marked_format("Length of stay", declarations, ["c"]) == "mean_se"
    assert marked_format("Length of stay†", declarations) == "median_range"
    assert marked_format("Length of stay", declarations, ["d"]) == ""


def test_a_note_for_marked_rows_only_leaves_the_table_wide_notes():
    notes = "Values are mean (SD). a Median (IQR).\nb Mean (SE)."
    assert table_wide_notes(notes, ["Age", "Serum urate"], ["Febuxostat"], row_marks=["a"]) == \
        "Values are mean (SD).\nb Mean (SE)."
    # the same mark on a header: the note speaks for the table
    assert "Median" in table_wide_notes(notes, ["Age"], ["Febuxostat"], row_marks=["a"], head_marks=["a"])


# ------------------------------------------------------------------------------------------ tables, arms as rows
def test_a_statistic_spanning_the_outcome_columns_types_the_arms_cells():
    text = ALLOCATION + """Table 3. Hospital course
| Group | Median (range) | Median (range) | Score |
| Group | Length of stay, days | ICU stay, days | Score |
| Febuxostat (n = 60) | 12 (8-30) | 3 (1-9) | 5.1 (1.2) |
| Allopurinol (n = 58) | 14 (9-35) | 4 (1-12) | 6.0 (1.4) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Hospital course", header_rows=2)
    assert _arm_rows(rows, "MEDIAN") == [
        ("MEDIAN", "febuxostat", "Length of stay", 12.0, None, None, None, None, 8.0, 30.0),
        ("MEDIAN", "febuxostat", "ICU stay", 3.0, None, None, None, None, 1.0, 9.0),
        ("MEDIAN", "allopurinol", "Length of stay", 14.0, None, None, None, None, 9.0, 35.0),
        ("MEDIAN", "allopurinol", "ICU stay", 4.0, None, None, None, None, 1.0, 12.0)]
    # (the span stops where its header does: the score's column states no median, its cells keep their shape)
    assert _arm_rows(rows, "MEAN") == [("MEAN", "febuxostat", "Score", 5.1, 1.2, None, None, None, None, None),
                                       ("MEAN", "allopurinol", "Score", 6.0, 1.4, None, None, None, None, None)]


@pytest.mark.parametrize("statistic, cells, field, expected", [
    ("LS mean change from baseline (SEM)", ("-4.1 (0.3)", "-2.9 (0.4)"), "se", [0.3, 0.4]),
    ("median (min–max)", ("12.0 (3.0 – 30.0)", "14.0 (4.0 – 35.0)"), "range_low", [3.0, 4.0]),
])
def test_format_words_anywhere_in_an_arms_header_type_its_cells(statistic, cells, field, expected):
    text = ALLOCATION + f"""Table 2. Outcomes
| Outcome | Febuxostat (n = 60), {statistic} | Allopurinol (n = 58), {statistic} |
| Serum urate, mg/dL | {cells[0]} | {cells[1]} |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Outcomes")
    assert [r[field] for r in rows] == expected and {r["q1"] for r in rows} == {None}


def test_a_footnote_declares_the_spread_of_arms_as_rows():
    text = ALLOCATION + """Table 2. Serum urate, mg/dL
| Group | Baseline | Week 12 | Week 24 |
| Febuxostat (n = 60) | 8.9 (0.2) | 5.1 (0.3) | 4.8 (0.3) |
| Allopurinol (n = 58) | 9.0 (0.2) | 6.2 (0.3) | 6.0 (0.3) |
Data are presented as mean (standard error).
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Serum urate, mg/dL",
                    footnote="Data are presented as mean (standard error).")
    assert [(r["intervention"], r["value"], r["se"]) for r in rows] == [
        ("febuxostat", 8.9, 0.2), ("febuxostat", 5.1, 0.3), ("febuxostat", 4.8, 0.3),
        ("allopurinol", 9.0, 0.2), ("allopurinol", 6.2, 0.3), ("allopurinol", 6.0, 0.3)]
    # without the footnote the bracket is the shape's SD
    plain = text.replace("Data are presented as mean (standard error).\n", "")
    _, rows = _read(plain, plain.split("\n")[2], "Table 2. Serum urate, mg/dL")
    assert {r["se"] for r in rows} == {None} and [r["sd"] for r in rows][:2] == [0.2, 0.3]


def test_the_row_label_outranks_the_header_path():
    text = ALLOCATION + """Table 2. Outcomes
| Outcome | Febuxostat (n = 60) | Allopurinol (n = 58) |
| | Mean (SEM) | Mean (SEM) |
| Serum urate, mg/dL | 5.1 (0.3) | 6.2 (0.3) |
| Flares, median (IQR) | 2 (1-4) | 3 (1-5) |
| Male, n (%) | 50 (83.3) | 47 (81.0) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Outcomes", header_rows=2)
    assert [(r["measure"], r["value"], r["se"], r["q1"], r["q3"], r["events"]) for r in rows] == [
        ("MEAN", 5.1, 0.3, None, None, None), ("MEAN", 6.2, 0.3, None, None, None),
        ("MEDIAN", 2.0, None, 1.0, 4.0, None), ("MEDIAN", 3.0, None, 1.0, 5.0, None),
        ("PROPORTION", pytest.approx(50 / 60), None, None, None, 50),
        ("PROPORTION", pytest.approx(47 / 58), None, None, None, 47)]


def test_a_row_naming_only_the_centre_takes_the_headers_spread():
    text = ALLOCATION + """Table 2. Outcomes at week 24
| Outcome | Febuxostat (n = 60) | Allopurinol (n = 58) |
| | Mean (SE) | Mean (SE) |
| Mean change in serum urate, mg/dL | -4.1 (0.3) | -2.9 (0.3) |
| Mean number of flares | 1.2 (0.2) | 1.9 (0.2) |
| Median time to first flare, days, median (range) | 41 (5-160) | 30 (3-150) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Outcomes at week 24", header_rows=2)
    assert [(r["measure"], r["value"], r["se"], r["range_low"], r["range_high"]) for r in rows] == [
        ("MEAN", -4.1, 0.3, None, None), ("MEAN", -2.9, 0.3, None, None),
        ("MEAN", 1.2, 0.2, None, None), ("MEAN", 1.9, 0.2, None, None),
        ("MEDIAN", 41.0, None, 5.0, 160.0), ("MEDIAN", 30.0, None, 3.0, 150.0)]


def test_a_row_naming_only_the_centre_takes_the_footnotes_spread_and_not_the_other_centres():
    text = ALLOCATION + """Table 3. Hospital course
| Outcome | Febuxostat (n = 60) | Allopurinol (n = 58) |
| Median length of stay, days | 5 (2-14) | 7 (3-20) |
| Mean blood loss, mL | 310 (95) | 355 (120) |
Values are median (range).
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Hospital course", footnote="Values are median (range).")
    assert [(r["measure"], r["value"], r["sd"], r["q1"], r["range_low"]) for r in rows] == [
        ("MEDIAN", 5.0, None, None, 2.0), ("MEDIAN", 7.0, None, None, 3.0),
        # (the row's own centre is a mean: the footnote's median does not type it)
        ("MEAN", 310.0, 95.0, None, None), ("MEAN", 355.0, 120.0, None, None)]


@pytest.mark.parametrize("statistic, adjusted", [("LS mean (SE)", "yes"), ("Adjusted mean (SE)", "yes"),
                                                 ("Least-squares mean change (SE)", "yes"), ("Mean (SE)", "no")])
def test_a_header_naming_a_models_mean_marks_the_arms_means_adjusted(statistic, adjusted):
    text = ALLOCATION + f"""Table 2. Outcomes at week 24
| Outcome | Febuxostat (n = 60) | Allopurinol (n = 58) |
| | {statistic} | {statistic} |
| Serum urate, mg/dL | -4.1 (0.3) | -2.9 (0.3) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Outcomes at week 24", header_rows=2)
    assert [(r["se"], r["adjusted"]) for r in rows] == [(0.3, adjusted), (0.3, adjusted)]


def test_a_row_label_naming_the_people_counted_reads_bare_counts_of_the_arm():
    text = ALLOCATION + """Table 4. Safety
| Event | Febuxostat (n = 60) | Allopurinol (n = 58) |
| Patients with any adverse event | 31 | 29 |
| Patients with a serious adverse event | 4 | 6 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 4. Safety")
    assert [(r["measure"], r["intervention"], r["events"], r["total"]) for r in rows] == [
        ("PROPORTION", "febuxostat", 31, 60), ("PROPORTION", "allopurinol", 29, 58),
        ("PROPORTION", "febuxostat", 4, 60), ("PROPORTION", "allopurinol", 6, 58)]


# ------------------------------------------------------------------------------------------ marks kept by ingestion
_JATS = """<?xml version="1.0"?><article><front><article-meta><title-group><article-title>Febuxostat versus allopurinol
in gout: a randomized trial of {name}</article-title></title-group><abstract><p>Adults with gout were randomized to
febuxostat or allopurinol ({name}).</p></abstract></article-meta></front><body><sec><title>Methods</title><p>Adults
with gout were randomly assigned to febuxostat (n = 60) or allopurinol (n = 58).</p></sec><sec><title>Results</title>
<p>See Table 2.</p><table-wrap id="t2"><label>Table 2</label><caption><title>Outcomes at week 24</title></caption>
<table>{table}</table><table-wrap-foot>{foot}</table-wrap-foot></table-wrap></sec></body></article>"""


def _mark(m: str) -> str:
    return f'<xref ref-type="table-fn" rid="f{m}">{m}</xref>'


def _table(head: str, rows: list[list[str]]) -> str:
    return "<thead>" + head + "</thead><tbody>" + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</tbody>"


def _extract(name: str, table: str, foot: str):
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, f"{name}.xml").write_text(_JATS.format(name=name, table=table, foot=foot), encoding="utf-8")
        documents, texts, structures = ingest_with_structures([Path(folder)])
        structure = structures[documents["doc_id"].iloc[0]]
        estimates = extract_study_tables(documents, texts, structures).estimates
    rows = estimates.astype(object).where(estimates.notna(), None).to_dict("records")
    return structure, [r for r in rows if r["measure"] in ("MEAN", "MEDIAN")]


def test_ingestion_keeps_a_cells_marks_apart_from_its_text():
    structure, _ = _extract("marks", _table(
        f"<tr><th>Outcome</th><th>Febuxostat (n = 60)<sup>{_mark('b')}</sup></th><th>Allopurinol (n = 58)</th></tr>",
        [[f"Length of stay<sup>a,c</sup>", "12 (8-30)", "14 (9-35)"]]), "<fn><p><sup>a</sup>Median (range).</p></fn>")
    cells = {(c["row"], c["col"]): c for c in structure["tables"][0]["cells"]}
    assert cells[(1, 0)]["text"] == "Length of stay" and cells[(1, 0)]["marks"] == ["a", "c"]
    assert cells[(0, 1)]["text"] == "Febuxostat (n = 60)" and cells[(0, 1)]["marks"] == ["b"]
    assert "marks" not in cells[(0, 2)] and "marks" not in cells[(1, 1)]


def test_a_marked_row_takes_its_note_and_an_unmarked_row_does_not():
    _, rows = _extract("rows", _table(
        "<tr><th>Outcome</th><th>Febuxostat (n = 60)</th><th>Allopurinol (n = 58)</th><th>P value</th></tr>",
        [[f"Serum urate, mg/dL{_mark('b')}", "5.1 (0.3)", "6.2 (0.3)", "0.01"],
         ["Pain score", "4.1 (1.3)", "5.0 (1.4)", "0.02"],
         [f"Length of stay, days{_mark('a')}", "12 (8-17)", "14 (9-20)", "0.04"]]),
        "<fn id='fa'><p><sup>a</sup>Median (interquartile range).</p></fn>"
        "<fn id='fb'><p><sup>b</sup>Mean (SE).</p></fn>"
        "<fn><p>Values are mean (SD) or median (range) unless stated otherwise.</p></fn>")
    assert [(r["outcome"], r["value"], r["sd"], r["se"], r["q1"], r["q3"], r["range_low"]) for r in rows] == [
        ("Serum urate", 5.1, pytest.approx(0.3 * 60 ** 0.5), 0.3, None, None, None),
        ("Serum urate", 6.2, pytest.approx(0.3 * 58 ** 0.5), 0.3, None, None, None),
        ("Pain score", 4.1, 1.3, None, None, None, None), ("Pain score", 5.0, 1.4, None, None, None, None),
        ("Length of stay", 12.0, None, None, 8.0, 17.0, None), ("Length of stay", 14.0, None, None, 9.0, 20.0, None)]


def test_a_mark_on_one_column_header_types_that_column_only():
    _, rows = _extract("columns", _table(
        "<tr><th rowspan='2'>Outcome</th><th colspan='2'>Febuxostat (n = 60)</th><th colspan='2'>Allopurinol (n = 58)"
        f"</th></tr><tr><th>Baseline</th><th>Change{_mark('b')}</th><th>Baseline</th><th>Change{_mark('b')}</th></tr>",
        [["Serum urate, mg/dL", "8.9 (1.3)", "-3.1 (0.5)", "9.0 (1.4)", "-1.2 (0.5)"]]),
        "<fn><p>Values are mean (SD).</p></fn><fn id='fb'><p><sup>b</sup>Least-squares mean (SE).</p></fn>")
    assert [(r["value"], r["sd"] if r["se"] is None else None, r["se"]) for r in rows] == [
        (8.9, 1.3, None), (-3.1, None, 0.5), (9.0, 1.4, None), (-1.2, None, 0.5)]


def test_a_mark_on_a_cell_outranks_the_table_wide_note():
    _, rows = _extract("cells", _table(
        "<tr><th>Outcome</th><th>Febuxostat (n = 60)</th><th>Allopurinol (n = 58)</th></tr>",
        [["Length of stay, days", f"12 (8-30){_mark('*')}", f"14 (9-35){_mark('*')}"],
         ["ICU stay, days", "3 (2-5)", "4 (2-6)"]]),
        "<fn><p>Data are median (IQR).</p></fn><fn id='f*'><p>* Median (range).</p></fn>")
    assert [(r["outcome"], r["q1"], r["q3"], r["range_low"], r["range_high"]) for r in rows] == [
        ("Length of stay", None, None, 8.0, 30.0), ("Length of stay", None, None, 9.0, 35.0),
        ("ICU stay", 2.0, 5.0, None, None), ("ICU stay", 2.0, 6.0, None, None)]
