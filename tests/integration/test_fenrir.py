"""A real console screen reader listens: Fenrir (Debian's fenrir) runs memberdesk in its own
PTY emulation inside tmux, with speech written to a file. After each key, what it says must
contain the item that gained focus: Fenrir speaks the row the terminal cursor moves to."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from fenrir import Speech, fenrir_available, write_settings
from library_factory import walk_library
from terminal import Terminal, tmux_available

pytestmark = pytest.mark.skipif(
    not (tmux_available() and fenrir_available()),
    reason="needs tmux and Debian's fenrir (apt-get install tmux fenrir): an optional check with a real screen reader",
)

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "demo-agenda-pack.pdf"


def test_fenrir_speaks_the_item_that_gains_focus(tmp_path: Path) -> None:
    home = tmp_path / "home"
    walk_library(home, DEMO)
    # Fenrir starts one program: a script that sets the environment and starts memberdesk.
    program = tmp_path / "memberdesk.sh"
    program.write_text(
        "#!/bin/sh\n"
        f"export MEMBERDESK_HOME='{home}' PYTHONPATH='{os.pathsep.join(sys.path)}' LANG=C.UTF-8\n"
        "unset COLUMNS LINES\n"
        f"exec '{sys.executable}' -m memberdesk --screen-reader\n"
    )
    program.chmod(0o755)
    speech = Speech(tmp_path / "spoken")
    settings = write_settings(tmp_path, program, speech.path)
    with Terminal(["fenrir", "-e", "-s", str(settings)], env={"LANG": "C.UTF-8"}, socket_dir=tmp_path) as terminal:
        terminal.wait_for("papers in the library", timeout=30)
        speech.next("papers in the library", timeout=10)  # Fenrir reads the first screen
        # Each key, and the words Fenrir must say (those of the row now under the cursor; Fenrir
        # says punctuation such as "-" in words).
        for key, words in [
            ("Down", "Paper: Highways report, 2 pages"),  # the first view is on the next meeting
            ("Down", "Health and Adult Services Scrutiny Committee: agenda reports pack"),
            ("Up", "Highways report, 2 pages"),
            ("c", "Next meeting "),  # a committee is followed: c opens on its next meeting
            ("Enter", "Item 1 Apologies for absence"),
            ("Down", "Item 2 Highways budget"),
            ("Down", "Paper: Highways report, 2 pages"),
            ("Down", "Paper: Health and Adult Services Scrutiny Committee"),
            ("Enter", "Northshire County Council"),  # the reader: the reading line is spoken
            ("Down", "Health and Adult Services Scrutiny Committee"),
            ("Down", "Meeting to be held on Tuesday, 12 January 2027"),
            # A new page opens on its first line of text, not its running header (kept out of the flow).
            ("Right", "Agenda"),
        ]:
            screen = terminal.press(key)
            said = speech.next(words)
            assert words.replace("  dash  ", " - ") in screen.cursor_row, (
                f"after {key}: cursor not on {words!r}\n{screen}"
            )
            assert words in said, f"after {key}: Fenrir said {said!r}, not {words!r}\n{screen}"


def _fenrir_app(tmp_path: Path, *, player_log: Path, args: str = "") -> tuple[Terminal, Speech]:
    home = tmp_path / "home"
    walk_library(home, DEMO)
    slow = Path(__file__).resolve().parents[1] / "support" / "slow_player.py"
    program = tmp_path / "memberdesk.sh"
    program.write_text(
        "#!/bin/sh\n"
        f"export MEMBERDESK_HOME='{home}' PYTHONPATH='{os.pathsep.join(sys.path)}' LANG=C.UTF-8\n"
        f"export MEMBERDESK_AUDIO_PLAYER='{sys.executable} {slow}' SLOW_PLAYER_LOG='{player_log}'\n"
        "unset COLUMNS LINES\n"
        f"exec '{sys.executable}' -m memberdesk --screen-reader {args}\n"
    )
    program.chmod(0o755)
    speech = Speech(tmp_path / "spoken")
    settings = write_settings(tmp_path, program, speech.path)
    terminal = Terminal(["fenrir", "-e", "-s", str(settings)], env={"LANG": "C.UTF-8"}, socket_dir=tmp_path)
    return terminal, speech


def test_one_voice_at_a_time_while_memberdesk_reads_aloud(tmp_path: Path) -> None:
    """While memberdesk reads aloud, Fenrir is silent (the screen stays still); Down before and
    after speaks only the new line, never the old one; stopping puts the reading line where
    reading stopped, and Fenrir says that line once."""
    played = tmp_path / "played"
    terminal, speech = _fenrir_app(tmp_path, player_log=played, args="open 2")  # the demo pack
    with terminal:
        terminal.wait_for("1 of 13", timeout=30)
        speech.next("Northshire County Council", timeout=10)
        terminal.press("Down")
        said = speech.next("Health and Adult Services Scrutiny Committee")
        assert "Northshire County Council" not in said, f"the old line was spoken again: {said!r}"
        terminal.press("r")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(played.read_text().splitlines() if played.exists() else []) < 3:
            time.sleep(0.2)
        assert played.exists() and len(played.read_text().splitlines()) >= 3, "memberdesk did not read aloud"
        during = speech.next("\x00", timeout=0.5)  # everything Fenrir said while memberdesk read
        lines = [line.strip() for line in during.splitlines() if line.strip()]
        assert all("read aloud" in line or "reading aloud" in line or "has attribute" in line for line in lines), (
            f"Fenrir spoke over memberdesk's voice: {during!r}"
        )
        screen = terminal.press("s")
        stopped = speech.next(screen.cursor_row.strip()[:15], timeout=5)
        assert screen.cursor_row.strip()[:15] in stopped, f"the line where reading stopped was not said: {stopped!r}"
