"""A table's header lines -> its header rows, each cell's text under the column it heads. Pure.

Excel sets header cells right-aligned, bottom-aligned and stacked over several lines; a row of
headings may stand each centred over a group of the columns under it ("2024-25" over Core,
External and Total). tables.py finds the header lines; this turns them into rows.
"""

from __future__ import annotations

from memberdesk.papers import ruled
from memberdesk.papers.columns import CELL_GAP, Chunk, Line, nearest
from memberdesk.papers.shapes import Word


def head_rows(lines: list[Line], columns: list[tuple[float, float]]) -> list[tuple[str, ...]]:
    """Header lines -> header rows. Excel sets header cells right-aligned, bottom-aligned and
    stacked over several lines with one word space between neighbours, so each word goes to
    the column it lies in, and the lines of one header row are stacked into its cells. A line
    with a word that lies across a gutter ("£000s" over several columns, "2024-25" over Budget
    and Forecast) is a header row of its own."""
    placed: list[tuple[list[list[Word]], bool]] = []
    for line in lines:
        cells: list[list[Word]] = [[] for _ in columns]
        spans = False
        for run in _runs(line, columns):
            k = next((k for k, (_a, b) in enumerate(columns) if abs(run.x1 - b) < 0.5 * line.em), None)
            if k is None:
                over = [k for k, (a, b) in enumerate(columns) if min(b, run.x1) - max(a, run.x0) > 0.3 * line.em]
                spans = spans or len(over) >= 2
                k = over[0] if len(over) >= 2 else nearest(run, columns)
            cells[k].extend(run.words)
        placed.append((cells, spans))
    rows: list[list[list[Word]]] = []
    stacking = False
    for n, (cells, spans) in enumerate(placed):
        # A line of a few headings over groups of the line under it ("2024-25" centred over
        # its Core, External and Total) is a header row of its own, as one across a gutter is.
        under = placed[n + 1][0] if n + 1 < len(placed) else None
        grouping = (
            under is not None and 0 < 2 * _filled(cells) <= _filled(under) and bool(_groups(cells, [under], columns))
        )
        if spans or grouping:
            rows.append(cells)
            stacking = False
        elif stacking:
            for k, words in enumerate(cells):
                rows[-1][k].extend(words)
        else:
            rows.append(cells)
            stacking = True
    texts = [[ruled.read_cell(c) for c in row] for row in rows]
    for r in range(len(rows) - 1):
        _spread(rows[r], texts[r], rows[r + 1 :], columns)
    return [tuple(row) for row in texts]


def _filled(cells: list[list[Word]]) -> int:
    return sum(1 for c in cells if c)


def _spread(
    cells: list[list[Word]], texts: list[str], under: list[list[list[Word]]], columns: list[tuple[float, float]]
) -> None:
    """A heading centred over a group of the columns under it ("2024-25" over Core, External
    and Total) names each of them: its text is put in every column of the group."""
    for k, (first, last) in _groups(cells, under, columns).items():
        for j in range(first, last + 1):
            texts[j] = texts[k]


def _groups(
    cells: list[list[Word]], under: list[list[list[Word]]], columns: list[tuple[float, float]]
) -> dict[int, tuple[int, int]]:
    """Each heading of a row of headings centred over two columns or more of the rows under
    it: the widest run of columns, empty in this row but for the heading, with headers under
    both its ends, whose middle is the heading's (within an em). A heading alone in its row is
    left where it stands: nothing bounds its group (a two-line "Public / Health" is no group)."""
    taken = [bool(c) for c in cells]
    out: dict[int, tuple[int, int]] = {}
    if sum(taken) < 2:
        return out
    for k, words in enumerate(cells):
        if not words:
            continue
        middle = (min(w.box.x0 for w in words) + max(w.box.x1 for w in words)) / 2
        em = words[0].size or 10.0
        best = (k, k)
        for first in range(k, -1, -1):
            if first < k and taken[first]:
                break
            for last in range(k, len(columns)):
                if last > k and taken[last]:
                    break
                ends = any(row[first] for row in under) and any(row[last] for row in under)
                centred = abs((columns[first][0] + columns[last][1]) / 2 - middle) <= em
                if ends and centred and last - first > best[1] - best[0]:
                    best = (first, last)
        if best[1] > best[0]:
            out[k] = best
            for j in range(best[0], best[1] + 1):
                taken[j] = True
    return out


def _runs(line: Line, columns: list[tuple[float, float]]) -> list[Chunk]:
    """A header line's words in runs: parted by more than a word space, or after a word that
    ends where a column ends (right-aligned header cells one space apart)."""
    ends = [b for _a, b in columns]
    runs: list[Chunk] = []
    closed = True
    for word in line.band.words:
        if runs and not closed and word.box.x0 - runs[-1].x1 <= CELL_GAP * line.em:
            runs[-1].words.append(word)
            runs[-1].x1 = word.box.x1
        else:
            runs.append(Chunk([word], word.box.x0, word.box.x1))
        closed = any(abs(word.box.x1 - b) < 0.5 * line.em for b in ends)
    return runs
