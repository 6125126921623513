"""Lists that keep the terminal cursor on the highlighted row, for screen readers."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.geometry import Region
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from memberdesk.ui.cursor import place_cursor


class FocusAfterMount:
    """For a screen whose on_mount puts its list on the current choice, then focuses it.
    Textual's auto focus comes before on_mount: the cursor (and so a screen reader) first met
    the list's first row, and a key pressed at once acted on that row."""

    AUTO_FOCUS: ClassVar[str | None] = ""


@dataclass(frozen=True)
class Row:
    """One row of a list: its words, and what choosing it means (a tuple such as
    ("doc", 12, 20)); a row with no target is a heading or a note, and cannot be chosen."""

    prompt: str
    target: Hashable | None = None


class CursorOptionList(OptionList):
    """An OptionList whose highlighted row carries the terminal cursor.

    Moving the highlight repaints only the option losing it and the option gaining it (Textual
    repaints the whole list): a screen reader hears, and a slow link carries, what changed.
    """

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    # The row of the highlighted option the cursor is on: in screen-reader mode Down and Up
    # step through an option's wrapped rows before moving on, so a screen reader (which reads
    # the cursor's row) hears all of it.
    _sub_row = 0

    # Two arguments: Textual then passes the old value too (its own watcher takes only the new).
    def watch_highlighted(self, previous: int | None, highlighted: int | None) -> None:  # type: ignore[override]
        super().watch_highlighted(highlighted)
        self._sub_row = 0  # a new item is heard from its start
        for index in (previous, highlighted):
            self._refresh_option(index)
        self.call_after_refresh(self.place_terminal_cursor)

    def _stepping_rows(self) -> bool:
        return self.app.has_class("-screen-reader")

    def _rows_of(self, index: int) -> int:
        return max(1, self._heights.get(index, 1))

    def action_cursor_down(self) -> None:
        index = self.highlighted
        if index is not None and self._stepping_rows() and self._sub_row + 1 < self._rows_of(index):
            self._sub_row += 1
            self.place_terminal_cursor()
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        index = self.highlighted
        if index is not None and self._stepping_rows() and self._sub_row > 0:
            self._sub_row -= 1
            self.place_terminal_cursor()
            return
        super().action_cursor_up()

    def _refresh_option(self, index: int | None) -> None:
        if index is None or not self.is_mounted:
            return
        row = self._row_of(index)
        if row is not None:
            self.refresh_lines(row, self._heights.get(index, 1))

    def show_rows(self, rows: Sequence[Row], *, select: Hashable | None = None) -> None:
        """Replace the rows, keeping the highlight on the same target where it is still listed
        (or on `select`), else on the first row that can be chosen."""
        wanted = select if select is not None else self.highlighted_target
        self._targets: list[Hashable | None] = [row.target for row in rows]
        self.clear_options()
        self.add_options([Option(row.prompt, id=str(n), disabled=row.target is None) for n, row in enumerate(rows)])
        if wanted is not None and wanted in self._targets:
            self.highlighted = self._targets.index(wanted)
        else:
            self.highlighted = next((n for n, target in enumerate(self._targets) if target is not None), None)

    @property
    def highlighted_target(self) -> Hashable | None:
        return self.target_of(self.highlighted_option)

    def target_of(self, option: Option | None) -> Hashable | None:
        targets = getattr(self, "_targets", [])
        if option is None or option.id is None or not option.id.isdigit() or int(option.id) >= len(targets):
            return None
        return targets[int(option.id)]

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
            sub_row = min(self._sub_row, self._rows_of(self.highlighted) - 1)
            if not place_cursor(self, row + sub_row, padding.left) and sub_row:
                self.scroll_to_region(self._option_region(row + sub_row), animate=False)
                self.call_after_refresh(place_cursor, self, row + sub_row, padding.left)

    def _option_region(self, line: int) -> Region:
        return Region(0, line, self.scrollable_content_region.width, 1)

    def _row_of(self, index: int) -> int | None:
        # Options can wrap over several lines; Textual keeps the line each option starts on.
        try:
            return self._index_to_line[index]
        except (AttributeError, KeyError):
            return None
