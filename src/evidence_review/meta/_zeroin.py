"""R's `uniroot()` (Brent's zeroin, R's src/library/stats/src/zeroin.c) step for step.

metafor finds the Paule-Mandel tau² and the Q-profile bounds with `uniroot` at its loose default tolerance
(`.Machine$double.eps^0.25`); copying the algorithm lets `iteration="metafor"` reproduce those numbers exactly.
The exact engine uses scipy's `brentq` at full precision instead.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

DBL_EPSILON = float(np.finfo(float).eps)
R_UNIROOT_TOL = DBL_EPSILON**0.25


def uniroot(f: Callable[[float], float], lower: float, upper: float, tol: float = R_UNIROOT_TOL,
            maxiter: int = 1000) -> tuple[float, bool]:
    """Root of `f` in [lower, upper] as R's uniroot returns it; (root, converged)."""
    a, b = float(lower), float(upper)
    fa, fb = f(a), f(b)
    if fa == 0.0:
        return a, True
    if fb == 0.0:
        return b, True
    if fa * fb > 0:
        raise ValueError("f() values at end points not of opposite sign")
    c, fc = a, fa
    remaining = maxiter + 1
    while remaining:
        remaining -= 1
        prev_step = b - a
        if abs(fc) < abs(fb):
            a, b, c = b, c, b
            fa, fb, fc = fb, fc, fb
        tol_act = 2 * DBL_EPSILON * abs(b) + tol / 2
        new_step = (c - b) / 2
        if abs(new_step) <= tol_act or fb == 0.0:
            return b, True
        if abs(prev_step) >= tol_act and abs(fa) > abs(fb):
            cb = c - b
            if a == c:
                t1 = fb / fa
                p = cb * t1
                q = 1.0 - t1
            else:
                q = fa / fc
                t1 = fb / fc
                t2 = fb / fa
                p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0))
                q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0)
            if p > 0:
                q = -q
            else:
                p = -p
            if p < (0.75 * cb * q - abs(tol_act * q) / 2) and p < abs(prev_step * q / 2):
                new_step = p / q
        if abs(new_step) < tol_act:
            new_step = tol_act if new_step > 0 else -tol_act
        a, fa = b, fb
        b += new_step
        fb = f(b)
        if (fb > 0 and fc > 0) or (fb < 0 and fc < 0):
            c, fc = a, fa
    return b, False
