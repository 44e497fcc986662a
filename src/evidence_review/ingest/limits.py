"""Limits that keep one hostile or oversized input from hanging or exhausting a run.

Each limit, when hit, turns the file or record into a `skipped` row whose reason names the limit.
The README's Limits section lists these values.
"""
from __future__ import annotations

#: Files larger than this are skipped without being read (their size comes from the file system).
MAX_FILE_BYTES = 15 * 1024 * 1024

#: A document whose cleaned text is longer than this is skipped: no real abstract or article is this long,
#: and later stages (sentence splitting, extraction) should not be handed unbounded text.
MAX_TEXT_CHARS = 2_000_000

#: JSON nested deeper than this is refused before parsing (Python's parser would recurse).
MAX_JSON_DEPTH = 200

#: At most this many records are read from one multi-record file; the rest are reported as skipped in one row.
MAX_RECORDS_PER_FILE = 50_000

#: Wall-clock seconds one file may take to read and clean (enforced with SIGALRM where available:
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
