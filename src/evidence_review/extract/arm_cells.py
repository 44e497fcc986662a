"""One arm's table cell -> its figures: the row of a PROPORTION (events/total and printed share), a MEAN (SD, SE,
CI or range), a MEDIAN (IQR, range or CI) or a rate, read under the format the row, column or caption declares.

`parse_arm_cell` is the one entry: it cleans what the cell prints around its figures (footnote letters and marks, a
decimal comma in a share, a unit, a trailing p-value, its own "n = 23", "(7 patients)"), reads the cell with the
grammar's productions (grammar.py, each spanning the whole cell: "8/1039 (0.77)", "98.4 ± 2.0", "120 (60-200)",
"31 (34.1)", "45.2 (12.3)", a bare number or percentage), the format deciding what an ambiguous shape means, then,
where no production reads it, with the permissive reader (cell_reading.py), and keeps a count within its arm
(`count_within_arm`). The row builders (`proportion_row`, `mean_row`, `median_row`) give every reader of arm figures
the same row: a derived SD is flagged with its conversion (sd_from_se, sd_from_ci), a share without its count
takes the one count it rounds from (flagged). Whether a printed share is count/size is decided in one place,
`cell_reading.share_agrees` (this module and the table reader at its rounding; the permissive reader also admits a
truncated share). The table reader (table_reader.py) places the rows; this module knows nothing of a table's layout.
"""
from __future__ import annotations

import math
import re

from ..tables import EVENTS_FROM_PERCENTAGE
from .cell_reading import Reading, read_cell, share_agrees
from .cells import cell_figure, mended_misprint, spread_then_size, stacked_interval, without_trailing_figure
from .declared_formats import TWO_BOUND_FORMATS
from .grammar import Num, Parse, count_value, parse_number, with_leading_decimal_comma
from .share_cells import count_of_share
from .table_layout import without_trailing_p

_Z975 = 1.959963984540054
# the formats of a centre with two bounds, whose bounds a cell may print on a line of their own, without a bracket
_TWO_BOUND_HINTS = TWO_BOUND_FORMATS


# "45 [26, 58]n = 23", "79%n = 24", "4 (17) (n = 23)": a cell that prints how many patients its figure is of
_OWN_SIZE = re.compile(r"\s*[,;]?\s*[(\[]?\s*\b[nN]\s*=\s*(?P<n>\d{1,6})\s*[)\]]?\s*$")


def own_size(words: str) -> tuple[str, int | None]:
    """(the cell without the size it prints after its figure, that size): the cell's total, not the column's."""
    m = _OWN_SIZE.search(words)
    if m is None or not re.search(r"\d", words[:m.start()]):
        return words, None
    return words[:m.start()].strip(), int(m.group("n"))


def whole_number(parse: Parse) -> Num | None:
    """The cell's one number when the cell is nothing else ("12.5", "6.6%")."""
    nums = parse.nums
    if len(nums) == 1 and nums[0].start == 0 and nums[0].full_end == len(parse.seg):
        return nums[0]
    return None


