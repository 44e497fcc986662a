"""Sentence-level arm data and the issue's general shapes, on real-shaped sentences; the study model's arms
when one is given (extract_document(..., study=...))."""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from evidence_review.extract import extract_document


def rows_of(text: str, measure: str | None = None, study=None) -> list[dict]:
    rows = extract_document("doc", text, "doc.txt", "", study=study)
    return [r for r in rows if measure is None or r["measure"] == measure]


def pick(rows: list[dict], *keys: str) -> list[tuple]:
    return [tuple(r[k] for k in keys) for r in rows]


ARMS = "Patients were randomly assigned to efgartigimod (n = 84) or placebo (n = 83). "


# ---------------------------------------------------------------- MEAN
@pytest.mark.parametrize("text, expected", [
    (ARMS + "At week 4, the mean MG-ADL score was 4.2 \u00b1 2.9 in the efgartigimod group and 6.1 \u00b1 3.2 in the "
     "placebo group.", [(4.2, 2.9, 84, "efgartigimod"), (6.1, 3.2, 83, "placebo")]),
    (ARMS + "The mean MG-ADL scores at week 4 were 4.2 (SD 2.9) and 6.1 (SD 3.2) in the efgartigimod and placebo "
     "groups, respectively.", [(4.2, 2.9, 84, "efgartigimod"), (6.1, 3.2, 83, "placebo")]),
    ("With rituximab and azathioprine, the mean EDSS scores were 3.1 \u00b1 1.2 and 3.9 \u00b1 1.5, respectively.",
     [(3.1, 1.2, None, "rituximab"), (3.9, 1.5, None, "azathioprine")]),
])
def test_means_with_their_sd_and_arm(text, expected):
    assert pick(rows_of(text, "MEAN"), "value", "sd", "total", "intervention") == expected


def test_sd_from_se_and_from_ci_is_flagged_with_its_conversion():
    text = ("Patients were randomly assigned to rituximab (n = 40) or azathioprine (n = 38). Mean EDSS at 12 months "
            "was 3.1 (95% CI 2.6 to 3.6) with rituximab and 3.9 (SE 0.25) with azathioprine.")
    got = {r["intervention"]: r for r in rows_of(text, "MEAN")}
    # 40 patients: Student's t with 39 degrees of freedom (2 x 2.0227), not 3.92
    assert got["rituximab"]["sd"] == pytest.approx(40 ** 0.5 * 1.0 / (2 * 2.022691), rel=1e-5)
    assert got["rituximab"]["flags"] == "sd_from_ci"
    assert (got["azathioprine"]["se"], got["azathioprine"]["sd"]) == (0.25, pytest.approx(0.25 * 38 ** 0.5))
    assert got["azathioprine"]["flags"] == "sd_from_se"


def test_baseline_mean_is_an_arm_row_with_a_baseline_hint():
    text = "Mean (SD) age was 45.2 (11.3) years in the rituximab group and 47.0 (12.1) years in the azathioprine group."
    rows = rows_of(text, "MEAN")
    assert pick(rows, "value", "sd", "intervention", "role", "outcome") == [
        (45.2, 11.3, "rituximab", "baseline", "age"), (47.0, 12.1, "azathioprine", "baseline", "age")]


@pytest.mark.parametrize("text", [
    "Mean age was 42.3 years (range 18-70), and 85% were women.",                # a cohort, no arm
    "The mean age was 45.2 (11.3) years in the rituximab group.",                 # no word says 11.3 is an SD
    "The least-squares mean difference was -2.09 (95% CI -3.24 to -0.95) with zilucoplan.",  # a contrast of arms
    "The mean follow-up was 24.5 \u00b1 3.1 months with rituximab.",                  # follow-up, not arm data
])
def test_not_arm_means(text):
    assert rows_of(text, "MEAN") == []


