"""A one-line question: the answer, or None when cancelled."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from memberdesk.ui.widgets.text_box import TextBox


class PromptScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape,ctrl+g", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, question: str, input_id: str = "answer", value: str = "") -> None:
        super().__init__()
        self.question = question
        self.input_id = input_id
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, markup=False)
            yield TextBox(value=self.value, id=self.input_id)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
