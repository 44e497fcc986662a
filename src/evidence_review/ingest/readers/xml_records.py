"""PubMed XML (`PubmedArticleSet`, many articles per file) and other XML (JATS articles, unknown shapes).

Parsed with lxml configured to never resolve entities, never load a DTD and never touch the network
(`resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False`). A file whose DTD declares
entities at all (the mechanism behind external-entity and "billion laughs" attacks) is refused before parsing,
so no entity is ever expanded. A DOCTYPE that only names an external DTD (every PMC/JATS file) is fine: the DTD
is never loaded. Named HTML entities such as `&nbsp;` (defined only in that DTD) are turned into character
references first, which is what the DTD would have said. Character references (`&#x02009;`) are plain XML.

XML that is not well formed (but not cut off: a truncated file stays skipped) is read again with lxml's
recovering parser; when that keeps most of the file's text the damage was local and the document is used, with the parser's complaint in documents.csv's reason.
Otherwise the file is skipped with that reason. JATS articles go to `jats.py`.

A PubMed XML file is cut into its `<PubmedArticle>` elements by `exports.py` and each is parsed on its own
(`pubmed_article_record`), so the recovery above and its note apply to one article; `read_pubmed_xml` parses a
whole tree, for a file whose articles its tags do not show.
"""
from __future__ import annotations

import html.entities
import re

from lxml import etree

from ..limits import MAX_RECORDS_PER_FILE
from ..markup import mark_superscripts
from ..records import ReaderError, Record
from ..language import pick_english_title
from ..structure import heading_marker

_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)


#: A recovered tree must keep at least this share of the file's text for the damage to count as local.
MIN_RECOVERED_SHARE = 0.8

_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_TAG = re.compile(r"<[^<>]{0,2000}>")


def safe_parser(recover: bool = False) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           dtd_validation=False, recover=recover, remove_comments=True, remove_pis=True)


def _named_to_numeric(match: re.Match) -> str:
    name = match.group(1)
    if name in _XML_ENTITIES or name not in html.entities.name2codepoint:
        return match.group(0)
    return f"&#{html.entities.name2codepoint[name]};"


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def parse_xml_noting(text: str) -> tuple[etree._Element, str]:
    """(root, note): the note says when the XML was not well formed and a recovering parser read it."""
    if _ENTITY_DECLARATION.search(text):
        raise ReaderError("XML declares entities in a DTD; refused for safety (entities are never expanded)")
    text = _NAMED_ENTITY.sub(_named_to_numeric, text) if "&" in text else text
    data = mark_superscripts(re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)).encode("utf-8")
    try:
        root = etree.fromstring(data, parser=safe_parser())
        note = ""
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in str(exc):
            raise ReaderError("XML nested deeper than 256 levels; refused") from None
        complaint = str(exc)[:100]
        if "Premature end of data" in str(exc):
            # The file stops mid-element: what is missing is the rest of the document, not a local slip.
            raise ReaderError(f"malformed or truncated XML ({complaint})") from None
        try:
            root = etree.fromstring(data, parser=safe_parser(recover=True))
        except etree.XMLSyntaxError:
            root = None
        expected = _letters(_TAG.sub(" ", text))
        if root is None or _letters("".join(root.itertext())) < MIN_RECOVERED_SHARE * expected:
            raise ReaderError(f"malformed or truncated XML ({complaint})") from None
        note = f"XML not well formed ({complaint}); read with a recovering parser"
    if root is None:
        raise ReaderError("XML document is empty")
    return root, note


def parse_xml(text: str) -> etree._Element:
    return parse_xml_noting(text)[0]


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


#: PubMed's own category of a labelled abstract part (NlmCategory), whatever the journal's label says.
_NLM_CATEGORY = {"BACKGROUND": "background", "OBJECTIVE": "background", "METHODS": "methods", "RESULTS": "results",
                 "CONCLUSIONS": "discussion"}


