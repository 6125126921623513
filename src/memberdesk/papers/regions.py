"""Words -> bands (the lines across the page) -> regions -> leaves in reading order. Pure.

How a person reads a page: a full-width header, then the columns left to right, each top to
bottom, then what sits under them. A table is read row by row instead. Plain XY-cut gets
two-column text wrong whenever paragraph gaps in both columns line up, so this grows regions
band by band instead: consecutive bands that leave a common vertical gutter (free of words in
every one of them) form a multi-column region; the rest is single-column flow. A region's
gutters then split it into columns (read one after another, each looked at again for
structure inside it) or, when its rows line up like a table's, into rows of cells.
"""

from __future__ import annotations

import math
import statistics
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from memberdesk.papers import boxes
from memberdesk.papers.bands import Band, bands
from memberdesk.papers.gutters import free, intersect
from memberdesk.papers.markers import is_marker
from memberdesk.papers.region_shape import (
    BULLETS,
    Interval,
    above_the_rest,
    by_column,
    cards,
    cells_resumed,
    column_of,
    em_of,
    is_table,
    keyed_rows,
    rows_of,
)
from memberdesk.papers.shapes import Box, Word

# Least width of a gutter between columns or table cells, in ems of the region's text: wider
# than the widest word space of justified text, narrower than the narrowest real gutter.
GUTTER = 0.8
MAX_DEPTH = 4
LOOK_AHEAD = 5  # bands: how far down a region with more gutters is looked for (lines over it)
# Work allowed per page when trying regions; past it the rest of the page is read as flow.
WORK_BUDGET = 200_000
TAIL = 2  # bands: the most lines under the columns read as the text after them, not in the first
# Where the page's bottom band (footers) begins, as a fraction of its height.
BOTTOM_BAND = 0.88


@dataclass(slots=True)
class Leaf:
    """A run of lines read top to bottom: a column's text, a flow region, or a table cell."""

    lines: list[Band]
    x0: float
    x1: float
    table: bool = False
    cells: list[list[Band]] | None = None  # a table row: its cells left to right, each its lines


@dataclass(slots=True)
class _Budget:
    left: int = WORK_BUDGET


@dataclass(slots=True)
class _Context:
    page_height: float
    page_width: float = 0.0
    budget: _Budget = field(default_factory=_Budget)
    frames: Sequence[Box] = ()


def order(words: list[Word], page_height: float, page_width: float = 0.0, frames: Sequence[Box] = ()) -> list[Leaf]:
    """The page's upright words as leaves in reading order; `frames`, the boxes drawn round
    text (ruled.frames): lines in boxes side by side are read box by box (boxes.py)."""
    return _order(words, 0, _Context(page_height, page_width, frames=frames))


