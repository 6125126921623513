"""A yes/no question: Y or Enter on "Yes" says yes; N or Escape says no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from memberdesk.ui.widgets.lists import CursorOptionList, FocusAfterMount


class ConfirmScreen(FocusAfterMount, ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape,ctrl+g", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No, go back") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"{self.question} Y for yes, N or Escape for no.", markup=False, id="question")
            # A list as well as the keys, so the terminal cursor has a row to sit on.
            yield CursorOptionList(f"{self.no} (N)", f"{self.yes} (Y)", id="answers")

    def on_mount(self) -> None:
        answers = self.query_one(CursorOptionList)
        answers.highlighted = 0  # the safe answer first
        answers.focus()

    def on_option_list_option_selected(self, event: CursorOptionList.OptionSelected) -> None:
        self.dismiss(event.option_index == 1)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
