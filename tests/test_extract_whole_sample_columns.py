"""A column of the whole sample beside two or more arms' columns (tests/fixtures/extract_heldout48/BLIND_SCORES.md and
extract_heldout49/BLIND_SCORES.md, "Error classes of the blind run": "Total (n = 92)", "Overall (n = 28) | Non-Vaccine
(n = 14) | Vaccine (n = 14)" read as "all patients"). Session 22's settled labelling rule: the whole sample beside the
arms pools them and is neither labelled nor read (`whole_sample.whole_pools_the_arms`). Every table here is written
for the test, numbers and names changed."""
from __future__ import annotations

from table_grids import pipe_table

from evidence_review.extract.study import build_study
from evidence_review.extract.table_reader import read_table
from evidence_review.extract.whole_sample import whole_pools_the_arms

# ---------------------------------------------------------------------------------------- whole-sample columns
TWO_ARMS = ("Methods\nTwenty-eight adults were randomly assigned to the vaccine (n = 14) or to no vaccine "
            "(n = 14).\n")


def _read(text, header, caption):
    table = pipe_table(text, header, caption=caption)
    study = build_study("d", text, {"tables": [table]})
    return study, read_table("d", text, table, study)


def test_an_overall_column_before_two_arms_is_not_read():
    header = "| Characteristic | Overall (n = 28) | Non-Vaccine (n = 14) | Vaccine (n = 14) |"
    text = (TWO_ARMS + "Table 1. Baseline characteristics\n" + header + "\n"
            "| Female, n (%) | 12 (42.9) | 5 (35.7) | 7 (50.0) |\n"
            "| Age, years, mean ± SD | 51.2 ± 6.3 | 50.8 ± 6.1 | 51.6 ± 6.5 |\n")
    study, rows = _read(text, header, "Table 1. Baseline characteristics")
    assert not [r for r in rows if r["intervention"] == "all patients"], rows
    assert sorted((r["measure"], r["value"] if r["measure"] == "MEAN" else r["events"]) for r in rows) == [
        ("MEAN", 50.8), ("MEAN", 51.6), ("PROPORTION", 5), ("PROPORTION", 7)]
    assert "all patients" not in {a.name for a in study.arms}


def test_a_total_column_after_three_arms_in_an_outcome_table_is_not_read():
    header = "| Outcome | Drug A (n = 30) | Drug B (n = 31) | Placebo (n = 31) | Total (n = 92) |"
    text = ("Methods\nPatients were randomised to drug A, drug B or placebo.\nTable 3. Adverse events\n" + header + "\n"
            "| Nausea, n (%) | 6 (20.0) | 4 (12.9) | 2 (6.5) | 12 (13.0) |\n")
    _, rows = _read(text, header, "Table 3. Adverse events")
    assert sorted((r["intervention"], r["events"], r["total"]) for r in rows) == [
        ("drug a", 6, 30), ("drug b", 4, 31), ("placebo", 2, 31)]


def test_a_whole_column_beside_one_arm_alone_pools_nothing():
    # the rule asks for two arms or more beside the whole column: one arm's column and the whole are two groups
    class Arm:
        pass
    one, other = Arm(), Arm()
    assert not whole_pools_the_arms([one])
    assert not whole_pools_the_arms([one, one])     # two columns of one arm (its times)
    assert whole_pools_the_arms([one, other])


def test_an_enrolled_column_with_a_note_of_its_cells_is_the_whole_sample_not_an_arm():
    # "Enrolled N = 64 [Total (%)]" before two arms' columns: the whole sample (no arm named "enrolled total")
    header = "| Parameter | Enrolled N = 64 [Total (%)] | Preemptive Group N = 47 | Empiric Group N = 17 |"
    text = ("Methods\nSixty-four patients were randomized 3:1 to the preemptive group or the empiric group.\n"
            "Table 2. Study demographics\n" + header + "\n| Male sex | 44 (68.8) | 31 (66.0) | 13 (76.5) |\n")
    study, rows = _read(text, header, "Table 2. Study demographics")
    assert not any("enrol" in a.name.lower() for a in study.arms), [a.name for a in study.arms]
    assert sorted((r["events"], r["total"]) for r in rows) == [(13, 17), (31, 47)], rows
