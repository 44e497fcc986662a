"""HTML pages saved from a browser (publisher, PubMed, PMC, news): bibliographic `<meta>` tags
(Highwire `citation_*`, Dublin Core, Open Graph) for the fields, trafilatura for the main text.

trafilatura's `extract()` is only ever given the page string (never a URL: nothing is fetched). When it keeps
much less than the page's visible text (it can drop structured abstracts), BeautifulSoup's text of the page
without script/style/nav/header/footer/aside is used instead; boilerplate lines are removed later either way.
"""
from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from ..markup import mark_superscripts
from ..records import ReaderError, Record
from ..language import pick_english_title

#: trafilatura's text is used unless it is shorter than this share of the page's visible text.
MIN_EXTRACT_SHARE = 0.5

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg",
              "iframe", "template")
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "dd", "dt",
               "blockquote", "table", "ul", "ol")


def _meta(soup: BeautifulSoup, *names: str) -> list[str]:
    out = []
    for name in names:
        for tag in soup.find_all("meta", attrs={"name": name}) + soup.find_all("meta", attrs={"property": name}):
            content = (tag.get("content") or "").strip()
            if content and content not in out:
                out.append(content)
    return out


def _visible_text(soup: BeautifulSoup) -> str:
    body = soup.body or soup
    for tag in body.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in body.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return body.get_text("")


def _main_text(html: str, visible: str) -> str:
    try:
        import trafilatura

        extracted = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=True,
                                        favor_recall=True, deduplicate=False, with_metadata=False) or ""
    except Exception:  # noqa: BLE001 - trafilatura failing on odd markup is not fatal: fall back below
        extracted = ""
    visible_len = len(" ".join(visible.split()))
    if extracted and len(" ".join(extracted.split())) >= MIN_EXTRACT_SHARE * visible_len:
        return extracted
    return visible


def read_html(text: str) -> list[Record]:
    text = mark_superscripts(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(text, "lxml")
    rec = Record(record=0)
    titles = _meta(soup, "citation_title", "dc.title", "DC.title", "og:title", "twitter:title")
    if soup.title and soup.title.get_text(strip=True):
        titles.append(soup.title.get_text(" ", strip=True))
    rec.title, rec.title_original = pick_english_title(titles)
    rec.doi = next(iter(_meta(soup, "citation_doi", "dc.identifier", "DC.identifier", "prism.doi", "doi")), "")
    if rec.doi and "10." not in rec.doi:
        rec.doi = ""
    rec.pmid = next(iter(_meta(soup, "citation_pmid", "ncbi_uid")), "")
    rec.journal = next(iter(_meta(soup, "citation_journal_title", "prism.publicationName", "og:site_name")), "")
    rec.year = next(iter(_meta(soup, "citation_publication_date", "citation_date", "citation_year", "dc.date",
                               "DC.date", "article:published_time", "citation_online_date")), "")
    rec.authors = "; ".join(_meta(soup, "citation_author", "dc.creator", "DC.creator"))
    rec.language = next(iter(_meta(soup, "citation_language", "dc.language")), "") or (
        (soup.html.get("lang") or "") if soup.html else "")
    kinds = _meta(soup, "citation_article_type", "og:type", "dc.type")
    rec.publication_types = [k for k in kinds if k.lower() not in ("article", "website", "text")]
    abstract_meta = next(iter(_meta(soup, "citation_abstract", "dc.description")), "")
    visible = _visible_text(soup)
    main = _main_text(text, visible)
    if abstract_meta and len(abstract_meta) > 200 and abstract_meta[:80] not in " ".join(main.split()):
        main = abstract_meta + "\n\n" + main
    rec.body = "\n\n".join(p for p in (rec.title, main) if p)
    if not rec.body.strip():
        raise ReaderError("HTML page has no text")
    return [rec]
