"""Embed figure files in the report as data: URIs, with byte-stable content.

PNG: ancillary text and time chunks (tEXt, zTXt, iTXt, tIME) are dropped, so a library version or a
timestamp written into the file cannot change the report. SVG: the <metadata> block (which holds the
creation date) is dropped; the file is embedded through <img>, where an SVG can run no script.
"""
from __future__ import annotations

import base64
import re
import struct
import zlib
from pathlib import Path

from .html import Html, el

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
VOLATILE_PNG_CHUNKS = {b"tEXt", b"zTXt", b"iTXt", b"tIME"}


def stable_png(data: bytes) -> bytes:
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    out = [PNG_SIGNATURE]
    pos = len(PNG_SIGNATURE)
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        chunk = data[pos:pos + 12 + length]
        if len(chunk) != 12 + length:
            raise ValueError("truncated PNG file")
        if zlib.crc32(chunk[4:8 + length]) != struct.unpack(">I", chunk[8 + length:])[0]:
            raise ValueError("corrupt PNG chunk")
        if kind not in VOLATILE_PNG_CHUNKS:
            out.append(chunk)
        pos += 12 + length
        if kind == b"IEND":
            break
    return b"".join(out)


def stable_svg(data: bytes) -> bytes:
    text = data.decode("utf-8")
    if "<svg" not in text:
        raise ValueError("not an SVG file")
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    return text.encode("utf-8")


def data_uri(path: Path) -> str:
    raw = Path(path).read_bytes()
    if path.suffix.lower() == ".png":
        return "data:image/png;base64," + base64.b64encode(stable_png(raw)).decode("ascii")
    if path.suffix.lower() == ".svg":
        return "data:image/svg+xml;base64," + base64.b64encode(stable_svg(raw)).decode("ascii")
    raise ValueError(f"unsupported figure type: {path.suffix}")


def figure(path: Path | None, caption: str, kind: str = "forest") -> Html:
    """<figure> with the embedded image, or a short note when the file is missing or unreadable."""
    if path is None:
        return el("p", "No forest plot was found for this cell.", class_="note")
    try:
        uri = data_uri(path)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return el("p", f"The forest plot {path.name} could not be embedded: {exc}.", class_="note")
    classes = "forest" if kind == "forest" else f"forest {kind}"
    return el("figure", el("img", src=uri, alt=caption, loading=None), el("figcaption", caption), class_=classes)
