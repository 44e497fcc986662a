"""The report's page policy, checked on each finished page before it is written.

A report page may link only within itself or to the report's other pages (`linkable`), embed images only as
data: URIs, carry no event-handler attribute, load nothing from anywhere (no external script, stylesheet,
frame, object, base or refresh), and run only inline scripts whose SHA-256 its Content-Security-Policy names.
Templates escape every input string, so a violation means a template or a section let markup through: the
render stops with `ReportPolicyError` naming each problem instead of writing the page.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import lxml.etree

FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "form", "portal",
                  "audio", "video", "source", "track"}
URL_ATTRIBUTES = {"href", "xlink:href", "src", "srcset", "poster", "background", "action", "formaction", "ping",
                  "data", "codebase", "cite", "longdesc", "manifest", "lowsrc", "dynsrc"}
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.I)
_CSP_SCRIPT = re.compile(r"script-src\s+([^;]*)")


class ReportPolicyError(ValueError):
    """A report page broke the page policy; the message lists every problem."""


def script_hash(source: str) -> str:
    """The CSP source expression allowing one inline script ('sha256-…')."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def _csp(root) -> str:
    for meta in root.iter("meta"):
        if meta.get("http-equiv", "").lower() == "content-security-policy":
            return meta.get("content", "")
    return ""


def _link_problem(href: str, linkable: Collection[str]) -> str | None:
    if href.startswith("#"):
        return None
    page, _, _ = href.partition("#")
    if page in linkable and "/" not in page and ":" not in page:
        return None
    return f"link leaves the report: {href[:80]!r}"


@dataclass(frozen=True)
class PageFacts:
    """What one parse of a page found: its policy problems, its element ids, and its links to other pages."""
    problems: tuple[str, ...]
    ids: frozenset[str]
    links: tuple[str, ...]  # href values 'page.html#anchor' of <a> elements that lead to another page


#: Tags checked even without attributes (a script's or style's text, a tag not allowed at all).
_TAGS_CHECKED_BARE = FORBIDDEN_TAGS | {"script", "style"}


def _parse(page: str):
    """The page's element tree from lxml's HTML parser (what `lxml.html.document_fromstring` parses), with lxml's
    plain elements: lxml.html's element classes cost a Python lookup per element, and a side page of 10,000
    documents has hundreds of thousands. The page goes in as UTF-8 bytes: libxml2 reads those directly, while a
    str was converted first, which took longer than the parse itself."""
    root = lxml.etree.fromstring(page.encode("utf-8"), _HTML_PARSER) if page.strip() else None
    if root is None:
        raise lxml.etree.ParserError("Document is empty")
    return root


_HTML_PARSER = lxml.etree.HTMLParser(encoding="utf-8")


