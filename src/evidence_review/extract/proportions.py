"""Proportions in one sentence: counts ("14 of 19", "117/141"), "N patients (x%)", "x% of N patients",
"All N patients ...", and bare percentages for an arm whose size the document states. Baseline
characteristics (sex, age, antibody status, allocation) are recognised by the words after the count and
never become estimates; a proportion needs an outcome named in its sentence."""
from __future__ import annotations

import re

from . import patterns as P
from .lexicon import has_outcome
from .model import Estimate, Num
from .orientation import find_comparison, groups_from
from .numbers import WORD_NUMBER, word_to_int

# "Nine of 30 patients (30%) relapsed": a count spelled out
_WORD_COUNT_PAIR = re.compile(r"\b(?P<e>" + WORD_NUMBER.pattern[2:-2] + r")\s+(?:of|out\s+of)\s+(?:the\s+)?(?P<t>\d+)(?![\w.]|\s*/)", re.I)
_OF_NUMBER = re.compile(r"\bof\s+(?:the\s+)?\d")
_ALL_PAT = re.compile(r"\b[Aa]ll\s+(?P<n>\d+|" + WORD_NUMBER.pattern[2:-2] + r")\s+(?:patients|participants|subjects)\b")
# "12 (22.2%)", "Seven patients (35%)", "8 patients [9.3%]"
_COUNT_PAT = re.compile(
    r"(?P<n>(?<![\w.-])\d+|" + WORD_NUMBER.pattern[2:-2] + r")(?:\s+(?:patients|participants|subjects|cases|individuals|people|children|adults))?"
    r"\s*[(\[]\s*(?P<x>" + P.UNSIGNED + r")\s*%\s*(?:[;,]\s*(?:90|95|99)\s*%\s*CI[^()\[\]]{0,30})?[)\]](?:\s+of\s+(?:the\s+)?(?P<of>\d+)(?![\d.]))?", re.I)
# "26.7% of 116 patients", "80% of the patients showed ..."
_OF_PAT = re.compile(
    r"(?P<x>(?<![\w.])" + P.UNSIGNED + r")\s*%\s+of\s+(?:the\s+|all\s+)?(?:(?P<t>\d+)(?![\d.])\s*(?:patients|participants|subjects)?|(?:patients|participants|subjects))\b(?P<next>\s+\w+)?")
_N_EQUALS_PAT = re.compile(
    r"(?<![\w.])(?P<x1>" + P.UNSIGNED + r")\s*%\s*[(\[]\s*n\s*=\s*(?P<n1>\d+)\s*[)\]]"
    r"|[(\[]\s*n\s*=\s*(?P<n2>\d+)\s*[,;]\s*(?P<x2>" + P.UNSIGNED + r")\s*%\s*[)\]]")
# "Adverse events occurred in 33 (58%) ... and 27 (47%) on placebo": the counts that follow are of the outcome
_OUTCOME_IN = re.compile(r"\b(?:occurred|(?:were|was)\s+reported|reported|observed|seen|developed|experienced)\s+(?:in|by)\b", re.I)
_NONE_PAT = re.compile(
    r"\b(?:[Nn]one\s+of\s+(?:the\s+)?(?P<n>\d+)\s+(?:patients|participants|subjects)(?:\s+(?:treated\s+with|receiving|on|in\s+the)\s+[\w-]+(?:\s+(?:group|arm))?)?"
    r"|[Nn]o\s+(?:patients|participants|subjects)\s+in\s+the\s+(?P<arm>[\w-]+(?:\s+[\w-]+){0,3}?)\s+(?:group|arm))")
_OUTCOME_VERB = re.compile(r"\s+(?:had|experienced|developed|relapsed|reached|achieved|died|required|needed|met)\b")
_OF_THE_N_PAT = re.compile(
    r"\s*(?:Of|Among)\s+(?:the\s+|these\s+|all\s+)?(?P<n>\d+)\s+(?:patients|participants|subjects|children)\b[^,;%\d]{0,80},\s*"
    r"(?P<x>" + P.UNSIGNED + r")\s*%\s+(?:had|achieved|were\s+(?:relapse|free|in\s+remission)|experienced|developed|relapsed|reached|met|showed|required|improved|responded)")
