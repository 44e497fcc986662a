"""Study design from publication types (when the export has them) and from the text's own description.

Values: RCT, cohort, case series, meta-analysis, protocol, review, news, patient information, registry entry,
other. ("registry entry": a trial registry's record, e.g. ClinicalTrials.gov or ISRCTN; what it reports is the
registered study, typed apart from the document.)
("patient information" extends the contract's list, as the ingestion issue asks: patient pages are neither
studies nor news.)

Rules, first match wins:
0. registry entry: a registry identifier (NCT, ISRCTN, EudraCT, ChiCTR, ACTRN, DRKS) with at least
   `REGISTRY_MIN_FIELDS` of a registry record's field labels ("Study Type", "Recruitment Status", "Primary
   Completion Date" ...);
1. publication types of the export (MEDLINE PT, RIS/JSON types): meta-analysis, protocol, RCT, review, news,
   case reports;
2. news: reporting phrases ("according to a study published in", "the authors said", a News breadcrumb,
   "said in a statement", a news agency), or two weaker signs (a "By ..." byline, "the study, published in
   the journal ...", a quoted researcher, a dateline);
3. patient information: written to "you" (second person) and not an abstract;
4. meta-analysis / protocol / RCT / review / case series / cohort from sentences that describe *this* study
   (sentences about earlier work, "previous", "based on", are ignored);
5. an observational study without a stated design: case series when it has at most
   `CASE_SERIES_MAX_N` patients, else cohort.
"""
from __future__ import annotations

import re

from ..regexfilter import prefiltered
from ..regexguard import start_guarded

DESIGNS = ["RCT", "cohort", "case series", "meta-analysis", "protocol", "review", "news", "patient information",
           "registry entry", "other"]
REGISTRY_MIN_FIELDS = 3
_REGISTRY_ID = re.compile(r"\b(?:NCT\d{8}|ISRCTN\d{8}|\d{4}-\d{6}-\d{2}|ChiCTR[-\w]{6,}|ACTRN\d{14}|DRKS\d{8})\b")
_REGISTRY_FIELDS = re.compile(
    r"^\s*(?:Study Type|Recruitment Status|Overall Status|(?:Estimated |Actual )?Enrollment|"
    r"(?:Actual |Estimated )?(?:Study Start|Primary Completion|Study Completion)(?: Date)?|Official Title|"
    r"Brief Summary|Responsible Party|Sponsor|Allocation|Intervention Model|Masking|Primary Purpose|"
    r"First Posted|Last Update Posted|Eligibility Criteria|Condition(?:s)?|Arms? and Interventions)\s*:",
    re.I | re.M)
CASE_SERIES_MAX_N = 30
SCAN_CHARS = 8000

