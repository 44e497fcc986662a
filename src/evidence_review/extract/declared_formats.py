"""The format a table cell is printed in, read from everything the document declares about it.

A cell "45 (12.3)" is a count with its share or a mean with its SD; "5 (3-7)" a median with its IQR, its range, or a
mean with its 95 % CI; "5.2 ± 0.3" a mean with its SD or its SE. What decides is what the document says, in any of
the places it says it: the row label ("Age, median (IQR)"), the heading row over a block, the column header, the
table's caption and footnotes ("Data are mean ± SEM or n (%)"), and the statistics paragraph of the methods
("Continuous variables are expressed as median (interquartile range) and categorical variables as number
(percentage)"), which applies to every table of the document.

This module owns
- the vocabulary of format names (`FORMATS`: "n_pct", "pct_n", "count", "mean_sd", "mean_se", "mean_ci",
  "mean_range", "mean_iqr" (a mean printed with its interquartile range, "mean (IQR)"), "median_sd", "median_iqr",
  "median_range", "median_ci", the bare "mean" / "median", and "pct" for
  shares printed without their counts, declared in words only: "Values are percentages"), the one
  place a spelling of a format is read (`label_format` adds the grammar's "Md (Q1-Q3)", "x̄ ± s" readings);
- `declared_formats(words)`: every format a caption, footnote or paragraph declares, in the order written (a mixed
  list "mean ± SD, n (%) or median [IQR]" declares three);
- `table_format(caption, footnotes, label_header)`: the one format a table declares for its cells, and
  `centred_formats`: a spread declared without its centre ("(range)", "Minimum and maximum values are indicated in
  parenthesis") is a median's unless the table's words name only the mean ("Mean pain scores"): a mean with its range;
  a mean declared with its interval or range ("Mean (CI)", "averages (95% CI)", "mean (min-max)") is a MEAN;
- `declares_correlations(caption, footnotes)`: the table says its cells are correlation coefficients ("Shown are
  Spearman's correlation coefficients (p-values)"): no arm's figures at all;
- `document_formats(text)`: the formats the document's own prose declares (its statistics paragraph; never a
  table's caption or footnotes, which declare for that table only);
- what a bare spread after a mean holds in the document's sentences: `document_spread` (the statistics paragraph's
  one spread, "SE" or "SD"), `plus_minus_spread` (a bare "±": the paragraph's, over a figure's own "mean ± SD" only
  where it says it is the default, "All data reported are ..."; else `plus_minus_convention`, every "mean ± x"
  printed) and `bracket_spread` (a bare "x (y)": `bracket_spread_convention`, else the paragraph's SE); the prose
  rules read them through the sentence state;
- `format_for_cell(choices, cell, label, n)`: of several declared formats, the one whose cell signature the cell
  has (read by the cell reader's tokenizer, so "7.43 (±0.01)" and "24.8 years (±0.5)" are a centre with one spread;
  a bracketed share <= 100 whose count fits the arm's size: n (%); a decimal centre with one spread: the declared
  mean's spread, SD or SE; a centre with two bounds: the declared median (IQR), median (range) or mean
  (95 % CI)), so a table declaring several reads each row as its own kind; "" when the cell fits none or several;
- `MEASURED_QUANTITY`: the words of a label naming a quantity measured (not patients counted);
- the format a column header sets for its cells: `column_header_format` (its format words: "n", "%", "Mean (SD)"),
  `header_statistic_format` (a header naming a statistic), `header_parts_format` (one of its header rows),
  `header_path_format` (every header level above a cell, the nearest first), `refined_format` (a declaration
  naming only the centre takes the spread an outer one declares for it),
  `rate_format` (a column or row of event rates per patient-year).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..regexfilter import prefiltered
from .cell_reading import tokenize
from .grammar import label_statistic_format, statistic_name

# the quartiles named as percentiles: "25th-75th percentile", "P25-P75", "25th, 75th percentiles", "25%-75%"
PERCENTILES = (r"(?:25\s*(?:th|%)?\s*(?:[-\u2010-\u2015,;/]|to)\s*75\s*(?:th|%)?(?:\s*percentiles?)?|"
               r"p\s*25\s*(?:[-\u2010-\u2015,;/]|to)\s*p\s*75)")
# how a statistic is joined to its spread when a label, a caption or a footnote declares them: "mean (SD)",
# "mean [SD]", "mean ± SD", "mean with SD", "mean and standard deviation", "mean with standard deviation in square
# brackets", "median/interquartile range", "median, IQR"
_WITH = r"\s*(?:[(\[]\s*|(?:\u00b1|\+\s?/\s?[-\u2212])\s*|\s(?:with|and|plus)\s+(?:(?:the|their|its)\s+)?|/\s*|,\s*)"
_SD_WORDS = r"(?:SDs?|s\.\s*d\.?|standard\s+deviations?)\b"
# ... "standard error of the mean", and "standard error mean" printed without the "of"
_SE_WORDS = r"(?:SEM?s?|s\.\s*e\.?|standard\s+errors?(?:\s+(?:of\s+(?:the\s+)?)?means?)?)\b"
_IQR_WORDS = (r"(?:IQRs?\b|inter-?\s*quartile\s+ranges?\b|Q1\s*(?:[-\u2010-\u2015,;/]|to)?\s*Q3\b|"
              r"[^()\[\]]{0,15}?\bquartiles?\b|"
              + PERCENTILES + ")")
# ... "95% CI", "95% confidence interval", "95% CL", "95% confidence limits", "lower, upper 95% confidence limit"
# ... and "CI" printed without the level ("Mean (CI)" over an arm's cells: the usual 95 %; a bare "CL" spells chloride
# as often, and "confidence limits" alone names an assay's as often as a mean's)
_CI_WORDS = (r"(?:(?:(?:lower\s*(?:[,;/\u2013-]|and|to)\s*upper\s+)?95\s*%\s*)(?:CI|CL|confidence\s+(?:intervals?|limits?|bounds?))|"
             r"CI)(?::?s)?\b")
# the lowest and highest values named: "min-max", "minimum/maximum", "minimum and maximum values", "min to max"
_MIN_MAX = r"min(?:imum|ima)?\s*(?:[-\u2013,;/]|and|to)\s*max(?:imum|ima)?(?:\s+values?)?"
# the words naming a mean joined to its spread, as the grammar's statistic names spell it: "mean", "average" ("Times
# are presented in seconds as averages (95% confidence interval)"); a bare "average" names no format ("Average number
# of visits" counts as often as it averages), so the bare centre stays "mean" alone
_MEAN = r"(?:means?|averages?)"
# a few words between a centre and its spread, naming what the centre is of: "Mean gain ± SE", "Mean change (SD)",
# "Median time, days (range)", "Mean % change (SD)" (never "Mean difference (SD)": a comparison's)
# (each word set off by a space or a comma: "meaningful change (SD)" names no mean; never "or" / "and" / the other
# centre: "Mean or median (range)" is the median's range)
_OF = r"(?:(?:,\s*|\s+)(?!differ|or\b|and\b|medians?\b|means?\b|averages?\b)[A-Za-z%][A-Za-z%-]*){0,3}?"
# a geometric mean named with no spread after it (never a ratio of two: "geometric mean ratio" is a comparison; a
# spread or an interval named after it, "Geometric mean (95% CI)", is read by that spread's own spellings)
_GEOMETRIC_MEAN = (r"(?:\bgeometric\s+means?|\bGM[CT]s?\b)(?!\s+ratios?\b)(?![^.;]{0,60}?(?:\b(?:SDs?|SEM?s?|IQR|ranges?|"
                   r"standard\s+(?:deviations?|errors?)|inter-?\s*quartile|quartiles?|min(?:imum)?|CIs?|CLs?|"
                   r"confidence)\b|\u00b1))")
# what follows a per cent that measures a quantity ("% change", "percentages changes", "% of baseline", "% predicted")
_PER_CENT_QUANTITY = (r"(?!\s*(?:changes?|reductions?|increases?|decreases?|differences?|predicted|of\s+(?:baseline|"
                      r"predicted|normal|reference|control|changes?)))")
# a centre named as the cut of a split ("CRP > median value", "below the median", "above mean"): the subgroup of a
# column, never the format its cells print
_NOT_A_THRESHOLD = (r"(?<![<>\u2264\u2265])(?<![<>\u2264\u2265]\s)(?<!\babove\s)(?<!\bbelow\s)(?<!\bthan\s)"
                    r"(?<!\babove\sthe\s)(?<!\bbelow\sthe\s)(?<!\bthan\sthe\s)")
# the vocabulary of cell formats, each with the spellings that declare it (the first that matches a label names it)
FORMATS = [
    # "% (n)", "%(n)", "% (no.)": the percentage printed first, its count in the bracket ("62.1 (18)")
    ("pct_n", re.compile(r"%\s*\(\s*(?:n|no\.?|number)\s*\)", re.I)),
    # "Adverse event (n)", "Duration of exacerbation, n": the cells are counts of the column's patients
    # ... and "Infection (case)", "Deaths (cases)", "Relapse (No.)", "Falls (number)": the cells count cases
    # ... and "Patients with any adverse event", "No. of participants requiring rescue", "Subjects reporting nausea": the
    # people counted, when the label names no other format ("Patients with diabetes (%)" is a count with its share)
    # ... and "Side effects, No.", "Transfusions, number": the format after a comma
    ("count", re.compile(r"\(\s*n\s*\)\s*$|,\s*(?:n|no\.?|number)\s*$|[(\[]\s*(?:cases?|no\.?|number|patients)\s*[)\]]\s*$|"
                         r"^\s*(?:(?:number|no\.?)\s+of\s+)?(?:patients|participants|subjects)\s+(?:with|who|having|"
                         r"requiring|experiencing|reporting|needing)\b(?![^%\u00b1]*(?:%|\u00b1|\bmeans?\b|\bmedians?\b|"
                         r"\bSDs?\b|\bIQR\b|\branges?\b|\bper\b|/))", re.I)),
    # "n (%)", "No. (%)", "number (percentage)", "counts (percentages)", "frequency (%)", "numbers and percentages",
    # "frequencies and percentages", "number of patients (%)"
    ("n_pct", re.compile(r"\b(?:n|no\.?|numbers?|counts?|frequenc(?:y|ies))\s*(?:/\s*N\s*)?[(\[]\s*(?:%|percent(?:age)?s?)\s*[)\]]|"
                         r"\bno\.?\s*[-\u2013]\s*%|[(\[]\s*%\s*[)\]]|[,;:\u2013\u2014]\s*%$|"
                         # "Meat [%(]", "Wasting [%": a bracketed "%" ending the label, its brackets misprinted
                         r"[(\[]\s*%\s*[()\[\]]*\s*$|"
                         # "Female %", "Diabetes %", "% with response", "% of patients": a bare "%" ending or opening it
                         r"(?<=[A-Za-z)])\s+%$|^\s*%\s+(?=[A-Za-z])|"
                         r"\b(?:numbers?|counts?|frequenc(?:y|ies))\s+(?:and|with)\s+(?:(?:the|their)\s+)?"
                         r"(?:percent(?:age)?s?|%)", re.I)),
    # "Median ± SD", "median (SE)": a median printed with a spread of means (matched before "± SD" alone names a mean)
    ("median_sd", re.compile(r"\bmedians?" + _OF + _WITH + r"(?:" + _SD_WORDS + "|" + _SE_WORDS + r")", re.I)),
    ("mean_sd", re.compile(r"\b" + _MEAN + _OF + _WITH + _SD_WORDS + r"|\(\s*SD\s*\)|(?:±|\+\s?/\s?[-\u2212])\s*SD", re.I)),
    # ... and "± SEM" alone as "± SD" alone, the mean named in the spread (a bare "± SE" may be an effect's: "Mean
    # difference ± SE"), and "± SE", "± standard error mean" closing a bracket after the quantity's unit, the mean left
    # unnamed ("Bacterial count (log10 CFU/g ± standard error mean)", "(ng/mL ± SEM)"; never a difference's, "Mean
    # difference ± SE", nor a label's own "Meaningful change ± SE")
    ("mean_se", re.compile(r"\b" + _MEAN + _OF + _WITH + _SE_WORDS + r"|\(\s*SE(?:M)?\s*\)|(?:±|\+\s?/\s?[-\u2212])\s*"
                           r"(?:SEMs?|standard\s+errors?\s+(?:of\s+(?:the\s+)?)?means?)\b|"
                           r"[(\[](?![^()\[\]]*\bdiffer)[^()\[\]\u00b1]*(?:\u00b1|\+\s?/\s?[-\u2212])\s*" + _SE_WORDS + r"\s*[)\]]", re.I)),
    # "Mean (95% CI)", "Means (and 95% CI:s)", "mean [95% confidence interval]", "Mean (95% CIs)", "mean with 95% CI",
    # "LSM (95% CI)" (a least-squares mean)
    # ... and "Mean change (95% CI)", "Adjusted mean score [95% CI]", "Median PFS, months (95% CI)": a few words may
    # name what the mean is of, and its unit
    # ... and "Change (95% CI)", "Change from baseline (95% CI)" over an arm's column: an arm's change with its interval
    # is its mean change (a median's is named so: "Median change (95% CI)")
    ("mean_ci", re.compile(r"\b(?:means?|averages?|LSMs?)\b(?:,?\s+(?!differ)[A-Za-z-]+){0,3}?\s*[(\[]\s*(?:and\s+|with\s+)?" + _CI_WORDS + r"\s*[)\]]|"
                           # ("Geometric mean ratios (week 96 to baseline) and 95% confidence intervals": words
                           # naming what the mean is of, and a bracketed note naming no spread, between the centre and
                           # its interval; "Mean (SD) and 95% CI of the difference" declares the SD)
                           r"\b" + _MEAN + _OF + r"(?:\s*[(\[](?![^()\[\]]*\b(?:SDs?|SEM?|IQR|range|s\.[de]\.)(?![A-Za-z]))[^()\[\]]{1,40}[)\]])?"
                           + _WITH + _CI_WORDS + r"|"
                           r"(?<!median\s)(?<!medians\s)\bchanges?(?:\s+from\s+baseline)?\s*[(\[]\s*" + _CI_WORDS + r"\s*[)\]]|"
                           # ... and a geometric mean named without its spread ("Cytokine responses (geometric mean
                           # concentration (pg/mL) +1)", "GMT", "GMCs"): printed with its 95 % CI, the interval of the
                           # log scale, never with quartiles (a spread named after it, "geometric mean ± SD", is its own)
                           + _GEOMETRIC_MEAN, re.I)),
    ("median_ci", re.compile(r"\bmedians?\b(?:,?\s+[A-Za-z-]+){0,3}?\s*[(\[]\s*(?:and\s+|with\s+)?" + _CI_WORDS + r"\s*[)\]]|"
                             r"\bmedians?" + _WITH + _CI_WORDS, re.I)),
    # "Age, mean (range)": a mean with the lowest and highest values (before a bare "(range)", read as a median's)
    ("mean_range", re.compile(r"\b" + _MEAN + _OF + _WITH + r"(?:ranges?\b|min(?:imum)?\s*[-\u2013,;/]\s*max(?:imum)?)", re.I)),
    # ... and a bare "(range)", "(min-max)": the spread alone, a median's unless the table names only the mean
    # (`centred_formats`)
    ("median_range", re.compile(r"\bmedians?" + _OF + _WITH + r"(?:ranges?\b|min(?:imum)?[-\u2013,;/\s]*max(?:imum)?)|"
                                r"[(\[]\s*(?:range|" + _MIN_MAX + r")\s*[)\]]", re.I)),
    # "NT-proBNP, mean (IQR)": a mean printed with an interquartile range, most often its one width "537 (398)" (no SD:
    # the labels store the mean alone); before the bare "(IQR)" below, which declares a median's
    ("mean_iqr", re.compile(r"\b" + _MEAN + _OF + _WITH + _IQR_WORDS, re.I)),
    # "Median (IQR)", "median [Q1, Q3]", "Median (25th-75th percentile)", "median (P25-P75)", "median/interquartile
    # range", "Median (1st / 3rd quartiles)"
    # ... and "median IQR": the two names printed side by side
    ("median_iqr", re.compile(r"\bmedians?" + _OF + r"(?:" + _WITH + r"|\s+)" + _IQR_WORDS + r"|[(\[]\s*(?:IQR|" + PERCENTILES + r")\s*[)\]]",
                              re.I)),
    ("mean", re.compile(_NOT_A_THRESHOLD + r"\bmean\b", re.I)),
    ("median", re.compile(_NOT_A_THRESHOLD + r"\bmedian\b", re.I)),
]
# the formats whose cells print a count of patients, a centre with one spread, a centre with two bounds
COUNT_FORMATS = ("n_pct", "pct_n", "count")
ONE_SPREAD_FORMATS = ("mean_sd", "mean_se", "median_sd")
TWO_BOUND_FORMATS = ("median_iqr", "median_range", "mean_ci", "median_ci", "mean_range", "mean_iqr")
# spellings a declaring sentence uses beyond a label's ("range and median", "the median and the range", "means and
# standard errors"): each its format, read in prose only (a label never prints them)
_PROSE_FORMATS = [
    ("median_range", re.compile(r"\branges?\s+(?:and|with)\s+(?:the\s+)?medians?\b|"
                                # the bracket's spread declared alone, "Minimum and maximum values are indicated in
                                # parenthesis", "Ranges are given in brackets", "values in parentheses are the range"
                                # (never a normal or reference range, nor an interquartile one): a median's unless
                                # the table names only the mean (`centred_formats`)
                                r"(?:" + _MIN_MAX + r"|(?<!quartile\s)(?<!normal\s)(?<!reference\s)\branges?)\s+(?:are|is|were)\s+"
                                r"(?:[a-z]+\s+)?(?:in|within)\s+(?:the\s+)?(?:parenthes[ie]s|brackets)|"
                                r"\b(?:values?|figures?|numbers?)\s+(?:in|within)\s+(?:the\s+)?(?:parenthes[ie]s|brackets)\s+"
                                r"(?:are|indicate|represent|show|give)\s+(?:the\s+)?(?:" + _MIN_MAX + r"|ranges?\b)", re.I)),
    ("median_iqr", re.compile(r"\b(?:IQRs?|inter-?\s*quartile\s+ranges?)\s+(?:and|with)\s+(?:the\s+)?medians?\b", re.I)),
    ("mean_sd", re.compile(r"\b(?:SDs?|standard\s+deviations?)\s+(?:and|with)\s+(?:the\s+)?means?\b", re.I)),
    ("mean_se", re.compile(r"\b(?:SEM?s?|standard\s+errors?)\s+(?:and|with)\s+(?:the\s+)?means?\b", re.I)),
    ("n_pct", re.compile(r"\bpercent(?:age)?s?\s+(?:and|with)\s+(?:the\s+)?(?:numbers?|counts?|frequenc(?:y|ies))\b|"
                         r"\b(?:absolute\s+)?(?:numbers?|frequenc(?:y|ies)|counts?)\s+(?:and|with|plus)\s+(?:relative\s+)?"
                         r"(?:frequenc(?:y|ies)|proportions?)\b", re.I)),
    # "Values are percentages", "Data are mean ± SD or percentages": shares of the arm printed without their counts
    # (share_cells reads them; a declaration naming the counts too is "n_pct")
    # (also "Percentage of side effects reported": one percentage per cell of what the caption counts)
    # ... and "Data: % except where mean ± SD", "Values are % unless stated": the percent sign named as the data
    # (never "% change", "% of baseline", "% predicted", "percentages changes", "percentage of change": a quantity
    # measured in per cent, each arm's median or mean change, no share of the arm)
    ("pct", re.compile(r"\bpercent(?:age)?s\b" + _PER_CENT_QUANTITY + r"|\bpercentages?\s+(?:of|distribution)\b"
                       + _PER_CENT_QUANTITY + r"|\b(?:data|values|figures|results)\s*(?::|are|were|in|as)\s*%(?!\s*[(\[])"
                       + _PER_CENT_QUANTITY, re.I)),
]


def label_format(label: str) -> str:
    """The format a row label, a header or a heading names ("Age, mean (SD)" -> "mean_sd"; "Md (Q1-Q3)" -> the
    grammar's "median_iqr"), the first of `FORMATS` it spells; "" when it names none. A centre with its spread
    followed by "(n)" or "[%]" ("Mean ± SE (n)", "Median (range) [%]") is that centre's format: the bracket names
    the figure printed after it in the cell, not the cell."""
    label = _without_trailing_size(label)
    for name, pattern in FORMATS:
        if pattern.search(label):
            return name
    return label_statistic_format(label) or ""


# "(n)", "[n]", "(N)", "[%]", "(% detectable)" after a centre's format: the figure a cell prints after its centre's
_TRAILING_SIZE = re.compile(r"\s*[,;]?\s*[(\[]\s*(?:n|N|no\.?|%[^()\[\]]{0,30})\s*[)\]]\s*$")
_CENTRE_FORMATS = ("median_sd", "mean_sd", "mean_se", "mean_ci", "median_ci", "mean_range", "median_range", "median_iqr",
                   "mean_iqr")


def _without_trailing_size(label: str) -> str:
    m = _TRAILING_SIZE.search(label or "")
    if m is None or not m.start():
        return label
    head = label[:m.start()].rstrip()
    # (only right after the centre's format: "Mean ± SD or number of patients (n)" declares counts too)
    ends = {x.end() for name, pattern in FORMATS if name in _CENTRE_FORMATS for x in pattern.finditer(head)}
    return head if any(not head[end:].strip(" )]") for end in ends) else label


def percent_unit_only(label: str) -> bool:
    """Whether a row label's only format is a bare "(%)" or ", %" ("GHbA1c (%)", "FEV1, %"): the unit of a quantity
    measured in percent as often as the format of a count's share."""
    return label_format(label) == "n_pct" and not _COUNT_NAMED.search(label)


# a label naming the count its share is of: "n (%)", "frequency (%)", "(n, %)", "(N; %)", "No. - %", "Number on X (%)",
# "No. of patients with X (%)"
_COUNT_NAMED = re.compile(r"\b(?:n|no\.?|numbers?|counts?|frequenc(?:y|ies))\s*(?:/\s*N\s*)?[(\[]\s*%|\bno\.?\s*[-\u2013]\s*%|"
                          r"[(\[]\s*(?:n|no\.?)\s*[,;/]\s*%\s*[)\]]|^\s*(?:number|no\.)\s+(?:of|on|with|in)\b", re.I)


# a heading naming only a kind of variables, the rows its format is declared for: "Continuous variables", "Categorical
# data", "Normally distributed parameters", "Non-parametric measures", "Variables"
_KIND_OF_VARIABLES = re.compile(
    r"\s*(?:(?:continuous|categorical|quantitative|qualitative|numerical|numeric|nominal|ordinal|dichotomous|binary|"
    r"discrete|(?:non-?\s?)?normally\s+distributed|skewed|(?:non-?\s?)?parametric|other)\s+)?"
    r"(?:variables?|data|measures?|parameters?|values?|characteristics?)\s*:?\s*", re.I)


def kind_of_variables(heading: str) -> bool:
    """Whether a heading row names only a kind of variables ("Continuous variables" of "Continuous variables, mean ±
    SD"; its format stripped): it declares the format of the rows under it and is no part of their outcome."""
    return bool(_KIND_OF_VARIABLES.fullmatch(heading or ""))


def declared_formats(words: str) -> tuple[str, ...]:
    """Every cell format the words declare, in the order written (bare "mean" / "median" left out: they name a
    statistic, not its spread): "Data are mean ± SD, n (%) or median [IQR]" -> ("mean_sd", "n_pct", "median_iqr").
    A median printed "± SD" declares no mean besides ("median_sd" alone)."""
    found: dict[str, int] = {}
    words = _without_trailing_size(words or "")
    for name, pattern in FORMATS + _PROSE_FORMATS:
        if name in ("mean", "median"):
            continue
        for m in pattern.finditer(words or ""):
            found[name] = min(found.get(name, m.start()), m.start())
    if "median_sd" in found:
        found.pop("mean_sd", None)
        found.pop("mean_se", None)
    if "pct_n" in found:
        found.pop("count", None)        # ("% (n)": the bracketed "(n)" is the share's count, no format of its own)
    if any(f in found for f in COUNT_FORMATS):
        found.pop("pct", None)          # ("numbers and percentages": counts with their shares)
    if "median_range" in found and "mean_range" in found:
        found.pop("median_range")       # ("mean (range)" spells the bracket "(range)" a median's would)
    return tuple(sorted(found, key=found.get))


def caption_format(words: str) -> str:
    """The one format a caption, a footnote or a label header declares for the whole table; "" when it declares
    none or several (a mixed list is read row by row: `format_for_cell`). "Values are means or percentages" is such a
    list: the bare centre it names beside the shares is a format too (share_cells reads each row)."""
    named = declared_formats(words)
    if named == ("pct",) and _one_centre(words):
        return ""
    return named[0] if len(named) == 1 else ""


# a caption or footnote saying the cells are correlations, no arm's summary: "Shown are Spearman's correlation
# coefficients (p-values)", "Values are Pearson correlation coefficients", "Data represent intraclass correlations"
_CORRELATIONS_DECLARED = re.compile(
    r"(?i)\b(?:shown|values|data|numbers|figures|entries|cells)\s+(?:are|represent|indicate|show)\s+(?:the\s+)?"
    r"(?:(?:spearman|pearson|kendall)['\u2019]?s?\s+)?(?:rank[- ]|intra-?class\s+)?correlations?(?:\s+coefficients?)?\b")


def declares_correlations(caption: str, footnotes: str) -> bool:
    """Whether a table's caption or footnotes declare its cells to be correlation coefficients: figures of no arm."""
    return bool(_CORRELATIONS_DECLARED.search(caption or "") or _CORRELATIONS_DECLARED.search(footnotes or ""))


def table_format(caption: str, footnotes: str, label_header: str = "") -> str:
    """The one format a table declares for its cells: its caption's, else its footnotes', else its label column
    header's (`caption_format`), with the centre the three name (`centred_formats`)."""
    said = caption_format(caption) or caption_format(footnotes) or caption_format(label_header)
    return centred_formats((said,), f"{caption}\n{footnotes}\n{label_header}")[0] if said else ""


def centred_formats(formats: tuple[str, ...], words: str) -> tuple[str, ...]:
    """The formats a table declares (`formats`, from its `words`: caption, footnotes, label header), each with its
    centre. A spread declared alone ("(range)", "(min-max)", "Minimum and maximum values are indicated in
    parenthesis") reads as a median's ("median_range"), unless the words name only the mean ("Mean postoperative
    pain scores" over it): then the cells are means with their range ("mean_range"). (Words naming only the mean name
    no median, so a "median_range" among their formats was declared without its centre.)"""
    if _one_centre(words) != "mean":
        return formats
    return tuple(dict.fromkeys("mean_range" if f == "median_range" else f for f in formats))


def caption_statistic(words: str) -> str:
    """ "mean" or "median" when a caption (with its footnotes) names that statistic and no other kind of figure
    ("Vital signs in the three groups (Means)"), else ""."""
    if re.search(r"[(\[]\s*%\s*[)\]]|\b(?:n|no|number|numbers|counts?|proportions?|percentages?|rates?|frequenc\w*)\b",
                 words, re.I):
        return ""
    return _one_centre(words)


def _one_centre(words: str) -> str:
    """ "mean" or "median" when the words name that statistic and not the other, else ""."""
    means = bool(re.search(_NOT_A_THRESHOLD + r"\bmeans?\b", words, re.I))
    medians = bool(re.search(_NOT_A_THRESHOLD + r"\bmedians?\b", words, re.I))
    return "mean" if means and not medians else ("median" if medians and not means else "")


# a sentence that declares how figures are printed: "Data are presented as", "Values were expressed as", "were
# summarized using", "Continuous variables are reported as", "X and Y were used for", "Results are given as"
_DECLARING = re.compile(
    r"\b(?:presented|expressed|reported|shown|given|summari[sz]ed|described|displayed|depicted|provided|tabulated|"
    r"denoted|represented)\s+(?:as|by|using|with|in\s+terms\s+of|through)\b|"
    # ("All descriptive data reported are means ± SE", "Data shown are mean ± SEM": a participle may name the data)
    r"\b(?:data|values|results|figures|variables|characteristics|statistics)(?:\s+(?:reported|presented|shown|given|displayed|"
    r"listed|summari[sz]ed))?\s+(?:are|were|represent|indicate)\s+(?:the\s+)?"
    r"(?:means?|medians?|numbers?|n\b|counts?|frequenc)|"
    r"\bwere\s+used\s+(?:for|to\s+(?:describe|summari[sz]e|present|express|report))\b", re.I)
# a block of the text that belongs to a table: its caption line, its grid lines, the footnotes under them
_TABLE_LINE = re.compile(r"^\s*(?:\|.*|(?:Table|TABLE|Tab\.)\s*[A-Z]?\d+[A-Za-z]?\b.*)$")
# a figure's legend ("Figure 2. Change in score over time. Values are mean ± SEM"): it declares its plot's format
_FIGURE_LEGEND = re.compile(r"^\s*(?:Figure|FIGURE|Fig\.?|FIG\.?)\s*[A-Z]?\d+", re.M)


def _prose_paragraphs(text: str, inline_legends: bool = False) -> list[str]:
    """The paragraphs of the text that are no table's: a paragraph (lines between blank lines) holding a caption
    line or a grid line is a table with its footnotes; one holding a figure's legend is that legend. With
    `inline_legends`, a legend printed inside a paragraph of prose ("... before surgery.\nFig. 1\nCONSORT flow
    diagram\nNo medications were ..."), the methods run together without blank lines, is left out with its title
    line and the prose kept (only for a declaration a cell's own shape must confirm: a legend's "Values are mean ±
    SEM" may run past its title line, and would declare every table's spread)."""
    found = []
    for p in re.split(r"\n\s*\n", text or ""):
        if not p.strip() or any(_TABLE_LINE.match(line) for line in p.splitlines()):
            continue
        legend = _FIGURE_LEGEND.search(p)
        if legend is not None and (not inline_legends or not p[:legend.start()].strip()):
            continue
        if legend is not None:
            lines = p.splitlines()
            dropped = {i + k for i, line in enumerate(lines) if _FIGURE_LEGEND.match(line) for k in (0, 1)}
            p = "\n".join(line for i, line in enumerate(lines) if i not in dropped)
        found.append(p)
    return found


def _declaring_sentences(text: str, inline_legends: bool = False):
    """The sentences of the document's prose that declare how its figures are printed (`_DECLARING`)."""
    for paragraph in _prose_paragraphs(text, inline_legends):
        for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z])", paragraph):
            if len(sentence) <= 600 and _DECLARING.search(sentence):
                yield sentence


