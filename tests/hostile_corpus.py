"""Writes a hostile raw folder into a temporary directory: every kind of input a reviewer might drop into
`data/raw/` by accident or that an attacker might plant. Nothing hostile is committed as a file; the tests
build the corpus themselves (byte for byte the same every time: no randomness without a fixed seed).

`write_hostile_corpus(base)` creates `base/raw/` (the folder handed to the pipeline) and `base/outside/`
(a file outside the raw folder holding a unique marker, which external XML entities and a symbolic link try
to reach), and returns a `HostileCorpus` describing what was written and what each input is meant to test.
"""
from __future__ import annotations

import hashlib
import io
import os
import random
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

#: Appears only in the file outside the raw folder; finding it in any output means outside content leaked.
OUTSIDE_MARKER = "OUTSIDE-RAW-MARKER-7f3c9e21d4b8"
#: Name of the file a zip member `../` would create if an archive were ever extracted.
ZIP_ESCAPE_NAME = "zip-escape-5b1d0c.txt"
#: Text inside the markup attacks; if the report ever holds it inside a live element, markup got through.
XSS_MARKER = "HOSTILE-XSS-4e8a"
#: A file name that is itself markup (Linux allows everything but '/' and NUL in a name).
MARKUP_FILE_NAME = f"<img src=x onerror=alert('{XSS_MARKER}-name')>.txt"
#: The billion-laughs seed; a run of it this long in an output means an entity was expanded.
LAUGH = "lol"

#: A clean abstract with one well-formed hazard ratio; the impossible-number documents vary its numbers.
CLEAN_ABSTRACT = (
    "{label} trial: rituximab versus azathioprine in neuromyelitis optica spectrum disorder\n"
    "Abstract\n"
    "Background: Neuromyelitis optica spectrum disorder (NMOSD) is a relapsing autoimmune disease.\n"
    "Methods: In the {label} randomized controlled trial, 86 patients with NMOSD were randomly assigned to "
    "rituximab (n = 43) or azathioprine (n = 43) and followed for 12 months.\n"
    "Results: {sentence}\n"
    "Conclusions: Rituximab was well tolerated in patients with NMOSD.\n"
)
CLEAN_SENTENCE = ("Rituximab reduced the risk of relapse compared with azathioprine "
                  "(HR 0.{digits}, 95% CI 0.20-0.80; p = 0.01).")


#: One distinct study name per document, so that deduplication (near-identical titles) keeps them apart.
STUDY_LABELS = {
    "41": "Zip Member Harbour", "43": "Broken Bytes Valley", "44": "Sixteen Bit Orchard", "45": "Shenzhen Lotus",
    "46": "Alpine Cedilla", "47": "Null Character Ridge", "48": "Carriage Return Meadow",
    "49": "Spaced Name Lagoon", "51": "Folder Lookalike Canyon", "42": "External Entity Delta",
    "52": "Markup Page Summit", "54": "Json Markup Prairie", "55": "Tag Named File Basin",
    "56": "Quoted Newline Name Gorge", "57": "Hidden File Hollow", "58": "Hidden Folder Glen",
}


def clean_abstract(digits: str) -> str:
    """A clean abstract with HR 0.<digits>; each `digits` value belongs to one named study."""
    return CLEAN_ABSTRACT.format(label=STUDY_LABELS[digits], sentence=CLEAN_SENTENCE.format(digits=digits))


