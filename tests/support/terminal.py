"""The real app in a real terminal: tmux runs it, and we read the screen and the cursor.

A screen reader or braille display sees exactly this: the characters on each row and where
the terminal cursor is. So the tests read the same two things, through `tmux capture-pane`
and `#{cursor_x} #{cursor_y}`, after waiting for the screen to stop changing.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

QUIET = 0.15  # the screen is "settled" when nothing changed for this long
TIMEOUT = 10.0
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
CSI = re.compile(r"\x1b\[[0-9;?:<=>]*[ -/]*[@-~]")
CURSOR_TO = re.compile(r"\x1b\[(\d+);(\d+)H")


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


@dataclass(frozen=True)
class Screen:
    """One capture: the rows as text, with the cursor's place."""

    lines: list[str]
    x: int
    y: int
    styled: str = ""  # the same rows with their escape codes (to see blinking or colour changes)

    @property
    def cursor_row(self) -> str:
        return self.lines[self.y] if 0 <= self.y < len(self.lines) else ""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def underlined_rows(self) -> list[int]:
        """Rows with underlined text: every profile marks the highlighted list row so."""
        return [n for n, row in enumerate(self.styled.split("\n")[: len(self.lines)]) if _underlines(row)]

    def __str__(self) -> str:
        rows = [f"{'>' if n == self.y else ' '}{n:2} {line}" for n, line in enumerate(self.lines)]
        return f"cursor at column {self.x}, row {self.y}\n" + "\n".join(rows)


def _underlines(row: str) -> bool:
    """Whether any SGR sequence in the captured row turns underline on (parameters of colours,
    such as the 4 in 38;5;4, are skipped)."""
    for match in SGR.finditer(row):
        params = [p.split(":")[0] for p in match.group(1).split(";")]
        n = 0
        while n < len(params):
            if params[n] in ("38", "48", "58"):
                n += 3 if params[n + 1 : n + 2] == ["5"] else 5
                continue
            if params[n] == "4":
                return True
            n += 1
    return False


def rows_written(output: str) -> list[int]:
    """The screen rows (0-based) that terminal output draws text on. Textual moves the cursor
    to the start of every run of cells it rewrites, so each such move followed by text is one
    row painted; the final move that only parks the cursor paints nothing."""
    rows: set[int] = set()
    moves = list(CURSOR_TO.finditer(output))
    for n, move in enumerate(moves):
        end = moves[n + 1].start() if n + 1 < len(moves) else len(output)
        painted = CSI.sub("", output[move.end() : end]).strip("\r\n")
        if painted:
            rows.add(int(move.group(1)) - 1)
    return sorted(rows)


class Terminal:
    """A tmux session on its own server socket, running one command."""

    def __init__(
        self,
        command: list[str],
        *,
        env: Mapping[str, str],
        socket_dir: Path,
        width: int = 100,
        height: int = 30,
    ) -> None:
        self.width, self.height = width, height
        # A private server: never the user's tmux, and nothing left behind when it is killed.
        self.socket = socket_dir / f"tmux-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        # COLUMNS and LINES (set in some environments, such as under pytest) would override the
        # pane's real size: a 100x30 pane would be drawn as 80x24.
        self._shell = f"env -u COLUMNS -u LINES {exports} {shlex.join(command)}"
        self.last: Screen | None = None

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args], capture_output=True, text=True, timeout=10, check=False
        )
        if done.returncode:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def start(self) -> Terminal:
        self._tmux(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "md",
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            self._shell,
        )
        # Escape on its own arrives at once (tmux would otherwise wait for a longer sequence);
        # the pane stays after the app ends so a crash can still be read.
        self._tmux("set-option", "-s", "escape-time", "0")
        self._tmux("set-option", "-g", "remain-on-exit", "on")
        return self

    def close(self) -> None:
        subprocess.run(["tmux", "-S", str(self.socket), "kill-server"], capture_output=True, check=False)

    def __enter__(self) -> Terminal:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- input -------------------------------------------------------------------------------
    def press(self, *keys: str) -> Screen:
        """Send tmux key names (Down, Enter, Escape, F1, C-f ...) one at a time; the screen after."""
        for key in keys:
            self._tmux("send-keys", "-t", "md", key)
            self.settle()
        return self.settle()

    def type(self, text: str) -> Screen:
        self._tmux("send-keys", "-t", "md", "-l", text)
        return self.settle()

    # -- output ------------------------------------------------------------------------------
    def capture(self) -> Screen:
        styled = self._tmux("capture-pane", "-p", "-e", "-t", "md")
        plain = self._tmux("capture-pane", "-p", "-t", "md").split("\n")
        x, y = self._tmux("display-message", "-p", "-t", "md", "#{cursor_x} #{cursor_y}").split()
        lines = (plain + [""] * self.height)[: self.height]
        return Screen(lines, int(x), int(y), styled)

    def settle(self, quiet: float = QUIET, timeout: float = TIMEOUT) -> Screen:
        """Poll until neither the screen (with its styles) nor the cursor changed for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        screen = self.capture()
        since = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.03)
            now = self.capture()
            if (now.styled, now.x, now.y) != (screen.styled, screen.x, screen.y):
                screen, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        self.last = screen
        return screen

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> Screen:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.settle()
            if text in screen.text:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")
            time.sleep(0.1)

    def log_output(self, path: Path) -> None:
        """Copy every byte the app writes from now on to `path` (to measure repaints)."""
        self._tmux("pipe-pane", "-o", "-t", "md", f"cat >> {shlex.quote(str(path))}")

    def stop_log(self) -> None:
        self._tmux("pipe-pane", "-t", "md")

    def output_of(self, key: str, log: Path) -> str:
        """Everything the app writes to the terminal in answer to one key."""
        log.unlink(missing_ok=True)
        self.log_output(log)
        time.sleep(0.2)  # tmux starts the logging process in the background
        self.press(key)
        self.stop_log()
        time.sleep(0.1)
        return log.read_bytes().decode("utf-8", "replace") if log.exists() else ""


def rows_in_order(output: str) -> list[int]:
    """The rows terminal output paints text on, in the order it paints them (each once)."""
    order: list[int] = []
    moves = list(CURSOR_TO.finditer(output))
    for n, move in enumerate(moves):
        end = moves[n + 1].start() if n + 1 < len(moves) else len(output)
        if CSI.sub("", output[move.end() : end]).strip("\r\n"):
            row = int(move.group(1)) - 1
            if row not in order:
                order.append(row)
    return order
