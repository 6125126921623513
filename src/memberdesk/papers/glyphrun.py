"""A text page's glyphs -> words with boxes, font size and weight (glyphs.py opens the page).

Spaces are decided here from geometry, not from the file: many generators (Crystal Reports,
print drivers, ModernGov's own stamping) place each run of text by coordinates and never write
a space character, and some write spaces inside what the eye sees as one word. A gap wider than
a fraction of the font size splits words; a real space character always does.

This is the one loop that runs once per glyph (a dense page has 9,000, a pack millions), so it
calls pdfium through plain function pointers and keeps its state in local variables; the
caller holds glyphs.PDFIUM_LOCK.
"""

from __future__ import annotations

import ctypes
import math
import re
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from memberdesk.papers.fonts import NO_INK, FontCache, fast, light
from memberdesk.papers.markers import is_number
from memberdesk.papers.shapes import Box, Word, new_word

# A gap between two glyphs wider than this many ems is a word break even without a space.
# Letter gaps measured on advance boxes are ~0; a Helvetica space is 0.28 em, Times 0.25 em,
# Calibri's 0.23 (pdftotext breaks at 0.1). At 0.2 a tightly set "for their" stayed one word.
WORD_GAP = 0.15

# A paragraph's number ("3.1", "(b)", "12.") drawn as a run of its own, its text a new run a
# thin gap after it (Word's numbered paragraphs: pdfium sees no space): the gap parts them.
# Within one run, and between runs of other words (a word's bold part), only WORD_GAP does.
LABEL_GAP = 0.05

# Ligatures that fonts map to one code point; pdfium usually splits them already.
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
# Private-use code points that symbol fonts (Symbol, Wingdings) use for list bullets.
_PUA_BULLETS = {0xF0B7, 0xF0A7, 0xF076, 0xF0D8, 0xF0FC, 0xF06E, 0xF0A8, 0xF071, 0xF0FB}
SOFT_HYPHEN = "\u00ad"
# A footnote's mark: figures raised and set smaller after a word or a figure ("by 2029-30¹",
# "6.3%¹") read "2029-30[1]", never run into the figure as "2029-301". SUPER marks each such
# glyph while its word is read (a private-use point no glyph's text is: those are dropped).
SUPER = "\ue000"
SMALLER = 0.8  # at most this height of the glyph before it
RAISED = 0.15  # its foot at least this much of that height above the other's
_MARKED = re.compile(f"(?:{SUPER}\\d)+")
_UNITS = ("m", "km", "cm", "mm", "ft", "sq ft", "sqm")  # m² and km³: units squared and cubed, not footnotes


def _char_text(code: int) -> str | None:
    """The text a glyph stands for: None for nothing, " " for a word break."""
    if code == 0x02:
        # PDFium's mark for a hyphen that ends a line, typed or put in to fit ("AA-" at a
        # cell's end, "one-" over "off"): printed, so read as one; the joiner decides the rest.
        return "-"
    if code == 0xAD:
        return SOFT_HYPHEN
    if code < 0x20 or code in (0x7F, 0xFFFE, 0xFFFF, 0xFFFD):
        return " " if code in (0x09, 0x0A, 0x0D) else None
    char = chr(code)
    if char in _LIGATURES:
        return _LIGATURES[char]
    if code in _PUA_BULLETS:
        return "\u2022"
    if 0xE000 <= code <= 0xF8FF:
        return None  # other private-use glyphs have no meaning to read out
    if char.isspace() or unicodedata.category(char) == "Zs":
        return " "  # NBSP, thin and figure spaces all separate words when read
    if unicodedata.category(char) == "Cf" and code != 0xAD:
        return None  # zero-width joiners, marks
    return char


CLIP_SEGMENTS = 64  # past this many points a clip is not measured (its glyphs are all kept)


