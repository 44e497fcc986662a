"""GRADE certainty, decided once in synthesis, on real-shaped cells from the seeds and the development corpus."""
from __future__ import annotations

import pandas as pd
import pytest

from evidence_review.synthesis.appraisal import read_appraisal
from evidence_review.synthesis.certainty import (CellEvidence, grade, plain_language, randomized_from_text)
from evidence_review.synthesis.labels import first_author_family_name, study_label
from evidence_review.synthesis.pipeline import SynthesisOptions, synthesize
from evidence_review.tables import ESTIMATE_COLUMNS

from test_synthesis import AZA_RTX, AZA_RTX_DOCS, docs, est

NOT_DOMAINS = ("a single study", "fewer than 300 patients", "fewer than 100", "k < 3", "k = 2", "only two studies")


def _reasons(row) -> str:
    return row["certainty_reasons"]


def test_three_retrospective_cohorts_with_a_ci_crossing_one_are_very_low():
    # AZA vs RTX: three retrospective cohorts, pooled CI including 1 (the issue's "moderate" cell)
    row = synthesize(pd.DataFrame(AZA_RTX), AZA_RTX_DOCS).pooled.iloc[0]
    assert row["k"] == 3 and row["ci_low"] < 1 < row["ci_high"]
    assert row["certainty"] == "very low"
    reasons = _reasons(row)
    assert "Study design: start at low — non-randomized studies" in reasons
    assert "Imprecision: rated down" in reasons and "includes no effect" in reasons
    assert "Risk of bias: not assessed" in reasons and "Publication bias: not assessed" in reasons
    assert not any(word in reasons for word in NOT_DOMAINS)


NEWS_TEXT = ("In the initial treatment of lupus nephritis, tacrolimus can replace cyclophosphamide! For medical "
             "professionals to read: the first large-sample RCT study published by Chinese experts. In March 2022 the "
             "team published a multi-center clinical study in JAMA Network Open.")


def test_a_news_page_about_a_randomized_trial_is_randomized_evidence():
    assert randomized_from_text("news", NEWS_TEXT)
    assert randomized_from_text("RCT", "")
    assert not randomized_from_text("news", "A retrospective cohort of 213 patients, the authors said.")
    assert not randomized_from_text("news", "A review and meta-analysis of randomized controlled trials and cohorts.")
    assert not randomized_from_text("cohort", "patients were randomly assigned")  # ingestion's design stands
    assert not randomized_from_text("other", "allocated alternately, not at random")
    rows = [est("t1", "news1", "RR", 1.08, 0.97, 1.20, intervention="tacrolimus",
                comparator="intravenous cyclophosphamide", outcome="complete or partial renal response",
                condition="lupus nephritis")]
    result = synthesize(pd.DataFrame(rows), docs({"doc_id": "news1", "design": "news", "n_total": 314}),
                        texts={"news1": NEWS_TEXT})
    row = result.pooled.iloc[0]
    assert "Study design: start at high — randomized trials" in _reasons(row)
    assert row["certainty"] == "moderate"  # randomized, imprecise (CI includes 1)
    assert result.pooled.iloc[0]["n_randomized_studies"] == 1


def test_a_large_effect_in_one_randomized_trial_of_unknown_size_is_not_rated_down_for_size():
    # PREVENT: eculizumab vs placebo, HR 0.06 (0.02-0.20); no events or patients stated
    rows = [est("p1", "prevent", "HR", 0.06, 0.02, 0.20, intervention="eculizumab", comparator="placebo")]
    row = synthesize(pd.DataFrame(rows), docs({"doc_id": "prevent", "design": "RCT", "n_total": None})).pooled.iloc[0]
    assert row["certainty"] == "high"
    assert "optimal information size not assessable (events not reported)" in _reasons(row)
    assert not any(word in _reasons(row) for word in NOT_DOMAINS)


