"""Arms named by the phrases a report uses to say what it compares, whatever the treatment (a drug the lexicon does
not know, a device, a massage, a tape, lay support, an enema): the title, the aim and the sentence that says what was
given.

- a pair: "A versus B", "A vs. B", "A v B", "A compared with B", "A or B was administered", "receiving A (control)
  or B", "a comparison of A and B", "to compare A with B", "between A and B"; a third arm after "and versus C" or
  ", versus C";
- a single treatment: "Effect of A on Y", "Efficacy and safety of A in Y", "A for the treatment of Y", "A in the
  treatment of Y", "A to prevent Y", "use of A on Y"; its comparator is the placebo or sham a "placebo-controlled"
  or "sham-controlled" design names.
Each name is the phrase between the words that bound it (a preposition, a verb, a bracket, punctuation), without its
article; a bracket right after a name is kept as its label ("(control)", "(intervention)", "(ABBR)"). Names longer
than a few words are no names (the phrase was a clause).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Phrase:
    name: str
    start: int        # offsets of the name in the text given
    end: int
    label: str = ""   # the bracket printed right after it, without brackets


MAX_WORDS = 6

# the connectors of a pair; ", versus" and "and versus" add a third arm to the list
# ("whether A is more effective than B", "A was noninferior to B": an aim or a title setting one arm against another)
_CONNECTOR = re.compile(r"\s*,?\s+(?:and\s+)?(?:versus|vs\.?|v\.?|(?:(?:was|were|is|are|being)\s+)?compared\s+(?:with|to|against)|"
                        r"in\s+comparison\s+(?:with|to)|as\s+compared\s+(?:with|to)|"
                        r"(?:(?:is|was|are|were|would\s+be|be)\s+)?(?:more\s+(?:effective|efficacious|beneficial)\s+than|"
                        r"(?:superior|non-?inferior|equivalent)\s+to|as\s+(?:effective|efficacious|good)\s+as))\s+|\s+or\s+", re.I)
# what opens a pair joined by "and" / "with" / "to": "a comparison of A and B", "to compare A with B", "between A and B"
# ("between A and B" is left out: "between August 1 and July 31" is a period)
# ("were compared with" is a connector, not a lead: "A were compared with B")
_COMPARE_LEAD = re.compile(r"\b(?:comparisons?|comparing|compare|(?<=\bwe\s)compared(?!\s+(?:with|to)\b))\s+(?:of\s+|between\s+)?(?:the\s+)?"
                           r"(?:(?:efficacy|effectiveness|effects?|safety|tolerability|outcomes?|use|impact|costs?)\s+"
                           r"(?:(?:and|or)\s+[\w-]+\s+)?of\s+(?:the\s+)?)?", re.I)
# who a compared treatment is for, said between its name and the connector: "designed for patients with ...",
# "tailored to older adults", "in children with ...", "among women who ..."
_FOR_WHOM = re.compile(r"(?i)\s+(?:(?:specifically\s+)?(?:designed|developed|tailored|adapted|intended|targeted)\s+)?"
                       r"(?:for|to|in|among)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:patients|people|persons|participants|"
                       r"adults|children|adolescents|women|men|individuals|subjects|infants|elderly|those)\b")
_STRONG_JOIN = re.compile(r"\s+(?:versus|vs\.?|v\.?|compared\s+(?:with|to))\s+", re.I)
_LEAD_JOIN = re.compile(r"\s+(?:and|with|to|versus|vs\.?)\s+", re.I)
# what ends a name after its connector (a preposition, a verb, a clause)
_RIGHT_STOP = re.compile(r"\s+(?:for|in|on|among|after|before|during|to|as|at|who|which|that|was|were|is|are|had|has|have|"
                         r"according|prior|from|by|within|following|until|given|administered|administrated|applied|"
                         r"used|delivered|treated|managed|exposed|plus\s+placebo\s+in|and\s+(?:versus|vs\.?|were|was|then|the\s+(?:effect|outcome))|"
                         r"(?:,\s*)?(?:versus|vs\.?|or)|with\s+(?:respect|regard|the\s+aim))\b"
                         r"|\s*[,;:!?()\[\]]|\.(?!\d)|\s+[\u2013\u2014-]\s|\n|$", re.I)
# what starts a name before its connector: the last of these words or marks before it
_LEFT_STOP = re.compile(r"(?:^|[,;:!?()\[\]\n]|\.(?!\d)|\s[\u2013\u2014-]\s|\b(?:of|to|receive|received|receiving|either|"
                        r"comparing|comparison|compare|compared|between|whether|that|was|were|is|are|using|use|in|on|"
                        r"for|by|after|at|from|than|and|trial|study)\b)", re.I)
_ARTICLE = re.compile(r"^(?:(?:an?|the|either|both|each)\s+)+", re.I)
_NOT_A_NAME = re.compile(r"(?i)^(?:patients?|participants?|subjects?|women|men|children|infants|groups?|arms?|"
                         r"treatments?|outcomes?|results?|trials?|stud(?:y|ies)|randomi[sz]ed|controlled|double|single|"
                         r"blind|open|this|these|those|it|they|we|there|not|no|none|more|less|one|two|three)$"
                         r"|\b(?:were|was|is|are|had|has|have|did|does|significant|significantly|differences?|"
                         r"associated|respectively|p\s*[<=>]|between|those|two\s+groups|both\s+groups)\b"
                         # what an analysis compares: "binary variables were compared with ..."
                         r"|\b(?:variables?|values|parameters?|data|concentrations?|levels?)$"
                         r"|\d+(?:\.\d+)?\s*%|[<>=\u2264\u2265]"
                         # a preposition first ("with those before treatment"), a dose or a schedule alone
                         r"|^(?:with|to|from|of|in|on|at|by|for|than|every|once|twice|daily|weekly)\b|\b(?:doses?|dosing)$"
                         # a date or a period, not a treatment
                         r"|^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
                         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:19|20)\d\d)\b")
_BRACKET_AFTER = re.compile(r"\s*[(\[](?P<label>[^()\[\]]{1,60})[)\]]")
# a name followed by the word "test" (or "post hoc test", "correction") is a statistical method
_TEST_AFTER = re.compile(r"(?i)\s*(?:post[- ]?hoc\s+)?(?:tests?|corrections?)\b")
_SIZE_LABEL = re.compile(r"(?i)^\s*(?:n\s*=\s*)?\d[\d,]*\s*(?:patients|participants|women|children)?\s*$")


def _tidy(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:-")
    name = _ARTICLE.sub("", name)
    # "X-treated patients", "the X group": the people or the group, named by their treatment
    return re.sub(r"(?i)(?:[\s-]+(?:treated|allocated|assigned|randomi[sz]ed))?(?:\s+(?:groups?|arms?|patients|participants|"
                  r"subjects|women|men|children))+$", "", name).strip()


# a number in a name is a dose or a strength ("400 mg", "1 litre", "8%"), never a count or a time
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)*\s*(?:mg|g|\u00b5g|\u03bcg|mcg|IU|mL|ml|L|litres?|liters?|%|mmol|units?)(?![\w])", re.I)


def _valid(name: str) -> bool:
    words = name.split()
    if re.search(r"\d", _AMOUNT.sub(" ", name)):
        return False
    return 1 <= len(words) <= MAX_WORDS and bool(re.search(r"[A-Za-z]{2}", name)) and not _NOT_A_NAME.search(name)


# "receiving A or B", "randomised to A or B", "A or B was administered": an "or" that lists what was given
_GIVEN_BEFORE = re.compile(r"(?i)\b(?:receiv(?:e|ed|ing)|given|allocated|assigned|randomi[sz]ed|treated|took|taking|"
                           r"administered|either)\s+(?:(?:to|with|a|an|the|either|capsules?|tablets?|containing|of|"
                           r"\d+(?:[.,]\d+)?\s*(?:mg|g|mL|ml|IU|mcg|\u00b5g|\u03bcg))\s+){0,6}$")
_GIVEN_AFTER = re.compile(r"(?i)(?:\s*[(\[][^()\[\]]*[)\]])?\s+(?:was|were|is|are)\s+(?:\w+\s+)?(?:administ\w*|given|applied|"
                          r"used|offered|provided|delivered|prescribed)\b")


def _right_name(text: str, pos: int) -> Phrase | None:
    """The name that starts at `pos` (after a connector), with the bracket right after it as its label."""
    m = re.match(r"\s*(?:(?:an?|the|either|both)\s+)*", text[pos:])
    start = pos + (m.end() if m else 0)
    stop = _RIGHT_STOP.search(text, start + 1) if start < len(text) else None
    end = stop.start() if stop else len(text)
    raw = text[start:end]
    name = _tidy(raw)
    if not _valid(name):
        return None
    label = _BRACKET_AFTER.match(text, end)
    if _TEST_AFTER.match(text, label.end() if label else end):
        return None     # "compared with LSD (Least Significant Difference) test": a statistical test, not an arm
    return Phrase(name, start, start + len(raw.rstrip()), label.group("label").strip() if label else "")


def _left_name(text: str, end: int, lo: int = 0) -> Phrase | None:
    """The name that ends at `end` (before a connector, a bracket between them skipped and kept as its label)."""
    label = ""
    while True:
        m = re.search(r"[(\[](?P<label>[^()\[\]]{1,60})[)\]]\s*$", text[lo:end])
        if not m:
            break
        if not label or _role_label(m.group("label")):
            label = m.group("label").strip() if not label or _role_label(m.group("label")) else label
        end = lo + m.start()
    stops = list(_LEFT_STOP.finditer(text, lo, end))
    start = stops[-1].end() if stops else lo
    raw = text[start:end]
    name = _tidy(raw)
    if not _valid(name):
        return None
    offset = raw.find(name)
    return Phrase(name, start + max(offset, 0), start + max(offset, 0) + len(name), label)


def _role_label(label: str) -> str:
    """ "control", "intervention": the role a bracket after an arm's name gives it, or ""."""
    low = label.split(";")[0].strip().lower()      # ("treatment group; TG": a set-off label with its code)
    if re.fullmatch(r"(?:the\s+)?(?:active\s+)?(?:control|comparator|reference)(?:\s+(?:group|arm))?", low):
        return "control"
    if re.fullmatch(r"(?:the\s+)?(?:intervention|experimental|treatment|study)(?:\s+(?:group|arm))?", low):
        return "experimental"
    return ""


