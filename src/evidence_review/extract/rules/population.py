"""Rules for figures that describe the whole study population at baseline ("1578 patients (491 female, age 66.2
years)", "73 (13.6%) were less than five years of age", "68 percent were women", "the mean age of the
participants was 51 years"). They become PROPORTION and MEAN rows of the arm "all patients" with the role hint
"baseline" (the labelling rule of the held-out batches: whole-population baseline figures carry "all patients").

A sentence qualifies only when it names no arm (no treatment, no "group"/"arm") and the words after the number
say who the patients are (a trait: "were women", "had type 2 diabetes", "were recruited in", "male"), never an
outcome ("had a relapse", "died"). The denominator is the population the document states
(grammar.population_size, else the sum of its arms' sizes) or the one the sentence itself prints ("1578 patients
(491 female ...)"). Order, names and examples: registry.py.
"""
from __future__ import annotations

import re

from ..grammar import COUNT_WORD, HUNDREDS_WORD, UNSIGNED, PCT, count_value, word_to_int
from ..lexicon import has_outcome
from ...regexfilter import RememberedSearch, prefiltered
from ..model import Estimate
from ..sentence import Sentence
from ..startguard import start_guarded

EVERYONE = "all patients"
_NAMES_AN_ARM = start_guarded(re.compile(r"\b(?:the|both|two|three|four|each|either|treatment|study|trial)\s+(?:[\w-]+\s+)?(?:groups?|arms?)\b|\b(?:placebo|control|versus|vs\.?|compared|respectively)\b", re.I))
# what a count of the population may be followed by: a trait ("were women", "had type 2 diabetes", "male")
_TRAIT = re.compile(
    r"\s*(?:\)\s*)?(?:of\s+(?:the\s+|all\s+)?(?:study\s+|trial\s+|enrolled\s+|included\s+)?(?:patients|participants|subjects|children|adults)\s+)?"
    r"(?:(?:patients|participants|subjects|children|adults)\s+)?"
    r"(?:were|was|had|have|are|is|(?:fe)?males?|wom[ae]n|m[ae]n|boys|girls|white|black|asian|hispanic|smokers?|"
    r"current|former|aged?)\b", re.I)
# ... but not an outcome or the patients' flow through the trial
_NOT_A_TRAIT = re.compile(
    r"\b(?:died|developed|experienced|relapsed|achieved|reached|responded|required|needed|met|hospitali[sz]ed|"
    r"discontinued|withdr[ae]w\w*|completed|lost|excluded|randomi[sz]ed|assigned|allocated|switched|cured|"
    r"improved|recovered|deteriorated|adverse|events?|infections?|deaths?|failures?|recurr\w*)\b", re.I)
# ("At study entry, the mean FEV1 was 1.13 L", "In the year before entry into the trial, 96% of the patients had ...")
_ENTRY = r"(?:study\s+|trial\s+)?(?:entry|enrol?ment|inclusion|randomi[sz]ation|screening)"
_HISTORY = re.compile(r"\bin\s+the\s+(?:\w+\s+){0,2}(?:years?|months?|weeks?)\s+(?:before|prior\s+to)\s+(?:entry|enrol?ment|inclusion|"
                      r"randomi[sz]ation|screening|the\s+(?:trial|study))\b|\b(?:before|prior\s+to)\s+" + _ENTRY + r"\b", re.I)
_BASELINE_WORDS = re.compile(r"\bbaseline\b|\bat\s+" + _ENTRY + r"\b|\bcharacteristics\b|" + _HISTORY.pattern +
                             r"|\b(?:were|was)\s+(?:included|enrolled|recruited)\b", re.I)
# "1578 patients (491 female, age 66.2 years)", "2,322 patients with type 2 diabetes (40-75 years, 69% males)"
_POPULATION_HERE = prefiltered(start_guarded(re.compile(r"(?<![\w.,])(?:(?<!of\s)|(?<=total\sof\s))(?P<n>[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d+|" + HUNDREDS_WORD + r"|"
                              + COUNT_WORD + r")\s+"
                              # "600 young adults", "Eight hundred and six untreated patients", "Thirty-two male players"
                              r"(?:(?!(?:in|of|with|and|or|for|from|to|at|on|per|by|were|was|had|mg|g|kg|ml|IU|weeks?|months?|days?|years?|"
                              r"hours?|doses?|cycles?)\b)[A-Za-z][a-z-]+\s+){0,4}"
                              r"(?:patients|participants|persons|people|adults|children|subjects|individuals|athletes|volunteers|players|students|"
                              r"workers|employees|residents|infants|neonates)\b(?:(?!\d+\s+(?:patients|participants))[^()]){0,60}\(", re.I)))
# "90 completed the study (52 men, 38 women)": the people who completed, with their traits in the bracket
_COMPLETERS_HERE = prefiltered(re.compile(r"(?<![\w.,])(?P<n>[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d+|" + COUNT_WORD + r")\s+(?:(?:patients|participants|"
                              r"subjects|children|adults|women|men)\s+)?(?:completed|finished)\s+the\s+(?:study|trial|follow-?up)"
                              r"[^()]{0,30}\(", re.I))
# the bracket after a population lists its traits: "(491 female, ...", "(40-75 years, 69% males)", "(mean age 42"
_TRAITS_INSIDE = re.compile(r"[^()]{0,40}?\b(?:(?:fe)?males?|wom[ae]n|m[ae]n|boys|girls|age|aged|years)\b", re.I)
# "2735 of the patients (83.0%)": a count of the population with its percentage
COUNT_OF_EVERYONE = re.compile(
    r"(?<![\w.,])(?P<n>[1-9]\d{0,2}(?:,\d{3})+|\d+)\s+of\s+(?:the|all|these)\s+(?:patients|participants|subjects|children)"
    r"\s*[(\[]\s*(?P<x>" + UNSIGNED + r")" + PCT + r"\s*[)\]]", re.I)
# the name of a spread printed with a mean: "SD", "s.d.", "SEM", "standard deviation"
_SPREAD = r"(?:SD|SEM?|s\.d\.?|s\.e\.?|sd|standard\s+deviation|standard\s+error)"
# "the mean age of the participants was 51 years", "mean age 3.8 years", "Mean age was 63.6 years (SD 13.7)",
# "the mean glycated hemoglobin level was 8.28%", "age 66.2 years" inside a population's bracket
_MEAN_OF = re.compile(
    # "mean ± SD age of", "a mean (SD) age of", "mean (standard deviation) BMI was": the spread named with the mean
    r"\b(?:(?P<stat>mean|average|median)(?:\s*(?:\u00b1|\+/-)\s*" + _SPREAD + r"|\s*[(\[]\s*" + _SPREAD + r"\s*[)\]])?"
    r"\s*(?<=[\s.])(?P<q>(?:[\w-]+\s+){0,4}?[\w-]+)|(?<=[(,]\s)(?P<q2>age))"
    # "age ± SD", "age (SD)", "age ± standard deviation": the spread named after the quantity
    r"(?:\s*(?:\u00b1|\+/-)\s*" + _SPREAD + r"(?!\w)|\s*[(\[]\s*" + _SPREAD + r"\s*[)\]])?"
    r"(?:\s*\([^()]{0,80}\))?"
    # "of the vaccinated cohort", "of the enrolled participants", "according to MDRD", "at the time of the first dose"
    r"(?:\s+of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:patients|participants|children|adults|subjects|cohort|population|sample))?"
    r"(?:\s+(?:according\s+to|by|using)\s+(?:the\s+)?[\w-]+(?:\s+(?:equation|formula))?)?"
    r"(?:\s+at\s+(?:the\s+time\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}[\w-]+|baseline|entry|enrol?ment|inclusion|randomi[sz]ation|screening))?"
    r"(?:\s+in\s+(?:our|this|the\s+whole|the)\s+(?:study|trial|sample|cohort|population))?"
    r"\s*(?:was|were|of|:|=|,)?\s*(?P<v>(?<![\w.])" + UNSIGNED + r")\b(?P<pct>\s*%)?", re.I)
