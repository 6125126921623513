"""An Excel key service statement as Kent's exports it: each service's table is one ruled grid
whose first row is a shaded title band (the service in bold, its director under it in plain
type, no column rules inside the band), then a bold header row, then rows of figures. The
second page's band is indented to the second column, as Excel centres a merged title. With a
print title, the appendix's name in bold is a band of its own over the service's on every
page. The cells the tests expect are written out by hand below."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HEAD = ("Row Ref", "Key Service", "Staffing £000s", "Non Staffing £000s", "Net Cost £000s")
SECTIONS = [
    (
        "Environment & Circular Economy",
        "Director: Matt Smyth",
        [
            ("71", "Environment", "6,010.5", "5,772.7", "3,060.3"),
            ("72", "Residual Waste", "256.7", "56,622.1", "48,767.6"),
            ("73", "Waste Facilities & Recycling Centres", "0.0", "47,801.9", "37,952.5"),
            ("74", "Total - Environment & Circular Economy", "8,403.7", "110,496.5", "92,010.7"),
        ],
    ),
    (
        "Growth & Communities",
        "Director: Stephanie Holt-Castle",
        [
            ("75", "Community (Assets & Services)", "2,393.8", "2,102.9", "2,342.9"),
            ("76", "Growth - Economy", "1,160.5", "814.4", "1,480.8"),
            ("77", "Libraries, Registration & Archives", "13,496.7", "4,031.9", "10,612.6"),
            ("78", "Total - Growth & Communities", "30,843.7", "14,034.6", "30,597.0"),
        ],
    ),
]
WIDTHS = [50, 230, 90, 90, 90]
PRINT_TITLE = "APPENDIX G - KEY SERVICE STATEMENT (PROPOSED BUDGET)"


def _section(title: str, director: str, rows: list[tuple[str, ...]], indent: bool, print_title: bool) -> Table:
    band = ParagraphStyle("band", fontName="Helvetica", fontSize=9, leading=11, leftIndent=WIDTHS[0] if indent else 0)
    caption = Paragraph(f"<font name='Helvetica-Bold' size='11'>{title}</font><br/>{director}", band)
    bands = [[Paragraph(f"<b>{PRINT_TITLE}</b>", band), "", "", "", ""]] if print_title else []
    data = [*bands, [caption, "", "", "", ""], list(HEAD)] + [list(r) for r in rows]
    top = len(bands)
    table = Table(data, colWidths=WIDTHS, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *(("SPAN", (0, k), (-1, k)) for k in range(top + 1)),
                ("BACKGROUND", (0, 0), (-1, top), colors.Color(0.9, 0.93, 0.85)),
                ("BACKGROUND", (0, top + 1), (-1, top + 1), colors.Color(0.85, 0.85, 0.85)),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("FONTNAME", (0, top + 1), (-1, top + 1), "Helvetica-Bold"),
                ("FONTNAME", (0, top + 2), (-1, -1), "Helvetica"),
                ("FONTSIZE", (0, top + 1), (-1, -1), 8),
                ("ALIGN", (2, top + 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def key_services(path: Path, *, print_title: bool = False) -> Path:
    """Two pages, one service's banded table on each, the second page's band indented; the
    first ends low on its page and the second starts at the top, as a table carried over does."""
    story: list[object] = [Spacer(1, 240)]
    for n, (title, director, rows) in enumerate(SECTIONS):
        if n:
            story.append(PageBreak())
        story += [_section(title, director, rows, indent=n > 0, print_title=print_title), Spacer(1, 12)]
    SimpleDocTemplate(str(path), pagesize=landscape(A4), invariant=1).build(story)
    return path


# A Word table of two columns whose first header row is a band across both (the table's
# title, bold), over the columns' own header row; both repeated at the top of the next page.
FEEDBACK_BAND = "Consultation feedback relating to Seashells (as detailed in the Consultation Report)"
FEEDBACK_HEAD = ("Consultation Feedback", "Draft KCC Response")
FEEDBACK_ROWS = [
    (
        f"Feedback point {n}: residents value the hub's staff, its garden and the free car park.",
        f"Response {n}: the Family Hub model keeps these services within reach of every family in the district.",
    )
    for n in range(1, 31)
]


def feedback_responses(path: Path) -> Path:
    """The feedback table, run over two pages with its band and header printed again."""
    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12)
    bold = ParagraphStyle("bold", parent=cell, fontName="Helvetica-Bold")
    data = [
        [Paragraph(FEEDBACK_BAND, bold), ""],
        [Paragraph(text, bold) for text in FEEDBACK_HEAD],
        *([Paragraph(text, cell) for text in row] for row in FEEDBACK_ROWS),
    ]
    table = Table(data, colWidths=[220, 250], hAlign="LEFT", repeatRows=2)
    table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0)), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build([table])
    return path


# An Excel budget template: the header is a shaded band with no column rules inside it (each
# heading in its column, "2027-28" pressed against the next column's "Service Area"), the body
# ruled in a grid, and the total a band with no rules inside it either.
BUDGET_HEAD = (
    "MTFP Category",
    "Directorate",
    "Headline Description",
    "2025-26 £000's",
    "2026-27 £000's",
    "Service Area",
)
BUDGET_ROWS = [
    ("Base Budget Changes", "ASCH", "Adult Social Care", "7,800.0", "0.0", "Adults and Older People"),
    ("Base Budget Changes", "CYPE", "Home to School Transport", "-5,300.0", "0.0", "Transport"),
    ("Base Budget Changes", "GET", "Waste - Textiles Income", "182.0", "0.0", "Waste"),
]
BUDGET_TOTAL = ("TOTAL BASE BUDGET CHANGES", "", "", "2,682.0", "0.0", "")


def budget_changes(path: Path, *, row_ref: bool = False) -> Path:
    """The template; with `row_ref`, a "Row Ref" column first, ruled off inside both bands
    (Kent's alternative budget), the rest of each band still unruled."""
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=7, leading=8, textColor=colors.white)
    right = ParagraphStyle("right", parent=head, alignment=2)
    cells = [Paragraph(t.replace(" £", "<br/>£"), right if "£" in t else head) for t in BUDGET_HEAD]
    data = [cells, *(list(r) for r in BUDGET_ROWS), list(BUDGET_TOTAL)]
    widths = [95, 55, 150, 50, 50, 110]
    ref: list[tuple[object, ...]] = []
    if row_ref:
        data = [[Paragraph("Row Ref", head), *data[0]], *([str(n), *row] for n, row in enumerate(data[1:], 1))]
        widths = [30, *widths]
        ref = [("LINEAFTER", (0, 0), (0, 0), 0.5, colors.white), ("LINEAFTER", (0, -1), (0, -1), 0.5, colors.grey)]
    last = len(data) - 1
    move = 1 if row_ref else 0
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *ref,
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.3, 0.35, 0.15)),
                ("BACKGROUND", (0, last), (-1, last), colors.Color(0.45, 0.3, 0.55)),
                ("FONTNAME", (0, 1), (-1, -1), "Helvetica"),
                ("FONTSIZE", (0, 1), (-1, -1), 7),
                ("TEXTCOLOR", (0, last), (-1, last), colors.white),
                ("ALIGN", (3 + move, 1), (4 + move, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, 0), 1.5),
                ("RIGHTPADDING", (0, 0), (-1, 0), 1.5),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, colors.grey),
                ("INNERGRID", (0, 1), (-1, last - 1), 0.5, colors.grey),
            ]
        )
    )
    SimpleDocTemplate(str(path), pagesize=landscape(A4), invariant=1).build([table])
    return path


