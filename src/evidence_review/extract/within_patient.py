"""Within-patient designs: each patient's two sites (eyes, ovaries, sides, limbs, halves of the mouth or face) given
one treatment each, so that the trial's arms are the treatments of the sites, not groups of patients.

Shapes read (any treatment names, any site of a pair):
- the treatments named with the sites: "X in one ovary and Y in the other", "X on one side and Y on the contralateral
  side", "X to one randomly chosen eye and Y to the fellow eye";
- the sites first: "one eye was randomly assigned to X and the fellow eye to Y", "one hand received X, the other
  hand Y", "one side was treated with X while the opposite side was treated with Y".

The study model (`study._within_patient_sites`) takes the pair as the trial's arms in place of what the allocation
readers found (groups the design does not have, or a site read into a name: "fellow eye to Y")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..regexfilter import fold

# a site each patient has two of (or halves of one): what one arm is given to
SITE = (r"(?:eyes?|ovar(?:y|ies)|sides?|limbs?|legs?|forearms?|hands?|feet|foot|knees?|hips?|shoulders?|breasts?|"
        r"ears?|nostrils?|kidneys?|lungs?|hemifaces?|hemi-faces?|half(?:\s+of\s+the\s+(?:face|mouth|body|scalp|back))?|"
        r"halves|quadrants?|jaws?|arch(?:es)?|teeth|tooth|buttocks?|thighs?|axill(?:a|ae)|cheeks?|hemithora(?:x|ces)|"
        r"(?:upper|lower)\s+(?:limbs?|extremit(?:y|ies))|extremit(?:y|ies))")
_SITE_WORD = re.compile(r"(?i)\b" + SITE + r"\b")
_OTHER_WORDS = ("other", "fellow", "contralateral", "opposite", "second", "remaining")
_OTHER = r"(?:" + "|".join(_OTHER_WORDS) + ")"
_CHOSEN = r"(?:(?:randomly|randomi[sz]ed)\s+)?(?:(?:selected|chosen|assigned|allocated|determined)\s+)?"
# a treatment's name: one to six words, no clause joint inside
_NAME = r"[A-Za-z0-9][\w+/%.,-]*(?:\s+(?!and\b|while\b|whereas\b|in\b|on\b|to\b|of\b|for\b)[\w+/%.-]+){0,5}?"
_LEAD = (r"(?:\b(?:with|using|used|by|received|receiving|underwent|undergoing|given|applied|performed|placed|had|have|"
         r"compared|comparing)\s+|[,:;(]\s*|^|(?<=[.!?]\s)|(?<=\n))")
_ARTICLE = r"(?:(?:an?|the)\s+)?"
# how a treatment was put to its site, between the name and the site ("a X needle used in one ovary", "the X was
# applied to one side")
_PUT = r"(?:\s+(?:(?:was|were|being)\s+)?(?:used|applied|placed|given|administered|injected|performed|inserted|instilled|implanted))?"
# a verb giving a site its treatment ("one eye was assigned to", "one ovary was aspirated with", "one hand received")
_GIVEN_TO = (r"(?:(?:was|were)\s+)?(?:randomly\s+)?(?:(?:assigned|allocated|randomi[sz]ed)\s+to(?:\s+receive)?|received|"
             r"underwent|got|given|(?:[a-z]+ed)\s+(?:with|by|using|via|through)|(?:[a-z]+ed\s+)?to)")

# "X in one ovary and Y in the other", "X on one side and Y on the contralateral side", "X was used in one ovary and
# the Y in the other ovary"
_NAMES_WITH_SITES = re.compile(
    _LEAD + _ARTICLE + r"(?P<first>" + _NAME + r")" + _PUT + r"\s+(?:in|on|to|into|for|at)\s+(?:the\s+)?one\s+"
    + _CHOSEN + r"(?P<site>" + SITE + r")\b(?:\s+of\s+each\s+\w+)?\s*,?\s*(?:and|while|whereas)\s+(?:with\s+)?"
    + _ARTICLE + r"(?P<second>" + _NAME + r")" + _PUT + r"\s+(?:in|on|to|into|for|at)\s+the\s+" + _OTHER + r"\b", re.I)
# "one eye was randomly assigned to X and the fellow eye to Y", "one hand received X, the other hand Y", "one ovary
# was aspirated with X and the other with Y"
_SITES_FIRST = re.compile(
    r"\bone\s+" + _CHOSEN + r"(?P<site>" + SITE + r")\b(?:\s+of\s+each\s+\w+)?\s+" + _GIVEN_TO + r"\s+"
    + _ARTICLE + r"(?P<first>" + _NAME + r")\s*,?\s*(?:and|while|whereas)?\s*the\s+" + _OTHER
    + r"(?:\s+" + SITE + r")?\s+(?:" + _GIVEN_TO + r"|with)?\s*" + _ARTICLE + r"(?P<second>" + _NAME
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
_LAST_LEAD = re.compile(r"(?i).*\b(?:with|using|used|by|received|receiving|underwent|undergoing|given|applied|performed|"
                        r"placed|had|have)\s+"
                        r"(?:(?:an?|the)\s+)?")
# the sentence says a treatment was given (a pair of findings, "pain in one knee and stiffness in the other", is none)
_GIVEN_CUE = re.compile(r"(?i)\brandom|\bassign|\ballocat|\breceiv|\btreat|\bunderw|\bappl(?:ied|y)|\binject|\bused?\b|\busing\b|"
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
    # both shapes hold "one" and a word for the other site, case-insensitively (`fold` keeps every letter re's
    # IGNORECASE takes for them): a sentence without both is answered at once (most of them; the two patterns cost
    # ~25 us a sentence, the test ~1 us)
    part = fold(text[lo:hi])
    if "one" not in part or not any(word in part for word in _OTHER_WORDS):
        return None
    found = []
    for pattern in (_NAMES_WITH_SITES, _SITES_FIRST):
        m = pattern.search(text, lo, hi)
        # (the sites first are given what follows by their verb; names with the sites, by a word of the sentence)
        if m is not None and (pattern is _SITES_FIRST or _GIVEN_CUE.search(text, lo, hi)):
            found.append(m)
    for m in sorted(found, key=lambda m: m.start()):
        (first, a), (second, b) = _name(m, "first"), _name(m, "second")
        modifier = re.compile(r"[\w.]*[\d-][\w.-]*")
        if len(first.split()) == 2 and len(second.split()) == 1 and modifier.fullmatch(first.split()[0]) \
                and modifier.fullmatch(second):
            # "a 17-gauge needle in one ovary and a 20-gauge in the other": the second modifier of the same head
            second = f"{second} {first.split()[1]}"
        if first and second and first.lower() != second.lower() \
                and not _SITE_WORD.search(first) and not _SITE_WORD.search(second):
            return SitePair(first, a, second, b, m.group("site").lower())
    return None
