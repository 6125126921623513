"""The synthesis worker: a small process that turns one sentence at a time into a WAV.

Run as `python -m memberdesk.speech.worker [--driver NAME]` by memberdesk.speech.synth.
It is a separate process because pyttsx3's espeak driver prints to stdout ("Audio saved
to ..."), may hang, and calls back on espeak's thread: none of that may reach a full-screen
UI. The protocol is one JSON object per line: requests on stdin, replies on the *original*
stdout, which is moved to another file descriptor before pyttsx3 is imported; fd 1 itself
then points at /dev/null so every stray print is lost.

Requests:  {"op": "hello"} | {"op": "voices"}
           {"op": "synth", "id": n, "text": str, "path": str, "rate": int, "volume": float,
            "voice": str|null, "word_gap": int (optional, espeak-ng's units of 10 ms)}
Replies:   {"id": n, "ok": true, ...} or {"id": n, "ok": false, "error": "one line"}
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
import wave
from typing import Any, TextIO

# How long to wait for pyttsx3 to finish a sentence after runAndWait() returned early.
FILE_WAIT = 5.0
# After 'finished-utterance' the driver's callback still resets its state; give it this long.
SETTLE = 0.002
WORD_GAP = 7  # espeak-ng's espeakWORDGAP parameter (speak_lib.h); pyttsx3 has no name for it


def _protocol_stream() -> TextIO:
    """Keep the real stdout for replies; send fd 1 (and Python's stdout) to /dev/null."""
    replies = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as we do
    return replies


def _complete_wav(path: str) -> int | None:
    """Frames in the file if it is a whole WAV (header and all its data), else None.

    The driver writes the header before the samples, so a file that exists may still be
    short; its size must match what the header promises.
    """
    try:
        with wave.open(path, "rb") as wav:
            frames = wav.getnframes()
            expected = frames * wav.getsampwidth() * wav.getnchannels()
        if os.path.getsize(path) >= expected + 44:
            return frames
    except (OSError, EOFError, wave.Error):
        pass
    return None


class Synthesiser:
    """pyttsx3's espeak driver, driven so that its measured defects cannot bite.

    libespeak-ng runs asynchronously here (pyttsx3 asks for AUDIO_OUTPUT_RETRIEVAL), and
    pyttsx3's loop can return before the sentence is finished: always on the first
    runAndWait() of a fresh engine, since its queued commands are pumped inside the loop.
    The synthesis then goes on in espeak's thread, and its end-of-utterance callback
    resets the driver's state *after* the file is written; starting the next sentence
    in that window gives empty or wrongly paced audio (measured: a few % of sentences
    under load). So each request waits for pyttsx3's own 'finished-utterance' signal
    (plus a moment for the callback to return) as well as for a complete file, and one
    warm-up sentence at start-up takes the first-run early return out of the way.
    """

    def __init__(self, driver: str | None) -> None:
        import pyttsx3  # only here, in the worker process

        self.engine = pyttsx3.init(driver)
        self.finished = threading.Event()
        self.engine.connect("finished-utterance", lambda **_: self.finished.set())
        warm = os.path.join(tempfile.gettempdir(), f"memberdesk-warm-{os.getpid()}.wav")
        try:
            # At the engine's own rate and volume: until espeak has spoken once, a setting
            # reads back as the default (espeak 1.51 applies it with the first synthesis).
            rate, volume = self.engine.getProperty("rate"), self.engine.getProperty("volume")
            self.synth("Ready.", warm, int(rate), float(volume), None)
        finally:
            if os.path.exists(warm):
                os.remove(warm)

    def _matches(self, name: str, value: Any) -> bool:
        current = self.engine.getProperty(name)
        if name == "volume":
            return current is not None and abs(float(current) - float(value)) < 0.011
        if name == "voice":
            return str(current).lower() == str(value).lower()
        return current == value

    def _set(self, name: str, value: Any) -> None:
        """Set a property and see it applied.

        espeak applies a setting later, on its own thread; pyttsx3 meanwhile cancels
        espeak's queue at the start of runAndWait() whenever espeak is busy, which can
        throw the pending setting away (measured: a whole process then kept the default
        rate). So the setting is read back, and set again until it shows.
        """
        if value is None:
            return
        for _attempt in range(3):
            if self._matches(name, value):
                return
            self.engine.setProperty(name, value)
            deadline = time.monotonic() + 0.2
            while time.monotonic() < deadline:
                if self._matches(name, value):
                    return
                time.sleep(0.001)
        raise ValueError(f"the speech engine did not accept {name} = {value!r}")

    def voices(self) -> list[dict[str, Any]]:
        return [
            {"id": v.id, "name": v.name, "languages": [str(x) for x in (v.languages or [])]}
            for v in self.engine.getProperty("voices")
        ]

    def _set_word_gap(self, gap: int) -> None:
        """espeak-ng's pause between words (its -g, in 10 ms units at its default speed),
        which pyttsx3 does not offer: the one way to speak slower than espeak-ng's lowest
        rate. Set and read back as the other settings are (espeak applies it on its thread)."""
        if getattr(self.engine, "driver_name", None) != "espeak":
            if gap:
                raise ValueError("this speech engine cannot speak slower than its lowest rate")
            return
        import ctypes

        from pyttsx3.drivers import _espeak

        # pyttsx3 binds espeak_GetParameter without its `current` argument; ask for it whole.
        get = _espeak.dll.espeak_GetParameter
        get.argtypes, get.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
        for _attempt in range(3):
            if get(WORD_GAP, 1) == gap:
                return
            _espeak.SetParameter(WORD_GAP, int(gap), 0)
            deadline = time.monotonic() + 0.2
            while time.monotonic() < deadline:
                if get(WORD_GAP, 1) == gap:
                    return
                time.sleep(0.001)
        raise ValueError(f"the speech engine did not accept a pause between words of {gap}")

    def synth(self, text: str, path: str, rate: int, volume: float, voice: str | None, word_gap: int = 0) -> int:
        """Write `text` to `path` (atomically) and return its frame count."""
        if not text.strip():
            raise ValueError("nothing to say")
        self._set("voice", voice)
        self._set("rate", int(rate))
        self._set("volume", float(volume))
        self._set_word_gap(int(word_gap))
        part = path + ".part"
        for _attempt in range(3):
            if os.path.exists(part):
                os.remove(part)
            self.finished.clear()
            # One save_to_file per runAndWait: several before one run keep only the last,
            # and an empty run repeats the previous utterance.
            self.engine.save_to_file(text, part)
            self.engine.runAndWait()
            # The loop may return early, the sentence still being made in espeak's thread.
            if not self.finished.is_set() and not self.finished.wait(FILE_WAIT):
                continue
            time.sleep(SETTLE)  # let the driver's callback return before the next request
            frames = _complete_wav(part)
            if frames:
                os.replace(part, path)
                return frames
        raise RuntimeError("the speech engine wrote no audio")


def _reply(out: TextIO, message: dict[str, Any]) -> None:
    out.write(json.dumps(message) + "\n")
    out.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="memberdesk.speech.worker")
    parser.add_argument("--driver", default=None)
    args = parser.parse_args(argv)
    out = _protocol_stream()
    try:
        synth = Synthesiser(args.driver)
    except Exception as exc:  # noqa: BLE001 - any failure here means "no engine"
        _reply(out, {"id": 0, "ok": False, "error": f"{type(exc).__name__}: {exc}".strip()})
        return 1
    for line in sys.stdin:
        try:
            request = json.loads(line)
        except json.JSONDecodeError:
            continue
        ident = request.get("id", 0)
        try:
            op = request.get("op")
            if op == "hello":
                _reply(out, {"id": ident, "ok": True, "pid": os.getpid()})
            elif op == "voices":
                _reply(out, {"id": ident, "ok": True, "voices": synth.voices()})
            elif op == "synth":
                frames = synth.synth(
                    request["text"],
                    request["path"],
                    request["rate"],
                    request["volume"],
                    request.get("voice"),
                    int(request.get("word_gap", 0)),
                )
                _reply(out, {"id": ident, "ok": True, "frames": frames})
            else:
                _reply(out, {"id": ident, "ok": False, "error": f"unknown request {op!r}"})
        except Exception as exc:  # noqa: BLE001 - report, and stay alive for the next one
            _reply(out, {"id": ident, "ok": False, "error": f"{exc}".strip() or type(exc).__name__})
    return 0


if __name__ == "__main__":
    sys.exit(main())
