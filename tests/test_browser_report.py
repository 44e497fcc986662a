"""The rendered report in a real browser: Debian chromium, headless, driven by the playwright wheel.

The report comes from the real render path (papermill on notebooks/04_report.ipynb over the fixture tables,
then render_report): the main page and its two side pages (the searchable appendix, the figures page). Pages
are opened from file://; every request that is not file: or data: is recorded and aborted, and the test fails
if there was any. Links between the pages are followed by clicking. Screenshots are kept under test-artifacts/.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest

from evidence_review.report.html import cell_anchor, estimate_anchor
from evidence_review.report.inputs import split_ids
from evidence_review.report.numbers import parse_shown
from evidence_review.report.pages import APPENDIX_PAGE, FIGURES_PAGE, MAIN_PAGE
from conftest import CHROMIUM, CHROMIUM_ARGS
from test_report_support import ARTIFACTS, FIXTURES, fixture_report  # noqa: F401


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium "
                                                     "(make setup installs it: apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def browser():
    """One headless chromium for the module (playwright's sync API allows one running instance per thread)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def page_report(fixture_report, browser):  # noqa: F811
    """The loaded page plus what happened while loading it (requests, console, page errors)."""
    blocked, console_errors, page_errors = [], [], []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=True)

    def guard(route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page_errors.append(str(e)))
    page.goto(fixture_report["html"].as_uri(), wait_until="load")
    page.wait_for_function("Array.from(document.images).every(i => i.complete)")
    appendix = context.new_page()
    appendix.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    appendix.on("pageerror", lambda e: page_errors.append(str(e)))
    appendix.goto((fixture_report["html"].parent / APPENDIX_PAGE).as_uri(), wait_until="load")
    yield {"page": page, "appendix": appendix, "context": context, "blocked": blocked, "console": console_errors,
           "errors": page_errors, "report": fixture_report}
    context.close()


def _matches(text: str, expected: float) -> bool:
    """The shown number equals the table value up to the rounding the report applied (8.4e−06 included)."""
    plain = text.replace("\u2212", "-").rstrip("%")
    mantissa, _, exponent = plain.partition("e")
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    tolerance = 0.5 * 10 ** (-decimals + (int(exponent) if exponent else 0))
    return abs(parse_shown(text) - expected) <= tolerance * (1 + 1e-9)


def test_page_loads_offline_without_console_errors(page_report):
    page = page_report["page"]
    assert page_report["blocked"] == []
    assert page_report["console"] == [] and page_report["errors"] == []
    # Every resource the page loaded came from the file itself or a data: URI.
    urls = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert all(u.startswith(("file:", "data:")) for u in urls)
    assert page.title() == "Evidence review report"


def test_every_image_decodes(page_report):
    sizes = page_report["page"].evaluate(
        "Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.naturalHeight])")
    assert len(sizes) == 2
    assert all(complete and w > 0 and h > 0 for complete, w, h in sizes)


def test_no_code_or_stderr_is_visible(page_report):
    page = page_report["page"]
    visible_code = page.evaluate("""Array.from(document.querySelectorAll(
        '.jp-CodeMirrorEditor, .jp-InputPrompt, .jp-OutputPrompt, pre code, .highlight, '
        + '[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-error'))
        .filter(e => e.offsetParent !== null).length""")
    assert visible_code == 0
    body = page.inner_text("body")
    assert "display(HTML(" not in body and "import " not in body and "Traceback" not in body
    assert "Summary of findings" in body and "Appendix" in body