#: file name -> (study name, result sentence with an impossible number, what is impossible about it).
IMPOSSIBLE = {
    "impossible_hr_zero.txt": ("Zero Hazard Plateau",
        "Rituximab reduced the risk of relapse compared with azathioprine (HR 0, 95% CI 0.20-0.80; p = 0.01).",
        "HR = 0"),
    "impossible_reversed_ci.txt": ("Reversed Interval Fjord",
        "Rituximab reduced the risk of relapse compared with azathioprine (HR 0.50, 95% CI 0.80-0.30; p = 0.01).",
        "reversed CI"),
    "impossible_ci_excludes.txt": ("Excluding Interval Moor",
        "Rituximab reduced the risk of relapse compared with azathioprine (HR 1.90, 95% CI 0.20-0.80; p = 0.01).",
        "CI excludes the estimate"),
    "impossible_negative_or.txt": ("Negative Odds Steppe",
        "Rituximab reduced the odds of relapse compared with azathioprine (OR -0.45, 95% CI -0.90 to -0.10; "
        "p = 0.01).",
        "negative OR"),
    "impossible_p_over_one.txt": ("Oversized Probability Bay",
        "Rituximab reduced the risk of relapse compared with azathioprine (HR 0.45, 95% CI 0.20-0.80; p = 1.7).",
        "p = 1.7"),
    "impossible_hr_nan.txt": ("Not A Number Tundra",
        "Rituximab reduced the risk of relapse compared with azathioprine (HR = nan, 95% CI 0.20-0.80; "
        "p = 0.01).",
        'HR = "nan"'),
}

#: Files that must come out as `skipped` (with a reason): there is no document in them to read.
MUST_SKIP = {
    "empty.txt", "whitespace_only.txt", "binary.bin", "archive.zip", "over_15_mb.txt", "single_line_5_mb.txt",
    "truncated.json", "nested_100000_deep.json", "external_entity.xml", "external_entity_pubmed.xml",
    "billion_laughs.xml", "symlink_loop_a", "symlink_loop_b", "symlink_self_loop", "link_to_outside.txt",
    "link_to_folder", "named_pipe.txt", ".hidden abstract.txt", ".cache",
}
#: Files in a normal format that must be ingested (status ok) and whose estimate must be found.
MUST_INGEST_WITH_ESTIMATE = {
    "utf16_with_bom.txt", "gb18030.txt", "latin1.txt", "crlf_line_endings.txt", "nul_bytes.txt",
    "name with spaces and ünïcödé lëttérs 中文.txt", "notes.txt/inner abstract.txt", "invalid_utf8.txt",
    *IMPOSSIBLE,
}


@dataclass
class HostileCorpus:
    raw: Path
    outside: Path
    #: relative path -> one line saying what the input is (the table in the reliability note)
    descriptions: dict[str, str] = field(default_factory=dict)
    #: relative path -> the hazard ratio its clean abstract prints (95% CI 0.20-0.80), for documents
    #: whose only oddity is their encoding, bytes or name
    clean_hr: dict[str, float] = field(default_factory=dict)


def _write(corpus: HostileCorpus, rel: str, data: bytes | str, what: str) -> Path:
    path = corpus.raw / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    corpus.descriptions[rel] = what
    return path


def _link(corpus: HostileCorpus, rel: str, target: str, what: str) -> None:
    os.symlink(target, corpus.raw / rel)
    corpus.descriptions[rel] = what


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # A fixed date keeps the bytes identical from run to run.
        for name, text in ((f"../{ZIP_ESCAPE_NAME}", "written outside the raw folder if ever extracted"),
                           (f"../../{ZIP_ESCAPE_NAME}", "two levels up"),
                           ("inside.txt", clean_abstract("41"))):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


def _billion_laughs() -> str:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", f' <!ENTITY lol "{LAUGH}">']
    lines.append(' <!ENTITY lol1 "' + "&lol;" * 10 + '">')
    for level in range(2, 10):
        lines.append(f' <!ENTITY lol{level} "' + f"&lol{level - 1};" * 10 + '">')
    lines += ["]>", "<article><title>Laughs</title><abstract>&lol9;</abstract></article>"]
    return "\n".join(lines) + "\n"


def _external_entity(target: Path) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<!DOCTYPE article [ <!ENTITY xxe SYSTEM "{target.as_uri()}"> ]>\n'
            f"<article><title>External entity &xxe;</title><abstract>Rituximab and &xxe; in NMOSD."
            f"</abstract></article>\n")