def role_of_label(label: str) -> str:
    return _role_label(label)


# a sentence that says what a trial set out to compare or what it gave (not a result comparing values)
_AIM_OR_ALLOCATION = re.compile(r"(?i)\b(?:aim(?:ed|s)?|objectives?|purpose|(?:to|and)\s+compare|comparison|comparing|"
                                r"randomi[sz]ed|randomly|allocated|assigned|administ(?:ered|rated)|given|receiv(?:e|ed|ing)|"
                                r"took|taking|offered|(?:was|were|we)\s+compared)\b")


# "X, the treatment group (TG)", "X—Control Group (CG)": a role label set off after the name by a comma or a dash
_APPOSITIVE_ROLE = re.compile(r"(?:\s*,\s*|\s*[\u2012-\u2015]\s*|\s+-\s+|(?<=[A-Za-z0-9)])-(?=[A-Z]))(?:the\s+)?"
                              r"(?P<label>(?i:(?:active\s+)?(?:control|comparator|reference|intervention|experimental|"
                              r"treatment|study)\s+(?:group|arm)))\s*(?:[(\[]\s*(?P<code>[A-Z][A-Za-z0-9-]{0,9})\s*[)\]])?"
                              r"\s*[,\u2012-\u2015-]?\s*$")


_FOLLOWING_ROLE = re.compile(_APPOSITIVE_ROLE.pattern.replace(r"\s*[,\u2012-\u2015-]?\s*$", ""))


