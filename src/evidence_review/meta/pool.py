"""One meta-analysis from a table of studies: effect sizes prepared, pooled and analysed the way DESIGN.md's
`evidence-review pool --json` reports it (metafor's definitions, so each number can be checked against `rma()`).

Input columns (metafor's names), by priority:
1. `yi, vi` on the analysis scale (log for ratio measures);
2. `yi, ci_low, ci_high` (+ optional `ci_level`, a fraction or a percentage; default 0.95) for a ratio measure
   given with its CI: all three on the ratio scale (HR 0.8 [0.6, 1.1]), or yi a log ratio with the CI on the
   ratio scale, or all three on the log scale; the reading under which the Wald CIs are symmetric on the log
   scale (and contain their estimates) is used, and vi = ((log hi - log lo) / (2 z))²;
3. the raw columns of the measure (ai, bi, ci, di / n1i, n2i for OR, RR, RD; x1i, t1i, x2i, t2i for IRR;
   m1i, sd1i, n1i, m2i, sd2i, n2i for MD, SMD; xi, ni for PLO, PFT, PR; ri, ni for ZCOR).
An optional `study` column labels the rows.
"""
from __future__ import annotations


import numpy as np
import pandas as pd

from .diagnostics import egger_test, leave_one_out, trim_and_fill
from .escalc import RATIO_MEASURES, back_transform, conversion_record, escalc, has_back_transform
from .inputs import MetaInputError
from .mh import rma_mh, rma_peto
from .rma import _json_safe, rma

RAW_COLUMNS = {
    "OR": ("ai", "bi", "ci", "di"), "RR": ("ai", "bi", "ci", "di"), "RD": ("ai", "bi", "ci", "di"),
    "IRR": ("x1i", "t1i", "x2i", "t2i"), "MD": ("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"),
    "SMD": ("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"), "PLO": ("xi", "ni"), "PFT": ("xi", "ni"), "PR": ("xi", "ni"),
    "ZCOR": ("ri", "ni"), "IRLN": ("xi", "ti"),
}
POOL_MEASURES = ("OR", "RR", "RD", "IRR", "HR", "MD", "SMD", "PLO", "PFT", "PR", "ZCOR", "IRLN", "GEN")


def _num(df: pd.DataFrame, col: str) -> np.ndarray:
    values = pd.to_numeric(df[col], errors="coerce")
    bad = values.isna() & df[col].notna() & (df[col].astype(str).str.strip() != "")
    if bad.any():
        raise MetaInputError(f"column {col!r} has non-numeric values, e.g. {df[col][bad].iloc[0]!r}")
    return values.to_numpy(dtype=float)


def _two_by_two_columns(df: pd.DataFrame) -> dict | None:
    cols = set(df.columns)
    if {"ai", "ci"} <= cols and ({"bi", "di"} <= cols or {"n1i", "n2i"} <= cols):
        out = {c: _num(df, c) for c in ("ai", "bi", "ci", "di", "n1i", "n2i") if c in cols}
        out.setdefault("bi", out["n1i"] - out["ai"]) if "bi" not in out else None
        out.setdefault("di", out["n2i"] - out["ci"]) if "di" not in out else None
        return out
    return None


def effect_sizes(df: pd.DataFrame, measure: str) -> tuple[np.ndarray, np.ndarray, str]:
    """(yi, vi, source) for the table; source says which columns were used."""
    measure = measure.upper()
    cols = set(df.columns)
    if {"yi", "vi"} <= cols:
        return _num(df, "yi"), _num(df, "vi"), "yi, vi"
    if {"yi", "ci_low", "ci_high"} <= cols:
        if measure not in (*RATIO_MEASURES, "GEN"):
            raise MetaInputError(f"yi with ci_low/ci_high is read for ratio measures (OR, RR, IRR, HR), not {measure}")
        y, lo, hi = _num(df, "yi"), _num(df, "ci_low"), _num(df, "ci_high")
        level = _num(df, "ci_level") if "ci_level" in cols else np.full(len(y), 0.95)
        level = np.where(np.isnan(level), 0.95, np.where(level > 1, level / 100, level))
        return (*_from_ci(y, lo, hi, level), "yi, ci_low, ci_high")
    needed = RAW_COLUMNS.get(measure)
    if needed is None:
        raise MetaInputError(f"measure {measure} needs columns yi and vi (or yi, ci_low, ci_high)")
    if measure in ("OR", "RR", "RD"):
        two = _two_by_two_columns(df)
        if two is None:
            raise MetaInputError(f"measure {measure} needs yi,vi or ai,bi,ci,di (or ai,ci,n1i,n2i); "
                                 f"the file has {', '.join(df.columns)}")
        yi, vi = escalc(measure, ai=two["ai"], bi=two["bi"], ci=two["ci"], di=two["di"])
        return yi, vi, "ai, bi, ci, di"
    missing = [c for c in needed if c not in cols]
    if missing:
        raise MetaInputError(f"measure {measure} needs yi,vi or {','.join(needed)}; missing {', '.join(missing)}")
    yi, vi = escalc(measure, **{c: _num(df, c) for c in needed})
    return yi, vi, ", ".join(needed)


