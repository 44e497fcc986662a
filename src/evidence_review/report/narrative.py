"""Summary of findings in words, generated from the pooled numbers.

Each pooled or single-study cell becomes one paragraph: direction, size with its confidence interval,
number of studies and patients, heterogeneity and prediction interval, and the certainty of the evidence.
Each finding is data (`Finding`: pieces of prose, the certainty, the source links); the template
`templates/report/_findings.html.j2` writes it. Certainty is decided once, by the synthesis stage (GRADE, `evidence_review.synthesis.certainty`), and read from
pooled.csv (`certainty`, `certainty_reasons`); this module only words it, following GRADE's plain-language
statements (Santesso et al., J Clin Epidemiol 2020;119:126-135): high "reduces", moderate "probably reduces",
low "may reduce", very low "the evidence is very uncertain". A row without a rating reads "not rated" and is
worded as cautiously as very low.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

import pandas as pd

from .html import Link, Num
from .inputs import records, split_ids
from .pages import SOURCE_LINKS_LIMIT, Site
from ..synthesis.certainty import effect_target
from ..synthesis.labels import sentence_start
from ..tables import SINGLE_ARM_MEASURES, measure_name, null_value
from .numbers import fmt, fmt_count, fmt_percent, is_missing

LEVELS = {4: "high", 3: "moderate", 2: "low", 1: "very low"}
LEVEL_OF_LABEL = {v: k for k, v in LEVELS.items()}
NOT_RATED = "not rated"
TWO_STUDIES = "not pooled: 2 studies"


# "Imprecision: rated down one level — …", "Risk of bias: rated down one level [reviewer AB] — …"
_MOVED = re.compile(r"^[^:—]+: (?:rated (?:down|up)\b|[^—]*\[reviewer)")


@dataclass(frozen=True)
class Certainty:
    """The synthesis stage's rating as the report shows it."""
    label: str
    reasons: tuple[str, ...]  # every GRADE domain, as written to certainty_reasons

    @property
    def level(self) -> int:
        """4 high … 1 very low; a missing rating is worded like very low."""
        return LEVEL_OF_LABEL.get(self.label, 1)

    @property
    def moved(self) -> tuple[str, ...]:
        """The study-design start, the domains that moved the rating (rated down or up) and every reviewer
        override (with its reason)."""
        return tuple(r for r in self.reasons if r.startswith("Study design") or _MOVED.match(r))


def certainty_of(row: pd.Series) -> Certainty:
    label = str(row.get("certainty", "") or "").strip().lower()
    reasons = tuple(r.strip() for r in str(row.get("certainty_reasons", "") or "").split(" | ") if r.strip())
    return Certainty(label if label in LEVEL_OF_LABEL else NOT_RATED, reasons)


def _includes_null(low, high, null) -> bool | None:
    if null is None or is_missing(low) or is_missing(high):
        return None
    return float(low) <= null <= float(high)


@dataclass(frozen=True)
class Finding:
    """One paragraph for one cell of pooled.csv."""
    cell_id: str
    parts: tuple  # pieces: the claim, size with its interval, heterogeneity
    certainty: Certainty
    sources: tuple = field(default_factory=tuple)  # Links to the estimates behind it, numbered as in the appendix
    more_sources: Link | None = None  # "and 290 more": the rest are listed with the cell


def number_link(value, cell_id: str, field: str, href: str, shown: str | None = None) -> Num:
    """A number that links to where it comes from; data-* attributes let a test compare it with the table."""
    return Num(shown if shown is not None else fmt(value), href, cell_id, field, repr(float(value)))


def source_links(estimate_ids, numbering: dict[str, int], estimate_href) -> tuple[Link, ...]:
    return tuple(Link(f"[{numbering.get(i, '?')}]", estimate_href(i), "src", f"estimate {i}")
                 for i in split_ids(estimate_ids))


def _default_site() -> Site:
    return Site()  # the main page's links, for callers that do not lay out pages themselves


def interval(row: pd.Series, low: str, high: str, href: str, label: str) -> list:
    if is_missing(row[low]) or is_missing(row[high]):
        return []
    cell_id = str(row["cell_id"])
    return [label + " ", number_link(row[low], cell_id, low, href), " to ", number_link(row[high], cell_id, high, href)]


def _direction_phrase(row: pd.Series, certainty: Certainty) -> tuple[str, str]:
    """(verb phrase, object) for comparative measures, following the certainty wording."""
    measure = str(row["measure"])
    null = null_value(measure)
    estimate = float(row["estimate"])
    ci_null = _includes_null(row["ci_low"], row["ci_high"], null)
    outcome = str(row["outcome"]) or "the outcome"
    target = effect_target(measure, outcome)
    if measure == "RRR":
        increases = estimate < 0
    else:
        increases = estimate > (null or 0.0)
    hedge = {4: "", 3: "probably ", 2: "may ", 1: ""}[certainty.level]
    if ci_null:
        verb = {4: "makes", 3: "probably makes", 2: "may make", 1: "may make"}[certainty.level]
        return f"{verb} little or no difference to", target
    base = ("increases" if increases else "reduces") if certainty.level >= 3 else ("increase" if increases else "reduce")
    return hedge + base, target


