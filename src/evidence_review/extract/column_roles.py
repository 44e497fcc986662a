"""What a table column holds, decided once from its header path and its body cells, for every reader to ask.

A column of a results table is one of: an arm's figures, a p-value of the comparison, an effect between arms and
its interval, the whole population, a stratum. The readers decide most of that from the study's arms; this module
holds the decisions that must come first, because a column that is no arm's figures is often printed under an arm's
header ("Drug X (n = 16)" spanning "Month 0 | Month 9 | p, trend") and would otherwise be read as that arm's.

- `names_p`: a header text naming a p-value, any spelling with any qualifier ("P", "p-value*", "p, trend", "P for
  trend", "P-interaction", "p (time × treatment)", "Sig.", "Trend P", "Between-group p value").
- `p_shaped`: a column's body cells are all p-values, at least one printed as one ("<0.001", "p = 0.03", "NS"): a
  column of bare decimals below 1 alone is not (means of a fraction, shares).
- `column_role`: "p" for a column that holds p-values whatever header spans it; "test" for a test statistic's or
  its degrees of freedom's ("t(19)", "df": nothing to read); under an arm's header, "effect" for a
  ratio column of that arm against the reference ("Drug X (n = 85)" over "% | (n) | OR | (95% CI)"), "reference" for
  the reference arm's own ratio column (every cell "1" or "ref": nothing to read), "ci" for the interval column beside
  the effect; None when the column is left to the readers. A header text that itself names an arm (an arm coded "P")
  is never read as a p-value's or a ratio's name.
- `ratio_name`: the ratio a leaf header names ("OR", "OR1", "aOR", "Odds ratio", "HR†", "IRR"), else "".
- (a cross-table of counts, an arm's category columns closed by a "Total" column, is read by
  `table_sizes.row_totals_of_categories`: each count of its row's total)
- `names_no_arm`: a sub-header under an arm that is no part of the arm's name: a p-value's, a ratio's or an
  interval's name, a statistic the cells print ("(n)", "%", "SD"), or a test's or comparison's ("t(19)", "ES").
- `names_difference`: a header text naming the difference of the arms' figures by its symbol, not by a word: a
  difference sign before the interval ("δ (95% CI)", "Δ [95% CI]", "∆, 95% CI") or two changes joined by a minus
  ("Δ(A) – Δ(B)", "ΔA − ΔB", "δ1-δ2"), whatever names the sides: the column compares the arms, it is no arm's (a
  bare "Δ" over one arm's cells is that arm's change), and a size printed with it ("(n = 76)") is both arms'.
- `event_count_columns`: under an arm, the columns counting events ("Number of events") beside the arm's column
  counting patients ("Number of patients (%)"): nothing to read (a patient may have had several events).
- `comparison_role`: what a header text says a column holds when its cells test or compare the arms, whatever
  column they sit in: "p" ("P=", "P °", "Sig."), "test" (a test statistic, with or without its degrees of freedom:
  "t", "t(19)", "F(2, 57)", "z", "U", "χ²"), "df", "effect_size" ("ES", "Cohen's d", "Effect size (P)", "η²"), "se"
  of a difference ("S.E. of difference", "SE of the difference"), "nnt"; None for any other header. No arm's own
  figure is read from such a column (a reader of arm columns skips it).
- `column_role` also gives "difference" for a column any of whose header texts `names_difference`: the arms'
  difference, its measure decided by the arms' figures beside it; and "within" for an effect size its header says is
  one arm's own change ("Effect sizes" over "Within EG | Within CG", "Within-group effect size, d (95% CI)"): nothing
  to read, no difference of the arms.
- `model_term_columns`: a block of columns printing a model's terms' statistics ("F" over "Time | Group | Time ×
  Group"), known by one crossed term among them: nothing to read (the table reader sets them aside first).

- `adjustment_column`: a column headed only by its analysis's adjustment ("Unadjusted", "Crude", "Adjusted", or
  a covariate's name under a spanning "Adjusted"), no part naming an arm: one column of estimates per analysis,
  whose measure the table's notes declare (`table_effects.declared_estimate`).

Plain texts in, so each decision is tested on headers and cells written as strings
(`tests/test_extract_column_roles.py`).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from .grammar import EFFECT_SIZE_NAMES, WITHIN_ONE_ARM, comparison_statistic
from .table_columns import statistic_role
from .table_effects import names_coefficient

_MARK = r"[*\u2020\u2021\u00a7\u00b6#]"
_P_WORD = r"(?:p|sig\.?|significance)(?:\s?[-\u2010\u2013]?\s?values?)?"
# the name first, a qualifier after it: "p, trend", "P for trend", "P-trend", "p (time × treatment)", "P value*";
# "P1", "PI", "Post", "Placebo" are words of their own, no p-value's name
_P_FIRST = re.compile(r"\s*" + _P_WORD + r"\s*" + _MARK + r"?\s*(?:$|(?P<rest>[\s,;:(\[\-\u2010\u2013_/].*))", re.I | re.S)
# the qualifier first: "Trend P", "P-value for interaction" is above; "Interaction p value", "Between-group P",
# "Overall p", "Adjusted p-value" (a word before a bare "P" only when it is a test's qualifier: "Group P" is an arm)
_QUALIFIER = (r"(?:trend|interaction|overall|global|adjusted|unadjusted|crude|corrected|exact|"
              r"between[- ](?:the\s+)?groups?|within[- ](?:the\s+)?groups?|intergroup|intragroup|inter-group|intra-group|"
              r"time|group\s*[\u00d7x*]\s*time|time\s*[\u00d7x*]\s*(?:group|treatment)|treatment|comparison|two[- ]sided|"
              r"one[- ]sided|two[- ]tailed)")
_P_LAST = re.compile(r"\s*(?:" + _QUALIFIER + r"[\s,:-]*)+(?:p(?:\s?[-\u2010\u2013]?\s?values?)?|p\s?[-\u2010\u2013]?\s?values?)\s*"
                     + _MARK + r"?\s*", re.I)
# what a qualifier after "P" may not be: an arm's size or an arm's word ("P (n = 20)", "P group", "P arm")
_ARM_AFTER = re.compile(r"(?i)\b(?:n|N)\s*[=:]\s*\d|^\s*[(\[]?\s*\d+\s*[)\]]?\s*$|^\s*(?:group|arm|cohort)\b")


# a qualifier glued to the "p" ("pintra", "Pinter", "ptrend", "pinteraction"): a within- or between-group test's p
_P_GLUED = re.compile(r"\s*p(?:intra|inter|trend|interaction|within|between)(?:[- ]?groups?)?\s*" + _MARK + r"?\s*", re.I)


def names_p(text: str) -> bool:
    """Whether a header text names a p-value (see the module's note); also in brackets of its own ("(pintra)", "(P
    value)")."""
    text = (text or "").strip()
    if not text or len(text) > 60:
        return False
    bracketed = re.fullmatch(r"[(\[]\s*([^()\[\]]+?)\s*[)\]]", text)
    if bracketed is not None:
        text = bracketed.group(1)
    if _P_GLUED.fullmatch(text):
        return True
    first = _P_FIRST.fullmatch(text)
    if first is not None:
        rest = first.group("rest") or ""
        return not _ARM_AFTER.search(rest.strip(" ,;:-\u2010\u2013_/"))
    return bool(_P_LAST.fullmatch(text))


