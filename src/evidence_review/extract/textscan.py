"""A same-length "scan view" of a document text, and sentence spans with offsets into it.

The extractor matches patterns on the scan view, where typographic variants are unified (dashes and the
minus sign become '-', the middle dot becomes '.', markup tags and spreadsheet artefacts become spaces).
Because every substitution keeps the length, offsets found in the scan view are offsets into the
original text, so `evidence == text[start:end]` holds without any mapping.
"""
from __future__ import annotations

import re
from functools import lru_cache

# One character in, one character out: offsets never move.
_CHAR_MAP = str.maketrans({
    "\u2212": "-",  # minus sign
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2012": "-",  # figure dash
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u00f7": "-",  # division sign between a range's bounds ("[48 \u00f7 86]", "range 0 \u00f7 15": Central European print)
    "\u00b7": ".",  # middle dot used as a decimal point (Lancet style)
    "\u2027": ".",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2264": "\u2264",
    "\r": " ",
    "\t": " ",
})
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?/?>")
_ARTEFACT = re.compile(r"_x000[DdAa]_")


def _blank(match: re.Match) -> str:
    return " " * (match.end() - match.start())


# "0,52", "36,2", "5,3": a comma between digits with one or two digits after it (three would be a thousands
# separator, "1,086"), not part of a digit list ("0,2,4") nor glued to a word ("J1,2": affiliation marks)
_DECIMAL_COMMA = re.compile(r"(?<![\w.,])(?P<whole>\d{1,3}),(?=\d{1,2}(?![\d,]))")
# "P<0,001", "p = 0,012": a comma in a p-value does not show the document writes decimals that way
_P_BEFORE = re.compile(r"[Pp]\s*(?:[- ]?values?)?\s*(?:[<>=\u2264\u2265]\s*)+$")


# "1.35 v/s 1.82": versus written with a slash, read as "vs." (three characters for three)
_VERSUS_SLASH = re.compile(r"(?<=\s)[Vv]/[Ss](?=\s)")


# "43.3+20.0", "29.8 +11.3": a plus sign between two decimals, where the document prints no "±" at all, is a "±"
# the conversion lost (one character for one); two such pairs at least, so that one sum ("1.5+0.5 mg") is left alone
_LOST_PLUS_MINUS = re.compile(r"(?<=\d\.\d)(?P<gap>\s?)\+(?=\s?\d+\.\d)")


def _decimal_comma(match: re.Match) -> str:
    return match.group("whole") + "."


def _uses_decimal_commas(text: str) -> bool:
    """True when the document writes at least two values (not p-values) with a decimal comma: then every
    such comma is a decimal mark ("HR 0,52 (IC 95% 0,31-0,87)"). One alone could be a list ("2,3")."""
    hits = 0
    for m in _DECIMAL_COMMA.finditer(text):
        if not _P_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            hits += 1
            if hits >= 2:
                return True
    return False


# the study model, the sentence reader and the meaning layer each take the same document's view and sentences
@lru_cache(maxsize=256)
def scan_view(text: str) -> str:
    """The text with typographic variants unified, exactly as long as the input."""
    out = text.translate(_CHAR_MAP)
    if "<" in out:
        out = _TAG.sub(_blank, out)
    if "_x000" in out:
        out = _ARTEFACT.sub(_blank, out)
    if "," in out and _uses_decimal_commas(out):
        out = _DECIMAL_COMMA.sub(_decimal_comma, out)
    if "/s" in out or "/S" in out:
        out = _VERSUS_SLASH.sub("vs.", out)
    if "+" in out and "\u00b1" not in out and "+/-" not in out and len(_LOST_PLUS_MINUS.findall(out)) >= 2:
        out = _LOST_PLUS_MINUS.sub(lambda m: m.group("gap") + "\u00b1", out)
    return out


