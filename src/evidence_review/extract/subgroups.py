"""Which part of the population a table's figure belongs to: the subgroup a column block names.

A table splits its population by columns as often as by arms: "6 to 12 years old | 3 to 5 years old | Less than 3
months" over the counts, "Normals | Asthmatics" spanning "Placebo | Adenosine", "Men | Women", "ITT | Per-protocol",
"Responders | Non-responders", "Patients with diabetes | Patients without diabetes", "Age < 65 | Age >= 65". A figure
under such a column belongs to that part of the population, not to the whole trial; the whole trial has no subgroup.

`population_label` decides whether one header cell names part of the population (and how the label is written: an age
band reads "age 6 to 12 years old", anything else as printed, in lower case). `with_column_subgroups` is the one pass
that gives the rows a table reader read the subgroup of their column: a header row whose cells over the data columns
name two or more parts of the population, none of them an arm of the study model, is a level of subgroups; each row
whose value sits in one of those columns takes the part above it (a subgroup a reader already set stays).

Rows are tied to their cells by the text: a table reader's row carries the span of its table line (or of the whole
table) and the printed value (`value_text`); the cells of the grid carry their own spans. Rows of one span are matched
to the cells that print their value, left to right and top to bottom, each cell once.
"""
from __future__ import annotations

import re

from ..tables import is_blank

# an age band: "6 to 12 years old", "3 months to 2 years old", "Less than 3 months", "Age < 65", ">= 65 years",
# "18-64 y", "Aged 65 or older", "Older than 70 years", "65 years and over"
_AGE_UNIT = r"(?:years?|yrs?|y|months?|mos?|weeks?|wks?|days?)"
_NUMBER = r"\d+(?:\.\d+)?"
_BOUND = (r"(?:[<>\u2264\u2265]=?|=<|>=|less\s+than|more\s+than|greater\s+than|under|over|below|above|older\s+than|"
          r"younger\s+than|up\s+to|at\s+least)")
_AGE_BAND = re.compile(
    r"(?i)\s*(?P<aged>(?:age[ds]?|aged)\s*(?:\(\s*" + _AGE_UNIT + r"\s*\))?\s*[:,]?\s*)?(?:"
    # "6 to 12 years old", "3 months to 2 years", "18-64 y", "18–64"
    r"" + _NUMBER + r"\s*(?:" + _AGE_UNIT + r"\s*)?(?:to|[-\u2010-\u2015\u2212])\s*" + _NUMBER + r"\s*(?:" + _AGE_UNIT + r")?"
    # "< 65", "Less than 3 months", ">= 65 years"
    r"|" + _BOUND + r"\s*" + _NUMBER + r"\s*(?:" + _AGE_UNIT + r")?"
    # "65 years and over", "65 or older", "75+"
    r"|" + _NUMBER + r"\s*(?:" + _AGE_UNIT + r"\s*)?(?:(?:and|or)\s+(?:over|older|above|more|younger|under|less)|\+)"
    r")\s*(?:" + _AGE_UNIT + r"\s*)?(?:of\s+age|old)?\s*")
# a band of numbers is an age only where the header says so: in the cell, its siblings or the cells above it
# ("0-3 months | 3-6 months" of follow-up or of a disease's duration are no age bands)
_AGE_WORD = re.compile(r"(?i)\b(?:age[ds]?|old|older|younger)\b")

# a part of the population named by a word: sex, life stage, a trait or condition said as a group of people
_POPULATION_WORD = re.compile(
    r"(?i)\s*(?:(?:all\s+)?(?:men|women|males?|females?|boys|girls|children|adults|adolescents|infants|neonates|"
    r"elderly|older\s+(?:adults|patients)|younger\s+(?:adults|patients)|"
    # "Normals", "Asthmatics", "Diabetics", "Smokers", "Non-smokers", "Responders", "Completers", "Hypertensives"
    # (and any people named by a plural of "-ic", "-er", "-or": "Epileptics", "Snorers", "Donors", "Non-carriers";
    # the words of a table's make-up that end so are listed apart, _NOT_PEOPLE)
    r"(?:non[- ]?)?(?:normals|hypertensives|withdrawals|[a-z]{3,}(?:ics|ers|ors))|"
    # "Healthy volunteers", "Hypertensive patients", "Obese children", "Pregnant women", "Non-diabetic subjects"
    r"(?:healthy|normal|lean|obese|non[- ]?\w+|[a-z]+(?:ic|al|ive|ous|ant|ent|ese))\s+(?:subjects|volunteers|"
    r"individuals|participants|patients|children|adults|women|men|infants|controls)|"
    # analysis populations: "ITT", "Intention-to-treat", "Per-protocol", "PP", "mITT", "Completers", "All individuals"
    r"m?ITT|PP|intent(?:ion)?[- ]to[- ]treat(?:\s+(?:population|analysis|set))?|per[- ]protocol(?:\s+(?:population|"
    r"analysis|set))?|full\s+analysis\s+set|safety\s+(?:population|set)|all\s+(?:individuals|subjects|patients|"
    r"participants|randomi[sz]ed)))\s*(?:\(\s*n\s*=\s*\d+\s*\))?\s*[.:]?\s*")
