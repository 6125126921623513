"""A yes/no question: y or Enter for yes, n or Escape for no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"{self.question} Press y for yes, n or Escape for no.", markup=False, id="question")

    def on_mount(self) -> None:
        from memberdesk.ui.cursor import place_cursor

        self.call_after_refresh(place_cursor, self.query_one("#question"), 0)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
