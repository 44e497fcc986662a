"""Fuzz-style check of the structure contract: for every shipped, shared and fixture document, and for many
generated tables in every source format, each table cell's offsets point at its own text, tables and sections
lie inside the text, and sections cover it without gaps."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from evidence_review.ingest import ingest_with_structures

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {
    "shipped": ROOT / "data" / "raw",
    "seeds": Path("/work/shared/seeds/raw"),
    "dev_corpus": Path("/work/shared/dev_corpus/raw"),
    "fixtures": ROOT / "tests" / "fixtures" / "ingest",
    **{f"heldout{n}": ROOT / "tests" / "fixtures" / f"extract_heldout{n}" / "raw" for n in ("", "2", "3", "4")},
}


def check_structure(text: str, structure: dict) -> int:
    """Asserts the contract for one document; returns how many cells were checked."""
    sections = structure["sections"]
    assert sections, "every document has at least one section"
    assert sections[0]["start"] == 0 and sections[-1]["end"] == len(text)
    for a, b in zip(sections, sections[1:]):
        assert a["end"] == b["start"] and a["start"] < a["end"]
    assert all(s["name"] in ("abstract", "background", "methods", "results", "discussion", "other") for s in sections)
    checked = 0
    previous_end = 0
    for table in structure["tables"]:
        assert previous_end <= table["start"] < table["end"] <= len(text)
        previous_end = table["end"]
        assert table["cells"], table["table_id"]
        for cell in table["cells"]:
            assert text[cell["start"]:cell["end"]] == cell["text"], (table["table_id"], cell)
            assert table["start"] <= cell["start"] <= cell["end"] <= table["end"]
            assert " | " not in cell["text"] and "\n" not in cell["text"]
            assert cell["header"] == (cell["row"] < table["header_rows"])
            checked += 1
        width = max(c["col"] for c in table["cells"]) + 1
        rows = max(c["row"] for c in table["cells"]) + 1
        assert len(table["cells"]) == width * rows, "grids are rectangular"
    return checked


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_every_document_of_every_corpus(name):
    folder = CORPORA[name]
    if not folder.exists():
        pytest.skip(f"{folder} not present")
    documents, texts, structures = ingest_with_structures([folder])
    assert set(structures) == set(texts)
    for doc_id, text in texts.items():
        check_structure(text, structures[doc_id])
    counts = dict(zip(documents["doc_id"], documents["n_tables"]))
    assert all(counts[d] == len(s["tables"]) for d, s in structures.items())


CELL_CHOICES = ["12 (40.0)", "0.52", "−1.3 ± 0.4", "4.1 (2.0–6.3)", "", "n/a", "<0.001", "Rituximab (n = 40)",
                "x|y", "a  b", "élevé 3·5", "NR", "45/100 (45%)", "HR 0.4", "—", "1,234", "Grade ≥3"]


def _random_grid(rng: random.Random) -> list[list[str]]:
    width, height = rng.randint(2, 5), rng.randint(2, 6)
    header = [f"Column {c}" for c in range(width)]
    rows = [[f"Row label {r}"] + [rng.choice(CELL_CHOICES) for _ in range(width - 1)] for r in range(height)]
    return [header] + rows


def _as_markdown(rows):
    lines = ["| " + " | ".join(c.replace("|", "\\|") for c in rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return "\n".join(lines + ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows[1:]])


def _as_html(rows, rng):
    head = "".join(f"<th>{c}</th>" for c in rows[0])
    body = []
    for r in rows[1:]:
        cells = [f'<td colspan="{rng.choice([1, 1, 2])}">{c}</td>' if i else f"<th>{c}</th>" for i, c in enumerate(r)]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<html><head><title>Generated trial page</title></head><body><h1>Generated trial page</h1><h2>Results</h2>"
            f"<p>The outcomes are shown below for both arms of this generated randomised trial.</p>"
            f"<table><caption>Table 1. Generated</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table><h2>Discussion</h2><p>Nothing else to say about it.</p></body></html>")


def _as_jats(rows, rng):
    head = "".join(f"<th>{c.replace('&', '&amp;').replace('<', '&lt;')}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f'<td rowspan="{rng.choice([1, 1, 2])}">{c.replace("&", "&amp;").replace("<", "&lt;")}</td>'
                                    for c in r) + "</tr>" for r in rows[1:])
    return ('<?xml version="1.0"?>\n<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2//EN" '
            '"JATS-journalpublishing1.dtd">\n<article><front><article-meta><title-group><article-title>Generated'
            '</article-title></title-group></article-meta></front><body><sec sec-type="results"><title>Results</title>'
            f'<p>See the table.</p><table-wrap><label>Table 1</label><caption><title>Generated</title></caption>'
            f'<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
            '<table-wrap-foot><fn><p><sup>a</sup>Footnote.</p></fn></table-wrap-foot></table-wrap></sec></body></article>')


def _as_aligned(rows):
    widths = [max(len(r[c]) for r in rows) + 3 for c in range(len(rows[0]))]
    return "\n".join("".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def test_generated_tables_in_every_format(tmp_path):
    rng = random.Random(20261204)
    checked = 0
    tables_written = 0
    for i in range(12):
        rows = _random_grid(rng)
        (tmp_path / f"g{i:02d}.md").write_text(f"# Generated {i}\n\n## Results\n\nTable 1. Generated\n\n"
                                               f"{_as_markdown(rows)}\n\nEnd of the page.\n", encoding="utf-8")
        (tmp_path / f"g{i:02d}.html").write_text(_as_html(rows, rng), encoding="utf-8")
        (tmp_path / f"g{i:02d}.nxml").write_text(_as_jats(rows, rng), encoding="utf-8")
        (tmp_path / f"g{i:02d}.txt").write_text(f"Generated trial {i}\n\nResults\nTable 2. Aligned\n"
                                                f"{_as_aligned(rows)}\n\nThe end.\n", encoding="utf-8")
        tables_written += 4
    documents, texts, structures = ingest_with_structures([tmp_path])
    assert (documents["status"] == "ok").all(), documents[documents["status"] != "ok"][["source_file", "reason"]]
    for doc_id, text in texts.items():
        checked += check_structure(text, structures[doc_id])
    found = sum(len(s["tables"]) for s in structures.values())
    # Markup and markdown tables are always found; an aligned text table is found unless its random cells
    # hold no value at all (then it is prose-like by design).
    assert found >= 3 * 12 and checked > 500
    by_ext = {}
    for row in documents.itertuples():
        by_ext.setdefault(row.source_file.rsplit(".", 1)[1], []).append(len(structures[row.doc_id]["tables"]))
    assert by_ext["md"] == [1] * 12 and by_ext["html"] == [1] * 12 and by_ext["nxml"] == [1] * 12


def test_hostile_corpus_keeps_the_structure_contract(tmp_path):
    from hostile_corpus import write_hostile_corpus

    corpus = write_hostile_corpus(tmp_path)
    documents, texts, structures = ingest_with_structures([corpus.raw])
    assert len(documents) > 20 and set(structures) == set(texts)
    for doc_id, text in texts.items():
        check_structure(text, structures[doc_id])
        assert "\ue000" not in text and "\ue001" not in text
