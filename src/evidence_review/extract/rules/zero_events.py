"""Zero events said in words: one reading, `zero_events` (registry rule `zero-events`).

A report says in many frames that no patient of an arm, or of any arm, had an event; every frame is read here into the
same fact - the event, the arms it is denied of, their sizes - and written by one writer (`_write_zero`: 0/n per arm,
per event where several are denied together). The frames, in the order they are tried (a later frame leaves a place
an earlier one read):
- nobody counted ("None of the 58 patients ...", "No patient in either group developed X": grammar `none_of`), with
  the outcomes listed after it ("... any side effects including A, B, or C": one row per item);
- nobody of one arm, the arm inside the words of the zero ("None of the 58 A patients developed X", "No A-treated
  participant died");
- the event denied to have happened, the clause ending there or saying every arm ("There were no adverse events.",
  "No serious AEs or deaths occurred in either group": grammar `no_events`), or naming the arm before it ("In the B
  group, however, no complications occurred": that arm's zero);
- everyone free of it ("All patients in both groups remained free from infection");
- the other frames of a generic event noun ("with no X reported", "Neither group demonstrated any X", "X was not
  apparent in either the A or the B group", "None of the patients of the A group received X");
- the digit-free family: the people negated, the event negated, the event denied ("No wound infection was recorded",
  "No cases of X were recorded in the B arm"), the arms negated ("Neither group reported X");
- nobody stopping for an event ("None of the patients stopped participation due to adverse events": the zero of
  "discontinuation due to adverse events", an outcome the batches label; a withdrawal for no event stays the flow).
The arms come from the study model (`s.groups`, `s.state.arm_sizes`): the arms the clause names (0 of each arm named,
as the labelling rules count zero events in words), every arm of known size where it says either / both / any /
neither / "the two groups", or names no arm and no other place. Never a difference, a change, a plan, an exclusion or
loss, a trait at entry, another study's events, an event tied to one treatment, or a bare death with no arm said ("No
deaths occurred": the labelling rules count a death where it is printed).
"""
from __future__ import annotations

import re

from ..grammar import ALL_WITHOUT_EVENTS, COUNTED_PEOPLE
from ..lexicon import has_outcome
from ..model import Estimate
from ..sentence import OUTCOME_VERB, Sentence


def zero_events(s: Sentence) -> None:
    """Every frame of "no patient had the event" in one sentence (see the module's doc)."""
    _none_of(s)
    _nobody_of_an_arm(s)
    if not s.state.arm_sizes:
        return          # the other frames are said of arms whose sizes the document states
    _no_events_denied(s)
    _listed_events_denied(s)
    _everyone_free_of(s)
    _zero_in_any_frame(s)
    _nobody_had_it(s)
    _nobody_stopped_for_events(s)


def _write_zero(s: Sentence, start: int, end: int, total: int, arm: str = "", outcome: str = "") -> None:
    """The one writer of a zero: 0/`total` of `arm`, the event as the sentence names it ("" when the row's outcome is
    read around it, as for any count)."""
    est = Estimate("PROPORTION", 0.0, f"0/{total}", start, end, events=0, total=total, kind="none-of", arm_hint=arm)
    if outcome:
        est.outcome_hint = outcome
    s.estimates.append(est)


def _none_of(s: Sentence) -> None:
    """ "None of the 58 patients ... had a relapse", "No patients in the X group had a relapse", "No patient in
    either group developed X" (zero events in each arm whose size the document states)."""
    seg = s.seg
    for z in s.parse("none_of"):
        # "... developed deep vein thrombosis", "... showed any sensory complications": the verb says an outcome
        # follows, named or not in the lexicon
        verb = OUTCOME_VERB.match(seg, z.end) or _ZERO_COUNT_VERB.match(seg, z.end)
        if not (s.has_outcome() or verb) or s.describes_patients(s.local_after(z.end)):
            continue
        if not verb and not s.outcome_first(z.start):
            continue        # "None of the 58 patients had a relapse", "Relapse was reported in none of the 40"
        if z.total is not None:
            idx = s.num_at(z.count_start, z.count_end)
            if any(not s.free(i) for i in idx):
                continue
            s.claimed.update(idx)
            if z.total:
                _write_zero(s, z.start, z.end, z.total)
        elif z.both_arms:
            before = len(s.estimates)
            _zero_in_each_arm(s, z.start, z.end, _listed_outcomes(seg, z.end), every_arm=True)
            _name_the_event(s, s.estimates[before:])
        else:
            named = [mm for mm in s.mentions if z.arm_start <= mm.start and mm.end <= z.arm_end]
            if not named or named[0].canonical not in s.state.arm_sizes:
                continue
            arm = named[0].canonical
            total = s.state.arm_sizes[arm]
            if total:
                _write_zero(s, z.start, z.end, total, arm)


# "... experienced any (special) side effects including apnea, nausea and vomiting, or hypotension": the outcomes
# a zero count names one by one (items split at commas only: "nausea and vomiting" is one outcome)
_LISTED_OUTCOMES = re.compile(r"\s+(?:had|experienced|developed|showed|suffered)\s+(?:any\s+)?(?:(?:special|serious|major|"
                              r"severe|significant)\s+)?(?:side[- ]effects?|adverse\s+(?:events?|effects?|reactions?)|"
                              r"complications?)\s*(?:,\s*)?(?:including|such\s+as|like|:)\s+(?P<items>[^.;()]+)", re.I)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:or\s+|and\s+)?", re.I)


def _listed_outcomes(seg: str, pos: int) -> list[tuple[int, int, str]]:
    """The outcomes listed after a zero count's verb, each with its span; empty when none are listed."""
    m = _LISTED_OUTCOMES.match(seg, pos)
    if m is None:
        return []
    items, at = [], m.start("items")
    for piece in _ITEM_SPLIT.split(m.group("items")):
        start = seg.index(piece, at) if piece else at
        at = start + len(piece)
        name = piece.strip()
        if name:
            items.append((start, start + len(name), name))
    return items if len(items) >= 2 else []


# "No patient in either group showed ...", "... suffered ...": verbs of an outcome a zero count is of, besides
# OUTCOME_VERB's
_ZERO_COUNT_VERB = re.compile(r"\s+(?:showed|suffered|exhibited|sustained|presented\s+with|reported|complained\s+of)\b", re.I)


def _sized_arms_named(s: Sentence, lo: int, hi: int) -> list[str]:
    """The arms of known size the sentence names between `lo` and `hi` (the study model's groups), in order."""
    return list(dict.fromkeys(g.name for g in s.groups if lo <= g.start and g.end <= hi and g.name in s.state.arm_sizes))


def _every_sized_arm(s: Sentence) -> list[str]:
    """The document's arms of known size: its two arms, or all of its arms (three or four, of comparable sizes) where
    it has more ("no patient in either group" is also written of three arms)."""
    two = s.state.two_arms()
    if two:
        return two
    sized = [a for a in s.state.arm_sizes if not a.startswith("no ")]
    if "control" in sized and {"placebo", "standard care", "sham"} & set(sized):
        sized.remove("control")     # "the control group" is the placebo or standard-care arm named elsewhere
    if not 3 <= len(sized) <= 4:
        return []
    sizes = [s.state.arm_sizes[a] for a in sized]
    # randomized arms are of comparable size; a "group" far smaller is as often a subgroup a table's columns name
    # ("CB(13) | TB(13)" of a two-arm trial of 25 each) as an arm
    return sized if min(sizes) > 0.6 * max(sizes) else []


