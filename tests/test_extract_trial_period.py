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


def test_a_difference_of_changes_from_baseline_between_groups_is_an_effect_over_the_trial_period():
    from evidence_review.extract import extract_one
    text = ("Methods: In an open-label, 40-week, phase 3 trial, we randomly assigned 620 patients to rituximab "
            "(n = 310) or azathioprine (n = 310). Results: The mean change from baseline in the glycated hemoglobin "
            "level was -2.01 percentage points with rituximab; the estimated difference between the rituximab group "
            "and the azathioprine group was -0.42 percentage points (95% CI, -0.61 to -0.23).")
    rows, _, errors = extract_one("d", text, "d.txt", "", None, "RCT")
    assert not errors
    [md] = [r for r in rows if r["measure"] == "MD" and r["value"] == -0.42]
    assert md["role"] == "effect" and md["timepoint"] == "40 weeks"
    assert (md["ci_low"], md["ci_high"]) == (-0.61, -0.23)
