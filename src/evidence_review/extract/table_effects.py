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

from ..tables import DIFFERENCE_MEASURES, RATIO_MEASURES
from .ratio_kind import kind_from

# the leading figure of a cell: "27.5", "-2.46", "+1.28" (a change printed with its sign), "12 (30.0)" (12), "45.1 ± 3.2"
_LEADING_FIGURE = re.compile(r"\s*\+?(?P<v>[-\u2212\u2013]?\s?\d+(?:[.,\u00b7]\d+)?)(?![\d/:])")


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


def _rounding(text: str) -> float:
    """Half the last printed digit's unit of a figure ("-0.02" -> 0.005, "12" -> 0.5)."""
    found = re.search(r"\d+(?:[.,\u00b7](\d+))?", text or "")
    return 0.5 * 10 ** -len(found.group(1) or "") if found is not None else 0.5


def difference_as_printed(difference: str, first: str, second: str) -> bool:
    """Whether a printed difference is the first printed figure minus the second, to the rounding of all three
    ("-0.01" of "-0.02" and "-0.03" is -0.03 − -0.02, not the reverse): figures so small that `_is_their_difference`
    lets both orders pass are told apart by their own digits."""
    values = [leading_figure(t) for t in (difference, first, second)]
    if any(v is None for v in values):
        return False
    value, a, b = values
    return abs(value - (a - b)) <= sum(_rounding(t) for t in (difference, first, second)) + 1e-9


def printed_order(rows: list[tuple[str, str, str]]) -> tuple[int, int] | None:
    """The order a difference column prints its two arms in, from the arithmetic of its rows: `rows` holds each
    row's (difference, first arm's cell, second arm's cell) texts as printed left to right. (0, 1) when the
    difference is the first arm's figure minus the second's (`difference_as_printed`) in at least two rows and
    the reverse in none ("Group S | Group D | Difference": 37.4 | 37.2 | 0.2), (1, 0) for the reverse; None when
    too few rows can be checked or they disagree (a model's adjusted difference need not be the means' own)."""
    forward = backward = 0
    for difference, first, second in rows:
        ahead, behind = difference_as_printed(difference, first, second), difference_as_printed(difference, second, first)
        forward += ahead and not behind
        backward += behind and not ahead
    if forward >= 2 and not backward:
        return 0, 1
    if backward >= 2 and not forward:
        return 1, 0
    return None


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


def spread_header(parts: tuple, names_effect) -> str:
    """The own header of a column under a header spanning an effect ("Odds ratio" over "Estimate | 95% CI", "Hazard
    ratio" over "Lower | Upper"): its lowest text, when a text above it names the effect (`names_effect`, the table
    reader's test of a header); "" otherwise. The spread columns are then known by their own header."""
    if len(parts) < 2 or not any(names_effect(str(p)) for p in parts[:-1]):
        return ""
    return re.sub(r"\s+", " ", str(parts[-1])).strip()


# the measures a caption or footnote declares, spelled out (an abbreviation alone there may be a heart rate's "HR")
_DECLARED_MEASURES = (
    ("HR", re.compile(r"\bhazards?\s+ratios?\b", re.I)),
    ("IRR", re.compile(r"\b(?:incidence\s+)?rate\s+ratios?\b", re.I)),
    ("OR", re.compile(r"\bodds\s+ratios?\b", re.I)),
    ("RR", re.compile(r"\b(?:risk\s+ratios?|relative\s+risks?(?!\s+reductions?))\b", re.I)),
    # (an "absolute difference" alone is of whatever the arms print: means as often as shares, so no declaration)
    ("RD", re.compile(r"\b(?:risk\s+differences?|absolute\s+risk\s+differences?)\b", re.I)),
    ("SMD", re.compile(r"\bstandardi[sz]ed\s+mean\s+differences?\b", re.I)),
    ("MD", re.compile(r"(?<!standardized\s)(?<!standardised\s)\bmean\s+differences?\b", re.I)),
)
# a column header naming an effect without its measure: "Effect (95% CI)", "Estimate", "Ratio (95% CI)", "Difference"
_GENERIC_RATIO = re.compile(r"\s*(?:adjusted\s+|crude\s+|unadjusted\s+)?ratios?\b(?:\s*[(\[]\s*95\s*%\s*CI\s*[)\]])?\W*[a-z*†‡§]?\s*$", re.I)
_GENERIC_DIFFERENCE = re.compile(r"\bdifferences?\b|\bdiff\.?", re.I)


# a note declaring a model's coefficients of the arms' comparison ("Data represents the regression coefficient and
# standard errors in brackets"): a difference of the outcome's means (a correlation's coefficient is none)
_DECLARED_COEFFICIENT = re.compile(r"\bregression\s+coefficients?\b|\b(?:beta|\u03b2)\s+coefficients?\b", re.I)
# ... and the standard errors its brackets hold: "standard errors in brackets", "SE in parentheses"
_DECLARED_BRACKET_SE = re.compile(r"\b(?:standard\s+errors?|SEs?)\s+(?:are\s+)?(?:given\s+)?(?:in|within)\s+(?:the\s+)?"
                                  r"(?:brackets|parenthes[ie]s)\b", re.I)


def declared_estimate(said: str) -> tuple[str, bool] | None:
    """(measure, whether a bracket holds the standard error) of the estimates a table's caption and footnotes
    (`said`) declare: the one measure they name (`declared_measure`), else a regression coefficient as an MD
    ("Data represents the regression coefficient and standard errors in brackets": "0.47 (0.21)" is the
    coefficient and its SE); None when they declare none."""
    measure = declared_measure(said) or ("MD" if _DECLARED_COEFFICIENT.search(said or "") else None)
    return (measure, bool(_DECLARED_BRACKET_SE.search(said or ""))) if measure else None


# a caption or footnote saying the cells are the intervention's effects, no measure named: "Effect of intervention
# (and 95% CI) on ...", "Treatment effects at 3 and 6 months", "Differences between the groups (95% CI)"
_DECLARED_EFFECTS = re.compile(r"\beffects?\s+of\s+(?:the\s+)?(?:intervention|treatment)\b|"
                               r"(?<!side\s)(?<!adverse\s)\b(?:intervention|treatment)\s+effects?\b|"
                               r"\bdifferences?\s+between\s+(?:the\s+)?(?:two\s+)?(?:groups|arms)\b", re.I)


def declares_effects(said: str) -> bool:
    """Whether a table's caption and footnotes (`said`) say its cells are the intervention's effects without naming
    their measure: the cells' own figures and rows decide it (a difference, "DIFF")."""
    return bool(_DECLARED_EFFECTS.search(said or ""))


# a row label counting patients or naming a share: its difference is a risk difference, never a mean's
_COUNTED_ROW = re.compile(r"%|(?:n|no\.?|number|proportions?|percent(?:age)?s?|rates?|incidence|risk|patients|participants|"
                          r"subjects|cases)\b", re.I)


def difference_of_a_quantity(label: str, hint: str) -> bool:
    """Whether a difference printed in a table of effects alone (no arm's figure beside it) is a difference of means:
    its row names a quantity, neither a count of patients nor a share (`hint`, the row's declared format)."""
    return not hint.startswith(("n_pct", "pct", "count")) and not _COUNTED_ROW.search(label or "")


def declared_measure(said: str) -> str | None:
    """The one measure a table's caption and footnotes name ("Values are hazard ratios from Cox models"), or None
    when they name none or several."""
    named = {code for code, pattern in _DECLARED_MEASURES if pattern.search(said or "")}
    if "SMD" in named:
        named.discard("MD")
    return next(iter(named)) if len(named) == 1 else None


# "Standardized difference", "Std. diff.", "SMD", "ASD": a column of standardized differences
_STANDARDIZED = re.compile(r"\b(?:(?:absolute\s+)?standardi[sz]ed\s+(?:mean\s+)?diff(?:erences?|\.)?|std\.?\s+diff\.?|"
                           r"(?-i:SMD|ASD))\b", re.I)
# a caption of the patients' characteristics at entry: its standardized differences check the arms' balance
_BASELINE_CAPTION = re.compile(r"\b(?:baseline|demographics?|characteristics|at\s+(?:entry|randomi[sz]ation|enrol+ment))\b", re.I)


