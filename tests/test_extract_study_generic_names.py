"""Study-model names of arms a report calls generically: "treatment" beside the one named treatment, a "Control
group" column that is the placebo arm, a control group described by a trait it lacks, and dates read as counts.
Texts written for these tests."""
from __future__ import annotations

from evidence_review.extract.study import build_study

def _arms(text: str) -> list[tuple]:
    return sorted((a.canonical, a.n, a.role) for a in build_study("doc", text).arms)


def test_generic_treatment_arm_is_the_named_one_and_dates_are_no_counts():
    text = ("Methods: 100 infants with bronchiolitis were randomly assigned 1 : 1 to receive magnesium or placebo. "
            "Results: A total of 100 infants were admitted from March 2019 to April 2020; 50 were randomized to "
            "treatment and 50 to placebo.")
    assert _arms(text) == [("magnesium", 50, "experimental"), ("placebo", 50, "control")]


def test_two_named_treatments_keep_a_generic_arm_apart():
    text = ("Patients were randomly assigned to magnesium, salbutamol or placebo. 40 were randomized to treatment and "
            "40 to placebo.")
    names = [a[0] for a in _arms(text)]
    assert "magnesium" in names and "salbutamol" in names


def test_a_trait_the_control_group_lacked_does_not_name_it():
    text = ("Children were randomly assigned to magnesium (n = 40) or control (n = 40). In the magnesium group 5% had "
            "a history of asthma, while the control group had no history of vaccination.")
    controls = [a[0] for a in _arms(text) if a[2] == "control"]
    assert controls == ["control"]


def test_what_the_control_group_went_without_still_names_it():
    text = ("Patients were randomly assigned to atorvastatin or control. The control group received no statins "
            "during the study.")
    assert [a[0] for a in _arms(text) if a[2] == "control"] == ["no statin"]


def test_a_control_column_merged_with_placebo_is_the_placebo_arm():
    from evidence_review.extract.study import Arm, _name_control_by_its_kind
    arms = [Arm("arm1", "magnesium", "magnesium", 50, "experimental", 10, 19),
            Arm("arm2", "Control group", "control", 50, "control", 400, 413, source="table", aliases={"control", "placebo"}),
            Arm("arm3", "Control group", "control", 30, "control", 500, 513, source="table", aliases={"control"})]
    _name_control_by_its_kind(arms)
    assert [a.canonical for a in arms] == ["magnesium", "placebo", "control"]


def test_doses_with_thousands_set_apart_by_a_space_and_how_they_are_given():
    text = ("Adults were randomized to either placebo, 50 000 IU vitamin K1 or 50 000 IU vitamin K2, orally "
            "administered weekly for 8 weeks.")
    assert _arms(text) == [("placebo", None, "control"), ("vitamin k1", None, "experimental"),
                           ("vitamin k2", None, "experimental")]


def test_treatments_the_lexicon_does_not_know_compared_with_their_doses():
    text = ("Open-label randomized trial to compare efficacy and safety of praziquantel (single dose, 40 mg/kg) and "
            "oxamniquine (two daily doses of 15 mg/kg for two days) to cure schistosomiasis.")
    assert [a[0] for a in _arms(text)] == ["oxamniquine", "praziquantel"]
    # the aim names what it compares ("the efficacy and safety of A and B"), with or without doses
    assert [a[0] for a in _arms("The aim was to compare the efficacy and safety of praziquantel (PZQ) and oxamniquine "
                                "in adults.")] == ["oxamniquine", "praziquantel"]
    # ... but an aim comparing groups of patients names no arms
    assert _arms("The aim was to compare the incidence of relapse in younger and older adults.") == []


def test_arms_told_apart_by_an_amount_with_a_shared_head():
    text = ("Patients were randomly assigned to receive surgery with either a 2 cm or 4 cm resection margin following "
            "biopsy. We randomly assigned 600 patients to surgery with either a 2 cm resection margin (n=301) or a 4 cm "
            "resection margin (n=299).")
    study = build_study("doc", text)
    assert sorted((a.canonical, a.n) for a in study.arms) == [("2 cm resection margin", 301), ("4 cm resection margin", 299)]
    assert all({"2 cm", "4 cm"} & a.aliases for a in study.arms)