def inspect_page(page: str, linkable: Collection[str] = ()) -> PageFacts:
    """Parse `page` once: every policy violation, the ids its elements carry, and its links to other pages."""
    root = _parse(page)
    problems = []
    csp = _csp(root)
    if "default-src 'none'" not in csp:
        problems.append("no Content-Security-Policy with default-src 'none'")
    allowed_scripts = set((_CSP_SCRIPT.search(csp).group(1).split()) if _CSP_SCRIPT.search(csp) else ())
    ids = set()
    targets = []
    links = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        tag = element.tag.lower()
        attributes = element.attrib
        if not attributes and tag not in _TAGS_CHECKED_BARE:
            continue  # most elements of a large page (cells, rows, items): nothing to check
        element_id = attributes.get("id")
        if element_id is not None:
            ids.add(element_id)
        if tag in FORBIDDEN_TAGS:
            problems.append(f"<{tag}> is not allowed in a report page")
        if tag == "meta" and element.get("http-equiv", "").lower() == "refresh":
            problems.append("<meta http-equiv=refresh> is not allowed")
        if tag == "script":
            if element.get("src") is not None:
                problems.append(f"external script: {element.get('src')[:80]!r}")
            elif script_hash(element.text or "") not in allowed_scripts:
                problems.append("inline script not allowed by the page's Content-Security-Policy")
        if tag == "style" and element.text:
            problems.extend(_css_problems(element.text))
        for name, value in attributes.items():
            name = name.lower()
            if name.startswith("on"):
                problems.append(f"event handler attribute {name!r} on <{tag}>")
            elif name == "style":
                problems.extend(_css_problems(value))
            elif name in ("href", "xlink:href"):
                problem = _link_problem(value.strip(), linkable)
                if problem:
                    problems.append(problem)
                else:
                    targets.append(value.strip())
                    if tag == "a" and not value.strip().startswith("#"):
                        links.append(value.strip())
            elif name == "src" and tag == "img":
                if not value.strip().startswith("data:image/"):
                    problems.append(f"image not embedded as a data: URI: {value[:80]!r}")
            elif name in URL_ATTRIBUTES:
                problems.append(f"attribute {name!r} on <{tag}> would load or submit to a URL")
    problems.extend(f"in-page link to a missing target: {t[:80]!r}" for t in targets
                    if t.startswith("#") and len(t) > 1 and t[1:] not in ids)
    return PageFacts(tuple(problems), frozenset(ids), tuple(links))


def page_problems(page: str, linkable: Collection[str] = ()) -> list[str]:
    """Every policy violation of one page (empty when the page is fine)."""
    return list(inspect_page(page, linkable).problems)


def _css_problems(css: str) -> list[str]:
    problems = []
    if "@import" in css.lower():
        problems.append("CSS @import is not allowed")
    problems.extend(f"CSS url() outside the page: {url[:80]!r}" for url in _CSS_URL.findall(css)
                    if not url.startswith(("data:", "#")))
    return problems


def check_page(page: str, name: str, linkable: Collection[str] = ()) -> PageFacts:
    """Raise ReportPolicyError listing every violation of `page` (called for each page before it is written);
    returns what the check found, for `check_links_between`."""
    facts = inspect_page(page, linkable)
    problems = facts.problems
    if problems:
        shown = "; ".join(problems[:10]) + (f"; and {len(problems) - 10} more" if len(problems) > 10 else "")
        raise ReportPolicyError(f"{name} breaks the report's page policy ({len(problems)} problem(s)): {shown}")
    return facts


def page_ids(page: str) -> set[str]:
    root = _parse(page)
    return {e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id") is not None}


# In a page the report wrote and `check_page` passed, `id="` and `href="` occur only as attributes: templates
# escape every quote of text and attribute values (&#34;), and the page's CSS and script hold neither.
_WRITTEN_ID = re.compile(r'\sid="([^"]*)"')
_WRITTEN_LINK = re.compile(r'<a\s[^>]*?href="([^"#][^"]*)"')


def written_page_facts(page: str) -> PageFacts:
    """The ids and links of a page the report already checked and wrote (a side page read back by the render
    step), found without parsing it again."""
    return PageFacts((), frozenset(html.unescape(i) for i in _WRITTEN_ID.findall(page)),
                     tuple(html.unescape(h) for h in _WRITTEN_LINK.findall(page)))


def check_links_between(pages: Mapping[str, str | PageFacts]) -> None:
    """Every link from one page to another (`other.html#id`) lands on an element of that page (`pages`: each
    page's HTML, or what `check_page` found in it)."""
    facts = {name: page if isinstance(page, PageFacts) else inspect_page(page, pages)
             for name, page in pages.items()}
    problems = []
    for name, found in facts.items():
        for href in found.links:
            page, _, anchor = href.partition("#")
            if page and page in facts and anchor and anchor not in facts[page].ids:
                problems.append(f"{name} links to {href[:80]!r}, which is not there")
    if problems:
        raise ReportPolicyError(f"{len(problems)} broken link(s) between the report's pages: "
                                + "; ".join(problems[:10]))