_DEMOGRAPHIC = re.compile(r"\b(?:age|aged|BMI|e?GFR|body[- ]mass\s+index|weight|height|glycated\s+h(?:a)?emoglobin|HbA1c|"
                          r"duration\s+of\s+(?:disease|illness|diabetes)|disease\s+duration|eGFR|blood\s+pressure)\b", re.I)
_RANGE_AFTER = re.compile(r"\s*(?:years?(?:\s+old)?|months?|kg|cm|%)?\s*(?:[(\[]|[;,])\s*(?:range|min(?:imum)?\s*[-\u2013]\s*max(?:imum)?)\s*[:=,;]?\s*"
                          r"(?P<lo>" + UNSIGNED + r")\s*(?:years?|kg|cm|%)?\s*(?:-|\u2013|\bto\b)\s*"
                          r"(?P<hi>" + UNSIGNED + r")\s*(?:years?|months?|kg|cm|%)?\s*[)\]]", re.I)
# the later items of a list of counts that share the first item's verb: "and 103 (19.2%) in B"
_LIST_ITEM = re.compile(r"\s*(?:patients\s+|participants\s+)?(?:in|at|from)\s+[A-Z]|\s*[,;.]|\s*$")
# "45 years (IQR 34-53)", "28 yrs, IQR: 24-32", "4.0 [interquartile range 3.0-5.0]": a median's quartiles
_IQR_AFTER = re.compile(r"\s*(?:years?|yrs?|months?|kg|%|[a-zA-Z/]{1,8})?\s*(?:[(\[]|[;,])\s*(?:IQR|interquartile\s+range)\s*[:=,;]?\s*"
                        r"(?P<lo>" + UNSIGNED + r")\s*(?:-|\u2013|\bto\b|,)\s*(?P<hi>" + UNSIGNED + r")", re.I)
_BARE_RANGE_AFTER = re.compile(r"\s*(?:years?|months?|kg|%)?\s*[(\[]\s*(?P<lo>" + UNSIGNED + r")\s*(?:-|\u2013|\bto\b)\s*"
                               r"(?P<hi>" + UNSIGNED + r")\s*[)\]]", re.I)
_NOT_A_BASELINE_MEAN = re.compile(r"\b(?:change|changes|reduction|difference|improvement|increase|decrease|decline|gain|loss|rise|fall|response|follow[- ]up|dose|doses|duration\s+of\s+"
                                  r"(?:treatment|therapy|follow)|time|interval|stay)\b", re.I)
# "50.3 ± 10.6 years", "(SD 12.5)", "[standard deviation 4.1]", "years (35.1-39.5; SD 15.3)": the interval printed
# first in the same bracket
_SD_AFTER = re.compile(r"\s*(?:years?|y|yrs?|kg|%|kg/m2|cm|mmol/mol|mm\s*Hg|mg/dL|mmol/L)?\s*(?:[(\[]\s*(?:[^()\[\];]{0,30};\s*)?"
                       r"(?:SD|s\.d\.|standard\s+deviation)\s*[:=,]?\s*|[(\[]\s*(?:\u00b1|\+/-)\s*|\u00b1\s*|\+/-\s*)(?P<sd>" + UNSIGNED + r")", re.I)
# "a mean (SD) age of 50.3 (10.6) years": the bare bracket after a value is its SD where the sentence says so
_BARE_SD_AFTER = re.compile(r"\s*(?:years?|y|yrs?|kg|kg/m2|cm|mg/dL|mmol/L)?\s*[(\[]\s*(?P<sd>" + UNSIGNED + r")\s*[)\]]", re.I)
_SD_SAID = re.compile(r"\bmean\s*[(\[]\s*(?:SD|s\.d\.|standard\s+deviation)\s*[)\]]", re.I)
# "..., and a body mass index of 33.1 (6.9)": the next item of a list of means after "a mean (SD) age of ..."
_NEXT_MEAN_ITEM = re.compile(r"\s*(?:years?|y|kg|kg/m2|%|cm|m|mmHg|mg/dL|mmol/L)?\s*[,;]?\s*(?:and\s+)?(?:an?\s+|the\s+)?(?P<q>[A-Za-z][\w -]{1,40}?)\s+(?:of|was|:)\s+"
                             r"(?P<v>" + UNSIGNED + r")\b", re.I)


# "Patient characteristics were comparable among the groups; the population was ...", "similar among the treatment
# groups (Table 1) with a population that was ...": saying the arms were alike names no arm the figures belong to
_ARMS_ALIKE = re.compile(r"\b(?:the|both|all)\s+(?:two\s+|three\s+|four\s+|treatment\s+|study\s+)*(?:groups|arms)\s+(?:were|was)\s+"
                         r"(?:(?:generally|well|broadly|largely|very)\s+)?(?:comparable|similar|balanced|well[- ]matched|alike)\b"
                         r"|\b(?:(?:were|was|are|is)\s+)?(?:(?:generally|well|broadly|largely|very)\s+)?(?:comparable|similar|balanced|"
                         r"well[- ]matched|matched|alike|homogeneous|no\s+(?:significant\s+)?differen\w*(?:\s+in\s+[\w\s-]{0,40}?)?)\s+"
                         r"(?:among|between|across|in|for)\s+(?:the\s+|all\s+)?(?:two\s+|three\s+|four\s+|treatment\s+|study\s+)*(?:groups|arms)\b"
                         # "... did not differ among treatment groups"
                         r"|\b(?:did|does|do)\s+not\s+(?:significantly\s+)?differ\s+(?:among|between|across)\s+(?:the\s+)?(?:two\s+|three\s+|"
                         r"treatment\s+|study\s+)*(?:groups|arms)\b",
                         re.I)


_ENROLLED = re.compile(r"\b(?:randomi[sz]ed|randomly\s+assigned|enrolled|recruited)\b", re.I)


def _no_arm(s: Sentence) -> bool:
    if not s.mentions and _NAMES_AN_ARM.search(s.seg) is None:
        return True
    if not s.mentions and _ARMS_ALIKE.search(s.seg) is not None and _NAMES_AN_ARM.search(_ARMS_ALIKE.sub(" ", s.seg)) is None:
        return True
    # "The cohort comprised 68.7% female and 31.3% male participants; the sex distribution was similar in the A, B and C
    # groups": the arms are named only in a clause of the sentence that holds no figure
    if ";" not in s.seg:
        return False
    start = 0
    for clause in re.split(r"(;\s*)", s.seg):
        end = start + len(clause)
        if re.search(r"\d", clause) and (_NAMES_AN_ARM.search(clause) or any(start <= m.start < end for m in s.mentions)) \
                and not _ALLOCATION_CLAUSE.search(clause):
            return False
        start = end
    return True


# "Sepsis was present in 63/77 (82%)", "A history of smoking was present in 40/96": a state of everyone named before
_PRESENT_IN = re.compile(r"(?:^|[,;:]\s*|\b(?:and|while)\s+)(?:an?\s+|the\s+)?(?P<what>[A-Za-z][\w -]{2,50}?)\s+(?:was|were)\s+"
                         r"(?:already\s+)?present\s+(?:at\s+(?:baseline|entry|admission|inclusion)\s+)?in\s+$", re.I)


# a clause that only says how the population was split between the arms ("14 were treated with A and 12 with B",
# "123 patients (64 control, 59 intervention) participated"): its figures are the arms' sizes, no arm's data
_ALLOCATION_CLAUSE = re.compile(
    r"^\s*(?:and\s+)?\d+\s+(?:[\w-]+\s+){0,2}?(?:were|was)\s+(?:treated\s+with|given|assigned\s+to|randomi[sz]ed\s+to|"
    r"allocated\s+to)\b[^;]*$"
    r"|^[^;()]*\b\d+\s+(?:patients|participants|subjects|adults|children|women|men)\s*\(\s*\d+\s+[\w-]+\s*,\s*\d+\s+"
    r"[\w-]+\s*\)\s*(?:participated|took\s+part|were\s+(?:randomi[sz]ed|enrolled|included|analy[sz]ed))[^;]*$", re.I)


