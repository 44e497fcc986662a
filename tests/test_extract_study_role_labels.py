"""Arms named by the document's own words, not by the study model's role word: a table headed "Intervention Arm
(n=120) | Control Arm (n=118)" in a report that says "(HC-RX Group-Intervention arm)" and "(HC Group-Control arm)" is
the HC-RX programme's arm and the HC programme's; a header "Home visits (Intervention group, n = 40)" is the arm "Home visits" with the
role its bracket gives, one arm with "home visits" of the methods. Negatives: a role word no named arm carries, or
carried by two arms whose names differ, merges nothing. Texts and tables written for these tests."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table

CAPTION = "Table 1. Baseline characteristics"


def _study(methods: str, header: str, rows: str = "| Women, n (%) | 60 (50.0) | 55 (46.6) |\n"):
    text = methods + f"{CAPTION}\n{header}\n{rows}"
    grid = pipe_table(text, header, "T1", CAPTION, header_rows=1)
    return text, grid, build_study("d", text, {"tables": [grid]})


METHODS = ("Methods: This cluster randomised trial compared pharmacists who managed patients alone (HC Group-Control "
           "arm) with pharmacists assisted by a health coach (HC-RX Group-Intervention arm). In total 120 patients were "
           "randomised to the HC-RX programme and 118 to the HC programme.\n")


def test_role_word_columns_are_the_arms_the_document_labels_with_those_roles():
    text, grid, study = _study(METHODS, "| | Intervention Arm (n=120) | Control Arm (n=118) |")
    intervention = study.resolve_column("Intervention Arm (n=120)")
    control = study.resolve_column("Control Arm (n=118)")
    assert intervention is not None and control is not None and intervention is not control, study.arms
    assert intervention.name == "HC-RX programme" and intervention.role == "experimental"
    assert control.name == "HC programme" and control.role == "control"
    assert not any(a.canonical in ("intervention", "control") for a in study.arms), study.arms
    rows = read_table("d", text, grid, study)
    assert {r["intervention"] for r in rows if r["measure"] == "PROPORTION"} == {"hc-rx programme", "hc programme"}, rows


def test_a_role_word_no_named_arm_carries_merges_nothing():
    methods = ("Methods: This cluster randomised trial compared pharmacists who managed patients alone with pharmacists "
               "assisted by a health coach.\n")
    _, _, study = _study(methods, "| | Intervention Arm (n=120) | Control Arm (n=118) |")
    assert any(a.canonical == "intervention" for a in study.arms), study.arms


def test_a_role_shared_by_two_differently_named_arms_merges_nothing():
    methods = ("Methods: Patients were randomised to yoga (YG-Intervention arm), tai chi (TC-Intervention arm) or "
               "usual care (UC-Control arm).\n")
    _, _, study = _study(methods, "| | Intervention Arm (n=120) | Control Arm (n=118) |")
    generic = [a for a in study.arms if "Intervention Arm" in a.aliases or a.canonical == "intervention"]
    assert len(generic) == 1 and generic[0].canonical not in ("yoga", "tai chi"), study.arms


def test_a_role_bracket_in_a_header_is_the_arm_s_role_not_its_name():
    methods = ("Methods: Frail adults were randomised to home visits or usual care. The home visits arm received "
               "a monthly visit by a nurse.\n")
    header = "| | Home visits (Intervention group, n = 40) | Usual care (Control group, n = 41) |"
    text, grid, study = _study(methods, header, "| Women, n (%) | 20 (50.0) | 22 (53.7) |\n")
    home = study.resolve_column("Home visits (Intervention group, n = 40)")
    usual = study.resolve_column("Usual care (Control group, n = 41)")
    assert home is not None and home.canonical == "home visits" and home.role == "experimental", study.arms
    assert usual is not None and usual is not home and usual.role == "control"
    assert not any("intervention" in a.canonical for a in study.arms), study.arms
    rows = read_table("d", text, grid, study)
    assert {(r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"} == \
        {("home visits", 20, 40), (usual.canonical, 22, 41)}, rows


def test_a_spanning_role_word_joined_to_each_arm_s_header_is_that_arm():
    methods = ("Methods: Stroke survivors were randomly allocated to mirror therapy (MT), robot training (RT) or "
               "conventional physiotherapy (CPT) groups.\n")
    header = "| Variable | Total | Intervention MT | Intervention RT | Intervention CPT |"
    _, _, study = _study(methods, header, "| Men, n (%) | 30 (60.0) | 10 (58.8) | 11 (64.7) | 9 (56.3) |\n")
    assert not any(a.name.lower().startswith("intervention") for a in study.arms), study.arms
    cpt = study.resolve_column("Intervention CPT")
    assert cpt is not None and "conventional physiotherapy" in cpt.canonical


def test_a_role_word_before_a_name_no_arm_has_merges_nothing():
    methods = ("Methods: Stroke survivors were randomly allocated to mirror therapy (MT) or conventional "
               "physiotherapy (CPT).\n")
    header = "| Variable | Intervention MT | Treatment duration |"
    _, _, study = _study(methods, header, "| Sessions, n | 12 | 14 |\n")
    assert not any("treatment duration" in {x.lower() for x in a.aliases} for a in study.arms), study.arms
