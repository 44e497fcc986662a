"""Extraction's fast paths find exactly what the plain code they replace finds (pure speed changes, no rule changed):
each is compared with the plain search on the project's tuning texts and on shapes written here."""
from __future__ import annotations

from pathlib import Path

from evidence_review.extract import core
from evidence_review.paths import repo_root


# the tuning sets (tests/fixtures/extract_heldout, extract_heldout2 ... 11): never a blind batch
_TUNING_SETS = ("", *map(str, range(2, 12)))


def _texts() -> list[str]:
    """The plain-text tuning documents (held-out sets) and the shared development texts and seeds."""
    shared = repo_root().parent / "shared"
    shared = shared if shared.exists() else Path("/work/shared")
    folders = [shared / "dev_corpus" / "raw", shared / "seeds" / "raw"] + [
        repo_root() / "tests" / "fixtures" / f"extract_heldout{n}" / "raw" for n in _TUNING_SETS]
    return [path.read_text(encoding="utf-8", errors="replace")
            for folder in folders if folder.exists() for path in sorted(folder.glob("*.txt"))]


_DEFINITION_CASES = [
    "aclidinium bromide (AB) and formoterol fumarate ( FF ) twice daily; AB (AB) alone; x-ray (CT)",
    "the long acting beta agonist (LABA), (LABA) again, and (NO) definition; long-acting\u00a0agonists (LAMA)",
    "Intravenous immunoglobulin (IVIG) versus plasma exchange (PLEX); (PE) (PEX); a b c (ABC); abcd(EF)(GH)",
    "", "(AB)", "word (AB", "tetanus toxoid-(TT) and -- (DD) and\n\nnewline\nrun\t(NR) (NRR)",
]


def test_abbreviation_definitions_found_bracket_first_are_those_the_whole_text_search_finds():
    """core._definitions looks for each definition only before its bracket: the same matches as the pattern over the
    whole text, on every tuning text and on shapes written here (spaces inside the bracket, hyphens, no definition)."""
    found = 0
    for text in _DEFINITION_CASES + _texts():
        plain = [(m.span(), m.groupdict()) for m in core._LOWER_DEFINITION.finditer(text)]
        fast = [(m.span(), m.groupdict()) for m in core._definitions(text)]
        assert fast == plain, text[:200]
        found += len(plain)
    assert found > 50


def _sentences(texts: list[str]) -> list[str]:
    from evidence_review.extract.textscan import scan_view, sentence_spans
    out = []
    for text in texts:
        scan = scan_view(text)
        out += [scan[a:b] for a, b in sentence_spans(scan)]
    return out


_TIME_CASES = ["at week 12 and 24 h after", "8\u201312 weeks postpartum (pp)", "for 5 days, at 28 d and 42 d", "",
               "the first three years of life", "aged 6 months, every 4 weeks", "at 24 h, 48 h and 72 h"]


def test_timepoints_read_once_per_text_are_those_read_each_time():
    """timepoints.timepoint_spans remembers each text's times: every caller gets the times the plain reading gives, in
    a list of its own (a caller changing it changes nothing for the next)."""
    from evidence_review.extract import timepoints
    plain = timepoints._timepoint_spans.__wrapped__
    texts = _TIME_CASES + _sentences(_texts()) + _texts()
    found = 0
    for text in texts:
        for bare_short in (False, True):
            first = timepoints.timepoint_spans(text, bare_short)
            assert first == list(plain(text, bare_short)), text[:200]
            found += len(first)
            first.append((0, 0, "changed by a caller"))
            assert timepoints.timepoint_spans(text, bare_short) == list(plain(text, bare_short))
    assert found > 500
    assert timepoints.timepoint_spans(None) == []


def _plain_abbreviation_definitions(scan: str):
    """study._abbreviation_definitions as it was: every position of the run before each bracket tried."""
    from evidence_review.extract import study
    done = 0
    for bracket in study._BRACKET_RE.finditer(scan):
        end_name = bracket.start()
        while end_name > done and scan[end_name - 1].isspace():
            end_name -= 1
        start = end_name
        while start > done and (scan[start - 1] in study._NAME_CHARS or scan[start - 1].isalnum()):
            start -= 1
        for pos in range(start, end_name):
            if study._LONG_NAME_RE.fullmatch(scan, pos, end_name):
                yield scan[pos:end_name], bracket.group("abbr")
                done = bracket.end()
                break


_NAME_CASES = ["chloroquine (CQ) and sulphadoxine-pyrimethamine (SP)", "a b c d e f g h i j (ABC)",
               "one two three four five six seven (SS)", "one/two/three four/five six seven (OT)", "5-fluorouracil (5FU)",
               "x  y (XY)", "unilateral(U/L) and the 2nd arm_b (AB)", "\u00e9tude clinique (EC)", "", "(CQ)"]


def test_abbreviation_names_found_from_their_last_words_are_those_every_position_finds():
    """study._abbreviation_definitions tries only the positions a name can start at (a letter, at most five joints
    before the bracket): the same (name, abbreviation) pairs as trying every position."""
    from evidence_review.extract import study
    found = 0
    for text in _NAME_CASES + _texts():
        plain = list(_plain_abbreviation_definitions(text))
        assert list(study._abbreviation_definitions(text)) == plain, text[:200]
        found += len(plain)
    assert found > 100
    assert study._LONG_NAME.endswith("{0,%d}" % study._NAME_MAX_JOINTS)


def test_number_claims_skip_only_numbers_whose_tests_cannot_pass():
    """Sentence._claim_non_values tests a number for a titre or allocation ratio only in a sentence holding a colon,
    and for a time of day only when it is four characters long: on every real sentence (and titres, ratios and clock
    times written here) each plain test passes only where its guard lets it run."""
    from evidence_review.extract import sentence as S
    from evidence_review.extract.grammar import tokenize
    texts = _sentences(_texts()) + ["titres of 1:64 and 1:128; allocated 2:1", "at 0800, 1000 and 1700 hours", "TRIAL-1: 38%"]
    ran = 0
    for seg in texts:
        for n in tokenize(seg):
            titre = S._COLON_NUMBER_AFTER.match(seg[n.full_end:n.full_end + 4]) \
                or S._NUMBER_COLON_BEFORE.search(seg[max(0, n.start - 10):n.start])
            assert not titre or ":" in seg
            assert not S._CLOCK_TIME.fullmatch(n.text) or len(n.text) == 4
            ran += bool(titre) + bool(S._CLOCK_TIME.fullmatch(n.text))
    assert ran > 20
