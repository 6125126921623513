"""Boxes drawn side by side round text -> their lines, box by box. Pure.

A form sets some of its fields in boxes beside each other: a record of decision's "Decision to
be taken by:" over the member's name in one box, "Decision number:" over the number in the box
beside it. Read line by line across the page, the two labels come first and then the two
values; a reader reads each box whole, left to right. The boxes are `ruled.frames`: four rules
round text with nothing across inside them.
"""

from __future__ import annotations

from collections.abc import Sequence

from memberdesk.papers.bands import Band
from memberdesk.papers.shapes import Box, Word


def holding(band: Band, frames: Sequence[Box]) -> list[Box]:
    """The boxes a word of the band stands in, left to right."""
    found = [f for f in frames if any(f.contains(w.box.cx, w.box.cy) for w in band.words)]
    return sorted(found, key=lambda f: f.x0)


def side_by_side(found: list[Box]) -> bool:
    """Whether two boxes or more stand beside each other: level, none over another."""
    if len(found) < 2:
        return False
    level = all(a.y0 < b.y1 and b.y0 < a.y1 for a in found for b in found)
    return level and all(a.x1 <= b.x0 for a, b in zip(found, found[1:]))


def run(rows: list[Band], i: int, frames: Sequence[Box]) -> tuple[int, list[Box]] | None:
    """From band i, the lines standing in boxes side by side: (the end of the run, exclusive,
    and the boxes left to right), or None where band i is not in such boxes."""
    found = holding(rows[i], frames)
    if not side_by_side(found):
        return None
    # The row's other boxes too: their lines may start lower (a slide's boxes, each centred).
    found = sorted(
        {*found, *(f for f in frames if side_by_side(sorted([*found, f], key=lambda b: b.x0)))}, key=lambda f: f.x0
    )
    end = i + 1
    while end < len(rows):
        held = holding(rows[end], frames)
        if not held or any(f not in found for f in held):
            break
        end += 1
    return end, found


def words_in(rows: list[Band], box: Box) -> list[Word]:
    return [w for band in rows for w in band.words if box.contains(w.box.cx, w.box.cy)]


def outside(rows: list[Band], found: list[Box]) -> list[Word]:
    """The lines' words in none of the boxes (a label printed beside them)."""
    return [w for band in rows for w in band.words if not any(f.contains(w.box.cx, w.box.cy) for f in found)]