# what follows "P" in a header that names a p-value only: "=" ("P="), a degree sign as a footnote mark ("P °")
_P_TAIL = re.compile(r"\s*p\s*(?:=|\u00b0|[*\u2020\u2021\u00a7\u00b6#])\s*[*\u2020\u2021\u00a7\u00b6#\u00b0]?\s*", re.I)


# a test statistic as a column's header: its letter with its degrees of freedom ("t(19)", "F(2, 57)", "χ2(1)") or
# alone where no sex column can be meant ("t", "z", "U", "H", "χ²"; a bare "F" is as often the female column)
# ("Wald χ2", "Wald chi-square", "Wald" beside a model's coefficient: the coefficient's test, no figure of an arm)
_TEST_HEADER = re.compile(r"\s*(?:(?:[tFzZUHW]|\u03c7\s*(?:2|\u00b2)|[Xx]\s*(?:2|\u00b2)|chi[- ]?squared?)\s*"
                          r"[(\[]\s*\d+(?:\.\d+)?(?:\s*[,;/]\s*\d+(?:\.\d+)?)?\s*[)\]]"
                          r"|(?-i:t|z)|\u03c7\s*(?:2|\u00b2)|t[- ]?(?:value|statistic|test)s?"
                          r"|(?i:wald)(?:\s*(?:\u03c7\s*(?:2|\u00b2)|[Xx]\s*(?:2|\u00b2)|(?i:chi[- ]?squared?)|(?i:statistic)))?)\s*"
                          + _MARK + r"?\s*")
