"""Arms a table names other than in its column headers' words: codes ("A", "G1", "II") a footnote, a legend or the
methods define, and whole-sample tables of one value column. The study model learns the definitions
(`arm_codes`, `study._arms_by_defined_codes`) and every table reader resolves a code through `Study.resolve_column`;
a whole-sample column's size comes from `whole_sample.whole_sample_size`. Texts and tables written for these tests
(different drugs, fields, numbers and spellings), with negatives: footnote marks, grades, times, captions naming a
subset or a drug that is no arm."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.arm_codes import bare_code, definition_lists, hereafter_definitions
from evidence_review.extract.whole_sample import whole_sample_size

_TWO_ARMS = ("Methods\nIn this randomized controlled trial, 64 adults were randomly assigned to ondansetron (n = 32) "
             "or metoclopramide (n = 32).\nResults\n")


def _rows(text: str, header: str, footnote: str = "", caption: str = "", header_rows: int = 1):
    study, rows = read_pipe_table(text, header, caption=caption, footnote=footnote, header_rows=header_rows)
    return study, [(r["measure"], r["value"], r.get("total"), r["intervention"], r["outcome"]) for r in rows or []]


# ------------------------------------------------------------------------------------------ definitions read
def test_a_footnote_list_of_letters_defines_each_code():
    found = definition_lists("Table 2.\nA, ondansetron 4 mg; B, metoclopramide 10 mg; SD, standard deviation.")
    assert [[(d.code, d.name) for d in one] for one in found] == [[("A", "ondansetron 4 mg"), ("B", "metoclopramide 10 mg")]]


def test_colon_and_equals_lists_with_letter_number_codes():
    assert [(d.code, d.name) for d in definition_lists("G1: tai chi group; G2: walking group")[0]] == \
        [("G1", "tai chi group"), ("G2", "walking group")]
    assert [(d.code, d.name) for d in definition_lists("Group I = lidocaine 2%, Group II = saline 0.9%")[0]] == \
        [("I", "lidocaine 2%"), ("II", "saline 0.9%")]


def test_footnote_marks_grades_and_times_define_no_arm():
    assert definition_lists("a, P < 0.05 versus baseline; b, P < 0.01 versus placebo") == []
    assert definition_lists("A, P < 0.05 vs group C; B, significant difference from group C") == []
    assert definition_lists("A, mild; B, moderate; C, severe") == []
    assert definition_lists("T0, baseline; T1, 3 months after surgery; T2, 6 months") == []
    assert definition_lists("A: before treatment; B: after treatment") == []


def test_a_code_given_in_brackets_with_hereafter():
    found = hereafter_definitions("Women received acupressure (n = 40; hereafter G1) or sham pressure "
                                  "(hereinafter referred to as G2).")
    assert [(d.code, d.name) for d in found] == [("G1", "acupressure"), ("G2", "sham pressure")]
    assert hereafter_definitions("acupressure (G1) or sham pressure (G2)") == []


def test_bare_codes():
    assert [bare_code(x) for x in ("A", "G2", "Group III", "B group", "AB", "Placebo", "A1c", "n")] == \
        ["A", "G2", "III", "B", None, None, None, None]


# ------------------------------------------------------------------------------------------ tables read
def test_codes_a_footnote_defines_are_the_arms_of_the_columns():
    header = "| Event | G1 (n = 32) | G2 (n = 32) | P |"
    foot = "G1, ondansetron 4 mg; G2, metoclopramide 10 mg."
    text = (_TWO_ARMS + "Table 2. Adverse events\n" + header + "\n| Headache, n (%) | 5 (15.6) | 8 (25.0) | 0.3 |\n"
            "| Sedation score, mean (SD) | 1.2 (0.4) | 1.9 (0.6) | 0.01 |\n" + foot + "\n")
    study, rows = _rows(text, header, footnote=foot)
    assert ("PROPORTION", 0.15625, 32, "ondansetron", "Headache") in rows
    assert ("PROPORTION", 0.25, 32, "metoclopramide", "Headache") in rows
    assert ("MEAN", 1.9, 32, "metoclopramide", "Sedation score") in rows
    assert study.resolve_column("G1").canonical == "ondansetron"


def test_bare_single_letters_as_column_headers_stay_unread_and_lettered_rows_are_read():
    # (measured: bare "A | B" columns gave a validation table's cells to arms where its labels hold none of them)
    foot = "A, ondansetron 4 mg; B, metoclopramide 10 mg."
    header = "| Event | A (n = 32) | B (n = 32) | P |"
    text = (_TWO_ARMS + "Table 2. Adverse events\n" + header + "\n| Headache, n (%) | 5 (15.6) | 8 (25.0) | 0.3 |\n"
            + foot + "\n")
    study, rows = _rows(text, header, footnote=foot)
    assert study.resolve_column("A") is None and not any(r[3] == "ondansetron" for r in rows)
    header = "| Group | Heart rate | Systolic pressure |"
    text = (_TWO_ARMS + "Table 3. Haemodynamics\n" + header + "\n| A | 81.4 ± 6.0 | 118.2 ± 9.1 |\n"
            "| B | 84.9 ± 5.5 | 121.7 ± 8.4 |\n" + foot + "\n")
    _, rows = _rows(text, header, footnote=foot)
    assert {(r[3], r[1]) for r in rows} >= {("ondansetron", 81.4), ("metoclopramide", 121.7)}


def test_letter_number_codes_as_row_labels():
    header = "| Group | Heart rate | Systolic pressure |"
    foot = "G1: ondansetron group; G2: metoclopramide group."
    text = (_TWO_ARMS + "Table 3. Haemodynamics\n" + header + "\n| G1 | 81.4 ± 6.0 | 118.2 ± 9.1 |\n"
            "| G2 | 84.9 ± 5.5 | 121.7 ± 8.4 |\n" + foot + "\n")
    _, rows = _rows(text, header, footnote=foot)
    assert {(r[3], r[1]) for r in rows} == {("ondansetron", 81.4), ("ondansetron", 118.2), ("metoclopramide", 84.9),
                                            ("metoclopramide", 121.7)}


def test_numbered_groups_of_the_methods_read_under_their_headers():
    header = "| Outcome | Group 1 | Group 2 | Group 3 | P |"
    text = ("Methods\nIn this randomized trial, 75 children were randomly assigned to three groups. Group 1 (n = 25) "
            "received oral iron 3 mg/kg, group 2 (n = 25) received iron 6 mg/kg and group 3 (n = 25) received "
            "placebo.\nResults\nTable 2. Outcomes at 12 weeks\n" + header +
            "\n| Anaemia, n (%) | 6 (24.0) | 4 (16.0) | 11 (44.0) | 0.08 |\n")
    study, rows = _rows(text, header)
    assert len(rows) == 3 and {r[2] for r in rows} == {25} and len({r[3] for r in rows}) == 3


def test_a_code_the_definitions_leave_out_makes_no_code_of_the_table_an_arm():
    # "G1 | G2 | G3" over a trial whose footnote defines only G1 and G2: the table's codes are something else
    header = "| Outcome | G1 | G2 | G3 |"
    foot = "G1, ondansetron 4 mg; G2, metoclopramide 10 mg."
    text = (_TWO_ARMS + "Table 2. Nausea\n" + header + "\n| Nausea, n (%) | 5 (15.6) | 8 (25.0) | 2 (6.3) |\n" + foot + "\n")
    study, rows = _rows(text, header, footnote=foot)
    assert study.resolve_column("G1") is None and rows == []


def test_letters_of_grades_are_no_arms():
    header = "| Outcome | A | B | C |"
    foot = "A, mild; B, moderate; C, severe."
    text = (_TWO_ARMS + "Table 2. Mucositis grade\n" + header + "\n| Day 7, n (%) | 5 (7.8) | 8 (12.5) | 2 (3.1) |\n"
            + foot + "\n")
    study, rows = _rows(text, header, footnote=foot)
    assert study.resolve_column("A") is None
    assert not any(r[3] in ("ondansetron", "metoclopramide") for r in rows)


def test_a_list_with_no_arm_of_the_study_makes_the_arms_when_the_text_names_none():
    header = "| Outcome | I (n = 20) | II (n = 21) |"
    foot = "I, cold saline irrigation; II, warm saline irrigation."
    text = ("Methods\nPatients were enrolled over two years.\nResults\nTable 2. Outcomes\n" + header +
            "\n| Bleeding, n (%) | 2 (10.0) | 7 (33.3) |\n" + foot + "\n")
    study, rows = _rows(text, header, footnote=foot)
    assert {a.name for a in study.arms} >= {"cold saline irrigation", "warm saline irrigation"}
    assert {(r[3], r[2]) for r in rows} == {("cold saline irrigation", 20), ("warm saline irrigation", 21)}


# ------------------------------------------------------------------------------------------ whole sample
def test_whole_sample_sizes_from_the_header_or_caption():
    assert whole_sample_size("Table 1", "n = 88", []) == 88
    assert whole_sample_size("Table 1", "Participants (N = 1,204)", []) == 1204
    assert whole_sample_size("Baseline data of the enrolled women (n = 57)", "Value", []) == 57
    assert whole_sample_size("Baseline data of women with anaemia (n = 17)", "Value", []) is None


def test_whole_sample_size_from_the_arms_only_when_the_shares_agree():
    cells = ["40 (45.5)", "12 (13.6)", "61.2 (8.8)"]
    assert whole_sample_size("Table 1. Demographics", "n (%)", [44, 44], cells) == 88
    assert whole_sample_size("Table 1. Demographics", "n (%)", [44, 44], ["40 (90.9)"]) is None     # one arm's
    assert whole_sample_size("Table 1. Demographics", "n (%)", [44, None], cells) is None
    assert whole_sample_size("Table 4. Patients with bleeding", "n (%)", [44, 44], cells) is None  # a subset
    assert whole_sample_size("Table 1. Demographics", "Ondansetron", [44, 44], cells) is None


def test_one_column_table_of_everyone_is_all_patients():
    header = "| Characteristic | Overall |"
    text = (_TWO_ARMS + "Table 1. Characteristics\n" + header + "\n| Female, n (%) | 36 (56.3) |\n"
            "| Age, years, mean (SD) | 38.5 (11.2) |\n| Smoker, n (%) | 10 (15.6) |\n")
    _, rows = _rows(text, header, caption="Table 1. Characteristics")
    assert ("MEAN", 38.5, 64, "all patients", "Age, years") in rows
    assert ("PROPORTION", 0.5625, 64, "all patients", "Female") in rows


def test_one_column_table_of_a_subset_is_not_all_patients():
    header = "| Characteristic | Value |"
    text = (_TWO_ARMS + "Table 4. Characteristics of patients with vomiting\n" + header +
            "\n| Female, n (%) | 7 (50.0) |\n| Age, years, mean (SD) | 41.0 (9.9) |\n")
    _, rows = _rows(text, header, caption="Table 4. Characteristics of patients with vomiting")
    assert not any(r[3] == "all patients" and r[2] == 64 for r in rows)


# ------------------------------------------------------------------------------------------ caption arms
def test_caption_population_names_what_the_people_received():
    from evidence_review.extract.arm_codes import caption_population
    assert caption_population("Table 3. Adverse events in patients receiving metoclopramide") == ["metoclopramide"]
    assert caption_population("Table 4. Scores of children treated with melatonin at 2 and 4 weeks") == ["melatonin"]
    assert caption_population("Table 2. Outcomes in ondansetron-treated women") == ["ondansetron"]
    assert caption_population("Table 2. Plasma ondansetron concentrations") == []
    assert caption_population("Table 5. Characteristics of patients with vomiting") == []


def test_a_table_of_times_whose_caption_names_the_people_by_their_treatment_is_that_arms():
    header = "| Score | Baseline | Day 3 | Day 7 |"
    caption = "Table 3. Nausea scores in patients receiving metoclopramide"
    text = (_TWO_ARMS + caption + "\n" + header + "\n| Nausea VAS, mean (SD) | 5.9 (1.4) | 3.1 (1.2) | 1.8 (0.9) |\n")
    _, rows = _rows(text, header, caption=caption)
    assert rows and {r[3] for r in rows} == {"metoclopramide"}


def test_a_caption_naming_a_drug_as_what_was_measured_gives_no_arm():
    header = "| Measure | Baseline | Day 3 | Day 7 |"
    caption = "Table 3. Plasma ondansetron concentrations"
    text = (_TWO_ARMS + caption + "\n" + header + "\n| Concentration, mean (SD) | 0.0 (0.0) | 31.2 (6.4) | 28.4 (5.1) |\n")
    _, rows = _rows(text, header, caption=caption)
    assert not any(r[3] == "ondansetron" for r in rows)


def test_a_caption_naming_both_arms_gives_no_arm():
    header = "| Score | Baseline | Day 3 |"
    caption = "Table 3. Nausea scores in patients receiving ondansetron or metoclopramide"
    text = (_TWO_ARMS + caption + "\n" + header + "\n| Nausea VAS, mean (SD) | 5.9 (1.4) | 3.1 (1.2) |\n")
    _, rows = _rows(text, header, caption=caption)
    assert not any(r[3] in ("ondansetron", "metoclopramide") for r in rows)


def test_one_column_table_of_one_arm_named_by_its_caption():
    header = "| Event | n (%) |"
    caption = "Table 4. Adverse events in patients receiving ondansetron"
    text = _TWO_ARMS + caption + "\n" + header + "\n| Headache | 4 (12.5) |\n| Constipation | 2 (6.3) |\n"
    _, rows = _rows(text, header, caption=caption)
    assert ("PROPORTION", 0.125, 32, "ondansetron", "Headache") in rows
    assert not any(r[3] == "all patients" for r in rows)


# ------------------------------------------------------------------------------------------ bracket codes, capitals
def test_codes_defined_by_the_bracket_after_each():
    from evidence_review.extract.arm_codes import bracket_definitions
    found = bracket_definitions("Table 1. Comparison of group 1 (ultrasound guided block) and group 2 (no block was given).")
    assert [[(d.code, d.name) for d in one] for one in found] == [[("1", "ultrasound guided block"), ("2", "no block")]]
    assert bracket_definitions("Group A (n = 30) and group B (n = 31) were similar.") == []
    assert bracket_definitions("group A (12 patients) and group B (13 patients)") == []


def test_numbered_groups_a_caption_defines_are_the_arms_of_rows():
    header = "|  | Patients | Operative time, mean ± SD | Wound infection |"
    caption = "Table 2. Comparison of group 1 (mesh fixation) and group 2 (no fixation was used)."
    text = ("Methods\nAll consecutive patients with inguinal hernia were enrolled.\nResults\n" + caption + "\n" + header +
            "\n| Group 1 | 40 | 52.3 ± 8.1 | 3 |\n| Group 2 | 38 | 47.9 ± 7.4 | 5 |\n")
    study, rows = _rows(text, header, caption=caption)
    assert {a.canonical for a in study.arms} >= {"mesh fixation", "no fixation"}
    assert ("MEAN", 52.3, 40, "mesh fixation", "Operative time") in rows
    assert ("MEAN", 47.9, 38, "no fixation", "Operative time") in rows


def test_a_header_in_capitals_names_the_one_arm_whose_name_holds_it():
    from evidence_review.extract.study import build_study
    study = build_study("d", "Methods\nPatients were randomly assigned to morning preparation or PM split-dose "
                             "preparation.\n")
    assert study.resolve_column("PM").canonical == "pm split-dose preparation"
    both = build_study("d", "Methods\nPatients were randomly assigned to AM PEG (n = 51) or PM PEG (n = 49).\n")
    assert both.resolve_column("PEG") is None          # a word both arms' names hold names neither


def test_groups_known_only_by_their_letters_take_the_names_a_footnote_gives():
    header = "| Outcome | Group A (n = 25) | Group B (n = 25) | P |"
    foot = "A, cold saline irrigation; B, warm saline irrigation."
    text = ("Methods\nIn this randomized trial, 50 patients were randomly allocated to group A or group B.\nResults\n"
            "Table 2. Outcomes\n" + header + "\n| Bleeding, n (%) | 2 (8.0) | 7 (28.0) | 0.1 |\n" + foot + "\n")
    study, rows = _rows(text, header, footnote=foot)
    assert {(r[3], r[2]) for r in rows} == {("cold saline irrigation", 25), ("warm saline irrigation", 25)}
    assert study.resolve_column("Group A").canonical == "cold saline irrigation"


def test_a_pooled_column_beside_the_arms_is_all_patients_and_combined_alone_is_not():
    header = "| Characteristic | Ondansetron (n = 32) | Metoclopramide (n = 32) | Pooled (n = 64) |"
    text = (_TWO_ARMS + "Table 1. Baseline characteristics\n" + header +
            "\n| Female, n (%) | 18 (56.3) | 16 (50.0) | 34 (53.1) |\n")
    _, rows = _rows(text, header, caption="Table 1. Baseline characteristics")
    assert ("PROPORTION", 34 / 64, 64, "all patients", "Female") in rows
    from evidence_review.extract.study import WHOLE_POPULATION_HEADER
    assert WHOLE_POPULATION_HEADER.fullmatch("Groups combined") and not WHOLE_POPULATION_HEADER.fullmatch("Combined")


# ------------------------------------------------------------------------------------------ figures of no arm
def _placed(text: str, cell: str, measure: str = "PROPORTION") -> dict:
    at = text.index(cell)
    line_start = text.rindex("\n", 0, at) + 1
    return {"measure": measure, "intervention": "", "value_text": cell, "start": line_start,
            "end": text.index("\n", at)}


def test_figures_of_no_arm_in_a_table_naming_no_arm_are_the_whole_samples():
    from table_grids import pipe_table
    from evidence_review.extract.study import build_study
    from evidence_review.extract.whole_sample import with_whole_sample_arms
    header = "| Outcome | 18-40 years | 41-65 years |"
    text = (_TWO_ARMS + "Table 3. Complications by age\n" + header + "\n| Headache | 3/30 (10.0) | 5/34 (14.7) |\n"
            "| Ondansetron | 2/30 (6.7) | 1/34 (2.9) |\n")
    table = pipe_table(text, header, caption="Table 3. Complications by age")
    study = build_study("d", text, {"tables": [table]})
    rows = [_placed(text, "3/30 (10.0)"), _placed(text, "2/30 (6.7)"),
            dict(_placed(text, "5/34 (14.7)"), intervention="metoclopramide")]
    out = with_whole_sample_arms(rows, {"tables": [table]}, study)
    assert [r["intervention"] for r in out] == ["all patients", "", "metoclopramide"]   # a row naming an arm: not


def test_figures_of_no_arm_under_arm_headers_or_in_a_study_of_one_arm_keep_no_arm():
    from table_grids import pipe_table
    from evidence_review.extract.study import build_study
    from evidence_review.extract.whole_sample import with_whole_sample_arms
    header = "| Outcome | Ondansetron | Metoclopramide |"
    text = _TWO_ARMS + "Table 3. Complications\n" + header + "\n| Headache | 3/30 (10.0) | 5/34 (14.7) |\n"
    table = pipe_table(text, header)
    study = build_study("d", text, {"tables": [table]})
    assert with_whole_sample_arms([_placed(text, "3/30 (10.0)")], {"tables": [table]}, study)[0]["intervention"] == ""
    one = "Methods\nForty adults received melatonin in this open study.\nResults\n"
    header = "| Outcome | 18-40 years | 41-65 years |"
    text = one + "Table 3. Complications by age\n" + header + "\n| Headache | 3/30 (10.0) | 5/34 (14.7) |\n"
    table = pipe_table(text, header)
    study = build_study("d", text, {"tables": [table]})
    assert with_whole_sample_arms([_placed(text, "3/30 (10.0)")], {"tables": [table]}, study)[0]["intervention"] == ""
