"""The review panel's buttons on the shipped corpus, pressed from Python (ipywidgets' Button.click runs the same
handlers a mouse click or the keyboard does): each writes its decision at once."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO_ROOT
from evidence_review.extract import extract_estimates
from evidence_review.ingest import ingest_paths
from evidence_review.ingest.store import save_ingest
from evidence_review.review_ui import ReviewApp
from evidence_review.tables import write_csv_atomic


@pytest.fixture(scope="module")
def processed(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("processed")
    documents, texts = ingest_paths([REPO_ROOT / "data" / "raw"])
    save_ingest(documents, texts, folder)
    write_csv_atomic(extract_estimates(documents, texts), folder / "estimates.csv")
    return folder


def _decisions(folder: Path) -> list[dict]:
    path = folder / "decisions.csv"
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))) if path.exists() else []


def test_accept_reject_and_correct_from_the_buttons(processed, tmp_path):
    app = ReviewApp(processed, tmp_path, "AB")
    total = len(app.queue)
    assert total > 5 and app.progress_label.value == f"0 of {total} checked"
    assert "<mark" in app.evidence.value  # the value is highlighted in its sentence

    first = app.current["estimate_id"]
    app.accept_button.click()
    assert [(d["estimate_id"], d["decision"]) for d in _decisions(tmp_path)] == [(first, "accept")]
    assert app.progress_label.value == f"1 of {total} checked"
    assert app.current["estimate_id"] != first  # moved on to the next estimate

    second = app.current["estimate_id"]
    app.reject_button.click()  # no reason given: refused, nothing written
    assert len(_decisions(tmp_path)) == 1 and "reason" in app.message.value
    app.reason.value = "a baseline value, not an outcome"
    app.reject_button.click()
    assert _decisions(tmp_path)[-1] == {**_decisions(tmp_path)[-1], "estimate_id": second, "decision": "reject",
                                        "note": "a baseline value, not an outcome"}

    third = app.current
    app.form["outcome"].value = "time to first relapse"
    app.reason.value = "outcome as defined in the methods"
    app.correct_button.click()
    last = _decisions(tmp_path)[-1]
    assert (last["estimate_id"], last["decision"], last["corrected_fields"]) == (
        third["estimate_id"], "correct", "outcome=time to first relapse")
    assert app.progress_label.value == f"3 of {total} checked"


def test_the_status_filter_and_swapping_direction(processed, tmp_path):
    app = ReviewApp(processed, tmp_path, "AB")
    ratio_rows = app.queue.index[app.queue["measure"].isin(["HR", "RR", "OR"])
                                 & app.queue["ci_low"].notna() & app.queue["comparator"].notna()].tolist()
    assert ratio_rows, "the shipped corpus has ratio estimates with intervals"
    app.position = ratio_rows[0]
    app.move(0)
    row = app.current
    app.swap_button.click()
    assert app.form["intervention"].value == str(row["comparator"])
    assert float(app.form["value"].value) == pytest.approx(1 / row["value"], rel=1e-5)
    assert float(app.form["ci_low"].value) == pytest.approx(1 / row["ci_high"], rel=1e-5)
    app.reason.value = "the text gives the comparator's hazard relative to the intervention"
    app.correct_button.click()
    assert _decisions(tmp_path)[-1]["decision"] == "correct"

    app.filter_boxes["status"].value = "corrected"
    assert len(app.queue) == 1 and app.current["estimate_id"] == row["estimate_id"]
    app.filter_boxes["status"].value = "unchecked"
    assert row["estimate_id"] not in set(app.queue["estimate_id"])


def test_adding_a_missed_estimate_needs_the_exact_phrase(processed, tmp_path):
    app = ReviewApp(processed, tmp_path, "AB")
    doc_id = sorted(app.texts)[0]
    text = app.texts[doc_id]
    app.add_doc.value = doc_id
    app.add_find.value = "this phrase is not in the document"
    app.add_form["value"].value = "0.5"
    app.add_button.click()
    assert "not found" in app.message.value and not (tmp_path / "added_estimates.csv").exists()
    app.add_find.value = text[10:60]
    app.add_form["measure"].value = "HR"
    app.add_button.click()
    added = pd.read_csv(tmp_path / "added_estimates.csv", dtype=str)
    assert added.loc[0, "doc_id"] == doc_id and added.loc[0, "evidence"] == text[10:60]
    assert int(added.loc[0, "start"]) == 10 and added.loc[0, "reviewer"] == "AB"


def test_risk_of_bias_and_grade_override_from_the_panel(processed, tmp_path):
    from evidence_review.synthesis.pipeline import run_synthesis
    reports = tmp_path / "reports"
    run_synthesis(processed, tmp_path / "none", reports, figures=False)
    app = ReviewApp(processed, tmp_path / "curation", "AB")
    app.rob_tool.value = "ROBINS-I"
    assert "confounding" in app.rob_domain.options and "critical" in app.rob_judgement.options
    app.rob_domain.value, app.rob_judgement.value = "confounding", "serious"
    app.reason.value = "no adjustment for disease duration"
    app.rob_button.click()
    rob = pd.read_csv(tmp_path / "curation" / "risk_of_bias.csv", dtype=str)
    assert rob.loc[0, ["study", "tool", "domain", "judgement", "reviewer"]].tolist() == [
        app.rob_study.value, "ROBINS-I", "confounding", "serious", "AB"]
    assert app.grade_cell.options, "the shipped corpus has comparative cells"
    app.grade_domain.value = "imprecision"
    app.grade_rating.value = "very serious"
    app.reason.value = ""
    app.grade_button.click()
    assert not (tmp_path / "curation" / "grade.csv").exists() and "reason" in app.message.value
    app.reason.value = "fewer than 50 events"
    app.grade_button.click()
    grade = pd.read_csv(tmp_path / "curation" / "grade.csv", dtype=str)
    assert grade.loc[0, ["cell_id", "domain", "rating", "reason"]].tolist() == [
        app.grade_cell.value, "imprecision", "very serious", "fewer than 50 events"]
