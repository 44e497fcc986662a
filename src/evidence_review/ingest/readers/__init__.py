"""One reader per input format: each turns decoded text into a list of `Record`s (one per document).

A reader raises `ReaderError(reason)` when the file as a whole cannot be used; a single bad record inside a
good file becomes a `Record` with `skip_reason` set, so the other records still count.
"""
from __future__ import annotations

from .json_records import read_json
from .text import read_text


def _lazy(module: str, name: str):
    def reader(text: str):
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{module}"), name)(text)

    return reader


READERS = {
    "json": read_json,
    "text": read_text,
    "medline": _lazy("medline", "read_medline"),
    "ris": _lazy("ris", "read_ris"),
    "refworks": _lazy("refworks", "read_refworks"),
    "pubmed-xml": _lazy("xml_records", "read_pubmed_xml"),
    "xml": _lazy("xml_records", "read_xml"),
    "markdown": _lazy("markdown", "read_markdown"),
    "html": _lazy("html", "read_html"),
    "csv": _lazy("tabular", "read_csv_text"),
    "tsv": _lazy("tabular", "read_tsv_text"),
}