# A Word table comparing plans: a bold heading over each plan's three years (a cell merged
# across them), the years under it in plain type, the stub empty in both.
PLANS = ("2025-28 Draft MTFP", "2024-27 Final MTFP")
PLAN_YEARS = ("2025-26", "2026-27", "2027-28", "2024-25", "2025-26", "2026-27")
PLAN_ROWS = [
    ("Adults & Older Persons", "£42.2m", "£42.2m", "£42.2m", "£54.0m", "£54.0m", "£54.0m"),
    ("Children's Social Care", "£10.3m", "£10.2m", "£10.2m", "£8.9m", "£10.4m", "£10.2m"),
    ("Total", "£52.5m", "£52.4m", "£52.4m", "£62.9m", "£64.4m", "£64.2m"),
]


PLAN_NOTE = "[1] The 2024-27 figures are those approved in February 2024, shown for comparison only."


def plan_groups(path: Path, *, footnote: bool = False) -> Path:
    """The plans compared; with `footnote`, a note ruled in as the grid's last row, across it."""
    data = [["", PLANS[0], "", "", PLANS[1], "", ""], ["", *PLAN_YEARS], *(list(r) for r in PLAN_ROWS)]
    if footnote:
        data.append([PLAN_NOTE, "", "", "", "", "", ""])
    table = Table(data, colWidths=[150, 55, 55, 55, 55, 55, 55], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (1, 0), (3, 0)),
                ("SPAN", (4, 0), (6, 0)),
                *([("SPAN", (0, -1), (-1, -1))] if footnote else []),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTNAME", (0, 1), (-1, -1), "Helvetica"),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ]
        )
    )
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build([table])
    return path


