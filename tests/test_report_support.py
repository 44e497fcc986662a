"""Shared helpers and fixtures for the report tests (no tests here).

`render_fixture_report` runs the real render path: papermill executes notebooks/04_report.ipynb in a real
python3 kernel with processed_dir pointing at a copy of tests/fixtures/report, then
evidence_review.report.render.render_report turns the executed notebook into HTML.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib
import nbformat
import papermill
import pytest
from matplotlib.figure import Figure

from evidence_review.report.render import render_report

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "report"
NOTEBOOK = REPO_ROOT / "notebooks" / "04_report.ipynb"
ARTIFACTS = REPO_ROOT / "test-artifacts"
# The two pooled cells of the fixture: one plot as PNG, one as SVG only, so both embedding paths run.
PNG_CELL = "nmosd-relapse-hr-aza-vs-rtx"
SVG_CELL = "nmosd-discontinuation-hr-aza-vs-rtx"


def draw_forest(path: Path, values: list[float], lows: list[float], highs: list[float]) -> None:
    """A small forest-like plot with the deterministic settings the synthesis stage uses."""
    with matplotlib.rc_context({"svg.hashsalt": "evidence-review", "svg.fonttype": "path"}):
        fig = Figure(figsize=(5, 2))
        ax = fig.add_subplot()
        ys = list(range(len(values)))[::-1]
        ax.errorbar(values, ys, xerr=[[v - lo for v, lo in zip(values, lows)], [hi - v for v, hi in zip(values, highs)]],
                    fmt="s", color="black")
        ax.set_xscale("log")
        ax.axvline(1.0, color="grey", linewidth=0.8)
        if path.suffix == ".png":
            fig.savefig(path, format="png", dpi=80, metadata={"Software": None})
        else:
            fig.savefig(path, format="svg", metadata={"Date": None, "Creator": None})


def make_inputs(base: Path, with_tables: bool = True) -> tuple[Path, Path]:
    """processed/ (a copy of the fixture tables, or nothing) and reports/figures/ under `base`."""
    processed, reports = base / "processed", base / "reports"
    processed.mkdir(parents=True)
    (reports / "figures").mkdir(parents=True)
    if with_tables:
        for item in sorted(FIXTURES.iterdir()):
            if item.suffix in {".csv", ".jsonl"}:
                shutil.copy2(item, processed / item.name)
        draw_forest(reports / "figures" / f"{PNG_CELL}.png", [1.82, 3.51, 2.45], [1.1, 1.202, 1.2], [3.1, 10.25, 5.01])
        draw_forest(reports / "figures" / f"{SVG_CELL}.svg", [2.95, 2.22], [1.21, 1.34], [7.19, 3.66])
    return processed, reports


def render_fixture_report(processed: Path, reports: Path, name: str = "evidence_report.html") -> tuple[Path, Path]:
    """(executed notebook, html) from the real path: papermill + render_report."""
    executed = reports / "executed" / "04_report.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(NOTEBOOK), str(executed),
        parameters={"processed_dir": str(processed), "reports_dir": str(reports)},
        kernel_name="python3", cwd=str(REPO_ROOT), progress_bar=False, log_output=False,
    )
    html = render_report(executed, reports / name)
    return executed, html


def stream_outputs(executed: Path, name: str) -> list[str]:
    nb = nbformat.read(str(executed), as_version=4)
    return [o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if o.get("output_type") == "stream" and o.get("name") == name]


def error_outputs(executed: Path) -> list[dict]:
    nb = nbformat.read(str(executed), as_version=4)
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]


@pytest.fixture(scope="session")
def fixture_report(tmp_path_factory) -> dict:
    """The fixture tables rendered once per session: paths of the inputs, executed notebook and HTML."""
    base = tmp_path_factory.mktemp("report")
    processed, reports = make_inputs(base)
    executed, html = render_fixture_report(processed, reports)
    return {"processed": processed, "reports": reports, "executed": executed, "html": html, "base": base}
