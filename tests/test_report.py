"""The report stage: escaping, wording, PRISMA counts, figures, and the rendered HTML (real papermill + nbconvert)."""
from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from matplotlib.figure import Figure

from evidence_review.report import figures, narrative, prisma
from evidence_review.report.html import Html, el, esc, estimate_anchor, cell_anchor, join
from evidence_review.report.inputs import load, read_table, split_ids
from evidence_review.report.numbers import fmt, parse_shown
from evidence_review.report.sections import highlight
from evidence_review.tables import POOLED_COLUMNS
from test_report_support import (FIXTURES, PNG_CELL, SVG_CELL, error_outputs, fixture_report,  # noqa: F401
                                 make_inputs, render_fixture_report, stream_outputs)

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">&amp; "quoted" \'single\''


# ---------------------------------------------------------------- escaping by construction

def test_text_from_inputs_is_escaped_in_content_and_attributes():
    fragment = el("p", HOSTILE, title=HOSTILE, data_value=HOSTILE)
    soup = BeautifulSoup(fragment, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert soup.p.get_text() == HOSTILE  # shown verbatim, as text
    assert soup.p["title"] == HOSTILE and soup.p["data-value"] == HOSTILE
    assert "<script>" not in fragment and "&lt;script&gt;" in fragment


def test_trusted_fragments_are_not_escaped_twice_but_strings_are():
    inner = el("strong", "a < b")
    assert el("p", inner) == "<p><strong>a &lt; b</strong></p>"
    assert el("p", str(inner)) == "<p>&lt;strong&gt;a &amp;lt; b&lt;/strong&gt;</p>"  # plain str: escaped
    assert join(["<i>", inner], " ") == "&lt;i&gt; <strong>a &lt; b</strong>"
    assert isinstance(esc("<"), Html) and esc("<") == "&lt;"


@pytest.mark.parametrize("kwargs", [
    {"href": "javascript:alert(1)"}, {"href": "https://example.org/x.js"}, {"onerror": "x"}, {"onclick": "x"},
])
def test_links_leave_the_page_never_and_event_handlers_cannot_be_set(kwargs):
    with pytest.raises(ValueError):
        el("a", "x", **kwargs)


def test_images_must_be_data_uris_and_script_tags_cannot_be_built():
    with pytest.raises(ValueError):
        el("img", src="https://cdn.example.org/plot.png")
    with pytest.raises(ValueError):
        el("script", "alert(1)")
    assert el("img", src="data:image/png;base64,AAAA", alt="x").startswith("<img ")


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


def _claim(paragraph: str) -> str:
    return BeautifulSoup(paragraph, "html.parser").get_text()


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
    soup = BeautifulSoup(narrative.finding(row, {"e1": 1, "e2": 2, "e3": 3}), "html.parser")
    numbers = {a["data-field"]: a for a in soup.select("a.num")}
    assert set(numbers) >= {"estimate", "ci_low", "ci_high", "pi_low", "pi_high", "tau2", "i2"}
    assert all(a["href"] == "#" + cell_anchor("c1") for a in numbers.values())
    assert float(numbers["estimate"]["data-value"]) == 2.170339 and numbers["estimate"].get_text() == "2.17"
    assert [a["href"] for a in soup.select("a.src")] == ["#" + estimate_anchor(i) for i in ("e1", "e2", "e3")]
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
    soup = BeautifulSoup(highlight(row["evidence"], row), "html.parser")
    assert [m.get_text() for m in soup.select("mark.hl-value")] == ["3.909"]
    assert [m.get_text() for m in soup.select("mark.hl-ci")] == ["1.318", "11.59"]
    assert soup.get_text() == row["evidence"]


def test_hostile_evidence_is_highlighted_as_text():
    est = load(FIXTURES, FIXTURES).estimates
    row = est.loc[est["evidence"].str.contains("onerror")].iloc[0]
    out = highlight(row["evidence"], row)
    soup = BeautifulSoup(out, "html.parser")
    assert soup.find("img") is None and soup.get_text() == row["evidence"]
    assert [m.get_text() for m in soup.select("mark.hl-value")] == ["2.45"]


def _png(software: str) -> bytes:
    fig = Figure(figsize=(2, 1))
    fig.add_subplot().plot([0, 1], [1, 0])
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=40, metadata={"Software": software})
    return buf.getvalue()


def test_embedded_png_does_not_depend_on_text_metadata():
    a, b = _png("matplotlib 1"), _png("matplotlib 2")
    assert a != b
    assert figures.stable_png(a) == figures.stable_png(b)
    assert b"tEXt" not in figures.stable_png(a)


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
    assert all(a["href"].startswith("#") for a in soup.find_all("a", href=True))
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


def test_every_linked_number_reaches_the_sentences_behind_it(fixture_report):
    soup = BeautifulSoup(fixture_report["html"].read_text(encoding="utf-8"), "lxml")
    pooled = pd.read_csv(FIXTURES / "pooled.csv", dtype=str, keep_default_na=False).set_index("cell_id")
    estimates = pd.read_csv(FIXTURES / "estimates.csv", dtype=str, keep_default_na=False).set_index("estimate_id")
    links = soup.select("a.num[data-cell]")
    assert {a["data-cell"] for a in links} == set(pooled.index)
    for a in links:
        target = soup.find(id=a["href"][1:])
        assert target is not None, a["href"]
        ids = split_ids(pooled.loc[a["data-cell"], "estimate_ids"])
        reached = [target["id"][4:]] if target["id"].startswith("est-") else [
            s["href"][1:] for s in target.select("a.src")]
        assert {estimate_anchor(i) for i in ids} <= set(reached) | {target["id"]}
    for estimate_id, row in estimates.iterrows():
        block = soup.find(id=estimate_anchor(estimate_id))
        assert block is not None and block.blockquote.get_text() == row["evidence"]


