"""PMC/JATS full text end to end: metadata, sections, tables (cells, header rows, captions, footnotes, offsets),
entities and DTD declarations, and XML that is not well formed."""
from __future__ import annotations

from pathlib import Path

import pytest

from evidence_review.ingest import ingest_with_structures

FIXTURE = Path(__file__).parent / "fixtures" / "ingest" / "jats" / "pmc_two_arm_trial.nxml"


@pytest.fixture(scope="module")
def article():
    documents, texts, structures = ingest_with_structures([FIXTURE])
    assert len(documents) == 1
    row = documents.iloc[0]
    return row, texts[row["doc_id"]], structures[row["doc_id"]]


def grid(table: dict) -> list[list[str]]:
    rows: dict[int, dict[int, str]] = {}
    for cell in table["cells"]:
        rows.setdefault(cell["row"], {})[cell["col"]] = cell["text"]
    return [[cols[c] for c in sorted(cols)] for _, cols in sorted(rows.items())]


def test_metadata_from_article_meta(article):
    row, _, _ = article
    assert row["status"] == "ok" and row["reason"] == ""
    assert row["format"] == "xml"
    assert row["title"].startswith("Inebilizumab-like anti-CD19 therapy versus placebo in aquaporin-4")
    assert row["authors"] == "Okafor, Adaeze N.; Lindqvist, Maja; Takahashi, Ren; the EXAMPLE-NMO Study Group"
    assert row["journal"] == "Neurology and Therapeutic Trials"
    assert row["year"] == 2024
    assert row["doi"] == "10.5555/ntt.2024.0117"
    assert row["pmid"] == "38990001"
    assert row["pmcid"] == "PMC11230001"
    assert row["design"] == "RCT"
    assert row["n_tables"] == 3


def test_sections_follow_sec_types(article):
    _, text, structure = article
    sections = structure["sections"]
    assert [s["name"] for s in sections] == ["other", "abstract", "background", "methods", "results", "discussion"]
    starts = {s["name"]: text[s["start"]:s["end"]] for s in sections}
    assert starts["abstract"].startswith("Abstract\nBackground\nB-cell depletion")
    # structured-abstract labels stay inside the one abstract section
    assert "Results\nAn adjudicated attack occurred in 21 of 174" in starts["abstract"]
    # sec-type="materials|methods" names the section even though its title does not
    assert starts["methods"].startswith("Patients and procedures\nTrial design")
    assert starts["results"].startswith("Results\nOf 231 participants randomised")
    assert starts["discussion"].startswith("Discussion\nIn this trial")
    assert sections[-1]["end"] == len(text)
    for table in structure["tables"]:
        results = next(s for s in sections if s["name"] == "results")
        assert results["start"] <= table["start"] < table["end"] <= results["end"]


def test_back_matter_and_markup_left_out(article):
    _, text, _ = article
    assert "Wingerchuk" not in text and "We thank the participants" not in text  # ref-list and ack
    assert "28 weeks" in text  # &#x02009; thin space -> space
    assert "(hazard ratio 0.27, 95% CI 0.15-0.50; p<0.0001)" in text  # en dash entity next to digits -> '-'
    assert "0.2×10^9/L" in text  # <sup> after a digit
    assert "disability [1], [2]." in text  # <xref> keeps its text in place
    assert "the hazard ratio (HR) is reported" in text  # <inline-formula> with MathML


def test_baseline_table_with_footnotes(article):
    _, text, structure = article
    table = structure["tables"][0]
    assert table["table_id"] == "T1"
    assert table["caption"] == "Table 1. Baseline characteristics of the participants"
    assert table["header_rows"] == 1
    assert grid(table) == [
        ["Characteristic", "Anti-CD19 (n = 174)", "Placebo (n = 56)"],
        ["Age, years, mean ± SD", "43.0 ± 11.6", "42.6 ± 12.0"],
        ["Women, n (%)", "159 (91.4)", "52 (92.9)"],
        ["EDSS score, median (IQR)", "4.0 (3.0-5.5)", "4.0 (2.5-5.0)"],
        ["Annualised attack rate before entry", "1.7 ± 1.5", "1.6 ± 1.4"],  # footnote mark left out of the cell
    ]
    span = text[table["start"]:table["end"]]
    # a markup table reads as a markdown table in the text: caption line, "| cell | cell |" rows, footnotes
    assert span.startswith("Table 1. Baseline characteristics of the participants\n| Characteristic | Anti-CD19")
    assert span.endswith("a Attacks in the 2 years before screening.\n"
                         "EDSS, Expanded Disability Status Scale; IQR, interquartile range; SD, standard deviation.")