def _trait_after(s: Sentence, pos: int, end: int | None = None) -> bool:
    """The words after a count (to the clause's end, or to `end`) describe who the patients are, not what happened
    to them; in a sentence about the time before entry ("In the year before entry, 96% had experienced an
    exacerbation") what happened then is a trait too."""
    clause = re.split(r"[;,]\s|\band\s+\d", s.seg[pos:min(pos + 120, end if end is not None else len(s.seg))], maxsplit=1)[0]
    if not _TRAIT.match(clause):
        return False
    if _HISTORY.search(s.seg, 0, pos):
        return not re.search(r"\b(?:randomi[sz]ed|assigned|allocated|withdr[ae]w\w*|excluded|lost)\b", clause, re.I)
    return not _NOT_A_TRAIT.search(clause) and not has_outcome(clause)


def _bracket_close(seg: str, pos: int) -> int | None:
    """Where the bracket `pos` stands in closes, when it closes before any other opens."""
    m = re.match(r"[^()\[\]]*[)\]]", seg[pos:pos + 80])
    return pos + m.end() - 1 if m else None


# the words that say what a share counts: "employed", "with pain for at least 3 y", "on strong opioids", "had a
# score of 2", "of the patients had a haematoma"
_TRAIT_WORDS = re.compile(r"\s*(?:of\s+(?:the\s+|all\s+)?(?:study\s+|trial\s+|enrolled\s+|included\s+)?(?:patients|participants|subjects|children|adults|women|men)\s*,?\s*)?"
                          r"(?:(?:were|was|had|have|are|is|with|on|in|reported|presented\s+with|showed)\s+)?"
                          r"(?P<what>(?:an?\s+|the\s+)?[A-Za-z0-9][^,;:.()\[\]]{0,50}?(?:\s+(?:of|than|for)\s+(?:at\s+least\s+)?\d+(?:\s*\+)?"
                          r"(?:\s+[a-z]+)?)?)\s*(?=,|;|\.(?:\s|$)|\band\b|$|[(\[])", re.I)


def _trait_name(seg: str, pos: int) -> str | None:
    """What the share printed before `pos` counts, in the document's words, or None when the words are an outcome
    or the patients' flow."""
    m = _TRAIT_WORDS.match(seg, pos)
    if m is None:
        return None
    what = re.sub(r"\s+", " ", m.group("what")).strip()
    what = re.sub(r"^(?:an?|the)\s+", "", what, flags=re.I)
    if not what or _NOT_A_TRAIT.search(what) or has_outcome(what) or _NAMES_AN_ARM.search(what):
        return None
    return what.lower()


def _count_trait(seg: str, pos: int) -> str:
    """What a count of the population is of: "77 (81%) patients were women" is female sex, "129 (77%) were AChR-Ab
    seropositive" is "achr-ab seropositive"."""
    m = re.match(r"\s*(?:patients|participants|subjects)?\s*(?:were|was|had|have|are|is)?\s*", seg[pos:])
    what = _trait_name(seg, pos + (m.end() if m else 0)) or ""
    if re.fullmatch(r"(?:females?|women|girls)", what):
        return "female sex"
    if re.fullmatch(r"(?:males?|men|boys)", what):
        return "male sex"
    return what


def _trait_before_bracket(s: Sentence, bracket: int) -> str | None:
    """ "white (75.7%)", "Prior use of analgesics ... was low (8.2%)": the trait named before a share's bracket."""
    clause = re.split(r"[;,]\s|\band\s+", s.seg[max(0, bracket - 100):bracket])[-1].strip()
    clause = re.sub(r"\s+(?:was|were)\s+(?:low|high|common|frequent|rare|uncommon|present|reported)\s*$", "", clause, flags=re.I)
    clause = re.sub(r"(?:\s+as\s+reported)?\s+at\s+(?:baseline|entry|enrol?ment|inclusion|randomi[sz]ation|screening)$", "",
                    clause, flags=re.I)
    if not clause or len(clause) > 80 or re.search(r"\d", clause) or _NOT_A_TRAIT.search(clause) or has_outcome(clause):
        return None
    clause = re.sub(r"^(?:the|a|an|with)\s+", "", clause, flags=re.I)
    sex = re.search(r"\b(?:(?P<f>females?|women|girls)|males?|men|boys)$", clause, re.I)
    if sex:
        return "female sex" if sex.group("f") else "male sex"
    return clause.lower() or None


def _keep_share(s: Sentence, n, i: int, population: int, what: str | None = None) -> None:
    seg = s.seg
    sex = re.match(r"\s*(?:(?P<f>females?|women|girls)|males?|men|boys)\b", seg[n.full_end:n.full_end + 9], re.I)
    name = ("female sex" if sex.group("f") else "male sex") if sex else (what or _trait_name(seg, n.full_end) or "")
    if re.fullmatch(r"(?:females?|women|girls)", name):
        name = "female sex"
    elif re.fullmatch(r"(?:males?|men|boys)", name):
        name = "male sex"
    _keep(s, Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.full_end, events=round(population * n.value / 100),
                      total=population, kind="population", outcome_hint=name), [i])


def _listed_traits(s: Sentence, population: int) -> None:
    """The other shares of a list whose items are traits of everyone: "N% <trait>" and "<trait> (N%)"."""
    seg = s.seg
    for i, n in enumerate(s.nums):
        if not n.percent or n.signed or not s.free(i) or not 0 < n.value < 100 or s.threshold_before(n):
            continue
        lead = seg[max(0, n.start - 30):n.start]
        if re.search(r"[(\[]\s*$", lead):
            if not re.match(r"\s*[)\]]", seg[n.full_end:]) or re.search(r"\d\s*[(\[]\s*$", lead):
                continue
            what = _trait_before_bracket(s, n.start - len(lead) + max(lead.rfind("("), lead.rfind("[")))
        elif re.search(r"(?:^|,|\band|\bwith|;)\s*$", lead):
            what = _trait_name(seg, n.full_end)
        else:
            continue
        if what in ("male sex", "female sex") and any(e.outcome_hint in ("male sex", "female sex") for e in s.estimates):
            continue        # "38 male (63.3%) and 22 female (36.7%)": the second is the first's complement
        if what:
            _keep_share(s, n, i, population, what)
    # "11 % had a negative test, 55 % had a 1 + test and no patients had a 3 + test": a zero among the list's traits
    for m in _NOBODY_HAD.finditer(seg):
        what = _trait_name(seg, m.end())
        if what:
            _keep(s, Estimate("PROPORTION", 0.0, "0/" + str(population), m.start(), m.end(), events=0, total=population,
                              kind="population", outcome_hint=what), [])


_NOBODY_HAD = re.compile(r"\b(?:no|none\s+of\s+the)\s+(?:patients|participants|subjects|children|women|men)(?=\s+(?:had|were|was|reported)\b)",
                         re.I)


# "Fifty-one per cent of the patients had a Tegner score of 1", "In 48 % of patients, the right side was injured"
_SPELLED_SHARE = re.compile(r"\b(?P<w>" + COUNT_WORD + r")\s+(?:per\s*cent|percent)\s+of\s+(?:the\s+|all\s+)?"
                            r"(?:patients|participants|subjects|children|adults|women|men)\s+", re.I)
_IN_SHARE = re.compile(r"\b[Ii]n\s+(?P<x>" + UNSIGNED + r")" + PCT + r"\s+of\s+(?:the\s+|all\s+)?(?:patients|participants|subjects|"
                       r"children|cases)\s*,\s*(?P<what>[^,;.]{3,80}?)\s+(?:was|were)\s+(?P<state>[a-z]+)\b")


# "... had a pulmonary exacerbation during the study": an event over the whole trial, both arms together
_EVENT_DURING_TRIAL = re.compile(r"(?:had|experienced|developed|suffered)\s+(?P<what>(?:an?\s+|the\s+)?[a-z][\w -]{2,50}?)\s+"
                                 r"(?:during|over|throughout)\s+(?:the\s+)?(?:study|trial|follow-?up|study\s+period|treatment\s+period)\b",
                                 re.I)


