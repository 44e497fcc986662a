"""A PRISMA 2020-style flow, counted from the pipeline's own tables (never typed in by hand).

files found → records → records skipped (with reasons) → duplicates → documents included →
documents with estimates → estimates found → estimates excluded (flagged / rejected) → estimates in pooled cells.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .html import Html, el, join
from .inputs import split_ids
from .numbers import fmt_count


@dataclass(frozen=True)
class Flow:
    files: int
    records: int
    skipped: int
    skipped_reasons: list[tuple[str, int]]
    duplicates: int
    included: int
    with_estimates: int
    estimates: int
    flagged: int
    rejected: int
    in_cells: int
    pooled_cells: int  # k >= 2
    single_cells: int  # k == 1
    not_pooled_reasons: list[tuple[str, int]] = field(default_factory=list)


def compute_flow(documents: pd.DataFrame, estimates: pd.DataFrame, pooled: pd.DataFrame) -> Flow:
    skipped_mask = documents["status"].str.strip().str.lower() == "skipped"
    duplicate_mask = ~skipped_mask & (documents["duplicate_of"].str.strip() != "")
    included_ids = set(documents.loc[~skipped_mask & ~duplicate_mask, "doc_id"])
    reasons = Counter((r.strip() or "no reason given") for r in documents.loc[skipped_mask, "reason"])
    in_cells = sorted({i for ids in pooled["estimate_ids"] for i in split_ids(ids)})
    known = set(estimates["estimate_id"])
    flagged = estimates["flags"].str.strip() != ""
    rejected = estimates["decision"].str.strip().str.lower() == "rejected"
    not_pooled = Counter()
    for _, row in estimates.loc[~estimates["estimate_id"].isin(in_cells)].iterrows():
        if str(row["decision"]).strip().lower() == "rejected":
            not_pooled["rejected by the reviewer"] += 1
        elif str(row["flags"]).strip():
            not_pooled["flagged: " + str(row["flags"]).strip()] += 1
        else:
            not_pooled["no comparable cell"] += 1
    k = pd.to_numeric(pooled["k"], errors="coerce")
    return Flow(
        files=int(documents["source_file"].nunique()),
        records=len(documents),
        skipped=int(skipped_mask.sum()),
        skipped_reasons=sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])),
        duplicates=int(duplicate_mask.sum()),
        included=len(included_ids),
        with_estimates=int(estimates.loc[estimates["doc_id"].isin(included_ids), "doc_id"].nunique()),
        estimates=len(estimates),
        flagged=int(flagged.sum()),
        rejected=int(rejected.sum()),
        in_cells=len([i for i in in_cells if i in known]) if known else len(in_cells),
        pooled_cells=int((k >= 2).sum()),
        single_cells=int((k == 1).sum()),
        not_pooled_reasons=sorted(not_pooled.items(), key=lambda kv: (-kv[1], kv[0])),
    )


def _box(label: str, count: int, detail: Html | None = None, kind: str = "main") -> Html:
    return el("div", el("span", fmt_count(count), class_="flow-count", data_count=str(count)),
              el("span", label, class_="flow-label"), detail, class_=f"flow-box flow-{kind}")


def _reason_list(reasons: list[tuple[str, int]]) -> Html | None:
    if not reasons:
        return None
    return el("ul", [el("li", f"{reason}: {fmt_count(n)}") for reason, n in reasons], class_="flow-reasons")


def flow_html(flow: Flow) -> Html:
    """Boxes down the left, exclusions to the right, as in the PRISMA 2020 diagram."""
    rows = [
        (_box("files found in the raw folder", flow.files), None),
        (_box("records read (a file may hold several records)", flow.records),
         _box("records skipped", flow.skipped, _reason_list(flow.skipped_reasons), "side")),
        (_box("records after skipping", flow.records - flow.skipped),
         _box("duplicates removed", flow.duplicates, None, "side")),
        (_box("documents included", flow.included),
         _box("documents without any effect estimate", flow.included - flow.with_estimates, None, "side")),
        (_box("documents with estimates", flow.with_estimates), None),
        (_box("effect estimates extracted", flow.estimates),
         _box("estimates not in any cell", flow.estimates - flow.in_cells, _reason_list(flow.not_pooled_reasons),
              "side")),
        (_box("estimates in comparable cells", flow.in_cells,
              el("div", f"{fmt_count(flow.pooled_cells)} pooled cells (k ≥ 2), "
                        f"{fmt_count(flow.single_cells)} single-study cells", class_="flow-detail")), None),
    ]
    out = []
    for i, (main, side) in enumerate(rows):
        if i:
            out.append(el("div", el("span", "↓", class_="flow-arrow"), el("span", class_="flow-gap"),
                          class_="flow-row flow-arrow-row"))
        out.append(el("div", main, el("span", "→" if side else "", class_="flow-side-arrow"), side or el("span"),
                      class_="flow-row"))
    return el("div", out, class_="prisma", role="img",
              aria_label=f"Flow: {flow.files} files, {flow.records} records, {flow.estimates} estimates")


def flow_table(flow: Flow) -> Html:
    """The same counts as a plain table (for screen readers and copy-paste)."""
    rows = [
        ("Files found", flow.files), ("Records read", flow.records), ("Records skipped", flow.skipped),
        ("Duplicates", flow.duplicates), ("Documents included", flow.included),
        ("Documents with estimates", flow.with_estimates), ("Estimates extracted", flow.estimates),
        ("Estimates flagged", flow.flagged), ("Estimates rejected by the reviewer", flow.rejected),
        ("Estimates in comparable cells", flow.in_cells), ("Pooled cells (k ≥ 2)", flow.pooled_cells),
        ("Single-study cells", flow.single_cells),
    ]
    return el("table", el("tbody", [el("tr", el("th", label, scope="row"), el("td", fmt_count(n), class_="n"))
                                    for label, n in rows]), class_="data compact flow-table")


def render(documents: pd.DataFrame, estimates: pd.DataFrame, pooled: pd.DataFrame) -> Html:
    flow = compute_flow(documents, estimates, pooled)
    return join([flow_html(flow), el("details", el("summary", "The same counts as a table"), flow_table(flow))])