def test_outcomes_table_cells_and_offsets(article):
    _, text, structure = article
    table = structure["tables"][1]
    assert table["caption"] == "Table 2. Primary and secondary outcomes at 28 weeks"
    assert table["header_rows"] == 2
    assert grid(table) == [
        ["Outcome", "Anti-CD19 (n = 174)", "Anti-CD19 (n = 174)", "Placebo (n = 56)", "Placebo (n = 56)"],
        ["Outcome", "n (%)", "mean ± SD", "n (%)", "mean ± SD"],
        ["Adjudicated attack", "21 (12.1)", "—", "22 (39.3)", "—"],
        ["Worsening of EDSS score", "27 (15.5)", "—", "19 (33.9)", "—"],
        ["Change in low-contrast visual acuity", "—", "-0.6 ± 4.1", "—", "-0.4 ± 3.9"],
    ]
    for cell in table["cells"]:
        assert text[cell["start"]:cell["end"]] == cell["text"]
        assert cell["header"] == (cell["row"] < 2)
    cell = next(c for c in table["cells"] if c["row"] == 2 and c["col"] == 3)
    line_start = text.rfind("\n", 0, cell["start"]) + 1
    line_end = text.find("\n", cell["end"])
    assert text[line_start:line_end] == "| Adjudicated attack | 21 (12.1) | — | 22 (39.3) | — |"
    assert [t["table_id"] for t in structure["tables"]] == ["T1", "T2", "T3"]
    assert grid(structure["tables"][2])[2] == ["Serious adverse event", "8 (4.6)", "5 (8.9)"]