def _external_entity_pubmed(target: Path) -> str:
    return (f'<?xml version="1.0"?>\n'
            f'<!DOCTYPE PubmedArticleSet [ <!ENTITY xxe SYSTEM "{target.as_uri()}"> ]>\n'
            "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>99999999</PMID><Article>"
            "<ArticleTitle>Rituximab in NMOSD &xxe;</ArticleTitle>"
            "<Abstract><AbstractText>&xxe; " + CLEAN_SENTENCE.format(digits="42") + "</AbstractText></Abstract>"
            "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n")


def write_hostile_corpus(base: Path) -> HostileCorpus:
    base = Path(base)
    corpus = HostileCorpus(raw=base / "raw", outside=base / "outside")
    corpus.raw.mkdir(parents=True)
    corpus.outside.mkdir(parents=True)
    secret = corpus.outside / "secret.txt"
    secret.write_text(f"{OUTSIDE_MARKER}\n", encoding="utf-8")
    rng = random.Random(20260101)

    # --- nothing to read
    _write(corpus, "empty.txt", b"", "empty file (0 bytes)")
    _write(corpus, "whitespace_only.txt", " \n\t\r\n   \n" * 50, "spaces, tabs and line breaks only")
    _write(corpus, "binary.bin", rng.randbytes(4096), "4 KB of random bytes")
    _write(corpus, "archive.zip", _zip_bytes(), "zip archive with members named ../ and ../../")

    # --- encodings and control characters
    _write(corpus, "invalid_utf8.txt",
           clean_abstract("43").encode("utf-8").replace(b"Background:", b"Background \xff\xfe\xc3\x28 bytes:"),
           "abstract with invalid UTF-8 byte sequences in the middle")
    _write(corpus, "utf16_with_bom.txt", clean_abstract("44").encode("utf-16"), "abstract in UTF-16 with a BOM")
    _write(corpus, "gb18030.txt",
           ("利妥昔单抗治疗视神经脊髓炎谱系疾病\n" + clean_abstract("45")
            + "结论：利妥昔单抗降低复发风险。\n").encode("gb18030"),
           "Chinese title + English abstract, GB18030-encoded")
    _write(corpus, "latin1.txt",
           clean_abstract("46").replace("Background:", "Background (Müller, Sérgio, Ærø):").encode("latin-1"),
           "abstract with accented names, Latin-1-encoded")
    _write(corpus, "nul_bytes.txt", clean_abstract("47").replace("Methods:", "Methods:\x00\x00").replace(
        "Results:", "\x00Results:").encode("utf-8"), "abstract with NUL bytes inside")
    _write(corpus, "crlf_line_endings.txt", clean_abstract("48").replace("\n", "\r\n").encode("utf-8"),
           "abstract with Windows CRLF line endings")

    # --- size limits
    line = ("Rituximab was compared with azathioprine in NMOSD. " * 20 + "\n").encode("utf-8")
    _write(corpus, "over_15_mb.txt", line * (16 * 1024 * 1024 // len(line) + 1), "16 MB text file (over 15 MB)")
    _write(corpus, "no_full_stops_180k.txt",
           "Long Unpunctuated Estuary trial of rituximab versus azathioprine in NMOSD\nAbstract\n"
           + "Rituximab reduced relapse compared with azathioprine (HR 0.50, 95% CI 0.20-0.80; p = 0.01) " * 2000,
           "180,000 characters without a full stop, the same estimate 2,000 times (one endless sentence)")
    _write(corpus, "single_line_5_mb.txt", b"relapse " * (5 * 1024 * 1024 // 8), "one 5 MB line, no line break")

    # --- JSON
    _write(corpus, "truncated.json", '{"title": "Rituximab in NMOSD", "abstract": "Rituximab reduced the risk of re',
           "JSON cut off mid-string")
    _write(corpus, "wrong_types.json",
           '{"title": 12345, "abstract": ["Rituximab", {"nested": null}, 3.5], "year": "not a year", '
           '"authors": 7, "doi": false, "pmid": {"id": []}, "journal": [null]}',
           "JSON whose fields have the wrong types (number title, list abstract, ...)")
    _write(corpus, "nested_100000_deep.json", "[" * 100_000 + "]" * 100_000, "JSON arrays nested 100,000 deep")

    _write(corpus, "references_with_a_broken_row.csv",
           "Title,Abstract,Year\n"
           "Comma Survivor Ridge cohort of rituximab in NMOSD,Rituximab was given to 30 patients.,2021\n"
           "A title, with an unquoted comma,and an abstract,2020,surplus field\n"
           "Quoted Field Harbour cohort of azathioprine in NMOSD,\"Azathioprine, then rituximab.\",2022\n",
           "CSV export in which one row has more fields than the header (an unquoted comma)")

    # --- XML attacks
    _write(corpus, "external_entity.xml", _external_entity(secret),
           "XML with an external entity pointing at a file outside the raw folder")
    _write(corpus, "external_entity_pubmed.xml", _external_entity_pubmed(secret),
           "PubMed XML with an external entity in the title and abstract")
    _write(corpus, "billion_laughs.xml", _billion_laughs(), "XML entity expansion (billion laughs, 10^9 'lol')")

    # --- garbage bibliographic formats
    _write(corpus, "garbage.ris",
           "TY  - \nTI  - \x07\nER  - \nTY  - JOUR\nAU  - \nPY  - abcd\nnot a tag at all\nTY  - JOUR\n"
           "TI  - unterminated record\n" + "JF  - " + "x" * 5000 + "\n",
           "RIS with empty and unterminated records and junk lines")
    _write(corpus, "garbage_medline.nbib",
           "PMID- notanumber\nTI  - \nAB  - \n      continuation without a tag\nPMID- 1\nFAU - ,,,\nDP  - 99999\n"
           "XX  - unknown tag\nPMID-\n",
           "MEDLINE with bad PMIDs, empty fields and unknown tags")

    # --- names and folders
    _write(corpus, "name with spaces and ünïcödé lëttérs 中文.txt", clean_abstract("49"),
           "normal abstract; file name with spaces and non-ASCII letters")
    _write(corpus, "notes.txt/inner abstract.txt", clean_abstract("51"),
           "normal abstract inside a folder named like a file (notes.txt/)")
    _write(corpus, MARKUP_FILE_NAME, clean_abstract("55"),
           "normal abstract in a file whose name is an <img onerror=...> tag")
    _write(corpus, "quote\"and'apostrophe\nnewline, comma.txt", clean_abstract("56"),
           "normal abstract; file name with quotes, a comma and a line break")
    _write(corpus, ".hidden abstract.txt", clean_abstract("57"), "hidden file (name starts with a dot)")
    _write(corpus, ".cache/inside hidden folder.txt", clean_abstract("58"), "file inside a hidden folder")
    _link(corpus, "symlink_loop_a", "symlink_loop_b", "symbolic link loop (a -> b)")
    _link(corpus, "symlink_loop_b", "symlink_loop_a", "symbolic link loop (b -> a)")
    _link(corpus, "symlink_self_loop", "symlink_self_loop", "symbolic link pointing at itself")
    _link(corpus, "link_to_outside.txt", str(secret), "symbolic link to a file outside the raw folder")
    _link(corpus, "link_to_folder", ".", "symbolic link to the raw folder itself (a folder loop)")
    if hasattr(os, "mkfifo"):  # a reader that opens a named pipe blocks forever
        os.mkfifo(corpus.raw / "named_pipe.txt")
        corpus.descriptions["named_pipe.txt"] = "named pipe (FIFO) with a .txt name: opening it would block"

    # --- impossible numbers in otherwise normal abstracts
    for name, (label, sentence, what) in IMPOSSIBLE.items():
        _write(corpus, name, CLEAN_ABSTRACT.format(label=label, sentence=sentence),
               f"normal abstract with an impossible number: {what}")

    # --- possible but absurd numbers: not flagged, but pooling must stay finite and say what it did
    for name, label, numbers, what in (
            ("zero_width_ci.txt", "Zero Width Interval Cove", "HR 0.50, 95% CI 0.50-0.50",
             "a confidence interval of zero width (HR 0.50, 0.50-0.50)"),
            ("extreme_ratio_small.txt", "Vanishing Ratio Isle", "HR 0.0001, 95% CI 0.00001-0.001",
             "an extreme but consistent hazard ratio (0.0001)"),
            ("extreme_interval_wide.txt", "Boundless Interval Mesa", "HR 0.50, 95% CI 0.000001-250000",
             "an interval spanning eleven orders of magnitude")):
        _write(corpus, name, CLEAN_ABSTRACT.format(label=label, sentence=(
            f"Rituximab reduced the risk of relapse compared with azathioprine ({numbers}; p = 0.01).")), what)

    # --- live markup aimed at the report
    _write(corpus, "markup_attack.html",
           "<!doctype html><html><head><title>Rituximab <script>alert('" + XSS_MARKER + "-title')</script></title>"
           "</head><body><h1>Rituximab in NMOSD <img src=x onerror=\"alert('" + XSS_MARKER + "-img')\"></h1>"
           "<p>" + CLEAN_SENTENCE.format(digits="52") + " <script>alert('" + XSS_MARKER + "-body')</script>"
           "<a href=\"javascript:alert('" + XSS_MARKER + "-href')\" onclick=\"alert('" + XSS_MARKER
           + "-click')\">link</a></p></body></html>\n",
           "HTML page with <script>, onerror= and javascript: links in title and body")
    _write(corpus, "markup_in_text.txt",
           "Rituximab <script>alert('" + XSS_MARKER + "-t1')</script> in NMOSD "
           "<img src=x onerror=alert('" + XSS_MARKER + "-t2')>\nAbstract\n"
           "Results: Rituximab reduced the risk of relapse compared with azathioprine <b onmouseover=alert('"
           + XSS_MARKER + "-t3')>(HR 0.53, 95% CI 0.20-0.80; p = 0.01)</b>. "
           "&lt;script&gt;alert('" + XSS_MARKER + "-t4')&lt;/script&gt; &lt;img src=x onerror=alert('"
           + XSS_MARKER + "-t5')&gt;\n",
           "plain-text abstract with raw and entity-encoded <script>/onerror= markup around an estimate")
    _write(corpus, "markup_in_json.json",
           '{"title": "<script>alert(\'' + XSS_MARKER + '-j1\')</script>Rituximab in NMOSD", '
           '"abstract": "<img src=x onerror=alert(\'' + XSS_MARKER + '-j2\')> '
           + CLEAN_SENTENCE.format(digits="54") + '", "year": 2024}',
           "JSON record with <script> in the title and onerror= in the abstract")
    corpus.clean_hr.update({
        "invalid_utf8.txt": 0.43, "utf16_with_bom.txt": 0.44, "gb18030.txt": 0.45, "latin1.txt": 0.46,
        "nul_bytes.txt": 0.47, "crlf_line_endings.txt": 0.48, "name with spaces and ünïcödé lëttérs 中文.txt": 0.49,
        "notes.txt/inner abstract.txt": 0.51, "markup_attack.html": 0.52, "markup_in_text.txt": 0.53,
        "markup_in_json.json": 0.54, "no_full_stops_180k.txt": 0.50, MARKUP_FILE_NAME: 0.55,
        "quote\"and'apostrophe\nnewline, comma.txt": 0.56,
    })
    return corpus


def snapshot_tree(folder: Path) -> dict[str, tuple]:
    """Every entry under `folder` (links not followed): files by content hash and mode, links by target,
    folders by mode. Two equal snapshots mean nothing was added, removed, changed or re-permissioned."""
    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                out[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = ("dir", stat.S_IMODE(st.st_mode))
            elif not stat.S_ISREG(st.st_mode):  # a FIFO or socket: never opened (opening a FIFO blocks)
                out[rel] = ("special", stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode))
            else:
                out[rel] = ("file", stat.S_IMODE(st.st_mode), st.st_size,
                            hashlib.sha256(path.read_bytes()).hexdigest())
    return out