def _order(words: list[Word], depth: int, ctx: _Context) -> list[Leaf]:
    rows = bands(words)
    if not rows:
        return []
    lo = min(w.box.x0 for w in words)
    hi = max(w.box.x1 for w in words)
    least = GUTTER * em_of(words)
    leaves: list[Leaf] = []
    flow: list[Band] = []

    def close_flow() -> None:
        if flow:
            # Text across the page has the page's margins: a page of two short lines still
            # has a right margin about as wide as its left one.
            right = max(hi, ctx.page_width - lo) if depth == 0 and ctx.page_width > lo else hi
            leaves.append(Leaf(list(flow), lo, right))
            flow.clear()

    grown: dict[int, tuple[int, list[Interval]] | None] = {}
    # Asked once per band, not once per region tried (a form of many boxes would ask it often).
    boxed_lines = frozenset(
        k for k, band in enumerate(rows) if ctx.frames and boxes.side_by_side(boxes.holding(band, ctx.frames))
    )

    def grow(at: int) -> tuple[int, list[Interval]] | None:
        # Each band's region is asked for twice (as the band below, then as itself): once.
        if at not in grown:
            grown[at] = _grow(rows, at, lo, hi, least, ctx, boxed_lines)
        return grown[at]

    i = 0
    while i < len(rows):
        boxed = boxes.run(rows, i, ctx.frames) if ctx.frames and depth < MAX_DEPTH else None
        if boxed is not None:
            end, found_boxes = boxed
            close_flow()
            for box in found_boxes:
                leaves.extend(_order(boxes.words_in(rows[i:end], box), depth + 1, ctx))
            flow.extend(bands(boxes.outside(rows[i:end], found_boxes)))
            i = end
            continue
        found = None if depth >= MAX_DEPTH or ctx.budget.left <= 0 else grow(i)
        if found is not None:
            # A band that crosses a gutter the bands below it share (a title over the columns
            # that happens to leave one gutter free, a few lines centred over a slide's boxes)
            # is above the region, not in it.
            for k in range(i + 1, min(found[0], i + LOOK_AHEAD) + 1):
                below = grow(k)
                if below is not None and len(below[1]) > len(found[1]):
                    if all(_over(band, below[1]) for band in rows[i:k]):
                        found = None
                    break
        if found is None:
            flow.append(rows[i])
            i += 1
            continue
        end, gutters = found
        region = rows[i : end + 1]
        region, before, after = _peel(region, gutters, ctx.page_height)
        if before:
            # Lines over the columns: text, and the columns are looked for again under them
            # (their gutters may be more than those the lines left free).
            flow.extend(before)
            i += len(before)
            continue
        cut = _heading_across(region, gutters, lo, hi)
        if cut is not None:
            # A heading centred over the columns parts two regions: the columns above it end.
            region, after, end = region[:cut], [], i + cut - 1
            if len(region) < 3:
                flow.extend(region)
                i = end + 1
                continue
        if len(gutters) == 1 and _hanging(region, gutters):
            # Only numbers or bullets set apart from their text by a tab: a list in the flow
            # (its first item's line, whose tab is narrower, is above the region, not in it).
            flow.extend(region)
            flow.extend(after)
            i = end + 1
            continue
        close_flow()
        leaves.extend(_split(region, gutters, depth, ctx))
        flow.extend(after)
        i = end + 1
    close_flow()
    return leaves


def _grow(
    rows: list[Band], i: int, lo: float, hi: float, least: float, ctx: _Context, boxed_lines: frozenset[int]
) -> tuple[int, list[Interval]] | None:
    """The longest run of bands from i that keeps a gutter with words on both sides, if it is
    a real multi-column region (at least three bands, two columns with two bands each).
    `boxed_lines`: the bands standing in boxes side by side, which are read box by box."""
    current = free(rows[i], lo, hi, least)
    left, right = rows[i].x0, rows[i].x1
    best: tuple[int, list[Interval]] | None = None
    j = i
    while current:
        valid = [g for g in current if left < g[0] and right > g[1]]
        if best and len(valid) < len(best[1]) and best[0] - i >= 2:
            break  # a band across some of the gutters (a line centred over the columns) ends them
        if valid:
            best = (j, valid)
        elif j - (best[0] if best else i) > 30:
            break  # only edge margins are left in common: no gutter is coming
        j += 1
        if j >= len(rows) or j in boxed_lines:
            break  # lines in boxes side by side are read box by box (_order)
        ctx.budget.left -= len(current) + len(rows[j].words)
        if ctx.budget.left <= 0:
            break
        current = intersect(current, free(rows[j], lo, hi, 0.5 * least), least, (lo, hi))
        left, right = min(left, rows[j].x0), max(right, rows[j].x1)
    if best is None:
        return None
    end, gutters = best
    region = rows[i : end + 1]
    if len(region) < 3:
        return None
    gutters = _unhung(region, gutters)
    if not gutters:
        return None
    counts = [0] * (len(gutters) + 1)
    starts = [a for a, _b in gutters]
    across = 0  # lines with words in two columns or more
    for band in region:
        found = {bisect_right(starts, w.box.cx) for w in band.words}
        across += len(found) > 1
        for k in found:
            counts[k] += 1
    if sum(1 for c in counts if c >= 2) < 2 or not across:
        # (Columns that never stand side by side are blocks one above the other, a header at
        # the top right over a form's first lines at the left: read top to bottom.)
        return None
    return end, gutters


