"""Comparative effects computed from two arms' data of one document.

A trial that prints "117/141 in the tacrolimus group and 93/124 in the IVCY group" but no ratio still answers a
comparative question. Two arms of one document with events/total for the same outcome, timepoint and
subgroup form a 2x2 table: RR, OR and RD through the engine's escalc (metafor's formulas, +1/2 in every cell
of a table with a zero). Two arms with mean, SD and n (MEAN rows) give MD and SMD (Hedges' g). The derived
rows carry `from_arms` (the two arm estimates' ids, ';'-joined).

Which arms pair: the two arms printed in one sentence for the outcome (or, with more arms and one control,
each active arm with the control); else, when the document reports the outcome for exactly two arms once each,
those two. A control arm (placebo, no treatment, standard care) is the
comparator; otherwise the first-named arm is the intervention.

When the document also prints the same measure for the same comparison, the printed estimate is the one used:
the derived row gets `check_of` (the printed estimate's id) and stays out of pooling, and when the two disagree
(the printed value outside the derived 95% CI) the printed estimate gets a `needs_review` reason.
"""
from __future__ import annotations

import hashlib
import math

import numpy as np
import pandas as pd

from ..meta import escalc
from ..tables import records as row_records
from ..tables import (CONTINUOUS_MEASURES, ESTIMATE_COLUMNS, NOTE_ONLY_FLAGS, RATIO_MEASURES, conform, finite_float,
                      one_line)
from .cells import is_control_arm
from .effects import z_for_level

CHECK_COLUMN = "check_of"
_TWO_BY_TWO = ("RR", "OR", "RD")
_CONTINUOUS = tuple(sorted(CONTINUOUS_MEASURES))  # MD, SMD
_USABLE_ROLES = {"", "effect", "subgroup", "secondary"}   # a news item quoting a trial: dedup.py decides


def _usable(rec: dict) -> bool:
    return (one_line(rec.get("role")) in _USABLE_ROLES and not one_line(rec.get("needs_review"))
            and one_line(rec.get("decision")).lower() != "rejected" and bool(one_line(rec.get("intervention")))
            and not one_line(rec.get("from_arms")))


def _arm_counts(rec: dict) -> tuple[float, float] | None:
    x, n = finite_float(rec.get("events")), finite_float(rec.get("total"))
    if x is None or n is None or n <= 0 or not 0 <= x <= n or x != int(x) or n != int(n):
        return None
    return x, n


def _arm_means(rec: dict) -> tuple[float, float, float] | None:
    m, sd, n = finite_float(rec.get("value")), finite_float(rec.get("sd")), finite_float(rec.get("total"))
    if m is None or sd is None or n is None or sd <= 0 or n < 2:
        return None
    return m, sd, n


