"""Checking effect sizes and variances before they reach an estimator: one clear message instead of a traceback."""
from __future__ import annotations

import numpy as np


class MetaInputError(ValueError):
    """Effect sizes or variances that no estimator can use (vi <= 0, unequal lengths, unknown measure, ...)."""


def clean_inputs(yi, vi, labels=None) -> tuple[np.ndarray, np.ndarray, list[str], tuple[str, ...]]:
    """Validated float arrays; rows with a missing yi or vi are omitted (metafor's na.omit) and named in a note.

    Raises MetaInputError for unequal lengths or a non-positive / infinite sampling variance.
    """
    y = np.atleast_1d(np.asarray(yi, dtype=float))
    v = np.atleast_1d(np.asarray(vi, dtype=float))
    if y.ndim != 1 or v.ndim != 1 or len(y) != len(v):
        raise MetaInputError(f"yi and vi must be 1-D and of equal length (got {y.shape} and {v.shape})")
    names = [str(s) for s in labels] if labels is not None else [str(i + 1) for i in range(len(y))]
    if len(names) != len(y):
        raise MetaInputError("study labels must match yi in length")
    notes: list[str] = []
    missing = np.isnan(y) | np.isnan(v)
    if missing.any():
        dropped = [names[i] for i in np.flatnonzero(missing)]
        notes.append(f"omitted {len(dropped)} stud{'y' if len(dropped) == 1 else 'ies'} with missing yi/vi: "
                     + ", ".join(dropped))
        y, v = y[~missing], v[~missing]
        names = [n for n, m in zip(names, missing) if not m]
    bad = ~np.isfinite(y) | ~np.isfinite(v) | (v <= 0)
    if bad.any():
        rows = ", ".join(f"{names[i]} (yi={y[i]:g}, vi={v[i]:g})" for i in np.flatnonzero(bad)[:5])
        raise MetaInputError(f"sampling variances must be positive and finite, and effect sizes finite: {rows}")
    return y, v, names, tuple(notes)
