"""Score the extractor against the hand-labelled sets: `python -m evidence_review.extract.evaluate`.

Prints, per set:
- precision/recall/F1 for effects, proportions, means (MEAN) and medians (MEDIAN). Matching as the shared scorer
  ../shared/tools/score_extraction.py does: same document and measure, value and printed limits within 0.5 % or
  0.0005; proportions also on equal events/total; MEAN also on sd (or se) and MEDIAN on q1/q3 (and range) when
  the gold row has them; arms are not part of a match. A ratio stored the other way round (HR, OR, RR, IRR: the
  reciprocal value and both reciprocal limits, e.g. "RT vs CRT 1.93 (1.08-3.43)" turned to the trial's CRT vs RT
  0.52) is the same estimate, its arms read swapped. Each gold record is used once, and every raw file counts,
  so numbers invented for a document without gold records are false positives;
- the arms accuracy: among matched comparative estimates whose gold arms name a treatment of the lexicon, the
  share whose intervention and comparator, reduced to lexicon names, equal the gold ones in the right order;
- arm-level recovery: of the gold binary outcomes (two or more arms' PROPORTION rows with role effect for one
  outcome, timepoint and subgroup of a document), the share for which every arm's events and total were
  extracted; of the gold continuous outcomes (two or more arms' MEAN rows with their SD or SE), the share with
  every arm's mean and SD (or SE). Which arm a predicted row names is scored under labels, not here;
- label accuracy on matched estimates: role, adjusted (a label the predicted row lacks is wrong), subgroup and
  timepoint (normalized text; scored where the gold or the predicted row has one), orientation (comparative
  estimates: intervention and comparator right and in order, with lexicon names, or the gold words when the
  lexicon knows neither arm) and arm (the arm of an arm-level row).
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

from ..ingest import ingest_with_structures
from ..paths import repo_root
from ..tables import ARM_LEVEL_MEASURES, DESCRIPTIVE_MEASURES, MEASURES, RATIO_MEASURES, cell_text, is_missing
from . import extract_study_tables
from .lexicon import canonical_arm
from .study import control_canonical

EFFECTS = frozenset(MEASURES) - ARM_LEVEL_MEASURES
#: tally name of each measure family
KINDS = {"PROPORTION": "proportions", "MEAN": "means", "MEDIAN": "medians"}
LABELS = ("role", "subgroup", "timepoint", "adjusted", "orientation", "arm")


def _num(x):
    if is_missing(x):
        return None
    if isinstance(x, (int, float)):
        return float(x)
    try:
        return float(str(x).strip())
    except ValueError:
        return None


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(a - b) <= max(5e-4, 5e-3 * abs(b))


def matches(gold: dict, pred: dict) -> bool:
    if str(pred.get("measure")) != gold["measure"]:
        return False
    if gold["measure"] == "PROPORTION":
        ev, tot = _num(pred.get("events")), _num(pred.get("total"))
        if gold.get("events") is not None and gold.get("total") is not None and ev is not None and tot is not None:
            if ev == gold["events"] and tot == gold["total"]:
                return True
        v = _num(pred.get("value"))
        if v is not None and v > 1 and gold["value"] <= 1:
            v = v / 100.0
        return _close(v, gold["value"])
    if gold["measure"] in DESCRIPTIVE_MEASURES:
        if not _close(_num(pred.get("value")), gold["value"]):
            return False
        spread = ("sd",) if gold.get("sd") is not None else ("se",)
        spread += ("q1", "q3", "range_low", "range_high")
        return all(gold.get(k) is None or _close(_num(pred.get(k)), float(gold[k])) for k in spread)
    for scale in ((1.0, 0.01) if gold["measure"] == "ARR" else (1.0,)):
        if not _close(_num(pred.get("value")), gold["value"] * scale):
            continue
        if all(gold.get(k) is None or _close(_num(pred.get(k)), float(gold[k]) * scale) for k in ("ci_low", "ci_high")):
            return True
    return False


def turned_ratio(pred: dict) -> dict:
    """A ratio read the other way round: comparator relative to intervention (1/x, the interval 1/high to 1/low,
    the arms and their sizes swapped)."""
    out = dict(pred)
    inv = lambda x: None if _num(x) is None or _num(x) <= 0 else 1.0 / _num(x)    # noqa: E731
    out["value"], out["ci_low"], out["ci_high"] = inv(pred.get("value")), inv(pred.get("ci_high")), inv(pred.get("ci_low"))
    out["intervention"], out["comparator"] = pred.get("comparator"), pred.get("intervention")
    out["n_intervention"], out["n_comparator"] = pred.get("n_comparator"), pred.get("n_intervention")
    return out


def _turned_matches(gold: dict, pred: dict) -> bool:
    """A ratio the extractor turned to the trial's direction ("RT vs CRT 1.93" stored as CRT vs RT 0.52) is the
    gold estimate when its value and both interval bounds are the gold's reciprocals (a value alone could meet
    another ratio's reciprocal by chance)."""
    if gold["measure"] not in RATIO_MEASURES or gold.get("ci_low") is None or gold.get("ci_high") is None:
        return False
    if str(pred.get("measure")) != gold["measure"] or _num(pred.get("ci_low")) is None or _num(pred.get("ci_high")) is None:
        return False
    return matches(gold, turned_ratio(pred))


def _kind(measure) -> str:
    return KINDS.get(str(measure), "effects")


def _prf(t: dict) -> dict:
    prec = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
    rec = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return dict(t, precision=round(prec, 4), recall=round(rec, 4), f1=round(f1, 4))


