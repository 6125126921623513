"""A page's words -> its tables: rows of cells, header rows named, totals marked. Pure.

Council tables are Excel or Word exports: rows often sit at one even pitch with no gap between
them, numbers are right-aligned and labels right- or left-aligned, headers run over two or three
lines. So a table is found from the lines across the page (bands.bands) rather than from gaps
between rows: each line is cut into chunks where the gap between words is wider than a word
space; a run of lines of several chunks whose chunks stack into the same columns (a column is
where most lines have ink, a gutter where almost none has), with a column of figures or of short
cells, is a table. Lines just above it that fit its columns are its header; the lines before the
first line of figures are header rows. The cost is a sort of the page's words and one sweep of
each run's chunks, so a page of tens of thousands of tiny glyphs stays bounded.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from memberdesk.papers import row_rules, ruled, table_heads
from memberdesk.papers.bands import bands
from memberdesk.papers.columns import (
    Line,
    Walls,
    cell_text,
    columns_of,
    cut_line,
    join_justified,
    line_cells,
)
from memberdesk.papers.grid_rows import HEAD_WORDS
from memberdesk.papers.numbers import is_number
from memberdesk.papers.shapes import Box, Table, Word, names_total, union_all

# Lines further apart than this many ems end a table.
TABLE_GAP = 2.6
# Past this many words a page is not searched for tables (glyphs.MAX_CHARS already caps it).
MAX_WORDS = 30_000

_BULLET = re.compile(r"^[\u2022\u25cf\u25aa\u25a0\u25e6\u2013*-]$|^\u2022")
_LEADER = re.compile(r"^[.\u2026\u00b7_]{4,}$")


@dataclass(frozen=True, slots=True)
class Found:
    """A table on the page and the words it took (so the rest of the page is laid out without them)."""

    table: Table
    words: frozenset[int]  # id() of each Word used
    size: float  # the body's type size


def find(words: list[Word], rules: Sequence[Box] = (), page_height: float = 0.0) -> list[Found]:
    """The tables among a page's upright words, top to bottom: those drawn as grids of
    `rules` first (ruled.py), then those ruled across only (row_rules.py), then those whose
    columns line up."""
    if len(words) > MAX_WORDS or not words:
        return []
    found: list[Found] = []
    grids: list[tuple[ruled.Grid, int]] = []  # each grid that made a table, and which
    for grid in ruled.grids(rules):
        got = ruled.table(words, grid, page_height)
        above = _boxed_under(grid, grids) if got is None else None
        row = ruled.table(words, grid, page_height, row_of=True) if above is not None else None
        if above is not None and row is not None and _a_row_of(found[above].table, row[0]):
            found[above] = _with_row(found[above], row)  # its total, boxed on its own under it
            grids.append((grid, above))  # (rows boxed one by one: the next one goes on under it)
            words = [w for w in words if id(w) not in row[1]]
        elif got is not None:
            grids.append((grid, len(found)))
            found.append(_found(got, words))
            words = [w for w in words if id(w) not in got[1]]
    if found:  # the lines of a grid are no table ruled across only
        rules = [r for r in rules if not any(_within(r, f.table.box) for f in found)]
    for got in row_rules.find(words, rules):
        found.append(_found(got, words))
        words = [w for w in words if id(w) not in got[1]]
    if not words:
        return found
    walls = Walls(rules)
    lines = join_justified([cut_line(b, walls) for b in bands(words)])
    i = floor = 0
    while i < len(lines):
        end = _run(lines, i)
        if end - i >= 3:
            table, stop = _table(lines, floor, i, end)
            if table is not None:
                found.append(table)
                i = floor = stop
                continue
        i = max(end, i + 1)
    return sorted(found, key=lambda f: f.table.box.y0)


BOXED_GAP = 40.0  # points: the most white space between a table and a row boxed under it


def _boxed_under(grid: ruled.Grid, grids: list[tuple[ruled.Grid, int]]) -> int | None:
    """Which table a grid of one row is boxed under: just below it, with its columns' edges
    (a budget's "Total Budget" row, set apart by a gap), else None."""
    cols, rows, _tall = grid
    if len(rows) != 2:
        return None
    for (above_cols, above_rows, _above_tall), k in grids:
        close = 0 <= rows[0] - above_rows[-1] <= BOXED_GAP
        if close and len(above_cols) == len(cols) and all(abs(a - b) <= 2.0 for a, b in zip(above_cols, cols)):
            return k
    return None


def _a_row_of(table: Table, boxed: Table) -> bool:
    """Whether a row boxed under a table is one of its rows: as many cells as it has columns
    (a spacer column the table left out would put its figures under the wrong years), and
    figures in it (another table's header has none)."""
    cells = boxed.body[0] if boxed.body else ()
    return len(cells) == table.columns and any(is_number(c) for c in cells[1:])


def _with_row(found: Found, row: tuple[Table, frozenset[int]]) -> Found:
    table, (extra, used) = found.table, row
    body = table.body + extra.body
    totals = table.totals + tuple(len(table.body) + n for n, r in enumerate(extra.body) if names_total(r))
    box = union_all([table.box, extra.box])
    return Found(Table(head=table.head, body=body, totals=totals, box=box), found.words | used, found.size)


def _found(got: tuple[Table, frozenset[int]], words: list[Word]) -> Found:
    size = statistics.median(w.size for w in words if id(w) in got[1])
    return Found(got[0], got[1], round(size, 2))


def _within(rule: Box, box: Box) -> bool:
    return box.x0 - 3 <= rule.cx <= box.x1 + 3 and box.y0 - 3 <= rule.cy <= box.y1 + 3


def _multi(line: Line) -> bool:
    return len(line.chunks) >= 2 and not any(_LEADER.match(w.text) for w in line.band.words)


def _run(lines: list[Line], i: int) -> int:
    """The end (exclusive) of the run of table-like lines from i: lines of several chunks, with
    at most two lines of one chunk (a section name, a wrapped cell) between them."""
    if not _multi(lines[i]):
        return i + 1
    end = i + 1
    j = i + 1
    while j < len(lines):
        gap = lines[j].band.y0 - lines[j - 1].band.y1
        if gap > TABLE_GAP * lines[j].em:
            break
        if _multi(lines[j]):
            end = j + 1
        elif j - end >= 3:
            break
        j += 1
    return end


def _numeric_columns(grid: list[list[list[Word]]], ncols: int) -> set[int]:
    """Columns of figures: three at least, most of the cells from the first figure down (the
    header's words above it do not count: an Excel header of three lines over three rows)."""
    out = set()
    for k in range(ncols):
        filled = [cell_text(row[k]) for row in grid if row[k]]
        filled = filled[next((n for n, t in enumerate(filled) if is_number(t)), len(filled)) :]
        if len(filled) >= 3 and sum(is_number(t) for t in filled) >= 0.6 * len(filled):
            out.add(k)
    return out


def _table(lines: list[Line], floor: int, i: int, end: int) -> tuple[Found | None, int]:
    """The table in lines i..end-1 (with header lines above it, down to `floor`), and the line
    after it: it ends early where its header is printed again (the next ward's candidates)."""
    body = lines[i:end]
    columns = columns_of([ln for ln in body if _multi(ln)])
    if len(columns) < 2:
        return None, end
    # Wrapped lines of the last row, close under it.
    while end < len(lines) and _tucked(lines[end - 1], lines[end], columns):
        end += 1
        body = lines[i:end]
    grid = [line_cells(ln, columns) for ln in body]
    numeric = _numeric_columns(grid, len(columns))
    if not numeric - {0} and not _short_cells(grid, len(columns)):
        return None, end
    # Lines just above that fit the columns are headers ("£m", "Working" over "Budget").
    left, right = columns[0][0], columns[-1][1]
    top = i
    em = statistics.median(ln.em for ln in body)
    while top > floor and i - top < 4:
        above, below = lines[top - 1], lines[top]
        if below.band.y0 - above.band.y1 > 1.5 * em or above.band.x0 < left - 2 * em or above.band.x1 > right + 2 * em:
            break
        if any(len(c.words) > 10 for c in above.chunks) or abs(above.em - em) > 0.15 * em:
            break  # prose, or a title in a bigger type
        one = above.chunks[0].words if len(above.chunks) == 1 else []
        if one and (len(one) > HEAD_WORDS or one[0].text[:1].islower()) and not all(w.bold for w in one):
            break  # a note's line over the table, in the body's type ("2025-26 will be updated as")
        top -= 1
    head_lines = lines[top:i]
    if (over := _over_note(lines, floor, top, (left - 2 * em, right + 2 * em), em)) is not None:
        head_lines = lines[over[0] : over[1]] + head_lines  # the note between stays the page's text
    grid = [line_cells(ln, columns) for ln in head_lines] + grid
    all_lines = head_lines + body
    first_data = next(
        (n for n, row in enumerate(grid) if any(row[k] and is_number(cell_text(row[k])) for k in numeric)), 0
    )
    if not numeric and first_data == 0 and _header_like(all_lines[0], all_lines[1:]):
        first_data = 1
    # Lines of one cell just above the first figures (a section's name) begin the body.
    head_end = first_data
    while head_end > 0 and sum(1 for c in grid[head_end - 1] if c) < 2:
        head_end -= 1
    # A header set bold ends where the bold ends: a first row with no figures is the body's;
    # but not a row of words over most columns of figures ("Core £000s | External £000s").
    plain = next(
        (
            n
            for n, ln in enumerate(all_lines[:head_end])
            if not all(w.bold for w in ln.band.words) and not _over_figures(grid[n], numeric)
        ),
        0,
    )
    if plain:
        head_end = plain
    stop = end
    if head_end:
        again = next((n for n in range(head_end, len(grid)) if _same(grid[n], grid[0])), None)
        if again is not None:
            while again > head_end and grid[again - 1][0] and sum(1 for c in grid[again - 1] if c) < 2:
                again -= 1  # the heading over the next part
            stop = end - (len(all_lines) - again)
            all_lines, grid = all_lines[:again], grid[:again]
    head = table_heads.head_rows(all_lines[:head_end], columns)
    rows = _body_rows(all_lines[head_end:], grid[head_end:])
    if len(rows) < 2:
        return None, end
    texts = [tuple(ruled.read_cell(c) for c in row) for row in rows]
    totals = tuple(n for n, row in enumerate(rows) if _is_total(texts[n], row, rows))
    used = frozenset(id(w) for ln in all_lines for w in ln.band.words)
    box = union_all([Box(ln.band.x0, ln.band.y0, ln.band.x1, ln.band.y1) for ln in all_lines])
    return Found(Table(head=tuple(head), body=tuple(texts), totals=totals, box=box), used, round(em, 2)), stop


NOTE_LINES = 6  # the most lines of a note set between a table's header and its body


def _over_note(lines: list[Line], floor: int, top: int, span: tuple[float, float], em: float) -> tuple[int, int] | None:
    """The header lines over a note set between a table's header and its body ("* the prior
    year savings rolled forward ..." under "£000s"), as (first, end): Excel prints such a note
    in the label column. None where no note or no header stands there."""
    note = top
    while note > floor and top - note < NOTE_LINES and len(lines[note - 1].chunks) == 1:
        note -= 1
    if note == top or not any(len(ln.band.words) > HEAD_WORDS for ln in lines[note:top]):
        return None
    if lines[top].band.y0 - lines[top - 1].band.y1 > TABLE_GAP * em:
        return None
    start = note
    while start > floor and note - start < 4:
        line = lines[start - 1]
        if lines[start].band.y0 - line.band.y1 > 1.5 * em or line.band.x0 < span[0] or line.band.x1 > span[1]:
            break
        if len(line.chunks) < 2 or any(len(c.words) > HEAD_WORDS for c in line.chunks) or abs(line.em - em) > 0.15 * em:
            break
        start -= 1
    return (start, note) if start < note else None


def _over_figures(cells: list[list[Word]], numeric: set[int]) -> bool:
    """Whether a header line names most of the columns of figures, in words."""
    named = [k for k in numeric if cells[k] and not is_number(cell_text(cells[k]))]
    return len(numeric) >= 2 and len(named) * 2 > len(numeric)


def _same(a: list[list[Word]], b: list[list[Word]]) -> bool:
    return [cell_text(c) for c in a] == [cell_text(c) for c in b]


def _tucked(last: Line, line: Line, columns: list[tuple[float, float]]) -> bool:
    """A line close under the table's last line, within its columns and not in its first one."""
    if line.band.y0 - last.band.y1 > 0.5 * last.em or len(line.chunks) > len(columns):
        return False
    return all(c.x0 > columns[0][1] and c.x1 < columns[-1][1] + last.em for c in line.chunks)


def _short_cells(grid: list[list[list[Word]]], ncols: int) -> bool:
    """A table of words, not figures: three or more columns, each mostly filled with short cells
    (two columns of prose are a page set in columns, not a table)."""
    if ncols < 3:
        return False
    for k in range(ncols):
        cells = [row[k] for row in grid if row[k]]
        if len(cells) < 0.5 * len(grid) or statistics.mean(len(c) for c in cells) > 3:
            return False
        if sum(1 for c in cells if _BULLET.match(c[0].text)) > 0.3 * len(cells):
            return False  # columns of bullet points (a slide), not a table
    return True


def _header_like(first: Line, rest: list[Line]) -> bool:
    bold = all(w.bold for w in first.band.words)
    return bold and not all(w.bold for ln in rest for w in ln.band.words)


def _body_rows(lines: list[Line], grid: list[list[list[Word]]]) -> list[list[list[Word]]]:
    """Lines -> rows. Where the lines are set at two spacings (a cell's lines close, rows
    apart), a line close under the one before it that adds no figure continues its row."""
    if not lines:
        return []
    gaps = [b.band.y0 - a.band.y1 for a, b in zip(lines, lines[1:])]
    em = statistics.median(ln.em for ln in lines)
    tight = min(gaps) if gaps else 0.0
    usual = statistics.median(gaps) if gaps else 0.0
    # Most gaps are between rows; when those are clearly wider than the tightest, the tight
    # ones are between the lines of one cell.
    spaced = usual > tight + 0.35 * em
    wide = [g for g in gaps if g > tight + 0.35 * em]
    if not spaced and len(wide) >= 2 and any(is_number(cell_text(c)) for row in grid for c in row[1:] if c):
        # Rows of figures whose cells wrap onto more lines than there are rows (a note of four
        # lines beside each row's figures): the wide gaps are between the rows.
        spaced, usual = True, statistics.median(wide)
    rows = [[list(c) for c in grid[0]]]
    for gap, cells in zip(gaps, grid[1:]):
        continues = spaced and gap < (tight + usual) / 2 and not any(c and is_number(cell_text(c)) for c in cells)
        if continues and not all(a or not b for a, b in zip(rows[-1], cells)):
            continues = False  # it would put text in a cell the row left empty: a row of its own
        if gap < -0.15 * em:
            continues = True  # lines that overlap are one row (figures centred beside a wrapped label)
        elif not cells[0] and gap < 0.6 * em and not any(c and is_number(cell_text(c)) for c in cells):
            # A line with nothing in the first column, close under a row, adds to its cells
            # (an address on two lines), where the row already has text.
            continues = all(a or not b for a, b in zip(rows[-1], cells))
        if continues or _wrapped(rows[-1], cells):
            for k, words in enumerate(cells):
                rows[-1][k].extend(words)
        else:
            rows.append([list(c) for c in cells])
    return rows


def _is_total(texts: tuple[str, ...], row: list[list[Word]], rows: list[list[list[Word]]]) -> bool:
    if not any(is_number(t) for t in texts[1:] if t):
        return False
    if names_total(texts):
        return True
    words = [w for c in row for w in c]
    others = [w for r in rows if r is not row for c in r for w in c]
    return bool(words) and all(w.bold for w in words) and sum(w.bold for w in others) < 0.5 * max(len(others), 1)


_ENDS_OPEN = re.compile(r"(\b[a-z]+|[,&(/-]|\u00ad)$")  # a lower-case last word, or a comma, & ...


def _wrapped(row: list[list[Word]], cells: list[list[Word]]) -> bool:
    """Rows at one even pitch (Excel): a label wrapped over lines of its own, its figures on
    its first or last line. The text runs on when one line ends mid-phrase or the next begins
    in lower case; a section's name ("Public Health") followed by a row does neither."""
    if not row[0] or not cells[0]:
        return False
    row_only = not any(row[1:])
    line_only = not any(cells[1:])
    if not (row_only or line_only):
        return False
    before, after = cell_text(row[0]), cell_text(cells[0])
    return after[:1].islower() or (row_only and bool(_ENDS_OPEN.search(before)))
