"""Site boilerplate out of a cleaned text, so navigation, disclaimers, reference lists and author biographies
can never yield estimates.

Rules live in `evidence_review/data/boilerplate.csv` (action, pattern, note) so users can extend them:
- `drop_line`: a line matching the pattern (case-insensitive, anchored at the line start) is removed;
- `strip_prefix`: the matched label is removed from the start of the line, the rest is kept;
- `cut_rest`: a heading matching the pattern ends the document text (reference list, footer, biography),
  but only after at least `MIN_CHARS_BEFORE_CUT` characters of content, so a "References" link in a page's
  top navigation cannot empty the document (such a line is just dropped). A closing heading that comes
  before the abstract heading (PubMed pages list "Affiliations" above the abstract) only removes the block
  up to that heading.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MIN_CHARS_BEFORE_CUT = 200
#: Lines longer than this are prose, never boilerplate labels.
MAX_BOILERPLATE_LINE = 400


@dataclass(frozen=True)
class Rule:
    action: str
    pattern: re.Pattern
    note: str


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    text = resources.files("evidence_review").joinpath("data/boilerplate.csv").read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        out.append(Rule(row["action"], re.compile(row["pattern"], re.IGNORECASE), row["note"]))
    return tuple(out)


def _union(patterns: list[re.Pattern]) -> re.Pattern | None:
    """One alternation of the patterns (None when they cannot be joined: back-references, global flags)."""
    if any(re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux]+\)", p.pattern) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or "(?!)", re.IGNORECASE)
    except re.error:
        return None


@lru_cache(maxsize=1)
def _any_rule() -> tuple[re.Pattern | None, re.Pattern | None]:
    """(the strip_prefix patterns as one alternation, the other rules' patterns as one): a line that neither matches
    is content, found in one pass instead of one per rule. The same answer: an alternation matches at the start,
    or matches the whole line, exactly when one of its branches does."""
    return (_union([r.pattern for r in rules() if r.action == "strip_prefix"]),
            _union([r.pattern for r in rules() if r.action != "strip_prefix"]))


def classify_line(line: str) -> Rule | None:
    """The first rule a (stripped) line matches, or None for content."""
    stripped = line.strip().strip("\"“”'")
    if not stripped:
        return None
    any_prefix, any_whole = _any_rule()
    if any_prefix and any_whole and not any_prefix.match(stripped) and (
            len(stripped) > MAX_BOILERPLATE_LINE or not any_whole.fullmatch(stripped)):
        return None
    for rule in rules():
        if rule.action == "strip_prefix":
            if rule.pattern.match(stripped):
                return rule
        elif len(stripped) <= MAX_BOILERPLATE_LINE and rule.pattern.fullmatch(stripped):
            return rule
    return None


_ABSTRACT_HEADING = re.compile(r"(abstract|summary|resumen|r[ée]sum[ée])\s*:?", re.IGNORECASE)
# the section marker a structured reader (JATS) writes where a section of the source starts (structure.py)
_SECTION_MARKER = re.compile("\ue001[a-z]*\ue001")


def _next_abstract_heading(lines: list[str], start: int) -> int | None:
    """Index of the first abstract heading line (or the first section a structured source marked) at or after
    `start`, or None: a closing label inside a structured abstract ("Funding" of a Lancet-style abstract)
    ends that part only, not the article whose sections follow."""
    for i in range(start, len(lines)):
        stripped = lines[i].strip()
        if _ABSTRACT_HEADING.fullmatch(stripped) or _SECTION_MARKER.fullmatch(stripped):
            return i
    return None


def remove_boilerplate(text: str) -> str:
    """The text without boilerplate lines and without everything after a closing section heading."""
    lines = text.split("\n")
    kept: list[str] = []
    content_chars = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        rule = classify_line(line)
        if rule is not None and rule.action == "strip_prefix":
            line, rule = rule.pattern.sub("", line.strip(), count=1), None
        if rule is None:
            kept.append(line)
            content_chars += len(line)
        elif rule.action == "cut_rest" and content_chars >= MIN_CHARS_BEFORE_CUT:
            resume = _next_abstract_heading(lines, i + 1)
            if resume is None:
                break
            i = resume
            continue
        i += 1
    return "\n".join(kept)


def head_before_cut(text: str) -> str:
    """The text up to the first closing section heading (reference list, footer): where the document's own
    identifiers and dates are, and not those of the works it cites."""
    lines = text.split("\n")
    content_chars = 0
    for i, line in enumerate(lines):
        rule = classify_line(line)
        if rule is None or rule.action == "strip_prefix":
            content_chars += len(line)
        elif rule.action == "cut_rest" and content_chars >= MIN_CHARS_BEFORE_CUT:
            if _next_abstract_heading(lines, i + 1) is None:
                return "\n".join(lines[:i])
    return text
