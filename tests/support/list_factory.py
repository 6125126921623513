"""Minutes as Word numbers them: numbered paragraphs with their text at a tab, and under one
of them a lettered list ("a.", "b.") at a deeper hanging indent, each item wrapped over
several lines that start at the item's text, not under its letter."""

from __future__ import annotations

from pathlib import Path

from paper_factory import BODY, _canvas, _top, wrap

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
