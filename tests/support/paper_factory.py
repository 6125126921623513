"""Real PDFs for the layout tests, one maker per defect class, drawn with reportlab's canvas
so that where each string sits, and in what order it is written, is exactly what the test says.

Each maker returns the path; the texts the tests expect are built from the same constants.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

W, H = A4  # 595.27 x 841.89 points
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BODY = "Helvetica"
BOLD = "Helvetica-Bold"


def wrap(text: str, width: float, font: str = BODY, size: float = 10) -> list[str]:
    """Greedy word wrap by measured width, as a word processor would."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if pdfmetrics.stringWidth(trial, font, size) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _canvas(path: Path, pagesize: tuple[float, float] = A4, title: str | None = None) -> canvas.Canvas:
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=pagesize, invariant=1)
    if title is not None:
        c.setTitle(title)
    return c


def _top(y: float, size: float) -> float:
    """Baseline for text whose top sits `y` points below the page top."""
    return H - y - size


def paragraph(
    c: canvas.Canvas,
    text: str,
    x: float,
    y: float,
    width: float,
    size: float = 10,
    font: str = BODY,
    leading: float = 1.25,
) -> float:
    """Draw a wrapped paragraph with its first line's top at y from the page top; returns the y below it."""
    c.setFont(font, size)
    for line in wrap(text, width, font, size):
        c.drawString(x, _top(y, size), line)
        y += size * leading
    return y


# ---------------------------------------------------------------- two columns

TWO_COLUMN_TITLE = "Quarterly Highways Report"
TWO_COLUMN_LEFT = [
    "The county maintains four thousand miles of road and the winter service treats a third of them "
    "whenever frost or snow is forecast for the morning.",
    "Pothole repairs rose by a fifth this quarter after the wet autumn, and the backlog now stands "
    "at about nine hundred defects across the network.",
]
TWO_COLUMN_RIGHT = [
    "Street lighting conversion to LED is complete in the southern area and will reach the north "
    "by the spring, saving energy and carbon each year.",
    "Members are asked to note the performance set out in this report and to comment on the "
    "proposed programme of resurfacing for next year.",
]
TWO_COLUMN_FOOTER = "Northshire County Council"


def two_column(path: Path) -> Path:
    """A full-width title, two columns whose paragraph gaps line up exactly (the case plain
    XY-cut reads across), and a footer."""
    c = _canvas(path)
    c.setFont(BOLD, 16)
    c.drawString(60, _top(60, 16), TWO_COLUMN_TITLE)
    col = (W - 120 - 24) / 2
    for x, paras in ((60, TWO_COLUMN_LEFT), (60 + col + 24, TWO_COLUMN_RIGHT)):
        y = 100.0
        for text in paras:
            y = paragraph(c, text, x, y, col) + 10
    c.setFont(BODY, 8)
    c.drawCentredString(W / 2, 30, TWO_COLUMN_FOOTER)
    c.showPage()
    c.save()
    return path


# ---------------------------------------------------------------- three-column slide

SLIDE = (720.0, 405.0)
SLIDE_TITLE = "Budget consultation 2026/27"
SLIDE_COLUMNS = [
    ("Housing", ["Build two hundred affordable homes on council land by 2028", "Bring empty properties back into use"]),
    (
        "Transport",
        [
            "Extend concessionary fares to community transport schemes",
            "Resurface the worst roads first",
            "Pilot demand-responsive buses in rural villages",
        ],
    ),
    ("Environment", ["Plant ten thousand trees with schools and parish councils across the county"]),
]


def three_column_slide(path: Path) -> Path:
    """A slide exported to PDF: a title, three narrow text boxes side by side, each a heading
    and bullets whose wrapped lines are short because the column is narrow."""
    c = _canvas(path, pagesize=SLIDE)
    width, height = SLIDE
    c.setFont(BOLD, 24)
    c.drawString(40, height - 40 - 24, SLIDE_TITLE)
    col = (width - 80 - 2 * 30) / 3
    for k, (heading, bullets) in enumerate(SLIDE_COLUMNS):
        x = 40 + k * (col + 30)
        y = height - 100 - 16
        c.setFont(BOLD, 16)
        c.drawString(x, y, heading)
        y -= 28 + 4 * k  # each box's own spacing, as slide boxes have
        for bullet in bullets:
            c.setFont(BODY, 14)
            c.drawString(x, y, "\u2022")
            for line in wrap(bullet, col - 16, BODY, 14):
                c.drawString(x + 16, y, line)
                y -= 17
            y -= 9 + 3 * k
    c.showPage()
    c.save()
    return path


