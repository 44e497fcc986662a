"""Bibliographic fields read from a document's cleaned text when its format has no fields for them:
the title line, the author line, the journal named in a citation line.

Titles: the first title-like line in the page head (before the first section label such as "Abstract" or
"Background:"), skipping navigation, citation and label lines. When a text has no title line at all (an
abstract pasted on its own), the first sentence stands in and `title_source` says so.
"""
from __future__ import annotations

import re

from ..regexfilter import prefiltered
from .boilerplate import classify_line
from .identifiers import MONTHS

#: Lines scanned for a title at the top of a page.
TITLE_SCAN_LINES = 15
MAX_TITLE_WORDS = 40
MAX_TITLE_WORDS_WITH_PERIOD = 25
MAX_TITLE_CHARS = 300

SECTION_LABEL = re.compile(
    r"[\"“”'(]*(abstract|summary|background|objectives?|aims?|purpose|introduction|methods?|materials and methods|"
    r"design|setting|participants|interventions?|results?|findings|conclusions?|interpretation|discussion|"
    r"importance|context|keywords?|key words|background and (purpose|objectives?|aims?)|"
    r"design/methods|methods and findings|main outcome measures?|trial registration|classification of evidence|"
    r"resumen|sumario|objetivos?|m[eé]todos|resultados|conclusi[oó]n(es)?)\b\s*[:.\-]?\s*(?=[A-Z]|$)",
    re.IGNORECASE,
)
_JOURNAL_DATE_LINE = re.compile(rf"^(?P<journal>[A-Z][\w&.,'’ -]{{2,80}}?)\s*\(\s*{MONTHS}\s+(?:19|20)\d\d\s*\)$")
_CITATION_LINE = re.compile(
    rf"^(?P<journal>[A-Z][\w&.,'’ -]{{1,80}}?)?\.?\s*(?:19|20)\d\d(?:\s+{MONTHS}(?:\s+\d{{1,2}})?)?\s*;")
_LINK_TO = re.compile(r"(?:\b|logo)Link to (?P<journal>[A-Z][\w&.,'’ -]{2,80})$")
_PUBLISHED_BY = re.compile(r"©[^\n]{0,60}?\.\s*(?P<journal>[A-Z][A-Za-z&' ]{3,80}?) published by\b")
_JOURNAL_YEAR_VOLUME = re.compile(r"(?P<journal>[A-Z][A-Za-z&' ]{3,60}?)\.? (?:19|20)\d\d\s*;\s*\d+\s*:")
# Behind literal prefilters (regexfilter): a text without "Link to", "published by", "19"/"20" is not scanned.
_LINK_TO, _PUBLISHED_BY, _JOURNAL_YEAR_VOLUME = (prefiltered(p) for p in (_LINK_TO, _PUBLISHED_BY, _JOURNAL_YEAR_VOLUME))
_LABELLED_AUTHORS = re.compile(r"^(?:autores principales|authors?|autores|auteurs)\s*:\s*(?P<names>.+)$",
                               re.IGNORECASE)
_LABEL_LINE = re.compile(r"^[-•]?\s*(?:PMID|PMCID|DOI|ISSN|ISBN|URL|https?://)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(.{20,400}?[.!?])(?=\s+[A-Z(]|\s*$)", re.DOTALL)
# Headings glued to the first word by a scraper: "BackgroundThe efficacy ..."
_GLUED_LABEL = re.compile(r"^(?:Abstract|Background|Objectives?|Aims?|Purpose|Introduction|Methods|Results|"
                          r"Conclusions?)(?=[A-Z][a-z])")
_AFFILIATION_MARKS = re.compile(r"(?<=[A-Za-z.)])\s?[\d,✉*†‡§]+(?=\s*(?:[,;]|$))")


#: Site chrome that looks like a short title: navigation, article-type labels, buttons.
SITE_CHROME = re.compile(
    r"(?:back to (?:search|results|top|articles?|list)|(?:original |research |review |journal |news |feature |"
    r"brief |special )?(?:article|research|report|communication|investigation)s?|open access|free access|full text|"
    r"(?:download|view|get) (?:pdf|article|citation|full text)|share(?: this)?(?: article)?|cite(?: this)?(?: article)?|"
    r"clinical trials?|news(?: release)?|press release|home|menu|search(?: results)?|advertisement|"
    r"related (?:articles|content)|article (?:information|contents|metrics)|in this (?:article|page)|"
    r"table of contents|previous(?: article)?|next(?: article)?|print|e-?mail|metrics|citations?|"
    r"(?:original|research|review) (?:paper|contribution|letter)s?|latest news|top stories|health news|"
    r"medical news|science news|editor'?s'? (?:choice|pick)|trending|most read|recommended)\s*[:.|»>]*",
    re.IGNORECASE)
_BYLINE = re.compile(r"(?:By|From|Written by|Reviewed by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+", re.UNICODE)


def is_site_chrome(line: str) -> bool:
    return bool(SITE_CHROME.fullmatch(line.strip().strip("\"“”")))


def _is_byline(line: str) -> bool:
    """An author line below a headline: "By Jane Doe", or a list of names."""
    line = line.strip()
    if _BYLINE.match(line):
        return True
    parts = _NAME_SEPARATORS.split(line)
    if not _may_be_names(parts):
        return False
    items = [name for name in map(_clean_author, parts) if name]
    return looks_like_names(items)


#: Characters cleaning (`_clean_author`) may take away whole: the stripped end marks and affiliation marks.
_VANISHING = frozenset(" ,;•·*0123456789✉†‡§")