def parse_arm_cell(cell: str, hint: str, n: int | None, *, guarded: bool = True) -> dict | None:
    """One arm's cell read with the row's format (`hint`) and the arm's size `n` (from its header). The cell is
    parsed by the grammar's productions (grammar.py), each required to span the whole cell; the format decides
    what an ambiguous shape means ("45 (12.3)": n (%) or mean (SD); "5 (3-7)": median (IQR) or mean (95% CI)).
    Thousands separators are read as such ("1,039/2,085 (49.8)"); `value_text` keeps the cell as printed.
    A count above the arm's size or a share above 100 % is re-sized or dropped (`count_within_arm`) unless `guarded`
    is false (the caller then decides what such a cell is)."""
    printed = cell.strip()
    listed = _COMMA_LISTED_SPREAD.fullmatch(printed) if hint in ("mean_sd", "mean_se") else None
    centre, spread = (float(listed.group(k).replace(",", "").replace("\u2212", "-")) for k in ("centre", "spread")) \
        if listed is not None else (None, None)
    if listed is not None and not centre < spread:
        # "29.13, 9.87", "17,915, 6,594" in a row declaring "mean, s.d.": the mean and its spread listed with ", "
        # (two rising figures, "72.7, 96.3" or "-0.33, 1.02" in a CI column of a table of means, are as likely an
        # interval's bounds: left to the grammar)
        bounds = (float(listed.group("low")), float(listed.group("high"))) if listed.group("low") else None
        return mean_row(centre, printed, n, sd=spread if hint == "mean_sd" else None,
                        se=spread if hint == "mean_se" else None, range_=bounds)
    # "35.2 (15.1)a", "24 (18-30)^b", "12 (22.2)a,b": footnote letters after the bracket; "12 (22,2%)": a decimal comma
    body = _DECIMAL_COMMA_SHARE.sub(r"\1.\2", BRACKET_NOTE.sub("", _MARK_BEFORE_BRACKET.sub("", printed)))
    # "0,296 (0.065)", "-0,02697 (0.050)": a first figure whose comma no thousands separator prints is a decimal
    # (grammar.decimal_comma), even where the bracket prints a point
    body = with_leading_decimal_comma(body) if "," in body else body
    # "150.1(16.1)p = 0.034", "Mean 12.1 (SD 3.2)", "18 pts (45%)": the figure without its p, marks, unit or words
    figure = cell_figure(body, hint)
    body, hint = figure.body.strip(), hint or figure.statistic
    body, own_n = own_size(body)
    if own_n is not None:
        # "45 [26, 58]n = 23", "79%n = 24", "4 (17) (n = 23)": the cell's own number of patients answering
        body, n = body.rstrip(" ,;"), own_n
    sized = spread_then_size(body, n) if "(" in body or "[" in body else None
    if sized is not None:
        # "3.23±0.09 (800)" under "Mean gain±SE (n)": the mean and spread of the 800 patients measured
        body, n = sized
        hint = hint if hint.startswith("mean") else ""
    elif "(" in body or "[" in body:
        body = without_trailing_figure(body).rstrip()     # "2.82 (2.48 to 3.37) [100]": the centre and its bounds
        if hint in ("n_pct", "pct_n", "count", "pct") and re.search(r"\d\s*(?:[-\u2010-\u2015,;]|to)\s*[-+\u2212]?\.?\d", body) \
                and without_trailing_figure(printed) != printed:
            hint = ""       # (the share of the trailing bracket is what a "[%]" in the header declared, not the centre's)
    if hint in ("", "n_pct", "pct") and _PERCENT_THEN_COUNT.fullmatch(body):
        hint = "pct_n"      # "65.5% (19)", "3% (1)": the share's sign printed, its count in the bracket; never a mean (SD)
    if hint.startswith(("mean", "median")) and _COUNT_THEN_PERCENT.fullmatch(body):
        hint = "n_pct"      # "26 (76%)" in a row of a "mean (SD)" column: an SD carries its figure's unit, never "%" alone
    relative = _MEAN_THEN_RELATIVE_PERCENT.fullmatch(body) if hint in ("", "mean", "mean_sd") else None
    if relative is not None:
        # "0.69 (49.4%)", "30.5 (0%)" (of "Mean score (% improvement from baseline) (N)"): a decimal figure with a
        # percentage of itself in the bracket (its change from baseline, its coefficient of variation), never a count
        # (the figure has decimals) nor an SD (an SD carries its figure's unit, not a percent sign): the mean alone
        return mean_row(parse_number(relative.group("centre")), printed, n)
    if hint.startswith(("mean", "median")) and "%" in body:
        body = _PERCENT_SIGN.sub("", body)          # "91% (21.1%)" under "mean (SD)": a mean measured in percent
    patients = _PATIENTS_SIZE.fullmatch(body) if hint.startswith(("mean", "median")) else None
    if patients is not None:
        # "60 (7 patients)" under a median: the figure of the 7 patients it applies to (a count table's "3 (2 patients)"
        # is events in patients, and is not read so)
        body, n = patients.group("body"), int(patients.group("n"))
    if hint in _TWO_BOUND_HINTS:
        body = stacked_interval(body)       # "2.9 1.8 to 4.0" under "mean and 95% CI": the two lines of one cell
    parsed = _read_arm_cell(_without_thousands(body), hint, n) if "," in body or _THOUSANDS_SPACE.search(body) \
        else _read_arm_cell(body, hint, n)
    if parsed is None and without_trailing_p(body) != body:
        # "150.1 (16.1) p = 0.034": the arm's figure with the p-value of its comparison printed after it
        return parse_arm_cell(without_trailing_p(body), hint, n) and dict(parse_arm_cell(without_trailing_p(body), hint, n),
                                                                           value_text=printed)
    glued = _GLUED_LETTERS.fullmatch(body) if parsed is None else None
    if glued is not None:
        # "24.7±3.9mk", "12.5h": a unit or a stray mark glued to the last figure
        parsed = _read_arm_cell(glued.group("figure"), hint, n)
    if parsed is None:
        # any other spelling of the declared format's figures ("40.1 ±(2.2)", "2 (1; 4)" under "median (IQR)")
        reading = read_cell(_without_thousands(body), hint, n)
        parsed = _from_reading(reading, printed, n) if reading is not None else None
    mended = mended_misprint(printed) if parsed is None else None
    if mended is not None:
        # "20 (8O%)", "6 (33)%", "56.6 (26.3": read as mended only when the mended cell is a shape the grammar reads
        parsed = parse_arm_cell(mended, hint, n, guarded=False)
        if parsed is not None:
            parsed["needs_review"] = "; ".join(filter(None, (parsed.get("needs_review"), "misprint read as " + mended)))
    if parsed is not None:
        parsed["value_text"] = printed
    return count_within_arm(parsed) if guarded else parsed


