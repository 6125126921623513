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

import re
import statistics
from bisect import bisect_right
from dataclasses import dataclass, field

from memberdesk.papers.bands import Band, bands
from memberdesk.papers.shapes import Word

_MARKER = re.compile(
    r"^(\(?\d{1,3}(\.\d{1,3}){0,3}[.)]?|\(?[a-zA-Z]{1,2}\)|\(?[ivxlc]{1,6}[.)]|[\u2022\u25cf\u25aa\u25a0\u25e6\u2013*-])$"
)


def _is_marker(text: str) -> bool:
    return bool(_MARKER.match(text))


Interval = tuple[float, float]

# Least width of a gutter between columns or table cells, in ems of the region's text: wider
# than the widest word space of justified text, narrower than the narrowest real gutter.
GUTTER = 0.8
MAX_DEPTH = 4
# Work allowed per page when trying regions; past it the rest of the page is read as flow.
WORK_BUDGET = 200_000
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


def _free(band: Band, lo: float, hi: float, least: float) -> list[Interval]:
    """The horizontal stretches of [lo, hi] that no word of the band covers, at least `least` wide."""
    out: list[Interval] = []
    cursor = lo
    for word in band.words:  # sorted by x0
        if word.box.x0 - cursor >= least:
            out.append((cursor, word.box.x0))
        cursor = max(cursor, word.box.x1)
    if hi - cursor >= least:
        out.append((cursor, hi))
    return out


def _intersect(a: list[Interval], b: list[Interval], least: float) -> list[Interval]:
    out: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi - lo >= least:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def order(words: list[Word], page_height: float, page_width: float = 0.0) -> list[Leaf]:
    """The page's upright words as leaves in reading order."""
    return _order(words, 0, _Context(page_height, page_width))


def _em(words: list[Word]) -> float:
    return statistics.median(w.size for w in words) if words else 10.0


def _order(words: list[Word], depth: int, ctx: _Context) -> list[Leaf]:
    rows = bands(words)
    if not rows:
        return []
    lo = min(w.box.x0 for w in words)
    hi = max(w.box.x1 for w in words)
    least = GUTTER * _em(words)
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
        if found is not None and i + 1 < len(rows):
            # A band that crosses a gutter the bands below it share (a title over the columns
            # that happens to leave one gutter free) is above the region, not in it.
            below = grow(i + 1)
            if below is not None and len(below[1]) > len(found[1]):
                found = None
        if found is None:
            flow.append(rows[i])
            i += 1
            continue
        end, gutters = found
        region = rows[i : end + 1]
        region, before, after = _peel(region, gutters, ctx.page_height)
        flow.extend(before)
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
        if valid:
            best = (j, valid)
        elif j - (best[0] if best else i) > 30:
            break  # only edge margins are left in common: no gutter is coming
        j += 1
        if j >= len(rows):
            break
        ctx.budget.left -= len(current) + len(rows[j].words)
        if ctx.budget.left <= 0:
            break
        current = _intersect(current, _free(rows[j], lo, hi, least), least)
        left, right = min(left, rows[j].x0), max(right, rows[j].x1)
    if best is None:
        return None
    end, gutters = best
    region = rows[i : end + 1]
    if len(region) < 3:
        return None
    counts = [0] * (len(gutters) + 1)
    starts = [a for a, _b in gutters]
    for band in region:
        for k in {bisect_right(starts, w.box.cx) for w in band.words}:
            counts[k] += 1
    if sum(1 for c in counts if c >= 2) < 2:
        return None
    return end, gutters


def _column(word: Word, gutters: list[Interval]) -> int:
    """Which column (0 = leftmost) a word's centre falls in."""
    return bisect_right([a for a, _b in gutters], word.box.cx)


def _by_column(band: Band, starts: list[float]) -> dict[int, list[Word]]:
    """A band's words by column, in one pass (a wide table has dozens of columns)."""
    out: dict[int, list[Word]] = {}
    for word in band.words:
        out.setdefault(bisect_right(starts, word.box.cx), []).append(word)
    return out


def _single(band: Band, gutters: list[Interval]) -> bool:
    return len({_column(w, gutters) for w in band.words}) == 1


def _peel(region: list[Band], gutters: list[Interval], page_height: float) -> tuple[list[Band], list[Band], list[Band]]:
    """A short line above the columns with a gap under it is a heading over them all, and a
    line in the page's bottom band with a gap above it is a footer under them all: neither is
    part of one column, even when it happens to fit inside one."""
    em = _em([w for band in region for w in band.words])
    gaps = [b.y0 - a.y1 for a, b in zip(region, region[1:])]
    usual = statistics.median(gaps) if gaps else 0.0
    wide = usual + 0.6 * em
    before: list[Band] = []
    after: list[Band] = []
    while len(region) > 3 and _single(region[0], gutters) and region[1].y0 - region[0].y1 > wide:
        before.append(region.pop(0))
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


