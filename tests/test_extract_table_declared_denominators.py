"""The n an arm's count is of where a row label or a heading row declares it ("Employment status (n = 177 + 190)",
"Readmitted (n = 170/180)", "How sure were you? (150 + 160)"): each arm's count and share are of the declared n,
not of the column's, and never a mean with its SD (extract.denominators); on tables written here, with negatives
of the same look (a measured quantity keeps its mean, a single n or a ratio in brackets declares nothing). Also
a caption declaring percentages over bare figures, and an arm's "n" column of analysed counts ("21/22")."""
import pytest
from table_grids import read_pipe_table

from evidence_review.extract.denominators import (analysed_column, analysed_count, applies_to, declared_count_format,
                                                  declared_sizes, sizes_by_column,
                                                  without_declared_sizes)


@pytest.mark.parametrize("label, arms, sizes", [
    ("Employment status (n = 177 + 190)", 2, (177, 190)),
    ("How sure were you of the diagnosis? (243 + 290)", 2, (243, 290)),
    ("Among those discharged (n = 145 + 159)", 2, (145, 159)),
    ("Readmitted (n = 170/180)", 2, (170, 180)),
    ("Returned the diary [N=61; 58]", 2, (61, 58)),
    ("Pain at rest (n1 = 40, n2 = 38)", 2, (40, 38)),
    ("Follow-up visit attended, n = 33 vs 35", 2, (33, 35)),
    ("Answered the survey (n = 50 + 48 + 52)", 3, (50, 48, 52)),
])
def test_the_sizes_a_label_declares_one_per_arm(label, arms, sizes):
    assert declared_sizes(label, arms) == sizes


@pytest.mark.parametrize("label, arms", [
    ("Employment status (n = 145)", 2),         # one n: perhaps the whole trial's
    ("Dose (12/30)", 2),                        # a ratio, no "n ="
    ("Age, years (18, 65)", 2),                 # a range, no "n ="
    ("Answered the survey (n = 50 + 48 + 52)", 2),  # three sizes for two arms
    ("Employment status (n = 177 + 190)", 1),   # one arm: nothing to spread
    ("Visits (n = 0 + 12)", 2),                 # an arm of none is no denominator
    ("Scored 3 + 4 on both scales", 2),         # figures of the label, not bracketed and no "n ="
])
def test_labels_that_declare_no_size_per_arm(label, arms):
    assert declared_sizes(label, arms) is None


def test_the_outcome_keeps_the_label_without_its_sizes():
    assert without_declared_sizes("Readmitted (n = 170/180)", 2) == "Readmitted"
    assert without_declared_sizes("Among those discharged (n = 145 + 159):", 2) == "Among those discharged"
    assert without_declared_sizes("Dose (12/30)", 2) == "Dose (12/30)"


def test_the_sizes_spread_over_the_arm_columns_in_order():
    a, b = object(), object()
    assert sizes_by_column((40, 38), {1: a, 2: a, 3: b, 4: b}) == {1: 40, 2: 40, 3: 38, 4: 38}
    assert sizes_by_column((40, 38), {1: a, 2: b, 3: object()}) == {}
    assert sizes_by_column(None, {1: a}) == {}


@pytest.mark.parametrize("cell, n, label, expected", [
    ("45 (25.4)", 177, "Employed", "n_pct"),
    ("45 (25.4%)", 177, "Employed", "n_pct"),
    ("45 (25.4)", 200, "Employed", ""),          # no share of the declared n: the caller decides
    ("18", 45, "Returned to work", "count"),
    ("72", 80, "Weight, kg", ""),                # a measured quantity: a mean, not a count
    ("72.5 (11.2)", 80, "Weight, kg", ""),
    ("90", 80, "Returned to work", ""),          # more than the declared n
])
def test_how_a_cell_reads_under_its_declared_n(cell, n, label, expected):
    assert declared_count_format(cell, n, label=label) == expected