def test_mean_changes_with_se_listed_for_two_arms():
    text = ("Patients were assigned to nipocalimab (n = 77) or placebo (n = 76). The least-squares mean change in "
            "MG-ADL was -4.70 (SE 0.329) with nipocalimab and -3.25 (0.335) with placebo (least-squares mean "
            "difference -1.45, 95% CI -2.41 to -0.48; p=0.0024).")
    means = rows_of(text, "MEAN")
    assert pick(means, "value", "se", "total", "intervention", "flags") == [
        (-4.7, 0.329, 77, "nipocalimab", "sd_from_se"),
        (-3.25, 0.335, 76, "placebo", "sd_from_se")]
    assert [r["sd"] for r in means] == [pytest.approx(0.329 * 77 ** 0.5), pytest.approx(0.335 * 76 ** 0.5)]
    assert pick(rows_of(text, "MD"), "value", "ci_low", "ci_high") == [(-1.45, -2.41, -0.48)]


# ---------------------------------------------------------------- MEDIAN
def test_medians_with_iqr_and_range():
    text = (ARMS + "The median time to relapse was 14 months (IQR 8-20) with efgartigimod and 9 months (IQR 5-13) "
            "with placebo.")
    rows = rows_of(text, "MEDIAN")
    assert pick(rows, "value", "q1", "q3", "total", "intervention") == [
        (14, 8, 20, 84, "efgartigimod"), (9, 5, 13, 83, "placebo")]
    assert {r["flags"] for r in rows} == {""} and {r["sd"] for r in rows} == {None}   # quartiles kept as printed
    [ranged] = rows_of("The median EDSS score was 3.5 [range 1.0-7.5] in the rituximab arm.", "MEDIAN")
    assert (ranged["value"], ranged["range_low"], ranged["range_high"], ranged["q1"]) == (3.5, 1.0, 7.5, None)


# ---------------------------------------------------------------- the shapes
def test_spelled_count_of_total_in_a_named_group():
    rows = rows_of("Nine (15%) of 61 participants in the rituximab group relapsed, compared with 20 (33%) of 60 in "
                   "the azathioprine group.")
    assert pick(rows, "events", "total", "intervention") == [(9, 61, "rituximab"), (20, 60, "azathioprine")]


def test_percentages_listed_with_three_arms():
    text = ("Patients received rituximab (n = 50), mycophenolate (n = 40) or azathioprine (n = 60). The relapse-free "
            "rates at 2 years were 89%, 80% and 76% with rituximab, mycophenolate and azathioprine, respectively.")
    assert pick(rows_of(text, "PROPORTION"), "value", "events", "total", "intervention") == [
        (0.89, 44, 50, "rituximab"), (0.8, 32, 40, "mycophenolate mofetil"), (0.76, 46, 60, "azathioprine")]


def test_values_labelled_by_trial():
    rows = rows_of("Rituximab reduced the annualized relapse rate compared with placebo (TRIAL-1: 38%; TRIAL-2: 41%).")
    assert pick(rows, "measure", "value", "subgroup", "intervention", "comparator") == [
        ("RRR", 0.38, "TRIAL-1", "rituximab", "placebo"), ("RRR", 0.41, "TRIAL-2", "rituximab", "placebo")]


def test_reduction_in_percent_written_as_a_word():
    [row] = rows_of("Rituximab reduced the risk of relapse by 44 percent compared with azathioprine.")
    assert (row["measure"], row["value"]) == ("RRR", 0.44)
    [row] = rows_of("Serious adverse events occurred in 12 per cent of 150 patients receiving rituximab.")
    assert (row["measure"], row["value"], row["events"], row["total"]) == ("PROPORTION", 0.12, 18, 150)


def test_no_patient_in_either_group():
    rows = rows_of(ARMS + "No patients in either group died.")
    assert pick(rows, "events", "total", "intervention") == [(0, 84, "efgartigimod"), (0, 83, "placebo")]


