"""A sentence about the reasons patients left or the doses they were given counts disposition and exposure, not an
outcome (meaning.of_how_the_trial_ran); the outcome sentences beside it are read as before."""
from evidence_review.extract import extract_one

_TEXT = ("Methods\nPatients were randomly assigned to ribociclib (n = 60) or placebo (n = 58).\nResults\n{sentence} "
         "Neutropenia occurred in 30 (50.0%) patients in the ribociclib arm and 3 (5.2%) in the placebo arm.\n")


def _found(sentence: str) -> set[tuple]:
    rows, _, errors = extract_one("d", _TEXT.format(sentence=sentence), "d.txt")
    assert not errors
    return {(r["measure"], round(float(r["value"]), 3)) for r in rows}


def test_the_reasons_patients_left_are_no_outcome():
    found = _found("The main reasons for early discontinuation in the ribociclib and placebo arms were disease "
                   "progression (40.0% vs 62.1%) and rash (5.0% vs 3.4%).")
    assert ("PROPORTION", 0.5) in found                  # the outcome sentence beside it
    assert not found & {("PROPORTION", v) for v in (0.4, 0.621, 0.05, 0.034)}
    found = _found("Reasons for withdrawal were consent withdrawn (8.3% vs 6.9%).")
    assert not found & {("PROPORTION", 0.083), ("PROPORTION", 0.069)}


def test_dose_reductions_and_interruptions_are_exposure_not_an_outcome():
    found = _found("Patients in the ribociclib arm more often needed a dose interruption (45.0% vs 12.1%).")
    assert ("PROPORTION", 0.5) in found
    assert not found & {("PROPORTION", 0.45), ("PROPORTION", 0.121)}


def test_the_same_figures_of_an_outcome_are_read():
    found = _found("The most common events in the ribociclib and placebo arms were disease progression (40.0% vs "
                   "62.1%) and rash (5.0% vs 3.4%).")
    assert {("PROPORTION", v) for v in (0.4, 0.621, 0.05, 0.034)} <= found
    found = _found("Patients in the ribociclib arm more often needed a blood transfusion (45.0% vs 12.1%).")
    assert {("PROPORTION", 0.45), ("PROPORTION", 0.121)} <= found
    # a figure printed before the sentence turns to the reasons is not among them
    found = _found("Rash occurred in 5.0% vs 3.4% of patients; the reasons for withdrawal are listed in Fig. 1.")
    assert {("PROPORTION", 0.05), ("PROPORTION", 0.034)} <= found
