"""The UI-process side of the synthesis worker (memberdesk.speech.worker).

SynthClient starts the worker, sends it one sentence at a time and hands back a Future
per request, so a caller can ask for sentence i+1 while sentence i is playing. The worker
answers in order; a reader thread matches replies to requests. If the worker dies or a
request takes far too long (a hung espeak), the worker is killed and a fresh one started
for the next request: a hang costs one sentence, never the app.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from memberdesk.speech.base import INSTALL_HINT, SpeechSettings, SpeechUnavailable, Voice

START_TIMEOUT = 10.0  # importing pyttsx3 and starting espeak: ~0.1 s, but CI can be slow
REQUEST_TIMEOUT = 20.0  # one sentence takes ~10 ms; anything near this is a hang


# espeak-ng speaks plain English prose faster than the words a minute it is given: measured
# from the WAV's length of a 79-word passage, 120 -> 143, 170 -> 203, 270 -> 317, 350 -> 405
# (tests/integration/test_speech_espeak.py). So the engine is asked for the rate divided by
# this, and the rate the app says is the rate heard.
ESPEAK_PACE = 1.18
ESPEAK_LOWEST = 80  # espeak-ng's lowest -s / espeakRATE; anything lower is taken as 80
# ...but it does not slow down below about 86: asked for 80 to 86 it speaks that passage at
# 101.6 words a minute (espeak-ng 1.51). Slower than that is reached only with a pause between
# words (its -g, espeakWORDGAP): at the lowest rate one unit of gap heard 90.4 words a minute,
# and each unit more added GAP_STEP seconds a word to GAP_BASE (measured: 2 -> 86.9, 4 -> 80.5,
# 8 -> 69.9). The slowest rates are said this way, the gap chosen whose pace is nearest.
HEARD_AT_LOWEST = 101.6  # words a minute heard at ESPEAK_LOWEST without a gap
GAP_BASE = 60 / (ESPEAK_LOWEST * ESPEAK_PACE)  # seconds a word once there is any gap
GAP_STEP = 0.0268  # seconds a word added by each unit of gap at ESPEAK_LOWEST
MAX_GAP = 20


def engine_pace(words_per_minute: int) -> tuple[int, int]:
    """(rate, pause between words in 10 ms units) to give espeak-ng for speech heard at
    `words_per_minute`: no pause down to the slowest espeak-ng speaks on its own, then its
    lowest rate with the pause heard nearest the rate asked for."""
    rate = round(words_per_minute / ESPEAK_PACE)
    if rate >= ESPEAK_LOWEST + 8:
        return rate, 0

    def heard(gap: int) -> float:
        return HEARD_AT_LOWEST if gap == 0 else 60 / (GAP_BASE + GAP_STEP * gap)

    gap = min(range(MAX_GAP + 1), key=lambda g: abs(heard(g) - words_per_minute) / words_per_minute)
    return (ESPEAK_LOWEST, gap) if gap else (max(ESPEAK_LOWEST, rate), 0)


class SynthError(RuntimeError):
    """One request failed (the worker said why, died, or hung)."""


@dataclass(frozen=True)
class Synthesized:
    path: Path
    frames: int


def _worker_env() -> dict[str, str]:
    """The worker must import memberdesk from wherever this process did (a checkout too)."""
    env = dict(os.environ)
    here = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


class SynthClient:
    """One worker process. Thread-safe: any thread may call synthesize()/voices()."""

    def __init__(self, driver: str | None = None, folder: Path | None = None) -> None:
        self.driver = driver
        self._own_folder = folder is None
        self.folder = Path(folder or tempfile.mkdtemp(prefix="memberdesk-speech-"))
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._pending: dict[int, Future[dict[str, Any]]] = {}
        self._proc: subprocess.Popen[str] | None = None
        self._stderr: IO[bytes] | None = None
        self._closed = False

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker and check the engine answers; SpeechUnavailable if it cannot."""
        try:
            reply = self._request({"op": "hello"}).result(START_TIMEOUT)
        except TimeoutError:
            self.restart()
            reply = {"ok": False, "error": "no answer in time"}
        if not reply.get("ok"):
            raise SpeechUnavailable(f"{INSTALL_HINT} (the speech engine did not start: {reply.get('error')})")

    def _ensure_running(self) -> subprocess.Popen[str]:
        if self._closed:
            raise SynthError("the speech engine has been closed")
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        args = [sys.executable, "-m", "memberdesk.speech.worker"]
        if self.driver:
            args += ["--driver", self.driver]
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the worker
        proc = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
            bufsize=1,
            env=_worker_env(),
            start_new_session=True,  # Ctrl+C in the terminal must not reach it half-way
        )
        self._proc = proc
        threading.Thread(target=self._read_replies, args=(proc,), daemon=True, name="memberdesk-synth-replies").start()
        return proc

    def _read_replies(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            try:
                reply = json.loads(line)
            except json.JSONDecodeError:
                continue
            ident = reply.get("id", 0)
            with self._lock:
                if ident == 0 and not reply.get("ok"):
                    # The engine could not start: every waiting request fails with why.
                    waiting = list(self._pending.values())
                    self._pending.clear()
                else:
                    one = self._pending.pop(ident, None)
                    waiting = [one] if one else []
            for future in waiting:
                if not future.done():
                    future.set_result(reply)
        proc.wait()
        message = self._stderr_tail() or f"the speech worker ended (exit status {proc.returncode})"
        with self._lock:
            if self._proc is proc:
                waiting = list(self._pending.values())
                self._pending.clear()
            else:
                waiting = []
        for future in waiting:
            if not future.done():
                future.set_result({"ok": False, "error": message})

    def _stderr_tail(self) -> str:
        try:
            if self._stderr is None:
                return ""
            self._stderr.seek(0)
            lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
            return lines[-1] if lines else ""
        except (OSError, ValueError):
            return ""

    def restart(self) -> None:
        """Kill the worker (it hung); the next request starts a new one."""
        with self._lock:
            proc, self._proc = self._proc, None
            waiting = list(self._pending.values())
            self._pending.clear()
        if proc is not None:
            proc.kill()
        for future in waiting:
            if not future.done():
                future.set_result({"ok": False, "error": "the speech engine stopped answering"})

    def close(self) -> None:
        self.restart()
        self._closed = True
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    # -- requests ----------------------------------------------------------------------

    def _request(self, message: dict[str, Any]) -> Future[dict[str, Any]]:
        future: Future[dict[str, Any]] = Future()
        with self._lock:
            try:
                proc = self._ensure_running()
            except OSError as exc:
                future.set_result({"ok": False, "error": f"cannot start the speech worker: {exc}"})
                return future
            ident = next(self._ids)
            message = {**message, "id": ident}
            self._pending[ident] = future
            try:
                assert proc.stdin is not None
                proc.stdin.write(json.dumps(message) + "\n")
                proc.stdin.flush()
            except (OSError, ValueError):
                self._pending.pop(ident, None)
                future.set_result({"ok": False, "error": self._stderr_tail() or "the speech worker is not running"})
        return future

    def submit(self, text: str, path: Path, settings: SpeechSettings) -> Future[dict[str, Any]]:
        """Ask for `text` in `path`; the Future's result is the raw reply (see result())."""
        return self._request(
            {
                "op": "synth",
                "text": text,
                "path": str(path),
                "rate": engine_pace(settings.rate)[0],
                "word_gap": engine_pace(settings.rate)[1],
                "volume": settings.volume,
                "voice": settings.voice or None,
            }
        )

    def result(self, future: Future[dict[str, Any]], path: Path, timeout: float = REQUEST_TIMEOUT) -> Synthesized:
        """Wait for a submitted request. SynthError when it failed or hung (then restarts)."""
        try:
            reply = future.result(timeout)
        except TimeoutError as exc:
            self.restart()
            raise SynthError("the speech engine hung; it has been restarted") from exc
        if not reply.get("ok"):
            raise SynthError(str(reply.get("error") or "the speech engine failed"))
        return Synthesized(path, int(reply.get("frames", 0)))

    def synthesize(self, text: str, path: Path, settings: SpeechSettings) -> Synthesized:
        return self.result(self.submit(text, path, settings), path)

    def voices(self) -> list[Voice]:
        reply = self._request({"op": "voices"}).result(REQUEST_TIMEOUT)
        if not reply.get("ok"):
            raise SynthError(str(reply.get("error")))
        return [Voice(v["id"], v["name"], tuple(v.get("languages", ()))) for v in reply["voices"]]
