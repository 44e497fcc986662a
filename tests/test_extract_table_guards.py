"""Table reader guards: an arm's count above its size or a share above 100 % (re-sized from the printed share or
dropped), a median printed with an SD or SE ("Median ± SD") written as a median with that spread (never a mean), a label's
category pair of single letters ("Side (L/R)") never taken for a unit, and a range sub-row printed with thousands
separators."""
from __future__ import annotations

import pytest
from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import _interval_cell_pair, read_table
from evidence_review.extract.arm_cells import parse_arm_cell

_METHODS = "Patients were randomly assigned to duloxetine (n = 40) or usual care (n = 42).\n"


def _read(body: str, caption: str = "Table 2. Outcomes at 6 months") -> list[dict]:
    text = _METHODS + caption + "\n" + body
    header_line = next(line for line in text.split("\n") if line.startswith("|"))
    table = pipe_table(text, header_line, caption=caption)
    return read_table("d", text, table, build_study("d", text, {"tables": [table]})) or []


def _by_arm(rows: list[dict], outcome_word: str) -> dict[str, dict]:
    return {r["intervention"]: r for r in rows if outcome_word.lower() in r["outcome"].lower()}


@pytest.mark.parametrize("label", ["Readmission, n (%)", "Readmission — no. (%)", "Readmission, No. (%)"])
def test_a_count_above_its_arm_whose_share_disagrees_is_dropped(label):
    rows = _read(f"| | Duloxetine (n = 40) | Usual care (n = 42) |\n| {label} | 47 (52.0) | 11 (26.2) |\n")
    arms = _by_arm(rows, "readmission")
    assert "duloxetine" not in arms          # 47 of 40 is no count of the arm; read neither as a count nor a mean
    assert (arms["standard care"]["events"], arms["standard care"]["total"]) == (11, 42)


def test_a_count_above_its_arm_whose_share_agrees_takes_the_size_the_share_gives():
    rows = _read("| | Duloxetine (n = 40) | Usual care (n = 42) |\n| Lesions healed, n (%) | 45 (52.3) | 20 (47.6) |\n")
    arms = _by_arm(rows, "lesions")
    assert (arms["duloxetine"]["events"], arms["duloxetine"]["total"]) == (45, 86)      # 45/86 = 52.3 %
    assert "86" in arms["duloxetine"]["needs_review"]
    assert (arms["standard care"]["events"], arms["standard care"]["total"]) == (20, 42)
    assert not arms["standard care"]["needs_review"]


@pytest.mark.parametrize("cell, n, expected", [
    ("45 (52.3%)", 40, (45, 86)),
    ("12 (30.0)", 40, (12, 40)),         # within the arm: unchanged
    ("47 (52.0)", 40, None),             # no size rounds to 52.0 % with 47
    ("12 (130%)", 40, None),             # a share above 100 %
    ("50/39", 39, None),                  # more events than the printed total, no share
])
def test_parse_arm_cell_guards_counts(cell, n, expected):
    parsed = parse_arm_cell(cell, "n_pct", n)
    assert (None if parsed is None else (parsed["events"], parsed["total"])) == expected


def test_a_unit_percent_row_above_the_arm_is_still_a_mean_in_percent():
    # "Adherence, %": a quantity in percent; "91 (21)" over 25 patients is a mean (SD), as before the guard
    rows = _read("| | Duloxetine (n = 25) | Usual care (n = 24) |\n| Adherence, % | 91 (21) | 84 (25) |\n")
    arms = _by_arm(rows, "adherence")
    assert arms["duloxetine"]["measure"] == "MEAN" and arms["duloxetine"]["sd"] == 21


@pytest.mark.parametrize("label", ["Pain score, median ± SD", "Pain score (median ± SD)", "Pain score, median (SD)",
                                   "Pain score, median ± SE", "Pain score, Median and standard deviation"])
def test_a_median_printed_with_an_sd_is_no_mean(label):
    # the label names a median, the spread an SD or SE: the median is written with the spread as printed (as the
    # labellers of three batches stored it), never a mean
    cells = "| 4.5 (1.2) | 5.1 (1.4) |" if "(SD)" in label or " and " in label else "| 4.5 ± 1.2 | 5.1 ± 1.4 |"
    rows = _read(f"| | Duloxetine (n = 40) | Usual care (n = 42) |\n| {label} {cells}\n"
                 "| Nausea, n (%) | 12 (30.0) | 8 (19.0) |\n")
    pain = _by_arm(rows, "pain")
    assert {r["measure"] for r in pain.values()} == {"MEDIAN"}
    assert (pain["duloxetine"]["value"], pain["duloxetine"].get("sd") or pain["duloxetine"].get("se")) == (4.5, 1.2)
    assert _by_arm(rows, "nausea")["duloxetine"]["events"] == 12       # the table's other rows are read


