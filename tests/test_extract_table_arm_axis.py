"""The arm axis of a table when its headers do not print the arms' names as the study model knows them: short names
the methods give the arms ("DEX", "Ket", "NS"), as columns and as rows; a treatment the methods give beside an arm
the model knows ("Placebo | Drug Y" in a crossover); dose rows ("5 mg"); blocks of rows under a heading row naming
each arm whose columns are times. Negatives: columns splitting patients by sex or response beside an arm column,
and header words that begin an arm's name without the document using them as its name. Texts written for these
tests (invented drug names, numbers changed between variants)."""
from __future__ import annotations

import pytest

from evidence_review.extract.study import build_study
from evidence_review.extract.table_arms import abbreviated_arm, given_treatment, group_size, role_arm

from table_grids import read_pipe_table


def _read(methods: str, lines: list[str], caption: str = "Table 2. Outcomes"):
    text = "Methods. " + methods + "\n\nResults.\n" + "\n".join(lines) + "\n"
    study, rows = read_pipe_table(text, lines[0], caption=caption)
    return study, rows or []


def _figures(rows: list[dict], study=None) -> set[tuple]:
    """(arm, outcome, measure, mean or events, total) of each row; the arm as the study model names it when given
    (a row may carry the short name the header prints)."""
    def arm(name):
        for a in study.arms if study is not None else []:
            if name.lower() in {x.lower() for x in a.aliases | {a.name, a.canonical}}:
                return a.canonical
        return name
    return {(arm(r["intervention"]), r["outcome"], r["measure"], r["value"] if r["measure"] != "PROPORTION" else r["events"],
             r.get("total")) for r in rows}


@pytest.mark.parametrize("definition, short", [
    ("dexmedetomidine (DEX group, n = 30) or midazolam (MID group, n = 30)", ("DEX", "MID")),
    ("dexmedetomidine (group DEX; n = 30) or midazolam (group MID; n = 30)", ("Group DEX", "Group MID")),
    ("dexmedetomidine [Dex] (n = 30) or midazolam [Mid] (n = 30)", ("Dex (n = 30)", "Mid (n = 30)")),
])
def test_columns_headed_by_the_short_names_the_methods_give_the_arms(definition, short):
    study, rows = _read(f"Sixty patients were randomized to {definition}.",
                        [f"| Variable | {short[0]} | {short[1]} | P |",
                         "| Bradycardia, n (%) | 6 (20.0) | 2 (6.7) | 0.25 |",
                         "| Sedation score, mean ± SD | 3.1 ± 0.8 | 2.7 ± 0.9 | 0.07 |"])
    assert _figures(rows, study) == {("dexmedetomidine", "Bradycardia", "PROPORTION", 6, 30),
                              ("midazolam", "Bradycardia", "PROPORTION", 2, 30),
                              ("dexmedetomidine", "Sedation score", "MEAN", 3.1, 30),
                              ("midazolam", "Sedation score", "MEAN", 2.7, 30)}


def test_initials_of_an_arm_name_as_its_column():
    study, rows = _read("Sixty patients were randomized to ketamine (group Ket; n = 30) or normal saline (NS; n = 30).",
                        ["| Variable | Ket | NS |", "| Shivering, n (%) | 4 (13.3) | 14 (46.7) |",
                         "| Temperature, mean (SD) | 36.1 (0.4) | 35.8 (0.5) |"])
    assert ("normal saline", "Shivering", "PROPORTION", 14, 30) in _figures(rows)
    assert ("ketamine", "Temperature", "MEAN", 36.1, 30) in _figures(rows)


def test_rows_named_by_the_short_names_of_the_arms():
    study, rows = _read("Forty patients were randomized to ropivacaine (ROP group, n = 21) or bupivacaine (BUP group, n = 19).",
                        ["| Group | n | Motor block, n (%) | Onset time (min), mean ± SD |",
                         "| ROP | 21 | 5 (23.8) | 12.4 ± 3.1 |", "| BUP | 19 | 9 (47.4) | 10.2 ± 2.8 |"])
    assert _figures(rows) == {("ropivacaine", "Motor block", "PROPORTION", 5, 21),
                              ("ropivacaine", "Onset time (min)", "MEAN", 12.4, 21),
                              ("bupivacaine", "Motor block", "PROPORTION", 9, 19),
                              ("bupivacaine", "Onset time (min)", "MEAN", 10.2, 19)}


