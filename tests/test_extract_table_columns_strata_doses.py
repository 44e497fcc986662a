"""What a table's columns are when they are not one arm each (`strata_columns.py`, `table_columns.dose_split_columns`,
`table_arms.abbreviated_arm`, `arm_codes.same_group_codes`): strata of the whole population named by a band of a
measured quantity ("eGFR >= 60 | eGFR 45-59 | eGFR < 45 | p for trend"), blocks of the arms' rows opened by such a
band, a drug's doses under one spanning header, a combination's short name written with spaces ("Ca + D3"), and
group codes spelt another way than the text spells them ("G1 | G2" of "group I" and "group II"). Texts and tables
written for these tests, with negatives: arms as rows under two outcome bands, periods of one arm, a numbered score
column, one dose of a drug beside placebo, a time code beside Roman-numbered groups."""
from __future__ import annotations

from table_grids import read_pipe_table

from evidence_review.extract.arm_codes import same_group_codes
from evidence_review.extract.strata_columns import quantity_band, stratum_label
from evidence_review.extract.table_columns import dose_split_columns


def _read(text: str, header: str, header_rows: int = 1):
    study, rows = read_pipe_table(text, header, header_rows=header_rows)
    return study, rows or []


def _keyed(rows, *fields):
    return {tuple(r.get(f) for f in fields) for r in rows}


# -- bands of a measured quantity --------------------------------------------------------------------------------

def test_a_band_of_a_measured_quantity_names_patients_a_time_a_grade_or_a_dose_does_not():
    for band in ("eGFR ≥ 60 ml/min", "eGFR 45 – 59", "CrCl < 30", "BMI 25-29.9 kg/m2", "HbA1c < 7%",
                 "Platelets ≥ 100 (n = 41)", "LDL-C 2.6 to 4.1 mmol/L"):
        assert quantity_band(band), band
    for other in ("Weeks 0–24", "Day 1-3", "Grade 3-4", "5 mg/day", "p value for trend", "Placebo", "Serum creatinine",
                  "Stage 2-3", "Visit 2-4"):
        assert not quantity_band(other), other
    assert stratum_label("CrCl 30–59 (n = 88)") == "crcl 30–59"
    assert stratum_label("Dose") == ""


_TWO_ARMS = ("Methods\nIn this double-blind trial, 260 adults with type 2 diabetes were randomly assigned to "
             "sitagliptin (n = 130) or glipizide (n = 130).\nResults\n")


def test_columns_that_are_strata_of_the_whole_population_are_all_patients_of_each_stratum():
    header = "| Characteristic | CrCl ≥ 90 | CrCl 60 – 89 | CrCl < 60 | P for trend |"
    text = (_TWO_ARMS + "Table 1. Baseline characteristics by renal function\n" + header +
            "\n| n (%) | 110 (42.3) | 90 (34.6) | 60 (23.1) |  |\n| Age, years | 54.1 ± 9.2 | 60.3 ± 8.8 | 67.4 ± 7.5 | <0.001 |"
            "\n| Insulin use, n (%) | 22 (20.0) | 27 (30.0) | 24 (40.0) | 0.01 |\n")
    _, rows = _read(text, header)
    assert _keyed(rows, "measure", "value", "intervention", "subgroup", "total") >= {
        ("MEAN", 54.1, "all patients", "crcl ≥ 90", 110), ("MEAN", 60.3, "all patients", "crcl 60 – 89", 90),
        ("MEAN", 67.4, "all patients", "crcl < 60", 60)}
    counts = {(r["events"], r["total"], r["subgroup"]) for r in rows if r["measure"] == "PROPORTION"}
    assert counts == {(22, 110, "crcl ≥ 90"), (27, 90, "crcl 60 – 89"), (24, 60, "crcl < 60")}
    assert not any(r["intervention"] in ("sitagliptin", "glipizide") for r in rows)


