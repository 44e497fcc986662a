"""The literal prefilter answers what the regex answers: it only passes over texts that cannot match."""
from __future__ import annotations

import random
import re
import sys

from evidence_review.regexfilter import Prefiltered, fold, prefiltered, required_literals


def test_fold_keeps_every_case_insensitive_match_of_an_ascii_letter():
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        twins = re.findall(letter, everything, re.IGNORECASE)
        assert len(twins) >= 2
        for twin in twins:
            assert fold(twin) == letter, (letter, hex(ord(twin)))


def test_required_literals_of_shapes():
    assert required_literals(re.compile(r"\b(?:published|online)\b\s+\d", re.I)) == {("published", True),
                                                                                     ("online", True)}
    assert required_literals(re.compile(r"\bPMID\s*:?\s*(\d+)")) == {("PMID", False)}
    assert required_literals(re.compile(r"(?i:lupus nephritis)|\bLN\b")) == {("lupus nephritis", True), ("LN", False)}
    assert required_literals(re.compile(r"(?:©|\(c\)|copyright)\s*\d{4}", re.I)) == {
        ("©", True), ("(c)", True), ("copyright", True)}
    assert required_literals(re.compile(r"publié", re.I)) == {("publi", True)}  # only what fold keeps comparable
    for nothing in (r"a|\d+", r"\d{4}", r"(?:abc)?\d", r"[A-Z][a-z]+", r"(?=abc)\w"):
        assert required_literals(re.compile(nothing)) is None
        assert prefiltered(re.compile(nothing)).__class__ is re.Pattern


def test_prefiltered_patterns_find_what_the_patterns_find():
    from evidence_review.ingest import conditions, design, identifiers, metadata, sample_size, structure

    patterns = [p for _, p in conditions.condition_vocabulary()] + identifiers.YEAR_PATTERNS + [
        identifiers._DOI_IN_TEXT, identifiers._DOI_LABELLED, identifiers._PMID, identifiers._PMCID,
        design._YOU_IN_TEXT, design._OBSERVATIONAL_IN_TEXT] + design._NEWS + design._NEWS_WEAK + [
        p for _, p in design._TEXT_RULES] + [filtered for _, _, filtered, _ in sample_size._TIERS] + [
        sample_size._SUM_FILTERED, sample_size._ARM_SUM_FILTERED, sample_size._ARM_ITEM_FILTER,
        structure._INLINE_LABEL, structure._COLON_LABEL, metadata._LINK_TO, metadata._PUBLISHED_BY,
        metadata._JOURNAL_YEAR_VOLUME]
    filtered = [p for p in patterns if isinstance(p, Prefiltered)]
    assert len(filtered) >= 45
    words = ["NMOSD", "nmosd", "Neuromyelitis Optica", "LN", "ln", "lupus NEPHRITIS", "MG", "mg", "myasthenic",
             "SLE", "TB", "tuberculoſis", "PUBLİSHED", "published", "online", "Epub", "©", "(C)", "Copyright",
             "2021", "Mar", "MAR", "14;", "doi:", "DOI", "10.1000/xyz", "PMID:", "PMCID: PMC123", "you", "YOUR",
             "retrospective", "cohort", "randomised", "randomly assigned", "placebo", "said", "told", "reporters",
             "the", "of", "patients", "\n", ".", ",", ":", "|", "Posted by Jane Doe", "Reuters", "(", ")", "İ", "ı",
             "K", "study protocol", "meta-analysis", "systematic review", "case series", "News", ">", "143", "Seventy-two",
             "patients were randomly assigned", "participants", "were enrolled", "received", "were assigned to",
             "a total of", "and 42", "Results", "RESULTS:", "Methods", "Link to Neurology", "© 2020 Elsevier.",
             "Lancet published by", "Neurology 2019; 12:", "Background"]
    rng = random.Random(2)
    skipped = matched = 0
    for _ in range(3000):
        text = rng.choice([" ", "", "\n"]).join(rng.choice(words) for _ in range(rng.randint(0, 25)))
        for pattern in filtered:
            expected = [(m.span(), m.groups()) for m in pattern.compiled.finditer(text)]
            assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == expected, (pattern.pattern, text)
            assert pattern.findall(text) == pattern.compiled.findall(text)
            assert bool(pattern.search(text)) == bool(expected)
            skipped += not pattern.may_match(text)
            matched += bool(expected)
    assert skipped > 10_000 and matched > 1_000  # both answers are exercised
    assert all(isinstance(p.pattern, str) and p.flags == p.compiled.flags for p in filtered)  # reads as a Pattern


def test_remembered_search_answers_what_the_pattern_answers_and_searches_a_text_once():
    from evidence_review.regexfilter import RememberedSearch

    pattern = re.compile(r"\bet\s+al\b|\[\s*\d+\s*\]", re.I)
    remembered = RememberedSearch(pattern)
    rng = random.Random(23)
    words = ["Smith", "et", "al", "ET AL", "[12]", "[", "3", "]", "patients", "trial", "\n", ","]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(400)]
    for text in texts + texts[::-1] + ["".join(t) for t in texts]:   # asked again, and as equal new strings
        expected = pattern.search(text)
        found = remembered.search(text)
        assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group())), text
        assert [m.span() for m in remembered.finditer(text)] == [m.span() for m in pattern.finditer(text)]
        if len(text) > 6:  # a start or an end position is the pattern's own search
            after, expected_after = remembered.search(text, 3), pattern.search(text, 3)
            assert (after and after.span()) == (expected_after and expected_after.span()), text
    assert remembered.pattern == pattern.pattern and remembered.flags == pattern.flags

    class Counting:
        searched = 0

        def search(self, text, *args):
            Counting.searched += 1
            return pattern.search(text, *args)

    counting = RememberedSearch(Counting())
    sentence = "as Smith et al reported [4]"
    for _ in range(5):
        assert counting.search(sentence).group() == "et al"
    assert Counting.searched == 1
    counting.search(sentence, 10)
    assert Counting.searched == 2


def test_sentence_wide_citation_tests_are_remembered():
    """The citation tests several rules ask of one sentence (once per value, some of them) search it once."""
    from evidence_review.extract.rules import aligned, population, proportions
    from evidence_review.regexfilter import RememberedSearch

    for pattern in (aligned._ELSEWHERE, population._OTHER_STUDY, proportions._CITED):
        assert isinstance(pattern, RememberedSearch)
        assert pattern.search("as Smith et al. reported, 40% relapsed").group() == "et al"
