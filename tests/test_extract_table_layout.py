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

from evidence_review.extract.table_layout import (arm_by_words, right_to_left, turned_by_counts, coded_arm_rows, count_share_pairs, label_total,
                                                  merged_count_share, one_named_arm, share_sign_first,
                                                  whole_trial_spans, without_serial_column, without_statistic,
                                                  without_trailing_p)

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


def test_a_mean_printed_under_the_count_sub_column_leaves_the_pair_proved():
    # "Age (years; mean, SD) | 23.4 ± 3.1 | |" among "N | %" rows: the mean spans the pair, the counts still pair
    rows = [{1: "24", 2: "100%"}, {1: "23.4 \u00b1 3.1", 2: ""}, {1: "9", 2: "38%"}, {1: "15", 2: "63%"}]
    assert count_share_pairs(rows, [(1, 2, None)]) == {1: (2, 24)}


def test_arms_over_n_and_percent_sub_columns_with_means_and_counts():
    header = "| | Ketamine | Ketamine | Saline | Saline | p |"
    body = ("| Total | N | % | N | % | |\n| Total | 24 | 100% | 21 | 100% | |\n"
            "| Age (years; mean, SD) | 23.4 \u00b1 3.1 | | 22.8 \u00b1 2.9 | | 0.61 |\n"
            "| Smokers | 9 | 38% | 6 | 29% | 0.52 |\n| Non-smokers | 15 | 63% | 15 | 71% | |")
    rows = _read(header, body, header_rows=1, caption="Table 1. Participant characteristics by group",
                 methods="Patients were randomly assigned to ketamine or saline.\n")
    props = _props(rows)
    assert ("ketamine", 9, 24, "Smokers") in props and ("saline", 15, 21, "Non-smokers") in props
    assert not [r for r in rows if r["measure"] == "PROPORTION" and r["events"] is None]


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
    # a code ending in its own number ("N3", "T2" of a TNM stage) prints no count of the row
    assert label_total("N3", [1, 2], 50) is None
    assert label_total("T2", [9, 8], 50) is None
    assert label_total("IBD21(10%)", [11, 10], 210) == ("IBD", 21, 210, "10")   # a glued label with its count's share


def test_stage_codes_in_the_labels_are_no_whole_counts_and_the_table_reads():
    # rows "N3 | 1 | 2" whose arms' counts add up to the code's number: before, the label's "3" was read as the whole
    # trial's count and the table's reading raised (a figure of the label column has no column of its own)
    header = "| Stage | Ketamine (n = 25) | Saline (n = 25) |"
    body = "| N0 | 3 | 5 |\n| N1 | 13 | 11 |\n| N3 | 1 | 2 |\n| T2 | 9 | 8 |"
    rows = _read(header, body, header_rows=1, caption="Table 1. Tumour stage of the patients by group")
    props = _props(rows)
    assert ("ketamine", 1, 25, "N3") in props and ("saline", 2, 25, "N3") in props
    assert not [p for p in props if p[0] == "all patients"]


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


def test_arm_column_groups_each_with_its_own_n_column_and_a_count_of_what_in_the_header():
    # "Cytokine | N | Intervention (Number of Responders; %) x2 | P | N | Control (...) x2 | P" over "Baseline |
    # Follow-up": each group's x/N (%) cells its arm's, the statistic's words ("Number of Responders") no part of its name
    methods = ("Eighty women were randomized to the intervention group (n = 41), who received a Pap smear, or the "
               "control group (n = 39).\n")
    header = ("| Cytokine | N | Intervention (Number of Responders; %) | Intervention (Number of Responders; %) | P-value "
              "| N | Control (Number of Responders; %) | Control (Number of Responders; %) | P-value |")
    body = ("| | | Baseline | Follow-up | | | Baseline | Follow-up | |\n"
            "| IL-6 | 33 | 9/33 (27.3) | 22/33 (66.7) | 0.001 | 35 | 12/35 (34.3) | 17/35 (48.6) | 0.09 |\n"
            "| IL-8 | 41 | 15/41 (36.6) | 25/41 (61.0) | 0.04 | 39 | 18/39 (46.2) | 24/39 (61.5) | 0.18 |")
    rows = _read(header, body, header_rows=2, caption="Table 2. Women with detectable cytokines", methods=methods)
    got = {(str(r["intervention"]).lower(), r["outcome"], r["timepoint"], r["events"], r["total"])
           for r in rows if r["measure"] == "PROPORTION"}
    assert {(e, n) for _, _, _, e, n in got} == {(9, 33), (22, 33), (12, 35), (17, 35), (15, 41), (25, 41), (18, 39),
                                                  (24, 39)}
    assert len({arm for arm, *_ in got}) == 2


