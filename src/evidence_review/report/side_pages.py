"""Write the report's side pages: the searchable appendix and the figures page (see `pages` for the layout).

Notebook 04_report calls `write_side_pages` into its reports folder (during `evidence-review run`, the staging
folder, promoted with the main report). Each page is checked against the page policy before it is written, and
links between them must land.

A split appendix (more than `pages.DOCUMENTS_PER_PAGE` documents) searches across its pages offline: its first
page embeds an index of every document (page, anchor, heading and the words it is found by) as a JSON data
block, which the page's one script reads; both are allowed by their hashes in the page's Content-Security-Policy.
"""
from __future__ import annotations

import json
import os
import re
from functools import partial
from pathlib import Path

from markupsafe import Markup

from ..parallel import ForkedMap, forked_workers
from ..tables import write_text_atomic
from . import sections
from .html import Link, document_anchor, text
from .inputs import ReportInputs
from .numbers import fmt_count
from .pages import (APPENDIX_PAGE, APPENDIX_PARTS, FIGURES_PAGE, LIST_PARTS, MAIN_PAGE, Site,
                    appendix_documents, list_anchor, list_page, stale_pages)
from .policy import PageFacts, check_links_between, check_page, script_hash
from .templating import TEMPLATES_DIR, render_section, render_template

STYLESHEET = TEMPLATES_DIR.parent / "evidence_report" / "static" / "report.css"
SEARCH_SCRIPT = TEMPLATES_DIR / "search.js"
TITLES = dict(APPENDIX_PARTS)
PAGE_WORKERS = 2  # processes writing a split appendix (no more than the cores)
# Characters that would end or confuse a <script> data block; escaped as JSON \\u escapes, which JSON.parse reads.
_JSON_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _stylesheet() -> Markup:
    return Markup(STYLESHEET.read_text(encoding="utf-8"))  # the package's own file


def _script() -> str:
    return SEARCH_SCRIPT.read_text(encoding="utf-8").strip()


def _page(title: str, lead: str, parts: list[dict], nav: list = (), toc: list = (), index: str = "",
          search: str = "") -> str:
    """One appendix page: a search box over its entries (and, with `index`, over every page's documents)."""
    script = _script()
    hashes = [script_hash(script)] + ([script_hash(index)] if index else [])
    page = render_template("appendix_page.html.j2", title=title, lead=lead, main_page=MAIN_PAGE, css=_stylesheet(),
                           parts=parts, nav=list(nav), toc=list(toc), script=Markup(script),
                           index=Markup(index) if index else "", search=search, script_hashes=hashes)
    return page if page.endswith("\n") else page + "\n"


def _part(name: str, inputs: ReportInputs, here: Site) -> dict:
    return {"anchor": list_anchor(name), "title": TITLES[name], "html": sections.html(name, inputs, here)}


def appendix_html(inputs: ReportInputs, site: Site) -> str:
    """The appendix as one page: every document, then every full list."""
    here = site.on(APPENDIX_PAGE)
    parts = [_part(name, inputs, here) for name, _ in APPENDIX_PARTS]
    return _page("Evidence review report: appendix",
                 " Every document read, with each estimate and the sentence behind it, then every list the main page "
                 "cuts short, in full. Type in the search box to show only the documents and rows that contain the "
                 "words.", parts, toc=[(f"#{p['anchor']}", p["title"]) for p in parts])


def document_ranges(inputs: ReportInputs, site: Site) -> list[dict]:
    """Each documents page of a split appendix: its name, which documents (by position and file) it holds."""
    ranges: dict[str, dict] = {}
    for position, (doc_id, source) in enumerate(zip(appendix_documents(inputs)["doc_id"],
                                                    appendix_documents(inputs)["source_file"]), start=1):
        page = site.document_pages[str(doc_id)]
        entry = ranges.setdefault(page, {"page": page, "first": position, "first_file": text(source)})
        entry.update(last=position, last_file=text(source))
    return [ranges[p] for p in sorted(ranges)]


def _range_title(r: dict) -> str:
    return f"Documents {fmt_count(r['first'])}–{fmt_count(r['last'])}: {r['first_file']} … {r['last_file']}"


