"""Comparable cells: which estimates answer the same question, and in which orientation.

A cell is (condition, outcome, measure, intervention, comparator, timepoint), plus a `group` that keeps apart
what must never be pooled with primary studies (a meta-analysis's own pooled numbers), values on another scale
(the extractor's optional `unit` column, e.g. "per 100 patient-years") or what cannot be pooled at all
(no condition, no outcome, no comparator, no variance).

Orientation. Every comparison is stored in one canonical order: an arm that is a control (placebo, no
treatment, baseline/before-treatment, standard care) is always the comparator; otherwise the direction most
estimates of that pair of arms were reported in (the trials' own experimental-vs-control direction, which the
extraction keeps), and alphabetical order (intervention < comparator) only on a tie. An estimate of B vs A joins the A vs B cell with its effect
negated on the analysis scale: ratios inverted with CI limits swapped (1/HR, 1/upper, 1/lower), differences
negated with limits swapped, RRR through RR = 1 - RRR. Each flip is written in the estimate's note.

Like with like (the meaning columns, extract/meaning.py). Only `effect` estimates, and `subgroup` ones in a
group of their subgroup ("subgroup relapsed"), enter intervention cells; the other roles (prognostic, dose,
before_after, baseline, secondary quoted inside a primary report) are excluded with the reason, a news item or
review quoting a trial is left to the same-patient rules (dedup.py). Adjusted estimates are grouped apart from
unadjusted ones; a non-randomized study reporting both keeps the adjusted one (prefer_adjusted). An estimate with
`needs_review` waits for the reviewer. A control arm's single-arm result is never an intervention cell, and an
arm whose counts entered a comparison computed from two arms (from_arms.py) gives way to that comparison; a
derived comparison whose measure the document prints (`check_of`) is only a check.

Before-after comparisons ("rituximab vs before rituximab", "vs baseline (pre-treatment)", "vs pre-tacrolimus
period") all take the comparator "before treatment", so such comparisons pool across studies by drug.

Timepoints. "before treatment"-like and "on treatment"-like phases are different quantities (a pre-treatment
relapse rate is not an outcome of the drug), so they are part of the key. Follow-up durations ("first year",
"week 104", "median follow-up 6.2 years") are parsed to months. With `timepoint_policy="longest"` (default) the
duration is dropped from the key, so results at different follow-up times pool together, and a study reporting
several durations keeps only its longest (dedup.py); with "exact" the duration (in months) stays in the key.
Any other timepoint text stays in the key verbatim (lowercased): unknown means "do not pool across".
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from functools import lru_cache

import pandas as pd

from ..tables import records as row_records
from ..tables import (COMPARATIVE_MEASURES, DESCRIPTIVE_MEASURES, FLAG_REASONS, MEASURES, MEMBER_COLUMNS,
                      NOTE_ONLY_FLAGS, ONE_ARM_MEASURES, SECONDARY_DESIGNS, SINGLE_ARM_MEASURES, finite_float, one_line)
from .classes import arm_class, canonical_arm
from .effects import EffectSize, effect_size, from_analysis, natural_interval
from .labels import study_label
from .order import cells_by_size  # noqa: F401  (re-exported: the pipeline and tests name it here)

# one arm's mean or median describes the arm; it is no effect to pool (its data can make an MD elsewhere)

# Arms that are the reference of a comparison rather than a treatment being judged.
_CONTROL_PATTERN = re.compile(
    r"^(placebo|sham|no |non-|none\b|untreated|control|usual care|standard (of )?care|standard therapy|"
    r"best supportive|baseline|before |pre-|pre |prior |without )|\bplacebo\b|\bbefore\b|\bbaseline\b|"
    r"pre-?treatment|\bno treatment\b|\bwithout\b"
)

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
}
_UNIT_MONTHS = {"day": 1 / 30.4375, "week": 12 / 52.1775, "month": 1.0, "year": 12.0}
_NUMBER = r"(\d+(?:[.,·]\d+)?|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")"
_UNIT = r"(day|week|month|year|yr|wk|mo)s?\b"
_DURATION_NUMBER_UNIT = re.compile(_NUMBER + r"[\s-]*" + _UNIT)
_DURATION_UNIT_NUMBER = re.compile(_UNIT + r"\s*" + _NUMBER)
_BEFORE = re.compile(r"\b(before|prior|pre-?treatment|pre-|baseline|pre\b)")
_ON = re.compile(r"\b(on|during|after|post|maintenance|follow-?up|under)\b")



def is_control_arm(arm: str) -> bool:
    return bool(_CONTROL_PATTERN.search(arm.lower())) if arm else False


def _to_number(token: str) -> float:
    token = token.lower()
    if token in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[token])
    return float(token.replace(",", ".").replace("·", "."))


def _unit_months(unit: str) -> float:
    unit = unit.lower()
    unit = {"yr": "year", "wk": "week", "mo": "month"}.get(unit, unit)
    return _UNIT_MONTHS[unit]


def parse_duration_months(text: str) -> float | None:
    """Months from "first year" (12), "second year" (24), "week 104" (~24), "six months", "6.2 years"; else None."""
    low = text.lower()
    best = None
    for match in _DURATION_NUMBER_UNIT.finditer(low):
        months = _to_number(match.group(1)) * _unit_months(match.group(2))
        best = months if best is None else max(best, months)
    for match in _DURATION_UNIT_NUMBER.finditer(low):
        months = _to_number(match.group(2)) * _unit_months(match.group(1))
        best = months if best is None else max(best, months)
    return None if best is None else round(best, 3)


def timepoint_key(timepoint: object, policy: str = "longest") -> tuple[str, float | None]:
    """(key part of the cell, follow-up in months or None). See the module docstring."""
    text = one_line(timepoint).lower()
    if not text:
        return "", None
    if _BEFORE.search(text):
        return "before treatment", None
    months = parse_duration_months(text)
    if months is not None:
        if policy == "exact":
            return f"{months:g} months", months
        return "", months
    if _ON.search(text):
        return "on treatment", None
    return text, None


def cell_id_for(key: tuple) -> str:
    """A stable id: the first 12 hex digits of the SHA-1 of the key's JSON."""
    key = tuple(key)
    # once per key of texts (equal texts, equal JSON): a cell's members share it (31,000 estimates in 3,900 cells at
    # 10,000 documents); a key holding anything else (1 == 1.0 == True, but not as JSON) is computed each time
    return _cell_id_of(key) if all(type(x) is str for x in key) else _cell_id_text(key)


