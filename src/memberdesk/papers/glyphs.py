"""PDF pages -> words with boxes, font size and weight (cut from the glyphs by glyphrun.py);
a document's own facts pdfium knows (page count, form, title; labels and outline are read in
structure.py). The pypdfium2 users (glyphrun, structure, figures, rules, pictures) hold its lock.

pdfium is not thread-safe, so every call into it holds one lock; the lock is renewed in a
forked child so a worker process never inherits it held. No document is kept open between
calls, so nothing of a parent's pdfium state is ever used in a child.
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from memberdesk.papers import figures, glyphrun
from memberdesk.papers.shapes import Box, PageWords, PaperProblem, Word, box_to_top_left

# A crowded page (a scanned map's OCR layer, a chart drawn as 100,000 tiny glyphs) is read only
# this far: a dense A4 page of 8 pt text has about 9,000 characters, so this is four such pages.
MAX_CHARS = 40_000
MAX_LINKS = 2_000  # a page's annotations looked at for links, at most

NEEDS_PASSWORD = "needs a password: ask the council for an unprotected copy"
DAMAGED = "damaged or incomplete: download it again"
NOT_PDF = "not a PDF"
EMPTY = "empty file (0 bytes): download it again"

PDFIUM_LOCK = threading.RLock()


def _renew_lock() -> None:
    global PDFIUM_LOCK
    PDFIUM_LOCK = threading.RLock()


os.register_at_fork(after_in_child=_renew_lock)


@contextmanager
def open_document(path: Path | str, password: str | None = None) -> Iterator[pdfium.PdfDocument]:
    """Open a PDF for page_words(); raises PaperProblem with a reason a person can act on."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PaperProblem(f"cannot be read ({exc.strerror or exc})") from exc
    if size == 0:
        raise PaperProblem(EMPTY)
    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(str(path), password=password)
        except pdfium.PdfiumError as exc:
            text = str(exc).lower()
            if "password" in text:
                raise PaperProblem(NEEDS_PASSWORD) from exc
            if "format" in text:
                raise PaperProblem(NOT_PDF) from exc
            raise PaperProblem(DAMAGED) from exc
    try:
        yield doc
    finally:
        with PDFIUM_LOCK:
            doc.close()


def page_count(doc: pdfium.PdfDocument) -> int:
    with PDFIUM_LOCK:
        return len(doc)


def has_form(doc: pdfium.PdfDocument) -> bool:
    """Whether the PDF has an interactive form (whose filled-in values are not page text)."""
    with PDFIUM_LOCK:
        try:
            return doc.get_formtype() != raw.FORMTYPE_NONE
        except Exception:  # noqa: BLE001
            return False


def metadata_title(doc: pdfium.PdfDocument) -> str:
    with PDFIUM_LOCK:
        try:
            return " ".join(str(doc.get_metadata_value("Title") or "").split())
        except Exception:  # noqa: BLE001 - a broken Info dictionary is not worth failing for
            return ""


def _on_page(words: list[Word], width: float, height: float) -> tuple[list[Word], float, float]:
    """Words drawn off the page are invisible to a sighted reader too, and dropped. But when
    most of the text lies outside, the page box is what is wrong (pdfium misreads some
    encrypted files' boxes): then the page is taken to be as large as its text."""
    right, bottom = width + 1, height + 1
    inside = [w for w in words if (b := w.box).x1 > -1 and b.y1 > -1 and b.x0 < right and b.y0 < bottom]
    if len(inside) * 2 >= len(words):
        return inside, width, height
    return words, max(width, max(w.box.x1 for w in words)), max(height, max(w.box.y1 for w in words))


@contextmanager
def open_page(doc: pdfium.PdfDocument, index: int) -> Iterator[pdfium.PdfPage]:
    """Page `index` with the lock held, loaded once for all that is read from it (its words
    here, its rules in rules.py): loading parses the page's content, ~0.5 ms a page."""
    with PDFIUM_LOCK:
        page = doc[index]
        try:
            yield page
        finally:
            page.close()


def page_words(doc: pdfium.PdfDocument, index: int, max_chars: int = MAX_CHARS) -> PageWords:
    """The words on page `index` in content-stream order, boxes on the page as seen."""
    with open_page(doc, index) as page:
        return read_words(page, index, max_chars)


def read_words(page: pdfium.PdfPage, index: int, max_chars: int = MAX_CHARS) -> PageWords:
    """page_words() for a page opened with open_page()."""
    rotation = page.get_rotation()
    # The media box cut by the crop box, both inherited from the page tree as the spec says
    # (FPDFPage_GetCropBox sees only the page's own entry, and guesses US Letter without it).
    crop = page.get_bbox()
    width, height = crop[2] - crop[0], crop[3] - crop[1]
    if rotation in (90, 270):
        width, height = height, width  # the page as seen is turned on its side
    textpage = page.get_textpage()
    try:
        total = textpage.count_chars()
        limit = min(total, max_chars)
        found = glyphrun.words(textpage, limit, crop, rotation)
    finally:
        textpage.close()
    words, width, height = _on_page(found, width, height)
    try:
        drawn = figures.read(page)
    except Exception:  # noqa: BLE001 - a broken structure tree loses only the alt text
        drawn = []
    links = _links(page, crop, rotation)
    return PageWords(
        index=index,
        width=float(width),
        height=float(height),
        rotation=rotation,
        words=tuple(words),
        chars_read=limit,
        chars_total=total,
        figures=tuple(drawn),
        links=links,
    )


def _links(page: pdfium.PdfPage, crop: tuple[float, float, float, float], rotation: int) -> tuple[Box, ...]:
    """The areas of the page's link annotations, as the page is seen."""
    out = []
    rect = raw.FS_RECTF()
    for i in range(min(raw.FPDFPage_GetAnnotCount(page.raw), MAX_LINKS)):
        annot = raw.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if raw.FPDFAnnot_GetSubtype(annot) == raw.FPDF_ANNOT_LINK and raw.FPDFAnnot_GetRect(
                annot, ctypes.byref(rect)
            ):
                x0, x1 = sorted((rect.left, rect.right))
                y0, y1 = sorted((rect.bottom, rect.top))
                out.append(box_to_top_left(x0, y0, x1, y1, crop, rotation))
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return tuple(out)
