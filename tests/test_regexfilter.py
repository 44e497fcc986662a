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
    from evidence_review.ingest import conditions, design, identifiers

    patterns = [p for _, p in conditions.condition_vocabulary()] + identifiers.YEAR_PATTERNS + [
        identifiers._DOI_IN_TEXT, identifiers._DOI_LABELLED, identifiers._PMID, identifiers._PMCID,
        design._YOU_IN_TEXT, design._OBSERVATIONAL_IN_TEXT] + design._NEWS + design._NEWS_WEAK + [
        p for _, p in design._TEXT_RULES]
    filtered = [p for p in patterns if isinstance(p, Prefiltered)]
    assert len(filtered) >= 30
    words = ["NMOSD", "nmosd", "Neuromyelitis Optica", "LN", "ln", "lupus NEPHRITIS", "MG", "mg", "myasthenic",
             "SLE", "TB", "tuberculoſis", "PUBLİSHED", "published", "online", "Epub", "©", "(C)", "Copyright",
             "2021", "Mar", "MAR", "14;", "doi:", "DOI", "10.1000/xyz", "PMID:", "PMCID: PMC123", "you", "YOUR",
             "retrospective", "cohort", "randomised", "randomly assigned", "placebo", "said", "told", "reporters",
             "the", "of", "patients", "\n", ".", ",", ":", "|", "Posted by Jane Doe", "Reuters", "(", ")", "İ", "ı",
             "K", "study protocol", "meta-analysis", "systematic review", "case series", "News", ">"]
    rng = random.Random(2)
    skipped = matched = 0
    for _ in range(3000):
        text = rng.choice([" ", "", "\n"]).join(rng.choice(words) for _ in range(rng.randint(0, 25)))
        for pattern in filtered:
            expected = [(m.span(), m.groups()) for m in pattern.pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == expected, (pattern.pattern.pattern, text)
            assert pattern.findall(text) == pattern.pattern.findall(text)
            assert bool(pattern.search(text)) == bool(expected)
            skipped += not pattern.may_match(text)
            matched += bool(expected)
    assert skipped > 10_000 and matched > 1_000  # both answers are exercised
