"""The note editor in screen-reader mode: two rows over the bottom of the screen.

A screen reader speaks every row whose text changes. The note editor as a dialog is a screen
of its own: closing it has Textual repaint the whole reader, and Fenrir, reading the terminal
part-way through that repaint, said rows of the page again (and "blank") before "Note saved
on page 6.". This is a widget of the reader on a layer of its own, docked over the status
and message lines: showing and hiding it repaints those two rows and nothing else, so after
Ctrl+S the screen reader hears the status line and the confirmation only. Every screen that
writes notes (the reader, an agenda item, the councils screen, the notes list) has one, and
`ui/note_writing.write_note` chooses between it and the dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, TextArea

from memberdesk.ui.widgets.message_line import MessageLine

Done = Callable[[str | None], None]


class NoteLine(Vertical):
    # The same ids, keys and words as the note editor dialog: one entry in help and keymaps.
    BINDINGS = [
        Binding("ctrl+s", "save", "Save the note", id="note.save"),
        Binding("escape,ctrl+g", "leave", "Leave without saving", id="note.leave"),
    ]

    DEFAULT_CSS = """
    NoteLine {
        layer: note-line;
        dock: bottom;
        height: 2;
        padding: 0 2;
        visibility: hidden;
    }
    NoteLine > Label { width: 1fr; height: 1; }
    NoteLine > TextArea { height: 1; padding: 0; border: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._done: Done | None = None
        self._leaving = False  # Escape once with unsaved text: asked, on the prompt row
        self._original = ""  # the note being edited, "" for a new one

    def compose(self) -> ComposeResult:
        yield Label("", id="note-line-prompt", markup=False)
        yield TextArea("", id="note-line-text", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")

    @property
    def editor(self) -> TextArea:
        return self.query_one(TextArea)

    def open(self, where: str, done: Done, text: str = "") -> None:
        self._done = done
        self._leaving = False
        self._original = text.strip()
        self.query_one(Label).update(f"Note on {where}. Ctrl+S saves; Escape or Ctrl+G leaves.")
        self.editor.text = text
        self.editor.move_cursor(self.editor.document.end)
        # The message line is under this one: an old message there would be read again, as
        # new, when this line goes away.
        for line in self.screen.query(MessageLine):
            line.show("")
        self.visible = True
        self.editor.focus()

    def _close(self, text: str | None) -> None:
        done, self._done = self._done, None
        self.visible = False
        if done is not None:
            done(text)

    def _say(self, words: str) -> None:
        # On the prompt row: the message line is under this one.
        self.query_one(Label).update(words)

    def action_save(self) -> None:
        text = self.editor.text.strip()
        if not text:
            self._say("The note is empty: type something, or press Escape or Ctrl+G to leave.")
            return
        self._close(text)

    def action_leave(self) -> None:
        if self.editor.text.strip() in ("", self._original) or self._leaving:
            self._close(None)
            return
        # No dialog to ask in (closing one repaints the page): the prompt row asks.
        self._leaving = True
        self._say("This note is not saved: Ctrl+S saves it; Escape or Ctrl+G again leaves without saving.")
