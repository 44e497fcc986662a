"""Table column structure: a table's header rows read as a tree (arm -> statistic sub-columns), each leaf column
given the statistic role its own header names, and the header texts that name the arm kept apart from those.

- `statistic_role`: what one leaf header says its cells are: "n", "pct", "mean", "sd", "se", "median", "iqr",
  "range", "min", "max", "ci", "q1", "q3", "p"; None for a header that names something else (an arm, a time).
  "No. | (%)", "n | %", "Mean | Standard deviation", "N | Mean | SD" under each arm are such leaves.
- `arm_part`: the texts of a column's header path that are neither a statistic role nor a format ("Agent" / "P1" /
  "n" -> "P1" once the spanning "Agent" is known to say only that the columns are the arms).
- `ARMS_SPAN`: a header spanning the arm columns that only says they are the arms ("Groups", "Study groups",
  "Agent", "Treatments", "Products"): the texts under it are arms even where the study model does not know them.
- `p_merged_header`: a header cell into which a "P-value" of the next column was run ("Group II P-value (Control
  group)" beside "P-value"): the arm's header without it.

Each function takes plain texts (no grid objects), so it is tested on headers written as strings.
"""
from __future__ import annotations

import re
from typing import Callable

from .grammar import statistic_format, statistic_name
from .table_rows import names_response_classes

# a share column's own header: "%", "(%)", "[%]", "Percent", "Percentage", "per cent"
_PCT_ONLY = re.compile(r"\s*[(\[]?\s*(?:%|percent(?:age)?s?|per\s*cent)\s*[)\]]?\s*", re.I)
# a p-value column's own header: "P", "p value", "P-value", "Sig."
_P_ONLY = re.compile(r"\s*(?:p|sig\.?)(?:\s?[-\u2010\u2013]?\s?values?)?\s*[*\u2020\u2021\u00a7]?\s*", re.I)


def statistic_role(text: str) -> str | None:
    """The one statistic a leaf column header says its cells print ("n", "No.", "%", "(%)", "Mean", "Standard
    deviation", "S.D.", "Median", "IQR", "Min", "P-value"), else None ("Placebo", "Week 4", "Mean ± SD": a format of
    two statistics is read by `statistic_format`)."""
    text = (text or "").strip()
    bracketed = re.fullmatch(r"[(\[]\s*([^()\[\]]+?)\s*[)\]]", text)
    if bracketed is not None and not _PCT_ONLY.fullmatch(text):
        text = bracketed.group(1)       # "(SD)", "[IQR]": the statistic the column's brackets print
    if not text:
        return None
    if _PCT_ONLY.fullmatch(text):
        return "pct"
    if _P_ONLY.fullmatch(text):
        return "p"
    return statistic_name(text)


def arm_part(parts: tuple[str, ...] | list[str]) -> str:
    """The texts of a column's header path that name no statistic and no format, joined: ("P1", "n") -> "P1",
    ("Case group", "(%)") -> "Case group", ("Drug X (n = 30)", "Mean ± SD") -> "Drug X (n = 30)"."""
    kept = [p.strip() for p in parts if p and p.strip() and statistic_role(p) is None and not statistic_format(p.strip())]
    return " ".join(kept)


# a header over the arm columns that only says they are the arms compared: "Groups", "Study groups", "Agent",
# "Agents", "Treatments", "Interventions", "Products", "Preparations", "Regimens", a crossover's "Experimental
# condition(s)" (a footnote's digit glued to it: "condition1") ("Treatment group", singular, names
# the treated arm; a singular "Treatment" or "Drug" may be one arm's own name, so only the plural of those)
ARMS_SPAN = re.compile(r"\s*(?:(?:study|trial|randomi[sz]ed|treatment|comparison)\s+)?(?:groups|agents?|products?|"
                       r"preparations?|formulations?|treatments|interventions|regimens|study\s+groups?|"
                       r"(?:experimental|study|test|trial)\s+conditions?\d?)\s*:?\s*", re.I)


