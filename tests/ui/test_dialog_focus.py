"""A dialog that opens on the current choice has the focus only once it stands there: a screen
reader must first hear the choice in use, and a key pressed at once must act on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList

from memberdesk.library.paper_record import PaperRecord
from memberdesk.speech import Voice
from memberdesk.ui.dialogs.confirm import ConfirmScreen
from memberdesk.ui.dialogs.voices import VoiceScreen
from memberdesk.ui.screens.paper import PaperScreen

VOICES = [Voice("a", "Afrikaans"), Voice("gmw/en", "English (Great Britain)"), Voice("cy", "Welsh")]
RECORD = PaperRecord(
    pages_total=12, sheets_total=6, pages_this_year=12, sheets_this_year=6, yearly_sheet_target=1000, double_sided=True
)


def watched(kind: type[Screen[Any]]) -> Callable[..., Any]:
    """`kind`, noting where its list's highlight stands whenever the list is given the focus."""

    class Watched(kind):  # type: ignore[valid-type,misc]
        highlights_at_focus: list[int | None]

        def set_focus(self, widget: Widget | None, *args: Any, **kwargs: Any) -> Any:
            if isinstance(widget, OptionList):
                self.highlights_at_focus.append(widget.highlighted)
            return super().set_focus(widget, *args, **kwargs)

    def make(*args: Any) -> Any:
        screen = Watched(*args)
        screen.highlights_at_focus = []
        return screen

    return make


@pytest.mark.parametrize(
    ("make", "args", "opens_on"),
    [
        # The default voice's row comes first, then the voices by name: the voice in use is third.
        (watched(VoiceScreen), (VOICES, "gmw/en"), 2),
        (watched(ConfirmScreen), ("Delete the note?",), 0),  # the safe answer
        (watched(PaperScreen), (RECORD,), 0),  # the summary
    ],
)
async def test_a_list_dialog_is_focused_on_its_current_choice(make: Any, args: tuple[Any, ...], opens_on: int) -> None:
    app: App[None] = App()
    async with app.run_test() as pilot:
        dialog = make(*args)
        await app.push_screen(dialog)
        await pilot.pause()
        assert dialog.query_one(OptionList).highlighted == opens_on
        assert dialog.highlights_at_focus
        assert set(dialog.highlights_at_focus) == {opens_on}