@lru_cache(maxsize=16384)
def _cell_id_of(key: tuple) -> str:
    return _cell_id_text(key)


def _cell_id_text(key) -> str:
    digest = hashlib.sha1(json.dumps(list(key), ensure_ascii=False).encode("utf-8")).hexdigest()
    return f"cell-{digest[:12]}"


KEY_COLUMNS = ["condition", "outcome", "measure", "intervention", "comparator", "timepoint", "group"]



def _exact_key(values: tuple) -> tuple:
    """A key equal only for the same values of the same types: a float by its exact bits (NaN, which is not equal to
    itself, finds its entry; -0.0 and 0.0 stay apart), anything else as itself."""
    return tuple((type(x), x.hex()) if isinstance(x, float) else (type(x), x) for x in values)


def build_members(estimates: pd.DataFrame, documents: pd.DataFrame | None, *, pooling_level: str = "drug",
                  class_map: dict[str, str] | None = None, timepoint_policy: str = "longest") -> pd.DataFrame:
    """One row per curated estimate: its cell key, oriented value/CI, yi/vi and an initial inclusion status.

    Exclusions decided here (reviewer rejection, flags, duplicate documents, both arms in one class) keep their
    cell key so the cell can list them; the same-patients rules are applied afterwards by dedup.py.
    """
    if pooling_level not in {"drug", "class"}:
        raise ValueError(f"pooling_level must be 'drug' or 'class', not {pooling_level!r}")
    if timepoint_policy not in {"longest", "exact"}:
        raise ValueError(f"timepoint_policy must be 'longest' or 'exact', not {timepoint_policy!r}")
    class_map = class_map or {}
    docs: dict[str, dict] = {}
    if documents is not None and len(documents):
        for rec in row_records(documents):
            docs[one_line(rec.get("doc_id"))] = rec

    records = row_records(estimates)
    directions = reported_directions(records, pooling_level, class_map)
    arm_sources = _arm_sources(records)
    # the effect size of each distinct set of numbers, computed once: estimates repeat the same numbers (a result
    # quoted in the abstract and the text, reports of one trial), and each computation goes through the engine
    effect_sizes: dict[tuple, EffectSize] = {}
    rows = []
    for rec in records:
        doc = docs.get(one_line(rec.get("doc_id")), {})
        measure = one_line(rec.get("measure")).upper()
        condition_as_written = one_line(rec.get("condition")) or one_line(doc.get("condition"))
        condition = condition_as_written.lower()  # the key ignores case; the table shows the usual spelling
        outcome = one_line(rec.get("outcome")).lower()
        arm_a, arm_b, level_a, level_b = _levels(rec, pooling_level, class_map)
        tp_key, months = timepoint_key(rec.get("timepoint"), timepoint_policy)
        design = one_line(doc.get("design")).lower()
        notes: list[str] = []
        reason = ""

        es_args = (measure, rec.get("value"), rec.get("ci_low"), rec.get("ci_high"), rec.get("ci_level"),
                   rec.get("p_value"), rec.get("events"), rec.get("total"), rec.get("p_text"))
        es_key = _exact_key(es_args)
        es = effect_sizes.get(es_key)
        if es is None:
            es = effect_sizes[es_key] = effect_size(*es_args)
        yi, vi = es.yi, es.vi
        if es.note and es.source != "ci":  # a CI-derived SE is the norm; only the exceptions are worth a note
            notes.append(es.note)

        flipped = False
        intervention, comparator = level_a, level_b
        if measure in COMPARATIVE_MEASURES and level_a and level_b:
            swap = _reversed(level_a, level_b, directions)
            if swap:
                flipped = True
                intervention, comparator = level_b, level_a
                yi = -yi if math.isfinite(yi) else yi

        value = finite_float(rec.get("value"))
        lo, hi = finite_float(rec.get("ci_low")), finite_float(rec.get("ci_high"))
        if flipped:
            value_nat = from_analysis(measure, yi) if math.isfinite(yi) else math.nan
            y_lo = _flip_limit(measure, hi)
            y_hi = _flip_limit(measure, lo)
            lo_nat = from_analysis(measure, y_lo) if y_lo is not None else math.nan
            hi_nat = from_analysis(measure, y_hi) if y_hi is not None else math.nan
            if not math.isnan(lo_nat) and not math.isnan(hi_nat):
                lo_nat, hi_nat = min(lo_nat, hi_nat), max(lo_nat, hi_nat)
            notes.append(
                f"reported as {arm_a} vs {arm_b} ({measure} {_fmt(value)}{_fmt_ci(lo, hi)}); "
                f"inverted to {intervention} vs {comparator} ({measure} {_fmt(value_nat)}{_fmt_ci(lo_nat, hi_nat)})"
            )
            value, lo, hi = value_nat, lo_nat, hi_nat

        group = ""
        if design == "meta-analysis":
            group = f"meta-analysis {one_line(rec.get('doc_id'))}"
            notes.append("a meta-analysis's own pooled estimate: kept apart from primary studies "
                         "(its patients are those of the primary studies)")
        unit = unit_key(measure, rec.get("unit"))
        if unit:
            # a rate per 100 patient-years never meets a rate per patient-year
            group = f"{group}; unit {unit}" if group else f"unit {unit}"
            notes.append(f"values {unit}")

        role = one_line(rec.get("role")).lower()
        subgroup = one_line(rec.get("subgroup"))
        adjusted = one_line(rec.get("adjusted")).lower() == "yes"
        if role == "subgroup" and subgroup:
            # a subgroup's result pools only with the same subgroup of other studies
            group = f"{group}; subgroup {subgroup.lower()}" if group else f"subgroup {subgroup.lower()}"
            notes.append(f"subgroup: {subgroup}")
        if adjusted:
            group = f"{group}; adjusted" if group else "adjusted"
            notes.append("adjusted estimate: pooled apart from unadjusted ones")
        if one_line(rec.get("from_arms")):
            notes.append("computed from the two arms' counts or means (from_arms)")

        decision = one_line(rec.get("decision")).lower()
        flags = one_line(rec.get("flags"))
        flag_codes = [code.strip() for code in flags.split(";") if code.strip()]
        problem_flags = ";".join(code for code in flag_codes if code not in NOTE_ONLY_FLAGS)
        notes.extend(FLAG_REASONS.get(code, code) for code in flag_codes if code in NOTE_ONLY_FLAGS)
        duplicate_of = one_line(doc.get("duplicate_of"))
        if decision == "rejected":
            reason = "rejected by the reviewer" + (f": {one_line(rec.get('decision_note'))}"
                                                   if one_line(rec.get("decision_note")) else "")
        elif problem_flags and decision != "accepted":
            reason = f"flagged by extraction ({problem_flags.replace(';', ', ')})"
        elif duplicate_of:
            reason = f"document is a duplicate of {duplicate_of}"
        elif design == "protocol":
            reason = "from a protocol: planned, not observed, numbers"
        elif meaning := _meaning_reason(rec, role, design, measure, arm_a, arm_sources, decision):
            reason = meaning
        elif measure not in MEASURES:
            reason = f"unknown measure '{measure}'" if measure else "no measure"
        elif measure in DESCRIPTIVE_MEASURES:
            reason = f"an arm's {measure.lower()}: described, not pooled"
        elif one_line(rec.get("role")).lower() == "baseline":
            reason = "a baseline characteristic: never pooled"
        elif measure in COMPARATIVE_MEASURES and pooling_level == "class" and level_a and level_a == level_b:
            reason = f"both arms in the class {level_a}: not a between-class comparison"
        if problem_flags and decision == "accepted":
            notes.append(f"extraction flags ({problem_flags}) overridden: accepted by the reviewer")
        if decision == "corrected":
            notes.append(f"corrected by the reviewer ({one_line(rec.get('corrected_fields'))})")

        # Keys that cannot be compared across documents keep the estimate in a cell of its own.
        if not reason:
            missing = [name for name, val in (("condition", condition), ("outcome", outcome)) if not val]
            if measure in COMPARATIVE_MEASURES and not comparator:
                missing.append("comparator")
            if not intervention:
                missing.append("intervention")
            if missing:
                group = f"unpooled {one_line(rec.get('estimate_id'))}"
                notes.append(f"no {' or '.join(missing)}: not pooled with other studies")

        n = _n_of(rec, doc, measure)
        rows.append({
            "estimate_id": one_line(rec.get("estimate_id")), "doc_id": one_line(rec.get("doc_id")),
            "source_file": one_line(rec.get("source_file")) or one_line(doc.get("source_file")),
            "study": study_label(one_line(doc.get("authors")), one_line(doc.get("year")),
                                 one_line(rec.get("source_file")) or one_line(rec.get("doc_id"))),
            "design": design, "condition": condition, "condition_as_written": condition_as_written,
            "outcome": outcome, "measure": measure,
            "intervention": intervention, "comparator": comparator if measure in COMPARATIVE_MEASURES else "",
            "timepoint": tp_key, "group": group, "timepoint_as_written": one_line(rec.get("timepoint")),
            "followup_months": months, "arm_intervention": arm_a, "arm_comparator": arm_b, "flipped": flipped,
            "value": value, "ci_low": lo, "ci_high": hi, "yi": yi, "vi": vi, "variance_source": es.source,
            "events": finite_float(rec.get("events")), "total": finite_float(rec.get("total")),
            "n": n, "start": finite_float(rec.get("start")), "decision": decision, "flags": flags,
            "duplicate_of": duplicate_of, "included": not reason, "reason": reason, "note": "; ".join(notes),
            "role": role or "effect", "subgroup": subgroup if role == "subgroup" else "",
            "adjusted": one_line(rec.get("adjusted")).lower() or "unknown", "from_arms": one_line(rec.get("from_arms")),
        })
    members = pd.DataFrame(rows, columns=[c for c in MEMBER_COLUMNS if c != "cell_id"])
    members.insert(0, "cell_id", [cell_id_for(k) for k in members[KEY_COLUMNS].itertuples(index=False)])
    return prefer_adjusted(members)


