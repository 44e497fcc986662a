"""Which page holds what, so the report stays readable at any number of documents.

- `evidence_report.html` (the main report, rendered from notebooks/04_report by nbconvert): summary of findings,
  flow, counts, the pooled cells (k ≥ 2) with their numbers; long lists show their first `MAIN_LIST_LIMIT` rows,
  the `MAIN_CELL_LIMIT` cells with the most studies get a section, a cell lists `CELL_LIST_LIMIT` estimates and
  a finding `SOURCE_LINKS_LIMIT` source links; forest plots are embedded, most studies first, until
  `MAIN_FIGURE_BYTES` of images. So its size is bounded whatever the number of documents.
- `evidence_report_appendix.html`: every document with the sentence behind each estimate, and every list and
  cell section the main page cut, in full; a search box filters it (one inline script, allowed by its hash in
  the page's Content-Security-Policy).
- `evidence_report_figures.html`: the forest and funnel plots the main page has no room for (up to
  `FIGURES_PAGE_BYTES`; further plots are named by their file in reports/figures/).

Links between the pages are relative file names with a fragment, so the three files move together.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from .html import More, anchor_id, cell_anchor, document_anchor, estimate_anchor
from .inputs import ReportInputs, split_ids

MAIN_PAGE = "evidence_report.html"
APPENDIX_PAGE = "evidence_report_appendix.html"
FIGURES_PAGE = "evidence_report_figures.html"
MAIN_LIST_LIMIT = 100  # rows of a long list shown on the main page; the appendix has them all
MAIN_FIGURE_BYTES = 1_500_000  # embedded images on the main page (base64 size), most studies first
FIGURES_PAGE_BYTES = 30_000_000  # embedded images on the figures page; further plots are named by their file
MAIN_CELL_LIMIT = 100  # pooled cells (k ≥ 2) given a section on the main page, most studies first
CELL_LIST_LIMIT = 20  # estimates listed under one pooled cell on the main page (the appendix lists all)
SOURCE_LINKS_LIMIT = 10  # "Sources: [1] [2] …" links after one finding on the main page


@dataclass(frozen=True)
class Site:
    """Link targets across the report's pages, seen from the page being written (`page`)."""
    page: str = MAIN_PAGE
    main_figures: frozenset = frozenset()  # cell ids whose plots are embedded in the main page
    main_cells: frozenset | None = None  # pooled cells with a section on the main page (None: all of them)
    single_ids: frozenset = frozenset()  # cell ids with one study: they have no section of their own

    def on(self, page: str) -> Site:
        return replace(self, page=page)

    def href(self, page: str, anchor: str) -> str:
        return ("#" if page == self.page else page + "#") + anchor

    def estimate(self, estimate_id) -> str:
        return self.href(APPENDIX_PAGE, estimate_anchor(estimate_id))

    def document(self, doc_id) -> str:
        return self.href(APPENDIX_PAGE, document_anchor(doc_id))

    def on_main(self, cell_id) -> bool:
        return self.main_cells is None or str(cell_id) in self.main_cells

    def cell(self, cell_id) -> str:
        """A pooled cell's section: on the main page, or in the appendix when the main page had no room."""
        return self.href(MAIN_PAGE if self.on_main(cell_id) else APPENDIX_PAGE, cell_anchor(cell_id))

    def cells_here(self, cell_ids) -> list[bool]:
        """Which of these pooled cells get their section on this page."""
        if self.page == MAIN_PAGE:
            return [self.on_main(c) for c in cell_ids]
        if self.page == APPENDIX_PAGE:
            return [not self.on_main(c) for c in cell_ids]
        return [True for _ in cell_ids]

    def figure(self, cell_id) -> str:
        return self.href(FIGURES_PAGE, figure_anchor(cell_id))

    def full_list(self, name: str) -> str:
        return self.href(APPENDIX_PAGE, list_anchor(name))

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


def plan(inputs: ReportInputs, page: str = MAIN_PAGE, figure_bytes: int = MAIN_FIGURE_BYTES,
         cell_limit: int = MAIN_CELL_LIMIT) -> Site:
    """The report's layout for these inputs: which pooled cells get a section on the main page and which plots
    it embeds (cells with the most studies first, in table order on ties; plots until `figure_bytes`)."""
    pooled = inputs.pooled
    k = pd.to_numeric(pooled["k"], errors="coerce").fillna(0)
    multi = pooled.assign(_k=k).loc[k >= 2]
    ranked = multi.assign(_pos=range(len(multi))).sort_values(["_k", "_pos"], ascending=[False, True], kind="stable")
    order = list(ranked["cell_id"].astype(str))
    main_cells = None if len(order) <= cell_limit else frozenset(order[:cell_limit])
    used, embedded = 0, set()
    for cell_id in order[:cell_limit]:
        size = embedded_size(inputs.figures.get(cell_id)) + embedded_size(inputs.funnels.get(f"{cell_id}-funnel"))
        if used + size > figure_bytes:
            break
        used += size
        embedded.add(cell_id)
    single = frozenset(pooled.loc[k < 2, "cell_id"].astype(str))
    return Site(page=page, main_figures=frozenset(embedded), single_ids=single, main_cells=main_cells)
