"""Table mode in a real terminal (tmux), read as a screen reader reads it: after every key the
terminal cursor sits on the cell's first character, and the bottom row names the cell."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from cli import memberdesk
from terminal import Screen, Terminal, tmux_available

pytestmark = pytest.mark.skipif(not tmux_available(), reason="tmux is not installed (apt-get install tmux)")

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "demo-agenda-pack.pdf"


def _at_cursor(screen: Screen) -> str:
    return screen.cursor_row[screen.x :]


def _bar(screen: Screen) -> str:
    """The table bar: the last row with text (in screen-reader mode an empty message line is under it)."""
    return [line for line in screen.lines if line.strip()][-1].strip()


@pytest.mark.parametrize("profile", ["standard", "screen-reader"])
def test_the_cursor_is_on_each_cell_as_table_mode_moves(tmp_path: Path, profile: str) -> None:
    home = tmp_path / "home"
    assert memberdesk("import", DEMO, home=home).code == 0
    env = {
        "MEMBERDESK_HOME": str(home),
        "PYTHONPATH": os.pathsep.join(sys.path),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "LANG": "C.UTF-8",
        "HOME": str(tmp_path),
    }
    command = [sys.executable, "-m", "memberdesk", "--profile", profile, "open", "1"]
    with Terminal(command, env=env, socket_dir=tmp_path) as terminal:
        terminal.wait_for("Northshire County Council", timeout=20)
        terminal.press("g")
        terminal.type("4")
        terminal.press("Enter")
        terminal.wait_for("Page 4")
        screen = terminal.press("t")
        assert _at_cursor(screen).startswith("Care Act assessments completed"), screen
        assert _bar(screen).endswith("Measure: Care Act assessments completed within 28 days"), screen
        steps = [
            ("Right", "85%", "Target, Care Act assessments completed within 28 days: 85%"),
            ("Down", "80%", "Target, Reviews completed within 12 months: 80%"),
            ("End", "On target", "Status, Reviews completed within 12 months: On target"),
            ("Home", "Reviews completed within", "Measure: Reviews completed within 12 months"),
            ("C-End", "Below target", "Status, Safeguarding enquiries concluded within 60 days: Below target"),
            ("C-Home", "Care Act", "Measure: Care Act assessments completed within 28 days"),
        ]
        for key, cell, words in steps:
            screen = terminal.press(key)
            assert _at_cursor(screen).startswith(cell), f"{key}\n{screen}"
            assert _bar(screen) == words, f"{key}\n{screen}"
        screen = terminal.press("Escape")
        assert "Page 4" in " ".join(screen.lines[-3:]), (
            screen
        )  # the status line is back (it may wrap); still in the reader