# an effect size a header names with its p-value or interval in brackets ("Effect size (P)", "ES (95% CI)", "Cohen's
# d [95% CI]"), or a share of variance explained ("η²", "partial eta squared")
# ("Effect size (η p 2)": the effect size named by its symbol in brackets; "eta 2": the square printed as a digit; a
# footnote's marks doubled, "Effect size**")
_VARIANCE_SHARE = r"(?:partial\s+)?(?:[\u03b7\u03c9]\s*p?\s*(?:2|\u00b2)|(?:eta|omega)(?:[- ]?squared|\s*(?:2|\u00b2)))"
_EFFECT_SIZE_HEADER = re.compile(r"\s*(?:(?:standardi[sz]ed\s+)?effect\s+sizes?|ES|cohen'?s\s*d|hedges'?\s*g|(?-i:d))\s*"
                                 r"(?:[(\[]\s*(?:p|95\s*%\s*CI|CI|" + _VARIANCE_SHARE + r")\s*[)\]])?\s*" + _MARK + r"{0,3}\s*"
                                 r"|\s*" + _VARIANCE_SHARE + r"\s*", re.I)
# the standard error of a difference in a column of its own: "S.E. of difference", "SE of the difference", "SED"
_SE_OF_DIFFERENCE = re.compile(r"\s*(?:s\.?\s?e\.?|standard\s+error)\s+(?:of\s+(?:the\s+)?)?(?:(?:mean|treatment)\s+)?"
                               r"differences?\s*" + _MARK + r"?\s*|\s*SED\s*", re.I)
_NNT = re.compile(r"\s*NN[TH](?:[BH])?\s*(?:[(\[][^()\[\]]{0,20}[)\]])?\s*" + _MARK + r"?\s*"
                  r"|\s*number\s+needed\s+to\s+(?:treat|harm)\b.*", re.I)


# the signs of a difference or change: Greek capital and small delta, the increment sign
_DELTA = "[\u0394\u2206\u03b4]"
# "δ (95% CI)", "Δ [95% CI]", "∆, 95% CI", "δ 95% CI": the difference sign and its interval, nothing else before it
_DELTA_INTERVAL = re.compile(r"(?:^|[\s(\[])" + _DELTA + r"\s*[,:]?\s*[(\[]?\s*(?:9[059]\s*%\s*)?(?:CI|C\.I\.|confidence\s+interval)\b",
                             re.I)
# "Δ(A) – Δ(B)", "ΔA − ΔB", "δ1-δ2", "Δ A vs Δ B": two changes joined by a minus or "vs" (a parenthesis of the first
# side may be lost in the print: "ΔA) – Δ(B)")
_DELTA_PAIR = re.compile(_DELTA + r"\s*[(\[]?[^()\[\]\u0394\u2206\u03b4]{1,40}?[)\]]?\s*(?:[-\u2010\u2013\u2014\u2212]|\b(?:vs\.?|versus|minus)(?=\s))"
                         r"\s*" + _DELTA + r"\s*[(\[]?\s*\w", re.I)


def names_difference(text: str) -> bool:
    """Whether a header text names the difference of the arms by its sign (see the module's note)."""
    text = re.sub(r"\s+", " ", text or "")
    return bool(_DELTA_INTERVAL.search(text) or _DELTA_PAIR.search(text))


# a header naming a measured quantity, never a test's column: an ion's charge ("P- (mmol/L)", "Cl-"), a unit in brackets
# ("P (mg/dL)", phosphorus)
_QUANTITY = re.compile(r"^\s*[A-Za-z]{1,2}\s*[-+\u2212]\s*(?:$|[(\[])|[(\[]\s*(?:[mµμnp]?mol|[mµμnk]?g|m?[lL]|mm\s*Hg|"
                       r"I?U)\s*(?:/\s*[a-zA-Z0-9.²]+)?\s*[)\]]", re.I)


