"""The report's sections as plain data, selected from the processed tables.

Each public function takes the loaded inputs and a `pages.Site` (which page is being written, where the
other pages' anchors are) and returns a dict for its partial `templates/report/sections/<name>.html.j2`;
`html(name, inputs, site)` renders one. No markup is written here: strings are escaped by the templates.
The notebook 04_report calls `html` once per section; the appendix and figures pages reuse the same data.
"""
from __future__ import annotations

import platform
import re
from functools import lru_cache
from itertools import chain
from importlib import metadata
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from ..tables import LEAVE_ONE_OUT, RATIO_MEASURES, measure_name, readable
from ..synthesis.labels import display_name
from . import figures, narrative, prisma
from .html import (BREAK, EstimateNum, Link, Mark, More, Span, Table, Td, cell_anchor, document_anchor,
                   estimate_anchor)
from .inputs import ReportInputs, records, split_ids
from .numbers import fmt, fmt_count, fmt_p, fmt_percent, is_missing
from .pages import (APPENDIX_PAGE, CELL_LIST_LIMIT, FIGURES_PAGE, FIGURES_PAGE_BYTES, MAIN_PAGE, Site,
                    appendix_documents, embedded_plots, figure_anchor, list_anchor, plan, pooled_in_report_order,
                    ranked_cells)
from .templating import render_section

PACKAGES = ["evidence-review", "pandas", "numpy", "scipy", "pymare", "matplotlib", "seaborn", "papermill",
            "nbconvert", "nbformat", "nbclient", "ipykernel", "jinja2"]


def html(name: str, inputs: ReportInputs, site: Site | None = None, **options) -> Markup:
    """One section rendered: its data from the function of that name, its markup from its partial (`site`: the
    page layout, `pages.plan(inputs)` when not given)."""
    data = globals()[name](inputs, site or plan(inputs), **options)
    return render_section(name, data)


# ---------------------------------------------------------------- helpers shared by sections

#: "[excluded ]<estimate id> (<study>): <message>", the form of the pooling stage's per-estimate notes
_ESTIMATE_NOTE = re.compile(r"^(?P<who>(?:excluded |kept )?\S+ \([^()]*\)): (?P<message>.+)$")
NOTE_EXAMPLES = 3  # estimates named under one grouped note on the main page


def pooling_notes(notes, site: Site) -> list[str]:
    """A cell's notes from the pooling stage. The appendix lists each one; the main page gives each distinct
    message once with how many estimates it concerns and the first few of them (a cell of a thousand estimates
    has a thousand notes, mostly the same few messages), so its size does not grow with the corpus."""
    lines = [n.strip() for n in str(notes or "").split(" | ") if n.strip()]
    if site.page != MAIN_PAGE:
        return lines
    grouped: dict[str, list[str]] = {}
    for line in lines:
        match = _ESTIMATE_NOTE.match(line)
        who, message = (match["who"], match["message"]) if match else ("", line)
        grouped.setdefault(message, []).append(who)
    shown = []
    for message, whom in grouped.items():
        named = [w for w in whom if w]
        if len(named) <= 1:
            shown.append(f"{named[0]}: {message}" if named else message)
            continue
        more = f" and {len(named) - NOTE_EXAMPLES} more" if len(named) > NOTE_EXAMPLES else ""
        shown.append(f"{message}: {len(named)} estimates ({'; '.join(named[:NOTE_EXAMPLES])}{more})")
    return shown


def estimate_numbering(inputs: ReportInputs) -> dict[str, int]:
    """[1], [2], … in the order the appendix lists estimates (documents by file, estimates by position)."""
    cached = getattr(inputs, "_numbering", None)
    if cached is not None:
        return cached
    order = {doc_id: i for i, doc_id in enumerate(inputs.documents["doc_id"])}
    est = inputs.estimates.assign(_doc=inputs.estimates["doc_id"].map(order).fillna(len(order)))
    est = est.sort_values(["_doc", "start", "estimate_id"], kind="stable", na_position="last")
    numbering = {eid: i + 1 for i, eid in enumerate(est["estimate_id"])}
    inputs._numbering = numbering
    return numbering


def warm(inputs: ReportInputs) -> None:
    """Build every per-report cache the sections read (before the appendix pages are written by forked workers,
    so that each does not build them again)."""
    estimate_numbering(inputs)
    _estimates_by_doc(inputs)
    for table, key in (("estimates", "estimate_id"), ("documents", "doc_id"), ("pooled", "cell_id")):
        _first_rows_by(inputs, table, key)
    _kept_out_by_cell(inputs)
    _source_files(inputs)
    _included(inputs)
    _flow(inputs)


def _flow(inputs: ReportInputs) -> prisma.Flow:
    """The PRISMA counts (the at-a-glance tiles and the flow show the same ones), counted once per report."""
    cached = getattr(inputs, "_flow", None)
    if cached is None:
        cached = inputs._flow = prisma.compute_flow(inputs.documents, inputs.estimates, inputs.pooled)
    return cached


def _cut_rows(site: Site, rows: pd.DataFrame, name: str, what: str) -> tuple[list, More | None]:
    """`site.cut` of a table's rows, reading only the rows the page shows."""
    if site.window is not None:
        return records(rows.iloc[site.window]), None
    if site.limit is None or len(rows) <= site.limit:
        return records(rows), None
    _, more = site.cut(range(len(rows)), name, what)
    return records(rows.iloc[:site.limit]), more


def _first_rows_by(inputs: ReportInputs, table: str, key: str) -> dict:
    """The first row of `inputs.<table>` per value of `key`, built once per report (cells ask per estimate)."""
    attribute = f"_{table}_by_{key}"
    cached = getattr(inputs, attribute, None)
    if cached is None:
        cached = {}
        for row in records(getattr(inputs, table)):
            cached.setdefault(row[key], row)
        setattr(inputs, attribute, cached)
    return cached


def _comparison(row) -> str:
    comparator = str(row["comparator"])
    shown = f"{row['intervention']} vs {comparator}" if comparator else str(row["intervention"])
    subgroup = str(row.get("subgroup", "") or "")
    # a subgroup's result is never shown as the whole trial's
    return f"{shown} (subgroup: {subgroup})" if subgroup and subgroup != "nan" else shown


def _doc_label(doc) -> str:
    if doc is None:
        return "unknown document"
    try:
        return _label_of(doc["authors"], doc["year"], doc["source_file"])
    except TypeError:  # an unhashable value: labelled without the memo
        return _label_of.__wrapped__(doc["authors"], doc["year"], doc["source_file"])


@lru_cache(maxsize=65536)
def _label_of(authors, year, source_file) -> str:
    """`_doc_label` of a document's values, worked out once per document (a report of 10,000 documents asks for
    each label several times: headings, the search index, every estimate listed under a pooled cell)."""
    authors = str(authors)
    first = re.split(r"[,;]| and ", authors)[0].strip() if authors else ""
    year = fmt(year, 0) if not is_missing(year) else ""
    label = " ".join(x for x in [first + (" et al." if first and ("," in authors or ";" in authors) else ""), year] if x)
    if not first:
        label = " ".join(x for x in [Path(str(source_file)).name, f"({year})" if year else ""] if x)
    return label or "unnamed document"


def _estimate_value(row, field: str, estimate_id: str) -> EstimateNum | str:
    value = row[field]
    if is_missing(value):
        return ""
    return EstimateNum(fmt(value), estimate_id, field, repr(float(value)))


def _estimate_text(row) -> list:
    """'HR 3.51 (95% CI 1.20 to 10.3)' with each number tagged for checking."""
    eid = str(row["estimate_id"])
    level = "" if is_missing(row["ci_level"]) else f"{float(row['ci_level']) * 100:.0f}% "
    ci = ([f" ({level}CI ", _estimate_value(row, "ci_low", eid), " to ", _estimate_value(row, "ci_high", eid), ")"]
          if not is_missing(row["ci_low"]) and not is_missing(row["ci_high"]) else [])
    return [f"{row['measure']} ", _estimate_value(row, "value", eid), *ci]


