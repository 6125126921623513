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

from memberdesk.papers.bands import Band, bands
from memberdesk.papers.markers import is_marker
from memberdesk.papers.numbers import is_number
from memberdesk.papers.region_shape import (
    BULLETS,
    Interval,
    by_column,
    cells_resumed,
    column_of,
    em_of,
    is_table,
    rows_of,
)
from memberdesk.papers.shapes import Box, Word

# Least width of a gutter between columns or table cells, in ems of the region's text: wider
# than the widest word space of justified text, narrower than the narrowest real gutter.
GUTTER = 0.8
MAX_DEPTH = 4
JUSTIFIED_WORDS = 4  # the fewest words spaced alike whose spaces are a justified line's, not gutters
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


def _free(band: Band, lo: float, hi: float, least: float) -> list[Interval]:
    """The horizontal stretches of [lo, hi] that no word of the band covers, at least `least`
    wide. A justified line's widened word spaces are not free: its words are one line of text
    however far apart (they would otherwise line up with short lines' free space as gutters)."""
    out: list[Interval] = []
    cursor = lo
    spaces = _word_spaces(band, least)
    for k, word in enumerate(band.words):  # sorted by x0
        if word.box.x0 - cursor >= least and not spaces[k]:
            out.append((cursor, word.box.x0))
        cursor = max(cursor, word.box.x1)
    if hi - cursor >= least:
        out.append((cursor, hi))
    return out


def _word_spaces(band: Band, least: float) -> tuple[bool, ...]:
    """For each word of the band, whether the gap before it is a justified line's word space
    widened to gutter width: one of a run of JUSTIFIED_WORDS words or more, spaced alike
    (Word justifies by spreading a line's spaces evenly), that are words, not figures (a
    reference such as "24/00093" or a dash among them, but no more than a figure in four). A
    table's cells leave gaps of different widths, or hold figures; a justified line in one
    cell of a table's row still leaves the gaps to the next cells free."""
    spaces = band.spaces
    if spaces is not None:
        return spaces
    words = band.words
    flags = [False] * len(words)
    gaps = [b.box.x0 - a.box.x1 for a, b in zip(words, words[1:])]
    start = 0  # the first gap of the run of like gaps being looked at
    for k in range(1, len(gaps) + 1):
        if k < len(gaps) and abs(gaps[k] - gaps[start]) <= 0.1 * gaps[start] and gaps[start] >= 0.5 * least:
            continue
        run = words[start : k + 1]  # the words the gaps start..k-1 part
        wide = len(run) >= JUSTIFIED_WORDS and gaps[start] >= 0.5 * least
        words_in = sum(1 for w in run if w.text[:1].isalpha())
        if wide and words_in >= JUSTIFIED_WORDS and sum(1 for w in run if is_number(w.text)) * 4 <= len(run):
            for m in range(start + 1, k + 1):
                flags[m] = True
        start = k
    band.spaces = spaces = tuple(flags)
    return spaces


def _intersect(a: list[Interval], b: list[Interval], least: float, edges: Interval = (0.0, 0.0)) -> list[Interval]:
    """The gutters `a` that the free stretches `b` of the next band keep, `least` wide, or as
    wide as before. Half as wide will do for a gap between two of the band's words (not a
    margin, `edges`) ending at the gutter's right edge, a column's straight left edge: a
    justified line in the column before ending a little nearer it."""
    out: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        # Narrowed from the left only, by a gap that ends where the gutter ended: a word of the
        # band starts at the next column's edge, as the column's words before it did.
        edge = edges[0] < b[j][0] and b[j][1] < edges[1] and abs(b[j][1] - a[i][1]) < 0.5 and lo > a[i][0]
        if hi - lo >= least or (lo, hi) == a[i] or (edge and hi - lo >= 0.5 * least):
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def order(words: list[Word], page_height: float, page_width: float = 0.0, frames: Sequence[Box] = ()) -> list[Leaf]:
    """The page's upright words as leaves in reading order; `frames`, the boxes drawn round
    text (ruled.frames): columns each in a box of its own are read box by box."""
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

    def grow(at: int) -> tuple[int, list[Interval]] | None:
        # Each band's region is asked for twice (as the band below, then as itself): once.
        if at not in grown:
            grown[at] = _grow(rows, at, lo, hi, least, ctx)
        return grown[at]

    i = 0
    while i < len(rows):
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
    rows: list[Band], i: int, lo: float, hi: float, least: float, ctx: _Context
) -> tuple[int, list[Interval]] | None:
    """The longest run of bands from i that keeps a gutter with words on both sides, if it is
    a real multi-column region (at least three bands, two columns with two bands each)."""
    current = _free(rows[i], lo, hi, least)
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
        if j >= len(rows) or _other_boxes(rows[j - 1], rows[j], ctx.frames):
            break
        ctx.budget.left -= len(current) + len(rows[j].words)
        if ctx.budget.left <= 0:
            break
        current = _intersect(current, _free(rows[j], lo, hi, 0.5 * least), least, (lo, hi))
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
    for band in region:
        for k in {bisect_right(starts, w.box.cx) for w in band.words}:
            counts[k] += 1
    if sum(1 for c in counts if c >= 2) < 2:
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
    if not _boxed(columns, ctx.frames) and is_table(region, gutters, columns, edges):
        return _table(region, gutters, edges)
    leaves: list[Leaf] = []
    for col in columns:
        if col:
            leaves.extend(_order(col, depth + 1, ctx))
    return leaves


def _other_boxes(above: Band, band: Band, frames: Sequence[Box]) -> bool:
    """Whether a line stands in drawn boxes wholly under those of the line above it (the next
    box of a form, under two side by side): a region of columns does not run on into them.
    (Boxes side by side hold lines at different heights: those are one region's.)"""
    if not frames:
        return False
    mine = [f for f in frames if any(f.contains(w.box.cx, w.box.cy) for w in band.words)]
    theirs = [f for f in frames if any(f.contains(w.box.cx, w.box.cy) for w in above.words)]
    return bool(mine) and bool(theirs) and min(f.y0 for f in mine) >= max(f.y1 for f in theirs) - 2.0


def _boxed(columns: list[list[Word]], frames: Sequence[Box]) -> bool:
    """Whether each column stands in a box of its own (a form's boxes side by side, each a
    label over its value): the boxes are read one after another, not as a table's rows."""
    held = []
    for col in columns:
        if col:
            box = next((f for f in frames if all(f.contains(w.box.cx, w.box.cy) for w in col)), None)
            if box is None:
                return False
            held.append(box)
    return len(held) >= 2 and len(set(held)) == len(held)


def _table(region: list[Band], gutters: list[Interval], edges: list[Interval]) -> list[Leaf]:
    em = em_of([w for band in region for w in band.words])
    starts = [a for a, _b in gutters]
    rows = cells_resumed(rows_of(region, em), starts)
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
