"""The study model's diagnostic: gold arm names per document, the comparison with the model's arms, and the refusal
to read a validation or test batch."""
from __future__ import annotations

import pytest

from evidence_review.extract.study import build_study
from evidence_review.extract.study_diagnostic import compare_arms, diagnose, gold_arms_by_doc, gold_sizes_by_doc

GOLD = [
    {"doc": "a.txt", "measure": "PROPORTION", "intervention": "zinc 20 mg", "comparator": None, "total": 60},
    {"doc": "a.txt", "measure": "PROPORTION", "intervention": "placebo", "comparator": None, "total": 58},
    {"doc": "a.txt", "measure": "PROPORTION", "intervention": "all patients", "comparator": None, "total": 118},
    {"doc": "a.txt", "measure": "RR", "intervention": "zinc 20 mg", "comparator": "placebo", "total": None},
]


def test_gold_arms_leave_out_the_whole_population():
    assert gold_arms_by_doc(GOLD) == {"a.txt": ["zinc 20 mg", "placebo"]}
    assert gold_sizes_by_doc(GOLD) == {"a.txt": {"zinc 20 mg": 60, "placebo": 58}}


def test_found_missing_extra_and_sizes():
    text = ("Methods: Children were randomly assigned to zinc 20 mg (n = 60), vitamin A (n = 57) or placebo.\n"
            "Results: Diarrhoea occurred in 10 and 19 children.")
    arms = build_study("d", text).arms
    result = compare_arms(["zinc 20 mg", "placebo", "iron"], arms, {}, {"zinc 20 mg": 60, "placebo": 58})
    assert result["found"] == ["zinc 20 mg", "placebo"]
    assert result["missing"] == ["iron"]
    assert [a for a in result["extra"]] == ["vitamin A"]
    assert result["size_missing"] == ["placebo (labels 58)"]
    assert result["size_other"] == []


@pytest.mark.parametrize("name", ["heldout14", "heldout15", "heldout18", "heldout19"])
def test_blind_batches_are_refused(name):
    with pytest.raises(SystemExit):
        diagnose(name)
