"""Pick a colour by name, each with its contrast against the colour it is painted with."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from memberdesk.access.colours import NAMED_COLOURS
from memberdesk.access.contrast import contrast_ratio, format_ratio, wcag_level
from memberdesk.ui.widgets.lists import CursorOptionList, FocusAfterMount


class ColourPicker(FocusAfterMount, ModalScreen[str | None]):
    BINDINGS = [Binding("escape,ctrl+g,backspace", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, what: str, current: str, against: str, against_name: str) -> None:
        super().__init__()
        self.what = what
        self.current = current
        self.against = against
        self.against_name = against_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label(
                f"Colour for {self.what}: Up and Down to choose, Enter to use it, Escape to cancel. "
                f"Each shows its contrast against {self.against_name} ({self.against}).",
                markup=False,
            )
            options = []
            for name, value in NAMED_COLOURS.items():
                ratio = contrast_ratio(value, self.against)
                prompt = Text(f"{name} {value}, {format_ratio(ratio)} {wcag_level(ratio)} ")
                prompt.append("\u2588\u2588\u2588\u2588", style=value)  # a swatch; the words say it all
                options.append(Option(prompt, id=name))
            yield CursorOptionList(*options, id="colours")

    def on_mount(self) -> None:
        listing = self.query_one(CursorOptionList)
        values = list(NAMED_COLOURS.values())
        listing.highlighted = values.index(self.current) if self.current in values else 0
        listing.focus()

    @on(OptionList.OptionSelected, "#colours")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(NAMED_COLOURS[event.option.id or ""])

    def action_cancel(self) -> None:
        self.dismiss(None)
