"""Columns headed by abbreviations a table's footnote defines as the groups ("EG, exercise group; PG, placebo
group") under time points spanning the arm pairs, a p column after each pair (batch 54's shape, written here with
other names and numbers): the study model gives each printed abbreviation to the arm its definition names, and a
"PG" column is the placebo's, no p column ("Pa" with its footnote mark stays a p column). Negatives: an abbreviation
no table prints, or one whose definition names no arm, names nothing."""
from __future__ import annotations

from table_grids import pipe_table
from table_grids import read_pipe_table

from evidence_review.extract.arm_codes import group_abbreviations
from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import _TEST_HEADER

ALLOCATION = ("Methods: Sixty-one adults were randomized to an exercise group (n = 31) or a placebo group (n = 30). "
              "The exercise group trained twice a week; the placebo group received sham stretching.\n")
CAPTION = "Table 2. Fatigue scores of the study groups"
HEADER = "| Scale | Baseline M (SD) | Baseline M (SD) | P | 12 weeks M (SD) | 12 weeks M (SD) | P |"
SUBHEADER = "| Scale | EG | PG | P | EG | PG | P |"
ROWS = ("| Energy | 41.20 (5.10) | 40.75 (6.30) | .712 | 47.05 (4.80) | 41.90 (6.05) | .004 |\n"
        "| Vigour | 22.40 (3.15) | 23.10 (3.60) | .402 | 26.35 (3.05) | 23.40 (3.70) | .011 |\n")
FOOTNOTE = "EG, exercise group; PG, placebo group; M, mean; SD, standard deviation."


def test_a_footnote_defines_abbreviations_as_groups():
    found = group_abbreviations("FSS, fatigue severity scale; EG, exercise group; PG: the placebo group; SD, standard "
                                "deviation")
    assert [(d.code, d.name) for d in found] == [("EG", "exercise"), ("PG", "placebo")]


def test_abbreviations_of_measures_and_times_are_no_groups():
    assert group_abbreviations("SD, standard deviation; BMI, body mass index; PT, post-therapy group") == [
        d for d in group_abbreviations("PT, post-therapy group") if d.code == "PT"]
    assert group_abbreviations("FU, follow-up; T1, after week 4 group") == []
    assert group_abbreviations("IMOD, while the intervention group; TPMM, and 19 individuals in group") == []


def _study(text, header=HEADER):
    grid = pipe_table(text, header, "T2", CAPTION, header_rows=2)
    return build_study("d", text, {"tables": [grid]})


def test_the_printed_abbreviations_name_the_arms():
    text = ALLOCATION + f"{CAPTION}\n{HEADER}\n{SUBHEADER}\n{ROWS}{FOOTNOTE}\n"
    study = _study(text)
    assert study.resolve_column("EG").canonical == "exercise", study.arms
    assert study.resolve_column("PG").canonical == "placebo", study.arms


def test_an_abbreviation_no_table_prints_names_no_arm():
    header = "| Scale | Exercise (n = 31) | Placebo (n = 30) | P |"
    text = ALLOCATION + f"{CAPTION}\n{header}\n| Energy | 41.20 (5.10) | 40.75 (6.30) | .712 |\n{FOOTNOTE}\n"
    grid = pipe_table(text, header, "T2", CAPTION, header_rows=1)
    study = build_study("d", text, {"tables": [grid]})
    assert study.resolve_column("EG") is None and study.resolve_column("PG") is None


def test_an_abbreviation_whose_group_is_no_arm_names_nothing():
    footnote = "EG, elderly group; PG, paediatric group."
    text = ALLOCATION + f"{CAPTION}\n{HEADER}\n{SUBHEADER}\n{ROWS}{footnote}\n"
    study = _study(text)
    assert study.resolve_column("EG") is None and study.resolve_column("PG") is None


def test_a_p_header_takes_a_small_footnote_letter_only():
    assert _TEST_HEADER.fullmatch("Pa") and _TEST_HEADER.fullmatch("P*") and _TEST_HEADER.fullmatch("p value")
    assert not _TEST_HEADER.fullmatch("PG")


def test_time_points_over_abbreviated_arm_pairs_with_a_p_column_between():
    text = ALLOCATION + f"{CAPTION}\n{HEADER}\n{SUBHEADER}\n{ROWS}{FOOTNOTE}\n"
    _, rows = read_pipe_table(text, HEADER, CAPTION, header_rows=2, footnote=FOOTNOTE)
    means = sorted((r["outcome"], r["intervention"], r["value"], r["sd"], r["total"]) for r in rows
                   if r["measure"] == "MEAN")
    assert means == sorted([
        ("Energy", "exercise", 41.2, 5.1, 31), ("Energy", "placebo", 40.75, 6.3, 30),
        ("Energy", "exercise", 47.05, 4.8, 31), ("Energy", "placebo", 41.9, 6.05, 30),
        ("Vigour", "exercise", 22.4, 3.15, 31), ("Vigour", "placebo", 23.1, 3.6, 30),
        ("Vigour", "exercise", 26.35, 3.05, 31), ("Vigour", "placebo", 23.4, 3.7, 30)])
    assert {r["timepoint"] for r in rows if r["measure"] == "MEAN"} >= {"baseline"}