_N_PERCENT_HEADER = re.compile(r"\bn\s*\(\s*%\s*\)|\bn\s*\[\s*%\s*\]")
_TABLE_COUNT_PAT = re.compile(r"(?<![\w.])(?P<n>\d+)\s*[(\[]\s*(?P<x>\d+(?:\.\d+)?)\s*[)\]]")
# "29% vs 28%"; "25% and 30% of patients, respectively"
# "30.0% of ravulizumab-treated patients", "88.4% of patients receiving ravulizumab", "40% of patients with X"
_OF_ARM = re.compile(r"\s*of\s+(?:the\s+)?(?:[\w-]+-treated\s+(?:patients|participants|children|and|or)\b|[\w-]+\s+(?:group|arm)\b"
                     r"|(?:[\w-]+\s+){0,2}(?:patients|participants|children)\s+(?:receiving|with|on|treated\s+with|given|in\s+the)\s)", re.I)
_PERCENT_PAIR = re.compile(r"(?<![\w.])(?P<x>" + P.UNSIGNED + r")\s*%\s*(?:(?:vs\.?|versus)\s*(?P<y>" + P.UNSIGNED + r")\s*%"
                           r"|and\s+(?P<y2>" + P.UNSIGNED + r")\s*%(?=[^.;]{0,40}\brespectively\b))")


# "who received placebo", "treated with rituximab": the words name the count's arm
_ARM_DESCRIPTOR = re.compile(r"^\s*(?:of\s+)?(?:(?:those\s+|patients\s+|participants\s+)?(?:who\s+(?:received|were\s+(?:treated\s+with|given|receiving))|receiving|treated\s+with)\s+\S"
                             r"|[\w-]+-(?:treated|exposed)\s+(?:patients|participants|children)\b)", re.I)


_LIST_ITEM_BEFORE = re.compile(
    r"(?:(?<![\w.])\d+|\b" + WORD_NUMBER.pattern[2:-2] + r")(?:\s+(?:patients|participants|children))?\s*[(\[][^()\[\]]{0,20}[)\]]\s*(?:[\w-]+\s+){0,3}?(?:,\s*and\s+|,\s*|and\s+)$", re.I)
# "one (<1%) in the voclosporin group": the count is printed, its share only bounded; the arm's size gives it
_BELOW_ONE_PERCENT = re.compile(r"(?P<n>(?<![\w.])\d+|\b" + WORD_NUMBER.pattern[2:-2] + r")\s*[(\[]\s*<\s*1\s*%\s*[)\]]", re.I)


def _next_verb_at(seg: str, pos: int) -> int:
    """Where the verb after an arm list starts: past "and five (19%) on azathioprine" and similar items."""
    m = re.match(r"(?:\s+(?:and|or)\s+(?:\d+|[A-Za-z]+)\s*[(\[][^()\[\]]{0,20}[)\]]\s*(?:on|with)\s+[\w-]+)*", seg[pos:])
    return pos + m.end()


