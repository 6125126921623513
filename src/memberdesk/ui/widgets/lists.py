"""Lists that keep the terminal cursor on the highlighted row, for screen readers."""

from __future__ import annotations

from textual.widgets import OptionList

from memberdesk.ui.cursor import place_cursor


class CursorOptionList(OptionList):
    """An OptionList whose highlighted row carries the terminal cursor."""

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self.call_after_refresh(self.place_terminal_cursor)

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