def comparison_role(text: str) -> str | None:
    """What a header text says its column's cells are when they test or compare the arms (see the module's note):
    "p", "test", "df", "effect_size", "se", "nnt", or None."""
    text = re.sub(r"\s+", " ", (text or "")).strip()
    if not text or len(text) > 60 or _QUANTITY.search(text):
        return None
    if names_p(text) or _P_TAIL.fullmatch(text):
        return "p"
    named = comparison_statistic(text)
    if named == "test" and re.fullmatch(r"(?i)\s*(?:d\.?\s*f\.?|degrees?\s+of\s+freedom)\s*", text):
        return "df"
    if named is not None:
        return named
    if _TEST_HEADER.fullmatch(text):
        return "test"
    if _EFFECT_SIZE_HEADER.fullmatch(text):
        return "effect_size"
    if _SE_OF_DIFFERENCE.fullmatch(text):
        return "se"
    if _NNT.fullmatch(text):
        return "nnt"
    return _qualified_test(text)


# A test's name with the words a header prints around it. Before it, a qualifier ("Between groups F", "Within group t",
# "Pearson Chi Square", "2 sample t-test"); after it, its degrees of freedom or its p in brackets ("t-value (df = 62)",
# "F (df)", "Chi-square (df)a", "t (p)") or "test result"; two tests joined by "/" ("t/ χ2"); the letter in quotes
# ("“t” Value"); its p-value ("T-test p-value", "Permutation test p-value", "Wilcoxon test significance level"). With such words a test's bare letter ("F", "t", "U") names the test:
# alone, "F" is as often the female column.
_TEST_QUALIFIER = re.compile(r"(?i)\s*(?:between[- ](?:the\s+)?groups?|within[- ](?:the\s+)?groups?|pearson'?s?|"
                             r"(?:one|two|1|2)[- ]samples?|paired|unpaired|independent(?:[- ]samples?)?|student'?s?|welch'?s?)\s+")
_TEST_LETTER = re.compile(r"\s*(?:[tFzZUH]|\u03c7\s*(?:2|\u00b2)|[Xx]\s*(?:2|\u00b2))\s*")
_TEST_BRACKET = re.compile(r"(?P<name>.+?)\s*[(\[]\s*(?:d\.?\s*f\.?(?:\s*=\s*\d+(?:\.\d+)?)?|p(?:[- ]?values?)?)\s*[)\]]\s*"
                           + _MARK + r"?[a-e]?\s*", re.I)
_TEST_RESULT = re.compile(r"(?P<name>.+?)\s+(?:test\s+)?results?\s*" + _MARK + r"?\s*", re.I)
_TEST_P = re.compile(r"(?P<name>.+?)\s*[-,:]?\s*(?:p(?:\s?[-\u2010\u2013]?\s?values?)?|significance(?:\s+levels?)?)\s*"
                     + _MARK + r"?\s*", re.I)
_QUOTES = re.compile("[\"\u201c\u201d\u2018\u2019]")


def _names_test(text: str, letter: bool) -> bool:
    """Whether a text is a test's name ("t-test", "Chi Square", "χ2", "t(19)"), or with `letter` its bare letter."""
    text = text.strip()
    return (comparison_statistic(text) == "test" or bool(_TEST_HEADER.fullmatch(text))
            or letter and bool(_TEST_LETTER.fullmatch(text)))


def _qualified_test(text: str) -> str | None:
    """"test" (or "p" for the test's p-value) for a test's name with the words around it (see the note above)."""
    unquoted = _QUOTES.sub("", text)
    if unquoted != text and re.search(r"[\"\u201c\u201d]", text):
        return comparison_role(unquoted)
    m = _TEST_P.fullmatch(text)
    if m is not None and _names_test(m.group("name"), letter=False):
        return "p"
    for form in (_TEST_BRACKET, _TEST_RESULT):
        m = form.fullmatch(text)
        if m is not None and _names_test(m.group("name"), letter=form is _TEST_BRACKET):
            return "test"
    q = _TEST_QUALIFIER.match(text)
    if q is not None and _names_test(text[q.end():], letter=True):
        return "test"
    sides = re.split(r"\s*/\s*", text)
    if len(sides) >= 2 and all(_names_test(t, letter=True) for t in sides) \
            and any(_names_test(t, letter=False) or t.strip() in ("t", "z") for t in sides):
        return "test"       # ("F/U" is a follow-up, no two tests)
    return None