# What keeps an estimate out of every intervention cell, by its meaning (extract/meaning.py).
_ROLE_REASONS = {
    "prognostic": "a prognostic factor's association (not a treatment effect)",
    "dose": "a comparison of two doses or regimens of one drug (not a drug effect)",
    "before_after": "a before-after comparison within the same patients, or its before-treatment rate (not a "
                    "comparison of interventions)",
    "secondary": "a result quoted from another study (background, discussion or a previous report)",
    "baseline": "an arm characteristic (not an outcome of the treatment)",
}


def _meaning_reason(rec: dict, role: str, design: str, measure: str, arm: str, arm_sources: dict,
                    decision: str = "") -> str:
    """Why an estimate's meaning keeps it out of every cell ("" when it may enter). A reviewer's accept or
    correction settles what was queued for review; a role (a reviewer can correct it: role=effect) still holds."""
    if role in _ROLE_REASONS and not (role == "secondary" and design in SECONDARY_DESIGNS):
        # a news item or review quoting a trial is handled by the same-patient rules (dedup.py)
        return f"role {role}: {_ROLE_REASONS[role]}"
    review = one_line(rec.get("needs_review"))
    if review and decision not in ("accepted", "corrected"):
        return f"needs review: {review}"
    check = one_line(rec.get("check_of"))
    if check:
        return f"computed from the arms as a check of the printed estimate {check}, which is the one used"
    if measure in ONE_ARM_MEASURES:
        if is_control_arm(arm) or is_control_arm(one_line(rec.get("intervention")).lower()):
            return "a control arm on its own is not an intervention's result (its trial's comparison is used)"
        used_in = arm_sources.get(one_line(rec.get("estimate_id")))
        if used_in:
            return f"this arm's data enter the comparison computed from the arms ({used_in})"
    return ""


