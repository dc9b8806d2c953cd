"""Lines back into running text, for extractors that read across line wraps."""

from __future__ import annotations

import re

from .model import Line


def squash(text: str) -> str:
    """White space of any run and kind as one space."""
    return re.sub(r"\s+", " ", text).strip()


def joined(lines: list[Line]) -> tuple[str, list[int]]:
    """The lines as one text, and where each starts in it. Readers drop blank
    lines, so a gap in the numbering is a paragraph break (written as a blank
    line) unless a sentence runs on over it, as across a dropped page footer."""
    parts: list[str] = []
    starts, offset = [], 0
    for i, line in enumerate(lines):
        if i and paragraph_break(lines[i - 1], line):
            parts.append("")
            offset += 1
        starts.append(offset)
        parts.append(line.text)
        offset += len(line.text) + 1
    return "\n".join(parts), starts


def paragraph_break(previous: Line, line: Line) -> bool:
    if line.number - previous.number <= 1:
        return False
    runs_on = not re.search(r"[.!?:;]\s*$", previous.text) and re.match(r"\s*[a-z0-9£$]", line.text)
    return not runs_on
