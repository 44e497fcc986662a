"""Column groups of a multi-level header (`header_tree.repeated_group_spans`) and a group's statistics in columns of
their own joined into one figure (`table_columns.joined_statistic_columns`): an arm's name printed once over its
time and statistic columns beside a group that differs ("Arm A | | | | Arm B | | | | Difference | |" over the times
over "mean | SD"), and a difference printed as "Mean | 95% CI | P" under one spanning header (tests/fixtures/
extract_heldout36 and 37 BLIND_SCORES.md, "Mean and SD in columns of their own", "An adjusted difference in mean
change with its CI and p in columns of their own"). Every grid is written for the test, in other fields, with
negatives of the same look."""
from __future__ import annotations

from table_grids import bare_grid, cell_texts, read_pipe_table

from evidence_review.extract.header_tree import header_name, repeated_group_spans
from evidence_review.extract.table_columns import joined_statistic_columns


def _row(line: str) -> dict[int, str]:
    return {col: text.strip() for col, text in enumerate(line.strip().strip("|").split("|"))}


# --- header names ----------------------------------------------------------------------------------------------------

def test_a_header_name_keeps_a_word_ending_in_n():
    assert header_name("Mean") == "mean"
    assert header_name("Women (n = 40)") == "women"
    assert header_name("Median") == "median"
    assert header_name("Drug Q n (%)") == "drug q"      # a format after the name still goes
    assert header_name("No.") == ""


# --- column groups over the same sub-columns -------------------------------------------------------------------------

def test_groups_over_the_same_sub_columns_span_them_beside_a_group_that_differs():
    top = _row("| | | Splint | | | | Cast | | | | Between-arm effect | |")
    below = _row("| | | week 0, n=18 | week 0, n=18 | week 8, n=18 | week 8, n=18 | week 0, n=17 | week 0, n=17 | "
                 "week 8, n=17 | week 8, n=17 | Adjusted | |")
    spans = repeated_group_spans(top, below, 12)
    assert spans == {3: "Splint", 4: "Splint", 5: "Splint", 7: "Cast", 8: "Cast", 9: "Cast"}


def test_count_and_share_sub_columns_are_one_shape_whatever_their_spelling_of_size():
    top = _row("| | Cohort K (n = 25) | | Cohort L (n = 26) | | P |")
    below = _row("| | n | % | n | % | |")
    assert repeated_group_spans(top, below, 6) == {2: "Cohort K (n = 25)", 4: "Cohort L (n = 26)"}


def test_groups_over_different_sub_columns_or_a_lone_text_are_not_spread():
    # the two groups name different sub-columns: no evidence either spans its neighbours
    assert repeated_group_spans(_row("| | Splint | | Cast | |"), _row("| | Pre | Post | n | % |"), 6) == {}
    # one text over empty cells: it may head its own column only
    assert repeated_group_spans(_row("| | Splint | | |"), _row("| | Pre | Post | P |"), 4) == {}
    # a sub-column left blank under a group: not the same shape
    assert repeated_group_spans(_row("| | Splint | | Cast | |"), _row("| | Pre | | Pre | Post |"), 6) == {}


def test_texts_saying_when_are_left_to_the_reader():
    spans = repeated_group_spans(_row("| | Week 4 | | Week 12 | |"), _row("| | Splint | Cast | Splint | Cast |"), 6,
                                 is_when=lambda t: t.lower().startswith("week"))
    assert spans == {}


METHODS = ("Adults with a wrist fracture were randomised to a removable splint (n = 18) or a plaster cast (n = 17).\n")


