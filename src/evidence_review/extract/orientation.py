"""Arms and orientation: which arm an estimate belongs to, and which way a ratio points.

A ratio is the intervention relative to the comparator as the text means it. The sentence supplies the two
arms (around "compared with", "versus", "than", "relative to", "between ... and ..."); the words supply the
direction the author claims for the first-named arm ("lower risk", "less likely", "more effective"); and the
number decides: "RTX (HR = 18.41) ... lower risk than TAC" can only mean TAC relative to RTX.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Mention, arm_name, outcome_near
from .patterns import CONNECTOR_RE, RATIO
from .startguard import start_guarded
from ..tables import DIFFERENCE_MEASURES, MEAN_DIFFERENCE_MEASURES, RATIO_MEASURES, TWO_BY_TWO_MEASURES


@dataclass(frozen=True)
class Group:
    start: int
    end: int
    name: str


_COMBINE = re.compile(r"^\s*(?:\+|plus|combined\s+with|in\s+combination\s+with|(?:as\s+)?(?:an\s+)?add-on\s+(?:therapy\s+)?(?:to|with))\s*$", re.I)


_ABBREVIATION_GAP = re.compile(r"\s*[(\[]?\s*")


def groups_from(mentions: list[Mention], seg: str) -> list[Group]:
    """Adjacent mentions joined by '+', 'plus', 'add-on to' form one combination arm; repeats of an
    abbreviation right after its full name ("rituximab (RTX)") are one mention."""
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups:
            last = groups[-1][-1]
            between = seg[last.end:m.start]
            if m.canonical == last.canonical and _ABBREVIATION_GAP.fullmatch(between):
                groups[-1][-1] = Mention(last.start, max(m.end, last.end), last.canonical, last.negated or m.negated)
                continue
            if _COMBINE.match(between):
                groups[-1].append(m)
                continue
        groups.append([m])
    out = []
    for g in groups:
        end = g[-1].end
        # swallow a closing bracket of "rituximab (RTX)" so the arm ends after it
        close = re.match(r"^\s*[)\]]", seg[end:end + 3])
        out.append(Group(g[0].start, end + (close.end() if close else 0), arm_name(g)))
    return out


_LESS = (r"\b(?:lower|reduced|reduction|reduc(?:e|es|ing)|less\s+likely|fewer|decreased?|protective|delay(?:ed)?|"
         # "less pain than", "less often than": any quantity compared by "than"
         r"less\s+(?=(?:[\w-]+\s+){0,3}than\b))")
_MORE = (r"\b(?:higher|increased|greater|more\s+likely|elevated|"
         r"more\s+(?:\w+\s+)?(?:relapses|attacks|events|exacerbations|flares|often|frequent(?:ly)?|common)|"
         # "had more hospitalizations than", "more adverse events than": any thing counted, compared by "than"
         r"more\s+(?=(?:[\w-]+\s+){1,3}than\b))\b")
_BETTER = r"\b(?:superior|more\s+effective|better|benefit\w*|favou?r\w*|outperform\w*)\b"
_WORSE = r"\b(?:inferior|less\s+effective|worse)\b"
_DIRECTION = start_guarded(re.compile(f"(?P<better>{_BETTER})|(?P<worse>{_WORSE})|(?P<less>{_LESS})|(?P<more>{_MORE})", re.I))


# a clause that contrasts with the previous one makes its own claim
_CONTRAST = re.compile(r"(?:^|[,;)]\s*)(?:but|whereas|while|although|though|however|yet)\b", re.I)


@lru_cache(maxsize=16)
def _direction_words(seg: str) -> tuple:
    text = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), seg)
    return tuple(_DIRECTION.finditer(text))


def claimed_direction(seg: str, est_start: int, tail_end: int = 0, since: int = 0) -> int:
    """+1 when the text says the first-named arm has more of the outcome, -1 less, 0 when it does not say.

    `since` is where the previous estimate of the sentence ended: a direction word before it is that estimate's
    ("fewer events in A than in B (HR 0.76), but major bleeding occurred in A (HR 1.70)")."""
    if not (since and _CONTRAST.search(seg, since, est_start)):
        since = 0       # "A and B were more effective than C (A: HR ...; B: HR ...)": one claim for both
    m = next((w for w in _direction_words(seg) if w.start() >= since), None)
    if not m:
        return 0
    end = max(est_start, tail_end)
    between = seg[end:m.start()] if m.start() >= end else ""
    if re.search(r"[)\]]\s*(?:[,;]\s*)?(?:and|while|whereas|but)\s+(?:\w+\s+){0,2}$", between):
        # "improved response vs placebo (OR 3.56; ...) and reduced the score (SMD ...)": the word after the
        # estimate's brackets opens the next clause, about the next estimate
        return 0
    if m.group("less"):
        return -1
    if m.group("more"):
        return 1
    found = outcome_near(seg, est_start)
    harmful = True if found is None else found[1]
    good = 1 if m.group("better") else -1
    return -good if harmful else good


@dataclass
class Comparison:
    subject: list[Group]
    obj: list[Group]


def find_comparison(seg: str, groups) -> Comparison | None:
    return _find_comparison(seg, tuple(groups))


@lru_cache(maxsize=64)
def _find_comparison(seg: str, groups: tuple) -> Comparison | None:
    # "Compared with placebo, complement inhibitors achieved ..."
    lead = re.match(r"^\s*(?:[A-Z][\w ,]{0,30}?,\s*)?(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs\.?|relative\s+to)\s+(?P<ref>[^,]{1,80}),", seg, re.I)
    if lead:
        obj = [g for g in groups if lead.start("ref") <= g.start < lead.end("ref")]
        subj = [g for g in groups if g.start >= lead.end()]
        if obj and subj:
            return Comparison(subj, obj)
    # "the differences between the 5-mg, 10-mg, and 15-mg X groups and the Y group were ..., respectively": a list of
    # arms, each compared with the one named after the last "and"
    listed = _between_list(seg, groups)
    if listed is not None:
        return listed
    # "between the MMF and RTX groups"
    btw = re.search(r"\bbetween\s+(?:the\s+)?(?P<a>.{1,60}?)\s+and\s+(?:the\s+)?(?P<b>.{1,60}?)(?:\s+groups?|\s+arms?|[,.;)]|$)", seg, re.I)
    if btw:
        a = [g for g in groups if btw.start("a") <= g.start < btw.end("a")]
        b = [g for g in groups if btw.start("b") <= g.start < btw.end("b")]
        if a and b:
            return Comparison(a[:1], b[:1])
    for m in CONNECTOR_RE.finditer(seg):
        after = [g for g in groups if m.end() <= g.start <= m.end() + 50 and not CONNECTOR_RE.search(seg[m.end():g.start])]
        if not after:
            continue
        before = [g for g in groups if g.end <= m.start()]
        if not before:
            continue
        nxt = CONNECTOR_RE.search(seg, m.end() + 1)
        limit = nxt.start() if nxt else len(seg)
        obj = [g for g in groups if m.end() <= g.start < limit]
        return Comparison(before, obj or after)
    return None


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?", re.I)
_BETWEEN_END = re.compile(r"\b(?:were|was|is|are)\b|[;:()\[\]]", re.I)


def _between_list(seg: str, groups: tuple) -> Comparison | None:
    """ "between the A, B, and C groups and the D group": three or more arms after "between", the last one (after
    the last "and") the comparator of all the others."""
    m = _BETWEEN.search(seg)
    if m is None:
        return None
    end = _BETWEEN_END.search(seg, m.end())
    stop = end.start() if end else len(seg)
    inside = [g for g in groups if m.end() <= g.start < stop]
    names = list(dict.fromkeys(g.name for g in inside))
    if len(names) < 3:
        return None
    last = inside[-1]
    joint = seg.rfind(" and ", m.end(), last.start)
    if joint < 0 or any(g.start > joint for g in inside[:-1]) or last.name in names[:-1]:
        return None
    return Comparison([g for g in inside[:-1]], [last])


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_AND_JOINT = re.compile(r"\s+and\s+(?:the\s+)?")
_THAN_BEFORE = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:(?:the|those|with|in)\s+)*$", re.I)
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _respective_pairs(seg: str, groups: list[Group], c0: int, c1: int, est_start: int) -> list[tuple[str, str]]:
    """The pairs a clause compares before a bracket of values it closes with "respectively": "between A and B or
    between C and B" gives (A, B), (C, B); "X ... than A and B" gives (X, A), (X, B). Empty unless the clause says
    "respectively" after the estimate and names two or more pairs before it."""
    if not re.search(r"\brespectively\b", seg[est_start:c1]):
        return []
    inside = [g for g in groups if c0 <= g.start and g.end <= est_start]
    pairs = [(x.name, y.name) for x, y in zip(inside, inside[1:]) if x.name != y.name
             and _BETWEEN_BEFORE.search(seg, max(0, x.start - 20), x.start) and _AND_JOINT.fullmatch(seg[x.end:y.start])]
    if len(pairs) > 1:
        return pairs
    for k, g in enumerate(inside):
        if k == 0 or not _THAN_BEFORE.search(seg, max(0, g.start - 40), g.start):
            continue
        objects = [g]
        for h in inside[k + 1:]:
            if not _LIST_JOINT.fullmatch(seg[objects[-1].end:h.start]):
                break
            objects.append(h)
        subject = inside[k - 1]
        if len(objects) > 1 and subject.name not in {o.name for o in objects} and objects[-1] is inside[-1]:
            return [(subject.name, o.name) for o in objects]
    return []


def _names(gs: list[Group]) -> list[str]:
    out = []
    for g in gs:
        if g.name not in out:
            out.append(g.name)
    return out


def orient(measure: str, value: float, a: str, b: str, direction: int) -> tuple[str, str]:
    """Swap the arms when the number contradicts the direction claimed for arm a: a ratio by its side of 1, a risk
    difference by its sign ("lower for X than for Y (11% versus 29%; RD 18%)" is Y vs X, +0.18: the printed sign
    is kept and the arms follow it)."""
    if not (direction and a and b and value is not None):
        return a, b
    if measure in RATIO and value > 0 and value != 1:
        more = value > 1
    elif measure == "RD" and value != 0:
        more = value > 0
    else:
        return a, b
    return (b, a) if more != (direction > 0) else (a, b)


# "17.6% for SP", "13.9% in the X group": an arm's own percentage printed right before its name
# ("50.3% (95% CI 45.5-54.9) in the A group": the share's own interval may stand between)
# ("41/190 [22%] with enema": the share in the bracket after its count)
_RATE_BEFORE_ARM = re.compile(r"(?<![\d.])(?P<v>\d+(?:\.\d+)?)\s*%\s*[)\]]?\s*(?:[(\[][^()\[\]]{0,60}[)\]]\s*)?(?:for|in|with|without|on|among)\s+(?:the\s+)?"
                              r"(?:(?:patients|participants|children)\s+(?:on|in|receiving|treated\s+with)\s+(?:the\s+)?)?$", re.I)
_RATE_RIGHT_BEFORE = re.compile(r"(?<![\d.])(?P<v>\d+(?:\.\d+)?)\s*%\s*[)\]]?\s*$")
# "the CQ group was 60.3%", "X: 12%": an arm's own percentage printed right after its name
_RATE_AFTER_ARM = re.compile(r"\s*(?:group|arm)?\s*(?:was|were|of|:|,)?\s*(?P<v>\d+(?:\.\d+)?)\s*%(?!\s*(?:CI|confidence))", re.I)


def _rate_of(seg: str, groups, name: str, lo: int, hi: int) -> float | None:
    """The percentage the clause prints for arm `name` next to one of its mentions between `lo` and `hi`."""
    found = None
    for g in groups:
        if g.name != name or not (lo <= g.start and g.end <= hi):
            continue
        before = _RATE_BEFORE_ARM.search(seg, max(lo, g.start - 100), g.start)
        if before is None and re.match(r"(?i)with(?:out)?\s", seg[g.start:g.start + 8]):
            # an arm named "with X" / "without X": its share right before it ("[22%] with enema")
            before = _RATE_RIGHT_BEFORE.search(seg, max(lo, g.start - 100), g.start)
        after = _RATE_AFTER_ARM.match(seg, g.end, hi)
        m = before or after
        if m is not None:
            found = float(m.group("v"))
    return found


_SHARE_FREE_OF_EVENT = re.compile(r"\b(?:survival|survived|surviving|alive|(?:event|disease|progression|relapse|recurrence)[- ]free|"
                                  r"free\s+(?:of|from))\b", re.I)


def direction_from_rates(seg: str, groups, a: str, b: str, est_start: int, prev_end: int, measure: str = "") -> int:
    """+1 when the clause before a ratio or risk difference prints a higher percentage for arm a than for arm b
    ("60.3% for the CQ group, compared to 17.6% for SP (OR 0.106)"), -1 when lower, 0 when it prints neither:
    the numbers decide which arm the ratio is about."""
    if not a or not b:
        return 0
    lo = max(prev_end, clause_bounds(seg, est_start)[0])
    rate_a, rate_b = _rate_of(seg, groups, a, lo, est_start), _rate_of(seg, groups, b, lo, est_start)
    if rate_a is None or rate_b is None or rate_a == rate_b:
        return 0
    higher = 1 if rate_a > rate_b else -1
    # "3-year overall survival was 50.3% in A and 48.1% in B (HR 1.08)": shares of patients free of the event the
    # ratio counts, so the arm with more of them has less of the event
    # (a hazard ratio; an odds ratio may be the odds of surviving)
    return -higher if measure == "HR" and _SHARE_FREE_OF_EVENT.search(seg, lo, est_start) else higher


def _direction_for(measure: str, seg: str, est_start: int, tail_end: int, prev_end: int) -> int:
    """The direction the sentence claims for the first-named arm, as `orient` uses it. A risk difference is turned
    only by a claim made before it ("lower for X than for Y (...; RD 18%)"), never when the text orders the
    difference itself ("a difference between A and B of 1.5%") or by a word after it, about something else."""
    if measure == "RD":
        since = prev_end if prev_end and _CONTRAST.search(seg, prev_end, est_start) else 0
        before = [w for w in _direction_words(seg) if since <= w.start() < est_start]
        if not before or re.search(r"\bdifferences?\b[^.;]{0,80}\bbetween\b", seg[:est_start], re.I):
            return 0
    return claimed_direction(seg, est_start, tail_end, prev_end)


def clause_bounds(seg: str, pos: int) -> tuple[int, int]:
    """The clause around `pos`: between semicolons that are not inside brackets."""
    cuts = _clause_cuts(seg)
    for a, b in zip(cuts, cuts[1:]):
        if a <= pos < b:
            return a, b - 1
    return 0, len(seg)


@lru_cache(maxsize=16)
def _clause_cuts(seg: str) -> tuple:
    depth, cuts = 0, [0]
    for i, ch in enumerate(seg):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            cuts.append(i + 1)
    cuts.append(len(seg) + 1)
    # a semicolon inside the statistics ("HR, 0.45; 95% CI, 0.28-0.72; P = 0.001") does not end the clause
    # ... nor does one before the ratio of the counts just printed ("12/90 with X v 20/88 without X; RR 0.58")
    return tuple(c for c in cuts if c == 0 or not re.match(r"\s*(?:\d|[Pp]\b|[Pp][- ]value|CI\b|I\s*\u00b2|I2\b|"
                                                          r"(?:RR|OR|HR|IRR|RD|ARR)\s*[=:,]?\s*\d)", seg[c:c + 12]))


def arms_for_comparison(seg: str, groups: list[Group], est_start: int, est_index: int, n_in_sentence: int,
                        measure: str, value: float, tail_end: int = 0, prev_end: int = 0,
                        controls: frozenset = frozenset()) -> tuple[str, str, bool]:
    """(intervention, comparator, found_in_sentence) for a comparative estimate at `est_start`."""
    c0, c1 = clause_bounds(seg, est_start)
    if c0 > 0 or c1 < len(seg):
        # a clause naming no arm ("; among seronegative patients, 36% and 43% (HR 0.66)") takes the arms
        # of the document's last comparison, not whichever arm the previous clause happened to end with
        groups = [g for g in groups if c0 <= g.start < c1]
    if measure in MEAN_DIFFERENCE_MEASURES or measure == "RD":
        claimed = difference_claimed_after(seg, groups, est_start, value)
        if claimed is not None:
            return claimed[0], claimed[1], True
    inside = _pair_in_own_bracket(seg, groups, est_start, tail_end)
    if inside is not None:
        # "(difference 1.6 mm, 95% CI -4.2 to 7.4, A minus B)", "(HR 0.80 ...; A vs B)": the order the bracket states
        return inside[0], inside[1], True
    after = _compared_right_after(seg, groups, est_start) if measure in RATIO or measure == "RRR" else None
    if after is not None:
        # "a rate that was 47.7% lower with A than with B": the comparison written right after the value
        return after[0], after[1], True
    against = _comparator_in_measure_name(seg, groups, est_start)
    if against is not None:
        # "6.9 months with nivolumab (hazard ratio for the comparison with ipilimumab, 0.57)": the ratio's own words
        # name its comparator; its arm is the one named before them
        others = [g for g in groups if g.name != against.name and g.end <= est_start]
        return (others[-1].name if others else ""), against.name, True
    named = _arm_in_measure_name(seg, groups, est_start)
    if named is not None:
        # "hazard ratio in the empagliflozin group, 0.86", "relative risk of clearance in chloroquine group = 0.87":
        # the ratio names its own arm; the other arm of the clause is its comparator
        others = [g for g in groups if g.name != named.name and g.end <= est_start]
        return named.name, (others[-1].name if others else ""), True
    labelled = _comparison_label_before(seg, groups, est_start, prev_end)
    if labelled is not None:
        # "D2 versus placebo: -0.05% [95% CI ...]", "18% versus B (HR 0.82)": the comparison printed as the
        # value's own label; a first arm printed by a word no mention covers comes back as UNNAMED_ARM + word
        return labelled[0], labelled[1], True
    reference = _reference_arm(seg, groups)
    if reference is not None:
        # "HR ... for azathioprine (reference: rituximab)": the text names the comparator outright
        others = [g for g in groups if g.name != reference.name]
        forward = [g for g in others if g.start >= tail_end and _FORWARD_ARM.match(seg[max(tail_end, est_start):g.start])]
        before = [g for g in others if g.end <= est_start]
        own = forward[0] if forward else (before[-1] if before else None)
        return (own.name if own else ""), reference.name, True
    listed = _respective_pairs(seg, groups, c0, c1, est_start) if n_in_sentence > 1 else []
    i = est_index - (n_in_sentence - len(listed))
    if len(listed) > 1 and 0 <= i < len(listed):
        # "no differences between P1 and R or between P2 and R (0.81 ..., and -3.50 ..., respectively)", "P3 was
        # larger than P1 and P2 (14.59 ..., and 18.90 ..., respectively)": the list's pairs, in order, as printed
        return listed[i][0], listed[i][1], True
    comp = find_comparison(seg[:c1] if c0 == 0 else seg, [g for g in groups]) if groups else None
    if comp is None:
        # arms named before an earlier estimate of the sentence belong to that estimate
        pair = two_arm_clause(seg, [g for g in groups if g.start >= prev_end], est_start, controls)
        if pair is not None:
            return (*orient(measure, value, pair[0], pair[1],
                           direction_from_rates(seg, groups, pair[0], pair[1], est_start, prev_end, measure)
                           or _direction_for(measure, seg, est_start, tail_end, prev_end)), True)
        tail = max(tail_end, est_start)
        for g in groups:
            if g.start >= tail and g.start - tail <= 40 and _FORWARD_ARM.match(seg[tail:g.start]):
                # "The difference from placebo was 3.1 points (...) for A and 2.5 points (...) for B": the comparator
                # the quantity's own name gives before the values
                against = [h for h in groups if h.end <= est_start and h.name != g.name
                           and _DIFFERENCE_AGAINST.search(seg, max(0, h.start - 60), h.start)]
                return g.name, (against[-1].name if against else ""), True
    own = [g for g in groups if g.end <= est_start]
    own_g = own[-1] if own else None
    if comp is None and est_index > 0 and not any(prev_end <= g.start < est_start for g in groups):
        # "0.11 and 0.22 in the X and Y groups, respectively (difference ...) and 0.10 and 0.25 in trial 2
        # (difference ...)": no arm since the previous estimate, so the sentence's comparison carries on
        return "", "", False
    if comp is not None and est_index > 0 and prev_end and _BETWEEN.search(seg, 0, prev_end):
        # "between the control and daily (MD ...) or control and bolus groups (MD ...)": each comparison of a list
        # after "between" is the pair named since the previous estimate, as printed
        # (an adjusted figure printed right after, "adjusted -1.40", is the same pair's: the last pair before it)
        before = [g for g in groups if g.end <= est_start]
        pairs = [(x, y) for x, y in zip(before, before[1:]) if x.name != y.name
                 and re.fullmatch(r"\s+and\s+(?:the\s+)?", seg[x.end:y.start])]
        if pairs and pairs[-1][1].end <= est_start and (pairs[-1][0].start >= prev_end or not any(
                prev_end <= g.start < est_start for g in groups)):
            return pairs[-1][0].name, pairs[-1][1].name, True
    if comp is not None:
        subj, obj = _names(comp.subject), _names(comp.obj)
        forward = _arm_right_after(seg, comp.subject, est_start, tail_end) if len(subj) > 1 else None
        if re.search(r"\brespectively\b", seg) and len(subj) == n_in_sentence and n_in_sentence > 1:
            a, b = subj[est_index], (obj[0] if obj else "")
        elif forward is not None and forward.name not in obj:
            # "0.85 (95% CI ...) with A and 0.86 (95% CI ...) with B, each as compared with C": each value names its
            # own arm of the comparison right after it
            a, b = forward.name, (obj[0] if obj else "")
        elif own_g is not None and own_g.name in obj and own_g.name not in subj:
            a, b = subj[-1] if len(subj) == 1 else _nearest_name(comp.subject, est_start), own_g.name
        elif own_g is not None and own_g.name in subj:
            a, b = own_g.name, (obj[0] if obj else "")
        else:
            a, b = subj[0], (obj[0] if obj else "")
        if a == b:
            b = ""
        return (*orient(measure, value, a, b, direction_from_rates(seg, groups, a, b, est_start, prev_end, measure)
                        or _direction_for(measure, seg, est_start, tail_end, prev_end)), True)
    if own_g is not None:
        # "... compared with placebo (HR 0.28)": the arm named is the reference, not the intervention
        if _COMPARATOR_BEFORE.search(seg[max(0, own_g.start - 80):own_g.start]):
            return "", own_g.name, True
        return own_g.name, "", True
    return "", "", False


# the words between a comparison connector and the arm it names as the comparator: "compared with placebo", "than in
# those given placebo", "relative to patients who were randomized to receive placebo", "versus the usual care group"
_PEOPLE_WORD = r"(?:patients|participants|subjects|people|persons|individuals|children|infants|adults|women|men|those|ones)"
_COMPARATOR_BEFORE = re.compile(
    r"(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs\.?|than|relative\s+to)\s+"
    r"(?:(?:in|among|for|with|on)\s+)?(?:the\s+)?"
    r"(?:(?:" + _PEOPLE_WORD + r")\s+(?:(?:who\s+(?:were\s+|had\s+been\s+)?)?(?:in|on|given|receiving|received|taking|"
    r"treated\s+with|allocated\s+to|assigned\s+to|randomi[sz]ed\s+to|randomly\s+assigned\s+to)\s+(?:receive\s+)?(?:the\s+)?)?)?"
    r"(?:\w+\s+){0,2}$", re.I)


# "A versus B: ", "A vs. B, ", "A compared with B (HR ", "45% versus B (hazard ratio [HR] ": a comparison printed
# right before its value (or the bracket holding it), nothing else between
_LABEL_BEFORE = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:with|to)|relative\s+to)\s+(?:the\s+)?(?P<b>[^\s:;,()\[\]]"
                           r"[^:;,()\[\]]{0,40}?)\s*(?:[:,=]\s*|[(\[]\s*(?:(?:[\w-]+\s+){0,2}(?:ratio|difference)s?\s*"
                           r"(?:[\[(]\s*\w+\s*[\])])?|[A-Z]{1,4})?\s*[:,=]?\s*|(?P<bare>\s+))$", re.I)


_DOSE_TAIL = re.compile(r"\s*\d+(?:[.,/]\d+)*\s*(?:mg|g|\u00b5g|\u03bcg|mcg|IU|ml|mL)(?:/\w+)?\s*(?:group|arm)?\s*", re.I)


#: the prefix of a first arm printed by a word that no arm mention covers ("D2 versus placebo: ...")
UNNAMED_ARM = "?"
# the first slot of "A versus B:", printed right after a clause opening ("HbA1c: D2 versus", "[D2 versus", "; D3 vs.")
_FIRST_SLOT = re.compile(r"(?:^|[:;(\[]\s*)(?P<w>[A-Za-z][\w/+-]{0,15}(?:\s+[\w/+-]{1,15}){0,2})\s+$")


# an arm printed by capitals (an abbreviation, "AB/FF") and its dose ("FF 12 μg", "AB/FF 400/12 μg")
_ABBREVIATED_ARM = re.compile(r"[A-Z]{2,6}(?:/[A-Z]{2,6})*(?:\s+\d+(?:[./]\d+)*\s*(?:\u03bcg|\u00b5g|mcg|mg|g|IU))?")
# the sentence's subject, before its verb: "Results: AB/FF 400/12 μg reduced the risk ..."
_SUBJECT = re.compile(r"\s*(?:[A-Z][a-z]+\s*[:,]\s*)?(?P<s>[A-Z][\w/+.-]*(?:\s+[\w/+.\u03bc\u00b5-]+){0,3}?)\s+"
                      r"(?:reduced|lowered|increased|improved|decreased|prolonged|delayed|prevented|cut)\b")
_ABBREVIATED_SUBJECT = re.compile(_SUBJECT.pattern.replace("(?P<s>[A-Z][\\w/+.-]*(?:\\s+[\\w/+.\\u03bc\\u00b5-]+){0,3}?)",
                                                           "(?P<s>" + _ABBREVIATED_ARM.pattern + ")"))


def _comparison_label_before(seg: str, groups, est_start: int, prev_end: int) -> tuple[str, str] | None:
    """(A, B) of a comparison printed as the value's own label ("A versus B: -0.05%"), B an arm of the sentence;
    A the arm named right before the connector, or "" when none is (the subject named earlier is not A's
    proof: "X reduced the risk by 45% versus B (HR 0.55), 18% versus C (HR 0.82)" leaves A to the caller's rules
    only when no arm stands before the connector)."""
    lo = max(prev_end, est_start - 90)
    m = _LABEL_BEFORE.search(seg, lo, est_start)
    if m is None:
        return None
    b = [g for g in groups if m.start("b") <= g.start and g.end <= m.end("b")]
    if not b and _ABBREVIATED_ARM.fullmatch(seg[m.start("b"):m.end("b")].strip()):
        # "18% versus FF 12 μg (HR 0.82)": an arm printed by an abbreviation no mention covers (and its dose); its
        # first arm the sentence's subject ("AB/FF 400/12 μg reduced the risk ...") when no arm stands before
        subject = _SUBJECT.match(seg)
        first = ""
        if subject is not None:
            own = [g for g in groups if subject.start("s") <= g.start and g.end <= subject.end("s")]
            first = own[0].name if own else UNNAMED_ARM + subject.group("s")
        return first, UNNAMED_ARM + seg[m.start("b"):m.end("b")].strip()
    if len(b) != 1 or b[0].start != m.start("b") or m.end("b") - b[0].end > 12 \
            or re.search(r"\d", seg[b[0].end:m.end("b")]) and not _DOSE_TAIL.fullmatch(seg, b[0].end, m.end("b")):
        return None     # the arm right after the connector, then at most its dose or "group" before the value
    if m.group("bare") and m.end("b") != b[0].end:
        return None     # "versus B -0.73 m/s": nothing between the arm and the value; not "relative to B were 11.66"
    # the first arm: the last one named before the connector with words alone between them ("the A had a
    # significantly higher risk of relapse relative to the B (hazard ratio: ..."), however long the claim
    a = [g for g in groups if max(prev_end, est_start - 240) <= g.start and g.end <= m.start() and g.name != b[0].name
         and not re.search(r"[;:()\[\]]|\d", seg[g.end:m.start()])]
    if a:
        return a[-1].name, b[0].name
    word = _FIRST_SLOT.search(seg, lo, m.start())
    subject = _ABBREVIATED_SUBJECT.match(seg) if word is None else None
    if subject is not None:
        # "AB/FF 400/12 μg reduced the risk ... by 45% versus placebo (HR 0.55)": the subject, an abbreviated arm
        return UNNAMED_ARM + subject.group("s"), b[0].name
    return (UNNAMED_ARM + word.group("w") if word else ""), b[0].name


_LEAD_CONNECTOR = re.compile(r"\s*(?:group|arm|patients)?s?\s*[)\]]?\s*(?:vs\.?|versus|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|"
                             r"relative\s+to|against)\s+(?:the\s+|those\s+(?:on|in|with|receiving)\s+)?$", re.I)
# after the second arm of a comparison opening the clause, only the estimate's name: "For B compared with A, the
# adjusted hazard ratio was ", "A vs. B, OR ", "A versus B (odds ratio, ", "in A relative to B the mean difference was "
_LEAD_TAIL = re.compile(r"\s*(?:group|arm|patients)?s?\s*[)\]]?\s*[,:]?\s*(?:[(\[]\s*)?(?:the\s+|an?\s+)?(?:[\w'-]+\s+){0,4}?"
                        r"(?:ratios?|HRs?|ORs?|RRs?|IRRs?|differences?|MDs?|SMDs?|RDs?|\u0394)\s*(?:[(\[]\s*\w+\s*[)\]]\s*)?"
                        r"(?:\s*(?:was|were|of|is|=|:|,)\s*)*$", re.I)


# after a multiple's value, the words that name the second arm: "5.2 times more than that of B", "2.4 times as likely
# to vomit as those given B", "3 times higher in A than in B", "1.8-fold greater odds compared with B"
_MULTIPLE_THEN_ARM = re.compile(r"\s*(?:-\s*)?(?:times|fold)\b[^.;()\d]{0,60}?\b(?:than|as|compared\s+(?:with|to)|relative\s+to|"
                                r"versus|vs\.?)\s+(?:(?:that|those)\s+(?:of|in|with|on|for|given|receiving)\s+)?(?:(?:in|with|on|for|among)\s+)?"
                                r"(?:the\s+|patients\s+(?:in|on|given|receiving)\s+(?:the\s+)?)?$", re.I)


def order_said(seg: str, groups, est_start: int, est_end: int, prev_end: int = 0) -> tuple[str, str] | None:
    """(A, B) when the words around an estimate compare two arms in that order:
    - before it, nothing but the estimate's name between the comparison and its value: "B vs A: OR 0.48", "For B
      compared with A, the hazard ratio was 1.62", "A versus B (odds ratio, 2.1", "In A relative to B the mean
      difference was -1.2";
    - a multiple, its first arm before the value and the second after it: "X in A was 5.2 times more than that of
      B", "A were 2.4 times as likely to vomit as those given B", "3 times higher in A than in B".
    The estimate is then A against B as written, whichever arm the study calls the control (a control-first ratio
    is turned later, never swapped)."""
    lo = max(prev_end, est_start - 160)
    pair = _comparison_label_before(seg, groups, est_start, prev_end)
    if pair is not None and all(x and not x.startswith(UNNAMED_ARM) for x in pair):
        return pair
    inside = [g for g in groups if lo <= g.start and g.end <= est_start]
    for first, second in zip(inside, inside[1:]):
        if first.name == second.name or not _LEAD_CONNECTOR.fullmatch(seg, first.end, second.start):
            continue
        if re.search(r"[\d;]", seg[second.end:est_start]) or not _LEAD_TAIL.fullmatch(seg, second.end, est_start):
            continue
        return first.name, second.name
    after = [g for g in groups if est_end <= g.start <= est_end + 90]
    if after and _MULTIPLE_THEN_ARM.fullmatch(seg, est_end, after[0].start):
        c0, _ = clause_bounds(seg, est_start)
        before = [g for g in groups if max(c0, prev_end) <= g.start and g.end <= est_start and g.name != after[0].name]
        # (the second arm may come first after the value: "3 times higher in A than in B")
        if not before and len(after) > 1 and after[1].name != after[0].name \
                and re.fullmatch(r"\s*(?:group|arm)?s?\s*(?:than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:(?:in|with|on|among)\s+)?(?:the\s+)?",
                                 seg[after[0].end:after[1].start], re.I):
            return after[0].name, after[1].name
        if before:
            return before[-1].name, after[0].name
    return None


# "relative risk of clearance in chloroquine group = 0.87", "hazard ratio in the X group, 0.86"
# "hazard ratio with nintedanib, 1.15" (but not "hazard ratio compared with placebo, 0.8")
_RATIO_NAMED_IN = re.compile(r"\b(?:ratio|risk|RR|HR|OR|IRR)\b[^()\d;]{0,40}?(?:\b(?:in|among|for)|(?<!compared\s)(?<!combined\s)"
                             r"(?<!together\s)\bwith)\s+(?:the\s+)?$", re.I)
_ARM_THEN_VALUE = re.compile(r"^[\s-]*(?:group|arm|patients|participants)?\s*(?:[,:=]|\bwas\b|\bof\b)?\s*$", re.I)


_PAIR_JOIN = re.compile(r"\s*(?:group|arm)?\s*(?:minus|\u2212|-|versus|vs\.?|compared\s+(?:with|to)|relative\s+to|over)\s*(?:the\s+)?",
                        re.I)
_BRACKET_REST = re.compile(r"[^()\[\]]*")


def _pair_in_own_bracket(seg: str, groups, est_start: int, tail_end: int) -> tuple[str, str] | None:
    """(A, B) of "A minus B", "A vs B" printed inside the bracket that holds the estimate, after its value and
    interval: the bracket says which arm is measured against which."""
    opened = max(seg.rfind("(", 0, est_start), seg.rfind("[", 0, est_start))
    if opened < 0 or re.search(r"[)\]]", seg[opened:est_start]):
        return None
    # "(A vs B OR 0.62, 95% CI ...)", "(A versus B: HR 0.80": the pair opens the bracket, then the estimate's name
    leading = [g for g in groups if opened < g.start and g.end <= est_start]
    if len(leading) == 2 and leading[0].name != leading[1].name and not seg[opened + 1:leading[0].start].strip() \
            and _PAIR_JOIN.fullmatch(seg, leading[0].end, leading[1].start) \
            and _LEAD_TAIL.fullmatch(seg, leading[1].end, est_start):
        return leading[0].name, leading[1].name
    rest = _BRACKET_REST.match(seg, max(est_start, tail_end))
    close = rest.end()
    if close >= len(seg) or seg[close] not in ")]":
        return None
    # (an arm's group may hold the closing bracket: groups_from swallows it)
    inside = [g for g in groups if max(est_start, tail_end) <= g.start and g.end <= close + 1]
    for a, b in zip(inside, inside[1:]):
        if a.name != b.name and _PAIR_JOIN.fullmatch(seg, a.end, b.start) \
                and not re.search(r"[A-Za-z]", seg[min(b.end, close):close].replace("group", "").replace("arm", "")):
            return a.name, b.name
    return None


def _arm_in_measure_name(seg: str, groups, est_start: int) -> Group | None:
    """The arm a ratio's own name puts it in: "relative risk of clearance in chloroquine group = 0.87" is the
    chloroquine group's risk relative to the other arm's."""
    before = [g for g in groups if g.end <= est_start]
    if not before:
        return None
    g = before[-1]
    if _ARM_THEN_VALUE.match(seg[g.end:est_start]) and _RATIO_NAMED_IN.search(seg[max(0, g.start - 70):g.start]):
        return g
    return None


_VALUE_THEN_CLAIM = re.compile(r"[-\u2212]?[\d.,]+\s*%?\s*(?:(?:points?|percent)\s+)?(?:lower|higher|less|more|greater|fewer|smaller|"
                               r"larger)\s+(?:with|in|among|for|on)\s+(?:the\s+)?", re.I)
_THAN_ARM = re.compile(r"\s*(?:group|arm)?\s*(?:than|vs\.?|versus|compared\s+(?:with|to))\s+(?:(?:with|in|among|for|on)\s+)?(?:the\s+)?",
                       re.I)


def _compared_right_after(seg: str, groups, est_start: int) -> tuple[str, str] | None:
    """(A, B) of "47.7% lower with A than with B" written right after the value at `est_start`."""
    m = _VALUE_THEN_CLAIM.match(seg, est_start)
    if m is None:
        return None
    first = next((g for g in groups if g.start == m.end()), None)
    join = _THAN_ARM.match(seg, first.end) if first is not None else None
    second = next((g for g in groups if join is not None and g.start == join.end()), None)
    if second is None or second.name == first.name:
        return None
    return first.name, second.name


# a difference's values, one or a list, each with its unit and interval, before the claim that orders them:
# "3.3 (95% CI 0.3 to 6.3) mmHg, 2.3 mmHg (95% CI 0.5 to 4.2) and 0.3 mmol/L (...) lower in the A group compared to B",
# "2.1 points (95% CI 0.4-3.8) higher with A than with B", "1.8 fewer days in hospital among A than among B"
_DIFFERENCE_VALUES = re.compile(r"(?:[-\u2212]?\d[\d.,]*\s*(?:%|[A-Za-z\u00b5\u03bc/]{1,10}(?:\s+points?)?)?\s*"
                                r"(?:[(\[][^()\[\]]{0,80}[)\]]\s*)?(?:[A-Za-z\u00b5\u03bc/]{1,10}\s*)?(?:,\s*(?:and\s+)?|and\s+|or\s+)?)+?"
                                r"(?P<claim>(?P<less>lower|less|fewer|smaller|shorter|reduced)|(?P<more>higher|more|greater|larger|longer|increased))"
                                r"\s+(?:(?:[a-z]+\s+){0,3}?)(?:in|with|among|for|on|by)\s+(?:the\s+)?", re.I)
_THAN_ARM_DIFFERENCE = re.compile(r"\s*(?:group|arm|patients|participants)?\s*(?:[(\[][^()\[\]]{0,80}[)\]]\s*)?(?:than|vs\.?|versus|compared\s+(?:with|to)|relative\s+to)"
                                  r"\s+(?:(?:with|in|among|for|on|by)\s+)?(?:the\s+)?(?:(?:patients|participants|those)\s+(?:in|on|receiving)\s+(?:the\s+)?)?",
                                  re.I)


def difference_claimed_after(seg: str, groups, est_start: int, value: float | None = None) -> tuple[str, str] | None:
    """(first, second) of a difference whose own value is followed by the words that order it: "x lower in A
    compared to B" is B minus A, so (B, A); "x higher with A than with B" is (A, B). A value already signed (printed
    with its sign, or signed by an interval below zero: "-1.4 points lower in A than in B") is A minus B as the words
    order the arms. None when no such claim follows the value (or its list of values) directly."""
    m = _DIFFERENCE_VALUES.match(seg, est_start)
    if m is None:
        return _claimed_before_by(seg, groups, est_start, value)
    first = next((g for g in groups if g.start == m.end()), None)
    join = _THAN_ARM_DIFFERENCE.match(seg, first.end) if first is not None else None
    second = next((g for g in groups if join is not None and g.start == join.end()), None)
    if second is None or second.name == first.name:
        return None
    less = m.group("less") and not (value is not None and value < 0)
    return (second.name, first.name) if less else (first.name, second.name)


# the claim before the value: "lower by 1.2 points in A than in B", "shorter by 2.5 hours with A compared with B"
_CLAIM_THEN_BY = re.compile(r"\b(?:(?P<less>lower|less|fewer|smaller|shorter|reduced)|(?P<more>higher|more|greater|larger|longer|"
                            r"increased))\s+by\s+(?:about\s+|approximately\s+|nearly\s+|an\s+average\s+of\s+)?[-+\u2212]?$", re.I)
_VALUE_THEN_ARM = re.compile(r"[-+\u2212]?\d[\d.,]*\s*(?:%|[A-Za-z\u00b5\u03bc/]{1,10}(?:\s+points?)?)?\s*(?:[(\[][^()\[\]]{0,80}[)\]]\s*)?"
                             r"(?:in|with|among|for|on)\s+(?:the\s+)?", re.I)


def _claimed_before_by(seg: str, groups, est_start: int, value: float | None) -> tuple[str, str] | None:
    """(first, second) of "lower by x in A than in B" (B minus A) or "higher by x with A than with B" (A minus B): the
    claim before the value, both arms after it."""
    claim = _CLAIM_THEN_BY.search(seg, max(0, est_start - 40), est_start)
    arm_at = _VALUE_THEN_ARM.match(seg, est_start) if claim is not None else None
    first = next((g for g in groups if arm_at is not None and g.start == arm_at.end()), None)
    join = _THAN_ARM_DIFFERENCE.match(seg, first.end) if first is not None else None
    second = next((g for g in groups if join is not None and g.start == join.end()), None)
    if second is None or second.name == first.name:
        return None
    less = claim.group("less") and not (value is not None and value < 0)
    return (second.name, first.name) if less else (first.name, second.name)


_COMPARED_IN_RATIO = re.compile(r"\b(?:ratio|risk|RR|HR|OR|IRR)\b[^()\d;]{0,40}?\b(?:comparisons?\s+(?:with|to|against)|"
                                r"versus|vs\.?|relative\s+to|compared\s+(?:with|to))\s+(?:the\s+)?$", re.I)


def _comparator_in_measure_name(seg: str, groups, est_start: int) -> Group | None:
    """The arm a ratio's own words compare with, right before its value ("hazard ratio for the comparison with
    ipilimumab, 0.57")."""
    before = [g for g in groups if g.end <= est_start]
    if not before:
        return None
    g = before[-1]
    if _ARM_THEN_VALUE.match(seg[g.end:est_start]) and _COMPARED_IN_RATIO.search(seg[max(0, g.start - 70):g.start]):
        return g
    return None


