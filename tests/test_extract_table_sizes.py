"""Arm sizes for table cells that print no denominator (table_sizes.py): a size one table shows (the sexes' sum)
carried to the document's later tables, the categories of a characteristic adding up to the trial's number of
patients, and a table of adverse drug reactions whose bare counts are patients of the sized arms; columns of outcome
strata ("UTI-positive | UTI-negative") are no arms to size."""
from __future__ import annotations

import pytest
from table_grids import pipe_table

from evidence_review.extract.study import Arm, build_study
from evidence_review.extract.table_reader import read_table, read_tables, split_by_outcome
from evidence_review.extract.table_sizes import (adopt_size, people_counts, shares_column, size_from_shares,
                                                 sizes_from_category_blocks, whole_population_size, zero_among_shares)


def _proportions(rows):
    return {(r["outcome"], r["intervention"]): (r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"}


def test_people_counts_reads_digits_and_spelled_numbers():
    text = ("Sixty consenting women were enrolled; 28 eligible patients were excluded. The 3 groups were "
            "compared at 12 weeks.")
    assert people_counts(text) == {60, 28}


def test_adopt_size_keeps_a_known_size():
    arm = Arm(arm_id="", name="drug", canonical="drug", n=None, role="", start=0, end=0)
    adopt_size(arm, 24)
    assert arm.n == 24
    adopt_size(arm, 30)
    assert arm.n == 24


def test_category_blocks_give_sizes_when_they_add_up_to_the_text_count():
    rows = [("Nausea grade", {1: "", 2: ""}), ("None", {1: "20", 2: "9"}), ("Mild", {1: "8", 2: "15"}),
            ("Severe", {1: "2", 2: "6"})]
    assert sizes_from_category_blocks(rows, [1, 2], "Sixty patients were randomised to two groups.") == {1: 30, 2: 30}
    # the same block without a number of patients in the text that its counts add up to: no size
    assert sizes_from_category_blocks(rows, [1, 2], "Fifty patients were randomised to two groups.") == {}
    # categories with no heading row over them (a list of events, not one characteristic's categories): no size
    assert sizes_from_category_blocks(rows[1:], [1, 2], "Sixty patients were randomised.") == {}


def test_category_blocks_that_disagree_give_no_size():
    rows = [("Site", {1: "", 2: ""}), ("Upper", {1: "20", 2: "10"}), ("Lower", {1: "10", 2: "20"}),
            ("Stage", {1: "", 2: ""}), ("I", {1: "28", 2: "10"}), ("II", {1: "4", 2: "18"})]
    assert sizes_from_category_blocks(rows, [1, 2], "60 patients took part.") == {}


_TWO_TABLES = """Forty-eight adults undergoing colectomy were randomly assigned to early feeding or delayed feeding.
Table 1. Characteristics of the patients
| | Early feeding group | Delayed feeding group | P-value |
| Sex (male/female) | 14/10 | 13/11 | 0.77 |
| Age (y) | 61.2 ± 8.1 | 59.8 ± 9.0 | 0.58 |
Table 2. Complications in the two groups
| | Early feeding | Delayed feeding | P-value |
| Ileus | 2 | 5 | 0.21 |
| Anastomotic leak | 1 | 0 | 1.00 |
| Surgical site infection | 3 | 3 | 1.00 |
"""


def test_a_size_the_sexes_give_in_table_1_sizes_the_later_table_of_complications():
    first = pipe_table(_TWO_TABLES, "| | Early feeding group | Delayed feeding group | P-value |", table_id="T1",
                       caption="Table 1. Characteristics of the patients")
    second = pipe_table(_TWO_TABLES, "| | Early feeding | Delayed feeding | P-value |", table_id="T2",
                        caption="Table 2. Complications in the two groups")
    structure = {"tables": [first, second]}
    study = build_study("d", _TWO_TABLES, structure)
    rows, _ = read_tables("d", _TWO_TABLES, structure, study)
    found = _proportions(rows)
    assert found[("Ileus", "early feeding")] == (2, 24)
    assert found[("Ileus", "delayed feeding")] == (5, 24)
    assert found[("Anastomotic leak", "delayed feeding")] == (0, 24)


def test_the_complications_table_alone_has_no_size_for_its_bare_counts():
    second = pipe_table(_TWO_TABLES, "| | Early feeding | Delayed feeding | P-value |", table_id="T2",
                        caption="Table 2. Complications in the two groups")
    study = build_study("d", _TWO_TABLES, {"tables": [second]})
    rows = read_table("d", _TWO_TABLES, second, study)
    assert not any(r["measure"] == "PROPORTION" and r.get("total") for r in rows)


_CATEGORIES = """Sixty consenting women were randomized into group A, who listened to music during the procedure, and group B,
who did not.
Table 2. Anxiety and pain in the two groups
| | Group A | Group B | P value |
| Age, y, mean ± SD | 41.2 ± 9.5 | 40.6 ± 10.1 | 0.71 |
| Pain, by category: | | | |
| None | 11 | 2 | |
| Mild | 14 | 9 | |
| Moderate | 4 | 13 | |
| Severe | 1 | 6 | |
"""


def test_categories_adding_up_to_the_trial_size_the_arms():
    table = pipe_table(_CATEGORIES, "| | Group A | Group B | P value |",
                       caption="Table 2. Anxiety and pain in the two groups")
    study = build_study("d", _CATEGORIES, {"tables": [table]})
    found = _proportions(read_table("d", _CATEGORIES, table, study))
    none = {arm: v for (outcome, arm), v in found.items() if outcome.endswith("None")}
    assert sorted(none.values()) == [(2, 30), (11, 30)]


def test_categories_that_do_not_add_up_to_a_count_of_the_text_stay_unsized():
    text = _CATEGORIES.replace("Sixty consenting women", "Consenting women")
    table = pipe_table(text, "| | Group A | Group B | P value |",
                       caption="Table 2. Anxiety and pain in the two groups")
    study = build_study("d", text, {"tables": [table]})
    found = _proportions(read_table("d", text, table, study))
    assert not any(total for _, total in found.values())


_ADR = """Patients were randomized to drug Z (n = 40) or placebo (n = 42).
Table 3. Comparison of adverse drug reactions (ADRs) between groups
| Serialnumber | ADR recorded | Drug Z (n = 40) | Placebo (n = 42) | Significance |
| 1 | Dizziness | 6 | 2 | 0.12 |
| 2 | Dry mouth | 3 | 1 | 0.29 |
| 3 | Insomnia | 0 | 2 | 0.49 |
"""


def test_bare_counts_of_an_adverse_drug_reactions_table_with_a_serial_column():
    table = pipe_table(_ADR, "| Serialnumber | ADR recorded | Drug Z (n = 40) | Placebo (n = 42) | Significance |",
                       caption="Table 3. Comparison of adverse drug reactions (ADRs) between groups")
    study = build_study("d", _ADR, {"tables": [table]})
    found = _proportions(read_table("d", _ADR, table, study))
    assert found[("Dizziness", "drug z")] == (6, 40)
    assert found[("Insomnia", "placebo")] == (2, 42)


def test_bare_whole_numbers_of_a_table_of_scores_are_no_counts():
    text = _ADR.replace("adverse drug reactions (ADRs)", "sedation scores").replace("ADR recorded", "Score")
    header = "| Serialnumber | Score | Drug Z (n = 40) | Placebo (n = 42) | Significance |"
    table = pipe_table(text, header, caption="Table 3. Comparison of sedation scores between groups")
    study = build_study("d", text, {"tables": [table]})
    assert not _proportions(read_table("d", text, table, study))


def test_shares_column_needs_a_number_above_the_arm_and_whole_counts():
    # a column printing more than bare shares ("3.1 ± 0.4" too): its numbers are shares only by the arm's size (a
    # column of bare shares only is one whatever its size: test_shares_column_of_bare_shares_only_needs_no_size)
    assert shares_column(["74", "20", "6", "0", "3.1 ± 0.4"], 50)
    assert not shares_column(["12", "20", "6", "0", "3.1 ± 0.4"], 50)   # every number within the arm: counts as well
    assert not shares_column(["75", "25", "3.1 ± 0.4"], 50)              # 75 % of 50 patients is no whole count
    assert not shares_column(["74", "20", "3.1 ± 0.4"], None)            # no size to derive a count from


_SHARES = """Patients were randomized to drug Z (n = 50) or placebo (n = 50).
Table 3. Comparison of sedation grades
| | Drug Z (%) | Placebo (%) | P value |
| Sedation grade | | | 0.04 |
| 1 | 64 | 84 | |
| 2 | 26 | 10 | |
| 3 | 10 | 6 | |
"""


def test_bare_numbers_under_percent_headed_arm_columns_are_shares_with_derived_counts():
    table = pipe_table(_SHARES, "| | Drug Z (%) | Placebo (%) | P value |",
                       caption="Table 3. Comparison of sedation grades")
    study = build_study("d", _SHARES, {"tables": [table]})
    rows = [r for r in read_table("d", _SHARES, table, study) if r["measure"] == "PROPORTION"]
    found = {(r["outcome"], r["intervention"]): (r["events"], r["total"]) for r in rows}
    assert found[("Sedation grade: 1", "drug z")] == (32, 50)
    assert found[("Sedation grade: 3", "placebo")] == (3, 50)
    assert all("events_from_percentage" in r["flags"] for r in rows)


def test_size_from_shares_is_the_smallest_size_the_text_gives():
    shares = ["0", "76.9%", "15.4%", "7.7%", "61.5%"]      # 10, 2, 1 and 8 of 13
    assert size_from_shares(shares, "Thirteen adults were enrolled and received both treatments.") == 13
    # the text names only a multiple of the size the shares prove: no size (26 would halve every count)
    assert size_from_shares(shares, "Twenty-six adults were enrolled.") is None
    # two distinct shares fit too many sizes
    assert size_from_shares(["50%", "25%", "50%"], "4 patients were enrolled.") is None


def test_size_from_shares_alone_needs_a_run_of_decimal_shares_only():
    # (moved from table_layout.size_of_shares: one owner of the size a run of shares is of)
    assert size_from_shares(["0", "84.6%", "15.4%", "7.7%", "61.5%", "30.8%"]) == 13
    assert size_from_shares(["(45.5)", "(36.4)", "(18.2)"]) == 11
    assert size_from_shares(["14,3", "28,6 %", "57,1", "-"]) == 7     # a comma as the decimal mark, a dash left aside
    assert size_from_shares(["50%", "25%", "75%"]) is None           # whole-number shares fit too many sizes
    assert size_from_shares(["84.6%", "15.4%"]) is None              # two shares prove little
    assert size_from_shares(["84.6%", "15.4%", "12 (30.0)"]) is None  # a count among them: no row of shares only
    assert size_from_shares(["84.6%", "15.4%", "7.7%", "130.8%"]) is None     # no share is above 100


def test_size_from_shares_with_the_text_leaves_other_cells_aside_and_needs_the_text_size():
    shares = ["12 (30.0)", "14.3%", "28.6%", "57.1%"]         # 1, 2 and 4 of 7, beside a count of another arm
    assert size_from_shares(shares, "Seven patients were enrolled.") == 7
    assert size_from_shares(shares) is None                  # alone, a count among the shares proves nothing
    assert size_from_shares(shares, "Fourteen patients were enrolled.") is None


def test_shares_column_of_bare_shares_only_needs_no_size():
    # (moved from table_layout.bare_shares: one owner of whether bare numbers under "(%)" are shares)
    assert shares_column(["84.6", "15.4", "0"])
    assert shares_column(["74", "20", "6"])
    assert shares_column(["62.5", "-", "37,5%"])                     # a dash left aside, a comma as the decimal mark
    assert not shares_column(["12 (30.0)", "28 (70.0)"])      # counts with their shares
    assert not shares_column(["84.6", "115.4"])               # no share is above 100
    assert not shares_column(["84.6"])
    # a column printing more than bare numbers: its numbers are shares only by the arm's size
    assert shares_column(["66", "24", "10", "4.1 ± 1.2"], 50)
    assert not shares_column(["66", "24", "10", "4.1 ± 1.2"])


def test_zero_among_shares_needs_percent_cells_beside_it():
    assert zero_among_shares("0", ["76.9%", "15.4%"])
    assert not zero_among_shares("0", ["10", "3"])
    assert not zero_among_shares("2", ["76.9%", "15.4%"])


_CROSSOVER = """Thirteen adults took part in a randomized crossover comparison of drug Q and drug R.
Table 1. Comfort grades after each drug
| Drug | Grade 1 | Grade 2 | Grade 3 | Grade 4 | P-value |
| Drug Q | 0 | 76.9% | 15.4% | 7.7% | 0.02 |
| Drug R | 61.5% | 23.1% | 7.7% | 7.7% | 0.02 |
"""


def test_arm_rows_of_bare_percentages_take_the_size_the_text_gives():
    table = pipe_table(_CROSSOVER, "| Drug | Grade 1 | Grade 2 | Grade 3 | Grade 4 | P-value |",
                       caption="Table 1. Comfort grades after each drug")
    study = build_study("d", _CROSSOVER, {"tables": [table]})
    found = _proportions(read_table("d", _CROSSOVER, table, study))
    q = {outcome: v for (outcome, arm), v in found.items() if arm == "drug q"}
    assert sorted(q.values()) == [(0, 13), (1, 13), (2, 13), (10, 13)]
    r = {outcome: v for (outcome, arm), v in found.items() if arm == "drug r"}
    assert sorted(r.values()) == [(1, 13), (1, 13), (3, 13), (8, 13)]


def test_arm_rows_of_bare_percentages_stay_unsized_without_the_texts_number():
    text = _CROSSOVER.replace("Thirteen adults", "Adults")
    table = pipe_table(text, "| Drug | Grade 1 | Grade 2 | Grade 3 | Grade 4 | P-value |",
                       caption="Table 1. Comfort grades after each drug")
    study = build_study("d", text, {"tables": [table]})
    found = _proportions(read_table("d", text, table, study))
    assert not any(total for _, total in found.values())


_STRATA = """Patients were randomly assigned to a bladder wash or no wash after catheter placement.
Table 2. Risk factors for urinary tract infection (n = 60)
{header}
| Sex | | | 0.46 |
| Females | 7 (50) | 7 (50) | |
| Males | 5 (31.3) | 11 (68.7) | |
"""


@pytest.mark.parametrize("header", [
    "| Factors | UTI-positive group n = 12 | UTI-negative group n = 18 | P value |",
    "| Factors | Culture-positive (n = 12) | Culture-negative (n = 18) | P value |",
])
def test_columns_of_outcome_strata_joined_by_a_hyphen_are_no_arms(header):
    text = _STRATA.format(header=header)
    table = pipe_table(text, header, caption="Table 2. Risk factors for urinary tract infection (n = 60)")
    study = build_study("d", text, {"tables": [table]})
    assert split_by_outcome(table, study)
    assert read_tables("d", text, {"tables": [table]}, study)[0] == []


def test_hyphenated_arm_names_are_no_outcome_split():
    header = "| Factors | Low-dose group (n = 30) | High-dose group (n = 30) | P value |"
    text = _STRATA.format(header=header).replace("a bladder wash or no wash", "a low-dose or a high-dose wash")
    table = pipe_table(text, header, caption="Table 2. Outcomes")
    study = build_study("d", text, {"tables": [table]})
    assert not split_by_outcome(table, study)


@pytest.mark.parametrize("cell, events", [("65.5% (19)", 19), ("3% (1)", 1), ("12.5 % [4]", 4)])
def test_a_share_with_its_sign_then_a_bracketed_count_is_a_proportion(cell, events):
    from evidence_review.extract.arm_cells import parse_arm_cell
    for hint in ("", "n_pct"):
        parsed = parse_arm_cell(cell, hint, None, guarded=False)
        assert parsed["measure"] == "PROPORTION" and parsed["events"] == events, (cell, hint)
    # a caption or label declaring a mean (SD) keeps it: "91% (21)" is a mean adherence in percent with its SD
    assert parse_arm_cell(cell, "mean_sd", None, guarded=False)["measure"] == "MEAN"


def test_whole_population_size_needs_the_population_named():
    assert whole_population_size("Table 1. Characteristics of the study population (n = 36).") == 36
    assert whole_population_size("Table 1. Baseline data", "All patients (N = 52)") == 52
    assert whole_population_size("Table 1. Characteristics of the placebo group (n = 18).") is None


_POPULATION = """Thirty-six adults with chronic migraine received drug M and placebo in random order.
Table 1. Characteristics of the study population (n = 36).
| Demographic characteristics | |
| Female sex (%) | 27 (75) |
| Age in years (SD) | 44.10 (11.52) |
| Migraine with aura (%) | |
| Yes | 9 (25) |
| No | 27 (75) |
| Headache days per month (SD) | 18.4 (4.9) |
"""


def test_a_whole_population_table_with_one_unnamed_column_gives_counts_and_means():
    table = pipe_table(_POPULATION, "| Demographic characteristics | |",
                       caption="Table 1. Characteristics of the study population (n = 36).")
    study = build_study("d", _POPULATION, {"tables": [table]})
    rows = read_table("d", _POPULATION, table, study)
    found = {r["outcome"]: r for r in rows}
    assert (found["Female sex"]["events"], found["Female sex"]["total"]) == (27, 36)
    age = next(r for o, r in found.items() if o.startswith("Age"))
    assert (age["measure"], age["value"], age["sd"], age["total"]) == ("MEAN", 44.1, 11.52, 36)
    assert all(r["intervention"] == "all patients" for r in rows)


def test_a_one_column_table_without_its_population_size_takes_the_size_its_counts_give():
    # 27 (75), 9 (25), 27 (75): every share is of 36, and the means beside the counts are of the same sample
    text = _POPULATION.replace(" (n = 36)", "")
    table = pipe_table(text, "| Demographic characteristics | |", caption="Table 1. Characteristics of the study population.")
    study = build_study("d", text, {"tables": [table]})
    rows = read_table("d", text, table, study) or []
    assert sorted((r["value"], r["sd"], r["total"]) for r in rows if r["measure"] == "MEAN") == [(18.4, 4.9, 36),
                                                                                                (44.1, 11.52, 36)]
    # one count alone is no table of the whole sample's counts: no size, so no means either
    text = text.replace("| Yes | 9 (25) |\n| No | 27 (75) |\n", "")
    table = pipe_table(text, "| Demographic characteristics | |", caption="Table 1. Characteristics of the study population.")
    rows = read_table("d", text, table, build_study("d", text, {"tables": [table]})) or []
    assert not any(r["measure"] == "MEAN" for r in rows)


_PAIRED = """Women were randomly assigned to an exercise programme or usual care.
Table 1. Characteristics of the two groups
| Variable | | Exercise group | Exercise group | Usual care group | Usual care group |
| | | No. | (%) | No. | (%) |
| Smoking | current | 12 | 30 | 10 | 25 |
| Smoking | never | 28 | 70 | 30 | 75 |
| Chi-square test | P=0.61 | P=0.61 | P=0.61 | P=0.61 | P=0.61 |
| Parity | nulliparous | 18 | 45 | 14 | 35 |
| Parity | parous | 22 | 55 | 26 | 65 |
"""


def test_count_and_share_columns_pair_across_a_test_row_spanning_every_column():
    header = "| Variable | | Exercise group | Exercise group | Usual care group | Usual care group |"
    table = pipe_table(_PAIRED, header, caption="Table 1. Characteristics of the two groups", header_rows=2)
    study = build_study("d", _PAIRED, {"tables": [table]})
    rows = [r for r in read_table("d", _PAIRED, table, study) if r["measure"] == "PROPORTION"]
    assert rows and all(r["total"] == 40 for r in rows)
    assert sorted(r["events"] for r in rows if r["intervention"] == "exercise programme") == [12, 18, 22, 28]