def test_bands_of_an_outcome_over_arm_rows_are_no_strata():
    # two outcomes side by side ("reached HbA1c < 7%", "< 6.5%") with the arms as rows: the arms' counts
    header = "| Group | HbA1c < 7% | HbA1c < 6.5% |"
    text = (_TWO_ARMS + "Table 3. Patients reaching glycaemic targets at week 24, n (%)\n" + header +
            "\n| Sitagliptin | 61 (46.9) | 40 (30.8) |\n| Glipizide | 52 (40.0) | 31 (23.8) |\n")
    _, rows = _read(text, header)
    assert not any(r["intervention"] == "all patients" or r.get("subgroup") for r in rows)
    assert {r["intervention"] for r in rows} <= {"sitagliptin", "glipizide"}


def test_periods_of_one_arm_are_no_strata():
    header = "| Outcome | Weeks 0–12 | Weeks 12–24 |"
    text = (_TWO_ARMS + "Table 4. Hypoglycaemia in the sitagliptin group\n" + header +
            "\n| Fasting glucose, mmol/L | 7.9 ± 1.4 | 7.4 ± 1.2 |\n")
    _, rows = _read(text, header)
    assert not any(r.get("subgroup") for r in rows)


def test_a_band_heading_row_opens_a_block_of_the_arms_rows_and_is_their_subgroup():
    # "Ca + D3" (the text's own short name, written with spaces) is the arm's column, as "Placebo" is
    text = ("Methods\nIn this trial, 240 women with osteopenia were randomly assigned to placebo (n = 80), "
            "calcium plus vitamin D3 (Ca + D3, n = 80) or alfacalcidol (n = 80).\nResults\n"
            "Table 2. Outcomes by baseline kidney function\n")
    header = "|  | Placebo | Ca + D3 | Alfacalcidol | p value |"
    text += header + ("\n| eGFR ≥ 60 ml/min |  |  |  |  |\n| n | 41 | 44 | 39 |  |\n| Serum PTH, pg/mL | 48.2 ± 11.0 | 42.5 ± 10.4 | 40.1 ± 9.9 | 0.02 |"
                      "\n| eGFR < 60 ml/min |  |  |  |  |\n| n | 39 | 36 | 41 |  |\n| Serum PTH, pg/mL | 63.0 ± 14.1 | 57.7 ± 13.2 | 52.6 ± 12.8 | 0.04 |\n")
    _, rows = _read(text, header)
    assert _keyed(rows, "value", "intervention", "outcome", "subgroup", "total") == {
        (48.2, "placebo", "Serum PTH", "eGFR ≥ 60 ml/min", 41), (42.5, "calcium plus vitamin d3", "Serum PTH", "eGFR ≥ 60 ml/min", 44),
        (40.1, "alfacalcidol", "Serum PTH", "eGFR ≥ 60 ml/min", 39), (63.0, "placebo", "Serum PTH", "eGFR < 60 ml/min", 39),
        (57.7, "calcium plus vitamin d3", "Serum PTH", "eGFR < 60 ml/min", 36), (52.6, "alfacalcidol", "Serum PTH", "eGFR < 60 ml/min", 41)}


# -- a drug's doses under one header -------------------------------------------------------------------------------

_ONE_DRUG = ("Methods\nIn this double-blind trial, 270 women with osteoporosis were randomly assigned to placebo (n = 90) "
             "or ibandronate at one of two daily doses.\nResults\nTable 2. Outcomes at 12 months\n")