def _zero_in_each_arm(s: Sentence, start: int, end: int, outcomes: list[tuple[int, int, str]],
                      every_arm: bool = False) -> None:
    """A zero count of each of the document's two arms of known size (of every arm where the sentence says "any",
    "either" or "all" group(s) of a trial of more arms): one row per arm, or per arm and outcome where the sentence
    lists its outcomes."""
    for arm in (_every_sized_arm(s) if every_arm else s.state.two_arms()):
        size = s.state.arm_sizes[arm]
        for a, b, name in outcomes or [(start, end, "")]:
            _write_zero(s, a, b, size, arm, name)


# "... in the 3 groups", "in all three arms", "in any group": the denial said of every arm, counted or not
_DENIED_IN_EVERY_ARM = re.compile(r"[^.;]{0,40}?\b(?:in|among)\s+(?:all\s+|any\s+|either\s+)?(?:of\s+)?(?:the\s+)?"
                             r"(?P<n>two|three|four|2|3|4)?\s*(?:study\s+|treatment\s+)?(?:groups?|arms?)\b", re.I)
_ARM_NUMBERS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def _no_events_denied(s: Sentence) -> None:
    """ "There were no adverse events." in a trial whose arms' sizes are known: 0/n in each arm (of two, or of three or
    four of comparable sizes); "There were no complications in the 3 groups": only where the study has as many."""
    for w in s.parse("no_events"):
        every = _DENIED_IN_EVERY_ARM.match(s.seg, w.end)
        counted = _ARM_NUMBERS[every.group("n").lower()] if every is not None and every.group("n") else None
        if counted is not None and counted != len(_every_sized_arm(s)):
            continue        # "in the 3 groups" of a trial whose study model holds another number of arms
        # (the production reads a denial only where the sentence ends after it: no arm is named, so it is every arm's;
        # unsaid, only where every arm of the study model, when there is one, has a size: an unsized arm is no zero's)
        every_arm = every is not None or s.state.study_arm_count in (0, len(_every_sized_arm(s)))
        outcomes = _denied_events(w.start, re.sub(r"\s+", " ", w.text).lower())
        # "In the B group, however, no complications occurred": the zero of the arm(s) the clause names before it
        # (labelled as each arm named's zero); said of every arm ("in either group") it stays every arm's
        clause_start = max(s.seg.rfind(";", 0, w.start), s.seg.rfind(".", 0, w.start)) + 1
        named = _sized_arms_named(s, clause_start, w.start)
        if named and every is None:
            for arm in named:
                size = s.state.arm_sizes[arm]
                for a, b, name in outcomes:
                    _write_zero(s, a, b, size, arm, name)
            continue
        _zero_in_each_arm(s, w.start, w.end, outcomes, every_arm=every_arm)


# "serious adverse events or deaths": two events denied together, each its own outcome (a second head of another kind;
# "adverse events or reactions" names one event twice)
_TWO_EVENTS_DENIED = re.compile(r"^(?P<a>.+?\b(?P<ha>events?|effects?|reactions?|complications?|toxicit(?:y|ies)|aes?|saes?))"
                                r"\s+(?:or|and)\s+(?P<b>(?:[\w-]+\s+)?(?P<hb>deaths|complications?|toxicit(?:y|ies)))$", re.I)


def _denied_events(start: int, what: str) -> list[tuple[int, int, str]]:
    """The events a denial names, each with its span: one, or the two of "X or deaths" (heads of different kinds)."""
    two = _TWO_EVENTS_DENIED.match(what)
    if two is None or two.group("ha")[:5] == two.group("hb")[:5]:
        return [(start, start + len(what), what)]
    return [(start + two.start("a"), start + two.end("a"), two.group("a")),
            (start + two.start("b"), start + two.end("b"), "death" if two.group("hb") == "deaths" else two.group("b"))]


# "All newborns in our study were free of any adverse effect", "All patients in both groups remained free from
# infection": no one of any arm had the event; a state at entry ("free of disease at baseline") is no outcome
_ALL_FREE_OF = re.compile(
    r"\bAll\s+(?:the\s+|of\s+the\s+)?(?:patients|participants|subjects|newborns|neonates|infants|babies|children|women|"
    r"men|mothers)\s+(?:in\s+(?:our|the|this)\s+(?:study|trial)\s+|in\s+(?:both|all|each|either|the\s+(?:two|three|four))"
    r"\s+(?:of\s+the\s+)?(?:study\s+|treatment\s+)?(?:groups?|arms?)\s+)?(?:were|remained|was|stayed)\s+(?:completely\s+)?"
    r"free\s+(?:of|from)\s+(?:any\s+)?(?P<x>[A-Za-z][^.;,()]{2,60}?)\s*(?=[.;,(]|$)", re.I)
# "All patients included were free of cardiac disease": who was selected, not what happened to them
_SELECTED = re.compile(r"\b(?:included|enrolled|eligible|eligibility|inclusion|exclusion|criteria|randomi[sz]ed|recruited|"
                       r"selected|screened)\b", re.I)
_AT_ENTRY = re.compile(r"\b(?:at\s+(?:baseline|entry|inclusion|enrol+ment|randomi[sz]ation|screening)|before|prior\s+to|"
                       r"on\s+admission)\b", re.I)


def _everyone_free_of(s: Sentence) -> None:
    """ "All newborns in our study were free of any adverse effect", "All 28 patients completed the study without any
    drug related side effects": zero events in each arm of known size."""
    if "without" in s.seg and not _SELECTED.search(s.seg):
        for m in ALL_WITHOUT_EVENTS.finditer(s.seg):
            _zero_in_each_arm(s, m.start(), m.end(), [(m.start("what"), m.end("what"),
                                                       re.sub(r"\s+", " ", m.group("what")).strip().lower())],
                              every_arm=True)
    if "free" not in s.seg:
        return
    for m in _ALL_FREE_OF.finditer(s.seg):
        if _AT_ENTRY.search(m.group("x")) or _AT_ENTRY.search(s.seg, m.end(), min(len(s.seg), m.end() + 40)) \
                or _SELECTED.search(s.seg):
            continue
        _zero_in_each_arm(s, m.start(), m.end(), [(m.start("x"), m.end("x"), m.group("x").strip().lower())],
                          every_arm=True)


# "in either group", "within the 2 groups", "in any of the groups", "in both arms", "in all three groups": every arm
_EVERY_ARM_WORDS = (r"(?:in|within|among|for)\s+(?:(?:either|any|both|all|each)\s+(?:of\s+the\s+)?(?:(?:two|three|four|[234])\s+)?"
              r"|the\s+(?:two|three|four|[234]|both)\s+)(?:study\s+|treatment\s+)?(?:groups?|arms?)\b")
_SAID_NOT = r"(?:seen|observed|reported|noted|recorded|found|detected|encountered|documented)"
# what no patient had, as the sentence names it: up to six words of a subject (never a clause break or a number)
_WHAT = r"(?P<{}>[A-Za-z][\w/'-]*(?:\s+[\w/'-]+){{0,5}}?)"
# "None of the patients in the two groups required reintubation": what nobody of every arm had, as the zero count of
# `nobody` names it (up to six words, to a clause break, a time or a place; never a second clause "and there was ...")
_NONE_IN_EVERY_ARM_HAD = re.compile(
    r"\bNone\s+of\s+the\s+(?:patients|participants|subjects|women|children)\s+" + _EVERY_ARM_WORDS + r"\s+(?:had|developed|"
    r"experienced|required|needed|showed|suffered(?:\s+from)?|presented\s+with)\s+(?:any\s+)?" + _WHAT.format("what")
    + r"(?=\s*(?:[.;,(]|$|\b(?:during|after|at|within|in|and\s+(?:there|no|none|the|all))\b))", re.I)