def test_two_renders_of_the_same_inputs_are_byte_identical_wherever_they_live(fixture_report, tmp_path):
    # Same input bytes copied to another folder: a fresh kernel, other absolute paths, same HTML bytes.
    import shutil
    processed, reports = tmp_path / "elsewhere" / "processed", tmp_path / "elsewhere" / "reports"
    shutil.copytree(fixture_report["processed"], processed)
    shutil.copytree(fixture_report["reports"] / "figures", reports / "figures")
    _, again = render_fixture_report(processed, reports, "again.html")
    assert again.read_bytes() == fixture_report["html"].read_bytes()


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


def test_run_parameters_are_read_from_the_earlier_executed_notebooks(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook
    from evidence_review.report.inputs import run_parameters_from_executed
    nb = new_notebook(cells=[
        new_code_cell('method = "REML"  # estimator\nprocessed_dir = "data/processed"  # folder', metadata={"tags": ["parameters"]}),
        new_code_cell('# Parameters\nmethod = "DL"\nsensitivity_methods = ["PM", "EE"]\n', metadata={"tags": ["injected-parameters"]}),
        new_code_cell('import os\nos.system("echo never executed")'),
    ])
    nbformat.write(nb, tmp_path / "03_pool.ipynb")
    nbformat.write(nb, tmp_path / "04_report.ipynb")
    params = run_parameters_from_executed(tmp_path)
    assert params == {"03_pool": {"method": "DL", "processed_dir": "data/processed", "sensitivity_methods": ["PM", "EE"]}}


def test_reviewer_decisions_and_decisions_that_could_not_be_applied_are_reported(fixture_report):
    soup = BeautifulSoup(fixture_report["html"].read_text(encoding="utf-8"), "lxml")
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
        entry = soup.find(id=estimate_anchor(estimate_id))
        assert "rejected by AB" in entry.get_text()
    # estimates the pooling stage kept out of a cell are listed in that cell with the reason
    for _, member in members.loc[members["included"] == "False"].iterrows():
        cell = soup.find(id=cell_anchor(member["cell_id"]))
        assert "#" + estimate_anchor(member["estimate_id"]) in [a["href"] for a in cell.select("a.src")]
        assert member["reason"] in cell.get_text()


def test_report_notebook_keeps_literal_parameters_with_help_and_no_logic():
    import ast
    import nbformat
    from test_report_support import NOTEBOOK
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1
    lines = [line for line in params[0].source.splitlines() if line.strip()]
    assert {line.split("=")[0].split(":")[0].strip() for line in lines} >= {"processed_dir", "reports_dir"}
    for line in lines:
        code, _, help_text = line.partition("#")
        assert help_text.strip(), line
        ast.literal_eval(code.split("=", 1)[1].strip())  # `name: type = literal`
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.get("outputs") for c in code_cells)  # committed without outputs
    assert all("remove-input" in c.metadata.get("tags", []) for c in code_cells if c not in params)


def test_control_characters_and_lone_surrogates_cannot_break_the_page():
    out = el("p", "a\x00b\x1bc\ud800d\u00e9")
    assert "\x00" not in out and "\x1b" not in out
    out.encode("utf-8")  # writable
    assert "é" in out


def test_a_runaway_evidence_sentence_is_cut_around_its_number():
    est = load(FIXTURES, FIXTURES).estimates
    row = est.loc[(est["value"] == 3.909) & (est["flags"] == "")].iloc[0].copy()
    long = "x " * 5000 + row["evidence"] + " y" * 5000
    soup = BeautifulSoup(highlight(long, row), "html.parser")
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
    page = BeautifulSoup(sections.summary_of_findings(inputs) + sections.appendix(inputs), "html.parser")
    target = page.find(id=estimate_anchor(single))
    assert target is not None and "not found" in target.get_text()
    assert page.select(f'a.num[href="#{estimate_anchor(single)}"]')


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

    from evidence_review.report.sections import methods
    fixtures = Path(__file__).parent / "fixtures" / "report"
    for name in ("documents.csv", "estimates.csv", "pooled.csv", "estimates_curated.csv", "texts.jsonl"):
        shutil.copy2(fixtures / name, tmp_path / name)
    curated = pd.read_csv(tmp_path / "estimates_curated.csv", dtype=str, keep_default_na=False)
    # the fixture's reviewer accepted one estimate and rejected one; here a third gets its outcome corrected
    curated.loc[0, ["decision", "corrected_fields"]] = ["corrected", "outcome"]
    curated.to_csv(tmp_path / "estimates_curated.csv", index=False)
    page = str(methods(load(tmp_path, tmp_path))).replace("\n", "")
    assert "3 of 9 estimates were checked by a reviewer" in page
    assert "<td>(estimate kept)</td><td>2</td><td>3</td><td>67%</td>" in page
    assert "<td>outcome</td><td>1</td><td>3</td><td>33%</td>" in page
    assert "<td>value</td><td>2</td><td>3</td><td>67%</td>" in page
    (tmp_path / "estimates_curated.csv").unlink()
    estimates = pd.read_csv(tmp_path / "estimates.csv", dtype=str, keep_default_na=False)
    estimates.assign(decision="").to_csv(tmp_path / "estimates.csv", index=False)
    assert "No estimate of this run has been checked yet (0 of 9)" in str(methods(load(tmp_path, tmp_path)))
