"""Pages as pictures (PDFium renders them): for OCR (memberdesk.papers.ocr). With glyphs.py,
the only user of pypdfium2; both hold glyphs.PDFIUM_LOCK around every PDFium call."""

from __future__ import annotations

import math

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from memberdesk.papers.glyphs import PDFIUM_LOCK
from memberdesk.papers.shapes import PaperProblem

# A page is rendered at most this many pixels (about an A3 page at 300 dpi): a page that
# declares itself 100,000 points square is drawn smaller instead of asking for 10^10 pixels.
MAX_PIXELS = 36_000_000


def image_coverage(doc: pdfium.PdfDocument, index: int) -> float:
    """How much of page `index` its images cover, 0..1 (overlaps counted once per pixel of a
    coarse grid, so a scan drawn in strips is one picture)."""
    with PDFIUM_LOCK:
        page = doc[index]
        try:
            left, bottom, right, top = page.get_bbox()
            width, height = (right - left) or 1.0, (top - bottom) or 1.0
            grid = 50
            covered: set[tuple[int, int]] = set()
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=4):
                x0, y0, x1, y1 = obj.get_bounds()
                gx0 = max(0, int((x0 - left) / width * grid))
                gx1 = min(grid, math.ceil((x1 - left) / width * grid))
                gy0 = max(0, int((y0 - bottom) / height * grid))
                gy1 = min(grid, math.ceil((y1 - bottom) / height * grid))
                covered.update((gx, gy) for gx in range(gx0, gx1) for gy in range(gy0, gy1))
            return len(covered) / (grid * grid)
        finally:
            page.close()


def render_page(
    doc: pdfium.PdfDocument, index: int, dpi: int = 300, max_pixels: int = MAX_PIXELS
) -> tuple[bytes, float]:
    """Page `index` as an 8-bit grey PGM image, upright as seen, and the dpi it was drawn at
    (less than `dpi` when the page is too large for `max_pixels`). Raises PaperProblem."""
    with PDFIUM_LOCK:
        page = doc[index]
        try:
            left, bottom, right, top = page.get_bbox()
            width, height = abs(right - left), abs(top - bottom)
            if width <= 0 or height <= 0:
                raise PaperProblem("this page has no size and cannot be drawn")
            scale = dpi / 72
            pixels = width * scale * height * scale
            if pixels > max_pixels:
                scale *= math.sqrt(max_pixels / pixels)
            bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=True)
            try:
                w, h, stride = bitmap.width, bitmap.height, bitmap.stride
                data = bytes(bitmap.buffer)  # one byte a pixel: pdfium's grey format
            finally:
                bitmap.close()
        except pdfium.PdfiumError as exc:
            raise PaperProblem("this page could not be drawn") from exc
        finally:
            page.close()
    if stride != w:
        data = b"".join(data[row * stride : row * stride + w] for row in range(h))
    return b"P5\n%d %d\n255\n" % (w, h) + data[: w * h], scale * 72


def broken_images(doc: pdfium.PdfDocument, index: int) -> int:
    """How many of page `index`'s images cannot be decoded (pdfium draws those as nothing).
    Decodes each image, so it is asked only of a page whose picture gave no text."""
    broken = 0
    with PDFIUM_LOCK:
        page = doc[index]
        try:
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=4):
                try:
                    obj.get_bitmap().close()
                except pdfium.PdfiumError:
                    broken += 1
        finally:
            page.close()
    return broken
