"""Summary of findings in words, generated from the pooled numbers.

Each pooled or single-study cell becomes one paragraph: direction, size with its confidence interval,
number of studies and patients, heterogeneity and prediction interval, and the certainty of the evidence.
Certainty is decided once, by the synthesis stage (GRADE, `evidence_review.synthesis.certainty`), and read from
pooled.csv (`certainty`, `certainty_reasons`); this module only words it, following GRADE's plain-language
statements (Santesso et al., J Clin Epidemiol 2020;119:126-135): high "reduces", moderate "probably reduces",
low "may reduce", very low "the evidence is very uncertain". A row without a rating reads "not rated" and is
worded as cautiously as very low.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .html import Html, cell_anchor, el, esc, estimate_anchor, join
from .inputs import split_ids
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


def number_link(value, cell_id: str, field: str, href: str, shown: str | None = None) -> Html:
    """A number that links to where it comes from; data-* attributes let a test compare it with the table."""
    return el("a", shown if shown is not None else fmt(value), href=href, class_="num",
              data_cell=cell_id, data_field=field, data_value=repr(float(value)))


def _source_href(row: pd.Series) -> str:
    ids = split_ids(row["estimate_ids"])
    if len(ids) == 1:
        return "#" + estimate_anchor(ids[0])
    return "#" + cell_anchor(row["cell_id"])


def source_links(row: pd.Series, numbering: dict[str, int]) -> Html:
    ids = split_ids(row["estimate_ids"])
    if not ids:
        return Html("")
    links = [el("a", f"[{numbering.get(i, '?')}]", href="#" + estimate_anchor(i), class_="src",
                title=f"estimate {i}") for i in ids]
    return el("span", "Sources: ", join(links, " "), ".", class_="sources")


def interval(row: pd.Series, low: str, high: str, href: str, label: str) -> Html:
    if is_missing(row[low]) or is_missing(row[high]):
        return Html("")
    cell_id = str(row["cell_id"])
    return join([esc(label + " "), number_link(row[low], cell_id, low, href), esc(" to "),
                 number_link(row[high], cell_id, high, href)])


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


def heterogeneity_text(row: pd.Series, href: str) -> Html:
    cell_id = str(row["cell_id"])
    k = 0 if is_missing(row["k"]) else int(row["k"])
    if k < 2:
        return Html("")
    parts = []
    i2 = row["i2"]
    if not is_missing(i2):
        i2v = float(i2)
        grade = ("low" if i2v < 25 else "moderate" if i2v < 50 else "substantial" if i2v < 75 else "considerable")
        stats = [esc("τ² = "), number_link(row["tau2"], cell_id, "tau2", href)] if not is_missing(row["tau2"]) else []
        if stats and not is_missing(row.get("tau2_ci_low")) and not is_missing(row.get("tau2_ci_high")):
            stats += [esc(" (95% CI "), number_link(row["tau2_ci_low"], cell_id, "tau2_ci_low", href), esc(" to "),
                      number_link(row["tau2_ci_high"], cell_id, "tau2_ci_high", href), esc(")")]
        stats += [esc("; " if stats else ""), esc("I² = "),
                  number_link(i2v, cell_id, "i2", href, shown=fmt_percent(i2v))]
        if not is_missing(row.get("i2_ci_low")) and not is_missing(row.get("i2_ci_high")):
            stats += [esc(" (95% CI "),
                      number_link(row["i2_ci_low"], cell_id, "i2_ci_low", href, shown=fmt_percent(row["i2_ci_low"])),
                      esc(" to "),
                      number_link(row["i2_ci_high"], cell_id, "i2_ci_high", href, shown=fmt_percent(row["i2_ci_high"])),
                      esc(")")]
        parts.append(join([esc(f"Heterogeneity was {grade} ("), join(stats), esc(")")]))
    pi_lead = "the" if parts else "The"
    if not is_missing(row["pi_low"]) and not is_missing(row["pi_high"]):
        parts.append(join([esc(f"{pi_lead} 95% prediction interval for a new study is "),
                           number_link(row["pi_low"], cell_id, "pi_low", href), esc(" to "),
                           number_link(row["pi_high"], cell_id, "pi_high", href)]))
    elif k < 3:
        parts.append(esc(f"{pi_lead} prediction interval needs at least three studies"))
    return join([join(parts, "; "), esc(".")]) if parts else Html("")


def certainty_badge(certainty: Certainty) -> Html:
    """'Certainty: low (Study design: …; Imprecision: rated down one level — …).'"""
    moved = certainty.moved
    return el("span", "Certainty: ", el("strong", certainty.label), f" ({'; '.join(moved)})" if moved else "", ".",
              class_=f"certainty certainty-{certainty.label.replace(' ', '-')}")


def finding(row: pd.Series, numbering: dict[str, int]) -> Html:
    """One paragraph for one cell of pooled.csv."""
    certainty = certainty_of(row)
    measure = str(row["measure"])
    cell_id = str(row["cell_id"])
    href = _source_href(row)
    k = 0 if is_missing(row["k"]) else int(row["k"])
    studies = f"{k} stud{'y' if k == 1 else 'ies'}"
    patients = f", {fmt_count(row['n_total'])} patients" if not is_missing(row["n_total"]) else ""
    intervention = str(row["intervention"]) or "the intervention"
    comparator = str(row["comparator"])
    timepoint = f" ({row['timepoint']})" if str(row["timepoint"]) else ""
    if is_missing(row["estimate"]) and str(row["method"]) == TWO_STUDIES:
        versus = f" compared with {comparator}" if comparator else ""
        body = esc(f"{_sentence_case(intervention)}{versus}, {row['outcome'] or 'the outcome'}{timepoint}: "
                   f"{studies}{patients}, shown side by side and not pooled (two studies cannot estimate the "
                   "between-study variance; see the forest plot). ")
        return el("p", body, certainty_badge(certainty), " ", source_links(row, numbering), class_="finding",
                  data_cell=cell_id)
    if is_missing(row["estimate"]):
        body = esc(f"{_sentence_case(intervention)}: no pooled estimate could be computed ({studies}). ")
        return el("p", body, certainty_badge(certainty), " ", source_links(row, numbering), class_="finding",
                  data_cell=cell_id)
    ci = interval(row, "ci_low", "ci_high", href, "95% CI")
    code = "" if measure == "PROPORTION" else measure + " "
    size = join([esc(code), number_link(row["estimate"], cell_id, "estimate", href),
                 esc(" ("), ci, esc(f"; {studies}{patients})") if ci else esc(f"{studies}{patients})")])
    outcome = str(row["outcome"]) or "the outcome"
    if measure in SINGLE_ARM_MEASURES:
        name = (f"proportion of patients with {outcome}" if measure == "PROPORTION" else measure_name(measure))
        subject = f"the {name} on {intervention}{timepoint}"
        lead = {4: f"{_sentence_case(subject)} is", 3: f"{_sentence_case(subject)} is probably",
                2: f"{_sentence_case(subject)} may be",
                1: f"The evidence is very uncertain about {subject}; the estimate is"}
        claim = esc(lead[certainty.level] + " ")
    elif not comparator:
        claim = esc(f"{'The evidence is very uncertain about the' if certainty.level == 1 else 'The'} "
                    f"{measure_name(measure)} for {outcome} with {intervention}{timepoint} (comparator not stated)"
                    f"{'' if certainty.level == 1 else ' ' + {4: 'is', 3: 'is probably', 2: 'may be'}[certainty.level]}"
                    f"{': ' if certainty.level == 1 else ' '}")
    elif certainty.level == 1:
        claim = esc(f"The evidence is very uncertain about the effect of {intervention} on {outcome}"
                    f"{timepoint} compared with {comparator}: ")
    else:
        verb, target = _direction_phrase(row, certainty)
        claim = esc(f"{_sentence_case(intervention)} {verb} {target}{timepoint} compared with {comparator}: ")
    heterogeneity = heterogeneity_text(row, href)
    rating = certainty_badge(certainty)
    return el("p", claim, size, esc(". "), heterogeneity, " " if heterogeneity else "", rating, " ",
              source_links(row, numbering), class_="finding", data_cell=cell_id)


def summary_of_findings(pooled: pd.DataFrame, documents: pd.DataFrame, numbering: dict[str, int]) -> Html:
    if pooled.empty:
        return el("p", "No estimates were pooled, so there are no findings to summarize. ",
                  "The sections below list what was read and why nothing could be combined.", class_="empty")
    k = pd.to_numeric(pooled["k"], errors="coerce").fillna(0)
    ordered = pooled.assign(_single=(k < 2)).sort_values(
        ["condition", "outcome", "_single", "measure", "intervention", "comparator", "timepoint", "cell_id"],
        kind="stable")
    blocks = []
    if not (k >= 2).any():
        blocks.append(el("p", "No comparison had two or more studies, so nothing was pooled: every finding below "
                              "rests on a single study.", class_="note"))
    for condition, by_condition in ordered.groupby("condition", sort=True):
        outcomes = []
        for outcome, by_outcome in by_condition.groupby("outcome", sort=True):
            pooled_n = int((~by_outcome["_single"]).sum())
            lead = (f"{len(by_outcome)} comparison{'s' if len(by_outcome) != 1 else ''}"
                    f"{f', {pooled_n} pooled from two or more studies' if pooled_n else ', each from a single study'}.")
            pooled_rows = by_outcome.loc[~by_outcome["_single"]]
            single_rows = by_outcome.loc[by_outcome["_single"]]
            findings = [finding(row, numbering) for _, row in pooled_rows.iterrows()]
            singles = [finding(row, numbering) for _, row in single_rows.iterrows()]
            if pooled_n and singles:  # pooled comparisons lead; single studies stay one click away
                n = len(singles)
                findings.append(el("details", el("summary", f"{n} single-study finding{'s' if n != 1 else ''}"),
                                   singles))
            else:
                findings.extend(singles)
            outcomes.append(el("div", el("h4", outcome or "Outcome not stated", " ", el("span", lead, class_="lead")),
                               findings, class_="finding-block"))
        blocks.append(el("section", el("h3", condition or "Condition not stated"), outcomes, class_="condition"))
    return join(blocks)