def test_named_entities_and_floats_group(tmp_path):
    xml = FIXTURE.read_text(encoding="utf-8")
    xml = xml.replace("28&#x02009;weeks", "28&nbsp;weeks").replace("0.15&#x02013;0.50; <italic>", "0.15&ndash;0.50; <italic>")
    # PMC puts tables in <floats-group> after <back> in some files
    start, end = xml.index('<table-wrap id="T3">'), xml.index("</table-wrap>", xml.index('<table-wrap id="T3">'))
    wrap = xml[start:end + len("</table-wrap>")]
    xml = xml.replace(wrap, "").replace("</article>", f"<floats-group>{wrap}</floats-group>\n</article>")
    (tmp_path / "article.xml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    row = documents.iloc[0]
    assert row["status"] == "ok", row["reason"]
    text = texts[row["doc_id"]]
    assert "28 weeks" in text and "0.15-0.50" in text
    tables = structures[row["doc_id"]]["tables"]
    assert len(tables) == 3 and tables[2]["caption"].startswith("Table 3. Adverse events")
    assert tables[2]["start"] > text.index("Discussion\nIn this trial")


def _moved_table_3(tmp_path, place: str):
    """The fixture with its Table 3 moved out of the body into `place` (a template holding "{wrap}")."""
    xml = FIXTURE.read_text(encoding="utf-8")
    start, end = xml.index('<table-wrap id="T3">'), xml.index("</table-wrap>", xml.index('<table-wrap id="T3">'))
    wrap = xml[start:end + len("</table-wrap>")]
    xml = xml.replace(wrap, "")
    if "<back>" in place:
        xml = xml.replace("<back>", place.format(wrap=wrap).replace("</back>", ""), 1) if "<back>" in xml else \
            xml.replace("</article>", place.format(wrap=wrap) + "\n</article>")
    else:
        xml = xml.replace("</article>", place.format(wrap=wrap) + "\n</article>")
    (tmp_path / "article.xml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    row = documents.iloc[0]
    assert row["status"] == "ok", row["reason"]
    return texts[row["doc_id"]], structures[row["doc_id"]]["tables"], structures[row["doc_id"]]["sections"]


def _section_of(sections: list[dict], at: int) -> str:
    return next(s["name"] for s in sections if s["start"] <= at < s["end"])


def test_tables_in_nlm2_floats_wrap_are_read_after_the_body(tmp_path):
    text, tables, _ = _moved_table_3(tmp_path, "<floats-wrap>{wrap}</floats-wrap>")
    assert len(tables) == 3 and tables[2]["caption"].startswith("Table 3. Adverse events")
    assert tables[2]["start"] > text.index("Discussion\nIn this trial")


def test_tables_in_back_matter_are_read_in_a_section_of_their_own_and_the_references_stay_out(tmp_path):
    # PMC prints some articles' tables in a back-matter "Figures and Tables" section, after the references
    text, tables, sections = _moved_table_3(
        tmp_path, '<back><ref-list><ref id="R99"><mixed-citation>Roe A. A cited trial. 2001;12:34.</mixed-citation>'
                  '</ref></ref-list><sec sec-type="display-objects"><title>Figures and Tables</title>{wrap}</sec></back>')
    assert len(tables) == 3 and tables[2]["caption"].startswith("Table 3. Adverse events")
    assert tables[2]["start"] > text.index("Discussion\nIn this trial")
    assert "A cited trial" not in text
    # the moved table sits in a section of its own, not in the discussion it follows
    assert _section_of(sections, tables[2]["start"]) == "other"
    assert _section_of(sections, text.index("Discussion\nIn this trial") + 20) == "discussion"
    for table in tables:
        for cell in table["cells"]:
            assert text[cell["start"]:cell["end"]] == cell["text"]


def test_back_matter_without_tables_adds_no_section(tmp_path):
    # the fixture's back matter (references, acknowledgements) holds no table: the text ends where the body ends
    xml = FIXTURE.read_text(encoding="utf-8")
    (tmp_path / "article.xml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    text = texts[documents.iloc[0]["doc_id"]]
    assert len(structures[documents.iloc[0]["doc_id"]]["tables"]) == 3
    assert text.rstrip().endswith(text[text.index("Discussion\nIn this trial"):].rstrip())
    assert structures[documents.iloc[0]["doc_id"]]["sections"][-1]["name"] == "discussion"


def test_locally_damaged_xml_is_recovered_with_its_reason(tmp_path):
    xml = FIXTURE.read_text(encoding="utf-8").replace(
        "cumulative disability <xref", "cumulative <bold>disability <xref", 1)  # an unclosed <bold>
    (tmp_path / "damaged.nxml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    row = documents.iloc[0]
    assert row["status"] == "ok"
    assert "not well formed" in row["reason"] and "recovering parser" in row["reason"]
    text = texts[row["doc_id"]]
    assert "Neuromyelitis optica spectrum disorder is an autoimmune astrocytopathy" in text
    assert "Table 3. Adverse events" in text  # nothing after the damage was lost
    for table in structures[row["doc_id"]]["tables"]:
        for cell in table["cells"]:
            assert text[cell["start"]:cell["end"]] == cell["text"]


def test_cut_off_xml_is_still_skipped(tmp_path):
    xml = FIXTURE.read_text(encoding="utf-8")
    (tmp_path / "cut.nxml").write_text(xml[: len(xml) // 2], encoding="utf-8")
    documents, _, _ = ingest_with_structures([tmp_path])
    assert documents.iloc[0]["status"] == "skipped"
    assert "truncated" in documents.iloc[0]["reason"]


def test_internal_entity_declarations_are_still_refused(tmp_path):
    xml = FIXTURE.read_text(encoding="utf-8").replace(
        '"JATS-archive-oasis-article1-3-mathml3.dtd">', '"JATS-archive-oasis-article1-3-mathml3.dtd" [ <!ENTITY x "y"> ]>')
    (tmp_path / "declares.nxml").write_text(xml, encoding="utf-8")
    documents, _, _ = ingest_with_structures([tmp_path])
    assert documents.iloc[0]["status"] == "skipped" and "entities" in documents.iloc[0]["reason"]


def test_review_article_type_is_not_a_trial(tmp_path):
    xml = FIXTURE.read_text(encoding="utf-8").replace('article-type="research-article"', 'article-type="review-article"')
    (tmp_path / "review.nxml").write_text(xml, encoding="utf-8")
    documents, _, _ = ingest_with_structures([tmp_path])
    assert documents.iloc[0]["design"] == "review"


def test_superscript_citations_never_glue_onto_numbers(tmp_path):
    xml = FIXTURE.read_text(encoding="utf-8").replace(
        "studies <xref ref-type=\"bibr\" rid=\"B2\">[2]</xref>.",
        "studies, with attack rates of 0.2<sup><xref ref-type=\"bibr\" rid=\"B1\">15</xref></sup> and "
        "0.3<sup><xref ref-type=\"bibr\" rid=\"B1\">1</xref>,<xref ref-type=\"bibr\" rid=\"B2\">2</xref></sup>.")
    assert "0.2<sup>" in xml
    (tmp_path / "a.nxml").write_text(xml, encoding="utf-8")
    documents, texts, _ = ingest_with_structures([tmp_path])
    text = texts[documents["doc_id"][0]]
    assert "attack rates of 0.2 [15] and 0.3 [1],[2]." in text


def test_recovered_documents_are_listed_for_the_reviewer(tmp_path):
    from evidence_review.ingest import summary

    xml = FIXTURE.read_text(encoding="utf-8").replace("cumulative disability <xref", "cumulative <bold>disability <xref", 1)
    (tmp_path / "damaged.nxml").write_text(xml, encoding="utf-8")
    (tmp_path / "fine.nxml").write_text(FIXTURE.read_text(encoding="utf-8").replace("38990001", "38990002"),
                                        encoding="utf-8")
    documents, _, _ = ingest_with_structures([tmp_path])
    listed = summary.read_with_fallback(documents)
    assert listed["source_file"].tolist() == ["damaged.nxml"]
    assert "recovering parser" in listed["reason"][0]


def test_body_text_before_the_first_section_is_not_abstract(tmp_path):
    xml = FIXTURE.read_text(encoding="utf-8").replace(
        '<body>\n', '<body>\n<p>Attacks of NMOSD cause blindness and paralysis in young adults.</p>\n', 1)
    (tmp_path / "a.nxml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    doc_id = documents["doc_id"][0]
    text, sections = texts[doc_id], structures[doc_id]["sections"]
    start = text.index("Attacks of NMOSD cause blindness")
    owner = next(s for s in sections if s["start"] <= start < s["end"])
    assert owner["name"] == "background"


def test_a_funding_label_inside_a_structured_abstract_does_not_cut_the_article(tmp_path):
    """A Lancet-style abstract ends with a "Funding" part: that closing label ends the abstract's part only, the
    body's sections after it are still read (they used to be cut away with it)."""
    xml = FIXTURE.read_text(encoding="utf-8").replace(
        "<abstract>\n        <sec>",
        "<abstract>\n        <sec><title>Funding</title><p>Supported by a national research grant.</p></sec>\n"
        "        <sec>", 1)
    xml = xml.replace("</abstract>", "<sec><title>Funding</title><p>A national research grant.</p></sec></abstract>", 1)
    (tmp_path / "article.xml").write_text(xml, encoding="utf-8")
    documents, texts, structures = ingest_with_structures([tmp_path])
    text = texts[documents.iloc[0]["doc_id"]]
    assert "Discussion\nIn this trial" in text
    assert "A national research grant." not in text
    assert {s["name"] for s in structures[documents.iloc[0]["doc_id"]]["sections"]} >= {"methods", "results"}
