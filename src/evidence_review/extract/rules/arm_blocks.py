"""Arm-level figures in a sentence read by aligning its arm mentions with its number expressions.

The other arm-level rules each read one shape of sentence; this one reads the summaries a sentence still holds after
them, whatever words join them, by where the arms are named:

1. each summary no earlier rule read (grammar productions: mean \u00b1 SD, mean (SD x), median (IQR a-b), a bare
   value the clause calls a mean, median or proportion) is a block; the text between two blocks is cut at its
   separators ("vs", "versus", "compared with", "than", "whereas", "while", "but", "and", ",", ";", outside
   brackets): the text before the first separator is the left block's, the text after the last the right one's;
2. each block takes its arm from its own side of the cut: the arm named right after it ("16 \u00b1 9 during B",
   "0.8 \u00b1 1.15 in the B group"), else the arm named right before it ("A (12.1 \u00b1 2.0)", "A: 12.1", "in the A
   group was 2.09 \u00b1 0.90"), else the one arm its clause names before it with nothing compared between; a block
   beside two different arms, or followed by a list of arms ("x and y in the A and B groups": a list's), takes none;
3. blocks of one shape taking two or more different arms of the study model, one after the other, are those arms'
   values: one row per arm, its size from the study model. An arm named again starts a new comparison.

Shares of patients are left to the rules of counts and percentages, whose wordings say what was counted. The
precision guards of the other aligned rules hold: no row from a sentence about another study, a subgroup or another
analysis population ("Among 55 seropositive patients"); no value of a range or a change ("from 7 to 5"), said to be
approximate, inside a spread's bracket, of a list of times, or of how the trial ran (doses, schedules).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Estimate
from ..sentence import Sentence
from .aligned import (_ELSEWHERE, _MEASURED_UNIT, _Item, _as_study_arm, _clause_start, _estimate, _items, _study_arms,
                      of_other_groups)
from .arm_data import survival_estimate

# what sets two values apart in a sentence (outside brackets): a comparing word, a conjunction, a list's punctuation
_SEPARATOR = re.compile(r"\b(?:vs|versus|v/s|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|as\s+opposed\s+to|"
                        r"than|whereas|while|but|against|and|or)\b\.?|(?<=\s)v\.?(?=\s)|[,;]", re.I)
# an arm named right after its value: a closing bracket, a unit or the people counted, then the lead word
_ARM_AFTER = re.compile(r"\s*[)\]]?\s*(?:%\s*)?(?:[A-Za-z\u00b5\u03bc%/][\w/%.\u00b5\u03bc-]{0,11}\s+){0,2}?"
                        r"(?:(?:of\s+)?(?:the\s+)?(?:patients|participants|subjects|women|men|children|cases|eyes)\s+)?"
                        r"(?:(?:in|with|for|on|among|during|of|under|after|receiving|given|taking)\s+(?:the\s+)?"
                        r"(?:(?:patients|participants|subjects)\s+(?:in|on|receiving|given)\s+(?:the\s+)?)?"
                        # ("4 days (A) versus 6 days (B)": the arm's name in a bracket of its own after the value)
                        r"|(?<=[\s\d%])[(\[]\s*)$", re.I)
# an arm named right before its value: "A (", "A: ", "A = ", "the A group was ", "in the A group, "
_ARM_BEFORE = re.compile(r"^\s*(?:(?:group|arm)s?\b\s*)?(?:[(\[]\s*(?:n\s*=\s*\d+\s*[)\]]\s*)?|[:=,]\s*|"
                         r"(?:(?:was|were|had|of|showed|reached|is|are)\s+)?)$", re.I)
# a second arm listed right after the first: "A and B groups", "A, B and C"
_ARMS_LISTED = re.compile(r"\s*(?:groups?|arms?)?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:the\s+)?", re.I)
# a bare value that is how the trial ran, not an outcome: a dose, a schedule, the allocation
# (not a concentration: "31.2 ng/mL", "5.1 mmol/L" measure the patient; "2 mg/kg/day" is a dose)
_DOSE_UNIT = re.compile(r"\s*(?:mg|g|gm|\u00b5g|\u03bcg|mcg|ng|IU|U|mmol|ml|mL)(?:\s*/\s*(?:kg|day|d|m2)){0,2}\b(?!\s*/)")
_HOW_THE_TRIAL_RAN = re.compile(r"\b(?:randomi[sz]\w*|assigned|allocated|administered|given|received|receive|injected|"
                                r"infused|doses?|dosing|daily|twice|thrice|hourly|once)\b", re.I)
# the clause's population is a part of the trial's: "Among 55 seropositive patients, ...", "In the 28 women with X"
_PART_OF_THE_POPULATION = re.compile(r"\b(?:among|in)\s+(?:the\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,3}?"
                                     r"(?:patients|participants|subjects|women|men|children|infants)\b", re.I)
# two values joined as a range or a change ("from 7 to 5", "70 to 125", "3-11"): neither is a value of its own
_RANGE_GAP = re.compile(r"\s*(?:to|[-\u2013])\s*", re.I)
# a value said to be approximate ("about 300", "~20"): a description, not a measurement of the arm
_APPROXIMATE = re.compile(r"(?:\b(?:about|approximately|around|nearly|almost|roughly)|[\u2248~])\s*$", re.I)
# a limit of a range or interval printed in the bracket after a value: "(range 70 to 125)", "[IQR 3-9]"
_INSIDE_A_SPREAD = re.compile(r"[(\[][^()\[\]]*\b(?:range|IQR|interquartile|CI|SD|SE)(?![A-Za-z])[^()\[\]]*$", re.I)
# the numbers of a list of times ("on days 1 and 2", "at weeks 4, 8 and 12"): times, not values
_TIMES_BEFORE = re.compile(r"\b(?:days?|weeks?|months?|years?|hours?|visits?|cycles?|sessions?)\s+\d+(?:\s*(?:,|and|or|&)\s*\d+)*\s*(?:,|and|or|&)\s*$", re.I)
# a bare decimal of a proportion named as such: the arm's share, printed as a fraction
_PROPORTION_WORD = re.compile(r"\bproportions?\b", re.I)
# the shapes read: summaries of a quantity (shares of patients are left to the rules of counts and percentages,
# whose wordings say what was counted)
_FAMILIES = ("mean", "median", "bare")
# how an arm's treatment was given, printed right after its name
_GIVEN_AS = re.compile(r"\s*(?:infusions?|injections?|doses?|dosing|administration|treatment|therapy|group|arm)\b", re.I)
# a change named by the clause of a value printed with its sign
_CHANGE = re.compile(r"\b(?:changes?|increases?|decreases?|reductions?|improvements?|gains?|loss|declines?|differences?\s+from\s+baseline)\b", re.I)
_MEAN_OR_MEDIAN = re.compile(r"\b(?:means?|average|medians?)\b", re.I)
# the words of a clause between a far arm and its value must not compare it with anything else
_COMPARING = re.compile(r"\b(?:vs|versus|compared|comparison|than|whereas|while|against|relative\s+to)\b", re.I)


@dataclass
class _Block:
    items: list
    left: str = ""          # the arm named before the block, tight or alone in its clause
    right: str = ""         # the arm named right after the block
    arm: str = ""


def _top_level_separators(text: str) -> list[re.Match]:
    """The separators of `text` outside the brackets it opens (a bracket the text closes first is the value's own)."""
    depth, depths = 0, []
    for ch in text:
        depths.append(depth)
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
    return [m for m in _SEPARATOR.finditer(text) if depths[m.start()] == 0]


def _mentions(s: Sentence, start: int, end: int, arms: set[str]) -> list[tuple[int, int, str]]:
    """The study arms named between `start` and `end`, as (start, end, arm)."""
    out = []
    for g in s.groups:
        if start <= g.start and g.end <= end:
            name = _as_study_arm(s, g.name)
            if name in arms:
                out.append((g.start, g.end, name))
    return out


def _arm_right_after(s: Sentence, pos: int, until: int, arms: set[str]) -> str:
    named = _mentions(s, pos, until, arms)
    if not named or not _ARM_AFTER.match(s.seg[pos:named[0][0]]):
        return ""
    if len(named) > 1 and _ARMS_LISTED.fullmatch(s.seg, named[0][1], named[1][0]):
        return ""           # "x and y in the A and B groups": the list is the values', in their order
    return named[0][2]


def _arm_before(s: Sentence, since: int, pos: int, arms: set[str], clause: int) -> str:
    """The arm named right before `pos` (after `since`), else the only arm the clause names before it with nothing
    compared between."""
    named = _mentions(s, since, pos, arms)
    if named and _ARM_BEFORE.match(s.seg[named[-1][1]:pos]):
        return named[-1][2]
    far = _mentions(s, max(since, clause), pos, arms)
    if far and len({n for _, _, n in far}) == 1 and not _COMPARING.search(s.seg, far[-1][1], pos) \
            and not any(g.start >= far[-1][1] and g.end <= pos for g in s.groups):
        return far[-1][2]
    return ""


def _blocks(s: Sentence, items: list[_Item], arms: set[str]) -> list[_Block]:
    """One block per value, with the arm it takes from the text on its side of the separators around it."""
    seg = s.seg
    # where each gap between two values is cut: the text before its first separator is the left value's, the text
    # after its last the right value's; a gap without a separator is either value's (judged by position)
    cuts = []
    for a, b in zip(items, items[1:]):
        seps = _top_level_separators(seg[a.end:b.start])
        cuts.append((a.end + seps[0].start(), a.end + seps[-1].end()) if seps else (b.start, a.end))
    blocks = []
    for k, item in enumerate(items):
        since = cuts[k - 1][1] if k else 0
        until = cuts[k][0] if k < len(cuts) else len(seg)
        block = _Block([item])
        block.right = _arm_right_after(s, item.end, until, arms)
        block.left = _arm_before(s, since, item.start, arms, _clause_start(seg, item.start))
        sides = {n for n in (block.left, block.right) if n}
        block.arm = sides.pop() if len(sides) == 1 else ""
        blocks.append(block)
    return blocks


def _comparisons(blocks: list[_Block]) -> list[list[_Block]]:
    """Runs of blocks of one value each, one shape, each with its arm, no arm twice: one comparison each."""
    out, run = [], []
    for block in blocks:
        ok = len(block.items) == 1 and block.arm
        if not ok or (run and (block.items[0].family != run[0].items[0].family or block.arm in {b.arm for b in run})):
            if len(run) >= 2:
                out.append(run)
            run = [block] if ok else []
            continue
        run.append(block)
    if len(run) >= 2:
        out.append(run)
    return out


def _bare_value_is_a_level(s: Sentence, item: _Item) -> bool:
    """A value printed without a spread is an arm's level only where its clause calls it a mean or median, or it is
    printed with its sign in a clause naming a change (a unit alone does not say so: "300 mOsm/L", "2 min" describe as
    often as they measure), and the sentence is not about how the trial ran (doses, schedules, allocation)."""
    seg = s.seg
    if _DOSE_UNIT.match(seg, item.end) or _HOW_THE_TRIAL_RAN.search(seg) \
            or _TIMES_BEFORE.search(seg, max(0, item.start - 40), item.start):
        return False
    clause = _clause_start(seg, item.start)
    if s.nums[item.index].signed and _CHANGE.search(seg, clause, item.start):
        return True         # "the change in X was +1.01 in A and -0.06 in B": each arm's mean change
    return bool(_MEAN_OR_MEDIAN.search(seg, clause, item.start))


def _words_about_the_values(s: Sentence, start: int, end: int) -> str:
    """The clause before the values with the arms' names taken out, with the word of how an arm was given that
    follows its name ("GLP-1 infusion reduced the AUC ...": the infusion is the arm's, not the quantity measured)."""
    seg, out, at = s.seg, [], start
    for g in sorted((g for g in s.groups if start <= g.start and g.end <= end), key=lambda g: g.start):
        if g.start < at:
            continue
        out.append(seg[at:g.start])
        given = _GIVEN_AS.match(seg, g.end, end)
        at = given.end() if given else g.end
    out.append(seg[at:end])
    return " ".join(out)


def _proportion_printed_as_fraction(s: Sentence, item: _Item, arm: str, about: str) -> Estimate | None:
    """ "The proportions with X were 0.51 in A and 0.40 in B": each arm's share, printed as a fraction (no count: a
    share of days or visits is no share of the arm's patients)."""
    if item.family != "bare" or not 0 < item.value < 1 or not _PROPORTION_WORD.search(about):
        return None
    return Estimate("PROPORTION", item.value, item.text, item.start, item.end, arm_hint=arm, kind="arm-share",
                    total=s.state.arm_sizes.get(arm))


def arm_blocks(s: Sentence) -> None:
    """Values each beside its own arm, joined by any words (see the module's docstring)."""
    seg = s.seg
    if len(s.groups) < 2 or "|" in seg or _ELSEWHERE.search(seg):
        return
    arms = set(_study_arms(s)) | set(s.state.arm_sizes)
    if len(arms) < 2:
        return
    items = [it for it in _items(s) if it.family in _FAMILIES and (it.family != "bare" or _bare_value_is_a_level(s, it))]
    ranged = {k for k, (a, b) in enumerate(zip(items, items[1:])) if _RANGE_GAP.fullmatch(seg, a.end, b.start)}
    items = [it for k, it in enumerate(items) if k not in ranged and k - 1 not in ranged
             and not _APPROXIMATE.search(seg, max(0, it.start - 16), it.start)
             and not _INSIDE_A_SPREAD.search(seg, max(0, it.start - 40), it.start)]
    if len(items) < 2:
        return
    for run in _comparisons(_blocks(s, items, arms)):
        first = run[0].items[0]
        family = first.family
        if family in ("median", "bare") and survival_estimate(seg):
            continue        # Kaplan-Meier medians beside their ratio or interval: the survival analysis's, no arm data
        if any(of_other_groups(seg, b.items[0].start) for b in run) \
                or _PART_OF_THE_POPULATION.search(seg, 0, first.start):
            continue
        about = _words_about_the_values(s, _clause_start(seg, first.start), first.start)
        unit = any(_MEASURED_UNIT.match(seg, b.items[0].end) for b in run)
        # (signed values of a change are levels of the arms however the clause names them)
        signed = family == "bare" and all(s.nums[b.items[0].index].signed for b in run) and bool(_CHANGE.search(about))
        found = [_proportion_printed_as_fraction(s, b.items[0], b.arm, about)
                 or _estimate(s, b.items[0], b.arm, about, False, first.start, True, unit, signed) for b in run]
        if any(e is None for e in found):
            continue
        for block, est in zip(run, found):
            item = block.items[0]
            est.tail_end = item.end
            s.claimed.add(item.index)
            s.claimed.update(item.claims)
            s.claim_span(item.start, item.end)
            s.estimates.append(est)


# ----------------------------------------------------------------- values joined by slashes, one per lettered arm
# "Median and mean peak response (spots, Arm A/B/C) was 11/52/271 (A vs. C, p = 0.028) for medians and 37/148/248 for
# means", "responses developed in 20%/60%/100% of pts in Arms A/B/C": the arms' letters joined by slashes, and runs of
# as many values joined by slashes, each the arm of its letter in order; the statistic the run names after it ("for
# medians"), else a share where the values are percentages
_LETTERS_JOINED = re.compile(r"\b(?:arms?|groups?)\s+(?P<letters>[A-H](?:\s*/\s*[A-H]){1,3})\b", re.I)
_SLASH_VALUE = r"\d+(?:\.\d+)?(?:\s*%)?"
_FOR_THE_STATISTIC = re.compile(r"[^;]{0,40}?\bfor\s+(?:the\s+)?(?P<stat>medians?|means?)\b", re.I)


def slash_values_of_lettered_arms(s: Sentence) -> None:
    """Each value of a slash-joined run the arm of its letter in the slash-joined letters the sentence names (see the
    block's comment): a MEAN or MEDIAN as the run says, a PROPORTION for percentages (over the arm's size where known)."""
    seg = s.seg
    if "/" not in seg or not s.state.lettered:
        return
    letters_m = _LETTERS_JOINED.search(seg)
    if letters_m is None:
        return
    letters = re.findall(r"[A-H]", letters_m.group("letters").upper())
    arms = [s.state.lettered.get(letter, "") for letter in letters]
    if not all(arms) or len(set(arms)) != len(arms):
        return
    run = re.compile(r"(?<![\w./])" + r"\s*/\s*".join([r"(" + _SLASH_VALUE + r")"] * len(arms)) + r"(?![\w/]|\.\d)")
    for m in run.finditer(seg):
        texts = [m.group(k + 1) for k in range(len(arms))]
        percent = all(t.strip().endswith("%") for t in texts)
        stat = _FOR_THE_STATISTIC.match(seg, m.end())
        if percent:
            measure = "PROPORTION"
        elif stat:
            measure = "MEDIAN" if stat.group("stat").lower().startswith("median") else "MEAN"
        else:
            continue
        idx = [s.num_at(m.start(k + 1), m.end(k + 1)) for k in range(len(arms))]
        if not all(idx) or any(not s.free(i[0]) for i in idx):
            continue
        for k, arm in enumerate(arms):
            n = s.nums[idx[k][0]]
            size = s.state.arm_sizes.get(arm)
            if measure == "PROPORTION":
                est = Estimate("PROPORTION", n.value / 100, n.text, m.start(k + 1), m.end(k + 1), kind="arm-percent",
                               arm_hint=arm)
                if size:
                    est.events, est.total = round(size * n.value / 100), size
            else:
                est = Estimate(measure, n.value, n.text, m.start(k + 1), m.end(k + 1), total=size, kind="within-arm",
                               arm_hint=arm)
            s.estimates.append(est)     # (the p-value after the run compares two arms: none of one arm's)
            s.claimed.add(idx[k][0])
