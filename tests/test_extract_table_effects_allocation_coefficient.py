"""A regression table's coefficient of the allocation: the row naming the group factor under a coefficient column, in a
table of a model's (its SE, interval or test statistic beside it), is the arms' mean difference; the model's other
rows (intercept, times, age, baseline factors) and a coefficient column of a table that is no model's are none.
Tables written for these tests."""
from __future__ import annotations

import pytest
from table_grids import pipe_table

from evidence_review.extract.pipeline import extract_one

TRIAL = ("Adults were randomly assigned to tolvarest (n = 40) or placebo (n = 40). Analgesic use was analysed with a "
         "generalized estimating equation model.\n")


def _table(header: str, *body: str) -> list[tuple]:
    caption = "Table 3. Model of analgesic use"
    text = TRIAL + caption + "\n" + "\n".join([header, *body]) + "\n"
    table = pipe_table(text, header, caption=caption)
    rows = extract_one("doc", text, "doc.xml", "", structure={"tables": [table]})[0]
    return [(r["measure"], r["value"], r["se"], r["p_value"], r["intervention"], r["comparator"]) for r in rows
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


MODEL = "|  | \u03b2 | Standard errors | Wald chi-squared | P value |"


@pytest.mark.parametrize("label, intervention, comparator", [
    ("Group (placebo versus tolvarest)", "placebo", "tolvarest"),
    ("Group (tolvarest vs placebo)", "tolvarest", "placebo"),
    ("Treatment group", "tolvarest", "placebo"),
])
def test_the_allocations_coefficient_is_the_arms_mean_difference(label, intervention, comparator):
    rows = _table(MODEL,
                  "| Intercept | 41.20 | 12.10 | 11.59 | .001 |",
                  f"| {label} | 6.15 | 2.04 | 9.09 | .003 |",
                  "| Week 4 versus week 8 | -12.40 | 1.90 | 42.59 | <.001 |",
                  "| Age | -.21 | .15 | 1.96 | .16 |")
    assert rows == [("MD", 6.15, 2.04, 0.003, intervention, comparator)]


def test_a_model_without_the_allocations_row_gives_no_difference():
    rows = _table(MODEL,
                  "| Intercept | 41.20 | 12.10 | 11.59 | .001 |",
                  "| Baseline score | .62 | .11 | 31.76 | <.001 |",
                  "| Age | -.21 | .15 | 1.96 | .16 |")
    assert rows == []


def test_a_coefficient_column_without_a_models_other_columns_is_no_model():
    # a column headed "B" beside no SE, interval or statistic: no model's coefficients (here a second arm's label)
    rows = _table("|  | A | B |",
                  "| Group size | 40 | 40 |",
                  "| Treatment group | 1 | 2 |")
    assert not [r for r in rows if r[0] == "MD"]


def test_header_rows_given_as_a_list_of_rows():
    from evidence_review.extract.table_effects import allocation_coefficients
    text = TRIAL + "Table 3. Model\n" + MODEL + "\n| Group (tolvarest vs placebo) | 6.15 | 2.04 | 9.09 | .003 |\n"
    table = pipe_table(text, MODEL, caption="Table 3. Model")
    table["header_rows"] = [0]
    from evidence_review.extract.study import build_study
    study = build_study("d", text, {"tables": [table]})
    assert [(f["value"], f["se"], f["p_value"]) for f in allocation_coefficients(table, study)] == [(6.15, 2.04, 0.003)]


def test_an_estimate_printed_with_its_se_and_an_interval_in_bound_columns():
    # "Estimate (SE)" cells "0.87 (0.18)" and the interval in "Lower Bound | Upper Bound" under "95 % CI" (a mixed
    # model's fixed effects; session 19, shape of blind batch 40's class "mixed-model Estimate (SE) rows")
    from evidence_review.extract.table_effects import allocation_coefficients
    from evidence_review.extract.study import build_study
    header = "| Model parameters for brushing | | | | 95 % CI | 95 % CI |"
    text = TRIAL + "Table 3. Linear mixed model\n" + header + "\n" + "\n".join([
        "| Fixed effects | Estimate (SE) | t | p | Lower Bound | Upper Bound |",
        "| Intercept | 1.10 (0.12) | 9.17 | <0.01 | 0.86 | 1.34 |",
        "| Group | 0.64 (0.17) | 3.76 | <0.01 | 0.31 | 0.97 |",
        "| Time | -0.03 (0.11) | -0.27 | 0.79 | -0.25 | 0.19 |",
        "| Group x Time | -0.52 (0.16) | -3.25 | <0.01 | -0.83 | -0.21 |"]) + "\n"
    table = pipe_table(text, header, caption="Table 3. Linear mixed model", header_rows=2)
    study = build_study("d", text, {"tables": [table]})
    found = allocation_coefficients(table, study)
    assert [(f["value"], f["se"], f["ci_low"], f["ci_high"], f["p_text"]) for f in found] == [(0.64, 0.17, 0.31, 0.97, "<0.01")]
    assert (found[0]["intervention"].canonical, found[0]["comparator"].canonical) == ("tolvarest", "placebo")


def test_one_model_per_spanning_header_each_coefficient_with_its_interval_in_the_cell():
    # "Normal | Low" (a condition of the measurement) each over "Coefficient (95% CI) | P value", a GEE's covariates
    # as rows: the allocation's row gives one MD per model, the interval read from the cell
    caption = "Table 2. Changes in reading speed at two levels of contrast"
    header = "| Level of contrast | High (100%) | High (100%) | Low (5%) | Low (5%) |"
    text = (TRIAL + caption + "\n" + header + "\n| Covariates | Coefficient\u00b6 (95% CI) | P value | Coefficient (95% CI) | P value |\n"
            "| Treatment | -0.0031 (-0.0152,0.0090) | 0.612 | -0.0815 (-0.142, -0.0210) | 0.009 |\n"
            "| Period | - | - | -0.0411 (-0.079,-0.0032) | 0.034 |\n"
            "| Baseline speed | 0.9512 (0.8801, 1.0223) | <0.001 | 0.9876 (0.9012,1.0740) | <0.001 |\n")
    table = pipe_table(text, header, caption=caption, header_rows=2)
    rows = extract_one("doc", text, "doc.xml", "", structure={"tables": [table]})[0]
    got = [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["intervention"], r["comparator"])
           for r in rows if r["measure"] == "MD"]
    assert got == [("MD", -0.0031, -0.0152, 0.009, 0.612, "tolvarest", "placebo"),
                   ("MD", -0.0815, -0.142, -0.021, 0.009, "tolvarest", "placebo")]
    # each model's condition kept with the outcome
    assert [r["outcome"].endswith(("High (100%)", "Low (5%)")) for r in rows if r["measure"] == "MD"] == [True, True]