# a p-value cell: "0.03", ".001", "<0.001", "≤ 0.05", "p = 0.2", "P<.01", "NS", "n.s.", with footnote marks after it
_P_CELL = re.compile(r"\s*(?:p\s*)?(?:[<>\u2264\u2265]\s*=?|=)?\s*(?:0?\.\d+|[01](?:\.0+)?)\s*(?:" + _MARK + r"|[a-z])*\s*"
                     r"|\s*(?:n\.?\s?s\.?|NS)\s*" + _MARK + r"*\s*", re.I)
# printed as a p-value, not only shaped like one: an operator, a "p", "NS"
_P_PRINTED = re.compile(r"[<>\u2264\u2265]|(?i:\bp\s*[<>=\u2264\u2265])|(?i:^\s*n\.?\s?s\.?\s*$)|NS")
_BLANK = re.compile(r"[-\u2013\u2014\u2212\s.]*")


# a term of the analysis's model as a column's header: named as an effect ("Group effect", "Period effect", "Group ×
# time effect", "Interaction effect", "Carryover effect"), crossed ("Time × Group", "Group*Time", "Treatment x Time",
# "Group by time", "Time × Group Interaction", "Interaction") or alone ("Time", "Group"); a test's bare letter ("F",
# "t", "χ2") over or under such terms names the statistic every term's column prints
_TERM_WORD = (r"(?:groups?|time(?:\s*points?)?|treatments?|period|visit|sequence|order|carry[- ]?over|condition|intervention"
              r"|session|interaction)")
# named as an effect, a term is a p column by its cells; not a term that names the arms' contrast ("Treatment effect",
# "Intervention effect", "Condition effect"): that may be the estimate itself
_EFFECT_TERM_WORD = r"(?!(?:treatments?|intervention|condition)\b)" + _TERM_WORD
_MODEL_TERM = re.compile(r"\s*" + _EFFECT_TERM_WORD + r"(?:\s*[\u00d7x*]\s*" + _TERM_WORD + r")?\s+effects?\s*" + _MARK + r"?\s*",
                         re.I)
_CROSSED_TERM = re.compile(r"\s*(?:" + _TERM_WORD + r"\s*(?:[\u00d7x*]|by)\s*" + _TERM_WORD + r"(?:\s+interactions?)?|interactions?)"
                           r"(?:\s+effects?)?\s*" + _MARK + r"?\s*", re.I)
_SINGLE_TERM = re.compile(r"\s*" + _TERM_WORD + r"(?:\s+effects?)?\s*" + _MARK + r"?\s*", re.I)
_STATISTIC_FIGURE = re.compile(r"\s*[-\u2212]?\d*\.?\d+\s*(?:" + _MARK + r"|[a-e])*\s*")


def model_term_columns(paths: dict[int, list[str]], cells: dict[int, list[str]]) -> set[int]:
    """The columns printing an analysis's terms ("F" over "Time | Group | Time × Group", "Time × Group Interaction"
    over "F | p"): each a test statistic of a model term, never an arm's figure nor a comparison's estimate.
    A run of adjacent columns each headed by a model term or a test's letter, bare figures in its cells, is such a
    block when one of them names a crossed term or an interaction ("Time" or "Group" alone is as often an arm's or a
    row label's header). `paths`: each column's header texts, top down; `cells`: its body cells as printed."""
    def termed(col: int) -> bool:
        parts = [str(p or "").strip() for p in paths.get(col) or [] if str(p or "").strip()]
        filled = _filled(cells.get(col) or ())
        return bool(parts) and bool(filled) and all(_STATISTIC_FIGURE.fullmatch(t) for t in filled) \
            and all(_CROSSED_TERM.fullmatch(p) or _SINGLE_TERM.fullmatch(p) or _TEST_LETTER.fullmatch(p)
                    or _TEST_HEADER.fullmatch(p) for p in parts)
    crossed = lambda col: any(_CROSSED_TERM.fullmatch(str(p or "")) for p in paths.get(col) or [])  # noqa: E731
    out: set[int] = set()
    run: list[int] = []
    for col in sorted(paths) + [None]:
        if col is not None and termed(col) and (not run or col == run[-1] + 1):
            run.append(col)
            continue
        if any(crossed(c) for c in run):
            out.update(run)
        run = [col] if col is not None and termed(col) else []
    return out


