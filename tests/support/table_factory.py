"""Real PDFs of tables for the table tests, drawn with reportlab as Word and Excel draw them.

Each maker writes the PDF and returns its path; the cells the tests expect are the constants
below, written out by hand (never read back from the PDF), so a wrong row or header fails.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

# A Word table with a grid: a header row in bold, a cell of several lines, a totals row.
RULED_HEAD = ("Risk", "Likelihood", "Impact", "Mitigation")
RULED_BODY = [
    (
        "Demand for adult care rises faster than forecast",
        "High",
        "High",
        "Monthly monitoring of placements and a reserve held for growth",
    ),
    ("Inflation on contracts", "Medium", "High", "Uplifts agreed in advance with providers"),
    ("Recruitment of social workers", "High", "Medium", "Agency staff reduced by a grow-your-own scheme"),
    ("Grant funding ends", "Low", "High", "Exit plans for each funded post"),
]

# An unruled finance table: figures right-aligned, signed, a totals row (as Excel exports it).
FINANCE_HEAD = ("Directorate", "Budget", "Forecast", "Variance", "Variance %")
FINANCE_BODY = [
    ("Adult Social Care", "586.1", "621.6", "+35.4", "+6.0%"),
    ("Children's Services", "430.6", "420.8", "-9.9", "-2.3%"),
    ("Growth and Transport", "202.9", "209.2", "+6.3", "+3.1%"),
    ("Chief Executive's", "30.5", "29.3", "(1.2)", "(3.9%)"),
    ("Corporately Held", "-2.4", "0.2", "+2.6", "-107.5%"),
    ("Total", "1,247.7", "1,281.1", "+33.2", "+2.7%"),
]

# An Excel export with header lines over three lines: a cell over the three columns of figures
# (a header row of its own), then each column's heading over two lines with its units under it
# (stacked into one header row); a section row; numbers right-aligned in £000s with brackets.
EXCEL_HEAD = (
    ("", "", "Financial year 2024-25", "", ""),
    ("Ref", "Service", "Working Budget £000s", "Forecast £000s", "Variance £000s"),
)
EXCEL_BODY = [
    ("", "Adult Social Care", "", "", ""),
    ("1", "Older People Residential Care", "97,512.0", "124,903.4", "27,391.4"),
    ("2", "Learning Disability Community Services", "127,104.7", "129,512.9", "2,408.2"),
    ("3", "Mental Health Residential Care", "21,402.0", "23,702.5", "2,300.5"),
    ("4", "Provision for Demographic Growth", "15,800.0", "1,210.0", "(14,590.0)"),
    ("", "Adult Social Care Total", "261,818.7", "279,328.8", "17,510.1"),
]

# A table continued over two pages, its header printed again at the top of the second.
LONG_HEAD = ("Ward", "Electors", "Turnout %")
LONG_BODY = [(f"Ward number {n}", f"{1000 + 37 * n:,}", f"{20 + (n * 7) % 40}.{n % 10}") for n in range(1, 61)]


def ruled(path: Path) -> Path:
    """A Word-like ruled table on an A4 page, a heading and a paragraph above it."""
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12)
    data = [list(RULED_HEAD)] + [[Paragraph(c, style) for c in row] for row in RULED_BODY]
    table = Table(data, colWidths=[150, 70, 60, 190])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    heading = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=14, leading=18)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13)
    story = [
        Paragraph("Risk register", heading),
        Paragraph("The risks below are reviewed by the committee each quarter.", body),
        Spacer(1, 12),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path


def _right(c: canvas.Canvas, x: float, y: float, text: str) -> None:
    c.drawRightString(x, y, text)


def finance(path: Path, *, pagesize: tuple[float, float] = landscape(A4)) -> Path:
    """An unruled finance table (no lines at all), on a landscape page by default."""
    c = canvas.Canvas(str(path), pagesize=pagesize, invariant=1)
    _draw_finance(c, pagesize)
    c.showPage()
    c.save()
    return path


def _draw_finance(c: canvas.Canvas, pagesize: tuple[float, float]) -> None:
    _width, height = pagesize
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, height - 60, "Revenue monitoring")
    c.setFont("Helvetica", 10)
    c.drawString(60, height - 80, "The table shows the forecast for each directorate in millions of pounds.")
    xs = (60, 330, 400, 470, 550)
    y = height - 120
    c.setFont("Helvetica-Bold", 10)
    c.drawString(xs[0], y, FINANCE_HEAD[0])
    for x, text in zip(xs[1:], FINANCE_HEAD[1:]):
        _right(c, x, y, text)
    for row in FINANCE_BODY:
        y -= 15
        c.setFont("Helvetica-Bold" if row[0] == "Total" else "Helvetica", 10)
        c.drawString(xs[0], y, row[0])
        for x, text in zip(xs[1:], row[1:]):
            _right(c, x, y, text)
    c.setFont("Helvetica", 10)
    c.drawString(60, y - 40, "Figures are rounded, so totals may not add up.")


def excel(path: Path) -> Path:
    """An Excel-like export: three header rows, rows at one even pitch, section and total rows."""
    pagesize = landscape(A4)
    c = canvas.Canvas(str(path), pagesize=pagesize, invariant=1)
    _width, height = pagesize
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, height - 40, "Appendix 1 - Key Service Statement")
    ref_x, service_x, figures = 40, 80, (520, 600, 680)
    y = height - 80
    c.setFont("Helvetica-Bold", 9)
    c.drawString(470, y, "Financial year 2024-25")  # over Working Budget and Forecast
    y -= 11
    c.drawString(ref_x, y, "Ref")
    c.drawString(service_x, y, "Service")
    _right(c, figures[0], y + 1, "Working")  # a heading of two lines in one cell, bottom-aligned
    y -= 10
    _right(c, figures[0], y, "Budget")
    _right(c, figures[1], y, "Forecast")
    _right(c, figures[2], y, "Variance")
    y -= 11
    for x in figures:
        _right(c, x, y, "£000s")
    y -= 8
    for row in EXCEL_BODY:
        y -= 12
        bold = row[0] == "" and (row[2] == "" or "Total" in row[1])
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 9)
        if row[0]:
            c.drawString(ref_x, y, row[0])
        c.drawString(service_x, y, row[1])
        for x, text in zip(figures, row[2:]):
            if text:
                _right(c, x, y, text)
    c.showPage()
    c.save()
    return path


def continued(path: Path) -> Path:
    """A long ruled table over two pages, its header row repeated at the top of the second."""
    table = LongTable([list(LONG_HEAD)] + [list(r) for r in LONG_BODY], repeatRows=1, colWidths=[200, 100, 100])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build([table])
    return path


def rotated(path: Path) -> Path:
    """The finance table drawn turned on a portrait page that carries /Rotate 90, so that it is
    seen upright on a landscape page (as a landscape page in a portrait pack is often saved)."""
    from pypdf import PdfReader, PdfWriter

    plain = path.with_suffix(".portrait.pdf")
    c = canvas.Canvas(str(plain), pagesize=A4, invariant=1)
    width, _height = A4
    c.translate(width, 0)
    c.rotate(90)  # the page's x axis now runs up it: what /Rotate 90 turns upright
    _draw_finance(c, landscape(A4))
    c.showPage()
    c.save()
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page.rotate(90))
    with path.open("wb") as out:
        writer.write(out)
    plain.unlink()
    return path


def crowded(path: Path, glyphs: int = 100_000) -> Path:
    """A page of `glyphs` tiny characters (a chart drawn as text) with a small table on it."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    _width, height = A4
    c.setFont("Helvetica", 10)
    for k, row in enumerate(FINANCE_BODY):  # written first, so it is within what is read
        c.drawString(60, 200 - 15 * k, row[0])
        _right(c, 330, 200 - 15 * k, row[1])
        _right(c, 400, 200 - 15 * k, row[2])
    c.setFont("Helvetica", 1)
    per_line = 400
    text = "x" * per_line
    for n in range(glyphs // per_line):
        c.drawString(10, height - 10 - (n % 400) * 1.0, text)
    c.showPage()
    c.save()
    return path


def sideways(path: Path, *, clockwise: bool = False) -> Path:
    """The finance table drawn turned a quarter on a portrait page with no /Rotate (as print
    drivers set a landscape sheet): reading up the page, or down it when `clockwise`."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    if clockwise:
        c.translate(0, height)
        c.rotate(-90)
    else:
        c.translate(width, 0)
        c.rotate(90)
    _draw_finance(c, landscape(A4))
    c.showPage()
    c.save()
    return path


def sideways_grid(path: Path) -> Path:
    """The Word grid of RULED_* drawn turned a quarter (reading up the page), page number upright."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, _height = A4
    c.setFont("Helvetica", 9)
    c.drawString(width / 2, 30, "Page 7")
    c.saveState()
    c.translate(width, 0)
    c.rotate(90)
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12)
    data = [list(RULED_HEAD)] + [[Paragraph(cell, style) for cell in row] for row in RULED_BODY]
    table = Table(data, colWidths=[180, 80, 70, 260])
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")])
    )
    _w, h = table.wrapOn(c, 700, 500)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, 530, "Risk register")
    table.drawOn(c, 60, 510 - h)
    c.restoreState()
    c.showPage()
    c.save()
    return path
