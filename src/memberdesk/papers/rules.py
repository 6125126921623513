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
# A path object this thin (in points) that draws several shapes is read shape by shape: Word's
# Print To PDF draws an underline and the strike-through beside it as one path, whose bounds
# would be one box striking both the inserted and the deleted words.
SHAPES_WITHIN = 4 * RULE
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
_SEGMENTS = _typed("FPDFPath_CountSegments", _INT, _VP)
_SEGMENT = _typed("FPDFPath_GetPathSegment", _VP, _VP, _INT)
_POINT = _typed("FPDFPathSegment_GetPoint", _INT, _VP, _F, _F)
_KIND = _typed("FPDFPathSegment_GetType", _INT, _VP)
_MATRIX = _typed("FPDFPageObj_GetMatrix", _INT, _VP, ctypes.POINTER(raw.FS_MATRIX))
_IP, _UP = ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_uint)
_DRAW_MODE = _typed("FPDFPath_GetDrawMode", _INT, _VP, _IP, _IP)
_FILL = _typed("FPDFPageObj_GetFillColor", _INT, _VP, _UP, _UP, _UP, _UP)


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
    boxes: list[tuple[float, float, float, float]] = []
    across: list[tuple[float, float, float, float]] = []  # lines across: a gradient's strips, perhaps
    whites: list[tuple[float, float, float, float]] = []  # filled white, no stroke
    for i in range(count):
        obj = _OBJECT(handle, i)
        if not obj or _TYPE(obj) != raw.FPDF_PAGEOBJ_PATH or not _BOUNDS(obj, *refs):
            continue
        bounds = (left.value, bottom.value, right.value, top.value)
        if min(bounds[2] - bounds[0], bounds[3] - bounds[1]) >= RULE and _white(obj):
            whites.append(bounds)  # a white box (a white line drawn over a fill is still a rule)
            continue
        if RULE <= min(bounds[2] - bounds[0], bounds[3] - bounds[1]) < SHAPES_WITHIN:
            shapes = _shapes(obj) or [bounds]
        else:
            shapes = [bounds]
        for x0, y0, x1, y1 in shapes:
            w, h = x1 - x0, y1 - y0
            if w < RULE and h < RULE:
                continue  # a dot
            if h < RULE <= w:
                across.append((x0, y0, x1, y1))
            elif w < RULE or h < RULE:
                out.append(box_to_top_left(x0, y0, x1, y1, crop, rotation))
            elif w * h < 0.5 * area:
                boxes.append((x0, y0, x1, y1))  # a box (a page-sized frame or background is no cell)
    # A gradient drawn in strips thinner than a rule (a risk register's shaded first column,
    # 1.6 points a strip) tiles one box: its strips are no rows.
    lines = set(across)
    for bounds in _tiled(across):
        if bounds in lines:
            out.append(box_to_top_left(*bounds, crop, rotation))
        else:
            boxes.append(bounds)
    boxes.extend(b for b in _unshaded(whites) if (b[2] - b[0]) * (b[3] - b[1]) < 0.5 * area)
    for x0, y0, x1, y1 in _tiled(boxes):
        # A box: its four edges.
        for edge in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
            out.append(box_to_top_left(*edge, crop, rotation))
    return tuple(out)


WHITE = 250  # each of red, green and blue at least this (of 255): a fill no page shows
SPACE = 0.4  # the widest box, against its height, that is a space's shading
SPACES = 0.3  # the least share of a line's boxes that are spaces, in text shaded box by box


