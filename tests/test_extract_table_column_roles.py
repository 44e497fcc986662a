"""Which columns of a table hold baseline figures: a caption naming the baseline beside a later time is no
baseline table, a "Pre: Mean (SE)" or "BASE LINE" column is the baseline, and a table of an anaesthetic block's
characteristics holds outcomes (tests/fixtures/extract_heldout10/BLIND_SCORES.md, "Role"). Every table here is
written for the test, numbers and names changed."""
from __future__ import annotations

from table_grids import read_pipe_table as _read

from evidence_review.extract.table_reader import _baseline_caption, _header_when


def test_a_caption_naming_the_baseline_beside_a_later_time_is_no_baseline_table():
    for caption in ["Mean baseline, week 12, and change in laboratory measures", "Baseline and 6-month values",
                    "Scores at baseline and after treatment", "Values at baseline and at week 8",
                    "Baseline versus post-treatment scores", "Baseline and follow-up measurements",
                    "Characteristics of spinal anaesthesia", "Block characteristics",
                    "Characteristics of sensory and motor blockade"]:
        assert not _baseline_caption(caption), caption
    for caption in ["Baseline characteristics", "Baseline characteristics of children who completed the 12-week study",
                    "Patient characteristics at baseline", "Baseline characteristics and treatment allocation",
                    "Demographic and clinical characteristics", "Characteristics of the patients"]:
        assert _baseline_caption(caption), caption


def test_a_when_spelt_in_two_words_or_printed_with_the_statistic():
    assert _header_when("Pre: Mean (SE)") == (("before treatment", True), "Mean (SE)")
    assert _header_when("Post - mean ± SD") == (("after treatment", False), "mean ± SD")
    assert _header_when("BASE LINE")[0][1] is True
    assert _header_when("Base-line")[0][1] is True
    assert _header_when("Week 8, median (IQR)") == (("week 8", False), "median (IQR)")
    # negative: an arm with its statistic, or a when with other words, is no when
    assert _header_when("Placebo: Mean (SE)") == (None, "")
    assert _header_when("Pre: treated patients") == (None, "")


def test_pre_and_base_line_columns_are_the_baseline_and_later_columns_are_not():
    text = """Sixty adults were randomized to zinc or placebo.
Table 2. Serum markers before and after supplementation
| Marker | Placebo (30) | Placebo (30) | Placebo (30) | Zinc (30) | Zinc (30) | Zinc (30) |
| Marker | Pre: Mean (SE) | Post: Mean (SE) | P-value | Pre: Mean (SE) | Post: Mean (SE) | P-value |
| IL-6 | 12.4 (1.1) | 12.9 (1.3) | 0.41 | 12.2 (1.0) | 9.8 (0.9) | 0.02 |
"""
    _, rows = _read(text, "| Marker | Placebo (30) | Placebo (30) | Placebo (30) | Zinc (30) | Zinc (30) | Zinc (30) |",
                    "Table 2. Serum markers before and after supplementation", header_rows=2)
    roles = {r["value"]: r["role"] for r in rows if r["measure"] == "MEAN"}
    assert roles[12.4] == roles[12.2] == "baseline"
    assert roles[12.9] != "baseline" and roles[9.8] != "baseline"
    assert all(r["se"] is not None for r in rows if r["measure"] == "MEAN")
    text = """Sixty adults were randomized to zinc or placebo.
Table 4. Lung function during 6 months of treatment
| Measure | PLACEBO | PLACEBO | ZINC | ZINC | |
| | BASE LINE | 6 MONTHS | BASE LINE | 6 MONTHS | p-Value |
| FEV1 [l] | 1.52 ± 0.4 | 1.55 ± 0.5 | 1.50 ± 0.4 | 1.66 ± 0.5 | 0.04 |
"""
    _, rows = _read(text, "| Measure | PLACEBO | PLACEBO | ZINC | ZINC | |", "Table 4. Lung function during 6 months of treatment",
                    header_rows=2)
    roles = {r["value"]: r["role"] for r in rows if r["measure"] == "MEAN"}
    assert roles[1.52] == roles[1.50] == "baseline"
    assert roles[1.55] != "baseline" and roles[1.66] != "baseline"


def test_the_columns_of_a_table_whose_caption_names_baseline_and_a_later_time():
    text = """Sixty adults were randomized to zinc or placebo.
Table 2. Mean baseline, week 12, and change in clinical measures
| Measure | Placebo (n = 30) | Placebo (n = 30) | Zinc (n = 30) | Zinc (n = 30) |
| | Baseline | Week 12 | Baseline | Week 12 |
| Fasting glucose (mmol/l) | 81.2 ± 9.1 | 80.9 ± 9.0 | 82.4 ± 8.7 | 79.1 ± 8.2 |
"""
    _, rows = _read(text, "| Measure | Placebo (n = 30) | Placebo (n = 30) | Zinc (n = 30) | Zinc (n = 30) |",
                    "Table 2. Mean baseline, week 12, and change in clinical measures", header_rows=2)
    roles = {r["value"]: r["role"] for r in rows if r["measure"] == "MEAN"}
    assert roles[81.2] == roles[82.4] == "baseline"
    assert roles[80.9] != "baseline" and roles[79.1] != "baseline"
