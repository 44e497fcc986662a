"""Tables that print an effect in a row of its own under the arms' figures, and headers whose arms a row labelled
"Treatment" / "Group" names under moments or sessions (tests/fixtures/extract_heldout9/BLIND_SCORES.md, "Missed
labels in tables": "(yes/no)" pairs per arm under a session x moment header, with OR and RR rows below them).
Every table here is written for the test, numbers and names changed."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table as _read

METHODS = "Adults were randomly assigned to naproxen or placebo.\n"


@pytest.mark.parametrize("label, measure", [("Relative risk (95% CI)", "RR"), ("RR (95% CI)", "RR"),
                                            ("Odds ratio [95% CI]", "OR"), ("OR, 95% CI", "OR"),
                                            ("Risk difference (95% CI)", "RD"), ("Hazard ratio", "HR")])
def test_an_effect_row_under_the_arms_counts_is_that_outcomes_effect(label, measure):
    header = "| Outcome | Naproxen (n = 50) | Placebo (n = 50) |"
    text = f"""{METHODS}Table 2. Outcomes
{header}
| Response, n (%) | 20 (40.0) | 10 (20.0) |
| {label} | 2.00 (1.03-3.88) | |
| Headache, n (%) | 4 (8.0) | 3 (6.0) |
"""
    _, rows = _read(text, header, "Table 2. Outcomes")
    effects = [(r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"], r["outcome"])
               for r in rows if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]
    assert effects == [(measure, 2.0, 1.03, 3.88, "naproxen", "placebo", "Response")]
    # nothing of the effect row is an arm's figure
    assert sorted((r["outcome"], r["events"]) for r in rows if r["measure"] == "PROPORTION") == [
        ("Headache", 3), ("Headache", 4), ("Response", 10), ("Response", 20)]


def test_a_mean_difference_row_under_the_arms_means():
    header = "| Outcome | Naproxen (n = 50) | Placebo (n = 50) |"
    text = f"""{METHODS}Table 2. Outcomes
{header}
| Pain score, mean ± SD | 3.1 ± 1.2 | 4.0 ± 1.5 |
| Mean difference (95% CI) | -0.9 (-1.4 to -0.4) | |
"""
    _, rows = _read(text, header, "Table 2. Outcomes")
    assert [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows if r["measure"] == "MD"] == \
        [("MD", -0.9, -1.4, -0.4)]


def test_a_bare_abbreviation_row_of_plain_numbers_stays_the_arms_figures():
    # "RR" here is a respiratory rate: its bare numbers are each arm's mean, not a risk ratio
    header = "| Vital sign | Naproxen (n = 50) | Placebo (n = 50) |"
    text = f"""{METHODS}Table 2. Vital signs (means)
{header}
| HR | 72.4 | 75.1 |
| RR | 14 | 15 |
"""
    _, rows = _read(text, header, "Table 2. Vital signs (means)")
    assert not [r for r in rows if r["measure"] in ("RR", "HR")]


@pytest.mark.parametrize("moments, times", [
    (("During", "Immediately after", "24 h after"), ("during", "immediately after", "24 hours after")),
    (("Week 4", "Week 8", "Week 12"), ("week 4", "week 8", "week 12")),
])
@pytest.mark.parametrize("group_word", ["Treatment", "Group", "Arm"])
def test_yes_no_pairs_per_arm_under_moments_with_effect_rows(moments, times, group_word):
    a, b, c = moments
    header = f"| Session | Moment of evaluation | {a} | | {b} | | {c} | |"
    text = f"""Adults were randomly assigned to naproxen or placebo in a crossover design.
Table 2. Risk of pain observed for each treatment
{header}
| | {group_word} | Naproxin | Placebo | Naproxin | Placebo | Naproxin | Placebo |
| 1st session | Presence of pain (yes/no) | (12/13) | (9/16) | (7/18) | (8/17) | (2/23) | (4/21) |
| | Odds ratio (95% CI) | 1.48 (0.49 -4.50) | | 0.84 (0.25 -2.80) | | 0.46 (0.08 -2.78) | |
| | p-value | 0.571 | | 1.000 | | 0.667 | |
| 2nd session | Presence of pain (yes/no) | (6/19) | (5/20) | (3/22) | (3/22) | (1/24) | (0/25) |
| | Relative risk | 1.20 | | 1.10 | | 3.00 | |
"""
    _, rows = _read(text, header, "Table 2. Risk of pain observed for each treatment", header_rows=1)
    pairs = sorted((r["intervention"], r["events"], r["total"], r["timepoint"]) for r in rows
                   if r["measure"] == "PROPORTION")
    # "Naproxin" (misspelt in the table) is the study's naproxen arm beside its placebo; yes over yes + no
    assert pairs == sorted([("naproxen", 12, 25, times[0]), ("placebo", 9, 25, times[0]),
                            ("naproxen", 7, 25, times[1]), ("placebo", 8, 25, times[1]),
                            ("naproxen", 2, 25, times[2]), ("placebo", 4, 25, times[2]),
                            ("naproxen", 6, 25, times[0]), ("placebo", 5, 25, times[0]),
                            ("naproxen", 3, 25, times[1]), ("placebo", 3, 25, times[1]),
                            ("naproxen", 1, 25, times[2]), ("placebo", 0, 25, times[2])])
    effects = sorted((r["measure"], r["value"], r["ci_low"], r["ci_high"], r["intervention"], r["comparator"]) for r in rows
                     if r["measure"] in ("OR", "RR"))
    assert effects == sorted([("OR", 1.48, 0.49, 4.5, "naproxen", "placebo"), ("OR", 0.84, 0.25, 2.8, "naproxen", "placebo"),
                              ("OR", 0.46, 0.08, 2.78, "naproxen", "placebo"), ("RR", 1.2, None, None, "naproxen", "placebo"),
                              ("RR", 1.1, None, None, "naproxen", "placebo"), ("RR", 3.0, None, None, "naproxen", "placebo")])
    assert all(r["outcome"] == "Presence of pain" for r in rows)
    assert not [r for r in rows if r["measure"] in ("MEAN", "MEDIAN")]      # "0.571" p-values are no one's figure


@pytest.mark.parametrize("change_header, word", [("Difference value", "change"), ("Change", "change"),
                                                 ("Reduction", "reduction"), ("Mean change from baseline", "change"),
                                                 ("Decrease (points)", "decrease")])
def test_a_column_of_each_arms_own_change_in_a_table_of_outcome_by_arm_rows(change_header, word):
    header = f"| Test | Group | Baseline value | End value | Significance | {change_header} |"
    text = f"""Adults were randomly assigned to massage (treatment group) or usual care (control group).
Table 3. Pain before and after treatment (mean with standard deviation in square brackets)
{header}
| VAS | Treatment | 61.2 [17.5] | 44.0 [20.3] | * | 17.2 |
| VAS | Control | 57.9 [18.1] | 35.1 [19.6] | * | 22.8 |
"""
    _, rows = _read(text, header, "Table 3. Pain before and after treatment (mean with standard deviation in square brackets)")
    changes = sorted((r["value"], r["outcome"], r["sd"]) for r in rows if r["outcome"].startswith(word))
    assert changes == [(17.2, f"{word} in VAS", None), (22.8, f"{word} in VAS", None)]
    # the arms' own values stay as they were
    assert sorted(r["value"] for r in rows if r["outcome"] == "VAS") == [35.1, 44.0, 57.9, 61.2]
