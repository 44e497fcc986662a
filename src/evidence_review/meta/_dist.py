"""Normal, t and chi² quantiles and tail probabilities straight from scipy.special (the functions scipy.stats
calls underneath, without its per-call argument handling, which dominated the cost of a small fit)."""
from __future__ import annotations

from scipy import special


def norm_quantile(p):
    return special.ndtri(p)


def norm_two_sided_p(z):
    return 2 * special.ndtr(-abs(z))


def t_quantile(p, df):
    return special.stdtrit(df, p)


def t_two_sided_p(t, df):
    return 2 * special.stdtr(df, -abs(t))


def chi2_quantile(p, df):
    return special.chdtri(df, 1 - p)


def chi2_upper_quantile(alpha, df):
    """The value with upper-tail probability alpha (chi2.isf)."""
    return special.chdtri(df, alpha)


def chi2_sf(x, df):
    return special.chdtrc(df, x)