def _hidden(obj: int) -> bool:
    """Whether a text object lies wholly outside its clip path, so nothing of it is seen (a
    label a spreadsheet keeps hidden under its cells). The object's bounds and its clip are in
    one space (a form XObject's own, for text inside one); a clip too intricate to measure, or
    an object partly inside, hides nothing."""
    handle = ctypes.cast(obj, raw.FPDF_PAGEOBJECT)
    path = raw.FPDFPageObj_GetClipPath(handle)
    bounds = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
    if not path or not raw.FPDFPageObj_GetBounds(handle, *(ctypes.byref(v) for v in bounds)):
        return False
    left, bottom, right, top = (v.value for v in bounds)
    xs: list[float] = []
    ys: list[float] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for p in range(raw.FPDFClipPath_CountPaths(path)):
        count = raw.FPDFClipPath_CountPathSegments(path, p)
        if count < 0 or len(xs) + count > CLIP_SEGMENTS:
            return False
        for k in range(count):
            segment = raw.FPDFClipPath_GetPathSegment(path, p, k)
            if not segment or not raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
                return False
            xs.append(x.value)
            ys.append(y.value)
    if not xs:
        return False
    return right < min(xs) or left > max(xs) or top < min(ys) or bottom > max(ys)


def _unit(chars: list[str]) -> bool:
    """Whether the word so far is a unit of length, or ends in one after a figure ("500m" or
    "m" before "²"); money is no length ("£10m¹" is a note)."""
    word = "".join(chars)
    if word[:1] in "£$€":
        return False
    return any(word == u or (word.endswith(u) and word[: -len(u)][-1:].isdigit()) for u in _UNITS)


# int FPDFText_GetUnicode(page, index) and so on: every argument is a pointer or an int.
_UNICODE = fast("FPDFText_GetUnicode", ctypes.c_uint)
_GENERATED = fast("FPDFText_IsGenerated", ctypes.c_int)
_LOOSE_BOX = fast("FPDFText_GetLooseCharBox", ctypes.c_int)
_TEXT_OBJECT = fast("FPDFText_GetTextObject", ctypes.c_void_p)


def _transform(crop: tuple[float, float, float, float], rotation: int) -> tuple[float, ...]:
    """(ax, bx, cx, ay, by, cy): seen x = ax*x + bx*y + cx, seen y = ay*x + by*y + cy."""
    left, bottom, right, top = crop
    return {
        90: (0, 1, -bottom, 1, 0, -left),
        180: (-1, 0, right, 0, 1, -bottom),
        270: (0, -1, top, -1, 0, right),
    }.get(rotation % 360, (1, 0, -left, 0, -1, top))


_AROUND = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


