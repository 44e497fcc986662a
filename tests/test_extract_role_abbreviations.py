"""Sentences that name an arm by the abbreviation the document defines in brackets after a role phrase ("the
treatment group (TG)", "the Control Group (CG)"): "reduction in TG", "in the EG versus CG" resolve to the study's
one arm of that role; an abbreviation the document also defines for something else ("triglycerides (TG)"), a role
two arms share and a control arm that is not of a control's kind name nothing. Texts written for these tests in the
shape of trial reports, their numbers changed."""
from __future__ import annotations

from types import SimpleNamespace

from evidence_review.extract.core import _role_abbreviations
from evidence_review.extract.pipeline import extract_one


def _arm(canonical: str, role: str, *aliases: str) -> SimpleNamespace:
    return SimpleNamespace(name=canonical, canonical=canonical, aliases=set(aliases), role=role, n=None)


_ARMS = [_arm("cocoa", "experimental"), _arm("control", "control")]


def _named(scan: str, arms: list) -> list[tuple[str, str]]:
    return [(scan[s:e], c) for s, e, c in _role_abbreviations(scan, arms)]


def test_an_abbreviation_defined_after_a_role_phrase_names_that_roles_arm():
    scan = ("Forty patients were assigned to the treatment group (TG) and forty to the control group (CG). "
            "Cholesterol fell by 12.4% in TG and by 3.1% in CG.")
    assert _named(scan, _ARMS) == [("TG", "cocoa"), ("TG", "cocoa"), ("CG", "control"), ("CG", "control")]


def test_an_abbreviation_also_defined_for_something_else_names_nothing():
    scan = ("Patients were assigned to the treatment group (TG) or the control group (CG). Triglycerides (TG) fell "
            "in TG.")
    assert _named(scan, _ARMS) == [("CG", "control")]
    # ("TG, triglycerides" in a table footnote)
    assert ("TG", "cocoa") not in _named(scan.replace("Triglycerides (TG)", "Lipids") + " TG, triglycerides.", _ARMS)


def test_a_role_two_arms_share_names_neither():
    arms = [_arm("cocoa", "experimental"), _arm("cocoa high", "experimental"), _arm("control", "control")]
    assert _named("the treatment group (TG) and control group (CG); 12% in TG, 3% in CG", arms) == \
        [("CG", "control"), ("CG", "control")]


def test_a_control_arm_not_of_a_controls_kind_is_not_guessed():
    # (an arm the model took as the control from the order of a comparison)
    arms = [_arm("pre sets", "experimental"), _arm("post sets", "control")]
    assert _named("the control group (CG) and the fatigue group (FG); 97.2 in CG", arms) == []


def test_another_arms_alias_keeps_the_abbreviation():
    arms = [_arm("cocoa", "experimental"), _arm("milk", "other", "TG")]
    assert _named("the treatment group (TG); 12% in TG", arms) == []


_TEXT = ("Effect of cocoa on lipids in type 2 diabetes: a randomized trial. Methods: Patients were randomly allocated "
         "to cocoa with milk or to milk alone. Fifty patients were assigned to the treatment group (TG) and fifty to the "
         "control group (CG). Results: Total cholesterol was 238.4 ± 5.2 mg/dl in TG and 231.0 ± 9.8 mg/dl in CG after "
         "6 weeks. Eight patients in TG and 3 in CG reported nausea.")


def test_means_and_counts_of_the_abbreviated_groups_go_to_their_arms():
    rows, _, errors = extract_one("doc", _TEXT)
    assert not errors
    means = {r["value"]: r["intervention"] for r in rows if r["measure"] == "MEAN"}
    assert means[231.0] == "control" and means[238.4] != "control"
    counts = {r["events"]: r["intervention"] for r in rows if r["measure"] == "PROPORTION"}
    assert counts.get(3) == "control" and counts.get(8) == means[238.4]
