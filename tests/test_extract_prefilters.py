"""Extraction's patterns behind a literal prefilter (or a gate) find exactly what the bare patterns find: the
prefilter only passes over texts that cannot match, so outputs stay byte-identical while most sentences are
answered without the regex engine."""
from __future__ import annotations

import importlib
import pkgutil
import random
import re
from pathlib import Path

import evidence_review.extract as extract_package
import evidence_review.extract.rules as rules_package
from evidence_review.extract import core, study
from evidence_review.extract.textscan import scan_view, sentence_spans
from evidence_review.paths import repo_root
from evidence_review.regexfilter import Prefiltered


def _module_prefilters() -> dict[str, Prefiltered]:
    found = {}
    for package in (extract_package, rules_package):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, value in vars(module).items():
                if isinstance(value, Prefiltered):
                    found[f"{info.name}.{name}"] = value
    return found


def _sentences() -> list[str]:
    """Real-shaped sentences: the shared development texts and seeds, cut as the extractor cuts them."""
    shared = repo_root().parent / "shared"
    shared = shared if shared.exists() else Path("/work/shared")
    out = []
    for folder in (shared / "dev_corpus" / "raw", shared / "seeds" / "raw"):
        for path in sorted(folder.glob("*"))[:40] if folder.exists() else ():
            if path.is_file():
                scan = scan_view(path.read_text(encoding="utf-8", errors="replace"))
                out += [scan[a:b] for a, b in sentence_spans(scan)]
    return out


_WORDS = ["No", "none", "of the", "patients", "Twelve", "women", "men", "assumed", "sample size", "power of",
          "80% power", "results", "at", "12 weeks", "outcomes", "unadjusted", "adjusted", "crude", "multivariable",
          "previously reported", "according to the previous", "mean", "MEAN", "average", "medians", "PFS", "OS",
          "overall survival", "survival time", "rates of change", "reduction", "declined", "difference", "baseline",
          "Kaplan", "approximately 40%", "about 3.5 %", "12", "(", ")", ",", ".", "girls", "boys", "females",
          "were included as the", "enrolled as an", "control group", "observation arm", "rituximab", "the", "and"]


def test_prefiltered_extraction_patterns_find_what_the_patterns_find():
    filtered = _module_prefilters()
    assert {"core._ASSUMPTION", "meaning._ADJUSTED_YES", "arm_data._MEAN_WORD", "study._ALLOCATION",
            "study._INCLUDED_AS_TAIL"} <= set(filtered)
    texts = _sentences()
    assert len(texts) > 500
    rng = random.Random(7)
    texts += [rng.choice([" ", "", "\n"]).join(rng.choice(_WORDS) for _ in range(rng.randint(0, 20)))
              for _ in range(1500)]
    skipped = matched = 0
    for name, pattern in filtered.items():
        for text in texts:
            expected = [(m.span(), m.groups()) for m in pattern.compiled.finditer(text)]
            assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == expected, (name, text)
            assert bool(pattern.search(text)) == bool(expected), (name, text)
            assert bool(pattern.search(text, 3)) == bool(pattern.compiled.search(text, 3)), (name, text)
            skipped += not pattern.may_match(text)
            matched += bool(expected)
    assert skipped > 10_000 and matched > 1_000   # both answers are exercised


def test_arm_name_patterns_find_what_the_patterns_find():
    texts = _sentences()[:400] + ["the rivaroxaban-plus-aspirin group did better", "the Aspirin-alone arm",
                                  "CQ and DP", "aspirin plus"]
    for name in ("aspirin", "rivaroxaban plus aspirin", "cq", "intensified regimen", "placebo"):
        pattern = core._arm_name_pattern(name)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.compiled.finditer(text)]


def test_included_as_runs_only_where_its_tail_is():
    """Every "N <people> ... included/enrolled as a/the X group" holds the tail searched first, so the gate never
    hides a size the document states that way."""
    stated = ["Fifty-two infants with jaundice were included as an observation group.",
              "A total of 118 children admitted in 2019 were enrolled as the control arm.",
              "64 patients (aged 18-65 years) served as the reference group",
              "Thirty women were selected as a study group, and 31 as the comparison group."]
    not_stated = ["Fifty-two infants were included in the observation group.", "118 children were enrolled.",
                  "The control group was included as planned.", "30 women served as controls."]
    for text in stated:
        assert study._INCLUDED_AS.search(text) and study._INCLUDED_AS_TAIL.search(text), text
    for text in not_stated:
        assert not study._INCLUDED_AS.search(text), text
    for text in _sentences() + stated + not_stated:
        assert study._INCLUDED_AS.search(text) is None or study._INCLUDED_AS_TAIL.search(text), text


