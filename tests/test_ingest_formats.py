"""Each export shape reviewers have: one document per record, fields read from the format, numbers intact."""
from pathlib import Path

import pytest

from evidence_review.ingest import ingest_paths
from evidence_review.tables import DOCUMENT_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def fixtures():
    return ingest_paths([FIXTURES])


def rows(documents, name):
    return documents[documents["source_file"] == name].sort_values("record")


def test_contract_columns_come_first_in_order(fixtures):
    documents, _ = fixtures
    assert list(documents.columns[: len(DOCUMENT_COLUMNS)]) == DOCUMENT_COLUMNS


def test_medline_export_one_document_per_citation(fixtures):
    documents, texts = fixtures
    med = rows(documents, "pubmed_export.nbib")
    assert list(med["record"]) == [0, 1, 2] and set(med["format"]) == {"medline"}
    first = med.iloc[0]
    assert first["pmid"] == "33219142" and first["doi"] == "10.1212/wnl.0000000000011108"
    assert first["title"].startswith("Efficacy and Safety of Rozanolixizumab") and first["year"] == 2021
    assert first["design"] == "RCT" and first["condition"] == "myasthenia gravis" and first["n_total"] == 43
    assert first["authors"] == "Bril, Vera; Benatar, Michael" and first["journal"] == "Neurology"
    assert "95% upper confidence limit 0.8; p = 0.221" in texts[first["doc_id"]]
    assert med.iloc[2]["design"] == "cohort" and med.iloc[2]["n_total"] == 109


def test_ris_decoded_by_us_and_english_title_preferred(fixtures):
    documents, texts = fixtures
    ris = rows(documents, "zotero_export.ris")
    assert len(ris) == 2
    assert ris.iloc[0]["doi"] == "10.1038/s41598-017-00860-4" and ris.iloc[0]["year"] == 2017
    assert ris.iloc[0]["authors"].startswith("Chen, Bo; Wu, Qian")
    spanish = ris.iloc[1]
    assert spanish["title"] == "Rituximab for neuromyelitis optica: a systematic review"
    assert spanish["title_original"].startswith("Tratamiento de la neuromielitis óptica")
    assert spanish["authors"] == "Pérez-García, José" and spanish["language"] == "es"
    assert "de 1.8 a 0.3" in texts[spanish["doc_id"]]  # middle-dot decimals unified


def test_pubmed_xml_many_articles(fixtures):
    documents, texts = fixtures
    xml = rows(documents, "pubmed_set.xml")
    assert list(xml["format"]) == ["pubmed-xml", "pubmed-xml"]
    first, second = xml.iloc[0], xml.iloc[1]
    assert first["pmid"] == "37827848" and first["doi"] == "10.1212/wnl.0000000000207746"
    assert first["authors"] == "Yang, Jennifer H; Graves, Jennifer S" and first["year"] == 2023
    text = texts[first["doc_id"]]
    assert "Results: Rituximab use" in text and "(hazard ratio [HR] 0.29, 95% CI 0.09-0.85; p = 0.03)" in text
    assert second["design"] == "meta-analysis" and "-1.01 (P < .001)" in texts[second["doc_id"]]


def test_csv_and_tsv_one_document_per_row(fixtures):
    documents, texts = fixtures
    csv_rows = rows(documents, "scopus_export.csv")
    assert list(csv_rows["status"]) == ["ok", "ok", "skipped"]
    assert "no title or abstract" in csv_rows.iloc[2]["reason"]
    text = texts[csv_rows.iloc[0]["doc_id"]]
    assert "_x000D_" not in text and "44.0% (11/25) in the MMF- group" in text
    assert csv_rows.iloc[1]["n_total"] == 9 and csv_rows.iloc[1]["design"] == "case series"
    tsv = rows(documents, "wos_export.tsv").iloc[0]
    assert tsv["doi"] == "10.1186/s12883-019-1261-2" and tsv["design"] == "meta-analysis"
    assert "(WMD) -1.56 (95% CI, -1.82 to -1.29)" in texts[tsv["doc_id"]]


def test_json_lines_wrong_types_skip_only_that_record(fixtures):
    documents, texts = fixtures
    jl = rows(documents, "records.jsonl")
    assert list(jl["status"]) == ["ok", "skipped", "ok"]
    assert "wrong type" in jl.iloc[1]["reason"]
    first = jl.iloc[0]
    assert first["doi"] == "10.1177/1352458519873273" and first["authors"] == "Whittam DH; Anu Jacob"
    assert "(95%CI=19-52%, p<0.001)" in texts[first["doc_id"]]


