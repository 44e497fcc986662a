"""Study-model arms a report names by a group numeral or letter ("group I", "group 2", "arm B") that the methods
define by what each group received, with their sizes and the numeral kept as an alias; and clauses of an
allocation or disposition sentence that are no arms. Texts written for these tests."""
from __future__ import annotations

from evidence_review.extract.study import build_study


def _arms(text: str) -> list[tuple]:
    return [(a.canonical, a.n) for a in build_study("doc", text).arms]


def test_roman_numbered_groups_named_by_what_was_administered_in_each():
    text = ("Methods: 170 adults with acute migraine were randomly divided into two groups. In group I (85 people) a "
            "single dose of intravenous ketorolac (0.4 mg/kg) was given and in group II (85 people) intravenous "
            "dexketoprofen (50 mg) was given slowly.\n"
            "Results: Pain relief at 30 minutes was reported by 61 patients (71.8 %) in group I and 49 patients (57.6 %) "
            "in group II.")
    study = build_study("doc", text)
    assert _arms(text) == [("ketorolac", 85), ("dexketoprofen", 85)]
    # the numeral stays a name of the arm: "group II" in a sentence or a table header resolves to it
    assert study.resolve("group II").canonical == "dexketoprofen"
    assert study.resolve_column("Group I (n = 85)").canonical == "ketorolac"


def test_coordinated_groups_share_the_verb_at_the_end_of_the_clause():
    text = ("Ninety-six women were randomized into two groups. Before induction, in group 1 tranexamic acid solution "
            "(10 mg/kg) and in group 2 normal saline solution (same volume) were infused over ten minutes. "
            "Group 1 (n = 48) and group 2 (n = 48) did not differ at baseline.")
    study = build_study("doc", text)
    names = {a.canonical: a.n for a in study.arms}
    assert set(names) == {"tranexamic acid", "normal saline"} or set(names) == {"tranexamic acid", "saline"}
    assert all(n == 48 for n in names.values())
    assert study.resolve("group 2").canonical in ("normal saline", "saline")


def test_two_descriptions_of_one_group_name_it_by_the_words_they_share():
    text = ("Eighty children were randomly divided into two groups. In group A (40 children) single-dose oral "
            "melatonin was administered, and in group B (40 children) oral midazolam was administered. Thirty "
            "minutes before surgery, in group A melatonin syrup and in group B midazolam syrup were given by a nurse.")
    assert _arms(text) == [("melatonin", 40), ("midazolam", 40)]


def test_numbered_groups_whose_passive_clause_names_no_treatment_stay_numbered():
    text = ("Sixty patients were randomly divided into two groups. In group A (30 patients) pain scores were "
            "recorded hourly and in group B (30 patients) pain scores were recorded daily. Group A: 12 improved.")
    assert _arms(text) == [("group a", 30), ("group b", 30)]


def test_clauses_of_an_allocation_or_disposition_sentence_are_no_arms():
    text = ("Patients were randomly allocated to esomeprazole (n = 60) or ranitidine (n = 60), in the order generated "
            "by the computer. Five patients were excluded because they moved away (n = 3) or for personal reasons "
            "(n = 2). Two were lost due to technical problems (n = 2).")
    names = [a[0] for a in _arms(text)]
    assert names == ["esomeprazole", "ranitidine"]


# ------------------------------------------------------------------ a shared background with its dose, an inert vehicle
SPINAL = ("Methods. Seventy-five women were randomly allocated to one of three groups to receive ropivacaine 12 mg "
          "combined with 5 µg sufentanil (group S), ropivacaine 12 mg combined with 100 µg morphine (group M), and "
          "ropivacaine 12 mg combined with 0.4 mL normal saline (group V), intrathecally. Results. The block lasted "
          "longer in the sufentanil group than in the placebo group.")