def test_three_levels_time_arm_category_read_as_counts_of_each_arm():
    # "Baseline (n)" over "EG | PG" over "NP | MP | SP": each cell counts an arm's patients in a category at a time,
    # the category counts adding up to each arm's size (31 and 30)
    header = "| Item | Baseline (n) | Baseline (n) | Baseline (n) | Baseline (n) | Baseline (n) | Baseline (n) | P | " \
             "12 weeks (n) | 12 weeks (n) | 12 weeks (n) | 12 weeks (n) | 12 weeks (n) | 12 weeks (n) | P |"
    middle = "| Item | EG | EG | EG | PG | PG | PG | P | EG | EG | EG | PG | PG | PG | P |"
    bottom = "| Item | NP | MP | SP | NP | MP | SP | P | NP | MP | SP | NP | MP | SP | P |"
    rows = ("| Latency | 3 | 9 | 19 | 2 | 11 | 17 | .512 | 6 | 14 | 11 | 3 | 10 | 17 | .031 |\n"
            "| Disturbance | 1 | 12 | 18 | 4 | 8 | 18 | .207 | 2 | 20 | 9 | 1 | 9 | 20 | .044 |\n")
    footnote = "NP, no problems; MP, moderate problems; SP, severe problems; EG, exercise group; PG, placebo group."
    text = ALLOCATION + f"{CAPTION}\n{header}\n{middle}\n{bottom}\n{rows}{footnote}\n"
    _, read = read_pipe_table(text, header, CAPTION, header_rows=3, footnote=footnote)
    counts = sorted((r["outcome"], r["intervention"], r["timepoint"], r["events"], r["total"]) for r in read
                    if r["measure"] == "PROPORTION")
    assert len(counts) == 24, counts
    assert ("Latency NP", "exercise", "baseline", 3, 31) in counts
    assert ("Latency SP", "placebo", "12 weeks", 17, 30) in counts
    assert ("Disturbance MP", "placebo", "baseline", 8, 30) in counts


def test_category_columns_not_adding_up_to_the_arm_are_no_counts():
    header = "| Item | Baseline (n) | Baseline (n) | Baseline (n) | Baseline (n) | Baseline (n) | Baseline (n) |"
    middle = "| Item | EG | EG | EG | PG | PG | PG |"
    bottom = "| Item | Q1 score | Q2 score | Q3 score | Q1 score | Q2 score | Q3 score |"
    rows = "| Latency | 13 | 19 | 29 | 12 | 21 | 27 |\n"
    footnote = "EG, exercise group; PG, placebo group."
    text = ALLOCATION + f"{CAPTION}\n{header}\n{middle}\n{bottom}\n{rows}{footnote}\n"
    _, read = read_pipe_table(text, header, CAPTION, header_rows=3, footnote=footnote)
    assert not [r for r in read or [] if r["measure"] == "PROPORTION"]


def test_a_footnote_digit_glued_to_the_group_word_still_names_the_arm():
    text = ("Methods: Patients were randomized to the FOX group (n = 40) or the DOX group (n = 38).\n"
            "Table 1. Characteristics\n| | FOX group1 | FOX group1 | DOX group2 | DOX group2 |\n"
            "| | All (n = 40) No. (%) | QOL (n = 33) No. (%) | All (n = 38) No. (%) | QOL (n = 31) No. (%) |\n"
            "| Male | 22 (55) | 18 (55) | 20 (53) | 17 (55) |\n")
    header = "| | FOX group1 | FOX group1 | DOX group2 | DOX group2 |"
    # (the populations' row read as the body's first row, as ingestion gave batch 54's grid)
    study, rows = read_pipe_table(text, header, "Table 1. Characteristics", header_rows=1)
    assert study.resolve_column("FOX group1").canonical == "fox" and study.resolve_column("DOX group2").canonical == "dox"
    assert study.resolve_column("Group1") is None or study.resolve_column("Group1").canonical not in ("fox", "dox")
    assert sorted((r["intervention"], r["events"]) for r in rows if r["measure"] == "PROPORTION") == [
        ("dox", 17), ("dox", 20), ("fox", 18), ("fox", 22)]


def test_one_block_per_arm_named_by_the_stub_header():
    text = ("Methods: Sixty women were randomized to a fish oil supplement (n = 30) or placebo (n = 30).\n"
            "Table 1. Changes in skin hydration\n"
            "| Fish oil supplement, N = 30 | Baseline | Day 60 | Significance |\n"
            "| Mean hydration (SD) | 41.3 (5.2) | 47.9 (6.1) | P < 0.001 |\n"
            "| Mean roughness (SD) | 12.4 (2.2) | 10.1 (2.0) | P = 0.004 |\n"
            "| Placebo, N = 30 | Baseline | Day 60 | Significance |\n"
            "| Mean hydration (SD) | 40.8 (4.9) | 41.5 (5.5) | P = NS |\n"
            "| Mean roughness (SD) | 12.6 (2.4) | 12.3 (2.1) | P = NS |\n")
    header = text.split("\n")[2]
    _, rows = read_pipe_table(text, header, "Table 1. Changes in skin hydration", header_rows=1)
    means = sorted((r["intervention"], r["timepoint"], r["value"], r["sd"], r["total"]) for r in rows
                   if r["measure"] == "MEAN")
    assert len(means) == 8, means
    assert ("fish oil supplement", "baseline", 41.3, 5.2, 30) in means
    assert ("placebo", "day 60", 12.3, 2.1, 30) in means
