"""A table's columns from its words' alignment, shared by the unruled (tables.py) and the
row-ruled (row_rules.py) table finders. Pure.

A line of the page is cut into chunks where the gap between words is wider than a word space
(the spaces of justified prose, stretched alike along a line, are word spaces however wide);
a column is where most lines have ink, a gutter a stretch that almost no line crosses; each
line's words are then placed in the column they lie in.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from memberdesk.papers.bands import Band
from memberdesk.papers.numbers import is_number
from memberdesk.papers.shapes import Box, Word

# A gap wider than this many ems cuts a line into chunks (a justified word space stays under it).
CHUNK_GAP = 0.8
# Inside a chunk that crosses a column boundary, a gap this wide still parts two cells
# (header words set close together over their columns), a single word space does not.
CELL_GAP = 0.45
# Justified prose (columns.cut_line): a line's word spaces are stretched alike, up to STRETCH
# ems (SENTENCE_STRETCH after a full stop); JUSTIFIED such gaps beside a wide one make it a word
# space when it is within SAME_SPACE of their width, or within SENTENCE times it after a stop.
STRETCH = 1.6
SENTENCE_STRETCH = 2.4
JUSTIFIED = 3
SAME_SPACE = 0.1
SENTENCE = 2.3
_SENTENCE_END = (".", ":", ";", "?", "!")


@dataclass(slots=True)
class Chunk:
    words: list[Word]
    x0: float
    x1: float

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(slots=True)
class Line:
    band: Band
    chunks: list[Chunk]
    em: float


class Walls:
    """The vertical rules drawn on a page, by where they stand across it: a rule between two
    words parts their cells however close they sit (an Excel total right-aligned against the
    rule, its row's label just past it)."""

    def __init__(self, rules: Sequence[Box] = ()) -> None:
        self.rules = sorted((r for r in rules if r.height > r.width), key=lambda r: r.cx)
        self.xs = [r.cx for r in self.rules]

    def between(self, a: Word, b: Word) -> bool:
        lo, hi = bisect_left(self.xs, a.box.cx), bisect_right(self.xs, b.box.cx)
        middle = (a.box.cy + b.box.cy) / 2
        return any(a.box.x1 - 1.0 <= r.cx <= b.box.x0 + 1.0 and r.y0 <= middle <= r.y1 for r in self.rules[lo:hi])

    def across(self, x0: float, x1: float, y0: float, y1: float) -> bool:
        """Whether a rule stands in the gap x0..x1 somewhere between y0 and y1."""
        lo, hi = bisect_left(self.xs, x0 - 1.0), bisect_right(self.xs, x1 + 1.0)
        return any(r.y0 < y1 and r.y1 > y0 for r in self.rules[lo:hi])


NO_WALLS = Walls()


def cut_line(band: Band, walls: Walls = NO_WALLS) -> Line:
    em = statistics.median(w.size for w in band.words) or 10.0
    words = band.words
    gaps = [b.box.x0 - a.box.x1 for a, b in zip(words, words[1:])]
    chunks: list[Chunk] = []
    for n, word in enumerate(words):
        if n and walls.xs and walls.between(words[n - 1], word):
            chunks.append(Chunk([word], word.box.x0, word.box.x1))
        elif n and gaps[n - 1] > CELL_GAP * em and _figures(words[n - 1], word):
            chunks.append(Chunk([word], word.box.x0, word.box.x1))  # two cells' figures, one space apart
        elif chunks and (word.box.x0 - chunks[-1].x1 <= CHUNK_GAP * em or _word_space(words, gaps, n - 1, em)):
            chunks[-1].words.append(word)
            chunks[-1].x1 = max(chunks[-1].x1, word.box.x1)
        else:
            chunks.append(Chunk([word], word.box.x0, word.box.x1))
    return Line(band, chunks, em)


def _figures(a: Word, b: Word) -> bool:
    """Two figures side by side ("0.0 1,531,279.8": Excel's columns set close): never one cell's
    words more than a word space apart. A year beside a year ("2024 2025") is left alone."""
    return (
        is_number(a.text)
        and is_number(b.text)
        and any(c in a.text + b.text for c in ".,")
        and a.text[-1:].isdigit()
        and b.text[-1:].isdigit()
    )


def _word_space(words: list[Word], gaps: list[float], k: int, em: float) -> bool:
    """Whether the wide gap k (between words k and k+1) is a space of justified prose, not a
    gutter. Justification stretches every space of a line alike (to 1.25 ems in a narrow cell of
    the Kent savings tables), and a space after a full stop about twice as much; a gutter is
    wider than that or stands alone. So the gap is a word space when it lies among at least
    JUSTIFIED other gaps between words (none a figure, none wider than STRETCH) and is as wide
    as their median, or, after the end of a sentence, no wider than SENTENCE times it. A header
    row of right-aligned columns one word each has too few gaps to pass for a line of prose, and
    a row of capitalised headings ("Jan Feb Mar Apr") is none: prose has words in lower case."""
    gap = gaps[k]
    stop = words[k].text.endswith(_SENTENCE_END)  # "... pressure by -£965.0k.  Public": no cell ends so
    if gap > SENTENCE_STRETCH * em or (_figure(words[k]) and not stop) or _figure(words[k + 1]):
        return False
    near: list[float] = []
    lower = words[k].text[:1].islower() + words[k + 1].text[:1].islower()
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(gaps) and abs(j - k) <= JUSTIFIED:
            if gaps[j] > STRETCH * em or _figure(words[j]) or _figure(words[j + 1]):
                break
            near.append(gaps[j])
            lower += words[j + (step > 0)].text[:1].islower()
            j += step
    if len(near) < JUSTIFIED or lower < 2:
        return False  # too few spaces to tell, or capitalised words: column headings ("Jan Feb Mar")
    usual = statistics.median(near)
    if gap <= STRETCH * em and abs(gap - usual) <= SAME_SPACE * usual:
        return True
    return stop and gap <= SENTENCE * usual + 0.1 * em


def join_justified(lines: list[Line]) -> list[Line]:
    """The lines with chunks rejoined where a line of justified prose was cut at a wide word
    space that stands alone (a line of two or three words stretched across a narrow cell): the
    chunks from one that starts where a chunk of the line above or below starts, to one that
    ends where that chunk ends, both edges within a point, the gaps between them no wider than
    STRETCH and no figure at their edges. Lines of one paragraph are flush at both sides; cells
    of a table's row that happen to line up with one cell of the next line at both edges are
    rare."""
    for n, line in enumerate(lines):
        if len(line.chunks) < 2:
            continue
        edges = {(round(c.x0), round(c.x1)) for m in (n - 1, n + 1) if 0 <= m < len(lines) for c in lines[m].chunks}
        if edges:
            line.chunks = _rejoined(line, edges)
    return lines


def _rejoined(line: Line, edges: set[tuple[int, int]]) -> list[Chunk]:
    out: list[Chunk] = []
    chunks = line.chunks
    i = 0
    while i < len(chunks):
        end = i
        for j in range(i + 1, len(chunks)):
            a, b = chunks[j - 1], chunks[j]
            if b.x0 - a.x1 > STRETCH * line.em or _figure(a.words[-1]) or _figure(b.words[0]):
                break
            if any(abs(chunks[i].x0 - x0) <= 1 and abs(b.x1 - x1) <= 1 for x0, x1 in edges):
                end = j
        if end == i:
            out.append(chunks[i])
        else:
            words = [w for c in chunks[i : end + 1] for w in c.words]
            out.append(Chunk(words, chunks[i].x0, max(c.x1 for c in chunks[i : end + 1])))
        i = end + 1
    return out


def _figure(word: Word) -> bool:
    return is_number(word.text)


def columns_of(lines: list[Line]) -> list[tuple[float, float]]:
    """Where most lines have ink: a gutter is a stretch crossed by at most a tenth of the lines."""
    allow = len(lines) // 10
    events: list[tuple[float, int]] = []
    for line in lines:
        for chunk in line.chunks:
            events.append((chunk.x0, 1))
            events.append((chunk.x1, -1))
    events.sort()
    columns: list[tuple[float, float]] = []
    depth = 0
    start: float | None = None
    for x, step in events:
        before = depth
        depth += step
        if before <= allow < depth and start is None:
            start = x
        elif depth <= allow < before and start is not None:
            columns.append((start, x))
            start = None
    return columns


def place(chunk: Chunk, columns: list[tuple[float, float]], em: float) -> list[tuple[int, list[Word]]]:
    """A chunk's words by column: the column it overlaps most, or split where its words fall in
    different columns with more than a word space between them."""
    cols = [k for k, (a, b) in enumerate(columns) if min(b, chunk.x1) - max(a, chunk.x0) > 0]
    if len(cols) <= 1:
        return [(cols[0] if cols else nearest(chunk, columns), chunk.words)]
    parts: list[tuple[int, list[Word]]] = []
    words = chunk.words
    gaps = [b.box.x0 - a.box.x1 for a, b in zip(words, words[1:])]
    for n, word in enumerate(words):
        k = nearest(Chunk([word], word.box.x0, word.box.x1), columns)
        if parts and (k == parts[-1][0] or gaps[n - 1] <= CELL_GAP * em or _word_space(words, gaps, n - 1, em)):
            parts[-1][1].append(word)
        else:
            parts.append((k, [word]))
    return parts


def nearest(chunk: Chunk, columns: list[tuple[float, float]]) -> int:
    def score(k: int) -> float:
        a, b = columns[k]
        overlap = min(b, chunk.x1) - max(a, chunk.x0)
        return overlap if overlap > 0 else -min(abs(chunk.x0 - b), abs(a - chunk.x1))

    return max(range(len(columns)), key=score)


def line_cells(line: Line, columns: list[tuple[float, float]]) -> list[list[Word]]:
    cells: list[list[Word]] = [[] for _ in columns]
    for chunk in line.chunks:
        for k, words in place(chunk, columns, line.em):
            cells[k].extend(words)
    return cells


def cell_text(words: list[Word]) -> str:
    return " ".join(w.text for w in sorted(words, key=lambda w: (w.box.y0 // 2, w.box.x0)))