def test_without_statistic_and_one_named_arm():
    assert without_statistic("Intervention (mean±SD)") == "Intervention"
    assert without_statistic("Treatment, n (%)") == "Treatment"
    assert without_statistic("Drug X (10 mg)") == "Drug X (10 mg)"
    assert without_statistic("Study group (Mean ± S.D)") == "Study group"
    assert without_statistic("Intervention (Number of Responders; %)") == "Intervention"     # a count of what
    assert without_statistic("Control (No. of patients, %)") == "Control"
    assert one_named_arm(["electrical stimulation", "neuromuscular electrical stimulation"]) == 1
    assert one_named_arm(["drug x", "drug y"]) is None


# --- coded arm columns, a serial-number column, a code and an outcome in one row label ---------------------------

@pytest.mark.parametrize("a, b", [("Group-A (n=30)", "Group-B (n=28)"), ("Group 1 (n = 30)", "Group 2 (n = 28)"),
                                  ("A group (n=30)", "B group (n=28)")])
def test_coded_arm_columns_and_a_serial_number_column(a, b):
    methods = "Women were allocated to oral tablets or injections by their order of admission.\n"
    header = f"| S. No. | Characteristics | {a} | {b} | p-value |"
    body = ("| 1. | Age (years) | 30.1±4.2 | 31.5±3.9 | 0.2 |\n| 2. | Weight (kg) | 71.3±8.1 | 73.0±9.4 | 0.4 |\n"
            "| 3. | Smokers, n (%) | 6 (20.0) | 7 (25.0) | 0.6 |")
    rows = _read(header, body, header_rows=1, caption="Table 1. Characteristics of the groups", methods=methods)
    means = _means(rows)
    assert {(m[1], m[2], m[3], m[4]) for m in means} >= {(30.1, 4.2, 30, "Age (years)"), (73.0, 9.4, 28, "Weight (kg)")}
    assert ("6", 30) in {(str(r["events"]), r["total"]) for r in rows if r["measure"] == "PROPORTION"}
    assert len({m[0] for m in means}) == 2


def test_without_serial_column_keeps_a_first_column_of_labels():
    from table_grids import pipe_table
    text = "| No. | Item | X |\n| 1 | Age | 3 |\n| 2 | Weight | 4 |\n"
    table = pipe_table(text, "| No. | Item | X |")
    assert [c["text"] for c in without_serial_column(table, {0})["cells"] if c["col"] == 0] == ["Item", "Age", "Weight"]
    text = "| Dose | Item | X |\n| 1 | Age | 3 |\n| 2 | Weight | 4 |\n"
    table = pipe_table(text, "| Dose | Item | X |")
    assert without_serial_column(table, {0}) is table          # a dose column is data
    text = "| No. | X | Y |\n| 1 | 3 | 5 |\n| 2 | 4 | 6 |\n"
    table = pipe_table(text, "| No. | X | Y |")
    assert without_serial_column(table, {0}) is table          # nothing to label the rows with


@pytest.mark.parametrize("sep", [" ", "-", ": "])
def test_code_and_outcome_in_the_row_label_under_times(sep):
    header = "| Groups | At enrollment | At term | P value |"
    body = (f"| Group-A{sep}Glucose | 101.2±12.1 | 92.4±10.9 | 0.01 |\n| Group-A{sep}Insulin | 8.1±2.2 | 7.9±2.0 | 0.5 |\n"
            f"| Group-B{sep}Glucose | 110.5±20.3 | 100.1±18.2 | 0.02 |\n| Group-B{sep}Insulin | 8.4±2.5 | 8.0±2.1 | 0.3 |")
    means = _means(_read(header, body, header_rows=1, caption="Table 3. Glucose and insulin",
                         methods="Women were allocated to metformin or insulin.\n"))
    assert len(means) == 8
    assert {(m[1], m[4], m[5]) for m in means} >= {(92.4, "Glucose", "At term"), (8.4, "Insulin", "At enrollment")}
    assert not [m for m in means if m[1] in (0.01, 0.5)]


