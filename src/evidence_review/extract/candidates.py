"""Find the estimates in one sentence: numbers are tokenized once, then each finder claims the numbers it
explains (intervals, p-values and ranges first, so they can never be taken for estimates).

Finders, in order: labelled effects ("HR = 1.8"), unlabelled values followed by an interval ("11.66 (95% CI
...)", measure taken from the nearest preceding measure name), relative changes in percent ("declined by 37%",
"-71.1% vs placebo"), rates per 100 patient-years, annualized relapse rates in a sentence about them,
signed differences in a sentence about changes, and proportions (counts, "N patients (x%)", "x% of N";
module proportions).
"""
from __future__ import annotations

import re

from . import patterns as P
from .lexicon import Mention
from .model import Estimate, Num, SentenceState, tokenize
from .numbers import parse_number
from .proportions import ProportionFinders


_NON_FINITE = re.compile(r"(?<![\w.])[\"']?(?P<v>nan|NaN|NAN|inf|Inf|INF|infinity|Infinity|\u221e)[\"']?(?![\w])")
_SURVIVAL = re.compile(r"\b(?:survival|probability|predicted|kaplan|cumulative|estimated\s+(?:proportion|risk))\b", re.I)
_SD_HEADER = re.compile(r"\(\s*(?:SD|SE|SEM|s\.d\.)\s*\)|\bmean\s*\u00b1\s*SD\b", re.I)
_VALUE_THEN_BRACKET = re.compile(r"\d\s*[(\[]\s*(?P<b>" + P.UNSIGNED + r")\s*[)\]]")
_EVENT_WORDS = re.compile(r"\b(?:rates?|relapses?|attacks?|exacerbations?|events?|risk|hazard|odds|flares?|ARR)\b", re.I)
# "C statistic 0.79 (95% CI 0.72-0.86)", "AUC of 0.81": a model's accuracy, with an interval but not an effect
_ACCURACY_STAT = re.compile(
    r"\b(?:C[- ]?statistics?|c[- ]?index|concordance(?:\s+index)?|AUC|AUROC|area\s+under\s+(?:the\s+)?(?:ROC\s+|receiver[\w\s-]*?)?curve|"
    r"sensitivity|specificity|kappa|ICC|intraclass\s+correlation|correlation(?:\s+coefficient)?|Spearman|Pearson)\b[^\d;]{0,12}$", re.I)
_SPREAD_WORDS = re.compile(r"\b(?:median|IQR|interquartile|range)\b", re.I)
_MEAN_CHANGE = re.compile(r"\b(?:mean|LSM)\s+changes?\b", re.I)
_OTHER_QUANTITY = re.compile(
    r"\b(?:EDSS|MG-ADL|QMG|MGC|mRS|scores?|titers?|titres?|age|follow-up|duration|doses?|proteinuria|UPCR|eGFR|"
    r"weight|BMI|lymphocytes?|CD19|CD20|IgG|levels?|counts?|times?\s+to|volumes?|lesions?|atrophy|walk|MRI)\b", re.I)


def keywords(seg: str) -> list[tuple[int, int, str]]:
    """Measure names in reading order; where names overlap the one listed first in patterns.MEASURE_WORDS wins
    ("standardized mean difference" is an SMD, not an MD)."""
    found = [(m.start(), m.end(), m.lastgroup) for m in P.MEASURE_WORDS_RE.finditer(seg)]
    if found:
        found += [(m.start(), m.end(), m.lastgroup) for m in P.MEASURE_ABBREV_RE.finditer(seg)
                  if not any(f[0] <= m.start() < f[1] for f in found)]
        return sorted(found)
    return [(m.start(), m.end(), m.lastgroup) for m in P.MEASURE_ABBREV_RE.finditer(seg)]


