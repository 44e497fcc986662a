"""Which of a table's columns or rows are the study's arms when the header does not print an arm's name as the
study model knows it: a short name the document gave the arm ("DEX", "Mid", "Group KET" for dexmedetomidine,
midazolam, ketamine), and a treatment the document gives (received, given, randomised to) printed beside the arms'
columns as another column or row ("Placebo | Drug Y" in a crossover whose methods name Drug Y in passing)."""
from __future__ import annotations

import bisect
import re
from typing import Callable

from .study import Arm, Study, control_canonical, is_arm_header, split_size

# the words around a short name: "Group DEX", "DEX group", "DEX arm", "DEX (n = 30)"
_GROUP_WORD = re.compile(r"(?i)\b(?:group|arm|cohort)s?\b")
_SHORT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9+-]{1,9}")
# an abbreviation written in brackets or before "group" right after the words it stands for:
# "dexmedetomidine (DEX group, n = 30)", "midazolam [MID]", "ketamine (group KET)", "ropivacaine (Ropi; n = 20)"
_DEFINED_AFTER = r"(?P<words>[A-Za-z][\w-]*(?:\s+[\w-]+){{0,4}}?)\s*[(\[]\s*(?:(?i:group|arm)\s+)?{abbr}\b"
# the verbs and nouns that say a treatment was given
# (a crossover's conditions are taken in turn: "ingesting beetroot juice or placebo", "two sessions, caffeine and ...")
_GIVEN = re.compile(r"(?i)\b(?:receiv\w*|given|administ\w*|treat\w*|randomi[sz]\w*|assign\w*|allocat\w*|took|taking|"
                    r"period|phase|arm|group|versus|vs\.?|compared|ingest\w*|consum\w*|supplement\w*|drank|drink\w*|"
                    r"conditions?|sessions?|cross-?over)\b")
# a crossover's sequence of treatments ("Placebo then drug X", "Drug X → placebo"): the sequence reader's, no arm
_SEQUENCE = re.compile(r"(?i)\bthen\b|\bfollowed\s+by\b|\u2192|->")
# words naming any arm, no treatment of its own ("Treatment arm", "Study group")
_GENERIC_WORD = re.compile(r"(?i)treatments?|interventions?|study|active|experimental|therapy|regimens?|drugs?|the")
# labels of columns or rows that split patients by a characteristic or an outcome, never arms
_NOT_TREATMENT = re.compile(
    r"(?i)\s*(?:(?:non[- ]?)?(?:responders?|survivors?|smokers?|diabetics?)|yes|no|present|absent|male|female|men|women|"
    r"boys|girls|positive|negative|normal|abnormal|cases?|controls?\s+subjects|improved|worsened|unchanged|"
    r"(?:left|right)(?:\s+side)?|before|after|pre|post|baseline|follow[- ]up|change|total|overall|all|mean|median|"
    r"range|sd|se|iqr|n|%|p|value|statistics?|variables?|parameters?|characteristics?|outcomes?|events?)\s*")


def _short_name(header: str) -> str:
    """The one token left of a header once its size, statistic and "group" word are taken out ("DEX group (n = 30)"
    -> "DEX"), or ""."""
    name = split_size(header)[0]
    name = re.sub(r"[(\[][^)\]]*[)\]]", " ", name)
    name = _GROUP_WORD.sub(" ", name)
    name = re.sub(r"(?:[,:;]\s*|\s+)(?:mean|median|n)\b.*$", " ", name, flags=re.I).strip(" -,:;")
    # ("Ca + D3": a combination's short name written with spaces around its joint is one token)
    name = re.sub(r"\s*([+/&])\s*", r"\1", name)
    # ("D 3": a subscript set apart from its letter when the markup was flattened)
    name = re.sub(r"(?<=[A-Za-z])\s+(?=\d{1,2}(?:$|[+/&-]))", "", name)
    return name if _SHORT_NAME.fullmatch(name) else ""


def _spelled(token: str) -> str:
    """A pattern for the short name as the text may write it: spaces or none around a joint ("Ca+D3", "Ca + D3")."""
    return r"\s*".join(re.sub(r"(?<=[A-Za-z])(?=\d)", r"\\s?", re.escape(part))
                       for part in re.split(r"([+/&])", token) if part)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][A-Za-z]*", name)).lower()


