"""The reader under each built-in profile, as people see it (colours, layout, ruler, markers)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from memberdesk.access.active import ActiveProfile
from memberdesk.access.builtins import BUILTIN_ORDER, builtin_profiles
from memberdesk.library import Library
from memberdesk.papers.importer import Importer
from memberdesk.ui.app import MemberdeskApp


@pytest.fixture
def profile_home() -> Path:
    # Fresh for each test: the library remembers the reading position, which must not carry over.
    home = Path(tempfile.gettempdir()) / "memberdesk-profile-snapshots" / "home"
    shutil.rmtree(home.parent, ignore_errors=True)
    demo = Path(__file__).resolve().parents[2] / "assets" / "demo" / "demo-agenda-pack.pdf"
    with Library(home) as library, Importer(library) as importer:
        importer.import_file(demo)
    return home


@pytest.mark.parametrize("name", list(BUILTIN_ORDER))
def test_reader_under_profile(snap_compare, profile_home: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause(0.3)
        await pilot.press("right", "right", "right", "right", "right", "right", "down", "down")
        await pilot.press("slash", *"care", "enter")
        await pilot.pause(0.3)

    app = MemberdeskApp(profile_home, open_document=1, active=ActiveProfile(builtin_profiles()[name], "--profile"))
    assert snap_compare(app, terminal_size=(100, 30), run_before=settle)
