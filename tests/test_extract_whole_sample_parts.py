"""The whole sample and its parts (whole_sample.py): a whole column's bare figure tells what the arms' bare figures
beside it are (within theirs: their pooled mean; their sum: counts), a factor's two margins beside a "Total" column
are the factor's arms in a factorial trial, a "Total <people>" row gives the arms' sizes, and a crossover's one-column
table is sized by its cell counting both sexes. Tables written for these tests, with negatives."""
from __future__ import annotations

from table_grids import read_pipe_table as _read

from evidence_review.extract.whole_sample import factor_margins, pooled_figures, sex_pair_in_words

_POOLED = """Seventy adults with tension headache were randomly assigned to relaxation training (RT, n = 35) or waiting list
(WL, n = 35).

Table 1. Characteristics of the RT and WL groups

| Characteristic | All participants | RT | WL | P |
| Number | 70 | 35 | 35 | – |
| Age | 41.6 | 40.9 | 42.3 | 0.48 |
| Headache days per month | 11.2 | 12.0 | 10.4 | 0.21 |
| Taking analgesics | 22 | 10 | 12 | 0.61 |
| Migraine as well | 9 | 5 | 4 | 0.72 |
| Women | 44 (62.9%) | 21 (30.0%) | 23 (32.9%) | 0.62 |
"""


def _arm_rows(rows):
    return sorted((r["outcome"], r["measure"], r["value"], r.get("events"), r.get("total")) for r in rows or []
                  if r.get("intervention") not in ("", None, "all patients"))


def test_bare_figures_within_the_whole_columns_are_the_arms_means_and_its_sum_their_counts():
    _, rows = _read(_POOLED, "| Characteristic | All participants | RT | WL | P |",
                    caption="Table 1. Characteristics of the RT and WL groups")
    found = _arm_rows(rows)
    assert [(o, m, v) for o, m, v, _, _ in found if m == "MEAN"] == [
        ("Age", "MEAN", 40.9), ("Age", "MEAN", 42.3), ("Headache days per month", "MEAN", 10.4),
        ("Headache days per month", "MEAN", 12.0)]
    assert sorted((o, e, t) for o, m, _, e, t in found if m == "PROPORTION" and o != "Women") == [
        ("Migraine as well", 4, 35), ("Migraine as well", 5, 35), ("Taking analgesics", 10, 35),
        ("Taking analgesics", 12, 35)]


def test_bare_figures_beside_no_whole_column_stay_unread():
    # the same rows without the whole sample's column: nothing says what a bare figure is
    text = "\n".join(line.replace("| All participants ", "").replace("| 70 | 35", "| 35").replace("| 41.6 ", "")
                     .replace("| 11.2 ", "").replace("| 22 | 10", "| 10").replace("| 9 | 5", "| 5")
                     .replace("| 44 (62.9%) ", "") for line in _POOLED.split("\n"))
    _, rows = _read(text, "| Characteristic | RT | WL | P |", caption="Table 1. Characteristics of the RT and WL groups")
    assert not [r for r in _arm_rows(rows) if r[0] in ("Age", "Headache days per month", "Taking analgesics")]


def test_pooled_figures_reads_a_whole_against_its_parts():
    assert pooled_figures({1: "41.6", 2: "40.9", 3: "42.3"}, [2, 3], [1]) == "mean"
    assert pooled_figures({1: "22", 2: "10", 3: "12"}, [2, 3], [1]) == "count"
    assert pooled_figures({1: "-0.4", 2: "-0.6", 3: "\u22120.2"}, [2, 3], [1]) == "mean"
    # a whole outside its parts (no mean of them, no sum), a cell that is no bare figure, no whole column
    assert pooled_figures({1: "50.0", 2: "40.9", 3: "42.3"}, [2, 3], [1]) == ""
    assert pooled_figures({1: "41.6", 2: "40.9 ± 8.1", 3: "42.3"}, [2, 3], [1]) == ""
    assert pooled_figures({2: "40.9", 3: "42.3"}, [2, 3], []) == ""
    assert pooled_figures({1: "41.6", 2: "40.9"}, [2], [1]) == ""
    # a row of shares: a pooled share lies within the arms' too, and is no mean
    assert pooled_figures({1: "63", 2: "60", 3: "66.7"}, [2, 3], [1], "Has a partner (% yes)") == ""
    assert pooled_figures({1: "72.1", 2: "71.0", 3: "73.2"}, [2, 3], [1], "Heart rate, bpm") == "mean"


_FACTORIAL = """In a 2 x 2 factorial design, 600 smokers were randomly assigned to text messages, a telephone call, both or
neither. Each factor was analysed as a trial of its own.

Table 1. Baseline characteristics of the text message trial

| | Text messages | No text messages | Total |
| N | 298 | 302 | 600 |
| Female, n (%) | 151 (50.7) | 160 (53.0) | 311 (51.8) |
| Age, mean (SD) | 44.1 (11.9) | 43.5 (12.4) | 43.8 (12.2) |
"""


