"""`memberdesk profile use NAME` run in another terminal while the app is open: the app takes
the new choice within a second, repainting the page; a profile named for the run wins."""

from __future__ import annotations

import asyncio
from pathlib import Path

from cli import memberdesk
from memberdesk.access.active import ActiveProfile
from memberdesk.access.builtins import builtin_profiles
from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.screens.reader import ReaderScreen
from memberdesk.ui.widgets.page_view import PageView
from pilot_helpers import wait_for


async def test_profile_use_elsewhere_switches_the_running_app(demo_home: Path) -> None:
    app = MemberdeskApp(demo_home, open_document=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        before = app.screen.query_one(PageView).styles.background
        run = await asyncio.to_thread(memberdesk, "profile", "use", "high-contrast-dark", home=demo_home)
        assert run.code == 0, run.err
        await wait_for(pilot, lambda: app.active_profile.profile.name == "high-contrast-dark", timeout=5)
        await pilot.pause(0.2)
        assert app.screen.query_one(PageView).styles.background != before
        assert any("Profile 'high-contrast-dark' is in use" in m for m in app.messages)


async def test_a_profile_named_for_the_run_is_kept(demo_home: Path) -> None:
    chosen = ActiveProfile(builtin_profiles()["dyslexia"], "--profile")
    app = MemberdeskApp(demo_home, open_document=1, active=chosen)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        run = await asyncio.to_thread(memberdesk, "profile", "use", "high-contrast-dark", home=demo_home)
        assert run.code == 0, run.err
        await pilot.pause(2.0)
        assert app.active_profile.profile.name == "dyslexia"
