"""Rules for proportions of patients (events / total per arm). Baseline characteristics (sex, age, antibody
status, allocation) are recognised by the words after the count and never become PROPORTION rows; a
proportion needs an outcome named in its sentence. Order, names and examples: registry.py."""
from __future__ import annotations

import re

from ..lexicon import has_outcome
from ..grammar import ALL_WITHOUT_EVENTS, COUNT_WORD, COUNTED_PEOPLE, ONCE_PER_PATIENT, UNSIGNED, Num, count_value, parse_number
from ..model import Estimate
from ..timepoints import timepoint_spans
from ...regexfilter import RememberedSearch, prefiltered
from ..sentence import _DISPOSITION, OUTCOME_VERB, PERCENTAGE_POINTS, Sentence
from ..startguard import start_guarded
from .aligned import aligned_shares, of_other_groups, percent_of_a_mean

# "30.0% of ravulizumab-treated patients", "88.4% of patients receiving ravulizumab", "40% of patients with X",
# "13.9% of ravulizumab recipients"
_OF_ARM = re.compile(r"\s*of\s+(?:the\s+)?(?:[\w-]+-treated\s+(?:patients|participants|children|and|or)\b|[\w-]+\s+(?:group|arm)\b"
                     r"|[A-Za-z][\w-]*\s+recipients\b"
                     r"|(?:[\w-]+\s+){0,2}(?:patients|participants|children)\s+(?:receiving|with|on|treated\s+with|given|in\s+the)\s)", re.I)
# "Out of the 9 patients who experienced treatment failure, 8 (88.9%) were in the X group": the percentages after it
# share out the patients who had the event among the arms
_SHARE_OF_THE_EVENTS = re.compile(r"\b(?:out\s+)?of\s+(?:the|these|those|all)\s+\d+\s+(?:patients|participants|subjects|cases|"
                                  r"children|women|men)\s+(?:who|with)\b", re.I)
_IN_AN_ARM_AFTER = re.compile(r"\s*(?:patients|participants|subjects|cases)?\s*(?:were|was)\s+(?:in|from)\s+(?:the\s+)?", re.I)
# "In the intervention group 61% of the infants were ...": the arm named just before, the percentage of its people
_IN_ARM_BEFORE = re.compile(r"\b(?:in|of|for)\s+the\s+(?:[\w-]+\s+){0,3}?(?:group|arm)\s*,?\s*$", re.I)
_OF_PEOPLE = re.compile(r"\s*of\s+(?:the\s+)?(?:patients|participants|subjects|women|men|mothers|infants|children|"
                        r"newborns|adults)\b(?!\s+(?:with|who|aged|in)\b)", re.I)
# "among 28 seronegative patients, ...": a subgroup, whose size is not the arm's
_SUBGROUP_CLAUSE = re.compile(r"\b(?:among|in|of)\s+(?:the\s+)?\d+\s+(?:[\w\u2013-]+\s+){0,3}(?:patients|participants)\b", re.I)
# "and the per-protocol analysis (13% vs. 24%)": a share of the per-protocol population, which the randomized arms'
# sizes do not count (a subgroup's shares stay read: an effect beside them takes its arm order from them)
_OTHER_POPULATION = re.compile(r"\bper[- ]protocol\b", re.I)


def _of_another_population(seg: str, start: int) -> bool:
    """The clause before a share (since the last bracket or semicolon) names the per-protocol population."""
    clause_start = max(seg.rfind(";", 0, start), seg.rfind(")", 0, start), seg.rfind("]", 0, start)) + 1
    return bool(_OTHER_POPULATION.search(seg, clause_start, start))


# "fell by 69% with X and 70% with placebo": the percentages of a clause about a change are changes
_CHANGED_BY = re.compile(r"\b(?:fell|fall|falls|dropped|declined|decreased|reduced|increased|rose|improved|worsened|changed|"
                         r"lowered|cut)\b[^.;]{0,60}?\bby\b", re.I)
_NOT_A_SHARE = prefiltered(re.compile(r"\b(?:baseline|concomitant|predicted|survival|probability|Kaplan|estimated)\b"
                          r"|\b(?-i:RFS|PFS|DFS|EFS|OS)\b", re.I))     # "the RFS rate at 3 years (38.6%, n = 88)": Kaplan-Meier
# "an increase in body weight of ≥7% from baseline was seen in 6.7% of the A group": a threshold of change from baseline
# defines the event the shares count (a responder's criterion), no baseline figure
_THRESHOLD_FROM_BASELINE = re.compile(r"[≥≤<>]=?\s*\d+(?:\.\d+)?\s*%[^.;,()\d]{0,40}?\bfrom\s+baseline\b", re.I)


def _names_no_share(text: str) -> bool:
    """The sentence's words say its percentages are no shares of an arm's people (`_NOT_A_SHARE`), a threshold of
    change from baseline aside."""
    return bool(_NOT_A_SHARE.search(_THRESHOLD_FROM_BASELINE.sub(" ", text) if "baseline" in text else text))


# "the main reasons for not being enrolled were lack of consent (n = 608; 37%)": screening, not the trial's patients
_SCREENING = re.compile(r"\b(?:not\s+(?:being\s+)?(?:enrolled|included|randomi[sz]ed|eligible)|reasons?\s+for\s+(?:exclusion|"
                        r"non-?(?:enrol|inclusion|participation))|screen(?:ed|ing)\s+failures?|ineligib\w*)\b", re.I)
_NOT_A_COUNT_BEFORE = re.compile(r"(?:\b(?:approximately|about|roughly|nearly|around|almost|over|under)|~|\u0394\s*=|\bmargin\s+of)\s*$",
                                 re.I)
_CITED = re.compile(r"\bet\s+al\b|\[\s*\d+(?:\s*[,\u2013-]\s*\d+)*\s*\]|\(\s*[A-Z][\w-]+[^()]{0,40}\b(?:19|20)\d\d\s*\)")
_CITED = RememberedSearch(_CITED)    # asked of one sentence by several rules: searched once per sentence
_APPROXIMATE_PERCENT = prefiltered(re.compile(r"\b(?:approximately|about|roughly|nearly|around|almost)\s+\d+(?:\.\d+)?\s*%", re.I))
# "took less than 1/4 of the prescribed drug": a fraction of a quantity, not 1 patient of 4
_FRACTION_OF = re.compile(r"\b(?:less|more|fewer)\s+than\s+$|\b(?:at\s+least|up\s+to|about|approximately|over|under|nearly)\s+$", re.I)


# "88 of the 410 patients who received X", "12 of the 45 patients in the X group": "N of the M" is an arm's count
# only when the arm is named right after its total
_OF_THE_ARM = re.compile(r"\s+(?:patients|participants|subjects|women|men|children|infants)\s+(?:who\s+(?:received|were\s+"
                         r"(?:treated|given|assigned))|receiving|treated\s+with|given|assigned\s+to|in\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm))\b",
                         re.I)


# between a count (and its share) and the arm its people are in: "of nine subjects in the A group", "(27%) patients
# receiving A", "participants treated with A", "volunteers given A"; the people may carry one describing word
_TO_THE_ARM_OF_THE_PEOPLE = re.compile(
    # ("subjects from the A group": "from" only with the people counted, a bare "5 from the A group" may be a flow)
    r"\s*[)\]]?\s*(?:[\w-]+\s+)?" + COUNTED_PEOPLE + r"\s+from\s+(?:the\s+)?$|"
    r"\s*[)\]]?\s*(?:(?:[\w-]+\s+)?" + COUNTED_PEOPLE + r"\s+)?,?\s*(?:in|on|of|receiving|treated\s+with|given|"
    r"who\s+(?:received|were\s+(?:given|treated\s+with|randomi[sz]ed\s+to|assigned\s+to))|randomi[sz]ed\s+to|assigned\s+to|"
    r"allocated\s+to)\s+(?:the\s+)?$", re.I)


_ARM_LIST_JOIN = re.compile(r"\s*(?:group|arm)?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:the\s+)?", re.I)


_PEOPLE_AFTER_THE_ARM = re.compile(r"(?:-?(?:treated|randomi[sz]ed|allocated|assigned))?\s+(?:group\s+|arm\s+)?" + COUNTED_PEOPLE + r"\b", re.I)


def arm_of_the_people_counted(s: Sentence, pos: int) -> str:
    """The arm a count's people are in, named right after the count (or its bracket): "5 of 9 subjects in the A
    group", "two of eight volunteers receiving B", "6 (27%) patients treated with C"; "" when the next arm named is
    not joined to the count by such words."""
    for i, g in enumerate(s.groups):
        if g.start < pos:
            continue
        if not s.seg[pos:g.start].strip() and _PEOPLE_AFTER_THE_ARM.match(s.seg, g.end):
            return g.name       # "5 of 60 A patients", "two of nine A-treated participants": the arm before its people
        if g.start - pos > 60 or not _TO_THE_ARM_OF_THE_PEOPLE.match(s.seg[pos:g.start]):
            break
        later = s.groups[i + 1] if i + 1 < len(s.groups) else None
        if later is not None and _ARM_LIST_JOIN.fullmatch(s.seg, g.end, later.start):
            break       # "... patients in the A and B groups, respectively": a list of arms, each count one of them
        return g.name
    return ""


# between two counts of one pair: "9/41 (22.0%) versus 16/39", "14 of 19 and 12 of 20", "9/41, compared with 16/39"
_PAIRED_COUNT_GAP = re.compile(r"\s*[)\]]?\s*(?:(?:patients|participants|subjects|women|men|children)\s+)?"
                               r"(?:(?:(?:in|of|among|with)\s+(?:the\s+)?)?[A-Za-z][\w-]*(?:\s+(?:group|arm))?\s*)?"
                               r",?\s*(?:vs\.?|versus|compared\s+(?:with|to)|and|as\s+against|against)\s*", re.I)


# an arm's name right before its count: "Placebo 6/11 and A 9/13 were ...", "B: 4 of 20"
_ARM_LABELS_COUNT = re.compile(r"\s*(?:group|arm)?\s*[:=,]?\s*$", re.I)


_SHARE_PRINTED_AFTER = re.compile(r"\s*[(\[]\s*\d+(?:\.\d+)?\s*%")


def _counts_its_whole_arm(s: Sentence, c, total: int) -> bool:
    """ "Six of 15 patients receiving A ...", "Placebo 6/11 and A 9/13 were fatigued": a count over the whole of the
    arm its people are in (the total is that arm's size in the study model), named right after its people or right
    before the count: an outcome count of that arm, whether or not the outcome lexicon knows the outcome (the flow
    and the traits of the people are left: who was randomized, completed, were women)."""
    if _DISPOSITION.search(s.seg) or _SCREENING.search(s.seg):
        return False
    share = _SHARE_PRINTED_AFTER.match(s.seg, c.end)      # "21 out of 30 (70%) patients from the A group"
    arm = arm_of_the_people_counted(s, share.end() if share else c.end)
    if not arm:
        before = [g for g in s.groups if g.end <= c.start and _ARM_LABELS_COUNT.fullmatch(s.seg, g.end, c.start)]
        arm = before[-1].name if before else ""
    return bool(arm) and s.state.arm_sizes.get(arm) == total