@pytest.mark.parametrize("text, measure, value, lo, hi", [
    ("Relapse was less likely with rituximab than with azathioprine (lnOR -0.92, 95% CrI -1.71 to -0.15).",
     "OR", 0.398519, 0.180866, 0.860708),
    ("Relapse was less likely with rituximab (log hazard ratio -0.51, 95% CI -0.9 to -0.1) versus azathioprine.",
     "HR", 0.600496, 0.40657, 0.904837),
])
def test_log_scale_ratios_are_back_transformed_and_flagged(text, measure, value, lo, hi):
    [row] = rows_of(text)
    assert (row["measure"], row["value"], row["ci_low"], row["ci_high"]) == (
        measure, pytest.approx(value, rel=1e-5), pytest.approx(lo, rel=1e-5), pytest.approx(hi, rel=1e-5))
    assert "log_scale_back_transformed" in row["flags"]


def test_interval_label_written_95ci_percent():
    [row] = rows_of("Satralizumab lowered the risk of relapse (HR, 0.57; 95CI%, 0.33\u20130.98).")
    assert (row["value"], row["ci_low"], row["ci_high"], row["ci_level"]) == (0.57, 0.33, 0.98, 0.95)


# ---------------------------------------------------------------- the study model
@dataclass
class Arm:
    name: str
    canonical: str
    n: int | None
    role: str = "other"
    start: int = 0
    end: int = 0
    aliases: set = field(default_factory=set)


@dataclass
class Study:
    arms: list


def test_study_arms_give_sizes_and_names_the_lexicon_does_not_know():
    study = Study([Arm("intensified regimen", "intensified regimen", 50, "experimental"),
                   Arm("standard care", "standard care", 48, "control")])
    text = ("Relapse occurred in 22% of patients in the intensified regimen group. No patient in either group died. "
            "The mean EDSS was 2.1 \u00b1 0.9 in the intensified regimen group.")
    rows = rows_of(text, study=study)
    props = pick([r for r in rows if r["measure"] == "PROPORTION"], "value", "events", "total", "intervention")
    assert (0.22, 11, 50, "intensified regimen") in props
    assert (0.0, 0, 50, "intensified regimen") in props and (0.0, 0, 48, "standard care") in props
    assert pick(rows_of(text, "MEAN", study=study), "value", "sd", "total", "intervention") == [
        (2.1, 0.9, 50, "intensified regimen")]


def test_without_a_study_the_same_text_gives_no_unknown_arm():
    text = "Relapse occurred in 22% of patients in the intensified regimen group."
    assert rows_of(text) == []


# ---------------------------------------------------------------- lists aligned with arms
@pytest.mark.parametrize("text, measure, expected", [
    ("Relapse occurred in 12 (18%), 15 (22%) and 9 (14%) patients in the rituximab, azathioprine and mycophenolate "
     "groups, respectively.", "PROPORTION",
     [(0.18, "rituximab"), (0.22, "azathioprine"), (0.14, "mycophenolate mofetil")]),
    ("The annualized relapse rates were 0.12, 0.25 and 0.40 in the rituximab, azathioprine and mycophenolate "
     "groups, respectively.", "ARR", [(0.12, "rituximab"), (0.25, "azathioprine"), (0.4, "mycophenolate mofetil")]),
    ("Relapse occurred in 11 of 60 (18.3%) and 19 of 58 (32.8%) patients in the rituximab and azathioprine groups, "
     "respectively (P = 0.04).", "PROPORTION", [(0.183, "rituximab"), (0.328, "azathioprine")]),
    ("The annualized relapse rates were 0.11 and 0.22 in the ofatumumab and teriflunomide groups, respectively.",
     "ARR", [(0.11, "ofatumumab"), (0.22, "teriflunomide")]),
])
def test_values_listed_in_the_order_of_the_arms_after_them(text, measure, expected):
    assert pick(rows_of(text, measure), "value", "intervention") == expected


