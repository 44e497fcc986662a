"""Table rows that only make sense with the row above: a figure's spread or interval printed on the line below it.

A grid cell holds what one line of the typeset table held. Where the table breaks a figure over two lines, the grid
has two rows: the figure in the row with the label, its bracket in a row with no label of its own:

    | Vomiting, n (%)       | 8      | 15     | 0.38        |        | Age, years | 45.2   | 47.0   |
    |                       | (20.0) | (39.5) | (0.14-1.04) |        |            | (10.1) | (9.8)  |

The same fact is printed in one cell elsewhere ("8 (20.0)", "0.38 (0.14-1.04)", "45.2 (10.1)"), so the reader reads
the two lines as that one cell: `with_continuation_rows` joins each bracket to the bare figure above it, in every
column (an arm's count and share, a mean and its SD, an effect and its interval, a median and its quartiles), and
drops the continuation row. Which statistic the joined cell holds stays the row's, column's or table's format to
decide, as for any cell.

A row joins the one above only when its label cell is empty (or repeats the label above), each of its filled cells
is one bracket holding a number ("(20.0)", "[0.61, 1.10]", "(95% CI 0.6-1.1)", "(SD 4.1)"), and the row above
holds a bare figure, with no bracket, in each of those columns. A row of shares with its own label ("(%) | (52.9)")
is a row of its own.
"""
from __future__ import annotations

import re

# one bracket holding a number and nothing outside it: "(20.0)", "[0.61, 1.10]", "(95% CI 0.6-1.1)", "(SD 4.1)"
_BRACKET_ONLY = re.compile(r"\s*[(\[][^()\[\]]*\d[^()\[\]]*[)\]]\s*[*\u2020\u2021\u00a7#]*\s*")
# a bare figure, with at most a percent sign or a footnote mark: "8", "45.2", "-0.4", "12.5%", "0.38*", "12a"
_BARE_FIGURE = re.compile(r"\s*[-+\u2212]?\d+(?:[.,]\d+)?\s*%?\s*(?:[*\u2020\u2021\u00a7#]+|[a-d])?\s*")


def _text(cell: dict | None) -> str:
    return str(cell.get("text") or "").strip() if cell is not None else ""


def _continues(upper: dict[int, dict], lower: dict[int, dict]) -> bool:
    """Whether `lower` holds only the brackets of `upper`'s bare figures (see the module's description)."""
    lower_label, upper_label = _text(lower.get(0)), _text(upper.get(0))
    if not upper_label or lower_label and lower_label != upper_label:
        return False
    filled = [c for c, cell in lower.items() if c > 0 and _text(cell)]
    if not filled:
        return False
    return all(_BRACKET_ONLY.fullmatch(_text(lower[c])) and _BARE_FIGURE.fullmatch(_text(upper.get(c)))
               for c in filled)


def with_continuation_rows(table: dict) -> dict:
    """The grid with each continuation row's brackets joined to the figures above them (the joined cell spans both
    lines: its start the figure's, its end the bracket's) and the continuation row dropped, the rows under it
    renumbered so the body stays contiguous. A table without such a row is returned as it is."""
    cells = table.get("cells") if isinstance(table, dict) else None
    if not cells or not any("(" in str(c.get("text") or "") or "[" in str(c.get("text") or "") for c in cells):
        return table
    by_row: dict[int, dict[int, dict]] = {}
    for c in cells:
        by_row.setdefault(int(c.get("row", 0)), {})[int(c.get("col", 0))] = c
    header = {r for r, row in by_row.items() if any(c.get("header") for c in row.values())}
    ordered = sorted(by_row)
    joined: dict[int, dict[int, dict]] = {}       # upper row -> its joined cells
    dropped: set[int] = set()
    for upper_row, lower_row in zip(ordered, ordered[1:]):
        if upper_row in header or lower_row in header or upper_row in dropped:
            continue
        upper, lower = by_row[upper_row], by_row[lower_row]
        if not _continues(upper, lower):
            continue
        joined[upper_row] = {}
        for c, cell in lower.items():
            if c == 0 or not _text(cell):
                continue
            above = upper[c]
            end = cell.get("end") if isinstance(cell.get("end"), int) else above.get("end")
            joined[upper_row][c] = dict(above, text=f"{_text(above)} {_text(cell)}", end=end)
        dropped.add(lower_row)
    if not dropped:
        return table
    shift = {r: sum(1 for d in dropped if d < r) for r in ordered}
    out = []
    for c in cells:
        r = int(c.get("row", 0))
        if r in dropped:
            continue
        c = joined.get(r, {}).get(int(c.get("col", 0)), c)
        out.append(dict(c, row=r - shift[r]) if shift[r] else c)
    return dict(table, cells=out)


# ------------------------------------------------------------------------------------------ what a row label is
# "Yes" / "No" rows under a heading ("Diabetes" over "Yes | 5 | 7" and "No | 35 | 31"): the two answers are categories
# of the heading. A bare "No" is also how a table may label its row of arm sizes ("No | 40 | 38", the number), so a
# "No" row is an answer only beside a "Yes" row (above or below it, in either order).
_NO = re.compile(r"\s*no\s*:?\s*", re.I)
_YES = re.compile(r"\s*yes\s*[:.]?\s*", re.I)
# "Total", "Total, n", "Total (n)", "All patients", "Overall": as the table's first row, each arm's number of patients
# (at the foot of a list of categories the same word is their sum, and stays a row)
_WHOLE = re.compile(r"\s*(?:total|overall|all(?:\s+(?:patients|participants|subjects|cases))?)\s*(?:[,:]?\s*\(?\s*n\s*\)?)?"
                    r"\s*:?\s*", re.I)


def row_role(label: str, above: str, below: str, *, first: bool = False) -> str:
    """What a row label makes of its row beyond its words: "answer" (the "No" of a yes/no block, never a row of arm
    sizes), "sizes" (a "Total" or "All patients" row opening the table: the arms' numbers of patients when its cells
    are whole numbers), else "". `above` and `below` are the labels of the rows around it, `first` whether it is the
    table's first body row."""
    label = label or ""
    if _NO.fullmatch(label) and (_YES.fullmatch(above or "") or _YES.fullmatch(below or "")):
        return "answer"
    if first and _WHOLE.fullmatch(label):
        return "sizes"
    return ""
