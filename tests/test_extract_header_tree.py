"""Multi-level table headers (header_tree.py): a header level printed again in the body with its own label and sizes
(a second population, a second block of patients), a row of statistic names under the header whatever its label
says, and an arm spanning its visit columns beside an arm the study model knows (tests/fixtures/extract_heldout30,
31 and 32 BLIND_SCORES.md, "Missed labels in tables"). Every table here is written for the test: other fields, names
and numbers; negatives of the same look that must not change the reading."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.header_tree import header_name, reprinted_level, statistic_row


def _row(line: str) -> dict[int, str]:
    return {col: text.strip() for col, text in enumerate(line.strip().strip("|").split("|"))}


# --- the functions on plain texts ------------------------------------------------------------------------------

def test_a_header_name_is_the_cell_without_its_size_and_format():
    assert header_name("Placebo (n = 74) n (%)") == "placebo"
    assert header_name("Drug Y (N=120)") == "drug y"
    assert header_name("(n = 42)") == ""
    assert header_name("n (%)") == ""


def test_a_body_row_naming_the_header_columns_again_with_other_sizes_reprints_that_level():
    levels = [_row("| | Week 0 | Week 0 | | Week 26 | Week 26 |"),
              _row("| ITT | Placebo (n = 61) | Drug Y (n = 58) | P | Placebo (n = 50) | Drug Y (n = 49) |")]
    assert reprinted_level(_row("| Hepatic patients | Placebo (n = 33) | Drug Y (n = 30) | | Placebo (n = 29) | "
                                "Drug Y (n = 27) |"), levels) == 1
    # the label differs and the p column is left blank: still the header's level
    assert reprinted_level(_row("| Completers | Placebo | Drug Y | P | Placebo | Drug Y |"), levels) == 1


def test_rows_of_figures_or_words_other_than_the_header_reprint_nothing():
    levels = [_row("| | Placebo (n = 61) | Drug Y (n = 58) | P |")]
    assert reprinted_level(_row("| Dizziness | 4 (6.6) | 9 (15.5) | 0.12 |"), levels) is None
    # a heading of categories in words is no header of the arms
    assert reprinted_level(_row("| Smoking status | Never | Former | |"), levels) is None
    # one arm named again is too little
    assert reprinted_level(_row("| Sensitivity analysis | Placebo | | |"), levels) is None


def test_a_row_of_statistic_names_is_a_header_level_whatever_its_label():
    assert statistic_row(_row("| Domain | Range | Mean | SD | Mean | SD | P |"))
    assert statistic_row(_row("| | n (%) | n (%) | |"))
    assert not statistic_row(_row("| Domain | Range | Mean | Wilcoxon |"))
    assert not statistic_row(_row("| Fatigue | 12.1 | 3.4 | 0.02 |"))
    assert not statistic_row(_row("| Total | Mean |"))


# --- the table reader asking them --------------------------------------------------------------------------------

BLOCKS = """Adults with hypertension were randomly assigned to Drug Y or placebo and followed for 26 weeks.
Table 2. Dizziness and falls
| ITT | Placebo (n = 61) | Drug Y (n = 58) | P |
| Dizziness | 5 (8) | 12 (21) | 0.05 |
| Falls | 2 (3) | 3 (5) | 0.61 |
| Per-protocol | Placebo (n = 50) | Drug Y (n = 44) | P |
| Dizziness | 4 (8) | 10 (23) | 0.04 |
| Falls | 1 (2) | 3 (7) | 0.35 |
"""


def _counts(rows):
    return sorted((r["intervention"], r["outcome"], r["events"], r["total"], r.get("subgroup") or "")
                  for r in rows if r["measure"] == "PROPORTION")


def test_a_second_population_printed_as_a_header_row_gives_its_rows_its_own_sizes():
    _, rows = read_pipe_table(BLOCKS, "| ITT | Placebo (n = 61) | Drug Y (n = 58) | P |",
                              "Table 2. Dizziness and falls")
    counts = _counts(rows)
    assert ("drug y", "Dizziness", 10, 44, "per-protocol") in counts, counts
    assert ("placebo", "Falls", 1, 50, "per-protocol") in counts, counts
    assert ("drug y", "Dizziness", 12, 58, "") in counts, counts
    # no row of the second block over the first block's sizes
    assert not any(c[2] in (10, 4, 1) and c[3] in (58, 61) for c in counts), counts


def test_a_second_block_under_times_keeps_the_times_and_takes_its_own_sizes():
    text = """Women were randomised to a counselling programme or usual care; outcomes at baseline and at 9 months.
