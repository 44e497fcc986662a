"""The report's sections as HTML fragments, each built from the processed tables with escaping by construction.

The notebook 04_report calls one function per section and displays the result with IPython's HTML; all
logic lives here so it is tested and the notebook holds only calls and prose.
"""
from __future__ import annotations

import platform
import re
from importlib import metadata
from pathlib import Path

import pandas as pd

from ..review import agreement_from_curated
from ..tables import RATIO_MEASURES, measure_name, readable
from ..synthesis.labels import display_name
from . import figures, narrative, prisma
from .html import Html, cell_anchor, document_anchor, el, esc, estimate_anchor, join, table
from .inputs import ReportInputs, split_ids
from .numbers import fmt, fmt_count, fmt_p, fmt_percent, is_missing

PACKAGES = ["evidence-review", "pandas", "numpy", "scipy", "pymare", "matplotlib", "seaborn", "papermill",
            "nbconvert", "nbformat", "nbclient", "ipykernel"]


# ---------------------------------------------------------------- helpers shared by sections

def estimate_numbering(inputs: ReportInputs) -> dict[str, int]:
    """[1], [2], … in the order the appendix lists estimates (documents by file, estimates by position)."""
    order = {doc_id: i for i, doc_id in enumerate(inputs.documents["doc_id"])}
    est = inputs.estimates.assign(_doc=inputs.estimates["doc_id"].map(order).fillna(len(order)))
    est = est.sort_values(["_doc", "start", "estimate_id"], kind="stable", na_position="last")
    return {eid: i + 1 for i, eid in enumerate(est["estimate_id"])}


def _comparison(row) -> str:
    comparator = str(row["comparator"])
    shown = f"{row['intervention']} vs {comparator}" if comparator else str(row["intervention"])
    subgroup = str(row.get("subgroup", "") or "")
    # a subgroup's result is never shown as the whole trial's
    return f"{shown} (subgroup: {subgroup})" if subgroup and subgroup != "nan" else shown


def _doc_label(doc: pd.Series | None) -> str:
    if doc is None:
        return "unknown document"
    authors = str(doc["authors"])
    first = re.split(r"[,;]| and ", authors)[0].strip() if authors else ""
    year = fmt(doc["year"], 0) if not is_missing(doc["year"]) else ""
    label = " ".join(x for x in [first + (" et al." if first and ("," in authors or ";" in authors) else ""), year] if x)
    if not first:
        label = " ".join(x for x in [Path(str(doc["source_file"])).name, f"({year})" if year else ""] if x)
    return label or "unnamed document"


def _estimate_value(row, field: str, estimate_id: str) -> Html:
    value = row[field]
    if is_missing(value):
        return Html("")
    return el("span", fmt(value), class_="num", data_estimate=estimate_id, data_field=field,
              data_value=repr(float(value)))


def _estimate_text(row) -> Html:
    """'HR 3.51 (95% CI 1.20 to 10.3)' with each number tagged for checking."""
    eid = str(row["estimate_id"])
    level = "" if is_missing(row["ci_level"]) else f"{float(row['ci_level']) * 100:.0f}% "
    ci = (join([esc(f" ({level}CI "), _estimate_value(row, "ci_low", eid), esc(" to "),
                _estimate_value(row, "ci_high", eid), esc(")")])
          if not is_missing(row["ci_low"]) and not is_missing(row["ci_high"]) else Html(""))
    return join([esc(f"{row['measure']} "), _estimate_value(row, "value", eid), ci])


def _flag_words(flags: str) -> str:
    """'ci_excludes_value;p_out_of_range' -> 'ci excludes value; p out of range'."""
    return "; ".join(f.strip().replace("_", " ") for f in re.split(r"[;|,]", str(flags)) if f.strip())


def _empty(message: str) -> Html:
    return el("p", message, class_="empty")


def _cell_link(row, field: str, shown: str | None = None) -> Html:
    """A pooled-table number linking to its cell (k ≥ 2) or straight to the single estimate (k = 1)."""
    value = row[field]
    if is_missing(value):
        return Html("")
    ids = split_ids(row["estimate_ids"])
    href = "#" + (estimate_anchor(ids[0]) if len(ids) == 1 else cell_anchor(row["cell_id"]))
    return narrative.number_link(value, str(row["cell_id"]), field, href, shown)


def _interval_cell(row, low: str, high: str) -> Html:
    if is_missing(row[low]) or is_missing(row[high]):
        return Html("")
    return join([_cell_link(row, low), esc(" to "), _cell_link(row, high)])


def display_path(path: str) -> str:
    """A run parameter path as shown: relative paths as given, absolute ones by their folder name only."""
    p = Path(str(path))
    return str(path) if not p.is_absolute() else f"{p.name} (absolute path outside the repository)"


# ---------------------------------------------------------------- sections

def at_a_glance(inputs: ReportInputs) -> Html:
    flow = prisma.compute_flow(inputs.documents, inputs.estimates, inputs.pooled)
    items = [
        ("records read", flow.records), ("documents included", flow.included),
        ("effect estimates", flow.estimates), ("cells with two or more studies", flow.pooled_cells),
        ("single-study results", flow.single_cells), ("records skipped", flow.skipped),
    ]
    tiles = [el("div", el("span", fmt_count(n), class_="tile-n"), el("span", label, class_="tile-label"),
                class_="tile") for label, n in items]
    notes = []
    if inputs.missing:
        notes.append(el("p", "Tables not found in the processed folder: ", ", ".join(inputs.missing),
                        ". The report shows what could be read.", class_="note"))
    if inputs.estimates.empty:
        notes.append(_empty("No estimates were found in the documents read."))
    return join([el("div", tiles, class_="tiles"), join(notes)])