def test_coded_arm_outcome_rows():
    from evidence_review.extract.table_layout import coded_arm_outcome_rows
    assert coded_arm_outcome_rows({1: "Group A FBS", 2: "Group B FBS"}) == {1: ("A", "FBS"), 2: ("B", "FBS")}
    assert coded_arm_outcome_rows({1: "Group A FBS", 2: "Group B weight"}) == {}     # not the same outcomes
    assert coded_arm_outcome_rows({1: "Group A FBS", 2: "Age"}) == {}


@pytest.mark.parametrize("red, green", [("(blue light group)", "(white light group)"), ("[blue light]", "[white light]")])
def test_outcome_then_the_arm_in_brackets_under_times(red, green):
    methods = "Eyes were randomly assigned to blue light therapy or white light therapy.\n"
    header = "| | Baseline | 6 weeks | P value |"
    body = (f"| Macular thickness {red} | 250.4 ± 20.5 | 261.7 ± 22.6 | 0.02 |\n"
            f"| Macular thickness {green} | 248.9 ± 19.1 | 270.3 ± 25.0 | 0.01 |\n"
            f"| Nerve fibre layer {red} | 98.5 ± 10.1 | 101.2 ± 11.3 | 0.3 |\n"
            f"| Nerve fibre layer {green} | 99.5 ± 9. | 104.7 ± 12.9 | 0.2 |")
    means = _means(_read(header, body, header_rows=1, caption="Table 2. Thickness at baseline and week 6",
                         methods=methods))
    assert len(means) == 8
    assert {(m[1], m[4]) for m in means} >= {(250.4, "Macular thickness"), (99.5, "Nerve fibre layer")}
    by_value = {m[1]: m[0] for m in means}
    assert "blue" in by_value[261.7] and "white" in by_value[270.3]


# --- a table printed right to left ---------------------------------------------------------------------------------

@pytest.mark.parametrize("p_header", ["P value", "Pvalue", "P"])
def test_right_to_left_table(p_header):
    methods = "Patients were randomly assigned to ketamine (n = 52) or saline (n = 48).\n"
    header = f"| {p_header} | Saline Mean±SD | Ketamine mean±SD | Variables |"
    body = ("| 0.41 | 30.2±6.1 | 31.5±5.0 | Onset of pain (min) |\n| 0.002 | 6.1±1.4 | 2.2±0.9 | Pain score at 1 hour |")
    means = _means(_read(header, body, header_rows=1, caption="Table 2. Pain in the two groups", methods=methods))
    assert sorted((m[0], m[1], m[4]) for m in means) == [
        ("ketamine", 2.2, "Pain score"), ("ketamine", 31.5, "Onset of pain (min)"),
        ("saline", 6.1, "Pain score"), ("saline", 30.2, "Onset of pain (min)")]


def test_right_to_left_leaves_a_table_read_left_to_right():
    from table_grids import pipe_table
    text = "| Variable | A | B | Comment |\n| Age | 3 | 4 | adults only |\n| Weight | 5 | 6 | fasting |\n"
    table = pipe_table(text, "| Variable | A | B | Comment |")
    assert right_to_left(table, {0}) is table
    text = "| P | A | B | Variable |\n| 0.1 | 3 | 4 | Age |\n| 0.2 | 5 | 6 | Weight |\n"
    table = pipe_table(text, "| P | A | B | Variable |")
    assert [c["text"] for c in right_to_left(table, {0})["cells"] if c["col"] == 0] == ["Variable", "Age", "Weight"]