_NOT_AN_EVENT_SUBJECT = re.compile(r"^(?:the\s+)?(?:differences?|changes?|results?|effects?|values?|levels?|scores?|"
                                   r"rates?|incidences?|frequency|number|it|this|these|that|there)\b", re.I)


def _name_the_event(s: Sentence, rows: list[Estimate]) -> None:
    """Give the zero counts `nobody` read of every arm the event the sentence names, where they have none: "None of the
    patients in either group required dialysis" is of dialysis."""
    if not rows or any(r.outcome_hint for r in rows) or _AT_ENTRY.search(s.seg) or _SELECTED.search(s.seg):
        return
    m = _NONE_IN_EVERY_ARM_HAD.search(s.seg)
    if m is None:
        return
    what = re.sub(r"^(?:(?:the|any|a|an)\s+)+", "", re.sub(r"\s+", " ", m.group("what")).strip(), flags=re.I)
    if what and not _NOT_AN_EVENT_SUBJECT.match(what) and not re.search(r"\b(?:group|arm|patients?)\b", what, re.I):
        for r in rows:
            r.outcome_hint = what.lower()


# ---------------------------------------------------------------------------------------------- zero events in words
# One reader for the ways a report says that no patient had an event, whatever the sentence's frame: "There was no X",
# "with no X reported", "No X were attributed to the intervention in either arm", "Neither group demonstrated any X",
# "None of the patients complained of X", "X was not apparent in either the A or the B group", "None of the patients
# of the A group received X". The event is a generic event noun (adverse events, side effects, complications, harms,
# toxicity, infections, bleeding, reactions) with at most three describing words before it, never a difference, a
# change or a rate ("no significant difference in complications" says nothing of zero events). The arms: the one arm
# the clause counts ("None of the patients of the A group"), every arm of known size where it says "either", "both", "any", "neither" or
# names both arms, every arm where the clause names no arm and no other place ("in previous studies", "between
# groups") and ends with the event; a clause tying the event to "the intervention" without naming the arms gives none.
_ZERO_GATE = re.compile(r"\b(?:no|none|neither|not)\b", re.I)
_EVENT_HEAD = (r"(?:adverse\s+(?:drug\s+)?(?:events?|effects?|reactions?|outcomes?)|side[- ]effects?|complications?|harms?|"
               r"toxicit(?:y|ies)|infections?|bleeding|bleeds|(?:allergic\s+|hypersensitivity\s+)?reactions?|"
               r"unintended\s+effects?)")
# up to three describing words before the event noun; no preposition (a "difference in X" is no event)
_EVENT_WORDS = r"(?:(?!(?:in|of|on|for|between|to|with|than|difference|differences|change|changes|increase|decrease|reduction|" \
               r"effect|evidence|association|risk|rate|rates|incidence|significant\s+difference)\b)[\w-]+\s+){0,3}?"
_EVENT = r"(?P<what>" + _EVENT_WORDS + _EVENT_HEAD + r")\b"
# ("not ... in both groups" may say only that one group had none: "both" is no sign of every arm here)
_EVERY_ARM = re.compile(r"\b(?:in|among|of|within)\s+(?:either|any|all|each)\s+(?:of\s+the\s+)?(?:(?:two|three|2|3)\s+)?"
                        r"(?:study\s+|treatment\s+)?(?:groups?|arms?)\b|"
                        # "No complications were observed in any of the procedures": no patient of any arm
                        r"\b(?:in|among|during)\s+any\s+(?:of\s+the\s+)?(?:procedures?|operations?|patients?|participants?|"
                        r"subjects?|cases?)\b|\bin\s+either\s+(?:the\s+)?[\w -]{2,40}?\s+or\s+"
                        r"(?:the\s+)?[\w -]{2,40}?\s+(?:groups?|arms?)\b", re.I)
_ZERO_SHAPES = [
    # "There was no X", "There were no X in either group", "with no X reported", "and no X occurred"
    re.compile(r"(?:\bthere\s+(?:was|were|have\s+been|has\s+been|had\s+been)\s+no|(?:^|(?<=,\s)|\bwith|\band|\bbut)\s*no)[\s-]+" + _EVENT, re.I),
    # "No X were attributed to the study intervention in either treatment arm"
    re.compile(r"^\s*no\s+" + _EVENT, re.I),
    # "Neither group demonstrated any X"
    re.compile(r"\bneither\s+(?:of\s+the\s+)?(?:(?:two|three)\s+)?(?:groups?|arms?)\s+(?:[\w-]+\s+)?(?:had|showed|demonstrated|"
               r"developed|experienced|reported|suffered|presented)\s+(?:any\s+)?" + _EVENT, re.I),
    # "None of the patients complained about other X", "None of the participants in the A group had X"
    re.compile(r"\bnone\s+of\s+(?:the|our|these)\s+" + COUNTED_PEOPLE + r"\s+(?:(?:of|in)\s+(?:the\s+)?[^.;,]{2,50}?\s+"
               r"(?:groups?|arms?)\s+)?(?:complained\s+(?:of|about)|had|showed|developed|experienced|reported|suffered)\s+"
               r"(?:any\s+)?(?:other\s+)?" + _EVENT, re.I),
    # "X was not apparent in either the A or the B group", "X were not observed in any group"
    re.compile(r"(?:^|(?<=,\s))\s*(?:the\s+)?" + _EVENT + r"\s+(?:was|were)\s+not\s+(?:seen|observed|apparent|noted|reported|"
               r"found|detected|recorded|encountered)\s+(?=in\s+(?:either|any|both)\b)", re.I),
]
# "None of the patients of the A group received X": a rescue or an event of one named arm, its outcome as printed
_NONE_OF_ARM = re.compile(r"\bnone\s+of\s+(?:the\s+)?" + COUNTED_PEOPLE + r"\s+(?:of|in)\s+(?:the\s+)?(?P<arm>[^.;,]{2,50}?)\s+"
                          r"(?:groups?|arms?)\s+(?P<what>(?:received|required|needed|developed|had|experienced)\s+[\w -]{3,40}?)\s*(?=[.;,]|$)",
                          re.I)
# a place, a comparison or another study after the event: no zero count of the arms
_OTHER_PLACE = re.compile(r"\b(?:between|than|compared|previous|prior|other\s+stud|literature|subgroups?|cohorts?)\b|\d", re.I)
_TIED_TO_TREATMENT = re.compile(r"\b(?:attributed|associated|related|due)\s+(?:to|with)\b", re.I)


