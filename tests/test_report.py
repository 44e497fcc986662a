"""The report stage: escaping, wording, PRISMA counts, figures, and the rendered HTML (real papermill + nbconvert)."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from matplotlib.figure import Figure

from markupsafe import Markup

from evidence_review.report import figures, narrative, prisma, sections
from evidence_review.report.html import Link, Span, estimate_anchor, cell_anchor
from evidence_review.report.inputs import load, read_table, split_ids
from evidence_review.report.numbers import fmt, parse_shown
from evidence_review.report.pages import APPENDIX_PAGE, FIGURES_PAGE, MAIN_PAGE, plan
from evidence_review.report.policy import ReportPolicyError, check_page, script_hash
from evidence_review.report.sections import highlight
from evidence_review.report.templating import render_macro
from evidence_review.tables import POOLED_COLUMNS
from test_report_support import (FIXTURES, PNG_CELL, SVG_CELL, error_outputs, fixture_report,  # noqa: F401
                                 make_inputs, render_fixture_report, stream_outputs)

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">&amp; "quoted" \'single\''


# ---------------------------------------------------------------- escaping by the templates, the page policy

def _pieces(*items) -> str:
    return str(render_macro("_pieces.html.j2", "pieces", list(items)))


def test_text_from_inputs_is_escaped_in_content_and_attributes():
    fragment = _pieces(HOSTILE, Span(HOSTILE, "note", title=HOSTILE), Link(HOSTILE, "#x", title=HOSTILE))
    soup = BeautifulSoup(fragment, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert soup.span.get_text() == HOSTILE and soup.a.get_text() == HOSTILE  # shown verbatim, as text
    assert soup.span["title"] == HOSTILE and soup.a["title"] == HOSTILE
    assert "<script>" not in fragment and "&lt;script&gt;" in fragment


def test_markup_is_not_escaped_twice_but_strings_are():
    inner = Markup("<strong>a &lt; b</strong>")
    assert _pieces(inner) == "<strong>a &lt; b</strong>"
    assert _pieces(str(inner)) == "&lt;strong&gt;a &amp;lt; b&lt;/strong&gt;"  # plain str: escaped
    assert _pieces("<i>", " ", inner) == "&lt;i&gt; <strong>a &lt; b</strong>"


def _page(body: str, csp: str = "default-src 'none'; img-src data:") -> str:
    return (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="{csp}">'
            f"<title>t</title></head><body>{body}</body></html>")


def test_a_clean_page_passes_the_policy_with_links_to_the_other_report_pages():
    check_page(_page('<p id="a"><a href="#a">here</a> <a href="evidence_report_appendix.html#est-1">[1]</a>'
                     '<img src="data:image/png;base64,AAAA" alt="x"></p>'), "t.html",
               linkable=(MAIN_PAGE, APPENDIX_PAGE, FIGURES_PAGE))


@pytest.mark.parametrize("body, problem", [
    ('<a href="javascript:alert(1)">x</a>', "link leaves the report"),
    ('<a href="https://example.org/x">x</a>', "link leaves the report"),
    ('<a href="other.html#x">x</a>', "link leaves the report"),  # not one of the report's pages
    ('<a href="#nowhere">x</a>', "missing target"),
    ('<img src="x" onerror="alert(1)">', "event handler"),
    ('<p onclick="x">x</p>', "event handler"),
    ('<img src="https://cdn.example.org/plot.png">', "data: URI"),
    ('<script>alert(1)</script>', "inline script not allowed"),
    ('<script src="https://cdn.example.org/require.js"></script>', "external script"),
    ('<iframe src="data:text/html,x"></iframe>', "<iframe>"),
    ('<link rel="stylesheet" href="https://cdn.example.org/x.css">', "<link>"),
    ('<p style="background: url(https://example.org/t.png)">x</p>', "CSS url()"),
    ('<style>@import "https://example.org/x.css";</style>', "@import"),
    ('<video poster="https://example.org/p.png"></video>', "would load"),
])
def test_the_page_policy_rejects_what_could_leave_the_page_or_run_code(body, problem):
    with pytest.raises(ReportPolicyError, match=re.escape(problem)):
        check_page(_page(body), "bad.html", linkable=(MAIN_PAGE, APPENDIX_PAGE))


def test_an_inline_script_runs_only_when_the_policy_names_its_hash():
    script = "document.title = 1;"
    check_page(_page(f"<script>{script}</script>", f"default-src 'none'; script-src {script_hash(script)}"), "ok")
    with pytest.raises(ReportPolicyError, match="inline script"):
        check_page(_page(f"<script>{script} </script>", f"default-src 'none'; script-src {script_hash(script)}"), "x")
    with pytest.raises(ReportPolicyError, match="Content-Security-Policy"):
        check_page("<html><body><p>no policy</p></body></html>", "x")


def test_anchor_ids_are_safe_and_distinct_for_ids_with_markup():
    hostile_ids = ['e1"><script>', "e1'><script>", "e 1", "e1"]
    anchors = [estimate_anchor(i) for i in hostile_ids]
    assert len(set(anchors)) == len(anchors)
    assert all(re.fullmatch(r"est-[A-Za-z0-9_.-]+", a) for a in anchors)


# ---------------------------------------------------------------- numbers and wording

@pytest.mark.parametrize("value, shown", [(2.170339, "2.17"), (18.41, "18.4"), (218.0, "218"), (0.0346, "0.035"),
                                          (-1.27, "\u22121.27"), (8.351e-06, "8.4e\u221206"), (0.0, "0.00")])
def test_numbers_are_written_with_magnitude_dependent_precision(value, shown):
    assert fmt(value) == shown
    assert abs(parse_shown(fmt(value)) - value) <= max(0.0005, 0.01 * abs(value))


def _row(**values) -> pd.Series:
    base = {c: "" for c in POOLED_COLUMNS}
    base.update(cell_id="c1", condition="NMOSD", outcome="relapse", measure="HR", intervention="rituximab",
                comparator="azathioprine", timepoint="", certainty="", notes="", estimate_ids="e1;e2", doc_ids="d1;d2")
    for key in ("k", "n_total", "estimate", "ci_low", "ci_high", "pi_low", "pi_high", "tau2", "i2", "q", "q_p"):
        base[key] = float("nan")
    base.update(values)
    return pd.Series(base)


def _html(finding) -> str:
    return str(render_macro("_findings.html.j2", "finding", finding))


def _claim(finding) -> str:
    return BeautifulSoup(_html(finding), "html.parser").get_text()


REASONS = ("Study design: start at low — non-randomized studies | Risk of bias: not assessed — no reviewer judgement "
           "in data/curation/risk_of_bias.csv | Imprecision: rated down one level — 95% CI 0.25 to 0.81 excludes no "
           "effect, but 80 events, fewer than the 300 of the optimal information size (rule of thumb) | "
           "Indirectness: not rated down — direct comparisons of the intervention with the comparator | "
           "Publication bias: not assessed — fewer than 10 studies: funnel asymmetry not testable")


def test_the_report_words_the_synthesis_rating_and_never_rates_itself():
    # Two small cohorts with a clear effect, rated very low by the synthesis stage: the wording hedges.
    row = _row(k=3, n_total=190, estimate=0.45, ci_low=0.25, ci_high=0.81, tau2=0.0, i2=0.0, certainty="very low",
               certainty_reasons=REASONS)
    text = _claim(narrative.finding(row, {}))
    assert "very uncertain" in text and "Certainty: very low" in text
    assert not re.search(r"rituximab (reduces|increases)", text, re.I)
    # the domains that moved the rating are named; domains not rated down are left to the cell's details
    assert "Imprecision: rated down one level" in text and "Study design: start at low" in text
    assert "Publication bias" not in text and "Indirectness" not in text
    # the same numbers rated high by the synthesis stage read as a plain statement: the report adds no rule
    high = _claim(narrative.finding(_row(k=3, n_total=190, estimate=0.45, ci_low=0.25, ci_high=0.81, tau2=0.0,
                                         i2=0.0, certainty="high"), {}))
    assert "Rituximab reduces the hazard of relapse compared with azathioprine" in high and "Certainty: high" in high


def test_large_randomized_consistent_evidence_reads_as_a_plain_statement():
    row = _row(k=6, n_total=2400, estimate=0.62, ci_low=0.52, ci_high=0.74, pi_low=0.48, pi_high=0.8, tau2=0.004,
               i2=12.0, certainty="high", certainty_reasons="Study design: start at high — randomized trials")
    text = _claim(narrative.finding(row, {}))
    assert "Rituximab reduces the hazard of relapse compared with azathioprine" in text
    assert "may" not in text.split("Certainty")[0] and "probably" not in text
    assert "Certainty: high" in text


def test_a_low_rating_makes_the_wording_hedge_and_a_missing_one_says_not_rated():
    row = _row(k=6, n_total=2400, estimate=0.62, ci_low=0.52, ci_high=0.74, tau2=0.004, i2=12.0, certainty="low")
    text = _claim(narrative.finding(row, {}))
    assert "Rituximab may reduce the hazard of relapse" in text
    assert "Certainty: low" in text
    unrated = _claim(narrative.finding(_row(k=6, n_total=2400, estimate=0.62, ci_low=0.52, ci_high=0.74), {}))
    assert "Certainty: not rated" in unrated and "very uncertain" in unrated


def test_wide_or_null_spanning_intervals_read_may_make_little_or_no_difference():
    row = _row(k=1, n_total=314, measure="RR", estimate=1.08, ci_low=0.97, ci_high=1.20, estimate_ids="e9",
               intervention="tacrolimus", comparator="intravenous cyclophosphamide", outcome="renal response",
               certainty="low")
    text = _claim(narrative.finding(row, {}))
    assert "Tacrolimus may make little or no difference to the risk of renal response" in text
    assert "1 study, 314 patients" in text


def test_two_studies_side_by_side_are_not_worded_as_a_pooled_effect():
    row = _row(k=2, n_total=337, method="not pooled: 2 studies", certainty="very low")
    text = _claim(narrative.finding(row, {}))
    assert "shown side by side and not pooled" in text and "Certainty: very low" in text
    assert "reduces" not in text and "increases" not in text


def test_summary_numbers_link_to_their_sources_and_carry_the_table_value():
    row = _row(k=3, n_total=349, estimate=2.170339, ci_low=1.468606, ci_high=3.207377, pi_low=0.17, pi_high=27.3,
               tau2=0.0, i2=0.0, estimate_ids="e1;e2;e3")
    soup = BeautifulSoup(_html(narrative.finding(row, {"e1": 1, "e2": 2, "e3": 3})), "html.parser")
    numbers = {a["data-field"]: a for a in soup.select("a.num")}
    assert set(numbers) >= {"estimate", "ci_low", "ci_high", "pi_low", "pi_high", "tau2", "i2"}
    assert all(a["href"] == "#" + cell_anchor("c1") for a in numbers.values())
    assert float(numbers["estimate"]["data-value"]) == 2.170339 and numbers["estimate"].get_text() == "2.17"
    # the sentences behind the numbers are on the appendix page
    assert [a["href"] for a in soup.select("a.src")] == [f"{APPENDIX_PAGE}#{estimate_anchor(i)}"
                                                         for i in ("e1", "e2", "e3")]
    assert "τ² = " in soup.get_text() and "I² = " in soup.get_text()


# ---------------------------------------------------------------- tables, flow and evidence

def test_prisma_flow_counts_come_from_the_tables():
    inputs = load(FIXTURES, FIXTURES / "no-reports")
    docs, est, pooled = inputs.documents, inputs.estimates, inputs.pooled
    flow = prisma.compute_flow(docs, est, pooled)
    skipped = docs["status"] == "skipped"
    assert flow.records == len(docs) and flow.files == docs["source_file"].nunique()
    assert flow.skipped == int(skipped.sum()) and flow.skipped > 0
    assert dict(flow.skipped_reasons) == docs.loc[skipped, "reason"].value_counts().to_dict()
    assert flow.duplicates == int(((docs["duplicate_of"] != "") & ~skipped).sum()) == 1
    assert flow.included == flow.records - flow.skipped - flow.duplicates
    pooled_ids = {i for ids in pooled["estimate_ids"] for i in split_ids(ids)}
    assert flow.in_cells == len(pooled_ids) and flow.estimates == len(est)
    assert sum(n for _, n in flow.not_pooled_reasons) == flow.estimates - flow.in_cells


def test_tables_with_junk_in_number_columns_read_without_error(tmp_path):
    path = tmp_path / "pooled.csv"
    path.write_text("cell_id,k,estimate,notes\nc1,three,2.5,<b>x</b>\n", encoding="utf-8")
    table = read_table(path, "pooled")
    assert list(table.columns[:len(POOLED_COLUMNS)]) == POOLED_COLUMNS
    assert pd.isna(table.loc[0, "k"]) and table.loc[0, "estimate"] == 2.5 and table.loc[0, "notes"] == "<b>x</b>"


def test_highlight_marks_this_estimates_number_not_its_neighbour():
    est = load(FIXTURES, FIXTURES).estimates
    row = est.loc[(est["value"] == 3.909) & (est["flags"] == "")].iloc[0]  # MMF HR in a sentence that also has RTX's
    soup = BeautifulSoup(_pieces(highlight(row["evidence"], row)), "html.parser")
    assert [m.get_text() for m in soup.select("mark.hl-value")] == ["3.909"]
    assert [m.get_text() for m in soup.select("mark.hl-ci")] == ["1.318", "11.59"]
    assert soup.get_text() == row["evidence"]


def test_hostile_evidence_is_highlighted_as_text():
    est = load(FIXTURES, FIXTURES).estimates
    row = est.loc[est["evidence"].str.contains("onerror")].iloc[0]
    soup = BeautifulSoup(_pieces(highlight(row["evidence"], row)), "html.parser")
    assert soup.find("img") is None and soup.get_text() == row["evidence"]
    assert [m.get_text() for m in soup.select("mark.hl-value")] == ["2.45"]


def test_embedded_pngs_are_the_figure_codes_byte_stable_files(tmp_path):
    # The figure code (synthesis/forest.py) owns determinism: two saves are the same bytes, with no time or
    # version chunk; the report embeds the file as it is, so the page is as stable as the figure.
    import base64
    from evidence_review.synthesis.forest import figure_bytes
    pngs = []
    for _ in range(2):
        fig = Figure(figsize=(2, 1))
        fig.add_subplot().plot([0, 1], [1, 0])
        pngs.append(figure_bytes(fig)[0])
    assert pngs[0] == pngs[1]
    assert not any(chunk in pngs[0] for chunk in (b"tEXt", b"tIME", b"iTXt", b"zTXt"))
    path = tmp_path / "cell.png"
    path.write_bytes(pngs[0])
    uri = figures.data_uri(path)
    assert base64.b64decode(uri.split(",", 1)[1]) == pngs[0] and uri == figures.data_uri(path)
    (tmp_path / "bad.png").write_bytes(b"not a png")
    assert "could not be embedded" in figures.figure(tmp_path / "bad.png", "x").problem
    # a pooled cell beyond the pooling stage's plot_cells has no file: the note says it was not drawn
    missing = figures.figure(None, "x")
    assert missing.uri == "" and missing.problem.startswith("No forest plot was drawn") and "plot_cells" in missing.problem


def test_figures_are_found_by_cell_id_png_first(tmp_path):
    _, reports = make_inputs(tmp_path)
    (reports / "figures" / f"{PNG_CELL}.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    inputs = load(tmp_path / "processed", reports)
    assert inputs.figures[PNG_CELL].suffix == ".png" and inputs.figures[SVG_CELL].suffix == ".svg"


# ---------------------------------------------------------------- the rendered report (papermill + nbconvert)

def test_report_notebook_runs_clean(fixture_report):
    assert stream_outputs(fixture_report["executed"], "stderr") == []
    assert error_outputs(fixture_report["executed"]) == []


def test_rendered_html_is_offline_script_free_and_shows_no_code(fixture_report):
    html = fixture_report["html"].read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    assert soup.find_all(["script", "link", "iframe", "object", "embed", "base"]) == []
    assert not [(t.name, a) for t in soup.find_all(True) for a in t.attrs if a.lower().startswith("on")]
    assert all(img["src"].startswith("data:image/") for img in soup.find_all("img"))
    assert len(soup.find_all("img")) == 2  # the two forest plots, PNG and SVG
    assert all(a["href"].startswith(("#", APPENDIX_PAGE + "#", FIGURES_PAGE + "#")) or a["href"] in
               (APPENDIX_PAGE, FIGURES_PAGE) for a in soup.find_all("a", href=True))
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html)
    assert soup.select(".jp-CodeCell .jp-Cell-inputWrapper, .jp-CodeMirrorEditor, .jp-InputPrompt, .jp-OutputPrompt") == []
    assert soup.select(".jp-CodeCell")  # outputs of code cells are there, their code is not
    assert soup.select('[data-mime-type="application/vnd.jupyter.stderr"]') == []
    assert str(fixture_report["base"]) not in html and "/tmp/" not in html
    assert "τ²" in html and "I²" in html


def test_hostile_document_markup_appears_only_as_text(fixture_report):
    soup = BeautifulSoup(fixture_report["html"].read_text(encoding="utf-8"), "lxml")
    docs = pd.read_csv(FIXTURES / "documents.csv", dtype=str, keep_default_na=False)
    hostile_title = docs.loc[docs["title"].str.contains("<script>"), "title"].iloc[0]
    assert hostile_title in soup.get_text()


def _pages(report: dict) -> dict[str, BeautifulSoup]:
    folder = report["html"].parent
    return {MAIN_PAGE: BeautifulSoup(report["html"].read_text(encoding="utf-8"), "lxml"),
            APPENDIX_PAGE: BeautifulSoup((folder / APPENDIX_PAGE).read_text(encoding="utf-8"), "lxml"),
            FIGURES_PAGE: BeautifulSoup((folder / FIGURES_PAGE).read_text(encoding="utf-8"), "lxml")}


def _follow(pages: dict, here: str, href: str):
    page, _, anchor = href.partition("#")
    return (page or here), pages[page or here].find(id=anchor)


def test_every_linked_number_reaches_the_sentences_behind_it(fixture_report):
    pages = _pages(fixture_report)
    soup = pages[MAIN_PAGE]
    pooled = pd.read_csv(FIXTURES / "pooled.csv", dtype=str, keep_default_na=False).set_index("cell_id")
    estimates = pd.read_csv(FIXTURES / "estimates.csv", dtype=str, keep_default_na=False).set_index("estimate_id")
    links = soup.select("a.num[data-cell]")
    assert {a["data-cell"] for a in links} == set(pooled.index)
    for a in links:
        page, target = _follow(pages, MAIN_PAGE, a["href"])
        assert target is not None, a["href"]
        ids = split_ids(pooled.loc[a["data-cell"], "estimate_ids"])
        # a pooled number leads to its cell (whose source links lead on), a single study's to its sentence
        reached = [target] if target["id"].startswith("est-") else [
            _follow(pages, page, s["href"])[1] for s in target.select("a.src")]
        assert {estimate_anchor(i) for i in ids} <= {t["id"] for t in reached if t is not None}
    appendix = pages[APPENDIX_PAGE]
    for estimate_id, row in estimates.iterrows():
        block = appendix.find(id=estimate_anchor(estimate_id))
        assert block is not None and block.blockquote.get_text() == row["evidence"]
    # the side pages link back into the main page, to places that exist
    for name in (APPENDIX_PAGE, FIGURES_PAGE):
        back = [a["href"] for a in pages[name].select(f'a[href^="{MAIN_PAGE}#"]')]
        assert all(_follow(pages, name, href)[1] is not None for href in back)
        assert back or name == FIGURES_PAGE  # every plot of the fixture fits the main page


def test_the_appendix_page_has_a_search_box_its_policy_allows_and_no_other_script(fixture_report):
    appendix = (fixture_report["html"].parent / APPENDIX_PAGE).read_text(encoding="utf-8")
    soup = BeautifulSoup(appendix, "lxml")
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and not scripts[0].get("src") and soup.find(id="search") is not None
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert script_hash(scripts[0].string) in csp and "default-src 'none'" in csp
    assert "connect-src" not in csp  # the script may fetch nothing (default-src 'none')
    check_page(appendix, APPENDIX_PAGE, linkable=(MAIN_PAGE, APPENDIX_PAGE, FIGURES_PAGE))


def test_two_renders_of_the_same_inputs_are_byte_identical_wherever_they_live(fixture_report, tmp_path):
    # Same input bytes copied to another folder: a fresh kernel, other absolute paths, same HTML bytes.
    import shutil
    processed, reports = tmp_path / "elsewhere" / "processed", tmp_path / "elsewhere" / "reports"
    shutil.copytree(fixture_report["processed"], processed)
    shutil.copytree(fixture_report["reports"] / "figures", reports / "figures")
    _, again = render_fixture_report(processed, reports, "again.html")
    assert again.read_bytes() == fixture_report["html"].read_bytes()
    for side in (APPENDIX_PAGE, FIGURES_PAGE):
        assert (reports / side).read_bytes() == (fixture_report["reports"] / side).read_bytes()


def test_empty_and_missing_tables_still_give_a_readable_report(tmp_path):
    processed, reports = make_inputs(tmp_path / "empty", with_tables=False)
    from evidence_review.tables import DOCUMENT_COLUMNS, ESTIMATE_COLUMNS
    (processed / "documents.csv").write_text(",".join(DOCUMENT_COLUMNS) + "\n", encoding="utf-8")
    (processed / "estimates.csv").write_text(",".join(ESTIMATE_COLUMNS) + "\n", encoding="utf-8")
    # pooled.csv absent: the report says so instead of failing
    executed, html = render_fixture_report(processed, reports)
    text = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").get_text(" ")
    assert stream_outputs(executed, "stderr") == [] and error_outputs(executed) == []
    assert "No estimates were found" in text
    assert "No estimates were pooled" in text
    assert "pooled.csv" in text  # named as missing


def test_single_arm_and_comparator_free_rows_do_not_claim_a_comparison():
    proportion = _row(k=1, n_total=157, measure="PROPORTION", estimate=0.185, ci_low=0.131, ci_high=0.253,
                      comparator="", intervention="tacrolimus", outcome="adverse events", estimate_ids="e5")
    text = _claim(narrative.finding(proportion, {}))
    assert "proportion of patients with adverse events on tacrolimus" in text
    assert "compared with" not in text and "0.18" in text
    lone_hr = _row(k=1, n_total=54, estimate=25.9, ci_low=3.09, ci_high=218.0, comparator="", estimate_ids="e6")
    text = _claim(narrative.finding(lone_hr, {}))
    assert "comparator not stated" in text and "very uncertain" in text and "compared with" not in text


def test_run_parameters_come_from_the_runners_file_else_from_the_notebooks_declared_defaults(tmp_path):
    import json
    from evidence_review.report.inputs import run_parameters
    from test_report_support import REPO_ROOT
    reports = tmp_path / "reports"
    (reports / "executed").mkdir(parents=True)
    # no file (notebook 04 run on its own): each earlier notebook's parameters cell, as declared
    declared = run_parameters(reports, REPO_ROOT / "notebooks")
    assert set(declared) == {"01_ingest", "02_extract", "03_pool"}
    assert declared["03_pool"]["method"] == "REML" and declared["03_pool"]["pool_two_studies"] is False
    # the runner's file wins, whatever the notebooks declare; its keys may carry the .ipynb suffix
    written = {"03_pool.ipynb": {"method": "DL", "sensitivity_methods": ["PM", "EE"]}, "01_ingest": {"raw_dirs": ["x"]}}
    (reports / "executed" / "run_parameters.json").write_text(json.dumps(written), encoding="utf-8")
    assert run_parameters(reports, REPO_ROOT / "notebooks") == {
        "01_ingest": {"raw_dirs": ["x"]}, "03_pool": {"method": "DL", "sensitivity_methods": ["PM", "EE"]}}
    shown = sections.html("methods", load(FIXTURES, reports))
    assert "method = DL" in shown and "sensitivity_methods = PM, EE" in shown


def test_reviewer_decisions_and_decisions_that_could_not_be_applied_are_reported(fixture_report):
    pages = _pages(fixture_report)
    soup = pages[MAIN_PAGE]
    curated = pd.read_csv(FIXTURES / "estimates_curated.csv", dtype=str, keep_default_na=False)
    orphans = pd.read_csv(FIXTURES / "orphan_decisions.csv", dtype=str, keep_default_na=False)
    members = pd.read_csv(FIXTURES / "cell_estimates.csv", dtype=str, keep_default_na=False)
    text = soup.get_text()
    for _, orphan in orphans.iterrows():
        assert orphan["estimate_id"] in text and orphan["problem"] in text and orphan["note"] in text
    rejected = curated.loc[curated["decision"] == "rejected", "estimate_id"]
    assert len(rejected) and f"{len(rejected)} rejected" in text
    # the appendix entry of a rejected estimate says so, with the reviewer
    for estimate_id in rejected:
        entry = pages[APPENDIX_PAGE].find(id=estimate_anchor(estimate_id))
        assert "rejected by AB" in entry.get_text()
    # estimates the pooling stage kept out of a cell are listed in that cell with the reason
    for _, member in members.loc[members["included"] == "False"].iterrows():
        cell = soup.find(id=cell_anchor(member["cell_id"]))
        assert f"{APPENDIX_PAGE}#{estimate_anchor(member['estimate_id'])}" in [a["href"] for a in cell.select("a.src")]
        assert member["reason"] in cell.get_text()


def test_report_notebook_keeps_literal_parameters_with_help_and_no_logic():
    import ast
    import nbformat
    from test_report_support import NOTEBOOK
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1
    lines = [line for line in params[0].source.splitlines() if line.strip()]
    # `name: type = value  # help` (typed for papermill) or `name = value  # help`
    assert {line.split("=")[0].split(":")[0].strip() for line in lines} >= {"processed_dir", "reports_dir"}
    for line in lines:
        code, _, help_text = line.partition("#")
        assert help_text.strip(), line
        ast.literal_eval(code.split("=", 1)[1].strip())  # `name: type = literal`
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.get("outputs") for c in code_cells)  # committed without outputs
    assert all("remove-input" in c.metadata.get("tags", []) for c in code_cells if c not in params)


def test_control_characters_and_lone_surrogates_cannot_break_the_page():
    out = _pieces("a\x00b\x1bc\ud800d\u00e9")
    assert "\x00" not in out and "\x1b" not in out
    out.encode("utf-8")  # writable
    assert "é" in out


def test_a_runaway_evidence_sentence_is_cut_around_its_number():
    est = load(FIXTURES, FIXTURES).estimates
    row = est.loc[(est["value"] == 3.909) & (est["flags"] == "")].iloc[0].copy()
    long = "x " * 5000 + row["evidence"] + " y" * 5000
    soup = BeautifulSoup(_pieces(highlight(long, row)), "html.parser")
    assert [m.get_text() for m in soup.select("mark.hl-value")] == ["3.909"]
    assert len(soup.get_text()) < 3000 and "characters in all" in soup.get_text()


def test_links_to_estimates_missing_from_the_table_still_land_on_an_explanation(tmp_path):
    from evidence_review.report import sections
    processed, reports = make_inputs(tmp_path)
    est = pd.read_csv(processed / "estimates.csv", dtype=str, keep_default_na=False)
    pooled = pd.read_csv(processed / "pooled.csv", dtype=str, keep_default_na=False)
    single = pooled.loc[pooled["k"] == "1", "estimate_ids"].iloc[0]
    est.loc[est["estimate_id"] != single].to_csv(processed / "estimates.csv", index=False)
    inputs = load(processed, reports)
    site = plan(inputs)
    appendix = BeautifulSoup(sections.html("appendix", inputs, site.on(APPENDIX_PAGE)), "html.parser")
    target = appendix.find(id=estimate_anchor(single))
    assert target is not None and "not found" in target.get_text()
    main = BeautifulSoup(sections.html("summary_of_findings", inputs, site), "html.parser")
    assert main.select(f'a.num[href="{APPENDIX_PAGE}#{estimate_anchor(single)}"]')


def test_normalization_removes_everything_that_changes_between_runs():
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
    from evidence_review.report.render import normalize_notebook, render_html

    def executed(seed: str) -> nbformat.NotebookNode:
        out = new_output("display_data", data={"text/html": "<p>finding</p>", "text/plain": "<HTML>"})
        cells = [new_markdown_cell("# Report"),
                 new_code_cell('processed_dir = "x"', metadata={"tags": ["parameters"]}),
                 new_code_cell(f'processed_dir = "/tmp/{seed}"', metadata={"tags": ["injected-parameters"]}),
                 new_code_cell("display(HTML(x))", execution_count=7, outputs=[out],
                               metadata={"tags": ["remove-input"], "execution": {"iopub.status.busy": seed},
                                         "papermill": {"duration": len(seed), "start_time": seed}})]
        for cell in cells:
            cell["id"] = seed + cell["id"][:4]
        return new_notebook(cells=cells, metadata={"papermill": {"start_time": seed, "parameters": {"p": seed}},
                                                   "widgets": {"state": seed}})

    a, b = normalize_notebook(executed("run-a")), normalize_notebook(executed("run-b"))
    assert nbformat.writes(a) == nbformat.writes(b)
    assert [c.cell_type for c in a.cells] == ["markdown", "code"]
    assert "papermill" not in a.metadata and "widgets" not in a.metadata
    assert a.cells[1].execution_count is None and "execution" not in a.cells[1].metadata
    assert render_html(executed("run-a")) == render_html(executed("run-b"))


def test_methods_show_how_often_the_extractor_was_right_on_the_checked_estimates(tmp_path):
    import shutil
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures" / "report"
    for name in ("documents.csv", "estimates.csv", "pooled.csv", "estimates_curated.csv", "texts.jsonl"):
        shutil.copy2(fixtures / name, tmp_path / name)
    curated = pd.read_csv(tmp_path / "estimates_curated.csv", dtype=str, keep_default_na=False)
    # the fixture's reviewer accepted one estimate and rejected one; here a third gets its outcome corrected
    curated.loc[0, ["decision", "corrected_fields"]] = ["corrected", "outcome"]
    curated.to_csv(tmp_path / "estimates_curated.csv", index=False)
    page = str(sections.html("methods", load(tmp_path, tmp_path))).replace("\n", "")
    assert "3 of 9 estimates were checked by a reviewer" in page
    assert "<td>(estimate kept)</td><td>2</td><td>3</td><td>67%</td>" in page
    assert "<td>outcome</td><td>1</td><td>3</td><td>33%</td>" in page
    assert "<td>value</td><td>2</td><td>3</td><td>67%</td>" in page
    (tmp_path / "estimates_curated.csv").unlink()
    estimates = pd.read_csv(tmp_path / "estimates.csv", dtype=str, keep_default_na=False)
    estimates.assign(decision="").to_csv(tmp_path / "estimates.csv", index=False)
    assert "No estimate of this run has been checked yet (0 of 9)" in sections.html("methods", load(tmp_path, tmp_path))


def test_render_refuses_to_write_a_page_that_breaks_the_policy(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output
    from evidence_review.report.render import render_report
    for bad, problem in [('<a href="https://example.org/">x</a>', "link leaves the report"),
                         ('<img src="x" onerror="alert(1)">', "event handler"),
                         (f'<a href="{APPENDIX_PAGE}#est-1">[1]</a>', "did not write")]:
        out = new_output("display_data", data={"text/html": f"<p>{bad}</p>", "text/plain": "<HTML>"})
        executed = tmp_path / "04_report.ipynb"
        nbformat.write(new_notebook(cells=[new_code_cell("display(x)", outputs=[out])]), executed)
        with pytest.raises(ReportPolicyError, match=re.escape(problem)):
            render_report(executed, tmp_path / "evidence_report.html")
        assert not (tmp_path / "evidence_report.html").exists()


def test_main_page_groups_a_cells_pooling_notes_by_message_and_the_appendix_lists_each():
    from evidence_review.report.pages import APPENDIX_PAGE, Site
    from evidence_review.report.sections import pooling_notes

    ci = "SE from the one printed CI limit (half-width assumed symmetric)"
    notes = " | ".join([f"{k:012x}-0-2879b72084 ({40001000 + k}): {ci}" for k in range(5)]
                       + ["excluded 0482e82283b3-0-2879b72084 (Pittock 2019): secondary report (news): primary "
                          "reports of this comparison are in the cell, so its patients would count twice",
                          "k < 3: no prediction interval"])
    main = pooling_notes(notes, Site())
    assert main == [
        f"{ci}: 5 estimates (000000000000-0-2879b72084 (40001000); 000000000001-0-2879b72084 (40001001); "
        "000000000002-0-2879b72084 (40001002) and 2 more)",
        "excluded 0482e82283b3-0-2879b72084 (Pittock 2019): secondary report (news): primary reports of this "
        "comparison are in the cell, so its patients would count twice",
        "k < 3: no prediction interval"]
    appendix = pooling_notes(notes, Site().on(APPENDIX_PAGE))
    assert len(appendix) == 7 and appendix[0].endswith(ci)


def test_main_page_sensitivity_keeps_the_most_influential_leave_one_out_rows():
    import pandas as pd

    from evidence_review.report.sections import most_influential

    studies = [f"4000{k:04d}" for k in range(30)]
    rows = pd.DataFrame(
        [{"cell_id": "cell-00554974f061", "analysis": "primary: REML, adhoc", "k": 30, "estimate": 0.83},
         {"cell_id": "cell-00554974f061", "analysis": "DL, adhoc", "k": 30, "estimate": 0.82}]
        + [{"cell_id": "cell-00554974f061", "analysis": f"leave out {s}", "k": 29,
            "estimate": 0.83 + (0.05 if k in (3, 17) else 0.001 * k) * (-1 if k == 17 else 1)}
           for k, s in enumerate(studies)]
        + [{"cell_id": "cell-00554974f061", "analysis": "Egger regression test (limit estimate)", "k": 30,
            "estimate": 0.8}])
    shown, note = most_influential(rows, limit=5)
    analyses = shown["analysis"].tolist()
    assert analyses[:2] == ["primary: REML, adhoc", "DL, adhoc"] and analyses[-1].startswith("Egger")
    left_out = [a.removeprefix("leave out ") for a in analyses if a.startswith("leave out ")]
    # the two that move the estimate most (either way), then the largest of the small shifts, in the stage's order
    assert left_out == [studies[3], studies[17], studies[27], studies[28], studies[29]]
    assert note == ("Leave-one-out: the 5 studies whose omission moves the estimate most, of 30 "
                    "(every row is in sensitivity.csv).")
    unchanged, no_note = most_influential(rows, limit=30)
    assert len(unchanged) == len(rows) and no_note == ""
