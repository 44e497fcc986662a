"""Reliability: the real pipeline (`evidence-review run`, four notebooks and the report) on a hostile raw folder.

The corpus is written by `hostile_corpus.write_hostile_corpus` into a temporary folder (nothing hostile is
committed). One module-scoped fixture runs the pipeline ONCE; every test then checks one promise of issue 8
against what that run left behind: it finished, every input is accounted for in the tables and the report,
impossible numbers are flagged and not pooled, nothing from outside the raw folder leaks, no entity is
expanded, no live markup from inputs reaches the report, and neither the raw folder nor the reviewer's
decisions are touched.
"""
from __future__ import annotations

import csv
import os
import re
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from conftest import CHROMIUM, CHROMIUM_ARGS, REPO_ROOT, console_script
from hostile_corpus import (IMPOSSIBLE, LAUGH, MUST_INGEST_WITH_ESTIMATE, MUST_SKIP, OUTSIDE_MARKER, XSS_MARKER,
                            ZIP_ESCAPE_NAME, HostileCorpus, snapshot_tree, write_hostile_corpus)

pytestmark = pytest.mark.slow

#: Generous: the run takes well under a minute on 2 cores; a hang must fail the test, not the CI job.
RUN_TIMEOUT = 900
#: A decision for an estimate that does not exist: it must be reported, never dropped silently.
ORPHAN_ESTIMATE_ID = "feedfacefeed-0-00000dead0"
#: Everything the run writes, together; billion laughs expanded would be gigabytes.
MAX_OUTPUT_BYTES = 25 * 1024 * 1024


