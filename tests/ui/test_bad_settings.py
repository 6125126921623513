"""A settings.toml that cannot be used: the app starts on the defaults and says so on screen."""

from __future__ import annotations

from pathlib import Path

from memberdesk.ui.app import MemberdeskApp
from memberdesk.ui.screens.paper import PaperScreen
from pilot_helpers import wait_for


def shown(app: MemberdeskApp) -> list[str]:
    """Toasts shown (Textual keeps them in the app) and status-line messages."""
    return [n.message for n in app._notifications] + [str(m) for m in app.messages]


async def test_a_deeply_nested_settings_file_is_shown_and_the_app_runs_on_defaults(demo_home: Path) -> None:
    (demo_home / "settings.toml").write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    app = MemberdeskApp(demo_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: any("nested too deeply" in text for text in shown(app)))
        assert app.active_profile.profile.name == "standard"
        await pilot.press("ctrl+r")  # the paper record reads the settings too: defaults, said
        await wait_for(pilot, lambda: isinstance(app.screen, PaperScreen))
