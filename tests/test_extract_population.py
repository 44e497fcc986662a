"""Whole-population baseline figures of a trial (rules/population.py), events counted over an arm and a
denominator printed earlier (rules/proportions.py): what is read, and what is not."""
from evidence_review.extract import extract_document
from evidence_review.extract.grammar import population_size

TRIAL = "We randomly assigned 640 adults with lupus nephritis to rituximab (n = 321) or placebo (n = 319). "


def _rows(text, design="RCT"):
    return [(r["measure"], r["value"], r["events"], r["total"], r["intervention"], r["role"])
            for r in extract_document("d", text, "d.txt", "", design=design)]


def test_population_sizes_as_documents_state_them():
    assert population_size("A total of 1,204 participants underwent randomization: 602 to A") == 1204
    assert population_size("In the ITT analysis of 388 participants the programme reduced") == 388
    assert population_size("Overall, 275 children were enrolled between 2010 and 2012.") == 275
    assert population_size("Of 40 screened patients, 12 were randomized.") is None
    assert population_size("Patients seen at week 12 were randomized to two doses.") is None


def test_a_trials_population_at_baseline():
    rows = _rows(TRIAL + "Overall, 416 (65.0%) were men and 282/640 (44%) had diabetes; the mean age was 68.3 years "
                 "(SD 9.1).")
    assert ("PROPORTION", 0.65, 416, 640, "all patients", "baseline") in rows
    assert ("PROPORTION", 0.440625, 282, 640, "all patients", "baseline") in rows
    assert ("MEAN", 68.3, None, 640, "all patients", "baseline") in rows
    assert len(rows) == 3


def test_not_read_as_the_population_at_baseline():
    # an outcome of everyone, figures of one arm, a cohort study's description
    assert not [r for r in _rows(TRIAL + "Overall, 96 (15.0%) died during follow-up.") if r[4] == "all patients"]
    assert not [r for r in _rows(TRIAL + "In the placebo group, 210 (65.8%) were men.") if r[4] == "all patients"]
    assert _rows("We followed 220 patients with myasthenia in a registry. Overall, 143 (65.0%) were women.",
                 design="cohort") == []


def test_events_over_arms_and_a_denominator_printed_first():
    rows = _rows(TRIAL + "There were 41 deaths from cardiovascular causes in the rituximab group and 63 in the "
                 "placebo group.")
    assert sorted((r[0], r[2], r[3], r[4]) for r in rows) == [("PROPORTION", 41, 321, "rituximab"),
                                                              ("PROPORTION", 63, 319, "placebo")]
    # relapses may repeat in one patient: their count over an arm is no count of patients
    assert not [r for r in _rows(TRIAL + "There were 41 relapses in the rituximab group and 63 in the placebo "
                                 "group.") if r[0] == "PROPORTION"]
    rows = _rows(TRIAL + "Weaning was tried in 52 patients of the rituximab group and it succeeded in 47 "
                 "patients (90.3%).")
    assert [(r[0], r[2], r[3]) for r in rows] == [("PROPORTION", 47, 52)]
    assert _rows(TRIAL + "Of 100 patients with relapse, 40 (40%) received rituximab and 30 (30%) placebo.") == []