_PT_RULES = [
    (re.compile(r"meta-?analysis", re.I), "meta-analysis"),
    (re.compile(r"protocol", re.I), "protocol"),
    (re.compile(r"randomi[sz]ed controlled trial|controlled clinical trial", re.I), "RCT"),
    (re.compile(r"systematic review|\breview\b", re.I), "review"),
    (re.compile(r"\bnews\b|newspaper", re.I), "news"),
    (re.compile(r"case reports?|case series", re.I), "case series"),
]
_NEWS = [
    re.compile(r"\baccording to (?:a|an|the|new)\b[^.]{0,80}\b(?:study|review|meta-analysis|trial|analysis|report|research)\b"
               r"[^.]{0,60}\bpublished\b", re.I),
    re.compile(r"\b(?:the )?(?:study'?s? )?(?:authors?|researchers?|investigators?) (?:said|say|says|noted|explained|wrote)\b",
               re.I),
    re.compile(r"^(?:home ?>)?.{0,80}\bnews\b.{0,80}>", re.I | re.M),
    re.compile(r"\bcontinue reading\b|\blast update\s*:", re.I),
    re.compile(r"\b(?:professor|prof\.|dr\.?) [A-Z][a-z]+(?: [A-Z][a-z]+)?\s*:", re.M),
]
_NEWS += [
    re.compile(r"\b(?:said|says|told)\b[^.\n]{0,60}\b(?:in a (?:statement|press release|news release)|in an interview|"
               r"reporters|Reuters|the Associated Press|CNN|the BBC)\b", re.I),
    re.compile(r"\((?:Reuters|AP|AFP|HealthDay News)\)|\bHealthDay News\b|\bMedPage Today\b|\bMedscape Medical News\b|"
               r"\bpress release\b|\bnews release\b"),
]
#: Weaker signs of a news story; two of them make one.
_NEWS_WEAK = [
    re.compile(r"^(?:By|Posted by|Written by) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\s*(?:,|$| and | \||·)", re.M),
    re.compile(r"\b(?:News Desk|Newsroom|Staff (?:Writer|Reporter)|Contributing (?:Writer|Editor)|Health Reporter|"
               r"Medical Writer|\d+ min(?:ute)? read)\b", re.I),
    re.compile(r"\b(?:study|trial|findings|research|results|report),? (?:which (?:was|were) |were |was )?published "
               r"(?:online )?(?:on \w+ |this week |today |yesterday )?in (?:the )?(?:journal )?[A-Z]", re.I),
    re.compile(r"\b(?:lead|senior|study|first|co-?)[ -]?(?:author|investigator|researcher)\b[^.\n]{0,80}\b"
               r"(?:said|says|noted|explained|told|added)\b", re.I),
    re.compile(r"[\"“][^\"”\n]{10,300}[,.]?[\"”],? (?:said|says|added|explained) [A-Z]"),
    re.compile(r"^(?:[A-Z][A-Za-z]+(?:,? [A-Z][A-Za-z.]+)?) ?(?:\(|—|--| - )[^\n]{0,40}(?:\)|—|--| - )", re.M),
]
_YOU = re.compile(r"\byou(?:r|'ll|'re|'ve|rself)?\b", re.I)
_ABSTRACT_LABELS = re.compile(r"^\s*(?:abstract|background|methods?|results?)\b", re.I | re.M)
_BACKGROUND_SENTENCE = re.compile(r"\b(?:previous|prior|earlier|currently based on|other studies|"
                                  r"have been|has been|existing|literature|further|future|are needed|is needed|are necessary|"
                                  r"are required|is required|warrant(?:ed)?|should be)\b", re.I)
#: "we randomly assigned ... patients who had received no previous treatment": a sentence about this study's own
#: randomisation is never background, whatever else it mentions.
_OWN_RANDOMISATION = re.compile(r"\bwe (?:randomly assigned|randomi[sz]ed)\b|\b(?:were|was) randomly assigned\b", re.I)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n+")
_TEXT_RULES = [
    ("meta-analysis", re.compile(r"meta-?analys[ie]s|pooled analysis of (?:\d+ )?(?:randomi[sz]ed )?(?:trials|studies)", re.I)),
    # ("The study protocol was approved by the ethics committee": a finished trial's methods, not a protocol)
    ("protocol", re.compile(r"\bstudy protocol\b(?!\s+(?:was|were|had been|has been)\s+(?:\w+\s+)?(?:reviewed|approved|"
                            r"registered|published|amended|accepted))|\bprotocol for (?:a|an|the)\b|\bthis protocol\b|"
                            r"\bwill be randomi[sz]ed\b", re.I)),
    ("RCT", re.compile(r"\brandomi[sz]ed\b[^.]{0,80}\b(?:trial|controlled|placebo|double-blind|open-label|period)\b|"
                       r"\bwere randomi[sz]ed\b|\brandomly assigned\b|\bdouble-?blind(?:ed)?\b|\bRCT\b|"
                       r"\bplacebo-controlled\b|\b(?:or|vs\.?|versus) placebo\b|\bplacebo \(PBO\)", re.I)),
    ("review", re.compile(r"\b(?:systematic|narrative|scoping|literature|umbrella) review\b|\bthis review\b|"
                          r"\bwe review(?:ed)? the (?:literature|evidence)\b", re.I)),
    ("case series", re.compile(r"\bcase (?:series|reports?)\b", re.I)),
    ("cohort", re.compile(r"\bcohort\b|\bregistry\b", re.I)),
]
_OBSERVATIONAL = re.compile(r"\bretrospective(?:ly)?\b|\bprospective(?:ly)?\b|\bobservational\b|\bchart review\b|"
                            r"\bmedical records\b|\bconsecutive patients\b", re.I)