# an effect size of variance explained ("partial eta squared", "η2", "ω²"): an ANCOVA's or ANOVA's, no standardized
# mean difference; a generic "Effect size" header (no Cohen's d, Hedges' g or SMD named) over such a declaration
_VARIANCE_EXPLAINED = re.compile(r"\b(?:partial\s+)?(?:eta|omega|epsilon)[- ]?squared\b|[\u03b7\u03c9]\s*(?:p\s*)?(?:2|\u00b2|\^2)|"
                                 r"\b(?:partial\s+)?(?:eta|omega)\s*(?:2|\u00b2|\^2)", re.I)
_NAMED_STANDARDIZED = re.compile(r"\bcohen'?s\s*d\b|\bhedges'?\s*g\b|\bSMD\b|standardi[sz]ed", re.I)


def variance_explained(header: str, said: str) -> bool:
    """Whether an "Effect size" column is one of variance explained: its header, or else the caption or footnotes
    (`said`) when the header names no standardized difference itself, declare eta (omega) squared."""
    if _VARIANCE_EXPLAINED.search(header or ""):
        return True
    return not _NAMED_STANDARDIZED.search(header or "") and bool(_VARIANCE_EXPLAINED.search(said or "")) \
        and not _NAMED_STANDARDIZED.search(said or "")


def generic_effect_measure(header: str, measure: str, said: str) -> str:
    """The measure of an effect column: `measure` as its header names it, unless the header is generic ("Effect",
    "Estimate" read as "DIFF"; "Ratio" read as nothing) and the caption or footnotes (`said`) declare one measure:
    then that measure, a ratio for a "Ratio" column, a difference for a "Difference" column. A column of
    standardized differences is an SMD's, and in a table of baseline characteristics (its caption in `said`) it
    is the arms' balance, no effect: "". An effect size the header or the notes declare as variance explained (eta
    squared, `variance_explained`) is no SMD either: ""."""
    if measure == "SMD" and variance_explained(header, said):
        return ""
    if _STANDARDIZED.search(header) and measure in ("", "DIFF", "MD", "SMD"):
        return "" if _BASELINE_CAPTION.search(said) else "SMD"
    if measure not in ("", "DIFF"):
        return measure
    declared = declared_measure(said)
    if declared is None:
        return measure
    if measure == "" and _GENERIC_RATIO.match(header):
        return declared if declared in RATIO_MEASURES else measure
    if measure == "DIFF" and _GENERIC_DIFFERENCE.search(header):
        return declared if declared not in RATIO_MEASURES else measure
    return declared if measure == "DIFF" else measure


# a median named where a difference's row or column is described: its difference is of medians, no contract measure
_MEDIAN_WORD = re.compile(r"\bmedians?\b", re.I)


def difference_of_plain_figures(difference: float, figures: list[float | None], described: str) -> bool:
    """Whether a difference printed under a bare "Difference" header beside exactly two arms' plain figures ("3.1 |
    5.6 | -2.5", no SD and no count to say what they are) is the difference of those two figures as printed, in
    either order: the arithmetic says the figures are the arms' means and the difference a mean difference.
    `described`: the row label, column header and caption; a median named there makes it no mean difference."""
    found = [f for f in figures if f is not None]
    if len(found) != 2 or len(figures) != 2 or _MEDIAN_WORD.search(described):
        return False
    first, second = found
    return _is_their_difference(difference, first, second) or _is_their_difference(difference, second, first)


# a header naming a difference of medians: "Median difference (95% CI)", "Difference in medians", "Hodges-Lehmann
# estimate", "HL shift"
_MEDIANS_DIFFERENCE = re.compile(r"\bmedian\s+(?:of\s+(?:the\s+)?)?differences?\b|\bdifferences?\s+(?:in|of|between)\s+"
                                 r"(?:the\s+)?medians\b|\bhodges[-\s\u2013\u2010]*lehmann\b|(?-i:\bHL\b)", re.I)


def median_difference(header: str, kinds: list[str], hint: str) -> bool:
    """Whether a difference column (measure "DIFF") is one of medians, the labels' MD: its header names a median
    difference or a Hodges-Lehmann estimate, or the row's arm cells (`kinds`, the arm figures' measures; `hint`, the
    row's declared format) are medians and none is a mean or a count."""
    if _MEDIANS_DIFFERENCE.search(header or ""):
        return True
    medians = "MEDIAN" in kinds or hint.startswith("median")
    return medians and "MEAN" not in kinds and "PROPORTION" not in kinds


# ------------------------------------------------------------------------------------- a matrix of comparisons
# an effect column's own header in a matrix: "Difference", "Differ-ence" (a hyphenated line break), "Mean difference",
# "MD", "Estimate"
_DIFFERENCE_HEADER = re.compile(r"\s*(?:(?:mean|LS\s*mean|adjusted)\s+)?(?:differ-?\s*ences?|MD|diff\.?|estimates?)\s*", re.I)
_INTERVAL_HEADER = re.compile(r"\s*(?:95\s*%\s*-?\s*)?(?:CI|confidence\s+intervals?)\s*", re.I)
_P_HEADER = re.compile(r"\s*p(?:\s*[-\u2010\u2013]?\s*values?)?\s*", re.I)


def comparison_matrix(headers: dict[int, list[str]], row_labels: list[str]) -> list[tuple[str, int, int | None, int | None]]:
    """The column groups of an agent-by-agent matrix of differences: "Difference to agent" over "P2 | P2 | P2 | P3 |
    ..." over "Difference | 95 %-CI | P | Difference | ...", each row label naming the other agent. `headers`: each
    column's header texts, top to bottom; `row_labels`: the body rows' first cells. Returns (the group's agent, its
    difference column, its interval column or None, its p-value column or None) for each group, when at least two
    groups under different agents each open with a difference column and an agent of the columns is also a row's
    label (the matrix: "P2" heads a column group and labels a row); else [] ("Week 12 | Week 24" over "Difference |
    95% CI" with outcomes as rows is no matrix)."""
    groups: list[tuple[str, int, int | None, int | None]] = []
    columns = sorted(c for c in headers if c > 0)
    for c in columns:
        texts = [t.strip() for t in headers[c] if t.strip()]
        if len(texts) < 2 or not _DIFFERENCE_HEADER.fullmatch(texts[-1]):
            continue
        agent = texts[-2]
        if _DIFFERENCE_HEADER.fullmatch(agent) or _INTERVAL_HEADER.fullmatch(agent) or _P_HEADER.fullmatch(agent):
            continue

        def beside(k: int, pattern: re.Pattern) -> int | None:
            own = [t.strip() for t in headers.get(k, []) if t.strip()]
            return k if len(own) >= 2 and own[-2] == agent and pattern.fullmatch(own[-1]) else None
        interval = beside(c + 1, _INTERVAL_HEADER)
        p = beside(c + 2 if interval is not None else c + 1, _P_HEADER)
        groups.append((agent, c, interval, p))
    agents = {g[0].lower() for g in groups}
    labels = {x.strip().lower() for x in row_labels}
    return groups if len(agents) >= 2 and agents & labels else []


# ------------------------------------------------------------------------------------- adjustment
# what adjusts p-values, not estimates: "P-values adjusted for multiple testing using Bonferroni correction",
# "Bonferroni-adjusted p", "adjusted p-value", "p values were corrected for multiple comparisons"
_P_ADJUSTMENT = re.compile(r"\bp[- ]?(?:values?)?\s+(?:(?:were|was|are|is)\s+)?(?:adjusted|corrected)\s+for\s+multiple\s+"
                           r"(?:testing|comparisons?|tests?)\b|\b(?:adjusted|corrected)\s+for\s+multiple\s+(?:testing|comparisons?|tests?)\b|"
                           r"\b(?:bonferroni|holm|sidak|\u0161id\u00e1k|benjamini)[- ](?:adjusted|corrected)\b|"
                           r"\b(?:adjusted|corrected)\s+p[- ]?(?:values?)?\b", re.I)
# an estimate a model gives: least-squares (estimated marginal) means and their differences
# (their abbreviations in capitals: "LSM", "LSMD", "EMM")
_MODEL_MEANS = re.compile(r"\b(?:LS|least[- ]squares?)\s*means?\b|\bestimated\s+marginal\s+means?\b|(?-i:\b(?:LSMD?|EMMs?)\b)", re.I)


