"""Real PDFs of the kinds of table that were read wrong on real papers, drawn with reportlab.

Each maker writes the PDF and returns its path; the cells the tests expect are the constants
below, written out by hand (never read back from the PDF), so a wrong row or header fails.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

# Two indicators, each a table of its own under its own heading, with the same year columns:
# the first ends low on page one, the second starts at the top of page two.
YEARS = ("", "2023-24 Actual", "2024-25 Budget", "2025-26 Estimate")
INDICATOR_1 = [
    ("Capital expenditure", "237.29", "427.07", "271.30"),
    ("Capital financing requirement", "1,268.01", "1,300.80", "1,232.87"),
]
INDICATOR_2 = [
    ("Authorised limit", "946", "1,261", "1,271"),
    ("Operational boundary", "822", "1,161", "1,171"),
    ("Finance costs to revenue", "8.17%", "7.48%", "6.95%"),
]


def _years_table(rows: list[tuple[str, ...]]) -> Table:
    table = Table([list(YEARS)] + [list(r) for r in rows], colWidths=[190, 90, 90, 90], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def indicators(path: Path, *, headed: bool = True) -> Path:
    """Two tables of one shape on following pages; the second under a heading and a sentence of
    its own when `headed`, else straight on (then it is the first carried over)."""
    heading = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=12, leading=15)
    body = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)
    story = [
        Paragraph("Indicator 1: Capital expenditure (£m)", heading),
        Paragraph("The capital programme and what finances it.", body),
        Spacer(1, 520),
        _years_table(INDICATOR_1),
        PageBreak(),
    ]
    if headed:
        story += [
            Paragraph("Indicator 2: Limits on external debt (£m)", heading),
            Paragraph("The Authority must set an affordable borrowing limit.", body),
        ]
    story.append(_years_table(INDICATOR_2))
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path


# Savings ruled across only (lines between rows, none down): each saving's name justified in a
# narrow first column over several lines, its figures level with the middle of the name, and a
# line of prose under it spanning the other columns, as Kent's savings tables are set.
SAVINGS_HEAD = ("", "Savings Target", "Forecast", "Variance", "Undeliverable")
SAVINGS = [
    (
        "Review of the green waste contract, with market analysis indicating considerably reduced gate fees",
        "-621.0",
        "-",
        "621.0",
        "621.0",
    ),
    (
        "Part year impact of further discretionary policy decisions, with consideration of contract renewals",
        "-2,300.0",
        "-",
        "2,300.0",
        "2,300.0",
    ),
    ("Adult social care contracts with the voluntary sector", "-3,216.8", "-2,304.2", "912.6", "3,216.8"),
]
SAVINGS_NOTES = [
    "The contractor was taken over and the new owner declined the offer to renegotiate the contract.",
    "Savings from these contract reviews will be contained within the directorate forecasts.",
    "Cabinet Member agreement to postpone the decision to the next financial year.",
]


def _savings_table(rows: list[tuple[str, ...]], notes: list[str]) -> Table:
    from reportlab.lib.enums import TA_JUSTIFY

    label = ParagraphStyle("label", fontName="Helvetica", fontSize=9, leading=11, alignment=TA_JUSTIFY)
    prose = ParagraphStyle("note", fontName="Helvetica", fontSize=9, leading=11)
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=9, leading=11, alignment=2)
    data: list[list[object]] = [[Paragraph(cell, head) for cell in SAVINGS_HEAD]]
    style = [
        ("LINEABOVE", (0, 0), (-1, 0), 0.75, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
    ]
    for row, note in zip(rows, notes):
        data.append([Paragraph(row[0], label), *row[1:]])
        data.append(["", Paragraph(note, prose), "", "", ""])
        n = len(data) - 1
        style += [
            ("SPAN", (1, n), (-1, n)),
            ("LINEABOVE", (1, n), (-1, n), 0.5, colors.black),  # over the note only
            ("LINEBELOW", (0, n), (-1, n), 0.75, colors.black),
        ]
    table = Table(data, colWidths=[140, 80, 80, 80, 80], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def savings(path: Path) -> Path:
    """The savings table: justified names in a narrow column, ruled across only."""
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build([_savings_table(SAVINGS, SAVINGS_NOTES)])
    return path


def savings_sections(path: Path) -> Path:
    """Two savings tables of the same width ruled across only, one under the other, a section's
    heading in a bigger type between them: two tables, the heading text of neither."""
    heading = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=36, spaceAfter=12)
    story = [
        _savings_table(SAVINGS[:2], SAVINGS_NOTES[:2]),
        Paragraph(SECTION, heading),
        _savings_table(SAVINGS[2:], SAVINGS_NOTES[2:]),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path


SECTION = "4b | Growth, Environment & Transport Savings"


# Drawn as Word justifies a narrow cell: every space of a line stretched alike (to about one
# and a quarter ems), so that spaces of neighbouring lines fall one over another like gutters.
JUSTIFIED_HEAD = ("", "Savings Target", "Forecast", "Variance", "Undeliverable")
JUSTIFIED_LABELS = [
    ["The reduction in the volume and", "duration of agency staff"],
    [
        "Part year impact of further discretionary",
        "policy decisions and deep dive into",
        "contract renewals with consideration of",
        "reducing service specifications",
    ],
]
JUSTIFIED_FIGURES = [("-750.0", "-", "750.0", "-750.0"), ("-2,300.0", "-", "2,300.0", "2,300.0")]
JUSTIFIED_NOTES = [
    "Year to date spend shows a reduction in spend on agency staff.",
    "Savings from these reviews will be contained within forecasts.",
]
JUSTIFIED_BODY = [(" ".join(label), *figures) for label, figures in zip(JUSTIFIED_LABELS, JUSTIFIED_FIGURES)]


def _justify(c: canvas.Canvas, words: list[str], x0: float, x1: float, y: float, size: float) -> None:
    widths = [c.stringWidth(w, "Helvetica", size) for w in words]
    space = (x1 - x0 - sum(widths)) / (len(words) - 1)
    x = x0
    for word, width in zip(words, widths):
        c.drawString(x, y, word)
        x += width + space


def justified(path: Path) -> Path:
    """Savings ruled across only, each name justified over several lines of a narrow first
    column (the last line of each set plain), its figures level with the middle of the name on
    a line of their own, a note under the figures over a line of its own."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    size, lead = 9.0, 11.0
    left, label_right, note_x, right = 42.0, 200.0, 228.0, 520.0
    ends = (300.0, 370.0, 440.0, 515.0)
    c.setLineWidth(0.75)
    y = 780.0
    c.line(left, y, right, y)
    c.setFont("Helvetica-Bold", size)
    for end, text in zip(ends, JUSTIFIED_HEAD[1:]):
        c.drawRightString(end, y - 14, text)
    y -= 20
    c.line(left, y, right, y)
    c.setFont("Helvetica", size)
    for label, figures, note in zip(JUSTIFIED_LABELS, JUSTIFIED_FIGURES, JUSTIFIED_NOTES):
        top = y - 12
        for n, text in enumerate(label):
            line_y = top - n * lead
            if n < len(label) - 1:
                _justify(c, text.split(), left + 3, label_right, line_y, size)
            else:
                c.drawString(left + 3, line_y, text)
        middle = top - (len(label) - 1) * lead / 2
        if len(label) % 2 == 0:
            middle = top - (len(label) / 2 - 0.5) * lead  # between the two middle lines
        for end, text in zip(ends, figures):
            c.drawRightString(end, middle, text)
        y = top - (len(label) - 1) * lead - 8
        c.setLineWidth(0.5)
        c.line(note_x - 4, y, right, y)  # over the note only
        c.drawString(note_x, y - 12, note)
        y -= 18
        c.setLineWidth(0.75)
        c.line(left, y, right, y)
    c.showPage()
    c.save()
    return path