def _heading_across(region: list[Band], gutters: list[Interval], lo: float, hi: float) -> int | None:
    """The index of the first band inside `region` that is a heading across its columns though
    it fits in one: alone in its column, centred on the text's width, with white space of more
    than a line over and under it ("What we need to achieve" between two rows of boxes), or
    over it as the region's last line ("Enablers:" under them)."""
    em = em_of([w for band in region for w in band.words])
    middle = (lo + hi) / 2
    for m in range(1, len(region)):
        band = region[m]
        if not _single(band, gutters) or abs((band.x0 + band.x1) / 2 - middle) > em:
            continue
        under = region[m + 1].y0 - band.y1 if m + 1 < len(region) else math.inf
        if band.y0 - region[m - 1].y1 > 1.2 * em and under > 1.2 * em:
            return m
    return None


def _over(band: Band, gutters: list[Interval]) -> bool:
    """Whether a band stands over the columns that `gutters` part rather than across them: its
    words in two neighbouring columns at most (a title centred over a slide's boxes)."""
    found = {column_of(w, gutters) for w in band.words}
    return max(found) - min(found) <= 1


def _unhung(region: list[Band], gutters: list[Interval]) -> list[Interval]:
    """The gutters less those that only set bullets apart from their text in a column past
    the first (a slide's boxes of bulleted points): each bullet stays with its point. (The
    first column's numbers and bullets are seen to in _split.)"""
    columns, edges = _columns(region, gutters)

    def hung(k: int) -> bool:
        bullets = all(w.text in BULLETS for w in columns[k])
        return bool(columns[k]) and bullets and edges[k][1] - edges[k][0] < 4 * em_of(columns[k])

    return [g for k, g in enumerate(gutters) if not (k and hung(k))]


def _single(band: Band, gutters: list[Interval]) -> bool:
    return len({column_of(w, gutters) for w in band.words}) == 1


def _peel(region: list[Band], gutters: list[Interval], page_height: float) -> tuple[list[Band], list[Band], list[Band]]:
    """A short line above the columns with a gap under it is a heading over them all, and a
    line in the page's bottom band with a gap above it is a footer under them all: neither is
    part of one column, even when it happens to fit inside one."""
    em = em_of([w for band in region for w in band.words])
    gaps = [b.y0 - a.y1 for a, b in zip(region, region[1:])]
    usual = statistics.median(gaps) if gaps else 0.0
    wide = usual + 0.6 * em
    before: list[Band] = []
    after: list[Band] = []
    # Lines over the columns, each within one of them, set apart from the columns by a gap
    # (a slide's vision statement and "Together we will..." over its boxes).
    lead = next((k for k, band in enumerate(region) if not _single(band, gutters)), len(region))
    if 0 < lead <= len(region) - 3:
        # Or set apart above a label the columns hang from ("Attendance:" over two lists of
        # names, under the agenda's last item): lines of the first column only, cut at the
        # last gap above the columns.
        cut = lead if region[lead].y0 - region[lead - 1].y1 > wide else 0
        if not cut and all(column_of(w, gutters) == 0 for band in region[:lead] for w in band.words):
            cut = next((k for k in range(lead - 1, 0, -1) if gaps[k - 1] > wide), 0)
        before, region = region[:cut], region[cut:]
    # A heading under the columns, in the first one only and set apart from them by a gap
    # ("Discussion Summary:" under two lists of names): the text after the columns begins there.
    last = max((k for k, band in enumerate(region) if not _single(band, gutters)), default=len(region))
    tail = region[last + 1 :]
    if (
        0 < len(tail) <= TAIL
        and last >= 2
        and tail[0].y0 - region[last].y1 > wide
        and all(column_of(w, gutters) == 0 for band in tail for w in band.words)
    ):
        after, region = tail, region[: last + 1]
    while (
        len(region) > 3
        and _single(region[-1], gutters)
        and region[-1].y0 > BOTTOM_BAND * page_height
        and region[-1].y0 - region[-2].y1 > wide
    ):
        after.insert(0, region.pop())
    return region, before, after


def _columns(region: list[Band], gutters: list[Interval]) -> tuple[list[list[Word]], list[Interval]]:
    columns: list[list[Word]] = [[] for _ in range(len(gutters) + 1)]
    starts = [a for a, _b in gutters]
    for band in region:
        for word in band.words:
            columns[bisect_right(starts, word.box.cx)].append(word)
    edges = [(min(w.box.x0 for w in col), max(w.box.x1 for w in col)) if col else (0.0, 0.0) for col in columns]
    return columns, edges


