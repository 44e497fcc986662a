"""Events and totals per arm behind a comparative estimate, when the same document states them.

A trial report often gives each arm's counts ("4 of 123 vaccinated ... 11 of 139 controls") next to the effect
("relative risk 0.41"). The extractor keeps the counts as single-arm PROPORTION rows; this module pairs them
with the comparative estimate of the same document and outcome, arm by arm, so the forest plot can show
events/total per arm, GRADE can count events for the optimal information size, and the Summary of Findings can
take the assumed (comparator) risk from the comparator arms.

A pair is used only when it is unambiguous: exactly one distinct count for the arm in that document and outcome.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..tables import records as row_records


@dataclass(frozen=True)
class ArmCounts:
    events_intervention: float
    total_intervention: float
    events_comparator: float
    total_comparator: float

    @property
    def events(self) -> float:
        return self.events_intervention + self.events_comparator

    @property
    def participants(self) -> float:
        return self.total_intervention + self.total_comparator

    @property
    def comparator_risk(self) -> float:
        return self.events_comparator / self.total_comparator


def _finite(x) -> bool:
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def _single_arm_counts(members: pd.DataFrame) -> dict[tuple[str, str, str], tuple[float, float] | None]:
    """(doc_id, outcome, arm) -> (events, total); None when the document gives several different counts."""
    found: dict[tuple[str, str, str], tuple[float, float] | None] = {}
    rows = members[(members["measure"] == "PROPORTION")]
    for rec in row_records(rows):
        events, total = rec.get("events"), rec.get("total")
        if not (_finite(events) and _finite(total)) or not 0 <= float(events) <= float(total) or float(total) <= 0:
            continue
        if str(rec.get("decision", "")) == "rejected":
            continue
        key = (str(rec["doc_id"]), str(rec["outcome"]), str(rec["arm_intervention"]).lower())
        counts = (float(events), float(total))
        if key in found and found[key] != counts:
            found[key] = None
        else:
            found.setdefault(key, counts)
    return found


def arm_counts(members: pd.DataFrame) -> dict[str, ArmCounts]:
    """estimate_id -> ArmCounts for the comparative estimates whose two arms' counts are stated."""
    if members.empty:
        return {}
    singles = _single_arm_counts(members)
    out = {}
    comparative = members[(members["measure"] != "PROPORTION") & (members["comparator"].astype(str) != "")]
    for rec in row_records(comparative):
        arm_i, arm_c = str(rec["arm_intervention"]).lower(), str(rec["arm_comparator"]).lower()
        if bool(rec.get("flipped")):
            arm_i, arm_c = arm_c, arm_i
        doc, outcome = str(rec["doc_id"]), str(rec["outcome"])
        a, c = singles.get((doc, outcome, arm_i)), singles.get((doc, outcome, arm_c))
        if a and c:
            out[str(rec["estimate_id"])] = ArmCounts(a[0], a[1], c[0], c[1])
    return out