def test_two_trials_are_shown_side_by_side_with_one_certainty():
    # satralizumab vs placebo: SAkuraSky and SAkuraStar
    rows = [est("s1", "sky", "HR", 0.38, 0.16, 0.88, intervention="satralizumab", comparator="placebo"),
            est("s2", "star", "HR", 0.45, 0.23, 0.89, intervention="satralizumab", comparator="placebo")]
    documents = docs({"doc_id": "sky", "design": "RCT", "n_total": 83}, {"doc_id": "star", "design": "RCT",
                                                                         "n_total": 95})
    row = synthesize(pd.DataFrame(rows), documents).pooled.iloc[0]
    assert row["method"] == "not pooled: 2 studies" and pd.isna(row["estimate"])
    assert row["certainty"] == "high" and "Inconsistency: not rated down — the studies' CIs overlap" in _reasons(row)
    assert "Imprecision: not rated down — not pooled; a study's CI excludes no effect" in _reasons(row)
    assert not any(word in _reasons(row) for word in NOT_DOMAINS)
    opposite = [est("o1", "sky", "HR", 0.3, 0.1, 0.9, intervention="satralizumab", comparator="placebo"),
                est("o2", "star", "HR", 3.0, 1.2, 7.5, intervention="satralizumab", comparator="placebo")]
    row = synthesize(pd.DataFrame(opposite), documents).pooled.iloc[0]
    assert "Inconsistency: rated down one level — the studies' CIs lie on opposite sides of no effect" in _reasons(row)


def _evidence(**values) -> CellEvidence:
    base = dict(measure="RR", null=1.0, k=6, pooled=True, estimate=0.6, ci_low=0.5, ci_high=0.72, pi_low=0.45,
                pi_high=0.8, i2=10.0, studies=[(0.6, 0.4, 0.9)] * 6, weights=[100 / 6] * 6, randomized=[True] * 6,
                roles=[""] * 6, events=900.0, participants=4000.0, risk_of_bias=[None] * 6)
    base.update(values)
    return CellEvidence(**base)


def test_domains_rate_down_with_their_reasons():
    assert grade(_evidence()).label == "high"
    # risk of bias from the reviewer's judgements: high-risk trials carry most of the weight
    rated = grade(_evidence(risk_of_bias=["high"] * 4 + ["low"] * 2))
    assert rated.label == "moderate" and "high or serious risk of bias carry 67% of the weight" in rated.reasons
    assert grade(_evidence(risk_of_bias=["critical"] * 6)).label == "low"
    # inconsistency: I² 80 % and a prediction interval crossing 1 while the CI does not
    inconsistent = grade(_evidence(i2=80.0, pi_low=0.3, pi_high=1.4))
    assert inconsistent.label == "moderate" and "prediction interval (0.30 to 1.40) includes no effect" in \
        inconsistent.reasons
    # indirectness: subgroup-only results
    subgroup = grade(_evidence(roles=["subgroup"] * 6))
    assert subgroup.label == "moderate" and "subgroup-only results (100% of the weight)" in subgroup.reasons
    # imprecision: too few events for the optimal information size, although the CI excludes 1
    few = grade(_evidence(events=120.0))
    assert few.label == "moderate" and "120 events, fewer than the 300" in few.reasons
    # imprecision: a CI spanning appreciable benefit and harm
    wide = grade(_evidence(estimate=0.9, ci_low=0.5, ci_high=1.6))
    assert wide.label == "low" and "both appreciable benefit and harm" in wide.reasons
    # publication bias from 10 studies
    asym = grade(_evidence(k=12, studies=[(0.6, 0.4, 0.9)] * 12, weights=[100 / 12] * 12, randomized=[True] * 12,
                           roles=[""] * 12, risk_of_bias=[None] * 12, egger_p=0.03))
    assert asym.label == "moderate" and "funnel plot asymmetry (Egger's test p = 0.03)" in asym.reasons
    assert "Publication bias: not assessed — fewer than 10 studies" in grade(_evidence()).reasons