def arms_span(text: str) -> bool:
    """Whether a spanning header only says that the columns under it are the arms (`ARMS_SPAN`)."""
    return bool(ARMS_SPAN.fullmatch(text or ""))


# "P-value", "P value", "p-Value" run into a header cell ("Group II P-value (Control group)")
_RUN_IN_P = re.compile(r"(?<=\S)\s+p\s?[-\u2010\u2013]?\s?values?\b(?=\s*\S)", re.I)


def p_merged_header(text: str, row: list[str]) -> str:
    """A header cell with the "P-value" of the next column run into it, the arm's name around it ("Group II P-value
    (Control group)" in a row that also prints "P-value" on its own): the cell with those words blanked (same
    length, so offsets hold). Any other header, or a row without a p-value column of its own, unchanged."""
    if not text or not any(_P_ONLY.fullmatch(t or "") for t in row):
        return text
    m = _RUN_IN_P.search(text)
    if m is None:
        return text
    rest = (text[:m.start()] + text[m.end():]).strip()
    if not re.search(r"[A-Za-z]{2}", rest) or _P_ONLY.fullmatch(rest):
        return text
    return text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]


def without_run_in_p(table: dict, heads: set[int]) -> dict:
    """The grid with each header cell's run-in "P-value" blanked (`p_merged_header`), row by row; the grid unchanged
    when no header cell has one."""
    cells = table.get("cells") or []
    rows: dict[int, list[str]] = {}
    for c in cells:
        if int(c["row"]) in heads:
            rows.setdefault(int(c["row"]), []).append(str(c.get("text") or "").strip())
    if not rows:
        return table
    out, changed = [], False
    for c in cells:
        if int(c["row"]) in heads and int(c["col"]) > 0:
            text = str(c.get("text") or "")
            new = p_merged_header(text, rows[int(c["row"])])
            if new != text:
                c, changed = dict(c, text=new), True
        out.append(c)
    return dict(table, cells=out) if changed else table


# ------------------------------------------------------------------------------------------ joined statistic columns
# a bare figure of a statistic column: "53.1", "-2.46", "8.95%", "21.6", a spread in brackets "(4.5)"
# ... and a figure printed without its leading zero (".5", "(.8)", "-.3"), read with it
# ... a significance mark after either ("26.1 | 1.8 *", "3.2† | 0.4") leaves the figures as they are
# ... as does a superscript letter ingestion printed as "^" ("63.0^" of "63·0<sup>a</sup>", the letter in the cell's marks)
_BARE_FIGURE = re.compile(r"\s*(?P<x>[-\u2212]?(?:\d+(?:\.\d+)?|\.\d+))\s*%?\s*[*\u2020\u2021\u00a7^]*\s*")
_SPREAD_FIGURE = re.compile(r"\s*[(\[]?\s*(?P<x>\d+(?:\.\d+)?|\.\d+)\s*%?\s*[)\]]?\s*[*\u2020\u2021\u00a7^]*\s*")
# an interval of a median column's neighbour: "2.0-7.3", "(50.0-80.0)", "[1, 5]", "10 to 90"
_INTERVAL = re.compile(r"\s*[(\[]?\s*(?P<lo>[-\u2212]?\d+(?:\.\d+)?)\s*(?:[-\u2013\u2014,;]|to)\s*(?P<hi>[-\u2212]?\d+(?:\.\d+)?)\s*[)\]]?\s*")
# the centre and the spread column beside it that are joined, and how the joined cell and header print them
_JOINABLE = {("mean", "sd"), ("mean", "se"), ("median", "iqr"), ("median", "range"), ("mean", "ci")}
_JOINED_HEADER = {"sd": "Mean \u00b1 SD", "se": "Mean \u00b1 SE", "iqr": "Median (IQR)", "range": "Median (range)",
                  "ci": "Mean (95% CI)"}
