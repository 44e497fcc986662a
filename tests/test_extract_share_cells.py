"""Shares of an arm's patients in its table cells, decided in one place (extract.share_cells): percent-first cells,
percentages printed alone, zeros beside counts, counts of events with their mean per patient; on tables written
here, with negatives of the same look."""
import pytest
from table_grids import read_pipe_table

from evidence_review.extract.declared_formats import declared_formats
from evidence_review.extract.share_cells import count_of_share, no_patients_cell, per_patient_count, share_cell_format

_TRIAL = "Patients with chronic wounds were randomly assigned to dressing A or dressing B.\n"


def _rows(text, caption="Table 1. Characteristics", header_rows=1, footnote=""):
    _, rows = read_pipe_table(text, text.split("\n")[1], caption=caption, header_rows=header_rows, footnote=footnote)
    return rows


def _props(rows):
    return sorted((r["outcome"], r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")


# ------------------------------------------------------------------------------------------ the decision
@pytest.mark.parametrize("pct, n, count", [
    ("92", 25, 23),          # one count rounds to it
    ("47", 150, 70),         # 70 and 71 both do: n x share rounded, as labelled (70.5 -> 70)
    ("66", 3, 2),            # none at the printed rounding: 66.7 % truncated
    ("35", 17, 6),           # a whole percentage within a point (35.3 %)
    ("12.2", 41, 5),         # 12.19 % truncated to its decimal
    ("0", 40, 0),
])
def test_the_count_a_share_stands_for(pct, n, count):
    assert count_of_share(pct, n) == count


@pytest.mark.parametrize("pct, n", [("20", 7), ("33.3", 50), ("12.5", 41), ("0.7", 33), ("62", None), ("120", 40)])
def test_a_share_of_no_count_of_the_arm_gives_none(pct, n):
    # (20 % of 7, 33.3 % and 12.5 % of 41 fit no count, rounded or truncated, nor within a point for a whole
    # percentage; 0.7 % of 33 would be nobody; no size; above 100 %)
    assert count_of_share(pct, n) is None


@pytest.mark.parametrize("cell, n, expected", [
    ("71.4 (95)", 133, "pct_n"),      # 95 of 133 is 71.4 %
    ("8% (3)", 40, "pct_n"),
    ("30 (12)", 40, "pct_n"),         # 12 of 40 is 30 %; 30 of 40 is no 12 %
    ("12 (30)", 40, ""),              # a count first: 12 of 40 is 30 % (the caller's n (%) stands)
    ("71.4 (9.5)", 133, ""),          # a decimal in the bracket: no count
    ("55.2 (101)", 133, ""),          # 101 of 133 is 75.9 %, no 55.2 %
])
def test_a_percentage_printed_before_its_count(cell, n, expected):
    assert share_cell_format(cell, "mean_sd", label="Prior amputation", declared=("mean_sd", "pct_n"), n=n) == expected


def test_a_percent_first_cell_of_a_measured_row_is_left_to_its_row():
    assert share_cell_format("30 (12)", "mean_sd", label="Wound depth, mm", n=40) == ""


@pytest.mark.parametrize("cell, label, current, declared, expected", [
    ("63%", "Venous ulcer", "mean_sd", ("mean_sd",), "pct"),      # a sign under a table of means: still a share
    ("17.5 %", "Smokers", "", (), "pct"),
    ("41.3", "Venous ulcer", "", ("mean_sd", "pct"), "pct"),      # "Values are mean ± SD or percentages"
    ("41.3", "Venous ulcer", "n_pct", (), "pct"),                 # a decimal under "n (%)" counts nobody
    ("41", "Venous ulcer", "", ("mean_sd", "pct"), ""),           # a whole number: a count or a share, not told here
    ("7.4%", "HbA1c (%)", "", (), ""),                            # a quantity measured in percent
    ("41.3", "Ankle-brachial index", "", ("pct",), ""),           # a measured quantity under "percentages"
    ("63%", "Age, mean (SD)", "mean", (), ""),                    # the row names its statistic
])
def test_a_percentage_printed_alone(cell, label, current, declared, expected):
    row_format = "mean" if "mean" in label else ""
    assert share_cell_format(cell, current, label=label, row_format=row_format, declared=declared, n=80) == expected


def test_a_row_of_changes_holds_no_shares():
    assert share_cell_format("12.5", "n_pct", label="Exudate", n=80, row_cells=("12.5", "-3.0")) == ""


@pytest.mark.parametrize("cell, row, expected", [
    ("0", ["0", "4 (5.1)"], True),
    ("none", ["none", "2 (2.5%)"], True),
    ("0 (0.0)", ["0 (0.0)", "2 (2.5)"], True),
    ("0", ["0", "3"], False),             # no count with its share in the row: nothing tells what 0 is
    ("0", ["0", "4.2 (1.1)"], False),     # beside a mean (SD)? 4.2 is no count
    ("\u2013", ["\u2013", "4 (5.1)"], False),   # a dash: as often "not measured" as none
])
def test_a_cell_of_no_patients_is_told_by_its_row(cell, row, expected):
    assert no_patients_cell(cell, row) is expected


@pytest.mark.parametrize("cell, n, expected", [
    ("58 (1.93)", 30, True),      # 58 events, 1.93 per patient of 30
    ("18 (0.6)", 30, False),      # not above the arm's size
    ("58 (12.4)", 30, False),     # a mean (SD): 58 / 30 is no 12.4
    ("58 (1.93)", None, False),
])
def test_a_count_of_events_with_its_mean_per_patient(cell, n, expected):
    assert per_patient_count(cell, n) is expected


@pytest.mark.parametrize("words, formats", [
    ("Values are mean (SD) or % (n).", ("mean_sd", "pct_n")),      # "(n)" is the share's count, no format apart
    ("Data are percentages.", ("pct",)),
    ("Data are mean ± SD or percentages.", ("mean_sd", "pct")),
    ("Data are numbers and percentages.", ("n_pct",)),
])
def test_declared_share_formats(words, formats):
    assert declared_formats(words) == formats


# ------------------------------------------------------------------------------------------ whole tables
def test_a_table_declaring_means_or_percent_first_cells_reads_each_row_by_its_cells():
    text = _TRIAL + """| Characteristic | Dressing A (n = 133) | Dressing B (n = 128) |
| Prior amputation | 71.4 (95) | 68.0 (87) |
| Wound area, cm2 | 12.1 (4.3) | 11.8 (4.0) |
Values are mean (SD) or % (n).
"""
    rows = _rows(text, footnote="Values are mean (SD) or % (n).")
    assert _props(rows) == [("Prior amputation", "dressing a", 95, 133), ("Prior amputation", "dressing b", 87, 128)]
    assert sorted((r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN") == [(11.8, 4.0), (12.1, 4.3)]


def test_percentages_printed_alone_under_a_table_of_means_are_shares_of_the_arm():
    text = _TRIAL + """| Characteristic | Dressing A (n = 150) | Dressing B (n = 152) |
| Wound age, weeks | 14.2 ± 3.1 | 13.9 ± 3.4 |
| Venous ulcer | 47% | 52% |
| Diabetic foot | 12.7% | 15.1% |
Values are mean ± SD.
"""
    rows = _rows(text, footnote="Values are mean ± SD.")
    assert _props(rows) == [("Diabetic foot", "dressing a", 19, 150), ("Diabetic foot", "dressing b", 23, 152),
                            ("Venous ulcer", "dressing a", 70, 150), ("Venous ulcer", "dressing b", 79, 152)]
    shares = {(r["outcome"], r["intervention"]): r["value"] for r in rows if r["measure"] == "PROPORTION"}
    assert shares[("Venous ulcer", "dressing a")] == pytest.approx(70 / 150)    # (70 of 150 prints 47 %)
    assert [r["value"] for r in rows if r["measure"] == "MEAN"] == [14.2, 13.9]


def test_decimals_under_a_footnote_declaring_percentages_are_shares():
    text = _TRIAL + """| Characteristic | Dressing A (n = 150) | Dressing B (n = 152) |
| Venous ulcer | 38.0 | 49.3 |
| Prior surgery | 20.0 | 18.4 |
Data are percentages.
"""
    rows = _rows(text, footnote="Data are percentages.")
    assert _props(rows) == [("Prior surgery", "dressing a", 30, 150), ("Prior surgery", "dressing b", 28, 152),
                            ("Venous ulcer", "dressing a", 57, 150), ("Venous ulcer", "dressing b", 75, 152)]


def test_without_a_declaration_bare_decimals_stay_unread():
    text = _TRIAL + """| Characteristic | Dressing A (n = 150) | Dressing B (n = 152) |
| Venous ulcer | 38.0 | 49.3 |
| Prior surgery | 20.0 | 18.4 |
"""
    assert _props(_rows(text)) == []


def test_a_zero_beside_counts_is_no_patient_and_a_count_of_events_per_patient_is_no_mean():
    text = _TRIAL + """| Outcome | Dressing A (n = 30) | Dressing B (n = 32) |
| Wound infection | 4 (13.3) | 0 |
| Dressing changes (total) | 58 (1.93) | 71 (2.22) |
| Healing time, days | 21.4 (6.0) | 25.0 (7.1) |
"""
    rows = _rows(text, caption="Table 2. Outcomes")
    assert _props(rows) == [("Wound infection", "dressing a", 4, 30), ("Wound infection", "dressing b", 0, 32)]
    assert sorted((r["outcome"], r["value"]) for r in rows if r["measure"] == "MEAN") == [
        ("Healing time", 21.4), ("Healing time", 25.0)]


@pytest.mark.parametrize("header, name, size, fmt", [
    ("Group 1 (n = 118) % (n)", "Group 1", 118, "% (n)"),
    ("Cohort B, %(no.)", "Cohort B", None, "%(no.)"),
    ("Dressing A (N = 64), % (n)", "Dressing A", 64, "% (n)"),
])
def test_a_percent_first_format_after_the_arm_is_no_part_of_its_name_or_size(header, name, size, fmt):
    from evidence_review.extract.study import column_format, split_size
    assert split_size(header) == (name, size)
    assert column_format(header)[1] == fmt


def test_arm_columns_headed_with_their_size_and_a_percent_first_format_are_read():
    text = """Patients were randomly assigned to group 1 or group 2.
| Characteristic | | Group 1 (n = 118) % (n) | Group 2 (n = 121) % (n) |
| Sex | Female | 44.1 (52) | 47.1 (57) |
| | Male | 55.9 (66) | 52.9 (64) |
| Prior stroke | Yes | 12.7 (15) | 9.9 (12) |
"""
    counts = _props(_rows(text))
    assert counts == [("Prior stroke: Yes", "group 1", 15, 118), ("Prior stroke: Yes", "group 2", 12, 121),
                      ("Sex: Female", "group 1", 52, 118), ("Sex: Female", "group 2", 57, 121),
                      ("Sex: Male", "group 1", 66, 118), ("Sex: Male", "group 2", 64, 121)]


def test_a_footnote_of_means_or_percentages_leaves_a_measured_row_no_share():
    from evidence_review.extract.declared_formats import caption_format
    assert caption_format("Values are means or percentages.") == ""      # a mixed list: read row by row
    assert caption_format("Values are percentages.") == "pct"
    text = _TRIAL + """| Characteristic | Dressing A (n = 150) | Dressing B (n = 152) |
| Venous ulcer | 38.0 | 49.3 |
| Wound age, weeks | 14.2 | 13.9 |
Values are means or percentages.
"""
    rows = _rows(text, footnote="Values are means or percentages.")
    assert _props(rows) == [("Venous ulcer", "dressing a", 57, 150), ("Venous ulcer", "dressing b", 75, 152)]
