"""metafor-ready CSVs: one file per pooled cell, `study,yi,vi` on the analysis scale (log for ratios and rates,
logit for proportions), so an R user can check any pooled number:

    dat <- read.csv("reports/metafor/<cell_id>.csv")
    rma(yi, vi, data = dat, method = "REML", test = "knha")   # then exp() / plogis() for the natural scale
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..tables import write_csv_atomic

METAFOR_COLUMNS = ["study", "yi", "vi"]


def metafor_table(fit) -> pd.DataFrame:
    """The study, yi, vi rows of one CellFit, full precision (repr round-trips the doubles)."""
    table = fit.studies[METAFOR_COLUMNS].copy()
    for col in ("yi", "vi"):
        table[col] = [repr(float(v)) for v in table[col]]
    return table


def write_metafor_csv(fit, metafor_dir) -> Path:
    path = Path(metafor_dir) / f"{fit.cell_id}.csv"
    write_csv_atomic(metafor_table(fit), path)
    return path