def test_dose_rows_of_a_trial_of_doses():
    study, rows = _read("Patients were randomized to placebo (n = 25) or zolpitrine 5 mg (n = 25) or 10 mg (n = 26).",
                        ["| Dose | N | Responders, n (%) | Pain score, mean ± SD |",
                         "| Placebo | 25 | 5 (20.0) | 5.1 ± 1.0 |", "| 5 mg | 25 | 8 (32.0) | 4.2 ± 1.1 |",
                         "| 10 mg | 26 | 11 (42.3) | 3.9 ± 0.9 |"])
    arms = {r["intervention"] for r in rows}
    assert arms == {"placebo", "zolpitrine 5 mg", "zolpitrine 10 mg"}
    assert ("zolpitrine 5 mg", "Responders", "PROPORTION", 8, 25) in _figures(rows)


@pytest.mark.parametrize("other, placebo_first", [("Zolpitrine", True), ("Velmorant", False)])
def test_a_crossover_treatment_beside_the_placebo_column(other, placebo_first):
    heads = ["Placebo", other] if placebo_first else [other, "Placebo"]
    values = ["42.1 ± 10.2", "30.5 ± 9.8"] if placebo_first else ["30.5 ± 9.8", "42.1 ± 10.2"]
    study, rows = _read(f"In this randomized crossover trial, 24 patients received {other.lower()} and placebo in random "
                        "order, each for 4 weeks.",
                        [f"| Outcome | {heads[0]} | {heads[1]} | P |",
                         f"| Sleep latency (min), mean ± SD | {values[0]} | {values[1]} | 0.01 |"])
    got = {(r["intervention"], r["value"]) for r in rows}
    assert got == {("placebo", 42.1), (other.lower(), 30.5)}


def test_blocks_of_rows_under_each_arm_with_time_columns():
    study, rows = _read("Sixty patients were randomly assigned to velmorant (n = 30) or placebo (n = 30).",
                        ["| Variable | Baseline | Week 12 |", "| Velmorant (n = 30) | | |",
                         "| Pain score | 6.4 ± 1.1 | 3.3 ± 1.2 |", "| Placebo (n = 30) | | |",
                         "| Pain score | 6.2 ± 1.4 | 5.0 ± 1.3 |"])
    got = {(r["intervention"], r["timepoint"], r["value"], r["role"]) for r in rows}
    assert got == {("velmorant", "baseline", 6.4, "baseline"), ("velmorant", "week 12", 3.3, ""),
                   ("placebo", "baseline", 6.2, "baseline"), ("placebo", "week 12", 5.0, "")}


@pytest.mark.parametrize("others", [("Male", "Female"), ("Responders", "Non-responders"), ("Yes", "No")])
def test_columns_splitting_patients_are_not_arms(others):
    study, rows = _read("Sixty patients were randomly assigned to velmorant (n = 30) or placebo (n = 30). "
                        f"{others[0]} and {others[1].lower()} patients received the same care.",
                        [f"| Variable | Placebo | {others[0]} | {others[1]} |",
                         "| Pain score, mean ± SD | 4.4 ± 1.3 | 4.0 ± 1.1 | 4.6 ± 1.2 |"])
    assert {r["intervention"] for r in rows} == {"placebo"}


def test_short_names_need_the_documents_use():
    study = build_study("d", "Sixty patients were randomized to pregabalin (n = 30) or placebo (n = 30).", {})
    # "Pre" begins pregabalin's name but the document never calls the arm so
    assert abbreviated_arm("Pre", study, "Sixty patients were randomized to pregabalin (n = 30) or placebo.") is None
    assert abbreviated_arm("PGB", study, "randomized to pregabalin (PGB, n = 30) or placebo") is not None
    assert abbreviated_arm("P", study, "randomized to pregabalin (P) or placebo") is None      # one letter: too short


