"""Arm sizes and denominators: bare counts in a table whose arm columns give their sizes, arm percentages whose
arm sizes are printed elsewhere in the document, and arms named by their role ("the intervention group", "group
B") resolved to the study model's arm. Every table and sentence is written here, shaped like the ones met in
trial reports (numbers, names and outcomes invented)."""
from __future__ import annotations

from table_grids import pipe_table, read_pipe_table

from evidence_review.extract.study import build_study


def _read(text: str, header_line: str, caption: str = ""):
    return read_pipe_table(text, header_line, caption)[1] or []


def _cells(rows):
    return [(r["outcome"], r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"]


def test_bare_counts_under_sized_arm_headers_of_a_complications_table_are_proportions():
    text = """Patients were randomly allocated to a bupivacaine group or a lidocaine group.
Table 3. Postoperative complications in the two groups.
|  | Bupivacaine group (n = 80) | Lidocaine group (n = 78) |
| Wound infection | 9* | 2 |
| Haematoma | 0 | 1 |
| Urinary retention | 0 | 0 |
"""
    rows = _read(text, text.split("\n")[2], "Table 3. Postoperative complications in the two groups.")
    assert _cells(rows) == [
        ("Wound infection", "bupivacaine", 9, 80), ("Wound infection", "lidocaine", 2, 78),
        ("Haematoma", "bupivacaine", 0, 80), ("Haematoma", "lidocaine", 1, 78),
        ("Urinary retention", "bupivacaine", 0, 80), ("Urinary retention", "lidocaine", 0, 78)]
    assert all(abs(r["value"] - r["events"] / r["total"]) < 1e-4 for r in rows)


def test_a_label_column_headed_n_makes_bare_cells_counts_of_the_column_size():
    text = """Table 2. Events reported by the patients.
| Symptom (n) | Arm A (n = 51) | Arm B (n = 49) | Arm C (n = 50) |
| Dizziness | 5 | 3 | 0 |
| Dry mouth | 2 | 0 | 4 |
| Total, n (%) | 7 (13.7) | 3 (6.1) | 4 (8.0) |
"""
    rows = _read(text, text.split("\n")[1], "Table 2. Events reported by the patients.")
    got = _cells(rows)
    assert ("Dizziness", "group a", 5, 51) in got and ("Dizziness", "group c", 0, 50) in got
    assert ("Dry mouth", "group b", 0, 49) in got and ("Dry mouth", "group c", 4, 50) in got
    assert len([g for g in got if g[0] == "Total"]) == 3


def test_bare_numbers_of_a_measured_quantity_are_not_counts():
    # a complications table may also print a length of stay or a volume: a unit, or a number above the
    # column's size, says the cells are no counts of its patients
    text = """Table 4. Postoperative complications.
|  | Group A (n = 40) | Group B (n = 40) |
| Hospital stay (days) | 6 | 8 |
| Blood loss, ml | 250 | 310 |
| Fever | 3 | 5 |
"""
    rows = _read(text, text.split("\n")[1], "Table 4. Postoperative complications.")
    assert _cells(rows) == [("Fever", "group a", 3, 40), ("Fever", "group b", 5, 40)]


def test_bare_numbers_without_arm_sizes_or_a_count_caption_stay_unread():
    text = """Table 2. Laboratory values after treatment.
|  | Drug A (n = 30) | Placebo (n = 30) |
| Platelets | 12 | 14 |
"""
    assert _cells(_read(text, text.split("\n")[1], "Table 2. Laboratory values after treatment.")) == []
    text = """Table 3. Adverse events.
|  | Drug A | Placebo |
| Nausea | 4 | 2 |
"""
    assert _cells(_read(text, text.split("\n")[1], "Table 3. Adverse events.")) == []


# ------------------------------------------------------------------ arm sizes printed away from the allocation
def _sizes(text: str) -> dict:
    return {a.canonical: a.n for a in build_study("d", text).arms}


def test_sizes_listed_as_counts_of_role_words():
    text = ("A cluster randomised trial compared a text message reminder intervention with standard care. "
            "In total 1804 mothers (912 interventions and 892 controls) were included.")
    sizes = _sizes(text)
    assert sizes == {"text message reminder": 912, "standard care": 892}


def test_sizes_given_as_name_colon_n_with_other_baseline_fields():
    text = ("Patients were randomized to fluticasone or placebo. Baseline characteristics were similar "
            "(fluticasone: N = 140, FEV1 = 1.42 L; placebo: N = 137, FEV1 = 1.39 L).")
    assert _sizes(text) == {"fluticasone": 140, "placebo": 137}


def test_sizes_given_as_n_colon_name_in_a_bracket():
    text = ("Patients were randomly assigned to erlotinib alone or to cetuximab plus erlotinib. Of the 130 enrolled "
            "patients, 122 (60: erlotinib, 62: cetuximab plus erlotinib) received at least one dose.")
    sizes = {a.name: a.n for a in build_study("d", text).arms}
    assert sizes == {"erlotinib alone": 60, "cetuximab plus erlotinib": 62}


def test_size_of_a_group_the_patients_were_included_as():
    text = ("Fifty-two infants who had bronchiolitis were selected and included as an observation group. Another "
            "fifty infants treated in the previous year were included as a control group. Infants in the observation "
            "group were given nebulized salbutamol.\n"
            "Table 2. Outcomes\n| | Observation group | Control group |\n| Death | 3 | 6 |\n")
    table = pipe_table(text, "| | Observation group | Control group |", caption="Table 2. Outcomes")
    arms = build_study("d", text, {"tables": [table]}).arms
    assert sorted((a.role, a.n) for a in arms) == [("control", 50), ("experimental", 52)]


def test_size_from_the_denominator_of_an_arms_counts():
    text = ("Patients were randomly assigned to dapagliflozin or placebo. The primary outcome occurred in 212 of "
            "2373 patients (8.9%) in the dapagliflozin group and in 281 of 2371 patients (11.9%) in the placebo "
            "group. Among patients with diabetes, 90 of 1075 in the dapagliflozin group had the outcome.")
    assert _sizes(text) == {"dapagliflozin": 2373, "placebo": 2371}


# ------------------------------------------------------------------ arm percentages, arms named by their role
def _proportions(text: str, structure: dict | None = None):
    from evidence_review.extract import extract_one
    rows, _, errors = extract_one("d", text, structure=structure)
    assert not errors
    return sorted((r["intervention"], r["events"], r["total"], round(r["value"], 3)) for r in rows
                  if r["measure"] == "PROPORTION")


def test_combination_and_monotherapy_groups_are_the_add_on_trials_arms():
    text = ("Patients on adalimumab were randomly assigned to add azathioprine or placebo; 150 patients were enrolled "
            "in each arm. Clinical remission at week 16 was more frequent in the combination therapy group compared "
            "with the monotherapy group (62.0% vs. 44.7%; P = 0.002).")
    assert _proportions(text) == [("azathioprine", 93, 150, 0.62), ("placebo", 67, 150, 0.447)]


def test_combination_group_is_the_arm_whose_name_joins_two_treatments():
    text = ("Patients were randomly assigned to erlotinib alone or to cetuximab plus erlotinib. Of the 130 enrolled "
            "patients, 122 (60: erlotinib, 62: cetuximab plus erlotinib) received at least one dose. The objective "
            "response rate at 12 weeks was 41.9% in the combination group and 30.0% in the monotherapy group.")
    got = _proportions(text)
    assert ("cetuximab plus erlotinib", 26, 62, 0.419) in got and ("erlotinib", 18, 60, 0.3) in got


def test_intervention_and_control_group_percentages_take_the_sizes_printed_by_role():
    text = ("A cluster randomised trial compared a text message reminder intervention with standard care. In total "
            "1804 mothers (912 interventions and 892 controls) were included. In the intervention group 61% of the "
            "infants had a hospital admission by 12 months versus 48% in the control group.")
    got = _proportions(text)
    assert ("text message reminder", 556, 912, 0.61) in got and ("standard care", 428, 892, 0.48) in got


def test_a_percentage_beside_an_arm_of_a_colon_sized_list():
    text = ("Patients were randomized to fluticasone or placebo (fluticasone: N = 140, FEV1 = 1.42 L; placebo: "
            "N = 137, FEV1 = 1.39 L). Fewer patients had one or more exacerbations (fluticasone 10.0%; placebo 18.2%; "
            "p = 0.04).")
    got = _proportions(text)
    assert ("fluticasone", 14, 140, 0.1) in got and ("placebo", 25, 137, 0.182) in got


def test_a_count_derived_from_a_percentage_is_flagged_and_a_printed_one_is_not():
    from evidence_review.extract import extract_one
    from evidence_review.tables import EVENTS_FROM_PERCENTAGE, FLAG_REASONS, NOTE_ONLY_FLAGS
    text = ("Patients were randomly assigned to rituximab (n = 80) or placebo (n = 78). Relapse occurred in 15.0% of "
            "the rituximab group and in 30 of 78 patients (38.5%) in the placebo group.")
    rows, _, _ = extract_one("d", text)
    flags = {r["intervention"]: r["flags"] for r in rows if r["measure"] == "PROPORTION"}
    assert flags == {"rituximab": EVENTS_FROM_PERCENTAGE, "placebo": ""}
    assert EVENTS_FROM_PERCENTAGE in NOTE_ONLY_FLAGS      # a note for the reviewer; the row is still pooled
    assert EVENTS_FROM_PERCENTAGE in FLAG_REASONS


# ------------------------------------------------------------------ arms the report names by a letter
def test_lettered_groups_of_an_allocation_are_arms_with_their_sizes():
    text = ("The children were randomly divided into three groups: group A (52 cases) received drops twice daily, "
            "group B (50 cases) once daily and group C (51 cases) saline. The remission rate of each group was: "
            "group A 88.5% (46/52), group B 80.0% (40/50) and group C 51.0% (26/51). Remission was reached by 70% "
            "in group B at week 2.")
    from evidence_review.extract import extract_one
    rows, study, _ = extract_one("d", text)
    assert [(a.name, a.n) for a in study.arms] == [("group A", 52), ("group B", 50), ("group C", 51)]
    got = [(r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"]
    assert got[:3] == [("group a", 46, 52), ("group b", 40, 50), ("group c", 26, 51)]
    assert ("group b", 35, 50) in got


def test_lettered_group_sizes_in_a_bracket_list():
    text = "Results: Forty patients were enrolled (group A: 14, group B: 13, group C: 13)."
    assert [(a.name, a.n) for a in build_study("d", text).arms] == [("group A", 14), ("group B", 13), ("group C", 13)]


def test_a_letter_that_is_no_group_is_no_arm():
    text = ("Patients were randomly assigned to rituximab (n = 40) or placebo (n = 41). Hepatitis B (n = 3) was an "
            "exclusion; vitamin A (12 patients) was allowed.")
    assert sorted(a.canonical for a in build_study("d", text).arms) == ["placebo", "rituximab"]


def test_letters_that_abbreviate_treatments_are_not_lettered_groups():
    # "group KM" and "group M" abbreviate ketamine-midazolam and midazolam: the drug arms, not new ones
    text = ("Children were randomly allocated to receive oral midazolam (group M, 40 patients) or ketamine-midazolam "
            "(group KM, 41 patients). Group M (40 patients) received midazolam while group KM (41 patients) received "
            "ketamine in addition.")
    names = [a.canonical for a in build_study("d", text).arms]
    assert "group m" not in names and "group km" not in names


def test_an_n_pct_cell_whose_percentage_is_of_fewer_patients_keeps_the_columns_n_flagged():
    # "14 (45.2%)" under a column of 34: 45.2% is 14 of 31 (three answers missing); the count stays over 34
    text = """Patients were randomized to drug A or drug B.
Table 1. Characteristics of the infants.
|  | Drug A (n = 34) | Drug B (n = 32) |
| Age 6-12 months, n (%) | 14 (45.2) | 16 (50.0) |
"""
    rows = _read(text, text.split("\n")[2], "Table 1. Characteristics of the infants.")
    got = {r["intervention"]: (r["events"], r["total"], r["flags"]) for r in rows}
    assert got == {"drug a": (14, 34, "percentage_of_fewer"), "drug b": (16, 32, "")}
    assert "of 31" in next(r["needs_review"] for r in rows if r["intervention"] == "drug a")


def test_every_arms_size_from_groups_of_n():
    text = ("Patients were randomly assigned to receive propofol or etomidate for sedation. Eighty patients were "
            "randomly allocated to 2 groups of 40 (83% male). Hypotension occurred in 12.5% of the propofol group.")
    assert _sizes(text) == {"propofol": 40, "etomidate": 40}
    # three groups of 25 say nothing of a two-arm comparison
    text = ("Patients were randomly assigned to receive propofol or etomidate for sedation. They were divided into "
            "three groups of 25 by age.")
    assert _sizes(text) == {"propofol": None, "etomidate": None}


def test_the_patients_who_had_an_event_shared_out_by_arm_are_counts_of_each_arm_never_shares():
    text = ("Patients were randomly assigned to propofol (n = 40) or etomidate (n = 40). Out of the 10 patients who "
            "had a relapse, 7 (70.0%) patients were in propofol group and 3 (30.0%) were in etomidate group. "
            "Relapse occurred in 5 (12.5%) patients in the propofol group.")
    # (session 15: the 10 shared out by arm are each arm's relapses over its size, 7 of 40 and 3 of 40
    # (proportions.event_people_by_arm); the shares of the 10 (70%, 30%) are never an arm's proportion)
    assert _proportions(text) == [("etomidate", 3, 40, 0.075), ("propofol", 5, 40, 0.125), ("propofol", 7, 40, 0.175)]


def test_a_percentage_of_a_group_the_tables_print_takes_that_groups_size():
    # 21.6% of 8 is of the 37 still on the drug (printed in Table 1), not of the arm's 47; a cell that prints its
    # own total keeps it
    text = """Patients were randomized to drug A or drug B.
Table 1. Adherence.
|  | Drug A (n = 46) | Drug B (n = 47) |
| On study drug at the end | 38 (82.6) | 37 (78.7) |
Table 2. Outcomes.
| Outcome | Drug A (n = 46) | Drug B (n = 47) |
| Access failure among those on drug, n (%) | 2 (5.26) | 8 (21.62) |
| Resistant isolates | 13/16 (81.2) | 15/37 (40.5) |
"""
    lines = text.split("\n")
    first = pipe_table(text, lines[2], table_id="T1", caption="Table 1. Adherence.")
    second = pipe_table(text, lines[5], table_id="T2", caption="Table 2. Outcomes.")
    from evidence_review.extract.table_reader import read_tables
    study = build_study("d", text, {"tables": [first, second]})
    rows, _ = read_tables("d", text, {"tables": [first, second]}, study)
    got = [(r["outcome"][:15], r["intervention"], r["events"], r["total"], r["flags"]) for r in rows
           if r["outcome"].startswith(("Access", "Resistant"))]
    assert got == [("Access failure ", "drug a", 2, 38, "total_from_percentage"),
                   ("Access failure ", "drug b", 8, 37, "total_from_percentage"),
                   ("Resistant isola", "drug a", 13, 16, ""), ("Resistant isola", "drug b", 15, 37, "")]


def test_a_drug_named_combination_group_is_not_the_combination_arm():
    text = ("Patients were randomly assigned to pembrolizumab plus chemotherapy (n = 410) or placebo plus chemotherapy "
            "(n = 206). Death occurred in 12.0% of the placebo-combination group.")
    assert _proportions(text) == [("placebo", 25, 206, 0.12)]


def test_a_derived_count_restating_a_tables_percentage_gives_way_to_the_table():
    from evidence_review.extract import extract_one
    text = """Patients were randomly assigned to drug A (n = 410) or placebo (n = 206). Serious adverse events occurred \
in 67.2% of the patients in the drug A group and in 65.8% of those in the placebo group.
Table 3. Adverse events (safety population).
| Event | Drug A (N = 405) | Placebo (N = 202) |
| Grade 3, 4, or 5, n (%) | 272 (67.2) | 133 (65.8) |
"""
    table = pipe_table(text, "| Event | Drug A (N = 405) | Placebo (N = 202) |", caption="Table 3. Adverse events (safety population).")
    rows, _, _ = extract_one("d", text, structure={"tables": [table]})
    got = sorted((r["intervention"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert got == [("drug a", 272, 405), ("placebo", 133, 202)]


def test_a_column_of_unknown_size_keeps_its_printed_share():
    from evidence_review.extract.table_reader import _check_denominator
    parsed = {"measure": "PROPORTION", "events": 9, "total": None, "value": 0.225, "pct_text": "22.5"}
    _check_denominator(parsed, None, None, [40])
    assert (parsed["total"], parsed["value"]) == (None, 0.225)
    parsed = {"measure": "PROPORTION", "events": 9, "total": 38, "value": 9 / 38, "pct_text": "22.5"}
    _check_denominator(parsed, 38, None, [40])
    assert parsed["total"] == 38 and "another arm" in parsed["needs_review"]


# ---------------------------------------------------- the size the table's categories show, against the text's
_ENROLLED_THEN_ANALYSED = """Villages were randomised to an intervention arm (home visits) or a control arm. In total 1,280 \
pregnant women were enrolled (700 control and 580 intervention).
A total of 1100 pregnant women were analysed: 600 and 500 in the control and intervention arms respectively.
"""


def test_shares_of_the_size_the_tables_categories_add_up_to_take_it_over_the_enrolled_arm():
    # the study model sizes the arms at enrolment (700, 580); the table's categories add up to the 600 and 500 analysed
    # ("Number of visits"), or to fewer where answers are missing ("Place of delivery", 590 and 488); a row of a
    # multiple-response block ("Secured warm clothing") prints the share of the 600 and 500, never of 700 and 580
    text = _ENROLLED_THEN_ANALYSED + """Table 3. Care practices after the intervention.
| Variables | Control n(%) | Intervention n(%) |
| Birth preparation (multiple response) | Birth preparation (multiple response) | Birth preparation (multiple response) |
| Secured warm clothing | 480 (80.0) | 455 (91.0) |
| Saved some money | 213 (35.5) | 301 (60.2) |
| Number of visits | Number of visits | Number of visits |
| One or two | 330 (55.0) | 260 (52.0) |
| Three or more | 270 (45.0) | 240 (48.0) |
| Place of delivery | Place of delivery | Place of delivery |
| Health centre | 354 (60.0) | 400 (82.0) |
| Home | 236 (40.0) | 88 (18.0) |
"""
    study, rows = read_pipe_table(text, "| Variables | Control n(%) | Intervention n(%) |",
                                  "Table 3. Care practices after the intervention.")
    assert sorted(a.n for a in study.arms) == [580, 700]
    got = {(r["outcome"].split(": ")[-1], r["intervention"]): (r["events"], r["total"]) for r in rows}
    assert got[("Secured warm clothing", "control")] == (480, 600)
    assert got[("Secured warm clothing", "intervention")] == (455, 500)
    assert got[("Saved some money", "control")] == (213, 600)
    assert got[("Saved some money", "intervention")] == (301, 500)
    assert got[("Three or more", "control")] == (270, 600) and got[("Home", "intervention")] == (88, 488)
    flagged = next(r for r in rows if r["outcome"].endswith("Saved some money") and r["intervention"] == "control")
    assert flagged["flags"] == "total_from_percentage" and "of 600" in flagged["needs_review"]


def test_a_share_of_no_size_the_table_shows_keeps_the_arms_n():
    # 31.3% of 175 is 559, no size the categories add up to (600): the count stays over the arm's 700, flagged
    text = _ENROLLED_THEN_ANALYSED + """Table 2. Care practices.
| Variables | Control n(%) | Intervention n(%) |
| Number of visits | Number of visits | Number of visits |
| One or two | 330 (55.0) | 260 (52.0) |
| Three or more | 270 (45.0) | 240 (48.0) |
| Referral | Referral | Referral |
| Referred to hospital | 175 (31.3) | 150 (30.0) |
"""
    _, rows = read_pipe_table(text, "| Variables | Control n(%) | Intervention n(%) |", "Table 2. Care practices.")
    got = {(r["outcome"].split(": ")[-1], r["intervention"]): (r["events"], r["total"], r["flags"]) for r in rows}
    assert got[("Referred to hospital", "control")] == (175, 700, "percentage_of_fewer")
    assert got[("Referred to hospital", "intervention")] == (150, 500, "total_from_percentage")


def test_a_categories_sum_overrules_the_size_a_lone_share_implied_from_a_printed_count():
    # "18 (3.5)" alone implies 514, a count the table prints; its block ("Material for tying the cord") adds up to
    # 512 and every share there is of 512: the block's sum is its total, as for the block's other rows
    text = _ENROLLED_THEN_ANALYSED + """Table 3. Newborn care practices.
| Variables | Control n(%) | Intervention n(%) |
| Material for tying the cord | Material for tying the cord | Material for tying the cord |
| Clean thread | 514 (85.7) | 452 (88.3) |
| Old cloth | 50 (8.3) | 42 (8.2) |
| Rags | 36 (6.0) | 18 (3.5) |
"""
    _, rows = read_pipe_table(text, "| Variables | Control n(%) | Intervention n(%) |", "Table 3. Newborn care practices.")
    got = {(r["outcome"].split(": ")[-1], r["intervention"]): (r["events"], r["total"], r["flags"]) for r in rows}
    assert got[("Rags", "intervention")] == (18, 512, "total_from_percentage")
    assert got[("Clean thread", "intervention")] == (452, 512, "total_from_percentage")
    assert got[("Rags", "control")] == (36, 600, "total_from_percentage")


def test_an_exhaustive_sum_and_the_size_a_share_fits():
    from evidence_review.extract.denominators import exhaustive_sum, fitting_size
    assert exhaustive_sum([(360, "48.3"), (58, "7.8"), (328, "44.0")]) == 746
    assert exhaustive_sum([(480, "80.0"), (213, "35.5")]) is None        # multiple responses: of more than their sum
    assert exhaustive_sum([(12, "40.0")]) is None
    assert fitting_size(480, "80.0", 700, {600, 590}) == 600
    assert fitting_size(6, "0.8", 893, {758, 746, 741}) == 758        # several fit: the largest, the table's whole
    assert fitting_size(480, "68.6", 700, {600}) is None              # of the arm's own n
    assert fitting_size(175, "31.3", 700, {600}) is None              # of no size the table shows


_ODDS_RATIO_TABLE = _ENROLLED_THEN_ANALYSED + """Table 4. Outcome differences between control and intervention women.
| Indicator | Control | Intervention | uOR(95%CI) | p-value | aOR(95%CI) | p-value |
| ANC visits |  |  |  |  |  |  |
| 0-2 | 180 (30.0) | 75 (15.0) |  |  |  |  |
| 3/more | 420 (70.0) | 425 (85.0) | 2.43(0.95-6.20) | 0.06 | 2.10(0.80-5.50) | 0.13 |
| Cord care |  |  |  |  |  |  |
| Unclean | 413 (70.0) | 200 (40.8) |  |  |  |  |
| Clean | 177 (30.0) | 290 (59.2) | 3.38(1.80-6.35) | <0.001 | 3.12(1.66-5.86) | <0.001 |
| Newborn care seeking |  |  |  |  |  |  |
| Untimely | 60 (37.5) | 20 (12.5) |  |  |  |  |
| Timely | 100 (62.5) | 140 (87.5) | 4.20(1.40-12.60) | 0.01 | 4.50(1.50-13.50) | 0.007 |
"""


def test_unadjusted_and_adjusted_odds_ratio_columns_are_each_read():
    # "uOR(95%CI)" is the crude ratio (adjusted "no"), "aOR(95%CI)" the adjusted one: both, each with its interval
    _, rows = read_pipe_table(_ODDS_RATIO_TABLE, _ODDS_RATIO_TABLE.split("\n")[3],
                              "Table 4. Outcome differences between control and intervention women.")
    got = sorted((r["outcome"].split(": ")[0], r["value"], r["ci_low"], r["ci_high"], r["adjusted"])
                 for r in rows if r["measure"] == "OR")
    assert got == [("ANC visits", 2.1, 0.8, 5.5, "yes"), ("ANC visits", 2.43, 0.95, 6.2, "no"),
                   ("Cord care", 3.12, 1.66, 5.86, "yes"), ("Cord care", 3.38, 1.8, 6.35, "no"),
                   ("Newborn care seeking", 4.2, 1.4, 12.6, "no"), ("Newborn care seeking", 4.5, 1.5, 13.5, "yes")]
    from evidence_review.extract.column_roles import ratio_name
    assert ratio_name("uOR") == "OR" and ratio_name("cHR") == "HR" and ratio_name("aOR") == "OR"


def test_count_and_share_cells_beside_unadjusted_and_adjusted_odds_ratios_are_counts_of_their_blocks_sum():
    # no header declares "n (%)"; each characteristic's categories add up to the patients asked (600 and 500, 590 and
    # 490, the 160 and 160 newborns who were ill) and every share is of that sum: counts, never means with their SD
    _, rows = read_pipe_table(_ODDS_RATIO_TABLE, _ODDS_RATIO_TABLE.split("\n")[3],
                              "Table 4. Outcome differences between control and intervention women.")
    arm_rows = [r for r in rows if r["comparator"] in (None, "")]
    assert {r["measure"] for r in arm_rows} == {"PROPORTION"}
    got = {(r["outcome"].split(": ")[-1], r["intervention"]): (r["events"], r["total"]) for r in arm_rows}
    assert got[("0-2", "control")] == (180, 600) and got[("3/more", "intervention")] == (425, 500)
    assert got[("Unclean", "control")] == (413, 590) and got[("Clean", "intervention")] == (290, 490)
    assert got[("Untimely", "control")] == (60, 160) and got[("Timely", "intervention")] == (140, 160)
    flagged = next(r for r in arm_rows if r["outcome"].endswith("Clean") and r["intervention"] == "intervention")
    assert flagged["flags"] == "total_from_percentage" and "490" in flagged["needs_review"]


def test_block_sizes_are_the_sums_each_share_is_of():
    from evidence_review.extract.denominators import block_sizes
    assert block_sizes([{1: "413 (70.0)", 2: "200 (40.8)"}, {1: "177 (30.0)", 2: "290 (59.2)"}]) == {1: 590, 2: 490}
    # a column with a cell of another shape, or shares of another number, has none
    assert block_sizes([{1: "413 (70.0)", 2: "20.4 ± 3.1"}, {1: "177 (30.0)", 2: "290 (59.2)"}]) == {1: 590}
    assert block_sizes([{1: "480 (80.0)"}, {1: "213 (35.5)"}]) == {}
    # a column whose n every share also fits keeps it (998 of 1000 at one decimal), as does one of fewer patients
    assert block_sizes([{1: "499 (50.0)"}, {1: "499 (50.0)"}], {1: 1000}) == {}
    assert block_sizes([{1: "413 (70.0)"}, {1: "177 (30.0)"}], {1: 400}) == {}
    assert block_sizes([{1: "413 (70.0)"}, {1: "177 (30.0)"}], {1: 700}) == {1: 590}


def test_a_subgroups_two_shares_are_no_size_of_a_column_counting_more():
    # "60 (37.5)" and "100 (62.5)" imply 160 without doubt, the other shares none; but the column counts 300 and 354:
    # the arm keeps its 700, and a row under no block of categories is of it, never a mean with its SD
    text = _ENROLLED_THEN_ANALYSED + """Table 4. Outcomes.
| Indicator | Control | Intervention |
| ANC visits |  |  |
| 0-2 | 300 (50.0) | 75 (15.0) |
| 3/more | 300 (50.0) | 425 (85.0) |
| Cord care |  |  |
| Unclean | 354 (60.0) | 200 (40.8) |
| Clean | 236 (40.0) | 290 (59.2) |
| Newborn care seeking |  |  |
| Untimely | 60 (37.5) | 20 (12.5) |
| Timely | 100 (62.5) | 140 (87.5) |
| Birth preparation (multiple response) |  |  |
| Saved some money | 350 (50.0) | 290 (50.0) |
| Identified transport | 140 (20.0) | 145 (25.0) |
"""
    _, rows = read_pipe_table(text, "| Indicator | Control | Intervention |", "Table 4. Outcomes.")
    got = {(r["outcome"].split(": ")[-1], r["intervention"]): (r["measure"], r["events"], r["total"]) for r in rows}
    assert got[("Saved some money", "control")] == ("PROPORTION", 350, 700)
    assert got[("Identified transport", "control")] == ("PROPORTION", 140, 700)
    assert got[("Untimely", "control")] == ("PROPORTION", 60, 160)