def _spelled_shares(s: Sentence, population: int, baseline_sentence: bool) -> None:
    seg = s.seg
    if not ("cent" in seg or "In " in seg or "in " in seg):
        return
    for m in _SPELLED_SHARE.finditer(seg):
        x = count_value(m.group("w").lower())
        what = _trait_name(seg, m.end() - 1)
        during = _EVENT_DURING_TRIAL.match(seg, m.end())
        if what is None and during and not _NOT_A_TRAIT.search(during.group("what")):
            what = during.group("what")
        if not x or not 0 < x < 100 or what is None:
            continue
        if not (baseline_sentence or _TRAIT.match(seg, m.end() - 1) or during):
            continue
        # the share is a number token of the grammar (grammar.SPELLED_PERCENT): read once, here or by another rule
        idx = s.num_at(m.start("w"), m.end("w"))
        if any(not s.free(i) for i in idx):
            continue
        s.claim_span(m.start(), m.end())
        est = Estimate("PROPORTION", x / 100, m.group("w"), m.start(), m.end("w"), events=round(population * x / 100),
                       total=population, kind="population", outcome_hint=what)
        _keep(s, est, idx)
        if during and not baseline_sentence:
            # "Forty one percent of subjects had an exacerbation during the study": an outcome of everyone
            est.role = "effect"
            est.outcome_hint = re.sub(r"^(?:an?|the)\s+", "", during.group("what").strip().lower())
    for m in _IN_SHARE.finditer(seg):
        idx = s.num_at(m.start("x"), m.end("x"))
        what = f"{m.group('what')} {m.group('state')}".lower()
        what = re.sub(r"^(?:the|a|an)\s+", "", what)
        if not idx or not s.free(idx[0]) or _NOT_A_TRAIT.search(what) or has_outcome(what):
            continue
        n = s.nums[idx[0]]
        _keep(s, Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.full_end, events=round(population * n.value / 100),
                          total=population, kind="population", outcome_hint=what), idx)


def _keep(s: Sentence, est: Estimate, idx: list[int], role: str = "baseline") -> None:
    """`est` as a figure of everyone (the whole sample), its numbers claimed; every whole-sample rule keeps its rows
    through this one writer."""
    est.arm_hint, est.role = EVERYONE, role
    s.claimed.update(idx)
    s.estimates.append(est)


# "In a recent study, more than 90% of patients had ...", "Smith et al. found that 66% ...", "... of NSAIDs [12]": the
# population of another study
_OTHER_STUDY = start_guarded(re.compile(r"\b(?:(?:a|one|another|recent|previous|prior|earlier|other|several|many|large|published)\s+"
                          r"(?:[\w-]+\s+)?(?:stud(?:y|ies)|trials?|reports?|surveys?|meta-analys[ie]s|reviews?|series|registr(?:y|ies))\b"
                          r"|\bet\s+al\b|\b(?:has|have)\s+been\s+(?:reported|shown|described)\b|\[\s*\d+(?:\s*[,\u2013-]\s*\d+)*\s*\])",
                          re.I))
# asked of one sentence by several rules: searched once per sentence
_OTHER_STUDY = RememberedSearch(_OTHER_STUDY)


def sample_size(s: Sentence) -> int | None:
    """The size of the whole sample a sentence's figures of everyone are of: the population the document states, else
    its arms' sizes together ("(n = 659) ... (n = 671)", three or four arms alike); 0 for a trial that states neither,
    None for a report that is no randomized trial."""
    population = s.state.population
    if population == 0 and len(s.state.arm_sizes) >= 2:
        return sum(s.state.arm_sizes.values())
    return population


def everyone_at_baseline(s: Sentence) -> None:
    """Counts, percentages and means of the whole population at baseline."""
    seg, population = s.seg, sample_size(s)
    if population is None:
        return          # not a randomized trial's report
    if _OTHER_STUDY.search(seg):
        return
    here = _POPULATION_HERE.search(seg) or _COMPLETERS_HERE.search(seg)
    inside: tuple[int, int] | None = None
    if here and _TRAITS_INSIDE.match(seg, here.end()):
        close = seg.find(")", here.end())
        inside = (here.end(), close if close > 0 else len(seg))
        if _NAMES_AN_ARM.search(seg[inside[0]:inside[1]]) or any(inside[0] <= m.start < inside[1] for m in s.mentions):
            return
        # the population and its traits in one bracket: the sentence may go on to name the arms it was assigned to
        printed = here.group("n")
        counted = int(printed.replace(",", "")) if printed[0].isdigit() else word_to_int(printed)
        if not counted or counted < 10:
            return          # "Two patients (one male, aged 71 and 64)": a few people, no population
        if s.state.population == 0 and counted and _ENROLLED.search(seg):
            s.state.population = counted   # "Eight hundred and six patients (...) were randomised": the trial's population
        _in_bracket(s, counted, inside)
        return
    if not _no_arm(s):
        return
    baseline_sentence = bool(_BASELINE_WORDS.search(seg))
    for c in s.parse("count_of"):
        idx = s.num_at(c.start, c.end)
        # "383/562 (70%) were currently treated for ...": the population's total, or any total when the document
        # does not state its population
        if c.events is None or (population and c.total != population) or any(not s.free(i) for i in idx):
            continue
        # the percentage printed after the count, even one the authors rounded wrongly ("383/562 (70%)")
        bracket = re.match(r"\s*[(\[][^()\[\]]{0,12}[)\]]", seg[c.end:])
        end = c.end + (bracket.end() if bracket else 0)
        present = _PRESENT_IN.search(seg, 0, c.start)
        if not (_trait_after(s, end) or present):
            continue
        est = Estimate("PROPORTION", c.events / c.total, f"{c.events}/{c.total}", c.start, end,
                       events=c.events, total=c.total, kind="population")
        if present:
            est.outcome_hint = present.group("what").lower()
        _keep(s, est, s.num_at(c.start, end))
    if not population:
        # "Thirty-eight male (63.3%) and 22 female (36.7%) patients were included, with a mean age of 28.3 years": the
        # people the sentence counts are its population
        counted = _sex_counts(s, 0) or _shares_of_everyone(s, 0)
        if counted:
            _means(s, counted, baseline_sentence, None)
        return
    for m in COUNT_OF_EVERYONE.finditer(seg):
        idx = s.num_at(m.start(), m.end())
        events = int(m.group("n").replace(",", ""))
        if any(not s.free(i) for i in idx) or events > population or not _trait_after(s, m.end()):
            continue
        _keep(s, Estimate("PROPORTION", float(m.group("x")) / 100, m.group("x") + "%", m.start(), m.end(),
                          events=events, total=population, kind="population"), idx)
    listed = False
    for c in s.parse("count_percent"):
        idx = s.num_at(c.start, c.end)
        xi = [i for i in idx if s.nums[i].percent]
        # "Sixty-nine (61%) of the 114 patients had ...": a count of the population printed with it
        if c.events is None or c.of_total not in (None, population) or not xi or any(not s.free(i) for i in idx):
            continue
        x = s.nums[xi[0]]
        if c.of_total is None and population not in s.totals_fitting(c.events, x):
            continue
        # "119 (22.2%) patients were recruited in A and 103 (19.2%) in B": the list's later items share its verb
        if not (_trait_after(s, c.end) or (listed and _LIST_ITEM.match(seg, c.end))):
            continue
        listed = True
        _keep(s, Estimate("PROPORTION", x.value / 100, x.text + "%", c.start, c.end, events=c.events,
                          total=population, kind="population", outcome_hint=_count_trait(seg, c.end)), idx)
    read_before = len(s.estimates)
    for i, n in enumerate(s.nums):
        # "68 percent were women", "67.5% of participants had type 2 diabetes", "(..., 69% males)"
        if not n.percent or n.signed or not s.free(i) or not 0 < n.value < 100 or s.threshold_before(n):
            continue
        in_bracket = inside is not None and inside[0] <= n.start < inside[1]
        before = seg[max(0, n.start - 4):n.start]
        bracketed = re.search(r"[(\[]\s*$", before) is not None
        closes = re.match(r"\s*[)\]]", seg[n.full_end:]) is not None
        if bracketed and closes and re.search(r"[\d%]\s*[(\[]\s*$", seg[max(0, n.start - 8):n.start]) and not in_bracket:
            continue        # part of a count ("12 (22.2%)") the rules above did not take; "(78.9% male)" is a share
        if bracketed and closes and not in_bracket:
            # "Prior use of analgesics as reported at baseline was low (8.2%)": the trait before its own bracket, in a
            # sentence about baseline
            what = _trait_before_bracket(s, n.start - len(before) + before.rfind("(" if "(" in before else "["))
            if what is None or not baseline_sentence:
                continue
            _keep(s, Estimate("PROPORTION", n.value / 100, n.text + "%", n.start, n.full_end, events=round(population * n.value / 100),
                              total=population, kind="population", outcome_hint=what), [i])
            continue
        if re.search(r"(?:\bof|/)\s*$", before) and not in_bracket:
            continue
        # "(52 % males)": the trait ends with the bracket the share stands in
        close = _bracket_close(seg, n.full_end) if bracketed or re.search(r"[(\[][^()\[\]]*$", seg[max(0, n.start - 40):n.start]) else None
        after_end = close if close is not None else None
        if not (in_bracket or baseline_sentence or _TRAIT.match(seg, n.full_end)) or not _trait_after(s, n.full_end, after_end):
            continue
        _keep_share(s, n, i, population)
    # "with 81% white, 67% female, 23% employed, 85% with pain for at least 3 y, and 23% on strong opioids": once a
    # sentence has given shares of everyone, the other items of its list are traits too
    if len(s.estimates) > read_before:
        _listed_traits(s, population)
    _spelled_shares(s, population, baseline_sentence)
    _sex_counts(s, population)
    _split_in_two(s, population)
    _shares_of_everyone(s, population)
    if len(s.estimates) > read_before:
        _listed_traits(s, population)
    # "Mean serum urate was 8.27 mg/dL, 15.8% of patients had visible tophi": a mean beside shares of everyone is
    # one more trait at entry
    _means(s, population, baseline_sentence or len(s.estimates) > read_before, None)
    _bracketed_mean_sd(s, population)