def test_hostile_document_runs_no_script(page_report):
    page = page_report["page"]
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() != "PWNED"
    assert page.evaluate("document.scripts.length") == 0
    handlers = page.evaluate("""Array.from(document.querySelectorAll('*')).flatMap(
        e => Array.from(e.attributes).filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
    assert handlers == []
    body = page.inner_text("body")
    assert '<script>window.__pwned = "title"' in body  # the markup is shown as text
    # the appendix page: the hostile evidence sentence shown as text, its only script the search box
    appendix = page_report["appendix"]
    assert appendix.evaluate("typeof window.__pwned") == "undefined"
    assert appendix.evaluate("Array.from(document.scripts).map(s => s.src)") == [""]
    assert appendix.evaluate("""Array.from(document.querySelectorAll('*')).flatMap(
        e => Array.from(e.attributes).filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))""") == []
    assert "onerror=\"window.__pwned='img'\"" in appendix.inner_text("body")


def test_numbers_shown_equal_the_processed_tables(page_report):
    page = page_report["page"]
    pooled = pd.read_csv(FIXTURES / "pooled.csv").set_index("cell_id")
    shown = page.evaluate("""Array.from(document.querySelectorAll('a.num[data-cell]')).map(
        a => [a.dataset.cell, a.dataset.field, a.innerText, a.getAttribute('href')])""")
    assert {cell for cell, *_ in shown} == set(pooled.index)
    for cell, field, text, _ in shown:
        expected = float(pooled.loc[cell, field])
        assert _matches(text, expected), (cell, field, text, expected)
    # Each pooled cell's estimate and CI appear in the summary and in a results table.
    for cell in pooled.index:
        fields = [f for c, f, *_ in shown if c == cell]
        assert fields.count("estimate") >= 2 and fields.count("ci_low") >= 2
    estimates = pd.read_csv(FIXTURES / "estimates.csv").set_index("estimate_id")
    appendix = page_report["appendix"].evaluate("""Array.from(document.querySelectorAll('.estimate span.num[data-estimate]')).map(
        s => [s.dataset.estimate, s.dataset.field, s.innerText])""")
    assert {e for e, *_ in appendix} == set(estimates.index)
    for estimate_id, field, text in appendix:
        assert _matches(text, float(estimates.loc[estimate_id, field])), (estimate_id, field, text)


def test_following_a_pooled_number_leads_to_its_estimates_and_sentences(page_report):
    """Click a pooled number (main page), then each source link of its cell: the browser goes to the appendix page,
    to the estimate's sentence with its number highlighted; a link there leads back into the main page."""
    page = page_report["page"]
    main_url = page.url
    pooled = pd.read_csv(FIXTURES / "pooled.csv", dtype=str, keep_default_na=False).set_index("cell_id")
    estimates = pd.read_csv(FIXTURES / "estimates.csv", dtype=str, keep_default_na=False).set_index("estimate_id")
    for cell in pooled.index:
        page.goto(main_url)
        page.locator(f'p.finding a.num[data-cell="{cell}"][data-field="estimate"]').first.click()
        target = page.evaluate("location.hash.slice(1)")
        if target.startswith("est-"):  # a single study's number goes straight to its sentence
            hrefs = [page.url]
        else:
            hrefs = page.evaluate("""id => Array.from(document.getElementById(id).querySelectorAll('a.src'))
                .map(a => a.href)""", target)
        for estimate_id in split_ids(pooled.loc[cell, "estimate_ids"]):
            anchor = estimate_anchor(estimate_id)
            href = next(h for h in hrefs if h.endswith("#" + anchor))
            if not target.startswith("est-"):
                page.locator(f'#{target} a.src[href$="#{anchor}"]').first.click()
            page.wait_for_function("id => document.getElementById(id) !== null", arg=anchor)
            assert page.url.split("#")[0].endswith(APPENDIX_PAGE) and page.url == href
            sentence = page.locator(f"#{anchor} blockquote").inner_text()
            assert re.sub(r"\s+", " ", sentence).strip() == re.sub(r"\s+", " ", estimates.loc[estimate_id, "evidence"]).strip()
            assert page.locator(f"#{anchor} blockquote mark.hl-value").count() == 1
            if not target.startswith("est-"):
                page.go_back()
    # and back: the appendix links into the main page's cells
    page.goto(page_report["appendix"].url)
    back = page.locator(f'a[href^="{MAIN_PAGE}#cell-"]').first
    anchor = back.get_attribute("href").split("#")[1]
    back.click()
    page.wait_for_function("id => document.getElementById(id) !== null", arg=anchor)
    assert page.url.split("#")[0].endswith(MAIN_PAGE)
    page.goto(main_url)


def test_the_appendix_search_box_filters_documents(page_report):
    appendix = page_report["appendix"]
    docs = pd.read_csv(FIXTURES / "documents.csv", dtype=str, keep_default_na=False)
    total = appendix.locator("section.doc").count()
    assert total >= len(docs[docs["status"] != "skipped"])
    appendix.fill("#search", "tacrolimus cyclophosphamide")
    visible = appendix.evaluate("Array.from(document.querySelectorAll('section.doc')).filter(s => !s.hidden).length")
    assert 1 <= visible < total
    assert "entries match" in appendix.inner_text("#search-count")
    assert all("tacrolimus" in t.lower() for t in appendix.evaluate(
        "Array.from(document.querySelectorAll('section.doc')).filter(s => !s.hidden).map(s => s.textContent)"))
    appendix.fill("#search", "")
    assert appendix.evaluate("Array.from(document.querySelectorAll('section.doc')).filter(s => s.hidden).length") == 0
    assert page_report["console"] == [] and page_report["errors"] == [] and page_report["blocked"] == []
    ARTIFACTS.mkdir(exist_ok=True)
    appendix.screenshot(path=str(ARTIFACTS / "report_appendix.png"))