def summary_of_findings(inputs: ReportInputs) -> Html:
    """The Summary-of-Findings table (GRADE / Cochrane layout), then every finding in words."""
    return join([el("h3", "Summary of findings table"), sof_table(inputs),
                 el("h3", "Findings in words"),
                 narrative.summary_of_findings(inputs.pooled, inputs.documents, estimate_numbering(inputs))])


SOF_HEADER = ["Outcome and comparison", "№ of participants (studies)", "Relative effect (95% CI)",
              "Risk with comparator (per 1,000)", "Risk with intervention (per 1,000)",
              "Difference (per 1,000)", "Certainty of the evidence (GRADE)", "What happens"]


def _per_1000(value) -> str:
    return "" if is_missing(value) else f"{float(value):,.0f}".replace("-", "\u2212")


def _sof_number(r, field: str) -> float:
    return pd.to_numeric(pd.Series([r.get(field, "")]), errors="coerce").iloc[0]


def sof_table(inputs: ReportInputs) -> Html:
    """reports/summary_of_findings.csv as the GRADE table; footnotes name the domains that moved each rating."""
    sof = inputs.summary
    if sof is None:
        return _empty("reports/summary_of_findings.csv was not found (the pooling stage writes it); the findings "
                      "below are written from pooled.csv.")
    if sof.empty:
        return _empty("No comparison between two arms was found, so there is no Summary-of-Findings row "
                      "(single-arm results are in the findings below).")
    pooled = inputs.pooled.set_index("cell_id", drop=False)
    rows, footnotes = [], []
    for _, r in sof.iterrows():
        cell_id = str(r["cell_id"])
        marks = []
        for note in [n.strip() for n in str(r.get("footnotes", "")).split(" | ") if n.strip()]:
            if note not in footnotes:
                footnotes.append(note)
            marks.append(footnotes.index(note) + 1)
        if cell_id in pooled.index and not is_missing(pooled.loc[cell_id, "estimate"]):
            row = pooled.loc[cell_id]
            relative = join([el("span", f"{r['measure']} ", _cell_link(row, "estimate"), class_="nowrap"), " ",
                             el("span", "(", _interval_cell(row, "ci_low", "ci_high"), ")", class_="nowrap")])
        else:
            relative = esc(str(r.get("relative_effect", "")))
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
        rows.append([
            el("td", el("a", r["outcome"] or "not stated", href="#" + cell_anchor(cell_id)),
               el("span", f"{display_name(r['intervention'])} vs {display_name(r['comparator'])}",
                  class_="sof-source")),
            el("td", r.get("participants_studies", ""), class_="n"),
            el("td", relative, class_="n"),
            el("td", _per_1000(assumed), el("span", r.get("assumed_risk_source", ""), class_="sof-source")
               if not is_missing(assumed) else el("span", "—", title=r.get("assumed_risk_source", "")), class_="n"),
            el("td", with_intervention, class_="n rel"), el("td", difference, class_="n rel"),
            el("td", el("strong", label), " ", el("sup", ",".join(str(m) for m in marks)) if marks else None,
               class_=f"certainty-{label.replace(' ', '-')}"),
            r.get("plain_language", ""),
        ])
    notes = el("ol", [el("li", n) for n in footnotes], class_="sof-footnotes") if footnotes else None
    return join([el("div", table(SOF_HEADER, rows, class_="data sof",
                                 caption="Summary of findings: one row per outcome and comparison. Absolute effects "
                                         "per 1,000 from the median risk in the comparator arms when their counts "
                                         "are stated. Also in reports/summary_of_findings.csv."), class_="scroll"),
                 notes])


def flow(inputs: ReportInputs) -> Html:
    return prisma.render(inputs.documents, inputs.estimates, inputs.pooled)


def _field(row, name: str) -> str:
    """A text column of a row that may be absent (older tables) or empty (read as NA)."""
    value = row.get(name, "")
    return "" if value is None or pd.isna(value) else str(value)


def _included(inputs: ReportInputs) -> pd.DataFrame:
    return readable(inputs.documents)


def characteristics(inputs: ReportInputs) -> Html:
    docs = _included(inputs)
    if docs.empty:
        return _empty("No documents were included.")
    rows = []
    for _, doc in docs.iterrows():
        est = inputs.estimates.loc[inputs.estimates["doc_id"] == doc["doc_id"]]
        arms = sorted({a for a in pd.concat([est["intervention"], est["comparator"]]) if a})
        # Only from a follow-up phrase of the document (ingest's follow_up), never an estimate's timepoint or an age.
        follow_up = [_field(doc, "follow_up")] if _field(doc, "follow_up") else []
        rows.append([
            el("td", el("a", _doc_label(doc), href="#" + document_anchor(doc["doc_id"])), el("br"),
               el("span", doc["title"] or doc["source_file"], class_="doc-title")),
            doc["design"] or "not stated", doc["condition"], fmt_count(doc["n_total"]),
            "; ".join(arms), "; ".join(follow_up), fmt_count(len(est)),
        ])
    return table(["Study", "Design", "Condition", "N", "Arms", "Follow-up", "Estimates"], rows,
                 caption="Included documents, in file order; arms as stated with the estimates, follow-up as the "
                         "document states it.")


