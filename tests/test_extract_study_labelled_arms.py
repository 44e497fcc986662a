"""Study-model arms whose allocation list gives each group a label or a code: a code anywhere inside the item's
bracket ("placebo (cellulose; PLC; n = 10)"), a role label set off by commas or dashes ("X, the treatment group
(TG), or Y, the control group (CG)"; "X—Intervention Group (IG)—or ..."). The code and the label become names of
the arm, so "the PLC group" in prose and a "TG" table column resolve to it. Texts written for these tests."""
from __future__ import annotations

import pytest

from evidence_review.extract.study import build_study


def _arms(text: str) -> list[tuple]:
    return [(a.canonical, a.n, a.role) for a in build_study("doc", text).arms]


@pytest.mark.parametrize("bracket, code", [
    ("(cellulose; PLC; n = 10)", "PLC"),
    ("(cellulose, PLC, n=10)", "PLC"),
    ("[n = 10; PLC]", "PLC"),
    ("(PLC; n = 10)", "PLC"),
])
def test_a_code_anywhere_in_the_allocation_bracket_names_the_arm(bracket, code):
    text = (f"Methods: Twenty rowers were randomly assigned to receive placebo {bracket} or caffeine "
            "(4 mg/kg; CAF; n = 10).\nResults: Mean power was 312 W in the CAF group and 298 W in the PLC group.")
    study = build_study("doc", text)
    assert _arms(text) == [("placebo", 10, "control"), ("caffeine", 10, "experimental")]
    assert study.resolve(f"the {code} group").canonical == "placebo"
    assert study.resolve_column("CAF (n = 10)").canonical == "caffeine"


def test_codes_with_a_dose_number_name_each_dose_arm():
    text = ("Methods: Patients were randomized to drugq 15 mg (Q15; n = 41) or drugq 45 mg (Q45; n = 43).\n"
            "Results: Response was seen in 20 of 41 patients in the Q15 group.")
    study = build_study("doc", text)
    assert [(a.n, a.dose != "") for a in study.arms] == [(41, True), (43, True)]
    assert study.resolve("Q45").n == 43
    assert study.resolve("the Q15 group").n == 41


def test_units_and_statistics_in_a_bracket_are_no_codes():
    text = ("Methods: Adults were randomly assigned to vitamin K2 (200 IU; n = 30) or placebo (SD tablets; n = 30).")
    aliases = set().union(*(a.aliases for a in build_study("doc", text).arms))
    assert "IU" not in aliases


@pytest.mark.parametrize("sentence", [
    "were randomly assigned to receive either walking training, the treatment group (TG), or stretching, the "
    "control group (CG).",
    "were randomly assigned to receive walking training\u2014Treatment Group (TG)\u2014or stretching\u2014Control "
    "Group (CG).",
    "were randomly assigned to receive walking training \u2013 the treatment group (TG) \u2013 or stretching \u2013 "
    "the control group (CG).",
    "were randomly assigned to receive walking training - treatment group (TG) - or stretching - control group (CG).",
])
def test_role_labels_set_off_by_commas_or_dashes_name_the_arms(sentence):
    text = f"Methods: Fifty-two older adults {sentence}\nResults: Gait speed rose more in the TG than in the CG."
    study = build_study("doc", text)
    assert [(a.canonical, a.role) for a in study.arms] == [("walking training", "experimental"),
                                                            ("stretching", "control")]
    assert study.resolve("TG").canonical == "walking training"
    assert study.resolve_column("CG (n = 26)").canonical == "stretching"


def test_labelled_groups_keep_a_combination_whole_and_drop_the_shared_background():
    text = ("Methods: Eighty smokers were randomized to receive usual advice, brief counselling\u2014Intervention "
            "Group (IG)\u2014or brief counselling and nicotine gum\u2014Control Group (CG).")
    arms = build_study("doc", text).arms
    assert [a.role for a in arms] == ["experimental", "control"]
    assert arms[0].name == "brief counselling"
    assert "nicotine gum" in arms[1].name and "brief counselling" in arms[1].name
    assert not any("usual advice" in a.name for a in arms)


def test_a_list_of_two_named_groups_is_not_read_as_labels():
    text = "Methods: Patients were randomly assigned to the yoga group, the swimming group or the control group."
    names = [a.canonical for a in build_study("doc", text).arms]
    assert len(names) == 3


def test_one_uncoded_group_at_the_end_of_a_list_is_an_arm_not_a_label():
    text = "Methods: Patients were randomly assigned to yoga, swimming, the control group."
    arms = build_study("doc", text).arms
    assert [a.canonical for a in arms][:2] == ["yoga", "swimming"]
    assert len(arms) == 3 and arms[2].role == "control"


@pytest.mark.parametrize("disposition, sizes", [
    ("Of the 146 randomized patients, 75 received drugm and 71 received saline.", [75, 71]),
    ("Of 146 participants randomly assigned: 75 to drugm, 71 to saline.", [75, 71]),
    ("Of all 146 enrolled, 75 were in the drugm group and 71 in the saline group completed follow-up.", [75, 71]),
    ("Of the 1,146 randomized, 575 received drugm and 571 received saline.", [575, 571]),
])
def test_the_disposition_of_the_randomized_gives_each_arm_its_size(disposition, sizes):
    text = f"Methods: Adults were randomly assigned to drugm or saline.\nResults: {disposition}"
    assert [a.n for a in build_study("doc", text).arms] == sizes


def test_counts_that_do_not_add_up_to_the_randomized_are_no_arm_sizes():
    # 70 + 66 completers of 146 randomized: drop-outs, so these are not the arms' sizes
    text = ("Methods: Adults were randomly assigned to drugm or saline.\n"
            "Results: Of the 146 randomized patients, 70 received drugm and 66 received saline until week 12.")
    assert [a.n for a in build_study("doc", text).arms] == [None, None]


@pytest.mark.parametrize("treated, other", [("metformin", "placebo"), ("walking training", "stretching")])
def test_labels_set_off_by_commas_in_a_sentence_that_only_says_what_was_given(treated, other):
    # no allocation verb: the pair is read as compared arms, the labels stay off their names
    text = (f"Methods: Participants received either {treated}, the treatment group (TG), or {other}, the control "
            "group (CG).\nResults: The TG improved more than the CG.")
    study = build_study("doc", text)
    assert [(a.name, a.role) for a in study.arms] == [(treated, "experimental"), (other, "control")]
    assert study.resolve("TG").name == treated
    assert study.resolve("the CG group").name == other