# a mean's leaf abbreviated to its letter ("M | SD", "x\u0304 | s"): the mean only where a spread's column follows it
_MEAN_LETTER = re.compile(r"\s*(?:M|x\u0304)\s*\.?\s*")
# a median's two quartile columns, or its extremes: "Median | 25% | 75%", "Median | Q1 | Q3", "Median | Min | Max"
_BOUND_PAIRS = {("q1", "q3"): "iqr", ("min", "max"): "range"}
# one header spanning a figure's column and its spread's, naming both ("Drug X (N = 50) Mean or median and SD or IQR",
# "Before Mean (SD)", "Median [IQR]"): the centres, then the spreads, each of them one statistic's name
_CENTRE_AND_SPREAD = re.compile(r"(?i)\s*(?P<centres>(?:means?|medians?)(?:\s*(?:\bor\b|/)\s*(?:means?|medians?))?)\s*"
                                r"(?:\(|\[|,|\u00b1|\+/-|\band\b|\bwith\b)\s*(?P<spreads>[\w. ]+?(?:\s*(?:\bor\b|/)\s*[\w. ]+?)?)"
                                r"\s*[)\]]?\s*$")


def spanned_centre_and_spread(leaf: str) -> tuple[str, set[str], set[str]] | None:
    """(the leaf without the statistics it names, its centres {"mean", "median"}, its spreads {"sd", "se", "iqr",
    "range"}) of a header naming a figure and its spread at its end ("NC (N = 50) Mean or median and SD or IQR" ->
    ("NC (N = 50)", {mean, median}, {sd, iqr})); None for a header naming no such pair ("Mean", "Age (years)")."""
    m = _CENTRE_AND_SPREAD.search(leaf or "")
    if m is None:
        return None
    centres = {statistic_name(c) for c in re.split(r"(?i)\s*(?:\bor\b|/)\s*", m.group("centres"))}
    spreads = {statistic_name(c) for c in re.split(r"(?i)\s*(?:\bor\b|/)\s*", m.group("spreads").strip())}
    if not centres <= {"mean", "median"} or not spreads or not spreads <= {"sd", "se", "iqr", "range"}:
        return None
    return leaf[:m.start()].strip(" ,;:"), centres, spreads


def _spanned_role(centres: set[str], spreads: set[str], spread_cell: str) -> str | None:
    """The spread a cell under a header naming a figure and its spread prints: a lone figure its SD (SE), two figures
    its IQR (range), each only when the header names it and the centre it goes with."""
    if _SPREAD_FIGURE.fullmatch(spread_cell or "") and "mean" in centres:
        return "sd" if "sd" in spreads else ("se" if "se" in spreads else None)
    if _INTERVAL.fullmatch(spread_cell or "") and "median" in centres:
        return "iqr" if "iqr" in spreads else ("range" if "range" in spreads else None)
    return None


def _spanned_pairs(table: dict, heads: set[int], paths: dict[int, list[str]]) -> dict[int, tuple[str, set[str], set[str]]]:
    """{figure column: spanned_centre_and_spread of its leaf} for two columns under one header cell spanning both that
    names a figure and its spread, where most rows print a figure and its spread in the two (a count's row "Women, %
    | 70 | \u2013" aside)."""
    last = max(heads)
    spanning = {int(c["col"]) for c in table.get("cells") or [] if int(c["row"]) == last and c.get("spans_left")}
    body: dict[tuple[int, int], str] = {(int(c["row"]), int(c["col"])): str(c.get("text") or "")
                                        for c in table.get("cells") or [] if int(c["row"]) not in heads}
    rows = sorted({r for r, _ in body})
    found = {}
    for col, path in sorted(paths.items()):
        if col == 0 or not path or col + 1 not in spanning or col in spanning or paths.get(col + 1) != path \
                or col + 2 in spanning:
            continue
        named = spanned_centre_and_spread(path[-1])
        if named is None:
            continue
        printed = [r for r in rows if body.get((r, col), "").strip()]
        joined = [r for r in printed if _BARE_FIGURE.fullmatch(body.get((r, col), ""))
                  and _spanned_role(named[1], named[2], body.get((r, col + 1), ""))]
        if printed and len(joined) * 2 > len(printed):
            found[col] = named
    return found


