"""An agenda item's own text (agenda text, minutes, decisions), read like a page."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from memberdesk.library import Library
from memberdesk.reflow import Paragraph, paragraphs
from memberdesk.ui.widgets.page_view import PageView


class AgendaItemScreen(Screen[None]):
    BINDINGS = [Binding("escape,backspace", "back", "Back", id="item.back")]

    def __init__(self, library: Library, agenda_item_id: int) -> None:
        super().__init__()
        self.library = library
        self.agenda_item_id = agenda_item_id

    def compose(self) -> ComposeResult:
        item = self.library.meetings.agenda_item(self.agenda_item_id)
        title = f"Agenda item {item.number} {item.title}".strip() if item else "Agenda item"
        with Vertical():
            yield Static(title, id="reader-title", markup=False)
            yield PageView(id="page")
            yield Static("Escape goes back.", id="status", markup=False)

    def on_mount(self) -> None:
        item = self.library.meetings.agenda_item(self.agenda_item_id)
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

    def action_back(self) -> None:
        self.app.pop_screen()