# --- sizes the shares prove ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cells", [("18 (36)", "3 (6)", "25 (50)", "3 (6)", "30 (60)", "17 (34)"),
                                   ("18 (36%)", "3 (6%)", "25 (50%)", "3 (6%)", "30 (60%)", "17 (34%)")])
def test_shares_give_the_size_the_study_model_got_wrong_or_lacks(cells):
    # the methods' "100 patients" is the whole trial, which a study model may take for the treated arm's size
    methods = "A total of 100 patients were randomized to the treatment group or to placebo.\n"
    header = "| Time (minute) | Group n (%) | Group n (%) | P value |"
    body = ("| Time (minute) | Treatment | Placebo | P value |\n"
            f"| 5 | {cells[0]} | {cells[1]} | < 0.001 |\n| 15 | {cells[2]} | {cells[3]} | < 0.001 |\n"
            f"| 30 | {cells[4]} | {cells[5]} | 0.009 |")
    props = _props(_read(header, body, header_rows=2, caption="Table 3. Success rate at 5, 15 and 30 minutes",
                         methods=methods))
    assert sorted(p[1:3] for p in props) == sorted([(18, 50), (3, 50), (25, 50), (3, 50), (30, 50), (17, 50)])


@pytest.mark.parametrize("size_header", ["Case", "n", "No. of patients", "Patients"])
def test_arms_as_rows_with_a_size_column_and_bare_counts(size_header):
    methods = "Infants were randomly divided into the control group (n = 30) and the treatment group (n = 30).\n"
    header = f"| Group | {size_header} | Cured | Improved | Failed | Response rate |"
    body = ("| Control group | 30 | 4 | 9 | 17 | 13 (43.3) |\n| Treatment group | 30 | 9 | 12 | 9 | 21 (70.0) |\n"
            "| χ2 | | | | | 4.34 |\n| P | | | | | 0.037 |")
    props = _props(_read(header, body, header_rows=1, caption="Table 1. Response (cases (%))", methods=methods))
    assert {p[1:] for p in props} >= {(4, 30, "Cured"), (9, 30, "Cured"), (21, 30, "Response rate"),
                                      (13, 30, "Response rate"), (17, 30, "Failed")}
    assert not [p for p in props if p[3] == size_header]       # the size column is no outcome


@pytest.mark.parametrize("noun", ["eyes", "patients", "knees"])
def test_arms_as_rows_counting_by_name(noun):
    methods = "Children were randomly assigned to dye-assisted surgery or surgery without dye.\n"
    header = f"| | No. of {noun} | Age (mean ± SD) | Reoperation | Lens capture |"
    body = (f"| Group 1 | 20 {noun} | 7.3 ± 2.2 yrs | 3 {noun} | 15 {noun} |\n"
            f"| Group 2 | 19 {noun} | 7.8 ± 2.0 yrs | 1 {noun} | 9 {noun} |")
    rows = _read(header, body, header_rows=1, caption="Table 1. Comparison of group 1 and group 2", methods=methods)
    assert {p[1:] for p in _props(rows)} == {(3, 20, "Reoperation"), (15, 20, "Lens capture"), (1, 19, "Reoperation"),
                                             (9, 19, "Lens capture")}
    assert {(m[1], m[3]) for m in _means(rows)} == {(7.3, 20), (7.8, 19)}


@pytest.mark.parametrize("say", ["(case)", "(cases)", "(No.)"])
def test_a_count_format_stated_a_header_level_above(say):
    methods = "Patients were randomly assigned to gauze dressing or foam dressing.\n"
    header = f"| | Infection {say} | Comfort {say} | Closing time (d) |"
    body = ("| | | Comfortable | |\n| Gauze group n = 40 | 12 | 5 | 7.1 ± 1.5 |\n"
            "| Foam group n = 40 | 4 | 22 | 4.9 ± 0.8 |\n| P | 0.01 | 0.001 | 0.001 |")
    rows = _read(header, body, header_rows=2, caption="Table 1. Comparison between the groups", methods=methods)
    assert {p[1:3] for p in _props(rows)} == {(12, 40), (5, 40), (4, 40), (22, 40)}


# --- a table of the whole population ---------------------------------------------------------------------------------

