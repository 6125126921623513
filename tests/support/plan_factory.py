"""An Excel revenue plan as councils export one: last year's figures at the left, the labels,
then the plan's years, each group of columns boxed, and the totals ruled under the groups of
figures only (the rules stop short of the labels). Last year's totals are right-aligned
against the box's side, the label starting just past it: only the drawn line parts them."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

SIZE = 7.0
PITCH = 11.0
LAST_YEAR = (30.0, 190.0)  # its box, left to right
LABELS = (190.0, 400.0)
PLAN = (400.0, 800.0)
LAST_X = (80.0, 135.0, 188.0)  # right edges of Core, External, Total (the last against the box)
PLAN_X = (470.0, 530.0, 590.0, 660.0, 720.0, 790.0)
HEAD = ("Core", "External", "Total", "Item", "Core", "External", "Total", "Core", "External", "Total")
ROWS = [
    (
        "1,315,610.6",
        "",
        "1,315,610.6",
        "Revised Base",
        "1,428,670.2",
        "836.6",
        "1,429,506.8",
        "1,530,923.8",
        "0.0",
        "1,530,923.8",
    ),
    ("31,721.5", "", "31,721.5", "Base Budget Changes", "10,320.7", "-744.1", "9,576.6", "-100.0", "0.0", "-100.0"),
    ("10,798.4", "505.1", "11,303.5", "Pay", "21,845.7", "626.9", "22,472.6", "12,524.5", "0.0", "12,524.5"),
    ("49,568.4", "1,695.6", "51,264.0", "Prices", "41,407.1", "1,944.4", "43,351.5", "31,361.3", "0.0", "31,361.3"),
    (
        "16,393.1",
        "-10,327.3",
        "6,065.8",
        "Government & Legislative",
        "-14,666.5",
        "9,570.4",
        "-5,096.1",
        "339.5",
        "-23,335.3",
        "-22,995.8",
    ),
    (
        "209,578.3",
        "-9,380.7",
        "200,197.6",
        "TOTAL SPENDING",
        "151,171.3",
        "48,960.3",
        "200,131.6",
        "113,024.4",
        "-38,698.8",
        "74,325.6",
    ),
    ("-36,454.8", "", "-36,454.8", "Transformation", "-30,834.5", "0.0", "-30,834.5", "-10,788.7", "0.0", "-10,788.7"),
    ("-15,406.6", "-281.3", "-15,687.9", "Income", "-20,109.3", "0.0", "-20,109.3", "-6,344.6", "0.0", "-6,344.6"),
    (
        "-51,861.4",
        "-281.3",
        "-52,142.7",
        "TOTAL SAVINGS",
        "-50,943.8",
        "0.0",
        "-50,943.8",
        "-17,133.3",
        "0.0",
        "-17,133.3",
    ),
]
TOTALS = (5, 8)  # rows ruled under


def plan(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    _width, height = landscape(A4)

    def y_of(top: float) -> float:
        return height - top - SIZE

    c.setFont("Helvetica", SIZE)
    top = 60.0
    xs = [*LAST_X, LABELS[0] + 3.0, *PLAN_X]
    for k, (x, text) in enumerate(zip(xs, HEAD, strict=True)):
        (c.drawString if k == 3 else c.drawRightString)(x, y_of(top), text)
    table_top = top - 4.0
    for n, row in enumerate(ROWS):
        y = top + (n + 1) * PITCH
        for k, (x, text) in enumerate(zip(xs, row, strict=True)):
            if text:
                (c.drawString if k == 3 else c.drawRightString)(x, y_of(y), text)
        if n in TOTALS:
            rule = height - (y + SIZE + 2.0)
            c.line(LAST_YEAR[0], rule, LAST_YEAR[1], rule)  # under the figures, not the label
            c.line(PLAN[0], rule, PLAN[1], rule)
    bottom = height - (top + (len(ROWS) + 1) * PITCH + 4.0)
    for x0, x1 in (LAST_YEAR, PLAN):
        c.rect(x0, bottom, x1 - x0, height - table_top - bottom)
    c.showPage()
    c.save()
    return path


# The plan's second page: the same frame, ruled right across under a few rows only, so the
# rows under that rule stand in one box each side of the labels; a section's name in bold.
FUND_YEARS = ("2024-25", "2025-26")
FUND_HEAD = ("Core", "External", "Total", "", "Core", "External", "Total")
FUND_X = (80.0, 135.0, 188.0, 193.0, 520.0, 650.0, 790.0)  # right edges; the label's left
RESERVES = [
    ("27,481.5", "0.0", "27,481.5", "Contributions to Reserves", "43,240.9", "14,200.0", "57,440.9"),
    ("-14,877.4", "-1,350.5", "-16,227.9", "Drawdowns from Reserves", "-10,607.1", "-25,598.1", "-36,205.2"),
    ("12,604.1", "-1,350.5", "11,253.6", "Net movement in Reserves", "32,633.8", "-11,398.1", "21,235.7"),
]
SECTION = "Funding per the Settlement & Local Taxation"
FUNDING = [
    ("", "", "11,806.0", "Revenue Support Grant", "", "", "15,680.3"),
    ("", "", "117,046.1", "Social Care Grant", "", "", "137,143.6"),
    ("", "", "", "Domestic Abuse Safe Accommodation Grant", "", "", "4,031.2"),
    ("", "", "1,311.9", "Services Grant", "", "", "0.0"),
    ("", "", "147,382.5", "Business Rate Top-up Grant", "", "", "149,107.7"),
    ("", "", "2,058.5", "New Homes Bonus", "", "", "1,926.7"),
    ("", "", "1,429,506.8", "Total Funding", "", "", "1,531,279.8"),
]


def funding(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    _width, height = landscape(A4)

    def put(k: int, top: float, text: str, font: str = "Helvetica") -> None:
        c.setFont(font, SIZE)
        (c.drawString if k == 3 else c.drawRightString)(FUND_X[k], height - top - SIZE, text)

    def across(top: float) -> None:
        c.line(LAST_YEAR[0], height - top, PLAN[1], height - top)

    top = 40.0
    c.setFont("Helvetica-Bold", SIZE)
    for year, first, last in zip(FUND_YEARS, (0, 4), (2, 6)):  # centred over its three columns
        left = FUND_X[first] - c.stringWidth(FUND_HEAD[first], "Helvetica", SIZE)
        c.drawCentredString((left + FUND_X[last]) / 2, height - top - PITCH - SIZE, year)
    for k, text in enumerate(FUND_HEAD):
        if text:
            put(k, top + 2 * PITCH, text)
    y = top + 3 * PITCH
    for row in RESERVES:
        for k, text in enumerate(row):
            put(k, y, text)
        y += PITCH
    across(y + 2.0)
    y += PITCH
    put(3, y, SECTION, "Helvetica-Bold")
    y += PITCH
    for row in FUNDING:
        for k, text in enumerate(row):
            if text:
                put(k, y, text)
        y += PITCH
    bottom = y + 4.0
    across(top)
    across(bottom)
    for x in (LAST_YEAR[0], LAST_YEAR[1], PLAN[0], PLAN[1]):
        c.line(x, height - top, x, height - bottom)
    c.showPage()
    c.save()
    return path


# A note of a few lines in the labels' column, just over the rows of a table not ruled: its
# lines are no header, though one starts with a year as header cells do.
NOTE = [
    "* the prior year savings rolled forward for delivery in",
    "2025-26 will be updated as part of the outturn report,",
    "and those figures will be used for the 2025-26",
]
NOTED_ROWS = [
    ("27,481.5", "", "27,481.5", "Contributions to Reserves", "43,240.9", "14,200.0", "57,440.9"),
    ("-24,739.6", "", "-24,739.6", "Removal of prior year Contributions", "-34,545.8", "-10,640.0", "-45,185.8"),
    ("-14,877.4", "-1,350.5", "-16,227.9", "Drawdowns from Reserves", "-10,607.1", "-25,598.1", "-36,205.2"),
    ("5,318.9", "3,811.0", "9,129.9", "Removal of prior year Drawdowns", "14,877.4", "1,271.9", "16,149.3"),
]


NOTED_X = (80.0, 135.0, 188.0, 205.0, 520.0, 650.0, 790.0)  # no drawn lines: the label set apart


def noted(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    _width, height = landscape(A4)
    c.setFont("Helvetica", SIZE)
    top = 60.0
    for n, line in enumerate(NOTE):
        c.drawString(NOTED_X[3], height - top - n * PITCH - SIZE, line)
    top += len(NOTE) * PITCH + 2.0
    for n, row in enumerate(NOTED_ROWS):
        for k, text in enumerate(row):
            if text:
                (c.drawString if k == 3 else c.drawRightString)(NOTED_X[k], height - top - n * PITCH - SIZE, text)
    c.showPage()
    c.save()
    return path


# Years over the same three sub-headings repeated, each year set over its External heading
# (not centred over its group), a heading over the last two years, and figures in the Total
# columns only (so the Core and External headings have no column of their own), in a frame.
PLANNED = "INDICATIVE FOR PLANNING PURPOSES"
YEARS = ("2024-25", "2025-26", "2026-27", "2027-28")
SUBHEADS = ("Core", "External", "Total")
YEAR_ROWS = [
    ("Revenue Support Grant", "11,806.0", "15,680.3", "16,101.0", "16,448.1"),
    ("Domestic Abuse Safe Accommodation Grant", "", "4,031.2", "4,031.2", "4,031.2"),
    ("Services Grant", "1,311.9", "0.0", "0.0", "0.0"),
    ("New Homes Bonus", "2,058.5", "1,926.7", "0.0", "0.0"),
]


def _year_x(group: int, sub: int) -> float:
    """The right edge of sub-heading `sub` of year `group`."""
    return 330.0 + group * 130.0 + (30.0, 70.0, 115.0)[sub]


def years_over_totals(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    _width, height = landscape(A4)

    def right(x: float, top: float, text: str) -> None:
        c.drawRightString(x, height - top - SIZE, text)

    top = 60.0
    c.setFont("Helvetica-Bold", SIZE)
    c.drawCentredString((_year_x(2, 0) - 25.0 + _year_x(3, 2)) / 2, height - top - SIZE, PLANNED)
    for g, year in enumerate(YEARS):
        right(_year_x(g, 1), top + PITCH, year)
        for k, sub in enumerate(SUBHEADS):
            right(_year_x(g, k), top + 2 * PITCH, sub)
            right(_year_x(g, k), top + 3 * PITCH, "£000s")
    c.setFont("Helvetica", SIZE)
    for n, (label, *totals) in enumerate(YEAR_ROWS):
        y = top + (5 + n) * PITCH
        c.drawString(40.0, height - y - SIZE, label)
        for g, total in enumerate(totals):
            if total:
                right(_year_x(g, 2), y, total)
    bottom = top + (5 + len(YEAR_ROWS)) * PITCH + 4.0
    c.rect(30.0, height - bottom, _year_x(3, 2) + 10.0 - 30.0, bottom - top + 4.0)
    c.showPage()
    c.save()
    return path


# An Excel budget by directorate: "TOTAL", "CYPE" and "GET" centred each over its Core,
# External and Total, among directorates of one column each ("ASCH", "Public / Health" on two
# lines, "CED"); Core and External right-aligned under them; one row of figures under it all.
DIRECTORATES = [("TOTAL", 3), ("ASCH", 1), ("Public Health", 1), ("CYPE", 3), ("CED", 1), ("GET", 3)]
DIRECTORATE_SUBS = ("Core", "External", "Total")
DIRECTORATE_ROW = ("Original base budget", "1,429.5", "0.0", "1,429.5", "612.3", "88.1", "430.0", "0.0", "430.0")
DIRECTORATE_ROW += ("33.6", "201.7", "0.0", "201.7")


def directorates(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    _width, height = landscape(A4)
    step, x, top = 52.0, 190.0, 60.0
    columns: list[tuple[float, str, str]] = []  # (right edge, group, sub-heading)
    figures = iter(DIRECTORATE_ROW[1:])
    for name, count in DIRECTORATES:
        subs = DIRECTORATE_SUBS[:count] if count > 1 else ("External" if name == "Public Health" else "Core",)
        first = x + step
        widest = 0.0  # the first column's widest text: where the group's columns begin
        for k, sub in enumerate(subs):
            x += step
            columns.append((x, name, sub))
            texts = (sub, "£000s", next(figures))
            if k == 0:
                widest = max(stringWidth(t, "Helvetica", SIZE) for t in texts)
        c.setFont("Helvetica-Bold", SIZE)
        middle = (first - widest + x) / 2
        if name == "Public Health":
            c.drawCentredString(middle, height - top - SIZE, "Public")
            c.drawCentredString(middle, height - top - PITCH - SIZE, "Health")
        else:
            c.drawCentredString(middle, height - top - 0.5 * PITCH - SIZE, name)
    c.setFont("Helvetica", SIZE)
    for right_x, _name, sub in columns:
        c.drawRightString(right_x, height - top - 2 * PITCH - SIZE, sub)
        c.drawRightString(right_x, height - top - 3 * PITCH - SIZE, "£000s")
    for n in range(3):
        y = top + (5 + n) * PITCH
        c.drawString(40.0, height - y - SIZE, DIRECTORATE_ROW[0] if n == 0 else f"Change {n}")
        for (right_x, _name, _sub), figure in zip(columns, DIRECTORATE_ROW[1:]):
            c.drawRightString(right_x, height - y - SIZE, figure)
    c.showPage()
    c.save()
    return path
