"""The font of a character of a PDF text page: size as printed, bold, italic;
and how wide each font's characters usually are, so that a run much wider than
its text (a tab jump inside one text object) can be told apart cheaply."""

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
MIN_CHARS_TO_LEARN = 10  # runs shorter than this say little about a font's width
MIN_RUNS_KNOWN = 4  # a font seen in fewer runs is judged by all fonts' width
USUAL_QUANTILE = 0.25  # a font's usual width: no wider than a quarter of its runs
# ...and, until learnt from TRUSTED_RUNS runs, no wider than text usually is,
# in ems per character with the spaces (Arial's is about 0.5, Times' 0.45):
# a document that opens with lines that all jump (a two-column list of
# members) cannot teach a wide one. Afterwards a quarter of the runs decide
# (Courier's 0.6 among them).
WIDEST_USUAL = 0.55
TRUSTED_RUNS = 32
MAX_RUNS_LEARNT = 256  # a document's fonts are known by then

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


class CharWidths:
    """How wide a font's characters usually are, in ems per visible character
    (the spaces between words included), learnt from the runs of a document
    that have no jump: the lower quartile of their widths, so that capitals and
    runs stretched by justification or by an unseen jump do not raise it."""

    def __init__(self) -> None:
        self._seen: dict[FontKey | None, list[float]] = {}  # per font, and all fonts under None
        self._usual: dict[FontKey | None, float] = {}

    def learn(self, font: FontKey, width: float, chars: int, size: float) -> None:
        """Count a run of `chars` visible characters `width` points wide."""
        if chars < MIN_CHARS_TO_LEARN or size <= 0:
            return
        for key in (font, None):
            seen = self._seen.setdefault(key, [])
            count = len(seen)
            if count >= MAX_RUNS_LEARNT:
                continue
            seen.append(width / (chars * size))
            count += 1
            # sorted at 4, 8, 16, 32, ... runs: the quartile settles fast
            if count >= MIN_RUNS_KNOWN and count & (count - 1) == 0:
                usual = sorted(seen)[int(count * USUAL_QUANTILE)]
                self._usual[key] = usual if count >= TRUSTED_RUNS else min(usual, WIDEST_USUAL)

    def usual(self, font: FontKey) -> float:
        """The narrower of this font's usual width and all fonts' (each no
        wider than WIDEST_USUAL until learnt from TRUSTED_RUNS runs)."""
        return min(self._usual.get(font, WIDEST_USUAL), self._usual.get(None, WIDEST_USUAL))


def judge_font(name: bytes, flags: int) -> tuple[bool, bool]:
    """(bold, italic) from a font's base name ("ABCDEF+Arial-BoldMT") and
    descriptor flags."""
    family = name.decode("latin-1").rpartition("+")[2]
    bold = bool(BOLD_NAME.search(family)) or bool(flags & FORCE_BOLD_FLAG)
    italic = bool(ITALIC_NAME.search(family)) or bool(flags & ITALIC_FLAG)
    return bold, italic
