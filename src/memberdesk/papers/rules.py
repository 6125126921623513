"""The lines and boxes drawn on a page (a ruled table's grid), as thin boxes on the page as
seen. Reads PDFium's page objects with glyphs' lock, as glyphs.py reads its text.

Only what a table's grid is made of is kept: path objects thinner than RULE in one direction
(a rule) and the four edges of boxes (a cell drawn as a rectangle, a shaded row). A page of
more than MAX_OBJECTS objects (a map drawn as vectors) gives none: such a page's tables, if
any, are still found from their words' alignment.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from memberdesk.papers import glyphs
from memberdesk.papers.shapes import Box, box_to_top_left

RULE = 2.5  # points: thinner than this is a line, not a box
MAX_OBJECTS = 20_000


def _typed(name: str, restype: object, *argtypes: object) -> Callable[..., Any]:
    """A pdfium function called with plain pointers and declared argument types (a page's
    objects are counted once and each asked once: few calls, so safety over speed)."""
    address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)  # type: ignore[arg-type]


_VP, _INT = ctypes.c_void_p, ctypes.c_int
_COUNT = _typed("FPDFPage_CountObjects", _INT, _VP)
_OBJECT = _typed("FPDFPage_GetObject", _VP, _VP, _INT)
_TYPE = _typed("FPDFPageObj_GetType", _INT, _VP)
_F = ctypes.POINTER(ctypes.c_float)
_BOUNDS = _typed("FPDFPageObj_GetBounds", _INT, _VP, _F, _F, _F, _F)


def page_rules(doc: pdfium.PdfDocument, index: int) -> tuple[Box, ...]:
    """The page's rules (thin boxes), top-left coordinates; () when there are none or too many."""
    with glyphs.PDFIUM_LOCK:
        page = doc[index]
        try:
            return read_page(page)
        finally:
            page.close()


def read_page(page: pdfium.PdfPage) -> tuple[Box, ...]:
    """page_rules() for a page already open (glyphs.open_page, which holds the lock)."""
    handle = ctypes.cast(page.raw, ctypes.c_void_p).value
    count = _COUNT(handle)
    if count > MAX_OBJECTS:
        return ()
    crop = page.get_bbox()
    rotation = page.get_rotation()
    area = (crop[2] - crop[0]) * (crop[3] - crop[1])
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    out: list[Box] = []
    for i in range(count):
        obj = _OBJECT(handle, i)
        if not obj or _TYPE(obj) != raw.FPDF_PAGEOBJ_PATH or not _BOUNDS(obj, *refs):
            continue
        x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
        w, h = x1 - x0, y1 - y0
        if w < RULE and h < RULE:
            continue  # a dot
        if w < RULE or h < RULE:
            out.append(box_to_top_left(x0, y0, x1, y1, crop, rotation))
        elif w * h < 0.5 * area:
            # A box: its four edges (a page-sized frame or background is no cell).
            for edge in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
                out.append(box_to_top_left(*edge, crop, rotation))
    return tuple(out)
