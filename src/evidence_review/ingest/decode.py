"""Bytes to text: tell binary from text, detect the encoding, repair mojibake.

Order: a byte-order mark decides (UTF-8/16/32); strict UTF-8 next (most files); otherwise
charset-normalizer's best guess (GB18030, Latin-1, cp1252, UTF-16 without BOM, ...).
ftfy then repairs text that was decoded with the wrong codec somewhere upstream ("Ã©" -> "é").
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from re import _parser

import ftfy
import ftfy.badness
import ftfy.chardata
from charset_normalizer import from_bytes

from .limits import MAX_CONTROL_SHARE, SNIFF_BYTES
from .records import ReaderError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

#: Magic numbers of container and binary formats that are reported by name instead of "binary".
MAGIC = [
    (b"PK\x03\x04", "zip", "zip archive: archives are not opened; extract its files into the raw folder"),
    (b"PK\x05\x06", "zip", "empty zip archive: archives are not opened"),
    (b"%PDF", "pdf", "PDF file: text extraction from PDF is not supported; save the text or HTML instead"),
    (b"\x1f\x8b", "gzip", "gzip archive: compressed files are not opened; decompress it into the raw folder"),
    (b"\xd0\xcf\x11\xe0", "ole", "old Microsoft Office file (.doc/.xls): not supported; export it as CSV or text"),
    (b"\x89PNG", "image", "PNG image: images are not read"),
    (b"\xff\xd8\xff", "image", "JPEG image: images are not read"),
    (b"GIF8", "image", "GIF image: images are not read"),
    (b"7z\xbc\xaf", "7z", "7-Zip archive: archives are not opened"),
    (b"Rar!", "rar", "RAR archive: archives are not opened"),
]

FIX_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # entities are handled with the markup, where we know the text is HTML
    uncurl_quotes=False,  # keep the text as close to the source as possible; quotes never carry numbers
    fix_character_width=True,  # full-width digits and punctuation -> ASCII
    normalization="NFC",
)


#: Office and e-book formats are zip containers; their extension gives a more useful reason than "zip".
ZIP_CONTAINERS = {
    "xlsx": ("xlsx", "Excel workbook: not read; save the sheet as CSV (UTF-8) in the raw folder"),
    "xlsm": ("xlsx", "Excel workbook: not read; save the sheet as CSV (UTF-8) in the raw folder"),
    "docx": ("docx", "Word document: not read; save it as plain text or HTML in the raw folder"),
    "odt": ("odt", "OpenDocument text: not read; save it as plain text or HTML in the raw folder"),
    "ods": ("ods", "OpenDocument spreadsheet: not read; save the sheet as CSV in the raw folder"),
    "epub": ("epub", "e-book: not read; save the text as plain text or HTML"),
    "pptx": ("pptx", "PowerPoint file: not read"),
}


def sniff_magic(data: bytes, name: str = "") -> tuple[str, str] | None:
    """(format, reason) when the bytes start like a known non-text format."""
    if data.startswith(b"PK\x03\x04"):
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if ext in ZIP_CONTAINERS:
            return ZIP_CONTAINERS[ext]
    for magic, fmt, reason in MAGIC:
        if data.startswith(magic):
            return fmt, reason
    return None


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def _looks_utf16(sample: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    return None


_VALID_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def _control_byte_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(sample.count(b) for b in _CONTROL_BYTES) / len(sample)


#: Control characters other than tab, newline, carriage return and form feed, and DEL/C1 (0x7F-0x9F).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:SNIFF_BYTES]
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises ReaderError with a plain-words reason for binary or undecodable bytes."""
    if not data:
        raise ReaderError("empty file")
    bom = _bom(data)
    encoding = None
    text = None
    if bom:
        encoding, skip = bom
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError:
            raise ReaderError(f"starts with a {encoding} byte-order mark but is not valid {encoding}") from None
    if text is None:
        guess16 = _looks_utf16(data[:SNIFF_BYTES])
        if guess16:
            try:
                text, encoding = data.decode(guess16), guess16
            except UnicodeDecodeError:
                text = None
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = None
    if text is None:
        sample = data[:SNIFF_BYTES]
        if sample.count(0) > 0.01 * len(sample) or _control_byte_share(sample) > MAX_CONTROL_SHARE:
            raise ReaderError("binary file (control bytes where text would have letters)")
        replaced = data.decode("utf-8", errors="replace")
        bad = replaced.count("\ufffd")
        if len(_VALID_UTF8_MULTIBYTE.findall(data)) >= max(3, 10 * bad):
            # Real UTF-8 (many valid multi-byte characters) with a few corrupt bytes: keep the rest intact.
            return fix_mojibake(replaced.replace("\x00", "")), "utf-8 (with invalid bytes replaced)"
        best = from_bytes(data).best()
        if best is None:
            raise ReaderError("could not work out the text encoding (not UTF-8, UTF-16, GB18030, Latin-1, ...)")
        encoding = best.encoding
        text = str(best)
    # Stray NUL bytes in otherwise good text are dropped; many control characters mean binary data.
    text = text.replace("\x00", "")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise ReaderError("binary file (too many control characters to be text)")
    if not text.strip():
        raise ReaderError("file holds only whitespace")
    return fix_mojibake(text), encoding


