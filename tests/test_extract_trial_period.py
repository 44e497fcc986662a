"""An annualized rate's timepoint is the trial's treatment period; a dosing interval is no timepoint."""
from evidence_review.extract import extract_document

TEXT = ("We randomly assigned 930 patients to rituximab every 2 weeks or placebo for 52 weeks. "
        "The annualized rate of severe exacerbations was 0.41 (95% CI, 0.33 to 0.50) among patients assigned to "
        "rituximab every 2 weeks and 0.79 (95% CI, 0.64 to 0.97) among those assigned to placebo. "
        "The hazard ratio for hospitalization was 0.71 (95% CI, 0.52 to 0.97).")


def test_annualized_rates_take_the_trial_period_and_a_dosing_interval_is_no_timepoint():
    rows = {r["value"]: r["timepoint"] for r in extract_document("d", TEXT, "d.txt", "")}
    assert rows[0.41] == "52 weeks" and rows[0.79] == "52 weeks"
    assert rows[0.71] == ""      # not an annualized rate: no period is assumed for it


def test_no_period_outside_a_randomized_trial():
    text = TEXT.replace("We randomly assigned", "We followed").replace(" or placebo for 52 weeks", " for 52 weeks")
    assert all(r["timepoint"] != "52 weeks" for r in extract_document("d", text, "d.txt", ""))
