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