def count_of(s: Sentence) -> None:
    """ "14 of 19", "117/141", "n=11/14", "Nine of 30", "Five of nine subjects", "in 8 out of the 10 patients", with
    the percentage printed beside it if any; the arm its people are in when the sentence names it right after."""
    seg = s.seg
    pairs = sorted(s.parse("count_of") + s.parse("word_count_of") + s.parse("spelled_count_of"), key=lambda c: c.start)
    # counts each followed by the people of another arm ("Nine of ten volunteers given A ..., five of eleven given B")
    # are set against each other however the sentence words the comparison (not in one about who was enrolled)
    people_arms = {c.start: arm_of_the_people_counted(s, c.end) for c in pairs} if len(pairs) >= 2 else {}
    armed_apart = len({a for a in people_arms.values() if a}) >= 2 and not _DISPOSITION.search(seg)
    previous_end = None     # where the last count read ends: the count set right against it is read alike
    for c in pairs:
        e, t = c.events, c.total
        if e is None:
            continue
        idx = s.num_at(c.start, c.end)
        if t == 0 or e > t or any(not s.free(i) for i in idx):
            continue
        if re.match(r"^\s*\d", seg[c.end:c.end + 3]):
            continue
        if re.search(r"(?i:\bphase|\bstage|\bgrade|\bclass|\btype)\s*$", seg[max(0, c.start - 8):c.start]):
            s.claimed.update(idx)
            continue        # "phase 2/3": a design, not a count
        if _FRACTION_OF.search(seg[max(0, c.start - 16):c.start]) and re.match(r"\s+of\b", seg[c.end:c.end + 4]):
            s.claimed.update(idx)
            continue        # "less than 1/4 of the prescribed drug": a fraction, not a count
        # "X occurred in 9/41 (22.0%) versus 16/39 (41.0%) women": the second count of a pair set against one read
        # is of the same event ("women" after it names whom the pair counts, no trait of theirs)
        paired = previous_end is not None and _PAIRED_COUNT_GAP.fullmatch(seg, previous_end, c.start) is not None
        if re.search(r"\bof\s+the\b", seg[c.start:c.end]) and not _OF_THE_ARM.match(seg, c.end) and not paired:
            continue        # "774 of the 1361 patients in the full analysis population": "of the" only before an arm
        frac = e / t
        pct_i = s.percent_near(c.start, c.end, frac)
        span_end = max(c.end, s.nums[pct_i].full_end) if pct_i is not None else c.end
        local = s.local_after(span_end + (1 if seg[span_end:span_end + 1] in ")]" else 0))
        s.claimed.update(idx)
        if pct_i is not None:
            s.claimed.add(pct_i)
        if not paired and (s.vetoed(local, c.start) or not (s.has_outcome() or s.compares_counts() or armed_apart
                                                             or _counts_its_whole_arm(s, c, t))):
            previous_end = None
            continue
        previous_end = span_end + (1 if seg[span_end:span_end + 1] in ")]" else 0)
        value = s.nums[pct_i].value / 100 if pct_i is not None else frac
        anchor = s.nums[pct_i] if pct_i is not None and s.nums[pct_i].start < c.start else None
        est = Estimate("PROPORTION", value, f"{e}/{t}", (anchor.start if anchor else c.start), span_end,
                       events=e, total=t, kind="count")
        est.arm_hint = arm_of_the_people_counted(s, span_end)
        p = s.p_after(span_end)
        if p:
            est.p_value, est.p_text = p.value, p.text
        s.estimates.append(est)
        s.count_fractions.append(frac)


def everyone(s: Sentence) -> None:
    """ "All 9 patients ..." (everyone had the outcome)."""
    for a in s.parse("all_of"):
        idx = s.num_at(a.count_start, a.count_end)
        if not a.total or any(not s.free(i) for i in idx) or not s.has_outcome():
            continue
        if s.describes_patients(s.local_after(a.end)):
            continue
        if ALL_WITHOUT_EVENTS.match(s.seg, a.start):
            continue        # "All 28 patients ... without any side effects": no one's event (rules/zero_events.py)
        s.claimed.update(idx)
        s.estimates.append(Estimate("PROPORTION", 1.0, f"{a.total}/{a.total}", a.count_start, a.count_end,
                                    events=a.total, total=a.total, kind="all"))
    _everyone_of_an_arm(s)


# "All participants in the A group had X", "all the patients of the B arm developed X": everyone of one arm named, of
# known size, with what they had (the people before the arm, the verb of an event right after it)
_ALL_OF_AN_ARM = re.compile(r"\ball\s+(?:the\s+)?(?:patients|participants|subjects)\s+(?:in|of|from)\s+(?:the\s+)?$", re.I)
_ALL_OF_PEOPLE = start_guarded(re.compile(r"\ball\s+(?:the\s+)?(?:patients|participants|subjects)\s+(?:in|of|from)\s", re.I))
_EVERYONE_HAD = re.compile(r"\s*(?:(?:group|arm)\s+)?(?:had|developed|experienced|suffered|required|needed|reported|"
                           r"showed|achieved|passed|reached)\b", re.I)


def _everyone_of_an_arm(s: Sentence) -> None:
    """ "All participants in the A group had care planning at home": the arm's size of its size (never who was
    enrolled, allocated or lost, nor a trait at entry; never both arms)."""
    seg = s.seg
    # (first the people before an arm anywhere in the sentence, then the dearer tests: most sentences have none)
    if _ALL_OF_PEOPLE.search(seg) is None or _DISPOSITION.search(seg) or _CITED.search(seg):
        return
    for g in s.groups:
        size = s.state.arm_sizes.get(g.name)
        if not size or not _ALL_OF_AN_ARM.search(seg, max(0, g.start - 40), g.start):
            continue
        had = _EVERYONE_HAD.match(seg, g.end)
        if had is None or s.describes_patients(seg[had.end():]) or _EVERY_ARM_AFTER.match(seg, g.end):
            continue
        if any(e.start <= g.start < e.end for e in s.estimates):
            continue
        est = Estimate("PROPORTION", 1.0, f"{size}/{size}", g.start, had.end(), events=size, total=size, kind="all",
                       arm_hint=g.name)
        s.estimates.append(est)


# "All patients in the A and B groups": both arms, no one arm's count
_EVERY_ARM_AFTER = re.compile(r"\s*(?:,|and|or|&)\s", re.I)


def each_arm_count(s: Sentence) -> None:
    """ "Nine patients in each treatment group (16%) reported an adverse event": the count of each of the document's
    two arms of known size (a printed percentage must fit each arm's size to a rounding)."""
    for c in s.parse("each_group_count"):
        idx = s.num_at(c.count_start, c.count_end) + (s.num_at(c.percent_start, c.percent_end) if c.percent_start >= 0 else [])
        arms = s.state.two_arms()
        if c.events is None or not arms or any(not s.free(i) for i in idx) or not s.has_outcome():
            continue
        share = parse_number(s.seg[c.percent_start:c.percent_end]) if c.percent_start >= 0 else None
        sizes = [s.state.arm_sizes[a] for a in arms]
        if any(c.events > n or (share is not None and abs(100 * c.events / n - share) > 1.0) for n in sizes):
            continue
        s.claimed.update(idx)
        for arm, n in zip(arms, sizes):
            s.estimates.append(Estimate("PROPORTION", c.events / n, f"{c.events}/{n}", c.start, c.end, events=c.events,
                                        total=n, kind="each-arm", arm_hint=arm))


# "508 deaths (248 in the A group and 260 in the B group)": a total of once-per-patient events, split by arm in its
# bracket
_EVENTS_BEFORE_BRACKET = re.compile(r"(?<![\w.,/-])\d+\s+(?P<noun>" + ONCE_PER_PATIENT + r")(?:\s+(?:were|was|had\s+been|have\s+been)"
                                    r"\s+(?:recorded|reported|observed|seen|counted|documented))?\s*[(\[]\s*$", re.I)
# "Deaths from treatment-related causes were rare (three in the A group and eight in the B group)": the sentence opens
# with the event its bracket counts by arm
_EVENTS_OPEN_THE_SENTENCE = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?P<noun>deaths|recurrences|failures|amputations|"
                                       r"recrudescences|conversions)\b[^.;()\[\]]{0,100}[(\[]\s*$", re.I)
# "...; or deaths (three in the A group vs none in the B group)": the event named right before the bracket
_EVENTS_NAMED_BEFORE_BRACKET = re.compile(r"\b(?P<noun>deaths|recurrences|failures|amputations|recrudescences|"
                                          r"conversions)\s*[(\[]\s*$", re.I)
# "23 recurrences in the X group and 7 in the Y group": the items after the first share its event
_ARM_COUNT_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|while\s+|whereas\s+)?|and\s+|(?:versus|vs\.?|compared\s+with)\s+)(?:only\s+)?$", re.I)


def arm_counts(s: Sentence) -> None:
    """ "there were 23 recurrences in the chloroquine group and 7 in the X group": events that happen once to a
    patient, counted over an arm whose size the document states (total = the arm's size)."""
    previous_end, noun = None, ""
    for c in s.parse("arm_count"):
        if c.noun:
            noun = c.noun
        elif c.events and (_EVENTS_BEFORE_BRACKET.search(s.seg, 0, c.start)
                           or _EVENTS_OPEN_THE_SENTENCE.search(s.seg, 0, c.start)
                           or _EVENTS_NAMED_BEFORE_BRACKET.search(s.seg, 0, c.start)):
            # "508 deaths (248 in the A group and 260 in the B group)", "Deaths from X were rare (three in the A
            # group and eight in the B group)": the event named before the bracket
            noun = (_EVENTS_BEFORE_BRACKET.search(s.seg, 0, c.start)
                    or _EVENTS_OPEN_THE_SENTENCE.search(s.seg, 0, c.start)
                    or _EVENTS_NAMED_BEFORE_BRACKET.search(s.seg, 0, c.start)).group("noun")
        elif not (noun and previous_end is not None and _ARM_COUNT_JOIN.match(s.seg[previous_end:c.start])):
            previous_end, noun = None, ""
            continue
        spelled = s.seg[c.start:c.start + 1].isalpha()       # "three in the A group": no digit to claim
        idx = [] if spelled else s.num_at(c.start, c.start + len(str(c.events)) + 12)[:1]
        named = [m for m in s.mentions if c.arm_start <= m.start and m.end <= c.arm_end]
        size = s.state.arm_sizes.get(named[0].canonical) if named else None
        if c.events is None or not (idx or spelled) or (idx and not s.free(idx[0])) or not size or c.events > size:
            previous_end = None
            continue
        previous_end = c.end
        s.claimed.update(idx)
        s.estimates.append(Estimate("PROPORTION", c.events / size, f"{c.events}/{size}", c.start, c.end,
                                    events=c.events, total=size, kind="arm-count", arm_hint=named[0].canonical))


def patients_in_arm(s: Sentence) -> None:
    """ "Two patients in the A group showed mild nausea", "one case of high fever reported in the A group",
    "Vomiting was recorded in one patient in group A": patients with an event counted in an arm whose size the
    document states, no share printed (total = the arm's size; the event as the sentence names it)."""
    for c in s.parse("patients_in_arm"):
        idx = s.num_at(c.start, c.start + 12)[:1]
        if c.events is None or (idx and not s.free(idx[0])) or s.describes_patients(c.noun):
            continue
        if any(e.start <= c.start < e.end for e in s.estimates):
            continue        # "2 of eight subjects in the A group": the total of a count read already (a word claims no token)
        named = [m for m in s.mentions if c.arm_start <= m.start and m.end <= c.arm_end]
        arm = named[0].canonical if named else s.arm_named(c.arm_start, c.arm_end)
        size = s.state.arm_sizes.get(arm) if arm else None
        if not size or c.events > size:
            continue
        s.claimed.update(idx)
        est = Estimate("PROPORTION", c.events / size, f"{c.events}/{size}", c.start, c.end, events=c.events,
                       total=size, kind="arm-patients", arm_hint=arm)
        est.outcome_hint = c.noun.lower()
        s.estimates.append(est)


# "In group 2, 5 patients had nausea and 1 patient vomited": the arm opens the sentence, then its patients counted
# each with what happened to them
_ARM_OPENS = re.compile(r"^\s*In\s+(?P<arm>(?:the\s+)?[^.;,()]{2,40}?)\s*,\s*", re.I)
_COUNTED_EVENT = re.compile(r"(?:\s*,?\s*(?:and\s+|while\s+)?)(?P<n>\d+|" + COUNT_WORD + r")\s+(?:patients?|participants?|"
                            r"subjects?)\s+(?P<what>(?:had|developed|experienced|required|needed|reported|vomited|"
                            r"complained\s+of)\b[^.;,()\d]{0,50}?)(?=\s*(?:[.;,]|\band\b|\(|$))", re.I)


def counts_after_the_arm(s: Sentence) -> None:
    """ "In group 2, 5 patients had nausea and 1 patient vomited": counts of an arm named first in the sentence, each
    with its event, over the arm's size (the whole clause about one arm; a count followed by anything else stops
    the reading)."""
    if not s.seg.lstrip()[:3].lower() == "in ":
        return
    opened = _ARM_OPENS.match(s.seg)
    arm = s.arm_named(opened.start("arm"), opened.end("arm")) if opened else ""
    size = s.state.arm_sizes.get(arm) if arm else None
    if not size:
        return
    pos, found = opened.end(), []
    while (m := _COUNTED_EVENT.match(s.seg, pos)) is not None:
        found.append(m)
        pos = m.end()
    if not found or s.seg[pos:].strip(" .;") and not re.match(r"\s*[.;(]", s.seg[pos:]):
        return      # a clause going on past the counts ("5 patients had nausea after 2 h"): not read
    for m in found:
        events = count_value(m.group("n").lower())
        idx = s.num_at(m.start("n"), m.end("n"))[:1]
        if events is None or events > size or (idx and not s.free(idx[0])):
            continue
        s.claimed.update(idx)
        est = Estimate("PROPORTION", events / size, f"{events}/{size}", m.start("n"), m.end(), events=events,
                       total=size, kind="arm-patients", arm_hint=arm)
        est.outcome_hint = m.group("what").strip().lower()
        s.estimates.append(est)


# "more deaths occurred in the A group compared with the B group (253 vs 241)": two arms' counts of a once-per-patient
# event in a bracket after the two arms, in the order they were named
_COUNTS_VS = re.compile(r"[(\[]\s*(?P<a>\d+)\s*(?:vs\.?|versus|v/s)\s*(?P<b>\d+)\s*(?P<people>" + COUNTED_PEOPLE + r"\s*)?[;,)\]]", re.I)
_ONCE_NOUN = re.compile(r"\b" + ONCE_PER_PATIENT + r"\b", re.I)


