"""Notes and bookmarks of one paper, or the notes of one meeting (on its agenda items and
its papers): Enter goes there, e edits, d deletes (after asking)."""

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
from memberdesk.ui.dialogs.confirm import ConfirmScreen
from memberdesk.ui.dialogs.note_editor import NoteEditorScreen
from memberdesk.ui.widgets.lists import CursorOptionList


@dataclass(frozen=True)
class Jump:
    page_index: int = 0
    document_id: int | None = None
    agenda_item_id: int | None = None


class NotesScreen(ModalScreen[Jump | None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="notes.close"),
        Binding("e", "edit", "Edit the note", id="notes.edit"),
        Binding("d,delete", "delete", "Delete the note or bookmark", id="notes.delete"),
    ]

    def __init__(self, library: Library, document_id: int | None = None, *, meeting_id: int | None = None) -> None:
        super().__init__()
        self.library = library
        self.document_id = document_id
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        what = "Notes and bookmarks in this paper" if self.meeting_id is None else "Notes for this meeting"
        with Vertical(classes="dialog tall"):
            yield Label(
                f"{what}. Enter goes there; e edits a note; d deletes; Escape closes.",
                markup=False,
            )
            yield CursorOptionList(id="notes-list")

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        if self.meeting_id is not None:
            self._show(self._meeting_rows())
            return
        assert self.document_id is not None
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
                options.append(
                    Option(
                        f"  Note, page {view.page_label}: {first_line}",
                        id=f"n{view.note.id}:{view.note.page_index or 0}",
                    )
                )
        if not options:
            options.append(
                Option(
                    "No notes or bookmarks yet: in the reader, a writes a note, m bookmarks the page.", disabled=True
                )
            )
        self._show(options)

    def _meeting_rows(self) -> list[Option]:
        assert self.meeting_id is not None
        options = []
        for view in self.library.notes.for_meeting(self.meeting_id):
            first_line = view.note.text.splitlines()[0] if view.note.text else ""
            if view.agenda_item_title:
                where = f"Note on item {view.agenda_item_title}"
                key = f"n{view.note.id}:i{view.note.agenda_item_id}"
            else:
                where = f"Note on {view.document_title}, page {view.page_label}"
                key = f"n{view.note.id}:d{view.note.document_id}p{view.note.page_index or 0}"
            options.append(Option(f"{where}: {first_line}", id=key))
        return options or [
            Option("No notes for this meeting yet: n writes one on the highlighted item.", disabled=True)
        ]

    def _show(self, options: list[Option]) -> None:
        listing = self.query_one(CursorOptionList)
        listing.clear_options()
        listing.add_options(options)
        listing.highlighted = next((n for n, o in enumerate(options) if not o.disabled), None)

    def _chosen(self) -> tuple[str, int, int] | None:
        """(kind "n" note or "b" bookmark, its id, page index)."""
        option = self.query_one(OptionList).highlighted_option
        if option is None or not option.id:
            return None
        key, _, where = option.id.partition(":")
        page = where.rpartition("p")[2] if where[:1] in "di" else where
        return key[0], int(key[1:]), int(page) if page.isdigit() else 0

    @on(OptionList.OptionSelected)
    def _go(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        chosen = self._chosen()
        if not chosen or option is None or not option.id:
            return
        where = option.id.partition(":")[2]
        if where.startswith("i"):
            self.dismiss(Jump(agenda_item_id=int(where[1:])))
        elif where.startswith("d"):
            document, _, page = where[1:].partition("p")
            self.dismiss(Jump(int(page or 0), document_id=int(document) if document.isdigit() else None))
        else:
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
            elif self.document_id is not None:
                self.library.bookmarks.toggle(self.document_id, page)
            self.app.notify(f"Deleted {what}.")
            self.reload()

        self.app.push_screen(ConfirmScreen(f"Delete {what}?"), answered)

    def action_close(self) -> None:
        self.dismiss(None)