_REFERENCE = {"placebo", "control"}
# "reference: X", "the referent group was X", "the baseline for comparison is the X group"
_REFERENCE_BEFORE = re.compile(r"\b(?:reference|referent|(?:baseline|reference)\s+for\s+(?:the\s+)?comparisons?)\s*"
                               r"(?:group|category|arm)?\s*[:=,]?\s*(?:(?:was|is)\s+)?(?:the\s+)?$", re.I)
_REFERENCE_AFTER = re.compile(r"^\s*(?:group\s+|arm\s+)?(?:was\s+used\s+)?(?:as|was)\s+(?:the\s+)?(?:reference|referent)\b", re.I)


def _reference_arm(seg: str, groups) -> Group | None:
    """The arm the text declares the reference ("reference: rituximab", "with RTX as the reference")."""
    for g in groups:
        if _REFERENCE_BEFORE.search(seg[max(0, g.start - 40):g.start]) or _REFERENCE_AFTER.match(seg[g.end:g.end + 40]):
            return g
    return None


def declared_reference(notes: str, arms: list) -> object | None:
    """The one arm of `arms` a table's caption or footnotes (`notes`) declare the reference of its comparisons ("the
    baseline for comparison is the LGG group", "placebo as the reference"), by any of the arm's names (its name and
    aliases, three letters or more); None when they declare none, or two."""
    found = []
    for arm in arms:
        for name in {str(arm.name or "").lower(), *(str(x).lower() for x in arm.aliases)}:
            if len(name) < 3:
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", notes or "", re.I):
                if _REFERENCE_BEFORE.search(notes[max(0, m.start() - 60):m.start()]) or \
                        _REFERENCE_AFTER.match(notes[m.end():m.end() + 40]):
                    found.append(arm)
    unique = list({id(a): a for a in found}.values())
    return unique[0] if len(unique) == 1 else None


