"""Table mode in the reader: a one-line bar that takes the keys and names the cell.

While it has focus the arrows move cell by cell through the table on the page (the moves and
the words are reading/table_mode.py's, shared with plain mode): the page view marks the cell
(reverse video and a marker, not colour alone) and scrolls to it, the terminal cursor sits on
the cell's first character for screen readers and braille displays, and this bar shows the cell
with its headers ("Forecast, Adult Social Care: 621.6"). Escape or Ctrl+G leaves.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from memberdesk.papers import table_text
from memberdesk.papers.reflow import Paragraph
from memberdesk.reading.table_mode import TableCursor
from memberdesk.ui.cursor import SETTLE_DELAYS, place_cursor
from memberdesk.ui.widgets.page_view import GUTTER, PageView


def table_at(paragraphs: list[Paragraph], view: PageView) -> int | None:
    """The paragraph of the table the reading line is on, else the first one after it on the
    page, else the last one before it; None when the page has none."""
    here = view.lines[view.cursor_line].paragraph if view.lines else 0
    tables = [k for k, p in enumerate(paragraphs) if p.table is not None]
    if not tables:
        return None
    return next((k for k in tables if k >= here), tables[-1])


class TableBar(Static, can_focus=True):
    BINDINGS = [
        Binding("right", "cell(0, 1)", "Next cell in the row", id="table.right"),
        Binding("left", "cell(0, -1)", "Previous cell in the row", id="table.left"),
        Binding("down", "cell(1, 0)", "Cell below", id="table.down"),
        Binding("up", "cell(-1, 0)", "Cell above", id="table.up"),
        Binding("home", "row_start", "First cell of the row", id="table.row_start"),
        Binding("end", "row_end", "Last cell of the row", id="table.row_end"),
        Binding("ctrl+home", "first", "First cell of the table", id="table.first"),
        Binding("ctrl+end", "last", "Last cell of the table", id="table.last"),
        Binding("r", "say_row", "Show the whole row with its headers", id="table.row"),
        Binding("escape,ctrl+g", "leave", "Leave table mode", id="table.leave"),
    ]
    DEFAULT_CSS = "TableBar { height: 1; display: none; }"

    class Left(Message):
        """Table mode ended: the reader takes the keys back."""

    def __init__(self, view: PageView, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.view = view
        self.cursor: TableCursor | None = None
        self.paragraph = 0

    def enter(self, paragraph: int, cursor: TableCursor) -> None:
        self.paragraph = paragraph
        self.cursor = cursor
        self.display = True
        self.focus()
        self._show(f"Table mode, Escape or Ctrl+G leaves. {cursor.words()}")

    def cell_position(self) -> tuple[int, int]:
        """(line of the page view, column of the text) where the cell starts."""
        assert self.cursor is not None
        first = next((n for n, ln in enumerate(self.view.lines) if ln.paragraph == self.paragraph), 0)
        laid = table_text.layout(self.cursor.table, self.view.text_width)
        line, column = laid.cells.get((self.cursor.row, self.cursor.column), (0, 0))
        return first + line, column

    def _show(self, words: str) -> None:
        assert self.cursor is not None
        line, column = self.cell_position()
        cells = self.cursor.table.body[self.cursor.row]
        width = len(cells[self.cursor.column]) if self.cursor.column < len(cells) else 0
        self.view.mark_cell(line, column, max(1, width))
        self.view.move_to(line)
        # Again once the page has settled: a page just shown (a find's match) scrolls late.
        self.view.call_after_refresh(self.view.move_to, line)
        self.update(words)
        self.call_after_refresh(self.place_terminal_cursor)
        for delay in SETTLE_DELAYS[1:]:  # and once the scroll has settled
            self.set_timer(delay, self.place_terminal_cursor)

    def place_terminal_cursor(self) -> None:
        if self.has_focus and self.cursor is not None:
            line, column = self.cell_position()
            place_cursor(self.view, line, GUTTER + self.view.page_layout.margin + column)

    def action_cell(self, rows: int, columns: int) -> None:
        assert self.cursor is not None
        if not self.cursor.move(rows, columns):
            self.app.bell()
            edge = "row" if columns else "table"
            self._show(f"End of the {edge}. {self.cursor.words()}")
            return
        self._show(self.cursor.words())

    def action_row_start(self) -> None:
        assert self.cursor is not None
        self.cursor.row_start()
        self._show(self.cursor.words())

    def action_row_end(self) -> None:
        assert self.cursor is not None
        self.cursor.row_end()
        self._show(self.cursor.words())

    def action_first(self) -> None:
        assert self.cursor is not None
        self.cursor.first()
        self._show(self.cursor.words())

    def action_last(self) -> None:
        assert self.cursor is not None
        self.cursor.last()
        self._show(self.cursor.words())

    def action_say_row(self) -> None:
        assert self.cursor is not None
        self._show(f"Row {self.cursor.row + 1} of {self.cursor.rows}: {self.cursor.row_words()}")

    def action_leave(self) -> None:
        self.display = False
        self.cursor = None
        self.view.mark_cell(None)
        self.post_message(self.Left())
