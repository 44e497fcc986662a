"""The generic "study group" is the treated arm, "the study" alone no arm. Sentences written for these tests (other
sizes), with negatives."""
from __future__ import annotations

from evidence_review.extract.study import _plausible_name, build_study


def _arms(text: str):
    return sorted((a.canonical, a.role, a.n) for a in build_study("d", "Methods\n" + text + "\n").arms)


def test_the_study_group_is_the_treated_arm():
    assert _arms("Women were randomly assigned to the study group (n = 45) or the control group (n = 44).") == \
        [("control", "control", 44), ("study", "experimental", 45)]
    assert not _plausible_name("the study of")