def test_none_of_n_after_the_outcome_was_named():
    rows = rows_of("Relapse was reported in none of the 40 patients treated with rituximab and in 8 of 38 (21%) on "
                   "azathioprine.")
    assert pick(rows, "events", "total", "intervention") == [(0, 40, "rituximab"), (8, 38, "azathioprine")]


@pytest.mark.parametrize("text, measure, expected", [
    ("Patients were assigned to nipocalimab (n = 77) or placebo (n = 76). The mean (SE) change in MG-ADL was -4.70 "
     "(0.33) with nipocalimab and -3.25 (0.34) with placebo.", "MEAN",
     [("nipocalimab", None, 0.33), ("placebo", None, 0.34)]),
    ("Mean \u00b1 SEM MG-ADL was 4.2 \u00b1 0.4 with efgartigimod.", "MEAN", [("efgartigimod", None, 0.4)]),
    ("Mean (SD) MG-ADL was 4.2 (1.4) with efgartigimod.", "MEAN", [("efgartigimod", 1.4, None)]),
])
def test_a_heading_says_which_spread_a_bare_bracket_holds(text, measure, expected):
    rows = rows_of(text, measure)
    assert [(r["intervention"], None if "sd_from_se" in r["flags"] else r["sd"], r["se"]) for r in rows] == expected


def test_median_heading_with_range_reads_bare_pairs_as_ranges():
    text = "The median (range) EDSS was 3.5 (1.0-7.5) in the rituximab group and 4.0 (2.0-8.0) in the azathioprine group."
    rows = rows_of(text, "MEDIAN")
    assert pick(rows, "value", "range_low", "range_high", "q1", "intervention") == [
        (3.5, 1.0, 7.5, None, "rituximab"), (4.0, 2.0, 8.0, None, "azathioprine")]


def test_a_headline_cut_restating_the_ratio_is_no_proportion_even_with_the_arm_size_known():
    study = Study([Arm("Ultomiris", "ravulizumab", 58, "experimental")])
    text = ("Ultomiris cuts relapse risk by 98.6% in NMOSD, trial shows\n\nNone of the 58 patients treated with "
            "Ultomiris had an adjudicated relapse. That translates into a 98.6% reduction in relapse risk (hazard "
            "ratio 0.014; 95% CI 0.000-0.103; p<0.0001).")
    rows = rows_of(text, study=study)
    assert sorted((r["measure"], r["value"]) for r in rows) == [("HR", 0.014), ("PROPORTION", 0.0)]


def test_arms_the_lexicon_does_not_know_are_taken_as_written_from_an_explicit_list():
    text = "Response rates of 41.2%, 55.0% and 63.8% in the low-dose, high-dose and standard-care groups were reported."
    assert pick(rows_of(text, "PROPORTION"), "value", "intervention") == [
        (0.412, "low-dose"), (0.55, "high-dose"), (0.638, "standard-care")]
    # a count that does not fit the list is no alignment
    assert rows_of("Response rates of 41.2%, 55.0% and 63.8% in the low-dose and high-dose groups were reported.") == []


def test_values_listed_by_study_take_the_study_as_their_subgroup():
    rows = rows_of("The annualized relapse rates were 0.12 and 0.25 in SAKURA-1 and SAKURA-2, respectively.")
    assert pick(rows, "value", "subgroup", "intervention") == [(0.12, "SAKURA-1", ""), (0.25, "SAKURA-2", "")]


def test_a_treatment_the_lexicon_does_not_know_is_still_compared_with_placebo():
    text = ("Patients were randomly assigned to zorbatinib or placebo. The hazard ratio for the primary outcome was "
            "0.62 (95% CI 0.49 to 0.77).")
    [hr] = rows_of(text, "HR")
    assert (hr["intervention"], hr["comparator"]) == ("", "placebo")


