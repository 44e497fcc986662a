"""The order of a comparison the words state (extract/orientation.py `order_said`): "B vs A: OR", "For B compared
with A, the hazard ratio was", "B was 5.2 times more than A". A ratio so written is B against A (turned to the
trial's direction only with its value inverted, never swapped alone); a difference labelled "B vs A:" keeps the
words' order and its printed sign. Sentences written for these tests, with arms of two kinds (a drug the lexicon
does not know against placebo, lettered groups). Also: a within-arm change against baseline in a controlled trial
is the arm's MEAN change, not an estimate between arms (rules/differences.py `within_arm_changes`); a level's
relative fall named in one arm after its value is no relative risk reduction (rules/effects.py)."""
from __future__ import annotations

import pytest

from evidence_review.extract.pipeline import extract_one

TRIALS = {
    "drug": ("Adults were randomly assigned to velmorastat (n = 64) or placebo (n = 62). ", "velmorastat", "placebo"),
    "lettered": ("Patients were randomly divided into two groups: group A (n = 45) received lidocaine and group B "
                 "(n = 44) received saline. ", "group A", "group B"),
}


def _effects(text: str) -> list[dict]:
    rows = extract_one("doc", text, "doc.txt", "")[0]
    return [r for r in rows if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


def _as_written(row: dict, first: str, second: str, value: float) -> bool:
    """The row is `first` against `second` with the printed value, or the same ratio turned (arms swapped and the
    value and interval inverted)."""
    arms = (row["intervention"], row["comparator"])
    if row["value"] == pytest.approx(value):
        return arms == (first, second)
    return row["measure"] in ("OR", "RR", "HR") and row["value"] == pytest.approx(1 / value, rel=1e-3) \
        and arms == (second, first) and row["ci_low"] is not None


def _arms_of(trial: str) -> tuple[str, str, str]:
    allocation, treated, control = TRIALS[trial]
    rows = extract_one("doc", allocation + f"The mean difference between {treated} and {control} was -2.3 points "
                                          f"(95% CI -3.6 to -1.0).", "doc.txt", "")[0]
    row = next(r for r in rows if r["measure"] == "MD")
    return allocation, row["intervention"], row["comparator"]


@pytest.mark.parametrize("trial", sorted(TRIALS))
@pytest.mark.parametrize("template, measure, value", [
    ("{C} vs {T}: OR 0.48 (95% CI 0.27 to 0.85).", "OR", 0.48),
    ("{C} versus {T}, odds ratio 0.52 (95% CI 0.30 to 0.90).", "OR", 0.52),
    ("For {c} compared with {t}, the hazard ratio was 1.62 (95% CI 1.10 to 2.38).", "HR", 1.62),
    ("In {c} relative to {t}, the adjusted risk ratio was 1.44 (95% CI 1.02 to 2.03).", "RR", 1.44),
    ("{C} vs {t}: mean difference 2.2 (95% CI 0.8 to 3.6).", "MD", 2.2),
])
def test_the_comparison_written_before_the_value_orders_it(trial, template, measure, value):
    allocation, treated, control = _arms_of(trial)
    _, t_words, c_words = TRIALS[trial]
    text = allocation + template.format(C=c_words[0].upper() + c_words[1:], c=c_words, T=t_words, t=t_words)
    rows = [r for r in _effects(text) if r["measure"] == measure]
    assert len(rows) == 1, rows
    assert _as_written(rows[0], control, treated, value), rows[0]


@pytest.mark.parametrize("sentence, value", [
    ("The probability of rescue analgesia in the placebo group was 5.2 times more than that of the velmorastat group "
     "(95% CI 1.9 to 14.5).", 5.2),
    ("Patients given placebo were 2.4 times as likely to vomit as those given velmorastat (95% CI 1.1 to 5.2).", 2.4),
    ("Relapse was 3.1 times more likely in the placebo group than in the velmorastat group (95% CI 1.2 to 8.0).", 3.1),
])
def test_a_multiple_is_its_first_arm_against_the_second(sentence, value):
    allocation = TRIALS["drug"][0]
    rows = _effects(allocation + sentence)
    assert len(rows) == 1, rows
    assert _as_written(rows[0], "placebo", "velmorastat", value), rows[0]


@pytest.mark.parametrize("sentence, value", [
    ("Velmorastat vs placebo: OR 0.48 (95% CI 0.27 to 0.85).", 0.48),
    ("The hazard ratio for velmorastat compared with placebo was 0.62 (95% CI 0.44 to 0.87).", 0.62),
    ("The mean difference (velmorastat minus placebo) was -1.5 points (95% CI -2.6 to -0.4).", -1.5),
    ("Velmorastat patients were 0.4 times as likely to vomit as placebo patients (95% CI 0.2 to 0.9).", 0.4),
])
def test_the_treatment_first_order_is_kept(sentence, value):
    rows = _effects(TRIALS["drug"][0] + sentence)
    assert len(rows) == 1, rows
    assert (rows[0]["intervention"], rows[0]["comparator"]) == ("velmorastat", "placebo")
    assert rows[0]["value"] == pytest.approx(value)


def test_a_drug_whose_name_starts_like_a_time_is_no_time():
    # "pregabalin", "prednisolone": "pre" and letters is no "pre-treatment" comparator
    text = ("Adults were randomly assigned to prednisolone (n = 50) or placebo (n = 50). Relapse was 2.6 times more "
            "likely with placebo than with prednisolone (95% CI 1.3 to 5.2).")
    rows = _effects(text)
    assert len(rows) == 1 and rows[0]["role"] == "effect", rows


@pytest.mark.parametrize("sentence, arm, value", [
    ("The change from baseline in the placebo group was 1.1 points (95% CI 0.2 to 2.0; p = 0.02).", "placebo", 1.1),
    ("In the velmorastat group, scores improved from baseline by 2.8 points (95% CI 1.6 to 4.0).", "velmorastat", 2.8),
    ("Within the velmorastat group, the mean difference between baseline and week 12 was 3.4 (95% CI 2.1 to 4.7).",
     "velmorastat", 3.4),
])
def test_a_change_from_baseline_within_one_arm_of_a_controlled_trial_is_that_arms_mean(sentence, arm, value):
    rows = extract_one("doc", TRIALS["drug"][0] + sentence, "doc.txt", "")[0]
    assert [r for r in rows if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")] == []
    means = [r for r in rows if r["measure"] == "MEAN" and r["value"] == pytest.approx(value)]
    assert len(means) == 1 and means[0]["intervention"] == arm and not means[0]["comparator"]
    assert "within_arm_change" in means[0]["flags"]


@pytest.mark.parametrize("sentence, value", [
    ("The mean difference between velmorastat and placebo was -2.3 points (95% CI -3.6 to -1.0).", -2.3),
    ("The difference in the change from baseline between velmorastat and placebo was 1.7 (95% CI 0.5 to 2.9).", 1.7),
])
def test_a_difference_of_changes_between_arms_stays_an_estimate(sentence, value):
    rows = _effects(TRIALS["drug"][0] + sentence)
    assert [(r["measure"], r["value"], r["intervention"], r["comparator"]) for r in rows] == [
        ("MD", pytest.approx(value), "velmorastat", "placebo")]


def test_an_event_rates_change_against_the_period_before_stays_a_relative_reduction():
    rows = _effects(TRIALS["drug"][0] + "The relapse rate was reduced by 45.5% in the velmorastat group compared to "
                                        "baseline.")
    assert [(r["measure"], r["value"]) for r in rows] == [("RRR", pytest.approx(0.455))]


@pytest.mark.parametrize("sentence", [
    "Serum ferritin fell by 42% (95% CI 30% to 54%) in patients given velmorastat.",
    "Plasma renin decreased by 35% in the velmorastat arm.",
    "Urinary albumin dropped by 28 percent among those receiving velmorastat.",
])
def test_a_levels_relative_fall_in_one_arm_is_no_relative_risk_reduction(sentence):
    assert _effects(TRIALS["drug"][0] + sentence) == []


def test_a_relative_reduction_between_arms_stays():
    rows = _effects(TRIALS["drug"][0] + "Velmorastat reduced the relapse rate by 38% compared with placebo.")
    assert [(r["measure"], r["value"], r["intervention"], r["comparator"]) for r in rows] == [
        ("RRR", pytest.approx(0.38), "velmorastat", "placebo")]


@pytest.mark.parametrize("sentence", [
    "A 20% dropout rate was anticipated, and a hazard ratio of 0.65 was considered clinically relevant.",
    "An odds ratio of 2.0 was regarded as clinically meaningful.",
    "A mean difference of 3 points would be considered clinically important.",
    "The minimal clinically important difference was 1.5 points (95% CI 1.0 to 2.0).",
    "The minimum relevant difference was set at 10 mm.",
])
def test_a_planned_or_threshold_quantity_is_no_estimate(sentence):
    assert _effects(TRIALS["drug"][0] + sentence) == []


@pytest.mark.parametrize("sentence, measure, value", [
    ("The hazard ratio was 0.71 and was considered clinically relevant (p = 0.02).", "HR", 0.71),
    ("The mean difference of 2.1 points (p = 0.01) was considered clinically important.", "MD", 2.1),
])
def test_a_result_judged_relevant_stays(sentence, measure, value):
    rows = _effects(TRIALS["drug"][0] + sentence)
    assert [(r["measure"], r["value"]) for r in rows] == [(measure, pytest.approx(value))]


@pytest.mark.parametrize("sentence, value, first, second", [
    ("Duration of analgesia was longer by 45 minutes in the velmorastat group (p < 0.001).", 45.0, "velmorastat", "placebo"),
    ("The time to walking was longer by 2.5 hours with velmorastat (95% CI 1.1 to 3.9).", 2.5, "velmorastat", "placebo"),
    ("Pain scores were lower by 1.2 points in the velmorastat arm than in the placebo arm (p = 0.01).", 1.2,
     "placebo", "velmorastat"),
    ("Nausea scores were higher by 0.8 with placebo than with velmorastat (p = 0.03).", 0.8, "placebo", "velmorastat"),
])
def test_a_comparative_by_an_amount_is_a_difference_between_the_arms(sentence, value, first, second):
    rows = _effects(TRIALS["drug"][0] + sentence)
    assert [(r["measure"], r["value"], r["intervention"], r["comparator"]) for r in rows] == [
        ("MD", pytest.approx(value), first, second)]


def test_a_change_by_an_amount_within_one_arm_is_no_difference():
    rows = _effects(TRIALS["drug"][0] + "In the velmorastat group, pain decreased by 2.1 points (p = 0.01).")
    assert rows == []


@pytest.mark.parametrize("sentence, value", [
    ("The treatment effect was 2.4 points in favour of velmorastat (p = 0.01).", 2.4),
    ("The estimated treatment effect on the symptom score was -0.5 (95% CI -0.8 to -0.2).", -0.5),
    ("Adjusted treatment effect: -1.7 points (95% CI -2.9 to -0.5).", -1.7),
])
def test_a_difference_named_treatment_effect(sentence, value):
    rows = _effects(TRIALS["drug"][0] + sentence)
    assert [(r["measure"], r["value"], r["intervention"], r["comparator"]) for r in rows] == [
        ("MD", pytest.approx(value), "velmorastat", "placebo")]


def test_a_treatment_effect_defining_a_scale_is_no_estimate():
    assert _effects(TRIALS["drug"][0] + "The primary outcome was a global rating, a measure of treatment effect on a "
                                        "7-point scale.") == []


def test_a_treatment_effect_named_with_its_ratio_is_the_ratio():
    rows = _effects(TRIALS["drug"][0] + "The treatment effect (HR 0.70, 95% CI 0.55 to 0.89) was consistent.")
    assert [(r["measure"], r["value"]) for r in rows] == [("HR", 0.7)]


def _table_effects(header: str, *body: str) -> list[tuple]:
    from table_grids import pipe_table
    text = TRIALS["drug"][0] + "\nTable 2. Outcomes\n" + header + "\n" + "\n".join(body) + "\n"
    structure = {"tables": [pipe_table(text, header, caption="Table 2. Outcomes")]}
    rows = extract_one("doc", text, "doc.xml", "", structure=structure)[0]
    return [(r["measure"], r["value"], r["intervention"], r["comparator"]) for r in rows
            if r["measure"] not in ("PROPORTION", "MEAN", "MEDIAN")]


@pytest.mark.parametrize("header", [
    "| Outcome | Velmorastat before | Velmorastat after | Mean difference | P (within group) |",
    "| Outcome | Pre-treatment | Post-treatment | Difference | P |",
])
def test_a_tables_difference_beside_no_two_arms_is_no_estimate(header):
    assert _table_effects(header, "| Pain score | 5.1 ± 1.2 | 3.1 ± 1.0 | 2.0 | <0.001 |") == []


def test_a_tables_difference_between_the_arms_columns_stays():
    header = "| Outcome | Velmorastat (n = 64) | Placebo (n = 62) | Mean difference (95% CI) | P |"
    assert _table_effects(header, "| Pain score | 3.1 ± 1.2 | 4.0 ± 1.5 | -0.9 (-1.3 to -0.5) | <0.001 |") == [
        ("MD", -0.9, "velmorastat", "placebo")]