def test_large_effects_rate_non_randomized_evidence_up():
    cohorts = dict(randomized=[False] * 6)
    assert grade(_evidence(**cohorts)).label == "low"
    large = grade(_evidence(estimate=0.3, ci_low=0.2, ci_high=0.45, pi_low=0.15, pi_high=0.6, **cohorts))
    assert large.label == "moderate" and "Large effect: rated up one level" in large.reasons
    very = grade(_evidence(estimate=0.1, ci_low=0.05, ci_high=0.2, pi_low=0.03, pi_high=0.3, **cohorts))
    assert very.label == "high"
    # not rated up when another domain rated down
    assert grade(_evidence(estimate=0.3, ci_low=0.2, ci_high=0.45, pi_low=0.15, pi_high=0.6, events=50.0,
                           **cohorts)).label == "very low"


def test_reviewer_files_are_read_applied_and_their_problems_listed(tmp_path):
    curation = tmp_path / "curation"
    curation.mkdir()
    (curation / "risk_of_bias.csv").write_text(
        "study,tool,domain,judgement,reviewer,note\n"
        "jeong2016.txt,ROBINS-I,confounding,serious,AB,no adjustment\n"
        "jeong2016.txt,ROBINS-I,selection,moderate,AB,\n"
        "seed000,ROBINS-I,overall,serious,AB,\n"
        "cohort3,ROBINS-I,overall,dreadful,AB,not a word of the tool\n"
        "ghost.txt,ROBINS-I,overall,low,AB,\n", encoding="utf-8")
    documents = AZA_RTX_DOCS.assign(source_file=["jeong2016.txt", "seed000.txt", "cohort3.txt"])
    first = synthesize(pd.DataFrame(AZA_RTX), documents)
    cell_id = first.pooled.iloc[0]["cell_id"]
    (curation / "grade.csv").write_text(
        "cell_id,domain,rating,reason,reviewer\n"
        f"{cell_id},imprecision,not serious,the CI is compatible only with harms that matter little,CD\n"
        f"{cell_id},inconsistency,serious,,CD\n"
        f"{cell_id},mood,serious,bad day,CD\n"
        "cell-000000000000,imprecision,serious,gone,CD\n", encoding="utf-8")
    appraisal = read_appraisal(curation, documents, None)
    assert appraisal.risk_of_bias == {"jeong2016": "serious", "seed000": "serious"}
    result = synthesize(pd.DataFrame(AZA_RTX), documents, appraisal=appraisal)
    row = result.pooled.iloc[0]
    reasons = _reasons(row)
    assert "Risk of bias: rated down one level" in reasons and "1 of 3 studies not assessed" in reasons
    assert ("Imprecision: not rated down [reviewer CD] — the CI is compatible only with harms that matter little"
            in reasons)
    assert row["certainty"] == "very low"  # low start, risk of bias -1, imprecision overridden to 0
    # the override and its reason reach the Summary of Findings' footnotes and the report's wording
    assert "[reviewer CD] — the CI is compatible only" in result.summary.iloc[0]["footnotes"]
    from evidence_review.report.narrative import certainty_of
    assert any("[reviewer CD]" in r for r in certainty_of(row).moved)
    problems = " / ".join(result.appraisal_issues["problem"])
    assert "unknown judgement 'dreadful'" in problems and "no document with this doc_id or source_file" in problems
    assert "an override needs a reason" in problems and "unknown domain 'mood'" in problems
    assert "no cell with this cell_id in this run" in problems
    # the files are read, never written: a rerun reads the same judgements
    again = synthesize(pd.DataFrame(AZA_RTX), documents, appraisal=read_appraisal(curation, documents, None))
    assert again.pooled.iloc[0]["certainty_reasons"] == reasons