def _zero_led(x: str) -> str:
    """ ".5" -> "0.5", "-.3" -> "-0.3": a figure printed without its leading zero, written with it."""
    return re.sub(r"^([-\u2212]?)\.", r"\g<1>0.", x)


def _joined_cell(centre: str, spread: str, role: str) -> str | None:
    """ "53.1" and "21.6" (SD) -> "53.1 ± 21.6"; "3.5" and "(2.0-7.3)" (IQR) -> "3.5 (2.0-7.3)"; None when the two
    cells are not a bare figure and its spread."""
    m = _BARE_FIGURE.fullmatch(centre or "")
    if m is None:
        return None
    if role in ("sd", "se"):
        s = _SPREAD_FIGURE.fullmatch(spread or "")
        return f"{_zero_led(m.group('x'))} \u00b1 {_zero_led(s.group('x'))}" if s is not None else None
    s = _INTERVAL.fullmatch(spread or "")
    if role == "ci":
        return f"{_zero_led(m.group('x'))} ({s.group('lo')} to {s.group('hi')})" if s is not None else None
    return f"{_zero_led(m.group('x'))} ({s.group('lo')}-{s.group('hi')})" if s is not None else None


def header_paths(table: dict, heads: set[int]) -> dict[int, list[str]]:
    """{column: its header texts, top row first} with a text printed once over empty cells carried right where the
    cells under it name statistics ("Before | | After |" over "Mean | SD | Mean | SD"), as a spanning cell does."""
    by_cell: dict[tuple[int, int], str] = {}
    width = 0
    for c in table.get("cells") or []:
        width = max(width, int(c["col"]) + 1)
        if int(c["row"]) in heads:
            by_cell[(int(c["row"]), int(c["col"]))] = str(c.get("text") or "").strip()
    ordered = sorted(heads)
    last = ordered[-1] if ordered else None
    paths: dict[int, list[str]] = {col: [] for col in range(width)}
    for r in ordered:
        left = ""
        for col in range(width):
            t = by_cell.get((r, col), "")
            if not t and left and r != last and statistic_role(by_cell.get((last, col), "")) is not None:
                t = left
            left = t if t and col > 0 else ("" if t else left)
            if t:
                paths[col].append(t)
    return paths


# a header naming a comparison or a test, never one arm's figure: "MD (95% CI)", "Difference vs placebo", "P", "Effect size"
_NOT_A_QUANTITY = re.compile(r"(?i)\b(?:differences?|diff\.?|vs\.?|versus|ratios?|effects?|estimates?|coefficients?|beta|"
                             r"95\s*%|CI|p[- ]?values?|relative\s+risks?|risk\s+reductions?|NNT|number\s+needed)\b|"
                             r"^\s*p\s*$|[\u0394\u03b2]|(?-i:\b(?:MD|SMD|a?OR|a?RR|a?HR|IRR|RD)\b)")


