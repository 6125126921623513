"""Fenrir, a real console screen reader, run headless: its own PTY emulation (`fenrir -e`)
inside a tmux pane, with a speech "synthesiser" that appends each utterance to a file.

Debian's fenrir package ships a PTY settings file; we copy it and change only what a test
needs: no sounds, speech written to a file, the program to run, no remote control socket.
"""

from __future__ import annotations

import re
import shlex
import shutil
import time
from pathlib import Path

PTY_SETTINGS = Path("/etc/fenrirscreenreader/settings/settings-pty.conf")


def fenrir_available() -> bool:
    return shutil.which("fenrir") is not None and PTY_SETTINGS.exists()


def _set(text: str, section: str, key: str, value: str) -> str:
    pattern = re.compile(r"(\[" + section + r"\][^\[]*?)^" + key + r"=.*?$", re.M | re.S)
    if not pattern.search(text):
        raise ValueError(f"{PTY_SETTINGS} has no {section}#{key}")
    return pattern.sub(lambda m: m.group(1) + key + "=" + value, text, count=1)


def write_settings(folder: Path, program: Path, spoken: Path) -> Path:
    """A settings file running `program` (a script) and writing speech to `spoken`."""
    text = PTY_SETTINGS.read_text()
    text = _set(text, "sound", "enabled", "False")
    text = _set(text, "speech", "driver", "genericDriver")
    # Fenrir splits this command like a shell and puts the text in place of fenrirText, so
    # the text arrives as $0, never parsed by the shell. (No "%": its settings reader would
    # treat it as interpolation and fall back to espeak.)
    write = f'echo "$0" >> {shlex.quote(str(spoken))}'
    text = _set(text, "speech", "genericSpeechCommand", f'sh -c {shlex.quote(write)} "fenrirText"')
    text = _set(text, "general", "shell", str(program))
    text = _set(text, "general", "debugFile", str(folder / "fenrir.log"))
    text = _set(text, "remote", "enable", "False")
    path = folder / "fenrir.conf"
    path.write_text(text)
    return path


class Speech:
    """What Fenrir has said, read from its speech file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.heard = 0

    def said(self) -> str:
        return self.path.read_text(errors="replace") if self.path.exists() else ""

    def next(self, containing: str, timeout: float = 5.0) -> str:
        """Wait until Fenrir says something containing `containing`; return everything it said
        since the last call."""
        deadline = time.monotonic() + timeout
        while True:
            new = self.said()[self.heard :]
            if containing in new or time.monotonic() > deadline:
                self.heard += len(new)
                return new
            time.sleep(0.1)

    def settled(self, quiet: float = 0.8, timeout: float = 10.0) -> str:
        """Everything said since the last call, once Fenrir has been silent for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        size, since = len(self.said()), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = len(self.said())
            if now != size:
                size, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        new = self.said()[self.heard :]
        self.heard += len(new)
        return new


def memberdesk_program(folder: Path, home: Path, args: str = "", extra_env: str = "") -> Path:
    """The one program Fenrir starts: a script that sets the environment and runs memberdesk
    in screen-reader mode (Fenrir runs a command line, not an environment)."""
    import os
    import sys

    program = folder / "memberdesk.sh"
    program.write_text(
        "#!/bin/sh\n"
        f"export MEMBERDESK_HOME='{home}' PYTHONPATH='{os.pathsep.join(sys.path)}' LANG=C.UTF-8\n"
        f"{extra_env}"
        "unset COLUMNS LINES\n"
        f"exec '{sys.executable}' -m memberdesk --screen-reader {args}\n"
    )
    program.chmod(0o755)
    return program
