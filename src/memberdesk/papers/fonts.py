"""What a text object's glyphs are set in: size, weight, angle and ink, asked of pdfium once per
object (glyphrun.py reads the glyphs; the caller holds glyphs.PDFIUM_LOCK).

They are constant within one object, and asking once per object instead of once per glyph keeps
a dense page cheap. Some generators make every glyph its own object (a notice placed letter by
letter), so the weight, a property of the font, is asked once per font.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Callable
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

# Text at least this light (luminance, white 1) is read on a dark ground: an EqIA's section
# band, a header row in white on navy. It stands out as bold does (headings.py).
LIGHT = 0.8
NO_INK = -1  # a glyph whose fill is not seen (outlined, or a scan's invisible OCR layer)
_FILLED = (0, 2, 4, 6)  # FPDF_TEXTRENDERMODE: fill, fill and stroke, and those also clipping
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold", "extrabold")
_FORCE_BOLD = 1 << 18


def fast(name: str, restype: object) -> Callable[..., Any]:
    """A pdfium function called with ready-made ctypes arguments (the text page as a c_void_p,
    indices as ints): pypdfium2's wrappers cost more per call than the call itself, and so do
    declared argument types (each argument converted on every call); a page is tens of
    thousands of calls. PYFUNCTYPE, not CFUNCTYPE: the GIL stays held, as it costs more to let
    it go and take it back than these calls take (the caller holds PDFIUM_LOCK anyway), ~0.06
    us a call; ctypes then also checks for a Python error, which pdfium never sets."""
    address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
    return ctypes.PYFUNCTYPE(restype)(address)  # type: ignore[arg-type]


_FONT_SIZE = fast("FPDFText_GetFontSize", ctypes.c_double)
_MATRIX = fast("FPDFText_GetMatrix", ctypes.c_int)
_OBJECT_FONT = fast("FPDFTextObj_GetFont", ctypes.c_void_p)
_RENDER_MODE = fast("FPDFTextObj_GetTextRenderMode", ctypes.c_int)
_FILL = fast("FPDFPageObj_GetFillColor", ctypes.c_int)


def light(ink: int) -> bool:
    """Whether ink (0xRRGGBB) is light enough to be read only on a dark ground."""
    if ink < 0:
        return False
    red, green, blue = ink >> 16, (ink >> 8) & 0xFF, ink & 0xFF
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue >= LIGHT * 255


class FontCache:
    """(size, bold, sideways, ink) of each glyph's text object, asked once per object."""

    def __init__(self, textpage: pdfium.PdfTextPage, handle: ctypes.c_void_p, rotation: int) -> None:
        self.textpage = textpage
        self.handle = handle
        self.rotation = rotation
        self.known: dict[int, tuple[float, bool, int, int]] = {}
        self.bold: dict[int, bool] = {}
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.matrix = raw.FS_MATRIX()
        self.where = ctypes.byref(self.matrix)
        self.rgba = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
        self.colour = tuple(ctypes.byref(v) for v in self.rgba)

    def get(self, index: int, key: int) -> tuple[float, bool, int, int]:
        """`key` is the glyph's text object's address (0 when pdfium gives none)."""
        found = self.known.get(key) if key else None
        if found is None:
            found = self._ask(index, key)
            if key:
                self.known[key] = found
        return found

    def _ask(self, index: int, key: int) -> tuple[float, bool, int, int]:
        size = _FONT_SIZE(self.handle, index)
        scale, angle = 1.0, 0.0
        if _MATRIX(self.handle, index, self.where):
            m = self.matrix
            # The Tf size is often 1 with the real size in the text matrix (print drivers).
            scale = math.hypot(m.c, m.d) or 1.0
            angle = math.degrees(math.atan2(m.b, m.a))
        font = (_OBJECT_FONT(ctypes.c_void_p(key)) or 0) if key else 0
        bold = self.bold.get(font) if font else None
        if bold is None:
            bold = self._bold(index)
            if font:
                self.bold[font] = bold
        # Upright as seen: the glyph's angle less the page's clockwise turn is about zero;
        # sideways 1 at an angle, 2 a quarter turn (a landscape table drawn turned: sideways.py).
        seen = (angle - self.rotation) % 360
        off = min(seen, 360 - seen)
        sideways = 0 if off <= 10 else 2 if abs(off - 90) <= 10 else 1
        return round(size * scale, 2), bold, sideways, self._ink(key) if key else NO_INK

    def _ink(self, key: int) -> int:
        """The object's fill colour as 0xRRGGBB; NO_INK where no fill is seen."""
        handle = ctypes.c_void_p(key)
        if _RENDER_MODE(handle) not in _FILLED or not _FILL(handle, *self.colour):
            return NO_INK
        red, green, blue, alpha = (v.value for v in self.rgba)
        return (red << 16) | (green << 8) | blue if alpha > 0 else NO_INK

    def _bold(self, index: int) -> bool:
        tp = self.textpage
        weight = raw.FPDFText_GetFontWeight(tp, index)
        raw.FPDFText_GetFontInfo(tp, index, self.name, len(self.name), ctypes.byref(self.flags))
        name = self.name.value.decode("latin-1", "replace").lower()
        return weight >= 600 or any(part in name for part in _BOLD_NAMES) or bool(self.flags.value & _FORCE_BOLD)