def quantity_spread_pairs(paths: dict[int, list[str]], body: dict[tuple[int, int], str],
                          is_time: Callable[[str], bool] = lambda text: False) -> dict[int, str]:
    """{column: "sd" / "se" / "ci"} of the columns of a quantity followed by a column of its spread alone, under one
    header path: "Mean change | SD", "Baseline | Baseline SD", "HbA1c | (SE)", "Drug X | SD", "Mean change | 95% CI"
    (the leaf of the first names
    no statistic of its own, or only its centre: "Mean change"; the second's leaf is a spread, the first's words
    before it allowed: "Baseline SD"), where most body rows print a bare figure in both. A leaf that is a statistic
    ("Mean", "N": `_statistic_groups` of the reader reads those) or names a comparison or test ("MD (95% CI)",
    "Difference vs placebo") is no quantity."""
    found: dict[int, str] = {}
    if names_response_classes([path[-1].strip() for path in paths.values() if path]):
        return found        # ("n | CR | PR | MR | SD | PD": counts of tumour responses, "SD" the stable ones)
    rows = sorted({r for r, _ in body})
    for col, path in sorted(paths.items()):
        after = paths.get(col + 1) or []
        if col == 0 or not path or not after or path[:-1] != after[:-1] or col in found or col - 1 in found:
            continue
        leaf, spread = path[-1].strip(), after[-1].strip()
        if statistic_role(leaf) is not None or statistic_format(leaf) or _NOT_A_QUANTITY.search(leaf) or \
                not re.search(r"[A-Za-z]{2}", leaf):
            continue
        # ("Baseline | Baseline SD", "Change mean | Change SD": the words the two share said once)
        words, spread_words = leaf.split(), spread.split()
        common = 0
        while common < min(len(words), len(spread_words)) - 0 and words[common].lower() == spread_words[common].lower():
            common += 1
        own = " ".join(spread_words[common:]).strip(" ,:")
        if common < len(words) and is_time(" ".join(words[:common])) and statistic_role(" ".join(words[common:])):
            continue        # ("Pre mean | Pre SD": a time and its statistics, read as such by the reader)
        role = statistic_role(own or spread)
        if role not in ("sd", "se", "ci"):
            continue
        printed = [r for r in rows if body.get((r, col), "").strip() or body.get((r, col + 1), "").strip()]
        joined = [r for r in printed if _joined_cell(body.get((r, col), ""), body.get((r, col + 1), ""), role)]
        if printed and len(joined) * 2 > len(printed):
            found[col] = role
    return found


