"""Table layout decided from the grid's cells (`extract/table_layout.py` and its hooks in the table reader), on
grids written here in several variants of each shape (names, numbers, separators and brackets changed):
- a count column beside a share column under one arm ("N = 52 | (%)", "n | %", "No. | [%]", decimal comma or point);
- a header spanning the arms that gives the whole trial's size ("Groups (n = 150)", "All patients (N = 96)" over the
  arms' own sizes), never read as the arms' size;
- the whole trial's count printed in the row label ("Headache 23 (15.3%)", "Rash, 9/150") beside the arms' counts;
- "n (%)" cells whose shares all agree with the other arm's header size (the headers' sizes printed swapped)."""
from __future__ import annotations

import pytest
from table_grids import read_pipe_table

from evidence_review.extract.table_layout import (arm_by_words, coded_arm_rows, count_share_pairs, label_total,
                                                  merged_count_share, one_named_arm, share_sign_first,
                                                  whole_trial_spans, without_statistic, without_trailing_p)

METHODS = "Adults were randomly assigned to ketamine (n = 52) or saline (n = 48).\n"


def _read(header: str, body: str, header_rows: int = 2, caption: str = "Table 3. Adverse events by group",
          methods: str = METHODS):
    text = f"{methods}{caption}\n{header}\n{body}\n"
    return read_pipe_table(text, header, caption=caption, header_rows=header_rows)[1] or []


def _props(rows):
    return sorted((str(r["intervention"]).lower(), r["events"], r["total"], str(r["outcome"]))
                  for r in rows if r["measure"] == "PROPORTION")


# --- count | share columns -------------------------------------------------------------------------------------

@pytest.mark.parametrize("size_row, dizzy, nausea", [
    ("| | N = 52 | (%) | N = 48 | (%) |", "13 | (25,0) | 6 | (12,5)", "4 | (7,7) | 0 | (0)"),      # decimal comma
    ("| | N = 52 | (%) | N = 48 | (%) |", "13 | (25.0) | 6 | (12.5)", "4 | (7.7) | 0 | (0.0)"),    # decimal point
    ("| | n | % | n | % |", "13 | 25 | 6 | 12.5", "4 | 7.7 | 0 | 0"),                               # bare shares
    ("| | No. | [%] | No. | [%] |", "13 | [25.0] | 6 | [12.5]", "4 | [7.7] | 0 | [0]"),            # square brackets
])
def test_count_column_beside_a_share_column_is_one_count_of_the_arm(size_row, dizzy, nausea):
    header = "| Event | Ketamine | Ketamine | Saline | Saline |"
    body = f"{size_row}\n| Dizziness | {dizzy} |\n| Nausea | {nausea} |"
    rows = _read(header, body, header_rows=2)
    props = _props(rows)
    assert ("ketamine", 13, 52, "Dizziness") in props
    assert ("saline", 6, 48, "Dizziness") in props
    assert ("ketamine", 4, 52, "Nausea") in props
    assert ("saline", 0, 48, "Nausea") in props
    assert not [r for r in rows if r["measure"] in ("MEAN", "MEDIAN")]
    assert len(props) == 4


def test_count_share_pairs_need_the_shares_to_agree():
    rows = [{1: "13", 2: "(25,0)"}, {1: "4", 2: "(7,7)"}, {1: "0", 2: "(0)"}]
    assert count_share_pairs(rows, [(1, 2, 52)]) == {1: (2, 52)}
    assert count_share_pairs(rows, [(1, 2, None)]) == {1: (2, 52)}          # the size the shares agree on
    # a count beside a figure that is not its share (a mean, another count) is no pair
    assert count_share_pairs([{1: "13", 2: "(41)"}, {1: "4", 2: "(60)"}], [(1, 2, 52)]) == {}
    assert count_share_pairs([{1: "13", 2: "2.5 (1.1)"}, {1: "4", 2: "(7.7)"}], [(1, 2, 52)]) == {}
    assert count_share_pairs([{1: "13.5", 2: "(25.0)"}, {1: "4", 2: "(7.7)"}], [(1, 2, 52)]) == {}
    assert count_share_pairs([{1: "13", 2: "(25.0)"}], [(1, 2, 52)]) == {}        # one row proves nothing


