"""Which reader a decoded file needs: decided from its content first (scrapers save JSON as .txt),
its name second."""
from __future__ import annotations

import re

_HEAD = 8192
_MEDLINE = re.compile(r"^PMID- ?\d", re.M)
_RIS = re.compile(r"^TY  - ", re.M)
_REFWORKS = re.compile(r"^RT [A-Za-z]", re.M)
_REFWORKS_TITLE = re.compile(r"(?:^|\s)T1 \S")
_PUBMED_XML = re.compile(r"<(?:PubmedArticleSet|PubmedArticle|PubmedBookArticle)\b")
_HTML = re.compile(r"<(?:!doctype html|html|head|body|div|p|article|meta|title)\b", re.I)
_XML_START = re.compile(r"^\s*<(?:\?xml|!DOCTYPE|[A-Za-z_][\w.:-]*[\s>])")

TABULAR_EXT = {".csv": ",", ".tsv": "\t", ".tab": "\t"}

#: MEDLINE field tags (PubMed's "MEDLINE" display format).
MEDLINE_TAGS = ("PMID|OWN|STAT|DCOM|LR|IS|VI|IP|DP|TI|BTI|TT|PG|LID|AB|CI|FAU|AU|AUID|AD|CN|LA|GR|PT|DEP|PL|TA|JT|"
                "JID|RN|SB|MH|OTO|OT|COIS|EDAT|MHDA|CRDT|PHST|AID|PST|SO|PMC|MID|CIN|CON|EIN|ECI|RIN|UIN|UOF|ROF|SI|"
                "TRIALS|DA|CTDT|GN|IR|FIR|OID|OABL|OAB|PS|FPS|PUBM|RF|EFR|ECF|CRI|SPIN|ORI|RPF|RPI|DRIN|SFM|"
                "HTM|PHST|JSID")
#: A record printed with its tags run together on one line: "PMID- 31234567 OWN - NLM STAT- MEDLINE ...".
_MEDLINE_RUN_TOGETHER = re.compile(rf"PMID-[ ]?\d{{1,9}}[ \t]+(?:{MEDLINE_TAGS})[ ]{{0,3}}-[ ]")
_RUN_TOGETHER_TAG = re.compile(rf"[ \t]+(?=(?:{MEDLINE_TAGS})[ ]{{0,3}}-[ ])")
_TAG_PAD = re.compile(rf"^({MEDLINE_TAGS})[ ]{{0,3}}-[ ]?", re.M)


#: Text above the first record of a run-together MEDLINE page that is dropped as page chrome.
MAX_MEDLINE_PREAMBLE = 500


def unfold_medline(text: str) -> str:
    """A MEDLINE export whose records were printed with their tags run together on one line (copied from a web
    page or a PDF) put back one tag per line and one blank line between records, as `Bio.Medline` reads it.
    A well-formed export is returned unchanged."""
    if not _MEDLINE_RUN_TOGETHER.search(text) or _MEDLINE.search(text) and \
            len(re.findall(r"^(?:TI|AB|AU)  - ", text, re.M)) >= len(re.findall(r"PMID-", text)):
        return text
    first = text.find("PMID-")
    if 0 < first <= MAX_MEDLINE_PREAMBLE and not _TAG_PAD.search(text[:first]):
        text = text[first:]  # the page's heading above the records ("Search results"), not a record
    text = _RUN_TOGETHER_TAG.sub("\n", text)
    text = re.sub(r"\n(?=PMID-)", "\n\n", text.strip())
    return _TAG_PAD.sub(lambda m: f"{m.group(1):<4}- ", text)


def sniff_format(name: str, text: str) -> str:
    """One of: medline, ris, refworks, pubmed-xml, xml, html, json, csv, tsv, markdown, text."""
    ext = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    head = text[:_HEAD]
    stripped = head.lstrip()
    if ext in TABULAR_EXT:
        return "tsv" if TABULAR_EXT[ext] == "\t" else "csv"
    if _PUBMED_XML.search(head):
        return "pubmed-xml"
    if stripped.startswith("<"):
        if ext in (".xml", ".nxml") or stripped.startswith("<?xml") and not _HTML.search(head[:2000].lower()):
            return "xml"
        return "html" if _HTML.search(head) else ("xml" if _XML_START.match(stripped) else "text")
    if ext in (".html", ".htm", ".xhtml"):
        return "html"
    if ext == ".xml":
        return "xml"
    if stripped[:1] in ("{", "[") or ext in (".json", ".jsonl", ".ndjson"):
        return "json"
    if ext in (".md", ".markdown") and not _MEDLINE.search(head) and not _RIS.search(head):
        return "markdown"
    if ext == ".nbib" or _MEDLINE.search(head) or _MEDLINE_RUN_TOGETHER.search(head):
        return "medline"
    if ext == ".ris" or _RIS.search(head):
        return "ris"
    if _REFWORKS.match(stripped) and _REFWORKS_TITLE.search(head):
        return "refworks"
    first_line = stripped.split("\n", 1)[0].lower()
    if "title" in first_line and ("\t" in first_line or "," in first_line) and (
            "abstract" in first_line or "doi" in first_line or "author" in first_line):
        return "tsv" if first_line.count("\t") > first_line.count(",") else "csv"
    return "text"