def joined_statistic_columns(table: dict, heads: set[int], is_time: Callable[[str], bool] = lambda text: False) -> dict:
    """The grid with each mean (median) column and the spread column beside it under the same header path joined into
    one column ("Before intervention" over "Mean | Standard deviation": "53.1 | 21.6" -> "53.1 ± 21.6" under "Mean ±
    SD"; "Median | (IQR)": "3.5 | (2.0-7.3)" -> "3.5 (2.0-7.3)" under "Median (IQR)"; "Adjusted difference" over
    "Mean | 95% CI | P": "-7.2 | -12.8 to 1.7" -> "-7.2 (-12.8 to 1.7)" under "Mean (95% CI)"), where the two are all
    the header path holds but for a p-value column after them (no n, median or range beside them: `_statistic_groups`
    of the reader reads those). The spread column is dropped and the columns right of it move left; a row whose two
    cells are not two bare figures keeps the mean cell as printed. The grid unchanged when no such pair is found."""
    cells = table.get("cells") or []
    if not cells or not heads:
        return table
    paths = header_paths(table, heads)
    groups: dict[tuple[str, ...], list[int]] = {}
    for col, path in paths.items():
        if col > 0 and path:
            groups.setdefault(tuple(path[:-1]), []).append(col)
    pairs: dict[int, str] = {}      # mean column -> spread role
    bounds: dict[int, str] = {}     # median column -> spread role of the two bound columns right of it
    for upper, cols in groups.items():
        if len(cols) not in (2, 3, 4) or cols != list(range(cols[0], cols[0] + len(cols))):
            continue
        roles = [statistic_role(paths[c][-1]) for c in cols]
        if roles[0] is None and roles[1] in ("sd", "se") and _MEAN_LETTER.fullmatch(paths[cols[0]][-1]):
            roles[0] = "mean"
        if len(cols) >= 3 and roles[0] == "median" and tuple(roles[1:3]) in _BOUND_PAIRS and roles[3:] in ([], ["p"]):
            # ("Group | Median | 25% | 75%", its rows the arms: a path of the leaves alone is as good as one above)
            bounds[cols[0]] = _BOUND_PAIRS[tuple(roles[1:3])]
            continue
        if not upper or len(cols) == 4:
            continue
        if len(cols) == 3 and roles[2] != "p":
            continue        # ("Mean | 95% CI | P" under a difference: the figure, its interval, and its p kept apart)
        if (roles[0], roles[1]) in _JOINABLE:
            pairs[cols[0]] = roles[1]
    by_pos = {(int(c["row"]), int(c["col"])): c for c in cells}
    named = quantity_spread_pairs(paths, {(r, col): str(c.get("text") or "") for (r, col), c in by_pos.items()
                                          if r not in heads}, is_time)
    headers = {col: f"{paths[col][-1]}, {_JOINED_HEADER[role]}" for col, role in named.items() if col not in pairs}
    pairs.update({col: role for col, role in named.items() if col not in pairs and col - 1 not in pairs})
    spanned = {col: found for col, found in _spanned_pairs(table, heads, paths).items()
               if not {col, col + 1} & (set(pairs) | {c + 1 for c in pairs})}
    if not pairs and not bounds and not spanned:
        return table
    dropped = {col + 1 for col in pairs} | {col + k for col in bounds for k in (1, 2)} | {col + 1 for col in spanned}
    out = []
    for c in cells:
        r, col = int(c["row"]), int(c["col"])
        if col in dropped:
            continue
        shift = sum(1 for d in dropped if d < col)
        if col in spanned:
            left, centres, spreads = spanned[col]
            if r in heads:
                if r == max(heads):
                    c = dict(c, text=left or _JOINED_HEADER["sd" if centres == {"mean"} else "iqr"])
            else:
                spread = by_pos.get((r, col + 1))
                role = _spanned_role(centres, spreads, str((spread or {}).get("text") or ""))
                joined = _joined_cell(str(c.get("text") or ""), str(spread.get("text") or ""), role) if role else None
                if joined is not None:
                    c = dict(c, text=joined, end=max(int(c.get("end", 0) or 0), int(spread.get("end", 0) or 0)))
        elif col in bounds:
            if r in heads:
                c = dict(c, text=_JOINED_HEADER[bounds[col]]) if r == max(heads) else c
            else:
                low, high = by_pos.get((r, col + 1)), by_pos.get((r, col + 2))
                low_text, high_text = str((low or {}).get("text") or "").strip(), str((high or {}).get("text") or "").strip()
                joined = _joined_cell(str(c.get("text") or ""), f"{low_text}-{high_text}", bounds[col]) \
                    if _BARE_FIGURE.fullmatch(low_text) and _BARE_FIGURE.fullmatch(high_text) else None
                if joined is not None:
                    c = dict(c, text=joined, end=max(int(c.get("end", 0) or 0), int(high.get("end", 0) or 0)))
        elif col in pairs:
            spread = by_pos.get((r, col + 1))
            if r in heads:
                c = dict(c, text=headers.get(col, _JOINED_HEADER[pairs[col]])) if r == max(heads) else c
            elif spread is not None and spread.get("spans_left") and re.fullmatch(r"\s*\d+\s*", str(c.get("text") or "")):
                pass        # "Male | 4 | 4": one count printed across the pair (a spanning cell), no figure and its spread
            else:
                joined = _joined_cell(str(c.get("text") or ""), str((spread or {}).get("text") or ""), pairs[col])
                if joined is not None:
                    c = dict(c, text=joined, end=max(int(c.get("end", 0) or 0), int(spread.get("end", 0) or 0)))
        out.append(dict(c, col=col - shift) if shift else c)
    return dict(table, cells=out)


# ------------------------------------------------------------------------------------------ a change column's arm
# "Change from baseline in the X group", "Mean change in Drug A", "Δ for placebo": what the column's figures are,
# then the arm they are of
_CHANGE_OF_AN_ARM = re.compile(r"(?i)\s*(?:(?:mean|median|absolute|relative|percent(?:age)?|%)\s+)?(?:changes?|\u0394|delta)"
                               r"(?:\s+from\s+(?:the\s+)?baseline)?\s+(?:in|for|of|within)\s+(?:the\s+)?(?P<arm>\S.*?)\s*")


