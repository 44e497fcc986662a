"""Two arms' shares listed several times in one sentence (rules/proportions.py): a run of pairs each followed by
its own time, the arms named once after the first ("0% and 5.9% in the A and B group at one month, 0% and 23.6% at
3 months, ..."), and a run of lists one per arm closed by "respectively", each list an arm's categories summing to
100% ("9.7% and 90.3%, 8.8% and 91.2% respectively in A and B group"). Sentences written for these tests (numbers
changed), with negatives of the same look."""
from __future__ import annotations

from evidence_review.extract import extract_document
from evidence_review.extract.study import build_study

TRIAL = "Methods: Patients were randomly assigned to the MVM group (n = 40) or the NVM group (n = 30). Results: "


def _shares(text: str) -> list[tuple]:
    rows = extract_document("doc", text, "doc.txt", "", study=build_study("doc", text))
    return sorted((round(r["value"], 4), r["intervention"], r["events"], r["total"], r.get("timepoint") or "")
                  for r in rows if r["measure"] == "PROPORTION")


def test_later_pairs_each_with_its_time_take_the_first_pairs_arms():
    found = _shares(TRIAL + "The recurrence rate was 5% and 10% in the MVM and NVM group at one month, 10% and 20% "
                            "at 3 months, 15% and 30% at 6 months and 20% and 40% at the 12 months.")
    assert (0.1, "nvm", 3, 30, "one month") in found
    assert (0.1, "mvm", 4, 40, "3 months") in found and (0.2, "nvm", 6, 30, "3 months") in found
    assert (0.15, "mvm", 6, 40, "6 months") in found and (0.3, "nvm", 9, 30, "6 months") in found
    assert (0.2, "mvm", 8, 40, "12 months") in found and (0.4, "nvm", 12, 30, "12 months") in found


def test_a_later_pair_without_its_own_time_takes_no_arms():
    # (the second pair is two quantities of another clause, not the arms' shares at a time)
    found = _shares(TRIAL + "The recurrence rate was 5% and 10% in the MVM and NVM group at one month, while 10% and "
                            "20% of all patients were lost.")
    assert all(v not in (0.2,) for v, *_ in found)


def test_one_list_per_arm_of_categories_summing_to_a_hundred():
    found = _shares(TRIAL + "The share of negative and positive tests was 7.5% and 92.5%, 10.0% and 90.0% "
                            "respectively in MVM and NVM group at baseline.")
    assert (0.075, "mvm", 3, 40, "") in found and (0.925, "mvm", 37, 40, "") in found
    assert (0.1, "nvm", 3, 30, "") in found and (0.9, "nvm", 27, 30, "") in found


def test_lists_not_summing_to_a_hundred_are_not_read_as_each_arms_categories():
    found = _shares(TRIAL + "Nausea and vomiting were 7.5% and 12.5%, 10.0% and 20.0% respectively in MVM and NVM "
                            "group.")
    assert not any(r[1] == "mvm" and r[0] == 0.125 for r in found)


# --- a bare bracket after a bracket that names its spread (rules/arm_data.py) ---------------------------------------

DRUGS = "Methods: Patients were randomly assigned to rituximab (n = 52) or placebo (n = 49). Results: "


def _means(text: str) -> dict[float, tuple]:
    rows = extract_document("doc", text, "doc.txt", "", study=build_study("doc", text))
    return {r["value"]: (r["intervention"], r["sd"]) for r in rows if r["measure"] == "MEAN"}


def test_a_bare_bracket_after_a_labelled_one_is_the_next_arms_mean_and_sd():
    found = _means(DRUGS + "Walking speed at 6 months was 0.61 (SD = 0.29) m/s for the placebo group and 0.47 (0.31) m/s "
                           "for the rituximab group.")
    assert found == {0.61: ("placebo", 0.29), 0.47: ("rituximab", 0.31)}


def test_bare_brackets_without_a_named_spread_are_no_means():
    assert _means(DRUGS + "Walking speed at 6 months was 0.61 (0.29) m/s for the placebo group and 0.47 (0.31) m/s for "
                          "the rituximab group.") == {}



# --- an arm opening the sentence, then its patients counted each with their event (rules/proportions.py) ------------

def test_counts_each_with_its_event_after_the_arm_that_opens_the_sentence():
    found = _shares(DRUGS + "Adverse events were mild. In the placebo group, 8 patients had nausea and 3 patients vomited.")
    assert {(r[1], r[2], r[3]) for r in found} == {("placebo", 8, 49), ("placebo", 3, 49)}


def test_a_clause_going_on_past_the_counts_is_not_read():
    assert _shares(DRUGS + "Adverse events were mild. In the placebo group, 8 patients had nausea after 2 hours of the first infusion.") == []
    assert _shares(DRUGS + "Adverse events were mild. In 2014, 8 patients had nausea.") == []