def without_p_adjustment(text: str) -> str:
    """The text without what it says of p-values adjusted for multiple testing (that adjusts no estimate)."""
    return _P_ADJUSTMENT.sub(" ", text or "")


def model_means(text: str) -> bool:
    """Whether a header or caption says its figures are a model's least-squares (estimated marginal) means or their
    difference ("Difference in LS Means", "LS mean (SE)"): an estimate adjusted by its model."""
    return bool(_MODEL_MEANS.search(text or ""))


# ------------------------------------------------------------------------------------- pairwise comparisons
# the difference column of a table of pairwise comparisons: "Mean Difference (I-J)", "Mean difference", "Difference"
_PAIRWISE_DIFFERENCE = re.compile(r"\s*(?:(?:mean|LS\s*mean|adjusted)\s+)?(?:differ-?\s*ences?|MD|diff\.?)\s*"
                                  r"(?:[(\[]\s*I\s*[-\u2212\u2013\u2014]\s*J\s*[)\]])?\s*[*\u2020\u2021\u00a7]?\s*", re.I)
_BOUND = re.compile(r"\s*(?P<side>lower|upper)(?:\s+(?:bound|limit|level|CI|CL))?\s*", re.I)
# the figure of a difference cell: "0.96", "-1.62^", "0.61*" (a footnote mark after it)
_DIFFERENCE_CELL = re.compile(r"\s*(?P<v>[-\u2212\u2013]?\d+(?:\.\d+)?)\s*[\^*\u2020\u2021\u00a7a-z]?\s*")


def _difference_figure(text: str) -> float | None:
    m = _DIFFERENCE_CELL.fullmatch(text or "")
    return float(m.group("v").replace("\u2212", "-").replace("\u2013", "-")) if m is not None else None


def pairwise_comparisons(headers: dict[int, list[str]], body: list[dict[int, str]], names_p, names_interval) \
        -> list[dict]:
    """The rows of a table of pairwise comparisons between groups ("(I) Group | (J) Group | Mean Difference (I-J) |
    Sig. | Lower Bound | Upper Bound", "Groups | Paired comparisons | Mean difference | P"): the first two columns name
    the two groups of each comparison (the first one's name carried down over the blank cells under it), a difference
    column follows. The layout is proved by the groups themselves: at least three groups, one of them both a first and
    a second group of the table (one set of groups compared among themselves), and no row compares a group with
    itself. A comparison printed both ways round (I − J
    and J − I) is one estimate: only its first printing is kept. `headers`: each column's header texts, top to bottom;
    `body`: each body row's cell texts by column; `names_p`, `names_interval`: the tests of a p-value's and an
    interval's header (column_roles). Returns {first, second, value, ci_low, ci_high, p_text, row} per kept comparison
    (`row` the index in `body`), or [] when the table is no such table."""
    leaf = {c: (texts[-1].strip() if texts else "") for c, texts in headers.items()}
    difference = next((c for c in sorted(leaf) if c >= 2 and _PAIRWISE_DIFFERENCE.fullmatch(leaf[c])), None)
    if difference is None or any(_PAIRWISE_DIFFERENCE.fullmatch(leaf.get(c, "")) for c in (0, 1)):
        return []
    later = [c for c in sorted(leaf) if c > difference]
    p_column = next((c for c in later if names_p(leaf[c])), None)
    interval = next((c for c in later if names_interval(leaf[c])), None)
    bounds = {m.group("side").lower(): c for c in later for m in [_BOUND.fullmatch(leaf[c])] if m is not None}
    pairs: list[tuple[int, str, str, float]] = []
    first = ""
    for k, row in enumerate(body):
        a, b = (row.get(0) or "").strip(), (row.get(1) or "").strip()
        first = a or first
        value = _difference_figure(row.get(difference, ""))
        if value is None:
            if a and not b and not any((row.get(c) or "").strip() for c in row if c >= 2):
                continue        # "TS | | | |": the first group's row over its comparisons
            if any((row.get(c) or "").strip() for c in row if c >= 2):
                return []       # a row printing something else: no table of pairs
            continue
        if not first or not b:
            return []
        pairs.append((k, first, b, value))
    firsts = {p[1].lower() for p in pairs}
    seconds = {p[2].lower() for p in pairs}
    if len(pairs) < 2 or len(firsts | seconds) < 3 or not firsts & seconds or any(p[1].lower() == p[2].lower() for p in pairs):
        return []
    out, seen = [], set()
    for k, a, b, value in pairs:
        key = frozenset((a.lower(), b.lower()))
        if key in seen:
            continue        # J − I after I − J: the same comparison printed the other way round
        seen.add(key)
        row = body[k]
        low = high = None
        if interval is not None:
            m = re.fullmatch(r"\s*[(\[]?\s*([-\u2212]?\d+(?:\.\d+)?)\s*(?:to|[,;]|\s[-\u2013]\s?|[\u2013])\s*([-\u2212]?\d+(?:\.\d+)?)\s*[)\]]?\s*",
                             row.get(interval) or "")
            if m is not None:
                low, high = (float(x.replace("\u2212", "-")) for x in m.groups())
        elif {"lower", "upper"} <= set(bounds):
            low, high = _difference_figure(row.get(bounds["lower"], "")), _difference_figure(row.get(bounds["upper"], ""))
        if low is not None and high is not None and not low <= value <= high:
            low = high = None
        out.append(dict(first=a, second=b, value=value, ci_low=low, ci_high=high,
                        p_text=(row.get(p_column) or "").strip() if p_column is not None else "", row=k))
    return out


# ------------------------------------------------------------------------------------- decimal commas
_COMMA_NUMBER = re.compile(r"(?<![\d,.])(?P<int>\d+),(?P<frac>\d+)(?![\d,.])")


def decimal_points(cell: str) -> str:
    """An effect cell printed with decimal commas ("1,45 (0,98-2,12)", "0,2700", "-0,35 (-0,80 to 0,10)") with decimal
    points instead; a cell printing a point anywhere, or a number that may be thousands ("1,200": three digits after
    the comma of a whole number other than 0), stays as printed."""
    if "." in cell:
        return cell
    numbers = list(_COMMA_NUMBER.finditer(cell))
    if not numbers or any(len(m.group("frac")) == 3 and m.group("int") != "0" for m in numbers):
        return cell
    return _COMMA_NUMBER.sub(lambda m: f"{m.group('int')}.{m.group('frac')}", cell)


# ------------------------------------------------------------------- a sentence reader's effect in a figure column
# what makes a column header (or a row label) a comparison's even without a measure's name: "A vs B", "A − B"
_COMPARISON_HEADER = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:with|to)|minus|between)\b|\s[-\u2013\u2212]\s", re.I)


def _cell_at(table: dict, pos: int) -> dict | None:
    return next((c for c in table.get("cells") or [] if int(c.get("start", -1)) <= pos < int(c.get("end", -1))), None)


def _column_header(table: dict, col: int) -> str:
    given = table.get("header_rows")      # a count or a list of rows (ingestion writes either)
    heads = set(range(given)) if isinstance(given, int) and not isinstance(given, bool) else \
        {int(r) for r in given} if isinstance(given, (list, tuple)) else set()
    return " ".join(str(c.get("text") or "") for c in table.get("cells") or []
                    if int(c["col"]) == col and (c.get("header") or int(c["row"]) in heads)).strip()


def _row_labels(table: dict, row: int, col: int) -> list[str]:
    """The texts left of column `col` in a body row: its label ("| | Odds ratio (95% CI) | 0.61 (...) |" has two)."""
    return [str(c.get("text") or "") for c in table.get("cells") or [] if int(c["row"]) == row and int(c["col"]) < col]


def in_a_figure_column(row: dict, tables: list[dict], text: str, names_effect) -> bool:
    """Whether a sentence reader's unnamed effect (a value with a bare interval, no measure's name beside it) was read
    from a table's body cell whose column header names something other than an effect ("Drug A change (95% CI)",
    "Week 12", an arm) while neither that header nor the row's label names an effect or a comparison: the cell is
    an arm's or a time's figure with its interval, not a difference between arms. Every place the printed value
    stands in the row's span must be such a cell. `names_effect`: the table reader's test of a header."""
    printed = str(row.get("value_text") or "").strip()
    start, end = int(row.get("start") or 0), int(row.get("end") or 0)
    if not printed or end <= start:
        return False
    places = [m.start() + start for m in re.finditer(re.escape(printed), text[start:end])]
    if not places:
        return False
    for pos in places:
        table = next((t for t in tables if int(t.get("start", 0)) <= pos < int(t.get("end", 0))), None)
        cell = _cell_at(table, pos) if table is not None else None
        if cell is None or cell.get("header") or int(cell["col"]) == 0:
            return False
        header = _column_header(table, int(cell["col"]))
        labels = _row_labels(table, int(cell["row"]), int(cell["col"]))
        if not header or any(names_effect(x) or _COMPARISON_HEADER.search(x) for x in (header, *labels)):
            return False
    return True