# a mean ± SD then a median in one cell (the document declaring both): "86.82 ± 3.57 87.51 (2.18)" (the median with
# its IQR), "7,3 ± 2,0 (7)" (the median alone in the bracket), a line break or a slash between them
_NUMBER = r"[-\u2212]?\d+(?:[.,]\d+)?"
_MEAN_THEN_MEDIAN = re.compile(
    r"\s*(?P<mean>" + _NUMBER + r"\s*(?:\u00b1|\+/-|\+\s*/\s*-)\s*" + _NUMBER + r")"
    r"(?:\s*[(\[]\s*(?P<bare>" + _NUMBER + r")\s*[)\]]|(?:\s+|\s*/\s*)(?P<median>" + _NUMBER + r"\s*[(\[][^()\[\]]+[)\]]))\s*")


def mean_and_median_cell(cell: str, n: int | None) -> list[tuple[int, dict]] | None:
    """[(offset, MEAN row), (offset, MEDIAN row)] of a cell printing a mean ± SD and then the median of the same
    patients ("86.82 ± 3.57 87.51 (2.18)", "7,3 ± 2,0 (7)"), each at the offset of its figures in the cell; None
    for any other cell. The caller decides that the document declares both statistics
    (declared_formats.declares_mean_and_median): else "3.2 ± 0.1 (80)" is a mean ± SE of 80 patients."""
    m = _MEAN_THEN_MEDIAN.fullmatch(cell)
    if m is None:
        return None
    mean = parse_arm_cell(m.group("mean"), "mean_sd", n)
    key = "bare" if m.group("bare") else "median"
    median = parse_arm_cell(m.group(key), "median" if key == "bare" else "median_iqr", n)
    if mean is None or median is None or mean["measure"] != "MEAN" or median["measure"] != "MEDIAN":
        return None
    return [(m.start("mean"), mean), (m.start(key), median)]


def _from_reading(reading: Reading, cell: str, n: int | None) -> dict:
    """The row of a cell read by the permissive reader (cell_reading.py), built as the grammar's readings are."""
    pairs = {k: (getattr(reading, k + "_low"), getattr(reading, k + "_high")) for k in ("range", "ci")}
    pairs = {k: v if v[0] is not None else None for k, v in pairs.items()}
    if reading.measure == "PROPORTION":
        return proportion_row(reading.events, reading.total, reading.pct_text, cell)
    if reading.measure == "MEAN":
        return mean_row(reading.value, cell, n, sd=reading.sd, se=reading.se, ci=pairs["ci"], range_=pairs["range"])
    iqr = (reading.q1, reading.q3) if reading.q1 is not None else None
    found = median_row(reading.value, cell, n, iqr=iqr, range_=pairs["range"], ci=pairs["ci"], sd=reading.sd, se=reading.se)
    if reading.review:
        found["needs_review"] = reading.review
    return found


def count_within_arm(parsed: dict | None) -> dict | None:
    """An arm's count never above its size nor its share above 100 %: "45 (52.3)" in an arm of 40 is 45 of the one
    size the printed share rounds from (86, flagged: the header's size is not this row's), else no reading (the size
    or the figure is not a count of the arm's patients)."""
    if parsed is None or parsed.get("measure") != "PROPORTION":
        return parsed
    events, total, pct_text = parsed.get("events"), parsed.get("total"), parsed.get("pct_text")
    pct = parse_number(pct_text) if pct_text else None
    if pct is not None and not 0 <= pct <= 100 or parsed.get("value") is not None and not 0 <= parsed["value"] <= 1 \
            and not (events is not None and total and events > total):
        return None
    if events is None or not total or events <= total:
        return parsed
    if not pct:
        return None
    near = round(100 * events / pct)
    sizes = [k for k in range(max(events, near - 2), near + 3) if share_agrees(events, k, pct_text)]
    if len(sizes) != 1:
        return None
    return dict(parsed, total=sizes[0], value=events / sizes[0],
                needs_review=f"{events} exceeds the arm's {total}: the size {sizes[0]} from the printed share")


