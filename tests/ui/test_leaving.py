"""Every screen and dialog can be left with Ctrl+G as well as Escape: a screen reader such as
Fenrir keeps Escape for itself, and a user must never be trapped. Backspace goes back too
wherever no text is being typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from memberdesk.access.active import ActiveProfile
from memberdesk.access.builtins import builtin_profiles
from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.screens.help import HelpScreen
from memberdesk.ui.screens.library import LibraryScreen
from memberdesk.ui.screens.paper import PaperScreen
from memberdesk.ui.screens.reader import ReaderScreen
from memberdesk.ui.screens.search import SearchScreen
from pilot_helpers import wait_for


@pytest.mark.parametrize("profile", ["standard", "screen-reader"])
async def test_ctrl_g_leaves_every_screen_it_opens(demo_home: Path, profile: str) -> None:
    active = ActiveProfile(builtin_profiles()[profile], "--profile")
    app = MemberdeskApp(demo_home, open_document=1, active=active)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        for opener, kind in [("f1", HelpScreen), ("ctrl+f", SearchScreen), ("ctrl+r", PaperScreen)]:
            await pilot.press(opener)
            await wait_for(pilot, lambda kind=kind: isinstance(app.screen, kind))
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        # The go-to-page question, the contents and the notes list: each a dialog over the reader.
        for opener in ["g", "c", "o"]:
            await pilot.press(opener)
            await wait_for(pilot, lambda: not isinstance(app.screen, ReaderScreen))
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        # Find's box in the reader closes, then the reader itself goes back to the library.
        await pilot.press("f")
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, ReaderScreen) and app.screen.page_view.has_focus
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))


async def test_backspace_closes_help_where_nothing_is_typed(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("backspace")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
