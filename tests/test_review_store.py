"""The reviewer's decision store and queue (evidence_review.review) on the report fixtures' real-shaped tables:
every action written at once and atomically, concurrent writers never losing a line, a killed writer never
leaving half a file, and a pipeline rerun applying what the store wrote."""
from __future__ import annotations

import csv
import io
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import write_one_report_twice
from evidence_review.curation import added_estimates, apply_decisions, read_decisions
from evidence_review.review import (DecisionStore, ReviewError, agreement, latest_decisions, orphan_decisions,
                                    progress, review_queue)
from evidence_review.synthesis.pipeline import synthesize
from evidence_review.tables import read_csv

FIXTURES = Path(__file__).parent / "fixtures" / "report"


@pytest.fixture
def estimates() -> pd.DataFrame:
    return read_csv(FIXTURES / "estimates.csv")


@pytest.fixture
def pooled() -> pd.DataFrame:
    return read_csv(FIXTURES / "pooled.csv")


def _lines(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_accept_reject_correct_round_trip_through_the_pipeline(tmp_path, estimates):
    store = DecisionStore(tmp_path, "AB")
    first, second, third = (estimates.iloc[i].to_dict() for i in range(3))
    store.accept(first["estimate_id"])
    store.reject(second["estimate_id"], "baseline characteristic, not an outcome")
    corrected = store.correct(third, {"value": 0.52, "ci_low": 0.31, "ci_high": 0.87, "outcome": "relapse"},
                              "checked against Table 2")
    assert corrected["value"] == 0.52

    lines = _lines(tmp_path / "decisions.csv")
    assert [l["decision"] for l in lines] == ["accept", "reject", "correct"]
    assert all(l["reviewer"] == "AB" and l["time"].endswith("+00:00") for l in lines)

    decisions, issues = read_decisions(tmp_path / "decisions.csv")
    curated, issues = apply_decisions(estimates, decisions, issues)
    by_id = curated.set_index("estimate_id")
    assert by_id.loc[first["estimate_id"], "decision"] == "accepted"
    assert by_id.loc[second["estimate_id"], "decision"] == "rejected"
    assert by_id.loc[third["estimate_id"], "decision"] == "corrected"
    assert by_id.loc[third["estimate_id"], "value"] == 0.52
    assert by_id.loc[third["estimate_id"], "outcome"] == "relapse"
    assert issues.empty


def test_a_rejection_or_correction_needs_a_reason_and_sane_numbers(tmp_path, estimates):
    store = DecisionStore(tmp_path, "AB")
    row = estimates.iloc[0].to_dict()
    with pytest.raises(ReviewError, match="reason"):
        store.reject(row["estimate_id"], "  ")
    with pytest.raises(ReviewError, match="reason"):
        store.correct(row, {"value": 2.0}, "")
    # an interval that excludes its estimate is refused by the extractor's own checks
    with pytest.raises(ReviewError, match="do not hang together"):
        store.correct(row, {"value": 20.0}, "typo in the source")
    with pytest.raises(ReviewError, match="nothing changed"):
        store.correct(row, {"value": row["value"]}, "same")
    with pytest.raises(ReviewError, match="correctable"):
        store.correct(row, {"estimate_id": "x"}, "no")
    assert not (tmp_path / "decisions.csv").exists()
    with pytest.raises(ReviewError, match="reviewer"):
        DecisionStore(tmp_path, " ")


def test_a_hand_written_decisions_file_keeps_its_lines_and_gains_the_time_column(tmp_path, estimates):
    path = tmp_path / "decisions.csv"
    path.write_text("estimate_id,decision,corrected_fields,reviewer,note\n"
                    f"{estimates.iloc[0]['estimate_id']},reject,,CD,\"duplicate, see Table 3\"\n", encoding="utf-8")
    DecisionStore(tmp_path, "AB").accept(estimates.iloc[1]["estimate_id"])
    lines = _lines(path)
    assert [(l["reviewer"], l["note"], l["time"] == "") for l in lines] == [
        ("CD", "duplicate, see Table 3", True), ("AB", "", False)]


def _append_many(folder: str, reviewer: str, n: int) -> None:
    store = DecisionStore(Path(folder), reviewer)
    for i in range(n):
        store.reject(f"{reviewer}-{i}", f"reason {i}")


def test_concurrent_writers_lose_no_line(tmp_path):
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_append_many, args=(str(tmp_path), f"R{k}", 15)) for k in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    ids = [l["estimate_id"] for l in _lines(tmp_path / "decisions.csv")]
    assert sorted(ids) == sorted(f"R{k}-{i}" for k in range(4) for i in range(15))