# a column of relative differences or changes between two conditions' figures: "% difference between shoes",
# "Percent change", "Relative difference (%)"
_RELATIVE_DIFFERENCE_HEADER = re.compile(r"(?:%|\bper\s*cent(?:age)?)\s*(?:difference|change)|\brelative\s+(?:difference|change)",
                                         re.I)


def in_a_relative_difference_column(row: dict, tables: list[dict], text: str) -> bool:
    """Whether a sentence reader's relative change ("14% decrease") was read from a table's body cell under a column
    of relative differences ("% difference between shoes"): one condition's figure relative to another's, which the
    labelling conventions do not take for a relative risk reduction. Every place the printed value stands in the row's
    span must be such a cell."""
    if str(row.get("measure")) != "RRR" or str(row.get("finder") or "") != "change":
        return False
    printed = str(row.get("value_text") or "").strip()
    start, end = int(row.get("start") or 0), int(row.get("end") or 0)
    if not printed or end <= start:
        return False
    # (the percentage where it stands: "14% decrease", not the "14" of "(N = 14)")
    places = [m.start() + start for m in re.finditer(r"(?<![\w.])" + re.escape(printed.rstrip("% ")) + r"\s*%",
                                                      text[start:end])]
    if not places:
        return False
    for pos in places:
        table = next((t for t in tables if int(t.get("start", 0)) <= pos < int(t.get("end", 0))), None)
        cell = _cell_at(table, pos) if table is not None else None
        if cell is None or cell.get("header") or int(cell["col"]) == 0:
            return False
        if not _RELATIVE_DIFFERENCE_HEADER.search(_column_header(table, int(cell["col"]))):
            return False
    return True


def under_an_effect_heading(row: dict, text: str, names_effect, read_rows: list[dict]) -> bool:
    """Whether a sentence reader's effect was read from a table line ("| Mean offset | -46 (47) | 0.8 (28) | 47 [21,
    73], p = 0.001 |") in a column whose cell on a line above names an effect on a heading row of its own ("| Hand
    placement | | | Difference |": the stub and that word alone), while the table reader read no effect on that line
    (`read_rows`: its rows): kept, as the table reader left the column unread. `names_effect`: the table reader's test
    of a header."""
    printed = str(row.get("value_text") or "")
    if row.get("measure") not in RATIO_MEASURES | DIFFERENCE_MEASURES or not printed:
        return False
    start, end = int(row.get("start") or 0), int(row.get("end") or 0)
    for found in re.finditer(r"(?<![\w.])" + re.escape(printed) + r"(?![\w.]|\d)", text[start:end]):
        at = start + found.start()
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end == -1 else line_end
        line = text[line_start:line_end]
        if not line.lstrip().startswith("|"):
            continue
        col = text[line_start:at].count("|")
        if any(int(r.get("start") or 0) < line_end and line_start < int(r.get("end") or 0)
               and r.get("measure") in RATIO_MEASURES | DIFFERENCE_MEASURES for r in read_rows):
            continue
        above = line_start - 1
        while above > 0:
            prev_start = text.rfind("\n", 0, above) + 1
            prev = text[prev_start:above]
            if not prev.lstrip().startswith("|"):
                break
            cells = prev.split("|")
            if col < len(cells) and cells[col].strip() and names_effect(cells[col].strip()):
                # a heading row of its own: the effect's word over its column, no other column named (a header
                # naming the arms beside it is the table reader's to read)
                return not any(c.strip() for k, c in enumerate(cells[2:-1], start=2) if k != col)
            above = prev_start - 1
    return False


def measure_of_the_row(measure: str, named: list[str], kinds: list[str], hint: str, value: float | None,
                       low: float | None) -> str | None:
    """The measure of one effect cell under a column whose header names a ratio and a difference ("Adjusted RR/MD
    (95% CI)", "OR or mean difference"; `named`: the measures the header names, in the table reader's codes;
    `measure` the one it read first): each row gets the one its arms' figures fit, counts of patients the ratio, means
    the difference, and a cell whose value or lower bound is below zero the difference (a ratio is never negative;
    zero only when one arm had no event). Any other column keeps `measure`."""
    differences = [m for m in named if m in DIFFERENCE_MEASURES or m == "DIFF"]
    ratios = [m for m in named if m in RATIO_MEASURES]
    if measure not in RATIO_MEASURES or not differences or not ratios:
        return measure
    difference = differences[0] if differences[0] != "DIFF" else "MD"
    counted = "PROPORTION" in kinds or hint in ("n_pct", "pct_n")
    averaged = "MEAN" in kinds or hint.startswith("mean")
    negative = (value is not None and value < 0) or (low is not None and low < 0)
    return difference if (averaged and not counted) or negative else measure


# a header naming a difference or a ratio without saying which ratio: "Difference or ratio (95% CI) P value",
# "Ratio/difference", "Diff. or ratio"
_DIFFERENCE_OR_RATIO = re.compile(r"\bdiff(?:erences?|\.)?\s*(?:or|/)\s*ratios?\b|\bratios?\s*(?:or|/)\s*diff(?:erences?|\.)?",
                                  re.I)


def counted_ratio(header: str, value: float | None, low: float | None, shares: list[float], printed: str) -> str | None:
    """The measure of a row of counts under a header naming "difference or ratio" (`shares`: the arms' shares the
    row prints, as fractions; `printed`: the cell as printed, its value first): a ratio of the arms, the odds ratio when their shares
    compute it and not the risk ratio, else the risk ratio (ratio_kind.kind_from). None for any other header, and for
    a value that is a difference (negative, a negative lower bound, or the shares' difference itself)."""
    if not _DIFFERENCE_OR_RATIO.search(header or "") or value is None or value <= 0 or (low is not None and low < 0):
        return None
    figure = _LEADING_FIGURE.match(printed or "")
    figure = figure.group("v").replace(",", ".").replace("\u00b7", ".") if figure is not None else ""
    decimals = len(figure.split(".")[1]) if "." in figure else 0
    tolerance = 0.5 * 10 ** -decimals + 1e-9
    if len(shares) == 2 and any(abs(abs(shares[0] - shares[1]) * scale - value) <= tolerance for scale in (1, 100)):
        return None
    return kind_from(shares, value, decimals) or "RR"


# ------------------------------------------------------------------- an effect cell's own declarations
# "0.81 (0.22:3.05)", "-1520 (-2210:-830)": an interval printed with a colon between its bounds
_COLON_INTERVAL = re.compile(r"(?P<value>[-\u2212]?\d+(?:\.\d+)?)\s*(?P<open>[(\[])\s*(?P<low>[-\u2212]?\d+(?:\.\d+)?)\s*"
                             r"(?P<colon>:)\s*(?P<high>[-\u2212]?\d+(?:\.\d+)?)\s*(?P<close>[)\]])")
# a footnote letter glued after an effect's figures ("0.81 (0.22:3.05)b", "1.9 (0.4 to 3.4)^c"), or a symbol
_GLUED_MARK = re.compile(r"(?<=[)\]\d])\s?(?P<mark>\^?[a-h]|[*\u2020\u2021\u00a7\u00b6#]{1,3})\s*$")


def _signed(text: str) -> float:
    return float(text.replace("\u2212", "-"))


def colon_interval(cell: str) -> str:
    """The cell with an interval printed "lo:hi" after its value written "lo to hi" ("0.81 (0.22:3.05)" ->
    "0.81 (0.22 to 3.05)"), when the value lies between the bounds and the three are not all whole numbers of one
    sign ("12 (1:2)", "3 (2:5)": a ratio of counts, no interval). Any other cell comes back as it is."""
    def written(m: re.Match) -> str:
        value, low, high = (_signed(m.group(k)) for k in ("value", "low", "high"))
        counts = all(re.fullmatch(r"\d+", m.group(k)) for k in ("value", "low", "high"))
        if counts or not low <= value <= high:
            return m.group()
        return f"{m.group('value')} {m.group('open')}{m.group('low')} to {m.group('high')}{m.group('close')}"
    return _COLON_INTERVAL.sub(written, cell) if ":" in cell else cell