def abbreviated_arm(header: str, study: Study | None, text: str) -> Arm | None:
    """The study's arm a column or row header names by a short name the document gave it: the words the document
    writes the short name after ("dexmedetomidine (DEX group") when they name one arm, else the one arm whose name
    begins with the short name ("Dex", "MID") or whose words' initials it is ("NS" of "normal saline"). The short
    name must be written in the document (besides the table) in brackets or beside "group"/"arm", so a header word
    that happens to begin an arm's name ("Pre", "Post") is not read as an arm."""
    if study is None or not study.arms or not header:
        return None
    token = _short_name(header)
    escaped = _spelled(token)
    if not token or len(token) < 2 or not (token in text or re.search(escaped, text)) or not is_arm_header(header) \
            or _NOT_TREATMENT.fullmatch(token):
        return None     # (the substring test first: the text's patterns below are searched only for a name it holds)
    # each mention of the short name, and whether it is written as a name there: in brackets or beside "group"/"arm"
    used, windows = False, []
    for m in re.finditer(rf"(?<![\w-]){escaped}(?![\w-])", text):
        before, after = text[max(0, m.start() - 12):m.start()], text[m.end():m.end() + 30]
        bracketed = re.search(r"[(\[]\s*(?:(?i:group|arm)\s+)?$", before) is not None
        # ("the SAP and ESP groups": the first of two names the plural "groups" follows)
        if bracketed or re.match(r"(?:\s+(?:and|or)\s+[A-Za-z][\w+-]{1,9})?\s+(?i:groups?|arms?)\b", after) \
                or re.search(r"(?i:group|arm)\s+$", before):
            used = True
        if bracketed:
            windows.append(text[max(0, m.start() - 90):m.end() + 1])
    if not used:
        return None
    for window in windows:
        for m in re.finditer(_DEFINED_AFTER.format(abbr=escaped), window):
            words = m.group("words")
            for start in range(len(words.split())):
                arm = study.resolve(" ".join(words.split()[start:]))
                if arm is not None:
                    return arm
            # "Berberis vulgaris (BV) juice" for the arm "berberis vulgaris juice": the one arm one of whose names
            # begins with the words the short name stands for
            for start in range(len(words.split()) - 1):
                begun = _arms_begun_by(" ".join(words.split()[start:]), study)
                if len(begun) == 1:
                    return begun[0]
    low = token.lower()
    if len(low) >= 3:
        begun = [a for a in study.arms if any(w.startswith(low) for w in re.findall(r"[a-z][a-z-]+", f"{a.name} {a.canonical}".lower()))]
        if len(begun) == 1:
            return begun[0]
    initialled = [a for a in study.arms if _initials(a.canonical) == low or _initials(a.name) == low]
    if not initialled and len(low) >= 3:
        # "TAP" of "transversus abdominis plane block": the initials of every word of the name but its last, the kind of
        # thing it is ("block", "training", "group"), when one arm only has them
        initialled = [a for a in study.arms if any(len(_initials(x)) == len(low) + 1 and _initials(x).startswith(low)
                                                   for x in (a.canonical, a.name))]
    return initialled[0] if len(initialled) == 1 else None


def _arms_begun_by(words: str, study: Study) -> list[Arm]:
    """The arms one of whose names (name, canonical, aliases) begins with `words`, two words at least, as whole words."""
    said = " ".join(re.findall(r"[a-z0-9]+", words.lower()))
    if len(said.split()) < 2:
        return []
    return [a for a in study.arms if any(re.match(re.escape(said) + r"\b", " ".join(re.findall(r"[a-z0-9]+", x.lower())))
                                         for x in (a.name, a.canonical, *a.aliases))]


def given_treatment(header: str, text: str, table_span: tuple[int, int]) -> bool:
    """A header naming a treatment the document says is given, outside the table: its first distinctive word
    within a few words of "received", "given", "randomised", "group", "period" ... A header splitting patients by a
    characteristic or an outcome ("Male", "Responders", "Yes"), a time or a statistic is none."""
    name = split_size(header)[0].strip(" ,;:")
    if not name or not is_arm_header(header) or _NOT_TREATMENT.fullmatch(name) or _SEQUENCE.search(name) or \
            re.search(r"\d", name) and \
            not re.search(r"(?i)\d\s*(?:mg|g|µg|μg|mcg|ml|iu)\b", name):
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", name) if not _GROUP_WORD.fullmatch(w)
             and not _GENERIC_WORD.fullmatch(w)]
    if not 1 <= len(words) <= 4 or any(_NOT_TREATMENT.fullmatch(w) for w in words):
        return False
    start, end = table_span
    outside = text[:start] + " " + text[end:]
    # ("Twice-weekly" over the column of the group the text calls "twice weekly": a hyphen or a space)
    for m in re.finditer(r"\b" + re.escape(words[0]).replace(r"\-", r"[-\s]") + r"\b", outside, re.I):
        near = outside[max(0, m.start() - 60): m.end() + 60]
        if _GIVEN.search(near):
            return True
    return False


