"""notebooks/03_pool.ipynb run by papermill on a real kernel over a small processed folder: it pools, shows the
forest plot of the pooled cell and writes the stage's tables and figures."""
from __future__ import annotations

import base64
import json

import pandas as pd
import papermill
import pytest
from IPython.display import SVG

from evidence_review.tables import ESTIMATE_COLUMNS, write_csv_atomic

from conftest import NOTEBOOKS_DIR


def _estimate(estimate_id, doc_id, value, lo, hi, intervention, comparator):
    row = {c: "" for c in ESTIMATE_COLUMNS}
    row.update(estimate_id=estimate_id, doc_id=doc_id, source_file=f"{doc_id}.txt", measure="HR", value=value,
               ci_low=lo, ci_high=hi, ci_level=0.95, intervention=intervention, comparator=comparator,
               outcome="time to first relapse", condition="NMOSD")
    return row


@pytest.mark.slow
def test_pool_notebook_runs_and_shows_the_forest_plot(tmp_path):
    processed, reports, curation = tmp_path / "processed", tmp_path / "reports", tmp_path / "curation"
    write_csv_atomic(pd.DataFrame([
        _estimate("e1", "jeong2016", 1.82, 1.1, 3.1, "azathioprine", "rituximab"),
        _estimate("e2", "seed000", 3.51, 1.202, 10.25, "azathioprine", "rituximab"),
        _estimate("e3", "cohort3", 0.45, 0.22, 0.92, "rituximab", "azathioprine"),
    ]), processed / "estimates.csv")
    curation.mkdir()
    (curation / "decisions.csv").write_text("estimate_id,decision,corrected_fields,reviewer,note\n"
                                            "e9,reject,,AB,gone\n", encoding="utf-8")
    out = tmp_path / "03_pool.out.ipynb"
    papermill.execute_notebook(str(NOTEBOOKS_DIR / "03_pool.ipynb"), str(out), kernel_name="python3",
                               progress_bar=False, cwd=str(tmp_path),
                               parameters={"processed_dir": str(processed), "reports_dir": str(reports),
                                           "curation_dir": str(curation), "sensitivity_methods": "DL,EE"})
    pooled = pd.read_csv(processed / "pooled.csv")
    assert pooled["k"].tolist() == [3] and pooled["comparator"].tolist() == ["rituximab"]
    cell_id = pooled.at[0, "cell_id"]
    # the default format: an SVG with its text as text, shown as such
    assert sorted(p.name for p in (reports / "figures").iterdir()) == [f"{cell_id}.svg"]
    svg = SVG(filename=str(reports / "figures" / f"{cell_id}.svg")).data
    nb = json.loads(out.read_text(encoding="utf-8"))
    shown = ["".join(o["data"]["image/svg+xml"]) for c in nb["cells"] if c["cell_type"] == "code"
             for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {})]
    assert shown == [svg] and "Total (REML, HK ad hoc)</text>" in svg
    sensitivity = pd.read_csv(processed / "sensitivity.csv")
    assert "DL, adhoc" in set(sensitivity["analysis"]) and "PM, adhoc" not in set(sensitivity["analysis"])
    orphans = pd.read_csv(processed / "orphan_decisions.csv")
    assert orphans["estimate_id"].tolist() == ["e9"]
    assert sorted(p.name for p in curation.iterdir()) == ["decisions.csv"]


@pytest.mark.slow
def test_pool_notebook_bounds_what_it_draws_and_shows(tmp_path):
    """`plot_cells` bounds the plots the stage draws (cells with the most studies first) and `show_cells` what the
    notebook shows, so a 10,000-document run does not send thousands of outputs through the kernel; PNG plots when
    `figure_formats` asks for them."""
    processed, reports = tmp_path / "processed", tmp_path / "reports"
    rows = [_estimate(f"a{i}", f"docA{i}", 0.7 + 0.1 * i, 0.4, 1.5 + 0.1 * i, "azathioprine", "placebo")
            for i in range(4)]
    rows += [_estimate(f"r{i}", f"docR{i}", 0.6 + 0.1 * i, 0.3, 1.4 + 0.1 * i, "rituximab", "placebo")
             for i in range(3)]
    rows += [_estimate(f"m{i}", f"docM{i}", 0.8 + 0.1 * i, 0.5, 1.6 + 0.1 * i, "mycophenolate", "placebo")
             for i in range(2)]
    write_csv_atomic(pd.DataFrame(rows), processed / "estimates.csv")
    out = tmp_path / "03_pool.out.ipynb"
    papermill.execute_notebook(str(NOTEBOOKS_DIR / "03_pool.ipynb"), str(out), kernel_name="python3",
                               progress_bar=False, cwd=str(tmp_path),
                               parameters={"processed_dir": str(processed), "reports_dir": str(reports),
                                           "curation_dir": str(tmp_path / "curation"), "plot_cells": 2,
                                           "show_cells": 1, "figure_formats": "png"})
    pooled = pd.read_csv(processed / "pooled.csv").sort_values("k", ascending=False)
    assert pooled["k"].tolist() == [4, 3, 2]
    assert sorted(p.name for p in (reports / "figures").iterdir()) == sorted(f"{c}.png" for c in pooled["cell_id"][:2])
    nb = json.loads(out.read_text(encoding="utf-8"))
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    shown = [base64.b64decode(o["data"]["image/png"]) for o in outputs if "image/png" in o.get("data", {})]
    assert shown == [(reports / "figures" / f"{pooled['cell_id'].iloc[0]}.png").read_bytes()]
    certainty = [o for o in outputs if "text/markdown" in o.get("data", {})
                 and "certainty" in "".join(o["data"]["text/markdown"])]
    assert len(certainty) == 1
