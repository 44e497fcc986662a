"""The outcome a proportion counts: what the counted patients reached, not an earlier word of the sentence;
an outcome abbreviation defined earlier in the document names it."""
from __future__ import annotations

from evidence_review.extract import extract_document


def _proportion_outcomes(text: str) -> list[tuple]:
    rows = extract_document("doc-1", text, "cohort.txt")
    return [(r["events"], r["total"], r["outcome"]) for r in rows if r["measure"] == "PROPORTION"]


def rows_of(text: str, measure: str | None = None) -> list[dict]:
    rows = extract_document("doc", text, "doc.txt")
    return [r for r in rows if measure is None or r["measure"] == measure]


def proportions(text: str) -> list[tuple]:
    return sorted((r["events"], r["total"], r["intervention"]) for r in rows_of(text, "PROPORTION"))


def test_state_reached_after_the_count_is_its_outcome():
    text = ("We studied 121 patients with MOGAD treated with rituximab. Twenty patients were treated after one attack, "
            "of whom 14/20 (70.0%) remained relapse-free after a median of 11.2 months.")
    assert _proportion_outcomes(text) == [(14, 20, "relapse-free")]


def test_event_after_the_count_is_its_outcome_even_when_another_outcome_came_first():
    text = ("Disability progression was assessed in all patients treated with azathioprine; "
            "9/40 (22.5%) had a relapse during the first year.")
    assert _proportion_outcomes(text) == [(9, 40, "relapse")]


def test_outcome_abbreviation_defined_earlier_names_the_outcome():
    text = ("Patients were randomized to voclosporin (n=90) or placebo (n=90). The primary endpoint was complete "
            "renal remission (CR) at 24 weeks. CR was achieved by 40.0% with voclosporin versus 20.0% with placebo.")
    assert proportions(text) == [(18, 90, "placebo"), (36, 90, "voclosporin")]


# ---- the outcome a sentence names by its shape, whether the outcome lexicon knows the name or not
_TWO_ARMS = "Patients were randomized to tocilizumab (n = 200) or placebo (n = 100). "


def arm_outcomes(text: str) -> list[tuple]:
    return sorted((r["events"], r["total"], r["intervention"], r["outcome"]) for r in rows_of(_TWO_ARMS + text, "PROPORTION"))


def test_the_label_before_each_bracketed_pair_is_that_pairs_outcome():
    text = ("Treatment discontinuation was uncommon. Dysgeusia (6.5% vs. 1.0%) and constipation (4.0% vs. 2.0%) "
            "occurred more frequently with tocilizumab than with placebo.")
    assert arm_outcomes(text) == [(1, 100, "placebo", "dysgeusia"), (2, 100, "placebo", "constipation"),
                                  (8, 200, "tocilizumab", "constipation"), (13, 200, "tocilizumab", "dysgeusia")]


def test_the_subject_of_more_common_in_one_group_than_the_other_is_the_outcome():
    text = "Tinnitus was more common in the tocilizumab group than in the placebo group (30% vs. 15%)."
    assert arm_outcomes(text) == [(15, 100, "placebo", "tinnitus"), (60, 200, "tocilizumab", "tinnitus")]


def test_the_subject_of_was_achieved_by_is_the_outcome():
    text = "PASI 90 was achieved by 55% of patients with tocilizumab and 21% with placebo."
    assert arm_outcomes(text) == [(21, 100, "placebo", "PASI 90"), (110, 200, "tocilizumab", "PASI 90")]


def test_the_subject_of_occurred_in_is_the_outcome_of_the_counts_after_it():
    text = "Hypotension occurred in 24 (12%) patients receiving tocilizumab and 5 (5%) receiving placebo."
    assert arm_outcomes(text) == [(5, 100, "placebo", "hypotension"), (24, 200, "tocilizumab", "hypotension")]


def test_an_outcome_the_lexicon_knows_keeps_its_label_when_the_shape_names_it():
    text = "Serious adverse events occurred in 10 (5%) patients receiving tocilizumab and 4 (4%) receiving placebo."
    assert {o for *_, o in arm_outcomes(text)} == {"serious adverse events"}


