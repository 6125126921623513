"""The default backend: pyttsx3 over espeak-ng in a worker process, played by a child process.

How reading works (the pattern DESIGN.md measured):
- each sentence is synthesised on its own to a WAV by the worker (memberdesk.speech.worker),
  so espeak's prints, hangs and callback threads stay out of this process;
- while sentence i plays, sentence i+1 is already being synthesised, so the next one
  starts without a gap; recent results are cached, so "next sentence" or "again" while
  reading usually plays at once;
- playback is a child process (aplay/paplay/pw-play) or a FilePlayer; "started" fires
  when that playback has been started, not when synthesis ran (espeak's own word events
  all fire during synthesis, long before the sound);
- stop() kills the playback process, which silences in a few milliseconds.

One thread per speak() call ("session") runs that loop; a new speak() cancels the old
session and waits for it to end first, so events never interleave between sessions.
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import Future
from concurrent.futures import wait as wait_futures
from pathlib import Path
from typing import Any

from memberdesk.access.lexicon import Lexicon
from memberdesk.speech.base import EventCallback, Speaker, SpeechSettings, Voice
from memberdesk.speech.player import Playback, Player
from memberdesk.speech.synth import REQUEST_TIMEOUT, SynthClient, SynthError

CACHE_SIZE = 24  # synthesised sentences kept for jumps back and forth (~100 KB each)
POLL = 0.02  # how often a waiting session looks at its cancel flag


class _Session:
    """One speak() call: its sentences, where it is, and its cancel/pause state."""

    def __init__(self, sentences: list[str], start: int, previous: _Session | None) -> None:
        self.sentences = sentences
        self.start = start
        self.previous = previous
        self.cancelled = threading.Event()
        self.running = threading.Event()  # cleared while paused
        self.running.set()
        self.finished = threading.Event()
        self.lock = threading.Lock()
        self.playback: Playback | None = None
        self.thread: threading.Thread | None = None

    def cancel(self) -> None:
        with self.lock:
            self.cancelled.set()
            self.running.set()  # a paused session must wake up to end
            playback = self.playback
        if playback is not None:
            playback.stop()

    def pause(self) -> None:
        with self.lock:
            self.running.clear()
            if self.playback is not None:
                self.playback.pause()

    def resume(self) -> None:
        with self.lock:
            if self.playback is not None:
                self.playback.resume()
            self.running.set()


class EspeakSpeaker(Speaker):
    name = "espeak"

    def __init__(
        self,
        player: Player,
        *,
        on_event: EventCallback | None = None,
        settings: SpeechSettings | None = None,
        lexicon: Lexicon | None = None,
        driver: str | None = None,
        client: SynthClient | None = None,
    ) -> None:
        """Starts the worker now (so the first sentence is quick); SpeechUnavailable if it cannot."""
        super().__init__(on_event, settings)
        self.player = player
        self.lexicon = lexicon
        self._client = client or SynthClient(driver)
        self._client.start()
        self._lock = threading.Lock()
        self._session: _Session | None = None
        self._cache: OrderedDict[tuple[Any, ...], tuple[Future[dict[str, Any]], Path]] = OrderedDict()
        self._names = itertools.count(1)
        self._voices: list[Voice] | None = None

    # -- the Speaker interface -----------------------------------------------------------

    def speak(self, sentences: Sequence[str], start: int = 0) -> None:
        with self._lock:
            previous = self._session
            session = _Session(list(sentences), max(0, start), previous)
            self._session = session
            if previous is not None:
                previous.cancel()
            session.thread = threading.Thread(target=self._run, args=(session,), daemon=True, name="memberdesk-speech")
            session.thread.start()

    def stop(self) -> None:
        with self._lock:
            session = self._session
        if session is not None:
            session.cancel()

    def pause(self) -> None:
        with self._lock:
            session = self._session
        if session is not None and not session.finished.is_set():
            session.pause()

    def resume(self) -> None:
        with self._lock:
            session = self._session
        if session is not None:
            session.resume()

    @property
    def speaking(self) -> bool:
        session = self._session
        return session is not None and not session.finished.is_set()

    @property
    def paused(self) -> bool:
        session = self._session
        return self.speaking and session is not None and not session.running.is_set()

    def voices(self) -> list[Voice]:
        if self._voices is None:
            self._voices = self._client.voices()
        return list(self._voices)

    def close(self) -> None:
        self.stop()
        session = self._session
        if session is not None and session.thread is not None:
            session.thread.join(2.0)
        self._client.close()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until reading ends (for the command line and tests). True if it ended."""
        session = self._session
        return session is None or session.finished.wait(timeout)

    # -- synthesis, one sentence ahead ----------------------------------------------------

    def _spoken(self, text: str) -> str:
        return self.lexicon.apply(text) if self.lexicon else text

    def _request(self, text: str) -> tuple[Future[dict[str, Any]], Path] | None:
        """The (cached) synthesis request for `text` with the current settings."""
        spoken = self._spoken(text)
        if not any(ch.isalnum() for ch in spoken):
            return None  # nothing a voice could say ("•", "---")
        settings = self.settings
        key = (spoken, settings.rate, settings.volume, settings.voice)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            path = self._client.folder / f"s{next(self._names)}.wav"
            entry = (self._client.submit(spoken, path, settings), path)
            self._cache[key] = entry
            while len(self._cache) > CACHE_SIZE:
                _, (old_future, old_path) = self._cache.popitem(last=False)
                if old_future.done():
                    old_path.unlink(missing_ok=True)
        return entry

    def _forget(self, entry: tuple[Future[dict[str, Any]], Path]) -> None:
        with self._lock:
            for key, value in list(self._cache.items()):
                if value is entry:
                    del self._cache[key]

    def _audio(self, session: _Session, index: int) -> Path | None:
        """The WAV for sentence `index`, waiting for the worker; None if nothing to say."""
        entry = self._request(session.sentences[index])
        if entry is None:
            return None
        future, path = entry
        waited = 0.0
        while not future.done():
            if session.cancelled.is_set():
                return None
            wait_futures([future], timeout=POLL)
            waited += POLL
            if waited > REQUEST_TIMEOUT:
                self._forget(entry)
                self._client.restart()
                raise SynthError("the speech engine hung; it has been restarted")
        try:
            return self._client.result(future, path, timeout=0).path
        except SynthError:
            self._forget(entry)  # do not keep a failure: the next try may work
            raise

    # -- the session loop -----------------------------------------------------------------

    def _run(self, session: _Session) -> None:
        previous = session.previous
        session.previous = None
        if previous is not None and previous.thread is not None:
            previous.thread.join(5.0)  # its "stopped" comes before our "started"
        index = session.start
        try:
            while index < len(session.sentences) and not session.cancelled.is_set():
                wav = self._audio(session, index)
                if index + 1 < len(session.sentences):
                    self._request(session.sentences[index + 1])  # synthesise ahead
                while not session.running.wait(POLL * 5):
                    pass  # paused between sentences
                if session.cancelled.is_set():
                    break
                if wav is None:  # nothing to say: still step the highlight through it
                    self._emit("started", index)
                    self._emit("finished", index)
                    index += 1
                    continue
                with session.lock:
                    if session.cancelled.is_set():
                        break
                    playback = self.player.play(wav)
                    session.playback = playback
                    if not session.running.is_set():
                        playback.pause()
                self._emit("started", index)
                playback.wait()
                with session.lock:
                    session.playback = None
                if session.cancelled.is_set():
                    break
                if playback.error:
                    self._emit("error", index, playback.error)
                    return
                self._emit("finished", index)
                index += 1
            if session.cancelled.is_set():
                self._emit("stopped", index)
            else:
                self._emit("done")
        except (SynthError, OSError) as exc:
            self._emit("error", index, f"Reading aloud failed: {exc}")
        except Exception as exc:  # noqa: BLE001 - a session must always end with one event
            # Callers count sessions by their last event (done/stopped/error); a thread that
            # died silently would leave them waiting for it forever.
            self._emit("error", index, f"Reading aloud failed: {type(exc).__name__}: {exc}")
        finally:
            session.finished.set()
