"""A paper's page count, metadata title, printed page labels and outline, read by pdfium.

pdf.inspect() asks this first: pdfium has the file's cross-reference table parsed in a few
milliseconds, where loading pypdf and parsing the file again took 0.2-0.3 s of every pack's
import (ModernGov packs all have an outline). An encrypted file, or one pdfium cannot open,
gives None, and pypdf reads it the careful way (pdf.read_structure), which also says why a
file cannot be read. The rules follow pdf.py's: an outline entry needs a title and a page,
entries deeper than MAX_DEPTH are left out, an empty label is the page's number.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from memberdesk.model import OutlineEntry
from memberdesk.papers import glyphs
from memberdesk.papers.shapes import PaperProblem

MAX_DEPTH = 20  # as pdf._outline
MAX_ENTRIES = 20_000  # an outline looping back on itself ends here


@dataclass(frozen=True)
class Structure:
    page_count: int
    metadata_title: str
    labels: list[str]  # one per page
    has_page_labels: bool  # the labels came from /PageLabels, not the pages' positions
    outline: list[OutlineEntry]


def read(path: Path | str) -> Structure | None:
    """The paper's structure, or None when pypdf must read it (encrypted, unreadable, no pages)."""
    try:
        with glyphs.open_document(path) as doc, glyphs.PDFIUM_LOCK:
            count = len(doc)
            if count == 0 or raw.FPDF_GetSecurityHandlerRevision(doc.raw) != -1:
                return None
            labels = _labels(doc, count)
            return Structure(
                page_count=count,
                metadata_title=glyphs.metadata_title(doc),
                labels=labels or [str(i + 1) for i in range(count)],
                has_page_labels=labels is not None,
                outline=_outline(doc),
            )
    except PaperProblem:
        return None
    except Exception:  # noqa: BLE001 - anything odd: pypdf reads it the careful way
        return None


def _text(buffer: ctypes.Array[ctypes.c_char], size: int) -> str:
    """pdfium's UTF-16LE text (`size` bytes with the terminating zero)."""
    return buffer.raw[: max(size - 2, 0)].decode("utf-16-le", "replace")


def _labels(doc: pdfium.PdfDocument, count: int) -> list[str] | None:
    """Each page's label from /PageLabels (a page no range covers gets its number); None without."""
    if raw.FPDF_GetPageLabel(doc.raw, 0, None, 0) <= 0:
        return None
    buffer = ctypes.create_string_buffer(256)
    out = []
    for index in range(count):
        size = raw.FPDF_GetPageLabel(doc.raw, index, buffer, len(buffer))
        if size > len(buffer):
            buffer = ctypes.create_string_buffer(size)
            size = raw.FPDF_GetPageLabel(doc.raw, index, buffer, len(buffer))
        out.append(_text(buffer, size) or str(index + 1))
    return out


def _outline(doc: pdfium.PdfDocument) -> list[OutlineEntry]:
    """The bookmarks in order (each followed by its children, one level deeper)."""
    entries: list[OutlineEntry] = []
    seen: set[int] = set()
    buffer = ctypes.create_string_buffer(512)
    # (bookmark, level), depth first: a stack of the next sibling to visit at each level.
    stack = [(raw.FPDFBookmark_GetFirstChild(doc.raw, None), 0)]
    while stack:
        mark, level = stack.pop()
        key = ctypes.cast(mark, ctypes.c_void_p).value if mark else None
        if not key or key in seen or len(seen) >= MAX_ENTRIES or level > MAX_DEPTH:
            continue
        seen.add(key)
        stack.append((raw.FPDFBookmark_GetNextSibling(doc.raw, mark), level))
        stack.append((raw.FPDFBookmark_GetFirstChild(doc.raw, mark), level + 1))
        size = raw.FPDFBookmark_GetTitle(mark, buffer, len(buffer))
        if size > len(buffer):
            buffer = ctypes.create_string_buffer(size)
            size = raw.FPDFBookmark_GetTitle(mark, buffer, len(buffer))
        title = " ".join(_text(buffer, size).split())
        page = _page(doc, mark)
        if title and page >= 0:
            entries.append(OutlineEntry(title=title, page_index=page, level=level))
    return entries


def _page(doc: pdfium.PdfDocument, mark: object) -> int:
    """The page a bookmark goes to (its destination, or its GoTo action's): -1 when none."""
    dest = raw.FPDFBookmark_GetDest(doc.raw, mark)
    if not dest:
        action = raw.FPDFBookmark_GetAction(mark)
        if action and raw.FPDFAction_GetType(action) == raw.PDFACTION_GOTO:
            dest = raw.FPDFAction_GetDest(doc.raw, action)
    if not dest:
        return -1
    return int(raw.FPDFDest_GetDestPageIndex(doc.raw, dest))
