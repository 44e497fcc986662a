"""The two sides of a prognostic estimate: the patient factor it is about and that factor's reference.

A hazard or odds ratio of a risk-factor analysis ("female sex", "age 65 years or older", "baseline CRP per SD")
compares patients who differ in a characteristic, not the trial's arms. Its row names the factor as intervention
and the factor's reference as comparator, so that no reader (nor the pooling step) takes it for a drug effect:
- a table row ("| Female | 0.93 (0.46-1.91) | 0.85 |"): the row's label, against "reference" (a regression table
  leaves its reference levels implicit), or the level the row names ("(ref: never smoker)");
- a sentence ("age of 65 years or older was associated with a higher risk (HR 2.17 ...)"): the phrase before the
  verb, against its complement ("age under 65 years", "no current smoking", "female sex" for "male sex"); a ratio
  per unit of a continuous factor ("HR per SD 1.21") is against "per SD".
A label that names one of the trial's own arms ("Chloroquine treatment") is the treatment effect, not a factor.
"""
from __future__ import annotations

import re

from .lexicon import find_drugs, singular

# what joins a factor to what it does: the factor is the phrase before the first of these
_VERB = re.compile(r"\s+(?:was|were|is|are|has|have|had|did|does|do|remained|predicted|predicts|increased|increases|approached|"
                   r"decreased|reduced|doubled|tripled|raised|conferred|carried|showed|independently|emerged|"
                   r"(?:was|were)\s+(?:not\s+)?(?:associated|linked|related))\b", re.I)
# "Independent predictors were age (HR ...)": a generic subject, the factor comes after the verb
_GENERIC_SUBJECT = re.compile(r"(?i)^(?:the\s+)?(?:(?:only|main|strongest|other|independent|significant)\s+)*"
                              r"(?:predictors?|risk\s+factors?|factors?|variables?|covariates?)\b")
_LEAD = re.compile(r"(?i)^(?:(?:whereas|while|and|but|although|though|however|also|in\s+addition|of\s+these|"
                   # "In logistic regression having X", "In multivariate analyses X", "In the same analysis X", "the
                   # presence of X": where the estimate comes from, or a noun around the factor
                   r"in\s+(?:the\s+same\s+|(?:a\s+|the\s+)?(?:uni|multi)variab?t?e?\s+|(?:a\s+|the\s+)?(?:logistic|cox|"
                   r"multiple|adjusted)\s+)?(?:regression|analys[ie]s|models?)(?:\s+(?:analys[ie]s|models?))?\s*,?|having|"
                   r"the\s+(?:performance|presence|occurrence)\s+of|"
                   r"likewise|similarly|a|an|the|that|as\s+(?:was|were|did|does|do|had))\s+|[,;:]\s*)+")
# what an effect is measured on, not who differs: "the benefit was smaller among smokers" is a subgroup's effect
_NOT_A_FACTOR = re.compile(r"(?i)^(?:benefit|effect|effects|risk|rates?|incidence|number|proportion|odds|hazard|difference|"
                           r"reduction|increase|results?|outcomes?|analys[ie]s|models?|treatment|therapy|adjustment)\b|"
                           # ("blood loss greater than 500 ml" is a threshold, "higher than in controls" a comparison)
                           r"[()\[\]]|\bthan\b(?!\s*\d)|\bamong\b|\d\s*(?:to|-)\s*\d"
                           # "54% reduction in composite outcome", "a 2-point increase in score": a result, not who differs
                           r"|\d\s*%|\b(?:reduction|increase|decrease|improvement|change)\s+(?:in|of)\b"
                           # "mean EPDS", "median stay": a summary of an outcome
                           r"|^(?:mean|median|average)\b")
# "... was smaller among current smokers", "... in patients with X": the estimate is within a subgroup
_WITHIN = re.compile(r"(?i)\b(?:among|in\s+(?:the\s+)?(?:patients|participants|those|subgroups?))\b")
_PRIOR = re.compile(r"(?i)^(?:prior|previous|history\s+of|baseline|pre-?existing|a\s+history\s+of)\b")
PER_UNIT = re.compile(r"(?:\b|(?<=[A-Z]))per\s+(?:(?:1|one)\s+)?(?:SD|s\.d\.|standard\s+deviation)\b", re.I)
_SEX = {"female": "female sex", "females": "female sex", "women": "female sex", "woman": "female sex",
        "male": "male sex", "males": "male sex", "men": "male sex", "man": "male sex"}
_OTHER_SEX = {"female": "male", "male": "female", "women": "men", "men": "women"}