# "There were 68 males and 52 females aged 48-74 years": the first of two sex counts that add up to the population
# (the second is its complement); "(55 ± 12) in average" after "aged": the population's mean age
_SEX_PAIR = re.compile(r"(?<![\w.-])(?P<a>\d+|" + COUNT_WORD + r")\s+(?:(?:patients|participants|subjects)\s+)?(?:(?:were|was)\s+)?"
                       r"(?P<sa>males?|men|boys|females?|women|girls)\s+and\s+(?P<b>\d+|" + COUNT_WORD + r")\s+"
                       r"(?:(?:patients|participants|subjects)\s+)?(?:(?:were|was)\s+)?(?:males?|men|boys|females?|women|girls)\b", re.I)
# "the male to female ratio was 25 to 19", "male:female ratio 25:19", "M/F 25/19", "(female/male, 12/30)": the sexes
# named first, the counts after in their order (a ratio of two counts adding up to the population, not "1.3:1")
_SEX_RATIO = re.compile(r"\b(?P<sa>males?|men|m|females?|women|f)\s*(?:\bto\b|:|/|-)\s*(?:males?|men|m|females?|women|f)\b"
                        r"(?:\s+ratio)?\s*(?:,|:|=|\bwas\b|\bwere\b|\bof\b)?\s*[(\[]?\s*(?P<a>\d+)\s*(?:\bto\b|:|/)\s*(?P<b>\d+)"
                        r"(?!\d|\.\d)", re.I)    # not "1.3", but the full stop that ends the sentence ("was 31 to 21.")
# "Out of 80 patients evaluated, 19 were men and 51 women": two sex counts are the people the sentence describes;
# their sum is the denominator where the document states none, or where some of its population were not analysed
# (never a subgroup's: "among those who relapsed, ...")
_SUBGROUP_WORDS = re.compile(r"\bamong\b|\b(?:of|in)\s+(?:these|those|them)\b|\bsubgroup\b", re.I)
_AVERAGE_AGE = re.compile(r"\baged\b[^.;()]{0,50}?\(\s*(?P<v>" + UNSIGNED + r")\s*(?:\u00b1|\+/-)\s*(?P<sd>" + UNSIGNED
                          + r")\s*\)\s*(?:years?\s+)?(?:in|on)\s+(?:the\s+)?average\b", re.I)


def _colon_pair_unread(s: Sentence, m: re.Match) -> bool:
    """ "male to female ratio was 31:21": a pair the sentence set aside as a ratio of allocation or a titre
    ("1:1", "1:64") before any rule ran, which no rule has read since: named by the sexes, it is two counts."""
    if m.re is not _SEX_RATIO or ":" not in m.string[m.end("a"):m.start("b")]:
        return False
    return not any(e.start < m.end() and m.start() < e.end for e in s.estimates)


def _sex_counts(s: Sentence, population: int) -> int:
    """Reads the sentence's sex pair (and mean age 'in average'); returns the pair's total, 0 when none."""
    seg = s.seg
    counted = 0
    for m in list(_SEX_PAIR.finditer(seg)) + list(_SEX_RATIO.finditer(seg)):
        a, b = count_value(m.group("a").lower()), count_value(m.group("b").lower())     # "Fourteen women and nine men"
        if a is None or b is None:
            continue
        if m.re is _SEX_RATIO and (m.group("sa").lower()[0] == seg[m.end("sa"):m.start("a")].strip(" :/-toTO").lower()[:1]
                                   or min(a, b) == 0):
            continue        # "male to male", a ratio to nought: no pair of sexes
        idx = s.num_at(m.start("a"), m.end("a"))
        if (not idx and m.group("a")[0].isdigit()) or \
                (any(not s.free(i) for i in s.num_at(m.start(), m.end())) and not _colon_pair_unread(s, m)):
            continue
        total = a + b
        if m.re is _SEX_RATIO and (total != population if population else total < 10):
            continue        # "a male to female ratio of 3:2" (or "1 to 1"): a reduced ratio, no counts of the population
        if total != population and (population and total > population or _SUBGROUP_WORDS.search(seg)
                                    or not _no_arm(s) or has_outcome(seg)):
            continue
        sex = "female sex" if m.group("sa").lower().startswith(("f", "w", "g")) else "male sex"
        s.claim_span(m.start(), m.end())
        _keep(s, Estimate("PROPORTION", a / total, f"{a}/{total}", min(m.start("a"), m.start("sa")),
                          max(m.end("sa"), m.end("b")), events=a, total=total, kind="population", outcome_hint=sex), idx)
        counted = counted or total
    for m in _AVERAGE_AGE.finditer(seg) if population else ():
        idx = s.num_at(m.start("v"), m.end("v"))
        if not idx or any(not s.free(i) for i in idx):
            continue
        est = Estimate("MEAN", float(m.group("v")), m.group("v"), m.start("v"), m.end(), total=population,
                       kind="population", outcome_hint="age")
        est.sd = float(m.group("sd"))
        s.claim_span(m.start("v"), m.end())
        _keep(s, est, idx)
    return counted


# "Patients were predominantly male (76%)", "Thirty-eight male (63.3%) and 22 female (36.7%) patients were included":
# a sex share of everyone (of a counted pair, the first: the second is its complement)
_SEX_SHARE = prefiltered(start_guarded(re.compile(
    r"(?:(?P<n>(?<![\w.])\d+|\b" + COUNT_WORD + r")\s+)?(?:(?:predominantly|mostly|mainly|largely|chiefly)\s+)?"
    r"(?P<sex>males?|females?|men|women|boys|girls)\s*[(\[]\s*(?P<x>" + UNSIGNED + r")\s*%\s*[)\]]", re.I)))
# "Stage III disease was predominant (67.5%)", "The larynx and pharynx were the dominant sites (47.5%)", "The majority
# had adenocarcinoma (65.2%) and a performance status of 0 to 1 (83.5%)", "the majority of which was
# well-differentiated (62.5%)": a share of everyone named by the trait before its bracket
_PREDOMINANT = re.compile(
    r"(?P<what>\b[A-Za-z][\w\s/-]{1,60}?)\s+(?:was|were)\s+(?:the\s+)?(?:most\s+common|(?:pre)?dominant|commonest)"
    r"(?:\s+[\w-]+)?\s*[(\[]\s*(?P<x>" + UNSIGNED + r")\s*%\s*[)\]]", re.I)
