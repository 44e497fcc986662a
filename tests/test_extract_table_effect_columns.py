"""Effect estimates in a table's columns, read wherever their interval, standard error and adjustment are printed
(issue #13: effects in tables come in many layouts). Every table here is written for the test, numbers and names
changed."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table as _read

METHODS = "Adults were randomly assigned to ketorolac (n = 80) or placebo (n = 80).\n"


def _effects(header: str, *body: str) -> list[tuple]:
    text = METHODS + "Table 2. Outcomes\n" + header + "\n" + "\n".join(body) + "\n"
    _, rows = _read(text, header, "Table 2. Outcomes")
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"], r["outcome"])
            for r in rows or [] if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


@pytest.mark.parametrize("header_words, cell", [
    ("RR; 95% CI", "0.50; 0.28 to 0.89"), ("RR, 95% CI", "0.50, 0.28-0.89"), ("RR (95% CI)", "0.50; 95% CI 0.28-0.89"),
    ("Risk ratio", "0.50, 95% CI: 0.28 to 0.89"), ("RR [95% CI]", "0.50 [0.28; 0.89]"),
])
def test_an_interval_after_a_semicolon_or_comma_in_the_effect_cell(header_words, cell):
    header = f"| Outcome | Ketorolac (n = 80) | Placebo (n = 80) | {header_words} | P |"
    assert _effects(header, f"| Nausea, n (%) | 12 (15.0) | 24 (30.0) | {cell} | 0.03 |") == [
        ("RR", 0.5, 0.28, 0.89, "ketorolac", "placebo", "Nausea")]


@pytest.mark.parametrize("lower, upper", [("Lower 95% CI", "Upper 95% CI"), ("Lower", "Upper"),
                                          ("95% CI lower limit", "95% CI upper limit"), ("LCL", "UCL")])
def test_an_interval_printed_as_lower_and_upper_columns(lower, upper):
    header = f"| Outcome | Ketorolac (n = 80) | Placebo (n = 80) | Hazard ratio | {lower} | {upper} | P |"
    assert _effects(header, "| Relapse, n (%) | 12 (15.0) | 24 (30.0) | 0.47 | 0.23 | 0.94 | 0.03 |",
                    "| Death, n (%) | 3 (3.8) | 5 (6.3) | 0.61 | 0.15 | 2.52 | 0.49 |") == [
        ("HR", 0.47, 0.23, 0.94, "ketorolac", "placebo", "Relapse"),
        ("HR", 0.61, 0.15, 2.52, "ketorolac", "placebo", "Death")]


def test_lower_and_upper_columns_in_the_wrong_order_give_no_interval():
    header = "| Outcome | Ketorolac (n = 80) | Placebo (n = 80) | HR | Lower | Upper |"
    assert _effects(header, "| Relapse, n (%) | 12 (15.0) | 24 (30.0) | 0.47 | 0.94 | 0.23 |") == [
        ("HR", 0.47, None, None, "ketorolac", "placebo", "Relapse")]


@pytest.mark.parametrize("header_words, cells", [
    ("Estimate (SE) | P value", "-1.20 (0.40) | 0.003"),
    ("Difference (SE) | p", "-1.20 [0.40] | 0.003"),
    ("Estimate | SE | P", "-1.20 | 0.40 | 0.003"),
    ("Estimate | Std. error | P", "-1.20 | 0.40 | 0.003"),
])
def test_an_estimate_with_its_standard_error_keeps_the_se_and_makes_no_interval(header_words, cells):
    header = f"| Change from baseline | Placebo | Ketorolac | {header_words} |"
    text = METHODS + "Table 3. Changes\n" + header + "\n" + f"| Pain score | -0.9 | -2.1 | {cells} |\n"
    _, rows = _read(text, header, "Table 3. Changes")
    got = [(r["measure"], r["value"], r["se"], r["ci_low"], r["p_value"], r["intervention"], r["comparator"], r["flags"])
           for r in rows if r["measure"] == "MD"]
    assert got == [("MD", -1.2, 0.4, None, 0.003, "ketorolac", "placebo", "se_without_interval")]
    # the flag is a code of the one flag vocabulary (its reason shown to the reviewer), and not a note-only one: an
    # effect without an interval waits for a reviewer before it is pooled
    from evidence_review.tables import FLAG_REASONS, NOTE_ONLY_FLAGS
    assert "se_without_interval" in FLAG_REASONS and "se_without_interval" not in NOTE_ONLY_FLAGS


def test_a_bracket_under_a_plain_estimate_header_is_not_read_as_a_standard_error():
    # "Estimate" alone does not say what the bracket holds: a lone bracketed number is no interval and no SE
    header = "| Change from baseline | Placebo | Ketorolac | Estimate |"
    text = METHODS + "Table 3. Changes\n" + header + "\n| Pain score | -0.9 | -2.1 | -1.20 (0.40) |\n"
    _, rows = _read(text, header, "Table 3. Changes")
    assert not [r for r in rows or [] if r["measure"] == "MD" and r.get("se") is not None]


@pytest.mark.parametrize("abbreviation, measure", [("aOR", "OR"), ("aHR", "HR"), ("aRR", "RR"), ("aIRR", "IRR")])
def test_an_adjusted_abbreviation_in_the_header_names_the_measure_and_its_adjustment(abbreviation, measure):
    header = f"| Outcome | Ketorolac (n = 80) | Placebo (n = 80) | {abbreviation} (95% CI) |"
    text = METHODS + "Table 2. Outcomes\n" + header + "\n| Nausea, n (%) | 12 (15.0) | 24 (30.0) | 0.40 (0.18–0.88) |\n"
    _, rows = _read(text, header, "Table 2. Outcomes")
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["adjusted"]) for r in rows
            if r["measure"] not in ("PROPORTION",)] == [(measure, 0.4, 0.18, 0.88, "yes")]


def test_a_risk_difference_printed_as_percentages_is_in_percentage_points():
    header = "| Outcome | Ketorolac (n = 80) | Placebo (n = 80) | Absolute risk difference (95% CI) |"
    assert _effects(header, "| Nausea | 15.0% | 30.0% | -15.0% (-27.5 to -2.5) |") == [
        ("RD", -0.15, -0.275, -0.025, "ketorolac", "placebo", "Nausea")]


def test_three_arms_with_the_comparison_named_in_the_header_and_lower_upper_columns():
    text = ("Adults were randomly assigned to ketorolac 10 mg (n = 40), ketorolac 30 mg (n = 40) or placebo (n = 40).\n")
    header = ("| Outcome | Ketorolac 10 mg (n = 40) | Ketorolac 30 mg (n = 40) | Placebo (n = 40) | "
              "Ketorolac 10 mg vs placebo, OR | Lower | Upper |")
    body = "| Nausea, n (%) | 6 (15.0) | 8 (20.0) | 12 (30.0) | 0.41 | 0.14 | 1.22 |"
    full = text + "Table 2. Outcomes\n" + header + "\n" + body + "\n"
    _, rows = _read(full, header, "Table 2. Outcomes")
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"]) for r in rows
            if r["measure"] == "OR"] == [("OR", 0.41, 0.14, 1.22, "ketorolac 10 mg", "placebo")]


def _rows(caption: str, header: str, *body: str, methods: str = METHODS) -> list[dict]:
    text = methods + caption + "\n" + header + "\n" + "\n".join(body) + "\n"
    _, rows = _read(text, header, caption)
    return rows or []


@pytest.mark.parametrize("header", [
    "| Outcome | Ketorolac vs placebo, HR (95% CI) | p |",
    "| Outcome | HR (95% CI) ketorolac versus placebo | p |",
    "Outcome | Ketorolac vs. placebo: hazard ratio [95% CI] | P value",
])
def test_an_effect_table_without_arm_columns_takes_the_comparison_from_its_header(header):
    sep = " | " if header.startswith("|") else " | "
    body = [f"| Relapse | 0.47 (0.23-0.94) | 0.03 |", f"| Death | 0.61 [0.15, 2.52] | 0.49 |"]
    if not header.startswith("|"):
        body = [b.strip("| ").replace(" | ", sep) for b in body]
    rows = _rows("Table 3. Effects", header, *body)
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"], r["outcome"],
             r["role"]) for r in rows] == [
        ("HR", 0.47, 0.23, 0.94, "ketorolac", "placebo", "Relapse", "effect"),
        ("HR", 0.61, 0.15, 2.52, "ketorolac", "placebo", "Death", "effect")]


def test_a_subgroup_table_without_arm_columns_compares_the_trials_arms_within_each_subgroup():
    rows = _rows("Table 4. Relapse by subgroup", "| Subgroup | OR | Lower 95% CI | Upper 95% CI |",
                 "| Age < 65 years | 0.62 | 0.28 | 1.37 |", "| Age ≥ 65 years | 0.55 | 0.23 | 1.31 |",
                 "| Women | 0.49 | 0.20 | 1.20 |")
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"], r["role"],
             r["subgroup"], r["outcome"]) for r in rows] == [
        ("OR", 0.62, 0.28, 1.37, "ketorolac", "placebo", "subgroup", "Age < 65 years", "Relapse by subgroup"),
        ("OR", 0.55, 0.23, 1.31, "ketorolac", "placebo", "subgroup", "Age ≥ 65 years", "Relapse by subgroup"),
        ("OR", 0.49, 0.2, 1.2, "ketorolac", "placebo", "subgroup", "Women", "Relapse by subgroup")]


@pytest.mark.parametrize("caption, label_header", [
    ("Table 5. Factors associated with relapse", "Characteristic"),
    ("Table 5. Multivariable logistic regression for relapse", "Characteristic"),
    ("Table 5. Relapse", "Risk factor"),
    ("Table 5. Relapse", "Variable"),
])
def test_a_table_of_factors_is_never_read_as_a_comparison_of_the_arms(caption, label_header):
    # its rows are factors (the sentence reader's factor rules read them as prognostic against their reference)
    rows = _rows(caption, f"| {label_header} | aOR (95% CI) | P |", "| Diabetes | 2.10 (1.20-3.68) | 0.009 |",
                 "| Male sex | 1.35 (0.80-2.28) | 0.26 |")
    assert not [r for r in rows if "ketorolac" in (r["intervention"], r["comparator"])]
    # the same rows under an outcome caption and header are the trial's comparison
    rows = _rows("Table 5. Outcomes", "| Outcome | aOR (95% CI) | P |", "| Relapse | 2.10 (1.20-3.68) | 0.009 |")
    assert [(r["measure"], r["value"], r["intervention"], r["comparator"], r["adjusted"]) for r in rows] == [
        ("OR", 2.1, "ketorolac", "placebo", "yes")]


def test_bare_numbers_under_an_effect_header_without_arm_columns_are_not_read():
    # no interval and no standard error: a lone number under "HR" may be a heart rate as well as a ratio
    assert _rows("Table 3. Effects", "| Outcome | HR | p |", "| Relapse | 0.47 | 0.03 |") == []


def test_a_trial_with_three_arms_and_no_comparison_named_reads_no_effect_from_a_bare_effect_column():
    methods = "Adults were randomly assigned to ketorolac (n = 40), ibuprofen (n = 40) or placebo (n = 40).\n"
    assert _rows("Table 3. Effects", "| Outcome | HR (95% CI) |", "| Relapse | 0.47 (0.23-0.94) |",
                 methods=methods) == []


@pytest.mark.parametrize("cell, low, high", [("3.40 [1.2. 9.6]", 1.2, 9.6), ("3.40 (1.20. 9.63)", 1.2, 9.63)])
def test_an_interval_whose_separator_was_printed_as_a_full_stop(cell, low, high):
    header = "| Outcome | Ketorolac (n = 80) | Placebo (n = 80) | RR [95% CI] |"
    assert _effects(header, f"| Rash, n (%) | 10 (12.5) | 3 (3.8) | {cell} |") == [
        ("RR", 3.4, low, high, "ketorolac", "placebo", "Rash")]


def test_a_spaced_decimal_in_a_bracket_is_not_a_pair():
    from evidence_review.extract.table_reader import parse_effect_cell
    assert parse_effect_cell("3.40 (2. 33)") is None


@pytest.mark.parametrize("header_words, cell", [("Absolute risk reduction (95% CI)", "15.0% (2.5 to 27.5)"),
                                                ("Absolute risk reduction, % [95% CI]", "15.0 [2.5, 27.5]")])
def test_an_absolute_risk_reduction_column_is_a_risk_difference_as_printed(header_words, cell):
    # a reduction is stored positive, as the text readers store "an absolute risk reduction of 15%"
    header = f"| Outcome | Ketorolac (n = 80) | Placebo (n = 80) | {header_words} |"
    assert _effects(header, f"| Nausea, n (%) | 12 (15.0) | 24 (30.0) | {cell} |") == [
        ("RD", 0.15, 0.025, 0.275, "ketorolac", "placebo", "Nausea")]


def test_subgroup_categories_under_a_heading_row_carry_the_headings_trait():
    rows = _rows("Table 4. Relapse in subgroups", "| Subgroup | HR (95% CI) | P for interaction |",
                 "| Diabetes | | 0.41 |", "| Yes | 0.58 (0.30–1.12) | |", "| No | 0.71 (0.45–1.12) | |",
                 "| Age, years | | |", "| 18–64 | 0.66 (0.40–1.09) | |", "| ≥ 65 | 0.60 (0.28–1.29) | |")
    # (written as the labelling rules write a yes/no trait and an age band: "diabetes", "no diabetes", "age 18–64 years")
    assert [(r["value"], r["intervention"], r["comparator"], r["role"], r["subgroup"]) for r in rows] == [
        (0.58, "ketorolac", "placebo", "subgroup", "diabetes"), (0.71, "ketorolac", "placebo", "subgroup", "no diabetes"),
        (0.66, "ketorolac", "placebo", "subgroup", "age 18–64 years"),
        (0.6, "ketorolac", "placebo", "subgroup", "age ≥ 65 years")]


def test_outcomes_under_a_section_heading_stay_outcomes():
    rows = _rows("Table 3. Effects", "| Outcome | Ketorolac vs placebo, RR (95% CI) |", "| Efficacy | |",
                 "| Relapse | 0.47 (0.23-0.94) |")
    assert [(r["outcome"], r["role"], r["subgroup"]) for r in rows] == [("Relapse", "effect", "")]
