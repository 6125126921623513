"""The reader's notes and bookmarks: m bookmarks the page, a writes a note, o lists them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from memberdesk.ui.note_writing import write_note
from memberdesk.ui.screens.notes import Jump, NotesScreen

if TYPE_CHECKING:
    from memberdesk.library import Library
    from memberdesk.model import Document
    from memberdesk.reading.session import ReadingSession
    from memberdesk.ui.widgets.page_view import PageView


class ReaderMarks(Screen[None]):
    """The reader's keys for notes and bookmarks (the reader is the only user)."""

    if TYPE_CHECKING:
        library: Library
        reading: ReadingSession

        @property
        def document(self) -> Document: ...
        @property
        def page_index(self) -> int: ...
        @property
        def page_view(self) -> PageView: ...
        def page_label(self, index: int | None = None) -> str: ...
        def update_status(self) -> None: ...
        def show_page(self, index: int, *, line: int = 0, at_end: bool = False) -> None: ...

    def action_bookmark(self) -> None:
        self.app.notify(self.reading.toggle_bookmark())
        self.update_status()

    def action_add_note(self) -> None:
        index = self.page_index

        def saved(text: str | None) -> None:
            if text:
                self.app.notify(self.reading.add_note(text, index))
                self.update_status()

        write_note(self, f"page {self.page_label(index)}", saved)

    def action_notes(self) -> None:
        def chosen(jump: Jump | None) -> None:
            if jump is not None:
                self.show_page(jump.page_index)
            self.update_status()

        self.app.push_screen(NotesScreen(self.library, self.document.id), chosen)
