"""GRADE certainty of the evidence for one cell, decided once here and written to pooled.csv.

The report only words the result; nothing downstream re-rates a cell.

Start from the study design (GRADE Handbook 5.1): randomized trials start at high, non-randomized studies at low.
A cell starts at high when studies carrying at least half of its weight are randomized. A document is randomized
evidence when ingestion classified it as an RCT, or when a secondary report (news item, page of unknown kind) says
the study it reports was randomized (`randomized_from_text`).

Then each GRADE domain is judged with a stated reason (Guyatt et al., J Clin Epidemiol 2011;64:407-415 and the
series' articles 5-9; Schünemann et al., Cochrane Handbook ch. 14):

- risk of bias: from the reviewer's judgements in data/curation/risk_of_bias.csv (RoB 2: low / some concerns /
  high; ROBINS-I: low / moderate / serious / critical). Rated down one level when studies carrying at least half of
  the weight are at high (RoB 2) or serious/critical (ROBINS-I) risk, two when that half is at critical risk.
  Studies without a judgement are "not assessed", and shown as such; nothing is guessed.
- inconsistency: k >= 2. Pooled cells: rated down one level when I² >= 50 % and either the studies' point
  estimates lie on both sides of no effect or the prediction interval includes no effect while the CI does not;
  two levels when in addition I² >= 75 % and studies' CIs exclude no effect in opposite directions. Two studies
  shown side by side: one level when their CIs lie on opposite sides of no effect or do not overlap.
  Single-arm quantities (no "no effect" value): one level when I² >= 75 %.
- indirectness: the extractor's `role` of the estimates (subgroup-only results, a dose comparison, a before-after
  comparison; an empty role is an effect) and a before-treatment comparator: one level when studies carrying at
  least half of the weight are such comparisons. A single-arm quantity answers no comparative question: one level.
- imprecision: the 95 % CI includes no effect: one level, two when it also includes appreciable benefit and harm
  (ratio below 0.75 and above 1.25, GRADE's default thresholds of a 25 % relative change). A CI that excludes no
  effect: one level when the optimal information size is not met, judged with GRADE's rule of thumb from the
  events (fewer than 300 events for a binary or time-to-event outcome) or participants (fewer than 400 for a
  continuous outcome); when the events are not reported the size is "not assessable" and the CI alone decides.
  No CI at all: two levels.
- publication bias: from k >= 10 (Cochrane Handbook 13.3.5.4) Egger's regression test on the funnel plot: one level
  when p < 0.10; below 10 studies "not assessed".
- large effect (non-randomized evidence only, no domain rated down, at least two studies): up one level when the
  CI of a ratio lies wholly below 0.5 or above 2, two when in addition the estimate is below 0.2 or above 5.

Not GRADE domains, and not used: the number of studies as such, the number of patients (instead of events),
k < 3. A reviewer overrides any domain (or the starting level) in data/curation/grade.csv with a reason
(`appraisal.read_grade_overrides`); the override replaces the rule's judgement and says so.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from ..tables import CONTINUOUS_MEASURES, MEASURE_TABLE
from .labels import sentence_start

VERY_LOW, LOW, MODERATE, HIGH = "very low", "low", "moderate", "high"
LABELS = {1: VERY_LOW, 2: LOW, 3: MODERATE, 4: HIGH}
LEVEL_OF = {v: k for k, v in LABELS.items()}

START = "study design"
RISK_OF_BIAS, INCONSISTENCY, INDIRECTNESS, IMPRECISION, PUBLICATION_BIAS = (
    "risk of bias", "inconsistency", "indirectness", "imprecision", "publication bias")
LARGE_EFFECT = "large effect"
DOWNGRADE_DOMAINS = (RISK_OF_BIAS, INCONSISTENCY, INDIRECTNESS, IMPRECISION, PUBLICATION_BIAS)
DOMAINS = (START, *DOWNGRADE_DOMAINS, LARGE_EFFECT)

I2_SERIOUS, I2_VERY_SERIOUS = 50.0, 75.0
APPRECIABLE_BENEFIT, APPRECIABLE_HARM = 0.75, 1.25
OIS_EVENTS, OIS_PARTICIPANTS = 300, 400
BIAS_P = 0.10
LARGE, VERY_LARGE = 2.0, 5.0
INDIRECT_ROLES = {"subgroup": "subgroup-only results", "dose": "a comparison of doses",
                  "before_after": "a before-after comparison"}

# severity of a risk-of-bias judgement: RoB 2 and ROBINS-I words on one scale
ROB_SEVERITY = {"low": 0, "some concerns": 1, "moderate": 1, "high": 2, "serious": 2, "critical": 3}


@dataclass(frozen=True)
class Judgement:
    domain: str
    change: int  # levels: -2, -1, 0, +1, +2 (the starting level for START: 4 or 2)
    reason: str
    assessed: bool = True
    source: str = ""  # "" for the rule; "reviewer NAME" for an override

    @property
    def verdict(self) -> str:
        if self.domain == START:
            return f"start at {LABELS.get(self.change, str(self.change))}"
        if not self.assessed:
            return "not assessed"
        if self.change == 0:
            return "not rated down" if self.domain != LARGE_EFFECT else "not rated up"
        words = {1: "one level", 2: "two levels"}.get(abs(self.change), f"{abs(self.change)} levels")
        return f"rated {'down' if self.change < 0 else 'up'} {words}"

    def describe(self) -> str:
        by = f" [{self.source}]" if self.source else ""
        return f"{self.domain[:1].upper()}{self.domain[1:]}: {self.verdict}{by} — {self.reason}"


@dataclass(frozen=True)
class Grade:
    judgements: tuple[Judgement, ...]

    @property
    def level(self) -> int:
        start = next((j.change for j in self.judgements if j.domain == START), 2)
        total = start + sum(j.change for j in self.judgements if j.domain != START)
        return max(1, min(4, total))

    @property
    def label(self) -> str:
        return LABELS[self.level]

    @property
    def reasons(self) -> str:
        """certainty_reasons: every domain, ' | '-separated, each 'Domain: verdict — reason'."""
        return " | ".join(j.describe() for j in self.judgements)

    def changed(self) -> list[Judgement]:
        return [j for j in self.judgements if j.domain != START and j.change != 0]


@dataclass
class CellEvidence:
    """What the rules need about one cell (natural scale; `null` is None for single-arm quantities)."""
    measure: str
    null: float | None
    k: int
    pooled: bool  # a pooled estimate was computed (False for one study or two side by side)
    estimate: float = math.nan
    ci_low: float = math.nan
    ci_high: float = math.nan
    pi_low: float = math.nan
    pi_high: float = math.nan
    i2: float = math.nan
    studies: list[tuple[float, float, float]] = field(default_factory=list)  # (value, ci_low, ci_high)
    weights: list[float] = field(default_factory=list)  # percent, one per study
    randomized: list[bool] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    comparator: str = ""
    events: float | None = None  # total events in both arms, when known
    participants: float | None = None
    risk_of_bias: list[str | None] = field(default_factory=list)  # judgement per study, None when not assessed
    egger_p: float | None = None
    bias_min_k: int = 10


def _finite(x) -> bool:
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def _share(flags: list[bool], weights: list[float]) -> float:
    """Weight share (0-1) of the studies where flag is True; equal weights when none are given."""
    if not flags:
        return 0.0
    w = [float(x) if _finite(x) and float(x) > 0 else 0.0 for x in weights] if len(weights) == len(flags) else []
    if not w or sum(w) <= 0:
        w = [1.0] * len(flags)
    return sum(x for x, f in zip(w, flags) if f) / sum(w)


def _includes(null: float, low, high) -> bool:
    return _finite(low) and _finite(high) and float(low) <= null <= float(high)


def _side(null: float, low, high) -> int:
    """+1 when the interval lies wholly above the null, -1 wholly below, 0 otherwise."""
    if not (_finite(low) and _finite(high)):
        return 0
    return 1 if float(low) > null else -1 if float(high) < null else 0


def _fmt(x) -> str:
    x = float(x)
    return f"{x:.2f}" if abs(x) >= 0.1 else f"{x:.2g}"


_RANDOMIZED = re.compile(r"\brandomi[sz]ed\b[^.]{0,80}\b(?:trial|study|controlled)\b|\bwere randomi[sz]ed\b|"
                         r"\brandomly (?:assigned|allocated)\b|\bRCT\b|\brandomi[sz]ed,? (?:double|open|placebo)",
                         re.IGNORECASE)
_NOT_RANDOMIZED = re.compile(r"\bnon-?randomi[sz]ed\b|\bnot randomi[sz]ed\b|\bnot at random\b|"
                             r"\bquasi-?randomi[sz]ed\b", re.IGNORECASE)
_POOLED_OF_MANY = re.compile(r"\bmeta-?analys[ie]s\b|\bsystematic review\b|\bpooled analysis\b", re.IGNORECASE)
SECONDARY_OR_UNKNOWN = {"news", "other", "", "patient information"}


def randomized_from_text(design: str, text: str) -> bool:
    """Is this document randomized evidence? RCT by design, or a secondary report (news, unknown kind) of a
    single study that the text calls randomized. Reviews and meta-analyses, which mix designs, never are."""
    design = (design or "").strip().lower()
    if design == "rct":
        return True
    if design not in SECONDARY_OR_UNKNOWN or not text:
        return False
    if _POOLED_OF_MANY.search(text) or _NOT_RANDOMIZED.search(text):
        return False
    return bool(_RANDOMIZED.search(text))


# ---------------------------------------------------------------- the domains

def judge_start(ev: CellEvidence) -> Judgement:
    n_rand = sum(bool(r) for r in ev.randomized)
    share = _share([bool(r) for r in ev.randomized], ev.weights)
    if ev.randomized and share >= 0.5:
        mixed = "" if n_rand == len(ev.randomized) else (
            f" ({n_rand} of {len(ev.randomized)} studies randomized, {share:.0%} of the weight)")
        return Judgement(START, 4, "randomized trials" + mixed)
    if n_rand:
        return Judgement(START, 2, f"mostly non-randomized studies ({n_rand} of {len(ev.randomized)} randomized, "
                                   f"{share:.0%} of the weight)")
    return Judgement(START, 2, "non-randomized studies" if ev.randomized else "study design not known")


def judge_risk_of_bias(ev: CellEvidence) -> Judgement:
    known = [j for j in ev.risk_of_bias if j]
    if not known:
        return Judgement(RISK_OF_BIAS, 0, "no reviewer judgement in data/curation/risk_of_bias.csv", assessed=False)
    severity = [ROB_SEVERITY.get(str(j).lower(), None) if j else None for j in ev.risk_of_bias]
    high = _share([s is not None and s >= 2 for s in severity], ev.weights)
    critical = _share([s is not None and s >= 3 for s in severity], ev.weights)
    missing = sum(1 for s in severity if s is None)
    tail = f"; {missing} of {len(severity)} studies not assessed" if missing else ""
    if critical >= 0.5:
        return Judgement(RISK_OF_BIAS, -2, f"studies at critical risk of bias carry {critical:.0%} of the weight{tail}")
    if high >= 0.5:
        return Judgement(RISK_OF_BIAS, -1,
                         f"studies at high or serious risk of bias carry {high:.0%} of the weight{tail}")
    return Judgement(RISK_OF_BIAS, 0, f"studies at high or serious risk of bias carry {high:.0%} of the weight{tail}")


def judge_inconsistency(ev: CellEvidence) -> Judgement:
    if ev.k < 2:
        return Judgement(INCONSISTENCY, 0, "one study: consistency cannot be judged", assessed=False)
    if ev.null is None:
        if _finite(ev.i2) and ev.i2 >= I2_VERY_SERIOUS:
            return Judgement(INCONSISTENCY, -1, f"I² = {ev.i2:.0f}% (considerable heterogeneity)")
        i2 = f"I² = {ev.i2:.0f}%" if _finite(ev.i2) else "I² not estimated"
        return Judgement(INCONSISTENCY, 0, i2)
    sides = [_side(ev.null, lo, hi) for _, lo, hi in ev.studies]
    opposite = 1 in sides and -1 in sides
    points = [v for v, _, _ in ev.studies if _finite(v)]
    both_directions = any(v < ev.null for v in points) and any(v > ev.null for v in points)
    if not ev.pooled:
        overlap = _overlap(ev.studies)
        if opposite or overlap is False:
            why = ("the studies' CIs lie on opposite sides of no effect" if opposite
                   else "the studies' CIs do not overlap")
            return Judgement(INCONSISTENCY, -1, why)
        return Judgement(INCONSISTENCY, 0, "the studies' CIs overlap" + (
            "; point estimates on both sides of no effect" if both_directions else ""))
    i2 = ev.i2 if _finite(ev.i2) else math.nan
    pi_crosses = (_finite(ev.pi_low) and _includes(ev.null, ev.pi_low, ev.pi_high)
                  and not _includes(ev.null, ev.ci_low, ev.ci_high))
    i2_text = f"I² = {i2:.0f}%" if _finite(i2) else "I² not estimated"
    if _finite(i2) and i2 >= I2_VERY_SERIOUS and opposite:
        return Judgement(INCONSISTENCY, -2, f"{i2_text} and studies show effects in opposite directions")
    if _finite(i2) and i2 >= I2_SERIOUS and (both_directions or pi_crosses):
        why = []
        if pi_crosses:
            why.append(f"the prediction interval ({_fmt(ev.pi_low)} to {_fmt(ev.pi_high)}) includes no effect")
        if both_directions:
            why.append("point estimates on both sides of no effect")
        return Judgement(INCONSISTENCY, -1, f"{i2_text}; " + " and ".join(why))
    detail = "" if not _finite(i2) or i2 < I2_SERIOUS else "; the studies agree in direction"
    return Judgement(INCONSISTENCY, 0, i2_text + detail)


def _overlap(studies) -> bool | None:
    intervals = [(lo, hi) for _, lo, hi in studies if _finite(lo) and _finite(hi)]
    if len(intervals) < 2:
        return None
    return max(lo for lo, _ in intervals) <= min(hi for _, hi in intervals)


def judge_indirectness(ev: CellEvidence) -> Judgement:
    if ev.null is None:
        return Judgement(INDIRECTNESS, -1, "a single-arm quantity: no comparison with a control group")
    reasons = []
    if ev.comparator.strip().lower() in {"before treatment", "baseline"}:
        reasons.append("a before-after comparison (the comparator is the same patients before treatment)")
    roles = [str(r or "").strip().lower() for r in ev.roles]
    for role, words in INDIRECT_ROLES.items():
        share = _share([r == role for r in roles], ev.weights)
        if share >= 0.5 and not (role == "before_after" and reasons):
            reasons.append(f"{words} ({share:.0%} of the weight)")
    if reasons:
        return Judgement(INDIRECTNESS, -1, "; ".join(reasons))
    return Judgement(INDIRECTNESS, 0, "direct comparisons of the intervention with the comparator")


def judge_imprecision(ev: CellEvidence) -> Judgement:
    if ev.null is None:
        return _single_arm_imprecision(ev)
    if not ev.pooled and ev.k >= 2:
        null_in_all = all(_includes(ev.null, lo, hi) for _, lo, hi in ev.studies)
        ois = _ois(ev)
        if null_in_all:
            return Judgement(IMPRECISION, -1, "not pooled, and every study's CI includes no effect" + _ois_tail(ois))
        if ois is False:
            return Judgement(IMPRECISION, -1, "not pooled; " + _ois_text(ev))
        return Judgement(IMPRECISION, 0, "not pooled; a study's CI excludes no effect" + _ois_tail(ois))
    if not (_finite(ev.ci_low) and _finite(ev.ci_high)):
        return Judgement(IMPRECISION, -2, "no confidence interval")
    ois = _ois(ev)
    ci = f"95% CI {_fmt(ev.ci_low)} to {_fmt(ev.ci_high)}"
    if _includes(ev.null, ev.ci_low, ev.ci_high):
        if ev.null == 1.0 and ev.ci_low < APPRECIABLE_BENEFIT and ev.ci_high > APPRECIABLE_HARM:
            return Judgement(IMPRECISION, -2, f"{ci} includes no effect and both appreciable benefit and harm "
                                              f"(below {APPRECIABLE_BENEFIT} and above {APPRECIABLE_HARM})")
        return Judgement(IMPRECISION, -1, f"{ci} includes no effect" + _ois_tail(ois))
    if ois is False:
        return Judgement(IMPRECISION, -1, f"{ci} excludes no effect, but {_ois_text(ev)}")
    return Judgement(IMPRECISION, 0, f"{ci} excludes no effect" + _ois_tail(ois))


def _ois(ev: CellEvidence) -> bool | None:
    """Optimal information size met (True), not met (False) or not assessable (None)."""
    if ev.measure in CONTINUOUS_MEASURES:
        return None if ev.participants is None else ev.participants >= OIS_PARTICIPANTS
    return None if ev.events is None else ev.events >= OIS_EVENTS


def _ois_text(ev: CellEvidence) -> str:
    if ev.measure in CONTINUOUS_MEASURES:
        return (f"{ev.participants:.0f} participants, fewer than the {OIS_PARTICIPANTS} of the optimal "
                "information size (rule of thumb)")
    return f"{ev.events:.0f} events, fewer than the {OIS_EVENTS} of the optimal information size (rule of thumb)"


def _ois_tail(ois: bool | None) -> str:
    if ois is None:
        return "; optimal information size not assessable (events not reported)"
    return "; optimal information size met" if ois else ""


def _single_arm_imprecision(ev: CellEvidence) -> Judgement:
    if not (_finite(ev.ci_low) and _finite(ev.ci_high)):
        return Judgement(IMPRECISION, -2, "no confidence interval")
    if ev.measure == "PROPORTION":
        width = ev.ci_high - ev.ci_low
        if width > 0.2:
            return Judgement(IMPRECISION, -1, f"the 95% CI spans {width * 100:.0f} percentage points")
        return Judgement(IMPRECISION, 0, f"the 95% CI spans {width * 100:.0f} percentage points")
    if ev.ci_low > 0 and ev.ci_high / ev.ci_low > 2:
        return Judgement(IMPRECISION, -1, f"the 95% CI spans a {ev.ci_high / ev.ci_low:.1f}-fold range")
    return Judgement(IMPRECISION, 0, f"95% CI {_fmt(ev.ci_low)} to {_fmt(ev.ci_high)}")


def judge_publication_bias(ev: CellEvidence) -> Judgement:
    if ev.k < ev.bias_min_k:
        return Judgement(PUBLICATION_BIAS, 0, f"fewer than {ev.bias_min_k} studies: funnel asymmetry not testable",
                         assessed=False)
    if ev.egger_p is None or not _finite(ev.egger_p):
        return Judgement(PUBLICATION_BIAS, 0, "Egger's test could not be computed", assessed=False)
    if ev.egger_p < BIAS_P:
        return Judgement(PUBLICATION_BIAS, -1, f"funnel plot asymmetry (Egger's test p = {ev.egger_p:.2g})")
    return Judgement(PUBLICATION_BIAS, 0, f"no funnel plot asymmetry detected (Egger's test p = {ev.egger_p:.2g})")


def judge_large_effect(ev: CellEvidence, start: Judgement, downs: list[Judgement]) -> Judgement:
    if start.change >= 4:
        return Judgement(LARGE_EFFECT, 0, "randomized evidence is not rated up", assessed=False)
    if ev.null != 1.0 or not (_finite(ev.ci_low) and _finite(ev.ci_high) and _finite(ev.estimate)):
        return Judgement(LARGE_EFFECT, 0, "applies to ratio measures with a CI", assessed=False)
    if ev.k < 2:
        return Judgement(LARGE_EFFECT, 0, "a large effect needs consistent evidence from at least two studies")
    if any(j.change < 0 for j in downs):
        return Judgement(LARGE_EFFECT, 0, "evidence rated down in another domain is not rated up")
    low, high, est = ev.ci_low, ev.ci_high, ev.estimate
    if high < 1 / LARGE or low > LARGE:
        very = est < 1 / VERY_LARGE or est > VERY_LARGE
        return Judgement(LARGE_EFFECT, 2 if very else 1,
                         f"estimate {_fmt(est)}, 95% CI {_fmt(low)} to {_fmt(high)} wholly beyond "
                         f"{'0.5' if high < 1 else '2'}" + (" and estimate beyond 0.2 or 5" if very else ""))
    return Judgement(LARGE_EFFECT, 0, "the CI is not wholly below 0.5 or above 2")


def grade(ev: CellEvidence, overrides: dict[str, Judgement] | None = None) -> Grade:
    """The GRADE rating of one cell; `overrides` (domain -> reviewer's Judgement) replace the rules' ones."""
    overrides = overrides or {}
    start = overrides.get(START) or judge_start(ev)
    downs = []
    for domain, rule in ((RISK_OF_BIAS, judge_risk_of_bias), (INCONSISTENCY, judge_inconsistency),
                         (INDIRECTNESS, judge_indirectness), (IMPRECISION, judge_imprecision),
                         (PUBLICATION_BIAS, judge_publication_bias)):
        downs.append(overrides.get(domain) or rule(ev))
    up = overrides.get(LARGE_EFFECT) or judge_large_effect(ev, start, downs)
    return Grade((start, *downs, up))


def override(domain: str, change: int, reason: str, reviewer: str) -> Judgement:
    """A reviewer's judgement for one domain (data/curation/grade.csv)."""
    return replace(Judgement(domain, change, reason), source=f"reviewer {reviewer}".strip() if reviewer else "reviewer")


# ---------------------------------------------------------------- plain-language statements

_TARGET_NOUNS = {code: m.noun for code, m in MEASURE_TABLE.items() if m.noun}


def effect_target(measure: str, outcome: str) -> str:
    """What a comparative measure changes, in words: HR for "time to first relapse" -> "the hazard of first
    relapse"; RR for "tuberculosis" -> "the risk of tuberculosis"; a difference -> the outcome itself."""
    outcome = outcome or "the outcome"
    noun = _TARGET_NOUNS.get(measure)
    if noun is None:
        return outcome
    event = outcome[len("time to "):] if outcome.startswith("time to ") else outcome
    return f"the {noun} of {event}"


def plain_language(label: str, intervention: str, outcome: str, comparator: str, measure: str,
                   estimate, ci_low, ci_high, null: float | None) -> str:
    """GRADE's informative statement for a comparative result (Santesso et al., J Clin Epidemiol 2020;119:126-135):
    high "reduces", moderate "probably reduces", low "may reduce", very low "the evidence is very uncertain"."""
    target = effect_target(measure, outcome)
    outcome = outcome or "the outcome"
    versus = f" compared with {comparator}" if comparator else ""
    if label not in LEVEL_OF:
        return f"The certainty of the evidence about {intervention} and {outcome} was not rated."
    if label == VERY_LOW:
        return f"The evidence is very uncertain about the effect of {intervention} on {outcome}{versus}."
    if null is None or not _finite(estimate):
        return f"The evidence about {intervention} and {outcome}{versus} could not be summarized as an effect."
    hedge = {HIGH: "", MODERATE: "probably ", LOW: "may "}[label]
    if _includes(null, ci_low, ci_high) or not (_finite(ci_low) and _finite(ci_high)):
        verb = {HIGH: "makes", MODERATE: "probably makes", LOW: "may make"}[label]
        return f"{sentence_start(intervention)} {verb} little or no difference to {target}{versus}."
    increases = float(estimate) < 0 if measure == "RRR" else float(estimate) > null
    base = ("increases" if increases else "reduces") if label != LOW else ("increase" if increases else "reduce")
    return f"{sentence_start(intervention)} {hedge}{base} {target}{versus}."