def _zero_in_any_frame(s: Sentence) -> None:
    """Zero events of an arm or of every arm of known size, said in words (see the block's comment)."""
    seg = s.seg
    if not s.state.arm_sizes or not _ZERO_GATE.search(seg):
        return
    earlier = s.estimates[:]    # the rows of the frames before this one (a clause's own zero leaves the next clause)
    for clause_start, clause in _clauses(seg):
        found = None
        for shape in _ZERO_SHAPES:
            found = shape.search(clause)
            if found:
                break
        arm_named = None
        if found is None:
            found = _NONE_OF_ARM.search(clause)
            if found is None:
                continue
            arm_named = found.group("arm")
        if re.search(r"\d", clause[:found.start()]):
            continue        # "one infection out of 13 ... and no anaerobic infections": none among a counted few
        a, b = clause_start + found.start("what"), clause_start + found.end("what")
        if any(e.start < b and a < e.end for e in s.estimates) or any(e.events == 0 for e in earlier):
            continue        # another zero rule read the sentence
        rest = clause[found.end("what"):]
        arms = _zero_event_arms(s, clause_start, clause, found, rest, arm_named)
        what = re.sub(r"\s+", " ", found.group("what")).strip().lower()
        for arm in arms:
            size = s.state.arm_sizes[arm]
            _write_zero(s, a, b, size, arm, what)


def _clauses(seg: str) -> list[tuple[int, str]]:
    """The sentence's clauses (split at ';', at ', but' / ', while' / ', whereas' and before 'and no X'), each with where
    it starts."""
    out, at = [], 0
    # ("X were observed and no Y occurred": two denials, each a clause; never after a count, "one infection out of 11
    # and no fungal infections" is none among the counted few)
    for m in re.finditer(r";|,\s+(?=(?:but|while|whereas)\b)|\s+and\s+(?=no\s+[a-z])", seg):
        if m.group().strip() == "and" and re.search(r"\d", seg[at:m.start()]):
            continue
        out.append((at, seg[at:m.start()]))
        at = m.end()
    out.append((at, seg[at:]))
    return out


_BOTH_ARMS_FIRST = re.compile(r"\s*both\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s+and\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s+"
                              r"(?:groups?\s+|arms?\s+)?(?:were|was)\s+(?:well|generally\s+well|equally\s+well)\s+tolerated\b",
                              re.I)


def _zero_event_arms(s: Sentence, clause_start: int, clause: str, found: re.Match, rest: str,
                     arm_named: str | None) -> list[str]:
    """The arms a zero count of a clause is of (see the block's comment); empty when the clause does not say."""
    sized = _every_sized_arm(s)
    named = _sized_arms_named(s, clause_start, clause_start + len(clause))
    if arm_named is not None:
        return _sized_arms_named(s, clause_start + found.start("arm"), clause_start + found.end("arm"))[:1]
    every = _EVERY_ARM.search(clause) or re.match(r"\s*neither\b", clause[found.start():], re.I)
    if every:
        return sized
    # "Both A and B were well tolerated, with no adverse events reported": every arm, named together as the subject
    if named and len(sized) == 2 and set(named) == set(sized) and _BOTH_ARMS_FIRST.match(clause) \
            and not _TIED_TO_TREATMENT.search(rest) and not _OTHER_PLACE.search(rest):
        return sized
    if _TIED_TO_TREATMENT.search(rest) or _OTHER_PLACE.search(rest):
        return []
    # "There were no complications in the B group": the zero of each arm the clause names (the labelling rule: zero
    # events stated in words are 0 of each arm named); a clause that also counts ("... and 3 in the A group") is the
    # count rules'
    if named:
        return named if not re.search(r"\d", clause) else []
    if re.search(r"\bboth\b", rest, re.I):
        return []
    if re.fullmatch(r"(?:\s+(?:was|were|have\s+been|has\s+been)?\s*(?:reported|observed|recorded|seen|noted|documented|"
                    r"detected|found|occurred))?(?:\s+(?:during|throughout|after|over)\s+(?:the\s+)?[\w -]{0,40})?\s*[.]?\s*",
                    rest, re.I):
        return sized
    return []


# "None of the 58 A patients", "none of the patients receiving B", "No A-treated participant", "none of our patients in
# the C group": nobody of one arm, then what they did not have
_NOBODY_HEAD = re.compile(r"\b(?:none\s+of\s+(?:the|our|these|those)\s+(?:(?P<n>\d+)\s+)?|no\s+)", re.I)
_PEOPLE_TO_THE_ARM = re.compile(r"(?:" + COUNTED_PEOPLE + r"\s+(?:in|of|on|receiving|treated\s+with|given|assigned\s+to|"
                                r"randomi[sz]ed\s+to)\s+(?:the\s+)?)?", re.I)
_ARM_TO_THE_VERB = re.compile(r"(?P<people>-?(?:treated|randomi[sz]ed|allocated)?\s*(?:group|arm)?\s*(?:" + COUNTED_PEOPLE
                              + r")?)\s+(?:(?:had|experienced|developed|required|needed|died|relapsed|showed|suffered|"
                              r"reported|complained|presented|exhibited|sustained)\b)", re.I)


def _nobody_of_an_arm(s: Sentence) -> None:
    """Zero events in one arm, its people named with the arm inside the words of the zero: "None of the 58 A patients
    developed X", "none of the patients receiving B had X", "No A-treated participant died" (over the printed number,
    else the arm's size; a verb of an event must follow, never a trait at entry)."""
    seg = s.seg
    if not s.groups or ("one" not in seg and "No" not in seg and "no " not in seg):
        return
    for m in _NOBODY_HEAD.finditer(seg):
        group = next((g for g in s.groups if m.end() <= g.start <= m.end() + 50), None)
        if group is None or not _PEOPLE_TO_THE_ARM.fullmatch(seg, m.end(), group.start):
            continue
        tail = _ARM_TO_THE_VERB.match(seg, group.end)
        if tail is None or not (tail.group("people").strip() or seg[m.end():group.start].strip()):
            continue        # "no rituximab was given": a drug, not the arm's people
        arm = group.name if group.name in s.state.arm_sizes else s.arm_named(group.start, group.end)
        size = s.state.arm_sizes.get(arm) if arm else None
        total = int(m.group("n")) if m.group("n") else size
        if not arm or not total or s.describes_patients(s.local_after(tail.end())):
            continue
        earlier = [e for e in s.estimates if e.events == 0 and e.start <= m.start() < e.end + 1]
        if earlier:
            for e in earlier:
                if not e.arm_hint:
                    e.arm_hint = arm        # "None of the 60 patients in the A group": the zero another rule read is A's
            continue
        idx = s.num_at(m.start("n"), m.end("n")) if m.group("n") else []
        if any(not s.free(i) for i in idx):
            continue
        s.claimed.update(idx)
        _write_zero(s, m.start(), tail.end(), total, arm)


# ------------------------------------------------------------------------------- nobody had it, in a digit-free sentence
# The family of ways a sentence without a digit says that no patient of an arm, or of any arm, had an event, read by
# its grammar rather than by one narrow string: the people negated ("No placebo patient developed X", "None of the
# children given A had X", "Nobody in either arm had X", "No patients died"), the event negated ("X did not occur in any
# patient", "X was not observed in either group", "X was absent in both groups", "X was not reported by any
# participant"), the event denied to exist ("There were no deaths", "No cases of X were recorded in the B arm") and the
# arms negated ("Neither group reported X"). The arms: those the clause names, every arm of known size where it says
# either / any / all / neither, counts them as the study model holds them ("within the 2 groups": no digit of the
# sentence's own then) or names no arm and no other place; an event the lexicon does not know where a verb of seeing
# or occurring denies it of every arm. Never a difference, a change or a comparison ("no significant difference in
# X"), a plan ("no patient will"), who was excluded or lost, or a trait at entry.
_NO_ONE = (r"(?P<neg>\bno(?:body|\s+one)\b|\bnot\s+(?:a\s+single|one|any)\b|\bnone\s+of\s+(?:the|our|these|those)\b|"
           r"\bno\b(?!\s+(?:significant|statistically|difference|change|other|further|more|less|longer)\b))")
