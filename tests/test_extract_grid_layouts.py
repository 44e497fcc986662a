"""Grid layouts (grid_layouts.py): which way a table is read, decided by the consistency of its numbers.

Unit tests on grids written as strings, then the same shapes through the real ingestion of a JATS report: arms as
row labels repeated under each moment's section row (one label naming no arm: the arm left by elimination), and bare
means under "Before | After" of each arm beside the arms' difference and its standard error. Each with negatives: a
repeated pair of subgroup rows stays no arm; a table of arms in columns keeps its reading; bare whole numbers whose
difference column is no difference of them stay unread as means."""
from __future__ import annotations

from pathlib import Path

from evidence_review.extract import extract_study_tables
from evidence_review.extract.grid_layouts import (arm_of_change_label, arm_rows_by_elimination, cell_shape,
                                                  centred_intervals, compared_bare_figures, compared_code_columns,
                                                  range_bounds, range_columns, row_shapes)
from evidence_review.ingest import ingest_with_structures


class _Arm:
    def __init__(self, name: str):
        self.name = name


def test_cell_shapes():
    assert cell_shape("64.2 ± 7.1") == "mean_spread"
    assert cell_shape("64.2 ±7.1") == "mean_spread"
    assert cell_shape("12 (34%)") == "count_share"
    assert cell_shape("12 (34.3)") == "paren"
    assert cell_shape("4 (2–7)") == "interval"
    assert cell_shape("12/40") == "fraction"
    assert cell_shape("0.412") == "bare"
    assert cell_shape("p < 0.001") == "p"
    assert cell_shape("<0.01") == "p"
    assert cell_shape("not done") == "words"
    assert cell_shape("") == ""
    assert row_shapes({0: "Drug", 1: "5.1 ± 1.0", 2: "", 3: "0.2"}) == ((1, "mean_spread"), (3, "bare"))


def _block_grid(second_label: str, third: str = "P value"):
    """Three moments, each a section row over an arm row, a row of `second_label`, and a p row."""
    labels, cells = {}, {}
    r = 0
    for moment, figures in (("At waking", ("71.2 ± 8.1", "30.4 ± 2.2")), ("Before lunch", ("69.9 ± 7.4", "29.8 ± 2.0")),
                            ("At bedtime", ("73.0 ± 9.0", "31.1 ± 2.5"))):
        labels[r], cells[r] = moment, {0: moment}
        labels[r + 1], cells[r + 1] = "Yoga group", {0: "Yoga group", 1: figures[0], 2: figures[1]}
        labels[r + 2], cells[r + 2] = second_label, {0: second_label, 1: "70.5 ± 7.7", 2: "30.9 ± 2.4"}
        labels[r + 3], cells[r + 3] = third, {0: third, 1: "0.41", 2: "0.38"}
        r += 4
    return labels, cells


def test_the_unnamed_row_of_every_block_is_the_remaining_arm():
    yoga, usual = _Arm("yoga"), _Arm("usual care")
    labels, cells = _block_grid("Comparison group")
    resolved = {1: yoga, 5: yoga, 9: yoga}
    assert arm_rows_by_elimination(labels, cells, resolved, [yoga, usual]) == {2: usual, 6: usual, 10: usual}


def test_no_elimination_when_two_arms_are_unplaced_or_labels_break_the_lockstep():
    yoga, usual, diet = _Arm("yoga"), _Arm("usual care"), _Arm("diet")
    labels, cells = _block_grid("Comparison group")
    resolved = {1: yoga, 5: yoga, 9: yoga}
    assert arm_rows_by_elimination(labels, cells, resolved, [yoga, usual, diet]) == {}     # two arms unplaced
    # a label printed in two blocks only: not the arm's row of every block
    labels[10] = cells[10][0] = "Other"
    assert arm_rows_by_elimination(labels, cells, resolved, [yoga, usual]) == {}
    # the second row printing another shape than the arm's row (a count beside a mean): no arm's figures
    labels, cells = _block_grid("Comparison group")
    for r in (2, 6, 10):
        cells[r][1] = "12 (40%)"
    assert arm_rows_by_elimination(labels, cells, resolved, [yoga, usual]) == {}
    # a kind of patient in every block ("Women" beside "Yoga group"): no group, so no arm
    labels, cells = _block_grid("Women")
    assert arm_rows_by_elimination(labels, cells, resolved, [yoga, usual]) == {}


