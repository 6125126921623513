"""What a screen reader hears while a paper opens and as the reading line moves, sampled from a
real terminal (tmux): no page row is ever painted at a width other than the final one (a first
paint 10 columns wide is spoken as word fragments), and a Down repaints the row it leaves
before the row it reaches (else the old line is spoken after the new)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from terminal import Terminal, rows_in_order, tmux_available

pytestmark = pytest.mark.skipif(not tmux_available(), reason="tmux is not installed (scripts/test installs it)")

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "demo-agenda-pack.pdf"
MARKER = "\u203a"


@pytest.fixture
def terminal(tmp_path: Path, home: Path) -> Iterator[Terminal]:
    from cli import memberdesk

    assert memberdesk("import", DEMO, home=home).code == 0
    env = {
        "MEMBERDESK_HOME": str(home),
        "PYTHONPATH": os.pathsep.join(sys.path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "HOME": str(tmp_path),
    }
    started = Terminal([sys.executable, "-m", "memberdesk", "--screen-reader"], env=env, socket_dir=tmp_path, width=80)
    with started:
        started.wait_for("Imported papers", timeout=30)
        yield started


def _page_rows(lines: list[str]) -> list[str]:
    # Rows between the title (two rows at 80 columns) and the status line, marker taken off.
    return [line.replace(MARKER, " ").rstrip() for line in lines[2:-3]]


@pytest.mark.parametrize("times", [3])
def test_no_page_row_is_painted_at_another_width_while_a_paper_opens(terminal: Terminal, times: int) -> None:
    for _attempt in range(times):
        terminal._tmux("send-keys", "-t", "md", "Enter")
        samples = []
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            samples.append(terminal.capture())
            time.sleep(0.003)
        final = terminal.settle()
        assert "Agenda" in final.text or "Northshire" in final.text, final
        wanted = _page_rows(final.lines)
        reader = [s for s in samples if s.lines[0].startswith("  Health and Adult Services") and s.lines[1].strip()]
        assert reader, "the reader never appeared"
        for sample in reader:
            for got, want in zip(_page_rows(sample.lines), wanted):
                assert not got.strip() or got == want, f"a row painted at another width: {got!r}\n{sample}"
        terminal.press("Escape")
        terminal.wait_for("Imported papers")


def test_down_in_screen_reader_mode_writes_the_cursor_move_and_no_row(terminal: Terminal, tmp_path: Path) -> None:
    terminal.press("Enter")
    log = tmp_path / "output"
    for _ in range(4):
        before = terminal.settle()
        output = terminal.output_of("Down", log)
        after = terminal.last
        assert after is not None and after.y != before.y
        # In screen-reader mode no row changes (the cursor alone marks the reading line): no row
        # is written at all, only the cursor moved, so a screen reader has nothing to read again.
        # (Textual repaints both rows; ui/screen_model.py keeps what the screen already shows.)
        order = rows_in_order(output)
        assert order == [], f"rows painted in the order {order}; left {before.y}, reached {after.y}"
        assert f"\x1b[{after.y + 1};" in output  # the cursor move itself
