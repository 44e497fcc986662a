"""Exports over the 15 MB single-document limit: a database search's MEDLINE, PubMed XML, RIS, CSV or JSON Lines
file is read record by record, every record kept, a record over the per-record limit skipped with its reason
while its neighbours are kept, and each record read exactly as it is read from a small file.

The large files are built here from the shipped fixture records, each copy with its own PMID and a consortium's
list of affiliations (a thousand centres, as in large trials' records; a field the readers pass over, so the test
spends its time reading, not describing) so that a hundred records pass 15 MB; one record in the middle carries
an abstract longer than MAX_RECORD_CHARS.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from evidence_review.ingest import exports, ingest_paths, ingest_with_structures
from evidence_review.ingest.limits import MAX_FILE_BYTES, MAX_RECORD_CHARS

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
N_RECORDS = 120
OVERSIZE_AT = 57
CENTRES = 1100


def consortium(k: int) -> list[str]:
    """The affiliations of a trial consortium's centres."""
    return [f"Department of Neurology, University Hospital {a}, Example City {k}, Country {a % 40}. "
            f"investigator{a}@example.org" for a in range(CENTRES)]


def oversize_abstract() -> str:
    sentence = "Rituximab reduced the relapse rate compared with azathioprine in this long report. "
    return sentence * (MAX_RECORD_CHARS // len(sentence) + 10)


# ------------------------------------------------------------------------------------------ builders per format

def medline_export(n: int) -> str:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", (FIXTURES / "pubmed_export.nbib").read_text(encoding="utf-8")) if b.strip()]
    out = []
    for i in range(n):
        block = re.sub(r"^PMID- \d+", f"PMID- {50000000 + i}", blocks[i % len(blocks)], flags=re.M)
        if i == OVERSIZE_AT:
            block = re.sub(r"^AB  - .*?(?=^[A-Z]{2,4} ?- )", f"AB  - {oversize_abstract()}\n", block,
                           flags=re.M | re.S)
        block += "".join(f"\nAD  - {aff}" for aff in consortium(i))
        out.append(block)
    return "\n\n".join(out) + "\n"


def pubmed_xml_export(n: int) -> str:
    text = (FIXTURES / "pubmed_set.xml").read_text(encoding="utf-8")
    articles = re.findall(r"<PubmedArticle>.*?</PubmedArticle>", text, re.S)
    head = text[:text.index("<PubmedArticle>")]
    out = []
    for i in range(n):
        article = re.sub(r"<PMID Version=\"1\">\d+</PMID>|<PMID>\d+</PMID>",
                         f'<PMID Version="1">{50000000 + i}</PMID>', articles[i % len(articles)])
        centres = "".join(f"<Investigator><LastName>Centre</LastName><AffiliationInfo><Affiliation>{aff}</Affiliation>"
                          "</AffiliationInfo></Investigator>\n" for aff in consortium(i))
        article = article.replace("</MedlineCitation>", f"<InvestigatorList>{centres}</InvestigatorList></MedlineCitation>")
        if i == OVERSIZE_AT:
            article = article.replace("</Abstract>", f"<AbstractText>{oversize_abstract()}</AbstractText></Abstract>")
        out.append(article)
    return head + "\n".join(out) + "\n</PubmedArticleSet>\n"


def ris_export(n: int) -> str:
    blocks = re.findall(r"^TY  - .*?^ER  - *\n?", (FIXTURES / "zotero_export.ris").read_text(encoding="utf-8"),
                        re.M | re.S)
    out = []
    for i in range(n):
        block = blocks[i % len(blocks)].rstrip()
        assert block.endswith("ER  -") or block.endswith("ER  - ")
        body = block[:block.rindex("ER  -")]
        if i == OVERSIZE_AT:
            body += f"N2  - {oversize_abstract()}\n"
        body += f"AN  - {50000000 + i}\n" + "".join(f"AD  - {aff}\n" for aff in consortium(i))
        out.append(body + "ER  - \n")
    return "\n".join(out)


def csv_export(n: int) -> str:
    rows = [row for row in csv.DictReader(io.StringIO((FIXTURES / "scopus_export.csv").read_text(encoding="utf-8")))
            if row["Title"]]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*rows[0].keys(), "PubMed ID", "Authors with affiliations"],
                            lineterminator="\n")
    writer.writeheader()
    for i in range(n):
        row = dict(rows[i % len(rows)])
        row["PubMed ID"] = str(50000000 + i)
        row["Authors with affiliations"] = "; ".join(consortium(i))
        if i == OVERSIZE_AT:
            row["Abstract"] = oversize_abstract()
        writer.writerow(row)
    return buffer.getvalue()


