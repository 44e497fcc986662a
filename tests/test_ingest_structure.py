"""Document structure from ingestion: sections and tables as spans of the normalized text.

One real-shaped document per table source (HTML with rowspan/colspan, pipe/markdown, whitespace-aligned,
tab-separated, rows pasted from a PDF with the columns run together), each grid asserted cell by cell, plus
sections from headings and structured-abstract labels, the texts.jsonl contract and byte-identical reruns.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_review.ingest import (ingest_paths, ingest_with_structures, load_ingest, load_ingest_with_structures,
                                    load_structures, save_ingest)
from evidence_review.ingest.structure import build_sections, classify_heading, finalize, find_headings
from evidence_review.ingest.texttables import extract_text_tables, split_row

TABLES = Path(__file__).parent / "fixtures" / "ingest" / "tables"


@pytest.fixture(scope="module")
def ingested():
    documents, texts, structures = ingest_with_structures([TABLES])
    by_file = {row.source_file: row.doc_id for row in documents.itertuples()}
    return documents, texts, structures, by_file


def grid(table: dict) -> list[list[str]]:
    rows: dict[int, dict[int, str]] = {}
    for cell in table["cells"]:
        rows.setdefault(cell["row"], {})[cell["col"]] = cell["text"]
    return [[cols[c] for c in sorted(cols)] for _, cols in sorted(rows.items())]


def only_table(ingested, name: str) -> tuple[str, dict]:
    _, texts, structures, by_file = ingested
    doc_id = by_file[name]
    tables = structures[doc_id]["tables"]
    assert len(tables) == 1, tables
    return texts[doc_id], tables[0]


def assert_offsets(text: str, table: dict) -> None:
    for cell in table["cells"]:
        assert text[cell["start"]:cell["end"]] == cell["text"], cell
    assert table["start"] <= min(c["start"] for c in table["cells"])
    assert table["end"] >= max(c["end"] for c in table["cells"])
    if table["caption"]:
        assert text[table["start"]:table["start"] + len(table["caption"])] == table["caption"]


def test_html_table_with_rowspan_and_colspan(ingested):
    text, table = only_table(ingested, "html_rowspan_colspan.html")
    assert table["caption"] == "Table 1. Baseline characteristics and outcomes"
    assert table["header_rows"] == 2
    assert grid(table) == [
        ["Characteristic", "Drug X (n = 60)", "Drug X (n = 60)", "Placebo (n = 60)", "Placebo (n = 60)"],
        ["Characteristic", "n", "%", "n", "%"],
        ["Women", "38", "63.3", "40", "66.7"],
        ["Antibody", "55", "91.7", "54", "90.0"],
        ["Antibody", "5", "8.3", "6", "10.0"],
        ["MG-ADL responders", "41", "68.3", "23", "38.3"],
    ]
    assert [c["header"] for c in table["cells"] if c["col"] == 0] == [True, True, False, False, False, False]
    assert_offsets(text, table)
    # the tfoot note follows the rows inside the table's span; the caption is not repeated in the page text
    assert text[table["start"]:table["end"]].endswith("MG-ADL, Myasthenia Gravis Activities of Daily Living.\n"
                                                      "Data are n and % of the randomised participants.")
    assert text.count("Data are n and %") == 1
    assert text.count("Table 1. Baseline characteristics and outcomes") == 1


def test_pdf_rows_run_together_under_an_arm_header(ingested):
    text, table = only_table(ingested, "pdf_pasted_rows.txt")
    assert table["caption"] == "Table 2. Renal flares and adverse events up to week 104"
    assert table["header_rows"] == 1
    assert grid(table) == [
        ["Outcome", "Placebo (N=224)", "Study drug (N=223)", "P value"],
        ["Patients with a renal flare", "78 (34.8)", "49 (22.0)", "0.003"],
        ["Time to first flare, weeks, mean ± SD", "41.2 ± 20.5", "48.9 ± 22.1", ""],
        ["Adverse events", "", "", ""],
        ["Any adverse event", "213 (95.1)", "207 (92.8)", ""],
        ["Serious infection", "30 (13.4)", "22 (9.9)", "0.25"],
    ]
    assert_offsets(text, table)
    assert text[table["start"]:table["end"]].endswith("Data are n (%) unless stated otherwise.")
    # a table found in plain text is written without outer pipes
    assert "\nPatients with a renal flare | 78 (34.8) | 49 (22.0) | 0.003\n" in text


@pytest.mark.parametrize("row, k, expected", [
    ("Patients with a flare112 (38)107 (19)", 2, ["Patients with a flare", "112 (38)", "107 (19)"]),
    ("Patients with a flare112 (38)107 (19)<0.001", 3, ["Patients with a flare", "112 (38)", "107 (19)", "<0.001"]),
    ("Any adverse event250 (85.0)470 (83.8)", 3, ["Any adverse event", "250 (85.0)", "470 (83.8)", ""]),
    ("HbA1c, %7.2 ± 1.17.4 ± 1.0", 2, ["HbA1c, %", "7.2 ± 1.1", "7.4 ± 1.0"]),
    ("Grade 3 events5 (2.2)4 (1.8)", 2, ["Grade 3 events", "5 (2.2)", "4 (1.8)"]),
    ("Median EDSS4.0 (3.0-5.5)4.0 (2.5-5.0)", 2, ["Median EDSS", "4.0 (3.0-5.5)", "4.0 (2.5-5.0)"]),
    ("ARR0.52 [0.40, 0.61]0.21 [0.15, 0.30]", 2, ["ARR", "0.52 [0.40, 0.61]", "0.21 [0.15, 0.30]"]),
    ("Relapse, n/N (%)12/40 (30.0)20/41 (48.8)", 2, ["Relapse, n/N (%)", "12/40 (30.0)", "20/41 (48.8)"]),
    ("Relapse in most patients", 2, None),
])
def test_run_together_row_split_by_the_cell_grammar(row, k, expected):
    assert split_row(row, k) == expected


def test_markdown_pipe_table_and_headings(ingested):
    documents, texts, structures, by_file = ingested
    doc_id = by_file["pipe_table.md"]
    assert documents.set_index("doc_id").loc[doc_id, "format"] == "markdown"
    text, table = only_table(ingested, "pipe_table.md")
    assert table["caption"] == "Table 2. MG-ADL responders in cycle 1"
    assert table["header_rows"] == 1
    assert grid(table) == [
        ["Population", "FcRn blocker, n/N (%)", "Placebo, n/N (%)", "OR (95% CI)"],
        ["AChR-Ab+", "44/65 (67.7)", "19/64 (29.7)", "4.95 (2.21-11.53)"],
        ["All randomised", "57/84 (67.9)", "31/83 (37.3)", "3.70 (1.85-7.58)"],
        ["AChR-Ab- / seronegative", "13/19 (68.4)", "12/19 (63.2)", "1.26 (0.25-6.38)"],  # escaped \| inside a cell
    ]
    assert_offsets(text, table)
    assert "#" not in text
    assert "\n| All randomised | 57/84 (67.9) | 31/83 (37.3) | 3.70 (1.85-7.58) |\n" in text  # written as it came
    names = [s["name"] for s in structures[doc_id]["sections"]]
    assert names == ["other", "background", "methods", "results", "discussion"]
    results = next(s for s in structures[doc_id]["sections"] if s["name"] == "results")
    assert results["start"] <= table["start"] and table["end"] <= results["end"]


def test_whitespace_aligned_table_with_two_header_lines_and_a_gap(ingested):
    text, table = only_table(ingested, "whitespace_aligned.txt")
    assert table["caption"] == "Table 1. Relapse outcomes by treatment"
    assert table["header_rows"] == 2
    assert grid(table) == [
        ["Outcome", "Rituximab", "Azathioprine"],
        ["", "(n = 62)", "(n = 58)"],
        ["Relapse-free at 2 years", "48 (77.4)", "31 (53.4)"],
        ["Annualised relapse rate", "0.12", "0.41"],
        ["EDSS change", "-0.3 ± 0.9", "0.4 ± 1.1"],
        ["Deaths", "", "2"],  # a cell left out is placed under its column by position
    ]
    assert_offsets(text, table)


def test_tab_separated_table(ingested):
    text, table = only_table(ingested, "tab_separated_only.txt")
    assert grid(table) == [["Outcome", "MMF (n=40)", "AZA (n=38)"], ["Relapse, n (%)", "9 (22.5)", "14 (36.8)"],
                           ["ARR, mean", "0.21", "0.38"]]
    assert table["header_rows"] == 1
    assert_offsets(text, table)


def test_prose_with_double_spaces_is_not_a_table():
    prose = ("The trial enrolled adults with NMOSD.  Patients were followed for two years and relapses were\n"
             "adjudicated by a committee.  The primary outcome was the time to first relapse in each of the arms\n"
             "of the study.  Secondary outcomes included disability and safety over the whole follow-up period.\n")
    body, grids = extract_text_tables(prose)
    assert grids == [] and body == prose


def test_n_tables_and_contract_columns(ingested):
    documents, _, structures, by_file = ingested
    counts = dict(zip(documents["source_file"], documents["n_tables"]))
    assert counts == {name: 1 for name in by_file}
    assert str(documents["n_tables"].dtype) == "Int64"


# ---------------------------------------------------------------- sections


@pytest.mark.parametrize("heading, name", [
    ("Methods", "methods"), ("2. Materials and Methods", "methods"), ("RESULTS:", "results"),
    ("Methods and findings", "results"), ("Conclusions and relevance", "discussion"), ("Introduction", "background"),
    ("Abstract", "abstract"), ("Acknowledgements", "other"), ("Efficacy of rituximab", ""),
    ("Results of the trial were reported to all sites", ""), ("Outcomes", "methods"), ("Secondary end points", "methods"),
])
def test_heading_words_name_the_section(heading, name):
    assert classify_heading(heading) == name


def test_labels_run_into_a_one_paragraph_abstract():
    line = ("BackgroundThe efficacy of IVIG is unknown. MethodsWe reviewed records. ResultsThis study included 20 "
            "patients. ConclusionIVIG may help.")
    found = find_headings(line)
    assert [(line[p:p + 7], n) for p, n in found] == [("Backgro", "background"), ("Methods", "methods"),
                                                      ("Results", "results"), ("Conclus", "discussion")]
    # one capitalised word after a full stop is not a label on its own
    assert find_headings("We studied 20 patients. Results were similar in both arms.") == []


def test_sections_are_contiguous_spans_of_the_final_text(tmp_path):
    page = ("Rituximab in NMOSD\n\nBACKGROUND: Rituximab depletes B cells.\nMETHODS: We reviewed 40 patients.\n"
            "RESULTS: The ARR fell from 1.2 to 0.2. CONCLUSIONS: Rituximab helps.\n")
    (tmp_path / "abstract.txt").write_text(page, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    doc_id = documents["doc_id"][0]
    text, sections = texts[doc_id], structures[doc_id]["sections"]
    assert [s["name"] for s in sections] == ["other", "background", "methods", "results", "discussion"]
    assert sections[0]["start"] == 0 and sections[-1]["end"] == len(text)
    assert all(a["end"] == b["start"] for a, b in zip(sections, sections[1:]))
    assert text[sections[3]["start"]:sections[3]["end"]] == "RESULTS: The ARR fell from 1.2 to 0.2. "
    assert text[sections[4]["start"]:].startswith("CONCLUSIONS: Rituximab helps.")


def test_a_text_without_headings_is_one_section():
    text, sections, tables = finalize("A short note about rituximab.\nIt has no headings at all.", [])
    assert sections == [{"name": "other", "start": 0, "end": len(text)}] and tables == []
    assert build_sections([], 0) == []


def test_marker_lines_never_reach_the_text():
    marked = "Title\n\n\ue001results\ue001\nOutcomes of care\nAll good.\n\n\ue0007\ue000\n\nEnd."
    text, sections, tables = finalize(marked, [], explicit_sections=True)
    assert "\ue000" not in text and "\ue001" not in text
    assert text == "Title\n\nOutcomes of care\nAll good.\n\nEnd."
    assert [(s["name"], text[s["start"]:s["start"] + 8]) for s in sections] == [("other", "Title\n\nO"),
                                                                                ("results", "Outcomes")]


# ---------------------------------------------------------------- the contract


def test_texts_jsonl_round_trip_and_old_loaders(ingested, tmp_path):
    documents, texts, structures, _ = ingested
    save_ingest(documents, texts, tmp_path, structures=structures)
    loaded_docs, loaded_texts = load_ingest(tmp_path)
    assert loaded_texts == texts
    assert list(loaded_docs["n_tables"]) == list(documents["n_tables"])
    assert load_structures(tmp_path) == structures
    both_docs, both_texts, both_structures = load_ingest_with_structures(tmp_path)
    assert both_docs.equals(loaded_docs) and both_texts == texts and both_structures == structures
    first = json.loads((tmp_path / "texts.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(first) == {"doc_id", "text", "sections", "tables"}
    table = next(t for s in structures.values() for t in s["tables"])
    assert set(table) == {"table_id", "caption", "start", "end", "header_rows", "cells"}
    assert set(table["cells"][0]) == {"row", "col", "text", "start", "end", "header"}


def test_save_without_structures_writes_empty_lists(ingested, tmp_path):
    documents, texts, _, _ = ingested
    save_ingest(documents, texts, tmp_path)
    assert all(s == {"sections": [], "tables": []} for s in load_structures(tmp_path).values())


def test_ingest_paths_keeps_its_two_values():
    documents, texts = ingest_paths([TABLES])
    assert len(texts) == len(documents)


def test_reruns_are_byte_identical(tmp_path):
    for run in ("a", "b"):
        documents, texts, structures = ingest_with_structures([TABLES])
        save_ingest(documents, texts, tmp_path / run, structures=structures)
    for name in ("documents.csv", "texts.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_summary_shows_sections_and_tables_as_frames(ingested):
    from evidence_review.ingest import summary

    documents, texts, structures, by_file = ingested
    doc_id = by_file["html_rowspan_colspan.html"]
    frame = summary.table_frame(structures[doc_id]["tables"][0])
    assert list(frame.columns) == ["Characteristic", "Drug X (n = 60) / n", "Drug X (n = 60) / %",
                                   "Placebo (n = 60) / n", "Placebo (n = 60) / %"]
    assert frame.iloc[0].tolist() == ["Women", "38", "63.3", "40", "66.7"]
    assert len(frame) == 4
    sections = summary.sections_table(texts[doc_id], structures[doc_id])
    assert sections["section"].tolist() == ["other", "abstract", "methods", "results", "discussion"]
    assert sections["begins"][3].startswith("Results Baseline characteristics")
    overview = summary.tables_overview(documents, structures)
    assert len(overview) == len(by_file) and set(overview["source_file"]) == set(by_file)


def test_private_use_characters_in_a_source_are_not_taken_for_markers(tmp_path):
    (tmp_path / "pua.txt").write_text("Rituximab trial\n\ue000not a marker\ue000 but text\n\ue0010\ue000\nEnd of text.\n",
                                      encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    text = texts[documents["doc_id"][0]]
    assert "not a marker but text" in text and "End of text." in text
    assert structures[documents["doc_id"][0]]["tables"] == []
    # a line that only looks like a marker, built by a reader from a JSON escape, is kept as text
    kept, _, _ = finalize("A\n\ue000x1\ue000 words\nB", [])
    assert kept == "A\nx1 words\nB"


def test_pdf_baseline_table_with_total_column_label_rows_and_nr(ingested):
    text, table = only_table(ingested, "pdf_pasted_baseline.txt")
    assert table["caption"] == "Table 1 Baseline demographics and disease characteristics"
    assert grid(table) == [
        ["Characteristic", "Placebo (n = 150)", "C5 inhibitor (n = 148)", "Total (n = 298)"],
        ["Age, years, median (IQR)", "52 (44-61)", "50 (41-60)", "51 (43-60)"],
        ["Female sex, n/N (%)", "80/150 (53.3)", "79/148 (53.4)", "159/298 (53.4)"],
        ["MG-ADL total score, mean ± SD", "9.1 ± 2.6", "9.0 ± 2.5", "9.1 ± 2.5"],
        ["Previous therapy", "", "", ""],
        ["Azathioprine", "45 (30.0)", "50 (33.8)", "95 (31.9)"],
        ["Rituximab", "7 (4.7)", "NR", "7 (2.3)"],
    ]
    assert_offsets(text, table)
    assert text[table["start"]:table["end"]].endswith("NR, not reported.")  # the abbreviation line is a footnote


def test_pdf_header_with_arm_sizes_on_their_own_line():
    text = ("Results text.\n\nTable 3. Relapses\nOutcome Placebo Inebilizumab\n(N=56) (N=174)\n"
            "Adjudicated attack22 (39.3)21 (12.1)\nHospitalisation9 (16.1)10 (5.7)\n\nAfter.")
    body, grids = extract_text_tables(text)
    assert len(grids) == 1 and grids[0].caption == "Table 3. Relapses"
    assert grids[0].rows == [["Outcome", "Placebo (N=56)", "Inebilizumab (N=174)"],
                             ["Adjudicated attack", "22 (39.3)", "21 (12.1)"],
                             ["Hospitalisation", "9 (16.1)", "10 (5.7)"]]
    assert "Placebo" not in body and body.startswith("Results text.") and body.endswith("After.")


def test_tables_after_the_reference_list_are_kept(tmp_path):
    page = ("Rituximab versus azathioprine in NMOSD\n\nResults\n" + "Relapses were fewer with rituximab. " * 8 +
            "\n\nReferences\n1. Smith J. Neurology 2015;85:177.\n2. Doe A. Lancet 2019;394:1352.\n\n"
            "Table 2. Relapses\n| Outcome | Rituximab | Azathioprine |\n|---|---|---|\n| Relapse, n (%) | 8 (20.0) | 17 (44.7) |\n")
    (tmp_path / "paste.txt").write_text(page, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    doc_id = documents["doc_id"][0]
    text, tables = texts[doc_id], structures[doc_id]["tables"]
    assert "Smith J" not in text  # the reference list is still removed
    assert len(tables) == 1 and grid(tables[0])[1] == ["Relapse, n (%)", "8 (20.0)", "17 (44.7)"]
    assert_offsets(text, tables[0])
    assert documents["n_tables"][0] == 1


def test_html_table_without_thead_guesses_its_header_row(tmp_path):
    page = ("<html><body><h1>Tacrolimus in lupus nephritis: results</h1><table><tr><td>Outcome</td><td>Tacrolimus</td>"
            "<td>Cyclophosphamide</td></tr><tr><td>Complete remission</td><td>25 (52.1)</td><td>18 (38.3)</td></tr>"
            "</table></body></html>")
    (tmp_path / "t.html").write_text(page, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    table = structures[documents["doc_id"][0]]["tables"][0]
    assert table["header_rows"] == 1 and grid(table)[1] == ["Complete remission", "25 (52.1)", "18 (38.3)"]


def test_hostile_spans_do_not_build_huge_grids(tmp_path):
    page = ("<html><body><h1>A page with a broken table</h1><table><tr><th>Outcome</th><th colspan=\"100000\">Drug</th>"
            "</tr><tr><td rowspan=\"99999\">Relapse</td><td>3 (5.0)</td></tr></table></body></html>")
    (tmp_path / "t.html").write_text(page, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    table = structures[documents["doc_id"][0]]["tables"][0]
    assert grid(table) == [["Outcome", "Drug"], ["Relapse", "3 (5.0)"]]


def test_pmc_style_html_table_with_label_caption_and_foot_in_wrappers(tmp_path):
    page = """<html><head><meta name="citation_title" content="Satralizumab-like add-on therapy in NMOSD"></head><body>