def test_a_background_every_arm_gets_with_its_dose_is_no_part_of_the_arms_names():
    study = build_study("doc", SPINAL)
    names = [a.canonical for a in study.arms]
    assert names[:2] == ["sufentanil", "morphine"]
    # the route written after the list is no arm
    assert len(names) == 3


def test_the_arm_given_only_an_inert_vehicle_is_the_placebo_arm_when_the_report_says_placebo():
    study = build_study("doc", SPINAL)
    control = [a for a in study.arms if a.role == "control"]
    assert [a.canonical for a in control] == ["placebo"]
    assert study.resolve("group V").canonical == "placebo"
    # without the word the vehicle stays the arm's name
    plain = build_study("doc", SPINAL.replace("placebo group", "saline-only group"))
    assert "placebo" not in [a.canonical for a in plain.arms]


# ------------------------------------------------------------------ more allocation shapes
def test_allocation_to_treatment_with_a_drug_or_placebo():
    text = ("Methods. 56 women were randomly assigned to treatment with denosumab (60 mg) subcutaneous injection or "
            "placebo every 6 months. The primary endpoint was the change in hip BMD.")
    assert [(a.canonical, a.role) for a in build_study("doc", text).arms] == [
        ("denosumab", "experimental"), ("placebo", "control")]


def test_groups_counted_then_listed_after_a_colon():
    text = ("In the second phase the participants were randomly assigned to three groups (1:2:1): early ibuprofen, "
            "late ibuprofen and control group. Ibuprofen was taken for 24 hours.")
    names = [a.canonical for a in build_study("doc", text).arms]
    assert len(names) == 3 and names[0] == "early ibuprofen" and names[1] == "late ibuprofen"


def test_arms_told_apart_by_a_time_alone():
    text = ("Methods: sibling eggs were randomly assigned to either a 4 h or 16 h group (cells removed at 4 h or 16 h "
            "after insemination, respectively).")
    study = build_study("doc", text)
    assert [a.canonical for a in study.arms] == ["4 h", "16 h"]
    assert study.resolve("the 16 h group").canonical == "16 h"
    text = "Patients were randomly assigned to a 4 h or an 8 h fasting group."
    assert [a.canonical for a in build_study("doc", text).arms] == ["4 h fasting", "8 h fasting"]


def test_what_an_arm_gets_alongside_is_no_arm_and_its_size_is_the_arms():
    text = ("Staff were randomised to receive tailored advice on their sleep, alongside advice on other habits "
            "(n = 412), or to receive advice on all habits except sleep (n = 405).")
    assert [(a.canonical, a.n) for a in build_study("doc", text).arms] == [
        ("tailored advice on their sleep", 412), ("advice on all habits except sleep", 405)]


def test_one_group_given_a_treatment_and_the_other_placebo_with_groups_of_a_spelled_size():
    text = ("They were divided randomly and double-blind into two groups of sixty. One group was given ginger and other "
            "group placebo (two capsules of 250 mg daily).")
    assert [(a.canonical, a.n, a.role) for a in build_study("doc", text).arms] == [
        ("ginger", 60, "experimental"), ("placebo", 60, "control")]
    text = "Patients were divided into two groups. The first group received melatonin, while the second received oxazepam."
    assert [a.canonical for a in build_study("doc", text).arms] == ["melatonin", "oxazepam"]


def test_hyphenated_schedules_tell_two_arms_of_one_treatment_apart():
    text = ("Findings: 412 patients were randomly assigned to receive twice-daily hyperfractionated radiotherapy "
            "(206 patients) or once-daily hyperfractionated radiotherapy (206 patients).")
    arms = [(a.canonical, a.n) for a in build_study("doc", text).arms]
    assert len(arms) == 2 and {n for _, n in arms} == {206}
    assert arms[0][0] != arms[1][0] and "twice daily" in arms[0][0] and "once daily" in arms[1][0]


