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

from memberdesk.library import Library
from memberdesk.ui.dialogs.confirm import ConfirmScreen
from memberdesk.ui.note_writing import write_note
from memberdesk.ui.widgets.lists import CursorOptionList, Row
from memberdesk.ui.widgets.note_line import NoteLine


@dataclass(frozen=True)
class Jump:
    page_index: int = 0
    document_id: int | None = None
    agenda_item_id: int | None = None


@dataclass(frozen=True)
class _Entry:
    """A row of the list: a note or a bookmark, and where choosing it goes."""

    kind: str  # "note" or "bookmark"
    id: int
    jump: Jump


class NotesScreen(ModalScreen[Jump | None]):
    BINDINGS = [
        Binding("escape,ctrl+g,backspace", "close", "Close", id="notes.close"),
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
                f"{what}. Enter goes there; e edits a note; d deletes; Escape or Ctrl+G closes.",
                markup=False,
            )
            yield CursorOptionList(id="notes-list")
        yield NoteLine(id="note-line")

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        if self.meeting_id is not None:
            self._show(self._meeting_rows())
            return
        assert self.document_id is not None
        options: list[Row] = []
        bookmarks = self.library.bookmarks.for_document(self.document_id)
        notes = self.library.notes.for_document(self.document_id)
        if bookmarks:
            options.append(Row("Bookmarks:"))
            options += [
                Row(f"  Bookmark, page {b.label}", _Entry("bookmark", b.id, Jump(b.page_index))) for b in bookmarks
            ]
        if notes:
            options.append(Row("Notes:"))
            for view in notes:
                first_line = view.note.text.splitlines()[0] if view.note.text else ""
                entry = _Entry("note", view.note.id, Jump(view.note.page_index or 0))
                options.append(Row(f"  Note, page {view.page_label}: {first_line}", entry))
        if not options:
            options.append(Row("No notes or bookmarks yet: in the reader, a writes a note, m bookmarks the page."))
        self._show(options)

    def _meeting_rows(self) -> list[Row]:
        assert self.meeting_id is not None
        options = []
        for view in self.library.notes.for_meeting(self.meeting_id):
            first_line = view.note.text.splitlines()[0] if view.note.text else ""
            if view.agenda_item_title:
                where = f"Note on item {view.agenda_item_title}"
                jump = Jump(agenda_item_id=view.note.agenda_item_id)
            else:
                where = f"Note on {view.document_title}, page {view.page_label}"
                jump = Jump(view.note.page_index or 0, document_id=view.note.document_id)
            options.append(Row(f"{where}: {first_line}", _Entry("note", view.note.id, jump)))
        return options or [Row("No notes for this meeting yet: n writes one on the highlighted item.")]

    def _show(self, options: list[Row]) -> None:
        self.query_one(CursorOptionList).show_rows(options)

    def _chosen(self) -> _Entry | None:
        target = self.query_one(CursorOptionList).highlighted_target
        return target if isinstance(target, _Entry) else None

    @on(OptionList.OptionSelected)
    def _go(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.dismiss(chosen.jump)

    def action_edit(self) -> None:
        chosen = self._chosen()
        if chosen is None or chosen.kind != "note":
            self.app.notify("Choose a note to edit (bookmarks have no text).")
            return
        note = self.library.notes.get(chosen.id)
        if note is None:
            return

        def saved(text: str | None) -> None:
            if text:
                self.library.notes.update(note.id, text)
                self.app.notify("Note saved.")
                self.reload()

        write_note(self, "this page", saved, note.text)

    def action_delete(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        kind, ident, page = chosen.kind, chosen.id, chosen.jump.page_index
        what = "this note" if kind == "note" else "this bookmark"

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if kind == "note":
                self.library.notes.delete(ident)
            elif self.document_id is not None:
                self.library.bookmarks.toggle(self.document_id, page)
            self.app.notify(f"Deleted {what}.")
            self.reload()

        self.app.push_screen(ConfirmScreen(f"Delete {what}?"), answered)

    def action_close(self) -> None:
        self.dismiss(None)
