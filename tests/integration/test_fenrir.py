"""A real console screen reader listens: Fenrir (Debian's fenrir) runs memberdesk in its own
PTY emulation inside tmux, with speech written to a file. After each key, what it says must
contain the item that gained focus: Fenrir speaks the row the terminal cursor moves to."""

from __future__ import annotations

import os
import sys
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
            ("c", "Northshire County Council, following 1 committee"),
            ("Enter", "Cabinet, followed"),
            ("Enter", "Next meeting "),
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
