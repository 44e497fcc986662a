"""Numbers that are no trial result (extract/rules/effects.py `not_a_result`): an aim, a hypothesis or a sample size
printed without an interval, worked arithmetic, a definition's threshold. Sentences written for these tests."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 80) or placebo (n = 80). "


def _effects(text: str) -> list[dict]:
    rows = extract_document("doc", ALLOCATION + text, "doc.txt", "")
    return [r for r in rows if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


@pytest.mark.parametrize("text", [
    "The aim of the present study is to evaluate differences in pain scores if the needle tip is placed 3 cm distance "
    "from the joint line (JL) compared to the midpoint of the tendon.",
    "We expected a hazard ratio of 0.70 for relapse with rituximab.",
    "We hypothesized that rituximab would lower the relapse rate by 30% compared with placebo.",
    "The sample size gave 80% power to detect a mean difference of 4 points in the disability score.",
    "The study was designed to detect a 25% reduction in relapses.",
    "The difference in reported symptoms was larger with the app (difference 412=1188-776).",
    "Hypopnea was defined as a partial airway obstruction leading to a 40% reduction in airflow for 10 seconds.",
])
def test_no_effect_is_read(text):
    assert _effects(text) == []


def test_an_aim_sentence_with_an_interval_is_still_read():
    rows = _effects("The primary objective was to compare relapse rates: the hazard ratio was 0.62 (95% CI 0.44-0.87).")
    assert [(r["measure"], r["value"]) for r in rows] == [("HR", 0.62)]


def test_a_result_sentence_is_read():
    rows = _effects("Rituximab reduced the risk of relapse by 38% compared with placebo.")
    assert [(r["measure"], r["value"]) for r in rows] == [("RRR", pytest.approx(0.38))]
