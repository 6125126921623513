"""A one-line setting with a few values: Space or Right for the next, Left for the previous.

Simpler than a drop-down for the keyboard and for screen readers: the row says
"Reading ruler: three lines bright", the terminal cursor sits on it, and the value
changes in place.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from memberdesk.ui.cursor import place_cursor


class Choice(Static, can_focus=True):
    BINDINGS = [
        Binding("space,right", "step(1)", "Next value of a setting", id="choice.next"),
        Binding("left", "step(-1)", "Previous value of a setting", id="choice.previous"),
    ]

    class Changed(Message):
        def __init__(self, choice: Choice, value: Any) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(self, label: str, options: list[tuple[Any, str]], value: Any, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.label = label
        self.options = options
        self.index = next((n for n, (v, _) in enumerate(options) if v == value), 0)
        self._show()

    @property
    def value(self) -> Any:
        return self.options[self.index][0]

    @value.setter
    def value(self, value: Any) -> None:
        self.index = next((n for n, (v, _) in enumerate(self.options) if v == value), self.index)
        self._show()

    def _show(self) -> None:
        self.update(f"{self.label}: {self.options[self.index][1]}")

    def action_step(self, step: int) -> None:
        self.index = (self.index + step) % len(self.options)
        self._show()
        self.post_message(self.Changed(self, self.value))
        self.call_after_refresh(self._place)

    def on_focus(self) -> None:
        self.call_after_refresh(self._place)

    def _place(self) -> None:
        if self.has_focus:
            place_cursor(self, 0, len(self.label) + 2)
