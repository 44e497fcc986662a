"""Conformance with R's metafor: every case x estimator x quantity of the pinned reference set
(tests/data/metafor/cases, written by tests/data/metafor/make_reference.R), plus any other case in
../shared/reference/meta_analysis/ when present.

The reference JSON files are read as they are. Each test compares one quantity (a scalar, or an array such as a
leave-one-out column) of one metafor block with what the engine computes for the same call.

Tolerances (the reference README's):
- closed-form quantities (escalc, EE/DL/HE/HS/SJ and everything derived, Q, I², H², Knapp-Hartung, prediction
  intervals, MH, Peto, Egger): relative 1e-9;
- the exact engine (default `iteration="exact"`) for REML, ML, EB against metafor's `tight` refits: 1e-7; PM and
  the Q-profile bounds against `tight` / `confint_tight`: 1e-6 (absolute 1e-9 near 0);
- metafor's *default* (early-stopped) REML/ML/EB/PM blocks, and everything refitted from them (leave1out,
  regtest, trimfill, confint), are compared with the engine's `iteration="metafor"` mode, which repeats metafor's
  loops step by step (Fisher scoring to an absolute change of 1e-5, R's uniroot at tol ~1.2e-4): 1e-9.
Quantities that cannot meet their tolerance are listed in KNOWN_DEVIATIONS with the reason (strict xfail, so a
fix is noticed).
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from evidence_review.meta import (back_transform, egger_lm, escalc, leave1out, regtest, rma, trimfill)
from evidence_review.meta.mh import rma_mh, rma_peto
from metafor_reference import case_files

ITERATIVE = ("REML", "ML", "EB", "PM")
TIGHT_CONTROL = {"threshold": 1e-10, "tol": 1e-10, "maxiter": 1000}
SKIP_KEYS = {"call", "warnings", "error"}

# (case, estimator, quantity path) -> why it cannot meet its tolerance.
RD_TIGHT_STOPPED = ("metafor's `tight` refit itself stopped short: Fisher scoring stops at an absolute tau² change of "
                    "1e-10, but on the RD scale tau² is ~1e-4 and the iteration creeps, so its score equation is still "
                    "off by ~1e-2 while the engine's is ~1e-9 (checked in test_meta_engine.py::test_exact_optimum_beats_metafors_tight_refit; "
                    "iteration='metafor' with the same control reproduces the tight numbers to 1e-12)")
_RD_TIGHT_OFF = ["tight.fit.estimate", "tight.fit.se", "tight.fit.pval", "tight.fit.ci.lb", "tight.fit.ci.ub",
                 "tight.fit.tau2", "tight.fit.tau", "tight.fit.se.tau2", "tight.fit.I2", "tight.fit.H2",
                 "tight.predict.pred", "tight.predict.se", "tight.predict.ci.lb", "tight.predict.ci.ub",
                 "tight.predict.pi.lb", "tight.predict.pi.ub", "tight.knha.estimate", "tight.knha.se",
                 "tight.knha.pval", "tight.knha.ci.lb", "tight.knha.ci.ub", "tight.knha.s2w", "tight.knha.tau2",
                 "tight.knha.tau", "tight.knha.se.tau2", "tight.knha.I2", "tight.knha.H2"]
KNOWN_DEVIATIONS: dict[tuple[str, str, str], str] = {
    **{("nielweise2007_RD", "REML", p): RD_TIGHT_STOPPED for p in _RD_TIGHT_OFF},
    **{("nielweise2007_RD", "ML", p): RD_TIGHT_STOPPED for p in [*_RD_TIGHT_OFF, "tight.knha.zval"]},
}

NOT_IMPLEMENTED: dict[str, str] = {}


def _case_files() -> list[Path]:
    return list(case_files().values())


@lru_cache(maxsize=None)
def load_case(name: str) -> tuple[dict, pd.DataFrame]:
    path = case_files()[name]
    ref = json.loads(path.read_text())
    data = pd.read_csv(path.parent / ref["data_file"])
    return ref, data


def _yv(name: str):
    _, data = load_case(name)
    return data["yi"].to_numpy(float), data["vi"].to_numpy(float), tuple(data["study"].astype(str))


def _transf(name: str, values):
    ref, data = load_case(name)
    measure = ref["measure"]
    if not ref["back_transform"]:
        return None
    ni = data["ni"].to_numpy(float) if "ni" in data else None
    return back_transform("HR" if measure == "HR" else measure, values, ni_all=ni)


# ----- engine output in metafor's block layout ---------------------------------------------------------------------

def _fit_block(res) -> dict:
    return {"method": res.method, "test": res.test, "k": res.k, "estimate": res.estimate, "se": res.se,
            "zval": res.stat, "pval": res.p, "ci.lb": res.ci_low, "ci.ub": res.ci_high, "ddf": res.ddf,
            "s2w": res.s2w, "tau2": res.tau2, "tau": res.tau, "se.tau2": res.se_tau2, "I2": res.i2, "H2": res.h2,
            "vt": res.vt, "QE": res.q, "QE.df": res.q_df, "QEp": res.q_p, "weights": res.weights}


def _predict_block(res, name: str | None = None, riley: bool = False) -> dict:
    pi = res.prediction_interval("riley") if riley else (res.pi_low, res.pi_high)
    if riley:
        ddf = res.k - 1 if res.method == "EE" else max(1, res.k - 2)
    else:
        ddf = res.ddf
    out = {"pred": res.estimate, "se": res.se, "ci.lb": res.ci_low, "ci.ub": res.ci_high, "pi.lb": pi[0],
           "pi.ub": pi[1], "pi.ddf": ddf}
    if name is not None:  # predict(fit, transf=...)
        vals = _transf(name, [res.estimate, res.ci_low, res.ci_high, pi[0], pi[1]])
        out = {"pred": vals[0], "se": None, "ci.lb": vals[1], "ci.ub": vals[2], "pi.lb": vals[3], "pi.ub": vals[4],
               "pi.ddf": ddf}
    return out


def _confint_block(res) -> dict:
    def triple(est, lo, hi):
        return {"estimate": est, "ci.lb": lo, "ci.ub": hi}

    return {"tau2": triple(res.tau2, res.tau2_ci_low, res.tau2_ci_high),
            "tau": triple(res.tau, math.sqrt(res.tau2_ci_low), math.sqrt(res.tau2_ci_high)),
            "I2": triple(res.i2, res.i2_ci_low, res.i2_ci_high), "H2": triple(res.h2, res.h2_ci_low, res.h2_ci_high),
            "lb.sign": res.tau2_ci_low_sign, "ub.sign": res.tau2_ci_high_sign, "ci.null": res.tau2_ci_null}


def _regtest_block(r: dict, model: str) -> dict:
    return {"model": model, "predictor": "sei", "zval": r["stat"], "pval": r["p"], "ddf": r["ddf"],
            "slope": r["slope"], "slope.se": r["slope_se"], "tau2": r.get("tau2"), "est": r["est"],
            "ci.lb": r["ci_low"], "ci.ub": r["ci_high"]}


def _trimfill_block(name, tf: dict, original) -> dict:
    est = {"estimate": tf["estimate"], "se": tf["se"], "zval": tf["stat"], "pval": tf["p"], "ci.lb": tf["ci_low"],
           "ci.ub": tf["ci_high"], "tau2": tf["tau2"], "I2": tf["i2"], "H2": tf["h2"], "QE": tf["q"], "QEp": tf["q_p"]}
    pred = {"pred": tf["estimate"], "se": tf["se"], "ci.lb": tf["ci_low"], "ci.ub": tf["ci_high"],
            "pi.lb": tf["pi_low"], "pi.ub": tf["pi_high"], "pi.ddf": None}
    out = {"k0": tf["k0"], "se.k0": tf["se_k0"], "side": tf["side"], "estimator": "L0", "k": tf["k"], **est,
           "filled_yi": tf["filled_yi"], "filled_vi": tf["filled_vi"], "predict": pred}
    vals = _transf(name, [tf["estimate"], tf["ci_low"], tf["ci_high"], tf["pi_low"], tf["pi_high"]])
    if vals is not None:
        out["predict_transf"] = {"pred": vals[0], "se": None, "ci.lb": vals[1], "ci.ub": vals[2], "pi.lb": vals[3],
                                 "pi.ub": vals[4], "pi.ddf": None}
    return out


def _leave1out_block(rows: list[dict], method: str) -> dict:
    col = {"estimate": "estimate", "se": "se", "zval": "stat", "pval": "p", "ci.lb": "ci_low", "ci.ub": "ci_high",
           "Q": "q", "Qp": "q_p", "tau2": "tau2", "I2": "i2", "H2": "h2"}
    out = {"study": [r["study"] for r in rows]}
    out.update({key: [r[src] for r in rows] for key, src in col.items()})
    if method == "EE":
        out["tau2"] = None
    return out


@lru_cache(maxsize=None)
def engine_model(name: str, method: str, iteration: str) -> dict:
    """All blocks of `models.<method>` as the engine computes them in the given iteration mode."""
    y, v, study = _yv(name)
    ref, _ = load_case(name)
    fit = rma(y, v, method=method, study=study, iteration=iteration)
    knha = rma(y, v, method=method, test="knha", study=study, iteration=iteration, confint=False)
    adhoc = rma(y, v, method=method, test="adhoc", study=study, iteration=iteration, confint=False)
    blocks = {"fit": _fit_block(fit), "predict": _predict_block(fit),
              "predict_riley": _predict_block(fit, riley=True), "confint": _confint_block(fit),
              "confint_tight": _confint_block(fit),
              "knha": {"fit": _fit_block(knha), "predict": _predict_block(knha)},
              "adhoc": {"fit": _fit_block(adhoc), "predict": _predict_block(adhoc)},
              "regtest": _regtest_block(regtest(y, v, method=method, iteration=iteration), "rma"),
              "trimfill": _trimfill_block(name, trimfill(y, v, method=method, iteration=iteration), fit),
              "leave1out": _leave1out_block(leave1out(y, v, method=method, study=study, iteration=iteration), method)}
    if ref["back_transform"]:
        blocks["predict_transf"] = _predict_block(fit, name)
        blocks["knha"]["predict_transf"] = _predict_block(knha, name)
        blocks["adhoc"]["predict_transf"] = _predict_block(adhoc, name)
    if method in ITERATIVE:
        if iteration == "exact":
            blocks["tight"] = {"fit": _fit_block(fit), "predict": _predict_block(fit), "knha": _fit_block(knha)}
        else:  # the same loops with the tight refit's control values
            t = rma(y, v, method=method, study=study, iteration="metafor", control=TIGHT_CONTROL, confint=False)
            tk = rma(y, v, method=method, test="knha", study=study, iteration="metafor", control=TIGHT_CONTROL,
                     confint=False)
            blocks["tight"] = {"fit": _fit_block(t), "predict": _predict_block(t), "knha": _fit_block(tk)}
            # confint_tight: the default fit, Q-profile searched at tol = 1e-10
            ct = rma(y, v, method=method, study=study, iteration="metafor", control={"qprofile_tol": 1e-10})
            blocks["confint_tight"] = _confint_block(ct)
    return blocks


@lru_cache(maxsize=None)
def engine_case(name: str) -> dict:
    ref, data = load_case(name)
    y, v, _ = _yv(name)
    cols = {c: data[c].to_numpy(float) for c in data.columns if c not in ("study",)}
    out = {"egger_lm": _regtest_block(egger_lm(y, v), "lm")}
    if ref["escalc"] and ref["escalc"].get("yi") is not None:
        yi, vi = escalc(ref["metafor_measure"], **{k: c for k, c in cols.items() if k not in ("yi", "vi")})
        out["escalc"] = {"yi": yi, "vi": vi}
    mh_keys = {"method": "method", "measure": "measure", "k": "k", "k.yi": "k_yi", "k.pos": "k_pos",
               "estimate": "estimate", "se": "se", "zval": "stat", "pval": "p", "ci.lb": "ci_low", "ci.ub": "ci_high",
               "QE": "q", "QE.df": "q_df", "QEp": "q_p", "I2": "i2", "H2": "h2", "MH": "mh", "MHp": "mh_p",
               "CO": "co", "COp": "co_p", "BD": "bd", "BDp": "bd_p", "TA": "ta", "TAp": "ta_p"}
    for block, fn in (("mh", rma_mh), ("peto", rma_peto)):
        if ref.get(block):
            if block == "mh":
                res = rma_mh(ref["measure"], **{k: cols.get(k) for k in
                                                ("ai", "bi", "ci", "di", "x1i", "t1i", "x2i", "t2i")}).to_dict()
            else:
                res = rma_peto(cols["ai"], cols["bi"], cols["ci"], cols["di"]).to_dict()
            b = {key: res.get(src) for key, src in mh_keys.items()}
            b["method"] = "FE"
            b["measure"] = "PETO" if block == "peto" else res["measure"]
            b["exp"] = {"estimate": res["exp"]["estimate"], "ci.lb": res["exp"]["ci_low"],
                        "ci.ub": res["exp"]["ci_high"]} if "exp" in res else None
            out[block] = b
    return out


# ----- which quantities are compared, with which tolerance and engine mode -----------------------------------------

# metafor blocks of the reference whose function the engine no longer has: no pipeline path and no public API
# (rma, pool) offered them (fitstats, profile-likelihood CIs), so they were removed (issue 19)
NOT_OFFERED = {"fitstats", "confint_PL"}

def _leaves(obj, prefix=""):
    """(path, value) for every compared leaf of a metafor block (lists are one quantity)."""
    if isinstance(obj, dict):
        for key, val in obj.items():
            if key in SKIP_KEYS:
                continue
            yield from _leaves(val, f"{prefix}.{key}" if prefix else key)
    else:
        yield prefix, obj


def _plan(name: str, ref: dict):
    """(test id, case, estimator or None, path, expected, mode, rtol, reason-if-xfail)."""
    for block in ("escalc", "egger_lm", "mh", "peto"):
        if ref.get(block) and not ref[block].get("error"):
            for path, val in _leaves(ref[block]):
                if block == "escalc" and val is None:
                    continue
                yield name, None, f"{block}.{path}", val, "case", 1e-9
    for method, blocks in ref["models"].items():
        for block, content in blocks.items():
            if not isinstance(content, dict) or content.get("error") or block in NOT_OFFERED:
                continue
            for path, val in _leaves(content):
                full = f"{block}.{path}"
                bound = block == "confint_tight" and (".ci.lb" in full or ".ci.ub" in full)
                if method not in ITERATIVE:
                    # closed form: identical in both modes, except metafor's default Q-profile search (tol ~1e-4)
                    if block == "confint":
                        yield name, method, full, val, "metafor", 1e-9
                    else:
                        yield name, method, full, val, "exact", 1e-6 if bound else 1e-9
                    continue
                if block in ("tight", "confint_tight"):
                    rtol = 1e-6 if (method == "PM" or bound) else 1e-7
                    if not (block == "confint_tight" and not bound):  # estimates there are the default fit's
                        yield name, method, full, val, "exact", rtol
                yield name, method, full, val, "metafor", 1e-9


def _params():
    out = []
    for f in _case_files():
        name = f.stem
        ref, _ = load_case(name)
        for case, method, path, val, mode, rtol in _plan(name, ref):
            marks = []
            top = path.split(".")[0]
            if top in NOT_IMPLEMENTED:
                marks.append(pytest.mark.xfail(reason=NOT_IMPLEMENTED[top], strict=True))
            elif mode == "exact" and (case, method, path) in KNOWN_DEVIATIONS:
                marks.append(pytest.mark.xfail(reason=KNOWN_DEVIATIONS[(case, method, path)], strict=True))
            pid = f"{case}-{method or 'case'}-{mode}-{path}"
            out.append(pytest.param(case, method, path, val, mode, rtol, marks=marks, id=pid))
    return out


def _lookup(tree: dict, path: str):
    node = tree
    parts = path.split(".")
    i = 0
    while i < len(parts):
        # keys such as "ci.lb" or "se.tau2" contain dots: take the longest key that exists
        for j in range(len(parts), i, -1):
            key = ".".join(parts[i:j])
            if isinstance(node, dict) and key in node:
                node = node[key]
                i = j
                break
        else:
            raise KeyError(path)
    return node


def _is_missing(x) -> bool:
    if x is None:
        return True
    if isinstance(x, (float, np.floating)) and math.isnan(x):
        return True
    return False


def assert_matches(got, expected, rtol: float, atol: float = 1e-12):
    if isinstance(expected, list) or isinstance(got, (list, np.ndarray)):
        exp = list(expected) if expected is not None else None
        g = list(np.asarray(got).tolist()) if got is not None else None
        if exp is None:
            assert g is None or all(_is_missing(x) for x in g), f"expected null, got {g}"
            return
        assert g is not None and len(g) == len(exp), f"length {None if g is None else len(g)} != {len(exp)}"
        for a, b in zip(g, exp):
            assert_matches(a, b, rtol, atol)
        return
    if _is_missing(expected):
        assert _is_missing(got), f"expected null, got {got!r}"
        return
    if isinstance(expected, str) or isinstance(expected, bool):
        assert got == expected, f"{got!r} != {expected!r}"
        return
    assert not _is_missing(got), f"expected {expected!r}, got {got!r}"
    diff = abs(float(got) - float(expected))
    assert diff <= rtol * abs(float(expected)) + atol, (
        f"got {float(got)!r}, metafor {float(expected)!r}, rel diff {diff / max(abs(float(expected)), 1e-300):.3g}")


@pytest.mark.parametrize("case,method,path,expected,mode,rtol", _params())
def test_meta_conformance(case, method, path, expected, mode, rtol):
    engine = engine_case(case) if method is None else engine_model(case, method, mode)
    got = _lookup(engine, path)
    # I² is in percent, 100·tau²/(tau² + vt): the absolute floor scales with it (1e-12 on the proportion scale
    # would be below the rounding left by 100 Fisher-scoring steps that creep towards tau² ~ 1e-6)
    atol = 1e-10 if path.endswith("I2") else 1e-12
    assert_matches(got, expected, rtol, atol)
