"""Tables ruled across only: horizontal lines and no vertical ones -> cells. Pure.

Word's "horizontal borders only", Excel exports and ModernGov's report templates rule a table
with lines across it (over and under the header, between rows, over the total) and leave its
columns to the text's alignment. The lines say where each row ends, so a cell of several lines
of prose is one cell, which the words' alignment alone (tables.py) cannot tell from two rows;
the columns are found from the alignment of the words between the lines (columns.py). One
stack of lines of the same extent can rule several tables: a paragraph across it, or a heading
in a bigger type, between two of its lines parts them.

A stack is three or more lines across, one under another, of about the same extent (a line
over a total may cover the columns of figures only), with at most MAX_LINES lines of text
between two of them: the bands between the lines are the rows. A band whose lines each carry
a figure in one column (a table ruled over and under its header and under its last row only)
is a row per line. Where the first band is already figures, the lines just above the first
rule (a header underlined, with no line over it) are the header.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import replace

from memberdesk.papers import band_rows, ruled
from memberdesk.papers.bands import bands
from memberdesk.papers.columns import Chunk, Line, Walls, columns_of, cut_line, join_justified
from memberdesk.papers.rule_stacks import SAME, stacks
from memberdesk.papers.shapes import Box, Table, Word, union_all
from memberdesk.papers.table_heads import head_rows

MAX_LINES = 30  # more lines of text than this between two rules: the rules are not one table's
MAX_STACKS = 40
WIDER = 0.25  # words on the rows' lines outside the rules, for each inside: the table is wider
HEADING_SIZE = 1.25  # a line this many times the tables' type size is a heading between them
HEAD_LINES = 8  # an Excel header over a table's first line: its cells' words on up to five lines, cells
# set level with each other's middles (three lines beside four) making up to eight bands

_BULLETS = ("\u2022", "\u25aa", "\u25cf", "\u25a0", "\u25e6")


def find(words: Sequence[Word], rules: Sequence[Box]) -> list[tuple[Table, frozenset[int]]]:
    """The tables ruled across only among `words`, top to bottom, each with the words it took."""
    out: list[tuple[Table, frozenset[int]]] = []
    for stack in stacks(rules)[:MAX_STACKS]:
        walls = _walls(rules, stack)
        for part in _parts(words, stack, walls):
            got = _table(words, *part, walls)
            if got is not None:
                out.append(got)
                words = [w for w in words if id(w) not in got[1]]
    return out


def _walls(rules: Sequence[Box], stack: list[Box]) -> Walls:
    """The drawn lines that run down through most of the stack's rows: a line between two words
    parts their cells there, as in tables.py (an Excel total right-aligned against a rule, its
    label just past it). A box round a heading or a chart's lines near the table part nothing."""
    top, bottom = stack[0].cy, stack[-1].cy
    return Walls(
        [r for r in rules if r.height > r.width and min(r.y1, bottom) - max(r.y0, top) >= 0.5 * (bottom - top)]
    )


Part = tuple[list[list[Line]], list[Box], float, float, bool]


def _parts(words: Sequence[Word], stack: list[Box], walls: Walls) -> list[Part]:
    """A stack's bands of lines (the rows between its rules), cut where a paragraph runs
    across the table: one stack can rule several tables with text between them. Each part is
    (its rows, its rules, left, right, whether a last row may stand under its last rule)."""
    left = min(r.x0 for r in stack) - SAME
    right = max(r.x1 for r in stack) + SAME
    inside = [w for w in words if left <= w.box.cx <= right and stack[0].cy < w.box.cy < stack[-1].cy]
    if _wider(words, inside, stack, left, right):
        return []
    edges = [r.cy for r in stack]
    rows: list[list[Line]] = [[] for _ in edges[1:]]
    for line in join_justified([cut_line(band, walls) for band in bands(inside)]):
        k = next(k for k in range(len(edges) - 1) if line.band.y0 + line.band.y1 < edges[k + 1] * 2)
        rows[k].append(line)
    parts: list[Part] = []
    start = 0
    sizes = [ln.em for row in rows for ln in row]
    em = statistics.median(sizes) if sizes else 10.0
    for k, row in enumerate(rows + [[]]):
        repeat = _repeated_header(row, rows[start]) if start < k < len(rows) else None
        if repeat is not None:
            # The table's header again, under a heading ("Previously reported variances"): a
            # second table begins; the heading's lines are text between the two.
            parts.extend(_part(rows, stack, start, k, left, right, last=False))
            rows[k], start = row[repeat:], k
            continue
        tops = [edges[k] if k < len(rows) else 0.0] + [ln.band.y1 for ln in row]
        prose = next((n for n, ln in enumerate(row) if _apart(ln, tops[n], left, right, em)), None)
        if k < len(rows) and prose is None and len(row) <= MAX_LINES:
            continue
        if k < len(rows):
            # The lines of the band before the text close the table above (its last row).
            rows[k] = row[: next((n for n, ln in enumerate(row) if len(ln.chunks) < 2), 0)] if prose is not None else []
        parts.extend(_part(rows, stack, start, k + 1, left, right, last=k == len(rows)))
        start = k + 1
    return parts