def counts_after_arms(s: Sentence) -> None:
    """ "a higher number of deaths occurred in the A group compared with the B group (253 vs 241)": a PROPORTION per
    arm over its size, the counts in the order the arms were named before the bracket (events that happen once to
    a patient only: deaths, recurrences, treatment failures)."""
    seg = s.seg
    for m in _COUNTS_VS.finditer(seg):
        # ("(9 vs. 16 women, P = 0.04)": the pair counts people, each once)
        if not (_ONCE_NOUN.search(seg, 0, m.start()) or m.group("people") and s.has_outcome()):
            continue
        idx = s.num_at(m.start("a"), m.end("a")) + s.num_at(m.start("b"), m.end("b"))
        arms = s.arms_named_before(m.start(), 2)
        if len(idx) != 2 or any(not s.free(i) for i in idx) or not arms or arms[0] == arms[1]:
            continue
        sizes = [s.state.arm_sizes.get(a) for a in arms]
        counts = [int(m.group("a")), int(m.group("b"))]
        if not all(sizes) or any(c > n for c, n in zip(counts, sizes)):
            continue
        s.claimed.update(idx)
        for arm, count, size, key in zip(arms, counts, sizes, ("a", "b")):
            s.estimates.append(Estimate("PROPORTION", count / size, f"{count}/{size}", m.start(key), m.end(key),
                                        events=count, total=size, kind="arm-count", arm_hint=arm))


# "lower in the A group compared with the B group, with 12 and 18 patients requiring rescue analgesia, respectively"
_COUNTS_RESPECTIVELY = re.compile(
    r"(?<![\w.,/-])(?P<list>\d+(?:\s*,\s*\d+)*\s*,?\s*and\s+\d+)\s+(?:patients|participants|subjects|children|women|men|cases)\s+"
    r"(?P<what>(?:requiring|required|needing|needed|having|had|developing|developed|experiencing|experienced|reporting|"
    r"reported|showing|showed|with)\b[^.;]{0,80}?)\s*,?\s*respectively\b", re.I)


def counts_respectively(s: Sentence) -> None:
    """ "..., with 12 and 18 patients requiring rescue analgesia, respectively": counts of patients with an event,
    one per arm named before them in the sentence, over the arms' sizes (a trait at entry is not an event)."""
    seg = s.seg
    if "respectively" not in seg:
        return
    for m in _COUNTS_RESPECTIVELY.finditer(seg):
        values = [(v.start(), v.end()) for v in re.finditer(r"\d+", m.group("list"))]
        idx = [s.num_at(m.start("list") + a, m.start("list") + b) for a, b in values]
        arms = s.arms_named_before(m.start(), len(values))
        if not arms or len(set(arms)) != len(values) or any(not ix or not all(s.free(i) for i in ix) for ix in idx) \
                or s.describes_patients(m.group("what")):
            continue
        sizes = [s.state.arm_sizes.get(a) for a in arms]
        counts = [int(m.group("list")[a:b]) for a, b in values]
        if not all(sizes) or any(c > n for c, n in zip(counts, sizes)):
            continue
        for ix, arm, count, size in zip(idx, arms, counts, sizes):
            s.claimed.update(ix)
            est = Estimate("PROPORTION", count / size, f"{count}/{size}", m.start(), m.end(), events=count, total=size,
                           kind="arm-patients", arm_hint=arm)
            est.outcome_hint = re.sub(r"\s+", " ", m.group("what")).strip().lower()
            s.estimates.append(est)


# "tried in 26 patients of the X group ... successful in 24 patients (92.3%)": the denominator printed first
_EARLIER_TOTAL = re.compile(r"\bin\s+(?P<t>\d+)\s+(?:patients|participants|subjects|cases|children)\b", re.I)


# "629 patients were enrolled, of whom 548 (87.1%) could be evaluated": the patients' flow, not an outcome
_FLOW = re.compile(r"\b(?:enrol\w*|randomi[sz]\w*|evaluat\w*|evaluable|analy[sz]\w*|included|excluded|withdr[ae]w\w*|"
                   r"lost\s+to|completed|discontinu\w*|assigned|allocated|screened|eligible)\b", re.I)


def earlier_denominator(s: Sentence) -> None:
    """A count with its percentage whose denominator the same sentence printed before it, as the patients something
    was tried in: the count is of those patients (the authors may truncate: 24 of 34 printed 70.5%)."""
    seg = s.seg
    totals = [(m.start("t"), m.end("t"), int(m.group("t"))) for m in _EARLIER_TOTAL.finditer(seg)]
    if not totals:
        return
    for c in s.parse("count_percent"):
        xi = [i for i in s.num_at(c.percent_start, c.percent_end) if s.nums[i].percent]
        ni = s.num_at(c.count_start, c.count_end)
        if c.events is None or c.of_total is not None or not xi or any(not s.free(i) for i in xi + ni):
            continue
        x = s.nums[xi[0]]
        before = [t for t in totals if t[1] <= c.start and t[2] > c.events
                  and abs(100 * c.events / t[2] - x.value) <= 0.1 + 0.5 * 10 ** -_decimals(x.text)]
        if not before or s.vetoed(s.local_after(c.end), c.start) or _SCREENING.search(seg) or _FLOW.search(seg):
            continue
        start, end, total = before[-1]
        if re.search(r"[.;]", seg[end:c.start]) or not re.search(r"\b(?:and|but|while|which)\b", seg[end:c.start]) \
                or not re.search(r"\bin\s+$", seg[max(0, c.start - 4):c.start]) or s.names_arm_directly(c.end):
            continue        # "tried in 26 ... and it was successful in 24 (92.3%)": one chain of clauses, each "in N"
        arm = next((m.canonical for m in s.mentions if end <= m.start <= end + 40), "")
        s.claimed.update(xi + ni + s.num_at(start, end))
        s.estimates.append(Estimate("PROPORTION", x.value / 100, x.text + "%", c.start, c.end, events=c.events,
                                    total=total, kind="earlier-total", arm_hint=arm))


def _decimals(text: str) -> int:
    return len(text.rstrip("%").split(".")[1]) if "." in text else 0


_PEOPLE_NOUN = re.compile(r"\S+\s+(?:women|men|mothers|girls|boys)\b", re.I)
# "3 (7.5%) patients in the A group experienced a short episode of X": the sentence says the counted patients had an
# event, whether or not the outcome lexicon knows it
# ("10 patients (17%) developed a rash": the verb of an event right after the count's bracket, the arm named elsewhere)
_ARM_THEN_EVENT = re.compile(r"\s*(?:(?:patients|participants|subjects|children|infants)\s+in\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+"
                             r"(?:group|arm)\s+)?(?:experienced?|developed?|had|showed|suffered|required|needed|presented\s+with)\b",
                             re.I)


_TOTAL_BEFORE = re.compile(r"(?:/|(?<![\w.])(?:\d+|" + COUNT_WORD + r")\s+(?:out\s+)?of(?:\s+the)?)\s*$", re.I)


def count_percent(s: Sentence) -> None:
    """ "12 (22.2%)", "Seven patients (35%)", "8 patients [9.3%]", "Nine (15%) of 61 participants"."""
    seg = s.seg
    previous_end = None     # where the last count read ends: the count set right against it is read alike
    for c in s.parse("count_percent"):
        xi = [i for i in s.num_at(c.percent_start, c.percent_end) if s.nums[i].percent]
        ni = s.num_at(c.count_start, c.count_end)
        if not xi or any(not s.free(i) for i in xi + ni):
            continue
        n_val = c.events
        if n_val is None:
            continue
        if _TOTAL_BEFORE.search(seg[max(0, c.start - 24):c.start]):
            continue        # "5 of 12 (41.7%)": the total of a count read before, not a count ("A total of 711 (17.0%)" is one)
        people_with_outcome = s.counts_people_with_outcome(seg[c.count_start:c.percent_start])
        if _PEOPLE_NOUN.match(seg, c.count_start) and not people_with_outcome:
            continue        # "32 women (45%)" at entry: left unclaimed for the rules on characteristics
        local = s.local_after(c.end)
        s.claimed.update(xi + ni)
        # "Two children (7%)": the noun of the count itself is no baseline trait
        between = re.sub(r"^\S+\s+(?:children|adults)\b", "", seg[c.count_start:c.percent_start])
        # (people counted for an outcome: the sentence was found free of baseline words once they are set aside;
        # the count set right against one read, "7 (17.1%) A and 16 (41.0%) B women", is read alike)
        paired = previous_end is not None and _PAIRED_COUNT_GAP.fullmatch(seg, previous_end, c.start) is not None
        if not paired and (not people_with_outcome and (s.vetoed(local, c.start) or s.describes_patients(between))
                           or not (s.has_outcome() or s.compares_counts() or _ARM_THEN_EVENT.match(seg, c.end))) \
                or _SCREENING.search(seg):
            previous_end = None
            continue
        previous_end = c.end
        if _SHARE_OF_THE_EVENTS.search(seg, 0, c.start) and _IN_AN_ARM_AFTER.match(seg, c.end):
            continue        # "Of the 9 patients who failed, 8 (88.9%) were in the X group": a share of the 9, not of the arm
        if s.names_arm_directly(c.end) and c.of_total is None and not s.outcome_first(c.start):
            continue        # "40 (40%) received rituximab and 30 (30%) azathioprine": who got what
                            # ("65 (77%) of 84 efgartigimod-treated patients" names the arm's total;
                            # "Adverse events occurred in ... 27 (47%) on placebo" named the outcome first)
        x = s.nums[xi[0]]
        fits: tuple = ()
        if c.of_total is not None:
            total = c.of_total
            s.claim_span(c.of_start, c.of_end)
            if total < n_val:
                continue
        else:
            fits = s.totals_fitting(n_val, x)
            total = fits[0] if len(fits) == 1 else None
        # a count read only because the sentence sets it against another arm's (no outcome the lexicon knows)
        kind = "n-percent" if s.knows_outcome() else "n-percent-compared"
        s.estimates.append(Estimate("PROPORTION", x.value / 100, x.text + "%", c.start, c.end, events=n_val, total=total,
                                    kind=kind, total_fits=fits))


_N_PERCENT_HEADER = start_guarded(re.compile(r"\bn\s*\(\s*%\s*\)|\bn\s*\[\s*%\s*\]"))


def table_count_percent(s: Sentence) -> None:
    """A table row headed "n (%)" prints "8 (20.0)" without the % sign."""
    if not _N_PERCENT_HEADER.search(s.seg) or not s.has_outcome():
        return
    for c in s.parse("table_count_percent"):
        ni, xi = s.num_at(c.count_start, c.count_end), s.num_at(c.percent_start, c.percent_end)
        if not ni or not xi or any(not s.free(i) for i in ni + xi):
            continue
        n_val, x = c.events, s.nums[xi[0]]
        s.claimed.update(ni + xi)
        if x.value > 100 or (n_val > 0 and x.value == 0):
            continue
        as_percent = Num(x.start, x.end, x.full_end, x.value, x.text, True, False, x.decimal)
        fits = s.totals_fitting(n_val, as_percent)
        s.estimates.append(Estimate("PROPORTION", x.value / 100, x.text + "%", c.start, c.end, events=n_val,
                                    total=fits[0] if len(fits) == 1 else None, kind="table-n-percent", total_fits=fits))


def percent_n_equals(s: Sentence) -> None:
    """ "35.2% (n = 19)", "(n = 19, 35.2%)"."""
    for c in s.parse("percent_n_equals"):
        xi = [i for i in s.num_at(c.percent_start, c.percent_end) if s.nums[i].percent]
        ni = s.num_at(c.count_start, c.count_end)
        if not xi or any(not s.free(i) for i in xi + ni):
            continue
        s.claimed.update(xi + ni)
        x = s.nums[xi[0]]
        if not s.has_outcome() or s.describes_patients(s.local_after(c.end)) or x.value <= 0 or _NOT_A_SHARE.search(s.seg):
            continue
        fits = s.totals_fitting(c.events, x)
        s.estimates.append(Estimate("PROPORTION", x.value / 100, x.text + "%", c.start, c.end, events=c.events,
                                    total=fits[0] if len(fits) == 1 else None, kind="n-percent", total_fits=fits))


def of_the_n(s: Sentence) -> None:
    """ "Of the 117 patients who entered the extension, 56% achieved ...": the group is named first."""
    lead = s.parse.match_at("of_the_n", 0)
    if lead is None:
        return
    xi = [i for i in s.num_at(lead.percent_start, lead.percent_end) if s.nums[i].percent]
    ni = s.num_at(lead.count_start, lead.count_end)
    if xi and ni and all(s.free(i) for i in xi + ni) and s.has_outcome() \
            and not s.describes_patients(s.local_after(lead.percent_end + 1)):
        total, x = lead.of_total, s.nums[xi[0]]
        s.claimed.update(xi + ni)
        s.estimates.append(Estimate("PROPORTION", x.value / 100, x.text + "%", x.start, x.full_end,
                                    events=round(total * x.value / 100), total=total, kind="of-the-n"))