def test_html_meta_tags_main_text_no_navigation_scripts_or_references(fixtures):
    documents, texts = fixtures
    page = rows(documents, "article.html").iloc[0]
    assert page["doi"] == "10.1111/ene.15288" and page["year"] == 2022
    assert page["journal"] == "European Journal of Neurology" and page["design"] == "cohort"
    text = texts[page["doc_id"]]
    assert "(hazard ratio [HR] = 4.40, 95% confidence interval [CI] = 1.41-13.80, p = 0.011)" in text
    for noise in ("HR 9.99", "HR 0.01", "cookies", "Sign in", "Contact us", "Journals"):
        assert noise not in text


def test_texts_only_for_ok_rows(fixtures):
    documents, texts = fixtures
    ok = set(documents.loc[documents["status"] == "ok", "doc_id"])
    assert set(texts) == ok and all(texts[d] for d in ok)
    assert (documents.loc[documents["status"] == "ok", "text_chars"] == [len(texts[d]) for d in
            documents.loc[documents["status"] == "ok", "doc_id"]]).all()


def test_openalex_and_crossref_json(fixtures):
    documents, texts = fixtures
    oa = rows(documents, "openalex_works.json").iloc[0]
    assert oa["pmid"] == "32170003" and oa["doi"] == "10.1212/nxi.0000000000000705" and oa["year"] == 2020
    assert oa["journal"] == "Neurology Neuroimmunology & Neuroinflammation" and oa["authors"] == "Shengde Li; Haitao Ren"
    assert "Relapse rates were 7.4% (4/54) in the MMF+ group and 44.0% (11/25) in the MMF- group" in texts[oa["doc_id"]]
    cr = rows(documents, "crossref_work.json").iloc[0]
    assert cr["year"] == 2020 and cr["journal"] == "Multiple Sclerosis Journal"
    assert cr["authors"] == "David H Whittam; Anu Jacob"
    text = texts[cr["doc_id"]]
    assert "<jats" not in text and "(95%CI=19-52%, p<0.001)" in text
    # the JSON Lines record carries the same DOI: the later row points at the earlier one
    jl = rows(documents, "records.jsonl").iloc[0]
    assert jl["duplicate_of"] == cr["doc_id"]


def test_superscripts_after_digits_do_not_glue_numbers(tmp_path):
    (tmp_path / "a.xml").write_text(
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>Platelet counts "
        "after rituximab</ArticleTitle><Abstract><AbstractText>Platelets rose to 150 x 10<sup>9</sup>/L; "
        "<i>p</i> &lt; 0.05.</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>",
        encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><body><article><h1>Platelet counts after rituximab in ITP</h1><p>Platelets rose to 150 x "
        "10<sup>9</sup>/L in the treated patients, as the authors reported for the whole cohort of 40.</p>"
        "</article></body></html>", encoding="utf-8")
    documents, texts = ingest_paths([tmp_path])
    for doc_id in documents["doc_id"]:
        assert "150 x 10^9/L" in texts[doc_id] and "109/L" not in texts[doc_id]


def test_multilingual_json_fields(tmp_path):
    (tmp_path / "m.json").write_text(
        '{"title": {"zh": "利妥昔单抗治疗视神经脊髓炎", "en": "Rituximab treatment of neuromyelitis optica"},'
        ' "abstract": {"zh": "中文摘要", "en": "Relapse risk fell (HR 0.5, 95% CI 0.3-0.8) in 60 patients."}}',
        encoding="utf-8")
    documents, texts = ingest_paths([tmp_path])
    row = documents.iloc[0]
    assert row["title"] == "Rituximab treatment of neuromyelitis optica"
    assert row["title_original"] == "利妥昔单抗治疗视神经脊髓炎"
    assert "(HR 0.5, 95% CI 0.3-0.8)" in texts[row["doc_id"]] and "中文摘要" not in texts[row["doc_id"]]


def test_no_year_guessed_for_records_of_an_export(tmp_path):
    (tmp_path / "smith2019_export.csv").write_text(
        "Title,Abstract\n"
        "Rituximab versus azathioprine in NMOSD,A trial published in 2015 found HR 0.4 (95% CI 0.2-0.8).\n"
        "Tacrolimus in NMOSD,Relapse rate fell by 86.2% in 25 patients.\n", encoding="utf-8")
    documents, _ = ingest_paths([tmp_path])
    assert documents["year"].isna().all()
