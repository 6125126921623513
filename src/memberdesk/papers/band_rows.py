"""A band's lines between two rules of a table ruled across only (row_rules.py) -> its rows of
cells: one row, unless its lines begin rows of their own (a figure where the row has one, a
section's name, a caption under the header). Pure."""

from __future__ import annotations

import re

from memberdesk.papers import ruled
from memberdesk.papers.columns import Chunk, Line, cell_text, place
from memberdesk.papers.numbers import is_number
from memberdesk.papers.shapes import Word

_OPEN = re.compile(r"(\b[a-z]+|[,&(/-])$")  # a label that runs on: a lower-case last word, a comma


def figures(cells: list[list[Word]]) -> set[int]:
    return {k for k, c in enumerate(cells) if k and c and is_number(cell_text(c))}


def split(lines: list[Line], columns: list[tuple[float, float]]) -> list[list[list[Word]]]:
    """One band's lines -> its rows: one row, unless a line puts a figure in a column that
    already has one (rows not ruled apart), when each such line begins a row."""
    rows: list[list[list[Word]]] = []
    every = [cells_of(line, columns) for line in lines]
    for n, cells in enumerate(every):
        clash = figures(cells) & figures(rows[-1]) if rows else set()
        if (
            not rows
            or (clash and not _sign_runs_on(rows[-1], cells, clash))
            or _section(rows[-1], cells)
            or _under_headings(rows[-1], cells)
            or (len(rows) == 1 and _caption_under(rows[0], every[n:]))
        ):
            rows.append(cells)
        else:
            for k, words in enumerate(cells):
                rows[-1][k].extend(words)
    return rows


def _caption_under(row: list[list[Word]], rest: list[list[list[Word]]]) -> bool:
    """Whether the band's last lines are a caption under its header, in the labels' column
    the header leaves empty ("MEMORANDUM:" / "The net impact on our reserves balances is:"
    under "Core | External | Total"): the rows it introduces begin there, not a column's name."""
    texts = [cell_text(c) for c in row if c]
    if len(texts) < 2 or any(is_number(t) or len(t.split()) > ruled.HEADER_WORDS for t in texts):
        return False  # no header's names: a row's label and its note, its figures to come
    first = [k for k, c in enumerate(rest[0]) if c]
    if len(first) != 1 or row[first[0]]:
        return False
    for cells in rest[1:]:
        if [k for k, c in enumerate(cells) if c] != first:
            # The figures it introduces, under the header's names.
            figures = [k for k, c in enumerate(cells) if c and is_number(cell_text(c))]
            return sum(1 for k in figures if row[k]) >= 2
    return False


def _under_headings(row: list[list[Word]], cells: list[list[Word]]) -> bool:
    """Whether a line of figures follows lines of headings over them (in two columns or more,
    no figure among them): the header and the first row share a band when the rule under the
    header is missing (an Excel sheet ruled under its last rows only). A row's cells of words
    wrapped over two lines stand beside its figures, not over them."""
    if any(c and is_number(cell_text(c)) for c in row):
        return False
    over = sum(1 for head, c in zip(row, cells) if head and c and is_number(cell_text(c)))
    return over >= 2


def _sign_runs_on(row: list[list[Word]], cells: list[list[Word]], clash: set[int]) -> bool:
    """Whether each figure that meets one above is the number of a minus sign left alone on the
    line above, both near the column's right edge (within an em): Excel wraps "-1.868" as "-" over "1.868"
    in a narrow cell. (A nil "-" is a figure of its own row: the number under it begins one.)"""
    for k in clash:
        sign, number = row[k], cells[k]
        if len(sign) != 1 or sign[0].text not in ruled.SIGNS or len(number) != 1:
            return False
        if not number[0].text[:1].isdigit() or abs(sign[0].box.x1 - number[0].box.x1) > number[0].size:
            return False
    return True


def cells_of(line: Line, columns: list[tuple[float, float]]) -> list[list[Word]]:
    """A line's words by column. A word that ends where a column ends closes its cell even one
    space before the next word: header cells set right-aligned ("2024-25 Savings Target" beside
    "Forecast against original saving", their lines running into each other)."""
    ends = [b for _a, b in columns]
    cells: list[list[Word]] = [[] for _ in columns]
    for chunk in line.chunks:
        short = len(chunk.words) <= 6  # header words, not a line of prose that fills its cell
        run: list[Word] = []
        for n, word in enumerate(chunk.words):
            run.append(word)
            closes = short and any(abs(word.box.x1 - e) < 0.5 * line.em for e in ends)
            if n == len(chunk.words) - 1 or closes:
                for k, words in place(Chunk(run, run[0].box.x0, run[-1].box.x1), columns, line.em):
                    cells[k].extend(words)
                run = []
    return cells


def _section(row: list[list[Word]], cells: list[list[Word]]) -> bool:
    """A section's name on a line of its own ("Adult Social Care & Health Operations") above a
    row in the same band: the row has its own label, which does not run on from the name. The
    labels' column may stand after columns of figures (an Excel plan's last year on the left);
    the name is then told by its bold over a label that is not, or by its colon."""
    filled = [k for k, c in enumerate(row) if c]
    if len(filled) != 1 or not cells[k := filled[0]] or not any(c for j, c in enumerate(cells) if j != k):
        return False
    introduces = cell_text(row[k]).endswith(":")  # "MEMORANDUM: The net impact ... is:", in any type
    if k and not introduces and not (all(w.bold for w in row[k]) and not all(w.bold for w in cells[k])):
        return False
    return not cell_text(cells[k])[:1].islower() and not _OPEN.search(cell_text(row[k]))


def stacked(lines: list[Line], columns: list[tuple[float, float]]) -> list[list[Word]]:
    row: list[list[Word]] = [[] for _ in columns]
    for line in lines:
        for k, words in enumerate(cells_of(line, columns)):
            row[k].extend(words)
    return row
