"""Sentence figures that are no arm's result (core.py's sentence guards, grammar `count_percent`, rules/effects.py's
relative changes): a power calculation's difference, a model's explained variance, a responder's threshold shared with
a value before "or", the number of a day before a percentage. Sentences written for these tests (numbers and names
our own); each with a positive beside it."""
from __future__ import annotations

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 40) or placebo (n = 40). "


def _rows(text: str) -> list[dict]:
    return extract_document("doc", ALLOCATION + text, "doc.txt", "")


def test_a_power_calculations_difference_is_no_mean_difference():
    assert not _rows("The power calculation was based on the primary end point to disclose a clinically relevant "
                     "difference of 5 kg with or without rituximab.")


def test_a_models_explained_variance_is_no_mean():
    assert not _rows("Adding the baseline scores as predictors changed the variance from 9% to 38%.")
    assert not _rows("The model explained 21% of the variance in the fatigue score.")
    # an analysis of variance tests the arms' figures: the means it compares stay read
    kept = _rows("The difference was larger in older patients (P = 0.03, two-way analysis of variance) and the "
                 "recovery time difference between rituximab and placebo groups was about four minutes (112 vs. 108 "
                 "min) in younger patients.")
    assert [(r["measure"], r["value"]) for r in kept if r["measure"] == "MEAN"] == [("MEAN", 112.0), ("MEAN", 108.0)]


def test_a_responder_threshold_shared_with_a_value_before_or_is_no_relative_reduction():
    assert not [r for r in _rows("Secondary outcomes included the proportion of patients achieving at least 15 mm or "
                                 "30% decrease in pain.") if r["measure"] == "RRR"]
    assert [r for r in _rows("Rituximab reduced the risk of relapse by 30% (95% CI 8% to 47%).") if r["measure"] == "RRR"]


def test_the_number_of_a_day_before_a_percentage_is_no_count():
    assert not [r for r in _rows("The improvement was significant at day 7 (p < 0.01), but not at day 21 (5%) (Table 2).")
                if r["measure"] == "PROPORTION" and r["events"] == 21]
    rows = _rows("Nausea occurred in 10 (25%) patients with rituximab.")
    assert [r for r in rows if r["measure"] == "PROPORTION" and r["events"] == 10 and r["total"] == 40]
    # a count of people right after a time word stays a count
    rows = _rows("At six months 23 patients (57.5%) of the rituximab group were relapse-free as compared to nine "
                 "patients (22.5%) in the placebo group.")
    assert [r for r in rows if r["measure"] == "PROPORTION" and r["events"] == 23 and r["total"] == 40]
