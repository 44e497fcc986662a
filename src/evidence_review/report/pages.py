"""Which page holds what, so the report stays readable at any number of documents.

- `evidence_report.html` (the main report, rendered from notebooks/04_report by nbconvert): summary of findings,
  flow, counts, the pooled cells (k ≥ 2) with their numbers; long lists show their first `MAIN_LIST_LIMIT` rows,
  the `MAIN_CELL_LIMIT` cells with the most studies get a section, a cell lists `CELL_LIST_LIMIT` estimates and
  a finding `SOURCE_LINKS_LIMIT` source links; forest plots are embedded, most studies first, until
  `MAIN_FIGURE_BYTES` of images. So its size is bounded whatever the number of documents.
- `evidence_report_appendix.html`: every document with the sentence behind each estimate, and every list and
  cell section the main page cut, in full; a search box filters it (one inline script, allowed by its hash in
  the page's Content-Security-Policy). Past `DOCUMENTS_PER_PAGE` documents the appendix is split: this page keeps
  the contents, a search over every document of every appendix page (an index embedded as JSON) and the
  estimates whose document is unknown; the documents move to `evidence_report_documents_NNN.html`,
  `DOCUMENTS_PER_PAGE` a page in file order, and each full list to `evidence_report_appendix_<list>.html`; the
  lists that grow with the pooled cells (ROW_SPLIT_LISTS, CELL_SPLIT_LISTS) go on past `LIST_ROWS_PER_PAGE` rows
  (or cells) to `…_<list>_002.html`, …, linked in sequence, each page with a search box over its rows.
- `evidence_report_figures.html`: the forest and funnel plots the main page has no room for (up to
  `FIGURES_PAGE_BYTES`; further plots are named by their file in reports/figures/).

Links between the pages are relative file names with a fragment, so the files move together; `Site.pages` names
every page of one report, the only pages its links may lead to.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from ..synthesis.order import cells_by_size
from .html import More, anchor_id, cell_anchor, document_anchor, estimate_anchor
from .inputs import ReportInputs, split_ids

MAIN_PAGE = "evidence_report.html"
APPENDIX_PAGE = "evidence_report_appendix.html"
FIGURES_PAGE = "evidence_report_figures.html"
MAIN_LIST_LIMIT = 100  # rows of a long list shown on the main page; the appendix has them all
MAIN_FIGURE_BYTES = 1_100_000  # embedded images on the main page (base64 size), most studies first
FIGURES_PAGE_BYTES = 30_000_000  # embedded images on the figures page; further plots are named by their file
MAIN_CELL_LIMIT = 50  # pooled cells (k ≥ 2) given a section on the main page, most studies first
CELL_LIST_LIMIT = 10  # estimates listed under one pooled cell on the main page (the appendix lists all)
SOURCE_LINKS_LIMIT = 10  # "Sources: [1] [2] …" links after one finding on the main page
DOCUMENTS_PER_PAGE = 500  # documents on one page of a split appendix; more documents split the appendix
LIST_ROWS_PER_PAGE = 500  # rows (or pooled cells) on one page of a full list of a split appendix

# (list name, title) of the appendix's parts, in order; a list's anchor is `all-<name>`, where the main page's
# "all … are in the appendix" notes lead. "appendix" is the documents themselves.
APPENDIX_PARTS = (
    ("appendix", "Documents and the sentence behind every estimate"),
    ("characteristics", "Characteristics of included studies"),
    ("summary_of_findings_table", "Summary of findings, every row"),
    ("single_study_results", "Single-study results"),
    ("pooled_overview", "Every pooled cell"),
    ("more_pooled_results", "Pooled cells not shown in detail on the main page"),
    ("cell_estimates", "Estimates of each pooled cell"),
    ("evidence_map", "Evidence map"),
    ("flagged_estimates", "Flagged estimates"),
    ("review_queue", "Review queue"),
    ("reviewer_decisions", "Reviewer decisions"),
    ("skipped_inputs", "Skipped inputs"),
    ("input_files", "Input files"),
)
LIST_PARTS = tuple(name for name, _ in APPENDIX_PARTS if name != "appendix")


# The further pages of a split appendix. One an earlier run left in a reports folder (an appendix of another size)
# is removed when a run writes its own, so no page of an older report is reachable beside a newer one.
SIDE_PAGE_NAME = re.compile(r"evidence_report_(?:documents_\d+|appendix_[a-z_]+(?:_\d+)?)\.html")
# The lists split into pages of LIST_ROWS_PER_PAGE rows: those that grow with the pooled cells (in the cells of the
# last two, each cell's section or list stays whole on one page); the others stay one page each.
ROW_SPLIT_LISTS = ("summary_of_findings_table", "single_study_results", "pooled_overview")
CELL_SPLIT_LISTS = ("more_pooled_results", "cell_estimates")


def stale_pages(reports_dir: Path, keep) -> list[Path]:
    """Further appendix pages of an earlier report in `reports_dir` that are not among `keep` (file names)."""
    folder = Path(reports_dir)
    if not folder.is_dir():
        return []
    keep = set(keep)
    return sorted(p for p in folder.iterdir() if SIDE_PAGE_NAME.fullmatch(p.name) and p.name not in keep)


def documents_page(number: int) -> str:
    """The `number`-th page (from 1) of the documents of a split appendix."""
    return f"evidence_report_documents_{number:03d}.html"


def list_page(part: str, number: int = 1) -> str:
    """The `number`-th page (from 1) of one full list of a split appendix."""
    return f"evidence_report_appendix_{part}" + ("" if number == 1 else f"_{number:03d}") + ".html"


def _chunk_pages(part: str, n_rows: int, per_page: int) -> tuple[str, ...]:
    return tuple(list_page(part, i + 1) for i in range(max(1, -(-n_rows // max(1, per_page)))))


def list_part(name: str) -> str:
    """The appendix part holding the list `name`: one cell's estimates (`cell-…`) are in `cell_estimates`."""
    return "cell_estimates" if name.startswith("cell-") else name