_NOT_A_GROUP = {"with", "who", "in", "on", "from", "treated", "receiving", "had", "were", "was", "that", "and"}
# "X was experienced by 51.7% of women receiving A", "X occurred in 12% of ...": the sentence says an event happened,
# whether or not the outcome lexicon knows its name
_EVENT_SAID = re.compile(r"\b(?:was|were)\s+(?:experienced|reported|observed|recorded|seen)\s+(?:by|in)\s+(?:only\s+)?\d", re.I)
# the words after "x% of the patients" that lead to the arm they belong to
_TO_AN_ARM = {"who", "in", "receiving", "treated", "on", "given"}


_SHARE_LISTED_BEFORE = re.compile(r"\d\s*%\s*,?\s*(?:,|and|or|vs\.?|versus)\s*$", re.I)


def percent_of(s: Sentence) -> None:
    """ "26.7% of 116 patients", "80% of the patients showed ..."."""
    for c in s.parse("percent_of"):
        xi = [i for i in s.num_at(c.percent_start, c.percent_end) if s.nums[i].percent]
        if not xi or not s.free(xi[0]):
            continue
        # "2.9% of the patients who received X and 3.9% of those who received Y": the arm's size is the total
        # (not among a subgroup: "Among 55 seropositive patients, relapse occurred in 11% of the patients in the X
        # group" is a share of the subgroup's part of the arm)
        arm = s.arm_named(c.start, c.end - len(c.next_word) - 1) if c.total is None and c.next_word in _TO_AN_ARM \
            and not _SUBGROUP_CLAUSE.search(s.seg) else ""
        arm_size = s.state.arm_sizes.get(arm) if arm else None
        if arm and c.total is None and _SHARE_LISTED_BEFORE.search(s.seg, 0, c.percent_start):
            continue        # "30% and 12% of patients in the A and B groups": the list's last share, its arms listed after
        if c.total is None and not arm_size and (not c.next_word or c.next_word in _NOT_A_GROUP):
            continue
        if not (s.has_outcome() or _EVENT_SAID.search(s.seg, 0, c.percent_end)) and c.total is None:
            continue
        x = s.nums[xi[0]]
        if c.total:
            s.register_size_before(c.start, c.total)
            s.claim_span(c.total_start, c.total_end)
        events = round(c.total * x.value / 100) if c.total else None
        s.claimed.add(xi[0])
        # "who received X": the words name the arm; what follows the arm's name says whether it is a trait
        after = next((g.end for g in s.groups if arm_size and g.name == arm and g.start >= c.end - len(c.next_word) - 1),
                     c.end)
        if not (s.has_outcome() or (arm_size and _EVENT_SAID.search(s.seg, 0, c.percent_end))) \
                or s.describes_patients(s.local_after(after)):
            continue
        total = c.total or arm_size
        if arm_size and not c.total:
            events = round(arm_size * x.value / 100)
        est = Estimate("PROPORTION", x.value / 100, x.text + "%", c.start, c.end, events=events, total=total,
                       kind="percent-of", arm_hint=arm if arm_size else "")
        s.estimates.append(est)


def below_one_percent(s: Sentence) -> None:
    """ "one (<1%) in the X group": the count is printed, its share only bounded; the arm's size gives it
    (value and total are set once the arm is known, in core; without it the row is dropped)."""
    for c in s.parse("below_one_percent"):
        n_val = c.events
        if not n_val or not s.mentions or not s.has_outcome() or s.vetoed(s.local_after(c.end), c.start):
            continue
        s.claim_span(c.start, c.end)
        s.estimates.append(Estimate("PROPORTION", 0.0, "<1%", c.start, c.end, events=n_val, total=None,
                                    kind="below-one-percent"))


# a time right after a list of values (or after its arms): "at 3 months", "at the 12 months", "after one year"
_TIME_NEXT = re.compile(r"\s*,?\s*(?:at|after|by)\s+(?:the\s+)?(?:\d+|one|two|three|four|six|twelve)[\s-]*"
                        r"(?:days?|weeks?|months?|years?)\b", re.I)
# the end of an arm list right after values: "in the A and B group(s)"
_ARM_LIST_END = re.compile(r"\s*(?:in|for)\s+(?:the\s+)?[^.;,()]{1,80}?\s+(?:groups?|arms?)\b|", re.I)
# what lies between two lists of one sentence's run of timed lists: the arms and time of the first, then a joint
_JOINS_TIMED_LISTS = re.compile(r"(?:\s*(?:in|for)\s+(?:the\s+)?[^.;,()]{1,80}?\s+(?:groups?|arms?))?\s*,?\s*(?:at|after|by)\s+"
                                r"(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)


def _time_after(seg: str, pos: int) -> str:
    """The time printed right after `pos` (past the arms a list names): each list of a timed run is its time's."""
    return next((label for start, _, label in timepoint_spans(seg) if pos <= start <= pos + 90), "")


def arm_list(s: Sentence) -> None:
    """ "response rates of 41.2%, 55.0% and 63.8% in the A, B and C groups", "25% and 30% ..., respectively":
    a list of percentages whose order follows the arms named after it (one name per value)."""
    lists = s.parse("percent_list")
    if not lists or _NOT_A_SHARE.search(s.seg) or not s.has_outcome():
        return       # the outcome look-up last: it is the costliest
    timed_arms = None        # (arms, end of the list) of a list whose arms, then its time, follow it
    for lst in lists:
        idx = [s.num_at(a, b) for a, b in lst.items]
        if any(not ix or not all(s.free(i) for i in ix) for ix in idx):
            continue
        after = s.seg[lst.end:lst.end + 140]
        respectively = re.match(r"[^.;]{0,60}\brespectively\b", after)
        names = s.arms_listed_after(lst.end, len(lst.items))
        if names is not None and len(names) >= 2 and _TIME_NEXT.match(s.seg, _ARM_LIST_END.match(s.seg, lst.end).end()):
            timed_arms = (names, lst.end)
        elif names is None and timed_arms and len(timed_arms[0]) == len(lst.items) and _TIME_NEXT.match(s.seg, lst.end) \
                and _JOINS_TIMED_LISTS.fullmatch(s.seg, timed_arms[1], lst.start) is not None:
            # "0% and 5.9% in the A and B group at one month, 0% and 23.6% at 3 months, 3.2% and 29.5% at 6 months":
            # each later pair, followed by its own time and naming no arm, is the same arms' in the same order
            names = timed_arms[0]
        timed = names is not None and timed_arms is not None and names is timed_arms[0]
        if timed:
            timed_arms = (names, lst.end)
        if names is None and respectively:
            names = s.arms_named_before(lst.start, len(lst.items))
        if names is None:
            continue
        if re.search(r"\b(?:reduc|declin|decreas|lower)\w*\s+(?:\w+\s+){0,6}$", s.seg[max(0, lst.start - 60):lst.start], re.I):
            continue      # "reduced ... by 30% and 40%": relative changes, not shares
        if _SUBGROUP_CLAUSE.search(s.seg[max(0, s.seg.rfind(";", 0, lst.start) + 1):lst.start]):
            continue      # "among 28 seronegative patients, ... 36% and 43%, respectively": not the arms' sizes
        for ix, arm in zip(idx, names):
            n = s.nums[ix[0]]
            size = s.state.arm_sizes.get(arm)
            s.add(Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.full_end,
                           events=round(size * n.value / 100) if size else None, total=size, kind="arm-list",
                           arm_hint=arm, timepoint=_time_after(s.seg, lst.end) if timed else ""), ix[0])


# between two lists of one run "9.7% and 90.3%, 8.8% and 91.2%": a comma or semicolon
_LIST_RUN_JOINT = re.compile(r"\s*[,;]\s*(?:and\s+)?")
_RESPECTIVELY_NEXT = re.compile(r"\s*,?\s*respectively\b", re.I)


def category_lists_of_each_arm(s: Sentence) -> None:
    """ "The share of negative and positive tests was 9.7% and 90.3%, 8.8% and 91.2% respectively in the A and B
    group": a run of lists, one per arm named after "respectively", each list an arm's shares of the same
    categories. Read only when each list sums to 100% (the categories part one arm's people), which tells this
    reading from pairs of arms per quantity."""
    if "respectively" not in s.seg or "%" not in s.seg:
        return
    lists = sorted(s.parse("percent_list") or [], key=lambda lst: lst.start)
    runs, run = [], []
    for lst in lists:
        if run and _LIST_RUN_JOINT.fullmatch(s.seg, run[-1].end, lst.start) and len(lst.items) == len(run[-1].items):
            run.append(lst)
        else:
            run = [lst]
            runs.append(run)
    for run in runs:
        closing = _RESPECTIVELY_NEXT.match(s.seg, run[-1].end)
        if len(run) < 2 or closing is None:
            continue
        names = s.arms_listed_after(closing.end(), len(run))
        if names is None:
            continue
        idx = [[s.num_at(a, b) for a, b in lst.items] for lst in run]
        if any(not ix or not all(s.free(i) for i in ix) for row in idx for ix in row):
            continue
        values = [[s.nums[ix[0]].value for ix in row] for row in idx]
        if any(abs(sum(row) - 100) > 0.1 * len(row) for row in values):
            continue
        for row, arm in zip(idx, names):
            size = s.state.arm_sizes.get(arm)
            for ix in row:
                n = s.nums[ix[0]]
                s.add(Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.full_end,
                               events=round(size * n.value / 100) if size else None, total=size,
                               kind="category-lists", arm_hint=arm), ix[0])


# "96.7, 36.7, 10, 6.7, and 15%, respectively", "50% and 26.7%, respectively": values listed against items, the
# percent sign printed at least on the last; "18.3 and 13.3, respectively": the same without any sign
_RESPECTIVE_LIST = re.compile(
    r"(?<![\w.])(?P<list>" + UNSIGNED + r"\s*%?(?:\s*,\s*" + UNSIGNED + r"\s*%?)*\s*,?\s*and\s+" + UNSIGNED
    + r"(?P<pct>\s*%)?)\s*,?\s*(?:respectively\b)")
_LIST_VALUE = re.compile(r"(?<![\w.])" + UNSIGNED)
# (", and the prevalence in the B group was ..." opens a clause; ", and respiratory distress" in a list of items does not)
_CLAUSE_START = re.compile(r"[;:]\s|,\s+(?:and|while|whereas|but)\s+(?=(?:the|in|for|among|this|these|those|a|an)\b)|\.\s")
# "the incidence of symptoms such as cough, fever and tachypnea at admittance was reported as 96.7, 36.7 and 10%":
# the items the values are listed against
_ITEMS_BEFORE = re.compile(r"\b(?:such\s+as|including|namely|(?<!such\sas\s)(?<!including\s)of)\s+(?P<items>[^;:()]+?)\s+(?:(?:at|on|during|after|before)\s+(?:the\s+)?[\w-]+"
                           r"(?:\s+\d+)?\s+|in\s+the\s+[\w-]+\s+(?:group|arm)\s+)?(?:was|were)\b", re.I)
# a share of patients without its percent sign is read only where the clause says it is a share
_RATE_WORD = re.compile(r"\b(?:rates?|prevalence|incidence|frequency|proportions?|percentages?|history)\b", re.I)


def _fits_size(value: float, size: int, decimals: int) -> bool:
    """A value printed without a percent sign is a share of an arm of `size` when it rounds from a whole count."""
    events = size * value / 100
    return 0 <= value <= 100 and abs(events - round(events)) <= size * 0.5 * 10 ** -decimals / 100 + 1e-9


