"""A table -> the lines that show it in a text window of a given width. Pure.

A table that fits is shown as aligned columns (figures right-aligned, two spaces between
columns, no box drawing: a screen reader would read the lines aloud); one that does not is
shown row by row, the row's first cell on a line and each other cell under it as
"Header: value", which reads as well on a braille line as on a screen. Either way the first
line says what it is ("Table, 9 rows, 5 columns: Budget, Forecast, ..."), and `cells` says where
each body cell starts, so a table mode can put the terminal cursor on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from memberdesk.papers.numbers import is_number
from memberdesk.papers.shapes import Table, row_key

GAP = 2  # spaces between aligned columns


@dataclass
class TableText:
    lines: list[str]
    cells: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # (row, col) -> (line, column)
    aligned: bool = True


def _count(n: int, word: str) -> str:
    return f"{n:,} {word if n == 1 else word + 's'}"


def announce(table: Table) -> str:
    """'Table, 9 rows, 5 columns: Budget, Forecast, Variance' (rows: the body's)."""
    what = "Table continued" if table.continued else "Table"
    names = [n for n in table.column_names() if n]
    said = f"{what}, {_count(len(table.body), 'row')}, {_count(table.columns, 'column')}"
    return f"{said}: {', '.join(names)}" if names else said


def layout(table: Table, width: int) -> TableText:
    shown_head = () if table.continued else table.head
    rows = shown_head + table.body
    widths = [max((len(r[k]) for r in rows), default=0) for k in range(table.columns)]
    total = sum(widths) + GAP * (len(widths) - 1)
    if total <= width:
        return _aligned(table, shown_head, widths, width)
    return _row_by_row(table, width)


def _aligned(table: Table, head: tuple[tuple[str, ...], ...], widths: list[int], width: int) -> TableText:
    right = [k > 0 and _figures(table, k) for k in range(table.columns)]
    out = TableText(_wrapped(announce(table), width, ""))
    for number, row in enumerate(head + table.body):
        parts, starts, at = [], [], 0
        for k, cell in enumerate(row):
            text = cell.rjust(widths[k]) if right[k] else cell.ljust(widths[k])
            starts.append(at + (widths[k] - len(cell) if right[k] else 0))
            parts.append(text)
            at += widths[k] + GAP
        body_row = number - len(head)
        if body_row >= 0:
            for k, start in enumerate(starts):
                out.cells[(body_row, k)] = (len(out.lines), start)
        out.lines.append((" " * GAP).join(parts).rstrip())
    return out


def _figures(table: Table, k: int) -> bool:
    filled = [r[k] for r in table.body if r[k]]
    return bool(filled) and sum(is_number(t) for t in filled) * 2 >= len(filled)


def _row_by_row(table: Table, width: int) -> TableText:
    names = table.column_names()
    out = TableText(_wrapped(announce(table), width, ""), aligned=False)
    for r, row in enumerate(table.body):
        key = row_key(row, names)
        label = row[key] if row and key is not None and row[key] else f"Row {r + 1}"
        if key is not None:
            out.cells[(r, key)] = (len(out.lines), 0)
        out.lines.extend(_wrapped(label, width, ""))
        for k in (k for k in range(len(row)) if k != key):
            name = names[k] or f"Column {k + 1}"
            value = row[k] or "empty"
            out.cells[(r, k)] = (len(out.lines), 2 + len(name) + 2)  # on the value, after "Name: "
            out.lines.extend(_wrapped(f"{name}: {value}", width, "  "))
    return out


def _wrapped(text: str, width: int, indent: str) -> list[str]:
    """Words to lines of `width`, each starting with `indent` (a word too long is cut)."""
    room = max(10, width - len(indent))
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > room:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:room])
            word = word[room:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= room:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return [indent + ln for ln in lines]