# footnote letters printed after a cell's closing bracket: "(15.1)a", "(18-30)^b", "(22.2)a,b"
BRACKET_NOTE = re.compile(r"(?<=[)\]])\s*\^?[a-h](?:\s*,\s*[a-h])*\s*$")
# footnote marks glued to the figure before its bracket: "6b (77)", "4b,c (18)", "6^ (77)", "17^a (64)", "12* (3.1)"
_MARK_BEFORE_BRACKET = re.compile(r"(?<=\d)(?:\^[a-h]?(?:\s*,\s*[a-h])*|[a-h](?:,[a-h])*|\s?[*\u2020\u2021\u00a7]+)(?=\s*[(\[])")
# a decimal comma in a share: "22,2%"
_DECIMAL_COMMA_SHARE = re.compile(r"(\d),(\d{1,2})(?=\s*%)")
# "1 (<1)", "2 (<0.5%)": a count with its share printed as a bound
_COUNT_BELOW_SHARE = re.compile(r"\s*(?P<n>\d{1,6})\s*[(\[]\s*<\s*(?P<bound>\d{1,2}(?:\.\d+)?)\s*%?\s*[)\]]\s*")
# a percent sign after a figure or its bracket, not the level of an interval ("95% CI")
_PERCENT_SIGN = re.compile(r"(?<=[\d)\]])\s*%(?!\s*(?:CI|CrI|conf|cred))", re.I)
_GLUED_LETTERS = re.compile(r"(?P<figure>.*\d)\s?[A-Za-z\u00b5\u03bc]{1,3}\s*")
# a decimal figure without a percent sign, then a signed percentage of it in brackets: "0.69 (49.4%)", "30.5 (0%)",
# "12.1 (-8.5 %)"
_MEAN_THEN_RELATIVE_PERCENT = re.compile(r"\s*(?P<centre>[-\u2212]?\d+\.\d+)\s*[(\[]\s*(?P<pct>[-+\u2212]?\d+(?:\.\d+)?)"
                                         r"\s*%\s*[)\]]\s*")
# a declaration that a bracketed percentage is the figure's change from baseline: "Mean score (% improvement from
# baseline) (N)", "mean (% change from baseline)", "(percent reduction from baseline)"
_PERCENT_CHANGE_DECLARED = re.compile(r"(?i)(?:%|\bper\s*cent(?:age)?)\s*(?:improvement|change|reduction|decrease|"
                                      r"increase|decline|rise)s?\s+(?:from|over|vs\.?|versus)\s+(?:the\s+)?baseline")


def percent_change_of_mean(cell: str, declaration: str) -> tuple[float, int] | None:
    """(the bracketed percentage, its offset in the cell) of a mean cell printing its change from baseline in percent
    ("0.69 (49.4%) (N = 193)" under "Mean Score (% Improvement from Baseline) (N)"), where `declaration` (the
    texts over the cell: its column's, its block's, its label) says the bracket is that change; None for any other
    cell or declaration (a bracketed percentage may as well be a coefficient of variation)."""
    if not _PERCENT_CHANGE_DECLARED.search(declaration or ""):
        return None
    body, _ = own_size(cell)
    m = _MEAN_THEN_RELATIVE_PERCENT.fullmatch(body.rstrip(" ,;"))
    if m is None:
        return None
    return parse_number(m.group("pct")), cell.find(m.group("pct"), cell.find(m.group("centre")) + len(m.group("centre")))


# a share with its sign, then its count in brackets: "65.5% (19)", "3% (1)", "12.5 % [4]"
_PERCENT_THEN_COUNT = re.compile(r"\s*\d{1,3}(?:\.\d+)?\s*%\s*[(\[]\s*\d{1,5}\s*[)\]]\s*")
# a mean and its spread listed with a comma and a space, each perhaps with thousands groups, perhaps a range after them
# ("29.13, 9.87", "17,915, 6,594", "27.71, 10.10, 3-36 months")
_LISTED_FIGURE = r"[-\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_COMMA_LISTED_SPREAD = re.compile(r"(?P<centre>" + _LISTED_FIGURE + r"),\s+(?P<spread>" + _LISTED_FIGURE + r")"
                                  r"(?:,\s+(?P<low>\d+(?:\.\d+)?)\s*(?:[-\u2013]|to)\s*(?P<high>\d+(?:\.\d+)?)(?:\s*[A-Za-z]+)?)?")
# a whole count without a percent sign, then its share with one in the bracket: "26 (76%)", "402 (59.0 %)"
_COUNT_THEN_PERCENT = re.compile(r"\s*\d{1,5}\s*[(\[]\s*\d{1,3}(?:\.\d+)?\s*%\s*[)\]]\s*")




