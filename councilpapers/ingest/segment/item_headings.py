"""What makes a line a minute item's heading, and where its title ends.

Evidence, strongest first: an "(Item 5)" line under it (the agenda item it
minutes); bold where the paragraphs are not; capitals; a short line that is
not a sentence. Layout is read through `Line`'s fields and counts only where
the format gives it (a PDF; HTML gives bold); on plain text the words decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.vocabulary import pattern
from ..model import Line
from .item_numbers import APPLICATION_REF

AGENDA_REF = re.compile(r"^\s*\(\s*Item\s+(?P<ref>[A-Z]?\d{1,3}[a-z]?)\s*\)\s*$", re.IGNORECASE)
INLINE_AGENDA_REF = re.compile(r"\s*\(\s*Item\s+(?P<ref>[A-Z]?\d{1,3}[a-z]?)\s*\)\s*$", re.IGNORECASE)
PARAGRAPH_START = re.compile(r"^\s*(?:\d{1,2}\.(?:\s|$)|\(\d{1,2}\)|\(?[a-z]\)\s|RESOLVED|Resolved)")
BULLET = re.compile(r"^\s*[•·▪●○◦■□➢►\-–*]\s")
SENTENCE_VERBS = re.compile(
    r"\b(?:introduced|explained|said|reported|asked|gave|was|were|had|has|is|are|responded|welcomed|noted"
    r"|presented|advised|highlighted|agreed|confirmed|requested|stated|proposed|suggested|thanked|attended"
    r"|reviewed|scrutinised|received|informed|raised|would|will|should|need|needs|to\s+be)\b"
)
WRAPS_ON = re.compile(r"(?:,|\b(?:of|on|and|the|to|for|in|at|with|from|by|a|an|&|-|–))\s*$", re.IGNORECASE)
WEB_DOC_MARK = re.compile(r"\s*(?:pdf icon\s*)?PDF \d+(?:\.\d+)? [KM]B\s*$", re.IGNORECASE)
ATTENDING_NOTE = re.compile(r"(?:for this item\.?|^Additional documents:?)\s*$", re.IGNORECASE)
MONEY_OR_FIGURES = re.compile(r"[$£€]|\d{4,}")
NOT_ITEM = re.compile(rf"^\s*{pattern('not_item_headings')}\s*:?\s*$", re.IGNORECASE)

BOLD_BODY_SHARE = 0.4  # above this share of bold text, bold marks nothing out
MARGIN = 8.0  # points: how far from the body's left edge a heading may start
SAME_X = 4.0  # points: two lines start at the same x
FULL_LINE_GAP = 0.3  # a line ending this share of the body's width short of its right edge is not full


@dataclass(frozen=True)
class SectionStyle:
    """How a set of minutes sets its text: whether bold is known, and whether
    it marks headings out (the paragraphs being mostly not bold)."""

    bold_signals: bool

    @classmethod
    def of(cls, lines: list[Line], start: int, end: int) -> SectionStyle:
        bold = known = 0
        for line in lines[start:end]:
            if line.bold is not None:
                known += len(line.text)
                bold += len(line.text) if line.bold else 0
        return cls(known > 0 and bold <= BOLD_BODY_SHARE * known)


def is_capitals(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def is_sentence(title: str) -> bool:
    """A title that reads as a sentence (a numbered point, not a heading)."""
    return bool(SENTENCE_VERBS.search(title)) or title.rstrip().endswith((":-", ":", "."))


def heading_weight(lines: list[Line], i: int, end: int, title: str, bold: bool | None,
                   style: SectionStyle) -> float:
    """How much line `i`, titled `title`, looks like an item's heading."""
    weight = 1.0
    if has_agenda_ref(lines, i, end, title):
        weight += 3.0
    if style.bold_signals and bold:
        weight += 1.0
    if is_capitals(title):
        weight += 0.5
    if is_sentence(title):
        weight *= 0.3
    if title[:1].islower():
        weight *= 0.2  # "1. the application be approved": a numbered part, not a heading
    if len(title) > 90:
        weight *= 0.7
    if MONEY_OR_FIGURES.search(re.sub(APPLICATION_REF, "", title).replace(",", "")):
        weight *= 0.2  # a numbered line of a list of contracts or payments, not an item
    return weight


def has_agenda_ref(lines: list[Line], i: int, end: int, title: str) -> bool:
    return bool(INLINE_AGENDA_REF.search(title)) or agenda_ref_below(lines, i, end, title) is not None


def agenda_ref_below(lines: list[Line], i: int, end: int, title: str) -> int | None:
    """The "(Item X)" line under the heading at `i`, within a title that wraps
    over two more lines at most; None when a sentence ends first (the "(Item
    X)" then belongs to a heading below it)."""
    for k in range(i + 1, min(i + 4, end)):
        if AGENDA_REF.match(lines[k].text):
            return k
        text = lines[k].text.strip()
        if k == i + 1 and title.rstrip().endswith((".", ":", ";")) or PARAGRAPH_START.match(text):
            return None
        if text.endswith((".", ":", ";")):
            return None
    return None


def looks_like_heading(text: str) -> bool:
    return (
        bool(text)
        and "$" not in text
        and "£" not in text
        and len(text) <= 200
        and text[0].isupper()
        and not text.rstrip().endswith((".", ":", ";", ":-", ","))
        and not PARAGRAPH_START.match(text)
        and not BULLET.match(text)
        and not ATTENDING_NOTE.search(text)
    )


def is_not_item(text: str) -> bool:
    return bool(NOT_ITEM.match(text))


def at_margin(line: Line) -> bool:
    """The line starts at the body's left edge (or out in the margin); True
    when positions are unknown."""
    return line.indent is None or line.indent <= MARGIN


def is_full(line: Line) -> bool:
    """The line runs (nearly) to the body's right edge, as a line that wraps
    does; True when positions are unknown."""
    if not line.has_position:
        return True
    width = line.frame.body_right - line.frame.body_left
    return line.right_gap <= FULL_LINE_GAP * width


def title_continues(heading: Line, title: str, title_x: float | None, following: Line,
                    style: SectionStyle, point: bool) -> bool:
    """Whether `following` carries on the title of the item headed `heading`."""
    text = following.text.strip()
    if not text or PARAGRAPH_START.match(text) or BULLET.match(text) or AGENDA_REF.match(text):
        return False
    if heading.has_position and following.has_position:
        hang = following.x0 - heading.x0
        hanging = abs(following.x0 - title_x) <= SAME_X if title_x is not None else SAME_X < hang < 60
        if style.bold_signals and heading.bold and following.bold and len(text) < 100:
            # A bold title wraps under itself or under its number.
            return (is_full(heading) or bool(WRAPS_ON.search(title))) and (hanging or abs(hang) <= SAME_X)
        if not hanging or (style.bold_signals and following.bold != heading.bold):
            return False
        if point:  # a numbered point: its first paragraph, to the end of its sentence
            return not title.rstrip().endswith((".", ":", ";"))
        return text[:1].islower() or bool(WRAPS_ON.search(title))
    # Plain text: a title cut after "of", "and", a comma... runs on to a short line.
    return bool(WRAPS_ON.search(title)) and len(text) < 70
