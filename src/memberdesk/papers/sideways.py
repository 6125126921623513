"""A page whose text is drawn turned a quarter (a landscape table or report set sideways on a
portrait page, with no /Rotate to say so) -> the page as it is read, turned upright. Pure.

Print drivers and Excel's "fit to page" often draw a landscape sheet rotated in the content
stream of a portrait page instead of setting /Rotate. Its glyphs then run up (or down) the
page, and read as they are drawn they would be a heap of one-word lines. When most of a page's
text is turned a quarter, the page is turned the other way: every word's box, every drawn rule
and picture is moved to where it is on the page turned upright, the page's width and height
swap, and the layout (tables included) reads it as it reads any landscape page. What is then
at an angle (an upright page number in the margin) is read after the text, as on any page.

The direction comes from the order the words are drawn in: along one line each word follows
the one before it, up the page (text turned anticlockwise: the page is read turned clockwise)
or down it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from memberdesk.papers.shapes import Box, PageWords, Word

SHARE = 0.6  # of the page's characters turned: less is a note in the margin, read after the text
MIN_WORDS = 8


def turn(
    page: PageWords, rules: tuple[Box, ...] = (), extra: list[Word] | None = None
) -> tuple[PageWords, tuple[Box, ...], list[Word]]:
    """The page (its rules and extra words) turned upright when its text is turned a quarter;
    else as it is."""
    extra = extra or []
    turned = [w for w in page.words if w.sideways]
    if len(turned) < MIN_WORDS or _chars(turned) < SHARE * _chars(page.words):
        return page, rules, extra
    step = _direction(turned)
    if step == 0:
        return page, rules, extra
    width, height = page.width, page.height
    move: Callable[[Box], Box]
    if step > 0:  # read up the page: turned clockwise to be read, its bottom edge is on the left
        move = lambda b: Box(height - b.y1, b.x0, height - b.y0, b.x1)  # noqa: E731
    else:  # read down the page: turned anticlockwise, its top edge is on the left
        move = lambda b: Box(b.y0, width - b.x1, b.y1, width - b.x0)  # noqa: E731
    words = tuple(replace(w, box=move(w.box), sideways=not w.sideways) for w in page.words)
    figures = tuple(replace(f, box=move(f.box)) for f in page.figures)
    upright = replace(page, width=height, height=width, words=words, figures=figures)
    return upright, tuple(move(r) for r in rules), [replace(w, box=move(w.box), sideways=not w.sideways) for w in extra]


def _chars(words: Sequence[Word]) -> int:
    return sum(len(w.text) for w in words)


def _direction(words: list[Word]) -> int:
    """+1 when the words run up the page, -1 down it, 0 when they do not say (as many each way)."""
    votes = 0
    ordered = sorted(words, key=lambda w: w.order)
    for a, b in zip(ordered, ordered[1:]):
        overlap = min(a.box.x1, b.box.x1) - max(a.box.x0, b.box.x0)
        if overlap > 0.5 * min(a.box.width, b.box.width):  # one line
            votes += 1 if b.box.cy < a.box.cy else -1
    return (votes > 0) - (votes < 0)
