"""notebooks/03_pool.ipynb run by papermill on a real kernel over a small processed folder: it pools, shows the
forest plot of the pooled cell and writes the stage's tables and figures."""
from __future__ import annotations

import base64
import json

import pandas as pd
import papermill
import pytest

from evidence_review.tables import ESTIMATE_COLUMNS, write_csv_atomic

from conftest import NOTEBOOKS_DIR


def _estimate(estimate_id, doc_id, value, lo, hi, intervention, comparator):
    row = {c: "" for c in ESTIMATE_COLUMNS}
    row.update(estimate_id=estimate_id, doc_id=doc_id, source_file=f"{doc_id}.txt", measure="HR", value=value,
               ci_low=lo, ci_high=hi, ci_level=0.95, intervention=intervention, comparator=comparator,
               outcome="time to first relapse", condition="NMOSD")
    return row


@pytest.mark.slow
@pytest.mark.parametrize("show_cells", [60, 0])
def test_pool_notebook_runs_and_shows_the_forest_plot(tmp_path, show_cells):
    """With show_cells=0 the notebook still pools and writes everything, and only says what it does not show (a
    corpus of 10,000 documents has thousands of cells: displaying each one cost seconds and megabytes)."""
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
                                           "curation_dir": str(curation), "sensitivity_methods": "DL,EE",
                                           "show_cells": show_cells})
    pooled = pd.read_csv(processed / "pooled.csv")
    assert pooled["k"].tolist() == [3] and pooled["comparator"].tolist() == ["rituximab"]
    cell_id = pooled.at[0, "cell_id"]
    png = (reports / "figures" / f"{cell_id}.png").read_bytes()
    nb = json.loads(out.read_text(encoding="utf-8"))
    shown = [base64.b64decode(o["data"]["image/png"]) for c in nb["cells"] if c["cell_type"] == "code"
             for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert shown == ([png] if show_cells else [])
    printed = "".join("".join(o.get("text", "")) for c in nb["cells"] if c["cell_type"] == "code"
                      for o in c.get("outputs", []) if o.get("output_type") == "stream")
    assert ("1 more cells not shown" in printed) == (show_cells == 0)
    assert ("1 more forest plots not shown" in printed) == (show_cells == 0)
    sensitivity = pd.read_csv(processed / "sensitivity.csv")
    assert "DL, adhoc" in set(sensitivity["analysis"]) and "PM, adhoc" not in set(sensitivity["analysis"])
    orphans = pd.read_csv(processed / "orphan_decisions.csv")
    assert orphans["estimate_id"].tolist() == ["e9"]
    assert sorted(p.name for p in curation.iterdir()) == ["decisions.csv"]