def _pairing(gold: list[dict], predictions: list[dict], defined, written, doc_arms) -> dict[int, tuple[int, bool]]:
    """{gold index: (prediction index, turned)}: the labels paired with predictions in one document.

    Values match within a tolerance, so one label can meet several rows ("67.6 %" of one arm, "67.4 %" of the other,
    "67.5 %" of all patients) and a first-come pairing would count rows right or wrong by the order of the
    document. The pairing is an optimal assignment instead: as many labels paired as possible; among those pairings,
    the fewest rows of another arm, then rows with the label's own counts, then direct matches before ratios turned
    the other way round, then the nearest values, then rows of the label's own timepoint and role."""
    if not gold or not predictions:
        return {}
    from scipy.optimize import linear_sum_assignment
    unpaired = 1e6                      # above any sum of the preferences below, so the count of pairs comes first
    cost = np.full((len(gold), len(predictions)), unpaired)
    turned = np.zeros(cost.shape, dtype=bool)
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predictions):
            if matches(g, p):
                pred = p
            elif _turned_matches(g, p):
                pred, turned[gi, pi] = turned_ratio(p), True
            else:
                continue
            same_arm = arm_matches(g.get("intervention"), pred.get("intervention"), defined, written, doc_arms)
            value = _num(pred.get("value"))
            if g["measure"] == "PROPORTION" and value is not None and value > 1 and g["value"] <= 1:
                value = value / 100.0
            distance = min(abs(value - g["value"]), 1.0) if value is not None and g.get("value") is not None else 1.0
            same_counts = g.get("events") is None or (_num(pred.get("events")) == g.get("events")
                                                      and _num(pred.get("total")) == g.get("total"))
            # (last, among rows equal in all else, the row of the label's own time and role: two cells printing one
            # value at "3 months" and "6 months" are paired each with its own)
            same_time = normalize_label(g.get("timepoint")) == normalize_label(pred.get("timepoint"))
            same_role = (g.get("role") or "") == (pred.get("role") or "")
            cost[gi, pi] = (0.0 if same_arm else 1.0) + (0.0 if same_counts else 0.3) + (0.1 if turned[gi, pi] else 0.0) \
                + 0.01 * distance + (0.0 if same_time else 0.001) + (0.0 if same_role else 0.001)
    rows, cols = linear_sum_assignment(cost)
    return {int(gi): (int(pi), bool(turned[gi, pi])) for gi, pi in zip(rows, cols) if cost[gi, pi] < unpaired}


def score(gold: list[dict], predictions: list[dict], docs: set[str],
          abbreviations: dict[str, dict[str, str]] | None = None,
          arm_names: dict[str, dict[str, list[str]]] | None = None,
          arm_sizes: dict[str, dict[str, float | None]] | None = None) -> dict:
    """`abbreviations` maps a document's file name to the abbreviations it defines (`defined_abbreviations`);
    `arm_names` maps it to its study model's arms, {key in lower case: names as written} (`written_arm_names`);
    `arm_sizes` to their sizes, {key in lower case: n} (`model_arm_sizes`)."""
    by_doc = defaultdict(list)
    for p in predictions:
        by_doc[Path(str(p.get("source_file") or "")).name].append(p)
    tally = {k: {"tp": 0, "fp": 0, "fn": 0} for k in ("effects", "proportions", "means", "medians")}
    arms = {"checked": 0, "right": 0, "skipped": 0, "wrong": []}
    labels = {k: {"checked": 0, "right": 0, "wrong": []} for k in LABELS}
    for d in sorted(docs):
        gs = [g for g in gold if g["doc"] == d]
        ps = by_doc.get(d, [])
        doc_arms = gold_arm_names(gs)
        defined, written = (abbreviations or {}).get(d), (arm_names or {}).get(d)
        pairs = _pairing(gs, ps, defined, written, doc_arms)
        used = {pi for pi, _ in pairs.values()}
        for gi, g in enumerate(gs):
            kind = _kind(g["measure"])
            if gi not in pairs:
                tally[kind]["fn"] += 1
                continue
            pi, turned = pairs[gi]
            pred = turned_ratio(ps[pi]) if turned else ps[pi]
            tally[kind]["tp"] += 1
            if g.get("comparator") is not None and g["measure"] != "PROPORTION":
                _score_arms(g, pred, arms)
            _score_labels(g, pred, labels, defined, written, doc_arms)
        for i, p in enumerate(ps):
            if i not in used:
                tally[_kind(p.get("measure"))]["fp"] += 1
    out = {k: _prf(t) for k, t in tally.items()}
    out["arms"] = {
        "checked": arms["checked"], "right": arms["right"], "skipped": arms["skipped"],
        "accuracy": round(arms["right"] / arms["checked"], 4) if arms["checked"] else 0.0,
        "wrong": arms["wrong"],
    }
    out["labels"] = {k: dict(v, accuracy=round(v["right"] / v["checked"], 4) if v["checked"] else 0.0)
                     for k, v in labels.items()}
    out["recovery"] = arm_recovery(gold, by_doc, docs)
    out["study_arms"] = study_model_arms(gold, docs, abbreviations, arm_names, arm_sizes)
    return out


# --- the study model's arms against the gold set's -------------------------------------------------------------

def gold_arm_sizes(rows: list[dict]) -> dict[str, set[float]]:
    """{arm: the totals its arm-level gold rows give it} of one document, for the groups the labels compare: an
    arm-level label's group counts when another group has a label of the same outcome, time and subgroup (so the
    whole sample, or one subset described alone, is not taken for an arm), with every size a row of it is counted
    over (the randomised n, then those analysed at each time)."""
    arms_of: dict[tuple, set[str]] = defaultdict(set)
    for r in rows:
        arm = cell_text(r.get("intervention")).strip()
        if r.get("measure") in ARM_LEVEL_MEASURES and arm:
            arms_of[(r.get("measure"), cell_text(r.get("outcome")), cell_text(r.get("timepoint")),
                     cell_text(r.get("subgroup")))].add(arm)
    compared = {arm for arms in arms_of.values() if len(arms) > 1 for arm in arms}
    out: dict[str, set[float]] = {}
    for r in rows:
        arm = cell_text(r.get("intervention")).strip()
        if r.get("measure") in ARM_LEVEL_MEASURES and arm in compared:
            total = _num(r.get("total"))
            out.setdefault(arm, set()).update({total} if total is not None else set())
    return out


def study_model_arms(gold: list[dict], docs: set[str], abbreviations: dict | None = None,
                     arm_names: dict | None = None, arm_sizes: dict | None = None) -> dict:
    """How well each document's study model knows the arms its labels name, before any figure is read: a gold arm
    (an `intervention` of an arm-level label) is found when an arm of the model names it (`arm_matches`, as the arm
    label of a row is judged), and sized when that arm's n is one of the totals the labels give the arm. Measured
    apart from the rows, so a miss says the model, not a table or a sentence, lost the arm."""
    found = sized = total = 0
    missed: list[str] = []
    for d in sorted(docs):
        gs = [g for g in gold if g["doc"] == d]
        defined, written = (abbreviations or {}).get(d), (arm_names or {}).get(d) or {}
        sizes, doc_arms = (arm_sizes or {}).get(d) or {}, gold_arm_names(gs)
        for arm, totals in gold_arm_sizes(gs).items():
            total += 1
            keys = [k for k in written if arm_matches(arm, k, defined, written, doc_arms)]
            if not keys:
                missed.append(f"{d}: {arm}")
                continue
            found += 1
            sized += any(_num(sizes.get(k)) in totals for k in keys)
    return {"arms": total, "found": found, "sized": sized, "missed": missed,
            "found_share": round(found / total, 4) if total else 0.0,
            "sized_share": round(sized / total, 4) if total else 0.0}


