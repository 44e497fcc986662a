"""The speed work of issue #13 must not change what is found: the lexicon's start guard and the per-text caches."""
import re

from evidence_review.extract.lexicon import _condition_matcher, _outcome_matcher, find_drugs
from evidence_review.extract.startguard import with_start_guard as _with_start_guard
from evidence_review.extract.textscan import sentence_spans

TEXTS = [
    "Neuromyelitis optica (NMOSD) and gMG; MG/LN; lupus nephritis; devic's syndrome. Guillain-Barré; TB.",
    "The annualized relapse rate (ARR) fell; time to first relapse; \u017fevere relapse; K\u212aELVIN; 10 mg of MMF.",
    "",
    "no conditions here 12.5 (95% CI 1-2)",
]


def _matches(pattern: re.Pattern, text: str):
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


def test_start_guard_finds_exactly_what_the_plain_alternation_finds():
    for matcher, flags in ((_condition_matcher()[0], 0), (_outcome_matcher()[0], re.I)):
        assert matcher.pattern.startswith("(?="), "the guard should apply to the lexicon's alternations"
        plain = re.compile(matcher.pattern.split(")(?:", 1)[1][:-1], flags)
        for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
            assert _matches(matcher, text) == _matches(plain, text)


def test_start_guard_folds_case_like_the_branch_and_keeps_case_sensitive_branches_strict():
    guarded = re.compile(_with_start_guard(r"(?i:sev)|\bMG\b"))
    assert guarded.search("\u017fev")          # long s folds to s under (?i), as in the plain pattern
    assert guarded.search("mg") is None          # "MG" is upper case only
    assert guarded.search("a MG b").start() == 2


def test_start_guard_reads_a_space_class_among_the_first_characters():
    # an optional space before a dash, a bracket or a comma: the match starts with any of them ("X (control)")
    pattern = r"(?:\s*[-(]\s*|\s*,\s*)(?i:control)(?=[),])"
    guarded = _with_start_guard(pattern)
    assert guarded.startswith("(?=[") and "\\s" in guarded.split(")(?:", 1)[0]
    for text in ("Drug X (control), placebo", "Group B - Control, n = 4", "A,control)", "\tcontrol,"):
        assert _matches_all(re.compile(guarded), text) == _matches_all(re.compile(pattern), text)


def test_start_guard_leaves_patterns_it_cannot_read_or_that_match_empty():
    assert _with_start_guard(r"(?=x)abc") == r"(?=x)abc"
    assert _with_start_guard(r"a?") == r"a?"
    assert _with_start_guard(r"\w+ing") == r"\w+ing"


def test_cached_results_are_fresh_copies():
    first = find_drugs("rituximab versus placebo")
    first.clear()
    assert find_drugs("rituximab versus placebo")
    spans = sentence_spans("One. Two.")
    spans.append((0, 0))
    assert sentence_spans("One. Two.") == [(0, 4), (5, 9)]


def test_printings_found_without_a_pattern_match_the_pattern():
    from evidence_review.extract.meaning import _number_pattern, _printings
    seg = "RR 0.5 (0.25-1.5); 10.5 vs 5; 15/30 or 15 of 30; \u0665 5\u0665 .5 5. 0.50 -0.5 +5 5"
    seg += " 3/24/101 24 of 101, 24 out  of 101; 24/1010; 124/101 24 / 101 24 Of 101 15/3"
    for value in ("24/101", "24 / 101", "15/3", "0.5", "5", "1.5", "15/30", "-0.5", "+5", "\u22120.5", ".5", "5.", "0.50", "30", " 5 "):
        assert _printings(value, seg) == [(m.start("num"), m.end()) for m in _number_pattern(value).finditer(seg)], value


def test_measure_word_patterns_are_guarded_and_find_what_the_plain_ones_find():
    from evidence_review.extract import patterns as P
    seg = ("The hazard ratio (HR) 0.5; odds ratio; Standardized mean difference; log-rank; LOG odds; ln(RR); "
           "rate ratio; RISK DIFFERENCE; mean difference; Hedges' g; relative risk reduction \u017ftandardi\u017fed")
    for guarded in (P.MEASURE_WORDS_RE, P.LOG_SCALE_RE):
        assert guarded.pattern.startswith("(?=")
        plain = re.compile(guarded.pattern.split(")(?:", 1)[1][:-1], re.I)
        for text in (seg, seg.upper(), seg.lower()):
            assert _matches(guarded, text) == _matches(plain, text)


