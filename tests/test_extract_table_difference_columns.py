"""A table printing each row's two arm figures and then their difference with its interval, when the study model
does not resolve the arm headers (issue #13: "| ≤ 20 | 27.5 | 30.0 | -2.46 | -6.2-1.3 | 0.19 |" under "US
aspiration | I&D"): the difference is a mean difference of the two figure columns, in the order printed, proven by
the arithmetic of the rows. Every table here is written for the test, numbers and names changed."""
from __future__ import annotations

from table_grids import read_pipe_table as _read

from evidence_review.extract.table_effects import compared_figure_columns, comparison_matrix, leading_figure

# the methods name no arms the study model can pair (the table's headers are all there is)
METHODS = "Women with an infected surgical wound took part in this randomized trial at two hospitals.\n"
CAPTION = "Table 2. Mean time to closure in days of the two arms by characteristic"
HEADER = "| Variable | Mean days to closure | Mean days to closure | Mean Difference | 95%CI | P-Value |"
SECOND = "|  | NPWT | Gauze |  |  |  |"


def _rows(*body: str, header: str = HEADER, second: str = SECOND) -> list[tuple]:
    text = METHODS + CAPTION + "\n" + header + "\n" + second + "\n" + "\n".join(body) + "\n"
    _, rows = _read(text, header, CAPTION, header_rows=2)
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"], r["subgroup"])
            for r in rows or [] if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


def test_the_difference_column_of_two_unresolved_arm_columns_is_their_mean_difference():
    got = _rows("| Age in years | Age in years | Age in years | Age in years | Age in years | Age in years |",
                "| < 30 | 14.5 | 16.0 | -1.48 | -5.2-2.3 | 0.41 |",
                "| ≥ 30 | 18.5 | 17.1 | 1.37 | -3.9-6.6 | 0.52 |",
                "| Diabetes | Diabetes | Diabetes | Diabetes | Diabetes | Diabetes |",
                "| Yes | 22.0 | 26.2 | -4.21 | -173-165 | 0.71 |")
    assert [g[:4] for g in got] == [("MD", -1.48, -5.2, 2.3), ("MD", 1.37, -3.9, 6.6), ("MD", -4.21, -173.0, 165.0)]
    # the arms as the headers print them, the difference the first column minus the second
    assert {(g[4], g[5]) for g in got} == {("npwt", "gauze")}
    # (a yes/no trait and an age band written as the labelling rules write them, subgroups.category_subgroup)
    assert got[0][6] == "age < 30 years" and got[2][6] == "diabetes"


def test_a_difference_column_that_is_not_the_two_columns_difference_names_no_arms():
    # "Cases | Controls" whose figures the effect column does not subtract: no comparison of two arms
    got = _rows("| < 30 | 14.5 | 16.0 | 3.10 | 1.2-5.0 | 0.01 |",
                "| ≥ 30 | 18.5 | 17.1 | -2.40 | -4.1--0.7 | 0.02 |",
                "| Diabetes | 22.0 | 26.2 | 0.90 | -1.0-2.8 | 0.33 |")
    assert got == []


def test_compared_figure_columns_needs_exactly_two_figure_columns_left_of_the_difference():
    headers = {1: "A", 2: "B", 3: "Difference", 4: "95% CI"}
    body = [{1: "10.0", 2: "12.0", 3: "-2.0", 4: "-3-1"}, {1: "8.5", 2: "8.0", 3: "0.5", 4: "-1-2"}]
    assert compared_figure_columns(3, headers, body, {0, 3, 4}) == (1, 2)
    three = {0: "", 1: "A", 2: "B", 3: "C", 4: "Difference"}
    body3 = [{1: "10.0", 2: "12.0", 3: "9.0", 4: "-2.0"}, {1: "8.5", 2: "8.0", 3: "7.0", 4: "0.5"}]
    assert compared_figure_columns(4, three, body3, {0, 4}) is None
    # one row proves nothing
    assert compared_figure_columns(3, headers, body[:1], {0, 3, 4}) is None


def test_leading_figure_reads_signs_and_decimal_commas():
    assert leading_figure("−2.46") == -2.46 and leading_figure("12 (30.0)") == 12.0 and leading_figure("3,5") == 3.5
    assert leading_figure("Yes") is None and leading_figure("12/40") is None


MATRIX_TEXT = ("Volunteers applied four creams (C1, C2, C3 and a reference cream V) in a crossover.\n"
               "Table 3. Skin hydration. Differences between creams\n"
               "| Difference to cream | Difference to cream | Difference to cream | Difference to cream | Difference to cream | Difference to cream | Difference to cream |\n"
               "|  | C2 | C2 | C2 | V | V | V |\n"
               "| Cream | Differ-ence | 95 %-CI | P | Difference | 95 %-CI | P |\n"
               "| C1 | 4.21 | 1.10-7.32 | 0.008 | -2.05 | -5.12 -1.02 | 0.19 |\n"
               "| C2 | - | - | - | -6.26 | -9.40 - -3.12 | 0.0002 |\n")


def test_a_matrix_of_differences_gives_each_row_agent_against_each_column_agent():
    header = MATRIX_TEXT.split("\n")[2]
    _, rows = _read(MATRIX_TEXT, header, "Table 3. Skin hydration. Differences between creams", header_rows=3)
    got = [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["intervention"], r["comparator"])
           for r in rows]
    assert got == [("MD", 4.21, 1.1, 7.32, 0.008, "c1", "c2"), ("MD", -2.05, -5.12, 1.02, 0.19, "c1", "v"),
                   ("MD", -6.26, -9.4, -3.12, 0.0002, "c2", "v")]