# A portrait page of upright prose with a small table drawn turned a quarter below it (pasted
# in from a landscape sheet), as a report's appendix page sometimes carries one.
TURNED_HEAD = ("Ward", "Electors", "Turnout %", "Postal votes")
TURNED_BODY = [
    ("Abbey", "4,210", "31.5", "1,022"),
    ("Brookside", "3,987", "28.9", "874"),
    ("Castle", "5,102", "35.2", "1,310"),
    ("Dene Park", "2,764", "26.4", "611"),
    ("Total", "16,063", "30.8", "3,817"),
]
TURNED_PROSE = [
    "Turnout by ward",
    "The table below gives the electorate and turnout in each ward at the last election.",
    "Postal votes are counted with the votes cast at polling stations.",
]


def sideways_table(path: Path, *, clockwise: bool = False, ruled: bool = False) -> Path:
    """Upright prose at the top of a portrait page and, under it, the small ward table drawn
    turned a quarter (reading up the page, or down it when `clockwise`), ruled as a grid when
    `ruled`; a page number upright at the foot."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, _height = A4
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 780, TURNED_PROSE[0])
    c.setFont("Helvetica", 11)
    c.drawString(72, 755, TURNED_PROSE[1])
    c.drawString(72, 738, TURNED_PROSE[2])
    c.drawString(width / 2, 30, "Page 4")
    c.saveState()
    if clockwise:  # the table's top edge towards the page's right
        c.translate(100, 700)
        c.rotate(-90)
    else:  # the table's top edge towards the page's left
        c.translate(500, 160)
        c.rotate(90)
    if ruled:
        data = [list(TURNED_HEAD)] + [list(r) for r in TURNED_BODY]
        grid = Table(data, colWidths=[140, 90, 90, 100])
        grid.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ]
            )
        )
        _w, h = grid.wrapOn(c, 500, 300)
        grid.drawOn(c, 0, 300 - h)
    else:
        xs = (0, 230, 310, 400)
        y = 280.0
        c.setFont("Helvetica-Bold", 10)
        c.drawString(xs[0], y, TURNED_HEAD[0])
        for x, text in zip(xs[1:], TURNED_HEAD[1:]):
            c.drawRightString(x, y, text)
        c.setFont("Helvetica", 10)
        for row in TURNED_BODY:
            y -= 16
            c.drawString(xs[0], y, row[0])
            for x, text in zip(xs[1:], row[1:]):
                c.drawRightString(x, y, text)
    c.restoreState()
    c.showPage()
    c.save()
    return path


# Excel's export of a monitoring table ruled across only: bold header cells right-aligned in
# columns too narrow for their words, so that Excel wraps them at spaces and breaks a word that
# does not fit its cell by letters ("Revenu" over "e"), each cell's lines set level with the
# row's middle (a cell of three lines beside one of four: the lines fall between each other's);
# the body's cells set at the top of their rows.
# The first row under the header has no figures: the label and prose of a project run on from
# the page before. `ruled_over` False: no line over the header, only under it.
EXCEL_COLUMNS = ((40.0, 150.0, "left"), (160.0, 194.0, "right"), (202.0, 236.0, "right"), (244.0, 278.0, "right"))
EXCEL_PROSE = (290.0, 356.0)  # "savings" alone on its line over "programme": no cut word
EXCEL_HEAD = ("Key Service", "Revenue Budget", "Revenue Forecast", "Revenue Variance", "Summary")
EXCEL_BODY = [
    ("Canterbury", "", "", "", "spend moved into next year"),
    ("Older People Residential Care", "97.5", "124.9", "+27.4", "Pressure from slippage in savings programme"),
    ("Adult Mental Health", "21.2", "30.2", "+9.0", "Activity and price pressures beyond budgeted levels"),
    ("Total spend", "118.7", "155.1", "+36.4", "Total pressures"),
]


def excel_wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines as Excel wraps a cell: at spaces, and a word wider than the cell by letters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if stringWidth(trial, font, size) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        line = ""
        for letter in word:
            if line and stringWidth(line + letter, font, size) > width:
                lines.append(line)
                line = ""
            line += letter
    return [*lines, line] if line else lines


def excel_cut_headers(path: Path, *, ruled_over: bool = True, ruled: bool = True) -> Path:
    """ruled=False: no lines at all, the columns the words' own (tables.py)."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    size, lead, left, right = 9.0, 11.0, 40.0, 356.0
    cells = [*EXCEL_COLUMNS, (*EXCEL_PROSE, "left")]
    y = 780.0

    def row(texts: tuple[str, ...], font: str, top: float, *, centred: bool) -> float:
        wrapped = [excel_wrap(t, font, size, x1 - x0) for t, (x0, x1, _a) in zip(texts, cells)]
        height = max(len(w) for w in wrapped) * lead + 6
        c.setFont(font, size)
        for lines, (x0, x1, align) in zip(wrapped, cells):
            first = top - (height - len(lines) * lead) / 2 * centred - 3 - size
            for n, text in enumerate(lines):
                if align == "right":
                    c.drawRightString(x1, first - n * lead, text)
                else:
                    c.drawString(x0, first - n * lead, text)
        return top - height

    line = c.line if ruled else lambda *_: None
    if ruled_over:
        line(left, y + 2, right, y + 2)
    y = row(EXCEL_HEAD, "Helvetica-Bold", y, centred=True)
    line(left, y, right, y)
    for body in EXCEL_BODY:
        y = row(body, "Helvetica", y, centred=False)
        line(left, y, right, y)
    c.showPage()
    c.save()
    return path


