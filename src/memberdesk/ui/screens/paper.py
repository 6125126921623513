"""The paperless record: pages read on screen per month and in all, and sheets saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label
from textual.widgets.option_list import Option

from memberdesk.library.paper_record import PaperRecord
from memberdesk.ui.widgets.lists import CursorOptionList, FocusAfterMount


class PaperScreen(FocusAfterMount, ModalScreen[None]):
    BINDINGS = [Binding("escape,ctrl+g,backspace,q", "close", "Close", id="paper.close")]

    def __init__(self, record: PaperRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        rows = [Option(record.summary())]
        rows += [Option(m.words()) for m in reversed(record.months)]  # the month in words, "1 sheet"
        if not record.months:
            rows.append(Option("No pages read on screen yet: every page you read in memberdesk counts."))
        with Vertical(classes="dialog tall"):
            yield Label("Paper saved by reading on screen. Escape or Ctrl+G closes.", markup=False)
            yield CursorOptionList(*rows, id="paper-rows")

    def on_mount(self) -> None:
        rows = self.query_one(CursorOptionList)
        rows.highlighted = 0
        rows.focus()

    def action_close(self) -> None:
        self.dismiss(None)