Table 3. Contraceptive methods used, by partner type
| Steady partner | Baseline | Baseline | | 9 months | 9 months | |
| Steady partner | Usual care (n = 70) n (%) | Counselling (n = 66) n (%) | P | Usual care (n = 52) n (%) | Counselling (n = 50) n (%) | P |
| Pill | 21 (30) | 18 (27) | 0.7 | 12 (23) | 20 (40) | 0.06 |
| Implant | 7 (10) | 5 (8) | 0.6 | 9 (17) | 6 (12) | 0.4 |
| Casual partner | Usual care (n = 40) | Counselling (n = 37) | | Usual care (n = 31) | Counselling (n = 25) | |
| Casual partner | n (%) | n (%) | | n (%) | n (%) | |
| Pill | 8 (20) | 6 (16) | 0.6 | 3 (10) | 9 (36) | 0.02 |
| Implant | 2 (5) | 3 (8) | 0.6 | 1 (3) | 2 (8) | 0.5 |
"""
    _, rows = read_pipe_table(text, "| Steady partner | Baseline | Baseline | | 9 months | 9 months | |",
                              "Table 3. Contraceptive methods used, by partner type", header_rows=2)
    got = sorted((r["intervention"], r["outcome"], r["timepoint"], r["events"], r["total"]) for r in rows
                 if r["measure"] == "PROPORTION")
    assert ("counselling", "Pill", "9 months", 9, 25) in got, got
    assert ("standard care", "Implant", "9 months", 1, 31) in got, got
    assert ("counselling", "Pill", "9 months", 20, 50) in got, got
    assert not any(r[3] == 9 and r[4] == 50 for r in got), got
    assert len(got) == 16, got


def test_a_heading_row_of_words_inside_the_table_does_not_split_it():
    # negative: a section heading naming categories is no header level; the sizes stay the header's
    text = """Adults were randomly assigned to Drug Y or placebo.
Table 2. Events
| | Placebo (n = 61) | Drug Y (n = 58) |
| Dizziness | 5 (8) | 12 (21) |
| Severity | Mild | Moderate |
| Falls | 2 (3) | 3 (5) |
"""
    _, rows = read_pipe_table(text, "| | Placebo (n = 61) | Drug Y (n = 58) |", "Table 2. Events")
    counts = _counts(rows)
    assert ("drug y", "Falls", 3, 58, "") in counts, counts


def test_statistics_named_in_a_row_with_a_label_under_arms_over_visits_are_read_as_mean_and_sd():
    text = """Patients were randomized to a walking programme (walking group) or usual care (usual care group).
Table 2. Scores before and after 10 weeks
| | | Usual care | Usual care | Usual care | Usual care | Test | Walking | Walking | Walking | Walking | Test |
| | | Before | Before | After | After | Test | Before | Before | After | After | Test |
| Domain | Range | Mean | SD | Mean | SD | P | Mean | SD | Mean | SD | P |
| Pain | 0-40 | 22.1 | 4.4 | 21.0 | 5.1 | 0.31 | 23.5 | 4.0 | 15.2 | 3.9 | 0.001 |
| Mobility | 5-25 | 14.2 | 3.3 | 14.6 | 3.0 | 0.52 | 13.8 | 2.9 | 18.4 | 3.1 | 0.002 |
"""
    _, rows = read_pipe_table(text, "| | | Usual care | Usual care | Usual care | Usual care | Test | Walking | Walking | "
                              "Walking | Walking | Test |", "Table 2. Scores before and after 10 weeks", header_rows=2)
    means = sorted((r["intervention"], r["outcome"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
    assert len(means) == 8, means
    assert any(m[1] == "Pain" and m[2] == 15.2 and m[3] == 3.9 for m in means), means
    assert any(m[1] == "Mobility" and m[2] == 14.6 and m[3] == 3.0 for m in means), means
    # neither the range nor the p-values are read as figures
    assert not any(m[2] in (0.31, 0.001, 0.52) for m in means), means


def test_a_spanning_arm_beside_the_known_arm_has_its_visit_columns_read():
    text = """Sixty older adults were randomly divided into two groups: the yoga group (n = 30) and the control
