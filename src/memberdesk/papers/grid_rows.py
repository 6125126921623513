"""A ruled grid's rows as drawn, before they are read as a table: which columns each row's
cells span (a heading merged over a group of columns, a title across the table), the runs of
words in a row drawn with no rule inside it (Excel's shaded header and total bands), and the
rows at the top and foot that are the page's own text (title bands, footnotes). Pure; used
by ruled.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from memberdesk.papers.bands import bands
from memberdesk.papers.numbers import is_number
from memberdesk.papers.shapes import Box, Word

EDGE_SNAP = 2.0  # points: a word's edge this near a column's edge stands on it
# The most words of a header's cell: Excel's hold a few each; a line longer than this is a
# note's (over a table, or a footnote under a grid). Shared with tables.py.
HEAD_WORDS = 6


# A row drawn with no rule inside it holds words set in the columns when its words stand apart
# by this many ems (a shaded header band: "Directorate   Cabinet Member   2025-26 £000's").
RUN_GAP = 0.8
EDGE_ROOM = 1.5  # ems: how far from its column's edge a heading's text in a band may start or end
EDGE_GAP = 0.3  # ems: a gap across a column's edge in such a row parts two cells ("2027-28 | Service Area")


def spans(near: list[list[Box]], middle: float) -> list[tuple[int, int]]:
    """A row's cells as ranges of columns (first, end): columns no rule parts there are one
    cell (a heading over a group of columns, a title across the table). `near`: each column
    edge's vertical rules."""
    cuts = [k for k in range(1, len(near) - 1) if any(v.y0 <= middle <= v.y1 for v in near[k])]
    bounds = [0, *cuts, len(near) - 1]
    return list(zip(bounds, bounds[1:]))


def spread(row: tuple[str, ...], spans: list[tuple[int, int]], keep: list[int]) -> tuple[str, ...]:
    """A header row with each merged cell's text in every column it spans ("2025-28 Draft MTFP"
    over its three years), as the unruled tables name a group's columns (table_heads.py)."""
    out = list(row)
    where = {column: k for k, column in enumerate(keep)}
    for first, end in spans:
        inside = [where[c] for c in range(first, end) if c in where]
        if len(inside) == len(keep):
            continue  # a title across the whole table names no column
        if len(inside) > 1 and out[inside[0]] and not any(out[k] for k in inside[1:]):
            for k in inside[1:]:
                out[k] = out[inside[0]]
    return tuple(out)


