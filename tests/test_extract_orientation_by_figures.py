"""Orientation decided by the document's own figures and names: a table's mean difference turned to the arms its
means make it (`orientation.orient_by_means`), an arm named by the strategy of controlling something ("intensive
glucose control") kept apart from the control arm, and a difference an arm is said to have made set against the
other arm, not baseline."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.lexicon import find_drugs
from evidence_review.extract.orientation import orient_by_means
from evidence_review.extract.pipeline import extract_one
from evidence_review.extract.study import build_study


def _comparisons(text: str, structure: dict | None = None) -> list[tuple]:
    rows, _, errors = extract_one("doc", text, structure=structure)
    assert not errors
    return [(r["measure"], round(float(r["value"]), 3), r["intervention"], r["comparator"]) for r in rows
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


_CODED = ("A randomised trial of a pedometer programme\n\nMethods: Participants were randomised to group A, who "
          "received a pedometer programme (n = 52), or group B, who received advice only (n = 50).\nResults:\n{table}\n")


def _table_text(header: str, row: str) -> tuple[str, dict]:
    table = f"| Outcome | {header} | Mean difference (95% CI) |\n| Daily minutes of walking | {row} |"
    text = _CODED.format(table=table)
    return text, {"tables": [pipe_table(text, text.split("\n")[text.split("\n").index(table.split("\n")[0])])]}


def test_a_tables_difference_follows_the_arms_its_means_make_it():
    # the control column first, the difference the programme's mean minus the control's: group A against group B
    text, structure = _table_text("Group B (n = 50) | Group A (n = 52)", "31.2 ± 9.8 | 38.7 ± 10.4 | 7.5 (3.6 to 11.4)")
    assert [(m, v, i, c) for m, v, i, c in _comparisons(text, structure) if m == "MD"] == [("MD", 7.5, "group a", "group b")]


def test_a_tables_difference_the_means_make_as_printed_keeps_its_arms():
    text, structure = _table_text("Group A (n = 52) | Group B (n = 50)", "38.7 ± 10.4 | 31.2 ± 9.8 | 7.5 (3.6 to 11.4)")
    assert [(m, v, i, c) for m, v, i, c in _comparisons(text, structure) if m == "MD"] == [("MD", 7.5, "group a", "group b")]


def _row(measure, value, intervention, comparator="", outcome="walking", timepoint=""):
    return {"measure": measure, "value": value, "intervention": intervention, "comparator": comparator,
            "outcome": outcome, "timepoint": timepoint, "n_intervention": 1, "n_comparator": 2}


def test_orient_by_means_leaves_an_adjusted_difference_matching_neither_way():
    found = [_row("MEAN", 31.2, "b"), _row("MEAN", 38.7, "a"), _row("MD", 5.9, "b", "a")]
    orient_by_means([found])
    assert (found[2]["intervention"], found[2]["comparator"]) == ("b", "a")


def test_orient_by_means_needs_the_means_of_the_same_outcome_and_time():
    found = [_row("MEAN", 31.2, "b", timepoint="baseline"), _row("MEAN", 38.7, "a", timepoint="baseline"),
             _row("MD", 7.5, "b", "a", timepoint="week 12")]
    orient_by_means([found])
    assert (found[2]["intervention"], found[2]["comparator"]) == ("b", "a")


def test_orient_by_means_turns_every_row_of_the_comparison_with_its_sizes():
    found = [_row("MEAN", 31.2, "b"), _row("MEAN", 38.7, "a"), _row("MD", 7.5, "b", "a"),
             _row("MD", 1.1, "b", "a", outcome="steps")]
    orient_by_means([found])
    assert [(r["intervention"], r["comparator"], r["n_intervention"]) for r in found[2:]] == [("a", "b", 2), ("a", "b", 2)]


# --- an arm named by the strategy of controlling something

def test_strategy_arms_are_arms_of_their_own_names():
    text = ("A randomised trial\n\nMethods: Adults with type 2 diabetes were randomly assigned to intensive glucose "
            "control (n = 120) or standard glucose control (n = 118).\n")
    study = build_study("doc", text)
    assert [(a.canonical, a.role, a.n) for a in study.arms] == [
        ("intensive glucose control", "experimental", 120), ("standard glucose control", "control", 118)]


def test_a_strategy_called_by_fewer_words_in_the_results_is_its_arm():
    text = ("A randomised trial\n\nMethods: Adults with type 2 diabetes were randomly assigned to intensive glucose "
            "control (n = 120) or standard glucose control (n = 118).\nResults: Intensive control increased the risk "
            "of severe hypoglycaemia (HR 2.45, 95% CI 1.60 to 3.75).\n")
    assert _comparisons(text) == [("HR", 2.45, "intensive glucose control", "standard glucose control")]


def test_control_reached_or_a_control_group_is_no_strategy():
    assert [m.canonical for m in find_drugs("compared with the control group")] == ["control"]
    assert not find_drugs("glucose control was achieved in 40%")
    study = build_study("doc", "Methods: Participants were randomly assigned to the exercise group (n = 30) or the "
                               "control group (n = 31) to improve glycaemic control.\n")
    assert [(a.canonical, a.role) for a in study.arms] == [("exercise", "experimental"), ("control", "control")]


# --- a difference an arm made is against the other arm

def test_a_difference_an_arm_made_is_against_the_other_arm():
    text = ("A randomised trial\n\nMethods: Patients were randomly assigned to early cholecystectomy (n = 80) or "
            "delayed cholecystectomy (n = 79).\nResults: Early cholecystectomy reduced the length of hospital stay "
            "(mean difference -2.6 days; 95% CI -3.4 to -1.8).\n")
    assert _comparisons(text) == [("MD", -2.6, "early cholecystectomy", "delayed cholecystectomy")]


def test_a_change_within_an_arm_since_baseline_is_not_against_the_other_arm():
    text = ("A randomised trial\n\nMethods: Patients were randomly assigned to early cholecystectomy (n = 80) or "
            "delayed cholecystectomy (n = 79).\nResults: Early cholecystectomy reduced pain scores from baseline "
            "(mean difference -2.6 points; 95% CI -3.4 to -1.8).\n")
    # (the pipeline keeps a change against the arm's own baseline as that arm's change, no comparison of the arms)
    assert not [c for c in _comparisons(text) if c[3] == "delayed cholecystectomy"]


# --- a table column whose header compares two arms

_DOSES = ("A randomised trial\n\nMethods: Adults with asthma were randomized to fluticasone 100 µg (n = 90), fluticasone "
          "250 µg (n = 92) or placebo (n = 91).\nResults: See Table 2.\n\nTable 2. Exacerbations\n{}\n")


def test_each_value_of_a_table_takes_the_pair_its_column_header_compares():
    table = ("| Outcome | Fluticasone 100 µg vs placebo | Fluticasone 250 µg vs placebo | 250 µg vs 100 µg |\n"
             "| Rate ratio (95% CI) | 0.74 (0.55 to 0.99) | 0.58 (0.42 to 0.80) | 0.78 (0.56 to 1.09) |")
    assert _comparisons(_DOSES.format(table)) == [
        ("IRR", 0.74, "fluticasone 100 µg", "placebo"), ("IRR", 0.58, "fluticasone 250 µg", "placebo"),
        ("IRR", 0.78, "fluticasone 250 µg", "fluticasone 100 µg")]


def test_column_comparison_reads_only_a_header_naming_two_arms():
    from evidence_review.extract.orientation import column_comparison
    arms = {"drug a": "drug a", "placebo": "placebo"}

    def resolve(name):
        return arms.get(name.strip().lower(), "")
    scan = "Table 2.\n| Outcome | Drug A vs placebo | Drug A | P |\n| Death | 0.80 (0.6 to 1.1) | 12 (10%) | 0.2 |"
    assert column_comparison(scan, scan.index("0.80"), resolve) == ("drug a", "placebo")
    # an arm's own column, a p-value's column, and a header naming one arm twice compare nothing
    assert column_comparison(scan, scan.index("12 ("), resolve) is None
    assert column_comparison(scan, scan.index("0.2 |"), resolve) is None
    same = "| Outcome | Drug A vs drug A |\n| Death | 0.80 (0.6 to 1.1) |"
    assert column_comparison(same, same.index("0.80"), resolve) is None
    # a sentence outside a table
    assert column_comparison("Drug A vs placebo: 0.80 (0.6 to 1.1).", 19, resolve) is None


# --- a model's factor rows under the rows of the arms

_COX = ("A randomised trial\n\nMethods: Patients were randomly assigned to ticagrelor (n = 400) or clopidogrel "
        "(n = 398).\nResults: See Table 3.\n\nTable 3. {caption}\n{table}\n")


def test_a_row_naming_no_arm_in_a_table_of_the_arms_rows_is_a_factor():
    table = ("| Variable | HR (95% CI) | P |\n| Clopidogrel | 1.00 (reference) | |\n"
             "| Ticagrelor | 0.79 (0.65 to 0.96) | 0.02 |\n| Diabetes | 1.52 (1.20 to 1.93) | <0.001 |")
    rows = _comparisons(_COX.format(caption="Cox model for the primary end point", table=table))
    assert rows == [("HR", 0.79, "ticagrelor", "clopidogrel"), ("HR", 1.52, "Diabetes", "reference")]


def test_outcome_rows_of_a_table_without_arm_rows_keep_the_trials_arms():
    table = ("| Outcome | HR (95% CI) | P |\n| Death | 0.79 (0.65 to 0.96) | 0.02 |\n"
             "| Stroke | 1.12 (0.80 to 1.57) | 0.5 |")
    rows = _comparisons(_COX.format(caption="Outcomes, ticagrelor versus clopidogrel", table=table))
    assert rows == [("HR", 0.79, "ticagrelor", "clopidogrel"), ("HR", 1.12, "ticagrelor", "clopidogrel")]


# --- a table of subgroups compares the trial's arms in each subgroup

_SUBGROUPS = ("A randomised trial of early surgery\n\nMethods: Patients were randomly assigned to early surgery "
              "(n = 310) or delayed surgery (n = 305).\nResults: Subgroup analyses are shown in Table 3.\n\n"
              "Table 3. Subgroup analysis of mortality\n{table}\n")


def _table_rows(table: str, caption: str) -> list[tuple]:
    text = _SUBGROUPS.format(table=table)
    header = table.split("\n")[0]
    structure = {"tables": [pipe_table(text, header, caption=caption)]}
    rows, _, errors = extract_one("doc", text, structure=structure)
    assert not errors
    return [(r["value"], r["intervention"], r["comparator"], r["role"]) for r in rows if r["measure"] == "OR"]


def test_a_subgroup_rows_ratio_is_the_trials_arms_in_that_subgroup():
    table = ("| Subgroup | No. of patients | Odds ratio (95% CI) | P for interaction |\n"
             "| Age < 75 years | 250 | 0.71 (0.40 to 1.26) | 0.7 |\n| Age ≥ 75 years | 365 | 0.64 (0.41 to 1.00) | |\n"
             "| Women | 402 | 0.69 (0.45 to 1.06) | 0.9 |")
    assert _table_rows(table, "Table 3. Subgroup analysis of mortality") == [
        (0.71, "early surgery", "delayed surgery", "subgroup"), (0.64, "early surgery", "delayed surgery", "subgroup"),
        (0.69, "early surgery", "delayed surgery", "subgroup")]


def test_a_table_of_factors_keeps_each_factor_against_its_reference():
    table = ("| Variable | Adjusted OR (95% CI) | P |\n| Age ≥ 75 years | 1.85 (1.10 to 3.11) | 0.02 |\n"
             "| Diabetes | 1.40 (0.90 to 2.18) | 0.13 |")
    text = _SUBGROUPS.replace("Subgroup analyses are shown in Table 3.", "Table 3 shows the multivariable model.") \
        .replace("Table 3. Subgroup analysis of mortality", "Table 3. Factors associated with mortality (multivariable "
                                                            "logistic regression)").format(table=table)
    structure = {"tables": [pipe_table(text, table.split("\n")[0], caption="Table 3. Factors associated with mortality")]}
    rows, _, _ = extract_one("doc", text, structure=structure)
    ratios = [(r["value"], r["intervention"], r["comparator"]) for r in rows if r["measure"] == "OR"]
    assert [v for v, _, _ in ratios] == [1.85, 1.4]
    assert all(i not in ("early surgery", "delayed surgery") and c not in ("early surgery", "delayed surgery")
               for _, i, c in ratios)


def test_an_estimate_within_a_group_of_people_keeps_the_trials_arms():
    text = ("A randomised trial of early surgery\n\nMethods: Patients were randomly assigned to early surgery (n = 310) "
            "or delayed surgery (n = 305).\nResults: The effect on mortality was similar in patients aged 75 years or "
            "older (OR 0.64, 95% CI 0.41 to 1.00) and in those younger than 75 years (OR 0.71, 95% CI 0.40 to 1.26).\n")
    assert _comparisons(text) == [("OR", 0.64, "early surgery", "delayed surgery"),
                                  ("OR", 0.71, "early surgery", "delayed surgery")]