def _from_ci(y, lo, hi, level):
    """yi, vi from an estimate with its Wald CI, whichever scale the columns are on (see _ci_reading)."""
    from scipy import stats

    z = stats.norm.ppf(1 - (1 - level) / 2)
    _, (m, a, b) = _ci_reading(y, lo, hi)
    return m, ((b - a) / (2 * z)) ** 2


def _ci_reading(y, lo, hi) -> tuple[str, tuple]:
    """(reading, (yi, lower, upper) on the log scale) for an estimate with its Wald CI.

    Three readings are possible: all three on the ratio scale (HR 0.8 [0.6, 1.1]), yi already a log ratio with
    the CI on the ratio scale, or all three on the log scale. A Wald CI is symmetric on the log scale, so the
    reading that leaves the intervals most symmetric around yi (among those that contain every yi) is used.
    """
    readings = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        positive = (lo > 0).all() and (hi > 0).all()
        if positive and (y > 0).all():
            readings["ratio"] = (np.log(y), np.log(lo), np.log(hi))
        if positive:
            readings["log estimate, ratio CI"] = (y, np.log(lo), np.log(hi))
        readings["log"] = (y, lo, hi)
    best, best_score = None, np.inf
    for name, (m, a, b) in readings.items():
        if not ((a <= m) & (m <= b)).all():
            continue
        score = float(np.mean(np.abs((m - a) - (b - m)) / np.where(b > a, b - a, 1.0)))
        if score < best_score:
            best, best_score = (name, (m, a, b)), score
    if best is None:
        bad = ~((lo <= y) & (y <= hi))
        i = int(np.flatnonzero(bad)[0]) if bad.any() else 0
        raise MetaInputError(f"the CI does not contain its estimate (row {i + 1}: {y[i]:g} [{lo[i]:g}, {hi[i]:g}])")
    return best


def yi_scale(df: pd.DataFrame, measure: str) -> str:
    """One sentence saying on which scale `yi` was read (or computed) for this table, as effect_sizes reads it:
    a ratio's yi is a log ratio unless its CI columns show it on the ratio scale."""
    measure = measure.upper()
    ratio = measure in RATIO_MEASURES
    scale = f"on the log scale (ratio measure {measure})" if ratio else f"on the raw scale (measure {measure})"
    cols = set(df.columns)
    if {"yi", "vi"} <= cols:
        return f"yi read {scale}"
    if {"yi", "ci_low", "ci_high"} <= cols:
        reading, _ = _ci_reading(_num(df, "yi"), _num(df, "ci_low"), _num(df, "ci_high"))
        return {"ratio": f"yi, ci_low and ci_high read on the ratio scale ({measure}); logged before pooling",
                "log estimate, ratio CI": f"yi read on the log scale, ci_low and ci_high on the ratio scale ({measure})",
                "log": f"yi, ci_low and ci_high read on the log scale ({measure})"}[reading]
    _, _, source = effect_sizes(df, measure)
    return f"yi computed from {source} " + (scale if ratio else f"by escalc (measure {measure})")


def _small(d: dict, keys: dict) -> dict:
    return {out: d.get(src) for out, src in keys.items()}