def without_empty_spans(
    head: list[tuple[str, ...]], body: list[tuple[str, ...]]
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The rows less a column that holds nothing in the body and is named only as part of the
    next one's merged header ("Shared Outcome" over a stray cell edge and the codes' column):
    read, it was a column named twice, and the codes after it under no name."""
    width = len(head[0]) if head else 0
    drop = [
        k
        for k in range(width - 1)
        if not any(row[k] for row in body)
        and any(row[k] for row in head)
        and all(row[k] == row[k + 1] for row in head)
        and any(row[k + 1] for row in body)
    ]
    if not drop:
        return head, body
    keep = [k for k in range(width) if k not in drop]
    return [tuple(row[k] for k in keep) for row in head], [tuple(row[k] for k in keep) for row in body]


def by_runs(words: list[Word], cols: list[float]) -> list[list[Word]] | None:
    """A row with no rule inside it whose lines hold runs of words wide apart (Excel's shaded
    header or total band, the columns' rules left out): each run in the column it starts in,
    a run also parted where a column's edge falls in a gap after a word. None for a row of one
    run a line (a title across the table: one cell)."""
    lines = [band.words for band in bands(words)]
    if not any(b.box.x0 - a.box.x1 > RUN_GAP * (b.size or 10.0) for line in lines for a, b in zip(line, line[1:])):
        return None
    out: list[list[Word]] = [[] for _ in cols[1:]]
    for line in lines:
        runs: list[list[Word]] = []
        for k, word in enumerate(line):
            gap = word.box.x0 - line[k - 1].box.x1 if k else 0.0
            edge = k and any(line[k - 1].box.x1 <= x <= word.box.x0 for x in cols[1:-1])
            if not k or gap > RUN_GAP * (word.size or 10.0) or (edge and gap > EDGE_GAP * (word.size or 10.0)):
                runs.append([word])
            else:
                runs[-1].append(word)
        taken: set[int] = set()
        for run in runs:
            found = _run_columns(run, cols)
            if found is None or taken & set(found):
                return None  # runs that stand in no column of their own: justified text, a tab stop
            taken.update(found)
            out[found[0]].extend(run)
    return out if sum(1 for cell in out if cell) >= 2 else None


def parts_figures(split: list[list[Word]], below: list[list[Word]]) -> bool:
    """Whether a cell merged over columns past a ruled one, its words parted by runs
    (by_runs), is cells of figures: a total band's figures after its label ("TOTAL BASE
    BUDGET CHANGES | 10,289.7 | -100.0"), or a header band's names over columns of figures
    in the row under it. A group's heading over its columns' own headings ("Sensitivity over
    medium term" over "Most Likely", "Best Case") stays one cell."""
    filled = [cell for cell in split[1:] if cell]
    if filled and all(_figure(cell) for cell in filled):
        return True
    return sum(1 for cell in below if cell and _figure(cell)) >= 2


def _figure(cell: list[Word]) -> bool:
    text = " ".join(w.text for w in cell)
    return is_number(text) and not _YEAR.match(text)  # "2025" over its column is a heading


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _run_columns(run: list[Word], cols: list[float]) -> range | None:
    """The columns a run of words stands over: one, set against its left edge or its right or
    centred (a heading left-aligned, a figure right-aligned, a reference centred), or several
    from the left edge of the first (a total's label across merged cells); None for a run
    floating in a column (justified text, a tab stop)."""
    x0, x1, em = run[0].box.x0, run[-1].box.x1, run[0].size or 10.0
    first = min(max(bisect_right(cols, x0 + EDGE_SNAP) - 1, 0), len(cols) - 2)
    last = min(max(bisect_right(cols, x1 - EDGE_SNAP) - 1, first), len(cols) - 2)
    if x0 - cols[first] <= EDGE_ROOM * em:
        return range(first, last + 1)
    left, right = cols[first], cols[first + 1]
    if first == last and (right - x1 <= EDGE_ROOM * em or abs(x0 + x1 - left - right) / 2 <= EDGE_ROOM * em):
        return range(first, first + 1)  # right-aligned or centred in its column
    return None


_NOTE_MARK = re.compile(r"^(\[\d{1,2}\]|\(\d{1,2}\)|\*+|†|note[s]?\b|source[s]?\b)", re.I)


def notes(cells: list[list[list[Word]]], kept: list[int]) -> int:
    """How many of the grid's last rows are footnotes: words in the first cell only, starting
    with a note's mark ("[1]", "*", "Note:") and running to a sentence, two rows at least left
    above them."""
    notes = 0
    while notes < len(kept) - 2:
        row = cells[kept[-1 - notes]]
        words = row[0]
        if not words or any(row[1:]) or len(row) < 2:
            break
        text = " ".join(w.text for w in sorted(words, key=lambda w: (round(w.box.y0), w.box.x0)))
        if not _NOTE_MARK.match(text) or len(text.split()) <= HEAD_WORDS:
            break
        notes += 1
    return notes


def captions(grid: list[list[list[Word]]]) -> int:
    """How many rows at the top hold words in the first cell only (a cell across the table),
    with at least two rows below them (a title band over the header)."""
    top = 0
    while top < len(grid) - 2 and len(grid[top]) >= 2 and grid[top][0] and not any(grid[top][1:]):
        top += 1
    return top