def _arm_sources(records: list[dict]) -> dict[str, str]:
    """Arm estimate id -> the derived comparison's id that uses it (the first, by id)."""
    out: dict[str, str] = {}
    for rec in sorted(records, key=lambda r: one_line(r.get("estimate_id"))):
        source = one_line(rec.get("from_arms"))
        if not source or one_line(rec.get("check_of")):
            continue
        for arm_id in source.split(";"):
            out.setdefault(arm_id.strip(), one_line(rec.get("estimate_id")))
    return out


def _levels(rec: dict, pooling_level: str, class_map: dict) -> tuple[str, str, str, str]:
    """(arm_a, arm_b as canonical names, and the same at the pooling level)."""
    arm_a, arm_b = canonical_arm(rec.get("intervention")), canonical_arm(rec.get("comparator"))
    if pooling_level == "class":
        level_a = arm_class(arm_a, class_map) if arm_a else ""
        level_b = arm_class(arm_b, class_map) if arm_b else ""
    else:
        level_a, level_b = arm_a, arm_b
    # "before rituximab", "baseline (pre-treatment)", "pre-tacrolimus period": one before-after comparator
    return arm_a, arm_b, _before_after_arm(level_a), _before_after_arm(level_b)


def reported_directions(records: list[dict], pooling_level: str = "drug", class_map: dict | None = None) -> dict:
    """How often each pair of (non-control) arms is reported in each direction: the trials' own
    experimental-vs-control direction, which the extraction keeps."""
    counts: dict[tuple[str, str], int] = {}
    for rec in records:
        if one_line(rec.get("measure")).upper() not in COMPARATIVE_MEASURES:
            continue
        if one_line(rec.get("role")).lower() in ("prognostic", "dose", "before_after", "baseline"):
            continue
        _, _, a, b = _levels(rec, pooling_level, class_map or {})
        if a and b and a != b:
            counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