def changed_arm(header: str) -> str:
    """The arm part of a column header saying the column holds an arm's changes ("Change from baseline in low-salt
    group" -> "low-salt group", "Mean change in Drug A (n = 20)" -> "Drug A (n = 20)"); "" for any other header. The
    reader takes the part as an arm only where it names one: "Change in weight" names none."""
    m = _CHANGE_OF_AN_ARM.fullmatch(header or "")
    return m.group("arm") if m is not None else ""


# ------------------------------------------------------------------------------------------ a stub column of arms
# the header of a stub column that lists the groups: "Group", "Groups", "Arm", "Study group", "Treatment"
_ARM_COLUMN_HEADER = re.compile(r"\s*(?:(?:study|treatment|randomi[sz]ed)\s+)?(?:groups?|arms?|treatments?|interventions?)\s*:?\s*",
                                re.I)
# a row label naming a test or a comparison, not a group: "Independent t-test", "P value", "Chi-square", "ANOVA"
_TEST_LABEL = re.compile(r"(?i)\b(?:tests?|p[- ]?values?|chi[- ]?squared?|anova|significance|sig\.|comparison|difference)\b|^\s*p\s*$")


def arm_column_rows(header: str, labels: dict[int, str]) -> dict[int, str]:
    """{row: group name} of a stub column whose header says it lists the groups ("Desired variable | Group | Before
    ...": "case", "control" on each outcome's rows): two names or more, each on two rows or more; rows naming a test
    ("Independent t-test") left out. {} for any other column."""
    if not _ARM_COLUMN_HEADER.fullmatch(header or ""):
        return {}
    named = {r: label.strip() for r, label in labels.items() if label.strip() and not _TEST_LABEL.search(label)}
    counts: dict[str, int] = {}
    for name in named.values():
        counts[name.lower()] = counts.get(name.lower(), 0) + 1
    if len(counts) < 2 or any(k < 2 for k in counts.values()):
        return {}
    return named


# ------------------------------------------------------------------------------------------ measures across the top
# words that make a spanning header a group of patients, not a measure: "Men", "Age < 65", "With diabetes", "All"
_PATIENT_GROUP = re.compile(r"(?i)\b(?:men|women|males?|females?|boys|girls|aged?|years?\s+old|patients|participants|"
                            r"subjects|children|adults|infants|with|without|smokers?|non-?smokers?|subgroups?|strat(?:um|a)|"
                            r"all|total|overall|responders?|completers?|population|ITT|per[- ]protocol)\b|[<>\u2264\u2265]")
_WORDS = re.compile(r"[a-z0-9]+")


def measure_over_times(stratum: str, label: str, timepoint: str) -> bool:
    """Whether a text spanning an arm's columns is the measure its cells are of, not a group of patients: several
    measures side by side across the top ("Pain score" | "Swelling (mm)", each over "Drug X | Placebo | P") with rows
    that are only times ("Day 1", "1 hour": the row label says nothing but its time). A spanning text naming patients
    ("Men", "Age < 65 years", "With diabetes") stays a stratum."""
    if not stratum or not timepoint or _PATIENT_GROUP.search(stratum) or not re.search(r"[A-Za-z]{3}", stratum):
        return False
    return _WORDS.findall(label.lower()) == _WORDS.findall(timepoint.lower())


# ------------------------------------------------------------------------------------------ two factors in one header
# where a header cell splits into a name and a time: "Training, baseline", "Control - week 12", "Drug X (pre)"
_FACTOR_JOIN = re.compile(r"\s*(?:[,;:/\u2013\u2014]|\s-\s|\s)\s*")