def model_arm_sizes(arms: pd.DataFrame) -> dict[str, float | None]:
    """{arm key in lower case: n} of one document's arms table (the key `written_arm_names` uses)."""
    return {cell_text(key).strip().lower(): _num(n) for key, n in zip(arms.get("canonical", ()), arms.get("n", ()))
            if cell_text(key).strip()}


# --- arm-level recovery ---------------------------------------------------------------------------------------

def _outcome_groups(gold: list[dict], measure: str, complete) -> list[list[dict]]:
    """Gold rows of one measure with role effect, grouped by document, outcome, timepoint and subgroup; only
    groups of two or more complete rows (one per arm) count as an outcome."""
    groups = defaultdict(list)
    for g in gold:
        if g["measure"] == measure and (g.get("role") or "effect") == "effect" and complete(g):
            groups[(g["doc"], g.get("outcome"), g.get("timepoint"), g.get("subgroup"))].append(g)
    return [rows for _, rows in sorted(groups.items(), key=lambda kv: str(kv[0])) if len(rows) >= 2]


def _binary_found(g: dict, p: dict) -> bool:
    return (str(p.get("measure")) == "PROPORTION" and _num(p.get("events")) == g["events"]
            and _num(p.get("total")) == g["total"])


def _continuous_found(g: dict, p: dict) -> bool:
    if str(p.get("measure")) != "MEAN" or not _close(_num(p.get("value")), g["value"]):
        return False
    key = "sd" if g.get("sd") is not None else "se"
    return _close(_num(p.get(key)), float(g[key]))


def _all_found(rows: list[dict], preds: list[dict], found) -> bool:
    used = set()
    for g in rows:
        hit = next((i for i, p in enumerate(preds) if i not in used and found(g, p)), None)
        if hit is None:
            return False
        used.add(hit)
    return True


def arm_recovery(gold: list[dict], by_doc: dict, docs: set[str]) -> dict:
    """Share of gold binary outcomes with every arm's events and total extracted, and of gold continuous
    outcomes with every arm's mean and SD (or SE when the gold row has no SD)."""
    gold = [g for g in gold if g["doc"] in docs]
    out = {}
    for name, measure, complete, found in (
            ("binary", "PROPORTION", lambda g: g.get("events") is not None and g.get("total") is not None, _binary_found),
            ("continuous", "MEAN", lambda g: g.get("sd") is not None or g.get("se") is not None, _continuous_found)):
        groups = _outcome_groups(gold, measure, complete)
        missed = [f"{rows[0]['doc']}: {rows[0].get('outcome')} ({rows[0].get('timepoint') or 'no timepoint'})"
                  for rows in groups if not _all_found(rows, by_doc.get(rows[0]["doc"], []), found)]
        n = len(groups)
        out[name] = {"outcomes": n, "recovered": n - len(missed),
                     "share": round((n - len(missed)) / n, 4) if n else 0.0, "missed": missed}
    return out


# --- labels of matched estimates ------------------------------------------------------------------------------

_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_UNITS = {"weeks": "week", "wk": "week", "wks": "week", "months": "month", "mo": "month", "mos": "month",
          "days": "day", "years": "year", "yr": "year", "yrs": "year", "hours": "hour", "h": "hour",
          "hr": "hour", "hrs": "hour", "minutes": "minute", "min": "minute", "mins": "minute",
          "without": "no", "non": "no", "patients": "", "participants": "", "those": "", "with": "", "among": "",
          "at": "", "the": "", "of": "", "in": "", "after": "", "by": "", "through": "", "a": "", "an": "",
          "subgroup": "", "group": "", "who": "", "were": "", "had": "", "receiving": "",
          # (who the people are called says nothing of which part of them: "asthmatic subjects" == "asthmatics")
          "subjects": "", "individuals": "", "persons": "", "people": "", "during": "", "on": "", "upon": "",
          # "women" = "female patients", "aged 70" = "age 70", "6 to 12 years old" = "6-12 years"
          "women": "female", "woman": "female", "females": "female", "men": "male", "man": "male", "males": "male",
          "aged": "age", "ages": "age", "old": "", "to": ""}
_ORDINAL_WORDS = {w: str(i) for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())}


def _label_word(w: str) -> str:
    """One word of a label in its plain form: a number word or an ordinal as its number ("eighth" and "8th" are
    8: "eighth week" is week 8), a unit in the singular, a plural noun in the singular ("asthmatics", "smokers")."""
    w = _UNITS.get(w, _NUMBER_WORDS.get(w, _ORDINAL_WORDS.get(w, w)))
    ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w)
    if ordinal:
        return ordinal.group(1)
    if len(w) >= 5 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and not w[0].isdigit():
        return w[:-1]
    return w


# the moment before the intervention and the one after it, however named: a table's "Pre" / "Post", "Before" /
# "After", "Baseline" are the labels' "before therapy" / "after treatment" in other words (batch 13's labeller: "the
# same time in other words"); a moment named after another event ("before weaning start", "pre-supplement") stays
_BEFORE_WORDS = re.compile(r"(?:baseline|before|pre|pre[- ]?(?:treatment|intervention|therapy)|before\s+(?:the\s+)?"
                           r"(?:treatment|intervention|therapy))")
_AFTER_WORDS = re.compile(r"(?:after|post|post[- ]?(?:treatment|intervention|therapy)|after\s+(?:the\s+)?"
                          r"(?:treatment|intervention|therapy))")


# a bound however written: "65 years or older" = ">= 65 years" = "at least 65 years"; "under 5" = "< 5" = "less
# than 5"; "below the median" = "< median"
_BOUNDS = [(re.compile(p), w) for p, w in (
    (r"\u2265|>=|=>|\bor\s+(?:older|more|above|over|greater)\b|\band\s+(?:older|over|above|more)\b|\bat\s+least\b|"
     r"\bno\s+(?:less|fewer)\s+than\b", "ge"),
    (r"\u2264|<=|=<|\bor\s+(?:younger|less|below|under|fewer)\b|\bat\s+most\b|\bno\s+more\s+than\b", "le"),
    (r"<|\b(?:less|fewer|younger)\s+than\b|\bunder\b|\bbelow\b", "lt"),
    (r">|\b(?:more|greater|older)\s+than\b|\bover\b|\babove\b", "gt"))]


