"""A line of text drawn over a rule of its own width -> marked underlined. Pure.

Word finance appendices and reports often set their headings at body size, neither bold nor
in capitals, only underlined ("Introduction", "Economic Outlook - Growth"): the underline is the
one sign a sighted reader has, so headings.py takes it as one too. An underline is a thin line
under the baseline, across the line's words and no further (a table's rule or a page's rule runs
on past them); struck.py reads a line through the middle of words, this one under them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from memberdesk.papers.shapes import Block, Box

THIN = 2.5  # points: the thickest line still an underline
UNDER = (0.75, 1.3)  # where a line under a line of text is drawn: from 3/4 down its box to past its foot
COVER = 0.9  # the least of the line's width the underline runs along
OVERRUN = 1.0  # ems: how far past the line's ends an underline may run
MAX_LINES = 3  # the most lines of a title underlined line by line
_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?\s+")


def marked(blocks: Sequence[Block], rules: Sequence[Box], links: Sequence[Box] = ()) -> list[Block]:
    """The blocks, those drawn over their own underline marked `underlined`. A link's
    underline (in one of `links`, the page's link areas) is the link's, no heading's."""
    thin = [r for r in rules if r.y1 - r.y0 <= THIN and r.x1 - r.x0 > 1.0 and not linked(r, links)]
    if not thin:
        return list(blocks)
    under = [_underlined(b, thin) for b in blocks]
    # Lines underlined one after another are links (a report's background documents), not
    # headings: a heading's underline stands over text that has none, or over a note
    # underlined for stress (a paragraph of several lines, no link).
    link = [u and b.lines == 1 for u, b in zip(under, blocks, strict=True)]
    alone = [
        u and not (link[k] and ((k and link[k - 1]) or (k + 1 < len(link) and link[k + 1])))
        for k, u in enumerate(under)
    ]
    return [replace(b, underlined=True) if alone[k] else b for k, b in enumerate(blocks)]


LINK_BELOW = 3.0  # points: how far under its link's area a link's underline may be drawn


def linked(rule: Box, links: Sequence[Box]) -> bool:
    return any(k.x0 - 1 <= rule.cx <= k.x1 + 1 and k.y0 <= rule.cy <= k.y1 + LINK_BELOW for k in links)


def _underlined(block: Block, thin: Sequence[Box]) -> bool:
    """Whether each of the block's lines (a title may take two or three) is drawn over its own
    underline, the paragraph's number left out ("1.15 Visit Kent", only "Visit Kent" under)."""
    if block.lines > MAX_LINES or block.table or block.figure:
        return False
    box, em = block.box, block.size or 10.0
    step = (box.y1 - box.y0) / block.lines
    number = _NUMBER.match(block.text)
    for n in range(block.lines):
        top = box.y0 + n * step
        low, high = top + UNDER[0] * step, top + UNDER[1] * step
        under = [r for r in thin if low <= r.cy <= high and r.x1 > box.x0 and r.x0 < box.x1]
        if not under:
            return False
        if min(r.x0 for r in under) < box.x0 - OVERRUN * em or max(r.x1 for r in under) > box.x1 + OVERRUN * em:
            return False  # a rule across more than the line: a table's or the page's
        covered, reach = 0.0, box.x0
        for r in sorted(under, key=lambda r: r.x0):
            start, end = max(r.x0, reach), min(r.x1, box.x1)
            if end > start:
                covered += end - start
                reach = end
        start, width = min(r.x0 for r in under), box.x1 - box.x0
        if n == 0 and number and start > box.x0 + em:
            # The number stands unmarked before its underlined words (at a tab stop past it):
            # measured from where the underline starts, no further in than the number reaches.
            if start - box.x0 > (box.x1 - box.x0) * len(number.group(0)) / len(block.text) + 2 * em:
                return False
            width = box.x1 - start
        if n + 1 < block.lines or block.lines == 1:
            if covered < COVER * width:
                return False
        elif covered < 2 * em:
            return False  # a title's last line may be short, centred or wrapped: underlined still
    return True