@pytest.mark.parametrize("total_row", ["| Total | 80 (100) |", "| All patients | 80 (100.0) |", ""])
def test_one_column_of_counts_of_the_whole_population(total_row):
    header = "| Type | Frequency (%) |"
    body = "| Class I | 36 (45.0) |\n| Class II | 28 (35.0) |\n| Class III | 16(20.0) |\n" + total_row
    props = _props(_read(header, body.strip(), header_rows=1, caption="Table 1. Types of fracture"))
    assert props == [("all patients", 16, 80, "Class III"), ("all patients", 28, 80, "Class II"),
                     ("all patients", 36, 80, "Class I")]


def test_one_column_whose_total_disagrees_is_not_read():
    header = "| Type | Frequency (%) |"
    body = "| Class I | 36 (45.0) |\n| Class II | 28 (35.0) |\n| Total | 70 (100) |"
    assert _props(_read(header, body, header_rows=1, caption="Table 1. Types of fracture")) == []


def test_one_column_of_counts_beside_rows_of_another_shape_keeps_its_counts():
    # a mean and a range above the counts: the counts are of the one size their shares agree on (45 × 40 % = 18,
    # 45 × 33.3 % = 15, 45 × 26.7 % = 12), and the mean with its SD is of that size too (the whole sample's table:
    # batch 17 labels such means with it); the "mean (range)" row is left unread
    header = "| Mean weight, kg (range) | 71.2 (52-98) |"
    body = ("| Duration of surgery, min, mean ± SD | 42.5 ± 9.1 |\n| Fracture site, n (%): | |\n"
            "| Radius | 18 (40.0) |\n| Ulna | 15 (33.3) |\n| Both | 12 (26.7) |")
    rows = _read(header, body, header_rows=0, caption="Table 1. Procedural data of all patients")
    assert _props(rows) == [("all patients", 12, 45, "Both"), ("all patients", 15, 45, "Ulna"),
                            ("all patients", 18, 45, "Radius")]
    assert _means(rows) == [("all patients", 42.5, 9.1, 45, "Duration of surgery, min", "")]


def test_one_column_of_mixed_rows_whose_shares_disagree_gives_nothing():
    # 18 (40.0) is of 45, 15 (30.0) of 50: no one size, and the means make it no table of counts either
    header = "| Mean weight, kg (range) | 71.2 (52-98) |"
    body = "| Radius | 18 (40.0) |\n| Ulna | 15 (30.0) |\n| Duration, min, mean ± SD | 42.5 ± 9.1 |"
    assert _props(_read(header, body, header_rows=0, caption="Table 1. Procedural data of all patients")) == []


# --- an effect column oriented by the arms' counts ---------------------------------------------------------------------

def test_turned_by_counts():
    # 40/300 vs 20/310: OR of the first against the second 2.22, the other way 0.45
    assert turned_by_counts("OR", 0.45, (40, 300), (20, 310))
    assert not turned_by_counts("OR", 2.22, (40, 300), (20, 310))
    assert turned_by_counts("RR", 0.5, (40, 300), (20, 310))              # RR 2.07 / 0.48
    assert not turned_by_counts("OR", 1.0, (10, 300), (10, 300))           # equal arms: nothing to say
    assert not turned_by_counts("OR", 0.9, (40, 300), (20, 310))           # neither direction
    assert not turned_by_counts("OR", 0.45, (0, 300), (20, 310))           # zero events


