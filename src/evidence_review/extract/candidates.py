"""Find the estimates in one sentence: numbers are tokenized once, then each finder claims the numbers it
explains (intervals, p-values and ranges first, so they can never be taken for estimates).

Finders, in order: labelled effects ("HR = 1.8"), unlabelled values followed by an interval ("11.66 (95% CI
...)", measure taken from the nearest preceding measure name), relative changes in percent ("declined by 37%",
"-71.1% vs placebo"), rates per 100 patient-years, annualized relapse rates in a sentence about them,
signed differences in a sentence about changes, and proportions (counts, "N patients (x%)", "x% of N").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import patterns as P
from .lexicon import Mention, has_outcome
from .numbers import VALUE, WORD_NUMBER, clean_number_text, parse_number, word_to_int


_OTHER_QUANTITY = re.compile(
    r"\b(?:EDSS|MG-ADL|QMG|MGC|mRS|scores?|titers?|titres?|age|follow-up|duration|doses?|proteinuria|UPCR|eGFR|"
    r"weight|BMI|lymphocytes?|CD19|CD20|IgG|levels?|counts?|times?\s+to)\b", re.I)
_ALL_PAT = re.compile(r"\b[Aa]ll\s+(?P<n>\d+|" + WORD_NUMBER.pattern[2:-2] + r")\s+(?:patients|participants|subjects)\b")
# "12 (22.2%)", "Seven patients (35%)", "8 patients [9.3%]"
_COUNT_PAT = re.compile(
    r"(?P<n>(?<![\w.])\d+|" + WORD_NUMBER.pattern[2:-2] + r")(?:\s+(?:patients|participants|subjects|cases|individuals|people))?"
    r"\s*[(\[]\s*(?P<x>" + P.UNSIGNED + r")\s*%\s*[)\]](?:\s+of\s+(?:the\s+)?(?P<of>\d+)(?![\d.]))?", re.I)
# "26.7% of 116 patients", "80% of the patients showed ..."
_OF_PAT = re.compile(
    r"(?P<x>(?<![\w.])" + P.UNSIGNED + r")\s*%\s+of\s+(?:the\s+|all\s+)?(?:(?P<t>\d+)(?![\d.])\s*(?:patients|participants|subjects)?|(?:patients|participants|subjects))\b(?P<next>\s+\w+)?")


@dataclass
class Num:
    start: int
    end: int          # end of the number (before any % sign)
    full_end: int     # end including a % sign
    value: float
    text: str
    percent: bool
    signed: bool
    decimal: bool


@dataclass
class Estimate:
    measure: str
    value: float
    value_text: str
    start: int        # value position, sentence-local
    end: int
    ci_low: float | None = None
    ci_high: float | None = None
    ci_level: float | None = None
    p_value: float | None = None
    p_text: str | None = None
    events: int | None = None
    total: int | None = None
    unit: str = ""
    timepoint: str = ""
    arm_hint: str = ""          # an arm named by the finder itself ("on rituximab", "vs placebo")
    comparator_hint: str = ""
    kind: str = ""
    percent: bool = False
    tail_end: int = 0           # end of the value's interval and p-value, sentence-local
    total_fits: tuple = ()      # denominators consistent with a printed percentage, when the text gives none


@dataclass
class SentenceState:
    """What earlier sentences of the same document said, for estimates that rely on it."""
    last_measure: str = ""            # last ratio/difference measure named or found
    last_difference_measure: str = ""  # last MD/SMD named
    arm_sizes: dict = field(default_factory=dict)


def tokenize(seg: str) -> list[Num]:
    nums = []
    for m in VALUE.finditer(seg):
        core = (m.group("sign") or "") + m.group("num")
        v = parse_number(core)
        if v is None:
            continue
        pct, full_end = bool(m.group("pct")), m.end()
        points = re.match(r"\s*(?:percentage|per\s*cent(?:age)?)\s+points?\b|\s*percent\b|\s*pp\b", seg[m.end():m.end() + 24], re.I)
        if not pct and points:
            pct, full_end = True, m.end() + points.end()
        nums.append(Num(m.start(), m.end("num"), full_end, v, clean_number_text(core), pct,
                        bool(m.group("sign")), "." in m.group("num")))
    return nums


def keywords(seg: str) -> list[tuple[int, int, str]]:
    """Measure names in reading order; where names overlap the one listed first in patterns.MEASURE_WORDS wins
    ("standardized mean difference" is an SMD, not an MD)."""
    found = [(m.start(), m.end(), m.lastgroup) for m in P.MEASURE_WORDS_RE.finditer(seg)]
    if found:
        found += [(m.start(), m.end(), m.lastgroup) for m in P.MEASURE_ABBREV_RE.finditer(seg)
                  if not any(f[0] <= m.start() < f[1] for f in found)]
        return sorted(found)
    return [(m.start(), m.end(), m.lastgroup) for m in P.MEASURE_ABBREV_RE.finditer(seg)]


class SentenceParser:
    def __init__(self, seg: str, state: SentenceState, mentions: list[Mention]):
        self.seg = seg
        self.state = state
        self.mentions = mentions
        self.nums = tokenize(seg)
        self.claimed: set[int] = set()
        self.kws = keywords(seg)
        self.estimates: list[Estimate] = []
        self.cis: dict[int, tuple] = {}     # CI label start -> (lo, hi, level, end, lo_pct)
        self.ps: list[tuple[int, int, float | None, str]] = []
        self._outcome: bool | None = None
        self._arm_for = None
        self._claim_intervals_and_p()

    # ---------------------------------------------------------------- helpers
    def _num_at(self, start: int, end: int) -> list[int]:
        return [i for i, n in enumerate(self.nums) if n.start >= start and n.end <= end]

    def _claim_span(self, start: int, end: int) -> None:
        self.claimed.update(self._num_at(start, end))

    def _claim_intervals_and_p(self) -> None:
        seg = self.seg
        for m in P.CI_RE.finditer(seg):
            lvl = m.group("lvl") or m.group("lvl2")
            lo, hi = parse_number(m.group("lo")), parse_number(m.group("hi"))
            self.cis[m.start()] = (lo, hi, float(lvl) / 100 if lvl else None, m.end(), bool(m.group("lopct") or m.group("hipct")))
            self._claim_span(m.start(), m.end())
        for m in P.ONE_SIDED_RE.finditer(seg):
            side = (m.group("side") or ("upper" if (m.group("abbr") or "").startswith("U") else "lower")).lower()
            v = parse_number(m.group("v"))
            lo, hi = (None, v) if side == "upper" else (v, None)
            self.cis[m.start()] = (lo, hi, float(m.group("lvl")) / 100, m.end(), False)
            self._claim_span(m.start(), m.end())
        for m in P.P_RE.finditer(seg):
            op = re.sub(r"\s+", "", m.group("op"))
            raw = re.sub(r"\s+", "", m.group("pv"))
            if "x" in raw or "\u00d7" in raw:
                mant, exp = re.split(r"[x\u00d7]10-?", raw)
                pv = parse_number(mant)
                pv = pv * 10 ** (-int(exp)) if pv is not None else None
            else:
                pv = parse_number(raw)
            text_op = {"=<": "<", "<=": "\u2264", "=>": ">", ">=": "\u2265"}.get(op, op)
            exact = text_op == "="
            p_text = None if exact and "," not in raw else (("" if exact else text_op) + raw)
            self.ps.append((m.start(), m.end(), pv if exact else None, p_text if p_text else None))
            self._claim_span(m.start(), m.end())
        for m in P.RANGE_RE.finditer(seg):
            self._claim_span(m.start("lo"), m.end())
        for m in P.SPREAD_RE.finditer(seg):
            self._claim_span(m.start("v"), m.end())
        # a bracketed pair straight after a value, with no interval label, is a range ("1.48 (0.65-5.54)"),
        # unless it follows a ratio or difference, where "HR 0.30 (0.15-0.60)" is the usual short form of a CI
        self.bare_pairs: dict[int, tuple] = {}
        for m in P.BARE_PAIR_RE.finditer(seg):
            before = seg[max(0, m.start() - 25):m.start()]
            if re.search(r"[\d%]\s*$", before) or re.search(r"(?i:median|mean|range|iqr)[^()\[\]]{0,25}$", before):
                ranged = re.search(r"(?i:median|range|iqr|interquartile)[^()\[\]]{0,25}$", before)
                if not ranged:
                    self.bare_pairs[m.start()] = (parse_number(m.group("lo")), parse_number(m.group("hi")), None, m.end(), False)
                self._claim_span(m.start(), m.end())
        for i, n in enumerate(self.nums):
            if n.decimal is False and 1900 <= n.value <= 2100 and not n.percent:
                self.claimed.add(i)       # years
            if re.match(r"^\s*:\s*\d", seg[n.full_end:n.full_end + 4]) or re.search(r"\d\s*:\s*$", seg[max(0, n.start - 3):n.start]):
                self.claimed.add(i)       # titres, ratios of allocation (1:64, 1:1)

    def _ci_after(self, pos: int, value: float | None = None):
        """The interval that follows position `pos` with nothing but separators in between. With `value`
        given, an unlabelled bracketed pair that contains the value counts as an interval too."""
        gap_m = re.match(r"^\s*(?:%\s*)?(?:[,;]\s*)?(?:(?:with|and)\s+(?:an?\s+|the\s+)?)?[\[(]?\s*", self.seg[pos:pos + 20])
        start = pos + (gap_m.end() if gap_m else 0)
        for s, ci in self.cis.items():
            if start <= s <= start + 2:
                return ci
        if value is not None:
            for s, ci in self.bare_pairs.items():
                if pos <= s <= pos + 2 and ci[0] is not None and ci[1] is not None and ci[0] <= value <= ci[1]:
                    return ci
        return None

    def _p_after(self, pos: int, limit: int = 45):
        """The first p-value after `pos` with no other number in between (within `limit` characters)."""
        for s, e, pv, pt in self.ps:
            if pos <= s <= pos + limit:
                between = self.seg[pos:s]
                if re.search(r"\d", between):
                    return None
                if re.search(r"\b(?:and|while|whereas|but)\b", between) and len(between) > 25:
                    return None
                return pv, pt, e
        return None

    def _unit_after(self, n: Num) -> bool:
        return bool(P.UNIT_AFTER.match(self.seg[n.full_end:n.full_end + 16]))

    def _threshold_before(self, n: Num) -> bool:
        before = self.seg[max(0, n.start - 6):n.start]
        return bool(P.THRESHOLD_BEFORE.search(before)) or bool(P.I2_BEFORE.search(self.seg[max(0, n.start - 6):n.start]))

    def _free(self, i: int) -> bool:
        return i not in self.claimed

    def _add(self, est: Estimate, idx: int, tail_from: int | None = None) -> Estimate:
        """Attach the interval and p-value that follow, claim the numbers, keep the estimate."""
        n = self.nums[idx]
        pos = n.full_end if tail_from is None else tail_from
        # a bare bracketed pair is an interval after a ratio or difference, or after any value in a sentence
        # that labels its other intervals ("ARR 0.03 (95% CI 0.01-0.09) with X and 0.20 (0.12-0.33) with Y")
        bare_ok = est.measure in P.RATIO | {"MD", "SMD"} or (bool(self.cis) and est.measure != "PROPORTION")
        ci = self._ci_after(pos, est.value if bare_ok else None)
        if ci is not None:
            lo, hi, lvl, ci_end, ci_pct = ci
            scale = 0.01 if est.percent else 1.0
            est.ci_low = None if lo is None else lo * scale
            est.ci_high = None if hi is None else hi * scale
            est.ci_level = lvl
            pos = ci_end
        p = self._p_after(pos)
        if p is not None:
            est.p_value, est.p_text, pos = p
        est.tail_end = pos
        self.claimed.add(idx)
        self.estimates.append(est)
        return est

    # ---------------------------------------------------------------- measures
    def _measure_before(self, pos: int, value: Num, strict: bool) -> str | None:
        """The measure named before `pos`: strict = the name introduces this number directly."""
        seg = self.seg
        for ks, ke, code in reversed([k for k in self.kws if k[1] <= pos]):
            gap = seg[ke:pos]
            if code == "ARR" and (value.signed or value.percent or re.match(r"^\s*ratio", gap)):
                continue          # an annualized rate is never negative nor a percentage: ARR names the outcome here
            if code == "ARR" and re.search(r"\b(?:decreas|reduc|declin|increas|fell|dropped|changed?\b|improv)\w*", gap, re.I):
                code = "MD"       # "the ARR decreased by 0.8": a change in the rate
            if code in P.RATIO and (value.percent or value.value <= 0) and strict:
                continue
            if not strict:
                return code
            g = re.sub(r"[\[(][^\[\]()\d]{0,40}[\])]", " ", gap)
            if re.search(r"\d", g):
                return None
            if re.fullmatch(r"[\s:=,]*", g):
                return code
            if len(g) <= 90 and re.search(r"\b(?:was|were|is|of|as|by|at)\s*$", g) and not re.search(r"[;]|\.\s", g):
                return code
            return None
        return None

    def _resolve(self, code: str, n: Num) -> str:
        if code == "DIFF":
            if n.percent:
                return "RD"
            return self.state.last_difference_measure or "MD"
        if code == "MD" and n.percent:
            return "RD"
        return code

    def find_labelled(self) -> None:
        for i, n in enumerate(self.nums):
            if not self._free(i) or self._threshold_before(n):
                continue
            code = self._measure_before(n.start, n, strict=True)
            if code is None:
                continue
            if self._unit_after(n) and not self.seg[n.full_end:n.full_end + 12].lstrip().startswith(("/100", "per 100")):
                continue
            measure = self._resolve(code, n)
            if measure in P.RATIO and n.percent:
                continue
            # "Portland, OR 97239", "HR 72 bpm": a whole number after a ratio's abbreviation is a ratio only
            # when an interval follows it
            if measure in P.RATIO and not n.decimal and self._ci_after(n.full_end, n.value) is None:
                continue
            value = n.value / 100 if (n.percent and measure in {"RD", "RRR"}) else n.value
            est = Estimate(measure, value, n.text, n.start, n.full_end, kind="labelled", percent=n.percent and measure in {"RD", "RRR"})
            per100 = re.match(r"^\s*(?:/\s*100|per\s+100)\s*(?:(?:patient|person)[- ]?years?|PY)", self.seg[n.full_end:n.full_end + 30])
            if per100:
                est.unit = "per 100 patient-years"
            self._add(est, i)
            self._note_measure(measure)

    def _note_measure(self, measure: str) -> None:
        if measure in P.RATIO or measure in P.DIFFERENCE or measure == "RRR":
            self.state.last_measure = measure
        if measure in {"MD", "SMD"}:
            self.state.last_difference_measure = measure

    def find_with_interval(self) -> None:
        """A bare value followed by an interval takes the nearest measure named before it."""
        for i, n in enumerate(self.nums):
            if not self._free(i) or self._threshold_before(n) or self._unit_after(n):
                continue
            labelled_ci = self._ci_after(n.full_end) is not None
            if not labelled_ci and self._ci_after(n.full_end, n.value) is None:
                continue
            candidates = [(k[1], k[2]) for k in self.kws if k[1] <= n.start]
            candidates += [(e.end, e.measure) for e in self.estimates if e.end <= n.start]
            candidates.sort()
            measure = None
            for _, code in reversed(candidates):
                if code == "ARR" and (n.signed or n.percent):
                    continue
                if code in P.RATIO and n.percent:
                    continue
                measure = self._resolve(code, n)
                break
            if measure is None and self.state.last_measure and not n.percent:
                measure = self.state.last_measure
            if measure is None and n.percent:
                window = self.seg[max(0, n.start - 60):n.full_end + 80]
                if P.REDUCTION_WORDS.search(window):
                    measure = "RRR"
                elif re.search(r"differ", window, re.I):
                    measure = "RD"
            if measure is None or (not labelled_ci and measure not in P.RATIO | {"MD", "SMD"}):
                continue
            pct = n.percent and measure in {"RD", "RRR"}
            value = n.value / 100 if pct else n.value
            est = Estimate(measure, value, n.text, n.start, n.full_end, kind="interval", percent=pct)
            self._add(est, i)
            self._note_measure(measure)

    def _ratio_restated(self, fraction: float) -> bool:
        """True when a percentage reduction only restates a ratio in the same sentence (HR 0.29 = 71% lower)."""
        for e in self.estimates:
            if e.measure in P.RATIO and abs((1 - e.value) - fraction) <= 0.011:
                return True
        return False

    def find_relative_changes(self) -> None:
        seg = self.seg
        for i, n in enumerate(self.nums):
            if not self._free(i) or not n.percent:
                continue
            after = seg[n.full_end:n.full_end + 40]
            before = seg[max(0, n.start - 70):n.start]
            # "-71.1% vs placebo", "+38.8% vs pre-study": a signed change against a reference
            m_vs = re.match(r"^\s*(?:vs\.?|versus|compared\s+(?:with|to))\s+(?P<ref>[\w-]+(?:\s+[\w-]+)?)", after)
            if n.signed and m_vs:
                est = Estimate("RRR", -n.value / 100, n.text, n.start, n.full_end, kind="change", percent=True)
                est.comparator_hint = m_vs.group("ref")
                self._add(est, i)
                continue
            if n.signed:
                continue
            by = re.search(r"\b(?:reduc\w*|declin\w*|decreas\w*|lower\w*|cut)\b(?:\s+[\w-]+){0,4}?\s+by\s+(?:about\s+|approximately\s+|nearly\s+)?$", before, re.I)
            direct = re.match(r"^\s*(?:relative\s+)?(?:reduction|decrease|lower|fewer|reduced|decline)\b", after, re.I)
            if (by or direct) and not self._ratio_restated(n.value / 100):
                est = Estimate("RRR", n.value / 100, n.text, n.start, n.full_end, kind="change", percent=True)
                self._add(est, i)

    def find_rates_per_100(self) -> None:
        for m in P.PER100_RE.finditer(self.seg):
            idx = [i for i in self._num_at(m.start("v"), m.end("v")) if self._free(i)]
            if not idx:
                continue
            n = self.nums[idx[0]]
            est = Estimate("ARR", n.value, n.text, n.start, n.full_end, unit="per 100 patient-years", kind="rate")
            self._claim_span(m.start(), m.end())
            self._add(est, idx[0], tail_from=m.end())

    def find_relapse_rates(self) -> None:
        """In a sentence about annualized relapse rates, the plain decimals are rates."""
        seg = self.seg
        ks = [k for k in self.kws if k[2] == "ARR" and not re.match(r"^\s*ratio", seg[k[1]:k[1] + 8])]
        if not ks:
            return
        # a number is a rate while the last quantity named before it is the relapse rate
        # ("ARR fell from 1.2 to 0.3, and EDSS from 4.5 to 3.0": 4.5 and 3.0 are scores)
        marks = sorted([(k[0], True) for k in ks] + [(m.start(), False) for m in _OTHER_QUANTITY.finditer(seg)])
        for i, n in enumerate(self.nums):
            if not self._free(i) or n.signed or n.percent:
                continue
            last = [is_rate for pos, is_rate in marks if pos < n.start]
            if not last or not last[-1]:
                continue
            if not n.decimal and not re.search(r"\bARR\s*[:=]?\s*$", seg[max(0, n.start - 8):n.start]):
                continue
            if self._unit_after(n) or self._threshold_before(n) or n.value >= 20:
                continue
            if re.match(r"^\s*(?:/|of\b)\s*\d", seg[n.full_end:n.full_end + 6]):
                continue
            est = Estimate("ARR", n.value, n.text, n.start, n.full_end, kind="rate-context")
            self._add(est, i)
        # "from 1.17 to 0.25": the first is the rate before treatment, the second on treatment
        rates = [e for e in self.estimates if e.measure == "ARR" and e.kind in ("rate-context", "labelled")]
        for a, b in zip(rates, rates[1:]):
            between = seg[a.end:b.start]
            if re.fullmatch(r"\s*(?:[\[(][^\])]*[\])]\s*)?to\s*", between):
                a.timepoint = a.timepoint or "before treatment"
                b.timepoint = b.timepoint or "on treatment"
                a.arm_hint = "@" + str(b.end)   # the arm named after the second value applies to both

    def find_signed_differences(self) -> None:
        """Signed changes in a sentence about change take the difference measure named in the document."""
        seg = self.seg
        change_words = re.search(r"\b(?:reduction|change|decrease|differen\w*|improvement|declin\w*)\b", seg, re.I)
        if not change_words:
            return
        named = [k[2] for k in self.kws if k[2] in ("MD", "SMD")]
        measure = named[-1] if named else self.state.last_difference_measure
        if not measure:
            return
        for i, n in enumerate(self.nums):
            if not self._free(i) or not n.signed or n.percent or self._unit_after(n):
                continue
            before = seg[max(0, n.start - 30):n.start]
            after = seg[n.full_end:n.full_end + 12]
            if re.search(r"\b(?:mean|LSM|LS\s+mean|vs\.?|versus)\s*$", before, re.I) or re.match(r"^\s*(?:vs|versus|and)\b", after):
                continue
            ok = (re.match(r"^\s*[\[(]\s*[Pp]\b", after)
                  or re.search(r"\b(?:reduction|change|decrease|difference|improvement|declin\w*)\s+(?:of\s+)?$", before, re.I)
                  or (re.search(r"\(\s*$", before) and re.match(r"^\s*\)", after))
                  or self._ci_after(n.full_end) is not None)
            if not ok:
                continue
            est = Estimate(measure, n.value, n.text, n.start, n.full_end, kind="difference")
            self._add(est, i)

    # ---------------------------------------------------------------- proportions
    _VETO = re.compile(
        r"\b(?:female|females|women|male|males|men|children|paediatric|pediatric|adults?|aged?|years?\s+old|"
        r"were\s+treated|were\s+in\s+the|received\s+(?:treatment|\w+\s+treatment)|treated\s+(?:after|before)|"
        r"were\s+included|included|randomi[sz]ed|enrolled|seropositive|seronegative|positive|negative|"
        r"white|asian|black|underwent|history|at\s+baseline|concomitant|were\s+available|"
        r"accounted|comprised|had\s+(?:a\s+)?diagnosis|completed)\b",
        re.I,
    )
    _PREDICTED = re.compile(r"\b(?:predicted|probability|survival|kaplan|estimated|model)\b", re.I)

    def _local_after(self, pos: int) -> str:
        """Text after `pos` up to the next number or clause break: where "were women" would be."""
        tail = self.seg[pos:pos + 80]
        m = re.search(r"[;,.]\s|[;]|\d", tail)
        return tail[:m.start()] if m else tail

    def _has_outcome(self) -> bool:
        if self._outcome is None:
            self._outcome = has_outcome(self.seg)
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
        outcome_here = self._has_outcome()
        pairs: list[tuple[int, int, float]] = []
        # 1. counts: "14 of 19", "117/141", "n=11/14"
        for m in P.COUNT_PAIR_RE.finditer(seg):
            e, t = int(m.group("e")), int(m.group("t"))
            idx = self._num_at(m.start(), m.end())
            if t == 0 or e > t or any(not self._free(i) for i in idx):
                continue
            if re.match(r"^\s*\d", seg[m.end():m.end() + 3]):
                continue
            frac = e / t
            pct_i = self._percent_near(m.start(), m.end(), frac)
            span_end = max(m.end(), self.nums[pct_i].full_end) if pct_i is not None else m.end()
            local = self._local_after(span_end + (1 if seg[span_end:span_end + 1] in ")]" else 0))
            if self._VETO.search(local) or not outcome_here:
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
            if not n_val or any(not self._free(i) for i in idx) or not outcome_here:
                continue
            if self._VETO.search(self._local_after(m.end())):
                continue
            est = Estimate("PROPORTION", 1.0, f"{n_val}/{n_val}", m.start("n"), m.end("n"), events=n_val, total=n_val, kind="all")
            self.claimed.update(idx)
            self.estimates.append(est)
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
            if self._VETO.search(local) or not outcome_here or self._VETO.search(seg[m.start("n"):m.start("x")]):
                continue
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
        # 4. "26.7% of 116 patients", "80% of the patients showed ..."
        for m in _OF_PAT.finditer(seg):
            xi = [i for i in self._num_at(m.start("x"), m.end("x")) if self.nums[i].percent]
            if not xi or not self._free(xi[0]):
                continue
            nxt = (m.group("next") or "").strip().lower()
            if m.group("t") is None and (not nxt or nxt in {"with", "who", "in", "on", "from", "treated", "receiving", "had", "were", "was", "that", "and"}):
                continue
            if not outcome_here and m.group("t") is None:
                continue
            x = self.nums[xi[0]]
            total = int(m.group("t")) if m.group("t") else None
            if total:
                self._register_size_before(m.start(), total)
                ti = self._num_at(m.start("t"), m.end("t"))
                self.claimed.update(ti)
            events = round(total * x.value / 100) if total else None
            self.claimed.add(xi[0])
            if not outcome_here or self._VETO.search(self._local_after(m.end())):
                continue
            est = Estimate("PROPORTION", x.value / 100, x.text + "%", m.start(), m.end(), events=events, total=total, kind="percent-of")
            self.estimates.append(est)
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

    def find_arm_percentages(self, arm_for) -> None:
        """A bare percentage for an arm whose size the document states ("RTX (n=55) ... RTX (32.7%)")."""
        seg = self.seg
        if not self._has_outcome() or re.search(r"\b(?:baseline|concomitant|predicted|survival|probability)\b", seg, re.I):
            return
        for i, n in enumerate(self.nums):
            if not self._free(i) or not n.percent or n.signed or self._threshold_before(n):
                continue
            if re.match(r"^\s*(?:of|reduction|decrease|lower|higher|increase|CI|confidence)\b", seg[n.full_end:n.full_end + 14], re.I):
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