def test_a_heading_size_stops_where_a_share_is_of_another_n():
    assert applies_to("9 (20.0)", 45, own=False)
    assert not applies_to("40 (20.0)", 150, own=False)
    assert applies_to("40 (20.0)", 150, own=True)        # the row's own label declares it
    assert applies_to("7.2 ± 1.1", 40, own=False)        # nothing to check: the heading's n holds
    assert not applies_to("9 (20.0)", None, own=True)


_TEXT = """Participants were randomly assigned to the training programme (n = 200) or usual care (n = 210).
Table 2. Outcomes at six months
| Outcome | Training (n = 200) | Usual care (n = 210) |
| Employment status (n = 177 + 190) | | |
| Employed | 45 (25.4) | 61 (32.1) |
| Unemployed | 132 (74.6) | 129 (67.9) |
| How confident were you? (150 + 160) | | |
| Very | 60 (40.0) | 48 (30.0) |
| Readmitted (n = 170/180) | 17 (10.0) | 27 (15.0) |
| Smoker | 40 (20.0) | 42 (20.0) |
| Weight, kg (n = 80 + 82) | 72.5 (11.2) | 75.1 (12.0) |
"""


def _rows(text, header, caption):
    _, rows = read_pipe_table(text, header, caption=caption)
    return {(r["outcome"], r["intervention"]): (r["measure"], r.get("events"), r.get("total"), r["value"])
            for r in rows}


def test_counts_of_the_n_a_heading_or_a_row_declares():
    rows = _rows(_TEXT, "| Outcome | Training (n = 200) | Usual care (n = 210) |", "Table 2. Outcomes at six months")
    assert rows[("Employment status: Employed", "training")][:3] == ("PROPORTION", 45, 177)
    assert rows[("Employment status: Unemployed", "standard care")][:3] == ("PROPORTION", 129, 190)
    assert rows[("How confident were you?: Very", "training")][:3] == ("PROPORTION", 60, 150)
    assert rows[("How confident were you?: Readmitted", "standard care")][:3] == ("PROPORTION", 27, 180)
    # a share of the column's n after the heading's block: the column's n again
    assert rows[("How confident were you?: Smoker", "training")][:3] == ("PROPORTION", 40, 200)
    # a measured quantity stays a mean, of the patients the row declares
    assert rows[("How confident were you?: Weight", "training")] == ("MEAN", None, 80, 72.5)


def test_without_a_declaration_the_same_cells_stay_of_the_column():
    text = _TEXT.replace(" (n = 177 + 190)", "").replace(" (150 + 160)", "").replace(" (n = 170/180)", "")
    rows = _rows(text, "| Outcome | Training (n = 200) | Usual care (n = 210) |", "Table 2. Outcomes at six months")
    # no size is read from a declaration that is gone: the lone "Very | 60 (40.0)" is of no 150
    assert ("PROPORTION", 60, 150) != rows[("How confident were you?: Very", "training")][:3]
    assert rows[("How confident were you?: Smoker", "training")][:3] == ("PROPORTION", 40, 200)
    # (session 19: "Employed | 45 (25.4)" and "Unemployed | 132 (74.6)" add up to 177 and each share is of 177, so the
    # heading's categories show their number without declaring it: counts of 177, flagged, never means with their SD;
    # denominators.block_sizes)
    assert rows[("Employment status: Employed", "training")][:3] == ("PROPORTION", 45, 177)


def test_declared_counts_under_a_caption_of_means_and_no_column_size():
    text = """Participants were randomly assigned to drug A or placebo.
Table 3. Results
| Outcome | Drug A | Placebo |
| Among those discharged (n = 45 + 50) | | |
| Readmitted within 30 days | 9 (20.0) | 15 (30.0) |
| Returned to work | 18 | 20 |
| HbA1c, % (n1 = 40, n2 = 38) | 7.2 (1.1) | 7.5 (1.3) |
"""
    rows = _rows(text, "| Outcome | Drug A | Placebo |", "Table 3. Results. Values are mean (SD) or n (%)")
    readmitted = {arm: v for (outcome, arm), v in rows.items() if "Readmitted" in outcome}
    assert readmitted == {"drug a": ("PROPORTION", 9, 45, 0.2), "placebo": ("PROPORTION", 15, 50, 0.3)}
    work = {arm: v[:3] for (outcome, arm), v in rows.items() if "Returned to work" in outcome}
    assert work == {"drug a": ("PROPORTION", 18, 45), "placebo": ("PROPORTION", 20, 50)}
    hba1c = {arm: v for (outcome, arm), v in rows.items() if "HbA1c" in outcome}
    assert hba1c == {"drug a": ("MEAN", None, 40, 7.2), "placebo": ("MEAN", None, 38, 7.5)}


