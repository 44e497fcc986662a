"""The report's Jinja2 environment: autoescape on, one partial per section under `templates/report/`.

Templates receive plain data (dicts, lists, the dataclasses of `report.html`) and write all markup; every
string is escaped on output (markupsafe), after `html.text` has dropped missing values and control characters.
Only what a template renders, or `markupsafe.Markup` made from it, is trusted.

The one exception is the markup of prose pieces (`pieces_html`, `piece_html`, `td_html`, globals of every
template): a report of 10,000 documents writes a million of them, and a Jinja macro call per piece cost most of
the report's time. They escape exactly as a template does (`_out`: markup as is, anything else cleaned by
`html.text`, then escaped).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from . import html

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates" / "report"


def _finalize(value):
    """What `{{ value }}` prints: markup as is, anything else as cleaned text (escaped afterwards)."""
    if isinstance(value, Markup):
        return value
    return html.text(value)


def _is_pieces(value) -> bool:
    return isinstance(value, (list, tuple))


_NEEDS_ESCAPE = re.compile(r"[&<>\"']")


def _out(value) -> str:
    """What `{{ value }}` writes in a template: `_finalize`, then autoescape (markupsafe's entities; a string with
    nothing to escape is written as it is, without making a Markup of it)."""
    if type(value) is str and value.isprintable():
        out = value  # `html.text`'s common case without its call: a page of 10,000 documents writes a million
    elif isinstance(value, Markup):
        return value
    else:
        out = html.text(value)
    return escape(out) if _NEEDS_ESCAPE.search(out) else out


def _write_pieces(items, out: list) -> None:
    if isinstance(items, str):
        out.append(_out(items))
    elif isinstance(items, (list, tuple)):
        for p in items:
            if isinstance(p, str):
                out.append(_out(p))
            else:
                _write_piece(p, out)
    else:
        _write_piece(items, out)


def _write_piece(p, out: list) -> None:
    if isinstance(p, html.Num):
        out.append(f'<a class="num" data-cell="{_out(p.cell)}" data-field="{_out(p.field)}" '
                   f'data-value="{_out(p.value)}" href="{_out(p.href)}">{_out(p.shown)}</a>')
    elif isinstance(p, html.EstimateNum):
        out.append(f'<span class="num" data-estimate="{_out(p.estimate_id)}" data-field="{_out(p.field)}" '
                   f'data-value="{_out(p.value)}">{_out(p.shown)}</span>')
    elif isinstance(p, html.Link):
        out.append("<a" + (f' class="{_out(p.css)}"' if p.css else "") + f' href="{_out(p.href)}"'
                   + (f' title="{_out(p.title)}"' if p.title else "") + ">")
        _write_pieces(p.label, out)
        out.append("</a>")
    elif isinstance(p, html.Span):
        out.append(f'<span class="{_out(p.css)}"' + (f' title="{_out(p.title)}"' if p.title else "") + ">")
        _write_pieces(p.content, out)
        out.append("</span>")
    elif isinstance(p, html.Break):
        out.append("<br>")
    elif isinstance(p, html.Mark):
        out.append(f'<mark class="hl-{_out(p.kind)}">{_out(p.text)}</mark>')
    elif isinstance(p, (list, tuple)):
        _write_pieces(p, out)
    else:
        out.append(_out(p))


def pieces_html(items) -> Markup:
    """Prose pieces as markup: str (text), Num, EstimateNum, Link, Span, Break, Mark, or a list of pieces."""
    out: list = []
    _write_pieces(items, out)
    return Markup("".join(out))


def piece_html(p) -> Markup:
    out: list = []
    _write_piece(p, out)
    return Markup("".join(out))


def td_html(c) -> Markup:
    """One table cell: a `Td` with its class and title, else a plain cell of pieces."""
    if isinstance(c, html.Td):
        out = ["<td" + (f' class="{_out(c.css)}"' if c.css else "") + (f' title="{_out(c.title)}"' if c.title else "")
               + ">"]
        _write_pieces(c.content, out)
    else:
        out = ["<td>"]
        _write_pieces(c, out)
    out.append("</td>")
    return Markup("".join(out))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.tests.update({
        "num": lambda v: isinstance(v, html.Num),
        "estimate_num": lambda v: isinstance(v, html.EstimateNum),
        "link": lambda v: isinstance(v, html.Link),
        "mark": lambda v: isinstance(v, html.Mark),
        "span": lambda v: isinstance(v, html.Span),
        "break": lambda v: isinstance(v, html.Break),
        "td": lambda v: isinstance(v, html.Td),
        "table": lambda v: isinstance(v, html.Table),
        "pieces": _is_pieces,
    })
    env.filters["css_word"] = lambda v: html.text(v).replace(" ", "-")
    env.globals.update(pieces_html=pieces_html, piece_html=piece_html, td_html=td_html)
    return env


def render_section(name: str, data) -> Markup:
    """`templates/report/sections/<name>.html.j2` rendered with `data` (a dict of the section's data)."""
    out = environment().get_template(f"sections/{name}.html.j2").render(data=data)
    return Markup(out.strip() + "\n")


def render_template(name: str, **context) -> str:
    return environment().get_template(name).render(**context)


def render_macro(template: str, macro: str, *args) -> Markup:
    """One macro of a template, e.g. ("_findings.html.j2", "finding", a_finding): for pieces of a page."""
    return Markup(getattr(environment().get_template(template).module, macro)(*args))
