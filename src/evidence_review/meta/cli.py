"""`evidence-review pool FILE.csv --measure M [--method REML] [--test z|knha|adhoc] [--pi-type default|t|riley]
[--by COLUMN] [--json]`.

Pools one meta-analysis (or one per group with --by) from a CSV of effect sizes or metafor-named raw columns and
prints either a readable summary or, with --json, the JSON object DESIGN.md lists (JSON Lines with --by).
Which scale `yi` was read on ("yi read on the log scale (ratio measure HR)") goes to stderr, also with --json,
so a wrong guess is seen while stdout stays the result alone.
"""
from __future__ import annotations

import json
import math
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import ConfigError
from .inputs import MetaInputError
from .pool import POOL_MEASURES, pool_dataframe, yi_scale
from .rma import PI_TYPES, TESTS
from .tau2 import ESTIMATORS, normalize_method


def add_arguments(parser) -> None:
    parser.add_argument("csv", metavar="FILE.csv", help="studies: yi,vi, or yi,ci_low,ci_high, or metafor's raw "
                        "columns for the measure (ai,bi,ci,di; x1i,t1i,x2i,t2i; m1i,sd1i,n1i,m2i,sd2i,n2i; xi,ni; "
                        "ri,ni), plus an optional study column")
    parser.add_argument("--measure", required=True, type=str.upper, metavar="M",
                        help=f"effect measure: {', '.join(POOL_MEASURES)}")
    parser.add_argument("--method", default="REML", type=str.upper, metavar="METHOD",
                        help=f"tau² estimator: {', '.join(ESTIMATORS)} (FE and CE are read as EE; default REML)")
    parser.add_argument("--test", default="z", choices=TESTS,
                        help="z-test, knha (Knapp-Hartung, t on k-1 df) or adhoc (Knapp-Hartung never narrower than "
                             "the z interval, metafor's test=\"adhoc\"); default z")
    parser.add_argument("--pi-type", default="default", choices=PI_TYPES, dest="pi_type",
                        help="prediction interval: default (metafor's: normal for z, t on k-1 df for knha/adhoc), "
                             "t (t on k-1 df whatever the test; meta 8's default) or riley (t on k-2 df)")
    parser.add_argument("--level", default=0.95, type=float, help="confidence level (default 0.95)")
    parser.add_argument("--by", metavar="COLUMN", help="pool each group of rows separately (JSON Lines with --json)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a readable summary")


def _read(path: str) -> pd.DataFrame:
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"no such file: {path}")
    try:
        df = pd.read_csv(p)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path} as CSV: {exc}") from None
    df.columns = [str(c).strip() for c in df.columns]
    return df


def main(args) -> int:
    args.method = normalize_method(args.method)
    if args.method not in ESTIMATORS:
        raise ConfigError(f"unknown --method {args.method}; use one of {', '.join(ESTIMATORS)}")
    if args.measure not in POOL_MEASURES:
        raise ConfigError(f"unknown --measure {args.measure}; use one of {', '.join(POOL_MEASURES)}")
    df = _read(args.csv)
    if args.by and args.by not in df.columns:
        raise ConfigError(f"--by column {args.by!r} is not in {args.csv} (columns: {', '.join(df.columns)})")
    groups = [(None, df)] if not args.by else [
        (key, part) for key, part in df.groupby(args.by, sort=False, dropna=False)]
    for key, part in groups:
        try:
            # numpy's overflow warnings would scatter lines before the one-line error; the error says it all
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                result = pool_dataframe(part.reset_index(drop=True), args.measure, args.method, args.test,
                                        args.level, pi_type=getattr(args, "pi_type", "default"))
                scale = yi_scale(part.reset_index(drop=True), args.measure)
        except MetaInputError as exc:
            where = f" (group {args.by}={_group_value(key)})" if args.by else ""
            raise ConfigError(f"{exc}{where}") from None
        except (ArithmeticError, np.linalg.LinAlgError) as exc:  # e.g. vi = 1e-10 next to vi = 0.1
            where = f" (group {args.by}={_group_value(key)})" if args.by else ""
            hint = "; see whether --method DL pools them" if args.method != "DL" else ""
            raise ConfigError(f"the {args.method} fit failed numerically on these values{where} "
                              f"({type(exc).__name__}: {exc}); values or variances many orders of magnitude "
                              f"apart can do this{hint}") from None
        print(f"group {args.by}={_group_value(key)}: {scale}" if args.by else scale, file=sys.stderr)
        if args.by:
            result = {"group": _group_value(key), **result}
        print(json.dumps(result, ensure_ascii=False, allow_nan=False) if args.json else summary_text(result))
    return 0


