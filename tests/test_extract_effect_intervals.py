"""Effect estimates in sentences: the ways writers print a value with its interval, and the comparisons printed as a
value's own label. Each shape is tested in its variants (bracket kinds, dashes, "to", commas, semicolons, levels,
credible intervals) on sentences written for the tests, names and numbers changed from the documents that showed
the shape."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document, extract_one
from evidence_review.extract.grammar import Parse, tokenize


def effects(text: str) -> list[dict]:
    return [r for r in extract_document("doc", text, "doc.txt") if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


def numbers(rows: list[dict]) -> list[tuple]:
    return [(r["measure"], r["value"], r["ci_low"], r["ci_high"]) for r in rows]


# ---------------------------------------------------------------- interval labels and separators
@pytest.mark.parametrize("interval, level", [
    ("[95% confidence interval (CI) \u22120.31, 0.12]", 0.95),
    ("(95% CI \u22120.31, 0.12", 0.95),
    ("(95% CIs, \u22120.31 to 0.12)", 0.95),
    ("[90% CIs: \u22120.31 to 0.12]", 0.90),
    ("(99% confidence intervals \u22120.31\u20130.12)", 0.99),
    ("(95% CrI \u22120.31 to 0.12)", 0.95),
    ("(95% credible interval, \u22120.31; 0.12)", 0.95),
    ("(95CI%, \u22120.31 to 0.12)", 0.95),
])
def test_a_labelled_difference_reads_its_interval_in_any_form(interval, level):
    text = f"Fatigue improved less with rituximab than with placebo (mean difference \u22120.09 {interval}; p = 0.21)."
    [row] = effects(text)
    assert numbers([row]) == [("MD", -0.09, -0.31, 0.12)]
    assert row["ci_level"] == level


@pytest.mark.parametrize("tail", [
    "0\u00b7012, \u22120\u00b7004 to 0\u00b703; p=0\u00b731)",
    "0.012, -0.004 to 0.03)",
    "0.012, \u22120.004\u20130.03; P = 0.31)",
    "0.012, -0.004 - 0.03, p = 0.31)",
])
def test_an_interval_printed_after_a_comma_without_the_letters_ci(tail):
    text = f"The arms did not differ in quality-adjusted life-years (mean difference {tail}."
    assert numbers(effects(text)) == [("MD", 0.012, -0.004, 0.03)]


def test_a_comma_pair_that_does_not_hold_the_value_is_no_interval():
    # "12, 15 to 20": a list of values, not an interval of 12
    assert not [r for r in effects("The mean difference was 12, 15 to 20 in the subgroups.") if r["ci_low"] == 15]


# ---------------------------------------------------------------- money
@pytest.mark.parametrize("printed, value, low, high", [
    ("\u2212\u00a3512; 95% CI \u22121020 to \u22124", -512, -1020, -4),
    ("\u2212$1,250 (95% CI \u2212$2,400 to \u2212$100)", -1250, -2400, -100),
    ("\u20ac120, 95% CI \u2212\u20ac310 to \u20ac550", 120, -310, 550),
    ("-\u00a3 75 [95% CI -\u00a3140, -\u00a310]", -75, -140, -10),
])
def test_an_amount_of_money_keeps_its_sign_and_its_interval(printed, value, low, high):
    text = f"The intervention was associated with different costs (mean difference {printed}) compared with usual care."
    assert numbers(effects(text)) == [("MD", value, low, high)]


def test_the_currency_sign_is_no_part_of_the_number_token():
    [n] = tokenize("-\u00a3448")
    assert (n.value, n.signed) == (-448.0, True)
    [iv] = Parse("95% CI -\u00a31410 to \u00a31599")("interval")
    assert (iv.low, iv.high) == (-1410.0, 1599.0)


# ---------------------------------------------------------------- a measure's name with its abbreviation defined
@pytest.mark.parametrize("named", ["hazard ratio [HR] 0.62", "hazard ratio (HR), 0.62", "hazard ratio [HR]: 0.62",
                                   "hazard ratio (HR) = 0.62"])
def test_a_ratio_after_its_defined_abbreviation_displaces_the_reduction_before_it(named):
    text = ("Patients were randomly assigned to rituximab or placebo. Rituximab reduced the risk of a first relapse by "
            f"38% versus placebo ({named}, p < 0.001).")
    rows = effects(text)
    assert numbers(rows) == [("HR", 0.62, None, None)]
    assert (rows[0]["intervention"], rows[0]["comparator"]) == ("rituximab", "placebo")


def test_each_reduction_against_each_comparator_is_its_ratio():
    text = ("Patients were randomly assigned to rituximab plus azathioprine, rituximab, azathioprine or placebo. "
            "Rituximab plus azathioprine reduced the risk of relapse by 41% versus placebo (hazard ratio [HR] 0.59, "
            "p < 0.001), 16% versus rituximab (HR 0.84, p < 0.01), and 12% versus azathioprine (HR 0.88, p < 0.05).")
    rows = effects(text)
    assert [(r["measure"], r["value"], r["comparator"]) for r in rows] == [
        ("HR", 0.59, "placebo"), ("HR", 0.84, "rituximab"), ("HR", 0.88, "azathioprine")]


# ---------------------------------------------------------------- a comparison printed as the value's label
@pytest.mark.parametrize("label", ["azathioprine versus placebo: ", "azathioprine vs. placebo, ",
                                   "azathioprine compared with placebo: ", "azathioprine vs placebo = "])
def test_a_comparison_printed_before_its_value_orders_the_difference(label):
    text = ("Patients were randomly assigned to rituximab, azathioprine or placebo. Glycated haemoglobin did not "
            f"change ({label}0.04% [95% CI \u22120.02, 0.10]).")
    rows = effects(text)
    assert numbers(rows) == [("MD", 0.04, -0.02, 0.10)]       # a level measured in percent: its own unit
    assert (rows[0]["intervention"], rows[0]["comparator"]) == ("azathioprine", "placebo")


def test_a_share_of_patients_printed_after_a_comparison_is_a_risk_difference():
    text = ("Patients were randomly assigned to rituximab or placebo. The remission rate was higher (rituximab versus "
            "placebo: 12.5% [95% CI 4.1, 20.9]).")
    rows = effects(text)
    assert numbers(rows) == [("RD", 0.125, 0.041, 0.209)]


def test_a_short_name_of_one_study_arm_is_that_arm():
    text = ("Adults were randomised to placebo, 100 IU zelacor D2 or 100 IU zelacor D3 monthly for 4 months. "
            "Weight did not change: D2 versus placebo: \u22120.21 kg (95% CI \u22120.60, 0.18); D3 versus placebo "
            "0.11 kg (95% CI \u22120.30, 0.52).")
    rows = [r for r in extract_one("doc", text, "doc.txt")[0] if r["measure"] == "MD"]
    assert numbers(rows) == [("MD", -0.21, -0.60, 0.18), ("MD", 0.11, -0.30, 0.52)]
    assert [(r["intervention"], r["comparator"]) for r in rows] == [("zelacor d2", "placebo"), ("zelacor d3", "placebo")]


# ---------------------------------------------------------------- what only looks like an estimate
@pytest.mark.parametrize("text", [
    "Fasting glucose showed a significant difference in the 10th week of the study (p<0.05).",
    "The difference appeared in the 3rd month and persisted (p = 0.02).",
    "A between-group difference was seen on the 21st day (P < 0.01).",
])
def test_an_ordinal_is_never_a_value(text):
    assert effects(text) == []


@pytest.mark.parametrize("unit", ["%-units", "% units", "percent units", "%-points"])
def test_a_difference_of_a_level_in_percent_units_is_a_mean_difference(unit):
    text = f"After six months the groups differed in HbA1c (mean difference = 0.41{unit}, p = 0.03)."
    assert numbers(effects(text)) == [("MD", 0.41, None, None)]


# ---------------------------------------------------------------- arms and labels of the effects
def _effects_of_document(text: str) -> list[dict]:
    return [r for r in extract_one("doc", text, "doc.txt")[0] if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


@pytest.mark.parametrize("allocation", [
    "to receive surgery with either a 2 cm or 4 cm resection margin",
    "to surgery with either a 2 cm resection margin (n=310) or a 4 cm resection margin (n=305)",
    "to undergo surgery with either a 2-cm or 4-cm resection margin following the biopsy",
])
def test_procedure_arms_told_apart_by_an_amount_order_a_ratio(allocation):
    text = (f"Patients were randomly assigned (1:1) {allocation}. 120 deaths occurred in the 2 cm group compared with "
            "98 in the 4 cm group (unadjusted hazard ratio [HR] 1\u00b718 [95% CI 0\u00b791\u20131\u00b753]; p=0\u00b721).")
    [hr] = _effects_of_document(text)
    assert (hr["value"], hr["ci_low"], hr["ci_high"]) == (1.18, 0.91, 1.53)
    assert [hr["intervention"].replace("-", " "), hr["comparator"].replace("-", " ")] == \
        ["2 cm resection margin", "4 cm resection margin"]


@pytest.mark.parametrize("lead", ["Compared with usual care alone, telemonitoring was",
                                  "Relative to usual care, telemonitoring was"])
def test_a_treatment_added_to_the_control_is_the_trial_comparison_not_a_factor(lead):
    text = ("Patients were randomised 1:1 to receive usual care or usual care plus telemonitoring. "
            f"{lead} associated with smaller improvements in fatigue (difference \u22122.10 (95% CI \u22123.90 to "
            "\u22120.30), p=0.02) at 6 months.")
    [md] = _effects_of_document(text)
    assert (md["value"], md["role"], md["timepoint"]) == (-2.10, "effect", "6 months")
    assert (md["intervention"], md["comparator"]) == ("standard care + telemonitoring", "standard care")


@pytest.mark.parametrize("sentence", [
    "The groups did not differ in either clinical (remission: relative risk 1.04, 95% CI 0.88-1.22) or economic "
    "(QALY: mean difference 0.010, -0.005 to 0.03) outcome measures.",
    "The groups differed in glycated haemoglobin (mean difference = 0.48%-units, p = 0.02) and in SF-12 score "
    "(mean difference = 9.0 points, p = 0.04).",
])
def test_outcomes_each_with_its_own_effect_are_no_subgroups(sentence):
    text = "Patients were randomly assigned to rituximab or placebo. " + sentence
    rows = _effects_of_document(text)
    assert len(rows) == 2
    assert [(r["role"], r["subgroup"]) for r in rows] == [("effect", ""), ("effect", "")]


@pytest.mark.parametrize("when, timepoint", [("After three months of treatment", "three months"),
                                             ("At twelve weeks", "twelve weeks"),
                                             ("After 3 months of treatment", "3 months")])
def test_a_period_written_in_words_is_the_timepoint(when, timepoint):
    text = (f"Patients were randomly assigned to rituximab or placebo. {when}, the groups differed in fatigue "
            "(mean difference = 4.0 points, 95% CI 1.0 to 7.0).")
    [md] = _effects_of_document(text)
    assert md["timepoint"] == timepoint


@pytest.mark.parametrize("first, second, hr, expected", [
    ("58.2% (95% CI 53.1\u201363.0) in the rituximab alone group", "52.4% (47.0\u201357.5) in the rituximab plus "
     "azathioprine group", "1\u00b712", ("rituximab + azathioprine", "rituximab")),
    ("52.4% in the rituximab plus azathioprine group", "58.2% in the rituximab alone group", "0\u00b789",
     ("rituximab", "rituximab + azathioprine")),
])
def test_a_hazard_ratio_after_two_arms_survival_percentages(first, second, hr, expected):
    # the arm with more patients alive has less of the event the hazard ratio counts
    text = ("Patients were randomly assigned to rituximab alone or rituximab plus azathioprine. "
            f"3-year overall survival was {first} and {second} (hazard ratio [HR] {hr}, 95% CI 0\u00b791\u20131\u00b729;"
            " p=0\u00b736).")
    [row] = _effects_of_document(text)
    printed = float(hr.replace("\u00b7", "."))
    # as printed, or turned to the trial's direction (the add-on arm experimental): the same estimate
    assert ((row["intervention"], row["comparator"]), row["value"]) in (
        (expected, pytest.approx(printed)), (expected[::-1], pytest.approx(1 / printed)))
    assert row["timepoint"] == ""       # the survival rates' landmark, not the hazard ratio's time


def test_a_dose_grouped_by_thousands_is_no_part_of_the_arm_name():
    text = ("Adults were randomized to either placebo, 50 000 IU zelacor D2 or 50 000 IU zelacor D3, orally "
            "administered monthly for 4 months. Weight did not change: D2 versus placebo: \u22120.21 kg (95% CI "
            "\u22120.60, 0.18).")
    rows, study, _ = extract_one("doc", text, "doc.txt")
    assert sorted(a.canonical for a in study.arms) == ["placebo", "zelacor d2", "zelacor d3"]
    assert [(r["intervention"], r["comparator"]) for r in rows if r["measure"] == "MD"] == [("zelacor d2", "placebo")]


# ---------------------------------------------------------------- more printed forms
@pytest.mark.parametrize("later", ["(0.81; 0.66-0.99)", "[0.81; 0.66\u20130.99]", "(0.81; 0.66 to 0.99)"])
def test_the_value_then_limits_form_carries_to_the_next_sentence(later):
    text = ("Azathioprine increased the rate of infection (HR; 95% CI: 1.24; 0.98-1.57). Rituximab also protected "
            f"against fever {later}, but not against cough. The median age was 12 (10; 9-14) years.")
    assert numbers(effects(text)) == [("HR", 1.24, 0.98, 1.57), ("HR", 0.81, 0.66, 0.99)]


@pytest.mark.parametrize("times", ["at 1, 2 and 3 months", "after 4, 8, or 12 weeks", "at weeks 4, 12 and 24",
                                   "on days 7 and 14"])
def test_a_list_of_times_holds_no_value(times):
    text = f"Differences in pain scores between the two treatments were compared {times} after surgery."
    assert effects(text) == []


@pytest.mark.parametrize("said", ["The odds of remission with rituximab as compared with azathioprine were",
                                  "The odds for remission with rituximab relative to azathioprine were"])
def test_the_odds_of_an_arm_against_another_are_an_odds_ratio(said):
    text = f"{said} 1.48 (95% CI, 1.09 to 2.01)."
    assert numbers(effects(text)) == [("OR", 1.48, 1.09, 2.01)]


@pytest.mark.parametrize("points, interval, value", [
    ("5.4 percentage points", "(95% CI, \u22128.1 to \u22122.7)", -0.054),
    ("5.4 percentage points", "(95% CI, 2.7 to 8.1)", 0.054),
    ("5.4 %-points", "[95% CI \u22128.1, \u22122.7]", -0.054),
    ("5.4 pp", "(95% CI \u22128.1 to \u22122.7)", -0.054),
])
def test_a_difference_in_points_is_a_risk_difference_signed_by_its_interval(points, interval, value):
    text = f"Relapse by week 28 was lower with rituximab than with placebo by {points} {interval}."
    rows = effects(text)
    assert [r["measure"] for r in rows] == ["RD"]
    assert rows[0]["value"] == pytest.approx(value)


@pytest.mark.parametrize("rate, value, unit", [
    ("5.2 suicide-related events per 100 person-years", 5.2, "per 100 patient-years"),
    ("3.1 cases per 1000 patient-years", 3.1, "per 1000 patient-years"),
    ("0.8 hospitalizations per patient-year", 0.8, "per patient-year"),
])
def test_a_rate_may_name_what_it_counts(rate, value, unit):
    rows = [r for r in extract_document("doc", f"Before treatment, patients had {rate}.", "doc.txt") if r["measure"] == "ARR"]
    assert [(r["value"], r["unit"]) for r in rows] == [(value, unit)]


def test_a_sentence_saying_when_the_results_were_measured_times_the_next_one():
    text = ("Patients were randomly assigned to rituximab or azathioprine. Table 2 shows the end points at week 40. "
            "The odds of remission with rituximab as compared with azathioprine were 1.48 (95% CI, 1.09 to 2.01). "
            "The hazard ratio for relapse was 0.71 (95% CI 0.52-0.97).")
    rows = effects(text)
    assert [(r["value"], r["timepoint"]) for r in rows] == [(1.48, "week 40"), (0.71, "")]


@pytest.mark.parametrize("sentence", [
    "At six months there was a weight decrease of -1.20 kg, (CI 95% -2.05 to -0.35) in the intervention group "
    "compared to a weight increase in the usual care group (+0.4 kg, CI 95% -0.30-1.10, p=0.02).",
    "There was a loss of -0.9 kg (95% CI -1.6 to -0.2) in the rituximab arm and a gain in the placebo arm "
    "(+0.3 kg, 95% CI -0.2 to 0.8).",
])
def test_each_arms_own_change_with_its_interval_is_no_difference(sentence):
    assert [r for r in effects(sentence) if r["measure"] in ("MD", "RD")] == []


@pytest.mark.parametrize("sentence, kept", [
    ("In the treatment group, PaCO2 was significantly decreased by 22% compared with those before treatment.", False),
    ("Serum ferritin fell by 30% compared with baseline values.", False),
    ("Rituximab led to a relapse rate reduction of 81% compared with the pre-treatment period.", True),
])
def test_a_levels_fall_within_an_arm_is_no_relative_risk_reduction(sentence, kept):
    assert bool([r for r in effects(sentence) if r["measure"] == "RRR"]) == kept
