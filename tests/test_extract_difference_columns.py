"""Difference columns of a results table: a column named by the difference sign ("δ (95% CI)" under "Δ(A) – Δ(B) (n =
60)") is the arms' difference, not a third arm of both arms' size; an "absolute difference" column is of whatever the
arms print (their means give a mean difference, not a risk difference); the arms a comparison header names by the
table's own column names ("Enhanced vs. Basic" over "Basic | Enhanced") and the order a footnote declares ("Mean
difference = placebo − drug") orient the differences. Every text and table here is written for the test, numbers and
names changed."""
from __future__ import annotations

from table_grids import pipe_table, read_pipe_table as _read

from evidence_review.extract.column_roles import column_role, names_difference
from evidence_review.extract.orientation import declared_order, orient_by_declared_order
from evidence_review.extract.study import build_study, is_arm_header
from evidence_review.extract.table_effects import columns_compared, model_means
from evidence_review.extract.table_reader import read_tables


def test_a_difference_sign_before_an_interval_or_between_two_changes_names_a_difference():
    for text in ["δ (95% CI)", "Δ [95% CI]", "∆, 95% CI", "Δ(Drug) – Δ(Placebo)", "ΔDrug − ΔPlacebo",
                 "Δ(Iron) - Δ(Control) (n = 60)", "δ1 vs δ2", "ΔA) – Δ(B) (n = 50) δ (95% CI)"]:
        assert names_difference(text), text
    # negatives: an arm's change, a change's name with a time span, an arm's name, a Greek letter of a measure
    for text in ["Δ", "Δ from baseline", "Δ (baseline – week 12)", "Change (95% CI)", "Placebo (n = 40)",
                 "δ-tocopherol (mg)", "Δ weight, kg", "Drug A – placebo"]:
        assert not names_difference(text), text


def test_a_column_under_a_difference_of_changes_is_the_difference_and_no_arm():
    parts = ("Δ(Iron) – Δ(Control) (n = 60)", "δ (95% CI)")
    assert column_role(parts, ["2.1 (-0.4–4.6)", "-1.3 (-3.0–0.4)"]) == "difference"
    assert column_role(("Δ(Iron) – Δ(Control) (n = 60)", "P-value"), ["0.12", "<0.001"]) == "p"
    assert column_role(("Iron (n = 30)", "Baseline"), ["12 (9–15)"]) is None
    assert not is_arm_header("Δ(Iron) – Δ(Control) (n = 60) δ (95% CI)")
    assert is_arm_header("Iron (n = 30)")


def test_a_difference_column_after_per_arm_medians_is_read_as_the_arms_mean_difference():
    text = """Sixty adults with anaemia were randomized to iron (n = 30) or control (n = 30) for 12 weeks.
Table 2. Haematology before and after treatment
| Marker | Iron (n = 30) | Iron (n = 30) | Iron (n = 30) | Control (n = 30) | Control (n = 30) | Control (n = 30) | Δ(Iron) – Δ(Control) (n = 60) | Δ(Iron) – Δ(Control) (n = 60) |
| | Baseline | Post | P-value | Baseline | Post | P-value | δ (95% CI) | P-value |
| Ferritin (ng/mL) | 21 (14-30) | 48 (35-66) | <0.001 | 23 (15-31) | 25 (17-33) | 0.41 | 22.7 (-3.1–48.5) | 0.08 |
| Haemoglobin (g/dL) | 10.9 (10.1-11.6) | 12.0 (11.2-12.7) | <0.001 | 11.0 (10.2-11.5) | 11.2 (10.4-11.9) | 0.30 | 0.9 (0.4–1.4) | 0.002 |
"""
    study, rows = _read(text, text.split("\n")[2], "Table 2. Haematology before and after treatment", header_rows=2)
    differences = [r for r in rows if r["measure"] == "MD"]
    assert sorted((r["value"], r["ci_low"], r["ci_high"]) for r in differences) == [(0.9, 0.4, 1.4), (22.7, -3.1, 48.5)]
    assert all(r["intervention"] == "iron" and r["comparator"] == "control" for r in differences), differences
    # no arm of 60, and no median of both arms read from the difference column
    assert not any(r.get("total") == 60 for r in rows)
    assert not any(r["measure"] == "MEDIAN" and r["value"] in (22.7, 0.9) for r in rows)
    assert {a.name.lower() for a in study.arms} <= {"iron", "control"}