# ------------------------------------------------------------------------------------------ a caption of percentages
_SIDE_EFFECTS = """Patients were randomly assigned to drug A or drug B.
Table 4. {caption}
| Side effect | Drug A (n = 120) | Drug B (n = 95) |
| Nausea | 6 | 12 |
| Headache | 10 | 4 |
"""


def test_bare_figures_under_a_caption_of_percentages_are_shares_not_counts():
    caption = "Percentage of side effects reported"
    text = _SIDE_EFFECTS.format(caption=caption)
    rows = _rows(text, "| Side effect | Drug A (n = 120) | Drug B (n = 95) |", f"Table 4. {caption}")
    # 6 % of 120 is 7 patients, 12 % of 95 is 11 (derived, flagged): never 6 of 120
    assert rows[("Nausea", "drug a")][:3] == ("PROPORTION", 7, 120)
    assert rows[("Nausea", "drug b")][:3] == ("PROPORTION", 11, 95)
    assert rows[("Headache", "drug a")][:3] == ("PROPORTION", 12, 120)


def test_bare_figures_under_a_caption_of_side_effects_stay_counts():
    caption = "Side effects reported"
    text = _SIDE_EFFECTS.format(caption=caption)
    rows = _rows(text, "| Side effect | Drug A (n = 120) | Drug B (n = 95) |", f"Table 4. {caption}")
    assert rows[("Nausea", "drug a")][:3] == ("PROPORTION", 6, 120)
    assert rows[("Headache", "drug b")][:3] == ("PROPORTION", 4, 95)


# ------------------------------------------------------------------------------------------ an arm's "n" column
@pytest.mark.parametrize("cell, n", [("21", 21), ("21/22", 21), ("21 of 22", 21), ("22/22", 22)])
def test_the_analysed_an_n_cell_gives(cell, n):
    assert analysed_count(cell) == n


@pytest.mark.parametrize("cell", ["23/22", "21 (95.5)", "3.1", ""])
def test_no_analysed_count(cell):
    assert analysed_count(cell) is None


def test_a_column_of_analysed_of_randomised():
    assert analysed_column(["22/22", "21/22", "", "20/22"])
    assert not analysed_column(["5", "8", "2"])                 # bare counts: events, not sizes
    assert not analysed_column(["21/22", "5 (23.8)"])
    assert not analysed_column(["23/22", "21/22"])


def test_counts_of_the_analysed_an_arm_s_n_column_prints():
    text = """Patients were randomly assigned to drug A (n = 22) or placebo (n = 22).
Table 2. Outcomes
| | Drug A | Drug A | Placebo | Placebo |
| Outcome | n | Events | n | Events |
| Nausea | 21/22 | 5 (23.8) | 22/22 | 8 (36.4) |
| Vomiting | 20/22 | 2 (10.0) | 21/22 | 4 (19.0) |
"""
    _, found = read_pipe_table(text, "| | Drug A | Drug A | Placebo | Placebo |", caption="Table 2. Outcomes",
                               header_rows=2)
    rows = sorted((r["outcome"], r["intervention"], r["measure"], r.get("events"), r.get("total")) for r in found)
    # the "n" cells are each row's analysed, no proportions of their own
    assert rows == [("Nausea", "drug a", "PROPORTION", 5, 21), ("Nausea", "placebo", "PROPORTION", 8, 22),
                    ("Vomiting", "drug a", "PROPORTION", 2, 20), ("Vomiting", "placebo", "PROPORTION", 4, 21)]