@lru_cache(maxsize=256)
def document_formats(text: str) -> tuple[str, ...]:
    """The cell formats the document's prose declares for its data (the statistics paragraph of its methods:
    "Continuous data are presented as mean ± SD and categorical data as n (%)"), in the order written; a table's
    caption and footnotes are not read here (they declare for their own table)."""
    found: list[str] = []
    for sentence in _declaring_sentences(text):
        found += [f for f in declared_formats(sentence) if f not in found]
    return tuple(found)


# a mean and a median declared as printed together for the same figures, "and" or a comma between them (never "or":
# "mean ± SD or median (IQR)" declares one of them per row): "MEAN ± STANDARD DEVIATION, MEDIAN (INTERQUARTILE RANGE)",
# "as the mean, standard deviation and median", "mean ± SD and median"
_MEAN_AND_MEDIAN = re.compile(r"\b(?:means?|averages?)\b(?:(?!\bor\b)[^.;]){0,50}?(?:,|\band\b)\s*(?:the\s+|a\s+)?medians?\b"
                              r"(?!\s*(?:\([^()]*\)\s*)?,?\s*or\b)", re.I)


def declares_mean_and_median(words: str) -> bool:
    """Whether the words declare a mean with its spread and a median printed together, one cell or one row pair
    holding both ("Values are mean ± SD, median (IQR)"; the statistics paragraph's "presented as the mean, standard
    deviation and median"): a cell "7.3 ± 2.0 (7)" is then a mean ± SD and the median, not a mean of 7 patients."""
    return bool(_MEAN_AND_MEDIAN.search(words or ""))


