"""doc_id stability, duplicates across files, deterministic and atomic outputs."""
import shutil
from pathlib import Path

import pandas as pd
import pytest

from evidence_review.ingest import ingest_paths, load_ingest, save_ingest
from evidence_review.paths import repo_root

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
DEV = repo_root().parent / "shared" / "dev_corpus" / "raw"


def test_doc_ids_do_not_depend_on_other_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    shutil.copy(FIXTURES / "pubmed_export.nbib", a)
    for name in ("pubmed_export.nbib", "zotero_export.ris", "records.jsonl"):
        shutil.copy(FIXTURES / name, b)
    alone, _ = ingest_paths([a])
    together, _ = ingest_paths([b])
    ids = lambda d: list(d.loc[d["source_file"] == "pubmed_export.nbib", "doc_id"])  # noqa: E731
    assert ids(alone) == ids(together)
    assert len(set(together["doc_id"])) == len(together)


def test_byte_identical_files_get_distinct_ids_and_the_copy_is_a_duplicate(tmp_path):
    shutil.copy(FIXTURES / "zotero_export.ris", tmp_path / "a.ris")
    shutil.copy(FIXTURES / "zotero_export.ris", tmp_path / "b.ris")
    documents, texts = ingest_paths([tmp_path])
    a = documents[documents["source_file"] == "a.ris"].sort_values("record")
    b = documents[documents["source_file"] == "b.ris"].sort_values("record")
    assert len(set(documents["doc_id"])) == 4
    assert list(b["duplicate_of"]) == list(a["doc_id"]) and set(a["duplicate_of"]) == {""}
    assert all(i in texts for i in b["doc_id"])  # duplicates keep status ok and a text


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus not available")
def test_duplicates_by_doi_pmid_and_title_point_at_the_first(tmp_path):
    documents, _ = ingest_paths([DEV, FIXTURES])
    by_file = {(r.source_file, r.record): r for r in documents.itertuples()}
    first_id = lambda f, r=0: by_file[(f, r)].doc_id  # noqa: E731
    dup = lambda f, r=0: by_file[(f, r)].duplicate_of  # noqa: E731
    # PMID 37463054 (dev page) and the MEDLINE record; DOI 10.1212/nxi... (RefWorks) and the CSV row;
    # the catalogue record (no DOI) and the RIS record share a title.
    assert dup("pubmed_export.nbib", 1) == first_id("016_bliss_ln_belimumab_posthoc.txt")
    assert dup("scopus_export.csv", 0) == first_id("009_mogad_mmf_refworks_export.txt")
    assert dup("zotero_export.ris", 0) == first_id("004_tacrolimus_nmosd_catalog.txt")
    assert dup("scopus_export.csv", 1) == first_id("006_lowdose_corticosteroids_nmo.txt")
    assert dup("pubmed_set.xml", 0) == first_id("018_autoimmune_encephalitis_rituximab_relapse.txt")
    originals = documents[documents["duplicate_of"] == ""]
    assert set(documents.loc[documents["duplicate_of"] != "", "duplicate_of"]) <= set(originals["doc_id"])
    assert dup("001_jeong2016_aza_mmf_rtx.txt") == "" and dup("019_nmo_treatment_patient_page.txt") == ""


def test_rows_sorted_and_two_runs_identical(tmp_path):
    first, texts1 = ingest_paths([FIXTURES])
    second, texts2 = ingest_paths([FIXTURES])
    pd.testing.assert_frame_equal(first, second)
    assert texts1 == texts2
    assert list(first["source_file"]) == sorted(first["source_file"])
    save_ingest(first, texts1, tmp_path / "one")
    save_ingest(second, texts2, tmp_path / "two")
    for name in ("documents.csv", "texts.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_save_and_load_round_trip(tmp_path):
    documents, texts = ingest_paths([FIXTURES])
    save_ingest(documents, texts, tmp_path)
    loaded, loaded_texts = load_ingest(tmp_path)
    assert loaded_texts == texts
    assert list(loaded.columns) == list(documents.columns)
    for col in ("doc_id", "title", "doi", "pmid", "status", "reason", "duplicate_of"):
        assert list(loaded[col]) == list(documents[col]), col
    assert list(loaded["year"].astype("Int64")) == list(documents["year"])
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temporary files


def test_empty_raw_folder_gives_an_empty_table_with_the_contract_columns(tmp_path):
    (tmp_path / "raw").mkdir()
    documents, texts = ingest_paths([tmp_path / "raw"])
    assert len(documents) == 0 and texts == {}
    save_ingest(documents, texts, tmp_path / "out")
    loaded, loaded_texts = load_ingest(tmp_path / "out")
    assert list(loaded.columns) == list(documents.columns) and len(loaded) == 0 and loaded_texts == {}


def test_same_abstract_from_two_sites_is_a_duplicate_by_its_numbers(tmp_path):
    abstract = ("Results: In patients <3 years from diagnosis, 78.6% EFG (n=11/14) vs 23.5% PBO (n=4/17) were "
                "responders (difference 55.0%, 95% CI, 25.6-84.5). In non-thymectomized patients, 85.0% vs 32.4% "
                "(difference 52.6%, 95% CI, 30.5-74.8). Any corticosteroid: 63.0% vs 29.4% (difference 33.6%, "
                "95% CI, 14.9-52.4).")
    (tmp_path / "a_conference.txt").write_text("Abstract\n\n" + abstract + "\n\nTalk to us\nSchedule a call\n",
                                               encoding="utf-8")
    (tmp_path / "b_aggregator.txt").write_text("Skip to main content\nBackground: ADAPT subgroups.\n" + abstract +
                                               "\nReferences\n1. Howard JF. Lancet Neurol 2021;20:526-536.",
                                               encoding="utf-8")
    (tmp_path / "c_other.txt").write_text("Abstract\n\nResults: HR 0.42 (95% CI 0.21-0.84); ARR 1.61 vs 0.32; "
                                          "OR 2.31 (1.07-5.01); MD -3.52 (-4.51 to -2.54).", encoding="utf-8")
    documents, _ = ingest_paths([tmp_path])
    a, b, c = (documents.iloc[i] for i in range(3))
    assert a["title_source"] == b["title_source"] == "first sentence"  # no title to match on
    assert b["duplicate_of"] == a["doc_id"] and a["duplicate_of"] == "" and c["duplicate_of"] == ""


def test_titles_differing_only_in_a_number_are_not_duplicates(tmp_path):
    for part in (1, 2):
        (tmp_path / f"part{part}.txt").write_text(
            f"Rituximab in neuromyelitis optica spectrum disorder: results of part {part}\n\n"
            f"Results: HR 0.{part}4 (95% CI 0.2-0.9).", encoding="utf-8")
    documents, _ = ingest_paths([tmp_path])
    assert set(documents["duplicate_of"]) == {""}
