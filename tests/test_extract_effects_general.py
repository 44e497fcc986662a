"""General shapes of comparative effects, on text written for these tests (a drug the lexicon does not know against
placebo): an interval labelled without its level, a unit between a named value and its interval, a figure inside
an outcome's name, and in tables: a "Difference" beside two arms' plain figures, a p-value after the interval in one
cell, an interval column under a spanning effect header, a generic effect column whose measure the footnote
declares, two estimates' columns that are no outcome split, and an arm's figure with its interval in a table the
reader left unread (no effect)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.pipeline import extract_one
from evidence_review.extract.table_effects import declared_measure, difference_of_plain_figures, generic_effect_measure

TRIAL = "Adults were randomly assigned to tolvarest (n = 58) or placebo (n = 57). "


def _effects(text: str) -> list[tuple]:
    rows = extract_document("doc", TRIAL + text, "doc.txt")
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


# ------------------------------------------------------------------------------------------------ sentences
@pytest.mark.parametrize("sentence, expected", [
    ("Recovery was faster with tolvarest (odds ratio 3.4, confidence interval 1.7 to 6.8).", ("OR", 3.4, 1.7, 6.8)),
    ("Recovery was faster with tolvarest (hazard ratio 1.52; credible interval 1.10-2.09).", ("HR", 1.52, 1.1, 2.09)),
])
def test_an_interval_labelled_without_its_level_is_the_values(sentence, expected):
    assert _effects(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Tolvarest lengthened the walk test (mean difference 41 m, 95% CI 18-64 m).", ("MD", 41.0, 18.0, 64.0)),
    ("Pulse was slower with tolvarest (mean difference -5.1 beats/min; 95% CI -7.3 to -2.9).",
     ("MD", -5.1, -7.3, -2.9)),
    ("Ferritin rose more with tolvarest (MD 0.6 g/dL [95% CI 0.2 to 1.0]).", ("MD", 0.6, 0.2, 1.0)),
    ("Sit-to-stand time fell with tolvarest (placebo-adjusted difference -3 seconds, 95% CI -5 to -1).",
     ("MD", -3.0, -5.0, -1.0)),
])
def test_a_unit_between_a_named_value_and_its_interval(sentence, expected):
    assert _effects(sentence) == [expected]


def test_a_unit_without_a_labelled_interval_after_it_takes_no_pair():
    # "(12-18 m)" is no interval of the difference: no label says so, and the pair does not hold the value
    rows = _effects("The mean difference was 41 m (12-18 m of corridor).")
    assert [(m, v, lo, hi) for m, v, lo, hi in rows] == [("MD", 41.0, None, None)]


@pytest.mark.parametrize("sentence, expected", [
    ("The treatment effect on FEV1 was 95 mL (95% CI 40 to 150 mL).", ("MD", 95.0, 40.0, 150.0)),
    ("The treatment effect on IL-6 was -2.2 pg/mL (95% CI -3.5 to -0.9).", ("MD", -2.2, -3.5, -0.9)),
])
def test_a_figure_inside_an_outcomes_name_is_no_figure_between_name_and_value(sentence, expected):
    assert _effects(sentence) == [expected]


def test_a_one_letter_time_code_between_name_and_value_still_breaks_the_naming():
    # "between T1 and T3" names the times of one group's change: the difference is no estimate between arms
    rows = _effects("The mean differences between the time points T1 and T3 were 0.41 W/kg (±0.20) in the "
                    "tolvarest group and 0.27 W/kg (±0.16) in the placebo group.")
    assert rows == []


# ------------------------------------------------------------------------------------------------ tables
def _table(header: str, *body: str, footnote: str = "", header_rows: int = 1, caption: str = "Table 2. Outcomes") \
        -> list[tuple]:
    from table_grids import pipe_table
    lines = [header, *body]
    text = TRIAL + "\n" + caption + "\n" + "\n".join(lines) + "\n" + (footnote + "\n" if footnote else "")
    table = pipe_table(text, header, caption=caption, header_rows=header_rows)
    if footnote:
        table["end"] = text.index(footnote) + len(footnote)
    rows = extract_one("doc", text, "doc.xml", "", structure={"tables": [table]})[0]
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["p_value"]) for r in rows
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


ARMS = "| Outcome | Tolvarest (n = 58) | Placebo (n = 57) |"


def test_a_difference_beside_two_arms_plain_figures_is_their_mean_difference():
    rows = _table(ARMS + " Difference | 95% CI | P |",
                  "| Sleep latency | 22.4 | 30.1 | -7.7 | -12.0 to -3.4 | 0.001 |",
                  "| Night wakings | 2.1 | 2.9 | -0.8 | -1.5--0.1 | 0.03 |")
    assert rows == [("MD", -7.7, -12.0, -3.4, 0.001), ("MD", -0.8, -1.5, -0.1, 0.03)]


@pytest.mark.parametrize("figures, difference, described, expected", [
    ([22.4, 30.1], -7.7, "Sleep latency Difference", True),
    ([30.1, 22.4], -7.7, "Sleep latency Difference", True),         # printed the other way round
    ([22.4, 30.1], -3.0, "Sleep latency Difference", False),        # not their difference
    ([22.4, 30.1, 28.0], -7.7, "Sleep latency Difference", False),  # three arms: which two?
    ([22.4, 30.1], -7.7, "Median sleep latency Difference", False),  # a difference of medians
])
def test_difference_of_plain_figures(figures, difference, described, expected):
    assert difference_of_plain_figures(difference, figures, described) is expected


def test_a_difference_not_of_the_two_plain_figures_stays_unread():
    rows = _table(ARMS + " Difference | 95% CI |",
                  "| Sleep latency | 22.4 | 30.1 | -2.0 | -4.0 to 0.0 |",
                  "| Night wakings | 2.1 | 2.9 | -1.9 | -2.5 to -1.3 |")
    assert rows == []


def test_a_p_value_after_the_interval_in_one_cell_when_the_header_names_it():
    rows = _table(ARMS + " HR (95% CI), P |",
                  "| Death | 9 (15.5) | 16 (28.1) | 0.49 (0.22–1.10), 0.08 |",
                  "| Stroke | 3 (5.2) | 8 (14.0) | 0.36 (0.10–1.35), 0.13 |")
    assert rows == [("HR", 0.49, 0.22, 1.1, 0.08), ("HR", 0.36, 0.1, 1.35, 0.13)]


def test_a_bare_number_after_the_interval_without_a_p_header_is_no_cell_of_an_effect():
    rows = _table(ARMS + " HR (95% CI) |",
                  "| Death | 9 (15.5) | 16 (28.1) | 0.49 (0.22–1.10), 0.08 |",
                  "| Stroke | 3 (5.2) | 8 (14.0) | 0.36 (0.10–1.35), 0.13 |")
    assert [r for r in rows if r[4] in (0.08, 0.13)] == []


def test_an_interval_column_under_a_spanning_effect_header():
    rows = _table(ARMS + " Odds ratio | Odds ratio |",
                  "| | | | Estimate | 95% CI |",
                  "| Recovery | 33 (56.9) | 21 (36.8) | 2.27 | 1.08 to 4.76 |",
                  "| Relapse | 6 (10.3) | 14 (24.6) | 0.35 | 0.13 to 0.99 |", header_rows=2)
    assert rows == [("OR", 2.27, 1.08, 4.76, None), ("OR", 0.35, 0.13, 0.99, None)]


def test_an_interval_column_under_a_spanning_comparison():
    rows = _table("| Outcome | Tolvarest | Placebo | Tolvarest vs placebo | Tolvarest vs placebo |",
                  "| | n = 58 | n = 57 | RR | 95% CI |",
                  "| Recovery | 33 (56.9) | 21 (36.8) | 1.55 | 1.03–2.32 |",
                  "| Relapse | 6 (10.3) | 14 (24.6) | 0.42 | 0.17–1.02 |", header_rows=2)
    assert rows == [("RR", 1.55, 1.03, 2.32, None), ("RR", 0.42, 0.17, 1.02, None)]


def test_a_generic_effect_column_takes_the_measure_its_footnote_declares():
    rows = _table(ARMS + " Effect (95% CI) |",
                  "| Death | 9 (15.5) | 16 (28.1) | 0.49 (0.22–1.10) |",
                  "| Stroke | 3 (5.2) | 8 (14.0) | 0.36 (0.10–1.35) |",
                  footnote="Effects are hazard ratios from a Cox model stratified by site.")
    assert [r[:4] for r in rows] == [("HR", 0.49, 0.22, 1.1), ("HR", 0.36, 0.1, 1.35)]


def test_a_ratio_column_takes_the_ratio_its_footnote_declares():
    rows = _table(ARMS + " Ratio (95% CI)* |",
                  "| Recovery | 33 (56.9) | 21 (36.8) | 2.27 (1.08–4.76) |",
                  "| Relapse | 6 (10.3) | 14 (24.6) | 0.35 (0.13–0.99) |",
                  footnote="* Odds ratios from logistic regression.")
    assert [r[:4] for r in rows] == [("OR", 2.27, 1.08, 4.76), ("OR", 0.35, 0.13, 0.99)]


@pytest.mark.parametrize("header, measure, said, expected", [
    ("Effect (95% CI)", "DIFF", "Values are hazard ratios", "HR"),
    ("Effect (95% CI)", "DIFF", "Hazard ratios and odds ratios", "DIFF"),      # two measures: none declared
    ("Difference (95% CI)", "DIFF", "Hazard ratios from Cox models", "DIFF"),  # a difference is no ratio
    ("Difference (95% CI)", "DIFF", "Mean differences from ANCOVA", "MD"),
    ("Ratio (95% CI)", "", "Risk differences in percentage points", ""),       # a ratio is no difference
    ("OR (95% CI)", "OR", "Hazard ratios", "OR"),                              # the header's own measure stays
])
def test_generic_effect_measure(header, measure, said, expected):
    assert generic_effect_measure(header, measure, said) == expected


def test_declared_measure_of_a_standardized_difference_is_not_also_a_mean_difference():
    assert declared_measure("Standardized mean differences (Hedges g)") == "SMD"
    assert declared_measure("Mean differences adjusted for baseline") == "MD"
    assert declared_measure("HR, heart rate; BP, blood pressure") is None


def test_unadjusted_and_adjusted_estimates_are_no_outcome_split():
    rows = _table("| Outcome | Unadjusted OR (95% CI) | Adjusted OR (95% CI) |",
                  "| Recovery | 2.27 (1.08–4.76) | 2.41 (1.12–5.19) |",
                  "| Relapse | 0.35 (0.13–0.99) | 0.33 (0.12–0.95) |")
    assert sorted(r[:4] for r in rows) == sorted([("OR", 2.27, 1.08, 4.76), ("OR", 2.41, 1.12, 5.19),
                                                 ("OR", 0.35, 0.13, 0.99), ("OR", 0.33, 0.12, 0.95)])


def test_an_arms_change_with_its_interval_in_an_unread_table_is_no_effect():
    rows = _table("| Outcome | Tolvarest change (95% CI) | Placebo change (95% CI) | Difference (95% CI) |",
                  "| Sleep latency | -9.2 (-11.0 to -7.4) | -3.1 (-4.8 to -1.4) | -6.1 (-8.6 to -3.6) |",
                  "| Night wakings | -1.2 (-1.6 to -0.8) | -0.5 (-0.9 to -0.1) | -0.7 (-1.3 to -0.1) |")
    assert [r[:4] for r in rows] == [("MD", -6.1, -8.6, -3.6), ("MD", -0.7, -1.3, -0.1)]


@pytest.mark.parametrize("interval_header, cell", [
    ("95% CI of OR", "1.08–4.76"),
    ("(95% CI)", "(1.08, 4.76)"),
    ("CI 95%", "1.08 to 4.76"),
])
def test_an_interval_column_however_its_header_is_spelled(interval_header, cell):
    rows = _table(ARMS + f" OR | {interval_header} |", f"| Recovery | 33 (56.9) | 21 (36.8) | 2.27 | {cell} |",
                  "| Relapse | 6 (10.3) | 14 (24.6) | 0.35 | 0.13–0.99 |")
    assert [r[:4] for r in rows][0] == ("OR", 2.27, 1.08, 4.76)


def test_bounds_in_columns_headed_ll_and_ul():
    rows = _table(ARMS + " OR | LL | UL |", "| Recovery | 33 (56.9) | 21 (36.8) | 2.27 | 1.08 | 4.76 |",
                  "| Relapse | 6 (10.3) | 14 (24.6) | 0.35 | 0.13 | 0.99 |")
    assert [r[:4] for r in rows] == [("OR", 2.27, 1.08, 4.76), ("OR", 0.35, 0.13, 0.99)]


def test_effects_by_time_under_a_caption_declaring_the_measure():
    rows = _table("| Outcome | Week 6 | Week 12 |", "| Sleep latency | -4.1 (-6.9 to -1.3) | -6.0 (-8.8 to -3.2) |",
                  caption="Table 3. Mean differences (95% CI) between tolvarest and placebo")
    assert [r[:4] for r in rows] == [("MD", -4.1, -6.9, -1.3), ("MD", -6.0, -8.8, -3.2)]


def test_figures_by_time_under_a_caption_declaring_no_measure_are_no_effects():
    rows = _table("| Outcome | Week 6 | Week 12 |", "| Sleep latency | -4.1 (-6.9 to -1.3) | -6.0 (-8.8 to -3.2) |",
                  caption="Table 3. Sleep latency of the tolvarest group")
    assert rows == []


# ------------------------------------------------------------------------------------------------ one group's change
def _rows(text: str) -> list[tuple]:
    rows = extract_one("doc", TRIAL + text, "doc.txt", "")[0]
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"]) for r in rows]


@pytest.mark.parametrize("sentence, expected", [
    ("Within the tolvarest group, the sleep score fell by 6.3 points (95% CI 4.0 to 8.6).",
     ("MEAN", -6.3, -8.6, -4.0, "tolvarest", "")),
    ("In the tolvarest arm, the mean reduction in night wakings was 1.4 (95% CI 0.9 to 1.9).",
     ("MEAN", -1.4, -1.9, -0.9, "tolvarest", "")),
])
def test_one_groups_change_with_its_interval_is_that_groups_mean_change(sentence, expected):
    assert _rows(sentence) == [expected]


def test_a_unit_word_before_a_labelled_interval():
    rows = _effects("Sleep latency was shorter with tolvarest (difference -6.3 minutes (95% CI -8.6 to -4.0)).")
    assert rows == [("MD", -6.3, -8.6, -4.0)]


@pytest.mark.parametrize("sentence", [
    "Tolvarest reduced sleep latency by 6.3 minutes (95% CI 4.0 to 8.6) compared with placebo.",
    "Within the tolvarest group, sleep latency fell by 6.3 minutes more than with placebo (95% CI 4.0 to 8.6).",
])
def test_a_change_set_against_the_other_group_stays_a_difference(sentence):
    assert [r[:2] for r in _rows(sentence)] == [("MD", 6.3)]


# ------------------------------------------------------------------------------------------------ amounts named after them
@pytest.mark.parametrize("sentence, expected", [
    ("Tolvarest gave a 0.7-point greater improvement in the sleep score than placebo (95% CI 0.2 to 1.2).",
     ("MD", 0.7, 0.2, 1.2)),
    ("Tolvarest led to 1.9 kg greater weight gain than placebo (95% CI 0.8 to 3.0 kg).", ("MD", 1.9, 0.8, 3.0)),
    ("Tolvarest gave a 9% absolute reduction in night wakings (95% CI 2% to 16%).", ("RD", 0.09, 0.02, 0.16)),
    ("Tolvarest gave a 28% relative reduction in relapse (95% CI 9% to 43%).", ("RRR", 0.28, 0.09, 0.43)),
    ("Remission was 11 percentage points higher with tolvarest than with placebo (95% CI 2 to 20).",
     ("RD", 0.11, 0.02, 0.2)),
])
def test_an_amount_named_by_the_comparison_after_it(sentence, expected):
    assert _effects(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    # one group's amount, compared with nothing: no difference between arms
    "Tolvarest participants had 1.9 kg greater weight gain at week 12 (95% CI 0.8 to 3.0 kg).",
    # no comparison word after the amount: its interval alone says no measure
    "Sleep latency was 22 minutes in the tolvarest group (95% CI 18 to 26).",
])
def test_an_amount_without_a_comparison_is_no_difference(sentence):
    assert [r for r in _effects(sentence) if r[0] in ("MD", "RD", "RRR")] == []


@pytest.mark.parametrize("sentence, expected", [
    ("Tolvarest gave a 1.7-fold increase in the odds of remission (95% CI 1.1 to 2.6).", ("OR", 1.7, 1.1, 2.6)),
    ("The odds of remission were 1.7-fold higher with tolvarest (95% CI 1.1 to 2.6).", ("OR", 1.7, 1.1, 2.6)),
])
def test_a_multiple_with_its_interval_after_the_words_of_the_comparison(sentence, expected):
    assert _effects(sentence) == [expected]


def test_a_pair_after_a_value_and_its_unit_is_the_named_differences_interval():
    assert _effects("The adjusted difference was 2.6 points (0.9 to 4.3) in favour of tolvarest.") == [
        ("MD", 2.6, 0.9, 4.3)]


@pytest.mark.parametrize("sentence, expected", [
    ("Tolvarest reduced relapse (ARR 3.8%, 95% CI 0.9%-6.7%; NNT 26).", [("RD", 0.038, 0.009, 0.067)]),
    ("Tolvarest lowered the absolute risk (ARR: 3.8%; 95% CI 0.9-6.7%).", [("RD", 0.038, 0.009, 0.067)]),
])
def test_arr_right_before_a_percentage_is_an_absolute_risk_reduction(sentence, expected):
    assert _effects(sentence) == expected


def test_arr_followed_by_a_yearly_percentage_is_no_absolute_risk_reduction():
    assert [r for r in _effects("The ARR was 0.4%/year with tolvarest.") if r[0] == "RD"] == []


# ------------------------------------------------------------------------------------------------ no effect of the trial
@pytest.mark.parametrize("sentence", [
    "Okafor et al. reported an odds ratio of 1.9 (95% CI 1.2-3.0) for a related hypnotic.",
    "Lindqvist and colleagues found a hazard ratio of 0.74 (95% CI 0.60-0.91) in older adults.",
])
def test_a_cited_studys_figure_is_no_row_of_the_trial(sentence):
    assert [r for r in _rows(sentence) if r[0] not in ("PROPORTION", "MEAN", "MEDIAN")] == []


def test_the_trials_own_ratio_stays_beside_a_cited_name_elsewhere():
    rows = _rows("Remission was more frequent with tolvarest (odds ratio 1.9, 95% CI 1.2-3.0).")
    assert [r[:2] for r in rows] == [("OR", 1.9)]


def test_standardized_differences_of_a_baseline_table_are_the_arms_balance_not_effects():
    rows = _table(ARMS + " Standardized difference |", "| Age, years | 61.2 ± 8.1 | 60.4 ± 7.9 | 0.10 |",
                  "| Women, n (%) | 27 (46.6) | 25 (43.9) | 0.05 |", caption="Table 1. Baseline characteristics")
    assert rows == []


@pytest.mark.parametrize("header, measure, said, expected", [
    ("Standardized difference", "DIFF", "Table 3. Outcomes at week 12", "SMD"),
    ("SMD (95% CI)", "SMD", "Table 1. Baseline characteristics of the patients", ""),
    ("MD (95% CI)", "MD", "Table 1. Baseline characteristics of the patients", "MD"),   # a mean difference stays
])
def test_standardized_difference_columns(header, measure, said, expected):
    assert generic_effect_measure(header, measure, said) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the time the outcome was measured at stands between the name and the value
    ("The between-group difference in the sleep score at week 6 was -2.2 (95% CI -3.4 to -1.0).",
     [("MD", -2.2, -3.4, -1.0)]),
    # its standard error printed first in the bracket
    ("The between-group difference in the sleep score at week 6 was -2.2 (SE, 0.61; 95% CI, -3.4 to -1.0).",
     [("MD", -2.2, -3.4, -1.0)]),
])
def test_a_named_difference_at_a_time_with_its_se_before_the_interval(sentence, expected):
    assert _effects(sentence) == expected


def test_a_delta_column_with_its_interval_is_the_difference_between_the_arms():
    rows = _table(ARMS + " \u0394 (95% CI) |", "| Sleep latency | 22.4 ± 6.0 | 30.1 ± 7.2 | -7.7 (-10.1 to -5.3) |",
                  "| Night wakings | 2.1 ± 0.9 | 2.9 ± 1.1 | -0.8 (-1.2 to -0.4) |")
    assert [r[:4] for r in rows] == [("MD", -7.7, -10.1, -5.3), ("MD", -0.8, -1.2, -0.4)]


def test_two_values_then_their_two_intervals_respectively():
    rows = _effects("The odds ratios for remission and response were 2.4 and 1.7 (95% CI 1.3-4.4 and 1.1-2.6, "
                    "respectively).")
    assert rows == [("OR", 2.4, 1.3, 4.4), ("OR", 1.7, 1.1, 2.6)]


def test_two_intervals_not_holding_their_values_in_order_are_not_paired_so():
    # the first interval does not hold the first value: the printed order is not the values' (nothing is forced)
    rows = _effects("The odds ratios for remission and response were 2.4 and 1.2 (95% CI 1.0-1.5 and 1.3-4.4, "
                    "respectively).")
    assert ("OR", 1.2, 1.3, 4.4) not in rows and ("OR", 2.4, 1.0, 1.5) not in rows