def test_condition_counts_over_the_conditions_present_count_what_the_whole_alternation_counts():
    from evidence_review.extract import lexicon

    alternation, labels = lexicon._condition_matcher()
    pattern = re.compile(alternation.pattern)      # the whole alternation, every condition in it

    def whole(text: str) -> dict[str, int]:
        counts: dict[int, int] = {}
        for m in pattern.finditer(text):
            counts[int(m.lastgroup[1:])] = counts.get(int(m.lastgroup[1:]), 0) + 1
        return {labels[i]: counts[i] for i in sorted(counts)}

    written = ["Adults with generalized MG and myasthenic crisis; mg doses", "Lupus nephritis (LN) in SLE, not ln",
               "NMOSD, neuromyelitis optica and Devic's disease with AQP4-IgG", "RRMS and MOG-IgG antibodies in MOGAD",
               "Pulmonary TB (tuberculosis) with ITP", "no condition named here at all", "",
               "CIDP after Guillain-Barré syndrome; GBS", "ANCA-associated vasculitis (AAV) and IgG4-RD"]
    texts = written + _sentences()[:800]
    rng = random.Random(11)
    texts += [" ".join(rng.sample(written, 3)) for _ in range(200)]
    counted = 0
    for text in texts:
        assert lexicon.condition_counts(text) == whole(text), text
        counted += bool(whole(text))
    assert counted > 200
    assert len(alternation.present("Lupus nephritis in adults")) < len(labels)  # the alternation shrinks


def test_measure_names_searched_among_those_present_are_found_as_the_whole_alternation_finds_them():
    from evidence_review.extract import patterns as P

    whole = re.compile(P.MEASURE_WORDS_RE.pattern, re.I)
    names = ["hazard ratio", "HAZARD RATIOS", "odds", "odds of", "odds ratio", "risk ratio", "relative risk",
             "relative risk reduction", "risk difference", "absolute risk reduction", "mean difference",
             "standardised mean difference", "Hedges' g", "Cohen\u2019s d", "effect size", "effect size of eta",
             "difference in means", "placebo-adjusted change", "treatment effect was", "between-group differences of",
             "annualized relapse rate", "relapse rate ratio", "incidence rate ratio", "rate ratio", "\u017ftandardi\u017fed"
             " mean difference", "differences", "was", "of", "(", "2.1", "the", "treatment", "relapse", "effect"]
    texts = _sentences()
    rng = random.Random(13)
    texts += [rng.choice([" ", ", "]).join(rng.choice(names) for _ in range(rng.randint(0, 8))) for _ in range(1500)]
    found = 0
    for text in texts:
        expected = [(m.span(), m.lastgroup) for m in whole.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in P.MEASURE_WORDS_RE.finditer(text)] == expected, text
        assert bool(P.MEASURE_WORDS_RE.search(text)) == bool(expected), text
        found += bool(expected)
    assert found > 1000
    # a sentence is searched with the alternatives of the names whose words it holds
    codes = [code for code, _ in P.MEASURE_WORDS]
    assert [codes[i] for i in P.MEASURE_WORDS_RE.present("The odds of death were lower.")] == ["OR"]
    assert len(P.MEASURE_WORDS_RE.present("The hazard ratio was 0.5.")) < len(codes) / 2
    assert P.MEASURE_WORDS_RE.present("Pain fell by 2 points.") == ()