def two_arm_clause(seg: str, groups: list[Group], est_start: int, controls: frozenset = frozenset()) -> tuple[str, str] | None:
    """ "3 of 96 in the eculizumab group and 20 of 47 in the placebo group (HR 0.06)": with no comparison
    word, the two arms named before the estimate are intervention and comparator, placebo or control last (or the
    study's control arm, `controls`: "high in the standard care control and not higher with the added service")."""
    c0, _ = clause_bounds(seg, est_start)
    names = _names([g for g in groups if c0 <= g.start and g.end <= est_start])
    if len(names) != 2:
        return None
    a, b = names
    reference = _REFERENCE | controls
    if a in reference and b not in reference:
        a, b = b, a
    return a, b


# "the difference from placebo", "the mean difference versus the X group", "the rate ratio relative to X": a quantity named
# against its comparator
_DIFFERENCE_AGAINST = re.compile(r"\b(?:differences?|ratios?|reductions?|effects?)\s+(?:from|versus|vs\.?|against|"
                                 r"compared\s+(?:with|to)|relative\s+to)\s+(?:the\s+)?$", re.I)


def _arm_right_after(seg: str, subject: list[Group], est_start: int, tail_end: int) -> Group | None:
    """The arm of a comparison's subject named right after an estimate and its interval ("0.86 (95% CI, 0.73 to
    1.02) with the B group"), or None."""
    tail = max(tail_end, est_start)
    for g in subject:
        if g.start >= tail and g.start - tail <= 40 and _FORWARD_ARM.match(seg[tail:g.start]):
            return g
    return None