def words(
    textpage: pdfium.PdfTextPage, limit: int, crop: tuple[float, float, float, float], rotation: int
) -> list[Word]:
    """Glyphs -> words, in stream order. One loop with everything kept in local variables: it
    runs once per glyph (a dense page has 9,000), so a function call, a tuple or a global
    lookup less matters (measured: about 1 us of a glyph's ~3 us is pdfium, the rest is this).

    Per glyph pdfium is asked its character, its box (words are cut by the gaps between boxes)
    and its text object (font size and weight are asked once per object). FPDFText_GetText
    would give the page's characters in one call, but its text does not line up one to one
    with the characters (soft hyphens, some spaces and line ends differ), so it is not used.
    """
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    fonts = FontCache(textpage, handle, rotation)
    rect = (ctypes.c_float * 4)()  # an FS_RECTF: left, top, right, bottom
    where = ctypes.byref(rect)
    corners = memoryview(rect).cast("B").cast("f").tolist
    unicode_of, box_of, object_of, generated = _UNICODE, _LOOSE_BOX, _TEXT_OBJECT, _GENERATED
    ax, bx, cx, ay, by, cy = _transform(crop, rotation)
    upright = rotation % 360 == 0
    gap = WORD_GAP
    texts: dict[int, str | None] = {}
    marks: set[int] = set()  # combining accents, drawn as their own glyph
    runs: list[_Run] = []  # the words read, made into Words at the end
    # The word being read: its characters, box, summed sizes, bold glyphs, glyphs, sideways,
    # light glyphs (and its ink, wink).
    chars: list[str] = []
    wx0 = wy0 = wx1 = wy1 = sizes = 0.0
    bolds = count = lights = 0
    wink = NO_INK  # the word's first glyph's ink
    wside = 0
    lx0 = ly0 = lx1 = ly1 = 0.0  # the last glyph of that word
    # Fake bold and shadows draw the same glyph again a hair away: every glyph kept is filed in
    # `seen` by text and place, and one that does not simply follow the last (the start of a
    # line or run) is looked up there first. `blocked`: no glyph kept yet, or a copy being
    # skipped (then the next glyph is looked up too); px0..py1 the last kept glyph's box.
    seen: dict[tuple[str, int, int], float] = {}
    px0 = py0 = px1 = py1 = math.nan
    blocked = True
    last_object, size0, bold, sideways, ink, pale = -1, 0.0, False, 0, NO_INK, False
    # What depends only on the size, worked out once per text object while its size is known
    # (the same products as per glyph, so the same floats): the nearness of a copy, the reach
    # of a glyph that follows the last, the gap that cuts a word, the step back that does.
    size = near = reach0 = reach1 = cut_gap = back = 1.0
    raised = False  # the last glyph read was a footnote's raised mark
    hidden = False  # the text object is drawn wholly outside its clip
    for i in range(limit):
        code = unicode_of(handle, i)
        text = texts.get(code, "")  # "" is never a glyph's text: not asked yet
        if not text:
            if text is None:
                continue
            text = texts[code] = _char_text(code)
            if text is None:
                continue
            if unicodedata.combining(text[0]):
                marks.add(code)
        if text == " ":
            if generated(handle, i):
                continue  # pdfium's guessed spaces and line ends: geometry decides here
            if chars:
                runs.append((chars, wx0, wy0, wx1, wy1, sizes, bolds, count, wside, lights, wink))
                chars = []
            continue
        if not box_of(handle, i, where):
            continue
        left, top, right, bottom = corners()
        if upright:
            x0, x1, y0, y1 = left + cx, right + cx, cy - top, cy - bottom
        else:
            x0, y0 = ax * left + bx * bottom + cx, ay * left + by * bottom + cy
            x1, y1 = ax * right + bx * top + cx, ay * right + by * top + cy
        if x0 > x1:
            x0, x1 = x1, x0
        if y0 > y1:
            y0, y1 = y1, y0
        obj = object_of(handle, i) or 0
        gap_cut = cut_gap
        if obj != last_object or not obj:
            # (A number ends in a digit, "." or ")": a word's letters placed one by one, each
            # its own run, are not looked at twice.)
            if chars and obj and (chars[-1] in ".)" or chars[-1].isdigit()) and is_number("".join(chars)):
                gap_cut = LABEL_GAP * size  # "3.1" and its text as two runs, a thin gap apart
            size0, bold, sideways, ink = fonts.get(i, obj)
            pale = light(ink)
            hidden = bool(obj) and _hidden(obj)
            last_object = obj
            if size0:
                size = size0
                near = 0.12 * size if size > 0.05 / 0.12 else 0.05  # "ll" (0.22 em apart) is never merged
                reach0, reach1, cut_gap, back = 0.1 * size, size, gap * size, 0.3 * size
        if hidden:
            continue  # never seen on the page ("Significant Risks" kept hidden)
        if not size0:  # no size from the font: the glyph's own height
            size = (y1 - y0) or 1.0
            near = 0.12 * size if size > 0.05 / 0.12 else 0.05
            reach0, reach1, cut_gap, back = 0.1 * size, size, gap * size, 0.3 * size
        # A ligature that pdfium splits ("ff") gives two glyphs with one box: both kept.
        if x0 != px0 or y0 != py0 or x1 != px1 or y1 != py1:
            row, col = round(y0), int(x0 // near)
            if blocked or not (px1 - reach0 <= x0 <= px1 + reach1):
                drawn = False
                for dy, dx in _AROUND:
                    x = seen.get((text, row + dy, col + dx))
                    if x is not None and abs(x - x0) < near:
                        drawn = True
                        break
                if drawn:
                    blocked = True  # the rest of a run drawn twice follows this one
                    continue
            seen[(text, row, col)] = x0
            px0, py0, px1, py1 = x0, y0, x1, y1
        blocked = False
        if chars:
            if code in marks:
                chars.append(text)  # an accent joins its letter
                continue
            if sideways == wside == 0 and y0 == ly0 and y1 == ly1 and y1 > y0:
                cut = x0 - lx1 > gap_cut or x0 < lx0 - back  # on the last glyph's line: as below
                if raised and not cut and text.isdigit():
                    text = SUPER + text  # the footnote's mark goes on ("¹²")
            elif sideways != wside:
                cut = True
            elif sideways == 2:
                # A quarter turn: lines run up or down the page; another line, or a gap along it.
                small = min(x1 - x0, lx1 - lx0) or 1.0
                overlap = (x1 if x1 < lx1 else lx1) - (x0 if x0 > lx0 else lx0)
                cut = overlap < 0.5 * small or y0 - ly1 > cut_gap or ly0 - y1 > cut_gap
            elif sideways:
                # Sideways text is kept in stream order; only a jump of more than a line breaks it.
                cut = abs((x0 + x1 - lx0 - lx1) / 2) > 2 * size and abs((y0 + y1 - ly0 - ly1) / 2) > 2 * size
            else:
                h, lh = y1 - y0, ly1 - ly0
                small = (h if h < lh else lh) or 1.0
                overlap = (y1 if y1 < ly1 else ly1) - (y0 if y0 > ly0 else ly0)
                if overlap < 0.5 * small and not (h < lh * 0.8 and overlap > 0):
                    cut = True  # another line (a raised footnote mark still overlaps its line)
                else:
                    # A gap, or a jump back to before the last glyph began (a new run drawn
                    # over this one); a split ligature's parts start at one place: kept.
                    cut = x0 - lx1 > gap_cut or x0 < lx0 - back
                    raise_it = not cut and text.isdigit() and h < lh * SMALLER and y1 < ly1 - RAISED * lh
                    # The mark's next figure, a hair off the last one's line ("104" drawn "10", "4").
                    going_on = (
                        raised and not cut and text.isdigit() and abs(y1 - ly1) < 0.1 * lh and abs(h - lh) < 0.1 * lh
                    )
                    if (raise_it and not _unit(chars)) or going_on:
                        text = SUPER + text
            if not cut:
                raised = text[0] == SUPER
                chars.append(text)
                if x0 < wx0:
                    wx0 = x0
                if y0 < wy0:
                    wy0 = y0
                if x1 > wx1:
                    wx1 = x1
                if y1 > wy1:
                    wy1 = y1
                sizes += size
                bolds += bold
                lights += pale
                count += 1
                lx0, ly0, lx1, ly1 = x0, y0, x1, y1
                continue
            runs.append((chars, wx0, wy0, wx1, wy1, sizes, bolds, count, wside, lights, wink))
        chars = [text]
        raised = False
        wx0, wy0, wx1, wy1, sizes, bolds, count, wside = x0, y0, x1, y1, size, int(bold), 1, sideways
        lights, wink = int(pale), ink
        lx0, ly0, lx1, ly1 = x0, y0, x1, y1
    if chars:
        runs.append((chars, wx0, wy0, wx1, wy1, sizes, bolds, count, wside, lights, wink))
    return _words(runs)


# A word as read: its glyphs' texts, box (x0, y0, x1, y1), summed sizes, bold glyphs, glyphs,
# sideways, light glyphs, ink.
_Run = tuple[list[str], float, float, float, float, float, int, int, int, int, int]


def _words(runs: list[_Run]) -> list[Word]:
    out: list[Word] = []
    add, join, normal = out.append, "".join, unicodedata.normalize
    for chars, x0, y0, x1, y1, sizes, bolds, count, sideways, lights, ink in runs:
        text = join(chars)
        if not text.isascii():  # ASCII is NFC already, and has no soft hyphen
            text = normal("NFC", text)
            if SUPER in text:
                text = _MARKED.sub(lambda m: "[" + m.group(0).replace(SUPER, "") + "]", text)
            if not text.strip(SOFT_HYPHEN):
                continue
        box = Box(x0, y0, x1, y1)
        size = round(sizes / count, 2)
        add(new_word(text, box, size, bolds * 2 > count, len(out), sideways > 0, lights * 2 > count, max(ink, 0)))
    return out