# ... or between the value and its interval: "0.81b (0.22:3.05)", "1.9^c [0.4, 3.4]"
_MARK_BEFORE_INTERVAL = re.compile(r"(?<=\d)(?P<mark>\^?[a-h]|[*\u2020\u2021\u00a7\u00b6#]{1,3})(?=\s*[(\[]\s*[-\u2212]?\.?\d)")


def glued_mark(cell: str) -> tuple[str, str]:
    """(the cell without the footnote mark glued after its figures, or between its value and its interval, the
    mark): "0.81 (0.22:3.05)b" -> ("0.81 (0.22:3.05)", "b"), "0.81b (0.22:3.05)" -> ("0.81 (0.22:3.05)", "b"); a
    cell without one comes back with ""."""
    m = _GLUED_MARK.search(cell)
    if m is not None:
        return cell[:m.start()].rstrip(), m.group("mark").lstrip("^")
    m = _MARK_BEFORE_INTERVAL.search(cell)
    if m is not None:
        return cell[:m.start()] + cell[m.end():], m.group("mark").lstrip("^")
    return cell, ""


# the measures a footnote may name after its mark, spelled out or abbreviated ("b odds ratio", "a MD", "c IRR")
_MARKED_ABBREVIATIONS = {"OR": "OR", "AOR": "OR", "RR": "RR", "HR": "HR", "IRR": "IRR", "RD": "RD", "MD": "MD",
                         "SMD": "SMD", "ARR": "RD"}


def _measure_opening(words: str) -> str | None:
    """The measure the words open with ("mean difference between groups" -> "MD", "odds ratio" -> "OR", "IRR"),
    after an article or a verb ("is a", "= ", "are the"); None when they open with none."""
    words = re.sub(r"^\s*(?:[:=.,)\-\u2013]\s*)?(?:(?:is|are|denotes?|indicates?|shows?|=)\s+)?(?:(?:an?|the)\s+)?", "", words)
    for code, pattern in _DECLARED_MEASURES:
        m = pattern.match(words)
        if m is not None:
            return code
    m = re.match(r"(?-i:(?P<abbr>a?[A-Z]{2,3}))\b", words)
    return _MARKED_ABBREVIATIONS.get(m.group("abbr").upper()) if m is not None else None


# where the note of one mark ends: a semicolon, a line's end, or the next mark opening its own note (", b odds ratio")
_NOTE_END = re.compile(r"[;\n]|[.,]\s+\^?(?:[a-h]|[*\u2020\u2021\u00a7\u00b6#]+)(?![A-Za-z])")


def marked_measure(mark: str, footnotes: str) -> str | None:
    """The measure the footnote opened by `mark` names ("a Mean difference; b odds ratio; c incidence rate ratio":
    "b" -> "OR"; "a Adjusted mean difference, b adjusted odds ratio": "b" -> "OR"), the mark standing at the start of
    a line, after a stop, semicolon, comma or colon, or printed "^b"; its note runs to the next mark's. None when no
    note of that mark names one measure (or two notes name different ones). A letter inside a sentence ("is a mean
    difference") is a word, not a mark."""
    if not mark or not footnotes:
        return None
    found = set()
    for m in re.finditer(r"(?<![A-Za-z0-9])\^?" + re.escape(mark) + r"(?![A-Za-z0-9])", footnotes):
        before = footnotes[:m.start()].rstrip(" \t")
        if before and before[-1] not in "\n.;,:" and not m.group().startswith("^") and mark.isalnum():
            continue
        after = footnotes[m.end():m.end() + 100]
        end = _NOTE_END.search(after)
        note = after[:end.start()] if end is not None else after
        measure = declared_measure(note) or _measure_opening(note)
        if measure is not None:
            found.add(measure)
    return found.pop() if len(found) == 1 else None


# ", effect size", "; Cohen's d", "/ES" after what a header names first ("Difference (95% CI), effect size"): each cell
# prints that first statistic, then the effect size after a comma ("0.35 (-0.91 to 1.61),0.12")
_AND_EFFECT_SIZE = re.compile(r"(?<=[)\]\w])\s*[,;/]\s*(?:and\s+)?(?:(?:standardi[sz]ed\s+)?effect\s+sizes?|cohen'?s\s*d|"
                              r"hedges'?\s*g|(?-i:ES))\s*(?:[(\[][^()\[\]]*[)\]])?\s*$", re.I)
# the effect size printed after the figure and its interval: ",0.12", "; 0.45", ", d = 0.3"
_TRAILING_EFFECT_SIZE = re.compile(r"(?<=[)\]])\s*[,;]\s*(?:(?:d|ES|g)\s*=\s*)?[-\u2212]?\d*\.?\d+\s*$")


def before_effect_size(header: str) -> str:
    """A header naming a statistic and then the effect size its cells print after it ("Difference (95% CI), effect
    size") without the effect size: the measure of the column is the first one's. Any other header as it is (a
    header naming only an effect size, "Effect size (95% CI)", is one)."""
    m = _AND_EFFECT_SIZE.search(header or "")
    return header[:m.start()] if m is not None and m.start() > 0 else header


def without_effect_size(cell: str) -> str:
    """The cell without the effect size printed after its interval ("0.35 (-0.91 to 1.61),0.12" ->
    "0.35 (-0.91 to 1.61)"), under a header that says so (`before_effect_size`)."""
    m = _TRAILING_EFFECT_SIZE.search(cell)
    return cell[:m.start()] if m is not None else cell


# an effect size that names itself in a bracket of its own after the estimate: "(standardized effect size 0.254)",
# "(effect size = 0.3)", "[ES 0.41]", "(Cohen's d 0.25)"
_NAMED_EFFECT_SIZE = re.compile(r"\s*[(\[]\s*(?:(?:standardi[sz]ed\s+)?effect\s+sizes?|(?-i:ES)|cohen'?s\s*d|hedges'?\s*g)"
                                r"\s*[:=]?\s*[-\u2212]?\d*\.?\d+\s*[)\]]\s*$", re.I)


def without_named_effect_size(cell: str) -> str:
    """The cell without an effect size printed after it in a bracket that names it ("1.75±0.74 (0.28;3.21)
    (standardized effect size 0.254)" -> "1.75±0.74 (0.28;3.21)"): the estimate is the cell's first figure, whatever
    the header names; the effect size is a second statistic of the cell, no bound of its interval."""
    m = _NAMED_EFFECT_SIZE.search(cell or "")
    return cell[:m.start()] if m is not None and m.start() > 0 else cell



# ------------------------------------------------------------------- effect rows of a table whose rows are the arms
# a row that tests rather than estimates ("p value", "P for difference") or a change within an arm ("Difference from
# baseline")
_NOT_AN_EFFECT_ROW = re.compile(r"\s*p\b|.*\bdifferences?\s+(?:from|vs\.?|versus)\s+baseline\b(?!.*\bbetween\b)", re.I)


def transposed_effect_measure(label: str, measure: str, said: str) -> str:
    """The measure of a row labelled as a comparison in a table whose rows are the arms ("Mean difference in change
    from baseline [95% CI]" -> "MD", "Std effect size" -> "SMD", "Difference (95% CI)" -> "DIFF", the arms' figures
    to say which): `measure`, the table reader's reading of the label as a header; "" for a row of p-values, an arm's
    change from baseline, or an effect size the label or the notes (`said`) declare as variance explained."""
    if not measure or _NOT_AN_EFFECT_ROW.match(label or ""):
        return ""
    return generic_effect_measure(label, measure, said)


