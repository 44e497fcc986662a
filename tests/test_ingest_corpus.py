"""The 25 shared documents: 5 seeds and the 20-document dev corpus ingest with the right metadata.

Expected values are read off the documents themselves (title line, DOI/PMID lines, citation lines).
Dev-corpus tests are skipped when ../shared is absent (CI has it next to the repository).
"""
import re

import pytest

from evidence_review.ingest import ingest_paths
from evidence_review.paths import repo_root

SHARED = repo_root().parent / "shared"
# without ../shared the seeds are read where the project ships them: the files at the top of data/raw (the
# example_bcg/ folder beside them is a separate example set)
SEEDS = SHARED / "seeds" / "raw" if (SHARED / "seeds" / "raw").is_dir() else repo_root() / "data" / "raw"
SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.is_file())
DEV = SHARED / "dev_corpus" / "raw"

needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus not available")

# file prefix -> (title start, doi, pmid, year, design)
SEED_EXPECTED = {
    "000_": ("Immunotherapy for neuromyelitis optica spectrum disorder: a comparative analysis", "10.3389/fneur.2025.1559118", "", 2025, "cohort"),
    "001_": ("Factors for Rituximab Refractoriness in AQP4-IgG+ NMOSD: A Cohort Study", "10.1002/acn3.70095", "40492601", 2025, "cohort"),
    "002_": ("Treatment with azathioprine (AZA) or tocilizumab (TCZ)", "10.1097/md.0000000000032748", "", 2023, "news"),
    "003_": ("The efficacy of intravenous immunoglobulin (IVIG)", "", "", None, "case series"),
    "004_": ("In the initial treatment of \"lupus nephritis\", tacrolimus can replace cyclophosphamide!", "", "", 2022, "news"),
}
DEV_EXPECTED = {
    "001_": ("There is still an unmet need", "", "", 2016, "cohort"),
    "002_": ("Data regarding the efficacy and safety", "", "", None, "cohort"),
    "003_": ("Treatment options for neuromyelitis optica (NMO)", "", "", None, "cohort"),
    "004_": ("Efficacy and safety of tacrolimus treatment for neuromyelitis optica spectrum disorder", "", "", 2017, "case series"),
    "005_": ("Primary outcome was to evaluate complete improvement", "", "", None, "cohort"),
    "006_": ("Low-dose corticosteroids reduce relapses in neuromyelitis optica: a retrospective analysis", "", "", 2007, "case series"),
    "007_": ("Effectiveness of rituximab in neuromyelitis optica: a meta-analysis", "10.1186/s12883-019-1261-2", "", 2019, "meta-analysis"),
    "008_": ("Myelin oligodendrocyte glycoprotein-immunoglobulin G (MOG-IgG) associated disorder", "", "", None, "cohort"),
    "009_": ("Long-term efficacy of mycophenolate mofetil in myelin oligodendrocyte glycoprotein", "10.1212/nxi.0000000000000705", "", 2020, "cohort"),
    "010_": ("Treatment of MOG-IgG-associated disorder with rituximab: An international study of 121 patients.", "", "", None, "cohort"),
    "011_": ("Oral corticosteroid dosage and taper duration at onset", "10.1136/jnnp-2024-333463", "38744459", 2024, "cohort"),
    "012_": ("In the ADAPT study, treatment with efgartigimod", "", "", None, "RCT"),
    "013_": ("The efficacy and safety of ravulizumab", "", "", None, "RCT"),
    "014_": ("Efficacy and Safety of Rozanolixizumab in Moderate to Severe Generalized Myasthenia Gravis", "10.1212/wnl.0000000000011108", "", 2021, "RCT"),
    "015_": ("C5-Complement Inhibitors Administration for Treatment of Generalized Myasthenia Gravis", "", "", None, "meta-analysis"),
    "016_": ("Effect of belimumab on kidney-related outcomes in patients with lupus nephritis", "10.1093/ndt/gfad167", "37463054", 2023, "RCT"),
    "017_": ("In AURORA 1, adding voclosporin", "", "", None, "RCT"),
    "018_": ("Survival Analysis of Immunotherapy Effects on Relapse Rate", "10.1212/wnl.0000000000207746", "37827848", 2023, "cohort"),
    "019_": ("Neuromyelitis optica", "", "", None, "patient information"),
    "020_": ("Doctors use a variety of treatments", "", "", None, "patient information"),
}


@pytest.fixture(scope="module")
def seeds():
    return ingest_paths(SEED_FILES)


@pytest.fixture(scope="module")
def dev():
    if not DEV.is_dir():
        pytest.skip("shared dev corpus not available")
    return ingest_paths([DEV])


def _check(documents, expected):
    assert len(documents) == len(expected)
    for prefix, (title, doi, pmid, year, design) in expected.items():
        row = documents[documents["source_file"].str.startswith(prefix)].iloc[0]
        assert row["status"] == "ok", (prefix, row["reason"])
        assert row["title"].startswith(title), (prefix, row["title"])
        assert row["doi"] == doi, (prefix, row["doi"])
        assert row["pmid"] == pmid, (prefix, row["pmid"])
        assert (row["year"] if row["year"] is not None and str(row["year"]) != "<NA>" else None) == year, (prefix, row["year"])
        assert row["design"] == design, (prefix, row["design"])


