"""Within-patient designs: each patient's two sites (eyes, ovaries, sides, limbs, halves of the mouth or face) given
one treatment each, so that the trial's arms are the treatments of the sites, not groups of patients.

Shapes read (any treatment names, any site of a pair):
- the treatments named with the sites: "X in one ovary and Y in the other", "X on one side and Y on the contralateral
  side", "X to one randomly chosen eye and Y to the fellow eye";
- the sites first: "one eye was randomly assigned to X and the fellow eye to Y", "one hand received X, the other
  hand Y", "one side was treated with X while the opposite side was treated with Y".

The study model (`study.build_study`) asks `within_patient_pair` when the allocation readers found fewer than two
arms, or an arm whose name holds a site ("fellow eye to Y": the site read as part of the name)."""
from __future__ import annotations

import re
from dataclasses import dataclass

# a site each patient has two of (or halves of one): what one arm is given to
SITE = (r"(?:eyes?|ovar(?:y|ies)|sides?|limbs?|legs?|forearms?|hands?|feet|foot|knees?|hips?|shoulders?|breasts?|"
        r"ears?|nostrils?|kidneys?|lungs?|hemifaces?|hemi-faces?|half(?:\s+of\s+the\s+(?:face|mouth|body|scalp|back))?|"
        r"halves|quadrants?|jaws?|arch(?:es)?|teeth|tooth|buttocks?|thighs?|axill(?:a|ae)|cheeks?|hemithora(?:x|ces)|"
        r"(?:upper|lower)\s+(?:limbs?|extremit(?:y|ies))|extremit(?:y|ies))")
_SITE_WORD = re.compile(r"(?i)\b" + SITE + r"\b")
_OTHER = r"(?:other|fellow|contralateral|opposite|second|remaining)"
_CHOSEN = r"(?:(?:randomly|randomi[sz]ed)\s+)?(?:(?:selected|chosen|assigned|allocated|determined)\s+)?"
# a treatment's name: one to six words, no clause joint inside
_NAME = r"[A-Za-z0-9][\w+/%.,-]*(?:\s+(?!and\b|while\b|whereas\b|in\b|on\b|to\b|of\b|for\b)[\w+/%.-]+){0,5}?"
_LEAD = r"(?:\b(?:with|using|by|received|receiving|underwent|undergoing|given|applied|performed|placed)\s+|[,:;(]\s*|^)"
_ARTICLE = r"(?:(?:an?|the)\s+)?"

# "X in one ovary and Y in the other", "X on one side and Y on the contralateral side"
_NAMES_WITH_SITES = re.compile(
    _LEAD + _ARTICLE + r"(?P<first>" + _NAME + r")\s+(?:in|on|to|into|for|at)\s+(?:the\s+)?one\s+" + _CHOSEN
    + r"(?P<site>" + SITE + r")\b(?:\s+of\s+each\s+\w+)?\s*,?\s*(?:and|while|whereas)\s+(?:with\s+)?" + _ARTICLE
    + r"(?P<second>" + _NAME + r")\s+(?:in|on|to|into|for|at)\s+the\s+" + _OTHER + r"\b", re.I)
# "one eye was randomly assigned to X and the fellow eye to Y", "one hand received X, the other hand Y"
_SITES_FIRST = re.compile(
    r"\bone\s+" + _CHOSEN + r"(?P<site>" + SITE + r")\b(?:\s+of\s+each\s+\w+)?\s+(?:(?:was|were)\s+)?(?:randomly\s+)?"
    r"(?:(?:assigned|allocated|randomi[sz]ed)\s+to(?:\s+receive)?|received|treated\s+with|underwent|given|got)\s+"
    + _ARTICLE + r"(?P<first>" + _NAME + r")\s*,?\s*(?:and|while|whereas)?\s*the\s+" + _OTHER
    + r"(?:\s+" + SITE + r")?\s+(?:(?:was|were)\s+)?(?:(?:assigned|allocated|randomi[sz]ed)\s+to(?:\s+receive)?|"
    r"received|treated\s+with|underwent|given|got|to|with)?\s*" + _ARTICLE + r"(?P<second>" + _NAME
    + r")(?=\s*(?:[.;:(\[]|,\s|$|\s(?:and|for|during|at|in)\s))", re.I)


@dataclass(frozen=True)
class SitePair:
    first: str
    first_span: tuple[int, int]
    second: str
    second_span: tuple[int, int]
    site: str


_TRAILING = re.compile(r"(?i)[\s,]+(?:was|were|is|are)\b.*$|\s*[,.;]+$")
# the last word before a treatment's name that says it was given ("each patient received a X": X)
_LAST_LEAD = re.compile(r"(?i).*\b(?:with|using|by|received|receiving|underwent|undergoing|given|applied|performed|placed)\s+"
                        r"(?:(?:an?|the)\s+)?")
# the sentence says a treatment was given (a pair of findings, "pain in one knee and stiffness in the other", is none)
_GIVEN_CUE = re.compile(r"(?i)\brandom|\bassign|\ballocat|\breceiv|\btreat|\bunderw|\bappl(?:ied|y)|\binject|"
                        r"\badminist|\bperformed|\bsplit[- ]|\bwithin[- ](?:patient|subject|person)|\bintra-?individual")


def _name(m: re.Match, group: str) -> tuple[str, tuple[int, int]]:
    raw = m.group(group)
    lead = _LAST_LEAD.match(raw)
    skip = lead.end() if lead is not None else 0
    name = _TRAILING.sub("", raw[skip:]).strip()
    return name, (m.start(group) + skip, m.start(group) + skip + len(name))


def within_patient_pair(text: str, lo: int = 0, hi: int | None = None) -> SitePair | None:
    """The first pair of treatments `text[lo:hi]` gives to each patient's two sites, or None."""
    hi = len(text) if hi is None else hi
    if not _GIVEN_CUE.search(text, lo, hi):
        return None
    found = []
    for pattern in (_NAMES_WITH_SITES, _SITES_FIRST):
        m = pattern.search(text, lo, hi)
        if m is not None:
            found.append(m)
    for m in sorted(found, key=lambda m: m.start()):
        (first, a), (second, b) = _name(m, "first"), _name(m, "second")
        if first and second and first.lower() != second.lower() \
                and not _SITE_WORD.search(first) and not _SITE_WORD.search(second):
            return SitePair(first, a, second, b, m.group("site").lower())
    return None


def names_a_site(name: str) -> bool:
    """Whether an arm's name holds a site of a pair ("fellow eye to Y"): a within-patient sentence misread."""
    return bool(re.search(r"(?i)\b" + _OTHER + r"\s+" + SITE + r"\b|\bone\s+" + SITE + r"\b", name))