def _map_table(est: pd.DataFrame, caption: str) -> Html:
    counts = est.assign(i=est["intervention"].replace("", "not stated"), o=est["outcome"].replace("", "not stated"))
    interventions = sorted(set(counts["i"]))
    outcomes = sorted(set(counts["o"]))
    grid = counts.groupby(["i", "o"]).agg(n=("estimate_id", "size"), docs=("doc_id", "nunique"))
    rows = []
    for intervention in interventions:
        cells = [el("th", intervention, scope="row")]
        for outcome in outcomes:
            if (intervention, outcome) in grid.index:
                n, d = (int(x) for x in grid.loc[(intervention, outcome)])
                cells.append(el("td", el("span", fmt_count(n), class_="map-n"),
                                el("span", f" in {fmt_count(d)} doc{'s' if d != 1 else ''}", class_="map-docs"),
                                class_=f"map map-{min(4, n)}"))
            else:
                cells.append(el("td", "", class_="map map-0"))
        rows.append(el("tr", cells))
    head = el("thead", el("tr", el("th", "Intervention \\ outcome", scope="col"),
                          [el("th", o, scope="col") for o in outcomes]))
    return el("div", el("table", el("caption", caption), head, el("tbody", rows), class_="data evidence-map"),
              class_="scroll")


def evidence_map(inputs: ReportInputs) -> Html:
    """Per condition: which interventions were studied for which outcomes (counts of estimates and documents)."""
    est = inputs.estimates
    if est.empty:
        return _empty("No estimates were found, so there is nothing to map.")
    parts = []
    for condition, by_condition in est.groupby(est["condition"].replace("", "condition not stated"), sort=True):
        parts.append(el("h3", condition))
        parts.append(_map_table(by_condition, f"Estimates per intervention and outcome in {condition} "
                                              "(all estimates, including flagged ones)."))
    return join(parts)


def _estimate_with_ci(row) -> Html:
    ci = _interval_cell(row, "ci_low", "ci_high")
    return join([_cell_link(row, "estimate"), join([esc(" ("), ci, esc(")")]) if ci else Html("")])


def _outcome_label(row) -> str:
    return f"{row['outcome']} ({row['timepoint']})" if row["timepoint"] else str(row["outcome"])


def _i2_cell(row) -> Html:
    i2 = _cell_link(row, "i2", fmt_percent(row["i2"]))
    if is_missing(row.get("i2_ci_low")) or is_missing(row.get("i2_ci_high")):
        return i2
    return join([i2, el("br"), el("span", "(", _cell_link(row, "i2_ci_low", fmt_percent(row["i2_ci_low"])), " to ",
                                  _cell_link(row, "i2_ci_high", fmt_percent(row["i2_ci_high"])), ")",
                                  class_="ci-small")])


def _pooled_row_cells(row, documents: pd.DataFrame) -> list:
    certainty = narrative.certainty_of(row)
    return [
        row["condition"], _outcome_label(row), _comparison(row), row["measure"],
        el("td", fmt_count(row["k"]), class_="n"), el("td", fmt_count(row["n_total"]), class_="n"),
        el("td", _estimate_with_ci(row), class_="n nowrap"),
        el("td", _interval_cell(row, "pi_low", "pi_high"), class_="n nowrap"),
        el("td", _cell_link(row, "tau2"), class_="n"),
        el("td", _i2_cell(row), class_="n"),
        " / ".join(x for x in [row["method"], row["ci_method"]] if x), certainty.label,
    ]


POOLED_HEADER = ["Condition", "Outcome", "Comparison", "Measure", "k", "N", "Estimate (95% CI)", "95% PI", "τ²",
                 "I² (95% CI)", "Method", "Certainty"]