def _group_value(key):
    if isinstance(key, tuple):
        key = key[0]
    if key is None or (isinstance(key, float) and math.isnan(key)):
        return None
    return key.item() if hasattr(key, "item") else key


def _f(x, digits=4) -> str:
    return "NA" if x is None else f"{x:.{digits}g}" if isinstance(x, float) else str(x)


_TEST_WORDS = {"z": "z", "knha": "Knapp-Hartung t", "adhoc": "Knapp-Hartung (ad hoc, never narrower than z) t"}


def summary_text(r: dict) -> str:
    """A readable summary in the spirit of metafor's print.rma."""
    lines = []
    if "group" in r:
        lines.append(f"== group: {r['group']}")
    lines.append(f"{r['method']} meta-analysis of {r['k']} studies, measure {r['measure']}, "
                 f"{_TEST_WORDS.get(r['test'], 'z')}-test")
    lines.append(f"  estimate {_f(r['estimate'])}  se {_f(r['se'])}  {'z' if r['test'] == 'z' else 't'} "
                 f"{_f(r['stat'])}  p {_f(r['p'])}")
    lines.append(f"  {int(r['level'] * 100)}% CI [{_f(r['ci_low'])}, {_f(r['ci_high'])}]   "
                 f"prediction interval [{_f(r['pi_low'])}, {_f(r['pi_high'])}]")
    if r.get("exp"):
        e = r["exp"]
        lines.append(f"  exp: {_f(e['estimate'])} [{_f(e['ci_low'])}, {_f(e['ci_high'])}], "
                     f"PI [{_f(e['pi_low'])}, {_f(e['pi_high'])}]")
    elif r.get("transf"):
        e = r["transf"]
        lines.append(f"  {e['function']}: {_f(e['estimate'])} [{_f(e['ci_low'])}, {_f(e['ci_high'])}]")
    lines.append(f"  tau² {_f(r['tau2'])} [{_f(r['tau2_ci_low'])}, {_f(r['tau2_ci_high'])}]  "
                 f"I² {_f(r['i2'])}% [{_f(r['i2_ci_low'])}, {_f(r['i2_ci_high'])}]  H² {_f(r['h2'])}")
    lines.append(f"  Q({r['q_df']}) = {_f(r['q'])}, p = {_f(r['q_p'])}")
    if r.get("egger"):
        lines.append(f"  Egger (regtest): {_f(r['egger']['stat'])}, p = {_f(r['egger']['p'])}")
    if r.get("trimfill"):
        t = r["trimfill"]
        lines.append(f"  trim-and-fill: k0 = {t['k0']} ({t['side']}), estimate {_f(t['estimate'])} "
                     f"[{_f(t['ci_low'])}, {_f(t['ci_high'])}]")
    for name in ("mh", "peto"):
        if r.get(name) and "estimate" in r[name]:
            b = r[name]
            lines.append(f"  {name.upper()}: {_f(b['estimate'])} [{_f(b['ci_low'])}, {_f(b['ci_high'])}], "
                         f"Q = {_f(b['q'])}, p = {_f(b['q_p'])}")
    if r.get("leave1out"):
        lines.append("  leave-one-out:")
        width = max(len(str(x["study"])) for x in r["leave1out"])
        for x in r["leave1out"]:
            lines.append(f"    {str(x['study']):<{width}}  {_f(x['estimate'])} [{_f(x['ci_low'])}, "
                         f"{_f(x['ci_high'])}]  tau² {_f(x['tau2'])}  I² {_f(x['i2'])}")
    for note in r.get("notes") or []:
        lines.append(f"  note: {note}")
    return "\n".join(lines)