def _reversed(a: str, b: str, directions: dict) -> bool:
    """Whether a comparison reported as a vs b is stored as b vs a: a control is always the comparator; else
    the direction most estimates of the pair were reported in; alphabetical order only on a tie."""
    a_control, b_control = is_control_arm(a), is_control_arm(b)
    if a_control != b_control:
        return a_control
    forward, backward = directions.get((a, b), 0), directions.get((b, a), 0)
    if forward != backward:
        return backward > forward
    return a > b


def prefer_adjusted(members: pd.DataFrame) -> pd.DataFrame:
    """A non-randomized study reporting an adjusted and an unadjusted estimate of the same comparison keeps
    the adjusted one (Cochrane Handbook, chapter 24); the other is excluded with the kept one's id."""
    if members.empty:
        return members
    out = members.copy()
    base = out["group"].astype(str).str.replace(r"(?:; )?adjusted$", "", regex=True)
    keys = out[["doc_id", "condition", "outcome", "measure", "intervention", "comparator", "timepoint"]].astype(str)
    keys = keys.assign(base=base)
    adjusted = out["group"].astype(str).str.endswith("adjusted").tolist()
    # the included rows grouped by their keys in plain lists (a DataFrame per group cost a second at 10,000
    # documents); each group is decided on its own, so the order they are visited in does not matter
    groups: dict[tuple, list[int]] = {}
    included = out["included"].tolist()
    for position, key in enumerate(zip(*(keys[c].tolist() for c in keys.columns))):
        if included[position]:
            groups.setdefault(key, []).append(position)
    design = out["design"].astype(str).str.lower().tolist()
    estimate_id = out["estimate_id"].tolist()
    excluded: dict[int, str] = {}
    for positions in groups.values():
        if len(positions) < 2 or all(design[i] == "rct" for i in positions):
            continue
        kept = [i for i in positions if adjusted[i]]
        if not kept or len(kept) == len(positions):
            continue
        keep = min(kept, key=lambda i: str(estimate_id[i]))
        for i in positions:
            if not adjusted[i]:
                excluded[i] = (f"unadjusted estimate of a comparison this non-randomized study also reports "
                               f"adjusted; kept {estimate_id[keep]} (adjusted preferred)")
    if excluded:
        rows = out.index[sorted(excluded)]
        out.loc[rows, "included"] = False
        out.loc[rows, "reason"] = [excluded[i] for i in sorted(excluded)]
    return out