def _flag_words(flags: str) -> str:
    """'ci_excludes_value;p_out_of_range' -> 'ci excludes value; p out of range'."""
    return "; ".join(f.strip().replace("_", " ") for f in re.split(r"[;|,]", str(flags)) if f.strip())


def _cell_link(row, field: str, site: Site, shown: str | None = None):
    """A pooled-table number linking to its cell (k ≥ 2) or straight to the single estimate (k = 1)."""
    value = row[field]
    if is_missing(value):
        return ""
    return narrative.number_link(value, str(row["cell_id"]), field, site.source(row["cell_id"], row["estimate_ids"]),
                                 shown)


def _interval_cell(row, low: str, high: str, site: Site) -> list:
    if is_missing(row[low]) or is_missing(row[high]):
        return []
    return [_cell_link(row, low, site), " to ", _cell_link(row, high, site)]


def _source_link(eid, numbering: dict[str, int], site: Site) -> Link:
    return Link(f"[{numbering.get(eid, '?')}]", site.estimate(eid), "src")


def display_path(path: str) -> str:
    """A run parameter path as shown: relative paths as given, absolute ones by their folder name only."""
    p = Path(str(path))
    return str(path) if not p.is_absolute() else f"{p.name} (absolute path outside the repository)"


def _field(row, name: str) -> str:
    """A text column of a row that may be absent (older tables) or empty (read as NA)."""
    value = row.get(name, "")
    return "" if value is None or pd.isna(value) else str(value)


