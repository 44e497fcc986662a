"""Appendix tables of a model's estimates, one column per adjustment of the analysis (issue #13): "Unadjusted" and a
spanning "Adjusted" over the covariates ("IgE-eczema (at 12 months) | Atopy"), each cell the estimate with its spread
and its p ("0.47 (0.21); p = 0.027", "3.29 (1.08, 9.95); p = 0.035"), the measure and the arms named only in the
caption and the footnotes ("Data represents the Odds Ratio and 95% confidence intervals", "the baseline for
comparison is the Drug group", "(N = 30 Drug; N = 30 Placebo)"). Every table here is written for the test, numbers and
names changed."""
from __future__ import annotations

from table_grids import read_pipe_table as _read

from evidence_review.extract.column_roles import adjustment_column
from evidence_review.extract.orientation import declared_reference
from evidence_review.extract.table_effects import declared_estimate
from evidence_review.extract.table_reader import parse_effect_cell

METHODS = ("Pregnant women were randomized to receive the probiotic Lactobacillus reuteri (LBR, n = 31) or placebo "
           "(n = 30) from 36 weeks of gestation until delivery. The infants' antibody responses to the routine "
           "vaccines were measured at 12 months.\n")


def _table(caption: str, header: list[str], body: list[str], notes: list[str]) -> tuple:
    text = METHODS + caption + "\n" + "\n".join(header + body + notes) + "\n"
    study, rows = _read(text, header[0], caption, header_rows=len(header), footnote=notes[-1])
    return study, [r for r in rows or [] if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


ODDS_CAPTION = "Table A2. Antibody responses ≥0.35 μg/ml following adjustment for eczema and atopy."
ODDS_HEADER = ["|  |  | Adjusted | Adjusted |", "| Vaccine | Unadjusted | Eczema (at 12 months) | Atopy |"]
ODDS_BODY = ["| Serotype 4 | 2.84 (1.12, 7.21); p = 0.028 | 2.91 (1.10, 7.70); p = 0.031 | 3.05 (1.14, 8.16); p = 0.026 |",
             "| Serotype 9V | 1.62 (0.55, 4.77); p = 0.382 | 1.58 (0.52, 4.80); p = 0.421 | 1.71 (0.57, 5.13); p = 0.339 |",
             "| Serotype 14 | NA | NA | NA |"]
ODDS_NOTES = ["Data represents the Odds Ratio and 95% confidence intervals; NA, not assessed due to co-linearity.",
              "a Unadjusted analysis after removing missing data (N = 30 LBR; N = 29 Placebo)."]


def test_adjustment_columns_of_declared_odds_ratios_are_read_with_the_arms_the_notes_name():
    _, rows = _table(ODDS_CAPTION, ODDS_HEADER, ODDS_BODY, ODDS_NOTES)
    got = [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["adjusted"], r["outcome"])
           for r in rows]
    assert got == [("OR", 2.84, 1.12, 7.21, 0.028, "no", "Serotype 4"), ("OR", 2.91, 1.1, 7.7, 0.031, "yes", "Serotype 4"),
                   ("OR", 3.05, 1.14, 8.16, 0.026, "yes", "Serotype 4"), ("OR", 1.62, 0.55, 4.77, 0.382, "no", "Serotype 9V"),
                   ("OR", 1.58, 0.52, 4.8, 0.421, "yes", "Serotype 9V"), ("OR", 1.71, 0.57, 5.13, 0.339, "yes", "Serotype 9V")]
    # no reference declared: the notes' two arms, the control second
    assert {(r["intervention"], r["comparator"]) for r in rows} == {("probiotic lactobacillus reuteri", "placebo")}