def difference_order(measure: str, value: float, figures: list[list[float | None]], col: int,
                     roles: list[str]) -> tuple[int, int]:
    """(first, second): which of the two arm rows above an effect row is the intervention and which the comparator
    (indexes into `figures` and `roles`, the arm rows' figures by column and their roles). A difference (`measure`)
    that is, at column `col`, the second row's figure minus the first's (or the second's change from the first
    column minus the first's), and not the reverse, is printed second minus first; otherwise the experimental arm
    is first when the roles say which, else the first row."""
    if measure in DIFFERENCE_MEASURES and len(figures) == 2:
        a, b = figures
        pairs = []
        if col < len(a) and col < len(b) and a[col] is not None and b[col] is not None:
            pairs.append((a[col], b[col]))
            if col > 0 and a[0] is not None and b[0] is not None:
                pairs.append((a[col] - a[0], b[col] - b[0]))
        forward = any(_is_their_difference(value, x, y) for x, y in pairs)
        backward = any(_is_their_difference(value, y, x) for x, y in pairs)
        if backward and not forward:
            return 1, 0
        if forward and not backward:
            return 0, 1
    if len(roles) == 2 and roles[1] == "experimental" and roles[0] != "experimental":
        return 1, 0
    return 0, 1


# ------------------------------------------------------------------- a risk difference printed as a fraction
# a header saying its differences are percentages: "Difference, %", "RD (%)", "percentage points"; "95%" of an interval
# says nothing of the unit
_PERCENT_HEADER = re.compile(r"(?<!\d)(?<!\d\s)%|\bpercent(?:age)?\s+points?\b|\bp\.?p\.?(?=\W|$)", re.I)


def percent_header(header: str) -> bool:
    """Whether an effect column's header says its values are percentages ("Difference, % (95% CI)"), the "%" of an
    interval's level ("(95% CI)") not counted."""
    return bool(_PERCENT_HEADER.search(header or ""))


def printed_as_fraction(value: float | None, low: float | None, high: float | None) -> bool:
    """Whether a risk difference with its interval is printed as a fraction: value and both bounds within -1 to 1,
    the interval printed ("-0.054 (-0.36, 0.24)"). A difference in percentage points has bounds that wide only when
    its value is near zero and its interval narrower than one point, which a trial's arms do not give."""
    if value is None or low is None or high is None:
        return False
    return all(-1 <= x <= 1 for x in (value, low, high)) and high > low


# ------------------------------------------------------------------- a regression's coefficient of the allocation
# the column of a model's coefficients: "β", "B", "Coefficient", "Regression coefficient", "Estimate"
_COEFFICIENT_HEADER = re.compile(r"^\s*(?:\u03b2|\u00df|B|b|beta|(?:unstandardi[sz]ed\s+|regression\s+)?coefficients?|coef\.?|"
                                 r"estimates?)\s*[*\u00b6\u2020\u2021\u00a7]?\s*(?:\(\s*(?:SE|95\s*%\s*CI)\s*\))?\s*$", re.I)


def names_coefficient(text: str) -> bool:
    """Whether a header text names a model's coefficient ("B", "β", "Coefficient", "Estimate (SE)")."""
    return bool(_COEFFICIENT_HEADER.match(text or ""))


# a coefficient header naming the interval its cells print after the value: "Coefficient (95% CI)"
_INTERVAL_IN_HEADER = re.compile(r"\(\s*95\s*%\s*CI\s*\)", re.I)
# "-0.0762 (-0.139, -0.0131)": a coefficient and its interval in one cell
_VALUE_AND_INTERVAL = re.compile(r"^\s*(?P<v>[-+\u2212]?\d*\.?\d+)\s*[(\[]\s*(?P<lo>[-+\u2212]?\d*\.?\d+)\s*(?:,|;|to|\u2013)\s*"
                                 r"(?P<hi>[-+\u2212]?\d*\.?\d+)\s*[)\]]\s*$")
# a column that says the table is a model's: its coefficients' SE, interval or test statistic
_MODEL_COLUMN = re.compile(r"^\s*(?:standard\s+errors?|S\.?E\.?|95\s*%\s*(?:CI|confidence\s+interval)|Wald\b.*|t|z|"
                           r"\u03c7\s*2|chi-?squared?)\s*$", re.I)
_SE_HEADER = re.compile(r"^\s*(?:standard\s+errors?|S\.?E\.?)\s*$", re.I)
_MODEL_P_HEADER = re.compile(r"^\s*(?:p|p[- ]?values?|sig\.?|significance)\s*$", re.I)
_CI_HEADER = re.compile(r"^\s*95\s*%\s*(?:CI|confidence\s+interval)\s*$", re.I)
# the row of the allocation: "Group", "Group (control versus intervention)", "Treatment (A vs B)", "Intervention"
_ALLOCATION_ROW = re.compile(r"^\s*(?:study\s+|treatment\s+)?(?:group|arm|treatment|intervention|allocation|randomi[sz]ation)"
                             r"(?:\s+(?:group|arm|affiliation|membership|assignment))?\s*(?:[(\[:,]|$)", re.I)
_NUMBER = re.compile(r"^\s*(?P<v>[-+\u2212]?\d*\.?\d+)\s*$")
_PAIR = re.compile(r"^\s*[(\[]?\s*(?P<lo>[-+\u2212]?\d*\.?\d+)\s*(?:-|\u2013|to|,|;)\s*(?P<hi>[-+\u2212]?\d*\.?\d+)\s*[)\]]?\s*$")
_P_CELL = re.compile(r"^\s*(?P<op>[<>=\u2264]?)\s*(?P<v>0?\.\d+|1(?:\.0+)?)\s*[*\u2020\u2021\u00a7\u00b6]*\s*$")
# an interaction of the arm with a time ("One-day X \u00d7 0.5 hrs", "Drug x week 4", "Drug * right after"): the
# arm's difference from the reference arm at that time in a model whose reference is the control
_INTERACTION_JOIN = re.compile(r"\s+[\u00d7xX*]\s+")
_TIME_SIDE = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*(?:hrs?|hours?|h|min(?:utes?|s)?|days?|d|weeks?|wks?|months?|mo)\.?|"
                        r"(?:right|immediately|just)\s+after(?:\s+\w+)?)\s*$", re.I)
# a coefficient printed with its SE in brackets under "Estimate (SE)": "0.87 (0.18)"
_VALUE_AND_SE = re.compile(r"^\s*(?P<v>[-+\u2212]?\d*\.?\d+)\s*\(\s*(?P<se>\d*\.?\d+)\s*\)\s*$")
_SE_IN_HEADER = re.compile(r"\(\s*SE\s*\)", re.I)


def _number(text: str) -> float | None:
    m = _NUMBER.match(text or "")
    return float(m.group("v").replace("\u2212", "-")) if m else None


def _arms_named(label: str, arms: list) -> list:
    """The study's arms a row label names, in the order it names them ("Group (control versus intervention)")."""
    low = label.lower()
    found = []
    for arm in arms:
        names = {str(arm.canonical or "").lower(), str(arm.name or "").lower(), *(str(a).lower() for a in arm.aliases or ())}
        at = [low.find(n) for n in names if n and len(n) > 2 and low.find(n) >= 0]
        if at:
            found.append((min(at), arm))
    return [arm for _, arm in sorted(found, key=lambda x: x[0])]


def allocation_coefficients(table: dict, study) -> list[dict]:
    """A regression table's coefficient of the allocation ("| | β | Standard errors | Wald chi-squared | P value |" with a
    row "Group (control versus intervention) | 8.38 | 2.73 | 9.42 | .002"): the difference between the arms the model
    estimates, a mean difference. Only a table whose header names the coefficients and one more column of a model's
    (their SE, interval or test statistic), and only the row naming the allocation: the other rows (the intercept, age,
    times, baseline factors) are no comparison of the trial's arms. The arms: those the label names, in its order
    (the coefficient of the first against the second), else the study's experimental arm against its control.
    Returns {value, value_text, se, ci_low, ci_high, p_value, p_text, intervention, comparator, row, col} per row."""
    cells = table.get("cells") or []
    given = table.get("header_rows")      # a count or a list of rows (ingestion writes either)
    heads = set(range(given)) if isinstance(given, int) and not isinstance(given, bool) else \
        {int(r) for r in given} if isinstance(given, (list, tuple)) else set()
    heads = heads | {int(c["row"]) for c in cells if c.get("header")} or {0}
    header = {int(c["col"]): str(c.get("text") or "") for c in cells if int(c["row"]) in heads}
    above = {}      # each column's spanning header (a model's or a measurement's name over its columns)
    for c in sorted(cells, key=lambda c: int(c["row"])):
        if int(c["row"]) in heads and int(c["row"]) < max(heads) and str(c.get("text") or "").strip():
            above[int(c["col"])] = str(c.get("text") or "").strip()
    coefficient = [col for col, text in header.items() if col > 0 and _COEFFICIENT_HEADER.match(text)]
    if len(coefficient) > 1 and all(_INTERVAL_IN_HEADER.search(header[c]) for c in coefficient) and \
            len({above.get(c, "") for c in coefficient}) == len(coefficient):
        # "Normal (100%) | Low (4%)" each over "Coefficient (95% CI) | P value": one model per spanning header, the
        # interval in the coefficient's cell
        out = []
        for col in coefficient:
            own = {c: t for c, t in header.items() if c == 0 or c == col or
                   col < c < min([k for k in coefficient if k > col], default=10 ** 6)}
            for found in _allocation_coefficients_of(own, col, heads, cells, study):
                out.append(dict(found, model=above.get(col, "")))
        return out
    if not coefficient:
        per_outcome = _coefficients_per_outcome(heads, cells, study)
        if per_outcome:
            return per_outcome
    if len(coefficient) != 1 or not any(_MODEL_COLUMN.match(text) or _INTERVAL_IN_HEADER.search(text)
                                        for col, text in header.items() if col > 0):
        return []
    return _allocation_coefficients_of(header, coefficient[0], heads, cells, study)


