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
    assert _header_when("Pre: Mean (SE)") == (("pre", True), "Mean (SE)")
    assert _header_when("Post - mean ± SD") == (("post", False), "mean ± SD")
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


def test_categories_labelled_in_the_second_column_under_a_heading_row():
    text = """Thirty adults were randomized to lithium or placebo.
Table 1. Characteristics
| | | Placebo group (N = 12) | Lithium group (N = 18) | P-value |
| Sex (%) | | | | 0.52 |
| | Women | 7 (58) | 9 (50) | |
| | Men | 5 (42) | 9 (50) | |
| Age (±SD) | | 51 (8) | 49 (11) | 0.61 |
"""
    _, rows = _read(text, "| | | Placebo group (N = 12) | Lithium group (N = 18) | P-value |", "Table 1. Characteristics")
    counts = sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert counts == [(5, 12), (7, 12), (9, 18), (9, 18)]
    assert sorted(r["value"] for r in rows if r["measure"] == "MEAN") == [49, 51]
    # negative: a second-column label under a row of figures is a subgroup of that row, not read as a category
    text = """Thirty adults were randomized to lithium or placebo.
Table 2. Outcomes
| Outcome | | Placebo group (N = 12) | Lithium group (N = 18) | P value |
| Relapse | All patients | 6 (50) | 4 (22) | 0.03 |
| | Stopped early | 2 (4.1) | 0 (0) | |
"""
    _, rows = _read(text, "| Outcome | | Placebo group (N = 12) | Lithium group (N = 18) | P value |", "Table 2. Outcomes")
    assert sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION") == [(4, 18), (6, 12)]


def test_a_count_with_its_share_under_a_percent_label_in_a_table_of_means():
    text = """Eighty adults were randomized to vitamin K or placebo.
Table 1. Baseline characteristics
| Variables | Placebo group (n = 40) | Vitamin K group (n = 40) | p values |
| Mean age (year) | 50.1 ± 10.2 | 51.3 ± 9.4 | 0.61 |
| Male gender (%) | 18 (45) | 22 (55) | 0.37 |
| Adherence (%) | 91 (6.2) | 89 (7.1) | 0.22 |

Data are mean ± SD.
"""
    _, rows = _read(text, "| Variables | Placebo group (n = 40) | Vitamin K group (n = 40) | p values |",
                    "Table 1. Baseline characteristics", footnote="Data are mean ± SD.")
    assert sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION") == [(18, 40), (22, 40)]
    # a percentage measured per patient (no share of the arm) stays a mean with its SD
    assert sorted(r["value"] for r in rows if r["measure"] == "MEAN") == [50.1, 51.3, 89, 91]


def test_a_table_of_bare_counts_of_patients_on_each_concomitant_drug():
    for caption in ["Table 2. Concomitant medication", "Table 2. Comorbidities", "Table 2. Medications at entry"]:
        text = f"""Ninety adults were randomized to menthol or placebo.
{caption}
| DRUG | PLACEBO(N = 45) | MENTHOL(N = 45) |
| Inhaled steroids | 21 | 19 |
| Theophylline | 12 | 15 |
| Oral steroids | 4 | 6 |
"""
        _, rows = _read(text, "| DRUG | PLACEBO(N = 45) | MENTHOL(N = 45) |", caption)
        assert sorted((r["events"], r["total"]) for r in rows) == [(4, 45), (6, 45), (12, 45), (15, 45), (19, 45), (21, 45)]
    # negative: whole-number scores in a table whose caption says no count
    text = """Ninety adults were randomized to menthol or placebo.
Table 3. Symptom scores
| SCORE | PLACEBO(N = 45) | MENTHOL(N = 45) |
| Cough | 21 | 19 |
| Sputum | 12 | 15 |
| Dyspnoea | 4 | 6 |
"""
    _, rows = _read(text, "| SCORE | PLACEBO(N = 45) | MENTHOL(N = 45) |", "Table 3. Symptom scores")
    assert not any(r["measure"] == "PROPORTION" for r in rows or [])


def test_bare_changes_under_the_arms_of_a_table_of_changes_are_mean_changes():
    for caption, label_head in [("Table 3. Changes in serum levels in both groups", "Marker"),
                                ("Table 3. Comparing serum levels", "Delta (Δ) levels (pg/mL)")]:
        text = f"""Eighty adults were randomized to vitamin K or placebo.
{caption}
| {label_head} | Placebo group (n = 40) | Vitamin K group (n = 40) | P values |
| IL-6 | 12.350 | -41.200 | 0.02 |
| CRP | 0.420 | -1.75 | 0.04 |
"""
        _, rows = _read(text, f"| {label_head} | Placebo group (n = 40) | Vitamin K group (n = 40) | P values |", caption)
        means = sorted((r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN")
        assert means == [(-41.2, None), (-1.75, None), (0.42, None), (12.35, None)], caption
    # negative: bare decimals in a table that says no change stay unread
    text = """Eighty adults were randomized to vitamin K or placebo.
Table 3. Serum levels
| Marker | Placebo group (n = 40) | Vitamin K group (n = 40) | P values |
| IL-6 | 12.350 | 41.200 | 0.02 |
"""
    _, rows = _read(text, "| Marker | Placebo group (n = 40) | Vitamin K group (n = 40) | P values |", "Table 3. Serum levels")
    assert not [r for r in rows or [] if r["measure"] == "MEAN"]