# "1,039": a comma before three digits inside a number (a decimal comma has one or two: textscan.scan_view)
# (a lone zero never leads a thousands group: "0,160" is a decimal or two figures, never 160)
THOUSANDS = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])")


# "15 678.79", "7\u2009764.70": a space between thousands, read only before a decimal part (where "12 345" alone might
# be two figures, "15 678.79 ± 2589.8" is one mean)
_THOUSANDS_SPACE = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?=\.\d)")


def _without_thousands(text: str) -> str:
    text = _THOUSANDS_SPACE.sub(lambda m: re.sub(r"\D", "", m.group()), text)
    return THOUSANDS.sub(lambda m: m.group().replace(",", ""), text)


# "3/10", "(20/10)", "33 (50 %)/33 (50 %)", "12/8 (60%)", "14/9 (60.9/39.1)": the two categories' counts of a pair
# label (a bracket after them: their ratio, the first's share, or both shares)
_PAIR_SHARE = r"(?:\s*[(\[]\s*(?P<{}>\d{{1,3}}(?:\.\d+)?)\s*%?\s*[)\]])?"
PAIR_CELL = re.compile(r"\s*(?P<open>[(\[])?\s*(?P<a>\d+)" + _PAIR_SHARE.format("ap") + r"\s*(?P<sep>[/:])\s*(?P<b>\d+)"
                        + _PAIR_SHARE.format("bp") + r"\s*(?(open)[)\]])\s*(?:[(\[]\s*\d*\.?\d+\s*%?"
                        r"(?:\s*/\s*\d*\.?\d+\s*%?)?\s*[)\]])?\s*")
# "60 (7 patients)", "4.5 [12 participants]": a value with the number of patients it is of
_PATIENTS_SIZE = re.compile(r"(?P<body>.*?\d.*?)\s*[(\[]\s*(?P<n>\d{1,6})\s+(?:patients|participants|subjects|cases|"
                            r"children|women|men|pts\.?|pats?\.?)\s*[)\]]\s*", re.I)


