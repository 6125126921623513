"""Choosing the voice that reads aloud: a list of the engine's voices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from memberdesk.speech import Speaker, Voice
from memberdesk.ui.widgets.lists import CursorOptionList, FocusAfterMount

DEFAULT = "default"


class VoiceScreen(FocusAfterMount, ModalScreen[tuple[Voice | None] | None]):
    """Dismisses with (voice,), (None,) for the engine's default voice, or None if cancelled."""

    BINDINGS = [Binding("escape,ctrl+g,backspace", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, voices: list[Voice], current: str) -> None:
        super().__init__()
        # Sorted by name so a language's voices sit together ("English (America)", ...).
        self.voices = sorted(voices, key=lambda v: v.name.lower())
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label("Reading voice: Up and Down to choose, Enter to use it, Escape to cancel.", markup=False)
            options = [Option("The speech engine's default voice", id=DEFAULT)]
            for number, voice in enumerate(self.voices):
                languages = f" ({', '.join(voice.languages)})" if voice.languages else ""
                marker = ", in use" if voice.id == self.current else ""
                options.append(Option(f"{voice.name}{languages}{marker}", id=str(number)))
            yield CursorOptionList(*options, id="voices")

    def on_mount(self) -> None:
        voices = self.query_one(OptionList)
        chosen = next((n + 1 for n, v in enumerate(self.voices) if v.id == self.current), 0)
        voices.highlighted = chosen
        voices.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == DEFAULT:
            self.dismiss((None,))
        else:
            self.dismiss((self.voices[int(event.option.id or 0)],))

    def action_cancel(self) -> None:
        self.dismiss(None)


def offer_voices(screen: Screen[Any], speaker: Speaker | None, chosen: Callable[[Voice | None], None]) -> None:
    """List the speaker's voices (asked off the UI thread: the list comes from the speech
    worker) and offer them; `chosen` gets the voice picked, None for the default."""

    def listed() -> None:
        try:
            voices = speaker.voices() if speaker is not None else []
        except Exception as exc:  # noqa: BLE001 - any failure is one message, not a crash
            screen.app.call_from_thread(screen.notify, f"The voices could not be listed: {exc}", severity="error")
            return
        current = speaker.settings.voice if speaker is not None else ""
        screen.app.call_from_thread(offer, voices, current)

    def offer(voices: list[Voice], current: str) -> None:
        if not voices:
            screen.notify("This speech engine offers no choice of voice.")
            return
        screen.app.push_screen(VoiceScreen(voices, current), picked)

    def picked(choice: tuple[Voice | None] | None) -> None:
        if choice is not None:
            chosen(choice[0])

    screen.run_worker(listed, thread=True, exclusive=True, group="voices")
