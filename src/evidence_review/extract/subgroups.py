"""Which part of the population a table's figure belongs to: the subgroup a column block names.

A table splits its population by columns as often as by arms: "6 to 12 years old | 3 to 5 years old | Less than 3
months" over the counts, "Normals | Asthmatics" spanning "Placebo | Adenosine", "Men | Women", "ITT | Per-protocol",
"Responders | Non-responders", "Patients with diabetes | Patients without diabetes", "Age < 65 | Age >= 65". A figure
under such a column belongs to that part of the population, not to the whole trial; the whole trial has no subgroup.

`population_label` decides whether one header cell names part of the population (and how the label is written: an age
band reads "age 6 to 12 years old", anything else as printed, in lower case). `with_column_subgroups` is the one pass
that gives the rows a table reader read the subgroup of their column: a header row whose cells over the data columns
name two or more parts of the population, none of them an arm of the study model, is a level of subgroups; each row
whose value sits in one of those columns takes the part above it (a subgroup a reader already set stays). A table
whose caption names part of the population in its closing bracket ("Profiles of patients (supracostal access
patients)" after "Profiles of patients (Total patients)") gives that part to its rows left without one
(`caption_subgroup`).

Rows are tied to their cells by the text: a table reader's row carries the span of its table line (or of the whole
table) and the printed value (`value_text`); the cells of the grid carry their own spans. Rows of one span are matched
to the cells that print their value, left to right and top to bottom, each cell once.
"""
from __future__ import annotations

import re

from ..tables import ARM_LEVEL_MEASURES, DESCRIPTIVE_MEASURES, is_blank

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
# a category of a characteristic that is a band of numbers, its unit left to the row above: "18-29", "<6",
# "10,001-20,000", ">30,000", "50 or above", "75+" (the age and income bands of a baseline table's second label column)
_GROUPED_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_CATEGORY_BAND = re.compile(
    r"(?i)\s*(?:" + _GROUPED_NUMBER + r"\s*(?:to|[-\u2010-\u2015\u2212~])\s*" + _GROUPED_NUMBER
    + r"|" + _BOUND + r"\s*" + _GROUPED_NUMBER
    + r"|" + _GROUPED_NUMBER + r"\s*(?:(?:and|or)\s+(?:over|older|above|more|younger|under|less|below)|\+))"
    r"\s*(?:" + _AGE_UNIT + r"|[a-z]{1,8}\$?|%)?\s*")


def category_band(text: str) -> bool:
    """Whether a row label is a category that is a band of numbers ("18-29", "<10,000", "50 or above"), not a figure."""
    return bool(text) and _CATEGORY_BAND.fullmatch(str(text)) is not None


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


# a caption's last bracket: "Table 3. Profiles of patients (supracostal access patients)."
_CAPTION_BRACKET = re.compile(r"\((?P<inner>[^()]{3,60})\)\s*[.:]?\s*$")
# "(upper-pole access patients)", "(obese participants)": a few words naming a kind of patient, no figure
_KIND_OF_PATIENTS = re.compile(r"(?i)\s*(?P<kind>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+(?:patients|participants|subjects|"
                               r"cases|women|men|children|infants)\s*")
# the whole trial in a caption's bracket: "(Total patients)", "(all participants)", "(whole sample)", "(both groups)"
_WHOLE_TRIAL = re.compile(r"(?i)\s*(?:total|all|whole|entire|overall|both|study|randomi[sz]ed|enrolled|included|"
                          r"intention|intent|itt|mitt|per[- ]protocol|pp|full|safety|evaluable|analy[sz]ed)\b")


def caption_subgroup(caption: str, others: list[str] = (), is_arm=None) -> str:
    """The part of the population a table describes when its caption says so in its closing bracket, or "":
    a group `population_label` knows ("(women)", "(patients aged 65 years or older)", "(patients with diabetes)"),
    or a kind of patient ("(supracostal access patients)") when another caption of the document is the same but
    for its bracket (the table printed for the whole trial, then for that part of it). The whole trial ("(Total
    patients)", "(all participants)", an analysis set) and an arm (`is_arm`) name no subgroup."""
    caption = re.sub(r"\s+", " ", str(caption or "")).strip()
    found = _CAPTION_BRACKET.search(caption)
    if found is None:
        return ""
    inner = found.group("inner").strip()
    if _WHOLE_TRIAL.match(inner) or re.search(r"\d", inner) and not _AGE_WORD.search(inner) \
            or (is_arm is not None and is_arm(inner)):
        return ""
    known = population_label(inner)
    if known.startswith(("age ", "aged ")) or _SEX_OR_STAGE.fullmatch(known):
        return known        # an age band or a sex is never the whole trial's description in a bracket
    kind = _KIND_OF_PATIENTS.fullmatch(inner)
    if not known and (kind is None or _NOT_PEOPLE.fullmatch(kind.group("kind"))):
        return ""
    # any other kind of patient may be the whole trial's ("(diabetic patients)"): a part of it only when the document
    # prints the same table for another part or the whole ("Profiles of patients (Total patients)")
    stem = _caption_stem(caption)
    if any(_caption_stem(o) == stem and _CAPTION_BRACKET.search(re.sub(r"\s+", " ", o).strip()) is not None
           and re.sub(r"\s+", " ", o).strip() != caption for o in others):
        return known or inner.lower()
    return ""


_SEX_OR_STAGE = re.compile(r"(?:all\s+)?(?:men|women|males?|females?|boys|girls|children|adults|adolescents|infants|"
                           r"neonates|elderly)")


# "... among subjects with an initial level less than 0.40 mmol/L ...", "in patients with a baseline score of 20 or
# more": a clause naming the people of the table by a threshold of a measure (the whole trial is never named so: its
# inclusion is a condition, not a cut-off of a value); it ends where the caption goes on to when or what
_AMONG_CLAUSE = re.compile(
    r"(?i)\b(?:among|in|for)\s+(?:the\s+)?(?:patients|subjects|participants|individuals|children|women|men|those|"
    r"persons|people|cases)\s+(?P<said>(?:with|who\s+(?:had|have))\s+.+?)(?=\s+(?:before|after|at|during|over|"
    r"treated|receiving|randomi[sz]ed|by|according|with\s+different|and\s+(?:the|in|after|before))\b|\s*[.,;:(]\s|"
    r"\s*[.;:]?\s*$)")
_THRESHOLD = re.compile(r"(?i)(?:[<>\u2264\u2265]=?|\b(?:less|more|greater|fewer|lower|higher)\s+than|\bbelow|\babove|"
                        r"\bunder|\bover|\bat\s+least|\bor\s+(?:more|less|above|below))\s*[^\s\d]{0,12}\s*\d|"
                        r"\d(?:[.,]\d+)?\s*[^\s\d]{0,12}\s+or\s+(?:more|less|above|below|higher|lower)\b")


