"""Help: every key, as it is mapped now, grouped by where it works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label
from textual.widgets.option_list import Option

from memberdesk.ui.keys import KeyRow
from memberdesk.ui.widgets.lists import CursorOptionList


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,ctrl+g,backspace,f1,q", "close", "Close help", id="help.close")]

    def __init__(self, rows: list[KeyRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label("Keys. Up and Down move through the list; Escape or Ctrl+G closes help.", markup=False)
            options: list[Option] = []
            group = ""
            for row in self.rows:
                if row.group != group:
                    group = row.group
                    options.append(Option(f"{group}:", disabled=True))
                options.append(Option(f"  {row.description}: {row.keys}", id=row.binding_id))
            yield CursorOptionList(*options, id="keys")

    def on_mount(self) -> None:
        keys = self.query_one(CursorOptionList)
        keys.focus()
        keys.highlighted = 1 if keys.option_count > 1 else 0

    def action_close(self) -> None:
        self.dismiss(None)
