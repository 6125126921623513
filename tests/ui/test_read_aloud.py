"""Reading aloud in the reader, through Pilot, with the real espeak-ng backend.

Synthesis is real (pyttsx3 + espeak-ng in the worker process); the sound goes to a
FilePlayer, which copies each sentence's WAV and takes its real duration times `speed`,
because this machine has no sound card. The highlight is observed through the PageView's
own Moved messages (the reading line moves to each sentence as it starts).
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from textual.message import Message
from textual.widgets import OptionList, Static

from memberdesk.library import Library
from memberdesk.speech import FilePlayer
from memberdesk.speech.follow import DocumentSentences
from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.screens.help import HelpScreen
from memberdesk.ui.screens.library import LibraryScreen
from memberdesk.ui.screens.reader import ReaderScreen
from memberdesk.ui.screens.voices import VoiceScreen
from memberdesk.ui.speech_service import SpeechOptions
from memberdesk.ui.widgets.page_view import PageView

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")


async def wait_for(pilot, condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


def status(app: MemberdeskApp) -> str:
    return str(app.screen.query_one("#status", Static).content)


def squash(text: str) -> str:
    """Text compared without spacing or line-break hyphens (reflow and the PDF differ there)."""
    return re.sub(r"[\s-]+", "", text)


def worker_processes() -> list[int]:
    """Live speech worker processes started by this test process."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z" and b"memberdesk.speech.worker" in command:
            found.append(int(stat.parent.name))
    return found


class Recorder:
    """Each highlight as the reading line reaches it: (page index, highlighted text)."""

    def __init__(self) -> None:
        self.app: MemberdeskApp | None = None
        self.seen: list[tuple[int, str]] = []

    def __call__(self, message: Message) -> None:
        if not isinstance(message, PageView.Moved) or self.app is None:
            return
        screen = self.app.screen
        if not isinstance(screen, ReaderScreen):
            return
        view = screen.page_view
        spans = [h for h in view.highlights if h.kind == "speech"]
        text = " ".join(view.paragraphs[h.paragraph].text[h.start : h.end] for h in spans)
        if text and (not self.seen or self.seen[-1] != (screen.page_index, text)):
            self.seen.append((screen.page_index, text))


def speech_app(home: Path, player: FilePlayer, **options: object) -> MemberdeskApp:
    return MemberdeskApp(home, open_document=1, speech=SpeechOptions(backend="espeak", player=player, **options))  # type: ignore[arg-type]


async def test_highlight_follows_each_sentence_and_turns_pages(demo_home: Path, tmp_path: Path) -> None:
    player = FilePlayer(tmp_path / "played", speed=0.03)
    recorder = Recorder()
    app = speech_app(demo_home, player)
    recorder.app = app
    async with app.run_test(size=(100, 30), message_hook=recorder) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        # Page ii, its last line of text (above the footer, which is not read): the page turns soon.
        await pilot.press("right", "ctrl+end", "up", "up")
        await pilot.press("r")
        await wait_for(pilot, lambda: reader.page_index == 3, timeout=30)
        assert "reading aloud, sentence" in status(app)
        assert reader.page_view.has_focus and app.cursor_position.y > 0  # the terminal cursor is on the text
        await pilot.press("s")
    # Every sentence, in order, from the one under the reading line: none skipped or repeated.
    assert recorder.seen[0][0] == 1
    with Library(demo_home) as library:
        stored = [page.text for page in library.documents.pages(1)]
    sentences = DocumentSentences(lambda: stored)
    expected = [(p, squash(stored[p][s.start : s.end])) for p in range(1, 4) for s in sentences.page(p)]
    got = [(p, squash(text)) for p, text in recorder.seen]
    start = expected.index(got[0])
    assert got == expected[start : start + len(got)]
    assert {p for p, _ in got} >= {1, 2, 3}  # pages ii, iii and 1: turned twice while reading
    assert len(player.played) >= len(got)
