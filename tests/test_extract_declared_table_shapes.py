"""What a table declares about its cells, in the shapes of the batches' tables (session 21): a footnote naming the
spread after the unit ("± standard error mean"), ... Grids written for these tests (general shapes; numbers, names
and fields of no document)."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table

from evidence_review.extract.declared_formats import declared_formats


def _rows(rows, word, arm=None):
    return [r for r in rows if word in r["outcome"].lower() and (arm is None or r["intervention"] == arm)]


# ------------------------------------------------------------------ a spread named after the quantity and its unit
@pytest.mark.parametrize("words, expected", [
    ("Bacterial count (log10 CFU/g fecal dry weight \u00b1 standard error mean).", ("mean_se",)),
    ("Plasma level (ng/mL \u00b1 SEM)", ("mean_se",)),
    ("Values are mean \u00b1 standard error of the mean", ("mean_se",)),
    # a median's spread stays the median's
    ("Values are median \u00b1 SE", ("median_sd",)),
])
def test_a_plus_minus_standard_error_after_a_unit_declares_the_means_se(words, expected):
    assert declared_formats(words) == expected


SPREAD_AFTER_UNIT = """Methods
Sixty adults were randomised to a probiotic (n = 30) or placebo (n = 30) for eight weeks.

Table 2. Stool counts before and after treatment.
| | Probiotic (n = 30) | Placebo (n = 30) |
| Total bacteria | 8.12 \u00b1 0.14 | 7.95 \u00b1 0.21 |
| Lactobacilli | 7.40 \u00b1 0.09 | 6.31 \u00b1 0.16 |
*<0.05 significantly different from placebo.
Colony count (log10 CFU/g dry weight \u00b1 standard error mean)."""


def test_a_footnote_naming_the_standard_error_after_the_unit_reads_the_spread_as_se():
    _, rows = read_pipe_table(SPREAD_AFTER_UNIT, "| | Probiotic (n = 30) | Placebo (n = 30) |",
                              caption="Table 2. Stool counts before and after treatment.",
                              footnote="Colony count (log10 CFU/g dry weight \u00b1 standard error mean).")
    lacto = _rows(rows, "lactobacilli", "probiotic")
    assert [(r["measure"], r["value"], r["se"]) for r in lacto] == [("MEAN", 7.40, 0.09)]


# ------------------------------------- integer means with their SD under a declared "means (SD) or number (%)" list
MEANS_OR_COUNTS = """Methods
Villages were randomised to a screening programme (n = 612) or usual care (n = 583).

Table 2. Baseline characteristics of the participants.
| | Screening (n = 612) | Usual care (n = 583) |
| Age | 61 (12) | 62 (12) |
| Female n (%) | 371 (61) | 350 (60) |
| Weight in kg | 68 (12) | 71 (12) |
| Body mass index (kg/m2) | 25 (4) | 25 (5) |
| Current smoking n (%) | 37 (6) | 47 (8) |
Results are means (standard deviations) or number (percentage)"""


def test_integer_means_whose_sd_is_by_chance_a_share_of_the_arm_stay_means():
    # "62 (12)" of 583 and "25 (4)" of 612 fit a share by arithmetic; their rows name a quantity measured (in a unit)
    _, rows = read_pipe_table(MEANS_OR_COUNTS, "| | Screening (n = 612) | Usual care (n = 583) |",
                              caption="Table 2. Baseline characteristics of the participants.",
                              footnote="Results are means (standard deviations) or number (percentage)")
    for word in ("age", "weight", "body mass"):
        assert {(r["measure"], r["sd"]) for r in _rows(rows, word)} <= {("MEAN", 12.0), ("MEAN", 4.0), ("MEAN", 5.0)}, word
        assert len(_rows(rows, word)) == 2
    assert [(r["events"], r["total"]) for r in _rows(rows, "female", "standard care")] == [(350, 583)]
    assert [(r["events"], r["total"]) for r in _rows(rows, "smoking", "screening")] == [(37, 612)]


# ------------------------------------------- a table of the intervention's effects with the times as its columns
EFFECTS_BY_TIME = """Methods
Twelve villages were randomised to a health-education intervention (n = 522) or to control (n = 491). Outcomes were
measured at 3 and 6 months.