_MAJORITY = re.compile(
    # "The majority had X (65.2%)", "most of them were lactating (66.2%)" (not a bare "most", often of events)
    r"\b(?:majority\s+(?:of\s+(?:them|which|whom|the\s+[\w-]+|patients|participants)\s+)?|most\s+of\s+(?:them|whom|the\s+[\w-]+)\s+)"
    r"(?:had|have|were|was|presented\s+with|"
    r"showed)\s+(?P<what>[^(),.;\d]{2,60}?)\s*[(\[]\s*(?P<x>" + UNSIGNED + r")\s*%\s*[)\]]", re.I)
# the list's later items: ", and Y (8.2%)", ", Y (8.2%)", " with Y (8.2%)"
_AND_ITEM = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|with)\s+)(?:(?:with|had|were)\s+)?(?:an?\s+)?(?P<what>[^(),.;]{2,60}?)\s*[(\[]\s*(?P<x>" + UNSIGNED + r")\s*%\s*[)\]]", re.I)
# a sentence about what happened, or comparing, is no description of who was enrolled
_NOT_A_DESCRIPTION = re.compile(r"\b(?:more|less|fewer|higher|lower|than|compared|increased|decreased|reduced|improved)\b", re.I)


def _shares_of_everyone(s: Sentence, population: int) -> int:
    """Shares of the whole population named by a trait before their bracket (a sentence naming no arm and no
    event): sex shares, with or without the count, and "X was predominant (67.5%)", "The majority had X (65.2%)".
    Returns the total of a counted sex share ("38 male (63.3%)": 60), 0 when none."""
    seg = s.seg
    counted = 0
    if not _no_arm(s) or _NOT_A_TRAIT.search(seg) or _NOT_A_DESCRIPTION.search(seg):
        return 0
    if any(e.outcome_hint in ("male sex", "female sex") for e in s.estimates):
        return 0        # read as a share of everyone already; the other sex is its complement
    for m in _SEX_SHARE.finditer(seg):
        x = float(m.group("x"))
        total = population or (_total_fitting(count_value(m.group("n").lower()), m.group("x")) if m.group("n") else None)
        if not total or not 0 < x < 100 or not _claim_free(s, m.start(), m.end()):
            continue
        events = count_value(m.group("n").lower()) if m.group("n") else round(total * x / 100)
        word = m.group("sex").lower()
        sex = "female sex" if word.startswith(("f", "w", "g")) else "male sex"
        _keep(s, Estimate("PROPORTION", x / 100, m.group("x") + "%", m.start(), m.end(), events=events, total=total,
                          kind="population", outcome_hint=sex), [])
        counted = total
        break           # "38 male (63.3%) and 22 female (36.7%)": the second is the first's complement
    if not population:
        return counted
    found = [(m.group("what"), m) for m in _PREDOMINANT.finditer(seg)]
    for m in _MAJORITY.finditer(seg):
        found.append((m.group("what"), m))
        at = m.end()
        while (more := _AND_ITEM.match(seg, at)) is not None:
            found.append((more.group("what"), more))
            at = more.end()
    for what, m in found:
        x = float(m.group("x"))
        if not 0 < x < 100 or not _claim_free(s, m.start("x"), m.end("x")):
            continue
        name = re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"\s+", " ", what).strip(), flags=re.I).lower()
        if has_outcome(name):
            continue        # "Most patients had a relapse (58%)": an outcome, no trait at entry
        _keep(s, Estimate("PROPORTION", x / 100, m.group("x") + "%", m.start("x"), m.end(), events=round(population * x / 100),
                          total=population, kind="population", outcome_hint=name), [])
    return counted


def _claim_free(s: Sentence, start: int, end: int) -> bool:
    """Claims the numbers of seg[start:end] when none is claimed yet."""
    idx = s.num_at(start, end)
    if not idx or any(not s.free(i) for i in idx):
        return False
    s.claimed.update(idx)
    return True


def _total_fitting(events: int | None, printed: str) -> int | None:
    """The one denominator behind "38 (63.3%)" to the printed precision, else None."""
    x = float(printed)
    if not events or x <= 0:
        return None
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    half = 0.5 * 10 ** -decimals + 1e-9     # 45 of 80 is 56.25%, printed 56.3 (round() would say 56.2)
    fits = [t for t in range(events, int(events * 100 / x * 1.1) + 2) if abs(100 * events / t - x) <= half]
    return fits[0] if len(fits) == 1 else None


def _in_bracket(s: Sentence, population: int, inside: tuple[int, int]) -> None:
    """ "1578 patients (491 female, age 66.2 years)", "2,322 patients with diabetes (40-75 years, 69% males)"."""
    seg = s.seg
    _spelled_sex_count(s, population, inside)
    for i, n in enumerate(s.nums):
        if not (inside[0] <= n.start < inside[1]) or not s.free(i) or n.signed or n.value > population:
            continue
        sex = re.match(r"\s*(?:(?:fe)?males?|wom[ae]n|m[ae]n|boys|girls)\b", seg[n.full_end:n.full_end + 8], re.I)
        if n.percent and sex and 0 < n.value < 100:
            female = sex.group().strip().lower().startswith(("f", "w", "g"))
            _keep(s, Estimate("PROPORTION", n.value / 100, n.text, n.start, n.full_end,
                              events=round(population * n.value / 100), total=population, kind="population",
                              outcome_hint="female sex" if female else "male sex"), [i])
        elif sex and not n.decimal:
            female = sex.group().strip().lower().startswith(("f", "w", "g"))
            if any(e.outcome_hint in ("male sex", "female sex") for e in s.estimates):
                s.claimed.add(i)
                continue    # "(53 male, 47 female, ...)": the second count is the first's complement
            _keep(s, Estimate("PROPORTION", n.value / population, f"{int(n.value)}/{population}", n.start,
                              n.full_end, events=int(n.value), total=population, kind="population",
                              outcome_hint="female sex" if female else "male sex"), [i])
    _means(s, population, True, inside)
    _labelled_means(s, population, inside)


# "(nine males and eight females)", "(...; three females)": a sex count spelled out inside the population's bracket
_SPELLED_SEX = re.compile(r"(?<![\w-])(?P<w>" + COUNT_WORD + r")\s+(?:(?P<f>females?|women|girls)|males?|men|boys)\b", re.I)


def _spelled_sex_count(s: Sentence, population: int, inside: tuple[int, int]) -> None:
    """A sex count spelled out in the population's bracket when it is the bracket's first (the second is its
    complement: the counts in digits after it are then left)."""
    m = _SPELLED_SEX.search(s.seg, inside[0], inside[1])
    count = word_to_int(m.group("w")) if m else None
    if not count or count > population or re.search(r"\d\s*%?\s*(?:(?:fe)?males?|wom[ae]n|m[ae]n|boys|girls)\b",
                                                    s.seg[inside[0]:m.start()], re.I):
        return
    _keep(s, Estimate("PROPORTION", count / population, f"{count}/{population}", m.start(), m.end("w"), events=count,
                      total=population, kind="population", outcome_hint="female sex" if m.group("f") else "male sex"), [])


# "(age: 23 ± 1 years, height: 181 ± 2 cm, weight: 77 ± 3 kg)": inside the population's bracket every labelled value
# printed with "±" is a mean with its SD, whatever the label
_LABELLED_MEAN_SD = re.compile(r"(?:^|[(\[,;]\s*|\band\s+)(?P<q>[A-Za-z][A-Za-z0-9 /-]{0,40}?)\s*(?::|=|\bof\b|\bwas\b)?\s*"
                               r"(?P<v>(?<![\w.])" + UNSIGNED + r")\s*(?:\u00b1|\+/-)\s*(?P<sd>" + UNSIGNED + r")", re.I)


