"""An agenda frontsheet as ModernGov councils print it: a title spelled out letter by letter
("A G E N D A"), numbered items with their text at a tab, a justified item whose widened word
spaces sit under short lines, and "(Pages N - M)" references at the right margin."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from paper_factory import BODY, BOLD, W, _canvas, _top, wrap

SIZE = 11.0
NUMBER_X, TEXT_X, RIGHT = 56.0, 87.0, 540.0
REFS_X = 420.0
AGENDA_TITLE = "AGENDA"
# (number, lines of the item's text, pages): the first line of item 2 is set justified to the
# text's right edge, as Word prints a line ending in a manual break.
AGENDA_ITEMS = [
    ("1.", ["Apologies for Absence"], ""),
    (
        "2.",
        ["Declarations of Disclosable Pecuniary Interests or Other", "Significant Interests in items on the agenda"],
        "",
    ),
    ("3.", ["Minutes of the meeting held on 13 February"], "(Pages 1 - 14)"),
    ("4.", ["Questions"], ""),
    ("5.", ["Treasury Management Update"], "(Pages 15 - 30)"),
]
JUSTIFIED_RIGHT = 443.0


def _justified(c: object, words: list[str], x0: float, x1: float, y: float) -> None:
    widths = [pdfmetrics.stringWidth(w, BODY, SIZE) for w in words]
    space = (x1 - x0 - sum(widths)) / (len(words) - 1)
    x = x0
    for word, width in zip(words, widths):
        c.drawString(x, y, word)  # type: ignore[attr-defined]
        x += width + space


def agenda(path: Path) -> Path:
    c = _canvas(path, title="Agenda frontsheet")
    y = 120.0
    c.setFont(BOLD, SIZE)
    spaced = " ".join(AGENDA_TITLE)
    c.drawString((W - pdfmetrics.stringWidth(spaced, BOLD, SIZE)) / 2, _top(y, SIZE), spaced)
    y += 30
    for number, lines, pages in AGENDA_ITEMS:
        c.setFont(BODY, SIZE)
        c.drawString(NUMBER_X, _top(y, SIZE), number)
        for k, line in enumerate(lines):
            if len(lines) > 1 and k == 0:
                _justified(c, line.split(), TEXT_X, JUSTIFIED_RIGHT, _top(y, SIZE))
            else:
                c.drawString(TEXT_X, _top(y, SIZE), line)
            if k == 0 and pages:
                c.setFont(BOLD, SIZE)
                c.drawRightString(RIGHT, _top(y, SIZE), pages)
                c.setFont(BODY, SIZE)
            y += SIZE * 1.27
        y += SIZE * 1.2
    c.showPage()
    c.save()
    return path


QUESTION_LABEL = "Question 2"
QUESTION_TITLES = ["COUNTY COUNCIL", "Thursday 13 March 2025"]
QUESTION_BODY = (
    "At the meeting on 23 May last year I asked whether the council would ask the makers of "
    "satellite navigation systems to alert drivers on the approach to schools."
)


def question_sheet(path: Path) -> Path:
    """A council question as ModernGov papers print them: its number set at the right margin on
    the line straight above the centred title (no gap between them), then the question."""
    c = _canvas(path, title="Questions")
    c.setFont(BODY, 12)
    y = 70.0
    c.drawRightString(RIGHT, _top(y, 12), QUESTION_LABEL)
    y += 13.8
    c.setFont(BOLD, 12)
    for title in QUESTION_TITLES:
        c.drawCentredString(W / 2, _top(y, 12), title)
        y += 27.6
    c.setFont(BODY, 12)
    for line in wrap(QUESTION_BODY, RIGHT - NUMBER_X, BODY, 12):
        c.drawString(NUMBER_X, _top(y, 12), line)
        y += 13.8
    c.showPage()
    c.save()
    return path


# A frontsheet's details: when and where in one cell of lines run on without a gap between
# them, beside "Ask for:" and "Telephone:" each with its value, level with the line it is on.
DETAILS = [
    (
        ["Thursday, 13th March, 2025, at 3.00 pm", "(or on the rising of Full Council,", "whichever is the later)"],
        "Ask for:",
        ["Georgina Little"],
    ),
    (
        ["Council Chamber, Sessions House,", "County Hall, Maidstone"],
        "Telephone:",
        ["Tel: 03000 414043", "Email:", "democratic.services@kent.gov.uk"],
    ),
]
DETAILS_X = (78.0, 329.0, 407.0)


def details_block(path: Path) -> Path:
    c = _canvas(path, title="Cabinet agenda")
    c.setFont(BOLD, SIZE)
    y = 120.0
    for when, label, values in DETAILS:
        c.setFont(BOLD, SIZE)
        for k, line in enumerate(when):
            c.drawString(DETAILS_X[0], _top(y + k * 13.8, SIZE), line)
        c.setFont(BODY, SIZE)
        c.drawString(DETAILS_X[1], _top(y, SIZE), label)
        c.setFont(BOLD, SIZE)
        for k, line in enumerate(values):
            c.drawString(DETAILS_X[2], _top(y + k * 13.8, SIZE), line)
        y += 13.8 * max(len(when), len(values))
    c.showPage()
    c.save()
    return path


NOTE_BODY = (
    "Note: the meeting is organised to allow for consideration, if required by the County Council, "
    "of the decision on the commissioned family hubs, which was called in by the Scrutiny Committee."
)
EXEMPT_NOTE = (
    "(At the time of preparing the agenda there were no exempt items. During any such items "
    "which may arise the meeting is likely NOT to be open to the public)"
)


def centred_note(path: Path) -> Path:
    """A body paragraph across the column, then a note centred and set in from both margins,
    wrapped at its own narrower width."""
    c = _canvas(path, title="Cabinet agenda")
    c.setFont(BODY, 12)
    y = 100.0
    for line in wrap(NOTE_BODY, RIGHT - NUMBER_X, BODY, 12):
        c.drawString(NUMBER_X, _top(y, 12), line)
        y += 13.8
    y += 20
    c.setFont("Helvetica-Oblique", 12)
    # Wrapped at 93% of the column and centred a little left of its middle, as Word sets a
    # paragraph centred between indents of 0.2 and 0.5 inches.
    for line in wrap(EXEMPT_NOTE, 0.93 * (RIGHT - NUMBER_X), "Helvetica-Oblique", 12):
        c.drawCentredString((NUMBER_X + RIGHT) / 2 - 8, _top(y, 12), line)
        y += 13.8
    c.showPage()
    c.save()
    return path
