"""Keeping the terminal's own cursor on what has focus.

Screen readers and braille displays follow the terminal cursor. Textual hides it and parks
it at (0, 0) unless told otherwise, which leaves them reading the top-left corner.
"""

from __future__ import annotations

from textual.geometry import Offset
from textual.widget import Widget


def place_cursor(widget: Widget, row: int, column: int = 0) -> None:
    """Put the terminal cursor at (column, row) of the widget's content, as scrolled now."""
    if not widget.is_mounted or widget.app.screen is not widget.screen:
        return
    region = widget.content_region
    y = region.y + row - round(widget.scroll_offset.y)
    if not region.y <= y < region.bottom:
        return
    widget.app.cursor_position = Offset(region.x + max(0, column), y)