def clause_subgroup(caption: str) -> str:
    """The part of the population a caption names in a clause with a threshold ("Blood pressure among subjects with
    an initial magnesium level in urine less than 0.40 mmol/L before and after ..." -> "with an initial magnesium
    level in urine less than 0.40 mmol/L"), or "": a clause without a threshold ("in patients with asthma") names
    the whole trial as often as a part of it."""
    found = _AMONG_CLAUSE.search(re.sub(r"\s+", " ", str(caption or "")))
    if found is None or not _THRESHOLD.search(found.group("said")):
        return ""
    return re.sub(r"(?i)^who\s+(?:had|have)\s+", "with ", found.group("said").strip(" ,;:."))


# a heading naming a measure's range: "eGFR >= 60 mL/min", "HbA1c < 7%", "BMI 30 or more", "Score below 10 (n = 41)"
_MEASURE_RANGE = re.compile(r"(?i)\s*(?P<what>[a-z][\w\s/().,'-]{0,40}?)\s*(?:[<>\u2264\u2265]=?|=<|>=|\b(?:less|more|greater|"
                            r"lower|higher)\s+than\b|\b(?:below|above|under|over|at\s+least)\b)\s*\d+(?:[.,]\d+)?[^:;]{0,30}|"
                            r"\s*(?P<what2>[a-z][\w\s/().,'-]{0,40}?)\s*\d+(?:[.,]\d+)?\s*[^\s\d:;]{0,12}\s*or\s+(?:more|less|"
                            r"above|below|higher|lower|greater)\b[^:;]{0,20}")
# a heading of a time, not of patients: "Day >= 3", "After > 2 weeks", "Follow-up < 6 months"
_TIME_HEAD = re.compile(r"(?i)\s*(?:day|week|month|year|hour|visit|time|follow[- ]?up|after|before|at|during|period|"
                        r"duration)\b")


def measure_range_stratum(heading: str) -> str:
    """The stratum a heading row with no figures names by a range of a measure ("eGFR >= 60 mL/min/1.73 m2",
    "HbA1c < 7%", "Baseline score 20 or more", "CD4 count below 200 (n = 41)"), as printed without its size, or "":
    the rows under it are that part of the patients. A range of a time ("Day >= 3", "Follow-up < 6 months") or of
    nothing named ("> 5") is none here (a bare bound is the table reader's own stratum)."""
    text = _SIZE.sub("", re.sub(r"\s+", " ", str(heading or ""))).strip(" :,;")
    if not text or len(text) > 70:
        return ""
    found = _MEASURE_RANGE.fullmatch(text)
    # a bound only inside brackets defines an outcome ("Remission (score <= 2.8)", "Response (>= 50 % fall)"): no stratum
    if found is None or not _MEASURE_RANGE.fullmatch(re.sub(r"\s*[(\[][^()\[\]]*[)\]]", " ", text).strip()):
        return ""
    what = (found.group("what") or found.group("what2") or "").strip()
    if not re.search(r"[A-Za-z]{2}", what) or _TIME_HEAD.match(what) or re.match(r"(?i)p(?:[- ]?values?)?\b|signific", what):
        return ""
    return text


# "... for Level II neck dissection patients only", "in patients with a prior stroke only", "among completers only":
# the caption restricts its table to a part of the patients and says so by "only"
_ONLY_CLAUSE = re.compile(
    r"(?i)\b(?:in|for|among|of)\s+(?:the\s+)?(?:(?P<kind>(?:(?!\b(?:in|for|among|of)\s)[^,.;:()]){2,60}?)\s+(?:patients|participants|subjects|cases|"
    r"individuals|women|men|children|infants)|(?:patients|participants|subjects|cases|individuals|those)\s+"
    r"(?P<said>(?:with|without|who)\s+[^,.;:()]{2,60}?)|(?P<people>[a-z-]{4,}(?:ers|ics|ors|ants|ents)))\s+only\b")


def only_clause_subgroup(caption: str, is_arm=None) -> str:
    """The part of the patients a caption restricts its table to with "only" ("ΔX results for Level II neck
    dissection patients only" -> "Level II neck dissection"; "in patients with a prior stroke only" -> "with a prior
    stroke"; "among completers only" -> "completers"), or "": without "only" such a clause names the whole trial as
    often as a part of it. An arm ("in the placebo group only") is no such part: the clause names patients."""
    found = _ONLY_CLAUSE.search(re.sub(r"\s+", " ", str(caption or "")))
    if found is None:
        return ""
    said = (found.group("kind") or found.group("said") or found.group("people") or "").strip(" ,;:.")
    said = re.sub(r"(?i)^who\s+(?:had|have|were|are)\s+", "with ", said) if found.group("said") else said
    if not re.search(r"[A-Za-z]{2}", said) or _WHOLE_TRIAL.match(said) or _NOT_PEOPLE.fullmatch(said) \
            or (is_arm is not None and is_arm(said)):
        return ""
    return said