def _split_pooled(pooled: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    k = pd.to_numeric(pooled["k"], errors="coerce").fillna(0)
    return pooled.loc[k >= 2], pooled.loc[k < 2]


def _contributing(inputs: ReportInputs, row, numbering: dict[str, int]) -> Html:
    by_id = inputs.estimates.set_index("estimate_id", drop=False)
    docs = inputs.documents.set_index("doc_id", drop=False)
    items = []
    for eid in split_ids(row["estimate_ids"]):
        if eid not in by_id.index:
            items.append(el("li", f"estimate {eid} (not found in estimates.csv)"))
            continue
        est = by_id.loc[eid]
        if isinstance(est, pd.DataFrame):
            est = est.iloc[0]
        doc = docs.loc[est["doc_id"]] if est["doc_id"] in docs.index else None
        if isinstance(doc, pd.DataFrame):
            doc = doc.iloc[0]
        items.append(el("li", el("a", f"[{numbering.get(eid, '?')}]", href="#" + estimate_anchor(eid), class_="src"),
                        " ", _doc_label(doc), ": ", _estimate_text(est),
                        f" — {_comparison(est)}" if est["intervention"] else ""))
    return el("ul", items, class_="contributing")


def pooled_results(inputs: ReportInputs) -> Html:
    pooled, _ = _split_pooled(inputs.pooled)
    if pooled.empty:
        return _empty("No cell had two or more studies, so nothing was pooled.")
    numbering = estimate_numbering(inputs)
    # comparisons between arms lead; single-arm quantities (rates, proportions) follow
    pooled = pooled.assign(_arm=(pooled["comparator"] == "")).sort_values("_arm", kind="stable").drop(columns="_arm")
    rows = [_pooled_row_cells(row, inputs.documents) for _, row in pooled.iterrows()]
    overview = el("div", table(POOLED_HEADER, rows, caption="Pooled random-effects estimates; every number links "
                                                             "to its cell and the estimates behind it."),
                  class_="scroll")
    blocks = []
    for _, row in pooled.iterrows():
        title = f"{row['condition']} · {row['outcome']} · {_comparison(row)} ({row['measure']})"
        notes = (el("div", el("h4", "Notes from the pooling stage"),
                    el("ul", [el("li", n.strip()) for n in row["notes"].split(" | ") if n.strip()]), class_="note")
                 if row["notes"] else None)
        blocks.append(el(
            "section",
            el("h3", title),
            narrative.finding(row, numbering),
            figures.figure(inputs.figures.get(str(row["cell_id"])), f"Forest plot: {title}"),
            figures.figure(inputs.funnels[f"{row['cell_id']}-funnel"], f"Funnel plot: {title}", kind="funnel")
            if f"{row['cell_id']}-funnel" in inputs.funnels else None,
            _certainty_details(row),
            el("h4", "Estimates in this cell"), _contributing(inputs, row, numbering),
            _kept_out(inputs, str(row["cell_id"]), numbering), notes,
            id=cell_anchor(row["cell_id"]), class_="cell",
        ))
    return join([overview, join(blocks)])


def _certainty_details(row) -> Html | None:
    """Every GRADE domain of the cell with its judgement and reason, as the synthesis stage wrote them."""
    certainty = narrative.certainty_of(row)
    if not certainty.reasons:
        return None
    return join([el("h4", f"Certainty of the evidence: {certainty.label}"),
                 el("ul", [el("li", r) for r in certainty.reasons], class_="grade-domains")])


def single_study_results(inputs: ReportInputs) -> Html:
    _, single = _split_pooled(inputs.pooled)
    if single.empty:
        return _empty("There are no single-study results.")
    numbering = estimate_numbering(inputs)
    rows = []
    for _, row in single.iterrows():
        ids = split_ids(row["estimate_ids"])
        rows.append([
            row["condition"], _outcome_label(row), _comparison(row), row["measure"],
            el("td", fmt_count(row["n_total"]), class_="n"), el("td", _estimate_with_ci(row), class_="n nowrap"),
            el("td", join([el("a", f"[{numbering.get(i, '?')}]", href="#" + estimate_anchor(i), class_="src")
                           for i in ids], " ")),
        ])
    return el("div", table(["Condition", "Outcome", "Comparison", "Measure", "N", "Estimate (95% CI)", "Source"],
                           rows,
                           caption="Cells with one study: shown as reported, not pooled."), class_="scroll")


SENSITIVITY_NUMBERS = ["estimate", "ci_low", "ci_high", "tau2", "i2", "p"]


def _sensitivity_table(rows: pd.DataFrame) -> Html:
    """One cell's sensitivity analyses (sensitivity.csv from the pooling stage), in the order written."""
    body = []
    for _, r in rows.iterrows():
        number = {c: pd.to_numeric(pd.Series([r.get(c, "")]), errors="coerce").iloc[0] for c in SENSITIVITY_NUMBERS}
        ci = f"{fmt(number['ci_low'])} to {fmt(number['ci_high'])}" if not (
            is_missing(number["ci_low"]) or is_missing(number["ci_high"])) else ""
        body.append([r.get("analysis", ""), el("td", r.get("k", ""), class_="n"),
                     el("td", fmt(number["estimate"]), class_="n"), el("td", ci, class_="n nowrap"),
                     el("td", fmt(number["tau2"]), class_="n"), el("td", fmt_percent(number["i2"]), class_="n"),
                     el("td", fmt_p(number["p"]), class_="n"), r.get("notes", "")])
    return table(["Analysis", "k", "Estimate", "95% CI", "τ²", "I²", "p", "Notes"], body, class_="data compact")


def _generic_table(df: pd.DataFrame, caption: str) -> Html:
    return el("div", table(list(df.columns), [[r[c] for c in df.columns] for _, r in df.iterrows()],
                           caption=caption), class_="scroll")


def sensitivity(inputs: ReportInputs) -> Html:
    pooled, _ = _split_pooled(inputs.pooled)
    parts = []
    sens = inputs.sensitivity
    if sens is None or sens.empty:
        parts.append(_empty("No sensitivity analyses were supplied (sensitivity.csv is absent or empty)."))
    elif {"cell_id", "analysis"} <= set(sens.columns):
        sens = sens.sort_values("cell_id", kind="stable")  # keeps the stage's order within a cell
        names = {str(r["cell_id"]): f"{r['condition']} · {r['outcome']} · {_comparison(r)} ({r['measure']})"
                 for _, r in inputs.pooled.iterrows()}
        for cell_id, rows in sens.groupby("cell_id", sort=True):
            title = names.get(str(cell_id), str(cell_id))
            heading = (el("a", title, href="#" + cell_anchor(cell_id)) if str(cell_id) in names else title)
            parts.append(el("h3", heading))
            parts.append(_sensitivity_table(rows))
    else:
        parts.append(_generic_table(sens, "Sensitivity analyses from sensitivity.csv."))
    noted = pooled.loc[pooled["notes"] != ""] if not pooled.empty else pooled
    if not noted.empty:
        parts.append(el("h3", "Notes from the pooling stage"))
        parts.append(el("ul", [el("li", el("a", f"{_comparison(r)} · {r['outcome']}", href="#" + cell_anchor(r["cell_id"])),
                                  el("ul", [el("li", n.strip()) for n in r["notes"].split(" | ") if n.strip()]))
                               for _, r in noted.iterrows()]))
    return join(parts)


def flagged_estimates(inputs: ReportInputs) -> Html:
    est = inputs.estimates
    flagged = est.loc[est["flags"] != ""]
    if flagged.empty:
        return _empty("No estimate was flagged.")
    rows = _estimate_rows(inputs, flagged, lambda row: [_flag_words(row["flags"]), row["decision"]])
    return table(["#", "Document", "Estimate", "Comparison", "Outcome", "Flags", "Reviewer decision"], rows,
                 caption="Estimates whose numbers failed a plausibility check, with the reviewer's decision if any.")


def _estimate_rows(inputs: ReportInputs, estimates: pd.DataFrame, extra) -> list[list]:
    """Table rows of estimates: a link to the estimate, its document, the estimate, its comparison and outcome,
    then the cells `extra(row)` gives."""
    numbering = estimate_numbering(inputs)
    docs = inputs.documents.set_index("doc_id", drop=False)
    rows = []
    for _, row in estimates.iterrows():
        doc = docs.loc[row["doc_id"]] if row["doc_id"] in docs.index else None
        if isinstance(doc, pd.DataFrame):
            doc = doc.iloc[0]
        rows.append([el("td", el("a", f"[{numbering.get(row['estimate_id'], '?')}]",
                                 href="#" + estimate_anchor(row["estimate_id"]), class_="src")),
                     _doc_label(doc), _estimate_text(row), _comparison(row), row["outcome"], *extra(row)])
    return rows


def _doc_of(inputs: ReportInputs, doc_id) -> pd.Series | None:
    docs = inputs.documents.loc[inputs.documents["doc_id"] == doc_id]
    return None if docs.empty else docs.iloc[0]


def reviewer_decisions(inputs: ReportInputs) -> Html:
    """Decisions from data/curation applied to the estimates, and every decision that could not be applied."""
    est = inputs.estimates
    decided = est.loc[est["decision"] != ""]
    numbering = estimate_numbering(inputs)
    parts = []
    if decided.empty:
        parts.append(_empty("No reviewer decision was applied to the estimates of this run."))
    else:
        counts = decided["decision"].str.lower().value_counts().sort_index()
        parts.append(el("p", "Decisions applied: ", ", ".join(f"{n} {d}" for d, n in counts.items()), "."))
        rows = [[el("td", el("a", f"[{numbering.get(r['estimate_id'], '?')}]",
                                href="#" + estimate_anchor(r["estimate_id"]), class_="src")),
                 _doc_label(_doc_of(inputs, r["doc_id"])), _estimate_text(r), r["decision"], r["reviewer"],
                 r["corrected_fields"], r["decision_note"]] for _, r in decided.iterrows()]
        parts.append(el("div", table(["#", "Document", "Estimate (as extracted)", "Decision", "Reviewer",
                                      "Corrected fields", "Note"], rows), class_="scroll"))
    issues = inputs.decision_issues
    if issues is not None and not issues.empty:
        columns = [c for c in ["line", "estimate_id", "decision", "reviewer", "note", "problem"] if c in issues.columns]
        parts.append(el("h3", "Decisions that could not be applied"))
        parts.append(el("div", table(columns, [[r[c] for c in columns] for _, r in issues.iterrows()],
                                     caption="Kept here so that no reviewer decision is lost silently."),
                        class_="scroll"))
    appraisal = inputs.appraisal_issues
    if appraisal is not None and not appraisal.empty:
        columns = [c for c in ["file", "line", "key", "problem"] if c in appraisal.columns]
        parts.append(el("h3", "Risk-of-bias judgements and GRADE overrides that could not be applied"))
        parts.append(el("div", table(columns, [[r[c] for c in columns] for _, r in appraisal.iterrows()],
                                     caption="Rows of data/curation/risk_of_bias.csv and grade.csv, kept here so "
                                             "that no judgement is lost silently."), class_="scroll"))
    return join(parts)


def _kept_out(inputs: ReportInputs, cell_id: str, numbering: dict[str, int]) -> Html | None:
    """Estimates the pooling stage placed in this cell but left out (same patients, rejected, ...), with why."""
    members = inputs.members
    if members is None or not {"cell_id", "estimate_id", "included"} <= set(members.columns):
        return None
    out = members.loc[(members["cell_id"] == cell_id) & (members["included"].str.lower().isin(["false", "0", "no"]))]
    if out.empty:
        return None
    items = [el("li", el("a", f"[{numbering.get(r['estimate_id'], '?')}]", href="#" + estimate_anchor(r["estimate_id"]),
                         class_="src"), " ", r.get("reason", "") or r.get("note", "") or "no reason given")
             for _, r in out.sort_values("estimate_id", kind="stable").iterrows()]
    return join([el("h4", "Kept out of this cell"), el("ul", items, class_="contributing")])


def skipped_inputs(inputs: ReportInputs) -> Html:
    docs = inputs.documents
    skipped = docs.loc[docs["status"].str.strip().str.lower() == "skipped"]
    duplicates = docs.loc[(docs["status"].str.strip().str.lower() != "skipped") & (docs["duplicate_of"] != "")]
    parts = []
    if skipped.empty:
        parts.append(_empty("No input was skipped."))
    else:
        parts.append(table(["File", "Record", "Reason"],
                           [[r["source_file"], fmt_count(r["record"]), r["reason"] or "no reason given"]
                            for _, r in skipped.iterrows()], caption="Records skipped, with the reason."))
    label = {d: str(r["source_file"]) for d, (_, r) in zip(docs["doc_id"], docs.iterrows())}
    if not duplicates.empty:
        parts.append(table(["File", "Duplicate of", "Evidence"],
                           [[r["source_file"], label.get(r["duplicate_of"], r["duplicate_of"]),
                             _field(r, "duplicate_evidence") or _field(r, "reason")]
                            for _, r in duplicates.iterrows()],
                           caption="Duplicates, counted once, with the evidence of each link (undo a link in "
                                   "data/curation/duplicates.csv)."))
    possible = [r for _, r in docs.iterrows() if _field(r, "possible_duplicate_of")]
    if possible:
        parts.append(table(["File", "Possible duplicate of", "Evidence"],
                           [[r["source_file"], "; ".join(label.get(d, d) for d in _field(r, "possible_duplicate_of").split("; ")),
                             _field(r, "possible_duplicate_evidence")] for r in possible],
                           caption="Possible duplicates, kept: the similarity is below certainty or another field "
                                   "disagrees. Record a decision in data/curation/duplicates.csv."))
    # read, but the extractor failed on them (stage 2 recorded why and went on): their estimates may be missing
    errors = docs["extract_error"].fillna("").astype(str).str.strip() if "extract_error" in docs.columns else None
    if errors is not None and (errors != "").any():
        failed = docs.loc[errors != ""]
        parts.append(table(["File", "Record", "What failed"],
                           [[r["source_file"], fmt_count(r["record"]), r["extract_error"]] for _, r in failed.iterrows()],
                           caption="Documents whose extraction failed (read, but some or all of their estimates are missing)."))
    return join(parts)


def methods(inputs: ReportInputs) -> Html:
    pooled = inputs.pooled
    used = sorted({" / ".join(x for x in [m, c] if x) for m, c in zip(pooled["method"], pooled["ci_method"])
                   if m or c})
    measures = sorted(set(inputs.estimates["measure"]) - {""})
    pool_settings = inputs.run_parameters.get("03_pool") if isinstance(inputs.run_parameters.get("03_pool"), dict) else {}
    pi_from = pool_settings.get("pi_min_k", 3)
    items = [
        el("li", "Estimates are grouped into comparable cells by condition, outcome, measure, comparison and "
                 "timepoint; nothing is pooled across conditions, outcomes or measures."),
        el("li", "Methods used for the cells in this report (estimator / confidence interval): ",
           ", ".join(used) if used else "none (no cells)", "."),
        el("li", "Ratio measures (", ", ".join(sorted(RATIO_MEASURES)), ") are pooled on the log scale and shown "
                 "back-transformed; τ² is on the log scale. Single-arm quantities are shown as reported."),
        el("li", "Measures found: ", ", ".join(f"{m} ({measure_name(m)})" for m in measures) if measures else "none",
           "."),
    ]
    items.extend(_few_study_methods(pool_settings, pi_from))
    settings = inputs.run_parameters.get("03_pool")
    if isinstance(settings, dict) and settings:
        shown = [f"{k} = {_show_parameter(k, v)}" for k, v in sorted(settings.items(), key=lambda kv: str(kv[0]))
                 if not str(k).endswith(("_dir", "_dirs"))]
        items.append(el("li", "Pooling settings of this run (notebook 03_pool): ", "; ".join(shown), "."))
    members = inputs.members
    if members is not None and "flipped" in members.columns:
        flipped = int(members["flipped"].str.lower().isin(["true", "1", "yes"]).sum())
        items.append(el("li", f"Orientation: {fmt_count(flipped)} estimate{'s' if flipped != 1 else ''} reported as "
                              "B versus A joined the A versus B cell inverted (ratio inverted and CI limits swapped, "
                              "or a difference negated)."))
    if members is not None and "variance_source" in members.columns:
        sources = members.loc[members["variance_source"] != "", "variance_source"].value_counts().sort_index()
        if not sources.empty:
            items.append(el("li", "Where each study's variance came from: ",
                            "; ".join(f"{src}: {fmt_count(n)}" for src, n in sources.items()), "."))
    rules = el("ol", [el("li", r) for r in GRADE_RULES])
    return join([el("ul", items), _extraction_checked(inputs), el("h3", "Certainty of the evidence (GRADE)"),
                 el("p", "Certainty is rated once, by the pooling stage, for every cell, and written to pooled.csv "
                         "with the judgement and reason for each GRADE domain; this report only words it. The "
                         "wording follows GRADE's plain-language statements (Santesso et al., J Clin Epidemiol "
                         "2020;119:126-135): high “reduces”, moderate “probably reduces”, low “may reduce”, very low "
                         "“the evidence is very uncertain”. The rules (Schünemann et al., Cochrane Handbook ch. 14; "
                         "the GRADE guidelines series, J Clin Epidemiol 2011;64:383-415 and 1151-1158):"), rules])


def _extraction_checked(inputs: ReportInputs) -> Html:
    """How often the extractor was right on the estimates a reviewer checked (notebooks/05_review): the tool's
    own accuracy on this corpus, per field."""
    table_ = agreement_from_curated(inputs.estimates)
    checked = int(table_["checked"].iat[0]) if len(table_) else 0
    total = int((inputs.estimates["measure"] != "").sum())
    head = el("h3", "Extraction checked by a reviewer")
    if not checked:
        return join([head, el("p", f"No estimate of this run has been checked yet (0 of {fmt_count(total)}); "
                                   "notebooks/05_review.ipynb records the checks. Until then the extracted numbers "
                                   "are the extractor's alone.")])
    rows = [[r["field"], fmt_count(r["extractor_right"]), fmt_count(r["checked"]), fmt_percent(100 * r["agreement"])]
            for r in table_.to_dict("records")]
    return join([head, el("p", f"{fmt_count(checked)} of {fmt_count(total)} estimates were checked by a reviewer. "
                               "Per field, how often the extractor had it right (a rejected estimate counts as "
                               "wrong in every field, a corrected one in the fields changed):"),
                 table(["Field", "Right", "Checked", "Agreement"], rows, class_="data compact")])


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


def _few_study_methods(settings: dict, pi_from) -> list[Html]:
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
        el("li", "One study is shown as reported. Two studies are ",
           "pooled (pool_two_studies was set for this run)" if pool_two else
           "shown side by side and not pooled: two studies cannot estimate the between-study variance usefully, and "
           "a random-effects interval from them is either misleadingly narrow or uninformatively wide (Cochrane "
           "Handbook ch. 10.10.4; Röver et al. 2015); pool_two_studies = True pools them", "."),
        el("li", f"From three studies: the random-effects model with the {settings.get('method', 'REML')} estimator of "
                 "τ² (Veroniki et al., Res Synth Methods 2016;7:55-79; Cochrane Handbook ch. 10.10.4) and ", test_words,
           "."),
        el("li", "Heterogeneity: τ² with its Q-profile 95% CI and I² with the interval mapped from it (Viechtbauer, "
                 "Stat Med 2007;26:37-52; Veroniki et al., Res Synth Methods 2019;10:23-43); I² is the share of "
                 "variability due to between-study heterogeneity."),
        el("li", f"Prediction intervals from {pi_from} studies (IntHout et al., BMJ Open 2016;6:e010247; Cochrane "
                 "Handbook 10.10.4.3): ",
           {"metafor": "metafor's (the model's quantile: t with k − 1 df under Hartung–Knapp, normal under the z-test)",
            "k-1": "on a t distribution with k − 1 df (meta 8's default)",
            "riley": "on a t distribution with k − 2 df (Higgins, Thompson & Spiegelhalter 2009; Riley et al. 2011)",
            }.get(pi_method, pi_method), "."),
        el("li", "Sensitivity analyses refit other τ² estimators with the same interval method; the common-effect model "
                 "is not shown next to a random-effects result by default. From 10 studies: a funnel plot, Egger's "
                 "regression test and trim-and-fill (Cochrane Handbook 13.3.5)."),
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


def reproducibility(inputs: ReportInputs, parameters: dict) -> Html:
    """Parameters of this run (this notebook's, then the earlier stages'), versions, and hashes of what was read."""
    params = [("04_report", k, _show_parameter(k, v)) for k, v in sorted(parameters.items())]
    run = inputs.run_parameters
    for notebook in sorted(run):
        values = run[notebook]
        if isinstance(values, dict):
            params.extend((str(notebook), str(k), _show_parameter(str(k), v))
                          for k, v in sorted(values.items(), key=lambda kv: str(kv[0])))
        else:
            params.append((str(notebook), "", str(values)))
    params.sort(key=lambda p: (p[0], p[1]))
    docs = inputs.documents.loc[inputs.documents["sha256"] != ""]
    hashes = sorted({(r["source_file"], r["sha256"]) for _, r in docs.iterrows()})
    return join([
        el("h3", "Run parameters"),
        table(["Notebook", "Parameter", "Value"], [list(p) for p in params], class_="data compact"),
        el("h3", "Software"),
        table(["Package", "Version"], _versions(), class_="data compact"),
        el("h3", "Processed tables read"),
        table(["Table", "SHA-256"], [[n, el("code", h)] for n, h in inputs.table_hashes.items()],
              class_="data compact") if inputs.table_hashes else _empty("No processed table was found."),
        el("h3", "Input files"),
        el("div", table(["File", "SHA-256"], [[f, el("code", h)] for f, h in hashes], class_="data compact"),
           class_="scroll") if hashes else _empty("No input files were recorded."),
    ])


# ---------------------------------------------------------------- appendix

EVIDENCE_LIMIT = 1200  # characters of an evidence sentence shown in the appendix
_NUMBER = re.compile(r"(?<![\w.])[-−–]?\d+(?:[.,·]\d+)?")


def _close(token: str, value: float) -> bool:
    shown = token.replace("−", "-").replace("–", "-").replace("·", ".").replace(",", ".")
    try:
        x = float(shown)
    except ValueError:
        return False
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    tolerance = 0.5 * 10 ** -decimals + 1e-9
    return abs(x - value) <= tolerance or abs(x - value * 100) <= tolerance or abs(abs(x) - abs(value)) <= 1e-9


def highlight(evidence: str, row) -> Html:
    """The evidence sentence, escaped, with the estimate's value (and CI limits) wrapped in <mark>."""
    marks: dict[int, tuple[int, str]] = {}
    tokens = [(m.start(), m.end(), m.group()) for m in _NUMBER.finditer(evidence)]
    after = 0
    if not is_missing(row["value"]):
        for start, end, token in tokens:
            if _close(token, float(row["value"])):
                marks[start] = (end, "value")
                after = end
                break
    for field in ("ci_low", "ci_high"):
        if is_missing(row[field]):
            continue
        candidates = [t for t in tokens if t[0] >= after and t[0] not in marks] + [t for t in tokens if t[0] not in marks]
        for start, end, token in candidates:
            if _close(token, float(row[field])):
                marks[start] = (end, "ci")
                after = end
                break
    parts = []
    pos = 0
    shown_end = len(evidence)
    if len(evidence) > EVIDENCE_LIMIT:  # a runaway "sentence": show the part around the numbers
        first = min(marks) if marks else 0
        last = max(end for end, _ in marks.values()) if marks else 0
        pos = max(0, min(first - EVIDENCE_LIMIT // 2, len(evidence) - EVIDENCE_LIMIT))
        shown_end = min(len(evidence), max(last + EVIDENCE_LIMIT // 2, pos + EVIDENCE_LIMIT))
        marks = {s: v for s, v in marks.items() if s >= pos and v[0] <= shown_end}
        if pos:
            parts.append(esc("… "))
    for start in sorted(marks):
        end, kind = marks[start]
        parts.append(esc(evidence[pos:start]))
        parts.append(el("mark", evidence[start:end], class_=f"hl-{kind}"))
        pos = end
    parts.append(esc(evidence[pos:shown_end]))
    if shown_end < len(evidence):
        parts.append(esc(f" … ({fmt_count(len(evidence))} characters in all)"))
    return join(parts)


def _evidence_of(row, texts: dict[str, str]) -> str:
    if row["evidence"]:
        return str(row["evidence"])
    text = texts.get(str(row["doc_id"]), "")
    if text and not is_missing(row["start"]) and not is_missing(row["end"]):
        return text[int(row["start"]):int(row["end"])]
    return ""


def appendix(inputs: ReportInputs) -> Html:
    docs = inputs.documents.loc[inputs.documents["status"].str.strip().str.lower() != "skipped"]
    est_by_doc = {d: g for d, g in inputs.estimates.groupby("doc_id", sort=False)}
    orphan = inputs.estimates.loc[~inputs.estimates["doc_id"].isin(set(docs["doc_id"]))]
    if docs.empty and orphan.empty and inputs.pooled.empty:
        return _empty("No documents were read.")
    numbering = estimate_numbering(inputs)
    source_of = dict(zip(inputs.documents["doc_id"], inputs.documents["source_file"]))
    blocks = []
    for _, doc in docs.iterrows():
        est = est_by_doc.get(doc["doc_id"])
        meta = [x for x in [doc["source_file"], doc["design"], doc["condition"],
                            f"n = {fmt_count(doc['n_total'])}" if not is_missing(doc["n_total"]) else "",
                            f"doi {doc['doi']}" if doc["doi"] else "", f"PMID {doc['pmid']}" if doc["pmid"] else "",
                            f"duplicate of {source_of.get(doc['duplicate_of'], doc['duplicate_of'])}"
                            if doc["duplicate_of"] else ""] if x]
        entries = [_appendix_entry(r, inputs.texts, numbering) for _, r in est.iterrows()] if est is not None else []
        blocks.append(el("section",
                         el("h3", _doc_label(doc), ": ", doc["title"] or doc["source_file"]),
                         el("p", " · ".join(meta), class_="doc-meta"),
                         join(entries) if entries else el("p", "No effect estimate was found in this document.",
                                                          class_="empty"),
                         id=document_anchor(doc["doc_id"]), class_="doc"))
    known = set(inputs.estimates["estimate_id"])
    referenced = sorted({i for ids in inputs.pooled["estimate_ids"] for i in split_ids(ids)} - known)
    if referenced:  # keep every link from the pooled numbers landing somewhere that says what is wrong
        blocks.append(el("section", el("h3", "Estimates named in pooled.csv but missing from estimates.csv"),
                         [el("p", "estimate id ", el("code", i), ": not found among the extracted estimates.",
                             id=estimate_anchor(i), class_="estimate empty") for i in referenced],
                         class_="doc"))
    if not orphan.empty:
        blocks.append(el("section", el("h3", "Estimates whose document is not in documents.csv"),
                         join(_appendix_entry(r, inputs.texts, numbering) for _, r in orphan.iterrows()),
                         class_="doc"))
    return join(blocks)


def _appendix_entry(row, texts: dict[str, str], numbering: dict[str, int]) -> Html:
    eid = str(row["estimate_id"])
    details = [x for x in [_comparison(row), row["outcome"], row["timepoint"],
                           f"p {fmt_p(row['p_value'], row['p_text'])}" if fmt_p(row["p_value"], row["p_text"]) else "",
                           ] if x]
    badges = []
    if row["flags"]:
        badges.append(el("span", "flag: " + _flag_words(row["flags"]), class_="badge badge-flag"))
    if row["decision"]:
        who = f" by {row['reviewer']}" if row.get("reviewer", "") else ""
        what = f" ({row['corrected_fields']})" if row.get("corrected_fields", "") else ""
        badges.append(el("span", f"{row['decision']}{who}{what}", class_="badge", title=row.get("decision_note", "") or None))
    evidence = _evidence_of(row, texts)
    return el("div",
              el("p", el("span", f"[{numbering.get(eid, '?')}]", class_="est-no"), " ", el("strong", _estimate_text(row)),
                 " — ", " · ".join(details), " ", join(badges, " "), class_="est-head"),
              el("blockquote", highlight(evidence, row)) if evidence else el("p", "No evidence sentence recorded.",
                                                                             class_="empty"),
              el("p", "estimate id ", el("code", eid), class_="est-id"),
              id=estimate_anchor(eid), class_="estimate")


# ---------------------------------------------------------------- review queue (issue 14)

def review_queue(inputs: ReportInputs) -> Html:
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
        return _empty("No estimate is waiting for a reviewer: every estimate's arms, outcome, role and "
                      "orientation were settled.")
    rows = _estimate_rows(inputs, queued, lambda row: [reasons[str(row["estimate_id"])]])
    return join([
        el("p", f"{fmt_count(len(rows))} estimate{'s' if len(rows) != 1 else ''} kept out of pooling and of the "
                "summary of findings until a reviewer accepts, corrects or rejects them."),
        table(["#", "Document", "Estimate", "Comparison", "Outcome", "Why a reviewer must look"], rows,
              caption="Review queue: estimates the extraction could not settle."),
    ])
