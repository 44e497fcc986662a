"""Counts the table reader once read as means: an arm column of counts each printed "of 100 %" ("868 (100)"), rows
whose label declares counts with their shares in a table "in Mean (SD) unless otherwise specified" where no header
sizes the arms (the size their shares agree on), and "15 (93.7%)" under a column headed "Mean ± SD" of a table read
by its cells' paths (extract.denominators.whole_share_column, table_reader, table_axes); grids written here, shaped
like the tuning batches' with their numbers changed, with negatives of the same look."""
from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.denominators import whole_share_column
from evidence_review.extract.study import build_study
from evidence_review.extract.table_axes import read_by_paths


def test_a_column_of_counts_each_of_100_percent():
    assert whole_share_column(["512 (100)", "604 (100)", "1210 (100)", "98(100)"], 1300)
    assert whole_share_column(["512 (100.0)", "", "604 (100)", "77 (100)"], None)


def test_columns_that_are_not_counts_of_100_percent():
    assert not whole_share_column(["512 (100)", "604 (100)"], 1300)               # two cells: too few to tell
    assert not whole_share_column(["512 (100)", "604 (46.5)", "77 (100)"], 1300)  # a share of the arm among them
    assert not whole_share_column(["51.2 (100)", "60.4 (100)", "77 (100)"], 1300)  # not whole counts
    assert not whole_share_column(["512 (100)", "1604 (100)", "77 (100)"], 1300)  # a count above the arm
    assert not whole_share_column(["100 (100)", "100 (100)", "100 (100)"], 1300)  # one value repeated: nothing shown


_HUNDRED = """Smokers were randomised by centre to the counselling group or to usual care.
Table 2. The characteristics at baseline
| Variables | Counselling group (n = 1,302) | Usual care group (n = 1,288) |
| Sex | Sex | Sex |
| Men | 611 (100) | 640 (100) |
| Women | 691 (100) | 648 (100) |
| Alcohol user | Alcohol user | Alcohol user |
| Yes | 402 (100) | 388(100) |
| No | 900 (100) | 900 (100) |
"""


def test_counts_of_100_percent_are_counts_of_the_arm_not_means():
    _, rows = read_pipe_table(_HUNDRED, "| Variables | Counselling group (n = 1,302) | Usual care group (n = 1,288) |",
                              caption="Table 2. The characteristics at baseline")
    assert rows and all(r["measure"] == "PROPORTION" for r in rows)
    found = {(r["outcome"], r["total"]): r["events"] for r in rows}
    assert found[("Sex: Men", 1302)] == 611
    assert found[("Alcohol user: Yes", 1288)] == 388


_UNLESS = """Sixty patients were randomised into two groups (Group A and Group B).
Table 6. Secondary outcome variables
| | Group A | Group B | P value |
| Total dose of morphine in 24 h (mg) | 21.5 (4.25) | 30.75 (5.5) | <0.05 |
| Patients with pruritus during first 24 h (%) | 3 (10) | 11 (37) | <0.05 |
| Patients with nausea during first 24 h (%) | 2 (7) | 13 (43) | <0.05 |
| Patients with vomiting during first 24 h (%) | 1 (3) | 8 (27) | <0.05 |
| Patients with respiratory depression during first 24 h (%) | 0 | 0 | |
| Urine output in 24 h (ml) | 1402.5 (180.25) | 1288.75 (210.5) | >0.05 |
Values are in Mean (SD) unless otherwise specified
"""


def test_rows_declaring_counts_size_the_unsized_arms_by_their_shares():
    _, rows = read_pipe_table(_UNLESS, "| | Group A | Group B | P value |", caption="Table 6. Secondary outcome variables",
                              footnote="Values are in Mean (SD) unless otherwise specified")
    found = {(r["outcome"], r["intervention"]): r for r in rows}
    nausea_a, nausea_b = found[("Patients with nausea", "group a")], found[("Patients with nausea", "group b")]
    assert (nausea_a["measure"], nausea_a["events"], nausea_a["total"]) == ("PROPORTION", 2, 30)
    assert (nausea_b["measure"], nausea_b["events"], nausea_b["total"]) == ("PROPORTION", 13, 30)
    depression = found[("Patients with respiratory depression", "group a")]
    assert (depression["measure"], depression["events"], depression["total"]) == ("PROPORTION", 0, 30)
    # the measured rows stay means with their SD
    urine = found[("Urine output (ml)", "group a")]
    assert (urine["measure"], urine["value"], urine["sd"]) == ("MEAN", 1402.5, 180.25)


