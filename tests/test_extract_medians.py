"""Arms' MEDIAN rows from sentences: printed spreads in every form, medians without a spread, dose arms; and the
medians of time to an event that are a survival analysis's estimates (with an interval or beside a ratio), which
give no arm row. Sentences written for these tests, in the shapes of real reports."""
from __future__ import annotations

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study


def medians(text: str, study=None) -> list[tuple]:
    rows = extract_document("doc", text, "doc.txt", "", study=study)
    return [(r["value"], r["q1"], r["q3"], r["range_low"], r["range_high"], r["intervention"], r["total"])
            for r in rows if r["measure"] == "MEDIAN"]


TWO_ARMS = "Patients were randomly assigned to rituximab (n = 64) or azathioprine (n = 66). "


def test_iqr_printed_after_a_comma_inside_a_bracket_pair():
    text = TWO_ARMS + ("Median time in hospital was similar in both groups (7.5 days, interquartile range [IQR] "
                       "4.0\u201311.0, in the rituximab group versus 8.0 days, IQR 5.0\u201312.5, in the azathioprine group).")
    assert medians(text) == [(7.5, 4.0, 11.0, None, None, "rituximab", 64),
                             (8.0, 5.0, 12.5, None, None, "azathioprine", 66)]


def test_range_printed_after_a_comma():
    text = TWO_ARMS + "The median age was 41 years, range 19-70, in the rituximab group and 44 years, range 20-75, in the azathioprine group."
    assert medians(text) == [(41.0, None, None, 19.0, 70.0, "rituximab", 64),
                             (44.0, None, None, 20.0, 75.0, "azathioprine", 66)]


def test_percent_medians_with_a_bracketed_iqr():
    text = TWO_ARMS + "The median per cent change in CRP was \u221212.5% (\u221240%, 20%) in the rituximab group."
    assert medians(text) == [(-12.5, -40.0, 20.0, None, None, "rituximab", 64)]


def test_two_quantities_per_arm_without_spread():
    text = TWO_ARMS + ("The median PFS and OS were 4.1 and 12.7 months with azathioprine and 5.3 and 17.2 months "
                       "with rituximab.")
    rows = extract_document("doc", text)
    got = [(r["value"], r["intervention"], r["outcome"]) for r in rows if r["measure"] == "MEDIAN"]
    assert got == [(4.1, "azathioprine", "pfs"), (12.7, "azathioprine", "os"),
                   (5.3, "rituximab", "pfs"), (17.2, "rituximab", "os")]


def test_median_survival_times_alone_are_the_arms_medians():
    text = TWO_ARMS + ("Median overall survival was 14.6 months in the rituximab group and 10.9 months in the "
                       "azathioprine group.")
    assert [(v, arm) for v, *_, arm, _ in medians(text)] == [(14.6, "rituximab"), (10.9, "azathioprine")]


def test_median_survival_beside_its_hazard_ratio_or_with_its_interval_gives_no_arm_rows():
    beside_ratio = TWO_ARMS + ("Median overall survival was 14.6 months in the rituximab group and 10.9 months in the "
                               "azathioprine group (hazard ratio for death, 0.70; 95% CI, 0.55 to 0.89).")
    with_interval = TWO_ARMS + ("Median progression-free survival was 6.2 months (95% CI, 5.1 to 7.4) with rituximab "
                                "and 4.0 months (95% CI, 3.3 to 4.8) with azathioprine.")
    with_iqr_and_ratio = TWO_ARMS + ("Median time to first relapse was 61.0 weeks (IQR 44.2-83.1) in the rituximab "
                                     "group versus 40.3 weeks (25.0-66.6) in the azathioprine group (HR 0.35, 95% CI "
                                     "0.18-0.66).")
    assert medians(beside_ratio) == medians(with_interval) == medians(with_iqr_and_ratio) == []
    assert [r["measure"] for r in extract_document("doc", beside_ratio)] == ["HR"]


def test_a_change_within_each_arm_and_a_follow_up_time_are_not_arm_medians():
    change = TWO_ARMS + "The median EDSS decreased from 6 to 4 on rituximab and 6 to 5 on azathioprine."
    follow_up = TWO_ARMS + "Follow-up time (median, 380.5 days for rituximab, 290.0 days for azathioprine) was similar."
    assert medians(change) == [] and medians(follow_up) == []