@dataclass
class HostileRun:
    corpus: HostileCorpus
    processed: Path
    reports: Path
    curation: Path
    workdir: Path
    result: subprocess.CompletedProcess
    raw_before: dict
    raw_after: dict
    curation_before: dict
    curation_after: dict
    repo_curation_before: dict
    repo_curation_after: dict

    @property
    def report(self) -> Path:
        return self.reports / "evidence_report.html"

    def table(self, name: str) -> pd.DataFrame:
        return pd.read_csv(self.processed / name, dtype=str, keep_default_na=False)

    def output_files(self) -> list[Path]:
        return sorted(p for folder in (self.processed, self.reports) for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> HostileRun:
    base = tmp_path_factory.mktemp("hostile")
    corpus = write_hostile_corpus(base)
    curation = base / "curation"
    curation.mkdir()
    # The reviewer's note carries markup too: the report shows notes, and must show them as text.
    with open(curation / "decisions.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([
            ["estimate_id", "decision", "corrected_fields", "reviewer", "note"],
            [ORPHAN_ESTIMATE_ID, "accept", "", f"<b onmouseover=alert('{XSS_MARKER}-reviewer')>QA</b>",
             f"decision for an estimate that no longer exists <script>alert('{XSS_MARKER}-note')</script>"],
        ])
    # The run starts in an empty scratch folder: anything written relative to the working directory shows up.
    workdir = base / "workdir"
    workdir.mkdir()
    raw_before, curation_before = snapshot_tree(corpus.raw), snapshot_tree(curation)
    repo_curation_before = snapshot_tree(REPO_ROOT / "data" / "curation")
    processed, reports = base / "processed", base / "reports"
    result = subprocess.run(
        [console_script("evidence-review"), "run", "--raw", str(corpus.raw), "--processed", str(processed),
         "--reports", str(reports), "--no-progress", "-p", "curation_dir", str(curation)],
        cwd=workdir, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    return HostileRun(corpus, processed, reports, curation, workdir, result, raw_before, snapshot_tree(corpus.raw),
                      curation_before, snapshot_tree(curation), repo_curation_before,
                      snapshot_tree(REPO_ROOT / "data" / "curation"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _soup(run: HostileRun) -> BeautifulSoup:
    return BeautifulSoup(run.report.read_text(encoding="utf-8"), "html.parser")


def _table_rows(soup: BeautifulSoup) -> list[list[str]]:
    return [[_squash(c.get_text(" ")) for c in tr.find_all(["td", "th"])] for tr in soup.find_all("tr")]


# ---------------------------------------------------------------- the run and the accounting of every input

def test_pipeline_finishes_on_hostile_input(run):
    assert run.result.returncode == 0, run.result.stderr[-4000:]
    assert "Traceback" not in run.result.stderr
    assert run.report.is_file() and run.report.stat().st_size > 0
    for name in ("documents.csv", "estimates.csv", "pooled.csv"):
        assert (run.processed / name).is_file(), name


def test_every_raw_entry_is_ingested_or_skipped_with_a_reason(run):
    documents = run.table("documents.csv")
    # Every entry that is not a folder, and every hidden folder (one row stands for what it holds).
    visible = {rel: info for rel, info in run.raw_before.items()
               if not any(part.startswith(".") for part in rel.split("/")[:-1])}
    entries = {rel for rel, info in visible.items() if info[0] != "dir" or rel.rsplit("/", 1)[-1].startswith(".")}
    assert set(documents["source_file"]) == entries
    assert set(documents["status"]) <= {"ok", "skipped"}
    skipped = documents[documents["status"] == "skipped"]
    assert (skipped["reason"].str.strip() != "").all(), skipped[["source_file", "reason"]]
    must_skip = MUST_SKIP & set(run.corpus.descriptions)
    ok_files = set(documents.loc[documents["status"] == "ok", "source_file"])
    assert not must_skip & ok_files, f"read although unreadable or unsafe: {sorted(must_skip & ok_files)}"
    assert MUST_INGEST_WITH_ESTIMATE <= ok_files, f"not read: {sorted(MUST_INGEST_WITH_ESTIMATE - ok_files)}"


def test_a_broken_csv_row_is_reported_and_its_neighbours_are_read(run):
    documents = run.table("documents.csv")
    rows = documents[documents["source_file"] == "references_with_a_broken_row.csv"]
    assert sorted(rows["status"]) == ["ok", "ok", "skipped"], rows[["record", "status", "reason"]]
    assert rows.loc[rows["status"] == "skipped", "reason"].str.contains("malformed row").all()


def test_each_skipped_file_and_its_reason_share_a_row_in_the_report(run):
    rows = _table_rows(_soup(run))
    documents = run.table("documents.csv")
    missing = []
    for row in documents[documents["status"] == "skipped"].itertuples():
        name, reason = _squash(row.source_file), _squash(row.reason)
        if not any(name in cells and reason in cells for cells in rows):
            missing.append((row.source_file, row.reason))
    assert not missing, f"skipped without name and reason in one report row: {missing}"


def test_documents_in_odd_encodings_and_names_keep_their_numbers(run):
    """The clean abstracts (UTF-16, GB18030, Latin-1, NUL bytes, CRLF, odd names, markup around the numbers)
    each print one HR with 95% CI 0.20-0.80; it must come through unchanged, unflagged and not deduplicated."""
    documents, estimates = run.table("documents.csv"), run.table("estimates.csv")
    assert set(run.corpus.clean_hr) >= MUST_INGEST_WITH_ESTIMATE - set(IMPOSSIBLE)
    for source_file, hr in sorted(run.corpus.clean_hr.items()):
        rows = estimates[(estimates["source_file"] == source_file) & (estimates["measure"] == "HR")]
        assert len(rows) == 1, (source_file, rows[["measure", "value"]])
        est = rows.iloc[0]
        assert (float(est["value"]), float(est["ci_low"]), float(est["ci_high"])) == (hr, 0.2, 0.8), source_file
        assert est["flags"] == "", (source_file, est["flags"])
    clean_docs = documents[documents["source_file"].isin(run.corpus.clean_hr)]
    assert len(clean_docs) == len(run.corpus.clean_hr)
    assert set(clean_docs["duplicate_of"]) == {""}


# ---------------------------------------------------------------- impossible numbers

def _estimates_of(run: HostileRun, source_file: str) -> pd.DataFrame:
    estimates = run.table("estimates.csv")
    return estimates[estimates["source_file"] == source_file]


@pytest.mark.parametrize("source_file", sorted(IMPOSSIBLE))
def test_impossible_numbers_are_extracted_and_flagged(run, source_file):
    rows = _estimates_of(run, source_file)
    assert len(rows), f"{source_file}: the estimate with the impossible number was not extracted"
    assert (rows["flags"].str.strip() != "").all(), rows[["measure", "value", "ci_low", "ci_high", "p_value", "flags"]]


def test_flagged_estimates_are_kept_out_of_pooling(run):
    estimates, pooled = run.table("estimates.csv"), run.table("pooled.csv")
    pooled_ids = {i for ids in pooled["estimate_ids"] for i in re.split(r"[;,|\s]+", ids) if i}
    pooled_docs = {i for ids in pooled["doc_ids"] for i in re.split(r"[;,|\s]+", ids) if i}
    flagged = set(estimates.loc[estimates["flags"].str.strip() != "", "estimate_id"])
    assert flagged, "no estimate was flagged at all"
    assert not flagged & pooled_ids, f"flagged estimates pooled: {sorted(flagged & pooled_ids)}"
    impossible_docs = set(estimates.loc[estimates["source_file"].isin(IMPOSSIBLE), "doc_id"])
    assert not impossible_docs & pooled_docs
    # The control: the clean estimates of the same comparison were pooled, so the exclusion above is real.
    multi = pooled[pd.to_numeric(pooled["k"]) >= 2]
    assert len(multi) and pooled_ids, "nothing was pooled, so exclusion proves nothing"


def test_pooled_numbers_stay_finite_with_absurd_inputs(run):
    """Zero-width and eleven-orders-wide intervals and a ratio of 0.0001 are printed in the corpus; pooling may
    down-weight or annotate them, but never write inf or nan into the table or the report."""
    pooled = run.table("pooled.csv")
    assert len(pooled)
    for column in ("estimate", "ci_low", "ci_high", "pi_low", "pi_high", "tau2", "i2", "q", "q_p"):
        values = pooled[column].str.strip()
        numbers = pd.to_numeric(values[values != ""], errors="coerce")
        assert numbers.notna().all() and np.isfinite(numbers).all(), (column, values.tolist())
    soup = _soup(run)
    for quote in soup.find_all("blockquote"):  # the sentences quoted from the inputs may say "nan" themselves
        quote.decompose()
    text = _squash(soup.get_text(" "))
    assert not re.search(r"(?<![\w-])(?:nan|inf|-inf|NaN|Infinity)(?![\w-])", text), \
        re.search(r".{60}(?<![\w-])(?:nan|inf|NaN|Infinity)(?![\w-]).{60}", text)


def test_flagged_estimates_are_listed_in_the_report_with_their_flags(run):
    text = _squash(_soup(run).get_text(" "))
    estimates = run.table("estimates.csv")
    for flags in estimates.loc[estimates["source_file"].isin(IMPOSSIBLE), "flags"]:
        for flag in flags.split(";"):
            assert flag in text, flag


# ---------------------------------------------------------------- leaks, expansion, markup

def test_no_content_from_outside_the_raw_folder_in_any_output(run):
    assert OUTSIDE_MARKER.encode() in (run.corpus.outside / "secret.txt").read_bytes()  # the bait is there
    leaked = [p for p in run.output_files() if OUTSIDE_MARKER.encode() in p.read_bytes()]
    assert not leaked, leaked
    assert OUTSIDE_MARKER not in run.result.stdout + run.result.stderr


def test_no_entity_expansion_and_outputs_stay_small(run):
    files = run.output_files()
    assert files
    total = sum(p.stat().st_size for p in files)
    assert total < MAX_OUTPUT_BYTES, f"outputs take {total} bytes"
    laughs = (LAUGH * 100).encode()
    assert not [p for p in files if laughs in p.read_bytes()]


def test_report_contains_no_live_markup_from_inputs(run):
    html_text = run.report.read_text(encoding="utf-8")
    assert XSS_MARKER in html_text, "the hostile documents never reached the report (test would prove nothing)"
    soup = BeautifulSoup(html_text, "html.parser")
    for script in soup.find_all("script"):
        assert XSS_MARKER not in script.get_text() and "alert(" not in script.get_text(), str(script)[:300]
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            assert not (name.lower().startswith("on") and ("alert(" in value or XSS_MARKER in value)), \
                f"<{element.name} {name}={value!r}>"
            assert not (XSS_MARKER in value and "javascript:" in value.lower()), f"<{element.name} {name}={value!r}>"
        if element.name == "img":
            assert element.get("src", "").startswith("data:image/"), element.attrs.get("src", "")[:100]
    # Where the marker does appear it is text, never inside a tag the browser would build from input.
    for text in soup.find_all(string=re.compile(XSS_MARKER)):
        assert text.parent.name not in ("script", "style"), text.parent.name


def test_outputs_are_readable_with_the_usual_file_mode(run):
    """Atomic writes go through temporary files (mkstemp makes them 0600); the finished outputs must carry the
    mode an ordinary write would give them, or colleagues and web servers cannot read the report."""
    umask = os.umask(0)
    os.umask(umask)
    wanted = 0o444 & ~umask
    unreadable = {p.relative_to(run.processed.parent).as_posix(): oct(stat.S_IMODE(p.stat().st_mode))
                  for p in run.output_files() if stat.S_IMODE(p.stat().st_mode) & 0o444 != wanted}
    assert not unreadable, unreadable


# ---------------------------------------------------------------- nothing written where it must not be

def test_raw_folder_is_byte_identical_after_the_run(run):
    assert run.raw_after == run.raw_before
    assert len(run.raw_before) > len(IMPOSSIBLE) + len(MUST_SKIP) - 5  # every entry was listed


def test_zip_members_are_never_written_outside_the_raw_folder(run):
    base = run.corpus.raw.parent
    candidates = [*base.rglob(ZIP_ESCAPE_NAME), base.parent / ZIP_ESCAPE_NAME, base.parent.parent / ZIP_ESCAPE_NAME,
                  REPO_ROOT / ZIP_ESCAPE_NAME, REPO_ROOT.parent / ZIP_ESCAPE_NAME,
                  *(REPO_ROOT / "data").rglob(ZIP_ESCAPE_NAME)]
    assert not [p for p in candidates if p.exists()]
    assert list(run.workdir.iterdir()) == [], "the run wrote into its working directory"


def test_reviewer_decisions_are_never_written(run):
    assert run.curation_after == run.curation_before
    assert run.repo_curation_after == run.repo_curation_before


def test_orphan_decision_is_reported_in_the_report(run):
    issues = run.table("orphan_decisions.csv")
    assert ORPHAN_ESTIMATE_ID in set(issues["estimate_id"])
    text = _squash(_soup(run).get_text(" "))
    assert ORPHAN_ESTIMATE_ID in text, "a decision whose estimate no longer exists is missing from the report"


# ---------------------------------------------------------------- the hostile report in a real browser



@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium")
def test_hostile_report_runs_no_script_in_a_browser(run):
    """Opened in chromium with JavaScript on, every element hovered and focused: no dialog (the hostile inputs
    call alert()), no page error, no request leaving the file."""
    sync_api = pytest.importorskip("playwright.sync_api")
    dialogs, errors, requests = [], [], []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(java_script_enabled=True)

            def guard(route):
                url = route.request.url
                if url == run.report.as_uri() or url.startswith("data:"):
                    route.continue_()
                else:
                    requests.append(url)
                    route.abort()

            context.route("**/*", guard)
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(run.report.as_uri(), wait_until="load")
            page.evaluate("""() => document.querySelectorAll('*').forEach(e => {
                for (const type of ['mouseover', 'mouseenter', 'focus', 'mousemove'])
                    e.dispatchEvent(new Event(type, {bubbles: true}));
            })""")
            page.wait_for_timeout(300)
        finally:
            browser.close()
    assert dialogs == [] and errors == [], (dialogs, errors)
    assert requests == [], requests