# ---------------------------------------------------------------- a ModernGov pack

PACK_HEADER = "Cabinet - 11 December 2025"
PACK_FRONT = [
    "Northshire County Council",
    "Cabinet",
    "Thursday, 11 December 2025 at 2.00 pm",
    "Council Chamber, County Hall",
]
PACK_AGENDA = [
    "Agenda",
    "1. Apologies for absence",
    "2. Minutes of the last meeting (Pages 1 - 2)",
    "3. Budget monitoring report (Pages 3 - 6)",
]


def moderngov_pack(path: Path, report_pages: int = 6) -> Path:
    """Front sheet and agenda unstamped; then report pages each with the running header and
    the pack's "Page N" stamp, N from 1; the budget report also numbers its own pages (a bare
    number at the bottom right), and one page has a stray number in its body."""
    c = _canvas(path, title="Agenda Template")
    c.setFont(BOLD, 20)
    c.drawString(60, _top(80, 20), PACK_FRONT[0])
    c.setFont(BOLD, 16)
    c.drawString(60, _top(120, 16), PACK_FRONT[1])
    c.setFont(BODY, 11)
    c.drawString(60, _top(150, 11), PACK_FRONT[2])
    c.drawString(60, _top(168, 11), PACK_FRONT[3])
    c.showPage()
    c.setFont(BOLD, 16)
    c.drawString(60, _top(60, 16), PACK_AGENDA[0])
    c.setFont(BODY, 11)
    for k, item in enumerate(PACK_AGENDA[1:]):
        c.drawString(60, _top(100 + 20 * k, 11), item)
    c.showPage()
    for n in range(1, report_pages + 1):
        c.setFont(BODY, 9)
        c.drawRightString(W - 60, _top(30, 9), PACK_HEADER)
        c.setFont(BOLD, 13)
        c.drawString(60, _top(80, 13), f"Report section {n}")
        body = (
            f"This is page {n} of the reports. The budget for 2025/26 is set out in the "
            "tables that follow, with the forecast outturn for each directorate."
        )
        y = paragraph(c, body, 60, 110, W - 120, 11)
        if n == 2:
            c.setFont(BODY, 11)
            c.drawString(60, _top(y + 10, 11), "15")  # a stray number in the body text
        if 3 <= n <= 5:
            c.setFont(BODY, 9)
            c.drawRightString(W - 60, 40, str(n - 2))  # the budget report's own numbering
        c.setFont(BODY, 10)
        c.drawCentredString(W / 2, 25, f"Page {n}")
        c.showPage()
    c.save()
    return path


def stamped(path: Path, stamps: list[str], body: str = "Minutes of the meeting") -> Path:
    """One page per stamp, each stamp centred in the footer."""
    c = _canvas(path)
    for k, stamp in enumerate(stamps):
        c.setFont(BOLD, 13)
        c.drawString(60, _top(60, 13), f"{body} {k + 1}")
        paragraph(c, "The committee noted the report and agreed the recommendations. " * 3, 60, 90, W - 120, 11)
        c.setFont(BODY, 10)
        c.drawCentredString(W / 2, 30, stamp)
        c.showPage()
    c.save()
    return path


