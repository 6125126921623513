"""A paper's tables as a reader meets them: joined over pages, cells named by their headers.

Every front end (the reader's table mode, plain mode, `memberdesk tables`, reading aloud) names
a cell the same way: its column's header, its row's header (`shapes.row_key`: its first cell of words), then
the value ("Forecast, Adult Social Care: 621.6"); and counts rows and columns the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from memberdesk.papers.shapes import Table, labelled, row_key


@dataclass(frozen=True)
class PaperTable:
    """One table of a paper, its parts on several pages joined (the header once)."""

    number: int  # 1, 2, ... in the paper's order
    pages: tuple[int, ...]  # page indices it is on, first to last
    head: tuple[tuple[str, ...], ...]
    body: tuple[tuple[str, ...], ...]
    totals: tuple[int, ...] = ()

    @property
    def columns(self) -> int:
        rows = self.head or self.body
        return len(rows[0]) if rows else 0

    def rows(self) -> tuple[tuple[str, ...], ...]:
        return self.head + self.body


def cell_words(table: Table | PaperTable, row: int, column: int) -> str:
    """A body cell with its headers: 'Forecast, Adult Social Care: 621.6'."""
    cells = table.body[row]
    value = cells[column] if column < len(cells) else ""
    names = _names(table)
    key = row_key(cells, names)
    parts = []
    if column < len(names) and names[column]:
        parts.append(names[column])
    if key is not None and column != key and cells[key]:
        parts.append(cells[key])
    label = ", ".join(parts)
    shown = value or "empty"
    return labelled(label, shown)


def row_words(table: Table | PaperTable, row: int) -> str:
    """A row with its headers: 'Adult Social Care: Budget 586.1, Forecast 621.6' (as written)."""
    cells = table.body[row]
    names = _names(table)
    key = row_key(cells, names)
    said = []
    for k, value in enumerate(cells):
        if value and k != key:
            name = names[k] if k < len(names) else ""
            said.append(f"{name} {value}" if name else value)
    label = cells[key] if cells and key is not None else ""
    if not said:
        return label
    return labelled(label, ", ".join(said))


def _names(table: Table | PaperTable) -> list[str]:
    return column_names(table.head, table.columns)


def column_names(head: tuple[tuple[str, ...], ...], columns: int) -> list[str]:
    """Each column's name from the header rows (as Table.column_names)."""
    return Table(head=head, body=()).column_names() if head else [""] * columns


def paper_tables(pages: Iterable[tuple[int, list[Table]]]) -> list[PaperTable]:
    """(page index, the page's tables in order) for each page -> the paper's tables, a part
    marked `continued` joined to the table before it."""
    out: list[PaperTable] = []
    for index, tables in pages:
        for table in tables:
            if table.continued and out and out[-1].columns == table.columns:
                last = out[-1]
                shift = len(last.body)
                out[-1] = PaperTable(
                    last.number,
                    last.pages + ((index,) if index not in last.pages else ()),
                    last.head,
                    last.body + table.body,
                    last.totals + tuple(shift + n for n in table.totals),
                )
                continue
            out.append(PaperTable(len(out) + 1, (index,), table.head, table.body, table.totals))
    return out
