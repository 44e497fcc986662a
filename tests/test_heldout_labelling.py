"""The helpers every hand-labelled held-out batch's build.py writes its labels with (tests/fixtures/heldout_labelling.py):
a cell is read as printed, evidence is checked against the visible text, gold.jsonl is one record a line."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "heldout_labelling_under_test", Path(__file__).resolve().parent / "fixtures" / "heldout_labelling.py")
labelling = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(labelling)


def test_cells_are_read_as_printed_into_arm_level_labels(tmp_path):
    labels = labelling.Labels(tmp_path)
    labels.row("d.xml", [("drug", 40), ("placebo", 38)], ["12 (30%)", None], "nausea", "n", timepoint="week 4")
    labels.cell("d.xml", "drug", 40, " \u22121.5 ± 0.4 ", "change in weight", "mean", role="effect", spread="se")
    labels.cell("d.xml", "drug", 40, "30 (5–93)", "weight", "median_range")
    labels.cell("d.xml", "drug", 40, "37.3 (37.2-37.4)", "temperature", "mean_ci")
    labels.cell("d.xml", "drug", 40, "26/14", "male sex", "mf")
    nausea, change, weight, temperature, male = labels.records
    assert len(labels.records) == 5  # the None cell of the row is no label
    assert (nausea["measure"], nausea["events"], nausea["total"], nausea["value"]) == ("PROPORTION", 12, 40, 0.3)
    assert (nausea["role"], nausea["timepoint"], nausea["adjusted"]) == ("baseline", "week 4", "no")
    assert nausea["derived_fields"] == ["total"]
    # the printed minus sign is read as a negative number; the evidence stays as printed
    assert (change["value"], change["se"], change["sd"], change["evidence"]) == (-1.5, 0.4, None, "\u22121.5 ± 0.4")
    assert (weight["measure"], weight["value"], weight["range_low"], weight["range_high"]) == ("MEDIAN", 30, 5, 93)
    assert (temperature["ci_low"], temperature["ci_high"]) == (37.2, 37.4)
    assert (male["events"], male["total"], male["value"]) == (26, 40, 0.65)
    assert list(nausea)[:len(labelling.KEYS)] == list(labelling.KEYS)


def test_a_cell_of_another_shape_or_an_unknown_kind_stops_the_build(tmp_path):
    labels = labelling.Labels(tmp_path)
    with pytest.raises(AssertionError):
        labels.cell("d.xml", "drug", 40, "12 of 40", "nausea", "n")
    with pytest.raises(ValueError):
        labels.cell("d.xml", "drug", 40, "12 (30%)", "nausea", "count")
    with pytest.raises(AssertionError):
        labels.row("d.xml", [("drug", 40)], ["1 (2.5)", "2 (5.0)"], "nausea", "n")


def test_check_finds_evidence_missing_from_the_visible_text_and_write_is_stable(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.xml").write_text("<p>hazard ratio <b>0.72</b> (95% CI,\n0.41&#x2013;1.01)</p>",
                                            encoding="utf-8")
    labels = labelling.Labels(tmp_path)
    labels.R("a.xml", "HR", 0.72, "hazard ratio 0.72 (95% CI, 0.41–1.01)", ci_low=0.41, ci_high=1.01)
    assert labels.check() == []
    labels.R("a.xml", "HR", 0.7, "hazard ratio 0.70")
    labels.R("b.txt", "HR", 0.7, "hazard ratio 0.70")
    assert labels.check() == ["a.xml: evidence not found: 'hazard ratio 0.70'", "unknown doc b.txt"]
    labels.write()
    first = (tmp_path / "gold.jsonl").read_bytes()
    labels.write()
    assert (tmp_path / "gold.jsonl").read_bytes() == first
    assert [json.loads(line)["value"] for line in first.decode("utf-8").splitlines()] == [0.72, 0.7, 0.7]
    assert labels.records[0]["adjusted"] == "unknown" and labels.records[0]["role"] == "effect"


def test_mean_helpers_read_every_spelling_of_a_mean_with_its_spread(tmp_path):
    labels = labelling.Labels(tmp_path)
    arms = [("drug", 30), ("placebo", 28), ("usual care", 31)]
    labels.mean_row("d.xml", arms, ["41,8 ± 11,3", "*\u22122.5 (0.9)", None], "weight (kg)", role="baseline")
    labels.mean_cell("d.xml", "drug", 30, ".61 +/- .12", "ratio", timepoint="week 2")
    labels.mean_cell("d.xml", "drug", 30, "7.2 ±(1.1)", "pain (mm)", spread="se", note="the methods: mean ± SEM",
                     evidence="7.2 ±(1.1) mm")
    labels.mean("d.xml", "drug", None, 51.2, None, "51.2 mg in the drug group", "dose (mg)")
    labels.bare_mean_row("d.xml", arms[:2], ["68.1 kg", "70"], "body weight")
    comma, minus, ratio, pain, dose, bare_kg, bare = labels.records
    assert (comma["value"], comma["sd"], comma["total"], comma["role"]) == (41.8, 11.3, 30, "baseline")
    assert (minus["value"], minus["sd"], minus["evidence"]) == (-2.5, 0.9, "*\u22122.5 (0.9)")
    assert (ratio["value"], ratio["sd"], ratio["timepoint"], ratio["role"]) == (0.61, 0.12, "week 2", "effect")
    assert (pain["se"], pain["sd"], pain["evidence"], pain["direction_note"]) == (1.1, None, "7.2 ±(1.1) mm",
                                                                               "the methods: mean ± SEM")
    assert comma["derived_fields"] == ["total"] and "derived_fields" not in dose  # no arm size, nothing derived
    assert (bare_kg["value"], bare_kg["sd"], bare_kg["evidence"], bare["value"]) == (68.1, None, "68.1 kg", 70.0)
    assert bare["direction_note"] == "a mean printed without SD"
    assert labelling.printed_number("\u22123,5") == -3.5
    assert labelling.read_mean_cell(" 12.5±3.1 ") == (12.5, 3.1)


def test_a_cell_that_is_no_mean_with_spread_or_a_row_of_the_wrong_length_stops_the_build(tmp_path):
    labels = labelling.Labels(tmp_path)
    for text in ("12.5 (10.1–14.9)", "12 (30%)", "12.5", "12.5 ± 3.1 mm"):
        with pytest.raises(AssertionError):
            labels.mean_cell("d.xml", "drug", 30, text, "weight")
    with pytest.raises(AssertionError):
        labels.mean_row("d.xml", [("drug", 30)], ["1 (2)", "3 (4)"], "weight")
    assert labels.records == []


def test_proportion_helpers_label_counts_and_percentages_of_stated_arms(tmp_path):
    labels = labelling.Labels(tmp_path)
    arms = [("drug", 40), ("placebo", 38)]
    labels.percent_of_arm("d.xml", "drug", 40, 37.5, "37.5% of the drug group", "nausea")
    labels.percent_row("d.xml", arms, ["12,5", None], "male", role="baseline", note="a percentage printed alone")
    labels.count_row("d.xml", arms, ["7", "0"], "vomiting")
    labels.npct_row("d.xml", arms, ["12 (30%)", "9(23.7 %)"], "headache", timepoint="day 3")
    labels.npct_row("d.xml", arms, ["4 (10", None], "rash", subgroup="women")
    pct, male, seven, zero, headache_drug, headache_placebo, rash = labels.records
    assert (pct["events"], pct["total"], pct["value"], pct["derived_fields"]) == (15, 40, 0.375, ["events", "total"])
    assert (male["events"], male["role"], male["direction_note"], male["evidence"]) == (
        5, "baseline", "a percentage printed alone", "12,5")
    assert (seven["events"], seven["total"], zero["events"], zero["value"]) == (7, 40, 0, 0.0)
    assert seven["direction_note"] == "a bare count in the arm's column" and seven["derived_fields"] == ["total"]
    assert (headache_drug["events"], headache_placebo["events"], headache_placebo["total"]) == (12, 9, 38)
    assert headache_placebo["evidence"] == "9(23.7 %)" and headache_drug["timepoint"] == "day 3"
    assert (rash["events"], rash["subgroup"]) == (4, "women")


def test_a_cell_that_is_no_count_and_percentage_stops_the_build(tmp_path):
    labels = labelling.Labels(tmp_path)
    for text in ("12/40 (30)", "12 of 40", "12.5 (3.1)x", "(30%)"):
        with pytest.raises(AssertionError):
            labels.npct_row("d.xml", [("drug", 40)], [text], "nausea")
    with pytest.raises(AssertionError):
        labels.count_row("d.xml", [("drug", 40)], ["1", "2"], "nausea")
    with pytest.raises(ValueError):
        labels.count_row("d.xml", [("drug", 40)], ["12 (30%)"], "nausea")
    assert labels.records == []


def test_median_helpers_put_the_bracket_in_the_quartiles_or_the_range_as_declared(tmp_path):
    labels = labelling.Labels(tmp_path)
    labels.median_cell("d.xml", "drug", 20, "34 (17–57)", "stay (days)")
    labels.median_cell("d.xml", "drug", 20, "2 (1 to 2)", "episodes", spread="range", role="baseline")
    labels.median_cell("d.xml", "drug", 20, "26 % (14, 39)", "time above target (%)", evidence="drug: 26 % (14, 39)")
    labels.median_cell("d.xml", "drug", None, "\u22121 (\u22123–0)", "change in score", timepoint="month 1")
    labels.median_range("d.xml", "drug", 20, 38.0, 19.0, 65.0, "19–65 (38)", "age", note="printed as range (median)")
    labels.median_iqr("d.xml", "drug", 20, 4.0, 2.0, 6.0, "4 [2, 6]", "visits")
    iqr, rng, pct, neg, printed_range, printed_iqr = labels.records
    assert (iqr["value"], iqr["q1"], iqr["q3"], iqr["range_low"], iqr["evidence"]) == (34, 17, 57, None, "34 (17–57)")
    assert (rng["range_low"], rng["range_high"], rng["q1"], rng["role"]) == (1, 2, None, "baseline")
    assert (pct["value"], pct["q1"], pct["q3"], pct["evidence"]) == (26, 14, 39, "drug: 26 % (14, 39)")
    assert (neg["value"], neg["q1"], neg["q3"], neg["timepoint"]) == (-1, -3, 0, "month 1")
    assert "derived_fields" not in neg and iqr["derived_fields"] == ["total"]
    assert (printed_range["range_low"], printed_range["direction_note"]) == (19.0, "printed as range (median)")
    assert (printed_iqr["q1"], printed_iqr["q3"], printed_iqr["measure"]) == (2.0, 6.0, "MEDIAN")
    for text in ("34 ± 17", "34 (17)", "34 [17–57]"):
        with pytest.raises(AssertionError):
            labels.median_cell("d.xml", "drug", 20, text, "stay (days)")
    with pytest.raises(KeyError):
        labels.median_cell("d.xml", "drug", 20, "34 (17–57)", "stay (days)", spread="sd")


def test_effects_and_figures_with_bounds(tmp_path):
    labels = labelling.Labels(tmp_path)
    labels.effect("d.xml", "OR", 1.32, "OR 1.32, 95% CI 1.01–1.74", "drug", "placebo", "relapse", low=1.01, high=1.74,
                  p_value=0.04, p_text="p = 0.04", timepoint="60 days")
    labels.effect("d.xml", "MD", -3.0, "a difference of −3.0", "drug", "placebo", "pain")
    labels.cell("d.xml", "drug", 25, "-0.01 (-0.04 to 0.02)", "change in density", "mean_ci", role="effect",
                timepoint="8 months", subgroup="women")
    odds, md, change = labels.records
    assert (odds["ci_low"], odds["ci_high"], odds["p_value"], odds["comparator"], odds["role"]) == (
        1.01, 1.74, 0.04, "placebo", "effect")
    assert (odds["adjusted"], odds["timepoint"], md["ci_low"], md["ci_high"]) == ("unknown", "60 days", None, None)
    assert (change["value"], change["ci_low"], change["ci_high"]) == (-0.01, -0.04, 0.02)
    assert (change["timepoint"], change["subgroup"], change["role"]) == ("8 months", "women", "effect")
    assert labelling.read_value_and_bounds("\u22120.8 (\u22121.7 to .05)") == (-0.8, -1.7, 0.05)
    with pytest.raises(AssertionError):
        labelling.read_value_and_bounds("0.8 (SD 1.7)")


def test_cell_reads_each_shape_with_the_pattern_the_named_helpers_use(tmp_path):
    labels = labelling.Labels(tmp_path)
    labels.cell("d.xml", "drug", 40, "9(23.7 %)", "headache", "n")
    labels.cell("d.xml", "drug", 40, "41,8 ± 11,3", "age", "mean")
    labels.cell("d.xml", "drug", 40, "\u22121 (\u22123 to 0)", "change in score", "median_range")
    headache, age, change = labels.records
    assert (headache["events"], age["value"], age["sd"]) == (9, 41.8, 11.3)
    assert (change["value"], change["range_low"], change["range_high"]) == (-1, -3, 0)
    for text, kind in (("9 of 40", "n"), ("41.8 (35.1–50.2)", "mean"), ("41.8 ± 11.3", "median_range")):
        with pytest.raises(AssertionError):
            labels.cell("d.xml", "drug", 40, text, "age", kind)


def test_npct_fit_puts_each_count_over_the_total_its_percentage_fits(tmp_path):
    labels = labelling.Labels(tmp_path)
    arms = [("drug", 120), ("placebo", 118), ("open label", 60)]
    # 31/120 = 25.8 %; 22 (19.6) fits 112 (six missing), not 118; 9 (12.0) fits no total within 90 % of 60
    labels.npct_fit("d.xml", arms, ["31 (25.8)", "22 (19.6%)", "9 (12.0)"], "remission", timepoint="week 52",
                    direction_note="over the analysed")
    on_n, on_analysed, misprint = labels.records
    assert (on_n["events"], on_n["total"], on_n["timepoint"]) == (31, 120, "week 52")
    assert on_n["direction_note"] == "over the analysed"
    assert (on_analysed["events"], on_analysed["total"]) == (22, 112)
    assert on_analysed["direction_note"].startswith("over the analysed; the total derived")
    assert (misprint["events"], misprint["total"]) == (9, 60)
    assert misprint["direction_note"].startswith("over the analysed; the percentage fits no total")
    with pytest.raises(AssertionError):
        labels.npct_fit("d.xml", arms[:1], ["31 (25.8) a"], "remission")


def test_ci_effect_reads_the_estimate_and_its_interval_leaving_marks_aside(tmp_path):
    labels = labelling.Labels(tmp_path)
    labels.ci_effect("d.xml", "OR", "1.28 (0.67\u20132.43)*", "drug", "placebo", "relapse")
    labels.ci_effect("d.xml", "MD", "\u22120.8 (\u22121.7 to .05)", "drug", "placebo", "pain", evidence="MD \u22120.8")
    odds, md = labels.records
    assert (odds["value"], odds["ci_low"], odds["ci_high"], odds["evidence"]) == (
        1.28, 0.67, 2.43, "1.28 (0.67\u20132.43)*")
    assert (md["value"], md["ci_low"], md["ci_high"], md["evidence"]) == (-0.8, -1.7, 0.05, "MD \u22120.8")
    with pytest.raises(AssertionError):
        labels.ci_effect("d.xml", "OR", "1.28 [SE 0.3]", "drug", "placebo", "relapse")
