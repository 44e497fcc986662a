"""No document of any shipped, shared or test corpus makes extraction raise, and odd input never does."""
from __future__ import annotations

from pathlib import Path

import pytest

from evidence_review.extract import extract_document
from evidence_review.ingest import ingest_paths
from evidence_review.paths import repo_root

ROOT = repo_root()
CORPORA = [ROOT / "data" / "raw", ROOT.parent / "shared" / "seeds" / "raw", ROOT.parent / "shared" / "dev_corpus" / "raw",
           *sorted(p for p in (ROOT / "tests" / "fixtures").glob("**/raw") if p.is_dir())]


@pytest.mark.parametrize("folder", [c for c in CORPORA if c.is_dir()], ids=lambda p: str(p.relative_to(p.parents[2])))
def test_every_document_extracts_without_error(folder: Path):
    documents, texts = ingest_paths([folder])
    assert texts, f"no readable document in {folder}"
    for doc in documents.to_dict("records"):
        text = texts.get(doc["doc_id"])
        if not text:
            continue
        errors: list[str] = []
        rows = extract_document(doc["doc_id"], text, doc["source_file"], "", errors=errors)
        assert errors == [], (doc["source_file"], errors)
        assert all(text[r["start"]:r["end"]] == r["evidence"] for r in rows)


@pytest.mark.parametrize("text", [
    "", " ", "\x00\x01\x02", "HR", "HR (95% CI", "(95% CI 0.3-)", "p <", "12 (", "% % %", "Nine (15%) of",
    "No patient in either group", "None of the 0 patients had a relapse.", "0 of 0 patients relapsed (0%).",
    "mean \u00b1", "1.2 \u00b1 \u00b1 3", "median (IQR -) was", "(TRIAL-1: ; TRIAL-2: 41%)", "lnOR 9999 (95% CrI 999 to 99999)",
    "HR 1e308 (95% CI 1e-308 to 1e308)", "relapse 5 of 3 patients (167%)", "9" * 5000, "(" * 3000 + "HR 0.5" + ")" * 3000,
    "response rates of 1%, 2% and 3% in the , , and groups", "\u2212\u2212\u2212 0\u00b7\u00b75 \u2013\u2013 HR",
])
def test_odd_input_never_raises(text):
    errors: list[str] = []
    rows = extract_document("doc", text, errors=errors)
    assert errors == []
    assert isinstance(rows, list)


def test_document_naming_only_control_arms_keeps_its_estimate():
    # raised StopIteration in the arms of an estimate naming no arm (issue 13)
    errors: list[str] = []
    rows = extract_document("doc", "Patients received placebo or no treatment (control). The hazard ratio was 0.5 "
                                   "(95% CI 0.3-0.8).", errors=errors)
    assert errors == [] and [(r["measure"], r["value"]) for r in rows] == [("HR", 0.5)]


def test_a_failing_sentence_is_reported_and_the_others_kept(monkeypatch):
    from evidence_review.extract import core

    real = core._find_in_sentence

    def fragile(seg, *args, **kwargs):
        if "boom" in seg:
            raise RuntimeError("odd sentence")
        return real(seg, *args, **kwargs)

    monkeypatch.setattr(core, "_find_in_sentence", fragile)
    text = "The HR was 0.5 (95% CI 0.3-0.8) for rituximab versus placebo. A boom sentence with 3 numbers 4 5."
    errors: list[str] = []
    rows = core.extract_document("doc", text, errors=errors)
    assert [(r["measure"], r["value"]) for r in rows] == [("HR", 0.5)]
    assert len(errors) == 1 and "RuntimeError: odd sentence" in errors[0]