def has_verb(text: str) -> bool:
    """Whether a phrase is a clause ("visceral disease was associated with ...") rather than a list of names."""
    return _VERB.search(text) is not None


def _tidy(label: str) -> str:
    label = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", label)
    label = re.sub(r"\s+", " ", label).strip(" ,;:-")
    return _SEX.get(label.lower(), label)


# the words a trial report calls its own treated arm by ("the intervention", "the study drug", "active treatment")
_TRIAL_ARM_WORD = re.compile(r"(?i)\s*(?:the\s+)?(?:intervention|active\s+treatment|study\s+(?:drug|treatment|intervention)|"
                             r"experimental\s+(?:treatment|arm|group)|intervention\s+(?:group|arm))\s*")


def names_arm(label: str, arm_names) -> bool:
    """Whether a label names one of the trial's arms ("Chloroquine treatment") rather than a characteristic
    ("prior rituximab" is a patient's history, whatever the trial gives)."""
    if _PRIOR.match(label):
        return False
    if arm_names and _TRIAL_ARM_WORD.fullmatch(label):
        return True     # "The intervention was associated with ...": the trial's own arm, named by its role
    low = label.lower()
    drugs = {m.canonical for m in find_drugs(label) if not m.negated}
    return any(a and (a in drugs or re.search(r"(?<![\w-])" + re.escape(a) + r"(?![\w-])", low)) for a in arm_names)


def table_factor(seg: str, pos: int) -> str:
    """The label of the table row (printed as "| label | value | ... |") that holds the value at `pos`, or ""."""
    start = seg.rfind("\n", 0, pos) + 1
    end = seg.find("\n", pos)
    line = seg[start:end if end >= 0 else len(seg)].strip()
    if not line.startswith("|"):
        return ""
    cells = [c.strip() for c in line.strip("|").split("|")]
    if len(cells) < 2 or not re.search(r"[A-Za-z]", cells[0]) or pos < start + line.find(cells[0]) + len(cells[0]):
        return ""
    return _tidy(cells[0])


def sentence_factor(subject: str) -> str:
    """The factor a sentence's estimate is about, from the phrase before its bracket ("visceral disease at
    baseline was associated with shorter survival" -> "visceral disease at baseline"), or "" when there is none."""
    text = _LEAD.sub("", subject.strip())
    verb = _VERB.search(text)
    if verb is None:
        label = text
    else:
        label = text[:verb.start()]
        if _WITHIN.search(text[verb.end():]):
            return ""
        if _GENERIC_SUBJECT.match(label):
            after = text[verb.end():]
            label = re.split(r"(?i)\s+(?:was|were|and|with)\b", _LEAD.sub("", after))[0]
    label = _LEAD.sub("", _tidy(label))
    if _WITHIN.match(label):
        return ""       # "... and in those younger than 80 years (OR 0.66)": who the estimate is within, no factor
    words = label.split()
    if not 1 <= len(words) <= 10 or not re.search(r"[A-Za-z]{2}", label) or _GENERIC_SUBJECT.fullmatch(label) \
            or _NOT_A_FACTOR.search(label):
        return ""
    return label


def reference_of(label: str) -> str:
    """The complement a factor is compared with: "age 65 years or older" -> "age under 65 years", "age above 70
    years" -> "age 70 years or younger", "male sex" -> "female sex", "lack of X" -> "X",
    "abnormal MRI" -> "normal MRI", "current smoking" -> "no current smoking"."""
    low = label.lower()
    # "6 or more vaginal examinations before delivery": a count of something, against "under 6" of it
    m = re.match(r"(?P<lead>.*?)\s*\b(?:of\s+)?(?P<n>\d+)\s+or\s+more\s+(?P<rest>(?!years?\b)[A-Za-z].*)$", label, re.I)
    if m:
        return " ".join(x for x in (m.group("lead").strip(), "under", m.group("n"), m.group("rest").strip()) if x)
    m = re.match(r"(?P<lead>.*?)\s*\b(?:of\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>years?)?\s+or\s+(?:older|more|above|greater|over)\b",
                 label, re.I) or re.match(r"(?P<lead>.*?)\s*(?:\u2265|>=|\bat\s+least)\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>years?)?",
                                          label, re.I)
    if m:
        return " ".join(x for x in (m.group("lead").strip(), "under", m.group("n"), m.group("unit") or "") if x)
    m = re.match(r"(?P<lead>.*?)\s*(?:>|\babove|\bover|\bolder\s+than|\bmore\s+than|\bgreater\s+than)\s*(?P<n>\d+(?:\.\d+)?)\s*"
                 r"(?P<unit>years?)?", label, re.I)
    if m:
        tail = "or younger" if m.group("unit") else "or less"
        return " ".join(x for x in (m.group("lead").strip(), m.group("n"), m.group("unit") or "", tail) if x)
    sex = re.match(r"(?i)(female|male|women|men)\b(.*)$", label)
    if sex:
        return _OTHER_SEX[sex.group(1).lower()] + sex.group(2)
    if low.startswith(("no ", "without ")):
        return re.sub(r"(?i)^(?:no|without)\s+", "", label)
    # "lack of clinical improvement", "absence of fever": the factor is a want of something, its reference having it
    if re.match(r"(?i)(?:a\s+)?(?:lack|absence)\s+of\s+\S", label):
        return re.sub(r"(?i)^(?:a\s+)?(?:lack|absence)\s+of\s+", "", label)
    # "abnormal MRI" against "normal MRI"
    if re.match(r"(?i)abnormal\s+\S", label):
        return re.sub(r"(?i)^ab(normal)", lambda m: m.group(1), label)
    if re.search(r"(?i)\bpositiv\w*$", label):
        return re.sub(r"(?i)positiv\w*$", "negative", label)
    return "no " + label


