"""One estimate printed in the abstract, the results and the discussion is labelled once (extract.restated)."""
from evidence_review.extract import extract_one
from evidence_review.extract.restated import without_restatements


def _row(**kw):
    base = {"measure": "HR", "value": 0.88, "ci_low": 0.61, "ci_high": 1.27, "events": None, "total": None,
            "sd": None, "se": None, "q1": None, "q3": None, "intervention": "pravastatin", "comparator": "placebo",
            "outcome": "stroke", "timepoint": "", "p_value": None, "p_text": None, "ci_level": 0.95, "subgroup": "",
            "role": "effect", "finder": "", "evidence": "s1", "start": 0}
    base.update(kw)
    return base


def test_a_ratio_printed_in_three_sections_is_kept_once_from_the_results():
    rows = [_row(evidence="abstract sentence", start=10),
            _row(evidence="results sentence", start=500, p_value=0.41, p_text="0.41"),
            _row(evidence="discussion sentence", start=900)]
    sections = {10: "results", 500: "results", 900: "discussion"}
    kept = without_restatements(rows, lambda r: sections[r["start"]])
    assert [r["evidence"] for r in kept] == ["results sentence"]


def test_values_alike_that_are_different_numbers_stay():
    rows = [
        # two outcomes of one arm with the same bare percentage, in two sentences
        _row(measure="PROPORTION", value=0.16, ci_low=None, ci_high=None, comparator="", outcome="headache",
             evidence="a"),
        _row(measure="PROPORTION", value=0.16, ci_low=None, ci_high=None, comparator="", outcome="nausea",
             evidence="b"),
        # one sentence printing one value for two strata
        _row(measure="MEAN", value=34.8, ci_low=None, ci_high=None, sd=1.2, comparator="", outcome="", evidence="c"),
        _row(measure="MEAN", value=34.8, ci_low=None, ci_high=None, sd=1.2, comparator="", outcome="", evidence="c"),
        # a table prints many outcomes with the same cells
        _row(measure="PROPORTION", value=0.02, ci_low=None, ci_high=None, events=2, total=93, comparator="",
             outcome="", finder="table", evidence="| Death | 2 (2.1) |"),
        _row(measure="PROPORTION", value=0.02, ci_low=None, ci_high=None, events=2, total=93, comparator="",
             outcome="", finder="table", evidence="| Bleeding | 2 (2.1) |"),
        # other arms
        _row(intervention="atorvastatin", evidence="d"),
        _row(evidence="e"),
    ]
    assert len(without_restatements(rows)) == len(rows)


def test_a_document_repeating_its_results_in_abstract_and_discussion_gives_each_estimate_once():
    text = ("Abstract\nBackground: Statins may prevent recurrent stroke. Methods: Patients were randomly assigned to "
            "pravastatin (n = 400) or placebo (n = 398). Results: Recurrent stroke occurred at similar rates in the "
            "pravastatin and placebo groups (2.10 vs. 2.35%/year). The hazard ratio was 0.88 (95% CI 0.61 to 1.27).\n"
            "Results\nDuring follow-up, recurrent stroke occurred at similar rates in the pravastatin and placebo "
            "groups (2.10 vs. 2.35%/year, p = 0.61). The hazard ratio for recurrent stroke was 0.88 (95% CI 0.61 to "
            "1.27).\nDiscussion\nIn our trial the hazard ratio was 0.88 (95% CI 0.61 to 1.27), in line with earlier "
            "work.\n")
    rows, _, errors = extract_one("d1", text, "d1.txt", "", None, "")
    assert not errors
    found = sorted((r["measure"], r["value"]) for r in rows)
    assert found == [("ARR", 2.1), ("ARR", 2.35), ("HR", 0.88)]


def test_one_difference_printed_with_its_arms_named_the_other_way_round_is_one_estimate():
    # "the difference between placebo and A of +0.08" (results) and "by +0.08 versus placebo" (abstract): the same
    # number for the same two arms
    rows = [_row(measure="MD", value=0.08, ci_low=None, ci_high=None, intervention="placebo", comparator="ubiquinol",
                 outcome="", evidence="results sentence", start=500),
            _row(measure="MD", value=0.08, ci_low=None, ci_high=None, intervention="ubiquinol", comparator="placebo",
                 outcome="", evidence="abstract sentence", start=10),
            # the same value against another arm stays
            _row(measure="MD", value=0.08, ci_low=None, ci_high=None, intervention="ubiquinol", comparator="creatine",
                 outcome="", evidence="other sentence", start=900)]
    sections = {10: "abstract", 500: "results", 900: "results"}
    kept = without_restatements(rows, lambda r: sections[r["start"]])
    assert [r["evidence"] for r in kept] == ["results sentence", "other sentence"]
