"""The rule registry's examples, run as tests: each example sentence yields exactly its expected rows.

Adding a shape to the extractor means adding a Rule with its example to extract/registry.py; this file needs
no change. The grammar's productions are checked on their own examples too."""
from __future__ import annotations

import pytest

from evidence_review.extract import extract_document
from evidence_review.extract.grammar import GRAMMAR, Parse
from evidence_review.extract.registry import RULES, Rule
from evidence_review.tables import ESTIMATE_COLUMNS


def _same(expected, got) -> bool:
    if isinstance(expected, float) and got is not None:
        return got == pytest.approx(expected, rel=1e-4, abs=1e-6)
    return expected == got


@pytest.mark.parametrize("rule", RULES, ids=[f"{r.priority}-{r.name}" for r in RULES])
def test_rule_example_gives_its_rows(rule):
    rows = extract_document("doc", rule.example, "doc.txt", "")
    unmatched = list(rows)
    for want in rule.expect:
        hit = next((r for r in unmatched if all(_same(v, r.get(k)) for k, v in want.items())), None)
        assert hit is not None, f"{rule.name}: no row {want} among {[{k: r[k] for k in want} for r in unmatched]}"
        unmatched.remove(hit)
    assert not unmatched, f"{rule.name}: rows not in the example's expectation: {unmatched}"


def test_every_row_has_the_contract_columns():
    for rule in RULES:
        for row in extract_document("doc", rule.example):
            assert set(ESTIMATE_COLUMNS) <= set(row), rule.name


def test_registry_is_readable_top_to_bottom():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names)), "rule names are unique"
    assert [r.priority for r in RULES] == sorted(r.priority for r in RULES)


def test_a_rule_without_its_example_is_refused():
    with pytest.raises(ValueError, match="example"):
        Rule("x", 1, "nothing", ("number",), lambda s: None, "", [])
    with pytest.raises(ValueError, match="unknown grammar"):
        Rule("x", 1, "nothing", ("no_such_production",), lambda s: None, "HR 0.5", [{"measure": "HR"}])


@pytest.mark.parametrize("production", GRAMMAR, ids=[p.name for p in GRAMMAR])
def test_grammar_production_reads_its_example(production):
    found = Parse(production.example)(production.name)
    assert found, f"{production.name} found nothing in {production.example!r}"


@pytest.mark.parametrize("text, low, high, level", [
    ("95% CI 0.31-0.87", 0.31, 0.87, 0.95),
    ("95CI%, 0.33-0.98", 0.33, 0.98, 0.95),
    ("95% CrI -1.71 to -0.15", -1.71, -0.15, 0.95),
    ("90% confidence interval, 0.2 to 0.8", 0.2, 0.8, 0.90),
    ("CI95: 1.012-31.705", 1.012, 31.705, 0.95),
    ("95% confidence interval; 0.46-0.99", 0.46, 0.99, 0.95),
])
def test_interval_forms(text, low, high, level):
    [iv] = Parse(text)("interval")
    assert (iv.low, iv.high, iv.level) == (low, high, level)


@pytest.mark.parametrize("text, value, p_text", [
    ("p<0.001", None, "<0.001"), ("P = .03", 0.03, None), ("p-value 0.02", 0.02, None),
    ("P=<0.000001", None, "<0.000001"), ("p value of 0.003", 0.003, None),
])
def test_p_value_forms(text, value, p_text):
    [p] = Parse(text)("p_value")
    assert (p.value, p.text) == (value, p_text)


@pytest.mark.parametrize("text, production, fields", [
    ("Nine (15%) of 61", "count_percent", {"events": 9, "of_total": 61}),
    ("12 (22.2%)", "count_percent", {"events": 12, "of_total": None}),
    ("twenty-one of 40", "word_count_of", {"events": 21, "total": 40}),
    ("117/141", "count_of", {"events": 117, "total": 141}),
    ("No patient in either group", "none_of", {"events": 0, "both_arms": True}),
    ("None of the 58 patients", "none_of", {"events": 0, "total": 58}),
    ("10.2 \u00b1 4.1", "mean_pm", {"center": 10.2, "sd": 4.1}),
    ("4.5 (SE 0.5)", "mean_bracket", {"center": 4.5, "se": 0.5, "sd": None}),
    ("-4.4 (95% CI -5.3 to -3.5)", "mean_ci", {"center": -4.4, "ci": (-5.3, -3.5, 0.95)}),
    ("3.0 (IQR 2.0-4.5)", "median_spread", {"center": 3.0, "q1": 2.0, "q3": 4.5}),
    ("14 [range 2-30]", "median_spread", {"center": 14, "range_low": 2, "range_high": 30}),
])
def test_typed_expressions(text, production, fields):
    [expr] = Parse(text)(production)
    assert {k: getattr(expr, k) for k in fields} == fields


def test_percentages_written_in_words_are_percentages():
    nums = Parse("reduced by 44 percent, 12 per cent and 5.3 percentage points")("percent_list") or None
    assert nums is None or nums     # a list of words-percentages is still a list
    tokens = Parse("by 44 percent, 12 per cent and 5.3 percentage points").nums
    assert [(n.value, n.percent) for n in tokens] == [(44, True), (12, True), (5.3, True)]


def test_offsets_are_sentence_local_and_exact():
    seg = "Relapse occurred in Nine (15%) of 61 participants."
    [c] = Parse(seg)("count_percent")
    assert seg[c.count_start:c.count_end] == "Nine" and seg[c.of_start:c.of_end] == "61"


@pytest.mark.parametrize("text, values", [
    ("white blood cell count 4,000-12,000/\u00b5L", [4000, 12000]),
    ("(1,907 SD \u00b1 878 ml versus 1,204 SD \u00b1 898 ml)", [1907, 878, 1204, 898]),
    ("2,322 patients and 1,234.5 mg", [2322, 1234.5]),
    ("doses of 1,2 and 3 mg", [1, 2, 3]),          # not a thousands group
])
def test_thousands_separators_group_digits(text, values):
    assert [n.value for n in Parse(text).nums] == values
