"""Embed figure files in the report as data: URIs.

The files are embedded as they are: the figure code (`synthesis/forest.py`) owns their determinism and saves
them without time or version metadata. An SVG goes through <img>, where it can run no script.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

MIME_TYPES = {".png": "image/png", ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class Figure:
    """What a template needs to show one plot: its data: URI, or why it is not shown."""
    caption: str
    uri: str = ""
    problem: str = ""
    kind: str = "forest"  # forest | funnel

    @property
    def css(self) -> str:
        return "forest" if self.kind == "forest" else f"forest {self.kind}"


def data_uri(path: Path) -> str:
    mime = MIME_TYPES.get(Path(path).suffix.lower())
    if mime is None:
        raise ValueError(f"unsupported figure type: {Path(path).suffix}")
    raw = Path(path).read_bytes()
    if mime == "image/png" and not raw.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError("not a PNG file")
    if mime == "image/svg+xml" and b"<svg" not in raw:
        raise ValueError("not an SVG file")
    return f"data:{mime};base64," + base64.b64encode(raw).decode("ascii")


def figure(path: Path | None, caption: str, kind: str = "forest") -> Figure:
    """The embedded image, or a short note when the file is missing or unreadable."""
    if path is None:
        # the pooling stage draws the plots of its `plot_cells` cells with the most studies (synthesis.pipeline)
        return Figure(caption, problem="No forest plot was drawn for this cell: the pooling stage draws the plots of "
                                       "the cells with the most studies (its plot_cells parameter).", kind=kind)
    try:
        return Figure(caption, uri=data_uri(path), kind=kind)
    except (OSError, ValueError) as exc:
        return Figure(caption, problem=f"The forest plot {Path(path).name} could not be embedded: {exc}.", kind=kind)
