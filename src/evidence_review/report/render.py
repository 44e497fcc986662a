"""Render an executed report notebook to a self-contained HTML file (no code cells)."""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from ..tables import write_text_atomic


def render_report(executed_notebook: Path, html_out: Path) -> Path:
    nb = nbformat.read(str(executed_notebook), as_version=4)
    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    write_text_atomic(html_out, body)
    return Path(html_out)
