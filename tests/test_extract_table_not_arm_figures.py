"""Columns and cells of a table that are not an arm's figures (table_reader, declared_formats): a within-group P value
column under an arm's spanning header is a p-value, no column of the arm; a "[%]" row's bare figures in a table
printing its means with their spread are shares of the arms, not means; a "%" in a misprinted bracket ending a label
("[%(]", "[%") declares the row's format as "(%)" does. Shapes of tests/fixtures/extract_heldout47 (BLIND_SCORES.md,
"Within-group P value columns read as proportions", "Percentages printed alone in '[%]' rows"); every table here is
written for the test, numbers and names changed."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table as _read

from evidence_review.extract.declared_formats import label_format

_WITHIN_P = """Twenty adults with back pain were randomly assigned to one of two home exercise programmes.

Table 3. Comparison of the exercise tolerance variables at the baseline and after 3-month exercise between the walking group and the stretching group.

| Measures | Walking group (n = 10) | Walking group (n = 10) | Walking group (n = 10) | Stretching group (n = 10) | Stretching group (n = 10) | Stretching group (n = 10) | Both groups |
| Measures | Baseline mean (SD) | Postexercise mean (SD) | Within-group *P value | Baseline mean (SD) | Postexercise mean (SD) | Within-group P value | Between-groups P value |
| Resting state | | | | | | | |
| HR (beats/min) | 76.1 ± 8.2 | 81.4 ± 10.3 | 0.164 | 74.2 ± 7.1 | 80.9 ± 9.8 | 0.041 | 0.812 |
| Work (W) | 121.5 ± 21.4 | 130.2 ± 30.6 | 0.008 | 117.3 ± 33.9 | 110.1 ± 29.5 | 0.127 | 0.052 |
| Peak response | | | | | | | |
| MET | 5.6 ± 1.1 | 6.4 ± 1.3 | 0.008 | 5.8 ± 1.5 | 5.2 ± 1.1 | 0.032 | 0.001 |
| SBP (mmHg) | 175.0 ± 25.1 | 176.2 ± 17.4 | 0.906 | 181.4 ± 22.0 | 178.3 ± 19.9 | 0.221 | 0.806 |
| RER | 1.08 ± 0.9 | 1.06 ± 0.11 | 0.261 | 1.07 ± 0.3 | 1.05 ± 0.05 | 1.000 | 0.967 |
"""


def test_a_within_group_p_column_under_an_arms_header_is_no_column_of_the_arm():
    header = _WITHIN_P.split("\n")[4]
    _, rows = _read(_WITHIN_P, header, "Table 3. Comparison of the exercise tolerance variables at the baseline and after 3-month exercise between the walking group and the stretching group.", header_rows=2)
    assert rows
    # every row a mean with its SD of one of the two arms; no p-value read as a share or a mean of an arm
    assert all(r["measure"] == "MEAN" and r["sd"] is not None for r in rows), rows
    assert not any("p value" in str(r["intervention"]).lower() for r in rows)
    assert not any(r["value"] < 1.01 and r["sd"] is None for r in rows)
    assert sorted(r["value"] for r in rows if "HR" in r["outcome"]) == [74.2, 76.1, 80.9, 81.4]


_PERCENT_ROWS = """Children aged 6-52 months were randomly assigned to a control group (n = 100), powder twice weekly (n = 101) or
powder daily (n = 100).

Table 1. Baseline characteristics of the three groups