def test_a_treatment_given_is_told_from_a_word_the_text_uses_otherwise():
    text = "Patients received velmorant or placebo. Velmorant was given for 4 weeks. Table follows."
    span = (text.index("Table"), len(text))
    assert given_treatment("Velmorant", text, span)
    assert not given_treatment("Headache", "Headache was the most common complaint. Table follows.", (36, 50))
    assert not given_treatment("Female", "Female patients received velmorant. Table follows.", (36, 50))
    assert not given_treatment("Week 4", text, span)


@pytest.mark.parametrize("sentence, code, size", [
    ("Group 2 (n = 28) received placebo.", "2", 28),
    ("Group B, n = 31, received saline.", "B", 31),
    ("Group III (22 patients) received saline.", "III", 22),
    ("Group C included 19 patients given saline.", "C", 19),
    ("Twenty-six children were in group D.", "D", 26),
    ("Seventeen patients were allocated to group D.", "D", 17),
    ("Group A (n = 20) received X; group A, n = 21, in the second phase.", "A", None),   # two sizes: none
])
def test_the_size_the_text_gives_a_coded_group(sentence, code, size):
    assert group_size(code, sentence) == size


def test_coded_columns_take_their_sizes_from_the_methods():
    study, rows = _read("Sixty patients were randomized into Group 1 (n = 29), who received zolpitrine, and Group 2 "
                        "(n = 31), who received placebo.",
                        ["| Variable | Group 1 | Group 2 | P |", "| Response, n (%) | 12 (41.4) | 9 (29.0) | 0.4 |"])
    assert {(r["events"], r["total"]) for r in rows} == {(12, 29), (9, 31)}


def test_a_third_arm_row_the_study_model_missed():
    study, rows = _read("Ninety patients were randomized to zolpitrine (n = 30) or placebo (n = 30); a third group of 29 "
                        "received velmorant.",
                        ["| Group | n | Nausea, n (%) | Pain, mean ± SD |", "| Zolpitrine | 30 | 6 (20.0) | 3.1 ± 1.0 |",
                         "| Velmorant | 29 | 5 (17.2) | 2.9 ± 1.1 |", "| Placebo | 30 | 2 (6.7) | 4.5 ± 1.2 |"])
    assert {(r["intervention"], r["measure"]) for r in rows} >= {("velmorant", "PROPORTION"), ("velmorant", "MEAN")}
    assert ("velmorant", "Nausea", "PROPORTION", 5, 29) in _figures(rows)


def test_treatment_rows_repeated_under_each_outcome_heading_row():
    # a crossover whose study model names no arm: the placebo row and the treatments the text gives, the same rows
    # again under each outcome's heading row, every block read whole
    study, rows = _read("The effect of low and high doses of velmorant and placebo was evaluated in each of 16 subjects by a "
                        "randomized, double-blinded, cross-over design. Low-dose velmorant was given on days 1 to 13, "
                        "high-dose velmorant on days 1 to 3.",
                        ["| | Day 4 | Day 11 |", "| Hematocrit (%) | | |",
                         "| Placebo | 42.1 (1.8) | 40.9 (2.4) |", "| Low-dose velmorant | 42.6 (2.1) | 43.2 (2.0) |",
                         "| High-dose velmorant | 43.1 (1.6) | 43.5 (2.3) |", "| Ferritin (µg/l) | | |",
                         "| Placebo | 84.1 (62.0) | 71.3 (47.5) |", "| Low-dose velmorant | 67.2 (70.1) | 33.4 (37.9) |",
                         "| High-dose velmorant | 44.8 (35.2) | 31.0 (18.4) |"])
    got = {(r["intervention"], r["outcome"], r["timepoint"], r["value"], r["sd"]) for r in rows}
    assert ("high-dose velmorant", "Ferritin (µg/l)", "day 11", 31.0, 18.4) in got
    assert ("low-dose velmorant", "Ferritin (µg/l)", "day 4", 67.2, 70.1) in got
    assert len(got) == 12


def test_a_row_the_document_never_gives_is_no_arm():
    study, rows = _read("Sixty patients were randomized to zolpitrine (n = 30) or placebo (n = 30).",
                        ["| Group | n | Nausea, n (%) | Pain, mean ± SD |", "| Zolpitrine | 30 | 6 (20.0) | 3.1 ± 1.0 |",
                         "| Velmorant | 29 | 5 (17.2) | 2.9 ± 1.1 |", "| Placebo | 30 | 2 (6.7) | 4.5 ± 1.2 |"])
    assert {r["intervention"] for r in rows} == {"zolpitrine", "placebo"}