def normalize_label(text) -> tuple:
    """A free-text label (timepoint, subgroup) as a sorted tuple of words: case, punctuation, plurals, number words,
    ordinals and filler words do not matter ("52 weeks" == "week 52", "at day 28" == "28 days", "eighth week" ==
    "week 8", "asthmatic subjects" == "asthmatics"); the moment before the intervention and the one after it are
    one label each however named ("Baseline" == "before therapy" == "Pre", "Post" == "after treatment")."""
    if is_missing(text):
        return ()
    said = re.sub(r"\s+", " ", str(text).strip().lower())
    if _BEFORE_WORDS.fullmatch(said):
        return ("before", "intervention")
    if _AFTER_WORDS.fullmatch(said):
        return ("after", "intervention")
    for pattern, word in _BOUNDS:
        said = pattern.sub(f" {word} ", said)
    words = re.findall(r"\d+(?:st|nd|rd|th)\b|[a-z]+|\d+(?:\.\d+)?", said)
    out = []
    for w in words:
        w = _label_word(w)
        if w:
            out.append(w)
    return tuple(sorted(out))


_ARM_FILLER = {"group", "arm", "the", "patients", "participants", "treatment", "therapy", "alone", "only", "once",
               "daily", "twice", "weekly", "monthly", "receiving", "treated", "who", "received", "those", "mg", "with"}


def _arm_words(text) -> tuple[frozenset, bool]:
    """Words of an arm description outside the lexicon: (content words, is a combination)."""
    if text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text)):
        return frozenset(), False
    s = re.sub(r"\([^()]*\)", " ", str(text).lower())
    combo = bool(re.search(r"\+|\bplus\b|\band\b|\bcombination\b|\bcombined\b", s))
    # a count below a threshold, however written: "not 6 or more X", "fewer than 6 X", "less than 6 X" are "under 6 X"
    s = re.sub(r"\bnot\s+(\d+)\s+or\s+more\b|\b(?:fewer|less)\s+than\s+(\d+)",
               lambda m: "under " + (m.group(1) or m.group(2)), s)
    # the absence of a factor, however written: "without X", "non-X", "not X", "lack of X" are all "no X"
    s = re.sub(r"\bwithout\b|\bnon-|\bnot\b|\b(?:lack|absence)\s+of\b", " no ", s)
    # (a plural is the same arm: "saline enemas" and "saline enema")
    words = frozenset(re.sub(r"(?<=[a-z]{3}[^su])s$", "", w) for w in re.findall(r"[a-z0-9]+(?:\.[0-9]+)?", s)
                      if w not in _ARM_FILLER | {"plus", "and", "combination", "combined"})
    return words, combo


def arm_matches(gold_arm, pred_arm, defined: dict[str, str] | None = None,
                written: dict[str, list[str]] | None = None, arms: tuple = ()) -> bool:
    """One arm named right: equal lexicon names when the lexicon knows the gold arm, else the gold arm's words
    (drug, dose, "no") all in the predicted arm and both or neither a combination.

    A row names a study-model arm by its key (arms.csv `canonical`: "vitamin d2", "capsaicin 8%"); `written` maps
    that key, in lower case, to the names the document gives the arm (arms.csv `name`: "100 000 IU vitamin D2",
    "capsaicin 8% patch", then the study model's other names for it: "group i", "CBT"), and the gold arm may be
    written either way (by one of the model's other names only when it matches no name of another arm).

    `arms` holds the names the gold set gives the document's arms: a shortened name ("aloe" for "Aloe vera",
    "premedication" for "premedication with diazepam and chlorphenamine") is the gold arm when its words are the
    gold arm's and those of no other arm of the document (an arm "no X" is never "X").

    Two spellings a careful reviewer reads as one arm count as one: two names of one kind of control
    ("usual care" and "standard care", by the study model's control vocabulary), and an abbreviation the document
    defines ("UFT/LV" after "uracil-tegafur and leucovorin (UFT/LV)", `defined` maps it, in lower case, to the
    words that define it) read as those words."""
    if _arm_matches(gold_arm, pred_arm):
        return True
    key = cell_text(pred_arm).strip().lower()
    spelled = [pred_arm, *(written or {}).get(key, ())]
    # the model's other names of the arm count only when the gold arm names no other arm of the document: a gold
    # arm matching one arm's code and another arm's name names neither through them
    if any(isinstance(name, ModelArmName) for name in spelled) and any(
            _arm_matches(gold_arm, name) for other, names in (written or {}).items() if other != key for name in names):
        spelled = [name for name in spelled if not isinstance(name, ModelArmName)]
    if any(_arm_matches(gold_arm, name) for name in spelled[1:]):
        return True
    if arms and any(_names_one_arm(gold_arm, name, arms) for name in spelled):
        return True
    if written and key in written and _bracketed_name_of(gold_arm, key, written):
        return True
    g_control, p_control = control_canonical(cell_text(gold_arm)), control_canonical(cell_text(pred_arm))
    if g_control and g_control == p_control and not _names_treatment(gold_arm) and not _names_treatment(pred_arm):
        return True
    long_form = (defined or {}).get(_abbreviation_key(pred_arm))
    return bool(long_form) and _arm_matches(gold_arm, long_form, combination_free=True)


def _bracketed_name_of(gold_arm, key: str, written: dict[str, list[str]]) -> bool:
    """A gold arm that writes the arm's code or short name in brackets ("group I (control)", "insulin (group B)",
    "previous-evening dose (PM)") names the arm `key` of `written` when the bracketed words name that arm (its key or
    one of its names) and no other arm of the document."""
    inner = re.findall(r"\(([^()]+)\)", cell_text(gold_arm))
    if len(inner) != 1 or not _arm_words(inner[0])[0]:
        return False

    def names(k):
        return [k, *written.get(k, ())]
    return any(_arm_matches(inner[0], n) for n in names(key)) \
        and not any(_arm_matches(inner[0], n) for other in written if other != key for n in names(other))


