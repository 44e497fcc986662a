"""Tables whose rows are groups under a measure: the measure named on its first row only (or spanning its rows), one
group a row, the visits as columns (batch 50's 011, batch 51's 003 and 009 shapes, numbers changed)."""
from __future__ import annotations

from table_grids import read_pipe_table as _read


def test_dose_rows_under_a_measure_with_visits_under_a_two_level_header():
    # the measure spans its three rows; the groups' labels "400 mg" / "800 mg" print no word, the first header level
    # "Predose baseline score" spans the group column and the baseline column
    text = """Ninety women were randomly assigned to receive a placebo or standardized plant extract at doses of 400 and 800
mg once daily for 2 months.
Participants were randomly divided into 3 separate groups: placebo, Zingiber officinale 400 mg, and Zingiber
officinale 800 mg.
Table 2. Effect of the extract on evoked potentials
| Wave | Predose baseline score | Predose baseline score | Postdose score | Postdose score |
| Wave | | | 1 month | 2 months |
| N100 latency | Placebo | 120.10 ± 10.2 | 118.40 ± 11.5 | 117.20 ± 9.8 |
| N100 latency | 400 mg | 119.30 ± 10.9 | 116.20 ± 10.1 | 112.60 ± 9.9 |
| N100 latency | 800 mg | 118.70 ± 8.8 | 112.40 ± 8.1 | 108.90 ± 9.4 |
| P300 amplitude | Placebo | 6.20 ± 1.3 | 6.10 ± 1.2 | 6.30 ± 1.1 |
| P300 amplitude | 400 mg | 6.00 ± 1.4 | 6.60 ± 1.1 | 6.90 ± 1.2 |
| P300 amplitude | 800 mg | 5.90 ± 1.2 | 7.20 ± 1.3 | 7.40 ± 1.0 |
"""
    _, rows = _read(text, "| Wave | Predose baseline score | Predose baseline score | Postdose score | Postdose score |",
                    "Table 2. Effect of the extract on evoked potentials", header_rows=2)
    got = [(r["intervention"], r["value"], r["sd"], r["outcome"], r["timepoint"], r["role"]) for r in rows]
    assert len(got) == 18
    assert {g[0] for g in got} == {"placebo", "zingiber officinale 400 mg", "zingiber officinale 800 mg"}
    assert ("zingiber officinale 400 mg", 119.3, 10.9, "N100 latency", "baseline", "baseline") in got
    assert ("zingiber officinale 400 mg", 112.6, 9.9, "N100 latency", "2 months", "") in got
    assert ("zingiber officinale 800 mg", 7.4, 1.0, "P300 amplitude", "2 months", "") in got


def test_group_rows_labelled_by_their_code_and_name_with_pre_and_post_columns():
    # "Group 1, acupuncture": the group's code before the arm's name; the caption names the measure
    text = """Forty-five athletes were randomly assigned to an acupuncture group (n = 15), a sham group (n = 15) or a control
group (n = 15).
Table 1. Physiological responses (skin conductance) in pre- and postintervention.
| | Pretest | Posttest |
| Group 1, acupuncture | 3.12 (0.58) | 2.04 (0.61) |
| Group 2, sham | 3.05 (0.66) | 2.87 (0.52) |
| Group 3, control | 3.10 (0.49) | 3.01 (0.55) |
"""
    _, rows = _read(text, "| | Pretest | Posttest |",
                    "Table 1. Physiological responses (skin conductance) in pre- and postintervention.")
    got = [(r["intervention"], r["value"], r["sd"], r["timepoint"], r["role"]) for r in rows]
    assert len(got) == 6
    assert got[0] == ("acupuncture", 3.12, 0.58, "pretest", "baseline")
    assert got[1] == ("acupuncture", 2.04, 0.61, "posttest", "")
    assert {g[0] for g in got[2:4]} == {"sham"} and {g[0] for g in got[4:]} == {"control"}


def test_abbreviated_group_rows_with_the_statistic_in_the_stub_under_measure_headings():
    # "AZA, median (IQR)": the short name the text gave the arm, then the row's format; quartiles after a semicolon
    text = """The steroid-sparing efficacy of azathioprine (AZA) is known; methotrexate (MTX) is cheaper.
Thirty-one subjects (AZA n = 15; MTX n = 16) were randomized to Azathioprine or Methotrexate.
Table 2. Treatment outcomes at 6-monthly intervals
| | Baseline | 6 months | 12 months |
| QMGS | | | |
| AZA, median (IQR) | 18.0 (12; 23) | 8.0 (5; 9) | 6.0 (4; 12) |
| MTX, median (IQR) | 17.5 (14; 22) | 7.0 (3; 10) | 7.5 (5; 9) |
| Remission | | | |
| AZA, n (%) | | 3/15 (20) | 5/15 (33) |
| MTX, n (%) | | 2/16 (13) | 6/16 (38) |
"""
    _, rows = _read(text, "| | Baseline | 6 months | 12 months |", "Table 2. Treatment outcomes at 6-monthly intervals")
    got = [(r["measure"], r["intervention"], r["value"], r["q1"], r["q3"], r["events"], r["total"], r["outcome"],
            r["timepoint"]) for r in rows]
    assert ("MEDIAN", "azathioprine", 18.0, 12.0, 23.0, None, 15, "QMGS", "baseline") in got
    assert ("MEDIAN", "methotrexate", 7.5, 5.0, 9.0, None, 16, "QMGS", "12 months") in got
    assert ("PROPORTION", "methotrexate", 6 / 16, None, None, 6, 16, "Remission", "12 months") in got
    assert len(got) == 10