def test_an_absolute_difference_of_the_arms_means_is_a_mean_difference_of_their_counts_a_risk_difference():
    text = """Ninety adults were randomized to coaching or usual care.
Table 2. Change over 12 months
| Characteristic | Mean change (SD) | Mean change (SD) | Absolute difference between groups (95% CI) | P |
| Characteristic | Usual care | Coaching | Coaching vs. usual care | P |
| Weight (kg) | 1.6 (4.8) | -0.9 (5.0) | -2.41 (-4.40, -0.42) | 0.02 |
| Waist (cm) | 0.7 (3.9) | -1.2 (4.1) | -1.86 (-3.55, -0.17) | 0.03 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Change over 12 months", header_rows=2)
    effects = sorted((r["measure"], r["value"], r["ci_low"]) for r in rows if r["measure"] not in ("MEAN", "PROPORTION"))
    assert effects == [("MD", -2.41, -4.4), ("MD", -1.86, -3.55)]
    assert all(r["intervention"] == "coaching" for r in rows if r["measure"] == "MD")
    # negative: the arms' counts make the same header's differences risk differences, in percentage points
    text = """Ninety adults were randomized to coaching (n = 45) or usual care (n = 45).
Table 3. Outcomes at 12 months
| Outcome | Coaching (n = 45) | Usual care (n = 45) | Absolute difference (95% CI) |
| Weight loss ≥5% | 18 (40.0) | 9 (20.0) | 20.0 (1.4 to 38.6) |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Outcomes at 12 months")
    assert [(r["measure"], r["value"]) for r in rows if r["measure"] not in ("MEAN", "PROPORTION")] == [("RD", 0.2)]


def test_the_arms_a_comparison_header_names_by_the_tables_own_column_names():
    names = {1: "Basic", 2: "Enhanced"}
    assert columns_compared("Absolute difference between groups LSM (95% CI) Enhanced vs. Basic", names) == (2, 1)
    assert columns_compared("Basic minus Enhanced", names) == (1, 2)
    assert columns_compared("Difference, Enhanced – Basic", names) == (2, 1)
    # negatives: one name only, no join between them, a name printed twice, a third column's name
    assert columns_compared("Difference vs. Basic", names) is None
    assert columns_compared("Enhanced and Basic combined", names) is None
    assert columns_compared("Enhanced vs. Basic vs. Enhanced", names) is None
    assert columns_compared("Difference (95% CI)", names) is None
    # a name inside a longer one is the longer one's
    assert columns_compared("Drug + diet vs. Drug", {1: "Drug", 2: "Drug + diet"}) == (2, 1)


def test_a_model_names_its_least_squares_means_by_abbreviation():
    assert model_means("Absolute difference between groups LSM (95% CI)")
    assert model_means("LSMD (95% CI)") and model_means("Difference in LS means")
    assert not model_means("Mean difference (95% CI)") and not model_means("lsm protocol")


class _Arm:
    def __init__(self, name):
        self.name = self.canonical = name


def test_the_order_a_tables_notes_declare_for_its_differences():
    arms = {"placebo": _Arm("placebo"), "drug x": _Arm("drug x")}
    resolve = lambda t: arms.get(t.strip().lower())     # noqa: E731
    for notes in ["Mean difference = placebo-drug X.", "Differences were calculated as placebo minus drug X;",
                  "Abbreviations: BMI body mass index.\nTreatment difference (placebo − drug X)"]:
        found = declared_order(notes, resolve)
        assert found is not None and (found[0].name, found[1].name) == ("placebo", "drug x"), notes
    # negatives: no order declared, sides that are no arms, two different orders
    assert declared_order("Mean difference (95% CI) between groups.", resolve) is None
    assert declared_order("Difference = post-pre.", resolve) is None
    assert declared_order("Mean difference = placebo-drug X. Risk difference = drug X-placebo.", resolve) is None
    rows = [dict(measure="MD", intervention="drug x", comparator="placebo", value=1.2),
            dict(measure="HR", intervention="drug x", comparator="placebo", value=0.8),
            dict(measure="MD", intervention="placebo", comparator="drug x", value=0.4)]
    orient_by_declared_order(rows, (arms["placebo"], arms["drug x"]), lambda a: {a.name})
    assert [(r["intervention"], r["value"]) for r in rows] == [("placebo", 1.2), ("drug x", 0.8), ("placebo", 0.4)]