def test_seed_metadata(seeds):
    _check(seeds[0], SEED_EXPECTED)


@needs_dev
def test_dev_corpus_metadata(dev):
    _check(dev[0], DEV_EXPECTED)


def test_json_seed_english_title_other_title_kept_and_abstract_once(seeds):
    documents, texts = seeds
    row = documents[documents["source_file"].str.startswith("000_")].iloc[0]
    assert row["format"] == "json" and row["title_original"].startswith("免疫治疗视神经脊髓炎")
    assert row["journal"] == "Frontiers in Neurology" and row["authors"].startswith("Jing Zhou; Xiaolin Yang")
    text = texts[row["doc_id"]]
    assert text.count("A total of 213 patients were included") == 1  # abstract given three times in the file
    assert "RTX (HR = 18.41, 95% CI: 4.039-83.87; p < 0.05)" in text  # <i>p</i> unwrapped
    assert "期刊介绍" not in text and "Stroke aims" not in text  # journal blurb dropped
    assert row["language"] == "en" and row["condition"] == "NMOSD" and row["n_total"] == 213


def test_scraped_page_numbers_rejoined_and_boilerplate_gone(seeds):
    documents, texts = seeds
    row = documents[documents["source_file"].str.startswith("004_")].iloc[0]
    text = texts[row["doc_id"]]
    assert "83.0% (117/141) in the tacrolimus group and 75.0% (93/124) in the IVCY group." in text
    assert "(8.9% vs 16.2%)" in text and "299 patients (95.2%)" in text
    for noise in ("echemi logo", "service@echemi.com", "Expert Profile", "JAMA Netw Open. 2022", "Contact Us",
                  "Last Update", "Search more information"):
        assert noise not in text
    assert row["condition"] == "lupus nephritis"


def test_pubmed_page_reference_list_and_tail_dropped(seeds):
    documents, texts = seeds
    row = documents[documents["source_file"].str.startswith("001_")].iloc[0]
    text = texts[row["doc_id"]]
    assert "(HR = 25.9, 95% CI = 3.09-218, p < 0.01)" in text
    assert "Saadoun" not in text and "MeSH terms" not in text and "349-361" not in text
    assert text.count("Factors for Rituximab Refractoriness") == 1


@needs_dev
def test_dev_texts_keep_every_result_number(dev):
    """Every number of the raw text's results survives (as the same characters, dashes/minus unified)."""
    documents, texts = dev
    for name in ("001_jeong2016_aza_mmf_rtx.txt", "007_rituximab_nmo_metaanalysis.txt",
                 "012_adapt_efgartigimod_subgroups.txt", "015_c5_inhibitors_mg_metaanalysis.txt"):
        row = documents[documents["source_file"] == name].iloc[0]
        raw = (DEV / name).read_text(encoding="utf-8")
        numbers = re.findall(r"\d+(?:[.,]\d+)?", raw.split("Get full access")[0])
        text = texts[row["doc_id"]]
        missing = [n for n in numbers if n not in text]
        assert not missing, (name, missing[:10])


@needs_dev
def test_dev_boilerplate_and_catalogue_labels_removed(dev):
    documents, texts = dev
    by_name = {r.source_file[:4]: texts.get(r.doc_id, "") for r in documents.itertuples()}
    assert "Talk to us" not in by_name["002_"] and "Disclaimer" not in by_name["003_"]
    assert "Guardado en" not in by_name["004_"] and "Sin Etiquetas" not in by_name["004_"]
    assert by_name["004_"].count("Neuromyelitis optica spectrum disorder (NMOSD) is a severe") == 1
    assert "_x000D_" not in by_name["013_"] and "Skip to main content" not in by_name["016_"]
    assert "Get full access" not in by_name["001_"] and "Supplementary Material" not in by_name["001_"]


@needs_dev
def test_refworks_flattened_export(dev):
    documents, texts = dev
    row = documents[documents["source_file"] == "009_mogad_mmf_refworks_export.txt"].iloc[0]
    assert row["format"] == "refworks" and row["journal"].startswith("Neurology")
    assert row["authors"].startswith("Shengde Li; Haitao Ren")
    assert "Relapse rates were 7.4% (4/54) in the MMF+ group" in texts[row["doc_id"]]


@needs_dev
def test_dev_conditions(dev):
    documents, _ = dev
    cond = dict(zip(documents["source_file"].str[:4], documents["condition"]))
    assert {cond[k] for k in ("001_", "002_", "003_", "004_", "005_", "006_", "007_", "019_")} == {"NMOSD"}
    assert {cond[k] for k in ("008_", "009_", "010_", "011_")} == {"MOGAD"}
    assert {cond[k] for k in ("012_", "013_", "014_", "015_", "020_")} == {"myasthenia gravis"}
    assert {cond[k] for k in ("016_", "017_")} == {"lupus nephritis"}
    assert cond["018_"] == "autoimmune encephalitis"