def stamped_landscape(path: Path, portrait: int, landscape: int, row_numbers: bool = False) -> Path:
    """A pack stamped "Page N" at the foot of its portrait pages, then up the left edge of its
    landscape ones (as ModernGov stamps a landscape appendix, reading top to bottom); with
    `row_numbers`, each landscape page's table has its rows numbered at the left edge too."""
    c = _canvas(path)
    for k in range(portrait + landscape):
        number = k + 1
        if k < portrait:
            c.setPageSize((W, H))
            c.setFont(BOLD, 13)
            c.drawString(60, _top(60, 13), f"Report section {number}")
            paragraph(c, "The committee noted the report and agreed the recommendations. " * 3, 60, 90, W - 120, 11)
            c.setFont(BODY, 10)
            c.drawCentredString(W / 2, 30, f"Page {number}")
        else:
            c.setPageSize((H, W))
            c.setFont(BOLD, 13)
            c.drawString(72, W - 50, f"Appendix table {number}")
            c.setFont(BODY, 9)
            for row in range(12):
                y = W - 90 - 18 * row
                if row_numbers:
                    c.drawString(38, y, str(row + 1))
                c.drawString(72, y, f"Service line {row + 1}")
                c.drawRightString(500, y, f"{1000 + 37 * row + number:,}.0")
                c.drawRightString(600, y, f"{800 + 11 * row:,}.5")
            c.saveState()
            c.translate(42, W / 2 + 20)
            c.rotate(-90)
            c.setFont(BODY, 10)
            c.drawString(0, 0, f"Page {number}")
            c.restoreState()
        c.showPage()
    c.save()
    return path


# ---------------------------------------------------------------- stream order

FOOTER_FIRST = "Printed copies may be out of date"
FOOTER_BODY = ["Decision notice", "The Cabinet agreed the recommendations set out in the report."]


def footer_first(path: Path) -> Path:
    """The footer is written first in the content stream, then the heading and the body."""
    c = _canvas(path)
    c.setFont(BODY, 8)
    c.drawString(60, 30, FOOTER_FIRST)
    c.setFont(BOLD, 14)
    c.drawString(60, _top(60, 14), FOOTER_BODY[0])
    c.setFont(BODY, 11)
    c.drawString(60, _top(90, 11), FOOTER_BODY[1])
    c.showPage()
    c.save()
    return path


ELECTION_TITLE = "Statement of Persons Nominated"
ELECTION_HEADER = ("Name of candidate", "Home address", "Description")
ELECTION_WARDS = [
    (
        "Abbey Ward",
        [
            ("ADAMS Jane", ["12 High Street", "Northtown"], "Labour Party"),
            ("BROWN Peter", ["3 Mill Lane", "Northtown"], "Green Party"),
        ],
    ),
    (
        "Bridge Ward",
        [
            ("CLARKE Amy", ["7 River View", "Southford"], "Liberal Democrats"),
            ("DAVIES Tom", ["40 Station Road", "Southford"], "Independent"),
        ],
    ),
]


def election_notice(path: Path) -> Path:
    """Ward headings and candidate rows drawn out of stream order (every heading first, then
    the rows from the bottom of the page up), as some election software writes them."""
    c = _canvas(path)
    c.setFont(BOLD, 16)
    c.drawString(60, _top(50, 16), ELECTION_TITLE)
    xs = (60, 230, 420)
    y = 90.0
    headings: list[tuple[str, float]] = []
    rows: list[tuple[tuple[str, ...] | tuple[str, list[str], str], float, bool]] = []
    for ward, candidates in ELECTION_WARDS:
        headings.append((ward, y))
        y += 24
        rows.append((ELECTION_HEADER, y, True))
        y += 20
        for candidate in candidates:
            rows.append((candidate, y, False))
            y += 34
        y += 12
    c.setFont(BOLD, 12)
    for ward, top in headings:
        c.drawString(60, _top(top, 12), ward)
    for cells, top, bold in reversed(rows):
        name, address, description = cells
        c.setFont(BOLD if bold else BODY, 10)
        c.drawString(xs[0], _top(top, 10), name)
        for k, line in enumerate([address] if isinstance(address, str) else address):
            c.drawString(xs[1], _top(top + 12 * k, 10), line)
        c.drawString(xs[2], _top(top, 10), description)
    c.showPage()
    c.save()
    return path


# ---------------------------------------------------------------- words and lines


def separate_runs(path: Path) -> Path:
    """Words placed as separate runs with no space character between them ("Cabinet" and
    "Report" 4 points apart), and one word drawn in two touching runs ("Coun" + "cil")."""
    c = _canvas(path)
    c.setFont(BODY, 12)
    y = _top(60, 12)
    x = 60.0
    for word in ("Cabinet", "Report", "on", "the"):
        c.drawString(x, y, word)
        x += pdfmetrics.stringWidth(word, BODY, 12) + 4
    c.drawString(x, y, "Coun")
    c.drawString(x + pdfmetrics.stringWidth("Coun", BODY, 12), y, "cil")
    c.showPage()
    c.save()
    return path


