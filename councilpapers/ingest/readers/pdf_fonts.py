"""The font of a character of a PDF text page: size as printed, bold, italic;
and how wide each font's text runs, so that a run much wider than its text
(a tab jump inside one text object) can be told apart cheaply."""

from __future__ import annotations

import ctypes
import math
import re

import pypdfium2.raw as pdfium_c

from .pdfium_calls import get_font_info, get_font_size, get_matrix

# Font names carry the weight ("Arial-BoldMT", "Aptos Narrow,Bold", "Segoe UI
# Semibold"). PDFium's weight number is not used: it is derived from the font's
# stem width, and in the papers here it says 400 for Arial-BoldMT in one
# council's files, 380 in another's, and 736 for a regular subset of a third's
# body font.
BOLD_NAME = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
ITALIC_NAME = re.compile(r"italic|oblique", re.IGNORECASE)
FORCE_BOLD_FLAG = 1 << 18  # font descriptor flags (PDF 32000-1, table 123)
ITALIC_FLAG = 1 << 6
FONT_NAME_BYTES = 128
MIN_CHARS_TO_LEARN = 5  # runs shorter than this say little about a font's width
MIN_CHARS_KNOWN = 60  # a font seen over fewer characters is judged by all fonts' width

FontKey = tuple[bytes, int]  # base name and descriptor flags


class FontStyles:
    """Fonts of one document: each font's name and flags judged once, and the
    average width of its characters learnt from the runs seen so far."""

    def __init__(self) -> None:
        self._name = ctypes.create_string_buffer(FONT_NAME_BYTES)
        self._flags = ctypes.c_int()
        self._matrix = pdfium_c.FS_MATRIX()
        self._name_at = ctypes.addressof(self._name)
        self._flags_at = ctypes.addressof(self._flags)
        self._matrix_at = ctypes.addressof(self._matrix)
        self._judged: dict[FontKey, tuple[bool, bool]] = {}
        # per font, and for all fonts under None: [points wide, ems of characters, characters]
        self._widths: dict[FontKey | None, list[float]] = {}
        self._usual: dict[FontKey | None, float] = {}  # ems per character, once known

    def style(self, textpage: int, index: int) -> tuple[FontKey, float, bool, bool]:
        """(font, size in points as printed, bold, italic) of character
        `index` of the text page at address `textpage`."""
        size = get_font_size(textpage, index)
        if get_matrix(textpage, index, self._matrix_at):
            # The font size is in text space; the text and page matrices scale it
            # (a 1 pt font drawn at 10x is 10 pt on the page).
            size *= math.hypot(self._matrix.c, self._matrix.d)
        get_font_info(textpage, index, self._name_at, FONT_NAME_BYTES, self._flags_at)
        key = (self._name.value, self._flags.value)
        judged = self._judged.get(key)
        if judged is None:
            judged = self._judged[key] = judge_font(*key)
        return key, round(size, 1), *judged

    def bold_at(self, textpage: int, index: int) -> bool:
        """Whether character `index` is in a bold font (one call: no size)."""
        get_font_info(textpage, index, self._name_at, FONT_NAME_BYTES, self._flags_at)
        key = (self._name.value, self._flags.value)
        judged = self._judged.get(key)
        if judged is None:
            judged = self._judged[key] = judge_font(*key)
        return judged[0]

    def learn_width(self, font: FontKey, width: float, chars: int, size: float) -> None:
        """Count a run of `chars` visible characters `width` points wide."""
        if chars < MIN_CHARS_TO_LEARN or size <= 0:
            return
        for key in (font, None):
            totals = self._widths.get(key)
            if totals is None:
                totals = self._widths[key] = [0.0, 0.0, 0]
            totals[0] += width
            totals[1] += chars * size
            totals[2] += chars
            if totals[2] >= MIN_CHARS_KNOWN or key is None:
                self._usual[key] = totals[0] / totals[1]

    def char_width(self, font: FontKey) -> float | None:
        """The average width per visible character in ems (spaces between words
        included) of this font or of all fonts, whichever is narrower; all
        fonts' when this one is little known."""
        every = self._usual.get(None)
        own = self._usual.get(font)
        return every if own is None or every is None else min(own, every)


def judge_font(name: bytes, flags: int) -> tuple[bool, bool]:
    """(bold, italic) from a font's base name ("ABCDEF+Arial-BoldMT") and
    descriptor flags."""
    family = name.decode("latin-1").rpartition("+")[2]
    bold = bool(BOLD_NAME.search(family)) or bool(flags & FORCE_BOLD_FLAG)
    italic = bool(ITALIC_NAME.search(family)) or bool(flags & ITALIC_FLAG)
    return bold, italic