# "Patients with diabetes", "Without diabetes", "With prior MI", "HIV-positive", "EGFR mutation-negative"
_WITH_TRAIT = re.compile(r"(?i)\s*(?:(?:patients|participants|subjects|those|children|women|men)\s+)?(?P<w>with|without)\s+"
                         r"(?P<trait>[\w\u2265\u2264<>=.%/ -]{2,40}?)\s*(?:\(\s*n\s*=\s*\d+\s*\))?\s*")
_MARKER_STATUS = re.compile(r"(?i)\s*[\w-]{2,20}[- ](?:positive|negative|mutant|mutated|wild[- ]type)\s*(?:\(\s*n\s*=\s*\d+\s*\))?\s*")
_SIZE = re.compile(r"\s*(?:[(\[]\s*n\s*=\s*\d+\s*[)\]]|,?\s+n\s*=\s*\d+)\s*$", re.I)
# a band of years said of something other than the patients' age: "Duration of diabetes", "Years since diagnosis"
_NOT_AGE = re.compile(r"(?i)\b(?:duration|since|time|follow[- ]?up|history|diagnosis|disease|illness|smoking|"
                      r"education|schooling|experience)\b")


# plurals of "-ic", "-er", "-or" that name no people: what a table's columns hold
_NOT_PEOPLE = re.compile(r"(?i)(?:non[- ]?)?(?:characteristics|statistics|demographics|antibiotics|topics|basics|"
                         r"metrics|others|numbers|parameters|markers|biomarkers|factors|centers|centres|letters|answers|"
                         r"orders|disorders|errors|colors|colours|vectors|indicators|monitors|counters|"
                         r"inhibitors|blockers|agonists|receptors|quarters|layers|chambers|filters|meters|liters|litres|"
                         r"millimeters|centimeters|kilometers|registers|headers|others|members|papers|chapters|"
                         r"covers|reviewers|investigators|doctors|authors|sensors|sponsors|donors?\s+site)")


def population_label(text: str, context: str = "") -> str:
    """The subgroup a header cell names, written as the labels write it, or "" when it names none: an age band
    ("6 to 12 years old" -> "age 6 to 12 years old", "Age >= 65" -> "age >= 65"), a sex or life stage ("Women"), a
    trait said as a group ("Asthmatics", "Non-smokers", "Patients with diabetes", "EGFR-positive"), an analysis
    population ("ITT", "Per-protocol"). A band of numbers is an age band when the cell or its `context` (the header
    cells above it and beside it) says age ("Age", "years old", "aged")."""
    text = re.sub(r"\s+", " ", str(text or "")).strip()
    if not text or len(text) > 60:
        return ""
    bare = _SIZE.sub("", text).strip(" :.")
    said_age = _AGE_WORD.search(bare) or _AGE_WORD.search(context or "")
    # "< 65 years | >= 65 years" over the arms: a bound of years with nothing else is the patients' age
    years_bound = re.search(r"(?i)[<>\u2264\u2265]|less|more|under|over|older|younger", bare) and \
        re.search(r"(?i)\b(?:years?|yrs?|y)\b", bare) and not _NOT_AGE.search(context or "")
    if _AGE_BAND.fullmatch(bare) and (said_age or years_bound):
        label = bare.lower()
        return label if re.match(r"(?i)age", label) else "age " + label
    if _NOT_PEOPLE.fullmatch(bare):
        return ""
    if _POPULATION_WORD.fullmatch(bare) or _WITH_TRAIT.fullmatch(bare) or _MARKER_STATUS.fullmatch(bare):
        return bare.lower()
    return ""


def _grid(table: dict) -> dict[int, dict[int, dict]]:
    grid: dict[int, dict[int, dict]] = {}
    for cell in table.get("cells") or ():
        grid.setdefault(int(cell.get("row", 0)), {})[int(cell.get("col", 0))] = cell
    return grid


def column_subgroups(table: dict, is_arm=None) -> dict[int, str]:
    """{column: subgroup} of one table grid: the header rows' levels whose cells over the data columns name two or
    more distinct parts of the population (`population_label`) and none of them an arm (`is_arm(text)`)."""
    grid = _grid(table)
    header_rows = int(table.get("header_rows") or 0)
    out: dict[int, str] = {}
    for r in sorted(grid)[:header_rows]:
        cells = grid[r]
        stub = str((cells.get(min(cells)) or {}).get("text") or "").strip() if cells else ""
        # (a stub spanning several columns repeats its header: "Variables | Variables | 6 to 12 years old")
        data = {c: str(cell.get("text") or "").strip() for c, cell in cells.items() if c > min(cells)
                and str(cell.get("text") or "").strip() != stub}
        # what says "age" for a band: the level's own cells and the cells above them
        above = " ".join(str(grid[a].get(c, {}).get("text") or "") for a in sorted(grid)[:header_rows] if a < r
                         for c in data)
        context = " ".join(data.values()) + " " + above
        labels = {c: population_label(t, context) for c, t in data.items() if t}
        named = {c: lab for c, lab in labels.items() if lab}
        distinct = set(named.values())
        if len(distinct) < 2:
            continue
        # every other non-empty data header of the level must be no figure's column of its own (a "p" or "Total")
        others = [t for c, t in data.items() if t and c not in named]
        if any(not re.fullmatch(r"(?i)\s*(?:p(?:[- ]?value)?|total|all|overall|sig\.?|statistics?)\s*", t) for t in others):
            continue
        if is_arm is not None and any(is_arm(data[c]) for c in named):
            continue
        for c, lab in named.items():
            out.setdefault(c, lab)
    return out


