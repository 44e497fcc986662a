"""HTML pages saved from a browser (publisher, PubMed, PMC, news): bibliographic `<meta>` tags
(Highwire `citation_*`, Dublin Core, Open Graph) for the fields, the page's visible text for the main text.

Parsed with lxml's HTML parser (C, linear, nesting capped by libxml2, never touches the network). The main text
is the visible text of the page without script/style/nav/header/footer/aside, with its tables and headings
marked in place; site boilerplate lines are removed later (ingest/boilerplate.py). A main-text extractor such
as trafilatura was tried and dropped: it re-renders the page, losing the table and heading markers, and it
dropped structured abstracts.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from ..language import pick_english_title
from ..markup import mark_superscripts
from ..markuptables import element_text, grid_from_table
from ..records import ReaderError, Record
from ..structure import TableGrid, classify_heading, heading_marker, table_marker

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg",
              "iframe", "template", "select")
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "dd", "dt",
               "blockquote", "table", "ul", "ol", "main", "td", "th", "figcaption", "caption"}


def _parse(text: str):
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True,
                                  huge_tree=False)
    try:
        return lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReaderError(f"HTML page cannot be parsed ({str(exc)[:80]})") from None


def _meta(root, *names: str) -> list[str]:
    wanted = [n.lower() for n in names]
    found: dict[str, list[str]] = {n: [] for n in wanted}
    for el in root.iter("meta"):
        key = (el.get("name") or el.get("property") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key in found and content and content not in found[key]:
            found[key].append(content)
    return [c for n in wanted for c in found[n]]


def _json_ld(root) -> dict:
    """headline, date, authors and whether it is a news article, from schema.org JSON-LD blocks."""
    import json

    found: dict = {}

    def visit(node, depth=0):
        if depth > 6 or len(found) >= 4 and "type" in found:
            return
        if isinstance(node, list):
            for item in node[:50]:
                visit(item, depth + 1)
            return
        if not isinstance(node, dict):
            return
        kinds = node.get("@type") or []
        kinds = [kinds] if isinstance(kinds, str) else [k for k in kinds if isinstance(k, str)]
        if any(k in ("NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle") for k in kinds):
            found.setdefault("type", "news")
        if any(k.endswith("Article") or k in ("ScholarlyArticle", "MedicalScholarlyArticle") for k in kinds):
            if isinstance(node.get("headline"), str):
                found.setdefault("headline", node["headline"].strip())
            date = node.get("datePublished") or node.get("dateCreated")
            if isinstance(date, str):
                found.setdefault("date", date)
            authors = node.get("author") or []
            authors = authors if isinstance(authors, list) else [authors]
            names = [a.get("name") if isinstance(a, dict) else a for a in authors]
            names = [n.strip() for n in names if isinstance(n, str) and n.strip()]
            if names:
                found.setdefault("authors", names)
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                visit(node[key], depth + 1)

    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            visit(json.loads(script.text[:200_000]))
        except (ValueError, RecursionError):
            continue
    return found


_TITLE_SUFFIX = re.compile(r"\s+(?:[|–—]|-|::)\s+[^|–—]{2,80}$")


def _without_site_name(title: str) -> str:
    """"Rituximab cuts relapses in NMOSD | Neurology News" -> the headline (social titles carry the site's name)."""
    parts = [p.strip() for p in title.split(" | ")]
    return parts[0] if len(parts) > 1 and len(parts[0].split()) >= 4 else title


def _title_candidates(root, linked: dict) -> list[str]:
    """Title candidates from the strongest signal the page has: citation/Dublin Core/Open Graph tags and the
    JSON-LD headline first, else the page's first `<h1>`, else `<title>` without its " | Site" suffix.
    Site chrome ("Back to Search", "Research Article") never counts."""
    from ..metadata import is_site_chrome

    def usable(values):
        return [" ".join(v.split()) for v in values if v and v.strip() and not is_site_chrome(v)]

    social = [_without_site_name(t) for t in _meta(root, "og:title", "twitter:title")]
    strong = usable(_meta(root, "citation_title", "dc.title") + social + [linked.get("headline", "")])
    if strong:
        return strong
    headings = usable([element_text(h) for h in root.iter("h1")])
    if headings:
        return headings[:1]
    title_el = root.find(".//title")
    if title_el is not None:
        title = " ".join(title_el.text_content().split())
        return usable([_TITLE_SUFFIX.sub("", title) if len(title) > 40 else title])
    return []


def _visible_text(root) -> str:
    """The page's text with line breaks at block elements, leaving out scripts, navigation, headers, footers."""
    body = root.find("body")
    body = body if body is not None else root
    for el in list(body.iter(*_DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()  # keeps the element's tail text
    out: list[str] = []
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                out.append("\n")
            if el.text:
                out.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                out.append("\n")
            if el.tail and el is not body:
                out.append(el.tail)
    return "".join(out)


_TABLE_CAPTION = re.compile(r"(?:Table|TABLE)\s+[A-Z]?\d+[A-Za-z]?\b")


#: Wrappers a page puts around a table (and its caption and foot) that are searched for them, innermost first.
WRAPPER_LEVELS = 3
MAX_CAPTION_CHARS = 400


def _wrappers(table) -> list:
    out, el = [], table
    for _ in range(WRAPPER_LEVELS):
        if el is None or el.tag in ("body", "article", "main", "html"):
            break
        out.append(el)
        el = el.getparent()
    return out


def _caption_elements(table) -> list:
    """A caption written beside the table rather than in `<caption>`: the element just before the table or one
    of its wrappers whose text starts with "Table N", or such a label followed by the caption text
    (PMC: `<h3>Table 1.</h3><div class="caption"><p>Baseline ...</p></div><div><table>`)."""
    for el in _wrappers(table):
        prev = el.getprevious()
        if prev is None or not isinstance(prev.tag, str):
            continue
        text = element_text(prev)
        if _TABLE_CAPTION.match(text) and len(text) <= MAX_CAPTION_CHARS:
            return [prev]
        label = prev.getprevious()
        if label is not None and isinstance(label.tag, str) and _TABLE_CAPTION.fullmatch(
                element_text(label).rstrip(".: ")) and 0 < len(text) <= MAX_CAPTION_CHARS:
            return [label, prev]
    return []


def _footnote_element(table):
    """Footnotes written just after the table or its wrapper in a foot (`<div class="table-wrap-foot">`, PMC's
    `tw-foot`, a `<div class="... footnote ...">`)."""
    for el in _wrappers(table)[:2]:
        nxt = el.getnext()
        if nxt is not None and isinstance(nxt.tag, str) and any(
                word in (nxt.get("class") or "").lower() for word in ("foot", "fn", "note")):
            return nxt
    return None


#: A cell holding more text than this, or paragraphs, lists, headings or another table, makes its table a layout
#: table (an old page laid out with <table>): it is left as text, only data tables inside it become grids.
MAX_DATA_CELL_CHARS = 400
_LAYOUT_CONTENT = ("table", "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "form")


def is_layout_table(table) -> bool:
    for cell in table.iter("td", "th"):
        if any(True for _ in cell.iter(*_LAYOUT_CONTENT)) and len(element_text(cell)) > 80:
            return True
        if len(element_text(cell)) > MAX_DATA_CELL_CHARS or cell.find(".//table") is not None:
            return True
    return False


def take_tables(root) -> list[TableGrid]:
    """Each outermost `<table>` becomes a grid, replaced in the tree by a marker paragraph."""
    grids: list[TableGrid] = []
    tables = list(root.iter("table"))
    data_tables = {t for t in tables if not is_layout_table(t)}
    for table in tables:
        if table not in data_tables or table.getparent() is None or \
                any(a in data_tables for a in table.iterancestors("table")):
            continue
        grid = grid_from_table(table)
        if grid is None:
            continue
        caption = table.find("caption")
        if caption is not None:
            grid.caption = element_text(caption)
        else:
            outside = _caption_elements(table)
            if outside:
                grid.caption = " ".join(element_text(el) for el in outside)
                for el in outside:
                    el.drop_tree()
        foot = _footnote_element(table)
        if foot is not None:
            grid.footnotes += [element_text(foot)]
            foot.drop_tree()
        marker = lxml_html.Element("p")
        marker.text = table_marker(len(grids))
        marker.tail = table.tail
        table.getparent().replace(table, marker)
        grids.append(grid)
    return grids


def mark_headings(root) -> int:
    """A heading marker before each `<h1>`-`<h6>` whose words name a section; how many were marked."""
    marked = 0
    for el in list(root.iter("h1", "h2", "h3", "h4", "h5", "h6")):
        name = classify_heading(element_text(el))
        if name and el.getparent() is not None:
            marker = lxml_html.Element("p")
            marker.text = heading_marker(name)
            el.addprevious(marker)
            marked += 1
    return marked


def read_html(text: str) -> list[Record]:
    text = mark_superscripts(text)
    root = _parse(text)
    rec = Record(record=0)
    linked = _json_ld(root)
    rec.title, rec.title_original = pick_english_title(_title_candidates(root, linked))
    rec.doi = next(iter(_meta(root, "citation_doi", "dc.identifier", "prism.doi", "doi")), "")
    if rec.doi and "10." not in rec.doi:
        rec.doi = ""
    rec.pmid = next(iter(_meta(root, "citation_pmid", "ncbi_uid")), "")
    rec.journal = next(iter(_meta(root, "citation_journal_title", "prism.publicationName", "og:site_name")), "")
    rec.year = next(iter(_meta(root, "citation_publication_date", "citation_date", "citation_year", "dc.date",
                               "dc.date.issued", "prism.publicationdate", "citation_cover_date",
                               "article:published_time", "citation_online_date", "og:article:published_time",
                               "date", "pubdate", "publish-date", "sailthru.date", "parsely-pub-date")), "") \
        or linked.get("date", "")
    rec.authors = "; ".join(_meta(root, "citation_author", "dc.creator"))
    rec.language = next(iter(_meta(root, "citation_language", "dc.language")), "") or (root.get("lang") or "")
    kinds = _meta(root, "citation_article_type", "og:type", "dc.type")
    rec.publication_types = [k for k in kinds if k.lower() not in ("article", "website", "text")]
    if linked.get("type") == "news" or any(k.lower() in ("news", "news article") for k in
                                             _meta(root, "article:section", "article:type", "parsely-section")):
        rec.publication_types.append("News")
    if not rec.authors and linked.get("authors"):
        rec.authors = "; ".join(linked["authors"])
    abstract_meta = next(iter(_meta(root, "citation_abstract", "dc.description")), "")
    rec.tables = take_tables(root)
    mark_headings(root)
    main = _visible_text(root)
    if abstract_meta and len(abstract_meta) > 200 and abstract_meta[:80] not in " ".join(main.split()):
        main = abstract_meta + "\n\n" + main
    title_shown = rec.title and " ".join(rec.title.split()) in " ".join(main[:2000].split())
    rec.body = "\n\n".join(p for p in (None if title_shown else rec.title, main) if p)
    if not rec.body.strip():
        raise ReaderError("HTML page has no readable text (empty, or nested deeper than the parser's 255 levels)")
    return [rec]