def _filled(cells: Iterable[str]) -> list[str]:
    """A column's body cells as printed, the blank ones ("", "-", "–") left out."""
    body = [str(t or "").strip() for t in cells]
    return [t for t in body if t and not _BLANK.fullmatch(t)]


def _p_like(cells: Iterable[str]) -> bool:
    """Whether a column's filled cells are all p-values as printed, bare decimals within 0 to 1 included."""
    body = _filled(cells)
    return bool(body) and all(_P_CELL.fullmatch(t) for t in body)


def p_shaped(cells: Iterable[str]) -> bool:
    """Whether a column's body cells are all p-values and at least one is printed as one (see the module's note)."""
    body = _filled(cells)
    return _p_like(body) and any(_P_PRINTED.search(t) for t in body)


# a ratio's name as a leaf header: "OR", "OR1", "OR¹", "aOR", "uOR", "cOR", "Adjusted OR", "Odds ratio", "HR*", "RR", "IRR",
# "Rate ratio" (a digit or mark after it is a footnote's)
_RATIOS = (("OR", r"[acu]?OR|(?i:odds\s+ratios?)"), ("HR", r"[acu]?HR|(?i:hazard\s+ratios?)"),
           ("IRR", r"[acu]?IRR|(?i:(?:incidence\s+)?rate\s+ratios?)"), ("RR", r"[acu]?RR|(?i:risk\s+ratios?|relative\s+risks?)"))
_RATIO = re.compile(r"\s*(?i:(?:adjusted|crude|unadjusted)\s+)?(?:" + "|".join(f"(?P<{m}>{p})" for m, p in _RATIOS) + r")"
                    r"\s*(?:[\d\u00b9\u00b2\u00b3]|" + _MARK + r"|(?-i:[a-z]))?\s*")
# the interval's own leaf header: "(95% CI)", "95% CI", "CI", "[95% CI]", "95% confidence interval", "CI 95%", the
# "I" printed as a lower-case "l" ("95% Cl"), a unit in brackets after it ("95% CI (%)", "95% CI, mmHg")
_CI = re.compile(r"\s*[(\[]?\s*(?:(?:9[059]\s*%\s*)?(?:CI|C\.I\.|confidence\s+(?:intervals?|limits?))|9[059]\s*%\s*(?-i:Cl))"
                 r"(?:\s*9[059]\s*%)?\s*[)\]]?\s*" + _MARK + r"?\s*"
                 r"(?:(?:[(\[]\s*(?:%|[a-zµμ]{1,5}(?:/[a-zA-Z0-9.²]{1,6})?|mm\s*Hg)\s*[)\]]|,\s*(?:%|[a-zµμ]{1,5}(?:/[a-zA-Z0-9.²]{1,6})?|mm\s*Hg)))?\s*",
                 re.I)


def names_interval(text: str) -> bool:
    """Whether a header text names an interval printed in a column of its own ("95% CI", "(95% CI)", "95% Cl (%)",
    "CI 95%", "95% confidence limits")."""
    return bool(_CI.fullmatch(re.sub(r"\s+", " ", text or "")))
# the reference's cell: "1", "1.0", "1.00", "ref", "Reference", "(ref.)"
_REFERENCE_CELL = re.compile(r"\s*[(\[]?\s*(?:1(?:\.0+)?|ref(?:\.|erence)?)\s*[)\]]?\s*" + _MARK + r"?\s*", re.I)


def ratio_name(text: str) -> str:
    """The ratio a leaf header names ("OR1" -> "OR", "Hazard ratio" -> "HR"), else ""."""
    m = _RATIO.fullmatch(text or "")
    return m.lastgroup if m is not None else ""


