"""Cells whose statistic the document declares around them: an arm header carrying it ("Exercise group median
(IQR)", "TE group Δ median (IQR)"), a two-level header (arm over "Before median (IQR) | After median (IQR)"), and the
allocation sentence that names the arms those headers abbreviate ("randomly divided into two groups: X (TE) group and
Y (TEM) group"). Texts shaped like the tuning documents' (names and numbers changed)."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.study import build_study, column_format
from evidence_review.extract.table_reader import _header_when

_DIVIDED = ("The participants were randomly divided into two groups: traditional exercise (TE) group and traditional "
            "exercise-massage (TEM) group.\n")


def test_randomly_divided_into_named_groups_gives_the_arms():
    arms = [a.name for a in build_study("d", _DIVIDED, {}).arms]
    assert arms == ["traditional exercise", "traditional exercise-massage"]


def test_a_bare_divided_into_is_no_allocation():
    # ("divided into two groups by their baseline score": a split by a trait, not the allocation)
    text = "Patients were divided into two groups: younger patients and older patients, for the subgroup analysis.\n"
    assert not build_study("d", text, {}).arms


def test_an_arm_header_with_the_statistic_of_its_change():
    assert column_format("TE group \u0394 median (IQR)") == ("TE group", "\u0394 median (IQR)")
    head = "| | | TE group \u0394 median (IQR) | TEM group \u0394 median (IQR) | p |"
    text = _DIVIDED + "Table 3. Comparing the gains of the participants in both groups.\n" + head + "\n" + \
        "| Pain | Rest | \u22123 (\u22126 to \u22122) | \u22124 (\u22127 to \u22122) | 0.862 |\n" \
        "| ROM | Flexion | 6.1 (4.0\u20136.9) | 9.8 (8.1\u201312.0) | 0.001 |\n"
    _, rows = read_pipe_table(text, head, caption="Table 3. Comparing the gains of the participants in both groups.")
    assert [(r["measure"], r["intervention"], r["value"], r["q1"], r["q3"]) for r in rows] == [
        ("MEDIAN", "traditional exercise", -3.0, -6.0, -2.0), ("MEDIAN", "traditional exercise-massage", -4.0, -7.0, -2.0),
        ("MEDIAN", "traditional exercise", 6.1, 4.0, 6.9), ("MEDIAN", "traditional exercise-massage", 9.8, 8.1, 12.0)]


def test_a_time_then_its_statistic_after_a_space():
    assert _header_when("Before median (IQR)") == (("before", True), "median (IQR)")
    assert _header_when("Week 12 mean \u00b1 SD") == (("week 12", False), "mean \u00b1 SD")
    assert _header_when("Placebo mean (SD)") == (None, "")        # an arm, not a time


def test_arms_over_before_and_after_columns_carrying_the_statistic():
    head = "| | | TE group | TE group | TE group | TEM group | TEM group | TEM group | p2 |"
    text = _DIVIDED + "Table 2. Comparing pretreatment and posttreatment participants in both groups.\n" + head + "\n" + \
        "| | | Before median (IQR) | After median (IQR) | p1 | Before mean (SD) | After mean (SD) | p1 | p2 |\n" \
        "| Pain | Rest | 6 (4\u20137) | 2 (1\u20133) | 0.007 | 4.2 (1.9) | 1.3 (0.4) | 0.002 | 0.171 |\n"
    _, rows = read_pipe_table(text, head, caption="Table 2. Comparing pretreatment and posttreatment participants in "
                                                  "both groups.", header_rows=2)
    assert [(r["measure"], r["intervention"], r["timepoint"], r["value"]) for r in rows] == [
        ("MEDIAN", "traditional exercise", "before", 6.0), ("MEDIAN", "traditional exercise", "after", 2.0),
        ("MEAN", "traditional exercise-massage", "before", 4.2), ("MEAN", "traditional exercise-massage", "after", 1.3)]


def test_a_mean_and_median_declared_together():
    from evidence_review.extract.declared_formats import declares_mean_and_median
    assert declares_mean_and_median("VIABILITY (%); MEAN \u00b1 STANDARD DEVIATION, MEDIAN (INTERQUARTILE RANGE)")
    assert declares_mean_and_median("provided as the mean, standard deviation and median for numerical variables")
    assert not declares_mean_and_median("Data are mean \u00b1 SD or median (IQR)")      # one of them per row
    assert not declares_mean_and_median("Data are mean \u00b1 SD, n (%) or median [IQR]")


def test_mean_then_median_cells_give_both_figures():
    from evidence_review.extract.arm_cells import mean_and_median_cell
    found = mean_and_median_cell("84.12 \u00b1 3.75 86.02 (2.41)", 20)
    assert [(o, r["measure"], r["value"], r.get("sd")) for o, r in found] == [(0, "MEAN", 84.12, 3.75), (13, "MEDIAN", 86.02, None)]
    found = mean_and_median_cell("6,8 \u00b1 1,9 (6)", 50)          # decimal commas, the median alone in its bracket
    assert [(r["measure"], r["value"], r.get("sd")) for _, r in found] == [("MEAN", 6.8, 1.9), ("MEDIAN", 6.0, None)]
    assert mean_and_median_cell("45 \u00b1 10 (20-93)", 50) is None     # a mean ± SD with its range


def test_a_statistics_paragraph_declaring_mean_sd_and_median_reads_both_from_one_cell():
    # the methods run together without blank lines, a figure's legend inside them
    text = ("Methods\nPatients were randomly assigned to group A (n = 50) or group B (n = 50).\nFig. 1\nCONSORT flow "
            "diagram\nDescriptive statistics are provided as the number and percent for categorical variables and as "
            "the mean, standard deviation and median for numerical variables.\n\nTable 1. Patient demographics\n"
            "| | Group A (n = 50) | Group B (n = 50) |\n| Weight (kg) mean \u00b1 SD | 6,8 \u00b1 1,9 (6) | 7,1 \u00b1 2,3 (7) |\n"
            "| Age (months) mean \u00b1 SD | 5.2 \u00b1 3,1 | 5.6 \u00b1 2,8 |\n")
    _, rows = read_pipe_table(text, "| | Group A (n = 50) | Group B (n = 50) |", caption="Table 1. Patient demographics")
    weight = [(r["measure"], r["value"], r.get("sd")) for r in rows if r["outcome"].startswith("Weight")]
    assert weight == [("MEAN", 6.8, 1.9), ("MEDIAN", 6.0, None), ("MEAN", 7.1, 2.3), ("MEDIAN", 7.0, None)]
    assert [(r["measure"], r["value"]) for r in rows if r["outcome"].startswith("Age")] == [("MEAN", 5.2), ("MEAN", 5.6)]


def test_without_the_declaration_a_bracket_after_the_mean_is_no_median():
    text = ("Patients were randomly assigned to group A (n = 50) or group B (n = 50).\n\nTable 1. Patient demographics\n"
            "| | Group A (n = 50) | Group B (n = 50) |\n| Weight (kg) mean \u00b1 SD | 6.8 \u00b1 1.9 (6) | 7.1 \u00b1 2.3 (7) |\n")
    _, rows = read_pipe_table(text, "| | Group A (n = 50) | Group B (n = 50) |", caption="Table 1. Patient demographics")
    assert not [r for r in rows if r["measure"] == "MEDIAN"]


def test_a_legend_inside_the_methods_declares_no_format_for_the_tables():
    # a legend's own declaration may run past its title line: the document's formats never read it; the mean and
    # median declared together in the prose around it are read (a cell's shape must confirm them)
    from evidence_review.extract.declared_formats import document_declares_mean_and_median, document_formats
    text = ("Methods\nPatients were randomly assigned to group A or group B.\nFig. 2\nScores over time\nValues are mean "
            "\u00b1 SEM.\nDescriptive statistics are provided as the mean, standard deviation and median.\n")
    assert "mean_se" not in document_formats(text)
    assert document_declares_mean_and_median(text)