def test_a_footnote_declaring_placebo_minus_drug_turns_the_tables_differences():
    text = """Forty adults were randomized to drug X or placebo in a crossover trial.
Table 3. Effect of drug X vs. placebo on metabolic markers
| | Mean difference | 95% CI for the difference | P-value |
| Glucose (mg/dL) | -4.10 | -15.2 to 7.0 | 0.46 |
| Insulin (μIU/mL) | 0.35 | -0.10 to 0.80 | 0.12 |
Mean difference = placebo-drug X.
"""
    header = text.split("\n")[2]
    table = pipe_table(text, header, caption="Table 3. Effect of drug X vs. placebo on metabolic markers")
    table["end"] = text.index("Mean difference = placebo") + len("Mean difference = placebo-drug X.")
    study = build_study("d", text, {"tables": [table]})
    rows, _ = read_tables("d", text, {"tables": [table]}, study)
    differences = [r for r in rows if r["measure"] == "MD"]
    assert len(differences) == 2
    assert all(r["intervention"] == "placebo" and r["comparator"] != "placebo" for r in differences), differences
    # negative: without the footnote the caption's order stands
    text = text.replace("Mean difference = placebo-drug X.\n", "")
    table = pipe_table(text, header, caption="Table 3. Effect of drug X vs. placebo on metabolic markers")
    study = build_study("d", text, {"tables": [table]})
    rows, _ = read_tables("d", text, {"tables": [table]}, study)
    assert all(r["comparator"] == "placebo" for r in rows if r["measure"] == "MD")


def test_a_within_group_p_glued_to_its_qualifier_or_in_brackets_names_a_p_value():
    from evidence_review.extract.column_roles import names_p
    for text in ["(pintra)", "pinter", "Ptrend", "(P value)", "[p]", "p-intra", "pinteraction"]:
        assert names_p(text), text
    # negatives: a unit, an arm coded in brackets, a word beginning with p
    for text in ["pint", "(PL)", "(Placebo)", "Pin", "(n)", "Post"]:
        assert not names_p(text), text


def test_a_within_group_p_column_between_the_arm_columns_is_no_mean():
    text = """Thirty-two patients were randomized to herbal extract or placebo for 4 weeks.
Table 3. Laboratory tests
| Variable | Period | Herbal group (n = 16) | Herbal group (n = 16) | Placebo group (n = 16) | Placebo group (n = 16) | p |
| Variable | Period | Mean ± SD | (pintra) | Mean ± SD | (pintra) | p |
| Albumin | 0 weeks | 4.10 ± 0.32 | | 4.02 ± 0.41 | | 0.55 |
| Albumin | 4 weeks | 4.21 ± 0.30 | 0.318 | 4.05 ± 0.37 | 0.624 | 0.19 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Laboratory tests", header_rows=2)
    means = sorted(r["value"] for r in rows if r["measure"] == "MEAN")
    assert means == [4.02, 4.05, 4.1, 4.21], means


def test_a_count_of_events_beside_the_arms_count_of_patients_is_no_second_proportion():
    from evidence_review.extract.column_roles import event_count_columns
    paths = {1: ["Drug X N = 150", "Number of patients (%)"], 2: ["Drug X N = 150", "Number of events"],
             3: ["Placebo N = 148", "Patients, n (%)"], 4: ["Placebo N = 148", "No. of events"]}
    assert event_count_columns(paths) == {2, 4}
    # negatives: events alone under each arm (the patients counted so), events over no arm, events and a share
    assert event_count_columns({1: ["Drug X", "Events"], 2: ["Placebo", "Events"]}) == set()
    assert event_count_columns({1: ["Number of events"], 2: ["Number of patients (%)"]}) == set()
    assert event_count_columns({1: ["Drug X", "Events"], 2: ["Drug X", "%"]}) == set()
    text = """Three hundred adults were randomized to drug X or placebo.
