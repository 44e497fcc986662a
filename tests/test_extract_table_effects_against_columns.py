"""Effect columns read as the arms' comparison, never as an arm's figures (issue #13; error classes counted on blind
batch 49): a "Difference from placebo" column under each arm's span ("difference±SE (low;high)" cells, an effect size
in a bracket of its own after them, or bare differences) is that arm against placebo; a "Difference or ratio (95%
CI) P value" column is an effect column whose cells close with their p, its rows of counts the arms' ratio; a
footnote opening with a mark only some body cells carry speaks for those cells, so the table-wide "Data are
expressed as least squares mean (standard error)" declares the SE of every other cell; in prose, a "Δ" before the
value is a difference in the scale's units, whatever effect size the sentence names after it.
Every table and sentence here is written for the test, numbers and names changed."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract import extract_document
from evidence_review.extract.table_effects import counted_ratio, without_named_effect_size
from evidence_review.extract.table_reader import _effect_cell
from evidence_review.extract.textscan import scan_view

ARM_LEVEL = ("PROPORTION", "MEAN", "MEDIAN")
METHODS = ("Adults were randomly assigned to drugamab 10 mg (n = 120), drugonib 40 mg (n = 118) or placebo "
           "(n = 121).\n")


# ------------------------------------------------------------------------- "Difference from placebo" under each arm
SPAN_HEADER = ("| | Placebo (n=110) | Drugamab 10 mg (n=114) | Drugamab 10 mg (n=114) | Drugamab 10 mg (n=114) | "
               "Drugonib 40 mg (n=112) | Drugonib 40 mg (n=112) | Drugonib 40 mg (n=112) |")
LEAF_HEADER = ("| | Change from baseline | Change from baseline | Difference from placebo | P-value | "
               "Change from baseline | Difference from placebo | P-value |")


def _spans(rows_text: str):
    text = f"{METHODS}Table 2. Efficacy at week 12 (LS mean±SE (95% CI))\n{SPAN_HEADER}\n{LEAF_HEADER}\n{rows_text}"
    return read_pipe_table(text, SPAN_HEADER, caption="Table 2. Efficacy at week 12 (LS mean±SE (95% CI))",
                           header_rows=2)[1]


def test_a_difference_from_placebo_column_under_an_arms_span_is_that_arm_against_placebo():
    rows = _spans("""| Symptom score | 3.12\u00b10.51 | 4.87\u00b10.50 | 1.62\u00b10.71 (0.22;3.02) (standardized effect size 0.241) | 0.023 | 4.15\u00b10.49 | 1.03\u00b10.70 (\u22120.35;2.41) (standardized effect size 0.152) | 0.143 |
