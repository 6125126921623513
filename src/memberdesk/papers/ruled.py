"""Ruled tables: a grid of drawn lines (rules.py) -> cells, each holding the words inside it. Pure.

Where a table is drawn as a grid, its lines say where every row and column ends, so a cell of
several lines, a row of prose beside a row of figures and a cell left empty all come out right
without guessing from the words. A grid is a set of horizontal and vertical rules that touch
one another; it needs two columns and two rows at least. Rules that stand alone (a line under a
heading, the rules of a table drawn with horizontal lines only) are left to tables.py.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from collections.abc import Sequence

from memberdesk.papers import grid_rows
from memberdesk.papers.bands import bands
from memberdesk.papers.joining import join_lines
from memberdesk.papers.numbers import is_number
from memberdesk.papers.shapes import Box, Table, Word, introduces, names_references, names_total

TOUCH = 2.0  # points: rules this close are joined
MAX_RULES = 3_000
MAX_FRAMES = 60
NARROWEST = 20.0  # points: the narrowest column a table's inside borders part (a "No." column)
THINNEST = 8.0  # points: edges closer than this part no cell (no line of text fits between)

_VOWEL = re.compile(r"[aeiouy]")
SIGNS = ("-", "\u2212", "\u2013")  # a minus sign, as Excel and Word print one
MAX_TAIL = 3  # letters: the most of a word cut by a narrow cell that is put back on its head


Grid = tuple[list[float], list[float], list[Box]]


def grids(rules: Sequence[Box]) -> list[Grid]:
    """Each grid as (column edges x, row edges y, its vertical rules), left to right and top
    to bottom."""
    out = []
    for hs, vs in _groups(rules):
        cols = _edges([v.cx for v in vs])
        rows = _edges([h.cy for h in hs])
        # Word draws a table's inside borders and its top and bottom ones, often no sides: the
        # rules across then end where its sides are (two of them, or a cross would be a grid).
        # (Rules closer than a narrow column are a box's sides, such as a status colour's.)
        if len(cols) < 3 <= len(rows) and cols and _apart(cols):
            cols = _framed(cols, min(h.x0 for h in hs), max(h.x1 for h in hs))
        elif len(rows) < 3 <= len(cols) and rows and _apart(rows):
            rows = _framed(rows, min(v.y0 for v in vs), max(v.y1 for v in vs))
        if len(cols) >= 3 and len(rows) >= 2:
            out.append((cols, rows, vs))  # (one row of three cells or more: a table's part, perhaps)
    return sorted(out, key=lambda g: g[1][0])


def frames(rules: Sequence[Box]) -> list[Box]:
    """The boxes drawn round text: four rules that touch and nothing across inside them (a
    form's "Decision number" box beside its "Decision taken by" box)."""
    out = []
    for hs, vs in _groups(rules):
        if len(_edges([v.cx for v in vs])) == 2 and len(_edges([h.cy for h in hs])) == 2:
            box = Box(min(h.x0 for h in hs), min(v.y0 for v in vs), max(h.x1 for h in hs), max(v.y1 for v in vs))
            if box.width > NARROWEST and box.height > NARROWEST:
                out.append(box)
    return out if len(out) <= MAX_FRAMES else []  # hundreds of boxes are cells, not a form's


def _groups(rules: Sequence[Box]) -> list[tuple[list[Box], list[Box]]]:
    """The rules that touch one another, each set as (its flat rules, its tall ones)."""
    if len(rules) > MAX_RULES:
        return []
    flat = [r for r in rules if r.height <= r.width]
    tall = [r for r in rules if r.height > r.width]
    parent = list(range(len(flat) + len(tall)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    tall_by_x = sorted(range(len(tall)), key=lambda k: tall[k].cx)
    xs = [tall[k].cx for k in tall_by_x]
    for i, h in enumerate(flat):
        lo = bisect_right(xs, h.x0 - TOUCH - 0.001)
        for k in tall_by_x[lo : bisect_right(xs, h.x1 + TOUCH)]:
            v = tall[k]
            if v.y0 - TOUCH <= h.cy <= v.y1 + TOUCH:
                parent[root(i)] = root(len(flat) + k)
    groups: dict[int, tuple[list[Box], list[Box]]] = {}
    for i, h in enumerate(flat):
        groups.setdefault(root(i), ([], []))[0].append(h)
    for k, v in enumerate(tall):
        groups.setdefault(root(len(flat) + k), ([], []))[1].append(v)
    return list(groups.values())


def _solid(
    edges: list[float], drawn: list[tuple[float, float]], words: list[tuple[float, float]], thinnest: float = THINNEST
) -> list[float]:
    """The edges with those closer than any cell could be, and no word between them (`words`:
    each one's centre and width, a word wider than the strip only passing over it), made one
    (a shaded cell's box drawn inside its borders, its sides a few points in): the edge drawn
    the longer stays (the first, where `drawn` says nothing)."""
    out: list[float] = []
    for edge in edges:
        strip = edge - out[-1] if out else 0.0
        if out and strip < thinnest and not any(out[-1] < at < edge and width <= strip + TOUCH for at, width in words):
            if _length(edge, drawn) > _length(out[-1], drawn):
                out[-1] = edge
            continue
        out.append(edge)
    return out


def _length(edge: float, drawn: list[tuple[float, float]]) -> float:
    return sum(length for at, length in drawn if abs(at - edge) <= 2 * TOUCH)


def _apart(edges: list[float]) -> bool:
    return all(b - a >= NARROWEST for a, b in zip(edges, edges[1:]))


def _framed(edges: list[float], lo: float, hi: float) -> list[float]:
    """The edges with the ends of the rules that cross them where those reach further out."""
    return ([lo] if lo < edges[0] - 2 * TOUCH else []) + edges + ([hi] if hi > edges[-1] + 2 * TOUCH else [])


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > TOUCH * 2:
            out.append(value)
    return out


LONE_COLUMNS = 3  # the fewest cells of a grid of one row read as a table's header or a whole row
LONE_TOP, LONE_FOOT = 0.2, 0.75  # where on its page such a part stands: a table cut by the page


def table(
    words: Sequence[Word], grid_lines: Grid, page_height: float = 0.0, *, row_of: bool = False
) -> tuple[Table, frozenset[int]] | None:
    """The grid's table from the words whose centres fall inside it, and the words it took.
    Where a row has no rule between two columns (a cell merged across them) its words go to
    the first of them. A grid of one row (`page_height` says where it stands) is a table's
    part only at the page's top or foot, or (`row_of`) boxed under a table of its columns."""
    cols, rows, tall = grid_lines
    at_end = page_height and (rows[0] < LONE_TOP * page_height or rows[1] > LONE_FOOT * page_height)
    if len(rows) == 2 and not (at_end or row_of):
        return None  # one row of boxes in the page's body: a frame round text, read as text
    # Edges a few points apart are one (a cell's shading drawn inside its borders, a shaded
    # line of a header's text): columns with no word between them, rows nearer than a line of
    # the table's own text is tall (a table of small type keeps its rows).
    inside = [w.box for w in words if rows[0] <= w.box.cy <= rows[-1] and cols[0] <= w.box.cx <= cols[-1]]
    cols = _solid(cols, [(v.cx, v.height) for v in tall], [(b.cx, b.x1 - b.x0) for b in inside])
    line = statistics.median(b.y1 - b.y0 for b in inside) if inside else THINNEST
    rows = _solid(rows, [], [], min(THINNEST, 0.9 * line))
    cells: list[list[list[Word]]] = [[[] for _ in cols[1:]] for _ in rows[1:]]
    used: set[int] = set()
    for word in words:
        x, y = word.box.cx, word.box.cy
        if not (cols[0] <= x <= cols[-1] and rows[0] <= y <= rows[-1]):
            continue
        r = min(bisect_right(rows, y) - 1, len(rows) - 2)
        c = min(bisect_right(cols, x) - 1, len(cols) - 2)
        middle = (rows[r] + rows[r + 1]) / 2
        while c > 0 and not any(abs(v.cx - cols[c]) <= 2 * TOUCH and v.y0 <= middle <= v.y1 for v in tall):
            c -= 1
        cells[r][c].append(word)
        used.add(id(word))
    near = [[v for v in tall if abs(v.cx - x) <= 2 * TOUCH] for x in cols]  # each edge's rules, once
    spans = [grid_rows.spans(near, (rows[r] + rows[r + 1]) / 2) for r in range(len(cells))]
    for r, row in enumerate(cells):
        # A cell merged over columns with no rule inside it (Excel's shaded header or total
        # band, its rules left out, perhaps past a row reference ruled off) whose words stand
        # apart in the columns: parted into them.
        parted: list[tuple[int, int]] = []
        for first, end in spans[r]:
            words_in = row[first]
            if end - first > 1 and words_in and not any(row[first + 1 : end]):
                split = grid_rows.by_runs(words_in, cols[first : end + 1])
                below = cells[r + 1][first:end] if r + 1 < len(cells) else []
                if split and (len(spans[r]) == 1 or grid_rows.parts_figures(split, below)):
                    row[first:end] = split
                    parted += [(first + k, first + k + 1) for k in range(len(split))]
                    continue
            parted.append((first, end))
        spans[r] = parted
    kept = [r for r, row in enumerate(cells) if any(row)]
    notes = grid_rows.notes(cells, kept)
    if notes:
        # Footnotes ruled in as the grid's last rows ("[1] These are projects relying on
        # unsecured funding ..."): the page's own text under the table, not a row of it.
        used -= {id(w) for r in kept[-notes:] for cell in cells[r] for w in cell}
        kept = kept[:-notes]
    grid = [cells[r] for r in kept]
    merged = [spans[r] for r in kept]
    if _split_cells(grid) or _stacked_rows(grid):
        return None  # the lines are a shading or a frame, not the cells: columns inside them
    if len(rows) == 2:
        # One row of a table the page cut (its last row's end at the next page's top, its
        # header alone at the page's foot): its cells read apart, not line by line across
        # them; table_pages joins it to the rest. Every column kept, to match the rest's.
        texts = tuple(read_cell(cell) for cell in grid[0]) if len(grid) == 1 else ()
        if not row_of and not _cut_part(texts, at_top=rows[0] < LONE_TOP * page_height):
            return None
        return Table(head=(), body=(texts,), box=Box(cols[0], rows[0], cols[-1], rows[-1])), frozenset(used)
    found = cells_table(grid, Box(cols[0], rows[0], cols[-1], rows[-1]), merged)
    if found is not None and (top := grid_rows.captions(grid)):
        # Title bands drawn as the grid's first rows ("Environment & Circular Economy" over
        # "Director: ...", an appendix's print title over a directorate's name), with the
        # header row under them: the titles are read as the page's own text above the table,
        # which starts at its header.
        under = cells_table(grid[top:], Box(cols[0], rows[kept[top]], cols[-1], rows[-1]), merged[top:])
        if under is not None and under.head:
            caption = {id(w) for row in grid[:top] for cell in row for w in cell}
            return under, frozenset(used - caption)
    return None if found is None else (found, frozenset(used))


def cells_table(
    grid: list[list[list[Word]]], box: Box, spans: Sequence[list[tuple[int, int]]] | None = None
) -> Table | None:
    """Rows of cells (each the words in it) -> a table: header rows (bold over a body that is
    not, or words over columns of figures) and totals named. None for fewer than two rows or
    columns with words in them. `spans`, each row's merged cells (_spans), name a heading's
    group of columns. Shared with row_rules.py (tables ruled across only)."""
    # A column no word falls in (a coloured key bar drawn as boxes) is no column.
    keep = [k for k in range(len(grid[0]) if grid else 0) if any(row[k] for row in grid)]
    grid = [[row[k] for k in keep] for row in grid]
    if len(grid) < 2 or len(keep) < 2:
        return None
    texts = [tuple(read_cell(c) for c in row) for row in grid]
    head = 0
    while head < len(grid) - 1 and _heading_row(grid[head], grid[head + 1 :]):
        if head and not any(texts[head][1:]):
            break  # a section's name under the header, in bold as the header is: the body starts
        head += 1
    if head == 0 and (introduces(texts[0]) or names_references(texts)):
        head = 1  # each column said what it lists ("... include:"), or "Ref | Action", in the body's type
    bold = head > 0  # a header set bold ends where the bold ends: the next row is the body's first
    while not bold and head < len(texts) - 1 and sum(1 for t in texts[head] if t) >= 2 and _figures_below(texts[head:]):
        head += 1  # words over columns of figures
    while bold and head < len(texts) - 1 and not texts[head][0] and sum(1 for t in texts[head] if t) >= 2:
        if not _figures_below(texts[head:]):
            break
        head += 1  # under a bold heading over groups, their own headings in plain type ("2025-26")
    banded = spans is not None and _group_band(grid_rows.spread(texts[0], spans[0], keep))
    if head == 1 and head < len(texts) - 1 and banded and _mostly_bold(grid[1], grid[2:]):
        head = 2  # under a group's heading ("RAG rating" over two columns), their own ("Latest", "Previous")
    if spans is not None:
        texts[:head] = [grid_rows.spread(texts[n], spans[n], keep) for n in range(head)]
    heads, body = grid_rows.without_empty_spans(texts[:head], texts[head:])
    totals = tuple(n for n, row in enumerate(body) if names_total(row))
    return Table(head=tuple(heads), body=tuple(body), totals=totals, box=box)


def read_cell(words: list[Word]) -> str:
    """A cell's words as a reader reads them: its lines joined as a paragraph's are (a word
    hyphenated over two lines whole), a word Excel cut by letters put back together, a minus
    sign left alone over its number one figure. Shared with tables.py (tables not ruled)."""
    if not words:
        return ""
    lines = [band.words for band in bands(words)]
    texts = [[w.text for w in line] for line in lines]
    widest = max(line[-1].box.x1 - line[0].box.x0 for line in lines)
    for n in range(1, len(lines)):
        if len(lines[n - 1]) == 1 and texts[n] and _cut(lines[n - 1][0], lines[n][0], widest):
            texts[n - 1] = [texts[n - 1][0] + texts[n][0]]
            texts[n] = texts[n][1:]
        elif texts[n - 1] in [[s] for s in SIGNS] and len(texts[n]) == 1 and is_number(texts[n][0]):
            texts[n - 1], texts[n] = [texts[n - 1][0] + texts[n][0]], []  # "-" over "1.868": -1.868
    return join_lines(texts)


def _cut(head: Word, tail: Word, widest: float) -> bool:
    """Whether `tail`, first on its line, is the end of `head`, alone on the line above, cut
    where a cell too narrow for the word ran out ("Revenu" over "e", "Forecas" over "t": Excel
    breaks a word that does not fit its cell by letters). The head fills the cell's widest line,
    so that its next letter could not have stood beside it; the tail, one or a few lower-case
    letters, is no word on its own (a one-letter word other than "a" or "I", or letters with no
    vowel): a word moved whole to the next line ("Total" over "spend") is left alone."""
    if not (head.text.isalpha() and head.text[-1].islower() and tail.text.isalpha() and tail.text.islower()):
        return False
    if head.bold != tail.bold or abs(head.size - tail.size) > 0.1 or len(tail.text) > MAX_TAIL:
        return False
    letter = (tail.box.x1 - tail.box.x0) / len(tail.text)
    if head.box.x1 - head.box.x0 + 0.8 * letter <= widest:
        return False
    return tail.text not in ("a", "i") if len(tail.text) == 1 else not _VOWEL.search(tail.text)


def _cut_part(row: tuple[str, ...], at_top: bool) -> bool:
    """Whether a grid's one row is a part of a table the page cut: at the page's top, a row's
    end going on in lower case in one of its cells ("removal of the Norwood Quarry ..."); at
    its foot, a header, every cell a few words and no figure ("Alternative | Impact on income
    and expenditure | ..."). A slide's boxes, a chart's key, a total set apart, are no such part."""
    filled = [c for c in row if c]
    if not filled:
        return False
    if at_top:
        if sum(len(c.split()) for c in filled) < 2 * len(filled):
            return False  # a word a box: a chart's key, a slide's grid ("Number | of | people")
        # A row's end ("the new regulations).", in its third column only), or a row of its own
        # carried whole ("B | The JHOSC has delegated powers ...").
        return any(c[:1].islower() for c in filled) or (len(filled) >= LONE_COLUMNS and len(row) >= LONE_COLUMNS)
    return (
        len(row) >= LONE_COLUMNS
        and len(filled) == len(row)
        and all(len(c.split()) <= HEADER_WORDS and not is_number(c) for c in filled)
    )


HEADER_WORDS = 8  # the most words of a column's name in a header printed alone (table_pages too)


def _heading_row(row: list[list[Word]], rest: list[list[list[Word]]]) -> bool:
    """A header row is bold over a body that is not, as Word and Excel set one."""
    words = [w for c in row for w in c]
    others = [w for r in rest for c in r for w in c]
    return bool(words) and all(w.bold for w in words) and sum(w.bold for w in others) < 0.5 * max(len(others), 1)


MOSTLY = 0.75  # the share of a row's words set bold that makes it a header row under a group's


def _group_band(row: tuple[str, ...]) -> bool:
    """Whether a header row is a group's heading spread over its columns and nothing else: no
    name of its own first, one heading over two columns side by side or more."""
    return not row[0] and any(a and a == b for a, b in zip(row, row[1:]))


def _mostly_bold(row: list[list[Word]], rest: list[list[list[Word]]]) -> bool:
    """Whether a row of short cells is set bold (a word or so of it in plain type: one cell's
    font without its bold flag) over a body that is not."""
    words = [w for c in row for w in c]
    if sum(1 for c in row if c) < 2 or any(len(c) > grid_rows.HEAD_WORDS for c in row):
        return False  # a section's name alone on its row is no header
    others = [w for r in rest for c in r for w in c]
    return sum(w.bold for w in words) >= MOSTLY * len(words) and sum(w.bold for w in others) < 0.5 * max(len(others), 1)


def _figures_below(texts: list[tuple[str, ...]]) -> bool:
    """Whether a row of words heads columns of figures: most of a column under it are figures,
    or, over a table of one row ("Business rate collection fund | 0.0 | 313.3 | 313.3", a
    scorecard's summary strip of counts), that row's cells under two of its words are."""
    first, rest = texts[0], texts[1:]
    if any(is_number(t) for t in first if t):
        return False
    if len(rest) == 1:
        return sum(1 for k in range(1, len(first)) if first[k] and is_number(rest[0][k])) >= 2
    for k in range(1, len(first)):
        filled = [row[k] for row in rest if row[k]]
        if len(filled) >= 2 and sum(is_number(t) for t in filled) >= 0.6 * len(filled):
            return True
    return False


def _split_cells(grid: list[list[list[Word]]]) -> bool:
    """Whether many cells hold a line with a gutter inside it (three figures in one "cell"):
    then the drawn boxes are shaded rows or a frame and the columns are the words' own."""
    lines = split = 0
    for row in grid:
        for cell in row:
            for band in bands(cell) if cell else []:
                lines += 1
                em = band.words[0].size or 10.0
                split += any(b.box.x0 - a.box.x1 > 2.5 * em for a, b in zip(band.words, band.words[1:]))
    return split > 0.1 * max(lines, 1)


# A cell of this many lines or more, each a figure beside a line of the cell next to it, holds
# rows the ruling does not part.
STACKED = 3


def _stacked_rows(grid: list[list[list[Word]]]) -> bool:
    """Whether a cell holds a column of figures, one a line, each on a line of the cell beside
    it (an Excel sheet's frame drawn round figures and their labels, ruled under a few rows
    only): then the boxes are a frame and the rows are the lines' own. A Word table's cell
    holds one figure, or figures in a sentence, however many lines its label has."""
    for row in grid:
        lines = [bands(cell) if cell else [] for cell in row]
        for k, cell in enumerate(lines):
            figures = [b for b in cell if len(b.words) == 1 and is_number(b.words[0].text)]
            if len(figures) < STACKED or len(figures) < 0.8 * len(cell):
                continue
            for other in (lines[j] for j in (k - 1, k + 1) if 0 <= j < len(lines)):
                beside = sum(1 for f in figures if any(o.y0 < (f.y0 + f.y1) / 2 < o.y1 for o in other))
                if beside >= STACKED:
                    return True
    return False