def test_screenshot_is_saved_as_an_artifact(page_report):
    page = page_report["page"]
    page.evaluate("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    top = ARTIFACTS / "report_top.png"
    full = ARTIFACTS / "report_full.png"
    page.screenshot(path=str(top))
    page.screenshot(path=str(full), full_page=True)
    assert top.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and top.stat().st_size > 10_000
    assert full.stat().st_size > top.stat().st_size


def test_every_link_has_a_target_on_its_page(page_report):
    """Links within a page and between the three pages: each names an element that exists where it points."""
    folder = page_report["report"]["html"].parent
    ids, links = {}, {}
    for name in (MAIN_PAGE, APPENDIX_PAGE, FIGURES_PAGE):
        view = page_report["context"].new_page()
        view.goto((folder / name).as_uri(), wait_until="load")
        ids[name] = set(view.evaluate("Array.from(document.querySelectorAll('[id]')).map(e => e.id)"))
        links[name] = view.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
        view.close()
    missing = []
    for name, hrefs in links.items():
        for href in hrefs:
            page, _, anchor = href.partition("#")
            assert (page or name) in ids, href  # never a link out of the report
            if anchor and anchor not in ids[page or name]:
                missing.append((name, href))
    assert missing == []
    assert any(h.startswith(APPENDIX_PAGE) for h in links[MAIN_PAGE])
    assert any(h.startswith(MAIN_PAGE) for h in links[APPENDIX_PAGE])
    contents = page_report["page"].evaluate("""Array.from(document.querySelectorAll('a[href^="#"]'))
        .filter(a => !a.classList.contains('num') && !a.classList.contains('src')).length""")
    assert contents >= 10  # the table of contents and document links are there too


def test_flow_counts_shown_equal_the_tables(page_report):
    documents = pd.read_csv(FIXTURES / "documents.csv", dtype=str, keep_default_na=False)
    estimates = pd.read_csv(FIXTURES / "estimates.csv", dtype=str, keep_default_na=False)
    shown = dict(page_report["page"].evaluate("""Array.from(document.querySelectorAll('.prisma .flow-box')).map(
        b => [b.querySelector('.flow-label').innerText, Number(b.querySelector('.flow-count').innerText.replace(/,/g, ''))])"""))
    assert shown["files found in the raw folder"] == documents["source_file"].nunique()
    assert shown["records read (a file may hold several records)"] == len(documents)
    assert shown["records skipped"] == int((documents["status"] == "skipped").sum())
    assert shown["effect estimates extracted"] == len(estimates)


# ---------------------------------------------------------------- the shipped default corpus, end to end

@pytest.fixture(scope="module")
def default_corpus_page(tmp_path_factory, browser):
    """`evidence-review run` on data/raw (seeds + the BCG example set), the report opened in chromium."""
    import subprocess

    from conftest import REPO_ROOT, SEED_RAW, console_script
    out = tmp_path_factory.mktemp("default-corpus")
    processed, reports = out / "processed", out / "reports"
    run = subprocess.run([console_script("evidence-review"), "run", "--raw", str(SEED_RAW), "--processed",
                          str(processed), "--reports", str(reports), "--no-progress"], cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    blocked = []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=True)

    def guard(route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.goto((reports / "evidence_report.html").as_uri(), wait_until="load")
    page.wait_for_function("Array.from(document.images).every(i => i.complete)")
    yield {"page": page, "processed": processed, "reports": reports, "blocked": blocked}
    context.close()


def test_default_corpus_report_has_a_summary_of_findings_table_with_the_bcg_row(default_corpus_page):
    page = default_corpus_page["page"]
    assert default_corpus_page["blocked"] == []
    sof = pd.read_csv(default_corpus_page["reports"] / "summary_of_findings.csv")
    rows = page.evaluate("""Array.from(document.querySelectorAll('table.sof tbody tr')).map(
        tr => Array.from(tr.querySelectorAll('td')).map(td => td.innerText.trim()))""")
    assert len(rows) == len(sof) >= 1
    bcg = next(r for r in rows if "BCG vaccine" in r[-1] or "bcg vaccine" in r[0])
    expected = sof[sof["intervention"] == "bcg vaccine"].iloc[0]
    assert bcg[0].startswith("tuberculosis") and "13 studies" in bcg[1]
    assert bcg[2].startswith("RR 0.49") and _matches(bcg[2].split()[1], float(expected["estimate"]))
    assert bcg[3].startswith(f"{expected['assumed_risk_per_1000']:.0f}")
    assert bcg[4].startswith(f"{expected['risk_with_intervention_per_1000']:.0f}")
    assert bcg[6].startswith(expected["certainty"]) and expected["certainty"] in {"high", "moderate", "low", "very low"}
    assert bcg[7] == expected["plain_language"]
    footnotes = page.evaluate("Array.from(document.querySelectorAll('ol.sof-footnotes li')).map(li => li.innerText)")
    assert any(f.startswith("Inconsistency: rated down") for f in footnotes)
    # every certainty shown in the report's pooled table is the one pooled.csv holds: one rating per cell
    pooled = pd.read_csv(default_corpus_page["processed"] / "pooled.csv").set_index("cell_id")
    shown = page.evaluate("""Array.from(document.querySelectorAll('p.finding[data-cell]')).map(
        p => [p.dataset.cell, p.querySelector('.certainty strong').innerText])""")
    assert shown and all(pooled.loc[cell, "certainty"] == label for cell, label in shown)
    page.locator("table.sof").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "default_report_sof.png"))