| Fatigue score | \u22125.8\u00b10.55 | \u22128.1\u00b10.54 | \u22122.3\u00b10.77 (\u22123.8;\u22120.8) | 0.003 | \u22128.9\u00b10.52 | \u22123.1\u00b10.76 (\u22124.6;\u22121.6) | <0.001 |
| Walking time (s) | \u22126.12 | \u22127.95 | \u22121.83 | 0.391 | \u22127.04 | \u22120.92 | 0.612 |
""")
    effects = [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["intervention"], r["comparator"])
               for r in rows if r["measure"] not in ARM_LEVEL]
    assert [e[:5] for e in effects] == [
        ("MD", 1.62, 0.22, 3.02, 0.023), ("MD", 1.03, -0.35, 2.41, 0.143),
        ("MD", -2.3, -3.8, -0.8, 0.003), ("MD", -3.1, -4.6, -1.6, None),
        ("MD", -1.83, None, None, 0.391), ("MD", -0.92, None, None, 0.612)]
    assert all(e[6] == "placebo" and e[5] != "placebo" for e in effects)
    assert {e[5] for e in effects[0::2]} != {e[5] for e in effects[1::2]}     # each span's own arm
    # the difference column is no arm's figure: each row gives the three arms' changes only
    means = [(r["value"], r["intervention"]) for r in rows if r["measure"] == "MEAN"]
    assert [v for v, _ in means] == [3.12, 4.87, 4.15, -5.8, -8.1, -8.9, -6.12, -7.95, -7.04]


def test_an_effect_cell_prints_its_standard_error_after_a_plus_minus_and_its_effect_size_in_a_bracket():
    cell = _effect_cell(scan_view("\u22122.6\u00b10.78 (\u22124.1;\u22121.0)"), "DIFF", "Difference from placebo")
    assert (cell["value"], cell["ci_low"], cell["ci_high"], cell["se"]) == (-2.6, -4.1, -1.0, 0.78)
    assert without_named_effect_size("1.75\u00b10.74 (0.28;3.21) (standardized effect size 0.254)") == \
        "1.75\u00b10.74 (0.28;3.21)"
    assert without_named_effect_size("0.41 (ES 0.33)") == "0.41"
    # a mean with its spread and nothing after it is no estimate ("HR" over a heart rate's "87.40 ± 19.30")
    assert _effect_cell("87.40 \u00b1 19.30", "HR", "HR") is None
    # a bracket that is no effect size stays
    assert without_named_effect_size("1.75 (0.28;3.21)") == "1.75 (0.28;3.21)"


# ------------------------------------------------------------------- "Difference or ratio (95% CI) P value" column
RATIO_HEADER = ("| | Placebo (n = 50) | Placebo (n = 50) | Drugamab (n = 52) | Drugamab (n = 52) | "
                "Difference or ratio (95% confidence interval) P value |")
RATIO_LEAVES = ("| | Mean baseline | Mean change from baseline | Mean baseline | Mean change from baseline | "
                "Difference or ratio (95% confidence interval) P value |")
RATIO_ROWS = """| Irritability score | 24.3 (1.1) | \u22126.9 (1.3) | 25.0 (1.1) | \u221210.8 (1.2) | \u22123.91 (\u22127.40, \u22120.42) 0.028 |
| Response rate | | 10 (20.0) | | 21 (40.4) | 2.02 (1.05, 3.88) 0.031 |
| Global score | 4.9 (0.1) | \u22120.8 (0.2) | 5.0 (0.1) | \u22121.5 (0.1) | \u22120.66 (\u22121.05, \u22120.27) 0.001 |
"""
RATIO_NOTES = ("Data are expressed as least squares mean (standard error)\na Number of patients (%)\n"
               "b Difference between drugamab and placebo\nc Ratio between drugamab and placebo")


def _ratio_table():
    methods = "Children were randomly assigned to drugamab or placebo.\n"
    text = f"{methods}Table 2. Efficacy endpoints\n{RATIO_HEADER}\n{RATIO_LEAVES}\n{RATIO_ROWS}{RATIO_NOTES}\n"
    from table_grids import pipe_table
    from evidence_review.extract.study import build_study
    from evidence_review.extract.table_reader import read_table
    table = pipe_table(text, RATIO_HEADER, caption="Table 2. Efficacy endpoints", header_rows=2)
    table["end"] = text.index(RATIO_NOTES) + len(RATIO_NOTES)
    # the markup's footnote letters, kept apart from the cells' texts as ingestion keeps them
    for cell in table["cells"]:
        if cell["row"] == 3 and cell["col"] in (2, 4):
            cell["marks"] = ["a"]
        elif cell["col"] == 5 and not cell["header"]:
            cell["marks"] = ["c" if cell["row"] == 3 else "b"]
    return read_table("d", text, table, build_study("d", text, {"tables": [table]}))


def test_a_difference_or_ratio_column_closing_with_its_p_is_an_effect_column():
    rows = _ratio_table()
    effects = [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["p_value"], r["intervention"], r["comparator"])
               for r in rows if r["measure"] not in ARM_LEVEL]
    assert effects == [("MD", -3.91, -7.4, -0.42, 0.028, "drugamab", "placebo"),
                       ("RR", 2.02, 1.05, 3.88, 0.031, "drugamab", "placebo"),
                       ("MD", -0.66, -1.05, -0.27, 0.001, "drugamab", "placebo")]


def test_a_footnote_of_a_mark_only_some_cells_carry_leaves_the_table_wide_declaration_to_the_others():
    rows = _ratio_table()
    means = [(r["value"], r["se"]) for r in rows if r["measure"] == "MEAN"]
    assert means[:4] == [(24.3, 1.1), (-6.9, 1.3), (25.0, 1.1), (-10.8, 1.2)]
    assert [(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"] == [(10, 50), (21, 52)]


def test_a_ratio_of_counts_under_a_difference_or_ratio_header_is_the_kind_the_shares_compute():
    header = "Difference or ratio (95% CI) P value"
    assert counted_ratio(header, 2.02, 1.05, [0.2, 0.404], "2.02 (1.05, 3.88) 0.031") == "RR"
    # (0.60/0.40) / (0.30/0.70) = 3.50: the odds ratio, the risk ratio being 2.00
    assert counted_ratio(header, 3.5, 1.4, [0.3, 0.6], "3.50 (1.40, 8.75)") == "OR"
    # a negative bound, or the shares' own difference, is a difference; another header says nothing
    assert counted_ratio(header, 0.1, -0.05, [0.3, 0.4], "0.10 (-0.05, 0.25)") is None
    assert counted_ratio(header, 10.0, 2.0, [0.3, 0.4], "10.0 (2.0, 18.0)") is None
    assert counted_ratio("Difference (95% CI)", 2.02, 1.05, [0.2, 0.404], "2.02") is None


# ------------------------------------------------------------------------------------------------- Δ in prose
def test_a_delta_before_the_value_is_a_mean_difference_whatever_effect_size_the_sentence_names():
    text = (METHODS + "The difference from placebo was significant for drugamab (\u0394 +1.62, 95% CI: 0.22, 3.02; "
            "P=0.023; ANCOVA, OC), with a standardized effect size of 0.241. The walking time (\u0394 \u22121.83, "
            "95% CI: \u22123.10, \u22120.56; P=0.005) improved with drugamab versus placebo.")
    effects = [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in extract_document("d", text, "d.txt")
               if r["measure"] not in ARM_LEVEL]
    assert ("MD", 1.62, 0.22, 3.02) in effects
    assert ("MD", -1.83, -3.1, -0.56) in effects
    assert ("SMD", 0.241, None, None) in effects
    assert not [e for e in effects if e[0] == "SMD" and e[1] != 0.241]


# ------------------------------------------------------------------ "Mean difference (SE of the difference)" column
def test_a_difference_column_naming_the_standard_error_of_the_difference_reads_the_bracket_as_its_se():
    header = "| Outcome | Measure | N | Intervention | N | Control | Mean difference (SE of the difference) |"
    text = ("Patients were randomly assigned to the intervention or to control.\nTable 3. Comparison of outcomes\n"
            f"{header}\n| Stay (hours) | Arithmetic mean (SD) | 90 | 231.4 (288.0) | 97 | 210.2 (250.3) | 21.20 (39.10) |\n")
    rows = read_pipe_table(text, header, caption="Table 3. Comparison of outcomes")[1]
    assert [(r["measure"], r["value"], r["se"]) for r in rows if r["measure"] not in ARM_LEVEL] == [("MD", 21.2, 39.1)]
    cell = _effect_cell("21.20 (39.10)", "MD", "Mean difference (SE of the difference)")
    assert (cell["value"], cell["se"], cell["ci_low"]) == (21.2, 39.1, None)


# ------------------------------------------------------------- effects by stratum, the interval in its own column
def test_a_between_groups_difference_by_stratum_is_each_strata_mean_difference_with_its_interval():
    header = "| Endpoint | Point prescription | n | Difference between groups | 95% C.I. |"
    text = ("Patients were randomly assigned to acupuncture or placebo.\nTable 4. Effect of point prescription on "
            f"outcome\n{header}\n| Breathlessness score | Initial | 14 | -0.31 | -1.28, 0.66 |\n"
            "| | Modified | 19 | 0.92 | -0.15, 1.99 |\n")
    rows = read_pipe_table(text, header, caption="Table 4. Effect of point prescription on outcome")[1]
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["outcome"], r["subgroup"]) for r in rows] == [
        ("MD", -0.31, -1.28, 0.66, "Breathlessness score", "point prescription: initial"),
        ("MD", 0.92, -0.15, 1.99, "Breathlessness score", "point prescription: modified")]


def test_a_bare_estimate_after_the_groups_differed_is_their_difference_not_the_ratio_named_before():
    text = ("Patients were randomized to coaching or usual care. The relative risk of admission for coaching was 0.79 "
            "(0.52-1.21, P =.28) compared with usual care. Health status (EQ-5D) between the groups differed "
            "significantly with better health status for the coaching group (0.061, 95% CI 0.011-0.12, P =.02).")
    effects = [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in extract_document("d", text, "d.txt")
               if r["measure"] not in ARM_LEVEL]
    assert effects == [("RR", 0.79, 0.52, 1.21), ("MD", 0.061, 0.011, 0.12)]
