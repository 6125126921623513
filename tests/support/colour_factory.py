"""Papers whose colours carry or hide structure.

An equality impact assessment as Kent's EqIA app prints it: each section's title set in white on
a dark teal band across the form, its questions in bold and the answers in plain type, each row
ruled off. Beside them, two things in white that are no headings: a bullet and a sentence in a
coloured callout, as a slide sets them. And text shaded white word by word (white_shaded)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

H = A4[1]
TEAL = colors.HexColor("#1f4e5a")
ROWS = [
    ("band", "20. Negative impacts and Mitigating actions for Disability"),
    ("bold", "Are there negative impacts for Disability?"),
    ("plain", "No"),
    ("bold", "Mitigating actions for Disability"),
    ("plain", "Not Applicable"),
    ("bold", "Details of Negative Impacts for Disability"),
    ("plain", "The service will be delivered from the same buildings, which are accessible to all users."),
    ("bold", "Responsible Officer for Disability"),
    ("plain", "Head of Service for Family Hubs and Children's Centres in the north of the county"),
    ("band", "22. Negative Impacts and Mitigating actions for Gender identity/transgender"),
    ("bold", "Are there negative impacts for Gender identity/transgender"),
    ("plain", "No"),
    ("callout", "\u2022 Support carers and their families"),
    ("callout", "Every family is offered a visit within two weeks of the referral."),
]


def eqia_bands(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    size, step, left, right = 10.0, 16.0, 50.0, 545.0
    y = H - 80
    for kind, text in ROWS:
        if kind in ("band", "callout"):
            c.setFillColor(TEAL if kind == "band" else colors.HexColor("#7030a0"))
            c.rect(left, y - 4, right - left, step, stroke=0, fill=1)
            c.setFillColor(colors.white)
        else:
            c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold" if kind == "bold" else "Helvetica", size)
        c.drawString(left + 3, y, text)
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.5)
        c.line(left, y - 4, right, y - 4)
        y -= step
    c.showPage()
    c.save()
    return path


RISK_TEXT = (
    "The Council, along with the local government sector, continues to operate in an increasingly "
    "difficult financial and operating environment, which carries significant risk implications for "
    "the achievement of the Authority's objectives. The table below shows the number of corporate "
    "risks in each risk level."
)


def white_shaded(path: Path, *, by_line: bool = False) -> Path:
    """A risk register's paragraph pasted into Word with white shading: a white box drawn behind
    every word and every space, each line's boxes abutting, as Word's Aspose export draws it;
    `by_line`: one box behind each line, as far as the line reaches (Word 365's export), the
    shading ending part way along a line."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    size, step, left, width = 11.0, 13.8, 65.0, 470.0
    words = RISK_TEXT.split()
    y = H - 80
    line: list[str] = []
    rows: list[list[str]] = []
    for word in words:
        if line and c.stringWidth(" ".join([*line, word]), "Helvetica", size) > width:
            rows.append(line)
            line = []
        line.append(word)
    rows.append(line)
    space = c.stringWidth(" ", "Helvetica", size)
    for row in rows:
        x = left
        if by_line and row is not rows[-1]:
            # The shaded passage ends part way along the paragraph's second last line.
            shaded = row if row is not rows[-2] else row[: len(row) // 2]
            c.setFillColor(colors.white)
            c.rect(left, y - 3, c.stringWidth(" ".join(shaded), "Helvetica", size), step, stroke=0, fill=1)
        for k, word in enumerate(row):
            w = c.stringWidth(word, "Helvetica", size)
            c.setFillColor(colors.white)
            if not by_line:
                c.rect(x, y - 3, w, step, stroke=0, fill=1)
                if k + 1 < len(row):
                    c.rect(x + w, y - 3, space, step, stroke=0, fill=1)
            c.setFillColor(colors.black)
            c.setFont("Helvetica", size)
            c.drawString(x, y, word)
            x += w + space
        y -= step
    c.showPage()
    c.save()
    return path
