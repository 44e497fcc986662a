"""Statistics in rows of their own, stacked under each measure (statistic_rows.py and the table reader's blocks of
statistic and time rows): the measure in a first stub column, printed once or again on every row of its block, the
rows' statistic or time words in a second one. Trials, names, fields and numbers invented for the tests."""
from __future__ import annotations

import pytest

from table_grids import read_pipe_table
from evidence_review.extract.statistic_rows import (centre_word_opens_a_name, is_test_word, same_measure,
                                                   statistic_stub_column, stub_word)

METHODS = "Eighty adults with chronic neck pain were randomly assigned to acupuncture (n = 40) or sham needling (n = 40).\n"


def _read(text: str, caption: str, header_rows: int = 1) -> list[dict]:
    header = text.split("\n")[text.split("\n").index(caption) + 1]
    return read_pipe_table(text, header, caption=caption, header_rows=header_rows)[1] or []


@pytest.mark.parametrize("word", ["p", "P", "p **", "P value", "p-value", "Sig.", "n", "N", "SD", "IQR", "Range",
                                  "95 % CI", "Median", "Differences", "Change", "\u0394"])
def test_short_words_of_a_block_of_statistic_rows_are_stub_words(word):
    assert stub_word(word)


@pytest.mark.parametrize("word", ["12", "(4-8)", "0.03", "Mean arterial pressure", "Neck pain", ""])
def test_figures_and_measures_are_no_stub_words(word):
    assert not stub_word(word)


@pytest.mark.parametrize("word, test", [("p", True), ("p **", True), ("P-value", True), ("Sig.", True),
                                        ("Differences", False), ("SD", False), ("Mean", False), ("Pain", False),
                                        ("TC", False), ("F", False), ("t", False), ("Pa", False)])
def test_a_test_word(word, test):
    assert is_test_word(word) is test


def test_a_measure_printed_again_on_each_row_of_its_block():
    assert same_measure("Neck pain (VAS, mm)", "Neck pain (VAS, mm)")
    assert same_measure("neck pain (VAS, mm) ", "Neck pain (VAS, mm)")
    assert not same_measure("Disability index", "Neck pain (VAS, mm)")
    assert not same_measure("", "Neck pain (VAS, mm)")


def test_median_and_iqr_rows_under_each_measure_printed_on_both_rows_arms_over_visits():
    caption = "Table 2. Outcomes of the two groups at baseline and after treatment"
    text = METHODS + caption + """
| | | Acupuncture | Acupuncture | Sham needling | Sham needling |
| | | Baseline | Week 12 | Baseline | Week 12 |
| Neck pain (VAS, mm) | Median | 62 | 31 | 60 | 48 |
| Neck pain (VAS, mm) | IQR | (55-70) | (22-40) | (51-69) | (40-57) |
| Disability index | Median | 18.5 | 9.0 | 17.0 | 14.5 |
| Disability index | IQR | (14.0-22.5) | (6.5-12.0) | (13.5-21.0) | (11.0-18.0) |
"""
    rows = _read(text, caption, header_rows=2)
    got = [(r["measure"], r["intervention"], r["outcome"], r["value"], r["q1"], r["q3"]) for r in rows]
    assert got == [
        ("MEDIAN", "acupuncture", "Neck pain (VAS, mm)", 62, 55, 70), ("MEDIAN", "acupuncture", "Neck pain (VAS, mm)", 31, 22, 40),
        ("MEDIAN", "sham", "Neck pain (VAS, mm)", 60, 51, 69), ("MEDIAN", "sham", "Neck pain (VAS, mm)", 48, 40, 57),
        ("MEDIAN", "acupuncture", "Disability index", 18.5, 14.0, 22.5), ("MEDIAN", "acupuncture", "Disability index", 9.0, 6.5, 12.0),
        ("MEDIAN", "sham", "Disability index", 17.0, 13.5, 21.0), ("MEDIAN", "sham", "Disability index", 14.5, 11.0, 18.0)]
    assert [r["timepoint"] for r in rows[:2]] == ["baseline", "week 12"]


def test_mean_and_sd_rows_with_the_measure_printed_again_give_one_mean_per_arm():
    caption = "Table 1. Characteristics of the participants"
    text = METHODS + caption + """
| | | Acupuncture | Sham needling |
| Age (years) | Mean | 51.2 | 49.8 |
| Age (years) | SD | 9.4 | 10.1 |
| Pain duration (months) | Mean | 14.0 | 15.5 |
| Pain duration (months) | SD | 6.1 | 7.0 |
"""
    rows = _read(text, caption)
    assert [(r["measure"], r["intervention"], r["outcome"], r["value"], r["sd"]) for r in rows] == [
        ("MEAN", "acupuncture", "Age (years)", 51.2, 9.4), ("MEAN", "sham", "Age (years)", 49.8, 10.1),
        ("MEAN", "acupuncture", "Pain duration (months)", 14.0, 6.1), ("MEAN", "sham", "Pain duration (months)", 15.5, 7.0)]


