"""Implausible estimates are kept with a flag, never dropped or corrected."""
from __future__ import annotations

import math

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.validation import validate
from evidence_review.tables import FLAG_REASONS


@pytest.mark.parametrize("args, flag", [
    (("HR", 0.49, 0.9, 1.26), "ci_excludes_value"),
    (("HR", 1.5, 2.0, 1.2), "ci_inverted"),
    (("OR", 0.0, None, None), "ratio_not_positive"),
    (("HR", -0.4, None, None), "ratio_not_positive"),
    (("HR", 0.8, 0.5, 1.1, 1.4), "p_out_of_range"),
    (("MD", math.inf, None, None), "nonfinite_value"),
    (("MD", math.nan, None, None), "nonfinite_value"),
    (("PROPORTION", 1.2, None, None), "proportion_out_of_range"),
])
def test_flag(args, flag):
    assert flag in validate(*args)
    assert flag in FLAG_REASONS


def test_clean_estimate_has_no_flags():
    assert validate("HR", 0.5, 0.3, 0.8, 0.01) == []
    assert validate("MD", -1.2, -2.0, -0.4) == []


def test_flagged_estimate_is_kept_as_printed():
    text = "Rituximab was associated with a 51% lower hazard for recurring relapses (HR 0.49, 95% CI 0.9\u20131.26)."
    rows = extract_document("doc", text)
    assert len(rows) == 1
    row = rows[0]
    assert (row["value"], row["ci_low"], row["ci_high"]) == (0.49, 0.9, 1.26)
    assert row["flags"] == "ci_excludes_value"


def test_several_flags_are_joined():
    assert ";".join(validate("HR", -1.0, 2.0, 1.0)) == "ci_inverted;ratio_not_positive"


def test_value_printed_as_not_a_number_is_kept_and_flagged():
    text = "Rituximab reduced the risk of relapse compared with azathioprine (HR = nan, 95% CI 0.20-0.80; p = 0.01)."
    rows = extract_document("doc", text)
    assert len(rows) == 1 and math.isnan(rows[0]["value"])
    assert (rows[0]["ci_low"], rows[0]["ci_high"], rows[0]["flags"]) == (0.2, 0.8, "nonfinite_value")
    assert extract_document("doc", "The nan bread and the Inf values were fine at 12 noon.") == []
