"""Contents: the paper's outline (bookmarks) as a list to jump from."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from memberdesk.model import OutlineEntry
from memberdesk.ui.widgets.lists import CursorOptionList, FocusAfterMount


class ContentsScreen(FocusAfterMount, ModalScreen[OutlineEntry | None]):
    BINDINGS = [Binding("escape,ctrl+g,backspace", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, outline: list[OutlineEntry], labels: list[str], page_index: int) -> None:
        super().__init__()
        self.outline = outline
        self.labels = labels
        self.page_index = page_index

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label("Contents: Up and Down to choose, Enter to go there, Escape to cancel.", markup=False)
            options = []
            for number, entry in enumerate(self.outline):
                label = (
                    self.labels[entry.page_index] if entry.page_index < len(self.labels) else str(entry.page_index + 1)
                )
                indent = "  " * entry.level
                options.append(Option(f"{indent}{entry.title}, page {label}", id=str(number)))
            yield CursorOptionList(*options, id="contents")

    def on_mount(self) -> None:
        contents = self.query_one(OptionList)
        current = 0
        for number, entry in enumerate(self.outline):
            if entry.page_index <= self.page_index:
                current = number
        contents.highlighted = current
        contents.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.outline[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