@lru_cache(maxsize=256)
def document_declares_mean_and_median(text: str) -> bool:
    """`declares_mean_and_median` of the document's statistics paragraph (its declaring sentences)."""
    return any(declares_mean_and_median(sentence) for sentence in _declaring_sentences(text, inline_legends=True))


def document_spread(text: str) -> str:
    """ "SE" or "SD": the spread the document's statistics paragraph declares for its means, when it declares one of
    them only ("Descriptive statistics are given as mean values and standard errors of the mean": "SE"); else ""
    (none declared, or both: each figure then says its own)."""
    said = {f for f in document_formats(text) if f in ("mean_sd", "mean_se")}
    return {"mean_se": "SE", "mean_sd": "SD"}[said.pop()] if len(said) == 1 else ""


# a declaration saying it holds for every figure the document prints, its exceptions named where they stand: "All
# data reported are ...", "... unless otherwise stated", "except where indicated"
_DEFAULT_DECLARED = re.compile(r"\bunless\s+(?:otherwise\s+)?(?:stated|indicated|noted|specified|mentioned|reported)\b|"
                               r"\bexcept\s+(?:where|when|as|if)\b|^\W*all\b", re.I)


@lru_cache(maxsize=256)
def _default_declared(text: str) -> bool:
    """Whether a sentence declaring a mean's spread says it is the document's default ("All descriptive data reported
    are means ± SE", "Values are mean ± SEM unless otherwise stated")."""
    return any(_DEFAULT_DECLARED.search(s) for s in _declaring_sentences(text)
               if {"mean_sd", "mean_se"} & set(declared_formats(s)))