def _wider(words: Sequence[Word], inside: list[Word], stack: list[Box], left: float, right: float) -> bool:
    """Whether the rules rule only some columns of a wider table: its lines run on past them
    (an Excel plan's totals ruled under the year columns, not under the labels or last year's
    figures beside them). Its rows are then the lines', which the columns' alignment finds."""
    ids = {id(w) for w in inside}
    beside = [w for w in words if not left <= w.box.cx <= right and stack[0].cy < w.box.cy < stack[-1].cy]
    if len(beside) < WIDER * len(inside):
        return False
    shared = sum(
        sum(1 for w in band.words if id(w) not in ids)
        for band in bands(inside + beside)
        if any(id(w) in ids for w in band.words)
    )
    return shared >= WIDER * len(inside)


def _part(
    rows: list[list[Line]], stack: list[Box], start: int, end: int, left: float, right: float, *, last: bool
) -> list[Part]:
    """rows[start:end] as a part ([] when none of it is a table's), ruled by the rules around them."""
    part = rows[start:end]
    while part and (not part[0] or max(len(ln.chunks) for ln in part[0]) < 2):
        part, start = part[1:], start + 1  # a title over the header, ruled with the table: text
    return [(part, stack[start : end + 1], left, right, last)] if part else []


def _repeated_header(row: list[Line], head: list[Line]) -> int | None:
    """Where in `row` the lines of `head` (a table's first band, its header) come again, word
    for word, after a line or two of one chunk (a heading): the index of the repeat's first
    line, or None."""
    want = sorted(w.text for ln in head for w in ln.band.words)
    if len(want) < 3 or not any(len(ln.chunks) >= 2 for ln in head):
        return None
    for n in range(min(len(row), 3)):
        if n and len(row[n - 1].chunks) != 1:
            return None
        if sorted(w.text for ln in row[n:] for w in ln.band.words) == want:
            return n
    return None


def _table(
    words: Sequence[Word],
    rows: list[list[Line]],
    stack: list[Box],
    left: float,
    right: float,
    last: bool,
    walls: Walls,
) -> tuple[Table, frozenset[int]] | None:
    if last:
        below = _lines_near(words, stack[-1], left, right, walls, down=True)
        if any(len(ln.chunks) >= 2 for ln in below) and not _across(below, left, right):
            rows = [*rows, below]  # the last row, ruled over only (each row has its line above it)
    lines = [ln for row in rows for ln in row]
    kept = [row for row in rows if row]
    if len(kept) < 2:
        return None
    columns = _columns([ln for row in kept for ln in row], walls)
    if len(columns) < 2:
        return None
    grid = [cells for row in kept for cells in band_rows.split(row, columns)]
    while grid and sum(1 for c in grid[0] if c) < 2:
        grid.pop(0)  # a title ruled over with the table, above its header: text, not a row
    if len(grid) < 2:
        return None
    taken = {id(w) for row in grid for c in row for w in c}
    lines = [ln for ln in lines if id(ln.band.words[0]) in taken]
    above = _header_above(words, stack[0], left, right, grid, columns, walls)
    if above:
        lines = above + lines
        grid = [band_rows.stacked(above, columns), *grid]
    filled = [sum(1 for c in row if c) for row in grid]
    if sum(1 for n in filled if n >= 2) < 2 and filled[0] < 3:
        # One column of text with a note beside it: not a table. (A header row of three cells
        # or more over one row of prose is a table's part carried over the page.)
        return None
    if any(sum(w.text.startswith(_BULLETS) for w in c) >= 2 for row in grid for c in row):
        return None  # boxes of bullet points (a slide), not cells
    box = union_all([Box(ln.band.x0, ln.band.y0, ln.band.x1, ln.band.y1) for ln in lines])
    table = ruled.cells_table(grid, Box(left + SAME, box.y0, right - SAME, box.y1))
    if table is None or not table.body:
        return None
    return _headed(table, grid[0], lines, columns), frozenset(id(w) for ln in lines for w in ln.band.words)


def _headed(table: Table, first: list[list[Word]], lines: list[Line], columns: list[tuple[float, float]]) -> Table:
    """The table with a header of several lines read as tables.py reads one: a line with a
    heading over a group of columns ("2024-25" over Core, External and Total) is a header row
    of its own that names each column of its group."""
    if len(table.head) != 1 or table.columns != len(columns):
        return table
    taken = {id(w) for cell in first for w in cell}
    head = [ln for ln in lines if all(id(w) in taken for w in ln.band.words)]
    if len(head) < 2:
        return table
    rows = head_rows(head, columns)
    return replace(table, head=tuple(rows)) if len(rows) > 1 else table