def test_a_median_row_with_quartiles_and_range_rows_of_their_own():
    # "Quartiles | 14.5 -34.8": the plural names both quartiles (grammar.statistic_name), joined to the median above
    text = """Eighty patients were randomized to doxycycline (n = 41) or erythromycin (n = 39).
Table 3. Skin toxicity according to the score
| Score | Doxycycline | Erythromycin |
| N | 41 | 39 |
| Mean ± SD | 24.2 ± 15.1 | 33.0 ± 18.4 |
| Median | 22.6 | 31.5 |
| Quartiles | 13.9 -33.1 | 20.7 -45.5 |
| Range | 0 -66.4 | 0 -85.2 |
"""
    _, rows = _read(text, "| Score | Doxycycline | Erythromycin |", "Table 3. Skin toxicity according to the score")
    medians = [(r["intervention"], r["value"], r["q1"], r["q3"], r["range_low"], r["range_high"]) for r in rows
               if r["measure"] == "MEDIAN"]
    assert medians == [("doxycycline", 22.6, 13.9, 33.1, 0.0, 66.4), ("erythromycin", 31.5, 20.7, 45.5, 0.0, 85.2)]


def test_a_row_label_broken_over_two_lines_with_the_spreads_on_the_second():
    # "Speech/Language/" over "Communication", the SDs in brackets on the second line (table_rows.with_continuation_rows)
    from evidence_review.extract.table_rows import with_continuation_rows
    from table_grids import bare_grid, cell_texts
    grid = bare_grid(["| | Control Pre | Control Post | Effect Size | Experimental Pre | Experimental Post |",
                      "| Speech/Language/ | 7.12 | 6.05 | 0.31 | 6.40 | 5.22 |",
                      "| Communication | (3.02) | (2.51) | | (3.11) | (2.80) |",
                      "| Sociability | 16.90 | 14.02 | 0.55 | 15.10 | 13.05 |",
                      "| | (6.11) | (6.40) | | (6.02) | (5.85) |",
                      "| Sensory/Cognitive | 12.80 | 11.95 | 0.22 | 10.95 | 9.60 |",
                      "| Awareness | (5.10) | (5.44) | | (5.39) | (4.72) |"], header_rows=1)
    joined = cell_texts(with_continuation_rows(grid))
    assert joined[(1, 0)] == "Speech/Language/Communication" and joined[(1, 1)] == "7.12 (3.02)"
    assert joined[(1, 3)] == "0.31" and joined[(1, 5)] == "5.22 (2.80)"
    assert joined[(2, 0)] == "Sociability" and joined[(2, 4)] == "15.10 (6.02)"
    assert joined[(3, 0)] == "Sensory/Cognitive Awareness" and joined[(3, 2)] == "11.95 (5.44)"
    assert max(r for r, _ in joined) == 3


def test_a_category_row_under_a_row_of_figures_is_no_second_line():
    # "Male | 12 | 15" over "Female | 8 (40) | 5 (25)": the lower cells are no brackets only, each row stays
    from evidence_review.extract.table_rows import with_continuation_rows
    from table_grids import bare_grid, cell_texts
    grid = bare_grid(["| | Drug | Placebo |", "| Male | 12 | 15 |", "| Female | 8 (40) | 5 (25) |"], header_rows=1)
    assert cell_texts(with_continuation_rows(grid))[(2, 0)] == "Female"


def test_a_mean_row_with_a_range_row_of_its_own_printed_with_a_tilde():
    # "(Mean±SD) | 70.12±6.02" over "Range | 59.00~83.00": one mean with its SD and range
    text = """Patients were randomized to drug X (n = 70) or donepezil (n = 70).
Table 1. Baseline demographics
| | Drug X (n = 70) | Donepezil (n = 70) | P |
| Age, years | | | |
| (Mean±SD) | 70.12±6.02 | 71.40±6.33 | 0.52 |
| Range | 59.00~83.00 | 60.00~84.00 | |
"""
    _, rows = _read(text, "| | Drug X (n = 70) | Donepezil (n = 70) | P |", "Table 1. Baseline demographics")
    assert [(r["value"], r["sd"], r["range_low"], r["range_high"]) for r in rows if r["measure"] == "MEAN"] == [
        (70.12, 6.02, 59.0, 83.0), (71.4, 6.33, 60.0, 84.0)]


def test_outcome_then_arm_labels_below_group_rows():
    # "Relapses: AZA | 3/15 | 1/13": the outcome, then after a colon the arm's short name, under the groups' rows
    text = """The steroid-sparing efficacy of azathioprine (AZA) is known; methotrexate (MTX) is cheaper.
Thirty-one subjects (AZA n = 15; MTX n = 16) were randomized to Azathioprine or Methotrexate.
Table 2. Treatment outcomes at 6-monthly intervals
| | Baseline | 6 months | 12 months |
| QMGS | | | |
| AZA, median (IQR) | 18.0 (12; 23) | 8.0 (5; 9) | 6.0 (4; 12) |
| MTX, median (IQR) | 17.5 (14; 22) | 7.0 (3; 10) | 7.5 (5; 9) |
| Relapses: AZA | | 3/15 | 1/13 |
| Relapses: MTX | | 2/16 | 0/14 |
"""
    _, rows = _read(text, "| | Baseline | 6 months | 12 months |", "Table 2. Treatment outcomes at 6-monthly intervals")
    got = [(r["intervention"], r["events"], r["total"], r["outcome"], r["timepoint"]) for r in rows
           if r["measure"] == "PROPORTION"]
    assert got == [("azathioprine", 3, 15, "Relapses", "6 months"), ("azathioprine", 1, 13, "Relapses", "12 months"),
                   ("methotrexate", 2, 16, "Relapses", "6 months"), ("methotrexate", 0, 14, "Relapses", "12 months")]