def _without_role_label(phrase: Phrase, text: str) -> Phrase:
    """The phrase's name without a role label set off after it, the label (and its code) kept as its label; a label
    right after the name in the text ("Y, the control group (CG).") is its label too."""
    m = _APPOSITIVE_ROLE.search(phrase.name)
    if m is None or m.start() == 0:
        after = _FOLLOWING_ROLE.match(text, phrase.end) if not phrase.label else None
        if after is None:
            return phrase
        return Phrase(phrase.name, phrase.start, phrase.end,
                      after.group("label") + (f"; {after.group('code')}" if after.group("code") else ""))
    label = m.group("label") + (f"; {m.group('code')}" if m.group("code") else "")
    name = phrase.name[:m.start()].rstrip()
    return Phrase(name, phrase.start, phrase.start + len(name), label)


def compared_pair(text: str, title: bool = True) -> list[Phrase]:
    """The arms a phrase compares (see _compared_pair); a role label set off after a name by a comma or a dash
    ("X, the treatment group (TG), or Y, the control group (CG)") is the arm's label, not part of its name."""
    return [_without_role_label(p, text) for p in _compared_pair(text, title)]


def _compared_pair(text: str, title: bool = True) -> list[Phrase]:
    """The arms a phrase compares ("A versus B", "A or B was given", "a comparison of A and B"), in their order
    (two or three), or [] when the text compares none. A sentence that is not a title compares arms only when it
    states an aim or an allocation ("results were better with A than with B" compares values)."""
    if not title and not _AIM_OR_ALLOCATION.search(text):
        return []
    lead = _COMPARE_LEAD.search(text)
    if lead is not None:
        join = _LEAD_JOIN.search(text, lead.end())
        if join is not None and not _STRONG_JOIN.fullmatch(join.group()) and _STRONG_JOIN.search(text, join.end()):
            # "to compare outcomes and glycemic control in A versus B": the "versus" joins the arms, the "and"
            # before it the measures
            join = _STRONG_JOIN.search(text, join.end())
        if join is not None:
            # ("comparison of the local effect of A versus B": the name starts after the last "of"; but "to compare
            # the incidence of relapse in younger and older adults" compares no treatments: the first name must
            # fill what follows the lead, bar an article, unless the lead named what is compared, "efficacy of")
            first = _left_name(text, join.start(), lead.end())
            fills = first is not None and not _LEFT_STOP.search(text, lead.end(), first.start)
            qualified = _FOR_WHOM.search(text, lead.end(), min(len(text), lead.end() + 120))
            if qualified is not None and not _LEAD_JOIN.search(text[lead.end():qualified.start()]):
                # "a self-management program designed for patients with low literacy versus usual care", "X in
                # adults with asthma versus Y": who the first arm is for is no part of its name, and the connector
                # is the first "versus" after it (else the first "with", "and", "to")
                # ("patients with low vision with usual care": the first "with" says who, the next one joins)
                said_who = re.match(r"\s+(?:with|who)\s+\S", text[qualified.end():])
                later = _STRONG_JOIN.search(text, qualified.end()) or _LEAD_JOIN.search(
                    text, qualified.end() + (said_who.end() if said_who else 0))
                named = _left_name(text, qualified.start(), lead.end())
                if later is not None and named is not None and not _LEFT_STOP.search(text, lead.end(), named.start):
                    first, fills, join = named, True, later
            second = _right_name(text, join.end())
            if first is not None and second is not None and first.name.lower() != second.name.lower() and fills:
                out = [first, second]
                out += _more_after(text, second)
                return out
    either = _EITHER.search(text)
    for m in _CONNECTOR.finditer(text):
        first = _left_name(text, m.start())
        second = _right_name(text, m.end())
        if either is not None and either.end() < m.start() and m.group().strip().lower() == "or":
            # "to receive antibiotics either according to a guidance algorithm established for adults or standard
            # care": the first arm is what follows "either", the way it is given and what it is built on left out
            first = _either_name(text, either.end(), m.start())
            second = _either_name(text, m.end(), None)
            if first is not None and second is not None and first.name.lower() != second.name.lower():
                return [first, second]
            continue
        if first is None or second is None or first.name.lower() == second.name.lower():
            continue
        if m.group().strip().lower() == "or" and not (_GIVEN_BEFORE.search(text, 0, first.start)
                                                      or _GIVEN_AFTER.match(text, second.end)):
            continue
        return [first, second] + _more_after(text, second)
    return []