# "Data are presented as mean ± SE", "values are expressed as mean ± SEM", "(mean ± standard error)"
_PLUS_MINUS_SAYS = prefiltered(re.compile(r"\bmeans?\s*(?:\u00b1|\+/-|\+-)\s*(?P<what>SD|SEM?|s\.?d\.?|s\.?e\.?m?\.?|"
                                          r"standard\s+(?:deviation|error))\b", re.I))
# "Data are presented as mean (SD)", "mean (standard deviation)", "M (SE)": what the bracket after a mean holds.
# Found from the bracket, then the mean asked for right before it: the same matches as one pattern starting at
# "mean"/"M", which re tries at every word of a document (1.5 % of the extraction benchmark)
_BRACKET_SAYS = re.compile(r"[(\[]\s*(?P<what>SDs?|SEM?|s\.d\.|s\.e\.(?:m\.)?|standard\s+(?:deviations?|errors?))\s*[)\]]",
                           re.I)
_MEAN_BEFORE_BRACKET = re.compile(r"(?:\bmeans?|(?-i:\bM))\s*$", re.I)


def _spreads_said(pattern: re.Pattern, scan: str) -> set[str]:
    return {_spread_named(m.group("what")) for m in pattern.finditer(scan)}


def _spread_named(what: str) -> str:
    return "SE" if re.match(r"(?i)se|s\.e|standard\s+error", what) else "SD"


