"""Rows naming a study arm by another of its names carry the arm's own name (`study.with_model_arm_names`)."""
from __future__ import annotations

from evidence_review.extract.study import build_study, with_model_arm_names

_CODED = ("A randomised trial\n\nMethods: Women with gestational diabetes were randomly allocated to oral glibenclamide "
          "(group A, n = 40) or insulin (group B, n = 42).\n")


def _rows(*names: tuple[str, str]) -> list[dict]:
    return [{"measure": "MEAN", "intervention": a, "comparator": b} for a, b in names]


def test_a_code_or_a_bracketed_code_names_its_arm():
    study = build_study("doc", _CODED)
    assert {a.canonical for a in study.arms} == {"glibenclamide", "insulin"}
    rows = with_model_arm_names(_rows(("group b", ""), ("oral glibenclamide 5 mg daily (group a)", ""),
                                      ("group a", "group b")), study)
    assert [(r["intervention"], r["comparator"]) for r in rows] == [
        ("insulin", ""), ("glibenclamide", ""), ("glibenclamide", "insulin")]


def test_a_short_code_that_is_a_word_of_one_arms_name():
    text = "A randomised trial\n\nMethods: Patients were randomised to AM PEG (n = 100) or PM PEG (n = 102).\n"
    study = build_study("doc", text)
    rows = with_model_arm_names(_rows(("pm", ""), ("am", "pm")), study)
    names = {a.canonical for a in study.arms}
    assert all(r["intervention"] in names for r in rows) and rows[0]["intervention"] != rows[1]["intervention"]


def test_names_no_arm_or_not_one_arm_are_kept():
    study = build_study("doc", _CODED)
    rows = with_model_arm_names(_rows(("all patients", ""), ("Diabetes", "reference"), ("group c", ""),
                                      ("metformin", "baseline")), study)
    assert [(r["intervention"], r["comparator"]) for r in rows] == [
        ("all patients", ""), ("Diabetes", "reference"), ("group c", ""), ("metformin", "baseline")]
    # a code two arms' names share names neither
    two = build_study("doc", "Methods: Patients were randomised to PM PEG low volume (n = 50) or PM PEG high volume "
                             "(n = 51).\n")
    assert with_model_arm_names(_rows(("pm", "")), two)[0]["intervention"] == "pm"


def test_without_a_study_model_rows_are_unchanged():
    rows = _rows(("group b", ""))
    assert with_model_arm_names(rows, None) == rows
