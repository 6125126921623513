"""Plain mode's table commands: list the page's tables, enter one, move cell by cell.

Each cell is said with its headers ("Forecast, Adult Social Care: 621.6"), one line per answer,
through reading/table_mode.py, the moves the reader's table mode makes.
"""

from __future__ import annotations

from collections.abc import Callable

from memberdesk.papers.shapes import Table
from memberdesk.papers.table_text import announce
from memberdesk.reading.session import ReadingSession
from memberdesk.reading.table_mode import TableCursor
from memberdesk.words import plural

CommandRow = tuple[tuple[str, ...], str, str, Callable[[str], None]]
NOT_IN_TABLE = "Not in a table: type t to list this page's tables, then t and a number to enter one."


class PlainTables:
    def __init__(self, say: Callable[[str], None], reading: Callable[[], ReadingSession]) -> None:
        self.say = say
        self.reading = reading
        self.cursor: TableCursor | None = None

    def commands(self) -> list[CommandRow]:
        return [
            (("t", "table", "tables"), "[N]", "list this page's tables; t N enters table N", self.table),
            (("row",), "N", "in a table: go to row N", self.row),
            (("col", "column"), "NAME", "in a table: go to the column named NAME (or its number)", self.column),
            (("nc", "next-cell"), "", "in a table: the next cell in the row", lambda _: self.step(0, 1)),
            (("pc", "previous-cell"), "", "in a table: the previous cell in the row", lambda _: self.step(0, -1)),
            (("dc", "down"), "", "in a table: the cell below", lambda _: self.step(1, 0)),
            (("uc", "up"), "", "in a table: the cell above", lambda _: self.step(-1, 0)),
            (("rr", "read-row"), "", "in a table: the whole row with its headers", self.read_row),
        ]

    def table(self, argument: str) -> None:
        reading = self.reading()
        found = reading.tables_on(reading.page_index)
        if not found:
            self.say(f"No tables on page {reading.label()}.")
            return
        if not argument:
            self.say(f"{plural(len(found), 'table')} on page {reading.label()}:")
            for number, table in enumerate(found, start=1):
                self.say(f"{number}. {announce(table)}")
            self.say("Type t and a number to move through a table cell by cell.")
            return
        if not argument.isdigit() or not 1 <= int(argument) <= len(found):
            self.say(f"There is no table {argument} on this page: type t and a number from 1 to {len(found)}.")
            return
        self.cursor = TableCursor(found[int(argument) - 1])
        self.say(f"{announce(self.cursor.table)}. nc next cell, pc previous, dc below, uc above, row N, col NAME.")
        self.say(self.cursor.words())

    def enter_at(self, table: Table, offset: int) -> None:
        """Table mode on the cell holding character `offset` of the table's text (a find's
        match), said with its headers."""
        self.cursor = TableCursor(table)
        self.cursor.at_offset(offset)
        where = f"row {self.cursor.row + 1} of {self.cursor.rows}, column {self.cursor.column + 1}"
        self.say(f"In a table ({announce(table)}), {where}. nc next cell, rr the row, f the next match.")
        self.say(self.cursor.words())

    def _in_table(self) -> TableCursor | None:
        if self.cursor is None:
            self.say(NOT_IN_TABLE)
        return self.cursor

    def step(self, rows: int, columns: int) -> None:
        cursor = self._in_table()
        if cursor is None:
            return
        if not cursor.move(rows, columns):
            self.say(f"End of the {'row' if columns else 'table'}. {cursor.words()}")
            return
        self.say(cursor.words())

    def row(self, argument: str) -> None:
        cursor = self._in_table()
        if cursor is None:
            return
        if not argument.isdigit() or not cursor.go_row(int(argument)):
            self.say(f"Type row and a number from 1 to {cursor.rows}.")
            return
        self.say(cursor.words())

    def column(self, argument: str) -> None:
        cursor = self._in_table()
        if cursor is None:
            return
        if not argument or not cursor.go_column(argument):
            names = ", ".join(n for n in cursor.table.column_names() if n) or "none named"
            self.say(f"No column '{argument}': the columns are {names} (or type col and a number).")
            return
        self.say(cursor.words())

    def read_row(self, _: str) -> None:
        cursor = self._in_table()
        if cursor is not None:
            self.say(f"Row {cursor.row + 1} of {cursor.rows}: {cursor.row_words()}")