def search_index(inputs: ReportInputs, site: Site) -> str:
    """Every document of a split appendix as [page number, anchor, heading, words it is found by (lower case)],
    with the page names once: JSON, safe inside a <script> element, the same bytes for the same inputs."""
    docs = appendix_documents(inputs)
    estimates = sections._estimates_by_doc(inputs)
    pages = sorted(set(site.document_pages.values()))
    number = {p: i for i, p in enumerate(pages)}
    entries = []
    for doc in docs.to_dict("records"):
        words = [doc["source_file"], doc["design"], doc["condition"], doc["doi"], doc["pmid"]]
        for e in estimates.get(doc["doc_id"], []):
            words += [e["estimate_id"], e["measure"], e["intervention"], e["comparator"], e["outcome"], e["timepoint"]]
        seen = dict.fromkeys(w for w in (text(x).lower() for x in words) if w)  # each field once, in order
        entries.append([number[site.document_pages[str(doc["doc_id"])]], document_anchor(doc["doc_id"]),
                        text(sections.document_heading(doc)), " ".join(seen)])
    out = json.dumps({"pages": pages, "documents": entries}, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_UNSAFE[m.group()], out)


def _documents_page(inputs: ReportInputs, site: Site, ranges: list[dict], i: int) -> str:
    r = ranges[i]
    total = len(appendix_documents(inputs))
    back = Link("appendix contents and search", APPENDIX_PAGE)
    nav = [back] + ([Link("previous documents", ranges[i - 1]["page"])] if i else []) + (
        [Link("next documents", ranges[i + 1]["page"])] if i + 1 < len(ranges) else [])
    return _page(
        f"Evidence review report: documents {fmt_count(r['first'])}–{fmt_count(r['last'])} of {fmt_count(total)}",
        f" Documents {r['first_file']} to {r['last_file']}, in file order, with each estimate and the sentence "
        "behind it. The search box filters this page; the appendix's first page searches every document.",
        [_part("appendix", inputs, site.on(r["page"]))], nav=nav)


def _list_pages(site: Site, name: str) -> tuple[str, ...]:
    return site.list_pages.get(name, (list_page(name),))


def _list_page(inputs: ReportInputs, site: Site, name: str, page: str) -> str:
    """One page of a full list: the whole list, or past `pages.LIST_ROWS_PER_PAGE` rows one page of it, linked to
    the pages before and after."""
    pages = _list_pages(site, name)
    i = pages.index(page)
    title, lead = TITLES[name], " One of the lists the main page cuts short, in full. The search box filters its rows."
    nav = [Link("appendix contents and search", APPENDIX_PAGE)]
    if len(pages) > 1:
        title = f"{title} (page {i + 1} of {len(pages)})"
        lead = (f" One of the lists the main page cuts short, in full, on {len(pages)} pages in order. The search box "
                "filters the rows of this page.")
        nav += ([Link("previous page of this list", pages[i - 1])] if i else []) + (
            [Link("next page of this list", pages[i + 1])] if i + 1 < len(pages) else [])
    return _page(f"Evidence review report: {title.lower()}", lead, [_part(name, inputs, site.on(page))], nav=nav)


def _first_page(inputs: ReportInputs, site: Site, ranges: list[dict]) -> str:
    """The first page of a split appendix: contents, the search over every document, estimates without one."""
    leftovers = sections.appendix(inputs, site.on(APPENDIX_PAGE))
    parts = []
    if leftovers["missing"] or leftovers["orphans"]:
        parts.append({"anchor": list_anchor("appendix"), "title": "Estimates without a document",
                      "html": render_section("appendix", leftovers)})
    toc = [(r["page"], _range_title(r)) for r in ranges] + [
        (page, TITLES[n] + (f", page {i + 1}" if len(_list_pages(site, n)) > 1 else ""))
        for n in LIST_PARTS for i, page in enumerate(_list_pages(site, n))]
    total = len(appendix_documents(inputs))
    return _page(
        "Evidence review report: appendix",
        f" {fmt_count(total)} documents, {fmt_count(len(ranges))} pages of documents in file order, then every "
        "list the main page cuts short, each on its own page. The search box finds documents on every page by "
        "author, title, file, design, condition, drug, outcome or estimate id.",
        parts, toc=toc, index=search_index(inputs, site), search="every document")


def figures_html(inputs: ReportInputs, site: Site) -> str:
    here = site.on(FIGURES_PAGE)
    page = render_template("figures_page.html.j2", title="Evidence review report: forest plots", main_page=MAIN_PAGE,
                           css=_stylesheet(), script_hashes=[],
                           html=render_section("figure_pages", sections.figure_pages(inputs, here)))
    return page if page.endswith("\n") else page + "\n"


def side_page_names(site: Site) -> list[str]:
    """The side pages of the report laid out by `site`, in the order they are written."""
    return [p for p in site.pages if p != MAIN_PAGE]


def render_side_page(inputs: ReportInputs, site: Site, name: str, ranges: list[dict] | None = None) -> str:
    """One side page by its file name (`ranges`: `document_ranges`, when the caller has them)."""
    if name == FIGURES_PAGE:
        return figures_html(inputs, site)
    if not site.split:
        return appendix_html(inputs, site)
    ranges = document_ranges(inputs, site) if ranges is None else ranges
    if name == APPENDIX_PAGE:
        return _first_page(inputs, site, ranges)
    for i, r in enumerate(ranges):
        if r["page"] == name:
            return _documents_page(inputs, site, ranges, i)
    return _list_page(inputs, site, next(part for part in LIST_PARTS if name in _list_pages(site, part)), name)