<article><h1>Satralizumab-like add-on therapy in NMOSD</h1><section><h2>Results</h2><p>Relapses are shown below.</p>
<section class="tw xbox" id="T2"><h3 class="obj_head">Table 2.</h3><div class="caption p"><p>Protocol-defined relapses</p></div>
<div class="tbl-box"><table class="content"><thead><tr><th>Population</th><th>Drug (n=41)</th><th>Placebo (n=42)</th></tr></thead>
<tbody><tr><td>All patients</td><td>8 (20)</td><td>18 (43)</td></tr><tr><td>AQP4-IgG positive</td><td>3 (11)</td><td>12 (43)</td></tr></tbody>
</table></div><div class="tw-foot p"><div class="fn" id="TF1"><p>Data are n (%).</p></div></div></section>
<p>Fewer relapses occurred with the drug.</p></section></article></body></html>"""
    (tmp_path / "pmc.html").write_text(page, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    doc_id = documents["doc_id"][0]
    text, table = texts[doc_id], structures[doc_id]["tables"][0]
    assert table["caption"] == "Table 2. Protocol-defined relapses"
    assert grid(table) == [["Population", "Drug (n=41)", "Placebo (n=42)"], ["All patients", "8 (20)", "18 (43)"],
                           ["AQP4-IgG positive", "3 (11)", "12 (43)"]]
    assert_offsets(text, table)
    assert text[table["start"]:table["end"]].endswith("Data are n (%).")
    assert text.count("Protocol-defined relapses") == 1 and text.count("Data are n (%).") == 1


def test_full_trial_reports_in_every_format_give_all_their_tables():
    """Held-out batch 4 (full trial reports as JATS, HTML, markdown and text): every table each report has."""
    folder = Path(__file__).parent / "fixtures" / "extract_heldout4" / "raw"
    documents, texts, structures = ingest_with_structures([folder])
    found = {row.source_file: structures[row.doc_id]["tables"] for row in documents.itertuples()}
    assert {name: len(tables) for name, tables in found.items()} == {
        "001_dapa_ckd_dapagliflozin.xml": 3, "002_keynote189_pembrolizumab_chemo.xml": 3,
        "003_recovery_tocilizumab_covid.html": 2, "004_psilocybin_dose_trd.html": 3,
        "005_select_compare_upadacitinib.md": 4, "006_surpass2_tirzepatide_semaglutide.md": 3,
        "007_epic_hr_nirmatrelvir.txt": 3, "008_azithromycin_copd_exacerbations.xml": 3}
    for name, tables in found.items():
        for table in tables:
            assert table["header_rows"] == 1, (name, table["table_id"])
            assert max(c["row"] for c in table["cells"]) >= 2
    captions = [t["caption"] for tables in found.values() for t in tables]
    assert sum(1 for c in captions if c.startswith("Table ")) == 23  # one table in 005 has no caption of its own
    doc_id = documents.set_index("source_file").loc["006_surpass2_tirzepatide_semaglutide.md", "doc_id"]
    baseline = structures[doc_id]["tables"][0]
    assert baseline["caption"] == "Table 1. Baseline characteristics, mean (SD) unless stated"
    assert grid(baseline)[2] == ["Female sex, n (%)", "265 (56.4)", "231 (49.3)", "262 (55.7)", "244 (52.0)"]


def test_a_sentence_naming_the_arms_is_no_table_header():
    text = ("Patients were randomized to rituximab (n = 40) or azathioprine (n = 38).\n"
            "Relapses 8 (20.0) 17 (44.7)\n")
    assert extract_text_tables(text) == (text, [])


def test_a_huge_pipe_block_stays_text():
    text = "| a | b |\n" + "| x | 1 |\n" * 12_000
    body, grids = extract_text_tables(text)
    assert grids == [] and body == text


def test_a_page_laid_out_with_tables_keeps_its_paragraphs_and_its_data_table(tmp_path):
    long_paragraph = "Rituximab reduced relapses compared with azathioprine in this cohort of patients. " * 6
    page = (f"<html><body><table><tr><td><a href='/'>Home</a></td><td><h1>Rituximab versus azathioprine</h1>"
            f"<p>{long_paragraph}</p><p>Second paragraph of the article text, long enough to matter here.</p>"
            "<table><tr><th>Outcome</th><th>RTX (n=40)</th><th>AZA (n=38)</th></tr>"
            "<tr><td>Relapse</td><td>8 (20.0)</td><td>17 (44.7)</td></tr></table></td></tr></table></body></html>")
    (tmp_path / "old.html").write_text(page, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    doc_id = documents["doc_id"][0]
    text, tables = texts[doc_id], structures[doc_id]["tables"]
    assert "\nSecond paragraph of the article text" in text  # paragraphs stay lines, not one layout cell
    assert len(tables) == 1 and grid(tables[0]) == [["Outcome", "RTX (n=40)", "AZA (n=38)"],
                                                    ["Relapse", "8 (20.0)", "17 (44.7)"]]
    assert_offsets(text, tables[0])


def test_pdf_rows_with_the_numbers_on_the_line_below_the_label():
    text = ("Table 2 Relapses\nOutcome Placebo (N=56) Drug (N=174) P value\nAdjudicated attack\n22 (39.3)21 (12.1)<0.001\n"
            "Adverse events\nAny adverse event\n41 (73.2)125 (71.8)\nSerious adverse event8 (4.6)5 (8.9)0.21\n\nEnd.")
    _, grids = extract_text_tables(text)
    assert grids[0].rows == [["Outcome", "Placebo (N=56)", "Drug (N=174)", "P value"],
                             ["Adjudicated attack", "22 (39.3)", "21 (12.1)", "<0.001"],
                             ["Adverse events", "", "", ""],
                             ["Any adverse event", "41 (73.2)", "125 (71.8)", ""],
                             ["Serious adverse event", "8 (4.6)", "5 (8.9)", "0.21"]]


def test_navigation_lines_with_pipes_are_no_table():
    text = "Home | News | Neurology\nShare | Print | Email\nRituximab cut relapses.\n"
    assert extract_text_tables(text) == (text, [])