@pytest.mark.parametrize("higher", ["Mesh repair", "Suture repair"])
def test_an_odds_ratio_table_is_oriented_by_the_counts_of_another_table(higher):
    # the same printed odds ratios, the counts giving the higher risk to one arm or the other: whichever the study
    # model would put first, the effect column follows the counts
    from table_grids import pipe_table
    from evidence_review.extract.study import build_study
    from evidence_review.extract.table_reader import read_tables
    a, b = ("40/300 (13.3%)", "20/310 (6.5%)"), ("30/300 (10.0%)", "12/310 (3.9%)")
    if higher == "Suture repair":
        a, b = (a[1], a[0]), (b[1], b[0])
    text = ("Patients were randomly assigned to mesh repair or suture repair.\n"
            "Table 2. Complications by type of repair\n"
            "| Complication | Mesh repair | Suture repair |\n"
            f"| Seroma | {a[0]} | {a[1]} |\n| Infection | {b[0]} | {b[1]} |\n"
            "| Recurrence | 5/300 (1.7%) | 5/310 (1.6%) |\n"
            "Table 3. Odds ratios of complications between the groups\n"
            "| | Odds ratio | 95% confidence interval | p |\n"
            "| Seroma | 2.22 | 1.26 - 3.90 | 0.005 |\n| Infection | 2.76 | 1.39 - 5.48 | 0.003 |\n"
            "| Recurrence | 1.03 | 0.30 - 3.61 | 0.96 |\n| Hernia | 0 | 0 - 0 | 0.99 |\n")
    t2 = pipe_table(text, "| Complication | Mesh repair | Suture repair |", table_id="T2",
                    caption="Table 2. Complications by type of repair")
    t3 = pipe_table(text, "| | Odds ratio | 95% confidence interval | p |", table_id="T3",
                    caption="Table 3. Odds ratios of complications between the groups")
    structure = {"tables": [t2, t3]}
    rows, _ = read_tables("d", text, structure, build_study("d", text, structure))
    odds = {r["outcome"]: (r["intervention"], r["comparator"]) for r in rows if r["measure"] == "OR" and r["value"]}
    assert len(odds) == 3
    first = higher.split()[0].lower()
    # every row of the column turned to the arm the counts give the higher odds, the near-1 row with them
    assert all(first in str(x).lower() and first not in str(y).lower() for x, y in odds.values()), odds


@pytest.mark.parametrize("test_row", ["| P-Value | 0.001 | 0.62 |", "| P* | 0.01 | 0.3 |", "| Cohen's d | 0.49 | 0.05 |", "| t | 3.1 | 0.4 |",
                                      "| χ2 | 4.1 | 0.2 |"])
def test_a_row_of_tests_under_the_arms_is_no_arm_figure(test_row):
    header = "| | Ketamine (n = 52) | Saline (n = 48) |"
    body = f"| Fatigue score, change | 12.4 ± 9.1 | 2.1 ± 8.0 |\n{test_row}\n| F | 20 (38.5) | 19 (39.6) |"
    rows = _read(header, body, header_rows=1, caption="Table 2. Change scores in each group")
    assert sorted(m[1] for m in _means(rows)) == [2.1, 12.4]
    assert {p[1:3] for p in _props(rows)} == {(20, 52), (19, 48)}       # a bare "F" row (female) still read


def test_a_response_row_named_pr_is_read():
    header = "| Response | Ketamine (n = 20) | Saline (n = 20) |"
    body = "| CR | 14 | 18 |\n| PR | 04 | 02 |\n| SD | 02 | 00 |\n| PD | 00 | 00 |"
    props = _props(_read(header, body, header_rows=1, caption="Table 2. Response to treatment"))
    assert ("ketamine", 4, 20, "PR") in props and ("saline", 2, 20, "PR") in props


def test_code_definitions():
    from evidence_review.extract.table_layout import code_definitions
    assert code_definitions("Group-A, 30 women were given oral labetalol 100 mg while Group-B, 31 women were given "
                            "nifedipine 10 mg.") == {"A": "oral labetalol 100 mg", "B": "nifedipine 10 mg"}
    assert code_definitions("Patients received propofol (group P) or etomidate (group E).") == {"P": "propofol",
                                                                                                "E": "etomidate"}
    # a code defined two ways says nothing
    assert code_definitions("Group A received propofol. Group A received etomidate.") == {}


def test_coded_columns_named_by_what_the_groups_received():
    methods = ("Group-A, 30 women were given oral labetalol 100 mg while Group-B, 28 women were given "
               "nifedipine 10 mg.\n")
    header = "| Characteristics | Group-A (n=30) | Group-B (n=28) | p-value |"
    body = "| Age (years) | 30.1±4.2 | 31.5±3.9 | 0.2 |\n| Weight (kg) | 71.3±8.1 | 73.0±9.4 | 0.4 |"
    means = _means(_read(header, body, header_rows=1, caption="Table 1. Characteristics", methods=methods))
    arms = {m[1]: m[0] for m in means}
    assert "labetalol" in arms[30.1] and "nifedipine" in arms[73.0]