def json_objects(n: int) -> list[dict]:
    objects = [json.loads(line) for line in (FIXTURES / "records.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    objects = [o for o in objects if isinstance(o.get("title"), str)]
    out = []
    for i in range(n):
        obj = dict(objects[i % len(objects)])
        obj["pmid"] = str(50000000 + i)
        obj["affiliations"] = consortium(i)
        if i == OVERSIZE_AT:
            obj["abstract"] = oversize_abstract()
        out.append(obj)
    return out


def jsonl_export(n: int) -> str:
    return "\n".join(json.dumps(obj, ensure_ascii=False) for obj in json_objects(n)) + "\n"


def json_array_export(n: int) -> str:
    return json.dumps(json_objects(n), ensure_ascii=False, indent=1) + "\n"


BUILDERS = {"export.nbib": medline_export, "pubmed.xml": pubmed_xml_export, "export.ris": ris_export,
            "scopus.csv": csv_export, "records.jsonl": jsonl_export, "works.json": json_array_export}


LARGE_EXPORT_PATHS: dict[str, Path] = {}


@pytest.fixture(scope="module", params=sorted(BUILDERS))
def large_export(request, tmp_path_factory):
    name = request.param
    folder = tmp_path_factory.mktemp("large")
    path = folder / name
    path.write_text(BUILDERS[name](N_RECORDS), encoding="utf-8")
    LARGE_EXPORT_PATHS[name] = path
    assert path.stat().st_size > MAX_FILE_BYTES, f"{name} is only {path.stat().st_size:,} bytes"
    documents, texts, structures = ingest_with_structures([folder])
    return name, documents, texts


def test_a_large_export_is_read_with_every_record(large_export):
    name, documents, texts = large_export
    assert len(documents) == N_RECORDS, documents["reason"].head().tolist()
    kept = documents[documents["record"] != OVERSIZE_AT]
    assert (kept["status"] == "ok").all(), kept.loc[kept["status"] != "ok", "reason"].head().tolist()
    assert sorted(documents["record"]) == list(range(N_RECORDS))
    assert set(kept["pmid"]) == {str(50000000 + i) for i in range(N_RECORDS) if i != OVERSIZE_AT}
    assert len(texts) == N_RECORDS - 1


def test_a_record_over_its_limit_is_skipped_and_its_neighbours_kept(large_export):
    _, documents, _ = large_export
    by_record = documents.set_index("record")
    skipped = by_record.loc[OVERSIZE_AT]
    assert skipped["status"] == "skipped"
    assert f"{MAX_RECORD_CHARS:,}-character limit for one record" in skipped["reason"], skipped["reason"]
    assert by_record.loc[OVERSIZE_AT - 1, "status"] == "ok" and by_record.loc[OVERSIZE_AT + 1, "status"] == "ok"


def test_a_record_of_a_large_export_reads_as_it_does_from_a_small_file(large_export, tmp_path):
    """The first three records written as a small file give the same rows and texts as in the large one."""
    name, documents, texts = large_export
    small = tmp_path / name
    small.write_text(BUILDERS[name](3), encoding="utf-8")
    small_docs, small_texts = ingest_paths([small])
    columns = ["record", "status", "title", "authors", "journal", "year", "doi", "pmid", "language", "design",
               "n_total", "text_chars"]
    large_first = documents[documents["record"] < 3].reset_index(drop=True)
    assert large_first[columns].equals(small_docs[columns])
    assert [texts[d] for d in large_first["doc_id"]] == [small_texts[d] for d in small_docs["doc_id"]]


def test_a_large_exports_records_described_per_partition_give_the_same_rows(large_export, monkeypatch):
    """The records of one large export are described per partition (waves of 50, three partitions each, on
    threads): the same rows, texts and structures, in the same order, as read and described in one process."""
    from evidence_review.ingest import pipeline
    from evidence_review.ingest.discover import discover

    name = large_export[0]
    path = LARGE_EXPORT_PATHS[name]
    reference = pipeline._ingest_large(discover([path])[0])
    monkeypatch.setattr(pipeline, "WAVE_RECORDS", 50)
    calls = []
    real_map = pipeline.map_partitions

    def counted(func, items, **kwargs):
        calls.append(len(items))
        return real_map(func, items, **kwargs)

    monkeypatch.setattr(pipeline, "map_partitions", counted)
    on_threads = pipeline._ingest_large_on_workers(discover([path])[0], "threads", 3)
    assert calls == [50, 50, N_RECORDS - 100]  # three waves
    assert on_threads == reference and len(reference) == N_RECORDS


# ------------------------------------------------------------------------------------- the record splitters

def test_articles_cut_anywhere_between_pieces_are_found_whole(monkeypatch):
    """PubMed XML on one line, read in 7-character pieces: tags cut between pieces still delimit the articles."""
    text = (FIXTURES / "pubmed_set.xml").read_text(encoding="utf-8")
    whole = [r.__dict__ for r in exports.records_of("pubmed-xml", io.StringIO(text))]
    monkeypatch.setattr(exports, "PIECE_CHARS", 7)
    pieces = [r.__dict__ for r in exports.records_of("pubmed-xml", io.StringIO(text.replace("\n", " ")))]
    assert len(whole) == 2 and [r["pmid"] for r in pieces] == [r["pmid"] for r in whole]
    assert [r["title"] for r in pieces] == [r["title"] for r in whole]


def test_a_table_read_in_chunks_numbers_its_rows_throughout(monkeypatch):
    from evidence_review.ingest.readers import tabular

    text = csv_export(9)
    monkeypatch.setattr(tabular, "CHUNK_ROWS", 2)
    records = list(exports.records_of("csv", io.StringIO(text)))
    assert [r.record for r in records] == list(range(9))
    assert [r.pmid for r in records] == [str(50000000 + i) for i in range(9)]


def test_a_large_file_that_is_not_an_export_is_still_refused(tmp_path):
    (tmp_path / "book.txt").write_text("A very long book about relapses. " * (MAX_FILE_BYTES // 30), encoding="utf-8")
    documents, _ = ingest_paths([tmp_path])
    assert documents["status"].tolist() == ["skipped"]
    assert "over the 15.0 MB limit" in documents["reason"].iloc[0] and "export" in documents["reason"].iloc[0]


def test_a_large_pubmed_file_declaring_entities_is_refused_whole(tmp_path):
    text = pubmed_xml_export(2).replace("<PubmedArticleSet>", '<!DOCTYPE x [<!ENTITY e "boom">]>\n<PubmedArticleSet>', 1)
    text = text.replace("</PubmedArticleSet>", "<!-- padding -->\n" * (MAX_FILE_BYTES // 17) + "</PubmedArticleSet>")
    (tmp_path / "set.xml").write_text(text, encoding="utf-8")
    documents, texts = ingest_paths([tmp_path])
    assert documents["status"].tolist() == ["skipped"] and "entities" in documents["reason"].iloc[0]
    assert not texts