# Capital projects ruled across (Kent monitoring p.41): a label over two lines beside a minus
# sign Excel left alone over its number, then a heading in the body's type and the same header
# again, all under one stack of rules: two tables, the heading text between them.
VARIANCE_HEAD = ("Project", "Real Variance", "Rephasing Variance", "Detail")
VARIANCE_FIRST = [
    ("Broadband Contract 2", "", "-1.349", "Final payments will not be made this year."),
    ("Kent Empty Property Initiative", "-0.488", "-1.868", "Loan repayments realigned."),
]
SIGN_WRAPPED = "-1.868"  # drawn as "-" over "1.868", as Excel wraps it in a narrow cell
VARIANCE_HEADING = "Previously reported variances"
VARIANCE_SECOND = [
    ("A28 Chart Road, Ashford", "", "-2.474", "Previously reported -2.371m."),
    ("Sturry Link Road", "1.200", "", "Costs have risen with inflation."),
]


def capital_variances(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    size, lead, left, right = 9.0, 11.0, 40.0, 520.0
    # Column: (left, right, align); a label column of 100 points wraps the long labels.
    cells = [(40.0, 140.0, "right"), (150.0, 200.0, "right"), (210.0, 270.0, "right"), (280.0, 520.0, "left")]
    y = 780.0

    def row(texts: tuple[str, ...], font: str, top: float) -> float:
        wrapped = [excel_wrap(t, font, size, x1 - x0) for t, (x0, x1, _a) in zip(texts, cells)]
        wrapped = [["-", t[1:]] if t == SIGN_WRAPPED else w for t, w in zip(texts, wrapped)]
        height = max(len(w) for w in wrapped) * lead + 6
        c.setFont(font, size)
        for lines, (x0, x1, align) in zip(wrapped, cells):
            for n, text in enumerate(lines):
                base = top - 3 - size - n * lead
                c.drawRightString(x1, base, text) if align == "right" else c.drawString(x0, base, text)
        c.line(left, top - height, right, top - height)
        return top - height

    c.line(left, y, right, y)
    y = row(VARIANCE_HEAD, "Helvetica-Bold", y)
    for body in VARIANCE_FIRST:
        y = row(body, "Helvetica", y)
    c.setFont("Helvetica", size)
    c.drawString(left, y - 24, VARIANCE_HEADING)  # white space over it, no rule of its own
    y = row(VARIANCE_HEAD, "Helvetica-Bold", y - 30)
    for body in VARIANCE_SECOND:
        y = row(body, "Helvetica", y)
    c.showPage()
    c.save()
    return path


# Key services ruled across (Kent monitoring p.23): the last row stands under the last rule,
# its Detail cell in three paragraphs with a blank line between, its label and figures level
# with the middle; the page's own text follows at the margin, which is no part of the row.
DETAIL_HEAD = ("Key Service", "Budget", "Forecast", "Detail")
DETAIL_FIRST = ("Non Attributable Costs", "102.4", "95.4", "Higher returns on investments.")
DETAIL_LAST = ("Corporately Held Budgets", "-2.4", "0.2")
DETAIL_PARAGRAPHS = [
    "The budget included an estimated saving of 2.3m held corporately from further policy decisions and "
    "contract renewals with consideration of reducing service levels.",
    "The planned savings from a reduction in the use of agency staff are reflected within the "
    "directorate forecasts, so they are not counted twice.",
    "Release of the residual pay provision, which will be included as a saving in next year's budget.",
]
DETAIL_AFTER = "The rest of this report explains how the forecast was made and what it assumes about the year ahead."


def detail_last_row(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    size, lead, left, right = 9.0, 11.0, 40.0, 540.0
    detail_x0 = 270.0
    c.setFont("Helvetica-Bold", size)
    y = 780.0
    c.line(left, y, right, y)
    for text, x1 in zip(DETAIL_HEAD[:3], (150.0, 200.0, 255.0)):
        c.drawRightString(x1, y - 14, text)
    c.drawString(detail_x0, y - 14, DETAIL_HEAD[3])
    y -= 20
    c.line(left, y, right, y)
    c.setFont("Helvetica", size)
    for text, x1 in zip(DETAIL_FIRST[:3], (150.0, 200.0, 255.0)):
        c.drawRightString(x1, y - 14, text)
    c.drawString(detail_x0, y - 14, DETAIL_FIRST[3])
    y -= 20
    c.line(left, y, right, y)  # the last rule: the last row stands under it, with no rule below
    base = y - 14
    lines: list[float] = []
    for paragraph in DETAIL_PARAGRAPHS:
        for text in excel_wrap(paragraph, "Helvetica", size, right - detail_x0):
            c.drawString(detail_x0, base, text)
            lines.append(base)
            base -= lead
        base -= lead  # a blank line between the cell's paragraphs
    middle = (lines[0] + lines[-1]) / 2
    for text, x1 in zip(DETAIL_LAST, (150.0, 200.0, 255.0)):
        c.drawRightString(x1, middle, text)
    c.drawString(left, base - 2 * lead, DETAIL_AFTER)
    c.showPage()
    c.save()
    return path
