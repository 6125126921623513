"""Plain mode reading aloud while commands are typed: the library is written only by plain
mode's own thread, never by the speaker's (a write from there met the loop's open
transaction: "cannot start a transaction within a transaction")."""

from __future__ import annotations

import io
import sys
import threading
import time
from pathlib import Path

import pytest

from cli import memberdesk
from memberdesk.library import Library
from memberdesk.plain.session import PlainSession

SUPPORT = Path(__file__).resolve().parents[1] / "support"
WRITES = ("INSERT", "UPDATE", "DELETE", "BEGIN", "REPLACE")


class SlowInput(io.StringIO):
    """Commands typed by a person: a pause before each, so speech runs meanwhile."""

    def __init__(self, lines: list[tuple[float, str]]) -> None:
        super().__init__()
        self._lines = list(lines)

    def readline(self, size: int | None = -1) -> str:
        if not self._lines:
            return ""
        pause, line = self._lines.pop(0)
        time.sleep(pause)
        return line + "\n"


def test_speech_never_writes_from_its_own_thread(
    home: Path, demo_pdf: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert memberdesk("import", demo_pdf, home=home).code == 0
    # A player that takes a hundredth of each sentence's length: pages turn quickly.
    monkeypatch.setenv("MEMBERDESK_AUDIO_PLAYER", f"{sys.executable} {SUPPORT / 'slow_player.py'}")
    monkeypatch.setenv("SLOW_PLAYER_SPEED", "0.01")
    monkeypatch.setenv("SLOW_PLAYER_LOG", str(tmp_path / "played.log"))
    library = Library(home)
    owner = threading.get_ident()
    writers: list[tuple[int, str]] = []

    def trace(statement: str) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            writers.append((threading.get_ident(), statement.split()[0]))

    library.conn.set_trace_callback(trace)
    # b typed again and again while speech runs on: each is a transaction of plain mode's own.
    typed = [(0.0, "s")] + [(0.05, "b")] * 60 + [(0.0, "x"), (0.0, "w"), (0.0, "q")]
    out = io.StringIO()
    PlainSession(library, out, SlowInput(typed)).run(1, "i")
    said = out.getvalue()
    assert "Reading aloud from the top of page i" in said, said
    assert "cannot start a transaction" not in said
    played = (tmp_path / "played.log").read_text().splitlines()
    assert len(played) > 10, "speech should have run on while b was typed"
    assert writers and {thread for thread, _ in writers} == {owner}
    # The page speech reached was saved, by the loop: w says a page beyond the first.
    where = [line for line in said.splitlines() if "paragraph" in line and "(1 of" not in line]
    assert where, said[-800:]


def test_read_aloud_to_me_reads_a_paper_as_it_opens(
    home: Path, demo_pdf: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The first run's "Read aloud to me" in plain mode: o opens the paper and reading aloud
    starts at once from the page the councillor was on, with real espeak-ng; x stops it."""
    assert memberdesk("import", demo_pdf, home=home).code == 0
    monkeypatch.setenv("MEMBERDESK_AUDIO_PLAYER", f"{sys.executable} {SUPPORT / 'slow_player.py'}")
    monkeypatch.setenv("SLOW_PLAYER_SPEED", "1")
    monkeypatch.setenv("SLOW_PLAYER_LOG", str(tmp_path / "played.log"))
    log = tmp_path / "played.log"
    with Library(home) as library:
        library.documents.save_position(1, 4, 0)  # printed page 2, where reading stopped last time
        out = io.StringIO()
        PlainSession(library, out, SlowInput([(0.0, "o 1"), (0.0, "")])).run()
        assert "Reading aloud" not in out.getvalue() and not log.exists()  # not chosen: o reads one paragraph
    (home / "settings.toml").write_text('profile = "standard"\nread_aloud = true\n', encoding="utf-8")
    with Library(home) as library:
        out = io.StringIO()
        PlainSession(library, out, SlowInput([(0.0, "o 1"), (4.0, "x"), (0.0, "q")])).run()
    said = out.getvalue()
    assert "Reading aloud from the top of page 2. Type x and Enter to stop." in said, said
    assert "Stopped reading aloud." in said
    assert log.exists() and len(log.read_text().splitlines()) >= 1  # heard, not only announced