_FIGURE = re.compile(r"\s*(?P<value>\d+(?:\.\d+)?)\s*(?:[(\[]\s*\d+(?:\.\d+)?\s*(?:[-\u2013\u2014,;]|to)\s*\d+(?:\.\d+)?\s*[)\]])?\s*"
                     + _MARK + r"*\s*")


def _ratio_cells(leaf: str, filled: list[str]) -> bool:
    """Whether a column's cells are ratios: positive figures, alone or with their interval, never a mean's spread.
    "HR" and "RR" printed as abbreviations are also a heart rate and a respiratory rate ("Drug X" over "HR | SBP"): their
    ratios are below ten with decimals, or printed with an interval."""
    found = [_FIGURE.fullmatch(t) for t in filled]
    if not filled or any(m is None or m.group("value") == "0" for m in found):
        return False
    if re.fullmatch(r"\s*a?(?:HR|RR)\s*\S?\s*", leaf):
        return all("(" in t or "[" in t or float(m.group("value")) < 10 and "." in m.group("value")
                   for t, m in zip(filled, found))
    return True


def names_no_arm(text: str) -> bool:
    """Whether a header text under an arm's names what the cells are, never the arm ("p, trend", "OR1", "(95% CI)",
    "(n)", "%")."""
    text = (text or "").strip()
    return bool(text) and (names_p(text) or bool(ratio_name(text)) or bool(_CI.fullmatch(text)) or bool(_EVENT_COUNT.fullmatch(text))
                           or statistic_role(text) is not None or comparison_role(text) is not None)


# a count of events, not of patients: "Number of events", "No. of events", "Events (n)", "n events", "Episodes, n"
_EVENT_COUNT = re.compile(r"\s*(?:(?:total\s+)?(?:number|no\.?|n)\s+(?:of\s+)?(?:events?|episodes?)|(?:events?|episodes?)"
                          r"\s*(?:[(\[,]\s*(?:n|no\.?|number)\s*[)\]]?)?)\s*" + _MARK + r"?\s*", re.I)
# a count of patients (with its share): "Number of patients (%)", "Patients, n (%)", "No. of subjects", "n (%)"
_PATIENT_COUNT = re.compile(r"\s*(?:(?:number|no\.?|n)\s+(?:of\s+)?(?:patients|subjects|participants|persons|people|cases)|"
                            r"(?:patients|subjects|participants)\b|n\s*[(\[]\s*%\s*[)\]]).*", re.I)


def event_count_columns(paths: dict[int, list[str]]) -> set[int]:
    """The columns under an arm that count events ("Number of events") beside a column of the same arm counting the
    patients who had them ("Number of patients (%)"): the events are no share of the arm (a patient may have had
    several); the patients' column is the arm's proportion. `paths`: each column's header texts, top down."""
    out = set()
    for col, path in paths.items():
        if len(path) < 2 or not _EVENT_COUNT.fullmatch(path[-1] or ""):
            continue
        if any(other[:-1] == path[:-1] and _PATIENT_COUNT.fullmatch(other[-1] or "")
               for c, other in paths.items() if c != col and len(other) == len(path)):
            out.add(col)
    return out


