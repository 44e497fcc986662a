"""The report at many documents (issue 18): the main page stays bounded and readable, the per-document appendix
and the plots move to side pages, and every link from a number still reaches its sentence.

Real render path (papermill on notebooks/04_report.ipynb, then render_report with its page policy) on generated,
real-shaped tables: 200 and 1,600 trial reports with their estimates, sentences, cells and forest plots.
"""
from __future__ import annotations

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from evidence_review.report.html import estimate_anchor
from evidence_review.report.pages import APPENDIX_PAGE, FIGURES_PAGE, MAIN_CELL_LIMIT, MAIN_LIST_LIMIT, MAIN_PAGE
from test_report_support import make_scale_inputs, render_fixture_report

pytestmark = pytest.mark.slow

SIZES = (200, 1600)


@pytest.fixture(scope="module")
def scaled(tmp_path_factory) -> dict:
    out = {}
    for n in SIZES:
        processed, reports = make_scale_inputs(tmp_path_factory.mktemp(f"scale{n}"), n)
        _, html = render_fixture_report(processed, reports)
        out[n] = {"processed": processed, "reports": reports, "html": html}
    return out


def _size(report: dict, page: str) -> int:
    return (report["reports"] / page).stat().st_size


def _appendix_pages(report: dict) -> dict[str, BeautifulSoup]:
    """Every page of the appendix (one page, or several when it is split), parsed."""
    names = [APPENDIX_PAGE] + sorted(p.name for p in report["reports"].glob("evidence_report_*.html")
                                     if p.name not in (APPENDIX_PAGE, FIGURES_PAGE))
    return {name: BeautifulSoup((report["reports"] / name).read_text(encoding="utf-8"), "lxml") for name in names}


def _appendix_size(report: dict) -> int:
    return sum(_size(report, name) for name in _appendix_pages(report))


def test_the_main_page_grows_sub_linearly_and_stays_bounded(scaled):
    small, large = scaled[SIZES[0]], scaled[SIZES[1]]
    growth = SIZES[1] / SIZES[0]
    main_ratio = _size(large, MAIN_PAGE) / _size(small, MAIN_PAGE)
    appendix_ratio = _appendix_size(large) / _appendix_size(small)
    assert main_ratio < growth / 3, (main_ratio, growth)
    assert appendix_ratio > growth / 2  # the documents went to the appendix, all of them
    assert _size(large, MAIN_PAGE) < 5_000_000


def test_long_lists_are_cut_on_the_main_page_and_complete_in_the_appendix(scaled):
    large = scaled[SIZES[1]]
    main = BeautifulSoup(large["html"].read_text(encoding="utf-8"), "lxml")
    appendix_pages = _appendix_pages(large)
    assert len(appendix_pages) > 1  # 1,600 documents split the appendix
    appendix = BeautifulSoup("".join(str(s.body) for s in appendix_pages.values()), "lxml")
    pooled = pd.read_csv(large["processed"] / "pooled.csv")
    multi = pooled[pooled["k"] >= 2]
    assert len(multi) > MAIN_CELL_LIMIT  # the generated review is big enough to need the cut
    assert len(main.select("section.cell")) == MAIN_CELL_LIMIT
    assert len(main.select("section.cell")) + len(appendix.select("section.cell")) == len(multi)
    shown_k = [int(pooled.set_index("cell_id").loc[s["id"][len("cell-"):], "k"]) for s in main.select("section.cell")]
    assert min(shown_k) >= max(multi["k"].sort_values(ascending=False).iloc[MAIN_CELL_LIMIT:])  # most studies first
    for row in main.select("table.data tbody"):
        assert len(row.find_all("tr", recursive=False)) <= max(MAIN_LIST_LIMIT, 30 + 1)
    assert main.select("p.more a[href^='evidence_report_appendix_'][href*='#all-']")
    estimates = pd.read_csv(large["processed"] / "estimates.csv", dtype=str, keep_default_na=False)
    ids = {e["id"] for e in appendix.select("div.estimate[id]")}
    assert {estimate_anchor(i) for i in estimates["estimate_id"]} <= ids
    assert not main.select("div.estimate")  # no per-document entry on the main page


def test_numbers_on_the_main_page_still_reach_their_sentences(scaled):
    large = scaled[SIZES[1]]
    pages = {name: BeautifulSoup((large["reports"] / name).read_text(encoding="utf-8"), "lxml")
             for name in (MAIN_PAGE, FIGURES_PAGE)} | _appendix_pages(large)
    ids = {name: {e["id"]: e for e in soup.select("[id]")} for name, soup in pages.items()}  # one pass per page
    links = pages[MAIN_PAGE].select("a.num[data-cell], a.src")
    assert len(links) > 200
    for a in links:
        page, _, anchor = a["href"].partition("#")
        target = ids[page or MAIN_PAGE].get(anchor)
        assert target is not None, a["href"]
        if anchor.startswith("est-"):
            assert target.blockquote is not None and target.select("mark.hl-value")
    # plots that did not fit the main page are reached on the figures page
    elsewhere = pages[MAIN_PAGE].select(f'a[href^="{FIGURES_PAGE}#"]')
    assert elsewhere and all(a["href"].split("#")[1] in ids[FIGURES_PAGE] for a in elsewhere)