def test_a_mean_printed_with_an_sd_stays_a_mean():
    rows = _read("| | Duloxetine (n = 40) | Usual care (n = 42) |\n| Pain score, mean ± SD | 4.5 ± 1.2 | 5.1 ± 1.4 |\n")
    arms = _by_arm(rows, "pain")
    assert {r["measure"] for r in arms.values()} == {"MEAN"} and arms["duloxetine"]["sd"] == 1.2


def test_a_caption_naming_medians_with_sd_reads_no_means():
    rows = _read("| | Duloxetine (n = 40) | Usual care (n = 42) |\n| Pain score | 4.5 ± 1.2 | 5.1 ± 1.4 |\n",
                 caption="Table 3. Symptom scores (median ± SD)")
    pain = _by_arm(rows, "pain")
    assert not [r for r in pain.values() if r["measure"] == "MEAN"]
    assert (pain["duloxetine"]["measure"], pain["duloxetine"]["sd"]) == ("MEDIAN", 1.2)


def test_a_footnote_declaring_median_and_sd_reads_medians_beside_counts():
    # "Notes: Data are number of patients (%), median (range) or median ± standard deviation": each row by its shape
    note = "Notes: Data are number of patients (%), median (range) or median \u00b1 standard deviation."
    text = ("Patients were randomly assigned to group S (n = 47) or group D (n = 46).\nTable 1. Patient characteristics\n"
            "| | Group S(n=47) | Group D(n=46) | P Value |\n| Age, yr | 52.3 ± 13.1 | 50.8 ± 14.7 | 0.290 |\n"
            "| ASA physical status | 2 (1-3) | 2 (1-3) | 0.866 |\n| Nausea | 15 (31.9%) | 8 (17.4%) | 0.021 |\n" + note + "\n")
    _, rows = read_pipe_table(text, "| | Group S(n=47) | Group D(n=46) | P Value |", caption="Table 1. Patient characteristics",
                              footnote=note)
    age = [r for r in rows if r["outcome"].lower().startswith("age")]
    assert [(r["measure"], r["value"], r["sd"]) for r in age] == [("MEDIAN", 52.3, 13.1), ("MEDIAN", 50.8, 14.7)]
    assert {r["measure"] for r in rows if "ASA" in r["outcome"]} == {"MEDIAN"}
    assert [r["events"] for r in rows if r["outcome"].lower().startswith("nausea")] == [15, 8]


@pytest.mark.parametrize("label", ["Side (L/R)", "Side (R/L)", "Operated side, l/r", "Side [L/R]"])
def test_single_letter_category_pairs_are_categories_not_units(label):
    rows = _read(f"| | Duloxetine (n = 40) | Usual care (n = 42) |\n| {label} | 18/22 | 25/17 |\n")
    arms = _by_arm(rows, "side")
    assert (arms["duloxetine"]["events"], arms["duloxetine"]["total"]) == (18, 40)
    assert (arms["standard care"]["events"], arms["standard care"]["total"]) == (25, 42)


@pytest.mark.parametrize("label", ["Creatinine (mg/L)", "Albumin (g/L)", "Urea (mmol/l)"])
def test_unit_pairs_stay_units(label):
    rows = _read(f"| | Duloxetine (n = 40) | Usual care (n = 42) |\n| {label} | 18/22 | 25/17 |\n")
    assert not [r for r in rows if r["measure"] == "PROPORTION"]


@pytest.mark.parametrize("text, expected", [
    ("400 to 34,594", (400.0, 34594.0)),
    ("1,200\u20135,600", (1200.0, 5600.0)),
    ("(2,150 - 12,900)", (2150.0, 12900.0)),
    ("0.16 to 1.89", (0.16, 1.89)),
    ("1,200", (None, None)),               # one number with a thousands comma is no pair
    ("5,600 to 1,200", (None, None)),      # high before low
])
def test_interval_cells_with_thousands_separators(text, expected):
    assert _interval_cell_pair(text) == expected


def test_a_range_sub_row_with_thousands_separators_joins_its_median():
    rows = _read("| | Duloxetine (n = 40) | Usual care (n = 42) |\n| Hospital cost (USD) | | |\n"
                 "| Median | 2,300 | 3,100 |\n| Range | 1,150 to 7,820 | 640 to 41,275 |\n")
    arms = _by_arm(rows, "cost")
    assert (arms["duloxetine"]["value"], arms["duloxetine"]["range_low"], arms["duloxetine"]["range_high"]) == \
        (2300.0, 1150.0, 7820.0)
    assert (arms["standard care"]["range_low"], arms["standard care"]["range_high"]) == (640.0, 41275.0)