def test_a_p_or_difference_row_is_never_the_remaining_arm():
    yoga, usual = _Arm("yoga"), _Arm("usual care")
    labels, cells = _block_grid("Mean difference", third="Total")
    assert arm_rows_by_elimination(labels, cells, {1: yoga, 5: yoga, 9: yoga}, [yoga, usual]) == {}


def test_one_block_needs_the_label_to_negate_the_named_arm():
    yoga, usual = _Arm("yoga"), _Arm("usual care")
    labels = {0: "Yoga group", 1: "Non-yoga group", 2: "p"}
    cells = {0: {0: "Yoga group", 1: "5.2 ± 1.1"}, 1: {0: "Non-yoga group", 1: "5.9 ± 1.3"}, 2: {0: "p", 1: "0.04"}}
    assert arm_rows_by_elimination(labels, cells, {0: yoga}, [yoga, usual]) == {1: usual}
    labels[1] = cells[1][0] = "Women"      # a single other row naming no arm: a subgroup, not the other arm
    assert arm_rows_by_elimination(labels, cells, {0: yoga}, [yoga, usual]) == {}


def test_bare_figures_compared_by_their_difference_are_means():
    rows = [([["2.10", "2.31"], ["2.05", "3.40"]], "+1.12", "0.21"),
            ([["14.6", "14.1"], ["14.9", "12.2"]], "-2.3", "0.9"),
            ([["0.81", "0.80"], ["0.79", "0.95"]], "+0.17", "0.05")]
    assert compared_bare_figures(rows)
    # arms compared at the end only (one figure per arm)
    assert compared_bare_figures([([["7.2"], ["8.0"]], "0.8", ""), ([["5.5"], ["4.1"]], "-1.4", "")])


def test_bare_figures_whose_difference_is_no_difference_of_them_are_not_means():
    # whole numbers only (counts may be compared too): no decimal, no mean
    assert not compared_bare_figures([([["12", "14"], ["15", "20"]], "3", "")] * 3)
    # the difference far from any difference of the figures
    assert not compared_bare_figures([([["2.10", "2.31"], ["2.05", "3.40"]], "+7.5", "0.2"),
                                      ([["14.6", "14.1"], ["14.9", "12.2"]], "+9.9", "0.3")])
    # a cell with a spread: the cells' own shape tells what they are, not this test
    assert not compared_bare_figures([([["2.10 ± 0.3", "2.31"], ["2.05", "3.40"]], "+1.12", "0.21")] * 3)


def test_columns_of_defined_short_names_proved_by_their_difference():
    defined = {"HI", "LO"}.__contains__
    tops = {0: "", 1: "HI", 2: "HI", 3: "LO", 4: "LO", 5: "\u2206LO-HI"}
    assert compared_code_columns(tops, defined) == ({1: "HI", 2: "HI", 3: "LO", 4: "LO"}, {5})
    assert compared_code_columns({0: "", 1: "HI", 2: "LO", 3: "HI vs LO"}, defined) == ({1: "HI", 2: "LO"}, {3})


def test_short_names_without_a_difference_or_undefined_stay_no_groups():
    defined = {"SBP", "DBP", "HI", "LO"}.__contains__
    # outcomes abbreviated in the header: nothing subtracts them
    assert compared_code_columns({0: "", 1: "SBP", 2: "DBP", 3: "P"}, defined) == ({}, set())
    # a difference of two names the document does not define
    assert compared_code_columns({0: "", 1: "XA", 2: "XB", 3: "XB-XA"}, defined) == ({}, set())
    # a within-period change ("T2-T1") is no difference of two groups
    assert compared_code_columns({0: "", 1: "HI", 2: "T2-T1"}, defined) == ({}, set())


def test_range_column_beside_a_value_column():
    assert range_columns({1: "Mean (SD)", 2: "Range"}, [1, 2]) == {1: 2}
    assert range_columns({1: "Mean \u00b1 SD", 2: "Min\u2013max"}, [1, 2]) == {1: 2}
    assert range_columns({1: "Drug A", 2: "Drug B"}, [1, 2]) == {}
    assert range_bounds("41.0 -77.5") == (41.0, 77.5)
    assert range_bounds("(-3, 12)") == (-3.0, 12.0)
    assert range_bounds("12 - 3") is None and range_bounds("7.1") is None