BEFORE_TREATMENT_ARM = "before treatment"
_BEFORE_ARM = re.compile(r"^(baseline|before|pre-?treatment|pre-|prior to|(the )?period before|relapse rate before)\b|"
                         r"^pre-\w+ period$")


def _before_after_arm(arm: str) -> str:
    """The comparator of a before-after comparison, whatever its wording, is "before treatment"."""
    return BEFORE_TREATMENT_ARM if arm and _BEFORE_ARM.search(arm.lower()) else arm


# Units that are the measure's own scale: an annualized rate is per patient-year whether or not it says so.
_DEFAULT_UNITS = {"ARR": re.compile(r"^(per |/ ?)?(1 )?(patient|person|subject)[- ]?years?$|^per year$|^/ ?year$")}


def unit_key(measure: str, unit: object) -> str:
    """"" for a measure's default unit (or none); the unit in lowercase otherwise."""
    text = one_line(unit).lower()
    default = _DEFAULT_UNITS.get(measure)
    return "" if not text or (default is not None and default.search(text)) else text


def _flip_limit(measure: str, limit: float | None) -> float | None:
    """A CI limit moved to the other orientation, on the analysis scale (None when absent or undefined)."""
    if limit is None:
        return None
    from .effects import to_analysis
    y = to_analysis(measure, limit)
    return -y if math.isfinite(y) else None


def _n_of(rec: dict, doc: dict, measure: str) -> float | None:
    """Patients behind the estimate: both arms when given, else the total, else the document's n."""
    n_i, n_c = finite_float(rec.get("n_intervention")), finite_float(rec.get("n_comparator"))
    if measure in COMPARATIVE_MEASURES and n_i is not None and n_c is not None:
        return n_i + n_c
    if measure in SINGLE_ARM_MEASURES and n_i is not None:
        return n_i
    total = finite_float(rec.get("total"))
    if total is not None and measure != "ARR":
        return total
    return finite_float(doc.get("n_total"))


def _fmt(x) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "NA"
    return f"{x:.3g}"


def _fmt_ci(lo, hi) -> str:
    if lo is None or hi is None or (isinstance(lo, float) and math.isnan(lo)) or \
            (isinstance(hi, float) and math.isnan(hi)):
        return ""
    return f" [{_fmt(lo)}, {_fmt(hi)}]"


__all__ = ["build_members", "cell_id_for", "timepoint_key", "parse_duration_months", "is_control_arm",
           "natural_interval", "KEY_COLUMNS", "MEMBER_COLUMNS"]
