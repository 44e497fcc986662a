"""Stage 2: normalized document texts -> one row per effect estimate (ESTIMATE_COLUMNS).

Public interface:
    extract_estimates(documents: DataFrame, texts: dict[doc_id, str]) -> DataFrame[ESTIMATE_COLUMNS]
Documents with status != "ok" or a non-empty duplicate_of are not extracted.

PLACEHOLDER: returns an empty table; the extraction issue fills it in.
"""
from __future__ import annotations

import pandas as pd

from ..tables import ESTIMATE_COLUMNS


def extract_estimates(documents: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(columns=ESTIMATE_COLUMNS)
