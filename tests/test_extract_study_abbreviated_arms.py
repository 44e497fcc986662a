"""Study-model arms a report names by an abbreviation it defines only through what the group received ("The CTL
group drank a placebo", "One group (PRB) received ..."), and table columns that join an arm's header with a
sub-header saying when ("Initial (n = 8)", "Final", "Week 12"): the arm, not a new arm per time. Texts and tables
written for these tests."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table

METHODS = ("Methods: The volunteers were randomly distributed into two groups for eight weeks. One group (PRB) "
           "received one daily sachet of a commercially available probiotic powder. The CTL group drank a placebo "
           "(starch) with the same appearance. Eleven CTL and twelve PRB participants finished the study.\n")
TABLE = ("Table 2. Body measures before and after the supplementation.\n"
         "| Measure | CTL | CTL | PRB | PRB |\n"
         "| | Initial (n = 11) | Final (n = 11) | Initial (n = 12) | Final (n = 12) |\n"
         "| Weight (kg) | 71.2 ± 10.4 | 70.8 ± 10.1 | 68.5 ± 9.9 | 67.1 ± 9.6 |\n"
         "| Waist (cm) | 96.3 ± 12.0 | 95.9 ± 11.8 | 93.4 ± 10.7 | 91.0 ± 10.2 |\n")


def _study_and_rows():
    text = METHODS + TABLE
    grid = pipe_table(text, "| Measure | CTL | CTL | PRB | PRB |", "T2",
                      "Table 2. Body measures before and after the supplementation.", header_rows=2)
    study = build_study("d", text, {"tables": [grid]})
    return study, read_table("d", text, grid, study)


def test_abbreviated_groups_are_named_by_what_each_received():
    study, _ = _study_and_rows()
    arms = {(a.canonical, a.n, a.role) for a in study.arms}
    assert ("placebo", 11, "control") in arms
    assert [a for a in study.arms if a.canonical != "placebo"][0].canonical.startswith("probiotic")
    # the abbreviation stays a name of the arm
    assert study.resolve("PRB").canonical.startswith("probiotic")
    assert study.resolve("CTL").canonical == "placebo"


def test_a_sub_header_saying_when_is_no_part_of_the_arm():
    study, rows = _study_and_rows()
    assert len(study.arms) == 2
    means = [(r["intervention"], r["value"]) for r in rows if r["measure"] == "MEAN"]
    assert len(means) == 8
    assert {arm for arm, _ in means} == {a.canonical for a in study.arms}
    assert ("placebo", 70.8) in means and ("placebo", 71.2) in means


def test_a_header_joining_an_arm_and_its_time_resolves_to_the_arm():
    study, _ = _study_and_rows()
    for header in ("CTL Initial", "CTL Final (n = 11)", "PRB Week 8", "PRB, post-treatment"):
        arm = study.resolve_column(header)
        assert arm is not None and arm.canonical == ("placebo" if header.startswith("CTL") else study.resolve("PRB").canonical)


def test_a_header_spanning_every_arm_that_names_what_they_differ_in_is_no_part_of_their_names():
    text = ("Methods: Forty infants were randomly assigned to be humidified by one of two devices.\n"
            "Table 1. Outcomes by device\n"
            "| | Humidification device | Humidification device | p Value |\n"
            "| | Heated humidifier (n = 20) | Cold nebulizer (n = 21) | p Value |\n"
            "| Apnoea, n (%) | 3 (15.0) | 5 (23.8) | 0.69 |\n")
    grid = pipe_table(text, "| | Humidification device | Humidification device | p Value |", "T1",
                      "Table 1. Outcomes by device", header_rows=2)
    study = build_study("d", text, {"tables": [grid]})
    assert sorted((a.canonical, a.n) for a in study.arms) == [("cold nebulizer", 21), ("heated humidifier", 20)]
    rows = read_table("d", text, grid, study)
    assert sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION") == [
        ("cold nebulizer", 5, 21), ("heated humidifier", 3, 20)]


def test_a_drug_spanning_its_dose_columns_stays_in_their_names():
    text = ("Methods: Sixty adults were randomly assigned to two doses of ketamine.\n"
            "Table 1. Outcomes\n"
            "| | Ketamine | Ketamine |\n"
            "| | Low dose (n = 30) | High dose (n = 30) |\n"
            "| Nausea, n (%) | 3 (10.0) | 6 (20.0) |\n")
    grid = pipe_table(text, "| | Ketamine | Ketamine |", "T1", "Table 1. Outcomes", header_rows=2)
    study = build_study("d", text, {"tables": [grid]})
    assert all("ketamine" in a.canonical for a in study.arms)


def test_the_form_a_treatment_was_given_in_names_no_arm():
    text = ("Methods: At entry the rowers were randomly assigned to receive soft gelatin capsules containing beetroot "
            "extract or placebo.")
    assert [(a.canonical, a.role) for a in build_study("d", text).arms] == [("beetroot extract", "experimental"),
                                                                            ("placebo", "control")]
    text = "Children were randomised to two chewable tablets of zinc (n = 40) or placebo tablets (n = 41)."
    assert [(a.canonical, a.n) for a in build_study("d", text).arms] == [("zinc", 40), ("placebo", 41)]