def test_a_factors_two_margins_beside_a_total_column_are_the_factors_arms():
    _, rows = _read(_FACTORIAL, "| | Text messages | No text messages | Total |",
                    caption="Table 1. Baseline characteristics of the text message trial")
    found = sorted((r["intervention"], r["measure"], r["value"] if r["measure"] == "MEAN" else r["events"], r["total"])
                   for r in rows if r["intervention"] != "all patients")
    assert found == [("no text messages", "MEAN", 43.5, 302), ("no text messages", "PROPORTION", 160, 302),
                     ("text messages", "MEAN", 44.1, 298), ("text messages", "PROPORTION", 151, 298)]


def test_factor_margins_need_a_whole_column_and_a_factorial_or_an_arm():
    headers = {0: "", 1: "Text messages", 2: "No text messages", 3: "Total"}
    never = lambda h: False     # noqa: E731 - the study model names no arm
    assert factor_margins(headers, {}, {3}, "a 2 x 2 factorial trial", never) == {
        1: ("Text messages", "experimental"), 2: ("No text messages", "control")}
    # the level named as the study's arm: its column stays that arm, the absence is the other margin
    assert factor_margins(headers, {1: object()}, {3}, "", lambda h: h == "Text messages") == {
        2: ("No text messages", "control")}
    # a trait and its absence in a trial that is no factorial ("Smokers | Non-smokers | Total"), or no whole column
    assert factor_margins({1: "Smokers", 2: "Non-smokers", 3: "Total"}, {}, {3}, "a randomised trial", never) == {}
    assert factor_margins(headers, {}, set(), "a 2 x 2 factorial trial", never) == {}
    # two levels that are not one another's absence
    assert factor_margins({1: "Text messages", 2: "Telephone call", 3: "Total"}, {}, {3}, "factorial", never) == {}


_TOTAL_ROW = """Forty adults with neck pain were randomly assigned to manipulation (group A, n = 20) or exercise (group B,
n = 20).

Table 1. Characteristics of the two groups

| | Group A | Group B |
| Women | 12 (60.0%) | 11 (55.0%) |
| Total cases | 20 | 20 |
"""


def test_a_total_row_of_people_is_the_arms_sizes_not_a_count():
    _, rows = _read(_TOTAL_ROW, "| | Group A | Group B |", caption="Table 1. Characteristics of the two groups")
    assert sorted((r["outcome"], r["events"]) for r in rows) == [("Women", 11), ("Women", 12)]


def test_a_total_score_row_is_no_size_row():
    # an outcome totalled ("Total score, mean ± SD"): the arms' figures, no sizes
    text = _TOTAL_ROW.replace("| Total cases | 20 | 20 |", "| Total score, mean ± SD | 14.2 ± 3.1 | 12.8 ± 2.9 |")
    _, rows = _read(text, "| | Group A | Group B |", caption="Table 1. Characteristics of the two groups")
    assert sorted((r["measure"], r["value"]) for r in rows if r["outcome"].startswith("Total score")) == [
        ("MEAN", 12.8), ("MEAN", 14.2)]


_CROSSOVER_TABLE = """In this crossover study, each volunteer received nicotine gum and placebo gum in random order, two weeks apart.

Table 1. Volunteer characteristics

| | Mean ± 1 SD |
| Age | 29.4 ± 6.2 |
| Sex | 8 women; 12 men |
| Years of smoking | 9.8 ± 5.1 |
"""


def test_a_crossovers_one_column_table_is_sized_by_its_cell_counting_both_sexes():
    _, rows = _read(_CROSSOVER_TABLE, "| | Mean ± 1 SD |", caption="Table 1. Volunteer characteristics")
    assert sorted((r["measure"], r["value"], r.get("events"), r["total"]) for r in rows
                  if r["intervention"] == "all patients") == [
        ("MEAN", 9.8, None, 20), ("MEAN", 29.4, None, 20), ("PROPORTION", 0.4, 8, 20)]


def test_a_parallel_trials_one_column_table_of_no_stated_size_stays_unread():
    # the same table in a parallel trial whose arms' sizes are unknown: no size, no whole-sample row
    text = _CROSSOVER_TABLE.replace("In this crossover study, each volunteer received nicotine gum and placebo gum in "
                                    "random order, two weeks apart.", "Smokers were randomly assigned to nicotine gum "
                                    "or placebo gum.")
    _, rows = _read(text, "| | Mean ± 1 SD |", caption="Table 1. Volunteer characteristics")
    assert not [r for r in rows or [] if r["intervention"] == "all patients"]


def test_sex_pair_in_words():
    assert sex_pair_in_words("10 males; 5 females") == ("male", 10, 5)
    assert sex_pair_in_words("12 women and 8 men") == ("female", 12, 8)
    assert sex_pair_in_words("M 14, F 6") is None           # the count after its sex: not this shape
    assert sex_pair_in_words("10 males; 5 males") is None
    assert sex_pair_in_words("10 (66.7%)") is None