def pool_dataframe(df: pd.DataFrame, measure: str, method: str = "REML", test: str = "z",
                   level: float = 0.95, pi_type: str = "default") -> dict:
    """The DESIGN.md `pool --json` object for one table of studies (JSON-safe: NaN -> None). `pi_type` chooses
    the prediction interval's quantile (see `rma`)."""
    measure = str(measure).upper()
    if measure not in POOL_MEASURES:
        raise MetaInputError(f"unknown measure {measure!r}; use one of {', '.join(POOL_MEASURES)}")
    yi, vi, source = effect_sizes(df, measure)
    study = df["study"].astype(str).tolist() if "study" in df.columns else [str(i + 1) for i in range(len(df))]
    fit = rma(yi, vi, method=method, test=test, level=level, study=study, pi_type=pi_type)
    out = {"k": fit.k, "measure": measure, "method": fit.method, "test": fit.test, "level": level,
           "estimate": fit.estimate, "se": fit.se, "stat": fit.stat, "p": fit.p, "ddf": fit.ddf,
           "ci_low": fit.ci_low, "ci_high": fit.ci_high, "pi_low": fit.pi_low, "pi_high": fit.pi_high,
           "tau2": fit.tau2, "tau2_ci_low": fit.tau2_ci_low, "tau2_ci_high": fit.tau2_ci_high,
           "i2": fit.i2, "i2_ci_low": fit.i2_ci_low, "i2_ci_high": fit.i2_ci_high,
           "h2": fit.h2, "h2_ci_low": fit.h2_ci_low, "h2_ci_high": fit.h2_ci_high,
           "q": fit.q, "q_df": fit.q_df, "q_p": fit.q_p, "exp": None, "transf": None,
           "egger": None, "egger_lm": None, "trimfill": None, "leave1out": None, "mh": None, "peto": None,
           "input": source, "conversion": _conversion(measure, source), "notes": list(fit.notes),
           "converged": fit.converged}
    if measure == "PFT" and "ni" not in df.columns:
        out["notes"].append("no ni column: the PFT back-transform (harmonic mean of ni) is not available")
    elif fit.k >= 1 and has_back_transform(measure):
        ni = _num(df, "ni") if measure == "PFT" else None
        vals = back_transform(measure, [fit.estimate, fit.ci_low, fit.ci_high, fit.pi_low, fit.pi_high], ni_all=ni)
        block = dict(zip(("estimate", "ci_low", "ci_high", "pi_low", "pi_high"), vals.tolist()))
        if measure in RATIO_MEASURES:
            out["exp"] = block
        out["transf"] = {"function": _TRANSF_NAMES.get(measure, "exp"), **block}
    if fit.k >= 3:
        eg = egger_test(fit)
        out["egger"] = {key: getattr(eg, key) for key in ("stat", "p", "ddf", "slope", "slope_se", "est", "ci_low",
                                                          "ci_high", "tau2")}
        lm = egger_test(fit, model="lm")
        out["egger_lm"] = {"stat": lm.stat, "p": lm.p, "ddf": lm.ddf}
        tf = trim_and_fill(fit)
        filled = tf.fit
        out["trimfill"] = {"k0": tf.k0, "side": tf.side, "k": filled.k if filled is not None else fit.k,
                           **{key: getattr(filled, key) if filled is not None else float("nan")
                              for key in ("estimate", "se", "p", "ci_low", "ci_high", "tau2")},
                           "filled_yi": tf.filled_yi.tolist(), "filled_vi": tf.filled_vi.tolist()}
    if fit.k >= 2:
        out["leave1out"] = [
            _small(r, {"study": "study", "estimate": "estimate", "se": "se", "p": "p", "ci_low": "ci_low",
                       "ci_high": "ci_high", "tau2": "tau2", "i2": "i2", "q": "q", "q_p": "q_p"})
            for r in leave_one_out(fit).rows]
    out.update(_mh_blocks(df, measure, level))
    return _json_safe_dict(out)


def _conversion(measure: str, source: str) -> dict:
    """How yi and vi were obtained (formula and assumptions), for the record."""
    if source == "yi, vi":
        rec = conversion_record("GEN")
    elif source == "yi, ci_low, ci_high":
        rec = conversion_record("ratio_from_ci")
    else:
        rec = conversion_record(measure)
    rec["inputs"] = source
    return rec


_TRANSF_NAMES = {"PLO": "ilogit", "ZCOR": "tanh (z to r)", "PFT": "inverse double arcsine at the harmonic mean n",
                 "IRLN": "exp"}
_MH_KEYS = {"estimate": "estimate", "se": "se", "stat": "stat", "p": "p", "ci_low": "ci_low", "ci_high": "ci_high",
            "q": "q", "q_df": "q_df", "q_p": "q_p", "i2": "i2", "h2": "h2", "k_yi": "k_yi"}


def _mh_blocks(df: pd.DataFrame, measure: str, level: float) -> dict:
    """rma.mh() for 2x2 (OR, RR, RD) and person-time (IRR) data; rma.peto() for OR."""
    out: dict = {}
    try:
        if measure in ("OR", "RR", "RD"):
            two = _two_by_two_columns(df)
            if two is None:
                return out
            keep = ~np.isnan(two["ai"]) & ~np.isnan(two["bi"]) & ~np.isnan(two["ci"]) & ~np.isnan(two["di"])
            cells = {c: two[c][keep] for c in ("ai", "bi", "ci", "di")}
            mh = rma_mh(measure, level=level, **cells)
            out["mh"] = {**_small(mh.to_dict(), _MH_KEYS), "exp": mh.exp}
            if measure == "OR":
                pe = rma_peto(level=level, **cells)
                out["peto"] = {**_small(pe.to_dict(), _MH_KEYS), "exp": pe.exp}
        elif measure == "IRR" and {"x1i", "t1i", "x2i", "t2i"} <= set(df.columns):
            cols = {c: _num(df, c) for c in ("x1i", "t1i", "x2i", "t2i")}
            keep = ~np.any([np.isnan(x) for x in cols.values()], axis=0)
            mh = rma_mh("IRR", level=level, **{c: x[keep] for c, x in cols.items()})
            out["mh"] = {**_small(mh.to_dict(), _MH_KEYS), "exp": mh.exp}
    except MetaInputError as exc:
        out.setdefault("mh", {"note": str(exc)})
    return out


def _json_safe_dict(d):
    if isinstance(d, dict):
        return {k: _json_safe_dict(v) for k, v in d.items()}
    if isinstance(d, list):
        return [_json_safe_dict(v) for v in d]
    return _json_safe(d)