def test_doses_under_one_drug_header_are_that_drugs_dose_arms():
    header = "|  | Placebo | Ibandronate | Ibandronate |"
    text = _ONE_DRUG + header + ("\n|  |  | 1 mg/day (n = 91) | 2.5 mg/day (n = 89) |\n| Lumbar spine BMD change, % | 0.6 ± 2.0 | 3.1 ± 2.4 | 4.4 ± 2.7 |"
                                 "\n| New vertebral fractures, n (%) | 9 (10.0) | 5 (5.5) | 4 (4.5) |\n")
    _, rows = _read(text, header, header_rows=2)
    assert _keyed([r for r in rows if r["measure"] == "MEAN"], "value", "intervention", "outcome", "total") == {
        (0.6, "placebo", "Lumbar spine BMD change", 90), (3.1, "ibandronate 1 mg/day", "Lumbar spine BMD change", 91),
        (4.4, "ibandronate 2.5 mg/day", "Lumbar spine BMD change", 89)}
    assert _keyed([r for r in rows if r["measure"] == "PROPORTION"], "events", "intervention", "outcome", "total") == {
        (9, "placebo", "New vertebral fractures", 90), (5, "ibandronate 1 mg/day", "New vertebral fractures", 91),
        (4, "ibandronate 2.5 mg/day", "New vertebral fractures", 89)}


def test_one_dose_of_a_drug_beside_placebo_or_one_dose_twice_is_no_split():
    dose = {"": "", "ibandronate 2.5 mg": "2.5 mg", "ibandronate 1 mg": "1 mg", "ibandronate week 12": ""}.get
    assert dose_split_columns({1: "", 2: "ib"}, {1: "", 2: "ibandronate 2.5 mg"}, dose) == {}
    assert dose_split_columns({1: "ib", 2: "ib"}, {1: "ibandronate 2.5 mg", 2: "ibandronate 2.5 mg"}, dose) == {}
    assert dose_split_columns({1: "ib", 2: "ib"}, {1: "ibandronate 2.5 mg", 2: "ibandronate week 12"}, dose) == {}
    assert dose_split_columns({1: "ib", 2: "ib"}, {1: "ibandronate 1 mg", 2: "ibandronate 2.5 mg"}, dose) == \
        {1: "1 mg", 2: "2.5 mg"}
    header = "|  | Placebo (n = 90) | Ibandronate 2.5 mg/day (n = 89) |"
    text = _ONE_DRUG + header + "\n| Lumbar spine BMD change, % | 0.6 ± 2.0 | 4.4 ± 2.7 |\n"
    _, rows = _read(text, header)
    assert {r["intervention"] for r in rows} == {"placebo", "ibandronate"}


# -- codes spelt two ways ------------------------------------------------------------------------------------------

def test_a_groups_number_is_one_code_however_spelt():
    assert set(same_group_codes("G2")) == {"2", "II"} and set(same_group_codes("III")) == {"3", "G3"}
    assert set(same_group_codes("1")) == {"G1", "I"}
    assert same_group_codes("A") == [] and same_group_codes("T1") == [] and same_group_codes("AB2") == []


_ROMAN_GROUPS = ("Methods\nForty-eight patients with gingivitis were randomly divided into two groups. Group I (n = 24) "
                 "used a herbal mouthwash and group II (n = 24) used a placebo mouthwash.\nResults\n")


def test_g_codes_head_the_columns_of_groups_the_text_numbers_in_roman():
    header = "| Parameter | G1 | G2 | P -value |"
    text = (_ROMAN_GROUPS + "Table 2. Indices at 4 weeks\n" + header +
            "\n| Gingival index | 0.82 ± 0.21 | 1.17 ± 0.30 | 0.0001 (HS) |\n| Plaque index | 0.95 ± 0.25 | 1.31 ± 0.33 | 0.001 (S) |\n")
    study, rows = _read(text, header)
    assert study.resolve_column("G1") is study.arm_of_code("I") is not None
    assert study.resolve_column("G2") is study.arm_of_code("II") is not None
    by = {(r["outcome"], r["value"]): (r["intervention"], r["sd"], r["total"]) for r in rows}
    assert by[("Gingival index", 0.82)][1:] == (0.21, 24) and by[("Gingival index", 1.17)][1:] == (0.3, 24)
    assert by[("Gingival index", 0.82)][0] != by[("Gingival index", 1.17)][0]


