"""The report's Jinja2 environment: autoescape on, one partial per section under `templates/report/`.

Templates receive plain data (dicts, lists, the dataclasses of `report.html`) and write all markup; every
string is escaped on output (markupsafe), after `html.text` has dropped missing values and control characters.
Only what a template renders, or `markupsafe.Markup` made from it, is trusted.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import html

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates" / "report"


def _finalize(value):
    """What `{{ value }}` prints: markup as is, anything else as cleaned text (escaped afterwards)."""
    if isinstance(value, Markup):
        return value
    return html.text(value)


def _is_pieces(value) -> bool:
    return isinstance(value, (list, tuple))


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