# Behind start guards (regexguard): the same matches, without trying every branch at every position.
_REGISTRY_ID, _YOU, _BACKGROUND_SENTENCE, _OWN_RANDOMISATION, _OBSERVATIONAL = (
    start_guarded(p) for p in (_REGISTRY_ID, _YOU, _BACKGROUND_SENTENCE, _OWN_RANDOMISATION, _OBSERVATIONAL))
# And behind literal prefilters (regexfilter) where a whole document or its joined sentences are searched.
_NEWS = [prefiltered(start_guarded(p)) for p in _NEWS]
_NEWS_WEAK = [prefiltered(start_guarded(p)) for p in _NEWS_WEAK]
_TEXT_RULES = [(design, prefiltered(start_guarded(p))) for design, p in _TEXT_RULES]
_OBSERVATIONAL_IN_TEXT, _YOU_IN_TEXT, _REGISTRY_ID_IN_TEXT = (prefiltered(p) for p in (_OBSERVATIONAL, _YOU, _REGISTRY_ID))


def design_from_publication_types(types: list[str]) -> str:
    joined = " | ".join(types)
    for pattern, design in _PT_RULES:
        if pattern.search(joined):
            return design
    return ""


def _is_patient_information(text: str) -> bool:
    words = max(1, len(text.split()))
    you = len(_YOU_IN_TEXT.findall(text))
    return you >= 3 and you * 1000 / words >= 8 and len(_ABSTRACT_LABELS.findall(text)) < 2


def _is_registry_entry(head: str) -> bool:
    if not _REGISTRY_ID_IN_TEXT.search(head):
        return False
    labels = {" ".join(m.group().lower().rstrip(":").split()) for m in _REGISTRY_FIELDS.finditer(head)}
    return len(labels) >= REGISTRY_MIN_FIELDS


#: Joins the sentences that describe the study itself, so that each rule searches them once, not sentence by
#: sentence. No rule can match across it: the rules join their words by spaces (never a line break) and bridge
#: words only by `[^.]`, which stops at the full stop; and at a sentence's ends `\b` sees a line break as it sees
#: the end of the text. So a rule finds a match in the joined text exactly when it finds one in some sentence.
SENTENCE_JOIN = "\n.\n"


def _own_sentences(head: str) -> str:
    """The sentences of `head` about this study (not about earlier work), joined by SENTENCE_JOIN."""
    return SENTENCE_JOIN.join(s for s in _SENTENCE_SPLIT.split(head)
                              if s.strip() and (_OWN_RANDOMISATION.search(s) or not _BACKGROUND_SENTENCE.search(s)))


def classify_design(title: str, text: str, publication_types: list[str] | None = None,
                    n_total: int | None = None, page_text: str = "") -> str:
    """`text` is the cleaned document; `page_text` (optional) the page before boilerplate removal, where
    news sites put their breadcrumbs and dates."""
    from_types = design_from_publication_types(publication_types or [])
    if from_types:
        return from_types
    head = text[:SCAN_CHARS]
    pages = [head] if page_text[:SCAN_CHARS] in ("", head) else [head, page_text[:SCAN_CHARS]]
    if _is_registry_entry(head):
        return "registry entry"
    if any(p.search(page) for p in _NEWS for page in pages):
        return "news"
    if sum(1 for p in _NEWS_WEAK if any(p.search(page) for page in pages)) >= 2:
        return "news"
    if _is_patient_information(head):
        return "patient information"
    for design, pattern in _TEXT_RULES:
        if title and pattern.search(title):
            return design
    own = _own_sentences(head)
    for design, pattern in _TEXT_RULES:
        if pattern.search(own):
            return design
    if _OBSERVATIONAL_IN_TEXT.search(own):
        return "case series" if (n_total is not None and n_total <= CASE_SERIES_MAX_N) else "cohort"
    return "other"