class ProportionFinders:
    """Mixed into SentenceParser: uses its numbers (self.nums), claims (self.claimed) and helpers."""

    _VETO = re.compile(
        r"\b(?:female|females|women|male|males|men|children|paediatric|pediatric|adults?|aged?|years?\s+old|"
        r"were\s+treated|were\s+in\s+the|received\s+(?:treatment|\w+\s+treatment)|treated\s+(?:after|before)|"
        r"were\s+included|included|randomi[sz]ed|enrolled|seropositive|seronegative|positive|negative|"
        r"white|asian|black|underwent|history|at\s+baseline|concomitant|were\s+available|"
        r"accounted|comprised|had\s+(?:a\s+)?diagnosis|completed|received(?!\s+rescue)|were\s+(?:given|prescribed|started)|"
        r"previously|prior|previous|course|monophasic|at\s+(?:onset|diagnosis|presentation|inclusion|enrol?ment))\b",
        re.I,
    )

    def _vetoed(self, local: str, pos: int) -> bool:
        """A baseline word after the count, unless the sentence named its outcome first and the words only say
        which arm the count belongs to ("Neoplasms occurred in 11 of 486 patients (2.3%) who received X")."""
        if not self._VETO.search(local):
            return False
        arm = _ARM_DESCRIPTOR.match(local)
        if not arm:
            return True
        rest = local[arm.end():]
        if not re.search(r"(?:treated|exposed)\s+\w+$", arm.group()):
            rest = re.sub(r"^\S*(?:\s+[\w-]+){0,2}", "", rest)   # past the arm's name
        # "in the antibody-positive population" after the arm: the analysis set, not a baseline trait
        rest = re.sub(r"^\s*in\s+the\s+[\w-]+\s+(?:population|set|cohort)\b", "", rest)
        return bool(self._VETO.search(rest)) or not self._has_outcome()

    def _local_after(self, pos: int) -> str:
        """Text after `pos` up to the next number or clause break: where "were women" would be."""
        tail = self.seg[pos:pos + 80]
        m = re.search(r"[;,.]\s|[;]|\d", tail)
        return tail[:m.start()] if m else tail

    def _names_arm_directly(self, pos: int) -> bool:
        """True when a drug name follows the count at once ("30 (30%) azathioprine"): an allocation; not
        "29 (45.3%) AZA-treated patients relapsed", where an outcome follows the treated group."""
        gap = re.match(r"\s*(?:with\s+|on\s+)?", self.seg[pos:pos + 12])
        start = pos + gap.end()
        for m in self.mentions:
            if m.start == start:
                if gap.group().strip() and _OUTCOME_VERB.match(self.seg, _next_verb_at(self.seg, m.end)) and has_outcome(self.seg[m.end:]):
                    return False    # "five (19%) on azathioprine had adverse events": who had the outcome
                treated = re.match(r"-(?:treated|exposed)\s+(?:patients|participants|children)\b", self.seg[m.end:m.end + 30])
                return not (treated and has_outcome(self.seg[m.end:]))
        return False

    def _outcome_first(self, pos: int) -> bool:
        """True when the sentence names the outcome and then the groups it occurred in ("Adverse events occurred
        in ...", "discontinued because of adverse events by 14 (21.9%) AZA and 3 (4.2%) RTX patients")."""
        before = self.seg[:pos]
        # "... by 14 (21.9%) AZA and 3 (4.2%) RTX patients": earlier items of the same list stand between
        while True:
            item = _LIST_ITEM_BEFORE.search(before, max(0, len(before) - 80))
            if item is None:
                break
            before = before[:item.start()]
        return bool(_OUTCOME_IN.search(before)) or (bool(re.search(r"\b(?:in|by)\s+$", before)) and has_outcome(before))

    def _has_outcome(self) -> bool:
        if self._outcome is None:
            abbreviations = self.state.outcome_abbreviations
            self._outcome = has_outcome(self.seg) or bool(abbreviations and abbreviations.search(self.seg))
        return self._outcome

    def _percent_near(self, start: int, end: int, fraction: float):
        """A printed percentage within a few characters of a count pair that states the same proportion."""
        for i, n in enumerate(self.nums):
            if not n.percent or n.signed:
                continue
            if not (end <= n.start <= end + 14 or start - 22 <= n.start < start):
                continue
            between = self.seg[end:n.start] if n.start >= end else self.seg[n.full_end:start]
            if re.search(r"\d", between):
                continue
            if abs(n.value / 100 - fraction) <= 0.006:
                return i
        return None

    def find_proportions(self) -> None:
        seg = self.seg
        # whether the sentence names an outcome is looked up only when a count needs it (one regex pass over
        # the sentence with every outcome pattern: the costliest single step of extraction)
        pairs: list[tuple[int, int, float]] = []
        # 1. counts: "14 of 19", "117/141", "n=11/14"
        spelled = _WORD_COUNT_PAIR.finditer(seg) if _OF_NUMBER.search(seg) else ()
        for m in [*P.COUNT_PAIR_RE.finditer(seg), *spelled]:
            e = int(m.group("e")) if m.group("e").isdigit() else word_to_int(m.group("e"))
            t = int(m.group("t"))
            if e is None:
                continue
            idx = self._num_at(m.start(), m.end())
            if t == 0 or e > t or any(not self._free(i) for i in idx):
                continue
            if re.match(r"^\s*\d", seg[m.end():m.end() + 3]):
                continue
            if re.search(r"(?i:\bphase|\bstage|\bgrade|\bclass|\btype)\s*$", seg[max(0, m.start() - 8):m.start()]):
                self.claimed.update(idx)
                continue        # "phase 2/3": a design, not a count
            frac = e / t
            pct_i = self._percent_near(m.start(), m.end(), frac)
            span_end = max(m.end(), self.nums[pct_i].full_end) if pct_i is not None else m.end()
            local = self._local_after(span_end + (1 if seg[span_end:span_end + 1] in ")]" else 0))
            if self._vetoed(local, m.start()) or not self._has_outcome():
                self.claimed.update(idx)
                if pct_i is not None:
                    self.claimed.add(pct_i)
                continue
            value = self.nums[pct_i].value / 100 if pct_i is not None else frac
            anchor = self.nums[pct_i] if pct_i is not None and self.nums[pct_i].start < m.start() else None
            est = Estimate("PROPORTION", value, f"{e}/{t}", (anchor.start if anchor else m.start()), span_end,
                           events=e, total=t, kind="count")
            self.claimed.update(idx)
            if pct_i is not None:
                self.claimed.add(pct_i)
            p = self._p_after(span_end)
            if p:
                est.p_value, est.p_text, _ = p
            self.estimates.append(est)
            pairs.append((m.start(), m.end(), frac))
        # 2. "All 9 patients ..." (everyone had the outcome)
        for m in _ALL_PAT.finditer(seg):
            n_val = int(m.group("n")) if m.group("n").isdigit() else word_to_int(m.group("n"))
            idx = self._num_at(m.start("n"), m.end("n"))
            if not n_val or any(not self._free(i) for i in idx) or not self._has_outcome():
                continue
            if self._VETO.search(self._local_after(m.end())):
                continue
            est = Estimate("PROPORTION", 1.0, f"{n_val}/{n_val}", m.start("n"), m.end("n"), events=n_val, total=n_val, kind="all")
            self.claimed.update(idx)
            self.estimates.append(est)
        # 2b. "None of the 58 patients ... had a relapse", "No patients in the rituximab group had a relapse"
        for m in _NONE_PAT.finditer(seg):
            if not self._has_outcome() or self._VETO.search(self._local_after(m.end())) or not _OUTCOME_VERB.match(seg, m.end()):
                continue
            if m.group("n"):
                idx = self._num_at(m.start("n"), m.end("n"))
                if any(not self._free(i) for i in idx):
                    continue
                self.claimed.update(idx)
                total, arm = int(m.group("n")), ""
            else:
                named = [mm for mm in self.mentions if m.start("arm") <= mm.start and mm.end <= m.end("arm")]
                if not named or named[0].canonical not in self.state.arm_sizes:
                    continue
                arm = named[0].canonical
                total = self.state.arm_sizes[arm]
            if total:
                self.estimates.append(Estimate("PROPORTION", 0.0, f"0/{total}", m.start(), m.end(), events=0, total=total,
                                               kind="none-of", arm_hint=arm))
        # 3. "12 (22.2%)", "Seven patients (35%)", "8 patients [9.3%]"
        for m in _COUNT_PAT.finditer(seg):
            xi = [i for i in self._num_at(m.start("x"), m.end("x")) if self.nums[i].percent]
            ni = self._num_at(m.start("n"), m.end("n"))
            if not xi or any(not self._free(i) for i in xi + ni):
                continue
            raw_n = m.group("n")
            n_val = int(raw_n) if raw_n.isdigit() else word_to_int(raw_n)
            if n_val is None:
                continue
            before = seg[max(0, m.start() - 12):m.start()]
            if re.search(r"(?:/|\bof)\s*$", before):
                continue
            local = self._local_after(m.end())
            self.claimed.update(xi + ni)
            # "Two children (7%)": the noun of the count itself is no baseline trait
            between = re.sub(r"^\S+\s+(?:children|adults)\b", "", seg[m.start("n"):m.start("x")])
            if self._vetoed(local, m.start()) or not self._has_outcome() or self._VETO.search(between):
                continue
            if self._names_arm_directly(m.end()) and not m.group("of") and not self._outcome_first(m.start()):
                continue        # "40 (40%) received rituximab and 30 (30%) azathioprine": who got what
                                # ("65 (77%) of 84 efgartigimod-treated patients" names the arm's total;
                                # "Adverse events occurred in ... 27 (47%) on placebo" named the outcome first)
            x = self.nums[xi[0]]
            if m.group("of"):
                total = int(m.group("of"))
                self.claimed.update(self._num_at(m.start("of"), m.end("of")))
                if total < n_val:
                    continue
            fits: tuple = ()
            if not m.group("of"):
                fits = self._totals_fitting(n_val, x)
                total = fits[0] if len(fits) == 1 else None
            est = Estimate("PROPORTION", x.value / 100, x.text + "%", m.start(), m.end(), events=n_val, total=total,
                           kind="n-percent", total_fits=fits)
            self.estimates.append(est)
        # 3a. a table row headed "n (%)" prints "8 (20.0)" without the % sign
        if _N_PERCENT_HEADER.search(seg) and self._has_outcome():
            for m in _TABLE_COUNT_PAT.finditer(seg):
                ni, xi = self._num_at(m.start("n"), m.end("n")), self._num_at(m.start("x"), m.end("x"))
                if not ni or not xi or any(not self._free(i) for i in ni + xi):
                    continue
                n_val, x = int(m.group("n")), self.nums[xi[0]]
                self.claimed.update(ni + xi)
                if x.value > 100 or (n_val > 0 and x.value == 0):
                    continue
                as_percent = Num(x.start, x.end, x.full_end, x.value, x.text, True, False, x.decimal)
                fits = self._totals_fitting(n_val, as_percent)
                self.estimates.append(Estimate("PROPORTION", x.value / 100, x.text + "%", m.start(), m.end(), events=n_val,
                                               total=fits[0] if len(fits) == 1 else None, kind="table-n-percent", total_fits=fits))
        # 3b. "35.2% (n = 19)", "(n = 19, 35.2%)"
        for m in _N_EQUALS_PAT.finditer(seg):
            xg = "x1" if m.group("x1") else "x2"
            ng = "n1" if m.group("n1") else "n2"
            xi = [i for i in self._num_at(m.start(xg), m.end(xg)) if self.nums[i].percent]
            ni = self._num_at(m.start(ng), m.end(ng))
            if not xi or any(not self._free(i) for i in xi + ni):
                continue
            self.claimed.update(xi + ni)
            n_val, x = int(m.group(ng)), self.nums[xi[0]]
            if not self._has_outcome() or self._VETO.search(self._local_after(m.end())) or x.value <= 0:
                continue
            fits = self._totals_fitting(n_val, x)
            self.estimates.append(Estimate("PROPORTION", x.value / 100, x.text + "%", m.start(), m.end(), events=n_val,
                                           total=fits[0] if len(fits) == 1 else None, kind="n-percent", total_fits=fits))
        # 3c. "Of the 117 patients who entered the extension, 56% achieved ...": the group is named first
        lead = _OF_THE_N_PAT.match(seg)
        if lead:
            xi = [i for i in self._num_at(lead.start("x"), lead.end("x")) if self.nums[i].percent]
            ni = self._num_at(lead.start("n"), lead.end("n"))
            if xi and ni and all(self._free(i) for i in xi + ni) and self._has_outcome() \
                    and not self._VETO.search(self._local_after(lead.end("x") + 1)):
                total, x = int(lead.group("n")), self.nums[xi[0]]
                self.claimed.update(xi + ni)
                self.estimates.append(Estimate("PROPORTION", x.value / 100, x.text + "%", x.start, x.full_end,
                                               events=round(total * x.value / 100), total=total, kind="of-the-n"))
        # 4. "26.7% of 116 patients", "80% of the patients showed ..."
        for m in _OF_PAT.finditer(seg):
            xi = [i for i in self._num_at(m.start("x"), m.end("x")) if self.nums[i].percent]
            if not xi or not self._free(xi[0]):
                continue
            nxt = (m.group("next") or "").strip().lower()
            if m.group("t") is None and (not nxt or nxt in {"with", "who", "in", "on", "from", "treated", "receiving", "had", "were", "was", "that", "and"}):
                continue
            if not self._has_outcome() and m.group("t") is None:
                continue
            x = self.nums[xi[0]]
            total = int(m.group("t")) if m.group("t") else None
            if total:
                self._register_size_before(m.start(), total)
                ti = self._num_at(m.start("t"), m.end("t"))
                self.claimed.update(ti)
            events = round(total * x.value / 100) if total else None
            self.claimed.add(xi[0])
            if not self._has_outcome() or self._VETO.search(self._local_after(m.end())):
                continue
            est = Estimate("PROPORTION", x.value / 100, x.text + "%", m.start(), m.end(), events=events, total=total, kind="percent-of")
            self.estimates.append(est)
        for m in (_BELOW_ONE_PERCENT.finditer(seg) if "<" in seg else ()):
            raw_n = m.group("n")
            n_val = int(raw_n) if raw_n.isdigit() else word_to_int(raw_n)
            if not n_val or not self.mentions or not self._has_outcome() or self._vetoed(self._local_after(m.end()), m.start()):
                continue
            self._claim_span(m.start(), m.end())
            # value and total come from the arm's size once the arm is known (extract.core); without it, dropped
            self.estimates.append(Estimate("PROPORTION", 0.0, "<1%", m.start(), m.end(), events=n_val, total=None,
                                           kind="below-one-percent"))
        self._pairs = pairs

    @staticmethod
    def _totals_fitting(events: int, pct: Num) -> tuple:
        """Denominators behind "12 (22.2%)" that round to the printed percentage (several when rounding
        is coarse; the arm's size, once the arm is known, picks one; otherwise the total stays unknown)."""
        if pct.value <= 0:
            return ()
        decimals = len(pct.text.split(".")[1]) if "." in pct.text else 0
        return tuple(t for t in range(max(events, 1), int(events * 100 / pct.value * 1.1) + 2)
                     if round(100 * events / t, decimals) == round(pct.value, decimals))

    def _register_size_before(self, pos: int, size: int) -> None:
        prior = [mm for mm in self.mentions if mm.end <= pos and pos - mm.end <= 30]
        if prior:
            self.state.arm_sizes.setdefault(prior[-1].canonical, size)
        elif re.search(r"\bcontrol\b", self.seg[max(0, pos - 30):pos], re.I):
            self.state.arm_sizes.setdefault("control", size)

    def _pair_arms(self) -> dict[int, str]:
        """ "headache (29% vs 28%)" in a sentence naming no arm: the two arms of the document's last
        comparison, in its order, when the document states both arms' sizes."""
        pair = self.state.last_pair
        if self.mentions:
            # "more patients in the belimumab group than in the placebo group had a response (43% vs. 32%)":
            # the sentence's own comparison gives the order
            comp = find_comparison(self.seg, groups_from(self.mentions, self.seg))
            pair = (comp.subject[0].name, comp.obj[0].name) if comp is not None and comp.subject and comp.obj else None
        if not pair or not all(a in self.state.arm_sizes for a in pair):
            return {}
        out = {}
        for m in _PERCENT_PAIR.finditer(self.seg):
            xi = [i for i in self._num_at(m.start("x"), m.end("x")) if self.nums[i].percent]
            y = "y" if m.group("y") else "y2"
            yi = [i for i in self._num_at(m.start(y), m.end(y)) if self.nums[i].percent]
            if xi and yi:
                out[xi[0]], out[yi[0]] = pair
        return out

    def find_arm_percentages(self, arm_for) -> None:
        """A bare percentage for an arm whose size the document states ("RTX (n=55) ... RTX (32.7%)")."""
        seg = self.seg
        if not any(n.percent and self._free(i) for i, n in enumerate(self.nums)):
            return
        # Kaplan-Meier and model estimates are not counts over the arm
        if not self._has_outcome() or re.search(r"\b(?:baseline|concomitant|predicted|survival|probability|Kaplan|estimated)\b", seg, re.I):
            return
        pair_arms = self._pair_arms()
        for i, n in enumerate(self.nums):
            if not self._free(i) or not n.percent or n.signed or self._threshold_before(n):
                continue
            if i in pair_arms:
                arm = pair_arms[i]
                size = self.state.arm_sizes[arm]
                self._add(Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.full_end,
                                   events=round(size * n.value / 100), total=size, kind="arm-percent", arm_hint=arm), i)
                continue
            after = seg[n.full_end:n.full_end + 60]
            if re.match(r"^\s*(?:of|reduction|decrease|lower|higher|increase|CI|confidence)\b", after, re.I) and not _OF_ARM.match(after):
                continue
            if any(abs(n.value / 100 - f) <= 0.0006 for _, _, f in getattr(self, "_pairs", [])):
                self.claimed.add(i)
                continue        # restates a count given in the same sentence
            arm = arm_for(n.start, n.full_end)
            if not arm or arm not in self.state.arm_sizes:
                continue
            # "among 28 seronegative patients, ... 36%": a subgroup, whose size is not the arm's
            clause = seg[max(0, seg.rfind(";", 0, n.start) + 1):n.start]
            if re.search(r"\b(?:among|in|of)\s+(?:the\s+)?\d+\s+(?:[\w\u2013-]+\s+){0,3}(?:patients|participants)\b", clause, re.I):
                continue
            size = self.state.arm_sizes[arm]
            est = Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.full_end,
                           events=round(size * n.value / 100), total=size, kind="arm-percent", arm_hint=arm)
            self._add(est, i)
