"""Character- and line-level normalization that keeps every number intact and readable.

The result is the single source of truth for later stages (extraction reports offsets into it), so each
step only removes noise or unifies characters that would otherwise change how a number reads:

- spreadsheet artefacts (`_x000D_`), control characters, zero-width characters;
- spaces: non-breaking, thin, figure, ideographic -> ' ';
- asterisks: the asterisk operator U+2217 and other asterisk-like footnote marks -> '*';
- minus: U+2212 and other minus-like characters -> '-', a detached minus before a number is re-attached
  (`− 1.56` -> `-1.56`); en/em/figure dashes next to a digit (ranges, negative numbers) -> '-';
- middle dot used as a decimal point (`0·52`) -> '.';
- lines broken inside a number (`83.\\n    0%` -> `83.0%`), a lone `.` line joined to its sentence, and
  lines that continue a sentence (next line starts lower-case or with `,;)`) joined with a space;
- whitespace: runs of spaces collapsed, lines stripped, at most one blank line between paragraphs.

Every regex here is linear in the input (no nested quantifiers), so a 5 MB single line is fine.
"""
from __future__ import annotations

import re

from .decode import fix_mojibake

_SPREADSHEET_ARTEFACT = re.compile(r"_x(000[DdAa9])_")
_ARTEFACT_REPLACEMENT = {"000D": "", "000d": "", "000A": "\n", "000a": "\n", "0009": " "}
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                                 "\u200a\u202f\u205f\u3000\t\x0b\x0c"), " ")
_MINUS_LIKE = dict.fromkeys(map(ord, "\u2212\u2010\u2011\ufe63\uff0d\u02d7\u2796"), "-")
# a footnote mark printed with another asterisk ("29.3 ± 18.7∗": the asterisk operator, low, fullwidth, heavy)
_ASTERISK_LIKE = dict.fromkeys(map(ord, "\u2217\u204e\uff0a\u2731"), "*")
#: The four tables in one (their characters differ and none maps to another's): one pass, and only when needed.
_UNIFIED = {**_ZERO_WIDTH, **_SPACES, **_MINUS_LIKE, **_ASTERISK_LIKE}
_TO_UNIFY = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_UNIFIED)) + "]")
_DASHES = "\u2012\u2013\u2014\u2015\ufe58"
# A dash touching a digit on either side (ranges "1.1–3.1", "968—974", negative numbers "(–0.5").
_DASH_NEAR_DIGIT = re.compile(rf"(?<=\d)([ ]?)[{_DASHES}]|[{_DASHES}](?=[ ]?\d)")
# A minus (already '-') separated from its number by spaces, after an opening context: "(WMD) - 1.56", "CI, - 1.82".
# These two start with the character they replace and look behind it from there (the same matches as a lookbehind
# in front), so re jumps from one such character to the next instead of trying the lookbehind at every position.
_DETACHED_MINUS = re.compile(r"-(?<=[\s(\[,;:=]-)[ ]+(?=\d)")
_MIDDLE_DOT_DECIMAL = re.compile(r"[\u00b7\u2219\u22c5](?<=\d[\u00b7\u2219\u22c5])(?=\d)")
_ANY_DASH = re.compile(f"[{_DASHES}]")
_MULTI_SPACE = re.compile(r"[ ]{2,}")
_NUMBER_BROKEN_AFTER_POINT = re.compile(r"(?<=\d\.)[ ]*\n[ ]*(?=\d)")
_LONE_DOT_LINE = re.compile(r"[ ]*\n[ ]*([.。])[ ]*(?=\n|$)")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SENTENCE_END = tuple(".!?:;。！？")
_CONTINUATION_START = re.compile(r"[a-z,;)\]%]")
_NUMBER_START = re.compile(r"[-(\[]?\d")
_FUNCTION_WORD_END = re.compile(r"\b(?:with|and|or|of|the|in|to|for|vs\.?|versus|than|a|an|by|on|at|from|between|"
                                r"was|were|is|are|as|that|which|after|before|during|among|compared)$", re.IGNORECASE)
#: Lines at least this long that stop mid-sentence are taken as wrapped, not as headings.
MIN_WRAPPED_LINE = 50
#: First characters of the marker lines readers leave for tables and headings (structure.TABLE_MARK, HEADING_MARK).
_MARKER_CHARS = "\ue000\ue001"


def unify_characters(text: str) -> str:
    """Spaces, minus signs, dashes next to digits and decimal middle dots in one consistent form."""
    text = _SPREADSHEET_ARTEFACT.sub(lambda m: _ARTEFACT_REPLACEMENT[m.group(1)], text)
    if _TO_UNIFY.search(text):
        text = text.translate(_UNIFIED)
    if _ANY_DASH.search(text):  # every match holds a dash
        text = _DASH_NEAR_DIGIT.sub(lambda m: (m.group(1) or "") + "-", text)
    text = _DETACHED_MINUS.sub("-", text)
    text = _MIDDLE_DOT_DECIMAL.sub(".", text)
    return text


def rejoin_lines(text: str) -> str:
    """Join lines that a scraper or a fixed-width layout broke inside a number or a sentence."""
    text = _NUMBER_BROKEN_AFTER_POINT.sub("", text)
    if "\n." in text or "\n " in text or "\n。" in text:  # a line break, spaces, a full stop: every match
        text = _LONE_DOT_LINE.sub(r"\1", text)
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and line and out[-1] and _continues(out[-1], line):
            out[-1] = out[-1] + ("" if line[0] in ",;)]%" else " ") + line
        else:
            out.append(line)
    return "\n".join(out)


def _continues(previous: str, line: str) -> bool:
    """Whether `line` carries on the sentence of `previous` (a hard-wrapped or scraped line break)."""
    if line[0] in _MARKER_CHARS or previous[0] in _MARKER_CHARS:
        return False  # structure marker lines (see structure.py) stay on their own
    if line[0] in ",;)]":
        return True
    if previous.endswith(_SENTENCE_END):
        return False
    if _CONTINUATION_START.match(line):
        return True
    # A long line that stops mid-sentence, continued by a number ("the hazard ratio was\n0.52 (95% CI ...")
    # or by a capitalised word after a function word ("compared with\nRituximab"). Short lines are headings.
    if len(previous) >= MIN_WRAPPED_LINE:
        return bool(_NUMBER_START.match(line) or (line[0].isupper() and _FUNCTION_WORD_END.search(previous)))
    return False


def tidy_whitespace(text: str) -> str:
    """Strip each line, collapse space runs, keep paragraph breaks (at most one blank line)."""
    lines = [(_MULTI_SPACE.sub(" ", line) if "  " in line else line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def normalize_text(text: str, *, repair: bool = True) -> str:
    """The full character and line normalization (markup must already be stripped)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if repair:
        text = fix_mojibake(text)
    text = unify_characters(text)
    text = tidy_whitespace(text)
    text = rejoin_lines(text)
    return tidy_whitespace(text)
