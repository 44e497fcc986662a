"""A sequential (or crossover) design's phases as arm rows under each outcome's row: "Placebo period" and "Active
period" rows at several days under an outcome row that prints only the whole sample's reference value, and a
"Δ Drug-Placebo" column holding the active period's difference against the placebo period (an MD, no arm's mean).
Read through the real ingestion of a JATS full report."""
from __future__ import annotations

from pathlib import Path

from evidence_review.extract import extract_study_tables
from evidence_review.extract.cells import split_marks
from evidence_review.extract.grid_layouts import arm_rows_by_elimination, cell_shape
from evidence_review.extract.study import difference_against_control, is_arm_header
from evidence_review.ingest import ingest_with_structures


def _cells(*texts: str, tag: str = "td") -> str:
    return "".join(f"<{tag}>{t}</{tag}>" for t in texts)


def _extract(tmp_path: Path, methods: str, table: str):
    xml = ('<?xml version="1.0"?>\n<article><front><article-meta><title-group><article-title>The lipid lowering effect of fish oil capsules in hypertriglyceridemic adults'
           '</article-title></title-group></article-meta></front><body>'
           f'<sec sec-type="methods"><title>Methods</title><p>{methods}</p></sec>'
           f'<sec sec-type="results"><title>Results</title><p>The results are shown in the table.</p>{table}'
           '</sec></body></article>')
    (tmp_path / "trial.nxml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    extraction = extract_study_tables(documents, texts, structures)
    rows = extraction.estimates
    return rows[rows["finder"] == "table"].to_dict("records")


METHODS = ("Twenty adults took part in a double-blind, placebo-controlled, sequential study with a 3-week placebo "
           "period followed by a 3-week active period. Both placebo and matching fish oil capsules were supplied by "
           "the manufacturer.")
HEAD = _cells("Parameter", "Screening", "Day 10", "Day 20", "&#x00394; FO-Placebo", tag="th")
BODY = [_cells("Triglycerides (mg/dL)", "140.2 &#x000b1; 30.1", "", "", ""),
        _cells("Placebo period", "", "131.5 &#x000b1; 25.3", "133.0 &#x000b1; 27.4", ""),
        _cells("Active period", "", "120.8 &#x000b1; 22.6", "110.4 &#x000b1; 20.2 B, b", "-22.6 (-17%)"),
        _cells("Glucose (mg/dL)", "98.1 &#x000b1; 9.9", "", "", ""),
        _cells("Placebo period", "", "97.3 &#x000b1; 8.2", "96.9 &#x000b1; 8.8", ""),
        _cells("Active period", "", "95.0 &#x000b1; 8.4", "95.5 &#x000b1; 9.1", "-1.4 (-1%)")]
TABLE = ("<table-wrap><label>Table 1</label><caption><title>Effects of fish oil on plasma lipids (n = 20)</title>"
         f"</caption><table><thead><tr>{HEAD}</tr></thead><tbody>{''.join(f'<tr>{r}</tr>' for r in BODY)}</tbody>"
         "</table><table-wrap-foot><fn><p>Values are means &#x000b1; SD.</p></fn></table-wrap-foot></table-wrap>")


def test_phase_rows_under_outcome_rows_are_the_arms_and_the_delta_column_their_difference(tmp_path):
    rows = _extract(tmp_path, METHODS, TABLE)
    means = {(r["intervention"].lower(), r["outcome"], r["timepoint"], r["value"]) for r in rows if r["measure"] == "MEAN"}
    assert ("placebo", "Triglycerides (mg/dL)", "day 20", 133.0) in means
    assert any(arm.startswith("fish oil") and outcome == "Triglycerides (mg/dL)" and when == "day 20" and value == 110.4
               for arm, outcome, when, value in means)
    assert any(outcome == "Glucose (mg/dL)" and value == 95.5 for _, outcome, _, value in means)
    # the Δ cells are no arm's mean, and the outcome rows' screening figures no arm's
    assert not any(r["value"] in (-22.6, -1.4, 140.2, 98.1) for r in rows if r["measure"] == "MEAN")
    differences = [(r["intervention"].lower(), r["comparator"], r["value"], r["timepoint"], r["outcome"])
                   for r in rows if r["measure"] == "MD"]
    assert len(differences) == 2
    assert all(arm.startswith("fish oil") and against == "placebo" and when == "day 20"
               for arm, against, _, when, _ in differences)
    assert {(value, outcome) for *_, value, _, outcome in differences} == {(-22.6, "Triglycerides (mg/dL)"),
                                                                        (-1.4, "Glucose (mg/dL)")}


def test_a_delta_header_subtracting_a_control_is_no_arm():
    assert difference_against_control("Δ FO-Placebo") == "placebo"
    assert difference_against_control("∆ Exercise vs control (mg/dL)") == "control"
    assert not is_arm_header("Δ FO-Placebo")
    # a hyphen inside one name is no subtraction
    assert difference_against_control("Δ LDL-C") == ""
    assert is_arm_header("Placebo period")


class _Arm:
    def __init__(self, name: str):
        self.name = name


def test_the_other_phase_row_is_the_remaining_arm_even_with_a_difference_cell_of_its_own():
    placebo, active = _Arm("placebo"), _Arm("fish oil")
    labels = {0: "HDL", 1: "Placebo phase", 2: "Treatment phase", 3: "LDL", 4: "Placebo phase", 5: "Treatment phase"}
    cells = {0: {0: "HDL", 1: "50.1 ± 9.0"}, 1: {0: "Placebo phase", 2: "49.0 ± 8.1"},
             2: {0: "Treatment phase", 2: "53.1 ± 9.2^A, a", 3: "4.1 (8%)"},
             3: {0: "LDL", 1: "160.2 ± 20.0"}, 4: {0: "Placebo phase", 2: "158.0 ± 21.3"},
             5: {0: "Treatment phase", 2: "150.2 ± 19.9", 3: "-7.8 (-5%)"}}
    resolved = {1: placebo, 4: placebo}
    assert arm_rows_by_elimination(labels, cells, resolved, [placebo, active]) == {2: active, 5: active}


def test_capital_footnote_letters_after_a_figure_are_marks():
    assert cell_shape("110.4 ± 20.2 B, b") == "mean_spread"
    assert split_marks("110.4 ± 20.2 B, b").body.strip() == "110.4 ± 20.2"
    assert split_marks("53.1 ± 9.2^A").body.strip() == "53.1 ± 9.2"


CROSSOVER = ("Twelve healthy non-smoking volunteers took part in a randomized, double-blind crossover study. Subjects "
             "were exposed to diesel exhaust (mean particle concentration 290 &#x000b5;g/m3) or clean air for two "
             "hours during rest.")
EXPOSURE_HEAD = _cells("", "Before exposure clean air", "Before exposure diesel exhaust", tag="th")
EXPOSURE_BODY = [_cells("Systolic blood pressure, mmHg", "121.4&#x000b1;3.1", "123.0&#x000b1;4.2"),
                 _cells("Heart rate, beats per minute", "66.2&#x000b1;2.9", "68.5&#x000b1;3.3"),
                 _cells("RMSSD, ms", "51.0 (30.2-70.4)", "48.3 (29.9-66.0)")]
EXPOSURE_TABLE = ("<table-wrap><label>Table 2</label><caption><title>Baseline haemodynamics</title></caption><table>"
                  f"<thead><tr>{EXPOSURE_HEAD}</tr></thead><tbody>{''.join(f'<tr>{r}</tr>' for r in EXPOSURE_BODY)}"
                  "</tbody></table></table-wrap>")


def test_a_crossovers_exposure_conditions_under_a_time_are_its_arms(tmp_path):
    rows = _extract(tmp_path, CROSSOVER, EXPOSURE_TABLE)
    read = {(r["intervention"].lower(), r["measure"], r["value"]) for r in rows}
    assert ("clean air", "MEAN", 121.4) in read
    assert any(arm.endswith("diesel exhaust") and measure == "MEAN" and value == 123.0 for arm, measure, value in read)
    assert ("clean air", "MEDIAN", 51.0) in read
    assert all(r["total"] == 12 for r in rows)


def test_a_compound_treatment_name_is_no_misspelling_of_its_parts():
    from evidence_review.extract.study import near_spelling, near_word
    assert not near_word("chemoradiotherapy", "chemotherapy")
    assert not near_spelling("Chemoradiotherapy".lower(), "chemotherapy")
    assert near_word("pregablin", "pregabalin")         # a dropped letter stays a misspelling
    assert near_word("edotolac", "etodolac")