_ABBREVIATIONS = {
    "vs", "e.g", "i.e", "al", "fig", "no", "approx", "dr", "prof", "ref", "refs", "vol", "st", "ca",
    "eg", "ie", "etc", "mr", "ms", "mrs", "jr", "sr", "inc", "ltd", "co", "resp", "incl", "cf",
}
_SECTION = (r"(?:Background|Objectives?|Aims?|Purpose|Methods?|Design|Setting|Participants|Results?|Findings|"
            r"Conclusions?|Interpretation|Significance|Introduction|Discussion)")
# A sentence ends at . ! ? followed by space and an opening capital (or a bracket/quote then capital),
# at '.' glued to a section heading ("relapse.Results"), and at blank lines or lines that start with a capital.
# The first line is implied by the alternatives (each starts after . ! ? or at . \n space tab): it passes over the
# positions inside words at once instead of trying every alternative there.
_BOUNDARY = re.compile(
    r"(?:(?=[.\n \t])|(?<=[.!?]))(?:"
    r"(?<=[.!?])(?:[\"'\u201d\u2019)\]]*)(?=\s+[\"'(\[\u201c]?[A-Z\u00c0-\u00de])"
    r"|(?<=[a-z)\]%])\.(?=" + _SECTION + r"\b)"
    r"|(?<=[a-z%)\]]\.)(?=\s+\d)"
    r"|\n[ \t]*\n"
    r"|(?<=[^.\s-])[ \t]*\n(?=[ \t]*[A-Z\u2022\u00b7*-])"
    r"|(?<=[:.])[ \t]*\n(?![ \t]*\d))"
)


def _is_false_stop(scan: str, pos: int) -> bool:
    """True when the '.' before `pos` belongs to an abbreviation, an initial or a number."""
    j = pos - 1
    while j >= 0 and scan[j] in "\"')]\u201d\u2019":
        j -= 1
    if j < 0 or scan[j] != ".":
        return False
    k = j - 1
    while k >= 0 and (scan[k].isalpha() or scan[k] == "."):
        k -= 1
    word = scan[k + 1:j].lower()
    if word in _ABBREVIATIONS:
        return True
    # single capital initial ("Smith J. Title") is a name, not a sentence end; "in stage B. Next" and
    # "in group A. Next" close a sentence (a lower-case label word names the letter)
    if len(word) == 1 and scan[j - 1].isupper():
        label = re.search(r"\b(?:stage|group|arm|part|cohort|phase|period|type|class|grade|panel|study|trial)\s+$",
                          scan[max(0, k - 12):k + 1], re.I)
        return label is None
    return False


def sentence_spans(scan: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace-trimmed, in reading order."""
    return list(_sentence_spans(scan))


@lru_cache(maxsize=256)
def _sentence_spans(scan: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(scan):
        cut = m.start() if m.group(0).strip() == "" or m.group(0).startswith("\n") else m.end()
        if m.group(0) and not m.group(0).isspace() and m.group(0)[0] == ".":
            cut = m.start() + 1  # keep the '.' with the sentence it closes
        if m.group(0) == "" and _is_false_stop(scan, m.start()):
            continue
        _push(scan, start, cut, spans)
        start = m.end() if m.group(0).isspace() else cut
    _push(scan, start, len(scan), spans)
    return tuple(spans)


#: A "sentence" longer than this (a page without full stops, a table flattened to one line) is cut into pieces,
#: at a semicolon or a space where possible. The finders look across the whole sentence for every number in it,
#: so unbounded sentences make extraction quadratic: one 128,000-character line ran for over ten minutes.
#: Real sentences in the seed and development corpora are at most 744 characters.
MAX_SENTENCE_CHARS = 2000


def _push(scan: str, start: int, end: int, spans: list) -> None:
    while start < end and scan[start].isspace():
        start += 1
    while end > start and scan[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        limit, floor = start + MAX_SENTENCE_CHARS, start + MAX_SENTENCE_CHARS // 2
        semicolon = scan.rfind("; ", floor, limit)
        cut = semicolon + 1 if semicolon >= 0 else scan.rfind(" ", floor, limit)
        if cut <= start:
            cut = limit
        _push(scan, start, cut, spans)
        start = cut
        while start < end and scan[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