def test_regression_coefficients_with_their_se_follow_the_reference_the_notes_declare():
    caption = "Table A1. Summary of the vaccine-specific IgG responses following adjustment for yogurt intake."
    header = ["|  | Yogurt intake | Yogurt intake |", "| Vaccine | Unadjusted | Adjusted |"]
    body = ["| Serotype 4 | 0.61 (0.22); p = 0.007 | 0.52 (0.23); p = 0.024 |",
            "| Tetanus toxoid | 0.58 (0.311); p = 0.064 | 0.62 (0.32); p = 0.055 |"]
    notes = ["Data represents the regression coefficient and standard errors in brackets. Regression coefficient refers "
             "to the group as a predictor where the baseline for comparison is the LBR group (n = 31).",
             "a Unadjusted analysis after removing missing data (N = 25 LBR; N = 26 Placebo)."]
    _, rows = _table(caption, header, body, notes)
    got = [(r["measure"], r["value"], r["se"], r["p_value"], r["intervention"], r["comparator"]) for r in rows]
    assert got == [("MD", 0.61, 0.22, 0.007, "placebo", "probiotic lactobacillus reuteri"),
                   ("MD", 0.52, 0.23, 0.024, "placebo", "probiotic lactobacillus reuteri"),
                   ("MD", 0.58, 0.311, 0.064, "placebo", "probiotic lactobacillus reuteri"),
                   ("MD", 0.62, 0.32, 0.055, "placebo", "probiotic lactobacillus reuteri")]
    assert [r["adjusted"] for r in rows][1::2] == ["yes", "yes"]


def test_without_a_declared_measure_adjustment_columns_are_no_estimates():
    _, rows = _table(ODDS_CAPTION, ODDS_HEADER, ODDS_BODY, ["NA, not assessed due to co-linearity.",
                                                            "a Unadjusted analysis (N = 30 LBR; N = 29 Placebo)."])
    assert [r for r in rows if r["measure"] == "OR"] == []


def test_adjustment_column_is_the_header_path_of_an_analysis_naming_no_arm():
    no_arm = lambda t: False        # noqa: E731
    assert adjustment_column(["Unadjusted"], no_arm) and adjustment_column(["Yogurt intake", "Adjusted"], no_arm)
    assert adjustment_column(["Adjusted", "IgE-eczema (at 12 months)"], no_arm)
    assert adjustment_column(["Crude"], no_arm) and adjustment_column(["Fully adjusted model"], no_arm)
    assert not adjustment_column(["Atopy"], no_arm) and not adjustment_column(["Adjusted mean difference"], no_arm)
    # an arm's adjusted figures are the arm's
    assert not adjustment_column(["Adjusted", "Placebo"], lambda t: t == "Placebo")


def test_declared_estimate_and_reference_read_the_notes():
    assert declared_estimate("Data represents the Odds Ratio and 95% confidence intervals") == ("OR", False)
    assert declared_estimate("Data represents the regression coefficient and standard errors in brackets.") == ("MD", True)
    assert declared_estimate("Pearson correlation coefficients are shown.") is None
    assert declared_estimate("NA, not assessed due to co-linearity.") is None

    class _Arm:
        def __init__(self, name):
            self.name, self.aliases = name, {name.lower()}
    drug, placebo = _Arm("LBR"), _Arm("Placebo")
    assert declared_reference("where the baseline for comparison is the LBR group (n = 31)", [drug, placebo]) is drug
    assert declared_reference("with placebo as the reference", [drug, placebo]) is placebo
    assert declared_reference("(N = 30 LBR; N = 29 Placebo)", [drug, placebo]) is None


def test_an_estimate_and_its_se_with_the_p_after_it():
    got = parse_effect_cell("0.47 (0.21); p = 0.027", spread="se")
    assert (got["value"], got["se"], got["p_value"]) == (0.47, 0.21, 0.027)
    assert parse_effect_cell("0.47 (0.21); 12", spread="se") is None


def test_a_reference_the_document_declares_elsewhere_orients_a_table_whose_notes_declare_none():
    # the methods (or another table's notes) say which arm the models compare against: every such table follows
    methods = METHODS + "Group was entered as a predictor in each model, with the LBR group as the reference.\n"
    text = methods + ODDS_CAPTION + "\n" + "\n".join(ODDS_HEADER + ODDS_BODY + ODDS_NOTES) + "\n"
    _, rows = _read(text, ODDS_HEADER[0], ODDS_CAPTION, header_rows=2, footnote=ODDS_NOTES[-1])
    assert {(r["intervention"], r["comparator"]) for r in rows if r["measure"] == "OR"} == \
        {("placebo", "probiotic lactobacillus reuteri")}