def column_role(parts: Iterable[str], cells: Iterable[str], names_arm: Callable[[str], bool] = lambda _t: False,
                left: str | None = None) -> str | None:
    """What a column holds (see the module's note): "p", "test", "effect", "reference", "ci", "difference",
    "coefficient" (a model's coefficient of the arm named above against the reference: "B", "β" under the arm), or
    None (the readers decide).
    `left`: the role of the column on its left ("ci" only right of an effect: "Drug X" over "Mean | 95% CI" is the
    arm's mean with its interval)."""
    parts = [str(p or "").strip() for p in parts]
    cells = [str(t or "").strip() for t in cells]
    if any((names_p(p) or comparison_role(p) == "p") and not names_arm(p) for p in parts if p):
        return "p"
    if parts and comparison_role(parts[-1]) in ("test", "df"):
        # (never an arm's name, whatever the study model resolves: "t(19)" names the t test's 19 degrees of freedom)
        return "test"       # "Difference" over "M | t(19) | p": a test statistic's column, no arm's and no effect
    if len(parts) >= 2 and any(comparison_role(p) == "test" for p in parts[:-1] if p) and not names_arm(parts[-1]):
        # "Bayes factors" over "5 Units | 3 Units": the test under each effect it assumed, no dose's arm
        return "test"
    if p_shaped(cells) or parts and _MODEL_TERM.fullmatch(parts[-1]) and _p_like(cells):
        return "p"      # ("Group effect | Period effect" over "0.456 | 0.028": the ANOVA's terms' p-values)
    if any(names_difference(p) for p in parts):
        return "difference"     # "Δ(A) – Δ(B) (n = 76)" over "δ (95% CI)": the arms' difference, no arm of 76
    if any(_NAMES_EFFECT_SIZE.search(p) for p in parts) and any(_WITHIN_ONE_ARM.search(p) for p in parts):
        return "within"         # "Effect sizes" over "Between-group | Within EG | Within CG": each arm's own change
    # under an arm's header: the leaf is the ratio of that arm against the reference, or its interval
    leaf = parts[-1] if parts else ""
    if len(parts) >= 2 and any(names_arm(p) for p in parts[:-1]) and not names_arm(leaf):
        filled = [t for t in cells if t and not _BLANK.fullmatch(t)]
        if ratio_name(leaf) and filled and all(_REFERENCE_CELL.fullmatch(t) for t in filled):
            return "reference"
        if ratio_name(leaf) and _ratio_cells(leaf, filled):
            return "effect"
        if _CI.fullmatch(leaf) and left == "effect":
            return "ci"
        if names_coefficient(leaf) and filled and all(_SIGNED_FIGURE.fullmatch(t) for t in filled):
            # "DM60" over "B | Wald χ2 | p": a model's coefficient of that arm against the reference group
            return "coefficient"
    return None


# an effect size named anywhere in a header text ("Effect Sizes", "Within-group effect size, d (95% CI)", "Cohen's d")
_NAMES_EFFECT_SIZE = re.compile(r"(?i:\b(?:" + EFFECT_SIZE_NAMES + r")\b)|^\s*d\s*$")
# what says an effect size is one arm's change over time, not the arms' difference: "Within EG", "Within-group",
# "Intragroup", "Pre-post"
_WITHIN_ONE_ARM = re.compile(r"(?i)^\s*within\b|" + WITHIN_ONE_ARM + r"|\bpre[- ]?(?:to[- ])?post\b")
# a model's coefficient as printed: "2.129", "-0.104", "−0.05*"
_SIGNED_FIGURE = re.compile(r"\s*[-\u2212]?\d*\.?\d+\s*" + _MARK + r"*\s*")


# a header that is only an analysis's adjustment: "Unadjusted", "Adjusted", "Crude", "Fully adjusted", "Adjusted
# analysis", "Adjusted for" (a covariate's name under it is the adjustment's)
_ADJUSTMENT_ONLY = re.compile(r"\s*(?:(?:fully|partially|multivariabl[ey]|multivariate)\s+)?(?:un|non-?)?adjusted"
                              r"(?:\s+(?:for|analys[ie]s|models?|estimates?))?\s*[a-e*\u2020\u2021\u00a7]?\s*:?\s*|"
                              r"\s*(?:crude|univariabl[ey]|univariate)(?:\s+(?:analys[ie]s|models?|estimates?))?\s*[a-e*\u2020\u2021\u00a7]?\s*", re.I)


def adjustment_column(parts: Iterable[str], resolves: Callable[[str], bool]) -> bool:
    """Whether a column's header path (top down) says only which adjustment of an analysis the column holds: its own
    header is an adjustment ("Unadjusted", "Adjusted" under "Yogurt intake"), or a header above it is ("Adjusted"
    spanning "IgE-eczema (at 12 months) | Atopy", the covariates); no part names an arm (`resolves`), since an arm's
    adjusted figures ("Adjusted" over "Drug X | Placebo") are the arm's."""
    texts = [re.sub(r"\s+", " ", str(p or "")).strip() for p in parts]
    texts = [t for t in texts if t]
    if not texts or any(resolves(t) for t in texts):
        return False
    return any(_ADJUSTMENT_ONLY.fullmatch(t) for t in texts)
