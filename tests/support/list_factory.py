"""Minutes as Word numbers them: numbered paragraphs with their text at a tab, and under one
of them a lettered list ("a.", "b.") at a deeper hanging indent, each item wrapped over
several lines that start at the item's text, not under its letter."""

from __future__ import annotations

from pathlib import Path

from paper_factory import BODY, BOLD, _canvas, _top, wrap

SIZE = 11.0
LEADING = 1.33
NUMBER_X, TEXT_X = 91.0, 108.0
LETTER_X, ITEM_X = 126.0, 144.0
RIGHT = 523.0
INTRO = ("2.", "Following questions and comments from the members of the panel on the update, it was noted that:")
ITEMS = [
    (
        "a.",
        "A Member requested suggestions from the team for activities to organise for the children "
        "before his visit to the children's home. The team had recommended cricket and football.",
    ),
    (
        "b.",
        "The Chair thanked the team for their support in presenting the practice framework roadshow "
        "and asked that it come back to the panel at a later date.",
    ),
    ("c.", "Members asked that the content be shared on their own social media accounts."),
]
CLOSING = ("3.", "RESOLVED that the update be noted.")


def _item(c: object, number: str, text: str, number_x: float, text_x: float, y: float) -> float:
    c.drawString(number_x, _top(y, SIZE), number)  # type: ignore[attr-defined]
    for line in wrap(text, RIGHT - text_x, BODY, SIZE):
        c.drawString(text_x, _top(y, SIZE), line)  # type: ignore[attr-defined]
        y += SIZE * LEADING
    return y


def lettered_minutes(path: Path) -> Path:
    c = _canvas(path, title="Minutes")
    c.setFont(BODY, SIZE)
    y = _item(c, *INTRO, NUMBER_X, TEXT_X, 90.0)
    for letter, text in ITEMS:
        y = _item(c, letter, text, LETTER_X, ITEM_X, y)
    _item(c, *CLOSING, NUMBER_X, TEXT_X, y + SIZE)
    c.showPage()
    c.save()
    return path


def expected() -> list[str]:
    return [" ".join(INTRO), *(" ".join(item) for item in ITEMS), " ".join(CLOSING)]


NOTE_TITLE = "Treasury Group 14 November 2024"
NOTE_AGENDA = ["1. Market Update", "2. Balance Sheet Analysis Update", "3. Quarterly Report (September)", "4. AOB"]
ATTENDANCE = "Attendance:"
# Two lists of names, set line for line with a tab between them (Word's meeting notes).
PRESENT = [
    ("Harry Rayner - MEM (Chair)", "James Graham - KCC"),
    ("Rosalind Binks - MEM", "Geoff Hall - KCC"),
    ("Paul Stepto - MEM", "Chris Ellis - KCC"),
    ("Alister Brady - MEM", "Chris Jones - Link Group"),
    ("Nick Buckland - KCC", "David Whelan - Link Group"),
]
SUMMARY = "Discussion Summary:"
SUMMARY_TEXT = (
    "Link Group presented the latest market expectations following the Budget, including the "
    "forecasts for growth, inflation and interest rates, and shared a regulatory update."
)


def meeting_note(path: Path) -> Path:
    """An agenda list, then "Attendance:" over two columns of names, then a heading and a
    paragraph across the page."""
    c = _canvas(path, title="Meeting note")
    c.setFont(BOLD, SIZE)
    c.drawString(72, _top(72, SIZE), NOTE_TITLE)
    c.setFont(BODY, SIZE)
    y = 100.0
    for item in NOTE_AGENDA:
        c.drawString(90, _top(y, SIZE), item)
        y += SIZE * LEADING
    y += SIZE * 1.2
    c.setFont(BOLD, SIZE)
    c.drawString(72, _top(y, SIZE), ATTENDANCE)
    c.setFont(BODY, SIZE)
    for left, right in PRESENT:
        y += SIZE * LEADING
        c.drawString(72, _top(y, SIZE), left)
        c.drawString(315, _top(y, SIZE), right)
    y += SIZE * LEADING * 2
    c.setFont(BOLD, SIZE)
    c.drawString(72, _top(y, SIZE), SUMMARY)
    c.setFont(BODY, SIZE)
    for line in wrap(SUMMARY_TEXT, RIGHT - 72, BODY, SIZE):
        y += SIZE * LEADING
        c.drawString(72, _top(y, SIZE), line)
    c.showPage()
    c.save()
    return path