def _arm_matches(gold_arm, pred_arm, combination_free: bool = False) -> bool:
    g = canonical_arm(gold_arm)
    if g:
        return canonical_arm(pred_arm) == g
    gw, gcombo = _arm_words(gold_arm)
    pw, pcombo = _arm_words(pred_arm)
    if not gw:
        return False
    # a definition joins its parts in words ("uracil-tegafur and leucovorin") where the gold may write a slash
    same_kind = combination_free or gcombo == pcombo
    return gw <= pw and same_kind and (("no" in gw) == ("no" in pw))


def _names_one_arm(gold_arm, pred_arm, arms: tuple) -> bool:
    """The predicted name's words are some of the gold arm's and of no other arm of the document the lexicon does
    not know (with the same "no"), so they can name that arm alone."""
    if canonical_arm(gold_arm):
        return False
    pw, _ = _arm_words(pred_arm)
    if not pw or pw == {"no"}:
        return False
    negated = "no" in pw
    held = {words: combo for words, combo in (_arm_words(a) for a in arms if not canonical_arm(a))
            if pw <= words and ("no" in words) == negated}
    # the gold set may write one arm two ways ("hydromorphone" in a table's rows, "OROS hydromorphone" in the
    # abstract's): a name whose words are another's, short of a dose, a number or a partner, is that arm
    holders = {h for h in held if not any(h < other and not re.search(r"\d", " ".join(other - h))
                                          and not held[other] and "no" not in other - h for other in held)}
    return holders == {_arm_words(gold_arm)[0]}


def gold_arm_names(rows: list[dict]) -> tuple:
    """The distinct arm names (intervention and comparator) of one document's gold rows."""
    return tuple(dict.fromkeys(cell_text(r.get(k)) for r in rows for k in ("intervention", "comparator")
                               if cell_text(r.get(k)).strip()))


def _names_treatment(arm) -> bool:
    """Whether an arm name names something besides its control words ("placebo plus X" names X)."""
    words, _ = _arm_words(re.sub(_CONTROL_PHRASE, " ", cell_text(arm), flags=re.I))
    return bool(words - _CONTROL_FILLER)


_CONTROL_PHRASE = (r"\b(?:standard|usual|conventional|routine)\s+(?:of\s+)?(?:care|therapy|treatment|management)\b|"
                   r"\bstandard[- ]of[- ]care\b|\btreatment\s+as\s+usual\b|\bbest\s+supportive\s+care\b|"
                   r"\b(?:placebo|controls?|sham|vehicle|observation|untreated|no\s+(?:treatment|intervention|therapy))\b")
_CONTROL_FILLER = {"matching", "attention", "alone", "only", "group", "arm"}


def _abbreviation_key(arm) -> str:
    """An arm name as the abbreviation it may be: without "group"/"arm" and the article, in lower case."""
    text = re.sub(r"\([^()]*\)", " ", cell_text(arm))
    text = re.sub(r"(?i)^\s*(?:the\s+)?|\s+(?:group|arm)s?\s*$", "", text)
    return text.strip().lower()


# "uracil-tegafur and leucovorin (UFT/LV)", "goal-directed therapy (GDT; n = 62)": an abbreviation and what
# precedes its bracket
_DEFINITION = re.compile(r"(?P<long>(?:[A-Za-z][\w'+-]*[ /]){0,6}[A-Za-z][\w'+-]*)\s*\(\s*(?P<abbr>[A-Za-z][A-Za-z0-9/+-]{1,9})\s*[;,)]")
# "received nirmatrelvir plus ritonavir (nirmatrelvir group)": the short name the document gives an arm
_GROUP_NAME = re.compile(r"(?P<long>(?:[A-Za-z][\w'+-]*[ /]){0,6}[A-Za-z][\w'+-]*)\s*\(\s*(?:the\s+)?"
                         r"(?P<abbr>[A-Za-z][\w-]{2,30})\s+(?:group|arm)\s*[;,)]")


def defined_abbreviations(text: str) -> dict[str, str]:
    """{abbreviation in lower case: its definition} for each "words (ABBR)" of a document whose abbreviation has
    two capitals or more, and each arm's short name "words (short group)" ("nirmatrelvir plus ritonavir
    (nirmatrelvir group)"): the definition starts at the nearest word before the bracket that begins with the
    abbreviation's first letter ("uracil-tegafur and leucovorin" of "UFT/LV"). An abbreviation defined two
    different ways is left out."""
    found: dict[str, str] = {}
    clash: set[str] = set()
    definitions = [(m, True) for m in _DEFINITION.finditer(text or "")] + \
        [(m, False) for m in _GROUP_NAME.finditer(text or "")]
    for m, abbreviated in definitions:
        abbr = m.group("abbr")
        if abbreviated and sum(ch.isupper() for ch in abbr) < 2:
            continue
        words = re.split(r"[ /]", m.group("long"))
        first = abbr[0].lower()
        start = next((k for k in range(len(words) - 1, -1, -1) if words[k][:1].lower() == first), None)
        if start is None:
            continue
        long_form = " ".join(words[start:]).lower()
        key = abbr.lower()
        if key in found and found[key] != long_form:
            clash.add(key)
        found.setdefault(key, long_form)
    return {k: v for k, v in found.items() if k not in clash}


def _score_labels(gold: dict, pred: dict, labels: dict, defined: dict[str, str] | None = None,
                  written: dict[str, list[str]] | None = None, arms: tuple = ()) -> None:
    def tick(name, right, shown):
        labels[name]["checked"] += 1
        if right:
            labels[name]["right"] += 1
        else:
            labels[name]["wrong"].append({"doc": gold["doc"], "measure": gold["measure"], "value": gold["value"],
                                          "gold": shown[0], "predicted": shown[1]})

    # a label the gold set does not carry (the older sets have no role or adjusted key) is not scored
    for name in ("role", "adjusted"):
        if gold.get(name) is not None:
            tick(name, cell_text(pred.get(name)).lower() == gold[name], (gold[name], cell_text(pred.get(name))))
    for name in ("subgroup", "timepoint"):
        if name not in gold:
            continue
        g, p = normalize_label(gold.get(name)), normalize_label(pred.get(name))
        if g or p:
            tick(name, g == p, (gold.get(name), cell_text(pred.get(name))))
    if gold["measure"] in ARM_LEVEL_MEASURES:
        tick("arm", arm_matches(gold.get("intervention"), pred.get("intervention"), defined, written, arms),
             (gold.get("intervention"), cell_text(pred.get("intervention"))))
    elif gold.get("comparator") is not None:
        gi, gc = gold.get("intervention"), gold.get("comparator")
        if canonical_arm(gi) and canonical_arm(gi) == canonical_arm(gc):
            return      # two regimens of one lexicon drug named alike: no order to check
        right = arm_matches(gi, pred.get("intervention"), defined, written, arms) \
            and arm_matches(gc, pred.get("comparator"), defined, written, arms)
        tick("orientation", right, ([gi, gc], [cell_text(pred.get("intervention")), cell_text(pred.get("comparator"))]))


