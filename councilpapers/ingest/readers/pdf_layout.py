"""Where each line of a PDF page sits and how it is set, from PDFium's text page:
its edges, font size, bold and italic, and its cells (the line split at wide
gaps).

PDFium answers per character, and a call costs about a microsecond from Python
(half that through `pdfium_calls`): reading every character's box and font
would triple the reading time. So a line is read from what PDFium gives per
line and from a few characters:
- its rectangles (FPDFText_CountRects/GetRect), one per run of characters drawn
  by one text object, give its edges and the gaps between runs;
- the font of its first, middle and last visible character gives its size and
  whether most of it is bold or italic (one character when it is one run: one
  text object has one font);
- where a gap between runs is wide, the character that starts the next run is
  searched for (the rectangle count of the line's first n characters rises by
  one at each run's first character, see `_RunStarts`), so a cell's text is an
  exact slice of the line's: a line's characters are the page text's one for
  one (PDFium's generated spaces and line breaks are characters too).

A text object can also jump right inside itself, after a space (how some
writers set a tab: "Cllr. Alun Davies" pushed to the right margin by a kerning
offset). Such gaps are measured, two character boxes per space, in runs wider
than their characters usually are (see `CharWidths`; about one run in ten),
and after a first word that looks like an item number or a bullet.

A gap splits cells when it is wider than CELL_GAP_EM font sizes (about three
and a half spaces) and either wider than SURE_GAP_EM or than JUSTIFIED_GAPS of
the line's own gaps between words, so the stretched spaces of a justified line
split nothing.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from ..model import Cell
from .pdf_fonts import CharWidths, FontStyles
from .pdfium_calls import Doubles, address, count_rects, get_char_box, get_rect

CELL_GAP_EM = 1.0  # a gap wider than this many font sizes can split cells...
SURE_GAP_EM = 3.0  # ...and always does when wider than this...
JUSTIFIED_GAPS = 2.0  # ...or than this many times the line's gap between words
WORD_GAP_SAMPLES = 4  # word gaps measured to know a line's own spacing
WIDE_RUN_SHARE = 0.15  # a run is searched for jumps when wider than its text usually is by this share...
WIDE_RUN_EM = 1.0  # ...and by this many font sizes
CAPITAL_WIDTH = 1.35  # a capital letter is about this much wider than the average character
SPACES = re.compile(r"(?<=\S)[ \t]+(?=\S)")  # spaces between two words
WORD_START = re.compile(r"(?<!\S)\S")
# A line's first word when it looks like a number or bullet in its own column
# ("5.", "(2)", "284.", "iv)", "E/33351", "•"), up to the space after it: that
# one gap is measured on every line, as a small jump there is missed by the
# width test on a long line.
LEADING_MARKER = re.compile(r"\s*(?:[^\s\w]|(?=\S{0,7}\d)\S{1,8}|\(?[A-Za-z]{1,4}[.)])[ \t]+(?=\S)")


@dataclass(frozen=True)
class PageGeometry:
    """The page as shown: PDF user space to x from the left edge and y down
    from the top edge, with the page's /Rotate (quarter turns clockwise) applied."""

    left: float
    bottom: float
    right: float
    top: float
    quarter_turns: int = 0

    @property
    def width(self) -> float:
        across = self.right - self.left
        return across if self.quarter_turns % 2 == 0 else self.top - self.bottom

    @property
    def height(self) -> float:
        down = self.top - self.bottom
        return down if self.quarter_turns % 2 == 0 else self.right - self.left

    def shown(self, left: float, bottom: float, right: float, top: float) -> tuple[float, ...]:
        """A PDF-space box as (x0, x1, top, bottom) on the page as shown."""
        turns = self.quarter_turns
        if turns == 0:
            return left - self.left, right - self.left, self.top - top, self.top - bottom
        if turns == 1:
            return bottom - self.bottom, top - self.bottom, left - self.left, right - self.left
        if turns == 2:
            return self.right - right, self.right - left, bottom - self.bottom, top - self.bottom
        return self.top - top, self.top - bottom, self.right - right, self.right - left


@dataclass(slots=True)
class _Piece:
    """Characters [start, end) of the page text that sit together on a line,
    with no wide gap inside, and their left and right edges."""

    start: int
    end: int
    x0: float
    x1: float


