"""A one-line text box whose terminal cursor sits at the insertion point."""

from __future__ import annotations

from rich.cells import cell_len
from textual.binding import Binding
from textual.geometry import Offset
from textual.widgets import Input


class TextBox(Input):
    """Textual's Input, with the terminal cursor on the cell where the next letter goes.

    Input counts one cell more when its cursor is at the end of the text (room to draw the
    cursor there) and moves the terminal cursor by that count: a braille display showed the
    cursor one cell past the insertion point, after a space that is not in the text.

    Ctrl+A selects all the text, so what is typed next replaces it (as in any form); Textual's
    Input took it for Home, and a colour typed over "#e8e8e8" became "white#e8e8e8".
    """

    BINDINGS = [Binding("ctrl+a", "select_all", "Select all the text in a text box", id="text.select_all")]

    @property
    def cursor_screen_offset(self) -> Offset:
        x, y, _width, _height = self.content_region
        before = self.value[: self.cursor_position]
        cells = len(before) if self.password else cell_len(before)  # a password shows one dot a letter
        return Offset(x + cells - round(self.scroll_offset.x), y)