# a header naming a model's coefficient with its SE (and p) printed in each cell: "Parameter estimate* (Standard error),
# p-value", "β (SE), p", "Coefficient (SE)"
_COEFFICIENT_SE_HEADER = re.compile(r"^\s*(?:(?:parameter|regression)\s+)?(?:\u03b2|\u00df|B|b|beta|coefficients?|coef\.?|"
                                    r"estimates?)\s*[*\u00b6\u2020\u2021\u00a7]?\s*\(\s*(?:SE|S\.E\.|standard\s+errors?)\s*\)"
                                    r"\s*(?:[,;]\s*(?:p|p[- ]?values?|sig\.?))?\s*$", re.I)
# "−23.537 (4.831), <0.001": a coefficient, its SE in brackets and its p after a comma (the p may be absent)
_VALUE_SE_P = re.compile(r"^\s*(?P<v>[-+\u2212]?\d*\.?\d+)\s*\(\s*(?P<se>\d*\.?\d+)\s*\)\s*"
                         r"(?:[,;]\s*(?:p\s*)?(?P<op>[<>=\u2264]?)\s*(?P<p>0?\.\d+|1(?:\.0+)?)\s*\*?)?\s*$", re.I)


def _coefficients_per_outcome(heads: set[int], cells: list[dict], study) -> list[dict]:
    """A model table with one outcome per column ("Variables | FPG (3rd month) | HbA1c (3rd month)" over "Parameter
    estimate* (Standard error), p-value" in every column, then "Group affiliation (ref. control) | −23.537 (4.831),
    <0.001 | −0.403 (0.117), 0.001", "Age | ...", "Gender (ref. female) | ..."): each column's coefficient of the
    allocation row is the arms' difference on that column's outcome, a mean difference of the experimental arm against
    the control (or the arms the label names, in its order). Only when every column's lowest header names a
    coefficient with its SE, so no arm's or a summary's column is read as a model's. The coefficient is adjusted when
    the model holds other rows (its covariates). Each found row carries `header_path`: the column's other header
    texts, top down (its outcome, its time)."""
    paths: dict[int, list[str]] = {}
    for c in sorted(cells, key=lambda c: int(c["row"])):
        if int(c["row"]) in heads and int(c["col"]) > 0:
            paths.setdefault(int(c["col"]), []).append(re.sub(r"\s+", " ", str(c.get("text") or "")).strip())
    if not paths or not all(path and _COEFFICIENT_SE_HEADER.match(path[-1]) for path in paths.values()):
        return []
    arms = list(getattr(study, "arms", None) or [])
    experimental = next((a for a in arms if a.role == "experimental"), None)
    control = next((a for a in arms if a.role == "control"), None)
    by_row: dict[int, dict[int, dict]] = {}
    for c in cells:
        if int(c["row"]) not in heads:
            by_row.setdefault(int(c["row"]), {})[int(c["col"])] = c
    model_rows = [r for r, row in by_row.items()
                  if any(_VALUE_SE_P.match(str(cell.get("text") or "")) for col, cell in row.items() if col > 0)]
    out = []
    for r, row in sorted(by_row.items()):
        label = str((row.get(0) or {}).get("text") or "")
        if not _ALLOCATION_ROW.match(label):
            continue
        named = _arms_named(label, arms)
        if len(named) >= 2 and not _REFERENCE_NAMED.search(label):
            intervention, comparator = named[0], named[1]
        elif experimental is not None and control is not None:
            intervention, comparator = experimental, control
        else:
            continue
        for col in sorted(paths):
            m = _VALUE_SE_P.match(str((row.get(col) or {}).get("text") or ""))
            if m is None:
                continue
            exact = m.group("p") is not None and m.group("op") in ("", "=")
            out.append({"value": float(m.group("v").replace("\u2212", "-")),
                        "value_text": str(row[col].get("text") or "").strip(), "se": float(m.group("se")),
                        "ci_low": None, "ci_high": None,
                        "p_value": float(m.group("p")) if exact else None,
                        "p_text": (m.group("op") + m.group("p")) if m.group("p") is not None and not exact else None,
                        "intervention": intervention, "comparator": comparator, "row": r, "col": col,
                        "header_path": paths[col][:-1], "adjusted": "yes" if len(model_rows) > 1 else ""})
    return out


# "(ref. control)", "(reference: placebo)": the label names the arm compared against, not the two arms in order
_REFERENCE_NAMED = re.compile(r"\bref(?:\.|erence)?\b", re.I)


def _allocation_coefficients_of(header: dict[int, str], col: int, heads: set[int], cells: list[dict], study) -> list[dict]:
    """`allocation_coefficients` of one coefficient column `col`, its SE, interval and p columns among `header`'s."""
    se_col = next((c for c, t in header.items() if _SE_HEADER.match(t)), None)
    p_col = next((c for c, t in header.items() if _MODEL_P_HEADER.match(t)), None)
    ci_col = next((c for c, t in header.items() if _CI_HEADER.match(t)), None)
    # (the interval in two columns of its own, "Lower Bound | Upper Bound" under "95 % CI")
    bound_cols = {m.group("side").lower(): c for c, t in header.items() for m in [_BOUND.fullmatch(t)] if m is not None}
    arms = list(getattr(study, "arms", None) or [])
    experimental = next((a for a in arms if a.role == "experimental"), None)
    control = next((a for a in arms if a.role == "control"), None)
    by_row: dict[int, dict[int, dict]] = {}
    for c in cells:
        if int(c["row"]) not in heads and int(c["row"]) > min(heads):
            by_row.setdefault(int(c["row"]), {})[int(c["col"])] = c
    out = []
    heading = ""        # the body's last heading row ("Tidal volumes (mL) at Day 1 | | |"): the outcome of the rows below
    for r, row in sorted(by_row.items()):
        label = str((row.get(0) or {}).get("text") or "")
        if label.strip() and not any(str(c.get("text") or "").strip() for k, c in row.items() if k > 0):
            heading = re.sub(r"\s+", " ", label).strip()
            continue
        interaction = _arm_by_time(label, study, control) if not _ALLOCATION_ROW.match(label) else None
        if (not _ALLOCATION_ROW.match(label) and interaction is None) or col not in row:
            continue
        value = _number(str(row[col].get("text") or ""))
        with_se = _VALUE_AND_SE.match(str(row[col].get("text") or "")) if _SE_IN_HEADER.search(header[col]) else None
        if value is None and with_se is not None:
            value = float(with_se.group("v").replace("\u2212", "-"))      # "0.87 (0.18)" under "Estimate (SE)"
        with_interval = _VALUE_AND_INTERVAL.match(str(row[col].get("text") or "")) \
            if _INTERVAL_IN_HEADER.search(header[col]) else None
        if value is None and with_interval is not None:
            value = float(with_interval.group("v").replace("\u2212", "-"))     # under "Coefficient (95% CI)"
        if value is None:
            continue
        named = _arms_named(label, arms)
        if interaction is not None:
            intervention, comparator = interaction[0], control
        elif len(named) >= 2:
            intervention, comparator = named[0], named[1]
        elif experimental is not None and control is not None:
            intervention, comparator = experimental, control
        else:
            continue
        se = _number(str((row.get(se_col) or {}).get("text") or "")) if se_col is not None else \
            float(with_se.group("se")) if with_se is not None else None
        pair = _PAIR.match(str((row.get(ci_col) or {}).get("text") or "")) if ci_col is not None else with_interval
        if pair is None and {"lower", "upper"} <= set(bound_cols):
            bounds = " to ".join(str((row.get(bound_cols[side]) or {}).get("text") or "").strip()
                                 for side in ("lower", "upper"))
            pair = _PAIR.match(bounds)
        p = _P_CELL.match(str((row.get(p_col) or {}).get("text") or "")) if p_col is not None else None
        p_exact = p is not None and p.group("op") in ("", "=")
        out.append({"value": value, "value_text": str(row[col].get("text") or "").strip(), "se": se,
                    "ci_low": float(pair.group("lo").replace("\u2212", "-")) if pair else None,
                    "ci_high": float(pair.group("hi").replace("\u2212", "-")) if pair else None,
                    "p_value": float(p.group("v")) if p is not None and p_exact else None,
                    "p_text": (p.group("op") + p.group("v")) if p is not None and not p_exact else None,
                    "intervention": intervention, "comparator": comparator, "row": r, "col": col,
                    **({"outcome": heading, "timepoint": interaction[1], "adjusted": "yes"} if interaction else {})})
    return out