#: The only characters through which ftfy (with FIX_CONFIG) changes ASCII text: line breaks other than "\n" and
#: control characters (terminal escapes start with one). Mojibake, ligatures, full-width forms, surrogates and
#: NFC need non-ASCII characters.
_ASCII_FTFY_CHANGES = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f]")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def _clean_ascii(line: str) -> bool:
    return line.isascii() and not _ASCII_FTFY_CHANGES.search(line)


def _char_class(codes) -> str:
    return "".join(re.escape(chr(c)) for c in sorted(codes))


#: Characters one of ftfy's fixers (as FIX_CONFIG runs them) replaces or removes wherever they stand: control and
#: format characters, C1 controls, CR and the Unicode line separators, ligatures, full- and half-width forms,
#: surrogates; and Ã, Â, which start the one badness rule anchored at a line start ("^[ÃÂ][ ]").
_FTFY_FIXER_CHARS = re.compile(
    "[" + _char_class(set(ftfy.chardata.CONTROL_CHARS) | set(ftfy.chardata.LIGATURES) | set(ftfy.chardata.WIDTH_MAP)
                      | set(range(0x80, 0xA0)) | {0x0D, 0x2028, 0x2029, 0xC2, 0xC3})
    + "\ud800-\udfff]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
#: Every match of ftfy's badness rule (ftfy.badness.BADNESS_RE) holds a non-ASCII character (each of its branches
#: names one) and is at most this many characters long, so it lies within that reach of a run of non-ASCII characters.
_BADNESS_REACH = _parser.parse(ftfy.badness.BADNESS_RE.pattern, ftfy.badness.BADNESS_RE.flags).getwidth()[1]


def ftfy_keeps(text: str) -> bool:
    """True when ftfy.fix_text(text, FIX_CONFIG) would return `text` unchanged, found without running it (ftfy
    costs about 0.5 ms on a 4 kB abstract with a few non-ASCII characters): its mojibake repair only acts on text
    its badness rule flags, searched here only around the non-ASCII characters; its other fixers only act on the
    characters of _FTFY_FIXER_CHARS; and its last step is NFC. False means "run ftfy" (it may still keep the text).
    ftfy cuts lines longer than `max_decode_length`, so those always go through ftfy."""
    if len(text) > FIX_CONFIG.max_decode_length or _FTFY_FIXER_CHARS.search(text):
        return False
    bad = ftfy.badness.BADNESS_RE
    for run in _NON_ASCII_RUN.finditer(text):
        if bad.search(text, max(0, run.start() - _BADNESS_REACH), run.end() + _BADNESS_REACH):
            return False
    return unicodedata.is_normalized("NFC", text)


def _unchanged_by_ftfy(line: str) -> bool:
    return _clean_ascii(line) or ftfy_keeps(line)


def fix_mojibake(text: str) -> str:
    """ftfy's repair of wrongly decoded text, plus full-width to ASCII; never touches digits otherwise.

    ftfy repairs text line by line (each line with its "\n"); lines it would leave as they are (plain ASCII
    without control characters, or `ftfy_keeps`) are passed over here and only the others go through ftfy, in
    runs, which gives the same result at a fraction of the cost (most lines of an abstract need nothing)."""
    if _unchanged_by_ftfy(text):
        return text
    if len(text) < 256:
        return ftfy.fix_text(text, FIX_CONFIG)
    out: list[str] = []
    run: list[str] = []  # consecutive lines that need ftfy
    for line in _LINE.findall(text):
        if _unchanged_by_ftfy(line):
            if run:
                out.append(ftfy.fix_text("".join(run), FIX_CONFIG))
                run = []
            out.append(line)
        else:
            run.append(line)
    if run:
        out.append(ftfy.fix_text("".join(run), FIX_CONFIG))
    return "".join(out)


def stream_encoding(head: bytes) -> str:
    """The codec for reading a large file as a stream, decided from its first bytes the way `decode_bytes`
    decides for a whole file: a byte-order mark, UTF-16 without one, UTF-8, else charset-normalizer's guess.
    Raises ReaderError for binary or undecodable bytes."""
    if not head:
        raise ReaderError("empty file")
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            # The "-sig"/BOM-reading codecs drop the mark themselves.
            return {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
                    "utf-32-le": "utf-32", "utf-32-be": "utf-32"}[encoding]
    guess16 = _looks_utf16(head)
    if guess16:
        return guess16
    if head.count(0) > 0.01 * len(head) or _control_byte_share(head) > MAX_CONTROL_SHARE:
        raise ReaderError("binary file (control bytes where text would have letters)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a character cut at the end is fine
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(head).best()
    if best is None:
        raise ReaderError("could not work out the text encoding (not UTF-8, UTF-16, GB18030, Latin-1, ...)")
    return best.encoding


#: Longest line a stream hands out whole (to readers that need whole lines, such as csv).
MAX_LINE_CHARS = 64_000_000


class CleanTextStream:
    """A large file read as text block by block, each block cleaned as `decode_bytes` cleans a whole file
    (NUL bytes dropped, ftfy's repair, which works line by line, so blocks cut at line ends give the same text).
    Bytes that do not fit the codec become U+FFFD instead of stopping the stream. `readline(size)` never returns
    more than `size` characters, so one endless line cannot fill the memory; `drop` removes characters reserved
    elsewhere."""

    #: Characters decoded and repaired at a time.
    BLOCK_CHARS = 1 << 20

    def __init__(self, binary, encoding: str, drop: str = ""):
        import io

        self._text = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="\n")
        self._drop = re.compile("[\x00" + re.escape(drop) + "]")
        self._buffer, self._pos, self._carry = "", 0, ""

    def _fill(self) -> bool:
        """Append the next block of whole lines (or a piece of an endless line) to the buffer; False at the end."""
        raw = self._carry
        while True:
            chunk = self._text.read(self.BLOCK_CHARS)
            raw += chunk
            cut = raw.rfind("\n") + 1
            if cut or not chunk or len(raw) >= self.BLOCK_CHARS:
                break
        if not raw:
            return False
        cut = cut if cut and chunk else len(raw)
        self._carry = raw[cut:]
        self._buffer = self._buffer[self._pos:] + fix_mojibake(self._drop.sub("", raw[:cut]))
        self._pos = 0
        return True

    def readline(self, size: int = -1) -> str:
        limit = size if size and size > 0 else 1 << 62
        while True:
            end = self._buffer.find("\n", self._pos, self._pos + limit)
            if end >= 0:
                line, self._pos = self._buffer[self._pos:end + 1], end + 1
                return line
            if len(self._buffer) - self._pos >= limit:
                line, self._pos = self._buffer[self._pos:self._pos + limit], self._pos + limit
                return line
            if not self._fill():
                line, self._buffer, self._pos = self._buffer[self._pos:], "", 0
                return line

    def read(self, size: int = -1) -> str:
        """For readers that pull blocks (pandas): up to `size` characters, the whole rest when negative."""
        if size is None or size < 0:
            return "".join(iter(lambda: self.readline(self.BLOCK_CHARS), ""))
        out, total = [], 0
        while total < size:
            piece = self.readline(size - total)
            if not piece:
                break
            out.append(piece)
            total += len(piece)
        return "".join(out)

    def __iter__(self):
        """Whole lines (csv needs them: a line cut in pieces would end its record early), each at most
        MAX_LINE_CHARS long; a longer line stops the stream with a ReaderError."""
        while True:
            line = self.readline(MAX_LINE_CHARS + 1)
            if not line:
                return
            if len(line) > MAX_LINE_CHARS:
                raise ReaderError(f"a line of over {MAX_LINE_CHARS:,} characters")
            yield line