class ModelArmName(str):
    """A name the study model knows for an arm besides the one its arms table writes (an alias, a code "group i", an
    abbreviation): it names the arm only when the gold arm matches no name of another arm (`arm_matches`)."""


def written_arm_names(arms: pd.DataFrame, studies: dict | None = None) -> dict[str, list[str]]:
    """{arm key in lower case: the arm's names} of one document: the names its arms table writes (`name`), then the
    other names its study model (`studies`, {doc_id: Study}, `Extraction.studies`) knows for the arm - aliases,
    codes ("group i"), abbreviations - that no other arm of the document carries (a name two arms hold names
    neither). The arms table holds only `name` and `canonical`; the other names live on the study model's arms."""
    out: dict[str, list[str]] = {}
    for key, name in zip(arms.get("canonical", ()), arms.get("name", ())):
        key, name = cell_text(key).strip().lower(), cell_text(name).strip()
        if key and name and name not in out.setdefault(key, []):
            out[key].append(name)
    for study in (studies or {}).values():
        model_arms = list(getattr(study, "arms", None) or ())
        names_of = [{n.strip().lower() for n in (a.name, a.canonical, *a.aliases)
                     # ("dose:low dose" is the model's marker of a dose level, not a name)
                     if str(n).strip() and ":" not in str(n)} for a in model_arms]
        for arm, names in zip(model_arms, names_of):
            key = arm.canonical.strip().lower()
            held = {n.lower() for n in out.setdefault(key, [])} | {key}
            for name in sorted(names - held):
                if not any(name in others for others in names_of if others is not names):
                    out[key].append(ModelArmName(name))
    return out


def _score_arms(gold: dict, pred: dict, arms: dict) -> None:
    gi, gc = canonical_arm(gold.get("intervention")), canonical_arm(gold.get("comparator"))
    # a comparison of patient factors (antibody status, titre, dose level within one drug) has no
    # treatment arms to get right or wrong
    if (not gi and not gc) or gi == gc:
        arms["skipped"] += 1
        return
    pi, pc = canonical_arm(pred.get("intervention")), canonical_arm(pred.get("comparator"))
    arms["checked"] += 1
    # a gold comparator naming no treatment ("1 mg/day lower dose") leaves only the intervention to check
    if (pi, pc) == (gi, gc) or (not gc and pi == gi):
        arms["right"] += 1
    else:
        arms["wrong"].append({"doc": gold["doc"], "measure": gold["measure"], "value": gold["value"],
                              "gold": [gi, gc], "predicted": [pi, pc]})


def evaluate_set(gold_path: Path, raw_dir: Path) -> dict:
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    # as the pipeline reads them: with their sections and table grids
    documents, texts, structures = ingest_with_structures([raw_dir])
    predictions, crashed = [], []
    arm_names: dict[str, dict[str, list[str]]] = {}
    arm_sizes: dict[str, dict[str, float | None]] = {}
    abbreviations = {Path(str(source)).name: defined_abbreviations(texts.get(doc_id, ""))
                     for doc_id, source in zip(documents["doc_id"], documents["source_file"])}
    # one document at a time: a document whose extraction raises yields no rows (its gold records are misses)
    # and is listed, instead of ending the whole evaluation; a step that failed inside it (extract_error) too
    for i in range(len(documents)):
        one = documents.iloc[[i]]
        try:
            extraction = extract_study_tables(one, texts, structures)
        except Exception as exc:  # noqa: BLE001 - any failure of the extractor is a finding to report
            crashed.append(f"{one['source_file'].iloc[0]}: {type(exc).__name__}")
            continue
        crashed += [f"{source}: {error}" for source, error in
                    zip(extraction.documents["source_file"], extraction.documents["extract_error"]) if error]
        arm_names[Path(str(one["source_file"].iloc[0])).name] = written_arm_names(extraction.arms,
                                                                                     extraction.studies)
        arm_sizes[Path(str(one["source_file"].iloc[0])).name] = model_arm_sizes(extraction.arms)
        estimates = extraction.estimates
        predictions += estimates.astype(object).where(estimates.notna(), None).to_dict("records")
    docs = {g["doc"] for g in gold} | {f.name for f in raw_dir.iterdir() if f.is_file()}
    result = score(gold, predictions, docs, abbreviations, arm_names, arm_sizes)
    with_tables = {Path(str(source)).name for source, n in zip(documents["source_file"], documents["n_tables"])
                   if _table_count(n) > 0}
    result["parts"] = score_parts(gold, predictions, docs, with_tables, abbreviations, arm_names, arm_sizes)
    gold_docs = {g["doc"] for g in gold}
    result["rows_in_documents_without_gold"] = sum(
        1 for p in predictions if Path(str(p.get("source_file") or "")).name not in gold_docs)
    result["crashed"] = sorted(crashed)
    return result


def _table_count(n) -> int:
    try:
        return int(n)
    except (TypeError, ValueError):
        return 0


def score_parts(gold: list[dict], predictions: list[dict], docs: set[str], with_tables: set[str],
                abbreviations: dict | None = None, arm_names: dict | None = None,
                arm_sizes: dict | None = None) -> dict[str, dict]:
    """The same scores on two parts of a set: full reports (documents with at least one table grid: issue #13's
    arm-level goals are stated for them) and the other documents (abstracts, news, records)."""
    parts = {}
    for name, part in (("full reports", docs & with_tables), ("other documents", docs - with_tables)):
        part_gold = [g for g in gold if g["doc"] in part]
        part_predictions = [p for p in predictions if Path(str(p.get("source_file") or "")).name in part]
        parts[name] = dict(score(part_gold, part_predictions, part, abbreviations, arm_names, arm_sizes),
                           documents=len(part), gold_labels=len(part_gold))
    return parts