def test_two_character_guard_finds_what_the_alternation_finds_and_passes_over_more():
    from evidence_review.extract.startguard import with_start_guard, with_two_char_guard
    alternation = r"(?P<a>(?i:neuromyelitis optica|\bNMOSD\b))|(?P<b>myasthenia|\bg?MG\b(?!/))|(?P<c>(?i:re)lapse)|(?P<d>x?yz)"
    one, two = re.compile(with_start_guard(alternation)), re.compile(with_two_char_guard(alternation))
    assert two.pattern != one.pattern and two.pattern.startswith(one.pattern.split(")(?:", 1)[0])
    texts = ["NMOSD and nmosd; Neuromyelitis OPTICA; gMG, MG/LN, mg; RElapse, relapse; xyz yz xz; \u212aelvin"]
    for text in texts + [t.upper() for t in texts] + [t.lower() for t in texts]:
        assert _matches(two, text) == _matches(one, text) == _matches(re.compile(alternation), text)
    # "ma" cannot start a match ("my" can): the second character's lookahead refuses it
    assert re.compile(two.pattern.split(")(?:", 1)[0] + ")").match("ma") is None
    assert re.compile(two.pattern.split(")(?:", 1)[0] + ")").match("my") is not None
    # a start it cannot read (a class escape first) leaves the pattern as the one-character guard left it
    assert with_two_char_guard(r"\w+ing|abc") == with_start_guard(r"\w+ing|abc")


def test_the_guarded_sentence_boundary_and_stem_patterns_find_what_the_plain_ones_find():
    from evidence_review.extract import study, textscan
    text = ("Results. Relapse fell (HR 0.5).Conclusions matter.\n\nNext line\nA list:\n1. item; Dr. Smith J. Title "
            "in group A. Then \"quoted.\" (Done.) 3. 4 patients. Finerenone versus placebo, the finerenone group and "
            "the placebo group; compared with placebo, tirzepatide; placebo or semaglutide vs. x")
    boundary = textscan._BOUNDARY.pattern
    plain_boundary = re.compile(boundary[len("(?:(?=[.\\n \\t])|(?<=[.!?]))(?:"):-1])
    assert _matches(textscan._BOUNDARY, text) == _matches(plain_boundary, text)
    assert len(_matches(plain_boundary, text)) > 5
    stem = study._STEM_ARM.pattern.replace(r"(?=[a-z]+\s+(?:versus|vs|compared|or|and)\b)", "", 1)
    assert stem != study._STEM_ARM.pattern
    plain_stem = re.compile(stem, re.I)
    for t in (text, text.upper()):
        assert _matches(study._STEM_ARM, t) == _matches(plain_stem, t) and _matches(plain_stem, t)


def test_abbreviation_definitions_found_from_the_brackets_are_the_patterns_matches():
    from evidence_review.extract import study
    texts = ["adjuvant therapy with uracil-tegafur and leucovorin (UFT/LV) or surgery alone (SA).",
             "xDP (DP)", "a  b (AB)", "word / (AB)", "5-FU (FU) and (ZZ) x (AB) (CD)", "A (B) C (DE)",
             "one two three four five six seven eight (SE)", "(AB)", "a\nb (AB)", "_x (AB)", "1a (AB) é (CD)",
             "chloroquine (CQ), goal-directed therapy (GDT); dihydroartemisinin-piperaquine (DP)"]
    for text in texts + [t.upper() for t in texts]:
        expected = [(m.group("long"), m.group("abbr")) for m in study._ABBREVIATION_DEFINED.finditer(text)]
        assert list(study._abbreviation_definitions(text)) == expected, text
    assert list(study._abbreviation_definitions(texts[0]))[0] == ("adjuvant therapy with uracil-tegafur and leucovorin", "UFT/LV")


