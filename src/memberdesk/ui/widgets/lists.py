"""Lists that keep the terminal cursor on the highlighted row, for screen readers."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import OptionList

from memberdesk.ui.cursor import place_cursor


class CursorOptionList(OptionList):
    """An OptionList whose highlighted row carries the terminal cursor.

    Moving the highlight repaints only the option losing it and the option gaining it (Textual
    repaints the whole list): a screen reader hears, and a slow link carries, what changed.
    """

    highlighted: reactive[int | None] = reactive(None, repaint=False)

    # Two arguments: Textual then passes the old value too (its own watcher takes only the new).
    def watch_highlighted(self, previous: int | None, highlighted: int | None) -> None:  # type: ignore[override]
        super().watch_highlighted(highlighted)
        for index in (previous, highlighted):
            self._refresh_option(index)
        self.call_after_refresh(self.place_terminal_cursor)

    def _refresh_option(self, index: int | None) -> None:
        if index is None or not self.is_mounted:
            return
        row = self._row_of(index)
        if row is not None:
            self.refresh_lines(row, self._heights.get(index, 1))

    def on_focus(self) -> None:
        self.call_after_refresh(self.place_terminal_cursor)

    def place_terminal_cursor(self) -> None:
        if not self.has_focus:
            return
        if self.highlighted is None:
            place_cursor(self, 0)  # nothing to choose: the first row says why
            return
        row = self._row_of(self.highlighted)
        if row is not None:
            padding = self.get_component_styles("option-list--option").padding
            place_cursor(self, row, padding.left)

    def _row_of(self, index: int) -> int | None:
        # Options can wrap over several lines; Textual keeps the line each option starts on.
        try:
            return self._index_to_line[index]
        except (AttributeError, KeyError):
            return None