def shared_sets(shared: Path | None = None) -> dict[str, tuple[Path, Path]]:
    shared = shared or repo_root().parent / "shared"
    sets = {}
    for name, folder in (("seeds", "seeds"), ("dev_corpus", "dev_corpus")):
        gold, raw = shared / folder / "gold.jsonl", shared / folder / "raw"
        if gold.exists() and raw.is_dir():
            sets[name] = (gold, raw)
    return sets


HELDOUT_FOLDERS = {"heldout": "extract_heldout", "heldout2": "extract_heldout2",
                   "heldout3": "extract_heldout3", "heldout4": "extract_heldout4",
                   "heldout5": "extract_heldout5", "heldout6": "extract_heldout6",
                   "heldout7": "extract_heldout7", "heldout8": "extract_heldout8",
                   "heldout9": "extract_heldout9",
                   "heldout10": "extract_heldout10", "heldout11": "extract_heldout11",
                   "heldout12": "extract_heldout12", "heldout13": "extract_heldout13",
                   "heldout14": "extract_heldout14", "heldout15": "extract_heldout15",
                   "heldout16": "extract_heldout16", "heldout17": "extract_heldout17",
                   "heldout18": "extract_heldout18",
                   "heldout19": "extract_heldout19", "heldout20": "extract_heldout20",
                   "heldout21": "extract_heldout21", "heldout22": "extract_heldout22",
                   "heldout23": "extract_heldout23", "heldout24": "extract_heldout24",
                   "heldout25": "extract_heldout25", "heldout26": "extract_heldout26",
                   "heldout27": "extract_heldout27",
                   "heldout28": "extract_heldout28",
                   "heldout29": "extract_heldout29",
                   "heldout30": "extract_heldout30",
                   "heldout31": "extract_heldout31",
                   "heldout32": "extract_heldout32",
                   "heldout33": "extract_heldout33",
                   "heldout34": "extract_heldout34",
                   "heldout35": "extract_heldout35",
                   "heldout36": "extract_heldout36",
                   "heldout37": "extract_heldout37",
                   "heldout38": "extract_heldout38",
                   "heldout39": "extract_heldout39",
                   "heldout40": "extract_heldout40",
                   "heldout41": "extract_heldout41",
                   "heldout42": "extract_heldout42",
                   "heldout43": "extract_heldout43",
                   "heldout44": "extract_heldout44",
                   "heldout45": "extract_heldout45",
                   "heldout46": "extract_heldout46",
                   "heldout47": "extract_heldout47",
                   "heldout48": "extract_heldout48",
                   "heldout49": "extract_heldout49",
                   "heldout50": "extract_heldout50",
                   "heldout51": "extract_heldout51",
                   "heldout52": "extract_heldout52",
                   "heldout53": "extract_heldout53", "heldout54": "extract_heldout54",
                   "heldout55": "extract_heldout55", "heldout56": "extract_heldout56",
                   "heldout57": "extract_heldout57", "heldout58": "extract_heldout58",
                   "heldout59": "extract_heldout59"}


# The roles of the held-out batches THIS session; the one place that decides them (a new session changes them here,
# and the diagnostics that read sets row by row - table_diagnose, study_diagnostic, label_causes - follow):
# - validation batches are scored by their figures alone (`evaluate`, never `--verbose`), to tell whether a change
#   generalizes;
# - test batches are blind: being written by their labellers, no one reads them until the session's end;
# - every other set (seeds, dev_corpus, the other held-out batches) is a tuning set, read freely.
# (session 11 wrote batches 18 and 19 as its test batches and scored them blind at its start and end; from its end
# they are validation batches beside 14 and 15, no helper having read them; a session writing new test batches lists
# them in TEST_SETS while it writes them)
# (session 12 wrote batches 20 to 23 as its test batches and scored them blind at its start and end; from its end
# they are validation batches too, no helper having read them)
# (session 13 wrote batches 24 to 26 as its test batches and scored them blind at its start and end; from its end
# they are validation batches too, no helper having read them)
# (session 14 wrote batches 27 to 29 as its test batches and scored them blind at its start and end; from its end
# they are validation batches too, no helper having read them)
# (session 15 wrote batches 30 to 32 as its test batches and scored them blind at its start and end; session 16 makes
# them tuning batches: their blind error classes were counted and named, and helpers now read their rows to build
# mechanisms for those classes, while validation 14, 15 and 18-29 and session 16's new test batches judge)
# (session 16 wrote batches 33 to 35 as its test batches and scored them blind at its start and end; session 17 makes
# them tuning batches as 30-32 were in session 16, so helpers read the shapes their counted classes name)
VALIDATION_SETS = frozenset({"heldout14", "heldout15", "heldout18", "heldout19",
                             "heldout20", "heldout21", "heldout22", "heldout23",
                             "heldout24", "heldout25", "heldout26", "heldout27",
                             "heldout28", "heldout29", "heldout52", "heldout53",
                             "heldout58", "heldout59"})
# (session 17 wrote batches 36 to 38 as its test batches and scored them blind at its start and end; session 18 makes
# them tuning batches as 33-35 were in session 17, so helpers read the shapes their counted classes name)
# (session 18 wrote batches 39 to 41 as its test batches and scored them blind at its start and end; session 19 makes
# them tuning batches as 36-38 were in session 18, so helpers read the shapes their counted classes name)
# (session 19 wrote batches 42 to 44 as its test batches and scored them blind at its start and end; session 20 makes
# them tuning batches as 39-41 were in session 19, so helpers read the shapes their counted classes name)
# (session 20 wrote batches 45 to 47 as its test batches and scored them blind at its start and end; session 21 makes
# them tuning batches as 42-44 were in session 20, so helpers read the shapes their counted classes name)
# (session 21 wrote batches 48 and 49 as its test batches and scored them blind at its start and end; session 22 makes
# them tuning batches as 45-47 were in session 21, so helpers read the shapes their counted classes name)
# (session 22 wrote batches 50 and 51 as its test batches and scored them blind at their writing and at its end; session
# 23 makes them tuning batches as 48 and 49 were in session 22, so helpers read the shapes their counted classes name)
# (session 23 wrote batches 52 and 53 as its test batches and scored them blind at their writing and at its end; from
# its end they are validation batches too, no helper having read them)
# (session 24 wrote batches 54 and 55 as its test batches and scored them blind at their writing and at its end; its
# helpers built stage-level mechanisms from the pooled error classes of the tuning batches 30-51, judged on validation
# 14, 15, 18-29, 52 and 53; from its end 54 and 55 are validation batches too, no helper having read them)
# (session 25 makes 54 and 55 tuning batches as 30-51 were before them: their blind error classes were counted at
# their writing and the largest are whole table shapes, so helpers read their rows to build mechanisms for them, while
# validation 14, 15, 18-29, 52 and 53 and session 25's new test batches 56 and 57, written blind while its helpers
# work, judge)
# (session 25 wrote batches 56 and 57 as its test batches and scored them blind at their writing and at its end; from
# its end they are validation batches too, no helper having read them)
# (session 26 makes 56 and 57 tuning batches as 54 and 55 were in session 25: their blind error classes were counted
# at their writing, so helpers read their rows to build mechanisms for them, while validation 14, 15, 18-29, 52 and 53
# and session 26's new test batches 58 and 59, written blind while its helpers work, judge)
# (session 26 wrote batches 58 and 59 as its test batches and scored them blind at their writing and at its end; from
# its end they are validation batches too, no helper having read them)
TEST_SETS: frozenset[str] = frozenset()
#: the batches no diagnostic may read row by row
BLIND_SETS = VALIDATION_SETS | TEST_SETS