def _sentence_case(value: str) -> str:
    return sentence_start(value)


def heterogeneity_text(row: pd.Series, href: str) -> list:
    cell_id = str(row["cell_id"])
    k = 0 if is_missing(row["k"]) else int(row["k"])
    if k < 2:
        return []
    parts: list = []
    i2 = row["i2"]
    if not is_missing(i2):
        i2v = float(i2)
        grade = ("low" if i2v < 25 else "moderate" if i2v < 50 else "substantial" if i2v < 75 else "considerable")
        stats: list = ["τ² = ", number_link(row["tau2"], cell_id, "tau2", href)] if not is_missing(row["tau2"]) else []
        if stats and not is_missing(row.get("tau2_ci_low")) and not is_missing(row.get("tau2_ci_high")):
            stats += [" (95% CI ", number_link(row["tau2_ci_low"], cell_id, "tau2_ci_low", href), " to ",
                      number_link(row["tau2_ci_high"], cell_id, "tau2_ci_high", href), ")"]
        stats += ["; " if stats else "", "I² = ", number_link(i2v, cell_id, "i2", href, shown=fmt_percent(i2v))]
        if not is_missing(row.get("i2_ci_low")) and not is_missing(row.get("i2_ci_high")):
            stats += [" (95% CI ",
                      number_link(row["i2_ci_low"], cell_id, "i2_ci_low", href, shown=fmt_percent(row["i2_ci_low"])),
                      " to ",
                      number_link(row["i2_ci_high"], cell_id, "i2_ci_high", href, shown=fmt_percent(row["i2_ci_high"])),
                      ")"]
        parts.append([f"Heterogeneity was {grade} (", stats, ")"])
    pi_lead = "the" if parts else "The"
    if not is_missing(row["pi_low"]) and not is_missing(row["pi_high"]):
        parts.append([f"{pi_lead} 95% prediction interval for a new study is ",
                      number_link(row["pi_low"], cell_id, "pi_low", href), " to ",
                      number_link(row["pi_high"], cell_id, "pi_high", href)])
    elif k < 3:
        parts.append(f"{pi_lead} prediction interval needs at least three studies")
    if not parts:
        return []
    joined: list = []
    for i, part in enumerate(parts):
        joined += (["; "] if i else []) + [part]
    return joined + ["."]


def finding(row: pd.Series, numbering: dict[str, int], site=None) -> Finding:
    """One paragraph for one cell of pooled.csv; `site` places the links (default: seen from the main page)."""
    site = site or _default_site()
    certainty = certainty_of(row)
    measure = str(row["measure"])
    cell_id = str(row["cell_id"])
    href = site.source(cell_id, row["estimate_ids"])
    sources = source_links(row["estimate_ids"], numbering, site.estimate)
    more_sources = None
    if site.limit is not None and len(sources) > SOURCE_LINKS_LIMIT:
        more_sources = Link(f"{len(sources) - SOURCE_LINKS_LIMIT:,} more", site.cell(cell_id))
        sources = sources[:SOURCE_LINKS_LIMIT]
    k = 0 if is_missing(row["k"]) else int(row["k"])
    studies = f"{k} stud{'y' if k == 1 else 'ies'}"
    patients = f", {fmt_count(row['n_total'])} patients" if not is_missing(row["n_total"]) else ""
    intervention = str(row["intervention"]) or "the intervention"
    comparator = str(row["comparator"])
    timepoint = f" ({row['timepoint']})" if str(row["timepoint"]) else ""
    if is_missing(row["estimate"]) and str(row["method"]) == TWO_STUDIES:
        versus = f" compared with {comparator}" if comparator else ""
        body = (f"{_sentence_case(intervention)}{versus}, {row['outcome'] or 'the outcome'}{timepoint}: "
                f"{studies}{patients}, shown side by side and not pooled (two studies cannot estimate the "
                "between-study variance; see the forest plot). ")
        return Finding(cell_id, (body,), certainty, sources, more_sources)
    if is_missing(row["estimate"]):
        body = f"{_sentence_case(intervention)}: no pooled estimate could be computed ({studies}). "
        return Finding(cell_id, (body,), certainty, sources, more_sources)
    ci = interval(row, "ci_low", "ci_high", href, "95% CI")
    code = "" if measure == "PROPORTION" else measure + " "
    size = [code, number_link(row["estimate"], cell_id, "estimate", href),
            " (", ci, f"; {studies}{patients})"] if ci else [
            code, number_link(row["estimate"], cell_id, "estimate", href), f" ({studies}{patients})"]
    outcome = str(row["outcome"]) or "the outcome"
    if measure in SINGLE_ARM_MEASURES:
        name = (f"proportion of patients with {outcome}" if measure == "PROPORTION" else measure_name(measure))
        subject = f"the {name} on {intervention}{timepoint}"
        lead = {4: f"{_sentence_case(subject)} is", 3: f"{_sentence_case(subject)} is probably",
                2: f"{_sentence_case(subject)} may be",
                1: f"The evidence is very uncertain about {subject}; the estimate is"}
        claim = lead[certainty.level] + " "
    elif not comparator:
        claim = (f"{'The evidence is very uncertain about the' if certainty.level == 1 else 'The'} "
                 f"{measure_name(measure)} for {outcome} with {intervention}{timepoint} (comparator not stated)"
                 f"{'' if certainty.level == 1 else ' ' + {4: 'is', 3: 'is probably', 2: 'may be'}[certainty.level]}"
                 f"{': ' if certainty.level == 1 else ' '}")
    elif certainty.level == 1:
        claim = (f"The evidence is very uncertain about the effect of {intervention} on {outcome}"
                 f"{timepoint} compared with {comparator}: ")
    else:
        verb, target = _direction_phrase(row, certainty)
        claim = f"{_sentence_case(intervention)} {verb} {target}{timepoint} compared with {comparator}: "
    heterogeneity = heterogeneity_text(row, href)
    parts = [claim, size, ". ", heterogeneity, " " if heterogeneity else ""]
    return Finding(cell_id, tuple(parts), certainty, sources, more_sources)