def test_the_arm_given_only_what_the_other_adds_to_is_the_control():
    from evidence_review.extract.study import Arm, _assign_roles
    arms = [Arm("", "Lidocaine", "lidocaine", 30, "", 0, 9), Arm("", "lidocaine plus clonidine", "lidocaine plus clonidine",
                                                                  30, "", 13, 37)]
    _assign_roles(arms, "Lidocaine or lidocaine plus clonidine")
    assert [a.role for a in arms] == ["control", "experimental"]
    arms = [Arm("", "Lidocaine", "lidocaine", 30, "", 0, 9), Arm("", "bupivacaine", "bupivacaine", 30, "", 13, 24)]
    _assign_roles(arms, "Lidocaine or bupivacaine")
    assert [a.role for a in arms] == ["experimental", "control"]      # no add-on: the comparator is named last


def test_lettered_arms_opening_their_own_sentences_with_each_arms_size():
    text = ("Fifty patients were randomized into two arms, with 25 patients in each arm. Arm A received weekly "
            "carboplatin with radiation. Arm B received weekly docetaxel with radiation.")
    study = build_study("doc", text)
    assert sorted(a.n for a in study.arms) == [25, 25] and len(study.arms) == 2
    assert all("group a" in a.aliases or "group b" in a.aliases for a in study.arms)


def test_a_sample_size_per_group_is_no_arm_size():
    text = ("Patients were randomly assigned to carboplatin or docetaxel. A sample size with 40 patients in each group "
            "would give 80% power.")
    assert all(a.n is None for a in build_study("doc", text).arms)


def test_a_case_group_named_by_what_it_received():
    from evidence_review.extract.study import Arm, _name_generic_groups
    scan = ("Patients were randomly divided into two equal groups of case and control. The case group received sage "
            "extract and the control group received placebo tablets three times a day.")
    arms = [Arm("arm1", "Placebo", "placebo", 40, "control", 500, 507, source="table", aliases={"placebo"})]
    _name_generic_groups(arms, scan)
    assert sorted((a.canonical, a.role) for a in arms) == [("placebo", "control"), ("sage extract", "experimental")]


def test_an_intervention_group_named_by_the_treatment_its_bracket_or_what_it_underwent_names():
    from evidence_review.extract.study import Arm, _name_generic_groups
    # the bracket after the generic group at allocation names it; a placebo group stands beside it
    scan = ("Sixty adults with migraine were randomly assigned to an intervention group (reflexology massage) or a "
            "placebo group (sham touch). The intervention group was formed by 31 patients.")
    arms = [Arm("arm1", "Intervention", "intervention", 31, "experimental", 500, 512, source="table"),
            Arm("arm2", "Placebo", "placebo", 29, "control", 520, 527, source="table", aliases={"placebo"})]
    _name_generic_groups(arms, scan)
    assert sorted((a.canonical, a.n, a.role) for a in arms) == [("placebo", 29, "control"),
                                                                ("reflexology massage", 31, "experimental")]
    # "underwent" says what the group received too
    scan = ("Patients were randomized to an intervention group or a control group. The intervention group underwent "
            "a yoga breathing protocol, with two sessions a week.")
    arms = [Arm("arm1", "Intervention", "intervention", 31, "experimental", 500, 512, source="table"),
            Arm("arm2", "Control", "control", 29, "control", 520, 527, source="table", aliases={"control"})]
    _name_generic_groups(arms, scan)
    assert [a.canonical for a in arms] == ["yoga breathing protocol", "control"]


def test_a_bracket_after_a_generic_group_that_names_no_treatment_names_nothing():
    from evidence_review.extract.study import Arm, _name_generic_groups
    for bracket in ("right panels", "data not shown", "reflexology versus control", "higher values mean better"):
        scan = f"Pain fell more in the intervention group ({bracket}) than in the control group."
        arms = [Arm("arm1", "Intervention", "intervention", 31, "experimental", 500, 512, source="table"),
                Arm("arm2", "Control", "control", 29, "control", 520, 527, source="table", aliases={"control"})]
        _name_generic_groups(arms, scan)
        assert [a.canonical for a in arms] == ["intervention", "control"], bracket