class SentenceParser(ProportionFinders):
    """The numbers of one sentence, what has been claimed, and the finders for ratios, differences and rates
    (proportions: see ProportionFinders)."""

    def __init__(self, seg: str, state: SentenceState, mentions: list[Mention]):
        self.seg = seg
        self.state = state
        self.mentions = mentions
        self.nums = tokenize(seg)
        self.claimed: set[int] = set()
        self.kws = keywords(seg)
        if state.rr_means_rate:
            # the document defined "relapse rate (RR)": RR is a rate there, not a risk ratio
            self.kws = [k for k in self.kws if not (k[2] == "RR" and seg[k[0]:k[1]].startswith("RR"))]
        self.estimates: list[Estimate] = []
        self.cis: dict[int, tuple] = {}     # CI label start -> (lo, hi, level, end, lo_pct)
        self.ps: list[tuple[int, int, float | None, str]] = []
        self._outcome: bool | None = None
        self._changes: list[int] | None = None
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
            op = re.sub(r"\s+", "", m.group("op") or m.group("op2") or "=")
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
        # a table row "ARR, mean (SD) | 1.21 (0.84) | 1.09 (0.77)": the bracketed number after a value is its SD
        if _SD_HEADER.search(seg):
            for m in _VALUE_THEN_BRACKET.finditer(seg):
                self._claim_span(m.start("b"), m.end("b"))
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
        for m in P.COMMA_PAIR_RE.finditer(seg):
            if re.search(r"\d\s*$", seg[max(0, m.start() - 12):m.start()]) and m.start() not in self.bare_pairs:
                lo, hi = parse_number(m.group("lo")), parse_number(m.group("hi"))
                if lo is not None and hi is not None and lo <= hi:
                    self.bare_pairs[m.start()] = (lo, hi, None, m.end(), False)
                    self._claim_span(m.start(), m.end())   # a pair is never one value
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
                    self._claim_span(s, ci[3])
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

    def _points_end(self, n: Num) -> int:
        """Where the value's interval may start: after "points" when the value carries that unit."""
        m = re.match(r"^\s*points?\b", self.seg[n.full_end:n.full_end + 8])
        return n.full_end + (m.end() if m else 0)

    def _points_after(self, n: Num) -> bool:
        """ "-2.1 points (95% CI ...)": points of a score, a difference's unit."""
        return bool(re.match(r"^\s*points?\b", self.seg[n.full_end:n.full_end + 8]))

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
            elif code == "ARR" and re.match(r"^\s*by\s*$", gap) and re.search(
                    r"\b(?:decreas|reduc|lower|increas)\w*\s+(?:the\s+|mean\s+)*$", seg[max(0, ks - 30):ks], re.I):
                code = "MD"       # "rituximab reduced ARR by 0.52": a change in the rate
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
                if not (code in ("MD", "SMD", "DIFF") and self._points_after(n)):
                    continue        # "mean difference -2.1 points": the scale's unit, not a count
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
            self._add(est, i, tail_from=self._points_end(n))
            self._note_measure(measure)

    def find_non_finite(self) -> None:
        """ "HR = nan", "OR = inf": a named estimate whose value is not a number is kept (and flagged by
        validation), so a reviewer sees it instead of the sentence silently yielding nothing."""
        for m in _NON_FINITE.finditer(self.seg):
            probe = Num(m.start(), m.end(), m.end(), 1.0, m.group("v"), False, False, True)  # a placeholder value
            code = self._measure_before(m.start(), probe, strict=True)
            if code is None:
                continue
            value = float("nan") if m.group("v").lower() == "nan" else float("inf")
            est = Estimate(self._resolve(code, probe), value, m.group("v"), m.start(), m.end(), kind="non-finite")
            ci = self._ci_after(m.end())
            pos = m.end()
            if ci is not None:
                est.ci_low, est.ci_high, est.ci_level, pos = ci[0], ci[1], ci[2], ci[3]
            p = self._p_after(pos)
            if p is not None:
                est.p_value, est.p_text, pos = p
            est.tail_end = pos
            self.estimates.append(est)

    def _note_measure(self, measure: str) -> None:
        if measure in P.RATIO or measure in P.DIFFERENCE or measure == "RRR":
            self.state.last_measure = measure
        if measure in {"MD", "SMD"}:
            self.state.last_difference_measure = measure

    def find_with_interval(self) -> None:
        """A bare value followed by an interval takes the nearest measure named before it."""
        for i, n in enumerate(self.nums):
            if not self._free(i) or self._threshold_before(n) or (self._unit_after(n) and not self._points_after(n)):
                continue
            labelled_ci = self._ci_after(n.full_end) is not None
            if not labelled_ci and self._ci_after(n.full_end, n.value) is None:
                continue
            if n.signed and self._within_arm_change(n.start):
                continue
            if _ACCURACY_STAT.search(self.seg[max(0, n.start - 60):n.start]):
                self._claim_span(n.start, n.full_end)
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
                if not labelled_ci and _SPREAD_WORDS.search(self.seg[:n.start]):
                    continue    # "The median (IQR) number of sessions was 5 (5-7)": no measure here, a median's IQR
                measure = self.state.last_measure
            if measure is None and n.percent:
                window = self.seg[max(0, n.start - 60):n.full_end + 80]
                if _SURVIVAL.search(self.seg[max(0, n.start - 80):n.start]):
                    continue      # a Kaplan-Meier or model-predicted percentage, not a relative change
                if P.REDUCTION_WORDS.search(window):
                    measure = "RRR"
                elif re.search(r"differ", window, re.I):
                    measure = "RD"
                elif re.search(r"\b(?:proportion|prevalence|incidence|frequency)\b(?:\s+[\w-]+){0,8}\s+(?:was|of|were|is)\s+$",
                               self.seg[max(0, n.start - 90):n.start], re.I) and labelled_ci:
                    measure = "PROPORTION"      # "the pooled proportion ... was 43% (95% CI 35-52%)"
            if measure is None or (not labelled_ci and measure not in P.RATIO | {"MD", "SMD"}):
                continue
            pct = n.percent and measure in {"RD", "RRR", "PROPORTION"}
            value = n.value / 100 if pct else n.value
            est = Estimate(measure, value, n.text, n.start, n.full_end, kind="interval", percent=pct)
            self._add(est, i, tail_from=self._points_end(n))
            self._note_measure(measure)

    def _ratio_restated(self, fraction: float) -> bool:
        """True when a percentage reduction only restates a ratio in the same sentence (HR 0.29 = 71% lower)."""
        for e in self.estimates:
            if e.measure in P.RATIO and abs((1 - e.value) - fraction) <= 0.011:
                return True
        return False

    def _lab_quantity_before(self, pos: int) -> bool:
        """True when the quantity named last before `pos` (in its clause) is a level or score, not an event rate."""
        start = max(self.seg.rfind(";", 0, pos), self.seg.rfind(":", 0, pos)) + 1
        clause = self.seg[start:pos]
        marks = [(m.start(), False) for m in _OTHER_QUANTITY.finditer(clause)]
        marks += [(m.start(), True) for m in _EVENT_WORDS.finditer(clause)]
        return bool(marks) and not max(marks)[1]

    def find_relative_changes(self) -> None:
        seg = self.seg
        for i, n in enumerate(self.nums):
            if not self._free(i) or not n.percent or self._threshold_before(n):
                continue        # "(>=50% reduction in seizure frequency)" defines a responder
            after = seg[n.full_end:n.full_end + 40]
            before = seg[max(0, n.start - 110):n.start]
            # "-71.1% vs placebo", "+38.8% vs pre-study": a signed change against a reference
            m_vs = re.match(r"^\s*(?:vs\.?|versus|compared\s+(?:with|to))\s+(?P<ref>[A-Za-z][\w-]*(?:\s+[\w-]+)?)", after)
            if n.signed and m_vs:
                est = Estimate("RRR", -n.value / 100, n.text, n.start, n.full_end, kind="change", percent=True)
                est.comparator_hint = m_vs.group("ref")
                self._add(est, i)
                continue
            if n.signed:
                continue
            by = re.search(r"\b(?:reduc\w*|declin\w*|decreas\w*|lower\w*|cut|fell|dropped)\b(?:\s+[\w-]+){0,8}?\s+by\s+(?:about\s+|approximately\s+|nearly\s+)?$", before, re.I)
            direct = re.match(r"^\s*(?:relative\s+)?(?:reduction|decrease|lower|fewer|reduced|decline)\b", after, re.I)
            # "a reduction in the relapse rate of 88%", "an ARR reduction of 53%"
            of = re.search(r"\b(?:reduction|decrease|decline)\s+(?:in\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}\s+)?of\s+(?:about\s+|approximately\s+)?$", before, re.I)
            if (by or direct or of) and self._lab_quantity_before(n.start):
                continue        # "UPCR fell by 69%", "IgG levels decreased by 62%": a level's change within an arm
            if (by or direct or of) and not self._ratio_restated(n.value / 100):
                est = Estimate("RRR", n.value / 100, n.text, n.start, n.full_end, kind="change", percent=True)
                self._add(est, i)

    def find_rates_per_100(self) -> None:
        """ "44.4/100 patient-years" (kept per 100), "0.23 relapses per patient-year" (per one)."""
        for m in P.PER100_RE.finditer(self.seg):
            v = "v" if m.group("v") else "v1"
            idx = [i for i in self._num_at(m.start(v), m.end(v)) if self._free(i)]
            if not idx:
                continue
            n = self.nums[idx[0]]
            unit = "per 100 patient-years" if m.group("per") else "per patient-year"
            est = Estimate("ARR", n.value, n.text, n.start, n.full_end, unit=unit, kind="rate")
            # "from 102.3 to 25.6 per 100 patient-years": the first value has the same unit, before treatment
            start = re.search(r"\bfrom\s+(?P<v>" + P.UNSIGNED + r")\s+to\s+$", self.seg[max(0, n.start - 30):n.start])
            first = None
            if start:
                j = [i for i in self._num_at(n.start - len(start.group(0)) + start.start("v") - start.start(),
                                             n.start - len(start.group(0)) + start.end("v") - start.start()) if self._free(i)]
                if j:
                    m0 = self.nums[j[0]]
                    first = Estimate("ARR", m0.value, m0.text, m0.start, m0.full_end, unit=unit, kind="rate",
                                     timepoint="before treatment")
                    est.timepoint = "on treatment"
                    self.claimed.add(j[0])
                    self.estimates.append(first)
            self._claim_span(m.start(), m.end())
            self._add(est, idx[0], tail_from=m.end())
            if first is not None:
                first.tail_end = est.tail_end

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
            # a whole number is a rate right after "ARR", or as the end of "from 2.0 (IQR ...) before X to 0"
            to_after_rate = bool(re.search(r"\bto\s*$", seg[max(0, n.start - 6):n.start])) and any(
                e.measure == "ARR" and e.end <= n.start for e in self.estimates)
            if not n.decimal and not to_after_rate and not re.search(r"\bARR\s*[:=]?\s*$", seg[max(0, n.start - 8):n.start]):
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
            if re.fullmatch(r"\s*(?:[\[(][^\])]*[\])]\s*)?(?:(?:before|prior\s+to)\s+[\w-]+\s+)?to\s*", between):
                a.timepoint = a.timepoint or "before treatment"
                b.timepoint = b.timepoint or "on treatment"
                a.arm_hint = "@" + str(b.end)   # the arm named after the second value applies to both

    def _within_arm_change(self, pos: int) -> bool:
        """ "least-squares mean change -4.39 [95% CI ...]) than ... placebo (-2.30 [...]; mean difference -2.09":
        a value after a within-arm "mean change" and before any "difference" is one arm's change, not an effect."""
        if self._changes is None:     # found once per sentence: a long sentence has many signed numbers
            self._changes = [m.end() for m in _MEAN_CHANGE.finditer(self.seg)]
        change = [c for c in self._changes if c <= pos]
        if not change:
            return False
        return not re.search(r"\bdifferen|\bvs\.?\s*$|\bversus\s*$", self.seg[change[-1]:pos], re.I)

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
        earlier = [e for e in self.estimates if e.measure in ("MD", "SMD")]
        for i, n in enumerate(self.nums):
            if not self._free(i) or not n.signed or n.percent:
                continue
            before = seg[max(0, n.start - 30):n.start]
            if self._unit_after(n):
                # "a difference of -1.9 points in MG-ADL (p<0.001) and of -3.1 points in QMG": the same kind
                # of difference continued, in the same unit
                if not (self._points_after(n) and re.search(r"\b(?:and|or)\s+of\s+$", before)
                        and any(e.end <= n.start for e in earlier)):
                    continue
                est = Estimate(earlier[-1].measure, n.value, n.text, n.start, n.full_end, kind="difference")
                self._add(est, i, tail_from=self._points_end(n))
                continue
            after = seg[n.full_end:n.full_end + 12]
            if re.search(r"\b(?:mean|LSM|LS\s+mean|vs\.?|versus)\s*$", before, re.I) or re.match(r"^\s*(?:vs|versus|and)\b", after):
                continue
            if self._within_arm_change(n.start):
                continue
            ok = (re.match(r"^\s*[\[(]\s*[Pp]\b", after)
                  or re.search(r"\b(?:reduction|change|decrease|difference|improvement|declin\w*)\s+(?:of\s+)?$", before, re.I)
                  or (re.search(r"\(\s*$", before) and re.match(r"^\s*\)", after))
                  or self._ci_after(n.full_end) is not None)
            if not ok:
                continue
            est = Estimate(measure, n.value, n.text, n.start, n.full_end, kind="difference")
            self._add(est, i)
