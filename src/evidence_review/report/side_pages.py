"""Write the report's side pages: the searchable appendix and the figures page (see `pages` for the layout).

Notebook 04_report calls `write_side_pages` into its reports folder (during `evidence-review run`, the staging
folder, promoted with the main report). Each page is checked against the page policy before it is written.
"""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from ..tables import write_text_atomic
from . import sections
from .inputs import ReportInputs
from .pages import APPENDIX_PAGE, FIGURES_PAGE, MAIN_PAGE, Site, list_anchor
from .policy import check_links_between, check_page, script_hash
from .templating import TEMPLATES_DIR, render_section, render_template

STYLESHEET = TEMPLATES_DIR.parent / "evidence_report" / "static" / "report.css"
SEARCH_SCRIPT = TEMPLATES_DIR / "search.js"
PAGES = (MAIN_PAGE, APPENDIX_PAGE, FIGURES_PAGE)

# (section function, title) of the appendix page, in order; anchors are `all-<name>`, where the main page's
# "all … are in the appendix" notes lead.
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


def _stylesheet() -> Markup:
    return Markup(STYLESHEET.read_text(encoding="utf-8"))  # the package's own file


def appendix_html(inputs: ReportInputs, site: Site) -> str:
    here = site.on(APPENDIX_PAGE)
    parts = [{"anchor": list_anchor(name), "title": title, "html": sections.html(name, inputs, here)}
             for name, title in APPENDIX_PARTS]
    script = SEARCH_SCRIPT.read_text(encoding="utf-8").strip()
    page = render_template("appendix_page.html.j2", title="Evidence review report: appendix", main_page=MAIN_PAGE,
                           css=_stylesheet(), parts=parts, script=Markup(script),
                           script_hashes=[script_hash(script)])
    return page if page.endswith("\n") else page + "\n"


def figures_html(inputs: ReportInputs, site: Site) -> str:
    here = site.on(FIGURES_PAGE)
    page = render_template("figures_page.html.j2", title="Evidence review report: forest plots", main_page=MAIN_PAGE,
                           css=_stylesheet(), script_hashes=[],
                           html=render_section("figure_pages", sections.figure_pages(inputs, here)))
    return page if page.endswith("\n") else page + "\n"


def write_side_pages(inputs: ReportInputs, site: Site, reports_dir: Path) -> list[Path]:
    """Write the appendix and figures pages next to where the main report goes; returns their paths."""
    reports_dir = Path(reports_dir)
    pages = {APPENDIX_PAGE: appendix_html(inputs, site), FIGURES_PAGE: figures_html(inputs, site)}
    for name, page in pages.items():
        check_page(page, name, linkable=PAGES)
    check_links_between(pages)
    written = []
    for name, page in pages.items():
        write_text_atomic(reports_dir / name, page)
        written.append(reports_dir / name)
    return written
