"""An Excel revenue plan as councils export one: last year's figures at the left, the labels,
then the plan's years, each group of columns boxed, and the totals ruled under the groups of
figures only (the rules stop short of the labels). Last year's totals are right-aligned
against the box's side, the label starting just past it: only the drawn line parts them."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
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
