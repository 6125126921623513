"""Real PDFs of tables ruled across only (no vertical lines), drawn with reportlab as Word,
Excel and ModernGov's report templates draw them: a line under the header, lines between
rows, a line over the total. The cells the tests expect are the constants below, written out
by hand (never read back from the PDF)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

# A Word risk register with "horizontal borders only": cells of several lines, words only.
RISK_HEAD = ("Risk", "Owner", "Rating", "Action")
RISK_BODY = [
    (
        "Delay to the procurement timetable for the new care contracts",
        "Director of Adult Services",
        "Amber",
        "Soft market testing brought forward to March and a fallback extension agreed",
    ),
    ("Data migration from the old case system", "Head of Digital", "Red", "Two trial migrations before go-live"),
    (
        "Loss of staff during the restructure",
        "HR Business Partner",
        "Amber",
        "Staff briefings each month and exit interviews reviewed by the board",
    ),
]

# A ModernGov report's finance table: a line under the header, thin lines between rows, a
# heavier line over the total; figures right-aligned, a label wrapped over two lines.
CAPITAL_HEAD = ("Scheme", "Budget £000", "Spend to date £000", "Forecast £000", "Variance £000")
CAPITAL_BODY = [
    ("Highways maintenance", "12,400", "8,215", "12,100", "(300)"),
    ("Schools condition programme and expansion of special school places", "9,850", "4,102", "10,325", "475"),
    ("Flood defences", "3,200", "950", "3,200", "0"),
    ("Library refurbishment", "1,150", "1,020", "1,180", "30"),
    ("Total", "26,600", "14,287", "26,805", "205"),
]

# A table ruled as a journal sets one: a rule over the header, one under it and one under the
# last row; the rows between are not ruled.
BOOK_HEAD = ("Ward", "Electorate", "Postal votes", "Turnout")
BOOK_BODY = [
    ("Abbey", "5,412", "1,204", "31.2%"),
    ("Brookside", "4,980", "998", "28.7%"),
    ("Castle", "6,105", "1,532", "35.0%"),
    ("Dene Valley", "5,733", "1,101", "29.9%"),
]


def _story(title: str, table: Table) -> list[object]:
    heading = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=14, leading=18)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13)
    return [
        Paragraph(title, heading),
        Paragraph("The table below is reviewed by the committee each quarter.", body),
        Spacer(1, 10),
        table,
        Spacer(1, 10),
        Paragraph("Officers will report again at the next meeting.", body),
    ]


def _build(path: Path, story: list[object]) -> Path:
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path


def risks(path: Path) -> Path:
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12)
    bold = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=10, leading=12)
    data = [[Paragraph(c, bold) for c in RISK_HEAD]] + [[Paragraph(c, style) for c in row] for row in RISK_BODY]
    table = Table(data, colWidths=[150, 100, 50, 170])
    table.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return _build(path, _story("Risk register", table))


def capital(path: Path) -> Path:
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    right = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=9, leading=11, alignment=2)
    left = ParagraphStyle("head0", fontName="Helvetica-Bold", fontSize=9, leading=11)
    head = [Paragraph(CAPITAL_HEAD[0], left)] + [Paragraph(c, right) for c in CAPITAL_HEAD[1:]]
    body = [[Paragraph(row[0], style), *row[1:]] for row in CAPITAL_BODY]
    table = Table([head, *body], colWidths=[170, 70, 80, 70, 70])
    last = len(body)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 1), (-1, -1), "Helvetica"),
                ("FONTNAME", (0, last), (-1, last), "Helvetica-Bold"),
                ("FONTSIZE", (0, 1), (-1, -1), 9),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.black),
                ("LINEBELOW", (0, 1), (-1, last - 2), 0.3, colors.grey),
                ("LINEABOVE", (0, last), (-1, last), 1.2, colors.black),
                ("LINEBELOW", (0, last), (-1, last), 1.2, colors.black),
            ]
        )
    )
    return _build(path, _story("Capital programme monitoring", table))


def booktabs(path: Path) -> Path:
    table = Table([list(BOOK_HEAD), *map(list, BOOK_BODY)], colWidths=[120, 80, 80, 70])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black),
            ]
        )
    )
    return _build(path, _story("Postal votes by ward", table))


# An Excel plan's reserves: the labels' column between two years' figures, a caption in it under
# the header, ruled over the header and under the last row only (header and rows in one band).
RESERVES_HEAD = ("Core £000s", "Total £000s", "", "Core £000s", "Total £000s")
RESERVES_CAPTION = ("", "", "MEMORANDUM: The net impact on reserves is:", "", "")
RESERVES_BODY = [
    ("27,481.5", "27,481.5", "Contributions to Reserves", "43,240.9", "57,440.9"),
    ("-14,877.4", "-16,227.9", "Drawdowns from Reserves", "-10,607.1", "-36,205.2"),
    ("12,604.1", "11,253.6", "Net movement in Reserves", "32,633.8", "21,235.7"),
]


RESERVES_MORE = [
    ("11,806.0", "11,806.0", "Revenue Support Grant", "15,680.3", "15,680.3"),
    ("117,046.1", "117,046.1", "Social Care Grant", "137,143.6", "137,143.6"),
]


def reserves(path: Path) -> Path:
    rows = [list(RESERVES_HEAD), list(RESERVES_CAPTION), *map(list, RESERVES_BODY), *map(list, RESERVES_MORE)]
    last = 1 + len(RESERVES_BODY)  # ruled under the reserves' rows and under the grants
    table = Table(rows, colWidths=[65, 65, 200, 65, 65])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "Helvetica"),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("ALIGN", (0, 0), (1, -1), "RIGHT"),
                ("ALIGN", (3, 0), (4, -1), "RIGHT"),
                ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
                ("LINEBELOW", (0, last), (-1, last), 0.5, colors.black),
                ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black),
            ]
        )
    )
    return _build(path, _story("Revenue plan and financing", table))
