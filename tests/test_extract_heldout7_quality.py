"""Extraction quality on the seventh blind batch in tests/fixtures/extract_heldout7: 15 real open-access documents
(4 PMC JATS full reports with tables, 11 abstracts; urology, cardiology, neonatology, orthopaedics, malaria,
nephrology, oncology, smoking cessation, ophthalmology, stroke rehabilitation, obstetrics, critical care, mental
health; 320 labels written by hand and committed before any extractor ran on them; README.md and BLIND_SCORES.md
there).

The floors below are the blind figures (BLIND_SCORES.md: main 78c0de4, written without this batch), rounded down.
They are not goals: they stop a change from making extraction worse on real text it was never tuned on. Raise them
when the extractor improves; never lower them to pass, and never write a rule from these documents. Scoring goes
through ingestion, as `make evaluate` does.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from evidence_review.extract.evaluate import evaluate_set

FOLDER = Path(__file__).parent / "fixtures" / "extract_heldout7"
FLOOR_F1 = {"effects": 0.70, "proportions": 0.41, "means": 0.51, "medians": 0.00}
FLOOR_ARMS = 1.00
FLOOR_RECOVERY = {"binary": 0.18, "continuous": 0.40}
FLOOR_LABELS = {"role": 0.82, "adjusted": 0.90, "orientation": 0.00, "arm": 0.06, "timepoint": 0.07}
MAX_CRASHED = 0


def _build_module():
    spec = importlib.util.spec_from_file_location("heldout7_build", FOLDER / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold():
    return [json.loads(line) for line in (FOLDER / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def result():
    return evaluate_set(FOLDER / "gold.jsonl", FOLDER / "raw")


def test_batch_is_real_labelled_and_consistent(gold):
    files = sorted(f.name for f in (FOLDER / "raw").iterdir() if f.is_file())
    assert len(files) == 15 and len(gold) >= 320
    assert sum(f.endswith(".xml") for f in files) == 4
    assert {g["doc"] for g in gold} == set(files)
    # every file names its PMC source, the sources list gives its licence, and no earlier batch's PMC id is reused
    sources = (FOLDER / "SOURCES.md").read_text(encoding="utf-8")
    for name in files:
        assert name in sources and "PMC" in name
    assert "CC BY-NC" not in sources and "by-nc" not in sources and "CC BY-ND" not in sources
    earlier = {part for folder in FOLDER.parent.glob("extract_heldout*") if folder != FOLDER
               for f in (folder / "raw").iterdir() for part in f.stem.split("_") if part.startswith("PMC")}
    assert not earlier & {f.rsplit("_", 1)[-1].split(".")[0] for f in files}
    # gold.jsonl is what build.py writes, and every evidence string is in the document's visible text
    build = _build_module()
    assert build.check() == []
    assert [json.dumps(r, ensure_ascii=False) for r in build.RECORDS] == \
        [json.dumps(r, ensure_ascii=False) for r in gold]


def test_scorer_counts_the_batchs_labels(result, gold):
    scored = sum(result[k]["tp"] + result[k]["fn"] for k in FLOOR_F1)
    assert scored == len(gold)


def test_scores_stay_at_or_above_the_blind_figures(result):
    for kind, floor in FLOOR_F1.items():
        assert result[kind]["f1"] >= floor, (kind, result[kind])
    assert result["arms"]["accuracy"] >= FLOOR_ARMS, result["arms"]["wrong"]
    for kind, floor in FLOOR_RECOVERY.items():
        assert result["recovery"][kind]["share"] >= floor, result["recovery"][kind]
    for name, floor in FLOOR_LABELS.items():
        assert result["labels"][name]["accuracy"] >= floor, (name, result["labels"][name]["wrong"][:5])
    assert len(result["crashed"]) <= MAX_CRASHED, result["crashed"]
    assert result["rows_in_documents_without_gold"] == 0