def test_default_corpus_report_shows_the_bcg_forest_plot(default_corpus_page):
    page = default_corpus_page["page"]
    pooled = pd.read_csv(default_corpus_page["processed"] / "pooled.csv")
    cell = pooled[(pooled["measure"] == "RR") & (pooled["k"] == 13)].iloc[0]["cell_id"]
    figure = page.locator(f"section#{cell_anchor(cell)} figure.forest img").first
    size = figure.evaluate("i => [i.complete, i.naturalWidth, i.naturalHeight, i.getBoundingClientRect().width]")
    assert size[0] and size[1] > 1000 and size[2] > 600
    assert size[3] <= 1280  # scaled to the page, not overflowing it
    # the stage's default format: an SVG with its text as text, embedded as it is
    assert (default_corpus_page["reports"] / "figures" / f"{cell}.svg").is_file()
    assert figure.evaluate("i => i.src").startswith("data:image/svg+xml;base64,")
    assert page.locator(f"section#{cell_anchor(cell)} figure.forest").count() == 2  # forest + funnel (k = 13)
    figure.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "default_report_forest.png"))


@pytest.fixture(scope="module")
def split_appendix(fixture_report, tmp_path_factory):  # noqa: F811
    """The fixture's side pages written as a split appendix (two documents a page), as a large review has it."""
    from evidence_review.report.inputs import load
    from evidence_review.report.pages import plan
    from evidence_review.report.side_pages import write_side_pages

    folder = tmp_path_factory.mktemp("split-appendix")
    inputs = load(fixture_report["processed"], fixture_report["reports"])
    site = plan(inputs, documents_per_page=2)
    assert site.split
    write_side_pages(inputs, site, folder)
    return {"folder": folder, "site": site}


def test_the_split_appendix_searches_every_page_offline_and_its_results_lead_there(split_appendix, browser):
    blocked, errors = [], []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=True)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                  else (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((split_appendix["folder"] / APPENDIX_PAGE).as_uri(), wait_until="load")
    docs = pd.read_csv(FIXTURES / "documents.csv", dtype=str, keep_default_na=False)
    readable = docs[docs["status"] != "skipped"]
    page.fill("#search", "tacrolimus")
    results = page.locator("#search-results a")
    assert results.count() >= 1
    assert f"of {len(readable)} documents match" in page.inner_text("#search-count")
    hrefs = page.evaluate("Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'))")
    assert all(h.startswith("evidence_report_documents_") and "#doc-" in h for h in hrefs)
    href = hrefs[0]
    results.first.click()
    anchor = href.split("#")[1]
    page.wait_for_function("id => document.getElementById(id) !== null", arg=anchor)
    assert page.url.endswith(href)
    assert "tacrolimus" in page.locator(f"#{anchor}").inner_text().lower()
    page.fill("#search", "zzz-no-such-word")
    assert "0 of" in page.inner_text("#search-count")
    page.goto((split_appendix["folder"] / APPENDIX_PAGE).as_uri(), wait_until="load")
    page.fill("#search", "")
    assert page.locator("#search-results").is_hidden()
    assert blocked == [] and errors == []
    context.close()