def test_a_treatment_named_with_a_word_for_its_kind_is_the_sized_arm_of_that_treatment():
    from table_grids import pipe_table
    text = ("Methods: Children with diarrhoea were randomized to receive zinc supplements or placebo.\n"
            "Table 1. Baseline characteristics\n| | Zinc (n = 45) | Placebo (n = 44) |\n| Age (months) | 14 (5) | 15 (6) |\n")
    grid = pipe_table(text, "| | Zinc (n = 45) | Placebo (n = 44) |", "T1", "Table 1. Baseline characteristics")
    study = build_study("doc", text, {"tables": [grid]})
    assert sorted((a.canonical, a.n) for a in study.arms) == [("placebo", 44), ("zinc", 45)]


def test_a_treatment_with_or_without_another_is_the_combination_and_the_treatment_alone():
    text = ("Heart failure in adults with sickle cell disease: patients randomised to hydroxyurea with or without "
            "voxelotor\n\nMethods: A 1 year prospective study was conducted. Results: improvement was seen in both arms.")
    study = build_study("doc", text)
    assert [(a.canonical, a.role) for a in study.arms] == [("hydroxyurea + voxelotor", "experimental"),
                                                           ("hydroxyurea", "control")]
    assert study.resolve("hydroxyurea monotherapy").canonical == "hydroxyurea"
    # patients with or without a condition are no arms
    text = "Adults with or without diabetes were randomised to exercise or usual care."
    assert "diabetes" not in " ".join(a.canonical for a in build_study("doc", text).arms)


def test_a_time_clause_in_a_list_is_no_arm_and_a_schedule_tail_is_the_same_arm():
    text = "Women were randomly allocated to receive cefazolin, clindamycin, after umbilical cord clamping."
    assert [a.canonical for a in build_study("doc", text).arms] == ["cefazolin", "clindamycin"]
    from table_grids import pipe_table
    text = ("Methods: Sixty patients were randomly assigned to ferric citrate 3 times per day or iron sucrose.\n"
            "Table 1. Characteristics\n| | Ferric citrate (n = 30) | Iron sucrose (n = 30) |\n| Age | 61 (9) | 63 (8) |\n")
    grid = pipe_table(text, "| | Ferric citrate (n = 30) | Iron sucrose (n = 30) |", "T1", "Table 1. Characteristics")
    arms = [(a.canonical, a.n) for a in build_study("doc", text, {"tables": [grid]}).arms]
    assert sorted(arms) == [("ferric citrate", 30), ("iron sucrose", 30)]


def test_numbered_groups_defined_one_by_one_with_their_doses_and_sizes():
    text = ("Eighty patients were enrolled in this randomized trial. Group 1: intravenous tramadol 100 mg (n = 41); Group 2: intravenous "
            "ketorolac 30 mg (n = 39). Pain at one hour was lower in group 2.")
    study = build_study("doc", text)
    assert [(a.canonical, a.n) for a in study.arms] == [("tramadol", 41), ("ketorolac", 39)]
    assert study.resolve("group 2").canonical == "ketorolac"
    # a number alone opening a sentence is no group definition, nor are numbered groups of a report randomizing nobody
    text = "Eighty patients were randomized. Group 1 patients were older. Group 2 patients were younger."
    assert [a.canonical for a in build_study("doc", text).arms] == []
    cohort = text.replace("randomized", "studied").replace("Group 1 patients were older", "Group 1: tramadol (n = 41)")
    assert "tramadol" not in [a.canonical for a in build_study("doc", cohort.replace(
        "Group 2 patients were younger", "Group 2: ketorolac (n = 39)")).arms]


def test_lettered_arms_of_an_add_on_trial_take_their_roles_from_what_each_received():
    text = ("Patients were randomized to arm A (n = 52) or arm B (n = 49). Arm A received docetaxel and arm B received "
            "docetaxel plus nintedanib.")
    assert [(a.canonical, a.n, a.role) for a in build_study("doc", text).arms] == [
        ("docetaxel", 52, "control"), ("docetaxel plus nintedanib", 49, "experimental")]