class TextPageLayout:
    """Layout of the lines of one text page."""

    def __init__(self, textpage: pdfium_c.FPDF_TEXTPAGE, text: str, geometry: PageGeometry,
                 fonts: FontStyles, widths: CharWidths):
        self.textpage = address(textpage)
        self.text = text  # the page's text, PDFium's characters one for one
        self.geometry = geometry
        self.fonts, self.widths = fonts, widths  # the document's
        self._out = Doubles()

    def lines(self, spans: list[tuple[int, int, str]]) -> list[dict | None]:
        """For each line of the page text — (start, end, its text as the Line
        has it) — the layout keywords of its `Line` (x0, x1, top, bottom, size,
        bold, italic, cells), or None when PDFium places no visible character."""
        return [self._line(start, end, text) for start, end, text in spans]

    def _line(self, start: int, end: int, text: str) -> dict | None:
        rects = self._rects(start, end)
        if not rects:
            return None
        raw = self.text[start:end]
        first = start + len(raw) - len(raw.lstrip())
        if len(rects) == 1:  # one text object: one font
            font, size, bold, italic = self.fonts.style(self.textpage, first)
            first_bold = bold
            x0, x1, top, bottom = rects[0]
            pieces = [_Piece(start, end, x0, x1)]
        else:
            last = start + len(raw.rstrip()) - 1
            styles = [self.fonts.style(self.textpage, i) for i in self._samples(first, last, len(rects))]
            font, size, bold, italic = _vote(styles)
            first_bold = styles[0][2]
            x0, x1 = min(rect[0] for rect in rects), max(rect[1] for rect in rects)
            top, bottom = min(rect[2] for rect in rects), max(rect[3] for rect in rects)
            pieces = self._pieces(start, end, rects, size)
        word_gaps: list[float] = []
        pieces = [part for piece in pieces for part in self._split_at_jumps(piece, font, size, word_gaps)]
        cells = self._cells(pieces, size, word_gaps, text, first_bold) if len(pieces) > 1 else None
        cells = cells or (Cell(text, x0, x1, bold),)
        return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": size,
                "bold": bold, "italic": italic, "cells": cells}

    def _rects(self, start: int, end: int) -> list[tuple[float, ...]]:
        """The line's rectangles as (x0, x1, top, bottom) on the page as shown."""
        textpage, values, out = self.textpage, self._out.values, self._out.addresses
        rects = []
        for j in range(count_rects(textpage, start, end - start)):
            get_rect(textpage, j, *out)  # left, top, right, bottom
            rects.append(self.geometry.shown(values[0], values[3], values[2], values[1]))
        return rects

    def _samples(self, first: int, last: int, runs: int) -> list[int]:
        """The first, middle and last visible characters of [first, last]; the
        first and last only when there are but two runs."""
        text, middle = self.text, (first + last) // 2
        while middle < last and text[middle].isspace():
            middle += 1
        return [first, middle, last] if runs > 2 and first < middle < last else [first, last]

    # -- pieces between wide gaps --------------------------------------------------

    def _pieces(self, start: int, end: int, rects: list[tuple[float, ...]], size: float) -> list[_Piece]:
        """The line cut where a rectangle starts more than CELL_GAP_EM right of
        all before it; where exactly in the text, by `_RunStarts`."""
        pieces = [_Piece(start, end, rects[0][0], rects[0][1])]
        right, starts = rects[0][1], None
        for j in range(1, len(rects)):
            x0, x1 = rects[j][0], rects[j][1]
            if x0 - right > CELL_GAP_EM * size:
                starts = starts or _RunStarts(self.textpage, self.text, start, end)
                cut = starts.find(j)
                pieces[-1].end = cut
                pieces.append(_Piece(cut, end, x0, x1))
            else:
                pieces[-1].x0 = min(pieces[-1].x0, x0)
                pieces[-1].x1 = max(pieces[-1].x1, x1)
            right = max(right, x1)
        return pieces

    def _split_at_jumps(self, piece: _Piece, font, size: float, word_gaps: list[float]) -> list[_Piece]:
        """The piece cut where it jumps right after a space by more than
        CELL_GAP_EM, searched only when it is wider than its characters
        usually are; a piece found without a jump teaches how wide they are.
        Every gap measured goes to `word_gaps`."""
        text = self.text[piece.start:piece.end]
        chars = _visible(text)
        parts = [piece]
        if " " in text:
            if self._wider_than_text(piece.x1 - piece.x0, font, size, text, chars):
                parts = self._cut_at_jumps(piece, size, word_gaps)
            elif marker := LEADING_MARKER.match(self.text, piece.start, piece.end):
                parts = self._cut_at_jumps(piece, size, word_gaps, marker.end() + 1)
        if len(parts) == 1:
            self.widths.learn(font, piece.x1 - piece.x0, chars, size)
        return parts

    def _cut_at_jumps(self, piece: _Piece, size: float, word_gaps: list[float],
                      end: int | None = None) -> list[_Piece]:
        """The piece cut at every space followed by a jump (spaces before
        `end` only: the word after them begins before it)."""
        parts = [piece]
        for space in SPACES.finditer(self.text, piece.start, end or piece.end):
            right, left = self._char_box(space.start() - 1)[1], self._char_box(space.end())[0]
            word_gaps.append(left - right)
            if left - right > CELL_GAP_EM * size:
                parts.append(_Piece(space.end(), piece.end, left, parts[-1].x1))
                parts[-2].end, parts[-2].x1 = space.end(), right
        return parts

    def _wider_than_text(self, width: float, font, size: float, text: str, chars: int) -> bool:
        """Wider than `chars` characters of the font usually are (or of the
        document's fonts, if narrower: a font seen only in pieces that jump,
        such as numbered headings, would otherwise hide its jumps), and more
        so than its capitals explain."""
        expected = self.widths.usual(font) * chars * size
        if width - expected <= WIDE_RUN_EM * size or width - expected <= WIDE_RUN_SHARE * expected:
            return False
        capitals = sum(map(str.isupper, text))
        return width - expected * (1 + (CAPITAL_WIDTH - 1) * capitals / chars) > WIDE_RUN_EM * size

    # -- cells -------------------------------------------------------------------

    def _cells(self, pieces: list[_Piece], size: float, word_gaps: list[float], text: str,
               first_bold: bool) -> tuple[Cell, ...] | None:
        """The pieces grouped into cells at the gaps wide enough; `first_bold`:
        whether the line's first character is bold (each other cell's first
        character is read). None when they make one cell."""
        threshold = SURE_GAP_EM * size
        if any(CELL_GAP_EM * size < gap <= threshold for gap in _gaps(pieces)):
            # the line's own spacing: the gaps measured less the widest (a jump
            # itself), else a few spaces inside the pieces
            gaps = sorted(word_gaps)[:-1]
            typical = statistics.median(gaps) if len(gaps) >= 2 else self._word_gap(pieces)
            threshold = max(CELL_GAP_EM * size, min(threshold, JUSTIFIED_GAPS * typical))
        groups = [[pieces[0]]]
        for piece, gap in zip(pieces[1:], _gaps(pieces)):
            if gap > threshold:
                groups.append([piece])
            else:
                groups[-1].append(piece)
        if len(groups) == 1:
            return None
        cells = [self._cell(group, first_bold if index == 0 else None) for index, group in enumerate(groups)]
        return tuple(cell for cell in cells if cell.text)

    def _cell(self, pieces: list[_Piece], bold: bool | None) -> Cell:
        raw = self.text[pieces[0].start:pieces[-1].end]
        if bold is None and raw.strip():
            bold = self.fonts.bold_at(self.textpage, pieces[0].start + len(raw) - len(raw.lstrip()))
        return Cell(tidy(raw), min(piece.x0 for piece in pieces), max(piece.x1 for piece in pieces), bold)

    def _word_gap(self, pieces: list[_Piece]) -> float:
        """The median gap between words inside the pieces (a few sampled), 0
        when they hold single words: the gaps between pieces may be the wide ones."""
        spaces = [space for piece in pieces for space in SPACES.finditer(self.text, piece.start, piece.end)]
        if not spaces:
            return 0.0
        step = max(1, len(spaces) // WORD_GAP_SAMPLES)
        gaps = [self._char_box(space.end())[0] - self._char_box(space.start() - 1)[1] for space in spaces[::step]]
        return max(0.0, statistics.median(gaps))

    def _char_box(self, index: int) -> tuple[float, ...]:
        """Character `index` as (x0, x1, top, bottom) on the page as shown."""
        values = self._out.values
        get_char_box(self.textpage, index, *self._out.addresses)  # left, right, bottom, top
        return self.geometry.shown(values[0], values[2], values[1], values[3])


class _RunStarts:
    """Where in the text of line [start, end) each rectangle starts: at the
    first character c such that [start, c] makes one rectangle more than
    [start, c - 1]. Counted from the last cut found (a shorter count is a
    cheaper call: it starts a rectangle, so the rectangles after it are the
    line's). Runs nearly always start at a word, so words are searched first,
    galloping from the last cut (a call or two a cut in a table row), and
    characters only when the run starts inside a word."""

    def __init__(self, textpage: int, text: str, start: int, end: int):
        self.textpage, self.end = textpage, end
        self.words = [match.start() for match in WORD_START.finditer(text, start, end)]
        self.base, self.base_run = start, 0  # the last cut, and the rectangle it starts

    def _more_than(self, index: int, run: int) -> bool:
        """Whether [start, index] holds more than `run` rectangles."""
        return count_rects(self.textpage, self.base, index - self.base + 1) + self.base_run > run

    def find(self, run: int) -> int:
        """Where rectangle `run` (0-based) starts: after the last cut found."""
        words, low = self.words, self.base
        first = bisect_left(words, low + 1)
        high, step = first, 1
        while high < len(words) and not self._more_than(words[high], run):
            first, high, step = high + 1, high + step, step * 2
        high = min(high, len(words))
        while first < high:
            middle = (first + high) // 2
            if self._more_than(words[middle], run):
                high = middle
            else:
                first = middle + 1
        if first < len(words) and not self._more_than(words[first] - 1, run):
            cut = words[first]  # the common case: the run starts this word
        else:  # inside the word before
            lower = max(low + 1, words[first - 1] if first > 0 else low + 1)
            upper = words[first] - 1 if first < len(words) else self.end - 1
            while lower < upper:
                middle = (lower + upper) // 2
                if self._more_than(middle, run):
                    upper = middle
                else:
                    lower = middle + 1
            cut = lower
        self.base, self.base_run = cut, run
        return cut


def _vote(styles: list[tuple]) -> tuple:
    """(font, size, bold, italic) of most of two or three sampled characters:
    the first's font and, when no two agree, the first's size."""
    sizes = [style[1] for style in styles]
    size = sizes[1] if len(sizes) == 3 and sizes[1] == sizes[2] else sizes[0]
    bold = 2 * sum(style[2] for style in styles) > len(styles)
    italic = 2 * sum(style[3] for style in styles) > len(styles)
    return styles[0][0], size, bold, italic


def _gaps(pieces: list[_Piece]):
    """The gap before each piece after the first, from the right edge of all
    before it (pieces drawn out of order overlap: a negative gap)."""
    right = pieces[0].x1
    for piece in pieces[1:]:
        yield piece.x0 - right
        right = max(right, piece.x1)


def _visible(text: str) -> int:
    return len("".join(text.split()))


# Spaces around a control character or a no-break space between two words are
# one space ("Horsley\t\r \xa0Neighbourhood"); plain runs of spaces stay as printed.
# Unicode's hyphens as the hyphen-minus every rule expects; a word printed with
# two of them ("Bartlett-\u2010Butt") has one.
DOUBLED_HYPHEN = re.compile(r"(?<=\w)-{2,}(?=\w)")
SPACING_RUN = re.compile("[ \xa0]*[\x00-\x09\x0b-\x1f\x7f-\xa0][\x00-\x09\x0b-\x1f\x7f-\xa0 ]*")


def tidy(piece: str) -> str:
    """A piece of a line of page text as the line's text shows it: control
    characters as spaces, soft hyphens inside the line dropped, stripped."""
    text = SPACING_RUN.sub(" ", piece.replace("\xad", ""))
    return DOUBLED_HYPHEN.sub("-", text.replace("\u2010", "-").replace("\u2011", "-")).strip()
