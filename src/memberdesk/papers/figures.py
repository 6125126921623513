"""Tagged PDFs (Word and InDesign exports carry a structure tree): the alt text of a page's
figures, read where each picture sits, so a picture is said as one ("Picture: map of the new
ward boundaries") and a page that is only a picture is not silent.

PDFium reads the page's part of the structure tree (FPDF_StructTree_GetForPage): each /Figure
element with /Alt names the marked-content ids of its drawing, and the page's drawn objects
(pictures, forms, paths) carrying those ids give its box. A figure none of whose drawing is on
this page is left out (an element of another page); one without alt text is said as "a picture
with no description" when it is as big as a chart or a photo (a listener knows the text's "the
chart shows" speaks of something there), and left out when smaller (an icon) or in the page's
letterhead or footer (a council's logo). An untagged paper costs one call, and a page of a tagged one whose drawings
carry no ids (text and ruled tables) one pass over its objects: the tree is walked only when a
drawing could be a figure. glyphs.page_words calls read() while it has the page open, holding
glyphs.PDFIUM_LOCK. The blocks given to place() are in reading order; a figure goes before the
first block under its top that overlaps it across, else before the page's footer band.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from memberdesk.papers.forms import placed_words
from memberdesk.papers.shapes import PARAGRAPH, Block, Box, Figure, Word, box_to_top_left, union_all

PREFIX = "Picture: "
FIGURE = "Figure"  # the standard structure type; Word and InDesign write it as is
MAX_ELEMENTS = 5_000  # a page's structure elements looked at, at most
MAX_DEPTH = 64
BOTTOM_BAND = 0.88  # as regions.BOTTOM_BAND: where a page's footers begin
_TEXT, _FORM = 1, 5  # FPDF_PAGEOBJ_TEXT, FPDF_PAGEOBJ_FORM


# Office writes this after alt text it made up itself: a guess, said as one ("A diagram of a
# chart", a chart's figures left out, heard as a real description).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # Word ends some alt text with a NUL: no character to say or show
_GENERATED = re.compile(r"\s*description automatically generated( with (low|medium|high) confidence)?\.?$", re.I)


GUESSED = "the software's guess"

# Alt text that is the picture's file: Word keeps the path a picture was inserted from.
_FILE = re.compile(r"^(?:[a-z]:[\\/]|[\\/]|file:|(?=\S+$)).*\.(?:jpe?g|png|gif|bmp|tiff?|emf|wmf|svg)$", re.I)
# A file's name a camera or Office gave it, saying nothing: "image001", "IMG_2034", "Picture 3".
_NUMBERED_NAME = re.compile(r"^(?:image|img|picture|pic|photo|dsc|dscn|scan|graphic)[\s_-]*\d*$", re.I)


def described(alt: str) -> str:
    """What a picture's alt text tells a listener: Office's made-up captions said as guesses,
    file paths ("C:\\...\\KCC_Logo_New_2012_Framed copy.jpg") cut to what they say, "" for nothing."""
    alt = " ".join(_CONTROL.sub(" ", alt).split())
    guessed = _GENERATED.search(alt)
    alt = _GENERATED.sub("", alt)
    if guessed and alt:
        return f"{alt} ({GUESSED})"
    if _FILE.match(alt):
        name = re.split(r"[\\/]", alt)[-1].rsplit(".", 1)[0]
        name = " ".join(name.replace("_", " ").replace("%20", " ").split())
        return "" if _NUMBERED_NAME.match(name) else name
    return alt


def read(page: pdfium.PdfPage) -> list[Figure]:
    """The figures on `page` (with alt text, or without it and as big as a picture worth saying
    is there), in structure order; [] for an untagged paper."""
    if not raw.FPDFCatalog_IsTagged(page.pdf.raw):
        return []
    boxes = _boxes_by_mark(page)
    if not boxes:
        return []  # no drawing carries an id: nothing here can be a figure
    return _figures(page, boxes)


def _text(getter: object, element: object, buffer: ctypes.Array[ctypes.c_char]) -> str:
    size = getter(element, buffer, len(buffer))  # type: ignore[operator]
    if size > len(buffer):  # longer than the buffer: ask again with room for it
        buffer = ctypes.create_string_buffer(size)
        size = getter(element, buffer, len(buffer))  # type: ignore[operator]
    return " ".join(buffer.raw[: max(size - 2, 0)].decode("utf-16-le", "replace").split())


def _figures(page: pdfium.PdfPage, boxes: dict[int, Box]) -> list[Figure]:
    tree = raw.FPDF_StructTree_GetForPage(page.raw)
    if not tree:
        return []
    wanted: list[tuple[str, set[int]]] = []
    try:
        buffer = ctypes.create_string_buffer(512)
        stack = [
            (raw.FPDF_StructTree_GetChildAtIndex(tree, i), 0) for i in range(raw.FPDF_StructTree_CountChildren(tree))
        ]
        seen = 0
        while stack and seen < MAX_ELEMENTS:
            element, depth = stack.pop()
            seen += 1
            if not element:
                continue
            if _text(raw.FPDF_StructElement_GetType, element, buffer) == FIGURE:
                alt = described(_text(raw.FPDF_StructElement_GetAltText, element, buffer))
                wanted.append((alt, _marks(element)))
                continue  # what a figure holds is the figure
            if depth < MAX_DEPTH:
                count = raw.FPDF_StructElement_CountChildren(element)
                stack.extend(
                    (raw.FPDF_StructElement_GetChildAtIndex(element, i), depth + 1) for i in reversed(range(count))
                )
    finally:
        raw.FPDF_StructTree_Close(tree)
    out = []
    for alt, marks in wanted:
        drawn = [boxes[m] for m in marks if m in boxes]
        if drawn and (alt or _sizeable(union_all(drawn))):
            out.append(Figure(alt, union_all(drawn)))
    return out


# A picture with no alt text is said as one when it is this big (points): a chart or a photo
# the text may speak of, not a logo or a bullet's icon.
UNDESCRIBED_WIDTH, UNDESCRIBED_HEIGHT = 100.0, 60.0
UNDESCRIBED = "Picture with no description"


def _sizeable(box: Box) -> bool:
    return box.x1 - box.x0 >= UNDESCRIBED_WIDTH and box.y1 - box.y0 >= UNDESCRIBED_HEIGHT


def _marks(element: object) -> set[int]:
    """The marked-content ids of a figure element and of what it holds."""
    marks: set[int] = set()
    stack = [(element, 0)]
    while stack and len(marks) < MAX_ELEMENTS:
        node, depth = stack.pop()
        for i in range(raw.FPDF_StructElement_GetMarkedContentIdCount(node)):
            mark = raw.FPDF_StructElement_GetMarkedContentIdAtIndex(node, i)
            if mark >= 0:
                marks.add(mark)
        if depth < 8:
            for i in range(raw.FPDF_StructElement_CountChildren(node)):
                child = raw.FPDF_StructElement_GetChildAtIndex(node, i)
                if child:
                    stack.append((child, depth + 1))
    return marks


def _boxes_by_mark(page: pdfium.PdfPage) -> dict[int, Box]:
    """Marked-content id -> the box of the page's drawn objects (not text) under it; an object
    inside a form XObject counts with the form's box, the one on the page."""
    crop = page.get_bbox()
    rotation = page.get_rotation()
    found: dict[int, list[Box]] = {}
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) == _TEXT:
            continue
        marks = _object_marks(obj, 0)
        if not marks or not raw.FPDFPageObj_GetBounds(
            obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
        ):
            continue
        box = box_to_top_left(left.value, bottom.value, right.value, top.value, crop, rotation)
        for mark in marks:
            found.setdefault(mark, []).append(box)
    return {mark: union_all(boxes) for mark, boxes in found.items()}