def test_grammar_productions_are_guarded_where_re_cannot_skip_ahead_and_find_what_the_plain_patterns_find():
    from evidence_review.extract import grammar
    from evidence_review.extract.startguard import start_guarded, with_start_guard
    text = ("Nine (15%) of 61 vs 12 of 60; two out of six; RR 0.72 (95% CI 0.5-0.9), P < 0.001; 44.4/100 patient-years; "
            "2.65%/year; 35.2% (n = 19); one (<1%); 12.1 \u00b1 3.4; 5 (IQR 3-7); 8/1039 (0.77); (0.34, 0.81); "
            "HR = nan; mean 3.1 (SD 1.2); 41.2%, 55.0% and 63.8%; (TRIAL-1: 38%; TRIAL-2: 41%). x1.5 a.5 -2 +3")
    guarded = 0
    for prod in grammar.GRAMMAR:
        plain = re.compile(prod.pattern.pattern.split(")(?:", 1)[1][:-1], prod.pattern.flags) \
            if prod.pattern.pattern.startswith("(?=") else prod.pattern
        guarded += plain is not prod.pattern
        for t in (text, text.upper(), text.lower(), prod.example):
            assert _matches_all(prod.pattern, t) == _matches_all(plain, t), prod.name
    assert guarded >= 10, "most productions should be guarded"
    # a lookbehind and a digit first: the guard sees through the lookbehind to the digit
    assert with_start_guard(r"(?<![\w.])\d+%") == r"(?=[\d])(?:(?<![\w.])\d+%)"
    # a pattern that starts with a class or a literal is left alone: re itself already jumps to it
    assert start_guarded(re.compile(r"[(\[]\s*\d+")).pattern == r"[(\[]\s*\d+"
    assert start_guarded(re.compile(r"(?:a|b)c", re.I)).pattern.startswith("(?=")
    assert start_guarded(re.compile(r"(?i)(?:a|b)c")).pattern == r"(?i)(?:a|b)c"     # global flags stay first


def _matches_all(pattern: re.Pattern, text: str):
    return [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(text)]


def test_guarded_module_patterns_find_what_their_plain_patterns_find_on_every_corpus_text():
    from pathlib import Path
    from evidence_review.extract import core, meaning, orientation, patterns, sentence, study
    from evidence_review.extract.rules import arm_data
    from evidence_review.extract.textscan import scan_view
    root = Path(__file__).parent / "fixtures"
    texts = [scan_view(p.read_text(encoding="utf-8", errors="replace"))
             for p in sorted(root.glob("extract_heldout*/raw/*"))[:40] if p.is_file()]
    assert texts
    checked = 0
    for module in (core, meaning, orientation, patterns, sentence, study, arm_data):
        for name, pattern in vars(module).items():
            if not isinstance(pattern, re.Pattern) or not pattern.pattern.startswith("(?="):
                continue
            body = pattern.pattern.split(")(?:", 1)
            if len(body) < 2 or not body[1].endswith(")"):
                continue
            try:
                plain = re.compile(body[1][:-1], pattern.flags)
            except re.error:
                continue      # a hand-written lookahead, not a guard
            checked += 1
            for text in texts:
                assert _matches(pattern, text) == _matches(plain, text), f"{module.__name__}.{name}"
    assert checked >= 15


def test_rule_functions_run_once_each_in_priority_order():
    """run_rules works out its order once: every rule function, once, at the priority of its first entry."""
    from evidence_review.extract import registry
    expected = []
    for rule in sorted(registry.RULES, key=lambda r: r.priority):
        if rule.find not in expected:
            expected.append(rule.find)
    assert list(registry._FINDERS) == expected
    assert len(expected) < len(registry.RULES)     # some functions serve several shapes and must still run once
    from types import SimpleNamespace
    from evidence_review.extract.model import SentenceState
    calls = []
    # a document stating a size, a sentence holding an interval: every rule runs
    sentinel = SimpleNamespace(state=SentenceState(arm_sizes={"rituximab": 30}), cis={12: object()}, bare_pairs={},
                               kws=[(0, 12, "HR")], seg="hazard ratio 0.61 (95% CI 0.40-0.93)")
    saved = registry._FINDERS_BY_GATE
    try:
        registry._FINDERS_BY_GATE = {gate: tuple((lambda s, f=f: calls.append((f, s))) for f in finders)
                                     for gate, finders in saved.items()}
        registry.run_rules(sentinel)
    finally:
        registry._FINDERS_BY_GATE = saved
    assert [f for f, _ in calls] == expected
    assert all(s is sentinel for _, s in calls)
    assert list(registry._FINDERS_BY_GATE[True, True, True, True]) == expected
    # without any arm's size, interval, measure name or share, the same order less the rules that need one
    # (tests/test_extract_rule_gates.py)
    assert list(registry._FINDERS_BY_GATE[False, False, False, False]) == [
        f for f in expected if f not in registry.NEED_ARM_SIZES | registry.NEED_INTERVAL | registry.NEED_MEASURE_NAME
        | registry.NEED_PERCENT]