def test_arms_times_and_patients_are_no_outcome_of_a_sentence():
    from evidence_review.extract.named_outcome import outcome_named_at
    expected = {"Remission was higher in the tocilizumab group than in the placebo group (30% vs. 15%).": "remission",
                "Remission was more frequent at week 24 (30% vs. 15%).": "remission",
                "Patients in the tocilizumab group were more likely to respond (30% vs. 15%).": "",
                "It was more common with tocilizumab (30% vs. 15%).": "",
                "Rates were similar with tocilizumab and with placebo (30% vs. 15%).": ""}
    assert {s: outcome_named_at(s, s.index("30%")) for s in expected} == expected


def test_an_outcome_named_after_the_subjects_verb_is_the_outcome_of_the_values_after_it():
    from evidence_review.extract.named_outcome import outcome_named_at
    sentence = ("The cure rate was higher in the tocilizumab group than in the placebo group (52% vs. 31%), and "
                "adverse events were less frequent (occurring in 40% vs. 65% of the patients).")
    assert outcome_named_at(sentence, sentence.index("52%")) == "cure rate"
    assert outcome_named_at(sentence, sentence.index("40%")) == ""


def test_a_share_of_one_population_is_no_outcome_named_by_its_subject():
    text = "Antibodies against the receptor were recorded in 61 of 80 (76%) patients with the disease."
    assert rows_of(text, "PROPORTION") == []


def test_a_label_that_names_patients_receiving_a_support_is_a_subgroup_not_the_outcome():
    from evidence_review.extract.named_outcome import outcome_named_at
    sentence = ("In the tocilizumab group, the incidence of death was lower than in the usual care group among "
                "patients receiving invasive mechanical ventilation (29.3% vs. 41.4%) but not among those receiving "
                "no respiratory support at randomization (17.8% vs. 14.0%).")
    assert outcome_named_at(sentence, sentence.index("29.3%")) == "death"
    assert outcome_named_at(sentence, sentence.index("17.8%")) == "death"


def test_a_bracket_label_after_its_time_is_the_outcome_without_the_time():
    from evidence_review.extract.named_outcome import outcome_named_at
    sentence = "Results were similar as did week 24 ACR 50 (61.6% vs. 44.6%; P = 0.01) and ACR 70 (33.8% vs. 24.2%)."
    assert outcome_named_at(sentence, sentence.index("61.6%")) == "ACR 50"
    assert outcome_named_at(sentence, sentence.index("33.8%")) == "ACR 70"


def test_a_label_and_comma_before_each_pair_of_a_list_is_that_pairs_outcome():
    text = ("Week 12 results [ACR 20, 70.5% vs. 54.0% (P = 0.01); ACR 50, 42.0% vs. 30.0% (P = 0.03)] "
            "favoured tocilizumab over placebo.")
    assert arm_outcomes(text) == [(30, 100, "placebo", "ACR 50"), (54, 100, "placebo", "ACR 20"),
                                  (84, 200, "tocilizumab", "ACR 50"), (141, 200, "tocilizumab", "ACR 20")]


def test_what_fewer_patients_of_one_arm_had_than_of_the_other_is_the_outcome():
    text = "Fewer patients in the tocilizumab group had shoulder stiffness than in the placebo group (20% vs. 35%)."
    assert arm_outcomes(text) == [(35, 100, "placebo", "shoulder stiffness"), (40, 200, "tocilizumab", "shoulder stiffness")]


def test_the_object_of_more_patients_had_is_the_outcome_unless_it_names_a_treatment():
    from evidence_review.extract.named_outcome import outcome_named_at
    expected = {"More participants in the tocilizumab group reported dry mouth compared with the placebo group "
                "(18% vs. 6%).": "dry mouth",
                "More participants in the tocilizumab group had received placebo than in the placebo group "
                "(18% vs. 6%).": ""}
    assert {s: outcome_named_at(s, s.index("18%")) for s in expected} == expected


def test_a_label_inside_the_bracket_before_its_pair_is_the_outcome():
    from evidence_review.extract.named_outcome import outcome_named_at
    expected = {"The tocilizumab group had less pain (severe tenderness 21% vs 47%, p = .01).": "severe tenderness",
                "Fewer patients in the tocilizumab group than in the placebo group had a flare (Flare rate 21% vs. "
                "47%).": "flare rate",
                # a time or a group inside the bracket names no outcome: the sentence's subject stays its outcome
                "Pain was less frequent (week 12 21% vs 47%).": "pain",
                "Pain was less frequent (placebo group 21% vs 47%).": "pain"}
    assert {s: outcome_named_at(s, s.index("21%")) for s in expected} == expected
    assert arm_outcomes("Fewer patients in the tocilizumab group than in the placebo group reported pain "
                        "(severe tenderness 21% vs. 47%).") == [(42, 200, "tocilizumab", "severe tenderness"),
                                                                (47, 100, "placebo", "severe tenderness")]