_HAD = (r"(?P<verb>had|developed|experienced|reported|showed|displayed|suffered(?:\s+from)?|required|needed|presented\s+with|"
        r"complained\s+(?:of|about)|sustained|exhibited|acquired|contracted|died|relapsed)")
# what was had: up to eight words up to a clause break, a time or a place
_WHAT_HAD = (r"(?P<what>[A-Za-z][\w/'-]*(?:\s+(?!(?:during|after|at|within|in|throughout|over|until|while|whereas|but|"
             r"and\s+(?:the|all|no|none))\b)[\w/'-]+){0,7}?)")
_HAD_TAIL = r"(?=\s*(?:[.;,(:]|$|\b(?:during|after|at|within|in|throughout|over|until|while|whereas|but)\b))"
_PEOPLE_NEGATED = re.compile(_NO_ONE + r"\s*(?P<who>[^.;,:()]{0,70}?)\s*\b" + _HAD
                             + r"(?:\s+(?:any|an?)(?=\s))?(?:\s+(?:signs?|symptoms?|episodes?|cases?)\s+of)?"
                             + r"(?:\s+" + _WHAT_HAD + _HAD_TAIL + r"|(?<=died)|(?<=relapsed))", re.I)
# the people negated with a verb that is the event itself, nothing had after it ("No patients in either group
# aspirated during the procedure", "no participants in either arm were hospitalised"): the event is the verb, of the
# arms the people are said to be in (never a verb of how the trial ran: randomised, excluded, crossed over, ...)
_PEOPLE_NEGATED_EVENT_VERB = re.compile(_NO_ONE + r"\s*(?P<who>[^.;,:()]{0,70}?)\s*\b(?P<verb>(?:(?:was|were)\s+)?"
                                        r"(?!(?:randomi[sz]|assign|allocat|includ|enrol|exclud|withdr|complet|receiv|"
                                        r"treat|analy[sz]|evaluat|follow|lost|drop|discontinu|stopp|requir|need|"
                                        r"report|observ|record|not|us|tested|measur|ask|interview|survey|cross|switch|"
                                        r"blind|match|select|approach|contact|screen|consent|enter|transferr|pair|"
                                        r"stratifi|instruct|train)\w*)[a-z]{4,}ed)" + _HAD_TAIL, re.I)
# the place right after a negated event, where the people's arm is said ("... vomited in the A group", "... died in
# either arm", "... in group 2"): to the clause's end, so a longer place ("in the A group at week 4") names none
_ARM_AFTER_THE_EVENT = re.compile(r"\s+(?:in|among|within)\s+(?P<where>(?:the\s+)?(?:[^.;,:()]{1,40}?\s+(?:groups?|arms?)"
                                  r"|(?:group|arm)\s+[A-Za-z0-9]{1,3}))\s*(?:[.;,]|$)", re.I)
_PEOPLE_WORDS = re.compile(COUNTED_PEOPLE + r"|\b(?:one|body|group|groups|arm|arms|recipients?|persons?|people|"
                           r"individuals?|volunteers?|neonates?|newborns?)\b", re.I)
_SAID_ABSENT = (r"(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:not\s+" + _SAID_NOT[:-1] + r"|experienced|"
                r"apparent|present|reported)|absent)|did\s+not\s+(?:occur|develop|happen|appear|arise))")
_EVENT_NEGATED = re.compile(r"(?:^|[,;:]\s*(?:(?:and|but|while|whereas)\s+)?|\b(?:and|but|while|whereas)\s+)\s*(?:the\s+)?" + _WHAT.format("what")
                            + r"\s+" + _SAID_ABSENT + r"\s+(?P<where>(?:in|by|among|for|from|within)\s+[^.;,:()]{2,70}?)"
                            + r"\s*(?=[.;,(:]|$|\b(?:during|after|at|throughout|over|until)\b)", re.I)
_EVENT_DENIED = re.compile(r"(?:\bthere\s+(?:was|were|have\s+been|has\s+been|had\s+been)\s+no|^\s*no|(?<=,\s)no|"
                           r"\b(?:with|and|but)\s+no)\s+(?:(?:cases?|episodes?|instances?|reports?|signs?|occurrences?)\s+of\s+)?"
                           + _WHAT_HAD + r"(?=\s*(?:[.;:,(]|$|\b(?:was|were|has|have|had|occurred|in|among|within|during|"
                           r"after|throughout|over|at|attributable|attributed|related|due|associated|linked|of|between|"
                           r"compared|than|with|for|reported|recorded|observed|seen|noted)\b))"
                           r"\s*(?P<rest>[^.;:]{0,90}?)\s*(?=[.;:]|$)", re.I)
_ARMS_NEGATED = re.compile(r"\b(?:neither|none)\s+of\s+the\s+(?:(?:two|three|four)\s+)?(?:groups|arms)\s+" + _HAD
                           + r"(?:\s+(?:any|an?)(?=\s))?\s+" + _WHAT_HAD + _HAD_TAIL
                           + r"|\bneither\s+(?:group|arm)\s+" + _HAD.replace("verb", "verb2") + r"(?:\s+(?:any|an?)(?=\s))?\s+"
                           + _WHAT_HAD.replace("what", "what2") + _HAD_TAIL, re.I)
_EVERY_ARM_SAID = re.compile(r"\b(?:either|any|all|each|both|neither|the\s+(?:two|three|four)|whole|entire)\b", re.I)
_NOT_AN_EVENT = re.compile(r"^(?:significant|statistically|differences?|changes?|effects?|evidence|associations?|"
                           r"correlations?|increases?|decreases?|reductions?|improvements?|benefits?|advantages?|"
                           r"trends?|relationships?|interactions?|heterogeneity|impact|influence|need|way|data|"
                           r"information|consensus|signal|longer|other|further|more|less|to\b|be\b|been\b|"
                           r"(?:the|a|an)\s+(?:same|similar|different)|prior|previous|history|concomitant|"
                           r"patients?|participants?|subjects?|one|group|arm|protocol|study|treatment|reason|"
                           r"(?:in|during|at|after|within|throughout|over|by|of|among|from|on|for|with)\b)", re.I)
_LEFT_OR_EXCLUDED = re.compile(r"\b(?:excluded|withdrawn|withdrew|lost|dropped|discontinued|enrolled|included|"
                               r"randomi[sz]ed|will|would|should|must|may|shall|allowed|eligible|permitted|received\s+"
                               r"(?:the|any|concomitant))\b", re.I)
_EVENT_WORD = re.compile(_EVENT_HEAD + r"|\b(?:deaths?|mortality|died|relapsed?|relapses)\b", re.I)