def test_a_decimal_duration_is_no_timepoint_fragment():
    rows = rows_of("After a median follow-up of 3.1 years, the hazard ratio for relapse with rituximab versus "
                   "azathioprine was 0.5 (95% CI 0.3-0.8).", "HR")
    assert [r["timepoint"] for r in rows] == [""]          # not "1 years"
    rows = rows_of("At 12 months, the hazard ratio for relapse with rituximab versus azathioprine was 0.5 "
                   "(95% CI 0.3-0.8).", "HR")
    assert [r["timepoint"] for r in rows] == ["12 months"]


@pytest.mark.parametrize("text", [
    "The ARR was 0.12 vs 0.45 in the rituximab and azathioprine groups, respectively.",
    "Relapse occurred in 8 (13.8%) vs 21 (36.2%) patients in the rituximab (n=58) and azathioprine (n=58) groups.",
    "Relapse occurred in 8 of 58 (13.8%) vs 21 of 58 (36.2%) patients on rituximab and azathioprine.",
])
def test_value_pair_takes_the_two_arms_named_after_it_in_order(text):
    assert [r["intervention"] for r in rows_of(text)] == ["rituximab", "azathioprine"]


# ---------------------------------------------------------------- trial reports outside neurology
def test_events_of_a_primary_outcome_per_arm_and_an_interval_at_an_adjusted_level():
    text = ("The primary outcome occurred in 312 of 3120 patients (10.0%) in the rituximab group and in 198 of 1560 "
            "patients (12.7%) in the placebo group (hazard ratio, 0.79; 95.02% CI, 0.66 to 0.95; P=0.01).")
    rows = rows_of(text)
    assert pick([r for r in rows if r["measure"] == "PROPORTION"], "events", "total", "intervention") == [
        (312, 3120, "rituximab"), (198, 1560, "placebo")]
    [hr] = [r for r in rows if r["measure"] == "HR"]
    assert (hr["ci_low"], hr["ci_high"], hr["ci_level"]) == (0.66, 0.95, pytest.approx(0.9502))


@pytest.mark.parametrize("outcome, label", [
    ("progression-free survival", "progression-free survival"), ("stroke", "stroke"),
    ("hospitalization for heart failure", "heart failure hospitalization"), ("myocardial infarction", "myocardial infarction"),
])
def test_outcomes_of_other_fields_let_counts_through(outcome, label):
    rows = rows_of(f"Patients were assigned to rituximab (n = 200) or placebo (n = 100). {outcome.capitalize()} "
                   f"occurred in 20 (10%) patients with rituximab and 15 (15%) with placebo.", "PROPORTION")
    assert pick(rows, "events", "total", "intervention", "outcome") == [
        (20, 200, "rituximab", label), (15, 100, "placebo", label)]


def test_percentages_of_a_clause_about_a_change_are_no_shares():
    text = ("Patients were assigned to anifrolumab (n = 100) or placebo (n = 45). The primary endpoint was not met: "
            "UPCR fell by 69% with anifrolumab and 70% with placebo.")
    assert rows_of(text, "PROPORTION") == []


def test_rates_per_1000_person_years_keep_their_unit():
    text = ("The rate of major adverse cardiovascular events was 12.5 per 1000 person-years with rituximab and 18.1 "
            "per 1,000 person-years with placebo; the ARR was 44.4/100 PY before treatment.")
    rows = rows_of(text, "ARR")
    assert pick(rows, "value", "unit") == [(12.5, "per 1000 patient-years"), (18.1, "per 1000 patient-years"),
                                            (44.4, "per 100 patient-years")]


def test_number_needed_to_treat_is_no_ratio_and_a_semicolon_pair_is_an_interval():
    rows = rows_of("The hazard ratio was 0.78 (95% CI, 0.69 to 0.88) for rituximab versus placebo; the number needed "
                   "to treat was 20 (95% CI, 13 to 45).")
    assert pick(rows, "measure", "value") == [("HR", 0.78)]
    [hr] = rows_of("The adjusted hazard ratio was 0.77 [0.63; 0.93] for rituximab versus placebo.")
    assert (hr["ci_low"], hr["ci_high"]) == (0.63, 0.93)


