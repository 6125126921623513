"""Frames written to the terminal in row-aligned pieces, the cursor on the focus after each.

A console screen reader (Fenrir) reads the terminal's output as it comes, a couple of KB at a
time, and acts on each piece: it speaks the row the cursor is on when the cursor has moved,
and the text that changed. Textual writes a whole new screen (a screen opened or closed) as
one frame of several KB, during which the cursor passes over every row; Fenrir, reading it
part-way, said "blank" for a row being cleared, or half a row of the screen underneath, before
the focused row. Here each frame goes out in pieces of whole rows, and each piece ends with
the cursor back where the frame leaves it (the focus): whatever piece Fenrir stops at, the
cursor is on the focus and no row is half written. And the frames one key brings (the new
screen, then its focus and cursor) go out together, so the cursor moves once per key. In a
terminal without a screen reader it is the same picture, a few milliseconds later.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable
from typing import IO

from rich.cells import cell_len

from memberdesk.ui.screen_model import ScreenModel

# Well under what a pseudo-terminal takes in one write and Fenrir reads in one go (2 KB).
PIECE = 1024
# Output waits until the app has written nothing for a moment, never longer than LONGEST. A
# small change (a row, a letter typed) waits QUIET; a new screen waits QUIET_SCREEN, long enough
# for the frames that follow it as its focus settles (`cursor.SETTLE_DELAYS`: 50 ms).
QUIET = 0.03
QUIET_SCREEN = 0.07
LONGEST = 0.15
# In screen-reader mode a new screen's frames wait for its focus to settle (`cursor.SETTLE_DELAYS`),
# never longer than this. The wait ends as the focus settles (0.2 s); the limit only tells on a
# busy machine, whose timers run late: cut short there, a screen half laid out went out and a
# screen reader said "blank" for the row the cursor was passing (seen with both cores busy).
HOLD = 1.0
# Between the pieces of one screen.
PACE = 0.002
_MOVE = re.compile(r"\x1b\[\d+;\d+H")
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# A cursor move with nothing written before the next one (where one frame left the cursor,
# the next frame starting): it would only show the cursor on a row it is about to leave.
_SUPERSEDED = re.compile(r"\x1b\[\d+;\d+H(?=(?:\x1b\[\?\d+[hl])*\x1b\[\d+;\d+H)")


def pieces(frame: str, size: int = PIECE, cursor: str = "") -> list[str]:
    """A frame cut before cursor moves into pieces of about `size` characters (whole rows), each
    ending with a cursor move: to where the frame leaves it once its row has been painted,
    before that back to `cursor` (where it was: it must not land on a row not yet painted).
    A frame not ending with a cursor move is left whole."""
    frame = _SUPERSEDED.sub("", frame)
    moves = list(_MOVE.finditer(frame))
    if len(frame) <= size or not moves or moves[-1].end() != len(frame):
        return [frame]
    final = moves[-1].group()
    target_row = final[: final.index(";") + 1]  # "\x1b[ROW;"
    out: list[str] = []
    start = 0
    for move in moves[1:-1]:
        if move.start() - start >= size:
            piece = frame[start : move.start()]
            painted = any(m.group().startswith(target_row) for m in _MOVE.finditer(frame, 0, move.start()))
            out.append(piece + (final if painted or not cursor else cursor))
            start = move.start()
    out.append(frame[start:])
    return out


def paints_whole_screen(text: str, size: tuple[int, int]) -> bool:
    """Whether a frame paints every cell of a screen of `size` (columns, rows): Textual's full
    update, each row from its first column, the full width."""
    columns, rows = size
    if not rows or not text.startswith("\x1b[1;1H"):
        return False
    moves = list(_MOVE.finditer(text))
    if len(moves) != rows + 1 or moves[-1].end() != len(text):  # each row, then the cursor
        return False
    for row, (move, after) in enumerate(zip(moves, moves[1:]), start=1):
        if move.group() != f"\x1b[{row};1H":
            return False
        if cell_len(_CONTROL.sub("", text[move.end() : after.start()]).rstrip("\n")) != columns:
            return False
    return True


class PieceWriter:
    """The file Textual's writer thread writes to. What it writes is sent once the app has
    been quiet for a moment (a key often brings several frames: the new screen, then the
    focus and its cursor), so the cursor moves once, onto a screen already complete; then in
    pieces (see `pieces`), each sent at once."""

    def __init__(self, file: IO[str]) -> None:
        self._file = file
        self._buffer: list[str] = []
        self._size = 0
        self._first = self._last = 0.0
        self._sending = False
        self._held_until = 0.0
        self._holds = 0
        self._cursor = ""  # the last cursor move sent
        self._model = ScreenModel()
        self._changed = threading.Condition()
        threading.Thread(target=self._send_when_quiet, daemon=True, name="terminal-pieces").start()

    def write(self, text: str) -> int:
        # (The terminal's size is asked only for a frame that starts at the top left.)
        whole = self._buffer and text.startswith("\x1b[1;1H") and paints_whole_screen(text, self._screen_size())
        with self._changed:
            now = time.monotonic()
            if not self._buffer:
                self._first = now
            if whole:
                # Painted over: what is still waiting need not be sent (a screen reader would
                # read it all, and then this), except what sets modes rather than paints.
                self._buffer = [t for t in self._buffer if not _MOVE.search(t)]
                self._size = sum(map(len, self._buffer))
            self._buffer.append(text)
            self._size += len(text)
            self._last = now
            self._changed.notify_all()
        return len(text)

    def flush(self) -> None:
        """Nothing: what is written goes out when the app is quiet (`drain` sends it now)."""

    def drain(self, timeout: float = 2.0) -> None:
        """Send everything written so far, before returning (the app is leaving the screen)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            self._first = self._last = float("-inf")  # due at once
            self._held_until = 0.0
            self._changed.notify_all()
            while (self._buffer or self._sending) and time.monotonic() < deadline:
                self._changed.wait(0.05)

    def hold(self, seconds: float) -> int:
        """Send nothing for up to `seconds` (a new screen laying out), or until `release` of
        the number returned (a later hold is not ended by an earlier one's release)."""
        with self._changed:
            self._holds += 1
            self._held_until = time.monotonic() + seconds
            return self._holds

    def release(self, hold: int) -> None:
        with self._changed:
            if hold == self._holds:
                self._held_until = 0.0
                self._changed.notify_all()

    def _screen_size(self) -> tuple[int, int]:
        try:
            size = os.get_terminal_size(self._file.fileno())
        except (OSError, ValueError):
            return (0, 0)
        return (size.columns, size.lines)

    def fileno(self) -> int:
        return self._file.fileno()

    def isatty(self) -> bool:
        return self._file.isatty()

    def _send_when_quiet(self) -> None:
        while True:
            with self._changed:
                while not self._buffer:
                    self._changed.wait()
                quiet = QUIET_SCREEN if self._size > 2 * PIECE else QUIET
                due = max(min(self._last + quiet, self._first + LONGEST), self._held_until)
                wait = due - time.monotonic()
                if wait > 0:
                    self._changed.wait(wait)
                    continue
                text = self._model.unchanged_removed("".join(self._buffer))
                self._buffer.clear()
                self._size = 0
                self._sending = True
            try:
                for n, piece in enumerate(pieces(text, cursor=self._cursor)):
                    if n:
                        # A moment for the screen reader to take each piece as it is: sent
                        # faster, it reads from the middle of one (and the cursor is elsewhere).
                        time.sleep(PACE)
                    self._file.write(piece)
                    self._file.flush()
                moves = _MOVE.findall(text)
                self._cursor = moves[-1] if moves else self._cursor
            except OSError:
                pass  # the terminal has gone (a hang-up): nothing to show it on
            finally:
                with self._changed:
                    self._sending = False
                    self._changed.notify_all()


# The terminal's writer, once the app runs in one (never in Pilot's headless tests).
writer: PieceWriter | None = None


def hold_until_settled(seconds: float = HOLD) -> Callable[[], None]:
    """A new screen or focus: what it paints waits until the focus has settled, when the
    function returned is called (or `seconds` have passed)."""
    if writer is None:
        return lambda: None
    hold, held = writer.hold(seconds), writer
    return lambda: held.release(hold)
