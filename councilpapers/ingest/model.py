"""The page/line model every reader produces and every segmenter reads.

Readers differ by format; from here on nothing knows whether a line came from a
PDF, a web page or a text file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One line of a source's extracted text.

    `number` is 1-based over the whole extracted text of the source, so that a
    record can cite it. `furniture` marks running headers and footers ("Page 7",
    a committee banner repeated on every page): they keep their number so the
    numbering matches the extracted text, but segmenters never see them.
    """

    number: int
    page: int | None
    text: str
    furniture: bool = False


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


class UnreadableFile(Exception):
    """A file that cannot be turned into text. The message is one plain sentence
    for the user ("encrypted PDF", "no text layer — scanned?"), without the path,
    which the caller adds."""
