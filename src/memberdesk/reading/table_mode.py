"""Table mode: moving cell by cell through one table, each cell said with its headers.

The reader's table mode and plain mode's `t`, `row N`, `col NAME` share this: where the cell
is, how each key moves it, and the words that name it ("Forecast, Adult Social Care: 621.6").
"""

from __future__ import annotations

from dataclasses import dataclass

from memberdesk.papers.shapes import Table
from memberdesk.reading.tables import cell_words, row_words


@dataclass
class TableCursor:
    table: Table
    row: int = 0  # in the body
    column: int = 0

    @property
    def rows(self) -> int:
        return len(self.table.body)

    @property
    def columns(self) -> int:
        return self.table.columns

    def words(self) -> str:
        return cell_words(self.table, self.row, self.column)

    def row_words(self) -> str:
        return row_words(self.table, self.row)

    def move(self, rows: int = 0, columns: int = 0) -> bool:
        """Move by rows and columns; False (and no move) at the table's edge."""
        row, column = self.row + rows, self.column + columns
        if not (0 <= row < self.rows and 0 <= column < self.columns):
            return False
        self.row, self.column = row, column
        return True

    def row_start(self) -> None:
        self.column = 0

    def row_end(self) -> None:
        self.column = self.columns - 1

    def first(self) -> None:
        self.row, self.column = 0, 0

    def last(self) -> None:
        self.row, self.column = self.rows - 1, self.columns - 1

    def go_row(self, number: int) -> bool:
        """Row `number` (1-based, as said); False when there is no such row."""
        if not 1 <= number <= self.rows:
            return False
        self.row = number - 1
        return True

    def go_column(self, name: str) -> bool:
        """The column whose name (or number, 1-based) is `name`: the first named so, else the
        first whose name starts with it or holds it (case aside)."""
        if name.isdigit():
            number = int(name)
            if 1 <= number <= self.columns:
                self.column = number - 1
                return True
            return False
        wanted = " ".join(name.lower().split())
        names = [n.lower() for n in self.table.column_names()]
        for test in (lambda n: n == wanted, lambda n: n.startswith(wanted), lambda n: wanted in n):
            found = next((k for k, n in enumerate(names) if n and test(n)), None)
            if found is not None:
                self.column = found
                return True
        return False

    def at_offset(self, offset: int) -> bool:
        """The cell holding character `offset` of the table's text (Table.rows_text, where a
        find's match is counted); a header cell gives its column's first row. False when the
        offset is past the text."""
        table = self.table
        head = () if table.continued else table.head
        at = 0
        for r, row in enumerate(head + table.body):
            for k, cell in enumerate(row):
                at += len(cell)
                if offset < at + (3 if k < len(row) - 1 else 1):  # the cell, or the " | " after it
                    self.row, self.column = max(r - len(head), 0), k
                    return True
                at += 3 if k < len(row) - 1 else 1
        return False

    def find(self, query: str) -> bool:
        """The first cell holding `query` (case aside), from the top; False when none does."""
        wanted = query.lower()
        for r, row in enumerate(self.table.body):
            for k, cell in enumerate(row):
                if wanted in cell.lower():
                    self.row, self.column = r, k
                    return True
        return False
