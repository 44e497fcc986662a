"""Which counts a table reader read are shares of an outcome, and which only restate the arm's size.

A categorical characteristic is often closed by a row that adds its categories up: "Total | 35 (100.0 %) | 35
(100.0 %)" under "Diagnosis at ICU admission". Read cell by cell it is a count of the arm over the arm (35 of 35),
but it counts no event: it is the arm's size printed again. The row is known by its label (only "Total", "All",
"Overall", alone or after its characteristic: "Diagnosis: Total") and by its count being its whole denominator;
a count below the denominator under such a label ("Total | 30 (85.7 %)": patients with any of the categories) stays.
"""
from __future__ import annotations

import re

# the label of a row adding up the rows above it, alone or after its characteristic's heading ("Diagnosis: Total")
_TOTAL_ROW = re.compile(r"(?:^|[:;,]\s*)(?:total|all|overall|sum)\s*:?\s*$", re.I)


def restates_the_size(row: dict) -> bool:
    """Whether an arm-level PROPORTION row is a "Total" row's count of the whole arm (events equal to total)."""
    if row.get("measure") != "PROPORTION" or not _TOTAL_ROW.search(str(row.get("outcome") or "").strip()):
        return False
    events, total = row.get("events"), row.get("total")
    return events is not None and total is not None and int(events) == int(total) and int(total) > 0


def without_size_restatements(rows: list[dict]) -> list[dict]:
    """The rows of a table but the "Total" rows that only print each arm's size again (`restates_the_size`)."""
    return [row for row in rows if not restates_the_size(row)]