def test_values_in_the_two_groups_follow_the_documents_two_arms():
    text = ("Patients were randomized to rituximab (n=100) or placebo (n=98). Serious infections occurred in 12 (12%) "
            "and 20 (20%) patients in the two groups, respectively.")
    assert pick(rows_of(text, "PROPORTION"), "events", "total", "intervention") == [
        (12, 100, "rituximab"), (20, 98, "placebo")]
    study = Study([Arm("high-dose regimen", "high-dose regimen", 60, "experimental"),
                   Arm("standard care", "standard care", 58, "control")])
    rows = rows_of("The annualized relapse rates were 0.12 and 0.25 in the two groups.", "ARR", study=study)
    assert pick(rows, "value", "intervention") == [(0.12, "high-dose regimen"), (0.25, "standard care")]


def test_an_arm_named_by_its_role_is_the_studys_arm_of_that_role():
    study = Study([Arm("cognitive behavioural therapy", "cognitive behavioural therapy", 120, "experimental"),
                   Arm("usual care", "usual care", 118, "control")])
    text = ("Remission occurred in 48 of 120 patients (40.0%) in the intervention group and 30 of 118 (25.4%) in the "
            "usual care group (odds ratio 1.96, 95% CI 1.13 to 3.40).")
    rows = rows_of(text, study=study)
    assert pick([r for r in rows if r["measure"] == "PROPORTION"], "events", "intervention") == [
        (48, "cognitive behavioural therapy"), (30, "usual care")]
    [odds] = [r for r in rows if r["measure"] == "OR"]
    assert (odds["intervention"], odds["comparator"]) == ("cognitive behavioural therapy", "usual care")


def test_a_drug_given_in_two_arms_keys_no_size():
    text = ("Patients received anifrolumab basic regimen (BR; n=45), intensified regimen (IR; n=50) or placebo (n=45). "
            "Herpes zoster occurred in 16.8% of anifrolumab-treated and 8.9% of placebo-treated patients.")
    start = text.index("intensified")
    study = Study([Arm("anifrolumab basic regimen", "anifrolumab", 45, "experimental", text.index("anifrolumab"),
                       text.index("anifrolumab") + 25),
                   Arm("intensified regimen", "intensified regimen", 50, "experimental", start, start + 19),
                   Arm("placebo", "placebo", 45, "control", text.index("placebo"), text.index("placebo") + 7)])
    got = pick(rows_of(text, "PROPORTION", study=study), "value", "intervention", "total")
    assert (0.168, "anifrolumab", 45) not in got and (0.089, "placebo", 45) in got


def test_a_cohort_mean_is_not_the_single_arms():
    study = Study([Arm("rituximab", "rituximab", 412, "experimental")])
    text = ("Among 1086 patients (mean [SD] age, 44.2 [13.1] years; 872 [80.3%] women), 412 received rituximab and "
            "674 received other therapies. Median (IQR) time to first relapse was 4.1 (2.2-6.9) years.")
    assert [r for r in rows_of(text, study=study) if r["measure"] in ("MEAN", "MEDIAN")] == []


# ---------------------------------------------------------------- what "±" holds in a document

def test_the_methods_say_what_plus_minus_holds():
    from evidence_review.extract.declared_formats import plus_minus_convention
    assert plus_minus_convention("Data are presented as mean \u00b1 SE for continuous variables.") == "SE"
    assert plus_minus_convention("Values are mean \u00b1 standard error of the mean.") == "SE"
    assert plus_minus_convention("Data are mean \u00b1 SD.") == ""
    # both said: no document-wide reading, each value keeps its own label
    assert plus_minus_convention("Age is mean \u00b1 SD; levels are mean \u00b1 SEM.") == ""
    assert plus_minus_convention("The mean age was 45 years.") == ""


