"""DOI, PMID and publication year: find them in text, put them in one canonical form."""
from __future__ import annotations

import re

from ..regexfilter import prefiltered

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"'<>\]\[{}|\\^`]+)", re.IGNORECASE)
_DOI_LABELLED = re.compile(r"(?:\bdoi\b\s*[:=]?\s*|doi\.org/)(10\.\d{4,9}/[^\s\"'<>\]\[{}|\\^`]+)", re.IGNORECASE)
_PMID = re.compile(r"\bPMID\s*[:=]?\s*(\d{1,9})\b")
_PMCID = re.compile(r"\bPMCID\s*[:=]?\s*(PMC\d{1,9})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

#: Places a publication year is stated, most reliable first. Each pattern has one group: the year.
YEAR_PATTERNS = [
    # Citation line: "Neurology. 2021 Feb 9;96(6):e853" or ". 2024 May 14;95(11)"
    re.compile(rf"\b(1[89]\d\d|20\d\d)\s+{MONTHS}(?:\s+\d{{1,2}})?\s*;\s*\d"),
    re.compile(r"\b(1[89]\d\d|20\d\d)\s*;\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*:\s*[e\d]"),  # "2007; 13: 968"
    re.compile(rf"\(\s*{MONTHS}\s+(1[89]\d\d|20\d\d)\s*\)"),  # "BMC Neurology (Mar 2019)"
    re.compile(r"\b(?:published|publicado|publié|publicación|online|epub)\b[^\n]{0,60}?\b(1[89]\d\d|20\d\d)\b",
               re.IGNORECASE),
    re.compile(r"\blast update\s*:\s*(1[89]\d\d|20\d\d)-\d\d", re.IGNORECASE),
    # "Posted: March 3, 2024", "Date: 12 March 2021", "Released 2024-03-03"
    re.compile(rf"\b(?:posted|released|issued|date|dated)\b\s*:?\s*(?:on\s+)?(?:{MONTHS}\s+\d{{1,2}},?\s+|"
               rf"\d{{1,2}}\s+{MONTHS},?\s+)?(1[89]\d\d|20\d\d)\b", re.IGNORECASE),
    # a line (or a "|"-separated part of one) that is only a date, as news pages print it under the headline
    # or in the section line: "Monday, March 3, 2024", "NEWS | Neurology | 14 April 2025"
    re.compile(rf"(?:^|[|·•])[ \t]*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:{MONTHS}\s+\d{{1,2}},?\s+|"
               rf"\d{{1,2}}\s+{MONTHS},?\s+)(1[89]\d\d|20\d\d)[ \t]*(?=$|[|·•])", re.MULTILINE),
    re.compile(r"(?:©|\(c\)|copyright)\s*(1[89]\d\d|20\d\d)\b", re.IGNORECASE),
]

#: Author-year file names ("jeong2016_aza.txt", "Smith 2019.ris") as a last resort.
_FILENAME_YEAR = re.compile(r"(?:^|[_\s-])[A-Za-z]{3,}[_ ]?((?:19[5-9]|20[0-4])\d)(?=$|[_\s.-])")


_RESOLVER_PREFIX = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/", re.IGNORECASE)
_DOI_LABEL = re.compile(r"^doi\s*:\s*", re.IGNORECASE)
_DOI_TAG = re.compile(r"\s*\[doi\]$", re.IGNORECASE)
_DIGITS = re.compile(r"\d{1,9}")


def clean_doi(doi: str) -> str:
    """Canonical DOI: lower case, no resolver prefix, no trailing punctuation."""
    doi = (doi or "").strip()
    doi = _RESOLVER_PREFIX.sub("", doi)
    doi = _DOI_LABEL.sub("", doi)
    doi = doi.rstrip(".,;:)]}>'\"")
    # A DOI pasted straight before the next word (" - DOI - PMC") or with a "[doi]" tag.
    doi = _DOI_TAG.sub("", doi)
    m = _DOI.match(doi)
    return m.group(1).rstrip(".,;:)]}>'\"").lower() if m else ""


def clean_pmid(pmid: str) -> str:
    m = _DIGITS.search(str(pmid or ""))
    return m.group(0).lstrip("0") if m else ""


def clean_year(year: str) -> str:
    m = _YEAR.search(str(year or ""))
    return m.group(1) if m else ""


# Behind literal prefilters (regexfilter): the same matches, without visiting a text that holds none of their words.
YEAR_PATTERNS = [prefiltered(p) for p in YEAR_PATTERNS]
_DOI_IN_TEXT, _DOI_LABELLED, _PMID, _PMCID = (prefiltered(p) for p in (_DOI, _DOI_LABELLED, _PMID, _PMCID))


def find_doi(text: str) -> str:
    """The document's own DOI: a labelled one ("DOI: ...", "doi.org/...") first, else the first DOI-shaped string."""
    m = _DOI_LABELLED.search(text) or _DOI_IN_TEXT.search(text)
    return clean_doi(m.group(1)) if m else ""


def find_pmid(text: str) -> str:
    m = _PMID.search(text)
    return clean_pmid(m.group(1)) if m else ""


def find_pmcid(text: str) -> str:
    m = _PMCID.search(text)
    return m.group(1) if m else ""


def find_year(text: str) -> str:
    """The publication year from citation lines, "Published ..." or copyright notices (not from study dates)."""
    for pattern in YEAR_PATTERNS:
        m = pattern.search(text)
        if m:
            return m.group(1)
    return ""


def year_from_filename(name: str) -> str:
    m = _FILENAME_YEAR.search(name.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    return m.group(1) if m else ""