def plus_minus_convention(scan: str) -> str:
    """ "SE" when every "mean ± x" the document prints (`scan`, its scan view: statistics paragraph, headers, inline
    "mean ± SE age") says x is a standard error, else "" (a bare "±" is an SD, the usual reading)."""
    return "SE" if _spreads_said(_PLUS_MINUS_SAYS, scan) == {"SE"} else ""


def bracket_spread_convention(scan: str) -> str:
    """ "SD" or "SE" when the document says what the bracket after its means holds ("mean (SD)") and says it one way
    only, else "": a bare "5399 (1873)" of an arm is then its mean with that spread."""
    said = {_spread_named(m.group("what")) for m in _BRACKET_SAYS.finditer(scan)
            if _MEAN_BEFORE_BRACKET.search(scan, max(0, m.start() - 30), m.start())}
    return said.pop() if len(said) == 1 else ""


def plus_minus_spread(text: str, scan: str) -> str:
    """What a bare "±" after a mean holds in the document's sentences: "SE" or "" (an SD, the usual reading). The
    statistics paragraph decides when it declares one spread (`document_spread`): an SD; an SE where no figure of the
    document is printed "mean ± SD", or where the declaration says it is the default ("All descriptive data reported
    are means ± SE" stands although a sentence prints "mean ± SD age = 9.4 ± 0.6", which names its own). Without
    such a paragraph, every "mean ± x" the document prints decides (`plus_minus_convention`)."""
    declared = document_spread(text)
    if declared != "SE":
        return "" if declared else plus_minus_convention(scan)
    # (a figure printed "mean ± SD" elsewhere leaves the bare "±" an SD, unless the declaration says it is the default)
    return "SE" if _spreads_said(_PLUS_MINUS_SAYS, scan) <= {"SE"} or _default_declared(text) else ""