@pytest.mark.parametrize("control", ["Placebo", "Sham"])
def test_crossover_conditions_as_rows(control):
    study, rows = _read(f"In this randomized crossover trial, 24 patients received velmorant and {control.lower()} in "
                        "random order, each for 4 weeks.",
                        ["| Condition | Sleep latency (min), mean ± SD | Awakenings, mean ± SD |",
                         f"| {control} | 42.1 ± 10.2 | 3.1 ± 1.0 |", "| Velmorant | 30.5 ± 9.8 | 2.2 ± 0.9 |"])
    assert {(r["intervention"], r["value"]) for r in rows} == {(control.lower(), 42.1), (control.lower(), 3.1),
                                                                ("velmorant", 30.5), ("velmorant", 2.2)}


def test_an_arm_label_printed_once_for_its_block_of_times():
    study, rows = _read("Sixty patients were randomly assigned to velmorant (n = 30) or placebo (n = 30).",
                        ["| Group | Time | Pain score, mean ± SD | Rescue analgesia, n (%) |",
                         "| Velmorant | 6 h | 3.1 ± 1.0 | 4 (13.3) |", "| | 24 h | 2.5 ± 0.9 | 2 (6.7) |",
                         "| Placebo | 6 h | 4.8 ± 1.2 | 12 (40.0) |", "| | 24 h | 3.9 ± 1.1 | 9 (30.0) |"])
    got = {(r["intervention"], r["timepoint"], r["measure"], r["value"] if r["measure"] == "MEAN" else r["events"])
           for r in rows}
    assert ("velmorant", "24 h", "MEAN", 2.5) in got and ("placebo", "24 h", "PROPORTION", 9) in got
    assert len(got) == 8


def test_a_row_of_figures_without_label_or_time_continues_no_arm():
    from evidence_review.extract.table_arms import continued_arm_rows
    arm = build_study("d", "Patients were randomized to velmorant (n = 30) or placebo (n = 30).", {}).arms[0]
    labels, seconds = {1: "Velmorant", 2: "", 3: ""}, {1: "6 h", 2: "24 h", 3: "12.0"}
    assert continued_arm_rows(labels, seconds, {1: 2, 2: 2, 3: 2}, {1: arm}) == {2: arm}


@pytest.mark.parametrize("treated, control", [("Treated", "Untreated"), ("Intervention arm", "Comparator arm"),
                                              ("Case group", "Control group"), ("Experimental", "Comparison group")])
def test_columns_naming_the_arms_by_their_role(treated, control):
    study, rows = _read("Sixty patients were randomly assigned to velmorant (n = 30) or placebo (n = 30).",
                        [f"| Variable | {treated} | {control} |", "| Response, n (%) | 12 (40.0) | 9 (30.0) |"])
    assert {(r["intervention"], r["events"], r["total"]) for r in rows} == {("velmorant", 12, 30), ("placebo", 9, 30)}


def test_role_words_need_one_arm_of_the_role():
    three = build_study("d", "Ninety patients were randomly assigned to velmorant (n = 30), zolpitrine (n = 30) or "
                             "placebo (n = 30).", {})
    assert role_arm("Treated", three) is None          # two treated arms: which one the words do not say
    assert role_arm("Control group", three) is not None
    two = build_study("d", "Sixty patients were randomly assigned to velmorant (n = 30) or placebo (n = 30).", {})
    assert role_arm("Cases", two) is None              # "Cases | Controls": patients with the outcome, no arm
    assert role_arm("Untreated (n = 30)", two).canonical == "placebo"