def test_outcomes_searched_among_those_present_are_found_as_the_whole_alternation_finds_them():
    from evidence_review.extract import lexicon

    alternation, rows = lexicon._outcome_matcher()
    whole = re.compile(alternation.pattern, re.I)
    texts = _sentences() + ["", "Relapse-free survival and EDSS worsening; relapsed patients", "ANNUALIZED RELAPSE RATE"]
    found = 0
    for text in texts:
        expected = [(m.span(), m.lastgroup) for m in whole.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in alternation.finditer(text)] == expected, text
        assert lexicon.has_outcome(text) == bool(expected), text
        for start in {span[0] for span, _ in expected[:3]} | {0, len(text) // 2}:
            m = whole.match(text, start)
            assert lexicon.outcome_at(text, start) == (None if m is None else rows[int(m.lastgroup[1:])]), text
        found += bool(expected)
    assert found > 100


def test_present_alternation_keeps_a_bounded_number_of_compiled_alternations(monkeypatch):
    from evidence_review.regexfilter import PresentAlternation

    alternation = PresentAlternation([(f"w{i}", f"word{i}x") for i in range(12)])
    monkeypatch.setattr(PresentAlternation, "KEPT", 4)
    for i in range(12):
        for j in range(i, 12):
            text = f"a word{i}x and a word{j}x"
            assert [m.lastgroup for m in alternation.finditer(text)] == [f"w{i}", f"w{j}"]
            assert len(alternation._compiled) <= 4


def test_held_strings_answer_as_in_does_for_each_string():
    from evidence_review.regexfilter import HeldStrings

    # prefixes of one another, overlapping, repeated, non-ASCII and regex characters
    strings = ["ae", "aes", "aeb", "relaps", "relapse", "relapse rate", "lapse", "rate", "e r", "(c)", "\u00a9", "a+b",
               "x.y", "teae", "ea", "sae"]
    held = HeldStrings({s: 1 << i for i, s in enumerate(strings)})
    rng = random.Random(17)
    pieces = strings + ["a", "e", "b", " ", "r", "relap", "(", "c", ")", "+", ".", "t", "s", "x", "y", "z"]
    texts = ["", "aes", "relapse rate", "teaes", "the relapse rate (c) x.y a+b"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    hits = 0
    for text in texts:
        expected = sum(1 << i for i, s in enumerate(strings) if s in text)
        assert held.held(text) == expected, text
        hits += bin(expected).count("1")
    assert hits > 10_000
    assert HeldStrings({}).held("anything") == 0


def test_present_alternatives_are_those_whose_filters_may_match():
    from evidence_review.extract import lexicon
    from evidence_review.extract import patterns as P

    alternations = [lexicon._outcome_matcher()[0], lexicon._condition_matcher()[0], P.MEASURE_WORDS_RE]
    texts = _sentences()[:1500] + ["", "Relapse-free survival and EDSS worsening; ANNUALIZED RELAPSE RATE",
                                   "\u017ftandardi\u017fed mean difference in MG and LN", "Lupus nephritis in adults"]
    present = 0
    for alternation in alternations:
        for text in texts:
            expected = tuple(i for i, f in enumerate(alternation._filters) if f.may_match(text))
            assert alternation.present(text) == expected, text
            present += bool(expected)
    assert present > 500


def _unguarded(pattern: re.Pattern) -> re.Pattern:
    """The pattern a start guard (regexguard.with_start_guard) was put in front of: "(?=GUARD)(?:PATTERN)"."""
    from evidence_review.regexguard import with_start_guard

    source = pattern.pattern
    for at in [i for i in range(len(source)) if source.startswith(")(?:", i)]:
        bare = source[at + 4:-1]
        if source.startswith("(?=") and with_start_guard(bare, pattern.flags) == source:
            return re.compile(bare, pattern.flags)
    raise AssertionError(f"no start guard in {source[:60]}")


#: patterns scanned over whole sentences that re cannot jump through (a word boundary or a lookbehind first), put
#: behind a start guard (and the ones with rare words behind their literal prefilter too) in session 19's speed pass
_GUARDED_THIS_PASS = ["aligned._ELSEWHERE", "aligned._CLAUSE_BREAK", "aligned._GATE", "aligned._SET_APART",
                      "grammar._STATISTIC_NAMED", "grammar.POPULATION", "population._OTHER_STUDY",
                      "population._NAMES_AN_ARM", "population._POPULATION_HERE", "population._SEX_SHARE",
                      "arm_data._SPREAD_HEADER", "proportions._N_PERCENT_HEADER", "proportions._PEOPLE_WITH_THE_EVENT",
                      "proportions._ALL_OF_PEOPLE", "differences._COMPARES", "within_arm._TWO_TIMES",
                      "sentence._SCALE_SIZE_GATE"]


def test_start_guarded_sentence_patterns_find_what_the_bare_patterns_find():
    modules = {info.name: importlib.import_module(f"{package.__name__}.{info.name}")
               for package in (extract_package, rules_package) for info in pkgutil.iter_modules(package.__path__)}
    texts = _sentences()[:1500]
    rng = random.Random(19)
    texts += [rng.choice([" ", ", ", "\n"]).join(rng.choice(_WORDS) for _ in range(rng.randint(0, 20)))
              for _ in range(500)]
    matched = 0
    for name in _GUARDED_THIS_PASS:
        module, attribute = name.split(".")
        pattern = getattr(modules[module], attribute)
        compiled = pattern.compiled if isinstance(pattern, Prefiltered) else pattern
        bare = _unguarded(compiled)
        for text in texts:
            expected = [(m.span(), m.groups()) for m in bare.finditer(text)]
            assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == expected, (name, text)
            assert [m.span() for m in compiled.finditer(text, 5, max(5, len(text) - 7))] == \
                [m.span() for m in bare.finditer(text, 5, max(5, len(text) - 7))], (name, text)
            matched += bool(expected)
    assert matched > 500


def test_name_then_code_runs_only_where_its_bracket_is():
    """Every "X (arm 1, n = 45)" holds the bracket searched first (the pattern's own tail), so the gate never hides
    an arm's code; the pattern is the words before the bracket and that tail, the same as before the gate."""
    stated = ["Patients received rituximab (arm 1, n = 45) or placebo (Group II; N = 48).",
              "oral X (group B, n=30)", "the standing desk (ARM 3; n: 1,204)"]
    not_stated = ["rituximab (arm 1) or placebo (group 2)", "group B (n = 30)", "(arm 7, n = 4)"]
    for text in stated:
        assert study._NAME_THEN_CODE.search(text) and study._CODE_BRACKET.search(text), text
    for text in not_stated:
        assert not study._NAME_THEN_CODE.search(text), text
    assert study._NAME_THEN_CODE.pattern == (r"(?P<before>[A-Za-z][^;:()\[\].]{1,80}?)\s*[(\[]\s*(?i:group|arm)\s+"
                                             r"(?P<code>[A-H]|I{1,3}|IV|[1-6])\s*[,;]\s*(?i:n)\s*[=:]\s*\d[\d,]*\s*[)\]]")
    for text in _sentences() + stated + not_stated:
        assert study._NAME_THEN_CODE.search(text) is None or study._CODE_BRACKET.search(text), text