def _labelled_means(s: Sentence, population: int, inside: tuple[int, int]) -> None:
    seg = s.seg
    for m in _LABELLED_MEAN_SD.finditer(seg, max(0, inside[0] - 1), inside[1]):
        idx = s.num_at(m.start("v"), m.end("v"))
        quantity = re.sub(r"^(?:the\s+|a\s+|an\s+|mean\s+|average\s+)+", "", re.sub(r"\s+", " ", m.group("q")).strip(),
                          flags=re.I).lower()
        if not idx or not s.free(idx[0]) or not quantity or _NOT_A_BASELINE_MEAN.search(quantity) \
                or _NOT_A_TRAIT.search(quantity) or has_outcome(quantity):
            continue
        est = Estimate("MEAN", float(m.group("v")), m.group("v"), m.start("v"), m.end(), total=population,
                       kind="population", outcome_hint=quantity)
        est.sd = float(m.group("sd"))
        s.claim_span(m.start("v"), m.end())
        _keep(s, est, idx)


def _means(s: Sentence, population: int, baseline_sentence: bool, inside) -> None:
    seg = s.seg
    for m in _MEAN_OF.finditer(seg):
        quantity = _OF_THE_PEOPLE.sub("", (m.group("q") or m.group("q2") or "").strip())
        idx = s.num_at(m.start("v"), m.end("v"))
        if not idx or any(not s.free(i) for i in idx) or _NOT_A_BASELINE_MEAN.search(quantity) \
                or re.match(r"\s*(?:CI|CrI|confidence)\b", seg[m.end():]) or _FUNCTION_WORD.fullmatch(quantity.split()[-1] if quantity else ""):
            continue        # "(mean with 95 % CI)": a caption's words, no mean
        if not (_DEMOGRAPHIC.search(quantity) or baseline_sentence):
            continue
        if _CHANGE_IN.search(seg, max(0, m.start() - 40), m.start()):
            continue        # "an absolute decrease in mean HbA1c of 0.52": a change of the mean, no mean at entry
        if m.group("q2") and not (inside and inside[0] <= m.start() < inside[1]):
            continue        # a bare "age 66" only inside the population's bracket
        n = s.nums[idx[0]]
        median = (m.group("stat") or "").lower() == "median" or re.search(r"\bmedian\s*$", seg[max(0, m.start() - 8):m.start()], re.I)
        est = Estimate("MEDIAN" if median else "MEAN", n.value, n.text, n.start, n.full_end, total=population,
                       kind="population", outcome_hint=re.sub(r"\s+", " ", quantity).lower())
        sd = None if median else _SD_AFTER.match(seg, m.end()) or (_BARE_SD_AFTER.match(seg, m.end()) if _SD_SAID.search(seg) else None)
        if sd:
            est.sd = float(sd.group("sd"))
            s.claim_span(sd.start("sd"), sd.end("sd"))
        # "mean age of 42.08 ± 12.17 (18 - 60) years": a bare bracket after the SD holding the value is its range
        spread = _RANGE_AFTER.match(seg, m.end()) or (_RANGE_AFTER.match(seg, sd.end()) or _BARE_RANGE_AFTER.match(seg, sd.end())
                                                      if sd else None)
        if spread and not float(spread.group("lo")) <= n.value <= float(spread.group("hi")):
            spread = None
        quartiles = _IQR_AFTER.match(seg, n.full_end) if median and spread is None else None
        if quartiles and float(quartiles.group("lo")) <= n.value <= float(quartiles.group("hi")):
            est.q1, est.q3 = float(quartiles.group("lo")), float(quartiles.group("hi"))
        if spread:      # "mean age 3.8 years (range 0.1-18)"
            est.range_low, est.range_high = float(spread.group("lo")), float(spread.group("hi"))
        _keep(s, est, idx)
        if sd is not None and (_SD_SAID.search(seg) or _PLUS_MINUS.search(sd.group())):
            _next_means(s, population, sd.end(), plus_minus=bool(_PLUS_MINUS.search(sd.group())))


# "age of the patients ± SD was": the people a quantity is of are no part of its name
_OF_THE_PEOPLE = re.compile(r"\s+of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:patients|participants|subjects|children|adults|cohort|"
                            r"population|sample)$", re.I)
_PLUS_MINUS = re.compile(r"\u00b1|\+/-")
# "..., body weight of 102.9 ± 18.4 kg": an SD printed after "±" in a list whose first mean printed it so
_PM_SD_AFTER = re.compile(r"\s*(?:\u00b1|\+/-)\s*(?P<sd>" + UNSIGNED + r")")
_CHANGE_IN = re.compile(_NOT_A_BASELINE_MEAN.pattern + r"\s+(?:in|of)\s+(?:the\s+)?$", re.I)
_FUNCTION_WORD = re.compile(r"with|of|in|for|and|or|the|a|an|at|to|by|on|from|was|were|is|are", re.I)


def _next_means(s: Sentence, population: int, pos: int, plus_minus: bool = False) -> None:
    """ "a mean (SD) age of 50.3 (10.6) years, and a body mass index of 33.1 (6.9)", "a mean ± SD age of 50.3 ± 10.6
    years, body weight of 91.2 ± 15.0 kg and ...": the list's later items are means with their SD printed as the
    first one's."""
    seg = s.seg
    while (m := _NEXT_MEAN_ITEM.match(seg, pos)) is not None:
        sd = (_PM_SD_AFTER if plus_minus else _BARE_SD_AFTER).match(seg, m.end())
        idx = s.num_at(m.start("v"), m.end("v"))
        if sd is None or not idx or not s.free(idx[0]) or _NOT_A_BASELINE_MEAN.search(m.group("q")):
            return
        n = s.nums[idx[0]]
        est = Estimate("MEAN", n.value, n.text, n.start, n.full_end, total=population, kind="population",
                       outcome_hint=re.sub(r"\s+", " ", m.group("q")).strip().lower())
        est.sd = float(sd.group("sd"))
        s.claim_span(sd.start("sd"), sd.end("sd"))
        _keep(s, est, idx)
        pos = sd.end()


# "The overall response rate was 69% (complete remission (CR) 60% CRi 9%)", "the overall mortality was 12.5%",
# "Overall, 41% of the patients achieved remission": an outcome of everyone, both arms together
_OVERALL = prefiltered(re.compile(r"\boverall\s+(?P<what>(?:[a-z][\w-]*\s+){0,3}?(?:rate|mortality|incidence|prevalence|response|remission|"
                      r"survival|cure|success))(?:\s+rate)?\s+(?:was|were|of|reached)\s+(?P<x>" + UNSIGNED + r")\s*%"
                      r"|\boverall\s*,\s*(?P<x2>" + UNSIGNED + r")\s*%\s+of\s+(?:the\s+|all\s+)?(?:patients|participants|subjects)\s+"
                      r"(?P<what2>[a-z][^,;()\d]{2,50}?)(?=\s*[,;.(]|$)", re.I))
# the kinds the figure breaks down into, in its bracket: "(complete remission (CR) 60% CRi 9%)"
_BREAKDOWN_ITEM = re.compile(r"\s*,?\s*(?:and\s+)?(?P<label>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3})(?:\s*\((?P<abbr>[A-Za-z]{1,6})\))?\s*[:=]?\s*"
                             r"(?P<x>" + UNSIGNED + r")\s*%")