_PATHS = """Patients were randomised to the probiotic group (n=16) or the placebo group (n=15).
Table 3. Microbiological parameters (mean ± SD) at days 0 and 180
| Variable | Time point | Probiotic group (n=16) | Probiotic group (n=16) | Placebo group (n=15) | Placebo group (n=15) | p- value |
| | | Mean ± SD | Delta ± SD | Mean ± SD | Delta ± SD | For mean |
| % T. denticola | % T. denticola | % T. denticola | % T. denticola | % T. denticola | % T. denticola | % T. denticola |
| | Day 0 | 12.4 ± 15.1 | -10.2 ± 14.3 | 13.9 ± 16.2 | -11.8 ± 15.0 | 0.81 |
| | Day 180 | 2.2 ± 3.1 | | 2.1 ± 4.4 | | 0.62 |
| Number of subjects with | Number of subjects with | Number of subjects with | Number of subjects with | Number of subjects with | Number of subjects with | Number of subjects with |
| T. denticola | T. denticola | T. denticola | T. denticola | T. denticola | T. denticola | T. denticola |
| | Day 0 | 14 (87.5%) | | 12 (80.0%) | | 0.66 |
| | Day 180 | 7 (43.7%) | | 4 (26.6%)† | | 0.33 |
"""


def test_a_count_with_its_percent_sign_under_a_mean_column_is_a_count():
    header = ("| Variable | Time point | Probiotic group (n=16) | Probiotic group (n=16) | Placebo group (n=15) | "
              "Placebo group (n=15) | p- value |")
    # (read on the paths the grid gives each cell, as a table the layouts give no row of is read)
    table = pipe_table(_PATHS, header, caption="Table 3. Microbiological parameters (mean ± SD) at days 0 and 180",
                       header_rows=2)
    rows = read_by_paths("d", _PATHS, table, build_study("d", _PATHS, {"tables": [table]}))
    counted = sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert counted == [(4, 15), (7, 16), (12, 15), (14, 16)]
    assert not [r for r in rows if r["measure"] == "MEAN" and r.get("sd") in (87.5, 80.0, 43.7, 26.6)]
    assert [r["value"] for r in rows if r["measure"] == "MEAN" and r["value"] == 12.4]


def test_a_percent_sign_glued_to_the_size_bracket_is_the_column_format():
    from evidence_review.extract.study import column_format
    assert column_format("Intervention (n = 119)%") == ("Intervention (n = 119)", "%")
    assert column_format("Drug (n = 40)n")[1] == ""          # (only a "%" glued to the bracket)


_PERCENT_HEADER = """Participants were randomised to peer support or to the control group.
Table 1. Baseline characteristics of participants enrolled.
| Characteristics | Peer support (n = 120)% | Control (n = 110)% | p-value* |
| Sex | | | |
| Male | 62.5 | 70.0 | 0.410 |
| Female | 37.5 | 30.0 | |
| Occupations | | | |
| Unemployed | 15 | 20.9 | 0.135 |
| Employed | 85 | 79.1 | |
"""


def test_shares_under_an_arm_header_with_a_glued_percent_sign():
    _, rows = read_pipe_table(_PERCENT_HEADER, "| Characteristics | Peer support (n = 120)% | Control (n = 110)% | p-value* |",
                              caption="Table 1. Baseline characteristics of participants enrolled.")
    found = {(r["outcome"], r["total"]): (r["measure"], r["events"]) for r in rows}
    assert found[("Sex: Male", 120)] == ("PROPORTION", 75)
    assert found[("Sex: Female", 110)] == ("PROPORTION", 33)
    assert found[("Occupations: Unemployed", 120)] == ("PROPORTION", 18)     # a whole number there is a share too
    assert found[("Occupations: Employed", 110)] == ("PROPORTION", 87)        # (beside it, a share with decimals)