# A Word table whose budget year is shaded: each of its cells filled, and the paragraph
# inside filled again a few points in (Word's cell and paragraph shading; the total's
# paragraph not), over a ruled grid.
SHADED_HEAD = ("", "31.3.2025 forecast", "31.3.2026 budget", "31.3.2027 budget")
SHADED_ROWS = [
    ("Near-term investments", "206.6", "185.7", "146.1"),
    ("Longer-term investments", "179.0", "180.8", "182.6"),
    ("TOTAL", "385.6", "366.5", "328.7"),
]


def shaded_year(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    xs, top, height = [60.0, 220.0, 310.0, 400.0, 490.0], 760.0, 20.0
    rows = [SHADED_HEAD, *SHADED_ROWS]
    for r in range(len(rows)):  # the shaded column: the cell, then its paragraph (not the total's), filled
        y = top - (r + 1) * height
        c.setFillColor(colors.Color(0.85, 0.9, 0.95))
        c.rect(xs[2], y, xs[3] - xs[2], height, stroke=0, fill=1)
        if r < len(rows) - 1:
            c.setFillColor(colors.Color(0.8, 0.86, 0.93))
            c.rect(xs[2] + 5, y, xs[3] - xs[2] - 10, height, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.setLineWidth(0.5)
    for x in xs:
        c.line(x, top, x, top - len(rows) * height)
    for r in range(len(rows) + 1):
        c.line(xs[0], top - r * height, xs[-1], top - r * height)
    for r, row in enumerate(rows):
        y = top - (r + 1) * height + 6
        c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 8)
        c.drawString(xs[0] + 4, y, row[0])
        for k, text in enumerate(row[1:], 1):
            c.drawRightString(xs[k + 1] - 8, y, text)
    c.showPage()
    c.save()
    return path


# A risk register whose first column is shaded with a gradient, drawn (as Excel exports one)
# as thin strips stacked edge to edge down each cell; each risk's text runs to several lines.
RISK_HEAD = ("Directorate", "Risk", "Consequence")
RISK_ROWS = [
    ("ASCH", "Market sustainability: care providers leave the market", "Fewer placements and higher prices"),
    ("GET", "Changing Government focus on funding for Net Zero projects", "Match funding from borrowing"),
]


def gradient_risks(path: Path, strip: float = 3.0) -> Path:
    """`strip`: each strip's height in points (a real register's were 1.6, thinner than a rule)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    xs, top, head, tall = [60.0, 140.0, 330.0, 520.0], 760.0, 18.0, 60.0
    bottom = top - head - tall * len(RISK_ROWS)
    y = top - head
    while y > bottom + 0.01:  # the gradient: strips down the first column
        shade = 0.6 + 0.35 * (y - bottom) / (top - head - bottom)
        c.setFillColor(colors.Color(shade, shade, 1.0))
        c.rect(xs[0], y - strip, xs[1] - xs[0], strip, stroke=0, fill=1)
        y -= strip
    c.setFillColor(colors.black)
    c.setLineWidth(0.5)
    for x in xs:
        c.line(x, top, x, bottom)
    for y in (top, top - head, *(top - head - tall * (k + 1) for k in range(len(RISK_ROWS)))):
        c.line(xs[0], y, xs[-1], y)
    c.setFont("Helvetica-Bold", 9)
    for k, text in enumerate(RISK_HEAD):
        c.drawString(xs[k] + 4, top - 13, text)
    c.setFont("Helvetica", 9)
    for r, row in enumerate(RISK_ROWS):
        y = top - head - tall * r - 12
        for k, text in enumerate(row):
            for n, part in enumerate(_wrap(text, 5)):
                c.drawString(xs[k] + 4, y - 11 * n, part)
    c.showPage()
    c.save()
    return path


def _wrap(text: str, words: int) -> list[str]:
    parts = text.split()
    return [" ".join(parts[k : k + words]) for k in range(0, len(parts), words)]


# A ruled budget table with a justified note in a row merged across it (its words spread to
# the table's width), and one of small type in rows 7.5 points high (an Excel sheet scaled
# to fit the page): neither is a band of cells, nor a shading's edges.
JUSTIFIED_NOTE = (
    "Note: the figures for Children's Services include the dedicated schools grant which was "
    "transferred from the education budget during the year"
)
SMALL_ROWS = [("Service", "2024-25", "2025-26")] + [
    (f"Service line {k}", f"{k}.{k}", f"{k + 1}.{k}") for k in range(1, 8)
]


def justified_note(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    cols, top = [40.0, 250.0, 400.0, 550.0], 782.0
    rows = [top, top - 20, top - 40, top - 60, top - 100, top - 120]
    for y in rows:
        c.line(cols[0], y, cols[-1], y)
    for x in (cols[0], cols[-1]):
        c.line(x, rows[0], x, rows[-1])
    for x in cols[1:-1]:
        c.line(x, rows[0], x, rows[3])
        c.line(x, rows[4], x, rows[5])  # the note's row merged across
    body = [
        ("Service", "2024-25", "2025-26"),
        ("Adult Social Care", "586.1", "612.4"),
        ("Children's Services", "401.2", "420.9"),
    ]
    for r, row in enumerate([*body, ("Public Health", "80.0", "82.5")]):
        c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
        y = rows[r if r < 3 else 4] - 14
        for k, text in enumerate(row):
            c.drawString(cols[k] + 4, y, text)
    words = JUSTIFIED_NOTE.split()
    for n, part in enumerate((words[:11], words[11:])):
        total = sum(c.stringWidth(w, "Helvetica", 10) for w in part)
        gap = (cols[-1] - cols[0] - 8 - total) / (len(part) - 1)
        x = cols[0] + 4
        for w in part:
            c.drawString(x, rows[3] - 14 - 14 * n, w)
            x += c.stringWidth(w, "Helvetica", 10) + gap
    c.showPage()
    c.save()
    return path


def small_rows(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    cols, top, pitch, size = [40.0, 200.0, 300.0, 400.0], 782.0, 7.5, 5.5
    rows = [top - k * pitch for k in range(len(SMALL_ROWS) + 1)]
    c.setLineWidth(0.5)
    for y in rows:
        c.line(cols[0], y, cols[-1], y)
    for x in cols:
        c.line(x, rows[0], x, rows[-1])
    for r, row in enumerate(SMALL_ROWS):
        c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", size)
        for k, text in enumerate(row):
            c.drawString(cols[k] + 2, rows[r] - pitch + (pitch - size) / 2 + 1, text)
    c.showPage()
    c.save()
    return path