def _hanging(region: list[Band], gutters: list[Interval]) -> bool:
    """Whether the region's first column is only the numbers or bullets of a list."""
    columns, edges = _columns(region, gutters[:1])
    return (
        bool(columns[0])
        and all(is_marker(w.text) for w in columns[0])
        and edges[0][1] - edges[0][0] < 4 * em_of(columns[0])
    )


def _split(region: list[Band], gutters: list[Interval], depth: int, ctx: _Context) -> list[Leaf]:
    if _hanging(region, gutters):
        # Numbers or bullets set apart from their text by a tab are a hanging list, not a
        # column: each number stays with the text beside it.
        gutters = gutters[1:]
        if not gutters:
            return [Leaf(region, min(b.x0 for b in region), max(b.x1 for b in region))]
    columns, edges = _columns(region, gutters)
    if cards(region, gutters):
        return _cards_under(region, gutters, columns, depth, ctx)
    if is_table(region, gutters, columns, edges):
        return _table(region, gutters, edges)
    leaves: list[Leaf] = []
    if top := above_the_rest(region, gutters):
        first = {id(w) for band in region[:top] for w in band.words}
        leaves.extend(_order([w for band in region[:top] for w in band.words], depth + 1, ctx))
        columns = [[w for w in col if id(w) not in first] for col in columns]
    for col in columns:
        if col:
            leaves.extend(_order(col, depth + 1, ctx))
    return leaves


def _cards_under(
    region: list[Band], gutters: list[Interval], columns: list[list[Word]], depth: int, ctx: _Context
) -> list[Leaf]:
    """Cards side by side, and the heading over them ("Contact details": in one column, a
    blank line or bold type setting it apart), read first as text."""
    lead = next((k for k, band in enumerate(region) if not _single(band, gutters)), len(region))
    first_row = len(rows_of(region, em_of([w for band in region for w in band.words]))[0])
    bold = lead < len(region) and all(w.bold for band in region[:lead] for w in band.words)
    head = first_row if first_row <= lead else lead if bold and not all(w.bold for w in region[lead].words) else 0
    if not head or head == len(region):
        return _card_leaves(columns)
    above = {id(w) for band in region[:head] for w in band.words}
    leaves = _order([w for band in region[:head] for w in band.words], depth + 1, ctx)
    return leaves + _card_leaves([[w for w in col if id(w) not in above] for col in columns])


def _card_leaves(columns: list[list[Word]]) -> list[Leaf]:
    """Each column's cards in turn, a card (the lines down to a blank line's gap) one leaf
    read as a table's cell: its lines' entries kept apart, its labels not headings."""
    leaves: list[Leaf] = []
    for col in columns:
        lines = bands(col)
        for card in rows_of(lines, em_of(col)) if lines else []:
            x0, x1 = min(b.x0 for b in card), max(b.x1 for b in card)
            leaves.append(Leaf(card, x0, x1, table=True, cells=[card]))
    return leaves


def _table(region: list[Band], gutters: list[Interval], edges: list[Interval]) -> list[Leaf]:
    em = em_of([w for band in region for w in band.words])
    starts = [a for a, _b in gutters]
    rows = cells_resumed(rows_of(region, em), starts)
    if len(rows) < 2:
        rows = keyed_rows(region, starts)
    if len(rows) < 2:
        rows = [[b] for b in region]
    leaves: list[Leaf] = []
    for row in rows:
        cells: list[list[Band]] = [[] for _ in range(len(gutters) + 1)]
        for band in row:
            for k, part in sorted(by_column(band, starts).items()):
                cells[k].append(Band(part, min(w.box.y0 for w in part), max(w.box.y1 for w in part)))
        filled = [cells[k] for k in range(len(cells)) if cells[k]]
        if len(filled) == 1:
            # A row with one cell is a heading or a note across the table: read as text.
            leaves.append(Leaf(filled[0], min(b.x0 for b in filled[0]), max(b.x1 for b in filled[0])))
        else:
            lines = sorted((b for cell in filled for b in cell), key=lambda b: b.y0)
            leaves.append(Leaf(lines, edges[0][0], edges[-1][1], table=True, cells=filled))
    return leaves