def test_a_table_cell_of_a_mean_plus_minus_se_document_carries_an_se():
    from evidence_review.extract import _plus_minus_as_se
    row = {"measure": "MEAN", "value": 44.23, "sd": 3.36, "se": None, "total": 46, "flags": "",
           "value_text": "44.23 \u00b1 3.36"}
    out = _plus_minus_as_se(row)
    assert out["se"] == 3.36 and out["sd"] == pytest.approx(3.36 * 46 ** 0.5) and out["flags"] == "sd_from_se"
    # a "mean (SD)" cell is left alone
    bracket = dict(row, value_text="44.23 (3.36)", evidence="| Age | 44.23 (3.36) |")
    assert _plus_minus_as_se(bracket)["sd"] == 3.36


# ---------------------------------------------------------------- a table printed as plain text
TABLE = """Table 2. Outcomes by treatment group
Outcome | Rituximab (n = 40) | Azathioprine (n = 38) | Effect estimate (95% CI)
Relapse, n (%) | 8 (20.0) | 17 (44.7) | HR 0.38 (0.17–0.86)
ARR on treatment, mean (SD) | 0.14 (0.31) | 0.42 (0.55) | MD −0.28 (−0.49 to −0.07)
Female, n (%) | 35 (87.5) | 33 (86.8)
"""


