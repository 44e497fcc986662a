"""Limits that keep one hostile or oversized input from hanging or exhausting a run.

Each limit, when hit, turns the file or record into a `skipped` row whose reason names the limit.
The README's Limits section lists these values.
"""
from __future__ import annotations

#: A single document (text, HTML, XML article, JSON) larger than this is skipped without being read.
MAX_FILE_BYTES = 15 * 1024 * 1024

#: A multi-record export (MEDLINE/.nbib, RIS, PubMed XML, CSV/TSV, JSON Lines, a JSON array of records) may be this
#: large: it is read record by record (exports.py), so its size bounds the time, not the memory. 200,000 PubMed
#: records are about 400 MB as MEDLINE and 1.5 GB as PubMed XML. Larger files are skipped from their size.
MAX_EXPORT_BYTES = 4 * 1024 * 1024 * 1024

#: One record of an export longer than this (characters as read, markup included) is skipped with a reason while
#: it is read; its neighbours are kept. Twice the text limit below, since markup and fields shrink when cleaned.
MAX_RECORD_CHARS = 4_000_000

#: Wall-clock seconds one record of an export may take to read and clean (an export has no limit as a whole:
#: 200,000 records take minutes). The record is skipped; a record that cannot even be read stops the file there.
MAX_SECONDS_PER_RECORD = 60

#: A document whose cleaned text is longer than this is skipped: no real abstract or article is this long,
#: and later stages (sentence splitting, extraction) should not be handed unbounded text.
MAX_TEXT_CHARS = 2_000_000

#: JSON nested deeper than this is refused before parsing (Python's parser would recurse).
MAX_JSON_DEPTH = 200

#: At most this many records are read from one multi-record file; the rest are reported as skipped in one row.
MAX_RECORDS_PER_FILE = 1_000_000

#: Wall-clock seconds one file may take to read and clean (an export: to open and recognise it; its records have
#: MAX_SECONDS_PER_RECORD each) (enforced with SIGALRM where available:
#: POSIX, main thread; elsewhere the size limits above still bound the work). Records of a multi-record
#: file finished before the limit are kept; the rest are reported in one skipped row.
MAX_SECONDS_PER_FILE = 120

#: At most this many files are taken from the raw folders (a raw folder pointed at "/" by mistake stops here).
MAX_FILES = 100_000

#: Folder recursion stops this deep (guards against symlink tricks and pathological trees).
MAX_DIR_DEPTH = 32

#: Bytes inspected to tell text from binary.
SNIFF_BYTES = 64 * 1024

#: Share of control characters (other than tab, newline, carriage return, form feed) above which a file is binary.
MAX_CONTROL_SHARE = 0.05

#: A table cell's rowspan/colspan above this counts as 1 (a broken or hostile `colspan="100000"` must not build a
#: huge grid).
MAX_TABLE_SPAN = 50

#: A table (markup or text) with more grid positions than this is left as text (not turned into a grid).
MAX_TABLE_CELLS = 20_000
