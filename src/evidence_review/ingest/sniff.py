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
    if ext == ".nbib" or _MEDLINE.search(head):
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