def test_the_role_word_patterns_find_what_their_plain_patterns_find():
    """core._ROLE_WORDS (searched through each document whose study has an arm of the role) sit behind the start
    guard and, the rare words, a literal prefilter: on every corpus text and on role phrases written here they find
    exactly what the plain patterns find, group names and all."""
    from pathlib import Path
    from evidence_review.extract import core
    from evidence_review.extract.textscan import scan_view
    from evidence_review.regexfilter import Prefiltered
    root = Path(__file__).parent / "fixtures"
    texts = [scan_view(p.read_text(encoding="utf-8", errors="replace"))
             for p in sorted(root.glob("extract_heldout*/raw/*"))[:60] if p.is_file()]
    texts.append("The intervention reduced falls; (intervention 13.1% [181/1,378], control 9.0%). In the usual-care "
                 "arm and the Comparison group, versus the combined therapy group than the mono-therapy arms; the "
                 "Single-agent group; in the STUDY DRUG GROUP. Intervention: 12")
    for role, guarded in core._ROLE_WORDS.items():
        compiled = guarded.compiled if isinstance(guarded, Prefiltered) else guarded
        assert compiled.pattern.startswith("(?="), role
        plain = re.compile(compiled.pattern.split(")(?:", 1)[1][:-1], compiled.flags)
        found = 0
        for text in texts:
            mine = [(m.span(), m.groupdict()) for m in guarded.finditer(text)]
            assert mine == [(m.span(), m.groupdict()) for m in plain.finditer(text)], role
            found += len(mine)
        assert found, role


def test_arm_sizes_keep_each_arms_first_stated_size_and_rows_resolve_each_name_once():
    """_arm_sizes looks no further for an arm whose size it has (the first stated size is the one kept), and
    with_arm_sizes resolves each arm name once per document however many rows name it; the sizes are those of
    reading every mention."""
    from evidence_review.extract import core
    from evidence_review.extract.lexicon import find_drugs
    from evidence_review.extract.pipeline import with_arm_sizes
    from evidence_review.extract.textscan import scan_view

    scan = scan_view("Patients received rituximab (n=40) or azathioprine (n = 38). Later rituximab (n=12) was "
                     "stopped; 25 patients assigned to azathioprine had relapses; placebo (n=17).")
    sizes = core._arm_sizes(scan, find_drugs(scan))
    assert sizes == {"rituximab": 40, "azathioprine": 38, "placebo": 17}

    class _Arm:
        def __init__(self, n):
            self.n = n

    class _Study:
        calls: list = []

        def resolve(self, name):
            self.calls.append(name)
            return {"rituximab": _Arm(40), "azathioprine": _Arm(38)}.get(name)

    study = _Study()
    rows = [{"intervention": "rituximab", "comparator": "azathioprine", "n_intervention": None, "n_comparator": None},
            {"intervention": "rituximab", "comparator": "", "n_intervention": None, "n_comparator": None},
            {"intervention": "azathioprine", "comparator": "unknown", "n_intervention": 30, "n_comparator": None},
            {"intervention": "unknown", "comparator": "rituximab", "n_intervention": None, "n_comparator": None}]
    with_arm_sizes(rows, study)
    assert [(r["n_intervention"], r["n_comparator"]) for r in rows] == [(40, 38), (40, None), (30, None), (None, 40)]
    assert sorted(study.calls) == ["azathioprine", "rituximab", "unknown"]
