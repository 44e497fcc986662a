"""The report's review queue (issue 14): estimates whose arms, outcome, role or orientation could not be settled
are listed with the reason and never reach the summary of findings."""
from __future__ import annotations

import pandas as pd
from bs4 import BeautifulSoup

from evidence_review.report.inputs import load
from evidence_review.report import sections
from test_report_support import make_inputs


def _queue_text(tmp_path, edit) -> str:
    processed, reports = make_inputs(tmp_path)
    est = pd.read_csv(processed / "estimates.csv", dtype=str, keep_default_na=False)
    if "needs_review" not in est.columns:
        est["needs_review"] = ""
    edit(est)
    est.to_csv(processed / "estimates.csv", index=False)
    return BeautifulSoup(str(sections.html("review_queue", load(processed, reports))), "lxml").get_text(" ")


def test_a_queued_estimate_is_listed_with_its_reason(tmp_path):
    def edit(est):
        est.loc[est.index[0], "needs_review"] = "arms not settled: no comparator"
    text = _queue_text(tmp_path, edit)
    assert "arms not settled: no comparator" in text and "1 estimate kept out of pooling" in text


def test_an_empty_queue_says_so(tmp_path):
    def edit(est):
        est["needs_review"] = ""
    assert "No estimate is waiting for a reviewer" in _queue_text(tmp_path, edit)


def test_a_printed_effect_its_arms_contradict_is_queued_from_the_pooling_stage(tmp_path):
    processed, reports = make_inputs(tmp_path)
    undecided = load(processed, reports).estimates
    undecided = set(undecided.loc[undecided["decision"] == "", "estimate_id"])
    members = pd.read_csv(processed / "cell_estimates.csv", dtype=str, keep_default_na=False)
    row = members.index[members["estimate_id"].isin(undecided)][0]
    members.loc[row, ["included", "reason"]] = [
        "False", "needs review: printed RD 0.368 disagrees with its arms' counts (derived RD -0.368 [-0.58, -0.15])"]
    members.to_csv(processed / "cell_estimates.csv", index=False)
    text = BeautifulSoup(str(sections.html("review_queue", load(processed, reports))), "lxml").get_text(" ")
    assert "disagrees with its arms' counts" in text and "1 estimate kept out" in text


def test_a_subgroup_cell_names_its_subgroup_wherever_its_comparison_is_shown():
    from evidence_review.report.sections import _comparison
    row = pd.Series({"intervention": "efgartigimod", "comparator": "placebo", "subgroup": "non-thymectomized"})
    assert _comparison(row) == "efgartigimod vs placebo (subgroup: non-thymectomized)"
    assert _comparison(row.drop("subgroup")) == "efgartigimod vs placebo"


def test_a_comparison_computed_from_arms_is_numbered_and_linked_like_an_extracted_one(tmp_path):
    from evidence_review.report.inputs import with_derived_estimates
    processed, reports = make_inputs(tmp_path)
    estimates = load(processed, reports).estimates
    curated = pd.read_csv(processed / "estimates_curated.csv", dtype=str, keep_default_na=False)
    derived = curated.iloc[[0]].copy()
    derived["estimate_id"], derived["measure"], derived["value"] = "arms-0123456789ab", "RR", "1.106"
    derived["from_arms"] = f"{curated['estimate_id'].iloc[0]};{curated['estimate_id'].iloc[1]}"
    table = with_derived_estimates(estimates, pd.concat([curated.assign(from_arms=""), derived]))
    assert len(table) == len(estimates) + 1
    row = table.set_index("estimate_id").loc["arms-0123456789ab"]
    assert row["measure"] == "RR" and row["value"] == 1.106
    assert with_derived_estimates(estimates, curated.assign(from_arms="")).equals(estimates)
