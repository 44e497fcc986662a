"""Extraction quality on the third blind batch in tests/fixtures/extract_heldout3 (20 abstracts outside neurology,
184 labels with role, subgroup, adjusted and arm-level MEAN/MEDIAN rows; README.md there).

Scored once, blind, with the extractor as it was before any rule saw these texts (figures in the README under
"Blind score"). The floors below are those blind figures rounded down to two decimals: they stop a change from
making things worse on text nobody tuned for. Raise them when the extractor improves; never lower them to pass.
Scoring goes through ingestion, as `make evaluate` does.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from evidence_review.extract.evaluate import evaluate_set

FOLDER = Path(__file__).parent / "fixtures" / "extract_heldout3"
# figures after the redesign (study model, grammar, registry, meaning), 2026-12-04, rounded down; the blind
# figures of the old extractor are in the README (effects 0.85, proportions 0.50, arms 0.22, binary 0.14)
# subgroup raised after subgroup labels name the group alone (tidy_subgroup), 2026-12-05
# means and continuous recovery raised after arm means in lists ("mean (±SE)" heading, own intervals), 2026-12-05
# proportions and binary recovery raised after arm counts and shares in prose ("88 of the 410 patients who received
# A", "2.5% of the patients who received A"), 2026-12-05
# binary recovery and labels raised after wt-ext-rest (arm sizes listed in one bracket, "(287 patients given A and
# 309 given B)"; a pair of shares naming no arm follows the order an earlier pair named), 2026-12-05
# proportions raised by the aligned-values reader (wt-pairs)
FLOOR_F1 = {"effects": 0.98, "proportions": 0.86, "means": 0.88, "medians": 0.00}
FLOOR_ARMS = 0.95  # wt-orient2: arms completed from a two-arm study model, 39 -> 40 of 42
FLOOR_RECOVERY = {"binary": 0.60, "continuous": 0.50}
# orientation and arm raised after wt-ext-orient (a comparator 'no X therapy' in the text's words, a value's own
# arm named right after it, and the scorer reading a study-arm key or a shortened name as the arm it names)
# label floors raised after the labels branch (time grammar, table when-headers and sub-rows, subgroups, adjusted)
# (wt-arms2: a count of the pooled dose arms names the drug: arm 78 -> 79 of 81)
FLOOR_LABELS = {"role": 0.95, "subgroup": 0.57, "timepoint": 0.88, "adjusted": 0.99, "orientation": 0.90, "arm": 0.97}
MAX_CRASHED = 1


def _labels_module():
    spec = importlib.util.spec_from_file_location("heldout_labels", FOLDER / "labels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold():
    return [json.loads(line) for line in (FOLDER / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def result():
    return evaluate_set(FOLDER / "gold.jsonl", FOLDER / "raw")


def test_batch_is_labelled_for_every_document_and_consistent(gold):
    files = sorted(f.name for f in (FOLDER / "raw").iterdir() if f.is_file())
    assert len(files) == 20 and len(gold) >= 180
    assert {g["doc"] for g in gold} == set(files)
    texts = {name: (FOLDER / "raw" / name).read_text(encoding="utf-8") for name in files}
    assert _labels_module().check(gold, texts) == []


def test_scorer_counts_the_batchs_outcomes_and_labels(result, gold):
    assert result["recovery"]["binary"]["outcomes"] == 35
    assert result["recovery"]["continuous"]["outcomes"] == 2
    scored = sum(result[k]["tp"] + result[k]["fn"] for k in FLOOR_F1)
    assert scored == len(gold)
    assert result["labels"]["role"]["checked"] == sum(result[k]["tp"] for k in FLOOR_F1)


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