def _white(obj: int) -> bool:
    """Whether a path is filled white and not stroked: nothing seen on the page, though an
    Excel cell's white fill still marks the cell's bounds (its rows' edges)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not _DRAW_MODE(obj, ctypes.byref(fill), ctypes.byref(stroke)) or stroke.value or not fill.value:
        return False
    rgba = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
    if not _FILL(obj, *(ctypes.byref(v) for v in rgba)):
        return False
    red, green, blue, _alpha = (v.value for v in rgba)
    return min(red, green, blue) >= WHITE


def _unshaded(whites: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """The white boxes less those that shade text word by word: Word shades pasted text white
    with a box behind every word and every space, abutting along the line; those are no cells
    (a risk register's paragraphs were read a word a cell). A line's boxes are that shading
    when enough of them are as narrow as a space."""
    lines: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
    for box in whites:
        lines.setdefault((round(box[1] * 2), round(box[3] * 2)), []).append(box)
    out: list[tuple[float, float, float, float]] = []
    for line in lines.values():
        line.sort()
        height = line[0][3] - line[0][1]
        spaces = sum(1 for b in line if b[2] - b[0] < SPACE * height)
        abutting = all(abs(b[0] - a[2]) <= TILE for a, b in zip(line, line[1:]))
        if not (len(line) >= 3 and abutting and spaces >= max(2, SPACES * len(line))):
            out.extend(line)
    return _unshaded_lines(out)


LINE_HIGH = 24.0  # points: the tallest white box still a line of text shaded


def _unshaded_lines(whites: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """The white boxes less those that shade a paragraph line by line: a box behind each line,
    from the paragraph's left edge to where that line ends, stacked one under another. Their
    ragged right ends are no column (a report's paragraph was read as a two-column table);
    an Excel column's white cells stacked so all end where the column does."""
    stacks: list[list[tuple[float, float, float, float]]] = []
    for box in sorted(whites, key=lambda b: (round(b[0]), -b[3])):
        last = stacks[-1][-1] if stacks else None
        high = box[3] - box[1]
        if (
            last is not None
            and abs(box[0] - last[0]) <= TILE
            and high <= LINE_HIGH
            and 0 <= last[1] - box[3] <= 0.5 * high
            and abs(high - (last[3] - last[1])) <= 0.2 * high
        ):
            stacks[-1].append(box)
        else:
            stacks.append([box])
    out: list[tuple[float, float, float, float]] = []
    for stack in stacks:
        ends = {round(b[2]) for b in stack}
        if len(stack) >= 2 and stack[0][3] - stack[0][1] <= LINE_HIGH and len(ends) * 2 > len(stack):
            continue  # a paragraph's lines, shaded one by one, each ending where its text does
        out.extend(stack)
    return out


TILE = 0.5  # points: boxes whose sides meet this closely, over the same span, tile one area
STRIP = 6.0  # points: the tallest box still a strip of a gradient (less than a line of text)
STRIPS = 4  # the fewest strips stacked that are a gradient, not a few cells


def _tiled(boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """The boxes with those that tile one area in thin strips made one: a colour gradient is
    drawn as dozens of strips stacked edge to edge (a risk register's shaded cells), whose
    edges are no rows. Boxes as tall as a line of text stay apart: a table's cells."""
    runs: list[list[tuple[float, float, float, float]]] = []
    for box in sorted(boxes, key=lambda b: (round(b[0]), round(b[2]), b[1])):
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and abs(box[0] - last[0]) <= TILE
            and abs(box[2] - last[2]) <= TILE
            and -TILE <= box[1] - last[3] <= TILE
            and max(box[3] - box[1], last[3] - last[1]) < STRIP
        ):
            runs[-1].append(box)  # the next strip down the same span
        else:
            runs.append([box])
    out: list[tuple[float, float, float, float]] = []
    for run in runs:
        if len(run) >= STRIPS:
            out.append((min(b[0] for b in run), run[0][1], max(b[2] for b in run), run[-1][3]))
        else:
            out.extend(run)
    return out


def _shapes(obj: int) -> list[tuple[float, float, float, float]]:
    """The bounds of each shape (sub-path) a path object draws, on the page; [] for one
    shape or a path that cannot be read (its whole bounds stand)."""
    matrix = raw.FS_MATRIX()
    if not _MATRIX(obj, ctypes.byref(matrix)):
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    shapes: list[list[tuple[float, float]]] = []
    for n in range(_SEGMENTS(obj)):
        segment = _SEGMENT(obj, n)
        if not segment or not _POINT(segment, ctypes.byref(x), ctypes.byref(y)):
            return []
        point = (
            matrix.a * x.value + matrix.c * y.value + matrix.e,
            matrix.b * x.value + matrix.d * y.value + matrix.f,
        )
        if _KIND(segment) == raw.FPDF_SEGMENT_MOVETO or not shapes:
            shapes.append([])
        shapes[-1].append(point)
    if len(shapes) < 2:
        return []
    return [(min(p[0] for p in s), min(p[1] for p in s), max(p[0] for p in s), max(p[1] for p in s)) for s in shapes]