def _factor_split(text: str, is_time: Callable[[str], bool]) -> tuple[str, str] | None:
    """(name, time) of a header printing both in one cell, the time first or last ("Training baseline", "12 weeks
    control", "Control group, week 12", "Drug X (post)"); None when no end of it is a time, or all of it is."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if not text or is_time(text):
        return None
    bracket = re.fullmatch(r"(?P<name>.+?)\s*[(\[]\s*(?P<time>[^()\[\]]+?)\s*[)\]]", text)
    if bracket is not None and is_time(bracket.group("time")) and not is_time(bracket.group("name")):
        return bracket.group("name").strip(" ,;:-"), bracket.group("time")
    words = [m for m in re.finditer(r"\S+", text)]
    for k in range(1, len(words)):
        head, tail = text[:words[k].start()].strip(" ,;:-\u2013\u2014/"), text[words[k].start():].strip(" ,;:-\u2013\u2014/")
        if not head or not tail:
            continue
        if is_time(tail) and not is_time(head) and re.search(r"[A-Za-z]{2}", head):
            return head, tail
        if is_time(head) and not is_time(tail) and re.search(r"[A-Za-z]{2}", tail):
            return tail, head
    return None


def factor_header_rows(table: dict, heads: set[int], is_time: Callable[[str], bool]) -> dict:
    """The grid with one header row whose cells each print a name and a time ("Training baseline | Training 12 weeks |
    Control baseline | Control 12 weeks") printed as two header rows, the names over the times, as a table with a
    spanning header per name prints it. Only a full crossing of the two factors is split: two names or more, each
    over the same two times or more (a header of one name at several times, or of names with no time, is left
    alone). Cells that are not split (the stub's header, "P") stay in the top row. The grid unchanged otherwise."""
    cells = table.get("cells") or []
    if len(heads) != 1 or not cells:
        return table
    top = next(iter(heads))
    split: dict[int, tuple[str, str]] = {}
    for c in cells:
        if int(c["row"]) == top and int(c["col"]) > 0:
            found = _factor_split(str(c.get("text") or ""), is_time)
            if found is not None:
                split[int(c["col"])] = found
    names: dict[str, set[str]] = {}
    for name, time in split.values():
        names.setdefault(name.lower(), set()).add(time.lower())
    shared = set.intersection(*names.values()) if names else set()
    if len(names) < 2 or len(shared) < 2 or any(len(times) < 2 for times in names.values()):
        return table
    out = []
    for c in cells:
        r, col = int(c["row"]), int(c["col"])
        if r < top:
            out.append(c)
        elif r == top:
            name, time = split.get(col, (str(c.get("text") or ""), ""))
            out.append(dict(c, text=name, header=True))
            out.append(dict(c, row=r + 1, text=time, header=True))
        else:
            out.append(dict(c, row=r + 1))
    given = table.get("header_rows")
    rows = sorted({*heads, top + 1}) if isinstance(given, (list, tuple)) else top + 2
    return dict(table, cells=out, header_rows=rows)


def dose_split_columns(arm_of: dict[int, str], headers: dict[int, str], dosed: Callable[[str], str]) -> dict[int, str]:
    """{column: the dose it adds to its arm} for the columns one arm of the study heads that its headers tell apart
    by dose ("Risedronate" over "5 mg/day | 15 mg/day" in a trial whose model knows one risedronate arm): each is a
    dose arm of that drug. `arm_of` gives each arm column the study arm's dose-free identity ("" for an arm that
    names its own dose), `headers` the column's header path joined, `dosed` the dose a header prints ("" for none).
    Only when two columns or more have the arm and each prints a dose of its own, all different; a single column of
    a dose beside its drug's other columns, or columns of one dose, are no split."""
    by_arm: dict[str, list[int]] = {}
    for col, arm in arm_of.items():
        if arm:
            by_arm.setdefault(arm, []).append(col)
    out: dict[int, str] = {}
    for cols in by_arm.values():
        doses = [dosed(headers.get(col) or "") for col in cols]
        if len(cols) >= 2 and all(doses) and len(set(doses)) == len(doses):
            out.update(zip(cols, doses))
    return out