def bracket_spread(text: str, scan: str) -> str:
    """What a bare bracket after an arm's mean holds in the document's sentences ("SD", "SE" or ""): what every
    "mean (x)" the document prints says (`bracket_spread_convention`), else an SE the statistics paragraph declares
    ("Descriptive statistics are given as mean values and standard errors of the mean": "0.6 (0.06)" is SE)."""
    return bracket_spread_convention(scan) or ("SE" if document_spread(text) == "SE" else "")


def table_declared_formats(caption: str, footnotes: str, label_header: str, text: str) -> tuple[str, ...]:
    """Every format that applies to a table's cells: its caption's, its footnotes', its label column header's, then
    the document's statistics paragraph's (`document_formats`), in that order, each once; the table's own
    declaration for a kind of cell (a count, a centre with one spread, a centre with two bounds) outranks the
    document's for that kind ("Values are mean ± SD" under a table of a document whose methods say "mean ± SE")."""
    found: list[str] = []
    for words in (caption, footnotes, label_header):
        found += [f for f in declared_formats(words) if f not in found]
    found = list(centred_formats(tuple(found), f"{caption}\n{footnotes}\n{label_header}"))
    kinds = {_kind(f) for f in found}
    found += [f for f in document_formats(text) if f not in found and _kind(f) not in kinds]
    return tuple(found)


def _kind(name: str) -> tuple[str, ...]:
    """The formats whose cells share a signature with `name`'s (`COUNT_FORMATS`, `ONE_SPREAD_FORMATS`,
    `TWO_BOUND_FORMATS`), or `name` alone."""
    return next((kind for kind in (COUNT_FORMATS, ONE_SPREAD_FORMATS, TWO_BOUND_FORMATS) if name in kind), (name,))


# a row label naming a quantity measured on a scale or in a unit ("Age, years", "Pain score", "Weight, kg", "VAS",
# "Oswestry index", "Duration of surgery (min)", "Blood loss"), not a kind of patient counted ("Female", "Diabetes",
# "Smokers"): how "45 (12)" reads when no arm size can check a share. The one list of these words for every reader
# (`format_for_cell` here; the table reader's rows under no declaration)
# ... and the unit ending a label ("Body mass index (kg/m2)", "Systolic pressure (mmHg)", "Height, cm"): a quantity
# measured in that unit, never a count of patients
_UNIT_ENDING = r"[(\[,]\s*(?:years?|kg|g|cm|mm|mmHg|mm\s*Hg|ml|mL|min|h|days?|points?|[a-zµμ]+\s*/\s*[a-zA-Z0-9.²]+)\s*[)\]]?\s*$"
MEASURED_QUANTITY = re.compile(r"\b(?:scores?|scales?|index|indices|VAS|NRS|age|weight|height|BMI|duration|length|time|days|"
                               r"hours|minutes|years|level|concentration|pressure|volume|loss|stay|dose)\b|" + _UNIT_ENDING, re.I)
UNIT_ENDING = re.compile(_UNIT_ENDING, re.I)


def _one_of(choices: tuple[str, ...], family: tuple[str, ...]) -> str:
    """The one format of the family that was declared; "" when none or several were."""
    named = [f for f in choices if f in family]
    return named[0] if len(named) == 1 else ""


def format_for_cell(choices: tuple[str, ...], cell: str, label: str = "", n: int | None = None, *,
                    percent_label: bool = False) -> str:
    """The declared format (of `choices`, from `table_declared_formats`) whose signature the cell has:
    - "a ± b": the declared one-spread format (mean SD, mean SE, median SD);
    - "a (b)": a count with its share ("n_pct") when a count format was declared and a is a whole number whose share
      of the arm's `n` is b (or b carries a "%"); else the declared one-spread format, when b is no such share or,
      without `n`, when the row names a measured quantity;
    - "a (b-c)", "a [b; c]": the declared two-bound format (median IQR, median range, mean 95 % CI, mean range);
    - a bare figure in a row naming a measured quantity: the declared centre ("mean" or "median"), when one is;
    "" when the cell has none of these signatures, or several declared formats fit it (the cell's shape decides).
    A row whose label prints a bare "(%)" (`percent_label`: a share's format, or the unit of a quantity measured in
    percent) takes a declared format only for a cell whose centre is no whole number (no count of patients)."""
    if not choices:
        return ""
    words = cell.replace("\u2212", "-")
    if percent_label and not re.match(r"\s*[-+]?\d*\.\d", words):
        return ""
    tokens = tokenize(words)
    if tokens is None or not tokens.outer.numbers:
        return ""
    outer, brackets = tokens.outer, tokens.brackets
    inner = brackets[0] if len(brackets) == 1 else None
    if len(outer.numbers) == 2 and outer.seps[0] == "\u00b1" and not brackets \
            or len(outer.numbers) == 1 and inner is not None and inner.lead == "\u00b1" and len(inner.numbers) == 1:
        # "5.2 ± 0.3", "7.43 (±0.01)", "24.8 years (±0.5)": a centre with one spread
        return _one_of(choices, ONE_SPREAD_FORMATS)
    if len(outer.numbers) != 1 or len(brackets) > 1 or inner is not None and (inner.lead or inner.word):
        return ""
    if inner is not None and len(inner.numbers) == 2 and inner.seps[0] in ("-", "to", ";", ","):
        return _one_of(choices, TWO_BOUND_FORMATS)
    if inner is not None and len(inner.numbers) == 2 and inner.seps[0] == ":" \
            and inner.numbers[0].value <= outer.numbers[0].value <= inner.numbers[1].value:
        # "0 (0:2)": two bounds printed "lo:hi" holding the centre (a ratio of counts "12 (1:2)" holds none)
        return _one_of(choices, TWO_BOUND_FORMATS)
    if inner is None:
        # "Weight, kg | 72.4 | 74.1": a bare figure of a measured quantity is the declared centre, printed alone
        centres = {f.partition("_")[0] for f in choices if f.startswith(("mean", "median"))}
        return centres.pop() if len(centres) == 1 and MEASURED_QUANTITY.search(label or "") else ""
    if len(inner.numbers) != 1:
        return ""
    counted = _one_of(choices, COUNT_FORMATS)
    spread = _one_of(choices, ONE_SPREAD_FORMATS)
    a, b = outer.numbers[0], inner.numbers[0]
    # "46 (55)", "12 (40%)", "12 years (3.3 years)": a whole count whose share of the arm's `n` is b, or a centre with
    # its spread
    # (a share by the arithmetic alone, "21 (4)" of 522, is a mean with its SD in a row whose label ends in a unit,
    # "Body mass index (kg/m2)": a count of patients has no unit; a declared list of both reads each row by its cells)
    share = a.whole and not a.percent and b.value <= 100 and (b.percent or bool(n) and a.value <= n
                                                                and abs(100 * a.value / n - b.value) <= 0.6
                                                                and not (spread and UNIT_ENDING.search(label or "")))
    if share:
        return "n_pct" if counted and counted != "count" else ""     # (a share under no count format: the shape reads it)
    if b.percent or a.percent or b.value < 0:
        return ""
    if not a.whole or b.value > 100 or n:
        return spread      # a decimal centre, a spread above 100, or a bracket that is no share of the arm's n
    return spread if MEASURED_QUANTITY.search(label or "") else ""




