"""An agenda item's own text (agenda text, minutes, decisions), read like a page."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from memberdesk.library import Library
from memberdesk.papers.reflow import Paragraph, paragraphs
from memberdesk.ui.note_writing import write_note
from memberdesk.ui.widgets.note_line import NoteLine
from memberdesk.ui.widgets.page_view import PageView
from memberdesk.words import plural


class AgendaItemScreen(Screen[None]):
    BINDINGS = [
        Binding("a", "add_note", "Write a note on this agenda item", id="item.note"),
        Binding("escape,ctrl+g,backspace", "back", "Back", id="item.back"),
    ]

    def __init__(self, library: Library, agenda_item_id: int) -> None:
        super().__init__()
        self.library = library
        self.agenda_item_id = agenda_item_id

    def compose(self) -> ComposeResult:
        item = self.library.councils.agenda_item(self.agenda_item_id)
        title = f"Agenda item {item.number} {item.title}".strip() if item else "Agenda item"
        with Vertical():
            yield Static(title, id="reader-title", markup=False)
            yield PageView(id="page")
            yield Static("", id="status", markup=False)
        yield NoteLine(id="note-line")

    def on_mount(self) -> None:
        item = self.library.councils.agenda_item(self.agenda_item_id)
        paras: list[Paragraph] = []
        if item is not None:
            paras.append(Paragraph(f"{item.number} {item.title}".strip(), heading=True))
            if item.text:
                paras += paragraphs(item.text)
            if item.minutes:
                paras.append(Paragraph("Minutes", heading=True))
                paras += paragraphs(item.minutes)
        view = self.query_one(PageView)
        view.show(paras, placeholder="This agenda item has no text.")
        view.focus()
        self.update_status()

    def update_status(self) -> None:
        notes = len(self.library.notes.for_agenda_item(self.agenda_item_id))
        written = f"{plural(notes, 'note')} on this item. " if notes else ""
        self.query_one("#status", Static).update(f"{written}a writes a note; Escape or Ctrl+G goes back.")

    def action_add_note(self) -> None:
        item = self.library.councils.agenda_item(self.agenda_item_id)
        title = f"agenda item {item.number} {item.title}".strip() if item else "this agenda item"

        def saved(text: str | None) -> None:
            if text:
                self.library.notes.add(text, agenda_item_id=self.agenda_item_id)
                self.app.notify(f"Note saved on {title}.")
                self.update_status()

        write_note(self, title, saved)

    def action_back(self) -> None:
        self.app.pop_screen()
