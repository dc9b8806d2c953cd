"""The PDFium text calls the layout makes per line and per run, bound with
plain-address argument types.

pypdfium2's raw bindings check a typed pointer on every call, which more than
doubles the cost of a call (1.0 µs against 0.4 µs here); the layout makes a
few hundred calls a page, so it calls these instead. They are the same
functions of the library pypdfium2 loaded, with the same (C) calling
convention it declares them with.
"""

from __future__ import annotations

import ctypes
from ctypes import c_double, c_int, c_ulong, c_void_p

import pypdfium2.raw as pdfium_c


def _bind(function, restype, *argtypes):
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, c_void_p).value)


count_rects = _bind(pdfium_c.FPDFText_CountRects, c_int, c_void_p, c_int, c_int)
get_rect = _bind(pdfium_c.FPDFText_GetRect, c_int, c_void_p, c_int, c_void_p, c_void_p, c_void_p, c_void_p)
get_char_box = _bind(pdfium_c.FPDFText_GetCharBox, c_int, c_void_p, c_int, c_void_p, c_void_p, c_void_p, c_void_p)
get_font_size = _bind(pdfium_c.FPDFText_GetFontSize, c_double, c_void_p, c_int)
get_matrix = _bind(pdfium_c.FPDFText_GetMatrix, c_int, c_void_p, c_int, c_void_p)
get_font_info = _bind(pdfium_c.FPDFText_GetFontInfo, c_ulong, c_void_p, c_int, c_void_p, c_ulong, c_void_p)


def address(handle) -> int:
    """The address a pypdfium2 raw handle (FPDF_TEXTPAGE, ...) points at."""
    return ctypes.cast(handle, c_void_p).value or 0


class Doubles:
    """Four doubles that PDFium writes into, passed by address."""

    def __init__(self) -> None:
        self.values = (c_double * 4)()
        first = ctypes.addressof(self.values)
        self.addresses = tuple(first + i * ctypes.sizeof(c_double) for i in range(4))