def everyone_overall(s: Sentence) -> None:
    """An outcome of the whole trial population, both arms together, in a sentence naming no arm: a PROPORTION of "all
    patients" (role effect, not baseline), with the kinds it breaks down into in the bracket after it."""
    seg = s.seg
    population = s.state.population
    if "verall" not in seg or not population or _OTHER_STUDY.search(seg):
        return
    for m in _OVERALL.finditer(seg):
        # the arms may be named after the figure ("..., with no difference between A (71%) and B (66%)"), not before
        if _PAIR_AFTER.match(seg, m.end()):
            continue        # "Overall renal response was 54% vs 29%": the outcome's name, then two arms' figures
        bracket = re.match(r"\s*%?\s*[(\[](?:[^()\[\]]|[(\[][^()\[\]]*[)\]])*[)\]]", seg[m.end():])
        end = m.end() + (bracket.end() if bracket else 0)
        if any(g.start < end for g in s.groups) or _NAMES_AN_ARM.search(seg, 0, end):
            continue
        printed = m.group("x") or m.group("x2")
        what = re.sub(r"\s+", " ", (m.group("what") or m.group("what2") or "")).strip().lower()
        idx = s.num_at(m.start("x") if m.group("x") else m.start("x2"), m.end("x") if m.group("x") else m.end("x2"))
        if not idx or any(not s.free(i) for i in idx) or not 0 < float(printed) < 100 or _NOT_AN_OUTCOME.search(what):
            continue
        _keep_outcome(s, float(printed), printed, s.nums[idx[0]].start, s.nums[idx[0]].full_end, population, what, idx)
        close = re.match(r"\s*%?\s*[(\[]", seg[s.nums[idx[0]].full_end:])
        if close is None:
            continue
        pos = s.nums[idx[0]].full_end + close.end()
        while (item := _BREAKDOWN_ITEM.match(seg, pos)) is not None:
            iidx = s.num_at(item.start("x"), item.end("x"))
            if not iidx or any(not s.free(i) for i in iidx) or not 0 < float(item.group("x")) < float(printed) + 1e-9:
                break
            label = re.sub(r"\s+", " ", item.group("label")).strip().lower()
            _keep_outcome(s, float(item.group("x")), item.group("x"), item.start("x"), item.end(), population, label, iidx)
            pos = item.end()


_PAIR_AFTER = re.compile(r"\s*%?\s*(?:vs\.?|versus|compared|against|and\s+[-+]?\d|,\s*[-+]?\d|/\s*\d)", re.I)
# "overall survival" is a time to an event; "the overall response was good" names no share
_NOT_AN_OUTCOME = re.compile(r"\b(?:follow-?up|adherence|compliance|retention|attrition|dropout|drop-out|recruitment|"
                             r"participation)\b", re.I)


def _keep_outcome(s: Sentence, x: float, printed: str, start: int, end: int, population: int, what: str, idx) -> None:
    est = Estimate("PROPORTION", x / 100, printed + "%", start, end, events=round(population * x / 100), total=population,
                   kind="population", outcome_hint=what)
    est.arm_hint = EVERYONE
    s.claimed.update(idx)
    s.estimates.append(est)


# "Among the 30 subjects who completed 24 weeks, baseline gender (63% female), years of education (15.2 years), use of
# X (93%) and Y (77%), MMSE (22.5) ... did not differ among treatment groups": traits listed each with its figure in a
# bracket, of the people the sentence opens with (else of the trial's population)
_AMONG_THE_N = re.compile(r"^\s*(?:Among|Of|In)\s+(?:the|all|these)\s+(?P<n>[1-9]\d*)\s+(?:patients|participants|subjects|children|adults|"
                          r"women|men)\b[^,;]{0,60},", re.I)
_BRACKETED_TRAIT = re.compile(r"(?:^|[,;:]\s*|\band\s+|\bbaseline\s+)(?P<trait>[A-Za-z][\w/-]*(?:\s+[\w/-]+){0,4}?)\s*\(\s*(?P<v>"
                              + UNSIGNED + r")\s*(?P<pct>%)?\s*(?P<after>[a-z][\w/-]*)?\s*\)", re.I)


def bracketed_traits(s: Sentence) -> None:
    """Traits of everyone at entry each printed with its figure in a bracket ("baseline gender (63% female), years of
    education (15.2 years), use of X (93%)") in a sentence about baseline that names no arm (or only to say the arms
    did not differ): a share is a PROPORTION, a figure with a unit or none a MEAN, of the people the sentence opens
    with ("Among the 30 subjects who completed ...") or of the trial's population."""
    seg = s.seg
    if seg.count("(") < 2 or s.state.population is None or not _BASELINE_WORDS.search(seg) and not _ARMS_ALIKE.search(seg):
        return
    if not _no_arm(s):
        return
    among = _AMONG_THE_N.match(seg)
    total = int(among.group("n")) if among else (s.state.population or 0)
    if not total:
        return
    found = list(_BRACKETED_TRAIT.finditer(seg))
    if len(found) < 2:
        return      # a list: one bracket alone is another rule's
    for m in found:
        idx = s.num_at(m.start("v"), m.end("v"))
        if not idx or any(not s.free(i) for i in idx):
            continue
        trait = re.sub(r"^(?:the|a|an|baseline|mean|average)\s+", "", re.sub(r"\s+", " ", m.group("trait")).strip(), flags=re.I)
        if _NOT_A_TRAIT.search(trait) or has_outcome(trait) or _NAMES_AN_ARM.search(trait):
            continue
        value = float(m.group("v"))
        after = (m.group("after") or "").lower()
        if m.group("pct"):
            if not 0 < value < 100:
                continue
            if re.fullmatch(r"(?:females?|women|girls)", after) or re.fullmatch(r"(?:males?|men|boys)", after):
                trait = "female sex" if after[0] in "fwg" else "male sex"
            elif after:
                trait = f"{trait} {after}"
            est = Estimate("PROPORTION", value / 100, m.group("v") + "%", m.start("v"), m.end(), events=round(total * value / 100),
                           total=total, kind="population", outcome_hint=trait.lower())
        else:
            est = Estimate("MEAN", value, m.group("v"), m.start("v"), m.end(), total=total, kind="population",
                           outcome_hint=trait.lower())
        _keep(s, est, idx)


# "42 patients were naive cases without previous treatment and 38 patients were previously failed therapy": the
# population split in two by a trait, the two counts adding up to it
_SPLIT_IN_TWO = prefiltered(re.compile(
    r"(?<![\w.])(?P<a>\d+)\s+(?:patients|participants|subjects)\s+(?:were|had)\s+(?P<ta>[A-Za-z][^,;.()\d]{2,70}?)\s+and\s+"
    r"(?P<b>\d+)\s+(?:(?:patients|participants|subjects)\s+)?(?:were|had)\s+(?P<tb>[A-Za-z][^,;.()\d]{2,70}?)(?=\s*[,;.(]|\s*$)", re.I))


def _split_in_two(s: Sentence, population: int) -> None:
    """Two counts of everyone, each with its trait, that add up to the population: a PROPORTION each."""
    seg = s.seg
    for m in _SPLIT_IN_TWO.finditer(seg):
        a, b = int(m.group("a")), int(m.group("b"))
        if a + b != population or not _claim_free(s, m.start(), m.end()):
            continue
        for count, trait, at in ((a, m.group("ta"), m.start("a")), (b, m.group("tb"), m.start("b"))):
            what = re.sub(r"\s+", " ", trait).strip().lower()
            if _NOT_A_TRAIT.search(what) or has_outcome(what):
                continue
            s.estimates.append(Estimate("PROPORTION", count / population, f"{count}/{population}", at, at + len(str(count)),
                                        events=count, total=population, kind="population", outcome_hint=what,
                                        arm_hint=EVERYONE, role="baseline"))


# "The heart rate was (55 ± 13) bpm, and the systolic pressure was (134 ± 21) mmHg": a quantity of everyone printed as
# a mean ± SD in brackets, the word "mean" left out
_BRACKETED_MEAN_SD = prefiltered(re.compile(
    r"\b(?:the|their|patients'|participants')\s+(?P<q>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+(?:was|were)\s+\(\s*(?P<v>"
    + UNSIGNED + r")\s*(?:\u00b1|\+/-)\s*(?P<sd>" + UNSIGNED + r")\s*\)", re.I))


def _bracketed_mean_sd(s: Sentence, population: int) -> None:
    seg = s.seg
    if "(" not in seg:
        return
    for m in _BRACKETED_MEAN_SD.finditer(seg):
        quantity = re.sub(r"\s+", " ", m.group("q")).strip().lower()
        idx = s.num_at(m.start("v"), m.end("v"))
        if not idx or not s.free(idx[0]) or _NOT_A_BASELINE_MEAN.search(quantity) or has_outcome(quantity) \
                or _NOT_A_TRAIT.search(quantity):
            continue
        est = Estimate("MEAN", float(m.group("v")), m.group("v"), m.start("v"), m.end(), total=population, kind="population",
                       outcome_hint=quantity)
        est.sd = float(m.group("sd"))
        s.claim_span(m.start("v"), m.end())
        _keep(s, est, idx)
