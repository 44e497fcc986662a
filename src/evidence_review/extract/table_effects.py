"""Comparative columns of a table whose arms the study model does not name.

"| Variable | Drug A | Drug B | Mean difference | 95% CI | P |": each row prints the two arms' figures and then
their difference with its interval. When the arm headers resolve to the study's arms the table reader reads the
difference as theirs; when they do not ("US aspiration | I&D" in a report whose methods name the arms otherwise),
the two figure columns left of the difference column are still the arms it compares, in the order printed, when the
printed difference is, row by row, the first column's figure minus the second's: the arithmetic proves the columns
are what the difference compares (a table of factors, "Variable | Cases | Controls | OR", prints no such
difference).

One job: find those two columns. The table reader (`table_reader._read_effect_column_rows`) makes them arms."""
from __future__ import annotations

import re

# the leading figure of a cell: "27.5", "-2.46", "12 (30.0)" (12), "45.1 ± 3.2" (45.1)
_LEADING_FIGURE = re.compile(r"\s*(?P<v>[-\u2212\u2013]?\s?\d+(?:[.,\u00b7]\d+)?)(?![\d/:])")


def leading_figure(cell: str) -> float | None:
    m = _LEADING_FIGURE.match(cell or "")
    if m is None:
        return None
    return float(re.sub(r"\s", "", m.group("v")).replace("\u2212", "-").replace("\u2013", "-")
                 .replace(",", ".").replace("\u00b7", "."))


def _is_their_difference(difference: float, first: float, second: float) -> bool:
    """Whether a printed difference is first − second as the figures are rounded (a difference computed from the
    unrounded means, or a model's, differs from the printed means' difference by a little)."""
    return abs(difference - (first - second)) <= max(0.06, 0.03 * max(abs(first), abs(second)))


def compared_figure_columns(effect_column: int, headers: dict[int, str], body: list[dict[int, str]],
                            taken: set[int]) -> tuple[int, int] | None:
    """(first, second): the two columns, left of the difference column `effect_column`, whose headers name
    something (an arm, as the table prints it) and whose body cells print figures, when there are exactly two such
    columns left of it and the difference printed is their difference (first − second) in at least two rows and in
    two thirds of the rows printing all three figures. `headers`: each column's own header text (columns that
    cannot be arms already left out); `body`: each body row's cell texts by column; `taken`: the columns already
    read as something else (interval, p-value, effect, label columns). None otherwise: three arm columns, or one,
    say nothing of which two the difference compares."""
    candidates = [c for c in sorted(headers) if 0 < c < effect_column and c not in taken and headers[c].strip()
                  and sum(1 for row in body if leading_figure(row.get(c, "")) is not None) >= 2]
    if len(candidates) != 2:
        return None
    first, second = candidates
    triples = [(leading_figure(row.get(effect_column, "")), leading_figure(row.get(first, "")),
                leading_figure(row.get(second, ""))) for row in body]
    triples = [t for t in triples if None not in t]
    agreeing = sum(1 for d, a, b in triples if _is_their_difference(d, a, b))
    return (first, second) if agreeing >= 2 and 3 * agreeing >= 2 * len(triples) else None
