"""Lines back into running text, for rules that read across line wraps, and
offsets in that text back to the lines they came from.

A `TextFlow` is made of chunks (a line's text, or the part of it a rule keeps),
each remembered with the index of its line. Rules differ in how they join
lines (a line break, a space, nothing after a hyphen) and in what they take
for a paragraph break; they all build the same flow, so finding the line of
an offset is written once:

    flow = TextFlow.of_lines(lines)            # one line per row, a blank row between paragraphs
    flow = TextFlow.of_chunks([(3, "Present: Mrs A Allen,"), (4, "Mr B Brown")])   # joined with spaces
    flow.add(5, "and Mr C Clark", separator=" ")                                     # built as a rule goes
    flow.line_at(flow.text.index("Brown"))     # -> 4
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from .model import Line


class TextFlow:
    """Running text made of chunks, each with the index of the line it came from."""

    def __init__(self) -> None:
        self.starts: list[int] = []  # where each chunk starts in `text`, ascending
        self.lines: list[int] = []  # the line index of each chunk
        self._parts: list[str] = []
        self._length = 0
        self._text: str | None = ""

    @classmethod
    def of_lines(cls, lines: Sequence[Line]) -> TextFlow:
        """The lines as they stand, one to a row ("\\n" between them), a blank
        row where a paragraph breaks (see `paragraph_break`); chunk k is line k."""
        flow = cls()
        for i, line in enumerate(lines):
            flow.add(i, line.text, "\n\n" if i and paragraph_break(lines[i - 1], line) else "\n")
        return flow

    @classmethod
    def of_chunks(cls, chunks: Iterable[tuple[int, str]], separator: str = " ") -> TextFlow:
        """(line index, text) chunks joined with `separator`."""
        flow = cls()
        for index, text in chunks:
            flow.add(index, text, separator)
        return flow

    def add(self, line: int, text: str, separator: str = " ") -> None:
        """`text`, from the line at index `line`, after `separator` (none before the first chunk)."""
        if self.starts:
            self._parts.append(separator)
            self._length += len(separator)
        self.starts.append(self._length)
        self.lines.append(line)
        self._parts.append(text)
        self._length += len(text)
        self._text = None

    def __len__(self) -> int:
        """The number of chunks."""
        return len(self.starts)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._parts)
            self._parts = [self._text]
        return self._text

    def tail(self, n: int) -> str:
        """The last `n` characters of the text so far, cheaply while building."""
        tail = ""
        for part in reversed(self._parts):
            tail = part + tail
            if len(tail) >= n:
                break
        return tail[-n:]

    def chunk_at(self, offset: int) -> int:
        """The chunk holding `offset` (the first for an offset before it)."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def line_at(self, offset: int) -> int:
        """The index of the line holding `offset` (0 in an empty flow)."""
        return self.lines[self.chunk_at(offset)] if self.starts else 0

    def chunk_end(self, k: int) -> int:
        """Where chunk `k` ends: one character before the next chunk starts
        (with it, the blank row of a paragraph break), or the end of the text."""
        return self.starts[k + 1] - 1 if k + 1 < len(self.starts) else self._length


def paragraph_break(previous: Line, line: Line) -> bool:
    """Readers drop blank lines, so a gap in the numbering is a paragraph
    break (written as a blank line) unless a sentence runs on over it, as
    across a dropped page footer."""
    if line.number - previous.number <= 1:
        return False
    runs_on = not re.search(r"[.!?:;]\s*$", previous.text) and re.match(r"\s*[a-z0-9£$]", line.text)
    return not runs_on
