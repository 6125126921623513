"""An equality impact assessment as Kent's EqIA app prints it: each section's title set in white
on a dark teal band across the form, its questions in bold and the answers in plain type, each
row ruled off. Beside them, two things in white that are no headings: a bullet and a sentence
in a coloured callout, as a slide sets them."""

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
