"""JATS / PMC full-text articles (`<article>` with `<front>`, `<body>`, `<back>`; the PMC OA subset's .nxml).

Metadata from `<article-meta>` and `<journal-meta>`: title, authors, journal, year, DOI, PMID, PMCID, and the
article type (a review or news item is typed apart from the study it reports).

Text: the title, each abstract (one "abstract" section, its structured labels kept as lines), the body's
sections (each top-level `<sec>` named from its `sec-type`, else from its title's words; nested sections stay in
their parent's), figure captions, and every `<table-wrap>` as a table grid (label + caption as the caption,
`<table-wrap-foot>` as footnotes; tables printed apart from the body - gathered in `<floats-group>` (NLM 2:
`<floats-wrap>`), or in back matter's "Figures and Tables" section or appendices - come after the body, in a section
of their own). The rest of the back matter (references, acknowledgements, footnotes) is left out. Inline markup (`<xref>`, `<italic>`, `<sup>`, `<sub>`,
`<inline-formula>`) keeps its text in place; a superscript after a digit is written `^` (markup.py).
"""
from __future__ import annotations

from ..markuptables import element_text, footnote_text, grid_from_table, local
from ..records import Record
from ..structure import TableGrid, classify_heading, heading_marker, table_marker

#: sec-type values (PMC's usage, lower case; combined types like "materials|methods" split on "|").
SEC_TYPES = {"intro": "background", "introduction": "background", "background": "background",
             "materials": "methods", "methods": "methods", "subjects": "methods", "cases": "methods",
             "results": "results", "discussion": "discussion", "conclusions": "discussion",
             "conclusion": "discussion", "supplementary-material": "other", "display-objects": "other"}
#: article-type values that say what kind of document this is.
ARTICLE_TYPES = {"review-article": "Review", "systematic-review": "Systematic Review", "news": "News",
                 "meta-analysis": "Meta-Analysis", "case-report": "Case Reports", "editorial": "Editorial",
                 "letter": "Letter", "protocol": "Protocol"}

_BLOCKS = {"p", "title", "list", "list-item", "caption", "fig", "disp-formula", "def-list", "def-item",
           "boxed-text", "disp-quote", "statement", "label", "attrib", "fn", "ack", "app", "glossary"}
_SKIP = {"ref-list", "fn-group", "ack", "table-wrap-foot", "object-id", "graphic", "media", "permissions",
         "tex-math", "counts", "funding-group", "kwd-group", "supplementary-material"}


def is_jats(root) -> bool:
    return local(root.tag) == "article" and any(local(c.tag) in ("front", "body") for c in root)


def section_name(sec) -> str:
    for part in (sec.get("sec-type") or "").lower().replace(" ", "").split("|"):
        if part in SEC_TYPES:
            return SEC_TYPES[part]
    title = next((c for c in sec if local(c.tag) == "title"), None)
    return classify_heading(element_text(title)) if title is not None else ""


class _Writer:
    """Lines of the document body, with marker lines and the tables' grids."""

    def __init__(self):
        self.lines: list[str] = []
        self.buffer: list[str] = []
        self.tables: list[TableGrid] = []

    def text(self, value: str | None) -> None:
        if value:
            self.buffer.append(value)

    def flush(self) -> None:
        line = " ".join("".join(self.buffer).split())
        if line:
            self.lines.append(line)
        self.buffer = []

    def citation(self, label: str) -> None:
        """A reference citation in brackets, set off from a number it follows ("0.2<sup>15</sup>" must not read
        "0.2^15" or "0.215")."""
        if not label:
            return
        while self.buffer and self.buffer[-1].endswith("^"):
            self.buffer[-1] = self.buffer[-1][:-1]
        numeric = all(ch.isdigit() or ch in ",–-− " for ch in label)
        previous = "".join(self.buffer[-1:])
        if numeric and not previous.endswith("["):
            self.buffer.append(f"{'' if previous.endswith((' ', ',')) else ' '}[{label}]")
        else:
            self.buffer.append(label)

    def line(self, value: str) -> None:
        self.flush()
        self.lines.append(value)

    def table(self, wrap) -> None:
        self.flush()
        label = next((element_text(c) for c in wrap if local(c.tag) == "label"), "")
        caption_el = next((c for c in wrap if local(c.tag) == "caption"), None)
        caption = element_text(caption_el) if caption_el is not None else ""
        if label and caption and not caption.startswith(label):
            caption = f"{label.rstrip('.')}. {caption}"
        caption = caption or label
        notes = [footnote_text(n) for foot in wrap if local(foot.tag) == "table-wrap-foot"
                 for n in (list(foot) or [foot])]
        tables = [t for t in wrap.iter() if local(t.tag) == "table"]
        for n, table in enumerate(tables[:1] or []):
            grid = grid_from_table(table)
            if grid is None:
                continue
            grid.caption = caption if n == 0 else ""
            grid.footnotes = [x for x in notes if x]
            self.lines.extend(["", table_marker(len(self.tables)), ""])
            self.tables.append(grid)
        if not tables and caption:
            self.lines.append(caption)


