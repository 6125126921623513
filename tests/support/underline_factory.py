"""Underlined headings as Word sets them beyond one line of words: a call-in's title centred
over two lines, each underlined (the last one short), over an underlined note in brackets; an
appendix's numbered sub-heading whose number stands unmarked at a tab stop before its
underlined words ("1.15    Visit Kent")."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

H = A4[1]
TITLE = (
    "Call-in Request for Executive Decision 24/00093 - Future of Commissioned Services at",
    "Seashells and Millmead Family Hubs",
)
NOTE = "(NB: Paragraph 3, set out in bold, will need to be removed to bring it in line with the law.)"
BODY = "During 2020-21 the council gave a loan to Visit Kent and the balance is now being repaid."


def _under(c: canvas.Canvas, x: float, y: float, text: str, size: float) -> float:
    width = c.stringWidth(text, "Helvetica", size)
    c.drawString(x, y, text)
    c.setLineWidth(0.8)
    c.line(x, y - 1.8, x + width, y - 1.8)
    return width


def _heading_over_body(c: canvas.Canvas, path: Path, x: float, y: float, heading: str, size: float) -> Path:
    """An underlined heading, the body under it, and the page done."""
    _under(c, x, y, heading, size)
    c.drawString(x, y - 24, BODY)
    c.showPage()
    c.save()
    return path


def underlined_titles(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    size = 12.0
    c.setFont("Helvetica", size)
    y = H - 80
    for text in TITLE:  # centred on the page, each line underlined
        width = c.stringWidth(text, "Helvetica", size)
        _under(c, (A4[0] - width) / 2, y, text, size)
        y -= 15
    y -= 12
    _under(c, 60, y, NOTE, 10)
    y -= 40
    c.setFont("Helvetica", size)
    c.drawString(60, y, "1.15")
    return _heading_over_body(c, path, 96, y, "Visit Kent", size)


LINKED = "KMWLP 2024-39 showing modifications as tracked"


def linked_titles(path: Path) -> Path:
    """A report's list of appendices: each label in bold, the document's title under it a link,
    blue and underlined, as Word sets a hyperlink; then a heading underlined, no link."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    size = 12.0
    y = H - 80
    c.setFont("Helvetica-Bold", size)
    c.drawString(60, y, "Appendix C:")
    y -= 24
    c.setFont("Helvetica", size)
    c.setFillColorRGB(0.02, 0.39, 0.76)
    c.setStrokeColorRGB(0.02, 0.39, 0.76)
    width = _under(c, 60, y, LINKED, size)
    c.linkURL("https://www.kent.gov.uk/kmwlp", (60, y - 3, 60 + width, y + size), relative=0)
    c.setFillColorRGB(0, 0, 0)
    c.setStrokeColorRGB(0, 0, 0)
    return _heading_over_body(c, path, 60, y - 40, "Background Documents", size)