def _object_marks(obj: object, depth: int) -> set[int]:
    mark = raw.FPDFPageObj_GetMarkedContentID(obj)
    marks = {mark} if mark >= 0 else set()
    if depth < 3 and raw.FPDFPageObj_GetType(obj) == _FORM:
        for i in range(raw.FPDFFormObj_CountObjects(obj)):
            marks |= _object_marks(raw.FPDFFormObj_GetObject(obj, i), depth + 1)
    return marks


CHART = 0.5  # how much of a "table" (or of itself) a chart's picture overlaps
CHART_PART = 0.25  # the least of the table's area a chart overlapping it by most of itself is


def charts(figures: Sequence[Figure], blocks: Sequence[Block]) -> list[Figure]:
    """The pictures with alt text that cover most of a table found on the page: a chart (Word's
    bar or pie chart, its bars and labels taken for cells), to be read as a picture with its
    labels as text, never as a table of bare percentages with the alt text spread over it."""
    tables = [b.box for b in blocks if b.grid is not None]
    return [f for f in figures if f.alt and any(_charted(f.box, t) for t in tables)]


def _charted(picture: Box, table: Box) -> bool:
    """Whether a picture is the chart a "table" was found in: it overlaps most of the table,
    or most of itself lies on a table it is a good part of (a pie chart framed with the table
    of its figures under it); a symbol in a cell is no part of that size."""
    overlap, area = _overlap(picture, table), _area(table)
    return overlap > 0 and (overlap >= CHART * area or (overlap >= CHART * _area(picture) >= CHART_PART * area))