@dataclass(frozen=True)
class OutcomeBlock:
    outcome: str
    lead: str
    findings: tuple  # pooled comparisons first
    singles: tuple  # single-study findings: behind a <details> when pooled ones lead
    folded: bool
    singles_elsewhere: int = 0  # single-study findings left to the appendix (too many for the main page)
    elsewhere_href: str = ""
    pooled_elsewhere: int = 0  # pooled findings whose cell is shown in the appendix (too many cells for one page)
    pooled_href: str = ""


def summary_of_findings(pooled: pd.DataFrame, numbering: dict[str, int], site=None, singles_href: str = "",
                        pooled_href: str = "") -> dict:
    """Findings in words, grouped by condition and outcome. With `singles_href`, single-study findings are
    not written out but counted, with a link to where they are listed; with `pooled_href`, so are the pooled
    findings of cells whose section is not on this page."""
    site = site or _default_site()
    if pooled.empty:
        return {"empty": True, "none_pooled": False, "conditions": []}
    k = pd.to_numeric(pooled["k"], errors="coerce").fillna(0)
    ordered = records(pooled.assign(_single=(k < 2)).sort_values(
        ["condition", "outcome", "_single", "measure", "intervention", "comparator", "timepoint", "cell_id"],
        kind="stable"))
    # grouped in plain Python: a pandas group per outcome cost more than the findings written from it
    ordered = [r for r in ordered if not (pd.isna(r["condition"]) or pd.isna(r["outcome"]))]
    conditions = []
    for condition, by_condition in groupby(ordered, key=itemgetter("condition")):
        outcomes = []
        for outcome, by_outcome in groupby(by_condition, key=itemgetter("outcome")):
            by_outcome = list(by_outcome)
            multi = [r for r in by_outcome if not r["_single"]]
            single_rows = [r for r in by_outcome if r["_single"]]
            pooled_n = len(multi)
            lead = (f"{len(by_outcome)} comparison{'s' if len(by_outcome) != 1 else ''}"
                    f"{f', {pooled_n} pooled from two or more studies' if pooled_n else ', each from a single study'}.")
            shown = [r for r in multi if site.on_main(str(r["cell_id"]))] if pooled_href else multi
            findings = tuple(finding(row, numbering, site) for row in shown)
            pooled_elsewhere = len(multi) - len(findings)
            if singles_href:
                outcomes.append(OutcomeBlock(outcome or "Outcome not stated", lead, findings, (), False,
                                             len(single_rows), singles_href, pooled_elsewhere, pooled_href))
                continue
            singles = tuple(finding(row, numbering, site) for row in single_rows)
            outcomes.append(OutcomeBlock(outcome or "Outcome not stated", lead, findings, singles,
                                         folded=bool(pooled_n and singles), pooled_elsewhere=pooled_elsewhere,
                                         pooled_href=pooled_href))
        conditions.append({"name": condition or "Condition not stated", "outcomes": outcomes})
    return {"empty": False, "none_pooled": not (k >= 2).any(), "conditions": conditions}