def heldout_set() -> dict[str, tuple[Path, Path]]:
    """The project's own held-out sets (tests/fixtures/extract_heldout*), each written blind after the earlier
    sets were fitted."""
    sets = {}
    for name, folder_name in HELDOUT_FOLDERS.items():
        folder = repo_root() / "tests" / "fixtures" / folder_name
        gold, raw = folder / "gold.jsonl", folder / "raw"
        if gold.exists() and raw.is_dir():
            sets[name] = (gold, raw)
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None, help="folder holding seeds/ and dev_corpus/ (default ../shared)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--verbose", action="store_true", help="list the arms, labels and arm-level outcomes judged wrong or missed")
    parser.add_argument("--parts", action="store_true",
                        help="also score full reports (documents with tables) and the other documents apart")
    parser.add_argument("--set", dest="only", action="append", default=None, metavar="NAME",
                        help="score only this set (repeatable): seeds, dev_corpus, heldout, heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14, heldout15, heldout16, heldout17, heldout18, heldout19, heldout20, heldout21, heldout22, heldout23, heldout24, heldout25, heldout26, heldout27, heldout28, heldout29, heldout30, heldout31, heldout32, heldout33, heldout34, heldout35, heldout36, heldout37, heldout38, heldout39, heldout40, heldout41, heldout42, heldout43, heldout44, heldout45, heldout46, heldout47, heldout48, heldout49, heldout50, heldout51, heldout52, heldout53, heldout54, heldout55, heldout56, heldout57, heldout58, heldout59")
    args = parser.parse_args(argv)
    sets = shared_sets(args.shared)
    if not sets:
        print("no shared gold sets found (looked for ../shared/seeds and ../shared/dev_corpus)", file=sys.stderr)
        return 2
    sets.update(heldout_set())
    if args.only:
        unknown = sorted(set(args.only) - set(sets))
        if unknown:
            print(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(sets)}", file=sys.stderr)
            return 2
        sets = {name: paths for name, paths in sets.items() if name in args.only}
    results = {name: evaluate_set(*paths) for name, paths in sets.items()}
    if args.json:
        print(json.dumps(results, indent=2, sort_keys=True))
        return 0
    for name, r in results.items():
        print(f"== {name}")
        for line in report_lines(r, verbose=args.verbose):
            print(line)
        if args.parts:
            for part, scores in r["parts"].items():
                print(f"  -- {part}: {scores['documents']} documents, {scores['gold_labels']} labels")
                for line in report_lines(dict(scores, rows_in_documents_without_gold=0)):
                    if not line.lstrip().startswith("rows in documents without gold"):
                        print("  " + line)
    return 0


def report_lines(r: dict, verbose: bool = False) -> list[str]:
    """The text lines `make evaluate` prints for one set's result."""
    lines = []
    for k in ("effects", "proportions", "means", "medians"):
        t = r[k]
        lines.append(f"  {k:<12} precision {t['precision']:.3f}  recall {t['recall']:.3f}  F1 {t['f1']:.3f}"
                     f"  (tp {t['tp']}, fp {t['fp']}, fn {t['fn']})")
    a = r["arms"]
    lines.append(f"  arms/orientation right {a['right']}/{a['checked']} = {a['accuracy']:.3f}"
                 f"  ({a['skipped']} factor comparisons without treatment arms not scored)")
    rec = r["recovery"]
    lines.append("  arm-level recovery: " + "; ".join(
        f"{k} outcomes with every arm's {'events/total' if k == 'binary' else 'mean and SD'} "
        f"{rec[k]['recovered']}/{rec[k]['outcomes']} = {rec[k]['share']:.3f}" for k in ("binary", "continuous")))
    model = r.get("study_arms")
    if model:
        lines.append(f"  study model: arms of the labels found {model['found']}/{model['arms']} = "
                     f"{model['found_share']:.3f}, with a size the labels give the arm {model['sized']}/{model['arms']}"
                     f" = {model['sized_share']:.3f}")
    lab = r["labels"]
    lines.append("  labels on matched estimates: " + ", ".join(
        f"{k} {lab[k]['right']}/{lab[k]['checked']} = {lab[k]['accuracy']:.3f}" for k in LABELS))
    lines.append(f"  rows in documents without gold records: {r['rows_in_documents_without_gold']}")
    if r.get("crashed"):
        lines.append(f"  documents whose extraction raised (scored as extracting nothing): {len(r['crashed'])}: "
                     + ", ".join(r["crashed"]))
    if verbose:
        for w in a["wrong"]:
            lines.append(f"    WRONG ARMS {w['doc']} {w['measure']} {w['value']}: gold {w['gold']} predicted {w['predicted']}")
        for m in (model or {}).get("missed", ()):
            lines.append(f"    ARM NOT IN THE STUDY MODEL {m}")
        for k in ("binary", "continuous"):
            for m in rec[k]["missed"]:
                lines.append(f"    NOT RECOVERED ({k}) {m}")
        for k in LABELS:
            for w in lab[k]["wrong"]:
                lines.append(f"    WRONG {k.upper()} {w['doc']} {w['measure']} {w['value']}: gold {w['gold']!r} predicted {w['predicted']!r}")
    return lines


if __name__ == "__main__":
    sys.exit(main())