def test_table_rows_without_percent_signs_and_spreads():
    rows = rows_of(TABLE)
    props = sorted((r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert props == [(8, 40), (17, 38)]          # the 'Female' row is a baseline characteristic
    assert sorted(r["value"] for r in rows if r["measure"] == "ARR") == [0.14, 0.42]   # not the SDs


def test_table_effects_take_the_header_arms():
    rows = [r for r in rows_of(TABLE) if r["measure"] in ("HR", "MD")]
    assert [(r["measure"], r["intervention"], r["comparator"]) for r in rows] == [
        ("HR", "rituximab", "azathioprine"), ("MD", "rituximab", "azathioprine")]


# ---------------------------------------------------------------- arms' summaries in lists and pairs
THREE = "Patients were randomly assigned to efgartigimod (n = 84), rituximab (n = 80) or placebo (n = 83). "


def test_three_arms_means_in_a_respectively_list():
    text = THREE + ("The mean MG-ADL scores at week 12 were 4.1 \u00b1 2.2, 4.6 \u00b1 2.5 and 6.0 \u00b1 2.8 in the "
                    "efgartigimod, rituximab and placebo groups, respectively.")
    assert pick(rows_of(text, "MEAN"), "value", "sd", "total", "intervention") == [
        (4.1, 2.2, 84, "efgartigimod"), (4.6, 2.5, 80, "rituximab"), (6.0, 2.8, 83, "placebo")]


def test_medians_with_iqr_in_a_versus_pair_closed_by_respectively():
    text = ARMS + ("The median length of hospital stay was 4 (IQR 2-7) vs. 6 (3-9) days in the efgartigimod and "
                   "placebo groups, respectively.")
    assert pick(rows_of(text, "MEDIAN"), "value", "q1", "q3", "total", "intervention") == [
        (4.0, 2.0, 7.0, 84, "efgartigimod"), (6.0, 3.0, 9.0, 83, "placebo")]


def test_arm_means_with_their_own_intervals_are_no_differences():
    text = ARMS + ("Changes in MG-ADL from baseline to week 4 did not differ between efgartigimod and placebo: "
                   "-2.1 [-3.0 to -1.2] and -1.6 [-2.4 to -0.8] points, respectively (P = 0.32).")
    rows = rows_of(text)
    assert not [r for r in rows if r["measure"] == "MD"]
    assert pick([r for r in rows if r["measure"] == "MEAN"], "value", "ci_low", "ci_high", "sd", "intervention",
                "flags") == [(-2.1, -3.0, -1.2, None, "efgartigimod", "interval_unlabelled"),
                             (-1.6, -2.4, -0.8, None, "placebo", "interval_unlabelled")]


def test_a_labelled_interval_gives_its_level_to_the_bare_one_beside_it():
    text = ARMS + ("Mean weight gain at week 12 was 3.75 (3.16 to 4.34) kg versus 2.61 (95% CI 1.99 to 3.23) kg in "
                   "the efgartigimod and placebo groups, respectively.")
    got = {r["intervention"]: r for r in rows_of(text, "MEAN")}
    assert set(got) == {"efgartigimod", "placebo"}
    assert got["efgartigimod"]["ci_level"] == 0.95 and got["efgartigimod"]["flags"] == "sd_from_ci"
    # n >= 60: SD = sqrt(n) * width / (2 * 1.96)
    assert got["efgartigimod"]["sd"] == pytest.approx(84 ** 0.5 * 1.18 / 3.919927969, rel=1e-6)


def test_between_arm_difference_with_interval_stays_a_difference():
    text = ARMS + ("The mean difference in MG-ADL change was -1.9 (95% CI -2.8 to -1.0) and in QMG change -2.3 "
                   "(95% CI -3.4 to -1.2), respectively.")
    rows = rows_of(text)
    assert not [r for r in rows if r["measure"] == "MEAN"]
    assert sorted(r["value"] for r in rows if r["measure"] == "MD") == [-2.3, -1.9]


def test_a_pair_the_sentence_does_not_order_gives_no_row():
    text = ARMS + "The efgartigimod and placebo groups used rescue medication (5.08 \u00b1 9.6 vs. 2.02 \u00b1 5.97)."
    assert rows_of(text, "MEAN") == []


def test_pair_after_a_comparison_follows_the_named_order_either_way():
    text = ARMS + ("MG-ADL scores were lower with placebo than with efgartigimod (2.02 \u00b1 5.97 versus 5.08 "
                   "\u00b1 9.6).")
    assert pick(rows_of(text, "MEAN"), "value", "sd", "intervention") == [(2.02, 5.97, "placebo"),
                                                                          (5.08, 9.6, "efgartigimod")]


def test_a_plus_minus_se_heading_in_brackets_marks_se():
    text = ("Of the 59 patients enrolled, 30 were assigned to the rituximab group and 29 to the placebo group. "
            "The mean (\u00b1SE) changes in the scores from baseline to week 6 were -8.0\u00b11.0 points in the "
            "rituximab group and -6.0\u00b11.0 in the placebo group.")
    rows = rows_of(text, "MEAN")
    assert [(r["value"], r["se"], r["intervention"]) for r in rows] == [(-8.0, 1.0, "rituximab"), (-6.0, 1.0, "placebo")]


def test_a_mean_decrease_is_stored_as_a_negative_change():
    text = ARMS + ("MG-ADL scores improved more in the efgartigimod group than in the placebo group (a mean [\u00b1SD] "
                   "decrease of 2.8\u00b115.2 vs. 0.6\u00b114.9, P=0.004).")
    assert pick(rows_of(text, "MEAN"), "value", "sd", "intervention") == [(-2.8, 15.2, "efgartigimod"),
                                                                          (-0.6, 14.9, "placebo")]


def test_within_arm_changes_with_intervals_are_no_differences():
    text = ARMS + ("The mean change from baseline in MG-ADL was -4.2 (95% CI -5.1 to -3.3) in the efgartigimod group "
                   "and -2.1 (95% CI -3.0 to -1.2) in the placebo group. MG-ADL rose by 1.5 points (95% CI 0.5 to 2.5) "
                   "with efgartigimod and by 0.4 points (95% CI -0.6 to 1.4) with placebo.")
    rows = rows_of(text)
    assert not [r for r in rows if r["measure"] == "MD"]
    assert pick([r for r in rows if r["measure"] == "MEAN"], "value", "ci_low", "ci_high", "intervention") == [
        (-4.2, -5.1, -3.3, "efgartigimod"), (-2.1, -3.0, -1.2, "placebo"),
        (1.5, 0.5, 2.5, "efgartigimod"), (0.4, -0.6, 1.4, "placebo")]