# ---- a pair of shares naming no arm, after a sentence that ordered an earlier pair by naming its arms

_TWO_SIZED_ARMS = "Adults were randomized to rituximab (n = 160) or placebo (n = 80). "


def _pairs(text: str) -> list[tuple]:
    rows = rows_of(_TWO_SIZED_ARMS + text, "PROPORTION")
    return sorted((r["events"], r["total"], r["intervention"], r["outcome"]) for r in rows)


def test_a_later_pair_naming_no_arm_follows_the_order_an_earlier_pair_named():
    text = ("Remission at month 6 was more frequent in the rituximab group than in the placebo group (50.0% vs. 25.0%; "
            "P = 0.002). Relapse was less common (10.0% vs. 20.0%; P = 0.01).")
    assert _pairs(text) == sorted([(16, 160, "rituximab", "relapse"), (16, 80, "placebo", "relapse"),
                                   (20, 80, "placebo", "remission"), (80, 160, "rituximab", "remission")])


def test_a_bracketed_list_of_labelled_pairs_naming_no_arm_follows_the_earlier_order():
    text = ("Remission was more frequent with rituximab compared with placebo (50.0% vs. 25.0%; P < 0.001). "
            "Secondary scores at month 3 [IGF-1 normal, 40.0% vs. 20.0% (P = 0.01); GH below 1, 30.0% vs. 15.0% "
            "(P = 0.02)] showed similar results.")
    got = _pairs(text)
    assert (64, 160, "rituximab", "IGF-1 normal") in got and (16, 80, "placebo", "IGF-1 normal") in got
    assert (48, 160, "rituximab", "GH below 1") in got and (12, 80, "placebo", "GH below 1") in got


def test_a_pair_naming_no_arm_with_no_earlier_order_takes_the_arms_in_the_order_the_document_named_them():
    # (rules/aligned.py: the allocation "randomized to rituximab (n = 160) or placebo (n = 80)" orders the arms)
    text = "Relapse was less common (10.0% vs. 20.0%; P = 0.01)."
    assert _pairs(text) == [(16, 80, "placebo", "relapse"), (16, 160, "rituximab", "relapse")]
    # never when the sentence contrasts something else than the arms
    assert _pairs("Relapse was less common in women than in men (10.0% vs. 20.0%; P = 0.01).") == []


# ---- arm sizes listed in one bracket ("(N given A and M given B)"), and shares of another population

_SIZES_IN_BRACKET = ("Adults were randomized to rituximab or azathioprine. In the intention-to-treat population "
                     "(160 patients given rituximab and 80 given azathioprine), follow-up was complete. ")


def test_arm_sizes_listed_in_one_bracket_give_the_pairs_denominators():
    for verb in ("given", "receiving", "received"):
        text = _SIZES_IN_BRACKET.replace("given", verb) + \
            "Relapse occurred less often with rituximab than with azathioprine (25.0% vs. 40.0%, P=0.01)."
        assert sorted((r["events"], r["total"], r["intervention"]) for r in rows_of(text, "PROPORTION")) == \
            [(32, 80, "azathioprine"), (40, 160, "rituximab")], verb


def test_one_count_given_an_arm_in_a_bracket_is_not_its_size():
    text = ("Adults were randomized to rituximab or azathioprine. Infusion reactions were frequent (30 receiving "
            "rituximab). Relapse occurred less often with rituximab than with azathioprine (25.0% vs. 40.0%, P=0.01).")
    assert rows_of(text, "PROPORTION") == []


def test_shares_of_the_per_protocol_population_do_not_take_the_arm_sizes():
    text = _SIZES_IN_BRACKET + (
        "Fewer patients in the rituximab group than in the azathioprine group relapsed, in both the intention-to-treat "
        "analysis (25.0% vs. 40.0%, P=0.01) and the per-protocol analysis (22.0% vs. 38.0%, P=0.01).")
    assert sorted((r["events"], r["total"], r["intervention"]) for r in rows_of(text, "PROPORTION")) == \
        [(32, 80, "azathioprine"), (40, 160, "rituximab")]