def _read_arm_cell(cell: str, hint: str, n: int | None) -> dict | None:
    if hint.startswith("rate"):
        # a bare number under "Event rate, %/year" or beside "Exacerbations per patient-year": the arm's rate, as
        # printed (per 100 patient-years for yearly percentages)
        number = whole_number(Parse(cell))
        if number is None or number.signed or number.value < 0 or number.percent:
            return None
        return {"measure": "ARR", "value": number.value, "total": n, "value_text": cell,
                "unit": "per 100 patient-years" if hint == "rate100" else "per patient-year"}
    if hint in ("sex_pair", "pair", "pair_words"):
        # "3/10" under "Sex (M/F)" or "Relapse (yes/no)": 3 of 13 are the first category; a bracket after it is their
        # ratio or share; "(20/10)": the pair printed in a bracket of its own; "33 (50 %)/33 (50 %)": each with its share
        pair = PAIR_CELL.fullmatch(cell) or PAIR_CELL.fullmatch(re.sub(r"^\s*[(\[](.*)[)\]]\s*$", r"\1", cell))
        if pair is None:
            return None
        a, b = int(pair.group("a")), int(pair.group("b"))
        if not a + b or pair.group("sep") == ":" and not (n and a + b == n):
            return None     # "12:8" is the two counts only when they make up the arm ("3:1" is a ratio)
        shares = pair.group("ap") is not None and pair.group("bp") is not None and \
            abs(float(pair.group("ap")) + float(pair.group("bp")) - 100) <= 1.5
        if hint != "sex_pair" and (n and a + b != n or hint == "pair_words" and not n and not shares):
            # the label's two categories over "12/40" that do not add up to the arm: 12 of the arm's 40, or nothing
            return proportion_row(a, b, None, cell) if n and b == n and a <= b else None
        found = proportion_row(a, a + b, pair.group("ap"), cell)
        if n and a + b != n:
            found["needs_review"] = f"the two counts add up to {a + b}, not the arm's {n}"
        return found
    parse = Parse(cell)
    if not hint.startswith(("mean", "median")):
        counted = parse.whole("count_of_percent")           # "8/1039 (0.77)", "5 of 91 (5.5%)"
        if counted is not None:
            return proportion_row(counted.events, counted.of_total, cell[counted.percent_start:counted.percent_end], cell)
        counted = parse.whole("count_of")                   # "39/50", "12 of 40"
        if counted is not None:
            return proportion_row(counted.events, counted.total, None, cell)
        counted = parse.whole("percent_count_of")           # "22 % (12/55)", "21.8 (12/55)"
        if counted is not None and counted.of_total and counted.events <= counted.of_total and (
                "%" in cell or share_agrees(counted.events, counted.of_total, cell[counted.percent_start:counted.percent_end])):
            return proportion_row(counted.events, counted.of_total, cell[counted.percent_start:counted.percent_end], cell)
    summary = parse.whole("mean_pm")                         # "98.4 ± 2.0"
    if summary is not None and summary.se is not None:
        return mean_row(summary.center, cell, n, se=summary.se)     # "0.34 \u00b1 0.06 (SE)": the spread named after it
    if summary is not None and hint == "median_sd":
        # "Median ± SD | 4.5 ± 1.2", "Data are median ± standard deviation": the median with the spread declared
        # beside it (stored as that spread; no quartile follows from it)
        return median_row(summary.center, cell, n, sd=summary.sd) if summary.sd >= 0 else None
    if summary is not None:
        return mean_row(summary.center, cell, n, se=summary.sd) if hint == "mean_se" else \
            mean_row(summary.center, cell, n, sd=summary.sd)
    summary = parse.whole("mean_ci")                         # "5.0 (95% CI 3.0-7.0)"
    if summary is not None:
        low, high, _ = summary.ci
        return median_row(summary.center, cell, n, ci=(low, high)) if hint.startswith("median") else \
            mean_row(summary.center, cell, n, ci=(low, high))
    summary = parse.whole("median_spread")                   # "120 (60-200)", "4 [1, 12]", "13 (IQR 7-30)"
    if summary is not None:
        return _interval_cell(summary, cell, hint, n)
    summary = parse.whole("slash_spread") if hint.startswith("median") or not hint else None
    if summary is not None and summary.q1 <= summary.center <= summary.q3:
        return _interval_cell(summary, cell, hint, n)         # "23.0 (21.0/26.0)": a median between its quartiles
    below = _COUNT_BELOW_SHARE.fullmatch(cell) if not hint.startswith(("mean", "median")) else None
    if below is not None:
        # "1 (<1)", "2 (<0.5%)": a count whose share is printed as a bound; the count over the arm when it fits the bound
        count, bound = int(below.group("n")), float(below.group("bound"))
        if n and count <= n and 100 * count / n < bound + 0.5:
            return proportion_row(count, n, None, cell)
        return None
    shown = _count_and_bracket(parse, cell)                  # "31 (34.1)", "12 (22.2%)", "45.2 (12.3)", "1.2 (SE 0.4)"
    if shown is not None:
        return _bracket_cell(shown, cell, hint, n)
    number = whole_number(parse)
    if number is None:
        return None
    if number.percent:                                       # "6.6%"
        if hint in ("n_pct", "pct_n", "pct", "") and 0 <= number.value <= 100:
            return _share(number.text, n, cell)
        return None
    v = number.value
    if hint in ("n_pct", "count") and v == int(v) and not number.decimal and not number.signed and n:
        return proportion_row(int(v), n, None, cell)
    if hint == "pct" and 0 <= v <= 100:
        return _share(number.text, n, cell)
    if hint.startswith("mean"):
        return mean_row(v, cell, n)
    if hint.startswith("median"):
        return median_row(v, cell, n)
    return None


def _interval_cell(summary, cell: str, hint: str, n: int | None) -> dict | None:
    """A value with a pair after it: the pair's label when printed ("IQR", "range"), else the row's format."""
    value = summary.center
    if summary.label == "RANGE":
        # "Mean 41.0 (range 21-66)", or "41.0 (range 21-66)" under a mean's format: the mean's range; else a median's
        return mean_row(value, cell, n, range_=(summary.range_low, summary.range_high)) if hint.startswith("mean") else \
            median_row(value, cell, n, range_=(summary.range_low, summary.range_high))
    pair = (summary.q1, summary.q3)
    if hint == "mean_range":
        return mean_row(value, cell, n, range_=pair)
    if hint == "mean_iqr":
        # "52 (40-61)" under "mean (IQR)": the mean between its quartiles, which a mean's row does not store
        return dict(mean_row(value, cell, n), needs_review="quartiles of a mean not stored")
    if summary.label == "IQR":
        return median_row(value, cell, n, iqr=pair)
    if hint == "mean_ci":
        return mean_row(value, cell, n, ci=pair)
    if hint == "median_ci":
        return median_row(value, cell, n, ci=pair)
    if hint == "median_range":
        return median_row(value, cell, n, range_=pair)
    if hint in ("median_iqr", "median"):
        return median_row(value, cell, n, iqr=pair)
    if hint == "":
        # "5.0 (3.0-7.0)" with no format named anywhere: most often a median with its IQR, but say so
        return dict(median_row(value, cell, n, iqr=pair), needs_review="format not stated: read as median (IQR)")
    return None


