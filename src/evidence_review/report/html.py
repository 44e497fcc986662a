"""HTML fragments built with escaping by construction.

Every piece of text that reaches the report passes through `esc` (html.escape with quotes) unless it is
already an `Html` value produced by this module. Input documents are hostile by assumption: a title such as
`<script>…</script>` or an evidence sentence holding `<img onerror=…>` must arrive in the browser as text.
Attribute names come from code only; link targets are restricted to in-page anchors and images to
data: URIs, so no fragment can make the page fetch anything.
"""
from __future__ import annotations

import hashlib
import html
import math
import re
from collections.abc import Iterable

# C0/C1 control characters other than tab and newlines: invisible, and some are invalid in HTML.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_VOID = {"br", "hr", "img", "meta", "col", "wbr"}
_ATTR_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_TAG_NAME = re.compile(r"^[a-z][a-z0-9]*$")


class Html(str):
    """Markup that is already safe (built here); everything else is text and gets escaped."""

    __slots__ = ()

    def __add__(self, other):  # keep the marker when concatenating trusted pieces
        return Html(str.__add__(self, esc(other)))


def text(value) -> str:
    """Plain text for a table cell: missing values (None, NaN, pd.NA) become ''."""
    if value is None:
        return ""
    try:
        if value != value:  # NaN, and pd.NA raises below
            return ""
    except (TypeError, ValueError):
        return ""
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "−∞"
    out = str(value)
    if _CONTROL.search(out):
        out = _CONTROL.sub("\ufffd", out)
    # Lone surrogates (from bytes decoded with surrogateescape) cannot be written as UTF-8.
    return out.encode("utf-8", "replace").decode("utf-8") if not out.isascii() else out


def esc(value) -> Html:
    if isinstance(value, Html):
        return value
    return Html(html.escape(text(value), quote=True))


def join(parts: Iterable, sep="") -> Html:
    return Html(esc(sep).join(esc(p) for p in parts))


def _attr_value(name: str, value) -> str:
    value = text(value)
    if name == "href" and not value.startswith("#"):
        raise ValueError(f"only in-page links are allowed in the report, got {value[:40]!r}")
    if name == "src" and not value.startswith("data:image/"):
        raise ValueError("images must be embedded as data: URIs")
    return html.escape(value, quote=True)


def el(tag: str, *children, **attrs) -> Html:
    """<tag attrs>children</tag>; `class_` -> class, `data_value` -> data-value; None/False attrs are left out."""
    if not _TAG_NAME.match(tag) or tag in {"script", "style", "iframe", "object", "embed", "link", "base"}:
        raise ValueError(f"tag not allowed in report fragments: {tag!r}")
    parts = []
    for key in sorted(attrs):  # sorted: attribute order never depends on call order
        value = attrs[key]
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        if not _ATTR_NAME.match(name) or name.startswith("on"):
            raise ValueError(f"attribute not allowed: {name!r}")
        parts.append(name if value is True else f'{name}="{_attr_value(name, value)}"')
    open_tag = "<" + tag + ("" if not parts else " " + " ".join(parts)) + ">"
    if tag in _VOID:
        return Html(open_tag)
    return Html(open_tag + "".join(esc(c) for c in _flatten(children)) + f"</{tag}>")


def _flatten(children):
    for child in children:
        if isinstance(child, (list, tuple)) or (hasattr(child, "__iter__") and not isinstance(child, str)):
            yield from _flatten(child)
        elif child is not None:
            yield child


def table(header: list, rows: Iterable[list], class_: str = "data", caption=None) -> Html:
    head = el("thead", el("tr", [el("th", h, scope="col") for h in header]))
    body = el("tbody", [el("tr", [c if isinstance(c, Html) and c.startswith("<td") else el("td", c) for c in row])
                        for row in rows])
    return el("table", el("caption", caption) if caption else None, head, body, class_=class_)


def anchor_id(prefix: str, key) -> str:
    """A safe, stable element id for a table key (ids come from input tables and may hold any character)."""
    raw = text(key)
    clean = re.sub(r"[^A-Za-z0-9_.-]", "_", raw)[:80]
    if clean != raw:  # keep distinct keys distinct after cleaning
        clean += "-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{clean}"


def estimate_anchor(estimate_id) -> str:
    return anchor_id("est", estimate_id)


def document_anchor(doc_id) -> str:
    return anchor_id("doc", doc_id)


def cell_anchor(cell_id) -> str:
    return anchor_id("cell", cell_id)
