"""Study labels as reviewers write them in forest plots: the first author's family name and the year ("Zhou 2025").

Author lists come in several shapes; the family name is found in each:
- "Zhou J; Yang X" or "Zhou JF, Yang X" (MEDLINE: family name, then initials) -> Zhou
- "Zhou, Jing; Yang, Xiaolin" (family name, comma, given names) -> Zhou
- "Jing Zhou, Xiaolin Yang" or "Jing Zhou; Xiaolin Yang" (given names first) -> Zhou
- a group author ("Tuberculosis Prevention Trial; Madras", "PREVENT Investigators") is kept whole.
"""
from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from importlib.resources import files

from ..tables import one_line

_INITIALS = re.compile(r"^(?:[A-Z]{1,3}|(?:[A-Z]\.-?\s?){1,3}|[A-Z]\.?-[A-Z]\.?)$")
_GROUP = re.compile(r"\b(?:trial|group|investigators|committee|council|consortium|collaborat\w*|network|"
                    r"society|study|association|institute|team)\b", re.IGNORECASE)
_ET_AL = re.compile(r"\bet\.? al\.?$", re.IGNORECASE)


def first_author_family_name(authors: str) -> str:
    """The first author's family name ('' when there is no author)."""
    authors = one_line(authors)
    if not authors:
        return ""
    if ";" in authors:
        first = authors.split(";")[0].strip()
        if "," in first:  # "Zhou, Jing"
            return first.split(",")[0].strip()
    else:
        parts = [p.strip() for p in re.split(r",| and ", authors) if p.strip()]
        first = parts[0] if parts else authors
    first = _ET_AL.sub("", first).strip(" ,.")
    if _GROUP.search(first):
        return first
    tokens = first.split()
    if not tokens:  # "; Yang X", ", et al.": no first author to name
        return ""
    if len(tokens) == 1:
        return tokens[0]
    if _INITIALS.match(tokens[-1]):  # "Zhou JF", "van der Berg J"
        return " ".join(t for t in tokens[:-1])
    if _INITIALS.match(tokens[0]):  # "J. D. Zhou", "JF Zhou"
        while len(tokens) > 1 and _INITIALS.match(tokens[0]):
            tokens = tokens[1:]
        return " ".join(tokens)
    return tokens[-1]  # "Jing Zhou": given names first


def study_label(authors, year, fallback: str) -> str:
    """"Zhou 2025"; the family name alone without a year; the fallback (a file name) without an author."""
    family = first_author_family_name(authors)
    year_text = one_line(year).split(".")[0]
    if family and year_text:
        return f"{family} {year_text}"
    if family:
        return family
    stem = fallback.rsplit("/", 1)[-1]
    return stem.rsplit(".", 1)[0] if "." in stem else stem


@lru_cache(maxsize=1)
def _lexicon_spellings() -> dict[str, str]:
    """lowercase canonical arm name -> its spelling in the drug lexicon ("bcg vaccine" -> "BCG vaccine")."""
    path = files("evidence_review") / "data" / "drugs.csv"
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    return {r["canonical"].strip().lower(): r["canonical"].strip() for r in rows if r.get("canonical")}


def display_name(name: str) -> str:
    """An arm as the lexicon spells it ("bcg vaccine" -> "BCG vaccine"); other names unchanged."""
    name = str(name or "")
    return _lexicon_spellings().get(name.lower(), name) if name else name


def sentence_start(name: str) -> str:
    """An arm name opening a sentence: the lexicon's spelling when it has capitals ("BCG vaccine"), else the
    first letter capitalized ("Rituximab")."""
    name = str(name or "")
    spelled = _lexicon_spellings().get(name.lower(), "")
    if spelled and spelled != spelled.lower():
        return spelled
    return name[:1].upper() + name[1:]
