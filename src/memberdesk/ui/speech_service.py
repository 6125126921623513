"""The app's one speaker: made on first use, off the UI thread, and closed when the app ends.

Starting the espeak worker takes ~0.1 s (longer on a busy machine), and reading the
profile and lexicon touches files, so the speaker is made in a thread and announced with
a SpeakerReady message. Speech events arrive on the speaker's thread; they are posted as
SpeechMessage to the screen that is reading (post_message is thread-safe and does not
wait, unlike call_from_thread, which would deadlock if the UI were at that moment
waiting for the speaker to close).

Each speak() is one session (see memberdesk.speech.base): sessions end in order with
exactly one done/stopped/error each, so the session an event belongs to is the number of
endings seen before it, plus one. A screen ignores events of sessions it has replaced,
such as the "stopped" of the sentence it jumped away from.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from textual.message import Message
from textual.message_pump import MessagePump

from memberdesk.speech import NullSpeaker, Speaker, SpeechEvent, SpeechSettings, choose_speaker
from memberdesk.speech.choose import Backend
from memberdesk.speech.player import Player
from memberdesk.speech.preferences import SpeechPreferences, load_preferences, preferences_from

_ENDINGS = ("done", "stopped", "error")


@dataclass
class SpeechOptions:
    """How the app reads aloud. Tests pass a FilePlayer; None everywhere means "as usual"."""

    backend: Backend = "auto"
    player: Player | None = None  # None: the machine's audio player, if it has one
    driver: str | None = None  # pyttsx3 driver (None: its default, espeak on Linux)
    preferences: SpeechPreferences | None = None  # None: from the profile in use


class SpeakerReady(Message):
    """The speaker exists now (it may be the 'none' speaker: check .available)."""

    def __init__(self, speaker: Speaker, problems: list[str]) -> None:
        super().__init__()
        self.speaker = speaker
        self.problems = problems


class SpeechMessage(Message):
    """One speech event, tagged with the session (speak() call) it belongs to."""

    def __init__(self, session: int, event: SpeechEvent) -> None:
        super().__init__()
        self.session = session
        self.event = event


class SpeechService:
    def __init__(self, home: Path, options: SpeechOptions | None = None) -> None:
        self.home = home
        self.options = options or SpeechOptions()
        self.speaker: Speaker | None = None
        self._lock = threading.Lock()
        self._starting = False
        self._closed = False
        self._waiting: list[MessagePump] = []
        self._listener: MessagePump | None = None
        # The app's profile in use (its speech settings); None reads the saved choice instead.
        self.profile_speech: Callable[[], Any] | None = None
        self._sessions = 0  # speak() calls (UI thread only)
        self._ended = 0  # sessions that have sent their last event (any thread)

    # -- making the speaker ----------------------------------------------------------------
    def start(self, listener: MessagePump) -> None:
        """Make the speaker if there is none; `listener` gets SpeakerReady either way."""
        with self._lock:
            if self.speaker is not None:
                speaker = self.speaker
            else:
                speaker = None
                self._waiting.append(listener)
                if self._starting:
                    return
                self._starting = True
        if speaker is not None:
            listener.post_message(SpeakerReady(speaker, []))
            return
        threading.Thread(target=self._make, daemon=True, name="memberdesk-speaker-start").start()

    def _make(self) -> None:
        options = self.options
        if options.preferences is not None:
            prefs = options.preferences
        elif self.profile_speech is not None:
            prefs = preferences_from(self.profile_speech())
        else:
            prefs = load_preferences(self.home)
        try:
            speaker: Speaker = choose_speaker(
                options.backend,
                on_event=self._on_event,
                settings=prefs.settings,
                lexicon=prefs.lexicon,
                player=options.player,
                driver=options.driver,
            )
        except Exception as exc:  # noqa: BLE001 - whatever it was, the screen must hear back
            speaker = NullSpeaker(f"Reading aloud could not start: {exc}", self._on_event, prefs.settings)
        with self._lock:
            self._starting = False
            if self._closed:
                waiting = []
            else:
                self.speaker, waiting, self._waiting = speaker, self._waiting, []
        if self._closed:
            speaker.close()
            return
        for listener in waiting:
            listener.post_message(SpeakerReady(speaker, prefs.problems))

    # -- reading ---------------------------------------------------------------------------
    def speak(self, listener: MessagePump, texts: Sequence[str], start: int = 0) -> int:
        """Read texts[start:] and send its events to `listener`; the session number."""
        assert self.speaker is not None, "start() the service and wait for SpeakerReady first"
        with self._lock:
            self._listener = listener
            self._sessions += 1
            session = self._sessions
        self.speaker.speak(texts, start)
        return session

    def _on_event(self, event: SpeechEvent) -> None:
        with self._lock:
            session = self._ended + 1
            if event.kind in _ENDINGS:
                self._ended += 1
            listener = self._listener
        if listener is not None:
            listener.post_message(SpeechMessage(session, event))

    def stop(self) -> None:
        if self.speaker is not None:
            self.speaker.stop()

    def adjust(
        self,
        *,
        rate: int | None = None,
        volume: float | None = None,
        voice: str | None = None,
        default_voice: bool = False,
    ) -> SpeechSettings:
        """Change rate/volume/voice from the next sentence on; the settings now in force."""
        assert self.speaker is not None, "start() the service and wait for SpeakerReady first"
        current = self.speaker.settings
        changed = replace(
            current,
            rate=current.rate if rate is None else rate,
            volume=current.volume if volume is None else volume,
            voice="" if default_voice else (voice or current.voice),
        ).clamped()
        self.speaker.set_rate(changed.rate)
        self.speaker.set_volume(changed.volume)
        self.speaker.set_voice(changed.voice)
        return self.speaker.settings

    def follow_profile(self, speech: Any) -> None:
        """A profile put in use: its voice, rate, volume and words from the next sentence on.
        Before the speaker exists there is nothing to do (it is made from the profile in use)."""
        speaker = self.speaker
        if speaker is None or self.options.preferences is not None:
            return
        prefs = preferences_from(speech)
        speaker.set_voice(prefs.settings.voice)
        speaker.set_rate(prefs.settings.rate)
        speaker.set_volume(prefs.settings.volume)
        if prefs.lexicon is not None and hasattr(speaker, "lexicon"):
            speaker.lexicon = prefs.lexicon

    def close(self) -> None:
        """Silence at once, then end the worker and player processes."""
        with self._lock:
            self._closed = True
            speaker, self._listener = self.speaker, None
        if speaker is not None:
            speaker.stop()
            speaker.close()
