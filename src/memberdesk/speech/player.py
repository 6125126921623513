"""Playing a WAV so that it can be stopped at once: a child process, or a file for tests.

ProcessPlayer runs pw-play, paplay or aplay on the file; stop() kills that process (a few
milliseconds), pause()/resume() send it SIGSTOP/SIGCONT so the sentence carries on where
it was held. FilePlayer has no sound at all: it copies each WAV into a folder and records
what was played and when, taking the WAV's real duration (times `speed`) so tests see
real timing, and it can be stopped just as quickly.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import threading
import time
import wave
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / float(wav.getframerate() or 1)


class Playback(ABC):
    """One WAV being played."""

    @abstractmethod
    def wait(self, timeout: float | None = None) -> bool:
        """True once playback has ended (finished or stopped); False if still going."""

    @abstractmethod
    def stop(self) -> None: ...

    @abstractmethod
    def pause(self) -> None: ...

    @abstractmethod
    def resume(self) -> None: ...

    @property
    def error(self) -> str:
        """Why playback failed ('' when it did not)."""
        return ""


class Player(ABC):
    """Starts playbacks. play() returns as soon as the first sample is on its way."""

    name: str = "?"

    @abstractmethod
    def play(self, wav: Path) -> Playback: ...


# -- a real audio device ---------------------------------------------------------------


class _ProcessPlayback(Playback):
    def __init__(self, proc: subprocess.Popen[bytes], name: str) -> None:
        self._proc = proc
        self._name = name
        self._stopped = False

    def wait(self, timeout: float | None = None) -> bool:
        try:
            self._proc.wait(timeout)
            return True
        except subprocess.TimeoutExpired:
            return False

    def _signal(self, sig: int) -> None:
        if self._proc.poll() is not None:
            return  # already gone (and reaped): its pid may belong to someone else now
        try:
            os.killpg(self._proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass

    def stop(self) -> None:
        self._stopped = True
        self._signal(signal.SIGCONT)  # a paused player must be able to die
        self._signal(signal.SIGKILL)
        self._proc.wait()

    def pause(self) -> None:
        self._signal(signal.SIGSTOP)

    def resume(self) -> None:
        self._signal(signal.SIGCONT)

    @property
    def error(self) -> str:
        code = self._proc.poll()
        if self._stopped or code in (None, 0):
            return ""
        detail = b""
        if self._proc.stderr is not None:
            detail = self._proc.stderr.read() or b""
        lines = detail.decode("utf-8", "replace").strip().splitlines()
        return f"{self._name} could not play the sound" + (f": {lines[-1]}" if lines else "")


@dataclass
class ProcessPlayer(Player):
    """Plays through a command such as ["aplay", "-q"]; the WAV path is appended."""

    command: list[str]

    @property
    def name(self) -> str:  # type: ignore[override]
        return Path(self.command[0]).name

    def play(self, wav: Path) -> Playback:
        proc = subprocess.Popen(
            [*self.command, str(wav)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own group: killed as one
        )
        return _ProcessPlayback(proc, self.name)


PLAYER_ENV = "MEMBERDESK_AUDIO_PLAYER"


def find_audio_player() -> tuple[ProcessPlayer | None, str]:
    """The best player for this machine, or (None, why there is none).

    $MEMBERDESK_AUDIO_PLAYER, when set, is the command to use ("paplay", "aplay -D hw:1",
    "mpv --really-quiet"; the WAV path is added at the end): for a set-up the search below
    does not know, such as a sound device that /proc/asound does not list.
    """
    chosen = os.environ.get(PLAYER_ENV, "").strip()
    if chosen:
        command = shlex.split(chosen)
        if shutil.which(command[0]) is None:
            return None, f"${PLAYER_ENV} names {command[0]!r}, which is not installed (or not on PATH)"
        return ProcessPlayer(command), ""
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR", f"/run/user/{os.getuid()}"))
    if shutil.which("pw-play") and (runtime / "pipewire-0").exists():
        return ProcessPlayer(["pw-play"]), ""
    if shutil.which("paplay") and (os.environ.get("PULSE_SERVER") or (runtime / "pulse" / "native").exists()):
        return ProcessPlayer(["paplay"]), ""
    if shutil.which("aplay"):
        cards = Path("/proc/asound/cards")
        try:
            listed = cards.read_text(encoding="utf-8", errors="replace")
        except OSError:
            listed = ""
        if listed.strip() and "no soundcards" not in listed:
            return ProcessPlayer(["aplay", "-q"]), ""
        return (
            None,
            "Reading aloud needs a sound device, and none was found (no sound card, PulseAudio or PipeWire); export to a WAV file still works",
        )
    return None, "Reading aloud needs a sound player: sudo apt-get install alsa-utils"


# -- no device: files and timing, for tests and for the lead's UI tests ------------------


@dataclass
class Played:
    """What a FilePlayer played: the copy, when it started/ended (time.monotonic())."""

    path: Path
    seconds: float
    started: float
    ended: float | None = None
    completed: bool = False


class _FilePlayback(Playback):
    def __init__(self, record: Played, seconds: float, lock: threading.Lock) -> None:
        self._record = record
        self._left = seconds
        self._since: float | None = time.monotonic()
        self._stop = threading.Event()
        self._wake = threading.Condition(lock)

    def _remaining(self) -> float:
        if self._since is None:  # paused
            return self._left
        return self._left - (time.monotonic() - self._since)

    def wait(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._wake:
            while True:
                if self._stop.is_set():
                    return True
                left = self._remaining()
                if left <= 0:
                    if self._record.ended is None:
                        self._record.ended, self._record.completed = time.monotonic(), True
                    return True
                step = left if self._since is not None else None
                if deadline is not None:
                    room = deadline - time.monotonic()
                    if room <= 0:
                        return False
                    step = room if step is None else min(step, room)
                self._wake.wait(step)

    def stop(self) -> None:
        with self._wake:
            if not self._stop.is_set():
                self._stop.set()
                if self._record.ended is None:
                    self._record.ended = time.monotonic()
            self._wake.notify_all()

    def pause(self) -> None:
        with self._wake:
            if self._since is not None:
                self._left, self._since = self._remaining(), None
            self._wake.notify_all()

    def resume(self) -> None:
        with self._wake:
            if self._since is None:
                self._since = time.monotonic()
            self._wake.notify_all()


@dataclass
class FilePlayer(Player):
    """Copies each WAV into `folder` (0001.wav, 0002.wav, ...) and takes its duration.

    `speed` scales the time taken (0.25: a 2 s sentence 'plays' in 0.5 s) to keep tests
    short. `played` lists every playback in order with its timing.
    """

    folder: Path
    speed: float = 1.0
    played: list[Played] = field(default_factory=list)
    name: str = "file"

    def __post_init__(self) -> None:
        self.folder = Path(self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def play(self, wav: Path) -> Playback:
        with self._lock:
            copy = self.folder / f"{len(self.played) + 1:04d}.wav"
            shutil.copyfile(wav, copy)
            seconds = wav_seconds(copy)
            record = Played(copy, seconds, time.monotonic())
            self.played.append(record)
        return _FilePlayback(record, seconds * self.speed, threading.Lock())
