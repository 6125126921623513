"""Filled-in form fields (AcroForm) -> words placed where each field sits on its page. pypdf.

A notice or a pro-forma report filled in on screen keeps its values in form fields, drawn
from the fields' appearance streams, not the page's content: page text alone reads "Date of
meeting:" and stops. The values are returned as words at their widget's rectangle, so layout
reads each one where it sits, after its label.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from memberdesk.papers.shapes import Box, Word, box_to_top_left

CHECKED = "[x]"
UNCHECKED = "[ ]"
_HIDDEN = 1 << 1  # annotation flag: not shown
_NO_VIEW = 1 << 5
_MULTILINE = 1 << 12
_RADIO = 1 << 15
_PUSHBUTTON = 1 << 16
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s+Tf")


def _inherited(field: Any, key: str, depth: int = 0) -> Any:
    """A field attribute, looked up the /Parent chain as the PDF spec inherits it."""
    while field is not None and depth < 20:
        if key in field:
            return field[key]
        parent = field.get("/Parent")
        field = parent.get_object() if parent is not None else None
        depth += 1
    return None


def _value_text(widget: Any) -> str:
    kind = str(_inherited(widget, "/FT") or "")
    flags = int(_inherited(widget, "/Ff") or 0)
    if kind == "/Btn":
        if flags & _PUSHBUTTON:
            return ""
        state = str(widget.get("/AS") or "/Off")
        if flags & _RADIO or state != "/Off" or "/AP" in widget:
            return CHECKED if state not in ("/Off", "") else UNCHECKED
        return ""
    if kind == "/Sig":
        return ""
    value = _inherited(widget, "/V")
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return text[1:] if text.startswith("/") else text


def _font_size(widget: Any, default_da: str, height: float) -> float:
    da = str(_inherited(widget, "/DA") or default_da or "")
    match = _SIZE.search(da)
    size = float(match.group(1)) if match else 0.0
    if size <= 0:  # "auto" size: what fits the box
        size = max(min(height * 0.7, 12.0), 4.0)
    return size


def placed_words(text: str, rect: Box, size: float, multiline: bool, order: int) -> list[Word]:
    """The value's words laid out in the rectangle as a viewer would draw them (near enough:
    only their order and rough place matter to layout)."""
    out: list[Word] = []
    lines = [line for line in re.split(r"\r\n|\r|\n", text)] if multiline or "\n" in text or "\r" in text else [text]
    pitch = size * 1.15
    top = rect.y0 + 2 if len(lines) > 1 or multiline else rect.y0 + max((rect.height - pitch) / 2, 0)
    for number, line in enumerate(lines):
        words = line.split()
        if not words:
            continue
        widths = [len(w) * 0.5 * size for w in words]
        space = 0.28 * size
        total = sum(widths) + space * (len(words) - 1)
        room = max(rect.width - 4, 1.0)
        scale = min(1.0, room / total) if total else 1.0
        x = rect.x0 + 2
        y0 = top + number * pitch
        for word, width in zip(words, widths):
            box = Box(x, y0, x + width * scale, y0 + pitch)
            out.append(Word(word, box, size, order=order + len(out), from_form=True))
            x += (width + space) * scale
    return out


def form_words(path: Path | str, pages: Iterable[int]) -> dict[int, list[Word]]:
    """Each page's filled-in field values as words; {} when the PDF has no form or pypdf
    cannot read it (the page text is still read without them)."""
    from pypdf import PdfReader  # imported here: most papers have no form and never need it

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        root = reader.root_object
        acro = root.get("/AcroForm")
        if acro is None:
            return {}
        default_da = str(acro.get_object().get("/DA") or "")
        count = len(reader.pages)
    except Exception:  # noqa: BLE001 - no form values is a lesser loss than no paper
        return {}
    out: dict[int, list[Word]] = {}
    for index in pages:
        if not 0 <= index < count:
            continue
        try:
            words = _page_fields(reader.pages[index], default_da)
        except Exception:  # noqa: BLE001 - one broken field must not lose the rest
            continue
        if words:
            out[index] = words
    return out


def _page_fields(page: Any, default_da: str) -> list[Word]:
    annots = page.get("/Annots")
    if annots is None:
        return []
    box = page.cropbox
    crop = (float(box.left), float(box.bottom), float(box.right), float(box.top))
    rotation = int(page.get("/Rotate", 0) or 0)
    words: list[Word] = []
    for ref in annots.get_object():
        widget = ref.get_object()
        if widget.get("/Subtype") != "/Widget":
            continue
        if int(widget.get("/F", 0) or 0) & (_HIDDEN | _NO_VIEW):
            continue
        text = _value_text(widget).strip()
        if not text or "/Rect" not in widget:
            continue
        x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
        rect = box_to_top_left(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), crop, rotation)
        size = _font_size(widget, default_da, rect.height)
        multiline = bool(int(_inherited(widget, "/Ff") or 0) & _MULTILINE)
        words.extend(placed_words(text, rect, size, multiline, order=1_000_000 + len(words)))
    return words
