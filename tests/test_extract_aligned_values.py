"""Values aligned with two or three arms (rules/aligned.py): pairs and lists of one value per arm, in every separator
and value shape, with the arms taken from the sentence or, when it names none, from the study model in the order the
document named them. Sentences written for these tests (numbers, names and separators our own)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study

TWO_ARMS = "Patients were randomly assigned to rituximab (n = 80) or azathioprine (n = 76). "
THREE_ARMS = "Patients were randomly assigned to placebo (n = 48), rituximab (n = 50) or azathioprine (n = 52). "


def _rows(text: str, with_study: bool = True) -> list[dict]:
    study = build_study("doc", text, None) if with_study else None
    return extract_document("doc", text, "doc.txt", "", study=study)


def _one(rows, **want):
    hits = [r for r in rows if all(r.get(k) == pytest.approx(v) if isinstance(v, float) else r.get(k) == v
                                   for k, v in want.items())]
    assert hits, f"no row {want} in {[{k: r.get(k) for k in want} for r in rows]}"
    return hits[0]


def _arm_rows(rows, measure):
    return [r for r in rows if r["measure"] == measure]


# ---------------------------------------------------------------------------------------------- pairs naming no arm
@pytest.mark.parametrize("pair", [
    "(45.0 % vs. 30.3 %; p = 0.04)",
    "(45.0% versus 30.3%, p=0.04)",
    "(45.0% v 30.3%; P = 0.04)",
    "(45.0 % compared with 30.3 %)",
    "(45.0% v/s 30.3%)",
])
def test_a_pair_of_shares_in_a_sentence_naming_no_arm_takes_the_study_arms_in_order(pair):
    rows = _rows(TWO_ARMS + f"At one year, the sustained remission rate {pair} did not differ significantly.")
    first = _one(rows, measure="PROPORTION", value=0.45)
    second = _one(rows, measure="PROPORTION", value=0.303)
    assert (first["intervention"], first["events"], first["total"]) == ("rituximab", 36, 80)
    assert (second["intervention"], second["events"], second["total"]) == ("azathioprine", 23, 76)
    assert "events_from_percentage" in first["flags"]


def test_medians_with_their_iqr_width_set_against_each_other():
    rows = _rows(TWO_ARMS + "Fatigue interference was lower at week 12 (median 62.5, IQR 18.75 vs median 50.0, IQR "
                            "25.0, P = .02).")
    a = _one(rows, measure="MEDIAN", value=62.5)
    b = _one(rows, measure="MEDIAN", value=50.0)
    assert (a["intervention"], b["intervention"]) == ("rituximab", "azathioprine")
    assert "iqr_width_only" in a["flags"] and a["q1"] is None


def test_three_shares_of_a_three_arm_trial_in_document_order():
    rows = _rows(THREE_ARMS + "Nausea (4.2% vs. 10.0% vs. 15.4%) was the most frequent complaint.")
    got = {r["intervention"]: (r["events"], r["total"]) for r in _arm_rows(rows, "PROPORTION")}
    assert got == {"placebo": (2, 48), "rituximab": (5, 50), "azathioprine": (8, 52)}


# ---------------------------------------------------------------------------------------------- arms named in the sentence
def test_shares_with_a_spread_closed_by_respectively_in_the_two_groups_are_curve_estimates():
    rows = _rows(TWO_ARMS + "The 3-year cumulative incidence of relapse was 22.4 \u00b1 5.1% and 30.8 \u00b1 6.0% "
                            "(P = 0.29); the 3-year overall survival was 70.2 \u00b1 6.2% and 61.5 \u00b1 7.0% (P = "
                            "0.41), respectively in the rituximab and azathioprine groups.")
    for value, arm in ((0.224, "rituximab"), (0.308, "azathioprine"), (0.702, "rituximab"), (0.615, "azathioprine")):
        row = _one(rows, measure="PROPORTION", value=value)
        assert row["intervention"] == arm
        assert row["events"] is None        # a Kaplan-Meier estimate, not a count over the arm
    assert not _arm_rows(rows, "MEAN")


def test_percent_improvements_after_one_named_arm_are_means_of_that_arm_then_the_other():
    rows = _rows(TWO_ARMS + "Patients in the rituximab group showed a larger improvement in the symptom score "
                            "(58.40% versus 41.25%, p=0.002).")
    a = _one(rows, measure="MEAN", value=58.4)
    b = _one(rows, measure="MEAN", value=41.25)
    assert (a["intervention"], b["intervention"]) == ("rituximab", "azathioprine")
    assert not _arm_rows(rows, "PROPORTION")


def test_counts_with_shares_each_followed_by_its_arm():
    rows = _rows(TWO_ARMS + "Remission was reached by 33 participants (41.3%) in the rituximab group compared with 21 "
                            "participants (27.6%) in the azathioprine group.")
    assert (_one(rows, measure="PROPORTION", events=33)["intervention"], _one(rows, measure="PROPORTION", events=33)["total"]) \
        == ("rituximab", 80)
    assert _one(rows, measure="PROPORTION", events=21)["intervention"] == "azathioprine"


def test_a_bare_mean_pair_with_its_unit_in_a_sentence_saying_mean():
    rows = _rows(TWO_ARMS + "The mean operative time was shorter (96 vs. 121 min).")
    a = _one(rows, measure="MEAN", value=96.0)
    b = _one(rows, measure="MEAN", value=121.0)
    assert (a["intervention"], a["total"], b["intervention"], b["total"]) == ("rituximab", 80, "azathioprine", 76)


def test_shares_of_arms_without_sizes_give_no_rows_but_curve_values_beside_their_ratio_do():
    text = ("Patients were randomly assigned to placebo, rituximab or azathioprine. Infusion reactions occurred "
            "(3% vs 11% vs 7%).")
    assert not _arm_rows(_rows(text), "PROPORTION")
    text = ("Patients were randomly assigned to rituximab or azathioprine. There was no difference in event-free "
            "survival (58% vs 49%, hazard ratio 0.84 (0.66\u20131.07), P=0.2).")
    got = {r["intervention"]: (r["value"], r["events"]) for r in _arm_rows(_rows(text), "PROPORTION")}
    assert got == {"rituximab": (0.58, None), "azathioprine": (0.49, None)}


def test_a_curve_value_printed_alone_gives_no_row():
    rows = _rows(TWO_ARMS + "The 2-year relapse-free rate was 61.0% versus 52.5%.")
    assert not _arm_rows(rows, "PROPORTION")


# ---------------------------------------------------------------------------------------------- what is no pair of arms
@pytest.mark.parametrize("sentence", [
    "Remission was more frequent in women than in men (44% vs. 31%).",
    "The remission rate rose from baseline to week 24 (12% vs. 38%).",
    "Among patients with and without prior therapy, remission was 41% vs 28%.",
    "In the first and second year, relapse occurred in (14% vs. 9%) of patients.",
])
def test_a_pair_contrasting_something_else_than_the_arms_gives_no_arm_rows(sentence):
    rows = _rows(TWO_ARMS + sentence)
    assert not [r for r in rows if r["measure"] == "PROPORTION" and r["value"] in (0.44, 0.31, 0.12, 0.38, 0.41, 0.28,
                                                                                   0.14, 0.09)]


def test_bare_numbers_joined_by_and_are_no_pair():
    rows = _rows(TWO_ARMS + "Doses between 2 and 4 mg were used in 12 and 14 centres.")
    assert not _arm_rows(rows, "MEAN") and not _arm_rows(rows, "MEDIAN")


def test_a_second_pair_after_the_first_pairs_p_value_keeps_its_reading():
    rows = _rows(TWO_ARMS + "Both questionnaires showed that the patients in the azathioprine group had a greater "
                            "reduction (48.5% vs. 37.0%, p=0.01, 52.25% vs. 40.75%, p=0.02, respectively).")
    for value, arm in ((48.5, "azathioprine"), (37.0, "rituximab"), (52.25, "azathioprine"), (40.75, "rituximab")):
        assert _one(rows, measure="MEAN", value=value)["intervention"] == arm
    assert not _arm_rows(rows, "PROPORTION")


def test_a_pair_of_another_analysis_population_gives_no_row():
    rows = _rows(TWO_ARMS + "Fewer patients in the rituximab group than in the azathioprine group relapsed in the "
                            "intention-to-treat analysis (20.0% vs. 31.6%) and in the per-protocol analysis "
                            "(17.2% vs. 29.9%).")
    assert not [r for r in rows if r["measure"] == "PROPORTION" and r["value"] in (0.172, 0.299)]


def test_a_bare_median_pair_repeating_a_tables_medians_is_the_tables():
    from evidence_review.extract.table_reader import without_repeats
    sentence = [dict(measure="MEDIAN", value=-2.5, intervention="rituximab", outcome="improvement", sd=None, q1=None,
                     value_text="-2.5", finder="median",
                     evidence="There was a greater improvement in fatigue (median change in fatigue score of -2.5 vs. 0 "
                              "units)."),
                # the same value of another quantity the sentence names is kept
                dict(measure="MEDIAN", value=-2.5, intervention="rituximab", outcome="sputum", sd=None, q1=None,
                     value_text="-2.5", finder="median", evidence="Sputum volume changed by a median of -2.5 ml.")]
    table = [dict(measure="MEDIAN", value=-2.5, q1=-4.0, q3=-1.0, intervention="rituximab",
                  outcome="Change in fatigue score", value_text="-2.5 (-4.0 to -1.0)", finder="table",
                  evidence="| Change in fatigue score | -2.5 (-4.0 to -1.0) | 0 (-1.0 to 1.0) |")]
    assert [r["outcome"] for r in without_repeats(sentence, table)] == ["sputum"]


# ---------------------------------------------------------------------------------------------- zero events in every arm
@pytest.mark.parametrize("sentence, outcome", [
    ("Wound dehiscence was not seen in either group.", "wound dehiscence"),
    ("Postoperative ileus did not occur in any of the groups.", "postoperative ileus"),
    ("No seizures were recorded within the two groups.", "seizures"),
    ("None of the participants in both arms needed dialysis.", "dialysis"),
    ("Neither group had urinary retention.", "urinary retention"),
    ("The infusions were well tolerated, and anaphylaxis was not observed in either arm.", "anaphylaxis"),
])
def test_no_patient_of_any_arm_had_the_event(sentence, outcome):
    rows = [r for r in _rows(TWO_ARMS + sentence) if r["measure"] == "PROPORTION"]
    assert sorted((r["intervention"], r["events"], r["total"], r["outcome"]) for r in rows) == \
        [("azathioprine", 0, 76, outcome), ("rituximab", 0, 80, outcome)]


@pytest.mark.parametrize("sentence", [
    "Diabetes at baseline was not seen in either group.",              # a state at entry
    "Patients with prior stroke were excluded; it was not seen in either group.",
    "The difference was not observed in either group.",                 # no event named
    "Hypothermia was not seen in the rituximab group.",                # one arm only (an event the lexicon does not know)
])
def test_what_is_no_zero_of_every_arm(sentence):
    assert not [r for r in _rows(TWO_ARMS + sentence) if r["measure"] == "PROPORTION" and r["events"] == 0]


def test_not_in_both_groups_is_no_zero_of_every_arm():
    # "not ... in both groups" says only that one group had none
    assert not [r for r in _rows(TWO_ARMS + "No severe bleeding was recorded in both groups.")
                if r["measure"] == "PROPORTION" and r["events"] == 0]


# ---------------------------------------------------------------------------------------------- values read without arms
def test_counts_whose_totals_are_the_arms_sizes_take_those_arms():
    rows = _rows(TWO_ARMS + "A flare was recorded in 9/76 versus 18/80 patients (P = 0.09).")
    assert _one(rows, measure="PROPORTION", events=9)["intervention"] == "azathioprine"
    assert _one(rows, measure="PROPORTION", events=18)["intervention"] == "rituximab"


def test_counts_closed_by_respectively_in_a_sentence_naming_no_arm_follow_the_document_order():
    rows = _rows(TWO_ARMS + "A flare was recorded in 21 (26.3%) and 30 (39.5%) patients, respectively.")
    first, second = _one(rows, measure="PROPORTION", events=21), _one(rows, measure="PROPORTION", events=30)
    assert (first["intervention"], first["total"], second["intervention"], second["total"]) == \
        ("rituximab", 80, "azathioprine", 76)


def test_counts_of_a_subgroup_closed_by_respectively_keep_no_arm():
    rows = _rows(TWO_ARMS + "Among patients with diabetes, a flare was recorded in 7 (30.4%) and 9 (40.9%), "
                            "respectively.")
    assert all(not r["intervention"] for r in rows if r["measure"] == "PROPORTION")


def test_each_value_followed_by_its_arms_abbreviation_and_bare_pairs_with_a_unit_are_means():
    text = ("Patients were randomly assigned to home-based exercise (HBE, n = 44) or supervised exercise (SE, n = 46). "
            "Walking distance (412 m HBE vs. 455 m SE) and the time spent in hospital (14.2 vs. 19.8 hrs, p = .02) "
            "differed.")
    rows = _rows(text)
    got = {(r["value"], r["intervention"]) for r in _arm_rows(rows, "MEAN")}
    assert {(14.2, "home-based exercise"), (19.8, "supervised exercise")} <= got
    assert {(412.0, "home-based exercise"), (455.0, "supervised exercise")} <= got


def test_a_bare_pair_of_survival_times_is_no_mean():
    rows = _rows(TWO_ARMS + "Overall survival was longer (21.3 vs. 16.0 months).")
    assert not _arm_rows(rows, "MEAN")


def test_each_pair_of_a_sentence_takes_the_arm_its_own_clause_names_first():
    text = ("Patients were randomly assigned to home-based exercise (HBE, n = 44) or supervised exercise (SE, n = 46). "
            "HBE patients had a shorter stay (3.1 vs. 4.6 days, p = .01), SE patients were more likely to complete the "
            "programme (85% vs. 61%, p = .02) and needed fewer rescue visits (12 vs 25%, p = .04).")
    rows = _rows(text)
    assert _one(rows, measure="MEAN", value=3.1)["intervention"] == "home-based exercise"
    assert _one(rows, measure="PROPORTION", value=0.85)["intervention"] == "supervised exercise"
    assert _one(rows, measure="PROPORTION", value=0.12)["intervention"] == "supervised exercise"


def test_a_follow_up_named_in_an_earlier_phrase_does_not_stop_the_values_after_it():
    rows = _rows(TWO_ARMS + "With a median follow-up of 31 months, the 2-year cumulative incidence of relapse was "
                            "12.5 \u00b1 4.0% and 20.1 \u00b1 5.2% (P = 0.21) in the rituximab and azathioprine groups.")
    assert _one(rows, measure="PROPORTION", value=0.125)["intervention"] == "rituximab"
    assert _one(rows, measure="PROPORTION", value=0.201)["intervention"] == "azathioprine"


def test_a_follow_up_time_pair_is_no_arm_mean():
    rows = _rows(TWO_ARMS + "The mean follow-up was longer (14.1 vs. 11.9 months).")
    assert not _arm_rows(rows, "MEAN")


def test_medians_under_median_and_range_take_their_brackets_as_ranges():
    rows = _rows(TWO_ARMS + "At week 8, the median and range of serum ferritin in the rituximab and azathioprine groups "
                            "were 31.5 (12.0-88.4) ng/mL and 54.2 (20.1-140.0) ng/mL, respectively.")
    a = _one(rows, measure="MEDIAN", value=31.5)
    assert (a["intervention"], a["range_low"], a["range_high"], a["q1"]) == ("rituximab", 12.0, 88.4, None)
    assert _one(rows, measure="MEDIAN", value=54.2)["intervention"] == "azathioprine"


def test_a_median_follow_up_before_a_pair_of_counts_makes_no_median():
    rows = _rows(TWO_ARMS + "At a median follow-up of 2 years, freedom from relapse followed 31 vs. 44 infusions.")
    assert not _arm_rows(rows, "MEDIAN")


@pytest.mark.parametrize("bracket", [
    "(rituximab: 12.3 \u00b1 2.1; azathioprine: 14.0 \u00b1 2.5)",
    "(rituximab = 12.3 \u00b1 2.1, azathioprine = 14.0 \u00b1 2.5)",
    "(rituximab group: 12.3 \u00b1 2.1 vs. azathioprine group: 14.0 \u00b1 2.5)",
])
def test_each_value_labelled_by_its_arm_before_it(bracket):
    rows = _rows(TWO_ARMS + f"The pain score at week 6 {bracket} was lower with rituximab.")
    a, b = _one(rows, measure="MEAN", value=12.3), _one(rows, measure="MEAN", value=14.0)
    assert (a["intervention"], a["sd"], b["intervention"], b["sd"]) == ("rituximab", 2.1, "azathioprine", 2.5)


def test_three_shares_each_labelled_by_its_arm_before_it():
    rows = _rows(THREE_ARMS + "Nausea was reported (placebo: 4.2%; rituximab: 10.0%; azathioprine: 15.4%).")
    got = {r["intervention"]: (r["events"], r["total"]) for r in _arm_rows(rows, "PROPORTION")}
    assert got == {"placebo": (2, 48), "rituximab": (5, 50), "azathioprine": (8, 52)}


def test_between_a_and_b_groups_orders_the_pair_even_for_a_name_no_mention_covers():
    text = ("Patients were randomly assigned to early mobilisation (n = 40) or placebo (n = 41). The length of stay "
            "differed between mobilisation and placebo groups by about a day (6.1 vs. 7.0 days).")
    rows = _rows(text)
    assert _one(rows, measure="MEAN", value=6.1)["intervention"] == "early mobilisation"
    assert _one(rows, measure="MEAN", value=7.0)["intervention"] == "placebo"


# ------------------------------------------------------------- the arms' names are the alignment (no separator word)
ABBREVIATED = "Adults were randomly assigned to zinc supplementation (ZN, n = 30) or a control diet (CTL, n = 32). "


@pytest.mark.parametrize("sentence", [
    "Nausea occurred in 20% of ZN patients and 50% of CTL patients.",
    "Nausea occurred in 20% of the ZN participants and 50% of the CTL participants.",
])
def test_shares_each_followed_by_its_arm_and_the_people_counted(sentence):
    rows = _rows(ABBREVIATED + sentence)
    first = _one(rows, measure="PROPORTION", value=0.2)
    second = _one(rows, measure="PROPORTION", value=0.5)
    assert (first["intervention"], first["events"], first["total"]) == ("zinc supplementation", 6, 30)
    assert (second["intervention"], second["events"], second["total"]) == ("a control diet", 16, 32)


def test_shares_each_in_a_bracket_after_its_arm_in_a_list_of_groups():
    rows = _rows(ABBREVIATED + "Nausea occurred in the ZN (10%) and CTL (25%) groups.")
    first = _one(rows, measure="PROPORTION", value=0.1)
    second = _one(rows, measure="PROPORTION", value=0.25)
    assert (first["intervention"], first["events"]) == ("zinc supplementation", 3)
    assert (second["intervention"], second["events"]) == ("a control diet", 8)


def test_shares_in_brackets_after_arms_of_unknown_size_give_no_rows():
    rows = _rows("Adults received zinc supplementation (ZN) or a control diet (CTL). "
                 "Nausea occurred in the ZN (10%) and CTL (25%) groups.")
    assert not [r for r in rows if r["measure"] == "PROPORTION" and r["value"] in (0.1, 0.25)]


def test_shares_of_other_people_than_the_arms_give_no_rows():
    rows = _rows(ABBREVIATED + "Nausea occurred in 20% of men and 50% of women.")
    assert not [r for r in rows if r["measure"] == "PROPORTION" and r["value"] in (0.2, 0.5)]


@pytest.mark.parametrize("sentence", [
    "Mean energy intake (ZN, 2012.1 kcal; CTL, 2020.4 kcal) did not differ.",
    "Mean energy intake (ZN: 2012.1 kcal, CTL: 2020.4 kcal) did not differ.",
])
def test_bare_means_each_labelled_by_its_arm_before_it(sentence):
    rows = _rows(ABBREVIATED + sentence)
    first = _one(rows, measure="MEAN", value=2012.1)
    second = _one(rows, measure="MEAN", value=2020.4)
    assert (first["intervention"], first["total"]) == ("zinc supplementation", 30)
    assert (second["intervention"], second["total"]) == ("a control diet", 32)


@pytest.mark.parametrize("sentence", [
    "Dropouts (ZN, 3; CTL, 4) were few.",                                  # whole numbers: counts, no means
    "Mean energy intake was 2012.1 kcal in men and 2020.4 kcal in women.",  # no arm labels
])
def test_bare_values_without_each_arms_label_or_whole_numbers_give_no_means(sentence):
    rows = _rows(ABBREVIATED + sentence)
    assert not [r for r in rows if r["measure"] == "MEAN"]


def test_reliable_change_indices_listed_by_arm_are_no_means():
    text = ("Adults with insomnia were randomly assigned to sleep coaching (n = 140), relaxation (n = 138) or a "
            "waiting list (n = 141). Scores on the insomnia scale were lower after both programmes (coaching 11.2 vs "
            "relaxation 12.6 vs waiting list 15.1 points). The RCI results were similar at week 8 (coaching: 2.41; "
            "relaxation: 2.87; waiting list: 1.32).")
    rows = extract_document("doc", text, "doc.txt", "", study=build_study("doc", text, {}))
    values = sorted(r["value"] for r in rows if r["measure"] == "MEAN")
    assert not {2.41, 2.87, 1.32} & set(values)
    assert {11.2, 12.6, 15.1} <= set(values)


def test_three_shares_with_the_percent_sign_printed_once_after_the_last_follow_the_listed_arms():
    rows = _rows(THREE_ARMS + "The response rates with rituximab, azathioprine, and placebo were 62.00, 53.85, and "
                              "31.25%, respectively (rituximab vs. placebo, p = 0.004).")
    got = {r["intervention"]: (r["value"], r["events"], r["total"]) for r in _arm_rows(rows, "PROPORTION")}
    assert got == {"rituximab": (0.62, 31, 50), "azathioprine": (0.5385, 28, 52), "placebo": (0.3125, 15, 48)}


def test_four_shares_closed_by_respectively_follow_the_four_arms_listed():
    four_arms = ("Infants were randomly assigned to placebo (n = 30), rituximab (n = 32), azathioprine (n = 30) or "
                 "rituximab + azathioprine (n = 34). ")
    rows = _rows(four_arms + "No treatment changed the share of responders (80%, 91%, 93% and 97% at week 8 for placebo, "
                             "rituximab, azathioprine, rituximab + azathioprine, respectively).")
    got = {r["intervention"]: (r["events"], r["total"]) for r in _arm_rows(rows, "PROPORTION")}
    assert got == {"placebo": (24, 30), "rituximab": (29, 32), "azathioprine": (28, 30),
                   "rituximab + azathioprine": (33, 34)}


def test_four_shares_naming_no_arm_are_not_given_the_arms_of_the_document_order():
    four_arms = ("Infants were randomly assigned to placebo (n = 30), rituximab (n = 32), azathioprine (n = 30) or "
                 "rituximab + azathioprine (n = 34). ")
    rows = _rows(four_arms + "The share of responders was 80%, 91%, 93% and 97% at weeks 2, 4, 6 and 8.")
    assert not [r for r in _arm_rows(rows, "PROPORTION") if r["value"] in (0.8, 0.91, 0.93, 0.97) and r["intervention"]]


def test_a_combination_arm_named_in_the_other_order_resolves_to_its_arm():
    text = ("Infants were randomly assigned to four groups: Control (n = 30), Lactoferrin (n = 32), Prebiotics (n = 30) "
            "or Lactoferrin+Prebiotics (n = 34). The share of responders (80%, 91%, 93% and 97% at week 8 for control, "
            "lactoferrin, prebiotics, prebiotics + lactoferrin, respectively) did not differ.")
    got = {r["intervention"]: (r["events"], r["total"]) for r in _arm_rows(_rows(text), "PROPORTION")}
    assert got == {"control": (24, 30), "lactoferrin": (29, 32), "prebiotics": (28, 30),
                   "lactoferrin+prebiotics": (33, 34)}


def test_a_percentage_of_days_is_each_arms_mean():
    rows = _rows(TWO_ARMS + "The percentage of symptom-free days was greater (63.4% vs 55.9%; p = 0.02) at one year.")
    first = _one(rows, measure="MEAN", value=63.4)
    second = _one(rows, measure="MEAN", value=55.9)
    assert first["events"] is None and (first["intervention"], second["intervention"]) == ("rituximab", "azathioprine")