def test_time_codes_beside_roman_groups_name_no_group():
    header = "| Parameter | T1 | T2 |"
    text = (_ROMAN_GROUPS + "Table 3. Gingival index over time in group I\n" + header +
            "\n| Gingival index | 1.40 ± 0.31 | 0.82 ± 0.21 |\n")
    study, rows = _read(text, header)
    assert study.resolve_column("T1") is None and study.resolve_column("T2") is None
    header = "| Parameter | A | B |"
    text = _ROMAN_GROUPS + "Table 3. Indices\n" + header + "\n| Gingival index | 1.40 ± 0.31 | 0.82 ± 0.21 |\n"
    study, _ = _read(text, header)
    assert study.resolve_column("A") is None


def test_a_numbered_arm_bracket_may_print_its_size():
    header = "|  | Arm | Arm | Arm |"
    text = ("Methods\nIn this open-label randomized trial, 130 adults with cutaneous leishmaniasis were randomly assigned "
            "to three arms: arm 1 (miltefosine, n = 44), arm 2 (paromomycin cream, n = 45) and arm 3 (cryotherapy, "
            "n = 41).\nResults\nTable 3. Lesion size at day 90\n" + header +
            "\n| Characteristics | 1 | 2 | 3 |\n| Lesion area, cm2 | 1.8 ± 0.9 | 2.2 ± 1.1 | 2.5 ± 1.0 |\n")
    study, rows = _read(text, header, header_rows=2)
    assert sorted((a.canonical, a.n) for a in study.arms) == [("cryotherapy", 41), ("miltefosine", 44),
                                                              ("paromomycin", 45)]
    assert _keyed(rows, "value", "intervention", "total") == {(1.8, "miltefosine", 44), (2.2, "paromomycin", 45),
                                                              (2.5, "cryotherapy", 41)}


def test_a_header_whose_words_ran_into_group_names_the_arm():
    text = ("Methods\nIn this randomized trial, 81 adults with peripheral catheters were assigned to the routine "
            "replacement group (n = 40) or the clinically indicated replacement group (n = 41).\nResults\n")
    header = "| Outcome | Routine replacementgroup | Clinically indicated replacementgroup |"
    text += "Table 2. Outcomes\n" + header + "\n| Phlebitis, n (%) | 5 (12.5) | 6 (14.6) |\n"
    study, rows = _read(text, header)
    routine = study.resolve_column("Routine replacementgroup")
    assert routine is not None and routine is study.resolve_column("Routine replacement group")
    assert {(r["events"], r["total"]) for r in rows} == {(5, 40), (6, 41)}
    assert study.resolve_column("Subgroup") is None


def test_a_short_name_with_a_flattened_subscript_names_its_arm():
    from evidence_review.extract.table_arms import abbreviated_arm
    text = ("Methods\nIn this trial, 160 women were randomly assigned to placebo (n = 80) or calcium plus vitamin D 3 "
            "(Ca + D 3; n = 80).\nResults\n")
    header = "| Outcome | Placebo | Ca + D 3 |"
    text += "Table 2. Outcomes\n" + header + "\n| Falls, n (%) | 14 (17.5) | 9 (11.3) |\n"
    study, rows = _read(text, header)
    assert abbreviated_arm("Ca + D 3", study, text) is abbreviated_arm("Ca+D3", study, text) is not None
    assert {(r["events"], r["total"], r["intervention"] == "placebo") for r in rows} == {(14, 80, True), (9, 80, False)}
    assert abbreviated_arm("Ca + K 2", study, text) is None


def test_a_band_heading_over_rows_without_their_own_sizes_is_no_stratum():
    header = "|  | Sitagliptin | Glipizide | p |"
    text = (_TWO_ARMS + "Table 3. Glycaemic targets\n" + header +
            "\n| HbA1c < 7% |  |  |  |\n| Week 12, n (%) | 40 (30.8) | 33 (25.4) | 0.4 |\n| Week 24, n (%) | 61 (46.9) | 52 (40.0) | 0.3 |\n")
    _, rows = _read(text, header)
    assert rows and not any(r.get("subgroup") for r in rows)


