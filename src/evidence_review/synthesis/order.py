"""The one order of the pooled cells: those with the most studies first. The pooling stage draws plots in it and the
report gives cells their sections in it. Its own module, with nothing but pandas, so that the report kernel reads it
without importing the pooling engine (scipy) and the extractor's patterns, which `cells` brings."""
from __future__ import annotations

import pandas as pd


def cells_by_size(pooled: pd.DataFrame) -> list[str]:
    """The pooled cells (k >= 2), those with the most studies first, in table order on ties: the one order in
    which the pooling stage draws plots (pipeline.PLOT_CELLS of them) and the report gives cells their sections."""
    if pooled is None or pooled.empty or not {"cell_id", "k"} <= set(pooled.columns):
        return []       # nothing pooled (no readable document): no cell to rank
    k = pd.to_numeric(pooled["k"], errors="coerce").fillna(0)
    multi = pooled.assign(_k=k).loc[k >= 2]
    ranked = multi.assign(_pos=range(len(multi))).sort_values(["_k", "_pos"], ascending=[False, True], kind="stable")
    return [str(c) for c in ranked["cell_id"]]