def test_one_outcome_per_column_each_cell_a_coefficient_with_its_se_and_p():
    # "Variables | Pain score (6th week) | Sleep score (6th week)" over "Parameter estimate* (Standard error), p-value"
    # in every column, the covariates as rows: the allocation's row ("Group membership (ref. placebo)") gives one MD
    # per outcome column, its SE and p from the cell, adjusted (the model holds other rows), the bracketed time of the
    # column its timepoint; the covariates' rows give none
    caption = "Table 4. Multiple linear regression analysis for pain and sleep (N = 80)"
    header = "| Variables | Pain score (6th week) | Sleep score (6th week) |"
    text = (TRIAL + caption + "\n" + header + "\n| Variables | Parameter estimate* (Standard error), p-value | "
            "Parameter estimate* (Standard error), p-value |\n"
            "| Group membership (ref. placebo) | \u221212.410 (3.205), <0.001 | 0.512 (0.230), 0.029 |\n"
            "| Age | \u22120.118 (0.301), 0.696 | 0.004 (0.010), 0.688 |\n"
            "| Gender (ref. female) | 2.907 (3.114), 0.353 | 0.101 (0.221), 0.649 |\n")
    table = pipe_table(text, header, caption=caption, header_rows=2)
    rows = extract_one("doc", text, "doc.xml", "", structure={"tables": [table]})[0]
    got = [(r["value"], r["se"], r["p_value"], r["p_text"], r["intervention"], r["comparator"], r["adjusted"])
           for r in rows if r["measure"] == "MD"]
    assert got == [(-12.41, 3.205, None, "<0.001", "tolvarest", "placebo", "yes"),
                   (0.512, 0.23, 0.029, None, "tolvarest", "placebo", "yes")]
    md = [r for r in rows if r["measure"] == "MD"]
    assert [r["outcome"] for r in md] == ["Pain score", "Sleep score"]
    assert all("6th week" in r["timepoint"] for r in md)