@dataclass(frozen=True, eq=False)
class Site:
    """Link targets across the report's pages, seen from the page being written (`page`)."""
    page: str = MAIN_PAGE
    main_figures: frozenset = frozenset()  # cell ids whose plots are embedded in the main page
    main_cells: frozenset | None = None  # pooled cells with a section on the main page (None: all of them)
    single_ids: frozenset = frozenset()  # cell ids with one study: they have no section of their own
    # A split appendix (more than DOCUMENTS_PER_PAGE documents): the page of each document and of each estimate
    # (those of unknown or skipped documents stay on APPENDIX_PAGE); empty when the appendix is one page.
    document_pages: Mapping[str, str] = field(default_factory=dict)
    estimate_pages: Mapping[str, str] = field(default_factory=dict)
    # The pages of each full list of a split appendix (LIST_ROWS_PER_PAGE rows a page), and the page of each pooled
    # cell's section (not on the main page) and of each cell's list of estimates.
    list_pages: Mapping[str, tuple] = field(default_factory=dict)
    list_rows_per_page: int = LIST_ROWS_PER_PAGE
    cell_section_pages: Mapping[str, str] = field(default_factory=dict)
    cell_list_pages: Mapping[str, str] = field(default_factory=dict)  # by the list's name, cell_list_name

    def on(self, page: str) -> Site:
        return replace(self, page=page)

    @property
    def split(self) -> bool:
        return bool(self.document_pages)

    @property
    def pages(self) -> tuple[str, ...]:
        """Every page of this report: the main page first, then the appendix, the figures page and, when the
        appendix is split, its documents pages and list pages."""
        extra = ()
        if self.split:
            extra = tuple(sorted(set(self.document_pages.values()))) + tuple(
                page for p in LIST_PARTS for page in self.list_pages.get(p, (list_page(p),)))
        return (MAIN_PAGE, APPENDIX_PAGE, FIGURES_PAGE, *extra)

    @property
    def appendix_pages(self) -> tuple[str, ...]:
        """The pages the appendix is written to (one unless split)."""
        return tuple(p for p in self.pages if p not in (MAIN_PAGE, FIGURES_PAGE))

    def href(self, page: str, anchor: str) -> str:
        return ("#" if page == self.page else page + "#") + anchor

    def list_page(self, name: str) -> str:
        """The (first) page holding the full list `name` (an APPENDIX_PARTS name, or a cell's list)."""
        if not self.split:
            return APPENDIX_PAGE
        return self.cell_list_pages.get(name) or list_page(list_part(name))

    def on_list(self, part: str) -> bool:
        """Whether this page is one of the pages of the full list `part` of a split appendix."""
        return self.split and self.page in self.list_pages.get(part, (list_page(part),))

    @property
    def window(self) -> slice | None:
        """The rows of its list this page shows, when it is one page of a list split by rows."""
        for part in ROW_SPLIT_LISTS:
            pages = self.list_pages.get(part, ())
            if self.split and len(pages) > 1 and self.page in pages:
                start = pages.index(self.page) * self.list_rows_per_page
                return slice(start, start + self.list_rows_per_page)
        return None

    def estimate(self, estimate_id) -> str:
        return self.href(self.estimate_pages.get(str(estimate_id), APPENDIX_PAGE), estimate_anchor(estimate_id))

    def document(self, doc_id) -> str:
        return self.href(self.document_pages.get(str(doc_id), APPENDIX_PAGE), document_anchor(doc_id))

    def on_main(self, cell_id) -> bool:
        return self.main_cells is None or str(cell_id) in self.main_cells

    def cell(self, cell_id) -> str:
        """A pooled cell's section: on the main page, or in the appendix when the main page had no room."""
        page = MAIN_PAGE if self.on_main(cell_id) else self.cell_section_pages.get(
            str(cell_id), self.list_page("more_pooled_results"))
        return self.href(page, cell_anchor(cell_id))

    def cells_here(self, cell_ids) -> list[bool]:
        """Which of these pooled cells get their section on this page."""
        if self.page == MAIN_PAGE:
            return [self.on_main(c) for c in cell_ids]
        if self.on_list("more_pooled_results"):
            return [not self.on_main(c) and self.cell_section_pages.get(str(c), self.page) == self.page
                    for c in cell_ids]
        return [True for _ in cell_ids]

    def figure(self, cell_id) -> str:
        return self.href(FIGURES_PAGE, figure_anchor(cell_id))

    def full_list(self, name: str) -> str:
        return self.href(self.list_page(name), list_anchor(name))

    def source(self, cell_id, estimate_ids) -> str:
        """Where a pooled number leads: its one estimate's sentence, or the cell with its estimates."""
        ids = split_ids(estimate_ids)
        return self.estimate(ids[0]) if len(ids) == 1 else self.cell(cell_id)

    @property
    def limit(self) -> int | None:
        return MAIN_LIST_LIMIT if self.page == MAIN_PAGE else None

    def cut(self, rows: list, name: str, what: str, limit: int | None = None) -> tuple[list, More | None]:
        """The rows this page shows of a long list, and the note that sends the reader to the full list
        (`limit`: a smaller one than the page's, for lists inside a section)."""
        if self.window is not None:
            return rows[self.window], None
        limit = None if self.limit is None else (limit or self.limit)
        if limit is None or len(rows) <= limit:
            return rows, None
        return rows[:limit], More(limit, len(rows), self.full_list(name), what)