def test_merged_count_share_writes_a_point():
    assert merged_count_share("18", "(52,9)") == "18 (52.9%)"
    assert merged_count_share("0", "(0)") == "0 (0%)"
    assert merged_count_share("7", "[12.5 %]") == "7 (12.5%)"


# --- a spanning header of the whole trial ------------------------------------------------------------------------

@pytest.mark.parametrize("span", ["Groups (n = 100)", "Group(n=100)", "Study arms, N = 100", "All patients (n = 100)"])
def test_spanning_header_with_the_whole_trial_size_is_no_arm(span):
    header = f"| Event | {span} | {span} | P |"
    body = ("| Event | Ketamine (n = 52) n (%) | Saline (n = 48) n (%) | P |\n"
            "| Dizziness | 13 (25.0) | 6 (12.5) | 0.1 |\n"
            "| Nausea | 4 (7.7) | 3 (6.3) | 0.8 |")
    props = _props(_read(header, body, header_rows=2))
    assert ("ketamine", 13, 52, "Dizziness") in props
    assert ("saline", 6, 48, "Dizziness") in props
    assert ("saline", 3, 48, "Nausea") in props
    assert not [p for p in props if p[2] == 100]


def test_whole_trial_spans():
    assert whole_trial_spans({1: ["Group (n=90)", "A (n=45)"], 2: ["Group (n=90)", "B (n=45)"]}) == {"Group (n=90)"}
    assert whole_trial_spans({1: ["Cohort (N = 61)", "X (n = 30)"], 2: ["Cohort (N = 61)", "Y (n = 31)"]}) == {"Cohort (N = 61)"}
    assert whole_trial_spans({1: ["Patients (n = 70)", "X (n = 30)"], 2: ["Patients (n = 70)", "Y (n = 31)"]}) == set()
    # an arm over its own sub-columns ("Drug (n = 40)" over "n | %") is an arm, not the trial
    assert whole_trial_spans({1: ["Drug (n = 40)", "n"], 2: ["Drug (n = 40)", "%"]}) == set()


# --- the whole trial's count in the row label ---------------------------------------------------------------------

@pytest.mark.parametrize("label, count", [
    ("Dizziness 19 (19.0%)", 19), ("Dizziness19(19%)", 19), ("Dizziness, 19/100", 19), ("Dizziness: n = 19", 19),
])
def test_whole_count_printed_in_the_row_label(label, count):
    header = "| Event | Ketamine (n = 52) | Saline (n = 48) |"
    body = f"| {label} | 13 (25.0) | 6 (12.5) |\n| Nausea | 4 (7.7) | 3 (6.3) |"
    props = _props(_read(header, body, header_rows=1))
    assert ("all patients", count, 100, "Dizziness") in props
    assert ("ketamine", 13, 52, "Dizziness") in props
    assert not [p for p in props if p[0] == "all patients" and p[3] == "Nausea"]


def test_label_total_needs_the_sum_of_the_arms():
    assert label_total("Vomiting 9 (9.0%)", [5, 4], 100) == ("Vomiting", 9, 100, "9.0")
    assert label_total("Vomiting 8 (8.0%)", [5, 4], 100) is None          # not the sum
    assert label_total("Vomiting 9 (20%)", [5, 4], 100) is None           # a share of another total
    assert label_total("Grade 9", [5, 4], 100) is None                    # the label's own number
    assert label_total("Day 9", [5, 4], 100) is None
    assert label_total("Vomiting 9", [9], 100) is None                    # one arm: nothing to add up
    assert label_total("Rash, 7/120", [3, 4], None) == ("Rash", 7, 120, None)


# --- header sizes printed the wrong way round ---------------------------------------------------------------------

