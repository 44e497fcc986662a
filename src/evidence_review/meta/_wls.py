"""Weighted least squares pieces shared by every estimator: the fit, its residual sum of squares, the projection P.

`P = W - W X (X'WX)^-1 X'W` is the matrix metafor's formulas are written in; meta-analyses are small (k rarely
beyond a few hundred), so it is built explicitly.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class WLS:
    """A weighted least-squares fit of `y` on `X` with weights `w`."""

    beta: np.ndarray  # coefficients (p,)
    vb: np.ndarray  # (X'WX)^-1, the unscaled covariance of beta (p, p)
    resid: np.ndarray  # y - X beta (k,)
    rss: float  # sum w * resid^2  (= y'Py)
    w: np.ndarray


def _inv(m: np.ndarray) -> np.ndarray:
    return 1.0 / m if m.shape == (1, 1) else np.linalg.inv(m)


def wls(y: np.ndarray, w: np.ndarray, X: np.ndarray) -> WLS:
    xtwx = X.T @ (w[:, None] * X)
    vb = _inv(xtwx)
    beta = vb @ (X.T @ (w * y))
    resid = y - X @ beta
    return WLS(beta=beta, vb=vb, resid=resid, rss=float(np.sum(w * resid * resid)), w=w)


def projection(w: np.ndarray, X: np.ndarray) -> np.ndarray:
    """P = W - W X (X'WX)^-1 X'W."""
    wx = w[:, None] * X
    vb = _inv(X.T @ wx)
    return np.diag(w) - wx @ vb @ wx.T


def trace_p(w: np.ndarray, X: np.ndarray) -> float:
    """tr(P) = sum(w) - tr((X'WX)^-1 X'W^2 X), without building P."""
    wx = w[:, None] * X
    vb = _inv(X.T @ wx)
    return float(np.sum(w) - np.trace(vb @ (wx.T @ wx)))


def q_stat(y: np.ndarray, v: np.ndarray, X: np.ndarray, tau2: float = 0.0) -> float:
    """Generalized Q: residual sum of squares with weights 1/(v + tau2); tau2 = 0 gives Cochran's Q (QE)."""
    return wls(y, 1.0 / (v + tau2), X).rss
