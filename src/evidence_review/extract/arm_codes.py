"""The codes a document gives its arms where it defines them apart from the tables that use them: a letter, a
letter with a number or a Roman numeral ("A", "G1", "II") that a table prints as a column header or in its caption,
spelled out in a footnote, a legend or a methods sentence.

Shapes read (any names, any number of codes of one family):
- a list of definitions, "A, drug X 10 mg; B, placebo", "G1: X group; G2: Y group", "A = X, B = Y", "Group I: X;
  Group II: Y", "Group 1 = X; 2 = Y" (numbers only after a group word) — two or more items, the codes all of one
  family and all different;
- a code given in brackets after a name, "the X group (hereafter G1)", "X (hereinafter referred to as group A)";
- a code defined by what its group received, "group C received saline, group K received X and group K/M received X
  and Y" (`received_definitions`; a code may join two codes, "K/M", "B+D": the combination's group).

A definition is only a candidate: the study model (`study.py`) keeps it when its codes are what a table heads its
columns with (or names in its caption), and attaches each code to the arm its name resolves to, so every table
reader resolves "A (n = 30)" to that arm through `Study.resolve`. Footnote marks ("a P < 0.05 vs placebo"), grades
("A, mild; B, moderate") and statistics are no definitions: a name must read as a treatment or a group, not as a
statistic, a comparison or a severity."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .timepoints import is_timepoint

# one code: a capital letter (A-H), two capitals or a capital and digits ("G1", "T2", "AB"), a Roman numeral
CODE = r"(?:[A-Z]{1,2}\d{0,2}|I{1,3}|IV|VI?)"
# (a number is a code only with its word: "Group 2", never a bare "2"; with its word, a code may be bracketed or join
# two codes, "Group (P)", "Group(D/E)", "B+D group": a combination's group; the bracket may be left open where a
# size followed it, "Group (P" of "Group (P)(n = 30)")
_CODE_RE = re.compile(r"\s*(?:(?:(?i:group|arm|cohort)[\s-]*)?(?P<code>" + CODE + r")(?:\s+(?i:group|arm))?|"
                      r"(?i:group|arm|cohort)[\s-]*(?P<open>\()?\s*(?P<joined>(?:[A-Z]{1,2}\d{0,2}(?:\s?[/+&]\s?[A-Z]{1,2}\d{0,2}){1,2}|"
                      + CODE + r"))\s*(?(open)\)?)|"
                      r"(?P<joined2>[A-Z]{1,2}\d{0,2}(?:\s?[/+&]\s?[A-Z]{1,2}\d{0,2}){1,2})\s+(?i:group|arm)|"
                      r"(?i:group|arm|cohort)[\s-]*(?P<number>[1-9]))\s*")


@dataclass(frozen=True)
class CodeDefinition:
    code: str      # as printed: "A", "G1", "II"
    name: str      # what the document says the code stands for: "drug X 10 mg"
    start: int     # offsets of the definition in the text given
    end: int
    n: int | None = None    # the group's size when the definition prints it: "group 1 (X, n = 45)"


def code_family(code: str) -> str:
    """The family a code belongs to: "letter" (A, B), "roman" (I, II), or its letters before a number ("G" of G1)."""
    if re.fullmatch(r"I{1,3}|IV|VI?", code):
        return "roman"
    if re.search(r"[/+&]", code):
        # "D/E", "B+D": the group of a combination belongs to the family of the codes it joins
        families = {code_family(part) for part in re.split(r"[/+&]", code)}
        return families.pop() if len(families) == 1 else "abbreviation"
    if code.isdigit():
        return "number"
    if re.fullmatch(r"[A-Z]", code):
        return "letter"
    m = re.fullmatch(r"([A-Z]{1,2})\d{1,2}", code)
    return m.group(1) if m else "abbreviation"


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def same_group_codes(code: str) -> list[str]:
    """The other spellings of the group a numbered code names: "G1" (a "G" and its number abbreviate "Group 1"),
    "Group I" and "Group 1" are one group ("G2" -> ["2", "II"], "II" -> ["2", "G2"]); a letter ("A"), a time or
    other code with letters ("T1", "AB2") has none (a "T1" beside "Group I" is a time, not that group)."""
    m = re.fullmatch(r"G(\d{1,2})|(\d{1,2})|(I{1,3}|IV|VI?)", code or "")
    if m is None:
        return []
    number = int(m.group(1) or m.group(2) or _ROMAN[m.group(3)])
    roman = next((r for r, k in _ROMAN.items() if k == number), None)
    spellings = [str(number), f"G{number}"] + ([roman] if roman else [])
    return [c for c in spellings if c != code]


def bare_code(header: str, numbers: bool = False) -> str | None:
    """The code a header or a caption token is, alone ("A", "G1", "Group II", "B group"), else None; with `numbers`
    (a row label under a stub header that says the rows are the groups, "Group | ..."), a bare number too ("2")."""
    if numbers and re.fullmatch(r"\s*[1-9]\s*", header or ""):
        return header.strip()
    m = _CODE_RE.fullmatch(header or "")
    if m is None:
        return None
    if m.group("number"):
        return m.group("number")
    code = re.sub(r"\s+", "", m.group("code") or m.group("joined") or m.group("joined2"))
    return code if code_family(code) != "abbreviation" else None


# one item of a definition list: "A, drug X 10 mg", "G1: X group", "B = placebo", "Group II: Y"
_ITEM = re.compile(r"^\s*(?:(?i:group|arm|cohort)\s+)?(?P<code>" + CODE + r")\s*(?:[,:=]|\s[\u2013\u2014-])\s*(?P<name>.+?)\s*$")
# an item of a numbered list: "Group 1 = X", "2 = Y", "Groups: 1, X" (numbers are codes only when the list's first
# item says they number groups: "1 = never; 2 = sometimes" is a scale)
_NUMBER_ITEM = re.compile(r"^\s*(?P<word>(?i:(?:treatment\s+)?(?:groups?|arms?|cohorts?))\s*:?\s*)?(?P<code>[1-9])"
                          r"\s*(?:[,:=]|\s[\u2013\u2014-])\s*(?P<name>.+?)\s*$")
# what a name of an arm never holds: a statistic, a comparison, a significance mark, a severity
_NOT_A_NAME = re.compile(
    r"(?i)\bp\s*[<>=\u2264\u2265]|[<>\u2264\u2265]|\b(?:vs\.?|versus|compared|significant(?:ly)?|differences?|"
    r"statistic(?:s|al(?:ly)?)?|test|mean|median|SD|SE|IQR|CI|range|percent(?:age)?|number|data|values?|"
    r"missing|excluded|included|adjusted|analy[sz]ed|analysis|mild|moderate|severe|grade|stage|class|score|"
    r"absent|present|good|fair|poor|excellent|yes)\b"
    r"|^\s*[\d.,%\s]+$")
_MAX_WORDS = 10


# a time or a moment, not an arm: "T0, baseline; T1, 3 months after surgery", "A: before; B: after treatment"
_TIME_FIRST = re.compile(r"(?i)^(?:baseline|before|after|pre|post|prior|during|end|start|beginning|at|on|day|week|month|"
                         r"year|hour|visit|follow|time|period|phase|session|admission|discharge|screening|"
                         r"\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|min|minutes?|d|days?|wk|weeks?|mo|months?|y|years?))\b")


def _plausible(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= _MAX_WORDS and bool(re.search(r"[A-Za-z]{3}", name)) and not _NOT_A_NAME.search(name) \
        and not _TIME_FIRST.match(name) and not is_timepoint(name)


_NEXT_CODE = r",(?=\s*(?:(?i:group|arm)\s+)?(?:" + CODE + r"|[1-9])\s*[:=])"
# where a "CODE: name" item opens after other words of a footnote ("... observed pain R: X, M: Y")
_CODE_OPENS = re.compile(r"(?:(?<=\s)|^)(?:(?i:group|arm|cohort)\s+)?" + CODE + r"\s*[:=]\s*[A-Za-z]")


def _split_items(segment: str) -> list[tuple[int, str]]:
    """(offset, text) of the items of a segment: split at semicolons, each part at commas that open a new code
    ("R: X, M: Y; SD: standard deviation"); the first item of a part may follow other words of the footnote."""
    parts = [(m.start(), m.group()) for m in re.finditer(r"[^;]+", segment)]
    out = []
    for start, part in parts:
        # "A = X, B = Y", "A: X, B: Y": a comma followed by the next code and its mark
        cuts = [0] + [m.start() + 1 for m in re.finditer(_NEXT_CODE, part)]
        pieces = [(start + a, part[a:b]) for a, b in zip(cuts, cuts[1:] + [len(part)])]
        if len(pieces) >= 2:
            opens = [m.start() for m in _CODE_OPENS.finditer(pieces[0][1])]
            if opens and opens[-1] > 0:
                pieces[0] = (pieces[0][0] + opens[-1], pieces[0][1][opens[-1]:])
        out += pieces
    return out


def name_after_code(label: str) -> str:
    """The arm's name a label prints after its group's code ("Group 1, acupuncture", "Group B: placebo", "Arm II -
    X" -> the name), "" when the label opens with no group word and code (a bare "A, drug X" may be a category)."""
    m = _ITEM.match(label)
    if m is None or not re.match(r"\s*(?i:group|arm|cohort)\b", label):
        m = _NUMBER_ITEM.match(label)
        if m is None or not m.group("word"):
            return ""
    name = m.group("name").strip(" .,;")
    return name if _plausible(name) else ""


def definition_lists(text: str) -> list[list[CodeDefinition]]:
    """Every list of two or more code definitions in `text` (a line or a sentence each), in order."""
    out = []
    for seg in re.finditer(r"[^\n.]+(?:\.(?=\d)[^\n.]*)*", text):
        body = seg.group()
        if not re.search(r"[,:=;]", body):
            continue
        items = []
        numbered = False
        for offset, item in _split_items(body):
            m = _ITEM.match(item)
            if m is None:
                m = _NUMBER_ITEM.match(item)
                if m is None or not (numbered or m.group("word")):
                    continue        # another footnote's item ("SD, standard deviation") among the codes'
                numbered = True
            name = m.group("name").strip(" .,;")
            items.append(CodeDefinition(m.group("code"), name, seg.start() + offset + m.start("code"),
                                        seg.start() + offset + m.end("name")))
        by_family: dict[str, list[CodeDefinition]] = {}
        for d in items:
            by_family.setdefault(code_family(d.code), []).append(d)
        for family, found in by_family.items():
            codes = [d.code for d in found]
            if family == "abbreviation" or len(found) < 2 or len(set(codes)) != len(codes) \
                    or not all(_plausible(d.name) for d in found):
                continue
            out.append(found)
    return out


# "the X group (hereafter G1)", "X (hereinafter referred to as group A)", "X (henceforth called B)"
_HEREAFTER = re.compile(
    r"(?P<name>[A-Za-z][\w+/-]*(?:\s+(?!and\b|or\b|to\b|received\b|with\b)[\w+/%.-]+){0,5}?)\s*[(\[]\s*"
    # (the bracket may give the size first: "X (n = 32; hereafter G1)")
    r"(?:[^()\[\];]{0,30}[;,]\s*)?(?:(?i:hereafter|hereinafter|henceforth|thereafter)\s*,?\s*(?:(?i:called|referred\s+to\s+as|named|termed|designated(?:\s+as)?|"
    r"denoted(?:\s+as)?)\s+)?)(?:(?i:the)\s+)?(?:(?i:group|arm)\s+)?(?P<code>" + CODE + r")(?:\s+(?i:group|arm))?\s*[)\]]")
_LEAD_WORDS = re.compile(r"(?i)^(?:(?:the|an?|to|received|receiving|or|and|either|both|group|of|in)\s+)+")


def hereafter_definitions(text: str) -> list[CodeDefinition]:
    """The codes a text gives a name by "(hereafter CODE)" and its variants."""
    out = []
    for m in _HEREAFTER.finditer(text):
        name = _LEAD_WORDS.sub("", m.group("name")).strip()
        if code_family(m.group("code")) != "abbreviation" and _plausible(name):
            out.append(CodeDefinition(m.group("code"), name, m.start("name") + len(m.group("name")) - len(name), m.end()))
    return out


# the people of a caption named by what they received: "in patients receiving X", "of children treated with X",
# "participants randomized to X", "X-treated patients"
_PEOPLE = r"(?:patients|participants|subjects|children|adults|women|men|infants|neonates|volunteers|those|individuals)"
_RECEIVING = re.compile(
    r"(?i)\b" + _PEOPLE + r"\s+(?:who\s+(?:were\s+)?)?(?:receiving|received|treated\s+with|given|taking|on|"
    r"randomi[sz]ed\s+to|allocated\s+to|assigned\s+to|in\s+the)\s+(?:the\s+)?"
    r"(?P<name>[^;:()\[\]]{2,80}?)(?=\s*(?:$|[;:()\[\].]|\s(?:at|after|before|during|by|over|from|"
    r"with|who|in|group|arm)\b))")
_TREATED = re.compile(r"(?i)\b(?P<name>[\w+/-]{3,40})-treated\s+" + _PEOPLE + r"\b")


def caption_population(caption: str) -> list[str]:
    """The names a caption gives the people of its table by what they received ("Adverse events in patients
    receiving X" -> ["X"], "Outcomes of X-treated children" -> ["X"]); [] when it names none that way."""
    # ("patients receiving X or Y": both names, so that a caller sees two arms)
    found = [part.strip() for m in _RECEIVING.finditer(caption or "")
             for part in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|versus|vs\.?)\s+", m.group("name"))]
    found += [m.group("name") for m in _TREATED.finditer(caption or "")]
    return [name for name in found if name]


# "group 1 (trypan blue assisted X) and group 2 (no dye was used)", "Arm A (X) vs Arm B (Y)": codes defined by the
# bracket after each, two or more in one sentence or caption
_GROUP_BRACKET = re.compile(r"\b(?i:group|arm|cohort)[\s-]+(?P<code>" + CODE + r"|[1-6])\s*[(\[](?P<name>[^()\[\]]{3,80})[)\]]")
# what a bracket adds around the name: "no dye was used", "receiving X", "treated with X"
_CLAUSE_TAIL = re.compile(r"(?i)\s+(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:used|done|given|performed|administered|applied|"
                          r"received|treated|instilled|infused)\b.*$")
_GIVEN_LEAD = re.compile(r"(?i)^(?:(?:receiving|received|given|treated\s+with|who\s+received|on|with)\s+)+")
_SIZE_ONLY = re.compile(r"(?i)^\s*(?:n\s*[=:]\s*)?\d[\d,]*\s*(?:[a-z]+)?\s*$|^\s*n\s*[=:]")
# a size after the name in the same bracket: "group 1 (X, n = 45)", "arm B (Y; N=48)"
_TRAILING_SIZE = re.compile(r"(?i)\s*[,;]\s*n\s*[=:]\s*(?P<n>\d[\d,]*)\s*$")


def bracket_definitions(text: str) -> list[list[CodeDefinition]]:
    """Lists of codes each defined by the bracket after it ("group 1 (X) and group 2 (Y)"), one list per sentence or
    caption holding two or more codes of one family; a bracket that gives a size ("group A (n = 30)") defines none."""
    out = []
    for seg in re.finditer(r"[^\n.;]+(?:\.(?=\d)[^\n.;]*)*", text):
        found: dict[str, CodeDefinition] = {}
        for m in _GROUP_BRACKET.finditer(seg.group()):
            name = m.group("name").strip()
            size = _TRAILING_SIZE.search(name)
            name = name[:size.start()] if size else name
            name = _GIVEN_LEAD.sub("", _CLAUSE_TAIL.sub("", name)).strip(" ,;:")
            if _SIZE_ONLY.match(name) or not _plausible(name):
                continue
            found.setdefault(m.group("code"), CodeDefinition(m.group("code"), name, seg.start() + m.start(),
                                                             seg.start() + m.end(),
                                                             int(size.group("n").replace(",", "")) if size else None))
        families = {code_family(c) for c in found}
        if len(found) >= 2 and len(families) == 1 and "abbreviation" not in families:
            out.append(list(found.values()))
    return out


# a code of a group defined by what it received: a letter or two with digits, a Roman numeral, or codes joined by
# "/", "+" or "&" ("K/M", "B+D": a combination's group)
JOINED_CODE = r"(?:[A-Z]{1,2}\d{0,2}(?:\s?[/+&]\s?[A-Z]{1,2}\d{0,2}){0,2})"
# "group C received saline", "Group (K) was given X", "group K/M were treated with X and Y", "arm B: Y": the group's
# code, then the verb, then what it received up to the clause's end (a comma, a semicolon, the next group)
_RECEIVED = re.compile(
    r"\b(?i:group|arm)\s*(?P<open>\()?\s*(?P<code>" + JOINED_CODE + r"|I{1,3}|IV|VI?|[1-6])\s*(?(open)\))(?![\w/+&])"
    r"\s*(?:\((?:[^()]{0,40})\)\s*)?,?\s*"
    r"(?:received|(?:was|were)\s+(?:given|treated\s+with|administered|offered)|underwent|got|took)\s+"
    r"(?:(?:the|an?)\s+)?(?P<name>(?:[^.;,()\n]|(?<=\d)[.,](?=\d)){3,120}?)"
    r"(?=\s*(?:[;(\n]|[.,](?!\d)|$)|\s+(?:and|while|whereas)\s+(?:(?:the|in)\s+)?(?i:group|arm)\b|\s+(?:\d+(?:\.\d+)?\s*)?"
    r"(?:h|hours?|min(?:utes)?|days?)\s+(?:before|after|prior)\b)")
# a sentence of the text (the definitions of one list share it)
_SENTENCE = re.compile(r"[^.\n]+(?:\.(?=\d)[^.\n]*)*")


def received_definitions(text: str) -> list[list[CodeDefinition]]:
    """Every list, one per sentence, of two or more codes each defined by what its group received ("group C received
    saline, group K received X 0.5 mg/kg and group K/M received X and Y"); a code defined twice in one sentence, or a
    name that reads as a statistic, a time or a grade, leaves the sentence's list out."""
    out = []
    for seg in _SENTENCE.finditer(text or ""):
        found = [CodeDefinition(re.sub(r"\s+", "", m.group("code")), m.group("name").strip(),
                                seg.start() + m.start(), seg.start() + m.end("name"))
                 for m in _RECEIVED.finditer(seg.group())]
        codes = [d.code for d in found]
        if len(found) >= 2 and len(set(codes)) == len(codes) and all(_plausible(d.name) for d in found):
            out.append(found)
    return out


# a treatment abbreviated by one capital letter in brackets right after its name: "docetaxel (T)", "cisplatin (P)",
# "5-fluorouracil (F)" (the letters a regimen's code is built from: "TE", "TEL", "FEC")
_LETTER_DEFINED = re.compile(r"(?<![\w-])(?P<name>[a-z0-9][a-z0-9-]{4,30})\s*\(\s*(?P<letter>[A-Z])\s*\)")
# words that are no treatment though a letter may abbreviate them: a time, a grade, a measure
_NOT_A_TREATMENT_WORD = re.compile(r"(?i)(?:time|times|grade|stage|score|group|baseline|temperature|tesla|tumou?r|"
                                   r"total|test|treatment|therapy|week|month|year|day|hour|minute|visit|volume|weight|"
                                   r"height|length|mean|median|number|size|level|type|class|phase|period|point)s?")


def treatment_letters(text: str) -> dict[str, str]:
    """{letter: treatment} for the treatments a document abbreviates by one capital letter in brackets ("docetaxel
    (T) and epirubicin (E)"); a letter given two different names, and words that are no treatment ("time (T)",
    "grade (G)"), are left out."""
    found: dict[str, set[str]] = {}
    for m in _LETTER_DEFINED.finditer(text):
        name = m.group("name")
        if _NOT_A_TREATMENT_WORD.fullmatch(name) or not re.search(r"[a-z]{4}", name):
            continue
        found.setdefault(m.group("letter"), set()).add(name.lower())
    return {letter: names.pop() for letter, names in found.items() if len(names) == 1}


def regimen_parts(token: str, letters: dict[str, str]) -> list[str] | None:
    """The treatments a regimen's letter code joins ("TE" -> ["docetaxel", "epirubicin"] when the document wrote
    "docetaxel (T) and epirubicin (E)"): two to five capitals, each a treatment's letter, none repeated; else None."""
    token = (token or "").strip()
    if not re.fullmatch(r"[A-Z]{2,5}", token) or len(set(token)) != len(token) \
            or not all(letter in letters for letter in token):
        return None
    return [letters[letter] for letter in token]


# "IG, intervention group; PG, placebo group" in a table's footnote, "CG: control group", "EG = exercise arm": an
# abbreviation of two to four capitals defined as a group's or an arm's name (a definition list of codes,
# `definition_lists`, leaves abbreviations out: most name measures, "SD, standard deviation")
# (no word of a sentence joining clauses or counting people: "IMOD, while the intervention group", "TPMM, and 19
# individuals in group")
_NOT_IN_A_GROUP_NAME = r"(?!(?i:and|or|but|while|whereas|in|of|with|compared|than|between|patients|individuals|\d+)\b)"
_GROUP_ABBREVIATION = re.compile(
    r"(?<![\w-])(?P<code>[A-Z]{2,4})\s*[,:=]\s*(?P<name>(?i:the\s+)?" + _NOT_IN_A_GROUP_NAME + r"[A-Za-z][\w-]*(?:\s+"
    + _NOT_IN_A_GROUP_NAME + r"[\w-]+){0,3}?\s+(?i:group|arm))\b")


def group_abbreviations(text: str) -> list[CodeDefinition]:
    """The abbreviations a text defines as a group's name ("IG, intervention group"), each with the name's words
    without the group word ("intervention")."""
    out = []
    for m in _GROUP_ABBREVIATION.finditer(text):
        name = re.sub(r"(?i)^the\s+|\s+(?:group|arm)$", "", m.group("name")).strip()
        if name and not _TIME_FIRST.match(name):
            out.append(CodeDefinition(m.group("code"), name, m.start(), m.end()))
    return out
