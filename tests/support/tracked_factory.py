"""A terms-of-reference page published with tracked changes, as Word prints them: deleted
words struck through with a thin line across their middle, inserted ones underlined; and, on
the same page, things that are not deletions: a table's rule running through a "Page 3" stamp
printed over it, and a cell shaded with thin strips behind its label. And a constitution's
changes in red (red_changes): deletions struck in red, insertions in red bold, under a title
underlined in black and beside a link underlined in blue."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from paper_factory import BODY, BOLD, _canvas, _top

SIZE = 11.0
X = 72.0
# (text, how it is marked): "" plain, "struck" deleted, "under" inserted.
CHANGED = [
    ("b)", "struck"),
    ("a)", "under"),
    ("monitoring the development and operation", ""),
    ("oversight", "struck"),
    ("of the Council's governance", ""),
    ("and assurance", "under"),
    ("frameworks.", ""),
]
EXPECTED = (
    "[deleted: b)] [added: a)] monitoring the development and operation [deleted: oversight] of the Council's "
    "governance [added: and assurance] frameworks."
)
WHOLE_LINE = "c) oversight of the framework of assurance."
STAMP = "Page 3"
SHADED = "Significant"


def tracked(path: Path) -> Path:
    c = _canvas(path, title="Terms of reference")
    c.setFont(BODY, SIZE)
    y = _top(100.0, SIZE)
    x = X
    space = pdfmetrics.stringWidth(" ", BODY, SIZE)
    for text, mark in CHANGED:
        width = pdfmetrics.stringWidth(text, BODY, SIZE)
        c.drawString(x, y, text)
        c.setLineWidth(0.5)
        if mark == "struck":
            c.line(x, y + 0.3 * SIZE, x + width, y + 0.3 * SIZE)
        elif mark == "under":
            c.line(x, y - 0.12 * SIZE, x + width, y - 0.12 * SIZE)
        x += width + space
    # A whole line deleted, on the next line.
    y2 = _top(130.0, SIZE)
    c.drawString(X, y2, WHOLE_LINE)
    c.line(X, y2 + 0.3 * SIZE, X + pdfmetrics.stringWidth(WHOLE_LINE, BODY, SIZE), y2 + 0.3 * SIZE)
    # A table rule from the margin across the page, with a stamp printed over it at the right.
    y3 = _top(300.0, SIZE)
    c.line(X, y3 + 0.3 * SIZE, 523.0, y3 + 0.3 * SIZE)
    c.drawRightString(523.0, y3, STAMP)
    # A label on a cell shaded with strips (Excel), each a thin line across the cell.
    y4 = _top(400.0, SIZE)
    c.setLineWidth(1.4)
    c.setStrokeColorRGB(0.85, 0.85, 0.95)
    for k in range(8):
        c.line(X - 2, y4 - 3 + 1.6 * k, X + 100, y4 - 3 + 1.6 * k)
    c.setStrokeColorRGB(0, 0, 0)
    c.drawString(X, y4, SHADED)
    c.showPage()
    c.save()
    return path


# As Microsoft Print To PDF prints tracked changes: the underline under inserted words and the
# strike through the deleted words beside them are filled thin boxes of one path, and a
# deletion may begin at the comma after a kept word ("Statement.," with ", and ensure" struck).
PRINTED = [
    ("They are the Chair of", ""),
    ("the Scrutiny Committee.", "under"),
    ("any other formal Committee.", "struck"),
]
PRINTED_EXPECTED = "They are the Chair of [added: the Scrutiny Committee.] [deleted: any other formal Committee.]"
KEPT, COMMA, STRUCK_AFTER = "Governance Statement.", ",", "and ensure that they properly reflect"
COMMA_EXPECTED = f"{KEPT}{COMMA} [deleted: {STRUCK_AFTER}]"


def printed_to_pdf(path: Path) -> Path:
    c = _canvas(path, title="Terms of reference")
    c.setFont(BODY, SIZE)
    space = pdfmetrics.stringWidth(" ", BODY, SIZE)
    y = _top(100.0, SIZE)
    x = X
    marks = c.beginPath()
    for text, mark in PRINTED:
        width = pdfmetrics.stringWidth(text, BODY, SIZE)
        c.drawString(x, y, text)
        if mark == "under":
            marks.rect(x, y - 0.15 * SIZE, width + space, 0.08 * SIZE)
        elif mark == "struck":
            marks.rect(x, y + 0.28 * SIZE, width, 0.06 * SIZE)
        x += width + space
    c.drawPath(marks, stroke=0, fill=1)
    y2 = _top(130.0, SIZE)
    kept = pdfmetrics.stringWidth(KEPT, BODY, SIZE)
    c.drawString(X, y2, f"{KEPT}{COMMA} {STRUCK_AFTER}")
    whole = pdfmetrics.stringWidth(f"{KEPT}{COMMA} {STRUCK_AFTER}", BODY, SIZE)
    c.rect(X + kept, y2 + 0.28 * SIZE, whole - kept, 0.06 * SIZE, stroke=0, fill=1)
    c.showPage()
    c.save()
    return path


RED_TITLE = "Appendix 2 - Proposed Changes to the Constitution"
RED_LINES = [
    [("14.60 The text of any motion must be given to the Chairman in writing.", ""), ("The following", "red")],
    [("arrangements shall apply to amendments proposed.", "red")],
    [("14.22 An online link", ""), ("(14.70)", "link"), ("to the answers", ""), ("given", "struck"), ("shall be", "")],
    [("where these have been asked before the end.", "struck")],
]
RED_EXPECTED = [
    RED_TITLE,
    "14.60 The text of any motion must be given to the Chairman in writing. [added: The following arrangements "
    "shall apply to amendments proposed.]",
    "14.22 An online link (14.70) to the answers [deleted: given] shall be [deleted: where these have been asked "
    "before the end.]",
]


# A page of its own with a new clause in red bold and nothing struck through.
RED_NEXT = [("17.59 The committee shall publish its report,", ""), ("giving at least four weeks notice.", "red")]
RED_NEXT_EXPECTED = "17.59 The committee shall publish its report, [added: giving at least four weeks notice.]"


def red_changes(path: Path, *, next_page: bool = False) -> Path:
    """The changes; with `next_page`, a second page whose only change is a red addition."""
    c = _canvas(path, title="Constitution changes")
    space = pdfmetrics.stringWidth(" ", BODY, SIZE)
    y = _top(80.0, SIZE)
    c.setFont(BOLD, SIZE)
    c.drawString(X, y, RED_TITLE)
    c.line(X, y - 2, X + pdfmetrics.stringWidth(RED_TITLE, BOLD, SIZE), y - 2)
    for k, line in enumerate(RED_LINES):
        y = _top(120.0 + 16 * k + (20 if k >= 2 else 0), SIZE)
        x = X
        for text, mark in line:
            font = BOLD if mark == "red" else BODY
            width = pdfmetrics.stringWidth(text, font, SIZE)
            colour = {"red": (0.9, 0, 0), "struck": (0.9, 0, 0), "link": (0, 0.2, 0.8)}.get(mark, (0, 0, 0))
            c.setFillColorRGB(*colour)
            c.setStrokeColorRGB(*colour)
            c.setFont(font, SIZE)
            c.drawString(x, y, text)
            c.setLineWidth(0.6)
            if mark == "struck":
                c.line(x, y + 0.3 * SIZE, x + width, y + 0.3 * SIZE)
            elif mark == "link":
                c.line(x, y - 1.5, x + width, y - 1.5)
                c.linkURL("https://example.org/constitution", (x, y - 3, x + width, y + SIZE), relative=0)
            x += width + space
    c.showPage()
    if next_page:
        x, y = X, _top(80.0, SIZE)
        for text, mark in RED_NEXT:
            font = BOLD if mark == "red" else BODY
            c.setFillColorRGB(*((0.9, 0, 0) if mark == "red" else (0, 0, 0)))
            c.setFont(font, SIZE)
            c.drawString(x, y, text)
            x += pdfmetrics.stringWidth(text, font, SIZE) + space
        c.setFillColorRGB(0, 0, 0)
        c.setFont(BODY, SIZE)
        c.drawString(X, _top(110.0, SIZE), "The rest of the section stands as it is.")
        c.showPage()
    c.save()
    return path