def respective_lists(s: Sentence) -> None:
    """ "In the A group, the incidence of cough, fever and tachypnea was 96.7, 36.7 and 10%, respectively": the
    percentages of one arm's items, in a clause naming that arm only (events from the arm's size, flagged); "X in
    the A and B groups was 18.3 and 13.3, respectively": bare shares of the arms named before the list, read only
    when the clause says they are rates and each value is a whole count of its arm."""
    seg = s.seg
    if "respectively" not in seg:
        return
    for m in _RESPECTIVE_LIST.finditer(seg):
        values = [(v.start(), v.end()) for v in _LIST_VALUE.finditer(seg, m.start("list"), m.end("list"))]
        idx = [s.num_at(a, b) for a, b in values]
        if len(values) < 2 or any(not ix or not all(s.free(i) for i in ix) for ix in idx):
            continue
        clause_start = max([c.end() for c in _CLAUSE_START.finditer(seg, 0, m.start())] or [0])
        clause = seg[clause_start:m.start()]
        arms = list(dict.fromkeys(g.name for g in s.groups if clause_start <= g.start and g.end <= m.start()))
        nums = [s.nums[ix[0]] for ix in idx]
        if any(n.signed or n.value > 100 for n in nums) or _NOT_A_SHARE.search(clause) or _CHANGED_BY.search(clause):
            continue
        if len(arms) == 1 and s.state.arm_sizes.get(arms[0]) and m.group("pct"):
            size = s.state.arm_sizes[arms[0]]
            # the innermost introducer: "the incidence of symptoms such as A, B and C"
            items = min(_ITEMS_BEFORE.finditer(clause), key=lambda i: -i.start(), default=None)
            starts = [i.start() for i in re.finditer(r"\b(?:such\s+as|including|namely)\s", clause)]
            if starts:
                items = _ITEMS_BEFORE.match(clause, starts[-1])
            names = [p.strip() for p in _LIST_SPLIT.split(items.group("items"))] if items else []
            names = names if len(names) == len(nums) else [""] * len(nums)
            for ix, n, name in zip(idx, nums, names):
                est = Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.end, events=round(size * n.value / 100),
                               total=size, kind="one-arm-list", arm_hint=arms[0])
                est.outcome_hint = name.lower()
                s.add(est, ix[0])
        elif len(arms) == len(nums) and not m.group("pct") and not any("%" in seg[n.end:n.end + 2] for n in nums) \
                and _RATE_WORD.search(clause) and all(s.state.arm_sizes.get(a) for a in arms):
            decimals = [len(n.text.split(".")[1]) if "." in n.text else 0 for n in nums]
            if not all(_fits_size(n.value, s.state.arm_sizes[a], d) for n, a, d in zip(nums, arms, decimals)):
                continue
            for ix, n, arm in zip(idx, nums, arms):
                size = s.state.arm_sizes[arm]
                s.add(Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.end, events=round(size * n.value / 100),
                               total=size, kind="arm-list", arm_hint=arm), ix[0])


_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)


def labelled_list(s: Sentence) -> None:
    """ "(TRIAL-1: 38%; TRIAL-2: 41%)": one value per study or cohort, each labelled in place. The value is a
    relative reduction when the words before the list say so, else a proportion; the label is its subgroup."""
    for lst in s.parse("labelled_list"):
        idx = [s.num_at(a, b) for a, b in lst.items]
        if any(not ix or not all(s.free(i) for i in ix) for ix in idx):
            continue
        labels = [s.seg[a:b] for a, b in lst.labels]
        if any(lab.upper() in ("CI", "P", "N", "HR", "OR", "RR") for lab in labels):
            continue
        before = s.seg[max(0, lst.start - 80):lst.start]
        reduction = re.search(r"\b(?:reduc\w*|declin\w*|decreas\w*|lower\w*|fewer)\b", before, re.I)
        if not reduction and not s.has_outcome():
            continue
        for ix, label in zip(idx, labels):
            n = s.nums[ix[0]]
            measure = "RRR" if reduction else "PROPORTION"
            est = Estimate(measure, n.value / 100, n.text + "%", n.start, n.full_end, kind="labelled-list",
                           percent=True)
            est.subgroup = label
            s.add(est, ix[0])


def arm_percentages(s: Sentence) -> None:
    """A bare percentage for an arm whose size the document states ("RTX (n=55) ... RTX (32.7%)"), and
    "headache (29% vs 28%)" for the two arms of the comparison in force."""
    seg = s.seg
    if not any(n.percent and s.free(i) for i, n in enumerate(s.nums)):
        return
    # Kaplan-Meier and model estimates are not counts over the arm; another study's percentages (a citation in
    # the sentence) and approximate restatements are not this document's arms' counts
    # an outcome the lexicon knows, or one the sentence says happened ("Transient shivering was experienced by 51.7%
    # of women receiving A compared with 6.2% in the B group")
    event_said = _EVENT_SAID.search(seg)
    if not (s.has_outcome() or event_said) or _names_no_share(seg) or _CITED.search(seg) \
            or _APPROXIMATE_PERCENT.search(seg):
        return
    # "headache (29% vs 28%)": shares set against each other are read first by rules/aligned.py, which orders their
    # arms by the pair's own clause; the pairs it leaves take the arms of the comparison in force
    aligned_shares(s)
    pair_arms = _pair_arms(s)
    for i, n in enumerate(s.nums):
        if not s.free(i) or not n.percent or n.signed or s.threshold_before(n):
            continue
        if _of_another_population(seg, n.start):
            continue
        if percent_of_a_mean(seg, n.start):
            continue        # "a larger improvement (58.4% versus 41.3%)": the arms' means in percent (rules/aligned.py)
        if i in pair_arms:
            if of_other_groups(seg, n.start):
                continue        # a subgroup's or another analysis's pair: not the arms of the comparison in force
            arm = pair_arms[i]
            size = s.state.arm_sizes[arm]
            s.add(Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.full_end,
                           events=round(size * n.value / 100), total=size, kind="arm-percent", arm_hint=arm), i)
            continue
        after = seg[n.full_end:n.full_end + 60]
        if re.match(r"^\s*(?:of|reduction|decrease|lower|higher|increase|CI|confidence)\b", after, re.I) and not _OF_ARM.match(after) \
                and not (_IN_ARM_BEFORE.search(seg, max(0, n.start - 60), n.start) and _OF_PEOPLE.match(after)):
            continue
        if s.ci_after(n.full_end) is not None or _NOT_A_COUNT_BEFORE.search(seg[max(0, n.start - 16):n.start]):
            continue        # "(8.9%, 95% CI 6.0-13.1%)" is an estimate, "approximately 9%" a restatement, "Δ = 5%" a margin
        if any(abs(n.value / 100 - f) <= 0.0006 for f in s.count_fractions):
            s.claimed.add(i)
            continue        # restates a count given in the same sentence
        arm = s.arm_for(n.start, n.full_end) or _arm_before_bracket(s, n.start)
        if not arm or arm not in s.state.arm_sizes:
            continue
        # "among 28 seronegative patients, ... 36%": a subgroup, whose size is not the arm's
        clause = seg[max(0, seg.rfind(";", 0, n.start) + 1):n.start]
        if _SUBGROUP_CLAUSE.search(clause) or _CHANGED_BY.search(clause):
            continue      # a subgroup's share, or "UPCR fell by 69% with X and 70% with placebo": a change
        size = s.state.arm_sizes[arm]
        s.add(Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.full_end,
                       events=round(size * n.value / 100), total=size, kind="arm-percent", arm_hint=arm), i)


def _arm_before_bracket(s: Sentence, pos: int) -> str:
    """ "higher with X (3.4% [98 patients] and 4.2% [122 patients], respectively) than with Y (...)": every share of a
    bracket that opens right after an arm's name is that arm's (a bracket comparing arms is read as a pair before)."""
    seg = s.seg
    depth, at = 0, pos - 1
    while at >= 0:
        if seg[at] == ")":
            depth += 1
        elif seg[at] == "(":
            if depth == 0:
                break
            depth -= 1
        at -= 1
    if at < 0 or re.search(r"\b(?:vs\.?|versus)\b", seg[at:pos], re.I):
        return ""
    named = [g for g in s.groups if g.end <= at and not seg[g.end:at].strip()]
    return named[-1].name if named else ""


# "The A group slept longer (...)", "Patients in the A arm had less pain (...)": the sentence opens with one arm
_ARM_SUBJECT_BEFORE = re.compile(r"^\s*(?:the\s+)?(?:(?:patients|participants|women|men)\s+(?:in|of)\s+the\s+)?$", re.I)
_GROUP_AFTER = re.compile(r"\s*(?:group|arm)\b", re.I)


def _subject_arm_and_the_other(s: Sentence) -> tuple[str, str] | None:
    """ "The A group felt less pain (significant discomfort 26% vs 58%)": in a document of two arms, a sentence whose
    subject is one of them, naming no other, sets that arm against the other."""
    arms = s.state.two_arms()
    named = {m.canonical for m in s.mentions}
    if len(arms) != 2 or len(named) != 1 or not s.mentions:
        return None
    first = s.mentions[0]
    if first.canonical not in arms or not _ARM_SUBJECT_BEFORE.match(s.seg[:first.start]) \
            or not _GROUP_AFTER.match(s.seg, first.end):
        return None
    return (first.canonical, next(a for a in arms if a != first.canonical))


def _pair_arms(s: Sentence) -> dict[int, str]:
    """ "headache (29% vs 28%)" in a sentence naming no arm: the two arms of the document's last comparison,
    in its order, when the document states both arms' sizes."""
    pair = s.comparison_order() or _subject_arm_and_the_other(s)
    if not pair or not all(a in s.state.arm_sizes for a in pair):
        return {}
    out = {}
    for pp in s.parse("percent_pair"):
        xi = [i for i in s.num_at(*pp.first) if s.nums[i].percent]
        yi = [i for i in s.num_at(*pp.second) if s.nums[i].percent]
        if xi and yi:
            out[xi[0]], out[yi[0]] = pair
    if out and s.mentions and pair[0] != pair[1]:
        # the sentence ordered its pair by naming the arms: later pairs naming none follow that order
        s.state.last_share_pair = tuple(pair)
    return out


# "injection site erythema (1.0% placebo-etanercept; 11.3% etanercept-etanercept), headache (10.6%; 7.5%)": a bracket
# naming two arms after their percentages, then brackets of the same list in the same arm order
_NAMED_PAIR = re.compile(r"[(\[]\s*(?P<x>" + UNSIGNED + r")\s*%\s*(?P<a>[^;()\[\]\d]{2,40}?)\s*;\s*(?P<y>" + UNSIGNED
                         + r")\s*%\s*(?P<b>[^;()\[\]\d]{2,40}?)\s*[)\]]")
# "(tiotropium 9.5%; placebo 17.9%; p = 0.0147)", "(A: 12%, B: 20%)": each arm named before its percentage
_LABEL_FIRST_PAIR = re.compile(r"[(\[]\s*(?P<a>[A-Za-z][^;:,()\[\]\d]{1,40}?)\s*:?\s*(?P<x>" + UNSIGNED + r")\s*%\s*[;,]\s*"
                               r"(?P<b>[A-Za-z][^;:,()\[\]\d]{1,40}?)\s*:?\s*(?P<y>" + UNSIGNED + r")\s*%\s*"
                               r"(?:[;,][^()\[\]]{0,40})?[)\]]")
# "the incidence rates of X were: A, 9.1% and B, 17.0%.": after a colon, each arm named with a comma before its
# percentage, the list closing the clause
_LABEL_COMMA_PAIR = re.compile(r":\s*(?P<a>[A-Za-z][^;:,()\[\]\d]{1,40}?)\s*,\s*(?P<x>" + UNSIGNED + r")\s*%\s*(?:,\s*|;\s*)?"
                               r"(?:and\s+)?(?P<b>[A-Za-z][^;:,()\[\]\d]{1,40}?)\s*,\s*(?P<y>" + UNSIGNED + r")\s*%\s*(?=[.;]|$)")
_PAIR_IN_BRACKET = re.compile(r"[(\[]\s*(?P<x>" + UNSIGNED + r")\s*%\s*;\s*(?P<y>" + UNSIGNED + r")\s*%\s*[)\]]")
_EVENTS_WORDS = prefiltered(re.compile(r"\b(?:AEs?|adverse|events?|reported|occurred|included|incidence|(?:percentage|proportion)\s+of\s+"
                           r"(?:patients|participants|subjects))\b", re.I))


def bracket_pairs(s: Sentence) -> None:
    """Two arms' percentages in one bracket, the arms named after (or before) the first bracket's values and kept in
    that order by the list's later brackets; the arms' sizes give the counts."""
    seg = s.seg
    if "%" not in seg or ";" not in seg and ":" not in seg or not (_EVENTS_WORDS.search(seg) or s.has_outcome()):
        return
    order: tuple[str, str] | None = None
    found = list(_NAMED_PAIR.finditer(seg)) + list(_PAIR_IN_BRACKET.finditer(seg)) + list(_LABEL_FIRST_PAIR.finditer(seg)) \
        + list(_LABEL_COMMA_PAIR.finditer(seg))
    for m in sorted(found, key=lambda x: x.start()):
        if "a" in m.groupdict() and m.group("a") is not None:
            arms = []
            for g in ("a", "b"):
                named = [x for x in s.mentions if m.start(g) <= x.start and x.end <= m.end(g)]
                arms.append(named[0].canonical if named else "")
            order = (arms[0], arms[1]) if all(a in s.state.arm_sizes for a in arms) and arms[0] != arms[1] else None
        if order is None:
            continue
        for key, arm in zip(("x", "y"), order):
            idx = s.num_at(m.start(key), m.end(key) + 1)
            if not idx or not s.free(idx[0]):
                continue
            x = s.nums[idx[0]]
            size = s.state.arm_sizes[arm]
            s.claimed.add(idx[0])
            s.estimates.append(Estimate("PROPORTION", x.value / 100, x.text, x.start, x.full_end,
                                        events=round(size * x.value / 100), total=size, kind="bracket-pair",
                                        arm_hint=arm))


