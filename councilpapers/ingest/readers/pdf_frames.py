"""The frame of each page of a PDF: its size and the edges of its text body,
against which a line's indent and centring are measured.

The body's edges are the document's, per page size (a landscape appendix has
its own): the left edge where all but EDGE_SHARE of the characters' lines start
to the right of it, the right edge where all but EDGE_SHARE end to the left of
it. Weighted by characters, so long lines set the right edge of ragged text,
and a page number or a stray label out in the margin moves nothing; a number
column left of the text ("5." at 72 pt, titles at 108 pt) is part of the body.
"""

from __future__ import annotations

from ..model import PageFrame
from .pdf_layout import PageGeometry

EDGE_SHARE = 0.03


def page_frames(geometries: list[PageGeometry | None],
                lines: list[list[tuple[str, dict | None]]]) -> list[PageFrame | None]:
    """Each page's frame, from its geometry and its lines' (text, layout)."""
    edges: dict[tuple[int, int], tuple[list, list]] = {}
    for geometry, page_lines in zip(geometries, lines):
        if geometry is None:
            continue
        lefts, rights = edges.setdefault(_size(geometry), ([], []))
        for text, layout in page_lines:
            if layout:
                lefts.append((layout["x0"], len(text)))
                rights.append((layout["x1"], len(text)))
    bodies = {size: (_quantile(lefts, EDGE_SHARE), _quantile(rights, 1 - EDGE_SHARE))
              for size, (lefts, rights) in edges.items()}
    frames = []
    for geometry in geometries:
        if geometry is None:
            frames.append(None)
            continue
        left, right = bodies.get(_size(geometry), (None, None))
        if left is None or right is None or right <= left:
            left, right = 0.0, geometry.width
        frames.append(PageFrame(geometry.width, geometry.height, left, right))
    return frames


def _size(geometry: PageGeometry) -> tuple[int, int]:
    return round(geometry.width), round(geometry.height)


def _quantile(weighted: list[tuple[float, int]], share: float) -> float | None:
    """The value below which `share` of the weight lies."""
    total = sum(weight for _, weight in weighted)
    if not total:
        return None
    running = 0
    for value, weight in sorted(weighted):
        running += weight
        if running >= share * total:
            return value
    return weighted[-1][0]
