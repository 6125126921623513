"""A slide of coloured boxes, drawn with reportlab as PowerPoint exports one (Kent's "Overview of
the Integrated Care Strategy"): lines centred over a row of boxes, each box's two or three lines centred
in it up and down (so the boxes' lines stand at different heights), a row of boxes of bulleted
points with hanging indents, and a box of statements centred one per line under a bold label. The texts the tests
expect are built from the same constants."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from paper_factory import wrap

PAGE = (960.0, 540.0)
TITLE = "Overview of the Council Plan"
OVER = ["Our vision:", "We will work with our residents to make every place in the county a good place to live"]
TOGETHER = "Together we will…"
AIMS = [  # each centred in its box up and down: three lines or two, so they stand at different heights
    "Give children and young people the best start in life",
    "Keep people well at home",
    "Grow a fair and green local economy for all",
    "Empower patients and carers",
    "Run an open and careful council",
]
ACHIEVE = "What we need to achieve"
POINTS = [  # each box's bulleted points, wrapped in the box with a hanging indent
    ["Support families and communities so children thrive", "Help schools raise attendance"],
    ["Support people to live well at home for longer", "Improve care for carers"],
    ["Bring new jobs to the market towns", "Help small firms with apprenticeships and training"],
    ["Plant trees along every main road", "Clean up rivers and streams"],
    ["Publish every decision with its reasons", "Answer letters within ten days"],
]
ENABLERS = "Enablers:"
STATEMENTS = [
    "We will listen to residents before we decide",
    "We will make the most of every pound and every building that we hold for the county",
    "We will work with our partners in health and policing",
]
SIZE = 11.0


def _centred(c: canvas.Canvas, lines: list[str], middle: float, top: float, lead: float) -> None:
    for n, text in enumerate(lines):
        c.drawString(middle - stringWidth(text, "Helvetica", SIZE) / 2, top - n * lead, text)


def boxed_slide(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=PAGE, invariant=1)
    width, height = PAGE
    c.setFont("Helvetica", 26)
    c.drawString(40, height - 56, TITLE)
    c.setFont("Helvetica", SIZE)
    _centred(c, OVER, width / 2, height - 90, 15)
    _centred(c, [TOGETHER], width / 2, height - 130, 15)
    box, gap, left = 160.0, 22.0, 40.0
    for k, aim in enumerate(AIMS):
        x = left + k * (box + gap)
        c.setFillColor(colors.HexColor("#A0195F"))
        c.rect(x, height - 220, box, 70, stroke=0, fill=1)
        c.setFillColor(colors.white)
        lines = wrap(aim, box - 60, "Helvetica", SIZE)  # narrow: each aim wraps
        first = height - 185 + (len(lines) - 1) * 14 / 2  # centred up and down in the box
        _centred(c, lines, x + box / 2, first - 4, 14)
    c.setFillColor(colors.black)
    _centred(c, [ACHIEVE], width / 2, height - 240, 15)
    for k, points in enumerate(POINTS):
        x = left + k * (box + gap)
        c.setFillColor(colors.HexColor("#00968F"))
        c.rect(x, height - 400, box, 145, stroke=0, fill=1)
        c.setFillColor(colors.white)
        y = height - 270
        for point in points:
            c.drawString(x + 6, y, "\u2022")
            for line in wrap(point, box - 24, "Helvetica", SIZE):
                c.drawString(x + 18, y, line)
                y -= 13
    c.setFillColor(colors.HexColor("#0050B4"))
    c.rect(left, 30, width - 2 * left, 80, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", SIZE)  # the box's label in bold, as Kent's "Enablers:"
    c.drawString((width - stringWidth(ENABLERS, "Helvetica-Bold", SIZE)) / 2, 92, ENABLERS)
    c.setFont("Helvetica", SIZE)
    _centred(c, STATEMENTS, width / 2, 77, 15)
    c.showPage()
    c.save()
    return path