def _caption_stem(caption: str) -> str:
    """A caption without its number and its closing bracket: "Table 3. Profiles of patients (...)" -> "profiles of
    patients"."""
    text = re.sub(r"\s+", " ", str(caption or "")).strip()
    text = _CAPTION_BRACKET.sub("", text)
    text = re.sub(r"(?i)^\s*(?:supplementary\s+)?(?:table|tab\.)\s*[A-Z]?\d+[a-z]?\s*[.:|-]?\s*", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def with_caption_subgroups(rows: list[dict], structure: dict | None, is_arm=None) -> list[dict]:
    """The rows read from a table whose caption names part of the population (`caption_subgroup`, else a clause with
    a threshold: `clause_subgroup`), those without a subgroup given it (a baseline row too: its part's baseline)."""
    tables = (structure or {}).get("tables") or []
    captions = [str(t.get("caption") or "") for t in tables]
    for table in tables:
        label = caption_subgroup(str(table.get("caption") or ""), captions, is_arm) \
            or clause_subgroup(str(table.get("caption") or "")) \
            or only_clause_subgroup(str(table.get("caption") or ""), is_arm)
        if not label:
            continue
        for row in rows_inside(rows, table):
            if is_blank(row.get("subgroup")):
                row["subgroup"] = label
    return rows


def rows_inside(rows: list[dict], table: dict) -> list[dict]:
    """The rows whose span lies inside a table's span (a table reader's rows: its lines, not a sentence that starts at
    the caption); none when the table or a row has no span."""
    try:
        start, end = int(table.get("start")), int(table.get("end"))
    except (TypeError, ValueError):
        return []
    inside = []
    for row in rows:
        try:
            if start <= int(row.get("start")) and int(row.get("end")) <= end + 1:
                inside.append(row)
        except (TypeError, ValueError):
            continue
    return inside


# ---------------------------------------------------------------- strata of a table's stub

# "The mean of FEV1 according to sex, age distribution and smoking", "Pain score stratified by age and sex": one
# outcome printed per stratum of the characteristics the caption lists
_BY_STRATA = re.compile(r"(?i)^(?P<outcome>.+?)\s+(?:according\s+to|stratified\s+by|by|across|in\s+relation\s+to|"
                        r"in\s+(?:sub)?groups?\s+(?:of|by))\s+(?P<strata>.+)$")
# the words before a caption's outcome: "The mean of", "Mean ± SD of", "Number of", "Values of"
_OUTCOME_LEAD = re.compile(r"(?i)^\s*(?:the\s+)?(?:(?:mean|means|median|average|values?|levels?|changes?\s+in)"
                           r"(?:\s*(?:\(\s*)?(?:\u00b1|\+/-)\s*(?:SD|SE)\s*\)?)?\s+(?:of\s+)?(?:the\s+)?)?")
# captions naming no outcome of their own: a table of the patients' characteristics or of "outcomes" in general
# (nor a distribution of the patients themselves: "Frequency distribution of the study population by age and sex"
# counts the strata, each row a characteristic of the patients)
_NO_OUTCOME = re.compile(r"(?i)\b(?:characteristics?|demographics?|profiles?|variables|data|outcomes?|results|"
                         r"parameters|findings|distributions?|frequenc(?:y|ies)|populations?|persons|people|patients|"
                         r"participants|subjects|individuals|cases|respondents)\b")
_SEX_HEADING = re.compile(r"(?i)\s*(?:sex|gender)\s*")
_NONE_CATEGORY = re.compile(r"(?i)\s*(?:none|no|never|non[- ]?\w+)\s*")
_TEST_LABEL = re.compile(r"(?i)\s*(?:p(?:[- ]?values?)?|sig\.?|total|all|overall)\s*")


def stratum_label(heading: str, category: str) -> str:
    """The subgroup a two-cell stub names ("Sex | Male" -> "male"; "Age (Year) | <45" -> "age <45 year"; "Smoking
    (cigarettes/month) | None" -> "no smoking"; "Smoking (cigarettes/month) | > 50" -> "smoking > 50 per month";
    "Addiction | Oral use" -> "addiction: oral use"): the category alone for a sex, "no X" for a category of none,
    a bound or a band with the heading and its unit (the unit's words the heading already says left out), else
    "heading: category"."""
    head = re.sub(r"\s+", " ", heading or "").strip(" :")
    cat = re.sub(r"\s+", " ", category or "").strip(" :")
    unit_match = re.search(r"\(([^()]*)\)\s*$", head)
    name = head[:unit_match.start()].strip() if unit_match else head
    if _SEX_HEADING.fullmatch(name):
        return cat.lower()
    if _NONE_CATEGORY.fullmatch(cat):
        return f"no {name.lower()}"
    if re.match(r"\s*(?:[<>\u2264\u2265]|\d)", cat):
        unit = re.sub(r"\s*/\s*", " per ", unit_match.group(1)) if unit_match else ""
        said = set(re.findall(r"[a-z]+", name.lower()))
        unit_words = [w for w in unit.split() if w.lower().rstrip("s") not in {x.rstrip("s") for x in said}]
        return " ".join(p for p in (name.lower(), cat, " ".join(unit_words).lower()) if p)
    return f"{name.lower()}: {cat.lower()}"



# the answers of a yes/no characteristic: "Diabetes" over "Yes" is the patients with diabetes, over "No" those without
_YES_CATEGORY = re.compile(r"(?i)\s*(?:yes|present|positive)\s*")
_NO_CATEGORY = re.compile(r"(?i)\s*(?:no|none|never|absent|negative)\s*")
# what a heading row may print after the characteristic: its format or a size ("Diabetes, n (%)", "Age, years (n)")
_HEADING_FORMAT = re.compile(r"(?i)(?:\s*[,;]\s*|\s+)(?:n\s*\(\s*%\s*\)|no\.\s*\(\s*%\s*\)|%|n)\s*$|\s*\(\s*(?:%|n)\s*\)\s*$")


def category_subgroup(heading: str, category: str) -> str:
    """The subgroup a category row names under a heading row of the patients' characteristic (a subgroup table's
    "Diabetes" over "Yes | No", "Age" over "< 65 years | >= 65 years"): a yes the characteristic itself ("diabetes"),
    a no its absence ("no diabetes"), a category naming its people on its own as `population_label` writes it ("Men",
    "Current smokers"; an age band with "age"), a bound or a band with the characteristic ("ejection fraction <= 35%"),
    any other category with its characteristic (`stratum_label`). Without a heading, the category as printed."""
    cat = re.sub(r"\s+", " ", category or "").strip(" :")
    head = _HEADING_FORMAT.sub("", re.sub(r"\s+", " ", heading or "").strip(" :")).strip(" ,;:")
    if not head or head.lower() in cat.lower():
        return cat
    if _YES_CATEGORY.fullmatch(cat):
        return head.lower()
    if _NO_CATEGORY.fullmatch(cat):
        return f"no {head.lower()}"
    said = population_label(cat, head)
    unit = re.search(r"(?i)\b" + _AGE_UNIT + r"(?=\W*$|\s*\))", head)
    if said.startswith(("age ", "aged ")) and unit and not re.search(r"(?i)\d\s*" + _AGE_UNIT + r"\b", cat):
        return f"{said} {unit.group(0).lower()}"      # "Age in years" over "< 30": "age < 30 years"
    if said and not _BOUND_CATEGORY.match(cat) or said.startswith(("age ", "aged ")):
        return said
    if not _BOUND_CATEGORY.match(cat) and _stems(cat) & _stems(head):
        return cat.lower()      # "Smoking status" over "Current smokers": the category says whose it is
    return stratum_label(head, cat)


def _stems(text: str) -> set[str]:
    """The first four letters of each word of four letters or more ("smoking", "smokers" -> "smok")."""
    return {w[:4] for w in re.findall(r"[a-z]{4,}", text.lower())}

def stub_strata(table: dict) -> tuple[str, dict[int, str]]:
    """(the caption's outcome, {grid row: subgroup}) of a table printing one outcome per stratum of the patients'
    characteristics: a caption "<outcome> according to / by / stratified by <characteristics>" over a stub of two
    columns whose first names a characteristic the caption lists ("Sex", "Age (Year)") and whose second names its
    categories ("Male", "<45"). ("", {}) for any other table."""
    caption = re.sub(r"\s+", " ", str(table.get("caption") or "")).strip()
    caption = re.sub(r"(?i)^\s*(?:supplementary\s+)?(?:table|tab\.)\s*[A-Z]?\d+[a-z]?\s*[.:|-]?\s*", "", caption)
    found = _BY_STRATA.match(caption.rstrip(" ."))
    if found is None:
        return "", {}
    outcome = _OUTCOME_LEAD.sub("", found.group("outcome")).strip(" ,;:")
    if not outcome or _NO_OUTCOME.search(outcome):
        return "", {}
    listed = set(re.findall(r"[a-z]{3,}", found.group("strata").lower()))
    grid = _grid(table)
    header_rows = int(table.get("header_rows") or 0)
    strata: dict[int, tuple[str, str]] = {}
    for r in sorted(grid)[header_rows:]:
        cells = grid[r]
        head, cat = (str((cells.get(c) or {}).get("text") or "").strip() for c in (0, 1))
        if head and cat and head != cat and not _TEST_LABEL.fullmatch(cat) and not re.search(r"\d", head) \
                and not re.search(r"(?i)\btest\b|\bp\s*[=<>]", cat):
            strata[r] = (head, cat)
    headings = {h for h, _ in strata.values()}
    named = {h for h in headings if set(re.findall(r"[a-z]{3,}", re.sub(r"\([^()]*\)", " ", h).lower())) & listed}
    if not headings or len(named) < min(2, len(headings)) or len(strata) < 2 * len(named):
        return "", {}
    # (once the caption's list is the stub's, every characteristic of the stub is one: "Cigarettesmoking" misprinted)
    return outcome, {r: stratum_label(h, c) for r, (h, c) in strata.items()}


def people_stub_strata(table: dict) -> tuple[str, dict[int, str]]:
    """(the caption's outcome, {grid row: subgroup}) of a table printing one outcome per group of people in a stub of
    one column: a caption "<outcome> by / according to <characteristics>" ("Incidence of delirium by sex") over rows
    each naming a group `population_label` knows ("Female", "Male"; "Age < 65 years", "Age >= 65 years"), two or more
    of them, every other row a test or a total ("P value", "Total"). ("", {}) for any other table (a caption naming
    no outcome of its own: "Patients by sex" counts the sexes)."""
    caption = re.sub(r"\s+", " ", str(table.get("caption") or "")).strip()
    caption = re.sub(r"(?i)^\s*(?:supplementary\s+)?(?:table|tab\.)\s*[A-Z]?\d+[a-z]?\s*[.:|-]?\s*", "", caption)
    found = _BY_STRATA.match(re.sub(r"(?:\s*\b[a-z](?:\s*,\s*[a-z])*)?\s*[.]?$", "", caption))
    if found is None:
        return "", {}
    outcome = _OUTCOME_LEAD.sub("", found.group("outcome")).strip(" ,;:")
    if not outcome or _NO_OUTCOME.search(outcome):
        return "", {}
    grid = _grid(table)
    out: dict[int, str] = {}
    for r in _head_and_body(grid, table)[1]:
        cells = grid[r]
        label = str((cells.get(0) or {}).get("text") or "").strip()
        if not label or _TEST_LABEL.fullmatch(label) or re.fullmatch(r"(?i)\s*p[- ]?values?\s*|\s*n\s*", label):
            continue
        said = population_label(label)
        if not said:
            return "", {}
        out[r] = said
    return (outcome, out) if len(set(out.values())) >= 2 else ("", {})


def with_stub_strata(rows: list[dict], structure: dict | None) -> list[dict]:
    """The rows read from a table of one outcome per stratum (`stub_strata`): the caption's outcome, the stratum as
    the subgroup, and the role of an outcome (`baseline` only for a value measured before the intervention; the
    characteristic in the stub made the reader take the row for a baseline one)."""
    from .meaning import is_first_measurement   # (the meaning layer owns what a time says of a row's role)
    for table in (structure or {}).get("tables") or ():
        outcome, strata = stub_strata(table)
        if not strata:
            outcome, strata = people_stub_strata(table)
        if not strata:
            continue
        for row, line, _ in placed_rows(rows, table):
            label = strata.get(line)
            if not label or str(row.get("measure") or "").upper() not in ARM_LEVEL_MEASURES:
                continue
            row["outcome"], row["subgroup"] = outcome, label
            if str(row.get("role") or "") in ("baseline", "effect", "subgroup", ""):
                # (another study's table, `secondary`, stays so)
                row["role"] = "baseline" if is_first_measurement(str(row.get("timepoint") or "")) else "effect"
    return rows


# a category that can only be a part of the patients: a bound or a band ("<= 20", "> 7 days", "45-60", "< 3 cm"),
# a yes or no of a trait ("Yes", "No", "Present", "Absent")
_BOUND_CATEGORY = re.compile(r"\s*(?:[<>\u2264\u2265]=?|=<|>=)\s*\d|\s*\d+(?:\.\d+)?\s*(?:[-\u2013]|to)\s*\d")
_YES_NO = re.compile(r"(?i)\s*(?:yes|no|present|absent)\s*")
# the statistics a heading row may name instead of a characteristic ("Mean (SD)", "n (%)")
_STATISTIC_HEADING = re.compile(r"(?i)\s*(?:mean|median|n|no\.?|number|sd|iqr|range|%|total|p[- ]?values?)\b")
# what a heading row's categories are when they are times or moments: no part of the patients
_TIME_CATEGORY = re.compile(r"(?i)\s*(?:baseline|before|after|pre|post|week|day|month|year|hour|visit|follow|end|"
                            r"initial|final|\d+\s*(?:weeks?|days?|months?|years?|h|hours?|min)\s*$)")


def _heading_blocks(table: dict) -> list[tuple[str, dict[int, str]]]:
    """[(heading, {grid row: category})] of a table whose stub is printed in blocks: a heading row with no figure
    (its text alone, or repeated across the whole row) over rows of its categories."""
    grid = _grid(table)
    header_rows = int(table.get("header_rows") or 0)
    blocks: list[tuple[str, dict[int, str]]] = []
    for r in sorted(grid)[header_rows:]:
        cells = grid[r]
        texts = [str(c.get("text") or "").strip() for _, c in sorted(cells.items())]
        first = texts[0] if texts else ""
        if first and all(t in ("", first) for t in texts[1:]) and not re.search(r"\d\s*[(%\u00b1]|^\s*[-\u2212]?\d", first):
            blocks.append((first, {}))
        elif blocks and first:
            blocks[-1][1][r] = first
    return [(h, cats) for h, cats in blocks if len(cats) >= 2]


def _stratum_block(heading: str, categories: list[str]) -> bool:
    """Whether a heading row's categories are parts of the patients: one at least a bound, a band, a yes or no, or a
    group `population_label` knows; none a time or a moment; the heading no statistic."""
    if _STATISTIC_HEADING.match(heading) or any(_TIME_CATEGORY.match(c) and not _BOUND_CATEGORY.match(c)
                                                  for c in categories):
        return False
    return any(_BOUND_CATEGORY.match(c) or _YES_NO.fullmatch(c) or population_label(c, heading) for c in categories)


def heading_strata(table: dict) -> dict[int, str]:
    """{grid row: subgroup} of a table printing an outcome per stratum of the patients in blocks of its stub: heading
    rows naming characteristics ("Age (years)", "Smoking", "Parity") over rows of their categories ("<= 20", "> 20";
    "Yes", "No"; "Primiparous", "Multiparous"). A table is so when two of its blocks (or its only one) have categories
    only parts of the patients can be (`_stratum_block`); each category row's subgroup is `stratum_label`, a "Yes"
    the heading itself. {} for any other table (a block of times, of statistics, or of an outcome's own categories)."""
    blocks = _heading_blocks(table)
    strata_blocks = [b for b in blocks if _stratum_block(b[0], list(b[1].values()))]
    if not strata_blocks or (len(strata_blocks) < 2 and len(blocks) > 1):
        return {}
    out: dict[int, str] = {}
    for heading, categories in blocks:
        for r, category in categories.items():
            if _TEST_LABEL.fullmatch(category) or _TIME_CATEGORY.match(category) and not _BOUND_CATEGORY.match(category):
                continue
            out[r] = re.sub(r"\s+", " ", heading).strip(" :").lower() if re.fullmatch(r"(?i)\s*(?:yes|present)\s*", category) \
                else people_category(heading, category) or stratum_label(heading, category)
    return out


def people_category(heading: str, category: str) -> str:
    """The subgroup a category row names on its own when it is a group of people ("Females", "Men", "Smokers",
    "Patients with diabetes" under "Body weight, kg"), as `population_label` writes it; "" for a bound or a band
    (its heading says what is bounded) and for any other category. Such a row is a part of the patients whatever
    the table is: a baseline table's "Body weight" over "All | Females | Males" gives each sex's mean."""
    if _BOUND_CATEGORY.match(category or ""):
        return ""
    return population_label(category, heading)


def _spanning_header(table: dict, col: int) -> str:
    """The header above a column that spans it and its neighbour ("Mean healing time in weeks" over the arms' columns),
    or ""."""
    grid = _grid(table)
    header_rows = int(table.get("header_rows") or 0)
    for r in sorted(grid)[:header_rows]:
        text = str((grid[r].get(col) or {}).get("text") or "").strip()
        if text and any(str((grid[r].get(c) or {}).get("text") or "").strip() == text for c in (col - 1, col + 1)) \
                and re.search(r"[A-Za-z]{3}", text):
            return text
    return ""


def with_heading_strata(rows: list[dict], structure: dict | None) -> list[dict]:
    """The figures read from a table of one outcome per stratum in blocks of its stub (`heading_strata`): an arm's
    mean or median, or an effect between the arms, in a category row belongs to that part of the patients (the
    subgroup), its outcome the header spanning the arms' columns when there is one; a mean read as a baseline is an
    outcome when its line also compares the arms. A count in such a row stays as read: the patients of a category
    counted are a distribution of the characteristic (a baseline table's look)."""
    for table in (structure or {}).get("tables") or ():
        strata = heading_strata(table)
        if not strata:
            continue
        people = {label for heading, categories in _heading_blocks(table) for category in categories.values()
                  for label in [people_category(heading, category)] if label}
        placed = placed_rows(rows, table)
        spanning = next((h for row, _, col in placed if str(row.get("measure") or "").upper() in DESCRIPTIVE_MEASURES
                         for h in [_spanning_header(table, col)] if h), "")
        # a line comparing the arms (a difference, a ratio) measures an outcome: its arms' means are no baseline
        compared = {line for row, line, _ in placed if str(row.get("measure") or "").upper() not in ARM_LEVEL_MEASURES}
        for row, line, _ in placed:
            label = strata.get(line)
            if not label or str(row.get("measure") or "").upper() == "PROPORTION" or not is_blank(row.get("subgroup")):
                continue
            if str(row.get("role") or "") == "baseline":
                if line in compared:
                    row["role"] = "effect"
                elif label not in people:
                    continue    # (a baseline mean under another category stays the whole arm's)
            row["subgroup"] = label
            if spanning:
                row["outcome"] = spanning
    return rows



# ---------------------------------------------------------------- section rows over repeated blocks

# a section row naming the whole of what the other sections split: "All patients", "Overall", "Total", "Whole sample"
_WHOLE_SECTION = re.compile(r"(?i)\s*(?:overall|total|whole(?:\s+sample)?|all\s+(?:patients|participants|subjects|"
                            r"children|individuals|randomi[sz]ed|cases|persons|people)|m?itt|intent(?:ion)?[- ]to[- ]treat)\b")
# a row label that is no measure of its own: a size row, a statistic or an answer ("n", "Mean", "SD", "Yes", "No")
# a row label naming a moment as a whole word ("Week 4", "Baseline", "Post"; "Weekday steps" no moment)
_TIME_LABEL = re.compile(_TIME_CATEGORY.pattern + r"\b")
_NO_MEASURE_LABEL = re.compile(r"(?i)\s*(?:n|no\.?|number|total|all|overall|mean|median|sd|se|sem|iqr|range|min|max|"
                               r"yes|no|none|present|absent|p(?:[- ]?values?)?|sig\.?)\s*[.:]?\s*")


def _head_and_body(grid: dict[int, dict[int, dict]], table: dict) -> tuple[list[int], list[int]]:
    """(header grid rows, body grid rows) of a table: its first `header_rows` rows, or the rows it lists as its header
    (a table a reader cut out of another names its header rows)."""
    said = table.get("header_rows") or 0
    if isinstance(said, (list, tuple, set, frozenset)):
        heads = {int(r) for r in said}
        return [r for r in sorted(grid) if r in heads], [r for r in sorted(grid) if r not in heads]
    return sorted(grid)[:int(said)], sorted(grid)[int(said):]


def _section_rows(grid: dict[int, dict[int, dict]], body: list[int]) -> dict[int, str]:
    """{grid row: text} of the body's section rows: a stub text whose other cells are empty or the same text again
    (a row spanning the table)."""
    out: dict[int, str] = {}
    for r in body:
        cells = grid[r]
        if not cells:
            continue
        stub = re.sub(r"\s+", " ", str((cells.get(min(cells)) or {}).get("text") or "")).strip()
        others = {re.sub(r"\s+", " ", str(c.get("text") or "")).strip() for col, c in cells.items() if col != min(cells)}
        if stub and re.search(r"[A-Za-z]{2}", stub) and others <= {"", stub}:
            out[r] = stub
    return out


def _measure_key(label: str) -> str:
    """A row label as compared between blocks: lower case, spaces and a trailing format or size left out."""
    text = _SIZE.sub("", re.sub(r"\s+", " ", label or "")).strip(" :;,.").lower()
    return re.sub(r"\s*[,(\[][^,()\[\]]*[)\]]?\s*$", "", text) or text


# a cell counting patients: "12 (21.8)", "22 % (12/55)", "12/55": under sections repeating their rows, the categories of
# an outcome counted per section ("Return to work" / "Return to sport" over "No return | Below level | Normal level")
_COUNT_CELL = re.compile(r"\s*(?:\d+\s*[(\[]\s*\d+(?:[.,]\d+)?\s*%?\s*[)\]]|\d+(?:[.,]\d+)?\s*%\s*[(\[]\s*\d+\s*/\s*\d+\s*[)\]]|"
                         r"\d+\s*/\s*\d+)\s*[*\u2020\u2021a-z]?\s*")


# a section naming a moment or a phase of the study by words ("During surgery", "Postoperative", "Washout period",
# "Intervention phase", "At rest", "Exercise session"): when the block was measured, never a part of the patients
_MOMENT_SECTION = re.compile(r"(?i)\b(?:pre|post|intra|peri)[- ]?\w*|\b(?:during|while|until|before|after|since)\b|"
                             r"\b(?:periods?|phases?|sessions?|stages?|cycles?|visits?|follow[- ]?up|baseline|end|"
                             r"treatment|therapy|intervention|surgery|operati\w*|an(?:a)?esthe\w*|induction|recovery|"
                             r"discharge|admission|washout|run[- ]?in|exercise|rest|trials?|tests?|conditions?)\b")


def repeated_block_sections(table: dict, is_arm=None) -> dict[int, str]:
    """{section row: subgroup} of a table whose section rows each head the same measures again ("All days", "School
    days", "Weekend days" over "Daily counts | Sedentary time | ..." each; "Including dropouts" / "Completers only"
    over the same characteristics): the section splits something other than the measures, so each block's figures
    belong to that part (the section's text, in lower case; "" for the whole of it: "Overall", "All patients").
    A section is such when two or more of its measure labels are printed under another section too and they are half
    its block or more, and three sections or more are such (two sections over the same measures split what is
    measured as often as who: validation batches 20, 21 and 25 lost subgroup labels with two). No section is one when the repeated labels are times, statistics, answers, groups of people or
    arms (then each section names a measure or a moment: "Systolic BP" over "Week 0 | Week 4"; "Weight" over "Men |
    Women"; "At induction" over "Drug K group | Placebo group"), nor when a block counts patients ("12 (21.8)",
    "22 % (12/55)": the categories of an outcome counted per section, "Return to work" over "No return | Below
    level"), nor one
    naming a time, a format or an arm. {} for any other table ("Vital signs" over its own measures)."""
    from .table_reader import header_says_how_or_when     # (the table reader owns the vocabulary of a header's format)
    from .timepoints import first_timepoint, is_timepoint
    grid = _grid(table)
    body = _head_and_body(grid, table)[1]
    sections = _section_rows(grid, body)
    if len(sections) < 2:
        return {}
    blocks: dict[int, list[str]] = {}
    current = None
    for r in body:
        if r in sections:
            current = r
            blocks[r] = []
            continue
        cells = grid[r]
        if current is None or not cells:
            continue
        if any(_COUNT_CELL.fullmatch(str(c.get("text") or "")) for col, c in cells.items() if col != min(cells)):
            return {}       # (counts of patients repeated under each section: an outcome's categories, no measures)
        label = str((cells.get(min(cells)) or {}).get("text") or "")
        key = _measure_key(label)
        # (a statistic, a format, an interval or an effect is no measure: "Mean change", "95% CI", "Difference";
        # a measure named from its time, "Time spent sedentary", is one)
        if key and not _NO_MEASURE_LABEL.fullmatch(key) and not (header_says_how_or_when(label)
                                                                 and not re.match(r"(?i)\s*time\s+[a-z]", label)):
            blocks[current].append(key)
    out: dict[int, str] = {}
    for r, keys in blocks.items():
        heading = sections[r]
        own = set(keys)
        if len(own) < 2 or header_says_how_or_when(heading) or is_timepoint(heading) or first_timepoint(heading) \
                or _MOMENT_SECTION.search(heading) \
                or (is_arm is not None and is_arm(heading)):
            continue
        shared = max((own & set(other) for o, other in blocks.items() if o != r), key=len, default=set())
        if len(shared) < 2 or 2 * len(shared) < len(own):
            continue
        if any(is_timepoint(k) or _TIME_LABEL.match(k) or _BOUND_CATEGORY.match(k) or population_label(k)
               for k in shared):
            continue
        if is_arm is not None and all(is_arm(k) for k in shared):
            continue        # (the arms as rows under each section: a study model reads a measure's word as an arm's too)
        out[r] = "" if _WHOLE_SECTION.match(heading) else heading.lower()
    return out if len(out) >= 3 else {}


# a moment or a period named by a code or an ordinal: "T1", "T2", "P1", "V3", "Period 2", "Phase II", "Session 3",
# "Time 1", "1st period" (a crossover's periods, a study's visits): when the figures were measured, never a part of
# the patients, however a header joins it to an arm's name ("Drug X T1")
_PERIOD_CODE = re.compile(r"(?i)\s*(?:[tvp]\s?\d{1,2}|(?:period|phase|session|time|visit|wave|round)\s*"
                          r"(?:\d{1,2}|[ivx]{1,4}|one|two|three|four)|(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|"
                          r"last|final)\s+(?:period|phase|session|visit|wave|round))\s*")


def names_a_period(label: str) -> bool:
    """Whether a label that tells apart columns of one arm names a moment or a period by a code or an ordinal ("T1",
    "Period 2", "Phase II", "2nd session"): a time, no subgroup."""
    return bool(_PERIOD_CODE.fullmatch(re.sub(r"\s+", " ", label or "")))


# ---------------------------------------------------------------- a label column declared a split

# a label column's header declaring that its values split the patients or the conditions they were measured in
_SPLIT_HEADER = re.compile(r"(?i)\s*(?P<word>conditions?|sub-?groups?|strat(?:um|a)|populations?|cohorts?|settings?|"
                           r"sex|gender)\s*")
# (a condition or a setting is named by its value and the header's word: "Sequence" under "Condition" is the
# "sequence condition"; a subgroup, a stratum, a sex by its value alone)
_SPLIT_NAMED_WITH_HEADER = ("condition", "setting")


def label_column_strata(table: dict) -> dict[int, str]:
    """{grid row: subgroup} of a table with a label column (no figures in it, not the first) whose header declares a
    split ("Measure | Condition | Time | Control | Intervention" with "Sequence", "Random" under "Condition";
    "Outcome | Subgroup | Drug | Placebo"): each row takes the value of that column, carried down its blank cells
    while the first column's label stays the same. {} for any other table."""
    grid = _grid(table)
    heads, body = _head_and_body(grid, table)
    for col in sorted({c for r in heads for c in grid[r]} - {0}):
        said = next((m for r in heads for m in [_SPLIT_HEADER.fullmatch(str((grid[r].get(col) or {}).get("text") or ""))]
                     if m), None)
        if said is None:
            continue
        values = {r: re.sub(r"\s+", " ", str((grid[r].get(col) or {}).get("text") or "")).strip() for r in body}
        if not any(values.values()) or any(re.search(r"\d", v) for v in values.values()):
            continue        # (a column of figures, sizes or times is no label column)
        word = said.group("word").lower().rstrip("s")
        out: dict[int, str] = {}
        current, first_label = "", None
        for r in body:
            first = str((grid[r].get(0) or {}).get("text") or "").strip()
            if values[r]:
                current = values[r]
            elif first and first_label is not None and first != first_label:
                current = ""
            first_label = first or first_label
            if current and not _TEST_LABEL.fullmatch(current):
                out[r] = f"{current} {word}".lower() if word in _SPLIT_NAMED_WITH_HEADER else \
                    (population_label(current) or current.lower())
        if len(set(out.values())) >= 2:
            return out
    return {}


def with_label_column_strata(rows: list[dict], table: dict) -> None:
    """The rows read from a table with a label column declared a split (`label_column_strata`) each given its row's
    value as `subgroup` (a subgroup a reader already set stays)."""
    strata = label_column_strata(table)
    if not strata:
        return
    for row, line, _ in placed_rows(rows, table):
        if line in strata and is_blank(row.get("subgroup")):
            row["subgroup"] = strata[line]


# ---------------------------------------------------------------- a group of people inside a measure's row label

# "Waist circumference, females (cm)", "Hemoglobin, men (g/dL)", "Height - boys": a measure, then after a comma or a
# dash the people it was measured in, then perhaps the unit
_LABEL_PEOPLE = re.compile(r"(?P<measure>[^,]*?[A-Za-z]{3}[^,]*?)\s*(?:,|\s[-\u2013]\s)\s*(?P<people>[^,()\[\]]{3,40}?)\s*"
                           r"(?P<unit>[(\[][^()\[\]]*[)\]])?\s*")


def label_people(label: str) -> tuple[str, str]:
    """(the measure with its unit, the subgroup) of a row label naming a measure and, after a comma or a dash, one
    group of people ("Waist circumference, females (cm)" -> ("Waist circumference (cm)", "females")); ("", "") when
    the label names no such group (the pair "Sex, male/female", a format "Age, years", a measure of a group of
    people that is the label's first part)."""
    found = _LABEL_PEOPLE.fullmatch(re.sub(r"\s+", " ", label or "").strip())
    if found is None:
        return "", ""
    people = found.group("people")
    said = population_label(people)
    if not said or not _SEX_OR_STAGE.fullmatch(said) and not said.startswith(("age ", "aged ")) \
            or population_label(found.group("measure")):
        return "", ""
    unit = found.group("unit") or ""
    return f"{found.group('measure')} {unit}".strip(), people.lower()


def with_label_people(rows: list[dict], table: dict) -> None:
    """The means and medians read from a row whose label names one group of people after its measure (`label_people`)
    given that group as `subgroup` and the measure as outcome (a subgroup a reader already set stays)."""
    grid = _grid(table)
    for row, line, _ in placed_rows(rows, table):
        if str(row.get("measure") or "").upper() not in DESCRIPTIVE_MEASURES or not is_blank(row.get("subgroup")):
            continue
        cells = grid.get(line) or {}
        measure, people = label_people(str((cells.get(0) or {}).get("text") or ""))
        if people:
            row["subgroup"] = people
            if str(row.get("outcome") or "").strip().lower() == str((cells.get(0) or {}).get("text") or "").strip().lower():
                row["outcome"] = measure

# a block's stub naming the whole trial: "All patients", "Total", "ITT", "Intention-to-treat", "Safety set"
_BLOCK_WHOLE = re.compile(r"(?i)\s*(?:total|all|whole|entire|overall|both|m?itt|intent|intention|full|safety)\b")
# a size printed in a header cell: "Group A (n = 17)", "Placebo, N=24", "Drug X (24)"
_HEADER_SIZE = re.compile(r"(?i)[(\[,]\s*n\s*=\s*\d+|\(\s*\d+\s*\)\s*$")


def block_part(label: str) -> str:
    """The part of the population a block of a table's arms is labelled with ("Patients without X | Group A (n = 17)
    | ...", "PP | A (n = 42) | ..."): its subgroup, "" for the whole trial ("All patients", "ITT") or a label naming no
    patients."""
    label = population_label(re.sub(r"\s+", " ", label or "").strip())
    # (the per-protocol set is a part of the randomised, spelled as the labels do; the whole trial or the
    # intention-to-treat set is no part of it)
    return "per-protocol" if re.fullmatch(r"pp|per[- ]protocol.*", label) else "" if _BLOCK_WHOLE.match(label) else label


def block_subgroups(table: dict, is_arm) -> dict[int, str]:
    """{grid row: subgroup} of a table printed in blocks of the same arms, each block under a header row of its own
    whose arm cells print the block's sizes and whose stub cell names the block's part of the population ("Patients
    without X | Group A (n = 17) | Group B (n = 15)" over its rows, then "Patients with X | Group A (n = 24) | ..."
    over the next block's): each row below such a header row belongs to its part until the next header row. A table
    is so when two header rows or more repeat the arms with sizes; a stub that names no part of the population
    (`population_label`; the whole trial, "All patients", is none) gives its block none. {} for any other table."""
    if is_arm is None:
        return {}
    grid = _grid(table)
    heads: dict[int, str] = {}
    for r in sorted(grid):
        cells = grid[r]
        if not cells:
            continue
        stub_col = min(cells)
        data = [str(c.get("text") or "").strip() for col, c in sorted(cells.items()) if col != stub_col]
        sized_arms = [t for t in data if t and _HEADER_SIZE.search(t) and is_arm(t)]
        if len(sized_arms) < 2:
            continue
        heads[r] = block_part(str(cells[stub_col].get("text") or ""))
    if len(heads) < 2 or not any(heads.values()):
        return {}
    out: dict[int, str] = {}
    current = ""
    for r in sorted(grid):
        if r in heads:
            current = heads[r]
        elif current and r > min(heads):
            out[r] = current
    return out


def with_block_subgroups(rows: list[dict], table: dict, is_arm) -> None:
    """The rows read from a table in blocks of the arms with their own header rows (`block_subgroups`) each given
    its block's part of the population (a subgroup a reader already set stays)."""
    blocks = block_subgroups(table, is_arm)
    if not blocks:
        return
    for row, line, _ in placed_rows(rows, table):
        if line in blocks and is_blank(row.get("subgroup")):
            row["subgroup"] = blocks[line]


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


_REST_OF_AN_ARM = re.compile(r"(?i)\s*(?:groups?|arms?|cohorts?|patients|participants|subjects|treated|treatment|therapy|"
                             r"alone|only|[a-z][\w-]*\s+(?:groups?|arms?))\b|"
                             # a column of the arm's whole figure or of its kind: "Total", "Value", "Estimate", "Rate"
                             r"\s*(?:total|all|overall|whole|values?|estimates?|results?|rates?|scores?|absolute|"
                             r"relative|observed|expected|number)\s*$")


def arm_sub_column_strata(table: dict, is_arm) -> dict[int, tuple[str, str]]:
    """{column: (arm header, subgroup)} of a table whose arms each span the same two or more sub-columns naming parts
    of the arm's patients ("Drug X" over "Site A | Site B | Site C", "Placebo" over the same; "Completed | Lost to
    follow-up" under each arm): any label the level repeats under every arm, as printed without its size, that says
    neither how nor when (a format, a statistic, a time, a p-value, an effect: `header_says_how_or_when`). Which words a document uses for its sites or strata does not matter: the repetition under each arm says
    they are parts of each arm."""
    from .lexicon import find_drugs
    from .meaning import is_control
    from .table_reader import header_says_how_or_when     # (the table reader owns the vocabulary of a header's format)
    if is_arm is None:
        return {}
    grid = _grid(table)
    levels = sorted(grid)[:int(table.get("header_rows") or 0)]
    for upper, lower in zip(levels, levels[1:]):
        stub = min(grid[upper]) if grid[upper] else 0
        spans: dict[str, list[tuple[int, str]]] = {}
        carried = ""
        for c in sorted(set(grid[upper]) | set(grid[lower])):
            if c <= stub:
                continue
            above = str((grid[upper].get(c) or {}).get("text") or "").strip() or carried
            carried = above
            below = _SIZE.sub("", str((grid[lower].get(c) or {}).get("text") or "")).strip(" :.")
            if above and below and below != above:
                spans.setdefault(above, []).append((c, below))
        named = {}
        for above, cols in spans.items():
            # (a bare number or code, "1 | 2 | 3", is a visit's or a cycle's: a part of the patients is named by words)
            # (nor is the rest of an arm's name wrapped over two header lines, "HA" over "Group (mm)")
            # (a treatment under each column block, "Placebo | Clonidine" under "Controls | Addicts", is the arms' level
            # under strata: the table reader's)
            parts = [(c, b) for c, b in cols if not header_says_how_or_when(b) and re.search(r"[A-Za-z]{2}", b)
                     and not _REST_OF_AN_ARM.match(b) and not is_control(b) and not find_drugs(b)]
            if len({b.lower() for _, b in parts}) >= 2 and is_arm(above):
                named[above] = parts
        sets = {frozenset(b.lower() for _, b in parts) for parts in named.values()}
        # (a label printed under two arms is no arm itself, though a study model may have made one of "X - site A")
        if len(named) >= 2 and len(sets) == 1:
            return {c: (above, b) for above, parts in named.items() for c, b in parts}
    return {}


def _spread_over_categories(line: list[dict]) -> bool:
    """Whether one arm's counts on one table line spread its patients over the sub-columns ("23 (38.3) | 27 (45) |
    10 (16.7)" of 60 under "< 2 days | 2-5 days | > 5 days"): their shares add up to the whole, or their counts to
    the total they share; the sub-columns are then categories of the line's characteristic, no strata."""
    counted = [row for row in line if str(row.get("measure") or "").upper() == "PROPORTION"]
    if len(counted) < 2:
        return False
    try:
        shares = sum(float(row.get("value")) for row in counted)
    except (TypeError, ValueError):
        shares = 0.0
    totals = {row.get("total") for row in counted}
    try:
        events = sum(int(row.get("events")) for row in counted)
    except (TypeError, ValueError):
        events = -1
    return 0.97 <= shares <= 1.03 or 97 <= shares <= 103 or (len(totals) == 1 and events == next(iter(totals)))


def _same_figure(row: dict, other: dict) -> bool:
    return row is not other and all(str(row.get(k)) == str(other.get(k)) for k in
                                    ("start", "end", "value_text", "measure", "intervention", "value"))


def with_arm_sub_column_strata(rows: list[dict], table: dict, is_arm) -> None:
    """Each figure under a sub-column of its arm that names part of the arm's patients (`arm_sub_column_strata`)
    given that part as `subgroup` (an outcome the reader wrote with the sub-column's words loses them); an arm's
    counts spread over the sub-columns (`_spread_over_categories`) stay categories of their line."""
    strata = arm_sub_column_strata(table, is_arm)
    if not strata:
        return
    lines: dict[tuple[int, str], list[tuple[dict, str]]] = {}
    placed = placed_rows(rows, table)
    for row, line, col in placed:
        if col in strata:
            lines.setdefault((line, strata[col][0]), []).append((row, strata[col][1]))
    spread = {key for key, line in lines.items() if _spread_over_categories([row for row, _ in line])}
    # a second reading of the same figure (another reader's row of the same span, value and arm) is under the same cell
    seen = {id(row) for row, _, _ in placed}
    for row in rows:
        if id(row) in seen:
            continue
        twin = next((key for key, line in lines.items() for placed_row, _ in line if _same_figure(row, placed_row)), None)
        if twin is not None:
            label = next(lab for placed_row, lab in lines[twin] if _same_figure(row, placed_row))
            lines[twin].append((row, label))
    for key, placed in lines.items():
        if key in spread:
            continue
        for row, label in placed:
            if not is_blank(row.get("subgroup")):
                continue
            row["subgroup"] = label
            outcome = str(row.get("outcome") or "")
            header = re.compile(r"\s+" + re.escape(label) + r"(?:\s*[(\[]\s*n\s*=\s*\d+\s*[)\]])?\s*$", re.I)
            if header.search(outcome) and header.sub("", outcome).strip():
                row["outcome"] = header.sub("", outcome).strip()


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
        with_arm_sub_column_strata(rows, table, is_arm)
        with_block_subgroups(rows, table, is_arm)
        with_label_column_strata(rows, table)
        with_label_people(rows, table)
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
    # (a column's part of the population is finer than the caption's: the caption's goes to the rows left without one)
    return with_caption_subgroups(with_heading_strata(with_stub_strata(rows, structure), structure), structure, is_arm)


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


__all__ = ["population_label", "measure_range_stratum", "arm_sub_column_strata", "caption_subgroup", "category_subgroup", "column_subgroups", "with_caption_subgroups", "with_column_subgroups",
           "heading_strata", "with_heading_strata", "people_category", "block_part", "block_subgroups", "with_block_subgroups", "clause_subgroup", "only_clause_subgroup",
           "rows_inside", "label_people", "with_label_people", "label_column_strata", "with_label_column_strata", "people_stub_strata", "repeated_block_sections", "names_a_period",
           "placed_rows", "header_path"]


# a column of one side of a split at a centre: "CRP > median value", "Score below the mean", "IL-6 >= median"
_CENTRE_SPLIT = re.compile(r"(?i)\s*(?P<what>[a-z][\w\s/().,'-]{0,40}?)\s*(?P<side>[<>\u2264\u2265]=?|=<|>=|\bbelow|\babove|"
                           r"\bunder|\bover)\s*(?:the\s+)?(?:median|mean)\b(?:\s+values?)?\s*")
_LOW_SIDE = re.compile(r"(?i)<|\u2264|=<|below|under")


def centre_split_stratum(header: str, others: list[str]) -> str:
    """The stratum a column header names as one side of a split of the patients at a measure's median or mean
    ("CRP > median value" beside "CRP < median value"), or "": only when another header names the other side of the
    same measure, so a single "Age > median" count column of a characteristics table stays an outcome."""
    found = _CENTRE_SPLIT.fullmatch(re.sub(r"\s+", " ", str(header or "")))
    if found is None:
        return ""
    what, low = found.group("what").strip().lower(), bool(_LOW_SIDE.match(found.group("side")))
    for other in others:
        twin = _CENTRE_SPLIT.fullmatch(re.sub(r"\s+", " ", str(other or "")))
        if twin is not None and twin.group("what").strip().lower() == what and bool(_LOW_SIDE.match(twin.group("side"))) != low:
            return re.sub(r"\s+", " ", header).strip()
    return ""