def test_one_outcome_per_column_needs_every_column_to_name_a_coefficient():
    # an arms' table whose one column happens to print "(SE)" is no model's: nothing read as a coefficient
    caption = "Table 2. Outcomes at 6 weeks"
    header = "| Variables | Tolvarest | Placebo |"
    text = (TRIAL + caption + "\n" + header + "\n| Variables | Mean (SE) | Estimate (SE), p |\n"
            "| Treatment group | 12.1 (3.2), 0.01 | 10.2 (2.9), 0.02 |\n")
    table = pipe_table(text, header, caption=caption, header_rows=2)
    rows = extract_one("doc", text, "doc.xml", "", structure={"tables": [table]})[0]
    assert not [r for r in rows if r["measure"] == "MD" and r["value"] in (12.1, 10.2)]


def test_an_arms_interaction_with_a_time_is_its_difference_from_the_control_at_that_time():
    # a GEE's "Estimate | Standard error | z value | P value" with heading rows naming the outcome and rows "<arm> ×
    # <time>" (the control the model's reference): each such row an adjusted MD of that arm against the control at
    # that time, its p read through a footnote mark; a time-by-covariate row and the heading rows give none
    from evidence_review.extract.table_effects import allocation_coefficients
    from evidence_review.extract.study import build_study
    caption = "Table 5. Response over time: covariate effect estimates obtained from GEE"
    header = "|  | Estimate | Standard error | z value | P value |"
    text = (TRIAL + caption + "\n" + header + "\n"
            "| Pain score at Day 1 |  |  |  |  |\n"
            "| Tolvarest \u00d7 0.5 hrs | \u22126.20 | 2.10 | \u22122.95 | 0.003* |\n"
            "| Tolvarest \u00d7 right after | \u22124.05 | 1.90 | \u22122.13 | 0.033* |\n"
            "| Age \u00d7 0.5 hrs | 0.11 | 0.20 | 0.55 | 0.58 |\n"
            "| Pain score at Day 2 |  |  |  |  |\n"
            "| Tolvarest \u00d7 24.5 hrs | \u22125.12 | 2.30 | \u22122.23 | 0.026* |\n")
    table = pipe_table(text, header, caption=caption)
    study = build_study("d", text, {"tables": [table]})
    found = allocation_coefficients(table, study)
    assert [(f["value"], f["se"], f["p_value"], f["timepoint"], f["outcome"], f["adjusted"]) for f in found] == [
        (-6.2, 2.1, 0.003, "0.5 hrs", "Pain score at Day 1", "yes"),
        (-4.05, 1.9, 0.033, "right after", "Pain score at Day 1", "yes"),
        (-5.12, 2.3, 0.026, "24.5 hrs", "Pain score at Day 2", "yes")]
    assert {(f["intervention"].canonical, f["comparator"].canonical) for f in found} == {("tolvarest", "placebo")}