Table 4. Effect of intervention (and 95% CI) on reduction in blood pressure at 3 and 6 months adjusted for age and sex
| Variable | 3 months (n = 894) | 6 months (n = 801) |
| SBP (mmHg) | -0.61 (-5.02 to 3.80) | -2.71 (-6.60 to 1.18) |
| DBP (mmHg) | -1.13 (-4.01 to 1.75) | -3.80 (-7.02 to -0.58)** |
| Urinary sodium: creatinine | -0.02 (-1.40 to 1.36) | 0.81 (-0.50 to 2.12) |
Effect is control - intervention (negative values favour intervention)."""
EFFECTS_HEADER = "| Variable | 3 months (n = 894) | 6 months (n = 801) |"


def test_a_time_with_its_size_over_a_table_of_effects_is_no_arm():
    study, _ = read_pipe_table(EFFECTS_BY_TIME, EFFECTS_HEADER, caption=EFFECTS_BY_TIME.split("\n")[4])
    assert sorted(a.name for a in study.arms) == ["control", "health-education intervention"]


def test_the_cells_of_a_caption_declaring_the_interventions_effects_are_differences_by_time():
    _, rows = read_pipe_table(EFFECTS_BY_TIME, EFFECTS_HEADER, caption=EFFECTS_BY_TIME.split("\n")[4],
                              footnote="Effect is control - intervention (negative values favour intervention).")
    assert {r["measure"] for r in rows} == {"MD"}
    sbp = sorted((r["timepoint"], r["value"], r["ci_low"], r["ci_high"]) for r in _rows(rows, "sbp"))
    assert sbp == [("3 months", -0.61, -5.02, 3.80), ("6 months", -2.71, -6.60, 1.18)]
    assert {(r["intervention"], r["comparator"]) for r in rows} == {("health-education intervention", "control")}
    assert len(_rows(rows, "creatinine")) == 2


def test_without_the_declaration_a_table_of_bare_times_gives_no_effects():
    plain = EFFECTS_BY_TIME.replace("Effect of intervention (and 95% CI) on reduction in", "Changes in")
    plain = plain.replace("Effect is control - intervention (negative values favour intervention).", "")
    _, rows = read_pipe_table(plain, EFFECTS_HEADER, caption=plain.split("\n")[4])
    assert not [r for r in rows or [] if r["measure"] == "MD"]


# ------------------------------------------- treatments as rows with the unit after their names, days as columns
ARMS_WITH_UNITS = """Methods
In this crossover study, subjects were randomised to inhaled ZX4410 250 \u03bcg or matching placebo once daily for seven days.

Table 2. Lung function
| | Day 1 Pre-dose | Day 7 Pre-dose | Day 7 1 hr post-dose |
| ZX4410 (L) | 2.91(2.50 to 3.32) | 2.98(2.61 to 3.35) | 3.05(2.66 to 3.44) |
| Placebo (L) | 2.88(2.47 to 3.29) | 2.90(2.55 to 3.25) | 2.95(2.58 to 3.32) |
Mean values shown, and with adjusted mean (95% confidence intervals) for treatment differences and ratios"""


def test_an_arm_named_with_the_unit_of_its_figures_is_that_arm():
    study, rows = read_pipe_table(ARMS_WITH_UNITS, "| | Day 1 Pre-dose | Day 7 Pre-dose | Day 7 1 hr post-dose |",
                                  caption="Table 2. Lung function",
                                  footnote="Mean values shown, and with adjusted mean (95% confidence intervals) for "
                                           "treatment differences and ratios")
    drug = study.resolve_column("ZX4410 (L)")
    assert drug is not None and drug is study.resolve_column("ZX4410")
    assert study.resolve_column("Placebo (ppb)") is study.resolve_column("Placebo")
    means = sorted(r["value"] for r in rows or [] if r["measure"] == "MEAN" and r["intervention"] == drug.canonical)
    assert means == [2.91, 2.98, 3.05]


# ------------------------------------------------------------------ two marks joined by a comma after a cell
@pytest.mark.parametrize("cell, value, sd", [("347.4 \u00b1 77.3^b,**", 347.4, 77.3), ("70.7 \u00b1 3.9^a,*", 70.7, 3.9),
                                             ("52.1 \u00b1 6.0a,\u2020", 52.1, 6.0)])
def test_a_letter_and_a_star_joined_by_a_comma_are_the_cells_marks(cell, value, sd):
    from evidence_review.extract.arm_cells import parse_arm_cell
    from evidence_review.extract.cells import split_marks
    assert split_marks(cell).body.strip() == cell[:len(f"{value} \u00b1 {sd}")]
    parsed = parse_arm_cell(cell, "mean_sd", 20)
    assert (parsed["measure"], parsed["value"], parsed["sd"]) == ("MEAN", value, sd)


def test_a_cell_with_a_letter_and_a_star_joined_by_a_comma_is_read_in_its_table():
    text = """Methods
Patients were randomised to placebo (n = 16) or vitamin C (n = 17).

Table 2. Responses of biochemical measurements
| Measure | Placebo (n = 16) | Vitamin C (n = 17) |
| Ascorbate (umol/L) | 46.9 \u00b1 11.0 | 187.4 \u00b1 37.3^b,** |
| ALT (U/L) | 50.5 \u00b1 11.0 | 40.3 \u00b1 4.4^a,\u2020 |"""
    _, rows = read_pipe_table(text, "| Measure | Placebo (n = 16) | Vitamin C (n = 17) |",
                              caption="Table 2. Responses of biochemical measurements")
    treated = sorted((r["value"], r["sd"]) for r in rows if r["intervention"] == "vitamin c")
    assert treated == [(40.3, 4.4), (187.4, 37.3)]
