"""Markup inside text fields: `<p>`, `<i>p</i>`, `&lt;`, `&#8722;` -> plain text.

Only known HTML tag names are removed, so "p<0.05" or "HR <1" in plain text survive intact.
Block tags become line breaks; inline tags vanish without adding spaces (`<i>p</i>` -> `p`).
Superscripts directly after a digit become `^` (so `10<sup>9</sup>` reads `10^9`, not `109`).
"""
from __future__ import annotations

import html
import re

_BLOCK = ("p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|dd|dt|dl|title|"
          "abstracttext|sec|para|td|th|jats:(?:p|sec|title|list-item|list)")
_INLINE = "i|b|em|strong|sub|span|a|font|u|small|big|mark|abbr|cite|code|tt|italic|bold|jats:[a-z-]+|mml:[a-z]+"
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK})\b[^<>]{{0,500}}>", re.IGNORECASE)
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE})\b[^<>]{{0,500}}>", re.IGNORECASE)
_SUP_AFTER_DIGIT = re.compile(r"(?<=\d)<sup\b[^<>]{0,200}>", re.IGNORECASE)
_SUP_TAG = re.compile(r"</?sup\b[^<>]{0,200}>", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.{0,10000}?-->", re.DOTALL)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ANY_KNOWN_TAG = re.compile(rf"</?(?:{_BLOCK}|{_INLINE}|sup)\b[^<>]{{0,500}}>", re.IGNORECASE)


def has_markup(text: str) -> bool:
    """True when the text holds known HTML tags or character entities."""
    return bool(_ANY_KNOWN_TAG.search(text) or _ENTITY.search(text))


def _drop_elements(text: str, tag: str) -> str:
    """Remove <tag ...>...</tag> blocks with plain searches (linear even for thousands of unclosed tags)."""
    lower = text.lower()
    if f"<{tag}" not in lower:
        return text
    out, pos = [], 0
    while True:
        start = lower.find(f"<{tag}", pos)
        if start < 0:
            break
        end = lower.find(f"</{tag}", start)
        if end < 0:
            break  # unclosed: leave the rest to the tag stripping below
        close = lower.find(">", end)
        out.append(text[pos:start])
        pos = len(text) if close < 0 else close + 1
    out.append(text[pos:])
    return "".join(out)


def strip_markup(text: str) -> str:
    """Plain text from an HTML fragment (abstract fields, JSON values, MEDLINE/XML leftovers)."""
    if "<" in text:
        text = _COMMENT.sub("", text)
        text = _drop_elements(text, "script")
        text = _drop_elements(text, "style")
        text = _SUP_AFTER_DIGIT.sub("^", text)
        text = _SUP_TAG.sub("", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _INLINE_TAG.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return text


_SUP_OPEN_AFTER_DIGIT = re.compile(r"(?<=\d)(<sup\b[^<>]{0,200}>)", re.IGNORECASE)


def mark_superscripts(document: str) -> str:
    """Put a `^` before a superscript that follows a digit, in an HTML/XML document about to be parsed,
    so text extraction keeps `10^9` instead of gluing it into `109`."""
    return _SUP_OPEN_AFTER_DIGIT.sub(r"^\1", document) if "<sup" in document.lower() else document