def sibling_arm_columns(headers: dict[int, str], arm_columns: dict[int, Arm], taken: set[int], study: Study | None,
                        text: str, table_span: tuple[int, int], figures: dict[int, int], local: dict[str, Arm]) -> dict[int, Arm]:
    """Columns beside the table's arm columns whose header names a treatment the document gives and the study model
    did not name ("Placebo | Drug Y": Drug Y's column): each the arm of that name (the study's, by a short name the
    document gave it, else the table's own). Only when one arm column at least is known, and the column prints
    figures in as many rows as the arm columns do (`figures`: rows holding a digit, per column)."""
    seeded = not arm_columns
    if seeded:
        # a crossover's table of conditions the study model (one group of participants) names none of: its placebo,
        # sham or control column ("PL" the text defines as "placebo (PL)") is the known arm the others stand beside
        arm_columns = _control_columns(headers, taken, text) if _CROSSOVER.search(text) else {}
        local.update({a.canonical: a for a in arm_columns.values() if a.canonical not in local})
    if not arm_columns:
        return {}
    least = min(figures.get(c, 0) for c in arm_columns)
    found: dict[int, Arm] = dict(arm_columns) if seeded else {}
    for col, header in headers.items():
        if col == 0 or col in taken or col in arm_columns or figures.get(col, 0) < max(1, least // 2 + 1):
            continue
        arm = abbreviated_arm(header, study, text)
        # ("BR" the text defines as "ingesting beetroot juice (BR)": the treatment it stands for; a bracket that
        # only repeats the header, "8 weeks of exercise training (Training group, n = 18)", defines nothing new)
        named = next((x for x in (defined_name(_short_name(header), text), header)
                      if x and given_treatment(x, text, table_span)), "")
        if arm is None and named:
            name = split_size(named)[0].strip(" ,;:")
            key = re.sub(r"\s+", " ", name).lower()
            arm = local.setdefault(key, Arm(arm_id="", name=name, canonical=key, n=split_size(header)[1], role="",
                                            start=0, end=0, source="table", aliases={key, _short_name(header).lower()} - {""}))
        if arm is not None and all(arm is not a for a in arm_columns.values()):
            found[col] = arm
    if seeded and len({id(a) for a in found.values()}) < 2:
        return {}
    return found


# a document of a crossover design: every participant takes every condition, in turn
_CROSSOVER = re.compile(r"(?i)\bcross-?\s?over\b|\brandom(?:ized|ised)?\s+order\b|\bcounterbalanced\b")
# a control condition named anywhere in a short name: "nitrate-depleted placebo", "sham session", "control trial"
_CONTROL_WORD = re.compile(r"(?i)\b(?:placebo|sham|control)\b")
# words before a defined short name that are no part of the name: "ingesting beetroot juice (BR)", "the placebo (PL)"
_LEADING_NOT_NAME = re.compile(r"(?i)^(?:(?:\w+ing|\w+ed|a|an|the|of|or|and|with|to|either|both)\s+)+")


def defined_name(token: str, text: str) -> str:
    """The words a document writes a short name after, in brackets ("beetroot juice (BR)", "a nitrate-depleted
    placebo [PL]"), a verb or article before them dropped; "" when the text defines no such short name."""
    if not token or len(token) < 2 or f"({token}" not in text and f"[{token}" not in text:
        return ""
    for m in re.finditer(_DEFINED_AFTER.format(abbr=re.escape(token)), text):
        words = _LEADING_NOT_NAME.sub("", m.group("words")).strip()
        if words and re.search(r"[A-Za-z]{3}", words):
            return words
    return ""


def _control_columns(headers: dict[int, str], taken: set[int], text: str) -> dict[int, Arm]:
    """{column: the control arm} of the columns whose header names a control condition alone ("Placebo", "Sham") or
    by a short name the text defines as one ("PL" of "nitrate-depleted placebo (PL)"), one arm for them all."""
    found: dict[int, Arm] = {}
    arm = None
    for col, header in headers.items():
        if col == 0 or col in taken:
            continue
        name = split_size(header)[0].strip(" ,;:")
        defined = defined_name(_short_name(header), text)
        if _CONTROL_ONLY.fullmatch(name) or defined and _CONTROL_WORD.search(defined) and len(defined.split()) <= 4:
            shown = defined or name
            key = re.sub(r"\s+", " ", shown).lower()
            arm = arm or Arm(arm_id="", name=shown, canonical=control_canonical(shown) or key, n=split_size(header)[1],
                             role="control", start=0, end=0, source="table", aliases={key, name.lower()})
            found[col] = arm
    return found


_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
_COUNT = (r"(?<![\w-])(?P<n>\d{1,5}|(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(list(_NUMBER_WORDS)[1:10]) +
          r"))?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b")


def _count_value(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    parts = re.split(r"[-\s]", word)
    return _TENS[parts[0]] + (_NUMBER_WORDS[parts[1]] if len(parts) > 1 else 0) if parts[0] in _TENS else _NUMBER_WORDS[word]


_PEOPLE = r"(?:patients|participants|subjects|persons|people|women|men|children|infants|volunteers|cases|eyes)"


def group_size(code: str, text: str) -> int | None:
    """The size the text gives a group it names by a code ("group B"): "group B (n = 20)", "group B, n = 20", "group B
    (20 patients)", "group B included 20 patients", "20 patients in group B", "group B consisted of twenty children";
    None when the text gives none or two different sizes in the surest shape it uses."""
    if not code or not text:
        return None
    g = rf"(?i:groups?|arms?)\s*[-–]?\s*{re.escape(code)}\b"
    # the shapes are looked for only around the code's mentions ("group B"), not over the whole text
    text = "\n\n".join(text[max(0, m.start() - 80): m.end() + 80] for m in re.finditer(g, text))
    if not text:
        return None
    count = _COUNT
    patterns = (rf"{g}\s*[(\[,:]?\s*[nN]\s*[=:]\s*{count}",
                rf"{g}\s*[(\[]\s*{count}\s+{_PEOPLE}",
                rf"{g}\s*(?:\([^)]{{0,40}}\)\s*)?,?\s*(?i:included|comprised|consisted\s+of|had|enrolled|contained)\s+{count}\s+{_PEOPLE}",
                rf"(?i:{count})\s+{_PEOPLE}\s+(?:were\s+)?(?:(?:allocated|assigned|randomi[sz]ed|included|enrolled)\s+)?"
                rf"(?:in|to|into)\s+(?:the\s+)?{g}")
    for pattern in patterns:
        # the shapes in order of how surely the count is the group's own ("Sixty patients were randomized into group
        # 1 (n = 29) and group 2": the bracket's count, not the whole trial's)
        sizes = {_count_value(m.group("n")) for m in re.finditer(pattern, text)}
        if sizes:
            return sizes.pop() if len(sizes) == 1 else None
    return None


# a label naming a control condition and nothing else ("Placebo", "Sham session"; not "Placebo then drug X")
_CONTROL_ONLY = re.compile(r"(?i)\s*(?:the\s+)?(?:placebo|sham|controls?|usual\s+care|standard\s+care|saline|vehicle|"
                           r"no\s+treatment)(?:\s+(?:group|arm|condition|session|period|phase))?\s*")


def sibling_arm_rows(labels: dict[int, str], arm_rows: dict[int, Arm], study: Study | None, text: str,
                     table_span: tuple[int, int], figures: dict[int, int], local: dict[str, Arm]) -> dict[int, Arm]:
    """Rows of a table whose rows are the arms, beside the arm rows known, whose label names a treatment the document
    gives and the study model did not name ("Velmorant | 29 | 5 (17.2)" between the rows of zolpitrine and
    placebo; "Placebo" and "Drug Y" rows of a crossover): each the arm of that name. The rows print figures in as many
    cells as the known arm rows do; a placebo, sham or control row stands for a known arm when none is known."""
    known = dict(arm_rows)
    if not known:
        for r, label in labels.items():
            name = split_size(label)[0].strip(" ,;:")
            if figures.get(r) and _CONTROL_ONLY.fullmatch(name):
                key = re.sub(r"\s+", " ", name).lower()
                known[r] = local.setdefault(key, Arm(arm_id="", name=name, canonical=control_canonical(name), n=split_size(label)[1],
                                                     role="control", start=0, end=0, source="table", aliases={key}))
    if not known:
        return {}
    least = min(figures.get(r, 0) for r in known)
    found = {r: a for r, a in known.items() if r not in arm_rows}
    # "| Hematocrit (%) | | |" over "Placebo | Drug X | Drug Y" rows, then "| Hemoglobin | | |" over the same rows: a
    # row of a label and no figure starts a block, and each block names every arm once
    headings = sorted(r for r in labels if not figures.get(r, 0))
    block = {r: bisect.bisect(headings, r) for r in labels}
    for r, label in labels.items():
        if r in known or figures.get(r, 0) < max(1, least):
            continue
        arm = abbreviated_arm(label, study, text)
        if arm is None and given_treatment(label, text, table_span):
            name = split_size(label)[0].strip(" ,;:")
            key = re.sub(r"\s+", " ", name).lower()
            arm = local.setdefault(key, Arm(arm_id="", name=name, canonical=key, n=split_size(label)[1], role="",
                                            start=0, end=0, source="table", aliases={key}))
        if arm is not None and all(arm is not a for k, a in {**known, **found}.items() if block.get(k) == block[r]):
            found[r] = arm
    if len({id(a) for a in {**arm_rows, **found}.values()}) < 2:
        return {}
    return found


def continued_arm_rows(labels: dict[int, str], seconds: dict[int, str], figures: dict[int, int],
                       arm_rows: dict[int, Arm], is_time: Callable[[str], bool] = lambda text: False) -> dict[int, Arm]:
    """Rows with an empty label under an arm's row, the second column naming a time or category and the others
    holding figures ("| Drug X | 6 h | 3.1 ± 1.0 |" then "| | 24 h | 2.5 ± 0.9 |": the arm's label printed once for its
    block): each the arm of the labelled row above. `labels`: every body row's first cell (empty ones too);
    `seconds`: its second cell; `figures`: how many of its cells hold a digit; `is_time(second)`: a bare number the
    second column's header makes a time ("7" under "Day")."""
    found: dict[int, Arm] = {}
    current: Arm | None = None
    for r in sorted(labels):
        if labels[r]:
            current = arm_rows.get(r)
            continue
        second = seconds.get(r, "")
        if current is not None and second and (not re.fullmatch(r"[\d.,\s±()%/<>=-]+", second) or is_time(second)) \
                and figures.get(r, 0) >= 1:
            found[r] = current
        else:
            current = None
    return found


# a row label saying only that the row is a change, printed under an arm's row: "(Δ)", "Δ", "Change", "Mean change
# from baseline", "Delta"
_CHANGE_ONLY = re.compile(r"\s*[(\[]?\s*(?:[\u0394\u2206]|delta|(?:mean\s+)?change(?:\s+from\s+baseline)?)\s*[)\]]?\s*:?\s*", re.I)


def change_rows_under_arms(labels: dict[int, str], figures: dict[int, int], arm_rows: dict[int, Arm]) -> dict[int, Arm]:
    """Rows right under an arm's row whose label says only "change" ("| RMD | 53.4 ± 30.1 | 69.9 ± 27.4 |" then "| (Δ) |
    | (16.6 ± 32.9) |"): each the change of the arm above, at the columns' times. `labels`: every body row's first
    cell (empty ones too); `figures`: how many of its cells hold a digit. Only where two arms or more each have such
    a row: a single one under the last of the arm rows ("| Placebo | ..." then "| Δ | | -0.4 (-0.8 to -0.1) |") is
    the difference between the arms above it, which the difference rows read."""
    ordered = sorted(labels)
    found = {r: arm_rows[above] for above, r in zip(ordered, ordered[1:])
             if above in arm_rows and _CHANGE_ONLY.fullmatch(labels[r] or "") and figures.get(r, 0) >= 1}
    return found if len({id(arm) for arm in found.values()}) >= 2 else {}


# a header naming the arm by its role only: the study's one control arm, the study's one other arm
_ROLE_CONTROL = re.compile(r"(?i)\s*(?:the\s+)?(?:controls?|comparators?|comparison|untreated|non-?treated|reference|"
                           r"no[- ](?:treatment|intervention)|standard|conventional)(?:\s+(?:group|arm|condition))?\s*")
_ROLE_TREATED = re.compile(r"(?i)\s*(?:the\s+)?(?:(?:treatment|treated|experimental|experiment|intervention|study|test|"
                           r"active|verum)(?:\s+(?:group|arm|condition))?|cases?\s+group)\s*")


def role_arm(header: str, study: Study | None) -> Arm | None:
    """The arm a header names by its role ("Treated | Untreated", "Intervention arm | Comparator arm", "Case group |
    Control group" as trials of one treatment print them): the study's one control arm for a control word, its one
    other arm for a treatment word; None when the study has more than one arm of that role, or none."""
    if study is None or not study.arms or not header:
        return None
    name = re.sub(r"(?:[,;:]\s*|\s+)(?:mean|median|n)\b.*$", "", split_size(header)[0], flags=re.I)
    controls = [a for a in study.arms if a.role == "control"]
    others = [a for a in study.arms if a.role != "control"]
    if _ROLE_CONTROL.fullmatch(name):
        return controls[0] if len(controls) == 1 and len(others) >= 1 else None
    if _ROLE_TREATED.fullmatch(name):
        return others[0] if len(others) == 1 and len(controls) == 1 else None
    return None


_ONE_ARM = re.compile(r"(?i)\b(?:single|one)[- ](?:arm|group)\b|\buncontrolled\b|\bnon[- ]?randomi[sz]ed\b|"
                      r"\bbefore[- ]and[- ]after\b|\bpre[- ]?(?:and[- ])?post[- ]?(?:test|intervention|treatment)\b|"
                      r"\bopen[- ]label,?\s+(?:single|phase\s+(?:1|2|I|II)\b)")
_RANDOMIZED_ARMS = re.compile(r"(?i)\brandom(?:ly|i[sz]ed|i[sz]ation)\b[^.]{0,60}\b(?:to|into|between)\b|\bcrossover\b|"
                              r"\bcross-over\b|\bplacebo\b")


def one_arm_design(text: str) -> bool:
    """The document reports one arm only: it says so (single-arm, uncontrolled, non-randomised, before-and-after,
    pre-post) and randomises no one between arms, names no placebo and no crossover."""
    head = text[:20000]
    return bool(_ONE_ARM.search(head)) and not _RANDOMIZED_ARMS.search(head)


# "Gender (male/female)", "Sex, M/F", "Men/women": a column or row of two counts that together are the whole group
_SEX_PAIR_LABEL = re.compile(r"\b(?:m|f|males?|females?|men|women|boys|girls)\s*[/:]\s*(?:m|f|males?|females?|men|women|boys|girls)\b",
                             re.I)
_COUNT_PAIR = re.compile(r"\s*[(\[]?\s*(\d{1,5})\s*[/:]\s*(\d{1,5})\s*[)\]]?\s*")


def size_from_sex_pair(label: str, cell: str) -> int | None:
    """The size of a group whose sexes a cell counts as a pair ("7/4", "(20/10)", "18:12" under or beside "Gender
    (male/female)", "Sex M/F", "Boys/girls"): the two counts' sum; None for any other label or cell."""
    if not _SEX_PAIR_LABEL.search(label):
        return None
    m = _COUNT_PAIR.fullmatch(cell)
    return int(m.group(1)) + int(m.group(2)) if m is not None else None


_ONE_SEX = re.compile(r"(?i)\s*(?:(?P<m>males?|men|boys|m)|(?P<f>females?|women|girls|f))\s*(?:,?\s*(?:n|no\.?|number))?\s*")


def size_from_sex_rows(labels_and_cells: list[tuple[str, str]]) -> int | None:
    """The size of a group whose column counts each sex in a row of its own ("Male | 20", "Female | 10", a count
    alone or with its share "20 (66.7)"): the two counts' sum, when exactly one row of each sex holds a count."""
    counts: dict[str, list[int]] = {"m": [], "f": []}
    for label, cell in labels_and_cells:
        sex = _ONE_SEX.fullmatch(label)
        count = re.fullmatch(r"\s*(\d{1,5})\s*(?:[(\[]\s*\d+(?:[.,]\d+)?\s*%?\s*[)\]])?\s*", cell)
        if sex is not None and count is not None:
            counts["m" if sex.group("m") else "f"].append(int(count.group(1)))
    if len(counts["m"]) == 1 and len(counts["f"]) == 1:
        return counts["m"][0] + counts["f"][0]
    return None


# a code a table's footnote defines: "I: Control; II: Rhubarb", "A = placebo, B = drug X", "G1 - Ketamine"
_FOOTNOTE_CODE = re.compile(r"(?:^|(?<=[;,.\n]))\s*(?P<code>[A-Z]{1,3}|[IVX]{1,4}|[A-Z]?\d{1,2})\s*[:=\u2013-]\s*"
                            r"(?P<words>[A-Za-z][^:;,.=\n]{1,60}?)\s*(?=[;,.\n]|$)")


def footnote_coded_rows(labels: dict[int, str], footnotes: str, study: Study | None) -> dict[int, Arm]:
    """{row: arm} when a column labels rows with codes ("I", "II", "A", "G1") that the table's footnote defines as
    the study's arms ("I: Control; II: Rhubarb"): each code at least twice (one row per outcome and arm), at least two
    codes, each resolved to a different arm. A code the footnote does not define, or defines as something no arm
    names, gives {}."""
    if study is None or not footnotes:
        return {}
    defined: dict[str, Arm] = {}
    for m in _FOOTNOTE_CODE.finditer(footnotes):
        arm = study.resolve_column(m.group("words").strip())
        if arm is not None:
            defined.setdefault(m.group("code"), arm)
    codes = {r: label.strip() for r, label in labels.items() if label.strip()}
    if not codes or any(code not in defined for code in codes.values()):
        return {}
    used = set(codes.values())
    if len(used) < 2 or len({id(defined[c]) for c in used}) < len(used) or \
            any(list(codes.values()).count(c) < 2 for c in used):
        return {}
    return {r: defined[code] for r, code in codes.items()}


# an arm's mean with its spread after a plus-minus sign: "80 ± 7", "4.1 +/- 1.2", "12.5±3"
_MEAN_AND_SPREAD = re.compile(r"\s*[-\u2212]?\d+(?:[.,]\d+)?\s*(?:\u00b1|\+\s*/?\s*-)\s*\d+(?:[.,]\d+)?\s*\S{0,3}\s*")


def mean_and_spread(cell: str) -> bool:
    """Whether a cell prints an arm's mean with its spread after a plus-minus sign ("80 ± 7"): a shape no comparison
    of two arms is printed in, so its column is an outcome of the arm even under an effect's abbreviation ("HR
    (beats/min)", a heart rate)."""
    return bool(_MEAN_AND_SPREAD.fullmatch(cell or ""))


def repeated_arm_columns(headers: dict[int, str], times: dict[int, str], taken: set[int], text: str,
                         local: dict[str, Arm]) -> dict[int, Arm]:
    """{column: arm} of a table whose columns name the same groups again under each of its times ("Pre | Pre | Post |
    Post" over "DF | PF | DF | PF"), the groups short names the document defines in brackets ("dorsiflexion (DF)") or
    writes beside "group", which the study model resolves to none of its arms: each name the table's own arm. Two
    times at least, each over the same two names or more in the same order; {} otherwise (one time, a name the text
    does not define, names differing between the times). `headers`: each column's own name (its lowest name level);
    `times`: each column's time."""
    by_time: dict[str, list[tuple[int, str]]] = {}
    for col in sorted(headers):
        if col == 0 or col in taken or not times.get(col):
            continue
        by_time.setdefault(times[col], []).append((col, split_size(headers[col])[0].strip(" ,;:")))
    sequences = {tuple(name for _, name in cols) for cols in by_time.values()}
    if len(by_time) < 2 or len(sequences) != 1:
        return {}
    names = next(iter(sequences))
    if len(set(names)) < 2 or len(set(names)) != len(names):
        return {}
    for name in names:
        token = _short_name(name)
        if token != name or not (defined_name(token, text) or
                                 re.search(rf"\b{re.escape(token)}\s+(?i:group|arm)\b|(?i:group|arm)\s+{re.escape(token)}\b", text)):
            return {}
    found: dict[int, Arm] = {}
    for cols in by_time.values():
        for col, name in cols:
            key = name.lower()
            found[col] = local.setdefault(key, Arm(arm_id="", name=name, canonical=key, n=None, role="", start=0, end=0,
                                                   source="table", aliases={key, defined_name(name, text).lower()} - {""}))
    return found
