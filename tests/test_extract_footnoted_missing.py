"""Observations a table's footnote declares missing (denominators.declared_missing, table_reader): "** one missing
observation in placebo group" under rows marked "**", "Missing values: crime 1, abuse 1" under rows so named: the
arm's counts there are of its size less the missing, where the printed shares fit that number (and, when the note
names the arm, where they do not contradict it: "0 (0%)")."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.denominators import declared_missing, less_missing, missing_of_row
from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_tables

_MARKED = """Patients were randomised to true acupuncture or placebo acupuncture.
Table 2. Baseline characteristics of patients. Values are number (percentage) or mean (standard deviation)
| | Acupuncture n = 30 | Placebo n = 22 |
| Female | 18 (60%) | 14 (64%) |
| Breathless at rest | 11 (37%) | 7 (32%) |
| Steroid use:** | | |
| None | 16 (53%) | 10 (48%) |
| Any | 14 (47%) | 11 (52%) |
| Diuretics** | 4 (13%) | 0 (0%) |
| Opiates** | 6 (20%) | 5 (24%) |
** one missing observation in placebo group
"""

_LISTED = """Patients were randomised to the individual intervention or the systemic intervention.
Table 1. Baseline demographic and clinical characteristics.
| | Individual intervention, N (%) | Systemic intervention, N (%) | P |
| Number | 50 | 36 | |
| Male | 24 (48.0) | 17 (47.2) | |
| Crime (%) | | | |
| Arrested | 12 (24.0) | 10 (28.6) | 0.6 |
| Abuse | | | |
| Alcohol and/or drugs | 13 (26.5) | 15 (41.7) | 0.08 |
| Taking medication | 41 (82.0) | 30 (83.3) | 0.4 |
Missing values: crime 1, number of admissions 1, abuse 1, and side effects 7.
"""


def _proportions(document: str, header: str, caption: str, footnote: str) -> dict:
    table = pipe_table(document, header, table_id="T1", caption=caption)
    table["end"] = document.index(footnote) + len(footnote)     # (the footnote inside the table's span, as ingested)
    structure = {"tables": [table]}
    rows, _ = read_tables("d", document, structure, build_study("d", document, structure))
    return {(r["outcome"].split(":")[-1].strip(), r["events"]): r["total"] for r in rows if r["measure"] == "PROPORTION"}


def test_declared_missing_reads_marked_notes_and_lists():
    notes = ("* two missing observations in acupuncture group; three missing observations in placebo group"
             "** one missing observation in placebo group+ n = 10 acupuncture")
    found = declared_missing(notes)
    assert ("**", frozenset(), "placebo", 1) in found
    assert ("*", frozenset(), "placebo", 3) in found and ("*", frozenset(), "acupuncture", 2) in found
    assert missing_of_row(found, ["Opiates**"]) == [("placebo", 1)]
    assert missing_of_row(found, ["Credibility score*"]) == [("acupuncture", 2), ("placebo", 3)]
    assert missing_of_row(found, ["Female"]) == []
    listed = declared_missing("Missing values: crime 1, duration of illness 30, abuse 1.")
    assert missing_of_row(listed, ["Arrested", "Crime (%)"]) == [("", 1)]
    assert missing_of_row(listed, ["Male", ""]) == []


def test_less_missing_needs_the_share_s_arithmetic_when_no_arm_is_named():
    parsed = {"measure": "PROPORTION", "events": 10, "pct_text": "25.6", "total": 40}
    less_missing(parsed, 40, [("", 1)], named=False)
    assert parsed["total"] == 39
    fits_both = {"measure": "PROPORTION", "events": 0, "pct_text": "0", "total": 40}
    less_missing(fits_both, 40, [("", 1)], named=False)
    assert fits_both["total"] == 40         # (a zero fits any size: only a note naming the arm moves it)
    less_missing(fits_both, 40, [("placebo", 1)], named=True)
    assert fits_both["total"] == 39


def test_rows_marked_by_a_note_of_one_missing_observation_are_of_the_arm_less_one():
    found = _proportions(_MARKED, "| | Acupuncture n = 30 | Placebo n = 22 |",
                         "Table 2. Baseline characteristics of patients. Values are number (percentage) or mean "
                         "(standard deviation)", "** one missing observation in placebo group")
    assert found[("None", 10)] == 21        # 48 % of 21, not of 22
    assert found[("Any", 11)] == 21
    assert {t for (o, k), t in found.items() if o.startswith("Diuretics") and k == 0} == {21}
    assert found[("Female", 14)] == 22      # (an unmarked row keeps the arm's size)
    assert found[("None", 16)] == 30        # (the note names the placebo arm only)


def test_a_list_of_missing_values_gives_the_fewer_where_the_share_fits_it():
    found = _proportions(_LISTED, "| | Individual intervention, N (%) | Systemic intervention, N (%) | P |",
                         "Table 1. Baseline demographic and clinical characteristics.",
                         "Missing values: crime 1, number of admissions 1, abuse 1, and side effects 7.")
    assert found[("Arrested", 10)] == 35    # 28.6 % of 35
    assert found[("Arrested", 12)] == 50    # 24.0 % of 50: none missing in that arm
    assert found[("Alcohol and/or drugs", 13)] == 49    # 26.5 % of 49
    assert found[("Taking medication", 41)] == 50


_EXCLUDED = """Patients were randomized 1:1:1 to letrozole, letrozole plus celecoxib, or celecoxib.
Table 1. Patient demographics
| | Letrozole | Letrozole + celecoxib | Celecoxib |
| n | 33 | 30 | 36 |
| Tumor grade | | | |
| 1 | 7 | 10 | 9 |
| 2 | 22 | 14 | 23 |
| 3 | 4 | 3 | 4 |
a Three patients in the letrozole plus celecoxib group had bilateral tumors of differing grades and are not included in
the above grade table.
"""


def test_patients_a_marked_note_leaves_out_of_a_heading_s_rows_are_not_of_the_arm():
    table = pipe_table(_EXCLUDED, "| | Letrozole | Letrozole + celecoxib | Celecoxib |", table_id="T1",
                       caption="Table 1. Patient demographics")
    table["end"] = _EXCLUDED.index("grade table.") + len("grade table.")
    for cell in table["cells"]:
        if cell["text"] == "Tumor grade":
            cell["marks"] = ["a"]       # (the mark as ingestion carries it, apart from the label's text)
    structure = {"tables": [table]}
    rows, _ = read_tables("d", _EXCLUDED, structure, build_study("d", _EXCLUDED, structure))
    totals = {(r["outcome"], r["intervention"], r["events"]): r["total"] for r in rows if r["measure"] == "PROPORTION"}
    combined = {t for (o, arm, k), t in totals.items() if "celecoxib" in arm and "letrozole" in arm and "grade" in o}
    assert combined == {27}         # 30 less the three the note leaves out
    assert {t for (o, arm, k), t in totals.items() if arm == "celecoxib" and "grade" in o} == {36}