def unmarked_row_format(declared: tuple[str, ...], labels: list[str]) -> str:
    """The format of a table's rows whose labels name none, where the table declares a mixed list of one count format
    and one one-spread format ("Results are means (standard deviations) or number (percentage)") and its count rows
    say so in their labels ("Female n (%)", "Current smoking n (%)", two rows or more, no label naming the spread
    format): the spread format, for the rows of measured quantities ("Age | 54 (11)", "Body mass index | 21 (4)"),
    whose brackets may happen to be the shares of the arm's size. "" for any other table."""
    spreads = {f for f in declared if f in ONE_SPREAD_FORMATS}
    if len(spreads) != 1 or not any(f in COUNT_FORMATS for f in declared) or \
            any(f not in ONE_SPREAD_FORMATS + COUNT_FORMATS for f in declared):
        return ""       # (a list naming a median too, "mean (SD), median (IQR) or n (%)": the unmarked rows are either)
    named = [label_format(label) for label in labels if label]
    if sum(1 for f in named if f in COUNT_FORMATS) < 2 or any(f in ONE_SPREAD_FORMATS for f in named):
        return ""
    return spreads.pop()

# ------------------------------------------------------------------------------------------ column headers
# a column of yearly percentages or of rates per 100 patient-years ("Rate, %/year", "Events per 100 patient-years"),
# and one of rates per patient-year ("Exacerbations per patient-year")
_RATE_HEADER = re.compile(r"%\s*/\s*(?:year|yr|y)\b|(?:per|/)\s*100\s+(?:patient|person)[- ]?years?", re.I)
_RATE_PER_YEAR = re.compile(r"(?:\bper|/)\s*(?:patient|person)[- ]?years?\b", re.I)


def rate_format(text: str) -> str:
    """ "rate100" for yearly percentages or rates per 100 patient-years, "rate1" for rates per patient-year (a
    column header's or a row label's), else ""."""
    if _RATE_HEADER.search(text):
        return "rate100"
    return "rate1" if _RATE_PER_YEAR.search(text) else ""


def column_header_format(fmt: str) -> str:
    """The cell format the format words of a column header name ("Placebo, n" -> "n"; study.column_format splits
    them off): "count" (counts), "pct" (percentages), "n_pct" ("n/N"), or a row-label format (`label_format`)."""
    fmt = fmt.strip().lower()
    if fmt in ("n", "no", "no.", "number", "numbers", "count", "counts", "frequency", "frequencies"):
        return "count"
    if fmt in ("%", "percent", "percents", "percentage", "percentages"):
        return "pct"
    if re.fullmatch(r"n\s*/\s*n", fmt):
        return "n_pct"
    return label_format(fmt)


def header_statistic_format(text: str) -> str:
    """The cell format a header naming a statistic gives: a row-label format ("Mean (SD)", "n (%)"), else "mean"
    or "median" when it names only one of them ("Mean % change from baseline")."""
    return label_format(text) or _one_centre(text)


def header_path_format(levels, spanning: str = "") -> str:
    """The format a column's header path declares for every cell under it: its header levels (`levels`, top to
    bottom) read from the cells up, the nearest level that names a format winning ("Median (range)" under "Mean
    (SD)"), each level's format words wherever they stand ("Drug A (n = 50), median (IQR)", "Change from baseline, LS
    mean (SE)", "% (n)"); then `spanning`, the statistic a header spanning the columns states (_Column.hint). A level
    naming only a centre ("Mean % change") gives it when no level names its spread."""
    centre = ""
    for level in reversed([lv for lv in levels if lv]):
        found = header_statistic_format(level)
        if found in ("mean", "median"):
            centre = centre or found
        elif found:
            return found
    if spanning and spanning not in ("mean", "median"):
        return spanning
    return centre or spanning


# a mean a model estimates, each arm's figure adjusted by it: "LS mean (SE)", "least-squares mean change", "LSM",
# "Adjusted mean (95% CI)", "estimated marginal means", "model-based mean"
_MODEL_MEAN = re.compile(r"\b(?:LS|least[- ]squares?|adjusted|estimated\s+marginal|model[- ](?:based|estimated))\s*-?\s*"
                         r"means?\b|\bLSMs?\b", re.I)


def model_mean(*texts: str) -> bool:
    """Whether a header path or a row label says the figures are a model's means ("LS mean (SE)", "Adjusted
    mean"): each arm's mean under it is adjusted."""
    return any(_MODEL_MEAN.search(t or "") for t in texts)


def refined_format(own: str, *outer: str) -> str:
    """The format of a cell from its nearest declaration (`own`: the row label's, else a header level's) and the
    outer ones (`outer`, nearest first: a header's, the caption's, a footnote's): the nearest that names one wins,
    except that a declaration naming only the centre ("Mean change from baseline": "mean"; "Median time to
    recovery": "median") takes the spread the nearest outer declaration gives that same centre ("Mean (SE)" over the
    column: "mean_se"; "Values are median (range)": "median_range"). An outer format of the other centre, or of counts,
    leaves it as it is."""
    said = next((o for o in outer if o), "")
    if own in ("mean", "median") and said.startswith(own + "_"):
        return said
    return own or said


def header_parts_format(part_formats) -> str:
    """The centre format ("mean..." or "median...") the first of a column's header rows names after its words
    (`part_formats`: each row's format words, study.column_format's; "Group and visit number, median (IQR)" spanning
    the arms and their visits), when the joined header hides it; else ""."""
    for fmt in part_formats:
        hint = column_header_format(fmt)
        if hint.startswith(("mean", "median")):
            return hint
    return ""


# ------------------------------------------------------------------------------------------ footnotes with marks
# a footnote mark printed in a text: symbols ("*", "†", "‡", "§", "¶", "#", doubled or not) or a superscript letter
# printed "^a"; a bare letter or number ("a", "b", "1") is a mark only where a cell of the table carries it (ingestion
# keeps a markup cell's marks apart from its text, in the cell's "marks")
_SYMBOL_MARK = r"[*\u2020\u2021\u00a7\u00b6#]+"
_MARK = r"(?:" + _SYMBOL_MARK + r"|\^[a-z])"
# a mark printed after a label or a header: "Length of stay†", "Age (years)*", "CRP^b"
_TRAILING_MARK = re.compile(r"(?<=[\w)\]%.])\s?(?P<mark>" + _MARK + r")\s*$")


def _mark_key(mark: str) -> str:
    return mark.lstrip("^")


def _marked_notes(footnotes: str, carried=()) -> list[tuple[str, str, int, int]]:
    """(mark, note, start, end) of each footnote opening with a mark: at the start of a line, or after the end of the
    note before it on the same line ("Values are mean (SD). b Mean (SE)."); a bare letter or number opens a note only
    when it is one of the marks the table's cells carry (`carried`), and then only before a word ("a Median (IQR)",
    "1 Mean (SE)": never "2 patients" unless "2" marks a cell)."""
    words = sorted({_mark_key(m) for m in carried if m and not re.fullmatch(_SYMBOL_MARK, m)}, key=len, reverse=True)
    opener = _MARK + "".join("|" + re.escape(w) for w in words)
    pattern = re.compile(r"(?:^|(?<=[.;:])[ \t]+)[ \t]*(?P<mark>" + opener + r")(?=[ \t]*[A-Za-z(])(?![a-z])[ \t]*",
                         re.M)
    found = []
    for m in pattern.finditer(footnotes or ""):
        mark = m.group("mark")
        after = (footnotes or "")[m.end("mark"):]
        if not re.fullmatch(_MARK, mark) and not re.match(r"[ \t]*[A-Z(]|[ \t]+[a-z]", after):
            continue        # (a carried letter glued to a lower-case word is a word's first letter: "alpha")
        found.append([_mark_key(mark), m.end(), m.start()])
    notes = []
    for i, (mark, begin, opened) in enumerate(found):
        line_end = (footnotes or "").find("\n", begin)
        end = min([line_end if line_end >= 0 else len(footnotes)] + [f[2] for f in found[i + 1:] if f[2] >= begin])
        notes.append((mark, footnotes[begin:end].strip(), opened, end))
    return notes