def test_arm_named_inside_change_words():
    assert arm_of_change_label("Within Pilates change") == "Pilates"
    assert arm_of_change_label("Change within the usual care group") == "usual care group"
    assert arm_of_change_label("Walking group change from baseline") == "Walking group"
    # a comparison, or no change word at all: nothing
    assert arm_of_change_label("Between group difference") == ""
    assert arm_of_change_label("Change, walking vs stretching") == ""
    assert arm_of_change_label("Resting heart rate") == ""


def test_intervals_centred_on_their_values_are_confidence_intervals():
    assert centred_intervals(["1.40 [0.20 to 2.60]", "-3.1 (-5.5 to -0.7)", "0.05 [-0.15 to 0.25]"])
    # a median's quartiles sit unevenly
    assert not centred_intervals(["14 (9-22)", "11 (8-13)", "20 (12-31)"])
    # one uneven cell among centred ones: the table's intervals are not all CIs
    assert not centred_intervals(["1.40 [0.20 to 2.60]", "-3.1 (-5.5 to -0.7)", "6 (2-15)"])
    assert not centred_intervals(["1.40 [0.20 to 2.60]", "-3.1 (-5.5 to -0.7)"])      # two cells say too little


# -- through ingestion --------------------------------------------------------------------------------------------

def _table(caption: str, head: list[str], rows: list[str], foot: str = "") -> str:
    thead = "".join(f"<tr>{r}</tr>" for r in head)
    tbody = "".join(f"<tr>{r}</tr>" for r in rows)
    footer = f"<table-wrap-foot><fn><p>{foot}</p></fn></table-wrap-foot>" if foot else ""
    return (f"<table-wrap><label>Table 2</label><caption><title>{caption}</title></caption>"
            f"<table><thead>{thead}</thead><tbody>{tbody}</tbody></table>{footer}</table-wrap>")


def _cells(*texts: str, tag: str = "td") -> str:
    return "".join(f"<{tag}>{t}</{tag}>" for t in texts)


