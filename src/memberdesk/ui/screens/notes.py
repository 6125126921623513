"""The notes and bookmarks of one paper: Enter goes there, e edits, d deletes (after asking)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from memberdesk.library import Library
from memberdesk.ui.screens.confirm import ConfirmScreen
from memberdesk.ui.screens.note_editor import NoteEditorScreen
from memberdesk.ui.widgets.lists import CursorOptionList


@dataclass(frozen=True)
class Jump:
    page_index: int


class NotesScreen(ModalScreen[Jump | None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="notes.close"),
        Binding("e", "edit", "Edit the note", id="notes.edit"),
        Binding("d,delete", "delete", "Delete the note or bookmark", id="notes.delete"),
    ]

    def __init__(self, library: Library, document_id: int) -> None:
        super().__init__()
        self.library = library
        self.document_id = document_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label(
                "Notes and bookmarks in this paper. Enter goes to the page; e edits a note; d deletes; Escape closes.",
                markup=False,
            )
            yield CursorOptionList(id="notes-list")

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        options: list[Option] = []
        bookmarks = self.library.bookmarks.for_document(self.document_id)
        notes = self.library.notes.for_document(self.document_id)
        if bookmarks:
            options.append(Option("Bookmarks:", disabled=True))
            options += [Option(f"  Bookmark, page {b.label}", id=f"b{b.id}:{b.page_index}") for b in bookmarks]
        if notes:
            options.append(Option("Notes:", disabled=True))
            for view in notes:
                first_line = view.note.text.splitlines()[0] if view.note.text else ""
                options.append(Option(f"  Note, page {view.page_label}: {first_line}", id=f"n{view.note.id}:{view.note.page_index or 0}"))
        if not options:
            options.append(Option("No notes or bookmarks yet: in the reader, a writes a note, m bookmarks the page.", disabled=True))
        listing = self.query_one(CursorOptionList)
        listing.clear_options()
        listing.add_options(options)
        listing.highlighted = next((n for n, o in enumerate(options) if not o.disabled), None)

    def _chosen(self) -> tuple[str, int, int] | None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or not option.id:
            return None
        key, _, page = option.id.partition(":")
        return key[0], int(key[1:]), int(page)

    @on(OptionList.OptionSelected)
    def _go(self) -> None:
        chosen = self._chosen()
        if chosen:
            self.dismiss(Jump(chosen[2]))

    def action_edit(self) -> None:
        chosen = self._chosen()
        if not chosen or chosen[0] != "n":
            self.app.notify("Choose a note to edit (bookmarks have no text).")
            return
        note = self.library.notes.get(chosen[1])
        if note is None:
            return

        def saved(text: str | None) -> None:
            if text:
                self.library.notes.update(note.id, text)
                self.app.notify("Note saved.")
                self.reload()

        self.app.push_screen(NoteEditorScreen("this page", note.text), saved)

    def action_delete(self) -> None:
        chosen = self._chosen()
        if not chosen:
            return
        kind, ident, page = chosen
        what = "this note" if kind == "n" else "this bookmark"

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if kind == "n":
                self.library.notes.delete(ident)
            else:
                self.library.bookmarks.toggle(self.document_id, page)
            self.app.notify(f"Deleted {what}.")
            self.reload()

        self.app.push_screen(ConfirmScreen(f"Delete {what}?"), answered)

    def action_close(self) -> None:
        self.dismiss(None)
