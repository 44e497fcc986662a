"""Reviewer decisions (data/curation/decisions.csv): reject, correct, accept, orphans and bad rows."""
from __future__ import annotations

import hashlib
import math

import pandas as pd
import pytest

from evidence_review.curation import apply_decisions, parse_corrected_fields, read_decisions
from evidence_review.meta import ratio_from_ci, rma
from evidence_review.synthesis.pipeline import run_synthesis
from evidence_review.tables import ESTIMATE_COLUMNS, write_csv_atomic

HEADER = "estimate_id,decision,corrected_fields,reviewer,note\n"


def _estimates() -> pd.DataFrame:
    rows = []
    for eid, doc, value, lo, hi, a, b in [
        ("e-jeong", "jeong2016", 1.82, 1.1, 3.1, "azathioprine", "rituximab"),
        ("e-seed000", "seed000", 3.51, 1.202, 10.25, "azathioprine", "rituximab"),
        # extracted with the decimal broken across a line: 4.40 read as 44.0 -> a reviewer corrects it
        ("e-kim", "kim2021", 44.0, 1.41, 13.8, "azathioprine", "rituximab"),
        # a baseline relapse rate mistaken for an outcome -> rejected
        ("e-base", "cohort9", 2.1, 1.2, 3.5, "azathioprine", "rituximab"),
    ]:
        row = {c: "" for c in ESTIMATE_COLUMNS}
        row.update(estimate_id=eid, doc_id=doc, source_file=f"{doc}.txt", measure="HR", value=value, ci_low=lo,
                   ci_high=hi, ci_level=0.95, intervention=a, comparator=b, outcome="time to first relapse",
                   condition="nmosd", flags="ci_excludes_value" if eid == "e-kim" else "")
        rows.append(row)
    return pd.DataFrame(rows)


def _decisions(tmp_path, text: str):
    path = tmp_path / "decisions.csv"
    path.write_text(text, encoding="utf-8")
    return read_decisions(path)


def test_reject_correct_accept_and_orphan(tmp_path):
    decisions, read_issues = _decisions(tmp_path, HEADER
        + "e-base,reject,,AB,baseline ARR not an outcome\n"
        + 'e-kim,correct,"value=4.40; ci_low=1.41",AB,decimal broken across lines\n'
        + "e-jeong,accept,,CD,\n"
        + "e-gone,reject,,CD,estimate from an older run\n")
    curated, issues = apply_decisions(_estimates(), decisions, read_issues)
    by_id = curated.set_index("estimate_id")
    assert by_id.at["e-base", "decision"] == "rejected"
    assert by_id.at["e-kim", "decision"] == "corrected" and by_id.at["e-kim", "value"] == pytest.approx(4.4)
    assert by_id.at["e-kim", "corrected_fields"] == "ci_low;value"
    assert by_id.at["e-kim", "flags"] == ""  # recomputed from the corrected numbers
    assert by_id.at["e-jeong", "decision"] == "accepted" and by_id.at["e-seed000", "decision"] == ""
    assert issues["estimate_id"].tolist() == ["e-gone"] and "not found" in issues.iloc[0]["problem"]
    assert issues.iloc[0]["line"] == 5


def test_decisions_applied_before_pooling_and_orphans_written(tmp_path):
    processed, curation, reports = tmp_path / "processed", tmp_path / "curation", tmp_path / "reports"
    write_csv_atomic(_estimates(), processed / "estimates.csv")
    curation.mkdir()
    decisions_text = (HEADER + "e-base,rejected,,AB,baseline\n"
                      + 'e-kim,corrected,"{""value"": 4.4}",AB,\n' + "e-old,accept,,AB,\n")
    (curation / "decisions.csv").write_text(decisions_text, encoding="utf-8")
    before = hashlib.sha256((curation / "decisions.csv").read_bytes()).hexdigest()
    result = run_synthesis(processed, curation, reports)
    row = result.pooled.iloc[0]
    assert row["k"] == 3 and row["estimate_ids"] == "e-jeong;e-kim;e-seed000"
    yi, vi = ratio_from_ci([1.82, 3.51, 4.4], [1.1, 1.202, 1.41], [3.1, 10.25, 13.8])
    assert row["estimate"] == pytest.approx(math.exp(rma(yi, vi, test="knha").estimate), rel=1e-12)
    assert "rejected by the reviewer: baseline" in row["notes"] and "corrected by the reviewer" in row["notes"]
    curated = pd.read_csv(processed / "estimates_curated.csv", dtype=str, keep_default_na=False)
    assert curated.set_index("estimate_id").loc[["e-base", "e-kim", "e-jeong"], "decision"].tolist() == [
        "rejected", "corrected", ""]
    orphans = pd.read_csv(processed / "orphan_decisions.csv", dtype=str)
    assert orphans["estimate_id"].tolist() == ["e-old"]
    # the pipeline reads data/curation, never writes it
    assert sorted(p.name for p in curation.iterdir()) == ["decisions.csv"]
    assert hashlib.sha256((curation / "decisions.csv").read_bytes()).hexdigest() == before


