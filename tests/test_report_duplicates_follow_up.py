"""Issue 15 in the report: each duplicate with the evidence of its link, possible duplicates listed (kept), and the
characteristics table's follow-up only from the document's follow-up phrase, never an estimate's timepoint."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from evidence_review.report import sections
from evidence_review.report.inputs import load

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "report"


def _inputs(tmp_path: Path, change) -> object:
    processed = tmp_path / "processed"
    shutil.copytree(FIXTURES, processed)
    docs = pd.read_csv(processed / "documents.csv", dtype=str, keep_default_na=False)
    change(docs)
    docs.to_csv(processed / "documents.csv", index=False)
    return load(processed, tmp_path / "reports")


def test_duplicates_show_their_evidence_and_possible_duplicates_are_listed(tmp_path):
    def change(docs):
        for col in ("duplicate_evidence", "possible_duplicate_of", "possible_duplicate_evidence", "follow_up"):
            docs[col] = ""
        dup = docs.index[docs["duplicate_of"] != ""][0]
        docs.loc[dup, "duplicate_evidence"] = "same DOI 10.1212/nxi.0000000000000705 with df77b78f6fcfd"
        ok = docs.index[(docs["duplicate_of"] == "") & (docs["status"] == "ok")]
        docs.loc[ok[0], "possible_duplicate_of"] = docs.loc[ok[1], "doc_id"]
        docs.loc[ok[0], "possible_duplicate_evidence"] = (f"{docs.loc[ok[1], 'doc_id']}: title 96.6% similar — but "
                                                          "years differ (2023 / 2019)")

    html = str(sections.html("skipped_inputs", _inputs(tmp_path, change)))
    assert "same DOI 10.1212/nxi.0000000000000705 with df77b78f6fcfd" in html
    assert "Possible duplicates, kept" in html and "years differ (2023 / 2019)" in html


def test_follow_up_comes_from_the_document_never_from_an_estimate_timepoint(tmp_path):
    def change(docs):
        docs["follow_up"] = ""
        docs.loc[0, "follow_up"] = "median 89.3 weeks"

    inputs = _inputs(tmp_path, change)
    timepoints = {t for t in inputs.estimates["timepoint"] if t}
    assert timepoints  # the fixture's estimates carry timepoints the table must not show as follow-up
    html = str(sections.html("characteristics", inputs))
    assert "median 89.3 weeks" in html
    for tp in timepoints:
        assert f"<td>{tp}</td>" not in html, tp
