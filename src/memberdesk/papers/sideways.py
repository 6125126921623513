"""A page whose text is drawn turned a quarter (a landscape table or report set sideways on a
portrait page, with no /Rotate to say so) -> the page as it is read, turned upright. Pure.

Print drivers and Excel's "fit to page" often draw a landscape sheet rotated in the content
stream of a portrait page instead of setting /Rotate. Its glyphs then run up (or down) the
page, and read as they are drawn they would be a heap of one-word lines. When most of a page's
text is turned a quarter, the page is turned the other way: every word's box, every drawn rule
and picture is moved to where it is on the page turned upright, the page's width and height
swap, and the layout (tables included) reads it as it reads any landscape page. What is then
at an angle (an upright page number in the margin) is read after the text, as on any page.

On a page read upright, a small table turned a quarter (pasted in from a landscape sheet) is
read the same way on its own: its words and the rules around them are turned upright, the
table finders read them, and the table is placed back where it stands on the page
(turned_tables). Its other turned words are read after the text, as before.

The direction comes from the order the words are drawn in: along one line each word follows
the one before it, up the page (text turned anticlockwise: the page is read turned clockwise)
or down it.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import replace

from memberdesk.papers import tables
from memberdesk.papers.shapes import Box, PageWords, Word, union_all

SHARE = 0.6  # of the page's characters turned: less is a note in the margin, read after the text
MIN_WORDS = 8
# A small table turned on a page read upright: this many turned words at least, this share of
# the steps along their lines one way, and the page's rules within RULE_MARGIN of them.
MIN_TABLE_WORDS = 12
AGREE = 0.9
RULE_MARGIN = 2.0  # ems: a grid's lines stand a cell's padding off its words


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
    move, _back = _movers(step, page.width, page.height)
    words = tuple(replace(w, box=move(w.box), sideways=not w.sideways) for w in page.words)
    figures = tuple(replace(f, box=move(f.box)) for f in page.figures)
    links = tuple(move(k) for k in page.links)
    upright = replace(page, width=page.height, height=page.width, words=words, figures=figures, links=links)
    return upright, tuple(move(r) for r in rules), [replace(w, box=move(w.box), sideways=not w.sideways) for w in extra]


def _movers(step: int, width: float, height: float) -> tuple[Callable[[Box], Box], Callable[[Box], Box]]:
    """(the page's boxes -> where they are on the page turned to be read, and back again)."""
    move: Callable[[Box], Box]
    back: Callable[[Box], Box]
    if step > 0:  # read up the page: turned clockwise to be read, its bottom edge is on the left
        move = lambda b: Box(height - b.y1, b.x0, height - b.y0, b.x1)  # noqa: E731
        back = lambda b: Box(b.y0, height - b.x1, b.y1, height - b.x0)  # noqa: E731
    else:  # read down the page: turned anticlockwise, its top edge is on the left
        move = lambda b: Box(b.y0, width - b.x1, b.y1, width - b.x0)  # noqa: E731
        back = lambda b: Box(width - b.y1, b.x0, width - b.y0, b.x1)  # noqa: E731
    return move, back


def turned_tables(page: PageWords, rules: Sequence[Box] = ()) -> list[tables.Found]:
    """The tables among the words turned a quarter on a page read upright (a small landscape
    table pasted sideways into a portrait page), each with its box on the page as it stands and
    the page's own words it took. Found only where it can be told reliably: enough turned
    words, nearly all running the one way (so the way to read them is known), and a table the
    upright finders accept among them once turned."""
    turned = [w for w in page.words if w.sideways]
    if len(turned) < MIN_TABLE_WORDS:
        return []
    step = _direction(turned, agree=AGREE)
    if step == 0:
        return []
    move, back = _movers(step, page.width, page.height)
    area = union_all([w.box for w in turned])
    upright = [replace(w, box=move(w.box), sideways=False) for w in turned]
    source = {id(u): id(w) for u, w in zip(upright, turned)}
    margin = RULE_MARGIN * statistics.median(w.size for w in turned)
    near = [move(r) for r in rules if _within(r, area, margin)]
    out = []
    for found in tables.find(upright, near):
        table = replace(found.table, box=back(found.table.box))
        out.append(replace(found, table=table, words=frozenset(source[k] for k in found.words)))
    return out


def _within(rule: Box, area: Box, m: float) -> bool:
    return area.x0 - m <= rule.x0 and rule.x1 <= area.x1 + m and area.y0 - m <= rule.y0 and rule.y1 <= area.y1 + m


def _chars(words: Sequence[Word]) -> int:
    return sum(len(w.text) for w in words)


def _direction(words: list[Word], agree: float = 0.5) -> int:
    """+1 when the words run up the page, -1 down it, 0 when they do not say: as many each way,
    or (with `agree`) fewer than that share of the steps along a line one way."""
    up = down = 0
    ordered = sorted(words, key=lambda w: w.order)
    for a, b in zip(ordered, ordered[1:]):
        overlap = min(a.box.x1, b.box.x1) - max(a.box.x0, b.box.x0)
        if overlap > 0.5 * min(a.box.width, b.box.width):  # one line
            if b.box.cy < a.box.cy:
                up += 1
            else:
                down += 1
    if up == down or max(up, down) <= agree * (up + down):
        return 0
    return 1 if up > down else -1