_EITHER = re.compile(r"(?i)\beither\s+")
# how an arm's content is said before its name: "according to a", "promoting the use of", "containing"
_HOW_GIVEN = re.compile(r"(?i)^(?:(?:according\s+to|promoting|containing|receiving|using|providing|offering|with|by)\s+)"
                        r"(?:the\s+use\s+of\s+)?(?:(?:an?|the)\s+)?")
# what follows an arm's name and describes it: "established for adult patients", "as a control"
_DESCRIBED_AFTER = re.compile(r"(?i)\s+(?:established|developed|designed|adapted|based|validated|as\s+(?:an?|the)\s+"
                              r"(?P<label>control|comparator|intervention))\b.*$")


def _either_name(text: str, start: int, end: int | None) -> Phrase | None:
    """The arm named between `start` and `end` (or the name's own end) of an "either A or B" list."""
    if end is None:
        found = _right_name(text, start)
        if found is None:
            return None
        stop = _RIGHT_STOP.search(text, found.end)
        end = found.end if stop is None else stop.start()
        as_label = re.match(r"(?i)\s+as\s+(?:an?|the)\s+(control|comparator|intervention)\b", text[end:])
        if as_label:
            end += as_label.end()
    raw = text[start:end]
    how = _HOW_GIVEN.match(raw)
    offset = how.end() if how else 0
    described = _DESCRIBED_AFTER.search(raw, offset)
    label = described.group("label") if described is not None and described.group("label") else ""
    core = raw[offset:described.start() if described else len(raw)]
    name = _tidy(core)
    if not _valid(name):
        return None
    at = start + offset + max(core.find(name), 0)
    return Phrase(name, at, at + len(name), label)