def marked_declarations(footnotes: str, carried=()) -> dict[str, str]:
    """{mark: format} of the footnotes that open with a mark and declare one format ("* Median (IQR)", "† Values are
    mean ± SEM", "b Mean (SE)" where a cell carries "b"): each applies to what carries its mark."""
    found: dict[str, str] = {}
    for mark, note, _, _ in _marked_notes(footnotes, carried):
        if caption_format(note):
            found.setdefault(mark, caption_format(note))
    return found


def label_mark(text: str) -> str:
    """The footnote mark printed after a label or a header ("Length of stay†" -> "†", "CRP^b" -> "b"), or ""."""
    m = _TRAILING_MARK.search(text or "")
    return _mark_key(m.group("mark")) if m is not None else ""


def marked_format(raw_label: str, declarations: dict[str, str], carried=()) -> str:
    """The format the footnote of the label's own mark declares ("Length of stay†" under "† Median (range)"; a markup
    cell's `carried` marks too), or ""."""
    if not declarations:
        return ""
    return next((declarations[m] for m in (label_mark(raw_label), *(_mark_key(c) for c in carried))
                 if m and m in declarations), "")


def table_wide_notes(footnotes: str, row_labels: list[str], heads: list[str], row_marks=(), head_marks=()) -> str:
    """The footnotes that speak for the whole table: a footnote opening with a mark that only row labels carry (not
    the caption or a header) speaks for those rows, and is left out (`row_marks`, `head_marks`: the marks markup cells
    carry apart from their text)."""
    rows = ({label_mark(t) for t in row_labels} | {_mark_key(m) for m in row_marks}) - {""}
    heads_carry = {label_mark(t) for t in heads} | {_mark_key(m) for t in heads for m in re.findall(_MARK, t or "")} \
        | {_mark_key(m) for m in head_marks}
    kept, at = [], 0
    for mark, _, opened, end in _marked_notes(footnotes, set(row_marks) | set(head_marks)):
        if mark in rows - heads_carry:
            kept.append(footnotes[at:opened])
            at = end
    kept.append((footnotes or "")[at:])
    return "\n".join(line for line in "".join(kept).splitlines() if line.strip()) if at else (footnotes or "")


# ------------------------------------------------------------------------------------------ quantities named
# a declaration naming the quantities it holds for: "AUC and Cmax summarized using geometric means (95% confidence
# intervals)", "Tmax and Cday7 were summarized using medians (range)", "Age and weight are presented as median
# (range)": the rows of those quantities print that format, whatever the table's other rows print (a sentence of the
# methods may declare two such clauses, ", and" between them)
_QUANTITY_NAME = r"[A-Za-z][\w\-/\u2010-\u2013]*(?:\s+(?!(?:and|were|are|was|is|summari[sz]ed)\b)[A-Za-z][\w\-/]*){0,2}"
_NAMED_DECLARATION = re.compile(
    r"(?:^|(?<=[.;:,(\n])|(?<=\band)|(?<=\bwhile)|(?<=\bwhereas))\s*"
    r"(?P<names>" + _QUANTITY_NAME + r"(?:\s*,\s*(?:and\s+)?" + _QUANTITY_NAME + r"|\s+and\s+" + _QUANTITY_NAME + r"){0,5})"
    r"\s+(?:(?:were|are|was|is)\s+)?(?:summari[sz]ed|presented|expressed|reported|shown|given|described)\s+"
    r"(?:as|using|by|with)\s+(?P<what>[^.;\n]+?)(?=\s*(?:[.;\n]|,\s*(?:and|while|whereas)\b|$))", re.I)
# subjects that name no quantity: the kinds of variables (`_KIND_OF_VARIABLES`, declared for every row of their kind,
# read elsewhere), pronouns and the figures in general ("Data were presented as", "They are given as")
_NO_QUANTITY = re.compile(r"(?i)\s*(?:the\s+|all\s+)?(?:they|these|those|it|this|data|values?|results?|figures?|"
                          r"numbers?|statistics?|findings|outcomes?|estimates?|cells?|entries)\s*")


def named_declarations(words: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """((names, format), ...) of the clauses declaring a format for the quantities they name ("AUC and Cmax
    summarized using geometric means (95% confidence intervals)" -> (("AUC", "Cmax"), "mean_ci")); a clause whose
    subject names only a kind of variables or the data ("Continuous variables are presented as", "Data are
    expressed as") declares for the whole table and is left to `declared_formats`."""
    found = []
    for m in _NAMED_DECLARATION.finditer(words or ""):
        said = declared_formats(m.group("what"))
        if len(said) != 1:
            continue
        subject = re.sub(r"(?i)^(?:and|while|whereas)\s+", "", m.group("names").strip())     # (", and Tmax and ...")
        names = tuple(n.strip() for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", subject) if n.strip())
        names = tuple(n for n in names if not kind_of_variables(n) and not _NO_QUANTITY.fullmatch(n))
        if names:
            found.append((names, centred_formats(said, m.group("what"))[0]))
    return tuple(found)


def named_format(label: str, declarations) -> str:
    """The format a declaration naming the row's quantity gives it (`declarations`: `named_declarations`): "Cmax
    (ng/mL)", "AUC0-8hr (hr•ng/mL)" under "AUC and Cmax summarized using geometric means (95% CI)" -> "mean_ci" (the
    name opening a word of the label, a subscript's digits may follow it); "" when none names it, or two
    declarations name it with different formats."""
    said = {fmt for names, fmt in declarations for name in names
            if re.search(r"(?<![A-Za-z0-9])" + re.escape(name) + r"(?![A-Za-z])", label or "", re.I)}
    return said.pop() if len(said) == 1 else ""


@lru_cache(maxsize=256)
def document_named_declarations(text: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """`named_declarations` of the document's statistics paragraph (its declaring sentences): "AUC and Cmax were
    summarized using geometric means (95% confidence intervals), and Tmax ... using medians (range)" holds for the
    rows of those quantities in every table."""
    return tuple(d for sentence in _declaring_sentences(text) for d in named_declarations(sentence))


# the words a cell naming only a format may hold besides the statistics' names ("Geometric mean (95% CI)",
# "Arithmetic mean (SD)", "N (%)")
_FORMAT_QUALIFIER = re.compile(r"(?i)geometric|arithmetic|%|\d{2}(?:\.\d)?\s*%|and|or|of|the")


def format_words_only(text: str) -> str:
    """The format a stub cell names when it holds nothing but the statistics' names ("Median (range)", "N (%)",
    "Geometric mean (95% CI)", "Arithmetic mean (SD)": a "Measure" column beside the row labels saying how each row
    is printed); "" for a cell with other words ("Male", "Mean age"), or naming no format ("Median" alone)."""
    found = label_format(text or "")
    if not found or found in ("mean", "median"):
        return ""
    words = re.findall(r"\d+(?:\.\d)?\s*%|[A-Za-z]+\.?|%", text)
    return found if all(_FORMAT_QUALIFIER.fullmatch(w) or statistic_name(w) for w in words) else ""