def test_shares_of_the_other_arms_size_give_that_size():
    header = "| Finding | Ketamine (n = 48) | Saline (n = 52) |"
    body = ("| Polyp | 13 (25.0) | 6 (12.5) |\n| Ulcer | 4 (7.7) | 3 (6.3) |\n| Normal | 26 (50.0) | 24 (50.0) |")
    props = _props(_read(header, body, header_rows=1, caption="Table 2. Findings in the two groups"))
    assert ("ketamine", 13, 52, "Polyp") in props
    assert ("saline", 6, 48, "Polyp") in props
    assert not [r for r in _read(header, body, 1) if r["measure"] == "MEAN"]


def test_an_arm_over_its_number_and_percent_columns_stays_the_arm():
    header = "| | Ketamine group (N = 52) | Ketamine group (N = 52) | Saline group (N = 48) | Saline group (N = 48) |"
    body = ("| | Number | Percent | Number | Percent |\n"
            "| Dizziness | 13 | 25 | 6 | 13 |\n| Nausea | 4 | 8 | 0 | 0 |")
    props = _props(_read(header, body, header_rows=2))
    assert ("ketamine", 13, 52, "Dizziness") in props
    assert ("saline", 6, 48, "Dizziness") in props
    assert len(props) == 4


# --- arm columns named by the words of the arm, shares written with the sign first ---------------------------------

def test_share_sign_first():
    assert share_sign_first("4/400 (% 1)") == "4/400 (1%)"
    assert share_sign_first("52/328 (%15.9)") == "52/328 (15.9%)"
    assert share_sign_first("(% 1.1) 4/366") == "4/366 (1.1%)"
    assert share_sign_first("[% 7] 3") == "3 [7%]"
    assert share_sign_first("12 (40%)") == "12 (40%)"
    assert share_sign_first("0.5 (95% CI 0.2-0.9)") == "0.5 (95% CI 0.2-0.9)"


def test_arm_by_words():
    names = ["repair with mesh fixation", "repair without mesh fixation"]
    assert arm_by_words("Without mesh fixation", names) == 1
    assert arm_by_words("With mesh fixation", names) == 0
    assert arm_by_words("BWith mesh fixation", names) == 0          # a stray letter glued on
    assert arm_by_words("Mesh fixation", names) is None               # both arms hold it
    assert arm_by_words("Mesh", names) is None                        # one word proves little
    assert arm_by_words("Suture only", names) is None


@pytest.mark.parametrize("cell_a, cell_b", [("7/150 (% 4.7)", "2/148 (% 1.4)"), ("(% 4.7) 7/150", "(% 1.4) 2/148"),
                                            ("7/150 (4.7%)", "2/148 (1.4%)")])
def test_event_total_columns_under_a_spanning_statistic_header(cell_a, cell_b):
    methods = "Children were randomly assigned to repair with mesh fixation or repair without mesh fixation.\n"
    header = ("| Complication | Type of repair Event / Total (Prevalence) | Type of repair Event / Total (Prevalence) "
              "| p |")
    body = ("| Complication | With mesh fixation | Without mesh fixation | |\n"
            f"| Seroma | {cell_a} | {cell_b} | 0.1 |\n| Recurrence | 3/150 (% 2) | 1/148 (% 0.7) | 0.6 |")
    props = _props(_read(header, body, header_rows=2, methods=methods))
    assert ("repair with mesh fixation", 7, 150, "Seroma") in props
    assert ("repair without mesh fixation", 2, 148, "Seroma") in props
    assert ("repair without mesh fixation", 1, 148, "Recurrence") in props


# --- arms as rows, named by group codes ---------------------------------------------------------------------------

CODED_METHODS = "Volunteers were randomly assigned to three groups drinking different waters for four weeks.\n"


def _means(rows):
    return sorted((str(r["intervention"]).lower(), r["value"], r["sd"], r["total"], str(r["outcome"]), r["timepoint"])
                  for r in rows if r["measure"] == "MEAN")


@pytest.mark.parametrize("a, b, c", [("A", "B", "C"), ("Group A", "Group B", "Group C"), ("Arm 1", "Arm 2", "Arm 3"),
                                     ("I group", "II group", "III group")])