def _pairs(records: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs of arm rows answering the same question (see the module docstring). In one sentence, a timepoint
    written for one arm only ("... compared with 7 patients during the 72-week period") holds for both."""
    def key(rec, with_time=True):
        return (one_line(rec.get("doc_id")), one_line(rec.get("measure")).upper(), one_line(rec.get("outcome")).lower(),
                one_line(rec.get("subgroup")).lower()) + ((one_line(rec.get("timepoint")).lower(),) if with_time else ())

    def ordered(rows):
        return sorted(rows, key=lambda r: (finite_float(r.get("start")) or 0, one_line(r.get("estimate_id"))))

    out, used = [], set()
    sentences: dict[tuple, list[dict]] = {}
    for rec in records:
        if one_line(rec.get("outcome")):
            sentences.setdefault(key(rec, False) + (finite_float(rec.get("start")),), []).append(rec)
    for k in sorted(sentences, key=lambda k: tuple("" if x is None else str(x) for x in k)):
        rows = ordered(sentences[k])
        arms = list(dict.fromkeys(one_line(r.get("intervention")) for r in rows))
        times = {one_line(r.get("timepoint")).lower() for r in rows} - {""}
        if len(times) > 1 or len(arms) != len(rows):
            continue
        if len(arms) == 2:
            out.append((rows[0], rows[1]))
            used.update(one_line(r.get("estimate_id")) for r in rows)
            continue
        controls = [r for r in rows if is_control_arm(one_line(r.get("intervention")))]
        if len(arms) > 2 and len(controls) == 1:
            # a multi-arm trial: each active arm against the one control (same patients: one per cell, dedup.py)
            out.extend((r, controls[0]) for r in rows if r is not controls[0])
            used.update(one_line(r.get("estimate_id")) for r in rows)
    groups: dict[tuple, list[dict]] = {}
    for rec in records:
        if one_line(rec.get("outcome")):
            groups.setdefault(key(rec), []).append(rec)
    for k in sorted(groups):
        rows = ordered(groups[k])
        if any(one_line(r.get("estimate_id")) in used for r in rows):
            continue
        arms = list(dict.fromkeys(one_line(r.get("intervention")) for r in rows))
        if len(arms) == 2 and len(rows) == 2:
            out.append((rows[0], rows[1]))
    return out


def _named_at(rec: dict) -> float:
    """Where the arm is first named in its sentence (the text's order of the two arms)."""
    from ..extract.lexicon import find_drugs
    arm = one_line(rec.get("intervention"))
    for m in find_drugs(one_line(rec.get("evidence"))):
        if m.canonical == arm or arm.startswith(m.canonical):
            return m.start
    return math.inf


def _oriented(a: dict, b: dict) -> tuple[dict, dict] | None:
    ca, cb = is_control_arm(one_line(a.get("intervention"))), is_control_arm(one_line(b.get("intervention")))
    if ca and cb:
        return None
    if ca != cb:
        return (b, a) if ca else (a, b)
    if (finite_float(a.get("start")) == finite_float(b.get("start"))) and _named_at(b) < _named_at(a):
        return b, a      # two active arms of one sentence: the first named is the intervention
    return a, b


def _row_id(measure: str, a: dict, b: dict) -> str:
    ids = f"{measure}|{one_line(a.get('estimate_id'))}|{one_line(b.get('estimate_id'))}"
    return "arms-" + hashlib.sha1(ids.encode("utf-8")).hexdigest()[:12]


def _conversion_flags(a: dict, b: dict) -> str:
    """The arms' note-only flags ("sd_from_se"): the comparison inherits how its inputs were converted."""
    codes = [c.strip() for rec in (a, b) for c in one_line(rec.get("flags")).split(";")]
    return ";".join(dict.fromkeys(c for c in codes if c in NOTE_ONLY_FLAGS))


def _derived(measure: str, yi: float, vi: float, a: dict, b: dict, level: float = 0.95) -> dict:
    z = z_for_level(level)
    se = math.sqrt(vi) if vi > 0 else math.nan
    lo, hi = yi - z * se, yi + z * se
    if measure in RATIO_MEASURES:
        value, lo, hi = math.exp(yi), math.exp(lo), math.exp(hi)
    else:
        value = yi
    evidence = one_line(a.get("evidence"))
    if one_line(b.get("evidence")) and one_line(b.get("evidence")) != evidence:
        evidence = f"{evidence} … {one_line(b.get('evidence'))}"
    starts = [s for s in (finite_float(a.get("start")), finite_float(b.get("start"))) if s is not None]
    ends = [s for s in (finite_float(a.get("end")), finite_float(b.get("end"))) if s is not None]
    na = finite_float(a.get("total"))
    nb = finite_float(b.get("total"))
    return {
        "estimate_id": _row_id(measure, a, b), "doc_id": a.get("doc_id"), "source_file": a.get("source_file"),
        "measure": measure, "value": round(value, 10), "ci_low": round(lo, 10), "ci_high": round(hi, 10),
        "ci_level": level, "p_value": None, "p_text": None,
        "intervention": one_line(a.get("intervention")), "comparator": one_line(b.get("intervention")),
        "outcome": a.get("outcome"), "timepoint": one_line(a.get("timepoint")) or one_line(b.get("timepoint")),
        "condition": a.get("condition"),
        "events": None, "total": None,
        "n_intervention": int(na) if na is not None else None, "n_comparator": int(nb) if nb is not None else None,
        "evidence": evidence, "start": min(starts) if starts else None, "end": max(ends) if ends else None,
        "flags": _conversion_flags(a, b), "decision": "", "role": one_line(a.get("role")) or "effect", "subgroup": one_line(a.get("subgroup")),
        "adjusted": "no", "needs_review": "",
        "from_arms": f"{one_line(a.get('estimate_id'))};{one_line(b.get('estimate_id'))}",
    }


def _oriented_pairs(records: list[dict]):
    """The pairs of `_pairs`, intervention first; two control arms make no comparison."""
    for a, b in _pairs(records):
        oriented = _oriented(a, b)
        if oriented is not None:
            yield oriented


def _from_escalc(measure: str, a: dict, b: dict, **arm_data) -> list[dict]:
    """The derived row of `measure` computed by escalc from the two arms' data, none when it is not finite."""
    yi, vi = escalc(measure, **{name: np.array([value]) for name, value in arm_data.items()})
    yi, vi = float(np.ravel(yi)[0]), float(np.ravel(vi)[0])
    return [_derived(measure, yi, vi, a, b)] if math.isfinite(yi) and math.isfinite(vi) else []


def effects_from_arms(estimates: pd.DataFrame) -> pd.DataFrame:
    """The derived comparative rows (columns of `estimates` plus check_of); empty when no two arms pair."""
    records = [r for r in row_records(estimates) if _usable(r)]
    out: list[dict] = []
    props = [r for r in records if one_line(r.get("measure")).upper() == "PROPORTION" and _arm_counts(r)]
    for a, b in _oriented_pairs(props):
        (x1, n1), (x2, n2) = _arm_counts(a), _arm_counts(b)
        for measure in _TWO_BY_TWO:
            out += _from_escalc(measure, a, b, ai=x1, n1i=n1, ci=x2, n2i=n2)
    means = [r for r in records if one_line(r.get("measure")).upper() == "MEAN" and _arm_means(r)]
    for a, b in _oriented_pairs(means):
        (m1, sd1, n1), (m2, sd2, n2) = _arm_means(a), _arm_means(b)
        for measure in _CONTINUOUS:
            out += _from_escalc(measure, a, b, m1i=m1, sd1i=sd1, n1i=n1, m2i=m2, sd2i=sd2, n2i=n2)
    columns = list(estimates.columns) + ([CHECK_COLUMN] if CHECK_COLUMN not in estimates.columns else [])
    if not out:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame(out).reindex(columns=columns)


def _same_question(printed: dict, derived: dict) -> int:
    """+1 when `printed` is the derived comparison in the same direction, -1 reversed, 0 not the same."""
    if one_line(printed.get("doc_id")) != one_line(derived.get("doc_id")) or \
            one_line(printed.get("measure")).upper() != one_line(derived.get("measure")).upper():
        return 0
    if one_line(printed.get("subgroup")).lower() != one_line(derived.get("subgroup")).lower():
        return 0
    out_p, out_d = one_line(printed.get("outcome")).lower(), one_line(derived.get("outcome")).lower()
    if out_p and out_p != out_d:
        return 0
    arms_p = (one_line(printed.get("intervention")), one_line(printed.get("comparator")))
    arms_d = (one_line(derived.get("intervention")), one_line(derived.get("comparator")))
    if arms_p == arms_d:
        return 1
    if arms_p == arms_d[::-1]:
        return -1
    return 0


def _in_interval(measure: str, printed: float, derived: dict, direction: int) -> bool:
    lo, hi = finite_float(derived.get("ci_low")), finite_float(derived.get("ci_high"))
    if lo is None or hi is None:
        return True
    if direction < 0:
        if measure in RATIO_MEASURES:
            printed = 1 / printed if printed > 0 else math.inf
        else:
            printed = -printed
    # the printed value is rounded: allow its last printed digit
    slack = 0.011 * (abs(printed) if measure in RATIO_MEASURES else 1)
    return lo - slack <= printed <= hi + slack


def add_effects_from_arms(estimates: pd.DataFrame) -> pd.DataFrame:
    """`estimates` plus the derived rows; a derived row whose comparison the document prints is kept as a check
    (`check_of`), and a printed estimate its arms contradict gets a needs_review reason."""
    table = conform(estimates, ESTIMATE_COLUMNS)
    derived = effects_from_arms(table)
    if CHECK_COLUMN not in table.columns:
        table[CHECK_COLUMN] = ""
    if derived.empty:
        return table
    derived = derived.copy()
    derived[CHECK_COLUMN] = ""
    printed = [r for r in row_records(table)
               if one_line(r.get("measure")).upper() in _TWO_BY_TWO + _CONTINUOUS and not one_line(r.get("from_arms"))
               and one_line(r.get("decision")).lower() != "rejected"]
    if "needs_review" not in table.columns:
        table["needs_review"] = ""
    review = table["needs_review"].astype("object").where(table["needs_review"].notna(), "").astype(str)
    # a printed estimate can only be the derived comparison of its own document and measure: look only there
    # (comparing every derived row with every printed one grew with the square of the corpus)
    printed_by_key: dict[tuple[str, str], list[dict]] = {}
    for p in printed:
        printed_by_key.setdefault((one_line(p.get("doc_id")), one_line(p.get("measure")).upper()), []).append(p)
    rows_of: dict[str, list] = {}  # estimate_id -> the table's index labels (one scan, not one per match)
    for label, estimate_id in zip(table.index, table["estimate_id"].astype(str)):
        rows_of.setdefault(estimate_id, []).append(label)
    for i, d in zip(derived.index, row_records(derived)):
        for p in printed_by_key.get((one_line(d.get("doc_id")), one_line(d.get("measure")).upper()), []):
            direction = _same_question(p, d)
            if not direction:
                continue
            derived.at[i, CHECK_COLUMN] = one_line(p.get("estimate_id"))
            j = rows_of.get(one_line(p.get("estimate_id")), [])
            if finite_float(p.get("n_intervention")) is None and finite_float(p.get("n_comparator")) is None:
                # the printed effect's arms are the ones counted: in a subgroup, the subgroup's sizes
                sizes = (d["n_intervention"], d["n_comparator"]) if direction > 0 else (d["n_comparator"], d["n_intervention"])
                for k in j:
                    table.at[k, "n_intervention"], table.at[k, "n_comparator"] = sizes
            value = finite_float(p.get("value"))
            if value is not None and not _in_interval(d["measure"], value, d, direction):
                reason = (f"printed {d['measure']} {value:g} disagrees with its arms' counts "
                          f"(derived {d['measure']} {d['value']:.3g} [{d['ci_low']:.3g}, {d['ci_high']:.3g}]"
                          f"{', other direction' if direction < 0 else ''})")
                for k in j:
                    review.at[k] = f"{review.at[k]}; {reason}" if review.at[k] else reason
            break
    table["needs_review"] = review
    return pd.concat([table, derived.reindex(columns=table.columns)], ignore_index=True)


__all__ = ["add_effects_from_arms", "effects_from_arms", "CHECK_COLUMN"]