def lines_page(
    path: Path, lines: list[str], size: float = 11, x: float = 60, top: float = 60, leading: float = 14
) -> Path:
    """Lines drawn exactly as given, one under another (the line breaks are the test's)."""
    c = _canvas(path)
    c.setFont(BODY, size)
    for k, line in enumerate(lines):
        c.drawString(x, _top(top + k * leading, size), line)
    c.showPage()
    c.save()
    return path


def unicode_page(path: Path, lines: list[str]) -> Path | None:
    """Lines in DejaVu Sans (which has ligature glyphs and draws NBSP and soft hyphens); None
    when the font is not installed."""
    if not DEJAVU.exists():
        return None
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    c = _canvas(path)
    c.setFont("DejaVu", 11)
    for k, line in enumerate(lines):
        c.drawString(60, _top(60 + k * 14, 11), line)
    c.showPage()
    c.save()
    return path


def fake_bold(path: Path, text: str) -> Path:
    """A heading made bold by drawing it twice, half a point apart (as some drivers do)."""
    c = _canvas(path)
    c.setFont(BODY, 14)
    c.drawString(60, _top(60, 14), text)
    c.drawString(60.5, _top(60, 14), text)
    c.showPage()
    c.save()
    return path


def rotated(path: Path, lines: list[str]) -> Path:
    """A landscape page made as a portrait page with /Rotate 90, its text drawn turned so it
    reads upright on screen, as scanned and printed landscape pages are."""
    c = _canvas(path, pagesize=(H, W))  # reportlab swaps the media box back for /Rotate 90
    c.setPageRotation(90)
    for k, line in enumerate(lines):
        # Seen page: x' = user y, y' = user x; a baseline `top` below the seen top is user x.
        c.saveState()
        c.translate(60 + 14 * k + 11, 60)
        c.rotate(90)
        c.setFont(BODY, 11)
        c.drawString(0, 0, line)
        c.restoreState()
    c.showPage()
    c.save()
    return path