def test_one_arm_value_without_spread_is_not_read_alone():
    # a lone bare number after "median" may be anything (a dose, a duration): two arms' values make it a comparison
    assert medians(TWO_ARMS + "The median score was 12 in the rituximab group.") == []


DOSE_TRIAL = ("Methods: The 96 patients were randomised into three groups to receive 20, 40, or 80 mg SC dalteparin "
              "once daily. ")


def test_dose_arms_from_an_amount_list_with_one_unit_and_the_drug_after_it():
    study = build_study("doc", DOSE_TRIAL)
    assert [a.canonical for a in study.arms] == ["dalteparin 20 mg", "dalteparin 40 mg", "dalteparin 80 mg"]


def test_medians_of_dose_arms_named_by_their_dose():
    text = DOSE_TRIAL + ("Results: Median trough anti-Xa levels increased with the dose, from 0.05 IU/ml at 20 mg, to "
                         "0.11 IU/ml at 40 mg, and 0.24 IU/ml at 80 mg (P = 0.001).")
    got = [(v, arm) for v, *_, arm, _ in medians(text, study=build_study("doc", text))]
    assert got == [(0.05, "dalteparin 20 mg"), (0.11, "dalteparin 40 mg"), (0.24, "dalteparin 80 mg")]


def test_survival_times_per_arm_in_two_subgroups_are_the_arms_medians_of_each_subgroup():
    from evidence_review.extract import extract_one
    text = ("Methods: 140 patients were randomized to rituximab (n = 70) or azathioprine (n = 70).\n"
            "Results: Rituximab was not associated with longer progression-free survival than azathioprine in patients "
            "with high titres (11.2 vs. 9.5 months in azathioprine, P=NS) or those with low titres (4.1 vs. 4.6 months "
            "in azathioprine, P=NS).")
    rows, _, errors = extract_one("d", text)
    assert not errors
    got = [(r["value"], r["intervention"], r["role"], r["subgroup"]) for r in rows if r["measure"] == "MEDIAN"]
    assert got == [(11.2, "rituximab", "subgroup", "high titres"), (9.5, "azathioprine", "subgroup", "high titres"),
                   (4.1, "rituximab", "subgroup", "low titres"), (4.6, "azathioprine", "subgroup", "low titres")]


def test_percentages_compared_in_a_bracket_are_no_subgroup_pair():
    text = TWO_ARMS + ("The risk of relapse was lower for patients treated with rituximab than for those treated with "
                       "azathioprine after 28 d (1.9% versus 8.9%; RD 7.0%, 95% CI 2.5%\u201312%) and 42 d (6.9% versus "
                       "16%; RD 9.5%, 95% CI 2.8%\u201316%).")
    from evidence_review.extract import extract_one
    rows, _, _ = extract_one("d", text)
    assert [r["subgroup"] or "" for r in rows if r["measure"] == "RD"] == ["", ""]


def test_iqr_printed_as_its_width_only_gives_the_median_without_quartiles():
    # the IQR's width after a comma, in a bracket, with a colon or "interquartile range" spelled out
    text = TWO_ARMS + ("The median fatigue score was 12.5, IQR 6.0 in the rituximab group and 15.0 [interquartile range: "
                       "8.5] in the azathioprine group.")
    assert medians(text) == [(12.5, None, None, None, None, "rituximab", 64),
                             (15.0, None, None, None, None, "azathioprine", 66)]
    rows = [r for r in extract_document("doc", text, "doc.txt", "") if r["measure"] == "MEDIAN"]
    assert all("iqr_width_only" in r["flags"] for r in rows)


def test_iqr_printed_as_a_pair_is_no_width():
    # "IQR 4, 9", "IQR 4 to 9", "IQR 4/9": two quartiles, never a width
    text = TWO_ARMS + ("The median stay was 5 days (IQR 4 to 9) in the rituximab group and 6 days (IQR 4, 10) in the "
                       "azathioprine group.")
    assert medians(text) == [(5.0, 4.0, 9.0, None, None, "rituximab", 64),
                             (6.0, 4.0, 10.0, None, None, "azathioprine", 66)]
    rows = extract_document("doc", text, "doc.txt", "")
    assert not any("iqr_width_only" in (r["flags"] or "") for r in rows)


def test_a_width_without_the_word_median_is_no_median():
    text = TWO_ARMS + "The fatigue score was 12.5, IQR 6.0 in the rituximab group and 15.0, IQR 8.5 in the azathioprine group."
    assert medians(text) == []