def test_a_killed_writer_leaves_a_complete_file(tmp_path):
    code = ("import sys; from pathlib import Path; from evidence_review.review import DecisionStore\n"
            "s = DecisionStore(Path(sys.argv[1]), 'K')\n"
            "i = 0\n"
            "while True:\n"
            "    s.reject(f'k-{i}', 'x' * 2000); i += 1\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        path = tmp_path / "decisions.csv"
        if path.exists() and path.stat().st_size > 200_000:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    lines = _lines(tmp_path / "decisions.csv")
    assert len(lines) > 10
    assert [l["estimate_id"] for l in lines] == [f"k-{i}" for i in range(len(lines))]
    assert all(l["note"] == "x" * 2000 and l["time"] for l in lines)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 1  # at most the one temporary file of the killed write; the table is whole


def test_the_queue_puts_pooled_then_flagged_first_and_filters(tmp_path, estimates, pooled):
    queue = review_queue(estimates, pooled, tmp_path)
    pooled_ids = {i for ids in pooled.loc[pooled["k"] >= 2, "estimate_ids"] for i in ids.split(";")}
    in_cells = queue["priority"] == "in a pooled cell"
    assert set(queue.loc[in_cells, "estimate_id"]) == pooled_ids & set(estimates["estimate_id"])
    assert in_cells.iloc[: in_cells.sum()].all()  # all of them first
    assert list(queue["priority"].map(["in a pooled cell", "needs review", "flagged", "other"].index)) == sorted(
        queue["priority"].map(["in a pooled cell", "needs review", "flagged", "other"].index))
    assert progress(queue) == (0, len(estimates))

    DecisionStore(tmp_path, "AB").accept(queue.iloc[0]["estimate_id"])
    queue = review_queue(estimates, pooled, tmp_path)
    assert progress(queue) == (1, len(estimates))
    assert queue.iloc[0]["status"] == "accepted" and queue.iloc[0]["checked_by"] == "AB"
    unchecked = review_queue(estimates, pooled, tmp_path, status="unchecked")
    assert len(unchecked) == len(estimates) - 1
    hr = review_queue(estimates, pooled, tmp_path, measure="HR")
    assert set(hr["measure"]) == {"HR"} and len(hr) == (estimates["measure"] == "HR").sum()


def test_agreement_counts_rejections_and_changed_fields(tmp_path, estimates):
    store = DecisionStore(tmp_path, "AB")
    rows = [estimates.iloc[i].to_dict() for i in range(4)]
    store.accept(rows[0]["estimate_id"])
    store.accept(rows[1]["estimate_id"])
    store.reject(rows[2]["estimate_id"], "not a result")
    store.correct(rows[3], {"outcome": "annualized relapse rate"}, "outcome was misread")
    table = agreement(estimates, tmp_path).set_index("field")
    assert table.loc["(estimate kept)", "checked"] == 4
    assert table.loc["(estimate kept)", "extractor_right"] == 3
    assert table.loc["outcome", "extractor_right"] == 2
    assert table.loc["value", "extractor_right"] == 3
    assert latest_decisions(tmp_path)["status"].tolist() == ["accepted", "accepted", "rejected", "corrected"]


def test_a_decision_whose_estimate_disappeared_is_shown(tmp_path, estimates):
    store = DecisionStore(tmp_path, "AB")
    store.reject("gone-123", "was a baseline value")
    store.accept(estimates.iloc[0]["estimate_id"])
    orphans = orphan_decisions(estimates, tmp_path)
    assert orphans["estimate_id"].tolist() == ["gone-123"]
    assert orphans["note"].tolist() == ["was a baseline value"]


def test_an_added_estimate_enters_the_curated_table_on_rerun(tmp_path, estimates):
    text = ("Relapse occurred in 7 of 19 patients on placebo and in none of 19 on rituximab "
            "(group difference 36.8%, 95% CI 12.6-61.1).")
    start = text.index("group difference")
    end = text.index(")", start)
    store = DecisionStore(tmp_path, "AB")
    with pytest.raises(ReviewError, match="span"):
        store.add_estimate("d1", text, 5, len(text) + 3, {"measure": "RD", "value": -0.368})
    with pytest.raises(ReviewError, match="measure"):
        store.add_estimate("d1", text, start, end, {"measure": "XX", "value": -0.368})
    with pytest.raises(ReviewError, match="hang together"):
        store.add_estimate("d1", text, start, end, {"measure": "RD", "value": -0.368, "ci_low": -0.1,
                                                    "ci_high": 0.2})
    store.add_estimate("d1", text, start, end,
                       {"measure": "RD", "value": -0.368, "ci_low": -0.611, "ci_high": -0.126,
                        "intervention": "rituximab", "comparator": "placebo", "outcome": "relapse"},
                       "missed by the extractor")
    documents = pd.DataFrame([{"doc_id": "d1", "source_file": "rin1.txt", "condition": "NMOSD"}])
    added, issues = added_estimates(tmp_path, documents)
    assert issues.empty and len(added) == 1
    row = added.iloc[0]
    assert (row["measure"], row["value"], row["decision"], row["source_file"]) == ("RD", -0.368, "added", "rin1.txt")
    assert row["evidence"] == text[start:end]

    result = synthesize(estimates, None, None, None, None, added)
    assert row["estimate_id"] in set(result.curated["estimate_id"])
    assert len(result.curated) == len(estimates) + 1


def test_a_duplicate_link_undone_in_the_store_is_applied_by_the_next_ingestion(tmp_path):
    from evidence_review.ingest import ingest_paths
    from evidence_review.review import undo_duplicate_candidates

    raw = tmp_path / "raw"
    write_one_report_twice(raw)
    documents, _ = ingest_paths([raw])
    links = undo_duplicate_candidates(documents)
    assert [label for label, _ in links] == ["b.txt → duplicate of a.txt"]
    store = DecisionStore(tmp_path / "curation", "AB")
    with pytest.raises(ReviewError, match="reason"):
        store.undo_duplicate(*links[0][1], "")
    store.undo_duplicate(*links[0][1], "two cohorts of one centre")
    again, _ = ingest_paths([raw], tmp_path / "curation" / "duplicates.csv")
    assert list(again["duplicate_of"]) == ["", ""]
    assert "kept apart by reviewer AB, " in again["duplicate_evidence"].iat[1]
    assert again["duplicate_evidence"].iat[1].endswith(": two cohorts of one centre)")


def test_risk_of_bias_and_grade_overrides_written_by_the_store_are_read_by_synthesis(tmp_path):
    from evidence_review.synthesis.appraisal import read_appraisal

    documents = pd.DataFrame([{"doc_id": "d1", "source_file": "trial_a.txt"},
                              {"doc_id": "d2", "source_file": "trial_b.txt"}])
    store = DecisionStore(tmp_path, "AB")
    with pytest.raises(ReviewError, match="RoB 2 judgements"):
        store.set_risk_of_bias("trial_a.txt", "RoB 2", "randomization process", "serious")
    store.set_risk_of_bias("trial_a.txt", "RoB 2", "randomization process", "high", "alternate allocation")
    store.set_risk_of_bias("trial_a.txt", "RoB 2", "missing outcome data", "low")
    # the reviewer changes their mind: the later row for the same domain replaces the earlier one
    store.set_risk_of_bias("trial_a.txt", "RoB 2", "randomization process", "some concerns", "allocation concealed")
    store.set_risk_of_bias("d2", "ROBINS-I", "overall", "serious")
    with pytest.raises(ReviewError, match="reason"):
        store.set_grade_override("cell-1", "imprecision", "not serious", " ")
    with pytest.raises(ReviewError, match="ratings"):
        store.set_grade_override("cell-1", "imprecision", "large", "x")
    store.set_grade_override("cell-1", "imprecision", "serious", "few events")
    store.set_grade_override("cell-1", "imprecision", "not serious", "events counted again: 420")
    appraisal = read_appraisal(tmp_path, documents, {"cell-1"})
    assert appraisal.issues.empty
    assert appraisal.risk_of_bias == {"d1": "some concerns", "d2": "serious"}
    assert appraisal.risk_of_bias_tool == {"d1": "RoB 2", "d2": "ROBINS-I"}
    judgement = appraisal.overrides["cell-1"]["imprecision"]
    assert "events counted again: 420" in str(judgement)
