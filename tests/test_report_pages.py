"""A split appendix (issue 18): past `DOCUMENTS_PER_PAGE` documents the appendix spreads over several pages (documents
in file order, one page per full list) with a search over every document from its first page.

Side pages are written by the notebook's own call (`write_side_pages` on `pages.plan`) over real-shaped generated
tables (tests/test_report_support.make_scale_inputs: trial reports with estimates, sentences, cells and plots);
the browser test types into the search box of a split appendix in headless Chromium.
"""
from __future__ import annotations

import json
import math
import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from evidence_review.report import pages
from evidence_review.report.html import cell_anchor, document_anchor, estimate_anchor
from evidence_review.report.inputs import load
from evidence_review.report.pages import (APPENDIX_PAGE, DOCUMENTS_PER_PAGE, FIGURES_PAGE, LIST_PARTS, MAIN_PAGE,
                                          documents_page, list_page, plan)
from evidence_review.report.policy import check_page, page_problems
from evidence_review.report.side_pages import search_index, side_page_names, side_pages, work_order, write_side_pages
from test_report_support import make_inputs, make_scale_inputs

N_DOCS = 1_200  # three documents pages at 500 a page


@pytest.fixture(scope="module")
def split(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("split")
    processed, reports = make_scale_inputs(base, N_DOCS)
    inputs = load(processed, reports)
    site = plan(inputs)
    written = write_side_pages(inputs, site, reports)
    soups = {p.name: BeautifulSoup(p.read_text(encoding="utf-8"), "lxml") for p in written}
    return {"processed": processed, "reports": reports, "inputs": inputs, "site": site, "written": written,
            "soups": soups}


def _readable(processed) -> pd.DataFrame:
    docs = pd.read_csv(processed / "documents.csv", dtype=str, keep_default_na=False)
    return docs[docs["status"] != "skipped"].sort_values(["source_file", "record", "doc_id"], kind="stable")


def test_documents_are_spread_over_pages_of_500_in_file_order_each_once(split):
    readable = _readable(split["processed"])
    expected_pages = [documents_page(i + 1) for i in range(math.ceil(len(readable) / DOCUMENTS_PER_PAGE))]
    assert len(expected_pages) == 3
    names = {p.name for p in split["written"]}
    assert set(expected_pages) <= names and documents_page(4) not in names
    assert {list_page(p) for p in LIST_PARTS} <= names and {APPENDIX_PAGE, FIGURES_PAGE} <= names
    seen = []
    for page in expected_pages:
        ids = [s["id"] for s in split["soups"][page].select("section.doc[id]")]
        assert 0 < len(ids) <= DOCUMENTS_PER_PAGE
        seen.extend(ids)
    assert seen == [document_anchor(d) for d in readable["doc_id"]]  # every document once, in file order
    # no document on the appendix's first page: it holds the contents and the search
    assert not split["soups"][APPENDIX_PAGE].select("section.doc[id^='doc-']")


def test_every_estimate_is_on_the_page_its_links_name(split):
    estimates = pd.read_csv(split["processed"] / "estimates.csv", dtype=str, keep_default_na=False)
    site = split["site"]
    ids = {name: {e["id"] for e in soup.select("[id]")} for name, soup in split["soups"].items()}
    for eid in estimates["estimate_id"]:
        page, _, anchor = site.on(MAIN_PAGE).estimate(eid).partition("#")
        assert page.startswith("evidence_report_documents_") and anchor == estimate_anchor(eid)
        assert anchor in ids[page], (eid, page)


def test_every_link_between_the_side_pages_lands_and_none_leaves_the_report(split):
    soups = split["soups"]
    ids = {name: {e["id"] for e in soup.select("[id]")} for name, soup in soups.items()}
    allowed = set(split["site"].pages)
    checked = 0
    for name, soup in soups.items():
        for a in soup.find_all("a", href=True):
            page, _, anchor = a["href"].partition("#")
            assert (page or name) in allowed, (name, a["href"])
            if page == MAIN_PAGE:
                continue  # the main page is rendered after the side pages; the render step checks these
            if anchor:
                assert anchor in ids[page or name], (name, a["href"])
            checked += 1
    assert checked > 5_000
    # the first page lists every other page of the appendix
    contents = {a["href"] for a in soups[APPENDIX_PAGE].select("ul.toc a")}
    assert contents == set(split["site"].appendix_pages) - {APPENDIX_PAGE}


def test_the_search_index_covers_every_document_and_each_entry_lands(split):
    soup = split["soups"][APPENDIX_PAGE]
    data = soup.find("script", id="search-index")
    assert data is not None and data["type"] == "application/json"
    index = json.loads(data.string)
    readable = _readable(split["processed"])
    entries = index["documents"]
    assert [e[1] for e in entries] == [document_anchor(d) for d in readable["doc_id"]]
    ids = {name: {e["id"] for e in s.select("section.doc[id]")} for name, s in split["soups"].items()}
    for page_number, anchor, heading, words in entries:
        page = index["pages"][page_number]
        assert anchor in ids[page]
        assert heading and words == words.lower()
    # found by drug, outcome and estimate id
    estimates = pd.read_csv(split["processed"] / "estimates.csv", dtype=str, keep_default_na=False)
    first = estimates.iloc[0]
    entry = next(e for e in entries if e[1] == document_anchor(first["doc_id"]))
    for word in (first["intervention"], first["outcome"], first["estimate_id"]):
        assert word.lower() in entry[3]


def test_the_pages_pass_the_policy_with_their_scripts_allowed_by_hash(split):
    html = (split["reports"] / APPENDIX_PAGE).read_text(encoding="utf-8")
    check_page(html, APPENDIX_PAGE, linkable=split["site"].pages)
    soup = split["soups"][APPENDIX_PAGE]
    assert len(soup.find_all("script")) == 2 and not any(s.get("src") for s in soup.find_all("script"))
    # a link to a page of another report (or a page this report did not write) is refused
    assert page_problems(html, linkable=(MAIN_PAGE, APPENDIX_PAGE, FIGURES_PAGE))
    changed = html.replace('"pages":["evidence_report_documents_001.html"', '"pages":["https://example.org/x.html"')
    assert changed != html
    assert any("inline script" in p for p in page_problems(changed, linkable=split["site"].pages))


def test_a_hostile_title_cannot_end_the_index_script(tmp_path):
    processed, reports = make_scale_inputs(tmp_path / "hostile", 520)
    docs = pd.read_csv(processed / "documents.csv", dtype=str, keep_default_na=False)
    docs.loc[0, "title"] = "</script><script>alert(1)</script> & <!-- x"
    docs.to_csv(processed / "documents.csv", index=False)
    inputs = load(processed, reports)
    site = plan(inputs)
    assert site.split
    index = search_index(inputs, site)
    assert "</script" not in index and "<!--" not in index
    assert json.loads(index)["documents"][0][2].endswith("</script><script>alert(1)</script> & <!-- x")
    written = side_pages(inputs, site)
    check_page(written[APPENDIX_PAGE], APPENDIX_PAGE, linkable=site.pages)


def test_side_pages_are_byte_identical_across_runs_and_older_pages_are_removed(split, tmp_path):
    again = write_side_pages(split["inputs"], split["site"], tmp_path)
    assert [p.name for p in again] == [p.name for p in split["written"]]
    for p in again:
        assert p.read_bytes() == (split["reports"] / p.name).read_bytes(), p.name
    # a smaller review written into the same folder leaves no page of the larger one behind
    processed, reports = make_inputs(tmp_path / "small")
    small = load(processed, reports)
    written = write_side_pages(small, plan(small), tmp_path)
    assert sorted(p.name for p in tmp_path.glob("evidence_report*.html")) == sorted(p.name for p in written)
    assert not pages.stale_pages(tmp_path, [p.name for p in written])


def test_a_small_review_keeps_one_appendix_page(tmp_path):
    processed, reports = make_inputs(tmp_path / "fixture")
    inputs = load(processed, reports)
    site = plan(inputs)
    assert not site.split and site.pages == (MAIN_PAGE, APPENDIX_PAGE, FIGURES_PAGE)
    forced = plan(inputs, documents_per_page=2)
    assert forced.split and len(set(forced.document_pages.values())) == math.ceil(len(forced.document_pages) / 2)


def test_documents_pages_stay_bounded(split):
    sizes = {p.name: p.stat().st_size for p in split["written"] if re.match(r"evidence_report_documents_", p.name)}
    assert sizes and max(sizes.values()) < 3_000_000  # 500 documents with their sentences
    assert (split["reports"] / APPENDIX_PAGE).stat().st_size < 1_000_000  # contents and the index of 1,200


def _rows_text(soup) -> list[str]:
    rows = soup.select("section.appendix-part table tbody tr")
    return [" ".join(tr.get_text(" ", strip=True).split()) for tr in rows]


def test_long_lists_are_split_into_bounded_pages_in_sequence_with_every_row_once(split):
    """Past `list_rows_per_page` rows (pooled cells for the cell sections and the cells' lists) a full list spreads
    over pages linked in sequence: each row once, in the order of the one-page list; each page within the bound,
    carrying the search box over its rows; every link to a cell's section or list lands on the page holding it."""
    inputs, per_page = split["inputs"], 40
    whole = side_pages(inputs, plan(inputs, list_rows_per_page=10**9))  # every list on one page
    site = plan(inputs, list_rows_per_page=per_page)
    html = side_pages(inputs, site)
    soups = {name: BeautifulSoup(page, "lxml") for name, page in html.items()}
    for part in pages.ROW_SPLIT_LISTS + pages.CELL_SPLIT_LISTS:
        names = site.list_pages[part]
        assert names[0] == list_page(part) and len(names) > 1, part
        for i, name in enumerate(names):  # in sequence: previous and next pages of the same list
            nav = {a.get_text(strip=True): a["href"] for a in soups[name].select("nav a")}
            assert nav.get("previous page of this list") == (names[i - 1] if i else None), (part, name)
            assert nav.get("next page of this list") == (names[i + 1] if i + 1 < len(names) else None), (part, name)
            assert soups[name].find("input", attrs={"type": "search"}) is not None
    for part in pages.ROW_SPLIT_LISTS:
        rows_by_page = [_rows_text(soups[name]) for name in site.list_pages[part]]
        assert all(0 < len(rows) <= per_page for rows in rows_by_page), part
        assert [r for rows in rows_by_page for r in rows] == _rows_text(BeautifulSoup(whole[list_page(part)], "lxml"))
    for part, selector in (("more_pooled_results", "section.cell[id]"), ("cell_estimates", "section.cell-list[id]")):
        per = [[e["id"] for e in soups[name].select(selector)] for name in site.list_pages[part]]
        assert all(0 < len(ids) <= per_page for ids in per), part
        one_page = [e["id"] for e in BeautifulSoup(whole[list_page(part)], "lxml").select(selector)]
        assert [i for ids in per for i in ids] == one_page and len(one_page) > per_page, part
    ids = {name: {e["id"] for e in soup.select("[id]")} for name, soup in soups.items()}
    for cell_id in pages.pooled_in_report_order(inputs.pooled)["cell_id"].astype(str):
        for href in (site.on(FIGURES_PAGE).cell(cell_id), site.on(FIGURES_PAGE).full_list(cell_anchor(cell_id))):
            page, _, anchor = href.partition("#")
            assert page == MAIN_PAGE or anchor in ids[page], (cell_id, href)
    for name, soup in soups.items():  # no link between the pages leads nowhere
        for a in soup.find_all("a", href=True):
            page, _, anchor = a["href"].partition("#")
            assert (page or name) in site.pages, (name, a["href"])
            if anchor and page != MAIN_PAGE:
                assert anchor in ids[page or name], (name, a["href"])
    contents = {a["href"] for a in soups[APPENDIX_PAGE].select("ul.toc a")}
    assert contents == set(site.appendix_pages) - {APPENDIX_PAGE}


def test_workers_take_whole_lists_first_and_the_figures_page_last(split):
    """The forked workers take the longest pages first (a whole list), the bounded slices after, the figures page
    last; every side page once (the bytes do not depend on the order: see the byte-identity test above)."""
    site = split["site"]
    names = side_page_names(site)
    order = work_order(site, names)
    assert sorted(order) == sorted(names) and len(order) == len(set(order))
    slices = set(site.document_pages.values()) | {p for ps in site.list_pages.values() if len(ps) > 1 for p in ps}
    whole = [n for n in names if n not in slices and n not in (APPENDIX_PAGE, FIGURES_PAGE)]
    assert whole and order[:len(whole)] == whole
    assert order[len(whole)] == APPENDIX_PAGE and order[-1] == FIGURES_PAGE
    assert order.index(documents_page(1)) > order.index(APPENDIX_PAGE)