def _arm_by_time(label: str, study, control) -> tuple | None:
    """(arm, time) of a model's interaction row of an arm with a time ("One-day acupressure \u00d7 0.5 hrs"): the side
    the study resolves to an arm other than the control (the model's reference), the other side a time. None for any
    other row ("Group x Time": no arm; "Age x Sex": no time), and when the study has no control to be the reference."""
    sides = _INTERACTION_JOIN.split(re.sub(r"\s+", " ", label or "").strip())
    if control is None or len(sides) != 2 or study is None:
        return None
    for arm_side, time_side in (sides, sides[::-1]):
        if not _TIME_SIDE.match(time_side) or _ALLOCATION_ROW.match(arm_side):
            continue
        arm = study.resolve_column(arm_side)
        if arm is not None and arm is not control and arm.role != "control":
            return arm, time_side.strip()
    return None


def within_group_effects(paths: dict[int, list[str]], effect_columns: list[int], skipped: set[int],
                         names_time=lambda _t: False) -> set[int]:
    """The effect columns that each close one group's block of columns ("Control Group" over "Pre | Post | Diff",
    then "Effect Size | 95% C.I. | p value", then "Experimental Group" over the same): each group's own change, no
    comparison of the groups. An effect column is one when the columns since the previous effect column (`skipped`:
    intervals, p-values and the like left out) all sit under one top header that is not the effect column's own, and
    at least two effect columns close blocks of different groups, and no block's top header is a time (`names_time`:
    "Week 4" over "Drug | Placebo" then "Effect size" compares the two arms at that time). `paths`: each column's
    header texts, top down."""
    closing: dict[int, str] = {}
    for effect in sorted(effect_columns):
        previous = max((e for e in effect_columns if e < effect), default=0)
        block = [c for c in paths if previous < c < effect and c not in skipped and c not in effect_columns]
        tops = {paths[c][0].strip() for c in block if paths[c] and paths[c][0].strip()}
        own_top = (paths.get(effect) or [""])[0].strip()
        if len(block) >= 2 and len(tops) == 1 and own_top not in tops and not any(names_time(t) for t in tops):
            closing[effect] = tops.pop()
    return set(closing) if len(set(closing.values())) >= 2 else set()


# ------------------------------------------------------------------- the arms an effect column's header compares
# what joins the two sides of a comparison: "A vs. B", "A versus B", "A compared with B", "A minus B", "A – B"
_SIDES_JOIN = re.compile(r"\s(?:vs\.?|versus|compared\s+(?:with|to)|minus|relative\s+to)\s|\s[-\u2013\u2014\u2212]\s", re.I)


def columns_compared(header: str, own_names: dict[int, str]) -> tuple[int, int] | None:
    """(first, second): the two arm columns an effect column's header compares by the names the table itself prints
    over them ("Basic | Enhanced" under "Treatment group", the effect column "Difference between groups, Enhanced vs.
    Basic"), in the order the header prints them, when the study model's names do not say: exactly two columns'
    own names (`own_names`: {column: its own header text, without its size}) are found in the header as whole
    words, one before and one after a comparison's join. None otherwise (a name printed twice, a third name, no
    join between them)."""
    text = re.sub(r"\s+", " ", header or "")
    hits: list[tuple[int, int, int]] = []       # (start, end, column)
    for col, name in own_names.items():
        name = re.sub(r"\s+", " ", name or "").strip()
        if len(name) < 2 or not re.search(r"[A-Za-z]", name):
            continue
        hits += [(m.start(), m.end(), col) for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.I)]
    # (a name inside a longer one, "Drug" in "Drug + X", is that longer name's)
    hits = [h for h in hits if not any(g != h and g[0] <= h[0] and h[1] <= g[1] for g in hits)]
    found = [h for h in hits if sum(1 for g in hits if g[2] == h[2]) == 1]
    if len(found) != 2 or len(hits) != 2 or len({name.lower() for name in (own_names[found[0][2]], own_names[found[1][2]])}) != 2:
        return None
    (_, first_end, first), (second_start, _, second) = sorted(found)
    if second_start < first_end or not _SIDES_JOIN.search(f" {text[first_end:second_start]} "):
        return None
    return first, second


# ------------------------------------------------------------------- a row of each arm's difference against one arm
# the word of a difference a row label opens with: "Difference", "Mean difference", "Treatment difference",
# "Between-group difference", "Diff.", "MD", "Δ", with its interval named or not ("Difference (95% CI)")
_DIFFERENCE_WORD = re.compile(r"\s*(?:(?:adjusted|mean|treatment|between[- ]groups?|group)\s+)*"
                              r"(?:differences?|diff\.?|MD|[\u0394\u2206\u03b4])"
                              r"(?:\s*[(\[]\s*(?:9[059]\s*%\s*)?(?:CI|confidence\s+intervals?)\s*[)\]])?\s*", re.I)
# the join before the arm compared with: a comparison's ("vs.", "versus", "compared with", "relative to") or "from",
# "against" ("Difference from control")
_AGAINST_JOIN = re.compile(_SIDES_JOIN.pattern + r"|\s(?:from|against)\s", re.I)
# what may close the arm's words: an interval's or a statistic's bracket ("(95% CI)", "[MD (95% CI)]"), footnote marks
_AGAINST_TAIL = re.compile(r"(?:\s*[(\[][^()\[\]]*[)\]])*\s*[*\u2020\u2021\u00a7\u00b6#]*\s*$")


def names_arms_difference(label: str) -> bool:
    """Whether a label in a column of arm names is a difference's word alone ("Δ", "Difference", "Mean difference
    (95% CI)", "MD"): the row under the arms' rows holds their difference, no arm's figure (a change within each arm
    is named so only over an arm's own columns)."""
    return bool(re.search(r"\S", label or "")) and bool(_DIFFERENCE_WORD.fullmatch(label))


def difference_against(label: str) -> str | None:
    """The words of the arm a row label compares every arm with, when the label names a difference and nothing else
    ("Difference vs. control" -> "control", "Mean difference versus placebo (95% CI)" -> "placebo", "Δ vs usual
    care" -> "usual care"): such a row under an outcome's row holds, in each other arm's column, that arm's
    difference against the named arm, never an arm's own figure. None for any other label, and for a change within
    each arm ("Difference from baseline", "Difference vs. pre-treatment")."""
    label = re.sub(r"\s+", " ", label or "").strip()
    if not label or _NOT_AN_EFFECT_ROW.match(label):
        return None
    sides = _AGAINST_JOIN.split(f" {label} ", maxsplit=1)
    if len(sides) != 2 or not _DIFFERENCE_WORD.fullmatch(sides[0]):
        return None
    against = _AGAINST_TAIL.sub("", sides[1]).strip(" ,;:")
    if not re.search(r"[A-Za-z]", against) or re.search(r"\b(?:baseline|pre[- ]?\w*|before|screening|"
                                                      r"admission|entry)\b", against, re.I):
        return None
    return against
