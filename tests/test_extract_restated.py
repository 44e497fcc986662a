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


# --- one arm's mean printed twice at two precisions: the table's more precise print is the figure ------------------

def _mean(value, sd, text, **kw):
    return _row(measure="MEAN", value=value, sd=sd, ci_low=None, ci_high=None, comparator="", ci_level=None,
                value_text=text, **kw)


def test_a_baseline_table_rounding_an_outcome_tables_first_visit_gives_way_to_it():
    coarse = _mean(41.3, 6.2, "41.3 ± 6.2", intervention="walking", outcome="Characteristics: Fatigue index",
                   finder="table", start=100, role="baseline")
    fine = _mean(41.27, 6.18, "41.27 ± 6.18", intervention="walking", outcome="Fatigue index", finder="table",
                 start=900, timepoint="week 0")
    other_arm = _mean(39.9, 7.0, "39.9 ± 7.0", intervention="stretching", outcome="Characteristics: Fatigue index",
                      finder="table", start=100, role="baseline")
    kept = without_restatements([coarse, other_arm, fine])
    assert [r["value"] for r in kept] == [39.9, 41.27]


def test_a_sentence_rounding_a_tables_mean_and_sd_gives_way_to_the_table():
    table = _mean(63.48, 9.05, "63.48 (9.05)", intervention="yoga", outcome="Age, years", finder="table", start=50)
    prose = _mean(63.5, 9.1, "63.5 ± 9.1", intervention="yoga", outcome="age", finder="mean", start=700,
                  evidence="Mean age was 63.5 ± 9.1 years in the yoga group.")
    kept = without_restatements([table, prose])
    assert [r["value"] for r in kept] == [63.48]
    # a rounded print of a median with its quartiles too
    table_median = _row(measure="MEDIAN", value=12.25, q1=8.5, q3=17.75, ci_low=None, ci_high=None, comparator="",
                        value_text="12.25 (8.50-17.75)", intervention="yoga", outcome="Pain days", finder="table",
                        start=60)
    prose_median = dict(table_median, value=12.3, q1=8.5, q3=17.8, value_text="12.3 (8.5-17.8)", finder="median",
                        start=800, outcome="pain days")
    assert [r["value"] for r in without_restatements([prose_median, table_median])] == [12.25]


def test_figures_that_round_alike_but_are_other_figures_stay():
    fine = _mean(41.27, 6.18, "41.27 ± 6.18", intervention="walking", outcome="Fatigue index", finder="table",
                 start=900, timepoint="week 4")
    cases = [
        # another outcome of the same arm
        _mean(41.3, 6.2, "41.3 ± 6.2", intervention="walking", outcome="Sleep quality", finder="table", start=100),
        # another time of the same outcome
        _mean(41.3, 6.2, "41.3 ± 6.2", intervention="walking", outcome="Fatigue index", finder="table", start=100,
              timepoint="week 12"),
        # another arm
        _mean(41.3, 6.2, "41.3 ± 6.2", intervention="stretching", outcome="Fatigue index", finder="table", start=100),
        # a spread that does not round to the table's (6.18 is 6.2, not 6.1)
        _mean(41.3, 6.1, "41.3 ± 6.1", intervention="walking", outcome="Fatigue index", finder="table", start=100),
        # a mean without spread: one bare number coincides too easily
        _mean(41.3, None, "41.3", intervention="walking", outcome="Fatigue index", finder="mean", start=100),
        # the same precision: not a rounded print
        _mean(41.27, 6.18, "41.27 ± 6.18", intervention="walking", outcome="Fatigue index", finder="table",
              start=100),
    ]
    for other in cases:
        assert len(without_restatements([other, fine])) == 2, other
    # two sentences (the abstract rounding the results' SD) are both printed figures of the document
    results = _mean(20.4, 4.05, "20.4 (SD 4.05)", intervention="walking", outcome="", finder="mean", start=900,
                    evidence="results")
    abstract = _mean(20.4, 4.1, "20.4 (SD 4.1)", intervention="walking", outcome="", finder="mean", start=10,
                     evidence="abstract")
    assert len(without_restatements([abstract, results])) == 2
