"""One owner decides which held-out batches are blind (`evaluate.BLIND_SETS`: this session's validation and test
batches), and every diagnostic that reads a set row by row refuses exactly those and reads a tuning set. The tuning
set here is an empty stand-in (no documents, no labels), so nothing of a real batch is read."""
from __future__ import annotations

import pytest

from evidence_review.extract import evaluate as ev
from evidence_review.extract import label_causes, study_diagnostic, table_diagnose

# every held-out batch name the project knows, and any being written this session
ALL_BATCHES = sorted(set(ev.HELDOUT_FOLDERS) | ev.TEST_SETS)


def test_the_roles_of_this_session():
    assert ev.VALIDATION_SETS == {"heldout14", "heldout15", "heldout18", "heldout19",
                                  "heldout20", "heldout21", "heldout22", "heldout23",
                                  "heldout24", "heldout25", "heldout26", "heldout27",
                                  "heldout28", "heldout29", "heldout52", "heldout53",
                                  "heldout58", "heldout59"}
    assert ev.TEST_SETS == set()
    assert ev.BLIND_SETS == ev.VALIDATION_SETS | ev.TEST_SETS
    # the tuning batches stay readable
    assert not {"heldout13", "heldout16", "heldout17", "heldout30", "heldout31", "heldout32",
                "heldout33", "heldout34", "heldout35", "heldout36", "heldout37",
                "heldout38", "heldout39", "heldout40", "heldout41", "heldout42",
                "heldout43", "heldout44", "heldout45", "heldout46", "heldout47",
                "heldout48", "heldout49", "heldout50", "heldout51", "heldout54",
                "heldout55", "heldout56", "heldout57"} & ev.BLIND_SETS


@pytest.fixture
def empty_sets(tmp_path, monkeypatch):
    """Every batch name points at an empty gold file and an empty raw folder, for all three diagnostics."""
    gold, raw = tmp_path / "gold.jsonl", tmp_path / "raw"
    gold.write_text("")
    raw.mkdir()
    sets = {name: (gold, raw) for name in ALL_BATCHES}
    for module in (ev, study_diagnostic, label_causes):
        monkeypatch.setattr(module, "heldout_set", lambda: dict(sets))
        monkeypatch.setattr(module, "shared_sets", lambda shared=None: {})
    monkeypatch.setattr(label_causes, "evaluate_set", lambda gold_path, raw_dir: {
        "labels": {name: {"right": 0, "checked": 0, "wrong": []} for name in ("subgroup", "timepoint")}})
    return sets


@pytest.mark.parametrize("name", ALL_BATCHES)
def test_table_diagnose_refuses_exactly_the_blind_batches(name, empty_sets):
    if name in ev.BLIND_SETS:
        with pytest.raises(SystemExit, match="validation or test batch"):
            table_diagnose.diagnose(name)
    else:
        assert not table_diagnose.diagnose(name)      # read: an empty set gives an empty tally


@pytest.mark.parametrize("name", ALL_BATCHES)
def test_study_diagnostic_refuses_exactly_the_blind_batches(name, empty_sets):
    if name in ev.BLIND_SETS:
        with pytest.raises(SystemExit, match="validation/test batch"):
            study_diagnostic.diagnose(name)
    else:
        assert study_diagnostic.diagnose(name)["counts"]["documents"] == 0


@pytest.mark.parametrize("name", ALL_BATCHES)
def test_label_causes_refuses_exactly_the_blind_batches(name, empty_sets, capsys):
    if name in ev.BLIND_SETS:
        assert label_causes.main(["--set", name]) == 2
        assert "refused" in capsys.readouterr().err
    else:
        assert label_causes.main(["--set", name]) == 0
        assert f"== {name}" in capsys.readouterr().out


def test_a_blind_batch_among_tuning_ones_refuses_the_whole_call(empty_sets, capsys):
    assert label_causes.main(["--set", "heldout16", "--set", "heldout18"]) == 2
    assert "== heldout16" not in capsys.readouterr().out
