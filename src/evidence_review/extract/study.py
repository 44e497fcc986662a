"""The study model of one document, built before any estimate: its arms, design, outcomes and timepoints.

Arms come from what a trial report prints about allocation, strongest source first:
- table column headers that give a group size ("Placebo (N = 47)", "Drug 10 mg (n=52)");
- allocation sentences: "randomly assigned 2:1 to X (n = 64) or placebo (n = 31)", "were randomized (1:1) to
  receive either X or Y", "assigned 1:1 to X and Y";
- CONSORT-style counts: "41 were assigned to the X group", "91 to X, 90 to Y and 144 to placebo",
  "43 patients were randomized (X 21, placebo 22)";
- bracketed size lists "(X, n = 60; Y, n = 58)" and "X group (n = 60)";
- a lexicon drug (data/drugs.csv) printed with its size: "TAC (n = 24), MMF (n = 74)", or any name with its size
  in a sentence that compares: "early surgery (n = 37) with conventional treatment (n = 38)", "150 in the
  intervention arm";
- comparisons and lists of known drugs: "X compared to placebo", "X (abbr) 10 mg/kg or placebo", "patients
  treated with A, B, or C", "to compare ... of A, B and C", "A 74% (14 of 19), B 61% (22 of 36)";
- when nothing else names an arm: "54 patients treated with X" (a single arm), "148 received X and 930 received
  Y" (a meta-analysis has no arms of its own).
A name the lexicon does not know is kept as written (canonical: the name in lower case, without group/arm
words), so trials of any field get their arms. Arms of one drug at different doses stay apart: their canonical
name carries the dose ("x 10 mg", "x 20 mg") when the document has more than one dose of it.

Roles: placebo, sham, standard care, no treatment and a control group are `control`; in an allocation list
without any of those, the arm named last (after "or", "versus", "and") is the comparator, hence `control`; the
other arms are `experimental`. Arms of a study without allocation and without a control (a cohort comparing
four drugs) are `other`.

When the document's sections are known, sentences are read from the abstract, methods and results only
(a discussion citing other trials' arms does not define this study's arms).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from copy import deepcopy
from dataclasses import dataclass, field

from .arm_codes import (bare_code, bracket_definitions, definition_lists, group_abbreviations, hereafter_definitions,
                        received_definitions,
                        regimen_parts, same_group_codes, treatment_letters)
from .grammar import COUNT_WORD, count_value, population_size
from .lexicon import Mention, find_drugs, strategy_control
from .named_arms import compared_pair, named_treatment, placebo_design, role_of_label
from ..regexfilter import fold, prefiltered
from .startguard import start_guarded
from .column_roles import comparison_role, names_difference, names_no_arm
from .table_effects import _P_HEADER as _P_VALUE_HEADER
from .textscan import scan_view, sentence_spans
from .timepoints import MOMENT_ONLY, timepoint_spans
from .within_patient import within_patient_pair

#: canonical names of arms that are comparators by nature
CONTROL_CANONICAL = {"placebo", "control", "standard care", "no treatment", "sham"}

# Control arms the drug lexicon does not name (placebo and "control group" are in data/drugs.csv).
_CONTROL_WORDS = [
    (re.compile(r"\bplacebos?\b|\bvehicle\b|\bPBO\b", re.I), "placebo"),
    (re.compile(r"\bsham\b", re.I), "sham"),
    (re.compile(r"\b(?:standard|usual|conventional|routine)\s+(?:of\s+)?(?:care|therapy|treatment|management)\b|\bstandard[- ]of[- ]care\b"
                r"|\btreatment\s+as\s+usual\b|\bTAU\b"
                r"|\bbest\s+supportive\s+care\b|\bSOC\b", re.I), "standard care"),
    (re.compile(r"\bno\s+(?:treatment|intervention|therapy)\b|\bobservation(?:\s+only)?\b|\buntreated\b"
                r"|\bwait(?:ing)?[- ]?list\b", re.I), "no treatment"),
    (re.compile(r"\bcontrols?\b", re.I), "control"),
]
# ("100 000 IU", "50,000 IU": thousands grouped by a space or a comma are one amount)
# (a fixed combination's doses share one unit: "160/4.5 µg", "50/1000 mg")
_DOSE = re.compile(r"(?<![\w./])(?:\d{1,3}(?:[ ,\u2009\u202f]\d{3})+|\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?)\s*(?:mg|milligrams?|g|gm|grams?|µg|μg|mcg|micrograms?|ng|IU|U|units?|mL|ml)(?:\s*/\s*(?:kg|m2|m²|day|d|dose))?\b",
                   re.I)
# "low-dose SCIG" and "high-dose SCIG": two arms of one drug
_BRACKETED_DOSE_LEVEL = re.compile(r"[(\[]\s*(low|high|standard|medium|intermediate|reduced|lower|higher)[- ]dose\s*[)\]]", re.I)
_DOSE_LEVEL = re.compile(r"\b(?:low|high|standard|medium|intermediate|reduced)[- ]dose\b", re.I)
# "basic regimen" and "intensified regimen" of one drug: two arms, as two doses are
_REGIMEN_QUALIFIER = re.compile(r"\b(?!the\b|a\b|this\b|same\b|treatment\b|dosing\b)[\w-]+\s+(?:regimen|schedule)\b", re.I)
# words that describe how a regimen is given, not which regimen it is
_REGIMEN_WORDS = re.compile(
    r"\b(?:once|twice|three\s+times)[\s-]+(?:daily|a\s+day|weekly|a\s+week|monthly)\b|\b(?:daily|weekly|monthly|"
    r"every\s+\d+\s+(?:days|weeks|months)|q\d+w|Q\d+W|orally|oral|intravenous(?:ly)?|subcutaneous(?:ly)?|IV|SC|"
    r"infusions?|injections?|tablets?|capsules?|(?:nasal|oral)\s+sprays?|inhalers?|patch(?:es)?|creams?|ointments?|gels?|lotions?|topical(?:ly)?|"
    r"matching|matched|groups?|arms?|cohorts?|patients|participants|"
    r"antibod(?:y|ies)|monotherapy|alone|add-on|at\s+an?\s+(?:daily\s+)?dose\s+of)\b"
    # "pembrolizumab combination" against "placebo combination": the background both arms share names neither
    r"|(?<=[a-z])\s+combination(?:\s+therapy)?\s*$"
    r"|^\s*(?:(?:the|an?|either|to|receive|receiving)\s+)+", re.I)
# Column headers that are not arms
_NOT_ARM_HEADER = re.compile(r"^\s*(?:total|overall|all(?:\s+(?:patients|participants|subjects))?|combined|"
                             r"pooled|characteristics?|variables?|outcomes?|events?|measures?|parameters?)\b", re.I)
# a column of the whole population (the name without its size): "All patients", "Total", "Overall", "Total group",
# "Both groups", "Whole sample", "Total study population"
WHOLE_POPULATION_HEADER = re.compile(
    # ("Pooled", "Groups combined": the arms together; "Combined" alone may be a combination arm's name)
    r"\s*(?:pooled(?:\s+(?:groups|arms|population|sample))?|(?:(?:both|all)\s+)?(?:the\s+)?(?:groups|arms)\s+combined|"
    r"combined\s+(?:groups|arms)|(?:all|both)\s+(?:the\s+)?(?:groups|arms)|(?:all|total)(?:\s+(?:patients|participants|subjects|children|infants|"
    r"women|men|cases|randomi[sz]ed|enrol(?:l)?ed))?|overall|(?:total|whole|entire|overall|study)\s+(?:sample|cohort|"
    r"population|group|study\s+population))\s*", re.I)
_SIZE = r"(?:n|N|no\.)\s*[=:]\s*(?P<n>\d[\d,]*)"


def _compact_name(name: str) -> str:
    """An arm's name in lower case with everything but its letters and digits left out ("r-FSH" -> "rfsh")."""
    return re.sub(r"[\W_]+", "", (name or "").lower())
_HEADER_SIZE = re.compile(r"[(\[]?\s*" + _SIZE + r"\s*[)\]]?|[(\[]\s*(?P<n2>\d[\d,]*)\s*(?:patients|participants)?\s*[)\]]")

# "randomly assigned 2:1 to", "were randomized (1:1) to receive either", "randomized 448 patients with LN to",
# "randomised in a 2:1 ratio to one of three groups:"
_ALLOCATION = prefiltered(start_guarded(re.compile(
    # ... and "randomly divided into two groups: X group and Y group" (a bare "divided into" splits by a trait as often)
    r"\b(?:(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)|randomly\s+divided|divided\s+randomly)\b"
    # "randomized clinical trial to evaluate": a design, not an allocation
    # "patients allocated tocilizumab were less likely to reach": a clause, not the allocation list
    # ("randomised participants 1.33:1 to": a ratio's decimal point does not end the sentence)
    r"(?:(?!\b(?:in)?to\b|\b(?:assigned|allocated|randomi[sz]ed|trials?|stud(?:y|ies)|design|were|was|likely)\b)(?:[^.;]|\.(?=\d))){0,120}?"
    r"\b(?:in)?to\s+"
    # "to one of three groups:", "to two groups:", "into one of two neoadjuvant treatment arms:"
    r"(?:(?:one\s+of\s+(?:the\s+)?(?:two|three|four|five|\d)\s+(?:[\w-]+\s+){0,2}?(?:groups|arms|regimens|treatments)\s*[:,]?\s*)|"
    # ("to two groups of twenty: A or B", "into three groups of 30 patients each:")
    r"(?:(?:the\s+)?(?:two|three|four|five|\d)\s+(?:[\w-]+\s+){0,2}?(?:groups|arms|regimens|treatments)"
    r"(?:\s+of\s+(?:\d+|" + COUNT_WORD + r")(?:\s+[a-z]+)?(?:\s+each)?)?\s*:\s*)|"
    # "randomised into four groups to receive 40, 50, 60, or 70 mg of X": the list after "to receive" names them
    r"(?:(?:two|three|four|five|six|\d)\s+(?:[\w-]+\s+){0,2}?(?:groups|arms)\s+to\s+(?:receive|get)\s+)|"
    r"(?:receive|get|use|undergo|be\s+treated\s+with)\s+|"
    # ("to one of the following groups: X or Y", "to the following treatment arms:")
    r"(?:one\s+of\s+)?the\s+following\s+(?:[\w-]+\s+)?(?:groups|arms)\s*:\s*)?(?:either\s+)?", re.I)))
_RATIO = start_guarded(re.compile(r"\b(\d)\s*:\s*(\d)(?:\s*:\s*(\d))?\b"))
# the means of an allocation: "sealed envelopes", "a computer-generated list", "simple random sampling", "a central
# web-based system", "block randomisation", "a random number table", "minimisation", "drawing lots"
_MEANS_OF_ALLOCATION = (r"(?:sealed|opaque|envelopes?|computer[- ]?(?:generated|based)?|random(?:i[sz]ed|i[sz]ation|ly)?\b|"
                        r"(?:permuted\s+)?blocks?\b|lists?\b|sequences?\b|web[- ]?(?:based)?|online|internet|interactive|"
                        r"central(?:i[sz]ed)?\b|tables?\b|lottery|lots\b|coins?\b|sampling|software|programs?\b|"
                        r"minimi[sz]ation|stratifi\w*|allocation\s+(?:schedule|sequence|ratio|concealment))")
# what is done to every allocated patient after the allocation: no arm
_PROCEDURE_VERB = (r"(?:attended|completed|participated|took\s+part|screened|assessed|evaluated|examined|followed(?:\s+up)?|measured|observed|monitored|re-?assessed|"
                   r"tested|interviewed|reviewed|analy[sz]ed|seen|visited|studied|scored|rated)")
# where an allocation list ends: its duration, a stratification, a following clause
_LIST_END = re.compile(
    r"\s(?:for(?!\s+\d+\s+(?:days?|weeks?|months?)\s*(?:[(,]|or\b|and\b))|during|over|until|through|before|stratified|according|following|in\s+(?:a|this|these|our|addition|combination|random(?:i[sz]ed)?\s+(?:order|sequence))|on\s+top|who|which|"
    r"(?<!combined\s)with\s+(?:a|an|the|stratification)|at\s+(?:a(?!\s+(?:daily\s+)?dose\b)|\d(?![\d\s\u2013-]*hours?\s+intervals?\b))|by\s+(?:a|an|an?\s+interactive)|and\s+(?:were|was|then|followed)|along\s+with|as\s+(?!usual\b|(?:an?\s+|the\s+)?(?:active\s+)?(?:control|comparator)\b))\b"
    r"|\s*[.;:](?:\s|$)|,?\s*(?:stratified|followed|then|(?<!combined\s)(?<!fortified\s)(?<!supplemented\s)"
    r"(?<!enriched\s)with|and\s+(?:were|was|then))\b"
    # "(B).The principal investigator ...": a sentence end printed without its space
    r"|(?<=[)\]a-z])\.(?=[A-Z][a-z]+\s)"
    # "to off-pump surgery (40) or on-pump surgery (46) based on coronary anatomy": after the last arm's size, on what
    # the assignment was made, not the arm's name
    r"|(?<=[)\]])\s+(?:based|depending)\s+on\b"
    # "two patients assigned to placebo dropped out, one due to ...": what the allocated did ends the list
    r"|,?\s+(?:dropped\s+out|discontinued|withdrew|died|were\s+lost|was\s+lost)\b"
    # "or placebo, administered subcutaneously at weeks 0, 2 and 4", "both added to X": how, not which
    r"|,\s*(?:[a-z]+ly\s+)?(?:administered|given|added|both|each|all|on\s+days?|every|at\s+weeks?)\b"
    # how the allocation was made, said after the list in any wording: "using sealed, opaque envelopes", "via a
    # central web system", "by means of a computer-generated list", "with sealed envelopes", "according to a
    # random number table", "based on block randomisation"
    r"|,?\s+(?:using|via|by(?:\s+means\s+of)?|with|through|according\s+to|based\s+on|following)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+,?\s+){0,3}?" + _MEANS_OF_ALLOCATION +
    # what was done next to everyone allocated: "and screened at baseline", "and assessed at weeks 4 and 12",
    # "and were followed for a year"
    r"|,?\s+and\s+(?:were\s+|was\s+)?(?:then\s+)?" + _PROCEDURE_VERB + r"\b", re.I)
# "to evaluate the safety", "to compare": a purpose, not an arm
_PURPOSE = re.compile(r"(?i)^(?:evaluate|assess|compare|investigate|determine|examine|test|explore|"
                      r"study(?!\s+(?:and|or|group|arm)\b)|receive\s+either)\b")
# "allocated to the two treatment arms based on a list ...": the arms are not named here
_GROUPS_NOT_NAMED = re.compile(r"(?i)^\s*(?:one\s+of\s+)?(?:the\s+)?(?:two|three|four|both|\d)\s+(?:treatment\s+|study\s+)?"
                               r"(?:arms|groups)\b")
# (a comma grouping thousands, "200,000 IU", splits nothing)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and|or)\s+|\s*,(?!\d{3}(?!\d))\s*|\s+(?:or|and|versus|vs\.?)\s+", re.I)
# "41 were assigned to the X group", "91 patients to X", "randomised 43 to rituximab", "104 had been allocated to X"
_COUNT_TO = start_guarded(re.compile(
    # (not the second number of a ratio: "randomized 1 : 1 to receive X")
    r"(?<![\d.:/])(?<!\d\s:\s)(?<!\d:\s)(?P<n>\d[\d,]*|\b" + COUNT_WORD + r"\b)\s+(?:(?:patients|participants|subjects|children|adults|women|men)\s+)?"
    r"(?:were\s+|(?:had|have)\s+been\s+)?(?:(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+)?to\s+(?:receive\s+)?(?:the\s+)?"
    r"(?P<name>[A-Za-z](?:[^,;.()\[\]]|\.(?=\d)){0,60}?)(?=\s+(?:group|arm)\b|\s*(?:[,;()\[\]]|\.(?!\d))|\s+and\b|\s+or\b|\s*$)",
    re.I))
_MONTH = re.compile(r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
                    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+\d{1,2},?)?\s*$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                    r"[a-z]*\.?\s+\d{4}\b")
# "(rozanolixizumab 21, placebo 22)", "(X, n = 60; Y, n = 58)", "(X: n = 60, Y: n = 58)"
_BRACKET = re.compile(r"[(](?P<body>[^()]{3,200})[)]")
_BRACKET_ITEM = re.compile(r"^\s*(?P<name>[A-Za-z][^,;:=]{0,50}?)(?:\s*[,:]\s*|\s+)(?:(?:n|N)\s*=\s*)?(?P<n>\d[\d,]*)"
                           r"(?:\s*(?:patients|participants))?\s*(?:\[[^\]]*\])?\s*$")
# "the X group (n = 60)", "X arm (n=31)"
_GROUP_SIZE = start_guarded(re.compile(r"(?P<name>\b[A-Za-z][\w+/-]*(?:\s+[\w+/.-]+){0,3}?)\s+(?:group|arm)\s*[(\[]\s*" + _SIZE + r"\s*[)\]]"))
# a lexicon drug (or placebo) followed by its size: "TAC (n = 24)", "placebo (244 patients)"
_SIZE_AFTER = re.compile(r"(?:\s+(?:group|arm))?\s*[(\[]\s*(?:[A-Za-z][\w-]*\s*[,;]\s*)?(?:(?:n|N)\s*=\s*(?P<n>\d[\d,]*)"
                         r"|(?P<n2>\d[\d,]*)\s+(?:patients|participants|subjects))\s*[)\],;]")

_DESIGNS = [
    ("meta-analysis", re.compile(r"\bmeta-?analys[ie]s\b|\bsystematic\s+review\b", re.I)),
    ("protocol", re.compile(r"\bstudy\s+protocol\b|\bprotocol\s+for\s+a\b", re.I)),
    ("RCT", re.compile(r"\brandomi[sz]ed\b[^.]{0,80}\b(?:trial|study)\b|\b(?:were|was)\s+randomi[sz]ed\b|\brandomly\s+(?:assigned|allocated)\b|"
                       r"\bplacebo-controlled\b", re.I)),
    ("cohort", re.compile(r"\b(?:cohort|retrospective|observational|registry)\b", re.I)),
    ("case series", re.compile(r"\bcase\s+series\b|\bsingle-arm\b|\bopen-label\s+extension\b", re.I)),
]
_DESIGNS = [(label, start_guarded(pattern)) for label, pattern in _DESIGNS]     # each searched over 6,000 characters
_TRIAL_PATTERN = dict(_DESIGNS)["RCT"]
_CROSSOVER = start_guarded(re.compile(r"\bcross[- ]?over\b", re.I))
_OUTCOME_SENTENCE = start_guarded(re.compile(
    # "primary efficacy end point", "Primary health economic outcome": up to two words naming its kind
    r"\b(?P<kind>primary|secondary|co-primary|key\s+secondary)\s+(?:[a-z-]+\s+){0,2}?(?:end\s?-?points?|outcomes?)"
    r"(?:\s+measures?)?\s*(?:was|were|is|are|included|includes|:)\s+(?:the\s+)?(?P<what>[^.;]{3,200})", re.I))


@dataclass
class Arm:
    arm_id: str
    name: str             # as written at its defining mention
    canonical: str        # lexicon name(s), control word, or the name in lower case; carries the dose when needed
    n: int | None
    role: str             # experimental / control / other
    start: int            # offsets of the defining mention in the normalized text
    end: int
    dose: str = ""
    source: str = ""      # what defined it: table, allocation, count, bracket, size, compared, treated, share, single
    aliases: set = field(default_factory=set)

    def as_row(self, doc_id: str) -> dict:
        return {"doc_id": doc_id, "arm_id": self.arm_id, "name": self.name, "canonical": self.canonical,
                "n": self.n, "role": self.role, "start": self.start, "end": self.end}


@dataclass
class Study:
    doc_id: str
    arms: list[Arm]
    design: str = ""          # documents.csv vocabulary: RCT, cohort, case series, meta-analysis, protocol, other
    crossover: bool = False
    allocation: str = ""      # "2:1" as printed
    outcomes: list[str] = field(default_factory=list)
    timepoints: list[str] = field(default_factory=list)
    # the bare codes ("A", "G1", "II") the tables print for arms, each table's codes all naming arms of their own
    # (`_arm_codes_of_tables`); None: any code the document gave an arm
    codes: frozenset | None = None

    def resolve(self, mention: str) -> Arm | None:
        """The arm a mention names ("the X group", "Placebo (N = 47)", "X 10 mg"), or None."""
        if not mention or not mention.strip():
            return None
        name, n = split_size(mention)
        written = re.sub(r"(?i)^(?:the|an?)\s+", "", name.strip()).lower()
        named = [a for a in self.arms if a.name.lower() == written]
        if len(named) == 1:
            return named[0]      # the name as the report wrote it ("observation group" of a treated arm)
        key, dose = arm_key(name)
        if not key and dose:
            # "low dose, -6.3 (95% CI ...)", "the 10 mg group": a dose alone names the one arm given it
            dosed = [a for a in self.arms if a.dose == dose or f"dose:{dose}" in a.aliases]
            return dosed[0] if len(dosed) == 1 else None
        if not key:
            return None
        said = re.sub(r"\s+", " ", name).strip().lower()
        exact = [a for a in self.arms if (key, dose) == _key_of(a) or key in {x.lower() for x in a.aliases}
                 or said in {x.lower() for x in a.aliases}]
        if len(exact) == 1:
            return exact[0]
        code = re.fullmatch(r"group (\S{1,6})", key)
        if code is not None and not exact:
            # "Group D (n = 30)" after "dexmedetomidine (group D)": the arm the document gave that code
            coded = [a for a in self.arms if code.group(1) in {x.lower() for x in a.aliases}]
            if len(coded) == 1:
                return coded[0]
        same_drug = [a for a in self.arms if _key_of(a)[0] == key]
        if dose:
            # ("low dose X" for "X 10 µg (low dose)": the level the allocation gave the dose, see _allocation_arms)
            same_drug = [a for a in same_drug if not a.dose or a.dose == dose or f"dose:{dose}" in a.aliases]
        if n is not None and len(same_drug) > 1:
            same_drug = [a for a in same_drug if a.n == n]
        if len(same_drug) == 1:
            return same_drug[0]
        if n is not None and not same_drug:
            # "Drug A (N=91)" in a table whose methods wrote the name differently: the group size decides
            sized = [a for a in self.arms if a.n == n]
            if len(sized) == 1 and not _conflicting_names(key, sized[0]):
                return sized[0]
        return _by_initials(self.arms, name)


    def resolve_code(self, token: str) -> Arm | None:
        """The arm a bare code names ("A", "G1", "Group II", "B group"; a column header or a caption's word) when the
        document gave that code to one arm (`arm_codes`: a footnote, a legend, a methods sentence), else None."""
        # (a bare number is a code only where a table printed it as a row label under "Group": `_numbered_group_rows`)
        code = bare_code(token, numbers=self.codes is not None and (token or "").strip() in self.codes)
        if code is None or self.codes is not None and code not in self.codes:
            return None
        return self.arm_of_code(code)

    def arm_of_code(self, code: str) -> Arm | None:
        """The one arm the document gave `code` ("A", "II", "2"), or None."""
        for spelling in [code] + same_group_codes(code):
            # ("G1" over the column of the arm the text calls "Group I": one group, two spellings of its number)
            label = f"group {spelling.lower()}"
            coded = [a for a in self.arms if label in {x.lower() for x in a.aliases} or a.name.lower() == label
                     or a.canonical == label]
            if coded:
                return coded[0] if len(coded) == 1 else None
        return None

    def resolve_column(self, header: str) -> Arm | None:
        """The arm a table column header names, or None for label, total, effect and p-value columns; a header
        naming an arm by one word of its name alone ("Garlic" for "garlic extract") is that arm when no other arm has
        it."""
        # ("Routine changegroup": a header's words run together where its cell broke the line before "group")
        header = _GLUED_GROUP.sub(r"\g<word> group", header or "")
        # (a code first: "Group 2" is a stratum's header unless the document gave the code to an arm)
        coded = self.resolve_code(split_size(header)[0])
        if coded is not None:
            return coded
        marked = _MARKED_GROUP.fullmatch(header.strip())
        if marked is not None:
            arm = self.resolve_column(marked.group("name") + marked.group("rest"))
            if arm is not None:
                return arm
        unit = _UNIT_IN_BRACKETS.search(header)
        if unit is not None and unit.start() > 0:
            # "GSK256066 (L)", "Placebo (ppb)": an arm's row or column with the unit of its figures after its name
            return self.resolve_column(header[:unit.start()])
        name, n = split_size(header)
        named_code = _NUMBERED_AND_NAMED.fullmatch(name)
        if named_code is not None and not _SUBGROUP_HEADER.search(named_code.group("name")):
            # "Group 1 TE (N = 63) %": the numbered group's own name names the arm
            named = self.resolve_column(named_code.group("name") + (f" (n = {n})" if n is not None else ""))
            if named is not None:
                return named
        before_condition = _TIME_THEN_ARM.fullmatch(name) if self.crossover else None
        if before_condition is not None:
            # "Pre exposure filtered air | Pre exposure wood smoke": a crossover's condition at one of its times (the
            # table reader reads when); a time word alone names no arm in a parallel trial's header
            arm = self.resolve_column(before_condition.group("arm") + (f" (n = {n})" if n is not None else ""))
            if arm is not None:
                return arm
        if not is_arm_header(header):
            return None
        arm = self.resolve(header)
        if arm is not None:
            return arm
        name, n = split_size(header)
        # "rFSH" for the arm "r-FSH", "HPuFSH" for "HP-uFSH": the one arm whose name is the header's letters and digits
        # with its hyphens or spaces left out
        compact = _compact_name(name)
        spelled = [a for a in self.arms if len(compact) >= 3 and compact in
                   {_compact_name(x) for x in (a.name, a.canonical, *a.aliases) if not x.startswith("when:")}]
        if len(spelled) == 1:
            return spelled[0]
        timed = _ARM_AT_A_TIME.fullmatch(name)
        if timed is not None:
            # "PLA Initial", "Placebo Week 12", "Baseline X": an arm at one of its times (the table reader reads when)
            arm = self.resolve(timed.group("arm") + (f" (n = {n})" if n is not None else ""))
            if arm is not None:
                return arm
        when = time_key(name) if any(x.startswith("when:") for a in self.arms for x in a.aliases) else None
        timed_arms = [a for a in self.arms if when and f"when:{when}" in a.aliases]
        if len(timed_arms) == 1:
            # "Three days post onset (n = 20)" of "(1) early group (3 days after stroke)": the group defined by that time
            return timed_arms[0]
        prefixed = _ROLE_PREFIX.match(name)
        if prefixed is not None:
            # "Intervention X": a spanning header's role word joined to the arm's own header
            arm = self.resolve(prefixed.group("rest") + (f" (n = {n})" if n is not None else ""))
            if arm is not None:
                return arm
        capital = self._resolve_by_capital_word(name)
        if capital is not None:
            return capital
        shortened = self._resolve_by_word_beginnings(name)
        if shortened is not None:
            return shortened
        combined = self._resolve_combination(name)
        if combined is not None:
            return combined
        words = set(re.findall(r"[a-z][a-z-]{3,}", re.sub(r"(?i)\b(?:group|arm|patients|the)\b", " ", split_size(header)[0]).lower()))
        if not words or re.search(r"[/+&]|\b(?:and|plus|with)\b", header) or _control_canonical(header):
            return None
        if len(words) == 1:
            having = [a for a in self.arms if words <= set(re.findall(r"[a-z][a-z-]{3,}", f"{a.name} {a.canonical}".lower()))]
            # "Omega-3" beside "Probiotic + omega-3" in a factorial trial: the word names the arm given it alone, not
            # the combination that holds it too
            alone = [a for a in having if len(_combination_parts(a.name)) < 2]
            if len(having) > 1 and len(alone) == 1:
                having = alone
            if len(having) == 1 and not _control_canonical(having[0].canonical):
                return having[0]
        return self._resolve_by_shared_word(words)

    def _resolve_combination(self, name: str) -> Arm | None:
        """ "Probiotic + omega-3" (or "Pro + Omega-3") for the arm "omega-3 capsule + VSL#3 capsule" of a factorial
        trial: a header naming a combination ("X + Y", "X plus Y") is the one combination arm of the study model
        that shares a word with its parts, when no part names a word of another arm only (a part the text calls
        otherwise, "probiotic" for "VSL#3", may name no arm's word)."""
        parts = _combination_parts(name)
        if len(parts) < 2 or _control_canonical(name):
            return None
        combinations = [a for a in self.arms if len(_combination_parts(a.name)) >= 2]

        def words_of(text: str) -> set[str]:
            return set(re.findall(r"[a-z][a-z-]{3,}", text.lower())) - _COMMON_ARM_WORDS
        sharing = [a for a in combinations if any(words_of(p) & words_of(f"{a.name} {a.canonical}") for p in parts)]
        if len(sharing) != 1:
            return None
        own = words_of(f"{sharing[0].name} {sharing[0].canonical}")
        if any(words_of(p) and not words_of(p) & own and any(words_of(p) & words_of(f"{a.name} {a.canonical}")
                                                             for a in self.arms if a is not sharing[0]) for p in parts):
            return None         # "Drug X + Drug Y" where Y is an arm of its own and not of the combination
        return sharing[0]

    def _resolve_by_capital_word(self, header: str) -> Arm | None:
        """ "PM (n = 102)" for the arm the document named "PM PEG": a header that is one short word in capitals (an
        abbreviation, too short for `_resolve_by_shared_word`) is the one arm whose name as written holds that word."""
        token = re.sub(r"(?i)\s*\b(?:group|arm)\b\s*", "", header).strip()
        if not re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", token):
            return None
        word = re.compile(r"(?<![\w-])" + re.escape(token) + r"(?![\w-])")
        holding = [a for a in self.arms if word.search(a.name)]
        return holding[0] if len(holding) == 1 else None

    def _resolve_by_word_beginnings(self, header: str) -> Arm | None:
        """ "Ca + D3" for the arm "calcium plus vitamin D3", "Met/Sita" for "metformin and sitagliptin": a header of two
        pieces or more joined by "+", "/", "-" or "&", each the beginning (two letters or more) of a word of one arm's
        name, in the name's order, each a word of its own; the one arm whose name they all begin."""
        pieces = [p for p in re.split(r"\s*[+/&\u2013-]\s*|\s+", header.strip()) if p]
        if len(pieces) < 2 or not re.search(r"[+/&\u2013-]", header) or \
                not all(re.fullmatch(r"[A-Za-z][A-Za-z0-9]+", p) for p in pieces):
            return None

        def begun(name: str) -> bool:
            words = [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in ("plus", "and", "with", "or", "the", "of")]
            at = 0
            for piece in pieces:
                while at < len(words) and not words[at].startswith(piece.lower()):
                    at += 1
                if at == len(words):
                    return False
                at += 1
            return True
        found = [a for a in self.arms if begun(a.name) or begun(a.canonical)]
        return found[0] if len(found) == 1 else None

    def _resolve_by_shared_word(self, words: set[str]) -> Arm | None:
        """ "Semi-rigid brace" for the arm "semi-rigid", "Lace-up brace" for "lace-up ankle support", "Edotolac" for
        "etodolac": the one treated arm that shares a distinctive word with the header, the same word or that word
        misspelt (a transposition or a letter or two off, rapidfuzz's normalized Indel similarity at least 75 % on
        words of six letters or more that begin alike); no other arm may share any of the header's words."""
        near = near_word
        named = [set(re.findall(r"[a-z][a-z-]{3,}", f"{a.name} {a.canonical}".lower())) for a in self.arms]
        # a word every arm's name has ("Weaning mode X | Weaning mode Y", "X weaning") tells no arm from another
        everyones = set.intersection(*named) if len(named) >= 2 else set()
        shared = []
        for arm, own in zip(self.arms, named):
            if _control_canonical(arm.canonical) or arm.canonical in CONTROL_CANONICAL:
                continue
            own = own - _COMMON_ARM_WORDS - everyones
            if any(near(w, o) for w in words - _COMMON_ARM_WORDS - everyones for o in own):
                shared.append(arm)
        return shared[0] if len(shared) == 1 else None

    def arm_sizes(self) -> dict[str, int]:
        return {a.canonical: a.n for a in self.arms if a.n is not None}

    def by_role(self, role: str) -> list[Arm]:
        return [a for a in self.arms if a.role == role]

    def arm_rows(self) -> list[dict]:
        return [a.as_row(self.doc_id) for a in self.arms]


# a dose of nothing: "0 g", "0.0 mg", "0 mg/kg"
_ZERO_DOSE = re.compile(r"0+(?:[.,]0+)?\s*[a-zµμ][\w/]*")


# a word run into "group" ("changegroup", "Controlgroup"; never "subgroup", "outgroup", "ingroup")
_GLUED_GROUP = re.compile(r"\b(?P<word>(?!(?i:sub|out|in)group)[A-Za-z]{3,}?)(?-i:group|Group)\b")
# "ECF group1", "Drug X arm2 (n = 40)": a footnote's digit glued to the group word after the arm's name (a numbered
# group prints no name before its word: "Group1")
_MARKED_GROUP = re.compile(r"(?P<name>\S*[A-Za-z]\S*(?:\s+\S+)*?\s+(?i:group|arm))\d(?P<rest>\s*(?:[(\[].*)?)")


def near_word(a: str, b: str) -> bool:
    """One word, or the same word misspelt: six letters or more, the same first letter, and rapidfuzz's normalized
    Indel similarity at least 75 % ("edotolac" for "etodolac", "pregablin" for "pregabalin"). rapidfuzz: a
    maintained C++ implementation of the edit distances, already a dependency for fuzzy title matching."""
    from rapidfuzz import fuzz
    return a == b or (min(len(a), len(b)) >= 6 and a[0] == b[0] and fuzz.ratio(a, b) >= 75
                      and not _one_inserted_part(a, b))


def _one_inserted_part(a: str, b: str) -> bool:
    """Whether one word is the other with a run of three letters or more put inside it ("chemoradiotherapy" and
    "chemotherapy", "immunochemotherapy"): a compound naming another treatment, no misspelling (a typo drops, adds
    or swaps a letter or two)."""
    short, long_ = sorted((a, b), key=len)
    extra = len(long_) - len(short)
    return extra >= 3 and any(long_[:i] + long_[i + extra:] == short for i in range(1, len(short)))


def near_spelling(a: str, b: str) -> bool:
    """Two arm names that differ only by misspelt words ("pergabalin capsules" and "pregabalin capsules"), word for
    word, at least one word of six letters or more."""
    wa, wb = a.lower().split(), b.lower().split()
    return a != b and len(wa) == len(wb) and any(len(w) >= 6 for w in wa) and all(near_word(x, y) for x, y in zip(wa, wb))


# words many arms' names share, which tell no arm apart
_COMMON_ARM_WORDS = frozenset({"oral", "intravenous", "topical", "dose", "doses", "high", "standard", "usual", "care",
                               "therapy", "treatment", "group", "single", "daily", "weekly", "plus", "alone", "only",
                               "with", "placebo", "control", "sham", "intervention", "programme", "program"})


# ---------------------------------------------------------------------------------------------- names
# the format a column header adds after the arm: "Placebo, n/N (%)", "Drug X (n = 60) n", "Anti-CD19 mean ± SD"
# (a "%" may follow the size's bracket with no space: "Intervention (n = 119)%")
_COLUMN_FORMAT = re.compile(
    r"(?:,\s*|\s+|^|(?<=[)\]])(?=%))(?P<format>(?:n|no\.?)\s*(?:/\s*N\s*)?[(\[]\s*%\s*[)\]]|n\s*/\s*N|[(\[]\s*%\s*[)\]]|"
    # "% (n)", "%(no.)": the share printed first, its count in the bracket
    r"%\s*[(\[]\s*(?:n|no\.?)\s*[)\]]|"
    # ("TP group \u0394 median (IQR)": the statistic of the arm's change)
    r"(?:[\u0394\u2206]\s*)?(?:mean|median)\s*(?:(?:±|\+/-)\s*SDM?|(?:±|\+/-)\s*SEM?|[(\[]\s*(?:SDM?|SEM?|IQR|range|95\s*%\s*CI)\s*[)\]])|"
    r"n|%|no\.|numbers?|percent(?:age)?s?|counts?|frequenc(?:y|ies))\s*$", re.I)


# a format printed at the end of an upper header row, so in the middle of a header joined from two rows ("Drug, n (%)"
# over "5 mg N = 43": "Drug, n (%) 5 mg N = 43"): no part of the arm's name (the bracketed and spelled formats only;
# a bare "n" or "%" inside a name may be a word of it)
_INNER_FORMAT = re.compile(
    r"(?:,\s*|\s+)(?:(?:n|no\.?)\s*(?:/\s*N\s*)?[(\[]\s*%\s*[)\]]|[(\[]\s*%\s*[)\]]|%\s*[(\[]\s*(?:n|no\.?)\s*[)\]]|"
    r"(?:mean|median)\s*(?:(?:±|\+/-)\s*SDM?|(?:±|\+/-)\s*SEM?|[(\[]\s*(?:SDM?|SEM?|IQR|range|95\s*%\s*CI)\s*[)\]]))"
    r"(?=\s+\S)", re.I)


def column_format(header: str) -> tuple[str, str]:
    """(the header without the format written after the arm, that format) — "Placebo, n/N (%)" ->
    ("Placebo", "n/N (%)")."""
    text = re.sub(r"\s+", " ", header).strip()
    m = _COLUMN_FORMAT.search(text)
    if not m or not text[: m.start()].strip():
        return text, ""
    return text[: m.start()].strip(" ,;:"), m.group("format")


# what may follow a header's size and is no part of the arm's name: the column's share of all patients ("n = 85
# (48.3%)", "(n = 85; 48.3 %)", "[n=85, 48%]") and a footnote mark ("(n = 73)1", "(n = 73)a", "(n = 73)*", "^b")
_AFTER_SIZE = re.compile(r"\s*(?:[;,]?\s*[(\[]?\s*\d{1,3}(?:[.,]\d+)?\s*%\s*[)\]]?|[(\[]\s*\d{1,3}(?:[.,]\d+)?\s*[)\]])?"
                         r"(?:\s*(?:\^?\s*(?:\d|[a-z])(?![\w])|[*\u2020\u2021\u00a7\u00b6#]+))?\s*")


def split_size(text: str) -> tuple[str, int | None]:
    """ "Placebo (N = 47)" -> ("Placebo", 47); "Drug 10 mg\\nn=52" -> ("Drug 10 mg", 52); a column format after
    the name is left out ("Placebo (n = 56) n (%)" -> ("Placebo", 56)), and so are the column's share of all patients
    and a footnote mark after the size ("Drugn = 85 (48.3%)", "Drug (n = 73)1" -> ("Drug", 85), ("Drug", 73))."""
    sized = [m for m in _HEADER_SIZE.finditer(text or "") if m.group("n")]
    if len(sized) >= 2:
        # "Lost to follow-up (n = 17) Intervention (n = 9)": a spanning group's size, then the column's own (the last)
        text = "".join(text[a.end():b.start()] if a else text[:b.start()] for a, b in zip([None] + sized[:-2], sized[:-1])) \
            + text[sized[-2].end():]
    m = _HEADER_SIZE.search(text)
    n = int((m.group("n") or m.group("n2")).replace(",", "")) if m else None
    if m is not None:
        after = _AFTER_SIZE.match(text, m.end())
        if after is not None and after.end() == len(text):
            text = text[:m.end()]
    name = (text[:m.start()] + " " + text[m.end():]) if m else text
    name = _INNER_FORMAT.sub(" ", name)
    name = column_format(re.sub(r"\s+", " ", name).strip(" ,;:"))[0]
    # (a bracketed 0 is no group's size: "Cont (0) | Cont (12)" print the day)
    return name.strip(" ,;:()[]"), n or None


def control_canonical(name: str) -> str:
    """The kind of control an arm name names ("usual care" -> "standard care", "matching placebo" -> "placebo"),
    or "" when it names none. Any "control" counts here (the scorer reads gold arms so: "standard glucose control"
    and "control" are one kind); the study model reads arm names with `_control_canonical`."""
    return _control_canonical(name, strategies=True)


def arm_control_kind(name: str) -> str:
    """The kind of control an arm name of the study model names, "" for a strategy named by what it controls
    ("standard glucose control" is an arm of its own, set against "intensive glucose control")."""
    return _control_canonical(name)


def _control_canonical(name: str, strategies: bool = False) -> str:
    """The kind of control an arm name names; "" for a strategy named by what it controls ("glucose control"),
    unless `strategies`."""
    for pattern, canonical in _CONTROL_WORDS:
        if pattern.search(name):
            if canonical == "control" and not strategies and strategy_control(name):
                return ""
            return canonical
    return ""


# a group a table header names by a code of letters, a combination of them or a Roman numeral, with its size:
# "Group B+D (n = 30)", "Group DX (n=25)", "Group II (N = 40)", "Arm C/P (30 patients)"
_CODE = r"(?:[A-Z][A-Za-z0-9]{0,4}(?:\s*[+/&]\s*[A-Z][A-Za-z0-9]{0,4}){0,3}|\d{1,2}(?![\d.]))"
_TABLE_GROUP_CODE = re.compile(r"\s*(?i:group|arm)\s+(?P<code>" + _CODE + r")\s*")
# "(groups B and B+D, respectively)", "(the B and B+D groups, respectively)", "(group B and group B+D, respectively)"
_CODES_RESPECTIVELY = re.compile(
    r"[(\[,]\s*(?:the\s+)?(?:(?:groups?|arms?)\s+)?(?P<codes>" + _CODE + r"(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:(?:group|arm)\s+)?"
    + _CODE + r")+)\s*(?:groups|arms)?\s*,?\s*respectively\b")
_NAMED_BEFORE = re.compile(r"(?P<names>[A-Za-z][^.;:()\[\]]{2,160}?)\s+(?:was|were)\s+(?:administered|given|used|applied|injected|"
                           r"infused|received|instilled|performed)\b[^.;()\[\]]{0,100}$")


def _footnote_abbreviations(col: _Collector, scan: str) -> None:
    """ "DEX (n = 30) | SAL (n = 30)" over a footnote "DEX, dexmedetomidine; SAL, saline", "Cont (0) | Ex (0)" over
    "Ex = experimental group; Cont = control group": an arm a table names by an abbreviation its footnote (or any
    "ABBR, name;" / "ABBR: name" / "ABBR = name" list) spells out is the arm of that name: an arm the text defined
    when there is one, else the table's arm renamed by what the abbreviation stands for when that names a group
    ("... group", "... arm", a control, a drug); the abbreviation stays one of its names."""
    for arm in [a for a in col.arms if a.source == "table" and _abbreviation_like(a.name.strip())]:
        abbr = arm.name.strip()
        spelled = {m.group("long").strip(): arm_key(m.group("long"))[0] for m in re.finditer(
            r"(?<![\w-])" + re.escape(abbr) + r"\s*[,:=]\s*(?P<long>[A-Za-z][\w +/-]{2,60}?)\s*(?=[;.\n]|$)", scan)}
        if len(set(spelled.values()) - {""}) != 1:
            continue
        long, key = next((w, k) for w, k in spelled.items() if k)
        same = [a for a in col.arms if a is not arm and (a.canonical == key or key in {x.lower() for x in a.aliases})]
        if not same and _letters_in_order(abbr, long) and _names_a_group(long):
            arm.aliases = set(arm.aliases) | {abbr, abbr.lower(), arm.canonical}
            arm.canonical = key
            arm.aliases.add(key)
            if _control_canonical(long):
                arm.role = "control"
            continue
        if len(same) != 1:
            continue
        if same[0].n is None:
            same[0].n = arm.n
        elif arm.n is not None and arm.n != same[0].n:
            continue
        same[0].aliases |= arm.aliases | {abbr, abbr.lower(), arm.canonical}
        col.arms.remove(arm)


def _abbreviation_like(name: str) -> bool:
    """Whether an arm's name may be an abbreviation: one token of capitals ("DEX", "CG", "B+D"), or a short one
    opening with a capital ("Cont", "Ex") that is no name the lexicon knows."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9+/-]{1,7}", name) and name.upper() == name:
        return True
    return bool(re.fullmatch(r"[A-Z][a-z]{0,4}", name)) and not find_drugs(name) and not _control_canonical(name)


def _letters_in_order(abbr: str, long: str) -> bool:
    """Whether an abbreviation's letters are the long form's, in order, the first its first ("Cont" of "control
    group", "Ex" of "experimental group", "DF" of "dorsiflexion")."""
    letters, words = re.sub(r"[^a-z]", "", abbr.lower()), re.sub(r"[^a-z]", "", long.lower())
    it = iter(words)
    return bool(letters) and words[:1] == letters[:1] and all(ch in it for ch in letters)


def _names_a_group(long: str) -> bool:
    """Whether an abbreviation's long form names a group of the trial: "experimental group", "control arm", a
    placebo or another control, a drug."""
    return bool(re.search(r"(?i)\b(?:group|arm|cohort)s?\s*$", long.strip())) or bool(_control_canonical(long)) \
        or bool(find_drugs(long))


def _code_axes(table: dict) -> list[list[str]]:
    """The texts of a table where arms may be printed as codes: its column headers, and the labels of its first
    column and of a stub column headed as the groups' ("Outcome | Arm | ..." with "R", "M" under "Arm")."""
    heads = header_rows(table)
    stubs = {0} | {int(c["col"]) for c in table.get("cells") or [] if int(c["row"]) in heads
                   and _GROUPS_STUB.fullmatch(str(c.get("text") or ""))}
    labels = [str(c.get("text") or "").strip() for c in table.get("cells") or []
              if int(c["col"]) in stubs and int(c["row"]) not in heads]
    return [[h for _, h, _, _ in column_headers(table)], labels]


def _stub_column_codes(structure: dict | None) -> set[str]:
    """The codes the tables print as row labels under a stub column headed as the groups' ("Arm", "Group") that is
    not the first column ("Outcome | Arm | ..." with "R", "M" under "Arm")."""
    codes = set()
    for table in (structure or {}).get("tables") or []:
        heads = header_rows(table)
        cells = table.get("cells") or []
        stubs = {int(c["col"]) for c in cells if int(c["row"]) in heads and int(c["col"]) > 0
                 and _GROUPS_STUB.fullmatch(str(c.get("text") or ""))}
        codes |= _axis_codes([str(c.get("text") or "").strip() for c in cells
                              if int(c["col"]) in stubs and int(c["row"]) not in heads])
    return codes


def _axis_codes(texts: list[str], numbers: bool = False) -> set[str]:
    """The bare codes among an axis's texts ("A (n = 30)", "G1", "Group II"; with `numbers`, bare numbers "1", "2"
    too); a bare "P" or "N" column is the p-value's or the count's, whatever the codes."""
    # ("Group (P)" with its group word is a group's code)
    return {code for t in texts for code in [bare_code(split_size(t)[0], numbers)]
            if code is not None and (code not in ("P", "N") or re.search(r"(?i)\b(?:group|arm|cohort)\b", t))}


# a stub header saying the rows are the groups: "Group", "Groups", "Treatment group", "Arm"
_GROUPS_STUB = re.compile(r"(?i)\s*(?:(?:treatment|study|randomi[sz]ed)\s+)?(?:groups?|arms?|cohorts?)\s*")


def _numbered_group_rows(table: dict) -> bool:
    """Whether a table's rows may be groups numbered bare ("1", "2" under a stub header "Group")."""
    heads = header_rows(table)
    return any(int(c["col"]) == 0 and int(c["row"]) in heads and _GROUPS_STUB.fullmatch(str(c.get("text") or ""))
               for c in table.get("cells") or [])


def _printed_codes(structure: dict | None) -> set[str]:
    """The codes the tables print as a column header or row label of their own ("A (n = 30)", "G1", "Group II") or
    as a word of a caption ("Outcomes in group B")."""
    codes = set()
    for table in (structure or {}).get("tables") or []:
        for axis, texts in enumerate(_code_axes(table)):
            codes |= _axis_codes(texts, axis == 1 and _numbered_group_rows(table))
        for m in re.finditer(r"\b(?i:group|arm|cohort)\s+(" + _DEFINED_CODE + r")\b", str(table.get("caption") or "")):
            codes.add(m.group(1))
    return codes


_DEFINED_CODE = r"(?:[A-Z]{1,2}\d{0,2}|I{1,3}|IV|VI?|[1-9])"


def _arms_by_defined_codes(col: _Collector, scan: str, structure: dict | None) -> None:
    """Codes a table heads its columns with, defined apart from the table ("A, drug X 10 mg; B, placebo" in a
    footnote, "G1: X; G2: Y" in a legend, "the X group (hereafter G1)" in the methods; `arm_codes`): each code
    becomes a name of the arm its definition names, so `Study.resolve` reads the header as that arm. A list whose
    names resolve to no arm of a study that has fewer than two names its arms itself, one per code; lettered arms
    the text knew only as "group A" take the name the definition gives. Only codes the tables print are read (a
    list of codes no table uses defines nothing the readers meet)."""
    printed = _printed_codes(structure)
    if not printed:
        return
    stubbed = _stub_column_codes(structure)
    lists = [d for d in definition_lists(scan) + bracket_definitions(scan) if sum(x.code in printed for x in d) >= 2]
    lists += [[d] for d in hereafter_definitions(scan) if d.code in printed]
    for definitions in lists:
        found: dict[str, Arm] = {}
        named_before = len(col.arms)
        for d in definitions:
            label = f"group {d.code.lower()}"
            arm = next((a for a in col.arms if label in {x.lower() for x in a.aliases} or a.canonical == label), None)
            if arm is None:
                arm = _named_by(d.name, col.arms)
            if arm is not None and arm not in found.values():
                found[d.code] = arm
                arm.n = arm.n if arm.n is not None else d.n
        if len(found) < len(definitions) and len(definitions) > 1:
            if named_before >= 2 and (found or not {d.code for d in definitions} <= stubbed):
                continue        # names that only partly meet the study's arms: which code is which, unsaid
            # (a study that named fewer than two arms, or arms no definition names where the codes are the rows
            # of a stub column headed "Arm" - "the first group" and "the second group" of a crossover whose table
            # prints "R" and "M" under "Arm": the definitions name the arms)
            made = {}
            for d in definitions:
                if d.code in found:
                    continue
                key = arm_key(d.name)[0]
                if not key or not _plausible_name(d.name) or any(a.canonical == key for a in col.arms):
                    made = {}
                    break
                made[d.code] = Arm(arm_id="", name=d.name, canonical=key, n=d.n, role="", start=d.start,
                                   end=d.end, source="table", aliases={key})
            if not made:
                continue
            found.update(made)
            col.arms.extend(made.values())
        for code, arm in found.items():
            label = f"group {code.lower()}"
            if any(label in {x.lower() for x in a.aliases} for a in col.arms if a is not arm):
                continue        # the code is another arm's already
            arm.aliases = set(arm.aliases) | {label}


def _printed_header_words(structure: dict | None) -> set[str]:
    """The texts the tables' header rows print in a cell of their own, sizes aside ("IG (n = 43)" -> "IG")."""
    return {split_size(re.sub(r"\s+", " ", str(c.get("text") or "")).strip())[0].strip(" ,;:")
            for table in (structure or {}).get("tables") or [] for heads in [header_rows(table)]
            for c in table.get("cells") or [] if int(c["row"]) in heads and int(c["col"]) > 0}


def _arms_by_group_abbreviations(col: _Collector, scan: str, structure: dict | None) -> None:
    """Columns headed "IG | PG" under a footnote "IG, intervention group; PG, placebo group" (`arm_codes.
    group_abbreviations`): each abbreviation a table's header prints as a cell of its own becomes a name of the one
    arm its definition names (`_named_by`). Never a guess: an abbreviation defined twice with names of different
    arms, two abbreviations naming one arm, or one another arm holds already, says nothing."""
    printed = _printed_header_words(structure)
    owners: dict[str, set[int]] = {}
    arms_by_id: dict[int, Arm] = {}
    for d in group_abbreviations(scan):
        if d.code not in printed:
            continue
        arm = _named_by(d.name, col.arms)
        owners.setdefault(d.code, set()).add(id(arm) if arm is not None else 0)
        if arm is not None:
            arms_by_id[id(arm)] = arm
    named = {code: next(iter(ids)) for code, ids in owners.items() if len(ids) == 1 and 0 not in ids}
    taken = list(named.values())
    for code, arm_id in named.items():
        arm = arms_by_id[arm_id]
        if taken.count(arm_id) > 1 or any(code.lower() in {x.lower() for x in a.aliases} for a in col.arms if a is not arm):
            continue
        arm.aliases = set(arm.aliases) | {code.lower()}


def _arms_by_received_codes(col: _Collector, scan: str, structure: dict | None) -> None:
    """ "group P received placebo, group E received X and group D/E received Y and X" (`arm_codes.
    received_definitions`) over tables headed "Group (P) (n = 30) | Group (E) (n = 30) | Group (D/E) (n = 30)": each
    code the tables print is the group its definition names. The code becomes a name of the arm the definition's
    words name ("X 120 mg" of the arm X); a code whose words name no arm yet (the placebo, the combination) is an
    arm of its own. The first list whose codes the tables print twice or more; a list one of whose names names two
    arms, or two of whose names name one arm, says nothing."""
    printed = _printed_codes(structure)
    if len(printed) < 2:
        return
    for definitions in received_definitions(scan):
        if sum(d.code in printed for d in definitions) < 2:
            continue
        owners: list[Arm | None] = []
        for d in definitions:
            label = f"group {d.code.lower()}"
            coded = [a for a in col.arms if label in {x.lower() for x in a.aliases} or a.canonical == label]
            owners.append(coded[0] if len(coded) == 1 else _named_by(d.name, col.arms))
        taken = [id(a) for a in owners if a is not None]
        if len(set(taken)) != len(taken):
            continue
        keys = [arm_key(d.name)[0] for d in definitions]
        if any(a is None and (not key or not _plausible_name(d.name)) for a, key, d in zip(owners, keys, definitions)) \
                or len({k for k, a in zip(keys, owners) if a is None}) < sum(a is None for a in owners):
            continue
        for d, arm, key in zip(definitions, owners, keys):
            if arm is None:
                arm = Arm(arm_id="", name=d.name, canonical=key, n=d.n, role="control" if _control_canonical(d.name)
                          else "", start=d.start, end=d.end, source="allocation", aliases={key})
                col.arms.append(arm)
            arm.aliases = set(arm.aliases) | {f"group {d.code.lower()}", d.code}
        return


def _named_by(name: str, arms: list[Arm]) -> Arm | None:
    """The one arm a definition's name names: its drug or regimen key is the arm's (or one of its names), or both
    name one kind of control; no looser reading (a size, initials, one shared word): a definition names what a
    column is, and a measure of one arm's drug ("total dose of X") is no name of that arm."""
    key, _ = arm_key(name)
    control = _control_canonical(name)
    found = {id(a): a for a in arms if key and (_key_of(a)[0] == key or key in {x.lower() for x in a.aliases})
             or control and _control_canonical(a.canonical) == control}
    return next(iter(found.values())) if len(found) == 1 else None


def _name_coded_groups_by_definitions(arms: list[Arm], scan: str, structure: dict | None) -> None:
    """Arms still known only by their code ("group A": no sentence said what each received) are named by what a
    footnote or legend list defines the code as ("A, drug X 10 mg; B, placebo"), when the list names every such
    arm (run after the methods' own naming, `_name_lettered_groups`)."""
    coded = {a.canonical.split()[-1]: a for a in arms if re.fullmatch(r"group \S+", a.canonical)}
    if len(coded) < 2:
        return
    printed = _printed_codes(structure)
    for definitions in definition_lists(scan) + bracket_definitions(scan):
        named = {d.code.lower(): d for d in definitions if d.code in printed}
        if not set(coded) <= set(named):
            continue
        keys = {code: arm_key(named[code].name)[0] for code in coded}
        if not all(keys.values()) or len(set(keys.values())) < len(keys) \
                or not all(_plausible_name(named[code].name) for code in coded):
            continue
        for code, arm in coded.items():
            arm.aliases = set(arm.aliases) | {arm.canonical, keys[code]}
            arm.canonical = keys[code]
            if arm.role in ("", "other") and (_control_canonical(named[code].name) or keys[code] in CONTROL_CANONICAL):
                arm.role = "control"
        return


def _arm_codes_of_tables(arms: list[Arm], structure: dict | None) -> frozenset:
    """The bare codes the tables print as column headers or row labels that name arms: a table's codes count only
    when there are two or more and each names an arm of its own ("A | B | C" over a trial of groups A and B is
    no table of those groups: its "C" names none); single capitals as column headers are left out (see below)."""
    study = Study("", arms)
    trusted: set[str] = set()
    for table in (structure or {}).get("tables") or []:
        for axis, texts in enumerate(_code_axes(table)):
            codes = _axis_codes(texts, axis == 1 and _numbered_group_rows(table))
            if len(codes) < 2 or axis == 0 and all(re.fullmatch(r"[A-Z]", c) for c in codes):
                # (bare single capitals as column headers, "A | B | C", stay unread: measured on the validation
                # batches they gave one table's cells to arms where the labels hold none of them; "Group A" headers,
                # "G1 | G2", Roman and numbered codes and lettered row labels are read)
                continue
            owners = [study.arm_of_code(code) for code in codes]
            if all(owners) and len({id(a) for a in owners}) == len(owners):
                trusted |= codes
    return frozenset(trusted)


def _coded_table_arms(col: _Collector, scan: str, design: str) -> None:
    """Groups that only the tables' headers name, by codes of their own ("Group B+D (n = 30) | Group B (n = 30)"),
    are the trial's arms when the text defined fewer than two: each named by what the text says it received when a
    sentence gives the codes in order ("X or X plus Y was administered (groups B and B+D, respectively)"), else
    "group B+D"; the header's words stay a name of the arm."""
    if len(col.table_codes) < 2 or len(col.arms) >= 2:
        return
    if any(code.isdigit() for code in col.table_codes) and design != "RCT":
        return      # "Group 1", "Group 2" are arms only in a randomized trial's report
    named = _named_codes(scan, set(col.table_codes))
    for code, (n, start, end) in col.table_codes.items():
        label = f"group {code}"
        known = next((a for a in col.arms if code in a.aliases or label.lower() in a.aliases), None)
        if known is not None:
            known.n = known.n if known.n is not None else n
            continue
        name = named.get(code, label)
        key = (arm_key(name)[0] if code in named else "") or label.lower()
        same = next((a for a in col.arms if a.canonical == key), None)
        if same is not None:
            same.n = same.n if same.n is not None else n
            same.aliases |= {label.lower(), code}
            continue
        col.arms.append(Arm(arm_id="", name=name, canonical=key, n=n, role="", start=start, end=end, source="table",
                            aliases={key, label.lower(), code, f"{code.lower()} group"}))


def _named_codes(scan: str, codes: set[str]) -> dict[str, str]:
    """{code: what that group received} from "X or X plus Y was administered ... (groups B and B+D, respectively)"."""
    for m in _CODES_RESPECTIVELY.finditer(scan):
        listed = [re.sub(r"\s+", "", c) for c in re.split(r"\s*(?:,\s*(?:and\s+)?|\band\s+|&\s*)(?:(?:group|arm)\s+)?",
                                                          m.group("codes"))]
        if len(listed) < 2 or not set(listed) <= codes:
            continue
        before = _NAMED_BEFORE.search(scan[max(0, m.start() - 260):m.start()])
        if before is None:
            continue
        names = re.sub(r"^(?:the|an?|either)\s+", "", before.group("names").split(",")[-1] if False else before.group("names"),
                       flags=re.I)
        for splitter in (r"\s*,\s*(?:or\s+)?|\s+or\s+", r"\s*,\s*(?:and\s+)?|\s+and\s+"):
            parts = [p.strip() for p in re.split(splitter, names) if p.strip()]
            if len(parts) == len(listed) and all(_plausible_name(p) for p in parts):
                return dict(zip(listed, parts))
    return {}


# a bracket closing a name, or left open by split_size: "Arm A (RT+Cisp)", "Arm A (RT+Cisp"
_BRACKET_TAIL = re.compile(r"\s*[(\[][^()\[\]]*[)\]]?\s*$")


_SPELLED_UNIT = re.compile(r"(?<=\d)\s*(grams?|gm|milligrams?|micrograms?)\b")
_UNIT_SYMBOL = {"gram": " g", "grams": " g", "gm": " g", "milligram": " mg", "milligrams": " mg", "microgram": " µg",
                "micrograms": " µg"}


def arm_key(name: str) -> tuple[str, str]:
    """(canonical drug or regimen without dose, dose as written in lower case) of an arm name."""
    coded = _CODED_GROUP.fullmatch(_BRACKET_TAIL.sub("", re.sub(r"(?i)^\s*the\s+", "", name)))
    if coded is not None:
        return f"group {(coded.group('code') or coded.group('code2')).lower()}", ""
    name = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", name)
    # "liquid filled hard-gelatin capsules containing X", "tablets of X": the form it was given in names nothing
    contained = _FORM_CONTAINING.match(name)
    if contained is not None:
        name = contained.group("what")
    # "tocilizumab weekly" and "tocilizumab every other week": a schedule tells two arms of one drug apart as a dose does
    dose_match = _DOSE.search(name) or _DOSE_LEVEL.search(name) or _REGIMEN_QUALIFIER.search(name) or _SCHEDULE.search(name)
    dose = re.sub(r"[\s-]+", " ", dose_match.group()).lower().replace(" /", "/").replace("/ ", "/") if dose_match else ""
    # (a unit spelled out is the unit: "2 grams/day" and "2 gm/day" are "2 g/day")
    dose = _SPELLED_UNIT.sub(lambda m: _UNIT_SYMBOL[m.group(1)], dose) if dose and _SPELLED_UNIT.search(dose) else dose
    route = _ROUTE_GIVEN.match(name) if not dose else None
    if route is not None:
        # "oral iron" and "intravenous iron": the route tells two arms of one drug apart as a dose does
        dose = _ROUTE_WORDS.get(route.group("route").lower().replace(".", ""), route.group("route").lower())
    drugs = [m for m in find_drugs(name) if not m.negated]
    control = _control_canonical(name)
    if control and re.match(r"(?i)\s*(?:(?:a|the)\s+)?(?:matching\s+|matched\s+)?(?:placebo|sham|vehicle)\b", name):
        return control, ""      # "placebo combined with a prednisone taper": the placebo arm, on its background
    names = list(dict.fromkeys(m.canonical for m in drugs if m.canonical not in CONTROL_CANONICAL))
    if names:
        names = _with_unknown_partners(name, names)
        # "placebo plus standard therapy" is the placebo arm; "X plus standard therapy" is X
        return " + ".join(names), dose
    if control:
        # "standard care plus CTCA": a control with a treatment the lexicon does not know added is the combination
        partners = _with_unknown_partners(name, [])
        return (" + ".join([control] + partners), dose) if partners else (control, "")
    plain = _DOSE_LEVEL.sub(" ", _DOSE.sub(" ", name))
    plain = _REGIMEN_WORDS.sub(" ", plain)
    # punctuation goes, but not a concentration's ("glycine 1.5%", "capsaicin 8% patch": the arm's name carries it)
    plain = re.sub(r"[^\w+/ .%-]|(?<!\d)[.%]|\.(?!\d)", " ", plain)
    plain = re.sub(r"\s+", " ", plain).strip(" -/").lower()
    # "200 mg of dupilumab every 2 weeks": without its dose, the drug's name, not "of dupilumab"
    plain = re.sub(r"^of\s+", "", plain) if dose else plain
    return plain, dose


_FORM_CONTAINING = re.compile(r"(?i)\s*(?:[\w-]+\s+){0,4}?(?:capsules?|tablets?|pills?|sachets?|lozenges?|drinks?|"
                              r"solutions?|sprays?|gels?|creams?|ointments?|patch(?:es)?|bars?)\s+(?:containing|of|with)\s+"
                              r"(?P<what>[A-Za-z].*)")


# "X plus Y", "X + Y", "X in combination with Y": the parts of a combination arm's name
_COMBINATION_PARTS = re.compile(r"\s*\+\s*|\s+(?:plus|(?:in\s+)?combin(?:ed|ation)\s+with)\s+", re.I)
# "Atorvastatin/Interferon beta-1b": a slash between two words of four letters or more, never a unit's "mg/kg" or a
# rate's "units/week"; read as a combination only where the name holds a drug the lexicon knows (a "Saline/placebo"
# column is the placebo arm)
_SLASH_PARTS = re.compile(r"(?<=[A-Za-z]{4})\s*/\s*(?=[A-Za-z]{4})"
                          r"(?!(?:week|month|year|hour|dose|session|cycle|visit|time|daily|weekly)s?\b)", re.I)


_ROUTE = re.compile(r"^(?:(?:sc|s\.c\.|iv|i\.v\.|im|i\.m\.|po|oral|intravenous|subcutaneous|intramuscular|topical|inhaled|"
                    r"intranasal|rectal|vaginal|sublingual)\s+)+", re.I)


# a route written before the drug's name, and each route's one spelling (a route is a dose-like qualifier of an arm)
_ROUTE_GIVEN = re.compile(r"(?i)\s*(?:(?:a|an|the)\s+)?(?P<route>oral|intravenous|i\.?v\.?|subcutaneous|s\.?c\.?|intramuscular|"
                          r"i\.?m\.?|topical|inhaled|intranasal|rectal|vaginal|sublingual|intrathecal|epidural|intra-articular)"
                          r"\s+(?=[A-Za-z])")
_ROUTE_WORDS = {"iv": "intravenous", "sc": "subcutaneous", "im": "intramuscular"}
_ROUTE_NAMES = frozenset({"oral", "intravenous", "subcutaneous", "intramuscular", "topical", "inhaled", "intranasal", "rectal", "vaginal", "sublingual", "intrathecal",
                          "epidural", "intra-articular"})


def _combination_parts(name: str) -> list[str]:
    """The parts of a combination's name ("omega-3 capsule + VSL#3 capsule": two), one part for a single treatment."""
    return [p.strip() for p in _COMBINATION_PARTS.split(name or "") if p and p.strip()]


def _with_unknown_partners(name: str, names: list[str]) -> list[str]:
    """ "etanercept plus methotrexate" when the lexicon knows only methotrexate: the combination is both (the
    part it does not know by its words), so that it stays apart from the arm of "etanercept alone"; a part that is a
    control word ("X plus standard therapy") or a dose is no partner."""
    parts = [p.strip() for p in _COMBINATION_PARTS.split(name) if p and p.strip()]
    if names:
        parts = [q.strip() for p in parts for q in _SLASH_PARTS.split(p) if q.strip()]
    if len(parts) < 2:
        return names
    out = []
    for part in parts:
        known = [m.canonical for m in find_drugs(part) if not m.negated and m.canonical not in CONTROL_CANONICAL]
        if known:
            out += known
            continue
        plain = re.sub(r"\s+", " ", _DOSE_LEVEL.sub(" ", _DOSE.sub(" ", part))).strip(" ,;:-").lower()
        plain = re.sub(r"^(?:of|the|an?)\s+", "", plain)
        # "SC rilonacept + oral placebo": the route is how a part is given, not which part it is
        plain = _ROUTE.sub("", plain)
        if _control_canonical(part) or not re.fullmatch(r"[a-z][\w-]{3,}(?:\s+[a-z][\w-]*){0,2}", plain) \
                or _REGIMEN_WORDS.fullmatch(plain) or _SCHEDULE_ONLY.fullmatch(plain) \
                or GENERIC_TREATMENT.fullmatch(re.sub(r"\s*\(.*$", "", plain)):
            # "usual care plus intervention (WP)": a word for any treatment names no partner
            continue
        out.append(plain)
    out = list(dict.fromkeys(out))
    return out if len(out) > len(names) and set(names) <= set(out) else names


def _key_of(arm: Arm) -> tuple[str, str]:
    base = arm.canonical[: -len(arm.dose) - 1] if arm.dose and arm.canonical.endswith(" " + arm.dose) else arm.canonical
    return base, arm.dose


def _conflicting_names(key: str, arm: Arm) -> bool:
    """Two names that each resolve to a different known drug or control cannot be one arm."""
    return key in CONTROL_CANONICAL or _key_of(arm)[0] in CONTROL_CANONICAL


# columns of patient groups that are not arms: "Women (n = 150)", "Responders", "Age ≥65 years", "AQP4+"; the people
# outside the randomised arms, "Refusal (N = 52)", "Declined", "Non-participants", "Dropouts" (a trial's figures of
# those who would not or could not take part, beside its arms)
_SUBGROUP_HEADER = re.compile(
    r"^\s*(?:[<>≥≤]|(?:men|women|males?|females?|boys|girls|children|adults|age[ds]?|responders?|non-?responders?|"
    r"refus(?:al|als|ed|ers?)|declin(?:ed|ers?)|non-?participa(?:nts?|tion)|non-?consent(?:ers?|ing)|"
    r"non-?respondents?|drop-?outs?|lost\s+to\s+follow|"
    r"cases|survivors|non-?survivors|deaths?|relapsed?|non-?relapsed?|with(?:out)?|patients\s+with|yes|no|"
    r"positive|negative|seropositive|seronegative|subgroup|cohort\s*\d|group\s*\d|period\s*\d|visits?|weeks?|months?|"
    r"days?|years?|baseline|before|after|pre|post)\b)|\b(?:positive|negative)\s*$|\+\s*$", re.I)


# "No premedication (n = 100)", "Without prophylaxis": the arm that did not get the treatment, not a subgroup
_NEGATED_TREATMENT = re.compile(
    r"\s*(?:no|without)\s+(?:[\w-]+\s+){0,2}?(?:pre-?medication|medications?|treatment|therapy|intervention|prophylaxis|"
    r"supplementation|supplements?|sedation|analgesia|an(?:a)?esthesia|(?:nerve\s+)?block|injection|infusion|drugs?|"
    r"vaccine|vaccination|antibiotics?|premedication|pretreatment|pre-?treatment|antiemetics?|steroids?)"
    r"(?:\s+(?:group|arm))?\s*", re.I)


# "No morphine", "Without block": the rest names what the group went without
_WITHOUT_PARTNER = re.compile(r"\s*(?:no|without)\s+(?P<rest>.+?)\s*", re.I)


def negated_treatment(name: str) -> bool:
    """Whether an arm name says the group went without a treatment ("No premedication", "without dexamethasone")."""
    if _NEGATED_TREATMENT.fullmatch(name):
        return True
    rest = re.match(r"(?i)\s*(?:no|without)\s+(?P<rest>.+)", name)
    return rest is not None and len(rest.group("rest").split()) <= 3 and bool(find_drugs(rest.group("rest")))


def is_arm_header(header: str) -> bool:
    if not header or not re.search(r"[A-Za-z]", header):
        return False
    if _NOT_ARM_HEADER.match(header) or WHOLE_POPULATION_HEADER.fullmatch(split_size(header)[0]) or \
            (_SUBGROUP_HEADER.search(split_size(header)[0]) and not negated_treatment(split_size(header)[0])):
        return False
    # ("Difference vs placebo", "Odds ratio": the words in any case; the abbreviations in capitals only)
    if re.search(r"(?i:\b(?:p[- ]?values?|95\s*%|CI|ratio|difference|effects?|estimates?)\b)|\b(?:HR|OR|RR|IRR)\b", header) \
            and not _HEADER_SIZE.search(header):
        return False
    if re.fullmatch(r"\s*p\s*", header, re.I):
        return False
    if _COMPARISON_HEADER_WORDS.search(header) and not _HEADER_SIZE.search(header):
        return False        # "Budesonide 200 µg vs placebo": the column compares two arms, it is neither
    if names_difference(header):
        return False        # "Δ(A) – Δ(B) (n = 76) δ (95% CI)": the arms' difference, its size both arms' (column_roles)
    if difference_against_control(header):
        return False        # "Δ Drug-Placebo": the active arm's figure less the control's, neither arm's own
    return True


def difference_against_control(header: str) -> str:
    """The kind of control ("placebo", "control", ...) a header's difference sign subtracts ("Δ Drug-Placebo", "∆ A vs
    control"): the column holds each other arm's difference against that control, no arm's own figure; "" else."""
    between = _DELTA_BETWEEN_ARMS.fullmatch(header or "")
    return _control_canonical(between.group("reference")) if between is not None else ""


# a difference sign before two names joined by a minus or "vs", the second the reference ("Δ Drug-Placebo", "∆ A vs
# control"); only a control's name makes the minus a subtraction and not a hyphen of one name ("Δ LDL-C")
_DELTA_BETWEEN_ARMS = re.compile(r"\s*[\u0394\u2206\u03b4]\s*[^\s\u0394\u2206\u03b4][^\u0394\u2206\u03b4]{0,40}?"
                                 r"\s*(?:[-\u2010\u2013\u2014\u2212]|\s(?:vs\.?|versus)\s)\s*(?P<reference>[A-Za-z][^\u0394\u2206\u03b4]{1,30}?)"
                                 r"\s*(?:[(\[][^()\[\]]*[)\]])?\s*[*\u2020\u2021\u00a7\u00b6#\d]*\s*")


_COMPARISON_HEADER_WORDS = re.compile(r"(?i)\S\s+(?:vs\.?|versus|compared\s+(?:with|to))\s+\S")


def _plausible_name(name: str) -> bool:
    words = name.split()
    if _TIME_AMOUNT.fullmatch(name):
        return True         # "a 3 h or 20 h group": arms told apart by a time alone
    if not 1 <= len(words) <= 8 or not re.search(r"[A-Za-z]{2}", name):
        return False
    if re.fullmatch(r"(?i)(?:and|or|at|of|with|to|in|on|by|for|the|then|thereafter|after|before)(?:\s+\w+)?", name) \
            and not _control_canonical(name) and not find_drugs(name):
        return False        # "..., and at 6-8 hour intervals thereafter": a list's joint, not an arm
    # "a 2:1 ratio", "one of two groups", "this study": not arms
    # ("the study group" is an arm: the generic name of the treated arm)
    if re.match(r"(?i)(?:a|an|one|two|three|this|that|these|each|both|all|either|patients|participants|"
                r"the\s+study(?!\s+(?:group|arm)s?\b)|ratio|groups?|arms?|treatment\s+groups?)\b", name) and not _control_canonical(name) \
            and not find_drugs(name):
        return False
    # "and at 6-8 hour intervals thereafter": the rest of the previous arm's schedule, not an arm
    if re.match(r"(?i)(?:and|or|but|then|thereafter|at\s+\d)\b", name) and not _control_canonical(name) and not find_drugs(name):
        return False
    # "in the order provided by the site", "because they died before", "due to technical problems", "for technical
    # reasons": a clause of the allocation or disposition sentence, not what a group received
    if _CLAUSE_NOT_ARM.match(name) and not _control_canonical(name) and not find_drugs(name):
        return False
    if _ROUTE_ONLY.fullmatch(name):
        return False        # "..., (group P), intrathecally.": how every arm was given, the list's last word

    if _CONTROL_OF_A_MEASURE.search(name) and not strategy_control(name):
        # "glycemic control", "better pain control": an outcome, not a control group ("intensive glycemic control" is an arm)
        return False
    if _RESULT_NOT_ARM.search(name):
        return False        # "walking showed a large effect", "a 39% improvement in X", "those randomized": results
    return not re.search(r"(?i)\b(?:were|was|is|are|had|have|received|ratio|randomi[sz]ation|respectively|compared|comparing|"
                         r"could|did|died|lost|withdrew|withdrawn|excluded|dropped|reasons?|problems?|"
                         # "allocation to the different intervention sequences and the flow of the subjects": a
                         # crossover's sequences and a flow diagram are no arms
                         r"sequences?|flow\s+of)\b", name)


# a result or the people a result is of, never what a group received: a verb of finding ("showed", "achieved"), an
# effect's size ("a medium effect", "large effects", "a significant difference"), a change in percent ("a 39%
# improvement in", "25 % lower"), "those randomized" / "patients allocated"
_RESULT_NOT_ARM = re.compile(
    r"(?i)\b(?:show(?:ed|n|ing|s)|demonstrat(?:ed|ing|es)|experienc(?:ed|ing)|achiev(?:ed|ing)|report(?:ed|ing)|yield(?:ed|ing))\b"
    r"|\b(?:small|medium|moderate|large|significant|greater|higher|lower|marked|modest)\s+"
    r"(?:effects?|improvements?|reductions?|increases?|decreases?|differences?|changes?)\b"
    r"|\d\s*(?:%|percent)\s+(?:improvement|reduction|increase|decrease|rise|fall|change|higher|lower|more|less|greater|"
    r"better|worse)\b"
    r"|\b(?:those|patients|participants|subjects)\s+(?:randomi[sz]ed|allocated|assigned)\b")
# "control" said of something measured: "glycemic control", "blood pressure control", "better pain control",
# "asthma control", "seizure control", "rate control"
_CONTROL_OF_A_MEASURE = re.compile(
    r"(?i)\b(?:glyc(?:a)?emic|glucose|(?:blood\s+)?sugar|metabolic|(?:blood[- ])?pressure|pain|symptoms?|asthma|disease|"
    r"seizures?|rate|rhythm|weight|lipids?|tumou?r|craving|bladder|bowel|postoperative\s+pain|better|good|poor|optimal|"
    r"adequate|inadequate|improved|effective)\s+control\b")
_ROUTE_ONLY = re.compile(r"(?i)\s*(?:intrathecal|epidural|intravenous|intramuscular|subcutaneous|oral|sublingual|rectal|"
                         r"topical|intranasal|perineural|intra-?articular|intradermal|transdermal|inhaled|nebuli[sz]ed)(?:ly)?\s*")
_TIME_AMOUNT = re.compile(r"\s*(?:an?\s+)?\d+(?:\.\d+)?[\s-]*(?:h|hrs?|min|d|wk)\s*")
# the words that open a clause of reason, manner or time (or a pronoun): what follows them is no arm's name
_CLAUSE_NOT_ARM = re.compile(r"(?i)\s*(?:in|into|due|because|since|as|while|whereas|although|though|unless|if|when|where|"
                             r"they|we|it|he|she|who|which|blindly|randomly|according|after|before|during|following|"
                             r"prior\s+to|until|upon)\s"
                             # what a patient did after allocation: "discontinued the study", "dropped out", "withdrew"
                             r"|\s*(?:discontinued|dropped\s+out|withdrew|died|was\s+lost|were\s+lost)\b"
                             # a design word alone: "a prospective, randomised ..." split at its comma
                             r"|\s*(?:prospective|retrospective|randomi[sz]ed|double[- ]blind(?:ed)?|single[- ]blind(?:ed)?|"
                             r"open[- ]label|controlled|blinded|crossover|parallel[- ]group|multi-?cent(?:er|re))\s*$")


# "a control group that received no paracetamol", "a control group who were given no X": the arm is "no X"
_CONTROL_THAT_RECEIVED_NO = re.compile(
    r"(?i)\s*(?:(?:an?|the)\s+)?control\s+(?:group|arm)\s+(?:that|which|who)\s+(?:received|got|(?:was|were)\s+given)\s+"
    r"(?P<arm>no\s+[\w-]+(?:\s+[\w-]+){0,3})\s*")


# ---------------------------------------------------------------------------------------------- builder
_CONTROL_KEYS = {canonical for _, canonical in _CONTROL_WORDS}
# "control treatment", "the control group": the word names the arm ("blood-pressure control" does not)
_GENERIC_CONTROL = re.compile(r"(?i)^\s*(?:the\s+)?controls?(?:\s+(?:treatment|group|arm|patients|condition))?\s*$")




class _Collector:
    """Arm candidates in order of strength; a later mention of an arm already known adds its size."""

    def __init__(self, treated_observation: bool = False, lettered: frozenset = frozenset()) -> None:
        self.arms: list[Arm] = []
        # the letters that name this report's groups ("group A", "group B"): an ordinal run from A; a letter that
        # abbreviates a treatment ("group KM" of ketamine-midazolam) is no such name
        self.lettered = lettered
        # a report that sets an "observation group" against a "control group" observes the treated arm: the
        # observation group is the experimental arm, not an untreated one
        self.treated_observation = treated_observation
        # the groups table headers name by a code of their own ("Group B+D (n = 30)"): {code: (n, start, end)}
        self.table_codes: dict[str, tuple[int, int, int]] = {}

    def rename(self, short: str, name: str, n: int | None, start: int, end: int) -> Arm | None:
        """ "glycine 1.5% solution (glycine group, n = 120)" after a table column "Glycine group": the arm the table
        named by its short name is this one, named as the allocation writes it."""
        short_key = arm_key(short)[0]
        found = [a for a in self.arms if short_key and a.canonical == short_key and a.source == "table"]
        key, dose = arm_key(_plain_dose(re.sub(r"\s+", " ", name).strip(" ,;:-")))
        if len(found) != 1 or not key or key == short_key or any(a.canonical == key for a in self.arms):
            return None
        arm = found[0]
        arm.aliases.add(arm.canonical)
        arm.name, arm.canonical, arm.dose, arm.start, arm.end = _item_size(name)[0].strip(), key, dose, start, end
        arm.aliases.add(key)
        if arm.n is None and n is not None:
            arm.n = n
        return arm

    def add(self, name: str, n: int | None, start: int, end: int, source: str, role: str = "") -> Arm | None:
        name = _plain_dose(re.sub(r"\s+", " ", name).strip(" ,;:-"))
        name = _AMOUNT_OF.sub("", name) or name      # "two chewable tablets of X": how much of X, not which
        coded = _CODED_GROUP.fullmatch(re.sub(r"(?i)^\s*the\s+", "", name))
        if coded is not None and (coded.group("code") or coded.group("code2")) in self.lettered:
            # "(group A: 12, group B: 12, group C: 14)": arms the report names by a letter
            return self.add_coded(coded.group("code") or coded.group("code2"), n, start, end, source)
        no_treatment = _CONTROL_THAT_RECEIVED_NO.fullmatch(name)
        if no_treatment is not None:
            name = no_treatment.group("arm")
        # a combination described in full in the allocation ("radical surgery plus surgical wound surface
        # injection of rAd-p53 (SP)") may take more words than a name usually does
        combination = source == "allocation" and len(name.split()) <= 14 and re.search(
            r"(?i)\b(?:plus|(?:combined|fortified|supplemented|enriched)\s+with)\b", name)
        if not _plausible_name(name) and not (combination and _plausible_name(" ".join(name.split()[:8]))):
            return None
        key, dose = arm_key(name)
        if self.treated_observation and _OBSERVATION_GROUP.fullmatch(name):
            key, dose, role = "observation group", "", "experimental"
        if not key and dose:
            # "79 were assigned to the 25-mg dose": the one arm already known at that dose
            same_dose = [a for a in self.arms if a.dose == dose]
            if len(same_dose) == 1:
                if same_dose[0].n is None and n is not None:
                    same_dose[0].n = n
                return same_dose[0]
        if not key or re.fullmatch(r"[\d\s.,%]+", key):
            return None
        for arm in self.arms:
            if arm.start <= start and end <= arm.end and key in arm.canonical.split(" + ") and " + " in arm.canonical:
                # "methotrexate (n = 120)" read again inside "etanercept plus methotrexate (n = 120)": that arm
                if arm.n is None and n is not None:
                    arm.n = n
                return arm
        for arm in self.arms:
            base, arm_dose = _key_of(arm)
            # (a route and an amount do not tell arms apart: "intravenous X" and "X 200 mg" are one arm)
            if base == key and (arm_dose == dose or not dose or not arm_dose
                                or (dose in _ROUTE_NAMES) != (arm_dose in _ROUTE_NAMES)):
                if dose and not arm_dose and sum(_key_of(a)[0] == key for a in self.arms) == 1:
                    arm.dose = dose      # "X" in the methods, "X 10 mg (n = 52)" in a table: one arm
                if arm.n is None and n is not None:
                    arm.n = n
                if role and not arm.role:
                    arm.role = role
                arm.aliases.add(key)
                return arm
        # "placebo (n = 75)" in a trial whose arms are "placebo + indomethacin" (75) and "rilonacept + placebo" (73):
        # the one combination with that control part and that size ("usual care alone" beside "X plus usual care" is an
        # arm of its own)
        if key in CONTROL_CANONICAL and not re.search(r"(?i)\b(?:alone|only)\b", name):
            holding = [a for a in self.arms if key in a.canonical.split(" + ") and " + " in a.canonical]
            if n is not None and len(holding) > 1:
                holding = [a for a in holding if a.n == n]
            if len(holding) == 1 and (n is None or holding[0].n in (None, n)) and not any(a.canonical == key for a in self.arms):
                if holding[0].n is None and n is not None:
                    holding[0].n = n
                holding[0].aliases.add(key)
                return holding[0]
        # "conventional management" in the methods and "control treatment" in the results: one control arm
        controls = [a for a in self.arms if _key_of(a)[0] in _CONTROL_KEYS]
        generic = [x for x in (name, controls[0].name if controls else "") if _GENERIC_CONTROL.match(x)]
        if key in _CONTROL_KEYS and len(controls) == 1 and (key == "control") != (_key_of(controls[0])[0] == "control") \
                and len(generic) == 1 and (n is None or controls[0].n is None or n == controls[0].n):
            arm = controls[0]
            if arm.n is None and n is not None:
                arm.n = n
            arm.aliases.add(key)
            return arm
        # (the longer name one or two modifiers before the table's: "intrathecal morphine" for "Morphine")
        shorter = [a for a in self.arms if a.source == "table" and source != "table" and a.canonical != key
                   and not re.match(r"(?:no|without)\b", a.canonical)
                   and re.fullmatch(r"(?!(?:no|without)\b)[a-z][\w-]*(?:\s[a-z][\w-]*)?\s" + re.escape(a.canonical), key)
                   and not re.search(r"\b(?:plus|and|with|or|of|combined|vs)\b|[+/&]", key)]
        if len(shorter) == 1 and not find_drugs(key[: -len(shorter[0].canonical)]) and not _control_canonical(key):
            # "Morphine (n = 30)" in a table, "intrathecal morphine" in the allocation: one arm, named as allocated
            arm = shorter[0]
            arm.aliases |= {arm.canonical, key}
            arm.name, arm.canonical, arm.dose, arm.start, arm.end = name, key, dose, start, end
            if arm.n is None and n is not None:
                arm.n = n
            if role and not arm.role:
                arm.role = role
            return arm
        qualified = _qualified_same_arm(self.arms, key, dose, start, source)
        if qualified is not None:
            # "needle aspiration (A)" in the methods, "ultrasound guided needle aspiration group" in the abstract: one
            # arm, by the name first written
            qualified.aliases.add(key)
            if qualified.n is None and n is not None:
                qualified.n = n
            return qualified
        misspelt = [a for a in self.arms if (a.source == "table") != (source == "table") and not a.dose and not dose
                    and a.canonical not in CONTROL_CANONICAL and key not in CONTROL_CANONICAL
                    and near_spelling(a.canonical, key)]
        if len(misspelt) == 1:
            # "Pregablin (n = 30)" in a table, "pregabalin" in the methods: one arm, spelt as the text spells it
            arm = misspelt[0]
            arm.aliases |= {arm.canonical, key}
            if source != "table":
                arm.name, arm.canonical = name, key
            if arm.n is None and n is not None:
                arm.n = n
            if role and not arm.role:
                arm.role = role
            return arm
        for arm in self.arms:
            if arm.dose and arm.dose == key:     # "intensified regimen" alone, after "X intensified regimen"
                if arm.n is None and n is not None:
                    arm.n = n
                return arm
        arm = Arm(arm_id="", name=name, canonical=key, n=n, role=role, start=start, end=end, dose=dose, source=source,
                  aliases={key})
        self.arms.append(arm)
        return arm


    def add_coded(self, code: str, n: int | None, start: int, end: int, source: str = "table") -> Arm | None:
        """The arm a report names "group A" (canonical "group a"); its size from the first mention that gives one.
        None when the letter is not one of the report's ordinal group letters."""
        if code not in self.lettered:
            return None
        canonical = f"group {code.lower()}"
        for arm in self.arms:
            if arm.canonical == canonical:
                if arm.n is None and n is not None:
                    arm.n = n
                return arm
        arm = Arm(arm_id="", name=f"group {code}", canonical=canonical, n=n, role="", start=start, end=end,
                  source=source, aliases={canonical})
        self.arms.append(arm)
        return arm


def _qualified_same_arm(arms: list[Arm], key: str, dose: str, start: int, source: str) -> Arm | None:
    """The one arm, named in another sentence, whose name is this one with one to three modifier words before it
    ("ultrasound guided needle aspiration" and "needle aspiration"), or the other way round: one arm written twice.
    None when a name is a combination, a control, a negation or a lexicon drug's, when the extra words name a drug, a
    control, a dose or a negation, or when the two stand near each other (one list naming two arms)."""
    if source == "table" or dose or not key or key in CONTROL_CANONICAL or _control_canonical(key) \
            or _COMBINATION_WORDS.search(key) or find_drugs(key):
        return None
    found = []
    for arm in arms:
        other = arm.canonical
        if arm.source == "table" or arm.dose or other == key or abs(arm.start - start) < _SAME_LIST_SPAN \
                or other in CONTROL_CANONICAL or _COMBINATION_WORDS.search(other) or find_drugs(other):
            continue
        longer, shorter = (key, other) if len(key) > len(other) else (other, key)
        if not longer.endswith(" " + shorter) or len(shorter.split()) < 2:
            continue
        extra = longer[: -len(shorter)].strip()
        if len(extra.split()) <= 3 and not re.search(r"\d|\b(?:no|non|not|without|high|low|dose)\b", extra) \
                and not _control_canonical(extra):
            found.append(arm)
    return found[0] if len(found) == 1 else None


_COMBINATION_WORDS = re.compile(r"\b(?:plus|and|with|or|combined|vs)\b|[+/&]")
# (two names of one list stand within this many characters: "to either needle aspiration or ultrasound guided
# needle aspiration" names two arms)
_SAME_LIST_SPAN = 200


_OBSERVATION_GROUP = re.compile(r"(?i)\s*(?:the\s+|an\s+)?observation(?:\s+(?:group|arm))?\s*")
_OBSERVATION_AND_CONTROL = (re.compile(r"(?i)\bobservation\s+group\b"), re.compile(r"(?i)\bcontrol\s+group\b"))


# "239 patients were enrolled in each arm", "30 children were randomized to each group": every arm's size; also
# "with 20 patients in each arm.", "(n = 25 per group)", "each group consisted of 30 patients" (a count of patients
# "in each group" followed by more words, "5 patients in each group withdrew", is an event, not a size)
_PEOPLE = r"(?:patients|participants|subjects|women|men|children|infants|adults|individuals|cases|volunteers)"
_EACH = r"(?:each|every)\s+(?:treatment\s+|study\s+)?(?:arm|group)"
_EACH_ARM_SIZE = start_guarded(re.compile(
    r"(?<![\d.,])(?P<n>\d[\d,]*)\s+" + _PEOPLE + r"\s+(?:were\s+)?(?:enrolled|randomi[sz]ed|included|allocated|assigned)\s+"
    r"(?:in|to|into)\s+" + _EACH + r"\b"
    r"|(?<!\bin\s)(?<!\bof\s)(?<![\d.,])(?P<n2>\d[\d,]*)\s+(?:" + _PEOPLE + r"\s+(?:in\s+" + _EACH + r"|per\s+(?:arm|group))|per\s+(?:arm|group))"
    r"(?=\s*(?:[.,;)\]]|$))"
    r"|[(\[]\s*(?:n\s*=\s*)?(?P<n3>\d[\d,]*)\s+(?:" + _PEOPLE + r"\s+)?(?:in\s+" + _EACH + r"|per\s+(?:arm|group)|each)\s*[)\]]"
    r"|\b" + _EACH + r"\s+(?:consisted\s+of|comprised|included|contained|had|of)\s+(?P<n4>\d[\d,]*)\s+" + _PEOPLE +
    # "(each group n = 75)", "(each arm, N = 40)": a table caption's size of every group
    r"|[(\[]\s*" + _EACH + r"\s*,?\s*[nN]\s*=\s*(?P<n5>\d[\d,]*)\s*[)\]]", re.I))


def each_arm_size(text: str) -> int | None:
    """The one size a text gives every arm at once ("30 children were randomized to each group", "(n = 25 per
    group)", a caption's "(each group n = 75)"); None when it gives none or several."""
    sizes = {int(next(g for g in m.group("n", "n2", "n3", "n4", "n5") if g).replace(",", ""))
             for m in _EACH_ARM_SIZE.finditer(text or "")}
    return sizes.pop() if len(sizes) == 1 else None


# "randomly allocated to 2 groups of 40", "divided into two equal groups of 30 patients each"
_GROUPS_OF = prefiltered(re.compile(r"\b(?:allocated|assigned|randomi[sz]ed|divided|distributed)\s+(?:[\w-]+\s+){0,3}?(?:in)?to\s+"
                        r"(?P<k>two|three|four|[234])\s+(?:equal\s+)?groups\s+of\s+(?P<n>\d{1,5}|" + COUNT_WORD + r")\b"
                        r"(?!\s*(?:years?|%|mg|kg|months?|weeks?|days?))", re.I))
_GROUP_COUNT = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
# "randomly divided into two equal groups" (the population's size stated elsewhere)
_EQUAL_GROUPS = prefiltered(re.compile(r"\b(?:divided|randomi[sz]ed|allocated|assigned|distributed)\s+(?:\w+\s+){0,2}?into\s+"
                           r"(?P<k>two|three|four|[234])\s+equal\s+(?:groups|arms)\b", re.I))
_PATIENTS_COUNTED_BEFORE = re.compile(r"(?<![\d.,])(?P<n>\d{2,5})\s+(?:[\w-]+\s+){0,4}?(?:patients|participants|subjects|children|"
                                      r"women|men|adults|infants)\b", re.I)
# "Five patients of each group were excluded", "3 participants from each arm withdrew"
_EXCLUDED_EACH = re.compile(r"\b(?P<k>\d{1,3}|" + COUNT_WORD + r")\s+(?:patients|participants|subjects|children|women|men)\s+"
                            r"(?:of|from|in)\s+each\s+(?:group|arm)\s+(?:were\s+|was\s+)?(?:excluded|withdrawn|withdrew|"
                            r"lost|dropped\s+out)\b", re.I)


def _size_of_each_arm(arms: list[Arm], scan: str) -> None:
    """The size the document gives every arm at once, for the arms that have none (two or more arms, one such
    statement, or several agreeing)."""
    sizes = {int(next(g for g in m.group("n", "n2", "n3", "n4", "n5") if g).replace(",", ""))
             for m in _EACH_ARM_SIZE.finditer(scan)}
    for m in _GROUPS_OF.finditer(scan):
        if _GROUP_COUNT.get(m.group("k").lower()) == len(arms):
            size = count_value(m.group("n").lower())      # "two groups of 40", "two groups of fifty"
            if size:
                sizes.add(size)
    if not sizes and len(arms) >= 2 and all(a.n is None for a in arms):
        equal = _EQUAL_GROUPS.search(scan)
        total = None
        if equal is not None and _GROUP_COUNT.get(equal.group("k").lower()) == len(arms):
            # the population the document states, else the patients counted right before ("a trial on 80 type II
            # diabetic patients ... Patients were randomly divided into two equal groups")
            before = list(_PATIENTS_COUNTED_BEFORE.finditer(scan, max(0, equal.start() - 300), equal.start()))
            total = population_size(scan) or (int(before[-1].group("n")) if before else None)
        if total and total % len(arms) == 0:
            # "80 patients ... randomly divided into two equal groups": 40 each; "Five patients of each group were
            # excluded": the 35 analysed
            excluded = {count_value(m.group("k").lower()) for m in _EXCLUDED_EACH.finditer(scan)} - {None}
            sizes.add(total // len(arms) - (excluded.pop() if len(excluded) == 1 else 0))
    if len(sizes) != 1 or len(arms) < 2:
        return
    size = sizes.pop()
    for arm in arms:
        if arm.n is None:
            arm.n = size


def _readable_spans(text: str, structure: dict | None) -> list[tuple[int, int]]:
    sections = (structure or {}).get("sections") or []
    wanted = []
    for section in sections:
        try:
            start, end = int(section["start"]), int(section["end"])
        except (KeyError, TypeError, ValueError):
            continue        # a malformed section entry: as if it were not there
        if str(section.get("name", "")).lower() in {"abstract", "methods", "results"} and 0 <= start < end:
            wanted.append((start, min(end, len(text))))
    return sorted(wanted) if wanted else [(0, len(text))]


def _aim_spans(text: str, structure: dict | None) -> list[tuple[int, int]]:
    """The background sections, where a structured abstract states its aim ("Objectives: To compare ...")."""
    return [(int(s["start"]), min(int(s["end"]), len(text))) for s in (structure or {}).get("sections") or []
            if str(s.get("name", "")).lower() == "background" and isinstance(s.get("start"), int)
            and isinstance(s.get("end"), int) and 0 <= s["start"] < s["end"]]


_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.I)
_TREATMENT_WITH = re.compile(r"(?i)(?:(?:receive|undergo|get)\s+)?(?:(?:an?|the)\s+)?(?:treatment|therapy|management|"
                             r"prophylaxis|supplementation|premedication)\s+with\s+(?:either\s+)?(?=\S)")
_AMOUNT_ONLY = re.compile(r"(?:an?\s+)?\d+(?:\.\d+)?[\s-]*(?:cm|mm|m|mg|g|ml|mL|days?|weeks?|months?|hours?|h|hrs?|min(?:utes?)?|%)", re.I)
_WITH_EITHER = re.compile(r"(?:[\w-]+\s+){1,6}?(?:with\s+)?either\s+", re.I)


_CONDITION_BEFORE = re.compile(r"(?i)\b(?:if|when|whenever|unless|once)\b[^,;.:]*$")


# "to an X group (Group I; n = 16) receiving A and X 4 mg, or a Y group (Group O; n = 16) receiving A and Y 10 mg":
# each item opens with its group's name; what follows "receiving" describes it (its "and" splits nothing)
_GROUP_ITEM = re.compile(r"(?:^|,?\s+(?:or|and)\s+|,\s*|;\s*)(?P<item>(?:an?|the)\s+(?P<name>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)"
                         r"\s+(?:group|arm)\b(?:\s*[(\[][^()\[\]]{0,60}[)\]])?)", re.I)


def _group_items(body: str) -> list[tuple[int, str]] | None:
    """The items of an allocation list whose every item opens "a/the NAME group" followed by a description
    ("receiving ...", "given ..."): each item the group's name with its bracket; None for any other list."""
    found = [m for m in _GROUP_ITEM.finditer(body)]
    if len(found) < 2 or found[0].start() != 0 or not re.search(r"(?i)\b(?:receiving|given|treated\s+with|who\s+received)\b",
                                                                 body[found[0].end():found[1].start()]):
        return None
    if any(_NOT_GROUP_NAME.match(m.group("name")) for m in found):
        return None
    return [(m.start("item"), m.group("item")) for m in found]


def _allocation_arms(scan: str, s0: int, seg: str, col: _Collector, head: re.Pattern = _ALLOCATION) -> bool:
    """The arms of a list that follows `head` (an allocation by default; the conditions every participant of a
    within-subject design received, see _within_subject_conditions). True when two or more were added."""
    found = False
    for m in head.finditer(seg):
        if _CONDITION_BEFORE.search(seg, max(0, m.start() - 80), m.start()):
            continue    # "If the participant was randomized to X, the nurse provided ...": one arm, then a clause
        rest = seg[m.end():]
        if re.match(r"\d", rest) and re.search(r"(?<![:\d.])\d+(?:\.\d+)?\s+to\s+$", m.group()):
            continue    # "with an eGFR of 25 to 75 ml per minute ... to receive X": a range, not the allocation's "to"
        # "randomly assigned 900 patients to surgery with either a 1 cm excision margin (n=453) or a 3 cm ...": the
        # arms are the "either" list of what the surgery was done with
        via = _WITH_EITHER.match(rest)
        if via is not None and not re.search(r"(?i)\bwith\s+either\s+$", via.group()) \
                and re.search(r"(?i)\b(?:" + _LABEL_HEADS + r")\s+either\s+$", via.group()):
            # "to receive antiviral therapy either at once (immediate therapy) or ...": the labels name the arms
            via = None
        # "randomly assigned to treatment with X (4 mg) or placebo": the list is what the treatment was given with
        treated = _TREATMENT_WITH.match(rest) if via is None else None
        shift = via.end() if via else treated.end() if treated else 0
        rest = rest[shift:]
        end = _LIST_END.search(_masked(rest))      # "(200 mg every 3 weeks)" does not end the list
        for _ in range(3):
            # "to no X, 800 IU Y daily until delivery, or a single bolus of Z": a clause of one item ("until delivery")
            # ends that item, not the list, when ", or" / ", and" and another item follow it
            clause = re.match(r"\s(?:until|during|for|over|through)\b[^,;.()]{1,60},\s*(?=(?:or|and)\s+\S)",
                              rest[end.start():]) if end else None
            if clause is None:
                break
            rest = rest[:end.start()] + " " * clause.end() + rest[end.start() + clause.end():]
            end = _LIST_END.search(_masked(rest), end.start() + clause.end())
        body = rest[: end.start()] if end else rest
        colon = re.match(r"\s*:\s*", rest[end.start():]) if end else None
        if colon is not None and _GROUPS_NOT_NAMED.match(body) and len(body) < 60:
            # "randomly assigned to three groups (1:2:1): A, B and control group": the list after the colon
            shift += end.start() + colon.end()
            rest = rest[end.start() + colon.end():]
            end = _LIST_END.search(_masked(rest))
            body = rest[: end.start()] if end else rest
        # "to either of the two groups – study and the control groups": the groups are named after the dash
        body = _GROUPS_THEN_NAMES.sub("", body, count=1)
        body, labels = _appositive_labels(body)
        either = bool(re.search(r"(?i)\beither\s*$", m.group()) or via)
        items = (_either_combinations(body) or _either_pair(body)) if either else None
        items = items or _group_items(body) or _counted_pair(body) or _split_list(body, combined=len(labels) >= 2)
        if len(labels) >= 2:
            # "usual care, X—Treatment Group (TG)—or X and Y—Control Group (CG)": when the list labels its groups, an
            # item without a label is what every group received, not a group
            ends = [o for o, _ in items[1:]] + [len(body)]
            labelled = [any(o < lab[0] <= e for lab in labels) for (o, _), e in zip(items, ends)]
            if sum(labelled) >= 2:
                items = [x for x, keep in zip(items, labelled) if keep]
        if len(items) < 2 or _PURPOSE.match(body) or _GROUPS_NOT_NAMED.match(body):
            continue
        added = []
        # "110 were assigned to X, 108 to Y" and "were assigned: 57 to X, 57 to Y": the first arm's size, when
        # the others have theirs too ("171 patients were randomly assigned to A, B or C" gives the total)
        before = re.search(r"(?<![\d.:/])(?P<n>\d[\d,]*)\s+(?:" + _ITEM_PEOPLE + r"\s+)?to\s+(?:receive\s+)?$",
                           m.group()) or re.search(
            r"(?<![\d.:/])(?P<n>\d[\d,]*)\s+(?:" + _ITEM_PEOPLE + r"\s+)?(?:were\s+)?(?:randomly\s+)?$", seg[: m.start()])
        if not any(_COUNTED_ITEM.match(item) for _, item in items[1:]):
            before = None
        named = [_item_size(item) for _, item in items]
        # "either a 1 cm or 3 cm excision margin": an amount alone shares the head noun of the last item
        head = _LEADING_AMOUNT.match(named[-1][0]) if named else None
        if head:
            named = [(_ARTICLE.sub("", name.strip()) + " " + head.group("rest"), n)
                     if _AMOUNT_ONLY.fullmatch(name.strip()) else (name, n) for name, n in named]
        items, named = _labelled_items(body, items, named)
        # "oral or intravenous iron", "daily or weekly vitamin D", "IV or oral X": a route or schedule alone shares the
        # head noun of the next item that says its own route or schedule before that noun
        for i in range(len(named) - 1):
            word = named[i][0].strip()
            if not (_ROUTE_ALONE.fullmatch(word) or _SCHEDULE_ONLY.fullmatch(word)):
                continue
            later = next((_QUALIFIED_HEAD.match(other.strip()) for other, _ in named[i + 1:]
                          if not (_ROUTE_ALONE.fullmatch(other.strip()) or _SCHEDULE_ONLY.fullmatch(other.strip()))), None)
            if later is not None:
                named[i] = (f"{word} {later.group('head')}", named[i][1])
        for i in range(len(named) - 1):
            # "to red or green laser" when the report also writes "red laser": a lone modifier shares the next item's
            # head noun
            word, nxt = named[i][0].strip(), named[i + 1][0].strip().split()
            if re.fullmatch(r"(?i)[a-z]+-[a-z]+", word) and len(nxt) >= 2 and re.fullmatch(r"(?i)[a-z]+-[a-z]+", nxt[0]) \
                    and word.split("-")[0].lower() == nxt[0].split("-")[0].lower():
                # "nitrate-rich or a nitrate-depleted beetroot juice", "low-fat or full-fat milk": the two sides of one
                # word share the noun after the second
                named[i] = (f"{word} {' '.join(nxt[1:])}", named[i][1])
                continue
            if re.fullmatch(r"[a-z][a-z-]{2,}", word) and 2 <= len(nxt) <= 3 and word not in nxt \
                    and re.search(r"(?i)\b" + re.escape(f"{word} {nxt[-1]}") + r"\b", scan) and not find_drugs(word) \
                    and not _control_canonical(word):
                named[i] = (f"{word} {nxt[-1]}", named[i][1])
        for i in reversed(range(len(named) - 1)):
            # "at a dose of 200 or 300 mg", "40, 50, 60, or 70 mg": the unit printed once, after the last amount, is
            # every amount's (from the last item back, so it reaches the first of a longer list)
            unit = re.match(r"\s*\d+(?:\.\d+)?\s*(?P<unit>mg/kg|mg|g|µg|μg|mcg|IU|units?)\b", named[i + 1][0], re.I)
            if unit and re.search(r"(?<![\w.])\d+(?:\.\d+)?$", named[i][0].strip()):
                named[i] = (f"{named[i][0].strip()} {unit.group('unit')}", named[i][1])
        # "tocilizumab weekly or every other week, combined with a prednisone taper, or placebo": a schedule alone is
        # the drug just named on that schedule, and what the arms are combined with is no arm
        keep = [not _COMBINED_WITH.match(name) and not _COMBINED_WITH.match(rest[off:])
                for (off, _), (name, _) in zip(items, named)]
        for i in range(1, len(named)):
            if not keep[i] and keep[i - 1] and named[i - 1][1] is None and named[i][1] is not None:
                # "X, alongside Y (n = 659), or Z (n = 671)": the size printed after the partner is the arm's
                named[i - 1] = (named[i - 1][0], named[i][1])
        items = [x for x, k in zip(items, keep) if k]
        named = [x for x, k in zip(named, keep) if k]
        for i in range(1, len(named)):
            if _SCHEDULE_ONLY.fullmatch(named[i][0].strip()):
                drug = _REGIMEN_WORDS.sub(" ", _SCHEDULE.sub(" ", named[i - 1][0])).strip()
                if drug and not _SCHEDULE_ONLY.fullmatch(drug):
                    named[i] = (" ".join(drug.split() + [named[i][0].strip()]), named[i][1])
        if any(_dose_only(name) for name, _ in named):
            # "a single dose of a proprietary, synthetic formulation of X at a dose of 25 mg, 10 mg, or 1 mg": in a
            # list of doses, a leading item without a dose, drug or control word is the description's first half
            while len(named) > 2 and not (_DOSE.search(named[0][0]) or _DOSE_LEVEL.search(named[0][0]) or _known(named[0][0])):
                items, named = items[1:], named[1:]
        for i, (name, n) in enumerate(named):
            if not _dose_only(name):
                continue
            # "X 7 mg/kg or 4 mg/kg", "standard-dose (1 g) or high-dose (2 g) ceftriaxone": the same drug
            drugs = [_DOSE_LEVEL.sub("", _DOSE.sub("", other)).strip() for other, _ in named[:i][::-1] + named[i + 1:]
                     if not _dose_only(other) and (_DOSE.search(other) or _DOSE_LEVEL.search(other))]
            if drugs:
                named[i] = (f"{drugs[0]} {name.strip()}", n)
        for i, (name, n) in enumerate(named):
            # "anifrolumab basic regimen (BR; n=45), intensified regimen (IR; n=50)": the regimen of the drug named
            if _REGIMEN_ONLY.fullmatch(name.strip()) and not find_drugs(name):
                drugs = [d.canonical for other, _ in named if other != name for d in find_drugs(other)
                         if d.canonical not in CONTROL_CANONICAL and _REGIMEN_ONLY.search(other)]
                if drugs:
                    named[i] = (f"{drugs[0]} {name.strip()}", n)
        for i, ((offset, item), (name, n)) in enumerate(zip(items, named)):
            if i == 0 and n is None and before:
                n = int(before.group("n").replace(",", ""))
            start = s0 + m.end() + shift + offset
            known = len(col.arms)
            coded = _CODED_ITEM.fullmatch(item.strip())
            if coded is not None and not re.search(r"\d", coded.group("name")) and _plausible_name(coded.group("name")):
                # "to group A (alfentanil) or R (remifentanil)": the bracket names the coded group's arm
                name = coded.group("name")
            short = _SHORT_GROUP_NAME.search(item)
            arm = col.rename(short.group("short"), name, n, start, start + len(item.rstrip())) if short else None
            arm = arm or col.add(name, n, start, start + len(item.rstrip()), "allocation")
            if arm is not None and len(col.arms) > known:
                arm.name = re.sub(r"\s+", " ", _item_size(item)[0]).strip(" ,;:-")    # as written ("4 mg/kg")
            if arm is not None and coded is not None and name == coded.group("name"):
                arm.aliases |= {coded.group("code"), f"group {coded.group('code').lower()}"}
            role_label = _ITEM_LABEL.search(item)
            if arm is not None and role_label is not None and _ROLE_ONLY_LABEL.fullmatch(role_label.group("label")) \
                    and re.search(r",|\band\b", item[:role_label.start()]):
                # "X, Y and Z (treatment)", items given together: later "the treatment group" is that arm
                arm.aliases.add(role_label.group("label"))
            abbreviation = _DEFINED_ABBREVIATION.search(item)
            if arm is not None and abbreviation:
                arm.aliases.add(abbreviation.group(1))     # "(CBT; n = 75)": later "the CBT group" is this arm
            if arm is not None:
                # "placebo (maltodextrin; PLA; n = 8)": a code anywhere in the bracket names the arm too
                arm.aliases.update(_bracket_codes(item))
                level = _BRACKETED_DOSE_LEVEL.search(item)
                if level is not None and arm.dose and arm.dose != level.group(1).lower() + " dose":
                    # "X 10 µg (low dose)": the report may call it "low dose X" later
                    arm.aliases.add(f"dose:{level.group(1).lower()} dose")
                following = [lab for lab in labels if offset < lab[0] and
                             all(not (offset < o <= lab[0]) for o, _ in items if o != offset)]
                for _, code, label in following[:1]:
                    # "X, the treatment group (TG), or Y": the label is the arm's other name and says its role
                    if code:
                        arm.aliases.add(code)
                    arm.aliases.add(label.lower())
                    if re.search(r"(?i)\b(?:control|placebo|comparison|comparator|sham)\b", label):
                        arm.role = "control"
                    elif re.search(r"(?i)\b(?:treatment|intervention|experimental|study|active)\b", label):
                        arm.role = "experimental"
                added.append(arm)
        if len(added) >= 2:
            found = True
            # "25 mg, 10 mg, or 1 mg (control)": the arm the list itself calls the control
            said = [arm for arm, (_, item) in zip(added, items)
                    if re.search(r"(?i)[(\[]\s*(?:active\s+)?control\b|\bas\s+(?:an?|the)\s+(?:active\s+|attention\s+)?control\b", item)]
            if len(said) == 1 and not any(a.role == "control" for a in added if a is not said[0]):
                said[0].role = "control"
            _assign_roles(added, body)
    return found


# "in the control group", "the nutrition program group (n = 31)", "for the Intervention Group", "exercise-group
# patients": a group the report names by one to three words before "group" / "arm" (no digit; words that say which
# patients, how many or what kind of figure are no arm's name)
_NAMED_GROUP = re.compile(r"\b(?i:the|in|for|of|to|and|or|vs\.?|versus|than|with|between)\s+(?P<name>[A-Za-z][A-Za-z-]{1,30}"
                          r"(?:\s+[A-Za-z][A-Za-z-]{1,30}){0,2}?)[\s-]+(?i:group|arm)s?\b(?![\s-]*(?:of|by|with|sizes?|\d))")
_NOT_GROUP_NAME = re.compile(
    r"(?i)^(?:.*\s)?(?:same|other|another|each|both|either|every|all|any|age|aged|risk|high-risk|low-risk|older|younger|"
    r"elderly|male|female|men|women|sex|gender|whole|entire|total|overall|first|second|third|fourth|two|three|four|five|this|"
    r"that|these|those|one|respective|corresponding|reference|blood|ethnic|racial|focus|working|study|dose|weight|"
    r"income|subgroup|sample|target|patient|patients|children|subjects|participants|which|their|"
    r"its|our|a|an|treatment|randomized|randomised|allocated|assigned|intention-to-treat|per-protocol|baseline|"
    r"pediatric|paediatric|adult|control-|normal|healthy|disease|severity|trial)$")


def _groups_by_usage(arms: list[Arm], scan: str, spans: list[tuple[int, int]], design: str) -> None:
    """A randomized report that names its arms only as "the X group" in its sentences ("27 patients in the control
    group ... in the nutrition program group", "The intervention group received ... The control group received"):
    when the other readers found fewer than two arms, the group names it uses at least twice each are its arms (two
    or three of them; a shorter name whose words are all in one of them, "the nutrition group", is that arm). The one
    arm found before is kept when a group name shares its words. Roles: a control word makes the control, the others
    experimental."""
    if design not in ("RCT", "") or len(arms) >= 2 or not _RANDOMIZED_WORD.search(scan):
        return
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int, str]] = {}
    sizes: dict[str, int] = {}
    # (the whole text: the results say "in the X group" more often than the methods)
    for m in _NAMED_GROUP.finditer(scan) if "group" in scan or "arm" in scan else ():
        name = re.sub(r"(?i)^(?:the|patients|participants)\s+", "", m.group("name")).strip()
        parts = [(name, m.end("name") - len(name))]
        joint = re.search(r"(?i)\s+(?:and|or)\s+(?:the\s+)?", name)
        if joint is not None and re.search(r"(?i)s$", m.group()):
            # "between the HA and control groups": two groups, one name each
            parts = [(name[:joint.start()], m.end("name") - len(name)), (name[joint.end():], m.end("name") - len(name) + joint.end())]
        size = _SIZE_BRACKET.match(scan, m.end()) if len(parts) == 1 else None
        for name, start in parts:
            if not name or _NOT_GROUP_NAME.match(name) or re.match(r"(?i)(?:the|a|an)$", name):
                continue
            key = name.lower()
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, (start, start + len(name), name))
            if size is not None:
                # "applied to the HA group (n=20) whereas a control group (n=20)": the group's size
                sizes.setdefault(key, int(size.group("n").replace(",", "")))
    # ("the HA group" of a report defining "hyaluronic acid (HA)" is "the hyaluronic acid group")
    spelled = {abbr.lower(): name.lower() for abbr, name in _abbreviations(scan).items()}
    for key in [k for k in counts if spelled.get(k) in counts]:
        counts[spelled[key]] += counts.pop(key)
        first[spelled[key]] = min(first[spelled[key]], first.pop(key))
        if key in sizes:
            sizes.setdefault(spelled[key], sizes.pop(key))
    # (a shorter name inside one longer name, "walking group" of "walking programme group", is that group)
    words = {k: set(k.split()) for k in counts}
    holders = {k: [o for o in counts if words[k] < words[o]] for k in counts}
    used = {k: c + sum(counts[o] for o in counts if holders[o] == [k]) for k, c in counts.items()}
    longest = [k for k in counts if used[k] >= 2 and not holders[k]]
    if not 2 <= len(longest) <= 3:
        return
    # (two groups a report names and uses are arms only when one of them is its control, or a sentence allocates
    # patients to them: "the responder group" and "the non-responder group" are what the patients did)
    if not any(k in CONTROL_CANONICAL or _control_canonical(k) or k in ("comparison", "comparator") for k in longest) and not any(
            all(re.search(r"(?i)\b" + re.escape(k) + r"[\s-]+(?:group|arm)", scan[a.start():a.end() + 200]) for k in longest)
            for a in _ALLOCATION.finditer(scan)):
        return
    added: list[Arm] = []
    for key in sorted(longest, key=lambda k: first[k][0]):
        start, end, name = first[key]
        canonical = arm_key(name)[0] or key
        same = [a for a in arms if words[key] & set(re.findall(r"[a-z][a-z-]+", f"{a.name} {a.canonical}".lower()))
                - _COMMON_ARM_WORDS]
        if len(same) == 1 and same[0] not in added:
            same[0].aliases |= {canonical, key}
            same[0].n = same[0].n if same[0].n is not None else sizes.get(key)
            added.append(same[0])
            continue
        arm = Arm(arm_id="", name=name, canonical=canonical, n=sizes.get(key), role="", start=start, end=end,
                  source="group", aliases={canonical, key})
        added.append(arm)
    for key in counts:
        if key not in longest:
            holders = [a for k, a in zip(sorted(longest, key=lambda k: first[k][0]), added) if words[key] < words[k]]
            if len(holders) == 1:
                holders[0].aliases.add(key)
    controls = [a for a in added if a.canonical in CONTROL_CANONICAL or _control_canonical(a.name)
                or re.fullmatch(r"(?i)comparison|comparator", a.name)]
    for arm in added:
        arm.role = "control" if arm in controls else ("experimental" if controls else (arm.role or "other"))
    arms[:] = added


# A within-subject design (a crossover, a study of conditions every participant had in turn): the conditions are the
# arms, one population. Its list follows what each participant received, in any of these wordings: "Each patient
# received a single dose of X 10 µg (low dose), X 20 µg (high dose) and placebo during distinct visits", "patients
# received one of three test treatments: A, B or placebo", "On separate days, all subjects were given A and B in
# random order", "every volunteer completed both conditions: A and B", "the 24 participants ingested, in a randomized
# order, A, B or C"
_WITHIN_PEOPLE = (r"(?:patients?|participants?|subjects?|volunteers?|children|adults|individuals|women|men|athletes|"
                  r"infants|smokers|runners|cyclists)")
_WITHIN_ORDER = (r"(?:in\s+(?:a\s+)?(?:random(?:i[sz]ed)?|counter-?balanced|balanced)\s+(?:order|sequence)|"
                 r"on\s+(?:(?:two|three|four|\d)\s+)?(?:separate|different|distinct)\s+(?:study[- ])?(?:days|occasions|visits|sessions))")
_WITHIN_VERB = (r"\s+(?:(?:then|subsequently|also)\s+)?(?:received|(?:was|were)\s+(?:given|administered|treated\s+with|"
                r"exposed\s+to)|underwent|completed|ingested|inhaled|took|consumed|performed|drank|used)\s+(?:,?\s*"
                + _WITHIN_ORDER + r",?\s+)?")
_WITHIN_KINDS = r"(?:treatments|conditions|sessions|interventions|regimens|products|formulations|drinks|meals|trials|protocols)"
_WITHIN_RECEIVED = re.compile(
    # "each patient received", "all 24 subjects were given", "every healthy volunteer underwent"
    r"(?:\b(?:each|every|all|both)\s+(?:of\s+the\s+)?(?:(?:\d+|" + COUNT_WORD + r")\s+)?(?:[\w-]+\s+)?" + _WITHIN_PEOPLE
    + _WITHIN_VERB + r"(?:(?:one\s+of\s+|each\s+of\s+|all\s+)?(?:the\s+)?(?:two|three|four|five|both|\d)\s+(?:[\w-]+\s+){0,2}?"
    + _WITHIN_KINDS + r"\s*:\s*)?"
    # "patients received one of three test treatments:", "participants completed each of the four conditions:"
    r"|\b" + _WITHIN_PEOPLE + _WITHIN_VERB + r"(?:one|each|all)\s+of\s+(?:the\s+)?(?:two|three|four|five|\d)\s+"
    r"(?:[\w-]+\s+){0,2}?" + _WITHIN_KINDS + r"\s*:\s*"
    # "Seven ... patients ... received two intravenous infusions of", "Fourteen healthy male subjects (BMI ...) were
    # given a single serving of", "subjects ... supplemented with": a counted population (read in a crossover report)
    r"|(?:(?<![\w.,:/-])(?:\d{1,4}|" + COUNT_WORD + r")\s+(?:[\w-]+\s+){0,4}?|^\s*(?:the\s+)?)" + _WITHIN_PEOPLE
    + r"(?:\s*[(\[][^()\[\]]{0,80}[)\]])?(?:,[^.;]{0,60}?,)?(?:" + _WITHIN_VERB + r"|\s+(?:were\s+)?supplemented\s+with\s+))"
    r"(?:(?:a|one|two|three)\s+(?:single\s+)?(?:[\w-]+\s+){0,2}?(?:doses?|inhalations?|injections?|infusions?|"
    r"administrations?|servings?|portions?)\s+of\s+|(?:a\s+)?single\s+doses?\s+of\s+)?(?:either\s+)?", re.I)
# the counted population's head alone (the third shape above): read only in a crossover report
_COUNTED_RECEIVED = re.compile(r"(?<![\w.,:/-])(?:\d{1,4}|" + COUNT_WORD + r")\s+(?:[\w-]+\s+){0,4}?" + _WITHIN_PEOPLE
                               + r"|^\s*(?:the\s+)?" + _WITHIN_PEOPLE + r"\s+(?:ingested|drank|consumed|received|were\s+(?:given|exposed\s+to))\b",
                               re.I)
_WITHIN_CUE = re.compile(r"(?i)" + _WITHIN_ORDER + r"|\bwithin[- ]subjects?\b|\bcross-?over\b|\beach\s+of\s+the\b")


# "32 patients with asthma underwent", "conducted in 16 COPD patients", "Twelve healthy volunteers took part": the
# people counted in a within-subject design's sentence (its crossover words or its list of conditions)
_COUNTED_PEOPLE = re.compile(r"(?<![\w.,:/-])(?P<n>[1-9]\d{0,3}|" + COUNT_WORD + r")\s+(?:[\w-]+\s+){0,3}?"
                             + _WITHIN_PEOPLE + r"\b(?!\s*(?:\(|\[)?\s*\d{1,3}(?:\.\d+)?\s*%)", re.I)


def _within_population(scan: str, spans: list[tuple[int, int]]) -> int | None:
    """The number of people a within-subject design's describing sentence counts (its first count of people)."""
    for lo, hi in spans:
        for s0, s1 in sentence_spans(scan[lo:hi]):
            seg = scan[lo + s0:lo + s1]
            if _WITHIN_CUE.search(seg) or _WITHIN_RECEIVED.search(seg) and re.search(r"(?i)\bcross|\border\b|separate", seg):
                m = _COUNTED_PEOPLE.search(seg)
                if m is not None:
                    return count_value(m.group("n").lower())
    return None


def _within_subject_conditions(scan: str, spans: list[tuple[int, int]], col: _Collector, crossover: bool) -> None:
    """The conditions of a within-subject design as its arms, when the other readers found fewer than two: the list
    after what each participant received, read as an allocation's list (sizes, doses, labels, roles alike). A
    sentence is read in a crossover report, or when it says the conditions came in turn ("in random order", "on
    separate days"); the arms it gives replace the one arm found before (the treatment the title names)."""
    found = _Collector(lettered=col.lettered)
    for lo, hi in spans:
        for s0, s1 in sentence_spans(scan[lo:hi]):
            seg = scan[lo + s0:lo + s1]
            if "|" in seg or not (re.search(r"(?i)\b(?:each|every|all|both|one\s+of)\b", seg)
                                  or crossover and _COUNTED_RECEIVED.search(seg)):
                continue
            if not (crossover or _WITHIN_CUE.search(seg)):
                continue
            if _allocation_arms(scan, lo + s0, seg, found, head=_WITHIN_RECEIVED):
                break
        if len(found.arms) >= 2:
            break
    if len(found.arms) < 2:
        return
    # one population had every condition: each arm's size is the population's, unless the list printed its own
    everyone = population_size(scan[:8000]) or _within_population(scan, spans)
    for arm in found.arms:
        arm.source = "within"
        if arm.n is None and everyone is not None:
            arm.n = everyone
    col.arms[:] = found.arms


def _within_patient_sites(scan: str, spans: list[tuple[int, int]], col: _Collector) -> None:
    """The treatments of each patient's two sites as the arms ("X in one ovary and Y in the other", "one eye was
    assigned to X and the fellow eye to Y": `within_patient`), in place of what the other readers found (groups of
    patients the design does not have, or a site read into a name), unless they found these two; each arm's size is
    the number of patients (one site each), when the text gives it."""
    for lo, hi in spans:
        for s0, s1 in sentence_spans(scan[lo:hi]):
            pair = within_patient_pair(scan, lo + s0, lo + s1)
            if pair is None:
                continue
            found = _Collector(lettered=col.lettered)
            added = [found.add(pair.first, None, *pair.first_span, "within"),
                     found.add(pair.second, None, *pair.second_span, "within")]
            if any(a is None for a in added) or added[0] is added[1]:
                continue
            if {a.canonical for a in added} <= {a.canonical for a in col.arms}:
                return      # the allocation readers named these arms already (with their sizes)
            counted = _COUNTED_PEOPLE.search(scan, lo, lo + s1)
            everyone = population_size(scan[:8000]) or (count_value(counted.group("n").lower()) if counted else None)
            for arm in added:
                arm.n = everyone
            col.arms[:] = found.arms
            return


_SCHEDULE = re.compile(r"(?i)\b(?:(?:once|twice|thrice)[\s-]+)?(?:weekly|daily|monthly|every\s+(?:other|\d+|two|three|four)\s+"
                       r"(?:days?|weeks?|months?))\b")
_SCHEDULE_ONLY = re.compile(r"(?i)(?:(?:once|twice|thrice)[\s-]+)?(?:weekly|daily|monthly|every\s+(?:other|\d+|two|three|four)\s+"
                            r"(?:days?|weeks?|months?))")
# a route alone, spelled or abbreviated ("oral", "intravenous", "IV", "i.v.", "SC"), and a noun after a route or schedule
_ROUTE_ALONE = re.compile(_ROUTE_ONLY.pattern + r"|(?i:\s*(?:iv|i\.v\.|im|i\.m\.|sc|s\.c\.|po|p\.o\.)\s*)")
_QUALIFIED_HEAD = re.compile(r"(?i)^\s*(?:" + _ROUTE_ONLY.pattern[4:] + r"|iv|i\.v\.|im|i\.m\.|sc|s\.c\.|po|p\.o\.|"
                             + _SCHEDULE_ONLY.pattern[4:] + r")\s+(?P<head>\S.*)$")


_COMBINED_WITH = re.compile(r"(?i)^(?:combined\s+with|in\s+combination\s+with|plus|added\s+to|mixed\s+(?:with|in)|"
                            r"alongside|along\s+with|together\s+with|in\s+addition\s+to|"
                            r"diluted\s+(?:with|in)|dissolved\s+in)\b")
_REGIMEN_ONLY = re.compile(r"(?:[\w-]+\s+){0,2}(?:regimen|schedule|strategy)", re.I)


# "X, the treatment group (TG), or Y", "X—Treatment Group (TG)—or Y—Control Group (CG)", "X - the study arm -
# or Y": a label set off by dashes or commas after an allocation item, naming the item's group (and its code)
_APPOSITIVE_LABEL = re.compile(
    r"(?:\s*,\s*|\s*[\u2012-\u2015]\s*|\s+-\s+|(?<=[A-Za-z0-9)])-(?=[A-Z]))(?:the\s+|an?\s+)?"
    r"(?P<label>(?i:(?:control|placebo|comparison|comparator|sham|treatment|intervention|experimental|study|active|"
    r"test)\s+){1,2}(?i:group|arm))"
    r"(?:\s*[(\[]\s*(?P<code>[A-Z][A-Za-z0-9-]{0,9})\s*[)\]])?"
    r"(?P<close>\s*[\u2012-\u2015]\s*|\s+-\s+|-(?=or\b|and\b)|(?=\s*,?\s*(?:or|and|versus|vs\.?)\s)|(?=\s*,)|\s*$)")


def _appositive_labels(body: str) -> tuple[str, list[tuple[int, str, str]]]:
    """The body with each appositive role label blanked (same length, so offsets hold) and the labels found as
    (offset, code, label); a label is only a role word before "group"/"arm" ("the treatment group"), so "X, Y group"
    listing two arms is left alone."""
    if "group" not in body.lower() and "arm" not in body.lower():
        return body, []
    labels, out = [], body
    for m in _APPOSITIVE_LABEL.finditer(body):
        label = re.sub(r"\s+", " ", m.group("label")).strip()
        if m.start() == 0:
            continue
        end = m.end() if m.group("close") and not m.group("close").isspace() and m.group("close").strip() else m.start("close")
        labels.append((m.start(), m.group("code") or "", label, end))
    if len(labels) < 2 and not any(code for _, code, _, _ in labels):
        # "A, B, the control group": one uncoded label may be a list's last item
        return body, []
    for start, _, _, end in labels:
        out = out[:start] + " " * (end - start) + out[end:]
    return out, [lab[:3] for lab in labels]


# a code inside an allocation item's bracket, in any position: "(maltodextrin; PLA; n = 8)", "(IG, n = 40)"
_BRACKET_PART = re.compile(r"[(\[]([^()\[\]]{1,80})[)\]]")
_UNIT_CODES = frozenset({"IU", "MG", "ML", "KG", "SD", "SE", "CI", "IQR", "BMI", "IV", "IM", "SC", "PO"})


def _bracket_codes(item: str) -> set[str]:
    codes = set()
    for bracket in _BRACKET_PART.finditer(item):
        for part in re.split(r"\s*[;,]\s*", bracket.group(1).strip()):
            if re.fullmatch(r"[A-Z][A-Za-z0-9-]{1,9}", part) and part.upper() not in _UNIT_CODES \
                    and (sum(c.isupper() for c in part) >= 2 or re.search(r"\d", part)):
                codes.add(part)
    return codes


def _masked(text: str) -> str:
    """The text with what stands inside brackets masked (same length), so list separators and ends are only
    found at the top level."""
    out, depth = list(text), 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth:
            out[i] = "x" if ch.isalpha() else "_"
    return "".join(out)


def _dose_only(name: str) -> bool:
    """ "4 mg/kg", "high-dose", "standard-dose (1 g)": a dose naming no drug."""
    rest = _REGIMEN_WORDS.sub(" ", _DOSE_LEVEL.sub(" ", _DOSE.sub(" ", re.sub(r"\([^()]*\)", " ", name))))
    return (bool(_DOSE.search(name)) or bool(_DOSE_LEVEL.search(name))) and not re.search(r"[A-Za-z]{3,}", rest)


# "the group receiving the combination of", "the one receiving": how an item of "either ... or ..." names its group
_GROUP_RECEIVING = re.compile(r"(?i)\s*(?:the\s+)?(?:group|one|arm)\s+(?:receiving|given|treated\s+with)\s+(?:the\s+)?"
                              r"(?:combination\s+of\s+)?")


def _either_combinations(body: str) -> list[tuple[int, str]] | None:
    """ "either the group receiving the combination of X and Y (Y group) or the one receiving Z and X (Z group)": two
    items split at the one top-level "or", each a combination whose "and" joins its drugs (not two arms); None for any
    other shape."""
    flat = _masked(body)
    joints = [j for j in re.finditer(r"\s+or\s+", flat)]
    if len(joints) != 1:
        return None
    sides = [(0, body[: joints[0].start()]), (joints[0].end(), body[joints[0].end():])]
    out = []
    for offset, side in sides:
        lead = _GROUP_RECEIVING.match(side)
        if lead is None:
            return None
        item = side[lead.end():]
        if not re.search(r"\s+and\s+", _masked(item)):
            return None
        out.append((offset + lead.end(), item.strip()))
    return out


_GROUPS_THEN_NAMES = re.compile(r"(?i)^\s*(?:(?:either|one|each)\s+)?of\s+(?:the\s+)?(?:two|three|four|\d)\s+(?:groups|arms)\s*"
                                r"[\u2013\u2014-]\s*")


def _either_pair(body: str) -> list[tuple[int, str]] | None:
    """ "either needle aspiration (A) or incision and drainage (B)": the two sides of the one top-level "or" of an
    "either" list, an "and" inside a side joining one arm's parts (a procedure, a combination), not two arms. None
    when the list has a top-level comma, semicolon or another "or" (a longer list), or no "and" to keep."""
    flat = _masked(body)
    joints = list(re.finditer(r"\s+or\s+", flat))
    if len(joints) != 1 or re.search(r"[,;]", flat) or not re.search(r"\s+and\s+", flat):
        return None
    first, second = body[: joints[0].start()], body[joints[0].end():]
    if not first.strip() or not second.strip():
        return None
    return [(len(first) - len(first.lstrip()), first.strip()),
            (joints[0].end() + len(second) - len(second.lstrip()), second.strip())]


def _split_list(body: str, combined: bool = False) -> list[tuple[int, str]]:
    """Top-level items of "X (n = 64), Y (n = 62), or placebo (n = 31)" with their offsets in `body`; `combined`
    (a list whose groups are labelled) keeps "X and Y" one item, a combination."""
    items, depth, last = [], 0, 0
    masked = list(body)
    for i, ch in enumerate(body):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth:
            masked[i] = "x" if ch.isalpha() else "_"
    flat = "".join(masked)
    for sep in _LIST_SPLIT.finditer(flat):
        if combined and re.fullmatch(r"(?i)\s+and\s+", sep.group()):
            continue
        if sep.start() > last:
            items.append((last, body[last:sep.start()]))
        last = sep.end()
    if last < len(body):
        items.append((last, body[last:]))
    out = []
    for off, item in items:
        lead = len(item) - len(item.lstrip())
        if item.strip():
            out.append((off + lead, item.strip()))
    return _modifiers_joined(body, out)


# one modifier word a writer separates from the next one by a comma: "nurse-led, telephone-based follow-up",
# "a structured, supervised exercise programme", "home-based, individualized training"
_LONE_MODIFIER = re.compile(r"(?:an?\s+)?[a-z][a-z]*(?:-[a-z]+)*(?:ed|based|ized|ised)")


def _modifiers_joined(body: str, items: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Items of a split list where an item that is one modifier word, followed by a comma and a lower-case item,
    begins that item's name instead of being an arm ("to either nurse-led, telephone-based follow-up or usual care")."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(items):
        off, item = items[i]
        if i + 1 < len(items) and _LONE_MODIFIER.fullmatch(item) and item not in ("treated", "untreated") \
                and re.fullmatch(r"\s*,\s*", body[off + len(item):items[i + 1][0]]) and items[i + 1][1][:1].islower():
            nxt_off, nxt = items[i + 1]
            items[i + 1] = (off, body[off:nxt_off + len(nxt)])
            i += 1
            continue
        out.append((off, item))
        i += 1
    return out


# "cognitive behavioural therapy (CBT; n = 75)", "basic regimen (BR, n=45)", "treatment as usual (TAU)"
# (a single capital, "radical surgery alone (S)", is kept too: the sentence reader uses it only in "(S vs. SP)")
_DEFINED_ABBREVIATION = re.compile(r"[(\[]\s*(?:(?i:group|arm)\s+)?([A-Z][A-Za-z0-9-]{0,9})\s*(?:[;,]|[)\]])")


def _plain_dose(name: str) -> str:
    """ "the 25-mg dose" -> "the 25 mg": a dose written as a modifier, as the dose."""
    name = re.sub(r"(?<=\d)-(?=(?:mg|g|mcg|µg|μg|IU)\b)", " ", name)
    return re.sub(r"(?i)(\d\s*(?:mg|mcg|µg|μg|IU|g))\s+doses?$", r"\1", name)


_ADDED = re.compile(r"^(?:the\s+)?(?:addition|provision|offer)\s+of\s+(?:(?:an?\s+)?referral\s+to\s+)?(?:an?\s+|the\s+)?", re.I)


# "108 to semaglutide", "32 patients into incision and drainage group", "32 patients in the Y arm": an item of a
# sized list that opens with its count
_ITEM_PEOPLE = r"(?:patients|participants|subjects|cases|women|men|children|infants)"
_COUNTED_ITEM = re.compile(r"(?P<n>\d[\d,]*)\s+(?:" + _ITEM_PEOPLE + r"\s+)?"
                           r"(?:(?:were|was)\s+)?(?:(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\s+)?"
                           r"(?:to|into|in(?=\s+the\b))\s+", re.I)
# "... into X group and 32 patients into Y group": the "and" before a counted item ends the first item, whatever
# "and" the second item's name holds ("incision and drainage")
_AND_COUNTED = re.compile(r"\s*,?\s+and\s+(?=" + _COUNTED_ITEM.pattern + r")", re.I)


def _counted_pair(body: str) -> list[tuple[int, str]] | None:
    """ "Ultrasound guided needle aspiration group and 32 patients into incision and drainage group": the two items
    of a list whose second item opens with its count (the first item's count stood before the allocation verb).
    None for any other shape (more than one such "and", or a top-level comma or "or" in a side)."""
    flat = _masked(body)
    joints = list(_AND_COUNTED.finditer(flat))
    if len(joints) != 1:
        return None
    first, second = body[: joints[0].start()], body[joints[0].end():]
    if not first.strip() or re.search(r",|\bor\b", _masked(first)) or re.search(r",|\bor\b", _masked(second)):
        return None
    return [(len(first) - len(first.lstrip()), first.strip()), (joints[0].end(), second.strip())]


_FORTIFIED_WITH = re.compile(r"(?i)\b(?:fortified|supplemented|enriched)\s+with\s+")
# "2.4 g/day of ", "1.9×107 colony forming unit /day of ": an amount before what it is of
_AMOUNT_BEFORE_OF = re.compile(r"(?i)(?<![\w.])\d[\d.,×x]*\s*(?:[^\s]+\s+){0,4}?of\s+")


def _item_size(item: str) -> tuple[str, int | None]:
    # "(n = 50)", "(50 patients)", "(50 cases)", "(25 eyes)", "(30 women)": the item's size
    m = re.search(r"[(\[]\s*(?:[^()\[\]]*?[,;]\s*)?(?:(?:n|N)\s*=\s*(?P<n>\d[\d,]*)|(?P<n2>\d[\d,]*)\s+"
                  r"(?:patients|participants|subjects|cases|eyes|children|infants|neonates|women|men|adults|persons|people|"
                  r"volunteers|individuals))\s*[)\]]", item)
    n = int((m.group("n") or m.group("n2")).replace(",", "")) if m else None
    # "to intervention (403) or control (300)": a bare count in the bracket that ends an allocation item is its size
    bare = re.search(r"[(\[]\s*(?P<n>\d{1,3}(?:,\d{3})+|\d{2,6})\s*[)\]]\s*$", item) if m is None else None
    if bare is not None:
        n = int(bare.group("n").replace(",", ""))
    counted = _COUNTED_ITEM.match(item)
    if counted:     # "..., 108 to semaglutide 2 mg and 107 to placebo", "and 32 patients into Y group"
        n = n if n is not None else int(counted.group("n").replace(",", ""))
        item = item[counted.end():]
    # (a bracket inside a bracket, "(via a metered-dose inhaler [MDI])": the inner one first, then the outer)
    name = re.sub(r"[(\[][^()\[\]]*[)\]]", " ", re.sub(r"[(\[][^()\[\]]*[)\]]", " ", item))
    # "1) ADF (...), 2) CR (...), ... or 4) control": a list's enumerators name nothing
    name = re.sub(r"^(?:\(?[1-9]\)|[a-d]\))\s+", "", name.strip())
    name = re.sub(r"^(?:(?:to|receive|receiving|the|either|an?)\s+)+", "", name.strip(), flags=re.I)
    # "or addition of referral to a lay support service": the arm is what is added (to the other arm's care)
    name = _ADDED.sub("", name)
    # "e-mails either promoting the use of X or containing Y as a control": the arm is X, or Y
    name = re.sub(r"(?i)^(?:containing|promoting|providing|offering|using)\s+(?:the\s+use\s+of\s+)?(?:(?:an?|the)\s+)?", "", name)
    name = re.sub(r"(?i)\s+as\s+(?:an?|the)\s+(?:active\s+|attention\s+)?(?:control|comparator)\b.*$", "", name)
    name = re.sub(r"^\d+\s+(?:days?|weeks?|months?)\s+of\s+", "", name, flags=re.I)     # "12 weeks of X"
    fortified = _FORTIFIED_WITH.search(name)
    if fortified is not None:
        # "the same milk fortified with 2.4 g/day of X and 1.9x107 c.f.u/day of Y": what the vehicle carries, without
        # the amounts; "the same" vehicle as the other arm's
        head, rest = name[:fortified.end()], name[fortified.end():]
        name = re.sub(r"(?i)^same\s+", "", head) + _AMOUNT_BEFORE_OF.sub("", rest)
    name = re.sub(r"\s+at\s+an?\s+(?:daily\s+)?dose\s+of\s+", " ", name, flags=re.I)     # "X at a dose of 5 mg"
    name = _plain_dose(name)
    name = re.sub(r"\s+(?:group|arm)s?$", "", name.strip(), flags=re.I)
    return name, n


def _assign_roles(arms: list[Arm], body: str) -> None:
    # "allocated to no vitamin D, 800 IU X daily, or a single bolus of Y": the arm that went without is the control,
    # wherever the list names it
    controls = [a for a in arms if a.canonical in CONTROL_CANONICAL or _WENT_WITHOUT.match(a.name)]
    if not controls and len(arms) == 2:
        controls = [a for a in arms if _background_alone(a, arms)]
    if not controls and len(arms) == 2:
        # "bupivacaine or bupivacaine plus dexamethasone": the arm given only what the other adds its drug to
        parts = [{p.strip().lower() for p in _COMBINATION_PARTS.split(a.canonical) if p.strip()} for a in arms]
        controls = [a for a, own, other in zip(arms, parts, parts[::-1]) if len(own) == 1 and own < other]
    # "to usual care, or addition of referral to a doula service": the arm the list says is added is the intervention
    plain_body = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", body).lower()
    adds = [a for a in arms if a.name and plain_body.find(a.name.lower()) > 0 and re.search(
        r"\b(?:addition|provision|offer)\s+of\s+(?:(?:an?\s+)?referral\s+to\s+)?(?:an?\s+|the\s+)?$",
        plain_body[:plain_body.find(a.name.lower())])]
    if not controls and len(adds) == 1 and len(arms) >= 2:
        controls = [a for a in arms if a is not adds[0]]
    same = [a for a in arms if _SAME_PLUS.match(a.name)]
    if not controls and len(arms) == 2 and len(same) == 1:
        # "to standard protocols or the same protocols plus a garment before transport": the arm that adds to the
        # other is the intervention, named by what it adds ("garment"; when it is given is no part of the name)
        added = _SAME_PLUS.match(same[0].name).group("added")
        added = re.sub(r"(?i)\s+(?:prior\s+to|before|after|during|at|on|until|from)\b.*$", "", added).strip()
        key = arm_key(added)[0] if added else ""
        if key:
            same[0].aliases |= {same[0].canonical}
            same[0].canonical = key
        controls = [a for a in arms if a is not same[0]]
    qualified = [a for a in arms if _USUAL_QUALIFIER.match(a.name)]
    if not controls and len(arms) == 2 and len(qualified) == 1:
        # "conventional oxygen therapy or high-flow nasal oxygen": the arm named as the usual way is the comparator,
        # wherever the list names it
        controls = qualified
    if not controls and len({_key_of(a)[0] for a in arms}) > 1:
        controls = [arms[-1]]      # "X or Y", "X versus Y": the comparator is named last (doses of one drug: none)
    for arm in arms:
        if not arm.role or arm.role == "other":
            arm.role = "control" if arm in controls else "experimental"


# an arm named as the usual way of doing a thing: "conventional oxygen therapy", "standard-dose X", "usual diet"
_USUAL_QUALIFIER = re.compile(r"(?i)\s*(?:the\s+)?(?:conventional|standard|usual|routine|traditional|customary)\b")
_SAME_PLUS = re.compile(r"(?i)\s*(?:the\s+)?same\s+(?:[\w/-]+\s+){0,3}?(?:plus|with|and|\+)\s+(?:an?\s+|the\s+)?(?P<added>\S.*?)\s*$")
_WENT_WITHOUT = re.compile(r"(?i)\s*(?:(?:no|without)\s+|non-)[a-z]")


# "(early therapy)", "(delayed therapy)": the group label an allocation item ends with
_ITEM_LABEL = re.compile(r"\(\s*(?P<label>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2})\s*\)\s*$")
_LABEL_HEADS = r"therapy|treatment|care|surgery|strategy|intervention|management"
# a label that only gives the arm's role: "(treatment)", "(control)"
_ROLE_ONLY_LABEL = re.compile(r"treatment|intervention|experimental|control|comparison|comparator")


def _labelled_items(body: str, items: list, named: list) -> tuple[list, list]:
    """ "to receive antiretroviral therapy either immediately (early therapy) or after a decline in the CD4 count or
    the onset of symptoms (delayed therapy)": when exactly two items end with a group label, the labels name the
    arms (an unlabelled item belongs to the labelled one after it), and a label's head noun takes the treatment
    named before "either" ("early therapy" -> "early antiretroviral therapy")."""
    labels = [_ITEM_LABEL.search(item) for _, item in items]
    roles = [bool(m and _ROLE_ONLY_LABEL.fullmatch(m.group("label"))) for m in labels]
    labelled = [i for i, m in enumerate(labels) if m and (re.search(r"(?:" + _LABEL_HEADS + r")$", m.group("label"))
                                                          or roles[i])]
    if len(labelled) != 2 or len(items) < 2 or labelled[-1] != len(items) - 1:
        return items, named
    if all(roles[i] for i in labelled):
        # "to receive PTX, UDCA and LMWH for 8 weeks (treatment) or no medication (control)": each role label closes
        # one arm; the items before it since the other label are that arm's parts, given together
        if labelled[0] == 0:
            return items, named
        spans = ((0, labelled[0]), (labelled[0] + 1, labelled[1]))
        out_named = [(" plus ".join(named[j][0] for j in range(first, last + 1)), named[last][1]) for first, last in spans]
        joined = [(items[first][0], body[items[first][0]:items[last][0] + len(items[last][1])]) if first < last
                  else items[last] for first, last in spans]
        return joined, out_named
    treatment = re.match(r"(?i)\s*(?P<t>(?:[\w-]+\s+){0,3}?(?:" + _LABEL_HEADS + r"))\s+either\b", body)
    out_items, out_named = [], []
    for i in labelled:
        label = labels[i].group("label")
        if treatment:
            head = label.split()[-1]
            words = treatment.group("t").split()
            if words[-1].lower() == head and len(label.split()) == 2:
                label = " ".join([label.split()[0]] + words)
        out_items.append(items[i])
        out_named.append((label, named[i][1]))
    return out_items, out_named


def _background_alone(arm: Arm, arms: list[Arm]) -> bool:
    """ "surgery alone" beside "surgery plus X", "Y only" beside "Y with X": in a two-arm trial, the arm that gives
    only what the other arm adds its treatment to is the comparator ("nivolumab alone" of a three-arm trial with
    "nivolumab plus ipilimumab" and "ipilimumab alone" is not)."""
    if not re.search(r"(?i)\b(?:alone|only)\b", arm.name):
        return False
    base = _key_of(arm)[0]
    return bool(base) and any(
        other is not arm and re.search(r"(?i)\b" + re.escape(base) + r"\b.*\b(?:plus|with|and|combined)\b|\+",
                                       other.name + " " + other.canonical) for other in arms)


# "14 were treated with A and 15 with B", "12 were given A, while 11 were given B", "9 underwent A and 8 B": two
# counts, each with the arm it was treated with, the verb written once or twice ("46 received A and 47 received B" is
# the reader of received counts', which weighs every count of an arm)
_NAME_AFTER_COUNT = r"[A-Za-z](?:[^,;.()\[\]]|\.(?=\d)){0,50}?"
_COUNTS_TREATED = start_guarded(re.compile(
    r"(?<![\d.:/])(?P<n>\d[\d,]*|\b" + COUNT_WORD + r"\b)\s+(?:(?:patients|participants|subjects|children|adults|women|men|eyes)\s+)?"
    r"(?:were\s+|was\s+)?(?P<verb>(?:treated|managed)\s+with|given|underwent)\s+(?:the\s+)?(?P<a>" + _NAME_AFTER_COUNT + r")"
    r"(?:\s*[(\[][^()\[\]]{0,40}[)\]])?\s*,?\s+(?:and|while|whereas)\s+(?P<n2>\d[\d,]*|\b" + COUNT_WORD + r"\b)\s+"
    r"(?:(?:patients|participants|subjects|children|adults|women|men|eyes)\s+)?(?:(?:were\s+|was\s+)?(?:(?:treated|managed)\s+with|"
    r"received|given|underwent)\s+|with\s+)?(?:the\s+)?(?P<b>" + _NAME_AFTER_COUNT + r")"
    r"(?=\s*(?:[,;()\[\]]|\.(?!\d)|$)|\s+(?:for|during|at|in|over|until)\s)", re.I))


def _counts_treated_arms(s0: int, seg: str, col: _Collector) -> None:
    """Arms and sizes of "14 were treated with A and 15 with B": both names known treatments or controls."""
    for m in _COUNTS_TREATED.finditer(seg):
        names = (m.group("a"), m.group("b"))
        if not all(find_drugs(x) or _control_canonical(x) for x in names):
            continue
        for which, count in (("a", "n"), ("b", "n2")):
            n = count_value(m.group(count).replace(",", "").lower())
            if n is None:
                break
            col.add(m.group(which), n, s0 + m.start(which), s0 + m.end(which), "count")


def _count_arms(scan: str, s0: int, seg: str, col: _Collector) -> None:
    if re.search(r"(?i)\b(?:treated|managed|given|underwent)\b", seg) and re.search(r"\d|\b(?:and|while)\b", seg):
        _counts_treated_arms(s0, seg, col)
    if not re.search(r"(?i)\b(?:assigned|allocated|randomi[sz]ed|received)\b", seg):
        return
    hits = list(_COUNT_TO.finditer(seg))
    for m in hits:
        name = m.group("name")
        if len(hits) < 2 and not find_drugs(name) and not _control_canonical(name) \
                and not re.match(r"\s+(?:group|arm)\b", seg[m.end("name"):]):
            continue     # "91 to X" alone names an arm only when it is a known drug or says "group"
        n = count_value(m.group("n").replace(",", "").lower())     # "Sixty-two patients were randomised to X"
        if n is None or _MONTH.match(name) or _MONTH.search(seg, max(0, m.start() - 12), m.start()):
            continue        # "from June 2012 to June 2013": a date, not 2012 patients assigned to "June 2013"
        col.add(name, n, s0 + m.start("name"), s0 + m.end("name"), "count")


def _bracket_arms(scan: str, s0: int, seg: str, col: _Collector) -> None:
    for m in _BRACKET.finditer(seg):
        parts = re.split(r"\s*;\s*", m.group("body"))
        if len(parts) < 2:
            parts = re.split(r"\s*,\s*(?=[A-Za-z][^,]*?\d)", m.group("body"))
        if len(parts) < 2:
            continue
        items = [_BRACKET_ITEM.match(p) for p in parts]
        if not all(items):
            continue
        named = [i.group("name") for i in items]
        # arms, not subgroups or causes of death ("pulmonary embolism, n=1; infection, n=3"): each a known
        # drug or control, or the sentence speaks of allocation
        known = all(find_drugs(nm) or _control_canonical(nm) for nm in named)
        # "(zuranolone, n = 199; placebo, n = 203)": a list with a placebo or sham item is a list of arms, even
        # when the lexicon does not know the treatment
        blinded = any(_control_canonical(nm) in ("placebo", "sham") for nm in named)
        # "(group A: 12, group B: 12, group C: 14)": groups named by letter are the report's arms
        coded = all(_CODED_GROUP.fullmatch(nm.strip()) for nm in named)
        if not known and not blinded and not coded and \
                not re.search(r"(?i)\b(?:assigned|allocated|randomi[sz]ed)\b", seg[: m.start()]):
            continue
        pos = m.start("body")
        added = []
        for part, item in zip(parts, items):
            at = seg.find(part, pos)
            arm = col.add(item.group("name"), int(item.group("n").replace(",", "")), s0 + at,
                          s0 + at + len(item.group("name")), "bracket")
            if arm is not None:
                added.append(arm)
            pos = at + len(part)
        if len(added) >= 2 and (blinded or re.search(r"(?i)\b(?:assigned|allocated|randomi[sz]ed)\b", seg)):
            _assign_roles(added, "")


def _sized_mentions(scan: str, s0: int, seg: str, col: _Collector, mentions: list) -> None:
    # "X group (n = 24)" needs "group" or "arm" and "=" or ":": most sentences have neither, and the pattern
    # tries up to four words at every word start
    sized_groups = ("group" in seg or "arm" in seg) and ("=" in seg or ":" in seg)
    for m in _GROUP_SIZE.finditer(seg) if sized_groups else ():
        name = re.sub(r"^(?:the|in|of|and|or|to|vs|versus)\s+", "", m.group("name"), flags=re.I)
        if find_drugs(name) or _control_canonical(name):
            col.add(name, int(m.group("n").replace(",", "")), s0 + m.start("name"), s0 + m.end("name"), "size")
    for mention in mentions:
        if mention.negated:
            continue
        hit = _SIZE_AFTER.match(seg, mention.end)
        if hit:
            n = hit.group("n") or hit.group("n2")
            col.add(seg[mention.start:mention.end], int(n.replace(",", "")), s0 + mention.start, s0 + mention.end, "size")


# "patients treated with azathioprine, mycophenolate mofetil (MMF), or rituximab": the arms of a cohort
_TREATED_WITH = start_guarded(re.compile(r"\b(?:patients|participants|children|adults)\s+(?:who\s+were\s+)?(?:initially\s+)?"
                           r"(?:treated|managed)\s+with\s+", re.I))
_VERSUS_WORDS = re.compile(r"\s+(?:compared\s+(?:to|with)|versus|vs\.?)\s+(?:the\s+)?", re.I)
# "Efgartigimod (EFG) 10 mg/kg or placebo (PBO)": a treatment or a control arm
_OR_CONTROL = re.compile(r"\)?(?:\s*\([^()]{1,20}\))?(?:\s+" + _DOSE.pattern + r")?\s+or\s+(?:matching\s+|the\s+)?", re.I)
# "To compare the efficacy and tolerability of azathioprine, cyclophosphamide, mycophenolate, and rituximab"
_COMPARE_OF = start_guarded(re.compile(r"\bcompar(?:e|ed|ing)\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?(?:of|between)\s+", re.I))
# "mycophenolate mofetil 74% (14 of 19; ...), rituximab 61% (22 of 36)": each arm with its denominator
_SHARE_OF = re.compile(r"\)?(?:\s*\([^()]{1,15}\))?\s+\d+(?:\.\d+)?\s*%\s*[(\[]\s*\d+\s*(?:of|/)\s*(?P<n>\d+)\b")


# "glycine 1.5% solution (glycine group, n = 120)": the short name the document gives the arm
_SHORT_GROUP_NAME = re.compile(r"[(\[]\s*(?:the\s+)?(?P<short>[A-Za-z][\w-]{2,30})\s+(?:group|arm)\b", re.I)
# "artemether-lumefantrine (AL)": a treatment's name and the abbreviation it is given
_ABBREVIATED_ITEM = re.compile(r"(?P<name>[A-Za-z][\w/-]*(?:\s+[A-Za-z][\w/-]*){0,3})\s*\(\s*[A-Z][A-Za-z0-9-]{1,9}\s*\)")


def _known(name: str) -> bool:
    return bool(find_drugs(name)) or bool(_control_canonical(name))


_DOSED_ITEM = re.compile(r"(?P<name>[A-Za-z][\w/-]*(?:\s+[A-Za-z][\w/-]*){0,3})\s*\((?P<inside>[^()]*)\)")


def _treated_with_arms(scan: str, s0: int, seg: str, col: _Collector) -> None:
    for m in list(_TREATED_WITH.finditer(seg)) + list(_COMPARE_OF.finditer(seg)):
        rest = seg[m.end():]
        end = _LIST_END.search(_masked(rest))      # "(two daily doses, for two days)" does not end the list
        items = _split_list(rest[: end.start()] if end else rest)
        # "To compare the efficacy of artemether-lumefantrine (AL) and dihydroartemisinin-piperaquine (DP)": treatments
        # the lexicon need not know, each given the abbreviation the document will call its arm by
        abbreviated = len(items) >= 2 and _COMPARE_OF.match(seg, m.start()) is not None and all(
            _ABBREVIATED_ITEM.fullmatch(item) and _plausible_name(_ABBREVIATED_ITEM.fullmatch(item).group("name"))
            for _, item in items)
        # "to compare efficacy and safety of X (single dose, 200 µg/kg) and Y (25 mg/kg twice daily)": each item a
        # treatment the lexicon need not know, its dose in its bracket
        dosed = [_DOSED_ITEM.match(item.strip()) for _, item in items] \
            if len(items) >= 2 and _COMPARE_OF.match(seg, m.start()) is not None else []
        if not all(d is not None and _DOSE.search(d.group("inside")) and _plausible_name(d.group("name"))
                   and re.match(r"\s*(?:$|(?:in|among|for|with|to|as|on)\s)", item.strip()[d.end():]) for d, (_, item) in zip(dosed, items)):
            dosed = []
        if len(items) < 2 or not (abbreviated or dosed or all(_known(_item_size(item)[0]) for _, item in items)):
            continue
        for i, (offset, item) in enumerate(items):
            name, n = (dosed[i].group("name"), None) if dosed else _item_size(item)
            start = s0 + m.end() + offset
            arm = col.add(name, n, start, start + len(item), "treated")
            abbreviation = _DEFINED_ABBREVIATION.search(item) if abbreviated else None
            if arm is not None and abbreviation:
                arm.aliases.add(abbreviation.group(1))


def _compared_arms(scan: str, s0: int, seg: str, col: _Collector, mentions: list) -> None:
    """ "voclosporin compared to placebo", "Tacrolimus vs Intravenous Cyclophosphamide": two known arms, the
    second the comparator."""
    mentions = [m for m in mentions if not m.negated]
    for a, b in zip(mentions, mentions[1:]):
        between = seg[a.end:b.start]
        if a.canonical == b.canonical or not (_VERSUS_WORDS.fullmatch(between) or (
                b.canonical in CONTROL_CANONICAL and a.canonical not in CONTROL_CANONICAL and _OR_CONTROL.fullmatch(between))):
            continue
        first = col.add(seg[a.start:a.end], None, s0 + a.start, s0 + a.end, "compared")
        second = col.add(seg[b.start:b.end], None, s0 + b.start, s0 + b.end, "compared")
        if first is not None and second is not None:
            _assign_roles([first, second], "")


# "trial comparing an iCBT programme (E-couch) with an internet-delivered attention control health information
# package (HealthWatch, n = 282)": a treatment the lexicon need not know, against a control
_COMPARING = start_guarded(re.compile(
    r"\bcompar(?:ing|ed)\s+(?:an?\s+|the\s+)?(?P<a>[A-Za-z][\w/-]*(?:\s+[A-Za-z][\w/-]*){0,3}?)\s*(?:\([^()]{1,40}\)\s*)?"
    r"\s+(?:with|to|versus|vs\.?)\s+(?:an?\s+|the\s+)?(?P<b>[^,;.()]{2,80}?)\s*(?:\((?P<size>[^()]{1,40})\)|[,;.]|$)", re.I))
# what a treatment is delivered as, not which treatment it is
_DELIVERY_WORDS = re.compile(r"(?:\s+(?:programme|program|package|module|website|course|intervention))+$", re.I)


# what an analysis compares, and the test it compares them with: no arms
_STATISTICS_COMPARED = re.compile(r"(?i)\b(?:variables?|values|data|parameters?|means|medians|scores|proportions|"
                                  r"frequencies)\s*$")
_STATISTICAL_TEST_AFTER = re.compile(r"(?i)\s*(?:[(\[][^()\[\]]{0,60}[)\]]\s*)?(?:post[- ]?hoc\s+)?(?:tests?|"
                                     r"corrections?|methods?|analys[ie]s)\b")


def _comparing_with_control(scan: str, s0: int, seg: str, col: _Collector) -> None:
    for m in _COMPARING.finditer(seg):
        a, b = m.group("a"), m.group("b")
        if not _control_canonical(b) or _control_canonical(a) or find_drugs(a):
            continue
        if _STATISTICS_COMPARED.search(a) or _STATISTICAL_TEST_AFTER.match(seg, m.end()):
            continue    # "binary variables were compared with LSD (Least Significant Difference) test": an analysis
        name = _DELIVERY_WORDS.sub("", a).strip()
        if not name or not _plausible_name(name):
            continue
        size = re.search(r"\bn\s*=\s*(\d[\d,]*)", m.group("size") or "")
        treatment = col.add(name, None, s0 + m.start("a"), s0 + m.start("a") + len(name), "compared")
        control = col.add(b, int(size.group(1).replace(",", "")) if size else None, s0 + m.start("b"), s0 + m.end("b"),
                          "compared")
        if treatment is not None and control is not None:
            _assign_roles([treatment, control], "")


# "randomised to either standard care (treatment as usual) or treatment as usual with an integrated health promotion
# intervention (IMPaCT)": a control, and the same control with an intervention the document names by its acronym
_CONTROL_PLUS = start_guarded(re.compile(
    r"\b(?:randomi[sz](?:ed|ation)|assigned|allocated)\s+to\s+(?:either\s+)?(?P<control>[^.;()]{3,100}?)\s*"
    r"(?:\((?P<alias>[^()]{3,40})\))?\s+or\s+(?P<base>[^.;()]{3,40}?)\s+(?:with|plus)\s+(?:an?\s+|the\s+)?"
    r"(?P<add>[^.;()]{3,80}?)\s*\((?P<abbr>[A-Za-z][A-Za-z0-9-]{1,12})\)", re.I))


def _control_plus_intervention(scan: str, s0: int, seg: str, col: _Collector) -> bool:
    """Whether the sentence allocates to a control and to that control with an intervention (both arms added)."""
    if col.arms:
        return False
    for m in _CONTROL_PLUS.finditer(seg):
        control_name = m.group("alias") if m.group("alias") and _control_canonical(m.group("alias")) else m.group("control")
        if not _control_canonical(m.group("base")) or not _control_canonical(control_name) \
                or _control_canonical(m.group("add")) or not _plausible_name(m.group("add")):
            continue
        control = col.add(control_name, None, s0 + m.start("control"), s0 + m.end("control"), "compared")
        treatment = col.add(m.group("add"), None, s0 + m.start("add"), s0 + m.end("add"), "compared")
        if control is not None and treatment is not None and control is not treatment:
            treatment.aliases.add(m.group("abbr"))
            control.role, treatment.role = "control", "experimental"
            return True
    return False


# "included 54 AQP4-IgG-positive NMOSD patients treated with rituximab": the one arm of a single-arm study
_SINGLE_ARM = re.compile(r"(?<![\d.,:/])(?P<n>\d[\d,]*)\s+(?:(?:[\w+-]+\s+){0,5}?(?:patients|participants|children|adults)\s+)?"
                         r"(?:who\s+(?:were\s+|had\s+been\s+)?|were\s+)?(?:treated|receiving|received|starting|started)\s+"
                         r"(?:with\s+)?(?:[\w-]+\s+){0,2}?$", re.I)


_COMBINED = re.compile(r"\s*(?:\+|plus|combined\s+with|in\s+combination\s+with|with)\s+", re.I)


def _single_arm(scan: str, span_mentions: list[tuple[int, list[Mention]]], col: _Collector) -> None:
    """ "54 patients treated with rituximab": the arm of a single-arm study; "148 received X and the remaining
    930 patients received Y": the arms of a cohort (roles other, set later)."""
    hits: dict[str, tuple] = {}
    for lo, found in span_mentions:
        mentions = [m for m in found if not m.negated]
        consumed = -1
        for i, mention in enumerate(mentions):
            start, end = lo + mention.start, lo + mention.end
            hit = _SINGLE_ARM.search(scan[max(lo, start - 160):start])
            if not hit or i <= consumed:
                continue
            # "49 were treated with IVMP plus PLEX": one arm of the combination
            if i + 1 < len(mentions) and _COMBINED.fullmatch(scan, end, lo + mentions[i + 1].start):
                end, consumed = lo + mentions[i + 1].end, i + 1
            key = arm_key(scan[start:end])[0]
            hits.setdefault(key, (scan[start:end], int(hit.group("n").replace(",", "")), start, end))
    if not any(key not in CONTROL_CANONICAL for key in hits):
        return
    for name, n, start, end in hits.values():
        col.add(name, n, start, end, "single")


# "early surgery (n = 37) with conventional treatment (n = 38)", "ticagrelor (n = 200) vs placebo (n = 100)"
_SIZE_BRACKET = re.compile(r"\s*[(\[]\s*(?:[A-Za-z][\w-]*\s*[;,]\s*)?(?:n|N)\s*=\s*(?P<n>\d[\d,]*)\s*[)\]]")
_PHRASE_START = re.compile(r"^.*(?:\b(?:to|with|versus|vs\.?|or|and|compared|receive|receiving|either)\b|[,;:(]|^)\s*"
                           r"(?:the\s+)?(?P<name>(?:[A-Za-z][\w+/.-]*\s+){0,4}?[A-Za-z][\w+/.-]*)\s*$", re.I | re.S)
_COMPARES = prefiltered(start_guarded(re.compile(r"\b(?:randomi[sz]ed|randomly|assigned|allocated|compared|comparing|versus|vs\.?|either)\b", re.I)))
# "150 in the intervention arm and 150 in the control arm"
_COUNT_IN = start_guarded(re.compile(r"(?<![\d.:/])(?<!\bday\s)(?<!\bdays\s)(?<!\bweek\s)(?<!\bmonth\s)(?<!\byear\s)(?<!\bvisit\s)"
                       r"(?P<n>\d[\d,]*)\s+(?:(?:patients|participants)\s+)?(?:were\s+)?in\s+the\s+"
                       r"(?P<name>[A-Za-z][\w+/ -]{0,40}?)\s+(?:group|arm)\b", re.I))


# what comes before a count of patients with an event, not of an arm's patients: "developed in 9 patients in the A
# group", "among 4 patients in the B group", "compared to 4 patients in the B group", "than 3 in the C group"
_EVENT_COUNT_BEFORE = re.compile(r"(?i)\b(?:in|among|compared\s+(?:to|with)|versus|vs\.?|than|whereas|while)\s*$")


def _sized_phrases(scan: str, s0: int, seg: str, col: _Collector) -> None:
    """Arms the lexicon does not know, each with its size, two or more in a sentence that compares them."""
    found = []
    for m in _SIZE_BRACKET.finditer(seg) if _COMPARES.search(seg) else ():
        head = _PHRASE_START.search(seg[max(0, m.start() - 60):m.start()])
        if head is None:
            continue
        name = head.group("name")
        start = m.start() - len(seg[max(0, m.start() - 60):m.start()]) + head.start("name")
        if _SUBGROUP_HEADER.search(name) or re.match(r"(?i)(?:patients|participants|subjects|total)\b", name):
            continue
        found.append((name, int(m.group("n").replace(",", "")), start))
    for m in _COUNT_IN.finditer(seg):
        if _EVENT_COUNT_BEFORE.search(seg[max(0, m.start() - 30):m.start()]):
            continue    # "Infection developed in 9 patients in the A group compared to 4 patients in the B group"
        found.append((m.group("name"), int(m.group("n").replace(",", "")), m.start("name")))
    if len(found) < 2:
        return
    added = [col.add(name, n, s0 + start, s0 + start + len(name), "size") for name, n, start in found]
    added = [a for a in added if a is not None]
    if len({id(a) for a in added}) >= 2:
        _assign_roles(list({id(a): a for a in added}.values()), "")


def _share_of_arms(scan: str, s0: int, seg: str, col: _Collector, mentions: list) -> None:
    hits = [(m, _SHARE_OF.match(seg, m.end)) for m in mentions if not m.negated]
    hits = [(m, h) for m, h in hits if h is not None]
    if len({m.canonical for m, _ in hits}) < 2:
        return      # one share alone may be any subgroup's; a list of them is a list of arms
    for m, h in hits:
        col.add(seg[m.start:m.end], int(h.group("n")), s0 + m.start, s0 + m.end, "share")


# "Drug A (n = 25)" repeated over "Mean | SD": the second column's header ends with the spread it holds
_SPREAD_TAIL = re.compile(r"\s+(?:\u00b1\s*)?(?:SDM?|SEM?|s\.\s*d\.?|s\.\s*e\.?)\s*$", re.I)


# the two sides of a split of the patients by an outcome or a trait, not by treatment: "Infection | No infection",
# "With relapse | Without relapse", "Responders | Non-responders", "Smokers | Non-smokers", "Complicated |
# Uncomplicated", "Fracture present | Fracture absent", "Yes | No" (under the outcome's name), "Cases | Controls"
_NEGATED_SIDE = re.compile(r"(?i)\s*(?:(?:no|non|not|without|absence\s+of|free\s+of|never)(?:[\s-]+|(?=-))|non-?|un(?=[a-z]{4}))"
                           r"(?P<rest>\S.*?)\s*")
_NEGATED_AFTER = re.compile(r"(?i)\s*(?P<rest>\S.*?)[\s,:(-]+(?:absent|not\s+present|negative|no|[-\u2212\u2013])\s*\)?\s*")
_POSITIVE_AFTER = re.compile(r"(?i)\s*(?P<rest>\S.*?)[\s,:(-]+(?:present|positive|yes|\+)\s*\)?\s*")
_WITH_SIDE = re.compile(r"(?i)\s*(?:with|having|had|ever)\s+(?P<rest>\S.*?)\s*")
_OPPOSITE_WORDS = {frozenset(p) for p in (("yes", "no"), ("present", "absent"), ("positive", "negative"),
                                          ("cases", "controls"), ("case", "control"), ("alive", "dead"),
                                          ("survived", "died"), ("survivors", "deaths"), ("success", "failure"),
                                          ("successful", "failed"), ("improved", "worsened"), ("dead", "alive"),
                                          ("deceased", "survived"), ("completers", "dropouts"),
                                          ("completers", "withdrawals"), ("included", "excluded"),
                                          ("responders", "nonresponders"))}
# two levels of a measure of the patients ("High IMAT | Low IMAT", "Weak staining | Strong staining")
_LEVEL_WORDS = {frozenset(p) for p in (("high", "low"), ("strong", "weak"), ("higher", "lower"))}
# what a level of a treatment is said of: "High dose | Low dose", "High-intensity | Low-intensity", "High protein
# diet": arms a trial gives, not a split of its patients
_LEVELLED_TREATMENT = re.compile(r"(?i)\b(?:doses?|dosages?|intensity|volumes?|frequency|concentrations?|strength|"
                                 r"flow|pressure|load|fat|protein|carbohydrate|calorie|salt|sodium|fibre|fiber|sugar|"
                                 r"diets?|exercise|training|support|amount|level\s+of\s+care)\b")


_WHO_WORDS = re.compile(r"(?i)\b(?:patients|participants|subjects|women|men|children|infants|cases?|group|those|"
                        r"people|persons)\b")
_SIDE_MARKS = re.compile(r"[*\u2020\u2021\u00a7\u00b6#]+|\s+[a-d]$|(?<=[A-Za-z])\d$")


def _side_name(header: str) -> str:
    name = _SIDE_MARKS.sub("", column_format(split_size(header)[0])[0])
    name = re.sub(r"\s+", " ", name).strip(" ,;:()[]").lower()
    name = re.sub(r"^(?:(?:the\s+)?groups?|patients|participants|subjects|women|men|children|infants|those|people)\s+(?=\w)",
                  "", name)
    # "UTI-positive group | UTI-negative group": the sides of a split, "group" after them; a trial's "Case group |
    # Control group" stays as written (its arms, not cases and controls)
    bare = re.sub(r"(?<=\w)\s+(?:groups?|patients|participants|subjects)$", "", name)
    return name if bare in ("case", "cases", "control", "controls") else bare


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _WHO_WORDS.sub(" ", text.replace("-", " ")))


def _opposite_sides(first: str, second: str) -> str | None:
    """The outcome or trait two column names split the patients by ("infection" for "Post-op infection" and "No
    infection"), else None."""
    if frozenset((first, second)) in _OPPOSITE_WORDS:
        return ""       # "Yes | No", "Cases | Controls": the split is said by the words themselves
    a, b = first.split(), second.split()
    if len(a) == len(b) >= 2:
        # "Successful extubation | Failed extubation", "Extubation success | Extubation failure": opposite words
        # about one thing
        for k in (0, -1):
            if frozenset((a[k], b[k])) in _OPPOSITE_WORDS and a[:k] + a[k + 1 or len(a):] == b[:k] + b[k + 1 or len(b):]:
                return " ".join(a[:k] + a[k + 1 or len(a):])
        # "High IMAT | Low IMAT", "Weak staining | Strong staining": two levels of one measure of the patients
        # (a level of a treatment, "High dose | Low dose", is an arm: `_LEVELLED_TREATMENT`)
        if frozenset((a[0], b[0])) in _LEVEL_WORDS and a[1:] == b[1:] and not _LEVELLED_TREATMENT.search(" ".join(a[1:])):
            return " ".join(a[1:])
    a, b = first.replace("-", " ").split(), second.replace("-", " ").split()
    if "-" in first + second and len(a) == len(b) >= 2:
        # "UTI-positive group | UTI-negative group": the opposite words joined to what they are about
        for k in range(len(a)):
            if frozenset((a[k], b[k])) in _OPPOSITE_WORDS and a[:k] + a[k + 1:] == b[:k] + b[k + 1:]:
                return " ".join(a[:k] + a[k + 1:])
    for positive, negative in ((first, second), (second, first)):
        negated = _NEGATED_SIDE.fullmatch(negative) or _NEGATED_AFTER.fullmatch(negative)
        if negated is None:
            continue
        rest = _words(negated.group("rest"))
        pos_match = _WITH_SIDE.fullmatch(positive) or _POSITIVE_AFTER.fullmatch(positive)
        said = _words(pos_match.group("rest") if pos_match else positive)
        # the negated side names the same thing, perhaps without the positive side's qualifier ("Post-op infection")
        if rest and said and (rest == said or (set(rest) <= set(said) and said[-len(rest):] == rest
                                                and len(said) - len(rest) <= 3)):
            return " ".join(said)
    return None


# a body row that states each column's number of patients: "n | 40 | 38", "Number of patients | 66 | 58 | 62",
# "Patients included", "Randomized (n)", "No. of subjects", "Sample size", "Participants, n", "Eyes analysed"
SIZE_ROW_LABEL = re.compile(
    r"\s*(?:\(?\s*(?:n|no\.?|number)\s*\)?|(?:(?:total\s+)?(?:number|no\.?)\s+of\s+)?(?:patients|participants|subjects|women|"
    r"men|children|infants|cases|eyes|individuals|volunteers)(?:\s+(?:included|enrol(?:l)?ed|randomi[sz]ed|allocated|analy[sz]ed|"
    r"treated|evaluated))?|(?:total\s+)?(?:randomi[sz]ed|included|enrol(?:l)?ed|allocated|analy[sz]ed)(?:\s+(?:patients|"
    r"participants|subjects))?|sample\s+size|group\s+size|"
    # the patients left at a stage: "Patients who completed the study", "Participants followed up", "Completers",
    # "Evaluable patients", "Per-protocol population"
    r"(?:patients|participants|subjects|women|men|children|infants)\s+(?:who\s+)?(?:completed|finished|(?:were\s+)?"
    r"(?:analy[sz]ed|evaluated|followed(?:\s+up)?|assessed|treated))(?:\s+(?:the\s+)?(?:study|trial|treatment|"
    r"follow[- ]?up|protocol))?|completers|evaluable\s+(?:patients|participants|subjects)|"
    r"(?:per[- ]protocol|intention[- ]to[- ]treat|ITT|PP|safety)\s+(?:population|set|analysis))"
    r"\s*(?:[,(\[]\s*(?:n|no\.?)\s*[)\]]?)?\s*:?\s*", re.I)
_SIZE_CELL_TEXT = re.compile(r"\s*(?:[(\[]?\s*[nN]\s*=\s*)?(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s*[)\]]?\s*")


# a header naming a category of patients or of the data, not a treatment: a severity, a stage or grade, a site, a
# study of a pooled analysis, a period ("Mild | Severe", "Site A | Site B", "Study 1 | Study 2", "Stage II")
_CATEGORY_HEADER = re.compile(r"(?i)\s*(?:mild|moderate|severe|(?:low|high|intermediate)(?!\s*[- ]?dose)|stage|grade|"
                              r"class|site|cent(?:re|er)|stud(?:y|ies)|trial|cohort|year|period|phase|visit|wave|round)\b")


def first_row_sizes(table: dict) -> dict[int, int]:
    """{column: N} from the first body row of a table when it only states the columns' numbers of patients
    ("Patients included | 66 | 58 | 62", "| | n = 40 | n = 38 |"), for two columns or more; else {}."""
    heads = header_rows(table)
    body = [c for c in table.get("cells") or [] if int(c["row"]) not in heads]
    if not body:
        return {}
    first = min(int(c["row"]) for c in body)
    row = {int(c["col"]): re.sub(r"\s+", " ", str(c.get("text") or "")).strip() for c in body if int(c["row"]) == first}
    label = row.pop(0, "")
    # (a dash or "NA" under the p-value's column says the row has no test, not that it is no row of sizes)
    filled = {c: t for c, t in row.items() if t and not re.fullmatch(r"[\u2012-\u2015-]|(?i:n/?a)", t)}
    found = {c: _SIZE_CELL_TEXT.fullmatch(t) for c, t in filled.items()}
    if len(filled) < 2 or not all(found.values()):
        return {}
    if label and not SIZE_ROW_LABEL.fullmatch(label) or not label and not all("=" in t for t in filled.values()):
        return {}
    return {c: int(m.group("n").replace(",", "")) for c, m in found.items()}


def _allocated_to(text: str, what: str) -> bool:
    """Whether the text assigns patients to `what` ("randomized to exercise or no exercise")."""
    words = r"\W+".join(re.escape(w) for w in what.split())
    # (the verb then "to", "into" or "between" before the groups: "randomized to exercise or no exercise"; "levels at
    # randomization were similar regardless of AKI" allocates nobody to AKI)
    return bool(re.search(r"(?i)\b(?:randomi[sz]\w*|assigned|allocated)\b[^.]{0,60}?\b(?:to|into|between)\b[^.]{0,120}?\b"
                          + words + r"\b", text))


def outcome_split(headers: dict[int, str]) -> dict[int, str]:
    """{column: the outcome or trait it splits by} for the column headers that come in pairs of patients with and
    without something that is no treatment ("Infection (n = 13) | No infection (n = 163)", "Responders |
    Non-responders", "Yes | No": "" where the words alone say it); "Morphine | No morphine" are arms, not a split."""
    named = {c: _side_name(h) for c, h in headers.items()}
    found: dict[int, str] = {}
    for a in named:
        for b in named:
            if a < b and named[a] and named[b]:
                what = _opposite_sides(named[a], named[b])
                if what == "" or what is not None and not find_drugs(what) and not _control_canonical(what):
                    found[a] = found[b] = what
    return found


def within_arm_strata(parts: dict[int, list[str]]) -> set[int]:
    """The columns of a table that compare patients with and without an outcome inside each group ("Treatment" over
    "Recurrence (n = 12) | No recurrence (n = 48) | P", "Control" over the same): strata of the arms, no figures of
    the arms themselves. `parts` gives each column's header texts row by row; a group is the columns under one upper
    header, and it is split when its lowest headers pair as with and without one thing (`outcome_split`) and a
    p-value column of its own compares them, in every group split so, two groups or more. A header of arms over answers with one p-value for the arms ("Drug" over
    "Yes | No", then "Placebo" over "Yes | No", then "P") is no such table: the p-value sits under no group."""
    groups: dict[tuple, dict[int, str]] = {}
    for column, texts in parts.items():
        texts = [t for t in texts if t]
        if column and len(texts) >= 2:
            groups.setdefault(tuple(texts[:-1]), {})[column] = texts[-1]
    found: set[int] = set()
    split_groups = 0
    for leaves in groups.values():
        p_columns = {c for c, t in leaves.items() if _P_VALUE_HEADER.fullmatch(t)}
        split = outcome_split({c: t for c, t in leaves.items() if c not in p_columns})
        if len(split) < 2:
            continue
        if not p_columns:
            return set()        # (a group split with no comparison of its own: answers of the arms, "Yes | No")
        found |= set(split) | p_columns
        split_groups += 1
    # (one group alone, "Groups" over "Case group | Control group | P", may be the arms themselves)
    return found if split_groups >= 2 else set()


def header_parts(table: dict) -> dict[int, list[str]]:
    """Each column's header texts row by row, a cell of an upper header row printed once over the empty cells after
    it spreading over them ("Treatment | | | Control | |" over six leaves)."""
    heads = sorted(header_rows(table))
    cells = {(int(c["row"]), int(c["col"])): str(c.get("text") or "").strip() for c in table.get("cells") or []
             if int(c["row"]) in heads}
    width = 1 + max((col for _, col in cells), default=-1)
    parts: dict[int, list[str]] = {col: [] for col in range(width)}
    for i, r in enumerate(heads):
        spread = ""
        for col in range(width):
            t = cells.get((r, col), "")
            if i < len(heads) - 1 and col:
                spread = t or spread
                t = spread
            parts[col].append(t)
    return parts


# a unit in brackets ending a header or a row label: "(L)", "(ppb)", "(mmHg)", "(mg/dL)" (never "(%)", a share's format)
_UNIT_IN_BRACKETS = re.compile(r"\s*[(\[]\s*(?:(?-i:[mµμnpdk]?L)|[mµμnpk]?g|ml|ppb|ppm|mm\s*Hg|cm|mm|kg|sec|min|hrs?|bpm|"
                               r"[a-zµμ]+\s*/\s*[a-zA-Z0-9.²]+)\s*[)\]]\s*$", re.I)
# "Group 1 TE", "Arm 2: FOLFOX", "Group II – Exercise": a numbered group header that also names what the group is
_NUMBERED_AND_NAMED = re.compile(r"\s*(?i:group|arm)\s+(?P<code>[1-9]|I{1,3}|IV)\s*(?:[:.,\u2013\u2014-]\s*|\s)"
                                 r"(?P<name>[A-Za-z][^()\[\]]{0,60}?)\s*")


def _table_arms(text: str, structure: dict | None, col: _Collector) -> None:
    for table in (structure or {}).get("tables") or []:
        heads = header_rows(table)
        for cell in table.get("cells") or []:
            # "| Group B+D (n = 30) | 18.7±2.3 | ..." down the first column: the arms as rows
            if int(cell.get("col", -1)) == 0 and int(cell.get("row", -1)) not in heads:
                name, n = split_size(str(cell.get("text") or "").strip())
                code = _TABLE_GROUP_CODE.fullmatch(name) if n is not None else None
                if code is not None:
                    col.table_codes.setdefault(re.sub(r"\s+", "", code.group("code")),
                                               (n, int(cell.get("start", 0)), int(cell.get("end", 0))))
        headers = column_headers(table)
        names = {split_size(_SPREAD_TAIL.sub("", h))[0].lower() for c, h, _, _ in headers if c}
        # "Infection (n = 13) | No infection (n = 163)": patients with and without an outcome, no arms (unless the
        # methods randomized to it: "assigned to exercise or no exercise")
        split = {c for c, what in outcome_split({c: h for c, h, _, _ in headers if c}).items()
                 if not what or not _allocated_to(text, what)}
        split |= within_arm_strata(header_parts(table))       # "Drug" over "Relapse | No relapse | P": strata
        # "Tape | Brace" over "Patients included | 66 | 58": the columns are groups whose sizes the first row gives
        row_sizes = first_row_sizes(table)
        for column, header, start, end in headers:
            if column in split:
                continue
            header = _GLUED_GROUP.sub(r"\g<word> group", _SPREAD_TAIL.sub("", header))  # ("Treatmentgroup (n = 11)")
            name, n = split_size(header)
            moment = SPANNING_WHEN.fullmatch(re.sub(r"(?<=\d)[-\u2010\u2013](?=[A-Za-z])", " ", name))
            if column and moment and (_MOMENT_WORD.search(name) or n is not None and not _allocated_to(text, name)):
                # "8-weeks follow-up (n = 40)" over "n | Mean | S.D. | P": a moment of every arm, no arm; also a bare
                # time with the patients seen then, "3 months (n = 894) | 6 months (n = 801)" over a table of effects
                # (an arm only when the text allocates patients to it: "randomised to 3 months or 6 months")
                continue
            if n is None and column in row_sizes and not SPANNING_WHEN.fullmatch(name) \
                    and not WHOLE_POPULATION_HEADER.fullmatch(name) and not _CATEGORY_HEADER.match(name):
                n = row_sizes[column]
            without = _WITHOUT_PARTNER.fullmatch(name)
            if column and without is not None and without.group("rest").lower() in names and is_arm_header(without.group("rest")):
                # "Morphine (n = 30) | No morphine (n = 30)": the group without the other column's treatment
                col.add(name, n, start, end, "table", role="control")
                continue
            lettered = _CODED_GROUP.fullmatch(_BRACKET_TAIL.sub("", name)) if column else None
            if lettered is not None and lettered.group("code") and lettered.group("code").isdigit() \
                    and lettered.group("code") in col.lettered:
                col.add_coded(lettered.group("code"), n, start, end)      # "Arm 1" of "Arm 1 received X"
                continue
            named_code = _NUMBERED_AND_NAMED.fullmatch(name) if column else None
            if named_code is not None and is_arm_header(named_code.group("name")) \
                    and not _SUBGROUP_HEADER.search(named_code.group("name")):
                # "Group 1 TE (N = 63)": a numbered group with its own name: the arm is the name; the number stays a
                # name of it for the text that says "group 1"
                if n is not None:
                    col.table_codes.setdefault(named_code.group("code"), (n, start, end))
                arm = col.add(named_code.group("name"), n, start, end, "table")
                if arm is not None:
                    arm.aliases |= {f"group {named_code.group('code')}"}
                continue
            numbered = _TABLE_GROUP_CODE.fullmatch(name) if column and n is not None else None
            if numbered is not None and numbered.group("code").isdigit():
                # "Group 1 (n = 30)": a numbered group (no arm header by itself: "Group 1" may be a subgroup)
                col.table_codes.setdefault(numbered.group("code"), (n, start, end))
                continue
            if column == 0 or not is_arm_header(header):
                continue
            # "Arm A (RT+Cisp)": a lettered group with what it received in brackets is that group
            coded = _CODED_GROUP.fullmatch(_BRACKET_TAIL.sub("", name))
            if coded is not None and (coded.group("code") or coded.group("code2")) in col.lettered:
                col.add_coded(coded.group("code") or coded.group("code2"), n, start, end)
                continue
            code = _TABLE_GROUP_CODE.fullmatch(name)
            if code is not None and n is not None:
                # "Group B+D (n = 30)": kept until the text has named its arms (see _coded_table_arms)
                col.table_codes.setdefault(re.sub(r"\s+", "", code.group("code")), (n, start, end))
                continue
            if n is None and not (find_drugs(name) or _control_canonical(name)):
                continue     # a header without a size is an arm only when it names a known drug or control
            labelled = _HEADER_ROLE_LABEL.search(name)
            if labelled is not None and labelled.start() > 0:
                # "Controlled and limited formula (Intervention group, n = 50)": the bracket gives the arm's role, not
                # its name (the header as printed stays one of the arm's names, so the table's columns resolve)
                arm = col.add(name[:labelled.start()], n, start, end, "table",
                              role=_ROLE_OF_LABEL[labelled.group("role").lower()])
                if arm is not None:
                    arm.aliases = set(arm.aliases) | {arm_key(name)[0] or name.lower()}
                continue
            col.add(name, n, start, end, "table")


# "group A (70 cases)", "Group B (n = 68)": a lettered group with its size
# ("In group I (120 people)", "Group 2 (n = 40 women)"; a dose "(25 mg)" is no size)
_CODED_SIZE = re.compile(r"\b(?i:group|arm|cohort)\s+(?P<code>[A-Z]{1,3}|[1-6])\s*[(\[]\s*(?:(?i:n)\s*=\s*)?(?P<n>\d[\d,]*)"
                         r"(?:\s+(?i:cases|patients|participants|subjects|children|women|men|eyes|people|persons|individuals|"
                         r"infants|neonates|newborns|adults|volunteers|mothers|athletes|students|teeth|knees|hips))?\s*[)\]]")
# "randomly divided into three groups: group A ..., group B ...": the lettered groups of an allocation
_CODED_ALLOCATION = re.compile(r"(?i)\b(?:randomi[sz]ed|randomly\s+(?:divided|assigned|allocated|distributed)|"
                               r"divided\s+randomly)\b[^.;]{0,40}?\binto\s+(?P<count>two|three|four|five|\d)\s+(?:groups|arms)\b")
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
# "group D received X", "group S (n = 30) was given Y": a group's letter (any one) defined by what it received
_CODE_RECEIVED = re.compile(r"\b(?i:group|arm)\s+(?P<code>[A-Z])\b\s*(?:[(\[][^()\[\]]{0,30}[)\]]\s*)?,?\s*(?::|received\b|"
                            r"(?:was|were)\s+(?:given|treated|administered)\b|underwent\b)")
_CODED_NAME = re.compile(r"\b(?i:group|arm)\s+(?P<code>[A-Z]{1,2})\b")


# (a report that randomizes nobody keeps "Group 1" a group of patients)
_RANDOMIZED_WORD = re.compile(r"(?i)\brandomi[sz]|\brandomly\b")
_NUMBER_DEFINED = re.compile(r"\b(?:Group|Arm|Cohort|group|arm|cohort)\s+([1-6])\s*(?::|received\b|(?:was|were)\s+(?:given|treated|administered)\b)")


def _group_letters(scan: str, structure: dict | None) -> frozenset:
    """The letters a report names its groups by, "group A", "group B" (in the text or a table's headers): used only
    when they run from A without a gap, all among A-H."""
    heads = " ".join(header for table in (structure or {}).get("tables") or [] for _, header, _, _ in column_headers(table))
    codes = {m.group("code") for text in (scan, heads) for m in _CODED_NAME.finditer(text)}
    codes |= {m.group("code2") for m in re.finditer(r"\b(?P<code2>[A-H])\s+(?i:group|arm)\b", heads)}
    numbers = {m.group(1) for text in (scan, heads) for m in re.finditer(r"\b(?i:group|arm|cohort)\s+([1-6])\b(?![.,]\d)", text)}
    # "Group 1: X (n = 40); Group 2: Y (n = 40)", "Group 2 received Y": each numbered group defined where it opens
    defined = {m.group(1) for m in _NUMBER_DEFINED.finditer(scan)}
    if len(numbers) >= 2 and numbers == {str(k) for k in range(1, len(numbers) + 1)} and not codes \
            and (_CODED_ALLOCATION.search(scan) or defined == numbers and _RANDOMIZED_WORD.search(scan)):
        return frozenset(numbers)    # "randomized into two arms ... Arm 1 received X": numbered from 1
    received = {m.group("code") for m in _CODE_RECEIVED.finditer(scan)}
    allocation = _CODED_ALLOCATION.search(scan)
    if allocation is not None and len(received) >= 2 and len(received) == _COUNT_WORDS.get(allocation.group("count").lower(), 0) \
            and not (codes - received):
        return frozenset(received)   # "into two groups: group D received X and group S received Y": any letters, defined
    ordinal = "ABCDEFGH"
    roman = ["I", "II", "III", "IV", "V", "VI"]
    if codes and codes <= set(roman) and "II" in codes and codes == set(roman[:len(codes)]):
        return frozenset(codes)      # "group I", "group II": numbered in Roman numerals from I
    if not codes or not codes <= set(ordinal) or "B" not in codes:
        return frozenset()
    return frozenset(codes) if codes == set(ordinal[:len(codes)]) else frozenset()


# "randomized into two arms. Arm A received X ... Arm B received Y", "Arm A: X ...": lettered arms each opening a
# sentence (or line) of their own after an allocation into that many arms
# ("... into two groups: group D received X and group S received Y": also lower-case, also a clause after "and" or
# a comma: "Arm 1 received X (n = 45), arm 2 received Y (n = 44)")
_CODED_OPENING = re.compile(r"(?:^|(?<=[.:;,]\s)|(?<=\n)|(?<=\sand\s))"
                            r"(?:Group|Arm|Cohort|group|arm)\s+(?P<code>I{1,3}\b|IV\b|[A-Z]{1,2}\b|[1-6])\s*(?::|\(|received\b|(?:was|were)\s+"
                            r"(?:given|treated|administered)\b|underwent\b)")
_CLAUSE_SIZE = re.compile(r"[^.;\n]{0,120}?[(\[]\s*n\s*=\s*(?P<n>\d[\d,]*)\s*[)\]]", re.I)


def _coded_openings(scan: str, spans: list[tuple[int, int]], col: "_Collector") -> None:
    """The lettered arms of a report that allocates "into two arms" in one sentence and says what each received in
    sentences opening "Arm A received ..." (used when no other sentence defined the arms)."""
    allocation = next((m for lo, hi in spans for m in [_CODED_ALLOCATION.search(scan, lo, hi)] if m), None)
    found: dict[str, re.Match] = {}
    for lo, hi in spans:
        for m in _CODED_OPENING.finditer(scan, lo, hi):
            found.setdefault(m.group("code"), m)
    if len(found) < 2 or allocation is None and not set(found) <= col.lettered:
        return
    for code, m in sorted(found.items()):
        size = _CLAUSE_SIZE.match(scan, m.end())
        col.add_coded(code, int(size.group("n").replace(",", "")) if size else None, m.start(), m.end(), "allocation")


# "In the PRESSURE group (N = 40)", "in the GDFT arm (N = 40)", "the observational (CONTROL, N = 40) group": a group
# named by one to three words (or a code in its size bracket), with its size
_SIZED_GROUP = re.compile(
    r"\b(?i:the)\s+(?P<name>[A-Za-z][\w+/-]*(?:\s+[A-Za-z][\w+/-]*){0,2}?)\s+(?i:group|arm)\s*[(\[]\s*(?i:n)\s*=\s*"
    r"(?P<n>\d[\d,]*)\s*[)\]]"
    r"|[(\[]\s*(?P<code>[A-Z][A-Z0-9+-]{1,11})\s*[,;]\s*(?i:n)\s*=\s*(?P<n2>\d[\d,]*)\s*[)\]]\s*(?i:group|arm)\b")
_NOT_A_GROUP_NAME = re.compile(r"(?i)^(?:first|second|third|each|every|whole|total|entire|same|other|two|three|both|all|"
                               r"treatment|intervention|study|randomi[sz]ed)$")


def _sized_named_groups(scan: str, spans: list[tuple[int, int]], col: "_Collector") -> None:
    """Groups the methods name with their sizes in separate sentences ("the observational (CONTROL, N = 40) group",
    "In the PRESSURE group (N = 40) ...", "... was used in the GDFT arm (N = 40)") are the arms when two or more
    distinct ones are named (used when no other sentence defined the arms); a name that only says which or how many
    ("the first group", "each group", "the treatment group") names none."""
    found: dict[str, tuple[str, int, int, int]] = {}
    for lo, hi in spans:
        for m in _SIZED_GROUP.finditer(scan, lo, hi):
            name = m.group("name") or m.group("code")
            start = m.start("name") if m.group("name") else m.start("code")
            if _NOT_A_GROUP_NAME.match(name) or not _plausible_name(name):
                continue
            key = arm_key(name)[0]
            if key:
                found.setdefault(key, (name, int((m.group("n") or m.group("n2")).replace(",", "")), start,
                                       start + len(name)))
    if len(found) < 2:
        return
    for name, n, start, end in found.values():
        col.add(name, n, start, end, "size")


# "group A (alfentanil)", "R (remifentanil)": an allocation item that is a group's code with its arm in brackets
_CODED_ITEM = re.compile(r"(?:(?:the\s+)?(?i:group|arm)\s+)?(?P<code>[A-Z]{1,2}|I{1,3}|IV|[1-6])\s*[(\[]\s*"
                         r"(?P<name>[A-Za-z][^()\[\]]{1,60}?)\s*[)\]]")
# "fish oil (group I)", "no supplementation (group III)": an arm's name with its group's code in brackets after it
_NAMED_CODE = re.compile(r"(?P<name>[A-Za-z][^,;:()\[\].]{1,80}?)\s*[(\[]\s*(?i:group|arm)\s+(?P<code>[A-H]|I{1,3}|IV|[1-6])"
                         r"\s*[)\]]")
_NAMED_CODE_LEAD = re.compile(r"(?i)^.*\b(?:of|to|receiving|received|given|between|"
                              r"(?:supplementation|supplemented|treatment|treated|therapy)\s+with)\s+")


def _coded_bracket_names(scan: str, spans: list[tuple[int, int]], col: "_Collector") -> None:
    """ "Group I (Control) was given X while Group II (Garlic) received X along with Y": in a randomized report, two
    or more coded groups each followed by its arm's short name in brackets are the arms, named by the bracket, the
    code an alias (used when no other sentence defined the arms). A bracket holding a size, a dose or a number
    names no arm; a code given two different names, or two codes one name, defines nothing."""
    if not _RANDOMIZED_WORD.search(scan):
        return
    named: dict[str, tuple[str, int, int]] = {}
    listed = []
    for lo, hi in spans:
        for s0, s1 in sentence_spans(scan[lo:hi]):
            # "X (group I), Y (group II), or Z (group III)": a list of them in one sentence, never one clause's
            # "(group A)" after the time it was given
            inside = list(_NAMED_CODE.finditer(scan, lo + s0, lo + s1))
            # (each item after the first is a name only, joined by a comma, "or" or "and": no clause of its own)
            joined = all(re.fullmatch(r"\s*,?\s*", scan[a.end():b.start()]) and len(b.group("name").split()) <= 8
                         and not re.search(r"(?i)\b(?:received|receiving|were|was|given|while|whereas|who|which)\b",
                                           b.group("name")) for a, b in zip(inside, inside[1:]))
            if len({m.group("code") for m in inside}) >= 2 and joined:
                listed += inside
    for lo, hi in spans:
        for m in [*_CODE_NAMED.finditer(scan, lo, hi), *(x for x in listed if lo <= x.start() < hi)]:
            # "supplementation with fish oil (group I), fish oil with primrose oil (group II), or with no
            # supplementation (group III)": the name after what introduces the list, without its joint
            name = _NAMED_CODE_LEAD.sub("", m.group("name").strip())
            name = re.sub(r"(?i)^(?:(?:or|and|with|either|the|an?)\s+)+", "", name).strip()
            if re.search(r"\d", name) or not _plausible_name(name) or re.fullmatch(r"(?i)n|cases?|patients?", name):
                continue
            code = m.group("code").upper()
            if code in named and arm_key(named[code][0])[0] != arm_key(name)[0]:
                return
            named.setdefault(code, (name, m.start(), m.end()))
    keys = [arm_key(name)[0] for name, _, _ in named.values()]
    if len(named) < 2 or len(set(keys)) != len(keys) or not all(keys):
        return
    for code, (name, start, end) in named.items():
        arm = col.add(name, None, start, end, "allocation")
        if arm is not None:
            arm.aliases |= {code, f"group {code.lower()}"}
            if _control_canonical(name):
                arm.role = "control"


# "P1 = Ethanol (100 %) 45 g ..., P2 = ..., and a reference product R = ...": a code of one capital (and a digit)
# defined by what follows its equals sign, in words
# (a legend's "N = number of patients", "T = time", "M = male" defines symbols, not arms)
_CODE_EQUALS = re.compile(r"(?<![\w=<>])(?P<code>[A-Z]\d?)\s*=\s*(?=[A-Za-z])(?!(?i:number|time|mean|median|standard|total|"
                          r"not|no|yes|significant|probability|visit|weeks?|days?|months?|years?|hours?|baseline|"
                          r"percent(?:age)?|range|interquartile|confidence|odds|hazard|relative|difference|male|female|"
                          r"men|women|missing|grade|stage|score|level|value|score)\b)")
# the sentence that defines the arms by codes says what was given, compared or allocated
_GIVEN_WORDS = re.compile(r"(?i)\b(?:randomi[sz]\w*|received|applied|administered|given|cross-?over|periods?|arms?|"
                          r"groups?|products?|treatments?|interventions?|conditions?)\b")


def _codes_defined_by_equals(scan: str, spans: list[tuple[int, int]], col: "_Collector") -> None:
    """ "healthy volunteers applied three different hand rubs in four periods: P1 = X, P2 = Y, P3 = Z and a reference
    product R = W": codes defined by an equals sign in sentences that say what was given are the arms, each named by
    its code (the results say "after P1", "between P2 and R"), when one sentence defines two or more and every code
    is used again elsewhere; a code the sentence calls the reference, a placebo or a control is the control (used
    when no other sentence defined the arms). A sentence broken inside a definition ("(Ph.Eur.)") still adds its
    codes."""
    defined: dict[str, tuple[int, str]] = {}
    listed = False
    for lo, hi in spans:
        for s0, s1 in sentence_spans(scan[lo:hi]):
            seg = scan[lo + s0:lo + s1]
            if "=" not in seg or not _GIVEN_WORDS.search(seg):
                continue
            found = list(_CODE_EQUALS.finditer(seg))
            listed = listed or len({m.group("code") for m in found}) >= 2
            for m in found:
                before = seg[max(0, m.start() - 40):m.start()]
                role = "control" if re.search(r"(?i)\b(?:reference|placebo|control|sham|vehicle)\b[\w\s]{0,20}$",
                                              before) else "experimental"
                defined.setdefault(m.group("code"), (lo + s0 + m.start(), role))
    if not listed or len(defined) < 2:
        return
    for code, (start, _) in defined.items():
        if len(re.findall(r"(?<![\w-])" + re.escape(code) + r"(?![\w-])(?!\s*=)", scan)) < 2:
            return      # a code the text never uses again names no arm the results speak of
    for code, (start, role) in defined.items():
        # (a code is no name the lexicon or the plausibility test would take: the arm is made as it is)
        col.arms.append(Arm(arm_id="", name=code, canonical=code.lower(), n=None, role=role, start=start,
                            end=start + len(code), source="allocation", aliases={code.lower(), code}))


def _coded_arms(s0: int, seg: str, col: "_Collector") -> bool:
    """Lettered arms: "group A (70 cases)" anywhere, and each "group A" of a sentence that randomizes the patients
    "into three groups". True when the sentence is such an allocation."""
    if "roup" not in seg and "rm" not in seg:
        return False
    for m in _CODED_SIZE.finditer(seg):
        col.add_coded(m.group("code"), int(m.group("n").replace(",", "")), s0 + m.start(), s0 + m.end(), "bracket")
    allocation = _CODED_ALLOCATION.search(seg)
    if allocation is None:
        return False
    named = list(_CODED_NAME.finditer(seg, allocation.end()))
    if len({m.group("code") for m in named}) < 2:
        return False
    for m in named:
        col.add_coded(m.group("code"), None, s0 + m.start(), s0 + m.end(), "allocation")
    return True


# "Group A (n = 67)", "Arm B (n=40)", "C group": an arm the report names by a letter or numeral it gave it
_CODED_GROUP = re.compile(r"\s*(?i:group|arm)\s+(?P<code>[A-Z]{1,2}|[IVX]{1,3}|[1-6])\s*|\s*(?P<code2>[A-Z]{1,2})\s+(?i:group|arm)\s*")


# a column header naming a dose only: "25 mg (N = 79)"
_DOSE_ONLY_HEADER = re.compile(_DOSE.pattern + r"\s*", re.I)


def _dose_column_arms(structure: dict | None, col: _Collector) -> None:
    """ "25 mg (N = 79) | 10 mg (N = 75) | 1 mg (N = 79)" over the columns of a trial of one drug: each dose is an
    arm of that drug, with the column's size (the drug is the one non-control arm the text defined)."""
    drugs = {_key_of(a)[0] for a in col.arms if a.canonical not in CONTROL_CANONICAL and a.role != "control"
             and a.canonical[:1].isalpha()}
    if len(drugs) != 1:
        return
    drug = next(a for a in col.arms if _key_of(a)[0] in drugs)
    for table in (structure or {}).get("tables") or []:
        for column, header, start, end in column_headers(table):
            name, n = split_size(header)
            if column == 0 or n is None or not _DOSE_ONLY_HEADER.fullmatch(name) or not is_arm_header(header):
                continue
            col.add(f"{drug.name} {name}", n, start, end, "table")


def header_rows(table: dict) -> set[int]:
    """The grid's header rows: those ingestion marks (`header_rows` as a count or a list, or `header` on the
    cells), else the first row."""
    cells = table.get("cells") or []
    given = table.get("header_rows")
    rows: set[int] = {int(c["row"]) for c in cells if c.get("header")}
    if isinstance(given, int) and not isinstance(given, bool):
        rows |= set(range(given))
    elif isinstance(given, (list, tuple)):
        rows |= {int(r) for r in given}
    if not rows and cells:
        rows = {min(int(c["row"]) for c in cells)}
    return rows | _statistic_rows(cells, rows)


# a header cell's words may hold a level ("Mean (95% CI)") or a quartile's name ("Median (Q1-Q3)"), not a figure
# or an arm's dose ("Fulvestrant 500 mg + anastrozole 1 mg": the arms named again in the body's first row)
_HEADER_DIGITS = re.compile(r"\d+(?:\.\d+)?\s*%\s*(?:CI|CrI|confidence|credible)|\bQ[1-4]\b|"
                            r"\d+(?:\.\d+)?\s*(?:mg|g|\u00b5g|\u03bcg|mcg|ml|IU)\b(?:\s*/\s*(?:kg|day|d|m2))?", re.I)


_GENERIC_LABEL = re.compile(r"\s*(?:variables?|characteristics?|parameters?|outcomes?|(?:outcome\s+)?measures?|items?|factors?|"
                            r"indices|index|statistics?)\s*:?\s*", re.I)


def _statistic_rows(cells: list[dict], heads: set[int]) -> set[int]:
    """Body rows right under the marked header rows that are header rows too: the label cell empty and every
    other cell words without a figure ("| | Mean (95% CI) | Mean (95% CI) | Mean difference (95% CI) | p |", a
    JATS table printing its second header row in the body). A size row ("| | n = 29 | n = 32 |") is not one."""
    if not heads or not cells:
        return set()
    by_row: dict[int, dict[int, str]] = {}
    for c in cells:
        by_row.setdefault(int(c["row"]), {})[int(c["col"])] = re.sub(r"\s+", " ", str(c.get("text") or "")).strip()
    from .header_tree import statistic_row
    out: set[int] = set()
    r = max(heads) + 1
    labels = {by_row.get(h, {}).get(0, "") for h in heads} - {""}
    while r in by_row and len(out) < 2:
        row = by_row[r]
        rest = [t for col, t in row.items() if col != 0 and t]
        label = row.get(0, "")
        # the label cell empty, repeating the header's ("Characteristic" over "Characteristic") or a generic
        # header word ("Variable", "Outcome"); a row labelled otherwise is data or a section heading
        # (a cell that only says when, "3 MONTHS", "Week 12", "Day 2-4", is a header's word too, digits and all)
        # (a row naming only statistics, "Scores | Mean | SD | Mean | SD | P", is a header level whatever its label)
        if (label and label not in labels and not _GENERIC_LABEL.fullmatch(label) and not statistic_row(row)) or not rest or \
                any((re.search(r"\d", _HEADER_DIGITS.sub("", t)) and not _time_only(t)) or not re.search(r"[A-Za-z%]", t)
                    for t in rest):
            break
        out.add(r)
        r += 1
    return out


def _time_only(text: str) -> bool:
    """Whether a cell is a time and nothing else ("6 MONTHS", "Week 12", "Day 2-4", "At 24 h")."""
    found = timepoint_spans(re.sub(r"(?i)^\s*(?:at|after|by)\s+", "", text), bare_short=True)
    return len(found) == 1 and not re.sub(r"(?i)^\s*(?:at|after|by)\s+", "", text)[:found[0][0]].strip() \
        and not re.sub(r"(?i)^\s*(?:at|after|by)\s+", "", text)[found[0][1]:].strip(" .:;*")


# what an intervention starts with: figures measured before it are the baseline ("Before ventilation", "Before
# reduction"); before anything later ("Before extubation") is a timepoint of the results
TREATMENT_START_WORDS = re.compile(
    r"(?:treatment|intervention|therapy|surgery|operation|randomi[sz]ation|procedure|ventilation|reduction|sedation|"
    r"induction|an(?:a)?esthesia|infusion|administration|enrol(?:l)?ment|dosing)", re.I)


# the word that makes a time a moment of the trial, not a group told apart by a duration ("6 months" of therapy)
_MOMENT_WORD = re.compile(r"(?i)follow[- ]?up|\b(?:at|by|after|through|up\s+to)\b")


# a header cell over several arm columns that says when, not who ("Week 24", "At 12 months", "Baseline"): not part
# of the arm's name (the table reader gives it to each column as its timepoint)
SPANNING_WHEN = re.compile(r"\s*(?:(?:at|by|to|through|after|over|up\s+to)?\s*(?P<tp>(?:week|day|month|year)\s*\d+|"
                           r"\d+\s*(?:weeks?|months?|years?|days?))(?:\s+follow[- ]?up)?|(?P<baseline>(?:at\s+)?base\s?line|"
                           r"before\s+treatment|pre-?treatment|on\s+(?:arrival|admission|entry|enrol?ment|inclusion)|"
                           r"at\s+(?:arrival|admission|(?:study\s+)?entry|enrol?ment|randomi[sz]ation|inclusion))|"
                           # "10 min", "2 h", "Pre-op", "After treatment", "Before ventilation", "3rd month": a phase or a
                           # time since the intervention began (table_reader.when_phrase reads them)
                           r"(?P<minutes>\d+\s*(?:min(?:ute)?s?|h|hrs?|hours?))|"
                           r"(?P<ordinal>\d+\s*(?:\^|st|nd|rd|th)?\s*(?:week|day|month|year))|"
                           # ("Intraoperative", "Perioperative": during the operation, its sub-rows beside "Preoperative")
                           r"(?P<phase>(?:pre|post|intra|peri)[- ]?op(?:erative(?:ly)?|eration)?|post-?treatment|"
                           r"(?:before|after|following|end\s+of)\s+(?:the\s+)?[a-z]+))\s*", re.I)
# a header over the arm columns that says what their cells are, not who ("Mean % change from baseline", "Median
# (IQR)"): no part of an arm's name (the table reader takes the format from it)
# ... and "Change (95% CI)", "Change from baseline (95% CI)": an arm's change with its interval
SPANNING_STATISTIC = re.compile(r"\s*(?:(?:adjusted\s+|LS\s+|least[- ]squares\s+)?(?:mean|median)s?\b[^()]{0,60}"
                                r"(?:[(\[][^()]{0,20}[)\]])?|changes?(?:\s+from\s+baseline)?\s*[(\[]\s*(?:95\s*%\s*)?CI\s*[)\]])\s*",
                                re.I)


# a sub-header under an arm's name that says when as a span ("Day 2-4", "Days 28–31", "Weeks 1 to 4", "Visit 2-3")
# or names the test of a comparison ("ANOVA", "t-test", "χ2", "P value")
_SUB_HEADER_OF_AN_ARM = re.compile(r"(?i)\s*(?:(?:days?|weeks?|months?|years?|visits?|sessions?|cycles?|hours?)\s*\d+\s*"
                                   r"(?:[-\u2010-\u2015\u2212]|to)\s*\d+|(?:(?:one|two)[- ]way\s+)?(?:repeated[- ]measures?\s+)?"
                                   r"anova|t[- ]?tests?|(?:chi|\u03c7)[- ]?(?:squared?|2|\u00b2)|mann[- ]whitney(?:\s+u)?(?:[- ]test)?|"
                                   r"wilcoxon(?:[- ]test)?|kruskal[- ]wallis|p(?:[- ]?values?)?|"
                                   # "Pre: Mean (SE)", "BASE LINE", "Post-treatment, n (%)": when, and perhaps the statistic
                                   r"(?:pre|post|before|after|baseline|base[- ]line|initial|final|start|end|entry|exit|"
                                   r"admission|discharge|follow[- ]?up|T\d{1,2})(?:[- ]?(?:treatment|intervention|test|op|values?|"
                                   r"scores?|visit|assessment|measurements?))?"
                                   r"(?:\s*[:,]\s*.{1,30})?)\s*[*\u2020\u2021\u00a7]?\s*")


# an arm's header joined with a sub-header that says when: "PLA Initial", "Placebo Week 12", "Pre-treatment X"
_ARM_AT_A_TIME = re.compile(r"(?i)\s*(?P<arm>.+?)\s*[,:-]?\s+(?:initial|final|baseline|base[- ]line|pre|post|before|after|"
                            r"start|end|entry|discharge|follow[- ]?up|T\d{1,2}|(?:week|day|month|year|visit)\s*\d+)"
                            r"(?:[- ]?(?:treatment|intervention|test|values?|scores?))?\s*")

# the time first: "Pre exposure filtered air", "Post-treatment placebo", "Baseline drug X" (a crossover's condition at
# one of its times)
_TIME_THEN_ARM = re.compile(r"(?i)\s*(?:pre|post|before|after|baseline|base[- ]line|initial|final)"
                            r"(?:[- ]?(?:exposure|treatment|intervention|test|session|challenge|dose))?\s*[,:-]?\s+(?P<arm>.+?)\s*")

# a header cell that is a p-value, a test or a total column's, never a category over the arms
_NOT_A_NAME_CELL = re.compile(r"(?i)\s*(?:p(?:[- ]?values?)?|n|%|n\s*\(%\)|total|overall|all(?:\s+patients)?|"
                              r"(?:mean|median)s?\b.*|sd|iqr|range)\s*")


def _category_over_arms(by_col: dict[int, list[dict]]) -> dict[int, str]:
    """{column: text} of a header cell spanning every named column of a table ("Weaning mode" over "Respiratory
    physiotherapy-driven | SmartCare", "Treatment group" over "Placebo | Drug X") that names what the arms differ in,
    not an arm: the row under it names two arms or more. A drug or control word over its columns ("Drug X" over
    "10 mg | 20 mg") names the arms and stays."""
    rows: dict[int, dict[int, str]] = {}
    for column, cells in by_col.items():
        if column == 0:
            continue
        for c in cells:
            text = str(c.get("text") or "").strip()
            if text and not _NOT_A_NAME_CELL.fullmatch(text):
                rows.setdefault(int(c["row"]), {})[column] = text
    ordered = sorted(rows)
    for top, below in zip(ordered, ordered[1:]):
        over, under = rows[top], rows[below]
        texts = set(over.values())
        if len(texts) != 1 or len(over) < 2 or set(over) != set(under):
            continue
        names = {split_size(t)[0] for t in under.values()}
        text = next(iter(texts))
        if len(names) < 2 or any(SPANNING_WHEN.fullmatch(n) or SPANNING_STATISTIC.fullmatch(n) or not re.search(r"[A-Za-z]{3}", n)
                                 for n in names) \
                or find_drugs(text) or _control_canonical(text) or SPANNING_WHEN.fullmatch(text):
            continue
        return dict(over)
    return {}


def _size_of_sub_header(text: str) -> str:
    """What an arm's sub-header that says when adds to the arm's name: its size alone ("Final (n = 8)" -> "(n = 8)")."""
    n = split_size(text)[1]
    return f"(n = {n})" if n is not None else ""


def column_headers(table: dict) -> list[tuple[int, str, int, int]]:
    """(column, header text joined over the header rows, start, end) for each column of a table grid; a cell that
    only says when (SPANNING_WHEN) is left out when another header row names the column."""
    cells = table.get("cells") or []
    heads = header_rows(table)
    is_header = lambda c: int(c["row"]) in heads    # noqa: E731
    by_col: dict[int, list[dict]] = {}
    for c in cells:
        if is_header(c):
            by_col.setdefault(int(c["col"]), []).append(c)
    category = _category_over_arms(by_col)
    out = []
    for column in sorted(by_col):
        parts = sorted(by_col[column], key=lambda c: int(c["row"]))
        texts = list(dict.fromkeys(str(c.get("text") or "").strip() for c in parts if str(c.get("text") or "").strip()
                                   and not (column in category and str(c.get("text") or "").strip() == category[column])))
        if column and len(texts) > 1:
            texts = _without_when_parts(texts)
        if column and len(texts) > 1:
            # "Drug X" over "Day 2-4" or over "ANOVA": a span of days or the comparison's test under the arm header,
            # no part of the arm's name
            # ("Initial (n = 8)" under "Placebo": when, with the arm's size, which stays)
            # ("p, trend", "OR1", "(95% CI)", "(n)" under an arm: what its cells are, column_roles.names_no_arm)
            # ("t(19)" under "Difference": a test's degrees of freedom, no arm's size: column_roles.comparison_role)
            texts = [texts[0]] + ["" if comparison_role(t) else _size_of_sub_header(t)
                                  if _SUB_HEADER_OF_AN_ARM.fullmatch(split_size(t)[0])
                                  or names_no_arm(split_size(t)[0]) else t for t in texts[1:]]
            texts = [t for t in texts if t]
        if not texts:
            continue
        out.append((column, " ".join(texts), int(parts[0]["start"]), int(parts[-1]["end"])))
    return out


# a sub-column's header under an arm saying only what it prints: "%", "(n)", "OR", "OR1" (a reference's mark), "(95% CI)"
_LEAF_STATISTIC = re.compile(r"(?i)\s*[(\[]?\s*(?:%|n|no\.|(?-i:a?(?:OR|HR|RR|IRR))|(?:90|95|99)\s*%\s*CI|CI)\s*[)\]]?\s*"
                             r"[\d*\u2020\u2021]?\s*")


def _without_when_parts(texts: list[str]) -> list[str]:
    """A column's header texts without those that only say when or what the cells are ("PLA" over "Initial (n = 8)": "PLA
    (n = 8)"; a size printed with the time is the arm's)."""
    kept, size = [], ""
    for k, t in enumerate(texts):
        name, n = split_size(t)
        if k and _LEAF_STATISTIC.fullmatch(t):
            continue        # "Intervention (n = 85)" over "% | (n) | OR | (95% CI)": what each sub-column prints
        if SPANNING_STATISTIC.fullmatch(t) or SPANNING_WHEN.fullmatch(t) or \
                n is not None and (SPANNING_WHEN.fullmatch(name) or MOMENT_ONLY.fullmatch(name)) or MOMENT_ONLY.fullmatch(t):
            size = size or (f"(n = {n})" if n is not None else "")
            continue
        kept.append(t)
    if not kept:
        return texts
    if size and all(split_size(t)[1] is None for t in kept):
        kept[-1] = f"{kept[-1]} {size}"
    return kept


# "aged 18 to 74 years", "74 years of age", "mean age 45 years old": ages, not timepoints
_AGE_BEFORE = re.compile(r"\bage[ds]?\b[^.;]{0,20}$|[<>≥≤]\s*$", re.I)
_AGE_AFTER = re.compile(r"\s+(?:of\s+age|old)\b", re.I)


def _timepoint_text(found: str) -> str:
    """ "26-week" -> "26 weeks", "Week 24" -> "week 24"."""
    text = re.sub(r"[\s-]+", " ", found).lower()
    return re.sub(r"^(\d+) (week|month|year|day)$", r"\1 \2s", text)


def _design(scan: str) -> str:
    # the title says what the document is ("a randomized controlled trial of ..."), before a background that cites
    # meta-analyses
    title = scan[:300].split("\n", 1)[0]
    for label, pattern in _DESIGNS:
        if label in ("RCT", "meta-analysis") and pattern.search(title):
            return label
    if re.search(r"(?i)\brandomi[sz]ed\b|\bcontrolled\s+trial\b", title):
        return "RCT"        # "Randomized comparison of A versus B": a trial, whatever reviews its background cites
    head = scan[:6000]
    # what the document says it is itself ("We performed a systematic review and meta-analysis", "this protocol
    # describes") before what it cites: a trial's background quoting "a meta-analysis reported ..." or its methods
    # saying "the study protocol was approved" stay a trial
    if _OWN_REVIEW.search(head):
        return "meta-analysis"
    for label, pattern in _DESIGNS:
        if label == "meta-analysis" and _RANDOMIZED_HERE.search(head):
            continue
        if label == "meta-analysis" and _earlier(_TRIAL_PATTERN.search(head), pattern.search(head)):
            continue    # "Methods: A randomized, double-blind trial of ..." before the background's "a meta-analysis"
        if label == "protocol":
            if _OWN_PROTOCOL.search(head):
                return label
            continue
        if pattern.search(head):
            return label
    return "RCT" if _RANDOMIZED_HERE.search(head) else ""


def _earlier(first: re.Match | None, second: re.Match | None) -> bool:
    return first is not None and (second is None or first.start() < second.start())


# a review said of the document itself: "we performed a meta-analysis", "this systematic review", "a systematic
# review and meta-analysis of ... was conducted", "Design: Meta-analysis"
_OWN_REVIEW = prefiltered(re.compile(
    r"(?i)\b(?:we|this|the\s+present|our)\s+(?:(?:have\s+)?(?:performed|conducted|undertook|carried\s+out|did|present|report)\s+)?"
    r"(?:an?\s+)?(?:updated\s+|network\s+|cumulative\s+)?(?:systematic\s+review|meta-?analys[ie]s)\b"
    r"|\bdesign\s*[:.]\s*(?:a\s+)?(?:systematic\s+review|meta-?analys[ie]s)\b"
    r"|\b(?:systematic\s+review|meta-?analys[ie]s)\s+(?:of\s+[^.]{0,120}?)?(?:was|were)\s+(?:performed|conducted|undertaken|"
    r"carried\s+out)\b"))
# the document's own patients were allocated at random: then a meta-analysis it names is one it cites
_RANDOMIZED_HERE = prefiltered(re.compile(
    r"(?i)\b(?:patients|participants|subjects|children|women|men|adults|infants|volunteers|they|who)\s+(?:were\s+)?"
    r"(?:then\s+)?(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated|allotted|divided)\b"
    r"|\b(?:were|was)\s+(?:randomly\s+(?:randomi[sz]ed|assigned|allocated|allotted|divided|distributed)|"
    r"(?:randomi[sz]ed|allocated|assigned)\s+(?:in)?to)\b|\bin\s+a\s+random(?:i[sz]ed)?\b[^.]{0,40}\b(?:fashion|order|manner)\b"
    r"|\bwe\s+randomi[sz]ed\b"))
# a protocol the document is: "study protocol" in its title (handled above), "this protocol", "protocol for a",
# "we describe the protocol" (not "the study protocol was approved / explained")
_OWN_PROTOCOL = re.compile(r"(?i)\b(?:this|the\s+present|our)\s+(?:study\s+|trial\s+)?protocol\s+(?:describes|presents|reports|"
                           r"outlines|details|paper|article)\b"
                           r"|\bprotocol\s+for\s+a\b|\b(?:describe|present|report)s?\s+(?:the|a|this)\s+(?:study\s+|trial\s+)?protocol\b")


def _outcomes(scan: str) -> list[str]:
    found: list[str] = []
    for m in _OUTCOME_SENTENCE.finditer(scan):
        what = re.split(r"(?i),?\s+(?:and\s+)?(?:the\s+)?(?:key\s+)?secondary\b", m.group("what"))[0]
        for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+(?=the\b)", what):
            part = re.sub(r"^(?:(?:the|a|an|to\s+(?:evaluate|assess|determine|compare|measure))\s+)+", "", part.strip(" ,"),
                          flags=re.I)
            part = re.split(r"(?i),?\s+(?:as\s+(?:determined|assessed|measured|defined)|assessed|measured|defined)\b", part)[0]
            if re.match(r"(?i)(?:not\s+met|met|achieved|reached|significant|as\s+(?:determined|assessed|measured|defined))\b",
                        part):
                continue      # "the primary endpoint was not met": a result, not an outcome
            if 3 <= len(part) <= 120 and part.lower() not in (o.lower() for o in found):
                found.append(part)
    return found


def assessment_time(scan: str) -> str:
    """The one time at which the document says its outcomes were assessed: every primary and secondary outcome
    sentence that names a time ("The primary outcome was the change in score from baseline to week 6", "Secondary
    outcomes included remission at week 6") names the same one, the last of a "from baseline to" span; "" when
    none does or two differ (each result then needs its own)."""
    from ..tables import cell_text
    found: set[tuple[str, ...]] = set()
    said = ""
    for m in _OUTCOME_SENTENCE.finditer(scan):
        stop = scan.find(".", m.end("what"))
        what = scan[m.start("what"):stop if stop > 0 else m.end("what")]
        for _, _, tp in timepoint_spans(what):
            key = tuple(sorted(re.findall(r"[a-z]+|\d+", re.sub(r"(?<=[a-z])s\b", "", cell_text(tp).lower()))))
            found.add(key)
            said = said or tp
    return said if len(found) == 1 else ""


def build_study(doc_id: str, text: str, structure: dict | None = None) -> Study:
    """The study model of one document (see the module's docstring)."""
    scan = scan_view(text)
    col = _Collector(treated_observation=all(p.search(scan) for p in _OBSERVATION_AND_CONTROL),
                     lettered=_group_letters(scan, structure))
    design = _design(scan)
    _table_arms(text, structure, col)
    allocated = False
    span_mentions: list[tuple[int, list[Mention]]] = []
    for lo, hi in _readable_spans(scan, structure):
        # the span's drug mentions once; each sentence takes its own, in sentence offsets
        mentions = find_drugs(scan[lo:hi])
        span_mentions.append((lo, mentions))
        starts = [m.start for m in mentions]
        for s0, s1 in sentence_spans(scan[lo:hi]):
            local = [Mention(m.start - s0, m.end - s0, m.canonical, m.negated)
                     for m in mentions[bisect_left(starts, s0):bisect_left(starts, s1)] if m.end <= s1]
            s0, s1 = s0 + lo, s1 + lo
            seg = scan[s0:s1]
            if "|" in seg:
                continue      # a table printed as text: its headers come with the grid, when there is one
            # "to either X (treatment as usual) or treatment as usual with Y (ACRONYM)": the two arms, not a list
            plus = design != "meta-analysis" and _control_plus_intervention(scan, s0, seg, col)
            allocated = plus or _allocation_arms(scan, s0, seg, col) or allocated
            allocated = _coded_arms(s0, seg, col) or allocated
            _count_arms(scan, s0, seg, col)
            _bracket_arms(scan, s0, seg, col)
            _sized_mentions(scan, s0, seg, col, local)
            _treated_with_arms(scan, s0, seg, col)
            _share_of_arms(scan, s0, seg, col, local)
            _sized_phrases(scan, s0, seg, col)
            if design != "meta-analysis":
                _compared_arms(scan, s0, seg, col, local)
                _comparing_with_control(scan, s0, seg, col)
    _dose_column_arms(structure, col)
    crossover = bool(_CROSSOVER.search(scan[:6000]))
    if design != "meta-analysis":
        _within_patient_sites(scan, _readable_spans(scan, structure), col)
    if len(col.arms) < 2 and design != "meta-analysis":
        _within_subject_conditions(scan, _readable_spans(scan, structure), col, crossover)
    if len(col.arms) < 2 and design != "meta-analysis":
        # "Objectives: To compare the efficacy of X (AL) and Y (DP)": the aim, in a background section, names the
        # trial's arms when the methods and results only use their abbreviations
        for lo, hi in _aim_spans(scan, structure):
            for s0, s1 in sentence_spans(scan[lo:hi]):
                seg = scan[lo + s0:lo + s1]
                if _COMPARE_OF.search(seg):
                    _treated_with_arms(scan, lo + s0, seg, col)
    if len(col.arms) < 2 and design != "meta-analysis":
        _one_group_and_the_other(scan, _readable_spans(scan, structure), col)
    if len(col.arms) < 2 and design != "meta-analysis":
        _those_randomized_to(scan, _readable_spans(scan, structure), col)
    if len(col.arms) < 2 and design != "meta-analysis":
        _coded_openings(scan, _readable_spans(scan, structure), col)
    if len(col.arms) < 2 and design != "meta-analysis":
        _coded_bracket_names(scan, _readable_spans(scan, structure), col)
    if len(col.arms) < 2 and design != "meta-analysis":
        _sized_named_groups(scan, _readable_spans(scan, structure), col)
    if len(col.arms) < 2 and design != "meta-analysis":
        # (the whole text: a table's footnote or a methods subsection may be where the codes are defined)
        _codes_defined_by_equals(scan, [(0, len(scan))], col)
    if design != "meta-analysis":
        _numbered_groups(scan, _readable_spans(scan, structure), col)
    if len(col.arms) < 2 and design != "meta-analysis":
        _stem_named_arm(scan, _readable_spans(scan, structure), col)
    if not col.arms and design != "meta-analysis":
        _single_arm(scan, span_mentions, col)
    _coded_table_arms(col, scan, design)
    if design != "meta-analysis":
        _phrase_arms(scan, structure, col, design)
    _expand_abbreviations(col, scan)
    _footnote_abbreviations(col, scan)
    _arms_by_defined_codes(col, scan, structure)
    _arms_by_received_codes(col, scan, structure)
    _arms_by_group_abbreviations(col, scan, structure)
    arms = col.arms
    _distinguish_doses(arms)
    _finish_roles(arms, allocated)
    _name_control_by_its_kind(arms)
    _merge_generic_treatment(arms)
    _merge_generic_control(arms)
    _merge_generic_tails(arms)
    _with_or_without(arms, scan)
    _amount_aliases(arms)
    _name_control_by_what_it_lacks(arms, scan)
    _name_generic_groups(arms, scan)
    _name_lettered_groups(arms, scan)
    _name_abbreviated_groups(arms, scan)
    _codes_of_named_arms(arms, scan)
    _name_control_by_what_it_received(arms, scan)
    _groups_by_usage(arms, scan, _readable_spans(scan, structure), design)
    _title_treatment(arms, scan, structure, design)
    _roles_from_labels(arms, scan)
    _roles_from_compared_order(arms, scan, structure)
    _roles_from_what_arms_lack(arms)
    _merge_generic_after_labels(arms)
    _combination_aliases(arms)
    _short_names_with_sizes(arms, scan)
    _without_shared_background(arms)
    _inert_vehicle_as_placebo(arms, scan)
    _sizes_from_counts(arms, scan)
    _sizes_from_paired_counts(arms, scan)
    _sizes_of_the_randomized(arms, scan)
    _sizes_stated_apart(arms, scan)
    _size_of_each_arm(arms, scan)
    _merge_reordered_names(arms)
    _names_by_group_code(arms, scan)
    _name_coded_groups_by_definitions(arms, scan, structure)
    _name_role_word_arms(arms, scan)
    _merge_role_prefixed_arms(arms)
    _merge_arms_named_as_another_s_label(arms, scan)
    _regimen_code_arms(arms, scan)
    for i, arm in enumerate(sorted(arms, key=lambda a: (a.start, a.end)), start=1):
        arm.arm_id = f"arm{i}"
    arms.sort(key=lambda a: a.arm_id[3:].zfill(4))
    ratio = _RATIO.search(scan[:8000])
    # the times the document names, in the one grammar of written times (timepoints.py), ages left out
    timepoints = list(dict.fromkeys(_timepoint_text(tp) for start, end, tp in timepoint_spans(scan)
                                    if not _AGE_BEFORE.search(scan[max(0, start - 25):start])
                                    and not _AGE_AFTER.match(scan, end)))
    return Study(doc_id=doc_id, arms=arms, design=design, crossover=crossover, codes=_arm_codes_of_tables(arms, structure),
                 allocation=ratio.group() if ratio and allocated else "", outcomes=_outcomes(scan),
                 timepoints=timepoints)


def _title_span(scan: str, structure: dict | None) -> tuple[int, int] | None:
    """The title: the section before the abstract when the structure has one, else the text's first line."""
    sections = sorted((s for s in (structure or {}).get("sections") or [] if isinstance(s.get("start"), int)
                       and isinstance(s.get("end"), int)), key=lambda s: s["start"])
    if sections:
        first = sections[0]
        if first["start"] == 0 and str(first.get("name", "")).lower() in ("other", "title") and 0 < first["end"] <= 400:
            return 0, first["end"]
        return None
    # (a text without structure has a title only when its first line is one: short, its own line, no section label
    # "Methods:", no statistics)
    end = scan.find("\n")
    if not 0 < end <= 300 or re.match(r"\s*[A-Z][A-Za-z ]{2,30}:\s", scan[:end]) \
            or re.search(r"\d\s*%|\bCI\b|\b[Pp]\s*[<=>]|\b(?:OR|HR|RR)\b|\.\s+[A-Z]", scan[:end]):
        return None
    return 0, end


# the sentences that say what a trial compares or gives: its aim, its allocation, its administration
_AIM_OR_GIVEN = prefiltered(re.compile(r"\b(?:compar(?:e|ed|ing|ison)|aim(?:ed)?|objectives?|purpose|randomi[sz]ed|"
                                       r"randomly|allocated|assigned|administ(?:ered|rated)|given|received|receiving)\b",
                                       re.I))


def _phrase_arms(scan: str, structure: dict | None, col: _Collector, design: str) -> None:
    """Arms of a trial whose treatment no other rule named (a drug the lexicon does not know, a device, a therapy):
    the pair its title, aim or administration sentence compares ("A versus B", "A or placebo was given"), else the
    one treatment its title is about ("Effect of A on Y") against the placebo or sham its design names. Nothing is
    added to a study that has a named treatment and a comparator already."""
    def treated() -> list[Arm]:
        return [a for a in col.arms if a.canonical not in CONTROL_CANONICAL and not GENERIC_TREATMENT.fullmatch(a.canonical)
                and not _WENT_WITHOUT.match(a.name) and not _control_canonical(a.name)]
    known = len(col.arms) >= 2 and bool(treated())
    title = _title_span(scan, structure)
    sources: list[tuple[int, int]] = [title] if title else []
    # (a cohort's sentences compare the treatments patients happened to get, not arms; its title may still)
    for lo, hi in (_aim_spans(scan, structure) + _readable_spans(scan, structure)) if design in ("RCT", "") else ():
        for s0, s1 in sentence_spans(scan[lo:hi]):
            if "|" not in scan[lo + s0:lo + s1] and _AIM_OR_GIVEN.search(scan, lo + s0, lo + s1):
                sources.append((lo + s0, lo + s1))
    for s0, s1 in sources:
        pair = compared_pair(scan[s0:s1], title=(s0, s1) == title)
        if len(pair) < 2:
            continue
        if known:
            # the arms are known (a table's headers): the text only spells a misspelt header right
            for phrase in pair:
                key = arm_key(phrase.name)[0]
                near = [a for a in col.arms if a.source == "table" and not a.dose and near_spelling(a.canonical, key)]
                if len(near) == 1:
                    near[0].aliases |= {near[0].canonical, key}
                    near[0].name, near[0].canonical = phrase.name, key
            continue
        added = []
        for phrase in pair:
            arm = col.add(phrase.name, None, s0 + phrase.start, s0 + phrase.end, "compared",
                          role_of_label(phrase.label))
            code = re.fullmatch(r".*;\s*([A-Z][A-Za-z0-9-]{0,9})", phrase.label)
            if arm is not None and code is not None and role_of_label(phrase.label):
                arm.aliases |= {code.group(1), phrase.label.split(";")[0].strip().lower()}
            if arm is not None and arm not in added:
                added.append(arm)
        if len(added) >= 2:
            _assign_roles(added, "")
            break


_SHORT_SIZED = re.compile(r"(?<![\w-])(?P<name>[A-Za-z][a-z-]{2,20})\s*[(\[]\s*[nN]\s*=\s*(?P<n>\d[\d,]*)\s*[)\]]")


def _short_names_with_sizes(arms: list[Arm], scan: str) -> None:
    """ "control (n = 31), daily (n = 36) and bolus (n = 32)" in a trial of "no vitamin D", "800 IU X daily" and "a
    single oral bolus of Y": a one-word name printed with a size, a word of exactly one arm's name, is that arm's short
    name (and gives its size when it has none); the report's sentences then call the arm by it ("between the control
    and daily")."""
    if len(arms) < 2:
        return
    for m in _SHORT_SIZED.finditer(scan):
        word = m.group("name").lower()
        if word in ("group", "groups", "arm", "arms", "patients", "total", "all", "both", "each") or \
                any(word == a.canonical or word in {x.lower() for x in a.aliases} for a in arms):
            continue
        holding = [a for a in arms if re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", a.name, re.I)]
        if len(holding) != 1:
            continue
        n = int(m.group("n").replace(",", ""))
        if holding[0].n not in (None, n):
            continue
        holding[0].n = n
        holding[0].aliases.add(word)


def _combination_aliases(arms: list[Arm]) -> None:
    """The names a text gives a combination arm ("a + b"): "a plus b", "a and b", "a with b", "a combined with b"; and
    an arm of placebo with a background ("placebo + b") is "b alone" / "b only" when no other arm is b by itself."""
    for arm in arms:
        parts = arm.canonical.split(" + ")
        if len(parts) < 2:
            continue
        for join in (" plus ", " and ", " with ", " combined with "):
            arm.aliases.add(join.join(parts))
        rest = [p for p in parts if p not in CONTROL_CANONICAL]
        if len(rest) == 1 and len(parts) == 2 and not any(a.canonical == rest[0] for a in arms):
            arm.aliases |= {f"{rest[0]} alone", f"{rest[0]} only"}


# "(intervention)", "(control group)", "(experimental arm)": the role a bracket gives the arm named before it
_ROLE_LABEL = re.compile(r"[(\[]\s*(?:the\s+)?(?:active\s+)?(?P<role>intervention|experimental|control|comparator)"
                         r"(?:\s+(?:group|arm))?\s*[)\]]", re.I)


def _roles_from_labels(arms: list[Arm], scan: str) -> None:
    """ "X (1 g daily) (XY) monthly (intervention) was compared against Y ... (control)", "Standard care (control)":
    an arm the text labels as the intervention or the control has that role, whatever order a list named the arms
    in. The label belongs to the arm named last before it in its sentence; labels naming two roles for one arm, or
    one role for every arm, say nothing."""
    if len(arms) < 2:
        return
    said: dict[int, set[str]] = {}
    for m in _ROLE_LABEL.finditer(scan):
        lo = max(0, scan.rfind(". ", 0, m.start()), scan.rfind("\n", 0, m.start()), m.start() - 200)
        window = scan[lo:m.start()].lower()
        best, where = None, -1
        for i, arm in enumerate(arms):
            for name in {arm.name, arm.canonical, *arm.aliases}:
                name = name.strip().lower()
                if len(name) < 2 or name in ("control", "intervention"):
                    continue
                found = window.rfind(name)
                if found >= 0 and found + len(name) > where and re.fullmatch(r"(?:\W|$)", window[found + len(name):found + len(name) + 1] or "") \
                        and (found == 0 or not window[found - 1].isalnum()):
                    best, where = i, found + len(name)
        if best is not None:
            said.setdefault(best, set()).add("control" if m.group("role").lower() in ("control", "comparator") else "experimental")
    roles = {i: r.pop() for i, r in said.items() if len(r) == 1}
    if len(set(roles.values())) < 2 and len(roles) == len(arms):
        return
    if "control" not in roles.values():
        return
    for i, arm in enumerate(arms):
        if i in roles:
            arm.role = roles[i]
        elif arm.role == "control" and arm.canonical not in CONTROL_CANONICAL and not _WENT_WITHOUT.match(arm.canonical):
            arm.role = "experimental"     # the comparator a list's last place gave it, against the text's own label


def _title_treatment(arms: list[Arm], scan: str, structure: dict | None, design: str) -> None:
    """A trial whose arms no rule named for their treatment ("intervention" and "control", or a control alone) takes
    the one treatment its title is about ("Effect of A on Y", "A for the treatment of Y"): the generic experimental
    arm is that treatment (its generic name kept as an alias), or the trial gets it as its experimental arm, against
    the placebo or sham its design names when it has no control."""
    if design == "meta-analysis":
        return
    named = [a for a in arms if a.canonical not in CONTROL_CANONICAL and not GENERIC_TREATMENT.fullmatch(a.canonical)
             and not _WENT_WITHOUT.match(a.canonical) and not _control_canonical(a.canonical)]
    title = _title_span(scan, structure)
    if named or title is None:
        return
    single = named_treatment(scan[title[0]:title[1]])
    key = arm_key(single.name)[0] if single is not None else ""
    if not key:
        return
    generic = [a for a in arms if a.role == "experimental" and GENERIC_TREATMENT.fullmatch(a.canonical)]
    if len(generic) == 1:
        arm = generic[0]
        arm.aliases = set(arm.aliases) | {arm.canonical, key}
        arm.canonical = key
        return
    if generic:
        return
    start, end = title[0] + single.start, title[0] + single.end
    arms.append(Arm(arm_id="", name=single.name, canonical=key, n=None, role="experimental", start=start, end=end,
                    source="title", aliases={key}))
    kind = placebo_design(scan[:4000])
    if kind and not any(a.canonical in CONTROL_CANONICAL or a.role == "control" for a in arms):
        found = re.search(kind, scan[:4000], re.I)
        arms.append(Arm(arm_id="", name=kind, canonical=kind, n=None, role="control", start=found.start(),
                        end=found.end(), source="title", aliases={kind}))


# a title or an aim that compares: "A comparison of A with B", "A versus B", "To compare A and B", "A is not superior to B"
_COMPARISON_WORD = re.compile(r"(?i)\b(?:versus|vs\.?|compar(?:e|ed|es|ing|ison)|against|superior|inferior|non-?inferior)\b")
_AIM_COMPARING = re.compile(r"(?i)\b(?:to\s+compare|designed\s+to\s+compare|comparison\s+of|compar(?:ed|ing)\s+the\s+"
                            r"(?:efficacy|effect|effects|safety|outcomes?)\s+of)\b")
_ROLE_FILLER = frozenset("group arm the and plus with alone only therapy treatment regimen".split())


def _distinctive_words(arm: Arm, other: Arm) -> set[str]:
    def words(a: Arm) -> set[str]:
        text = " ".join([a.name, a.canonical, *a.aliases]).lower()
        return {w for w in re.findall(r"[a-z][a-z0-9-]{2,}", text) if w not in _ROLE_FILLER}
    return words(arm) - words(other)


def _roles_from_compared_order(arms: list[Arm], scan: str, structure: dict | None) -> None:
    """Two active treatments whose roles only the order of an allocation list gave ("randomised to A or B": B the
    comparator) take them from the order the title or the aim compares them in ("A comparison of B with A", "to
    compare B plus X vs A"): the treatment named first is the experimental one. Each arm is found by a word of its
    names that the other arm's names lack; a title or aim naming one of the two only decides nothing."""
    if len(arms) != 2 or {a.role for a in arms} != {"experimental", "control"} \
            or any(a.canonical in CONTROL_CANONICAL or _control_canonical(a.canonical) or _control_canonical(a.name)
                   or negated_treatment(a.name) or GENERIC_TREATMENT.fullmatch(a.canonical) for a in arms):
        return
    texts = []
    title = _title_span(scan, structure)
    if title is not None:
        texts.append(scan[title[0]:title[1]])
    head = scan[:4000]
    aim = _AIM_COMPARING.search(head)
    if aim is not None:
        end = re.search(r"\.(?:\s|$)", head[aim.end():])
        texts.append(head[aim.start():aim.end() + (end.start() if end else 300)])
    first, second = arms
    words = {id(first): _distinctive_words(first, second), id(second): _distinctive_words(second, first)}
    for text in texts:
        if not _COMPARISON_WORD.search(text):
            continue
        low = text.lower()
        where = {}
        for arm in arms:
            hits = [m.start() for w in words[id(arm)] for m in re.finditer(rf"(?<![a-z0-9-]){re.escape(w)}(?![a-z0-9-])", low)]
            where[id(arm)] = min(hits) if hits else None
        if None in where.values() or where[id(first)] == where[id(second)]:
            continue
        earlier = first if where[id(first)] < where[id(second)] else second
        later = second if earlier is first else first
        earlier.role, later.role = "experimental", "control"
        return


# "chloroquine (CQ)", "goal-directed therapy (GDT)", "dihydroartemisinin-piperaquine (DP)": a name and the
# abbreviation the document uses for it
_LONG_NAME = r"[A-Za-z][\w+-]*(?:[ /][A-Za-z][\w+-]*){0,5}"
_ABBREVIATION_BRACKET = r"\((?P<abbr>[a-z]?[A-Z][A-Z0-9/+-]{1,9})\)"
_ABBREVIATION_DEFINED = re.compile(r"(?P<long>" + _LONG_NAME + r")\s*" + _ABBREVIATION_BRACKET)
_LONG_NAME_RE = re.compile(_LONG_NAME)
_BRACKET_RE = re.compile(_ABBREVIATION_BRACKET)
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+-/ ")


# what a _LONG_NAME can start with, and the most words it joins (each joint one space or slash, which no word holds)
_NAME_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NAME_MAX_JOINTS = 5


def _name_floor(scan: str, start: int, end: int) -> int:
    """The first position in start..end from which a _LONG_NAME can reach `end`: past the sixth space or slash before
    `end` (a name holds at most five); the positions before it are not tried (the same names found, sooner)."""
    joints = 0
    for k in range(end - 1, start - 1, -1):
        if scan[k] == " " or scan[k] == "/":
            joints += 1
            if joints > _NAME_MAX_JOINTS:
                return k + 1
    return start


def _abbreviation_definitions(scan: str):
    """(name, abbreviation) of each match of _ABBREVIATION_DEFINED, in order, found from the brackets: that
    pattern tried at every letter of a text is slow, and only the words right before a "(ABBR)" can match. The
    name is the leftmost start (after the previous match) from which _LONG_NAME reaches the bracket."""
    done = 0
    for bracket in _BRACKET_RE.finditer(scan):
        end_name = bracket.start()
        while end_name > done and scan[end_name - 1].isspace():
            end_name -= 1
        start = end_name
        while start > done and (scan[start - 1] in _NAME_CHARS or scan[start - 1].isalnum()):
            start -= 1
        for pos in range(_name_floor(scan, start, end_name), end_name):
            if scan[pos] in _NAME_FIRST and _LONG_NAME_RE.fullmatch(scan, pos, end_name):
                yield scan[pos:end_name], bracket.group("abbr")
                done = bracket.end()
                break
_GENERIC_ARM_WORDS = re.compile(r"(?i)^(?:(?:treatment|study|intervention)\s+)?(?:arm|group)s?\s+|\s+(?:arm|group)s?$")


def document_abbreviations(scan: str) -> dict[str, str]:
    """{abbreviation: name} the document defines ("tranexamic acid (TAX)", "unilateral(U/L)")."""
    return _abbreviations(scan)


# a bracket that holds a dose, a schedule or a size ("(1,500/75 mg)", "(1 g twice daily for 2 days)", "(n = 60)"):
# what the name is given as, between the name and its abbreviation
_DETAIL_BRACKET = re.compile(r"\s*\((?=[^()]*\d)[^()]{1,80}\)")


_FUNCTION_WORD = re.compile(r"(?i)(?:and|or|of|the|to|in|on|at|as|an?|by|for|with|from|than|that|which|versus|vs)\b")


def _abbreviations(scan: str) -> dict[str, str]:
    """{abbreviation: name} for each "name (ABBR)" whose letters the name's last words spell in order; the name may
    carry its doses in brackets before the abbreviation ("X (1,500/75 mg) plus Y (1 g daily) (XY)")."""
    found: dict[str, str] = {}
    plain = _DETAIL_BRACKET.sub("", scan) if "(" in scan else scan
    for long, abbr in list(_abbreviation_definitions(scan)) + list(_abbreviation_definitions(plain)):
        letters = re.sub(r"[^a-z]", "", abbr.lower())
        # (the words, and the parts of a hyphenated one: "Serum-procalcitonin (PCT)" is "procalcitonin")
        starts = [m.start() for m in re.finditer(r"(?:(?<=\s)|(?<=-)|^)\S", long)]
        words = [long[a:] for a in starts]
        for k in range(len(words) - 1, -1, -1):
            if words[k][:1].lower() != letters[:1]:
                continue
            if _FUNCTION_WORD.match(words[k]):
                continue    # "the efficacy and tolerability of the morning (AM)": no name opens with "and"
            tail = re.sub(r"\s+", " ", words[k]).strip()
            it = iter(re.sub(r"[^a-z]", "", tail.lower()))
            if all(ch in it for ch in letters) and abbr not in found:
                found[abbr] = tail
            break
    return found


def _expand_abbreviations(col: _Collector, scan: str) -> None:
    """An arm named by an abbreviation the document defines ("CQ (n = 268)" under "chloroquine (CQ)") is the
    arm of the full name: one arm, named in full, the abbreviation kept as an alias."""
    defined = _abbreviations(scan)
    if not defined:
        return
    for arm in list(col.arms):
        core = _GENERIC_ARM_WORDS.sub("", arm.name.strip())
        full = defined.get(core)
        parts = re.split(r"\s*[/+]\s*", core)
        if not full and len(parts) > 1 and all(defined.get(p) for p in parts):
            # "CQ/SP" after "chloroquine (CQ)" and "sulphadoxine-pyrimethamine (SP)": the two given together
            full = " plus ".join(defined[p] for p in parts)
        if not full and len(core.split()) > 1:
            # "PCT guidance algorithm" after "procalcitonin (PCT)": the name with its abbreviation spelled out
            words = core.split()
            spelled = [defined.get(w, w) if w.isupper() and len(w) >= 2 else w for w in words]
            if spelled != words and not find_drugs(core):
                arm.aliases |= {arm.canonical, core}
                arm.canonical = arm_key(" ".join(spelled))[0] or arm.canonical
            continue
        if not full or find_drugs(core):
            continue
        key = arm_key(full)[0] or full.lower()
        same = next((a for a in col.arms if a is not arm and key in ({a.canonical} | a.aliases)), None)
        if same is not None:
            if same.n is None and arm.n is not None:
                same.n = arm.n
            same.aliases |= arm.aliases | {core, full}
            col.arms.remove(arm)
        else:
            arm.aliases |= {arm.canonical, core, full}
            arm.canonical = key


# International Nonproprietary Name stems (WHO's "Use of stems in the selection of INNs"): a word ending so is a
# drug's name even when data/drugs.csv does not list it
_INN_STEM = (r"[a-z]{3,}(?:mab|nib|tinib|ciclib|parib|lisib|rafenib|(?<!pep)(?<!leo)tide|glutide|gliflozin|gliptin|glitazone|pril|"
             r"sartan|olol|dipine|statin|vir|buvir|previr|asvir|azole|conazole|mycin|micin|cillin|floxacin|"
             r"cycline|parin|xaban|gatran|grel|afil|prazole|lukast|setron|triptan|oxetine|apine|idone|piprazole|"
             r"azepam|azolam|caine|dronate|fungin|kinra|[nb]ercept|tacept|platin|rubicin|taxel|tecan|trexate|"
             r"sertib|lutamide|relin|relix|terol|tropium|sonide|metasone|olone|teplase|kiren|fiban|semide|"
             r"thiazide|zosin|vastatin|oxacin|ximab|zumab|umab|navir|tegravir|profen|coxib|etant|isant|"
             r"restat|vaptan|ipine|steride|acitinib|anib|fenib)")
# the lookahead before the first branch only says what that branch needs anyway (a word, then "versus", "or" ...):
# it fails at once on most words instead of trying every stem ending at every letter of each
_STEM_ARM = re.compile(
    r"\b(?=[a-z]+\s+(?:versus|vs|compared|or|and)\b)(?P<a>" + _INN_STEM + r")\s+(?:versus|vs\.?|compared\s+(?:with|to)|or|and)\s+(?:matching\s+|the\s+)?placebo\b"
    r"|\bplacebo\s+(?:versus|vs\.?|or|and)\s+(?P<b>" + _INN_STEM + r")\b"
    r"|\b(?:compared\s+(?:with|to)|versus|vs\.?|than|relative\s+to)\s+(?:matching\s+)?placebo\s*,\s*(?P<c>" + _INN_STEM + r")\b"
    r"|\bthe\s+(?P<d>" + _INN_STEM + r")\s+(?:group|arm)\b(?=.{0,250}?\bthe\s+placebo\s+(?:group|arm)\b)"
    # "the atorvastatin arm showed a net CRP lowering of 32% (...) compared with placebo": one sentence
    r"|\bthe\s+(?P<e>" + _INN_STEM + r")\s+(?:group|arm)\b(?=[^.]{0,200}?\b(?:compared\s+(?:with|to)|versus|vs\.?|than|"
    r"relative\s+to)\s+(?:the\s+)?(?:matching\s+)?placebo\b)", re.I)


# "92% of those randomized to citalopram were still taking their medication, compared with 72% of those
# randomized to reboxetine": the arms, named by the group each patient was randomized to
_THOSE_RANDOMIZED = prefiltered(re.compile(r"\b(?:those|patients|participants|people|children|women|men)\s+(?:who\s+were\s+)?"
                               r"(?:randomi[sz]ed|allocated|assigned)\s+to\s+(?:the\s+)?(?:receive\s+)?"
                               r"(?P<name>[A-Za-z][\w-]{3,30})(?:\s+(?:group|arm))?\b", re.I))


# "One group was given X and the other group placebo", "the first group received X, while the second received Y"
_GIVEN_VERB = r"(?:(?:was|were)\s+(?:given|treated\s+with|administered|offered)|received|took|got|underwent)"
_ONE_AND_THE_OTHER = re.compile(
    r"\b(?:one|the\s+first)\s+(?:group|arm)\s+" + _GIVEN_VERB + r"\s+(?:(?:the|an?)\s+)?(?P<first>[A-Za-z][\w/+-]*(?:\s+[\w/+-]+){0,5}?)"
    r"\s*(?:[(\[][^()\[\]]{0,80}[)\]])?\s*,?\s+(?:and|while|whereas)\s+(?:the\s+)?(?:other|second)(?:\s+(?:group|arm|one))?\s+"
    r"(?:" + _GIVEN_VERB + r"\s+)?(?:(?:the|an?)\s+)?(?P<second>[A-Za-z][\w/+-]*(?:\s+[\w/+-]+){0,5}?)(?=\s*[.;,(\[\n]|$)", re.I)


def _one_group_and_the_other(scan: str, spans: list[tuple[int, int]], col: _Collector) -> None:
    """ "One group was given X and the other group placebo": the two arms, when nothing else defined two."""
    if "group" not in scan and "arm" not in scan:
        return
    for lo, hi in spans:
        m = _ONE_AND_THE_OTHER.search(scan, lo, hi)
        if m is None:
            continue
        first, second = (_DOSAGE_FORM_TAIL.sub("", _AMOUNT_OF.sub("", m.group(k).strip())) for k in ("first", "second"))
        if not (_plausible_name(first) and _plausible_name(second)):
            continue
        added = [col.add(first, None, m.start("first"), m.end("first"), "compared"),
                 col.add(second, None, m.start("second"), m.end("second"), "compared")]
        if all(a is not None for a in added) and added[0] is not added[1]:
            _assign_roles(added, "")
        return


def _those_randomized_to(scan: str, spans: list[tuple[int, int]], col: _Collector) -> None:
    """Two treatments each named as what "those randomized to" it received, when nothing else defined two arms."""
    found: dict[str, tuple[int, int]] = {}
    for lo, hi in spans:
        for m in _THOSE_RANDOMIZED.finditer(scan, lo, hi):
            name = m.group("name")
            if name.lower() in ("receive", "either", "one", "two", "the", "treatment", "intervention"):
                continue
            found.setdefault(name.lower(), (m.start("name"), m.end("name")))
    if len(found) != 2:
        return
    added = [col.add(scan[a:b], None, a, b, "compared") for a, b in found.values()]
    if all(arm is not None for arm in added) and added[0] is not added[1] and any(a.canonical in CONTROL_CANONICAL for a in added):
        _assign_roles(added, "")


def _stem_named_arm(scan: str, spans: list[tuple[int, int]], col: _Collector) -> None:
    """ "Compared with placebo, finerenone reduced ...", "the rivaroxaban group ... the placebo group": a
    placebo-controlled trial of a drug the lexicon does not know, named by its INN stem, when nothing else
    defined two arms. One such drug only: with two, which one is the trial's is not said."""
    hits: dict[str, tuple[int, int]] = {}
    placebo = None
    for lo, hi in spans:
        # each branch of _STEM_ARM holds "placebo" (matched or looked ahead at, case-insensitively) before `hi`
        if "placebo" not in fold(scan[lo:hi]):
            continue
        for m in _STEM_ARM.finditer(scan, lo, hi):
            g = next(k for k in "abcde" if m.group(k))
            word = m.group(g)
            if find_drugs(word):
                continue
            hits.setdefault(word.lower(), (m.start(g), m.end(g)))
            # the placebo the match names (for "the X group ... the placebo group", after the match)
            p = re.compile(r"placebo", re.I).search(scan, m.start(), min(hi, m.end() + 300))
            if p is not None:
                placebo = placebo or (p.start(), p.end())
    if len(hits) != 1 or placebo is None:
        return
    (word, (start, end)), = hits.items()
    treatment = col.add(scan[start:end], None, start, end, "compared")
    control = col.add(scan[placebo[0]:placebo[1]], None, placebo[0], placebo[1], "compared")
    if treatment is not None and control is not None:
        _assign_roles([treatment, control], "")


_COMBINATION_JOIN = re.compile(r"\s+(?:plus|\+|and|(?:combined\s+|in\s+combination\s+|together\s+|along\s+)?with)\s+", re.I)


def _without_shared_background(arms: list[Arm]) -> None:
    """ "pertuzumab plus trastuzumab plus docetaxel" against "placebo plus trastuzumab plus docetaxel": what every
    arm gives is the background, and the arms are what differs ("pertuzumab" vs "placebo"); the full names stay
    aliases."""
    if len(arms) < 2:
        return
    parts = [[p.strip().lower() for p in _COMBINATION_JOIN.split(a.name) if p.strip()] for a in arms]
    shared = set(parts[0]).intersection(*map(set, parts[1:]))
    if not shared or any(len(p) < 2 or not [x for x in p if x not in shared] for p in parts):
        return
    for arm, own in zip(arms, parts):
        # (a dose of the background, "bupivacaine 10 mg combined with X", is no dose of the arm's own treatment)
        if arm.canonical in CONTROL_CANONICAL or (arm.dose and not any(arm.dose in x for x in shared)):
            continue
        rest = " plus ".join(x for x in own if x not in shared)
        arm.aliases.add(arm.canonical)
        arm.canonical, dose = arm_key(rest)
        arm.canonical = arm.canonical or rest
        if arm.dose:
            arm.dose = dose


# what a placebo arm is given in place of the drug: "0.5 mL distilled water", "normal saline", "sterile water"
_INERT_VEHICLE = re.compile(r"(?i)(?:(?:normal|physiological|isotonic|0\.9\s*%)\s+)?(?:saline|(?:distilled|sterile|normal)\s+water|"
                            r"sodium\s+chloride(?:\s+0\.9\s*%)?|NaCl(?:\s+0\.9\s*%)?)(?:\s+solution)?")


def _inert_vehicle_as_placebo(arms: list[Arm], scan: str) -> None:
    """The one arm given only an inert vehicle ("bupivacaine combined with distilled water" beside the same with
    clonidine or fentanyl) is the placebo arm when the report calls a group "placebo" and no arm holds placebo
    already; the vehicle stays one of its names."""
    if len(arms) < 2 or any(a.canonical in CONTROL_CANONICAL for a in arms) or "lacebo" not in scan:
        return
    inert = [a for a in arms if _INERT_VEHICLE.fullmatch(a.canonical)]
    if len(inert) != 1 or not re.search(r"(?i)\bplacebo\s+(?:group|arm)s?\b|\b(?:group|arm)\s+(?:of\s+)?placebo\b|"
                                        r"\bplacebo\b[^.;]{0,40}\bgroups\b", scan):
        return
    arm = inert[0]
    arm.aliases = set(arm.aliases) | {arm.canonical}
    arm.canonical, arm.role = "placebo", "control"
    arm.aliases.add("placebo")


def _distinguish_doses(arms: list[Arm]) -> None:
    """ "X 10 mg" and "X 20 mg" are two arms: their canonical names carry the dose."""
    by_base: dict[str, list[Arm]] = {}
    for arm in arms:
        by_base.setdefault(_key_of(arm)[0], []).append(arm)
    for base, group in by_base.items():
        _levels_onto_amounts(arms, group)
        group = [a for a in group if a in arms]
        doses = {a.dose for a in group if a.dose}
        for arm in group:
            if len(doses) > 1 and arm.dose in _ROUTE_NAMES:
                arm.canonical = f"{arm.dose} {base}"        # "oral iron", "intravenous iron"
            else:
                arm.canonical = f"{base} {arm.dose}" if len(doses) > 1 and arm.dose else base


def _dose_amount(dose: str) -> float | None:
    m = re.match(r"\d+(?:\.\d+)?", dose)
    return float(m.group()) if m else None


def _levels_onto_amounts(arms: list[Arm], group: list[Arm]) -> None:
    """ "0.2 g/kg or 0.4 g/kg SCIG" in the methods, "57 to low-dose SCIG, 57 to high-dose SCIG" in the results:
    the low dose is the smaller amount and the high dose the larger, so each level joins its amount's arm."""
    amounts = sorted((a for a in group if a.dose and _dose_amount(a.dose) is not None), key=lambda a: _dose_amount(a.dose))
    levels = {a.dose.split()[0]: a for a in group if a.dose and _dose_amount(a.dose) is None}
    if len(amounts) != 2 or set(levels) != {"low", "high"} or len({a.dose for a in amounts}) != 2:
        return
    for level, arm in zip(("low", "high"), amounts):
        other = levels[level]
        if arm.n is None:
            arm.n = other.n
        arm.aliases |= other.aliases
        arms.remove(other)


# "the control group patients received no statins", "controls were given no lipid-lowering drug", "control arm (no X)"
_CONTROL_LACKS = re.compile(
    r"\bcontrols?(?:\s+(?:group|arm))?(?:\s+(?:patients|participants))?\s+(?:received|were\s+given|was\s+given|got|took|had)\s+"
    # ("the control group had no history of X", "had no complications": a trait or an outcome, not a treatment)
    r"no\s+(?!(?:history|differences?|changes?|complications?|events?|effects?|signs?|symptoms?|cases?|evidence|"
    r"improvement|response|significant|previous|prior)\b)"
    r"(?P<what>[a-z][a-z-]{2,30}(?:\s+(?:drugs?|medications?|therapy|treatment))?)\b(?!\s+of\b)"
    r"|\bcontrol\s+(?:group|arm)\s*\(\s*no\s+(?P<what2>[a-z][a-z-]{2,30})\s*\)", re.I)


_LEADING_AMOUNT = re.compile(r"^\s*(?:an?\s+)?(?P<amount>\d+(?:\.\d+)?[\s-]*(?:cm|mm|m|mg|g|ml|mL|days?|weeks?|months?|hours?|h|hrs?|min(?:utes?)?|%)"
                             r"(?![\w%]))\s+(?P<rest>\S.*)$", re.I)


def _amount_aliases(arms: list[Arm]) -> None:
    """ "1 cm excision margin" and "3 cm excision margin": arms told apart only by a leading amount are called by it
    ("the 1 cm group"), so the amount becomes one of each arm's names."""
    split = {id(a): _LEADING_AMOUNT.match(a.canonical) for a in arms}
    for arm in arms:
        m = split[id(arm)]
        if m is None:
            continue
        same = [o for o in arms if split[id(o)] is not None and split[id(o)].group("rest").lower() == m.group("rest").lower()]
        if len(same) >= 2 and len({split[id(o)].group("amount").lower() for o in same}) == len(same):
            arm.aliases = set(arm.aliases) | {re.sub(r"\s+", " ", m.group("amount"))}


def _name_control_by_its_kind(arms: list[Arm]) -> None:
    """A table's "Control group" merged with the allocation's "placebo" is the placebo arm: a control arm named only
    "control" whose other names hold one control substance (placebo, sham, vehicle) takes it as its name."""
    for arm in arms:
        if arm.canonical != "control" or arm.role != "control":
            continue
        kinds = {_control_canonical(a) for a in arm.aliases} - {"", "control"}
        # (a substance given as control; "usual care" beside "control" stays "control", its kind being the same)
        if len(kinds) == 1 and kinds <= {"placebo", "sham", "vehicle"}:
            arm.aliases = set(arm.aliases) | {"control"}
            arm.canonical = kinds.pop()


# what a report may call its one treated arm without naming the treatment ("Treatment group", "Study drug", "Verum")
GENERIC_TREATMENT = re.compile(r"\s*(?:the\s+)?(?:treatment|treated|experimental|experiment|intervention|"
                               r"study(?:\s+(?:drug|treatment))?|test|trial|research|drug|"
                               r"active(?:\s+(?:drug|treatment))?|verum|medication)(?:\s+(?:group|arm))?\s*", re.I)


def _merge_generic_treatment(arms: list[Arm]) -> None:
    """"60 were randomized to treatment and 60 to placebo" beside "randomly assigned to receive zinc or placebo": an
    arm named only "treatment" (or "intervention", "active") in a trial of one named experimental arm is that arm (its
    size is taken when the named arm has none; the generic word stays one of its names)."""
    generic = [a for a in arms if a.role == "experimental" and GENERIC_TREATMENT.fullmatch(a.canonical)]
    _merge_into_named(arms, generic, [a for a in arms if a.role == "experimental" and a not in generic])


def _merge_generic_after_labels(arms: list[Arm]) -> None:
    """The generic "study group" and "control group" of one sentence are the arms another labels so ("X (control
    group) or Y (study group)", a role the labels gave after the first merge): merged again, only when an
    experimental and a control arm both remain."""
    trial = deepcopy(arms)      # (a merge changes the arm kept: tried on copies)
    _merge_generic_treatment(trial)
    _merge_generic_control(trial)
    if len(trial) < len(arms) and len(trial) >= 2 and {a.role for a in trial} >= {"experimental", "control"}:
        arms[:] = trial


def _merge_generic_control(arms: list[Arm]) -> None:
    """ "assigned to active (n = 862) and control (n = 874) groups" beside "e-mails containing depression information
    as a control": an arm named only "control" in a trial whose one other control arm is named is that arm (its
    size taken when the named arm has none)."""
    generic = [a for a in arms if a.canonical == "control" and _GENERIC_CONTROL.match(a.name)]
    _merge_into_named(arms, generic, [a for a in arms if a.role == "control" and a not in generic])


# a word after a treatment's name that says what kind of thing it is, not which: "vitamin D supplements",
# "olanzapine conditions", "X program", "X intervention"
_GENERIC_TAIL = re.compile(r"(?i)\s+(?:supplements?|supplementation|conditions?|programm?e?s?|interventions?|treatments?|"
                           r"therap(?:y|ies)|regimens?|groups?|arms?|administration|use|"
                           # a schedule of the one arm of that treatment: "X per day", "X 3 times per day"
                           r"(?:(?:\d+|one|two|three|four)\s+times\s+)?(?:per|a|each)\s+(?:day|week)|daily)$")


def _merge_generic_tails(arms: list[Arm]) -> None:
    """ "vitamin D supplements" from the aim and "Vitamin D (n = 40)" from a table are one arm: an arm without a size
    whose name is another arm's followed by a word for any treatment merges into it (the other keeps its size)."""
    for arm in list(arms):
        if arm not in arms:
            continue
        base = _GENERIC_TAIL.sub("", arm.canonical).strip()
        if not base or base == arm.canonical:
            continue
        # (two sizes keep two arms apart; one sized arm or none is one arm)
        same = [a for a in arms if a is not arm and a.canonical == base and (a.role == arm.role or arm.role != "control")
                and (arm.n is None or a.n is None or a.n == arm.n)]
        if len(same) == 1:
            keep = same[0]
            keep.n = keep.n if keep.n is not None else arm.n
            keep.aliases = set(keep.aliases) | {arm.canonical} | set(arm.aliases)
            if keep.role != arm.role and arm.role == "experimental" and keep.role in ("", "other"):
                keep.role = arm.role
            arms.remove(arm)


# "randomised to deferoxamine with or without deferiprone", "X, with or without Y,": the combination and X alone
_WITH_OR_WITHOUT = re.compile(r"(?i)\b(?P<x>[A-Za-z][\w/-]*)[ \t]*,?[ \t]+with[ \t]+or[ \t]+without[ \t]+"
                              r"(?:(?:the|an?)[ \t]+)?(?:addition[ \t]+of[ \t]+)?(?P<y>[A-Za-z][\w/-]*)")


def _with_or_without(arms: list[Arm], scan: str) -> None:
    """ "X with or without Y" names two arms: X plus Y (the experimental one) and X alone (the control). Read where
    the arms found are only that phrase's fragments ("X with", "without Y") or there are none; a known X is needed
    (a drug of the lexicon or a named arm), so that "patients with or without diabetes" names no arm."""
    if "without" not in scan[:4000]:
        return
    fragments = [a for a in arms if re.search(r"(?i)\bwith$", a.canonical) or re.match(r"(?i)without\b", a.canonical)]
    if len(arms) - len(fragments) > 0:
        return
    found = _WITH_OR_WITHOUT.search(scan[:4000])
    if found is None:
        return
    x, y = arm_key(found.group("x"))[0], arm_key(found.group("y"))[0]
    # (the phrase's own fragments as the only arms, or two treatments the lexicon knows)
    said = {a.canonical for a in fragments} == {f"{x} with", f"without {y}"}
    if not x or not y or not (said or find_drugs(found.group("x")) and find_drugs(found.group("y"))):
        return
    for arm in fragments:
        arms.remove(arm)
    start, end = found.start(), found.end()
    arms.append(Arm(arm_id="", name=f"{found.group('x')} plus {found.group('y')}", canonical=f"{x} + {y}", n=None,
                    role="experimental", start=start, end=end, source="compared",
                    aliases={f"{x} + {y}", f"{x} plus {y}", "combination", "combination therapy"}))
    arms.append(Arm(arm_id="", name=f"{found.group('x')} alone", canonical=x, n=None, role="control", start=end, end=end,
                    source="compared", aliases={x, f"{x} alone", f"{x} monotherapy", "monotherapy"}))


def _merge_reordered_names(arms: list[Arm]) -> None:
    """ "pain score display group" in the abstract and "display pain score group" in the methods: two arms whose
    names hold the same words in another order are one arm (the first named keeps the other's names, and its size
    when it has none); two sizes more than 5% apart keep them apart (the randomized and the analysed count of one arm
    differ by a few)."""
    def words(arm: Arm) -> frozenset:
        # ("controlled and limited formula" and "controlled limited formula": an "and" between modifiers joins none)
        return frozenset(w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", arm.canonical.lower())
                         if w not in ("group", "arm", "and"))
    for gone in list(arms[1:]):
        keep = next((a for a in arms if a is not gone and len(words(a)) >= 2 and words(a) == words(gone)
                     and a.canonical != gone.canonical and arms.index(a) < arms.index(gone)), None)
        if keep is None or (keep.n is not None and gone.n is not None and keep.n != gone.n and
                            abs(keep.n - gone.n) > 0.05 * max(keep.n, gone.n)):
            continue
        keep.n = keep.n if keep.n is not None else gone.n
        keep.aliases = set(keep.aliases) | {gone.canonical, gone.name} | set(gone.aliases)
        arms.remove(gone)


# a role label closing a header's name, its bracket left open by split_size: "X (Intervention group", "Y (control"
_HEADER_ROLE_LABEL = re.compile(r"\s*[(\[]\s*(?P<role>(?i:intervention|experimental|treatment|control|comparison|comparator))"
                                r"(?:\s+(?i:group|arm))?\s*[)\]]?\s*$")
# a role the document gives a named arm: "(X Group-Intervention arm)", "(X—control group)", "X (Intervention)",
# "X group (control)", "X (Intervention group, n = 50)": the role word after a dash or in a bracket right after the name
# (every match starts with a space, a dash, a bracket or a comma: the start guard passes over the other positions at
# once, a third of the cost of trying the three branches at each; the same matches)
_ARM_ROLE_LABEL = start_guarded(re.compile(
    r"(?:(?:\s*[\u2012-\u2015-]\s*|\s*[(\[]\s*|\s*,\s*(?:the\s+)?)(?P<role>(?i:intervention|experimental|treatment|control|"
    r"comparison|comparator))(?:\s+(?i:group|arm))?\s*(?=[)\],;]|\s*$))"))
_ROLE_OF_LABEL = {"intervention": "experimental", "experimental": "experimental", "treatment": "experimental",
                  "control": "control", "comparison": "control", "comparator": "control"}


def _role_labelled_arms(arms: list[Arm], scan: str) -> dict[str, list[Arm]]:
    """{role: the arms the document names with that role label}: for each label, the longest run of the words right
    before it (six at most, the label's own sentence) that names one arm of the model."""
    model = Study("", arms)
    found: dict[str, list[Arm]] = {}
    for m in _ARM_ROLE_LABEL.finditer(scan):
        before = scan[max(0, m.start() - 80):m.start()]
        before = re.split(r"[.;:()\[\]\n]", before)[-1]
        words = re.findall(r"[A-Za-z0-9][\w+/&-]*", before)
        arm = None
        for k in range(min(6, len(words)), 0, -1):
            if _ZERO_DOSE.fullmatch(" ".join(words[-k:-1])):
                break       # "0 g X (control)": X's absence is labelled, no arm given X
            arm = model.resolve(" ".join(words[-k:]))
            if arm is not None and not GENERIC_TREATMENT.fullmatch(arm.canonical) and not _GENERIC_CONTROL.match(arm.name):
                break
            arm = None
        if arm is not None:
            labelled = found.setdefault(_ROLE_OF_LABEL[m.group("role").lower()], [])
            if arm not in labelled:
                labelled.append(arm)
    return found


def _name_role_word_arms(arms: list[Arm], scan: str) -> None:
    """ "Intervention Arm (n=149) | Control Arm (n=145)" in a report that says "(X Group-Intervention arm)" and "(Y
    Group-Control arm)": an arm known only by a role word is the arm the document names with that role label. Its
    names (and the labelled arms that only lengthen the shortest labelled name, "X COACH programme" of "X") join that
    arm, so rows are named by the document's own name, not by the model's role word. Only when every arm the
    document labels with the role is that one arm (or a lengthening of its name)."""
    if len(arms) < 2:
        return
    labelled = _role_labelled_arms(arms, scan)
    for role, named in labelled.items():
        generic = [a for a in arms if a not in named and (
            GENERIC_TREATMENT.fullmatch(a.canonical) or GENERIC_TREATMENT.fullmatch(split_size(a.name)[0])
            if role == "experimental" else _GENERIC_CONTROL.match(a.canonical) or _GENERIC_CONTROL.match(a.name))]
        if not generic:
            continue
        keep = min(named, key=lambda a: len(a.name))
        head = keep.name.lower().split()
        if any(a.name.lower().split()[:len(head)] != head for a in named):
            continue
        if any(a.role and a.role != role and a is not keep for a in generic):
            continue
        for gone in [a for a in named if a is not keep] + generic:
            keep.aliases = set(keep.aliases) | {gone.canonical, gone.name} | set(gone.aliases)
            keep.n = keep.n if keep.n is not None else gone.n
            arms.remove(gone)
        keep.role = role


# "(1) early group (3 days after stroke); (2) medium group (2 weeks after stroke); and (3) late group (...)": groups
# numbered in one sentence, each a name before "group" and what defines it in a bracket
_NUMBERED_GROUP = re.compile(r"(?:^|(?<=[\s:;,]))\(?(?P<k>[1-6])\)\s*(?:the\s+)?(?P<name>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)"
                             r"\s+(?i:group|arm)\b\s*(?:[(\[](?P<what>[^()\[\]]{2,60})[)\]])?")
# an amount of time: "3 days", "two weeks", "1-month"
_AMOUNT_OF_TIME = re.compile(r"(?i)\b(?P<k>\d{1,3}|" + COUNT_WORD + r")[\s-]*(?P<unit>hour|day|week|month|year)s?\b")


def time_key(text: str) -> str | None:
    """ "3 days" of "Three days post onset", "2 month" of "2-months": the one amount of time a text names, else None."""
    found = {(count_value(m.group("k").lower()), m.group("unit").lower()) for m in _AMOUNT_OF_TIME.finditer(text or "")}
    if len(found) != 1 or None in next(iter(found)):
        return None
    k, unit = found.pop()
    return f"{k} {unit}"


def _numbered_groups(scan: str, spans: list[tuple[int, int]], col: _Collector) -> None:
    """ "allocated into one of three groups ...: (1) early initiation group (3 days after stroke); (2) medium group (2
    weeks after stroke); and (3) late group (1-month after stroke)": the numbered groups of one sentence are the arms,
    each named by its words before "group"; a bracket naming one amount of time ("3 days after stroke") defines the
    group by when it was treated, so a column headed by that time ("Three days post onset") is the group's
    (`Study.resolve_column`). Groups numbered from 1, two or more."""
    for lo, hi in spans:
        for s0, s1 in sentence_spans(scan[lo:hi]):
            seg = scan[lo + s0:lo + s1]
            if "group" not in seg.lower() and "arm" not in seg.lower():
                continue
            found = list(_NUMBERED_GROUP.finditer(seg))
            if len(found) < 2 or [int(m.group("k")) for m in found] != list(range(1, len(found) + 1)):
                continue
            names = [_ARTICLE.sub("", m.group("name")).strip() for m in found]
            if not all(_plausible_name(n) and not _NOT_GROUP_NAME.match(n) for n in names):
                continue
            timed = {}
            for m, name in zip(found, names):
                start = lo + s0 + m.start("name")
                arm = col.add(name, None, start, start + len(name), "allocation")
                if arm is None:
                    continue
                when = time_key(m.group("what") or "")
                if when is not None:
                    arm.aliases = set(arm.aliases) | {f"when:{when}", m.group("what").strip()}
                    timed.setdefault(when, []).append(arm)
            for other in list(col.arms):
                # "Twenty-four hours after injury (n = 18)" read from a table's header: the group of that time
                when = time_key(other.name) if other.source == "table" else None
                if when in timed and len(timed[when]) == 1 and other is not timed[when][0]:
                    keep = timed[when][0]
                    keep.n = keep.n if keep.n is not None else other.n
                    keep.aliases = set(keep.aliases) | {other.canonical, other.name} | set(other.aliases)
                    col.arms.remove(other)
            return


# a spanning header's role word joined to each arm's own header: "Intervention" over "X | Y | Z"
_ROLE_PREFIX = re.compile(r"(?i)^\s*(?:intervention|interventions|treatment|treatments|experimental|study|randomi[sz]ed|"
                          r"allocated)\s+(?:(?:group|arm)s?\s+)?(?P<rest>\S.*)$")


def _merge_arms_named_as_another_s_label(arms: list[Arm], scan: str) -> None:
    """ "X (trial group, n = 115)" in the methods and "124 patients were randomized to the trial group" in the
    results: an arm whose name is a label the document gave one other arm is that arm (it keeps its own size: the
    size printed with the label or the table's, not the count of a later sentence); a control word and the parts of a
    combination arm are left alone ("placebo" beside "X + placebo")."""
    for arm in list(arms):
        if arm not in arms or arm.canonical in CONTROL_CANONICAL or arm.source == "table":
            continue
        holders = [a for a in arms if a is not arm and a.canonical != arm.canonical and " + " not in a.canonical
                   and arm.canonical in {x.lower() for x in a.aliases}]
        if len(holders) != 1 or holders[0].role and arm.role and holders[0].role != arm.role:
            continue
        keep = holders[0]
        keep.n = keep.n if keep.n is not None else arm.n
        keep.aliases = set(keep.aliases) | set(arm.aliases) | {keep.canonical}
        if keep.source != "table" and _times_written(scan, arm.name) > _times_written(scan, keep.name):
            # ("they were given a future self-image immediately (early-image group)", then "the early-image group"
            # throughout: the arm is written by the name the report uses)
            keep.name, keep.canonical = arm.name, arm.canonical
        arms.remove(arm)


def _times_written(scan: str, name: str) -> int:
    return len(re.findall(r"(?i)(?<![\w-])" + re.escape(name.strip()) + r"(?![\w-])", scan)) if name.strip() else 0


_REGIMEN_NAME_WORDS = re.compile(r"(?i)\s*\b(?:group|arm|regimen|patients)\b\s*")


def _regimen_code_arms(arms: list[Arm], scan: str) -> None:
    """Arms named by a regimen's letter code ("TE" and "TEL" after "docetaxel (T) and epirubicin (E) ... lobaplatin
    (L)"): each such arm is also named by the treatments its letters stand for; a treatment that is only one letter
    of those codes is no arm of its own (an allocation's list split "docetaxel and epirubicin (TE)" into two items),
    and the code is no name of any other arm; of two regimens where one adds treatments to the other, the one that
    adds is the experimental arm and the other its control ("TE with or without L")."""
    letters = treatment_letters(scan)
    if len(letters) < 2:
        return
    parts = {id(a): regimen_parts(_REGIMEN_NAME_WORDS.sub("", a.name), letters) for a in arms}
    regimens = [a for a in arms if parts[id(a)]]
    if not regimens:
        return
    codes = {_REGIMEN_NAME_WORDS.sub("", a.name).lower() for a in regimens}
    singles = {p[0] for a in regimens for p in [parts[id(a)]] if len(p) == 1}
    lettered = {part for a in regimens for part in parts[id(a)]}
    for arm in list(arms):
        if arm in regimens:
            joined = parts[id(arm)]
            arm.aliases |= {" + ".join(joined), arm_key(" plus ".join(joined))[0]} - {""}
            continue
        if arm.canonical in lettered and arm.canonical not in singles and arm.n is None and arm.source != "table":
            arms.remove(arm)
            continue
        arm.aliases = {x for x in arm.aliases if x.lower() not in codes}
    for small in regimens:
        larger = [a for a in regimens if a is not small and set(parts[id(small)]) < set(parts[id(a)])]
        if len(regimens) == 2 and len(larger) == 1 and small.role == larger[0].role:
            small.role, larger[0].role = "control", "experimental"


def _merge_role_prefixed_arms(arms: list[Arm]) -> None:
    """ "Intervention X | Intervention Y" (a header row "Intervention" spanning the arms' headers "X | Y"): an arm
    whose name is a role word before another arm's name is that arm (its size taken when the other has none; the
    joined header stays one of its names)."""
    for arm in list(arms):
        m = _ROLE_PREFIX.match(arm.name)
        if m is None or arm not in arms:
            continue
        rest = m.group("rest").strip().lower()
        same = [a for a in arms if a is not arm and rest in {a.name.lower(), a.canonical} | {x.lower() for x in a.aliases}]
        if len(same) != 1 or arm.n is not None and same[0].n is not None and arm.n != same[0].n:
            continue
        keep = same[0]
        keep.n = keep.n if keep.n is not None else arm.n
        keep.aliases = set(keep.aliases) | {arm.name, arm.canonical} | set(arm.aliases)
        arms.remove(arm)


def _merge_into_named(arms: list[Arm], generic: list[Arm], named: list[Arm]) -> None:
    """One arm known by a generic word and one named arm of the same role are one arm: the named one keeps the
    generic arm's names and, when it has none, its size; two different sizes keep them apart."""
    if len(generic) != 1 or len(named) != 1:
        return
    keep, gone = named[0], generic[0]
    if keep.n is None:
        keep.n = gone.n
    elif gone.n is not None and gone.n != keep.n:
        return      # two sizes: two arms after all
    keep.aliases = set(keep.aliases) | {gone.canonical} | set(gone.aliases)
    arms.remove(gone)


def _name_control_by_what_it_lacks(arms: list[Arm], scan: str) -> None:
    """A control arm named only "control" is named by what its patients went without, when the methods say so
    ("no statin"); "control" stays one of its names."""
    generic = [a for a in arms if a.canonical == "control"]
    if len(generic) != 1:
        return
    found = {(m.group("what") or m.group("what2")).lower() for m in _CONTROL_LACKS.finditer(scan)}
    if len(found) != 1:
        return
    what = found.pop()
    if what in ("treatment", "intervention", "therapy", "drug", "medication", "study"):
        return      # "no treatment" is a control word already
    what = re.sub(r"(?<=[^s])s$", "", what)       # "statins" -> "statin", "drugs" -> "drug"
    arm = generic[0]
    arm.aliases = set(arm.aliases) | {"control", arm.canonical}
    arm.canonical = f"no {what}"


# "the control group treated with standard therapy only", "the control group received usual care", "... were given X
# in addition to the conventional treatment": what the control arm received, named as the document names that kind of
# control ("standard therapy", "conventional treatment")
_CONTROL_RECEIVED = re.compile(
    r"\bcontrols?(?:\s+(?:group|arm))?(?:\s+(?:patients|participants))?\s+(?:was\s+|were\s+)?(?:treated\s+with|given|"
    r"received|receiving|managed\s+with|on|assigned\s+to)\s+(?:the\s+|a\s+)?(?P<what>[a-z][a-z -]{2,50}?)(?=\s+(?:only|alone)\b|\s*[.;,(]|\s+and\b)"
    r"|\bin\s+addition\s+to\s+(?:the\s+)?(?P<what2>(?:conventional|standard|usual|routine)\s+(?:[a-z]+\s+)?"
    r"(?:treatment|therapy|care|management))\b", re.I)


def _name_control_by_what_it_received(arms: list[Arm], scan: str) -> None:
    """A control arm named only "control" is named as the document names what it received, when that is a control
    treatment ("standard therapy", "conventional treatment"); "control" stays one of its names."""
    generic = [a for a in arms if a.canonical == "control"]
    if len(generic) != 1:
        return
    found = [re.sub(r"\s+", " ", m.group("what") or m.group("what2")).strip().lower() for m in _CONTROL_RECEIVED.finditer(scan)]
    found = list(dict.fromkeys(w for w in found if _control_canonical(w) and _control_canonical(w) != "control"))
    if len(found) != 1:
        return
    arm = generic[0]
    arm.aliases = set(arm.aliases) | {"control", arm.canonical}
    arm.canonical = found[0]


# "Patients in the observation group were given budesonide nebulization", "The treatment group was treated with X and
# Y in addition to ...": a group named generically, defined by what it received
_GENERIC_GROUP_GIVEN = re.compile(
    r"\b(?:the\s+)(?P<group>observation|treatment|treated|experimental|study|intervention|research|test|case|drug)\s+group\s+"
    r"(?:[(\[][^()\[\]]{0,20}[)\]]\s*)?(?:(?:was|were)\s+(?:(?:also|additionally|then)\s+)?(?:given|treated\s+with|administered(?:\s+with)?|"
    r"managed\s+with)|received|underwent)\s+"
    r"(?P<what>(?:(?:the\s+)?same\s+(?:[\w-]+\s+){0,2}?as\s+(?:(?:in\s+)?the\s+)?control\s+group\s*,?\s*)?[^.;,()\n]{3,80}?)"
    r"(?=\s+(?:in\s+addition|on\s+the\s+basis|based\s+on|besides|as\s+well|at\s+a\s+dose|"
    r"for\s+\d|twice|once|daily|before|after)\b|\s*[.;,(]|\n|\s+(?:and|while|whereas)\s+(?:the\s+)?(?:control|placebo|other)\b)", re.I)
# "randomly assigned to an intervention group (craniosacral therapy) or placebo group", "higher in the experimental group
# (ubiquinol supplementation) than in ...", "the intervention group (receiving X)": a generic group defined by what a
# bracket right after it names (a few words of a treatment; never a figure's panel, data, a comparison or a result)
_GENERIC_GROUP_BRACKETED = re.compile(
    r"\b(?:the|an?)\s+(?P<group>observation|treatment|treated|experimental|study|intervention|research|test|case|drug)\s+group\s+"
    r"\((?:(?:who\s+)?(?:receiving|received|receive|given)\s+)?(?P<what>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3})\)", re.I)
_NO_TREATMENT_IN_BRACKET = re.compile(
    r"(?i)\b(?:versus|vs|than|data|shown|panels?|figures?|fig|tables?|values?|analysis|analyses|contributors?|group|"
    r"arm|n|p|greater|higher|lower|more|less|better|worse|see|left|right|top|bottom|mean|median|sd|ci|intervention|"
    r"treatment|therapy|control|controls|patients|participants|subjects)\b")
_SAME_AS_CONTROL = re.compile(r"(?i)\s*(?:the\s+)?same\s+(?:[\w-]+\s+){0,2}?as\s+(?:(?:in\s+)?the\s+)?control\s+group\s*,?\s*"
                              r"(?:combined\s+with|plus|and|with|in\s+addition\s+to|together\s+with|along\s+with)\s+"
                              r"(?P<added>\S.*?)\s*$")
_CONTROL_GROUP_GOT = re.compile(r"(?i)\bthe\s+control\s+group\s+(?:was\s+given|received|was\s+treated\s+with|underwent)\s+"
                                r"(?P<what>[^.;,()\n]{3,80}?)(?=\s*[.;,(\n]|\s+(?:while|whereas)\b)")
_GENERIC_CONTROL_NAME = re.compile(r"(?i)^\s*(?:the\s+)?control(?:s|\s+(?:group|arm|patients))?\s*$")


def _name_generic_groups(arms: list[Arm], scan: str) -> None:
    """An arm the document calls "the observation group" or "the treatment group" beside a control group is named by
    what it received ("budesonide nebulization"), as an experimental arm; a report that names its arms only that
    way gets that arm (its size: the control's, when the groups were of one size). An "observation group" beside a
    control group is no untreated control."""
    given: dict[str, str] = {}
    for m in _GENERIC_GROUP_GIVEN.finditer(scan):
        # ("received a structured walking programme": the article is no part of the name)
        given.setdefault(m.group("group").lower(),
                         re.sub(r"(?i)^(?:an?|the)\s+", "", re.sub(r"\s*,\s*|\s+", " ", m.group("what")).strip()))
    for m in _GENERIC_GROUP_BRACKETED.finditer(scan):
        what = re.sub(r"\s+", " ", m.group("what")).strip()
        if not _NO_TREATMENT_IN_BRACKET.search(what):
            given.setdefault(m.group("group").lower(), what)
    if len(set(given.values())) == 1 and len(given) > 1:
        # "the observation group received X" and "the treatment group received X": one arm called two ways
        group = next((g for g in given if any(re.match(rf"(?i)\s*(?:the\s+)?{g}\b", a.name) for a in arms)), next(iter(given)))
        given = {group: given[group]}
    # (a placebo or sham group is the control group a generic treated group stands beside)
    if len(given) != 1 or not re.search(r"(?i)\b(?:control|placebo|sham)\s+group\b", scan):
        return
    group, what = given.popitem()
    same = _SAME_AS_CONTROL.match(what)
    if same is not None:
        # "the same treatment as the control group combined with mild hypothermia treatment and nursing", the
        # control group having received "routine treatment and nursing": the group is named by what it added, less
        # the words of what the control received
        received = _CONTROL_GROUP_GOT.search(scan)
        background = set(received.group("what").lower().split()) if received else set()
        kept = [w for w in same.group("added").split() if w.lower() not in background]
        what = " ".join(kept).strip()
        if not what:
            return
    if not _plausible_name(what):
        return
    named = [a for a in arms if re.match(rf"(?i)\s*(?:the\s+)?{group}\b", a.name)]
    if len(named) > 1 or any(a.role == "experimental" and a not in named and a.source != "single" for a in arms):
        return
    controls = [a for a in arms if a.role == "control" and a not in named]
    key = arm_key(what)[0]
    if not key:
        return
    if named:
        arm = named[0]
        had_control = "control" in arm.aliases
        arm.aliases = {x for x in arm.aliases if x not in _CONTROL_KEYS} | {f"{group} group", group, key}
        arm.canonical, arm.role = key, "experimental"      # its name stays as the report writes it
        if had_control and not controls:
            # the table's "Control Group" was taken for the same arm: it is the other one
            arms.append(Arm(arm_id="", name="control group", canonical="control", n=arm.n, role="control",
                            start=arm.end, end=arm.end, source="table", aliases={"control"}))
        return
    # (the control group may be named for what it received: "the control group received placebo tablets")
    if len(controls) != 1 or not (_GENERIC_CONTROL_NAME.match(controls[0].name) or _control_canonical(controls[0].name)):
        return
    arms.append(Arm(arm_id="", name=what, canonical=key, n=controls[0].n, role="experimental", start=controls[0].end,
                    end=controls[0].end, source="generic", aliases={f"{group} group", group, key}))


# "group A (70 cases) and group B (70 cases) were given X; group C was given Y", "group B received Y", "(group A: X,
# group B: Y and group C: Z)": what each lettered group received
_LETTER = r"(?i:group|arm)\s+(?P<{0}>[A-Z]{{1,3}}|[1-6])\b(?:\s*[(\[][^()\[\]]{{0,30}}[)\]])?"
_LETTERED_SUBJECT = re.compile(r"\b" + _LETTER.format("code") + r"(?P<more>(?:\s*(?:,|and|,\s*and)\s+(?:(?i:group|arm)\s+)?"
                               r"(?:[A-Z]{1,3}|[1-6])\b(?:\s*[(\[][^()\[\]]{0,30}[)\]])?)*)")
_LETTERED_VERB = re.compile(r"\s*(?::\s*|(?:was|were)\s+(?:given|provided(?:\s+with)?|treated\s+with|administered|"
                            r"assigned\s+to|allocated\s+to)\s+|(?:received|underwent)\s+)(?:the\s+|an?\s+)?"
                            r"(?P<what>[A-Za-z0-9][\w/+-]*(?:\s+(?!and\b|or\b|for\b|in\b|at\b|of\b|with\b|along\b|while\b|whereas\b|(?i:group|arm)\b)"
                            r"[A-Za-z][\w/+-]*){0,6})(?=\s*(?:[.;,()\n]|$|\s+(?:and|or|for|in|at|of|with|along)\b)|"
                            # "Group 1: intravenous X 1 g (n = 40)": the name, then its dose
                            r"\s+\d[\d.,]*\s*(?:mg|g|µg|μg|mcg|ng|IU|U|units?|mL|ml|%)(?:/\w+)?\b)")
# "... along with weekly cisplatin 40 mg/m2": what the group was given besides, up to the clause's end
_ALONG_WITH = re.compile(r"(?:(?!\b(?:group|arm|cohort)\b)[^.;\n]){0,40}?\b(?:along\s+with|together\s+with|plus|combined\s+with|"
                         r"in\s+combination\s+with)\s+"
                         r"(?P<partner>[^.;,()\n]{2,60})")


# "In group I (120 people) single-dose intravenous X (1.5 mg/kg) was administered", "in group 1 X solution and in group
# 2 Y solution were given", "In arm B, a sham procedure was performed": what a numbered group received, named
# before the passive verb (a coordinated "and in group II ..." shares the verb at the clause's end)
_PASSIVE_GIVEN = r"(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:administered|given|used|injected|infused|applied|performed|prescribed|instilled|provided|delivered|offered)\b"
_LETTERED_PASSIVE = re.compile(
    r"\b(?i:in)\s+(?:the\s+)?" + _LETTER.format("code") + r"\s*,?\s*(?:(?:the|an?)\s+)?"
    r"(?P<what>[A-Za-z][\w/+-]*(?:\s+(?!and\b|or\b|was\b|were\b|is\b|are\b|in\b|at\b|with\b|group\b|arm\b)[A-Za-z][\w/+-]*){0,6})"
    r"(?:\s*[(\[][^()\[\]]{0,40}[)\]])?(?=\s*(?P<given>" + _PASSIVE_GIVEN + r")|\s*,?\s+and\s+in\s+(?:the\s+)?(?i:group|arm)\b)")
_PASSIVE_GIVEN_RE = re.compile(_PASSIVE_GIVEN, re.I)
_DOSAGE_FORM_TAIL = re.compile(r"(?i)\s+(?:solutions?|syrups?|suspensions?|tablets?|capsules?|drops|sprays?|creams?|"
                               r"ointments?|gels?|lotions?|elixirs?|sachets?|powders?)$")
_AMOUNT_OF = re.compile(r"(?i)^(?:(?:a|an|one|two|three|\d+)\s+)?(?:single\s+|daily\s+|total\s+|chewable\s+|soft\s+|hard\s+|"
                        r"effervescent\s+|oral\s+)?(?:doses?|tablets?|capsules?|"
                        r"injections?|infusions?|inhalations?|sprays?|puffs?|drops?|sachets?|ampoules?|vials?|courses?|"
                        r"applications?|servings?|pills?|lozenges?|patch(?:es)?|suppositor(?:y|ies))\s+of\s+")
# what a group's treatment is called besides its name: "X solution", "single-dose X", "X tablets"
_FORM_WORDS = frozenset("single single-dose one-time solution solutions tablet tablets capsule capsules dose doses "
                        "intravenous intravenously oral orally iv injection infusion bolus slowly".split())


def _received_by_letter(scan: str, letters: set[str]) -> dict[str, set[str]]:
    """{letter: the names of what the methods say that lettered group received} (see _received_by_group)."""
    found = _received_by_group(scan, letters)
    for code, keys in found.items():
        if len(keys) > 1:
            # "single-dose intravenous X" and "X solution" in two sentences: the words every description shares name
            # the group's treatment, when they tell it from the other groups'
            common = set.intersection(*(set(k.split()) for k in keys)) - _FORM_WORDS
            first = sorted(keys, key=lambda k: (len(k), k))[0]
            shared = " ".join(w for w in first.split() if w in common)
            others = {w for c, ks in found.items() if c != code for k in ks for w in k.split()}
            if shared and not common & others:
                found[code] = {shared}
    return found


def _received_by_group(scan: str, letters: set[str]) -> dict[str, set[str]]:
    """{letter: the names of what the methods say that lettered group received}; a dose ("20 mg of X"), a number or a
    schedule alone names no treatment. "Arm A: radiotherapy (RT) along with weekly cisplatin 40 mg/m2" is the
    combination ("radiotherapy + cisplatin"), an abbreviation the document defines written out."""
    found: dict[str, set[str]] = {}
    weak: dict[str, set[str]] = {}      # names read only by cutting a dose off the end: used for a group with no other
    defined = {abbr.lower(): name for abbr, name in _abbreviations(scan).items()}
    passive = [(m, m) for m in _LETTERED_PASSIVE.finditer(scan) if m.group("given") or _PASSIVE_GIVEN_RE.search(
        scan[m.end():m.end() + 300].split(". ")[0])] if "n group" in scan or "n arm" in scan else []
    for m, verb in [(m, _LETTERED_VERB.match(scan, m.end())) for m in _LETTERED_SUBJECT.finditer(scan)] + passive:
        if verb is None:
            continue
        # "a single dose of X", "two tablets of X": how much of the treatment, not which
        what = _AMOUNT_OF.sub("", verb.group("what").strip())
        what = _DOSAGE_FORM_TAIL.sub("", what) or what       # "X solution", "X syrup": the form is no part of the name
        dose = _DOSE.search(what)
        trimmed = dose is not None and dose.start() > 0 and bool(re.search(r"[A-Za-z]{3}", what[:dose.start()])) \
            and not re.search(r"(?i)\bof\s*$", what[:dose.start()])
        if trimmed:
            what = what[:dose.start()].strip()      # "intravenous X 1 g (n = 40)": the name before its dose
        trimmed = trimmed or bool(_DOSE.match(scan, verb.end() + 1)) and scan[verb.end():verb.end() + 1].isspace()
        if (_DOSE.search(what) or re.match(r"\d+(?:\.\d+)?(?![\d.]|-[A-Za-z])", what) or not re.search(r"[A-Za-z]{3}", what)
                or not _plausible_name(what) or _SCHEDULE_ONLY.fullmatch(what)):
            continue
        key = arm_key(what)[0]
        if not key or key in ("nothing", "none") or arm_key(what)[1] and key == what.lower():
            continue
        key = arm_key(defined.get(key, key))[0] or key
        along = _ALONG_WITH.match(scan, verb.end())
        partner = arm_key(along.group("partner"))[0] if along is not None else ""
        if partner and re.fullmatch(r"[a-z][\w-]*(?:\s[a-z][\w-]*)?", partner) and partner not in key:
            key = f"{key} + {arm_key(defined.get(partner, partner))[0] or partner}"
        codes = [m.group("code")] + re.findall(r"\b([A-Z]{1,3}|[1-6])\b", m.groupdict().get("more") or "")
        for code in codes:
            if code in letters:
                (weak if trimmed else found).setdefault(code, set()).add(key)
    for code, keys in weak.items():
        found.setdefault(code, keys)
    return found


# "Group-A, 32 females were given oral X while Group-B, 39 females were given Y", "In group I, patients received X",
# "Group II comprised patients who were given Y alone", "group 2 (n = 20) underwent Z": what a coded group received
_CODE_GIVEN = prefiltered(re.compile(
    r"\b(?i:group|arm)[\s-]*(?P<code>[A-H]|I{1,3}|IV|[1-6])\b(?:\s*[(\[][^()\[\]]{0,30}[)\]])?\s*[,:;]?\s*"
    r"(?:(?:the\s+)?(?:\d{1,5}\s+|" + COUNT_WORD + r"\s+)?(?i:patients|participants|subjects|women|females|men|males|"
    r"children|infants|eyes|cases|volunteers)\s+)?"
    r"(?:(?i:comprised|consisted|included)\s+(?:of\s+)?(?:the\s+)?(?i:patients|participants|subjects|women|men|children)\s+"
    r"(?:who|that)\s+)?"
    r"(?i:were\s+given|was\s+given|received|(?:were\s+|was\s+)?treated\s+with|underwent|got|took)\s+"
    r"(?:(?:the|an?)\s+)?(?P<what>[^.;,()\n]{3,80}?)(?=\s*[.;,(\n]|\s+(?:while|whereas|and\s+(?:in\s+)?(?i:group|arm))\b|$)"))


# "Group I (Control)", "group B (placebo)", "Arm 2 (Rhubarb)": a coded group with its arm's short name in brackets
_CODE_NAMED = re.compile(r"\b(?i:group|arm)[\s-]*(?P<code>[A-H]|I{1,3}|IV|[1-6])\s*[(\[]\s*(?P<name>[A-Za-z][\w -]{1,40}?)\s*[)\]]")
# "X (arm 1, n = 45)", "Y (group II; N = 48)": an arm's name with its group's code and size in the bracket after it
# (the words before the bracket end with the name; `_codes_of_named_arms` takes the arm whose name ends them)
_NAME_THEN_CODE_TAIL = (r"[(\[]\s*(?i:group|arm)\s+(?P<code>[A-H]|I{1,3}|IV|[1-6])"
                        r"\s*[,;]\s*(?i:n)\s*[=:]\s*\d[\d,]*\s*[)\]]")
_NAME_THEN_CODE = re.compile(r"(?P<before>[A-Za-z][^;:()\[\].]{1,80}?)\s*" + _NAME_THEN_CODE_TAIL)
# (the words before the bracket are tried from every letter of the text, ~3 ms over a 2 kB abstract: the pattern runs
# only in a text holding its bracket, which re finds at once, as it opens with a bracket; every match holds one)
_CODE_BRACKET = re.compile(_NAME_THEN_CODE_TAIL)


def _codes_of_named_arms(arms: list[Arm], scan: str) -> None:
    """The code ("group A", "Group-B", "group II", "group 1") each named arm has in a report that calls its arms by
    both: the methods say what each coded group received, and what it received names one arm. Each code given to
    one arm and each arm given one code, else nothing; the code becomes a name of the arm, so a table header
    "Group-A" or a sentence "in group II" resolves to it."""
    if len(arms) < 2 or "roup" not in scan and "rm" not in scan:
        return
    given: dict[str, set[int]] = {}
    for m in _CODE_NAMED.finditer(scan):
        # "Group I (Control) was given ... while Group II (Rhubarb) received ...": the bracket names the group's arm
        key = arm_key(m.group("name"))[0]
        named = [a for a in arms if key and (a.canonical == key or key in {x.lower() for x in a.aliases})]
        if len(named) == 1:
            given.setdefault(m.group("code").upper(), set()).add(id(named[0]))
    for m in _NAME_THEN_CODE.finditer(scan) if _CODE_BRACKET.search(scan) else ():
        before = m.group("before").lower()
        named = [a for a in arms if a.canonical and not re.fullmatch(r"group \S+", a.canonical)
                 and re.search(r"(?<![\w-])" + re.escape(_key_of(a)[0]) + r"\s*$", before)]
        if len(named) == 1:
            given.setdefault(m.group("code").upper(), set()).add(id(named[0]))
    for m in _CODE_GIVEN.finditer(scan):
        what = m.group("what").lower()
        named = [a for a in arms if a.canonical and not re.fullmatch(r"group \S+", a.canonical)
                 and re.search(r"(?<![\w-])" + re.escape(_key_of(a)[0]) + r"(?![\w-])", what)]
        if len(named) == 1:     # ("X and Y" names two arms: which one the group is, the words do not say)
            given.setdefault(m.group("code").upper(), set()).add(id(named[0]))
    if len(given) < 2 or any(len(ids) != 1 for ids in given.values()):
        return
    owners = [next(iter(ids)) for ids in given.values()]
    if len(set(owners)) != len(owners):
        return
    by_id = {id(a): a for a in arms}
    for code, ids in given.items():
        arm = by_id[next(iter(ids))]
        arm.aliases |= {f"group {code.lower()}", code.lower()}


def _by_initials(arms: list[Arm], name: str) -> Arm | None:
    """ "I&D" of "incision and drainage", "US/NA" of "ultrasound needle aspiration": a short capital abbreviation
    whose letters are the initials of one arm's words ("and", "of", "with" and "the" left out), when one arm only."""
    written = name.strip()
    letters_only = sum(ch.isalpha() for ch in written)
    # (two bare capitals, "NA", "ID", say too many other things: two letters only when joined, "I&D", "I/D")
    if not re.fullmatch(r"[A-Z][A-Z&/+.-]{1,7}", written) or letters_only < 2 or \
            letters_only == 2 and not re.search(r"[&/+]", written):
        return None
    letters = re.sub(r"[^A-Z]", "", written).lower()
    found = []
    for arm in arms:
        for text in (arm.canonical, arm.name):
            words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in ("and", "of", "with", "the", "group", "arm")]
            if "".join(w[0] for w in words) == letters:
                found.append(arm)
                break
    return found[0] if len(found) == 1 else None


_GROUP_CODE_ALIAS = re.compile(r"(?:group\s+)?(?P<code>[A-Z]|[a-z](?<=group\s[a-z])|i{1,3}|iv|vi?|I{1,3}|IV|VI?|[1-6])")


def _group_code(arm: Arm) -> str | None:
    """The one code ("A", "II", "2") the arm's names give it: an alias "A" (from "X (A)") or "group a"; None for none
    or several."""
    codes = set()
    for alias in arm.aliases:
        m = _GROUP_CODE_ALIAS.fullmatch(alias.strip())
        if m is not None and (alias.strip().lower().startswith("group") or alias.strip().isupper()):
            codes.add(m.group("code").upper())
    return codes.pop() if len(codes) == 1 else None


def _names_by_group_code(arms: list[Arm], scan: str) -> None:
    """A report that calls each of its arms by a code ("needle aspiration (A)" and then "group A", "Arm B"; "group
    II received X") writes each arm's name as that group ("group A"), the name it was defined by kept as an alias and
    its canonical name (what it received) unchanged: the tables and the results say "group A", and so does a
    reviewer. Only when every arm has one code of its own and the text calls every one of them "group <code>" or
    "arm <code>"."""
    if len(arms) < 2:
        return
    codes = [_group_code(a) for a in arms]
    if None in codes or len(set(codes)) != len(codes):
        return
    for code in codes:
        if not re.search(r"\b(?i:group|arm)[\s-]+" + re.escape(code) + r"\b|\b" + re.escape(code) + r"\s+(?i:group|arm)\b", scan):
            return
    for arm, code in zip(arms, codes):
        written = f"group {code}"
        if arm.name.strip().lower() == written.lower():
            continue
        arm.aliases.add(arm.name)
        arm.name = written


def _name_lettered_groups(arms: list[Arm], scan: str) -> None:
    """Arms a report calls "group A", "group B" are named by what the methods say each received ("modified
    sequential therapy", "inverted-flap technique"), when every lettered arm is so described, once; two groups that
    received the same keep their letter in the name ("X group a", "X group b"). "group a" stays one of the arm's
    names, so the tables and sentences that say "group A" still resolve to it."""
    lettered = {a.canonical.split()[-1].upper(): a for a in arms
                if re.fullmatch(r"group (?:[a-z]{1,2}|[1-6])", a.canonical)}
    if len(lettered) < 2:
        return
    found = _received_by_letter(scan, set(lettered))
    if set(found) != set(lettered) or any(len(v) != 1 for v in found.values()):
        return
    names = {code: next(iter(keys)) for code, keys in found.items()}
    for code, arm in lettered.items():
        shared = sum(v == names[code] for v in names.values()) > 1
        arm.aliases = set(arm.aliases) | {arm.canonical}
        arm.canonical = f"{names[code]} group {code.lower()}" if shared else names[code]
        if not shared:
            arm.aliases.add(names[code])
            # "placebo" named by another sentence too ("... than placebo"): one arm, the group's, with the other's size
            # and role
            for twin in [a for a in arms if a is not arm and a.canonical == arm.canonical and a not in lettered.values()]:
                arm.aliases |= twin.aliases
                arm.n = arm.n if arm.n is not None else twin.n
                arm.role = twin.role or arm.role
                arms.remove(twin)
    if len(lettered) == 2:
        # "Arm A received X and arm B received X plus Y": the group given only what the other adds to is the control
        first, second = lettered.values()
        for alone, added in ((first, second), (second, first)):
            if re.match(re.escape(alone.canonical) + r"\s*(?:\+|plus\b|with\b|and\b|combined\s+with\b)", added.canonical):
                alone.role, added.role = "control", "experimental"


# "The PLA group ingested a placebo", "One group (SYN) received a daily dose of X", "the CG arm was given Y"
_ABBREVIATED_GIVEN = (r"(?:(?:\b(?:the\s+)?{code}\s+(?:group|arm)\b(?:\s*[(\[][^()\[\]]{{0,30}}[)\]])?)|(?:[(\[]\s*(?:the\s+)?{code}"
                      r"\s*(?:group|arm)?\s*[)\]]))\s*,?\s+(?:(?:was|were)\s+(?:given|offered|administered|treated\s+with)|received|"
                      r"ingested|took|consumed|drank|ate|used|underwent|got)\s+(?:(?:the|an?)\s+)?(?P<what>[^.;,()\n]{{3,90}}?)"
                      r"(?=\s*[.;,(\n]|\s+(?:and|while|whereas|for|during|before|after|at|in|on)\b)")


def _name_abbreviated_groups(arms: list[Arm], scan: str) -> None:
    """Arms a report names only by an abbreviation it never spells out beside a bracket ("PLA", "SYN", from table
    headers or "8 PLA and 9 SYN") are named by what the methods say that group received: "The PLA group ingested a
    placebo" makes it the placebo arm, "One group (SYN) received one daily dose of a synbiotic" the synbiotic
    arm; the abbreviation stays one of its names, so tables and sentences that use it still resolve."""
    for arm in arms:
        code = arm.name.strip()
        if not re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", code) or arm.canonical != code.lower() \
                or _CODED_GROUP.fullmatch(code) or find_drugs(code) or code not in scan:
            continue
        found = re.search(_ABBREVIATED_GIVEN.format(code=re.escape(code)), scan)
        if found is None:
            continue
        what = _DOSAGE_FORM_TAIL.sub("", _AMOUNT_OF.sub("", found.group("what").strip())).strip()
        what = re.sub(r"(?i)^(?:(?:the|an?)\s+)?(?:commercially\s+available|identical|similar|matching)\s+", "", what)
        if not _plausible_name(what) or _DOSE.match(what):
            continue
        key = arm_key(what)[0]
        if not key or key == arm.canonical:
            continue
        arm.aliases = set(arm.aliases) | {arm.canonical, code.lower()}
        arm.canonical = key
        arm.aliases.add(key)
        if key in CONTROL_CANONICAL or _control_canonical(what):
            arm.role = "control"
    if any(a.role == "control" for a in arms) and len(arms) == 2:
        for a in arms:
            if a.role in ("", "other"):
                a.role = "experimental"


# "46 patients received clopidogrel", "47 patients received control placebo", "47 patients in placebo group"
_COUNTED_ARM = re.compile(
    r"(?<![\d.,])(?P<n>\d{1,5})\s+(?:patients|participants|subjects|children|adults)\s+(?:(?:received|were\s+given|were\s+"
    r"(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to)\s+(?:the\s+)?(?:control\s+)?(?P<given>[A-Za-z][\w-]*(?:\s+[\w-]+)?)|"
    r"in\s+(?:the\s+)?(?P<group>[A-Za-z][\w-]*(?:\s+[\w-]+)?)\s+(?:group|arm)\b)", re.I)


# "46 received zinc and 44 received placebo", "46 were given X, while 44 were given Y", "45 patients to X and 43 to
# Y", "forty-six received X and forty-four Y": two arms' sizes side by side (a people word optional: the pair says it)
_PAIR_PEOPLE = r"(?:(?:patients|participants|subjects|children|adults|women|men|infants|cases)\s+)?"
_PAIR_VERB = r"(?:received|were\s+given|were\s+treated\s+with|(?:were\s+)?(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to|to)\s+"
_PAIR_ARM = r"(?:the\s+)?(?P<{0}>[A-Za-z][\w+/-]*(?:\s+(?!and\b|or\b|while\b|whereas\b|were\b|was\b)[A-Za-z][\w+/-]*){{0,3}}?)"
_PAIRED_COUNTS = prefiltered(start_guarded(re.compile(
    r"(?<![\w.,/])(?P<n1>\d{1,5}|" + COUNT_WORD + r")\s+" + _PAIR_PEOPLE + _PAIR_VERB + _PAIR_ARM.format("a1")
    + r"(?:\s+(?:group|arm))?\s*(?:,\s*(?:and|while|whereas)?|and|while|whereas|;)\s*(?P<n2>\d{1,5}|" + COUNT_WORD + r")\s+" + _PAIR_PEOPLE
    + r"(?:" + _PAIR_VERB + r")?" + _PAIR_ARM.format("a2") + r"(?:\s+(?:group|arm))?(?=\s*(?:[.;,)]|$|\s+(?:and|were|was|had|completed)\b))",
    re.I)))


def _sizes_from_paired_counts(arms: list[Arm], scan: str) -> None:
    """Sizes printed as a pair of counts, each with what its patients received ("46 received zinc and 44 received
    placebo"): taken when both name distinct arms of the model that have no size yet, and every such pair agrees."""
    if len(arms) < 2 or all(a.n is not None for a in arms):
        return
    model = Study("", arms)
    found: dict[int, set[int]] = {}
    for m in _PAIRED_COUNTS.finditer(scan):
        first, second = model.resolve(m.group("a1")), model.resolve(m.group("a2"))
        if first is None or second is None or first is second:
            continue
        for arm, n in ((first, m.group("n1")), (second, m.group("n2"))):
            found.setdefault(id(arm), set()).add(int(n) if n.isdigit() else count_value(n))
    for m in _COUNTED_ARM.finditer(scan) if found else ():
        # ("Later, 40 patients received X": a count of the same kind that disagrees leaves the arm without a size)
        words = m.group("given") or m.group("group")
        arm = model.resolve(words) or model.resolve(words.split()[0])
        if arm is not None and id(arm) in found:
            found[id(arm)].add(int(m.group("n")))
    for arm in arms:
        if arm.n is None and len(found.get(id(arm), ())) == 1:
            arm.n = found[id(arm)].pop()


def _sizes_from_counts(arms: list[Arm], scan: str) -> None:
    """The size of an arm no allocation or header gave: a count of patients who received it, when every such
    count of the document agrees."""
    if not any(a.n is None for a in arms) or len(arms) < 2:
        return
    model = Study("", arms)
    counts: dict[int, set[int]] = {}
    for m in _COUNTED_ARM.finditer(scan):
        if m.group("given") and re.match(r"\s*,?\s*(?:or|versus|vs\.?)\s", scan[m.end():m.end() + 12]):
            continue    # "400 adults were randomized to X or placebo": the list's total, not X's size
        if _EVENT_COUNT_BEFORE.search(scan[max(0, m.start() - 30):m.start()]):
            continue    # "12 patients in the A group compared to 6 patients in the B group": a count of events
        words = m.group("given") or m.group("group")
        arm = model.resolve(words) or model.resolve(words.split()[0])
        if arm is not None and arm.n is None:
            counts.setdefault(id(arm), set()).add(int(m.group("n")))
    for arm in arms:
        found = counts.get(id(arm), set())
        if len(found) == 1:
            arm.n = found.pop()


# "Of the 118 randomized patients, 60 received X and 58 received Y", "Of 240 participants randomly assigned: 121 to X,
# 119 to Y", "Of all 90 enrolled, 45 were in group A and 45 in group B completed": the disposition of the randomized
_OF_THE_RANDOMIZED = prefiltered(re.compile(
    r"\b(?i:of)\s+(?:the\s+|all\s+|these\s+)?(?P<total>\d[\d,]*|" + COUNT_WORD + r")\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?:were\s+)?(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|allocated|enrolled))\b(?:\s+[\w-]+){0,3}?\s*[,:]\s*"
    r"(?P<body>[^.;]{5,300})", re.I))
_RANDOMIZED_SHARE = re.compile(
    r"(?<![\w.,])(?P<n>\d[\d,]*|" + COUNT_WORD + r")\s+(?:(?:patients|participants|subjects|children|adults|women|men)\s+)?"
    r"(?:(?:were|was)\s+)?(?:(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to|received|got|were\s+given|in|to)\s+"
    r"(?:the\s+)?(?P<name>[A-Za-z][\w+/-]*(?:\s+(?!and\b|or\b|completed\b|were\b|was\b)[\w+/-]+){0,4}?)"
    r"(?=\s*(?:,|;|\band\b|$|\(|\s(?:completed|were|was|had|finished|remained)\b))", re.I)


def _sizes_of_the_randomized(arms: list[Arm], scan: str) -> None:
    """Arm sizes from the disposition of the randomized ("Of the 118 randomized, 60 were assigned to X and 58 to
    Y"): each count is its arm's size when the counts name distinct arms and add up to the number randomized (so
    the completers of a trial with drop-outs are not taken for its arms); fills only arms without a size."""
    if len(arms) < 2 or not any(a.n is None for a in arms):
        return
    model = Study("", arms)
    for m in _OF_THE_RANDOMIZED.finditer(scan):
        total = count_value(m.group("total").replace(",", ""))
        shares = list(_RANDOMIZED_SHARE.finditer(m.group("body")))
        if total is None or len(shares) < 2:
            continue
        found = []
        for share in shares:
            name = re.sub(r"(?i)\s+(?:group|arm)s?$", "", share.group("name").strip())
            arm = model.resolve(name) or model.resolve(f"group {name}") if name else None
            if arm is None and name:
                arm = model.resolve(name.split()[0])
            found.append((arm, count_value(share.group("n").replace(",", ""))))
        if any(a is None or n is None for a, n in found) or len({id(a) for a, _ in found}) != len(found) \
                or sum(n for _, n in found) != total:
            continue
        for arm, n in found:
            if arm.n is None:
                arm.n = n
        return


# "(912 interventions and 892 controls)": counts of the arms named by their role
_ROLE_COUNTS = re.compile(r"[(\[]\s*(?P<n1>\d[\d,]*)\s+(?P<w1>interventions?|controls?|cases)\s*(?:,|and|vs\.?|versus)\s*"
                          r"(?P<n2>\d[\d,]*)\s+(?P<w2>interventions?|controls?|cases)\s*[)\]]", re.I)
# "(fluticasone: N = 140, FEV1 = 1.42 L; placebo: N = 137, ...)": an arm's name, a colon and its size
_NAME_COLON_SIZE = re.compile(r"(?:^|[(\[;])\s*(?P<name>[A-Za-z][\w+/ -]{0,50}?)\s*:\s*(?:N|n)\s*=\s*(?P<n>\d[\d,]*)\b")
# "122 (60: erlotinib, 62: cetuximab plus erlotinib)": sizes first, each followed by its arm
_SIZE_COLON_NAME = re.compile(r"[(\[](?P<body>\s*\d[\d,]*\s*:\s*[A-Za-z][^():;\[\]]{0,60}?(?:[,;]\s*\d[\d,]*\s*:\s*"
                              r"[A-Za-z][^():;\[\]]{0,60}?)+)[)\]]")
_SIZE_COLON_ITEM = re.compile(r"\s*(?P<n>\d[\d,]*)\s*:\s*(?P<name>[^,;]+?)\s*(?:[,;]|$)")
# "Group KM (46 patients)": a group called by the abbreviation the allocation defined for its arm, with its size
_ABBREVIATED_GROUP_SIZE = re.compile(r"\b(?i:group|arm)\s+(?P<code>[A-Z][A-Za-z0-9-]{0,9})\s*[(\[]\s*(?:[nN]\s*=\s*)?"
                                     r"(?P<n>\d[\d,]*)(?:\s+(?:patients|participants|subjects|children|cases))?\s*[)\]]")
# "Forty-five newborns who had X were selected and included as an observation group"
_INCLUDED_AS = re.compile(r"(?<![\d.,])(?P<n>\d[\d,]*|\b" + COUNT_WORD + r"\b)\s+(?:[\w-]+\s+){0,2}?(?:patients|participants|"
                          r"subjects|newborns|neonates|infants|children|cases|women|men|mothers|adults|individuals|"
                          r"volunteers)\b[^.;]{0,200}?\b(?:included|enrolled|set|served|assigned|selected)\s+as\s+"
                          r"(?:an?|the)\s+(?P<name>[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm))\b", re.I)
# the tail every match of _INCLUDED_AS ends with: searched first, it spares the lazy 200-character reach that
# _INCLUDED_AS tries after every count of a text of results (most texts hold no "included as a ... group")
_INCLUDED_AS_TAIL = prefiltered(re.compile(r"\b(?:included|enrolled|set|served|assigned|selected)\s+as\s+(?:an?|the)\s+"
                                           r"[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)\b", re.I))
# "212 of 2373 patients (8.9%) in the dapagliflozin group": a count over the arm's patients
_COUNT_OF_ARM = re.compile(r"(?<![\d.,])\d[\d,]*\s+(?:of|/)\s+(?:the\s+)?(?P<n>\d[\d,]*)\s+(?:patients|participants|subjects|"
                           r"women|men|children|infants)?\s*(?:[(\[][^()\[\]]{0,20}[)\]]\s*)?(?:who\s+received\s+|"
                           r"in\s+the\s+(?:[\w-]+\s+){0,2}?)(?P<name>[\w-]+(?:\s+[\w-]+)?)(?:\s+(?:group|arm))?\b", re.I)
# a clause that makes the counts after it a subgroup's: "Among patients with diabetes, 90 of 1075 ..."
_SUBGROUP_LEAD = re.compile(r"\b(?:among|in)\s+(?:the\s+)?(?:patients|participants|those|subjects|women|men|children)\s+"
                            r"(?:with|without|who|aged|older|younger)\b[^.;]*$|\bsubgroup\b[^.;]*$", re.I)


def _by_role_word(word: str, arms: list[Arm]) -> Arm | None:
    """The one arm a role word names: "interventions" the experimental arm, "controls" the control arm."""
    role = "control" if re.match(r"(?i)control", word) else "experimental"
    found = [a for a in arms if a.role == role]
    return found[0] if len(found) == 1 else None


def _sizes_stated_apart(arms: list[Arm], scan: str) -> None:
    """The sizes of arms no allocation or header gave, printed elsewhere: "(912 interventions and 892 controls)",
    "(fluticasone: N = 140, ...; placebo: N = 137, ...)", "122 (60: erlotinib, 62: cetuximab plus erlotinib)",
    "Fifty-two infants ... were included as an observation group", and the denominators of counts per arm
    ("212 of 2373 patients in the dapagliflozin group"; the largest, when the same one is printed most often:
    a subgroup's is smaller). A size is kept only when every statement of its kind agrees."""
    if len(arms) < 2 or all(a.n is not None for a in arms):
        return
    model = Study("", arms)
    found: dict[int, list[int]] = {}

    def note(arm: Arm | None, n: str) -> None:
        if arm is not None and arm.n is None:
            found.setdefault(id(arm), []).append(int(n.replace(",", "")))

    for m in _ROLE_COUNTS.finditer(scan):
        for k in ("1", "2"):
            note(_by_role_word(m.group("w" + k), arms), m.group("n" + k))
    for m in _NAME_COLON_SIZE.finditer(scan):
        note(model.resolve(m.group("name")), m.group("n"))
    for m in _SIZE_COLON_NAME.finditer(scan):
        items = list(_SIZE_COLON_ITEM.finditer(m.group("body")))
        resolved = [model.resolve(i.group("name")) for i in items]
        if len(items) >= 2 and all(resolved) and len({id(a) for a in resolved}) == len(resolved):
            for arm, item in zip(resolved, items):
                note(arm, item.group("n"))
    for m in _ABBREVIATED_GROUP_SIZE.finditer(scan):
        arm = model.resolve(m.group("code"))
        if arm is not None and m.group("code") in arm.aliases:
            note(arm, m.group("n"))
    for m in _INCLUDED_AS.finditer(scan) if _INCLUDED_AS_TAIL.search(scan) else ():
        n = m.group("n")
        note(model.resolve(m.group("name")), n if n[0].isdigit() else str(count_value(n)))
    sizes = {id(a): set(v) for a, v in ((a, found.get(id(a), [])) for a in arms) if v}
    for arm in arms:
        if arm.n is None and len(sizes.get(id(arm), ())) == 1:
            arm.n = sizes[id(arm)].pop()
    if all(a.n is not None for a in arms):
        return
    denominators: dict[int, list[int]] = {}
    for m in _COUNT_OF_ARM.finditer(scan):
        if _SUBGROUP_LEAD.search(scan, max(0, m.start() - 120), m.start()):
            continue
        arm = model.resolve(m.group("name"))
        if arm is not None and arm.n is None:
            denominators.setdefault(id(arm), []).append(int(m.group("n").replace(",", "")))
    for arm in arms:
        seen = denominators.get(id(arm))
        if seen and max(seen) == max(set(seen), key=lambda x: (seen.count(x), x)):
            arm.n = max(seen)


# kinds of comparator from the least to the most active: in a trial of a placebo against usual care or no
# treatment (an open-label placebo trial, a sham against a waiting list) the placebo or sham is what is tested
_INERTNESS = {"no treatment": 0, "standard care": 0, "control": 0, "sham": 1, "placebo": 1}
# "X with incising Y" / "X without incising Y", "with drain" / "without drain": one arm named by an absence
_WITH_WORD = re.compile(r"(?i)\b(?P<w>with|without|no|non)\b[- ]?(?P<rest>.*)$")


def _roles_from_what_arms_lack(arms: list[Arm]) -> None:
    """Roles of arms that are each a kind of comparator or that differ only by "with" / "without" one thing.
    - every arm a comparator kind, of two inertness levels (placebo or sham against usual care, no treatment or
      a control group): the placebo or sham arm is the experimental one, the others the control;
    - two arms named alike but for "with X" / "without X" (or "no X"): the arm without X is the control, whatever
      order the title or a table printed them in."""
    if len(arms) < 2:
        return
    kinds = [_INERTNESS.get(a.canonical) for a in arms]
    if all(k is not None for k in kinds) and len(set(kinds)) == 2:
        for arm, kind in zip(arms, kinds):
            arm.role = "experimental" if kind == 1 else "control"
        return
    if len(arms) != 2:
        return
    split = [_WITH_WORD.search(a.canonical) for a in arms]
    if sum(map(bool, split)) == 1:
        # "tonsillectomy without drain" beside "tonsillectomy": the arm named by what it goes without is the control
        lacking, other = (arms[0], arms[1]) if split[0] else (arms[1], arms[0])
        m = split[0] or split[1]
        if m.group("w").lower() in ("without", "no", "non") and lacking.canonical[:m.start()].strip() == other.canonical:
            lacking.role, other.role = "control", "experimental"
        return
    if not all(split):
        return
    (a, b), (ma, mb) = arms, split
    same_rest = ma.group("rest").strip() == mb.group("rest").strip() and ma.group("rest").strip()
    same_head = a.canonical[:ma.start()].strip() == b.canonical[:mb.start()].strip()
    absent = [m.group("w").lower() in ("without", "no", "non") for m in split]
    if same_rest and same_head and absent[0] != absent[1]:
        for arm, lacks in zip(arms, absent):
            arm.role = "control" if lacks else "experimental"


def _finish_roles(arms: list[Arm], allocated: bool) -> None:
    for arm in arms:
        if not arm.role and negated_treatment(arm.name) and len(arms) > 1:
            arm.role = "control"        # "No premedication" beside "Premedication"
    has_control = any(a.canonical in CONTROL_CANONICAL or a.role == "control" for a in arms)
    for arm in arms:
        if arm.canonical in CONTROL_CANONICAL:
            arm.role = "control"
        elif not arm.role:
            arm.role = "experimental" if (has_control or allocated) and len(arms) > 1 else \
                ("experimental" if len(arms) == 1 else "other")


# the code a row's arm name carries in brackets: "oral metformin 500 mg tds (group a)", "lidocaine (arm B)"
_BRACKETED_CODE = re.compile(r"[(\[]\s*(?P<code>(?:group|arm)\s+[\w-]{1,6})\s*[)\]]\s*$", re.I)
# names a row gives that are no arm: the whole population, a reference level, the time before treatment
_NOT_A_MODEL_ARM = frozenset({"baseline", "reference", "all patients", "per sd"})


def with_model_arm_names(rows: list[dict], study: Study | None) -> list[dict]:
    """Rows that name a study arm by another of its names ("group b" of the arm "insulin", a table's "oral metformin
    500 mg tds (group a)" of the arm "metformin") name it as the arms table does (its canonical name), so that every
    row of one arm carries one name. A name the model does not resolve, or resolves to no single arm, is kept."""
    if study is None or not study.arms:
        return rows
    canonicals = {a.canonical for a in study.arms}
    resolved: dict[str, str] = {}
    for row in rows:
        for column in ("intervention", "comparator"):
            name = row.get(column)
            if not isinstance(name, str) or not name.strip() or name in canonicals \
                    or name.strip().lower() in _NOT_A_MODEL_ARM:
                continue
            if name not in resolved:
                arm = study.resolve(name)
                code = _BRACKETED_CODE.search(name) if arm is None else None
                arm = study.resolve(code.group("code")) if code is not None else arm
                arm = arm if arm is not None else _arm_of_short_code(study.arms, name)
                resolved[name] = arm.canonical if arm is not None else name
            row[column] = resolved[name]
    return rows


def _arm_of_short_code(arms: list[Arm], name: str) -> Arm | None:
    """ "pm" of the arm "PM PEG": a code of one to four letters or digits that is a word of one arm's names alone."""
    code = name.strip().lower()
    if not re.fullmatch(r"[a-z0-9]{1,4}", code):
        return None
    holders = [a for a in arms if any(code in re.findall(r"[a-z0-9]+", n.lower()) for n in (a.name, a.canonical, *a.aliases))]
    return holders[0] if len(holders) == 1 else None
