"""The speech-dispatcher backend: the queue Orca uses, with the user's own voice and rate.

Used when the `speechd` module (Debian python3-speechd, not on PyPI) imports AND the
dispatcher's socket exists: then memberdesk and the screen reader share one queue instead
of talking over each other, and events come from the dispatcher in time with the audio.

Each sentence is one SSIP message; the dispatcher's BEGIN/END events for it become
started/finished, and the next sentence is sent on END. tests/integration/
test_speech_dispatcher.py drives all of this through a real, private speech-dispatcher.

What the real dispatcher showed, and why the code is as it is:
- speechd's per-message callbacks are registered only after SPEAK has answered, and the
  dispatcher can send BEGIN (even END) before that: events were lost and reading stalled.
  So one handler takes every event of the connection and events are matched to sentences
  by message id, under the same lock that sends them.
- SSIPClient is not thread-safe (replies are matched to commands by order), so every SSIP
  call is made under that lock.
- SSIP PAUSE then RESUME (speech-dispatcher 0.11.4, espeak-ng module) lost the paused
  message and left the rest of the queue held for good. So pause cancels the sentence and
  remembers it, and resume says that sentence again from its start.
- Another client's more urgent message (a screen reader speaking) cancels ours: that
  CANCEL ends the reading with "stopped" instead of leaving it "speaking" for ever.

The speechd callbacks run on its communication thread, where SSIP calls must not be made;
they only put events on a queue that this backend's own thread acts on.
"""

from __future__ import annotations

import os
import queue
import re
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


_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{1,8})*", re.I)


def _voice_or_language(voice: str) -> tuple[str, str]:
    """(synthesis voice name, language) for a profile's voice.

    The dispatcher names voices as espeak-ng does ("English (Scotland)"), but profiles and
    --voice may hold an espeak-ng id ("gmw/en-gb-scotland") or a language ("en-gb"), which
    it would take as an unknown name and silently ignore: those become a language.
    """
    tail = voice.rsplit("/", 1)[-1]
    if "/" in voice or _LANGUAGE.fullmatch(voice):
        return "", tail
    return voice, ""


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
        self.lexicon = lexicon
        self._events: queue.Queue[tuple[int, str] | None] = queue.Queue()
        self._messages: dict[int, tuple[int, int]] = {}  # SSIP message id -> (generation, index)
        self._generation = 0
        self._sentences: list[str] = []
        self._current = 0  # the sentence being read, or to be read again on resume
        self._paused = False
        self._speaking = False
        self._lock = threading.Lock()
        try:
            # autospawn=False: the socket was there, so a refusal means a dead dispatcher,
            # and starting one is the desktop's business, not a reader's.
            self._client = speechd.SSIPClient("memberdesk", autospawn=False)
            self._client._conn.set_callback(self._on_ssip_event)  # every event; see the docstring
            self._client.set_priority(speechd.Priority.TEXT)
            self._settings_changed()
        except Exception as exc:
            raise SpeechUnavailable(f"speech-dispatcher did not answer ({exc})") from exc
        threading.Thread(target=self._loop, daemon=True, name="memberdesk-speechd").start()

    def _settings_changed(self) -> None:
        s = self.settings
        with self._lock:
            self._client.set_rate(_rate(s.rate))
            self._client.set_volume(round(s.volume * 200 - 100))
            name, language = _voice_or_language(s.voice)
            if name:
                self._client.set_synthesis_voice(name)
            elif language:
                self._client.set_language(language)

    def _on_ssip_event(self, msg_id: int, client_id: int, kind: str, **_: Any) -> None:
        self._events.put((msg_id, kind))  # speechd's thread: no SSIP calls here

    def _say(self, generation: int, index: int) -> None:
        """Send sentence `index`; the caller holds self._lock."""
        text = self._sentences[index]
        text = self.lexicon.apply(text) if self.lexicon else text
        code, msg, data = self._client.speak(text)
        self._messages[int(data[0])] = (generation, index)
        self._current = index

    def _say_next(self, generation: int, index: int) -> None:
        """_say from the event thread, where a failure must end the reading, not the thread."""
        try:
            self._say(generation, index)
        except Exception as exc:  # noqa: BLE001 - the dispatcher went away mid-reading
            self._speaking = False
            self._emit("error", index, f"speech-dispatcher stopped answering ({exc})")

    def _loop(self) -> None:
        kinds = self._speechd.CallbackType
        while (item := self._events.get()) is not None:
            msg_id, kind = item
            with self._lock:  # _say holds it too, so the message id is known by now
                generation, index = self._messages.get(msg_id, (-1, -1))
                if kind in (kinds.END, kinds.CANCEL):
                    self._messages.pop(msg_id, None)
                if generation != self._generation or self._paused:
                    continue  # unknown, or from reading that has since been replaced or stopped
                if kind == kinds.BEGIN:
                    self._emit("started", index)
                elif kind == kinds.END:
                    self._emit("finished", index)
                    if index + 1 < len(self._sentences):
                        self._say_next(generation, index + 1)
                    else:
                        self._speaking = False
                        self._emit("done")
                elif kind == kinds.CANCEL:  # not ours: another client's message won
                    self._generation += 1
                    self._speaking = self._paused = False
                    self._emit("stopped", None)

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
            self._paused = False

    def pause(self) -> None:
        with self._lock:
            if self._speaking and not self._paused:
                self._generation += 1  # the cancelled sentence's events are not news
                self._client.cancel()
                self._paused = True

    def resume(self) -> None:
        with self._lock:
            if self._paused and self._speaking:
                self._say(self._generation, self._current)
            self._paused = False

    @property
    def speaking(self) -> bool:
        return self._speaking

    @property
    def paused(self) -> bool:
        return self._paused

    def voices(self) -> list[Voice]:
        with self._lock:
            found = self._client.list_synthesis_voices()
        return [Voice(name, name, (lang,) if lang else ()) for name, lang, *_ in found]

    def close(self) -> None:
        self.stop()
        self._events.put(None)
        with self._lock:
            self._client.close()
