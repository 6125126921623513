"""Asking for a note's text: the note line in screen-reader mode, the editor dialog otherwise.

Why two: see `widgets/note_line.py` (a dialog closing repaints the whole screen, which a
screen reader reads again).
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from memberdesk.ui.dialogs.note_editor import NoteEditorScreen
from memberdesk.ui.widgets.note_line import Done, NoteLine


def write_note(screen: Screen[Any], where: str, saved: Done, text: str = "") -> None:
    """Ask for a note's text (`text` to edit one): the screen's note line in screen-reader
    mode, the note editor dialog otherwise. `saved` gets the text, or None when left."""
    lines = screen.query(NoteLine)
    if not (screen.app.has_class("-screen-reader") and lines):
        screen.app.push_screen(NoteEditorScreen(where, text), saved)
        return
    focused = screen.focused

    def done(written: str | None) -> None:
        if focused is not None and focused.is_attached:
            focused.focus()
        # Editing and leaving unchanged is leaving: nothing to save.
        saved(None if written is not None and written == text.strip() else written)

    lines.first().open(where, done, text)