@pytest.mark.parametrize("statistic_row", ["| CV | 0.07 | 0.06 | 0.05 | 0.05 | | |", "| CV (%) | 7 | 6 | 5 | 5 | | |",
                                           "| Coefficient of variation | 0.07 | 0.06 | 0.05 | 0.05 | | |",
                                           "| ICC | 0.81 | 0.77 | 0.79 | 0.84 | | |"])
def test_a_row_of_a_statistic_of_the_figures_under_each_mean_is_no_arm_figure(statistic_row):
    # a coefficient of variation (or an ICC) printed on a row of its own under each mean ± SD row, in every arm's
    # before and after columns: a statistic of the figures above it, no mean of the arm
    header = ("| Variables | Ketamine (n = 52) | Ketamine (n = 52) | Saline (n = 48) | Saline (n = 48) | Interaction | "
              "Interaction |\n| Variables | Before | After | Before | After | F | p |")
    body = (f"| Weight (kg) | 46.12 ± 11.31 | 46.40 ± 11.07 | 45.77 ± 12.41 | 45.90 ± 11.52 | 0.091 | 0.764 |\n"
            f"{statistic_row}\n"
            f"| Body fat (%) | 18.82 ± 6.31 | 18.70 ± 5.92 | 16.74 ± 7.60 | 16.71 ± 7.18 | 0.004 | 0.951 |\n"
            f"{statistic_row}")
    means = _means(_read(header.split("\n")[0], header.split("\n")[1] + "\n" + body, header_rows=2,
                         caption="Table 3. Changes in physique in each group"))
    assert len(means) == 8, means
    assert sorted({m[1] for m in means}) == [16.71, 16.74, 18.7, 18.82, 45.77, 45.9, 46.12, 46.4]


def test_a_coefficient_of_variation_with_its_own_spread_is_every_arms_outcome():
    # each patient's glucose variability averaged over each arm ("38 ± 2"): an outcome of the arms, unlike a bare CV row
    # under each mean (the test above)
    header = "| Variable | Ketamine | Saline | p |"
    body = ("| Mean glucose (mmol/L) | 8.6 ± 0.4 | 8.9 ± 0.3 | 0.4 |\n"
            "| Coefficient of variation (%) | 38 ± 2 | 41 ± 1 | 0.2 |")
    means = _means(_read(header, body, header_rows=1, caption="Table 2. Glycaemic control in each group"))
    assert sorted(m[1] for m in means) == [8.6, 8.9, 38.0, 41.0], means
    assert {m[0] for m in means if m[1] in (38.0, 41.0)} == {"ketamine", "saline"}


@pytest.mark.parametrize("footnote, read", [("Shown are Spearman's correlation coefficients (p-values).", False),
                                            ("Values are Pearson correlation coefficients (p).", False),
                                            ("Values are mean (SD).", True)])
def test_a_table_declared_to_show_correlation_coefficients_gives_no_arm_figure(footnote, read):
    # each arm's correlation of two measures with its p in brackets ("0.45 (< 0.001)"): no arm's mean with its SD
    header = "| Antibody | Group | Maternal antibodies to X | Cord blood antibodies to X |"
    body = ("| IgG1 | Ketamine | 0.45 (< 0.001) | 0.51 (< 0.001) |\n| IgG1 | Saline | -0.09 (0.314) | -0.15 (0.105) |\n"
            "| IgG2 | Ketamine | 0.22 (0.013) | 0.32 (< 0.001) |\n| IgG2 | Saline | -0.21 (0.019) | -0.20 (0.039) |")
    caption = "Table 3. Antibody levels and infection intensity at enrolment"
    text = f"{METHODS}{caption}\n{header}\n{body}\n{footnote}\n"
    rows = read_pipe_table(text, header, caption=caption, header_rows=1, footnote=footnote)[1] or []
    assert bool([r for r in rows if r["measure"] in ("MEAN", "MEDIAN")]) == read
