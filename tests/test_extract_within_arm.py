"""One arm's level before and after, in prose (extract/rules/within_arm.py): a MEAN at baseline and one after, the
printed change a MEAN of "change in ...", the arm named after, before or closing a run of clauses. Sentences written
for these tests, in the shapes unseen reports use (other verbs, units, arrows, glued numbers, medians)."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document

ALLOCATION = "Patients were randomly assigned to rituximab (n = 44) or placebo (n = 46). "


def _rows(text: str) -> list[dict]:
    return extract_document("doc", ALLOCATION + text, "doc.txt", "")


def _means(rows, measure="MEAN"):
    return [(r["value"], r["intervention"], r["role"] or "", r["outcome"]) for r in rows if r["measure"] == measure]


def test_a_run_of_clauses_closed_by_its_arm():
    rows = _rows("Heart rate declined from 88.4 to 79.0 bpm (p = 0.003) and serum sodium fell from 141.2 to 138.6 mmol/L "
                 "(p = 0.02) with rituximab, while body weight rose from 71.5 to 72.9 kg (p = 0.04) with placebo.")
    got = _means(rows)
    assert (88.4, "rituximab", "baseline", "heart rate") in got
    assert (79.0, "rituximab", "", "heart rate") in got
    assert (141.2, "rituximab", "baseline", "serum sodium") in got
    assert (138.6, "rituximab", "", "serum sodium") in got
    assert (71.5, "placebo", "baseline", "body weight") in got
    assert (72.9, "placebo", "", "body weight") in got
    after = next(r for r in rows if r["value"] == 79.0)
    assert after["p_value"] == pytest.approx(0.003) and after["total"] == 44


def test_the_arm_opening_the_sentence_and_a_later_value_with_its_change():
    rows = _rows("In the placebo group, the mean FEV1 improved from 1.52 to 1.61 L (+0.09 L; n = 40) at week 12 and to "
                 "1.66 L at week 24.")
    got = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert got[1.52]["role"] == "baseline" and got[1.52]["intervention"] == "placebo"
    assert got[1.61]["timepoint"] == "week 12" and got[1.61]["total"] == 40
    assert got[0.09]["outcome"] == "change in fev1" and got[0.09]["total"] == 40
    assert got[1.66]["timepoint"] == "week 24" and got[1.66]["intervention"] == "placebo"


def test_arrows_glued_numbers_and_a_noun_of_change():
    rows = _rows("With rituximab, albumin went up from3.1 to3.6 g/dL, and a reduction in CRP from 12.4 \u2192 6.8 mg/L "
                 "was seen.")
    got = _means(rows)
    assert (3.1, "rituximab", "baseline", "albumin") in got and (3.6, "rituximab", "", "albumin") in got
    assert (12.4, "rituximab", "baseline", "crp") in got and (6.8, "rituximab", "", "crp") in got


def test_a_median_stays_a_median_and_an_unsigned_fall_is_negative():
    rows = _rows("The median pain score decreased from 7 to 3 in the rituximab group. Ferritin decreased from 950 to 610 "
                 "ng/mL (340 ng/mL) in the placebo group.")
    assert {r["value"] for r in rows if r["measure"] == "MEDIAN"} == {7.0, 3.0}
    change = next(r for r in rows if r["outcome"] == "change in ferritin")
    assert change["value"] == -340 and change["intervention"] == "placebo"


def test_spreads_after_each_value_are_kept():
    rows = _rows("The placebo group increased from 3.21 \u00b1 0.44 W/kg to 3.48 \u00b1 0.41 W/kg over the season.")
    got = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert got[3.21]["sd"] == pytest.approx(0.44) and got[3.21]["intervention"] == "placebo"
    assert got[3.48]["sd"] == pytest.approx(0.41)


@pytest.mark.parametrize("text", [
    "The dose of rituximab was increased from 375 to 500 mg in non-responders.",
    "The interval between infusions increased from 4 to 6 weeks.",
    "The proportion of patients in remission rose from 20% to 45% with rituximab.",
    "Enrolment increased from 12 to 40 sites during the trial.",
])
def test_what_is_no_level_of_an_arm(text):
    rows = _rows(text)
    assert not [r for r in rows if r["measure"] in ("MEAN", "MEDIAN")], rows


def test_a_case_series_levels_are_not_read():
    text = ("In this retrospective case series of 14 patients treated with rituximab, the mean disability score fell from "
            "4.5 to 3.0 at last follow-up.")
    rows = extract_document("doc", text, "doc.txt", "", design="case series")
    assert not [r for r in rows if r["measure"] == "MEAN"]


def test_a_change_printed_as_an_amount_for_one_arm():
    rows = _rows("At week 12 the mean hemoglobin rose by 1.3 g/dL (9.8%) in the rituximab group. Body weight decreased by "
                 "2.4 kg after treatment with placebo.")
    got = {(r["value"], r["intervention"], r["outcome"]) for r in rows if r["measure"] == "MEAN"}
    assert (1.3, "rituximab", "change in hemoglobin") in got
    assert (-2.4, "placebo", "change in body weight") in got


def test_the_change_after_a_level_before_and_after_and_its_percent():
    rows = _rows("The placebo group rose from 12.1 \u00b1 2.2 s to 13.0 \u00b1 2.4 s, which is an increase of "
                 "+0.9 \u00b1 0.6 s or +7.4% (\u00b15.1).")
    got = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert got[0.9]["sd"] == pytest.approx(0.6) and got[0.9]["intervention"] == "placebo"
    assert got[7.4]["sd"] == pytest.approx(5.1) and got[7.4]["outcome"].endswith("(%)")


@pytest.mark.parametrize("text", [
    # two arms' changes: the pair rules' to read
    "Serum albumin decreased by 0.6 g/dL (SD = 0.4) in the rituximab group and increased by 0.2 g/dL (SD = 0.3) in the "
    "placebo group.",
    "The pain score improved by -2.1 and -0.9, respectively.",
    # a change supposed, compared, or of another study
    "If the pain score did not decrease by 2 points within one hour, rescue analgesia was given.",
    "There was a greater improvement in dyspnea in the rituximab group (median change of -1.5 vs -0.5).",
    "A meta-analysis of earlier trials showed a reduction of 1.9 days in ventilation with steroids.",
    # a relative change is an effect rule's
    "Relapses fell by 37% with rituximab.",
])
def test_changes_that_are_not_one_arms_own(text):
    rows = _rows(text)
    assert not [r for r in rows if r["measure"] == "MEAN" and (r["outcome"] or "").startswith("change")], rows


def test_an_arms_level_alone_in_the_bracket_after_the_arm():
    rows = _rows("The trough concentration in the rituximab group (18.4 \u00b5g/mL) was higher than the concentration in "
                 "the placebo group (2.1 \u00b5g/mL). The median stay with placebo [6.5 days] was longer. The ratio in "
                 "the placebo group (27.3) did not change.")
    got = {(r["measure"], r["value"], r["intervention"]) for r in rows if r["measure"] in ("MEAN", "MEDIAN")}
    assert ("MEAN", 18.4, "rituximab") in got and ("MEAN", 2.1, "placebo") in got
    assert ("MEDIAN", 6.5, "placebo") in got and ("MEAN", 27.3, "placebo") in got


@pytest.mark.parametrize("text", [
    "The number of relapses in the rituximab group (14) was small.",
    "Remission in the rituximab group (45%) was more frequent.",
    "Patients in the rituximab group (n = 44) were older.",
    "Premedication with paracetamol (500 mg) was given to the rituximab group (2 tablets).",
])
def test_what_in_a_bracket_after_an_arm_is_no_level(text):
    rows = _rows(text)
    assert not [r for r in rows if r["measure"] in ("MEAN", "MEDIAN")], rows


def test_changes_of_listed_quantities_at_several_times():
    rows = _rows("In placebo-treated patients we saw increases from baseline in knee and hip cartilage volume at month 6 "
                 "(+0.8% and +1.1%), month 12 (+1.2% and +1.9%).")
    got = {(r["value"], r["outcome"], r["timepoint"], r["intervention"]) for r in rows if r["measure"] == "MEAN"}
    assert (0.8, "change in knee cartilage volume", "month 6", "placebo") in got
    assert (1.9, "change in hip cartilage volume", "month 12", "placebo") in got


def test_a_change_of_an_arm_no_rule_resolves_gives_no_row():
    rows = _rows("At week 12, the FEV1 had increased by 0.41 liters in patients assigned to the lower dose of rituximab.")
    assert not [r for r in rows if r["measure"] == "MEAN" and not r["intervention"]]


def test_two_arms_before_and_after_in_one_clause_are_left_to_the_pair_rules():
    rows = _rows("The mean pain score decreased from 7.2 to 4.1 in the rituximab group (P<0.01) and 7.0 to 6.2 in the "
                 "placebo group.")
    # (no level before and after of one arm: no baseline row, no change)
    assert not [r for r in rows if r["measure"] == "MEAN" and (r["role"] == "baseline" or "change" in (r["outcome"] or ""))]


def test_times_printed_with_the_values():
    rows = _rows("In the rituximab group, serum IgG fell from 11.2 g/L at baseline to 8.9 g/L at week 24, and CD19 counts "
                 "decreased from 240 cells/uL before treatment to 12 cells/uL after 6 months of treatment.")
    got = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert got[11.2]["role"] == "baseline" and got[8.9]["timepoint"] == "week 24"
    assert got[240.0]["role"] == "baseline" and got[12.0]["timepoint"] == "6 months of treatment"
    assert {got[v]["intervention"] for v in (11.2, 8.9, 240.0, 12.0)} == {"rituximab"}


def test_a_sentence_restating_a_tables_mean_and_sd_is_the_tables_row(tmp_path):
    """The results text repeats the mean ± SD of a table that also prints each mean's interval (one summary table per
    arm, the statistics as columns): one estimate, the table's (the labelling rule: a restatement with the same value
    and arm is labelled once)."""
    from evidence_review.extract import extract_study_tables
    from evidence_review.ingest import ingest_with_structures

    def table(label: str, arm: str, n: int, week0: str, week12: str) -> str:
        head = f"<tr><th>Parameter</th><th colspan='7'>{arm}</th></tr>" \
               "<tr><th></th><th>N</th><th>Mean</th><th>95% CI</th><th>Std</th><th>Min</th><th>Med</th><th>Max</th></tr>"
        body = f"<tr><td>Week 0</td><td>{n}</td>{week0}</tr><tr><td>Week 12</td><td>{n}</td>{week12}</tr>"
        return (f"<table-wrap><label>{label}</label><caption><title>Serum albumin (g/L), {arm}</title></caption>"
                f"<table><thead>{head}</thead><tbody>{body}</tbody></table></table-wrap>")

    cells = lambda *xs: "".join(f"<td>{x}</td>" for x in xs)     # noqa: E731
    xml = ('<?xml version="1.0"?>\n<article><front><article-meta><title-group><article-title>A randomized trial of '
           'rituximab</article-title></title-group></article-meta></front><body><sec sec-type="methods"><title>Methods'
           '</title><p>Patients were randomly assigned to rituximab (n = 40) or placebo (n = 41).</p></sec>'
           '<sec sec-type="results"><title>Results</title><p>The rituximab group increased from 5.12 \u00b1 0.71 g/L to '
           '6.40 \u00b1 0.80 g/L at week 12.</p>'
           + table("Table 2", "Rituximab group", 40, cells("5.12", "4.90-5.34", "0.71", "3.80", "5.10", "6.70"),
                   cells("6.40", "6.15-6.65", "0.80", "4.90", "6.45", "7.90"))
           + table("Table 3", "Placebo group", 41, cells("5.08", "4.85-5.31", "0.73", "3.70", "5.05", "6.60"),
                   cells("5.31", "5.08-5.54", "0.74", "3.90", "5.30", "6.80"))
           + '</sec></body></article>')
    (tmp_path / "trial.nxml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    rows = extract_study_tables(documents, texts, structures).estimates
    means = rows[rows["measure"] == "MEAN"]
    assert len(means[(means["value"] - 6.40).abs() < 1e-9]) == 1
    assert len(means[(means["value"] - 5.12).abs() < 1e-9]) == 1
    assert means[(means["value"] - 6.40).abs() < 1e-9]["ci_low"].iloc[0] == 6.15      # the table's row


def test_an_arms_summary_at_two_times_each_in_a_bracket_after_its_time():
    rows = _rows("Grip strength rose from baseline (mean 21.4, SD 5.2) to week 12 (mean 24.9, SD 5.6) in the placebo "
                 "group.")
    got = {r["value"]: r for r in rows if r["measure"] == "MEAN"}
    assert got[21.4]["timepoint"] == "baseline" and got[21.4]["sd"] == pytest.approx(5.2)
    assert got[24.9]["timepoint"] == "week 12" and got[24.9]["sd"] == pytest.approx(5.6)
    assert got[24.9]["intervention"] == "placebo" and got[24.9]["outcome"] == "grip strength"


def test_a_mean_change_with_its_interval_after_a_comma():
    rows = _rows("The systolic velocity in the placebo group fell (mean change \u22129.6 cm/s, CI \u221215.2, \u22123.9, "
                 "p = 0.01), and NT-proBNP rose in the rituximab group (mean 118%, CI 22\u2013310%, p = 0.04).")
    fell = [r for r in rows if r["measure"] == "MEAN" and r["value"] == pytest.approx(-9.6)]
    assert fell and fell[0]["intervention"] == "placebo" and fell[0]["ci_low"] == pytest.approx(-15.2)
    assert fell[0]["ci_high"] == pytest.approx(-3.9) and fell[0]["total"] == 46
    rose = [r for r in rows if r["measure"] == "MEAN" and r["value"] == pytest.approx(118.0)]
    assert rose and rose[0]["intervention"] == "rituximab" and rose[0]["ci_high"] == pytest.approx(310.0)


def test_a_difference_with_an_unbracketed_interval_is_no_arm_mean():
    rows = _rows("Compared with placebo, the rituximab group improved (mean change 4.1 points, CI 1.2, 7.0).")
    assert not [r for r in rows if r["measure"] == "MEAN" and r["value"] == pytest.approx(4.1)]


def test_one_arms_listed_quantities_respectively():
    rows = _rows("In the rituximab group, serum levels of IL-1b, ferritin, and MMP-3 were reduced by 21 \u00b1 5%, "
                 "17 \u00b1 4%, and 9 \u00b1 3%, respectively, compared with baseline.")
    got = sorted((r["value"], r["sd"], r["intervention"], r["outcome"]) for r in rows if r["measure"] == "MEAN")
    assert got == [(-21.0, 5.0, "rituximab", "il-1b (%)"), (-17.0, 4.0, "rituximab", "ferritin (%)"),
                   (-9.0, 3.0, "rituximab", "mmp-3 (%)")]


def test_a_list_of_quantities_naming_two_arms_is_left_alone():
    rows = _rows("In the rituximab and placebo groups, levels of IL-1b, ferritin, and MMP-3 were 21 \u00b1 5, 17 \u00b1 4, "
                 "and 9 \u00b1 3, respectively.")
    assert not [r for r in rows if r["finder"] == "within-arm"]