def figure_anchor(cell_id) -> str:
    return anchor_id("fig", cell_id)


def list_anchor(name: str) -> str:
    return "all-" + name


def embedded_size(path: Path | None) -> int:
    if path is None:
        return 0
    try:
        return (path.stat().st_size + 2) // 3 * 4
    except OSError:
        return 0


def appendix_documents(inputs: ReportInputs) -> pd.DataFrame:
    """The documents the appendix lists (every one read, duplicates included), in file order."""
    docs = inputs.documents
    return docs.loc[docs["status"].str.strip().str.lower() != "skipped"]


def document_pages(inputs: ReportInputs, per_page: int = DOCUMENTS_PER_PAGE) -> tuple[dict, dict]:
    """({doc_id: page}, {estimate_id: page}) of a split appendix, `per_page` documents a page in file order;
    two empty dicts when every document fits one page."""
    doc_ids = [str(d) for d in appendix_documents(inputs)["doc_id"]]
    if len(doc_ids) <= per_page:
        return {}, {}
    by_doc = {doc_id: documents_page(i // per_page + 1) for i, doc_id in enumerate(doc_ids)}
    est = inputs.estimates
    by_estimate = {str(e): by_doc[str(d)] for e, d in zip(est["estimate_id"], est["doc_id"]) if str(d) in by_doc}
    return by_doc, by_estimate


def ranked_cells(inputs: ReportInputs) -> list[str]:
    """The pooled cells (k ≥ 2) in the pooling stage's order (synthesis.order.cells_by_size)."""
    return cells_by_size(inputs.pooled)


def embedded_plots(inputs: ReportInputs, cell_ids, budget: int) -> frozenset[str]:
    """The one rule for which plots a page embeds: the forest (and funnel) plots of `cell_ids`, in that order,
    until the next would take the page past `budget` bytes of images (base64). Which plots exist is the pooling
    stage's decision (reports/figures/); a cell without one takes no room."""
    used, embedded = 0, set()
    for cell_id in cell_ids:
        size = embedded_size(inputs.figures.get(cell_id)) + embedded_size(inputs.funnels.get(f"{cell_id}-funnel"))
        if used + size > budget:
            break
        used += size
        embedded.add(cell_id)
    return frozenset(embedded)


def plan(inputs: ReportInputs, page: str = MAIN_PAGE, figure_bytes: int = MAIN_FIGURE_BYTES,
         cell_limit: int = MAIN_CELL_LIMIT, documents_per_page: int = DOCUMENTS_PER_PAGE,
         list_rows_per_page: int = LIST_ROWS_PER_PAGE) -> Site:
    """The report's layout for these inputs: which pooled cells get a section on the main page and which plots
    it embeds (cells with the most studies first, in table order on ties; plots until `figure_bytes`), and
    which page of the appendix holds each document."""
    order = ranked_cells(inputs)
    main_cells = None if len(order) <= cell_limit else frozenset(order[:cell_limit])
    embedded = embedded_plots(inputs, order[:cell_limit], figure_bytes)
    k = pd.to_numeric(inputs.pooled["k"], errors="coerce").fillna(0)
    single = frozenset(inputs.pooled.loc[k < 2, "cell_id"].astype(str))
    by_doc, by_estimate = document_pages(inputs, documents_per_page)
    site = Site(page=page, main_figures=embedded, single_ids=single, main_cells=main_cells,
                document_pages=by_doc, estimate_pages=by_estimate)
    return list_layout(inputs, site, list_rows_per_page) if site.split else site


def pooled_in_report_order(pooled: pd.DataFrame) -> pd.DataFrame:
    """The pooled cells (k >= 2) in the order the report lists them: comparisons between arms first, then
    single-arm quantities, each in table order."""
    k = pd.to_numeric(pooled["k"], errors="coerce").fillna(0)
    pooled = pooled.loc[k >= 2]
    return pooled.assign(_arm=(pooled["comparator"] == "")).sort_values("_arm", kind="stable").drop(columns="_arm")


def list_layout(inputs: ReportInputs, site: Site, per_page: int = LIST_ROWS_PER_PAGE) -> Site:
    """`site` with the pages of each long list of its split appendix: `per_page` rows a page (pooled cells for the
    cell sections and the cells' lists, each cell whole on one page)."""
    k = pd.to_numeric(inputs.pooled["k"], errors="coerce").fillna(0)
    rows = {"summary_of_findings_table": 0 if inputs.summary is None else len(inputs.summary),
            "single_study_results": int((k < 2).sum()), "pooled_overview": int((k >= 2).sum())}
    pages = {part: _chunk_pages(part, n, per_page) for part, n in rows.items()}
    ordered = [str(c) for c in pooled_in_report_order(inputs.pooled)["cell_id"]]
    elsewhere = [c for c in ordered if not site.on_main(c)]
    sections_at = {c: list_page("more_pooled_results", i // per_page + 1) for i, c in enumerate(elsewhere)}
    in_table_order = [str(c) for c in inputs.pooled.loc[k >= 2, "cell_id"]]
    lists_at = {cell_anchor(c): list_page("cell_estimates", i // per_page + 1) for i, c in enumerate(in_table_order)}
    pages["more_pooled_results"] = _chunk_pages("more_pooled_results", len(elsewhere), per_page)
    pages["cell_estimates"] = _chunk_pages("cell_estimates", len(in_table_order), per_page)
    return replace(site, list_pages=pages, list_rows_per_page=per_page, cell_section_pages=sections_at,
                   cell_list_pages=lists_at)