| | Control (n = 100) | Twice weekly (n = 101) | Daily (n = 100) | P |
| Age, months | 30.2 ± 13.1 | 31.5 ± 14.0 | 30.9 ± 12.7 | 0.71 |
| Mothers working outside [% ] | 91.0 | 85.1 | 89.0 | 0.08 |
| Breastfed infants[%] | 31.0 | 24.8 | 22.0 | 0.07 |
| Meat [%(] | 75.0 | 64.4 | 60.0 | 0.03 |
| Weight, kg | 10.9 ± 2.4 | 11.2 ± 2.6 | 11.1 ± 2.3 | 0.60 |
"""


def test_bare_figures_of_a_percent_row_beside_means_with_their_spread_are_shares_of_the_arms():
    header = _PERCENT_ROWS.split("\n")[5]
    _, rows = _read(_PERCENT_ROWS, header, "Table 1. Baseline characteristics of the three groups")
    shares = sorted((r["outcome"].split(" [")[0].split("[")[0], r["events"], r["total"]) for r in rows
                    if r["measure"] == "PROPORTION")
    assert ("Mothers working outside", 91, 100) in shares and ("Mothers working outside", 86, 101) in shares
    assert ("Breastfed infants", 31, 100) in shares and ("Meat", 75, 100) in shares
    assert not [r for r in rows if r["measure"] == "MEAN" and r["value"] in (91.0, 85.1, 89.0, 31.0, 75.0, 60.0)]
    assert sorted(r["value"] for r in rows if r["measure"] == "MEAN" and r["outcome"].startswith("Age")) == [30.2, 30.9, 31.5]


def test_a_percent_row_beside_bare_means_keeps_what_its_label_says():
    # no mean of the table printed with its spread: nothing says a bare figure of a "[%]" row is a share rather than a
    # mean measured in percent, and a label naming a quantity measured in percent stays a mean
    text = _PERCENT_ROWS.replace("30.2 ± 13.1 | 31.5 ± 14.0 | 30.9 ± 12.7", "30.2 | 31.5 | 30.9") \
        .replace("10.9 ± 2.4 | 11.2 ± 2.6 | 11.1 ± 2.3", "10.9 | 11.2 | 11.1")
    header = text.split("\n")[5]
    _, rows = _read(text, header, "Table 1. Baseline characteristics of the three groups")
    assert not [r for r in rows if r["measure"] == "PROPORTION" and r["outcome"].startswith("Mothers")]
    text = _PERCENT_ROWS.replace("Mothers working outside [% ]", "Haematocrit [%]")
    _, rows = _read(text, header, "Table 1. Baseline characteristics of the three groups")
    assert sorted(r["value"] for r in rows if r["outcome"].startswith("Haematocrit") and r["measure"] == "MEAN") == \
        [85.1, 89.0, 91.0]


@pytest.mark.parametrize("label, expected", [
    ("Meat [%(]", "n_pct"), ("Wasting [%", "n_pct"), ("High SES [%)]", "n_pct"), ("Female (%)", "n_pct"),
    ("Height [cm]", ""), ("Age (years)", ""), ("% of energy from fat", "n_pct"),
])
def test_a_percent_in_a_misprinted_bracket_ending_a_label_declares_shares(label, expected):
    assert label_format(label) == expected


_OVERALL_FIRST = """Infertile women were randomly assigned to HP-uFSH (n = 120) or r-FSH (n = 120).

Table 1. Characteristics of the patients

| | Overall | HP-uFSH | rFSH | p |
| N. of patients | 240 | 120 | 120 | |
| N. of stimulation cycles | 240 | 120 | 120 | |
| Age (years) | 31.9 ± 4.1 | 32.2 ± 3.8 | 31.6 ± 4.4 | ns |
| Unexplained infertility | 170 | 84 (70.0) | 86 (71.7) | ns |
"""


def test_an_arm_header_spelled_without_the_hyphen_of_the_arms_name_is_that_arm():
    # "rFSH" for the study's "r-FSH": the arm and its size, so its "86 (71.7)" is a count of its 120, not a mean with
    # an SD of 71.7
    header = _OVERALL_FIRST.split("\n")[4]
    study, rows = _read(_OVERALL_FIRST, header, "Table 1. Characteristics of the patients")
    assert study.resolve_column("rFSH") is study.resolve_column("r-FSH") is not None
    unexplained = sorted((r["intervention"], r["measure"], r["events"], r["total"]) for r in rows
                         if r["outcome"].startswith("Unexplained"))
    assert unexplained == [("hp-ufsh", "PROPORTION", 84, 120), ("r-fsh", "PROPORTION", 86, 120)]


def test_a_short_compact_name_names_no_arm_by_its_letters_alone():
    text = _OVERALL_FIRST.replace("HP-uFSH", "A-B").replace("r-FSH", "C-D")
    header = "| | Overall | AB | CD | p |"
    study, _ = _read(text.replace("| | Overall | A-B | rFSH | p |", header), header, "Table 1. Characteristics of the patients")
    assert study.resolve_column("AB") is None