def test_before_after_difference_and_p_rows_under_each_measure():
    caption = "Table 3. Outcomes before and after the treatment"
    text = METHODS + caption + """
| Variable | | Acupuncture (n = 40) | Sham needling (n = 40) | P |
| Neck pain (VAS, mm) | Before | 61.5 \u00b1 10.2 | 60.1 \u00b1 11.0 | 0.55 |
| Neck pain (VAS, mm) | After | 33.0 \u00b1 12.4 | 47.2 \u00b1 13.1 | 0.01 |
| Neck pain (VAS, mm) | Differences | -28.5 \u00b1 9.8 | -12.9 \u00b1 10.5 | 0.02 |
| Neck pain (VAS, mm) | p | 0.001 | 0.04 | - |
| Sleep hours | Before | 5.5 (4.5-6.0) | 5.0 (4.0-6.5) | 0.61 |
| Sleep hours | After | 6.5 (5.5-7.0) | 5.5 (4.5-6.5) | 0.03 |
| Sleep hours | p ** | 0.02 | 0.35 | - |
"""
    rows = _read(text, caption)
    got = [(r["measure"], r["intervention"], r["value"], r.get("sd"), r.get("q1"), r["timepoint"]) for r in rows]
    assert got == [
        ("MEAN", "acupuncture", 61.5, 10.2, None, "before"), ("MEAN", "sham", 60.1, 11.0, None, "before"),
        ("MEAN", "acupuncture", 33.0, 12.4, None, "after"), ("MEAN", "sham", 47.2, 13.1, None, "after"),
        ("MEAN", "acupuncture", -28.5, 9.8, None, ""), ("MEAN", "sham", -12.9, 10.5, None, ""),
        ("MEDIAN", "acupuncture", 5.5, None, 4.5, "before"), ("MEDIAN", "sham", 5.0, None, 4.0, "before"),
        ("MEDIAN", "acupuncture", 6.5, None, 5.5, "after"), ("MEDIAN", "sham", 5.5, None, 4.5, "after")]
    # the within-arm p rows are tests, no arm's proportion
    assert not [r for r in rows if r["measure"] == "PROPORTION"]


def test_a_measure_named_mean_something_is_no_statistic_row():
    caption = "Table 3. Haemodynamics before and after the treatment"
    text = METHODS + caption + """
| Variable | | Acupuncture (n = 40) | Sham needling (n = 40) |
| Mean arterial pressure (mmHg) | Before | 92.4 \u00b1 8.1 | 93.0 \u00b1 7.7 |
| Mean arterial pressure (mmHg) | After | 88.1 \u00b1 7.9 | 92.2 \u00b1 8.0 |
| Heart rate (bpm) | Before | 74.2 \u00b1 9.0 | 75.1 \u00b1 8.4 |
| Heart rate (bpm) | After | 70.3 \u00b1 8.8 | 74.6 \u00b1 8.1 |
"""
    rows = _read(text, caption)
    assert [(r["outcome"], r["intervention"], r["value"], r["sd"], r["timepoint"]) for r in rows] == [
        ("Mean arterial pressure (mmHg)", "acupuncture", 92.4, 8.1, "before"),
        ("Mean arterial pressure (mmHg)", "sham", 93.0, 7.7, "before"),
        ("Mean arterial pressure (mmHg)", "acupuncture", 88.1, 7.9, "after"),
        ("Mean arterial pressure (mmHg)", "sham", 92.2, 8.0, "after"),
        ("Heart rate (bpm)", "acupuncture", 74.2, 9.0, "before"), ("Heart rate (bpm)", "sham", 75.1, 8.4, "before"),
        ("Heart rate (bpm)", "acupuncture", 70.3, 8.8, "after"), ("Heart rate (bpm)", "sham", 74.6, 8.1, "after")]


def test_a_median_row_of_the_whole_sample_gives_no_arms_median():
    caption = "Table 1. Characteristics of all participants"
    text = METHODS + caption + """
| | | All participants (n = 80) |
| Age (years) | Median | 50 |
| Age (years) | IQR | (43-58) |
| Pain duration (months) | Median | 12 |
| Pain duration (months) | IQR | (8-20) |
"""
    rows = _read(text, caption)
    assert not [r for r in rows if r["intervention"] in ("acupuncture", "sham")]


def test_case_and_control_group_columns_resolved_to_the_studys_arms_by_their_sizes_are_arms():
    # ("Case group | Control group" reads as patients with and without an outcome unless the headers name arms: here
    # each by its size, the study model holding more than one arm that is no control)
    text = ("Sixty-one adults were randomly assigned to fish oil (n = 20), olive oil (n = 22) or placebo (n = 19).\n"
            "Table 2. Outcomes before and after the treatment\n"
            "| Variable | | Case group (n = 20) | Control group (n = 19) | P |\n"
            "| Triglycerides (mg/dL) | Before | 182.5 \u00b1 30.1 | 179.0 \u00b1 28.4 | 0.71 |\n"
            "| Triglycerides (mg/dL) | After | 150.2 \u00b1 27.7 | 176.3 \u00b1 29.0 | 0.02 |\n"
            "| Triglycerides (mg/dL) | p | 0.01 | 0.62 | - |\n")
    rows = _read(text, "Table 2. Outcomes before and after the treatment")
    assert [(r["intervention"], r["value"], r["sd"], r["timepoint"]) for r in rows] == [
        ("fish oil", 182.5, 30.1, "before"), ("placebo", 179.0, 28.4, "before"),
        ("fish oil", 150.2, 27.7, "after"), ("placebo", 176.3, 29.0, "after")]