# "These lesions also increased ...", "This factor", "Such patients": a subject that points back
_DEMONSTRATIVE = re.compile(r"(?i)^(?:this|these|those|that|such)\s+(?P<head>[a-z][\w-]*?)(?:\s+(?:also|too|alone|in\s+turn))?$")
_NP_LEAD = frozenset({"the", "a", "an", "of", "presence", "absence", "occurrence", "development", "having", "and", "or",
                      "with", "that", "this", "these", "those", "in", "on", "at", "was", "were", "is", "are", "by", "for"})
_NP_TAIL = re.compile(r"\s+(?P<tail>(?:during|at|on|after|before|within|in)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)"
                      r"(?=\s+(?:was|were|is|are|had|has|emerged|predicted|increased|remained)\b)")


def resolve_demonstrative(label: str, before: str) -> str:
    """The noun phrase a demonstrative subject points back to: "These lesions" after "The presence of asymptomatic
    lesions during follow-up was associated with ..." is "asymptomatic lesions during follow-up" (the last phrase
    before it whose head is the same noun, with its modifiers and a prepositional phrase of time or place); the
    label itself when nothing before names it."""
    m = _DEMONSTRATIVE.match(label.strip())
    if m is None or not before:
        return label
    head = m.group("head").lower()
    stem = singular(head)
    found = None
    for hit in re.finditer(r"(?i)(?<![\w-])" + re.escape(stem) + r"(?:es|s)?(?![\w-])", before):
        found = hit
    if found is None:
        return label
    words = re.findall(r"[\w-]+", before[max(0, found.start() - 80):found.start()])
    lead = []
    for word in reversed(words):
        if word.lower() in _NP_LEAD or len(lead) >= 3 or re.fullmatch(r"\d+(?:\.\d+)?", word):
            break
        lead.insert(0, word)
    tail = _NP_TAIL.match(before, found.end())
    phrase = " ".join(lead + [found.group(0)]) + (" " + tail.group("tail") if tail else "")
    return phrase if _DEMONSTRATIVE.match(phrase) is None else label


def factor_arms(seg: str, pos: int, subject: str, arm_names, before: str = "") -> tuple[str, str] | None:
    """(factor, reference) of the prognostic estimate whose value is at `pos` of `seg` (a sentence, or a table
    printed as text), `subject` the phrase before its bracket; None when no factor is named or the label names one
    of the trial's arms (`arm_names`, lower case). `before`: the text before the sentence, where a demonstrative
    subject ("These lesions") finds what it points back to."""
    in_table = table_factor(seg, pos)
    if in_table:
        if names_arm(in_table, arm_names):
            return None
        named = re.search(r"(?i)\((?:ref(?:erence)?\s*[:=]?\s*)(?P<ref>[^()]{2,40})\)", seg[seg.rfind("\n", 0, pos) + 1:pos])
        return in_table, (named.group("ref").strip() if named else "reference")
    label = sentence_factor(subject)
    # "the rate of events was reduced during lithium treatment": the subject names the trial's treatment
    if not label or names_arm(label, arm_names) or names_arm(subject.replace(label, " "), arm_names):
        return None
    label = resolve_demonstrative(label, before)
    own = seg[max(0, pos - 40):pos]
    return label, ("per SD" if PER_UNIT.search(own) else reference_of(label))


__all__ = ["PER_UNIT", "factor_arms", "has_verb", "reference_of", "resolve_demonstrative", "sentence_factor",
           "table_factor", "names_arm"]
