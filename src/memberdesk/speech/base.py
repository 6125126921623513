"""The Speaker interface every reading-aloud backend offers, and what they report.

A Speaker reads a list of sentences, one after another, and tells the caller through one
callback what is happening:

    SpeechEvent("started", i)    sentence i has started to sound (move the highlight now)
    SpeechEvent("finished", i)   sentence i has been heard to the end
    SpeechEvent("done")          the last sentence has finished
    SpeechEvent("stopped")       stop() (or a new speak()) ended reading early
    SpeechEvent("error", i, msg) something failed; msg is one line for the user

SESSIONS: every speak() call is one session, and every session ends with exactly one of
done/stopped/error, sent before any event of the next session. A caller that replaces
reading (a jump to the next sentence) can therefore tell stale events from current ones
by counting those endings (memberdesk.ui.speech_service does).

THREADS: the callback is called from the speaker's own thread (or the speech library's),
never from the caller's. A Textual app must hand the event over with `call_from_thread`
or post a message; it must not touch widgets in the callback. The callback should return
quickly; an exception raised in it is swallowed so it cannot kill reading.

Every method returns at once: nothing here blocks the caller while audio plays.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

EventKind = Literal["started", "finished", "done", "stopped", "error"]

INSTALL_HINT = "Reading aloud needs espeak-ng: sudo apt-get install espeak-ng"

MIN_RATE, MAX_RATE, DEFAULT_RATE = 80, 450, 175  # words per minute (espeak-ng's range)


class SpeechUnavailable(RuntimeError):
    """No way to read aloud here. str(exc) is one line saying what to install or check."""


@dataclass(frozen=True)
class SpeechEvent:
    kind: EventKind
    index: int | None = None  # the sentence's index in the list given to speak()
    message: str = ""


EventCallback = Callable[[SpeechEvent], None]


@dataclass(frozen=True)
class Voice:
    id: str  # what set_voice() takes
    name: str
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class SpeechSettings:
    """What a profile says about reading aloud: rate in words per minute, volume 0..1."""

    rate: int = DEFAULT_RATE
    volume: float = 1.0
    voice: str = ""  # "": the engine's default voice (as a profile says it)

    def clamped(self) -> SpeechSettings:
        rate = min(MAX_RATE, max(MIN_RATE, int(self.rate)))
        volume = min(1.0, max(0.0, float(self.volume)))
        return replace(self, rate=rate, volume=volume)


class Speaker(ABC):
    """Reads sentences aloud. See the module docstring for events and threads."""

    #: short name of the backend ("espeak", "speechd", "none")
    name: str = "?"

    def __init__(self, on_event: EventCallback | None = None, settings: SpeechSettings | None = None):
        self.on_event: EventCallback | None = on_event
        self._settings = (settings or SpeechSettings()).clamped()
        self._settings_lock = threading.Lock()

    # -- what the caller uses ----------------------------------------------------------

    @property
    def available(self) -> bool:
        """False only for the 'none' speaker, which explains itself in `message`."""
        return True

    @property
    def message(self) -> str:
        return ""

    @abstractmethod
    def speak(self, sentences: Sequence[str], start: int = 0) -> None:
        """Read sentences[start:], replacing whatever was being read. Returns at once.

        Event indexes are positions in `sentences`, so reading from the middle reports
        start, start+1, ... The caller jumps to the next or previous sentence or paragraph
        by calling speak() again with another start.
        """

    def speak_one(self, sentence: str) -> None:
        self.speak([sentence])

    @abstractmethod
    def stop(self) -> None:
        """Silence at once. A 'stopped' event follows if something was being read."""

    @abstractmethod
    def pause(self) -> None:
        """Hold the current sentence where it is; resume() carries on from there."""

    @abstractmethod
    def resume(self) -> None: ...

    @property
    @abstractmethod
    def speaking(self) -> bool:
        """True from speak() until done/stopped/error (also while paused)."""

    @property
    @abstractmethod
    def paused(self) -> bool: ...

    @abstractmethod
    def voices(self) -> list[Voice]: ...

    @property
    def settings(self) -> SpeechSettings:
        with self._settings_lock:
            return self._settings

    def set_rate(self, words_per_minute: int) -> None:
        """Takes effect from the next sentence."""
        self._update(rate=words_per_minute)

    def set_volume(self, volume: float) -> None:
        self._update(volume=volume)

    def set_voice(self, voice_id: str) -> None:
        self._update(voice=voice_id)

    def close(self) -> None:
        """Stop and release processes and files. The speaker cannot be used afterwards."""
        self.stop()

    def __enter__(self) -> Speaker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- for backends ------------------------------------------------------------------

    def _update(self, **changes: object) -> None:
        with self._settings_lock:
            self._settings = replace(self._settings, **changes).clamped()  # type: ignore[arg-type]
        self._settings_changed()

    def _settings_changed(self) -> None:  # noqa: B027 - a hook; most backends need nothing
        """Backends that hold settings elsewhere (speech-dispatcher) push them here."""

    def _emit(self, kind: EventKind, index: int | None = None, message: str = "") -> None:
        callback = self.on_event
        if callback is None:
            return
        try:
            callback(SpeechEvent(kind, index, message))
        except Exception:  # noqa: BLE001 - a broken callback must not stop reading
            pass


class NullSpeaker(Speaker):
    """The 'none' backend: reading aloud is not possible here, and it says why.

    Everything else in the app keeps working; speak() only reports the message as an
    error event so the UI can show it where the user is looking.
    """

    name = "none"

    def __init__(
        self, message: str = INSTALL_HINT, on_event: EventCallback | None = None, settings: SpeechSettings | None = None
    ):
        super().__init__(on_event, settings)
        self._message = message

    @property
    def available(self) -> bool:
        return False

    @property
    def message(self) -> str:
        return self._message

    def speak(self, sentences: Sequence[str], start: int = 0) -> None:
        self._emit("error", None, self._message)

    def stop(self) -> None:
        pass

    def pause(self) -> None:
        pass

    def resume(self) -> None:
        pass

    @property
    def speaking(self) -> bool:
        return False

    @property
    def paused(self) -> bool:
        return False

    def voices(self) -> list[Voice]:
        return []
