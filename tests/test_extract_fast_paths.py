"""Extraction's fast paths find exactly what the plain code they replace finds (pure speed changes, no rule changed):
each is compared with the plain search on the project's tuning texts and on shapes written here."""
from __future__ import annotations

from pathlib import Path

from evidence_review.extract import core
from evidence_review.paths import repo_root


def _texts() -> list[str]:
    """The plain-text tuning documents (held-out sets) and the shared development texts and seeds."""
    shared = repo_root().parent / "shared"
    shared = shared if shared.exists() else Path("/work/shared")
    folders = [shared / "dev_corpus" / "raw", shared / "seeds" / "raw"] + sorted(
        (repo_root() / "tests" / "fixtures").glob("extract_heldout*/raw"))
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