def tiny_glyphs(path: Path, count: int = 100_000) -> Path:
    """A page of `count` tiny glyphs (a chart or map drawn as text)."""
    c = _canvas(path)
    text = c.beginText()
    text.setFont(BODY, 1)
    per_line = 500
    row = "x" * per_line
    for k in range(count // per_line):
        text.setTextOrigin(20, H - 20 - k * 1.2)
        text.textOut(row)
    c.drawText(text)
    c.showPage()
    c.save()
    return path


# ---------------------------------------------------------------- a filled-in form

FORM_LABELS = ("Date of meeting:", "Venue:", "Urgent item:")
FORM_VALUES = ("11 December 2025", "Council Chamber")


def filled_form(path: Path) -> Path:
    """A pro-forma with two filled text fields and a ticked box beside their labels."""
    c = _canvas(path)
    c.setFont(BOLD, 14)
    c.drawString(60, _top(50, 14), "Notice of meeting")
    c.setFont(BODY, 11)
    form = c.acroForm
    for k, label in enumerate(FORM_LABELS):
        top = 90 + 30 * k
        c.drawString(60, _top(top, 11), label)
        y = H - top - 16
        if k < len(FORM_VALUES):
            form.textfield(
                name=f"field{k}",
                value=FORM_VALUES[k],
                x=170,
                y=y,
                width=220,
                height=18,
                fontName=BODY,
                fontSize=11,
                borderWidth=0,
            )
        else:
            form.checkbox(name="urgent", checked=True, x=170, y=y, size=14, buttonStyle="check")
    c.showPage()
    c.save()
    return path


# A table of contents set as Word sets it: each entry's title, a dot leader across the line and
# its page number at the right margin, one entry a line, every line as full as the last.
CONTENTS = [("Chairman's Foreword", "3"), ("The Armed Forces Act 2021", "5"), ("Kent Events", "11"), ("Training", "18")]


def contents_page(path: Path) -> Path:
    c = _canvas(path, title="Annual report")
    size, left, right = 11.0, 72.0, 523.0
    c.setFont(BODY, size)
    for n, (title, number) in enumerate(CONTENTS):
        y = _top(100.0 + n * 1.2 * size, size)
        room = right - left - c.stringWidth(f"{title}  {number}", BODY, size)
        dots = "." * int(room / c.stringWidth(".", BODY, size))
        c.drawString(left, y, f"{title}{dots}")
        c.drawRightString(right, y, number)
    c.showPage()
    c.save()
    return path


def underlined_headings(path: Path) -> Path:
    """A Word finance appendix whose headings are marked only by an underline, at body size and
    weight: a heading, its paragraph, a sentence underlined for stress, and a line over a rule
    that runs on across the page (a section's rule, no underline)."""
    c = _canvas(path)
    size = 11.0
    rows = [
        ("Economic Outlook - Growth", "heading"),
        ("The economy grew by 0.9 per cent in the year to September, below the forecast made in spring.", ""),
        ("The council must set a balanced budget.", "heading"),
        ("Fiscal Outlook - Public Sector Receipts", "rule"),
        ("Receipts rose in line with earnings, and the forecast for next year is unchanged from March.", ""),
        ("ADASS Roadmap", "heading"),  # two links, underlined one under the other
        ("Mental Capacity Act 2005: DoLS Safeguards", "heading"),
    ]
    y = 80.0
    for text, under in rows:
        c.setFont(BODY, size)
        base = _top(y, size)
        c.drawString(60, base, text)
        width = c.stringWidth(text, BODY, size)
        c.setLineWidth(0.8)
        if under == "heading":
            c.line(60, base - 1.5, 60 + width, base - 1.5)
        elif under == "rule":
            c.line(40, base - 1.5, 555, base - 1.5)
        y += 40
    c.showPage()
    c.save()
    return path


def footnote_marks(path: Path) -> Path:
    """Figures and words with raised footnote marks, as Word sets them (smaller, on a raised
    baseline, straight after the text), and a floor area in square metres."""
    c = _canvas(path)
    size = 11.0
    base = _top(80, size)
    pieces = [("The budget is balanced by 2029-30", ""), ("1", "sup"), (", and spending rose 6.3%", ""), ("12", "sup")]
    pieces += [(". The hall has 500m", ""), ("2", "sup"), (" of floor space.", "")]
    second = [("The yard has 1,500 m", ""), ("2", "sup"), (", bought for £10m", ""), ("3", "sup"), (".", "")]
    for line, y in ((pieces, base), (second, base - 14)):
        x = 60.0
        for text, kind in line:
            small = kind == "sup"
            c.setFont(BODY, 7 if small else size)
            c.drawString(x, y + (4 if small else 0), text)
            x += c.stringWidth(text, BODY, 7 if small else size)
    c.showPage()
    c.save()
    return path


def clipped_text(path: Path) -> Path:
    """A line of text drawn inside a clip that shows none of it (a label a spreadsheet kept
    hidden under its cells), between two lines that are seen."""
    c = _canvas(path)
    c.setFont(BODY, 11)
    c.drawString(60, _top(60, 11), "The register lists each risk to the budget.")
    c.saveState()
    clip = c.beginPath()
    clip.rect(60, _top(100, 11) + 20, 300, 1.5)  # a sliver above the hidden line
    c.clipPath(clip, stroke=0, fill=0)
    c.drawString(60, _top(100, 11), "Significant Risks (over 10m)")
    c.restoreState()
    c.drawString(60, _top(140, 11), "Each risk is scored for its likelihood.")
    c.showPage()
    c.save()
    return path


def stamped_form(path: Path) -> Path:
    """A page number stamped from a form XObject with a tight box (as stamping tools draw
    one): its clip is in the form's own space, its glyphs on the page."""
    c = _canvas(path)
    c.setFont(BODY, 12)
    c.drawString(72, 760, "Body text of the report")
    c.beginForm("stamp", lowerx=0, lowery=0, upperx=60, uppery=12)
    c.setFont(BODY, 11)
    c.drawString(0, 0, "Page 12")
    c.endForm()
    c.saveState()
    c.translate(274, 36)
    c.doForm("stamp")
    c.restoreState()
    c.showPage()
    c.save()
    return path