def test_bad_rows_are_reported_not_fatal(tmp_path):
    decisions, read_issues = _decisions(tmp_path, HEADER
        + "e-jeong,maybe,,AB,\n"
        + "e-kim,correct,value=four point four,AB,\n"
        + "e-kim,correct,colour=blue,AB,\n"
        + "e-kim,correct,,AB,\n"
        + "e-seed000,correct,measure=HAZARD,AB,\n"
        + ",reject,,AB,\n")
    curated, issues = apply_decisions(_estimates(), decisions, read_issues)
    assert (curated["decision"] == "").all()
    problems = issues["problem"].tolist()
    assert len(problems) == 6
    assert "unknown decision 'maybe'" in problems[0]
    assert "not a number" in problems[1] and "unknown field 'colour'" in problems[2]
    assert "without corrected_fields" in problems[3] and "is not one of" in problems[4]
    assert problems[5] == "empty estimate_id"


def test_later_decision_supersedes_earlier_with_a_report(tmp_path):
    decisions, read_issues = _decisions(tmp_path, HEADER + "e-jeong,reject,,AB,\ne-jeong,accept,,CD,rechecked\n")
    curated, issues = apply_decisions(_estimates(), decisions, read_issues)
    assert curated.set_index("estimate_id").at["e-jeong", "decision"] == "accepted"
    assert issues["line"].tolist() == [2] and "superseded by a later decision on line 3" in issues.iloc[0]["problem"]


def test_missing_empty_or_unreadable_file(tmp_path):
    decisions, issues = read_decisions(tmp_path / "nope.csv")
    assert decisions.empty and issues.empty
    decisions, issues = _decisions(tmp_path, HEADER)
    assert decisions.empty and issues.empty
    (tmp_path / "decisions.csv").write_bytes(b"\xff\xfe\x00b\x00a\x00d")
    decisions, issues = read_decisions(tmp_path / "decisions.csv")
    assert decisions.empty and len(issues) == 1 and "no decision applied" in issues.iloc[0]["problem"]
    decisions, issues = _decisions(tmp_path, "id,verdict\nx,reject\n")
    assert decisions.empty and "lacks column" in issues.iloc[0]["problem"]


def test_corrected_fields_forms():
    assert parse_corrected_fields("value=0.52; ci_low=0.31 ;ci_high=0.87") == {
        "value": 0.52, "ci_low": 0.31, "ci_high": 0.87}
    assert parse_corrected_fields('{"intervention": "rituximab; low dose", "value": 1}') == {
        "intervention": "rituximab; low dose", "value": 1.0}
    assert parse_corrected_fields("ci_low=") == {"ci_low": None}
    with pytest.raises(ValueError):
        parse_corrected_fields("value=nan")


def test_shipped_template_is_header_only(repo_root):
    text = (repo_root / "data" / "curation" / "decisions.csv").read_text(encoding="utf-8")
    assert text == HEADER


def test_a_correction_is_judged_by_the_extractors_own_checks(tmp_path):
    from evidence_review.tables import FLAG_REASONS

    decisions, read_issues = _decisions(tmp_path, HEADER
        + 'e-jeong,correct,"ci_low=3.1; ci_high=1.1",AB,typed the limits the wrong way round\n'
        + 'e-seed000,correct,"value=-3.51",AB,sign slip\n')
    curated, _ = apply_decisions(_estimates(), decisions, read_issues)
    by_id = curated.set_index("estimate_id")
    assert by_id.at["e-jeong", "flags"] == "ci_inverted"
    assert set(by_id.at["e-seed000", "flags"].split(";")) == {"ratio_not_positive", "ci_excludes_value"}
    assert all(code in FLAG_REASONS for row in curated["flags"] for code in str(row).split(";") if code)