def _count_and_bracket(parse: Parse, cell: str) -> tuple | None:
    """(first number, its text, the bracketed number, its text, printed with %, the bracket's label) of a cell
    "a (b)": a count with its percentage ("31 (34.1)", "Nine (15%)") or a mean with its spread ("45.2 (12.3)")."""
    found = parse.whole("count_percent")
    if found is not None:
        first, second = cell[found.count_start:found.count_end], cell[found.percent_start:found.percent_end]
        return float(count_value(first)), first, parse_number(second), second, True, ""
    found = parse.whole("table_count_percent")
    if found is not None:
        first, second = cell[found.count_start:found.count_end], cell[found.percent_start:found.percent_end]
        return float(first), first, parse_number(second), second, False, ""
    found = parse.whole("mean_bracket")
    if found is not None:
        first = cell[found.center_start:found.center_end]
        spread = found.sd if found.sd is not None else found.se
        return found.center, first, spread, None, False, found.label
    return None


# "62.1 (18)", "100 (29)", "7.4% (2)": a percentage, then its count in brackets
_PCT_THEN_COUNT = re.compile(r"\s*(?P<pct>\d{1,3}(?:\.\d+)?)\s*%?\s*[(\[]\s*(?P<count>\d+)\s*[)\]]\s*")


def _bracketed(cell: str) -> str | None:
    """The figure a cell prints in its bracket, as printed ("9.8 (51.8)" -> "51.8")."""
    found = re.search(r"[(\[]\s*(\d+(?:\.\d+)?)\s*%?\s*[)\]]", cell)
    return found.group(1) if found else None


def _share_as_rounded(count_text: str, pct_text: str, n: int) -> bool:
    """Whether a count printed with decimals is the printed percentage of the arm's n, as both are rounded ("9.8" of 19
    is 51.6%, "51.8" printed: the count's last digit moves the share by 0.26)."""
    count, pct = parse_number(count_text), parse_number(pct_text)
    if count is None or pct is None:
        return False

    def half_unit(text: str) -> float:
        return 0.5 * 10 ** -len(text.partition(".")[2])
    return abs(100 * count / n - pct) <= 100 * half_unit(count_text) / n + half_unit(pct_text) + 1e-9


def _bracket_cell(shown: tuple, cell: str, hint: str, n: int | None) -> dict | None:
    a, a_text, b, b_text, percent_sign, label = shown
    flipped = _PCT_THEN_COUNT.fullmatch(cell)
    if flipped is not None and not label and hint in ("pct_n", "", "n_pct"):
        # "62.1 (18)" under "% (n)": the percentage first, its count in the bracket; with no format named, or
        # "n (%)" named for a cell whose first number has decimals, when the count is that share of the arm's N
        pct, count = float(flipped.group("pct")), int(flipped.group("count"))
        agrees = n is not None and n > 0 and count <= n and abs(100 * count / n - pct) <= 0.6
        if 0 <= pct <= 100 and (hint == "pct_n" or agrees) and not (hint == "n_pct" and "." not in flipped.group("pct")):
            return proportion_row(count, n, flipped.group("pct"), cell)
    if hint == "pct_n" or percent_sign and b is not None and b > 100 and not hint.startswith(("mean", "median")):
        return None     # ("12 (130%)": a share above 100 % is no count's share, nor an SD)
    if hint == "median_sd" and label in ("", "SD", "SE"):
        # "4.5 (1.2)" under "Median (SD)": as "Median ± SD", the median with its declared spread (never "12 (30.0)" of
        # 40, a count with its share of the arm: the shape decides, as under any declared centre)
        if b is None or b < 0 or percent_sign or not label and a == int(a) and n and 0 < a <= n and share_agrees(int(a), n, b_text or ""):
            return None
        return median_row(a, cell, n, se=b) if label == "SE" else median_row(a, cell, n, sd=b)
    if label == "SD" or (not label and hint in ("mean_sd", "mean")):
        return mean_row(a, cell, n, sd=b)
    if label == "SE" or hint == "mean_se":
        return mean_row(a, cell, n, se=b)
    share_of_n = n is not None and n > 0 and a == int(a) and abs(100 * a / n - b) <= 0.6
    if hint == "mean_iqr" and label in ("", "IQR") and b is not None and b >= 0 and not percent_sign and not share_of_n:
        # "537 (398)" under "mean (IQR)": the mean, its interquartile range printed as one width (no SD to store)
        found = mean_row(a, cell, n)
        found["needs_review"] = "IQR printed as its width only"
        return found
    if hint == "median_iqr" and not label and b is not None and b >= 0 and b_text is not None and not percent_sign \
            and not share_of_n:
        # (a count with its share of the arm, "5 (22)" of 23, is no median: the shape's reading decides)
        # "13 (69)" under "median (IQR)": the interquartile range printed as its one width, no quartile to give
        found = median_row(a, cell, n)
        found["needs_review"] = "IQR printed as its width only"
        return found
    if hint.startswith("median"):
        return None
    integral = a >= 0 and a == int(a) and "." not in a_text and not a_text.startswith(("-", "+"))
    if hint == "n_pct" and not integral and not label and a >= 0 and not a_text.startswith(("-", "+")) \
            and b is not None and 0 <= b <= 100 and n and _share_as_rounded(a_text, b_text or _bracketed(cell) or "", n):
        # "9.8 (51.8)" of 19 under "n (%)": a count pooled over imputed datasets, with decimals, and its share of the
        # arm as both are rounded (the share is the figure; no whole count to give)
        found = proportion_row(None, n, b_text or _bracketed(cell), cell)
        found["needs_review"] = "count with decimals (estimated): the percentage only"
        return found
    consistent = n is not None and n > 0 and abs(100 * a / n - b) <= 0.6
    if integral and b_text is not None and 0 <= b <= 100 and (hint == "n_pct" or percent_sign or consistent or n is None):
        return proportion_row(int(a), n, b_text, cell)
    return mean_row(a, cell, n, sd=b)


