"""Hostile input written by the test itself: nothing crashes, every file is ingested or skipped with a
reason, no entity is expanded, nothing outside the raw folder is read, the raw folder is left unchanged."""
import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest

from evidence_review.ingest import MAX_FILE_BYTES, ingest_paths


def _hashes(folder: Path) -> dict[str, str]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("raw")
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_text("TOPSECRET-OUTSIDE-CONTENT HR 0.11 (95% CI 0.01-0.5)")

    def w(name, data):
        (root / name).write_bytes(data)

    w("empty.txt", b"")
    w("whitespace.txt", b"  \n\t\n   \r\n")
    w("binary.bin", bytes(range(256)) * 64)
    with zipfile.ZipFile(root / "archive.zip", "w") as z:
        z.writestr("../evil.txt", "HR 0.1 (95% CI 0.05-0.2)")
    w("invalid_utf8.txt", b"Results: the hazard ratio was 0.52 \xff\xfe (95% CI 0.30-0.91) \xc3\x28 in 40 patients.")
    w("utf16_bom.txt", "Results: HR 0.52 (95% CI 0.30\u20130.91) in 40 patients.".encode("utf-16"))
    w("gb18030.txt", "利妥昔单抗治疗视神经脊髓炎谱系障碍。结果：复发风险降低（HR 0.35，95% CI 0.20–0.61）。".encode("gb18030"))
    w("latin1.txt", "Étude rétrospective: réduction de 45 % chez 120 patients traités.".encode("latin-1"))
    with open(root / "big.txt", "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1024 * 1024)  # sparse: costs no disk, must not be read
    w("oneline.txt", (b"The relapse rate was 0.5 in the treated group. " * 110000)[:5_000_000])
    w("truncated.json", b'{"title": "Rituximab in NMOSD", "abstract": "HR 0.5 (95% CI')
    w("wrongtypes.json", json.dumps({"title": 5, "abstract": {"x": 1}, "authors": 7}).encode())
    w("scalar.json", b"42")
    w("deep.json", b"[" * 100000 + b"]" * 100000)
    w("deep_object.json", b'{"a":' * 100000 + b"1" + b"}" * 100000)
    w("xxe.xml", f'<?xml version="1.0"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
                 f'<article><title>x</title><p>&xxe;</p></article>'.encode())
    lol = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
           + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">\n' for i in range(1, 10))
           + "]>\n<lolz>&lol9;</lolz>")
    w("billion_laughs.xml", lol.encode())
    w("deep.html", b"<html><body>" + b"<div>" * 100000 + b"deep" + b"</div>" * 100000 + b"</body></html>")
    w("deep.xml", b'<?xml version="1.0"?>' + b"<a>" * 100000 + b"</a>" * 100000)
    w("truncated.xml", b"<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>Trunc")
    w("garbage.ris", b"TY  - \nthis is not ris at all\n%%%%\n")
    w("garbage2.ris", b"just some words in a file called ris")
    w("garbage.nbib", b"PMID- \nXX  - nothing\n")
    w("nul.txt", b"Results: HR 0.50\x00 (95% CI 0.30-0.80) in 60 patients.")
    w("crlf.txt", b"Rituximab in NMOSD: a cohort study\r\n\r\nResults: HR 0.45 (95% CI 0.25-0.80) in 88 patients.\r\n")
    w("name with spaces \u00e9\u00e8.txt", "Azathioprine in NMOSD\n\nResults: HR 1.82 (95% CI 1.1\u20133.1).".encode())
    (root / "x.txt").mkdir()
    w("x.txt/inner.txt", b"Inner document: HR 0.7 (95% CI 0.5-0.9).")
    os.symlink("loop", root / "loop")
    os.symlink("..", root / "x.txt" / "up")
    os.symlink(secret, root / "outside.txt")
    os.symlink("missing.txt", root / "broken.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "fifo.txt")
    before = _hashes(root)
    documents, texts = ingest_paths([root])
    return root, before, documents, texts


def reason(documents, name):
    row = documents[documents["source_file"] == name]
    assert len(row) >= 1, name
    return row.iloc[0]["status"], row.iloc[0]["reason"]


@pytest.mark.parametrize("name, words", [
    ("empty.txt", "empty"), ("whitespace.txt", "whitespace"), ("binary.bin", "binary"), ("archive.zip", "zip"),
    ("big.txt", "limit"), ("oneline.txt", "limit"), ("truncated.json", "truncated"),
    ("wrongtypes.json", "wrong type"), ("scalar.json", "int"), ("deep.json", "nested"), ("deep_object.json", "nested"),
    ("deep.html", "nested deeper"), ("deep.xml", "nested deeper"), ("xxe.xml", "entities"), ("billion_laughs.xml", "entities"), ("truncated.xml", "truncated"),
    ("garbage.ris", "no title"), ("garbage2.ris", "no RIS records"), ("garbage.nbib", "no MEDLINE records"),
    ("loop", "loop"), ("outside.txt", "outside the raw folder"), ("broken.txt", "broken"),
    ("x.txt/up", "folder: not followed"),
])
def test_bad_input_is_skipped_with_a_plain_reason(hostile, name, words):
    _, _, documents, _ = hostile
    status, why = reason(documents, name)
    assert status == "skipped" and words in why, (name, why)


@pytest.mark.parametrize("name, number", [
    ("utf16_bom.txt", "0.30-0.91"), ("gb18030.txt", "0.20-0.61"), ("latin1.txt", "45 %"), ("nul.txt", "0.50 (95% CI"),
    ("crlf.txt", "0.25-0.80"), ("name with spaces \u00e9\u00e8.txt", "1.1-3.1"), ("x.txt/inner.txt", "0.5-0.9"),
    ("invalid_utf8.txt", "0.30-0.91"),
])
def test_odd_but_good_text_is_ingested(hostile, name, number):
    _, _, documents, texts = hostile
    row = documents[documents["source_file"] == name].iloc[0]
    assert row["status"] == "ok", row["reason"]
    text = texts[row["doc_id"]]
    assert number in text and "\x00" not in text and "\r" not in text


def test_fifo_is_never_opened(hostile):
    _, _, documents, _ = hostile
    if (documents["source_file"] == "fifo.txt").any():
        assert reason(documents, "fifo.txt") == ("skipped", "not a regular file (socket, pipe or device): not opened")


def test_every_file_accounted_for_and_no_outside_content(hostile):
    root, _, documents, texts = hostile
    listed = set(documents["source_file"])
    for path in root.rglob("*"):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and not path.is_symlink() and "/up/" not in rel:
            assert rel in listed, rel
    assert (documents["reason"] != "").sum() == (documents["status"] == "skipped").sum()
    assert not any("TOPSECRET" in t for t in texts.values())
    assert not documents.astype(str).apply(lambda c: c.str.contains("TOPSECRET")).any().any()
    assert not any("lollollol" in t for t in texts.values())
    assert "evil" not in " ".join(texts.values())


def test_raw_folder_unchanged(hostile):
    root, before, _, _ = hostile
    assert _hashes(root) == before


def test_missing_raw_folder_is_a_config_error(tmp_path):
    from evidence_review.errors import ConfigError

    with pytest.raises(ConfigError, match="not found"):
        ingest_paths([tmp_path / "no-such-folder"])


def test_hidden_files_listed_not_read(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01binary")
    (tmp_path / "a.txt").write_text("Rituximab in NMOSD\n\nResults: HR 0.5 (95% CI 0.3-0.8).", encoding="utf-8")
    documents, texts = ingest_paths(str(tmp_path))  # one path as a string, not a list
    assert list(documents["source_file"]) == [".DS_Store", "a.txt"]
    assert documents.iloc[0]["status"] == "skipped" and "hidden" in documents.iloc[0]["reason"]
    assert len(texts) == 1


def test_adversarial_quoting_and_unclosed_tags_stay_linear(tmp_path):
    (tmp_path / "quotes.json").write_text("[" * 300 + '"' + '\\"' * 1_000_000, encoding="utf-8")
    (tmp_path / "scripts.txt").write_text("Pasted page <p>\n" + "<script>" * 200_000 + "\nResults: HR 0.5 (95% CI 0.3-0.8).",
                                          encoding="utf-8")
    documents, texts = ingest_paths([tmp_path])
    by_name = {r.source_file: r for r in documents.itertuples()}
    assert by_name["quotes.json"].status == "skipped" and "nested" in by_name["quotes.json"].reason
    assert by_name["scripts.txt"].status == "ok" and "HR 0.5 (95% CI 0.3-0.8)" in texts[by_name["scripts.txt"].doc_id]
