"""A dialog that opens on the current choice has the focus only once it stands there: a screen
reader must first hear the choice in use, and a key pressed at once must act on it."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widget import Widget
from textual.widgets import OptionList

from memberdesk.speech import Voice
from memberdesk.ui.dialogs.voices import VoiceScreen

VOICES = [Voice("a", "Afrikaans"), Voice("gmw/en", "English (Great Britain)"), Voice("cy", "Welsh")]


class WatchedVoices(VoiceScreen):
    """Notes where the list's highlight stands whenever something is given the focus."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.highlights_at_focus: list[int | None] = []

    def set_focus(self, widget: Widget | None, *args: Any, **kwargs: Any) -> Any:
        if isinstance(widget, OptionList):
            self.highlights_at_focus.append(widget.highlighted)
        return super().set_focus(widget, *args, **kwargs)


async def test_the_voice_list_is_focused_on_the_voice_in_use() -> None:
    app: App[None] = App()
    async with app.run_test() as pilot:
        dialog = WatchedVoices(VOICES, "gmw/en")
        await app.push_screen(dialog)
        await pilot.pause()
        in_use = 2  # the default voice's row comes first, then the voices by name
        assert dialog.query_one(OptionList).highlighted == in_use
        assert dialog.highlights_at_focus
        assert set(dialog.highlights_at_focus) == {in_use}