def _area(box: Box) -> float:
    return max(box.x1 - box.x0, 0.0) * max(box.y1 - box.y0, 0.0)


def _overlap(a: Box, b: Box) -> float:
    return max(min(a.x1, b.x1) - max(a.x0, b.x0), 0.0) * max(min(a.y1, b.y1) - max(a.y0, b.y0), 0.0)


def in_tables(figures: Sequence[Figure], blocks: Sequence[Block]) -> list[Figure]:
    """The pictures with alt text that stand inside a table: a cell's symbol (a RAG arrow, the
    icon heading a direction-of-travel column), whose words belong in that cell."""
    tables = [b.box for b in blocks if b.grid is not None]
    return [f for f in figures if f.alt and any(_symbol(f.box, t) for t in tables)]


SYMBOL = 36.0  # points: the tallest picture that is a cell's symbol (three lines of text)
SYMBOL_SHARE = 0.1  # the most of its table's area a symbol covers


def _symbol(box: Box, table: Box) -> bool:
    """Whether a picture is a symbol in one of the table's cells, not a chart set in a table
    (a scorecard's KPI card, read as "Picture: ..." where it stands)."""
    if not table.contains(box.cx, box.cy) or box.y1 - box.y0 > SYMBOL:
        return False
    return (box.x1 - box.x0) * (box.y1 - box.y0) <= SYMBOL_SHARE * (table.x1 - table.x0) * (table.y1 - table.y0)


def cell_words(figures: Sequence[Figure], size: float) -> list[Word]:
    """The alt text of pictures in tables as words where the pictures stand, for the tables
    to read in their cells as they read a form field's value."""
    out: list[Word] = []
    for figure in figures:
        out.extend(placed_words(figure.alt, figure.box, size, False, order=2_000_000 + len(out)))
    return out


def place(
    blocks: Sequence[Block], figures: Sequence[Figure], width: float, height: float, first: bool = False
) -> list[Block]:
    """`blocks` (in reading order) with a block for each figure where it is read; `first`: the
    paper's first page, whose undescribed picture over all its text is a letterhead's logo."""
    out = list(blocks)
    for figure in figures:
        box = figure.box
        logo = first and all(b.box.y0 >= box.y0 for b in blocks)
        holds = any(box.contains(b.box.cx, b.box.cy) for b in blocks if not b.figure)
        if not figure.alt and (logo or holds or box.y0 > BOTTOM_BAND * height):
            continue  # a letterhead's logo, a footer's badge, a text box tagged as one: nothing to tell
        block = Block(
            text=PREFIX + figure.alt if figure.alt else UNDESCRIBED,
            kind=PARAGRAPH,
            box=box,
            where=box.scaled(width, height),
            size=0.0,
            bold=False,
            figure=True,
        )
        at = next((k for k, b in enumerate(out) if b.box.y0 >= box.y0 and _across(b.box, box)), None)
        if at is None:
            at = len(out)
            while at > 0 and out[at - 1].where.y0 > BOTTOM_BAND and not out[at - 1].figure:
                at -= 1
        out.insert(at, block)
    return out


def _across(a: Box, b: Box) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0)