def side_pages(inputs: ReportInputs, site: Site) -> dict[str, str]:
    """{file name: HTML} of every side page of the report laid out by `site`."""
    ranges = document_ranges(inputs, site) if site.split else []
    return {name: render_side_page(inputs, site, name, ranges) for name in side_page_names(site)}


def _write_one(job: tuple, name: str) -> tuple[str, PageFacts]:
    """Render, check and write one side page; what the check found comes back for the links between pages."""
    inputs, site, reports_dir, ranges = job
    page = render_side_page(inputs, site, name, ranges)
    facts = check_page(page, name, linkable=site.pages)
    write_text_atomic(_pending(reports_dir, name), page)
    return name, facts


def _pending(reports_dir: Path, name: str) -> Path:
    """Where a checked page waits until every page is written and the links between them land."""
    return Path(reports_dir) / f".{name}.pending"


def work_order(site: Site, names: list[str]) -> list[str]:
    """`names` in the order the forked workers take them, the longest to render first so that no worker is left
    with a long page at the end while the other waits: a whole list on one page (the characteristics of every
    document, every cell's estimates: several MB each at 10,000 documents), then the appendix's first page (the
    search index), then the pages of documents and of long lists (each a bounded slice), then the figures page.
    The bytes of a page do not depend on when it is written."""
    split_lists = {page for pages in site.list_pages.values() if len(pages) > 1 for page in pages}
    documents = set(site.document_pages.values())

    def rank(name: str) -> int:
        if name == FIGURES_PAGE:
            return 3
        if name in documents or name in split_lists:
            return 2
        return 1 if name == APPENDIX_PAGE else 0

    return sorted(names, key=rank)  # stable: file order within a rank


def _workers(site: Site, workers: int | None) -> int:
    if workers is not None:
        return max(1, workers)
    return PAGE_WORKERS if site.split else 1


class SidePagesInProgress:
    """Side pages being written, by forked workers while this process goes on (the main page's sections) or
    already by this one; `wait` checks the links between them and moves them into place."""

    def __init__(self, reports_dir: Path, names: list[str], work: ForkedMap):
        self.reports_dir, self.names, self._work = Path(reports_dir), names, work

    def wait(self) -> list[Path]:
        """Every side page checked and in place (the links between them land); returns their paths. On any
        failure nothing of this report's side pages is left and an earlier report's pages stay as they were."""
        try:
            facts = dict(self._work.results())
            check_links_between({name: facts[name] for name in self.names})
        except BaseException:
            _remove_pending(self.reports_dir, self.names)
            raise
        for name in self.names:
            os.replace(_pending(self.reports_dir, name), self.reports_dir / name)
        for old in stale_pages(self.reports_dir, self.names):
            old.unlink(missing_ok=True)
        return [self.reports_dir / name for name in self.names]


def _remove_pending(reports_dir: Path, names: list[str]) -> None:
    for name in names:
        _pending(reports_dir, name).unlink(missing_ok=True)


def start_side_pages(inputs: ReportInputs, site: Site, reports_dir: Path,
                     workers: int | None = None) -> SidePagesInProgress:
    """Start writing the side pages; `.wait()` finishes. A split appendix is written by `workers` processes
    (default: up to PAGE_WORKERS, one per core) forked from this one (`parallel.ForkedMap`), so that they start at
    once with the tables already read and this process renders the main page meanwhile; each renders, checks and
    writes whole pages, so the bytes do not depend on which process wrote which page. Otherwise this process
    writes them now."""
    reports_dir = Path(reports_dir)
    names = side_page_names(site)
    ranges = document_ranges(inputs, site) if site.split else []
    workers = forked_workers(_workers(site, workers), len(names))
    if workers > 1:
        sections.warm(inputs)  # the caches every page reads, built once before the fork
    try:
        work = ForkedMap(partial(_write_one, (inputs, site, reports_dir, ranges)), work_order(site, names), workers)
    except BaseException:
        _remove_pending(reports_dir, names)
        raise
    return SidePagesInProgress(reports_dir, names, work)


def write_side_pages(inputs: ReportInputs, site: Site, reports_dir: Path, workers: int | None = None) -> list[Path]:
    """Write the appendix and figures pages next to where the main report goes; returns their paths.

    Each page is checked against the page policy, and the links between the pages must land, before any of them
    replaces a page of an earlier report (`start_side_pages`, then wait)."""
    return start_side_pages(inputs, site, reports_dir, workers).wait()
