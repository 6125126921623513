"""The speech-dispatcher backend: the queue Orca uses, with the user's own voice and rate.

Used when the `speechd` module (Debian python3-speechd, not on PyPI) imports AND the
dispatcher's socket exists: then memberdesk and the screen reader share one queue instead
of talking over each other, and events come from the dispatcher in time with the audio.

Honesty note: this machine and CI have no speech-dispatcher, so this module is exercised
only by its availability check; the speaking path follows the speechd documentation
(SSIPClient.speak with BEGIN/END/CANCEL callbacks, cancel, pause, resume).

The speechd callbacks run on its communication thread, where SSIP calls must not be made;
they only put events on a queue that this backend's own thread acts on.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from memberdesk.access.lexicon import Lexicon
from memberdesk.speech.base import (
    DEFAULT_RATE,
    MAX_RATE,
    MIN_RATE,
    EventCallback,
    Speaker,
    SpeechSettings,
    SpeechUnavailable,
    Voice,
)


def dispatcher_socket() -> Path | None:
    """Where speech-dispatcher listens, if it is there (SPEECHD_ADDRESS or the default)."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        candidate = Path(address.split(":", 1)[1])
    else:
        runtime = os.environ.get("XDG_RUNTIME_DIR", f"/run/user/{os.getuid()}")
        candidate = Path(runtime) / "speech-dispatcher" / "speechd.sock"
    return candidate if candidate.exists() else None


def dispatcher_available() -> tuple[bool, str]:
    try:
        import speechd  # noqa: F401
    except ImportError:
        return False, "speech-dispatcher's Python module is not installed (sudo apt-get install python3-speechd)"
    if dispatcher_socket() is None:
        return False, "speech-dispatcher is not running (its socket was not found)"
    return True, ""


def _rate(wpm: int) -> int:
    """Words per minute -> speechd's -100..100, with 0 at espeak's usual 175."""
    if wpm <= DEFAULT_RATE:
        return round((wpm - DEFAULT_RATE) / (DEFAULT_RATE - MIN_RATE) * 100)
    return round((wpm - DEFAULT_RATE) / (MAX_RATE - DEFAULT_RATE) * 100)


class DispatcherSpeaker(Speaker):
    name = "speechd"

    def __init__(
        self,
        *,
        on_event: EventCallback | None = None,
        settings: SpeechSettings | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        ok, why = dispatcher_available()
        if not ok:
            raise SpeechUnavailable(why)
        import speechd

        super().__init__(on_event, settings)
        self._speechd: Any = speechd
        try:
            self._client = speechd.SSIPClient("memberdesk")
            self._client.set_priority(speechd.Priority.TEXT)
        except Exception as exc:
            raise SpeechUnavailable(f"speech-dispatcher did not answer ({exc})") from exc
        self.lexicon = lexicon
        self._events: queue.Queue[tuple[str, int, int]] = queue.Queue()
        self._generation = 0
        self._sentences: list[str] = []
        self._index = 0
        self._paused = False
        self._speaking = False
        self._lock = threading.Lock()
        self._settings_changed()
        threading.Thread(target=self._loop, daemon=True, name="memberdesk-speechd").start()

    def _settings_changed(self) -> None:
        s = self.settings
        self._client.set_rate(_rate(s.rate))
        self._client.set_volume(round(s.volume * 200 - 100))
        if s.voice:
            self._client.set_synthesis_voice(s.voice)

    def _say(self, generation: int, index: int) -> None:
        kinds = self._speechd.CallbackType
        text = self._sentences[index]
        text = self.lexicon.apply(text) if self.lexicon else text

        def callback(kind: Any, index_mark: Any = None) -> None:
            self._events.put((str(kind), generation, index))

        self._client.speak(text, callback=callback, event_types=(kinds.BEGIN, kinds.END, kinds.CANCEL))

    def _loop(self) -> None:
        kinds = self._speechd.CallbackType
        while True:
            kind, generation, index = self._events.get()
            with self._lock:
                if generation != self._generation:
                    continue  # from reading that has since been replaced or stopped
                if kind == str(kinds.BEGIN):
                    self._emit("started", index)
                elif kind == str(kinds.END):
                    self._emit("finished", index)
                    if index + 1 < len(self._sentences):
                        self._say(generation, index + 1)
                    else:
                        self._speaking = False
                        self._emit("done")

    def speak(self, sentences: Sequence[str], start: int = 0) -> None:
        with self._lock:
            if self._speaking:
                self._client.cancel()
                self._emit("stopped", None)
            self._generation += 1
            self._sentences = list(sentences)
            self._speaking = start < len(self._sentences)
            self._paused = False
            if self._speaking:
                self._say(self._generation, start)
            else:
                self._emit("done")

    def stop(self) -> None:
        with self._lock:
            if self._speaking:
                self._generation += 1
                self._speaking = False
                self._client.cancel()
                self._emit("stopped", None)

    def pause(self) -> None:
        with self._lock:
            self._client.pause()
            self._paused = True

    def resume(self) -> None:
        with self._lock:
            self._client.resume()
            self._paused = False

    @property
    def speaking(self) -> bool:
        return self._speaking

    @property
    def paused(self) -> bool:
        return self._paused

    def voices(self) -> list[Voice]:
        return [Voice(name, name, (lang,)) for name, lang, *_ in self._client.list_synthesis_voices()]

    def close(self) -> None:
        self.stop()
        self._client.close()
