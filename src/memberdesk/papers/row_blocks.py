"""A table row found among a page's lines (a region's leaf with cells, regions.py) -> one
block: each cell's text in turn, a cell's wrapped lines joined and its entries set a line each
kept apart. Pure."""

from __future__ import annotations

import statistics

from memberdesk.papers.bands import Band, line_size
from memberdesk.papers.hyphens import BREAK as SOFT_HYPHEN
from memberdesk.papers.joining import CARRIES_ON, FUNCTION_WORDS, join_lines
from memberdesk.papers.numbers import is_number
from memberdesk.papers.regions import Leaf
from memberdesk.papers.shapes import PARAGRAPH, Block, union_all

LABEL_WORDS = 4  # the most words of a bold label over its value ("Telephone number")
APART = 1.0  # ems between two lines that set them apart (double spacing leaves about 0.9)


def cell_text(lines: list[Band]) -> str:
    """A cell's lines as read: wrapped lines joined, and entries set a line each kept apart
    by "; " (a cover sheet's "From:" naming two officers, the first wrapping short of the
    cell's widest line or a blank line's space above the second, the second starting with a
    capital), never run into one name."""
    widest, leftmost = max(line.x1 for line in lines), min(line.x0 for line in lines)
    # Set flush right (an address at a letter's top right), a line is short at its left.
    flush_right = len(lines) > 2 and widest - min(line.x1 for line in lines) < 1.0
    entries: list[list[Band]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        em = line_size(prev) or 10.0
        last, first = prev.words[-1].text, line.words[0].text
        ends = first[:1].isupper() and not last.endswith(CARRIES_ON) and last.lower() not in FUNCTION_WORDS
        ends = ends and last != "/"  # "Yes /" over "No": one answer (an address's "/" ends nothing here)
        room = prev.x0 - leftmost if flush_right else widest - prev.x1
        short = room > line.words[0].box.width + em
        apart = line.y0 - prev.y1 > APART * em  # a blank line's space between: set apart, however wide
        weight = _bold(prev) != _bold(line)  # a bold label over its plain value, or after one
        if ends and (short or apart or weight) and not last.endswith(("-", SOFT_HYPHEN)):
            entries.append([line])
        else:
            entries[-1].append(line)
    texts = [join_lines([[w.text for w in line.words] for line in entry]) for entry in entries]
    out = texts[0]
    for k, text in enumerate(texts[1:]):
        label = _bold(entries[k][-1]) and not _bold(entries[k + 1][0]) and len(texts[k].split()) <= LABEL_WORDS
        if out.endswith((".", ":", ";", "!", "?")):
            out += " " + text
        elif label or (k == 0 and len(out.split()) <= 2 and "," not in out):
            out += ": " + text  # a label or a name over what it says ("Evidence" / "The council has ...")
        else:
            out += "; " + text
    return out


def _bold(line: Band) -> bool:
    return all(w.bold for w in line.words)


def _cells_joined(cells: list[str]) -> str:
    """A row's cells in turn: after a label ("From:") or a number its value follows on; one
    cell's text and the next's are otherwise kept apart ("...@kent.gov.uk; Canon Peter ..."),
    never run into one name."""
    out = cells[0] if cells else ""
    for before, cell in zip(cells, cells[1:]):
        # A row's figures, and an amount before what it is, run on as printed.
        figures = before[-1:].isdigit() or not cell[:1].isalpha() or is_number(before.split()[-1])
        joins = before.endswith((":", "?")) or len(before) <= 3 or before.endswith(CARRIES_ON) or cell[:1].islower()
        joins = joins or figures or before.split()[-1].lower() in FUNCTION_WORDS
        out += (" " if joins or before.endswith((".", ";")) else "; ") + cell
    return out


def row_block(leaf: Leaf, page_width: float, page_height: float) -> Block:
    """A table row as one block: each cell's text in turn, left to right."""
    words = [w for line in leaf.lines for w in line.words]
    box = union_all([w.box for w in words])
    cells = [cell_text(cell) for cell in leaf.cells or []]
    size = statistics.median(w.size for w in words)
    return Block(
        text=_cells_joined([c for c in cells if c]),
        kind=PARAGRAPH,
        box=box,
        where=box.scaled(page_width, page_height),
        size=round(size, 2),
        bold=sum(len(w.text) for w in words if w.bold) * 2 > sum(len(w.text) for w in words),
        lines=max(len(cell) for cell in leaf.cells or [[]]),
        table=True,
    )