@pytest.mark.parametrize("label, opens", [("Mean e', cm/s", True), ("Mean arterial pressure (mmHg)", True),
                                          ("Median nerve latency, ms", True), ("Mean", False), ("Mean (SD)", False),
                                          ("Mean \u00b1 SD", False), ("Mean, SD", False), ("Age, mean", False),
                                          ("Mean SD", False), ("Heart rate", False)])
def test_a_centre_word_opening_a_quantitys_name(label, opens):
    assert centre_word_opens_a_name(label) is opens


def test_a_quantity_named_mean_something_takes_the_declared_median_format():
    caption = "Table 2. Echocardiography at baseline and after six months"
    text = ("Ninety adults were randomly assigned to ramipril (n = 45) or placebo (n = 45).\n"
            "Statistical analysis\nContinuous variables are presented as median (Q1, Q3) and categorical variables as "
            "n (%).\n\n" + caption + """
| Variable | Ramipril (n = 45) | Placebo (n = 45) |
| Septal velocity, cm/s | 7.2 (6.1, 8.8) | 7.0 (5.9, 8.1) |
| Mean velocity, cm/s | 8.1 (6.9, 9.7) | 7.7 (6.6, 9.0) |
| Mean arterial pressure, mmHg | 94.1 \u00b1 9.2 | 95.0 \u00b1 8.8 |
""")
    rows = _read(text, caption)
    got = [(r["measure"], r["outcome"], r["intervention"], r["value"], r.get("q1"), r.get("q3"), r.get("sd")) for r in rows]
    assert ("MEDIAN", "Mean velocity", "ramipril", 8.1, 6.9, 9.7, None) in got
    assert ("MEDIAN", "Mean velocity", "placebo", 7.7, 6.6, 9.0, None) in got
    # a bare "Mean" row label is the centre's word: its "mean ± SD" cells stay means
    assert [g for g in got if g[1].startswith("Mean arterial")] == [
        ("MEAN", "Mean arterial pressure", "ramipril", 94.1, None, None, 9.2),
        ("MEAN", "Mean arterial pressure", "placebo", 95.0, None, None, 8.8)]


@pytest.mark.parametrize("declaration", ["", "Continuous variables are presented as mean \u00b1 SD.\n\n"])
def test_a_quantity_named_mean_something_stays_unread_where_the_table_declares_no_median(declaration):
    caption = "Table 2. Echocardiography at baseline and after six months"
    text = ("Ninety adults were randomly assigned to ramipril (n = 45) or placebo (n = 45).\n\n" + declaration + caption
            + """
| Variable | Ramipril (n = 45) | Placebo (n = 45) |
| Mean velocity, cm/s | 8.1 (6.9, 9.7) | 7.7 (6.6, 9.0) |
| Heart rate, bpm | 71.2 \u00b1 9.0 | 70.4 \u00b1 8.7 |
""")
    rows = _read(text, caption)
    assert not [r for r in rows if r["outcome"].startswith("Mean velocity")]
    assert [(r["measure"], r["value"]) for r in rows] == [("MEAN", 71.2), ("MEAN", 70.4)]


@pytest.mark.parametrize("again", [True, False])
def test_one_measures_n_mean_sd_and_ci_rows_in_a_second_stub_column(again):
    # (one measure only: the second stub column is told a label column by its words alone)
    name = "Grip strength (kg)"
    caption = "Table 2. Grip strength after the treatment"
    text = METHODS + caption + f"""
| | | Acupuncture | Sham needling |
| {name} | n | 38 | 39 |
| {name if again else ''} | Mean | 31.4 | 29.8 |
| {name if again else ''} | SD | 6.2 | 5.9 |
| {name if again else ''} | 95% CI | 29.4-33.4 | 27.9-31.7 |
"""
    rows = _read(text, caption)
    assert [(r["measure"], r["intervention"], r["value"], r["sd"], r["total"]) for r in rows] == [
        ("MEAN", "acupuncture", 31.4, 6.2, 38), ("MEAN", "sham", 29.8, 5.9, 39)]


@pytest.mark.parametrize("cells, stub", [(["n", "Mean", "SD", "95% CI"], True), (["Median", "IQR"], True),
                                         (["Mean", "Mean"], False), (["Female", "Male"], False), (["n", "12"], False)])
def test_a_stub_column_of_statistic_words(cells, stub):
    assert statistic_stub_column(cells) is stub