def _split_pooled(pooled: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    k = pd.to_numeric(pooled["k"], errors="coerce").fillna(0)
    return pooled.loc[k >= 2], pooled.loc[k < 2]


def _most_studies_first(rows: pd.DataFrame, site: Site, always: bool = False) -> pd.DataFrame:
    """When a page can show only part of a list of cells, the cells with the most studies come first."""
    if not always and (site.limit is None or len(rows) <= site.limit):
        return rows
    k = pd.to_numeric(rows["k"], errors="coerce").fillna(0) if "k" in rows.columns else pd.Series(0, index=rows.index)
    return rows.assign(_k=-k, _pos=range(len(rows))).sort_values(["_k", "_pos"], kind="stable").drop(
        columns=["_k", "_pos"])


# ---------------------------------------------------------------- sections

def at_a_glance(inputs: ReportInputs, site: Site) -> dict:
    flow = _flow(inputs)
    tiles = [(fmt_count(n), label) for label, n in [
        ("records read", flow.records), ("documents included", flow.included),
        ("effect estimates", flow.estimates), ("cells with two or more studies", flow.pooled_cells),
        ("single-study results", flow.single_cells), ("records skipped", flow.skipped)]]
    return {"tiles": tiles, "missing": list(inputs.missing), "no_estimates": inputs.estimates.empty,
            "appendix": Link("the appendix", APPENDIX_PAGE), "figures": Link("the other forest plots", FIGURES_PAGE),
            "all_figures_here": _all_figures_here(inputs, site)}


def _all_figures_here(inputs: ReportInputs, site: Site) -> bool:
    multi, _ = _split_pooled(inputs.pooled)
    return all(str(c) in site.main_figures or str(c) not in inputs.figures for c in multi["cell_id"])


SOF_HEADER = ("Outcome and comparison", "№ of participants (studies)", "Relative effect (95% CI)",
              "Risk with comparator (per 1,000)", "Risk with intervention (per 1,000)",
              "Difference (per 1,000)", "Certainty of the evidence (GRADE)", "What happens")


def _per_1000(value) -> str:
    return "" if is_missing(value) else f"{float(value):,.0f}".replace("-", "\u2212")


def _sof_number(r, field: str) -> float:
    value = r.get(field, "")
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def summary_of_findings(inputs: ReportInputs, site: Site) -> dict:
    """The Summary-of-Findings table (GRADE / Cochrane layout), then every finding in words."""
    _, single = _split_pooled(inputs.pooled)
    too_many_singles = site.limit is not None and len(single) > site.limit
    words = narrative.summary_of_findings(
        inputs.pooled, estimate_numbering(inputs), site,
        singles_href=site.full_list("single_study_results") if too_many_singles else "",
        pooled_href=site.full_list("more_pooled_results") if site.page == MAIN_PAGE else "")
    return {"sof": sof_table(inputs, site), "words": words}


def summary_of_findings_table(inputs: ReportInputs, site: Site) -> dict:
    """The Summary-of-Findings table alone (the appendix shows every row)."""
    return {"sof": sof_table(inputs, site)}


def sof_table(inputs: ReportInputs, site: Site) -> dict:
    """reports/summary_of_findings.csv as the GRADE table; footnotes name the domains that moved each rating."""
    sof = inputs.summary
    if sof is None:
        return {"empty": "reports/summary_of_findings.csv was not found (the pooling stage writes it); the findings "
                         "below are written from pooled.csv."}
    if sof.empty:
        return {"empty": "No comparison between two arms was found, so there is no Summary-of-Findings row "
                         "(single-arm results are in the findings below)."}
    pooled = _first_rows_by(inputs, "pooled", "cell_id")
    if site.limit is not None and len(sof) > site.limit:
        k = pd.to_numeric(pd.Series([(pooled.get(c) or {}).get("k") for c in sof["cell_id"]], dtype="object"),
                          errors="coerce").fillna(0)
        sof = sof.assign(_k=-k.to_numpy(), _pos=range(len(sof))).sort_values(["_k", "_pos"], kind="stable")
    if site.window is not None:  # one page of the split full list: read only its rows
        shown, more = records(sof.iloc[site.window]), None
    else:
        shown, more = site.cut(records(sof), "summary_of_findings_table",
                               "rows (comparisons with the most studies first)")
    rows, footnotes = [], {}
    for r in shown:
        cell_id = str(r["cell_id"])
        marks = []
        for note in [n.strip() for n in str(r.get("footnotes", "")).split(" | ") if n.strip()]:
            marks.append(footnotes.setdefault(note, len(footnotes) + 1))
        row = pooled.get(cell_id)
        estimate_ids = row["estimate_ids"] if row is not None else ""
        if row is not None and not is_missing(row["estimate"]):
            relative = [Span([f"{r['measure']} ", _cell_link(row, "estimate", site)], "nowrap"), " ",
                        Span(["(", _interval_cell(row, "ci_low", "ci_high", site), ")"], "nowrap")]
        else:
            relative = str(r.get("relative_effect", ""))
        diff = _sof_number(r, "difference_per_1000")
        difference = "" if is_missing(diff) else (
            f"{_per_1000(diff)} ({_per_1000(_sof_number(r, 'difference_low'))} to "
            f"{_per_1000(_sof_number(r, 'difference_high'))})")
        risk = _sof_number(r, "risk_with_intervention_per_1000")
        with_intervention = "" if is_missing(risk) else (
            f"{_per_1000(risk)} ({_per_1000(_sof_number(r, 'risk_with_intervention_low'))} to "
            f"{_per_1000(_sof_number(r, 'risk_with_intervention_high'))})")
        assumed = _sof_number(r, "assumed_risk_per_1000")
        label = str(r.get("certainty", "")) or "not rated"
        rows.append({
            "outcome": Link(r["outcome"] or "not stated",
                            site.cell(cell_id) if cell_id not in site.single_ids else site.source(cell_id, estimate_ids)),
            "comparison": f"{display_name(r['intervention'])} vs {display_name(r['comparator'])}",
            "participants": r.get("participants_studies", ""), "relative": relative,
            "assumed": _per_1000(assumed), "assumed_known": not is_missing(assumed),
            "assumed_source": r.get("assumed_risk_source", ""),
            "with_intervention": with_intervention, "difference": difference,
            "certainty": label, "marks": ",".join(str(m) for m in marks), "plain": r.get("plain_language", ""),
        })
    return {"empty": "", "header": SOF_HEADER, "rows": rows, "footnotes": list(footnotes), "more": more}


def flow(inputs: ReportInputs, site: Site) -> dict:
    counted = _flow(inputs)
    return {"flow": counted, "boxes": prisma.boxes(counted), "counts": prisma.counts(counted)}


def _included(inputs: ReportInputs) -> pd.DataFrame:
    """The documents later stages read (`tables.readable`), decided on the two columns it reads: the rule looks
    at every row, and pandas boxes every cell of every column it is given."""
    cached = getattr(inputs, "_included_documents", None)
    if cached is None:
        docs = inputs.documents
        columns = [c for c in ("status", "duplicate_of") if c in docs.columns]
        cached = docs.loc[readable(docs[columns]).index] if len(docs) else docs
        inputs._included_documents = cached
    return cached


def characteristics(inputs: ReportInputs, site: Site) -> dict:
    docs = _included(inputs)
    if docs.empty:
        return {"empty": "No documents were included.", "table": None}
    est = inputs.estimates
    arms_of: dict = {}
    for doc_id, intervention, comparator in zip(est["doc_id"].tolist(), est["intervention"].tolist(),
                                                est["comparator"].tolist()):
        arms = arms_of.setdefault(doc_id, set())
        if intervention:
            arms.add(intervention)
        if comparator:
            arms.add(comparator)
    counts = est["doc_id"].value_counts().to_dict()
    shown, more = _cut_rows(site, docs, "characteristics", "included documents")
    rows = []
    for doc in shown:
        # Only from a follow-up phrase of the document (ingest's follow_up), never an estimate's timepoint or an age.
        follow_up = _field(doc, "follow_up")
        rows.append((
            [Link(_doc_label(doc), site.document(doc["doc_id"])), BREAK,
             Span(doc["title"] or doc["source_file"], "doc-title")],
            doc["design"] or "not stated", doc["condition"], fmt_count(doc["n_total"]),
            "; ".join(sorted(arms_of.get(doc["doc_id"], ()))), follow_up, fmt_count(int(counts.get(doc["doc_id"], 0))),
        ))
    return {"empty": "", "table": Table(
        ("Study", "Design", "Condition", "N", "Arms", "Follow-up", "Estimates"), tuple(rows),
        caption="Included documents, in file order; arms as stated with the estimates, follow-up as the "
                "document states it.", more=more)}


MAP_AXIS_LIMIT = 30  # interventions and outcomes per condition in the main page's evidence map


def _map(est: pd.DataFrame, caption: str, site: Site) -> dict:
    counts = est.assign(i=est["intervention"].replace("", "not stated"), o=est["outcome"].replace("", "not stated"))
    grid = counts.groupby(["i", "o"]).agg(n=("estimate_id", "size"), docs=("doc_id", "nunique"))
    interventions, outcomes = sorted(set(counts["i"])), sorted(set(counts["o"]))
    more = None
    if site.limit is not None and (len(interventions) > MAP_AXIS_LIMIT or len(outcomes) > MAP_AXIS_LIMIT):
        def top(column):  # the most studied, shown in alphabetical order
            ranked = counts[column].value_counts()
            ranked = ranked.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
            return sorted(ranked.index[:MAP_AXIS_LIMIT])
        shown_i, shown_o = top("i"), top("o")
        more = {"interventions": f"{len(shown_i)} of {len(interventions)} interventions",
                "outcomes": f"{len(shown_o)} of {len(outcomes)} outcomes", "href": site.full_list("evidence_map")}
        interventions, outcomes = shown_i, shown_o
    cells = grid.to_dict("index")
    rows = []
    for intervention in interventions:
        row = []
        for outcome in outcomes:
            hit = cells.get((intervention, outcome))
            if hit:
                n, d = int(hit["n"]), int(hit["docs"])
                row.append({"n": fmt_count(n), "docs": f" in {fmt_count(d)} doc{'s' if d != 1 else ''}",
                            "level": min(4, n)})
            else:
                row.append(None)
        rows.append((intervention, row))
    return {"caption": caption, "outcomes": outcomes, "rows": rows, "more": more}


def evidence_map(inputs: ReportInputs, site: Site) -> dict:
    """Per condition: which interventions were studied for which outcomes (counts of estimates and documents)."""
    est = inputs.estimates
    if est.empty:
        return {"empty": "No estimates were found, so there is nothing to map.", "maps": []}
    maps = []
    for condition, by_condition in est.groupby(est["condition"].replace("", "condition not stated"), sort=True):
        maps.append((condition, _map(by_condition, f"Estimates per intervention and outcome in {condition} "
                                                   "(all estimates, including flagged ones).", site)))
    return {"empty": "", "maps": maps}


def _estimate_with_ci(row, site: Site) -> list:
    ci = _interval_cell(row, "ci_low", "ci_high", site)
    return [_cell_link(row, "estimate", site), [" (", ci, ")"] if ci else ""]


def _outcome_label(row) -> str:
    return f"{row['outcome']} ({row['timepoint']})" if row["timepoint"] else str(row["outcome"])


def _i2_cell(row, site: Site) -> list:
    i2 = _cell_link(row, "i2", site, fmt_percent(row["i2"]))
    if is_missing(row.get("i2_ci_low")) or is_missing(row.get("i2_ci_high")):
        return [i2]
    return [i2, BREAK, Span(["(", _cell_link(row, "i2_ci_low", site, fmt_percent(row["i2_ci_low"])), " to ",
                                    _cell_link(row, "i2_ci_high", site, fmt_percent(row["i2_ci_high"])), ")"],
                                   "ci-small")]


POOLED_HEADER = ("Condition", "Outcome", "Comparison", "Measure", "k", "N", "Estimate (95% CI)", "95% PI", "τ²",
                 "I² (95% CI)", "Method", "Certainty")


def _pooled_row_cells(row, site: Site) -> tuple:
    certainty = narrative.certainty_of(row)
    return (
        row["condition"], _outcome_label(row), _comparison(row), row["measure"],
        Td(fmt_count(row["k"]), "n"), Td(fmt_count(row["n_total"]), "n"),
        Td(_estimate_with_ci(row, site), "n nowrap"), Td(_interval_cell(row, "pi_low", "pi_high", site), "n nowrap"),
        Td(_cell_link(row, "tau2", site), "n"), Td(_i2_cell(row, site), "n"),
        " / ".join(x for x in [row["method"], row["ci_method"]] if x), certainty.label,
    )


def _contributing(inputs: ReportInputs, row, numbering: dict[str, int], site: Site) -> list:
    by_id = _first_rows_by(inputs, "estimates", "estimate_id")
    docs = _first_rows_by(inputs, "documents", "doc_id")
    items = []
    for eid in split_ids(row["estimate_ids"]):
        est = by_id.get(eid)
        if est is None:
            items.append(f"estimate {eid} (not found in estimates.csv)")
            continue
        items.append([_source_link(eid, numbering, site), " ", _doc_label(docs.get(est["doc_id"])), ": ",
                      _estimate_text(est), f" — {_comparison(est)}" if est["intervention"] else ""])
    return items


def _kept_out_by_cell(inputs: ReportInputs) -> dict[str, list]:
    """Estimates the pooling stage placed in a cell but left out (same patients, rejected, ...), with why (built
    once per report)."""
    cached = getattr(inputs, "_kept_out", None)
    if cached is not None:
        return cached
    members = inputs.members
    grouped: dict[str, list] = {}
    if members is not None and {"cell_id", "estimate_id", "included"} <= set(members.columns):
        out = members.loc[members["included"].str.lower().isin(["false", "0", "no"])]
        for r in records(out.sort_values("estimate_id", kind="stable")):
            grouped.setdefault(str(r["cell_id"]), []).append(r)
    inputs._kept_out = grouped
    return grouped


def pooled_results(inputs: ReportInputs, site: Site) -> dict:
    """The pooled cells of this page: on the main page the overview table and a section per cell (those with
    the most studies when there are many); on the appendix page the sections the main page had no room for."""
    pooled, _ = _split_pooled(inputs.pooled)
    if pooled.empty:
        return {"empty": "No cell had two or more studies, so nothing was pooled.", "overview": None, "cells": [],
                "elsewhere": None}
    numbering = estimate_numbering(inputs)
    # comparisons between arms lead; single-arm quantities (rates, proportions) follow
    pooled = pooled_in_report_order(pooled)
    overview = None
    if not site.on_list("more_pooled_results"):
        ranked = _most_studies_first(pooled, site)
        rows, more = site.cut([_pooled_row_cells(row, site) for row in records(ranked)], "pooled_overview",
                              "pooled cells (most studies first)")
        overview = Table(POOLED_HEADER, tuple(rows), caption="Pooled random-effects estimates; every number links "
                         "to its cell and the estimates behind it.", scroll=True, more=more)
    here = pooled.loc[site.cells_here(pooled["cell_id"].astype(str))]
    elsewhere = None
    if site.page == MAIN_PAGE and len(here) < len(pooled):
        elsewhere = More(len(here), len(pooled), site.full_list("more_pooled_results"),
                         "pooled cells in detail here (those with the most studies)")
    kept_out = _kept_out_by_cell(inputs)
    cells = []
    for row in records(here):
        cell_id = str(row["cell_id"])
        title = f"{row['condition']} · {row['outcome']} · {_comparison(row)} ({row['measure']})"
        plots, plots_link = _plots(inputs, cell_id, title, site)
        certainty = narrative.certainty_of(row)
        cells.append({
            "anchor": cell_anchor(cell_id), "title": title,
            "finding": narrative.finding(row, numbering, site),
            "plots": plots, "plots_elsewhere": plots_link,
            "certainty": certainty,
            "contributing": site.cut(_contributing(inputs, row, numbering, site), cell_list_name(cell_id),
                                     "estimates of this cell", CELL_LIST_LIMIT),
            "kept_out": site.cut([[_source_link(r["estimate_id"], numbering, site), " ",
                                   r.get("reason", "") or r.get("note", "") or "no reason given"]
                                  for r in kept_out.get(cell_id, [])], cell_list_name(cell_id),
                                 "estimates kept out of this cell", CELL_LIST_LIMIT),
            "notes": pooling_notes(row["notes"], site),
        })
    return {"empty": "", "overview": overview, "cells": cells, "elsewhere": elsewhere}


def pooled_overview(inputs: ReportInputs, site: Site) -> dict:
    """Every pooled cell in one table (the appendix shows them all)."""
    pooled = pooled_in_report_order(inputs.pooled)
    rows = records(pooled if site.window is None else pooled.iloc[site.window])  # all, or this page's
    return {"empty": "" if len(pooled) else "No cell had two or more studies.",
            "table": Table(POOLED_HEADER, tuple(_pooled_row_cells(row, site) for row in rows), scroll=True)}


def more_pooled_results(inputs: ReportInputs, site: Site) -> dict:
    """The sections of the pooled cells the main page had no room for (the appendix page)."""
    return pooled_results(inputs, site)


def cell_list_name(cell_id) -> str:
    """The appendix's list of one cell's estimates (`all-cell-…`)."""
    return cell_anchor(cell_id)


def cell_estimates(inputs: ReportInputs, site: Site) -> dict:
    """Every pooled cell's estimates and the ones kept out, in full (the appendix page)."""
    pooled, _ = _split_pooled(inputs.pooled)
    numbering = estimate_numbering(inputs)
    kept_out = _kept_out_by_cell(inputs)
    cells = []
    for row in records(pooled):
        cell_id = str(row["cell_id"])
        if site.list_page(cell_list_name(cell_id)) != site.page and site.split:
            continue  # on another page of this split list
        cells.append({"anchor": list_anchor(cell_list_name(cell_id)),
                      "title": Link(f"{row['condition']} · {row['outcome']} · {_comparison(row)} ({row['measure']})",
                                    site.cell(cell_id)),
                      "contributing": _contributing(inputs, row, numbering, site),
                      "kept_out": [[_source_link(r["estimate_id"], numbering, site), " ",
                                    r.get("reason", "") or r.get("note", "") or "no reason given"]
                                   for r in kept_out.get(cell_id, [])]})
    return {"cells": cells}


def _plots(inputs: ReportInputs, cell_id: str, title: str, site: Site) -> tuple[list, Link | None]:
    """The cell's forest (and funnel) plot embedded here, or a link to the figures page when they did not fit."""
    forest_path = inputs.figures.get(cell_id)
    funnel_path = inputs.funnels.get(f"{cell_id}-funnel")
    if site.page != FIGURES_PAGE and forest_path is not None and cell_id not in site.main_figures:
        return [], Link("Forest plot" + (" and funnel plot" if funnel_path else "") + " on the figures page",
                        site.figure(cell_id))
    plots = [figures.figure(forest_path, f"Forest plot: {title}")]
    if funnel_path is not None:
        plots.append(figures.figure(funnel_path, f"Funnel plot: {title}", kind="funnel"))
    return plots, None


def figure_pages(inputs: ReportInputs, site: Site) -> dict:
    """The plots the main page has no room for, for the figures page (cells with k ≥ 2 that have a plot), embedded
    until the page holds `FIGURES_PAGE_BYTES` of images (cells with the most studies first); the rest are named
    by their file."""
    pooled, _ = _split_pooled(inputs.pooled)
    pooled = pooled.loc[[str(c) not in site.main_figures for c in pooled["cell_id"]]]
    ranked = embedded_plots(inputs, [c for c in ranked_cells(inputs) if c not in site.main_figures],
                            FIGURES_PAGE_BYTES)
    cells = []
    for row in records(pooled):
        cell_id = str(row["cell_id"])
        if cell_id not in inputs.figures:
            continue
        title = f"{row['condition']} · {row['outcome']} · {_comparison(row)} ({row['measure']})"
        plots, _ = _plots(inputs, cell_id, title, site) if cell_id in ranked else ([], None)
        files = [] if cell_id in ranked else [f"figures/{p.name}" for p in (inputs.figures.get(cell_id),
                                                                             inputs.funnels.get(f"{cell_id}-funnel")) if p]
        cells.append({"anchor": figure_anchor(cell_id), "title": title, "back": Link("results of this cell",
                                                                                        site.cell(cell_id)),
                      "plots": plots, "files": files})
    return {"cells": cells}


def single_study_results(inputs: ReportInputs, site: Site) -> dict:
    _, single = _split_pooled(inputs.pooled)
    if single.empty:
        return {"empty": "There are no single-study results.", "table": None}
    numbering = estimate_numbering(inputs)
    shown, more = _cut_rows(site, single, "single_study_results", "single-study results")
    rows = tuple((row["condition"], _outcome_label(row), _comparison(row), row["measure"],
                  Td(fmt_count(row["n_total"]), "n"), Td(_estimate_with_ci(row, site), "n nowrap"),
                  [[_source_link(i, numbering, site), " "] for i in split_ids(row["estimate_ids"])])
                 for row in shown)
    return {"empty": "", "table": Table(
        ("Condition", "Outcome", "Comparison", "Measure", "N", "Estimate (95% CI)", "Source"), rows,
        caption="Cells with one study: shown as reported, not pooled.", scroll=True, more=more)}


SENSITIVITY_NUMBERS = ["estimate", "ci_low", "ci_high", "tau2", "i2", "p"]


def most_influential(rows: pd.DataFrame, limit: int = CELL_LIST_LIMIT) -> tuple[pd.DataFrame, str]:
    """One cell's sensitivity rows with at most `limit` leave-one-out rows: those that move the estimate most from
    the primary fit (in the stage's order), and a line saying how many were left out; a cell of 150 studies would
    otherwise put 150 rows on the main page."""
    analysis = rows["analysis"].astype(str)
    leave_one_out = analysis.str.startswith(LEAVE_ONE_OUT)
    if int(leave_one_out.sum()) <= limit:
        return rows, ""
    primary = pd.to_numeric(rows.loc[analysis.str.startswith("primary"), "estimate"], errors="coerce")
    estimates = pd.to_numeric(rows["estimate"], errors="coerce")
    shift = (estimates - (primary.iloc[0] if len(primary) else estimates[leave_one_out].median())).abs()
    shift = shift.where(leave_one_out).fillna(-1.0)
    keep = set(shift[leave_one_out].sort_values(ascending=False, kind="stable").index[:limit])
    shown = rows.loc[~leave_one_out | rows.index.isin(keep)]
    return shown, (f"Leave-one-out: the {limit} studies whose omission moves the estimate most, of "
                   f"{int(leave_one_out.sum())} (every row is in sensitivity.csv).")


def _sensitivity_table(rows: pd.DataFrame, caption: str = "") -> Table:
    """One cell's sensitivity analyses (sensitivity.csv from the pooling stage), in the order written."""
    body = []
    for r in records(rows):
        number = {c: _sof_number(r, c) for c in SENSITIVITY_NUMBERS}
        ci = f"{fmt(number['ci_low'])} to {fmt(number['ci_high'])}" if not (
            is_missing(number["ci_low"]) or is_missing(number["ci_high"])) else ""
        body.append((r.get("analysis", ""), Td(r.get("k", ""), "n"), Td(fmt(number["estimate"]), "n"),
                     Td(ci, "n nowrap"), Td(fmt(number["tau2"]), "n"), Td(fmt_percent(number["i2"]), "n"),
                     Td(fmt_p(number["p"]), "n"), r.get("notes", "")))
    return Table(("Analysis", "k", "Estimate", "95% CI", "τ²", "I²", "p", "Notes"), tuple(body), caption=caption,
                 css="data compact")


def _generic_table(df: pd.DataFrame, caption: str, site: Site | None = None, name: str = "", what: str = "rows") -> Table:
    rows = [tuple(r[c] for c in df.columns) for r in records(df)]
    more = None
    if site is not None:
        rows, more = site.cut(rows, name, what)
    return Table(tuple(df.columns), tuple(rows), caption=caption, scroll=True, more=more)


def sensitivity(inputs: ReportInputs, site: Site) -> dict:
    pooled, _ = _split_pooled(inputs.pooled)
    parts = []
    sens = inputs.sensitivity
    if sens is None or sens.empty:
        parts.append({"empty": "No sensitivity analyses were supplied (sensitivity.csv is absent or empty)."})
    elif {"cell_id", "analysis"} <= set(sens.columns):
        sens = sens.sort_values("cell_id", kind="stable")  # keeps the stage's order within a cell
        names = {str(r["cell_id"]): f"{r['condition']} · {r['outcome']} · {_comparison(r)} ({r['measure']})"
                 for r in records(inputs.pooled)}
        sens = sens.loc[site.cells_here(sens["cell_id"].astype(str))] if site.page == MAIN_PAGE else sens
        for cell_id, rows in sens.groupby("cell_id", sort=True):
            title = names.get(str(cell_id), str(cell_id))
            heading = Link(title, site.cell(cell_id)) if str(cell_id) in names and str(cell_id) not in site.single_ids \
                else title
            rows, cut_note = most_influential(rows) if site.page == MAIN_PAGE else (rows, "")
            parts.append({"heading": heading, "table": _sensitivity_table(rows, cut_note)})
    else:
        parts.append({"table": _generic_table(sens, "Sensitivity analyses from sensitivity.csv.")})
    noted = pooled.loc[pooled["notes"] != ""] if not pooled.empty else pooled
    if site.page == MAIN_PAGE and not noted.empty:
        noted = noted.loc[site.cells_here(noted["cell_id"].astype(str))]
    notes = [{"link": Link(f"{_comparison(r)} · {r['outcome']}", site.cell(r["cell_id"])),
              "notes": pooling_notes(r["notes"], site)} for r in records(noted)]
    return {"parts": parts, "notes": notes}


def _estimate_rows(inputs: ReportInputs, estimates: pd.DataFrame, extra, site: Site) -> list[tuple]:
    """Table rows of estimates: a link to the estimate, its document, the estimate, its comparison and outcome,
    then the cells `extra(row)` gives."""
    numbering = estimate_numbering(inputs)
    docs = _first_rows_by(inputs, "documents", "doc_id")
    return [(_source_link(row["estimate_id"], numbering, site), _doc_label(docs.get(row["doc_id"])),
             _estimate_text(row), _comparison(row), row["outcome"], *extra(row))
            for row in records(estimates)]


def flagged_estimates(inputs: ReportInputs, site: Site) -> dict:
    est = inputs.estimates
    flagged = est.loc[est["flags"] != ""]
    if flagged.empty:
        return {"empty": "No estimate was flagged.", "table": None}
    rows, more = site.cut(_estimate_rows(inputs, flagged, lambda row: [_flag_words(row["flags"]), row["decision"]],
                                         site), "flagged_estimates", "flagged estimates")
    return {"empty": "", "table": Table(
        ("#", "Document", "Estimate", "Comparison", "Outcome", "Flags", "Reviewer decision"), tuple(rows),
        caption="Estimates whose numbers failed a plausibility check, with the reviewer's decision if any.", more=more)}


def reviewer_decisions(inputs: ReportInputs, site: Site) -> dict:
    """Decisions from data/curation applied to the estimates, and every decision that could not be applied."""
    est = inputs.estimates
    decided = est.loc[est["decision"] != ""]
    out: dict = {"empty": "", "counts": "", "table": None, "issues": None, "appraisal": None}
    if decided.empty:
        out["empty"] = "No reviewer decision was applied to the estimates of this run."
    else:
        counts = decided["decision"].str.lower().value_counts().sort_index()
        out["counts"] = ", ".join(f"{n} {d}" for d, n in counts.items())
        rows = _estimate_rows(inputs, decided, lambda r: [r["decision"], r["reviewer"], r["corrected_fields"],
                                                          r["decision_note"]], site)
        rows = [(r[0], r[1], r[2], *r[5:]) for r in rows]  # no comparison or outcome columns here
        rows, more = site.cut(rows, "reviewer_decisions", "reviewer decisions")
        out["table"] = Table(("#", "Document", "Estimate (as extracted)", "Decision", "Reviewer", "Corrected fields",
                              "Note"), tuple(rows), scroll=True, more=more)
    issues = inputs.decision_issues
    if issues is not None and not issues.empty:
        columns = [c for c in ["line", "estimate_id", "decision", "reviewer", "note", "problem"] if c in issues.columns]
        out["issues"] = _generic_table(issues[columns], "Kept here so that no reviewer decision is lost silently.",
                                       site, "reviewer_decisions", "decisions that could not be applied")
    appraisal = inputs.appraisal_issues
    if appraisal is not None and not appraisal.empty:
        columns = [c for c in ["file", "line", "key", "problem"] if c in appraisal.columns]
        out["appraisal"] = _generic_table(appraisal[columns], "Rows of data/curation/risk_of_bias.csv and grade.csv, "
                                          "kept here so that no judgement is lost silently.", site,
                                          "reviewer_decisions", "judgements that could not be applied")
    return out


def skipped_inputs(inputs: ReportInputs, site: Site) -> dict:
    docs = inputs.documents
    status = docs["status"].str.strip().str.lower()
    skipped = docs.loc[status == "skipped"]
    duplicates = docs.loc[(status != "skipped") & (docs["duplicate_of"] != "")]
    tables = []
    out = {"empty": "No input was skipped." if skipped.empty else "", "tables": tables}
    if not skipped.empty:
        rows, more = site.cut([(r["source_file"], fmt_count(r["record"]), r["reason"] or "no reason given")
                               for r in records(skipped)], "skipped_inputs", "skipped records")
        tables.append(Table(("File", "Record", "Reason"), tuple(rows), caption="Records skipped, with the reason.",
                            more=more))
    label = dict(zip(docs["doc_id"], docs["source_file"].astype(str)))
    if not duplicates.empty:
        rows, more = site.cut([(r["source_file"], label.get(r["duplicate_of"], r["duplicate_of"]),
                                _field(r, "duplicate_evidence") or _field(r, "reason"))
                               for r in records(duplicates)], "skipped_inputs", "duplicates")
        tables.append(Table(("File", "Duplicate of", "Evidence"), tuple(rows),
                            caption="Duplicates, counted once, with the evidence of each link (undo a link in "
                                    "data/curation/duplicates.csv).", more=more))
    possible = [] if "possible_duplicate_of" not in docs.columns else [
        r for r in records(docs.loc[docs["possible_duplicate_of"].fillna("").astype(str) != ""])
        if _field(r, "possible_duplicate_of")]
    if possible:
        rows, more = site.cut([(r["source_file"], "; ".join(label.get(d, d) for d in
                                                            _field(r, "possible_duplicate_of").split("; ")),
                                _field(r, "possible_duplicate_evidence")) for r in possible],
                              "skipped_inputs", "possible duplicates")
        tables.append(Table(("File", "Possible duplicate of", "Evidence"), tuple(rows),
                            caption="Possible duplicates, kept: the similarity is below certainty or another field "
                                    "disagrees. Record a decision in data/curation/duplicates.csv.", more=more))
    # read, but the extractor failed on them (stage 2 recorded why and went on): their estimates may be missing
    errors = docs["extract_error"].fillna("").astype(str).str.strip() if "extract_error" in docs.columns else None
    if errors is not None and (errors != "").any():
        rows, more = site.cut([(r["source_file"], fmt_count(r["record"]), r["extract_error"])
                               for r in records(docs.loc[errors != ""])], "skipped_inputs",
                              "documents whose extraction failed")
        tables.append(Table(("File", "Record", "What failed"), tuple(rows), more=more,
                            caption="Documents whose extraction failed (read, but some or all of their estimates are "
                                    "missing)."))
    return out


def methods(inputs: ReportInputs, site: Site) -> dict:
    pooled = inputs.pooled
    used = sorted({" / ".join(x for x in [m, c] if x) for m, c in zip(pooled["method"], pooled["ci_method"])
                   if m or c})
    measures = sorted(set(inputs.estimates["measure"]) - {""})
    pool_settings = inputs.run_parameters.get("03_pool") if isinstance(inputs.run_parameters.get("03_pool"), dict) else {}
    pi_from = pool_settings.get("pi_min_k", 3)
    items = [
        "Estimates are grouped into comparable cells by condition, outcome, measure, comparison and timepoint; "
        "nothing is pooled across conditions, outcomes or measures.",
        "Methods used for the cells in this report (estimator / confidence interval): "
        f"{', '.join(used) if used else 'none (no cells)'}.",
        f"Ratio measures ({', '.join(sorted(RATIO_MEASURES))}) are pooled on the log scale and shown "
        "back-transformed; τ² is on the log scale. Single-arm quantities are shown as reported.",
        "Measures found: " + (", ".join(f"{m} ({measure_name(m)})" for m in measures) if measures else "none") + ".",
    ]
    items.extend(_few_study_methods(pool_settings, pi_from))
    if pool_settings:
        shown = [f"{k} = {_show_parameter(k, v)}" for k, v in sorted(pool_settings.items(), key=lambda kv: str(kv[0]))
                 if not str(k).endswith(("_dir", "_dirs"))]
        items.append(f"Pooling settings of this run (notebook 03_pool): {'; '.join(shown)}.")
    members = inputs.members
    if members is not None and "flipped" in members.columns:
        flipped = int(members["flipped"].str.lower().isin(["true", "1", "yes"]).sum())
        items.append(f"Orientation: {fmt_count(flipped)} estimate{'s' if flipped != 1 else ''} reported as "
                     "B versus A joined the A versus B cell inverted (ratio inverted and CI limits swapped, "
                     "or a difference negated).")
    if members is not None and "variance_source" in members.columns:
        sources = members.loc[members["variance_source"] != "", "variance_source"].value_counts().sort_index()
        if not sources.empty:
            items.append("Where each study's variance came from: "
                         + "; ".join(f"{src}: {fmt_count(n)}" for src, n in sources.items()) + ".")
    return {"items": items, "checked": _extraction_checked(inputs), "grade_rules": GRADE_RULES}


def _extraction_checked(inputs: ReportInputs) -> dict:
    """How often the extractor was right on the estimates a reviewer checked (notebooks/05_review): the tool's
    own accuracy on this corpus, per field."""
    est = inputs.estimates
    # only decided estimates count; the rest of a large table need not be read row by row
    decided = est["decision"].fillna("").astype(str).str.strip().str.lower().isin(["accepted", "rejected", "corrected"])
    checked, table_ = 0, None
    if decided.any():
        # imported here: the review module brings the curation rules and the extractor's patterns (most of a second
        # of the report kernel's start), which a run nobody has reviewed yet does not need
        from ..review import agreement_from_curated
        table_ = agreement_from_curated(est.loc[decided, [c for c in ("decision", "corrected_fields")
                                                           if c in est.columns]])
        checked = int(table_["checked"].iat[0]) if len(table_) else 0
    total = int((inputs.estimates["measure"] != "").sum())
    if not checked:
        return {"lead": f"No estimate of this run has been checked yet (0 of {fmt_count(total)}); "
                        "notebooks/05_review.ipynb records the checks. Until then the extracted numbers "
                        "are the extractor's alone.", "table": None}
    rows = tuple((r["field"], fmt_count(r["extractor_right"]), fmt_count(r["checked"]),
                  fmt_percent(100 * r["agreement"])) for r in records(table_))
    return {"lead": f"{fmt_count(checked)} of {fmt_count(total)} estimates were checked by a reviewer. "
                    "Per field, how often the extractor had it right (a rejected estimate counts as "
                    "wrong in every field, a corrected one in the fields changed):",
            "table": Table(("Field", "Right", "Checked", "Agreement"), rows, css="data compact")}


GRADE_RULES = [
    "Start from the study design: randomized trials at high, non-randomized studies at low (a cell starts at high "
    "when randomized trials carry at least half of its weight). A news report of a trial counts as randomized "
    "evidence when the text says the trial was randomized.",
    "Risk of bias: from the reviewer's RoB 2 / ROBINS-I judgements in data/curation/risk_of_bias.csv; down one "
    "level when studies at high (serious) risk carry at least half of the weight, two at critical risk. Without a "
    "judgement the domain is shown as “not assessed”, never guessed.",
    "Inconsistency: down one level when I² ≥ 50% and the studies' point estimates lie on both sides of no effect "
    "or the prediction interval includes no effect while the CI does not; two when I² ≥ 75% and studies show "
    "effects in opposite directions. Two studies shown side by side: one level when their CIs do not overlap or lie "
    "on opposite sides of no effect.",
    "Indirectness: down one level for subgroup-only results, dose comparisons and before-after comparisons (the "
    "extractor's role of each estimate, and a before-treatment comparator), and for single-arm quantities.",
    "Imprecision: down one level when the 95% CI includes no effect, two when it also includes appreciable benefit "
    "and harm (a ratio below 0.75 and above 1.25); down one level when the CI excludes no effect but the optimal "
    "information size is not met (GRADE's rule of thumb: fewer than 300 events, or 400 participants for a "
    "continuous outcome). When events are not reported the information size is “not assessable”. No CI: two levels.",
    "Publication bias: from 10 studies, Egger's regression test of funnel plot asymmetry (down one level when "
    "p < 0.10); below 10 studies “not assessed” (Cochrane Handbook 13.3.5.4).",
    "Large effect: non-randomized evidence not rated down in any domain is rated up one level when the CI of a "
    "ratio from at least two studies lies wholly below 0.5 or above 2, two levels when the estimate is also below "
    "0.2 or above 5.",
    "Neither the number of studies nor the number of patients is a GRADE domain; they are not used as such.",
    "A reviewer overrides any domain in data/curation/grade.csv with a reason; the override is shown with the "
    "reviewer's name next to the domain, and survives reruns.",
]


def _few_study_methods(settings: dict, pi_from) -> list:
    """Each few-study choice of this run, with its reference."""
    test = str(settings.get("test", "adhoc"))
    pool_two = str(settings.get("pool_two_studies", False)).lower() in {"true", "1", "yes"}
    pi_method = str(settings.get("pi_method", "metafor"))
    test_words = {
        "adhoc": "the Hartung–Knapp(–Sidik–Jonkman) interval with the ad hoc correction, which never makes it narrower "
                 "than the Wald interval (metafor's test = \"adhoc\"; Röver et al., BMC Med Res Methodol 2015;15:99; "
                 "IntHout et al., BMC Med Res Methodol 2014;14:25)",
        "knha": "the Hartung–Knapp(–Sidik–Jonkman) interval without the ad hoc correction (IntHout et al., BMC Med Res "
                "Methodol 2014;14:25)",
        "z": "the Wald (normal) interval",
    }.get(test, test)
    return [
        ["One study is shown as reported. Two studies are ",
           "pooled (pool_two_studies was set for this run)" if pool_two else
           "shown side by side and not pooled: two studies cannot estimate the between-study variance usefully, and "
           "a random-effects interval from them is either misleadingly narrow or uninformatively wide (Cochrane "
           "Handbook ch. 10.10.4; Röver et al. 2015); pool_two_studies = True pools them", "."],
        [f"From three studies: the random-effects model with the {settings.get('method', 'REML')} estimator of "
                 "τ² (Veroniki et al., Res Synth Methods 2016;7:55-79; Cochrane Handbook ch. 10.10.4) and ", test_words,
           "."],
        ["Heterogeneity: τ² with its Q-profile 95% CI and I² with the interval mapped from it (Viechtbauer, "
                 "Stat Med 2007;26:37-52; Veroniki et al., Res Synth Methods 2019;10:23-43); I² is the share of "
                 "variability due to between-study heterogeneity."],
        [f"Prediction intervals from {pi_from} studies (IntHout et al., BMJ Open 2016;6:e010247; Cochrane "
                 "Handbook 10.10.4.3): ",
           {"metafor": "metafor's (the model's quantile: t with k − 1 df under Hartung–Knapp, normal under the z-test)",
            "k-1": "on a t distribution with k − 1 df (meta 8's default)",
            "riley": "on a t distribution with k − 2 df (Higgins, Thompson & Spiegelhalter 2009; Riley et al. 2011)",
            }.get(pi_method, pi_method), "."],
        ["Sensitivity analyses refit other τ² estimators with the same interval method; the common-effect model "
                 "is not shown next to a random-effects result by default. From 10 studies: a funnel plot, Egger's "
                 "regression test and trim-and-fill (Cochrane Handbook 13.3.5)."],
    ]


def _versions() -> list[tuple[str, str]]:
    rows = [("python", platform.python_version())]
    for name in PACKAGES:
        try:
            rows.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            rows.append((name, "not installed"))
    return rows


def _show_parameter(key: str, value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_show_parameter(key, v) for v in value)
    if value is None or str(value) == "":
        return "(none)"
    if str(key).endswith(("_dir", "_dirs", "_path", "_file")):
        return display_path(str(value))
    return str(value)


def reproducibility(inputs: ReportInputs, site: Site, parameters: dict | None = None) -> dict:
    """Parameters of this run (this notebook's, then the earlier stages'), versions, and hashes of what was read."""
    params = [("04_report", k, _show_parameter(k, v)) for k, v in sorted((parameters or {}).items())]
    run = inputs.run_parameters
    for notebook in sorted(run):
        if notebook == "04_report" and parameters is not None:
            continue  # this notebook's own values, as it ran, are listed above
        values = run[notebook]
        if isinstance(values, dict):
            params.extend((str(notebook), str(k), _show_parameter(str(k), v))
                          for k, v in sorted(values.items(), key=lambda kv: str(kv[0])))
        else:
            params.append((str(notebook), "", str(values)))
    params.sort(key=lambda p: (p[0], p[1]))
    docs = inputs.documents.loc[inputs.documents["sha256"] != ""]
    hashes = sorted(set(zip(docs["source_file"].astype(str), docs["sha256"].astype(str))))
    files, more = site.cut([(f, Span(h, "code")) for f, h in hashes], "input_files", "input files")
    return {
        "parameters": Table(("Notebook", "Parameter", "Value"), tuple(params), css="data compact"),
        "software": Table(("Package", "Version"), tuple(_versions()), css="data compact"),
        "tables": Table(("Table", "SHA-256"), tuple((n, Span(h, "code")) for n, h in inputs.table_hashes.items()),
                        css="data compact") if inputs.table_hashes else None,
        "files": Table(("File", "SHA-256"), tuple(files), css="data compact", scroll=True, more=more)
        if hashes else None,
    }


def input_files(inputs: ReportInputs, site: Site) -> dict:
    """The input files and their hashes (the appendix shows them all)."""
    return {"files": reproducibility(inputs, site)["files"]}


# ---------------------------------------------------------------- appendix

EVIDENCE_LIMIT = 1200  # characters of an evidence sentence shown in the appendix
_NUMBER = re.compile(r"(?<![\w.])[-−–]?\d+(?:[.,·]\d+)?")


def _token_number(token: str) -> tuple[float, float] | None:
    """A number as written in a sentence, and how far a value may be from it and still be shown as it."""
    shown = token.replace("−", "-").replace("–", "-").replace("·", ".").replace(",", ".")
    try:
        x = float(shown)
    except ValueError:
        return None
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    return x, 0.5 * 10 ** -decimals + 1e-9


def _near(number: tuple[float, float] | None, value: float) -> bool:
    if number is None:
        return False
    x, tolerance = number
    return abs(x - value) <= tolerance or abs(x - value * 100) <= tolerance or abs(abs(x) - abs(value)) <= 1e-9


def _close(token: str, value: float) -> bool:
    return _near(_token_number(token), value)


def highlight_html(evidence: str, row) -> Markup:
    """`highlight` written as HTML (for the review notebook's widgets)."""
    from .templating import pieces_html
    return pieces_html(highlight(evidence, row))


def highlight(evidence: str, row) -> list:
    """The evidence sentence as pieces, with the estimate's value (and CI limits) as `Mark`s."""
    marks: dict[int, tuple[int, str]] = {}
    # each number of the sentence read at most once, and only when the search reaches it (a sentence is searched
    # for the value and both limits, which usually stand among its first numbers)
    spans = [m.span() for m in _NUMBER.finditer(evidence)]
    numbers: dict[int, tuple[float, float] | None] = {}

    def number_at(i: int) -> tuple[float, float] | None:
        if i not in numbers:
            numbers[i] = _token_number(evidence[spans[i][0]:spans[i][1]])
        return numbers[i]

    after = 0
    if not is_missing(row["value"]):
        value = float(row["value"])
        for i, (start, end) in enumerate(spans):
            if _near(number_at(i), value):
                marks[start] = (end, "value")
                after = end
                break
    for field in ("ci_low", "ci_high"):
        if is_missing(row[field]):
            continue
        limit = float(row[field])
        order = chain((i for i, (start, _) in enumerate(spans) if start >= after and start not in marks),
                      (i for i, (start, _) in enumerate(spans) if start not in marks))
        for i in order:
            if _near(number_at(i), limit):
                start, end = spans[i]
                marks[start] = (end, "ci")
                after = end
                break
    parts: list = []
    pos = 0
    shown_end = len(evidence)
    if len(evidence) > EVIDENCE_LIMIT:  # a runaway "sentence": show the part around the numbers
        first = min(marks) if marks else 0
        last = max(end for end, _ in marks.values()) if marks else 0
        pos = max(0, min(first - EVIDENCE_LIMIT // 2, len(evidence) - EVIDENCE_LIMIT))
        shown_end = min(len(evidence), max(last + EVIDENCE_LIMIT // 2, pos + EVIDENCE_LIMIT))
        marks = {s: v for s, v in marks.items() if s >= pos and v[0] <= shown_end}
        if pos:
            parts.append("… ")
    for start in sorted(marks):
        end, kind = marks[start]
        parts.append(evidence[pos:start])
        parts.append(Mark(evidence[start:end], kind))
        pos = end
    parts.append(evidence[pos:shown_end])
    if shown_end < len(evidence):
        parts.append(f" … ({fmt_count(len(evidence))} characters in all)")
    return parts


def _evidence_of(row, texts: dict[str, str]) -> str:
    if row["evidence"]:
        return str(row["evidence"])
    text = texts.get(str(row["doc_id"]), "")
    if text and not is_missing(row["start"]) and not is_missing(row["end"]):
        return text[int(row["start"]):int(row["end"])]
    return ""


def _estimates_by_doc(inputs: ReportInputs) -> dict:
    """Every estimate row grouped by its document, in table order (built once per report: each documents page
    of a split appendix asks for its own)."""
    cached = getattr(inputs, "_estimates_by_doc", None)
    if cached is None:
        cached = {}
        for row in records(inputs.estimates):
            cached.setdefault(row["doc_id"], []).append(row)
        inputs._estimates_by_doc = cached
    return cached


def appendix(inputs: ReportInputs, site: Site) -> dict:
    """Every document read, with each estimate and the sentence behind it: those of this page when the appendix
    is split (`site.document_pages`); estimates of unknown documents and ids pooled.csv names but estimates.csv
    lacks are on the appendix's first page."""
    docs = appendix_documents(inputs)
    orphan = inputs.estimates.loc[~inputs.estimates["doc_id"].isin(set(docs["doc_id"]))]
    if docs.empty and orphan.empty and inputs.pooled.empty:
        return {"empty": "No documents were read.", "documents": [], "missing": [], "orphans": []}
    first_page = site.page == APPENDIX_PAGE
    if site.split:
        docs = docs.loc[[site.document_pages.get(str(d)) == site.page for d in docs["doc_id"]]]
    numbering = estimate_numbering(inputs)
    est_by_doc = _estimates_by_doc(inputs)
    source_of = _source_files(inputs)
    documents = []
    for doc in records(docs):
        meta = [x for x in [doc["source_file"], doc["design"], doc["condition"],
                            f"n = {fmt_count(doc['n_total'])}" if not is_missing(doc["n_total"]) else "",
                            f"doi {doc['doi']}" if doc["doi"] else "", f"PMID {doc['pmid']}" if doc["pmid"] else "",
                            f"duplicate of {source_of.get(doc['duplicate_of'], doc['duplicate_of'])}"
                            if doc["duplicate_of"] else ""] if x]
        documents.append({"anchor": document_anchor(doc["doc_id"]), "heading": document_heading(doc),
                          "meta": " · ".join(meta),
                          "estimates": [_appendix_entry(r, inputs.texts, numbering)
                                        for r in est_by_doc.get(doc["doc_id"], [])]})
    missing, orphans = [], []
    if first_page:
        known = set(inputs.estimates["estimate_id"])
        # keep every link from the pooled numbers landing somewhere that says what is wrong
        missing = [{"id": i, "anchor": estimate_anchor(i)} for i in
                   sorted({i for ids in inputs.pooled["estimate_ids"] for i in split_ids(ids)} - known)]
        orphans = [_appendix_entry(r, inputs.texts, numbering) for r in records(orphan)]
    return {"empty": "", "documents": documents, "missing": missing, "orphans": orphans}


def _source_files(inputs: ReportInputs) -> dict:
    cached = getattr(inputs, "_source_files", None)
    if cached is None:
        cached = dict(zip(inputs.documents["doc_id"], inputs.documents["source_file"]))
        inputs._source_files = cached
    return cached


def document_heading(doc) -> str:
    """A document's heading in the appendix (and in its search index): 'Author et al. 2020: Title'."""
    return f"{_doc_label(doc)}: {doc['title'] or doc['source_file']}"


def _appendix_entry(row, texts: dict[str, str], numbering: dict[str, int]) -> dict:
    eid = str(row["estimate_id"])
    p = fmt_p(row["p_value"], row["p_text"])
    details = [x for x in [_comparison(row), row["outcome"], row["timepoint"], f"p {p}" if p else ""] if x]
    badges = []
    if row["flags"]:
        badges.append(Span("flag: " + _flag_words(row["flags"]), "badge badge-flag"))
    if row["decision"]:
        who = f" by {row['reviewer']}" if row.get("reviewer", "") else ""
        what = f" ({row['corrected_fields']})" if row.get("corrected_fields", "") else ""
        badges.append(Span(f"{row['decision']}{who}{what}", "badge", row.get("decision_note", "") or ""))
    evidence = _evidence_of(row, texts)
    return {"anchor": estimate_anchor(eid), "id": eid, "number": f"[{numbering.get(eid, '?')}]",
            "estimate": _estimate_text(row), "details": " · ".join(details), "badges": badges,
            "evidence": highlight(evidence, row) if evidence else None}


# ---------------------------------------------------------------- review queue (issue 14)

def review_queue(inputs: ReportInputs, site: Site) -> dict:
    """Estimates whose arms, outcome, role or orientation could not be settled (`needs_review` in estimates.csv,
    or a printed effect its own arms' counts contradict, from the pooling stage): kept out of every cell and of
    the summary of findings until a reviewer decides (data/curation/decisions.csv)."""
    est = inputs.estimates
    reasons: dict[str, str] = {}
    if "needs_review" in est.columns:
        for eid, why in zip(est["estimate_id"], est["needs_review"].fillna("").astype(str)):
            if why.strip():
                reasons[str(eid)] = why.strip()
    members = inputs.members
    if members is not None and {"estimate_id", "reason"} <= set(members.columns):
        for eid, why in zip(members["estimate_id"], members["reason"].astype(str)):
            if why.startswith("needs review: ") and str(eid) not in reasons:
                reasons[str(eid)] = why.removeprefix("needs review: ")
    queued = est.loc[est["estimate_id"].astype(str).isin(reasons)
                     & ~est["decision"].astype(str).str.lower().isin(["accepted", "rejected", "corrected"])]
    if queued.empty:
        return {"empty": "No estimate is waiting for a reviewer: every estimate's arms, outcome, role and "
                         "orientation were settled.", "lead": "", "table": None}
    rows = _estimate_rows(inputs, queued, lambda row: [reasons[str(row["estimate_id"])]], site)
    total = len(rows)
    rows, more = site.cut(rows, "review_queue", "estimates in the review queue")
    return {"empty": "",
            "lead": f"{fmt_count(total)} estimate{'s' if total != 1 else ''} kept out of pooling and of the "
                    "summary of findings until a reviewer accepts, corrects or rejects them.",
            "table": Table(("#", "Document", "Estimate", "Comparison", "Outcome", "Why a reviewer must look"),
                           tuple(rows), caption="Review queue: estimates the extraction could not settle.", more=more)}