_MIDDLE_LABELS = """Men were randomised to the exercise group or to the control group.
Table 1. Demographic data for subjects who completed the study.
| Exercise group (N = 18) | Variable | Control group (N = 12) |
| 44.2 ± 1.4 | Age | 47.1 ± 1.6 |
| 13 | African American | 7 |
| 5 | Caucasian | 5 |
| 380 ± 55 (9) | T-cell count | 410 ± 70 (8) |
| 9 | HIV + symptomatic | 6 |
| 4 | HIV - symptomatic | 2 |
| 3 | AIDS | 3 |
| 2 | Did not answer | 1 |
| 3 | Excellent health | 1 |
| 10 | Good health | 8 |
| 5 | Fair health | 3 |
"""


def test_arms_on_both_sides_of_the_labels_and_categories_without_headings():
    _, rows = read_pipe_table(_MIDDLE_LABELS, "| Exercise group (N = 18) | Variable | Control group (N = 12) |",
                              caption="Table 1. Demographic data for subjects who completed the study.")
    found = {(r["outcome"], r["total"]): r for r in rows}
    assert (found[("Age", 18)]["measure"], found[("Age", 18)]["value"]) == ("MEAN", 44.2)
    assert (found[("African American", 18)]["measure"], found[("African American", 18)]["events"]) == ("PROPORTION", 13)
    assert found[("African American", 12)]["events"] == 7
    # the categories of each characteristic add up to each arm's N (18 / 12) one block after another
    assert found[("AIDS", 12)]["measure"] == "PROPORTION" and found[("AIDS", 12)]["events"] == 3
    assert found[("Good health", 18)]["events"] == 10


def test_a_run_that_does_not_divide_into_whole_arms_is_not_counted():
    from evidence_review.extract.table_reader import _blocks_of_whole_arms
    rows = {r: {1: {"text": a}, 2: {"text": b}} for r, (a, b) in enumerate([("9", "6"), ("9", "6"), ("2", "1"), ("1", "2")])}
    assert _blocks_of_whole_arms([0, 1, 2, 3], rows, {1: 18, 2: 12}) == set()     # "2 | 1", "1 | 2" left over
    assert _blocks_of_whole_arms([0, 1, 2], rows, {1: 20, 2: 12}) == set()


def test_a_serial_number_column_is_not_moved_behind_the_labels():
    from evidence_review.extract.table_layout import label_column_first
    grid = pipe_table("x\n| No. | Event | Drug A | Drug B |\n| 1 | Rash | 3 | 4 |\n| 2 | Fever | 5 | 1 |\n| 3 | Pain | 2 | 2 |",
                      "| No. | Event | Drug A | Drug B |")
    assert label_column_first(grid, {0}) is grid
    repeated = pipe_table("x\n| No. | Parameter | Group | Week 0 | Week 8 |\n| 1 | HR | I | 81.2 ± 9.1 | 78.4 ± 8.3 |\n"
                          "| 1 | HR | II | 82.7 ± 9.9 | 71.1 ± 7.6 |\n| 2 | Weight | I | 70.3 ± 11.2 | 69.8 ± 10.9 |",
                          "| No. | Parameter | Group | Week 0 | Week 8 |")
    assert label_column_first(repeated, {0}) is repeated


_EMPLOYMENT = """Residents were randomised to Tai-chi or to a waitlist control.
Table 2. Socio-demographical characteristics at baseline.
| Variables | Tai-chi (n = 16) Mean (SD) | Waitlist control (n = 16) Mean (SD) | P* |
| Age | 50.12 (9.85) | 52.40 (8.10) | 0.69 |
| Employment | | | 0.52 |
| Full time employment | 1 | 2 | |
| Unemployed | 5 | 8 | |
| Retired | 10 | 6 | |
| Years of diagnosis | 27.5 (12.4) | 25.1 (11.0) | 0.33 |
"""


def test_full_time_employment_is_a_category_counted_not_a_time():
    _, rows = read_pipe_table(_EMPLOYMENT, "| Variables | Tai-chi (n = 16) Mean (SD) | Waitlist control (n = 16) Mean (SD) | P* |",
                              caption="Table 2. Socio-demographical characteristics at baseline.")
    full = [r for r in rows if r["outcome"].endswith("Full time employment")]
    assert full and all(r["measure"] == "PROPORTION" for r in full)
    assert sorted(r["events"] for r in rows if r["outcome"].endswith("Retired")) == [6, 10]
    assert [r for r in rows if r["measure"] == "MEAN" and r["value"] == 50.12]
