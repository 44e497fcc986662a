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
import re
from pathlib import Path

from markupsafe import Markup

from ..tables import write_text_atomic
from . import sections
from .html import Link, document_anchor, text
from .inputs import ReportInputs
from .numbers import fmt_count
from .pages import (APPENDIX_PAGE, APPENDIX_PARTS, FIGURES_PAGE, LIST_PARTS, MAIN_PAGE, Site,
                    appendix_documents, list_anchor, list_page, stale_pages)
from .policy import check_links_between, check_page, script_hash
from .templating import TEMPLATES_DIR, render_section, render_template

STYLESHEET = TEMPLATES_DIR.parent / "evidence_report" / "static" / "report.css"
SEARCH_SCRIPT = TEMPLATES_DIR / "search.js"
TITLES = dict(APPENDIX_PARTS)
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


def split_appendix_html(inputs: ReportInputs, site: Site) -> dict[str, str]:
    """The pages of a split appendix: its first page (search over every document, contents, estimates of unknown
    documents), one page per `DOCUMENTS_PER_PAGE` documents, one page per full list."""
    pages = {}
    ranges = document_ranges(inputs, site)
    total = len(appendix_documents(inputs))
    back = Link("appendix contents and search", APPENDIX_PAGE)
    for i, r in enumerate(ranges):
        nav = [back] + ([Link("previous documents", ranges[i - 1]["page"])] if i else []) + (
            [Link("next documents", ranges[i + 1]["page"])] if i + 1 < len(ranges) else [])
        pages[r["page"]] = _page(
            f"Evidence review report: documents {fmt_count(r['first'])}–{fmt_count(r['last'])} of {fmt_count(total)}",
            f" Documents {r['first_file']} to {r['last_file']}, in file order, with each estimate and the sentence "
            "behind it. The search box filters this page; the appendix's first page searches every document.",
            [_part("appendix", inputs, site.on(r["page"]))], nav=nav)
    for name in LIST_PARTS:
        page = list_page(name)
        pages[page] = _page(f"Evidence review report: {TITLES[name].lower()}",
                            " One of the lists the main page cuts short, in full. The search box filters its rows.",
                            [_part(name, inputs, site.on(page))], nav=[back])
    first = site.on(APPENDIX_PAGE)
    leftovers = sections.appendix(inputs, first)
    parts = []
    if leftovers["missing"] or leftovers["orphans"]:
        parts.append({"anchor": list_anchor("appendix"), "title": "Estimates without a document",
                      "html": render_section("appendix", leftovers)})
    toc = [(r["page"], _range_title(r)) for r in ranges] + [(list_page(n), TITLES[n]) for n in LIST_PARTS]
    pages[APPENDIX_PAGE] = _page(
        "Evidence review report: appendix",
        f" {fmt_count(total)} documents, {fmt_count(len(ranges))} pages of documents in file order, then every "
        "list the main page cuts short, each on its own page. The search box finds documents on every page by "
        "author, title, file, design, condition, drug, outcome or estimate id.",
        parts, toc=toc, index=search_index(inputs, site), search="every document")
    return pages


def figures_html(inputs: ReportInputs, site: Site) -> str:
    here = site.on(FIGURES_PAGE)
    page = render_template("figures_page.html.j2", title="Evidence review report: forest plots", main_page=MAIN_PAGE,
                           css=_stylesheet(), script_hashes=[],
                           html=render_section("figure_pages", sections.figure_pages(inputs, here)))
    return page if page.endswith("\n") else page + "\n"


def side_pages(inputs: ReportInputs, site: Site) -> dict[str, str]:
    """{file name: HTML} of every side page of the report laid out by `site`."""
    pages = split_appendix_html(inputs, site) if site.split else {APPENDIX_PAGE: appendix_html(inputs, site)}
    pages[FIGURES_PAGE] = figures_html(inputs, site)
    return pages


def write_side_pages(inputs: ReportInputs, site: Site, reports_dir: Path) -> list[Path]:
    """Write the appendix and figures pages next to where the main report goes; returns their paths."""
    reports_dir = Path(reports_dir)
    pages = side_pages(inputs, site)
    check_links_between({name: check_page(page, name, linkable=site.pages) for name, page in pages.items()})
    written = []
    for name, page in pages.items():
        write_text_atomic(reports_dir / name, page)
        written.append(reports_dir / name)
    for old in stale_pages(reports_dir, pages):
        old.unlink(missing_ok=True)
    return written
