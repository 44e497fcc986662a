"""Extraction quality on the fourteenth blind batch in tests/fixtures/extract_heldout14: 22 real open-access documents
(12 PMC JATS full reports with tables, 10 abstracts; dentistry, urology and general surgery, anaesthesia,
gastroenterology, gynaecology, nephrology and endocrinology, paediatrics, respiratory medicine, critical care,
infectious disease, oncology; three-to-six-arm, crossover, factorial and cluster designs; 591 labels written by hand
and committed before any extractor ran on them; README.md and BLIND_SCORES.md there).

The floors below were the blind figures (main 44f6a66) and are now the end-of-session figures (main 561166a; both in
BLIND_SCORES.md), rounded down.
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

FOLDER = Path(__file__).parent / "fixtures" / "extract_heldout14"
# the end-of-session figures (BLIND_SCORES.md), rounded down: F1 0.696, 0.668, 0.719, 0.520; recovery 33/62, 28/58
# proportions 0.66 -> 0.67 (wt-cells: 0.672, precision 0.874 -> 0.889; "a/b" with a larger than b left unread)
# tables' arm axis (wt-tables, table_arms.py): proportions 0.676, means 0.722; labels role 312, adjusted 350, arm 276
FLOOR_F1 = {"effects": 0.69, "proportions": 0.67, "means": 0.73, "medians": 0.52}
FLOOR_RECOVERY = {"binary": 0.53, "continuous": 0.48}
# counts of right labels (a share falls when recall rises); subgroup (0 of 4) and orientation (0 of 8) were right for
# no matched estimate in the blind run nor at the session's end: add them here once they are; the treatment-arm check was right for 2 of 3
# timepoint/subgroup raised after the labels branch (column subgroups, numbered time columns, caption and dose times)
FLOOR_LABELS = {"role": 312, "adjusted": 350, "arm": 276, "timepoint": 30}
FLOOR_ARMS_RIGHT = 2
MAX_CRASHED = 0


@pytest.fixture(scope="module")
def gold():
    return read_gold(FOLDER)


@pytest.fixture(scope="module")
def result():
    return evaluate_set(FOLDER / "gold.jsonl", FOLDER / "raw")


def test_batch_is_real_labelled_and_consistent(gold):
    assert_real_labelled_and_consistent(FOLDER, gold, documents=22, full_reports=12, min_labels=591)


def test_scorer_counts_the_batchs_labels(result, gold):
    assert_scored_every_label(result, gold, FLOOR_F1)


def test_scores_stay_at_or_above_the_blind_figures(result):
    assert_at_or_above(result, f1=FLOOR_F1, recovery=FLOOR_RECOVERY, labels=FLOOR_LABELS, arms_right=FLOOR_ARMS_RIGHT,
                       label_figure="right", max_crashed=MAX_CRASHED)