group (n = 30). Subjects in the yoga group completed 12 weeks of yoga (Yoga group, n = 30) while the control group kept
their routine.
Table 1. Measures in yoga and control groups
| | Control | Control | Yoga | Yoga | Two-way ANOVA |
| | Pre | Post | Pre | Post | |
| Weight, kg | 70.2±2.1 | 70.5±2.0 | 71.4±2.5 | 68.9±2.4 | 0.04 |
| Heart rate, bpm | 72.1±1.8 | 71.6±1.9 | 73.0±2.2 | 66.5±2.0 | 0.01 |
"""
    _, rows = read_pipe_table(text, "| | Control | Control | Yoga | Yoga | Two-way ANOVA |",
                              "Table 1. Measures in yoga and control groups", header_rows=2)
    means = sorted((r["intervention"].lower(), r["outcome"], r["value"]) for r in rows if r["measure"] == "MEAN")
    assert len(means) == 8, means
    assert any("yoga" in m[0] and m[2] == 66.5 for m in means), means


# --- visits spanning alternating arm columns ---------------------------------------------------------------------

ALTERNATING = """Eighty children with a forearm fracture were allocated to splinting (SPL) or casting in extension (EXT).
Table 3. Angulation in successive visits
| Angle | Visit A | Visit A | Visit A | Visit A | Visit B | Visit B |
| | Before reduction | Before reduction | After reduction | After reduction | At 2 months | At 2 months |
| | SPL | EXT | SPL | EXT | SPL | EXT |
| <10 | 6 | 4 | 1 | 2 | 3 | 8 |
| 10-20 | 30 | 33 | 35 | 35 | 33 | 29 |
| Total | 36 | 37 | 36 | 37 | 36 | 37 |
"""


def _alternating_rows(text: str):
    return read_pipe_table(text, "| Angle | Visit A | Visit A | Visit A | Visit A | Visit B | Visit B |",
                           "Table 3. Angulation in successive visits", header_rows=3)[1]


def test_visits_over_alternating_short_names_give_each_column_its_arm_time_and_the_total_rows_size():
    rows = _alternating_rows(ALTERNATING)
    got = sorted((r["intervention"].lower(), r["outcome"], r["timepoint"], r["events"], r["total"]) for r in rows
                 if r["measure"] == "PROPORTION")
    assert len(got) == 12, got
    named = {r[0] for r in got}
    ext = next(a for a in named if "ext" in a)      # the study model's arm "casting in extension", by its short name
    spl = next(a for a in named if "spl" in a)
    assert (ext, "<10", "2 months", 8, 37) in got, got
    assert (spl, "10-20", "after reduction", 35, 36) in got, got
    # the "Total" row gives the sizes; it is no category of its own
    assert not any(r[1].lower() == "total" for r in got), got


def test_short_names_no_arm_of_the_study_model_stands_for_are_the_tables_own_arms():
    # the allocation sentence names no arm the study model reads; the text defines the short names in brackets
    text = ALTERNATING.replace("Eighty children with a forearm fracture were allocated to splinting (SPL) or casting in "
                               "extension (EXT).", "Wrists were held alternately in a splint (SPL) or in a cast in "
                               "extension (EXT) for six weeks.")
    rows = _alternating_rows(text) or []
    got = sorted((r["intervention"].lower(), r["timepoint"], r["events"], r["total"]) for r in rows
                 if r["measure"] == "PROPORTION")
    assert len(got) == 12, got
    assert ("ext", "2 months", 8, 37) in got and ("spl", "before reduction", 6, 36) in got, got


def test_names_the_text_does_not_define_are_no_arms():
    # negative: "L" and "R" (sides measured at each visit) are no short names the text gives a group
    text = ALTERNATING.replace("(SPL)", "").replace("(EXT)", "").replace("SPL", "L").replace("EXT", "R")
    rows = _alternating_rows(text) or []
    assert not any(r["intervention"].lower() in ("l", "r") for r in rows), rows


def test_a_total_row_that_is_not_the_sum_gives_no_size():
    # negative: the "Total" row does not add up (another denominator): no bare count is read over it
    text = ALTERNATING.replace("| Total | 36 | 37 | 36 | 37 | 36 | 37 |", "| Total | 40 | 40 | 40 | 40 | 40 | 40 |")
    rows = _alternating_rows(text)
    assert not any(r["measure"] == "PROPORTION" and r["total"] in (36, 37) for r in rows), rows


# --- arm sizes on a second header line ---------------------------------------------------------------------------

SIZES_UNDER_NAMES = """Callers were randomly assigned to the control group or the intervention group.
Table 1. Background of participants
| Participants | Control group | Intervention group |
| Participants | n = 21 | n = 20 |
| Women | 15 | 12 |
| Smoking | | |
| Never | 11 | 9 |
| Former | 6 | 7 |
| Current | 4 | 4 |
"""


def test_a_sex_row_under_sizes_printed_in_the_header_is_a_category_not_the_sizes():
    _, rows = read_pipe_table(SIZES_UNDER_NAMES, "| Participants | Control group | Intervention group |",
                              "Table 1. Background of participants", header_rows=2)
    got = _counts(rows)
    assert ("control", "Smoking: Never", 11, 21, "") in got, got
    assert ("intervention", "Smoking: Current", 4, 20, "") in got, got
    assert not any(c[3] in (15, 12) for c in got), got


def test_a_sex_row_is_the_sizes_when_the_header_prints_none():
    # negative: a trial of women whose first row is each arm's number of women; the header prints no size
    text = SIZES_UNDER_NAMES.replace("| Participants | n = 21 | n = 20 |\n", "").replace("| Women | 15 | 12 |",
                                                                                       "| Women | 21 | 20 |")
    _, rows = read_pipe_table(text, "| Participants | Control group | Intervention group |",
                              "Table 1. Background of participants", header_rows=1)
    got = _counts(rows)
    assert ("control", "Smoking: Never", 11, 21, "") in got, got


# --- a cross-table: each arm's categories closed by a "Total" column ------------------------------------------------

CROSS = """Adults were randomly assigned to drug K or drug M and classified at months 6 and 12.
Table 2. Month 12 pain class by month 6 class and arm
| Pain class | Drug K | Drug K | Drug K | Drug K | Drug M | Drug M | Drug M | Drug M |
| Pain class | None | Mild | Severe | Total | None | Mild | Severe | Total |
| Month 6 class | | | | | | | | |
| None | 70 | 8 | 2 | 80 | 66 | 10 | 1 | 77 |
| Mild | 12 | 20 | 4 | 36 | 9 | 25 | 6 | 40 |
| Total | 82 | 28 | 6 | 116 | 75 | 35 | 7 | 117 |
"""


def test_a_cross_tables_counts_are_of_their_rows_total_and_the_total_column_is_no_category():
    _, rows = read_pipe_table(CROSS, "| Pain class | Drug K | Drug K | Drug K | Drug K | Drug M | Drug M | Drug M | Drug M |",
                              "Table 2. Month 12 pain class by month 6 class and arm", header_rows=2)
    got = sorted((r["intervention"], r["outcome"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert any(g[0] == "drug k" and g[2] == 8 and g[3] == 80 for g in got), got
    assert any(g[0] == "drug m" and g[2] == 25 and g[3] == 40 for g in got), got
    assert any(g[0] == "drug m" and g[2] == 35 and g[3] == 117 for g in got), got     # the "Total" row: of all the arm
    # the "Total" column's cells are denominators, no category's counts
    assert not any(g[2] in (80, 36, 77, 40, 116, 117) for g in got), got
    assert len(got) == 18, got


def test_a_row_whose_categories_do_not_add_up_to_the_total_column_keeps_its_cells_as_printed():
    # negative: the "Total" column is no sum of the categories (another classification): no row total
    text = CROSS.replace("| None | 70 | 8 | 2 | 80 |", "| None | 70 | 8 | 2 | 95 |")
    _, rows = read_pipe_table(text, "| Pain class | Drug K | Drug K | Drug K | Drug K | Drug M | Drug M | Drug M | Drug M |",
                              "Table 2. Month 12 pain class by month 6 class and arm", header_rows=2)
    got = [(r["intervention"], r["events"], r["total"]) for r in rows or [] if r["measure"] == "PROPORTION"]
    assert not any(g[0] == "drug k" and g[1] == 8 and g[2] in (80, 95) for g in got), got


# --- each arm's "% | (n) | OR | (95% CI)" sub-columns ------------------------------------------------------------

RATIO_LEAVES = """Older patients were randomised to usual care (control group) or a home visit programme (intervention).
Table 3. Odds ratio (OR) and 95% confidence interval (CI) for falls at follow-ups
| Falls | Control n= 64 | Control n= 64 | Control n= 64 | Intervention n= 70 | Intervention n= 70 | Intervention n= 70 | Intervention n= 70 |
| | % | (n) | OR1 | % | (n) | OR | (95% CI) |
| Any fall | | | | | | | |
| six-month | 25 | (16) | 1 | 14 | (10) | 0.49 | (0.20-1.18) |
| twelve-month | 31 | (20) | 1 | 20 | (14) | 0.55 | (0.25-1.21) |
"""


def test_an_arms_ratio_sub_column_is_its_effect_against_the_reference_and_its_counts_are_read():
    study, rows = read_pipe_table(RATIO_LEAVES, RATIO_LEAVES.split("\n")[2],
                                  "Table 3. Odds ratio (OR) and 95% confidence interval (CI) for falls at follow-ups",
                                  header_rows=2)
    # the sub-columns' names are no arms of the study model
    assert not any("(95" in a.name or a.name.endswith(("OR", "(n")) for a in study.arms), [a.name for a in study.arms]
    counts = sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert ("home visit programme", 10, 70) in counts and ("home visit programme", 14, 70) in counts, counts
    assert any(c[1] == 16 and c[2] == 64 for c in counts), counts
    ratios = [(r["value"], r["ci_low"], r["ci_high"]) for r in rows if r["measure"] == "OR"]
    assert sorted(ratios) == [(0.49, 0.2, 1.18), (0.55, 0.25, 1.21)], ratios
    # neither the ratios nor the reference's 1s are read as an arm's mean
    assert not any(r["measure"] == "MEAN" for r in rows), rows