def test_a_single_arm_trial_table_of_times():
    text = ("Methods. In this single-arm trial, thirty patients were treated with velmorant 10 mg daily for 8 weeks.\n\n"
            "Results.\n| Characteristic | Velmorant (n = 30) |\n| Age, years, mean ± SD | 51.2 ± 9.9 |\n\n"
            "| Outcome | Baseline | Week 4 | Week 8 | P |\n| Pain score, mean ± SD | 6.1 ± 1.2 | 4.0 ± 1.1 | 3.1 ± 1.0 | <0.001 |\n")
    from table_grids import pipe_table
    from evidence_review.extract.table_reader import read_tables
    tables = [pipe_table(text, "| Characteristic | Velmorant (n = 30) |", "T1"),
              pipe_table(text, "| Outcome | Baseline | Week 4 | Week 8 | P |", "T2")]
    study = build_study("d", text, {"tables": tables})
    rows, _ = read_tables("d", text, {"tables": tables}, study)
    timed = {(r["timepoint"], r["value"], r["total"]) for r in rows if r["outcome"].startswith("Pain")}
    assert timed == {("baseline", 6.1, 30), ("week 4", 4.0, 30), ("week 8", 3.1, 30)}
    assert {r["intervention"] for r in rows} == {"velmorant"}


def test_a_randomized_trial_is_no_single_arm_design():
    from evidence_review.extract.table_arms import one_arm_design
    assert one_arm_design("An uncontrolled, single-arm study of velmorant.")
    assert not one_arm_design("Patients were randomly assigned to velmorant or placebo in this non-randomized extension.")
    assert not one_arm_design("A randomized trial of velmorant against usual care.")


@pytest.mark.parametrize("label, pairs", [("Gender (male/female)", ("7/4", "6/6")), ("Sex, M/F", ("(7/4)", "(6/6)")),
                                          ("Boys:girls", ("7:4", "6:6"))])
def test_arm_sizes_from_the_counts_of_both_sexes(label, pairs):
    # arms as rows, no size anywhere else: the row's two counts of the sexes are its patients
    study, rows = _read("Patients were randomly divided into two groups, A and B.",
                        [f"| Group | Age (years) | {label} | Relapse, n |",
                         f"| Group A | 47 ± 9.6 | {pairs[0]} | 3 |", f"| Group B | 45 ± 9.1 | {pairs[1]} | 5 |"])
    assert {(r["intervention"].lower()[-7:], r["total"]) for r in rows if r["measure"] == "MEAN"} == {("group a", 11),
                                                                                                  ("group b", 12)}
    # arms as columns
    study, rows = _read("Sixty patients were randomly assigned to velmorant or placebo.",
                        ["| Variable | Velmorant | Placebo |", f"| {label} | {pairs[0]} | {pairs[1]} |",
                         "| Nausea, n | 3 | 5 |"])
    assert ("velmorant", "Nausea", "PROPORTION", 3, 11) in _figures(rows)
    assert ("placebo", "Nausea", "PROPORTION", 5, 12) in _figures(rows)


def test_no_size_from_pairs_of_other_counts():
    from evidence_review.extract.table_arms import size_from_sex_pair
    assert size_from_sex_pair("Gender (male/female)", "7/4") == 11
    assert size_from_sex_pair("Responders/total", "7/14") is None
    assert size_from_sex_pair("Sex (M/F)", "7.1/4") is None


@pytest.mark.parametrize("male, female", [("Male", "Female"), ("Men", "Women"), ("Boys", "Girls")])
def test_arm_sizes_from_one_row_per_sex(male, female):
    study, rows = _read("Sixty patients were randomly assigned to velmorant or placebo.",
                        ["| Variable | Velmorant | Placebo |", "| Nausea, n | 3 | 5 |", "| Sex | | |",
                         f"| {male} | 20 | 17 |", f"| {female} | 10 (33.3) | 12 (41.4) |"])
    assert ("velmorant", "Nausea", "PROPORTION", 3, 30) in _figures(rows)
    assert ("placebo", "Nausea", "PROPORTION", 5, 29) in _figures(rows)


@pytest.mark.parametrize("label", ["Total patients", "Total no. of subjects, n", "Number of subjects", "Patients analysed"])
def test_a_row_of_the_arms_sizes(label):
    study, rows = _read("Patients were randomly assigned to velmorant or placebo.",
                        ["| Variable | Velmorant | Placebo |", f"| {label} | 30 | 31 |", "| Nausea, n | 3 | 5 |"])
    assert {(r["intervention"], r["events"], r["total"]) for r in rows} == {("velmorant", 3, 30), ("placebo", 5, 31)}