def _value_cells(grid: dict[int, dict[int, dict]], header_rows: int, start: int, end: int) -> list[tuple[int, int, str]]:
    """(grid row, column, text) of the data cells inside [start, end), top to bottom and left to right."""
    out = []
    for r in sorted(grid)[header_rows:]:
        for c in sorted(grid[r]):
            cell = grid[r][c]
            try:
                s, e = int(cell.get("start")), int(cell.get("end"))
            except (TypeError, ValueError):
                continue
            if start <= s and e <= end:
                out.append((r, c, str(cell.get("text") or "")))
    return out


def with_column_subgroups(rows: list[dict], structure: dict | None, study=None) -> list[dict]:
    """The rows, each row read from a column under a level of subgroups given that subgroup (see the module's doc).
    Rows whose subgroup is set keep it; rows outside the tables are untouched."""
    tables = (structure or {}).get("tables") or []
    if not tables or not rows:
        return rows
    is_arm = None
    if study is not None and hasattr(study, "resolve_column"):
        def is_arm(text: str) -> bool:
            try:
                return study.resolve_column(text) is not None
            except Exception:  # noqa: BLE001 - a header the study model cannot read is no arm
                return False
    for table in tables:
        subgroups = column_subgroups(table, is_arm)
        if not subgroups:
            continue
        lines: dict[int, list[tuple[dict, str]]] = {}
        for row, line, col in placed_rows(rows, table):
            if col in subgroups:
                lines.setdefault(line, []).append((row, subgroups[col]))
        for line in lines.values():
            if _distribution(line):
                continue
            for row, label in line:
                if is_blank(row.get("subgroup")):
                    row["subgroup"] = label
    return rows


def placed_rows(rows: list[dict], table: dict) -> list[tuple[dict, int, int]]:
    """(row, grid row, column) of each row a reader read from this table's data cells: the rows of one span (a table
    line, or the whole table for a reader of the text) matched to the cells printing their value (`value_text`),
    left to right and top to bottom, each cell once; rows not found in a cell are left out."""
    try:
        t_start, t_end = int(table.get("start")), int(table.get("end"))
    except (TypeError, ValueError):
        return []
    mine = [row for row in rows if _within(row, t_start, t_end)]
    if not mine:
        return []
    grid = _grid(table)
    header_rows = int(table.get("header_rows") or 0)
    by_span: dict[tuple[int, int], list[dict]] = {}
    for row in mine:
        by_span.setdefault((int(row["start"]), int(row["end"])), []).append(row)
    out = []
    for (start, end), group in by_span.items():
        cells = _value_cells(grid, header_rows, start, end)
        used: set[int] = set()
        for row in group:
            printed = re.sub(r"\s+", " ", str(row.get("value_text") or "")).strip()
            if not printed:
                continue
            at = next((i for i, (_, _, text) in enumerate(cells) if i not in used
                       and printed in re.sub(r"\s+", " ", text)), None)
            if at is not None:
                used.add(at)
                out.append((row, cells[at][0], cells[at][1]))
    return out


def header_path(table: dict, col: int) -> list[str]:
    """The header cells above one column, top to bottom."""
    grid = _grid(table)
    header_rows = int(table.get("header_rows") or 0)
    return [str(grid[r][col].get("text") or "").strip() for r in sorted(grid)[:header_rows] if col in grid[r]]


def _distribution(line: list[tuple[dict, str]]) -> bool:
    """Whether one table line's counts under the subgroups' columns share one denominator ("86/400 | 186/400 |
    98/400" under age bands): the line's own group spread over the bands, each band a category of it, no subgroup."""
    totals = {row.get("total") for row, _ in line if str(row.get("measure") or "").upper() == "PROPORTION"}
    counted = [row for row, _ in line if str(row.get("measure") or "").upper() == "PROPORTION"]
    return len(counted) >= 2 and len(totals) == 1 and None not in totals


def _within(row: dict, start: int, end: int) -> bool:
    """Whether a row's span covers part of the table (a reader of the text may start it at the caption)."""
    try:
        return int(row.get("start")) < end and int(row.get("end")) > start
    except (TypeError, ValueError):
        return False


__all__ = ["population_label", "column_subgroups", "with_column_subgroups", "placed_rows", "header_path"]