def _nobody_had_it(s: Sentence) -> None:
    """No patient of an arm, or of every arm of known size, had an event: the family of digit-free shapes (see the
    block's comment). The people-negated and arms-negated shapes carry a verb of an event, the others an event the
    lexicon knows; a clause naming a comparison, another place, a plan, a withdrawal or a trait at entry gives none."""
    seg = s.seg
    # "none of the patients had hypocalcemia (cCa < 8.4 mg/dL)", "No patients experienced fasting glucose ≥115
    # mg/dL": the event's threshold, in brackets or right after its name, is no count
    unthresholded = _without_thresholds(seg)
    if not s.state.arm_sizes or not _NOBODY_GATE.search(seg) or _DIGIT_ANY.search(unthresholded) \
            and not _ARMS_COUNTED.search(seg):
        return
    every = _every_sized_arm(s)
    # "within the 2 groups", "in all three arms": every arm, counted; only where the study model holds as many (the
    # count is then no number of the sentence's own)
    counted = [m for m in _ARMS_COUNTED.finditer(seg)]
    if any(_ARM_NUMBERS[m.group("n").lower()] != len(every) for m in counted):
        return
    uncounted = _ARMS_COUNTED.sub(" every arm ", unthresholded)
    if _DIGIT_ANY.search(uncounted):
        return
    if any(e.events == 0 for e in s.estimates) or _AT_ENTRY.search(seg) or _SELECTED.search(seg) \
            or _LEFT_OR_EXCLUDED.search(seg) or _OTHER_PLACE.search(uncounted):
        return
    for clause_start, clause in _clauses(seg):
        # (read with the thresholds blanked, positions kept: the event's name runs on over its threshold)
        found = _read_nobody(s, clause_start, _without_thresholds(clause), every)
        if found is None:
            continue
        a, b, what, arms = found
        threshold = _THRESHOLD.match(seg, b + len(seg[b:]) - len(seg[b:].lstrip()))
        if threshold and what:
            b = threshold.end()
            what = re.sub(r"\s+", " ", seg[a:b]).strip().lower()
        # "No patients experienced A, B, C." : each event of the list the verb denies, its own zero
        events = [(a, b, what)] + _events_listed_after(seg, b, clause_start + len(clause))
        for arm in arms:
            size = s.state.arm_sizes.get(arm)
            if not size:
                continue
            for lo, hi, name in events:
                _write_zero(s, lo, hi, size, arm, name)


# the further events of a list a negated verb denies ("No patients experienced A, B, C, or D."): items set apart by
# commas to the clause's end, each a few words (a threshold may close it: "fasting glucose ≥115 mg/dL"), never a
# clause of its own (a verb, a time, a place or a comparison)
_LIST_REST = re.compile(r"(?P<items>(?:\s*,\s*(?:(?:or|and)\s+)?[A-Za-z][^,;:()]{1,60}?)+)\s*[.;]?\s*$")
_NOT_AN_ITEM = re.compile(r"\b(?:was|were|is|are|had|has|have|occurred|during|after|before|within|between|than|compared|"
                          r"in|among|while|whereas|but|although|which|who|p|such|including|e\.\s?g|like|especially|"
                          r"particularly|mainly|namely|except)\b", re.I)