def _extract(tmp_path: Path, methods: str, table: str) -> list[dict]:
    xml = ('<?xml version="1.0"?>\n<article><front><article-meta><title-group><article-title>A randomized trial'
           '</article-title></title-group></article-meta></front><body>'
           f'<sec sec-type="methods"><title>Methods</title><p>{methods}</p></sec>'
           f'<sec sec-type="results"><title>Results</title><p>The results are shown in the table.</p>{table}'
           '</sec></body></article>')
    (tmp_path / "trial.nxml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    extraction = extract_study_tables(documents, texts, structures)
    rows = extraction.estimates
    return rows[rows["finder"] == "table"].to_dict("records")


_METHODS = ("Ninety adults were randomly assigned to the hypnosis group (n = 44) or the standard care group (n = 46). "
            "Pain and anxiety were measured at three moments.")


def _block_table(second: str) -> str:
    body = []
    for moment, a, b in (("Before the procedure", "6.1 ± 1.8", "6.3 ± 1.7"), ("During the procedure", "4.2 ± 1.5", "5.6 ± 1.9"),
                         ("After the procedure", "3.0 ± 1.2", "4.4 ± 1.6")):
        body.append(_cells(moment, "", ""))
        body.append(_cells("Hypnosis group", a, "41.5 ± 9.2"))
        body.append(_cells(second, b, "47.9 ± 10.3"))
        body.append(_cells("P value", "0.02", "0.01"))
    return _table("Pain and anxiety by moment", [_cells("", "Pain score", "Anxiety score", tag="th")], body)


def test_arm_rows_under_moment_sections_read_through_ingestion(tmp_path):
    rows = _extract(tmp_path, _METHODS, _block_table("Non-hypnosis group"))
    means = {(r["intervention"], r["outcome"], r["value"]) for r in rows if r["measure"] == "MEAN"}
    arms = {r["intervention"] for r in rows if r["measure"] == "MEAN"}
    assert len(arms) == 2
    other = next(a for a in arms if "standard" in a.lower())
    assert (other, "Pain score", 5.6) in means and (other, "Anxiety score", 47.9) in means
    assert len([r for r in rows if r["measure"] == "MEAN"]) == 12
    during = [r for r in rows if r["measure"] == "MEAN" and r["value"] == 4.2]
    assert during and "during" in str(during[0]["timepoint"]).lower()


def test_repeated_subgroup_rows_do_not_become_an_arm(tmp_path):
    rows = _extract(tmp_path, _METHODS, _block_table("Women"))
    assert not [r for r in rows if r["measure"] == "MEAN" and "standard" in str(r["intervention"]).lower()]


def _before_after_table(cells_of_rows: list[tuple[str, ...]]) -> str:
    head = [_cells("Measure", "Walking", "Walking", "Stretching", "Stretching", "Treatment difference",
                   "S.E. of difference", "P", tag="th").replace("<th>Walking</th><th>Walking</th>",
                                                              '<th colspan="2">Walking</th>')
            .replace("<th>Stretching</th><th>Stretching</th>", '<th colspan="2">Stretching</th>'),
            _cells("", "Before", "After", "Before", "After", "", "", "", tag="th")]
    return _table("Effect of the programme on blood markers", head, [_cells(*r) for r in cells_of_rows])


_WALK = ("Sixty adults were randomly assigned to the walking group (n = 31) or the stretching group (n = 29) "
         "for eight weeks.")


def test_bare_means_under_before_after_read_with_the_difference_and_its_se(tmp_path):
    table = _before_after_table([("Ferritin (ug/L)", "52.4", "55.0", "51.9", "61.7", "+7.2", "2.9", "0.02"),
                                 ("Glucose (mmol/L)", "5.41", "5.38", "5.44", "5.12", "-0.29", "0.11", "0.01"),
                                 ("Insulin (pmol/L)", "61.3", "60.8", "63.0", "55.4", "-7.1", "3.0", "0.03")])
    rows = _extract(tmp_path, _WALK, table)
    means = [r for r in rows if r["measure"] == "MEAN"]
    assert len(means) == 12
    assert all(r["sd"] != r["sd"] or r["sd"] is None for r in means)      # printed without spread
    glucose = {(r["intervention"], r["timepoint"], r["value"]) for r in means if "Glucose" in r["outcome"]}
    assert len(glucose) == 4 and any(v == 5.12 for _, _, v in glucose)
    effects = [r for r in rows if r["measure"] == "MD"]
    # the difference column gives one MD a row, its SE from the next column; the SE is no second MD
    assert sorted(r["value"] for r in effects) == [-7.1, -0.29, 7.2]
    assert {r["se"] for r in effects} == {2.9, 0.11, 3.0}


def test_bare_figures_whose_difference_does_not_fit_stay_unread(tmp_path):
    table = _before_after_table([("Ferritin (ug/L)", "52.4", "55.0", "51.9", "61.7", "+30.2", "2.9", "0.02"),
                                 ("Glucose (mmol/L)", "5.41", "5.38", "5.44", "5.12", "-3.9", "0.11", "0.01"),
                                 ("Insulin (pmol/L)", "61.3", "60.8", "63.0", "55.4", "+21.7", "3.0", "0.03")])
    rows = _extract(tmp_path, _WALK, table)
    assert not [r for r in rows if r["measure"] == "MEAN"]


def test_arms_in_columns_keep_their_reading(tmp_path):
    table = _table("Outcomes at eight weeks", [_cells("Outcome", "Walking group (n = 31)", "Stretching group (n = 29)", "P",
                                                      tag="th")],
                   [_cells("Ferritin, mean ± SD", "55.0 ± 9.1", "61.7 ± 8.8", "0.02"),
                    _cells("Falls, n (%)", "3 (9.7)", "2 (6.9)", "0.70")])
    rows = _extract(tmp_path, _WALK, table)
    means = {(r["intervention"].split()[0].lower(), r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"}
    assert means == {("walking", 55.0, 9.1), ("stretching", 61.7, 8.8)}
    assert {(r["events"], r["total"]) for r in rows if r["measure"] == "PROPORTION"} == {(3, 31), (2, 29)}


def test_columns_of_defined_conditions_over_their_visits(tmp_path):
    methods = ("Twenty volunteers drank coffee before breakfast (CB) and coffee after breakfast (CA) for two weeks "
               "each, in random order, with a washout between the periods.")
    head = [_cells("", "CB", "CB", "CB", "CA", "CA", "CA", "\u2206CA-CB", tag="th"),
            _cells("", "V1", "V2", "\u2206V2-V1", "V3", "V4", "\u2206V4-V3", "", tag="th")]
    table = _table("Glucose control in both periods", head,
                   [_cells("Fasting glucose, mg/dL", "91.2 \u00b1 6.0", "92.0 \u00b1 6.3", "+0.8 \u00b1 2.1",
                           "90.7 \u00b1 5.8", "95.1 \u00b1 6.6", "+4.4 \u00b1 3.0", "p = 0.002"),
                    _cells("Insulin, pmol/L", "48.3 \u00b1 12.5", "47.1 \u00b1 11.8", "-1.2 \u00b1 6.0",
                           "49.0 \u00b1 13.1", "53.6 \u00b1 12.2", "+4.6 \u00b1 7.1", "p = 0.01")])
    rows = _extract(tmp_path, methods, table)
    means = {(str(r["intervention"]).lower(), r["value"], r["sd"]) for r in rows if r["measure"] == "MEAN"}
    assert len(means) == 12
    assert any("after breakfast" in arm and value == 95.1 and sd == 6.6 for arm, value, sd in means)
    assert any("before breakfast" in arm and value == -1.2 and sd == 6.0 for arm, value, sd in means)


def test_columns_of_abbreviated_outcomes_are_no_conditions(tmp_path):
    methods = ("Forty adults were randomly assigned to the diet group (n = 20) or the control group (n = 20). "
               "Systolic blood pressure (SBP) and diastolic blood pressure (DBP) were measured.")
    table = _table("Blood pressure by group", [_cells("Group", "SBP", "DBP", tag="th")],
                   [_cells("Diet group", "128 \u00b1 11", "82 \u00b1 7"), _cells("Control group", "134 \u00b1 12", "85 \u00b1 8")])
    rows = _extract(tmp_path, methods, table)
    arms = {str(r["intervention"]).lower() for r in rows if r["measure"] == "MEAN"}
    assert arms and not any(a in ("sbp", "dbp") or "systolic" in a for a in arms)
    assert {r["value"] for r in rows if r["measure"] == "MEAN"} == {128, 82, 134, 85}


def test_within_arm_change_rows_under_each_measure(tmp_path):
    methods = ("Thirty adults were randomly assigned to Pilates (n = 15) or a waiting list control (n = 15) for "
               "ten weeks.")
    head = [_cells("", "Baseline to week 10", "P", "Baseline to week 20", "P", tag="th")]
    body = [_cells("Trunk flexion (cm)", "Trunk flexion (cm)", "Trunk flexion (cm)", "Trunk flexion (cm)", "Trunk flexion (cm)"),
            _cells("Within Pilates change", "3.40 [1.20 to 5.60]", "0.004", "2.10 [-0.30 to 4.50]", "0.08"),
            _cells("Within control change", "0.20 [-1.90 to 2.30]", "0.85", "-0.50 [-2.70 to 1.70]", "0.64"),
            _cells("Between group difference", "3.20 [0.20 to 6.20]", "0.04", "2.60 [-0.60 to 5.80]", "0.11")]
    rows = _extract(tmp_path, methods, _table("Changes within and between groups", head, body))
    means = {(str(r["intervention"]).lower().split()[0], r["value"], r["ci_low"], r["ci_high"])
             for r in rows if r["measure"] == "MEAN"}
    assert ("pilates", 3.4, 1.2, 5.6) in means and ("pilates", 2.1, -0.3, 4.5) in means
    assert any(arm != "pilates" and value == -0.5 for arm, value, _, _ in means)
    assert not [r for r in rows if r["measure"] == "MEDIAN"]      # centred intervals: no quartiles
    effects = sorted(r["value"] for r in rows if r["measure"] == "MD")
    assert effects == [2.6, 3.2]      # the P columns are no differences

