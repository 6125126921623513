"""Writing or editing a note: a multi-line editor. Ctrl+S saves, Escape or Ctrl+G leaves (asking first
if there are unsaved changes)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, TextArea

from memberdesk.ui.dialogs.confirm import ConfirmScreen
from memberdesk.ui.line_dialog import LineDialog


class NoteEditorScreen(LineDialog[str | None]):
    """In screen-reader mode two rows at the bottom, over the status and message lines."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save the note", id="note.save"),
        Binding("escape,ctrl+g", "leave", "Leave without saving", id="note.leave"),
    ]

    def __init__(self, where: str, text: str = "") -> None:
        super().__init__()
        self.where = where
        self.original = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label(f"Note on {self.where}. Ctrl+S saves; Escape or Ctrl+G leaves.", markup=False)
            yield TextArea(self.original, id="note-text", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if not text:
            self.app.notify("The note is empty: type something, or press Escape to leave.", severity="warning")
            return
        self.dismiss(text)

    def action_leave(self) -> None:
        if self.query_one(TextArea).text.strip() == self.original.strip():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Leave without saving this note?"), answered)