def _walk(el, out: _Writer, depth: int = 0) -> None:
    name = local(el.tag)
    if name in _SKIP:
        return
    if name == "table-wrap":
        out.table(el)
        return
    if name == "sec":
        out.flush()
        if depth == 0:
            section = section_name(el)
            if section:
                out.lines.extend(["", heading_marker(section)])
        label = next((element_text(c) for c in el if local(c.tag) == "label"), "")
        for child in el:
            child_name = local(child.tag)
            if child_name == "label":
                continue
            if child_name == "title":
                title = element_text(child)
                out.line(f"{label} {title}".strip() if title else label)
            else:
                _walk(child, out, depth + 1)
            out.text(child.tail)
        out.flush()
        return
    if name == "xref" and (el.get("ref-type") or "") == "bibr":
        out.citation(element_text(el))
        return
    block = name in _BLOCKS
    if block:
        out.flush()
    out.text(el.text)
    for child in el:
        _walk(child, out, depth)
        out.text(child.tail)
    if block:
        out.flush()


def _year(meta) -> str:
    dates = [d for d in meta.iter() if local(d.tag) == "pub-date"]
    order = ("epub", "ppub", "pub", "collection", "")

    def rank(d):
        kind = (d.get("pub-type") or d.get("date-type") or "").lower()
        return order.index(kind) if kind in order else len(order)

    for date in sorted(dates, key=rank):
        year = next((element_text(c) for c in date if local(c.tag) == "year"), "")
        if year:
            return year
    return ""


def _authors(meta) -> str:
    names = []
    for contrib in meta.iter():
        if local(contrib.tag) != "contrib" or (contrib.get("contrib-type") or "author") != "author":
            continue
        name = next((c for c in contrib.iter() if local(c.tag) in ("name", "string-name")), None)
        if name is not None:
            surname = next((element_text(c) for c in name if local(c.tag) == "surname"), "")
            given = next((element_text(c) for c in name if local(c.tag) == "given-names"), "")
            names.append(f"{surname}, {given}".strip(", ") if surname else element_text(name))
        else:
            collab = next((element_text(c) for c in contrib.iter() if local(c.tag) == "collab"), "")
            if collab:
                names.append(collab)
    return "; ".join(n for n in names if n)


def read_jats(root, note: str = "") -> list[Record]:
    rec = Record(record=0, note=note, explicit_sections=True)
    front = next((c for c in root if local(c.tag) == "front"), None)
    meta = next((c for c in front.iter() if local(c.tag) == "article-meta"), None) if front is not None else None
    journal_meta = next((c for c in front.iter() if local(c.tag) == "journal-meta"), None) if front is not None else None
    out = _Writer()
    if meta is not None:
        title = next((c for c in meta.iter() if local(c.tag) == "article-title"), None)
        rec.title = element_text(title) if title is not None else ""
        rec.authors = _authors(meta)
        rec.year = _year(meta)
        for aid in meta:
            if local(aid.tag) != "article-id":
                continue
            kind, value = (aid.get("pub-id-type") or "").lower(), element_text(aid)
            if kind == "doi":
                rec.doi = rec.doi or value
            elif kind == "pmid":
                rec.pmid = rec.pmid or value
            elif kind in ("pmc", "pmcid") and value:
                rec.pmcid = rec.pmcid or (value if value.upper().startswith("PMC") else f"PMC{value}")
        if rec.title:
            out.line(rec.title)
        for abstract in (a for a in meta if local(a.tag) == "abstract"):
            if (abstract.get("abstract-type") or "").lower() in ("graphical", "teaser", "toc"):
                continue
            out.lines.extend(["", heading_marker("abstract")])
            if not any(local(c.tag) == "title" for c in abstract):
                out.line("Abstract")
            _walk_abstract(abstract, out)
    if journal_meta is not None:
        jt = next((c for c in journal_meta.iter() if local(c.tag) == "journal-title"), None)
        rec.journal = element_text(jt) if jt is not None else ""
    kind = (root.get("article-type") or "").lower()
    if kind in ARTICLE_TYPES:
        rec.publication_types = [ARTICLE_TYPES[kind]]
    for part in root:
        if local(part.tag) == "body" and len(part) and local(part[0].tag) != "sec":
            # Text before the body's first section is its introduction; a body without sections is unnamed.
            has_sections = any(local(c.tag) == "sec" for c in part)
            out.lines.extend(["", heading_marker("background" if has_sections else "other")])
        if local(part.tag) in ("body", "floats-group", "floats-wrap"):
            # a floats group (NLM 2: `floats-wrap`) holds the tables and figures printed apart from the body
            out.flush()
            for child in part:
                _walk(child, out, 0)
                out.text(child.tail)
            out.flush()
        elif local(part.tag) == "back":
            # back matter's "Figures and Tables" section (`sec-type="display-objects"`) or an appendix may hold tables:
            # those are read, in a section of their own; the references and notes around them stay out
            wraps = [w for w in part.iter() if local(w.tag) == "table-wrap"]
            if wraps:
                out.flush()
                out.lines.extend(["", heading_marker("other")])
                for wrap in wraps:
                    out.table(wrap)
                out.flush()
    out.flush()
    rec.body = "\n".join(out.lines)
    rec.tables = out.tables
    return [rec]


def _walk_abstract(abstract, out: _Writer) -> None:
    """An abstract's content: its sections' titles and paragraphs as lines, no section markers (one section)."""
    for child in abstract:
        if local(child.tag) == "sec":
            for part in child:
                if local(part.tag) == "title":
                    out.line(element_text(part))
                else:
                    _walk(part, out, 1)
                    out.text(part.tail)
            out.flush()
        else:
            _walk(child, out, 1)
            out.text(child.tail)
    out.flush()