def _more_after(text: str, last: Phrase) -> list[Phrase]:
    """ "A versus B and versus C", "A versus B, versus C": the third arm."""
    more = re.compile(r"\s*(?:,|\s+and)\s*(?:versus|vs\.?)\s+", re.I).match(text, last.end)
    if more is None:
        return []
    third = _right_name(text, more.end())
    return [third] if third is not None else []


# "Effect of A on Y", "Efficacy and safety of A in Y", "use of A for Y"
_OF_TREATMENT = re.compile(r"(?i)\b(?:effects?|efficacy|effectiveness|impact|safety|benefits?|use|role|value|"
                           r"administration|addition|supplementation\s+with)\s+(?:(?:and|or)\s+[\w-]+\s+)?of\s+")
# "A for the treatment of Y", "A in the prevention of Y", "A to prevent Y", "A as first-aid for Y"
_TREATMENT_FOR = re.compile(r"(?i)\s+(?:for|in)\s+(?:the\s+)?(?:treatment|prevention|management|relief|reduction|"
                            r"control|prophylaxis)\s+of\b|\s+to\s+(?:prevent|reduce|improve|decrease|treat|relieve|"
                            r"increase|promote|manage)\b|\s+for\s+(?:chronic|acute|the|patients|women|children|adults|"
                            r"pregnant)\b")


def named_treatment(title: str) -> Phrase | None:
    """The one treatment a title is about ("Effect of A on Y", "A for the treatment of Y"), or None."""
    found = None
    m = _OF_TREATMENT.search(title)
    if m is not None:
        found = _right_name(title, m.end())
    m = _TREATMENT_FOR.search(title) if found is None else None
    if m is not None:
        found = _left_name(title, m.start())
    # ("Effect of A and B on Y": two treatments, not one arm)
    if found is None or re.search(r"(?i)\band\b|\bor\b", found.name):
        return None
    how = _HOW_OFTEN_GIVEN.match(found.name)
    if how is not None and how.end() < len(found.name):
        # "Effect of Single-Dose Pregabalin on ...", "a one-time X": how often it was given is no part of its name
        found = Phrase(found.name[how.end():], found.start + how.end(), found.end, found.label)
    return found


# how often a title's one treatment was given, before its name: "single-dose", "a single dose of", "one-time"
_HOW_OFTEN_GIVEN = re.compile(r"(?i)(?:an?\s+)?(?:single|one[- ]time|one)[- ]dose(?:\s+of)?\s+|(?:an?\s+)?one[- ]time\s+")


def placebo_design(text: str) -> str:
    """ "placebo" or "sham" when the text says the trial was placebo- or sham-controlled, else ""."""
    m = re.search(r"(?i)\b(placebo|sham)[- ]controlled\b", text)
    return m.group(1).lower() if m else ""


__all__ = ["Phrase", "compared_pair", "named_treatment", "placebo_design", "role_of_label"]
