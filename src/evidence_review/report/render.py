"""Render an executed report notebook to one self-contained, byte-stable HTML file.

`render_report(executed_notebook, html_out)` is what the runner calls after papermill has executed
notebooks/04_report.ipynb. Before nbconvert sees the notebook, everything that changes from run to run
without the inputs changing is removed (`evidence_review.notebooks.report_view`: papermill's and nbclient's
metadata and timings, execution counts, random cell ids, the parameters cells, widget state). The
template (`templates/evidence_report`) extends nbconvert's `lab` template without any CDN script and
without code cells, so the page opens offline and shows only the report. The finished page is checked
against the page policy (`report.policy`), with its links into the side pages written beside it, before
it is written.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from traitlets.config import Config

from ..notebooks import REPORT_TITLE, report_view
from ..tables import write_text_atomic
from .pages import APPENDIX_PAGE, FIGURES_PAGE, MAIN_PAGE, SIDE_PAGE_NAME
from .policy import ReportPolicyError, check_links_between, check_page, written_page_facts

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE_NAME = "evidence_report"

# What is removed before nbconvert sees the notebook is decided in one place, `evidence_review.notebooks`.
normalize_notebook = report_view


class ReportExporter(HTMLExporter):
    """nbconvert's HTML exporter without its last step, which parses the finished page again with BeautifulSoup's
    pure-Python parser to give images without alt text a placeholder and make inputs and outputs focusable:
    most of the render's time on a large report (1.7 of 1.8 s for a 3 MB page), and nothing this report needs
    (every image of it has its alt text, it shows no inputs and its outputs scroll with the page)."""

    def from_notebook_node(self, nb, resources=None, **kw):
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        self.register_filter("highlight_code",
                             self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
        resources = self._init_resources(resources)
        self.register_filter("filter_data_type", WidgetsDataTypeFilter(
            notebook_metadata=self._nb_metadata, parent=self, resources=resources))
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


def make_exporter() -> HTMLExporter:
    # The pygments stylesheet only styles code cells, and the report has none.
    config = Config({"CSSHTMLHeaderPreprocessor": {"enabled": False}})
    exporter = ReportExporter(
        config=config,
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    return exporter


def render_html(nb: nbformat.NotebookNode) -> str:
    body, _ = make_exporter().from_notebook_node(normalize_notebook(nb), resources={"metadata": {"name": REPORT_TITLE}})
    return body if body.endswith("\n") else body + "\n"


def side_page_names(folder: Path) -> list[str]:
    """The side pages notebook 04_report wrote into `folder` (the appendix, its further pages, the figures)."""
    folder = Path(folder)
    found = sorted(p.name for p in folder.iterdir() if SIDE_PAGE_NAME.fullmatch(p.name)) if folder.is_dir() else []
    return [name for name in (APPENDIX_PAGE, FIGURES_PAGE) if (folder / name).is_file()] + found


def check_report(page: str, folder: Path) -> None:
    """The main page obeys the page policy and every link between it and the side pages that notebook 04_report
    wrote into `folder` lands (those pages were checked against the policy when written)."""
    names = side_page_names(folder)
    linkable = (MAIN_PAGE, APPENDIX_PAGE, FIGURES_PAGE, *names)
    pages = {MAIN_PAGE: check_page(page, MAIN_PAGE, linkable=linkable)}
    for name in linkable[1:]:
        path = Path(folder) / name
        if path.is_file():
            pages[name] = written_page_facts(path.read_text(encoding="utf-8"))
        elif f'href="{name}' in page:
            raise ReportPolicyError(f"{MAIN_PAGE} links to {name}, which notebook 04_report did not write in {folder}")
    check_links_between(pages)


def render_report(executed_notebook: Path, html_out: Path) -> Path:
    nb = nbformat.read(str(executed_notebook), as_version=4)
    page = render_html(nb)
    check_report(page, Path(html_out).parent)
    write_text_atomic(html_out, page)
    return Path(html_out)
