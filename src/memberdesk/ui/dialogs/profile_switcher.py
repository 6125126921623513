"""The quick profile switcher: every profile in a list; Enter applies the highlighted one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from memberdesk.access.registry import ProfileRegistry
from memberdesk.ui.widgets.lists import CursorOptionList, FocusAfterMount

USE_PROMPT = "Profiles: Up and Down to choose, Enter to use it now, E to edit a copy, Escape to cancel."


def profile_prompt(name: str, builtin: bool, description: str, in_use: bool, problem: str | None) -> str:
    """Name first (what a screen reader says first), then 'in use' in words, then the rest."""
    marker = ", in use" if in_use else ""
    kind = "built-in" if builtin else "your own"
    about = f"cannot be used: {problem}" if problem else description
    return f"{name}{marker} ({kind}): {about}"


class ProfileSwitcher(FocusAfterMount, ModalScreen[tuple[str, str] | None]):
    """Dismisses with ("use", name), ("edit", name) or None."""

    BINDINGS = [
        Binding("e", "edit", "Edit a copy of the highlighted profile", id="profiles.edit"),
        Binding("escape,ctrl+g,backspace", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, registry: ProfileRegistry, current: str, prompt: str = USE_PROMPT) -> None:
        super().__init__()
        self.registry = registry
        self.current = current
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label(self.prompt, markup=False)
            options = [
                Option(
                    profile_prompt(e.name, e.builtin, e.description, e.name == self.current, e.problem),
                    id=e.name,
                    disabled=e.problem is not None,
                )
                for e in self.registry.entries()
            ]
            yield CursorOptionList(*options, id="profiles")

    def on_mount(self) -> None:
        listing = self.query_one(CursorOptionList)
        ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        listing.highlighted = ids.index(self.current) if self.current in ids else 0
        listing.focus()

    def _highlighted(self) -> str | None:
        option = self.query_one(CursorOptionList).highlighted_option
        return option.id if option is not None else None

    @on(OptionList.OptionSelected, "#profiles")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(("use", event.option.id))

    def action_edit(self) -> None:
        name = self._highlighted()
        if name:
            self.dismiss(("edit", name))

    def action_cancel(self) -> None:
        self.dismiss(None)