def test_a_short_name_of_the_words_before_the_kind_of_thing_names_its_arm():
    text = ("Methods\nSixty-four adults undergoing thoracoscopy were randomized to serratus anterior plane block or "
            "erector spinae plane block (32 per group). The SAP and ESP groups were similar at baseline.\nResults\n")
    header = "|  | SAP | ESP | p |"
    text += "Table 2. Outcomes\n" + header + "\n| Opioid use, mg | 9.4 ± 3.1 | 13.8 ± 4.6 | 0.002 |\n| Nausea, n (%) | 3 (9.4) | 8 (25.0) | 0.18 |\n"
    _, rows = _read(text, header)
    assert _keyed(rows, "value", "intervention", "total") >= {(9.4, "serratus anterior plane block", 32),
                                                              (13.8, "erector spinae plane block", 32)}
    # letters the text never writes as a group's name, or that begin two arms' initials, name no arm
    from evidence_review.extract.table_arms import abbreviated_arm
    study, _ = _read(text, header)
    assert abbreviated_arm("SA", study, text) is None and abbreviated_arm("ESPB", study, text) is None
    text2 = text.replace("erector spinae plane block", "serratus anterior paravertebral block").replace("ESP", "SPB")
    study2, _ = _read(text2, header.replace("ESP", "SPB"))
    assert abbreviated_arm("SAP", study2, text2) is None


def test_a_header_of_word_beginnings_joined_by_plus_names_the_one_arm_they_begin():
    from evidence_review.extract.study import build_study
    text = ("Methods\nIn this trial, 300 adults were randomly assigned to placebo (n = 100), metformin plus "
            "sitagliptin (n = 100) or glimepiride (n = 100).\n")
    study = build_study("d", text, {"tables": []})
    combination = study.resolve("metformin plus sitagliptin")
    assert combination is not None
    assert study.resolve_column("Met + Sita") is combination and study.resolve_column("Met/Sita") is combination
    # a joining word begins nothing, the order counts, and a piece no word begins names no arm
    assert study.resolve_column("Pl + Sita") is None and study.resolve_column("Sita + Met") is None
    assert study.resolve_column("Met + Glu") is None and study.resolve_column("Pre-op") is None


def test_sub_columns_with_their_own_size_under_a_sized_group_take_their_own():
    from evidence_review.extract.study import split_size
    assert split_size("Dropped out (n = 21) Drug X (n = 12)") == ("Dropped out Drug X", 12)
    assert split_size("Drug X (n = 12)") == ("Drug X", 12) and split_size("Placebo (n = 56) n (%)") == ("Placebo", 56)
    text = ("Methods\nIn this trial, 140 adults were randomly assigned to yoga (n = 70) or a waiting list control "
            "(n = 70).\nResults\nTable 4. Women among those who dropped out\n")
    header = "| Characteristic | Dropped out (n = 21) | Dropped out (n = 21) |"
    text += header + "\n|  | Yoga (n = 12) | Control (n = 9) |\n| Women, n (%) | 7 (58.3) | 5 (55.6) |\n"
    _, rows = _read(text, header, header_rows=2)
    assert {(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"} == {(7, 12), (5, 9)}


def test_strata_of_one_arm_named_by_the_caption_stay_that_arms():
    header = "| Event | Men | Women |"
    text = (_TWO_ARMS + "Table 5. Adverse events in the sitagliptin group by sex\n" + header +
            "\n| Headache, n (%) | 6 (9.2) | 8 (12.3) |\n")
    study, rows = read_pipe_table(text, header, caption="Table 5. Adverse events in the sitagliptin group by sex")
    assert rows and all(r["intervention"] == "sitagliptin" for r in rows or [])
