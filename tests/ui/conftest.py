from __future__ import annotations

from pathlib import Path

import pytest

from memberdesk.library import Library
from memberdesk.papers.importer import Importer


@pytest.fixture
def demo_home(home: Path, demo_pdf: Path) -> Path:
    """A library holding the demo pack as document 1."""
    with Library(home) as library, Importer(library) as importer:
        assert importer.import_file(demo_pdf).document_id == 1
    return home


@pytest.fixture(autouse=True)
def _full_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    # The active profile's colours depend on the terminal's depth (TERM/COLORTERM); UI tests and
    # snapshots must not vary with the terminal the tests happen to run in.
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("TEXTUAL_COLOR_SYSTEM", raising=False)