def _columns(lines: list[Line], walls: Walls) -> list[tuple[float, float]]:
    """The columns of the lines of several cells (a section's name or a header word alone on
    its line says nothing of them); a gutter narrower than a word space is none (figures whose
    widths differ in a column), unless a drawn line stands in it."""
    multi = [ln for ln in lines if len(ln.chunks) >= 2]
    em = statistics.median(ln.em for ln in lines)
    found = columns_of(multi or lines)
    # Lines of one chunk wholly left of every column found: a column of labels whose figures
    # stand on a line of their own (a label of several lines, its figures level with its middle).
    # (A short last line of a cell of prose may fall in a gutter: that is no column.)
    apart = [ln for ln in lines if len(ln.chunks) == 1 and found and ln.chunks[0].x1 < found[0][0]]
    if multi and apart:
        found = columns_of(apart) + found
    out: list[tuple[float, float]] = []
    top, bottom = min(ln.band.y0 for ln in lines), max(ln.band.y1 for ln in lines)
    for a, b in found:
        if out and a - out[-1][1] < 0.5 * em and not walls.across(out[-1][1], a, top, bottom):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _apart(line: Line, above: float, left: float, right: float, em: float) -> bool:
    """A line that parts the tables one stack of rules runs through: a paragraph across the
    table, or a heading set apart ("5c | Growth, Environment & Transport" between two tables of
    capital projects): in a type clearly bigger than the tables', with white space of two lines
    or more over it (a section's name in a bigger type sits close under its row's rule)."""
    if len(line.chunks) >= 2:
        return False
    heading = line.em > HEADING_SIZE * em and line.band.y0 - above > 2 * line.em
    return heading or _across([line], left, right)


def _overlaps(chunk: Chunk, column: tuple[float, float]) -> bool:
    return min(chunk.x1, column[1]) > max(chunk.x0, column[0])


def _across(lines: list[Line], left: float, right: float) -> bool:
    """Whether a line of prose runs across most of the table from its left: a paragraph, not
    a cell (a cell of prose in a wide last column does not start at the left)."""
    width = right - left
    return any(
        len(c.words) >= 8 and c.x1 - c.x0 > 0.6 * width and c.x0 < left + 0.2 * width for ln in lines for c in ln.chunks
    )


def _header_above(
    words: Sequence[Word],
    top: Box,
    left: float,
    right: float,
    grid: list[list[list[Word]]],
    columns: list[tuple[float, float]],
    walls: Walls,
) -> list[Line]:
    """A header underlined, with no rule over it: the lines close above the first rule, when
    the first row under the rule is already figures, or when they are set bold in most of the
    table's columns over a first row that is not (a capital table's header over a row of prose
    that runs on from the page before, with no figure in it)."""
    above = _lines_near(words, top, left, right, walls, down=False)
    if band_rows.figures(grid[0]) or not above:
        return above if band_rows.figures(grid[0]) else []
    first = [w for c in grid[0] for w in c]
    if all(w.bold for ln in above for w in ln.band.words) and not all(w.bold for w in first):
        filled = sum(1 for c in band_rows.stacked(above, columns) if c)
        if filled >= max(2, (len(grid[0]) + 1) // 2):
            return above
    return []


def _lines_near(words: Sequence[Word], rule: Box, left: float, right: float, walls: Walls, *, down: bool) -> list[Line]:
    """The lines set close together just above `rule` (HEAD_LINES at most: a header) or below it
    (a row, and rows of figures after a blank line), within the table's width, none of them
    prose; [] when there are none."""
    most = MAX_LINES if down else HEAD_LINES
    near = [w for w in words if left <= w.box.cx <= right and 0 < (w.box.cy - rule.cy) * (1 if down else -1) < 300]
    found: list[Line] = []
    edge = rule.cy
    for band in bands(near) if down else reversed(bands(near)):
        line = cut_line(band, walls)
        gap = band.y0 - edge if down else edge - band.y1
        limit = (2.0 if down else 1.2) if not found else 0.6
        if down and len(line.chunks) >= 3:
            limit = 2.6  # a line of figures in the table's columns after a blank line: more rows
        elif down and found and _next_paragraph(line, found[-1], left, right):
            limit = 2.0  # a cell of prose in a later column: its next paragraph
        if gap > limit * line.em or len(found) == most:
            break
        found.insert(len(found) if down else 0, line)
        edge = band.y1 if down else band.y0
    if not down and any(len(c.words) > 8 for ln in found for c in ln.chunks):
        return []  # prose over the table, not its header (a row below is checked by _across)
    return found


def _next_paragraph(line: Line, last: Line, left: float, right: float) -> bool:
    """Whether `line` may begin the next paragraph of a cell of prose that `last` ends: both
    start at one place in a later column (not at the page's margin, where text after the
    table starts)."""
    x0 = line.chunks[0].x0
    return x0 > left + 0.2 * (right - left) and abs(x0 - last.chunks[0].x0) < line.em