def _nearest_name(gs: list[Group], pos: int) -> str:
    before = [g for g in gs if g.end <= pos]
    return (before[-1] if before else gs[0]).name


# "assigned to X", "who were randomized to receive X": the people counted by the arm they were given
_ASSIGNED_TO = r"(?:who\s+were\s+)?(?:randomi[sz]ed|randomly\s+assigned|assigned|allocated)\s+to(?:\s+receive)?"
_FORWARD_ARM = re.compile(
    # ("40 (59%) children in the A group": the people counted, then their arm)
    # ("0.46 among patients assigned to X and 0.87 among those assigned to placebo": the arm they were assigned)
    r"^\s*[)\]]?\s*(?:patients|participants|children|infants|adults)?\s*[)\]]?\s*(?:[\[(][^\[\]()]{0,30}[\])]\s*)?(?:,?\s*(?:in|on|of|for|with|without|among|during|receiving|treated\s+with|given|who\s+received|who\s+were\s+(?:treated\s+with|given)|" + _ASSIGNED_TO + r")\s+"
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:patients|participants|children|those|women|men|infants)\s+(?:on|receiving|treated\s+with|given|with|in\s+the|" + _ASSIGNED_TO + r")\s+(?:the\s+|an?\s+)?)?)?(?:[\[(]\s*)?$",
    re.I,
)


def arm_for_single(seg: str, groups: list[Group], start: int, end: int, tail_end: int = 0,
                   adjacent: bool = False) -> str:
    """The arm a single-arm quantity belongs to: named right after it ("0.25 on rituximab", "78.6% EFG"),
    or after its interval and p-value, else the nearest arm named before it in the sentence (with
    `adjacent`, only one named close before it, in the same clause, with no other number in between)."""
    inside = [g for g in groups if start <= g.start and g.end <= end]
    if inside:
        return inside[0].name        # "23.5% PBO (n=4/17)": the arm is named within the quantity
    for pos in dict.fromkeys((end, max(end, tail_end))):
        for g in groups:
            if g.start >= pos and g.start - pos <= 40 and _FORWARD_ARM.match(seg[pos:g.start]):
                return g.name
            if g.start >= pos:
                break
    if adjacent:
        before = [g for g in groups if g.end <= start and start - g.end <= 60]
        if before and not re.search(r"[\d;]", seg[before[-1].end:start]):
            return before[-1].name
        return ""
    before = [g for g in groups if g.end <= start]
    if before:
        return before[-1].name
    return ""


_ARM_WORD = re.compile(r"[a-z][a-z0-9-]{3,}")
_ARM_WORD_STOP = frozenset("group groups arm arms with without plus alone therapy treatment treated patients dose".split())


def _arm_words(name: str) -> set[str]:
    return set(_ARM_WORD.findall(name.lower())) - _ARM_WORD_STOP


def _names_model_arm(name: str, arms: tuple) -> bool:
    """Whether `name` is one of the study model's arms or shares a word of one ("early X" for "X", "X 200 mg")."""
    if name in arms:
        return True
    words = _arm_words(name)
    return any(words & _arm_words(a) for a in arms)


def completed_arms(intervention: str, comparator: str, model: tuple, is_control, named: frozenset = frozenset(),
                   said: tuple[str, str] | None = None) -> tuple[str, str]:
    """The arms of a comparative estimate completed from the study model, as a reviewer completes them:
    - a control arm (placebo, sham, usual care, ...) alone on the row is the comparator, the study's one
      experimental arm the intervention ("compared with placebo, the odds were lower (OR 0.6)");
    - in a study of exactly two arms, one arm known and the other empty compares it with the other arm;
    - in a study of exactly two arms, an "arm" that is none of them and shares no word with either (an outcome's
      words, "reference") is the arm the row lacks, when the sentence names neither of the model's arms otherwise;
    - an arm alone on the row whose absence is an arm of the model too ("zinc" and "no zinc" of a factorial design)
      is against that absence.
    `model` holds the study model's (canonical name, role) pairs, `is_control(name)` says whether a name is a
    control arm, `named` the arm names the sentence mentions, `said` the order the words state for the estimate
    (`order_said`), which wins. A study of more arms gets no arm it does not name: its treatments are several."""
    arms = tuple(dict.fromkeys(a for a, _ in model if a))
    if not arms or (intervention.startswith(UNNAMED_ARM) or comparator.startswith(UNNAMED_ARM)):
        return intervention, comparator
    if said is not None and all(x in arms for x in said) and {intervention, comparator} - {""} <= set(said):
        return said
    if bool(intervention) != bool(comparator):
        # "zinc or no zinc and vitamin A or no vitamin A": an arm of the model whose model also holds its absence is
        # measured against it, however many arms a factorial design has
        known = intervention or comparator
        absent = known.removeprefix("no ") if known.startswith("no ") else "no " + known
        if absent in arms:
            return (known, absent) if not known.startswith("no ") else (absent, known)
    experimental = [a for a, role in model if a and role != "control" and not is_control(a)]
    two = len(arms) == 2
    if two and (intervention or comparator) and not (intervention and comparator):
        known = intervention or comparator
        if known in arms or _names_model_arm(known, arms):
            other = next((a for a in arms if not (a == known or _names_model_arm(known, (a,)))), "")
            if other and len([a for a in arms if _names_model_arm(known, (a,))]) == 1:
                if is_control(known) and not is_control(other):
                    return other, known
                return (known, other) if intervention else (other, known)
    if intervention and not comparator and is_control(intervention):
        # the control named alone is what the estimate is against; its intervention only when the study has one
        return (experimental[0] if len(experimental) == 1 else ""), intervention
    if two and not (named & set(arms)):
        strangers = [x for x in (intervention, comparator) if x and not _names_model_arm(x, arms) and not is_control(x)]
        if len(strangers) == 2 or (len(strangers) == 1 and not (intervention and comparator)):
            # no arm of the row is the study's: its two arms, experimental against control where the model says so
            if len(experimental) == 1 and any(is_control(a) for a in arms):
                control = next(a for a in arms if a != experimental[0])
                return experimental[0], control
            return arms[0], arms[1]
        if len(strangers) == 1:
            kept = comparator if strangers[0] == intervention else intervention
            if kept in arms:
                other = next(a for a in arms if a != kept)
                return (other, kept) if strangers[0] == intervention else (kept, other)
    return intervention, comparator


def _key(text: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).strip()


def _difference_matches(value: float, first: float, second: float) -> bool:
    """Whether a printed difference is `first - second`, to the rounding of printed figures (2 % of the difference,
    or a hundredth)."""
    return abs(value - (first - second)) <= max(0.02 * abs(first - second), 0.011)


def differenced_columns(value: float, figures: dict[int, tuple[object, str, float | None]]) -> tuple[int, int] | None:
    """(a, b): the two columns of a table row whose figures give the printed `value` as a − b, to the rounding of
    printed figures, when exactly one such pair is of two different arms under the same sub-header ("change" of each
    arm: an "Effect size" column printing +1.58 beside the arms' changes +1.28 and -0.30 is their raw difference,
    the first arm's minus the second's). `figures`: {column: (arm, sub-header, leading figure)}. None when no pair or
    several pairs give it, or the value is zero (any two equal figures would)."""
    if not value:
        return None
    found = [(a, b) for a, (arm_a, leaf_a, x) in figures.items() for b, (arm_b, leaf_b, y) in figures.items()
             if a != b and arm_a is not arm_b and leaf_a == leaf_b and x is not None and y is not None and x != y
             and _difference_matches(value, x, y)]
    return found[0] if len(found) == 1 else None


def orient_by_means(per_table: list[list[dict]]) -> None:
    """The mean differences of a table whose arms' means the same table prints for the same outcome and time
    ("Steps per day | 5210 ± 1500 | 6020 ± 1620 | 810 (120 to 1500)"): when the means give the difference the other
    way round (the second arm minus the first, to the rounding of the figures) for a row of a comparison and the
    stated way round for none, every row of that comparison in the table has its arms swapped (an effect column
    has one direction); the value is kept as printed. An adjusted difference that matches neither way decides
    nothing. A difference printed beside the arms' medians (a Hodges-Lehmann estimate, table_effects) is no
    difference of them to the rounding, but it has their difference's sign: rows whose sign is the second median
    minus the first, and at most a third as many the other way, swap the comparison the same way."""
    for found in per_table:
        means: dict[tuple[str, str, str], float] = {}
        medians: dict[tuple[str, str, str], float] = {}
        for row in found:
            if (row.get("measure") == "MEAN" or row.get("measure") == "MEDIAN") and row.get("value") is not None \
                    and row.get("intervention"):
                (means if row["measure"] == "MEAN" else medians).setdefault(
                    (_key(row.get("outcome")), _key(row.get("timepoint")), str(row["intervention"])), float(row["value"]))
        if not means and not medians:
            continue
        votes: dict[tuple, list[int]] = {}
        signs: dict[tuple, list[int]] = {}
        for row in found:
            if row.get("measure") != "MD" or not row.get("intervention") or not row.get("comparator") \
                    or row.get("value") is None:
                continue
            pair = (str(row["intervention"]), str(row["comparator"]))
            where = (_key(row.get("outcome")), _key(row.get("timepoint")))
            first, second = means.get((*where, pair[0])), means.get((*where, pair[1]))
            tally = votes.setdefault(pair, [0, 0])
            low, high = medians.get((*where, pair[0])), medians.get((*where, pair[1]))
            if (first is None or second is None) and low is not None and high is not None and low != high \
                    and float(row["value"]) != 0:
                # (a median's difference: its sign says which arm was subtracted)
                signs.setdefault(pair, [0, 0])[int((float(row["value"]) > 0) == (low > high))] += 1
            if first is None or second is None or first == second:
                continue
            value = float(row["value"])
            stated, turned = _difference_matches(value, first, second), _difference_matches(value, second, first)
            if turned and not stated:
                tally[0] += 1
            elif stated and not turned:
                tally[1] += 1
        for row in found:
            if row.get("measure") != "MD":
                continue
            pair = (str(row.get("intervention")), str(row.get("comparator")))
            turned, stated = votes.get(pair, (0, 0))
            by_sign = signs.get(pair, (0, 0))
            if not turned and not stated and by_sign[0] and 3 * by_sign[1] <= by_sign[0]:
                turned = by_sign[0]
            if turned and not stated:
                row["intervention"], row["comparator"] = row["comparator"], row["intervention"]
                row["n_intervention"], row["n_comparator"] = row.get("n_comparator"), row.get("n_intervention")


# a header cell comparing two arms: "Budesonide 200 µg vs placebo", "400 µg versus 200 µg, RR (95% CI)"
_HEADER_PAIR = re.compile(r"\s*(?P<a>[^|,;()]+?)\s+(?:vs\.?|versus|compared\s+(?:with|to))\s+(?P<b>[^|,;()]+?)\s*(?:[,;(].*)?",
                          re.I)


def column_comparison(scan: str, pos: int, resolve) -> tuple[str, str] | None:
    """(A, B) of the column that holds the value at `pos` of a table printed as pipe lines, when the column's header
    (the block's first line) compares two arms ("Budesonide 200 µg vs placebo", "400 µg vs 200 µg"): each side the
    study arm `resolve` (a name -> canonical name or "") finds for it. None when the value is not in such a column."""
    line_start = scan.rfind("\n", 0, pos) + 1
    line_end = scan.find("\n", pos)
    line = scan[line_start:line_end if line_end >= 0 else len(scan)]
    if not line.lstrip().startswith("|"):
        return None
    start = line_start
    while start > 0:
        previous = scan.rfind("\n", 0, start - 1) + 1
        if not scan[previous:start - 1].lstrip().startswith("|"):
            break
        start = previous
    if start == line_start:
        return None         # the value is in the header itself
    header_end = scan.find("\n", start)
    header = scan[start:header_end if header_end >= 0 else len(scan)].split("|")
    cells = line.split("|")
    col = line[:pos - line_start].count("|")
    if len(header) != len(cells) or not 0 < col < len(header):
        return None
    m = _HEADER_PAIR.fullmatch(header[col])
    if m is None:
        return None
    a, b = resolve(m.group("a")), resolve(m.group("b"))
    return (a, b) if a and b and a != b else None


# two groups of people a sentence contrasts by words alone, neither of them an arm the text names by a treatment:
# "Compared with patients without anaemia, those with anaemia had a higher risk of death (HR 1.52)",
# "the risk was higher in smokers than in non-smokers (RR 1.38)", "men were more likely than women to be readmitted"
_GROUP_PHRASE = r"[A-Za-z][\w\u2265\u2264<>=.-]*(?:\s+[\w\u2265\u2264<>=.-]+){0,6}?"
_HEADING = r"^\s*(?:[A-Z][A-Za-z ]{0,30}:\s*)?"      # "Results: " before the sentence
_LEADING_CONTRAST = re.compile(_HEADING + r"(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|versus|vs\.?)\s+"
                               r"(?P<b>" + _GROUP_PHRASE + r")\s*,\s*(?P<a>" + _GROUP_PHRASE + r")\s+"
                               r"(?:had|have|has|was|were|is|are|showed|experienced|reported|carried)\b", re.I)
_IN_THAN_IN = re.compile(r"\b(?:higher|lower|greater|more|less|fewer|increased|reduced|decreased|shorter|longer|better|worse)\b"
                         r"(?:\s+[\w-]+){0,3}?\s+(?:in|among|for)\s+(?P<a>" + _GROUP_PHRASE + r")\s+than\s+(?:in|among|for)\s+"
                         r"(?P<b>" + _GROUP_PHRASE + r")\s*(?:[(\[,;]|$)", re.I)
_SUBJECT_THAN = re.compile(_HEADING + r"(?:the\s+)?(?P<a>" + _GROUP_PHRASE + r")\s+(?:were|was|had|have|showed|experienced)\s+"
                           r"(?:\w+\s+){0,2}?(?:more|less|higher|lower|greater|fewer)\b(?:\s+[\w-]+){0,4}?\s+than\s+"
                           r"(?:were\s+|did\s+|those\s+(?:with(?:out)?|in|aged|who)\s+)?(?P<b>" + _GROUP_PHRASE + r")"
                           r"(?:\s+(?:to|in|at|for|of)\b[^(\[]*)?\s*(?:[(\[,;]|$)", re.I)
# a phrase that is a quantity or a threshold, not a group of people ("than expected", "than 50%", "than at baseline")
_NOT_A_GROUP = re.compile(r"(?i)^(?:expected|predicted|before|baseline|usual|previously|at\b|in\s+the\s+previous|the\s+(?:risk|rate|odds)\b)"
                          r"|^\d|%")
# a contrasted phrase ends before what the comparison is about ("women to be readmitted")
_PHRASE_TAIL = re.compile(r"\s+(?:to|at|for|of|in|during|after|within)\b.*$", re.I)


def contrasted_groups(seg: str, est_start: int) -> tuple[str, str] | None:
    """(A, B) of two groups of people the clause before an estimate contrasts in words ("compared with B, A had",
    "higher in A than in B", "A were more likely than B"), A the group the estimate is about; None when the clause
    contrasts no such groups."""
    c0, _ = clause_bounds(seg, est_start)
    clause = seg[c0:est_start]
    bracket = clause.rfind("(")
    text = clause[:bracket] if bracket >= 0 else clause
    for pattern in (_LEADING_CONTRAST, _IN_THAN_IN, _SUBJECT_THAN):
        m = pattern.search(text)
        if m is None:
            continue
        a, b = (_PHRASE_TAIL.sub("", m.group(k)).strip(" ,;") for k in ("a", "b"))
        having = re.search(r"(?i)\bwith\s+(?P<what>.+)$", a)
        if having and re.fullmatch(r"(?i)(?:those|patients|participants|people|women|men|children)\s+without", b):
            b = f"{b} {having.group('what')}"       # "in patients with diabetes than in those without"
        if a and b and a.lower() != b.lower() and not _NOT_A_GROUP.search(a) and not _NOT_A_GROUP.search(b) \
                and len(a.split()) <= 7 and len(b.split()) <= 7:
            return a, b
    return None


def _pipe_block(scan: str, pos: int) -> tuple[list[str], int] | None:
    """The lines of the table printed as pipe lines around `pos`, and the index of the line holding `pos`."""
    line_start = scan.rfind("\n", 0, pos) + 1
    if not scan[line_start:scan.find("\n", pos) if scan.find("\n", pos) >= 0 else len(scan)].lstrip().startswith("|"):
        return None
    start = line_start
    while start > 0:
        previous = scan.rfind("\n", 0, start - 1) + 1
        if not scan[previous:start - 1].lstrip().startswith("|"):
            break
        start = previous
    end = scan.find("\n", pos)
    while end >= 0:
        nxt = scan.find("\n", end + 1)
        if not scan[end + 1:nxt if nxt >= 0 else len(scan)].lstrip().startswith("|"):
            break
        end = nxt
    lines = scan[start:end if end >= 0 else len(scan)].split("\n")
    return lines, scan.count("\n", start, line_start)


def factor_row(scan: str, pos: int, resolve) -> str:
    """The label of the table row holding the value at `pos` when that row is a factor of a model whose other rows
    name the trial's arms ("| Placebo | 1.00 (reference) |", "| Drug A | 0.82 (0.70-0.96) |", then "| Age, per 10
    years | 1.40 (1.20-1.63) |"): a row naming no arm of such a table compares patients who differ in it, not the
    arms. "" otherwise."""
    block = _pipe_block(scan, pos)
    if block is None:
        return ""
    lines, own = block
    labels = [line.strip().strip("|").split("|")[0].strip() for line in lines]
    if own == 0 or not re.search(r"[A-Za-z]", labels[own]) or resolve(labels[own]):
        return ""
    arm_rows = [i for i, label in enumerate(labels) if i and i != own and label and resolve(label)]
    return labels[own] if arm_rows else ""


# ratios the arms' counts give (OR, RR)
_COUNTED_RATIOS = RATIO_MEASURES & TWO_BY_TWO_MEASURES


def _pairs_giving(measure: str, value: float, counts: dict[str, tuple[int, int]]) -> list[tuple[str, str]]:
    """The ordered pairs of arms whose (events, total) give the printed ratio, within 10 % (`table_layout._ratio`)."""
    from .table_layout import _ratio
    found = []
    for a, first in counts.items():
        for b, second in counts.items():
            ratio = _ratio(measure, first, second) if a != b else None
            if ratio is not None and abs(ratio - value) / value <= 0.10:
                found.append((a, b))
    return found


def arms_by_counts(per_table: list[list[dict]]) -> None:
    """The arms of a table's crude odds or risk ratios (OR, RR) in a trial of three arms or more, from the counts the
    same table row prints for each arm ("PPH | 10 (10) | 12 (12) | 25 (25) | 0.40 (0.20-0.79)"): the one ordered pair
    whose counts give the printed ratio (within 10 %, no other pair doing so) is the pair compared, when the effect
    column does not say which arms it compares, or when the pair it was given gives the ratio neither way round
    (two treated arms of a placebo-controlled trial read as the pair). Values stay as printed; an adjusted ratio,
    a ratio near 1 (both ways round alike) or a row whose counts give two pairs decide nothing."""
    for found in per_table:
        counts: dict[int, dict[str, tuple[int, int]]] = {}
        for row in found:
            if row.get("measure") == "PROPORTION" and row.get("events") is not None and row.get("total") \
                    and row.get("intervention") and row.get("start") is not None:
                counts.setdefault(int(row["start"]), {}).setdefault(str(row["intervention"]),
                                                                     (int(row["events"]), int(row["total"])))
        for row in found:
            here = counts.get(int(row.get("start") or -1)) or {}
            if row.get("measure") not in _COUNTED_RATIOS or len(here) < 3 or row.get("adjusted") == "yes":
                continue
            try:
                value = float(row.get("value"))
            except (TypeError, ValueError):
                continue
            if value <= 0:
                continue
            stated = (str(row.get("intervention") or ""), str(row.get("comparator") or ""))
            pairs = _pairs_giving(row["measure"], value, here)
            if len(pairs) != 1 or pairs[0] == stated:
                continue
            if all(stated) and (stated[1], stated[0]) == pairs[0]:
                continue        # turned round only: `table_reader._orient_by_counts` decides that, over the column
            row["intervention"], row["comparator"] = pairs[0]
            row["n_intervention"], row["n_comparator"] = here[pairs[0][0]][1], here[pairs[0][1]][1]
            if "does not say which arms" in str(row.get("needs_review") or ""):
                row["needs_review"] = ""


# ------------------------------------------------------------------- the order a table's notes declare
# "Mean difference = placebo-cilostazol", "Differences are calculated as drug minus placebo", "difference (A − B)",
# "Treatment difference: X – Y": a difference's name, then the two sides it subtracts, printed once for the table
_ORDER_DECLARED = re.compile(
    r"\b(?:(?:mean|risk|absolute|net|treatment|between[- ]groups?|group|estimated|adjusted)\s+)?differences?\b"
    r"(?:\s+(?:was|were|is|are))?\s*(?:[=:]|\b(?:calculated|computed|defined|expressed|given|shown|presented)\s+as\b|(?=[(\[]))"
    r"\s*[(\[]?\s*(?P<sides>[^.;:=()\[\]\n]{3,80})", re.I)
# what joins the two sides: a minus, a dash, the word (a hyphen inside one side's name is tried as a join too)
_ORDER_JOIN = re.compile(r"\s*(?:[-\u2010\u2013\u2014\u2212]|\bminus\b)\s*", re.I)


def declared_order(notes: str, resolve) -> tuple[object, object] | None:
    """(first, second): the two arms a table's caption or footnotes (`notes`) declare its differences subtract, the
    first minus the second ("Mean difference = placebo-cilostazol"), each side the arm `resolve` (a name -> the
    study's arm or None) finds; None when the notes declare no such order, or declare two different ones."""
    found = []
    for m in _ORDER_DECLARED.finditer(notes or ""):
        sides = m.group("sides")
        for join in _ORDER_JOIN.finditer(sides):
            a_text, b_text = sides[:join.start()].strip(" ,"), sides[join.end():].strip(" ,")
            if not re.search(r"[A-Za-z]{2}", a_text) or not re.search(r"[A-Za-z]{2}", b_text):
                continue
            a, b = resolve(a_text), resolve(b_text)
            if a is not None and b is not None and a is not b:
                found.append((a, b))
                break
    pairs = {(id(a), id(b)) for a, b in found}
    return found[0] if len(pairs) == 1 else None


def orient_by_declared_order(found: list[dict], order: tuple[object, object] | None, names) -> None:
    """The differences (tables.DIFFERENCE_MEASURES) of one table whose notes declare the order (`declared_order`): a
    row comparing the same two arms the other way round is turned, the value kept as printed (the notes say what it
    is). `names`: an arm -> the names a row may give it (its canonical name and name, lower case)."""
    if order is None:
        return
    first, second = (set(names(a)) for a in order)
    for row in found:
        if row.get("measure") not in DIFFERENCE_MEASURES:
            continue
        intervention, comparator = str(row.get("intervention") or "").lower(), str(row.get("comparator") or "").lower()
        if intervention in second and comparator in first:
            row["intervention"], row["comparator"] = row["comparator"], row["intervention"]
            row["n_intervention"], row["n_comparator"] = row.get("n_comparator"), row.get("n_intervention")