def _events_listed_after(seg: str, at: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, event) of each further item of a list of events denied together, from `at` (the first item's end)
    to `end` (the clause's); empty unless the whole rest is such a list."""
    m = _LIST_REST.match(seg, at, end)
    if m is None:
        return []
    items, pos = [], m.start("items")
    for piece in _ITEM_SPLIT.split(m.group("items")):
        name = piece.strip()
        if not name:
            continue
        start = seg.index(name, pos)
        pos = start + len(name)
        if _NOT_AN_ITEM.search(_without_thresholds(name)) or len(name.split()) > 8:
            return []
        items.append((start, pos, name.lower()))
    # (three items at least with the first: "pectoralis major, latissimus flaps" names one event's kinds)
    return items if len(items) >= 2 else []


# a threshold printed right after the event it defines ("glucose ≥115 mg/dL", "weight gain > 7%"): never a p-value
_THRESHOLD = re.compile(r"(?<![A-Za-z])(?<!\bp\s)(?<!\bp)[<>\u2264\u2265]=?\s*\d[\d.,]*\s*(?:%|[A-Za-z\u00b5\u03bc]+(?:/[A-Za-z]+)?)?", re.I)


def _without_thresholds(text: str) -> str:
    """`text` with each event's threshold blanked (the bracketed ones whole), positions kept."""
    blank = lambda b: " " * len(b.group())     # noqa: E731
    return _THRESHOLD.sub(blank, _THRESHOLD_BRACKET.sub(blank, text))


# a bracket holding a comparison sign: the threshold that defines the event ("(cCa < 8.4 mg/dL)", "(Hb \u2264 110 g/L)");
# never a p-value ("(all p > 0.05)" closes a comparison, no event)
_THRESHOLD_BRACKET = re.compile(r"\((?![^()]*\bp\s*[<>=\u2264\u2265])(?=[^()]*[<>\u2264\u2265])[^()]{1,40}\)", re.I)
_DIGIT_ANY = re.compile(r"\d")
_ARMS_COUNTED = re.compile(r"\b(?:in|within|among)\s+(?:all\s+)?(?:of\s+)?the\s+(?P<n>two|three|four|[234])\s+"
                           r"(?:study\s+|treatment\s+)?(?:groups|arms)\b", re.I)
# every arm said in words: either, any, all, each, neither, "the two groups", "within the 2 groups"
_EVERY_ARM_IN_WORDS = re.compile(r"\b(?:either|any|all|each|neither|the\s+(?:two|three|four|[234])\s+(?:study\s+|treatment\s+)?"
                                 r"(?:groups|arms))\b", re.I)
# what a zero said of every arm by a verb of seeing or occurring may be any event, named by the lexicon or not ("No
# secondary effects were noted within the two groups", "Bradycardia was not seen in either group")
_SEEN_OR_OCCURRED = re.compile(r"^\s*(?:(?:was|were|has\s+been|have\s+been)\s+(?:not\s+)?" + _SAID_NOT
                               + r"|(?:did\s+not\s+)?(?:occur(?:red)?|develop|happen|appear))\b", re.I)
_QUALIFIED = re.compile(r"\s*(?:attributable|attributed|related|due|associated|linked|owing|secondary|of\b)", re.I)
_OF_EVERY_TREATMENT = re.compile(r"of\s+(?:the\s+)?(?:study\s+|two\s+|both\s+)?(?:drugs|medications|treatments|"
                                 r"agents|interventions|regimens)\s+", re.I)
_NOBODY_GATE = re.compile(r"\b(?:no|none|nobody|neither|not|absent)\b", re.I)


def _read_nobody(s: Sentence, at: int, clause: str, every: list[str]) -> tuple[int, int, str, list[str]] | None:
    """(start, end, event, arms) of the zero one clause states, or None."""
    def arms_in(lo: int, hi: int) -> list[str]:
        found = _sized_arms_named(s, at + lo, at + hi)
        # ("No placebo patient": the lexicon reads "no placebo" as a negated drug, no group; the arm's name is there)
        return found or [a for a in s.state.arm_sizes
                         if re.search(r"\b" + re.escape(a) + r"\b", clause[lo:hi], re.I)][:1]

    def event_of(m: re.Match, group: str) -> str:
        if group not in m.re.groupindex:
            # the verb is the event ("aspirated", "were institutionalized")
            return re.sub(r"^(?:was|were)\s+", "", m.group("verb").lower())
        what = re.sub(r"\s+", " ", m.group(group) or "").strip(" -").lower()
        if m.groupdict().get("verb") and m.group("verb").lower() in ("died", "relapsed") and not what:
            return "death" if m.group("verb").lower() == "died" else "relapse"
        if re.search(r"\b[\w]+-(?:related|induced|associated|attributable)\b", what):
            return ""       # "no chemotherapy-related death": an event of one treatment, not of every arm
        return "" if not what or _NOT_AN_EVENT.match(what) else what

    m = _ARMS_NEGATED.search(clause)
    if m:
        group = "what" if m.group("what") else "what2"
        what = event_of(m, group)
        return (at + m.start(group), at + m.end(group), what, every) if what else None
    m = _PEOPLE_NEGATED.search(clause) or _PEOPLE_NEGATED_EVENT_VERB.search(clause)
    if m:
        who = m.group("who")
        bare = re.match(r"\s*no(?:body|\s+one)\b", m.group("neg"), re.I)
        what = event_of(m, "what")
        if re.search(r"\b(?:or|and)\s*$", who) or re.search(r"\b(?:was|were|is|are|been|be)\b", who, re.I):
            what = ""       # "No patient deteriorated or developed X": two verbs, the people before the first
        # "No patient vomited in group 1", "No one died in either arm": the people's arm said after the event
        place = _ARM_AFTER_THE_EVENT.match(clause, m.end())
        place_arms = arms_in(place.start("where"), place.end("where")) if place else []
        every_in_place = bool(place and _EVERY_ARM_SAID.search(place.group("where")))
        if what and m.re is _PEOPLE_NEGATED_EVENT_VERB and not (_EVERY_ARM_SAID.search(who) or place_arms
                                                                or every_in_place
                                                                or arms_in(m.start("who"), m.end("who"))):
            # a verb read as the event only of the arms the people are said to be in (a bare "no participants were
            # hospitalised" gave as many wrong rows as right ones on the validation sets)
            what = ""
        if what and (bare or not who.strip() and not re.match(r"\s*no\b", m.group("neg"), re.I)
                     or _PEOPLE_WORDS.search(who)):
            named = arms_in(m.start("who"), m.end("who"))
            if _EVERY_ARM_SAID.search(who):
                # ("No patients in either the A or B groups": the arms named, where the study has a third)
                arms = named if len(named) >= 2 else every
            elif named:
                arms = named[:1]
            elif every_in_place:
                arms = place_arms if len(place_arms) >= 2 else every
            elif place_arms:
                arms = place_arms[:1]
            elif arms_in(0, len(clause)):
                arms = []        # an arm named elsewhere in the clause: whose zero it is the clause does not say
            elif what in ("death", "deaths", "mortality") or not s.state.two_arms():
                arms = []        # a bare "no patient died" is left out by the labelling rule, as "No deaths occurred"
            elif re.match(r"required|needed", m.group("verb"), re.I) and not re.fullmatch(
                    r"\s*(?:[A-Z][\w ]{0,30},\s*)?", s.seg[:at + m.start()]):
                arms = []        # "... and no patient required X": a need told as the detail of the clause before it
                                 # (a serious event's criterion), not the sentence's own count
            else:
                arms = every
            has_what = "what" in m.re.groupindex and m.group("what")
            lo = m.start("what") if has_what else m.start("verb")
            hi = m.end("what") if has_what else m.end("verb")
            return (at + lo, at + hi, what, arms) if arms else None
    m = _EVENT_NEGATED.search(clause)
    if m:
        what = event_of(m, "what")
        where = m.group("where")
        said = clause[m.end("what"):m.start("where")]
        # (the lexicon's test waived only where "not" denies the event of every arm: "not seen in all patients" says
        # only that some had none)
        every_arm_said = (re.search(r"\b(?:either|any|neither)\b", where, re.I) or _ARMS_COUNTED.search(where)) \
            and re.search(r"\bnot\b", said, re.I)
        if what and (_known_event(what) or every_arm_said and _any_event(what)):
            absent = re.search(r"\babsent\b", said, re.I)
            if _EVERY_ARM_IN_WORDS.search(where) or absent and re.search(r"\bboth\b", where, re.I):
                arms = every
            else:
                # "Vomiting did not occur in the B group": the zero of each arm named (the labelling rule)
                arms = arms_in(m.start("where"), m.end("where")) if _known_event(what) else []
            return (at + m.start("what"), at + m.end("what"), what, arms) if arms else None
    m = _EVENT_DENIED.search(clause)
    if m:
        what = event_of(m, "what")
        rest = m.group("rest")
        # "No side effects of the drugs were observed": the study's treatments together, plural, are no part of the
        # event (one named treatment would be: "no adverse events of rituximab")
        of_every_treatment = _OF_EVERY_TREATMENT.match(rest)
        if of_every_treatment and _ONLY_SEEN_OR_OCCURRED.fullmatch(rest[of_every_treatment.end():]):
            rest = rest[of_every_treatment.end():]
        seen_in_every_arm = _SEEN_OR_OCCURRED.match(rest) and (
            re.search(r"\b(?:either|any|neither)\b", rest, re.I) or _ARMS_COUNTED.search(rest))
        if not what or not (_known_event(what) or seen_in_every_arm and _any_event(what)):
            return None
        if _QUALIFIED.match(rest) or _TIED_TO_TREATMENT.search(rest) or re.search(
                r"\bfrom\s+(?:either|any|both|each)\s+(?:of\s+the\s+)?(?:medications?|drugs?|treatments?|regimens?|"
                r"products?|interventions?|agents?)\b", rest, re.I):
            return None     # "no deaths attributable to X", "no adverse events related to A or B": a part of the event
        if re.search(r"\b(?:either|any|neither)\b", rest, re.I) or _ARMS_COUNTED.search(rest):
            arms = every
        elif arms_in(m.start("rest"), m.end("rest")):
            # "No cases of X were recorded in the B arm": the zero of each arm named (the labelling rule)
            arms = arms_in(m.start("rest"), m.end("rest"))
        elif (_ONLY_SEEN_OR_OCCURRED.fullmatch(rest) or _THERE_WERE_NO.search(clause, 0, m.start("what"))
              and _EXAMPLES_ONLY.fullmatch(rest) and _EVENT_WORD.search(what)) and not _DEATH.search(what):
            # "No wound infection was recorded.": no arm and no other place named, every arm's zero ("No deaths
            # occurred." stays out: the labelling rule counts a death where it is printed)
            arms = every
        else:
            arms = []
        return (at + m.start("what"), at + m.end("what"), what, arms) if arms else None
    return None


# "There were no serious adverse events." / "..., such as X": the same denial as "No X occurred", nothing after the
# event but its examples
_THERE_WERE_NO = re.compile(r"\bthere\s+(?:was|were|have\s+been|has\s+been|had\s+been)\s+no\s+$", re.I)
_EXAMPLES_ONLY = re.compile(r"(?:,?\s*(?:such\s+as|including|e\.\s?g\.|like)\b[^.;:]*)?", re.I)
# "was recorded", "were observed during the study", "occurred": a denial's verb with nothing after it but a time
_ONLY_SEEN_OR_OCCURRED = re.compile(r"(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+" + _SAID_NOT
                                    + r"|(?:has\s+|have\s+|had\s+)?(?:occurred|developed|appeared))"
                                    r"(?:\s+(?:during|throughout|after|over)\s+(?:the\s+)?[\w -]{0,40})?", re.I)
_DEATH = re.compile(r"\b(?:deaths?|mortality|died)\b", re.I)


# "No hypotension, bradycardia, or respiratory depression was observed.": events listed and denied together, the
# clause ending there (a time or every arm may follow: "There was no X and Y in two groups"), each its own outcome
_LISTED_EVENTS_DENIED = re.compile(
    r"(?:^\s*|(?<=,\s)|(?<=;\s)|(?<=\band\s))(?:there\s+(?:was|were)\s+no|no)\s+(?P<items>[A-Za-z][\w' -]{2,40}?"
    r"(?:\s*,\s*[A-Za-z][\w' -]{2,40}?)*\s*,?\s+(?:or|and|nor)\s+[A-Za-z][\w' -]{2,40}?)"
    r"(?P<verb>\s+(?:was|were|has\s+been|have\s+been)\s+" + _SAID_NOT + r"(?:\s+(?:or|and)\s+" + _SAID_NOT + r")?"
    r"|\s+(?:occurred|developed|appeared))?"
    r"(?P<every>\s+(?:in|among|within)\s+(?:(?:both|either|all|any)\s+(?:of\s+)?)?(?:the\s+)?(?:two|three|four|both)?\s*"
    r"(?:study\s+|treatment\s+)?(?:groups|arms|patients)\b(?:\s+(?:involved|included|enrolled)\s+in\s+(?:the|this|our)\s+"
    r"(?:study|trial))?)?"
    r"(?:\s+(?:during|throughout|after|over)\s+(?:the\s+)?[\w -]{0,40}?)?\s*[.;]?\s*$",
    re.I)
_LIST_ITEM_SPLIT = re.compile(r"\s*,\s*(?:(?:or|and|nor)\s+)?|\s+(?:or|and|nor)\s+", re.I)


def _listed_events_denied(s: Sentence) -> None:
    """ "No hypotension, bradycardia, or respiratory depression was observed.": 0/n of each arm for each event listed,
    where every item is an event the lexicon knows and the sentence names no arm, no place and no number (every arm
    of known size is the denial's)."""
    seg = s.seg
    if any(e.events == 0 for e in s.estimates) or _DIGIT_ANY.search(seg):
        return
    every = _every_sized_arm(s)
    if not every:
        return
    for clause_start, clause in _clauses(seg):
        m = _LISTED_EVENTS_DENIED.search(clause)
        if m is None or _sized_arms_named(s, clause_start, clause_start + len(clause)) or _OTHER_PLACE.search(clause):
            continue        # (an arm named, or another place: "No X, Y or Z was reported in previous studies")
        items, at = [], m.start("items")
        for piece in _LIST_ITEM_SPLIT.split(m.group("items")):
            start = clause.index(piece, at)
            at = start + len(piece)
            items.append((clause_start + start, clause_start + at, piece.strip().lower()))
        if len(items) < 2 or not (all(has_outcome(name) and not _DEATH.search(name) for _, _, name in items)
                                  or _denied_as_a_list(m, [name for _, _, name in items])):
            continue
        for a, b, name in items:
            for arm in every:
                _write_zero(s, a, b, s.state.arm_sizes[arm], arm, name)


def _denied_as_a_list(m: re.Match, names: list[str]) -> bool:
    """Events the lexicon does not all know, denied together where the shape itself says they are events: a long list
    (four or more) denied by a verb of seeing or occurring, one of them an event the lexicon knows ("No operative
    mortality, low cardiac output, lung injury or wound healing problems occurred": each its own zero, a death of the
    list too), or two said of every arm ("There was no X and Y in two groups"); never an item that is no event (a
    short list with an item the lexicon does not know, "No nausea, headache or unusual tiredness", stays unread)."""
    if not all(_any_event(name) and not _NOT_AN_EVENT.match(name) and len(name.split()) <= 5 for name in names):
        return False
    if m.group("every"):
        return True
    return bool(m.group("verb")) and len(names) >= 4 and any(_known_event(name) for name in names)


def _any_event(what: str) -> bool:
    """Whether `what`, said of every arm by a verb of seeing or occurring, may be an event the lexicon does not know:
    never a difference, a change, a rate or a value, and never the people or the arms themselves."""
    return not _NOT_AN_EVENT_SUBJECT.match(what) and not re.search(r"\b(?:groups?|arms?|patients?)\b", what, re.I)


def _known_event(what: str) -> bool:
    """An event the lexicon knows as an outcome, or a generic event noun (adverse events, complications, deaths), or
    events of a kind ("thrombotic event", "hypoglycaemic episodes")."""
    return bool(_EVENT_WORD.search(what) or _EVENTS_OF_A_KIND.fullmatch(what)) or has_outcome(what)


_EVENTS_OF_A_KIND = re.compile(r"(?:[a-z][\w-]+\s+){1,2}(?:events?|episodes?)", re.I)


# "None of the patients stopped participation due to adverse events", "No patient in either group discontinued
# treatment because of side effects": a discontinuation for an event is an outcome of its own (the trial's flow
# otherwise, which the other frames leave)
_STOPPED_FOR_EVENTS = re.compile(
    r"\b(?:none\s+of\s+(?:the|our|these)\s+" + COUNTED_PEOPLE + r"|no\s+" + COUNTED_PEOPLE + r"|nobody|no\s+one)\s+"
    r"(?:(?:in|of|among)\s+(?:the\s+)?(?P<arms>[^.;,\d]{2,60}?)\s+)?(?:(?:had\s+to|needed\s+to|was\s+forced\s+to)\s+)?"
    r"(?P<verb>stopped|discontinued|withdrew|dropped\s+out|left|abandoned|interrupted|quit|stop|discontinue|withdraw|leave)\b"
    r"(?P<object>[^.;,\d]{0,40}?)\s+(?:due\s+to|because\s+of|owing\s+to|as\s+a\s+result\s+of|for)\s+(?:an?\s+|any\s+)?"
    r"(?P<what>" + _EVENT_WORDS + _EVENT_HEAD + r")\b", re.I)


def _nobody_stopped_for_events(s: Sentence) -> None:
    """Nobody stopped for an event: 0 of each arm the words name, else of every arm of known size where they name
    every arm or no place at all (see the pattern's comment); the outcome "discontinuation due to <the event>"."""
    seg = s.seg
    if "stop" not in seg and "discontinu" not in seg and "withdr" not in seg and " left" not in seg \
            and "dropped" not in seg and "quit" not in seg and "abandon" not in seg and "interrupt" not in seg:
        return
    for m in _STOPPED_FOR_EVENTS.finditer(seg):
        if any(e.start < m.end() and m.start() < e.end for e in s.estimates):
            continue        # another frame read it
        rest = seg[m.end():]
        if _OTHER_PLACE.search(rest[:60]) or _OTHER_PLACE.search(seg[:m.start()]):
            continue
        if m.group("arms"):
            arms = _sized_arms_named(s, m.start("arms"), m.end("arms"))
            if not arms and _EVERY_ARM.search(seg, m.start("arms") - 4, m.end("arms") + 8):
                arms = _every_sized_arm(s)
        else:
            arms = _every_sized_arm(s) if not s.groups or _EVERY_ARM.search(rest) else \
                _sized_arms_named(s, m.end(), len(seg))
        what = re.sub(r"\s+", " ", m.group("what")).strip().lower()
        for arm in arms:
            _write_zero(s, m.start(), m.end(), s.state.arm_sizes[arm], arm, "discontinuation due to " + what)