def _share(pct_text: str, n: int | None, cell: str) -> dict:
    """An arm's percentage printed without its count ("92%" under "X (n = 25)"): the count it stands for
    (share_cells.count_of_share), flagged as derived, the printed share the value; none when the arm has no size."""
    events = count_of_share(pct_text, n)
    found = proportion_row(events, n, pct_text, cell)
    if events is not None:
        found["flags"] = [EVENTS_FROM_PERCENTAGE]
        if not share_agrees(events, n, pct_text):
            found["value"] = parse_number(pct_text) / 100     # (a count that does not give the share back: the share)
    return found


def proportion_row(events: int | None, total: int | None, pct_text: str | None, cell: str) -> dict:
    pct = parse_number(pct_text) if pct_text is not None else None
    if events is not None and total:
        value = events / total
    elif pct is not None:
        value = pct / 100
    else:
        value = None
    review = ""
    if events is not None and total and pct is not None and abs(100 * events / total - pct) > 1.0:
        review = f"printed {pct_text}% does not match {events}/{total}"
    return {"measure": "PROPORTION", "value": value, "events": events, "total": total, "value_text": cell,
            "needs_review": review, "pct_text": pct_text}


def mean_row(value: float, cell: str, n: int | None, *, sd: float | None = None, se: float | None = None,
          ci: tuple[float, float] | None = None, range_: tuple[float, float] | None = None) -> dict:
    flags = []
    if ci is not None and ci[0] > ci[1]:
        ci = (ci[1], ci[0])     # "-24 (-15 to -85)": the bounds printed high to low
    if sd is None and se is not None and n:
        sd, flags = se * math.sqrt(n), ["sd_from_se"]
    elif sd is None and ci is not None and n and n > 1:
        sd, flags = math.sqrt(n) * (ci[1] - ci[0]) / (2 * _t975(n - 1)), ["sd_from_ci"]
    return {"measure": "MEAN", "value": value, "sd": sd, "se": se, "total": n, "value_text": cell,
            "ci_low": ci[0] if ci else None, "ci_high": ci[1] if ci else None, "flags": flags,
            "range_low": range_[0] if range_ else None, "range_high": range_[1] if range_ else None}


def median_row(value: float, cell: str, n: int | None = None, *, iqr: tuple[float, float] | None = None,
            range_: tuple[float, float] | None = None, ci: tuple[float, float] | None = None,
            sd: float | None = None, se: float | None = None) -> dict:
    found = {"measure": "MEDIAN", "value": value, "total": n, "q1": iqr[0] if iqr else None, "q3": iqr[1] if iqr else None,
             "ci_low": ci[0] if ci else None, "ci_high": ci[1] if ci else None,
             "range_low": range_[0] if range_ else None, "range_high": range_[1] if range_ else None,
             "value_text": cell}
    if sd is not None or se is not None:
        # a median printed with the spread of a mean ("Median ± SD"): the spread as printed, nothing derived from it
        found.update(sd=sd, se=se)
    return found


def _t975(df: int) -> float:
    """The t quantile a CI of a mean uses (Cochrane Handbook 6.5.2.2); the normal one from 60 patients on."""
    if df >= 59:
        return _Z975
    from scipy.stats import t
    return float(t.ppf(0.975, df))
