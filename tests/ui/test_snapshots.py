"""Snapshots of the main screens, so a change in what people see is a change someone chose."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from memberdesk.library import Library
from memberdesk.papers.importer import Importer
from memberdesk.ui.app import MemberdeskApp


@pytest.fixture
def fixed_home(demo_pdf: Path) -> Path:
    # A fixed folder: the library screen shows its path, and snapshots must not vary by run.
    home = Path(tempfile.gettempdir()) / "memberdesk-snapshots" / "home"
    shutil.rmtree(home.parent, ignore_errors=True)
    with Library(home) as library, Importer(library) as importer:
        importer.import_file(demo_pdf)
    return home


def test_library_screen(snap_compare, fixed_home: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(MemberdeskApp(fixed_home), terminal_size=(100, 30))


def test_reader_screen(snap_compare, fixed_home: Path) -> None:  # type: ignore[no-untyped-def]
    async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause(0.3)
        await pilot.press("right", "right", "right", "right", "right", "right", "down", "down")
        await pilot.pause(0.3)

    assert snap_compare(MemberdeskApp(fixed_home, open_document=1), terminal_size=(100, 30), run_before=settle)