def test_arms_as_rows_labelled_by_codes_under_heading_rows(a, b, c):
    header = "| Water | n | Before | 4 weeks |"
    body = (f"| Heart rate | | | |\n| {a} | 21 | 71.2 (8.1) | 70.4 (7.9) |\n| {b} | 22 | 73.5 (9.0) | 69.1 (8.8) p = 0.02 |\n"
            f"| {c} | 20 | 72.0 (7.5) | 71.8 (7.7) |\n"
            f"| Weight | | | |\n| {a} | 21 | 80.1 (11.2) | 79.9 (11.0) |\n| {b} | 22 | 78.4 (10.1) | 77.0 (9.9) |\n"
            f"| {c} | 20 | 79.3 (12.4) | 79.1 (12.0) |")
    means = _means(_read(header, body, header_rows=1, caption="Table 2. Vital signs before and after",
                         methods=CODED_METHODS))
    assert len(means) == 12
    values = {(m[1], m[2], m[3], m[4]) for m in means}
    assert (71.2, 8.1, 21, "Heart rate") in values
    assert (69.1, 8.8, 22, "Heart rate") in values          # the p-value after the figure left out
    assert (79.1, 12.0, 20, "Weight") in values
    assert len({m[0] for m in means}) == 3


def test_coded_arm_rows():
    assert coded_arm_rows({2: "A", 3: "B", 5: "A", 6: "B"}) == {2: ("A", ""), 3: ("B", ""), 5: ("A", ""), 6: ("B", "")}
    assert coded_arm_rows({2: "A", 3: "B", 4: "B*"}, {2, 3, 4}) == {2: ("A", ""), 3: ("B", ""), 4: ("B", "*")}
    assert coded_arm_rows({2: "A", 3: "B"}) == {}                     # two letters, no size, no repeat: no proof
    assert coded_arm_rows({1: "Group 1 (drug alone)", 2: "Group 2 (n = 30)"}) == {1: ("1", ""), 2: ("2", "")}
    assert coded_arm_rows({1: "Group-A glucose", 2: "Group-B glucose"}) == {}     # an outcome beside the code
    assert coded_arm_rows({1: "Age", 2: "Group B", 3: "Group C"}) == {}
    assert coded_arm_rows({1: "Group A", 2: "Group A"}) == {}


def test_without_trailing_p():
    assert without_trailing_p("150.1 (16.1) p = 0.034") == "150.1 (16.1)"
    assert without_trailing_p("12.5(3.1)P<0.01") == "12.5(3.1)"
    assert without_trailing_p("40% *P = 0.04") == "40%"
    assert without_trailing_p("p = 0.03") == "p = 0.03"


# --- a generic arm header ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("control, treated", [("Control (mean±SD)", "Intervention (mean±SD)"),
                                              ("Control, mean ± SD", "Treatment, mean ± SD"),
                                              ("Control [mean (SD)]", "Experimental group [mean (SD)]")])
def test_generic_arm_headers_with_their_statistic(control, treated):
    methods = ("Patients were randomly assigned to inspiratory muscle training (n = 12) or usual care (control "
               "group, n = 12).\n")
    header = f"| | {control} | {control} | {treated} | {treated} | p |"
    body = ("| | Before | After | Before | After | |\n"
            "| Walk distance (m) | 380.2 ± 40.1 | 371.5 ± 45.0 | 375.3 ± 60.2 | 455.0 ± 66.1 | <0.001 |")
    means = _means(_read(header, body, header_rows=2, caption="Table 2. Effects of training", methods=methods))
    arms = {m[1]: m[0] for m in means}
    assert len(means) == 4
    assert any(w in arms[380.2] for w in ("control", "usual", "standard care"))
    assert "training" in arms[455.0]


def test_without_statistic_and_one_named_arm():
    assert without_statistic("Intervention (mean±SD)") == "Intervention"
    assert without_statistic("Treatment, n (%)") == "Treatment"
    assert without_statistic("Drug X (10 mg)") == "Drug X (10 mg)"
    assert without_statistic("Study group (Mean ± S.D)") == "Study group"
    assert one_named_arm(["electrical stimulation", "neuromuscular electrical stimulation"]) == 1
    assert one_named_arm(["drug x", "drug y"]) is None
