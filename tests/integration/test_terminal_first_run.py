"""The first run in a real terminal (tmux), as a new councillor meets it: `memberdesk` with an
empty library folder asks the three questions; Enter, arrows and letters only, against the
fixture council on 127.0.0.1; it ends on the library's next meeting."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from council_server import CouncilServer
from terminal import Terminal, tmux_available

pytestmark = pytest.mark.skipif(not tmux_available(), reason="needs tmux (Debian: apt-get install tmux)")
SLOW_PLAYER = Path(__file__).resolve().parents[1] / "support" / "slow_player.py"


def test_first_run_in_a_terminal(council_server: CouncilServer, home: Path, tmp_path: Path) -> None:
    home.mkdir(parents=True)
    (home / "councils.toml").write_text(
        f'[[council]]\nname = "Fixture County Council"\nurl = "{council_server.base_url}"\n'
    )
    env = {
        "MEMBERDESK_HOME": str(home),
        "PYTHONPATH": os.pathsep.join(sys.path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "HOME": str(tmp_path),
        # A player that plays nothing but logs each WAV it is given (this machine has no sound card).
        "MEMBERDESK_AUDIO_PLAYER": f"{sys.executable} {SLOW_PLAYER}",
        "SLOW_PLAYER_LOG": str(tmp_path / "played.log"),
        "SLOW_PLAYER_SPEED": "0.1",
    }
    with Terminal([sys.executable, "-m", "memberdesk"], env=env, socket_dir=tmp_path) as terminal:
        screen = terminal.wait_for("Question 1 of 3", timeout=30)
        assert "Winter Pressures Plan" in screen.text  # the real paragraph each way is shown on
        # The first question is spoken (real espeak-ng, through the player memberdesk was given).
        if shutil.which("espeak-ng"):
            log = tmp_path / "played.log"
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and not log.exists():
                time.sleep(0.1)
            assert log.exists() and len(log.read_text().splitlines()) == 1, "the first question was not spoken"
        assert "standard: " in screen.cursor_row
        screen = terminal.press("Down")
        assert "high-contrast-dark: " in screen.cursor_row
        terminal.press("Up")
        terminal.press("Enter")
        terminal.wait_for("Question 2 of 3")
        terminal.type("fixture")
        terminal.press("Enter")
        screen = terminal.wait_for("Question 3 of 3", timeout=30)
        assert "Audit & Governance Committee, not ticked" in screen.cursor_row
        terminal.press("Down")
        screen = terminal.press("Enter")
        screen = terminal.wait_for("Cabinet, ticked")
        assert "Cabinet, ticked" in screen.cursor_row
        terminal.press("Down", "Down")
        screen = terminal.settle()
        assert "Follow the 1 committee ticked" in screen.cursor_row
        terminal.press("Enter")
        screen = terminal.wait_for("Set-up finished", timeout=60)
        assert "Synced 3 meetings" in screen.text
        terminal.press("Enter")
        screen = terminal.wait_for("Next meeting: Cabinet, in 10 days", timeout=30)
        assert "Next meeting: Cabinet, in 10 days" in screen.cursor_row
    assert (home / "settings.toml").exists()