def _split(region: list[Band], gutters: list[Interval], depth: int, ctx: _Context) -> list[Leaf]:
    columns, edges = _columns(region, gutters)
    if columns[0] and all(_is_marker(w.text) for w in columns[0]) and edges[0][1] - edges[0][0] < 4 * _em(columns[0]):
        # Numbers or bullets set apart from their text by a tab are a hanging list, not a
        # column: each number stays with the text beside it.
        gutters = gutters[1:]
        if not gutters:
            return [Leaf(region, min(b.x0 for b in region), max(b.x1 for b in region))]
        columns, edges = _columns(region, gutters)
    if _is_table(region, gutters, columns, edges):
        return _table(region, gutters, edges)
    leaves: list[Leaf] = []
    for col in columns:
        if col:
            leaves.extend(_order(col, depth + 1, ctx))
    return leaves


def _tightest(gaps: list[float], em: float) -> float:
    """The gap between lines of one cell: the narrowest in the region (a wrapped cell's lines
    sit closer than the rows do), but no closer than lines can sit."""
    return max(min(gaps), -0.2 * em) if gaps else 0.0


def _rows(region: list[Band], em: float) -> list[list[Band]]:
    """The region cut at full-width gaps clearly wider than the gap between a cell's lines."""
    gaps = [b.y0 - a.y1 for a, b in zip(region, region[1:])]
    usual = _tightest(gaps, em)
    rows: list[list[Band]] = [[region[0]]]
    for gap, band in zip(gaps, region[1:]):
        if gap > usual + 0.35 * em and gap > 0.25 * em:
            rows.append([band])
        else:
            rows[-1].append(band)
    return rows


def _is_table(region: list[Band], gutters: list[Interval], columns: list[list[Word]], edges: list[Interval]) -> bool:
    """Whether a multi-column region is a table (read row by row) rather than columns of text
    (read one after another)."""
    em = _em([w for col in columns for w in col])
    # By the cells' shape: a table has a column of numbers, names or short labels; prose,
    # even in a narrow column, has lines of several words. (How full the lines are says
    # little: in a narrow column most lines are the short last lines of their paragraphs.)
    starts = [a for a, _b in gutters]
    cells = [_by_column(band, starts) for band in region]
    for k in range(len(columns)):
        counts = [len(c[k]) for c in cells if k in c]
        if len(counts) >= 2 and statistics.mean(counts) < 2.5:
            return True
    # Prose in columns of one width is a page laid out in columns, even where paragraphs in
    # both columns happen to start level with each other.
    widths = [b - a for a, b in edges if b > a]
    if widths and max(widths) < 1.2 * min(widths):
        return False
    # Prose in columns of different widths: a table when each column's paragraphs start
    # level with the rows' tops.
    rows = _rows(region, em)
    if len(rows) < 2 or sum(1 for r in rows if _populated(r, gutters) >= 2) < 2:
        return False
    row_tops = [r[0].y0 for r in rows]
    heads_seen = aligned = 0
    for k in range(len(columns)):
        parts = [c[k] for c in cells if k in c]
        gaps = [min(w.box.y0 for w in b) - max(w.box.y1 for w in a) for a, b in zip(parts, parts[1:])]
        usual = _tightest(gaps, em)
        heads = [parts[0]] + [b for g, b in zip(gaps, parts[1:]) if g > usual + 0.35 * em and g > 0.25 * em]
        for head in heads:
            top = min(w.box.y0 for w in head)
            heads_seen += 1
            aligned += any(abs(top - t) < 0.6 * em for t in row_tops)
    return bool(heads_seen) and aligned >= 0.8 * heads_seen


def _populated(rows: list[Band], gutters: list[Interval]) -> int:
    return len({_column(w, gutters) for band in rows for w in band.words})


def _table(region: list[Band], gutters: list[Interval], edges: list[Interval]) -> list[Leaf]:
    em = _em([w for band in region for w in band.words])
    rows = _rows(region, em)
    if len(rows) < 2:
        rows = [[b] for b in region]
    leaves: list[Leaf] = []
    starts = [a for a, _b in gutters]
    for row in rows:
        cells: list[list[Band]] = [[] for _ in range(len(gutters) + 1)]
        for band in row:
            for k, part in sorted(_by_column(band, starts).items()):
                cells[k].append(Band(part, min(w.box.y0 for w in part), max(w.box.y1 for w in part)))
        filled = [cells[k] for k in range(len(cells)) if cells[k]]
        if len(filled) == 1:
            # A row with one cell is a heading or a note across the table: read as text.
            leaves.append(Leaf(filled[0], min(b.x0 for b in filled[0]), max(b.x1 for b in filled[0])))
        else:
            lines = sorted((b for cell in filled for b in cell), key=lambda b: b.y0)
            leaves.append(Leaf(lines, edges[0][0], edges[-1][1], table=True, cells=filled))
    return leaves