def _may_be_names(parts: list[str]) -> bool:
    """False when the pieces of a line cannot pass `looks_like_names` whatever cleaning does to them: it needs four
    in five pieces to be names of at most 6 words; cleaning only removes words made of `_VANISHING` characters, so a
    piece with 7 other words stays too long, and more than one such piece in five settles it. A paragraph split at
    its commas is found out here without cleaning each of its pieces."""
    too_long = 0
    for part in parts:
        words = part.split()
        if len(words) >= 7 and _lasting_words(words) >= 7:
            too_long += 1
            if too_long * 5 > len(parts):
                return False
    return True


def _lasting_words(words: list[str], enough: int = 7) -> int:
    """How many of the words cleaning cannot take away, counted up to `enough`."""
    found = 0
    for word in words:
        if not _VANISHING.issuperset(word):
            found += 1
            if found >= enough:
                break
    return found


_NAME_SEPARATORS = re.compile(r"[;,]|\band\b")
_WHITESPACE_RUN = re.compile(r"\s+")


def _is_title_candidate(line: str) -> bool:
    if is_site_chrome(line) or " | " in line:  # a table row or a breadcrumb trail, never a title
        return False
    words = line.split()
    if len(words) < 2 or len(line) < 12 or len(words) > MAX_TITLE_WORDS or len(line) > MAX_TITLE_CHARS:
        return False
    if line.endswith(".") and len(words) > MAX_TITLE_WORDS_WITH_PERIOD:
        return False
    if line.endswith(":") or line.startswith((".", "•", "-", "*", "[", "(")):
        return False
    if _LABEL_LINE.match(line) or "http" in line or "@" in line:
        return False
    if _JOURNAL_DATE_LINE.match(line) or _CITATION_LINE.match(line):
        return False
    if sum(map(str.isdigit, line)) > len(line) * 0.2:
        return False
    if line.count(",") >= 4 and not line.endswith((".", "?", "!")):  # an author list
        return False
    return True


def find_title(text: str) -> str:
    """The title line at the top of the text, or "" when the text starts with a section label: the headline
    directly above a byline when there is one, else the first title-like line (site chrome skipped)."""
    lines = [raw.strip().strip("\"“”") for raw in text.split("\n")[:TITLE_SCAN_LINES + 5]]
    candidates: list[int] = []
    for n, line in enumerate(lines[:TITLE_SCAN_LINES]):
        if not line or classify_line(line):
            continue
        if SECTION_LABEL.match(line):
            break
        if _is_title_candidate(line):
            candidates.append(n)
    for n in candidates:
        following = next((ln for ln in lines[n + 1:] if ln), "")
        if following and _is_byline(following) and not _is_byline(lines[n]):
            return lines[n]
    return lines[candidates[0]] if candidates else ""


def first_sentence(text: str) -> str:
    """The first real sentence (section labels and boilerplate skipped), as a stand-in title."""
    for raw in text.split("\n"):
        line = raw.strip().strip("\"“”")
        if not line or classify_line(line):
            continue
        line = SECTION_LABEL.sub("", line, count=1).strip() if SECTION_LABEL.match(line) else line
        line = _GLUED_LABEL.sub("", line, count=1)
        if len(line.split()) < 4:
            continue
        m = _SENTENCE.match(line)
        sentence = m.group(1) if m else line
        return sentence[:MAX_TITLE_CHARS].strip()
    return ""


def find_journal(text: str) -> str:
    head = text[:5000]
    for line in head.split("\n")[:40]:
        line = line.strip()
        for pattern in (_JOURNAL_DATE_LINE, _CITATION_LINE, _LINK_TO):
            m = pattern.search(line)
            if m and m.group("journal"):
                journal = m.group("journal").strip(" .,")
                if len(journal) >= 3 and not journal[0].isdigit():
                    return journal
    for pattern in (_PUBLISHED_BY, _JOURNAL_YEAR_VOLUME):
        m = pattern.search(text[:20000])
        if m:
            return m.group("journal").strip()
    return ""


def _clean_author(name: str) -> str:
    name = _AFFILIATION_MARKS.sub("", name.strip(" ,;•·*"))
    return _WHITESPACE_RUN.sub(" ", name).strip(" ,;")


def looks_like_names(items: list[str]) -> bool:
    if len(items) < 2:
        return False
    good = 0
    for item in items:
        words = item.split()
        if 1 <= len(words) <= 6 and all(w[:1].isupper() or w.lower() in ("de", "da", "van", "der", "von", "del", "la", "le")
                                        for w in words):
            good += 1
    return good >= 0.8 * len(items)


def find_authors(text: str, title: str = "") -> str:
    """Author names from a labelled line ("Autores principales: ...") or the name list just below the title."""
    lines = [ln.strip() for ln in text[:20000].split("\n")]
    for line in lines[:60]:
        m = _LABELLED_AUTHORS.match(line)
        if m:
            return "; ".join(_clean_author(n) for n in re.split(r"[;,]", m.group("names")) if _clean_author(n))
    start = 0
    if title:
        for i, line in enumerate(lines[:TITLE_SCAN_LINES + 5]):
            if line == title:
                start = i + 1
                break
        else:
            return ""
    bullets: list[str] = []
    for line in lines[start:start + 30]:
        if not line:
            continue
        if line.startswith(("•", "·")) and len(line.split()) <= 6:  # one name per bullet
            bullets.append(_clean_author(line))
            continue
        if bullets:
            break
        if SECTION_LABEL.match(line):
            break
        parts = re.split(r"[;,](?![\d,])", line.split(";", 1)[0] if "On behalf" in line else line)
        # a paragraph below the title is found out without cleaning each of its comma-separated clauses
        items = [i for i in map(_clean_author, parts) if i] if _may_be_names(parts) else []
        if looks_like_names(items):
            return "; ".join(items)
        if len(line) > 80:
            break
    if looks_like_names(bullets):
        return "; ".join(bullets)
    return ""