# "91.6% in both groups", "(...) in each of the two arms": one figure printed for the document's two arms
_BOTH_ARMS_AFTER = re.compile(r"\s*\)?\s*,?\s*(?:in|for|of|among)\s+(?:both|each\s+of\s+the\s+two|either|the\s+two)\s+"
                              r"(?:treatment\s+|study\s+)?(?:groups?|arms?)\b", re.I)
# "The closure rate was in group A and B: 91.6%", "in the X and Y groups: 80%": the arms listed before a colon
_ARMS_BEFORE_COLON = re.compile(r"\b(?:in|for|of)\s+(?:the\s+)?(?P<names>[^.;:()\d]{3,80}?)\s*:\s*$", re.I)
# "the closure rate was", "the proportion of responders was": the sentence says its percentages are shares, whether
# or not the outcome lexicon knows the outcome's name
_SHARE_SAID = re.compile(r"\b(?:rates?|proportions?|percentages?|incidences?)\s+(?:of\s+[\w\s-]{1,40}?\s+)?(?:was|were|is|are)\b",
                         re.I)
# "the day 28 cure rate", "the 6-month recurrence rate": a rate at a time of follow-up is a cumulative estimate
# (Kaplan-Meier as often as not), not a count over the arm
_RATE_AT_A_TIME = re.compile(r"\b(?:(?:day|week|month|year)[- ]\d+|\d+[- ](?:day|week|month|year))\s+(?:[\w-]+\s+){0,2}rates?\b",
                             re.I)
# ("(95% CI ...) of the patients in the A group": the people of the arm between)
_TO_THE_ARM = re.compile(r"\s*\)?\s*,?\s*(?:of\s+(?:the\s+)?" + COUNTED_PEOPLE + r"\s+)?(?:in|with|among|for|on)\s+(?:the\s+)?", re.I)
# an interval printed after a share whose limits a relative measure would need: the clause names a measure or a change
_NOT_AN_ARM_SHARE = prefiltered(re.compile(r"\b(?:reduction|reduced|difference|differences|ratio|ratios|relative|efficacy|"
                               r"increase|increased|decrease|decreased|change|changed|improvement)\b", re.I))


# a value listed with others before it ("3% and 5% for A and B"): one of a list, not one share of every arm after it
_LISTED_BEFORE = re.compile(r"\d\s*%?\s*(?:,|;|\band\b|\bor\b|\bvs\.?|\bversus\b|/)\s*$", re.I)


def _one_share_of_listed_arms(s: Sentence, i: int) -> list[str]:
    """ "Rates of X were 0% for A and B; 1% for C": one percentage printed once for the arms listed right after it
    (no "respectively", no other value listed with it), each arm's share; [] otherwise."""
    seg, n = s.seg, s.nums[i]
    if _LISTED_BEFORE.search(seg, max(0, n.start - 12), n.start):
        return []
    for count in (2, 3):
        arms = s.arms_listed_after(n.full_end, count)
        if arms and all(a in s.state.arm_sizes for a in arms):
            end = max(g.end for g in s.groups if g.name in arms)
            if not re.match(r"[^.;]{0,20}?\brespectively\b", seg[end:], re.I) \
                    and not any(m.start >= n.full_end and m.start < end for m in s.nums):
                return arms
    return []


# "achieved by 13.7% (95% CI ...) of the patients": the people who did something, not an amount changed by
_SAID_BY = re.compile(r"\b(?:achieved|reported|experienced|observed|seen|attained|reached|noted|required|needed|used|"
                      r"preferred|chosen)\s+by\s*$", re.I)


def shared_and_interval_percentages(s: Sentence) -> None:
    """An arm's percentage with its own interval ("30.0% (95% CI 18.9-43.2) in the A group"), and one percentage
    printed for two arms ("the remission rate was 90.0% in both groups", "in the A and B groups: 80.0%; 95% CI
    ..."): a PROPORTION per arm of known size, its events derived from the share (flagged), the interval kept.
    Never in a clause that names a measure, a change or a difference, nor for an estimate of survival."""
    seg = s.seg
    if "%" not in seg or _NOT_A_SHARE.search(seg) or _CITED.search(seg) or _APPROXIMATE_PERCENT.search(seg) \
            or not (_SHARE_SAID.search(seg) or _EVENT_SAID.search(seg) or s.has_outcome()):
        return
    for i, n in enumerate(s.nums):
        if not s.free(i) or not n.percent or n.signed or not 0 <= n.value <= 100 or s.threshold_before(n):
            continue
        if n.value == 0 and not _one_share_of_listed_arms(s, i):
            continue        # ("0% for A and B": none of either arm)
        clause = seg[_clause_begin(seg, n.start):n.start]
        if _NOT_AN_ARM_SHARE.search(clause) or _CHANGED_BY.search(clause) \
                or re.search(r"\bby\s*$", clause) and not _SAID_BY.search(clause) \
                or PERCENTAGE_POINTS.match(seg, n.full_end) or _RATE_AT_A_TIME.search(clause):
            continue        # "exceeded that with B by 34.6 percentage points (95% CI ...)": a difference
        ci = s.ci_after(n.full_end)
        if ci is not None and not (ci.low is not None and ci.high is not None and ci.low <= n.value <= ci.high <= 100):
            continue
        after = ci.end if ci is not None else n.full_end
        arms: list[str] = []
        if _BOTH_ARMS_AFTER.match(seg, n.full_end) or _BOTH_ARMS_AFTER.match(seg, after):
            arms = s.state.two_arms()
        elif ci is None and (shared := _one_share_of_listed_arms(s, i)):
            arms = shared
        else:
            colon = _ARMS_BEFORE_COLON.search(seg, 0, n.start)
            if colon is not None:
                named = list(dict.fromkeys(g.name for g in s.groups
                                           if colon.start("names") <= g.start and g.end <= colon.end("names")))
                lettered = _lettered_groups(s, seg[colon.start("names"):colon.end("names")])
                arms = named if len(named) >= 2 else lettered
                if len(arms) < 2 and ci is not None and len(named) == 1:
                    arms = named        # "In group C: 85.7%; 95% CI ...": one arm before the colon
            elif ci is not None:
                # the arm named right after the interval ("(95% CI ...) in the A group"), never one named before it
                # ("in the A arm (8.9%, 95% CI ...)": a Kaplan-Meier or model estimate as often as a share)
                gap = _TO_THE_ARM.match(seg, after)
                arms = [g.name for g in s.groups if gap is not None and g.start == gap.end()][:1]
        if not arms or any(a not in s.state.arm_sizes for a in arms):
            continue
        s.claimed.add(i)
        if ci is not None:
            s.claim_span(ci.start, ci.end)
        for arm in arms:
            size = s.state.arm_sizes[arm]
            est = Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.full_end,
                           events=round(size * n.value / 100), total=size,
                           kind="shared-percent" if len(arms) > 1 else "arm-percent", arm_hint=arm)
            if ci is not None:
                est.ci_low, est.ci_high, est.ci_level = ci.low / 100, ci.high / 100, ci.level
            est.tail_end = after
            s.estimates.append(est)


def _clause_begin(seg: str, pos: int) -> int:
    """Where the clause holding `pos` starts: after the last ';' or sentence-internal full stop before it."""
    return max(seg.rfind(";", 0, pos), seg.rfind(". ", 0, pos)) + 1


# "group A and B", "groups A, B and C": one "group" word before a list of letters, each a lettered arm
_LETTER_LIST = re.compile(r"^\s*groups?\s+(?P<letters>[A-Z](?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)[A-Z])+)\s*$")


def _lettered_groups(s: Sentence, names: str) -> list[str]:
    """The arms of a lettered list ("group A and B"), each the study's arm called "group <letter>", or []."""
    m = _LETTER_LIST.match(names)
    if m is None:
        return []
    arms = []
    for letter in re.findall(r"[A-Z]", m.group("letters")):
        found = [a for a in s.state.arm_sizes if re.fullmatch(r"group\s+" + letter, a, re.I)
                 or a == s.state.lettered.get(letter)]
        if len(found) != 1:
            return []
        arms.append(found[0])
    return arms


# "(control: n=8; app: n=4; app and physician: n=7)", "(placebo n = 12, drug n = 9)", "[A = 5; B = 3]": a bracket that
# labels each count with its arm; "n" counts people, so the counts are each arm's patients with what the sentence
# names before the bracket (a share of the arm's stated size)
_ARM_COUNT_ITEM = (r"(?P<lab{i}>[A-Za-z][^;:,()\[\]\d=%]{{0,50}}?)\s*(?::\s*(?:n\s*=\s*)?|,?\s+n\s*[=:]\s*|\s*=\s*)"
                   r"(?P<n{i}>\d+)(?![\d.%])(?!\s*(?:patients?|participants?|subjects?)?\s*(?:of|/)\s*\d)")
_ARM_COUNT_SEP = r"\s*[;,]\s*(?:and\s+)?"
_PEOPLE_COUNTED_BEFORE = re.compile(r"\b\d+\s+(?:[\w-]+\s+)?(?:patients|participants|subjects|children|women|men|adults|"
                                    r"infants|people|individuals)\s*$", re.I)
_ARM_LABELLED_COUNTS = re.compile(
    r"[(\[]\s*" + _ARM_COUNT_ITEM.format(i=1) + _ARM_COUNT_SEP + _ARM_COUNT_ITEM.format(i=2)
    + r"(?:" + _ARM_COUNT_SEP + _ARM_COUNT_ITEM.format(i=3) + r")?(?:" + _ARM_COUNT_SEP + _ARM_COUNT_ITEM.format(i=4)
    + r")?\s*[)\]]", re.I)


def arm_labelled_counts(s: Sentence) -> None:
    """Counts in one bracket, each labelled by its arm ("(control: n=8; app: n=4; app and physician: n=7)"): a
    PROPORTION per arm of stated size. Every label must be a different arm of known size and every count at most
    its arm's size; a label that is not an arm (a study, a visit, a dose) reads nothing."""
    seg = s.seg
    if "=" not in seg and ":" not in seg or not s.state.arm_sizes:
        return
    for m in _ARM_LABELLED_COUNTS.finditer(seg):
        items = [i for i in range(1, 5) if m.group(f"n{i}") is not None]
        arms = []
        for i in items:
            named = [x for x in s.mentions if m.start(f"lab{i}") <= x.start and x.end <= m.end(f"lab{i}")]
            arms.append(named[-1].canonical if len(named) == 1 or (named and all(
                x.canonical == named[-1].canonical for x in named)) else "")
        if not all(a in s.state.arm_sizes for a in arms) or len(set(arms)) != len(arms):
            continue
        counts = [int(m.group(f"n{i}")) for i in items]
        if any(c > s.state.arm_sizes[a] for a, c in zip(arms, counts)) \
                or all(c == s.state.arm_sizes[a] for a, c in zip(arms, counts)) \
                or _PEOPLE_COUNTED_BEFORE.search(seg, max(0, m.start() - 40), m.start()):
            # "60 children (A n=31, B n=29)": the allocation itself, not a count of people with something
            continue
        for i, arm, count in zip(items, arms, counts):
            idx = s.num_at(m.start(f"n{i}"), m.end(f"n{i}"))
            if not idx or not s.free(idx[0]):
                continue
            size = s.state.arm_sizes[arm]
            x = s.nums[idx[0]]
            s.claimed.add(idx[0])
            s.estimates.append(Estimate("PROPORTION", count / size, x.text, x.start, x.full_end, events=count,
                                        total=size, kind="arm-labelled-count", arm_hint=arm))


# "(16 reactions in 14 participants receiving A vs ten in nine patients receiving B)", "(21 in 16 patients vs 25 in
# 17 patients)": events counted with the patients who had them; the patients are the arm's count
_EVENTS_IN_PATIENTS_ITEM = (r"(?P<e{i}>\d+|" + COUNT_WORD + r")(?:\s+[\w-]+){0,2}?\s+in\s+(?P<p{i}>\d+|" + COUNT_WORD
                            + r")\s+(?:patients|participants|subjects|people|children|women|men)"
                            r"(?P<arm{i}>\s+(?:receiving|given|treated\s+with|on|in\s+the)\s+[^,;()\[\]]{2,50}?)?")
_EVENTS_IN_PATIENTS = re.compile(
    r"[(\[]\s*" + _EVENTS_IN_PATIENTS_ITEM.replace("{i}", "1") + r"\s*(?:,\s*)?(?:vs\.?|versus|and|compared\s+with)\s+"
    + _EVENTS_IN_PATIENTS_ITEM.replace("{i}", "2") + r"\s*[)\]]", re.I)