Table 3. Adverse drug reactions
| | Drug X N = 150 | Drug X N = 150 | Placebo N = 148 | Placebo N = 148 |
| | Number of patients (%) | Number of events | Number of patients (%) | Number of events |
| Any reaction | 4 (2.7) | 6 | 2 (1.4) | 2 |
| Headache | 0 (0.0) | 0 | 1 (0.7) | 1 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 3. Adverse drug reactions", header_rows=2)
    shares = sorted((r["outcome"], r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION")
    assert shares == [("Any reaction", 2, 148), ("Any reaction", 4, 150), ("Headache", 0, 150), ("Headache", 1, 148)]


def test_an_adjusted_ratio_abbreviated_with_adj_glued_before_it_is_that_ratio():
    from evidence_review.extract import extract_document
    text = ("Adults were randomized to peer coaching (intervention) or leaflets (comparison). Relapse was 31/90 (34.4%) vs "
            "40/91 (44.0%) AdjOR 0.66, CI 0.36 to 1.21) and readmission AdjHR 0.81, 95% CI 0.55 to 1.19.")
    found = sorted((r["measure"], r["value"], r["ci_low"]) for r in extract_document("d", text)
                   if r["measure"] not in ("PROPORTION",))
    assert found == [("HR", 0.81, 0.55), ("OR", 0.66, 0.36)], found
    # negative: a word beginning with "Adj" names no ratio
    text = "Adults were randomized to A or B. Adjustment for age changed the mean by 0.66 (CI 0.36 to 1.21)."
    assert not [r for r in extract_document("d", text) if r["measure"] in ("OR", "HR", "RR")]


def test_a_model_terms_effect_column_of_p_values_is_no_difference():
    assert column_role(("Group effect",), ["0.456", "0.456", "0.176", "<0.001"]) == "p"
    assert column_role(("Period effect",), ["0.028", "0.118"]) == "p"
    assert column_role(("Group × time effect",), ["0.61"]) == "p"
    # negatives: an estimate's column, and a term's column printing effects beyond 0 to 1
    assert column_role(("Session effect",), ["0.012", "0.34"]) == "p"
    assert column_role(("Treatment effect",), ["0.45", "0.31"]) is None
    assert column_role(("Intervention effect",), ["0.45", "0.31"]) is None
    assert column_role(("Group effect",), ["-2.1 (-3.0 to -1.2)", "1.4"]) is None
    text = """Thirty-two patients were randomized to herbal extract or placebo for 4 weeks.
Table 2. Appetite scores
| Variable | Period | Herbal group (n = 16) | Placebo group (n = 16) | p | Group effect | Period effect |
| Variable | Period | Mean ± SD | Mean ± SD | p | Group effect | Period effect |
| Appetite score | 0 weeks | 28.4 ± 5.1 | 29.0 ± 5.6 | | 0.512 | 0.031 |
| Appetite score | 4 weeks | 33.2 ± 6.0 | 31.8 ± 6.4 | | 0.512 | 0.031 |
"""
    _, rows = _read(text, text.split("\n")[2], "Table 2. Appetite scores", header_rows=2)
    assert not [r for r in rows if r["measure"] not in ("MEAN", "PROPORTION")], rows
    assert sorted(r["value"] for r in rows if r["measure"] == "MEAN") == [28.4, 29.0, 31.8, 33.2]


def test_an_adjusted_relative_risk_ratio_is_a_relative_risk_and_a_reduction_stays_one():
    from evidence_review.extract import extract_document
    text = ("Clinics were randomized to arm A or arm B. Arm A improved testing (aRRR = 1.37, 99 % CI = 1.08-1.74) and "
            "workload did not differ (aRRR = 1.12; p = 0.41) compared with arm B.")
    found = sorted((r["measure"], r["value"], r["ci_low"], r["ci_level"]) for r in extract_document("d", text))
    assert found[0][:3] == ("RR", 1.12, None) and found[1] == ("RR", 1.37, 1.08, 0.99), found
    # negative: a relative risk reduction keeps its measure
    text = "Patients were randomized to drug A or placebo. Drug A reduced relapse (RRR 0.38, 95% CI 0.20 to 0.52) versus placebo."
    assert [(r["measure"], r["value"]) for r in extract_document("d", text)] == [("RRR", 0.38)]
