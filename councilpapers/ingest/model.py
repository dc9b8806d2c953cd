"""The page/line model every reader produces and every segmenter reads.

Readers differ by format; from here on nothing knows whether a line came from a
PDF, a web page or a text file. Layout (where a line sits, how it is set) is
filled where the format has it and None where it does not, so a segmenter asks
`line.bold`, `line.is_centred()` or `line.cells` without knowing the format,
and falls back on the text when the answer is None.

Coordinates are PDF points (1/72 inch) on the page as shown (its /Rotate
applied): x from the page's left edge, y down from its top edge.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import KW_ONLY, dataclass, field
from typing import Iterable

CENTRE_TOLERANCE = 6.0  # points: how far off centre a centred line may be (~2 mm)


@dataclass(frozen=True)
class PageFrame:
    """One page as shown, shared by its lines: its size, and the left and right
    edges of its text body (where the document's lines on pages of this size
    start and end, all but a few out in the margins), against which indents and
    centring are measured."""

    width: float
    height: float
    body_left: float
    body_right: float

    @property
    def body_centre(self) -> float:
        return (self.body_left + self.body_right) / 2


@dataclass(frozen=True)
class Cell:
    """A piece of a line between wide horizontal gaps: a number in its own left
    column, a title, a right-hand owner ("Clerk"), a table cell. Its edges are
    None when the format has no positions (an HTML table cell)."""

    text: str
    x0: float | None = None
    x1: float | None = None
    bold: bool | None = None


@dataclass(frozen=True)
class Line:
    """One line of a source's extracted text.

    `number` is 1-based over the whole extracted text of the source, so that a
    record can cite it. `furniture` marks running headers and footers ("Page 7",
    a committee banner repeated on every page): they keep their number so the
    numbering matches the extracted text, but segmenters never see them.

    Layout, keyword-only, None when the format does not give it (plain text;
    HTML gives `bold` and table `cells` only):
    - `x0`, `x1`: left and right edge of the line's ink; `top`, `bottom`: its
      upper and lower edge, from the page top; `frame`: the page's size and body
      edges (see PageFrame);
    - `size`: the font size of most of its characters, in points as printed
      (text scaling included); `bold`, `italic`: most of its characters are
      (judged from its first, middle and last character when it mixes fonts);
    - `cells`: the line split at gaps wider than about three spaces, in reading
      order, one cell when there is no such gap. `text` is unchanged by them:
      the cells' texts are its pieces, in order, less the spaces between them.
    """

    number: int
    page: int | None
    text: str
    furniture: bool = False
    _: KW_ONLY
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None
    frame: PageFrame | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    cells: tuple[Cell, ...] | None = None

    @property
    def has_position(self) -> bool:
        return self.x0 is not None and self.frame is not None

    @property
    def page_width(self) -> float | None:
        return self.frame.width if self.frame else None

    @property
    def indent(self) -> float | None:
        """Points right of the body's left edge (negative: out in the margin)."""
        return self.x0 - self.frame.body_left if self.has_position else None

    @property
    def right_gap(self) -> float | None:
        """Points left of the body's right edge (negative: beyond it)."""
        return self.frame.body_right - self.x1 if self.has_position else None

    def is_centred(self, tolerance: float = CENTRE_TOLERANCE) -> bool | None:
        """The line sits in the middle with clear space on both sides: its
        centre within `tolerance` points of the page's or of the body's (a
        writer centres between the margins, which are not always alike), and
        indented from both body edges by more than twice `tolerance` (so a
        full-width line of a justified paragraph is not "centred"). None
        without positions.

        One line can be centred by chance (an indented line of ragged text);
        a heading is more surely centred when the lines around it are not."""
        if not self.has_position:
            return None
        centre = (self.x0 + self.x1) / 2
        return (
            min(abs(centre - self.frame.body_centre), abs(centre - self.frame.width / 2)) <= tolerance
            and self.indent > 2 * tolerance
            and self.right_gap > 2 * tolerance
        )


def body_size(lines: Iterable[Line]) -> float | None:
    """The font size of the body text: the size most characters have (to the
    half point), or None when no line has a size."""
    chars: Counter[float] = Counter()
    for line in lines:
        if line.size is not None and not line.furniture:
            chars[round(line.size * 2) / 2] += len(line.text)
    return chars.most_common(1)[0][0] if chars else None


def relative_size(line: Line, body: float | None) -> float | None:
    """The line's font size as a multiple of the body's (`body_size`): 1.0 for
    body text, about 1.2 or more for a heading set larger."""
    if line.size is None or not body:
        return None
    return line.size / body


@dataclass
class ExtractedText:
    """What a reader makes of one file."""

    format: str  # "pdf", "html" or "text"
    lines: list[Line]
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)

    def body(self) -> list[Line]:
        """The lines segmenters work on: everything but running headers and footers."""
        return [line for line in self.lines if not line.furniture]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def body_size(self) -> float | None:
        """See `body_size`: the document's body font size, None without sizes."""
        return body_size(self.lines)


class UnreadableFile(Exception):
    """A file that cannot be turned into text. The message is one plain sentence
    for the user ("encrypted PDF", "no text layer — scanned?"), without the path,
    which the caller adds."""
