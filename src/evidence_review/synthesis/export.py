"""metafor-ready CSVs: one file per pooled cell, `study,yi,vi` on the analysis scale (log for ratios and rates,
logit for proportions), so an R user can check any pooled number:

    dat <- read.csv("reports/metafor/<cell_id>.csv")
    rma(yi, vi, data = dat, method = "REML", test = "knha")   # then exp() / plogis() for the natural scale
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from ..atomic import write_many_atomic
from ..tables import write_text_atomic

METAFOR_COLUMNS = ["study", "yi", "vi"]


def metafor_table(fit) -> pd.DataFrame:
    """The study, yi, vi rows of one CellFit, full precision (repr round-trips the doubles)."""
    table = fit.studies[METAFOR_COLUMNS].copy()
    for col in ("yi", "vi"):
        table[col] = [repr(float(v)) for v in table[col]]
    return table


def metafor_csv(fit) -> str:
    """`metafor_table` as CSV text, written by the csv module as `tables.write_csv_atomic` writes the table (pandas
    writes through the same csv writer), without a DataFrame per cell: hundreds of cells at 10,000 documents."""
    columns = fit.study_columns
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(METAFOR_COLUMNS)
    writer.writerows(zip(columns["study"], (repr(float(v)) for v in columns["yi"]),
                         (repr(float(v)) for v in columns["vi"])))
    return out.getvalue()


def write_metafor_csv(fit, metafor_dir) -> Path:
    path = Path(metafor_dir) / f"{fit.cell_id}.csv"
    write_text_atomic(path, metafor_csv(fit))
    return path


def write_metafor_csvs(fits, metafor_dir) -> list[Path]:
    """`write_metafor_csv` of each fit, the files' writes overlapping (`atomic.write_many_atomic`)."""
    files = [(Path(metafor_dir) / f"{fit.cell_id}.csv", metafor_csv(fit).encode("utf-8")) for fit in fits]
    write_many_atomic(files)
    return [path for path, _ in files]
