"""Keeping the terminal's own cursor on what has focus.

Screen readers and braille displays follow the terminal cursor. Textual hides it and parks
it at (0, 0) unless told otherwise, which leaves them reading the top-left corner. Widgets
that know their current row (lists, the page view) place it themselves as they move; the app
also re-places it whenever focus or the screen changes, once layout has settled.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.geometry import Offset, Region
from textual.widget import Widget
from textual.widgets import Input, TextArea

# Layout of a new screen or dialog takes a frame or two: try again until it has settled.
SETTLE_DELAYS = (0.0, 0.05, 0.2)


def place_cursor(widget: Widget, row: int, column: int = 0) -> bool:
    """Put the terminal cursor at (column, row) of the widget's content, as scrolled now.

    Returns False when the widget is not laid out (or the row not on screen) yet.
    """
    if not widget.is_mounted or widget.app.screen is not widget.screen:
        return False
    region = widget.content_region
    y = region.y + row - round(widget.scroll_offset.y)
    if not region.width or not region.y <= y < region.bottom:
        return False
    move_cursor(widget, Offset(region.x + max(0, column), y))
    return True


def move_cursor(widget: Widget, offset: Offset) -> None:
    """Put the terminal cursor at `offset` (screen cells), inside `widget`."""
    app = widget.app
    if app.cursor_position != offset:
        app.cursor_position = offset
        # The cursor is sent with the next screen update: make sure there is one, one cell of
        # the widget big. Not `screen.refresh(region)`: a screen repaint replaces the frame's
        # list of dirty widgets, so a widget changed in the same frame (the old reading line
        # losing its marker) would never reach the terminal.
        region = widget.content_region
        widget.refresh(Region(offset.x - region.x, offset.y - region.y, 1, 1))


def follow_focus(app: App[Any]) -> None:
    """Place the cursor on whatever has focus now."""
    if not app.is_running or not app.screen_stack:
        return  # a timer that outlived its screen, or the app closing
    widget = app.focused
    if widget is None or not widget.is_mounted:
        return
    placer = getattr(widget, "place_terminal_cursor", None)
    if placer is not None:
        placer()
    elif place_on_highlighted_command(app):
        return
    elif isinstance(widget, (Input, TextArea)):
        if widget.content_region.width:
            move_cursor(widget, widget.cursor_screen_offset)
    else:
        place_cursor(widget, 0)


def follow_focus_soon(app: App[Any], settled: Callable[[], None] | None = None) -> None:
    """Place the cursor again as the layout settles; `settled` runs after the last try."""

    def again() -> None:
        follow_focus(app)
        if settled is not None:
            settled()

    for n, delay in enumerate(SETTLE_DELAYS):
        then = again if n == len(SETTLE_DELAYS) - 1 else partial(follow_focus, app)
        app.set_timer(delay, then) if delay else app.call_after_refresh(then)


def place_on_highlighted_command(app: App[Any]) -> bool:
    """In the command palette focus stays in its input while Up and Down move the highlight:
    the cursor goes to the highlighted command, so a screen reader reads what Enter would run."""
    screen = app.screen
    if not isinstance(screen, CommandPalette):
        return False
    commands = screen.query(CommandList)
    if not commands:
        return False
    listed = commands.first()
    index = listed.highlighted
    line = getattr(listed, "_index_to_line", {}).get(index) if index is not None else None
    if line is None or not listed.display:
        return False
    padding = listed.get_component_styles("option-list--option").padding
    return place_cursor(listed, line, padding.left)