def events_in_patients(s: Sentence) -> None:
    """Two arms' patients with an event, each printed after the number of events they had: a PROPORTION per arm
    (patients over the arm's size); the arms named in the items, or else the two arms the sentence named before the
    bracket, in that order."""
    seg = s.seg
    if " in " not in seg or not s.state.arm_sizes:
        return
    for m in _EVENTS_IN_PATIENTS.finditer(seg):
        arms = []
        for i in (1, 2):
            named = [x for x in s.mentions if m.start(f"arm{i}") <= x.start and x.end <= m.end(f"arm{i}")] \
                if m.group(f"arm{i}") else []
            arms.append(named[0].canonical if named else "")
        if not all(arms):
            before = list(dict.fromkeys(x.canonical for x in s.mentions if x.end <= m.start()
                                        and x.canonical in s.state.arm_sizes))
            if any(arms) or len(before) != 2:
                continue
            arms = before
        if len(set(arms)) != 2 or not all(a in s.state.arm_sizes for a in arms):
            continue
        counts = [(_count_of_text(m.group(f"e{i}")), _count_of_text(m.group(f"p{i}"))) for i in (1, 2)]
        if any(e is None or p is None or p > e or p > s.state.arm_sizes[a] for (e, p), a in zip(counts, arms)):
            continue        # "3 in 15 patients": fewer events than patients is a share of a subgroup
        for i, arm, (events, patients) in zip((1, 2), arms, counts):
            size = s.state.arm_sizes[arm]
            idx = s.num_at(m.start(f"p{i}"), m.end(f"p{i}"))
            s.claimed.update(idx)
            s.claimed.update(s.num_at(m.start(f"e{i}"), m.end(f"e{i}")))
            s.estimates.append(Estimate("PROPORTION", patients / size, m.group(f"p{i}"), m.start(f"p{i}"), m.end(f"p{i}"),
                                        events=patients, total=size, kind="events-in-patients", arm_hint=arm))


def _count_of_text(text: str) -> int | None:
    value = count_value(text.lower()) if not text.isdigit() else int(text)
    return int(value) if value is not None else None


# "There were four versus one wound infections in the A versus B groups", "3 vs 7 relapses in the A and B groups,
# respectively", "two and five deaths in the A and B arms": two counts joined by a comparing word, the event counted,
# then the two arms in the same order (their sizes the study's); "(19 and 20 in the A and B groups resp.)": without
# the noun only where "respectively" closes the arms and the clause names no level or score
_COUNT_WORD_OR_DIGITS = r"(?:\d+|" + COUNT_WORD + r"|no|none)"
_COUNTS_THEN_ARMS = re.compile(r"(?<![\w.])(?P<a>" + _COUNT_WORD_OR_DIGITS + r")\s+(?:versus|vs\.?|and|compared\s+with)\s+"
                               r"(?P<b>" + _COUNT_WORD_OR_DIGITS + r")\s+(?:(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\s+)?"
                               r"(?:in|among|with|for)\s+(?:the\s+)?$", re.I)
_RESPECTIVELY_AFTER_ARMS = re.compile(r"\s*(?:group|arm)?s?\s*,?\s*(?:respectively\b|resp\.)", re.I)
_UNIT_NOUN = re.compile(r"\b(?:points|units|seconds|minutes|hours|days|weeks|months|years|times|doses|sessions|cycles|visits|"
                        r"mls?|mgs?|kgs?|cms?|mm|beats|breaths|steps|metres|meters|percent|scores|levels)\b", re.I)
_TWO_ARMS_JOIN = re.compile(r"\s*(?:group|arm)?\s*(?:versus|vs\.?|and|or|compared\s+with)\s+(?:the\s+)?", re.I)


def counts_before_their_arms(s: Sentence) -> None:
    """Two arms' counts of an event printed before the event and the two arms, in order (see the comment above)."""
    seg = s.seg
    if len(s.groups) < 2 or not re.search(r"\b(?:versus|vs|and|compared)\b", seg):
        return
    for g1, g2 in zip(s.groups, s.groups[1:]):
        if g1.name == g2.name or not _TWO_ARMS_JOIN.fullmatch(seg, g1.end, g2.start):
            continue
        respectively = _RESPECTIVELY_AFTER_ARMS.match(seg, g2.end) is not None
        if not respectively and not re.match(r"\s*(?:groups|arms)\b", seg[g2.end:]):
            continue
        m = _COUNTS_THEN_ARMS.search(seg, max(0, g1.start - 120), g1.start)
        if m is None or m.end() != g1.start:
            continue
        if m.group("noun") is None:
            # "(11 and 14 in the A and B groups)" names neither the people nor "respectively"; "the mean stay was 11 and
            # 14 in the A and B groups, respectively" names a level (the words since the bracket or comma before)
            since = max(_clause_begin(seg, m.start()), seg.rfind("(", 0, m.start()) + 1, seg.rfind(",", 0, m.start()) + 1)
            if not respectively or not (m.group("a").isdigit() and m.group("b").isdigit()) \
                    or _LEVEL_WORDS.search(seg, since, m.start()):
                continue
        if _UNIT_NOUN.search(m.group("noun") or ""):
            continue        # "4 versus 5 points": amounts, not counts of patients
        counts = [0 if m.group(k).lower() in ("no", "none") else count_value(m.group(k).lower()) for k in ("a", "b")]
        sizes = [s.state.arm_sizes.get(g1.name), s.state.arm_sizes.get(g2.name)]
        if any(c is None for c in counts) or not all(sizes) or any(c > n for c, n in zip(counts, sizes)):
            continue
        idx = s.num_at(m.start("a"), m.end("a")) + s.num_at(m.start("b"), m.end("b"))
        if any(not s.free(i) for i in idx) or any(e.start < m.end() and m.start() < e.end for e in s.estimates):
            continue
        s.claimed.update(idx)
        noun = re.sub(r"\s+", " ", m.group("noun") or "").lower()
        for key, count, size, arm in zip(("a", "b"), counts, sizes, (g1.name, g2.name)):
            est = Estimate("PROPORTION", count / size, f"{count}/{size}", m.start(key), m.end(key), events=count,
                           total=size, kind="arm-count", arm_hint=arm)
            est.outcome_hint = noun
            s.estimates.append(est)


# a count and the arm its people or events are in, named right after it: "15 in the A group", "three patients in the
# A group", "eight cases among B recipients", "4 participants receiving C"
_COUNT_THEN_ARM = re.compile(
    r"(?<![\w.,/%-])(?P<n>\d+|" + COUNT_WORD + r")(?![\w.,/%]|\s*%|\s*[(\[]\s*\d)"
    r"(?P<gap>\s+(?:(?:(?!(?:in|of|on|among|with|for|and|or)\b|" + COUNT_WORD + r"\b)[a-z-]+\s+)?" + COUNTED_PEOPLE + r"\s+|" + ONCE_PER_PATIENT + r"\s+)?(?:(?:occurred|were\s+(?:seen|observed|recorded|reported))\s+)?"
    r"(?:in|among|of|on|from|receiving|for|with)\s+(?:the\s+)?(?:(?:patients|participants)\s+(?:in|on|receiving)\s+(?:the\s+)?)?)", re.I)
# "from" ties a count to its arm only with the people counted between: "one patient from the A group" (a bare "5 from the
# A group" is as often where people came from: a flow)
_FROM_WITHOUT_PEOPLE = re.compile(r"(?!.*\b" + COUNTED_PEOPLE + r"\b).*\bfrom\s+(?:the\s+)?$", re.I | re.S)
_A_DENOMINATOR_BEFORE = re.compile(r"(?:\bof|\bout\s+of|/|\bamong)\s*(?:the\s+)?$", re.I)
# between two counts of one comparison: a join word, nothing that ends the clause
_COUNTS_JOINED = re.compile(r"[^.;:]{0,40}?\b(?:and|vs\.?|versus|compared\s+(?:with|to)|while|whereas|than|but)\b[^.;:]{0,30}$|"
                            r"\s*,\s*(?:and\s+)?$", re.I)
# what the counts are of is a level or a score, not people: "a median score of 12 in the A group and 15 in the B group"
_LEVEL_WORDS = re.compile(r"\b(?:mean|median|average|score|scores|level|levels|days?|hours?|minutes?|weeks?|months?|"
                          r"years?|times?|doses?|sessions?|points?|mg|ml|kg|per|rate|ratio)\b", re.I)


def counts_beside_their_arms(s: Sentence) -> None:
    """Counts of an event set arm against arm, each named right before its arm, in digits or in words: "40 relapses
    (15 in the A group and 25 in the B group)", "Death occurred in three patients in the A group and eight in the B
    group", "with 6 patients in the A group compared to 11 in the B group". Each count is over its arm's size (the
    study model's); two or more counts of distinct arms of known size, joined by 'and', 'versus', 'compared with',
    'while', 'whereas'; the sentence names an event, never who was enrolled or analysed, nor a level or score."""
    seg = s.seg
    if len(s.groups) < 2 or _DISPOSITION.search(seg) or _CITED.search(seg):
        return
    found = []
    # "15 in the A group", "three patients in the A group"; "8 A patients" (the arm's name between the count and its
    # people)
    candidates = [(m, next((g for g in s.groups if g.start == m.end()), None)) for m in _COUNT_THEN_ARM.finditer(seg)]
    candidates += _counts_before_arms_of_people(s)
    candidates.sort(key=lambda c: c[0].start())
    for m, group in candidates:
        if group is None:
            continue
        if _FROM_WITHOUT_PEOPLE.match(m.group("gap")):
            continue
        arm = group.name if group.name in s.state.arm_sizes else s.arm_named(group.start, group.end)
        count = count_value(m.group("n").lower())
        idx = s.num_at(m.start("n"), m.end("n"))[:1]
        if not arm or count is None:
            continue
        # (a count another rule read as this arm's stays in the run, not read twice: a word claims no number token)
        read = any(e.events == count and e.arm_hint == arm and e.start <= m.end("n") and m.start() <= e.end
                   for e in s.estimates)
        # (a row read over this count's words is its own total only when it is of the same arm, or of none: "2 of
        # eight subjects in the A group"; a row of another arm spanning it is that arm's clause, read first)
        if not read and ((idx and not s.free(idx[0])) or any(
                e.start <= m.start() < e.end and e.arm_hint in ("", None, arm) for e in s.estimates)):
            continue
        if _A_DENOMINATOR_BEFORE.search(seg, max(0, m.start() - 12), m.start()) or count == s.state.arm_sizes.get(arm):
            continue        # "60 (60%) of 100 participants on A": the arm's size, not a count of its events
        found.append((m, group, arm, count, idx, read))
    # runs of counts whose arms differ, joined by comparing or listing words
    runs: list[list] = []
    for item in found:
        if runs and _COUNTS_JOINED.fullmatch(seg, runs[-1][-1][1].end, item[0].start()):
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        arms = [arm for _, _, arm, _, _, _ in run]
        if not 2 <= len(run) <= 3 or len(set(arms)) != len(arms):
            continue
        sizes = [s.state.arm_sizes.get(a) for a in arms]
        if not all(sizes) or any(c > n for (_, _, _, c, _, _), n in zip(run, sizes)) or all(r for *_, r in run):
            continue
        before = seg[max(0, seg.rfind(";", 0, run[0][0].start()) + 1):run[0][0].start()]
        # ("The number of women with X was 9 in the A group and 16 in the B group": the people counted, no trait)
        # ("Twelve children in the A group had X": the trial's people named as the count's noun are whom it counts, not
        # an age at entry)
        counted = _PEOPLE_COUNTED.sub(" ", before + " " + _POPULATION_NOUN.sub(" ", run[0][0].group("gap"), count=1))
        if _LEVEL_WORDS.search(before[-60:]) or s.describes_patients(counted):
            continue
        split = _PEOPLE_BEFORE_BRACKET.search(before)
        split_of_people = split is not None and int(split.group("n")) == sum(c for _, _, _, c, _, _ in run)
        if not (s.has_outcome() or _ONCE_NOUN.search(seg) or _EVENT_HAPPENED.search(seg) or split_of_people):
            continue
        if _SPLIT_OF_A_GROUP.match(seg, run[-1][1].end):
            continue        # "Ten (5 in the A group and 5 in the B group) of the 43 participants who ...": who they were
        if _REPEATABLE.search(seg) and not re.search(COUNTED_PEOPLE, run[0][0].group("gap"), re.I):
            continue        # "41 relapses (15 in the A group ...)": events one patient may have twice, no count of patients
                            # ("reactions in 11 patients in the A group compared with 4 in B" counts patients)
        for (m, _, arm, count, idx, read), size in zip(run, sizes):
            if read:
                continue
            s.claimed.update(idx)
            s.estimates.append(Estimate("PROPORTION", count / size, f"{count}/{size}", m.start("n"), m.end("n"),
                                        events=count, total=size, kind="arm-count", arm_hint=arm))


