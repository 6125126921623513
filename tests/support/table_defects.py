"""Real PDFs of the kinds of table that were read wrong on real papers, drawn with reportlab.

Each maker writes the PDF and returns its path; the cells the tests expect are the constants
below, written out by hand (never read back from the PDF), so a wrong row or header fails.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
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