def test_roles_from_the_meaning_columns_make_evidence_indirect():
    rows = [dict(r, role="subgroup") for r in AZA_RTX]
    row = synthesize(pd.DataFrame(rows), AZA_RTX_DOCS).pooled.iloc[0]
    assert "Indirectness: rated down one level — subgroup-only results" in _reasons(row)
    assert set(ESTIMATE_COLUMNS) >= {"role"}


def test_plain_language_follows_the_certainty():
    kw = dict(intervention="rituximab", outcome="time to first relapse", comparator="azathioprine", measure="HR",
              estimate=0.4, ci_low=0.2, ci_high=0.8, null=1.0)
    assert plain_language("high", **kw) == "Rituximab reduces the hazard of first relapse compared with azathioprine."
    assert plain_language("moderate", **kw).startswith("Rituximab probably reduces")
    assert plain_language("low", **kw).startswith("Rituximab may reduce")
    assert plain_language("very low", **kw).startswith("The evidence is very uncertain")
    assert "little or no difference" in plain_language("low", **{**kw, "ci_high": 1.3})


@pytest.mark.parametrize("authors, label", [
    ("Jing Zhou; Xiaolin Yang; Xinyi Wang", "Zhou 2025"),  # given names first (the seed that showed "Jing 2025")
    ("Zhou J, Yang X", "Zhou 2025"),  # MEDLINE
    ("Zhou, Jing; Yang, Xiaolin", "Zhou 2025"),  # RIS
    ("Frimodt-Møller J; et al.", "Frimodt-Møller 2025"),
    ("J. D. Aronson", "Aronson 2025"),
    ("van der Berg J; Smith K", "van der Berg 2025"),
    ("Tuberculosis Prevention Trial; Madras", "Tuberculosis Prevention Trial 2025"),
])
def test_study_labels_use_the_family_name(authors, label):
    assert study_label(authors, 2025.0, "x.txt") == label
    assert first_author_family_name("") == "" and study_label("", None, "dir/file_a.txt") == "file_a"


@pytest.mark.parametrize("authors", ["; Yang X", ", et al.", " ; ", "et al.", "<script>;", "\u200b", float("nan")])
def test_odd_author_fields_never_break_a_label(authors):
    label = study_label(authors, 2020, "dir/paper.txt")
    assert isinstance(label, str) and label


def test_two_studies_pool_when_asked_and_the_pi_option_changes_only_the_pi():
    rows = [est("s1", "sky", "HR", 0.38, 0.16, 0.88, intervention="satralizumab", comparator="placebo"),
            est("s2", "star", "HR", 0.45, 0.23, 0.89, intervention="satralizumab", comparator="placebo")]
    documents = docs({"doc_id": "sky", "design": "RCT"}, {"doc_id": "star", "design": "RCT"})
    pooled = synthesize(pd.DataFrame(rows), documents, options=SynthesisOptions.from_parameters(
        pool_two_studies="true")).pooled.iloc[0]
    assert pooled["method"] == "REML" and 0 < pooled["estimate"] < 1
    metafor = synthesize(pd.DataFrame(AZA_RTX), AZA_RTX_DOCS, options=SynthesisOptions(test="z")).pooled.iloc[0]
    k1 = synthesize(pd.DataFrame(AZA_RTX), AZA_RTX_DOCS,
                    options=SynthesisOptions(test="z", pi_method="k-1")).pooled.iloc[0]
    assert k1["estimate"] == metafor["estimate"] and k1["ci_low"] == metafor["ci_low"]
    assert k1["pi_low"] < metafor["pi_low"] and k1["pi_high"] > metafor["pi_high"]  # t(2) is wider than normal
    assert (metafor["pi_method"], k1["pi_method"]) == ("metafor (model quantile)", "t with k-1 df")