# the noun of a count that names the trial's population by its age: "twelve children", "4 infants", "9 adults"
_POPULATION_NOUN = re.compile(r"^\s+(?:children|infants|neonates|newborns|adults)\b", re.I)
# the people a sentence counts, named with what they had: "the number of women with X", "women who developed X"
_PEOPLE_COUNTED = re.compile(r"\b(?:(?:number|proportion|percentage)\s+of\s+)?(?:women|men|girls|boys|mothers)\s+(?:with|who|having)\b",
                             re.I)
# a bracket splitting by arm a number of the trial's people: "(5 in the A group and 5 in the B group) of the 43 ..."
_SPLIT_OF_A_GROUP = re.compile(r"\s*(?:group|arm)?s?\s*[)\]]\s*(?:of|among)\s+(?:the|these|those|all)\s+\d+", re.I)
# events one patient may have more than once: their counts over an arm are no counts of patients
_REPEATABLE = re.compile(r"\b(?:relapses|episodes|events|infections|complications|reactions|attacks|exacerbations|"
                         r"admissions|hospitali[sz]ations|visits|seizures|falls|bleeds|lesions)\b", re.I)
# an event the sentence says happened to the people counted
_EVENT_HAPPENED = re.compile(r"\b(?:occurred|developed|experienced|died|relapsed|suffered|required|needed|underwent|"
                             r"had|reported|complained|presented|seen|observed|recorded|noted|documented|detected|"
                             # what the people counted did or could not do: "received a transfusion", "were not able to
                             # drink", "performed the steps correctly", "lost correction", "passed the test"
                             r"received|(?:were|was)\s+(?:not\s+)?able|unable|performed|passed|failed|achieved|showed|lost)\b",
                             re.I)
# "64 patients were colonised (31 in the A group and 33 in the B group)": a number of people, then a bracket that
# splits it by arm (the counts add up to it: they are the arms' counts of what the people were or had)
_PEOPLE_BEFORE_BRACKET = re.compile(r"(?<![\w.,/-])(?P<n>\d+)\s+(?:[\w-]+\s+)?" + COUNTED_PEOPLE
                                    + r"\b[^.;()\[\]\d]{0,60}?[(\[]\s*$", re.I)
# "8 A patients and 9 B patients": a count, the arm's name, then its people
_PEOPLE_OF_THE_ARM_AFTER = re.compile(r"(?:-?(?:treated|randomi[sz]ed|allocated))?\s*(?:group\s+|arm\s+)?" + COUNTED_PEOPLE + r"\b", re.I)
# a count right before its arm's name, or before the name in a bracket: "8 A patients", "Six (A) and 17 (B) patients"
_COUNT_BEFORE_ARM = re.compile(r"(?<![\w.,/%-])(?P<n>\d+|" + COUNT_WORD + r")(?P<gap>\s+|\s*[(\[]\s*)(?=[A-Za-z])", re.I)
# between one arm of such a list and the next count: "Four A[,] and seven B patients"
_NEXT_COUNT_OF_THE_LIST = re.compile(r"\s*[)\]]?\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)


def _counts_before_arms_of_people(s: Sentence) -> list:
    """Counts each printed right before its arm's name, the people counted named after the arm ("8 A patients"), or
    once after the last arm of a list of such counts ("Four A and seven B patients", "Six (A) and 17 (B) patients"):
    (match, arm mention) pairs."""
    seg = s.seg
    found = [(m, g) for m in _COUNT_BEFORE_ARM.finditer(seg)
             for g in [next((g for g in s.groups if g.start == m.end()), None)] if g is not None]
    kept = [False] * len(found)
    for k in range(len(found) - 1, -1, -1):      # (from the last: a list's people are named after its last arm)
        g = found[k][1]
        listed = k + 1 < len(found) and kept[k + 1] and \
            _NEXT_COUNT_OF_THE_LIST.fullmatch(seg, g.end, found[k + 1][0].start()) is not None
        kept[k] = listed or _PEOPLE_OF_THE_ARM_AFTER.match(seg, g.end) is not None
    return [pair for pair, keep in zip(found, kept) if keep]





# what the people counted after their arm's people did: an event, a response, a finding (not who they were)
_DID_SOMETHING = re.compile(r"\s*(?:of\s+them\s+|patients?\s+|participants?\s+)?(?:\w+ly\s+)?(?:had|has|have|presented|developed|"
                            r"experienced|reported|showed|suffered|required|needed|achieved|reached|complained|responded|"
                            r"underwent|died|relapsed|recovered|improved|became|remained|were|was|did|could|felt|got|"
                            r"obtained|attained|returned|used|took|asked|[a-z]{3,}ed)\b", re.I)
_GROUP_WORD = re.compile(r"\s*(?:group|arm)?\s*$", re.I)


def people_of_an_arm_first(s: Sentence) -> None:
    """ "Out of the 28 patients given A, 25 presented with pain", "Of the 40 participants in the B group, 12 (30%)
    had X": the arm's people counted first (the total, whatever the study model says of the arm: the sentence's own
    denominator), then how many of them did or had something; a row of that arm even where the outcome lexicon does not
    know the outcome, since the sentence itself says the count is of the arm's people. Not a count of who the people
    were (women, smokers: rules for characteristics), nor of the trial's flow (completed, withdrew)."""
    seg = s.seg
    # (what the sentence must have first: most have no arm named and no such count, and the tests of what it is
    # about cost more)
    counted = s.parse("people_then_count") if s.groups else []
    if not counted or _DISPOSITION.search(seg) or _SCREENING.search(seg) or _CITED.search(seg):
        return
    for c in counted:
        if c.total is None or c.events is None or c.events > c.total or c.total == 0:
            continue
        named = [g for g in s.groups if c.arm_start <= g.start and g.end <= c.arm_end]
        if len(named) != 1 or seg[c.arm_start:named[0].start].strip() \
                or not _GROUP_WORD.match(seg[named[0].end:c.arm_end]):
            continue        # the span holds the arm's name and nothing else ("who completed", a second arm: no)
        idx = s.num_at(c.total_start, c.total_end) + s.num_at(c.count_start, c.count_end)
        pct = s.num_at(c.percent_start, c.percent_end) if c.percent_start >= 0 else []
        if any(not s.free(i) for i in idx + pct):
            continue
        if not _DID_SOMETHING.match(seg, c.end) or s.describes_patients(s.local_after(c.end)):
            continue
        if pct and abs(100 * c.events / c.total - s.nums[pct[0]].value) > 1:
            continue        # the bracket is no share of those people
        s.claimed.update(idx + pct)
        s.estimates.append(Estimate("PROPORTION", c.events / c.total, f"{c.events}/{c.total}", c.start, c.end,
                                    events=c.events, total=c.total, kind="count", arm_hint=named[0].name))


# "Relapse occurred in 45 and 43 participants (49 and 57%, respectively)": each arm's count, then each one's share
_COUNTS_THEN_SHARES_RESPECTIVELY = re.compile(
    r"(?<![\w.,/-])(?P<counts>\d+(?:\s*,\s*\d+)*\s*,?\s*and\s+\d+)\s+(?:" + COUNTED_PEOPLE + r"\s+)?[(\[]\s*"
    r"(?P<shares>" + UNSIGNED + r"\s*%?(?:\s*,\s*" + UNSIGNED + r"\s*%?)*\s*,?\s*and\s+" + UNSIGNED + r")\s*%\s*,?\s*"
    r"respectively\s*[)\]]", re.I)


def counts_then_shares_respectively(s: Sentence) -> None:
    """ "X occurred in 45 and 43 participants (49 and 57%, respectively)": one count and its share per arm, the arms
    named before in one list, else the study's arms in the document's order; read only where every count over its
    arm's size is its printed share (to a rounding), which is what says the order is the arms'."""
    seg = s.seg
    if "respectively" not in seg:
        return
    for m in _COUNTS_THEN_SHARES_RESPECTIVELY.finditer(seg):
        counts = [int(v) for v in re.findall(r"\d+", m.group("counts"))]
        shares = [parse_number(v) for v in re.findall(UNSIGNED, m.group("shares"))]
        if len(counts) != len(shares) or s.describes_patients(s.local_after(m.end())) or _SCREENING.search(seg) \
                or _CITED.search(seg):
            continue
        arms = s.arms_named_before(m.start(), len(counts))
        if not arms and not any(g.start < m.start() for g in s.groups):
            arms = list(getattr(s.state, "study_arms", ()) or s.state.two_arms())
        sizes = [s.state.arm_sizes.get(a) for a in arms] if arms and len(arms) == len(counts) else []
        if not sizes or not all(sizes) or any(c > n or abs(100 * c / n - x) > 1.0 for c, n, x in zip(counts, sizes, shares)):
            continue
        idx = s.num_at(m.start("counts"), m.end("counts")) + s.num_at(m.start("shares"), m.end())
        if any(not s.free(i) for i in idx):
            continue
        s.claimed.update(idx)
        for arm, count, size in zip(arms, counts, sizes):
            s.estimates.append(Estimate("PROPORTION", count / size, f"{count}/{size}", m.start(), m.end(), events=count,
                                        total=size, kind="arm-patients", arm_hint=arm))


# "Of the 23 patients readmitted, 13 were in the A arm and 10 in the B arm", "Twenty-three patients were readmitted:
# 13 were in the A arm and 10 in the B arm": the people with an event shared out by arm, each arm's count of it
_PEOPLE_WITH_THE_EVENT = start_guarded(re.compile(
    r"\b(?:(?:of|among)\s+(?:the|these|those|all)\s+(?P<t>\d+|" + COUNT_WORD + r")\s+" + COUNTED_PEOPLE
    + r"\s+(?P<what>(?:who\s+)?[a-z][^,;:()\d]{2,80}?)\s*,|(?P<t2>\d+|" + COUNT_WORD + r")\s+" + COUNTED_PEOPLE
    + r"\s+(?P<what2>(?:were|was|had|developed|experienced)\s+[^,;:()\d]{2,80}?)\s*:)\s*", re.I))
_COUNT_IN_AN_ARM = re.compile(r"(?P<n>\d+|" + COUNT_WORD + r")(?:\s*[(\[][^()\[\]]{1,20}[)\]])?\s+(?:" + COUNTED_PEOPLE
                              + r"\s+)?(?:were\s+|was\s+)?(?:in|from|of)\s+(?:the\s+)?$", re.I)
_NEXT_SHARE = re.compile(r"\s*(?:group|arm)?\s*(?:,\s*(?:and\s+|while\s+|whereas\s+)?|and\s+|while\s+|whereas\s+|;\s*)", re.I)


def event_people_by_arm(s: Sentence) -> None:
    """The people who had an event counted first, then shared out by arm ("Of the 23 patients readmitted, 13 were in
    the A arm and 10 in the B arm"): each arm's count of the event over the arm's size, read only where the counts
    cover every arm of the study and add up to the people counted (a share-out, not a subset's traits), and never
    for the trial's flow (withdrawn, lost, excluded)."""
    seg = s.seg
    if not s.state.arm_sizes or len(s.groups) < 2 or _DISPOSITION.search(seg) or _SCREENING.search(seg) \
            or _CITED.search(seg):
        return      # (two arms named, at least: the counts are shared out among them)
    for m in _PEOPLE_WITH_THE_EVENT.finditer(seg):
        total = count_value((m.group("t") or m.group("t2")).lower())
        what = (m.group("what") or m.group("what2") or "").strip()
        if not total or s.describes_patients(what):
            continue
        found, at = [], m.end()
        for g in s.groups:
            if g.start < at:
                continue
            c = _COUNT_IN_AN_ARM.search(seg, at, g.start)
            if c is None or c.start() != at:
                break
            found.append((c, g))
            nxt = re.match(r"\s*(?:group|arm)?", seg[g.end:])
            j = _NEXT_SHARE.match(seg, g.end + nxt.end())
            if j is None:
                break
            at = j.end()
        arms = [g.name for _, g in found]
        sizes = [s.state.arm_sizes.get(a) for a in arms]
        counts = [count_value(c.group("n").lower()) for c, _ in found]
        if len(found) < 2 or len(set(arms)) != len(arms) or not all(sizes) or None in counts \
                or sum(counts) != total or any(k > n for k, n in zip(counts, sizes)):
            continue
        idx = [i for c, _ in found for i in s.num_at(c.start("n"), c.end("n"))]
        if any(not s.free(i) for i in idx):
            continue
        s.claimed.update(idx + s.num_at(m.start(), m.end()))
        for (c, g), count, size in zip(found, counts, sizes):
            est = Estimate("PROPORTION", count / size, f"{count}/{size}", c.start(), g.end, events=count, total=size,
                           kind="arm-patients", arm_hint=g.name)
            est.outcome_hint = re.sub(r"^(?:who\s+)?(?:were|was)\s+", "", re.sub(r"\s+", " ", what)).lower()
            s.estimates.append(est)
