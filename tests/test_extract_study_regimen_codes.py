"""Arms named by a regimen's letter code built from the treatments' initials the document defines ("cisplatin (P)
and gemcitabine (G)", arms "PG" and "PGB"), and table headers that number a group and name it ("Group 1 PG (N = 48)
%", "Arm 2: PGB (40) n (%)"). The letters of a code are no arms of their own; a letter for a time, a grade or a
measure ("time (T)") is no treatment letter; a numbered header whose name is a stratum ("Group 1 women") names no
arm. Texts and tables written for these tests."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.arm_codes import regimen_parts, treatment_letters
from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table


def test_treatment_letters_are_read_from_brackets_after_a_treatment_word():
    text = ("Patients received cisplatin (P) and gemcitabine (G); half of them also received bevacizumab (B). "
            "Imaging was done at baseline and at time (T) 3.")
    assert treatment_letters(text) == {"P": "cisplatin", "G": "gemcitabine", "B": "bevacizumab"}


def test_a_letter_given_two_names_or_a_word_that_is_no_treatment_is_left_out():
    text = "oxaliplatin (O) or the other one, oncovin (O); tumour grade (G) and time (T)"
    assert treatment_letters(text) == {}


def test_a_regimen_code_is_two_to_five_defined_letters_none_repeated():
    letters = {"P": "cisplatin", "G": "gemcitabine", "B": "bevacizumab"}
    assert regimen_parts("PG", letters) == ["cisplatin", "gemcitabine"]
    assert regimen_parts("PGB", letters) == ["cisplatin", "gemcitabine", "bevacizumab"]
    assert regimen_parts("PX", letters) is None       # X stands for nothing here
    assert regimen_parts("PP", letters) is None
    assert regimen_parts("P", letters) is None        # one letter is a treatment, not a regimen's code
    assert regimen_parts("Pg", letters) is None


CAPTION = "Table 2. Tumour response"
HEADER = "| Response | Group 1 PG (N = 48) n (%) | Group 2 PGB (N = 40) n (%) |"
TEXT = ("Abstract: Many patients with advanced disease receive cisplatin (P) and gemcitabine (G). We studied adding "
        "bevacizumab (B) to the PG regimen.\n"
        "Methods: Patients were randomly assigned (1:1) to receive cisplatin and gemcitabine (PG) with or without "
        "bevacizumab (B).\n"
        "Results: Overall response was seen in 31 of 40 PGB patients and 22 of 48 PG patients.\n"
        f"{CAPTION}\n{HEADER}\n"
        "| Complete response | 6 (12.5) | 11 (27.5) |\n"
        "| Partial response | 16 (33.3) | 20 (50.0) |\n")


def _study_and_grid():
    grid = pipe_table(TEXT, HEADER, "T2", CAPTION, header_rows=1)
    return build_study("d", TEXT, {"tables": [grid]}), grid


def test_regimen_code_arms_with_their_sizes_and_no_arm_for_one_letter_s_treatment():
    study, _ = _study_and_grid()
    by_name = {a.name: a for a in study.arms}
    assert {"PG", "PGB"} <= set(by_name), [a.name for a in study.arms]
    assert by_name["PG"].n == 48 and by_name["PGB"].n == 40
    # the split list "cisplatin and gemcitabine (PG)" is no pair of arms
    assert not any(a.canonical in ("cisplatin", "gemcitabine") for a in study.arms), [a.canonical for a in study.arms]
    # the regimen that adds a treatment is the experimental arm, the other its control
    assert by_name["PGB"].role == "experimental" and by_name["PG"].role == "control"
    assert study.resolve("the PG group") is by_name["PG"]
    assert study.resolve_column("Group 2 PGB (N = 40) n (%)") is by_name["PGB"]


def test_the_table_of_numbered_and_named_groups_is_read_under_each_arm():
    study, grid = _study_and_grid()
    rows = read_table("d", TEXT, grid, study)
    complete = {(r["intervention"], r["events"], r["total"]) for r in rows
                if r["measure"] == "PROPORTION" and r["outcome"].lower().startswith("complete")}
    names = {a.canonical for a in study.arms if a.name in ("PG", "PGB")}
    assert len(complete) == 2 and {c[0] for c in complete} == names, rows
    assert {(c[1], c[2]) for c in complete} == {(6, 48), (11, 40)}


def test_a_numbered_group_header_naming_a_stratum_is_no_arm():
    text = ("Methods: 80 patients were randomly assigned to ketorolac or placebo.\n"
            "Table 1. Baseline\n| Variable | Group 1 women (n = 30) | Group 2 men (n = 50) |\n| Age | 50 | 52 |\n")
    grid = pipe_table(text, "| Variable | Group 1 women (n = 30) | Group 2 men (n = 50) |", "T1", "Table 1. Baseline")
    study = build_study("d", text, {"tables": [grid]})
    assert not any(a.canonical in ("women", "men") for a in study.arms), [a.canonical for a in study.arms]


def test_capital_letters_that_are_no_defined_treatments_keep_their_arms():
    # "T" is a time here: "TE" is no regimen, the two named drugs stay the arms
    text = ("Methods: Patients were randomly assigned to oxycodone (n = 30) or morphine (n = 30). Pain was scored at "
            "time (T) 1 and at the end (E) of surgery; TE was the interval between the two.")
    study = build_study("d", text)
    assert [(a.canonical, a.n) for a in study.arms] == [("oxycodone", 30), ("morphine", 30)]


# ------------------------------------------------------------------ an arm's label used later as a name of its own
def test_two_arms_of_their_own_names_are_not_merged_through_a_shared_word():
    text = ("Methods: Patients were randomly assigned to ketamine (n = 40), to ketamine plus magnesium (n = 41) or to "
            "magnesium (n = 42).")
    assert sorted(a.n for a in build_study("d", text).arms) == [40, 41, 42]


# ------------------------------------------------------------------ allocation lists and their labels
def test_one_of_the_following_groups_is_an_allocation_list():
    text = ("Methods: Sixty adults were randomly assigned to one of the following groups: usual diet (UD) or low "
            "sodium (LS). The LS group was asked to halve its salt intake.")
    study = build_study("d", text)
    assert {a.canonical for a in study.arms} == {"usual diet", "low sodium"}, [a.canonical for a in study.arms]
    assert study.resolve("the LS group").canonical == "low sodium"


# ------------------------------------------------------------------ role labels closing a list's arms
def test_role_labels_close_the_arms_of_an_allocation_list_whose_first_arm_joins_several_items():
    text = ("Methods: Patients were randomized to receive zinc, selenium and vitamin E for 12 weeks (treatment) or "
            "no supplement (control).\n"
            "Table 2. Outcomes\n| Outcome | Treatmentgroup (n = 20) | Controlgroup (n = 21) |\n| Relapse | 3 | 8 |\n")
    grid = pipe_table(text, "| Outcome | Treatmentgroup (n = 20) | Controlgroup (n = 21) |", "T2", "Table 2. Outcomes")
    study = build_study("d", text, {"tables": [grid]})
    assert len(study.arms) == 2, [(a.name, a.n) for a in study.arms]
    treated = study.resolve_column("Treatmentgroup (n = 20)")
    assert treated is not None and "zinc" in treated.name.lower() and "selenium" in treated.name.lower()
    assert treated.role == "experimental"
    assert study.resolve_column("Controlgroup (n = 21)").n == 21


def test_items_labelled_each_with_its_role_stay_two_arms_by_their_own_names():
    text = ("Methods: Patients were randomized to receive melatonin (treatment) or placebo (control) nightly.")
    names = sorted(a.canonical for a in build_study("d", text).arms)
    assert names == ["melatonin", "placebo"], names