def test_differences_under_two_times_with_outcomes_as_rows_are_no_matrix():
    headers = {0: ["", "Outcome"], 1: ["Week 12", "Difference"], 2: ["Week 12", "95% CI"], 3: ["Week 24", "Difference"],
               4: ["Week 24", "95% CI"]}
    assert comparison_matrix(headers, ["Pain score", "Function score"]) == []
    matrix = {0: ["", "Agent"], 1: ["B", "Difference"], 2: ["B", "95% CI"], 3: ["C", "Difference"], 4: ["C", "95% CI"]}
    assert comparison_matrix(matrix, ["A", "B"]) == [("B", 1, 2, None), ("C", 3, 4, None)]


def test_a_difference_of_two_times_is_no_comparison_of_arms():
    # "Before | After | Mean difference": one group's change, whatever the arithmetic
    got = _rows("| Weight | 80.1 | 78.0 | 2.10 | 1.2-3.0 | 0.001 |", "| Waist | 95.2 | 93.0 | 2.20 | 1.1-3.3 | 0.002 |",
                header="| Variable | Mean | Mean | Mean Difference | 95%CI | P-Value |",
                second="|  | Before | After |  |  |  |")
    assert got == []


def test_effect_cells_printed_with_decimal_commas():
    from evidence_review.extract.table_reader import parse_effect_cell
    got = {c: (lambda r: r and (r["value"], r["ci_low"], r["ci_high"], r["value_text"]))(parse_effect_cell(c))
           for c in ("1,45 (0,98-2,12)", "-0,35 (-0,80 to 0,10)", "0,2700")}
    assert got == {"1,45 (0,98-2,12)": (1.45, 0.98, 2.12, "1,45 (0,98-2,12)"),
                   "-0,35 (-0,80 to 0,10)": (-0.35, -0.8, 0.1, "-0,35 (-0,80 to 0,10)"), "0,2700": (0.27, None, None, "0,2700")}
    # a comma that may be a thousands separator stays one
    assert parse_effect_cell("1,200 (1,100-1,300)")["value"] == 1200.0


def test_one_resolved_arm_column_and_one_the_study_model_does_not_know():
    text = ("Women were randomly assigned to ketorolac (n = 40) or to the comparator regimen (n = 40).\n" + CAPTION + "\n"
            + HEADER + "\n|  | Ketorolac | KX-R |  |  |  |\n| < 30 | 14.5 | 16.0 | -1.48 | -5.2-2.3 | 0.41 |\n"
            "| ≥ 30 | 18.5 | 17.1 | 1.37 | -3.9-6.6 | 0.52 |\n")
    _, rows = _read(text, HEADER, CAPTION, header_rows=2)
    got = [(r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"]
    assert got == [(-1.48, -5.2, 2.3, "ketorolac", "kx-r"), (1.37, -3.9, 6.6, "ketorolac", "kx-r")]


# two resolved arms whose roles (control first, the experimental arm second) say the other order than the printed
# difference, "Group K | Group M | Difference": 41.6 − 41.2 = 0.4 is group K minus group M
ORDER_TEXT = ("In this randomized controlled study, 90 patients were randomly allocated into two groups: Magnesium "
              "(group M) and control (group K). Group M (n = 44) received magnesium, group K (n = 45) saline.\n"
              "Table 3. Recovery scores\n"
              "| Variable | Group K (n=45) | Group M (n=44) | Difference (95% CI) | P |\n"
              "| Preoperative | 41.6 ± 1.7 | 41.2 ± 2.0 | 0.4 (-0.4 to 1.2) | 0.31 |\n"
              "| Day 1 | 28.1 ± 3.6 | 31.5 ± 4.9 | -3.4 (-5.2 to -1.6) | 0.002 |\n"
              "| Day 2 | 33.2 ± 2.8 | 34.6 ± 1.9 | -1.4 (-2.4 to -0.4) | 0.011 |\n"
              "| Day 3 | 2 (1-3) | 2 (1-3) | 0 (0 to 0) | 0.90 |\n")


def test_the_printed_arithmetic_orders_the_arms_of_a_difference_column():
    header = ORDER_TEXT.split("\n")[2]
    study, rows = _read(ORDER_TEXT, header, "Table 3. Recovery scores")
    assert {a.name.lower(): a.role for a in study.arms if a.name.lower().startswith("group")} == \
        {"group k": "control", "group m": "experimental"}
    got = [(r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"]
    # every row, the unchecked "0 (0 to 0)" too, group K (the control) against group M as the arithmetic prints them
    assert got == [(0.4, "control", "magnesium"), (-3.4, "control", "magnesium"), (-1.4, "control", "magnesium"),
                   (0.0, "control", "magnesium")]


def test_printed_order_needs_two_rows_and_no_row_against_it():
    from evidence_review.extract.table_effects import printed_order
    rows = [("0.2 (-0.5 to 0.9)", "37.4 ± 1.5", "37.2 ± 1.9"), ("-3.0 (-4.9 to -1.2)", "25.8 ± 3.4", "28.8 ± 5.3")]
    assert printed_order(rows) == (0, 1)
    assert printed_order([(d, b, a) for d, a, b in rows]) == (1, 0)
    assert printed_order(rows[:1]) is None                       # one row proves nothing
    assert printed_order(rows + [("3.0", "25.8", "28.8")]) is None     # a row printing the reverse: no order
    # an adjusted difference that is neither arm's difference says nothing
    assert printed_order([("1.9 (0.2 to 3.6)", "37.4", "37.2"), ("-0.7", "25.8", "28.8")]) is None