def test_summary_of_findings_rows_for_two_studies_and_absolute_effects():
    from evidence_review.synthesis.summary import risk_with_intervention
    rows = [est("s1", "sky", "HR", 0.38, 0.16, 0.88, intervention="satralizumab", comparator="placebo"),
            est("s2", "star", "HR", 0.45, 0.23, 0.89, intervention="satralizumab", comparator="placebo")]
    documents = docs({"doc_id": "sky", "design": "RCT"}, {"doc_id": "star", "design": "RCT"})
    sof = synthesize(pd.DataFrame(rows), documents).summary.iloc[0]
    assert sof["relative_effect"].startswith("not pooled (2 studies side by side): ")
    assert "HR 0.38 (0.16 to 0.88)" in sof["relative_effect"] and "side by side" in sof["plain_language"]
    assert pd.isna(sof["assumed_risk_per_1000"]) and sof["assumed_risk_source"] == "comparator-arm counts not stated"
    # Cochrane Handbook 14.1.5.1: a comparator risk of 10 % and the relative effect
    assert risk_with_intervention("RR", 0.1, 0.5) == pytest.approx(0.05)
    assert risk_with_intervention("OR", 0.1, 0.5) == pytest.approx(0.05 / 0.95)
    assert risk_with_intervention("HR", 0.1, 0.5) == pytest.approx(1 - 0.9 ** 0.5)
    assert risk_with_intervention("RD", 0.1, -0.03) == pytest.approx(0.07)
    assert risk_with_intervention("MD", 0.1, 2.0) != risk_with_intervention("MD", 0.1, 2.0)  # NaN: no risk


def test_unreadable_reviewer_files_are_reported_not_fatal(tmp_path):
    (tmp_path / "risk_of_bias.csv").write_bytes(b"study,tool,domain,judgement\n\xff\xfe\x00bad")
    (tmp_path / "grade.csv").write_bytes(b"cell_id,domain,rating,reason\x00\n")
    appraisal = read_appraisal(tmp_path, AZA_RTX_DOCS, None)
    assert appraisal.risk_of_bias == {} and appraisal.overrides == {}
    problems = list(appraisal.issues["problem"])
    assert any("cannot be read" in p for p in problems) and any("NUL bytes" in p for p in problems)
    row = synthesize(pd.DataFrame(AZA_RTX), AZA_RTX_DOCS, appraisal=appraisal).pooled.iloc[0]
    assert "Risk of bias: not assessed" in row["certainty_reasons"]


def test_the_summary_of_findings_shows_one_measure_per_outcome_and_comparison():
    from evidence_review.synthesis.summary import summary_of_findings
    base = {"condition": "tuberculosis", "outcome": "tuberculosis", "intervention": "bcg vaccine",
            "comparator": "no vaccination", "timepoint": "", "subgroup": "", "k": 13, "n_total": 1000,
            "estimate": 0.49, "ci_low": 0.33, "ci_high": 0.72, "certainty": "moderate", "certainty_reasons": "",
            "notes": "", "method": "REML"}
    pooled = pd.DataFrame([{**base, "cell_id": "c-or", "measure": "OR", "estimate": 0.47, "from_arms": "yes",
                            "adjusted": "no"},
                           {**base, "cell_id": "c-rd", "measure": "RD", "estimate": -0.025, "ci_low": -0.05,
                            "ci_high": -0.001, "from_arms": "yes", "adjusted": "no"},
                           {**base, "cell_id": "c-rr-derived", "measure": "RR", "k": 12, "from_arms": "yes",
                            "adjusted": "no"},
                           {**base, "cell_id": "c-rr", "measure": "RR", "from_arms": "", "adjusted": "unknown"}])
    table = summary_of_findings(pooled, [])
    assert table["cell_id"].tolist() == ["c-rr"]  # most studies, printed before computed, RR before OR and RD
    other = pooled.assign(comparator="placebo")
    assert sorted(summary_of_findings(pd.concat([pooled, other]), [])["comparator"]) == ["no vaccination", "placebo"]