def _pubmed_record(article, index: int) -> Record:
    rec = Record(record=index)
    titles = [_text(article.find(".//ArticleTitle")), _text(article.find(".//VernacularTitle")),
              _text(article.find(".//BookTitle"))]
    titles = [t for t in titles if t]
    rec.title, rec.title_original = pick_english_title(titles)
    parts = []
    for node in article.findall(".//Abstract/AbstractText"):
        label = node.get("Label")
        body = _text(node)
        category = _NLM_CATEGORY.get((node.get("NlmCategory") or "").upper(), "")
        if category:
            parts.append(heading_marker(category))
        parts.append(f"{label.capitalize() if label.isupper() else label}: {body}" if label else body)
    rec.pmid = _text(article.find(".//PMID"))
    for aid in article.findall(".//ArticleId"):
        if aid.get("IdType") == "doi" and not rec.doi:
            rec.doi = _text(aid)
    if not rec.doi:
        for eloc in article.findall(".//ELocationID"):
            if eloc.get("EIdType") == "doi":
                rec.doi = _text(eloc)
    names = []
    for author in article.findall(".//AuthorList/Author"):
        last, fore = _text(author.find("LastName")), _text(author.find("ForeName"))
        collective = _text(author.find("CollectiveName"))
        names.append(f"{last}, {fore}".strip(", ") if last else collective)
    rec.authors = "; ".join(n for n in names if n)
    rec.journal = _text(article.find(".//Journal/Title")) or _text(article.find(".//MedlineTA"))
    year = _text(article.find(".//JournalIssue/PubDate/Year")) or _text(article.find(".//PubDate/MedlineDate"))
    rec.year = year or _text(article.find(".//ArticleDate/Year"))
    rec.publication_types = [_text(pt) for pt in article.findall(".//PublicationType")]
    rec.language = _text(article.find(".//Language"))
    rec.body = "\n\n".join([rec.title] + parts if rec.title else parts)
    if not rec.body:
        rec.skip_reason = "PubMed XML article has no title or abstract"
    return rec


def pubmed_article_record(chunk: str, index: int) -> Record:
    """The Record of one `<PubmedArticle>...</PubmedArticle>` cut out of a PubMed XML file (`exports.py`):
    parsed on its own, so a damaged article is skipped (or recovered) without touching its neighbours."""
    try:
        root, note = parse_xml_noting(chunk)
    except ReaderError as exc:
        return Record(record=index, skip_reason=str(exc))
    record = _pubmed_record(root, index)
    record.note = note
    return record


def read_pubmed_xml(text: str) -> list[Record]:
    root, note = parse_xml_noting(text)
    articles = [el for el in root.iter() if _local(el.tag) in ("pubmedarticle", "pubmedbookarticle")]
    if not articles:
        raise ReaderError("no PubmedArticle elements in the XML")
    records = [_pubmed_record(a, i) for i, a in enumerate(articles[:MAX_RECORDS_PER_FILE])]
    for rec in records:
        rec.note = note
    if len(articles) > MAX_RECORDS_PER_FILE:
        records.append(Record(record=MAX_RECORDS_PER_FILE,
                              skip_reason=f"more than {MAX_RECORDS_PER_FILE} articles in one file; the rest were not read"))
    return records


_BLOCK_TAGS = {"p", "title", "article-title", "sec", "abstract", "para", "abstracttext", "li", "td", "th", "caption",
               "div", "section", "h1", "h2", "h3", "label"}
_SKIP_TAGS = {"ref-list", "back", "ref", "fn-group", "table-wrap-foot", "script", "style"}


def _block_text(root) -> str:
    """All text with line breaks at block elements; reference lists and back matter left out."""
    out: list[str] = []

    def walk(el):  # iterative would be nicer, but lxml trees are bounded by huge_tree=False (depth 256)
        name = _local(el.tag)
        if name in _SKIP_TAGS:
            if el.tail:
                out.append(el.tail)
            return
        if name in _BLOCK_TAGS:
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
        if name in _BLOCK_TAGS:
            out.append("\n")
        if el.tail:
            out.append(el.tail)

    walk(root)
    return "".join(out)


def read_xml(text: str) -> list[Record]:
    """Generic XML: a JATS article (jats.py), PubMed XML, or anything else by its text content."""
    root, note = parse_xml_noting(text)
    if any(_local(el.tag) in ("pubmedarticle", "pubmedbookarticle") for el in root.iter()):
        return read_pubmed_xml(text)
    from .jats import is_jats, read_jats

    if is_jats(root):
        return read_jats(root, note)
    rec = Record(record=0, note=note)
    for el in root.iter():
        name = _local(el.tag)
        if name in ("article-title", "title", "dc:title") and not rec.title:
            rec.title = _text(el)
        elif name == "article-id" and el.get("pub-id-type") == "doi" and not rec.doi:
            rec.doi = _text(el)
        elif name == "article-id" and el.get("pub-id-type") == "pmid" and not rec.pmid:
            rec.pmid = _text(el)
        elif name == "journal-title" and not rec.journal:
            rec.journal = _text(el)
        elif name == "year" and not rec.year:
            rec.year = _text(el)
    rec.body = _block_text(root)
    if not rec.body.strip():
        raise ReaderError("XML holds no text")
    return [rec]