def test_an_arm_printed_once_over_its_times_gives_every_time_its_mean_and_sd():
    header = ("| | | Splint | | | | Cast | | | | Difference between arms | |")
    body = ("| | | week 0, n=18 | week 0, n=18 | week 8, n=18 | week 8, n=18 | week 0, n=17 | week 0, n=17 | week 8, n=17 "
            "| week 8, n=17 | Adjusted | |\n"
            "| Measure | Normal range | mean | SD | mean | SD | mean | SD | mean | SD | Difference (95% CI) | P |\n"
            "| Grip strength, kg | 20-40 | 12.40 | 5.10 | 21.75 | 6.30 | 12.90 | 4.80 | 18.20 | 6.05 | 3.10 (0.40; 5.80) | 0.03 |\n"
            "| Pain score | 0-10 | 6.20 | 1.90 | 2.10 | 1.40 | 6.45 | 2.05 | 3.30 | 1.75 | -1.05 (-2.10; 0.00) | 0.05 |")
    caption = "Table 2. Function before and after immobilisation"
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    rows = read_pipe_table(text, header, caption=caption, header_rows=3)[1] or []
    means = {(str(r["intervention"]).lower(), r["outcome"], r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"}
    assert any(arm.endswith("splint") and outcome.startswith("Grip") and (value, sd) == (21.75, 6.3)
               for arm, outcome, value, sd in means)
    assert any("cast" in arm and outcome.startswith("Pain") and (value, sd) == (3.3, 1.75)
               for arm, outcome, value, sd in means)
    # every arm's baseline and week 8, the SD never read as a mean of its own
    assert len(means) == 8
    assert not any(value in (5.1, 6.3, 4.8, 6.05) for _, _, value, _ in means)


# --- a difference's figure, interval and p in columns of their own ---------------------------------------------------

def test_a_group_of_mean_ci_and_p_joins_the_mean_and_its_interval():
    grid = bare_grid(["| Outcome | Splint | Cast | Adjusted between-arm change | Adjusted between-arm change | "
                  "Adjusted between-arm change |",
                  "| | Week 8 | Week 8 | Mean | 95% CI | P |",
                  "| Grip | 21.8 ± 6.3 | 18.2 ± 6.1 | 3.1 | 0.4 to 5.8 | 0.03 |"], 2)
    joined = cell_texts(joined_statistic_columns(grid, {0, 1}))
    assert joined[(1, 3)] == "Mean (95% CI)"
    assert joined[(2, 3)] == "3.1 (0.4 to 5.8)"
    assert joined[(2, 4)] == "0.03"          # the p stays, one column left
    assert (2, 5) not in joined


def test_a_third_column_other_than_p_keeps_the_group_apart():
    grid = bare_grid(["| Outcome | Adjusted change | Adjusted change | Adjusted change |",
                  "| | Mean | 95% CI | N |",
                  "| Grip | 3.1 | 0.4 to 5.8 | 35 |"], 2)
    assert joined_statistic_columns(grid, {0, 1}) is grid


def test_a_difference_with_its_interval_and_p_in_columns_of_their_own_is_one_mean_difference():
    header = ("| Measure | Splint (n = 18) | Splint (n = 18) | Cast (n = 17) | Cast (n = 17) | "
              "Adjusted group differences in mean change | Adjusted group differences in mean change | "
              "Adjusted group differences in mean change |")
    body = ("| Measure | Baseline | 8 weeks | Baseline | 8 weeks | Mean | 95% CI | P |\n"
            "| Grip strength, kg | 12.4 ± 5.1 | 21.8 ± 6.3 | 12.9 ± 4.8 | 18.2 ± 6.1 | 3.1 | 0.4 to 5.8 | 0.03 |\n"
            "| Pain score | 6.2 ± 1.9 | 2.1 ± 1.4 | 6.5 ± 2.1 | 3.3 ± 1.8 | -1.1 | -2.1 to -0.1 | 0.04 |")
    caption = "Table 3. Changes in function in the splint and cast groups"
    text = f"{METHODS}{caption}\n{header}\n{body}\n"
    rows = read_pipe_table(text, header, caption=caption, header_rows=2)[1] or []
    diffs = {(r["outcome"].split(",")[0], r["value"], r["ci_low"], r["ci_high"]) for r in rows if r["measure"] == "MD"}
    assert ("Grip strength", 3.1, 0.4, 5.8) in diffs
    assert ("Pain score", -1.1, -2.1, -0.1) in diffs
    # the arms' means stay arm-level rows, the difference's figure none of them
    means = [r for r in rows if r["measure"] == "MEAN"]
    assert len(means) == 8 and not any(r["value"] in (3.1, -1.1) for r in means)


# --- a crossover's conditions over their statistics; a change column naming its arm --------------------------------

def test_experimental_conditions_span_their_arms():
    from evidence_review.extract.table_columns import arms_span
    assert arms_span("Experimental conditions")
    assert arms_span("Test condition2")              # a footnote's digit glued to the word
    assert not arms_span("Condition")                # a bare "Condition" may name the patients' disease
    assert not arms_span("Clinical condition")


def test_a_figure_and_its_spread_with_a_significance_mark_still_join():
    grid = bare_grid(["| Outcome | Standing | Standing | Seated | Seated |",
                  "| | Mean | SEM | Mean | SEM |",
                  "| Heart rate, bpm | 71.2 | 1.4 | 64.8* | 1.1 * |"], 2)
    joined = cell_texts(joined_statistic_columns(grid, {0, 1}))
    assert joined[(2, 1)] == "71.2 ± 1.4" and joined[(2, 2)] == "64.8 ± 1.1"
    assert joined[(1, 1)] == "Mean ± SE"


def test_conditions_of_a_crossover_over_mean_and_sem_are_each_conditions_means():
    methods = "Eighteen volunteers completed both sessions in random order (crossover).\n"
    header = "| | Experimental conditions | Experimental conditions | Experimental conditions | Experimental conditions |"
    body = ("| | Standing | Standing | Seated | Seated |\n"
            "| | Mean | SEM | Mean | SEM |\n"
            "| Heart rate, bpm | 71.2 | 1.4 | 64.8 | 1.1 * |\n"
            "| Cortisol, nmol/L | 310.5 | 22.0 | 287.9 | 19.6 |")
    caption = "Table 2. Responses in the two postures"
    text = f"{methods}{caption}\n{header}\n{body}\n"
    rows = read_pipe_table(text, header, caption=caption, header_rows=3)[1] or []
    means = {(str(r["intervention"]).lower(), r["outcome"].split(",")[0], r["value"], r["se"]) for r in rows
             if r["measure"] == "MEAN"}
    assert ("standing", "Heart rate", 71.2, 1.4) in means
    assert ("seated", "Heart rate", 64.8, 1.1) in means
    assert ("seated", "Cortisol", 287.9, 19.6) in means
    assert not any(value in (1.4, 1.1, 22.0, 19.6) for _, _, value, _ in means)


def test_a_change_column_header_names_its_arm_after_the_change():
    from evidence_review.extract.table_columns import changed_arm
    assert changed_arm("Change from baseline in low-salt group") == "low-salt group"
    assert changed_arm("Mean change in Drug A (n = 20)") == "Drug A (n = 20)"
    assert changed_arm("Δ for the placebo arm") == "placebo arm"
    assert changed_arm("Change from baseline") == ""
    assert changed_arm("Low-salt group") == ""


def test_change_columns_named_by_arm_give_each_arm_its_changes():
    methods = "Adults were randomised to a low-salt diet (n = 22) or a usual diet (n = 21).\n"
    header = ("| Parameter | Change from baseline in low-salt diet group | Change from baseline in low-salt diet group | "
              "Change from baseline in usual diet group | Change from baseline in usual diet group |")
    body = ("| Parameter | Mean ± SD | P-value | Mean ± SD | P-value |\n"
            "| Systolic BP (mm Hg) | -6.1 ± 5.2 | 0.001 | -1.2 ± 4.9 | 0.40 |\n"
            "| Weight (kg) | -0.4 ± 1.1 | 0.12 | +0.2 ± 0.9 | 0.35 |")
    caption = "Table 2. Changes over eight weeks"
    text = f"{methods}{caption}\n{header}\n{body}\n"
    rows = read_pipe_table(text, header, caption=caption, header_rows=2)[1] or []
    means = {(str(r["intervention"]).lower(), r["outcome"].split(" (")[0], r["value"], r["sd"]) for r in rows
             if r["measure"] == "MEAN"}
    assert any("low-salt" in arm and outcome == "Systolic BP" and (value, sd) == (-6.1, 5.2)
               for arm, outcome, value, sd in means)
    assert any("usual" in arm and outcome == "Weight" and (value, sd) == (0.2, 0.9) for arm, outcome, value, sd in means)
    assert len(means) == 4



def test_tumour_response_columns_are_categories_and_their_sd_is_stable_disease():
    # "MR | SD" over "9 | 22": minor responses and stable disease counted, never a mean with its standard deviation
    methods = "Eighty patients were randomised to a vaccine with chemotherapy (vaccine group) or chemotherapy alone " \
              "(control group).\n"
    header = "| Group | n | CR | PR | MR | SD | PD | Response rate |"
    body = ("| Vaccine group | 52 | 2 | 9 | 8 | 20 | 13 | 11/52 (21.15%) |\n"
            "| Control group | 28 | 0 | 2 | 3 | 14 | 9 | 2/28 (7.14%) |")
    caption = "Table 2. Tumour response after four cycles"
    text = f"{methods}{caption}\n{header}\n{body}\n"
    rows = read_pipe_table(text, header, caption=caption)[1] or []
    assert not [r for r in rows if r["measure"] == "MEAN"]
    rates = {(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert {(11, 52), (2, 28)} <= rates
    # (each class a count of the row's n: 8 minor responses and 20 stable diseases of the vaccine group's 52)
    assert {(2, 52), (9, 52), (8, 52), (20, 52), (13, 52), (0, 28), (14, 28), (9, 28)} <= rates
